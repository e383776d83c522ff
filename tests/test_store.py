"""The persistent store: batches add up to the build at once, and stored articles are not parsed."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest_graph import sample_results
from rdflib.compare import isomorphic
from tawasul.graph.rdf import build_graph
from tawasul.graph.saved import run_saved, saved_names
from tawasul.graph.store import ContactStore

from tawasul.build import build
from tawasul.cli import main

TEXTS = {
    "a1": "بحث وزير الخارجية الروسي سيرغي لافروف أمس في اتصال هاتفي مع نظيره الإيراني"
    " محمد جواد ظريف الوضع في سوريا.",
    "a2": "أجرى وزير الخارجية الإيراني محمد جواد ظريف اتصالا هاتفيا اليوم مع نظيره الروسي"
    " سيرغي لافروف.",
    "a3": "استقبل الرئيس المصري عبد الفتاح السيسي في القاهرة العاهل الأردني الملك عبد الله الثاني.",
}


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[Path]:
    folder = tmp_path_factory.mktemp("articles")
    paths = []
    for name, text in TEXTS.items():
        path = folder / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def test_two_batches_give_the_graph_of_one_build_and_parse_only_the_new(
    extractor, inputs, tmp_path: Path
) -> None:
    once = build(inputs, tmp_path / "o1", extractor, store=tmp_path / "all")
    first = build(inputs[:2], tmp_path / "o2", extractor, store=tmp_path / "batches")
    second = build(inputs, tmp_path / "o2", extractor, store=tmp_path / "batches")
    assert (once.parsed, once.skipped) == (3, 0)
    assert (first.parsed, first.skipped) == (2, 0)
    assert (second.parsed, second.skipped) == (1, 2)
    together = ContactStore(tmp_path / "all", read_only=True).to_rdflib()
    batched = ContactStore(tmp_path / "batches", read_only=True).to_rdflib()
    assert len(together) > 0 and isomorphic(together, batched)
    assert len(second.results) == 3  # the files cover every stored article


def test_the_build_summary_counts_parsed_and_skipped_articles(
    extractor, inputs, tmp_path: Path, capsys
) -> None:
    build(inputs, tmp_path / "out", extractor, store=tmp_path / "store")
    code = main(
        [
            "build",
            *map(str, inputs),
            "--out",
            str(tmp_path / "out"),
            "--store",
            str(tmp_path / "store"),
            "--no-cache",
        ]
    )
    assert code == 0
    assert f"parsed 0, skipped 3 (already in {tmp_path / 'store'})" in capsys.readouterr().out


def test_the_store_holds_exactly_the_graph_it_was_given(tmp_path: Path) -> None:
    graph = build_graph(sample_results())
    store = ContactStore(tmp_path / "store")
    store.replace_graph(graph)
    store.replace_graph(graph)  # replacing, not adding
    assert isomorphic(store.to_rdflib(), graph)


@pytest.mark.parametrize("name", saved_names())
def test_every_saved_query_answers_the_same_in_oxigraph_and_rdflib(tmp_path: Path, name) -> None:
    graph = build_graph(sample_results())
    store = ContactStore(tmp_path / "store")
    store.replace_graph(graph)
    in_memory, stored = run_saved(graph, name), run_saved(store, name)
    assert in_memory[0] == stored[0]
    assert sorted(in_memory[1]) == sorted(stored[1]) and stored[1]


def test_saved_queries_run_by_name_through_the_command(tmp_path: Path, capsys) -> None:
    store = ContactStore(tmp_path / "store")
    store.replace_graph(build_graph(sample_results()))
    del store  # the command opens it read-only
    assert (
        main(
            [
                "query",
                "--saved",
                "timeline",
                "--store",
                str(tmp_path / "store"),
                "--bind",
                "actor=sergei-lavrov",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "Mohammad Javad Zarif" in out and "Qatar" not in out
    assert main(["query", "--saved", "brokers", "--store", str(tmp_path / "store")]) == 0
    assert "betweenness" in capsys.readouterr().out


def test_a_bad_saved_query_name_or_binding_is_a_one_line_error(tmp_path: Path, capsys) -> None:
    graph = tmp_path / "g.ttl"
    from tawasul.graph.store import save_graph

    save_graph(build_graph(sample_results()), graph)
    assert main(["query", "--saved", "nope", str(graph)]) == 2
    assert "no saved query 'nope'" in capsys.readouterr().err
    assert main(["query", "--saved", "between", "--bind", "a=x} DELETE", str(graph)]) == 2
    assert "--bind" in capsys.readouterr().err
    assert main(["query", "--saved", "brokers", "--store", str(tmp_path / "none")]) == 2
    assert "no Tawasul store" in capsys.readouterr().err
