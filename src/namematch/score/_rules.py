"""What an alignment says: features and structure rules (part of :mod:`namematch.score`).

Each rule is a function of an :class:`~namematch.score._align.Alignment` that returns a
:data:`Finding`, its value and its reason (the reason is empty when the rule does not
fire). :func:`features` runs them in order and gives the feature vector the model weighs
(:data:`namematch.score._model.FEATURES`) and the reasons ``explain`` reports, from the
same results.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Final

from namematch import lexicon as _lexicon
from namematch._data import data_lines
from namematch.score._align import Alignment, UnitSim, descents, is_rotation
from namematch.score._units import NEAR_FAMILY, _Prepared, _Unit, evidence

#: A rule's value and its reason ("" when it does not fire).
Finding = tuple[float, str]
NO: Final[Finding] = (0.0, "")

#: Name elements rarer than this count as distinctive (see namematch.lexicon.rarity).
COMMON_RARITY: Final = 0.3
#: Below this similarity two unaligned first names are different names even when one is
#: not listed (the sibling rule needs them different; a romanisation the lexicon does not
#: know may align them weakly: MEHREZ ~ محرز at 0.55 without the lexicon).
_UNLIKE: Final = 0.5
#: Given names (not family names) that must align, in order and from the first, for a
#: family-name or nisba conflict not to count (see :func:`chain_agrees`) ...
_CHAIN_AGREES: Final = 3
#: ... each at this similarity or above, and the rarest of them at least :data:`COMMON_RARITY`.
_CHAIN_MATCH: Final = 0.8
#: Matched information below this is weak evidence (reported, not a feature).
_WEAK_INFORMATION: Final = 0.6
#: Matched information counts up to this much.
_INFORMATION_CAP: Final = 3.0


class Evidence:
    """What the aligned pairs bring: coverage of each name by evidence-weighted matched
    weight (shorter name first), matched information, the weakest pair's evidence, the
    rarest matched element's rarity x evidence, the weight left unmatched on both sides
    (the smaller), and whether only initials aligned."""

    __slots__ = ("cov_long", "cov_short", "information", "only_initials", "rarest", "unmatched_both", "weakest")

    def __init__(self, al: Alignment) -> None:
        pa, pb = al.a, al.b
        ua, ub = pa.units, pb.units
        w_a, w_b = pa.weights, pb.weights
        got_a = got_b = hit_a = hit_b = info = 0.0
        weakest = 1.0
        rarest = 0.0
        only_initials = not al.merged
        weighed: list[tuple[float, float, float]] = []
        for i, j, s, _ in al.matched:
            ev = evidence(s)
            x, y = ua[i], ub[j]
            if not (x.initial or y.initial):
                only_initials = False
                r = (x.rarity if x.rarity < y.rarity else y.rarity) * ev
                if r > rarest:
                    rarest = r
            weighed.append((ev, w_a[i], w_b[j]))
        for ia, jb, s in al.merged:
            weighed.append((evidence(s), sum(w_a[i] for i in ia), sum(w_b[j] for j in jb)))
        for ev, wa, wb in weighed:
            got_a += ev * wa
            got_b += ev * wb
            hit_a += wa
            hit_b += wb
            info += ev * (wa + wb) / 2
            if ev < weakest:
                weakest = ev
        cov_a = got_a / (pa.weight_sum or 1.0)
        cov_b = got_b / (pb.weight_sum or 1.0)
        left_a, left_b = pa.weight_sum - hit_a, pb.weight_sum - hit_b
        unmatched = left_a if left_a < left_b else left_b
        if not weighed:
            weakest = 0.0
        if only_initials:
            cov_a = cov_b = info = weakest = rarest = 0.0  # initials alone are no evidence of identity
        n, m = len(ua), len(ub)
        if n == m:
            self.cov_short, self.cov_long = (cov_a, cov_b) if cov_a < cov_b else (cov_b, cov_a)
        else:
            self.cov_short, self.cov_long = (cov_a, cov_b) if n < m else (cov_b, cov_a)
        self.information = info if info < _INFORMATION_CAP else _INFORMATION_CAP
        self.weakest = weakest
        self.rarest = rarest
        self.unmatched_both = unmatched if unmatched > 1e-9 else 0.0
        self.only_initials = only_initials


# -- family names and nisbas -------------------------------------------------------


def _unaligned_family(al: Alignment) -> tuple[list[int], list[int]]:
    return ([i for i in al.a.family_idx if i not in al.used_a], [j for j in al.b.family_idx if j not in al.used_b])


def _near_family(ua: Sequence[_Unit], ub: Sequence[_Unit], fam_a: Sequence[int], fam_b: Sequence[int],
                 sim: UnitSim) -> bool:  # fmt: skip
    """Whether two unaligned family names are near spellings (KASHLAF ~ KHUSHLAF): too far
    apart to count as a match, too close to count as evidence against."""
    return any(sim(ua[i], ub[j])[0] >= NEAR_FAMILY for i in fam_a for j in fam_b)


def family_names_differ(a: _Prepared, b: _Prepared, fam_a: Sequence[int], fam_b: Sequence[int],
                        sim: UnitSim) -> tuple[bool, bool]:  # fmt: skip
    """Whether the unaligned family names ``fam_a``/``fam_b`` differ (both present and not
    near spellings), and whether they are two different nisbas (al-Dulaimi vs al-Tikriti)."""
    differ = bool(fam_a and fam_b) and not _near_family(a.units, b.units, fam_a, fam_b, sim)
    return differ, differ and any(a.units[i].article for i in fam_a) and any(b.units[j].article for j in fam_b)


def family_conflict(al: Alignment, sim: UnitSim) -> tuple[Finding, Finding]:
    """Two different family names or nisbas, both present (a shared family name makes a
    second, different one no conflict: a double surname's other half; a second nisba
    still is one): ``(family conflict, nisba conflict)``, each with its reason."""
    fam_a, fam_b = _unaligned_family(al)
    differ, nisba = family_names_differ(al.a, al.b, fam_a, fam_b, sim)
    shared = any(i in al.used_a for i in al.a.family_idx) and any(j in al.used_b for j in al.b.family_idx)
    if not (nisba or (differ and not shared)):
        return NO, NO
    names = ", ".join(al.a.units[i].text for i in fam_a) + " vs " + ", ".join(al.b.units[j].text for j in fam_b)
    reason = f"family name conflict: {names}"
    return ((0.0, reason), (1.0, reason)) if nisba else ((1.0, reason), NO)


def chain_agrees(al: Alignment) -> Finding:
    """Whether the names share an ism-and-nasab chain, which outweighs a family-name or nisba
    conflict: the first names and at least two more given names align in order (not initials;
    two of them at least listed in the lexicon), the rarest of them not a common name.
    "Bashar Sabawi Ibrahim Hasan al-Bayjat" and "... al-Tikriti" are one man filed under a
    tribe's and a town's nisba; "Ahmed Hassan Ali al-Dulaimi" and "... al-Tikriti" may be two."""
    if al.inverted:
        return NO
    ua, ub = al.a.units, al.b.units
    fam_a, fam_b = al.a.family_idx, al.b.family_idx
    chain = [
        (i, j)
        for i, j, s, _m in al.matched
        if s >= _CHAIN_MATCH and i not in fam_a and j not in fam_b and not (ua[i].initial or ub[j].initial)
    ]
    if len(chain) < _CHAIN_AGREES or (0, 0) not in chain:
        return NO
    if sum(1 for i, j in chain if ua[i].groups or ub[j].groups) < 2:
        return NO  # not a chain of known given names (Burmese "Daw Than Than" is no nasab)
    if max(min(ua[i].rarity, ub[j].rarity) for i, j in chain) < COMMON_RARITY:
        return NO
    fa, fb = _unaligned_family(al)
    names = ", ".join(ua[i].text for i in fa) + " vs " + ", ".join(ub[j].text for j in fb)
    return 1.0, f"family names differ ({names}), but three or more given names agree in order: not counted against"


# -- first names -----------------------------------------------------------------------


def first_name_conflict(al: Alignment) -> Finding:
    """The first name (ism) is the person's own: a different or missing one on either side
    usually means a relative ("Omar Sabawi Ibrahim" is Sabawi's son)."""
    ua, ub = al.a.units, al.b.units
    if al.fewer < 2 or ua[0].initial or ub[0].initial:
        return NO
    pa, pb = al.partners()
    if pa != 0 and (pa is None or pb is None):
        return 1.0, f"first names differ: {ua[0].text} vs {ub[0].text}"
    return NO


# -- order and relatives -------------------------------------------------------------------


def _family_moved(pairs: Sequence[tuple[int, int]], family_a: Sequence[int], family_b: Sequence[int]) -> bool:
    """True when the only reordering is one family name moved to the front or back
    ("Hamroui Kamel ben Mouldi" for "Kamal ben al-Mouldi ... al-Hamraoui"): the
    chain of given names, lineage particles included, keeps its order."""
    if not is_rotation(pairs):
        return False
    cut = descents([j for _, j in pairs])[0] + 1
    if cut == 1:
        moved = pairs[0]
    elif cut == len(pairs) - 1:
        moved = pairs[-1]
    else:
        return False
    return moved[0] in family_a or moved[1] in family_b


def _given_names_reversed(pairs: Sequence[tuple[int, int]], family_a: Sequence[int], family_b: Sequence[int]) -> bool:
    """True when two aligned given names stand in the other order on the other side
    (a reordered nasab chain), not only a family name among them: "VALENCIA CORNELIO,
    Armando" vs "CORNELIO VALENCIA, Armando" reorder surnames, as lists do."""
    return bool(descents([j for i, j in pairs if i not in family_a and j not in family_b]))


def nasab_reversed(al: Alignment) -> tuple[Finding, Finding]:
    """A reordered name: ``(nasab order reversed, name order differs)``. With a lineage
    particle (bin, ibn, ben, ould) any reordering of the chain counts as reversed (unless a
    family name only moved to the front or back); without one, two given names that change
    order in names of three units or more. Other reorderings are an order swap (given and
    family written in the other order, reordered double surnames)."""
    if not al.inverted:
        return NO, NO
    pa, pb, pairs = al.a, al.b, al.order
    if ((pa.has_lineage or pb.has_lineage) and not _family_moved(pairs, pa.family_idx, pb.family_idx)) or (
        al.fewer >= 3 and not is_rotation(pairs) and _given_names_reversed(pairs, pa.family_idx, pb.family_idx)
    ):
        return (1.0, "nasab order reversed (X bin Y is not Y bin X)"), NO
    return NO, (1.0, "name order differs (given/family swapped)")


def arabic_structure(pa: _Prepared, pb: _Prepared) -> bool:
    """Whether two names read as Arabic name chains: one is in Arabic script, one has a
    lineage particle (bin), or both carry a nisba (al-...)."""
    return (
        pa.arabic or pb.arabic or pa.has_lineage or pb.has_lineage
        or (any(u.article for u in pa.units) and any(u.article for u in pb.units))
    )  # fmt: skip


@functools.cache
def _prefix_names() -> tuple[frozenset[str], frozenset[int]]:
    """The forms of ``data/prefix_names.txt`` and their lexicon group ids (once per lexicon)."""
    forms = frozenset(data_lines("prefix_names.txt"))
    return forms, frozenset(g for f in forms for g in _lexicon._group_ids(f))


_lexicon._on_change.append(_prefix_names.cache_clear)


def is_prefix_name(unit: _Unit) -> bool:
    """Whether a unit is a name often written before a person's own name (a devotional
    Muhammad, a title-like Hafiz, Agha, Khan…: ``data/prefix_names.txt``), or a spelling of one."""
    forms, groups = _prefix_names()
    return unit.core in forms or unit.norm in forms or not unit.groups.isdisjoint(groups)


def parent_and_child(al: Alignment) -> Finding:
    """One name is the other's whole nasab after a listed given name: the parent and the
    child ("Saja Barzan Ibrahim Hasan al-Tikriti" is the daughter of Barzan Ibrahim Hasan
    al-Tikriti). A leading Muhammad, Hafiz, Agha… (often a prefix or a title) is not counted."""
    n, m = len(al.a.units), len(al.b.units)
    if al.fewer < 3 or al.merged or (n - m != 1 and m - n != 1) or len(al.matched) != al.fewer:
        return NO
    front = al.a.units[0] if n > m else al.b.units[0]  # the longer name's first unit, the one left over
    a_is_shorter = n < m
    for i, j, _s, _m in al.matched:
        short, long_ = (i, j) if a_is_shorter else (j, i)
        if long_ != short + 1:
            return NO
    if not front.groups or is_prefix_name(front) or not arabic_structure(al.a, al.b):
        return NO
    return 1.0, "one name is the other's nasab (parent and child)"


def siblings(al: Alignment, sim: UnitSim) -> Finding:
    """The same chain of two or more elements after different first names: siblings
    ("Qusay" / "Uday Saddam Hussein al-Tikriti", "Ali Taher Faleh" / "Tarak Taher Faleh")."""
    ua, ub = al.a.units, al.b.units
    fewer = al.fewer
    n, m = len(ua), len(ub)
    if fewer < 3 or al.merged or ua[0].initial or ub[0].initial:
        return NO
    if (n - m == 1 or m - n == 1) and len(al.matched) == fewer:
        return NO  # a parent and a child, if anything (see parent_and_child)
    pa, pb = al.partners()
    if pa is not None or pb is not None or len(al.matched) < fewer - 1:
        return NO
    placed = {i for i, j, _s, _m in al.matched if i == j}
    if not all(t in placed for t in range(1, fewer)) or not arabic_structure(al.a, al.b):
        return NO
    u, v = ua[0], ub[0]
    # different first names, not a spelling the romaniser missed: in one script, both listed, or unlike
    if not (u.arabic == v.arabic or (u.groups and v.groups) or sim(u, v)[0] < _UNLIKE):
        return NO
    return 1.0, "same nasab, different first names (siblings)"


# -- the features -------------------------------------------------------------------------


def features(al: Alignment, sim: UnitSim) -> tuple[tuple[float, ...], list[str]]:
    """The features of an alignment in :data:`namematch.score._model.FEATURES` order, and the
    reasons of the rules that fired (in the order ``explain`` reports them)."""
    pa, pb = al.a, al.b
    reasons: list[str] = []
    if pa.honorifics or pb.honorifics:
        reasons.append("honorifics/titles ignored: " + ", ".join(pa.honorifics + pb.honorifics))
    if al.merged:
        reasons.append("split/merged name units aligned")
    ev = Evidence(al)
    family, nisba = family_conflict(al, sim)
    if family[0] or nisba[0]:
        chain = chain_agrees(al)
        if chain[0]:
            family, nisba = NO, NO
            reasons.append(chain[1])
        else:
            reasons.append(family[1] or nisba[1])
    first = first_name_conflict(al)
    reversed_, swapped = nasab_reversed(al)
    relatives = NO
    if not reversed_[0]:
        relatives = parent_and_child(al)
        if not relatives[0]:
            relatives = siblings(al, sim)
    for finding in (first, reversed_, swapped, relatives):
        if finding[1]:
            reasons.append(finding[1])
    if ev.unmatched_both and ev.rarest < COMMON_RARITY and not ev.only_initials:
        # the cap of _model.combine: name it, whatever the model would have said
        reasons.append("only common name elements shared, and both names have parts the other lacks")
    elif ev.information < _WEAK_INFORMATION and (al.matched or al.merged):
        reasons.append("only common name elements matched: weak evidence")
    if any(u.homoglyphs for u in pa.units + pb.units):
        reasons.append("look-alike letters from another script folded (possible evasion)")
    values = (
        ev.cov_short,
        ev.cov_long,
        ev.information,
        ev.weakest,
        family[0],
        nisba[0],
        first[0],
        max(reversed_[0], relatives[0]),
        swapped[0],
        float(pa.arabic != pb.arabic),
        float(al.fewer == 1),
        ev.unmatched_both,
        ev.rarest,
    )
    return values, reasons


def unaligned_features(pa: _Prepared, pb: _Prepared, sim: UnitSim) -> tuple[float, ...]:
    """The features of two names none of whose units align (what :func:`features` gives for
    that case, without building the alignment: most pairs of different persons)."""
    ua, ub = pa.units, pb.units
    n, m = len(ua), len(ub)
    fewer = n if n < m else m
    differ, nisba = family_names_differ(pa, pb, pa.family_idx, pb.family_idx, sim)
    left_a, left_b = pa.weight_sum, pb.weight_sum
    unmatched = left_a if left_a < left_b else left_b
    return (
        0.0, 0.0, 0.0, 0.0,
        float(differ and not nisba),
        float(nisba),
        float(fewer >= 2 and not (ua[0].initial or ub[0].initial)),
        0.0, 0.0,
        float(pa.arabic != pb.arabic),
        float(fewer == 1),
        unmatched if unmatched > 1e-9 else 0.0,
        0.0,
    )  # fmt: skip
