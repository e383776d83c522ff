"""A parse cache on disk: an unchanged text is never parsed twice.

Stanza is by far the slowest stage, and evaluation or a rebuild re-reads the
same articles after every rule change. Parses are stored as the stage's own
frozen records (pickled), keyed by a hash of the text and of the model folder,
so a change of models or of the text invalidates the entry.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

from tawasul.extract.nlp import Sentence

FORMAT = "1"  # bump when the Sentence/Token/Word records change shape


def model_version() -> str:
    """Identify the models in use: the resources folder and its resources.json mtime."""
    root = os.environ.get("STANZA_RESOURCES_DIR", "default")
    marker = Path(root) / "resources.json"
    stamp = str(marker.stat().st_mtime_ns) if marker.exists() else ""
    return f"{root}|{stamp}"


class ParseCache:
    """Pickled sentences per (text, models) under one folder."""

    def __init__(self, folder: str | Path, version: str | None = None):
        self.folder = Path(folder)
        self.version = version or model_version()
        self.hits = 0
        self.misses = 0

    def _path(self, text: str) -> Path:
        key = hashlib.sha256(f"{FORMAT}\x1f{self.version}\x1f{text}".encode()).hexdigest()
        return self.folder / key[:2] / f"{key}.pickle"

    def get(self, text: str) -> list[Sentence] | None:
        path = self._path(text)
        if not path.exists():
            self.misses += 1
            return None
        try:
            sentences = pickle.loads(path.read_bytes())
        except (pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            self.misses += 1  # a damaged or outdated entry is parsed again
            return None
        self.hits += 1
        return sentences

    def put(self, text: str, sentences: list[Sentence]) -> None:
        path = self._path(text)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(pickle.dumps(sentences, protocol=pickle.HIGHEST_PROTOCOL))
        tmp.replace(path)
