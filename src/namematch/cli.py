"""The ``namematch`` command line (last stage: it only calls the public API).

Commands: ``normalize``, ``parse``, ``romanize``, ``keys``, ``score``,
``resolve``, ``cluster``, ``link``, ``demo``. Every command that reads names or
text reads standard input for ``-``. Output is a readable table by default, or
``--format jsonl|csv`` (and ``html`` for ``link``); CSV cells that a
spreadsheet would run as a formula are escaped. Progress bars appear on
standard error, only on a terminal and only for long runs. Errors end with a
one-line message on stderr and a non-zero exit code, never a traceback; Ctrl-C
exits with 130 at any moment.
"""

from __future__ import annotations

import argparse
import csv
import difflib
import importlib
import io
import json
import math
import os
import re
import signal
import sqlite3
import stat
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

import namematch

__all__ = ["build_parser", "main"]

EXIT_USAGE = 2
EXIT_ERROR = 1
EXIT_INTERNAL = 70  # EX_SOFTWARE: a bug in namematch, reported in one line
EXIT_INTERRUPTED = 130

#: Suffixes of the files ``link`` reads from a folder.
TEXT_SUFFIXES = (".txt", ".md")
_CHUNK = 1 << 16


class CLIError(Exception):
    """An error to report as one line on stderr."""


def _shown(text: str) -> str:
    """``text`` safe to print: bytes that were not UTF-8 (decoded by Python as lone
    surrogates) and control characters appear as escapes, never raw."""
    text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return re.sub(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]", lambda m: m.group().encode("unicode_escape").decode(), text)


# -- input -----------------------------------------------------------------


