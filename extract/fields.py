"""Checks and coercions for the fields of one input record (a JSONL line, a page's metadata).

A field of the wrong type must cost that field, not the article and never the
build: each function returns the cleaned value (or None) and a warning to report.
URLs in particular are normalised to valid IRIs here, so nothing raw ever reaches
the RDF serialisers.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, date, datetime
from urllib.parse import urlsplit, urlunsplit

from tawasul.extract.encoding import clean_text, shown

#: Characters RFC 3987 does not allow anywhere in an IRI, percent-encoded when found.
_NOT_IN_IRI = re.compile(
    '[\x00-\x20"<>\\\\^`{|}\x7f-\x9f\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f-\u206f'
    "\u3000\ufeff\ufff0-\uffff]|%(?![0-9A-Fa-f]{2})"
)
_SCHEMES = ("http", "https")
_ISO = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
)
_NUMERIC = re.compile(r"(\d{1,4})[./-](\d{1,2})[./-](\d{1,4})")
#: Levantine and Maghrebi month names, as the Egyptian names dateparser knows.
_MONTHS = {
    "كانون الثاني": "يناير",
    "شباط": "فبراير",
    "آذار": "مارس",
    "نيسان": "أبريل",
    "أيار": "مايو",
    "حزيران": "يونيو",
    "تموز": "يوليو",
    "آب": "أغسطس",
    "أيلول": "سبتمبر",
    "تشرين الأول": "أكتوبر",
    "تشرين الثاني": "نوفمبر",
    "كانون الأول": "ديسمبر",
    "ماي": "مايو",
    "يوليوز": "يوليو",
    "غشت": "أغسطس",
    "شتنبر": "سبتمبر",
    "نونبر": "نوفمبر",
    "دجنبر": "ديسمبر",
}
_MONTH_NAME = re.compile(
    r"(?<!\w)(?:" + "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True)) + r")(?!\w)"
)
_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def clean_url(value: object) -> tuple[str | None, str | None]:
    """An http(s) URL as a valid IRI (spaces, quotes, brackets percent-encoded), else None.

    Returns (url, warning); `javascript:`, `data:` and other schemes are dropped, since a
    URL ends up as a link on the page.
    """
    if value is None or value == "":
        return None, None
    if not isinstance(value, str):
        return None, f"url: expected a string, got {_kind(value)}; dropped"
    text = unicodedata.normalize("NFC", clean_text(value)[0].strip())
    try:
        parts = urlsplit(text)
    except ValueError as exc:
        return None, f"url {shown(text)!s}: {exc}; dropped"
    scheme = parts.scheme.lower()
    if scheme not in _SCHEMES or not parts.netloc:
        return None, f"url {shown(text)}: not an http(s) address; dropped"
    host = parts.netloc.lower() if parts.netloc.isascii() else parts.netloc
    rebuilt = urlunsplit(
        (
            scheme,
            _encode(host),
            _encode(parts.path, "[]"),
            _encode(parts.query, "[]"),
            _encode(parts.fragment, "[]#"),
        )
    )
    return rebuilt, None


def _encode(part: str, also: str = "") -> str:
    """Percent-encode what an IRI may not hold (and `also`: brackets outside the host)."""
    part = "".join(_percent(ch) if ch in also else ch for ch in part)
    return "".join(
        _percent(ch) if ord(ch) > 0x7F and not _ucschar(ord(ch)) else ch
        for ch in _NOT_IN_IRI.sub(lambda m: _percent(m.group()), part)
    )


def _percent(text: str) -> str:
    return "".join(f"%{b:02X}" for b in text.encode("utf-8", "surrogatepass"))


def _ucschar(code: int) -> bool:
    """RFC 3987 ucschar: no private use, no noncharacters (U+FFFE, U+2FFFE …)."""
    if code < 0x10000:
        return 0xA0 <= code <= 0xD7FF or 0xF900 <= code <= 0xFDCF or 0xFDF0 <= code <= 0xFFEF
    return code < 0xF0000 and (code & 0xFFFF) <= 0xFFFD and not 0xE0000 <= code < 0xE1000


def clean_date(value: object) -> tuple[str | None, str | None]:
    """A publication date as ISO (``2024-05-03`` or a datetime), else None and a warning.

    Accepts ISO dates and datetimes, ``3/5/2024``-style numeric dates (day first, as
    Arabic sources write them), Unix times, and written dates in Arabic, English and
    French («٣ أيار ٢٠٢٤», «May 3, 2024»).
    """
    if value is None or value == "":
        return None, None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None, f"published: expected a date, got {_kind(value)}; kept without a date"
    if isinstance(value, int | float):
        return _from_number(value)
    text = clean_text(value)[0].strip().translate(_ARABIC_DIGITS)
    if _ISO.fullmatch(text):
        try:
            parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            return None, f"published {shown(text)}: no such date; kept without a date"
        return (text[:10] if len(text) == 10 else parsed.isoformat()), None
    numeric = _NUMERIC.fullmatch(text)
    if numeric:
        return _from_parts(text, *map(int, numeric.groups()))
    written = _written_date(text)
    if written:
        return written, None
    return None, f"published {shown(text)}: not a date; kept without a date"


def _from_number(value: float) -> tuple[str | None, str | None]:
    if 1900 <= value <= 2100 and float(value).is_integer():
        return f"{int(value):04d}", None
    if 19000101 <= value <= 21001231 and float(value).is_integer():  # 20240503
        digits = f"{int(value)}"
        day, _ = _from_parts(digits, int(digits[:4]), int(digits[4:6]), int(digits[6:]))
        if day:
            return day, None
    seconds = value / 1000 if value > 1e11 else value
    if 1e8 <= seconds <= 4e9:
        day = datetime.fromtimestamp(seconds, tz=UTC).date().isoformat()
        return day, f"published {value}: read as a Unix time ({day})"
    return None, f"published {value}: a number that is no date; kept without a date"


def _from_parts(text: str, a: int, b: int, c: int) -> tuple[str | None, str | None]:
    year, month, day = (a, b, c) if a > 31 else (c, b, a)
    if year < 100:
        year += 2000 if year < 70 else 1900
    try:
        return date(year, month, day).isoformat(), None
    except ValueError:
        return None, f"published {shown(text)}: no such date; kept without a date"


def _written_date(text: str) -> str | None:
    """«3 May 2024», «٣ أيار ٢٠٢٤»: absolute dates only (never «yesterday» against today)."""
    if not re.search(r"\d{4}", text):
        return None
    import dateparser

    text = _MONTH_NAME.sub(lambda m: _MONTHS[m.group()], text)
    parsed = dateparser.parse(
        text,
        languages=["ar", "en", "fr"],
        settings={"PARSERS": ["custom-formats", "absolute-time"], "STRICT_PARSING": True},
    )
    return parsed.date().isoformat() if parsed else None


def clean_name(value: object, field: str) -> tuple[str | None, str | None]:
    """An id or source name: strings and integers, control characters removed."""
    if value is None:
        return None, None
    if isinstance(value, bool) or not isinstance(value, str | int):
        return None, f"{field}: expected a string, got {_kind(value)}"
    text = " ".join(clean_text(str(value))[0].split())
    return (text or None), None


def _kind(value: object) -> str:
    return {
        dict: "an object",
        list: "a list",
        bool: "true/false",
        int: "a number",
        float: "a number",
        str: "a string",
    }.get(type(value), type(value).__name__)
