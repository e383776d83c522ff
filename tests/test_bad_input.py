"""A researcher's real corpus, every kind of bad input in it: the build names each one and
keeps every good article's contacts (a real `tawasul build` process, exit status 1)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from tawasul.extract.ingest import read_corpus
from tawasul.extract.records import Article

from tawasul.contacts_json import contact_json

PHONE = "وزير الخارجية الروسي سيرغي لافروف بحث هاتفيا مع نظيره الأمريكي جون كيري الوضع في حلب"
CALL = "تلقى الرئيس المصري عبد الفتاح السيسي اتصالا هاتفيا من الرئيس الفرنسي إيمانويل ماكرون"
TALKS = "أكد مسؤول مطلع أن دبلوماسيين قطريين أجروا محادثات مع هيئة تحرير الشام يوم الاثنين"
MEDIATED = "أجرت الولايات المتحدة محادثات غير مباشرة مع إيران عبر وسطاء عمانيين في مسقط"
DENIED = "ونفت الخارجية الإيرانية إجراء أي محادثات مع الولايات المتحدة خلال الأسبوع الماضي"
QATAR = "قطر بدأت اليوم اتصالات مباشرة مع هيئة تحرير الشام."
BUILD = (sys.executable, "-m", "tawasul", "build")
MORE = " وأضاف المصدر أن المباحثات ستتواصل."  # a jsonl copy is another article, not a duplicate
PAGE = """<!DOCTYPE html><html><head><title>اتصال هاتفي</title>
<meta name="date" content="2016-09-09"></head><body>
<nav><a href="/">الرئيسية</a> | <a href="/s">سياسة</a> | <a href="/r">رياضة</a></nav>
<script>var x = "تلقى الرئيس اتصالا";</script><article><p>{}</p></article>
<footer>جميع الحقوق محفوظة</footer></body></html>"""


def _corpus(root: Path) -> tuple[Path, dict[str, str], dict[str, str]]:
    """Write the corpus; return it, the good articles (id → text) and the bad inputs
    (a name each message must carry → what is wrong with it)."""
    corpus = root / "corpus"
    (corpus / "2024" / "05").mkdir(parents=True)
    good = {
        "cp1256": PHONE,
        "utf16": CALL,
        "bom": TALKS,
        "upper": MEDIATED,
        "nested": DENIED,
        "copy00": QATAR,
    }
    (corpus / "cp1256.txt").write_bytes(PHONE.encode("cp1256"))
    (corpus / "utf16.txt").write_bytes(CALL.encode("utf-16"))
    (corpus / "bom.txt").write_bytes(TALKS.encode("utf-8-sig"))
    (corpus / "upper.TXT").write_text(MEDIATED, encoding="utf-8")
    (corpus / "2024" / "05" / "nested.txt").write_text(DENIED, encoding="utf-8")
    for n in range(50):
        (corpus / f"copy{n:02d}.txt").write_text(QATAR + " " * (n % 3), encoding="utf-8")
    (corpus / "page.html").write_text(PAGE.format(CALL.replace("المصري", "التونسي")), "utf-8")
    (corpus / "saved-page.txt").write_text(PAGE.format(PHONE.replace("حلب", "إدلب")), "utf-8")
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (corpus / "empty.txt").write_text("\n \n", encoding="utf-8")
    (corpus / "english.txt").write_text("The ministers met in Cairo on Sunday.", encoding="utf-8")
    (corpus / "huge.txt").write_text(PHONE * 40_000, encoding="utf-8")
    huge = (corpus / "huge.txt").stat().st_size / 1e6  # 6 MB
    lines = [
        {"id": "j-url", "text": TALKS + MORE, "url": 'https://ex.org/ar/خبر 1?q="a">b'},
        {"id": "j-js", "text": MEDIATED + MORE, "url": "javascript:alert(document.cookie)"},
        {"id": "j-num-url", "text": CALL + MORE, "url": 42},
        {"id": "j-num-date", "text": DENIED + MORE, "published": 12345},
        {"id": "j-list-date", "text": PHONE + MORE, "published": ["2024-05-03"]},
        {"id": None, "text": QATAR.replace("اليوم", "أمس")},
        {
            "id": "j-ls",
            "text": QATAR.replace("اليوم", "الأحد") + "\u2028وأكدت المصادر\u0085ذلك.",
            "source": "\x1b[2Jevil",
        },
        {"id": "j-text-num", "text": 12},
        {"id": "j-html", "html": PAGE.format(TALKS.replace("الاثنين", "الثلاثاء"))},
    ]
    (corpus / "feed.jsonl").write_text(
        "\n".join(json.dumps(line, ensure_ascii=False) for line in lines) + "\n{oops\n",
        encoding="utf-8",
    )
    good.update({"j-url": "", "j-js": "", "j-num-url": "", "j-num-date": "", "j-list-date": ""})
    good.update({"feed-6": "", "j-ls": "", "j-html": "", "page": "", "saved-page": ""})
    feed = corpus / "feed.jsonl"
    bad = {
        str(corpus / "binary.txt"): "binary data, not text",
        str(corpus / "empty.txt"): "empty article",
        str(corpus / "english.txt"): "no Arabic text",
        str(
            corpus / "huge.txt"
        ): f"article too long ({huge:.1f} MB; the limit is 200,000 characters)",
        str(corpus / "saved-page.txt"): "HTML saved as .txt: read as a web page",
        str(corpus / "cp1256.txt"): "read as Windows-1256",
        str(corpus / "utf16.txt"): "read as UTF-16 LE",
        f"{feed}:2:": "url javascript:alert(document.cookie): not an http(s) address; dropped",
        f"{feed}:3:": "url: expected a string, got a number; dropped",
        f"{feed}:4:": "published 12345: a number that is no date; kept without a date",
        f"{feed}:5:": "published: expected a date, got a list; kept without a date",
        f"{feed}:6:": "no id: named 'feed-6'",
        f"{feed}:8:": "text: expected a string, got a number",
        f"{feed}:10:": "invalid JSON",
        str(root / "missing"): "no such file or directory",
    }
    return corpus, good, bad


def _pairs(contacts: list[dict]) -> set[tuple[str, frozenset[str]]]:
    return {
        (c["mode"], frozenset(p["name_en"] or p["name_ar"] for p in c["participants"]))
        for c in contacts
    }


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    root = tmp_path_factory.mktemp("real")
    corpus, good, bad = _corpus(root)
    done = subprocess.run(
        [*BUILD, str(corpus), str(root / "missing"), "--out", str(root / "out"), "--no-cache"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        timeout=600,
    )
    return corpus, good, bad, done, root / "out"


def test_a_corpus_of_bad_inputs_builds_with_exit_status_1_and_no_traceback(run):
    *_, done, out = run
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr and "Traceback" not in done.stdout
    assert "\x1b" not in done.stderr + done.stdout
    assert sorted(p.name for p in out.iterdir()) == [
        ".tawasul-output",
        "contacts.json",
        "graph.ttl",
        "network.html",
    ]


def test_every_bad_input_gets_one_clear_message_naming_it(run):
    _, _, bad, done, _ = run
    messages = [
        line for line in done.stderr.splitlines() if line.startswith(("error  ", "warning  "))
    ]
    for name, problem in bad.items():
        about = [m for m in messages if m.split("  ", 1)[1].startswith(name.rstrip(":") + ":")]
        assert len(about) == 1, (name, about)
        assert problem in about[0], (name, about[0])
    assert len(messages) == len(bad)


def test_fifty_copies_are_one_article_reported_in_the_summary(run):
    *_, done, out = run
    assert "49 duplicate text(s) merged into 1 article(s)" in done.stdout
    doc = json.loads((out / "contacts.json").read_text(encoding="utf-8"))
    ids = [d["id"] for d in doc["documents"]]
    assert "copy00" in ids and not any(i.startswith("copy") and i != "copy00" for i in ids)


def test_every_good_article_keeps_its_contacts(run, extractor):
    corpus, good, _, _, out = run
    doc = json.loads((out / "contacts.json").read_text(encoding="utf-8"))
    built = {d["id"]: d for d in doc["documents"] if "error" not in d}
    assert sorted(built) == sorted(good)
    # The plain texts are extracted here from the strings themselves, not from the files;
    # the pages and jsonl lines from what ingest made of them.
    read = {a.id: a for a in read_corpus([corpus]).articles}
    for article_id in good:
        text = good[article_id] or read[article_id].text
        result = extractor.extract(Article(id=article_id, text=text, source="t"))
        expected = _pairs([contact_json(c) for c in result.contacts])
        assert expected, article_id
        assert _pairs(built[article_id]["contacts"]) == expected, article_id


def test_hostile_urls_reach_the_graph_as_valid_iris_and_scripts_as_nothing(run):
    *_, out = run
    ttl = (out / "graph.ttl").read_text(encoding="utf-8")
    assert "<https://ex.org/ar/خبر%201?q=%22a%22%3Eb>" in ttl
    assert "javascript:" not in ttl and "document.cookie" not in ttl
    assert "var x" not in ttl and "الرئيسية" not in ttl
