"""Resolve actor phrases to one node per actor, within one article.

Rules, in order: a named person wins (gazetteer, else NER with the state its
demonym gives); then a named state, capital or organisation («وفد دمشق» → Syria);
then an unnamed official or counterpart with a demonym, resolved to the person
of that state named in the same article (preferring the same office: the
«نظيره الروسي» of a foreign minister is the Russian foreign minister), else to
the state itself; NER organisations outside the gazetteer become actors
labelled in Arabic. Lone feminine demonyms («المساعدات القطرية») are adjectives,
not actors.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from tawasul.extract.arabic import norm, plain
from tawasul.extract.gazetteer import Gazetteer
from tawasul.extract.mentions import Phrase
from tawasul.extract.records import Actor, Participant, affiliation_chain
from tawasul.extract.romanise import romanise


@dataclass(frozen=True)
class PersonSighting:
    """A named person seen in the article, with the office words around the name."""

    actor: Actor
    title: str
    position: int  # character offset, for "the nearest earlier one"


def ner_actor(kind: str, name: str, affiliation: Actor | None) -> Actor:
    """An actor known only from NER: labelled in Arabic, id from its normalised name."""
    digest = hashlib.sha1(norm(name).encode()).hexdigest()[:10]
    return Actor(
        id=f"ar-{digest}",
        kind=kind,
        label_ar=name,
        affiliation=affiliation,
        romanised=romanise(name) or None,
    )


def affiliation_of(actor: Actor) -> Actor:
    """The side an actor is on: the top of its affiliation chain (Lavrov → Russia,
    European Commission → European Union), else the actor itself."""
    return affiliation_chain(actor)[-1]


def side_of(participant: Participant) -> Actor:
    """The side a participant is on in this contact: what the article's title for him
    names, else his knowledge-base side."""
    return participant.acts_for or affiliation_of(participant.actor)


class Resolver:
    """Turns the phrases of one article into actors, sharing what it learns."""

    def __init__(self, gazetteer: Gazetteer, phrases: list[Phrase]):
        self.gazetteer = gazetteer
        self.persons: list[PersonSighting] = []
        # A person the article titles as another body's office holder acts for that body.
        self.acts_for: dict[str, Actor] = {}
        self._names: dict[str, Actor] = {}
        # delegations named with their side, for a later bare «الوفد»
        self.delegations: list[tuple[int, Phrase]] = []
        for phrase in phrases:  # first pass: every named person, for coreference
            if ("group", "وفد") in phrase.roles and phrase.hits:
                self.delegations.append((phrase.char_start, phrase))
            person = self._person(phrase)
            # «حكومة الأسد» names a government after its head, not an office he holds.
            if person is not None and not phrase.person_heads_organ:
                self.persons.append(PersonSighting(person, phrase.title_key, phrase.char_start))
                body = _titled_body(phrase, person)
                if body is not None:
                    self.acts_for.setdefault(person.id, body)

    def resolve(self, phrase: Phrase, office: str = "") -> Actor | None:
        """The actor a phrase stands for; `office` is the title of the other side,
        used when the phrase is a counterpart («نظيره»)."""
        if phrase.roles and phrase.roles[0][0] == "nonactor":
            return None  # «المنتخب المصري», «وكالة الأنباء القطرية»
        person = self._person(phrase)
        if person is not None:
            if phrase.person_heads_organ and person.affiliation:
                # «إدارة الرئيس جو بايدن» is the state; «وزير الدفاع في حكومة الأسد» is
                # that state's defence minister, whoever the article names as such.
                state = affiliation_of(person)
                if phrase.roles[0][0] == "organ":
                    return state
                return self._official(phrase, state, office)
            return person
        if phrase.roles == (("group", "وفد"),) and not phrase.hits and not phrase.persons:
            # «الوفد» alone: the delegation the article last named with its side
            earlier = [d for at, d in self.delegations if at < phrase.char_start]
            return self.resolve(earlier[-1], office) if earlier else None
        epithets = [h for h in phrase.hits if h.role == "epithet"]
        if epithets and phrase.hits[0].role == "epithet":
            # «خادم الحرمين الشريفين»: the head of state the article names, else the state
            state = epithets[0].actor
            return self._head_of_state(state, phrase.char_start) or state
        demonyms = [h for h in phrase.hits if h.role == "demonym"]
        if phrase.roles and demonyms and phrase.hits[0].role == "demonym":
            # «السفير الفرنسي في بغداد»: the demonym gives the side, the place is where.
            return self._official(phrase, demonyms[0].actor, office)
        named = [h for h in phrase.hits if h.role in ("name", "capital", "organ")]
        if named:
            actor = named[-1].actor if phrase.has_role("organ") else named[0].actor
            if phrase.has_role("title", "counterpart"):
                return self._official(phrase, actor, office)  # «وزير خارجية روسيا»
            return actor
        if phrase.orgs:
            return ner_actor("organization", phrase.orgs[0], self._state(phrase))
        state = self._state(phrase)
        if state is None:
            return None
        if phrase.has_role("title", "counterpart", "group", "organ"):
            return self._official(phrase, state, office)
        if phrase.only_demonym and _plural_or_masculine_noun(phrase):
            return state
        return None

    def _official(self, phrase: Phrase, state: Actor, office: str) -> Actor:
        """An unnamed office holder: the person of `state` with that office, else the state.
        «المسؤول الأوروبي» (one official, no office named) is the one person of that side
        the article names, when there is exactly one."""
        if phrase.has_role("title", "counterpart"):
            wanted = office if phrase.has_role("counterpart") else phrase.title_key
            return self._coreferent(state, wanted, phrase.char_start) or state
        if phrase.has_role("group") and _one_official(phrase):
            named = {p.actor for p in self.persons if affiliation_of(p.actor) == state}
            if len(named) == 1:
                return named.pop()
        return state

    def counterpart(self, phrase: Phrase, office: str) -> Actor | None:
        """A lone demonym listed after «نظرائه»: that state's holder of `office`."""
        state = self._state(phrase)
        if state is None:
            return None
        return self._coreferent(state, office, phrase.char_start) or state

    def _person(self, phrase: Phrase) -> Actor | None:
        for hit in phrase.hits:
            if hit.actor.kind == "person":
                return hit.actor
        if not phrase.persons:
            return None
        name = phrase.persons[0]
        key = norm(name)
        if key in self._names:
            return self._names[key]
        for known, actor in self._names.items():  # «لافروف» after «سيرغي لافروف»
            if known.endswith(" " + key) or known.startswith(key + " "):
                return actor
        earlier = _surname_of_sighted(self.persons, key, phrase.char_start)
        if earlier is not None:
            return earlier  # «رايس» after «وزيرة الخارجية الأميركية كوندوليزا رايس»
        state = self._state(phrase)
        actor = self.gazetteer.person_like(name, state)
        if actor is None or (state is not None and affiliation_of(actor) != state):
            actor = ner_actor("person", name, state)
        self._names[key] = actor
        return actor

    def _state(self, phrase: Phrase) -> Actor | None:
        for hit in phrase.hits:
            if hit.actor.kind in ("state", "organization"):
                return hit.actor
        return None

    def _head_of_state(self, state: Actor, position: int) -> Actor | None:
        """The person named in the article whom the knowledge base has as `state`'s head
        of state, nearest first."""
        heads = [p for p in self.persons if _holds(p.actor, "head-of-state", state)]
        if not heads:
            return None
        return min(heads, key=lambda p: abs(p.position - position)).actor

    def _coreferent(self, state: Actor, office: str, position: int) -> Actor | None:
        """The person of `state` named in the article, same office first, nearest first."""
        same_side = [p for p in self.persons if p.actor.affiliation == state]
        if office:
            # «رئيس الوزراء القطري» is not the Qatari minister of state named earlier:
            # a known, different office rules a person out.
            same_office = [p for p in same_side if p.title == office]
            untitled = [p for p in same_side if not p.title]
            # «ملك الأردن» after «عاهل الأردن الملك عبد الله الثاني»: another word for the
            # office; the knowledge base knows who held it
            held = self.gazetteer.titles.get(office)
            holders = [p for p in same_side if held and _holds(p.actor, held, state)]
            same_side = same_office or untitled or holders
        if not same_side:
            return None
        return min(same_side, key=lambda p: abs(p.position - position)).actor


