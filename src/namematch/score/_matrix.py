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
scripts three consonants or a skeleton of the transliteration model's bridge (an unlisted
Arabic-script word and a Latin word: ``_units.model_bridge``), or (two Arabic-script units) their letters are 0.89 alike; or
(Latin) they keep the same three consonants or more, differ only in a final consonant voiced
or not, or one given name begins the other.
Those are compared by the C++ ``rapidfuzz.process.cdist`` and hash look-ups; the name
pairs that hold such a unit pair, or adjacent units that may be one split unit of the
other, are scored in full; most of them align in one pair of words only (a common given
name and nothing else), whose features have a closed form too (``_rules.one_pair_features``).

The same bounds, with lower edit cuts, prove which unit pairs cannot even reach
``min_pair_similarity`` (a look-alike, which alignment reads): the pairs scored in full
compare only the unit pairs that may (:meth:`_Cells.pairs_off`), so most unit pairs of a
large matrix are never compared one by one; and where no joined pair of adjacent units can
match a unit of the other name, split units are not looked for. Every cell still equals
``score``.

With a ``score_cutoff``, a pair scored in full is first bounded: its similar unit pairs
bound each feature (``_rules.feature_bounds``) and so the model's score
(``_model.score_bound``); a pair whose bound is below the cut-off is 0.0 without being
aligned (screening: most pairs that share one common element).

