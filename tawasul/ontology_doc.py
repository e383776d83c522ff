"""docs/ontology.md, generated from data/ontology/tawasul.ttl so the two never disagree.

The Turtle file is the vocabulary's one source: classes, properties and the closed
lists of modes, statuses and offices, with their English and Arabic labels. This
module renders it as a page a SPARQL user can read, in the file's own order, with
the file's comment blocks (the attestation shape, the date stamps) as notes.

    python -m tawasul.ontology_doc            # rewrite docs/ontology.md
    python -m tawasul.ontology_doc --check    # exit 1 when the page is stale
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS
from rdflib.term import Node

from tawasul.graph.vocab import ONTOLOGY_PATH

DEFAULT_OUT = Path("docs") / "ontology.md"
SOURCE = "data/ontology/tawasul.ttl"
COMMAND = "python -m tawasul.ontology_doc"
DCTERMS_TITLE = URIRef("http://purl.org/dc/terms/title")
PROPERTY_KINDS = (
    (OWL.ObjectProperty, "Object properties", "links a node to another node"),
    (OWL.DatatypeProperty, "Datatype properties", "gives a node a literal value"),
)


def render(path: Path = ONTOLOGY_PATH) -> str:
    """The Markdown page for the ontology in `path`."""
    text = path.read_text(encoding="utf-8")
    graph = Graph(bind_namespaces="none").parse(data=text, format="turtle")
    order = _file_order(text, graph)
    names = _Names(graph)
    lines = [
        "# The Tawasul ontology",
        "",
        f"<!-- Generated from {SOURCE} by `{COMMAND}`; edit the Turtle file, not this page. -->",
        "",
    ]
    lines += _header(graph, names)
    classes = order(graph.subjects(RDF.type, OWL.Class))
    lines += ["## Classes", ""]
    for cls in classes:
        lines += _class_section(graph, names, cls, order)
    for kind, title, meaning in PROPERTY_KINDS:
        properties = order(graph.subjects(RDF.type, kind))
        if not properties:
            continue
        lines += [f"## {title}", "", f"Each {meaning}.", ""]
        lines += ["| property | label | domain → range | comment |", "|---|---|---|---|"]
        for prop in properties:
            functional = " (one value)" if (prop, RDF.type, OWL.FunctionalProperty) in graph else ""
            span = f"{names.all(graph.objects(prop, RDFS.domain))} → "
            span += names.all(graph.objects(prop, RDFS.range))
            lines.append(
                f"| `{names(prop)}` | {_label(graph, prop, 'en')} | {span}{functional} "
                f"| {_cell(_comment(graph, prop))} |"
            )
        lines.append("")
    notes = _comment_blocks(text)
    if notes:
        lines += ["## Notes from the Turtle file", ""]
        for note in notes:
            lines += ["```", *note, "```", ""]
    return "\n".join(lines).rstrip() + "\n"


class _Names:
    """Compact IRIs with the file's own prefixes (tw:Contact, sem:Event, xsd:integer)."""

    def __init__(self, graph: Graph) -> None:
        self.prefixes = sorted(
            ((str(ns), prefix) for prefix, ns in graph.namespaces() if prefix),
            key=lambda pair: -len(pair[0]),
        )

    def __call__(self, node: Node) -> str:
        iri = str(node)
        for ns, prefix in self.prefixes:
            if iri.startswith(ns) and iri != ns:
                return f"{prefix}:{iri[len(ns) :]}"
        return f"<{iri}>"

    def all(self, nodes) -> str:
        found = sorted(f"`{self(n)}`" for n in nodes)
        return ", ".join(found) or "—"


def _file_order(text: str, graph: Graph):
    """A sort in the order the Turtle file defines its terms (then by IRI)."""
    names = _Names(graph)
    where = {m.group(1): m.start() for m in re.finditer(r"^(\S+:\S+) a ", text, re.M)}

    def order(nodes) -> list[Node]:
        unique = {n for n in nodes if isinstance(n, URIRef)}
        return sorted(unique, key=lambda n: (where.get(names(n), len(text)), str(n)))

    return order


