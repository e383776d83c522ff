"""Find contacts: a trigger word, the actors on each side, and how it happened.

Two paths, tree first:
- `tree`: the trigger's dependents (or those of the light verb governing a
  trigger noun, «أجرت اتصالات»): the subject on one side; the «مع»-phrase, the
  object or the trigger's own preposition on the other; «بين X و Y»; each side
  expanded over its conjuncts.
- `clause`: when the parse does not connect a side (the models made offline have
  LAS ≈ 0.58), the clause around the trigger is read left to right with «مع» as
  the pivot: the phrase before the trigger (or between it and «مع») is one side,
  the list after «مع» the other; a headline speaker «X: …» can be the subject.
One side × other side gives bilateral contacts («Shoigu with his three
counterparts» is three contacts); a multilateral meeting («بمشاركة …»,
«سيجمع …») is one contact of all its members.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from extract.actors import Resolver, affiliation_of
from extract.arabic import clitic_readings, clitic_variants, norm, stems, strip_punct
from extract.lexicon import Lexicon, Trigger
from extract.mentions import Phrase
from extract.nlp import Sentence
from extract.records import Actor, Contact, Participant

HARD_STOPS = {".", "؟", "?", "!", ";", "؛"}
MODE_RANK = ("phone", "visit", "delegation", "message", "meeting", "talks", "unspecified")
PIVOTS = ("مع",)
MAX_SUBJECT_GAP = 8  # tokens between a subject and its trigger; further is another clause
RELATIVE_REACH = 2  # a relative pronoun this close after a trigger noun describes it
STATUS_REACH = 3  # status cues after the trigger count this far («المحادثات من المتوقع»)
DISCOURSE_REACH = 2  # sentences an open caller stays available to a definite trigger


@dataclass(frozen=True)
class Sides:
    """Phrases on each side of a trigger, and which path found them."""

    agent: tuple[Phrase, ...]
    other: tuple[Phrase, ...]
    method: str
    members: tuple[Phrase, ...] = ()  # multilateral meetings: everyone at the table
    intermediary: tuple[Phrase, ...] = ()


@dataclass
class Discourse:
    """What earlier sentences of the article leave open, passed from one to the next.

    «أجرى الوزير التركي سلسلة اتصالات مع عدد من نظرائه» names the caller but not
    the callees; «الاتصالات جرت مع …» in the next sentence names the callees but,
    with a definite «الاتصالات», refers back to the same calls and their caller.
    """

    agent: tuple[Phrase, ...] = ()
    age: int = 0

    def next_sentence(self) -> None:
        self.age += 1
        if self.age > DISCOURSE_REACH:
            self.agent = ()


def sentence_contacts(
    article_id: str,
    sentence: Sentence,
    phrases: list[Phrase],
    resolver: Resolver,
    lexicon: Lexicon,
    discourse: Discourse | None = None,
) -> list[Contact]:
    """All contacts whose trigger is in `sentence`, one per participant set."""
    discourse = discourse if discourse is not None else Discourse()
    found: dict[frozenset[str], Contact] = {}
    for word_index, trigger in find_triggers(sentence, phrases, lexicon):
        token = sentence.words[word_index].token
        left, right = clause_bounds(sentence, token, lexicon)
        tree = tree_sides(sentence, word_index, trigger, phrases, (left, right))
        clause = clause_sides(sentence, token, trigger, phrases, (left, right), lexicon)
        sides = _combine(tree, clause)
        sides = _follow_discourse(sides, sentence.tokens[token].text, resolver, discourse)
        for contact in _contacts(article_id, sentence, token, trigger, sides, resolver, lexicon):
            key = frozenset(p.actor.id for p in contact.participants)
            if key in found:
                found[key] = _merge(found[key], contact)
            else:
                found[key] = contact
    return list(found.values())


def find_triggers(
    sentence: Sentence, phrases: list[Phrase], lexicon: Lexicon
) -> list[tuple[int, Trigger]]:
    """Words whose lemma or surface form is a trigger, outside actor phrases («وفد دمشق»)."""
    inside = {i for p in phrases for i in range(p.start, p.end) if p.hits or p.persons}
    out = []
    for word in sentence.words:
        if word.token in inside or word.upos in ("ADP", "PUNCT", "CCONJ"):
            continue
        forms = [word.lemma, *clitic_variants(word.text)]
        if len(sentence.tokens[word.token].words) == 1:
            forms += clitic_variants(sentence.tokens[word.token].text)
        if word.upos in ("VERB", "X"):
            forms += [stem for form in forms for stem in stems(form)]
        for form in forms:
            if form in lexicon.triggers:
                out.append((word.index, lexicon.triggers[form]))
                break
    return out


def clause_bounds(sentence: Sentence, token: int, lexicon: Lexicon) -> tuple[int, int]:
    """Token range [left, right) of the clause holding the trigger token."""
    words = [norm(strip_punct(t.text)) or t.text for t in sentence.tokens]
    left = token
    while left > 0:
        word = words[left - 1]
        if sentence.tokens[left - 1].text in HARD_STOPS | {":"} or lexicon.cue(word, "boundary"):
            break
        left -= 1
    right = token + 1
    while right < len(words):
        text = sentence.tokens[right].text
        boundary = lexicon.cue(words[right], "boundary")
        if text in HARD_STOPS | {":"}:
            break
        if boundary == "relative" and right + 1 < len(words):
            # «الاتصالات التي أجراها شويغو مع …» describes the trigger itself; «الاجتماع
            # الذي سيجمع …» lists its members: both stay in the clause.
            gathers = any(lexicon.cue(f, "gathers") for f in clitic_variants(words[right + 1]))
            if not gathers and right - token > RELATIVE_REACH:
                break
        elif boundary:
            break
        if _starts_coordinate_clause(sentence, right):
            break
        right += 1
    return left, right


def _starts_coordinate_clause(sentence: Sentence, token: int) -> bool:
    """«… ، وأوضح المسؤول»: a token «و» + verb opens a new clause."""
    word_ids = sentence.tokens[token].words
    if len(word_ids) < 2 or sentence.tokens[token].ner != "O":
        return False  # «ويتكوف» split as «و + يتكوف» is a name, not «and» + verb
    first, second = (sentence.words[i] for i in word_ids[:2])
    return first.text in ("و", "ف") and second.upos == "VERB"


# ---------------------------------------------------------------- tree path


def tree_sides(
    sentence: Sentence,
    word_index: int,
    trigger: Trigger,
    phrases: list[Phrase],
    bounds: tuple[int, int],
) -> Sides:
    """Sides read off the dependency tree; empty sides where the tree is silent."""
    word = sentence.words[word_index]
    heads = [word_index]
    if word.upos in ("NOUN", "X") and word.head >= 0:
        governor = sentence.words[word.head]
        if governor.upos == "VERB" and word.deprel in ("obj", "obl", "nsubj", "nmod", "xcomp"):
            heads.append(governor.index)  # the light verb: «أجرت اتصالات», «بدأت اتصالات»
    agent, other, between = [], [], []
    for head in heads:
        for child in sentence.children(head):
            marker = _case_marker(sentence, child.index)
            if child.deprel.startswith("nsubj"):
                agent.append(child.index)
            elif marker == "بين":
                between.append(child.index)
            elif (
                marker in PIVOTS
                or (marker and marker in trigger.objects)
                or (child.deprel == "obj" and "obj" in trigger.objects and head == word_index)
            ):
                other.append(child.index)
    if between and not other:
        listed = _with_conjuncts(sentence, between)
        agent_p = _phrases_at(sentence, listed[:1], phrases, bounds)
        other_p = _phrases_at(sentence, listed[1:], phrases, bounds)
        if trigger.frame == "mediation":
            mediator = _phrases_at(sentence, agent, phrases, bounds)
            return Sides(agent_p, other_p, "tree", intermediary=mediator)
        return Sides(agent_p, other_p, "tree")
    return Sides(
        _phrases_at(sentence, _with_conjuncts(sentence, agent), phrases, bounds),
        _phrases_at(sentence, _with_conjuncts(sentence, other), phrases, bounds),
        "tree",
    )


def _case_marker(sentence: Sentence, index: int) -> str | None:
    """The preposition attached to a word («مع», «بين», «ب» …), if any."""
    for child in sentence.children(index):
        if child.deprel == "case":
            return norm(child.text)
    return None


def _with_conjuncts(sentence: Sentence, indices: list[int]) -> list[int]:
    out = list(indices)
    for index in out:
        out.extend(c.index for c in sentence.children(index) if c.deprel == "conj")
    return out


def _phrases_at(
    sentence: Sentence, indices: Iterable[int], phrases: list[Phrase], bounds: tuple[int, int]
) -> tuple[Phrase, ...]:
    out: list[Phrase] = []
    for index in indices:
        token = sentence.words[index].token
        for phrase in phrases:
            inside = phrase.start <= token < phrase.end
            if inside and bounds[0] <= phrase.start < bounds[1] and phrase not in out:
                out.append(phrase)
    return tuple(out)


# -------------------------------------------------------------- clause path


def clause_sides(
    sentence: Sentence,
    token: int,
    trigger: Trigger,
    phrases: list[Phrase],
    bounds: tuple[int, int],
    lexicon: Lexicon,
) -> Sides:
    """Sides read off the clause around the trigger, with «مع» as the pivot."""
    left, right = bounds
    words = [norm(strip_punct(t.text)) for t in sentence.tokens]
    in_clause = [p for p in phrases if left <= p.start and p.end <= right]
    after = [p for p in in_clause if p.start > token]

    gather = _gather_point(sentence, token, right, lexicon)
    meeting = trigger.mode in ("meeting", "multilateral-meeting")
    if trigger.frame == "multilateral" or (meeting and gather is not None):
        host = _agent_before(sentence, in_clause, token, left, phrases)
        members = [*host, *_members(in_clause, token, gather)]
        if len(members) >= 3:
            return Sides((), (), "clause", members=tuple(members))

    pivot = next((i for i in range(token + 1, right) if words[i] in PIVOTS), None)
    between = next((i for i in range(token + 1, right) if words[i] == "بين"), None)
    other: list[Phrase] = []
    if pivot is not None:
        other = _listed(sentence, phrases, pivot + 1, right, lexicon)
    elif between is not None:
        listed = _listed(sentence, phrases, between + 1, right, lexicon)
        agent = _agent_before(sentence, in_clause, token, left, phrases)
        if trigger.frame == "mediation":
            return Sides(tuple(listed[:1]), tuple(listed[1:]), "clause", intermediary=agent)
        return Sides(tuple(listed[:1]), tuple(listed[1:]), "clause")
    else:
        subject = _agent_before(sentence, in_clause, token, left, phrases)
        if not subject and len(after) >= 2 and _transitive_verb(sentence, token, trigger):
            # Verb, subject, object: «استقبل الرئيس المصري … وزير الخارجية الأمريكي».
            objects = _object(sentence, after[1:], after[0].end - 1, trigger)
            return Sides((after[0],), tuple(objects), "clause")
        other = _object(sentence, after, token, trigger)
    end = pivot if pivot is not None else token + 1
    agent = _agent(sentence, in_clause, phrases, token, end, left)
    return Sides(agent, tuple(other), "clause")


def _transitive_verb(sentence: Sentence, token: int, trigger: Trigger) -> bool:
    verb = any(sentence.words[w].upos == "VERB" for w in sentence.tokens[token].words)
    return verb and "obj" in trigger.objects


def _gather_point(sentence: Sentence, token: int, right: int, lexicon: Lexicon) -> int | None:
    for i in range(token + 1, right):
        if any(lexicon.cue(f, "gathers") for f in clitic_variants(sentence.tokens[i].text)):
            return i
    return None


def _members(in_clause: list[Phrase], token: int, gather: int | None) -> list[Phrase]:
    """Everyone listed after the trigger, except places and «حليفة للأسد»-style asides."""
    start = token if gather is None else min(token, gather)
    return [
        p
        for p in in_clause
        if p.start > start and p.preposition in (None, "من", "مع") and not p.only_demonym
    ]


def _listed(
    sentence: Sentence, phrases: list[Phrase], start: int, right: int, lexicon: Lexicon
) -> list[Phrase]:
    """The phrase right after a pivot and the phrases coordinated with it."""
    out: list[Phrase] = []
    position = start
    for phrase in phrases:
        if phrase.start < position or phrase.start >= right:
            continue
        gap = [norm(strip_punct(t.text)) for t in sentence.tokens[position : phrase.start]]
        if out:
            ok = all(g in ("", "و") for g in gap) and (phrase.conj or gap)
        else:
            ok = len(gap) <= 3 and all(g == "" or lexicon.roles.get(g) == "classifier" for g in gap)
        if not ok:
            break
        out.append(phrase)
        position = phrase.end
    return out


def _object(sentence: Sentence, after: list[Phrase], token: int, trigger: Trigger) -> list[Phrase]:
    """The other side of a transitive trigger: «يلتقي بنظيره», «استقبل الوزير», «رسالة إلى»."""
    if not after:
        return []
    first = after[0]
    if first.start - token > 3:
        return []
    if first.preposition and first.preposition in trigger.objects:
        return [first]
    if first.preposition is None and _transitive_verb(sentence, token, trigger):
        return [first]
    return []


def _agent(
    sentence: Sentence,
    in_clause: list[Phrase],
    phrases: list[Phrase],
    token: int,
    end: int,
    left: int,
) -> tuple[Phrase, ...]:
    """The acting side: an adjective on the trigger («التواصل القطري»), the subject
    between trigger and pivot (verb first), or the nearest phrase before it."""
    adjacent = [p for p in in_clause if p.start == token + 1 and p.only_demonym]
    if adjacent:
        return (adjacent[0],)
    inner = [p for p in in_clause if token < p.start and p.end <= end and p.preposition is None]
    if inner:
        return (inner[0],)
    return _agent_before(sentence, in_clause, token, left, phrases)


def _agent_before(
    sentence: Sentence, in_clause: list[Phrase], token: int, left: int, phrases: list[Phrase]
) -> tuple[Phrase, ...]:
    before = [
        p
        for p in in_clause
        if p.end <= token and p.preposition is None and token - p.end <= MAX_SUBJECT_GAP
    ]
    if not before:
        return _speaker(sentence, left, phrases)
    chain = [before[-1]]
    for phrase in reversed(before[:-1]):
        gap = [norm(strip_punct(t.text)) for t in sentence.tokens[phrase.end : chain[0].start]]
        if chain[0].conj and all(g in ("", "و") for g in gap):
            chain.insert(0, phrase)
        else:
            break
    return tuple(chain)


def _speaker(sentence: Sentence, left: int, phrases: list[Phrase]) -> tuple[Phrase, ...]:
    """«الجيش اللبناني: اتصالات مع سوريا» — the speaker before a colon acts."""
    if left == 0 or sentence.tokens[left - 1].text != ":":
        return ()
    before = [p for p in phrases if p.end == left - 1 and p.preposition is None]
    return (before[-1],) if before else ()


def _follow_discourse(
    sides: Sides, trigger_text: str, resolver: Resolver, discourse: Discourse
) -> Sides:
    """Borrow the open caller for a definite trigger with no subject; remember a caller
    whose counterparts this clause does not name."""
    resolved = [p for p in sides.other if resolver.resolve(p) is not None]
    if sides.agent and not resolved and not sides.members:
        discourse.agent, discourse.age = sides.agent, 0
    definite = any(rest.startswith("ال") for _, rest in clitic_readings(trigger_text))
    if not sides.agent and resolved and definite and discourse.agent:
        return replace(sides, agent=discourse.agent, method="clause")
    return sides


def _combine(tree: Sides, clause: Sides) -> Sides:
    """The tree's sides first; the clause fills what the tree left empty."""
    if clause.members:
        return clause
    other = tree.other or clause.other
    if tree.other and clause.other[: len(tree.other)] == tree.other:
        other = clause.other  # the list reading finds conjuncts the parse attached elsewhere
    # A subject the parse put inside the «مع» list is a misparse («جرت مع …، الإماراتي …»).
    agent = tuple(p for p in tree.agent if p not in clause.other) or clause.agent
    return Sides(
        agent=agent,
        other=other,
        method="tree" if (agent == tree.agent and tree.agent and tree.other) else "clause",
        intermediary=tree.intermediary or clause.intermediary,
    )


