"""The actor network as read back from the RDF: who is a node, what an edge carries."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from conftest_graph import sample_results
from rdflib import Graph, Literal, URIRef
from tawasul.graph import vocab
from tawasul.graph.network import contact_count, summary, to_networkx
from tawasul.graph.rdf import actor_iri, build_graph, contact_iri
from tawasul.graph.store import load_graph, save_graph
from tawasul.graph.vocab import ID, SEM, TW


def node(slug: str) -> str:
    return str(actor_iri(slug))


@pytest.fixture(scope="module")
def rdf() -> Graph:
    return build_graph(sample_results())


@pytest.fixture(scope="module")
def network(rdf: Graph) -> nx.Graph:
    return to_networkx(rdf)


def test_every_participant_is_a_node_with_its_labels_kind_and_wikidata(network: nx.Graph) -> None:
    assert network.number_of_nodes() == 9
    assert network.nodes[node("russia")] == {
        "label_ar": "روسيا",
        "label_en": "Russia",
        "kind": "state",
        "affiliation": None,
        "affiliation_iri": None,
        "wikidata": "Q159",
        "alt_labels": ("روسيا الاتحادية",),  # the name another article used
    }
    lavrov = network.nodes[node("sergei-lavrov")]
    assert (lavrov["kind"], lavrov["affiliation"], lavrov["wikidata"]) == ("person", "Russia", None)
    assert network.nodes[node("hayat-tahrir-al-sham")]["kind"] == "organization"


def test_affiliations_alone_do_not_make_nodes() -> None:
    network = to_networkx(build_graph(sample_results()[:1]))  # Lavrov and Zarif only
    assert set(network.nodes) == {node("sergei-lavrov"), node("mohammad-javad-zarif")}
    assert network.nodes[node("mohammad-javad-zarif")]["affiliation"] == "Iran"


def test_repeated_contacts_between_a_pair_add_up_in_the_weight(network: nx.Graph) -> None:
    edge = network.edges[node("sergei-lavrov"), node("mohammad-javad-zarif")]
    assert edge["weight"] == 2
    assert sorted(c["mode"] for c in edge["contacts"]) == ["meeting", "phone"]
    assert {c["article"] for c in edge["contacts"]} == {"000_lavrov_zarif"}


def test_each_contact_on_an_edge_says_how_where_when_and_with_what_evidence(
    network: nx.Graph,
) -> None:
    first = sample_results()[1].contacts[0]
    [contact] = network.edges[node("qatar"), node("hayat-tahrir-al-sham")]["contacts"]
    assert contact == {
        "iri": str(contact_iri(first)),
        "participants": [node("hayat-tahrir-al-sham"), node("qatar")],
        "mode": "unspecified",
        "status": "occurred",
        "mediated": True,
        "intermediaries": [node("turkey")],
        "evidence": first.evidence,
        "article": "001_qatar_hts",
        "url": None,
        "date": None,  # no date words, no publication date
        "date_source": None,
        "date_text": [],
        "attestations": [{"article": "001_qatar_hts", "url": None, "evidence": first.evidence}],
    }


def test_a_contact_without_its_own_date_takes_its_article_s(network: nx.Graph) -> None:
    edge = network.edges[node("sergei-lavrov"), node("mohammad-javad-zarif")]
    assert {(c["date"], c["date_source"]) for c in edge["contacts"]} == {("2020-01-05", "article")}
    assert {c["url"] for c in edge["contacts"]} == {"https://arabic.example.org/news/lavrov-zarif"}
    [trio] = network.edges[node("russia"), node("iran")]["contacts"]
    assert trio["date"] == "2020-02-11"  # the date part of an xsd:dateTime


def test_a_resolved_event_date_wins_over_the_article_date(rdf: Graph) -> None:
    edited = Graph() + rdf
    phone = contact_iri(sample_results()[0].contacts[0])
    edited.add((phone, SEM.hasTimeStamp, Literal("2020-01-04", datatype=vocab.XSD.date)))
    meeting = contact_iri(sample_results()[0].contacts[1])
    edited.add((meeting, SEM.hasBeginTimeStamp, Literal("2019-12", datatype=vocab.XSD.gYearMonth)))
    edge = to_networkx(edited).edges[node("sergei-lavrov"), node("mohammad-javad-zarif")]
    dates = {c["mode"]: (c["date"], c["date_source"]) for c in edge["contacts"]}
    assert dates == {"phone": ("2020-01-04", "event"), "meeting": ("2019-12", "event")}


def test_the_one_contact_per_sentence_shape_is_read_as_well() -> None:
    """Evidence, offsets and article on the contact itself, as graphs written before events."""
    old = Graph()
    contact, article = ID["contact/old-1"], ID["article/old"]
    for actor, label in (("egypt", "مصر"), ("jordan", "الأردن")):
        old.add((actor_iri(actor), vocab.RDF.type, TW.State))
        old.add((actor_iri(actor), vocab.SKOS.prefLabel, Literal(label, lang="ar")))
        old.add((contact, SEM.hasActor, actor_iri(actor)))
    old.add((contact, vocab.RDF.type, TW.Contact))
    old.add((contact, TW.mode, TW.Visit))
    old.add((contact, TW.status, TW.Planned))
    old.add((contact, TW.mediated, Literal(False)))
    old.add((contact, TW.evidence, Literal("يزور وزير الخارجية المصري الأردن", lang="ar")))
    old.add((contact, vocab.PROV.wasDerivedFrom, article))
    old.add((article, vocab.RDF.type, TW.Article))
    old.add((article, vocab.DCTERMS.identifier, Literal("old")))
    old.add((article, vocab.DCTERMS.source, URIRef("https://example.org/a")))
    old.add((article, vocab.DCTERMS.issued, Literal("2019-05-02", datatype=vocab.XSD.date)))
    [(_, _, data)] = to_networkx(old).edges(data=True)
    [record] = data["contacts"]
    assert (record["mode"], record["status"], record["article"]) == ("visit", "planned", "old")
    assert record["evidence"] == "يزور وزير الخارجية المصري الأردن"
    assert (record["date"], record["url"]) == ("2019-05-02", "https://example.org/a")


def test_affiliations_and_articles_are_kept_beside_the_nodes() -> None:
    network = to_networkx(build_graph(sample_results()[:1]))
    assert network.graph["articles"] == 1
    actors = network.graph["actors"]
    assert actors[node("russia")]["kind"] == "state"  # named only as Lavrov's state
    assert actors[node("sergei-lavrov")]["affiliation_iri"] == node("russia")
    assert node("russia") not in network


def test_reading_is_one_pass_per_predicate_not_one_query_per_actor(rdf: Graph) -> None:
    """Counting the store's triple lookups: more contacts must not mean more lookups."""

    class Counting(Graph):
        lookups = 0

        def triples(self, pattern):  # type: ignore[override]
            Counting.lookups += 1
            return super().triples(pattern)

    def lookups(results: list) -> int:
        counting = Counting()
        counting += build_graph(results)
        Counting.lookups = 0
        to_networkx(counting)
        return Counting.lookups

    small = lookups(sample_results()[:1])
    large = lookups(sample_results())
    assert 0 < small == large  # five contacts and nine actors cost what two and two do


