"""Read the contact network out of the RDF, so every view shows exactly what the RDF says.

Nodes are the actors that take part in at least one contact; an edge joins each
pair of participants of a contact and counts how many contacts they share.
"""

from __future__ import annotations

from typing import Any

import networkx as nx
from rdflib import Graph, Literal, URIRef
from tawasul.graph.vocab import MODE_TERMS, PREFIXES, STATUS_TERMS, WD

ACTORS_QUERY = """
SELECT DISTINCT ?actor ?kind ?labelAr ?labelEn ?affAr ?affEn ?wikidata WHERE {
  ?contact a tw:Contact ; sem:hasActor ?actor .
  VALUES (?class ?kind) { (tw:State "state") (tw:Organization "organization") (tw:Person "person") }
  ?actor a ?class .
  OPTIONAL { ?actor skos:prefLabel ?labelAr FILTER(LANG(?labelAr) = "ar") }
  OPTIONAL { ?actor skos:prefLabel ?labelEn FILTER(LANG(?labelEn) = "en") }
  OPTIONAL {
    ?actor tw:affiliation ?aff .
    OPTIONAL { ?aff skos:prefLabel ?affAr FILTER(LANG(?affAr) = "ar") }
    OPTIONAL { ?aff skos:prefLabel ?affEn FILTER(LANG(?affEn) = "en") }
  }
  OPTIONAL { ?actor owl:sameAs ?wikidata FILTER(STRSTARTS(STR(?wikidata), STR(wd:))) }
}
ORDER BY ?actor
"""

PAIRS_QUERY = """
SELECT ?contact ?a ?b ?mode ?status ?mediated ?evidence ?article WHERE {
  ?contact a tw:Contact ;
      sem:hasActor ?a , ?b ;
      tw:mode ?mode ;
      tw:status ?status ;
      tw:mediated ?mediated ;
      tw:evidence ?evidence ;
      prov:wasDerivedFrom ?source .
  ?source dcterms:identifier ?article .
  FILTER(STR(?a) < STR(?b))
}
ORDER BY ?a ?b ?contact
"""


def _text(term: Any) -> str | None:
    return None if term is None else str(term)


def _local_names(terms: dict[str, URIRef]) -> dict[URIRef, str]:
    return {iri: name for name, iri in terms.items()}


def to_networkx(graph: Graph) -> nx.Graph:
    """Build an undirected actor graph from the RDF contract via SPARQL.

    Node attributes: label_ar, label_en, kind, affiliation (the affiliated actor's
    English label, else its Arabic one), wikidata (the Q-id). Edge attributes:
    weight (number of contacts) and contacts (iri, mode, status, mediated,
    evidence, article for each).
    """
    network = nx.Graph()
    prefixes = dict(PREFIXES)
    for row in graph.query(ACTORS_QUERY, initNs=prefixes):
        node = str(row.actor)
        if node in network:
            continue  # a second class or label variant: the first (ordered) row wins
        wikidata = _text(row.wikidata)
        network.add_node(
            node,
            label_ar=_text(row.labelAr) or node.rsplit("/", 1)[-1],
            label_en=_text(row.labelEn),
            kind=str(row.kind),
            affiliation=_text(row.affEn) or _text(row.affAr),
            wikidata=wikidata.removeprefix(str(WD)) if wikidata else None,
        )
    modes = _local_names(MODE_TERMS)
    statuses = _local_names(STATUS_TERMS)
    for row in graph.query(PAIRS_QUERY, initNs=prefixes):
        a, b = str(row.a), str(row.b)
        if a not in network or b not in network:
            continue  # an actor without a known class is not drawn
        mediated = row.mediated
        contact = {
            "iri": str(row.contact),
            "mode": modes.get(row.mode, str(row.mode)),
            "status": statuses.get(row.status, str(row.status)),
            "mediated": bool(mediated.toPython()) if isinstance(mediated, Literal) else False,
            "evidence": str(row.evidence),
            "article": str(row.article),
        }
        if network.has_edge(a, b):
            data = network.edges[a, b]
            if any(c["iri"] == contact["iri"] for c in data["contacts"]):
                continue  # same contact seen through a second evidence or article row
            data["contacts"].append(contact)
            data["weight"] = len(data["contacts"])
        else:
            network.add_edge(a, b, weight=1, contacts=[contact])
    return network


def contact_count(network: nx.Graph) -> int:
    """Distinct contacts drawn in the network (a three-party contact is one contact)."""
    return len({c["iri"] for _, _, data in network.edges(data=True) for c in data["contacts"]})


def summary(network: nx.Graph, top: int = 10) -> dict[str, Any]:
    """Headline figures for a notebook: sizes, components and the most connected actors."""
    centrality = nx.degree_centrality(network) if network.number_of_nodes() > 1 else {}
    ranked = sorted(
        network.nodes,
        key=lambda node: (-centrality.get(node, 0.0), network.nodes[node]["label_ar"], node),
    )
    return {
        "nodes": network.number_of_nodes(),
        "edges": network.number_of_edges(),
        "contacts": contact_count(network),
        "components": nx.number_connected_components(network),
        "density": nx.density(network) if network.number_of_nodes() > 1 else 0.0,
        "top_degree": [
            {
                "iri": node,
                "label_ar": network.nodes[node]["label_ar"],
                "label_en": network.nodes[node]["label_en"],
                "degree": network.degree(node),
                "centrality": round(centrality.get(node, 0.0), 4),
            }
            for node in ranked[:top]
        ],
    }
