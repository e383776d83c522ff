"""`tawasul models`: which Stanza models a run uses, and getting the official ones."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys

import pytest
from conftest import SHARED_MODELS
from tawasul.extract.nlp import PROCESSORS, ModelsUnavailable

from tawasul.cli import main
from tawasul.models import download_official, inspect_models

needs_shared = pytest.mark.skipif(
    not (SHARED_MODELS / "resources.json").is_file(), reason="no ../shared/stanza_resources"
)


@needs_shared
def test_models_prints_folder_processors_files_and_the_readme_scores(monkeypatch, capsys):
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(SHARED_MODELS))
    assert main(["models"]) == 0
    out = capsys.readouterr().out
    assert str(SHARED_MODELS) in out and "STANZA_RESOURCES_DIR" in out
    assert "offline" in out and "tawasul models download" in out
    import stanza

    assert f"stanza {stanza.__version__}" in out
    readme = (SHARED_MODELS / "README.md").read_text(encoding="utf-8")
    report = inspect_models()
    assert {f.processor for f in report.files} >= set(PROCESSORS.split(","))
    for model in report.files:
        assert model.path.is_file() and model.size == model.path.stat().st_size
        assert str(model.path.relative_to(SHARED_MODELS)) in out
        if model.processor != "pretrain":  # the README scores every processor
            assert model.score and model.score in readme and model.score in out


@needs_shared
def test_the_offline_models_are_not_taken_for_the_official_ones():
    report = inspect_models(SHARED_MODELS)
    assert not report.official
    assert {f.checksum for f in report.files} == {"not listed"}


def _release(folder, files: dict[str, bytes]) -> None:
    """A resources folder shaped like Stanza's official release: every file has its md5."""
    lang: dict = {"default_processors": {}}
    for processor, data in files.items():
        (folder / "ar" / processor).mkdir(parents=True)
        (folder / "ar" / processor / "padt.pt").write_bytes(data)
        lang["default_processors"][processor] = "padt"
        lang[processor] = {"padt": {"md5": hashlib.md5(data).hexdigest()}}
    (folder / "resources.json").write_text(json.dumps({"ar": lang, "url": "x"}), encoding="utf-8")


def test_files_matching_their_listed_md5_are_the_official_release(tmp_path):
    _release(tmp_path, {p: p.encode() for p in PROCESSORS.split(",")})
    report = inspect_models(tmp_path)
    assert report.official and report.kind.startswith("official")
    assert report.readme is None


def test_a_changed_official_file_is_reported_as_not_intact(tmp_path):
    _release(tmp_path, {p: p.encode() for p in PROCESSORS.split(",")})
    (tmp_path / "ar" / "ner" / "padt.pt").write_bytes(b"changed")
    report = inspect_models(tmp_path)
    assert not report.official
    assert "ner (differs)" in report.kind


def test_models_without_a_resources_folder_is_one_error_and_exit_3(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path))
    assert main(["models"]) == 3
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(tmp_path) in err and "tawasul models download" in err


@needs_shared
def test_download_never_writes_into_the_folder_of_offline_models():
    with pytest.raises(ModelsUnavailable, match="made offline"):
        download_official(SHARED_MODELS)


def test_download_offline_gives_one_clear_line_and_exit_3_without_traceback(tmp_path):
    # Stanza reads STANZA_RESOURCES_URL at import: point it at a closed local port, a real
    # failed connection whether or not this machine is online.
    env = {**os.environ, "STANZA_RESOURCES_URL": "http://127.0.0.1:9"}
    run = subprocess.run(
        [sys.executable, "-m", "tawasul", "models", "download", "--dir", str(tmp_path / "m")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert run.returncode == 3, run.stderr
    assert "Traceback" not in run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("tawasul: cannot download the official")
    assert str(tmp_path / "m") in lines[0]