The choices are indexed once; the queries are then taken a span at a time (the candidates
of the span, then its cells), in this process or shared out among forked workers, which
inherit the index and the prepared names and send back only the cells they scored.
"""

from __future__ import annotations

import contextlib
import gc
import math
import multiprocessing
from collections.abc import Callable, Iterator, Sequence
from itertools import product
from typing import Any, Final

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from namematch._folding import fold_latin
from namematch._pool import iter_chunks
from namematch.keys import arabic_skeletons
from namematch.normalize import OTHER
from namematch.score._align import (
    Similarity,
    UnitSim,
    align,
    displaced,
    gendered_pair,
    merge_candidates,
)
from namematch.score._config import DEFAULT_CONFIG
from namematch.score._model import score_bound
from namematch.score._rules import (
    feature_bounds,
    feature_values,
    one_pair_features,
    unaligned_features,
)
from namematch.score._units import (
    _ARABIC_PRESS,
    FINAL_TWINS,
    INITIAL_MATCH,
    _long_skeletons,
    _Prepared,
    _rest,
    _sounds,
    _stem,
    _Unit,
    bridge_skeletons,
    comparison_folds,
    consonant_classes,
    in_window,
    joined_skeletons,
    without_alefs,
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
#: without a shared fact) a unit pair is proven below 0.72 and is not compared (:meth:`_Cells.pairs_off`).
_NEAR_SAME_SCRIPT: Final = 65
_NEAR_CROSS_SCRIPT: Final = 71
_NEAR_ARABIC: Final = 75
#: A final consonant's voiced and voiceless twins written as one (``_units.FINAL_TWINS``): two
#: cores alike but for such a final share the fact (Luis ~ Luiz, Tayyib ~ Tayyip).
_FINAL_TWIN: Final = {c: "".join(sorted(pair)) for pair in FINAL_TWINS for c in pair}
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
    """The spellings of a unit any comparison reads: folds (a foreign name's readings among
    them, ``_units.comparison_folds``), and without a head, tail or glued article."""
    out = set(comparison_folds(u))
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


def _facts(u: _Unit) -> list[str]:
    """What a unit shares with the units it may agree with (within its script class): core,
    lexicon group, sound, Arabic letters without alef or their consonant skeleton, Latin
    consonants (three or more)."""
    out = [f"c:{u.core}"] + [f"g:{g}" for g in u.groups]
    for x in _strings(u):
        out += [f"s:{s}" for s in _sounds(x)]
    if u.arabic:
        letters = u.core.translate(_ARABIC_PRESS)
        out.append(f"a:{without_alefs(letters)}")
        out += [f"A:{k}" for k in arabic_skeletons(letters)]
    else:  # the consonants of a vowel variant (_units._vowel_variant; a superset of the pairs)
        out += [f"v:{c}" for x in u.folds for c in consonant_classes(x) if len(c) >= 3]
        twin = _FINAL_TWIN.get(u.core[-1:])
        if twin and len(u.core) >= 3:  # a final consonant voiced or not (_units.final_devoiced)
            out.append(f"t:{u.core[:-1]}{twin}")
    return out


def _short_forms(u: _Unit) -> tuple[list[str], list[str]]:
    """A given name as a short form, and the short forms it may have (``_units._short_form``)."""
    if u.arabic or u.family or u.head or u.tail:
        return [], []
    core = u.core
    whole = [f"{u.script}:{core}"] if len(core) >= 4 else []
    return whole, [f"{u.script}:{core[:k]}" for k in range(max(4, (len(core) + 1) // 2), len(core))]


def _across(u: _Unit) -> list[str]:
    """What a unit shares with a unit of the other script class: three consonants or more."""
    out = [f"k:{c}" for x in comparison_folds(u) for c in consonant_classes(x) if len(c) >= 3]
    out += [f"M:{k}" for k in bridge_skeletons(u)]  # (the transliteration model's bridge)
    return out + [f"K:{k}" for k in _long_skeletons(u.core, u.arabic)]


class _Choices:
    """The choice side of a matrix, indexed once (before a pool of workers forks): its units and
    the names each is in, their shared facts, their spellings for the edit bounds, and the
    joined spellings of their adjacent units."""

    def __init__(self, names: Sequence[_Prepared | None]) -> None:
        self.names = names
        self.units, self.where = _unit_index(names)
        self.index: dict[str, list[str]] = {}
        self.index_across: dict[tuple[bool, str], list[str]] = {}
        self.index_short: tuple[dict[str, list[str]], dict[str, list[str]]] = ({}, {})
        for key, u in self.units.items():
            if u.initial:
                continue
            for f in _facts(u):
                self.index.setdefault(f, []).append(key)
            for side, fs in zip(self.index_short, _short_forms(u), strict=True):
                for f in fs:
                    side.setdefault(f, []).append(key)
            if u.script != OTHER:
                for f in _across(u):
                    self.index_across.setdefault((u.arabic, f), []).append(key)
        self.strings = {arabic: [(k, s) for k, u in self.units.items() if not u.initial and u.arabic == arabic
                                 for s in _strings(u)] for arabic in (False, True)}  # fmt: skip
        self.letters = [(k, u.core.translate(_ARABIC_PRESS)) for k, u in self.units.items() if u.arabic and not u.initial]
        self.singles = _singles(self.units)
        self.initials = [k for k, u in self.units.items() if u.initial]
        self.joined = _joined(names)
        self.joined_bridged = _joined_bridged(names)
        self.bridged = _bridged(self.units)
        self.same: dict[tuple[str, ...], list[int]] = {}
        for j, p in enumerate(names):
            if p is not None and p.units:
                self.same.setdefault(p.identity, []).append(j)


def _hashed_pairs(qu: dict[str, _Unit], choices: _Choices) -> set[tuple[str, str]]:
    """Unit pairs that meet through a shared fact (:func:`_facts`), a given name and a short
    form of it, or across scripts three consonants or more (:func:`_across`)."""
    out: set[tuple[str, str]] = set()
    index, index_short, index_across = choices.index, choices.index_short, choices.index_across
    for key, u in qu.items():
        if u.initial:
            continue
        own = (key,)
        for f in _facts(u):
            out.update(product(own, index.get(f, ())))
        whole, cut = _short_forms(u)
        for f in whole:
            out.update(product(own, index_short[1].get(f, ())))
        for f in cut:
            out.update(product(own, index_short[0].get(f, ())))
        if u.script != OTHER:
            for f in _across(u):
                out.update(product(own, index_across.get((not u.arabic, f), ())))
    return out


def _edit_pairs(
    qu: dict[str, _Unit], choices: _Choices, threads: int
) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """Unit pairs some of whose spellings are alike enough by edit similarity to pair off as
    agreeing, and those alike enough to reach ``min_pair_similarity`` (a superset)."""
    agree: set[tuple[str, str]] = set()
    near: set[tuple[str, str]] = set()
    for arabic_q in (False, True):
        q_items = [(k, s) for k, u in qu.items() if not u.initial and u.arabic == arabic_q for s in _strings(u)]
        if not q_items:
            continue
        for arabic_c in (False, True):
            c_items = choices.strings[arabic_c]
            if not c_items:
                continue
            same = arabic_q == arabic_c
            cut = _SAME_SCRIPT_CUT if same else _CROSS_SCRIPT_CUT
            _cdist_pairs(q_items, c_items, fuzz.ratio, _NEAR_SAME_SCRIPT if same else _NEAR_CROSS_SCRIPT, cut,
                         near, agree, threads)  # fmt: skip
    q_ar = [(k, u.core.translate(_ARABIC_PRESS)) for k, u in qu.items() if u.arabic and not u.initial]
    if q_ar and choices.letters:
        _cdist_pairs(q_ar, choices.letters, Levenshtein.normalized_similarity, _NEAR_ARABIC / 100, _ARABIC_CUT / 100,
                     near, agree, threads)  # fmt: skip
    return agree, near


def _cdist_pairs(
    q_items: list[tuple[str, str]],
    c_items: list[tuple[str, str]],
    scorer: Callable[..., float],
    cut: float,
    high: float | None = None,
    out: set[tuple[str, str]] | None = None,
    out_high: set[tuple[str, str]] | None = None,
    threads: int = -1,
) -> set[tuple[str, str]]:
    """``(query key, choice key)`` of the items ``scorer`` finds ``cut`` alike or more (added to
    ``out``); with ``high``, those ``high`` alike or more are also added to ``out_high``. Each
    distinct spelling is compared once (units and names share spellings). ``scorer`` is one of
    rapidfuzz's own (a Python function would be called for every pair, and cdist does not apply
    ``cut`` to what it returns)."""
    import numpy as np

    if out is None:
        out = set()
    c_strings, c_keys = _by_spelling(c_items)
    q_strings, q_keys = _by_spelling(q_items)
    for start in range(0, len(q_strings), _CHUNK):
        m = process.cdist(q_strings[start : start + _CHUNK], c_strings, scorer=scorer, score_cutoff=cut,
                          dtype=np.uint8 if cut >= 1 else np.float64, workers=threads)  # fmt: skip
        rows, cols = np.nonzero(m)
        hits = zip(rows.tolist(), cols.tolist(), strict=True)
        if high is None or out_high is None:
            for r, c in hits:
                out.update(product(q_keys[start + r], c_keys[c]))
            continue
        for (r, c), alike in zip(hits, m[rows, cols].tolist(), strict=True):
            pairs = list(product(q_keys[start + r], c_keys[c]))
            out.update(pairs)
            if alike >= high:
                out_high.update(pairs)
    return out


def _by_spelling(items: list[tuple[str, str]]) -> tuple[list[str], list[list[str]]]:
    """The distinct spellings of ``(key, spelling)`` items, and the distinct keys of each."""
    keys: dict[str, list[str]] = {}
    for k, s in items:
        ks = keys.setdefault(s, [])
        if k not in ks:
            ks.append(k)
    return list(keys), list(keys.values())


def _joined(names: Sequence[_Prepared | None]) -> list[tuple[str, str]]:
    """``(name index, spelling)`` of two adjacent units of a name joined (first two spellings of each)."""
    joined: list[tuple[str, str]] = []
    for k, p in enumerate(names):
        if p is None:
            continue
        for i, *_window in p.adjacent:
            x, y = p.units[i], p.units[i + 1]
            joined += [(str(k), fold_latin(s + t)) for s in x.latin[:2] for t in y.latin[:2]]
    return joined


#: A window of a joined pair's length (``_Prepared.adjacent``: lo, hi, flo, fhi).
_Window = tuple[float, float, float, float]


def _joined_bridged(names: Sequence[_Prepared | None]) -> list[tuple[int, str, _Window]]:
    """``(name index, skeleton, length window)`` of two adjacent Arabic-script units of a name
    joined, through which the transliteration model may write them as one Latin unit
    (``_units.joined_bridge``)."""
    out: list[tuple[int, str, _Window]] = []
    for k, p in enumerate(names):
        if p is None or not p.arabic:
            continue
        for i, lo, hi, flo, fhi, _key in p.adjacent:
            out += [(k, sk, (lo, hi, flo, fhi)) for sk in joined_skeletons(p.units[i], p.units[i + 1])]
    return out


def _bridged(units: dict[str, _Unit]) -> dict[str, list[tuple[str, int, int]]]:
    """Latin word units (ckey, first-spelling and first-fold length) by the skeletons of the
    transliteration model's bridge (``bridge_skeletons``)."""
    out: dict[str, list[tuple[str, int, int]]] = {}
    for key, u in units.items():
        if not u.arabic and not u.initial:
            for sk in bridge_skeletons(u):
                out.setdefault(sk, []).append((key, len(u.latin[0]), len(u.folds[0])))
    return out


