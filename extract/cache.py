"""A cache on disk: an unchanged article is never parsed, nor extracted, twice.

Stanza is by far the slowest stage, and evaluation or a rebuild re-reads the
same articles after every rule change. Two kinds of entry live under one folder:

- a **parse** (the stage's own frozen `Sentence` records, pickled), keyed by a hash
  of the text, of the model files and of Tawasul's segmentation version, so a
  change of models, of the text or of the segmenter invalidates it;
- a **result** (the `ArticleResult`), keyed by the parse key plus the article's
  metadata and a hash of the extraction code and data, so a rule change re-runs
  extraction over the cached parse but an unchanged corpus and rule set is read
  back as it is, without loading Stanza at all.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path
from typing import Any

from tawasul.extract.nlp import SEGMENTATION_VERSION, Sentence, resources_dir
from tawasul.extract.paths import DATA_DIR
from tawasul.extract.records import Article, ArticleResult

FORMAT = "2"  # bump when the Sentence/Token/Word or result records change shape
EXTRACT_DIR = Path(__file__).resolve().parent


def model_version(directory: Path | None = None) -> str:
    """Identify the models in use: every file under the Arabic model folder, by size and mtime."""
    root = Path(directory) if directory is not None else resources_dir()
    digest = hashlib.sha256(str(root.resolve()).encode())
    files = sorted(p for p in (root / "ar").rglob("*") if p.is_file()) if root.is_dir() else []
    for path in [root / "resources.json", *files]:
        if path.is_file():
            stat = path.stat()
            digest.update(f"{path.relative_to(root)}|{stat.st_size}|{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


def rules_version() -> str:
    """Identify the extraction rules: the code of `extract/` and the lexicon and gazetteer data."""
    digest = hashlib.sha256()
    files = sorted(EXTRACT_DIR.glob("*.py"))
    for folder in ("lexicon", "gazetteer"):
        files += sorted((DATA_DIR / folder).glob("*.tsv"))
    for path in files:
        digest.update(path.name.encode() + b"\x1f" + path.read_bytes() + b"\x1e")
    return digest.hexdigest()[:16]


class ParseCache:
    """Pickled parses and results per (text, models, segmenter[, article, rules]) under one folder.

    `version` and `rules` default to the models and rules in use; pass them to pin
    a cache (a test, or an extractor whose gazetteer is not the bundled one).
    """

    def __init__(
        self, folder: str | Path, version: str | None = None, rules: str | None = None
    ) -> None:
        self.folder = Path(folder)
        self.version = version or model_version()
        self.rules = rules or rules_version()
        self.hits = 0
        self.misses = 0

    def _key(self, text: str) -> str:
        material = f"{FORMAT}\x1f{SEGMENTATION_VERSION}\x1f{self.version}\x1f{text}"
        return hashlib.sha256(material.encode()).hexdigest()

    def _path(self, kind: str, key: str) -> Path:
        return self.folder / kind / key[:2] / f"{key}.pickle"

    def _result_key(self, article: Article) -> str:
        meta = "\x1f".join(
            str(v) for v in (article.id, article.source, article.url, article.published)
        )
        material = f"{self._key(article.text)}\x1f{self.rules}\x1f{meta}"
        return hashlib.sha256(material.encode()).hexdigest()

    def get(self, text: str) -> list[Sentence] | None:
        """The cached parse of `text`, or None (counted as a miss)."""
        found = _load(self._path("parses", self._key(text)))
        if found is None:
            self.misses += 1
        else:
            self.hits += 1
        return found

    def put(self, text: str, sentences: list[Sentence]) -> None:
        _store(self._path("parses", self._key(text)), sentences)

    def get_result(self, article: Article) -> ArticleResult | None:
        """The cached extraction of `article` under the current rules, or None."""
        found = _load(self._path("results", self._result_key(article)))
        return found if isinstance(found, ArticleResult) else None

    def put_result(self, result: ArticleResult) -> None:
        """Store a successful result; a failed article is tried again next time."""
        if result.error is None:
            _store(self._path("results", self._result_key(result.article)), result)


def _load(path: Path) -> Any:
    try:
        return pickle.loads(path.read_bytes())
    except FileNotFoundError:
        return None
    except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, IndexError):
        return None  # a damaged or outdated entry is computed again


def _store(path: Path, value: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")  # concurrent writers never share a temp file
    tmp.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    tmp.replace(path)


def default_folder(out: str | Path) -> Path:
    """The cache of an output folder: beside it (`.OUT.cache`), since a build swaps `out` whole."""
    out = Path(out).absolute()
    return out.parent / f".{out.name}.cache"
