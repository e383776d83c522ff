"""Find actor phrases in a parsed sentence.

A phrase is a run of tokens that together point at one actor: gazetteer names,
capitals and demonyms, role words («وزير الخارجية», «نظيره», «مسؤولين») and NER
person/organisation spans — «وزير الخارجية الروسي سيرغي لافروف» is one phrase.
A token that only matches after dropping «و» starts a new, coordinated phrase
(«نظيريه التركي … والإيراني محمد جواد ظريف»). Phrases are not yet actors: the
resolver in `actors.py` decides what each one stands for.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from tawasul.extract.arabic import (
    clitic_readings,
    clitic_variants,
    conjunction,
    norm,
    plain,
    preposition,
    strip_punct,
)
from tawasul.extract.gazetteer import Gazetteer, GazetteerHit
from tawasul.extract.lexicon import Lexicon
from tawasul.extract.nlp import Sentence
from tawasul.extract.records import affiliation_chain

UNIT_ROLES = ("title", "counterpart", "group", "organ", "honorific", "nonactor")
# Prepositions that may link an unnamed official to the body or state he belongs
# to: «وزراء خارجية من السعودية», «مسؤولين في الحكومة», «المدير العام للمفوضية».
LINKERS = ("من", "في", "عن")
LOCATIVES = tuple(norm(w) for w in ("في", "إلى", "داخل", "من", "عن", "على"))
QUOTES = {'"', "«", "»", "“", "”", "'", "‘", "’"}
# Nouns of place between a preposition and the actor-looking name of the place.
VENUES = tuple(
    norm(w)
    for w in (
        "العاصمة",
        "عاصمة",
        "مدينة",
        "المدينة",
        "قصر",
        "القصر",
        "مقر",
        "فندق",
        "منتجع",
        "محافظة",
        "بالعاصمة",
        "بمدينة",
        "بقصر",
        "بمقر",
        "بفندق",
        "للعاصمة",
        "لمدينة",
    )
)


@dataclass(frozen=True)
class Phrase:
    """Tokens [start, end) of a sentence that name, or describe, one actor."""

    start: int
    end: int
    text: str
    char_start: int
    char_end: int
    hits: tuple[GazetteerHit, ...]
    roles: tuple[tuple[str, str], ...]  # (kind, normalised word)
    persons: tuple[str, ...]  # NER person names not found in the gazetteer
    orgs: tuple[str, ...]  # NER organisation names not found in the gazetteer
    conj: bool  # begins with the conjunction «و»
    preposition: str | None  # the preposition right before it (token or clitic)
    # The person named heads a body the phrase names rather than holding its title:
    # «حكومة الأسد», «إدارة الرئيس جو بايدن», «وزير الدفاع في حكومة الأسد».
    person_heads_organ: bool = False

    @property
    def role_kinds(self) -> set[str]:
        return {kind for kind, _ in self.roles}

    def has_role(self, *kinds: str) -> bool:
        return bool(self.role_kinds.intersection(kinds))

    @property
    def names_person(self) -> bool:
        """A person's name is in the phrase (NER or the knowledge base)."""
        return bool(self.persons) or any(h.actor.kind == "person" for h in self.hits)

    @property
    def title_key(self) -> str:
        """The office words, e.g. «وزير خارجيه», used to match counterparts."""
        words = [w for kind, w in self.roles if kind in ("title", "office")]
        return " ".join(words[:3])

    @property
    def only_demonym(self) -> bool:
        return (
            bool(self.hits)
            and all(h.role == "demonym" for h in self.hits)
            and not (self.roles or self.persons or self.orgs)
        )


@dataclass
class _Unit:
    start: int
    end: int
    kind: str  # gaz | role | per | org
    conj: bool
    hit: GazetteerHit | None = None
    role: tuple[str, str] | None = None
    clitic: str | None = None


