"""The page in a real browser: views, search, filters, the evidence panel, and hostile text.

Every test drives headless Chromium with every host unresolvable and every request
that is not the page's own file recorded and aborted, i.e. as a reader with no
network would open it. Steps are asserted on the DOM or on vis-network's DataSets.
Set TAWASUL_SCREENSHOTS=docs to save a picture of each view (the README shows them).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from conftest_graph import contact, sample_results
from tawasul.extract.records import Actor, Article, ArticleResult
from tawasul.graph.network import to_networkx
from tawasul.graph.page import MODE_STYLE, build_network, write_page
from tawasul.graph.rdf import actor_iri, build_graph
from test_page import CHROMIUM, CHROMIUM_FLAGS

SHOTS = os.environ.get("TAWASUL_SCREENSHOTS")

VISIBLE = """() => ({
    nodes: nodes.get({filter: n => !n.hidden}).map(n => n.id),
    edges: edges.get({filter: e => !e.hidden}).map(e => ({id: e.id, from: e.from, to: e.to,
        view: e.view, c: e.c, color: e.color})),
    shown: Number(document.getElementById('tw-shown').dataset.shown),
    total: Number(document.getElementById('tw-shown').dataset.total),
    view: document.body.dataset.view,
})"""

# A point on an edge with no node within 8 px, in page coordinates (or null).
EDGE_POINT = """(id) => {
    const edge = edges.get(id);
    const box = document.querySelector('#mynetwork canvas').getBoundingClientRect();
    const ends = network.getPositions([edge.from, edge.to]);
    const clear = (dom) => [[0, 0], [8, 0], [-8, 0], [0, 8], [0, -8]].every(([dx, dy]) =>
        network.getNodeAt({x: dom.x + dx, y: dom.y + dy}) === undefined);
    for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.25, 0.75]) {
        const dom = network.canvasToDOM({
            x: ends[edge.from].x + t * (ends[edge.to].x - ends[edge.from].x),
            y: ends[edge.from].y + t * (ends[edge.to].y - ends[edge.from].y),
        });
        if (network.getEdgeAt(dom) === id && clear(dom))
            return [box.left + dom.x, box.top + dom.y];
    }
    return null;
}"""


def node(slug: str) -> str:
    return str(actor_iri(slug))


@dataclass
class Opened:
    """A page open in Chromium, with what it asked for and what it tried to do."""

    page: Any
    url: str
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def visible(self) -> dict:
        return self.page.evaluate(VISIBLE)

    def wait_ready(self) -> None:
        self.page.wait_for_function("document.body.dataset.ready === 'true'", timeout=20_000)

    def reset(self) -> None:
        self.page.click("#tw-reset")

    def view(self, name: str) -> None:
        self.page.click(f"#tw-view-{name}")
        self.page.wait_for_function(
            f"document.body.dataset.view === '{name}' && document.body.dataset.ready === 'true'"
        )

    def click_edge(self, edge_id: str) -> None:
        point = self.page.evaluate(EDGE_POINT, edge_id)
        assert point is not None, f"no free point on edge {edge_id} to click"
        self.page.mouse.click(point[0], point[1])


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS, headless=True
        )
        yield launched
        launched.close()


def open_page(browser: Any, path: Path) -> Opened:
    """Open a page file with every other request recorded and aborted."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    opened = Opened(page=context.new_page(), url=path.as_uri())

    def route(route: Any) -> None:
        opened.requests.append(route.request.url)
        if route.request.url == opened.url:
            route.continue_()
        else:
            route.abort()

    context.route("**/*", route)
    opened.page.on("dialog", lambda d: (opened.dialogs.append(d.message), d.dismiss()))
    opened.page.on("pageerror", lambda e: opened.errors.append(str(e)))
    opened.page.goto(opened.url)
    opened.wait_ready()
    return opened


@pytest.fixture(scope="module")
def seeds_network(seed_results: list[ArticleResult]) -> nx.Graph:
    return to_networkx(build_graph(seed_results))


