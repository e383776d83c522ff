"""Merge contacts into events: the same call reported by five outlets is one event.

A contact is what one sentence of one article says; an event is the call or meeting
itself. Contacts are one event when they have the same participants (as a set of actor
ids), the same status, compatible modes (equal, or one of them `unspecified`) and the
same date, where a coarser date (a month, a year) joins the one finer event it
contains. Contacts whose date is not resolved never merge across articles: «أمس» in
two articles says nothing about whether they report the same day.

The result depends only on the set of contacts, not on their order, so a store built
in two batches and one built at once hold the same events under the same IRIs.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace

from tawasul.extract.records import Actor, Contact, ContactDate

GRANULARITY_RANK = {"day": 0, "month": 1, "year": 2}


@dataclass(frozen=True, order=True)
class DateKey:
    """What a contact's date says, as a comparable key.

    `kind` is a granularity (``day``, ``month``, ``year``) with an ISO `value`, or
    ``text`` (unresolved words, `value` = article id + the words) or ``none`` (no date
    words, `value` = article id): the last two only ever match within one article.
    """

    kind: str
    value: str

    @property
    def resolved(self) -> bool:
        return self.kind in GRANULARITY_RANK

    def within(self, other: DateKey) -> bool:
        """True when this date lies inside `other` and is strictly finer (a day in a month)."""
        if not (self.resolved and other.resolved):
            return False
        if GRANULARITY_RANK[self.kind] >= GRANULARITY_RANK[other.kind]:
            return False
        return self.value.startswith(other.value + "-")

    def overlaps(self, other: DateKey) -> bool:
        return self == other or self.within(other) or other.within(self)


def date_key(contact: Contact) -> DateKey:
    """The contact's resolved date when there is one, else its words tied to its article."""
    date: ContactDate | None = contact.date
    if date is not None and date.resolved and date.value and date.granularity in GRANULARITY_RANK:
        return DateKey(date.granularity, date.value)
    if contact.date_text:
        return DateKey("text", "\x1f".join([contact.article_id, *contact.date_text]))
    return DateKey("none", contact.article_id)


def participant_ids(contact: Contact) -> tuple[str, ...]:
    return tuple(sorted({p.actor.id for p in contact.participants}))


def attestation_key(contact: Contact) -> str:
    """A short hash of what makes one report unique within its article (stable across runs)."""
    key = "\x1f".join(
        [
            contact.article_id,
            str(contact.evidence_start),
            str(contact.evidence_end),
            contact.trigger,
            contact.mode,
            contact.status,
            *sorted(f"{p.actor.id}@{p.start}" for p in contact.participants),
            *sorted(f"via:{p.actor.id}@{p.start}" for p in contact.intermediaries),
        ]
    )
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def event_key(participants: tuple[str, ...], date: DateKey, mode: str, status: str) -> str:
    """The event's content hash: participants + date + mode (+ status, so that a planned
    and an occurred meeting of the same day are two events)."""
    key = "\x1f".join([*participants, "|", date.kind, date.value, mode, status])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def lone_event_key(contact: Contact) -> str:
    """The key of the event a contact makes when nothing else joins it."""
    return event_key(participant_ids(contact), date_key(contact), contact.mode, contact.status)