def _literal(graph: Graph, node: Node, predicate: URIRef, lang: str | None) -> str:
    values = sorted(
        str(v)
        for v in graph.objects(node, predicate)
        if isinstance(v, Literal) and (lang is None or v.language == lang)
    )
    return values[0] if values else ""


def _label(graph: Graph, node: Node, lang: str) -> str:
    return _literal(graph, node, RDFS.label, lang)


def _comment(graph: Graph, node: Node) -> str:
    return _literal(graph, node, RDFS.comment, "en") or _literal(graph, node, RDFS.comment, None)


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _header(graph: Graph, names: _Names) -> list[str]:
    lines: list[str] = []
    for ontology in sorted(graph.subjects(RDF.type, OWL.Ontology), key=str):
        title = _literal(graph, ontology, DCTERMS_TITLE, "en") or _label(graph, ontology, "en")
        version = _literal(graph, ontology, OWL.versionInfo, None)
        lines += [f"**{title}** — `{ontology}`" + (f", version {version}" if version else ""), ""]
        if _comment(graph, ontology):
            lines += [_comment(graph, ontology), ""]
    lines += ["| prefix | namespace |", "|---|---|"]
    lines += [
        f"| `{prefix}:` | `{ns}` |" for ns, prefix in sorted(names.prefixes, key=lambda p: p[1])
    ]
    return [*lines, ""]


def _class_section(graph: Graph, names: _Names, cls: URIRef, order) -> list[str]:
    english, arabic = _label(graph, cls, "en"), _label(graph, cls, "ar")
    lines = [f"### `{names(cls)}`" + (f" — {english}" if english else "")]
    lines.append("")
    facts = []
    if arabic:
        facts.append(f"Arabic: {arabic}")
    parents = list(graph.objects(cls, RDFS.subClassOf))
    if parents:
        facts.append(f"subclass of {names.all(parents)}")
    if facts:
        lines += ["; ".join(facts) + ".", ""]
    if _comment(graph, cls):
        lines += [_comment(graph, cls), ""]
    described = order(graph.subjects(RDFS.domain, cls))
    if described:
        lines += ["Properties: " + ", ".join(f"`{names(p)}`" for p in described) + ".", ""]
    members = order(graph.subjects(RDF.type, cls))
    if members:
        rows = [
            [
                f"`{names(m)}`",
                _label(graph, m, "en"),
                _label(graph, m, "ar"),
                _cell(_comment(graph, m)),
            ]
            for m in members
        ]
        # a column no individual fills (offices have no Arabic labels yet) is left out
        keep = [i for i in range(4) if i == 0 or any(row[i] for row in rows)]
        header = ["individual", "English", "Arabic", "comment"]
        lines.append("| " + " | ".join(header[i] for i in keep) + " |")
        lines.append("|" + "---|" * len(keep))
        lines += ["| " + " | ".join(row[i] for i in keep) + " |" for row in rows]
        lines.append("")
    return lines


def _comment_blocks(text: str) -> list[list[str]]:
    """Runs of `#` lines after the prefixes, less the section rulers (`# ---- classes`)."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("#") and not re.match(r"#\s*-{3,}", stripped):
            current.append(stripped[1:].removeprefix(" "))
            continue
        if current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog=COMMAND, description=__doc__.splitlines()[0])
    parser.add_argument("--ontology", type=Path, default=ONTOLOGY_PATH)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--check", action="store_true", help="exit 1 when --out is stale")
    args = parser.parse_args(argv)
    try:
        page = render(args.ontology)
    except (OSError, SyntaxError, ValueError) as exc:  # rdflib's Turtle errors are these
        print(f"{args.ontology}: {' '.join(str(exc).split())}", file=sys.stderr)
        return 2
    current = args.out.read_text(encoding="utf-8") if args.out.exists() else None
    if args.check:
        if current != page:
            print(f"{args.out} is stale: run `{COMMAND}`", file=sys.stderr)
            return 1
        return 0
    if current != page:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(page, encoding="utf-8")
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