def _holds(person: Actor, office: str, body: Actor) -> bool:
    """Whether the knowledge base has `person` in `office` of `body`, at any time."""
    return any(o.office == office and o.of == body.id for o in person.offices)


#: Singular words for one unnamed official: «المسؤول الأوروبي», «الدبلوماسي الأمريكي».
ONE_OFFICIAL = ("مسوول", "مسؤول", "دبلوماسي", "ضيف", "زاير", "زائر")


def _one_official(phrase: Phrase) -> bool:
    words = [w[2:] if w.startswith("ال") else w for w in plain(phrase.text).split()]
    return any(w in ONE_OFFICIAL for w in words)


def _surname_of_sighted(persons: list[PersonSighting], key: str, position: int) -> Actor | None:
    """The one known person named earlier in the article whose name ends in the one word
    `key`: a surname standing alone after the full name."""
    if " " in key or len(key) < 3:
        return None
    found = {
        p.actor
        for p in persons
        if p.position < position
        and any(
            len(form.split()) > 1 and form.split()[-1] == key
            for form in (norm(p.actor.label_ar), *(norm(a) for a in p.actor.alt_labels))
        )
    }
    return found.pop() if len(found) == 1 else None


def _plural_or_masculine_noun(phrase: Phrase) -> bool:
    """A lone demonym used as a noun: plural «الروس», «قطريين», or listed «والتركي».

    A singular nisba after a noun is an adjective («انسحاب روسي», «المساعدات
    القطرية») and names no actor.
    """
    word = plain(phrase.text.split()[-1])
    if word.endswith("ه"):
        return False
    if word.endswith("ي"):
        return phrase.conj
    return True


def _titled_body(phrase: Phrase, person: Actor) -> Actor | None:
    """The body a phrase's title names for a known person, when it is one he held an office
    of (by the knowledge base) and not his default side: a former minister now a UN envoy."""
    if not phrase.roles:
        return None
    held = {office.of for office in person.offices}
    home = affiliation_of(person)
    for hit in phrase.hits:
        body = hit.actor
        if body.kind == "person" or hit.role not in ("name", "organ", "demonym", "capital"):
            continue
        found = next((b for b in affiliation_chain(body) if b.id in held), None)
        if found is not None and affiliation_of(found) != home:
            return affiliation_of(found)
    return None
