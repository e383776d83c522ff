"""The actor network as read back from the RDF: who is a node, what an edge carries."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from conftest_graph import sample_results
from rdflib import Graph
from tawasul.graph.network import contact_count, summary, to_networkx
from tawasul.graph.rdf import actor_iri, build_graph, contact_iri
from tawasul.graph.store import load_graph, save_graph
from tawasul.graph.vocab import SEM


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
        "wikidata": "Q159",
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


def test_each_contact_on_an_edge_says_how_where_and_with_what_evidence(network: nx.Graph) -> None:
    first = sample_results()[1].contacts[0]
    [contact] = network.edges[node("qatar"), node("hayat-tahrir-al-sham")]["contacts"]
    assert contact == {
        "iri": str(contact_iri(first)),
        "mode": "unspecified",
        "status": "occurred",
        "mediated": True,
        "evidence": first.evidence,
        "article": "001_qatar_hts",
    }


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
