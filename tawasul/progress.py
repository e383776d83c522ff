"""The build's progress: a bar (articles done, words/s, ETA) on a terminal, lines elsewhere.

A long build on a terminal shows one `tqdm` bar on stderr; piped or logged, the
bar stays silent and only the per-article lines (and errors) are printed, so a
log reads the same as before.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from tqdm import tqdm

from tawasul.extract.records import ArticleResult


def count_inputs(paths: Iterable[Path]) -> int | None:
    """A cheap estimate of the articles to come (files, jsonl lines), for the ETA."""
    total = 0
    for path in paths:
        if path.is_dir():
            total += sum(1 for p in path.rglob("*.txt")) + sum(
                _lines(p) for p in path.rglob("*.jsonl")
            )
        elif path.suffix == ".jsonl" and path.is_file():
            total += _lines(path)
        elif path.is_file():
            total += 1
    return total or None


def _lines(path: Path) -> int:
    try:
        with path.open("rb") as handle:
            return sum(1 for line in handle if line.strip())
    except OSError:
        return 0


class Progress:
    """Called once per finished article; a bar on a TTY, plain lines otherwise."""

    def __init__(self, total: int | None, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self.words = 0
        self.started = time.perf_counter()
        self.bar = (
            tqdm(total=total, unit="art", file=self.stream, dynamic_ncols=True)
            if self.tty
            else None
        )

    def __call__(self, result: ArticleResult) -> None:
        if result.error:
            self._line(f"error  {result.error}")
        elif self.bar is None:
            self._line(f"{len(result.contacts):4d} contacts  {result.article.source}")
        if self.bar is not None:
            self.words += len(result.article.text.split())
            elapsed = max(time.perf_counter() - self.started, 1e-9)
            self.bar.set_postfix_str(f"{self.words / elapsed:,.0f} words/s", refresh=False)
            self.bar.update(1)

    def _line(self, text: str) -> None:
        if self.bar is not None:
            self.bar.write(text, file=self.stream)
        else:
            print(text, file=self.stream)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
