"""Who is on each side of a trigger: two paths, tree first.

- `tree`: the trigger's dependents (or those of the light verb governing a
  trigger noun, «أجرت اتصالات»): the subject on one side; the «مع»-phrase, the
  object or the trigger's own preposition on the other; «بين X و Y»; each side
  expanded over its conjuncts.
- `clause`: when the parse does not connect a side (the models made offline have
  LAS ≈ 0.58), the clause around the trigger is read left to right with «مع» as
  the pivot: the phrase before the trigger (or between it and «مع») is one side,
  the list after «مع» the other; a headline speaker «X: …» can be the subject; a
  multilateral meeting («بمشاركة …», «سيجمع …») lists all its members.
`combine` keeps the tree's sides and lets the clause fill what the tree left empty.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from extract.actors import Resolver
from extract.arabic import clitic_readings, clitic_variants, norm, plain, strip_punct
from extract.lexicon import Lexicon, Trigger
from extract.mentions import Phrase
from extract.nlp import Sentence

PIVOTS = ("مع",)
LIST_GLUE = ("", "و", "مع", "ومع", "وكذلك", "كذلك", "وكذا", "ثم", "وايضا", "ايضا")
NOT_MEMBERS = tuple(norm(w) for w in ("في", "ل", "ب", "عن", "على", "داخل"))
OBJECT_REACH = 4  # tokens between a transitive trigger and its object («اتصالا هاتفيا من …»),
# adverbials not counted
ADVERBIAL_HEADS = tuple(norm(w) for w in ("في", "بشكل", "بصوره", "داخل", "امام", "عبر", "خلال"))
MAX_SUBJECT_GAP = 8  # tokens between a subject and its trigger; further is another clause
DISCOURSE_REACH = 2  # sentences an open caller stays available to a definite trigger


@dataclass(frozen=True)
class Sides:
    """Phrases on each side of a trigger, and which path found them."""

    agent: tuple[Phrase, ...]
    other: tuple[Phrase, ...]
    method: str
    members: tuple[Phrase, ...] = ()  # multilateral meetings: everyone at the table
    intermediary: tuple[Phrase, ...] = ()
    joint: bool = False  # the sides were listed together («بين X وY وZ»): one table
    courier: tuple[Phrase, ...] = ()  # who carried a message from `agent` to `other`


@dataclass
class Discourse:
    """What earlier sentences of the article leave open, passed from one to the next.

    «أجرى الوزير التركي سلسلة اتصالات مع عدد من نظرائه» names the caller but not
    the callees; «الاتصالات جرت مع …» in the next sentence names the callees but,
    with a definite «الاتصالات», refers back to the same calls and their caller.
    """

    agent: tuple[Phrase, ...] = ()
    age: int = 0
    # the sides named so far, most recent last, for «الطرفين» («both parties»)
    seen: list = field(default_factory=list)

    def saw(self, actors: Iterable) -> None:
        for actor in actors:
            if actor in self.seen:
                self.seen.remove(actor)
            self.seen.append(actor)

    def two_parties(self, exclude: set) -> tuple:
        """The two most recently named sides other than `exclude`."""
        out: list = []
        for actor in reversed(self.seen):
            if actor not in exclude and actor not in out:
                out.append(actor)
            if len(out) == 2:
                return tuple(reversed(out))
        return ()

    def next_sentence(self) -> None:
        self.age += 1
        if self.age > DISCOURSE_REACH:
            self.agent = ()


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
            return Sides(agent_p, other_p, "tree", intermediary=mediator, joint=True)
        return Sides(agent_p, other_p, "tree", joint=True)
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
    words = [plain(t.text) for t in sentence.tokens]
    in_clause = [p for p in phrases if left <= p.start and p.end <= right]
    after = [p for p in in_clause if p.start > token]

    skip = _adverbials(sentence, in_clause, left, right, lexicon)
    if circumstantial(sentence, token, trigger, lexicon):
        # «عرضت تركيا … خلال اجتماع السبت»: a meeting named as the time of something
        # else; its participants are not the clause's subjects.
        in_clause = [p for p in in_clause if p.start > token]
        left = token
    gather = _gather_point(sentence, token, right, lexicon)
    meeting = trigger.mode in ("meeting", "multilateral-meeting")
    if meeting and not _finite(sentence, token):
        table = _table(sentence, phrases, in_clause, token, right, lexicon)
        if table is not None:
            return table  # the noun names its own parties: a host is only the place
    if trigger.frame == "multilateral" or (meeting and gather is not None):
        host = _agent_before(sentence, in_clause, token, left, phrases, skip)
        members = [*host, *_members(in_clause, token, gather)]
        if len(members) >= 3:
            return Sides((), (), "clause", members=tuple(members))

    if trigger.mode == "message":
        carried = _message_frame(sentence, in_clause, token, left, phrases)
        if carried is not None:
            return carried

    pivot = next((i for i in range(token + 1, right) if words[i] in PIVOTS), None)
    between = next((i for i in range(token + 1, right) if words[i] == "بين"), None)
    other: list[Phrase] = []
    if pivot is not None:
        other = _listed(sentence, phrases, pivot + 1, right, lexicon)
    elif between is not None:
        listed = _listed(sentence, phrases, between + 1, right, lexicon)
        if trigger.frame == "mediation":
            mediator = _agent_before(sentence, in_clause, token, left, phrases)
        else:
            mediator = _mediator(sentence, in_clause, lexicon)
        return Sides(
            tuple(listed[:1]), tuple(listed[1:]), "clause", intermediary=mediator, joint=True
        )
    else:
        subject = _agent_before(sentence, in_clause, token, left, phrases, skip)
        if not subject and len(after) >= 2 and _transitive(sentence, token, trigger):
            # Verb, subject, object: «استقبل الرئيس المصري … وزير الخارجية الأمريكي».
            objects = _object(sentence, after[1:], token, trigger, after[0].end - 1, skip)
            return Sides((after[0],), tuple(objects), "clause")
        other = _object(sentence, after, token, trigger, skip=skip)
        if not other and subject and "obj" in trigger.objects:
            # A verbal noun and its object: «بوتين لا يعتزم لقاء زيلينسكي».
            other = [p for p in after[:1] if p.start == token + 1 and p.preposition is None]
    end = pivot if pivot is not None else token + 1
    agent = _agent(sentence, in_clause, phrases, token, end, left, skip)
    mediator = _mediator(sentence, in_clause, lexicon)
    return Sides(agent, tuple(other), "clause", intermediary=mediator)


def _table(
    sentence: Sentence,
    phrases: list[Phrase],
    in_clause: list[Phrase],
    token: int,
    right: int,
    lexicon: Lexicon,
) -> Sides | None:
    """Who sits at a gathering noun's table, when the noun itself lists them:
    - its genitive list: «اجتماع وزراء خارجية مصر والسودان وإثيوبيا»;
    - adjectives of nationality: «اجتماعا مصريا سودانيا إثيوبيا» (two make a bilateral);
    - a list in brackets further on: «الاجتماع المقرر للدول الأربع (مصر والأردن …)»."""
    listed = _listed(sentence, phrases, token + 1, right, lexicon)
    if len(listed) >= 3:
        return Sides((), (), "clause", members=tuple(listed))
    if len(listed) == 2 and listed[1].conj:
        return Sides(listed[:1], listed[1:], "clause", joint=True)  # «لقاء الملك ونتنياهو»
    chain: list[Phrase] = []
    position = token + 1
    for phrase in in_clause:
        nationality = phrase.only_demonym or (
            chain and phrase.end - phrase.start == 1 and _bare_state(phrase)
        )  # «مصريا سودانيا إثيوبيا»: the last reads as the country's name
        if phrase.start == position and nationality:
            chain.append(phrase)
            position = phrase.end
        elif phrase.start >= position:
            break
    if len(chain) >= 3:
        return Sides((), (), "clause", members=tuple(chain))
    if len(chain) == 2:
        return Sides(chain[:1], chain[1:], "clause", joint=True)
    for i in range(token + 1, min(right, token + 12)):
        if sentence.tokens[i].text == "(":
            bracketed = _listed(sentence, phrases, i + 1, right, lexicon)
            if len(bracketed) >= 3:
                return Sides((), (), "clause", members=tuple(bracketed))
    return None


def _bare_state(phrase: Phrase) -> bool:
    return (
        bool(phrase.hits)
        and not (phrase.roles or phrase.persons or phrase.orgs)
        and all(h.actor.kind == "state" for h in phrase.hits)
    )


def _message_frame(
    sentence: Sentence, in_clause: list[Phrase], token: int, left: int, phrases: list[Phrase]
) -> Sides | None:
    """«سلّم X رسالة من Y إلى Z», «نقل X تحيات Y إلى Z»: the message goes from Y to Z
    and X, who carried it, meets Z. None unless both sender and recipient are named."""
    after = [p for p in in_clause if p.start > token]
    sender = next(
        (p for p in after if p.preposition == "من" or (p.start == token + 1 and not p.preposition)),
        None,
    )
    if sender is None:
        return None
    later = [p for p in after if p.start > sender.start]
    recipient = next((p for p in later if p.preposition in (norm("إلى"), "ل")), None)
    if recipient is None:
        return None
    others = [recipient, *_conjuncts(sentence, recipient, later[later.index(recipient) + 1 :])]
    courier = _agent_before(sentence, in_clause, token, left, phrases)
    return Sides((sender,), tuple(others), "clause", courier=courier)


def _finite(sentence: Sentence, token: int) -> bool:
    return any(sentence.words[w].upos == "VERB" for w in sentence.tokens[token].words)


def _mediator(sentence: Sentence, in_clause: list[Phrase], lexicon: Lexicon) -> tuple[Phrase, ...]:
    """The go-between named right after a mediation cue: «بوساطة عمانية», «عبر وسطاء قطريين»."""
    for phrase in in_clause:
        for index in range(max(0, phrase.start - 2), phrase.start):
            forms = clitic_variants(sentence.tokens[index].text)
            if any(lexicon.cue(form, "mediated") for form in forms):
                return (phrase,)
    return ()


def _transitive(sentence: Sentence, token: int, trigger: Trigger) -> bool:
    """A trigger that takes a direct object: a verb (also one the tagger took for a
    noun at the head of its sentence, «هاتف ولي العهد …»), or a noun with a possessive
    pronoun («لقائه نظيره» — his meeting [with] his counterpart)."""
    words = [sentence.words[w] for w in sentence.tokens[token].words]
    verb = any(w.upos == "VERB" for w in words) or _sentence_initial(sentence, token)
    takes = verb or any(w.upos == "PRON" for w in words[1:])
    return takes and "obj" in trigger.objects


def _sentence_initial(sentence: Sentence, token: int) -> bool:
    return all(
        not any(ch.isalpha() for ch in strip_punct(t.text)) or norm(t.text) in ("و", "ف")
        for t in sentence.tokens[:token]
    )


def _gather_point(sentence: Sentence, token: int, right: int, lexicon: Lexicon) -> int | None:
    for i in range(token + 1, right):
        if any(lexicon.cue(f, "gathers") for f in clitic_variants(sentence.tokens[i].text)):
            return i
    return None


def _members(in_clause: list[Phrase], token: int, gather: int | None) -> list[Phrase]:
    """Everyone listed after the trigger, except places («في الرياض») and asides
    («الحليفة التقليدية للأسد»); «إضافة إلى دبلوماسيين من إيران» still lists members."""
    start = token if gather is None else min(token, gather)
    return [
        p
        for p in in_clause
        if p.start > start and p.preposition not in NOT_MEMBERS and not p.only_demonym
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
        gap = [plain(t.text) for t in sentence.tokens[position : phrase.start]]
        if out:
            # «… ومع X», «… وكذلك مع X», «… ثم X»: the list goes on past a repeated «مع»
            ok = all(g in LIST_GLUE for g in gap) and (phrase.conj or gap)
        else:
            ok = len(gap) <= 3 and all(g == "" or lexicon.roles.get(g) == "classifier" for g in gap)
        if not ok:
            break
        out.append(phrase)
        position = phrase.end
    return out


def circumstantial(sentence: Sentence, token: int, trigger: Trigger, lexicon: Lexicon) -> bool:
    """A meeting noun after «خلال», «عقب», «بعد» … without a possessive pronoun
    («خلال لقائه» keeps his subject; «خلال اجتماع السبت» does not). A visit keeps it:
    «اتفق مع … خلال زيارة لصنعاء» is the subject's visit."""
    if token == 0 or trigger.mode == "visit" or _finite(sentence, token):
        return False
    words = [sentence.words[w] for w in sentence.tokens[token].words]
    if any(w.upos == "PRON" for w in words[1:]):
        return False
    previous = sentence.tokens[token - 1].text
    return any(lexicon.cue(form, "temporal") for form in clitic_variants(previous))


