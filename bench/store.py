"""Benchmark: the saved queries over a synthetic graph of ≥ 1 M triples, Oxigraph vs rdflib.

    .venv/bin/python bench/store.py [--contacts 32000] [--timeout 120] [--seed 7]

The graph is made by the project's own builder (`build_graph`) from synthetic
extraction records: states, people affiliated to them, articles that report calls,
meetings and visits (half of the events reported by two or three articles, so the
merge across articles is exercised). Each saved query is timed once after a warm-up
in an Oxigraph store on disk and in rdflib's in-memory store; rdflib runs in a forked
process so that a query slower than `--timeout` is stopped and shown as `> N s`.
Prints a Markdown table (it is pasted in the README).
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tawasul.extract.records import (  # noqa: E402 (the checkout first, as the tests do)
    Actor,
    Article,
    ArticleResult,
    Contact,
    ContactDate,
    Participant,
)
from tawasul.graph.rdf import build_graph  # noqa: E402
from tawasul.graph.saved import bind, saved_names, saved_text  # noqa: E402
from tawasul.graph.sparql import run_query  # noqa: E402
from tawasul.graph.store import ContactStore  # noqa: E402

MODES = ("phone", "meeting", "visit", "talks", "message", "delegation", "unspecified")
STATUSES = ("occurred",) * 8 + ("planned", "planned", "offered", "denied")

#: Bindings that make the per-actor queries ask about real-looking actors.
BINDINGS = {
    "between": {"a": "actor:state-0", "b": "actor:state-1"},
    "timeline": {"actor": "actor:person-0"},
    "both-sides": {"a": "actor:state-0", "b": "actor:state-1"},
}


def synthetic_results(contacts: int, seed: int) -> list[ArticleResult]:
    """Articles of about four contacts each between skewed-popularity actors."""
    rng = random.Random(seed)
    states = [Actor(f"state-{i}", "state", f"دولة {i}", f"State {i}") for i in range(150)]
    people = [
        Actor(f"person-{i}", "person", f"شخص {i}", f"Person {i}", affiliation=states[i % 150])
        for i in range(1500)
    ]
    actors = states + people
    weights = [1 / (rank + 1) ** 0.8 for rank in range(len(actors))]
    events = []
    for n in range(int(contacts / 1.5)):
        a, b = rng.choices(actors, weights, k=2)
        while b.id == a.id:
            b = rng.choice(actors)
        day = f"{rng.randint(2020, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        mediator = rng.choice(states) if rng.random() < 0.05 else None
        events.append((n, a, b, rng.choice(MODES), rng.choice(STATUSES), day, mediator))
    reports = []
    for event in events:
        reports += [event] * rng.choice((1, 1, 2, 3))
    rng.shuffle(reports)
    results = []
    for start in range(0, len(reports), 4):
        article_id = f"article-{start // 4:06d}"
        sentences, found = [], []
        for n, a, b, mode, status, day, mediator in reports[start : start + 4]:
            offset = sum(len(s) + 1 for s in sentences)
            text = f"اتصال {n} بين {a.label_ar} و{b.label_ar}"
            sentences.append(text)
            pa = participant(a, offset + text.index(a.label_ar))
            pb = participant(b, offset + text.rindex(b.label_ar))
            via = () if mediator is None else (participant(mediator, offset),)
            found.append(
                Contact(
                    article_id=article_id,
                    participants=(pa, pb),
                    mode=mode,
                    status=status,
                    mediated=mediator is not None,
                    evidence=text,
                    evidence_start=offset,
                    evidence_end=offset + len(text),
                    trigger="اتصال",
                    method="tree",
                    intermediaries=via,
                    date_text=("أمس",),
                    date=ContactDate("أمس", day, "day", True),
                )
            )
        article = Article(article_id, " ".join(sentences), f"{article_id}.txt", None, "2024-12-31")
        results.append(ArticleResult(article, tuple(found), None, len(sentences)))
    return results


def participant(actor: Actor, start: int) -> Participant:
    return Participant(actor, actor.label_ar, start, start + len(actor.label_ar))


def timed(run: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    value = run()
    return time.perf_counter() - start, value


def _child(graph, query: str, pipe) -> None:
    seconds, (_, rows) = timed(lambda: run_query(graph, query))
    pipe.send((seconds, len(rows)))


def rdflib_time(graph, query: str, timeout: float) -> tuple[float | None, int | None]:
    """Seconds and rows of one rdflib query in a forked child, or (None, None) past timeout."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(graph, query, send))
    child.start()
    if receive.poll(timeout):
        seconds, rows = receive.recv()
        child.join()
        return seconds, rows
    child.kill()
    child.join()
    return None, None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--contacts",
        type=int,
        default=32000,
        help="reports to synthesise (32000: about 1.07 M triples)",
    )
    parser.add_argument("--timeout", type=float, default=120.0, help="rdflib seconds per query")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    seconds, results = timed(lambda: synthetic_results(args.contacts, args.seed))
    print(f"synthesised {len(results)} articles in {seconds:.1f} s", file=sys.stderr)
    seconds, graph = timed(lambda: build_graph(results))
    print(f"built {len(graph):,} triples (rdflib memory) in {seconds:.1f} s", file=sys.stderr)
    with tempfile.TemporaryDirectory() as folder:
        store = ContactStore(folder)
        load_s, _ = timed(lambda: store.replace_graph(graph))
        print(f"loaded into Oxigraph in {load_s:.1f} s", file=sys.stderr)
        rows = [
            f"Synthetic graph: {len(graph):,} triples, {len(results):,} articles; "
            f"Oxigraph load {load_s:.1f} s.",
            "",
            "| saved query | rows | Oxigraph (s) | rdflib memory (s) | speed-up |",
            "|---|---:|---:|---:|---:|",
        ]
        for name in saved_names():
            query = bind(saved_text(name), BINDINGS.get(name, {}))
            store.query(query)  # warm-up
            ox_s, (_, answer) = timed(lambda q=query: store.query(q))
            rd_s, rd_rows = rdflib_time(graph, query, args.timeout)
            if rd_s is None:
                rdflib_cell, ratio = f"> {args.timeout:.0f}", f"> {args.timeout / ox_s:.0f}×"
            else:
                rdflib_cell, ratio = f"{rd_s:.2f}", f"{rd_s / ox_s:.0f}×"
                if rd_rows != len(answer):
                    rdflib_cell += f" ({rd_rows} rows!)"
            rows.append(f"| {name} | {len(answer)} | {ox_s:.3f} | {rdflib_cell} | {ratio} |")
            print(rows[-1], file=sys.stderr)
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
