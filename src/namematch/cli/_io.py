"""Reading the command line's inputs (part of :mod:`namematch.cli`): files and standard input as
strict UTF-8 text (decoded by ``namematch._files``, as the registry's files are), CSV rows with
their line numbers, and :class:`CLIError`, the one-line error.
"""

from __future__ import annotations

import argparse
import codecs
import csv
import io
import os
import re
import stat
import sys
from collections.abc import Iterator
from typing import Any

from namematch._files import UndecodableError, decode, is_utf16, looks_binary


class CLIError(Exception):
    """An error to report as one line on stderr."""


#: Bytes read at a time from a file or standard input.
_CHUNK = 1 << 16


def printable(text: str) -> str:
    """``text`` safe to print: bytes that were not UTF-8 (decoded by Python as lone
    surrogates) and control characters appear as escapes, never raw."""
    text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return re.sub(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]", lambda m: m.group().encode("unicode_escape").decode(), text)


def _decode(raw: bytes, label: str) -> str:
    """Decode a whole input (``namematch._files.decode``); CLIError saying where it fails."""
    try:
        return decode(raw)
    except UndecodableError as exc:
        where = label if exc.line is None else f"{label}:{exc.line}"
        raise CLIError(f"{where}: {exc}") from exc


def _read_all(stream: Any, label: str) -> bytes:
    """All bytes of ``stream``, read in chunks; a NUL in the first chunk (binary data, e.g.
    ``/dev/zero``) stops the read at once rather than filling memory."""
    chunks = []
    first = True
    while True:
        chunk = stream.read(_CHUNK)
        if not chunk:
            break
        if first and looks_binary(chunk) and not is_utf16(chunk):
            raise CLIError(f"{label}: binary file, expected UTF-8 text")
        first = False
        chunks.append(chunk)
    return b"".join(chunks)


def open_regular(path: str, what: str = "file") -> Any:
    """Open ``path`` for reading if it is a regular file (or a link to one). FIFOs, devices
    and sockets are refused: reading them could block for ever or never end."""
    label = printable(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise CLIError(f"{label}: no such {what}") from None
    except OSError as exc:
        raise CLIError(f"{label}: cannot read ({exc.strerror})") from exc
    if stat.S_ISDIR(st.st_mode):
        raise CLIError(f"{label}: is a directory")
    if not stat.S_ISREG(st.st_mode):
        raise CLIError(f"{label}: not a regular file (FIFO, device or socket); use '-' to read a stream")
    try:
        # O_NONBLOCK: if the path was swapped for a FIFO since the check, open does not wait for a writer
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            raise CLIError(f"{label}: not a regular file (FIFO, device or socket); use '-' to read a stream")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except OSError as exc:
        raise CLIError(f"{label}: cannot read ({exc.strerror})") from exc


def read_text_file(path: str) -> str:
    with open_regular(path) as fh:
        try:
            raw = _read_all(fh, printable(path))
        except OSError as exc:
            raise CLIError(f"{printable(path)}: cannot read ({exc.strerror})") from exc
    return _decode(raw, printable(path))


def _stdin_bytes() -> Any:
    if sys.stdin is None:
        return io.BytesIO()
    return getattr(sys.stdin, "buffer", None)


def read_stdin() -> str:
    """All of standard input, decoded like a file (the locale's decoding is not used)."""
    buffer = _stdin_bytes()
    if buffer is None:  # replaced by a text stream (tests, embedding)
        return sys.stdin.read()
    return _decode(_read_all(buffer, "<stdin>"), "<stdin>")


def read_source(path: str) -> str:
    """A file's text, or standard input's for ``-``."""
    return read_stdin() if path == "-" else read_text_file(path)


def _stdin_lines() -> Iterator[str]:
    """Lines of standard input, read as they come, strictly UTF-8 whatever the locale
    (undecodable bytes would otherwise be echoed back as lone surrogates or raise). Read in
    pieces of at most 64 KiB: binary data (a NUL byte) stops the read at once, even in a
    line that never ends."""
    buffer = _stdin_bytes()
    if buffer is None:  # replaced by a text stream (tests, embedding)
        yield from sys.stdin
        return
    n, parts = 0, []
    while True:
        piece = buffer.readline(_CHUNK)
        if b"\x00" in piece:
            raise CLIError(f"<stdin>:{n + 1}: binary input (NUL byte), expected UTF-8 text")
        if piece:
            parts.append(piece)
            if not piece.endswith(b"\n"):
                continue
        if not parts:
            return
        n += 1
        raw, parts = b"".join(parts), []
        if n == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8) :]
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise CLIError(f"<stdin>:{n}: not valid UTF-8 ({exc.reason})") from exc


def names_from(args: argparse.Namespace) -> Iterator[str]:
    names = list(getattr(args, "names", []) or [])
    if not names or names == ["-"]:
        for line in _stdin_lines():
            line = line.rstrip("\r\n")
            if line.strip():
                yield line
        return
    yield from names


def table_rows(text: str, label: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """``(line, cells)`` of CSV text (lines end in LF, CRLF or CR; quoted cells may hold them)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    while True:
        line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise CLIError(f"{label}:{line}: malformed CSV ({exc})") from exc
        yield line, row


def header_index(header: list[str], wanted: str, option: str, label: str) -> int:
    names = [h.strip() for h in header]
    if names.count(wanted) > 1:
        raise CLIError(f"{label}:1: column {wanted!r} appears twice in the header")
    if wanted not in names:
        raise CLIError(f"{label}:1: no column {wanted!r} in the header {names} (set {option})")
    return names.index(wanted)