def _bridged_rows(
    joined: list[tuple[int, str, _Window]], singles: dict[str, list[tuple[str, int, int]]]
) -> set[tuple[int, str]]:
    """``(name, unit ckey)`` where two adjacent units of the name joined (``joined``, of
    :func:`_joined_bridged`) share a bridge skeleton with a Latin unit about as long
    (``singles``, of :func:`_bridged`; ``_units.in_window``)."""
    return {
        (k, key)
        for k, sk, (lo, hi, flo, fhi) in joined
        for key, size, fsize in singles.get(sk, ())
        if in_window(lo, hi, flo, fhi, size, fsize)
    }


def _singles(units: dict[str, _Unit]) -> list[tuple[str, str]]:
    """``(unit ckey, folded spelling)`` of the word units."""
    return [(key, f) for key, u in units.items() if not u.initial for f in comparison_folds(u)]


def _merge_rows(joined: list[tuple[str, str]], singles: list[tuple[str, str]], threads: int = -1) -> set[tuple[int, str]]:
    """``(name, unit ckey)`` where two adjacent units of the name joined (``joined``, of
    :func:`_joined`) may be the unit (``singles``, of :func:`_singles`)."""
    if not joined or not singles:
        return set()
    return {(int(k), key) for k, key in _cdist_pairs(joined, singles, fuzz.ratio, _MERGE_CUT, threads=threads)}


