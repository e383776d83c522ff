"""The offline HTML page: self-contained, drawn by a real browser, and safe with hostile text.

The browser tests open the page in headless Chromium with every host unresolvable
and every non-file request aborted, i.e. as a reader with no network would.
Set TAWASUL_SCREENSHOT=/path/to/shot.png to keep a picture of the drawn page.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from conftest_graph import sample_results
from tawasul.graph.network import to_networkx
from tawasul.graph.page import KIND_STYLE, build_network, render_page, write_page
from tawasul.graph.rdf import actor_iri, build_graph

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
def network() -> nx.Graph:
    return to_networkx(build_graph(sample_results()))


@pytest.fixture(scope="module")
def page_html(network: nx.Graph) -> str:
    return render_page(network, title="Tawasul test page")


def test_the_page_references_nothing_outside_the_file(page_html: str) -> None:
    remote = re.findall(
        r"<(?:script|link)\b[^>]*\b(?:src|href)\s*=\s*[\"']?(?:https?:)?//", page_html, re.I
    )
    assert remote == []
    assert re.findall(r"<script\b[^>]*\bsrc\s*=", page_html, re.I) == []  # all scripts inline
    assert re.findall(r"<link\b[^>]*\bhref\s*=", page_html, re.I) == []  # all styles inline
    assert "new vis.Network(" in page_html and ".vis-network" in page_html  # vis JS and CSS


def test_the_heading_gives_the_title_and_the_counts(page_html: str) -> None:
    assert "<h1>Tawasul test page</h1>" in page_html
    assert re.search(r'<p id="tw-counts"[^>]*>9 actors, 5 contacts</p>', page_html)
    assert '<html lang="ar" dir="rtl">' in page_html


def test_an_empty_network_still_makes_a_page() -> None:
    assert ">0 actors, 0 contacts</p>" in render_page(nx.Graph())


def test_nodes_are_bilingual_and_styled_by_kind_and_degree(network: nx.Graph) -> None:
    nodes = {n["id"]: n for n in build_network(network).nodes}
    slugs = ("russia", "sergei-lavrov", "hayat-tahrir-al-sham")
    russia, lavrov, hts = (nodes[node(slug)] for slug in slugs)
    assert russia["label"] == "روسيا\nRussia"
    assert (russia["color"], russia["shape"]) == (KIND_STYLE["state"]["color"], "dot")
    assert lavrov["shape"] == KIND_STYLE["person"]["shape"]
    assert hts["shape"] == KIND_STYLE["organization"]["shape"]
    assert russia["size"] > lavrov["size"]  # two partners against one


def test_edges_are_wider_for_more_contacts(network: nx.Graph) -> None:
    edges = {frozenset((e["from"], e["to"])): e for e in build_network(network).edges}
    pair = edges[frozenset(map(node, ("sergei-lavrov", "mohammad-javad-zarif")))]
    single = edges[frozenset(map(node, ("qatar", "hayat-tahrir-al-sham")))]
    assert pair["width"] > single["width"] and pair["label"] == "2"
    assert single.get("dashes") is True and "dashes" not in pair  # Qatar–HTS went via Turkey
    assert "phone · occurred" in pair["title"] and "meeting · occurred" in pair["title"]


def test_evidence_is_escaped_before_it_reaches_the_page(network: nx.Graph, page_html: str) -> None:
    titles = [e["title"] for e in build_network(network).edges]
    assert any("&lt;script&gt;alert(1)&lt;/script&gt;" in title for title in titles)
    assert "<script>alert" not in page_html and "<img src=x" not in page_html


@dataclass
class Opened:
    """A page open in Chromium, with what it asked for and what it tried to do."""

    page: Any
    url: str
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def opened(network: nx.Graph, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Opened]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    folder = tmp_path_factory.mktemp("page")
    path = write_page(network, folder / "contacts.html")
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            user_data_dir=str(folder / "profile"),  # fresh profile each run
            executable_path=str(CHROMIUM),
            args=CHROMIUM_FLAGS,
            headless=True,
            viewport={"width": 1280, "height": 900},
        )
        opened = Opened(page=context.new_page(), url=path.as_uri())

        def route(route: Any) -> None:
            opened.requests.append(route.request.url)
            if route.request.url.startswith("file:"):
                route.continue_()
            else:
                route.abort()

        context.route("**/*", route)
        opened.page.on("dialog", lambda d: (opened.dialogs.append(d.message), d.dismiss()))
        opened.page.on("pageerror", lambda e: opened.errors.append(str(e)))
        opened.page.goto(opened.url)
        opened.page.wait_for_function("document.body.dataset.ready === 'true'", timeout=20_000)
        yield opened
        context.close()


def test_the_browser_draws_every_actor_and_every_edge(opened: Opened) -> None:
    drawn = opened.page.evaluate(
        """() => ({
            nodes: network.body.data.nodes.length,
            edges: network.body.data.edges.length,
            placed: Object.keys(network.getPositions()).length,
        })"""
    )
    assert drawn == {"nodes": 9, "edges": 6, "placed": 9}
    assert opened.errors == []


def test_the_canvas_shows_the_nodes_in_their_colours(opened: Opened) -> None:
    red, green, blue = (int(KIND_STYLE["state"]["color"][i : i + 2], 16) for i in (1, 3, 5))
    painted, state_blue = opened.page.evaluate(
        """([r, g, b]) => {
            const canvas = document.querySelector('#mynetwork canvas');
            const context = canvas.getContext('2d');
            const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
            let painted = 0, stateBlue = 0;
            for (let i = 0; i < data.length; i += 4) {
                if (data[i + 3] === 0) continue;
                painted++;
                const off = Math.abs(data[i] - r) + Math.abs(data[i + 1] - g)
                    + Math.abs(data[i + 2] - b);
                if (off < 12) stateBlue++;
            }
            return [painted, stateBlue];
        }""",
        [red, green, blue],
    )
    assert painted > 5_000 and state_blue > 500
    shot = os.environ.get("TAWASUL_SCREENSHOT")
    if shot:
        opened.page.screenshot(path=shot, full_page=True)


def test_the_page_asks_for_nothing_but_its_own_file(opened: Opened) -> None:
    assert opened.requests == [opened.url]


def test_hovering_an_edge_shows_the_evidence_as_inert_text(opened: Opened) -> None:
    point = opened.page.evaluate(
        """(needle) => {
            const edge = edges.get().find(e => e.title.textContent.includes(needle));
            const box = document.querySelector('#mynetwork').getBoundingClientRect();
            const ends = network.getPositions([edge.from, edge.to]);
            for (const t of [0.5, 0.4, 0.6, 0.3, 0.7]) {
                const dom = network.canvasToDOM({
                    x: ends[edge.from].x + t * (ends[edge.to].x - ends[edge.from].x),
                    y: ends[edge.from].y + t * (ends[edge.to].y - ends[edge.from].y),
                });
                if (network.getEdgeAt(dom) === edge.id && network.getNodeAt(dom) === undefined)
                    return [box.left + dom.x, box.top + dom.y];
            }
            return null;
        }""",
        HOSTILE,
    )
    assert point is not None, "no free point on the Egypt–Jordan edge to hover"
    opened.page.mouse.move(point[0] - 40, point[1] - 40)
    opened.page.mouse.move(point[0], point[1], steps=5)
    tooltip = opened.page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5_000)
    text = tooltip.inner_text()
    assert "visit · planned" in text
    assert HOSTILE in text and '<img src=x onerror="alert(2)">' in text  # shown, not run
    assert tooltip.query_selector_all("script, img") == []
    assert opened.dialogs == []