@dataclass(frozen=True)
class Event:
    """One contact as it happened, with every report (attestation) of it."""

    key: str
    participants: tuple[Actor, ...]
    mode: str
    status: str
    date: DateKey
    attestations: tuple[Contact, ...]
    intermediaries: tuple[Actor, ...] = ()
    fulfils: tuple[str, ...] = ()  # keys of the planned events this occurred event carried out

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(sorted({c.article_id for c in self.attestations}))

    @property
    def mediated(self) -> bool:
        return any(c.mediated for c in self.attestations)

    @property
    def date_text(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for contact in self.attestations:
            seen.update(dict.fromkeys(contact.date_text))
        return tuple(seen)

    @property
    def contact_date(self) -> ContactDate | None:
        """The resolved date of the finest attestation, for the RDF date triples."""
        for contact in self.attestations:
            if contact.date is not None and date_key(contact) == self.date:
                return contact.date
        return None


def _canonical(contact: Contact) -> tuple:
    return (
        contact.article_id,
        contact.evidence_start,
        contact.evidence_end,
        attestation_key(contact),
    )


@dataclass
class _Cluster:
    participants: tuple[str, ...]
    status: str
    mode: str
    date: DateKey
    contacts: list[Contact]

    def articles(self) -> set[str]:
        return {c.article_id for c in self.contacts}

    def refines(self, coarse: _Cluster) -> bool:
        """True when this cluster is a more specific description of `coarse`'s event."""
        if self is coarse:
            return False
        if coarse.mode not in (self.mode, "unspecified"):
            return False
        if self.date == coarse.date:
            return self.mode != coarse.mode  # same date: only a more specific mode refines
        if self.date.within(coarse.date):
            return True
        # «لافروف اتصل بظريف» in the headline, «أمس» in the body: one article, one call.
        return coarse.date.kind == "none" and coarse.date.value in self.articles()


def merge_events(contacts: Iterable[Contact]) -> list[Event]:
    """Group contacts into events, then link each occurred event to the planned one it fulfils.

    A coarse cluster (an unspecified mode, a month, no date) joins the single finest
    cluster that refines it; when two or more could take it, it stays an event of its own.
    """
    clusters: dict[tuple, _Cluster] = {}
    for contact in sorted(contacts, key=_canonical):
        key = (participant_ids(contact), contact.status, contact.mode, date_key(contact))
        if key not in clusters:
            clusters[key] = _Cluster(*key[:2], key[2], key[3], [])
        clusters[key].contacts.append(contact)

    groups: dict[tuple, list[_Cluster]] = defaultdict(list)
    for cluster in clusters.values():
        groups[(cluster.participants, cluster.status)].append(cluster)

    events: list[Event] = []
    for group in groups.values():
        finer = {id(c): [d for d in group if d.refines(c)] for c in group}
        targets: dict[int, _Cluster] = {}
        for cluster in group:
            finest = [d for d in finer[id(cluster)] if not finer[id(d)]]
            targets[id(cluster)] = finest[0] if len(finest) == 1 else cluster
        members: dict[int, list[Contact]] = defaultdict(list)
        for cluster in group:
            members[id(targets[id(cluster)])].extend(cluster.contacts)
        for cluster in group:
            if id(cluster) in members:
                events.append(_event(cluster, members[id(cluster)]))
    return _link_plans(sorted(events, key=lambda e: e.key))


def _event(cluster: _Cluster, contacts: list[Contact]) -> Event:
    attestations = tuple(sorted(contacts, key=_canonical))
    actors = {p.actor.id: p.actor for c in attestations for p in c.participants}
    via = {p.actor.id: p.actor for c in attestations for p in c.intermediaries}
    return Event(
        key=event_key(cluster.participants, cluster.date, cluster.mode, cluster.status),
        participants=tuple(actors[i] for i in sorted(actors)),
        mode=cluster.mode,
        status=cluster.status,
        date=cluster.date,
        attestations=attestations,
        intermediaries=tuple(via[i] for i in sorted(via)),
    )


def _link_plans(events: list[Event]) -> list[Event]:
    """An occurred event fulfils a planned one with the same parties, mode and date.

    Plans are indexed by their parties first, so linking stays linear in events.
    """
    plans_of: dict[tuple[str, ...], list[Event]] = {}
    for event in events:
        if event.status == "planned" and event.date.resolved:
            plans_of.setdefault(_ids(event), []).append(event)
    linked = []
    for event in events:
        if event.status == "occurred":
            plans = tuple(
                p.key
                for p in plans_of.get(_ids(event), ())
                if (p.mode == event.mode or "unspecified" in (p.mode, event.mode))
                and p.date.overlaps(event.date)
            )
            if plans:
                event = replace(event, fulfils=plans)
        linked.append(event)
    return linked


def _ids(event: Event) -> tuple[str, ...]:
    return tuple(a.id for a in event.participants)
