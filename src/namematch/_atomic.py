"""Atomic replacement of a file that keeps its mode (private; used by registry and tools).

A new file is written beside the target under a temporary name
(``.NAME.RANDOM.tmp``), flushed to disk and renamed over the target, so the
target holds the old file or the whole new one, whatever happens to the writer.
The temporary file is created with the mode a plain ``open(path, "w")`` would
give (``0o666`` less the umask) or, when the target exists, the target's mode:
a save never turns a ``0644`` file into ``0600``.

A writer killed mid-write (``SIGKILL``, power loss) cannot remove its temporary
file. Each writer holds an exclusive ``flock`` on its temporary file while it
writes (released by the system when the process dies); the next save to the
same target removes the temporary files of that target that nobody holds and
that are older than :data:`STALE_AFTER` seconds (POSIX; elsewhere they stay).
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any, Final

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

__all__ = ["STALE_AFTER", "atomic_write", "remove_stale", "replacing"]

#: A temporary file younger than this (seconds) is never removed as stale: it may
#: belong to a writer that has created it and not yet locked it.
STALE_AFTER: Final = 60.0
_SUFFIX: Final = ".tmp"


def _prefix(target: Path) -> str:
    return f".{target.name}."


def _lock(fd: int) -> bool:
    """Take an exclusive lock on ``fd`` without waiting; False if another holds it."""
    if fcntl is None:  # pragma: no cover - Windows
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def remove_stale(target: str | os.PathLike[str]) -> list[Path]:
    """Remove the temporary files that killed writers left beside ``target``; the removed paths.

    A temporary file is stale when it is a regular file named as :func:`replacing`
    names them, older than :data:`STALE_AFTER` and not locked by a live writer.
    """
    target = Path(target)
    if fcntl is None:  # pragma: no cover - Windows: no way to tell a live writer
        return []
    prefix, removed, now = _prefix(target), [], time.time()
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return []
    for entry in entries:
        if not (entry.name.startswith(prefix) and entry.name.endswith(_SUFFIX)):
            continue
        with contextlib.suppress(OSError):
            info = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(info.st_mode) or now - info.st_mtime < STALE_AFTER:
                continue
            fd = os.open(entry.path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
            try:
                if _lock(fd) and os.path.samestat(os.fstat(fd), os.stat(entry.path, follow_symlinks=False)):
                    os.unlink(entry.path)
                    removed.append(Path(entry.path))
            finally:
                os.close(fd)
    return removed


def _create_temp(target: Path, mode: int | None) -> tuple[int, Path]:
    """A new, locked, empty temporary file beside ``target`` (its descriptor and path),
    created as ``open`` creates a file (``0o666`` less the umask), and never readable
    by more users than the target while it is written."""
    while True:
        tmp = target.parent / f"{_prefix(target)}{secrets.token_hex(4)}{_SUFFIX}"
        try:
            flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
            fd = os.open(tmp, flags, 0o666 if mode is None else (mode & 0o666) | 0o600)
        except FileExistsError:  # pragma: no cover - 32 random bits collided
            continue
        _lock(fd)
        return fd, tmp


def _sync_folder(folder: Path) -> None:
    """Flush a folder's entries (the rename) to disk, where the system allows it."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def replacing(path: str | os.PathLike[str]) -> Iterator[Path]:
    """A temporary path in ``path``'s folder to write the new file at: when the block
    ends, the file is flushed to disk and renamed over ``path`` (atomic), or removed
    if the block raised, so ``path`` holds the old file or the whole new one. The new
    file keeps the mode of the file it replaces."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_stale(target)
    try:
        mode: int | None = stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        mode = None
    fd, tmp = _create_temp(target, mode)
    try:
        yield tmp
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(tmp, mode)  # the target's mode exactly (the umask does not apply to chmod)
        os.replace(tmp, target)
        _sync_folder(target.parent)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    finally:
        os.close(fd)  # releases the lock


def atomic_write(path: str | os.PathLike[str], write: Callable[[Any], object], *, binary: bool = False) -> None:
    """Write through a temporary file in the same folder, then rename over ``path``;
    ``write`` gets the open file (text: UTF-8, no newline translation)."""
    with replacing(path) as tmp:
        opened: IO[Any] = open(tmp, "wb") if binary else open(tmp, "w", encoding="utf-8", newline="")
        with opened as fh:
            write(fh)
