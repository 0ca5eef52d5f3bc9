"""The ``namematch`` command line (last stage: it only calls the public API)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

import namematch

__all__ = ["main"]


def _read_names(args: argparse.Namespace) -> list[str]:
    names = list(args.names)
    if not names or names == ["-"]:
        names = [line.rstrip("\n") for line in sys.stdin if line.strip()]
    return names


def _cmd_normalize(args: argparse.Namespace) -> int:
    for name in _read_names(args):
        if args.format == "jsonl":
            print(json.dumps({"name": name, "normalized": namematch.normalize(name),
                              "script": namematch.script_of(name)}, ensure_ascii=False))
        else:
            print(f"{name}\t{namematch.normalize(name)}")
    return 0


def _cmd_parse(args: argparse.Namespace) -> int:
    for name in _read_names(args):
        parsed = namematch.parse(name)
        if args.format == "jsonl":
            print(json.dumps(parsed.to_dict(), ensure_ascii=False))
        else:
            print(name)
            for t in parsed.tokens:
                print(f"  {t.role:<10} {t.text:<24} {t.norm:<24} {t.script}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``namematch`` command."""
    parser = argparse.ArgumentParser(
        prog="namematch",
        description="Resolve person names across Arabic, Persian and Latin script.",
    )
    parser.add_argument("--version", action="version", version=f"namematch {namematch.__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def names_command(name: str, help_text: str, func) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument("names", nargs="*", metavar="NAME", help="names to process; '-' or none reads stdin")
        p.add_argument("--format", choices=["table", "jsonl"], default="table")
        p.set_defaults(func=func)
        return p

    names_command("normalize", "print the normalised form of each name", _cmd_normalize)
    names_command("parse", "print the name units and roles of each name", _cmd_parse)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        print("namematch: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        try:
            sys.stdout = None  # type: ignore[assignment]
        finally:
            return 141  # noqa: B012
    except (OSError, ValueError) as exc:
        print(f"namematch: error: {exc}", file=sys.stderr)
        return 1
