"""Run SPARQL over a Tawasul graph and print the answer as a plain-text table."""

from __future__ import annotations

import unicodedata

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node
from tawasul.graph.vocab import PREFIXES, compact_iri


def run_query(graph: Graph, query: str) -> tuple[list[str], list[tuple[str, ...]]]:
    """Answer a SPARQL query as (column names, rows of display strings).

    The project prefixes are pre-bound so users may leave out PREFIX lines. ASK
    gives one `ask` column with `true`/`false`; CONSTRUCT and DESCRIBE give one
    row per triple (subject, predicate, object), sorted so output is stable.
    """
    try:
        result = graph.query(query, initNs=dict(PREFIXES))
    except Exception as exc:  # pyparsing and rdflib raise several unrelated types
        raise ValueError(f"bad SPARQL query: {exc}") from exc
    if result.type == "ASK":
        return ["ask"], [("true" if result.askAnswer else "false",)]
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        triples = sorted(
            tuple(term_text(term) for term in triple) for triple in result.graph or Graph()
        )
        return ["subject", "predicate", "object"], triples
    columns = [str(var) for var in result.vars or []]
    rows = [tuple(term_text(term) for term in row) for row in result]
    return columns, rows


def term_text(term: Node | None) -> str:
    """Show literals as their plain value and IRIs compacted with the known prefixes."""
    if term is None:
        return ""
    if isinstance(term, Literal):
        return str(term)
    if isinstance(term, URIRef):
        return compact_iri(str(term))
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def display_width(text: str) -> int:
    """Terminal columns a string takes: marks and format characters take none, wide CJK two."""
    width = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def _cell(text: str, max_width: int | None) -> str:
    flat = " ".join(text.split())
    if max_width is None or display_width(flat) <= max_width:
        return flat
    kept = ""
    for char in flat:
        if display_width(kept + char) > max_width - 1:
            break
        kept += char
    return kept + "…"


def _pad(text: str, width: int) -> str:
    return text + " " * (width - display_width(text))


def _line(cells: list[str], widths: list[int]) -> str:
    return " | ".join(_pad(c, w) for c, w in zip(cells, widths, strict=True)).rstrip()


def format_table(
    columns: list[str], rows: list[tuple[str, ...]], max_width: int | None = None
) -> str:
    """Aligned plain-text table; widths count what a terminal shows, so Arabic lines up.

    Cells are flattened to one line and, when `max_width` is given, cut with `…`.
    """
    header = [_cell(column, max_width) for column in columns]
    body = [[_cell(value, max_width) for value in row] for row in rows]
    widths = [display_width(cell) for cell in header]
    for row in body:
        widths = [max(width, display_width(cell)) for width, cell in zip(widths, row, strict=True)]
    lines = [_line(header, widths), "-+-".join("-" * width for width in widths)]
    lines += [_line(row, widths) for row in body]
    count = len(rows)
    lines.append(f"({count} row{'' if count == 1 else 's'})")
    return "\n".join(lines)
