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
from dataclasses import replace

from tawasul.extract.arabic import clitic_readings, clitic_variants, norm, plain
from tawasul.extract.lexicon import Lexicon, Trigger
from tawasul.extract.mentions import Phrase
from tawasul.extract.messages import read_message
from tawasul.extract.nlp import Sentence
from tawasul.extract.positions import (
    PIVOTS,
    adverbial_tokens,
    agent_before,
    agent_of,
    circumstantial,
    conjuncts_of,
    destination,
    has_possessive,
    is_finite,
    is_transitive,
    listed_after,
    object_of,
)
from tawasul.extract.reading import Sides
from tawasul.extract.tables import gather_point, listed_members, read_table

#: Modes in which everyone listed together sits at one table (a call stays bilateral).
JOINT_MODES = ("meeting", "talks", "multilateral-meeting")


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
    """The preposition attached to a word («مع», «بين», «ب» …), if any; of two, the one
    nearer the word («وبحسب» is «حسب», not «ب»)."""
    cases = [child for child in sentence.children(index) if child.deprel == "case"]
    before = [c for c in cases if c.index < index]
    chosen = before[-1] if before else (cases[0] if cases else None)
    return norm(chosen.text) if chosen else None


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

    skip = adverbial_tokens(sentence, in_clause, left, right, lexicon)
    if circumstantial(sentence, token, trigger, lexicon):
        # «عرضت تركيا … خلال اجتماع السبت»: a meeting named as the time of something
        # else; its participants are not the clause's subjects.
        in_clause = [p for p in in_clause if p.start > token]
        left = token
    movers = [p for p in in_clause if not destination(sentence, p, lexicon)]  # may act
    gather = gather_point(sentence, token, right, lexicon)
    meeting = trigger.mode in ("meeting", "multilateral-meeting")
    if meeting and not is_finite(sentence, token) and not has_possessive(sentence, token):
        table = read_table(sentence, phrases, in_clause, token, right, lexicon)
        if table is not None:
            return table  # the noun names its own parties: a host is only the place
    if trigger.frame == "multilateral" or (
        (meeting or trigger.mode == "talks") and gather is not None
    ):
        between = next((i for i in range(token + 1, right) if words[i] == "بين"), None)
        listed = listed_after(sentence, phrases, between + 1, right, lexicon) if between else []
        if len(listed) >= 2:
            # «قمة هذا الشهر بين الرئيسين شي وبايدن»: «بين» names who sits at the summit
            return Sides(tuple(listed[:1]), tuple(listed[1:]), "clause", joint=True)
        host = agent_before(sentence, in_clause, token, left, phrases, skip)
        party = _composed_delegation(in_clause, token, gather)
        if party is not None:
            # «التقى X بوفد من الاتحاد الأفريقي … وضم ممثلين عن Y وZ»: the delegation's
            # members sit on its side of the table, facing the host, not each other.
            subject = host or tuple(
                p for p in in_clause if token < p.start < party.start and p.preposition is None
            )[:1]
            composed = [p for p in listed_members(in_clause, token, gather) if p.start > gather]
            if subject:
                return Sides(subject, (party, *composed), "clause")
        if gather is not None and gather > token:
            # «تحتضن مدريد مفاوضات تجمع …»: a city hosting the talks is only their place
            host = tuple(p for p in host if not any(h.role == "capital" for h in p.hits))
        members = [*host, *listed_members(in_clause, token, gather)]
        if len(members) >= 3:
            return Sides((), (), "clause", members=tuple(members))
    if gather is not None and gather > token and trigger.mode in ("meeting", "talks"):
        # «مفاوضات تجمع الحكومة وحركة طالبان», «اللقاء الذي جمع الوزيرين»: two at one table
        listed = [p for p in listed_members(in_clause, token, gather) if p.start > gather]
        if len(listed) == 2:
            return Sides(tuple(listed[:1]), tuple(listed[1:]), "clause", joint=True)

    if trigger.mode == "message":
        carried = read_message(sentence, in_clause, token, left, phrases)
        if carried is not None:
            return carried

    passive = _passive_agent(sentence, after)
    if passive is not None:
        # «تم استقبال المسؤول الأوروبي من طرف الوزير الأول الجزائري»
        received = [p for p in after if p.start < passive.start and p.preposition is None]
        if received:
            return Sides((passive,), (received[0],), "clause")

    if purpose_noun(sentence, token, lexicon):
        # «وصل … وفد … للقاء قيادة حماس، بعد يوم من لقاء عقده الوفد مع …»: the purpose
        # noun's genitive is whom the traveller goes to meet; a later «مع» is not its own
        genitive = [p for p in after[:1] if p.start == token + 1 and p.preposition is None]
        if genitive:
            objects = [genitive[0], *conjuncts_of(sentence, genitive[0], after[1:])]
            agent = agent_of(sentence, movers, phrases, token, token + 1, left, skip)
            return Sides(agent, tuple(objects), "clause")
    # «عقب زيارة X لبكين، أجرى Y محادثات مع Z»: a «مع» or «بين» past another verb is
    # that verb's own, not this trigger's (a relative verb of the trigger noun is not another:
    # «اتصال أجراه مع», «الزيارة التي قام بها إلى»).
    names = {i for p in in_clause for i in range(p.start, p.end)}  # «ويتكوف» tagged a verb
    verb = next(
        (
            i
            for i in range(token + 1, right)
            if i not in names
            and is_finite(sentence, i)
            and not _relative_verb(sentence, i, words, lexicon)
        ),
        right,
    )
    pivot = next((i for i in range(token + 1, verb) if words[i] in PIVOTS), None)
    between = next((i for i in range(token + 1, verb) if words[i] == "بين"), None)
    other: list[Phrase] = []
    if pivot is not None:
        other = listed_after(sentence, phrases, pivot + 1, right, lexicon)
    elif between is not None:
        listed = listed_after(sentence, phrases, between + 1, right, lexicon)
        if trigger.frame == "mediation":
            mediator = agent_before(sentence, in_clause, token, left, phrases)
        else:
            mediator = _mediator(sentence, in_clause, lexicon)
        return Sides(
            tuple(listed[:1]), tuple(listed[1:]), "clause", intermediary=mediator, joint=True
        )
    else:
        subject = agent_before(sentence, movers, token, left, phrases, skip)
        possessed = not is_finite(sentence, token) and has_possessive(sentence, token)
        if not subject and len(after) >= 2 and is_transitive(sentence, token, trigger):
            if possessed:
                # «نتائج استقباله الرئيس X ورئيس وزراء Y»: the pronoun is the subject,
                # every phrase after the noun is received.
                other = object_of(sentence, after, token, trigger, skip=skip)
                agent = agent_of(sentence, in_clause, phrases, token, token + 1, left, skip)
                return Sides(agent, tuple(other), "clause")
            # Verb, subject, object: «استقبل الرئيس المصري … وزير الخارجية الأمريكي».
            subjects = [after[0], *conjuncts_of(sentence, after[0], after[1:])]
            rest = after[len(subjects) :]
            objects = object_of(sentence, rest, token, trigger, subjects[-1].end - 1, skip)
            return Sides(tuple(subjects), tuple(objects), "clause")
        other = object_of(sentence, after, token, trigger, skip=skip)
        genitive = [p for p in after[:1] if p.start == token + 1 and p.preposition is None]
        if genitive and not is_finite(sentence, token):
            # «عقب زيارة الرئيس الإيراني، إبراهيم رئيسي، لبكين»: the noun's genitive is
            # who visits; the marked phrase after it is where
            end = genitive[0].end - 1
            marked = object_of(sentence, after[1:], token, trigger, start=end, skip=skip)
            if marked and marked[0].preposition in trigger.objects:
                return Sides(tuple(genitive), tuple(marked), "clause")
            received = [p for p in after[1:2] if p.start == genitive[0].end]
            if received and received[0].preposition is None and "obj" in trigger.objects:
                # «باستقبال وزير الخارجية العراقي وفد جماعة الحوثي»: the noun's genitive
                # receives, the phrase right after it is received
                guests = [received[0], *conjuncts_of(sentence, received[0], after[2:])]
                return Sides(tuple(genitive), tuple(guests), "clause")
        purpose = words[token].startswith("ل")  # «… للقاء نظيره»: its subject is the verb's
        if not other and (subject or purpose) and "obj" in trigger.objects:
            # A verbal noun and its object: «بوتين لا يعتزم لقاء زيلينسكي».
            other = [p for p in after[:1] if p.start == token + 1 and p.preposition is None]
    end = pivot if pivot is not None else token + 1
    agent = agent_of(sentence, movers, phrases, token, end, left, skip)
    mediator = _mediator(sentence, in_clause, lexicon)
    return Sides(agent, tuple(other), "clause", intermediary=mediator)