@pytest.fixture(scope="module")
def seeds(browser: Any, seeds_network: nx.Graph, tmp_path_factory) -> Iterator[Opened]:
    path = tmp_path_factory.mktemp("seeds") / "network.html"
    write_page(seeds_network, path, corpus="data/articles")
    opened = open_page(browser, path)
    yield opened
    opened.page.context.close()


@pytest.fixture(scope="module")
def samples(browser: Any, tmp_path_factory) -> Iterator[Opened]:
    path = tmp_path_factory.mktemp("samples") / "network.html"
    write_page(to_networkx(build_graph(sample_results())), path)
    opened = open_page(browser, path)
    yield opened
    opened.page.context.close()


def with_actor(opened: Opened, shown: dict, actor: str) -> tuple[bool, int]:
    """Whether every shown contact edge carries a contact of `actor`, and how many such."""
    data = opened.page.evaluate("JSON.parse(document.getElementById('tw-data').textContent)")
    edges = [e for e in shown["edges"] if e["view"] != "actsfor"]
    theirs = [[i for i in e["c"] if actor in data["contacts"][i]["p"]] for e in edges]
    return bool(edges) and all(theirs), len({i for found in theirs for i in found})


def contacts_of(network: nx.Graph) -> dict[str, dict]:
    return {c["iri"]: c for _, _, d in network.edges(data=True) for c in d["contacts"]}


def test_the_seed_page_draws_offline_and_asks_for_nothing_but_its_file(
    seeds: Opened, seeds_network: nx.Graph
) -> None:
    shown = seeds.visible()
    assert shown["view"] == "person"
    assert shown["shown"] == shown["total"] == len(contacts_of(seeds_network))
    assert set(shown["nodes"]) >= set(seeds_network.nodes)
    placed = seeds.page.evaluate("Object.keys(network.getPositions()).length")
    assert placed == seeds.page.evaluate("nodes.length")
    assert seeds.page.evaluate("network.physics.options.enabled") is False  # settled, stopped
    assert seeds.requests == [seeds.url]
    assert seeds.errors == [] and seeds.dialogs == []


def test_the_browser_draws_each_edge_as_python_styled_it(
    seeds: Opened, seeds_network: nx.Graph
) -> None:
    """page.js re-applies edge_style() on load; with no filter both must agree."""
    seeds.reset()
    expected = {
        e["id"]: (e["width"], e["label"], e["color"], e["dashes"], e["arrows"]["middle"]["enabled"])
        for e in build_network(seeds_network).edges
        if e["view"] == "person"
    }
    drawn = seeds.page.evaluate(
        """() => Object.fromEntries(edges.get({filter: e => e.view === 'person'}).map(e =>
            [e.id, [e.width, e.label, e.color, e.dashes, e.arrows.middle.enabled]]))"""
    )
    assert {k: tuple(v) for k, v in drawn.items()} == expected


def test_the_toggle_switches_between_state_and_person_view(
    seeds: Opened, seeds_network: nx.Graph
) -> None:
    seeds.reset()
    seeds.view("state")
    state = seeds.visible()
    persons = {n for n, d in seeds_network.nodes(data=True) if d["kind"] == "person"}
    folded = {n for n in persons if seeds_network.nodes[n]["affiliation_iri"]}
    assert state["view"] == "state" and {e["view"] for e in state["edges"]} == {"state"}
    assert not folded & set(state["nodes"])  # every affiliated person sits in its state
    assert seeds.page.get_attribute("#tw-view-state", "aria-pressed") == "true"
    if SHOTS:
        seeds.page.screenshot(path=str(Path(SHOTS) / "page-state.png"))
    seeds.view("person")
    person = seeds.visible()
    assert folded <= set(person["nodes"]) and "actsfor" in {e["view"] for e in person["edges"]}
    assert person["shown"] == person["total"]
    if SHOTS:
        seeds.page.screenshot(path=str(Path(SHOTS) / "page-person.png"))


