"""Multi-party meetings: who sits at one table.

A gathering noun that names its own parties (a genitive list, adjectives of
nationality, a bracketed list), or a gathering word («بمشاركة», «يضم») followed
by a list."""

from __future__ import annotations

from tawasul.extract.arabic import clitic_variants, norm
from tawasul.extract.lexicon import Lexicon
from tawasul.extract.mentions import Phrase
from tawasul.extract.nlp import Sentence
from tawasul.extract.positions import listed_after
from tawasul.extract.reading import Sides

NOT_MEMBERS = tuple(norm(w) for w in ("في", "ل", "ب", "عن", "على", "داخل"))


def read_table(
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
    listed = listed_after(sentence, phrases, token + 1, right, lexicon)
    if len(listed) >= 3:
        return Sides((), (), "clause", members=tuple(listed))
    if len(listed) == 2 and listed[1].conj:
        return Sides(listed[:1], listed[1:], "clause", joint=True)  # «لقاء الملك ونتنياهو»
    chain: list[Phrase] = []
    position = token + 1
    for phrase in in_clause:
        nationality = phrase.only_demonym or (
            chain and phrase.end - phrase.start == 1 and bare_state(phrase)
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
            bracketed = listed_after(sentence, phrases, i + 1, right, lexicon)
            if len(bracketed) >= 3:
                return Sides((), (), "clause", members=tuple(bracketed))
    return None


def bare_state(phrase: Phrase) -> bool:
    return (
        bool(phrase.hits)
        and not (phrase.roles or phrase.persons or phrase.orgs)
        and all(h.actor.kind == "state" for h in phrase.hits)
    )


def gather_point(sentence: Sentence, token: int, right: int, lexicon: Lexicon) -> int | None:
    for i in range(token + 1, right):
        if any(lexicon.cue(f, "gathers") for f in clitic_variants(sentence.tokens[i].text)):
            return i
    return None


def listed_members(in_clause: list[Phrase], token: int, gather: int | None) -> list[Phrase]:
    """Everyone listed after the trigger, except places («في الرياض») and asides
    («الحليفة التقليدية للأسد»); «إضافة إلى دبلوماسيين من إيران» still lists members."""
    start = token if gather is None else min(token, gather)
    return [
        p
        for p in in_clause
        if p.start > start and p.preposition not in NOT_MEMBERS and not p.only_demonym
    ]
