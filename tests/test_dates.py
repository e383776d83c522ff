"""Dates: a contact's date words resolved against the article's publication date."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from rdflib import Literal
from tawasul.extract.dates import Calendar, parse_day, publication_date, resolve
from tawasul.extract.records import Article, ArticleResult
from tawasul.graph.rdf import build_graph
from tawasul.graph.vocab import SEM, TW, XSD

from tawasul.contacts_json import contact_json
from tawasul.evaluate import same_date_words

WEDNESDAY = date(2024, 5, 15)
NEW_YEARS_EVE = date(2023, 12, 31)  # a Sunday
FRIDAY = date(2025, 1, 3)


@pytest.fixture(scope="module")
def calendar() -> Calendar:
    return Calendar.load()


# phrase, publication date, status of the contact, expected ISO value, granularity
TABLE = [
    ("اليوم", WEDNESDAY, "occurred", "2024-05-15", "day"),
    ("أمس", WEDNESDAY, "occurred", "2024-05-14", "day"),
    ("يوم أمس", WEDNESDAY, "occurred", "2024-05-14", "day"),
    ("مساء أمس الثلاثاء", WEDNESDAY, "occurred", "2024-05-14", "day"),
    ("أمس (الثلاثاء)", WEDNESDAY, "occurred", "2024-05-14", "day"),
    ("أول أمس", WEDNESDAY, "occurred", "2024-05-13", "day"),
    ("أول من أمس", WEDNESDAY, "occurred", "2024-05-13", "day"),
    ("غدا", WEDNESDAY, "planned", "2024-05-16", "day"),
    ("غدًا الاثنين", NEW_YEARS_EVE, "planned", "2024-01-01", "day"),
    ("بعد غد", WEDNESDAY, "planned", "2024-05-17", "day"),
    ("عصر اليوم (الخميس)", date(2024, 5, 16), "occurred", "2024-05-16", "day"),
    ("في وقت لاحق اليوم", WEDNESDAY, "planned", "2024-05-15", "day"),
    ("الأسبوع المقبل", WEDNESDAY, "planned", "2024-W21", "week"),
    ("مطلع الأسبوع الماضي", WEDNESDAY, "occurred", "2024-W19", "week"),
    ("الشهر الجاري", WEDNESDAY, "occurred", "2024-05", "month"),
    ("هذا الشهر", WEDNESDAY, "occurred", "2024-05", "month"),
    ("27 الشهر الجاري", WEDNESDAY, "planned", "2024-05-27", "day"),
    ("بتاريخ 12 من الشهر الجاري", WEDNESDAY, "occurred", "2024-05-12", "day"),
    ("في الثالث من هذا الشهر", WEDNESDAY, "occurred", "2024-05-03", "day"),
    ("الشهر الماضي", NEW_YEARS_EVE, "occurred", "2023-11", "month"),
    ("الشهر المقبل", NEW_YEARS_EVE, "planned", "2024-01", "month"),
    ("العام الماضي", WEDNESDAY, "occurred", "2023", "year"),
    ("الاثنين", WEDNESDAY, "occurred", "2024-05-13", "day"),
    ("الاثنين", WEDNESDAY, "planned", "2024-05-20", "day"),
    ("الأربعاء", WEDNESDAY, "occurred", "2024-05-15", "day"),
    ("مساء الجمعة", WEDNESDAY, "occurred", "2024-05-10", "day"),
    ("يوم الأحد", NEW_YEARS_EVE, "occurred", "2023-12-31", "day"),
    ("السبت الماضي", WEDNESDAY, "occurred", "2024-05-11", "day"),
    ("الأربعاء الماضي", WEDNESDAY, "occurred", "2024-05-08", "day"),
    ("الخميس المقبل", WEDNESDAY, "planned", "2024-05-16", "day"),
    ("الأحد القادم", NEW_YEARS_EVE, "planned", "2024-01-07", "day"),
    ("ديسمبر الماضي", FRIDAY, "occurred", "2024-12", "month"),
    ("كانون الأول الماضي", FRIDAY, "occurred", "2024-12", "month"),
    ("تشرين الثاني", NEW_YEARS_EVE, "occurred", "2023-11", "month"),
    ("في شهر أيَّار الماضي", WEDNESDAY, "occurred", "2023-05", "month"),
    ("في 10 مارس/آذار 2023", WEDNESDAY, "occurred", "2023-03-10", "day"),
    ("6 أيلول/ سبتمبر", WEDNESDAY, "occurred", "2023-09-06", "day"),
    ("6 أيلول/ سبتمبر", WEDNESDAY, "planned", "2024-09-06", "day"),
    ("في 19 سبتمبر/ أيلول الماضي", WEDNESDAY, "occurred", "2023-09-19", "day"),
    ("في 23 يونيو الجاري", date(2024, 6, 25), "occurred", "2024-06-23", "day"),
    ("يوم الثلاثاء 26 فبراير المنصرم", date(2019, 3, 1), "occurred", "2019-02-26", "day"),
    ("في السادس من آب/أغسطس", WEDNESDAY, "occurred", "2023-08-06", "day"),
    ("٢٧ كانون الثاني ٢٠٢٤", WEDNESDAY, "occurred", "2024-01-27", "day"),
    ("١٥ مايو", WEDNESDAY, "occurred", "2024-05-15", "day"),
    ("عام 2007", WEDNESDAY, "occurred", "2007", "year"),
    ("15 رمضان 1445 هـ", WEDNESDAY, "occurred", "2024-03-25", "day"),
    ("١ شوال ١٤٤٥", None, "occurred", "2024-04-10", "day"),
    ("10 ذي الحجة", WEDNESDAY, "planned", "2024-06-16", "day"),
    ("يوم 6 مارس 2025", None, "planned", "2025-03-06", "day"),
]


@pytest.mark.parametrize(
    ("phrase", "published", "status", "value", "granularity"),
    TABLE,
    ids=[f"{row[0]}|{row[2]}" for row in TABLE],
)
def test_date_phrases_resolve_against_the_publication_date(
    calendar, phrase, published, status, value, granularity
):
    found = resolve(phrase, published, status, calendar)
    assert (found.value, found.granularity, found.resolved) == (value, granularity, True)
    assert found.text == phrase


def test_the_table_covers_at_least_thirty_expressions():
    assert len({row[0] for row in TABLE}) >= 30


@pytest.mark.parametrize(
    ("phrase", "published"),
    [
        ("أمس", None),  # no anchor: never guessed against today
        ("الاثنين", None),
        ("في وقت لاحق", WEDNESDAY),  # words that date nothing precisely
        ("31 فبراير 2024", WEDNESDAY),  # no such day
        ("رمضان 1445", WEDNESDAY),  # a Hijri month straddles two Gregorian ones
    ],
)
def test_phrases_without_an_anchor_or_a_precise_date_stay_unresolved(calendar, phrase, published):
    found = resolve(phrase, published, "occurred", calendar)
    assert (found.text, found.value, found.granularity, found.resolved) == (
        phrase,
        None,
        None,
        False,
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("عنوان الخبر\n\n12 مارس 2025\nاستقبل الرئيس ضيفه.", date(2025, 3, 12)),
        ("عنوان الخبر\nالثلاثاء, 12 سبتمبر 2023 13:39 |\nقام الرئيس بزيارة.", date(2023, 9, 12)),
        ("عنوان\nLebanon 24\n26-01-2026 | 06:42\nنص الخبر.", date(2026, 1, 26)),
        (
            "الخرطوم، 29 أكتوبر 2023 – أعلنت وزارة الخارجية أمس أن الوزير التقى نظيره. " * 3,
            date(2023, 10, 29),
        ),
        ("عنوان\nتاريخ النشر: 2nd, June 2025 GMT\nنص.", date(2025, 6, 2)),
        ("عنوان\nالسبت ١٤/٧/٢٠١٨\nنص.", date(2018, 7, 14)),
        ("استقبل الوزير نظيره أمس في القاهرة وبحث معه العلاقات الثنائية بين البلدين. " * 3, None),
    ],
)
def test_the_publication_date_comes_from_a_dateline(calendar, text, expected):
    assert publication_date(Article("a", text, "a.txt"), calendar) == expected


def test_the_published_field_wins_over_the_text(calendar):
    article = Article("a", "عنوان\n12 مارس 2025\nنص.", "a.jsonl", published="2025-03-13T08:00:00Z")
    assert publication_date(article, calendar) == date(2025, 3, 13)
    assert parse_day("3 May 2024") == date(2024, 5, 3)
    assert parse_day("yesterday") is None


# ---- through extraction (Stanza), the RDF contract and contacts.json


def _one(extractor, text: str, published: str | None = None):
    result = extractor.extract(Article("d", text, "d.txt", published=published))
    assert result.error is None, result.error
    assert len(result.contacts) == 1, result.contacts
    return result, result.contacts[0]


def test_a_weekday_with_a_modifier_is_found_and_resolved(extractor):
    _, contact = _one(
        extractor,
        "التقى وزير الخارجية الروسي سيرغي لافروف نظيره الإيراني عباس عراقجي يوم السبت الماضي.",
        published="2024-05-15",
    )
    assert contact.date_text == ("يوم السبت الماضي",)
    assert (contact.date.value, contact.date.granularity) == ("2024-05-11", "day")


def test_a_dateline_anchors_yesterday(extractor):
    text = (
        "لافروف وعراقجي في موسكو\n15 مايو 2024\nالتقى وزير الخارجية الروسي سيرغي لافروف أمس "
        "نظيره الإيراني عباس عراقجي."
    )
    _, contact = _one(extractor, text)
    assert contact.date.value == "2024-05-14" and contact.date.resolved


def test_a_planned_weekday_is_the_next_one(extractor):
    _, contact = _one(
        extractor, "يزور الرئيس التركي رجب طيب أردوغان موسكو الخميس المقبل.", "2024-05-15"
    )
    assert contact.status == "planned"
    assert contact.date.value == "2024-05-16"


def test_the_rdf_carries_the_resolved_date_typed_by_granularity(extractor):
    result, contact = _one(
        extractor,
        "التقى وزير الخارجية الروسي سيرغي لافروف نظيره الإيراني عباس عراقجي الشهر الماضي.",
        published="2024-05-15",
    )
    graph = build_graph([result])
    [node] = graph.subjects(TW.dateText, Literal("الشهر الماضي", lang="ar"))
    assert graph.value(node, SEM.hasTimeStamp) == Literal("2024-04", datatype=XSD.gYearMonth)
    assert graph.value(node, TW.dateGranularity) == Literal("month")
    assert graph.value(node, TW.dateResolved) == Literal(True)
    assert contact_json(contact)["date"] == {
        "text": "الشهر الماضي",
        "value": "2024-04",
        "granularity": "month",
        "resolved": True,
    }


def test_a_planned_contact_has_a_begin_time_stamp_and_an_unanchored_one_none(extractor):
    planned, _ = _one(extractor, "يزور الرئيس التركي رجب طيب أردوغان موسكو غدا.", "2024-05-15")
    loose, _ = _one(
        extractor, "التقى وزير الخارجية الروسي سيرغي لافروف أمس نظيره الإيراني عباس عراقجي."
    )
    graph = build_graph([planned])
    stamps = list(graph.objects(None, SEM.hasBeginTimeStamp))
    assert stamps == [Literal("2024-05-16", datatype=XSD.date)]
    graph = build_graph([ArticleResult(loose.article, loose.contacts, sentences=1)])
    assert list(graph.objects(None, SEM.hasTimeStamp)) == []
    assert list(graph.objects(None, TW.dateResolved)) == [Literal(False)]


def test_date_words_overlap_when_they_share_a_date_word():
    assert same_date_words("اليوم الثلاثاء", "الثلاثاء")
    assert same_date_words("في 10 مارس/آذار 2023", "10 مارس/آذار 2023")
    assert not same_date_words("السبت الماضي", "الشهر الماضي")


def test_a_bad_published_option_is_one_clear_line(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("استقبل الوزير نظيره.", encoding="utf-8")
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "tawasul.cli",
            "build",
            str(article),
            "--out",
            str(tmp_path / "o"),
            "--published",
            "someday",
        ],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 2
    assert run.stderr.strip().splitlines() == [
        "tawasul: --published 'someday': not a date (expected YYYY-MM-DD)"
    ]


GOLD = Path(__file__).resolve().parents[2] / "shared" / "gold" / "dev-gold.json"


@pytest.mark.skipif(not GOLD.is_file(), reason="the shared gold files are not here")
def test_gold_date_texts_are_date_phrases(calendar):
    """Most dev-set date_text spans that name a calendar date read as one (no texts copied)."""
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    spans = [c["date_text"] for d in gold["documents"] for c in d["contacts"] if c.get("date_text")]
    readable = [s for s in spans if calendar.read(s)]
    assert len(readable) >= 0.8 * len(spans)
