"""Offices from the knowledge base: loaded, validated, and exported as tw:holdsRole."""

from __future__ import annotations

import shutil

import pytest
from tawasul.extract.gazetteer import Gazetteer
from tawasul.extract.lexicon import DataFileError
from tawasul.extract.paths import DATA_DIR
from tawasul.extract.records import OFFICES


@pytest.fixture()
def kb(tmp_path):
    folder = tmp_path / "gazetteer"
    shutil.copytree(DATA_DIR / "gazetteer", folder)
    return folder


def write_offices(folder, *rows):
    lines = ["actor_id\toffice\tof\tstart\tend", *("\t".join(r) for r in rows)]
    (folder / "offices.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_offices_load_onto_the_person(kb):
    write_offices(kb, ("sergei-lavrov", "foreign-minister", "russia", "2004", ""))
    lavrov = Gazetteer.load(kb).actors["sergei-lavrov"]
    [office] = lavrov.offices
    assert (office.office, office.of, office.start, office.end) == (
        "foreign-minister",
        "russia",
        2004,
        None,
    )


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        (("sergei-lavrov", "foreign-minister", "russia", "2010", "2004"), "before it starts"),
        (("sergei-lavrov", "grand-vizier", "russia", "2004", ""), "unknown office"),
        (("nobody-at-all", "foreign-minister", "russia", "2004", ""), "unknown actor"),
        (("sergei-lavrov", "foreign-minister", "russia", "20x4", ""), "YYYY"),
    ],
)
def test_a_bad_office_row_names_the_file_and_problem(kb, row, problem):
    write_offices(kb, row)
    with pytest.raises(DataFileError, match=problem) as caught:
        Gazetteer.load(kb)
    assert "offices.tsv" in str(caught.value)


def test_offices_become_role_holdings_in_the_rdf(kb):
    from rdflib import Graph
    from tawasul.extract.records import Actor, Article, ArticleResult
    from tawasul.graph.rdf import build_graph
    from tawasul.graph.vocab import TW

    write_offices(kb, ("sergei-lavrov", "foreign-minister", "russia", "2004", ""))
    lavrov: Actor = Gazetteer.load(kb).actors["sergei-lavrov"]
    graph: Graph = build_graph([ArticleResult(Article("a", "", "a"), actors=(lavrov,))])
    rows = list(
        graph.query(
            """SELECT ?office ?start WHERE { ?p tw:holdsRole ?r . ?r tw:office ?office ;
               tw:roleOf ?state ; tw:start ?start . ?state skos:prefLabel "Russia"@en }""",
            initNs={"tw": TW, "skos": "http://www.w3.org/2004/02/skos/core#"},
        )
    )
    assert [(str(o), str(s)) for o, s in rows] == [(str(TW.ForeignMinister), "2004")]


def test_every_office_is_documented_in_the_ontology():
    from rdflib import Graph
    from tawasul.graph.rdf import OFFICE_TERMS
    from tawasul.graph.vocab import ONTOLOGY_PATH, RDF, TW

    ontology = Graph().parse(ONTOLOGY_PATH)
    for office in OFFICES:
        assert (TW[OFFICE_TERMS[office]], RDF.type, TW.Office) in ontology