def find_phrases(sentence: Sentence, gazetteer: Gazetteer, lexicon: Lexicon) -> list[Phrase]:
    """All actor phrases of a sentence, left to right."""
    units = _units(sentence, gazetteer, lexicon)
    phrases: list[Phrase] = []
    i = 0
    while i < len(units):
        group = [units[i]]
        j = i + 1
        while j < len(units) and _continues(
            sentence, group, units[j], lexicon, units[j + 1] if j + 1 < len(units) else None
        ):
            group.append(units[j])
            j += 1
        if any(u.kind != "role" or u.role[0] in UNIT_ROLES for u in group):
            phrases.append(_phrase(sentence, group))
        i = j
    phrases = _join_titles_to_names(sentence, phrases, lexicon)
    return _join_heads(sentence, _join_trailing_titles(sentence, phrases))


#: «وفد برئاسة X»: the word that names who heads a delegation or team.
HEADED_BY = tuple(norm(w) for w in ("برئاسة", "يرأسه", "يترأسه", "ترأسه", "بقيادة", "يقوده"))


def _join_pairs(
    sentence: Sentence, phrases: list[Phrase], belongs: Callable[[Phrase, Phrase], bool]
) -> list[Phrase]:
    """Each phrase that `belongs` to the phrase before it joins it."""
    out: list[Phrase] = []
    for phrase in phrases:
        if out and belongs(out[-1], phrase):
            out[-1] = _joined(sentence, [out[-1], phrase])
        else:
            out.append(phrase)
    return out


def _join_heads(sentence: Sentence, phrases: list[Phrase]) -> list[Phrase]:
    """«الوفد الأمني المصري، برئاسة وكيل جهاز الاستخبارات أيمن بديع»: a delegation headed
    by a named person is that person's, on his side."""

    def headed_by(before: Phrase, phrase: Phrase) -> bool:
        gap = [plain(t.text) for t in sentence.tokens[before.end : phrase.start]]
        gap = [g for g in gap if g]  # commas
        return (
            before.has_role("group")
            and not before.names_person
            and phrase.names_person
            and phrase.preposition is None
            and len(gap) == 1
            and gap[0] in HEADED_BY
        )

    return _join_pairs(sentence, phrases, headed_by)


def _join_trailing_titles(sentence: Sentence, phrases: list[Phrase]) -> list[Phrase]:
    """A person the knowledge base does not know, followed (at most a comma apart) by a
    title naming a state or body, is that title's holder: «الرئيس داني فور رئيس جمهورية
    سيشل» is one man of the Seychelles, not a man and a state. A known person followed by
    a title of his own side is described again («قيس سعيد رئيس الجمهورية التونسية»); a
    title of another side is another person («استقبل الرئيس السيسي رئيس الوزراء
    الإثيوبي»)."""

    def describes(before: Phrase, phrase: Phrase) -> bool:
        gap = [t.text for t in sentence.tokens[before.end : phrase.start]]
        unknown = bool(before.persons) and not before.hits
        known = any(h.actor.kind == "person" for h in before.hits) and _same_side(
            [phrase], before
        )  # «الرئيس قيس سعيد رئيس الجمهورية التونسية»: his own title again
        return (
            (unknown or known)
            and phrase.has_role("title")
            and not phrase.names_person
            and not phrase.conj
            and phrase.preposition is None
            and any(h.actor.kind in ("state", "organization") for h in phrase.hits)
            and gap in ([], [","], ["،"])
        )

    return _join_pairs(sentence, phrases, describes)


#: «called»: a title, this word, and the name of its holder («مبعوث يدعى …»).
CALLED = tuple(norm(w) for w in ("يدعى", "تدعى", "ويدعى", "يسمى", "يدعي"))
#: At most this many words of a body's name between a title and the name of its holder.
TITLE_TAIL = 3


