"""Write the contact network as one self-contained interactive HTML page (pyvis/vis-network).

The page must open from a file with no network at all: vis-network's JS and CSS
are inlined and every remote script or stylesheet that pyvis's template links is
stripped. Tooltip text is HTML-escaped, so an evidence sentence can never inject markup.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import networkx as nx
from pyvis.network import Network
from tawasul.graph.network import contact_count

KIND_STYLE = {
    "state": {"color": "#2f6fb0", "shape": "dot", "ar": "دولة", "en": "State"},
    "organization": {"color": "#d9822b", "shape": "square", "ar": "منظمة", "en": "Organization"},
    "person": {"color": "#3a9a5b", "shape": "triangle", "ar": "شخص", "en": "Person"},
}
OTHER_STYLE = {"color": "#888888", "shape": "dot", "ar": "آخر", "en": "Other"}

OPTIONS = {
    "physics": {
        "solver": "barnesHut",
        "barnesHut": {"gravitationalConstant": -6000, "springLength": 160, "avoidOverlap": 0.3},
        "stabilization": {"enabled": True, "iterations": 250, "updateInterval": 50, "fit": True},
        "minVelocity": 1,
    },
    "layout": {"randomSeed": 1},  # same network, same picture
    "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False},
    "nodes": {"font": {"size": 16, "face": "DejaVu Sans, Noto Sans Arabic, Arial, sans-serif"}},
    "edges": {
        "smooth": False,
        "color": {"color": "#9aa5b1", "highlight": "#333333"},
        "font": {"size": 13, "align": "top"},
    },
}

_REMOTE_SCRIPT = re.compile(
    r"<script\b[^>]*\bsrc\s*=\s*[\"']?(?:https?:)?//[^>]*>\s*</script\s*>", re.IGNORECASE
)
_REMOTE_LINK = re.compile(r"<link\b[^>]*\bhref\s*=\s*[\"']?(?:https?:)?//[^>]*>", re.IGNORECASE)
_COMMENTED_ASSETS = re.compile(r"<!--(?:(?!-->).)*?<(?:script|link)\b.*?-->", re.DOTALL)
_EMPTY_HEADING = re.compile(r"<center>\s*<h1>\s*</h1>\s*</center>\s*", re.IGNORECASE)


def node_label(data: dict) -> str:
    """Arabic name over English name; canvas text, so no HTML escaping here."""
    label_en = data.get("label_en")
    return f"{data['label_ar']}\n{label_en}" if label_en else data["label_ar"]


def node_tooltip(data: dict) -> str:
    """Escaped HTML for a node's tooltip: names, kind, affiliation, Wikidata id."""
    style = KIND_STYLE.get(data.get("kind", ""), OTHER_STYLE)
    lines = [f'<b dir="rtl" lang="ar">{html.escape(data["label_ar"])}</b>']
    if data.get("label_en"):
        lines.append(f"<b>{html.escape(data['label_en'])}</b>")
    lines.append(f"{html.escape(style['en'])} · {html.escape(style['ar'])}")
    if data.get("affiliation"):
        lines.append(f"affiliation: {html.escape(data['affiliation'])}")
    if data.get("wikidata"):
        lines.append(f"Wikidata: {html.escape(data['wikidata'])}")
    return "<br>".join(lines)


def edge_tooltip(contacts: list[dict]) -> str:
    """Escaped HTML listing each contact's mode, status and evidence sentence."""
    items = []
    for contact in contacts:
        facts = f"{contact['mode']} · {contact['status']}"
        if contact.get("mediated"):
            facts += " · mediated"
        items.append(
            f'<div class="tw-contact"><b>{html.escape(facts)}</b>'
            f" <small>({html.escape(contact['article'])})</small>"
            f'<div class="tw-evidence" dir="rtl" lang="ar">{html.escape(contact["evidence"])}</div>'
            "</div>"
        )
    return "".join(items)


def build_network(network: nx.Graph) -> Network:
    """The pyvis network: styled nodes sized by degree, edges sized by contact count."""
    net = Network(height="720px", width="100%", cdn_resources="in_line", heading="")
    for node, data in sorted(network.nodes(data=True)):
        style = KIND_STYLE.get(data.get("kind", ""), OTHER_STYLE)
        net.add_node(
            node,
            label=node_label(data),
            title=node_tooltip(data),
            color=style["color"],
            shape=style["shape"],
            size=12 + 4 * min(network.degree(node), 10),
        )
    for a, b, data in sorted(network.edges(data=True), key=lambda edge: edge[:2]):
        weight = int(data.get("weight", 1))
        extra: dict[str, object] = {"label": str(weight)} if weight > 1 else {}
        if all(contact.get("mediated") for contact in data["contacts"]):
            extra["dashes"] = True  # only ever in touch through intermediaries
        net.add_edge(
            a, b, width=1 + 1.5 * min(weight, 8), title=edge_tooltip(data["contacts"]), **extra
        )
    net.options = OPTIONS
    return net


