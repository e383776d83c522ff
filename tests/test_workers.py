"""Where the parsing runs changes nothing: one process, two worker processes and a Dask
cluster build isomorphic graphs from the same articles."""

from __future__ import annotations

import dataclasses

import pytest
from conftest import ROOT
from rdflib.compare import isomorphic
from tawasul.extract.pipeline import InProcess
from tawasul.graph.store import load_graph

from tawasul.build import build
from tawasul.workers import DaskWorkers, ProcessWorkers, make_runner

SEEDS = ROOT / "data" / "articles"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Three short articles: the opening paragraphs of three seeds."""
    folder = tmp_path_factory.mktemp("corpus")
    for path in sorted(SEEDS.glob("*.txt"))[:3]:
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        (folder / path.name).write_text("\n".join(lines[:4]) + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def one_article_per_batch(extractor):
    """Batches of one, so that two workers really share the three articles."""
    return dataclasses.replace(extractor, batch_size=1, cache=None)


def graph_of(corpus, out, extractor, runner):
    report = build([corpus], out, extractor=extractor, runner=runner)
    assert report.errors == []
    return report, load_graph(out / "graph.ttl")


@pytest.fixture(scope="module")
def single(corpus, one_article_per_batch, tmp_path_factory):
    out = tmp_path_factory.mktemp("single") / "out"
    return graph_of(corpus, out, one_article_per_batch, InProcess(one_article_per_batch))


def test_the_single_process_build_finds_contacts(single):
    report, _ = single
    assert len(report.results) == 3
    assert report.contacts > 0


def test_two_worker_processes_build_the_same_graph(corpus, one_article_per_batch, single, tmp_path):
    report, graph = graph_of(corpus, tmp_path / "out", one_article_per_batch, ProcessWorkers(2))
    assert [r.article.id for r in report.results] == [r.article.id for r in single[0].results]
    assert isomorphic(graph, single[1])


def test_a_local_dask_cluster_builds_the_same_graph(
    corpus, one_article_per_batch, single, tmp_path
):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        host="127.0.0.1",
        dashboard_address=None,
        processes=True,
    ) as cluster:
        assert cluster.scheduler_address.startswith("tcp://127.0.0.1:")
        runner = make_runner(one_article_per_batch, scheduler=cluster.scheduler_address)
        assert isinstance(runner, DaskWorkers)
        report, graph = graph_of(corpus, tmp_path / "out", one_article_per_batch, runner)
    assert [r.article.id for r in report.results] == [r.article.id for r in single[0].results]
    assert isomorphic(graph, single[1])


def test_an_unreachable_scheduler_is_one_clear_error(corpus, one_article_per_batch, tmp_path):
    runner = DaskWorkers("tcp://127.0.0.1:9", timeout=1)
    with pytest.raises(
        ValueError, match=r"cannot reach the Dask scheduler at tcp://127\.0\.0\.1:9"
    ):
        build([corpus], tmp_path / "out", extractor=one_article_per_batch, runner=runner)


def test_zero_workers_is_refused(one_article_per_batch):
    with pytest.raises(ValueError, match="at least 1"):
        make_runner(one_article_per_batch, workers=0)