def _join_titles_to_names(
    sentence: Sentence, phrases: list[Phrase], lexicon: Lexicon
) -> list[Phrase]:
    """A title whose holder is named a few words on is one phrase naming that person:
    - «رئيس مجلس نواب برلمان طبرق عقيلة صالح», «قائد قوات شرق ليبيا خليفة حفتر»: the
      body's name, unknown to the lexicons, lies between (plain words only: no «و»,
      verb, preposition or date word);
    - «رئيس مجلس السيادة، القائد العام للقوات المسلحة، الفريق عبدالفتاح البرهان»: titles
      in apposition, one comma apart, end in the name.
    A title of another state or body than the named person's («وزير الخارجية القطري،
    الأمين العام للجامعة أحمد أبو الغيط») is another person, and stays apart."""
    out: list[Phrase] = []
    i = 0
    while i < len(phrases):
        phrase, holder = phrases[i], None
        if phrase.has_role("title", "organ") and not phrase.names_person:
            for j in range(i + 1, min(len(phrases), i + 4)):
                before, nxt = phrases[j - 1], phrases[j]
                if nxt.conj or nxt.has_role("counterpart") or nxt.preposition:
                    break
                comma = _apposition_gap(sentence, before.end, nxt.start, lexicon)
                plain_words = nxt.start - before.end <= TITLE_TAIL and _plain_gap(
                    sentence, before.end, nxt.start, lexicon
                )
                # «الرئيس الفلسطيني (محمود عباس)», «… “بشار الأسد”»: the name in brackets
                opening = [t.text for t in sentence.tokens[before.end : nxt.start]]
                bracketed = len(opening) == 1 and opening[0] in ("(", *QUOTES)
                # «وسيطا ألمانيا يدعى «جيرهاد كونراد»»: a title, then «called» and the name
                called = bool(opening) and plain(opening[0]) in CALLED and all(
                    t in QUOTES for t in opening[1:]
                )
                if not (comma or plain_words or bracketed or called):
                    break
                if nxt.names_person:
                    if _same_side(phrases[i:j], nxt):
                        holder = j
                    break
                if not nxt.has_role("title", "organ", "honorific"):
                    break
        if holder is None:
            out.append(phrase)
            i += 1
        else:
            out.append(_joined(sentence, phrases[i : holder + 1]))
            i = holder + 1
    return out


def _apposition_gap(sentence: Sentence, start: int, end: int, lexicon: Lexicon) -> bool:
    """A comma, perhaps after the rest of the title's own words («… للقوات المسلحة،»)."""
    tokens = sentence.tokens[start:end]
    if not tokens or tokens[-1].text not in ("،", ","):
        return False
    rest = tokens[:-1]
    if len(rest) > TITLE_TAIL:
        return False
    for token in rest:
        words = [sentence.words[k] for k in token.words]
        if any(w.upos in ("PUNCT", "VERB", "CCONJ", "SCONJ", "PRON") for w in words):
            return False
        if plain(token.text) in lexicon.dates:
            return False
    return True


def _same_side(titles: list[Phrase], named: Phrase) -> bool:
    """Whether the states or bodies the titles name are the named person's own."""
    bodies = {h.actor.id for p in titles for h in p.hits if h.actor.kind != "person"}
    if not bodies:
        return True
    person = next((h.actor for h in named.hits if h.actor.kind == "person"), None)
    if person is None:
        return False
    sides = {office.of for office in person.offices}
    sides.update(body.id for body in affiliation_chain(person)[1:])
    return bodies <= sides


def _plain_gap(sentence: Sentence, start: int, end: int, lexicon: Lexicon) -> bool:
    for token in sentence.tokens[start:end]:
        words = [sentence.words[k] for k in token.words]
        if token.text in QUOTES:
            continue
        if any(w.upos in ("PUNCT", "VERB", "CCONJ", "ADP", "SCONJ", "PRON") for w in words):
            return False
        if plain(token.text) in lexicon.dates or _ner_conj(token.text):
            return False
    return True


