"""Article in, contacts out: the extraction stage as one object built once.

`Extractor` holds the Stanza pipeline, the gazetteer and the lexicon, each
loaded once and passed in, so a notebook can reuse one extractor for many
articles and a test can hand it any pipeline.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, Protocol

from tawasul.extract.actors import Resolver, affiliation_of
from tawasul.extract.cache import ParseCache
from tawasul.extract.contacts import sentence_contacts
from tawasul.extract.dates import Calendar, with_dates
from tawasul.extract.discourse import Discourse
from tawasul.extract.gazetteer import Gazetteer
from tawasul.extract.ingest import IngestError
from tawasul.extract.lexicon import Lexicon
from tawasul.extract.mentions import find_phrases
from tawasul.extract.nlp import (
    LazyPipeline,
    ModelsUnavailable,
    Sentence,
    parse,
    parse_many,
    rejoin_unfinished,
)
from tawasul.extract.records import Article, ArticleResult

# Articles parsed together in one Stanza `bulk_process` call. Bigger batches sort more
# segments by length: over 105 articles, batches of 16 ran at 85 % of one bare bulk
# call, 64 at 94 %, all 105 in one at 100 %. Memory grows with the batch (its parses
# are held until extracted), never with the corpus.
DEFAULT_BATCH = 128


@dataclass(frozen=True)
class Parsed:
    """A worker's answer for one article: the result, and its parse when the caller caches."""

    result: ArticleResult
    sentences: tuple[Sentence, ...] | None = None


class Runner(Protocol):
    """Runs batches of articles somewhere (here, local processes, a Dask cluster).

    `map` answers one list of `Parsed` per batch, in the order of the batches, and
    consumes its input lazily so that only a few batches are in flight at once.
    """

    def map(
        self, batches: Iterable[list[Article]], keep_parses: bool
    ) -> Iterator[list[Parsed]]: ...


