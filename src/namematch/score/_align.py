"""Alignment of two names' units (part of :mod:`namematch.score`).

Units pair off greedily, most similar first, at ``min_pair_similarity`` or above (fields of
the scorer's :class:`~namematch.score.ScoreConfig`, which the prepared names carry).
A pair at ``agree_from`` or above *agrees* (two spellings of one name element), as
does an initial and a name it begins; a weaker pair is a *look-alike* (two different elements that resemble each other) and
leaves both units unaligned. Crossing pairs that can swap without loss are swapped back
(a repeated name must not read as a reordered one); adjacent units left over on one side
may match one unit of the other joined (split and merged units: Mohammad Reza ~
Mohammadreza). What the pairs mean — agreement, a differing element, a reordered chain —
is for the rules (``namematch.score._rules``) to say.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from typing import Any, Final

from namematch._data import data_lines
from namematch._folding import fold_latin
from namematch.score._units import INITIAL_MATCH, _Prepared, _Unit, in_window

#: A unit-pair similarity and its method; a function giving it for two units.
Similarity = tuple[float, str]
UnitSim = Callable[[_Unit, _Unit], Similarity]
#: The joined-spelling similarity of adjacent units (i, i+1) of one name against unit j of the other.
MergeSim = Callable[[_Prepared, int, _Unit], float]

class Alignment:
    """Two prepared names and how their units pair off.

    ``matched``: ``(i, j, similarity, method)`` per agreeing unit pair (``i`` in ``a``);
    ``merged``: ``(units of a, units of b, similarity)`` per split/merged pair; ``used_a``
    / ``used_b``: the units aligned either way; ``inverted``: the aligned order of the
    single pairs goes back somewhere; ``order``: the single pairs' ``(i, j)``, sorted;
    ``lookalike``: ``(i, j, similarity, method)`` per look-alike pair (both units unaligned).
    """

    __slots__ = ("_partners", "a", "b", "fewer", "inverted", "lookalike", "matched", "merged", "order", "used_a",
                 "used_b")  # fmt: skip

    def __init__(
        self,
        a: _Prepared,
        b: _Prepared,
        matched: list[tuple[int, int, float, str]],
        merged: list[tuple[tuple[int, ...], tuple[int, ...], float]],
        used_a: set[int],
        used_b: set[int],
        inverted: bool,
        order: list[tuple[int, int]],
        lookalike: list[tuple[int, int, float, str]],
    ) -> None:
        self.a = a
        self.b = b
        self.matched = matched
        self.merged = merged
        self.used_a = used_a
        self.used_b = used_b
        self.inverted = inverted
        self.order = order
        self.lookalike = lookalike
        n, m = len(a.units), len(b.units)
        self.fewer = n if n < m else m
        self._partners: tuple[int | None, int | None] | None = None

    def partners(self) -> tuple[int | None, int | None]:
        """What the first unit of ``a`` aligned with in ``b``, and the first of ``b`` in ``a``
        (a split/merged pair counts: Mohammad of "Mohammad Reza" aligns with "Mohammadreza");
        found once (two rules read it)."""
        if self._partners is None:
            self._partners = self._find_partners()
        return self._partners

    def _find_partners(self) -> tuple[int | None, int | None]:
        pa = pb = None
        for i, j, _s, _m in self.matched:
            if i == 0:
                pa = j
            if j == 0:
                pb = i
        for ia, jb, _s in self.merged:
            if 0 in ia:
                pa = jb[0]
            if 0 in jb:
                pb = ia[0]
        return pa, pb


def similar_pairs(
    a: _Prepared, b: _Prepared, rows: dict[str, dict[str, Similarity]], unit_sim: UnitSim
) -> list[tuple[float, int, int, str]]:
    """``(-similarity, i, j, method)`` of every unit pair at ``min_pair_similarity`` (of the
    scorer's configuration) or above (``rows``: cached similarities by unit ckeys; ``unit_sim``
    for the rest)."""
    sims: list[tuple[float, int, int, str]] = []
    least = a.config.min_pair_similarity
    empty: dict[str, Similarity] = {}
    units_b, family_a, family_b = b.units, a.family_idx, b.family_idx
    for i, u in enumerate(a.units):
        row = rows.get(u.ckey, empty)
        given = i not in family_a
        for j, v in enumerate(units_b):
            hit = row.get(v.ckey)
            if hit is None:
                hit = unit_sim(u, v)
            s = hit[0]
            # a given name and its feminine form never pair off (gendered_pair), even where a
            # shared key lifts them to 1.0 (Jaroslav ~ Jaroslava)
            if s >= least and (u.core == v.core or not given or j in family_b or not gendered_pair(u, v)):
                sims.append((-s, i, j, hit[1]))
    return sims


#: A masculine stem whose feminine adds a final -a/-ah/-eh (Latin) or ة/ه (Arabic script) ends
#: in a consonant: after a vowel (Musa, Issa) or a long-vowel letter a final vowel more or less
#: is a spelling.
_LATIN_VOWELS: Final = frozenset("aeiouy")
_ARABIC_LONG: Final = frozenset("اويىةهء")
_FEMININE_ARABIC: Final = ("ة", "ه")
#: How a Latin feminine given name ends where its masculine ends otherwise: (masculine ending,
#: feminine ending); an empty masculine ending stands after a consonant. A final -a, -ah or -eh
#: (Samir ~ Samira, Karim ~ Karimah, Hamid ~ Hamideh, Ivan ~ Ivana), -ia or -ya for a final i
#: or y (Sami ~ Samia, Fawzi ~ Fawzia, Yevgeniy ~ Yevgeniya; -i ~ -ia only after a name of two
#: syllables: a longer name's final -ia is often spelled -i, Zakaria ~ Zakari, Natalia ~ Natali), the French -e after s, -lle, -nne, -ine and -ette
#: (Louis ~ Louise, Michel ~ Michelle, Jean ~ Jeanne, Paul ~ Pauline, Henri ~ Henriette), the
#: Romance -o/-a (Mario ~ Maria) and -er/-ra (Peter ~ Petra, Alexander ~ Alexandra). A bare
#: French or Portuguese final -e (Hassane, Ousmane, Amine) is a spelling, not a gender.
_FEMININE_LATIN: Final = (
    ("", "a"), ("", "ah"), ("", "eh"), ("i", "ia"), ("y", "ya"), ("s", "se"), ("l", "lle"), ("n", "nne"),
    ("", "ine"), ("", "ette"), ("i", "iette"), ("o", "a"), ("er", "ra"),
)  # fmt: skip


@functools.cache
def _gender_table() -> frozenset[tuple[str, str]]:
    """The (masculine, feminine) given names of ``data/given_name_genders.tsv``, each pair
    in both orders."""
    pairs: set[tuple[str, str]] = set()
    for line in data_lines("given_name_genders.tsv"):
        m, _, f = line.partition("\t")
        pairs.update(((m.strip(), f.strip()), (f.strip(), m.strip())))
    return frozenset(pairs)


def _vowel_groups(word: str) -> int:
    """How many runs of vowel letters a Latin word has (about its syllables: Sami 2, Zakari 3)."""
    return len(_VOWEL_RUNS.findall(word))


_VOWEL_RUNS: Final = re.compile("[aeiouy]+")


def _latin_feminine(m: str, f: str) -> bool:
    """Whether the Latin given name ``f`` is the feminine form of ``m`` (:data:`_FEMININE_LATIN`):
    ``f`` with its feminine ending turned back is ``m``, or spelled alike (fold_latin: Michael ~
    Michelle through Michel, Hamed ~ Hamida through Hamid). ``m`` must not end as a feminine
    does (Fatima ~ Fatma, Hamza ~ Hamzah are spellings of one name)."""
    for me, fe in _FEMININE_LATIN:
        if not (f.endswith(fe) and m.endswith(me)) or len(f) <= len(fe):
            continue
        back = f[: len(f) - len(fe)] + me
        if len(back) < (5 if me == "o" else 3) or (not me and back[-1] in _LATIN_VOWELS):
            continue
        if me == "i" and fe == "ia" and _vowel_groups(back) > 2:
            continue  # (a longer name's final -ia spelled -i: Zakaria ~ Zakari, Natalia ~ Natali)
        if back == m or (len(back) >= 4 and fold_latin(back) == fold_latin(m)):
            return True
    return False


def gendered_pair(u: _Unit, v: _Unit) -> bool:
    """Whether two units are a masculine given name and its feminine form (Samir ~ Samira,
    Karim ~ Karimah, Hamid ~ Hamideh, حميد ~ حميده, Samira ~ سمير, Mario ~ Maria, Michael ~
    Michelle, Jean ~ Jeanne, Peter ~ Petra; and the pairs of ``data/given_name_genders.tsv``:
    Martin ~ Martine, Nicolas ~ Nicole): not listed as one name. They look alike and share
    a phonetic key, but they are two persons' names, so as given names they never pair off.
    A French or Portuguese final -e (Hassane, Ousmane) is a spelling, not a gender, and stays a
    variant; so does any pair the lexicon groups, a compound (Aminullah ~ امين is a reduced
    form), and family names (Aziz ~ Azizah on one person's list entries; Lukashenka ~
    Lukashenko, Belarusian and Russian) are not read this way."""
    if not u.groups.isdisjoint(v.groups) or u.head or v.head or u.tail or v.tail:
        return False
    if u.arabic != v.arabic:
        # across scripts: a Latin name ending in -a against an Arabic-script one ending in a
        # consonant letter, which would write the ending (Samira ~ سمير, not سميرة); a Latin -ah
        # or -eh often spells ح there (Faleh ~ فالح), so only a bare -a counts. Or a Latin name
        # ending in a consonant against an Arabic-script one ending in ه after a consonant
        # (Samir ~ سميرة, normalised سميره), unless the Latin ends in the h that ه spells
        # (Abdullah ~ عبدالله).
        latin, arabic = (v.core, u.core) if u.arabic else (u.core, v.core)
        if len(arabic) < 3 or len(latin) < 4 or not latin.isalpha():
            return False
        if latin.endswith("a"):
            return latin[-2] not in _LATIN_VOWELS and arabic[-1] not in _ARABIC_LONG
        return (latin[-1] not in _LATIN_VOWELS and latin[-1] != "h" and arabic[-1] == "ه"
                and arabic[-2] not in _ARABIC_LONG)  # fmt: skip
    if u.arabic:
        short, long_ = (u.core, v.core) if len(u.core) < len(v.core) else (v.core, u.core)
        if len(short) < 3 or not long_.startswith(short):
            return False
        return short[-1] not in _ARABIC_LONG and long_[len(short):] in _FEMININE_ARABIC
    x, y = u.core, v.core
    return x.isalpha() and y.isalpha() and (
        _latin_feminine(x, y) or _latin_feminine(y, x) or (x, y) in _gender_table())


def align(
    a: _Prepared, b: _Prepared, sims: list[tuple[float, int, int, str]], merge_sim: MergeSim | None
) -> Alignment:
    """The alignment of two names given their similar unit pairs (:func:`similar_pairs`);
    ``merge_sim`` None when no split/merged units can align (the score matrix proves it of
    most pairs), which are then not looked for."""
    sims.sort()
    used_a: set[int] = set()
    used_b: set[int] = set()
    matched: list[tuple[int, int, float, str]] = []
    lookalike: list[tuple[int, int, float, str]] = []
    taken_a: set[int] = set()
    taken_b: set[int] = set()
    agree_from = a.config.agree_from
    for neg_s, i, j, method in sims:
        if i in taken_a or j in taken_b:
            continue
        taken_a.add(i)
        taken_b.add(j)
        if -neg_s >= agree_from or method == INITIAL_MATCH:
            used_a.add(i)
            used_b.add(j)
            matched.append((i, j, -neg_s, method))
        else:
            lookalike.append((i, j, -neg_s, method))
    displaced: list[tuple[tuple[int, ...], tuple[int, ...], float]] = []
    if merge_sim is not None and matched and (len(used_a) < len(a.units) or len(used_b) < len(b.units)):
        matched, displaced = _displace(a, b, matched, used_a, used_b, merge_sim)
    inverted = False
    order: list[tuple[int, int]] = []
    if len(matched) > 1:
        order = sorted([(i, j) for i, j, _, _ in matched])
        inverted = bool(descents([j for _, j in order]))
        if inverted:
            matched = _uncross(matched, sims)
            order = sorted([(i, j) for i, j, _, _ in matched])
            inverted = bool(descents([j for _, j in order]))
    if merge_sim is None:
        return Alignment(a, b, matched, [], used_a, used_b, inverted, order, lookalike)
    merged = merge_candidates(a, b, used_a, used_b, merge_sim)
    merged_pairs = displaced
    for i, j, s in merged:
        ia = i if isinstance(i, tuple) else (i,)
        jb = j if isinstance(j, tuple) else (j,)
        if used_a.isdisjoint(ia) and used_b.isdisjoint(jb):
            used_a.update(ia)
            used_b.update(jb)
            merged_pairs.append((ia, jb, s))
    if merged_pairs and lookalike:
        lookalike = [p for p in lookalike if p[0] not in used_a and p[1] not in used_b]
    return Alignment(a, b, matched, merged_pairs, used_a, used_b, inverted, order, lookalike)


def _displace(
    a: _Prepared,
    b: _Prepared,
    matched: list[tuple[int, int, float, str]],
    used_a: set[int],
    used_b: set[int],
    merge_sim: MergeSim,
) -> tuple[list[tuple[int, int, float, str]], list[tuple[tuple[int, ...], tuple[int, ...], float]]]:
    """Agreeing pairs a split unit explains better: a unit left over beside one of the pair
    that, joined to it, spells the other unit more closely than the unit alone (a syllable of
    a name written apart: Huning ~ هو نينغ, where نينغ alone resembles Huning). Such a pair
    becomes a split/merged pair (``used_a``/``used_b`` updated in place); returns the
    remaining agreeing pairs and the split/merged ones."""
    kept: list[tuple[int, int, float, str]] = []
    displaced: list[tuple[tuple[int, ...], tuple[int, ...], float]] = []
    merge_from, merge_cap = a.config.merge_from, a.config.merge_cap
    for i, j, s, method in matched:
        if s < merge_cap and method != INITIAL_MATCH:
            in_b = _split_of(b, j, a, i, used_b, merge_sim)  # unit j of b and a neighbour ~ unit i of a
            in_a = _split_of(a, i, b, j, used_a, merge_sim)
            split = in_b if in_a is None or (in_b is not None and in_b[2] >= in_a[2]) else in_a
            if split is not None and split[2] >= merge_from and min(split[2], merge_cap) > s:
                first, neighbour, sim = split
                if split is in_b:
                    used_b.add(neighbour)
                    displaced.append(((i,), (first, first + 1), min(sim, merge_cap)))
                else:
                    used_a.add(neighbour)
                    displaced.append(((first, first + 1), (j,), min(sim, merge_cap)))
                continue
        kept.append((i, j, s, method))
    return kept, displaced


def displaced(a: _Prepared, b: _Prepared, i: int, j: int, s: float, method: str, merge_sim: MergeSim) -> bool:
    """Whether the agreeing pair ``(i, j)``, the only units aligned, is one a split unit explains
    better (:func:`_displace` would make it a split/merged pair)."""
    return bool(_displace(a, b, [(i, j, s, method)], {i}, {j}, merge_sim)[1])


def _split_of(
    p: _Prepared, k: int, q: _Prepared, m: int, used: AbstractSet[int], merge_sim: MergeSim
) -> tuple[int, int, float] | None:
    """The better of unit ``k`` of ``p`` joined with a free neighbour against unit ``m`` of
    ``q``: ``(first index of the joined pair, the neighbour, similarity)``, or None when neither
    neighbour is free or the joined pair is out of the length window."""
    size, fsize = q.sizes[m], q.fold_sizes[m]
    best: tuple[int, int, float] | None = None
    for first, lo, hi, flo, fhi, _key in p.adjacent:
        if first not in (k - 1, k) or not in_window(lo, hi, flo, fhi, size, fsize):
            continue
        neighbour = first if first == k - 1 else first + 1
        if neighbour in used:
            continue
        sim = merge_sim(p, first, q.units[m])
        if best is None or sim > best[2]:
            best = (first, neighbour, sim)
    return best


def merge_candidates(
    a: _Prepared, b: _Prepared, used_a: AbstractSet[int], used_b: AbstractSet[int], merge_sim: MergeSim
) -> list[tuple[Any, Any, float]]:
    """The split/merged pairs alignment may take once the units ``used_a``/``used_b`` are
    aligned (:func:`merges` both ways, where the units left over allow one): ``(units of a,
    units of b, similarity)``, a pair of adjacent units given as a tuple, a single unit as its index."""
    n, m = len(a.units), len(b.units)
    merged: list[tuple[Any, Any, float]] = []
    # (a joined pair must be about as long as one unit of the other name: in_window)
    if n - len(used_a) >= 2 and m > len(used_b) and a.adjacent and a.least_joined <= b.max_single:
        merged += merges(a, b, used_a, used_b, merge_sim)
    if m - len(used_b) >= 2 and n > len(used_a) and b.adjacent and b.least_joined <= a.max_single:
        merged += [(j, i, s) for (i, j, s) in merges(b, a, used_b, used_a, merge_sim)]
    return merged


def merges(
    a: _Prepared, b: _Prepared, used_a: AbstractSet[int], used_b: AbstractSet[int], merge_sim: MergeSim
) -> list[tuple[tuple[int, int], int, float]]:
    """Adjacent unaligned units of ``a`` that together match one unaligned unit of ``b``."""
    out: list[tuple[tuple[int, int], int, float]] = []
    sizes, fold_sizes = b.sizes, b.fold_sizes
    merge_from, merge_cap = a.config.merge_from, a.config.merge_cap
    for i, lo, hi, flo, fhi, _key in a.adjacent:
        if i in used_a or i + 1 in used_a:
            continue
        for j, v_size in enumerate(sizes):
            if j in used_b or not in_window(lo, hi, flo, fhi, v_size, fold_sizes[j]):
                continue
            best = merge_sim(a, i, b.units[j])
            if best >= merge_from:
                out.append(((i, i + 1), j, min(best, merge_cap)))
    return out


def any_merge(a: _Prepared, b: _Prepared, merge_sim: MergeSim) -> bool:
    """Whether two adjacent units of ``a`` joined match a unit of ``b``, every unit free:
    :func:`merges` with nothing used is not empty (the scorer's early test of a pair with no
    similar unit pair, on the hot path: it stops at the first, without building the list)."""
    merge_from, sizes, fold_sizes, units = a.config.merge_from, b.sizes, b.fold_sizes, b.units
    for i, lo, hi, flo, fhi, _key in a.adjacent:
        for j, v_size in enumerate(sizes):
            if in_window(lo, hi, flo, fhi, v_size, fold_sizes[j]) and merge_sim(a, i, units[j]) >= merge_from:
                return True
    return False


def _uncross(
    matched: list[tuple[int, int, float, str]], sims: list[tuple[float, int, int, str]]
) -> list[tuple[int, int, float, str]]:
    """The greedy alignment (which crosses) with crossing pairs swapped where the swap loses no similarity.

    Greedy alignment takes equally similar pairs in position order, so a repeated
    name can cross ("Chang Chang Ha" ~ "Jang Chang Ha": the first Chang takes the
    exact Chang, the second the variant Jang) and read as a reordered name. Two
    crossing pairs whose swapped partners are as similar are swapped back.
    """
    sim = {(i, j): (-neg, method) for neg, i, j, method in sims}
    out = sorted(matched)
    changed = True
    while changed:
        changed = False
        for x in range(len(out)):
            for y in range(x + 1, len(out)):
                i1, j1, s1, _ = out[x]
                i2, j2, s2, _ = out[y]
                if j1 < j2:
                    continue
                p, q = sim.get((i1, j2)), sim.get((i2, j1))
                if p is not None and q is not None and p[0] + q[0] >= s1 + s2 - 1e-9:
                    out[x], out[y] = (i1, j2, p[0], p[1]), (i2, j1, q[0], q[1])
                    changed = True
    return out


def descents(js: Sequence[int]) -> list[int]:
    """Positions ``k`` where ``js[k] > js[k + 1]``: where an aligned order goes back."""
    return [k for k in range(len(js) - 1) if js[k] > js[k + 1]]


def is_rotation(pairs: Sequence[tuple[int, int]]) -> bool:
    """True when the aligned order is the other name's order rotated: the
    family name moved to the front or back ("Aweys Hassan Dahir" for "Hassan
    Dahir Aweys"), as lists print names, rather than a reordered nasab chain."""
    js = [j for _, j in pairs]
    return len(descents(js)) == 1 and js[-1] < js[0]