def _joined(sentence: Sentence, parts: list[Phrase]) -> Phrase:
    first, last = parts[0], parts[-1]
    return Phrase(
        start=first.start,
        end=last.end,
        text=sentence.text[first.char_start - sentence.start : last.char_end - sentence.start],
        char_start=first.char_start,
        char_end=last.char_end,
        hits=tuple(h for p in parts for h in p.hits),
        roles=tuple(r for p in parts for r in p.roles),
        persons=tuple(n for p in parts for n in p.persons),
        orgs=tuple(o for p in parts for o in p.orgs),
        conj=first.conj,
        preposition=first.preposition,
        person_heads_organ=False,
    )


def _units(sentence: Sentence, gazetteer: Gazetteer, lexicon: Lexicon) -> list[_Unit]:
    texts = [t.text for t in sentence.tokens]
    ner_spans = {}
    for e in sentence.entities:
        if e.type not in ("PER", "ORG"):
            continue
        start = e.start
        while start < e.end and _lexicon_word(sentence, start, start + 1, lexicon):
            start += 1  # «هاتفيا بالرئيس» tagged PER: lexicon words are no name
        # «شكره للجانب العماني» tagged as one name: a lexicon word ends the name
        end = next(
            (k for k in range(start + 1, e.end) if _lexicon_word(sentence, k, k + 1, lexicon)),
            e.end,
        )
        if end - start == 1 and _possessed_noun(sentence, start):
            continue  # «السفير السعودي شكره للجانب …»: «his thanks», not a name
        if start < end:
            text = " ".join(t.text for t in sentence.tokens[start:end])
            trimmed = (start, end) != (e.start, e.end)
            ner_spans[start] = replace(e, start=start, end=end, text=text) if trimmed else e
    units: list[_Unit] = []
    i = 0
    while i < len(texts):
        hit = gazetteer.match(texts, i)
        role = _role(texts, i, lexicon)
        ent = ner_spans.get(i)
        if (
            hit
            and ent
            and ent.type == "PER"
            and ent.end > hit.end
            and hit.actor.kind != "person"
            and hit.role != "demonym"  # «سودانيا إثيوبيا» tagged PER is two nationalities
        ):
            if hit.actor.kind == "state" and ent.end - hit.end >= 2 and _after_office(units):
                # «رئيس وزراء جمهورية قيرغيزستان محمد غالي»: the tagger ran the state into
                # the name that follows it; the state closes the title, the rest is the man.
                rest = " ".join(texts[hit.end : ent.end])
                ner_spans[hit.end] = replace(ent, start=hit.end, text=rest)
            else:
                hit = None  # a NER person running on past a place name keeps the longer name
        if hit and (not role or hit.end - hit.start >= role[2]):
            conj, prep = conjunction(hit.prefix), preposition(hit.prefix)
            units.append(_Unit(i, hit.end, "gaz", conj, hit=hit, clitic=prep))
            i = hit.end
        elif role:
            (kind, key), prefix, length = role
            conj, prep = conjunction(prefix), preposition(prefix)
            units.append(_Unit(i, i + length, "role", conj, role=(kind, key), clitic=prep))
            i += length
        elif ent:
            end = _ner_end(texts, i, ent.end, gazetteer)
            units.append(_Unit(i, end, ent.type.lower(), _ner_conj(texts[i])))
            i = end
        else:
            i += 1
    return units


def _after_office(units: list[_Unit]) -> bool:
    """The last unit is a title or office word («رئيس», «جمهورية»)."""
    return bool(units) and units[-1].kind == "role" and units[-1].role[0] in ("title", "office")


def _ner_end(texts: list[str], start: int, end: int, gazetteer: Gazetteer) -> int:
    """A NER span running over «و» + a known name is two people: «عبد الله ونتنياهو»."""
    for k in range(start + 1, end):
        hit = gazetteer.match(texts, k)
        if hit is not None and conjunction(hit.prefix):
            return k
    return end