@dataclass(frozen=True)
class Extractor:
    """Everything extraction needs, loaded once.

    `nlp` is a Stanza pipeline or a `LazyPipeline` (the default), which loads the
    models only when an article actually needs parsing.
    """

    nlp: Any
    gazetteer: Gazetteer
    lexicon: Lexicon
    cache: ParseCache | None = None
    batch_size: int = DEFAULT_BATCH
    calendar: Calendar = field(default_factory=Calendar.load)

    @classmethod
    def load(
        cls,
        nlp: Any | None = None,
        cache: ParseCache | None = None,
        batch_size: int = DEFAULT_BATCH,
    ) -> Extractor:
        pipeline = nlp if nlp is not None else LazyPipeline()
        return cls(pipeline, Gazetteer.load(), Lexicon.load(), cache, batch_size)

    def parse(self, text: str) -> list[Sentence]:
        """Stanza's parse of `text`, from the cache when this text was parsed before."""
        if self.cache is None:
            return parse(self.nlp, text)
        sentences = self.cache.get(text)
        if sentences is None:
            sentences = parse(self.nlp, text)
            self.cache.put(text, sentences)
        return sentences

    def extract(self, article: Article) -> ArticleResult:
        """Contacts of one article; an exception becomes the result's `error`."""
        try:
            sentences = self.parse(article.text)
            return self.extract_parsed(article, sentences)
        except ModelsUnavailable:
            raise  # no article can succeed: the run stops with the one clear message
        except Exception as exc:  # one bad article must not lose the others
            return _failed(article, exc)

    def extract_batch(self, articles: Sequence[Article], keep_parses: bool = False) -> list[Parsed]:
        """Parse `articles` in one bulk call and extract each: what a worker runs.

        The cache is not consulted here (the caller does that, so a remote worker
        needs no shared disk); with `keep_parses` the parses travel back for it.
        """
        try:
            parses = parse_many(self.nlp, [a.text for a in articles])
        except ModelsUnavailable:
            raise
        except Exception:  # find the article that broke the batch; the others still count
            return [self._parse_alone(a, keep_parses) for a in articles]
        return [
            self._extract_one(a, sentences, keep_parses)
            for a, sentences in zip(articles, parses, strict=True)
        ]

    def _parse_alone(self, article: Article, keep_parses: bool) -> Parsed:
        try:
            sentences = parse(self.nlp, article.text)
        except ModelsUnavailable:
            raise
        except Exception as exc:
            return Parsed(_failed(article, exc))
        return self._extract_one(article, sentences, keep_parses)

    def _extract_one(self, article: Article, sentences: list[Sentence], keep: bool) -> Parsed:
        try:
            result = self.extract_parsed(article, sentences)
        except Exception as exc:
            result = _failed(article, exc)
        return Parsed(result, tuple(sentences) if keep else None)

    def extract_parsed(self, article: Article, sentences: list[Sentence]) -> ArticleResult:
        sentences = rejoin_unfinished(sentences, article.text)
        per_sentence = [find_phrases(s, self.gazetteer, self.lexicon) for s in sentences]
        resolver = Resolver(self.gazetteer, [p for ps in per_sentence for p in ps])
        contacts = []
        discourse = Discourse()
        for sentence, phrases in zip(sentences, per_sentence, strict=True):
            contacts.extend(
                sentence_contacts(article.id, sentence, phrases, resolver, self.lexicon, discourse)
            )
            discourse.saw(
                affiliation_of(a)
                for a in (resolver.resolve(p) for p in phrases)
                if a is not None and affiliation_of(a).label_en
            )
            discourse.next_sentence()
        actors = {p.actor.id: p.actor for c in contacts for p in c.participants}
        return ArticleResult(
            article=article,
            contacts=with_dates(contacts, article, self.calendar),
            sentences=len(sentences),
            actors=tuple(actors.values()),
        )

    def extract_all(
        self, items: Iterable[Article | IngestError], runner: Runner | None = None
    ) -> Iterator[ArticleResult]:
        """Results in input order, streamed; unreadable inputs come back as failed results.

        Articles go in batches of `batch_size`; a cached article is answered here
        (its result, or extraction over its cached parse) and only the others go to
        `runner` (default: this process), so a fully cached corpus never loads Stanza.
        """
        runner = runner or InProcess(self)
        pending: deque[list[ArticleResult | Article]] = deque()

        def batches() -> Iterator[list[Article]]:
            iterator = iter(items)
            while chunk := list(islice(iterator, self.batch_size)):
                slots = [self._answer_cached(item) for item in chunk]
                pending.append(slots)
                yield [s for s in slots if isinstance(s, Article)]

        for done in runner.map(batches(), self.cache is not None):
            fresh = iter(done)
            for slot in pending.popleft():
                if isinstance(slot, ArticleResult):
                    yield slot
                    continue
                parsed = next(fresh)
                if self.cache is not None and parsed.sentences is not None:
                    self.cache.put(slot.text, list(parsed.sentences))
                    self.cache.put_result(parsed.result)
                yield parsed.result

    def _answer_cached(self, item: Article | IngestError) -> ArticleResult | Article:
        """A result when the input failed or the cache knows it; else the article to parse."""
        if isinstance(item, IngestError):
            return ArticleResult(
                Article(id=item.source, text="", source=item.source), error=str(item)
            )
        if self.cache is None:
            return item
        result = self.cache.get_result(item)
        if result is not None:
            self.cache.hits += 1
            return result
        sentences = self.cache.get(item.text)
        if sentences is None:
            return item
        parsed = self._extract_one(item, sentences, keep=False)
        self.cache.put_result(parsed.result)
        return parsed.result


@dataclass(frozen=True)
class InProcess:
    """The default runner: every batch parsed by this process's own pipeline."""

    extractor: Extractor

    def map(self, batches: Iterable[list[Article]], keep_parses: bool) -> Iterator[list[Parsed]]:
        for batch in batches:
            yield self.extractor.extract_batch(batch, keep_parses) if batch else []


def _failed(article: Article, exc: Exception) -> ArticleResult:
    return ArticleResult(article, error=f"{article.source}: {type(exc).__name__}: {exc}")