# ---------------------------------------------------------------- building


def _contacts(
    article_id: str,
    sentence: Sentence,
    token: int,
    trigger: Trigger,
    sides: Sides,
    resolver: Resolver,
    lexicon: Lexicon,
) -> list[Contact]:
    left, right = clause_bounds(sentence, token, lexicon)
    phrases = (*sides.agent, *sides.other, *sides.members)
    reach = max((p.end for p in phrases), default=token + 1)
    cue_end = min(
        right,
        max(
            token + STATUS_REACH + 1, min((p.start for p in phrases if p.start > token), default=0)
        ),
    )
    base = Contact(
        article_id=article_id,
        participants=(),
        mode=_mode(sentence, trigger, left, right, lexicon),
        status=_status(
            sentence, token, _status_start(sentence, left, lexicon), cue_end, lexicon, sides
        ),
        mediated=trigger.frame == "mediation" or _has_cue(sentence, left, right, lexicon),
        evidence=sentence.text,
        evidence_start=sentence.start,
        evidence_end=sentence.end,
        trigger=sentence.tokens[token].text,
        method=sides.method,
        intermediaries=_participants(sides.intermediary, resolver),
        date_text=dates(sentence, left, min(right, reach + 4), lexicon),
    )
    if sides.members:
        members = _distinct_sides(_participants(sides.members, resolver))
        if len(members) < 3:
            return []
        return [replace(base, participants=tuple(members), mode="multilateral-meeting")]
    agents = _participants(sides.agent, resolver)
    office = sides.agent[0].title_key if sides.agent else ""
    if agents and agents[0].actor.kind == "person":
        office = _office_of(resolver, agents[0].actor) or office
    others = _participants(sides.other, resolver, office)
    out = []
    for a in agents:
        for b in others:
            if affiliation_of(a.actor) == affiliation_of(b.actor):
                continue
            out.append(replace(base, participants=(a, b)))
    return out


