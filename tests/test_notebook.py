"""The three notebooks run top to bottom on the bundled articles, each in a real Jupyter kernel.

They share one folder, as a user running them in order would: the first builds
`out/`, the next two read it back, so Stanza parses the articles once. The
setup cell is the same in all three, so that run also shows that each
notebook's first cell works from an empty folder.
"""

from __future__ import annotations

import base64
import json
import re

import nbformat
import pytest
from conftest import ROOT
from nbclient import NotebookClient
from rdflib import RDF, Graph, URIRef

TW = "https://w3id.org/tawasul/ontology#"
NOTEBOOKS = ("01-explore", "02-sparql-pandas", "03-network-analysis")


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    """Each notebook executed, in order, in one empty folder; returns (notebooks, folder)."""
    folder = tmp_path_factory.mktemp("notebooks")
    done = {}
    for name in NOTEBOOKS:
        notebook = nbformat.read(ROOT / "notebooks" / f"{name}.ipynb", as_version=4)
        client = NotebookClient(
            notebook, timeout=600, kernel_name="python3", resources={"metadata": {"path": folder}}
        )
        client.execute()  # raises CellExecutionError, with the traceback, when a cell fails
        done[name] = notebook
    return done, folder


def _cell(notebook, tag: str):
    (cell,) = [c for c in notebook.cells if tag in c.metadata.get("tags", [])]
    return cell


def _text(cell) -> str:
    return "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")


def _table_rows(cell) -> int:
    """Body rows of the DataFrame the cell shows (0 when it shows none)."""
    for output in cell.outputs:
        page = output.get("data", {}).get("text/html", "")
        if "<table" in page and "<tbody>" in page:
            return page.split("<tbody>", 1)[1].count("<tr")
    return 0


def _png(cell) -> bytes:
    images = [o["data"]["image/png"] for o in cell.outputs if "image/png" in o.get("data", {})]
    assert images, "the cell shows no plot"
    return base64.b64decode(images[0])


def test_the_notebooks_replace_the_single_explore_notebook():
    assert not (ROOT / "notebooks" / "explore.ipynb").exists()
    assert {p.stem for p in (ROOT / "notebooks").glob("*.ipynb")} == set(NOTEBOOKS)


def test_each_notebook_starts_with_the_same_setup_cell_and_is_stored_without_outputs():
    firsts = set()
    for name in NOTEBOOKS:
        notebook = nbformat.read(ROOT / "notebooks" / f"{name}.ipynb", as_version=4)
        first = notebook.cells[0]
        assert first.cell_type == "code"
        # the comment title differs; the code is the same
        firsts.add("\n".join(line for line in first.source.splitlines()[1:]))
        assert all(not c.get("outputs") for c in notebook.cells if c.cell_type == "code")
    assert len(firsts) == 1


def test_the_first_cell_builds_the_bundled_articles_from_an_empty_folder(run):
    notebooks, folder = run
    printed = _text(_cell(notebooks["01-explore"], "setup"))
    written = json.loads((folder / "out" / "contacts.json").read_text(encoding="utf-8"))
    contacts = sum(len(d["contacts"]) for d in written["documents"])
    articles = len(list((ROOT / "data" / "articles").glob("*.txt")))
    assert contacts > 0 and f"{contacts} contacts from {articles} articles" in printed
    for name in NOTEBOOKS[1:]:  # the others read the graph back instead of parsing again
        assert "contacts from" not in _text(_cell(notebooks[name], "setup"))


def test_explore_shows_figures_contacts_and_the_page_inline(run):
    notebook = run[0]["01-explore"]
    figures = _text(_cell(notebook, "figures"))
    actors = int(re.search(r"(\d+) actors", figures).group(1))
    assert actors > 0 and "graph.ttl" in figures
    assert _table_rows(_cell(notebook, "contacts")) > 0
    assert _table_rows(_cell(notebook, "top-degree")) > 0
    (page,) = [o["data"]["text/html"] for o in _cell(notebook, "page").outputs if "data" in o]
    assert page.startswith("<iframe srcdoc=") and "vis-network" in page


def test_saved_queries_become_dataframes_and_a_plot_of_contacts_per_month(run):
    notebook = run[0]["02-sparql-pandas"]
    for tag in ("brokers", "planned", "timeline", "between", "modes"):
        assert _table_rows(_cell(notebook, tag)) > 0, tag
    month = _cell(notebook, "per-month")
    counts = dict(re.findall(r"^(\S+)\s+(\d+)$", _text(month), re.M))
    graph = Graph().parse(run[1] / "out" / "graph.ttl")
    contacts = len(set(graph.subjects(RDF.type, URIRef(TW + "Contact"))))
    assert "undated" in counts and sum(int(n) for n in counts.values()) == contacts > 0
    assert _png(month).startswith(b"\x89PNG") and len(_png(month)) > 5_000


def test_network_analysis_shows_centrality_brokers_communities_and_both_projections(run):
    notebook = run[0]["03-network-analysis"]
    for tag in ("centrality", "brokers", "communities", "projection", "projection-plot"):
        assert _table_rows(_cell(notebook, tag)) > 0, tag
    assert "modularity" in _text(_cell(notebook, "communities"))
    assert _png(_cell(notebook, "projection-plot")).startswith(b"\x89PNG")
