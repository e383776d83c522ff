"""Where a contact is told: trigger words and the clause around each.

A trigger is a word whose lemma, surface form or stem is in
`data/lexicon/triggers.tsv`. Its clause runs from the last clause boundary before
it («أن», «الذي», a colon, a full stop) to the next one after it, or to «و» + verb
opening a coordinate clause; the sides of the contact are looked for inside it.
"""

from __future__ import annotations

from itertools import pairwise

from tawasul.extract.arabic import clitic_variants, noun_stems, plain, stems
from tawasul.extract.lexicon import Lexicon, Trigger
from tawasul.extract.mentions import Phrase
from tawasul.extract.nlp import Sentence

HARD_STOPS = {".", "؟", "?", "!", ";", "؛"}
RELATIVE_REACH = 2  # a relative pronoun this close after a trigger noun describes it
DASHES = {"-", "–", "—", "ـ"}
DATELINE_REACH = 5  # a dash this early in a sentence ends its dateline («القاهرة (أ ف ب) -»)


def find_triggers(
    sentence: Sentence, phrases: list[Phrase], lexicon: Lexicon
) -> list[tuple[int, Trigger]]:
    """(word index, trigger) for each token whose lemma, surface form or stem is a
    trigger, outside actor phrases («وفد دمشق» names an actor, it is no trigger).

    Tokens, not words, are looked at: the offline MWT model splits «بحث» into
    «ب + حث», and the whole surface form still finds the trigger.
    """
    # a token inside an actor phrase names the actor («وفد دمشق»); so does a bare group
    # word standing for one («عقده الوفد مع …»: the delegation, no contact of its own)
    inside = {
        i
        for p in phrases
        for i in range(p.start, p.end)
        if p.hits or p.persons or p.roles == (("group", "وفد"),)
    }
    out = []
    for token in sentence.tokens:
        if token.index in inside:
            continue
        words = [sentence.words[i] for i in token.words]
        content = [w for w in words if w.upos not in ("ADP", "PUNCT", "CCONJ", "PRON", "PART")]
        if not content:
            continue
        forms = [*clitic_variants(token.text)]
        for word in content:
            forms += [word.lemma, *clitic_variants(word.text)]
        if any(w.upos in ("VERB", "X") for w in content):
            forms += [stem for form in forms for stem in stems(form)]
        forms += [base for form in forms for base in noun_stems(form)]  # «زيارته», «لقاءيهما»
        trigger = next((lexicon.triggers[f] for f in forms if f in lexicon.triggers), None)
        if trigger is not None:
            out.append((content[0].index, trigger))
    return out


def clause_bounds(sentence: Sentence, token: int, lexicon: Lexicon) -> tuple[int, int]:
    """Token range [left, right) of the clause holding the trigger token."""
    words = [plain(t.text) or t.text for t in sentence.tokens]
    pairs = [f"{a} {b}" for a, b in pairwise(words)]
    left = token
    while left > 0:
        word = words[left - 1]
        if sentence.tokens[left - 1].text in HARD_STOPS | {":"} or lexicon.cue(word, "boundary"):
            break
        if left >= 2 and lexicon.cue(pairs[left - 2], "boundary"):
            break  # «… ، ومن جهة أخرى عقد …»: a two-word opener of another topic
        if _dateline_dash(sentence, left - 1):
            break  # «موسكو - التقى …»: a dateline is no subject
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
        elif boundary or (right + 1 < len(words) and lexicon.cue(pairs[right], "boundary")):
            break
        if _starts_coordinate_clause(sentence, right):
            break
        right += 1
    return left, right


def _dateline_dash(sentence: Sentence, token: int) -> bool:
    """A dash among the first words, after no verb, ends a dateline («القاهرة (وكالات) -»);
    «ونوه بايدن -في اتصال…-» is an aside."""
    if token >= DATELINE_REACH or sentence.tokens[token].text not in DASHES:
        return False
    before = [sentence.words[k] for t in sentence.tokens[:token] for k in t.words]
    return not any(w.upos in ("VERB", "AUX") for w in before)


def _starts_coordinate_clause(sentence: Sentence, token: int) -> bool:
    """«… ، وأوضح المسؤول»: a token «و» + verb opens a new clause."""
    word_ids = sentence.tokens[token].words
    if len(word_ids) < 2 or sentence.tokens[token].ner != "O":
        return False  # «ويتكوف» split as «و + يتكوف» is a name, not «and» + verb
    first, second = (sentence.words[i] for i in word_ids[:2])
    return first.text in ("و", "ف") and second.upos == "VERB"
