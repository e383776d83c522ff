"""Read articles from `.txt`, `.html` and `.jsonl` files and folders of them.

A bad file, line or field never stops the others: `read_corpus` returns every
Article it could read, an IngestError for each input it could not (naming the
file, the line and the problem), and an IngestWarning for each input it read with
a repair (another encoding, a dropped URL, a date it could not read). Texts that
are the same once normalised are one article with several sources.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from tawasul.extract.arabic import norm
from tawasul.extract.encoding import Decoded, NotText, clean_text, decode_bytes, has_arabic, shown
from tawasul.extract.fields import clean_date, clean_name, clean_url
from tawasul.extract.html import looks_like_html, read_page
from tawasul.extract.records import Article

#: Longest article read by default; Stanza's time and memory grow with the text.
MAX_CHARS = 200_000
TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl",)
SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES
#: The file in every folder a build wrote: such a folder is output, never input.
OUTPUT_MARKER = ".tawasul-output"


@dataclass(frozen=True)
class _Notice:
    """What the reader says about one input, printed as «source: message»."""

    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


@dataclass(frozen=True)
class IngestError(_Notice):
    """A file or jsonl line that could not be read as an article."""


@dataclass(frozen=True)
class IngestWarning(_Notice):
    """An input that was read, but not as it stood (encoding, dropped field, HTML)."""


@dataclass(frozen=True)
class _Read:
    """An article with the place it was read from (a path, or path:line)."""

    where: str
    article: Article


@dataclass(frozen=True)
class Corpus:
    """Everything read from the inputs, in a stable order.

    `items` holds the articles and the errors in input order (what extraction
    consumes); `duplicates` maps each kept article id to the sources of the copies
    merged into it.
    """

    items: tuple[Article | IngestError, ...]
    warnings: tuple[IngestWarning, ...] = ()

    @property
    def articles(self) -> list[Article]:
        return [i for i in self.items if isinstance(i, Article)]

    @property
    def errors(self) -> list[IngestError]:
        return [i for i in self.items if isinstance(i, IngestError)]

    @property
    def duplicates(self) -> dict[str, tuple[str, ...]]:
        return {a.id: a.duplicates for a in self.articles if a.duplicates}


def read_articles(
    paths: Iterable[str | Path], max_chars: int = MAX_CHARS
) -> Iterator[Article | IngestError]:
    """Yield the articles found under `paths`, in a stable order, ids unique."""
    yield from read_corpus(paths, max_chars).items


def read_corpus(paths: Iterable[str | Path], max_chars: int = MAX_CHARS) -> Corpus:
    """Read every input; duplicates of one text become one article with several sources."""
    warnings: list[IngestWarning] = []
    raw: list[_Read | IngestError] = []
    for path in map(Path, paths):
        for item in _read_path(path, max_chars, explicit=True):
            if isinstance(item, IngestWarning):
                warnings.append(item)
            else:
                raw.append(item)
    return Corpus(tuple(_merge_copies(raw)), tuple(warnings))


def text_key(text: str) -> str:
    """Hash of the normalised text: copies differing in spelling variants or spacing agree."""
    return hashlib.sha256(norm(text).encode("utf-8")).hexdigest()


def _merge_copies(items: list[_Read | IngestError]) -> list[Article | IngestError]:
    first: dict[str, int] = {}
    copies: dict[int, list[str]] = {}
    ids: set[str] = set()
    out: list[Article | IngestError] = []
    for item in items:
        if isinstance(item, IngestError):
            out.append(item)
            continue
        article = item.article
        key = text_key(article.text)
        if key in first:
            copies.setdefault(first[key], []).append(item.where)
            continue
        if article.id in ids:
            out.append(IngestError(item.where, f"duplicate article id {shown(article.id)!r}"))
            continue
        ids.add(article.id)
        first[key] = len(out)
        out.append(article)
    for index, sources in copies.items():
        article = out[index]
        assert isinstance(article, Article)
        out[index] = replace(article, duplicates=tuple(sources))
    return out


def _read_path(
    path: Path, max_chars: int, explicit: bool
) -> Iterator[_Read | IngestError | IngestWarning]:
    where = shown(str(path), limit=300)
    if not path.exists():
        yield IngestError(where, "no such file or directory")
    elif path.is_dir():
        files = list(_folder_files(path))
        if not any(f.suffix.lower() in SUFFIXES for f in files):
            yield IngestError(where, "folder holds no .txt, .html or .jsonl files")
            return
        for file in files:
            if file.suffix.lower() in SUFFIXES:
                yield from _read_path(file, max_chars, explicit=False)
            else:
                yield IngestWarning(
                    shown(str(file), 300), "skipped: not a .txt, .html or .jsonl file"
                )
    else:
        suffix = path.suffix.lower()
        if suffix in JSONL_SUFFIXES:
            yield from _read_jsonl(path, max_chars)
        elif suffix in TEXT_SUFFIXES + HTML_SUFFIXES:
            yield from _read_document(path, max_chars, html=suffix in HTML_SUFFIXES)
        elif explicit:
            yield IngestError(
                where, "unsupported file type (expected .txt, .html, .jsonl or a folder)"
            )


def _folder_files(folder: Path) -> Iterator[Path]:
    """Every non-hidden file under `folder`, sub-folders included (not a build's output)."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".") and not (Path(root) / d / OUTPUT_MARKER).exists()
        )
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def _read_bytes(path: Path, max_chars: int) -> Decoded | IngestError:
    where = shown(str(path), limit=300)
    try:
        size = path.stat().st_size
        if size > 4 * max_chars:  # no encoding Tawasul reads spends more than 4 bytes a character
            shown_size = f"{size / 1e6:.1f} MB" if size >= 1e6 else f"{size:,} bytes"
            return IngestError(where, _too_long(shown_size, max_chars))
        data = path.read_bytes()
    except OSError as exc:
        return IngestError(where, f"cannot be read ({exc.strerror})")
    try:
        return decode_bytes(data)
    except NotText as exc:
        return IngestError(where, str(exc))


