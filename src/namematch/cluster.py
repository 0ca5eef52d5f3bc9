"""Grouping name mentions into persons without a registry.

Candidate pairs come from the shared-key index (blocking), so cost grows with
the number of plausible pairs, not with the square of the input. Groups are
formed by **average linkage** over the namematch score: two groups merge only
when the mean score over all their cross pairs reaches the threshold (pairs
not proposed by blocking count as 0). Unlike single linkage, this does not
chain "Mohammed Ali" — "Mohammed Hassan" — "Ahmed Hassan" into one person.

>>> cluster(["Qassem Soleimani", "Sattar Hashemi", "قاسم سليماني", "Ghasem Soleymani", "ستار هاشمي"])
[['Qassem Soleimani', 'قاسم سليماني', 'Ghasem Soleymani'], ['Sattar Hashemi', 'ستار هاشمي']]
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from namematch._index import KeyIndex
from namematch.keys import keys as _name_keys
from namematch.normalize import _check_str
from namematch.score import _DEFAULT, Scorer

__all__ = ["cluster", "cluster_records"]

_CANDIDATES = 50  # candidate neighbours scored per distinct name


def _check_iterable(value: object, argument: str, of: str = "str") -> Iterable[Any]:
    """An iterable that is not a single string (a str would be read letter by letter)."""
    if isinstance(value, str | bytes | bytearray) or not isinstance(value, Iterable):
        raise TypeError(f"{argument} must be an iterable of {of}, not {type(value).__name__}")
    return value


def _cluster_indices(names: list[str], threshold: float, scorer: Scorer) -> list[list[int]]:
    # distinct names only: duplicates join their first occurrence
    distinct: dict[str, int] = {}
    owner: list[int] = []
    for name in names:
        owner.append(distinct.setdefault(name, len(distinct)))
    uniq = list(distinct)
    index = KeyIndex()
    ukeys = [_name_keys(n) for n in uniq]
    for i, ks in enumerate(ukeys):
        index.add(i, ks)
    edges: dict[tuple[int, int], float] = {}
    for i, ks in enumerate(ukeys):
        for j in index.candidates(ks, limit=_CANDIDATES):
            if j == i:
                continue
            a, b = (i, j) if i < j else (j, i)
            if (a, b) not in edges:
                edges[(a, b)] = scorer.score(uniq[a], uniq[b])
    # average linkage, merging the strongest pairs first (deterministic order)
    members: dict[int, list[int]] = {i: [i] for i in range(len(uniq))}
    root = list(range(len(uniq)))

    def find(x: int) -> int:
        while root[x] != x:
            root[x] = root[root[x]]
            x = root[x]
        return x

    for (a, b), s in sorted(edges.items(), key=lambda e: (-e[1], e[0])):
        if s < threshold:
            break
        ra, rb = find(a), find(b)
        if ra == rb:
            continue
        ma, mb = members[ra], members[rb]
        total = 0.0
        for x in ma:
            for y in mb:
                pair = (x, y) if x < y else (y, x)
                total += edges.get(pair, 0.0)
        if total / (len(ma) * len(mb)) < threshold:
            continue
        keep, gone = (ra, rb) if ra < rb else (rb, ra)
        root[gone] = keep
        members[keep] = sorted(ma + mb)
        del members[gone]
    groups: dict[int, list[int]] = {}
    for pos, u in enumerate(owner):
        groups.setdefault(find(u), []).append(pos)
    return sorted(groups.values(), key=lambda g: g[0])


def cluster(names: Iterable[str], threshold: float | None = None, *, scorer: Scorer | None = None) -> list[list[str]]:
    """Group name mentions that refer to the same person.

    Every input name appears in exactly one group; groups are ordered by their
    first member's position in the input, and members keep input order.
    """
    items = [_check_str(n, "names item") for n in _check_iterable(names, "names")]
    sc = scorer or _DEFAULT
    thr = sc.threshold if threshold is None else float(threshold)
    return [[items[i] for i in g] for g in _cluster_indices(items, thr, sc)]


def cluster_records(
    records: Iterable[tuple[str, str]], threshold: float | None = None, *, scorer: Scorer | None = None
) -> list[list[str]]:
    """Group ``(id, name)`` records by person; returns groups of ids.

    >>> cluster_records([("a", "Masoud Pezeshkian"), ("b", "Sattar Hashemi"), ("c", "مسعود پزشکیان")])
    [['a', 'c'], ['b']]
    """
    ids: list[str] = []
    names: list[str] = []
    for rec in _check_iterable(records, "records", "(id, name) pairs"):
        if not isinstance(rec, tuple | list) or len(rec) != 2:
            raise TypeError("records must be (id, name) pairs")
        ids.append(str(rec[0]))
        names.append(_check_str(rec[1], "record name"))
    sc = scorer or _DEFAULT
    thr = sc.threshold if threshold is None else float(threshold)
    return [[ids[i] for i in g] for g in _cluster_indices(names, thr, sc)]