def test_a_search_narrows_the_page_to_an_actor_s_contacts(seeds: Opened) -> None:
    seeds.reset()
    seeds.view("person")
    total = seeds.visible()["total"]
    seeds.page.fill("#tw-search", "لافروف")
    seeds.page.wait_for_function(
        f"Number(document.getElementById('tw-shown').dataset.shown) < {total}"
    )
    shown = seeds.visible()
    lavrov = node("sergei-lavrov")
    assert with_actor(seeds, shown, lavrov) == (True, shown["shown"])
    assert lavrov in seeds.page.evaluate("network.getSelectedNodes()")
    # in state view the same search finds Russia's contacts that Lavrov made
    seeds.view("state")
    state = seeds.visible()
    assert with_actor(seeds, state, lavrov) == (True, state["shown"])
    assert node("russia") in seeds.page.evaluate("network.getSelectedNodes()")
    seeds.reset()
    assert seeds.visible()["shown"] == total


def test_a_mode_filter_keeps_only_that_mode(seeds: Opened, seeds_network: nx.Graph) -> None:
    seeds.reset()
    seeds.view("person")
    phones = {iri for iri, c in contacts_of(seeds_network).items() if c["mode"] == "phone"}
    assert phones, "the seeds report phone calls"
    seeds.page.click("#tw-mode-box summary")
    for mode in MODE_STYLE:
        if mode != "phone":
            seeds.page.uncheck(f"#tw-modes input[value='{mode}']")
    shown = seeds.visible()
    assert shown["shown"] == len(phones)
    colours = {e["color"] for e in shown["edges"] if e["view"] == "person"}
    assert colours == {MODE_STYLE["phone"]["color"]}
    seeds.page.click("#tw-mode-box summary")
    seeds.reset()


def test_a_date_filter_keeps_contacts_in_the_range(samples: Opened) -> None:
    samples.reset()
    assert samples.visible()["shown"] == 5
    samples.page.fill("#tw-from", "2020-02-01")
    samples.page.dispatch_event("#tw-from", "change")
    shown = samples.visible()
    # Egypt–Jordan's visit and the Astana meeting (2020-02-11); not Lavrov–Zarif (January)
    # and not Qatar–HTS (no date at all)
    assert shown["shown"] == 2
    ends = {frozenset((e["from"], e["to"])) for e in shown["edges"]}
    assert frozenset((node("egypt"), node("jordan"))) in ends
    assert frozenset((node("sergei-lavrov"), node("mohammad-javad-zarif"))) not in ends
    samples.page.fill("#tw-to", "2020-02-10")
    samples.page.dispatch_event("#tw-to", "change")
    assert samples.visible()["shown"] == 0
    assert "0 " in samples.page.text_content("#tw-shown")
    samples.reset()
    assert samples.visible()["shown"] == 5


def last_day(date: str) -> str:
    """The last day a date of any granularity covers, as the date fields compare it."""
    return {4: f"{date}-12-31", 7: f"{date}-31"}.get(len(date), date[:10])


