"""Integrity checks for the actor gazetteer (data/gazetteer/actors.tsv, names.tsv)."""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from pathlib import Path

import pytest

GAZ = Path(__file__).resolve().parent.parent / "data" / "gazetteer"
ACTORS_TSV = GAZ / "actors.tsv"
NAMES_TSV = GAZ / "names.tsv"

ACTOR_HEADER = ["id", "kind", "label_en", "label_ar", "wikidata", "affiliation"]
NAMES_HEADER = ["actor_id", "role", "arabic"]
KINDS = {"state", "organization", "person"}
ROLES = {"name", "capital", "demonym", "organ", "epithet"}

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
QID = re.compile(r"^Q[1-9][0-9]*$")
# Arabic letters, Arabic diacritics, tatweel and single spaces between words.
_WORD = r"[\u0621-\u064A\u064B-\u0652\u0670\u0640]+"
ARABIC_TEXT = re.compile(rf"^{_WORD}(?: {_WORD})*$")
DIACRITICS = re.compile("[\u064b-\u0652\u0670\u0640]")
CLITICS = ("و", "ف", "ب", "ل", "ك")


def normalise(text: str) -> str:
    """The matcher's spelling normalisation: no diacritics/tatweel, plain alef, ه, ي."""
    text = DIACRITICS.sub("", text)
    text = re.sub("[أإآ]", "ا", text)
    text = text.replace("ة", "ه").replace("ى", "ي")
    return " ".join(text.split())


def _read(path: Path) -> tuple[list[str], list[list[str]]]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert rows, f"{path} is empty"
    return rows[0], rows[1:]


@pytest.fixture(scope="module")
def actors_raw() -> tuple[list[str], list[list[str]]]:
    return _read(ACTORS_TSV)


@pytest.fixture(scope="module")
def names_raw() -> tuple[list[str], list[list[str]]]:
    return _read(NAMES_TSV)


@pytest.fixture(scope="module")
def actors(actors_raw) -> list[dict[str, str]]:
    header, rows = actors_raw
    return [dict(zip(header, r, strict=True)) for r in rows]


@pytest.fixture(scope="module")
def names(names_raw) -> list[dict[str, str]]:
    header, rows = names_raw
    return [dict(zip(header, r, strict=True)) for r in rows]


@pytest.fixture(scope="module")
def by_id(actors) -> dict[str, dict[str, str]]:
    return {a["id"]: a for a in actors}


# --------------------------------------------------------------------------- shape


def test_headers_exact(actors_raw, names_raw):
    assert actors_raw[0] == ACTOR_HEADER
    assert names_raw[0] == NAMES_HEADER


def test_rows_have_right_width_and_no_stray_whitespace(actors_raw, names_raw):
    bad = []
    for path, (header, rows) in ((ACTORS_TSV, actors_raw), (NAMES_TSV, names_raw)):
        for n, row in enumerate(rows, start=2):
            if len(row) != len(header):
                bad.append(f"{path.name}:{n}: {len(row)} fields")
                continue
            for cell in row:
                if cell != cell.strip() or "  " in cell:
                    bad.append(f"{path.name}:{n}: whitespace in {cell!r}")
    assert not bad, bad[:20]


def test_actor_ids_unique_and_slug_shaped(actors):
    ids = [a["id"] for a in actors]
    dups = sorted({i for i in ids if ids.count(i) > 1})
    assert not dups, dups
    bad = [i for i in ids if not SLUG.match(i)]
    assert not bad, bad


def test_kinds_valid(actors):
    bad = [(a["id"], a["kind"]) for a in actors if a["kind"] not in KINDS]
    assert not bad, bad


def test_labels_present(actors):
    no_en = [a["id"] for a in actors if not a["label_en"]]
    assert not no_en, no_en
    no_ar = [a["id"] for a in actors if not a["label_ar"]]
    assert not no_ar, no_ar
    bad_ar = [a["id"] for a in actors if not ARABIC_TEXT.match(a["label_ar"])]
    assert not bad_ar, bad_ar


# --------------------------------------------------------------------------- wikidata


def test_wikidata_ids_well_formed(actors):
    bad = [
        (a["id"], a["wikidata"]) for a in actors if a["wikidata"] and not QID.match(a["wikidata"])
    ]
    assert not bad, bad


def test_wikidata_ids_not_shared(actors):
    seen: dict[str, list[str]] = defaultdict(list)
    for a in actors:
        if a["wikidata"]:
            seen[a["wikidata"]].append(a["id"])
    shared = {q: ids for q, ids in seen.items() if len(ids) > 1}
    assert not shared, shared


def test_every_state_has_wikidata(actors):
    missing = [a["id"] for a in actors if a["kind"] == "state" and not a["wikidata"]]
    assert not missing, missing


# --------------------------------------------------------------------------- affiliation


