"""Scores of every query against every choice, equal cell by cell to ``score`` (part of
:mod:`namematch.score`).

Most pairs of a large matrix share no two units that agree: the features of such a pair
(look-alikes and initials explain nothing) depend on a few
facts of each name alone (whether it has a family name and with the article, its length,
an initial in front, the given names after the first, its script), the closed form the
scorer itself takes for them (``_rules.unaligned_features``). Such pairs are filled from a
table computed once per combination of those facts. The other pairs are found by a bound
on unit similarity: two units can agree (``agree_from``) only if one of their
spellings (folded, without a compound's head or tail, without a glued article) is at least
0.79 alike to one of the other's by edit similarity (a shared key adds 0.06; 0.85 across
scripts), or they share a lexicon group, a sound, an Arabic-script consonant skeleton, across
scripts three consonants, or (two Arabic-script units) their letters are 0.89 alike; or
(Latin) they keep the same three consonants or more, or one given name begins the other.
Those are compared by the C++ ``rapidfuzz.process.cdist`` and hash look-ups; the name
pairs that hold such a unit pair, or adjacent units that may be one split unit of the
other, are scored in full.

The same bounds, with lower edit cuts, prove which unit pairs cannot even reach
``min_pair_similarity`` (a look-alike, which alignment reads): the pairs scored in full
compare only the unit pairs that may (:func:`near_sim`), so most unit pairs of a large
matrix are never compared one by one. Every cell still equals ``score``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from collections.abc import Set as AbstractSet
from typing import Any, Final

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from namematch._folding import fold_latin
from namematch._pool import run_chunks
from namematch.keys import arabic_skeletons
from namematch.normalize import OTHER
from namematch.score._align import Similarity, UnitSim
from namematch.score._config import DEFAULT_CONFIG
from namematch.score._rules import unaligned_features
from namematch.score._units import (
    _ARABIC_PRESS,
    _NO_ALEF,
    EDIT,
    _long_skeletons,
    _Prepared,
    _rest,
    _sounds,
    _stem,
    _Unit,
    consonant_classes,
)

#: Edit similarity (percent) of some spellings of two units below which they cannot agree
#: (unless a shared fact says so, see :func:`_hashed_pairs`): within a script (a shared key
#: adds 0.06 to 0.79), and across scripts.
_SAME_SCRIPT_CUT: Final = 78
_CROSS_SCRIPT_CUT: Final = 84
#: Two Arabic-script units less alike than this letter for letter (and of two consonant
#: skeletons) cannot agree.
_ARABIC_CUT: Final = 89
#: A joined pair of adjacent units aligns with a unit from 0.8 (percent, rounded down).
_MERGE_CUT: Final = 79
#: The same cuts for a unit pair to reach ``min_pair_similarity`` (0.72, a look-alike pairs off):
#: within a script a shared key lifts 0.66 to it, across scripts nothing lifts an edit similarity,
#: two Arabic-script units are compared at 0.95 of their letters' similarity. Below them (and
#: without a shared fact) a unit pair is proven below 0.72 and is not compared (:func:`near_sim`).
_NEAR_SAME_SCRIPT: Final = 65
_NEAR_CROSS_SCRIPT: Final = 71
_NEAR_ARABIC: Final = 75
#: Rows of queries compared with cdist at a time (bounds the temporary matrix).
_CHUNK: Final = 2048
#: Pairs scored in full per task of a pool of workers; fewer pairs than this are scored in one process.
_SPAN: Final = 2_000


def is_missing(value: object) -> bool:
    """None, a float NaN or pandas' NA: a missing name (its row or column is NaN)."""
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    return type(value).__name__ == "NAType"


def _strings(u: _Unit) -> set[str]:
    """The spellings of a unit any comparison reads: folds, and without a head, tail or glued article."""
    out = set(u.folds)
    if u.bare:
        out.add(u.bare)
    for x in u.folds:
        if u.tail:
            stem = _stem(x)
            if stem:
                out.add(stem)
        if u.head:
            rest = _rest(x, u.head, 1)
            if rest:
                out.add(rest)
    return out


