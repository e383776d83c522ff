"""The RDF export contract, checked the way its users will use it: with SPARQL."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pyoxigraph
import pytest
from conftest_graph import LAVROV_ZARIF_EVIDENCE, sample_results
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from tawasul.extract.records import MODES, STATUSES, ArticleResult
from tawasul.graph import vocab
from tawasul.graph.rdf import build_graph, contact_iri, load_ontology
from tawasul.graph.store import load_graph, save_graph
from tawasul.graph.vocab import ID, MODE_TERMS, PREFIXES, STATUS_TERMS, TW

HEADER = "\n".join(f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items()) + "\n"

CONTRACT_QUERY = (
    HEADER
    + """
SELECT ?contact ?actor ?status ?mode ?mediated ?evidence ?article WHERE {
  ?contact a tw:Contact ;
      sem:hasActor ?actor ;
      tw:status ?status ;
      tw:mode ?mode ;
      tw:mediated ?mediated ;
      prov:wasDerivedFrom ?source .
  ?report oa:hasBody ?contact ; prov:wasDerivedFrom ?source ; tw:evidence ?evidence .
  ?source a tw:Article ; dcterms:identifier ?article .
}
ORDER BY ?contact ?actor
"""
)


@pytest.fixture(scope="module")
def graph() -> Graph:
    return build_graph(sample_results())


def select(graph: Graph, body: str) -> list[tuple]:
    return [tuple(row) for row in graph.query(HEADER + body)]


def actor(slug: str) -> URIRef:
    return ID[f"actor/{slug}"]


def test_a_phone_call_links_both_ministers_with_status_mode_and_evidence(graph: Graph) -> None:
    rows = select(
        graph,
        f"""SELECT ?actor ?status ?mode ?mediated ?article WHERE {{
          ?report tw:evidence {Literal(LAVROV_ZARIF_EVIDENCE, lang="ar").n3()} ; oa:hasBody ?e .
          ?e a tw:Contact ;
             sem:hasActor ?actor ; tw:status ?status ; tw:mode ?mode ; tw:mediated ?mediated ;
             prov:wasDerivedFrom/dcterms:identifier ?article .
        }} ORDER BY ?actor""",
    )
    assert [row[0] for row in rows] == [actor("mohammad-javad-zarif"), actor("sergei-lavrov")]
    _, status, mode, mediated, article = rows[0]
    assert (status, mode) == (TW.Occurred, TW.Phone)
    assert mediated == Literal(False) and mediated.datatype == vocab.XSD.boolean
    assert str(article) == "000_lavrov_zarif"


def test_evidence_is_arabic_with_offsets_into_the_article_trigger_and_method(graph: Graph) -> None:
    result = sample_results()[0]
    rows = select(
        graph,
        """SELECT ?evidence ?start ?end ?trigger ?method WHERE {
          ?e tw:evidence ?evidence ; tw:evidenceStart ?start ; tw:evidenceEnd ?end ;
             tw:trigger ?trigger ; tw:method ?method ;
             prov:wasDerivedFrom/dcterms:identifier "000_lavrov_zarif" .
        } ORDER BY ?start""",
    )
    assert len(rows) == 2
    for evidence, start, end, trigger, _method in rows:
        assert evidence.language == "ar" and trigger.language == "ar"
        assert start.datatype == end.datatype == vocab.XSD.integer
        assert result.article.text[start.toPython() : end.toPython()] == str(evidence)
        assert str(trigger) in str(evidence)
    assert [str(row[4]) for row in rows] == ["tree", "clause"]


def test_each_date_phrase_is_its_own_value(graph: Graph) -> None:
    rows = select(
        graph,
        "SELECT ?date WHERE { ?e tw:mode tw:MultilateralMeeting ; tw:dateText ?date }",
    )
    assert rows == [(Literal("يوم الثلاثاء", lang="ar"),)]


def test_a_mediated_contact_names_its_intermediary(graph: Graph) -> None:
    rows = select(
        graph,
        """SELECT ?mediated ?via WHERE {
          ?e sem:hasActor actor:qatar ; tw:mediated ?mediated ; tw:intermediary ?via .
        }""",
    )
    assert rows == [(Literal(True), actor("turkey"))]


def test_contacts_are_sem_events_through_the_bundled_ontology(graph: Graph) -> None:
    rows = select(
        graph,
        "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a/rdfs:subClassOf* sem:Event }",
    )
    assert rows[0][0].toPython() == 5
    assert graph.query(HEADER + "ASK { tw:Person rdfs:subClassOf sem:Actor }").askAnswer


def test_every_mode_and_status_has_a_documented_term() -> None:
    ontology = load_ontology()
    assert set(MODE_TERMS) == set(MODES) and set(STATUS_TERMS) == set(STATUSES)
    for term in MODE_TERMS.values():
        assert (term, vocab.RDF.type, TW.Mode) in ontology
    for term in STATUS_TERMS.values():
        assert (term, vocab.RDF.type, TW.Status) in ontology


def test_every_property_has_an_english_label_a_comment_a_domain_and_a_range() -> None:
    names = [
        "status",
        "mode",
        "mediated",
        "evidence",
        "evidenceStart",
        "evidenceEnd",
        "trigger",
        "method",
        "dateText",
        "intermediary",
        "affiliation",
    ]
    ontology = load_ontology()
    for name in names:
        rows = select(
            ontology,
            f"""SELECT ?label ?comment ?domain ?range WHERE {{
              tw:{name} rdfs:label ?label ; rdfs:comment ?comment ;
                  rdfs:domain ?domain ; rdfs:range ?range .
              FILTER(LANG(?label) = "en")
            }}""",
        )
        assert len(rows) == 1, name


def test_actors_are_typed_by_kind(graph: Graph) -> None:
    rows = select(
        graph,
        """SELECT ?actor ?class WHERE {
          VALUES ?class { tw:Person tw:State tw:Organization } ?actor a ?class
        }""",
    )
    kinds = {a: c for a, c in rows}
    assert kinds[actor("sergei-lavrov")] == TW.Person
    assert kinds[actor("russia")] == TW.State
    assert kinds[actor("hayat-tahrir-al-sham")] == TW.Organization
    assert len(kinds) == len(rows) == 9  # each actor has exactly one of the three classes


def test_each_actor_has_exactly_one_preferred_label_per_language(graph: Graph) -> None:
    duplicates = select(
        graph,
        """SELECT ?actor ?lang (COUNT(?label) AS ?n) WHERE {
          ?actor skos:prefLabel ?label BIND(LANG(?label) AS ?lang)
        } GROUP BY ?actor ?lang HAVING (COUNT(?label) > 1)""",
    )
    assert duplicates == []
    russia = select(graph, "SELECT ?l WHERE { actor:russia skos:prefLabel ?l } ORDER BY ?l")
    assert {str(r[0]) for r in russia} == {"روسيا", "Russia"}


def test_other_names_become_arabic_alt_labels(graph: Graph) -> None:
    alt = select(graph, "SELECT ?l WHERE { actor:russia skos:altLabel ?l }")
    assert alt == [(Literal("روسيا الاتحادية", lang="ar"),)]  # a later variant of the name
    alt = select(graph, "SELECT ?l WHERE { actor:sergei-lavrov skos:altLabel ?l }")
    assert alt == [(Literal("لافروف", lang="ar"),)]


def test_people_are_affiliated_and_states_point_to_wikidata(graph: Graph) -> None:
    rows = select(
        graph,
        """SELECT ?state ?wd WHERE {
          actor:sergei-lavrov tw:affiliation ?state . ?state owl:sameAs ?wd
        }""",
    )
    assert rows == [(actor("russia"), URIRef("http://www.wikidata.org/entity/Q159"))]
    iran = select(graph, "SELECT ?wd WHERE { actor:iran owl:sameAs ?wd }")
    assert iran == [(URIRef("http://www.wikidata.org/entity/Q794"),)]
    assert select(graph, "SELECT ?wd WHERE { actor:sergei-lavrov owl:sameAs ?wd }") == []


def test_articles_carry_identifier_source_and_issued_date(graph: Graph) -> None:
    rows = select(
        graph,
        """SELECT ?article ?id ?source ?issued WHERE {
          ?article a tw:Article ; dcterms:identifier ?id ; dcterms:source ?source .
          OPTIONAL { ?article dcterms:issued ?issued }
        } ORDER BY ?id""",
    )
    by_id = {str(row[1]): row for row in rows}
    assert len(by_id) == 4
    first = by_id["000_lavrov_zarif"]
    assert first[2] == URIRef("https://arabic.example.org/news/lavrov-zarif")
    assert first[3] == Literal("2020-01-05", datatype=vocab.XSD.date)
    assert by_id["001_qatar_hts"][2] == Literal("001_qatar_hts.txt")
    assert by_id["001_qatar_hts"][3] is None
    assert by_id["002 egypt/jordan"][0] == ID["article/002%20egypt%2Fjordan"]


def test_a_failed_article_keeps_its_node_and_the_error(graph: Graph) -> None:
    rows = select(
        graph,
        """SELECT ?error (COUNT(?e) AS ?contacts) WHERE {
          ?article a tw:Article ; dcterms:identifier "003_broken" ; tw:error ?error .
          OPTIONAL { ?e prov:wasDerivedFrom ?article }
        } GROUP BY ?error""",
    )
    assert [(str(e), n.toPython()) for e, n in rows] == [("RuntimeError: tokenizer crashed", 0)]


def test_unknown_mode_or_status_is_refused_rather_than_exported() -> None:
    result = sample_results()[1]
    bad = replace(result.contacts[0], mode="telepathy")
    with pytest.raises(ValueError, match="telepathy"):
        build_graph([ArticleResult(article=result.article, contacts=(bad,))])
    bad = replace(result.contacts[0], status="rumoured")
    with pytest.raises(ValueError, match="rumoured"):
        build_graph([ArticleResult(article=result.article, contacts=(bad,))])


def test_building_twice_gives_the_same_graph(graph: Graph) -> None:
    again = build_graph(sample_results())
    assert isomorphic(graph, again)
    assert set(graph) == set(again)  # no blank nodes: even the triples are identical


def test_a_contact_keeps_its_iri_when_its_neighbours_change() -> None:
    results = sample_results()
    first = results[0]
    alone = ArticleResult(article=first.article, contacts=first.contacts[1:])
    iris = set(build_graph([alone]).subjects(vocab.RDF.type, TW.Contact))
    assert iris == {contact_iri(first.contacts[1])}
    assert contact_iri(first.contacts[0]) != contact_iri(first.contacts[1])


@pytest.mark.parametrize("suffix", [".ttl", ".nt", ".jsonld"])
def test_each_format_round_trips(graph: Graph, tmp_path: Path, suffix: str) -> None:
    path = save_graph(graph, tmp_path / f"contacts{suffix}")
    assert isomorphic(load_graph(path), graph)


def test_jsonld_uses_a_compact_context(graph: Graph, tmp_path: Path) -> None:
    text = save_graph(graph, tmp_path / "contacts.jsonld").read_text(encoding="utf-8")
    assert '"tw": "https://w3id.org/tawasul/ontology#"' in text
    assert '"tw:mode"' in text and "سيرغي لافروف" in text  # Arabic written as-is


def test_files_are_byte_identical_across_runs(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from conftest_graph import sample_results\n"
        "from tawasul.graph.rdf import build_graph\n"
        "from tawasul.graph.store import save_graph\n"
        "g = build_graph(sample_results())\n"
        "for suffix in ('.ttl', '.nt', '.jsonld'):\n"
        "    save_graph(g, sys.argv[1] + suffix)\n"
    )
    root = Path(__file__).resolve().parents[1]
    env_path = os.pathsep.join([str(root), str(root / "tests")])
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": env_path}
        subprocess.run(
            [sys.executable, "-c", script, str(tmp_path / seed)], check=True, env=env, cwd=root
        )
    for suffix in (".ttl", ".nt", ".jsonld"):
        first = (tmp_path / f"1{suffix}").read_bytes()
        assert first == (tmp_path / f"2{suffix}").read_bytes(), suffix


def test_unknown_extension_and_unparsable_file_name_the_path(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"contacts\.xml"):
        save_graph(Graph(), tmp_path / "contacts.xml")
    broken = tmp_path / "broken.ttl"
    broken.write_text("this is not turtle .", encoding="utf-8")
    with pytest.raises(ValueError, match=r"broken\.ttl"):
        load_graph(broken)
    with pytest.raises(ValueError, match=r"missing\.nt"):
        load_graph(tmp_path / "missing.nt")


def _rdflib_term(term: object) -> tuple:
    if isinstance(term, Literal):
        datatype = None if term.language else str(term.datatype or vocab.XSD.string)
        return ("literal", str(term), term.language, datatype)
    return ("iri", str(term))


def _oxigraph_term(term: object) -> tuple:
    if isinstance(term, pyoxigraph.Literal):
        datatype = None if term.language else term.datatype.value
        return ("literal", term.value, term.language, datatype)
    return ("iri", term.value)


def test_turtle_export_gives_the_same_answers_in_oxigraph(graph: Graph, tmp_path: Path) -> None:
    path = save_graph(graph, tmp_path / "contacts.ttl")
    store = pyoxigraph.Store()
    store.load(path=str(path), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == len(graph)
    ours = sorted(tuple(_rdflib_term(t) for t in row) for row in graph.query(CONTRACT_QUERY))
    solutions = store.query(CONTRACT_QUERY)
    names = solutions.variables
    theirs = sorted(tuple(_oxigraph_term(s[v]) for v in names) for s in solutions)
    assert len(ours) == 11  # 2+2+2+2+3 participants over five contacts
    assert ours == theirs