def test_affiliations_resolve(actors, by_id):
    bad = [
        (a["id"], a["affiliation"])
        for a in actors
        if a["affiliation"] and a["affiliation"] not in by_id
    ]
    assert not bad, bad
    self_ref = [a["id"] for a in actors if a["affiliation"] == a["id"]]
    assert not self_ref, self_ref


def test_affiliations_point_to_states_or_organizations(actors, by_id):
    bad = [
        (a["id"], a["affiliation"])
        for a in actors
        if a["affiliation"] in by_id and by_id[a["affiliation"]]["kind"] == "person"
    ]
    assert not bad, bad


def test_states_have_no_affiliation(actors):
    bad = [a["id"] for a in actors if a["kind"] == "state" and a["affiliation"]]
    assert not bad, bad


def test_every_person_has_affiliation(actors):
    missing = [a["id"] for a in actors if a["kind"] == "person" and not a["affiliation"]]
    assert not missing, missing


def test_affiliation_chains_are_acyclic(actors, by_id):
    cyclic = []
    for a in actors:
        seen = {a["id"]}
        cur = a["affiliation"]
        while cur and cur in by_id:
            if cur in seen:
                cyclic.append(a["id"])
                break
            seen.add(cur)
            cur = by_id[cur]["affiliation"]
    assert not cyclic, cyclic


# --------------------------------------------------------------------------- names


def test_names_refer_to_known_actors(names, by_id):
    bad = sorted({n["actor_id"] for n in names if n["actor_id"] not in by_id})
    assert not bad, bad


def test_name_roles_valid(names):
    bad = [(n["actor_id"], n["role"]) for n in names if n["role"] not in ROLES]
    assert not bad, bad


def test_arabic_forms_are_plain_arabic(names):
    bad = [(n["actor_id"], n["arabic"]) for n in names if not ARABIC_TEXT.match(n["arabic"])]
    assert not bad, bad


def test_every_actor_has_a_name_row(actors, names):
    named = {n["actor_id"] for n in names if n["role"] == "name"}
    missing = [a["id"] for a in actors if a["id"] not in named]
    assert not missing, missing


def test_every_state_has_a_name_row(actors, names):
    named = {n["actor_id"] for n in names if n["role"] == "name"}
    missing = [a["id"] for a in actors if a["kind"] == "state" and a["id"] not in named]
    assert not missing, missing


def test_no_normalised_form_maps_to_two_actors_in_one_role(names):
    owners: dict[tuple[str, str], set[str]] = defaultdict(set)
    for n in names:
        owners[(n["role"], normalise(n["arabic"]))].add(n["actor_id"])
    clashes = {
        f"{role}:{form}": sorted(ids) for (role, form), ids in owners.items() if len(ids) > 1
    }
    assert not clashes, clashes


# Deliberate cross-actor ambiguities (any role): «عمّان» (Amman, capital of Jordan) and
# «عمان» (Oman) are one form once the shadda is dropped.
ALLOWED_AMBIGUOUS = {"عمان": {"jordan", "oman"}}


def _strip_article(form: str) -> str:
    first = form.split(" ")[0]
    return form[2:] if form.startswith("ال") and len(first) > 3 else form


def test_no_cross_actor_clash_after_article_stripping(names):
    """The matcher strips a leading «ال»: «الكاميرون» must not meet «كاميرون» (Cameron), nor
    «ألباريس» (normalised «الباريس») meet «باريس», whatever the roles."""
    owners: dict[str, set[str]] = defaultdict(set)
    for n in names:
        owners[_strip_article(normalise(n["arabic"]))].add(n["actor_id"])
    clashes = {
        form: sorted(ids)
        for form, ids in owners.items()
        if len(ids) > 1 and ALLOWED_AMBIGUOUS.get(form) != ids
    }
    assert not clashes, clashes


def test_no_duplicate_rows(names):
    keys = [(n["actor_id"], n["role"], normalise(n["arabic"])) for n in names]
    dups = sorted({k for k in keys if keys.count(k) > 1})
    assert not dups, dups


def test_no_clitic_forms(names):
    """A form that is another listed form plus a leading clitic (و ف ب ل ك) is redundant:
    the matcher strips clitics itself, so such a row can only cause double matches."""
    forms = {normalise(n["arabic"]) for n in names}
    bad = []
    for n in names:
        form = normalise(n["arabic"])
        for clitic in CLITICS:
            rest = form[len(clitic) :]
            if form.startswith(clitic) and len(rest.split(" ")[0]) > 1 and rest in forms:
                bad.append((n["actor_id"], n["arabic"], rest))
    assert not bad, bad


def test_no_article_duplicates_within_actor_and_role(names):
    """«الX» next to «X» for the same actor and role: the matcher strips «ال» itself.

    The article is looked for in the raw spelling (bare alef): after normalisation
    «ألماني» would look like «ال» + «ماني»."""
    groups: dict[tuple[str, str], set[str]] = defaultdict(set)
    for n in names:
        groups[(n["actor_id"], n["role"])].add(normalise(n["arabic"]))
    bad = [
        (n["actor_id"], n["role"], n["arabic"])
        for n in names
        if n["arabic"].startswith("ال")
        and normalise(n["arabic"][2:]) in groups[(n["actor_id"], n["role"])]
    ]
    assert not bad, bad


