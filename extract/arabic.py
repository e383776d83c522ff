"""Arabic orthographic normalisation shared by every lexicon lookup.

News text spells the same word with or without hamza seats, tatweel and vowel
marks; the Stanza lemmas made here even keep the vowel marks. Every lookup goes
through `norm` so that data files can be written in plain spelling.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_LETTERS = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ة": "ه",
        "ى": "ي",
        "ی": "ي",  # Persian yeh, seen in copied tags
        "ې": "ي",
        "ک": "ك",
        "ہ": "ه",
        "ؤ": "و",
        "ئ": "ي",
        "“": '"',
        "”": '"',
        "«": '"',
        "»": '"',
    }
)
_PUNCT_EDGES = "\"'()[]{}«»“”‘’.,،:;؛!?؟-–—…"

# Proclitics that attach to nouns in running text, longest first: the conjunction,
# then a preposition, then the article (و + ب + ال = «وبال»).
_PROCLITICS = ("وبال", "وال", "فال", "بال", "كال", "ولل", "لل", "ال", "و", "ف", "ب", "ل", "ك")


@lru_cache(maxsize=1 << 16)  # the same words come back in every sentence
def norm(text: str) -> str:
    """Fold spelling variants: diacritics, tatweel, hamza seats, ta marbuta, alef maqsura."""
    text = unicodedata.normalize("NFKC", text)
    text = _DIACRITICS.sub("", text)
    text = text.translate(_LETTERS)
    return " ".join(text.split())


def strip_punct(text: str) -> str:
    """Remove quotes and punctuation glued to a token's edges (Stanza keeps some)."""
    return text.strip(_PUNCT_EDGES + " ")


@lru_cache(maxsize=1 << 16)
def plain(text: str) -> str:
    """A token as the lexicons spell it: edge punctuation off, then normalised."""
    return norm(strip_punct(text))


@lru_cache(maxsize=1 << 16)
def clitic_readings(word: str) -> tuple[tuple[str, str], ...]:
    """Every (proclitics, rest) reading of a word, the unsplit reading first.

    «والإيراني» → [("", "والايراني"), ("وال", "ايراني"), ("و", "الايراني"), …]: the
    matcher tries each, so lexicon entries are written bare and still match after
    «و», «ب», «ال»; the proclitics tell a coordination («و») or a preposition («ب»).
    """
    base = plain(word)
    glued = base.lstrip("0123456789-/")  # «2025-03-18الوزير»: a date glued to a word
    if glued and glued != base and glued[0].isalpha():
        base = glued
    out = [("", base)]
    for clitic in _PROCLITICS:
        if base.startswith(clitic) and len(base) - len(clitic) >= 2:
            rest = strip_punct(base[len(clitic) :])  # «و”هيئة»: a quote after the clitic
            out.append((clitic, rest))
            if clitic.endswith("لل"):
                # «للاجتماع» = ل + الاجتماع: keep the article reading too.
                out.append((clitic[:-1], "ال" + rest))
    return tuple(out)


def clitic_variants(word: str) -> list[str]:
    """The forms of `clitic_readings`, without the proclitics."""
    return list(dict.fromkeys(rest for _, rest in clitic_readings(word)))


_VERB_PREFIXES = ("سي", "ست", "سن", "ي", "ت", "ن", "ا")
_VERB_SUFFIXES = ("ان", "ون", "ين", "وا", "تا", "ت", "ا")


def stems(word: str) -> list[str]:
    """Candidate stems of an inflected verb or noun, for lexicon lookups only.

    The offline lemmatiser often returns the surface form («تتواصلان»); peeling
    the usual person/number affixes finds the entry («تواصل»).
    """
    out = [word]
    for suffix in ("", *_VERB_SUFFIXES):
        core = word[: -len(suffix)] if suffix and word.endswith(suffix) else word
        if suffix and core == word:
            continue
        for prefix in ("", *_VERB_PREFIXES):
            if prefix and not core.startswith(prefix):
                continue
            stem = core[len(prefix) :]
            if len(stem) >= 3 and stem not in out:
                out.append(stem)
    return out


_NOUN_SUFFIXES = ("هما", "هم", "ها", "ه", "نا", "كم", "ي")
_NUMBER_SUFFIXES = ("تين", "تان", "ين", "ان", "ا")


def noun_stems(word: str) -> list[str]:
    """Candidate bases of a suffixed or dual noun, for lexicon lookups only.

    «زيارته» → «زياره», «مباحثاتهما» → «مباحثات», «الرسالتين» → «الرساله»: a
    possessive pronoun and the dual ending are peeled, and a «ت» left bare by them
    is the ta marbuta again.
    """
    out = [word]
    for possessive in ("", *_NOUN_SUFFIXES):
        core = word[: -len(possessive)] if possessive and word.endswith(possessive) else word
        if possessive and core == word:
            continue
        for number in ("", *_NUMBER_SUFFIXES):
            base = core[: -len(number)] if number and core.endswith(number) else core
            if number and base == core:
                continue
            if number.startswith("ت"):
                base += "ه"
            candidates = [base, base[:-1] + "ه"] if base.endswith("ت") else [base]
            for cand in candidates:
                if len(cand) >= 3 and cand not in out:
                    out.append(cand)
    return out


def conjunction(prefix: str) -> bool:
    """Whether a proclitic string begins with the conjunction «و» or «ف»."""
    return prefix[:1] in ("و", "ف")


def preposition(prefix: str) -> str | None:
    """The preposition inside a proclitic string: «وبال» → «ب», «لل» → «ل»."""
    core = prefix.lstrip("وف")
    core = core[:-2] if core.endswith("ال") else core
    return core[:1] or None


def without_article(word: str) -> str:
    """Drop a leading «ال» so that definite and bare forms compare equal."""
    return word[2:] if word.startswith("ال") and len(word) > 3 else word
