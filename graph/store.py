"""Save and load Tawasul graphs (the RDF syntax from the file extension), and keep them
in a persistent Oxigraph store that grows as articles are added (`ContactStore`)."""

from __future__ import annotations

import hashlib
import json
import pickle
import re
from pathlib import Path
from typing import Any

from rdflib import Graph
from tawasul.extract.records import Article, ArticleResult
from tawasul.graph.vocab import PREFIXES, bind_prefixes, compact_iri

FORMATS = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld"}


def graph_format(path: str | Path) -> str:
    """rdflib format name for a path, or a ValueError that names the path."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        known = ", ".join(sorted(FORMATS))
        raise ValueError(f"{path}: unknown RDF file extension {suffix!r} (use one of {known})")
    return FORMATS[suffix]


def jsonld_context() -> dict[str, str]:
    """Compact JSON-LD @context: one term per project prefix, so keys read as `tw:mode`."""
    return {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}


def save_graph(graph: Graph, path: str | Path) -> Path:
    """Write the graph to `path` (.ttl, .nt or .jsonld), creating parent folders."""
    fmt = graph_format(path)
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    bind_prefixes(graph)
    if fmt == "json-ld":
        data = graph.serialize(format=fmt, context=jsonld_context(), auto_compact=True)
        data = json.dumps(_sorted_jsonld(json.loads(data)), ensure_ascii=False, indent=2) + "\n"
    elif fmt == "nt":
        data = _sorted_ntriples(graph)
    else:
        data = _turtle(_sorted_ntriples(graph))
    target.write_text(data, encoding="utf-8")
    return target


def _sorted_ntriples(graph: Graph) -> str:
    """N-Triples, one line per triple in sorted order: the same graph, the same file."""
    # "\n" only: rdflib writes U+2028 and U+0085 raw inside literals, splitlines would cut them
    lines = sorted(line for line in graph.serialize(format="nt").split("\n") if line)
    return "\n".join(lines) + "\n"


def _turtle(ntriples: str) -> str:
    """Turtle with the project prefixes, written by Oxigraph from sorted N-Triples: four
    times faster than rdflib's Turtle writer, and the sorted input keeps it stable."""
    import pyoxigraph

    triples = pyoxigraph.parse(ntriples.encode("utf-8"), format=pyoxigraph.RdfFormat.N_TRIPLES)
    prefixes = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
    data = pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.TURTLE, prefixes=prefixes)
    return data.decode("utf-8")


def _sorted_jsonld(value: Any, key: str | None = None) -> Any:
    """Order nodes and multi-values so the same graph always writes the same file.

    Array order carries no meaning in JSON-LD except inside @list, which is left alone.
    """
    if isinstance(value, dict):
        return {k: _sorted_jsonld(v, k) for k, v in sorted(value.items())}
    if isinstance(value, list):
        items = [_sorted_jsonld(item) for item in value]
        if key == "@list":
            return items
        return sorted(items, key=lambda item: json.dumps(item, ensure_ascii=False, sort_keys=True))
    return value


def load_graph(path: str | Path) -> Graph:
    """Read a graph saved by `save_graph` (or any file in the same three syntaxes)."""
    fmt = graph_format(path)
    graph = bind_prefixes(Graph())
    try:
        graph.parse(Path(path), format=fmt)
    except FileNotFoundError as exc:
        raise ValueError(f"{path}: no such file") from exc
    except Exception as exc:  # rdflib parsers raise many unrelated exception types
        raise ValueError(f"{path}: cannot parse as {fmt}: {exc}") from exc
    return graph


# --- the persistent store: Oxigraph plus each article's extraction result ------------------


def text_hash(article: Article) -> str:
    """What makes an article's extraction unique: its text, and the date «أمس» is read from."""
    key = f"{article.text}\x1f{article.published or ''}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


