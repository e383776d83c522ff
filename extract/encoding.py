"""Bytes → clean text: charset detection, mojibake repair and control-character hygiene.

Arabic archives and Windows tools write Windows-1256, ISO-8859-6 and UTF-16 as often
as UTF-8, so a file is decoded by its BOM, then as strict UTF-8, then by
`charset-normalizer` restricted to the encodings Arabic news actually comes in.
Whatever the bytes, the text handed on is valid Unicode without control characters,
so no later stage (Stanza, the serialisers, a terminal) can be upset by it.
"""

from __future__ import annotations

import codecs
import html
import re
import unicodedata
from dataclasses import dataclass

#: The candidates `charset-normalizer` may choose between when a file is not UTF-8.
CANDIDATES = ("utf_8", "cp1256", "iso8859_6", "utf_16_le", "utf_16_be", "cp1252", "latin_1")

_BOMS = (
    (codecs.BOM_UTF8, "utf_8_sig"),
    (codecs.BOM_UTF32_LE, "utf_32_le"),
    (codecs.BOM_UTF32_BE, "utf_32_be"),
    (codecs.BOM_UTF16_LE, "utf_16_le"),
    (codecs.BOM_UTF16_BE, "utf_16_be"),
)
_NAMES = {
    "utf_8": "UTF-8",
    "utf_8_sig": "UTF-8 with BOM",
    "utf_16_le": "UTF-16 LE",
    "utf_16_be": "UTF-16 BE",
    "utf_32_le": "UTF-32 LE",
    "utf_32_be": "UTF-32 BE",
    "cp1256": "Windows-1256",
    "iso8859_6": "ISO-8859-6",
    "cp1252": "Windows-1252",
    "latin_1": "ISO-8859-1",
}

# C0/C1 controls (tab and newline stay), DEL, and the Unicode line/paragraph separators.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]")
_LINE_BREAKS = re.compile("\r\n|[\r\x85\u2028\u2029]")
#: HTML entities a scraper left in the text, often without their «&» («ساركوزي quot;تحادث»):
#: they would glue a quote mark onto the next word and hide it from the lexicons.
_ENTITIES = re.compile(
    r"(?:&|(?<![&A-Za-z]))(quot|amp|apos|nbsp|lt|gt|laquo|raquo|hellip|ndash|mdash);"
)
_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])")
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")


class NotText(ValueError):
    """The bytes are not text in any encoding Tawasul reads (binary, or broken UTF-16)."""


@dataclass(frozen=True)
class Decoded:
    """Text decoded from a file, with the encoding used and whether mojibake was repaired."""

    text: str
    encoding: str
    repaired: bool = False

    @property
    def encoding_name(self) -> str:
        return _NAMES.get(self.encoding, self.encoding)


def decode_bytes(data: bytes) -> Decoded:
    """Decode a file's bytes, or raise NotText saying why they are not text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _finish(data.decode(encoding), encoding)
            except UnicodeDecodeError as exc:
                name = _NAMES[encoding]
                raise NotText(f"starts with a {name} BOM but is not {name} ({exc.reason})") from exc
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if "\x00" not in text:
            return _finish(text, "utf_8")
    if b"\x00" in data and not _utf16_shaped(data):
        raise NotText("binary data, not text (NUL bytes)")
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(CANDIDATES)).best()
    if best is None:
        raise NotText("binary data, not text in UTF-8, UTF-16, Windows-1256 or ISO-8859-6")
    return _finish(str(best), best.encoding)


def _utf16_shaped(data: bytes) -> bool:
    """BOM-less UTF-16: NULs sit on one byte parity (ASCII, or Arabic's 0x06 high byte)."""
    even, odd = data[0::2], data[1::2]
    return min(even.count(0), odd.count(0)) == 0 and len(data) % 2 == 0


def _finish(text: str, encoding: str) -> Decoded:
    cleaned, repaired = clean_text(text)
    # Mojibake read as Latin-1 is full of C1 controls: judge the text after its repair.
    controls = len(_CONTROLS.findall(_fixed(text) if repaired else text))
    if text and controls > max(8, len(text) // 100):
        raise NotText(f"binary data, not text ({controls} control characters)")
    return Decoded(cleaned, encoding, repaired)


def clean_text(text: str) -> tuple[str, bool]:
    """Valid, printable Unicode; True when mojibake (UTF-8 read as Latin) was repaired.

    Lone surrogates (legal in JSON strings) become U+FFFD, terminal escapes and other
    control characters are dropped, and every line break becomes ``\\n`` so offsets,
    line counts and serialisers all agree.
    """
    text = _without_surrogates(text)
    text = _ANSI.sub("", text)
    fixed = _fixed(text)
    repaired = fixed is not text
    text = fixed
    text = _LINE_BREAKS.sub("\n", text)
    text = _CONTROLS.sub("", text)
    text = text.replace("\ufeff", "")
    text = _ENTITIES.sub(lambda m: html.unescape(f"&{m.group(1)};"), text)
    return unicodedata.normalize("NFC", text), repaired


def _fixed(text: str) -> str:
    """The text with its mojibake repaired by ftfy, or the same object when there is none."""
    if not _looks_like_mojibake(text):
        return text
    import ftfy

    fixed = ftfy.fix_encoding(text)
    if fixed != text and len(_ARABIC.findall(fixed)) > len(_ARABIC.findall(text)):
        return fixed
    return text


def _without_surrogates(text: str) -> str:
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def _looks_like_mojibake(text: str) -> bool:
    """UTF-8 Arabic read as Windows-1252/Latin-1 shows as runs of Ø/Ù/Ú/Û + a Latin letter."""
    return len(re.findall("[ØÙÚÛ][\x80-\xbf\u0152-\u2122]", text[:20000])) >= 3


def has_arabic(text: str) -> bool:
    """True when the text holds Arabic letters (Tawasul reads Arabic news only)."""
    return _ARABIC.search(text) is not None


def shown(text: str, limit: int = 80) -> str:
    """A name or value fit for one line of a message: controls escaped, length capped."""
    out = "".join(
        ch
        if ch.isprintable() and ch not in "\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
        else f"\\u{ord(ch):04x}"
        if ord(ch) > 0xFF
        else f"\\x{ord(ch):02x}"
        for ch in _without_surrogates(text)
    )
    return out if len(out) <= limit else out[: limit - 1] + "…"