def _unit_index(names: Sequence[_Prepared | None]) -> tuple[dict[str, _Unit], dict[str, list[int]]]:
    """Distinct units by ckey, and the names each is in."""
    units: dict[str, _Unit] = {}
    where: dict[str, list[int]] = {}
    for k, p in enumerate(names):
        if p is None:
            continue
        for u in p.units:
            units.setdefault(u.ckey, u)
            rows = where.setdefault(u.ckey, [])
            if not rows or rows[-1] != k:
                rows.append(k)
    return units, where


def _hashed_pairs(qu: dict[str, _Unit], cu: dict[str, _Unit]) -> set[tuple[str, str]]:
    """Unit pairs that meet through a shared fact: core, lexicon group, sound, Arabic letters
    without alef or their consonant skeleton, Latin consonants (three or more), a given name
    and a short form of it; across scripts, three consonants or more."""

    def facts(u: _Unit) -> list[str]:
        out = [f"c:{u.core}"] + [f"g:{g}" for g in u.groups]
        for x in _strings(u):
            out += [f"s:{s}" for s in _sounds(x)]
        if u.arabic:
            letters = u.core.translate(_ARABIC_PRESS)
            out.append(f"a:{letters.translate(_NO_ALEF)}")
            out += [f"A:{k}" for k in arabic_skeletons(letters)]
        else:  # the consonants of a vowel variant (_units._vowel_variant; a superset of the pairs)
            out += [f"v:{c}" for x in u.folds for c in consonant_classes(x) if len(c) >= 3]
        return out

    def short_forms(u: _Unit) -> tuple[list[str], list[str]]:
        # a given name as a short form, and the short forms it may have (_units._short_form)
        if u.arabic or u.family or u.head or u.tail:
            return [], []
        core = u.core
        whole = [f"{u.script}:{core}"] if len(core) >= 4 else []
        return whole, [f"{u.script}:{core[:k]}" for k in range(max(4, (len(core) + 1) // 2), len(core))]

    def across(u: _Unit) -> list[str]:
        out = [f"k:{c}" for x in u.folds for c in consonant_classes(x) if len(c) >= 3]
        return out + [f"K:{k}" for k in _long_skeletons(u.core, u.arabic)]

    index: dict[str, list[str]] = {}
    index_across: dict[tuple[bool, str], list[str]] = {}
    index_short: tuple[dict[str, list[str]], dict[str, list[str]]] = ({}, {})
    for key, u in cu.items():
        if u.initial:
            continue
        for f in facts(u):
            index.setdefault(f, []).append(key)
        for side, fs in zip(index_short, short_forms(u), strict=True):
            for f in fs:
                side.setdefault(f, []).append(key)
        if u.script != OTHER:
            for f in across(u):
                index_across.setdefault((u.arabic, f), []).append(key)
    out: set[tuple[str, str]] = set()
    for key, u in qu.items():
        if u.initial:
            continue
        for f in facts(u):
            out.update((key, other) for other in index.get(f, ()))
        whole, cut = short_forms(u)
        for f in whole:
            out.update((key, other) for other in index_short[1].get(f, ()))
        for f in cut:
            out.update((key, other) for other in index_short[0].get(f, ()))
        if u.script != OTHER:
            for f in across(u):
                out.update((key, other) for other in index_across.get((not u.arabic, f), ()))
    return out


def _edit_pairs(qu: dict[str, _Unit], cu: dict[str, _Unit]) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """Unit pairs some of whose spellings are alike enough by edit similarity to pair off as
    agreeing, and those alike enough to reach ``min_pair_similarity`` (a superset)."""
    agree: set[tuple[str, str]] = set()
    near: set[tuple[str, str]] = set()
    for arabic_q in (False, True):
        q_items = [(k, s) for k, u in qu.items() if not u.initial and u.arabic == arabic_q for s in _strings(u)]
        if not q_items:
            continue
        for arabic_c in (False, True):
            c_items = [(k, s) for k, u in cu.items() if not u.initial and u.arabic == arabic_c for s in _strings(u)]
            if not c_items:
                continue
            same = arabic_q == arabic_c
            cut = _SAME_SCRIPT_CUT if same else _CROSS_SCRIPT_CUT
            _cdist_pairs(q_items, c_items, fuzz.ratio, _NEAR_SAME_SCRIPT if same else _NEAR_CROSS_SCRIPT, cut,
                         near, agree)  # fmt: skip
    q_ar = [(k, u.core.translate(_ARABIC_PRESS)) for k, u in qu.items() if u.arabic and not u.initial]
    c_ar = [(k, u.core.translate(_ARABIC_PRESS)) for k, u in cu.items() if u.arabic and not u.initial]
    if q_ar and c_ar:
        _cdist_pairs(q_ar, c_ar, _letters_ratio, _NEAR_ARABIC, _ARABIC_CUT, near, agree)
    return agree, near


def _letters_ratio(a: str, b: str, *, score_cutoff: float | None = None, **_: Any) -> float:
    return Levenshtein.normalized_similarity(a, b) * 100


def _cdist_pairs(
    q_items: list[tuple[str, str]],
    c_items: list[tuple[str, str]],
    scorer: Callable[..., float],
    cut: int,
    high: int | None = None,
    out: set[tuple[str, str]] | None = None,
    out_high: set[tuple[str, str]] | None = None,
) -> set[tuple[str, str]]:
    """``(query key, choice key)`` of the items ``scorer`` finds ``cut`` alike or more (added to
    ``out``); with ``high``, those ``high`` alike or more are also added to ``out_high``."""
    import numpy as np

    if out is None:
        out = set()
    c_strings = [s for _, s in c_items]
    for start in range(0, len(q_items), _CHUNK):
        part = q_items[start : start + _CHUNK]
        m = process.cdist([s for _, s in part], c_strings, scorer=scorer, score_cutoff=cut, dtype=np.uint8, workers=-1)
        for i, j in zip(*np.nonzero(m), strict=True):
            out.add((part[i][0], c_items[j][0]))
        if high is not None and out_high is not None:
            for i, j in zip(*np.nonzero(m >= high), strict=True):
                out_high.add((part[i][0], c_items[j][0]))
    return out


def _merge_rows(
    names: Sequence[_Prepared | None], units: dict[str, _Unit]
) -> set[tuple[int, str]]:
    """``(name, unit ckey)`` where two adjacent units of the name joined may be the unit."""
    joined: list[tuple[int, str]] = []
    for k, p in enumerate(names):
        if p is None:
            continue
        for i, _lo, _hi, _key in p.adjacent:
            x, y = p.units[i], p.units[i + 1]
            joined += [(k, fold_latin(s + t)) for s in x.latin[:2] for t in y.latin[:2]]
    singles = [(key, f) for key, u in units.items() if not u.initial for f in u.folds]
    if not joined or not singles:
        return set()
    return {(int(k), key) for k, key in _cdist_pairs(
        [(str(k), s) for k, s in joined], singles, fuzz.ratio, _MERGE_CUT)}  # fmt: skip


def _candidates(
    qs: Sequence[_Prepared | None], cs: Sequence[_Prepared | None], sim: Callable[[_Unit, _Unit], tuple[float, str]]
) -> tuple[set[tuple[int, int]], set[tuple[str, str]]]:
    """``(query, choice)`` index pairs that may have two units alike or a split unit: the pairs
    scored in full (every other pair takes the closed form); and the unit pairs (ckeys, in both
    orders) that may reach ``min_pair_similarity``: every other unit pair of two word units is
    below it."""
    qu, q_where = _unit_index(qs)
    cu, c_where = _unit_index(cs)
    out: set[tuple[int, int]] = set()
    agree_from = DEFAULT_CONFIG.agree_from  # (the scorer takes this path under the default configuration only)
    hashed = _hashed_pairs(qu, cu)
    edit_agree, edit_near = _edit_pairs(qu, cu)
    for kq, kc in hashed | edit_agree:
        u, v = qu[kq], cu[kc]
        if not (u.initial or v.initial) and sim(u, v)[0] >= agree_from:
            out.update((i, j) for i in q_where[kq] for j in c_where[kc])
    near = hashed | edit_near
    near |= {(kc, kq) for kq, kc in near}
    same: dict[tuple[str, ...], list[int]] = {}
    for j, p in enumerate(cs):
        if p is not None and p.units:
            same.setdefault(p.identity, []).append(j)
    for i, p in enumerate(qs):  # one parse (an initial alone: "A" ~ "A"): 1.0
        if p is not None and p.units:
            out.update((i, j) for j in same.get(p.identity, ()))
    for i, kc in _merge_rows(qs, cu):
        out.update((i, j) for j in c_where[kc])
    for j, kq in _merge_rows(cs, qu):
        out.update((i, j) for i in q_where[kq])
    return out, near


def near_sim(sim: UnitSim, near: AbstractSet[tuple[str, str]], below: float) -> UnitSim:
    """``sim`` for the unit pairs of ``near`` and those with an initial; ``(below, EDIT)`` for
    any other pair, which the bounds of :func:`_candidates` prove below ``min_pair_similarity``
    (what alignment reads of such a pair: ``similar_pairs`` drops it). Not for the rules,
    which may read how far below it is."""
    miss: Similarity = (below, EDIT)

    def bounded(u: _Unit, v: _Unit) -> Similarity:
        if u.initial or v.initial or (u.ckey, v.ckey) in near:
            return sim(u, v)
        return miss

    return bounded


def matrix(
    queries: Iterable[object],
    choices: Iterable[object],
    prepare: Callable[[str], _Prepared],
    value: Callable[[str, str, UnitSim], float],
    final: Callable[[Sequence[float]], float],
    sim: UnitSim,
    score_cutoff: float | None,
    workers: int = 1,
) -> list[list[float]]:
    """The rows of the score matrix (``value`` scores a pair in full with the unit similarity
    it is given, ``final`` weighs features); with ``workers`` > 1 (and the fork start method)
    the pairs scored in full are shared out among that many processes."""
    q_text = [None if is_missing(q) else q for q in queries]
    c_text = [None if is_missing(c) else c for c in choices]
    qs = [None if t is None else prepare(t) for t in q_text]  # type: ignore[arg-type]
    cs = [None if t is None else prepare(t) for t in c_text]  # type: ignore[arg-type]
    # the closed form, once per pair of name signatures (names without units score 0.0)
    sig_q = [None if p is None or not p.units else p.closed for p in qs]
    sig_c = [None if p is None or not p.units else p.closed for p in cs]
    examples_q = {s: p for s, p in zip(sig_q, qs, strict=True) if s is not None}
    examples_c = {s: p for s, p in zip(sig_c, cs, strict=True) if s is not None}
    table = {(a, b): final(unaligned_features(pa, pb)) for a, pa in examples_q.items()  # type: ignore[arg-type]
             for b, pb in examples_c.items()}  # fmt: skip
    nan = math.nan
    # one row per query signature, copied for each query of it (a query without units: 0.0)
    blank = [nan if pc is None else 0.0 for pc in cs]
    by_sig = {sq: [b if sc is None else table[(sq, sc)] for b, sc in zip(blank, sig_c, strict=True)]
              for sq in examples_q}  # fmt: skip
    rows = [[nan] * len(cs) if pq is None else list(blank if sq is None else by_sig[sq])
            for pq, sq in zip(qs, sig_q, strict=True)]  # fmt: skip
    full_set, near = _candidates(qs, cs, sim)
    full = sorted(full_set)
    bounded = near_sim(sim, near, 0.0)
    for (i, j), v in zip(full, _full_values(full, q_text, c_text, value, bounded, workers), strict=True):
        rows[i][j] = v
    if score_cutoff is not None:
        for row in rows:
            for j, v in enumerate(row):
                if v < score_cutoff:
                    row[j] = 0.0
    return rows


def _full_values(pairs: list[tuple[int, int]], q_text: list[Any], c_text: list[Any],
                 value: Callable[[str, str, UnitSim], float], sim: UnitSim, workers: int) -> list[float]:  # fmt: skip
    """``value`` of each pair, in order; in a pool of forked processes when asked and worth it."""
    if workers > 1 and len(pairs) > _SPAN:
        spans = [(lo, min(len(pairs), lo + _SPAN)) for lo in range(0, len(pairs), _SPAN)]
        state = {"pairs": pairs, "q": q_text, "c": c_text, "value": value, "sim": sim}
        return run_chunks(_values_of_span, state, spans, workers)
    return [value(q_text[i], c_text[j], sim) for i, j in pairs]


def _values_of_span(state: dict[str, Any], lo: int, hi: int) -> list[float]:
    pairs, q, c, value, sim = state["pairs"], state["q"], state["c"], state["value"], state["sim"]
    return [value(q[i], c[j], sim) for i, j in pairs[lo:hi]]