def _participants(
    phrases: Iterable[Phrase], resolver: Resolver, office: str = ""
) -> tuple[Participant, ...]:
    out: list[Participant] = []
    previous: Phrase | None = None
    for phrase in phrases:
        actor: Actor | None
        if phrase.only_demonym and previous is not None and previous.has_role("counterpart"):
            actor = resolver.counterpart(phrase, office)  # «نظرائه الروسي والتركي»
        else:
            actor = resolver.resolve(phrase, office)
        if actor is not None and all(p.actor != actor for p in out):
            out.append(Participant(actor, phrase.text, phrase.char_start, phrase.char_end))
        if phrase.roles:
            previous = phrase
    return tuple(out)


def _distinct_sides(participants: tuple[Participant, ...]) -> list[Participant]:
    seen: set[str] = set()
    out = []
    for p in participants:
        side = affiliation_of(p.actor).id
        if side not in seen:
            seen.add(side)
            out.append(p)
    return out


def _office_of(resolver: Resolver, person: Actor) -> str:
    titles = [p.title for p in resolver.persons if p.actor == person and p.title]
    return titles[0] if titles else ""


def _clause_forms(sentence: Sentence, left: int, right: int) -> list[tuple[int, str]]:
    """(token index, form) for every token and syntactic word of the clause."""
    out = []
    for t in sentence.tokens[left:right]:
        forms = {norm(strip_punct(t.text)), *(norm(sentence.words[w].text) for w in t.words)}
        forms.update(rest for _, rest in clitic_readings(t.text))
        out.extend((t.index, f) for f in forms if f)
    return out


