"""Exports a researcher's other tools read: RDF syntaxes, Gephi, CSV of events, PLOVER."""

from __future__ import annotations

import csv
import json
from dataclasses import replace
from pathlib import Path

import networkx as nx
import pytest
from conftest_graph import LAVROV_ZARIF_EVIDENCE, sample_results
from rdflib import Graph
from rdflib.compare import isomorphic
from tawasul.graph.export import export
from tawasul.graph.rdf import build_graph
from tawasul.graph.store import load_graph, save_graph

from tawasul.cli import main


@pytest.fixture(scope="module")
def graph() -> Graph:
    return build_graph(sample_results())


@pytest.mark.parametrize("fmt", ["ttl", "nt", "jsonld"])
def test_rdf_exports_read_back_as_the_same_graph(graph: Graph, tmp_path: Path, fmt: str) -> None:
    path = export(graph, fmt, tmp_path / f"g.{fmt}")
    assert isomorphic(load_graph(path), graph)


def test_jsonld_carries_its_context(graph: Graph, tmp_path: Path) -> None:
    data = json.loads(export(graph, "jsonld", tmp_path / "g.jsonld").read_text("utf-8"))
    assert data["@context"]["tw"] == "https://w3id.org/tawasul/ontology#"
    assert data["@context"]["oa"] == "http://www.w3.org/ns/oa#"


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_gephi_formats_hold_the_actor_network(graph: Graph, tmp_path: Path, fmt: str) -> None:
    path = export(graph, fmt, tmp_path / f"g.{fmt}")
    network = (nx.read_gexf if fmt == "gexf" else nx.read_graphml)(path)
    assert (network.number_of_nodes(), network.number_of_edges()) == (9, 6)
    lavrov = "https://w3id.org/tawasul/id/actor/sergei-lavrov"
    zarif = "https://w3id.org/tawasul/id/actor/mohammad-javad-zarif"
    edge = network.edges[lavrov, zarif]
    assert (int(edge["weight"]), edge["modes"]) == (2, "meeting phone")
    assert network.nodes[lavrov]["label"] == "Sergei Lavrov"


def test_csv_has_one_row_per_event_with_its_sources_joined(tmp_path: Path) -> None:
    results = sample_results()
    first = results[0]
    copy = replace(first.article, id="000_copy", source="copy.txt", url="https://o.example/c")
    contacts = tuple(replace(c, article_id="000_copy") for c in first.contacts)
    again = replace(first, article=copy, contacts=contacts)
    path = export(build_graph([*results, again]), "csv", tmp_path / "events.csv")
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert len(rows) == 7  # 5 events of the sample and the copy's two (unresolved dates)
    phone = [r for r in rows if r["mode"] == "phone"]
    assert len(phone) == 2 and all(r["evidence"] == LAVROV_ZARIF_EVIDENCE for r in phone)
    assert {r["participants"] for r in phone} == {"Mohammad Javad Zarif | Sergei Lavrov"}
    mediated = next(r for r in rows if r["mediated"] == "true")
    assert (mediated["intermediaries"], mediated["articles"]) == ("Turkey", "001_qatar_hts")


def test_csv_joins_every_article_of_a_merged_event(tmp_path: Path) -> None:
    from test_events import day, report

    graph = build_graph([report("a", day("2024-05-03")), report("b", day("2024-05-03"))])
    [row] = csv.DictReader(export(graph, "csv", tmp_path / "e.csv").open(encoding="utf-8"))
    assert (row["articles"], row["attestations"], row["date"]) == ("a | b", "2", "2024-05-03")
    assert row["sources"] == "a.txt | b.txt"


def test_plover_gives_one_consult_record_per_pair(graph: Graph, tmp_path: Path) -> None:
    lines = export(graph, "plover", tmp_path / "events.jsonl").read_text("utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == 7  # four two-party events and the three pairs of the trilateral
    assert {r["event"] for r in records} == {"CONSULT"}
    phone = next(r for r in records if r["mode"] == "telephone")
    assert {phone["actor"], phone["recipient"]} == {"Sergei Lavrov", "Mohammad Javad Zarif"}
    assert phone["text_info"]["sentences"] == [LAVROV_ZARIF_EVIDENCE]
    assert phone["text_info"]["articles"] == ["000_lavrov_zarif"]
    assert set(phone) >= {"actor", "recipient", "event", "mode", "date", "text_info"}


def test_the_command_exports_a_graph_file_and_refuses_an_unknown_format(
    graph: Graph, tmp_path: Path, capsys
) -> None:
    source = save_graph(graph, tmp_path / "g.ttl")
    assert main(["export", str(source), "--format", "csv", "--out", str(tmp_path / "e.csv")]) == 0
    assert (tmp_path / "e.csv").read_text("utf-8").startswith("event,date,mode")
    assert main(["export", str(source), "--format", "xls", "--out", str(tmp_path / "e.xls")]) == 2
    assert "unknown export format 'xls'" in capsys.readouterr().err