def _decode(raw: bytes, label: str) -> str:
    """Decode a whole input as UTF-8 (or UTF-16 with a BOM); CLIError saying where it fails."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise CLIError(f"{label}: not valid UTF-16 ({exc.reason})") from exc
    if b"\x00" in raw[:4096]:
        raise CLIError(f"{label}: binary file, expected UTF-8 text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise CLIError(f"{label}:{line}: not valid UTF-8 ({exc.reason})") from exc


def _read_all(stream: Any, label: str) -> bytes:
    """All bytes of ``stream``, read in chunks; a NUL in the first chunk (binary data, e.g.
    ``/dev/zero``) stops the read at once rather than filling memory."""
    chunks = []
    first = True
    while True:
        chunk = stream.read(_CHUNK)
        if not chunk:
            break
        if first and b"\x00" in chunk[:4096] and not chunk.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise CLIError(f"{label}: binary file, expected UTF-8 text")
        first = False
        chunks.append(chunk)
    return b"".join(chunks)


def _open_regular(path: str, what: str = "file") -> Any:
    """Open ``path`` for reading if it is a regular file (or a link to one). FIFOs, devices
    and sockets are refused: reading them could block for ever or never end."""
    label = _shown(path)
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


def _read_text_file(path: str) -> str:
    with _open_regular(path) as fh:
        try:
            raw = _read_all(fh, _shown(path))
        except OSError as exc:
            raise CLIError(f"{_shown(path)}: cannot read ({exc.strerror})") from exc
    return _decode(raw, _shown(path))


def _stdin_bytes() -> Any:
    if sys.stdin is None:
        return io.BytesIO()
    return getattr(sys.stdin, "buffer", None)


def _read_stdin() -> str:
    """All of standard input, decoded like a file (the locale's decoding is not used)."""
    buffer = _stdin_bytes()
    if buffer is None:  # replaced by a text stream (tests, embedding)
        return sys.stdin.read()
    return _decode(_read_all(buffer, "<stdin>"), "<stdin>")


def _read_source(path: str) -> str:
    """A file's text, or standard input's for ``-``."""
    return _read_stdin() if path == "-" else _read_text_file(path)


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
        if n == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise CLIError(f"<stdin>:{n}: not valid UTF-8 ({exc.reason})") from exc


def _names_from(args: argparse.Namespace) -> Iterator[str]:
    names = list(getattr(args, "names", []) or [])
    if not names or names == ["-"]:
        for line in _stdin_lines():
            line = line.rstrip("\r\n")
            if line.strip():
                yield line
        return
    yield from names


def _table_rows(text: str, label: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
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


def _header_index(header: list[str], wanted: str, option: str, label: str) -> int:
    names = [h.strip() for h in header]
    if names.count(wanted) > 1:
        raise CLIError(f"{label}:1: column {wanted!r} appears twice in the header")
    if wanted not in names:
        raise CLIError(f"{label}:1: no column {wanted!r} in the header {names} (set {option})")
    return names.index(wanted)


# -- registries --------------------------------------------------------------


def _delimiter(value: str | None, path: str) -> str:
    if value is not None:
        return value
    return "\t" if path.lower().endswith((".tsv", ".tab")) else ","


def _registry_from_table(path: str, args: argparse.Namespace) -> namematch.Registry:
    """A registry from a CSV/TSV file whose columns are named by ``--id-col``, ``--name-col``
    and ``--alias-col`` (alias cells split on ``|``); the other columns become attributes."""
    label = _shown(path)
    text = _read_text_file(path)
    rows = _table_rows(text, label, _delimiter(args.delimiter, path))
    first = next(rows, None)
    if first is None:
        raise CLIError(f"{label}: empty registry file (expected a header line)")
    header = [h.strip() for h in first[1]]
    dupes = sorted({h for h in header if header.count(h) > 1})
    if dupes:
        raise CLIError(f"{label}:{first[0]}: duplicate columns in the header: {', '.join(dupes)}")
    id_at = _header_index(header, args.id_col or "id", "--id-col", label)
    name_at = _header_index(header, args.name_col or "name", "--name-col", label)
    alias_at = [_header_index(header, c, "--alias-col", label) for c in (args.alias_col or [])]
    if not args.alias_col and "aliases" in header:
        alias_at = [header.index("aliases")]
    reg = namematch.Registry()
    for line, row in rows:
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise CLIError(f"{label}:{line}: expected {len(header)} columns, found {len(row)}")
        aliases = [a.strip() for k in alias_at for a in row[k].split("|") if a.strip()]
        attributes = {h: v for k, (h, v) in enumerate(zip(header, row)) if k not in (id_at, name_at, *alias_at) and v}
        try:
            reg.add(namematch.Person(row[id_at].strip(), row[name_at].strip(), aliases, attributes))
        except (ValueError, TypeError) as exc:
            raise CLIError(f"{label}:{line}: {exc}") from exc
    return reg


def _load_registry(path: str, args: argparse.Namespace) -> namematch.Registry:
    label = _shown(path)
    with _open_regular(path, "registry file") as fh:
        try:
            head = fh.read(16)
        except OSError as exc:
            raise CLIError(f"{label}: cannot read ({exc.strerror})") from exc
    table_options = (args.id_col, args.name_col, args.alias_col, args.delimiter) != (None, None, None, None)
    try:
        if head == b"SQLite format 3\x00":
            if table_options:
                raise CLIError(f"{label}: a saved index has no columns to map (--id-col, --delimiter, ...)")
            return namematch.Registry.load(path)
        if table_options or path.lower().endswith((".tsv", ".tab")):
            return _registry_from_table(path, args)
        if path.lower().endswith(".csv"):
            return namematch.Registry.from_csv(path)
        return namematch.Registry.from_jsonl(path)
    except namematch.RegistryError as exc:
        raise CLIError(f"bad registry: {_shown(str(exc))}") from exc
    except (sqlite3.Error, csv.Error, RecursionError, KeyError, IndexError, UnicodeError) as exc:
        raise CLIError(f"{label}: unreadable registry ({type(exc).__name__}: {_shown(str(exc))})") from exc


class _Guarded:
    """Calls into a registry with its damage reported as a CLIError naming the file: a
    tampered or truncated index fails at query time with SQLite, key or decoding errors."""

    def __init__(self, registry: namematch.Registry, path: str) -> None:
        self.registry, self.label = registry, _shown(path)

    def __call__(self, func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except namematch.RegistryError as exc:
            raise CLIError(f"bad registry: {_shown(str(exc))}") from exc
        except (sqlite3.Error, KeyError, IndexError, ValueError, UnicodeError, RecursionError) as exc:
            raise CLIError(
                f"{self.label}: damaged registry ({type(exc).__name__}: {_shown(str(exc))}); "
                "rebuild the index from its source file"
            ) from exc


# -- output ----------------------------------------------------------------

#: First characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_safe(value: Any) -> Any:
    """A text cell starting like a formula, prefixed with ``'`` so spreadsheets show it as
    text (OWASP's advice; the csv module quotes it as needed). Numbers are left alone."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _table_safe(text: str) -> str:
    """Control characters (terminal escape sequences from untrusted text) made visible."""
    return re.sub(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", lambda m: m.group().encode("unicode_escape").decode(), text)


class _Out:
    """Writes rows as a table, JSON lines or CSV."""

    def __init__(self, fmt: str, columns: Sequence[str]):
        self.fmt, self.columns = fmt, list(columns)
        self.rows: list[dict[str, Any]] = []
        self._csv: Any = None
        if fmt == "csv":
            self._csv = csv.writer(sys.stdout)  # RFC 4180: CRLF rows; cells holding CR or LF are quoted
            self._csv.writerow([_csv_safe(c) for c in self.columns])

    def row(self, **values: Any) -> None:
        if self.fmt == "jsonl":
            print(json.dumps(values, ensure_ascii=False, default=str))
        elif self._csv is not None:
            self._csv.writerow([_csv_safe(_csv_cell(values.get(c))) for c in self.columns])
        else:
            self.rows.append(values)

    def close(self) -> None:
        if self.fmt != "table" or not self.rows:
            return
        cells = [[_table_safe(_cell(r.get(c, ""))) for c in self.columns] for r in self.rows]
        widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(self.columns)]
        print("  ".join(c.ljust(w) for c, w in zip(self.columns, widths)).rstrip())
        for row in cells:
            print("  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip())


def _csv_cell(v: Any) -> Any:
    if isinstance(v, list | tuple):
        return "|".join(map(str, v))
    if isinstance(v, Mapping):
        return json.dumps(dict(v), ensure_ascii=False, sort_keys=True, default=str) if v else ""
    if isinstance(v, bool):
        return "true" if v else "false"
    return "" if v is None else v


def _cell(v: Any) -> str:
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, float):
        return f"{v:.3f}"
    if isinstance(v, list | tuple):
        return " | ".join(map(str, v))
    if isinstance(v, Mapping):
        return "; ".join(f"{k}={x}" for k, x in v.items())
    return "" if v is None else str(v)


def _attributes(person: Any) -> dict[str, Any]:
    return dict(person.attributes) if person is not None else {}


# -- option values -------------------------------------------------------------


def _unit_interval(option: str) -> Callable[[str], float]:
    """An argparse type: a number in [0, 1], with a hint for values given in percent."""

    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{_shown(text)!r} is not a number") from None
        if math.isnan(value) or not 0.0 <= value <= 1.0:
            hint = f"; did you mean {value / 100:g}?" if 1.0 < value <= 100.0 else ""
            raise argparse.ArgumentTypeError(
                f"{_shown(text)} is outside 0-1 ({option} is on the 0-1 score scale{hint})")
        return value

    return parse


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{_shown(text)!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is not positive")
    return value


def _non_negative(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{_shown(text)!r} is not a number") from None
    if not math.isfinite(value) or value < 0:
        raise argparse.ArgumentTypeError(f"{_shown(text)} is not a finite number >= 0")
    return value


def _one_char(text: str) -> str:
    value = {"\\t": "\t", "tab": "\t", "TAB": "\t"}.get(text, text)
    if len(value) != 1 or value in "\"\r\n":
        raise argparse.ArgumentTypeError(f"{_shown(text)!r}: give one character (or 'tab')")
    return value


# -- commands --------------------------------------------------------------


def _cmd_normalize(args: argparse.Namespace) -> int:
    out = _Out(args.format, ["name", "normalized", "script"])
    for name in _names_from(args):
        out.row(name=name, normalized=namematch.normalize(name), script=namematch.script_of(name))
    out.close()
    return 0


def _cmd_parse(args: argparse.Namespace) -> int:
    if args.format == "jsonl":
        for name in _names_from(args):
            print(json.dumps(namematch.parse(name).to_dict(), ensure_ascii=False))
        return 0
    out = _Out(args.format, ["name", "unit", "norm", "role", "script"])
    for name in _names_from(args):
        for t in namematch.parse(name).tokens:
            out.row(name=name, unit=t.text, norm=t.norm, role=t.role, script=t.script)
    out.close()
    return 0


def _cmd_romanize(args: argparse.Namespace) -> int:
    out = _Out(args.format, ["name", "romanized", "alternatives"])
    for name in _names_from(args):
        out.row(name=name, romanized=namematch.romanize(name, convention=args.convention),
                alternatives=namematch.romanizations(name, limit=args.limit)[1:])
    out.close()
    return 0


def _cmd_keys(args: argparse.Namespace) -> int:
    out = _Out(args.format, ["name", "keys"])
    for name in _names_from(args):
        out.row(name=name, keys=sorted(namematch.keys(name)))
    out.close()
    return 0


_EXPLAIN_COLUMNS = ["a", "b", "score", "match", "threshold", "pairs", "unmatched_a", "unmatched_b", "rules"]


def _explained_row(ex: namematch.Explanation) -> dict[str, Any]:
    """An explanation as one flat row (CSV, table): each aligned pair as ``a = b (method, similarity)``."""
    data = ex.to_dict()
    data["pairs"] = [
        f"{p.get('a', '')} = {p.get('b', '')} ({p.get('method', '')}, {p.get('similarity', 0):.2f})"
        for p in data["pairs"]
    ]
    return data


def _pairs(args: argparse.Namespace) -> tuple[list[str], list[tuple[int, dict[str, Any]]]]:
    """The records of ``--pairs``: ``(columns, [(line, record)])``; each record has the
    names under ``--a-col`` and ``--b-col``."""
    path = args.pairs
    label = "<stdin>" if path == "-" else _shown(path)
    text = _read_source(path)
    first = next((line for line in text.splitlines() if line.strip()), "")
    suffix = path.lower().rsplit(".", 1)[-1] if "." in os.path.basename(path) else ""
    if suffix in ("jsonl", "ndjson", "json") or (suffix not in ("csv", "tsv", "tab") and first.lstrip()[:1] in "{["
                                                   and first.strip()):
        return _json_pairs(text, label, args)
    delimiter = args.delimiter or ("\t" if suffix in ("tsv", "tab") or ("\t" in first and "," not in first) else ",")
    rows = _table_rows(text, label, delimiter)
    head = next(rows, None)
    if head is None:
        return [args.a_col, args.b_col], []
    header = [h.strip() for h in head[1]]
    _header_index(header, args.a_col, "--a-col", label)
    _header_index(header, args.b_col, "--b-col", label)
    records = []
    for line, row in rows:
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise CLIError(f"{label}:{line}: expected {len(header)} columns, found {len(row)}")
        records.append((line, dict(zip(header, row))))
    return header, records


def _json_pairs(text: str, label: str, args: argparse.Namespace) -> tuple[list[str], list[tuple[int, dict[str, Any]]]]:
    records: list[tuple[int, dict[str, Any]]] = []
    columns: list[str] = []
    for line, raw in enumerate(text.split("\n"), 1):
        if not raw.strip():
            continue
        try:
            value = json.loads(raw)
        except (json.JSONDecodeError, RecursionError) as exc:
            raise CLIError(f"{label}:{line}: broken JSON ({getattr(exc, 'msg', 'nested too deeply')})") from exc
        if isinstance(value, list) and len(value) == 2:
            value = {args.a_col: value[0], args.b_col: value[1]}
        if not isinstance(value, dict):
            raise CLIError(f"{label}:{line}: expected an object with {args.a_col!r} and {args.b_col!r}, or [a, b]")
        for key in (args.a_col, args.b_col):
            if not isinstance(value.get(key), str):
                raise CLIError(f"{label}:{line}: {key!r} must be a string")
        columns.extend(k for k in value if k not in columns)
        records.append((line, value))
    return (columns or [args.a_col, args.b_col]), records


def _cmd_score(args: argparse.Namespace) -> int:
    from namematch import _progress

    if args.pairs is not None:
        if args.a is not None:
            raise CLIError("give two names or --pairs FILE, not both")
        columns, records = _pairs(args)
    elif args.a is None or args.b is None:
        raise CLIError("give two names to score, or --pairs FILE ('-' reads standard input)")
    else:
        columns, records = [args.a_col, args.b_col], [(0, {args.a_col: args.a, args.b_col: args.b})]
    threshold = namematch.DEFAULT_THRESHOLD if args.threshold is None else args.threshold
    steps = _progress.progress(records, total=len(records), desc="scoring pairs", unit="pair")
    if args.explain:
        explain = namematch.explain if args.threshold is None else namematch.Scorer(threshold=threshold).explain
        out = _Out(args.format, _EXPLAIN_COLUMNS)
        for _line, rec in steps:
            ex = explain(rec[args.a_col], rec[args.b_col])
            if args.format == "table":
                print(ex)
                if len(records) > 1:
                    print()
            elif args.format == "jsonl":
                print(json.dumps(ex.to_dict(), ensure_ascii=False))
            else:
                out.row(**_explained_row(ex))
        out.close()
        return 0
    out = _Out(args.format, [*(c for c in columns if c not in ("score", "match")), "score", "match"])
    for _line, rec in steps:
        s = namematch.score(rec[args.a_col], rec[args.b_col])
        out.row(**{**rec, "score": s, "match": s >= threshold})
    out.close()
    return 0


def _cmd_resolve(args: argparse.Namespace) -> int:
    from namematch import _progress

    if not args.registry:
        raise CLIError("resolve needs --registry FILE (JSONL, CSV/TSV or a saved index)")
    reg = _load_registry(args.registry, args)
    guard = _Guarded(reg, args.registry)
    out = _Out(args.format, ["mention", "rank", "id", "name", "score", "alias", "attributes"])
    names = list(_names_from(args))
    for mention in _progress.progress(names, total=len(names), desc="resolving", unit="name"):
        if args.match:  # the registry's decision: one person or none
            found = guard(reg.match, mention, threshold=args.match_threshold, margin=args.margin)
            cands = [found] if found is not None else []
        else:
            cands = guard(reg.resolve, mention, limit=args.limit, threshold=args.threshold)
        if not cands:
            out.row(mention=mention, rank=0, id=None, name=None, score=0.0, alias=None, attributes={})
        for rank, c in enumerate(cands, 1):
            out.row(mention=mention, rank=rank, id=c.person.id, name=c.person.name, score=c.score, alias=c.alias,
                    attributes=_attributes(c.person))
    out.close()
    return 0


def _cmd_cluster(args: argparse.Namespace) -> int:
    from namematch import _progress

    text = _read_source(args.file)
    names = [line.strip() for line in re.split(r"\r\n|\r|\n", text) if line.strip()]
    with _progress.working(f"clustering {len(names):,} names"):
        groups = namematch.cluster(names, threshold=args.threshold, workers=args.workers)
    out = _Out(args.format, ["group", "size", "names"])
    for k, g in enumerate(groups, 1):
        out.row(group=k, size=len(g), names=g)
    out.close()
    return 0


def _walk(folder: str) -> list[str]:
    """The text files under ``folder``, sorted; an unreadable subfolder is an error, not a skip."""
    found: list[str] = []

    def failed(exc: OSError) -> None:
        where = exc.filename if exc.filename is not None else folder
        raise CLIError(f"{_shown(os.fspath(where))}: cannot read folder ({exc.strerror})")

    for root, dirs, files in os.walk(folder, onerror=failed):
        dirs.sort()
        found.extend(os.path.join(root, f) for f in files if f.lower().endswith(TEXT_SUFFIXES))
    return sorted(found)


def _collect_documents(paths: Iterable[str]) -> dict[str, str]:
    """``{doc_id: text}``: a file's id is its path as given, a folder's files are their paths
    under it (``folder/sub/a.txt``), standard input is ``<stdin>``; ids are unique."""
    docs: dict[str, str] = {}
    sources: dict[str, str] = {}
    for path in paths:
        if path == "-":
            if "<stdin>" not in docs:
                docs["<stdin>"] = _read_stdin()
            continue
        if os.path.isdir(path):
            files = _walk(path)
            if not files:
                raise CLIError(f"{_shown(path)}: no {' or '.join(TEXT_SUFFIXES)} files in directory")
        else:
            files = [path]
        for f in files:
            doc_id = _shown(os.path.normpath(f))
            real = os.path.realpath(f)
            if doc_id in docs:
                if sources[doc_id] == real:
                    continue  # the same file named twice
                raise CLIError(f"{doc_id}: two inputs have this document id")
            docs[doc_id], sources[doc_id] = _read_text_file(f), real
    return docs


class _CountedDocs(Mapping[str, str]):
    """The documents, advancing a progress bar as :func:`namematch.resolve_documents` reads each."""

    def __init__(self, docs: Mapping[str, str], step: Callable[[], None]) -> None:
        self._docs, self._step = docs, step

    def __getitem__(self, key: str) -> str:
        text = self._docs[key]
        self._step()
        return text

    def __iter__(self) -> Iterator[str]:
        return iter(self._docs)

    def __len__(self) -> int:
        return len(self._docs)


def _cmd_link(args: argparse.Namespace) -> int:
    from namematch import _progress

    reg = _load_registry(args.registry, args) if args.registry else None
    docs = _collect_documents(args.paths)
    with _progress.steps(len(docs), desc="linking documents", unit="doc") as step:
        counted = _CountedDocs(docs, step)
        if reg is not None:
            entities = _Guarded(reg, args.registry)(namematch.resolve_documents, counted, registry=reg,
                                                    threshold=args.threshold)
        else:
            entities = namematch.resolve_documents(counted, threshold=args.threshold)
    if args.format == "html":
        title = f"namematch: persons in {len(docs)} document{'s' if len(docs) != 1 else ''}"
        sys.stdout.write(namematch.html_report(entities, docs, title=title, registry=reg))
        return 0
    out = _Out(args.format, ["entity", "id", "name", "doc_id", "start", "end", "script", "mention", "attributes"])
    for k, ent in enumerate(entities, 1):
        for m in ent.mentions:
            out.row(entity=k, id=ent.person.id if ent.person else None, name=ent.name, doc_id=m.doc_id,
                    start=m.start, end=m.end, script=m.script, mention=m.text, attributes=_attributes(ent.person))
    out.close()
    return 0


def _cmd_demo(args: argparse.Namespace) -> int:
    from namematch._demo import run_demo

    return run_demo(html=args.html)


# -- parser ------------------------------------------------------------------------


class _Parser(argparse.ArgumentParser):
    """argparse without prefix matching (``--reg`` is not ``--registry``)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("allow_abbrev", False)
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """Help with room for the longest command name beside its description; descriptions, the
    epilog and the ``--version`` line are printed as written (not re-wrapped)."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=28)
        self._action_max_length = 16  # argparse leaves the indented command names out of its count


def _add_format(p: argparse.ArgumentParser, extra: Sequence[str] = ()) -> None:
    choices = ["table", "jsonl", "csv", *extra]
    p.add_argument("--format", choices=choices, default="table",
                   help="output: an aligned table (default), JSON lines, CSV (formula-like cells escaped)"
                        + (", or one self-contained HTML page" if "html" in extra else ""))


def _add_registry_options(p: argparse.ArgumentParser, required: bool) -> None:
    p.add_argument("--registry", metavar="FILE", default=None,
                   help=("persons to resolve against" + (" (required)" if required else "") +
                         ": JSON lines (one person per line), CSV/TSV with a header, or an index saved by "
                         "Registry.save"))
    p.add_argument("--id-col", default=None, metavar="NAME", help="CSV/TSV registry: the id column (default: id)")
    p.add_argument("--name-col", default=None, metavar="NAME",
                   help="CSV/TSV registry: the main name column (default: name)")
    p.add_argument("--alias-col", action="append", default=None, metavar="NAME",
                   help="CSV/TSV registry: a column of other spellings, split on '|' (repeatable; "
                        "default: aliases, if present); the remaining columns become attributes")
    p.add_argument("--delimiter", type=_one_char, default=None, metavar="CHAR",
                   help="CSV/TSV registry: the field separator (default: tab for .tsv files, else ',')")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``namematch`` command."""
    from namematch import _build

    cluster_threshold = importlib.import_module("namematch.cluster").CLUSTER_THRESHOLD
    defaults = namematch.Registry()
    parser = _Parser(
        prog="namematch",
        description="Resolve person names across Arabic, Persian and Latin script.",
        epilog="Every command that reads names or text reads standard input for '-'.\n"
               "Scores and thresholds are on a 0-1 scale.",
    )
    parser.add_argument("--version", action="version", version=f"namematch {namematch.__version__} ({_build.describe()})",
                        help="print the version and the build (compiled or pure Python), then exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def names_command(name: str, help_text: str, func: Callable[[argparse.Namespace], int]) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text[0].upper() + help_text[1:] + ".")
        p.add_argument("names", nargs="*", metavar="NAME",
                       help="names to process; '-' or none reads them from standard input, one per line")
        _add_format(p)
        p.set_defaults(func=func)
        return p

    names_command("normalize", "print the normalised form and script of each name", _cmd_normalize)
    names_command("parse", "print the name units and roles of each name", _cmd_parse)
    p = names_command("romanize", "print the most likely Latin spelling of each name", _cmd_romanize)
    p.add_argument("--convention", choices=["arabic", "persian"], default=None,
                   help="read Arabic-script names as Arabic or as Persian (default: decided per name)")
    p.add_argument("--limit", type=_positive_int, default=5, help="most alternative spellings to list (default: 5)")
    names_command("keys", "print the retrieval keys of each name", _cmd_keys)

    p = sub.add_parser("score", help="score two names, or a file of pairs",
                       description="Score two names, or every pair of a CSV/TSV/JSONL file, on a 0-1 scale.")
    p.add_argument("a", nargs="?", default=None, metavar="A", help="the first name")
    p.add_argument("b", nargs="?", default=None, metavar="B", help="the second name")
    p.add_argument("--pairs", metavar="FILE", default=None,
                   help="score every pair of FILE ('-' for standard input): CSV/TSV with a header naming the "
                        "two name columns, or JSON lines of objects or [a, b] arrays; each record comes out "
                        "with its score and match")
    p.add_argument("--a-col", default="a", metavar="NAME", help="--pairs: the first name's column or key (default: a)")
    p.add_argument("--b-col", default="b", metavar="NAME", help="--pairs: the second name's column or key (default: b)")
    p.add_argument("--delimiter", type=_one_char, default=None, metavar="CHAR",
                   help="--pairs CSV: the field separator (default: tab for .tsv files or tab-separated input, else ',')")
    p.add_argument("--threshold", type=_unit_interval("--threshold"), default=None,
                   help=f"score from which a pair is a match (default: {namematch.DEFAULT_THRESHOLD})")
    p.add_argument("--explain", action="store_true", help="show the alignment and the rules that fired")
    _add_format(p)
    p.set_defaults(func=_cmd_score)

    p = names_command("resolve", "resolve mentions against a registry (JSONL, CSV/TSV or saved index)", _cmd_resolve)
    _add_registry_options(p, required=True)
    p.add_argument("--limit", type=_positive_int, default=1, help="candidates listed per mention (default: 1)")
    p.add_argument("--threshold", type=_unit_interval("--threshold"), default=namematch.DEFAULT_THRESHOLD,
                   help=f"lowest pair score listed (default: {namematch.DEFAULT_THRESHOLD})")
    p.add_argument("--match", action="store_true",
                   help="decide as Registry.match: the person the mention refers to, or none")
    p.add_argument("--match-threshold", type=_unit_interval("--match-threshold"), default=None,
                   help=f"with --match: chance (candidate model) the best candidate must reach "
                        f"(default: {defaults.match_threshold})")
    p.add_argument("--margin", type=_non_negative, default=None,
                   help=f"with --match: log-odds lead over a differently named rival (default: {defaults.margin})")

    p = sub.add_parser("cluster", help="group the names of a file (one per line) into persons",
                       description="Group the names of a file (one per line) into persons.")
    p.add_argument("file", nargs="?", default="-", metavar="FILE",
                   help="names, one per line; '-' or none reads standard input")
    p.add_argument("--threshold", type=_unit_interval("--threshold"), default=None,
                   help=f"candidate-model chance from which names join (default: {cluster_threshold}; "
                        "higher gives smaller, purer groups)")
    p.add_argument("--workers", type=_positive_int, default=1,
                   help="processes computing keys and pair scores (default: 1; same groups)")
    _add_format(p)
    p.set_defaults(func=_cmd_cluster)

    p = sub.add_parser("link", help="find and link person mentions in text files",
                       description="Find person mentions in text files or folders (their .txt and .md files, "
                                   "read recursively) and link them across documents.")
    p.add_argument("paths", nargs="+", metavar="FILE|DIR",
                   help="text files or folders; '-' reads one document from standard input")
    _add_registry_options(p, required=False)
    p.add_argument("--threshold", type=_unit_interval("--threshold"), default=None,
                   help=f"clustering of persons not in the registry: chance from which mentions join "
                        f"(default: {cluster_threshold})")
    _add_format(p, extra=["html"])
    p.set_defaults(func=_cmd_link)

    p = sub.add_parser("demo", help="link the bundled example articles to the bundled registry",
                       description="Link the bundled example articles to the bundled example registry.")
    p.add_argument("--html", metavar="FILE", default=None,
                   help="also write the HTML report of the persons found to FILE and print its path")
    p.set_defaults(func=_cmd_demo)
    return parser


def _options_of(parser: argparse.ArgumentParser) -> list[str]:
    return [o for action in parser._actions for o in action.option_strings]


def _parse(parser: argparse.ArgumentParser, argv: list[str]) -> argparse.Namespace:
    """Parse ``argv``; an unknown option is reported as unknown (with the closest real one)
    before any missing-argument message."""
    args, extras = parser.parse_known_args(argv)
    if extras:
        command = getattr(args, "command", None)
        target = parser
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction) and command in action.choices:
                target = action.choices[command]
        unknown = [e for e in extras if e.startswith("-") and e != "-"]
        if unknown:
            first = unknown[0].split("=", 1)[0]
            close = difflib.get_close_matches(first, _options_of(target), n=1)
            hint = f" (did you mean {close[0]}?)" if close else ""
            target.error(f"unknown option {_shown(unknown[0])}{hint}")
        target.error(f"unexpected arguments: {' '.join(_shown(e) for e in extras)}")
    return args


def _decoded_argv(argv: Sequence[str]) -> list[str]:
    """The arguments as UTF-8 text whatever the locale. Python decodes them with the
    locale's encoding and passes undecodable bytes on as lone surrogates: recover the
    bytes and decode them as UTF-8; bytes that are not UTF-8 are refused, never echoed."""
    out = []
    for n, arg in enumerate(argv, 1):
        try:
            raw = os.fsencode(arg)
        except UnicodeError:  # text the locale cannot encode: it came in as text, keep it
            out.append(arg)
            continue
        try:
            out.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            raise CLIError(f"argument {n} is not valid UTF-8: {_shown(raw.decode('utf-8', 'surrogateescape'))}") from None
    return out


def _utf8_streams() -> None:
    """Write UTF-8 whatever the locale; stderr shows anything unencodable as escapes."""
    for stream, errors in ((sys.stdout, "strict"), (sys.stderr, "backslashreplace")):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:
            continue
        try:
            if (getattr(stream, "encoding", "") or "").lower().replace("-", "") != "utf8" or stream is sys.stderr:
                reconfigure(encoding="utf-8", errors=errors)
        except (ValueError, OSError, io.UnsupportedOperation):
            pass


def _run(argv: Sequence[str] | None) -> int:
    _utf8_streams()
    argv = _decoded_argv(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = _parse(parser, argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USAGE
    return int(args.func(args))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    try:
        if getattr(signal.getsignal(signal.SIGINT), "__module__", None) == "namematch.__main__":
            signal.signal(signal.SIGINT, signal.default_int_handler)  # from here on: KeyboardInterrupt
        return _run(argv)
    except SystemExit as exc:  # argparse: --help, --version, usage errors (already printed)
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else EXIT_USAGE)
    except KeyboardInterrupt:
        _quiet_exit("namematch: interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # the reader went away (e.g. `| head`): stop quietly
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return 128 + getattr(signal, "SIGPIPE", 13)
    except CLIError as exc:
        _quiet_exit(f"namematch: error: {exc}")
        return EXIT_ERROR
    except (OSError, ValueError, UnicodeError) as exc:
        _quiet_exit(f"namematch: error: {_shown(str(exc))}")
        return EXIT_ERROR
    except (RecursionError, MemoryError) as exc:
        _quiet_exit(f"namematch: error: input too large or too deeply nested ({type(exc).__name__})")
        return EXIT_ERROR
    except Exception as exc:  # a bug: one line, never a traceback
        _quiet_exit(f"namematch: internal error: {type(exc).__name__}: {_shown(str(exc))} (please report it)")
        return EXIT_INTERNAL


def _quiet_exit(message: str) -> None:
    """Print ``message`` on stderr; a Ctrl-C while doing so does not add a traceback."""
    try:
        try:
            sys.stdout.flush()
        except (OSError, ValueError):
            pass
        print(message, file=sys.stderr)
    except KeyboardInterrupt:
        pass
