"""Throughput of the build on one corpus: bare Stanza against Tawasul, workers, Dask, cache.

    .venv/bin/python bench/throughput.py [--copies 5] [--workers 2] [--skip stanza-doc,...]

The corpus is the bundled seed articles plus the texts of ../shared/gold/dev-gold.json
(read at run time, never stored), copied `--copies` times; every copy gets its own
dateline sentence, so neither duplicate merging nor the cache skips it (5 copies:
525 articles). Every figure comes from a fresh Python process, so peak memory (the
process's own maximum resident set; the largest worker process separately) is per
measurement. Model loading is outside the timings of the bare runs and of the
one-worker build; a multi-worker or Dask build includes starting its workers, each
of which loads the models. Tokens/s always divides the same number: the tokens
bare Stanza finds in the whole articles.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT.parent / "shared" / "gold" / "dev-gold.json"
SEEDS = ROOT / "data" / "articles"
MODES = (
    "stanza-doc",
    "stanza-bulk",
    "tawasul-1",
    "cached",
    "tawasul-50",
    "tawasul-n",
    "dask-2",
)


def texts() -> list[str]:
    """The seed articles and the dev-set texts, in a fixed order."""
    found = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    if GOLD.exists():
        found += [d["text"] for d in json.loads(GOLD.read_text(encoding="utf-8"))["documents"]]
    else:
        print(f"note: {GOLD} not found; the corpus is the seeds only", file=sys.stderr)
    return found


def write_corpus(folder: Path, copies: int, limit: int | None) -> tuple[Path, Path]:
    """corpus.jsonl (every copy distinct) and small.jsonl (its first 50 articles, or a tenth)."""
    lines = []
    for copy in range(copies):
        for n, text in enumerate(texts()):
            dateline = f"نشر هذا الخبر في النسخة {copy + 1} تحت الرقم {n + 1}.\n"
            record = {"id": f"c{copy}-{n:03d}", "text": dateline + text}
            lines.append(json.dumps(record, ensure_ascii=False))
    lines = lines[:limit] if limit else lines
    corpus, small = folder / "corpus.jsonl", folder / "small.jsonl"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    small.write_text("\n".join(lines[: min(50, len(lines) // 10 or 1)]) + "\n", encoding="utf-8")
    return corpus, small


def peak_mb() -> tuple[float, float]:
    """(this process, its largest child) maximum resident set, in MiB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, child


def child(mode: str, corpus: Path, work: Path, workers: int) -> dict:
    """One measurement, in this (fresh) process."""
    articles = [json.loads(line)["text"] for line in corpus.read_text("utf-8").splitlines()]
    if mode.startswith("stanza"):
        import stanza
        from tawasul.extract.nlp import load_pipeline

        nlp = load_pipeline()
        start = time.perf_counter()
        if mode == "stanza-doc":
            docs = [nlp(text) for text in articles]
        else:
            docs = nlp.bulk_process([stanza.Document([], text=text) for text in articles])
        seconds = time.perf_counter() - start
        tokens = sum(len(s.tokens) for d in docs for s in d.sentences)
        return {"seconds": seconds, "tokens": tokens, "articles": len(articles)}

    from tawasul.extract.cache import ParseCache
    from tawasul.extract.nlp import load_pipeline
    from tawasul.extract.pipeline import Extractor

    from tawasul.build import build

    cache = ParseCache(work / "cache") if mode in ("tawasul-1", "cached") else None
    cluster = None
    runner = None
    if mode == "cached":
        extractor = Extractor.load(cache=cache)  # lazy: loads Stanza only if something misses
    elif mode in ("tawasul-1", "tawasul-50"):
        extractor = Extractor.load(nlp=load_pipeline(), cache=cache)
    else:
        extractor = Extractor.load(cache=cache)
        from tawasul.workers import DaskWorkers, ProcessWorkers, torch_threads

        if mode == "tawasul-n":
            runner = ProcessWorkers(workers)
        else:
            from distributed import LocalCluster

            cluster = LocalCluster(
                n_workers=2, threads_per_worker=1, host="127.0.0.1", dashboard_address=None
            )
            runner = DaskWorkers(cluster.scheduler_address, threads=torch_threads(2))
    start = time.perf_counter()
    report = build([corpus], work / f"out-{mode}", extractor=extractor, runner=runner)
    seconds = time.perf_counter() - start
    if cluster is not None:
        cluster.close()
    figures = {
        "seconds": seconds,
        "articles": len(report.results),
        "contacts": report.contacts,
        "errors": len(report.errors),
    }
    if mode == "cached":
        figures["stanza_loaded"] = extractor.nlp.loaded
    return figures