def test_the_seed_dates_filter_as_python_reads_them(seeds: Opened, seeds_network: nx.Graph) -> None:
    seeds.reset()
    seeds.view("person")
    dates = [c["date"] for c in contacts_of(seeds_network).values()]
    dated = sorted(last_day(d) for d in dates if d)
    if not dated:
        pytest.skip("no seed contact has a date (neither resolved nor from its article)")
    cut = dated[len(dated) // 2]
    seeds.page.fill("#tw-from", cut)
    seeds.page.dispatch_event("#tw-from", "change")
    expected = sum(1 for d in dated if d >= cut)
    assert seeds.visible()["shown"] == expected
    assert 0 < expected < len(dates)  # some contacts kept, the undated and earlier ones not
    seeds.reset()


def test_clicking_an_edge_shows_each_contact_with_its_evidence(
    seeds: Opened, seed_results: list[ArticleResult]
) -> None:
    seeds.reset()
    seeds.view("person")
    phones = [
        c
        for r in seed_results
        for c in r.contacts
        if c.mode == "phone"
        and {p.actor.id for p in c.participants} == {"sergei-lavrov", "mohammad-javad-zarif"}
    ]
    edge = seeds.page.evaluate(
        """([a, b]) => edges.get({filter: e => e.view === 'person' &&
            ((e.from === a && e.to === b) || (e.from === b && e.to === a))})[0].id""",
        [node("sergei-lavrov"), node("mohammad-javad-zarif")],
    )
    seeds.click_edge(edge)
    seeds.page.wait_for_selector(f"#tw-panel[data-edge='{edge}'] .tw-contact")
    texts = seeds.page.eval_on_selector_all(".tw-evidence", "els => els.map(e => e.textContent)")
    assert phones and all(phone.evidence in texts for phone in phones)  # each report
    marks = seeds.page.eval_on_selector_all(
        ".tw-evidence mark", "els => els.map(e => e.textContent)"
    )
    assert any("لافروف" in m for m in marks) and any("ظريف" in m for m in marks)
    facts = seeds.page.text_content("#tw-panel")
    assert MODE_STYLE["phone"]["ar"] in facts  # the interface is in Arabic by default
    if SHOTS:
        seeds.page.screenshot(path=str(Path(SHOTS) / "page-panel.png"))


def test_clicking_an_actor_lists_its_partners(samples: Opened) -> None:
    samples.reset()
    point = samples.page.evaluate(
        """(id) => { const p = network.canvasToDOM(network.getPositions([id])[id]);
            const box = document.querySelector('#mynetwork canvas').getBoundingClientRect();
            return [box.left + p.x, box.top + p.y]; }""",
        node("russia"),
    )
    samples.page.mouse.click(*point)
    samples.page.wait_for_selector(f"#tw-panel[data-node='{node('russia')}'] .tw-partners")
    rows = samples.page.eval_on_selector_all(
        ".tw-partners li", "els => els.map(e => e.textContent)"
    )
    assert len(rows) == 3  # Iran and Turkey (Astana), and Lavrov who acts for Russia
    samples.page.click(".tw-partners button >> nth=0")
    samples.page.wait_for_selector("#tw-panel .tw-contact")


def test_the_interface_follows_the_chosen_language(samples: Opened) -> None:
    samples.reset()
    assert samples.page.evaluate(
        "[document.documentElement.lang, document.documentElement.dir]"
    ) == [
        "ar",
        "rtl",
    ]
    assert samples.page.text_content("#tw-shown").startswith("يُعرض")
    samples.page.click("#tw-lang")
    assert samples.page.evaluate(
        "[document.documentElement.lang, document.documentElement.dir]"
    ) == [
        "en",
        "ltr",
    ]
    assert samples.page.text_content("#tw-shown") == "5 of 5 contacts shown"
    assert samples.page.is_visible("#tw-reset [data-l='en']")
    assert not samples.page.is_visible("#tw-reset [data-l='ar']")
    samples.page.click("#tw-lang")
    assert samples.page.evaluate("document.documentElement.lang") == "ar"


def test_a_search_folds_arabic_spelling_variants(samples: Opened) -> None:
    samples.reset()
    samples.page.fill("#tw-search", "الاُردن")  # no hamza, a damma: still «الأردن»
    samples.page.wait_for_function(
        "Number(document.getElementById('tw-shown').dataset.shown) === 1"
    )
    assert node("jordan") in samples.page.evaluate("network.getSelectedNodes()")
    samples.page.fill("#tw-search", "ZARIF")
    samples.page.wait_for_function(
        "Number(document.getElementById('tw-shown').dataset.shown) === 2"
    )
    samples.reset()


def test_a_large_graph_hides_single_partner_actors_until_asked(
    browser: Any, tmp_path: Path
) -> None:
    big = nx.Graph(actors={}, articles=1)
    hubs = [f"h{i}" for i in range(6)]
    leaves = [f"l{i}" for i in range(60)]
    for name in hubs + leaves:
        big.add_node(name, label_ar=name, label_en=None, kind="state")
    contacts = [(a, b) for i, a in enumerate(hubs) for b in hubs[i + 1 :]]
    contacts += [(hubs[i % len(hubs)], leaf) for i, leaf in enumerate(leaves)]
    for n, (a, b) in enumerate(contacts):
        record = {"iri": f"c{n}", "participants": sorted((a, b)), "mode": "phone"}
        big.add_edge(a, b, weight=1, contacts=[record])
    opened = open_page(browser, write_page(big, tmp_path / "big.html", large=40))
    try:
        assert opened.page.is_visible("#tw-notice")
        assert "60" in opened.page.text_content("#tw-notice-text")
        assert sorted(opened.visible()["nodes"]) == sorted(hubs)
        assert opened.visible()["view"] == "state"
        opened.page.click("#tw-show-all")
        opened.wait_ready()
        assert len(opened.visible()["nodes"]) == len(hubs) + len(leaves)
        assert opened.visible()["shown"] == len(contacts)
        assert opened.errors == [] and opened.requests == [opened.url]
    finally:
        opened.page.context.close()


# ---------- hostile text: article text and names are data, never markup ----------

EVIL_IMG = '<img src=x onerror="alert(1)">'
EVIL_SCRIPT = "<script>alert(2)</script>"
EVIL_LINK = "javascript:alert(3)"
STATE = Actor("evil-state", "state", 'دولة"><img src=x onerror=alert(4)>', EVIL_LINK)
PERSON = Actor(
    "evil-person", "person", f"{EVIL_IMG}لافروف", "<script>alert(5)</script>", affiliation=STATE
)
GROUP = Actor("evil-group", "organization", "منظمة'\"<b>", '"><svg onload=alert(6)>')


def hostile_results() -> list[ArticleResult]:
    text = (
        f"قال {PERSON.label_ar} إنه التقى {GROUP.label_ar} {EVIL_SCRIPT} "
        f"في «{EVIL_LINK}» و'اقتباس' \"مزدوج\" </script><!--"
    )
    article = Article(
        id='evil"<x>', text=text, source="evil.txt", url=EVIL_LINK, published="2021-03-04"
    )
    people = ((PERSON, PERSON.label_ar), (GROUP, GROUP.label_ar))
    report = contact(article, text, people, "meeting", trigger="التقى", method="clause")
    return [ArticleResult(article, (report,), actors=(PERSON, GROUP, STATE), sentences=1)]


def test_hostile_text_and_names_are_shown_literally_and_nothing_runs(
    browser: Any, tmp_path: Path
) -> None:
    results = hostile_results()
    title = "</title><script>alert(7)</script>"
    path = write_page(to_networkx(build_graph(results)), tmp_path / "evil.html", title=title)
    opened = open_page(browser, path)
    try:
        page = opened.page
        [edge] = page.evaluate("edges.get({filter: e => e.view === 'person'}).map(e => e.id)")
        opened.click_edge(edge)
        page.wait_for_selector("#tw-panel .tw-contact")
        panel = page.text_content("#tw-panel")
        evidence = results[0].contacts[0].evidence
        assert page.text_content(".tw-evidence") == evidence  # every character as written
        assert EVIL_IMG in panel and EVIL_SCRIPT in panel
        # the names, marked inside the sentence, are text too
        assert f"{EVIL_IMG}لافروف" in page.eval_on_selector_all(
            ".tw-evidence mark", "els => els.map(e => e.textContent)"
        )
        page.click("#tw-lang")  # English names in the panel heading
        assert "<script>alert(5)</script>" in page.text_content("#tw-panel h2")
        page.fill("#tw-search", "<script>")
        page.wait_for_timeout(300)
        page.hover("#mynetwork")
        assert page.text_content("h1") == title
        counts = page.evaluate(
            """() => ({
                scripts: document.querySelectorAll('script').length,
                foreign: document.querySelectorAll('img, svg, iframe, object, embed, b').length,
                handlers: document.querySelectorAll('[onerror], [onload]').length,
                jsLinks: [...document.links].filter(a => !/^https?:/i.test(a.href)).length,
            })"""
        )
        assert counts == {"scripts": 4, "foreign": 0, "handlers": 0, "jsLinks": 0}
        assert opened.dialogs == [] and opened.errors == []
        assert opened.requests == [opened.url]  # not even the broken image was fetched
    finally:
        opened.page.context.close()