def _header(network: nx.Graph, title: str) -> str:
    actors = network.number_of_nodes()
    contacts = contact_count(network)
    legend = "".join(
        f'<span class="tw-key"><span class="tw-swatch tw-{shape}" style="background:{color}">'
        f"</span>{html.escape(ar)} · {html.escape(en)}</span>"
        for color, shape, ar, en in (
            (s["color"], s["shape"], s["ar"], s["en"]) for s in KIND_STYLE.values()
        )
    )
    legend += (
        '<span class="tw-key"><span class="tw-dash"></span>بوساطة · mediated</span>'
        '<span class="tw-key"><span class="tw-line"></span>'
        "أعرض = اتصالات أكثر · wider = more contacts</span>"
    )
    return (
        '<header class="tw-header">'
        f"<h1>{html.escape(title)}</h1>"
        f'<p id="tw-counts" dir="auto" data-actors="{actors}" data-contacts="{contacts}">'
        f"{actors} actor{'' if actors == 1 else 's'}, "
        f"{contacts} contact{'' if contacts == 1 else 's'}</p>"
        f'<div id="tw-legend">{legend}</div>'
        "</header>"
    )


STYLE = """<style>
  body { margin: 0 1rem; font-family: "DejaVu Sans", "Noto Sans Arabic", Arial, sans-serif; }
  .tw-header { text-align: center; }
  .tw-header h1 { font-size: 1.4rem; margin: 0.6rem 0 0.2rem; }
  #tw-counts { margin: 0.2rem 0; color: #444; }
  #tw-legend { margin: 0.3rem 0 0.6rem; }
  .tw-key { margin-inline-end: 1.2rem; white-space: nowrap; }
  .tw-swatch { display: inline-block; width: 0.8rem; height: 0.8rem; margin-inline-end: 0.3rem;
               vertical-align: middle; }
  .tw-dot { border-radius: 50%; }
  .tw-dash, .tw-line { display: inline-block; width: 1.6rem; margin-inline-end: 0.3rem;
                       vertical-align: middle; border-top: 2px dashed #9aa5b1; }
  .tw-line { border-top: 4px solid #9aa5b1; }
  .tw-triangle { clip-path: polygon(50% 0, 100% 100%, 0 100%); }
  #mynetwork { float: none !important; }
  div.vis-tooltip { max-width: 32rem; white-space: normal; font-family: inherit; }
  .tw-contact { margin-bottom: 0.4rem; }
  .tw-evidence { text-align: right; unicode-bidi: plaintext; }
</style>
"""

# vis-network shows a string title as plain text; turning our escaped markup into an
# element keeps line breaks and RTL blocks, and the escaping keeps evidence inert.
# Physics is switched off once stabilised so the layout settles and stays put.
SCRIPT = """<script>
(function () {
  function asElement(markup) {
    var box = document.createElement("div");
    box.className = "tw-tip";
    box.innerHTML = markup;
    return box;
  }
  [nodes, edges].forEach(function (set) {
    set.update(set.get().filter(function (item) { return typeof item.title === "string"; })
      .map(function (item) { return { id: item.id, title: asElement(item.title) }; }));
  });
  function ready() {
    network.setOptions({ physics: false });
    document.body.dataset.ready = "true";
  }
  if (nodes.length === 0) { ready(); } else { network.once("stabilizationIterationsDone", ready); }
})();
</script>
"""


def render_page(network: nx.Graph, title: str = "Tawasul — diplomatic contacts") -> str:
    """The page's HTML text, with no reference to anything outside the file."""
    page = build_network(network).generate_html()
    page = _REMOTE_SCRIPT.sub("", page)
    page = _REMOTE_LINK.sub("", page)
    page = _COMMENTED_ASSETS.sub("", page)
    page = _EMPTY_HEADING.sub("", page)
    page = page.replace("<html>", '<html lang="ar" dir="rtl">', 1)
    page = page.replace("<head>", f"<head>\n<title>{html.escape(title)}</title>", 1)
    page = page.replace("</head>", STYLE + "</head>", 1)
    page = page.replace("<body>", "<body>\n" + _header(network, title), 1)
    page = page.replace("</body>", SCRIPT + "</body>", 1)
    return page


def write_page(
    network: nx.Graph, path: str | Path, title: str = "Tawasul — diplomatic contacts"
) -> Path:
    """Write the interactive page to `path` and return the path."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render_page(network, title), encoding="utf-8")
    return target
