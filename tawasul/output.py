"""Output folders that are always whole: checked first, locked, staged and swapped in at once.

A build writes every file into a temporary sibling folder and swaps it for the old
folder in one step (Linux `renameat2(RENAME_EXCHANGE)`; two renames elsewhere), so a
`kill -9` at any moment leaves either the previous build or the new one, never files
of both. A lock file beside the folder keeps a second build from writing into it at
the same time. Any folder (an out/ folder, a store) can use `writing(path)`.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import errno
import fcntl
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from tawasul.extract.ingest import OUTPUT_MARKER

#: Written into every output folder, so a later build knows it may replace it (and
#: never reads it as input).
MARKER = OUTPUT_MARKER
#: Files an output folder made before the marker existed may hold.
KNOWN_FILES = frozenset(
    {"graph.ttl", "graph.nt", "graph.jsonld", "network.html", "contacts.json", MARKER}
)
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


class OutputError(Exception):
    """An output folder that cannot be written; the message is one line for the user."""


def check_writable(out: Path) -> None:
    """Raise OutputError now, before any parsing, if `out` could not be replaced later."""
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out}: exists and is not a folder")
    if out.is_dir() and not _replaceable(out):
        raise OutputError(
            f"{out}: holds files Tawasul did not write; choose a new or empty output folder"
        )
    parent = _existing_parent(out)
    try:
        probe = tempfile.mkdtemp(prefix=f".{out.name}.probe-", dir=parent)
    except OSError as exc:
        raise OutputError(f"{out}: cannot write in {parent} ({exc.strerror})") from None
    os.rmdir(probe)


def _existing_parent(out: Path) -> Path:
    parent = out.absolute().parent
    while not parent.exists():
        parent = parent.parent
    if not parent.is_dir():
        raise OutputError(f"{out}: {parent} is a file, not a folder")
    return parent


def _replaceable(out: Path) -> bool:
    names = {p.name for p in out.iterdir()}
    return MARKER in names or names <= KNOWN_FILES


def lock_path(out: Path) -> Path:
    """The lock file of an output folder: beside it, so the swap never moves it."""
    out = Path(out).absolute()
    return out.parent / f".{out.name}.lock"


@contextlib.contextmanager
def locked(out: Path) -> Iterator[None]:
    """Hold the output folder's lock, or raise OutputError if another build holds it."""
    out = Path(out)
    out.absolute().parent.mkdir(parents=True, exist_ok=True)
    path = lock_path(out)
    try:
        handle = path.open("a+", encoding="utf-8")
    except OSError as exc:
        raise OutputError(f"{out}: cannot create the lock file {path} ({exc.strerror})") from None
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "?"
            raise OutputError(
                f"{out}: another build (process {holder}) is writing here; "
                "wait for it to finish or choose another --out"
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        try:
            _recover(out)
            yield
        finally:
            handle.seek(0)
            handle.truncate()
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextlib.contextmanager
def staged(out: Path) -> Iterator[Path]:
    """A fresh folder to write into; on success it replaces `out` whole, else it is removed.

    Call inside `locked(out)`.
    """
    out = Path(out)
    parent = out.absolute().parent
    stage = Path(tempfile.mkdtemp(prefix=f".{out.name}.building-", dir=parent))
    # mkdtemp makes the folder private (0700); the swapped-in output is an ordinary
    # folder, readable as the user's umask allows, like the `out/` a plain mkdir made.
    stage.chmod(0o777 & ~_umask())
    try:
        yield stage
        (stage / MARKER).write_text("written by tawasul\n", encoding="utf-8")
        _sync_tree(stage)
        _swap(stage, out)
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def _umask() -> int:
    """The process's file-creation mask (read by setting it and putting it back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def writing(out: Path) -> Iterator[Path]:
    """Lock `out`, give a staging folder, swap it in on success: the whole protocol."""
    with locked(out), staged(out) as stage:
        yield stage


def _swap(stage: Path, out: Path) -> None:
    """Put `stage` where `out` is; after this `stage` holds the old folder (or nothing)."""
    if out.exists() and _exchange(stage, out):
        _fsync_dir(out.absolute().parent)
        return
    old = out.absolute().parent / f".{out.name}.old-{os.getpid()}"
    if out.exists():
        os.rename(out, old)
    os.rename(stage, out)
    _fsync_dir(out.absolute().parent)
    shutil.rmtree(old, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Atomically exchange two paths (Linux renameat2); False where that is unavailable."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(
        _AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), ctypes.c_uint(_RENAME_EXCHANGE)
    )
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def _recover(out: Path) -> None:
    """Undo what a killed build left: restore an old folder the two-rename swap had moved."""
    parent = out.absolute().parent
    for old in sorted(parent.glob(f".{out.name}.old-*")):
        if not out.exists():
            os.rename(old, out)
        else:
            shutil.rmtree(old, ignore_errors=True)
    for stage in parent.glob(f".{out.name}.building-*"):
        shutil.rmtree(stage, ignore_errors=True)


def _sync_tree(folder: Path) -> None:
    for path in folder.rglob("*"):
        if path.is_file():
            with path.open("rb") as handle:
                os.fsync(handle.fileno())
    _fsync_dir(folder)


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