def _span_candidates(
    qs: Sequence[_Prepared | None], choices: _Choices, sim: UnitSim, threads: int = -1
) -> tuple[set[tuple[int, int]], set[tuple[int, int]], set[tuple[str, str]]]:
    """``(query, choice)`` index pairs that may have two units alike or a split unit: the pairs
    scored in full (every other pair takes the closed form); those of them where a split unit
    may align; and the unit pairs ``(query ckey, choice ckey)`` that may reach
    ``min_pair_similarity``: every other unit pair of two word units is below it."""
    qu, q_where = _unit_index(qs)
    cu, c_where = choices.units, choices.where
    out: set[tuple[int, int]] = set()
    agree_from = DEFAULT_CONFIG.agree_from  # (the scorer takes this path under the default configuration only)
    hashed = _hashed_pairs(qu, choices)
    edit_agree, edit_near = _edit_pairs(qu, choices, threads)
    for kq, kc in hashed | edit_agree:
        u, v = qu[kq], cu[kc]
        if not (u.initial or v.initial) and sim(u, v)[0] >= agree_from:
            out.update(product(q_where[kq], c_where[kc]))
    near = hashed | edit_near
    for i, p in enumerate(qs):  # one parse (an initial alone: "A" ~ "A"): 1.0
        if p is not None and p.units:
            out.update(product((i,), choices.same.get(p.identity, ())))
    merge: set[tuple[int, int]] = set()
    for i, kc in _merge_rows(_joined(qs), choices.singles, threads):
        merge.update(product((i,), c_where[kc]))
    for j, kq in _merge_rows(choices.joined, _singles(qu), threads):
        merge.update(product(q_where[kq], (j,)))
    for i, kc in _bridged_rows(_joined_bridged(qs), choices.bridged):
        merge.update(product((i,), c_where[kc]))
    for j, kq in _bridged_rows(choices.joined_bridged, _bridged(qu)):
        merge.update(product(q_where[kq], (j,)))
    return out | merge, merge, near


