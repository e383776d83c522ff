"""Exports for a researcher's other tools, one `--format` each.

ttl, nt and jsonld (with a compact @context) are the RDF itself; gexf and graphml are
the actor network for Gephi (edge attributes flattened to text and numbers); csv has one
row per event with its sources joined; plover is PLOVER-style JSONL, one CONSULT record
per pair of participants of an event.
"""

from __future__ import annotations

import csv
import io
import json
from itertools import combinations
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import Graph
from tawasul.graph.network import to_networkx
from tawasul.graph.store import save_graph
from tawasul.graph.vocab import MODE_TERMS, PREFIXES, STATUS_TERMS

FORMATS = ("ttl", "nt", "jsonld", "gexf", "graphml", "csv", "plover")

EVENTS_QUERY = """
SELECT ?event ?mode ?status ?mediated ?reports ?stamp
       (GROUP_CONCAT(DISTINCT STR(?actor); separator=" ") AS ?actors)
WHERE {
  ?event a tw:Contact ; sem:hasActor ?actor ; tw:mode ?mode ; tw:status ?status .
  OPTIONAL { ?event tw:mediated ?mediated }
  OPTIONAL { ?event tw:attestations ?reports }
  OPTIONAL { ?event sem:hasTimeStamp ?stamp }
}
GROUP BY ?event ?mode ?status ?mediated ?reports ?stamp
ORDER BY ?event
"""

REPORTS_QUERY = """
SELECT ?event ?article ?source ?issued ?evidence WHERE {
  ?report oa:hasBody ?event ; prov:wasDerivedFrom ?a ; tw:evidence ?evidence .
  ?a dcterms:identifier ?article .
  OPTIONAL { ?a dcterms:source ?source }
  OPTIONAL { ?a dcterms:issued ?issued }
}
ORDER BY ?event ?article ?evidence
"""

LABELS_QUERY = """
SELECT ?x ?label WHERE { ?x skos:prefLabel ?label FILTER(LANG(?label) = "en") }
"""

VIA_QUERY = "SELECT ?event ?via WHERE { ?event a tw:Contact ; tw:intermediary ?via }"

#: Our modes in PLOVER's CONSULT mode words.
PLOVER_MODES = {
    "phone": "telephone",
    "visit": "visit",
    "meeting": "meet",
    "multilateral-meeting": "multilateral",
    "talks": "talks",
    "message": "message",
    "delegation": "delegation",
    "unspecified": "unspecified",
}


