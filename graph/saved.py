"""Saved queries (`graph/queries/*.rq`): the questions researchers ask, runnable by name.

`tawasul query --saved brokers` runs `graph/queries/brokers.rq` over a graph file or a
store. A query may be narrowed with `--bind a=actor:qatar`, which adds `VALUES ?a {…}`
to its outer pattern. A query whose header says `# tawasul: betweenness` returns the
edges of the network; the ranking by betweenness is then done with networkx.
"""

from __future__ import annotations

import re
from pathlib import Path

import networkx as nx
from rdflib import Graph
from tawasul.graph.sparql import run_query
from tawasul.graph.store import ContactStore
from tawasul.graph.vocab import PREFIXES

QUERIES_DIR = Path(__file__).resolve().parent / "queries"
Table = tuple[list[str], list[tuple[str, ...]]]

_TERM = re.compile(r"<[^<>\"{}|^`\\\s]+>|[A-Za-z][\w-]*:[\w.%:-]*|[\w.%-]+")


def saved_names() -> list[str]:
    return sorted(path.stem for path in QUERIES_DIR.glob("*.rq"))


def saved_text(name: str) -> str:
    """The text of a saved query, or a ValueError listing the known names."""
    path = QUERIES_DIR / f"{name}.rq"
    if not re.fullmatch(r"[\w-]+", name) or not path.is_file():
        raise ValueError(f"no saved query {name!r} (known: {', '.join(saved_names())})")
    return path.read_text(encoding="utf-8")


def bind(query: str, bindings: dict[str, str]) -> str:
    """Add `VALUES ?name { term }` at the start of the outer WHERE for each binding.

    A bare value is an actor id (`qatar` → `actor:qatar`); prefixed names and `<IRI>`s
    are taken as they are. Anything else is refused, so a value cannot change the query.
    """
    if not bindings:
        return query
    clauses = []
    for name, value in sorted(bindings.items()):
        if not re.fullmatch(r"[A-Za-z_]\w*", name):
            raise ValueError(f"--bind {name}={value}: not a variable name")
        if not _TERM.fullmatch(value):
            raise ValueError(f"--bind {name}={value}: not an IRI, prefixed name or actor id")
        term = value if (":" in value or value.startswith("<")) else f"actor:{value}"
        if term.split(":", 1)[0] not in PREFIXES and not term.startswith("<"):
            raise ValueError(f"--bind {name}={value}: unknown prefix")
        if f"?{name}" not in query:
            raise ValueError(f"--bind {name}: the query has no variable ?{name}")
        clauses.append(f"VALUES ?{name} {{ {term} }}")
    match = re.search(r"WHERE\s*\{", query)
    if match is None:
        raise ValueError("the query has no WHERE pattern to bind into")
    return query[: match.end()] + "\n  " + "\n  ".join(clauses) + query[match.end() :]


def run_sparql(source: Graph | ContactStore, query: str) -> Table:
    """Answer a query over an rdflib graph or an Oxigraph store, as display strings."""
    if isinstance(source, ContactStore):
        return source.query(query)
    return run_query(source, query)


def run_saved(
    source: Graph | ContactStore, name: str, bindings: dict[str, str] | None = None, top: int = 20
) -> Table:
    """Run a saved query by name; `brokers` is ranked by networkx betweenness."""
    text = saved_text(name)
    columns, rows = run_sparql(source, bind(text, bindings or {}))
    if "# tawasul: betweenness" in text:
        return brokers(columns, rows, top)
    return columns, rows


def brokers(columns: list[str], rows: list[tuple[str, ...]], top: int = 20) -> Table:
    """Actors ranked by betweenness centrality over the edges the query returned."""
    network = nx.Graph()
    for a, b, *rest in rows:
        network.add_edge(a, b, weight=int(rest[0]) if rest and rest[0].isdigit() else 1)
    if network.number_of_nodes() == 0:
        return ["actor", "betweenness", "degree"], []
    centrality = nx.betweenness_centrality(network, normalized=True)
    ranked = sorted(network.nodes, key=lambda n: (-centrality[n], -network.degree(n), n))
    table = [(n, f"{centrality[n]:.4f}", str(network.degree(n))) for n in ranked[:top]]
    return ["actor", "betweenness", "degree"], table


def parse_bindings(items: list[str] | None) -> dict[str, str]:
    """`["a=actor:qatar", "b=hamas"]` → {"a": "actor:qatar", "b": "hamas"}."""
    found: dict[str, str] = {}
    for item in items or []:
        name, sep, value = item.partition("=")
        if not sep or not name or not value:
            raise ValueError(f"--bind {item!r}: expected NAME=VALUE")
        found[name.strip().lstrip("?")] = value.strip()
    return found