def test_demonyms_have_no_article_or_clitic(names):
    bad = [
        (n["actor_id"], n["arabic"])
        for n in names
        if n["role"] == "demonym" and n["arabic"].startswith(("ال", "وال", "بال", "لل"))
    ]
    assert not bad, bad


def test_capitals_and_demonyms_belong_to_states_or_organizations(names, by_id):
    bad = [
        (n["actor_id"], n["role"], n["arabic"])
        for n in names
        if n["role"] in {"capital", "demonym", "organ"}
        and by_id.get(n["actor_id"], {}).get("kind") == "person"
    ]
    assert not bad, bad


# --------------------------------------------------------------------------- coverage


@pytest.mark.parametrize(
    ("actor_id", "label_en"),
    [
        ("united-states", "United States"),
        ("russia", "Russia"),
        ("syria", "Syria"),
        ("hayat-tahrir-al-sham", "Hayat Tahrir al-Sham"),
        ("sergei-lavrov", "Sergei Lavrov"),
    ],
)
def test_core_actors_present(by_id, actor_id, label_en):
    assert actor_id in by_id
    assert by_id[actor_id]["label_en"] == label_en


def test_sizes_are_plausible(actors, names):
    kinds = defaultdict(int)
    for a in actors:
        kinds[a["kind"]] += 1
    assert kinds["state"] >= 193 + 5
    assert kinds["organization"] >= 50
    assert kinds["person"] >= 150
    assert len(names) >= len(actors)


# --------------------------------------------------------------------------- offices

OFFICES_TSV = GAZ / "offices.tsv"
COVERED = [
    "algeria",
    "bahrain",
    "egypt",
    "iraq",
    "iran",
    "israel",
    "jordan",
    "kuwait",
    "lebanon",
    "libya",
    "morocco",
    "mauritania",
    "oman",
    "palestine",
    "qatar",
    "saudi-arabia",
    "sudan",
    "syria",
    "tunisia",
    "united-arab-emirates",
    "yemen",
    "turkey",
    "united-states",
    "russia",
    "china",
    "united-kingdom",
    "france",
    "germany",
    "italy",
    "spain",
    "poland",
    "netherlands",
    "pakistan",
    "india",
    "japan",
    "south-korea",
    "indonesia",
    "australia",
    "canada",
    "brazil",
    "argentina",
    "mexico",
    "south-africa",
]


@pytest.fixture(scope="module")
def offices() -> list[dict[str, str]]:
    header, rows = _read(OFFICES_TSV)
    assert header == ["actor_id", "office", "of", "start", "end"]
    return [dict(zip(header, r + [""] * (5 - len(r)), strict=True)) for r in rows]


def test_office_years_are_in_order_and_actors_known(offices, by_id):
    bad = [
        o
        for o in offices
        if o["actor_id"] not in by_id
        or o["of"] not in by_id
        or (o["start"] and o["end"] and int(o["end"]) < int(o["start"]))
    ]
    assert not bad, bad[:5]


def test_offices_are_held_by_persons_for_states_or_organisations(offices, by_id):
    bad = [
        o
        for o in offices
        if by_id[o["actor_id"]]["kind"] != "person" or by_id[o["of"]]["kind"] == "person"
    ]
    assert not bad, bad[:5]


@pytest.mark.parametrize("state", COVERED)
def test_leaders_and_foreign_ministers_since_2000_are_known(offices, by_id, state):
    assert state in by_id, state
    held = {o["office"] for o in offices if o["of"] == state}
    assert held & {"head-of-state", "head-of-government"}, state
    assert "foreign-minister" in held, state


def test_no_arabic_form_names_actors_of_two_states(names, by_id):
    def side(actor_id: str) -> str:
        seen = set()
        while by_id[actor_id]["affiliation"] and actor_id not in seen:
            seen.add(actor_id)
            actor_id = by_id[actor_id]["affiliation"]
        return actor_id

    sides: dict[str, set[str]] = defaultdict(set)
    for n in names:
        sides[normalise(n["arabic"])].add(side(n["actor_id"]))
    clashes = {
        form: s for form, s in sides.items() if len(s) > 1 and ALLOWED_AMBIGUOUS.get(form) != s
    }
    assert not clashes, list(clashes.items())[:5]


def test_thousands_of_persons(actors):
    assert sum(a["kind"] == "person" for a in actors) >= 2000


def test_an_epithet_names_a_state(names, actors):
    """An epithet («خادم الحرمين الشريفين») stands for a state's head: it must name a state."""
    kinds = {a["id"]: a["kind"] for a in actors}
    bad = [n["arabic"] for n in names if n["role"] == "epithet" and kinds[n["actor_id"]] != "state"]
    assert not bad, bad
