"""Hostile text is data everywhere: names, texts and URLs survive every RDF syntax unchanged."""

from __future__ import annotations

import pyoxigraph
import pytest
from conftest_graph import contact
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from tawasul.extract.fields import clean_url
from tawasul.extract.records import Actor, Article, ArticleResult
from tawasul.graph.rdf import actor_iri, article_iri, build_graph
from tawasul.graph.store import load_graph, save_graph
from tawasul.graph.vocab import SKOS

HOSTILE = [
    'وزير "الخارجية"',
    "back\\slash \\u0041 \\n",
    "سطر\nجديد\r\nآخر",
    'three """ quotes """',
    "''' single '''",
    'ends with a quote"',
    "ends with a backslash\\",
    "\u200fعلامة RTL\u202e معكوس\u2066",
    "line\u2028separator\u2029and\u0085next",
    "<script>alert('x')</script> & <b>",
    "@prefix x: <http://evil/> . <a> <b> <c> .",
    '{"@id": "http://evil/"}',
    "tab\tand bell\x07 and esc\x1b[31m",
]

OXIGRAPH_FORMATS = {
    ".ttl": pyoxigraph.RdfFormat.TURTLE,
    ".nt": pyoxigraph.RdfFormat.N_TRIPLES,
    ".jsonld": pyoxigraph.RdfFormat.JSON_LD,
}


def _hostile_results() -> list[ArticleResult]:
    results = []
    for n, name in enumerate(HOSTILE):
        a = Actor(id=f"hostile/{name}", kind="person", label_ar=name, label_en=name)
        b = Actor(id="qatar", kind="state", label_ar="قطر", label_en="Qatar")
        text = f"{name} التقى قطر"
        article = Article(
            id=f"{n}-{name}",
            text=text,
            source=name,
            url=f"https://ex.org/{name}" if n % 2 else None,
            published="2024-05-03",
        )
        report = contact(article, text, ((a, name), (b, "قطر")), "meeting", trigger=name)
        results.append(ArticleResult(article, (report,), sentences=1, actors=(a, b)))
    return results


@pytest.fixture(scope="module")
def hostile_graph() -> Graph:
    return build_graph(_hostile_results())


@pytest.mark.parametrize("suffix", [".ttl", ".nt", ".jsonld"])
def test_hostile_names_round_trip_through_rdflib_and_oxigraph(hostile_graph, tmp_path, suffix):
    path = save_graph(hostile_graph, tmp_path / f"graph{suffix}")
    assert isomorphic(load_graph(path), hostile_graph)
    store = pyoxigraph.Store()
    store.load(path.read_bytes(), OXIGRAPH_FORMATS[suffix])
    labels = {
        str(q.object.value)
        for q in store.quads_for_pattern(None, pyoxigraph.NamedNode(str(SKOS.prefLabel)), None)
    }
    assert set(HOSTILE) <= labels
    assert len(store) == len(hostile_graph)


def test_hostile_text_adds_no_triples_and_no_prefixes(hostile_graph, tmp_path):
    path = save_graph(hostile_graph, tmp_path / "graph.ttl")
    assert not any(str(o).startswith("http://evil") for o in load_graph(path).objects())
    assert "http://evil" not in {str(ns) for _, ns in load_graph(path).namespaces()}


def test_urls_with_spaces_and_quotes_become_valid_source_iris(hostile_graph, tmp_path):
    path = save_graph(hostile_graph, tmp_path / "graph.nt")
    sources = {
        str(o)
        for s, p, o in load_graph(path)
        if str(p).endswith("/source") and isinstance(o, URIRef)
    }
    assert len(sources) == len(HOSTILE) // 2
    for iri in sources:
        pyoxigraph.NamedNode(iri)  # raises on an invalid IRI
        assert not any(ch in iri for ch in ' "<>\\{}|^`\n')


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=1))
def test_any_name_mints_an_iri_that_parses_and_round_trips(name):
    for iri in (actor_iri(name), article_iri(name)):
        pyoxigraph.NamedNode(str(iri))
        graph = Graph()
        graph.add((iri, SKOS.prefLabel, Literal("x")))
        back = Graph().parse(data=graph.serialize(format="nt"), format="nt")
        assert set(back.subjects()) == {iri}
    assert actor_iri(name) != actor_iri(name + "x")


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(min_size=1), min_size=2, max_size=4, unique=True))
def test_distinct_names_mint_distinct_iris(names):
    assert len({actor_iri(n) for n in names}) == len(names)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_url_is_dropped_or_made_an_iri_oxigraph_and_turtle_accept(text):
    url, warning = clean_url("https://ex.org/" + text)
    assert url is not None and warning is None
    pyoxigraph.NamedNode(url)
    graph = Graph()
    graph.add((URIRef(url), SKOS.note, Literal(text)))
    back = Graph().parse(data=graph.serialize(format="turtle"), format="turtle")
    assert isomorphic(back, graph)
    for scheme in ("javascript:", "data:", "vbscript:", " JavaScript:"):
        assert clean_url(scheme + text)[0] is None
