"""Write the contact network as one self-contained interactive HTML page (pyvis/vis-network).

The page is what a researcher explores: a state view (persons folded into the state
or organisation they act for) and a person view in one file, edges that say what
they are (width = contacts, colour = mode, dashed = planned or offered, red =
denied, a dot for mediated), a side panel with the evidence of each contact, a
search over Arabic and English names and filters by date, mode, status and
mediation.

It must open from a file with no network at all: vis-network's JS and CSS are
inlined from pyvis, a Content-Security-Policy forbids every request, and all
article text reaches the page as JSON data that the script inserts as text,
never as markup. Python decides the data and the first picture; the script
(``static/page.js``) re-applies the same edge rule when a filter changes.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import networkx as nx
import pyvis
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, select_autoescape
from pyvis.network import Network
from rdflib import Graph
from tawasul.extract.arabic import norm
from tawasul.graph.network import to_networkx

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"
PYVIS_TEMPLATES = Path(pyvis.__file__).parent / "templates"

#: Above this many actors the page opens in state view and hides actors with one partner.
LARGE_GRAPH = 1500

KIND_STYLE = {
    "state": {"color": "#2f6fb0", "shape": "dot", "ar": "دولة", "en": "State"},
    "organization": {"color": "#d9822b", "shape": "square", "ar": "منظمة", "en": "Organization"},
    "person": {"color": "#3a9a5b", "shape": "triangle", "ar": "شخص", "en": "Person"},
}
OTHER_STYLE = {"color": "#888888", "shape": "dot", "ar": "آخر", "en": "Other"}

MODE_STYLE = {
    "phone": {"color": "#1f77b4", "ar": "اتصال هاتفي", "en": "phone"},
    "meeting": {"color": "#2ca02c", "ar": "لقاء", "en": "meeting"},
    "visit": {"color": "#9467bd", "ar": "زيارة", "en": "visit"},
    "talks": {"color": "#17becf", "ar": "محادثات", "en": "talks"},
    "message": {"color": "#bcbd22", "ar": "رسالة", "en": "message"},
    "delegation": {"color": "#8c564b", "ar": "وفد", "en": "delegation"},
    "multilateral-meeting": {"color": "#e377c2", "ar": "اجتماع متعدد", "en": "multilateral"},
    "unspecified": {"color": "#7f7f7f", "ar": "غير محدد", "en": "unspecified"},
}
STATUS_STYLE = {
    "occurred": {"ar": "جرى", "en": "occurred"},
    "planned": {"ar": "مخطط", "en": "planned"},
    "offered": {"ar": "معروض", "en": "offered"},
    "denied": {"ar": "منفي", "en": "denied"},
}
DENIED_COLOR = "#d62728"
ACTS_FOR_COLOR = "#c5ccd3"
PROSPECTIVE = frozenset({"planned", "offered"})

OPTIONS: dict[str, Any] = {
    "physics": {
        "solver": "barnesHut",
        "barnesHut": {"gravitationalConstant": -6000, "springLength": 160, "avoidOverlap": 0.3},
        "stabilization": {"enabled": True, "iterations": 250, "updateInterval": 50, "fit": True},
        "minVelocity": 1,
    },
    "layout": {"randomSeed": 1},  # same network, same picture
    "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": False},
    "nodes": {"font": {"size": 16, "face": "DejaVu Sans, Noto Sans Arabic, Arial, sans-serif"}},
    "edges": {
        "smooth": False,
        "color": {"color": "#9aa5b1", "highlight": "#333333", "inherit": False},
        "font": {"size": 13, "strokeWidth": 3},
        "selectionWidth": 2,
    },
}


def search_key(*labels: str | None) -> str:
    """The text a search matches: names with Arabic spelling variants folded, lower-cased."""
    return " ".join(norm(label).lower() for label in labels if label)


def fold_table() -> dict[str, str]:
    """Character folds of `norm` for the page's search box, so browser and Python agree."""
    table = {}
    for code in (*range(0x0600, 0x0700), 0x201C, 0x201D, 0xAB, 0xBB):
        char = chr(code)
        if norm(char) != char:
            table[char] = norm(char)
    return table


