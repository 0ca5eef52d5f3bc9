"""``namematch score`` (part of :mod:`namematch.cli`): two names, or every pair of a CSV/TSV/JSONL
file, scored (and explained).
"""

from __future__ import annotations

import argparse
import json
import os
from typing import Any

import namematch
from namematch.cli._io import CLIError, header_index, printable, read_source, table_rows
from namematch.cli._options import (
    add_format,
    add_scorer_options,
    one_char,
    unit_interval,
)
from namematch.cli._output import Out
from namematch.cli._registry import scorer_of

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
    label = "<stdin>" if path == "-" else printable(path)
    text = read_source(path)
    first = next((line for line in text.splitlines() if line.strip()), "")
    suffix = path.lower().rsplit(".", 1)[-1] if "." in os.path.basename(path) else ""
    if suffix in ("jsonl", "ndjson", "json") or (suffix not in ("csv", "tsv", "tab") and first.lstrip()[:1] in "{["
                                                   and first.strip()):
        return _json_pairs(text, label, args)
    delimiter = args.delimiter or ("\t" if suffix in ("tsv", "tab") or ("\t" in first and "," not in first) else ",")
    rows = table_rows(text, label, delimiter)
    head = next(rows, None)
    if head is None:
        return [args.a_col, args.b_col], []
    header = [h.strip() for h in head[1]]
    header_index(header, args.a_col, "--a-col", label)
    header_index(header, args.b_col, "--b-col", label)
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
    scorer = scorer_of(args)
    default = namematch.DEFAULT_THRESHOLD if scorer is None else scorer.threshold
    threshold = default if args.threshold is None else args.threshold
    steps = _progress.progress(records, total=len(records), desc="scoring pairs", unit="pair")
    if args.explain:
        if scorer is not None:
            scorer.threshold = threshold
            explain = scorer.explain
        else:
            explain = namematch.explain if args.threshold is None else namematch.Scorer(threshold=threshold).explain
        out = Out(args.format, _EXPLAIN_COLUMNS)
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
    out = Out(args.format, [*(c for c in columns if c not in ("score", "match")), "score", "match"])
    score = namematch.score if scorer is None else scorer.score
    for _line, rec in steps:
        s = score(rec[args.a_col], rec[args.b_col])
        out.row(**{**rec, "score": s, "match": s >= threshold})
    out.close()
    return 0


def add_commands(sub: Any) -> None:
    """Add this module's commands to the subparsers ``sub``."""
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
    p.add_argument("--delimiter", type=one_char, default=None, metavar="CHAR",
                   help="--pairs CSV: the field separator (default: tab for .tsv files or tab-separated input, else ',')")
    p.add_argument("--threshold", type=unit_interval("--threshold"), default=None,
                   help=f"score from which a pair is a match (default: {namematch.DEFAULT_THRESHOLD})")
    p.add_argument("--explain", action="store_true", help="show the alignment and the rules that fired")
    add_scorer_options(p)
    add_format(p)
    p.set_defaults(func=_cmd_score)