def _too_long(size: str, max_chars: int) -> str:
    return (
        f"article too long ({size}; the limit is {max_chars:,} characters): "
        "split it, or raise the limit with --max-chars"
    )


def _encoding_notes(where: str, decoded: Decoded) -> Iterator[IngestWarning]:
    if decoded.encoding not in ("utf_8", "utf_8_sig"):
        yield IngestWarning(where, f"read as {decoded.encoding_name}")
    if decoded.repaired:
        yield IngestWarning(where, "repaired mojibake (UTF-8 text that had been read as Latin)")


def _read_document(
    path: Path, max_chars: int, html: bool
) -> Iterator[_Read | IngestError | IngestWarning]:
    where = shown(str(path), limit=300)
    decoded = _read_bytes(path, max_chars)
    if isinstance(decoded, IngestError):
        yield decoded
        return
    yield from _encoding_notes(where, decoded)
    text, url, published = decoded.text, None, None
    if html or looks_like_html(text):
        if not html:
            yield IngestWarning(where, "HTML saved as .txt: read as a web page")
        page = read_page(text)
        text = page.text
        if not text:
            yield IngestError(where, "web page holds no article text")
            return
        url, note = clean_url(page.url)
        if note:
            yield IngestWarning(where, note)
        published, note = clean_date(page.date)
        if note:
            yield IngestWarning(where, note)
    yield _article(where, path.stem, text, path.name, url, published, max_chars)


def _article(
    where: str,
    article_id: str,
    text: str,
    source: str,
    url: str | None,
    published: str | None,
    max_chars: int,
) -> _Read | IngestError:
    """The article, or the one reason it cannot be read (empty, too long, not Arabic)."""
    if not text.strip():
        return IngestError(where, "empty article")
    if len(text) > max_chars:
        return IngestError(where, _too_long(f"{len(text):,} characters", max_chars))
    if not has_arabic(text):
        return IngestError(where, "no Arabic text (Tawasul reads Arabic news)")
    name, _ = clean_name(article_id, "id")
    article = Article(id=name or "article", text=text, source=source, url=url, published=published)
    return _Read(where, article)


def _read_jsonl(path: Path, max_chars: int) -> Iterator[_Read | IngestError | IngestWarning]:
    where = shown(str(path), limit=300)
    try:
        data = path.read_bytes()
        decoded = decode_bytes(data)
    except OSError as exc:
        yield IngestError(where, f"cannot be read ({exc.strerror})")
        return
    except NotText as exc:
        yield IngestError(where, str(exc))
        return
    yield from _encoding_notes(where, decoded)
    # Only "\n" ends a JSONL line: U+2028, U+0085 and a lone "\r" are legal inside strings.
    lines = data.decode(decoded.encoding, errors="replace").split("\n")
    if lines and lines[0].startswith("\ufeff"):
        lines[0] = lines[0][1:]
    for number, line in enumerate(lines, start=1):
        if line.strip():
            yield from _jsonl_record(path, f"{where}:{number}", line, number, max_chars)


def _jsonl_record(
    path: Path, where: str, line: str, number: int, max_chars: int
) -> Iterator[_Read | IngestError | IngestWarning]:
    try:
        obj = json.loads(line, strict=False)  # raw tabs or CRs inside strings are common
    except json.JSONDecodeError as exc:
        yield IngestError(where, f"invalid JSON ({exc.msg})")
        return
    except RecursionError:
        yield IngestError(where, "invalid JSON (nested too deeply)")
        return
    if not isinstance(obj, dict):
        yield IngestError(where, "expected a JSON object with 'id' and 'text'")
        return
    text = obj.get("text")
    if text is None and obj.get("html") is None:
        yield IngestError(where, "missing field(s): text")
        return
    url, published = obj.get("url"), obj.get("published")
    if text is not None:
        if not isinstance(text, str):
            yield IngestError(where, f"text: expected a string, got {_kind_of(text)}")
            return
        text, repaired = clean_text(text)
        if repaired:
            yield IngestWarning(where, "repaired mojibake (UTF-8 text that had been read as Latin)")
    if not (text or "").strip() and isinstance(obj.get("html"), str):
        page = read_page(obj["html"])
        text = page.text
        if not text:
            yield IngestError(where, "html: the page holds no article text")
            return
        url, published = url or page.url, published or page.date
    elif text and looks_like_html(text):
        page = read_page(text)
        if page.text:
            yield IngestWarning(where, "text holds HTML: read as a web page")
            text = page.text
    article_id, note = clean_name(obj.get("id"), "id")
    if note:
        yield IngestWarning(where, note)
    if article_id is None:
        article_id = f"{path.stem}-{number}"
        yield IngestWarning(where, f"no id: named {article_id!r}")
    source, note = clean_name(obj.get("source"), "source")
    if note:
        yield IngestWarning(where, note)
    url, note = clean_url(url)
    if note:
        yield IngestWarning(where, note)
    published, note = clean_date(published)
    if note:
        yield IngestWarning(where, note)
    yield _article(where, article_id, text or "", source or path.name, url, published, max_chars)


def _kind_of(value: object) -> str:
    return {dict: "an object", list: "a list", bool: "true/false"}.get(type(value), "a number")