def node_label(data: dict) -> str:
    """Arabic name over English name; canvas text, so no HTML escaping here."""
    label_en = data.get("label_en")
    return f"{data['label_ar']}\n{label_en}" if label_en else data["label_ar"]


def node_tooltip(data: dict) -> str:
    """Plain text for a node's hover box (vis-network shows a string title as text)."""
    style = KIND_STYLE.get(data.get("kind", ""), OTHER_STYLE)
    lines = [data["label_ar"]]
    if data.get("label_en"):
        lines.append(data["label_en"])
    lines.append(f"{style['en']} · {style['ar']}")
    if data.get("affiliation"):
        lines.append(f"affiliation: {data['affiliation']}")
    if data.get("wikidata"):
        lines.append(f"Wikidata: {data['wikidata']}")
    return "\n".join(lines)


def node_size(degree: int) -> int:
    """Node size grows with the number of partners, up to ten."""
    return 12 + 4 * min(degree, 10)


def edge_style(contacts: Iterable[dict]) -> dict[str, Any]:
    """What an edge looks like for the contacts it shows (page.js applies the same rule).

    Width grows with the number of contacts; colour is the most frequent mode (red
    when every contact was denied); dashed when none has happened yet (planned or
    offered); a dot in the middle when any went through intermediaries.
    """
    contacts = list(contacts)
    modes = Counter(c.get("mode", "unspecified") for c in contacts)
    order = list(MODE_STYLE)
    ranked = sorted(modes, key=lambda m: (-modes[m], order.index(m) if m in order else 99))
    statuses = {c.get("status", "occurred") for c in contacts}
    mode = ranked[0] if ranked else "unspecified"
    denied = bool(statuses) and statuses == {"denied"}
    return {
        "width": 1 + 1.5 * min(len(contacts), 8),
        "label": str(len(contacts)) if len(contacts) > 1 else "",
        "color": DENIED_COLOR
        if denied
        else MODE_STYLE.get(mode, MODE_STYLE["unspecified"])["color"],
        "dashes": bool(statuses) and statuses <= PROSPECTIVE,
        "arrows": {
            "middle": {
                "enabled": any(c.get("mediated") for c in contacts),
                "type": "circle",
                "scaleFactor": 0.7,
            }
        },
    }


def safe_url(url: str | None) -> str | None:
    """Only http(s) URLs become links; `javascript:`, `data:` and the like never do."""
    if not url:
        return None
    scheme = url.split(":", 1)[0].strip().lower() if ":" in url else ""
    return url if scheme in ("http", "https") and "\n" not in url else None