def _candidates(
    qs: Sequence[_Prepared | None], cs: Sequence[_Prepared | None], sim: UnitSim
) -> tuple[set[tuple[int, int]], set[tuple[str, str]]]:
    """``(query, choice)`` index pairs scored in full and the unit pairs that may reach
    ``min_pair_similarity`` (:func:`_span_candidates` of all the queries)."""
    full, _merge, near = _span_candidates(qs, _Choices(cs), sim)
    return full, near


_UNSEEN: Final[Any] = object()


class _Cells:
    """The cells of a matrix scored one by one, a span of queries at a time (in this process
    or in a forked worker, which inherits it): each as :meth:`Scorer._own_value` scores it,
    with the unit pairs the candidate bounds prove below ``min_pair_similarity`` never
    compared, and (with a cut-off) the cells the model's upper bound proves below it left 0.0."""

    def __init__(self, scorer: Any, q_text: list[Any], c_text: list[Any], qs: list[_Prepared | None],
                 cs: list[_Prepared | None], score_cutoff: float | None, threads: int) -> None:  # fmt: skip
        self.scorer = scorer
        self.q_text, self.c_text, self.qs, self.cs = q_text, c_text, qs, cs
        self.choices = _Choices(cs)
        #: the score of each feature vector met (many cells share one: most pairs that share a
        #: common given name and nothing else)
        self.finals: dict[tuple[float, ...], float] = {}
        #: the unit ckeys of each choice
        self.c_keys = [() if p is None else tuple(u.ckey for u in p.units) for p in cs]
        self.cutoff = score_cutoff
        self.threads = threads
        #: per query unit ckey, per choice unit ckey: the pair's similarity when it pairs off in
        #: alignment, else None (:meth:`row`)
        self.rows: dict[str, dict[str, Similarity | None]] = {}
        #: per query unit ckey, the choice unit ckeys that may reach ``min_pair_similarity`` (of
        #: the span's candidate search; the same for every span)
        self.near_of: dict[str, list[str]] = {}
        #: the last name :meth:`similar` looked at first, and its units' rows (None for an initial)
        self.last: _Prepared | None = None
        self.last_rows: list[dict[str, Similarity | None] | None] = []

    def span(self, lo: int, hi: int) -> list[tuple[int, int, float]]:
        """``(query, choice, value)`` of the cells of queries ``lo`` to ``hi`` scored one by one."""
        full, merge, near = _span_candidates(self.qs[lo:hi], self.choices, self.scorer._unit_sim, self.threads)
        near_of = self.near_of = {}
        for kq, kc in near:
            near_of.setdefault(kq, []).append(kc)
        value = self.value
        return [(lo + i, j, value(lo + i, j, (i, j) in merge)) for i, j in sorted(full)]

    def row(self, u: _Unit) -> dict[str, Similarity | None]:
        """The verdicts of ``u`` (a query unit, not an initial) and the choice units, by ckey:
        ``_UNSEEN`` for a pair not compared yet that may pair off (the candidate bounds leave it
        near, or a unit is an initial), absent for any other pair, which does not."""
        row = self.rows.get(u.ckey)
        if row is None:
            row = self.rows[u.ckey] = dict.fromkeys(self.near_of.get(u.ckey, ()), _UNSEEN)
            row.update(dict.fromkeys(self.choices.initials, _UNSEEN))
        return row

    def similar(self, pa: _Prepared, j: int) -> list[tuple[float, int, int, str]]:
        """:func:`_align.similar_pairs` of a name and choice ``j`` (the pairs the bounds leave out
        are below ``min_pair_similarity``), each unit pair's verdict kept (the rows of ``pa``'s
        units looked up once for the cells of one query in a row)."""
        if pa is not self.last:
            self.last = pa
            self.last_rows = [None if u.initial else self.row(u) for u in pa.units]
        sims = []
        keys_b = self.c_keys[j]
        for i, row in enumerate(self.last_rows):
            if row is None:  # an initial: every pair is compared
                for jj, v in enumerate(self.cs[j].units):  # type: ignore[union-attr]
                    hit = self.pairs_off(pa.units[i], v)
                    if hit is not None:
                        sims.append((-hit[0], i, jj, hit[1]))
                continue
            for jj, key in enumerate(keys_b):
                hit = row.get(key)
                if hit is None:
                    continue
                if hit is _UNSEEN:
                    hit = row[key] = self.pairs_off(pa.units[i], self.cs[j].units[jj])  # type: ignore[union-attr]
                    if hit is None:
                        continue
                sims.append((-hit[0], i, jj, hit[1]))
        return sims

    def pairs_off(self, u: _Unit, v: _Unit) -> Similarity | None:
        """The similarity of two units when they pair off in alignment (``similar_pairs``'s
        test: at ``min_pair_similarity`` or above, not a given name and its feminine), else None."""
        hit = self.scorer._unit_sim(u, v)
        s = hit[0]
        if s >= DEFAULT_CONFIG.min_pair_similarity and (u.core == v.core or u.family or v.family or not gendered_pair(u, v)):
            return hit  # type: ignore[no-any-return]
        return None

    def value(self, i: int, j: int, mergeable: bool) -> float:
        """The score of query ``i`` and choice ``j`` (:meth:`Scorer._own_value`); 0.0 when
        ``mergeable`` is false (no split unit may align) and the bound puts it below the cut-off."""
        pa, pb = self.qs[i], self.cs[j]
        assert pa is not None and pb is not None
        if not pa.units or not pb.units:
            return 0.0
        if pa.identity == pb.identity:
            return 1.0
        scorer = self.scorer
        sims = self.similar(pa, j)  # (the query's rows looked up once: the cells come query by query)
        # the pairs that align: agreeing pairs of two words, and an initial's matches
        words = initials = 0
        one: tuple[float, int, int, str] | None = None
        agree_from = DEFAULT_CONFIG.agree_from
        for pair in sims:
            if pair[3] == INITIAL_MATCH:
                initials += 1
            elif -pair[0] >= agree_from:
                words += 1
                one = pair
        swap = self.c_text[j] < self.q_text[i]  # (scores are symmetric: the scorer puts a pair in one order first)
        if swap:
            pa, pb = pb, pa
        if not words and not (mergeable and scorer._any_merge(pa, pb)):
            return scorer._closed_form(pa, pb)[1]  # type: ignore[no-any-return]
        feats: tuple[float, ...] | None = None
        if words == 1 and not initials:
            # one pair aligns (most cells): its closed form, unless a split unit may align beside
            # it; no bound first (the score is as cheap)
            assert one is not None
            neg, ia, jb, method = one
            if swap:
                ia, jb = jb, ia
            if not mergeable or not (
                merge_candidates(pa, pb, {ia}, {jb}, scorer._merge_sim)
                or displaced(pa, pb, ia, jb, -neg, method, scorer._merge_sim)
            ):
                feats = one_pair_features(pa, pb, ia, jb, -neg, method)
        if feats is None:
            if swap:
                sims = [(s, j, i, method) for s, i, j, method in sims]
            if self.cutoff is not None and not mergeable and score_bound(
                feature_bounds(pa, pb, sims), scorer.model_weights, scorer.model_intercept
            ) < self.cutoff:
                return 0.0
            al = align(pa, pb, sims, scorer._merge_sim if mergeable else None)
            feats = feature_values(al, scorer._unit_sim)
        final = self.finals.get(feats)
        if final is None:
            final = self.finals[feats] = scorer._final(feats)
        return final


