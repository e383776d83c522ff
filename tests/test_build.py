"""The main job end to end: the bundled seed articles → graph.ttl, network.html, contacts.json."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import ROOT
from tawasul.graph.sparql import run_query
from tawasul.graph.store import load_graph

from tawasul.build import build
from tawasul.cli import main

GOLD = ROOT.parent / "shared" / "gold"

PAIRS = """
SELECT DISTINCT ?a ?b ?mode WHERE {
  ?e a tw:Contact ; sem:hasActor ?x, ?y ; tw:mode ?mode .
  ?x skos:prefLabel ?a . ?y skos:prefLabel ?b .
  FILTER(lang(?a) = "en" && lang(?b) = "en" && STR(?a) < STR(?b))
}
"""


@pytest.fixture(scope="module")
def built(extractor, tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    report = build([], out, extractor=extractor, formats=("ttl", "nt", "jsonld"))
    return out, report


def test_the_seeds_build_without_errors_into_all_files(built):
    out, report = built
    assert report.errors == []
    assert len(report.results) == 5
    names = sorted(p.name for p in out.iterdir())
    assert names == [
        ".tawasul-output",  # marks a folder a build wrote (tawasul/output.py)
        "contacts.json",
        "graph.jsonld",
        "graph.nt",
        "graph.ttl",
        "network.html",
    ]


def test_sparql_over_the_contract_finds_the_headline_contacts(built):
    out, _ = built
    _, rows = run_query(load_graph(out / "graph.ttl"), PAIRS)
    pairs = {(a, b) for a, b, _ in rows}
    assert ("Hayat Tahrir al-Sham", "Qatar") in pairs
    assert ("Hayat Tahrir al-Sham", "United States") in pairs
    assert ("Hayat Tahrir al-Sham", "United Kingdom") in pairs
    assert ("Mohammad Javad Zarif", "Sergei Lavrov", "tw:Phone") in set(rows)


def test_every_contact_carries_its_evidence_sentence_from_the_article(built):
    out, report = built
    texts = {r.article.id: r.article.text for r in report.results}
    doc = json.loads((out / "contacts.json").read_text(encoding="utf-8"))
    contacts = [(d["id"], c) for d in doc["documents"] for c in d["contacts"]]
    assert len(contacts) >= 30
    for article_id, c in contacts:
        assert texts[article_id][c["evidence_start"] : c["evidence_end"]] == c["evidence"]
        assert c["mode"] and c["status"] in ("occurred", "planned", "offered", "denied")


@pytest.mark.skipif(not (GOLD / "score.py").exists(), reason="gold scorer not beside the checkout")
def test_the_seeds_score_above_the_bar_on_the_gold_contacts(built):
    out, _ = built
    scored = subprocess.run(
        [sys.executable, GOLD / "score.py", GOLD / "seeds-gold.json", out / "contacts.json"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    figures = dict(
        (line.split()[0], float(line.split("F1=")[1]))
        for line in scored.splitlines()
        if line.startswith("pairs-")
    )
    assert figures["pairs-affiliation"] >= 0.60, scored
    assert figures["pairs-name"] >= 0.45, scored


def test_a_bad_article_is_reported_and_the_others_are_kept(extractor, tmp_path):
    (tmp_path / "good.txt").write_text(
        "قطر بدأت اليوم اتصالات مباشرة مع هيئة تحرير الشام.", encoding="utf-8"
    )
    (tmp_path / "broken.txt").write_bytes(b"\xff\xfe\x00garbage")
    report = build([tmp_path], tmp_path / "out", extractor=extractor)
    assert report.errors == [
        f"{tmp_path / 'broken.txt'}: no Arabic text (Tawasul reads Arabic news)"
    ]
    assert report.contacts == 1
    _, rows = run_query(
        load_graph(tmp_path / "out" / "graph.ttl"), "SELECT ?m WHERE { ?a tw:error ?m }"
    )
    assert len(rows) == 1 and "broken.txt" in rows[0][0]


def test_the_command_line_builds_and_queries(tmp_path, capsys, monkeypatch):
    article = tmp_path / "a.txt"
    article.write_text("لافروف بحث هاتفيا مع نظيره الأمريكي جون كيري الوضع في شرق حلب", "utf-8")
    assert main(["build", str(article), "--out", str(tmp_path / "out")]) == 0
    assert "1 contacts from 1 article(s); 0 failed" in capsys.readouterr().out
    assert main(["query", str(tmp_path / "out" / "graph.ttl"), PAIRS]) == 0
    table = capsys.readouterr().out
    assert "John Kerry" in table and "Sergei Lavrov" in table and "tw:Phone" in table


def test_the_command_line_names_a_bad_query_and_a_missing_graph(built, tmp_path, capsys):
    assert main(["query", str(tmp_path / "nope.ttl"), "SELECT * WHERE {?s ?p ?o}"]) == 2
    assert "nope.ttl" in capsys.readouterr().err
    assert main(["query", str(built[0] / "graph.ttl"), "SELECT ?s WHERE { ?s"]) == 2
    assert capsys.readouterr().err.startswith("tawasul: ")


def test_the_command_line_prints_network_figures(built, capsys):
    assert main(["stats", str(built[0] / "graph.ttl")]) == 0
    printed = capsys.readouterr().out
    first = printed.splitlines()[0]
    assert " actors, " in first and " contacts, " in first and "density" in first
    assert "Qatar" in printed and "centrality" in printed


def test_the_built_page_draws_the_seed_network_in_chromium_offline(built, tmp_path):
    from test_page import CHROMIUM, CHROMIUM_FLAGS

    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    page_path = built[0] / "network.html"
    outside: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS, headless=True
        )
        page = browser.new_page()
        page.route(
            "**/*",
            lambda route: (
                route.continue_()
                if route.request.url.startswith("file:")
                else (outside.append(route.request.url), route.abort())
            ),
        )
        page.goto(page_path.as_uri())
        page.wait_for_function("document.body.dataset.ready === 'true'", timeout=30_000)
        drawn = page.evaluate(
            """() => {
                const canvas = document.querySelector('#mynetwork canvas');
                const data = canvas.getContext('2d')
                    .getImageData(0, 0, canvas.width, canvas.height).data;
                let painted = 0;
                for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted++;
                return [network.body.data.nodes.length, network.body.data.edges.length,
                        Object.keys(network.getPositions()).length, painted,
                        document.getElementById('tw-counts').textContent];
            }"""
        )
        browser.close()
    nodes, edges, placed, painted, counts = drawn
    assert nodes >= 25 and edges >= 30 and placed == nodes
    assert painted > 10_000
    assert counts.startswith(f"{nodes} actors, ")
    assert outside == []


def test_query_results_can_be_printed_as_csv_and_json(built, capsys):
    graph = str(built[0] / "graph.ttl")
    query = "SELECT ?id WHERE { ?a a tw:Article ; dcterms:identifier ?id } ORDER BY ?id"
    assert main(["query", graph, query, "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "id" and lines[1] == "000_2983ddeca35d4a1a" and len(lines) == 6
    assert main(["query", graph, query, "--format", "json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert records[-1] == {"id": "004_fa1ba8040f28eb1f"}