class PageNetwork(Network):
    """pyvis's Network with linear-time add_node/add_edge and Tawasul's own template.

    pyvis checks membership in lists (quadratic over thousands of contacts); here
    nodes and edges are kept in dictionaries. The template is Jinja with
    autoescaping on; data reaches it only through `tojson`.
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(cdn_resources="in_line", **kwargs)
        self._node_index: set[Any] = set()
        self.page_data: dict[str, Any] = {}
        self.page_context: dict[str, Any] = {}
        self.templateEnv = Environment(
            loader=ChoiceLoader(
                [
                    FileSystemLoader(str(TEMPLATES)),
                    FileSystemLoader(str(STATIC)),
                    FileSystemLoader(str(PYVIS_TEMPLATES)),
                ]
            ),
            autoescape=select_autoescape(default=True, default_for_string=True),
        )
        self.path = "page.html"

    def add_node(
        self,
        n_id: Any,
        label: Any = None,
        shape: str = "dot",
        color: str = "#97c2fc",
        **options: Any,
    ) -> None:
        if n_id in self._node_index:
            return
        node = {
            "id": n_id,
            "label": label if label is not None else n_id,
            "shape": shape,
            "color": color,
            **options,
        }
        self._node_index.add(n_id)
        self.nodes.append(node)
        self.node_ids.append(n_id)
        self.node_map[n_id] = node

    def add_edge(self, source: Any, to: Any, **options: Any) -> None:
        if source not in self._node_index or to not in self._node_index:
            raise ValueError(f"edge {source!r}–{to!r}: both ends must be nodes first")
        self.edges.append({"from": source, "to": to, **options})

    def generate_html(
        self, name: str = "index.html", local: bool = True, notebook: bool = False
    ) -> str:
        template = self.templateEnv.get_template(self.path)
        self.html = template.render(
            nodes=self.nodes,
            edges=self.edges,
            options=self.options,
            data=self.page_data,
            **self.page_context,
        )
        return self.html


def _fold(actor: str, actors: dict[str, dict]) -> str:
    """The node a person stands for in state view: the state or organisation it acts for."""
    data = actors.get(actor, {})
    target = data.get("affiliation_iri")
    if data.get("kind") == "person" and target and target in actors and target != actor:
        return target
    return actor


def _contacts(network: nx.Graph) -> list[dict]:
    """Each distinct contact once (edges share them), ordered by IRI."""
    found: dict[str, dict] = {}
    for a, b, data in network.edges(data=True):
        for contact in data.get("contacts", []):
            known = found.setdefault(contact["iri"], dict(contact))
            known.setdefault("participants", [])
            for end in (a, b):
                if end not in known["participants"]:
                    known["participants"] = sorted([*known["participants"], end])
    return [found[iri] for iri in sorted(found)]


def _actor_entry(actor: str, data: dict, actors: dict[str, dict]) -> dict[str, Any]:
    """An actor as the script needs it: names, kind, fold target and search key."""
    alt = tuple(data.get("alt_labels", ()))
    return {
        "ar": data["label_ar"],
        "en": data.get("label_en"),
        "kind": data.get("kind"),
        "aff": data.get("affiliation"),
        "wd": data.get("wikidata"),
        "fold": _fold(actor, actors),
        # the names marked in an evidence sentence, longest first
        "names": sorted({data["label_ar"], *alt}, key=lambda s: (-len(s), s)),
        "key": search_key(data["label_ar"], data.get("label_en"), *alt),
    }


def _contact_entry(contact: dict, actors: dict[str, dict]) -> dict[str, Any]:
    """A contact as the script needs it; URLs that are not http(s) are dropped here."""
    sources = contact.get("attestations") or [
        {
            "article": contact.get("article"),
            "url": contact.get("url"),
            "evidence": contact.get("evidence"),
        }
    ]
    return {
        "id": contact["iri"],
        "p": [p for p in contact["participants"] if p in actors],
        "mode": contact.get("mode", "unspecified"),
        "status": contact.get("status", "occurred"),
        "mediated": bool(contact.get("mediated")),
        "via": [a for a in contact.get("intermediaries", ()) if a in actors],
        "date": contact.get("date"),
        "dateSource": contact.get("date_source"),
        "dateText": list(contact.get("date_text", ())),
        "sources": [
            {
                "article": s.get("article") or "",
                "url": safe_url(s.get("url")),
                "evidence": s.get("evidence") or "",
            }
            for s in sources
        ],
    }


def page_data(network: nx.Graph, view: str = "auto", large: int = LARGE_GRAPH) -> dict[str, Any]:
    """Everything the page shows, as JSON-ready data, in time linear in the contacts.

    ``nodes`` and ``edges`` are the vis-network items of both views; ``view`` on
    an edge is ``person``, ``state`` or ``actsfor`` and ``c`` lists its contacts
    as indices into ``contacts``. ``actors`` holds names and search keys by IRI.
    `view` is the view the page opens in: ``auto`` picks state view above `large`
    actors, person view otherwise; above `large` shown actors the page also hides
    those with a single partner, with a notice and a button to show them.
    """
    actors: dict[str, dict] = dict(network.graph.get("actors", {}))
    for node, attrs in network.nodes(data=True):
        actors.setdefault(node, dict(attrs))
    contacts = _contacts(network)
    pairs: dict[str, dict[tuple[str, str], list[int]]] = {"person": {}, "state": {}}
    members: dict[str, set[str]] = {"person": set(), "state": set()}
    acts_for: set[tuple[str, str]] = set()
    for index, contact in enumerate(contacts):
        ends = [p for p in contact["participants"] if p in actors]
        for kind, group in (("person", ends), ("state", sorted({_fold(p, actors) for p in ends}))):
            for i, a in enumerate(group):
                for b in group[i + 1 :]:
                    pairs[kind].setdefault((a, b), []).append(index)
                    members[kind].update((a, b))
        acts_for.update((p, _fold(p, actors)) for p in ends if _fold(p, actors) != p)
    acts_for = {(p, s) for p, s in acts_for if p in members["person"]}
    members["person"].update(s for _, s in acts_for)
    if view == "auto":
        view = "state" if len(members["person"]) > large else "person"
    if view not in ("state", "person"):
        raise ValueError(f"unknown page view {view!r}: use state, person or auto")

    edges: list[dict[str, Any]] = []
    for kind in ("person", "state"):
        for n, ((a, b), indices) in enumerate(sorted(pairs[kind].items())):
            edges.append(
                {
                    "id": f"{kind[0]}{n}",
                    "from": a,
                    "to": b,
                    "view": kind,
                    "c": indices,
                    "title": f"{actors[a]['label_ar']} — {actors[b]['label_ar']}\n"
                    f"{len(indices)} · {'contacts' if len(indices) > 1 else 'contact'}",
                    "hidden": kind != view,
                    "physics": kind == view,
                    **edge_style(contacts[i] for i in indices),
                }
            )
    for n, (person, target) in enumerate(sorted(acts_for)):
        edges.append(
            {
                "id": f"a{n}",
                "from": person,
                "to": target,
                "view": "actsfor",
                "c": [],
                "title": f"{actors[person]['label_ar']} → {actors[target]['label_ar']}\n"
                "acts for · يمثل",
                "width": 1,
                "color": ACTS_FOR_COLOR,
                "dashes": False,
                "label": "",
                "hidden": view != "person",
                "physics": view == "person",
            }
        )
    degree: Counter[str] = Counter()
    for edge in edges:
        if edge["view"] == view:
            degree[edge["from"]] += 1
            degree[edge["to"]] += 1
    nodes = []
    for actor in sorted(members["person"] | members["state"]):
        data = actors[actor]
        style = KIND_STYLE.get(data.get("kind", ""), OTHER_STYLE)
        shown = actor in members[view]
        nodes.append(
            {
                "id": actor,
                "label": node_label(data),
                "title": node_tooltip(data),
                "color": style["color"],
                "shape": style["shape"],
                "size": node_size(degree[actor]),
                "hidden": not shown,
                "physics": shown,
            }
        )
    listed = members["person"] | members["state"]
    listed.update(a for c in contacts for a in c.get("intermediaries", ()) if a in actors)
    dates = sorted(c["date"] for c in contacts if c.get("date"))
    return {
        "view": view,
        "large": large,
        "nodes": nodes,
        "edges": edges,
        "actors": {a: _actor_entry(a, actors[a], actors) for a in sorted(listed)},
        "contacts": [_contact_entry(c, actors) for c in contacts],
        "dates": [dates[0][:10], dates[-1][:10]] if dates else None,
        "modes": MODE_STYLE,
        "modeOrder": list(MODE_STYLE),
        "statuses": STATUS_STYLE,
        "statusOrder": list(STATUS_STYLE),
        "kinds": KIND_STYLE,
        "colors": {"denied": DENIED_COLOR, "actsFor": ACTS_FOR_COLOR},
        "fold": fold_table(),
    }


def stabilisation_iterations(actors: int) -> int:
    """Physics iterations before the layout is frozen: fewer, each dearer, as graphs grow."""
    if actors <= 300:
        return 250
    if actors <= 1000:
        return 180
    return 120 if actors <= 3000 else 80


def build_network(network: nx.Graph, view: str = "auto", large: int = LARGE_GRAPH) -> PageNetwork:
    """The pyvis network of the page: its items, options and the data behind the script."""
    data = page_data(network, view, large)
    net = PageNetwork(height="720px", width="100%", heading="")
    for node in data.pop("nodes"):
        net.add_node(node.pop("id"), **node)
    for edge in data.pop("edges"):
        net.add_edge(edge.pop("from"), edge.pop("to"), **edge)
    net.options = json.loads(json.dumps(OPTIONS))
    shown = sum(1 for n in net.nodes if not n.get("hidden"))
    # a large graph must settle in seconds: fewer iterations, no Kamada-Kawai start
    net.options["physics"]["stabilization"]["iterations"] = stabilisation_iterations(shown)
    net.options["layout"]["improvedLayout"] = shown <= 200
    if shown > 1000:  # coarser Barnes-Hut (its force sum is most of the drawing time)
        net.options["physics"]["barnesHut"].update({"theta": 0.9, "avoidOverlap": 0})
    net.page_data = data
    return net


def render_page(
    network: nx.Graph,
    title: str = "Tawasul — diplomatic contacts",
    corpus: str | None = None,
    built: dt.date | str | None = None,
    language: str = "ar",
    view: str = "auto",
    large: int = LARGE_GRAPH,
) -> str:
    """The page's HTML text, with no reference to anything outside the file.

    `corpus` and `built` (default: today, UTC) go in the header with the article
    count; `language` (``ar`` or ``en``) is the interface language it opens in;
    `view` and `large` choose the first view and the large-graph threshold (see
    `page_data`).
    """
    if language not in ("ar", "en"):
        raise ValueError(f"unknown page language {language!r}: use ar or en")
    net = build_network(network, view, large)
    contacts = len(net.page_data["contacts"])
    built = built or dt.datetime.now(dt.UTC).date()
    net.page_context = {
        "title": title,
        "corpus": corpus,
        "built": built.isoformat() if isinstance(built, dt.date) else str(built),
        "language": language,
        "actors": len(net.nodes),
        "contacts": contacts,
        "articles": network.graph.get("articles"),
        "modes": MODE_STYLE,
        "statuses": STATUS_STYLE,
        "kinds": KIND_STYLE,
        "colors": {"denied": DENIED_COLOR, "actsFor": ACTS_FOR_COLOR},
    }
    return net.generate_html()


def corpus_name(inputs: Sequence[str | Path]) -> str:
    """What the header calls the corpus: the input's name, or the first names and a count."""
    names = [Path(p).name or str(p) for p in inputs]
    if len(names) <= 2:
        return " · ".join(names)
    return f"{names[0]} · {names[1]} … (+{len(names) - 2})"


