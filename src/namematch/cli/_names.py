"""``namematch normalize``, ``parse``, ``romanize`` and ``keys`` (part of :mod:`namematch.cli`):
one row per name read from the arguments or standard input.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

import namematch
from namematch.cli._io import names_from
from namematch.cli._options import (
    add_names_command,
    positive_int,
)
from namematch.cli._output import Out


def _cmd_normalize(args: argparse.Namespace) -> int:
    out = Out(args.format, ["name", "normalized", "script"])
    for name in names_from(args):
        out.row(name=name, normalized=namematch.normalize(name), script=namematch.script_of(name))
    out.close()
    return 0


def _cmd_parse(args: argparse.Namespace) -> int:
    if args.format == "jsonl":
        for name in names_from(args):
            print(json.dumps(namematch.parse(name).to_dict(), ensure_ascii=False))
        return 0
    out = Out(args.format, ["name", "unit", "norm", "role", "script"])
    for name in names_from(args):
        for t in namematch.parse(name).tokens:
            out.row(name=name, unit=t.text, norm=t.norm, role=t.role, script=t.script)
    out.close()
    return 0


def _cmd_romanize(args: argparse.Namespace) -> int:
    out = Out(args.format, ["name", "romanized", "alternatives"])
    for name in names_from(args):
        romanized = namematch.romanize(name, convention=args.convention)
        # (romanizations ranks a wider search: its first need not be romanize's spelling)
        others = [r for r in namematch.romanizations(name, limit=args.limit) if r != romanized]
        out.row(name=name, romanized=romanized, alternatives=others[: max(args.limit - 1, 0)])
    out.close()
    return 0


def _cmd_keys(args: argparse.Namespace) -> int:
    out = Out(args.format, ["name", "keys"])
    for name in names_from(args):
        out.row(name=name, keys=sorted(namematch.keys(name)))
    out.close()
    return 0


def add_commands(sub: Any) -> None:
    """Add this module's commands to the subparsers ``sub``."""
    add_names_command(sub, "normalize", "print the normalised form and script of each name", _cmd_normalize)
    add_names_command(sub, "parse", "print the name units and roles of each name", _cmd_parse)
    p = add_names_command(sub, "romanize", "print the most likely Latin spelling of each name", _cmd_romanize)
    p.add_argument("--convention", choices=["arabic", "persian"], default=None,
                   help="read Arabic-script names as Arabic or as Persian (default: decided per name)")
    p.add_argument("--limit", type=positive_int, default=5, help="most alternative spellings to list (default: 5)")
    add_names_command(sub, "keys", "print the retrieval keys of each name", _cmd_keys)
