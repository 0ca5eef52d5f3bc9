"""``namematch fit`` (part of :mod:`namematch.cli`): a scorer fitted to a file of labelled pairs
(bad lines reported with their numbers), saved as JSON, its report printed.
"""

from __future__ import annotations

import argparse
import importlib
import json
import math
import os
import re
import sys
from typing import Any

import namematch
from namematch.cli._io import CLIError, header_index, printable, read_source, table_rows
from namematch.cli._options import (
    one_char,
)
from namematch.cli._output import Out


def _fit_pairs(args: argparse.Namespace) -> tuple[list[tuple[str, str, bool]], list[tuple[int, str]]]:
    """The labelled pairs of ``namematch fit``'s file and its bad lines ``(line, why)``."""
    parse_label = importlib.import_module("namematch.score").parse_label
    path = args.pairs_file
    label = "<stdin>" if path == "-" else printable(path)
    text = read_source(path)
    first = next((line for line in text.splitlines() if line.strip()), "")
    suffix = path.lower().rsplit(".", 1)[-1] if "." in os.path.basename(path) else ""
    cols = (args.a_col, args.b_col, args.label_col)
    pairs: list[tuple[str, str, bool]] = []
    bad: list[tuple[int, str]] = []

    def add(line: int, a: object, b: object, y: object) -> None:
        if not isinstance(a, str) or not a.strip() or not isinstance(b, str) or not b.strip():
            bad.append((line, f"{args.a_col!r} and {args.b_col!r} must be non-empty names"))
            return
        try:
            pairs.append((a, b, parse_label(y)))
        except ValueError as exc:
            bad.append((line, str(exc)))

    if suffix in ("jsonl", "ndjson", "json") or (suffix not in ("csv", "tsv", "tab") and first.lstrip()[:1] in "{["
                                                   and first.strip()):
        for line, raw in enumerate(re.split(r"\r\n|\r|\n", text), 1):
            if not raw.strip():
                continue
            try:
                value = json.loads(raw)
            except (json.JSONDecodeError, RecursionError) as exc:
                bad.append((line, f"broken JSON ({getattr(exc, 'msg', 'nested too deeply')})"))
                continue
            if isinstance(value, list) and len(value) == 3:
                add(line, *value)
            elif isinstance(value, dict) and all(c in value for c in cols):
                add(line, *(value[c] for c in cols))
            else:
                bad.append((line, f"expected an object with {', '.join(map(repr, cols))}, or [a, b, same]"))
        return pairs, bad
    delimiter = args.delimiter or ("\t" if suffix in ("tsv", "tab") or ("\t" in first and "," not in first) else ",")
    rows = table_rows(text, label, delimiter)
    head = next(rows, None)
    if head is None:
        return pairs, bad
    header = [h.strip() for h in head[1]]
    at = [header_index(header, c, o, label) for c, o in zip(cols, ("--a-col", "--b-col", "--label-col"))]
    for line, row in rows:
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            bad.append((line, f"expected {len(header)} columns, found {len(row)}"))
            continue
        add(line, *(row[k] for k in at))
    return pairs, bad


def _fit_rule(text: str) -> str | float:
    """``--threshold`` of ``fit``: ``f1`` or a target precision in (0, 1)."""
    if text.strip().lower() == "f1":
        return "f1"
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{printable(text)!r}: give 'f1' or a target precision such as 0.95") from None
    if math.isnan(value) or not 0.0 < value < 1.0:
        hint = f"; did you mean {value / 100:g}?" if 1.0 < value < 100.0 else ""
        raise argparse.ArgumentTypeError(
            f"{printable(text)} is outside 0-1 (--threshold is 'f1' or a target precision on the 0-1 scale, "
            f"such as 0.95{hint})")
    return value


def _cmd_fit(args: argparse.Namespace) -> int:
    pairs, bad = _fit_pairs(args)
    label = "<stdin>" if args.pairs_file == "-" else printable(args.pairs_file)
    if bad:
        shown = "; ".join(f"{label}:{line}: {printable(why)}" for line, why in bad[:10])
        more = f" (and {len(bad) - 10} more)" if len(bad) > 10 else ""
        if not args.skip_bad:
            raise CLIError(f"{len(bad)} bad line(s): {shown}{more}; fix them or pass --skip-bad")
        print(f"namematch: {len(bad)} bad line(s) skipped: {shown}{more}", file=sys.stderr)
    lexicon = None
    if args.lexicon:
        try:
            lexicon = namematch.UserLexicon.read(*args.lexicon)
        except namematch.UserLexiconError as exc:
            raise CLIError(printable(str(exc))) from exc
    try:
        scorer = namematch.Scorer.fit(pairs, threshold=args.threshold, lexicon=lexicon, progress=True)
    except ValueError as exc:
        raise CLIError(f"{label}: {printable(str(exc))}") from exc
    scorer.save(args.output)
    report = scorer.report
    if args.format == "table":
        print(report)
        print(f"\nwrote {printable(args.output)}")
        return 0
    if args.format == "jsonl":
        print(json.dumps(report.to_dict(), ensure_ascii=False))
    else:
        out = Out("csv", ["threshold", "precision", "recall", "f1", "matches", "chosen"])
        for r in report.rows:
            out.row(threshold=r.threshold, precision=r.precision, recall=r.recall, f1=r.f1, matches=r.matches,
                    chosen=r.threshold == report.threshold)
        out.close()
    print(f"namematch: wrote {printable(args.output)}", file=sys.stderr)
    return 0


def add_commands(sub: Any) -> None:
    """Add this module's commands to the subparsers ``sub``."""
    p = sub.add_parser("fit", help="fit a scorer to labelled pairs and save it",
                       description="Fit a scorer to labelled name pairs (same person or not) and save it as JSON: "
                                   "the pair model starts from the shipped one, regularised toward it; the "
                                   "threshold is set on held-apart pairs. Prints precision, recall and F1 per "
                                   "threshold and a calibration table. Use the file with --scorer.")
    p.add_argument("pairs_file", metavar="PAIRS", help="labelled pairs: CSV/TSV with a header, or JSON lines of "
                   "objects or [a, b, same] arrays ('-' for standard input)")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="where to write the fitted scorer (JSON)")
    p.add_argument("--a-col", default="a", metavar="NAME", help="the first name's column or key (default: a)")
    p.add_argument("--b-col", default="b", metavar="NAME", help="the second name's column or key (default: b)")
    p.add_argument("--label-col", default="same", metavar="NAME",
                   help="the label's column or key: true/false, 1/0, yes/no or same/different (default: same)")
    p.add_argument("--delimiter", type=one_char, default=None, metavar="CHAR",
                   help="CSV: the field separator (default: tab for .tsv files or tab-separated input, else ',')")
    p.add_argument("--threshold", type=_fit_rule, default="f1",
                   help="'f1' (default: the threshold of best F1) or a target precision such as 0.95")
    p.add_argument("--lexicon", action="append", default=None, metavar="FILE",
                   help="a user lexicon file (variant groups, honorifics, titles, stop-words) to fit with; repeatable")
    p.add_argument("--skip-bad", action="store_true", help="skip bad lines (reported on stderr) instead of stopping")
    p.add_argument("--format", choices=["table", "jsonl", "csv"], default="table",
                   help="the report: tables (default), one JSON object (the whole report), or CSV (precision, "
                        "recall and F1 per threshold)")
    p.set_defaults(func=_cmd_fit)
