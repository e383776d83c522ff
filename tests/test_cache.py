"""The parse cache: an unchanged corpus rebuilds without Stanza; a changed text, new models,
a new segmenter or new rules are noticed."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest
from conftest import ROOT
from rdflib.compare import isomorphic
from tawasul.extract import cache as cache_module
from tawasul.extract.cache import ParseCache, default_folder, model_version
from tawasul.extract.nlp import LazyPipeline
from tawasul.extract.pipeline import Extractor
from tawasul.extract.records import Article
from tawasul.graph.store import load_graph

from tawasul.build import build
from tawasul.cli import main

SEEDS = ROOT / "data" / "articles"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Two short articles: the opening paragraphs of two seeds."""
    folder = tmp_path_factory.mktemp("corpus")
    for path in sorted(SEEDS.glob("*.txt"))[1:3]:
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        (folder / path.name).write_text("\n".join(lines[:3]) + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def warm(corpus, tmp_path_factory, extractor):
    """The corpus built once with a cache; returns (cache folder, first report, graph)."""
    tmp_path = tmp_path_factory.mktemp("warm")
    folder = tmp_path / "cache"
    first = dataclasses.replace(extractor, cache=ParseCache(folder))
    report = build([corpus], tmp_path / "first", extractor=first)
    assert report.errors == [] and report.contacts > 0
    assert first.cache.misses == 2
    return folder, report, load_graph(tmp_path / "first" / "graph.ttl")


def test_an_unchanged_corpus_rebuilds_from_the_cache_without_loading_stanza(corpus, tmp_path, warm):
    folder, first, graph = warm
    again = Extractor.load(cache=ParseCache(folder))
    assert isinstance(again.nlp, LazyPipeline)
    report = build([corpus], tmp_path / "again", extractor=again)
    assert not again.nlp.loaded
    assert again.cache.hits == 2 and again.cache.misses == 0
    assert [r.contacts for r in report.results] == [r.contacts for r in first.results]
    assert isomorphic(load_graph(tmp_path / "again" / "graph.ttl"), graph)


def test_a_changed_text_is_parsed_again_and_the_others_come_from_the_cache(
    corpus, tmp_path, warm, extractor
):
    folder, _, _ = warm
    corpus = Path(shutil.copytree(corpus, tmp_path / "corpus"))
    changed = sorted(corpus.glob("*.txt"))[0]
    changed.write_text("وقال مسؤول إن الوزير التقى نظيره.\n" + changed.read_text("utf-8"), "utf-8")
    again = dataclasses.replace(extractor, cache=ParseCache(folder))
    report = build([corpus], tmp_path / "again", extractor=again)
    assert report.errors == []
    assert again.cache.misses == 1 and again.cache.hits == 1


def test_new_rules_re_extract_from_the_cached_parse_without_stanza(corpus, tmp_path, warm):
    folder, first, _ = warm
    again = Extractor.load(cache=ParseCache(folder, rules="rules edited since"))
    report = build([corpus], tmp_path / "again", extractor=again)
    assert not again.nlp.loaded
    assert again.cache.hits == 2  # the parses, read back
    assert [r.contacts for r in report.results] == [r.contacts for r in first.results]


def test_other_models_or_another_segmenter_miss_the_cache(warm, monkeypatch):
    folder, first, _ = warm
    text = first.results[0].article.text
    assert ParseCache(folder).get(text) is not None
    assert ParseCache(folder, version="other models").get(text) is None
    monkeypatch.setattr(cache_module, "SEGMENTATION_VERSION", "next")
    assert ParseCache(folder).get(text) is None


def test_the_model_version_follows_the_model_files(tmp_path):
    (tmp_path / "ar" / "pos").mkdir(parents=True)
    model = tmp_path / "ar" / "pos" / "padt.pt"
    model.write_bytes(b"weights")
    before = model_version(tmp_path)
    assert model_version(tmp_path) == before
    model.write_bytes(b"retrained weights")
    assert model_version(tmp_path) != before


def test_a_damaged_entry_is_parsed_again_not_misread(tmp_path):
    cache = ParseCache(tmp_path, version="v", rules="r")
    cache.put("نص", [])
    [entry] = (tmp_path / "parses").rglob("*.pickle")
    entry.write_bytes(b"not a pickle")
    assert cache.get("نص") is None
    article = Article("a", "نص", "a.txt")
    assert cache.get_result(article) is None


def test_the_cli_reads_its_cache_beside_the_output_and_no_cache_keeps_none(
    corpus, tmp_path, warm, capsys
):
    out = tmp_path / "out"
    shutil.copytree(warm[0], default_folder(out))  # the CLI's default cache, already filled
    assert default_folder(out) == tmp_path / ".out.cache"
    assert main(["build", str(corpus), "--out", str(out)]) == 0
    assert isomorphic(load_graph(out / "graph.ttl"), warm[2])
    assert "contacts from 2 article(s); 0 failed" in capsys.readouterr().out

    bare = tmp_path / "bare"
    assert main(["build", str(corpus), "--out", str(bare), "--no-cache"]) == 0
    assert not default_folder(bare).exists()


def test_bad_worker_or_batch_counts_are_one_line_errors(corpus, tmp_path, capsys):
    assert main(["build", str(corpus), "--out", str(tmp_path / "o"), "--workers", "0"]) == 2
    assert "--workers must be at least 1" in capsys.readouterr().err
    assert main(["build", str(corpus), "--out", str(tmp_path / "o"), "--batch-size", "0"]) == 2
    assert "--batch-size must be at least 1" in capsys.readouterr().err