def _mode(sentence: Sentence, trigger: Trigger, left: int, right: int, lexicon: Lexicon) -> str:
    modes = {trigger.mode}
    for _, form in _clause_forms(sentence, left, right):
        cue = lexicon.cue(form, "mode")
        if cue:
            modes.add(cue)
    modes.discard("multilateral-meeting")
    return min(modes, key=MODE_RANK.index) if modes else trigger.mode


def _status(
    sentence: Sentence, token: int, left: int, right: int, lexicon: Lexicon, sides: Sides
) -> str:
    named = {i for p in (*sides.agent, *sides.other, *sides.members) for i in range(p.start, p.end)}
    found = set()
    for index, form in _clause_forms(sentence, left, right):
        if index in named:
            continue  # «سيرغي» split as «س + يرغي» is no future tense
        status = lexicon.cue(form, "status")
        if status == "negation":
            if not token - 2 <= index <= token:
                continue  # «لم» binds to the trigger or the verb right before it
            status = "denied"
        if status:
            found.add(status)
    for status in ("denied", "offered", "planned"):
        if status in found:
            return status
    return "occurred"


def _status_start(sentence: Sentence, left: int, lexicon: Lexicon) -> int:
    """Where status cues start: «من المقرر أن يلتقي» sets the status of the clause
    that «أن» opens, so cues just before a complementizer count too."""
    if left > 0 and lexicon.cue(norm(sentence.tokens[left - 1].text), "boundary") == "clause":
        return max(0, left - 1 - STATUS_REACH)
    return left