def _lexicon_word(sentence: Sentence, start: int, end: int, lexicon: Lexicon) -> bool:
    """A one-word NER span that is a lexicon word («هاتفيا» tagged PER) is a tagging slip
    (so is such a word at the start of a longer span)."""
    if end - start != 1:
        return False
    return any(lexicon.knows(form) for form in clitic_variants(sentence.tokens[start].text))


def _possessed_noun(sentence: Sentence, index: int) -> bool:
    """A noun or verb with a pronoun on it («شكره», «لقائه»), which no name is."""
    words = [sentence.words[k] for k in sentence.tokens[index].words]
    return len(words) == 2 and words[0].upos in ("NOUN", "VERB") and words[1].upos == "PRON"


def _ner_conj(text: str) -> bool:
    """«وظريف»: a NER span whose first word carries the conjunction (not «وليد»)."""
    word = plain(text)
    return word.startswith("و") and len(word) >= 5


def _role(texts: list[str], i: int, lexicon: Lexicon) -> tuple[tuple[str, str], str, int] | None:
    if plain(texts[i]) in HEADED_BY:
        return None  # «برئاسة» is "headed by", not the presidency («رئاسة») as a body
    if i > 0 and plain(texts[i]) == "جانب" and plain(texts[i - 1]) in ("الي", "والي"):
        return None  # «إلى جانب» is "beside", not «الجانب» (the side)
    for length in range(min(lexicon.longest_role, len(texts) - i), 0, -1):
        rest = [plain(t) for t in texts[i + 1 : i + length]]
        for prefix, first in clitic_readings(texts[i]):
            key = " ".join([first, *rest])
            kind = lexicon.roles.get(key)
            if kind is None and first.endswith("ا") and len(first) > 3:
                # the accusative of a group word: «استقبل وفدا من …» (not of a title:
                # «مبعوثا الشيخ» is the dual «the two envoys of»)
                accusative = " ".join([first[:-1], *rest])
                after = plain(texts[i + length]) if i + length < len(texts) else ""
                found = lexicon.roles.get(accusative)
                # a title only with its accusative nisba after it: «وسيطا ألمانيا»
                if found == "group" or (found == "title" and after.endswith("يا")):
                    key, kind = accusative, found
            if kind and kind != "classifier":
                return (kind, lexicon.office_word(key)), prefix, length
    return None


