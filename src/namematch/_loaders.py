"""Reading registry files: lines, JSON-lines records and CSV rows (private; used by registry).

One way of reading lines for every encoding: a file is UTF-8 (with or without
a BOM) or UTF-16 with a BOM, and only ``\\n``, ``\\r\\n`` and ``\\r`` end a line
(never U+2028, U+2029, U+0085, ``\\x0b``, ``\\x0c`` or ``\\x1c``-``\\x1e``, which
``str.splitlines`` would also split on), so line numbers are the same whatever
the encoding and a name holding such a character is read whole.

A record is accepted only if it could be saved again: text that is not valid
Unicode (a lone surrogate from a ``\\ud800`` JSON escape), JSON nested deeper than
:data:`MAX_NESTING`, an object with a key given twice. Such a line is a bad line,
reported with its number like any other.
"""

from __future__ import annotations

import codecs
import csv
import json
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Final

from namematch._errors import RegistryError

__all__ = ["MAX_NESTING", "check_savable", "csv_records", "jsonl_records", "read_lines"]

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
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
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
    if b"\x00" in raw[:4096]:
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