def _composed_delegation(in_clause: list[Phrase], token: int, gather: int | None) -> Phrase | None:
    """The delegation phrase between a trigger and the gathering word that lists its
    members («بوفد من الاتحاد الأفريقي … وضم ممثلين عن …»)."""
    if gather is None or gather <= token:
        return None
    return next(
        (p for p in in_clause if token < p.start < gather and ("group", "وفد") in p.roles), None
    )


def purpose_noun(sentence: Sentence, token: int, lexicon: Lexicon) -> bool:
    """«للقاء», «لإجراء»: «ل» + a trigger noun (not «لقاء» itself)."""
    if is_finite(sentence, token):
        return False
    return any(
        prefix == "ل" and base in lexicon.triggers
        for prefix, base in clitic_readings(sentence.tokens[token].text)
    )


RELATIVES = ("الذي", "التي", "اللذين", "اللتين", "الذين")


def _relative_verb(sentence: Sentence, index: int, words: list[str], lexicon: Lexicon) -> bool:
    """A verb describing the noun before it: a pronoun on it or after it points back
    («لقاء عقده», «زيارة قام بها»), a relative pronoun opens it («الذي أجراه»), or it
    only says the noun took place («الاتصالات جرت مع»)."""
    after = words[index + 1] if index + 1 < len(words) else ""
    return (
        has_possessive(sentence, index)
        or lexicon.cue(words[index], "holds")
        or (index > 0 and words[index - 1] in RELATIVES)
        or after in ("بها", "به")
    )


