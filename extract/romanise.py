"""A Latin reading of an Arabic name, so English readers can read actors the
knowledge base does not know. Arabic does not write short vowels, so the reading
is consonantal and honest about it: «كريم منصور» → «Krim Mnsur».

The letter table is data (`data/lexicon/romanise.tsv`); the code only decides
whether «و»/«ي» are consonants (word-initially, next to «ا») or long vowels.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from tawasul.extract.arabic import norm
from tawasul.extract.lexicon import read_tsv
from tawasul.extract.paths import DATA_DIR


@lru_cache(maxsize=4)
def read_table(path: Path) -> dict[str, tuple[str, str]]:
    rows = read_tsv(path, ("letter", "latin"))
    return {r["letter"]: (r["latin"], r.get("vowel", "") or r["latin"]) for r in rows}


def romanise(text: str, path: Path | None = None) -> str:
    """Consonantal Latin reading, words capitalised, «ال» as «al-»."""
    table = read_table(path or DATA_DIR / "lexicon" / "romanise.tsv")
    words = []
    for word in norm(text).split():
        prefix = ""
        if word.startswith("ال") and len(word) > 3:
            prefix, word = "al-", word[2:]
        out = []
        for i, ch in enumerate(word):
            latin, vowel = table.get(ch, ("", ""))
            after_consonant = i > 0 and word[i - 1] not in "اوي"
            before_alef = i + 1 < len(word) and word[i + 1] == "ا"
            if ch in "وي" and after_consonant and not before_alef:
                latin = vowel
            out.append(latin)
        reading = "".join(out)
        if reading:
            words.append(prefix + reading[:1].upper() + reading[1:])
    return " ".join(words)