def _adverbials(
    sentence: Sentence, in_clause: list[Phrase], left: int, right: int, lexicon: Lexicon
) -> set[int]:
    """Tokens that do not count as distance between a trigger and its object: punctuation,
    numbers, date words («اليوم الأربعاء»), places («في قصر بعبدا», «في القاهرة») and manner
    phrases («بشكل منفصل»)."""
    skip: set[int] = set()
    starts = {p.start: p for p in in_clause}
    i = left
    while i < right:
        text = sentence.tokens[i].text
        word = plain(text)
        if not word or word.isdigit() or any(f in lexicon.dates for f in clitic_variants(text)):
            skip.add(i)
        elif word in ADVERBIAL_HEADS:
            # the head and what it governs: a place phrase, or up to two plain words
            j = i + 1
            if j in starts:
                j = starts[j].end
            else:
                while j < min(right, i + 3) and plain(sentence.tokens[j].text) and j not in starts:
                    j += 1
            skip.update(range(i, j))
            i = j
            continue
        i += 1
    return skip


def _object(
    sentence: Sentence,
    after: list[Phrase],
    token: int,
    trigger: Trigger,
    start: int | None = None,
    skip: set[int] | None = None,
) -> list[Phrase]:
    """The other side of a transitive trigger: «يلتقي بنظيره», «استقبل الوزير»,
    «رسالة إلى», «لقائه نظيره»: the first phrase close after `start` (the trigger,
    or the subject that follows a verb) that is marked as the trigger's object."""
    start = token if start is None else start
    skip = skip or set()
    for n, phrase in enumerate(after):
        if sum(1 for i in range(start + 1, phrase.start) if i not in skip) >= OBJECT_REACH:
            break
        marked = phrase.preposition and phrase.preposition in trigger.objects
        if marked or (phrase.preposition is None and _transitive(sentence, token, trigger)):
            return [phrase, *_conjuncts(sentence, phrase, after[n + 1 :])]
    return []


