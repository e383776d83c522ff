"""Output folders are always whole: checked first, locked, and swapped in at once.

The kill and concurrency tests run real `tawasul build` processes and kill them with
SIGKILL, so nothing in the build gets a chance to clean up after itself.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT
from rdflib.compare import isomorphic
from tawasul.graph.store import load_graph

from tawasul.build import build
from tawasul.cli import main
from tawasul.output import MARKER, OutputError, check_writable, locked, staged, writing

SEEDS = ROOT / "data" / "articles"
ONE = "وزير الخارجية الروسي سيرغي لافروف بحث هاتفيا مع نظيره الأمريكي جون كيري الوضع في حلب"


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.glob(f".{out.name}.*") if not p.name.endswith(".lock"))


def _start_build(inputs: list[Path], out: Path, *extra: str) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "tawasul", "build", *map(str, inputs), "--out", str(out)]
    return subprocess.Popen(
        [*command, "--no-cache", *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )


@pytest.fixture(scope="module")
def previous(extractor, tmp_path_factory):
    """A finished build of one article: what a killed build must leave untouched."""
    corpus = tmp_path_factory.mktemp("one")
    (corpus / "one.txt").write_text(ONE, encoding="utf-8")
    out = tmp_path_factory.mktemp("prev") / "out"
    build([corpus], out, extractor=extractor, formats=("ttl", "nt", "jsonld"))
    return out


@pytest.fixture(scope="module")
def clean_seeds(extractor, tmp_path_factory):
    out = tmp_path_factory.mktemp("clean") / "out"
    build([SEEDS], out, extractor=extractor, formats=("ttl", "nt", "jsonld"))
    return load_graph(out / "graph.ttl")


def _copy(folder: Path, to: Path) -> Path:
    to.mkdir(parents=True)
    for name, data in _snapshot(folder).items():
        (to / name).write_bytes(data)
    return to


def test_kill_9_while_parsing_leaves_the_previous_output_and_a_rerun_is_clean(
    extractor, previous, clean_seeds, tmp_path
):
    out = _copy(previous, tmp_path / "out")
    before = _snapshot(out)
    process = _start_build([SEEDS], out, "--format", "ttl,nt,jsonld")
    line = process.stderr.readline()  # the first article is parsed: the build is under way
    assert "contacts" in line, line + process.stderr.read()
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    assert _snapshot(out) == before
    build([SEEDS], out, extractor=extractor, formats=("ttl", "nt", "jsonld"))
    assert isomorphic(load_graph(out / "graph.ttl"), clean_seeds)
    assert _leftovers(out) == []


def test_kill_9_while_writing_leaves_one_whole_build_never_a_mix(
    extractor, previous, clean_seeds, tmp_path
):
    out = _copy(previous, tmp_path / "out")
    before = _snapshot(out)
    process = _start_build([SEEDS], out, "--format", "ttl,nt,jsonld")
    while process.poll() is None and not list(tmp_path.glob(".out.building-*/*")):
        time.sleep(0.001)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    after = _snapshot(out)
    if after != before:  # the swap had happened: then it is the new build, whole
        assert sorted(after) == sorted(before)
        assert isomorphic(load_graph(out / "graph.ttl"), clean_seeds)
        assert isomorphic(load_graph(out / "graph.nt"), clean_seeds)
    build([SEEDS], out, extractor=extractor, formats=("ttl",))
    assert isomorphic(load_graph(out / "graph.ttl"), clean_seeds)
    assert _leftovers(out) == []


def test_a_second_build_into_the_same_folder_is_refused_while_the_first_runs(
    previous, tmp_path, capsys
):
    out = tmp_path / "out"
    first = _start_build([SEEDS], out)
    lock = out.parent / ".out.lock"
    deadline = time.monotonic() + 60
    while not (lock.exists() and lock.read_text().strip() == str(first.pid)):
        assert time.monotonic() < deadline and first.poll() is None, first.stderr.read()
        time.sleep(0.01)
    assert main(["build", str(previous.parent), "--out", str(out), "--no-cache"]) == 2
    refusal = capsys.readouterr().err
    assert refusal == (
        f"tawasul: {out}: another build (process {first.pid}) is writing here; "
        "wait for it to finish or choose another --out\n"
    )
    _, err = first.communicate(timeout=300)
    assert first.returncode == 0, err
    assert sorted(p.name for p in out.iterdir()) == [
        MARKER,
        "contacts.json",
        "graph.ttl",
        "network.html",
    ]
    assert "000_2983ddeca35d4a1a" in (out / "contacts.json").read_text(encoding="utf-8")


def test_an_output_path_that_is_a_file_is_refused_before_parsing(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(ONE, encoding="utf-8")
    blocker = tmp_path / "out"
    blocker.write_text("not a folder", encoding="utf-8")
    started = time.monotonic()
    assert main(["build", str(tmp_path / "a.txt"), "--out", str(blocker)]) == 2
    assert capsys.readouterr().err == f"tawasul: {blocker}: exists and is not a folder\n"
    assert time.monotonic() - started < 5  # no model was loaded, nothing was parsed
    with pytest.raises(OutputError, match="is a file, not a folder"):
        check_writable(blocker / "sub" / "out")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_output_folder_is_refused_before_parsing(tmp_path):
    parent = tmp_path / "ro"
    parent.mkdir()
    parent.chmod(0o555)
    try:
        with pytest.raises(OutputError, match=r"cannot write in .*ro \(Permission denied\)"):
            check_writable(parent / "out")
    finally:
        parent.chmod(0o755)


def test_a_folder_of_someone_elses_files_is_never_replaced(tmp_path):
    (tmp_path / "thesis.docx").write_bytes(b"PK")
    with pytest.raises(OutputError, match="holds files Tawasul did not write"):
        check_writable(tmp_path)
    old = tmp_path / "old-out"
    old.mkdir()
    (old / "graph.ttl").write_text("", encoding="utf-8")
    check_writable(old)  # an output folder from before the marker existed


def test_a_failed_write_leaves_the_old_folder_and_no_temporary_files(tmp_path):
    out = tmp_path / "out"
    with writing(out) as stage:
        (stage / "graph.ttl").write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), writing(out) as stage:
        (stage / "graph.ttl").write_text("half", encoding="utf-8")
        raise RuntimeError("the serialiser died")
    assert (out / "graph.ttl").read_text(encoding="utf-8") == "old"
    assert _leftovers(out) == []


def test_a_swap_replaces_every_file_at_once(tmp_path):
    out = tmp_path / "out"
    with writing(out) as stage:
        (stage / "graph.ttl").write_text("one", encoding="utf-8")
        (stage / "graph.nt").write_text("one", encoding="utf-8")
    with writing(out) as stage:
        (stage / "graph.ttl").write_text("two", encoding="utf-8")
    assert sorted(p.name for p in out.iterdir()) == [MARKER, "graph.ttl"]
    assert (out / "graph.ttl").read_text(encoding="utf-8") == "two"


def test_the_swapped_in_folder_is_as_readable_as_a_plain_mkdir_makes_it(tmp_path):
    (tmp_path / "plain").mkdir()
    out = tmp_path / "out"
    with writing(out) as stage:
        (stage / "graph.ttl").write_text("one", encoding="utf-8")
    assert out.stat().st_mode & 0o777 == (tmp_path / "plain").stat().st_mode & 0o777


def test_the_lock_refuses_a_second_holder_and_recovers_what_a_kill_left(tmp_path):
    out = tmp_path / "out"
    with writing(out) as stage:
        (stage / "graph.ttl").write_text("kept", encoding="utf-8")
    os.rename(out, tmp_path / ".out.old-999")  # killed between the two renames of a swap
    (tmp_path / ".out.building-x").mkdir()  # and a staging folder never swapped in
    with locked(out):
        assert (out / "graph.ttl").read_text(encoding="utf-8") == "kept"
        assert _leftovers(out) == []
        with pytest.raises(OutputError, match="another build"), locked(out):
            pass
        with staged(out) as stage:
            (stage / "graph.ttl").write_text("new", encoding="utf-8")
    assert (out / "graph.ttl").read_text(encoding="utf-8") == "new"
