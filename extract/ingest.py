"""Read articles from files, folders of `.txt` files and `.jsonl` collections.

A bad file or line never stops the others: `read_articles` yields either an
Article or an IngestError naming the file (and line) and the problem, and the
caller decides what to report.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from tawasul.extract.records import Article


@dataclass(frozen=True)
class IngestError:
    """A file or jsonl line that could not be read as an article."""

    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


def read_articles(paths: Iterable[str | Path]) -> Iterator[Article | IngestError]:
    """Yield the articles found under `paths`, in a stable order, ids unique."""
    seen: set[str] = set()
    for path in map(Path, paths):
        for item in _read_path(path):
            if isinstance(item, Article):
                if item.id in seen:
                    yield IngestError(item.source, f"duplicate article id {item.id!r}")
                    continue
                seen.add(item.id)
            yield item


def _read_path(path: Path) -> Iterator[Article | IngestError]:
    if not path.exists():
        yield IngestError(str(path), "no such file or directory")
    elif path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix in (".txt", ".jsonl"))
        if not files:
            yield IngestError(str(path), "folder holds no .txt or .jsonl files")
        for file in files:
            yield from _read_path(file)
    elif path.suffix == ".jsonl":
        yield from _read_jsonl(path)
    elif path.suffix == ".txt":
        yield _read_txt(path)
    else:
        yield IngestError(str(path), "unsupported file type (expected .txt, .jsonl or a folder)")


def _decode(path: Path) -> str | IngestError:
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return IngestError(str(path), f"not UTF-8 text ({exc.reason} at byte {exc.start})")
    except OSError as exc:
        return IngestError(str(path), f"cannot be read ({exc.strerror})")


def _read_txt(path: Path) -> Article | IngestError:
    text = _decode(path)
    if isinstance(text, IngestError):
        return text
    if not text.strip():
        return IngestError(str(path), "empty article")
    return Article(id=path.stem, text=text, source=path.name)


def _read_jsonl(path: Path) -> Iterator[Article | IngestError]:
    content = _decode(path)
    if isinstance(content, IngestError):
        yield content
        return
    for number, line in enumerate(content.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield IngestError(where, f"invalid JSON ({exc.msg})")
            continue
        if not isinstance(obj, dict):
            yield IngestError(where, "expected a JSON object with 'id' and 'text'")
            continue
        missing = [key for key in ("id", "text") if key not in obj]
        if missing:
            yield IngestError(where, f"missing field(s): {', '.join(missing)}")
            continue
        if not isinstance(obj["text"], str) or not obj["text"].strip():
            yield IngestError(where, "'text' must be a non-empty string")
            continue
        yield Article(
            id=str(obj["id"]),
            text=obj["text"],
            source=str(obj.get("source") or path.name),
            url=obj.get("url"),
            published=obj.get("published"),
        )
