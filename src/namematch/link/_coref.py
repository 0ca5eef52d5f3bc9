"""In-document coreference: partial mentions to the full name they shorten (private)."""

from __future__ import annotations

from collections import defaultdict
from typing import Final

from namematch.link._records import Mention
from namematch.normalize import LATIN, _short_cache
from namematch.parse import parse

__all__ = ["chains", "unit_cores"]

#: At most this many longer names are compared with one partial name.
_MAX_SUPERSETS: Final = 200


@_short_cache(maxsize=65536)
def unit_cores(name: str) -> frozenset[str]:
    """Cores of the name units of a name (articles removed), for partial-name matching;
    a glued compound (``امیرعبداللهیان``) also gives its parts."""
    from namematch.link._evidence import split_compound

    out: set[str] = set()
    for u in parse(name).units:
        core = u.core if len(u.core) >= 2 else u.norm
        if len(core) >= 2:
            out.add(core)
            parts = split_compound(core) if not core.isascii() else None
            if parts is not None:
                rest = parts[1][2:] if parts[1].startswith("ال") and len(parts[1]) > 4 else parts[1]
                out.add(rest)
    return frozenset(out)


def family(script: str) -> str:
    """``latin`` or ``arabic`` (Arabic and Persian script together)."""
    return "latin" if script == LATIN else "arabic"


def chains(mentions: list[Mention]) -> list[int | None]:
    """Antecedent index of each mention (None for the fullest mention of a chain).

    A mention whose unit cores are a subset of one longer name's cores (and of no
    name that is not a part of that one) points to the first mention of that
    longer name. Mentions are grouped by their set of unit cores first, so the work
    grows with the number of distinct names, not of mentions.
    """
    first_of: dict[tuple[str, frozenset[str]], int] = {}
    keys: list[tuple[str, frozenset[str]]] = []
    for i, m in enumerate(mentions):
        key = (family(m.script), unit_cores(m.text))
        keys.append(key)
        first_of.setdefault(key, i)
    by_core: dict[tuple[str, str], list[tuple[str, frozenset[str]]]] = defaultdict(list)
    for key in first_of:
        for c in key[1]:
            by_core[(key[0], c)].append(key)
    top_of: dict[tuple[str, frozenset[str]], tuple[str, frozenset[str]] | None] = {}
    for key in first_of:
        fam, cores = key
        if not cores:
            top_of[key] = None
            continue
        pivot = min(cores, key=lambda c: (len(by_core[(fam, c)]), c))
        sups = [k for k in by_core[(fam, pivot)][:_MAX_SUPERSETS] if k != key and cores < k[1]]
        if not sups:
            top_of[key] = None
            continue
        # the longer names must form one chain: the largest contains all others
        top = max(sups, key=lambda k: (len(k[1]), -first_of[k]))
        top_of[key] = top if all(k[1] <= top[1] for k in sups) else None
    ante: list[int | None] = []
    for i, key in enumerate(keys):
        top = top_of[key]
        if top is not None:
            ante.append(first_of[top])
        else:
            ante.append(None if first_of[key] == i else first_of[key])
    return ante
