"""The offline HTML page as Python writes it: self-contained, two views, edges that say what they
are, and article text that reaches the page only as data.

What the browser does with it is tested in test_page_browser.py.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import networkx as nx
import pytest
from conftest_graph import sample_results
from rdflib import Graph
from tawasul.extract.arabic import norm
from tawasul.extract.records import MODES
from tawasul.graph import vocab
from tawasul.graph.network import to_networkx
from tawasul.graph.page import (
    ACTS_FOR_COLOR,
    DENIED_COLOR,
    KIND_STYLE,
    LARGE_GRAPH,
    MODE_STYLE,
    build_network,
    edge_style,
    fold_table,
    page_data,
    render_page,
    safe_url,
    search_key,
    show,
    write_page,
)
from tawasul.graph.rdf import actor_iri, build_graph, contact_iri

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND",
]
HOSTILE = "<script>alert(1)</script>"


def node(slug: str) -> str:
    return str(actor_iri(slug))


@pytest.fixture(scope="module")
def rdf() -> Graph:
    return build_graph(sample_results())


@pytest.fixture(scope="module")
def network(rdf: Graph) -> nx.Graph:
    return to_networkx(rdf)


@pytest.fixture(scope="module")
def page_html(network: nx.Graph) -> str:
    return render_page(network, title="Tawasul test page", corpus="samples", built="2026-01-02")


def embedded(page: str) -> dict:
    """The JSON block the page's script reads."""
    found = re.search(r'<script type="application/json" id="tw-data">(.*?)</script>', page, re.S)
    assert found is not None
    return json.loads(found.group(1))


def pair(edges: list[dict], a: str, b: str, view: str = "person") -> dict:
    [edge] = [e for e in edges if {e["from"], e["to"]} == {node(a), node(b)} and e["view"] == view]
    return edge


def test_the_page_references_nothing_outside_the_file(page_html: str) -> None:
    remote = re.findall(
        r"<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*[\"']?(?:https?:)?//",
        page_html,
        re.I,
    )
    assert remote == []
    assert re.findall(r"<script\b[^>]*\bsrc\s*=", page_html, re.I) == []  # all scripts inline
    assert re.findall(r"<link\b[^>]*\bhref\s*=", page_html, re.I) == []  # all styles inline
    assert "new vis.Network(" in page_html and ".vis-network" in page_html  # vis JS and CSS
    assert "default-src 'none'" in page_html  # the page forbids itself any request


def test_the_header_gives_title_corpus_articles_build_date_and_counts(page_html: str) -> None:
    assert "<h1>Tawasul test page</h1>" in page_html
    assert "<title>Tawasul test page</title>" in page_html
    assert re.search(
        r'<p id="tw-counts"[^>]*><span data-l="en" lang="en">9 actors, 5 contacts<', page_html
    )
    assert '<span id="tw-articles" data-articles="4">' in page_html
    assert "<bdi>samples</bdi>" in page_html and '<time datetime="2026-01-02">' in page_html
    assert '<html lang="ar" dir="rtl">' in page_html


def test_the_interface_language_can_start_in_english(network: nx.Graph) -> None:
    page = render_page(network, language="en", built=dt.date(2026, 1, 2))
    assert '<html lang="en" dir="ltr">' in page
    with pytest.raises(ValueError, match="page language 'fr'"):
        render_page(network, language="fr")


def test_an_empty_network_still_makes_a_page() -> None:
    page = render_page(nx.Graph())
    assert ">0 actors, 0 contacts</span>" in page
    assert embedded(page)["contacts"] == []


def test_nodes_are_bilingual_and_styled_by_kind_and_degree(network: nx.Graph) -> None:
    nodes = {n["id"]: n for n in build_network(network).nodes}
    slugs = ("russia", "sergei-lavrov", "hayat-tahrir-al-sham")
    russia, lavrov, hts = (nodes[node(slug)] for slug in slugs)
    assert russia["label"] == "روسيا\nRussia"
    assert (russia["color"], russia["shape"]) == (KIND_STYLE["state"]["color"], "dot")
    assert lavrov["shape"] == KIND_STYLE["person"]["shape"]
    assert hts["shape"] == KIND_STYLE["organization"]["shape"]
    assert russia["size"] > lavrov["size"]  # two partners against one
    assert "<" not in russia["title"] and "Wikidata: Q159" in russia["title"]  # plain text


