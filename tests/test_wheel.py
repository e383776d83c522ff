"""The wheel installs beside anything: `tawasul` is its only import name, and it runs alone.

The wheel is built from a copy of the sources (the checkout stays clean) and
installed with `--no-deps` into a fresh venv; the heavy dependencies (Stanza,
torch, rdflib …) come from this test's own environment through a plain path
line, which adds the folder but runs none of its `.pth` hooks, so the
checkout's editable install cannot leak in. Everything runs from an empty
folder outside the checkout.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import venv
from importlib.metadata import version
from pathlib import Path

import pytest
from conftest import ROOT

SOURCES = ("tawasul", "extract", "graph", "data", "pyproject.toml", "README.md")


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A fresh venv holding only the built wheel; returns its folder."""
    base = tmp_path_factory.mktemp("wheel")
    src = base / "src"
    src.mkdir()
    for name in SOURCES:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, src / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(path, src / name)
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run(
        [*pip, "wheel", "--no-deps", "--no-build-isolation", str(src), "-w", str(base / "dist")],
        check=True,
        capture_output=True,
    )
    (wheel,) = (base / "dist").glob("tawasul-*.whl")
    env_dir = base / "venv"
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [*pip, "--python", str(python), "install", "--no-deps", str(wheel)],
        check=True,
        capture_output=True,
    )
    purelib = _run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))")
    deps = {sysconfig.get_path("purelib"), sysconfig.get_path("platlib")}
    (Path(purelib.stdout.strip()) / "_test_deps.pth").write_text("\n".join(sorted(deps)) + "\n")
    return env_dir


def _run(program: Path, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    return subprocess.run(
        [str(program), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )


@pytest.fixture
def empty(tmp_path) -> Path:
    folder = tmp_path / "empty"
    folder.mkdir()
    return folder


def test_the_stages_import_as_tawasul_extract_and_tawasul_graph_from_the_wheel(installed, empty):
    code = (
        "import json, tawasul, tawasul.extract.pipeline, tawasul.graph.rdf; "
        "print(json.dumps([tawasul.__file__, tawasul.extract.__file__, tawasul.graph.__file__]))"
    )
    run = _run(installed / "bin" / "python", "-c", code, cwd=empty)
    assert run.returncode == 0, run.stderr
    for path in json.loads(run.stdout):
        assert Path(path).is_relative_to(installed), path
        assert not Path(path).is_relative_to(ROOT)


@pytest.mark.parametrize("name", ["extract", "graph"])
def test_no_generic_top_level_name_is_installed(installed, empty, name):
    run = _run(installed / "bin" / "python", "-c", f"import {name}", cwd=empty)
    assert run.returncode != 0
    assert f"No module named '{name}'" in run.stderr
    (top_level,) = installed.glob("lib/python*/site-packages/tawasul-*.dist-info/top_level.txt")
    assert top_level.read_text().split() == ["tawasul"]


def test_the_data_files_land_where_paths_looks_for_them(installed, empty):
    code = "from tawasul.extract.paths import DATA_DIR; print(DATA_DIR)"
    run = _run(installed / "bin" / "python", "-c", code, cwd=empty)
    data = Path(run.stdout.strip())
    assert data == installed / "share" / "tawasul" / "data", run.stderr
    for sub in ("lexicon", "gazetteer", "ontology", "articles"):
        shipped = sorted(p.name for p in (ROOT / "data" / sub).iterdir() if p.is_file())
        assert sorted(p.name for p in (data / sub).iterdir()) == shipped


def test_files_the_stages_read_beside_their_modules_are_in_the_wheel(installed):
    (package,) = installed.glob("lib/python*/site-packages/tawasul")
    for stage, folder in (("extract", ROOT / "extract"), ("graph", ROOT / "graph")):
        beside = [
            p.relative_to(folder)
            for p in folder.rglob("*")
            if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts
        ]
        missing = [str(p) for p in beside if not (package / stage / p).is_file()]
        assert not missing, f"not in the wheel (pyproject package-data): {missing}"


def test_python_m_tawasul_is_the_command_and_knows_its_version(installed, empty):
    run = _run(installed / "bin" / "python", "-m", "tawasul", "--version", cwd=empty)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == f"tawasul {version('tawasul')}"
    assert _run(installed / "bin" / "tawasul", "--version", cwd=empty).stdout == run.stdout


def test_tawasul_build_works_from_an_empty_folder_on_the_installed_articles(installed, empty):
    run = _run(installed / "bin" / "tawasul", "build", "--out", "out", cwd=empty)
    assert run.returncode == 0, run.stderr
    articles = len(list((ROOT / "data" / "articles").glob("*.txt")))
    assert f"from {articles} article(s); 0 failed" in run.stdout
    written = json.loads((empty / "out" / "contacts.json").read_text(encoding="utf-8"))
    contacts = sum(len(doc["contacts"]) for doc in written["documents"])
    assert contacts > 0 and f"{contacts} contacts from {articles}" in run.stdout
    assert (empty / "out" / "graph.ttl").stat().st_size > 0
    assert (empty / "out" / "network.html").stat().st_size > 0
