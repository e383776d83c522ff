"""Argument positions: where a trigger's subject and object are, in the clause.

Distances skip adverbials (dates, places, manner phrases) and prepositional
phrases; a pronoun after «أنه»/«حيث» stands for the subject before it; a list goes
on over «و», «ومع», «وكذلك مع»; a meeting named as a time («خلال اجتماع») takes no
subject."""

from __future__ import annotations

from tawasul.extract.arabic import clitic_variants, norm, plain, strip_punct
from tawasul.extract.lexicon import Lexicon, Trigger
from tawasul.extract.mentions import Phrase
from tawasul.extract.nlp import Sentence

PIVOTS = ("مع",)
LIST_GLUE = ("", "و", "مع", "ومع", "وكذلك", "كذلك", "وكذا", "ثم", "وايضا", "ايضا")
OBJECT_REACH = 4  # tokens between a transitive trigger and its object («اتصالا هاتفيا من …»),
# adverbials not counted
ADVERBIAL_HEADS = tuple(norm(w) for w in ("في", "بشكل", "بصوره", "داخل", "امام", "عبر", "خلال"))
MAX_SUBJECT_GAP = 8  # tokens between a subject and its trigger; further is another clause


def is_finite(sentence: Sentence, token: int) -> bool:
    return any(sentence.words[w].upos == "VERB" for w in sentence.tokens[token].words)


def has_possessive(sentence: Sentence, token: int) -> bool:
    """A word carrying a pronoun after its stem: «لقائه», «استقباله»."""
    return any(sentence.words[w].upos == "PRON" for w in sentence.tokens[token].words[1:])


def is_transitive(sentence: Sentence, token: int, trigger: Trigger) -> bool:
    """A trigger that takes a direct object: a verb (also one the tagger took for a
    noun at the head of its sentence, «هاتف ولي العهد …»), or a noun with a possessive
    pronoun («لقائه نظيره» — his meeting [with] his counterpart)."""
    verb = is_finite(sentence, token) or sentence_initial(sentence, token)
    takes = verb or has_possessive(sentence, token)
    return takes and "obj" in trigger.objects


def sentence_initial(sentence: Sentence, token: int) -> bool:
    return all(
        not any(ch.isalpha() for ch in strip_punct(t.text)) or norm(t.text) in ("و", "ف")
        for t in sentence.tokens[:token]
    )


def listed_after(
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
    if token == 0 or trigger.mode == "visit" or is_finite(sentence, token):
        return False
    if has_possessive(sentence, token):
        return False
    return after_temporal(sentence, token, lexicon)


def after_temporal(sentence: Sentence, token: int, lexicon: Lexicon) -> bool:
    """The trigger follows «أثناء», «خلال», «عقب» …: it dates something else."""
    if token == 0:
        return False
    previous = sentence.tokens[token - 1].text
    return any(lexicon.cue(form, "temporal") for form in clitic_variants(previous))


def adverbial_tokens(
    sentence: Sentence, in_clause: list[Phrase], left: int, right: int, lexicon: Lexicon
) -> set[int]:
    """Tokens that do not count as distance between a trigger and its object: punctuation,
    numbers, date words («اليوم الأربعاء»), places («في قصر بعبدا», «في القاهرة») and manner
    phrases («بشكل منفصل»)."""
    # a place phrase, however its venue noun is written («في العاصمة الأردنية عمان»)
    skip: set[int] = {i for p in in_clause if p.preposition == "في" for i in range(p.start, p.end)}
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


def object_of(
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
        if marked or (phrase.preposition is None and is_transitive(sentence, token, trigger)):
            return [phrase, *conjuncts_of(sentence, phrase, after[n + 1 :])]
    return []


def conjuncts_of(sentence: Sentence, first: Phrase, rest: list[Phrase]) -> list[Phrase]:
    """The phrases coordinated with `first`: «بنظيريه الروسي والتركي», and those after
    the same preposition again: «رسائل إلى وزراء … وإلى الأمين العام …»."""
    out: list[Phrase] = []
    end = first.end
    again = {"و" + first.preposition} if first.preposition else set()
    for phrase in rest:
        gap = [plain(t.text) for t in sentence.tokens[end : phrase.start]]
        repeated = bool(gap) and gap[-1] in again and phrase.preposition == first.preposition
        if repeated:
            gap = gap[:-1]
        if not (phrase.conj or repeated) or not all(g in ("", "و") for g in gap):
            break
        out.append(phrase)
        end = phrase.end
    return out


#: Words after which a clause names what is discussed, not who discusses it.
TOPICS = tuple(norm(w) for w in ("بشأن", "حول", "إزاء", "تجاه", "بخصوص"))


def agent_of(
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
    words = [plain(t.text) for t in sentence.tokens[token + 1 : end]]
    topic = next((token + 1 + n for n, w in enumerate(words) if w in TOPICS), end)
    inner = [p for p in in_clause if token < p.start and p.end <= topic and p.preposition is None]
    if inner:
        return (inner[0],)
    return agent_before(sentence, in_clause, token, left, phrases, skip)


def agent_before(
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
        return speaker(sentence, left, phrases)
    chain = [_apposed_to(sentence, before[-1], before)]
    for phrase in reversed(before[:-1]):
        gap = [plain(t.text) for t in sentence.tokens[phrase.end : chain[0].start]]
        if chain[0].conj and all(g in ("", "و") for g in gap):
            chain.insert(0, phrase)
        else:
            break
    return tuple(chain)


def destination(sentence: Sentence, phrase: Phrase, lexicon: Lexicon) -> bool:
    """A capital right after a verb of motion is where it goes, not who acts:
    «وصل القاهرة ليلتقي …» (but «اتفقت بكين وطوكيو» is Beijing agreeing)."""
    if phrase.start == 0 or phrase.roles or not phrase.hits:
        return False
    if not all(h.role == "capital" for h in phrase.hits):
        return False
    verb = sentence.tokens[phrase.start - 1]
    forms = [*clitic_variants(verb.text), *(sentence.words[w].lemma for w in verb.words)]
    return is_finite(sentence, phrase.start - 1) and any(lexicon.cue(f, "motion") for f in forms)


def _apposed_to(sentence: Sentence, phrase: Phrase, before: list[Phrase]) -> Phrase:
    """A title set off by a comma after a named person describes him: «الرئيس نيكولا
    ساركوزي، الرئيس الدوري للاتحاد الأوروبي، سيلتقي …» is Sarkozy meeting."""
    while not phrase.names_person and phrase.start > 0:
        if sentence.tokens[phrase.start - 1].text not in (",", "،"):
            break
        named = [p for p in before if p.end == phrase.start - 1]
        if not named or not named[0].names_person:
            break
        phrase = named[0]
    return phrase


def speaker(sentence: Sentence, left: int, phrases: list[Phrase]) -> tuple[Phrase, ...]:
    """«الجيش اللبناني: اتصالات مع سوريا» — the speaker before a colon acts."""
    if left == 0 or sentence.tokens[left - 1].text != ":":
        return ()
    before = [p for p in phrases if p.end == left - 1 and p.preposition is None]
    return (before[-1],) if before else ()


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