def _conjuncts(sentence: Sentence, first: Phrase, rest: list[Phrase]) -> list[Phrase]:
    """The phrases coordinated with `first`: «بنظيريه الروسي والتركي»."""
    out: list[Phrase] = []
    end = first.end
    for phrase in rest:
        gap = [plain(t.text) for t in sentence.tokens[end : phrase.start]]
        if not phrase.conj or not all(g in ("", "و") for g in gap):
            break
        out.append(phrase)
        end = phrase.end
    return out


def _agent(
    sentence: Sentence,
    in_clause: list[Phrase],
    phrases: list[Phrase],
    token: int,
    end: int,
    left: int,
    skip: set[int] | None = None,
) -> tuple[Phrase, ...]:
    """The acting side: an adjective on the trigger («التواصل القطري»), the subject
    between trigger and pivot (verb first), or the nearest phrase before it."""
    adjacent = [p for p in in_clause if p.start == token + 1 and p.only_demonym]
    if adjacent:
        return (adjacent[0],)
    inner = [p for p in in_clause if token < p.start and p.end <= end and p.preposition is None]
    if inner:
        return (inner[0],)
    return _agent_before(sentence, in_clause, token, left, phrases, skip)


def _agent_before(
    sentence: Sentence,
    in_clause: list[Phrase],
    token: int,
    left: int,
    phrases: list[Phrase],
    skip: set[int] | None = None,
) -> tuple[Phrase, ...]:
    """The subject before a trigger, within MAX_SUBJECT_GAP tokens that are not
    adverbials or prepositional phrases («وصل الوزير إلى القاهرة السبت للقاء …»)."""
    skip = set(skip or ())
    for p in in_clause:
        if p.preposition is not None and p.end <= token:
            skip.update(range(p.start - 1, p.end))
    before = [
        p
        for p in in_clause
        if p.end <= token
        and p.preposition is None
        and sum(1 for i in range(p.end, token) if i not in skip) <= MAX_SUBJECT_GAP
    ]
    if not before:
        return _speaker(sentence, left, phrases)
    chain = [before[-1]]
    for phrase in reversed(before[:-1]):
        gap = [plain(t.text) for t in sentence.tokens[phrase.end : chain[0].start]]
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