def matrix(scorer: Any, queries: Sequence[object], choices: Sequence[object], score_cutoff: float | None,
           workers: int = 1) -> Any:  # fmt: skip
    """The score matrix of ``scorer`` (a numpy array; NaN rows and columns for missing names),
    cells below ``score_cutoff`` 0.0; with ``workers`` > 1 (and the fork start method) the
    queries are shared out in spans among that many processes.

    The longer side is taken a span at a time, the shorter one indexed (once, before the
    workers start): a score is symmetric, and so is every bound of the candidate search, so the
    matrix of the choices against the queries, transposed, is the same matrix."""
    import numpy as np

    if len(choices) > len(queries):
        return np.ascontiguousarray(matrix(scorer, choices, queries, score_cutoff, workers).T)
    q_text = [None if is_missing(q) else q for q in queries]
    c_text = [None if is_missing(c) else c for c in choices]
    qs = [None if t is None else scorer.prepare(t) for t in q_text]
    cs = [None if t is None else scorer.prepare(t) for t in c_text]
    # the closed form, once per pair of name signatures: a table indexed by each name's signature
    # (a name without units scores 0.0, a missing one NaN)
    sig_q: dict[Any, int] = {}
    sig_c: dict[Any, int] = {}
    examples_q: list[_Prepared] = []
    examples_c: list[_Prepared] = []

    def signature(p: _Prepared | None, sigs: dict[Any, int], examples: list[_Prepared]) -> int:
        if p is None:
            return 0
        if not p.units:
            return 1
        k = sigs.get(p.closed)
        if k is None:
            k = sigs[p.closed] = len(examples) + 2
            examples.append(p)
        return k

    at_q = np.array([signature(p, sig_q, examples_q) for p in qs], dtype=np.intp)
    at_c = np.array([signature(p, sig_c, examples_c) for p in cs], dtype=np.intp)
    table = np.zeros((len(examples_q) + 2, len(examples_c) + 2))
    table[0, :] = table[:, 0] = math.nan
    for a, pa in enumerate(examples_q, 2):
        for b, pb in enumerate(examples_c, 2):
            table[a, b] = scorer._final(unaligned_features(pa, pb))
    out = table[np.ix_(at_q, at_c)] if len(qs) and len(cs) else np.zeros((len(qs), len(cs)))
    # (forked workers compare spellings one thread each; one process uses every core for it)
    forked = workers > 1 and "fork" in multiprocessing.get_all_start_methods()
    threads = 1 if forked else -1
    cells = _Cells(scorer, q_text, c_text, qs, cs, score_cutoff, threads)
    step = max(1, math.ceil(len(qs) / (2 * workers))) if workers > 1 else max(1, len(qs))
    spans = [(lo, min(len(qs), lo + step)) for lo in range(0, len(qs), step)]
    for part in iter_chunks(_cells_of_span, {"cells": cells}, spans, workers):
        if part:
            ii, jj, vv = zip(*part, strict=True)
            out[list(ii), list(jj)] = vv
    if score_cutoff is not None:
        out[out < score_cutoff] = 0.0
    return out


def _cells_of_span(state: dict[str, Any], lo: int, hi: int) -> list[tuple[int, int, float]]:
    with _collector_paused():
        return state["cells"].span(lo, hi)  # type: ignore[no-any-return]


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off meanwhile (back on after, if it was on): a span's cells
    make many short-lived tuples and no reference cycles, and the collections they would set
    off cost about a tenth of the time."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
