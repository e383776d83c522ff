"""Stanza: build the Arabic pipeline once, and turn its output into plain records.

The rest of `extract/` never sees Stanza objects: it reads `Sentence`, `Token`,
`Word` and `Entity` below, so the rules run the same on the official models and
on the weaker ones trained offline.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from tawasul.extract.arabic import norm

PROCESSORS = "tokenize,mwt,pos,lemma,depparse,ner"
# Bump when `segments()` or `_convert()` change what a parse looks like: the parse
# cache keys on it, so old entries are parsed again instead of being misread.
SEGMENTATION_VERSION = "1"
# NER tag sets differ between models (ANERcorp/AQMAR: PER, ORG; OntoNotes-style:
# PERSON, ORGANIZATION); the rules read the short names.
ENTITY_TYPES = {
    "PERSON": "PER",
    "ORGANIZATION": "ORG",
    "GPE": "LOC",
    "LOCATION": "LOC",
    "MIS": "MISC",
}


class ModelsUnavailable(RuntimeError):
    """Stanza's Arabic models are neither installed nor downloadable."""


@dataclass(frozen=True)
class Word:
    """A syntactic word (after multi-word-token split); `head` is -1 for the root."""

    index: int
    text: str
    lemma: str
    upos: str
    head: int
    deprel: str
    token: int


@dataclass(frozen=True)
class Token:
    """A surface token with article offsets; names split by MWT stay whole here."""

    index: int
    text: str
    start: int
    end: int
    words: tuple[int, ...]
    ner: str


@dataclass(frozen=True)
class Entity:
    """A NER span as token indices [start, end)."""

    type: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Sentence:
    """One sentence of an article with its article offsets."""

    text: str
    start: int
    end: int
    tokens: tuple[Token, ...]
    words: tuple[Word, ...]
    entities: tuple[Entity, ...]

    def children(self, index: int) -> list[Word]:
        return [w for w in self.words if w.head == index]


def resources_dir() -> Path:
    """Where models are looked for: STANZA_RESOURCES_DIR, else Stanza's default."""
    env = os.environ.get("STANZA_RESOURCES_DIR")
    if env:
        return Path(env).expanduser()
    from stanza.resources.common import DEFAULT_MODEL_DIR

    return Path(DEFAULT_MODEL_DIR)


def load_pipeline(directory: Path | None = None) -> Any:
    """Create the one Stanza pipeline a run uses.

    With STANZA_RESOURCES_DIR set (or `directory` given) the models must be there
    and nothing is downloaded; otherwise Stanza's default directory is used and
    the official Arabic models are downloaded when missing.
    """
    import stanza

    explicit = directory is not None or "STANZA_RESOURCES_DIR" in os.environ
    where = Path(directory) if directory is not None else resources_dir()
    try:
        return stanza.Pipeline(
            "ar",
            dir=str(where),
            processors=PROCESSORS,
            download_method=None if explicit else "reuse_resources",
            use_gpu=False,
            logging_level="WARN",
        )
    except Exception as exc:  # Stanza raises many types for missing files/network
        hint = (
            "point STANZA_RESOURCES_DIR at a folder holding Stanza's Arabic models "
            "(e.g. ../shared/stanza_resources)"
            if explicit
            else "connect to the internet once so Stanza can download the official Arabic "
            "models, or set STANZA_RESOURCES_DIR to a folder that holds them"
        )
        raise ModelsUnavailable(
            f"cannot load Stanza Arabic models from {where}: {exc}. To fix: {hint}."
        ) from exc


class LazyPipeline:
    """The one Stanza pipeline of a run, created on first use.

    A rebuild whose every article is in the parse cache never pays the seconds
    (and the memory) of loading the models; `loaded` says whether it happened.
    """

    def __init__(self, directory: Path | None = None):
        self._directory = directory
        self._pipeline: Any = None

    @property
    def loaded(self) -> bool:
        return self._pipeline is not None

    def get(self) -> Any:
        if self._pipeline is None:
            self._pipeline = load_pipeline(self._directory)
        return self._pipeline

    def bulk_process(self, docs: list[Any]) -> list[Any]:
        return self.get().bulk_process(docs)

    def __call__(self, doc: Any) -> Any:
        return self.get()(doc)


# Sentence ends Stanza's splitter misses on long news paragraphs: a full stop, a
# question/exclamation mark, or a comma set off by spaces on both sides (a common
# sentence separator in Arabic web copy), plus every line break.
_SEGMENT_END = re.compile(r"(?<=[.!?؟])\s+|\s+[,،]\s+|\n+|\s*•\s*")