def _mediator(sentence: Sentence, in_clause: list[Phrase], lexicon: Lexicon) -> tuple[Phrase, ...]:
    """The go-between named right after a mediation cue: «بوساطة عمانية», «عبر وسطاء قطريين»."""
    for phrase in in_clause:
        for index in range(max(0, phrase.start - 2), phrase.start):
            forms = clitic_variants(sentence.tokens[index].text)
            if any(lexicon.cue(form, "mediated") for form in forms):
                return (phrase,)
    return ()


PASSIVE_MARKERS = (("من", "طرف"), ("من", "قبل"))


def _passive_agent(sentence: Sentence, after: list[Phrase]) -> Phrase | None:
    """The agent of a passive «من طرف/من قبل X»."""
    for phrase in after:
        if phrase.start >= 2:
            pair = tuple(plain(t.text) for t in sentence.tokens[phrase.start - 2 : phrase.start])
            if pair in PASSIVE_MARKERS:
                return phrase
    return None


def combine(tree: Sides, clause: Sides) -> Sides:
    """The tree's sides first; the clause fills what the tree left empty."""
    if clause.members or clause.courier:
        return clause  # a member list or a message's route reads better off the clause
    if clause.joint and not tree.other and not tree.joint:
        return clause  # «بين X وY» names both sides; the tree found only a subject
    if (
        tree.agent
        and not tree.other
        and clause.agent
        and clause.other
        and min(p.start for p in clause.agent) > max(p.end for p in tree.agent)
    ):
        # «انتقد X استقبال Y وفد حماس»: the tree's subject is the verb's above the noun;
        # the noun's own genitive, nearer, receives
        return clause
    # A phrase cannot be on both sides: an object the parse found inside the subject
    # («يزور الرئيس التركي رجب طيب أردوغان موسكو», obj = «طيب») is a misparse.
    # A place is no side: «التقى في العاصمة الأردنية عمّان نظيره» (obj = «عمّان»).
    tree_other = tuple(p for p in tree.other if p not in tree.agent and p.preposition != "في")
    tree = replace(tree, other=tree_other)
    other = tree.other or clause.other
    if tree.other and set(tree.other) <= set(clause.other):
        other = clause.other  # the list reading finds conjuncts the parse attached elsewhere
    # A subject the parse put inside the «مع» list is a misparse («جرت مع …، الإماراتي …»).
    agent = tuple(p for p in tree.agent if p not in clause.other) or clause.agent
    if agent and agent[0] in clause.agent and len(clause.agent) > len(agent):
        agent = clause.agent  # the clause reads coordinated subjects the parse left out
    return Sides(
        agent=agent,
        other=other,
        method="tree" if (agent == tree.agent and tree.agent and tree.other) else "clause",
        intermediary=tree.intermediary or clause.intermediary,
        joint=tree.joint or clause.joint,
    )


#: Words that seat one more party at the same table: «… نظيره الأردني، إلى جانب المبعوث
#: الأمريكي», «اجتماع ثلاثي بمعية نظيره الإيراني».
COMPANION_MARKERS = (("الي", "جانب"), ("بمعيه",), ("بمعيه", "كل", "من"))


def with_companions(
    sentence: Sentence, sides: Sides, phrases: list[Phrase], bounds: tuple[int, int], mode: str
) -> Sides:
    """A party named after «إلى جانب»/«بمعية» in a meeting sits at the same table, so the
    meeting is joint: every party with every other."""
    if mode not in JOINT_MODES or sides.members:
        return sides
    if not sides.agent and not sides.other:
        return sides
    last = max(p.end for p in (*sides.agent, *sides.other))
    after = [p for p in phrases if p.start >= last and p.end <= bounds[1]]
    words = [plain(t.text) for t in sentence.tokens]
    for n, phrase in enumerate(after):
        if _companion(words, phrase):
            joined = [phrase, *conjuncts_of(sentence, phrase, after[n + 1 :])]
            # with no subject yet («حيث عقد لقاءات مع X وY، إلى جانب Z»), Z is one more
            # counterpart of whoever the subject turns out to be
            return replace(sides, other=(*sides.other, *joined), joint=bool(sides.agent))
    return sides


def _companion(words: list[str], phrase: Phrase) -> bool:
    head = words[phrase.start]
    if phrase.preposition == norm("إلى") and head == "جانب":
        return True  # «جانب» read into the phrase as a role word
    for marker in COMPANION_MARKERS:
        start = phrase.start - len(marker)
        if start >= 0 and tuple(words[start : phrase.start]) == marker:
            return True
    return head.startswith("بمعيه") and phrase.end - phrase.start > 1