def export(graph: Graph, fmt: str, out: str | Path) -> Path:
    """Write `graph` as `fmt` to `out` (parent folders created)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r} (use one of {', '.join(FORMATS)})")
    target = Path(out)
    if fmt in ("ttl", "nt", "jsonld"):
        if target.suffix.lower() != f".{fmt}":
            raise ValueError(f"{target}: a {fmt} export needs the .{fmt} extension")
        return save_graph(graph, target)
    target.parent.mkdir(parents=True, exist_ok=True)
    if fmt in ("gexf", "graphml"):
        network = gephi_network(graph)
        writer = nx.write_gexf if fmt == "gexf" else nx.write_graphml
        writer(network, target)
    elif fmt == "csv":
        target.write_text(events_csv(graph), encoding="utf-8")
    else:
        target.write_text(plover_jsonl(graph), encoding="utf-8")
    return target


def gephi_network(graph: Graph) -> nx.Graph:
    """The actor network with only the attribute types GEXF and GraphML can hold."""
    source = to_networkx(graph)
    flat = nx.Graph()
    for node, data in sorted(source.nodes(data=True)):
        flat.add_node(
            node,
            label=data.get("label_en") or data.get("label_ar") or node,
            label_ar=data.get("label_ar") or "",
            kind=data.get("kind") or "",
            affiliation=data.get("affiliation") or "",
            wikidata=data.get("wikidata") or "",
        )
    for a, b, data in sorted(source.edges(data=True), key=lambda e: (e[0], e[1])):
        contacts = data.get("contacts") or []
        flat.add_edge(
            a,
            b,
            weight=int(data.get("weight", len(contacts))),
            modes=" ".join(sorted({c["mode"] for c in contacts})),
            statuses=" ".join(sorted({c["status"] for c in contacts})),
            contacts=" ".join(sorted(c["iri"] for c in contacts)),
        )
    return flat


def events(graph: Graph) -> list[dict[str, Any]]:
    """One record per event, with its participants' labels and every report's source."""
    prefixes = dict(PREFIXES)
    labels = {str(x): str(label) for x, label in graph.query(LABELS_QUERY, initNs=prefixes)}
    modes = {iri: name for name, iri in MODE_TERMS.items()}
    statuses = {iri: name for name, iri in STATUS_TERMS.items()}
    reports: dict[str, list[dict[str, str]]] = {}
    for event, article, source, issued, evidence in graph.query(REPORTS_QUERY, initNs=prefixes):
        reports.setdefault(str(event), []).append(
            {
                "article": str(article),
                "source": "" if source is None else str(source),
                "published": "" if issued is None else str(issued),
                "evidence": str(evidence),
            }
        )
    via: dict[str, list[str]] = {}
    for event, actor in graph.query(VIA_QUERY, initNs=prefixes):
        via.setdefault(str(event), []).append(str(actor))
    found = []
    for row in graph.query(EVENTS_QUERY, initNs=prefixes):
        iri = str(row.event)
        actors = sorted(str(row.actors).split())
        sources = reports.get(iri, [])
        found.append(
            {
                "iri": iri,
                "date": "" if row.stamp is None else str(row.stamp),
                "mode": modes.get(row.mode, str(row.mode)),
                "status": statuses.get(row.status, str(row.status)),
                "mediated": bool(row.mediated is not None and row.mediated.toPython()),
                "actors": actors,
                "labels": [labels.get(a, a.rsplit("/", 1)[-1]) for a in actors],
                "intermediaries": [labels.get(a, a) for a in sorted(via.get(iri, []))],
                "attestations": int(row.reports) if row.reports is not None else len(sources),
                "reports": sources,
            }
        )
    return found


def events_csv(graph: Graph) -> str:
    """CSV, one row per event; several values in one cell are joined with ` | `."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(
        [
            "event",
            "date",
            "mode",
            "status",
            "mediated",
            "participants",
            "intermediaries",
            "attestations",
            "articles",
            "sources",
            "evidence",
        ]
    )
    for event in events(graph):
        reports = event["reports"]
        writer.writerow(
            [
                event["iri"],
                event["date"],
                event["mode"],
                event["status"],
                "true" if event["mediated"] else "false",
                " | ".join(event["labels"]),
                " | ".join(event["intermediaries"]),
                event["attestations"],
                " | ".join(dict.fromkeys(r["article"] for r in reports)),
                " | ".join(dict.fromkeys(r["source"] for r in reports if r["source"])),
                " | ".join(r["evidence"] for r in reports),
            ]
        )
    return buffer.getvalue()


def plover_jsonl(graph: Graph) -> str:
    """PLOVER-style JSONL: `actor`, `recipient`, `event: CONSULT`, `mode`, `date`, `text_info`.

    A contact has no direction in the text we read, so each unordered pair of
    participants gives one record, actor and recipient in label order.
    """
    lines = []
    for event in events(graph):
        named = sorted(zip(event["labels"], event["actors"], strict=True))
        for (a_label, a_iri), (b_label, b_iri) in combinations(named, 2):
            reports = event["reports"]
            record = {
                "id": f"{event['iri']}#{a_iri.rsplit('/', 1)[-1]}--{b_iri.rsplit('/', 1)[-1]}",
                "event": "CONSULT",
                "actor": a_label,
                "actor_iri": a_iri,
                "recipient": b_label,
                "recipient_iri": b_iri,
                "mode": PLOVER_MODES.get(event["mode"], event["mode"]),
                "mediated": event["mediated"],
                "intermediaries": event["intermediaries"],
                "status": event["status"],
                "date": event["date"] or None,
                "text_info": {
                    "language": "ar",
                    "sentences": [r["evidence"] for r in reports],
                    "articles": list(dict.fromkeys(r["article"] for r in reports)),
                    "sources": list(dict.fromkeys(r["source"] for r in reports if r["source"])),
                    "published": sorted({r["published"] for r in reports if r["published"]}),
                },
                "event_iri": event["iri"],
            }
            lines.append(json.dumps(record, ensure_ascii=False, sort_keys=True))
    return "".join(line + "\n" for line in lines)