# ------------------------------------------------------------ both together


def combine(tree: Sides, clause: Sides) -> Sides:
    """The tree's sides first; the clause fills what the tree left empty."""
    if clause.members or clause.courier:
        return clause  # a member list or a message's route reads better off the clause
    # A phrase cannot be on both sides: an object the parse found inside the subject
    # («يزور الرئيس التركي رجب طيب أردوغان موسكو», obj = «طيب») is a misparse.
    tree_other = tuple(p for p in tree.other if p not in tree.agent)
    tree = replace(tree, other=tree_other)
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
        joint=tree.joint or clause.joint,
    )


def matrix_subject(
    sentence: Sentence, phrases: list[Phrase], left: int, lexicon: Lexicon
) -> tuple[Phrase, ...]:
    """The subject a clause's pronoun stands for: «أعلن الرئيس الروسي أنه سيلتقي …»,
    «وصل الوزير التركي إلى طهران حيث التقى …». Only after a complementizer carrying
    a pronoun or «حيث»; the subject is the first phrase of the clause before it that
    no preposition governs."""
    if left == 0 or not lexicon.cue(plain(sentence.tokens[left - 1].text), "pronoun"):
        return ()
    start = left - 1
    while start > 0:
        text = sentence.tokens[start - 1].text
        if text in (".", "؟", "!", ":", "؛") or lexicon.cue(plain(text), "boundary"):
            break
        start -= 1
    before = [p for p in phrases if start <= p.start and p.end <= left - 1]
    subject = next((p for p in before if p.preposition is None), None)
    if subject is None:
        return ()
    chain = [subject]
    for phrase in before[before.index(subject) + 1 :]:
        if phrase.conj and phrase.preposition is None and phrase.start == chain[-1].end:
            chain.append(phrase)
        else:
            break
    return tuple(chain)


def follow_discourse(
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
