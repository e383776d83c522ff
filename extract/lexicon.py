"""The Arabic rules as data: load the TSV lexicons under `data/lexicon/`.

Code elsewhere only asks questions of a `Lexicon` ("is this word a trigger?",
"what status does this cue set?"); the words themselves live in the TSV files so
that a linguist can extend them without touching Python.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from tawasul.extract.arabic import norm, without_article
from tawasul.extract.paths import DATA_DIR


class DataFileError(ValueError):
    """A lexicon or gazetteer file is missing or malformed."""


def read_tsv(path: Path, columns: tuple[str, ...]) -> list[dict[str, str]]:
    """Rows of a TSV file whose header must start with `columns`; `#` lines are comments."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise DataFileError(f"{path}: cannot be read ({exc.strerror})") from exc
    rows: list[dict[str, str]] = []
    header: list[str] | None = None
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            if tuple(header[: len(columns)]) != columns:
                raise DataFileError(f"{path}:{number}: header must start with {columns}")
            continue
        if len(cells) > len(header):
            raise DataFileError(f"{path}:{number}: {len(cells)} cells, header has {len(header)}")
        cells += [""] * (len(header) - len(cells))
        rows.append(dict(zip(header, (c.strip() for c in cells), strict=True)))
    if header is None:
        raise DataFileError(f"{path}: no header line")
    return rows


@dataclass(frozen=True)
class Trigger:
    """A contact trigger word and how its sides are marked."""

    form: str
    mode: str
    objects: tuple[str, ...]
    frame: str


@dataclass(frozen=True)
class Lexicon:
    """All word lists, keyed by normalised form."""

    triggers: dict[str, Trigger]
    roles: dict[str, str]
    canonical: dict[str, str]
    cues: dict[str, tuple[tuple[str, str], ...]]
    dates: dict[str, str]

    @cached_property  # asked for at every token
    def longest_role(self) -> int:
        return max(len(form.split()) for form in self.roles)

    @classmethod
    def load(cls, directory: Path | None = None) -> Lexicon:
        base = directory or DATA_DIR / "lexicon"
        triggers = {
            norm(r["form"]): Trigger(
                norm(r["form"]), r["mode"], tuple(norm(o) for o in r["objects"].split()), r["frame"]
            )
            for r in read_tsv(base / "triggers.tsv", ("form", "mode", "objects", "frame"))
        }
        role_rows = read_tsv(base / "roles.tsv", ("form", "kind"))
        roles = {norm(r["form"]): r["kind"] for r in role_rows}
        canonical = {norm(r["form"]): norm(r["canonical"]) for r in role_rows if r.get("canonical")}
        cues: dict[str, tuple[tuple[str, str], ...]] = {}
        for r in read_tsv(base / "cues.tsv", ("form", "kind", "value")):
            key = norm(r["form"])
            cues[key] = (*cues.get(key, ()), (r["kind"], r["value"]))
        dates = {norm(r["form"]): r["kind"] for r in read_tsv(base / "dates.tsv", ("form", "kind"))}
        return cls(triggers=triggers, roles=roles, canonical=canonical, cues=cues, dates=dates)

    def knows(self, form: str) -> bool:
        """Whether a normalised word is one of the lexicon's own words (not a name)."""
        return (
            form in self.triggers or form in self.roles or form in self.cues or form in self.dates
        )

    def office_word(self, form: str) -> str:
        """The comparable form of a title word: singular, without «ال» (وزراء → وزير)."""
        return without_article(self.canonical.get(form, form))

    def cue(self, form: str, kind: str) -> str | None:
        """The value a cue word sets for `kind` (status, mode, mediated), if any."""
        for cue_kind, value in self.cues.get(form, ()):
            if cue_kind == kind:
                return value
        return None
