"""Reading and writing namematch's files (package-private, decision 0011): the one place for
decoding bytes, reading lines, JSON-lines and CSV records, and atomic writes. The registry's
loaders and savers, the command line's inputs and the fitted models' files all use it.

**Decoding.** A file is UTF-8 (with or without a BOM) or UTF-16 with a BOM; NUL bytes near the
start mean binary data. :func:`decode` reads a whole input (the command line);
:func:`read_lines` reads a registry file line by line, so that an undecodable line is a bad
line reported with its number.

**Lines.** Only ``\\n``, ``\\r\\n`` and ``\\r`` end a line (never U+2028, U+2029, U+0085,
``\\x0b``, ``\\x0c`` or ``\\x1c``-``\\x1e``, which ``str.splitlines`` would also split on), so
line numbers are the same whatever the encoding and a name holding such a character is read
whole.

**Records.** A record is accepted only if it could be saved again: text that is not valid
Unicode (a lone surrogate from a ``\\ud800`` JSON escape), JSON nested deeper than
:data:`MAX_NESTING`, an object with a key given twice. Such a line is a bad line, reported
with its number like any other.

**Atomic writes.** A new file is written beside the target under a temporary name
(``.NAME.RANDOM.tmp``), flushed to disk and renamed over the target, so the target holds the
old file or the whole new one, whatever happens to the writer. The temporary file is created
with the mode a plain ``open(path, "w")`` would give (``0o666`` less the umask) or, when the
target exists, the target's mode: a save never turns a ``0644`` file into ``0600``. A writer
killed mid-write (``SIGKILL``, power loss) cannot remove its temporary file. Each writer holds
an exclusive ``flock`` on its temporary file while it writes (released by the system when the
process dies); the next save to the same target removes the temporary files of that target
that nobody holds and that are older than :data:`STALE_AFTER` seconds (POSIX; elsewhere they
stay).
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import json
import os
import re
import secrets
import stat
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any, Final

from namematch._errors import RegistryError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

__all__ = [
    "BINARY_PROBE",
    "MAX_NESTING",
    "STALE_AFTER",
    "UTF16_BOMS",
    "UndecodableError",
    "atomic_write",
    "check_savable",
    "csv_records",
    "decode",
    "is_utf16",
    "jsonl_records",
    "looks_binary",
    "parse_json_record",
    "read_lines",
    "remove_stale",
    "replacing",
]

# -- decoding ------------------------------------------------------------------------------------
#: Byte-order marks of UTF-16 text (the only way namematch reads UTF-16).
UTF16_BOMS: Final = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
#: Bytes at the start of an input searched for NUL (a NUL there means binary data, not text).
BINARY_PROBE: Final = 4096


class UndecodableError(ValueError):
    """Bytes that are not namematch's text: the reason, and the 1-based line where UTF-8
    decoding failed (None when the input as a whole is refused)."""

    def __init__(self, reason: str, line: int | None = None) -> None:
        super().__init__(reason)
        self.line = line


def is_utf16(raw: bytes) -> bool:
    """Whether ``raw`` starts with a UTF-16 byte-order mark."""
    return raw.startswith(UTF16_BOMS)


def looks_binary(raw: bytes) -> bool:
    """Whether the first :data:`BINARY_PROBE` bytes hold a NUL (test :func:`is_utf16` first:
    UTF-16 text holds NULs)."""
    return b"\x00" in raw[:BINARY_PROBE]


def decode(raw: bytes) -> str:
    """A whole input as text: UTF-16 when it starts with a byte-order mark, else strict UTF-8
    (a UTF-8 byte-order mark dropped); :class:`UndecodableError` saying why (and on which line
    for UTF-8) otherwise."""
    if is_utf16(raw):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise UndecodableError(f"not valid UTF-16 ({exc.reason})") from exc
    if looks_binary(raw):
        raise UndecodableError("binary file, expected UTF-8 text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise UndecodableError(f"not valid UTF-8 ({exc.reason})", line) from exc


# -- lines and records ---------------------------------------------------------------------------
#: Deepest nesting of arrays and objects accepted in a JSON record (a person
#: record is two levels deep; attributes may nest a little further).
MAX_NESTING: Final = 64

_LINE_END_BYTES: Final = re.compile(rb"\r\n|\r|\n")
_LINE_END: Final = re.compile(r"\r\n|\r|\n")
_SURROGATE: Final = re.compile(r"[\ud800-\udfff]")

#: A record parser: builds the record's fields, or raises ValueError/TypeError saying why not.
Parse = Callable[[], Any]


def read_lines(path: str | os.PathLike[str]) -> Iterator[tuple[int, str | None, str]]:
    """(line number, text or None when undecodable, why) of every line of a UTF-8 or UTF-16 file."""
    raw = Path(path).read_bytes()
    if is_utf16(raw):
        if len(raw) % 2:
            raise RegistryError("not valid UTF-16: the file ends in the middle of a character", path)
        text = raw.decode("utf-16", "surrogatepass")  # a lone surrogate is reported on its line
        for n, line in enumerate(_LINE_END.split(text), 1):
            found = _SURROGATE.search(line)
            if found:
                yield n, None, f"not valid UTF-16 (unpaired surrogate at character {found.start() + 1})"
            else:
                yield n, line, ""
        return
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    if looks_binary(raw):
        raise RegistryError("binary file (NUL bytes), not UTF-8 text", path)
    for n, line in enumerate(_LINE_END_BYTES.split(raw), 1):
        try:
            yield n, line.decode("utf-8"), ""
        except UnicodeDecodeError as exc:
            yield n, None, f"not valid UTF-8 ({exc.reason} at byte {exc.start})"


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object's pairs as a dict; a key given twice is an error (not "last wins")."""
    out = dict(pairs)
    if len(out) != len(pairs):
        seen: set[str] = set()
        for key, _value in pairs:
            if key in seen:
                raise ValueError(f"duplicate key {key!r} in a JSON object")
            seen.add(key)
    return out


