"""Article in, contacts out: the extraction stage as one object built once.

`Extractor` holds the Stanza pipeline, the gazetteer and the lexicon, each
loaded once and passed in, so a notebook can reuse one extractor for many
articles and a test can hand it any pipeline.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from tawasul.extract.actors import Resolver, affiliation_of
from tawasul.extract.cache import ParseCache
from tawasul.extract.contacts import sentence_contacts
from tawasul.extract.discourse import Discourse
from tawasul.extract.gazetteer import Gazetteer
from tawasul.extract.ingest import IngestError
from tawasul.extract.lexicon import Lexicon
from tawasul.extract.mentions import find_phrases
from tawasul.extract.nlp import Sentence, load_pipeline, parse
from tawasul.extract.records import Article, ArticleResult


@dataclass(frozen=True)
class Extractor:
    """Everything extraction needs, loaded once."""

    nlp: Any
    gazetteer: Gazetteer
    lexicon: Lexicon
    cache: ParseCache | None = None

    @classmethod
    def load(cls, nlp: Any | None = None, cache: ParseCache | None = None) -> Extractor:
        return cls(nlp or load_pipeline(), Gazetteer.load(), Lexicon.load(), cache)

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
        except Exception as exc:  # one bad article must not lose the others
            return ArticleResult(article, error=f"{article.source}: {type(exc).__name__}: {exc}")

    def extract_parsed(self, article: Article, sentences: list[Sentence]) -> ArticleResult:
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
            contacts=tuple(contacts),
            sentences=len(sentences),
            actors=tuple(actors.values()),
        )

    def extract_all(self, items: Iterable[Article | IngestError]) -> Iterator[ArticleResult]:
        """Results in input order; unreadable inputs come back as failed results."""
        for item in items:
            if isinstance(item, IngestError):
                failed = Article(id=item.source, text="", source=item.source)
                yield ArticleResult(failed, error=str(item))
            else:
                yield self.extract(item)
