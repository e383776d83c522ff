"""Asking the contact graph questions in SPARQL and reading the answers as a table."""

from __future__ import annotations

import pytest
from conftest_graph import sample_results
from rdflib import Graph
from tawasul.graph.rdf import build_graph
from tawasul.graph.sparql import display_width, format_table, run_query


@pytest.fixture(scope="module")
def graph() -> Graph:
    return build_graph(sample_results())


def test_select_needs_no_prefix_lines_and_shows_plain_values(graph: Graph) -> None:
    columns, rows = run_query(
        graph,
        """SELECT ?who ?mode WHERE {
             ?e a tw:Contact ; tw:mode ?mode ; sem:hasActor ?a .
             ?a skos:prefLabel ?who FILTER(LANG(?who) = "ar")
           } ORDER BY ?who""",
    )
    assert columns == ["who", "mode"]
    assert ("سيرغي لافروف", "tw:Phone") in rows  # literal as text, IRI compacted
    assert ("قطر", "tw:Unspecified") in rows
    assert len(rows) == 11


def test_iris_are_shown_in_a_form_that_can_be_pasted_back(graph: Graph) -> None:
    _, rows = run_query(graph, "SELECT ?a WHERE { ?a owl:sameAs wd:Q159 }")
    assert rows == [("actor:russia",)]
    _, labels = run_query(graph, f"SELECT ?l WHERE {{ {rows[0][0]} skos:prefLabel ?l }}")
    assert set(labels) == {("Russia",), ("روسيا",)}
    _, rows = run_query(graph, 'SELECT ?a WHERE { ?a dcterms:identifier "002 egypt/jordan" }')
    assert rows == [("article:002%20egypt%2Fjordan",)]  # percent escapes are valid in names
    _, ids = run_query(graph, f"SELECT ?i WHERE {{ {rows[0][0]} dcterms:identifier ?i }}")
    assert ids == [("002 egypt/jordan",)]


def test_explicit_prefix_lines_still_work(graph: Graph) -> None:
    query = (
        "PREFIX tw: <https://w3id.org/tawasul/ontology#>\n"
        "SELECT (COUNT(?e) AS ?n) WHERE { ?e a tw:Contact }"
    )
    assert run_query(graph, query) == (["n"], [("5",)])


def test_ask_answers_with_a_one_row_table(graph: Graph) -> None:
    assert run_query(graph, "ASK { ?e tw:status tw:Planned }") == (["ask"], [("true",)])
    assert run_query(graph, "ASK { ?e tw:status tw:Denied }") == (["ask"], [("false",)])


def test_construct_answers_with_one_row_per_triple(graph: Graph) -> None:
    columns, rows = run_query(
        graph,
        "CONSTRUCT { ?p tw:affiliation ?s } WHERE { ?p a tw:Person ; tw:affiliation ?s }",
    )
    assert columns == ["subject", "predicate", "object"]
    assert rows == [
        ("actor:mohammad-javad-zarif", "tw:affiliation", "actor:iran"),
        ("actor:sergei-lavrov", "tw:affiliation", "actor:russia"),
    ]


def test_unbound_optional_values_show_as_empty_cells(graph: Graph) -> None:
    _, rows = run_query(
        graph,
        """SELECT ?id ?issued WHERE {
             ?a a tw:Article ; dcterms:identifier ?id OPTIONAL { ?a dcterms:issued ?issued }
           } ORDER BY ?id""",
    )
    assert rows[0] == ("000_lavrov_zarif", "2020-01-05")
    assert ("001_qatar_hts", "") in rows


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("SELECT ?x WHERE { ?x a tw:Contact", "Expected"),
        ("SELEKT * WHERE { }", "SELEKT"),
        ("SELECT * WHERE { ?x nope:p ?y }", "nope"),
    ],
)
def test_a_malformed_query_is_a_value_error_with_the_parser_message(
    graph: Graph, query: str, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        run_query(graph, query)


def test_table_contains_arabic_labels_in_aligned_columns(graph: Graph) -> None:
    columns, rows = run_query(
        graph,
        """SELECT ?actor ?ar ?en WHERE {
             ?actor skos:prefLabel ?ar , ?en FILTER(LANG(?ar) = "ar" && LANG(?en) = "en")
           } ORDER BY ?actor""",
    )
    table = format_table(columns, rows)
    lines = table.splitlines()
    for label in ("روسيا", "هيئة تحرير الشام", "محمد جواد ظريف"):
        assert label in table
    assert lines[-1] == "(9 rows)"
    separators = {
        tuple(display_width(line[:i]) for i, ch in enumerate(line) if ch == "|")
        for line in lines[:1] + lines[2:-1]
    }
    assert len(separators) == 1  # every '|' sits in the same screen column on every line


def test_diacritics_take_no_column_so_alignment_holds() -> None:
    assert display_width("مُحَمَّد") == display_width("محمد") == 4
    table = format_table(["name", "x"], [("مُحَمَّد", "1"), ("علي", "2")])
    first, second = table.splitlines()[2:4]
    assert display_width(first.split("|")[0]) == display_width(second.split("|")[0])


def test_long_cells_can_be_cut_to_a_width() -> None:
    evidence = "بحث وزير الخارجية الروسي سيرغي لافروف في اتصال هاتفي مع نظيره الإيراني"
    table = format_table(["evidence"], [(evidence,)], max_width=20)
    row = table.splitlines()[2]
    assert row.endswith("…") and display_width(row) == 20
    assert evidence in format_table(["evidence"], [(evidence,)])
