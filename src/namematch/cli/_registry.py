"""Registries and scorers from the command line's options (part of :mod:`namematch.cli`): JSON
lines, CSV/TSV with mapped columns, FollowTheMoney entities or a saved index; ``--scorer`` and
``--lexicon``; damage found at query time reported as one line.
"""

from __future__ import annotations

import argparse
import csv
import json
import sqlite3
import sys
from collections.abc import Callable
from typing import Any

import namematch
from namematch.cli._io import (
    CLIError,
    header_index,
    open_regular,
    printable,
    read_text_file,
    table_rows,
)


def _delimiter(value: str | None, path: str) -> str:
    if value is not None:
        return value
    return "\t" if path.lower().endswith((".tsv", ".tab")) else ","


def _registry_from_table(path: str, args: argparse.Namespace) -> namematch.Registry:
    """A registry from a CSV/TSV file whose columns are named by ``--id-col``, ``--name-col``
    and ``--alias-col`` (alias cells split on ``|``); the other columns become attributes."""
    label = printable(path)
    text = read_text_file(path)
    rows = table_rows(text, label, _delimiter(args.delimiter, path))
    first = next(rows, None)
    if first is None:
        raise CLIError(f"{label}: empty registry file (expected a header line)")
    header = [h.strip() for h in first[1]]
    dupes = sorted({h for h in header if header.count(h) > 1})
    if dupes:
        raise CLIError(f"{label}:{first[0]}: duplicate columns in the header: {', '.join(dupes)}")
    id_at = header_index(header, args.id_col or "id", "--id-col", label)
    name_at = header_index(header, args.name_col or "name", "--name-col", label)
    alias_at = [header_index(header, c, "--alias-col", label) for c in (args.alias_col or [])]
    if not args.alias_col and "aliases" in header:
        alias_at = [header.index("aliases")]
    reg = namematch.Registry(scorer=scorer_of(args))
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


def load_registry(path: str, args: argparse.Namespace) -> namematch.Registry:
    label = printable(path)
    with open_regular(path, "registry file") as fh:
        try:
            head = fh.read(16)
        except OSError as exc:
            raise CLIError(f"{label}: cannot read ({exc.strerror})") from exc
    table_options = (args.id_col, args.name_col, args.alias_col, args.delimiter) != (None, None, None, None)
    scorer = scorer_of(args)
    kind = getattr(args, "registry_format", None) or "auto"
    try:
        if head == b"SQLite format 3\x00":
            if table_options:
                raise CLIError(f"{label}: a saved index has no columns to map (--id-col, --delimiter, ...)")
            return namematch.Registry.load(path, scorer=scorer)
        if kind == "ftm" or (kind == "auto" and not table_options and _looks_like_ftm(path)):
            reg = namematch.Registry.from_ftm(path, scorer=scorer)
            if reg.load_report is not None and reg.load_report.ignored:
                print(f"namematch: {label}: {reg.load_report.ignored} entities that are not persons skipped",
                      file=sys.stderr)
            return reg
        if kind in ("csv", "tsv") or table_options or path.lower().endswith((".tsv", ".tab")):
            if kind == "tsv" and args.delimiter is None:
                args.delimiter = "\t"
            return _registry_from_table(path, args)
        if path.lower().endswith(".csv"):
            return namematch.Registry.from_csv(path, scorer=scorer)
        return namematch.Registry.from_jsonl(path, scorer=scorer)
    except namematch.RegistryError as exc:
        raise CLIError(f"bad registry: {printable(str(exc))}") from exc
    except (sqlite3.Error, csv.Error, RecursionError, KeyError, IndexError, UnicodeError) as exc:
        raise CLIError(f"{label}: unreadable registry ({type(exc).__name__}: {printable(str(exc))})") from exc


def _looks_like_ftm(path: str) -> bool:
    """Whether a JSON-lines file holds FollowTheMoney entities (its first record has a schema and properties)."""
    if path.lower().endswith((".csv", ".tsv", ".tab")):
        return False
    try:
        with open(path, "rb") as fh:
            first = fh.readline(1 << 20)
        data = json.loads(first.decode("utf-8-sig"))
    except (OSError, ValueError, RecursionError):
        return False
    return isinstance(data, dict) and "schema" in data and "properties" in data and "name" not in data


def scorer_of(args: argparse.Namespace) -> Any:
    """The scorer of ``--scorer FILE`` and ``--lexicon FILE`` (None: the default scorer); cached on ``args``."""
    if hasattr(args, "_scorer"):
        return args._scorer
    path, lexicons = getattr(args, "scorer", None), getattr(args, "lexicon", None) or []
    scorer = None
    try:
        lexicon = namematch.UserLexicon.read(*lexicons) if lexicons else None
        if path is not None:
            with open_regular(path, "scorer file"):
                pass
            scorer = namematch.Scorer.load(path)
            if lexicon:
                joined = lexicon if scorer.lexicon is None else scorer.lexicon | lexicon
                report = scorer.report
                scorer = namematch.Scorer(threshold=scorer.threshold, model=scorer.model,
                                          candidate_model=scorer.candidate_model, lexicon=joined,
                                          config=scorer.config)
                scorer.report = report
        elif lexicon:
            scorer = namematch.Scorer(lexicon=lexicon)
    except (namematch.ScorerFileError, namematch.UserLexiconError) as exc:
        raise CLIError(printable(str(exc))) from exc
    except OSError as exc:
        raise CLIError(f"{printable(str(getattr(exc, 'filename', '') or ''))}: cannot read ({exc.strerror})") from exc
    args._scorer = scorer
    return scorer


class Guarded:
    """Calls into a registry with its damage reported as a CLIError naming the file: a
    tampered or truncated index fails at query time with SQLite, key or decoding errors."""

    def __init__(self, registry: namematch.Registry, path: str) -> None:
        self.registry, self.label = registry, printable(path)

    def __call__(self, func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except namematch.RegistryError as exc:
            raise CLIError(f"bad registry: {printable(str(exc))}") from exc
        except (sqlite3.Error, KeyError, IndexError, ValueError, UnicodeError, RecursionError) as exc:
            raise CLIError(
                f"{self.label}: damaged registry ({type(exc).__name__}: {printable(str(exc))}); "
                "rebuild the index from its source file"
            ) from exc