def test_edges_say_how_many_which_mode_whether_planned_and_whether_mediated(
    network: nx.Graph,
) -> None:
    edges = build_network(network).edges
    lavrov_zarif = pair(edges, "sergei-lavrov", "mohammad-javad-zarif")
    qatar_hts = pair(edges, "qatar", "hayat-tahrir-al-sham")
    egypt_jordan = pair(edges, "egypt", "jordan")
    assert lavrov_zarif["width"] > qatar_hts["width"] and lavrov_zarif["label"] == "2"
    assert lavrov_zarif["color"] == MODE_STYLE["phone"]["color"]  # a tie: the first mode listed
    assert egypt_jordan["color"] == MODE_STYLE["visit"]["color"] and egypt_jordan["dashes"]
    assert not lavrov_zarif["dashes"] and not qatar_hts["dashes"]
    assert qatar_hts["arrows"]["middle"]["enabled"]  # Qatar–HTS went via Turkey
    assert not lavrov_zarif["arrows"]["middle"]["enabled"]


def test_a_denied_contact_is_red(rdf: Graph) -> None:
    edited = Graph() + rdf
    visit = contact_iri(sample_results()[2].contacts[0])
    edited.set((visit, vocab.TW.status, vocab.TW.Denied))
    edge = pair(build_network(to_networkx(edited)).edges, "egypt", "jordan")
    assert edge["color"] == DENIED_COLOR and not edge["dashes"]


def test_edge_style_follows_the_contacts_it_shows() -> None:
    phone = {"mode": "phone", "status": "occurred", "mediated": False}
    meeting = {"mode": "meeting", "status": "planned", "mediated": True}
    assert edge_style([phone, meeting, meeting])["color"] == MODE_STYLE["meeting"]["color"]
    assert edge_style([meeting])["dashes"] and not edge_style([phone, meeting])["dashes"]
    assert edge_style([phone])["width"] < edge_style([phone] * 3)["width"]
    assert edge_style([phone] * 30)["width"] == edge_style([phone] * 8)["width"]  # capped


def test_every_mode_has_a_colour_and_a_name_in_both_languages() -> None:
    assert list(MODE_STYLE) == list(MODES)
    assert all(style["ar"] and style["en"] for style in MODE_STYLE.values())
    assert len({style["color"] for style in MODE_STYLE.values()}) == len(MODES)


def test_state_view_folds_persons_into_the_state_they_act_for(network: nx.Graph) -> None:
    data = page_data(network)
    edges = data["edges"]
    russia_iran = pair(edges, "russia", "iran", view="state")
    # Lavrov–Zarif's call and meeting, plus the Astana trilateral
    assert len(russia_iran["c"]) == 3 and russia_iran["label"] == "3"
    assert not any(
        e["view"] == "state" and node("sergei-lavrov") in (e["from"], e["to"]) for e in edges
    )
    acts_for = {(e["from"], e["to"]) for e in edges if e["view"] == "actsfor"}
    assert acts_for == {
        (node("sergei-lavrov"), node("russia")),
        (node("mohammad-javad-zarif"), node("iran")),
    }
    assert {e["color"] for e in edges if e["view"] == "actsfor"} == {ACTS_FOR_COLOR}
    assert data["view"] == "person"  # a small graph opens with its persons
    nodes = {n["id"]: n for n in data["nodes"]}
    assert not nodes[node("sergei-lavrov")]["hidden"]
    assert {e["hidden"] for e in edges if e["view"] == "state"} == {True}


