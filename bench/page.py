"""How fast the network page is made and drawn, on synthetic corpora of growing size.

    .venv/bin/python bench/page.py [--nodes 500,2000,5000] [--contacts 1000,10000,50000]
                                   [--skip draw|scale]

Two tables:

1. *draw*: for graphs of N actors (about 1.5 N contacts), the seconds from opening
   the file in headless Chromium (no network) until vis-network has stabilised, physics
   is off and the canvas is drawn; then how long a search and a click on an edge
   take to show their result. Each size is drawn twice: as the page opens by itself
   (above 1,500 actors: state view, single-partner actors hidden) and forced to draw
   every actor (person view, nothing hidden). "busy s" is the time the page's main
   thread was working (Chrome's TaskDuration): on a shared machine the wall time
   also counts waiting for a core.
2. *scale*: for C synthetic contacts, the CPU seconds of each step from extraction
   records to the written page: records → RDF (`build_graph`), RDF → networkx
   (`to_networkx`) and networkx → HTML (`render_page`); "graph+page" is the last two
   (RDF → page), with µs per contact, which stays flat when the steps are linear.

Synthetic actors: a tenth states, three tenths organisations, the rest persons who
act for a state; contacts pick their actors with a heavy-tailed preference, as
news does (a few actors in most contacts), in all modes; 80 % occurred, 10 % planned,
5 % offered, 5 % denied.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

from tawasul.extract.records import MODES, Actor, Article, ArticleResult, Contact
from tawasul.extract.records import Participant as Part
from tawasul.graph.network import to_networkx
from tawasul.graph.page import render_page
from tawasul.graph.rdf import build_graph

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--host-resolver-rules=MAP * ~NOTFOUND"]
LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
# as news reports them: mostly contacts that happened, some planned, few offered or denied
STATUS_MIX = ("occurred",) * 16 + ("planned",) * 2 + ("offered", "denied")


def arabic_name(rng: random.Random) -> str:
    return " ".join("".join(rng.choices(LETTERS, k=rng.randint(3, 6))) for _ in range(2))


def synthetic(actors: int, contacts: int, seed: int = 7) -> list[ArticleResult]:
    """Extraction records of a synthetic corpus: `contacts` contacts among `actors` actors."""
    rng = random.Random(seed)
    states = [
        Actor(f"s{i}", "state", arabic_name(rng), f"State {i}") for i in range(max(2, actors // 10))
    ]
    others: list[Actor] = []
    for i in range(actors - len(states)):
        if i % 7 < 3:
            others.append(Actor(f"o{i}", "organization", arabic_name(rng), f"Organisation {i}"))
        else:
            state = states[rng.randrange(len(states))]
            others.append(Actor(f"p{i}", "person", arabic_name(rng), None, affiliation=state))
    pool = states + others
    rng.shuffle(pool)
    weights = [1 / (rank + 1) ** 0.8 for rank in range(len(pool))]
    results: list[ArticleResult] = []
    per_article = 20
    for a in range(0, contacts, per_article):
        pieces, found = [], []
        for n in range(min(per_article, contacts - a)):
            # the first actors cover the pool once, so every actor takes part
            k = a + n
            first = pool[k] if k < len(pool) else rng.choices(pool, weights)[0]
            second = rng.choices(pool, weights)[0]
            while second.id == first.id:
                second = pool[rng.randrange(len(pool))]
            sentence = (
                f"بحث {first.label_ar} مع {second.label_ar} العلاقات الثنائية "
                f"والأوضاع في المنطقة خلال لقاء رقم {k}."
            )
            pieces.append((sentence, first, second, k))
        text = " ".join(p[0] for p in pieces)
        article = Article(
            f"syn-{a // per_article}",
            text,
            f"syn-{a}.txt",
            url=f"https://news.example.org/{a}",
            published=f"20{10 + (a // per_article) % 15:02d}-{1 + a % 12:02d}-{1 + a % 28:02d}",
        )
        start = 0
        for sentence, first, second, k in pieces:
            at = text.index(sentence, start)
            start = at + len(sentence)
            s1 = text.index(first.label_ar, at)
            s2 = text.index(second.label_ar, s1 + len(first.label_ar))
            found.append(
                Contact(
                    article_id=article.id,
                    participants=(
                        Part(first, first.label_ar, s1, s1 + len(first.label_ar)),
                        Part(second, second.label_ar, s2, s2 + len(second.label_ar)),
                    ),
                    mode=MODES[k % len(MODES)],
                    status=STATUS_MIX[k % len(STATUS_MIX)],
                    mediated=k % 9 == 0,
                    evidence=sentence,
                    evidence_start=at,
                    evidence_end=at + len(sentence),
                    trigger="بحث",
                    method="clause",
                )
            )
        results.append(ArticleResult(article, tuple(found), sentences=len(pieces)))
    return results


def scale(sizes: list[int]) -> None:
    """Seconds of CPU per step (the machine is shared, so wall time is shown beside)."""
    print(
        "contacts  actors  records→RDF  RDF→networkx  networkx→page  graph+page  "
        "µs/contact  wall s  page MB"
    )
    for contacts in sizes:
        results = synthetic(max(50, contacts // 5), contacts)
        wall, c0 = time.perf_counter(), time.process_time()
        graph = build_graph(results)
        c1 = time.process_time()
        network = to_networkx(graph)
        c2 = time.process_time()
        page = render_page(network, built="2026-01-01")
        c3 = time.process_time()
        wall = time.perf_counter() - wall
        print(
            f"{contacts:8,d}  {network.number_of_nodes():6,d}  {c1 - c0:11.2f}  {c2 - c1:12.2f}"
            f"  {c3 - c2:13.2f}  {c3 - c1:10.2f}  {1e6 * (c3 - c1) / contacts:10.0f}"
            f"  {wall:6.1f}  {len(page) / 1e6:7.1f}",
            flush=True,
        )


def draw(sizes: list[int]) -> None:
    if not CHROMIUM.exists():
        sys.exit(f"{CHROMIUM} is not installed: the draw table needs it")
    from playwright.sync_api import sync_playwright

    print(
        "actors  contacts  opens as           drawn actors  stable+drawn s  busy s"
        "  search s  click s"
    )
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        for actors in sizes:
            network = to_networkx(build_graph(synthetic(actors, actors * 3 // 2)))
            for label, options in (
                ("default", {}),
                ("all, person view", {"view": "person", "large": 10**9}),
            ):
                path = Path(folder) / f"page-{actors}-{len(options)}.html"
                path.write_text(render_page(network, built="2026-01-01", **options), "utf-8")
                print(f"{actors:6,d}  {len(network.edges):8,d}  ", end="", flush=True)
                print(f"{label:17s}  ", end="", flush=True)
                print(measure(browser, path), flush=True)
        browser.close()


def measure(browser, path: Path) -> str:
    """Open the page; time until stable and drawn, then a search and an edge click."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    outside: list[str] = []
    context.route(
        "**/*",
        lambda r: (
            r.continue_()
            if r.request.url == path.as_uri()
            else (outside.append(r.request.url), r.abort())
        ),
    )
    cdp = context.new_cdp_session(page)
    cdp.send("Performance.enable")
    start = time.perf_counter()
    page.goto(path.as_uri())
    page.wait_for_function("document.body.dataset.ready === 'true'", timeout=300_000)
    ready = time.perf_counter() - start
    metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    busy = metrics.get("TaskDuration", float("nan"))  # the renderer's main thread, CPU-bound
    drawn = page.evaluate("nodes.get({filter: n => !n.hidden}).length")

    start = time.perf_counter()
    page.fill("#tw-search", "state 1")
    page.wait_for_function(
        "document.getElementById('tw-shown').dataset.shown !== "
        "document.getElementById('tw-shown').dataset.total"
    )
    searched = time.perf_counter() - start
    page.click("#tw-reset")

    edge = page.evaluate(
        """() => {
            const shown = edges.get({filter: e => !e.hidden && e.view !== 'actsfor'});
            const box = document.querySelector('#mynetwork canvas').getBoundingClientRect();
            const clear = (dom) => [[0, 0], [8, 0], [-8, 0], [0, 8], [0, -8]].every(([x, y]) =>
                network.getNodeAt({x: dom.x + x, y: dom.y + y}) === undefined);
            for (const edge of shown) {
                const ends = network.getPositions([edge.from, edge.to]);
                const dom = network.canvasToDOM({x: (ends[edge.from].x + ends[edge.to].x) / 2,
                                                 y: (ends[edge.from].y + ends[edge.to].y) / 2});
                if (dom.x < 10 || dom.y < 10 || dom.x > box.width - 10 || dom.y > box.height - 10)
                    continue;
                if (network.getEdgeAt(dom) === edge.id && clear(dom))
                    return [edge.id, box.left + dom.x, box.top + dom.y];
            }
            return null;
        }"""
    )
    clicked = float("nan")
    if edge is not None:
        start = time.perf_counter()
        page.mouse.click(edge[1], edge[2])
        try:  # in a dense drawing the click may land on a neighbouring edge: any edge counts
            page.wait_for_selector("#tw-panel[data-edge] .tw-contact", timeout=10_000)
            clicked = time.perf_counter() - start
        except PlaywrightTimeout:
            pass
    context.close()
    if outside:
        raise SystemExit(f"the page asked the network for {outside[:3]}")
    return f"{drawn:12,d}  {ready:14.2f}  {busy:6.2f}  {searched:8.2f}  {clicked:7.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--nodes", default="500,2000,5000", help="actor counts to draw")
    parser.add_argument("--contacts", default="1000,10000,50000", help="contact counts to build")
    parser.add_argument("--skip", default="", help="draw or scale")
    args = parser.parse_args()
    skip = set(args.skip.split(","))
    if "draw" not in skip:
        draw([int(n) for n in args.nodes.split(",")])
        print()
    if "scale" not in skip:
        scale([int(n) for n in args.contacts.split(",")])


if __name__ == "__main__":
    main()