def test_a_three_party_meeting_joins_every_pair_once(network: nx.Graph) -> None:
    trio = [node("russia"), node("iran"), node("turkey")]
    sub = network.subgraph(trio)
    assert sub.number_of_edges() == 3
    iris = {c["iri"] for _, _, d in sub.edges(data=True) for c in d["contacts"]}
    assert len(iris) == 1 and all(d["weight"] == 1 for _, _, d in sub.edges(data=True))
    assert contact_count(network) == 5  # the meeting counts once, not three times


def test_the_network_is_whatever_the_rdf_says(rdf: Graph, tmp_path: Path) -> None:
    reloaded = to_networkx(load_graph(save_graph(rdf, tmp_path / "contacts.ttl")))
    original = to_networkx(rdf)
    assert dict(reloaded.nodes(data=True)) == dict(original.nodes(data=True))
    assert sorted(map(sorted, reloaded.edges)) == sorted(map(sorted, original.edges))

    edited = Graph() + rdf
    phone = contact_iri(sample_results()[0].contacts[0])
    edited.remove((phone, SEM.hasActor, actor_iri("mohammad-javad-zarif")))
    changed = to_networkx(edited)
    assert changed.edges[node("sergei-lavrov"), node("mohammad-javad-zarif")]["weight"] == 1


def test_summary_gives_sizes_components_and_most_connected_actors(network: nx.Graph) -> None:
    figures = summary(network)
    assert {k: figures[k] for k in ("nodes", "edges", "contacts", "components")} == {
        "nodes": 9,
        "edges": 6,
        "contacts": 5,
        "components": 4,
    }
    top = figures["top_degree"]
    assert len(top) == 9
    assert {entry["label_en"] for entry in top[:3]} == {"Russia", "Iran", "Turkey"}
    assert top[0]["degree"] == 2 and top[0]["centrality"] == pytest.approx(2 / 8)
    assert summary(network, top=2)["top_degree"] == top[:2]


def test_an_empty_graph_gives_an_empty_network() -> None:
    network = to_networkx(build_graph([]))
    assert network.number_of_nodes() == 0
    assert summary(network)["components"] == 0 and summary(network)["top_degree"] == []
