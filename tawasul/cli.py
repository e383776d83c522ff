"""The `tawasul` command: build the graph from articles, query it with SPARQL.

tawasul build [INPUT ...] --out DIR     articles → DIR/graph.ttl, network.html, contacts.json
tawasul query GRAPH 'SPARQL'             print the result as a table
tawasul query --saved NAME [--store DIR]  a saved query of graph/queries by name
tawasul serve [--store DIR] [--port N]   the store over SPARQL 1.1 (read-only, 127.0.0.1)
tawasul export GRAPH --format F --out X  ttl, nt, jsonld, gexf, graphml, csv, plover
tawasul stats GRAPH                      network figures (actors, contacts, centrality)
tawasul eval GOLD.json [--out DIR]       score against annotated texts, through the RDF
tawasul models [download [--dir DIR]]    which Stanza models a run uses; fetch the official ones
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from tawasul import __version__
from tawasul.extract.nlp import ModelsUnavailable
from tawasul.extract.pipeline import DEFAULT_BATCH
from tawasul.output import OutputError

if TYPE_CHECKING:
    from tawasul.extract.pipeline import Extractor, Runner


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except OutputError as exc:
        print(f"tawasul: {exc}", file=sys.stderr)
        return 2
    except ModelsUnavailable as exc:
        print(f"tawasul: {exc}", file=sys.stderr)
        return 3
    except ValueError as exc:
        print(f"tawasul: {exc}", file=sys.stderr)
        return 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tawasul", description="Diplomatic contacts from Arabic news, as a knowledge graph."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    build = sub.add_parser("build", help="extract contacts and write graph, page and JSON")
    build.add_argument(
        "inputs",
        nargs="*",
        type=Path,
        help=".txt files, folders of them, or .jsonl files (default: the bundled articles)",
    )
    build.add_argument("--out", type=Path, default=Path("out"), help="output folder (out)")
    build.add_argument(
        "--format",
        dest="formats",
        default="ttl",
        help="comma-separated RDF syntaxes to write: ttl, nt, jsonld (default ttl)",
    )
    build.add_argument(
        "--max-chars",
        type=int,
        default=200_000,
        help="refuse articles longer than this many characters (default 200000)",
    )
    build.add_argument(
        "--workers", type=int, default=1, help="parse in N local processes (default 1)"
    )
    build.add_argument(
        "--scheduler",
        metavar="tcp://HOST:PORT",
        help="parse on this Dask distributed cluster instead (see README, Scale)",
    )
    build.add_argument(
        "--batch-size",
        type=int,
        default=DEFAULT_BATCH,
        help=f"articles parsed together; memory grows with it (default {DEFAULT_BATCH})",
    )
    build.add_argument(
        "--cache", type=Path, help="parse cache folder (default: .OUT.cache beside --out)"
    )
    build.add_argument(
        "--no-cache", action="store_true", help="parse every article again; keep no cache"
    )
    build.add_argument(
        "--published",
        metavar="DATE",
        help="publication date (YYYY-MM-DD) of articles that give none: anchors «أمس», weekdays",
    )
    build.add_argument(
        "--store",
        type=Path,
        metavar="DIR",
        help="keep the graph in this Oxigraph store; articles already in it are skipped",
    )
    build.add_argument(
        "--page-title",
        metavar="TEXT",
        help="title of network.html (default: Tawasul — diplomatic contacts)",
    )
    build.set_defaults(run=_build)

    query = sub.add_parser("query", help="run a SPARQL query over a saved graph or a store")
    query.add_argument("graph", type=Path, nargs="?", help="graph file (.ttl, .nt or .jsonld)")
    query.add_argument("sparql", nargs="?", help="the query text, or @FILE to read it from a file")
    query.add_argument("--store", type=Path, metavar="DIR", help="query this Oxigraph store")
    query.add_argument(
        "--saved", metavar="NAME", help="run a saved query of graph/queries (--saved list: names)"
    )
    query.add_argument(
        "--bind", action="append", metavar="VAR=VALUE", help="narrow a saved query: a=actor:qatar"
    )
    query.add_argument("--max-width", type=int, default=60, help="truncate cells (0 = never)")
    query.add_argument(
        "--format",
        dest="output",
        choices=("table", "csv", "json"),
        default="table",
        help="print an aligned table (default), CSV or JSON",
    )
    query.set_defaults(run=_query)

    evaluate = sub.add_parser(
        "eval", help="score extraction against an annotated gold file (read back from the RDF)"
    )
    evaluate.add_argument("gold", type=Path, help="gold JSON (the format of shared/gold)")
    evaluate.add_argument("--out", type=Path, help="also write graph, predictions and report here")
    evaluate.add_argument(
        "--cache", type=Path, help="parse cache folder (unchanged texts are not re-parsed)"
    )
    evaluate.add_argument("--no-errors", action="store_true", help="print the figures only")
    evaluate.set_defaults(run=_eval)

    serve = sub.add_parser("serve", help="serve a store read-only over the SPARQL 1.1 protocol")
    serve.add_argument("--store", type=Path, default=Path("store"), help="store folder (store)")
    serve.add_argument("--port", type=int, default=7878, help="TCP port (7878)")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (127.0.0.1)")
    serve.add_argument("--cors", action="store_true", help="allow cross-origin requests (off)")
    serve.set_defaults(run=_serve)

    export = sub.add_parser("export", help="write a graph or store in another tool's format")
    export.add_argument("graph", type=Path, nargs="?", help="graph file (.ttl, .nt or .jsonld)")
    export.add_argument("--store", type=Path, metavar="DIR", help="export this Oxigraph store")
    export.add_argument(
        "--format",
        dest="export_format",
        required=True,
        help="ttl, nt, jsonld, gexf, graphml, csv, plover",
    )
    export.add_argument("--out", type=Path, required=True, help="file to write")
    export.set_defaults(run=_export)

    stats = sub.add_parser("stats", help="print network figures of a saved graph")
    stats.add_argument("graph", type=Path)
    stats.set_defaults(run=_stats)

    models = sub.add_parser("models", help="which Stanza models a run uses (download: official)")
    models.set_defaults(run=_models)
    models_sub = models.add_subparsers(dest="models_command")
    download = models_sub.add_parser("download", help="fetch Stanza's official Arabic models")
    download.add_argument("--dir", type=Path, help="target folder (default: Stanza's own)")
    download.set_defaults(run=_models_download)
    return parser


def _build(args: argparse.Namespace) -> int:
    from tawasul.build import build
    from tawasul.extract.encoding import shown

    formats = [f.strip() for f in args.formats.split(",") if f.strip()]
    unknown = set(formats) - {"ttl", "nt", "jsonld"}
    if unknown:
        raise ValueError(f"unknown format(s) {', '.join(sorted(unknown))}: use ttl, nt, jsonld")

    if args.max_chars < 1:
        raise ValueError("--max-chars must be a positive number of characters")
    from tawasul.extract.dates import parse_day

    if args.published is not None and parse_day(args.published) is None:
        raise ValueError(f"--published {args.published!r}: not a date (expected YYYY-MM-DD)")
    from tawasul.progress import Progress, count_inputs

    extractor, runner = _extraction(args)
    progress = Progress(count_inputs(args.inputs) if sys.stderr.isatty() else None)
    try:
        report = build(
            args.inputs,
            args.out,
            extractor=extractor,
            formats=formats,
            progress=progress,
            max_chars=args.max_chars,
            runner=runner,
            published=args.published,
            store=args.store,
            page_title=args.page_title,
        )
    finally:
        progress.close()
    for warning in report.warnings:
        print(f"warning  {warning}", file=sys.stderr)
    ok = len(report.results) - len(report.errors)
    print(f"{report.contacts} contacts from {ok} article(s); {len(report.errors)} failed")
    if args.store is not None:
        print(f"parsed {report.parsed}, skipped {report.skipped} (already in {args.store})")
    copies = sum(len(c) for c in report.duplicates.values())
    if copies:
        print(f"{copies} duplicate text(s) merged into {len(report.duplicates)} article(s)")
        for article_id, sources in report.duplicates.items():
            print(f"  {shown(article_id)}: also in {', '.join(sources)}")
    if not report.files:
        print(f"no article could be read; {args.out} left as it was", file=sys.stderr)
    for path in report.files:
        print(f"wrote {path}")
    return 1 if report.errors or not report.files else 0


def _extraction(args: argparse.Namespace) -> tuple[Extractor, Runner | None]:
    """The extractor (models loaded lazily, cache beside the output) and where it runs."""
    from tawasul.extract.cache import ParseCache, default_folder
    from tawasul.extract.pipeline import Extractor

    if args.workers < 1:
        raise ValueError(f"--workers must be at least 1, not {args.workers}")
    if args.batch_size < 1:
        raise ValueError(f"--batch-size must be at least 1, not {args.batch_size}")
    cache = None if args.no_cache else ParseCache(args.cache or default_folder(args.out))
    extractor = Extractor.load(cache=cache, batch_size=args.batch_size)
    if args.workers == 1 and not args.scheduler:
        return extractor, None
    from tawasul.workers import make_runner  # imports Dask: only when asked for

    return extractor, make_runner(extractor, args.workers, args.scheduler)


def _source(graph: Path | None, store: Path | None):  # -> Graph | ContactStore
    """The graph file or the store a command reads (exactly one of them)."""
    from tawasul.graph.store import ContactStore, load_graph

    if (graph is None) == (store is None):
        raise ValueError("give a graph file or --store DIR (one of them)")
    return ContactStore(store, read_only=True) if store is not None else load_graph(graph)


def _query(args: argparse.Namespace) -> int:
    from tawasul.graph.saved import parse_bindings, run_saved, run_sparql, saved_names
    from tawasul.graph.sparql import format_table

    if args.saved == "list":
        print("\n".join(saved_names()))
        return 0
    if args.saved:
        if args.sparql is not None:
            raise ValueError("give --saved NAME or a query text, not both")
        columns, rows = run_saved(
            _source(args.graph, args.store), args.saved, parse_bindings(args.bind)
        )
    else:
        text = args.sparql
        if text is None and args.store is not None and args.graph is not None:
            text, args.graph = str(args.graph), None  # `query --store DIR 'SELECT …'`
        if text is None:
            raise ValueError("give a SPARQL query (or --saved NAME)")
        if args.bind:
            raise ValueError("--bind narrows a saved query: use it with --saved")
        if text.startswith("@"):
            try:
                text = Path(text[1:]).read_text(encoding="utf-8")
            except OSError as exc:
                raise ValueError(f"{text[1:]}: cannot read the query: {exc.strerror}") from exc
        columns, rows = run_sparql(_source(args.graph, args.store), text)
    if args.output == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows(rows)
    elif args.output == "json":
        records = [dict(zip(columns, row, strict=True)) for row in rows]
        print(json.dumps(records, ensure_ascii=False, indent=2))
    else:
        print(format_table(columns, rows, max_width=args.max_width or None))
    return 0


def _eval(args: argparse.Namespace) -> int:
    from tawasul.evaluate import evaluate, load_gold, report
    from tawasul.extract.cache import ParseCache
    from tawasul.extract.pipeline import Extractor

    load_gold(args.gold)  # a bad gold file fails before the models load
    cache = ParseCache(args.cache) if args.cache else None
    result, pred = evaluate(args.gold, Extractor.load(cache=cache), args.out)
    print(report(result, errors=not args.no_errors))
    for error in pred.get("errors", []):
        print(f"error  {error}", file=sys.stderr)
    return 1 if pred.get("errors") else 0


def _serve(args: argparse.Namespace) -> int:
    from tawasul.serve import serve

    serve(args.store, host=args.host, port=args.port, cors=args.cors)
    return 0


def _export(args: argparse.Namespace) -> int:
    from tawasul.graph.export import export
    from tawasul.graph.store import ContactStore

    source = _source(args.graph, args.store)
    graph = source.to_rdflib() if isinstance(source, ContactStore) else source
    print(f"wrote {export(graph, args.export_format, args.out)}")
    return 0


def _stats(args: argparse.Namespace) -> int:
    from tawasul.graph.network import summary, to_networkx
    from tawasul.graph.sparql import format_table
    from tawasul.graph.store import load_graph

    figures = summary(to_networkx(load_graph(args.graph)))
    print(
        f"{figures['nodes']} actors, {figures['contacts']} contacts, {figures['edges']} linked "
        f"pairs, {figures['components']} components, density {figures['density']:.3f}"
    )
    rows = [
        (r["label_en"] or "", r["label_ar"], str(r["degree"]), f"{r['centrality']:.3f}")
        for r in figures["top_degree"]
    ]
    print(format_table(["actor", "الاسم", "degree", "centrality"], rows))
    return 0


def _models(args: argparse.Namespace) -> int:
    from tawasul.models import describe, inspect_models

    print(describe(inspect_models()))
    return 0


def _models_download(args: argparse.Namespace) -> int:
    import os

    from tawasul.models import download_official

    where = download_official(args.dir)
    print(f"the official Stanza Arabic models are in {where}")
    if os.environ.get("STANZA_RESOURCES_DIR") != str(where):
        print(f"to use them: export STANZA_RESOURCES_DIR={where}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