def segments(text: str) -> list[tuple[int, str]]:
    """Split text into (offset, chunk) pieces small enough to parse well."""
    out = []
    pos = 0
    for match in _SEGMENT_END.finditer(text):
        _add_segment(out, text, pos, match.start())
        pos = match.end()
    _add_segment(out, text, pos, len(text))
    return out


def _add_segment(out: list[tuple[int, str]], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if any(ch.isalpha() for ch in stripped):
        out.append((start + chunk.index(stripped[0]), stripped))


def parse(pipeline: Any, text: str) -> list[Sentence]:
    """Parse an article into sentences whose offsets point into `text`."""
    return parse_many(pipeline, [text])[0]


def parse_many(pipeline: Any, texts: Sequence[str]) -> list[list[Sentence]]:
    """Parse several articles in one `bulk_process` call; offsets point into each text.

    Every article is cut into segments, all segments go to Stanza together sorted
    by length (so its internal batches pad little), and the sentences come back
    per article in text order.
    """
    import stanza

    pieces = [(n, at, chunk) for n, text in enumerate(texts) for at, chunk in segments(text)]
    out: list[list[Sentence]] = [[] for _ in texts]
    if not pieces:
        return out
    order = sorted(range(len(pieces)), key=lambda i: len(pieces[i][2]))
    docs = pipeline.bulk_process([stanza.Document([], text=pieces[i][2]) for i in order])
    parsed: list[Any] = [None] * len(pieces)
    for i, doc in zip(order, docs, strict=True):
        parsed[i] = doc
    for (n, offset, _), doc in zip(pieces, parsed, strict=True):
        out[n].extend(_convert(sent, offset, texts[n]) for sent in doc.sentences)
    return out


def _convert(sent: Any, offset: int, text: str) -> Sentence:
    tokens: list[Token] = []
    words: list[Word] = []
    for t_index, tok in enumerate(sent.tokens):
        ids = []
        for w in tok.words:
            ids.append(len(words))
            words.append(
                Word(
                    index=len(words),
                    text=w.text,
                    lemma=norm(w.lemma or w.text),
                    upos=w.upos or "X",
                    head=(w.head or 0) - 1,
                    deprel=w.deprel or "dep",
                    token=t_index,
                )
            )
        tokens.append(
            Token(
                index=t_index,
                text=tok.text,
                start=offset + tok.start_char,
                end=offset + tok.end_char,
                words=tuple(ids),
                ner=tok.ner or "O",
            )
        )
    entities = []
    by_start = {t.start: t.index for t in tokens}
    by_end = {t.end: t.index for t in tokens}
    for ent in sent.ents:
        first, last = by_start.get(offset + ent.start_char), by_end.get(offset + ent.end_char)
        if first is not None and last is not None:
            kind = ENTITY_TYPES.get(ent.type, ent.type)
            entities.append(Entity(kind, first, last + 1, ent.text))
    start, end = tokens[0].start, tokens[-1].end
    return Sentence(
        text=text[start:end],
        start=start,
        end=end,
        tokens=tuple(tokens),
        words=tuple(words),
        entities=tuple(entities),
    )


#: Marks that end a sentence; a sentence the model closed on anything else («اليوم ،»)
#: was cut inside, and goes on in the next one.
SENTENCE_ENDS = (".", "!", "?", "؟", "…", ":", "؛", "»", '"', "”", ")")
#: A rejoined sentence stays under this many tokens (a list without stops is no sentence).
REJOIN_LIMIT = 120


def rejoin_unfinished(sentences: Sequence[Sentence], text: str) -> list[Sentence]:
    """Sentences the segmenter cut where no sentence ends (no stop mark, no line break
    between them) become one again; each keeps its own parse tree (two roots)."""
    out: list[Sentence] = []
    for sentence in sentences:
        previous = out[-1] if out else None
        if (
            previous is not None
            and previous.tokens[-1].text not in SENTENCE_ENDS
            and "\n" not in text[previous.end : sentence.start]
            and len(previous.tokens) + len(sentence.tokens) <= REJOIN_LIMIT
        ):
            out[-1] = _joined(previous, sentence, text)
        else:
            out.append(sentence)
    return out


def _joined(first: Sentence, second: Sentence, text: str) -> Sentence:
    t_off, w_off = len(first.tokens), len(first.words)
    tokens = first.tokens + tuple(
        replace(t, index=t.index + t_off, words=tuple(w + w_off for w in t.words))
        for t in second.tokens
    )
    words = first.words + tuple(
        replace(
            w,
            index=w.index + w_off,
            head=w.head + w_off if w.head >= 0 else -1,
            token=w.token + t_off,
        )
        for w in second.words
    )
    entities = first.entities + tuple(
        replace(e, start=e.start + t_off, end=e.end + t_off) for e in second.entities
    )
    span = text[first.start : second.end]
    return Sentence(span, first.start, second.end, tokens, words, entities)