def _depth(value: object) -> int:
    """Nesting depth of lists and dicts (iterative: no recursion whatever the depth)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        deepest = max(deepest, depth)
        if deepest > MAX_NESTING:
            return deepest
        stack.extend((child, depth + 1) for child in children)
    return deepest


def parse_json_record(line: str) -> Any:
    """The JSON value of one line, or ValueError saying why it is not a record namematch keeps."""
    try:
        data = json.loads(line, object_pairs_hook=_unique_keys)
    except json.JSONDecodeError as exc:
        raise ValueError(f"broken JSON: {exc.msg} (column {exc.colno})") from exc
    except RecursionError as exc:
        raise ValueError(f"JSON nested deeper than {MAX_NESTING} levels") from exc
    if _depth(data) > MAX_NESTING:
        raise ValueError(f"JSON nested deeper than {MAX_NESTING} levels")
    return data


def check_savable(record: dict[str, Any], what: str) -> None:
    """ValueError unless ``record`` (a person's :meth:`to_dict`) can be written as UTF-8 JSON."""
    try:
        json.dumps(record, ensure_ascii=False, sort_keys=True).encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValueError(
            f"{what} cannot be saved: its text holds a lone surrogate ({exc.object[exc.start:exc.end]!r}), "
            "which is not valid Unicode") from exc
    except (TypeError, ValueError, RecursionError) as exc:
        raise ValueError(f"{what} cannot be saved as JSON: {exc}") from exc


def jsonl_records(path: str | os.PathLike[str]) -> Iterator[tuple[int, Parse]]:
    """(line number, parser) of every non-blank line of a JSON-lines file."""
    for n, line, problem in read_lines(path):
        if line is not None and not line.strip():
            continue

        def parse(line: str | None = line, problem: str = problem) -> Any:
            if line is None:
                raise ValueError(problem)
            return parse_json_record(line)

        yield n, parse


def _fail(problem: str) -> Parse:
    def parse() -> Any:
        raise ValueError(problem)

    return parse


def csv_records(path: str | os.PathLike[str]) -> Iterator[tuple[int, Parse]]:
    """(line number, parser of the row as a dict of its columns) of every non-blank CSV record.

    Undecodable lines are bad lines (reported in their place); a malformed record
    within one line (``"Bob" Smith``) is a bad line; a quote left open, which joins
    the following lines to its record, is a :class:`RegistryError` even with
    ``errors="skip"`` (skipping would drop those lines silently). The header must
    name ``id`` and ``name`` and no column twice.
    """
    numbers: list[int] = []
    texts: list[str] = []
    bad: list[tuple[int, str]] = []
    for n, line, problem in read_lines(path):
        if line is None:
            if not numbers:  # the header line
                raise RegistryError(problem, path, n)
            bad.append((n, problem))
        else:
            numbers.append(n)
            texts.append(line + "\n")
    pending = iter(bad)
    next_bad = next(pending, None)

    def bad_lines_before(line_no: int) -> Iterator[tuple[int, Parse]]:
        nonlocal next_bad
        while next_bad is not None and next_bad[0] < line_no:
            yield next_bad[0], _fail(next_bad[1])
            next_bad = next(pending, None)

    reader = csv.reader(texts, strict=True)
    try:
        header = next(reader)
    except StopIteration:
        yield from bad_lines_before(1 << 62)
        return
    except csv.Error as exc:
        raise RegistryError(f"malformed CSV header: {exc}", path, numbers[0]) from exc
    head_line = numbers[0]
    header = [h.strip() for h in header]
    if "id" not in header or "name" not in header:
        raise RegistryError("CSV header must have 'id' and 'name' columns", path, head_line)
    twice = sorted({h for h in header if header.count(h) > 1})
    if twice:
        raise RegistryError(f"CSV header has duplicate column(s): {', '.join(map(repr, twice))}", path, head_line)
    while True:
        consumed = reader.line_num
        if consumed >= len(texts):
            break
        start = numbers[consumed]
        yield from bad_lines_before(start)
        try:
            row = next(reader)
        except StopIteration:  # pragma: no cover - line_num said lines remain
            break
        except csv.Error as exc:
            spans = reader.line_num - consumed
            if spans > 1 or "end of data" in str(exc):
                # an open quote joined the following lines to this record: never drop them silently
                end = numbers[reader.line_num - 1]
                raise RegistryError(
                    f"malformed CSV: {exc} (the record starting on this line runs to line {end}: "
                    "is a quote left open?)", path, start) from exc
            yield start, _fail(f"malformed CSV: {exc}")
            continue
        if not any(cell.strip() for cell in row):
            continue

        def parse(row: list[str] = row) -> dict[str, str]:
            if len(row) != len(header):
                raise ValueError(f"expected {len(header)} columns, found {len(row)}")
            return dict(zip(header, row, strict=True))

        yield start, parse
    yield from bad_lines_before(1 << 62)


# -- atomic writes ------------------------------------------------------------------------------
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