def _has_cue(sentence: Sentence, left: int, right: int, lexicon: Lexicon) -> bool:
    return any(lexicon.cue(f, "mediated") for _, f in _clause_forms(sentence, left, right))


def dates(sentence: Sentence, left: int, right: int, lexicon: Lexicon) -> tuple[str, ...]:
    """Date phrases of the clause: «يوم السبت», «مساء الجمعة», «27 الشهر الجاري», «غدا»."""
    tokens = sentence.tokens
    out: list[str] = []
    i = left
    while i < right:
        kind, length = _date_word(tokens, i, right, lexicon)
        if kind is None and not (_is_number(tokens[i].text) and i + 1 < right):
            i += 1
            continue
        start, end, kinds = i, i + (length or 1), {kind}
        while end < right:
            next_kind, next_len = _date_word(tokens, end, right, lexicon)
            if next_kind in ("day", "month", "relative"):
                kinds.add(next_kind)
                end += next_len
            elif _is_number(tokens[end].text):
                end += 1
            else:
                break
        if kinds - {None, "anchor"}:
            out.append(
                sentence.text[
                    tokens[start].start - sentence.start : tokens[end - 1].end - sentence.start
                ]
            )
        i = end
    return tuple(dict.fromkeys(out))


def _date_word(tokens, i: int, right: int, lexicon: Lexicon) -> tuple[str | None, int]:
    for length in (3, 2, 1):
        if i + length > right:
            continue
        rest = [norm(strip_punct(t.text)) for t in tokens[i + 1 : i + length]]
        for first in clitic_variants(tokens[i].text):
            kind = lexicon.dates.get(" ".join([first, *rest]))
            if kind:
                return kind, length
    return None, 0


def _is_number(text: str) -> bool:
    return strip_punct(text).isdigit()


def _merge(first: Contact, second: Contact) -> Contact:
    """Two triggers of one sentence naming the same participants: one contact."""
    mode = min((first.mode, second.mode), key=lambda m: MODE_RANK.index(m) if m in MODE_RANK else 9)
    method = "tree" if "tree" in (first.method, second.method) else "clause"
    return replace(
        first,
        mode=mode,
        method=method,
        mediated=first.mediated or second.mediated,
        date_text=tuple(dict.fromkeys(first.date_text + second.date_text)),
    )
