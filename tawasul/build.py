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
from tawasul.graph.page import write_page
from tawasul.graph.rdf import build_graph
from tawasul.graph.store import save_graph
from tawasul.output import check_writable, locked, staged

DEFAULT_INPUT = DATA_DIR / "articles"


@dataclass(frozen=True)
class BuildReport:
    """What a build produced, for the CLI to print and for callers to check."""

    results: tuple[ArticleResult, ...]
    files: tuple[Path, ...]
    warnings: tuple[str, ...] = ()

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
) -> BuildReport:
    """Extract contacts from `inputs` and write graph, page and contacts.json into `out`.

    Raises `tawasul.output.OutputError` before reading anything when `out` cannot be
    written or another build holds it; `files` is empty when no article could be read.
    `runner` parses elsewhere (`tawasul.workers`: local processes, a Dask cluster);
    results stream back in input order, one batch at a time. `published` is the
    publication date of the articles that carry none (their «أمس» is anchored to it).
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
        extractor = extractor or Extractor.load()
        results = []
        items = _with_published(corpus.items, published)
        for result in extractor.extract_all(items, runner):
            results.append(result)
            if progress:
                progress(result)
        graph = build_graph(results)
        with staged(out) as stage:
            written = [save_graph(graph, stage / f"graph.{fmt}") for fmt in formats]
            written.append(write_page(to_networkx(graph), stage / "network.html"))
            written.append(write_contacts(results, stage / "contacts.json"))
        return BuildReport(tuple(results), tuple(out / p.name for p in written), warnings)


def _with_published(
    items: Iterable[Article | IngestError], published: str | None
) -> Iterator[Article | IngestError]:
    """Give `published` to the articles that carry no publication date of their own."""
    for item in items:
        if published and isinstance(item, Article) and not item.published:
            yield replace(item, published=published)
        else:
            yield item
