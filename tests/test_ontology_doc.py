"""docs/ontology.md is generated from data/ontology/tawasul.ttl and never falls behind it."""

from __future__ import annotations

from conftest import ROOT
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF

from tawasul.ontology_doc import COMMAND, main, render

ONTOLOGY = ROOT / "data" / "ontology" / "tawasul.ttl"
PAGE = ROOT / "docs" / "ontology.md"
TW = "https://w3id.org/tawasul/ontology#"


def test_the_ontology_page_is_current():
    assert PAGE.read_text(encoding="utf-8") == render(ONTOLOGY), (
        f"docs/ontology.md is stale: run `{COMMAND}` and commit it"
    )


def test_every_class_property_and_individual_of_the_vocabulary_is_on_the_page():
    graph = Graph().parse(ONTOLOGY, format="turtle")
    page = render(ONTOLOGY)
    terms = {s for s in graph.subjects(RDF.type, None) if str(s).startswith(TW)}
    assert len(terms) > 20
    for term in terms:
        assert f"`tw:{str(term)[len(TW) :]}`" in page, term
    for cls in graph.subjects(RDF.type, OWL.Class):
        for label in graph.objects(cls, URIRef("http://www.w3.org/2000/01/rdf-schema#label")):
            assert str(label) in page


def test_the_readme_links_the_page():
    assert "(docs/ontology.md)" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_check_reports_a_stale_page_and_the_command_rewrites_it(tmp_path, capsys):
    out = tmp_path / "ontology.md"
    out.write_text("old\n", encoding="utf-8")
    assert main(["--out", str(out), "--check"]) == 1
    assert COMMAND in capsys.readouterr().err
    assert main(["--out", str(out)]) == 0
    assert main(["--out", str(out), "--check"]) == 0
    assert out.read_text(encoding="utf-8") == render(ONTOLOGY)


def test_a_broken_turtle_file_is_one_line_naming_the_file(tmp_path, capsys):
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix tw: <x#> .\ntw:A a tw:B ;\n", encoding="utf-8")
    assert main(["--ontology", str(bad), "--out", str(tmp_path / "o.md")]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{bad}: ") and err.count("\n") == 1
    assert not (tmp_path / "o.md").exists()
