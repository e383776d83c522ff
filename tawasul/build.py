"""The main job: articles → extract → records → RDF, network page, contacts.json.

`build()` is the library form of `tawasul build`; it never stops at a bad
article: failures are reported in the returned `BuildReport` (and in the RDF as
`tw:error`), and every other article's contacts are still written. The output
folder is checked before any parsing, locked against a second build, and replaced
whole at the end (`tawasul.output`); nothing is written when no article was read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from tawasul.contacts_json import write_contacts
from tawasul.extract.ingest import MAX_CHARS, IngestError, read_corpus
from tawasul.extract.paths import DATA_DIR
from tawasul.extract.pipeline import Extractor, Runner
from tawasul.extract.records import Article, ArticleResult
from tawasul.graph.network import to_networkx
from tawasul.graph.page import corpus_name, write_page
from tawasul.graph.rdf import build_graph
from tawasul.graph.store import ContactStore, save_graph
from tawasul.output import check_writable, locked, staged

DEFAULT_INPUT = DATA_DIR / "articles"


@dataclass(frozen=True)
class BuildReport:
    """What a build produced, for the CLI to print and for callers to check."""

    results: tuple[ArticleResult, ...]
    files: tuple[Path, ...]
    warnings: tuple[str, ...] = ()
    parsed: int = 0  # articles extracted in this run
    skipped: int = 0  # articles already in the --store (same text hash): not parsed again

    @property
    def errors(self) -> list[str]:
        return [r.error for r in self.results if r.error]

    @property
    def contacts(self) -> int:
        return sum(len(r.contacts) for r in self.results)

    @property
    def duplicates(self) -> dict[str, tuple[str, ...]]:
        """Article id → where copies of its text were also read (merged into it)."""
        return {r.article.id: r.article.duplicates for r in self.results if r.article.duplicates}


def build(
    inputs: Sequence[str | Path],
    out: str | Path,
    extractor: Extractor | None = None,
    formats: Sequence[str] = ("ttl",),
    progress: Callable[[ArticleResult], None] | None = None,
    max_chars: int = MAX_CHARS,
    runner: Runner | None = None,
    published: str | None = None,
    store: str | Path | None = None,
    page_title: str | None = None,
) -> BuildReport:
    """Extract contacts from `inputs` and write graph, page and contacts.json into `out`.

    Raises `tawasul.output.OutputError` before reading anything when `out` cannot be
    written or another build holds it; `files` is empty when no article could be read.
    `runner` parses elsewhere (`tawasul.workers`: local processes, a Dask cluster);
    results stream back in input order, one batch at a time. `published` is the
    publication date of the articles that carry none (their «أمس» is anchored to it).
    With `store`, the graph is kept in that Oxigraph store folder: articles already
    in it are skipped, and the graph and files cover every article stored so far.
    `page_title` titles network.html, whose header also names the inputs (`corpus_name`).
    """
    out = Path(out)
    check_writable(out)
    with locked(out):
        corpus = read_corpus(inputs or [DEFAULT_INPUT], max_chars)
        warnings = tuple(str(w) for w in corpus.warnings)
        if not corpus.articles:  # nothing to extract: no models to load, nothing to write
            failed = [
                ArticleResult(Article(e.source, "", e.source), error=str(e)) for e in corpus.errors
            ]
            for result in failed:
                if progress:
                    progress(result)
            return BuildReport(tuple(failed), (), warnings)
        kept = ContactStore(store) if store is not None else None
        items: Iterable[Article | IngestError] = _with_published(corpus.items, published)
        skipped = 0
        if kept is not None:  # an article whose text hash is stored is not parsed again
            listed = list(items)
            items = [i for i in listed if not (isinstance(i, Article) and kept.has(i))]
            skipped = len(listed) - len(items)
        results = []
        if skipped < len(corpus.articles):
            extractor = extractor or Extractor.load()
            for result in extractor.extract_all(items, runner):
                results.append(result)
                if kept is not None:
                    kept.add(result)
                if progress:
                    progress(result)
        parsed = len(corpus.articles) - skipped
        if kept is not None:  # everything stored so far, plus this run's failures
            results = kept.results() + [r for r in results if r.error]
        graph = build_graph(results)
        if kept is not None:
            kept.replace_graph(graph)
        with staged(out) as stage:
            written = [save_graph(graph, stage / f"graph.{fmt}") for fmt in formats]
            page = {"title": page_title} if page_title else {}
            corpus_label = corpus_name(inputs or [DEFAULT_INPUT])
            network_page = stage / "network.html"
            written.append(
                write_page(to_networkx(graph), network_page, corpus=corpus_label, **page)
            )
            written.append(write_contacts(results, stage / "contacts.json"))
        files = tuple(out / p.name for p in written)
        return BuildReport(tuple(results), files, warnings, parsed, skipped)


def _with_published(
    items: Iterable[Article | IngestError], published: str | None
) -> Iterator[Article | IngestError]:
    """Give `published` to the articles that carry no publication date of their own."""
    for item in items:
        if published and isinstance(item, Article) and not item.published:
            yield replace(item, published=published)
        else:
            yield item