def _continues(
    sentence: Sentence,
    group: list[_Unit],
    unit: _Unit,
    lexicon: Lexicon,
    following: _Unit | None = None,
) -> bool:
    """Does `unit` belong to the phrase built so far in `group`? (`following` is the
    unit after it: a title right before a name is that name's honorific.)"""
    if unit.conj or (unit.kind == "role" and unit.role[0] == "counterpart"):
        return False  # «وزير الخارجية المصري نظيره الإسرائيلي» is two people
    if unit.kind == "role" and unit.role[0] == "honorific" and unit.start == group[-1].end:
        return True  # «أمير قطر الشيخ تميم»
    last = group[-1]
    # quotation marks around a name are no gap: «بممثلي "طالبان"»
    gap = [t.text for t in sentence.tokens[last.end : unit.start] if t.text not in QUOTES]
    named = any(u.kind in ("per", "org") or (u.hit and u.hit.role == "name") for u in group)
    if unit.kind == "per" and any(u.kind == "per" or _is_person(u) for u in group):
        return False
    place = unit.hit is not None and unit.hit.role in ("name", "capital") and not _is_person(unit)
    if place and any(u.kind == "per" or _is_person(u) for u in group):
        return False  # «زار … عباس عراقجي الرياض»: the place after a name is another phrase
    if (
        not gap
        and last.hit is not None
        and last.hit.role in ("name", "capital")
        and last.hit.actor.kind == "state"
        and unit.kind == "role"
        and unit.role[0] in ("title", "group", "counterpart")
    ):
        return False  # «في صنعاء الوفدين العماني»: a place, then who came
    if not gap and unit.kind == "role" and unit.clitic and last.hit is not None:
        return False  # «والوفد العماني بزعيم الجماعة»: a preposition opens another argument
    nationality = last.hit is not None and last.hit.role == "demonym"
    another_state = unit.hit is not None and unit.hit.actor.kind == "state"
    venue = last.start > 0 and plain(sentence.tokens[last.start - 1].text) in VENUES
    if not gap and nationality and another_state and unit.hit.actor != last.hit.actor and not venue:
        return False  # «اجتماع مصري سوداني إثيوبيا»: each nationality is a party of its own
    if not gap:
        # «... لافروف نظيره»: a title after a name starts a new description, and so
        # does a title after a complete «title + state» («الرئيس اللبناني وزير الخارجية
        # الفرنسي» is two people; «رئيس الوزراء وزير الخارجية القطري» is one).
        # «وزير الخارجية العراقي وفد جماعة الحوثي»: a delegation after a complete title too
        title = unit.kind == "role" and unit.role[0] in ("title", "counterpart", "group")
        complete = last.hit is not None and any(_describes_office(u) for u in group)
        before_name = (
            following is not None
            and following.start == unit.end
            and (following.kind == "per" or _is_person(following))
        )  # «ولي العهد السعودي الأمير محمد بن سلمان» is one man
        return not (title and (named or (complete and not before_name)))
    if (
        unit.hit is not None
        and unit.hit.role == "demonym"
        and last.kind == "role"
        and _adjectives(sentence, last.end, unit.start)
    ):
        return True  # «الوفد الأمني المصري», «المبعوث الخاص الأمريكي»: the title's own adjectives
    if len(gap) == 1 and gap[0] in ("،", ",") and (unit.kind == "per" or _is_person(unit)):
        return any(u.kind == "role" for u in group)  # «وزير الخارجية البريطاني، ديفيد لامي»
    if named or not any(u.kind == "role" for u in group):
        return False
    # An unnamed official linked to his state or body: «مسؤولين في الحكومة», «من السعودية».
    # «الأمين العام لتنظيم حزب الله»: «ل» + a classifier links like «من» + that word.
    words = [w for g in gap for w in _linker_reading(g, lexicon)]
    # Between them only linkers, or one word of a title's own («قائد العمليات في الجيش»),
    # never a noun after a complete description («الرئيس السوري رسالة من»).
    linked = all(w in LINKERS or w == "" or lexicon.roles.get(w) == "classifier" for w in words)
    linked = linked or (last.kind == "role" and last.role[0] == "title")
    if unit.kind == "role" and unit.role[0] == "title" and last.hit is not None:
        return False  # «الرئيس السوري من العاهل السعودي»: a complete description ended
    # «ممثل حركة «أنصار الله»»: a classifier alone links a role to the body it names
    lone_classifier = len(words) == 1 and lexicon.roles.get(words[0]) == "classifier"
    return (
        len(words) <= 2
        and (words[-1] in LINKERS or _classifier_after_linker(words) or lone_classifier)
        and linked
        and unit.kind in ("gaz", "role")
    )


def _linker_reading(word: str, lexicon: Lexicon) -> list[str]:
    """«لتنظيم» → [«في», «تنظيم»]: a classifier behind the genitive «ل» reads as linker +
    classifier; any other word stays itself."""
    base = plain(word)
    if base.startswith("ل") and lexicon.roles.get(base[1:]) == "classifier":
        return ["في", base[1:]]
    return [base]


def _classifier_after_linker(words: list[str]) -> bool:
    return len(words) == 2 and words[0] in LINKERS and words[1] != ""


