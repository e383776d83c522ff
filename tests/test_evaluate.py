"""`tawasul eval`: the same figures as the reference scorer, read back through the RDF."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tawasul.evaluate import load_gold, predictions_from_graph, report, score

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT.parent / "shared" / "gold" / "score.py"
DEV = ROOT.parent / "shared" / "gold" / "dev-gold.json"

needs_scorer = pytest.mark.skipif(
    not SCORER.exists(), reason="reference scorer not beside the checkout"
)


def reference():
    spec = importlib.util.spec_from_file_location("reference_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def reference_counts(gold: dict, pred: dict, only: set[str] | None = None) -> dict[str, tuple]:
    ref = reference()
    norm = ref.Normaliser(gold.get("aliases"))
    by_id = {str(d["id"]): d for d in pred["documents"]}
    totals = {"name": [0, 0, 0], "affiliation": [0, 0, 0]}
    for gd in gold["documents"]:
        pd = by_id.get(str(gd["id"]))
        gn, ga = ref.pairs_of(gd, norm, only or set(), set())
        pn, pa = ref.pairs_of(pd, norm, only or set(), set())
        for level, g, p in (("name", gn, pn), ("affiliation", ga, pa)):
            totals[level][0] += len(g & p)
            totals[level][1] += len(p - g)
            totals[level][2] += len(g - p)
    return {k: tuple(v) for k, v in totals.items()}


NAMES = [
    "Qatar",
    "qatar",
    "Hamas",
    "Lavrov",
    "Sergei Lavrov",
    "Russia",
    "the United States",
    "USA",
    "Çavuşoğlu",
    "",
]
participant = st.fixed_dictionaries(
    {
        "name_en": st.sampled_from(NAMES),
        "affiliation_en": st.one_of(st.none(), st.sampled_from(NAMES)),
    }
)
contact = st.fixed_dictionaries(
    {
        "participants": st.lists(participant, min_size=0, max_size=4),
        "status": st.sampled_from(["occurred", "planned", "offered", "denied"]),
        "mode": st.sampled_from(["meeting", "phone", "contact-unspecified"]),
    }
)
documents = st.lists(st.lists(contact, max_size=3), min_size=1, max_size=4)


@needs_scorer
@settings(max_examples=150, deadline=None)
@given(gold_docs=documents, pred_docs=documents)
def test_scores_agree_with_the_reference_scorer(gold_docs, pred_docs):
    aliases = {"United States": ["USA", "US"], "Sergei Lavrov": ["Lavrov"]}
    gold = {
        "aliases": aliases,
        "documents": [{"id": str(i), "contacts": c} for i, c in enumerate(gold_docs)],
    }
    pred = {"documents": [{"id": str(i), "contacts": c} for i, c in enumerate(pred_docs)]}
    ours = score(gold, pred)
    expected = reference_counts(gold, pred)
    for level in ("name", "affiliation"):
        c = ours.overall[level]
        assert (c.tp, c.fp, c.fn) == expected[level]
    for status in ("occurred", "planned"):
        expected = reference_counts(gold, pred, {status})
        c = ours.by_status[status]["affiliation"]
        assert (c.tp, c.fp, c.fn) == expected["affiliation"]


def test_missing_document_counts_as_all_missed():
    gold = {
        "documents": [
            {
                "id": "a",
                "contacts": [
                    {
                        "participants": [
                            {"name_en": "Qatar", "affiliation_en": "Qatar"},
                            {"name_en": "Hamas", "affiliation_en": "Hamas"},
                        ]
                    }
                ],
            }
        ]
    }
    result = score(gold, {"documents": []})
    assert (result.overall["affiliation"].fn, result.matched) == (1, 0)
    assert "missed" in report(result)


def test_bad_gold_file_names_the_file_and_line(tmp_path):
    bad = tmp_path / "gold.json"
    bad.write_text('{"documents": [\n  {"id": 1,,}\n]}', encoding="utf-8")
    with pytest.raises(ValueError, match=r"gold\.json:2: not JSON"):
        load_gold(bad)
    with pytest.raises(ValueError, match="no such file"):
        load_gold(tmp_path / "absent.json")


def test_predictions_are_read_from_the_rdf_contract(extractor):
    """A call extracted, exported as RDF and read back keeps its sides, status and mode."""
    from tawasul.extract.records import Article
    from tawasul.graph.rdf import build_graph

    text = "أجرى وزير الخارجية الروسي سيرغي لافروف اتصالا هاتفيا مع نظيره الإيراني محمد جواد ظريف."
    result = extractor.extract(Article("x1", text, "x1.txt"))
    pred = predictions_from_graph(build_graph([result]), ["x1"])
    [doc] = pred["documents"]
    assert doc["contacts"], "the call was not read back"
    sides = {p["affiliation_en"] for p in doc["contacts"][0]["participants"]}
    assert sides == {"Russia", "Iran"}
    assert doc["contacts"][0]["mode"] == "phone"


@pytest.mark.skipif(not DEV.exists(), reason="dev gold not beside the checkout")
def test_eval_command_writes_predictions_that_the_reference_scorer_reads(extractor, tmp_path):
    """`tawasul eval` on a slice of the dev set gives the figures score.py gives."""
    from tawasul.evaluate import evaluate

    gold = load_gold(DEV)
    small = {"aliases": gold.get("aliases"), "documents": gold["documents"][:6]}
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(small, ensure_ascii=False), encoding="utf-8")
    result, _ = evaluate(path, extractor, tmp_path / "out")
    pred = json.loads((tmp_path / "out" / "predictions.json").read_text(encoding="utf-8"))
    expected = reference_counts(small, pred)
    c = result.overall["affiliation"]
    assert (c.tp, c.fp, c.fn) == expected["affiliation"]
    assert (tmp_path / "out" / "graph.ttl").exists()


@pytest.mark.skipif(not DEV.exists(), reason="dev gold not beside the checkout")
def test_dev_negatives_yield_no_contact(extractor):
    """The dev set's texts that report no contact (statements, sport, sanctions …) stay empty."""
    from tawasul.extract.records import Article

    gold = load_gold(DEV)
    negatives = [d for d in gold["documents"] if d.get("negative")]
    assert negatives
    found = {}
    for doc in negatives:
        result = extractor.extract(Article(str(doc["id"]), doc["text"], str(doc["id"])))
        if result.contacts:
            found[doc["id"]] = [c.evidence[:80] for c in result.contacts]
    assert found == {}


def test_gold_texts_are_cleaned_as_ingest_cleans_files():
    """The figures are what a researcher's own files would get: ingest repairs scraper
    residue («quot;»), so the gold's texts are read the same way."""
    from tawasul.evaluate import gold_articles

    [article] = gold_articles({"documents": [{"id": "a", "text": "قال quot;نعمquot;"}]})
    assert article.text == 'قال "نعم"'
