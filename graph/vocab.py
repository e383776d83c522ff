"""Namespaces and term maps shared by every module that reads or writes Tawasul RDF.

Keeping the IRIs in one place means the builder, the SPARQL helpers and the
network view can never disagree about what a contact looks like.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD
from tawasul.extract.paths import DATA_DIR

TW = Namespace("https://w3id.org/tawasul/ontology#")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
ID = Namespace("https://w3id.org/tawasul/id/")
WD = Namespace("http://www.wikidata.org/entity/")
OA = Namespace("http://www.w3.org/ns/oa#")

__all__ = [
    "DCTERMS",
    "ID",
    "MODE_TERMS",
    "OA",
    "ONTOLOGY_PATH",
    "OWL",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "SEM",
    "SKOS",
    "STATUS_TERMS",
    "TW",
    "WD",
    "XSD",
    "bind_prefixes",
    "compact_iri",
    "iri_segment",
]

ONTOLOGY_PATH = DATA_DIR / "ontology" / "tawasul.ttl"

PREFIXES: dict[str, Namespace] = {
    "tw": TW,
    "sem": SEM,
    "oa": OA,
    "prov": Namespace(str(PROV)),
    "dcterms": Namespace(str(DCTERMS)),
    "skos": Namespace(str(SKOS)),
    "owl": Namespace(str(OWL)),
    "rdf": Namespace(str(RDF)),
    "rdfs": Namespace(str(RDFS)),
    "xsd": Namespace(str(XSD)),
    "wd": WD,
    "id": ID,
    "actor": Namespace(f"{ID}actor/"),
    "article": Namespace(f"{ID}article/"),
    "contact": Namespace(f"{ID}contact/"),
    "attestation": Namespace(f"{ID}attestation/"),
}

# A simplified SPARQL/Turtle PN_LOCAL: only names that can be pasted back into a query.
_LOCAL_NAME = re.compile(r"(?:[\w:]|%[0-9A-Fa-f]{2})(?:[\w.:-]|%[0-9A-Fa-f]{2})*")

MODE_TERMS: dict[str, URIRef] = {
    "phone": TW.Phone,
    "meeting": TW.Meeting,
    "visit": TW.Visit,
    "talks": TW.Talks,
    "message": TW.Message,
    "delegation": TW.Delegation,
    "multilateral-meeting": TW.MultilateralMeeting,
    "unspecified": TW.Unspecified,
}

STATUS_TERMS: dict[str, URIRef] = {
    "occurred": TW.Occurred,
    "planned": TW.Planned,
    "offered": TW.Offered,
    "denied": TW.Denied,
}


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the project prefixes so serialisations and queries read as `tw:Contact`."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def iri_segment(text: str) -> str:
    """Percent-encode an id for use as one IRI path segment (slashes included).

    Every character outside the unreserved and sub-delim sets is encoded as UTF-8, so
    any name (quotes, spaces, RTL marks, controls, even a lone surrogate from JSON)
    gives a valid IRI, and distinct names give distinct IRIs. A final «.» is encoded
    too: Turtle must then escape it in a prefixed name, which rdflib cannot read back.
    """
    segment = quote(text, safe="-._~!$&'()*+,;=:@", errors="surrogatepass")
    return segment[:-1] + "%2E" if segment.endswith(".") else segment


def compact_iri(iri: str) -> str:
    """Write an IRI as `prefix:local` (longest known namespace) when that is valid SPARQL.

    Anything else is shown as `<iri>`, so a displayed term can always be pasted into a query.
    """
    matches = [
        (len(str(namespace)), prefix)
        for prefix, namespace in PREFIXES.items()
        if iri.startswith(str(namespace))
    ]
    for length, prefix in sorted(matches, reverse=True):
        local = iri[length:]
        if _LOCAL_NAME.fullmatch(local) and not local.endswith("."):
            return f"{prefix}:{local}"
    return f"<{iri}>"
