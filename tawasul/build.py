"""The main job: articles → extract → records → RDF, network page, contacts.json.

`build()` is the library form of `tawasul build`; it never stops at a bad
article: failures are reported in the returned `BuildReport` (and in the RDF as
`tw:error`), and every other article's contacts are still written.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from tawasul.contacts_json import write_contacts
from tawasul.extract.ingest import read_articles
from tawasul.extract.paths import DATA_DIR
from tawasul.extract.pipeline import Extractor
from tawasul.extract.records import ArticleResult
from tawasul.graph.network import to_networkx
from tawasul.graph.page import write_page
from tawasul.graph.rdf import build_graph
from tawasul.graph.store import save_graph

DEFAULT_INPUT = DATA_DIR / "articles"


@dataclass(frozen=True)
class BuildReport:
    """What a build produced, for the CLI to print and for callers to check."""

    results: tuple[ArticleResult, ...]
    files: tuple[Path, ...]

    @property
    def errors(self) -> list[str]:
        return [r.error for r in self.results if r.error]

    @property
    def contacts(self) -> int:
        return sum(len(r.contacts) for r in self.results)


def build(
    inputs: Sequence[str | Path],
    out: str | Path,
    extractor: Extractor | None = None,
    formats: Sequence[str] = ("ttl",),
    progress: Callable[[ArticleResult], None] | None = None,
) -> BuildReport:
    """Extract contacts from `inputs` and write graph, page and contacts.json into `out`."""
    extractor = extractor or Extractor.load()
    results = []
    for result in extractor.extract_all(read_articles(inputs or [DEFAULT_INPUT])):
        results.append(result)
        if progress:
            progress(result)
    out = Path(out)
    graph = build_graph(results)
    files = [save_graph(graph, out / f"graph.{fmt}") for fmt in formats]
    files.append(write_page(to_networkx(graph), out / "network.html"))
    files.append(write_contacts(results, out / "contacts.json"))
    return BuildReport(tuple(results), tuple(files))
