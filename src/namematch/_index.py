"""Candidate retrieval by shared keys (private; used by registry, cluster, link).

An inverted index from retrieval keys (:func:`namematch.keys.unit_keys`) to item
numbers. A query's candidates are the items that share its keys, ranked by the
summed inverse frequency of the shared keys, so a common key ("mohammed") adds
little and an oversize posting list is read only when nothing rarer is shared.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Callable, Iterable, Sequence

__all__ = ["KeyIndex", "rank_candidates"]


def rank_candidates(
    keys: Iterable[str],
    postings: Callable[[str], Sequence[int]],
    total: int,
    *,
    limit: int = 200,
    max_postings: int = 20_000,
) -> list[int]:
    """Items sharing ``keys``, best first, at most ``limit``.

    Posting lists longer than ``max_postings`` are skipped when a shorter one
    exists, which bounds the work per query on very common keys.
    """
    lists = sorted(((postings(k), k) for k in set(keys)), key=lambda x: (len(x[0]), x[1]))
    lists = [(p, k) for p, k in lists if len(p)]
    if not lists:
        return []
    if len(lists[0][0]) <= max_postings:
        lists = [(p, k) for p, k in lists if len(p) <= max_postings]
    else:
        lists = lists[:1]
    scores: dict[int, float] = {}
    n = max(total, 1)
    for plist, _key in lists:
        idf = math.log(1.0 + n / len(plist))
        for item in plist:
            scores[item] = scores.get(item, 0.0) + idf
    ranked = sorted(scores.items(), key=lambda x: (-x[1], x[0]))
    return [item for item, _ in ranked[:limit]]


class KeyIndex:
    """An in-memory inverted index ``key -> item numbers``."""

    __slots__ = ("_postings", "_size")

    def __init__(self) -> None:
        self._postings: dict[str, array] = {}
        self._size = 0

    def add(self, item: int, keys: Iterable[str]) -> None:
        for k in set(keys):
            plist = self._postings.get(k)
            if plist is None:
                plist = self._postings[k] = array("q")
            plist.append(item)
        self._size += 1

    def remove(self, item: int, keys: Iterable[str]) -> None:
        for k in set(keys):
            plist = self._postings.get(k)
            if plist is not None:
                kept = array("q", (x for x in plist if x != item))
                if kept:
                    self._postings[k] = kept
                else:
                    del self._postings[k]
        self._size = max(0, self._size - 1)

    def postings(self, key: str) -> Sequence[int]:
        return self._postings.get(key, ())

    def items(self) -> Iterable[tuple[str, array]]:
        return sorted(self._postings.items())

    def __len__(self) -> int:
        return self._size

    def candidates(self, keys: Iterable[str], *, limit: int = 200) -> list[int]:
        return rank_candidates(keys, self.postings, self._size, limit=limit)
