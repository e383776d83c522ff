"""Turn extraction results into one RDF graph that follows the Tawasul contract.

The contract (see data/ontology/tawasul.ttl) is what SPARQL users, the network
view and the page rely on, so every triple shape is produced here and nowhere else.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from tawasul.extract.fields import clean_url
from tawasul.extract.records import (
    OFFICES,
    Actor,
    Article,
    ArticleResult,
    Contact,
    ContactDate,
    Office,
)
from tawasul.graph.events import Event, attestation_key, lone_event_key, merge_events
from tawasul.graph.vocab import (
    DCTERMS,
    ID,
    MODE_TERMS,
    OA,
    ONTOLOGY_PATH,
    OWL,
    PROV,
    RDF,
    SEM,
    SKOS,
    STATUS_TERMS,
    TW,
    WD,
    XSD,
    bind_prefixes,
    iri_segment,
)

#: Office slugs → local names of the tw: office individuals («foreign-minister» → ForeignMinister).
OFFICE_TERMS = {o: "".join(part.title() for part in o.split("-")) for o in OFFICES}

ACTOR_CLASSES = {"person": TW.Person, "state": TW.State, "organization": TW.Organization}

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?")


def load_ontology(path: Path = ONTOLOGY_PATH) -> Graph:
    """Read the Tawasul ontology so exports carry their own class and property docs."""
    return Graph().parse(path, format="turtle")


def article_iri(article_id: str) -> URIRef:
    """IRI of an article node: the id, percent-encoded, under ID/article/."""
    return ID[f"article/{iri_segment(article_id)}"]


def actor_iri(actor_id: str) -> URIRef:
    """IRI of an actor node; ids are slugs, encoded only where IRI syntax demands it."""
    return ID[f"actor/{iri_segment(actor_id)}"]


def contact_iri(contact: Contact) -> URIRef:
    """IRI of the event a contact makes on its own (see `tawasul.graph.events`).

    It is a content hash of participants, date, mode and status, so the same call
    reported by two articles gets one IRI, and the same input always gives the same IRI.
    """
    return event_iri(lone_event_key(contact))


def event_iri(key: str) -> URIRef:
    """IRI of a merged event, from `Event.key`."""
    return ID[f"contact/{key}"]


def attestation_iri(contact: Contact) -> URIRef:
    """IRI of one report of an event: the article id plus a hash of the sentence and trigger."""
    return ID[f"attestation/{iri_segment(contact.article_id)}-{attestation_key(contact)}"]


def wikidata_iri(qid: str) -> URIRef:
    """Accept `Q159` or a full entity IRI and return the canonical entity IRI."""
    if qid.startswith(("http://", "https://")):
        return URIRef(qid)
    return WD[qid]


def build_graph(results: Iterable[ArticleResult], ontology: Graph | None = None) -> Graph:
    """Build the export graph: ontology, articles, actors and contacts.

    Actors are merged by id; the first description seen wins for the single-valued
    facts (kind, labels, affiliation, Wikidata) so every actor keeps exactly one
    prefLabel per language, and later Arabic variants become altLabels.
    """
    graph = bind_prefixes(Graph())
    graph += ontology if ontology is not None else load_ontology()
    actors: dict[str, Actor] = {}
    extra_labels: dict[str, list[str]] = {}
    contacts: list[Contact] = []
    for result in results:
        _add_article(graph, result)
        for actor in result.actors:
            _collect_actor(actor, actors, extra_labels)
            graph.add((article_iri(result.article.id), TW.mentions, actor_iri(actor.id)))
        for contact in result.contacts:
            contacts.append(contact)
            for person in (*contact.participants, *contact.intermediaries):
                _collect_actor(person.actor, actors, extra_labels)
                if person.acts_for is not None:
                    _collect_actor(person.acts_for, actors, extra_labels)
    for event in merge_events(contacts):
        _add_event(graph, event)
    for actor in actors.values():
        _add_actor(graph, actor, extra_labels.get(actor.id, []))
    return graph


def _add_article(graph: Graph, result: ArticleResult) -> None:
    article: Article = result.article
    node = article_iri(article.id)
    graph.add((node, RDF.type, TW.Article))
    graph.add((node, DCTERMS.identifier, Literal(article.id)))
    url, _ = clean_url(article.url)  # ingest cleaned it already; a library caller may not have
    graph.add((node, DCTERMS.source, URIRef(url) if url else Literal(article.source)))
    for copy in article.duplicates:  # the same text read elsewhere too
        graph.add((node, DCTERMS.source, Literal(copy)))
    if article.published:
        graph.add((node, DCTERMS.issued, _date_literal(article.published)))
    if result.error:
        graph.add((node, TW.error, Literal(result.error)))


def _date_literal(text: str) -> Literal:
    """Type ISO dates and datetimes so SPARQL can compare them; keep anything else as text."""
    if _DATE.fullmatch(text):
        return Literal(text, datatype=XSD.date)
    if _DATETIME.fullmatch(text):
        return Literal(text, datatype=XSD.dateTime)
    return Literal(text)


def _add_event(graph: Graph, event: Event) -> None:
    """One tw:Contact per event, derived from every article that reports it."""
    if event.mode not in MODE_TERMS:
        raise ValueError(f"unknown contact mode {event.mode!r} in article {event.articles[0]}")
    if event.status not in STATUS_TERMS:
        raise ValueError(f"unknown contact status {event.status!r} in article {event.articles[0]}")
    node = event_iri(event.key)
    graph.add((node, RDF.type, TW.Contact))
    for article_id in event.articles:
        graph.add((node, PROV.wasDerivedFrom, article_iri(article_id)))
    for participant in event.participants:
        graph.add((node, SEM.hasActor, actor_iri(participant.id)))
    for intermediary in event.intermediaries:
        graph.add((node, TW.intermediary, actor_iri(intermediary.id)))
    graph.add((node, TW.mode, MODE_TERMS[event.mode]))
    graph.add((node, TW.status, STATUS_TERMS[event.status]))
    graph.add((node, TW.mediated, Literal(event.mediated)))
    graph.add((node, TW.attestations, Literal(len(event.attestations), datatype=XSD.integer)))
    for phrase in event.date_text:
        graph.add((node, TW.dateText, Literal(phrase, lang="ar")))
    _add_event_date(graph, node, event.contact_date, event.status)
    for planned in event.fulfils:
        graph.add((node, TW.fulfils, event_iri(planned)))
    for contact in event.attestations:
        _add_attestation(graph, node, contact)


#: xsd datatype of a resolved date by granularity (a week is given by its first and last day).
DATE_TYPES = {"day": XSD.date, "month": XSD.gYearMonth, "year": XSD.gYear}


def _add_event_date(graph: Graph, node: URIRef, date: ContactDate | None, status: str) -> None:
    """When: `sem:hasTimeStamp` for what happened, `sem:hasBeginTimeStamp` for what is
    planned or offered, typed by granularity so SPARQL can group by day, month or year;
    a week is `sem:hasEarliestBeginTimeStamp`/`sem:hasLatestEndTimeStamp`. The granularity
    and whether the words could be anchored are stated too (tw:dateText holds the words)."""
    if date is None:
        return
    graph.add((node, TW.dateResolved, Literal(bool(date.resolved and date.value))))
    if not date.resolved or not date.value or not date.granularity:
        return
    graph.add((node, TW.dateGranularity, Literal(date.granularity)))
    if date.granularity == "week":
        monday = datetime.date.fromisoformat(f"{date.value}-1")
        sunday = monday + datetime.timedelta(days=6)
        graph.add((node, SEM.hasEarliestBeginTimeStamp, Literal(monday, datatype=XSD.date)))
        graph.add((node, SEM.hasLatestEndTimeStamp, Literal(sunday, datatype=XSD.date)))
        return
    if date.granularity not in DATE_TYPES:
        return
    stamp = SEM.hasTimeStamp if status in ("occurred", "denied") else SEM.hasBeginTimeStamp
    graph.add((node, stamp, Literal(date.value, datatype=DATE_TYPES[date.granularity])))


def _add_attestation(graph: Graph, event: URIRef, contact: Contact) -> None:
    """One report of the event: a Web Annotation whose target is the sentence in the article.

    The sentence and its offsets are given twice: as Web Annotation selectors (what
    annotation tools read) and as tw:evidence/evidenceStart/evidenceEnd on the
    annotation (what a short SPARQL query reads).
    """
    if contact.mode not in MODE_TERMS:
        raise ValueError(f"unknown contact mode {contact.mode!r} in article {contact.article_id}")
    node = attestation_iri(contact)
    article = article_iri(contact.article_id)
    target = URIRef(f"{node}/target")
    quote, position = URIRef(f"{node}/quote"), URIRef(f"{node}/position")
    graph.add((node, RDF.type, OA.Annotation))
    graph.add((node, OA.motivatedBy, OA.identifying))
    graph.add((node, OA.hasBody, event))
    graph.add((node, OA.hasTarget, target))
    graph.add((node, PROV.wasDerivedFrom, article))
    graph.add((target, RDF.type, OA.SpecificResource))
    graph.add((target, OA.hasSource, article))
    graph.add((target, OA.hasSelector, quote))
    graph.add((target, OA.hasSelector, position))
    graph.add((quote, RDF.type, OA.TextQuoteSelector))
    graph.add((quote, OA.exact, Literal(contact.evidence, lang="ar")))
    graph.add((position, RDF.type, OA.TextPositionSelector))
    # xsd:integer, not the spec's nonNegativeInteger: Oxigraph stores the latter as integer,
    # and a graph must read back from the store exactly as it was built.
    graph.add((position, OA.start, Literal(contact.evidence_start, datatype=XSD.integer)))
    graph.add((position, OA.end, Literal(contact.evidence_end, datatype=XSD.integer)))
    graph.add((node, TW.evidence, Literal(contact.evidence, lang="ar")))
    graph.add((node, TW.evidenceStart, Literal(contact.evidence_start, datatype=XSD.integer)))
    graph.add((node, TW.evidenceEnd, Literal(contact.evidence_end, datatype=XSD.integer)))
    graph.add((node, TW.trigger, Literal(contact.trigger, lang="ar")))
    graph.add((node, TW.method, Literal(contact.method)))
    graph.add((node, TW.reportedMode, MODE_TERMS[contact.mode]))
    _add_acting_for(graph, node, contact)


def _add_acting_for(graph: Graph, report: URIRef, contact: Contact) -> None:
    """A participant the report titles as another body's office holder («مبعوث الأمين العام
    للأمم المتحدة» for a former Algerian minister): that report's participation says whom
    he acted for, leaving his knowledge-base affiliation as it is."""
    for participant in contact.participants:
        if participant.acts_for is None:
            continue
        node = URIRef(f"{report}/participation/{participant.actor.id}")
        graph.add((report, TW.participation, node))
        graph.add((node, RDF.type, TW.Participation))
        graph.add((node, TW.participant, actor_iri(participant.actor.id)))
        graph.add((node, TW.actsFor, actor_iri(participant.acts_for.id)))


def _collect_actor(
    actor: Actor, actors: dict[str, Actor], extra_labels: dict[str, list[str]]
) -> None:
    """Record an actor and, recursively, its affiliation; remember label variants."""
    known = actors.setdefault(actor.id, actor)
    if known is not actor and actor.label_ar != known.label_ar:
        variants = extra_labels.setdefault(actor.id, [])
        if actor.label_ar not in variants:
            variants.append(actor.label_ar)
    if actor.affiliation is not None:
        _collect_actor(actor.affiliation, actors, extra_labels)


def _add_actor(graph: Graph, actor: Actor, extra_labels: list[str]) -> None:
    if actor.kind not in ACTOR_CLASSES:
        raise ValueError(f"unknown actor kind {actor.kind!r} for actor {actor.id}")
    node = actor_iri(actor.id)
    graph.add((node, RDF.type, ACTOR_CLASSES[actor.kind]))
    graph.add((node, SKOS.prefLabel, Literal(actor.label_ar, lang="ar")))
    if actor.label_en:
        graph.add((node, SKOS.prefLabel, Literal(actor.label_en, lang="en")))
    for label in (*actor.alt_labels, *extra_labels):
        if label != actor.label_ar:
            graph.add((node, SKOS.altLabel, Literal(label, lang="ar")))
    if actor.affiliation is not None:
        graph.add((node, TW.affiliation, actor_iri(actor.affiliation.id)))
    if actor.romanised and not actor.label_en:
        graph.add((node, SKOS.altLabel, Literal(actor.romanised, lang="ar-Latn")))
    if actor.wikidata:
        graph.add((node, OWL.sameAs, wikidata_iri(actor.wikidata)))
    for office in actor.offices:
        _add_office(graph, actor, office)


def _add_office(graph: Graph, actor: Actor, office: Office) -> None:
    """«Lavrov was Russia's foreign minister from 2004»: a tw:RoleHolding node."""
    key = f"{office.office}-{office.of}-{office.start or ''}"
    node = ID[f"role/{iri_segment(actor.id)}/{iri_segment(key)}"]
    graph.add((actor_iri(actor.id), TW.holdsRole, node))
    graph.add((node, RDF.type, TW.RoleHolding))
    graph.add((node, TW.office, TW[OFFICE_TERMS[office.office]]))
    graph.add((node, TW.roleOf, actor_iri(office.of)))
    if office.start is not None:
        graph.add((node, TW.start, Literal(f"{office.start:04d}", datatype=XSD.gYear)))
    if office.end is not None:
        graph.add((node, TW.end, Literal(f"{office.end:04d}", datatype=XSD.gYear)))