def measure(mode: str, corpus: Path, work: Path, workers: int) -> dict:
    """Run `child` in a fresh interpreter; also time the whole command."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, __file__, "--child", mode, str(corpus), str(work), str(workers)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    if done.returncode != 0:
        raise SystemExit(f"{mode} failed:\n{done.stderr[-3000:]}")
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    figures["command_seconds"] = time.perf_counter() - start
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=5, help="copies of the corpus (5: 525)")
    parser.add_argument("--workers", type=int, default=2, help="N for the N-worker build")
    parser.add_argument("--limit", type=int, help="only the first N articles (a quick try)")
    parser.add_argument("--skip", default="", help="comma-separated modes to leave out")
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        mode, corpus, work, workers = args.child
        figures = child(mode, Path(corpus), Path(work), int(workers))
        figures["peak_mb"], figures["worker_peak_mb"] = peak_mb()
        print(json.dumps(figures))
        return

    skip = set(filter(None, args.skip.split(",")))
    with tempfile.TemporaryDirectory(prefix="tawasul-bench-") as tmp:
        work = Path(tmp)
        corpus, small = write_corpus(work, args.copies, args.limit)
        count = len(corpus.read_text("utf-8").splitlines())
        print(
            f"corpus: {count} articles, {corpus.stat().st_size / 1e6:.1f} MB; "
            f"{os.cpu_count()} cores; {args.workers} workers",
            flush=True,
        )
        rows: dict[str, dict] = {}
        for mode in MODES:
            if mode in skip:
                continue
            rows[mode] = measure(
                mode, small if mode == "tawasul-50" else corpus, work, args.workers
            )
            print(mode, json.dumps(rows[mode]), flush=True)
        print_table(rows, args.workers)


def print_table(rows: dict[str, dict], workers: int) -> None:
    tokens = next((r["tokens"] for r in rows.values() if "tokens" in r), None)
    names = {
        "stanza-doc": "bare Stanza, one document at a time",
        "stanza-bulk": "bare Stanza, bulk_process",
        "tawasul-1": "Tawasul build, 1 worker (cache filled)",
        "cached": "Tawasul build, cached re-run",
        "tawasul-50": "Tawasul build, 1 worker, the small corpus",
        "tawasul-n": f"Tawasul build, {workers} worker processes",
        "dask-2": "Tawasul build, Dask, 2 local workers",
    }
    print()
    print("| run | articles | seconds | tokens/s | peak MiB (main / largest worker) |")
    print("|---|---:|---:|---:|---:|")
    for mode, r in rows.items():
        rate = "" if tokens is None or mode == "tawasul-50" else f"{tokens / r['seconds']:,.0f}"
        worker = f" / {r['worker_peak_mb']:,.0f}" if r["worker_peak_mb"] > 1 else ""
        print(
            f"| {names[mode]} | {r['articles']} | {r['seconds']:.1f} | {rate} | "
            f"{r['peak_mb']:,.0f}{worker} |"
        )
    if "stanza-bulk" in rows and "tawasul-1" in rows:
        share = rows["stanza-bulk"]["seconds"] / rows["tawasul-1"]["seconds"]
        print(f"\nTawasul 1 worker at {share:.0%} of bare bulk throughput")
    if "tawasul-1" in rows and "cached" in rows:
        c = rows["cached"]
        print(
            f"cached re-run {rows['tawasul-1']['seconds'] / c['seconds']:.0f}x faster "
            f"(build only; {rows['tawasul-1']['command_seconds'] / c['command_seconds']:.0f}x "
            f"counting process start and model load); Stanza loaded: {c['stanza_loaded']}"
        )
    if "tawasul-1" in rows and "tawasul-50" in rows:
        big, little = rows["tawasul-1"], rows["tawasul-50"]
        print(
            f"peak memory {big['articles']} vs {little['articles']} articles: "
            f"{big['peak_mb'] / little['peak_mb']:.2f}x"
        )


if __name__ == "__main__":
    main()
