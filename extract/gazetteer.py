"""The actor gazetteer: states, capitals, demonyms, organisations and persons.

Loaded from `data/gazetteer/actors.tsv` (one row per actor) and `names.tsv` (one
row per Arabic surface form with its role: name, capital, demonym or organ).
Matching runs over surface tokens, so a name that the offline MWT model splits
(«سيرغي» → «س + يرغي») is still found whole.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tawasul.extract.arabic import clitic_readings, norm, plain
from tawasul.extract.lexicon import DataFileError, read_tsv
from tawasul.extract.paths import DATA_DIR
from tawasul.extract.records import ACTOR_KINDS, OFFICES, Actor, Office, affiliation_chain

#: Priority when forms collide. An epithet names one office of a state, and so its holder
#: («خادم الحرمين الشريفين» is the King of Saudi Arabia).
NAME_ROLES = ("name", "organ", "capital", "demonym", "epithet")


@dataclass(frozen=True)
class GazetteerHit:
    """A gazetteer match over tokens [start, end)."""

    start: int
    end: int
    actor: Actor
    role: str
    prefix: str = ""  # proclitics stripped from the first word («و», «ب», «ال» …)


class Gazetteer:
    """Arabic surface forms → actors, matched longest first."""

    def __init__(
        self,
        actors: dict[str, Actor],
        forms: dict[tuple[str, ...], tuple[str, str]],
        formats: dict[tuple[str, ...], tuple[Actor, ...]] | None = None,
        titles: dict[str, str] | None = None,
    ):
        self.actors = actors
        self.formats = formats or {}
        # a title's office words → the office it names («عاهل» → head-of-state)
        self.titles = titles or {}
        self._format_heads = {key[0] for key in self.formats}
        self._forms = forms
        self._longest = max((len(k) for k in forms), default=1)
        # Person name forms for spelling-tolerant lookups of NER names, by the spelling
        # skeleton of all their words and of all but the last: two spellings `_close` to
        # each other share a skeleton, so a lookup only tries forms that may match.
        self._by_skeleton: dict[tuple[str, ...], list[tuple[tuple[str, ...], str]]] = {}
        self._by_head: dict[tuple[str, ...], list[tuple[tuple[str, ...], str]]] = {}
        users: dict[str, set[str]] = {}  # the persons each name word appears in
        for key, (actor_id, role) in forms.items():
            if role == "name" and actors[actor_id].kind == "person" and len(key) >= 2:
                self._by_skeleton.setdefault(_skeletons(key), []).append((key, actor_id))
                self._by_head.setdefault(_skeletons(key[:-1]), []).append((key, actor_id))
                for word in key:
                    users.setdefault(word, set()).add(actor_id)
        # name words of at most two persons, by spelling skeleton (see `_skeleton`)
        self._rare_words: dict[str, list[str]] = {}
        for word, ids in users.items():
            if len(ids) <= 2:
                self._rare_words.setdefault(_skeleton(word), []).append(word)

    @classmethod
    def load(cls, directory: Path | None = None) -> Gazetteer:
        base = directory or DATA_DIR / "gazetteer"
        rows = read_tsv(
            base / "actors.tsv", ("id", "kind", "label_en", "label_ar", "wikidata", "affiliation")
        )
        names = read_tsv(base / "names.tsv", ("actor_id", "role", "arabic"))
        by_id = {r["id"]: r for r in rows}
        offices = _offices(base / "offices.tsv", by_id) if (base / "offices.tsv").exists() else {}
        alt: dict[str, list[str]] = {}
        forms: dict[tuple[str, ...], tuple[str, str]] = {}
        for r in names:
            if r["actor_id"] not in by_id:
                raise DataFileError(f"{base / 'names.tsv'}: unknown actor id {r['actor_id']!r}")
            if r["role"] not in NAME_ROLES:
                raise DataFileError(f"{base / 'names.tsv'}: unknown role {r['role']!r}")
            key = tuple(norm(r["arabic"]).split())
            old = forms.get(key)
            if old is None or NAME_ROLES.index(r["role"]) < NAME_ROLES.index(old[1]):
                forms[key] = (r["actor_id"], r["role"])
            if r["role"] == "name" and r["arabic"] != by_id[r["actor_id"]]["label_ar"]:
                alt.setdefault(r["actor_id"], []).append(r["arabic"])
        for r in rows:  # the Arabic label is always a name form
            forms.setdefault(tuple(norm(r["label_ar"]).split()), (r["id"], "name"))
        for key, found in list(forms.items()):
            if found[1] == "demonym" and len(key) > 1 and not key[1].startswith("ال"):
                # «الكوري الشمالي»: a definite nisba of two words carries «ال» on both
                forms.setdefault((key[0], *("ال" + w for w in key[1:])), found)

        actors: dict[str, Actor] = {}

        def build(actor_id: str, trail: tuple[str, ...] = ()) -> Actor:
            if actor_id in actors:
                return actors[actor_id]
            if actor_id not in by_id or actor_id in trail:
                raise DataFileError(f"{base / 'actors.tsv'}: bad affiliation chain {trail}")
            r = by_id[actor_id]
            if r["kind"] not in ACTOR_KINDS:
                raise DataFileError(f"{base / 'actors.tsv'}: unknown kind {r['kind']!r}")
            affiliation = build(r["affiliation"], (*trail, actor_id)) if r["affiliation"] else None
            actors[actor_id] = Actor(
                id=actor_id,
                kind=r["kind"],
                label_ar=r["label_ar"],
                label_en=r["label_en"] or None,
                alt_labels=tuple(dict.fromkeys(alt.get(actor_id, []))),
                wikidata=r["wikidata"] or None,
                affiliation=affiliation,
                offices=offices.get(actor_id, ()),
            )
            return actors[actor_id]

        for actor_id in by_id:
            build(actor_id)
        formats: dict[tuple[str, ...], tuple[Actor, ...]] = {}
        if (base / "formats.tsv").exists():
            for r in read_tsv(base / "formats.tsv", ("arabic", "members")):
                unknown = [m for m in r["members"].split() if m not in actors]
                if unknown:
                    raise DataFileError(f"{base / 'formats.tsv'}: unknown member(s) {unknown}")
                members = tuple(actors[m] for m in r["members"].split())
                formats[tuple(norm(r["arabic"]).split())] = members
        titles: dict[str, str] = {}
        if (base / "titles.tsv").exists():
            for r in read_tsv(base / "titles.tsv", ("title", "office")):
                if r["office"] not in OFFICES:
                    raise DataFileError(f"{base / 'titles.tsv'}: unknown office {r['office']!r}")
                titles[" ".join(norm(w) for w in r["title"].split())] = r["office"]
        return cls(actors, forms, formats, titles)

    def format_at(self, tokens: list[str], start: int) -> tuple[int, tuple[Actor, ...]] | None:
        """A named format («المحادثات السداسية») starting at `start`: (end, members)."""
        for _, first in clitic_readings(tokens[start]):
            if first not in self._format_heads:
                continue
            for key, members in self.formats.items():
                end = start + len(key)
                if (
                    end <= len(tokens)
                    and (first, *(plain(t) for t in tokens[start + 1 : end])) == key
                ):
                    return end, members
        return None

    def person_like(self, name: str, state: Actor | None = None) -> Actor | None:
        """The one known person whose name differs from `name` by at most one letter in
        at most one word: transliteration variants the table does not list. When the text
        gives the person's state («الرئيس الروسي ديمتري مديديف»), a person of that state
        whose first name is as close and whose last name is two letters off will do. A name
        one word short of a known person's (the tagger cut it) is that person.
        None when no person, or more than one, is that close."""
        words = tuple(norm(name).split())
        for shorter in _without_lineage(words):
            found_form = self._forms.get(shorter)
            if found_form and self.actors[found_form[0]].kind == "person":
                return self.actors[found_form[0]]
        found = {
            actor_id
            for key, actor_id in self._by_skeleton.get(_skeletons(words), ())
            if sum(k != w for k, w in zip(key, words, strict=True)) <= 1
            and all(_close(k, w) for k, w in zip(key, words, strict=True))
        }
        if not found and state is not None and len(words) >= 2:
            found = {
                actor_id
                for key, actor_id in self._by_head.get(_skeletons(words[:-1]), ())
                if len(key) == len(words)
                and all(_close(k, w) for k, w in zip(key[:-1], words[:-1], strict=True))
                and min(len(key[-1]), len(words[-1])) >= 5
                and _edits(key[-1], words[-1]) <= 2
                and affiliation_chain(self.actors[actor_id])[-1] == state
            }
        if not found and len(words) >= 2 and any(self._near_rare(w) for w in words):
            # the tagger cut the name short: «باصيرو ديوماي» of «باسيرو ديوماي فاي» (a name
            # of common words only, «محمد علي», is no one in particular)
            found = {
                actor_id
                for key, actor_id in self._by_head.get(_skeletons(words), ())
                if len(key) == len(words) + 1
                and all(_close(k, w) for k, w in zip(key, words, strict=False))
                and (state is None or affiliation_chain(self.actors[actor_id])[-1] == state)
            }
        return self.actors[found.pop()] if len(found) == 1 else None

    def _near_rare(self, word: str) -> bool:
        """The word, or a spelling one letter off, names at most two known persons."""
        return any(_close(word, rare) for rare in self._rare_words.get(_skeleton(word), ()))

    def match(self, tokens: list[str], start: int) -> GazetteerHit | None:
        """The longest gazetteer form beginning at token `start` (clitics allowed on it)."""
        rest = [plain(t) for t in tokens[start + 1 : start + self._longest]]
        best: GazetteerHit | None = None
        for prefix, first in clitic_readings(tokens[start]):
            for length in range(min(self._longest, len(rest) + 1), 0, -1):
                found = self._forms.get((first, *rest[: length - 1]))
                if found is None and length == 1 and first.endswith("يا"):
                    # the accusative of a nisba: «اجتماعا أردنيا» is «أردني»
                    found = self._forms.get((first[:-1],))
                    found = found if found and found[1] == "demonym" else None
                if found and (best is None or _better(length, found[1], best)):
                    actor = self.actors[found[0]]
                    best = GazetteerHit(start, start + length, actor, found[1], prefix)
        return best


#: Letters that transliterations of one foreign name swap for each other: long vowels,
#: the several spellings of g, t, s, d/z and h. A change outside one class is another name
#: («بينج» / «بينر»), not a spelling variant.
_SIMILAR = ("اويى", "جغكق", "تط", "سصث", "دضذظز", "هحة", "ءئؤأإآا")
#: Letters a spelling may add or drop: vowels and the glottal stop («نتينياهو» / «نتنياهو»).
_OPTIONAL = set("اويىءئؤه")
#: Two words `_close` calls one spelling share a skeleton: letters that may be dropped, or
#: swapped for one of those, are dropped; the rest stand for their class of similar letters.
_SKELETON_DROP = set().union(*(set(g) for g in _SIMILAR if set(g) & _OPTIONAL))
_SKELETON_CLASS = {ch: g[0] for g in _SIMILAR if not set(g) & _OPTIONAL for ch in g}


def _skeleton(word: str) -> str:
    return "".join(_SKELETON_CLASS.get(ch, ch) for ch in word if ch not in _SKELETON_DROP)


def _skeletons(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(_skeleton(w) for w in words)


def _close(a: str, b: str) -> bool:
    """Equal, or one letter changed for a similar one, or one vowel inserted or dropped."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1 or min(len(a), len(b)) < 3:
        return False
    if len(a) == len(b):
        diffs = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
        if len(diffs) != 1:
            return False
        x, y = diffs[0]
        return any(x in group and y in group for group in _SIMILAR) and (
            min(len(a), len(b)) >= 4 or (x in _OPTIONAL and y in _OPTIONAL)
        )
    short, long_ = sorted((a, b), key=len)
    if len(short) < 4:
        return False
    return any(
        long_[:i] + long_[i + 1 :] == short and long_[i] in _OPTIONAL for i in range(len(long_))
    )