class ContactStore:
    """A folder that keeps the graph in Oxigraph and, beside it, each article's result.

    Events merge across articles, so adding an article can change an event that is
    already stored; the graph is therefore rebuilt from every kept result (cheap)
    while only the new articles are parsed (the expensive part). A build in two
    batches thus gives the same graph as a build of everything at once.
    """

    def __init__(self, folder: str | Path, read_only: bool = False):
        self.folder = Path(folder)
        self.read_only = read_only
        self._oxigraph: Any = None
        if read_only and not (self.folder / "oxigraph").is_dir():
            raise ValueError(f"{self.folder}: no Tawasul store here (build one with --store)")
        if not read_only:
            try:
                (self.folder / "results").mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise ValueError(f"{self.folder}: cannot create the store: {exc}") from exc

    @property
    def oxigraph(self) -> Any:
        """The Oxigraph database, opened on first use (read-only for `tawasul serve`)."""
        if self._oxigraph is None:
            import pyoxigraph

            path = str(self.folder / "oxigraph")
            try:
                if self.read_only:
                    self._oxigraph = pyoxigraph.Store.read_only(path)
                else:
                    self._oxigraph = pyoxigraph.Store(path)
            except OSError as exc:
                raise ValueError(f"{path}: cannot open the Oxigraph store: {exc}") from exc
        return self._oxigraph

    def _result_path(self, article: Article) -> Path:
        digest = text_hash(article)
        return self.folder / "results" / digest[:2] / f"{digest}.pickle"

    def has(self, article: Article) -> bool:
        """True when an article with this text (and publication date) is already stored."""
        return self._result_path(article).exists()

    def add(self, result: ArticleResult) -> None:
        """Keep a successful result; a failed article is tried again next time."""
        if result.error:
            return
        path = self._result_path(result.article)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
        tmp.replace(path)

    def results(self) -> list[ArticleResult]:
        """Every kept result, ordered by article id (so the graph never depends on batches)."""
        found = []
        for path in sorted((self.folder / "results").glob("*/*.pickle")):
            try:
                found.append(pickle.loads(path.read_bytes()))
            except (pickle.UnpicklingError, EOFError, AttributeError, ImportError) as exc:
                raise ValueError(f"{path}: damaged store entry ({exc}); delete it") from exc
        return sorted(found, key=lambda r: (r.article.id, r.article.source))

    def replace_graph(self, graph: Graph) -> None:
        """Make the Oxigraph database hold exactly `graph` (default graph)."""
        import pyoxigraph

        data = graph.serialize(format="nt", encoding="utf-8")
        store = self.oxigraph
        store.clear()
        store.bulk_load(data, format=pyoxigraph.RdfFormat.N_TRIPLES)
        store.flush()

    def to_rdflib(self) -> Graph:
        """The stored graph as an rdflib Graph (for the network view and the exports)."""
        import pyoxigraph

        data = self.oxigraph.dump(
            format=pyoxigraph.RdfFormat.N_TRIPLES, from_graph=pyoxigraph.DefaultGraph()
        )
        return bind_prefixes(Graph()).parse(data=data, format="nt")

    def query(self, sparql: str) -> tuple[list[str], list[tuple[str, ...]]]:
        """Answer SPARQL in Oxigraph as (columns, rows of display strings), like `run_query`."""
        return oxigraph_query(self.oxigraph, sparql)


def sparql_prologue() -> str:
    """PREFIX lines for the project prefixes, so queries may leave them out."""
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())


def query_error(exc: Exception) -> str:
    """Oxigraph's parse error on one line, its line number counted in the user's query."""
    first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    shift = len(PREFIXES)
    return re.sub(
        r"at (\d+):", lambda m: f"at line {max(int(m.group(1)) - shift, 1)}, column ", first
    )


def oxigraph_query(store: Any, sparql: str) -> tuple[list[str], list[tuple[str, ...]]]:
    """Run a query in a pyoxigraph store and show terms the way `tawasul query` does."""
    import pyoxigraph

    try:
        result = store.query(sparql_prologue() + sparql)
    except (SyntaxError, ValueError, OSError) as exc:
        raise ValueError(f"bad SPARQL query: {query_error(exc)}") from exc
    if isinstance(result, pyoxigraph.QueryBoolean):
        return ["ask"], [("true" if bool(result) else "false",)]
    if isinstance(result, pyoxigraph.QueryTriples):
        rows = sorted(
            (_ox_text(t.subject), _ox_text(t.predicate), _ox_text(t.object)) for t in result
        )
        return ["subject", "predicate", "object"], rows
    columns = [v.value for v in result.variables]
    rows = [tuple(_ox_text(solution[v]) for v in columns) for solution in result]
    return columns, rows


def _ox_text(term: Any) -> str:
    import pyoxigraph

    if term is None:
        return ""
    if isinstance(term, pyoxigraph.NamedNode):
        return compact_iri(term.value)
    if isinstance(term, pyoxigraph.BlankNode):
        return f"_:{term.value}"
    return term.value