def test_a_large_graph_opens_in_state_view() -> None:
    big = nx.Graph(actors={})
    for i in range(LARGE_GRAPH + 1):
        big.add_node(f"a{i}", label_ar=f"جهة {i}", label_en=None, kind="organization")
    contacts = [
        {"iri": f"c{i}", "participants": [f"a{i}", f"a{i + 1}"], "mode": "phone"}
        for i in range(LARGE_GRAPH)
    ]
    for contact in contacts:
        big.add_edge(*contact["participants"], weight=1, contacts=[contact])
    assert page_data(big)["view"] == "state"
    assert page_data(big, view="person")["view"] == "person"
    assert page_data(big, large=10 * LARGE_GRAPH)["view"] == "person"
    with pytest.raises(ValueError, match="unknown page view 'map'"):
        page_data(big, view="map")


def test_each_contact_reaches_the_page_with_its_evidence_date_and_source(page_html: str) -> None:
    data = embedded(page_html)
    by_id = {c["id"]: c for c in data["contacts"]}
    first = sample_results()[0].contacts[0]
    phone = by_id[str(contact_iri(first))]
    assert phone["sources"] == [
        {
            "article": "000_lavrov_zarif",
            "url": "https://arabic.example.org/news/lavrov-zarif",
            "evidence": first.evidence,
        }
    ]
    assert (phone["mode"], phone["status"], phone["date"]) == ("phone", "occurred", "2020-01-05")
    assert phone["dateSource"] == "article"
    assert data["dates"] == ["2020-01-05", "2020-02-11"]
    qatar = by_id[str(contact_iri(sample_results()[1].contacts[0]))]
    assert qatar["via"] == [node("turkey")] and qatar["mediated"] and qatar["date"] is None


def test_article_text_reaches_the_page_only_as_escaped_data(page_html: str) -> None:
    assert "<script>alert" not in page_html and "<img src=x" not in page_html
    evidence = [s["evidence"] for c in embedded(page_html)["contacts"] for s in c["sources"]]
    assert any(HOSTILE in text for text in evidence)  # kept whole, as data


def test_only_http_links_are_kept() -> None:
    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    assert safe_url("HTTP://example.org") == "HTTP://example.org"
    for bad in ("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "/local", None):
        assert safe_url(bad) is None


def test_search_keys_fold_arabic_spelling_and_case() -> None:
    assert search_key("الأردن") == search_key("الاردن") == "الاردن"
    assert search_key("سَيرغي لافروف", "Sergei Lavrov") == "سيرغي لافروف sergei lavrov"
    assert search_key("هيئة") == search_key("هيئه")
    table = fold_table()
    assert table["أ"] == "ا" and table["ة"] == "ه" and table["\u064e"] == ""  # fatha dropped
    assert all(norm(char) == folded for char, folded in table.items())


def test_a_notebook_shows_the_same_page_inline(rdf: Graph, tmp_path: Path) -> None:
    view = show(rdf, path=tmp_path / "page.html", built="2026-01-02")
    frame = view._repr_html_()
    assert frame.startswith("<iframe srcdoc=") and 'sandbox="allow-scripts allow-popups"' in frame
    assert "<script>" not in frame  # the page is inside an attribute, escaped
    assert (tmp_path / "page.html").read_text(encoding="utf-8") == view.page
    assert "new vis.Network(" in view.page


def test_write_page_creates_its_folder(network: nx.Graph, tmp_path: Path) -> None:
    path = write_page(network, tmp_path / "deep" / "network.html", title="T")
    assert path.exists() and "<h1>T</h1>" in path.read_text(encoding="utf-8")


def test_a_build_titles_its_page_and_names_its_corpus(extractor, tmp_path: Path) -> None:
    from tawasul.build import build
    from tawasul.cli import _parser

    article = tmp_path / "one-call.txt"
    article.write_text(
        "أجرى وزير الخارجية الروسي سيرغي لافروف اتصالا هاتفيا مع نظيره التركي.", "utf-8"
    )
    build([article], tmp_path / "out", extractor=extractor, page_title="Calls «2025»")
    page = (tmp_path / "out" / "network.html").read_text(encoding="utf-8")
    assert "<h1>Calls «2025»</h1>" in page and "<bdi>one-call.txt</bdi>" in page
    args = _parser().parse_args(["build", str(article), "--page-title", "Calls"])
    assert args.page_title == "Calls"
