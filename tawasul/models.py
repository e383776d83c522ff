"""Which Stanza models a run uses, and getting the official ones.

`tawasul models` answers the question a reader of any figure asks first: which
parser produced this? It reads the resources folder a run would load
(`tawasul.extract.nlp.resources_dir`): the models' files, Stanza's
`resources.json` and, when there is one, the folder's README with the held-out
scores. Stanza's official releases list an md5 for every model file; the models
trained offline for this project list none, which is how the two are told apart.
`tawasul models download` fetches the official Arabic models with Stanza's own
downloader, into Stanza's default folder unless told otherwise.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from tawasul.extract.nlp import PROCESSORS, ModelsUnavailable, resources_dir

LANG = "ar"


@dataclass(frozen=True)
class ModelFile:
    """One model file of the pipeline, with what its folder says about it."""

    processor: str  # tokenize … ner, or pretrain for the word vectors they share
    package: str  # Stanza's package name (padt, mix, newsner …)
    path: Path
    size: int  # bytes; 0 when the file is missing
    checksum: str  # "matches", "differs", "missing" or "not listed"
    score: str  # from the folder's README; "" when it gives none


@dataclass(frozen=True)
class ModelsReport:
    """The models a run loads from `directory`, and whether they are Stanza's official ones."""

    directory: Path
    chosen_by: str  # why this folder: the environment variable or Stanza's default
    official: bool
    kind: str  # one line saying what the models are and how that was decided
    stanza_version: str
    resources_version: str  # the release `tawasul models download` fetches
    files: tuple[ModelFile, ...]
    readme: Path | None


def default_download_dir() -> Path:
    """Stanza's own default folder, whatever STANZA_RESOURCES_DIR says."""
    from stanza.resources.common import USER_CACHE_DIR

    return Path(USER_CACHE_DIR) / "resources"


def inspect_models(directory: Path | None = None) -> ModelsReport:
    """Describe the Arabic models in `directory` (default: the folder a run loads from)."""
    import stanza
    from stanza.resources.common import DEFAULT_RESOURCES_VERSION

    if directory is not None:
        where, chosen_by = Path(directory), "given"
    elif os.environ.get("STANZA_RESOURCES_DIR"):
        where, chosen_by = resources_dir(), "STANZA_RESOURCES_DIR"
    else:
        where, chosen_by = resources_dir(), "Stanza's default folder"
    lang = _language_resources(where)
    readme = where / "README.md"
    scores = _readme_scores(readme) if readme.is_file() else {}
    files = []
    for processor, package in _packages(lang):
        entry = lang.get(processor, {}).get(package, {})
        path = where / LANG / processor / f"{package}.pt"
        files.append(
            ModelFile(
                processor=processor,
                package=package,
                path=path,
                size=path.stat().st_size if path.is_file() else 0,
                checksum=_checksum(path, entry.get("md5")),
                score=scores.get(processor, ""),
            )
        )
    listed = [f for f in files if f.checksum != "not listed"]
    official = (
        bool(files) and len(listed) == len(files) and all(f.checksum == "matches" for f in files)
    )
    if official:
        kind = "official: Stanza's release (every file matches the md5 in resources.json)"
    elif not listed:
        kind = "offline: not Stanza's official release (resources.json lists no checksums)" + (
            "; the folder's README says how they were made" if scores else ""
        )
    else:
        bad = ", ".join(f"{f.processor} ({f.checksum})" for f in files if f.checksum != "matches")
        kind = f"official release, but not intact: {bad}; run `tawasul models download`"
    return ModelsReport(
        directory=where,
        chosen_by=chosen_by,
        official=official,
        kind=kind,
        stanza_version=stanza.__version__,
        resources_version=DEFAULT_RESOURCES_VERSION,
        files=tuple(files),
        readme=readme if readme.is_file() else None,
    )