LINEAGE = ("بن", "ابن", "بنت")


def _without_lineage(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The name with fewer «بن …» links, longest first: «محمد بن عبد العزيز بن صالح
    الخليفي» → «محمد بن عبد العزيز الخليفي» → «محمد الخليفي». A full lineage is
    often longer in the news than in the table; first name and family name stay."""
    units: list[tuple[str, ...]] = []
    i = 0
    while i < len(words):
        j = i + 1
        if words[i] in LINEAGE and j < len(words):
            j += 1
        if words[j - 1] == "عبد" and j < len(words):
            j += 1  # «عبد العزيز» is one name
        units.append(words[i:j])
        i = j
    links = [k for k, u in enumerate(units) if u[0] in LINEAGE]
    if not links or links[0] == 0 or links[-1] == len(units) - 1:
        return []
    first, tail = units[: links[0]], units[links[-1] + 1 :]
    chain = units[links[0] : links[-1] + 1]
    out = []
    for keep in range(len(chain) - 1, -1, -1):
        out.append(tuple(w for u in (*first, *chain[:keep], *tail) for w in u))
    return out


def _edits(a: str, b: str) -> int:
    """Levenshtein distance: letters inserted, dropped or changed."""
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        previous, row[0] = row[0], i
        for j, y in enumerate(b, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (x != y))
    return row[-1]


def _offices(path: Path, by_id: dict[str, dict[str, str]]) -> dict[str, tuple[Office, ...]]:
    """Offices per person; a bad row names the file, the actor and the problem."""
    out: dict[str, list[Office]] = {}
    for r in read_tsv(path, ("actor_id", "office", "of", "start", "end")):
        where = f"{path}: {r['actor_id']} {r['office']}"
        if r["actor_id"] not in by_id or r["of"] not in by_id:
            raise DataFileError(f"{where}: unknown actor id {r['actor_id']!r} or {r['of']!r}")
        if r["office"] not in OFFICES:
            raise DataFileError(f"{where}: unknown office (use one of {', '.join(OFFICES)})")
        try:
            start = int(r["start"]) if r["start"] else None
            end = int(r["end"]) if r["end"] else None
        except ValueError:
            raise DataFileError(f"{where}: years must be YYYY") from None
        if start is not None and end is not None and end < start:
            raise DataFileError(f"{where}: ends ({end}) before it starts ({start})")
        out.setdefault(r["actor_id"], []).append(Office(r["office"], r["of"], start, end))
    return {k: tuple(v) for k, v in out.items()}


def _better(length: int, role: str, best: GazetteerHit) -> bool:
    """Longer matches win; at equal length a name beats an organ, capital or demonym
    («والسعودية» is the state, not the adjective)."""
    best_length = best.end - best.start
    if length != best_length:
        return length > best_length
    return NAME_ROLES.index(role) < NAME_ROLES.index(best.role)