def _adjectives(sentence: Sentence, start: int, end: int) -> bool:
    """One or two definite adjectives, nothing else («الأمني», «الخاص»)."""
    tokens = sentence.tokens[start:end]
    return 0 < len(tokens) <= 2 and all(
        plain(t.text).startswith("ال") and all(sentence.words[k].upos == "ADJ" for k in t.words)
        for t in tokens
    )


def _describes_office(unit: _Unit) -> bool:
    """A title, an organ word or a gazetteer organ («وزارة الخارجية المصرية»)."""
    if unit.kind == "role":
        return unit.role[0] in ("title", "organ")
    return unit.hit is not None and unit.hit.role == "organ"


def _is_person(unit: _Unit) -> bool:
    return unit.hit is not None and unit.hit.actor.kind == "person"


def _phrase(sentence: Sentence, group: list[_Unit]) -> Phrase:
    tokens = sentence.tokens
    start, end = group[0].start, group[-1].end
    persons = tuple(_span_text(sentence, u) for u in group if u.kind == "per")
    orgs = tuple(_span_text(sentence, u) for u in group if u.kind == "org")
    char_start, char_end = tokens[start].start, tokens[end - 1].end
    return Phrase(
        start=start,
        end=end,
        text=sentence.text[char_start - sentence.start : char_end - sentence.start],
        char_start=char_start,
        char_end=char_end,
        hits=tuple(u.hit for u in group if u.hit),
        roles=tuple(u.role for u in group if u.role),
        persons=persons,
        orgs=orgs,
        conj=group[0].conj,
        preposition=_preposition(sentence, group[0]),
        person_heads_organ=_person_heads_organ(sentence, group),
    )


def _person_heads_organ(sentence: Sentence, group: list[_Unit]) -> bool:
    """An organ first in the phrase, or linked by «في»/«ب», is headed by the person after it
    («وزير الدفاع في حكومة الأسد»); «وزير دفاع النظام فهد الفريج» names the minister."""
    for before, unit in zip([None, *group], group, strict=False):
        if unit.kind != "role" or unit.role[0] != "organ":
            continue
        if before is None:
            return True
        gap = {plain(t.text) for t in sentence.tokens[before.end : unit.start]}
        if "في" in gap or unit.clitic == "ب":
            return True
    return False


def _span_text(sentence: Sentence, unit: _Unit) -> str:
    words = [strip_punct(t.text) for t in sentence.tokens[unit.start : unit.end]]
    text = " ".join(w for w in words if w)
    if unit.conj and text.startswith("و"):
        text = text[1:]
    return text


def _preposition(sentence: Sentence, unit: _Unit) -> str | None:
    if unit.clitic:
        return unit.clitic
    if unit.start == 0:
        return None
    index = unit.start - 1
    while index > 0 and plain(sentence.tokens[index].text) in VENUES:
        index -= 1  # «في العاصمة الأردنية عمان», «بمقر الوزارة»: the venue noun hides it
    if index < unit.start - 1:
        venue = sentence.tokens[index + 1].text
        attached = {preposition(prefix) for prefix, _ in clitic_readings(venue) if prefix}
        before = plain(sentence.tokens[index].text)
        if before in LOCATIVES or attached & {"ب", "ل"}:
            return norm("في")
        return None
    before = plain(sentence.tokens[unit.start - 1].text)
    if before[:1] in ("و", "ف") and before[1:] in (*LOCATIVES, "مع"):
        before = before[1:]  # «وإلى رئيس …», «ومع وزير …»: the list's preposition again
    if before.lstrip("وف") in SOURCES:
        return norm("حسب")  # «وبحسب وزارة الخارجية الصينية»: who says so, not who meets
    return before if before in LOCATIVES or before in ("مع", "بين", "ل") else None


#: Words that name the source of a report: what follows them is no side of a contact.
SOURCES = tuple(norm(w) for w in ("بحسب", "حسب", "وفق", "وفقا", "طبقا", "نقلا"))