def describe(report: ModelsReport) -> str:
    """The report as the lines `tawasul models` prints."""
    lines = [
        f"folder    {report.directory}  ({report.chosen_by})",
        f"models    {report.kind}",
        f"versions  stanza {report.stanza_version}; official resources {report.resources_version}",
    ]
    if report.readme:
        lines.append(f"readme    {report.readme}")
    rows = [("processor", "package", "file", "size", "score")]
    for f in report.files:
        size = f"{f.size / 1e6:.1f} MB" if f.size else "missing"
        rows.append(
            (
                f.processor,
                f.package,
                str(f.path.relative_to(report.directory)),
                size,
                f.score or ("-" if not report.official else "see stanza's performance page"),
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines.append("")
    for row in rows:
        lines.append(
            "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=False)) + "  " + row[4]
        )
    if not report.official:
        lines += [
            "",
            "For Stanza's official Arabic models: `tawasul models download` (needs internet), "
            "then unset STANZA_RESOURCES_DIR.",
        ]
    return "\n".join(lines)


def download_official(directory: Path | None = None) -> Path:
    """Fetch the official Arabic models for the pipeline's processors into `directory`.

    Any failure (no network, a server error, a full disk) becomes one
    `ModelsUnavailable` whose message says what happened and what still works.
    """
    import stanza

    where = Path(directory) if directory is not None else default_download_dir()
    if (where / "resources.json").is_file():
        try:
            current = inspect_models(where)
        except ModelsUnavailable:
            current = None
        if (
            current is not None
            and not current.official
            and not any(f.checksum != "not listed" for f in current.files)
        ):
            raise ModelsUnavailable(
                f"{where} holds models made offline; download the official ones into another "
                "folder (--dir)"
            )
    try:
        stanza.download(LANG, model_dir=str(where), processors=PROCESSORS, logging_level="WARN")
    except Exception as exc:  # requests, OSError, md5 mismatch: all mean "not downloaded"
        reason = " ".join(f"{type(exc).__name__}: {exc}".split())
        if len(reason) > 200:
            reason = reason[:197] + "..."
        raise ModelsUnavailable(
            f"cannot download the official Stanza Arabic models into {where} (no internet "
            f"connection?): {reason}. The models in {resources_dir()} are unchanged."
        ) from exc
    return where


def _language_resources(where: Path) -> dict:
    marker = where / "resources.json"
    if not marker.is_file():
        raise ModelsUnavailable(
            f"no Stanza models in {where} (no resources.json). To fix: run "
            "`tawasul models download`, or set STANZA_RESOURCES_DIR to a folder that holds "
            "Stanza's Arabic models"
        )
    try:
        resources = json.loads(marker.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ModelsUnavailable(f"{marker}: not valid JSON ({exc})") from exc
    lang = resources.get(LANG)
    while isinstance(lang, dict) and "alias" in lang:
        lang = resources.get(lang["alias"])
    if not isinstance(lang, dict):
        raise ModelsUnavailable(f"{marker}: lists no Arabic models; run `tawasul models download`")
    return lang


def _packages(lang: dict) -> list[tuple[str, str]]:
    """(processor, package) for each processor a run loads, then the pretrains they need."""
    defaults = lang.get("default_processors") or lang.get("packages", {}).get("default", {})
    pairs: list[tuple[str, str]] = []
    for processor in PROCESSORS.split(","):
        package = defaults.get(processor)
        if not isinstance(package, str):
            continue
        pairs.append((processor, package))
        entry = lang.get(processor, {}).get(package, {})
        deps = entry.get("dependencies") or lang.get("default_dependencies", {}).get(processor, [])
        for dep in deps:
            pair = (dep.get("model", ""), dep.get("package", ""))
            if all(pair) and pair not in pairs:
                pairs.append(pair)
    # the shared word vectors last, after the processors that use them
    return [p for p in pairs if p[0] in PROCESSORS] + [p for p in pairs if p[0] not in PROCESSORS]


def _checksum(path: Path, md5: str | None) -> str:
    if not path.is_file():
        return "missing"
    if not md5:
        return "not listed"
    digest = hashlib.md5()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return "matches" if digest.hexdigest() == md5 else "differs"


def _readme_scores(readme: Path) -> dict[str, str]:
    """Processor → score from the README's markdown table (header: processor … score)."""
    scores: dict[str, str] = {}
    header: list[str] | None = None
    for line in readme.read_text(encoding="utf-8", errors="replace").splitlines():
        line = line.strip()
        if not line.startswith("|"):
            header = None
            continue
        cells = [c.strip() for c in line.strip("|").split("|")]
        if header is None:
            header = [c.lower() for c in cells]
            continue
        if set(line) <= set("|-: "):
            continue
        if "processor" in header and any("score" in h for h in header):
            row = dict(zip(header, cells, strict=False))
            column = next(h for h in header if "score" in h)
            scores[row["processor"]] = row.get(column, "")
    return scores
