"""Option values and shared options of the command line (part of :mod:`namematch.cli`): numbers
on the 0-1 scale, the parser without abbreviations, and the options several commands share.
"""

from __future__ import annotations

import argparse
import math
from collections.abc import Callable, Sequence
from typing import Any

from namematch.cli._io import printable


def unit_interval(option: str) -> Callable[[str], float]:
    """An argparse type: a number in [0, 1], with a hint for values given in percent."""

    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{printable(text)!r} is not a number") from None
        if math.isnan(value) or not 0.0 <= value <= 1.0:
            hint = f"; did you mean {value / 100:g}?" if 1.0 < value <= 100.0 else ""
            raise argparse.ArgumentTypeError(
                f"{printable(text)} is outside 0-1 ({option} is on the 0-1 score scale{hint})")
        return value

    return parse


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{printable(text)!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is not positive")
    return value


def non_negative(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{printable(text)!r} is not a number") from None
    if not math.isfinite(value) or value < 0:
        raise argparse.ArgumentTypeError(f"{printable(text)} is not a finite number >= 0")
    return value


def one_char(text: str) -> str:
    value = {"\\t": "\t", "tab": "\t", "TAB": "\t"}.get(text, text)
    if len(value) != 1 or value in "\"\r\n":
        raise argparse.ArgumentTypeError(f"{printable(text)!r}: give one character (or 'tab')")
    return value


class Parser(argparse.ArgumentParser):
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


def add_format(p: argparse.ArgumentParser, extra: Sequence[str] = ()) -> None:
    choices = ["table", "jsonl", "csv", *extra]
    p.add_argument("--format", choices=choices, default="table",
                   help="output: an aligned table (default), JSON lines, CSV (formula-like cells escaped)"
                        + (", or one self-contained HTML page" if "html" in extra else ""))


def add_scorer_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--scorer", metavar="FILE", default=None,
                   help="a scorer saved by 'namematch fit' (its models, threshold and user lexicon)")
    p.add_argument("--lexicon", action="append", default=None, metavar="FILE",
                   help="a user lexicon file (TSV/CSV: variant groups, honorifics, titles, stop-words), layered "
                        "over the shipped name data; repeatable")


def add_registry_options(p: argparse.ArgumentParser, required: bool) -> None:
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
    p.add_argument("--delimiter", type=one_char, default=None, metavar="CHAR",
                   help="CSV/TSV registry: the field separator (default: tab for .tsv files, else ',')")
    p.add_argument("--registry-format", choices=["auto", "jsonl", "csv", "tsv", "ftm"], default="auto",
                   help="the registry file's format (default: auto, from the file: a saved index, FollowTheMoney "
                        "entities, CSV/TSV by suffix, else JSON lines); ftm reads OpenSanctions-style entities")


def add_names_command(
    sub: Any, name: str, help_text: str, func: Callable[[argparse.Namespace], int]
) -> argparse.ArgumentParser:
    """A command that reads names (arguments, or standard input one per line) and has ``--format``."""
    p: argparse.ArgumentParser = sub.add_parser(name, help=help_text, description=help_text[0].upper() + help_text[1:] + ".")
    p.add_argument("names", nargs="*", metavar="NAME",
                   help="names to process; '-' or none reads them from standard input, one per line")
    add_format(p)
    p.set_defaults(func=func)
    return p