def write_page(
    network: nx.Graph,
    path: str | Path,
    title: str = "Tawasul — diplomatic contacts",
    **options: Any,
) -> Path:
    """Write the interactive page to `path` and return the path (options: see render_page)."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render_page(network, title, **options), encoding="utf-8")
    return target


class PageView:
    """The page inline in a notebook: an iframe whose document is the whole page.

    The page carries its own data and scripts, so the notebook keeps working
    offline and when saved. The iframe is sandboxed (scripts yes, same origin no).
    """

    def __init__(self, page: str, height: int = 760) -> None:
        self.page = page
        self.height = height

    def _repr_html_(self) -> str:
        return (
            f'<iframe srcdoc="{html.escape(self.page, quote=True)}" '
            f'style="width:100%;height:{int(self.height)}px;border:1px solid #ddd" '
            'sandbox="allow-scripts allow-popups"></iframe>'
        )


def show(
    graph: nx.Graph | Graph, path: str | Path | None = None, height: int = 760, **options: Any
) -> PageView:
    """Display the page in a Jupyter notebook: ``show(graph)`` as the last line of a cell.

    `graph` is the RDF graph or the network from `to_networkx`; with `path` the
    page is also written there. For very large graphs (tens of thousands of
    actors) a notebook can draw the same network with ipysigma instead:
    ``from ipysigma import Sigma; Sigma(to_networkx(graph), node_color="kind")``.
    """
    network = to_networkx(graph) if isinstance(graph, Graph) else graph
    page = render_page(network, **options)
    if path is not None:
        Path(path).write_text(page, encoding="utf-8")
    return PageView(page, height)
