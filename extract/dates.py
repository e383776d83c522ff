"""When a contact happened: date phrases resolved against the article's publication date.

`circumstances.dates()` finds the words («أمس الأحد», «27 الشهر الجاري», «15 رمضان
1445 هـ»); this module reads them with the values of `data/lexicon/dates.tsv` and
anchors them: «أمس» is the day before publication, a bare weekday is the nearest one
before it for an occurred contact and the next one for a planned one, a month without
a year is the nearest such month in that direction. Calendar arithmetic is left to
`datetime`, Hijri dates to `hijridate` (Umm al-Qura) and written-out publication dates
to `dateparser`; no calendar is written by hand here.

A phrase that needs an anchor the article does not give stays unresolved
(`ContactDate.resolved` False) rather than being guessed against today.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

from tawasul.extract.arabic import clitic_variants, norm
from tawasul.extract.lexicon import read_tsv
from tawasul.extract.paths import DATA_DIR
from tawasul.extract.records import Article, Contact, ContactDate

#: Statuses whose date lies before the report («التقى السبت»: last Saturday).
PAST_STATUSES = ("occurred", "denied")
#: How many lines at the head of an article may carry its dateline.
HEAD_LINES = 8
#: A head line longer than this is body text, not a dateline.
HEAD_LINE_MAX = 80
#: Words that introduce the publication date anywhere in the text.
PUBLISHED_MARKERS = re.compile(r"تاريخ النشر|نشر في|نُشر في|نشر بتاريخ|بتاريخ|\bdate\b|Published")

_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_SPLIT = re.compile(r"[\s/()\[\]،,؛:|\-–—.]+")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_NUMERIC = re.compile(r"(?<!\d)(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?!\d)")
_WRITTEN = re.compile(
    r"(?<!\d)(\d{1,2})(?:st|nd|rd|th)?[\s,/]*([^\W\d_]+(?:\s[^\W\d_]+)?)[\s,/]*(\d{4})"
)
_RELATIVE = re.compile(r"(day|week|month|year)([+-]\d+)")


@dataclass(frozen=True)
class Word:
    """One entry of dates.tsv: what kind of date word it is and its value."""

    kind: str
    value: str = ""


@dataclass(frozen=True)
class Calendar:
    """The date words of `data/lexicon/dates.tsv` with their values, loaded once."""

    words: dict[str, Word]
    longest: int

    @classmethod
    def load(cls, path: Path | None = None) -> Calendar:
        rows = read_tsv(path or DATA_DIR / "lexicon" / "dates.tsv", ("form", "kind"))
        words = {norm(r["form"]): Word(r["kind"], r.get("value", "")) for r in rows}
        return cls(words, max(len(form.split()) for form in words))

    def read(self, text: str) -> list[tuple[str, str | int]]:
        """(kind, value) of each date word and number of a phrase, in order.

        Numbers come back as ("number", n), Arabic-Indic digits included; other words
        are looked up longest first, with and without their proclitics («وفي», «بتاريخ»).
        """
        tokens = [t for t in _SPLIT.split(text.translate(_ARABIC_DIGITS)) if t]
        out: list[tuple[str, str | int]] = []
        i = 0
        while i < len(tokens):
            if tokens[i].isdigit():
                out.append(("number", int(tokens[i])))
                i += 1
                continue
            found = self._lookup(tokens, i)
            if found is None:
                i += 1
                continue
            word, length = found
            out.append((word.kind, word.value))
            i += length
        return out

    def _lookup(self, tokens: list[str], i: int) -> tuple[Word, int] | None:
        for length in range(min(self.longest, len(tokens) - i), 0, -1):
            rest = [norm(t) for t in tokens[i + 1 : i + length]]
            for first in clitic_variants(tokens[i]):
                word = self.words.get(" ".join([first, *rest]))
                if word is not None:
                    return word, length
        return None


# --- the publication date --------------------------------------------------------------------


def parse_day(text: str) -> date | None:
    """A publication date given as text: ISO, day-first numeric, or written out
    («2nd, June 2025», «١٢ مارس ٢٠٢٥»); None when it names no single day."""
    text = text.strip().translate(_ARABIC_DIGITS)
    iso = _ISO.match(text)
    if iso:
        return _day(*map(int, iso.groups()))
    numeric = _NUMERIC.search(text)
    if numeric:
        d, m, y = map(int, numeric.groups())
        return _day(y, m, d)
    if not re.search(r"\d{4}", text):
        return None
    import dateparser  # slow to import; only written-out dates need it

    parsed = dateparser.parse(
        text,
        languages=["ar", "en", "fr"],
        settings={
            "PARSERS": ["absolute-time"],
            "STRICT_PARSING": True,
            "REQUIRE_PARTS": ["day", "month", "year"],
        },
    )
    return parsed.date() if parsed else None


def publication_date(article: Article, calendar: Calendar) -> date | None:
    """The day the article was published: its `published` field, else a dateline.

    A dateline is a full date (day, month, year) on a short line at the head of the text
    («12 مارس 2025», «الثلاثاء, 12 سبتمبر 2023 13:39 |»), at the start of the first
    paragraph («الخرطوم، 29 أكتوبر 2023 – أعلنت»), or after «تاريخ النشر»/«بتاريخ».
    """
    if article.published:
        found = parse_day(article.published)
        if found:
            return found
    lines = [line.strip() for line in article.text.splitlines() if line.strip()]
    regions = []
    for number, line in enumerate(lines):
        marker = PUBLISHED_MARKERS.search(line)
        if marker:
            regions.append(line[marker.end() : marker.end() + 60])
        elif number < HEAD_LINES:
            regions.append(line if len(line) <= HEAD_LINE_MAX else line[:50])
    for region in regions:
        found = _full_date(region, calendar)
        if found:
            return found
    return None


def _full_date(text: str, calendar: Calendar) -> date | None:
    text = text.translate(_ARABIC_DIGITS)
    for pattern in (_ISO, _NUMERIC):
        match = pattern.search(text)
        if match:
            a, b, c = map(int, match.groups())
            found = _day(a, b, c) if pattern is _ISO else _day(c, b, a)
            if found:
                return found
    for match in _WRITTEN.finditer(text):
        day, words, year = match.groups()
        months = [v for k, v in calendar.read(words) if k == "month"]
        found = _day(int(year), int(months[0]), int(day)) if months else parse_day(match.group())
        if found:
            return found
    return None


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


# --- resolving a phrase ----------------------------------------------------------------------


@dataclass(frozen=True)
class _Parts:
    """What the words of one phrase say, before anchoring."""

    day: int | None = None
    month: int | None = None
    hijri_month: int | None = None
    year: int | None = None
    weekday: int | None = None
    relative: tuple[str, int] | None = None
    vague: bool = False
    modifier: int | None = None


def _parts(items: list[tuple[str, str | int]]) -> _Parts:
    parts = _Parts()
    hijri = any(kind == "hijri-month" for kind, _ in items)
    for kind, value in items:
        if kind == "number":
            n = int(value)
            if (1300 <= n <= 1500 and hijri) or 1900 <= n <= 2100:
                parts = replace(parts, year=parts.year or n)
            elif 1 <= n <= 31 and parts.day is None:
                parts = replace(parts, day=n)
        elif kind == "ordinal" and parts.day is None:
            parts = replace(parts, day=int(value))
        elif kind == "month" and parts.month is None:
            parts = replace(parts, month=int(value))
        elif kind == "hijri-month" and parts.hijri_month is None:
            parts = replace(parts, hijri_month=int(value))
        elif kind == "day" and parts.weekday is None:
            parts = replace(parts, weekday=int(value))
        elif kind == "modifier" and parts.modifier is None:
            parts = replace(parts, modifier=int(value))
        elif kind == "relative":
            match = _RELATIVE.fullmatch(str(value))
            if match and parts.relative is None:
                parts = replace(parts, relative=(match.group(1), int(match.group(2))))
            elif not match:
                parts = replace(parts, vague=True)
    return parts


def resolve(text: str, published: date | None, status: str, calendar: Calendar) -> ContactDate:
    """Resolve one date phrase of a contact of `status` against the publication day.

    Returns the phrase with its ISO value and granularity (day, week, month or year),
    or unresolved when the words date nothing precisely («في وقت لاحق») or need an
    anchor that is missing.
    """
    parts = _parts(calendar.read(text))
    ahead = 1 if status not in PAST_STATUSES else -1
    direction = parts.modifier if parts.modifier else ahead
    try:
        found = _anchor(parts, published, direction, parts.modifier == 0)
    except (ValueError, OverflowError):
        found = None  # «31 فبراير», a Hijri year out of the tables
    if found is None:
        return ContactDate(text)
    value, granularity = found
    return ContactDate(text, value, granularity, True)


def _anchor(p: _Parts, pub: date | None, direction: int, current: bool) -> tuple[str, str] | None:
    if p.hijri_month is not None:  # no Gregorian reading of a Hijri month or year alone
        return _hijri(p, pub, direction) if p.day is not None else None
    if p.month is not None:
        return _gregorian(p, pub, direction, current)
    if p.relative is not None and pub is not None:
        unit, offset = p.relative
        if unit == "month" and p.day is not None:  # «27 الشهر الجاري»
            year, month = _add_months(pub.year, pub.month, offset)
            return date(year, month, p.day).isoformat(), "day"
        return _relative(unit, offset, pub)
    if p.weekday is not None and pub is not None:
        return _weekday(p.weekday, pub, direction, strict=p.modifier is not None), "day"
    if p.year is not None and not p.vague:
        return f"{p.year:04d}", "year"
    return None


def _relative(unit: str, offset: int, pub: date) -> tuple[str, str]:
    if unit == "day":
        return (pub + timedelta(days=offset)).isoformat(), "day"
    if unit == "week":
        year, week, _ = (pub + timedelta(weeks=offset)).isocalendar()
        return f"{year:04d}-W{week:02d}", "week"
    if unit == "month":
        year, month = _add_months(pub.year, pub.month, offset)
        return f"{year:04d}-{month:02d}", "month"
    return f"{pub.year + offset:04d}", "year"


def _weekday(weekday: int, pub: date, direction: int, strict: bool) -> str:
    """The nearest such weekday before (or on) publication, or the next one after it.

    «الأحد» in a Sunday article of an occurred contact is that day; «الأحد الماضي» and
    «الأحد المقبل» (`strict`) never are, nor is a planned «الأحد».
    """
    if direction < 0:
        back = (pub.weekday() - weekday) % 7
        return (pub - timedelta(days=back or (7 if strict else 0))).isoformat()
    ahead = (weekday - pub.weekday()) % 7
    return (pub + timedelta(days=ahead or 7)).isoformat()


def _gregorian(
    p: _Parts, pub: date | None, direction: int, current: bool
) -> tuple[str, str] | None:
    month = p.month
    assert month is not None
    year = p.year
    if year is None:
        if pub is None:
            return None
        year = pub.year
        if not current:
            here = (month, p.day or 0)
            now = (pub.month, pub.day if p.day else 0)
            if direction < 0 and (here > now or (here == now and p.modifier)):
                year -= 1
            elif direction > 0 and (here < now or (here == now and p.modifier)):
                year += 1
    if p.day is not None:
        return date(year, month, p.day).isoformat(), "day"
    return f"{year:04d}-{month:02d}", "month"


def _hijri(p: _Parts, pub: date | None, direction: int) -> tuple[str, str] | None:
    from hijridate import Gregorian, Hijri

    assert p.hijri_month is not None and p.day is not None
    if p.year is not None:
        return Hijri(p.year, p.hijri_month, p.day).to_gregorian().isoformat(), "day"
    if pub is None:
        return None
    this_year = Gregorian(pub.year, pub.month, pub.day).to_hijri().year
    candidates = [
        Hijri(y, p.hijri_month, p.day).to_gregorian()
        for y in (this_year - 1, this_year, this_year + 1)
    ]
    if direction < 0:
        found = max(d for d in candidates if d <= pub)
    else:
        found = min(d for d in candidates if d > pub)
    return date(found.year, found.month, found.day).isoformat(), "day"


def _add_months(year: int, month: int, offset: int) -> tuple[int, int]:
    extra, index = divmod(month - 1 + offset, 12)
    return year + extra, index + 1


# --- contacts --------------------------------------------------------------------------------

_GRANULARITY_RANK = ("day", "week", "month", "year")


def contact_date(
    contact: Contact, published: date | None, calendar: Calendar
) -> ContactDate | None:
    """The best-resolved of a contact's date phrases (the finest, then the first)."""
    if not contact.date_text:
        return None
    found = [resolve(text, published, contact.status, calendar) for text in contact.date_text]
    resolved = [d for d in found if d.resolved]
    if not resolved:
        return found[0]
    return min(resolved, key=lambda d: _GRANULARITY_RANK.index(d.granularity or "year"))


def with_dates(
    contacts: Iterable[Contact], article: Article, calendar: Calendar
) -> tuple[Contact, ...]:
    """The contacts of one article with `date` filled in."""
    published = publication_date(article, calendar)
    return tuple(replace(c, date=contact_date(c, published, calendar)) for c in contacts)
