"""`tawasul serve`: the store over the SPARQL 1.1 protocol, read-only, on loopback."""

from __future__ import annotations

import json
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from conftest_graph import sample_results
from tawasul.graph.rdf import build_graph
from tawasul.graph.saved import saved_names, saved_text
from tawasul.graph.store import ContactStore

from tawasul.serve import make_server


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("store")
    ContactStore(folder).replace_graph(build_graph(sample_results()))
    return folder


def _serving(store: Path, cors: bool) -> Iterator[str]:
    server = make_server(store, port=0, cors=cors)  # port 0: a free loopback port
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    try:
        yield f"http://{host}:{port}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def endpoint(store: Path) -> Iterator[str]:
    yield from _serving(store, cors=False)


def curl(*args: str) -> tuple[int, dict[str, str], str]:
    """Status, headers and body of one curl call."""
    done = subprocess.run(
        ["curl", "-s", "-i", "--max-time", "20", *args], capture_output=True, text=True, check=True
    )
    head, _, body = done.stdout.replace("\r\n", "\n").partition("\n\n")
    status_line, *lines = head.split("\n")
    headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines)}
    return int(status_line.split()[1]), headers, body


def test_it_listens_on_loopback_only_by_default(endpoint: str) -> None:
    assert endpoint.startswith("http://127.0.0.1:")


@pytest.mark.parametrize("name", saved_names())
def test_every_saved_query_answers_over_http(endpoint: str, name: str) -> None:
    status, headers, body = curl(f"{endpoint}/query?query={quote(saved_text(name))}")
    assert status == 200, body
    assert headers["content-type"] == "application/sparql-results+json"
    assert json.loads(body)["results"]["bindings"]


def test_a_posted_query_can_ask_for_csv(endpoint: str) -> None:
    status, headers, body = curl(
        "-H",
        "Content-Type: application/sparql-query",
        "-H",
        "Accept: text/csv",
        "--data-binary",
        "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a tw:Contact }",
        f"{endpoint}/query",
    )
    assert (status, headers["content-type"]) == (200, "text/csv")
    assert body.split() == ["n", "5"]


@pytest.mark.parametrize(
    "args",
    [
        ("-H", "Content-Type: application/sparql-update", "--data-binary", "CLEAR ALL"),
        ("--data-urlencode", "update=DELETE WHERE { ?s ?p ?o }"),
    ],
)
def test_updates_are_refused_and_change_nothing(endpoint: str, args: tuple[str, ...]) -> None:
    status, _, body = curl(*args, f"{endpoint}/update")
    assert status == 403 and "read-only" in body
    status, _, body = curl(*args, f"{endpoint}/query")
    assert status == 403
    _, _, body = curl(f"{endpoint}/query?query={quote('SELECT (COUNT(*) AS ?n) { ?s ?p ?o }')}")
    assert int(json.loads(body)["results"]["bindings"][0]["n"]["value"]) > 0


def test_a_bad_query_is_a_400_that_says_why(endpoint: str) -> None:
    status, _, body = curl(f"{endpoint}/query?query={quote('SELECT ?x WHERE {')}")
    assert status == 400 and "bad SPARQL query" in body


def test_cors_is_off_unless_asked_for(endpoint: str, store: Path) -> None:
    query = f"/query?query={quote('ASK { ?s ?p ?o }')}"
    _, headers, _ = curl("-H", "Origin: https://example.org", endpoint + query)
    assert "access-control-allow-origin" not in headers
    for url in _serving(store, cors=True):
        _, headers, _ = curl("-H", "Origin: https://example.org", url + query)
        assert headers["access-control-allow-origin"] == "*"
