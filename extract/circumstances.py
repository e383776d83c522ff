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


#: Dependency hops from a trigger up to a verb or noun of denial or offer that governs it.
GOVERNING_HOPS = 3


def governing_status(sentence: Sentence, word_index: int, lexicon: Lexicon) -> str | None:
    """«نفى المتحدث … وجود مفاوضات بين …», «عرض على الرئيس عقد اجتماع …», «أعرب عن
    تطلعه إلى عقد لقاء»: a denial or an offer above the trigger in the tree, however far
    the words stand apart, says what became of the contact."""
    index = word_index
    for _ in range(GOVERNING_HOPS):
        head = sentence.words[index].head
        if head < 0:
            return None
        word = sentence.words[head]
        forms = (word.lemma, *clitic_variants(sentence.tokens[word.token].text))
        for form in forms:
            status = lexicon.cue(form, "status")
            if status in ("denied", "offered"):
                return status
        index = head
    return None


def status_start(sentence: Sentence, left: int, lexicon: Lexicon) -> int:
    """Where status cues start: «من المقرر أن يلتقي» sets the status of the clause
    that «أن» opens, so cues just before a complementizer count too."""
    if left > 0 and lexicon.cue(norm(sentence.tokens[left - 1].text), "boundary") == "clause":
        return max(0, left - 1 - STATUS_REACH)
    return left


def is_mediated(sentence: Sentence, left: int, right: int, lexicon: Lexicon) -> bool:
    return any(lexicon.cue(f, "mediated") for _, f in _clause_forms(sentence, left, right))


#: Date phrases count this many tokens past the last party or the trigger, whichever is
#: later («اجتماع بين الزياني وباقري كني، والذي عُقد في طهران في 23 يونيو الجاري»).
DATE_REACH = 8
#: Date-word kinds that make a phrase a date on their own; the others («يوم», «الماضي»,
#: a number) only count next to one of these.
DATE_CORE = ("day", "month", "relative")
#: Kinds that go on a phrase already started («السبت الماضي», «15 رمضان 1445 هـ»).
DATE_PARTS = ("day", "month", "relative", "hijri-month", "hijri-era", "modifier", "ordinal")


def dates(sentence: Sentence, left: int, right: int, lexicon: Lexicon) -> tuple[str, ...]:
    """Date phrases of the clause: «يوم السبت», «مساء الجمعة», «27 الشهر الجاري», «غدا»,
    «السبت الماضي», «6 أيلول/ سبتمبر الجاري», «عام 2007», «15 رمضان 1445 هـ».

    A phrase starts at any date word or number and runs over the date words, numbers
    and the slashes and brackets between them («أمس (الثلاثاء)»); it is kept when it
    holds a weekday, a month, a relative word, a number with a Hijri month, or a year
    after «عام». A phrase must start inside the clause but may run past its end
    («مع أبي أحمد في الثالث من | هذا الشهر»).
    """
    tokens = sentence.tokens
    out: list[str] = []
    stop = len(tokens)
    i = left
    while i < right:
        kind, length = _date_word(tokens, i, stop, lexicon)
        if kind in (None, "modifier", "hijri-era") and not _is_number(tokens[i].text):
            i += 1
            continue
        start, end = i, i + (length or 1)
        kinds = [kind or "number"]
        while end < stop:
            next_kind, next_len = _date_word(tokens, end, stop, lexicon)
            if next_kind in DATE_PARTS:
                kinds.append(next_kind)
                end += next_len
            elif _is_number(tokens[end].text):
                kinds.append("number")
                end += 1
            elif _is_glue(tokens[end].text) and _date_follows(tokens, end + 1, stop, lexicon):
                end += 1
            elif tokens[end].text.strip() == ")" and _open_bracket(tokens, start, end):
                end += 1  # «أمس (الثلاثاء)»
                break
            else:
                break
        if _is_date(kinds):
            first, last = tokens[start], tokens[end - 1]
            text = sentence.text[first.start - sentence.start : last.end - sentence.start]
            out.append(_trim(text))
        i = end
    return tuple(dict.fromkeys(out))


def _is_date(kinds: list[str]) -> bool:
    if any(k in DATE_CORE for k in kinds):
        return True
    if "hijri-month" in kinds and "number" in kinds:
        return True
    return "year" in kinds and "number" in kinds


def _is_glue(text: str) -> bool:
    """A slash or bracket between date words: «أيلول/ سبتمبر», «أمس (الثلاثاء)»."""
    return bool(text) and all(ch in "/()-" for ch in text.strip())


def _open_bracket(tokens, start: int, end: int) -> bool:
    opened = sum(t.text.count("(") - t.text.count(")") for t in tokens[start:end])
    return opened > 0


def _date_follows(tokens, i: int, right: int, lexicon: Lexicon) -> bool:
    if i >= right:
        return False
    kind, _ = _date_word(tokens, i, right, lexicon)
    return kind in DATE_PARTS or _is_number(tokens[i].text)


def _trim(text: str) -> str:
    """The phrase without a slash or an opening bracket at its end."""
    text = text.strip()
    while text and text[-1] in "/-(":
        text = text[:-1].rstrip()
    return text


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
        rest = [plain(t.text.strip("/")) for t in tokens[i + 1 : i + length]]
        for first in clitic_variants(tokens[i].text.strip("/")):
            kind = lexicon.dates.get(" ".join([first, *rest]))
            if kind:
                return kind, length
    return None, 0


def _is_number(text: str) -> bool:
    return strip_punct(text).isdigit()
