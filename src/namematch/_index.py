"""Candidate retrieval by shared keys (private; used by registry and cluster).

A name's retrieval keys (:func:`name_keys`: the keys of each unit, its spelling,
pair keys of common units) go into posting lists, key -> ascending item numbers,
kept by the caller. :func:`rank_name` ranks the items that share a query's keys
by the inverse frequency of the rarest key shared per query unit, so a common
key ("mohammed") adds little and an oversize posting list is only probed.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Callable, Iterable, Sequence
from typing import Final

import attrs
import numpy as np

from namematch._data import data_digest, lines_digest
from namematch.keys import keyed_units
from namematch.resources import Resources

__all__ = [
    "DEFAULT_RETRIEVAL", "NameKeys", "RetrievalConfig", "add_postings", "append_grown", "as_ids", "check_workers",
    "keys_fingerprint", "name_keys", "rank_name",
]

@attrs.frozen(slots=True)
class RetrievalConfig:
    """The tuned constants of key retrieval, as one frozen value (decision 0012).

    - ``common_rarity``: units at most this rare (:func:`namematch.lexicon.rarity`) are
      "common": a pair of them gets a pair key, so a name made only of common elements
      (Mohammed Ali Hassan) still has a selective key.
    - ``extra_unit_charge``: rank charge (in idf units) for each unit of an item that shares
      no key with the query: the scorer counts an alias's unmatched units against it, so
      "Akhundzada Md" ranks before "Akhundzada Mouhamed Khan Zadeh" for "Akhundzada Andresen
      Mouhamed". 100k synthetic registry: best alias retrieved for 0.897 (0) -> 0.930 (2.0)
      of queries.
    - ``spelling_bonus``: a unit's own-spelling (``w:``) key counts at most this much (idf)
      above its rarest variant key: the scorer rates "Mohd" ~ "Mohammed" 0.95, so a rare
      spelling shared exactly must not outweigh a whole other unit. 100k synthetic registry:
      best alias retrieved for 0.937 (uncapped) -> 0.947 of queries, 0.984 -> 0.992 of
      listed persons'.
    """

    common_rarity: float = 0.4
    extra_unit_charge: float = 2.0
    spelling_bonus: float = 1.0

    @property
    def digest(self) -> str:
        """A short digest of the values."""
        return lines_digest([f"{k}={v!r}" for k, v in attrs.asdict(self).items()])


#: The retrieval configuration registries and clustering use.
DEFAULT_RETRIEVAL: Final = RetrievalConfig()


#: Data files besides the lexicon that decide a name's keys (parse and romanisation).
KEY_DATA: Final = ("particles.tsv", "compounds.tsv", "honorifics.tsv", "titles.tsv", "article_exceptions.txt", "translit_model.tsv")


def keys_fingerprint(resources: Resources | None = None) -> str:
    """Digest of the name data the keys are computed with: the lexicon of ``resources``
    (default: the shipped data) and :data:`KEY_DATA` (with a model other than the shipped one,
    its digest too). Keys name lexicon groups by position, so an index saved with other data
    (another namematch release, an edited lexicon) would retrieve other aliases."""
    res = resources or Resources.shipped()
    files = data_digest(KEY_DATA)
    if res.model_digest != Resources.shipped().model_digest:
        files = lines_digest([files], [res.model_digest])
    return f"{res.lexicon_digest}-{files}"


class NameKeys(tuple):  # type: ignore[type-arg]
    """Retrieval keys of one name: per-unit key sets and pair keys of common units."""

    __slots__ = ()

    def __new__(cls, units: tuple[frozenset[str], ...], pairs: tuple[frozenset[str], ...]) -> NameKeys:
        return super().__new__(cls, (units, pairs))

    def __getnewargs__(self) -> tuple[tuple[frozenset[str], ...], tuple[frozenset[str], ...]]:
        return self[0], self[1]  # pickling (process pools) calls __new__ with these

    @property
    def units(self) -> tuple[frozenset[str], ...]:
        """Key set of every keyed unit, in name order: its :func:`namematch.keys.unit_keys` and its
        ``w:`` spelling key (without the ``w:`` keys, their union is :func:`namematch.keys.keys`)."""
        return self[0]  # type: ignore[no-any-return]

    @property
    def pairs(self) -> tuple[frozenset[str], ...]:
        """``p:`` keys of every pair of common units: one key per pair of their lexicon groups."""
        return self[1]  # type: ignore[no-any-return]

    @property
    def unit_count(self) -> int:
        """The number of keyed units as the index stores it (one unsigned byte: at most 255)."""
        return min(len(self[0]), 255)

    def all(self) -> set[str]:
        """Every key of the name (unit keys and pair keys)."""
        return set().union(*self.units, *self.pairs)


def name_keys(
    name: str, resources: Resources | None = None, config: RetrievalConfig = DEFAULT_RETRIEVAL
) -> NameKeys:
    """Unit keys (as :func:`namematch.keys.keys` computes them) and pair keys of a name.

    Each unit also carries a ``w:`` key of its normalised spelling: the rarest
    key of a unit, it ranks "Houssein Omer" first for "Houssein Oumar" among
    the many "Hussein Omar" that share its variant keys, as the scorer does.

    Two units both common in the lexicon give a set of ``p:`` keys, one for
    every pair of their group ids (ordered, so word order does not matter); a
    dropped middle element keeps the pair of first and last. Like a unit's
    keys, the keys of one unit pair are alternatives: ranking counts the
    rarest one shared, once. ``resources``: the name data (default: the shipped data).

    >>> nk = name_keys("Mohammed Ali")
    >>> nk.all() >= set().union(*nk.pairs) == set().union(*name_keys("محمد علي").pairs) != set()
    True
    >>> name_keys("Qassem Soleimani").pairs
    ()
    """
    units: list[frozenset[str]] = []
    groups: list[tuple[str, ...]] = []
    lexicon = (resources or Resources.shipped()).lexicon
    for core, ks in keyed_units(name, resources):
        units.append(ks | {"w:" + core})
        common = lexicon.rarity(core) <= config.common_rarity
        groups.append(tuple(sorted(k for k in ks if k.startswith("g:"))) if common else ())
    pairs: list[frozenset[str]] = []
    for i, gi in enumerate(groups):
        for gj in groups[i + 1 :]:
            if gi and gj:
                pairs.append(frozenset("p:" + (f"{a}|{b}" if a <= b else f"{b}|{a}") for a in gi for b in gj))
    return NameKeys(tuple(units), tuple(pairs))


def rank_name(
    query: NameKeys,
    postings: Callable[[str], Sequence[int]],
    total: int,
    *,
    limit: int = 50,
    visible: int | None = None,
    unit_counts: Sequence[int] | None = None,
    scan_budget: int = 4_000,
    probe: int = 200,
    config: RetrievalConfig = DEFAULT_RETRIEVAL,
) -> list[int]:
    """Items sharing keys with ``query``, best first, at most ``limit``.

    An item scores, for every query unit (and every unit pair), the inverse
    frequency of the rarest key of that unit it shares. With ``unit_counts``
    (units of each item, indexed by item number), each of the item's units
    beyond the query units it shares costs ``config.extra_unit_charge``, and ties
    go to the item with as many units as the query; then the lower item number.

    Posting lists must be ascending. The shortest lists are read in full until
    ``scan_budget`` entries are read (the shortest always is); the longer ones
    are only probed, by binary search, for the ``probe`` best items found so
    far (charged as if they shared every probed unit), so a common key
    (Mohammed) costs a few lookups, not a read of its list. Items numbered
    ``visible`` or more are ignored.
    """
    groups = [sorted(u) for u in query.units + query.pairs]
    lists: list[tuple[int, int, float, Sequence[int]]] = []  # (length, group, idf, postings)
    n = max(total, 1)
    for g, ks in enumerate(groups):
        found = [(k, plist, math.log(1.0 + n / len(plist))) for k in ks if len(plist := postings(k))]
        variant = [idf for k, _plist, idf in found if not k.startswith("w:")]
        cap = max(variant) + config.spelling_bonus if variant else math.inf
        for k, plist, idf in found:
            lists.append((len(plist), g, min(idf, cap) if k.startswith("w:") else idf, plist))
    if not lists:
        return []
    lists.sort(key=lambda x: (x[0], x[1]))
    scanned: list[tuple[int, int, float, Sequence[int]]] = []
    probed: list[tuple[int, int, float, Sequence[int]]] = []
    budget = scan_budget
    for entry in lists:
        if not scanned or entry[0] <= budget:
            scanned.append(entry)
            budget -= entry[0]
        else:
            probed.append(entry)
    items, scores, seen = _sum_scanned(scanned, len(groups))
    if visible is not None:
        keep = items < visible
        items, scores, seen = items[keep], scores[keep], seen[:, keep]
    want = len(query.units)
    counts = None if unit_counts is None else as_ids(unit_counts)[items].astype(np.int64)
    # pool: best by scanned evidence, charged optimistically (every probed unit shared)
    maybe = len({g for _n, g, _w, _p in probed if g < want})
    top = _order(items, scores, seen, counts, want, maybe, config.extra_unit_charge)[: max(probe, limit)]
    items, scores, seen = items[top], scores[top], seen[:, top]
    counts = None if counts is None else counts[top]
    if probed:
        scores, seen = _probe(items, scores, seen, probed)
    return items[_order(items, scores, seen, counts, want, 0, config.extra_unit_charge)[:limit]].tolist()  # type: ignore[no-any-return]


def _order(
    items: np.ndarray, scores: np.ndarray, seen: np.ndarray, counts: np.ndarray | None, want: int, maybe: int,
    charge: float,
) -> np.ndarray:
    """Positions of the items, best first: score less the unit charge (``maybe`` more
    query units assumed shared), then closeness of unit counts, then item number."""
    if counts is None:
        return np.lexsort((items, -scores))
    extra = np.maximum(counts - seen[:want].sum(axis=0) - maybe, 0)
    charged = np.round(scores - charge * extra, 9)
    return np.lexsort((items, np.abs(counts - want), -charged))


def check_workers(workers: object) -> int:
    """``workers`` as given when it is a positive int (not a bool), else ValueError:
    the one rule of the registry's and the clustering's ``workers`` argument."""
    if not isinstance(workers, int) or isinstance(workers, bool) or workers < 1:
        raise ValueError(f"workers must be a positive int, got {workers!r}")
    return workers


def add_postings(postings: dict[str, array[int]], keys: Iterable[str], item: int, typecode: str) -> None:
    """File ``item`` under each of ``keys`` (items come in increasing order, so lists stay ascending)."""
    for k in keys:
        plist = postings.get(k)
        if plist is None:
            postings[k] = array(typecode, (item,))
        else:
            try:  # the common case, without a call (a bulk build makes millions)
                plist.append(item)
            except BufferError:
                postings[k] = append_grown(plist, item)


def append_grown(values: array[int], value: int) -> array[int]:
    """``values`` with ``value`` appended, in place; when a reader holds a numpy view of
    it (:func:`as_ids`), which pins its size, a grown copy (the reader keeps the old one)."""
    try:
        values.append(value)
        return values
    except BufferError:
        grown = array(values.typecode, values)
        grown.append(value)
        return grown


def as_ids(plist: Sequence[int]) -> np.ndarray:
    """A posting list as a numpy array; an ``array`` is read through its buffer, not copied.

    While the view lives, the ``array`` cannot grow: writers append through
    :func:`append_grown`, which then makes a grown copy.
    """
    if isinstance(plist, array):
        return np.frombuffer(plist, dtype=np.dtype(plist.typecode))
    if isinstance(plist, np.ndarray):  # already a view (a registry state's visible part of a list)
        return plist
    return np.asarray(plist, dtype=np.int64)


def _sum_scanned(
    scanned: list[tuple[int, int, float, Sequence[int]]], n_groups: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Items of the scanned lists, their summed idf (per group, the idf of the rarest
    shared key) and a (group x item) mask of the groups each item was found in."""
    ids = np.concatenate([as_ids(plist).astype(np.int64) for _n, _g, _idf, plist in scanned])
    sizes = [n for n, _g, _w, _plist in scanned]  # each list's idf and group, repeated along it
    idf = np.repeat(np.array([w for _n, _g, w, _plist in scanned], dtype=np.float64), sizes)
    grp = np.repeat(np.array([g for _n, g, _w, _plist in scanned], dtype=np.int64), sizes)
    order = np.lexsort((-idf, ids, grp))  # per (group, item): rarest key first
    ids, idf, grp = ids[order], idf[order], grp[order]
    first = np.ones(len(ids), dtype=bool)
    first[1:] = (ids[1:] != ids[:-1]) | (grp[1:] != grp[:-1])
    ids, idf, grp = ids[first], idf[first], grp[first]
    items, where = np.unique(ids, return_inverse=True)
    seen = np.zeros((n_groups, len(items)), dtype=bool)
    seen[grp, where] = True
    return items, np.bincount(where, weights=idf, minlength=len(items)), seen


def _probe(
    items: np.ndarray,
    scores: np.ndarray,
    seen: np.ndarray,
    probed: list[tuple[int, int, float, Sequence[int]]],
) -> tuple[np.ndarray, np.ndarray]:
    """Add to each pooled item the idf of the long lists it is in (one per group, rarest first)."""
    scores, seen = scores.copy(), seen.copy()
    for _length, g, idf, plist in probed:
        ids = as_ids(plist)  # ascending: binary search, in the list's own dtype (no copy of it)
        want = items.astype(ids.dtype, copy=False)
        at = np.searchsorted(ids, want)
        found = ids[np.minimum(at, len(ids) - 1)] == want
        fresh = found & ~seen[g]
        scores[fresh] += idf
        seen[g] |= found
    return scores, seen
