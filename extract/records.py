"""Plain records passed between the stages: articles in, contacts out.

Everything here is a frozen dataclass so that a stage can never mutate what an
earlier stage produced; `graph/` reads only these types and never Stanza objects.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MODES = (
    "phone",
    "meeting",
    "visit",
    "talks",
    "message",
    "delegation",
    "multilateral-meeting",
    "unspecified",
)
STATUSES = ("occurred", "planned", "offered", "denied")
ACTOR_KINDS = ("state", "organization", "person")


@dataclass(frozen=True)
class Article:
    """One input article; `id` is the jsonl `id` field or the file name stem."""

    id: str
    text: str
    source: str
    url: str | None = None
    published: str | None = None
    duplicates: tuple[str, ...] = ()  # where copies of the same (normalised) text were also read


OFFICES = (
    "head-of-state",
    "head-of-government",
    "foreign-minister",
    "defence-minister",
    "interior-minister",
    "intelligence-chief",
    "crown-prince",
    "minister",
    "deputy-foreign-minister",
    "ambassador",
    "envoy",
    "speaker",
    "military-chief",
    "party-leader",
    "group-leader",
    "organisation-head",
    "adviser",
    "spokesperson",
)


@dataclass(frozen=True)
class Office:
    """An office a person held for a state or organisation, by years (end None: still held)."""

    office: str
    of: str  # actor id of the state or organisation
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class Actor:
    """One node of the graph: a state, an organisation or a person.

    `id` is a stable slug (``russia``, ``sergei-lavrov``; ``ar-…`` for actors
    known only from NER). `affiliation` is the state or organisation a person
    (or a sub-organisation) acts for.
    """

    id: str
    kind: str
    label_ar: str
    label_en: str | None = None
    alt_labels: tuple[str, ...] = ()
    wikidata: str | None = None
    affiliation: Actor | None = None
    offices: tuple[Office, ...] = ()
    romanised: str | None = None  # a Latin reading of `label_ar` for actors with no English label


def affiliation_chain(actor: Actor) -> tuple[Actor, ...]:
    """The actor and each body above it, nearest first (Lavrov, Russia): the sides it can
    act for by the knowledge base."""
    chain = [actor]
    while chain[-1].affiliation is not None:
        chain.append(chain[-1].affiliation)
    return tuple(chain)


@dataclass(frozen=True)
class Participant:
    """An actor as it appears in one evidence sentence (surface + offsets in the article).

    `acts_for` is the state or body the article's own title for a person names when it is
    not the knowledge base's default side: «مبعوث الأمين العام للأمم المتحدة رمطان لعمامرة»
    acts for the UN although his affiliation is Algeria, whose minister he was.
    """

    actor: Actor
    surface: str
    start: int
    end: int
    acts_for: Actor | None = None


DATE_GRANULARITIES = ("day", "week", "month", "year")


@dataclass(frozen=True)
class ContactDate:
    """When a contact happened, resolved against the article's publication date.

    `value` is ISO (``2024-05-03``, ``2024-W20``, ``2024-05`` or ``2024``) at `granularity`;
    `resolved` is False when only the words are known (no publication date to anchor «أمس»).
    """

    text: str
    value: str | None = None
    granularity: str | None = None
    resolved: bool = False


@dataclass(frozen=True)
class Contact:
    """One diplomatic contact between two or more actors, with its evidence.

    `method` says which path found it: ``tree`` (dependency structure) or
    ``clause`` (fallback over the clause around the trigger).
    """

    article_id: str
    participants: tuple[Participant, ...]
    mode: str
    status: str
    mediated: bool
    evidence: str
    evidence_start: int
    evidence_end: int
    trigger: str
    method: str
    intermediaries: tuple[Participant, ...] = ()
    date_text: tuple[str, ...] = ()
    date: ContactDate | None = None


@dataclass(frozen=True)
class ArticleResult:
    """What extraction made of one article; `error` is set when the article failed."""

    article: Article
    contacts: tuple[Contact, ...] = ()
    error: str | None = None
    sentences: int = 0
    actors: tuple[Actor, ...] = field(default=())
