"""How, whether and when: a contact's mode, status, mediation and date words.

All four are read from cue words of `data/lexicon/cues.tsv` and
`data/lexicon/dates.tsv` in the trigger's clause, never from the actor phrases
(«سيرغي» split as «س + يرغي» is no future tense).
"""

from __future__ import annotations

from tawasul.extract.arabic import clitic_readings, clitic_variants, norm, plain, strip_punct
from tawasul.extract.lexicon import Lexicon, Trigger
from tawasul.extract.nlp import Sentence

MODE_RANK = ("phone", "visit", "delegation", "message", "meeting", "talks", "unspecified")
STATUS_REACH = 3  # status cues after the trigger count this far («المحادثات من المتوقع»)


def _clause_forms(sentence: Sentence, left: int, right: int) -> list[tuple[int, str]]:
    """(token index, form) for every token and syntactic word of the clause."""
    out = []
    for t in sentence.tokens[left:right]:
        forms = {plain(t.text), *(norm(sentence.words[w].text) for w in t.words)}
        forms.update(rest for _, rest in clitic_readings(t.text))
        out.extend((t.index, f) for f in forms if f)
    return out


def mode_of(sentence: Sentence, trigger: Trigger, left: int, right: int, lexicon: Lexicon) -> str:
    modes = {trigger.mode}
    for _, form in _clause_forms(sentence, left, right):
        cue = lexicon.cue(form, "mode")
        if cue:
            modes.add(cue)
    modes.discard("multilateral-meeting")
    return min(modes, key=MODE_RANK.index) if modes else trigger.mode


def status_of(
    sentence: Sentence, token: int, left: int, right: int, lexicon: Lexicon, named: set[int]
) -> str:
    """occurred unless a cue says otherwise; `named` are the actor tokens to skip."""
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


def status_start(sentence: Sentence, left: int, lexicon: Lexicon) -> int:
    """Where status cues start: «من المقرر أن يلتقي» sets the status of the clause
    that «أن» opens, so cues just before a complementizer count too."""
    if left > 0 and lexicon.cue(norm(sentence.tokens[left - 1].text), "boundary") == "clause":
        return max(0, left - 1 - STATUS_REACH)
    return left


def is_mediated(sentence: Sentence, left: int, right: int, lexicon: Lexicon) -> bool:
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


def future_date(phrases: tuple[str, ...], lexicon: Lexicon) -> bool:
    """Whether a date phrase points ahead («الأسبوع المقبل», «غدا»)."""
    return any(
        lexicon.cue(plain(word), "future") or lexicon.cue(plain(word), "status") == "planned"
        for phrase in phrases
        for word in phrase.split()
    )


def _date_word(tokens, i: int, right: int, lexicon: Lexicon) -> tuple[str | None, int]:
    for length in (3, 2, 1):
        if i + length > right:
            continue
        rest = [plain(t.text) for t in tokens[i + 1 : i + length]]
        for first in clitic_variants(tokens[i].text):
            kind = lexicon.dates.get(" ".join([first, *rest]))
            if kind:
                return kind, length
    return None, 0


def _is_number(text: str) -> bool:
    return strip_punct(text).isdigit()
