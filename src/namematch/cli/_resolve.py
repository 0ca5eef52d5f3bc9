"""``namematch resolve`` and ``namematch cluster`` (part of :mod:`namematch.cli`): mentions
against a registry, and names grouped into persons without one.
"""

from __future__ import annotations

import argparse
import importlib
import re
from typing import Any

import namematch
from namematch.cli._io import CLIError, names_from, read_source
from namematch.cli._options import (
    add_format,
    add_names_command,
    add_registry_options,
    add_scorer_options,
    non_negative,
    positive_int,
    unit_interval,
)
from namematch.cli._output import Out, person_attributes
from namematch.cli._registry import Guarded, load_registry, scorer_of


def _cmd_resolve(args: argparse.Namespace) -> int:
    from namematch import _progress

    if not args.registry:
        raise CLIError("resolve needs --registry FILE (JSONL, CSV/TSV or a saved index)")
    reg = load_registry(args.registry, args)
    guard = Guarded(reg, args.registry)
    columns = ["mention", "rank", "id", "name", "score", "alias", "attributes"]
    if args.match:  # the decision's own figures: its chance, and the records it cannot tell apart
        columns[5:5] = ["chance", "ties"]
    out = Out(args.format, columns)
    names = list(names_from(args))
    for mention in _progress.progress(names, total=len(names), desc="resolving", unit="name"):
        if args.match:  # the registry's decision: one person or none
            found = guard(reg.match, mention, threshold=args.match_threshold, margin=args.margin)
            cands = [found] if found is not None else []
        else:
            cands = guard(reg.resolve, mention, limit=args.limit, threshold=args.threshold)
        if not cands:
            decided: dict[str, Any] = {"chance": None, "ties": []} if args.match else {}
            out.row(mention=mention, rank=0, id=None, name=None, score=0.0, alias=None, attributes={}, **decided)
        for rank, c in enumerate(cands, 1):
            decided = {"chance": c.chance, "ties": list(c.ties)} if args.match else {}
            out.row(mention=mention, rank=rank, id=c.person.id, name=c.person.name, score=c.score, alias=c.alias,
                    attributes=person_attributes(c.person), **decided)
    out.close()
    return 0


def _cmd_cluster(args: argparse.Namespace) -> int:
    from namematch import _progress

    text = read_source(args.file)
    names = [line.strip() for line in re.split(r"\r\n|\r|\n", text) if line.strip()]
    with _progress.working(f"clustering {len(names):,} names"):
        groups = namematch.cluster(names, threshold=args.threshold, workers=args.workers, scorer=scorer_of(args))
    out = Out(args.format, ["group", "size", "names"])
    for k, g in enumerate(groups, 1):
        out.row(group=k, size=len(g), names=g)
    out.close()
    return 0


def add_commands(sub: Any) -> None:
    """Add this module's commands to the subparsers ``sub``."""
    cluster_threshold = importlib.import_module("namematch.cluster").CLUSTER_THRESHOLD
    defaults = namematch.Registry()
    p = add_names_command(sub, "resolve", "resolve mentions against a registry (JSONL, CSV/TSV or saved index)", _cmd_resolve)
    add_registry_options(p, required=True)
    add_scorer_options(p)
    p.add_argument("--limit", type=positive_int, default=1, help="candidates listed per mention (default: 1)")
    p.add_argument("--threshold", type=unit_interval("--threshold"), default=namematch.DEFAULT_THRESHOLD,
                   help=f"lowest pair score listed (default: {namematch.DEFAULT_THRESHOLD})")
    p.add_argument("--match", action="store_true",
                   help="decide as Registry.match: the person the mention refers to, or none")
    p.add_argument("--match-threshold", type=unit_interval("--match-threshold"), default=None,
                   help=f"with --match: chance (candidate model) the best candidate must reach "
                        f"(default: {defaults.match_threshold})")
    p.add_argument("--margin", type=non_negative, default=None,
                   help=f"with --match: log-odds lead over a differently named rival (default: {defaults.margin})")

    p = sub.add_parser("cluster", help="group the names of a file (one per line) into persons",
                       description="Group the names of a file (one per line) into persons.")
    p.add_argument("file", nargs="?", default="-", metavar="FILE",
                   help="names, one per line; '-' or none reads standard input")
    p.add_argument("--threshold", type=unit_interval("--threshold"), default=None,
                   help=f"candidate-model chance from which names join (default: {cluster_threshold}; "
                        "higher gives smaller, purer groups)")
    p.add_argument("--workers", type=positive_int, default=1,
                   help="processes computing keys and pair scores (default: 1; same groups)")
    add_scorer_options(p)
    add_format(p)
    p.set_defaults(func=_cmd_cluster)
