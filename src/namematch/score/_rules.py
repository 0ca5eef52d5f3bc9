"""What an alignment says: features and structure rules (part of :mod:`namematch.score`).

Each rule is a function of an :class:`~namematch.score._align.Alignment` that returns a
:data:`Finding`, its value and its reason (the reason is empty when the rule does not
fire). :func:`features` runs them in order and gives the feature vector the model weighs
(:data:`namematch.score._model.FEATURES`) and the reasons ``explain`` reports, from the
same results.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Sequence
from typing import Final

from namematch._data import data_lines
from namematch.lexicon import Lexicon
from namematch.normalize import LATIN
from namematch.parse import cleric_honorifics, is_honorific
from namematch.score._align import Alignment, UnitSim, descents, is_rotation
from namematch.score._units import INITIAL_MATCH, REDUCED, SHORT_FORM, _Prepared, _Unit, evidence

#: A rule's value and its reason ("" when it does not fire).
Finding = tuple[float, str]
NO: Final[Finding] = (0.0, "")
_NO3: Final = (NO, NO, NO)

# The rules' thresholds (unlike, weak_information, information_cap) are fields of the
# scorer's ScoreConfig, read from the prepared names (namematch.score._config).


class Evidence:
    """What the agreeing pairs bring, each weighted by the rarity of its elements (a match on
    Mohammed says little, on Zarepour a lot): the evidence-weighted share of each name's
    weight that agrees, the information matched, and the weakest pair's evidence. Initials
    alone are no evidence of identity."""

    __slots__ = ("cov_a", "cov_b", "information", "only_initials", "rarest", "weakest")

    def __init__(self, al: Alignment) -> None:
        pa, pb = al.a, al.b
        ua, ub = pa.units, pb.units
        w_a, w_b = pa.weights, pb.weights
        got_a = got_b = info = 0.0
        weakest = 1.0
        rarest = 0.0
        only_initials = not al.merged
        # (each pair's evidence summed as it comes: matched pairs first, then merged ones)
        for i, j, s, _ in al.matched:
            ev = evidence(s)
            x, y = ua[i], ub[j]
            if not (x.initial or y.initial):
                only_initials = False
                r = (x.rarity if x.rarity < y.rarity else y.rarity) * ev
                if r > rarest:
                    rarest = r
            wa, wb = w_a[i], w_b[j]
            got_a += ev * wa
            got_b += ev * wb
            info += ev * (wa + wb) / 2
            if ev < weakest:
                weakest = ev
        for ia, jb, s in al.merged:
            ev = evidence(s)
            wa, wb = sum(w_a[i] for i in ia), sum(w_b[j] for j in jb)
            got_a += ev * wa
            got_b += ev * wb
            info += ev * (wa + wb) / 2
            if ev < weakest:
                weakest = ev
        if not (al.matched or al.merged) or only_initials:
            got_a = got_b = info = weakest = rarest = 0.0
        self.cov_a = got_a / (pa.weight_sum or 1.0)
        self.cov_b = got_b / (pb.weight_sum or 1.0)
        cap = pa.config.information_cap
        self.information = info if info < cap else cap
        self.weakest = weakest
        self.rarest = rarest
        self.only_initials = only_initials


def coverage(al: Alignment, ev: Evidence) -> Finding:
    """The share of the shorter name's weight that agrees, by evidence (two names of one length:
    the smaller share). What the longer name has besides is read by the rules against."""
    n, m = len(al.a.units), len(al.b.units)
    a, b = ev.cov_a, ev.cov_b
    return (min(a, b) if n == m else (a if n < m else b)), ""


def information(al: Alignment, ev: Evidence) -> Finding:
    """The information the agreeing elements carry (evidence x rarity weight, capped)."""
    if ev.information < al.a.config.weak_information and (al.matched or al.merged) and not ev.only_initials:
        return ev.information, "only common name elements agree: weak evidence"
    return ev.information, ""


def weakest_pair(ev: Evidence) -> Finding:
    """The evidence of the least sure agreeing pair."""
    return ev.weakest, ""


def rarest_match(ev: Evidence) -> Finding:
    """The rarity of the rarest agreeing element (x evidence): 0 when only names such as
    Mohammed and Ali agree, which namesakes share."""
    return ev.rarest, ""


# -- family names and nisbas -------------------------------------------------------


def family_names_differ(a: _Prepared, b: _Prepared, fam_a: Sequence[int], fam_b: Sequence[int]) -> tuple[bool, bool]:
    """Whether the unaligned family names ``fam_a``/``fam_b`` differ (both present: however
    alike their spellings, Rezaei and Rezvani are two names), and whether they are two
    different nisbas (al-Dulaimi vs al-Tikriti)."""
    differ = bool(fam_a and fam_b)
    return differ, differ and any(a.units[i].article for i in fam_a) and any(b.units[j].article for j in fam_b)


def family_conflict(al: Alignment, *, with_reasons: bool = True) -> tuple[Finding, Finding, Finding]:
    """Two different family names or nisbas, both present: ``(family conflict, nisba
    conflict, part conflict)``, each with its reason. Two different nisbas (al-Dulaimi vs
    al-Tikriti) are a nisba conflict; two different family names sharing no family name are a
    family conflict; one differing part of family names that share another (a double
    surname's other half: SOTO PARRA vs FRUTOS PARRA, which lists also drop or vary) is a
    part conflict. Without ``with_reasons`` the reasons are empty (the values are the same)."""
    pa, pb = al.a, al.b
    if not (pa.family_idx and pb.family_idx):
        return _NO3  # (a family name on one side only differs from nothing)
    used_a, used_b = al.used_a, al.used_b
    fam_a = [i for i in pa.family_idx if i not in used_a]
    fam_b = [j for j in pb.family_idx if j not in used_b] if fam_a else []
    differ, nisba = family_names_differ(pa, pb, fam_a, fam_b)
    if not differ:
        return _NO3
    if not with_reasons:
        if nisba:
            return NO, (1.0, ""), NO
        if len(fam_a) < len(pa.family_idx) and len(fam_b) < len(pb.family_idx):
            return NO, NO, (1.0, "")
        return (1.0, ""), NO, NO
    names = _family_names(pa, pb, fam_a, fam_b)
    if nisba:
        return NO, (1.0, "family name conflict: " + names), NO
    if len(fam_a) < len(pa.family_idx) and len(fam_b) < len(pb.family_idx):  # each shares a family name
        return NO, NO, (1.0, "family names differ in one part: " + names)
    return (1.0, "family name conflict: " + names), NO, NO


def _family_names(pa: _Prepared, pb: _Prepared, fam_a: Sequence[int], fam_b: Sequence[int]) -> str:
    """The differing family names, as a reason quotes them."""
    ua, ub = pa.units, pb.units
    return ", ".join([ua[i].text for i in fam_a]) + " vs " + ", ".join([ub[j].text for j in fam_b])


# -- first names -----------------------------------------------------------------------


def first_name_conflict(al: Alignment, *, with_reasons: bool = True) -> tuple[Finding, Finding]:
    """The first name (ism) is the person's own: ``(first names differ, a name in front)``.
    Two first names that align with nothing (or only look alike) are two persons' names,
    perhaps brothers; a first name on one side only, in front of the other's (a first name
    aligning with a later unit), is a child's name ("Omar Sabawi Ibrahim" is Sabawi's son) or
    another name before it (Daw). An honorific kept as a name (:func:`is_front_word`: Qari,
    Maulana) or a prefix name (:func:`is_prefix_name`: a devotional Muhammad, Hafiz, Malik)
    in front is neither: it does not count ("Muhammad Zafar Iqbal" ~ "Zafar Iqbal"). Without
    ``with_reasons`` the reasons are empty."""
    ua, ub = al.a.units, al.b.units
    if al.fewer < 2 or ua[0].initial or ub[0].initial:
        return NO, NO
    pa, pb = al.partners()
    if pa is None and pb is None:
        return (1.0, f"first names differ: {ua[0].text} vs {ub[0].text}" if with_reasons else ""), NO
    if pa is None or pb is None:
        extra, partner = (ua[0], pb) if pa is None else (ub[0], pa)
        if _title_in_front(extra, partner):
            return NO, NO  # an honorific (Qari) or a prefix name (Muhammad) before the name, not a child's name
        if not with_reasons:
            return NO, (1.0, "")
        return NO, (1.0, f"a name in front of the other's first name: {extra.text}")
    return NO, NO


def lone_name_conflict(al: Alignment) -> Finding:
    """A one-word name (not an initial) that agrees with no element of the other name is a
    differing element, like two first names that differ: "Rezaei" is not "Ahmad Rezvani",
    nor "Zulkarnan" "Barzan Ibrahim al-Tikriti". Initials alone explain nothing (an initial
    facing the word is no agreement), so they do not keep the rule from firing."""
    if al.fewer != 1 or al.matched or al.merged:
        return NO
    ua, ub = al.a.units, al.b.units
    lone = [u for u in (ua, ub) if len(u) == 1]
    if any(u[0].initial for u in lone):
        return NO
    return 1.0, f"a one-word name agrees with no element of the other: {lone[0][0].text}"


@functools.cache
def _east_asian_family_names() -> frozenset[str]:
    """The family names of ``data/east_asian_family_names.txt``."""
    return frozenset(line.strip() for line in data_lines("east_asian_family_names.txt"))


#: One or two syllables of a Chinese, Korean or Vietnamese romanisation: an onset of up to
#: three consonant letters, one to three vowel letters, a coda of those the languages close a
#: syllable with (Li, Qiang, Keqiang, Jong, Nguyen, Minh, Hyun; Park).
_SYLLABLES: Final = re.compile(
    r"(?:[bcdfghjklmnpqrstvwxyz]{0,3}[aeiouy]{1,3}(?:ng|nh|ch|rk|n|m|r|l|p|t|k|c)?){1,2}"
)


def _family_first_syllabic(p: _Prepared) -> bool:
    """Whether a Latin name reads as an East Asian name written family name first: its first
    element a Chinese, Korean or Vietnamese family name, every element one or two syllables."""
    units = p.units
    return (
        units[0].core in _east_asian_family_names()
        and all(u.script == LATIN and not u.initial and _SYLLABLES.fullmatch(u.core) for u in units)
    )


def syllabic_given_conflict(al: Alignment, *, with_reasons: bool = True) -> Finding:
    """A Chinese, Korean or Vietnamese given name of one syllable against one of two (Li Qiang,
    Li Ke Qiang; Kim Jong Un, Kim Un): written family name first, the given name is a whole
    of one or two syllables, so a syllable on one side only is another given name, not a
    dropped middle name (the same syllables split or joined are one name: Li Keqiang, Li Ke
    Qiang). Fires when the family names align, every element of one name aligns and the
    other has elements left; the Latin names must read as such names (an Arabic-script one is
    read by its Latin partner's shape). :func:`features` counts it as a first name that
    differs and one with a name more (the given name is the person's own, and one side has an
    element the other lacks). Without ``with_reasons`` the reason is empty."""
    pa, pb = al.a, al.b
    ua, ub = pa.units, pb.units
    if al.inverted or al.fewer < 2 or al.partners() != (0, 0):
        return NO
    n, m = len(ua), len(ub)
    full_a, full_b = len(al.used_a) == n, len(al.used_b) == m
    if full_a == full_b:
        return NO  # (nothing left, or something left on both sides: the other rules' case)
    latin = [p for p in (pa, pb) if not p.arabic]
    if not latin or not all(_family_first_syllabic(p) for p in latin):
        return NO
    rest, used = (ub, al.used_b) if full_a else (ua, al.used_a)
    extra = [u for k, u in enumerate(rest) if k not in used]
    if any(u.initial for u in extra):
        return NO
    if not with_reasons:
        return 1.0, ""
    return 1.0, "given names differ: a syllable on one side only: " + ", ".join([u.text for u in extra])


def chain_conflict(al: Alignment, *, with_reasons: bool = True) -> Finding:
    """Given names after the first that differ at the same place of the two names' chains
    (a father, a grandfather, a patronymic, a middle name): between two consecutive aligned
    elements, each given name of one name facing one of the other counts (extra ones are
    dropped names, not differences). "Khalid bin Saeed bin Ali" and "Khalid bin Nasser bin
    Ali" differ in the father; "Ivan Petrovich" and "Ivan Sergeyevich" in the patronymic.
    Without ``with_reasons`` the reason is empty (the count is the same)."""
    pa, pb = al.a, al.b
    if al.inverted or not pa.middle or not pb.middle:
        return NO
    ua, ub = pa.units, pb.units
    used_a, used_b = al.used_a, al.used_b
    # (each unit aligns once: no two anchors are alike)
    anchors = [(0, 0)] + [(i, j) for i, j, _s, _m in al.matched] + [(ia[0], jb[0]) for ia, jb, _s in al.merged]
    anchors.sort()
    anchors.append((len(ua), len(ub)))
    facing: list[tuple[int, int]] = []
    for (i0, j0), (i1, j1) in itertools.pairwise(anchors):
        if j1 < j0:
            return NO  # a merged pair out of order: no chain to compare
        i0 = i0 or 1  # (the first name is not in the chain)
        j0 = j0 or 1
        if i1 <= i0 or j1 <= j0:
            continue  # no given name between the two anchors on one side
        ga = [i for i in range(i0, i1) if i not in used_a and not ua[i].family]
        if ga:
            facing += zip(ga, [j for j in range(j0, j1) if j not in used_b and not ub[j].family])
    if not facing:
        return NO
    if not with_reasons:
        return float(len(facing)), ""
    return float(len(facing)), "names in the chain differ: " + ", ".join([f"{ua[x].text} vs {ub[y].text}" for x, y in facing])


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
    ua, ub = pa.units, pb.units
    if any(ua[i].initial or ub[j].initial for i, j in pairs):
        # an initial has no fixed place ("S. Adnan", "Adnan S."): the order is the names'
        pairs = [(i, j) for i, j in pairs if not (ua[i].initial or ub[j].initial)]
        if not descents([j for _, j in pairs]):
            return NO, (1.0, "name order differs (given/family swapped)")
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


@functools.lru_cache(maxsize=8)
def _prefix_names(lexicon: Lexicon) -> tuple[frozenset[str], frozenset[int]]:
    """The forms of ``data/prefix_names.txt`` and their group ids in ``lexicon`` (once per lexicon)."""
    forms = frozenset(data_lines("prefix_names.txt"))
    return forms, frozenset(g for f in forms for g in lexicon.group_ids(f))


def is_prefix_name(unit: _Unit) -> bool:
    """Whether a unit is a name often written before a person's own name (a devotional
    Muhammad, a title-like Hafiz, Agha, Khan…: ``data/prefix_names.txt``), or a spelling of one."""
    forms, groups = _prefix_names(unit.resources.lexicon)
    return unit.core in forms or unit.norm in forms or not unit.groups.isdisjoint(groups)


@functools.lru_cache(maxsize=8)
def _cleric_groups(lexicon: Lexicon) -> frozenset[int]:
    """The group ids in ``lexicon`` of a cleric's honorific (:func:`namematch.parse.cleric_honorifics`)."""
    return frozenset(g for form in cleric_honorifics() for g in lexicon.group_ids(form))


def is_front_word(unit: _Unit) -> bool:
    """Whether a unit is an honorific the parser kept as a name (Qari, Maulana, Haji as the
    only given name of a listing: "SAIFULLAH, Qari"), or a spelling the lexicon lists of a
    cleric's honorific (Kari of Qari: lists write both): in front of the other name's first
    name it is a title, no other person's name. (Only a cleric's: the lexicon groups Sayyid
    with the given names Said and Saeed.)"""
    if is_honorific(unit.norm) or is_honorific(unit.core):
        return True
    return bool(unit.groups) and not unit.groups.isdisjoint(_cleric_groups(unit.resources.lexicon))


def _title_in_front(unit: _Unit, partner: int | None) -> bool:
    """Whether the first unit of a name, which aligns with nothing, is a title or a prefix in
    front of the other name's first name, which aligns with unit ``partner`` of it: an
    honorific (:func:`is_front_word`) anywhere in front, a prefix name (:func:`is_prefix_name`)
    right in front of it ("Muhammad Zahid" ~ "Zahid"; not "Muhammad Tahir Hamid" ~ "Hamid")."""
    return is_front_word(unit) or (partner == 1 and is_prefix_name(unit))


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


def named_in_nasab(al: Alignment) -> Finding:
    """One name holds only names that stand after a lineage particle in the other's chain,
    whose own first name it lacks: it names a father or grandfather ("Salman" in
    "Mohammad bin Salman", "Salman bin Abdulaziz" in "Mohammad bin Salman bin Abdulaziz")."""
    for short, long_, flip in ((al.a, al.b, False), (al.b, al.a, True)):
        if not long_.has_lineage or len(short.units) >= len(long_.units):
            continue
        placed = [(j if not flip else i) for i, j, _s, _m in al.matched]
        if not placed or al.merged or 0 in placed or len(placed) != len(short.units):
            continue
        if long_.units[min(placed)].lineage and not any(long_.units[k].family for k in placed):
            return 1.0, "one name stands in the other's nasab (a father or forebear)"
    return NO


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
    if not (u.arabic == v.arabic or (u.groups and v.groups) or sim(u, v)[0] < al.a.config.unlike):
        return NO
    return 1.0, "same nasab, different first names (siblings)"


def all_agree(al: Alignment) -> Finding:
    """Every element of both names agrees with one of the other's as a spelling of it
    (exact, listed variant, romanisation, sound, merged units; not an initial, a short form
    nor a reduced form): only such pairs may score 0.99 or more."""
    pa, pb = al.a, al.b
    if len(al.used_a) < len(pa.units) or len(al.used_b) < len(pb.units):
        return NO
    if any(pa.units[i].initial or pb.units[j].initial or m in (SHORT_FORM, REDUCED) for i, j, _s, m in al.matched):
        return NO
    return 1.0, ""


# -- the features -------------------------------------------------------------------------


def features(al: Alignment, sim: UnitSim, *, with_reasons: bool = True) -> tuple[tuple[float, ...], list[str]]:
    """The features of an alignment in :data:`namematch.score._model.FEATURES` order, and the
    reasons of the rules that fired (in the order ``explain`` reports them). Without
    ``with_reasons`` the reasons are an empty list and what only they need (honorifics,
    look-alike letters) is not looked at: the values are the same."""
    pa, pb = al.a, al.b
    ua, ub = pa.units, pb.units
    reasons: list[str] = []
    if al.matched and not al.merged and _only_initials(al.matched, ua, ub):
        # initials alone are no evidence of identity, nor do they account for what they face
        al = Alignment(pa, pb, [], [], set(), set(), False, [], al.lookalike)
        reasons.append("only initials agree")
    if with_reasons:
        if pa.honorifics or pb.honorifics:
            reasons.append("honorifics/titles ignored: " + ", ".join(pa.honorifics + pb.honorifics))
        if al.merged:
            reasons.append("split/merged name units aligned")
    ev = Evidence(al)
    cover = coverage(al, ev)
    info = information(al, ev)
    family, nisba, part = family_conflict(al, with_reasons=with_reasons)
    first, extra = first_name_conflict(al, with_reasons=with_reasons)
    if not first[0]:
        first = lone_name_conflict(al)  # (the feature: a first name, or a lone name, that differs)
    if not (first[0] or extra[0]):
        first = syllabic_given_conflict(al, with_reasons=with_reasons)
        if first[0]:  # (the given name differs, and by a syllable more on one side: both findings)
            extra = (1.0, "")
    chain = chain_conflict(al, with_reasons=with_reasons)
    reversed_, swapped = nasab_reversed(al)
    relatives = NO
    if not reversed_[0]:
        relatives = parent_and_child(al)
        if not relatives[0]:
            relatives = siblings(al, sim)
        if not relatives[0]:
            relatives = named_in_nasab(al)
    against = family[0] or nisba[0] or part[0] or first[0] or extra[0] or chain[0] or reversed_[0] or relatives[0]
    agree = NO if against else all_agree(al)
    if with_reasons:
        for finding in (family, nisba, part, first, extra, chain, reversed_, swapped, relatives, info):
            if finding[1]:
                reasons.append(finding[1])
        if any(u.homoglyphs for u in ua + ub):
            reasons.append("look-alike letters from another script folded (possible evasion)")
    else:
        reasons.clear()
    values = (
        cover[0],
        info[0],
        weakest_pair(ev)[0],
        family[0],
        nisba[0],
        part[0],
        first[0],
        extra[0],
        chain[0],
        max(reversed_[0], relatives[0]),
        swapped[0],
        float(pa.arabic != pb.arabic),
        float(al.fewer == 1),
        rarest_match(ev)[0],
        agree[0],
    )
    return values, reasons


def _only_initials(matched: list[tuple[int, int, float, str]], ua: Sequence[_Unit], ub: Sequence[_Unit]) -> bool:
    """Whether every aligned pair has an initial on one side."""
    for i, j, _s, _m in matched:
        if not (ua[i].initial or ub[j].initial):
            return False
    return True


def feature_values(al: Alignment, sim: UnitSim) -> tuple[float, ...]:
    """The features of :func:`features` without the reasons (scoring, the score matrix)."""
    return features(al, sim, with_reasons=False)[0]


def unaligned_features(pa: _Prepared, pb: _Prepared) -> tuple[float, ...]:
    """The features of two names none of whose units align (what :func:`features` gives for
    that case, without building the alignment: most pairs of different persons)."""
    ua, ub = pa.units, pb.units
    n, m = len(ua), len(ub)
    fewer = n if n < m else m
    differ, nisba = family_names_differ(pa, pb, pa.family_idx, pb.family_idx)
    chain = min(len(pa.middle), len(pb.middle))
    if fewer >= 2:
        first = not (ua[0].initial or ub[0].initial)  # the first names differ
    else:  # a one-word name (not an initial) agrees with nothing (lone_name_conflict)
        first = not any(u[0].initial for u in (ua, ub) if len(u) == 1)
    return (
        0.0, 0.0, 0.0,
        float(differ and not nisba),
        float(nisba),
        0.0,
        float(first),
        0.0,
        float(chain),
        0.0, 0.0,
        float(pa.arabic != pb.arabic),
        float(fewer == 1),
        0.0,
        0.0,
    )  # fmt: skip



def one_pair_features(pa: _Prepared, pb: _Prepared, i: int, j: int, similarity: float, method: str) -> tuple[float, ...]:
    """The features of two names whose units align in one pair only, unit ``i`` of ``pa`` with
    unit ``j`` of ``pb`` (two words, ``similarity`` at ``agree_from`` or above, by ``method``),
    no split/merged units: what :func:`features` gives for that alignment, without building it
    (most pairs of a score matrix that share an element: a common given name and nothing else).

    Of the rules, one pair leaves no order to reverse, and no parent and child nor siblings
    (they need two aligned pairs or more); the chain compares the given names before the pair
    and those after it; a one-word name may stand in the other's nasab. (Written out for
    speed; a test holds it equal to the rules.)"""
    ua, ub = pa.units, pb.units
    n, m = len(ua), len(ub)
    ev = evidence(similarity)
    x, y = ua[i], ub[j]
    r = (x.rarity if x.rarity < y.rarity else y.rarity) * ev
    wa, wb = pa.weights[i], pb.weights[j]
    if n < m:
        fewer = n
        cover = ev * wa / (pa.weight_sum or 1.0)
    elif m < n:
        fewer = m
        cover = ev * wb / (pb.weight_sum or 1.0)
    else:
        fewer = n
        cov_a = ev * wa / (pa.weight_sum or 1.0)
        cov_b = ev * wb / (pb.weight_sum or 1.0)
        cover = cov_b if cov_b < cov_a else cov_a
    info = ev * (wa + wb) / 2
    cap = pa.config.information_cap
    if info >= cap:
        info = cap
    family = nisba = part = 0.0
    fi_a, fi_b = pa.family_idx, pb.family_idx
    if fi_a and fi_b:
        a_in, b_in = i in fi_a, j in fi_b
        if len(fi_a) > a_in and len(fi_b) > b_in:  # family names left unaligned on both sides: they differ
            if any(ua[k].article for k in fi_a if k != i) and any(ub[k].article for k in fi_b if k != j):
                nisba = 1.0
            elif a_in and b_in:
                part = 1.0
            else:
                family = 1.0
    first = extra = 0.0
    if fewer >= 2 and not (ua[0].initial or ub[0].initial):
        if i and j:  # neither first name aligned
            first = 1.0
        elif (i == 0) != (j == 0) and not (_title_in_front(ub[0], j) if i == 0 else _title_in_front(ua[0], i)):
            extra = 1.0  # one aligned with a later unit: a name in front of it (not an honorific nor a prefix)
    chain = 0
    if pa.middle and pb.middle:
        # before the pair (from the second unit on), then after it
        if i > 1 and j > 1:
            ga = 0
            for k in range(1, i):
                if not ua[k].family:
                    ga += 1
            if ga:
                gb = 0
                for k in range(1, j):
                    if not ub[k].family:
                        gb += 1
                chain += ga if ga < gb else gb
        i0, j0 = i or 1, j or 1
        if n > i0 and m > j0:
            ga = 0
            for k in range(i0, n):
                if k != i and not ua[k].family:
                    ga += 1
            if ga:
                gb = 0
                for k in range(j0, m):
                    if k != j and not ub[k].family:
                        gb += 1
                chain += ga if ga < gb else gb
    relatives = 0.0
    if n == 1 and m > 1 and j and pb.has_lineage:
        v = ub[j]
        if v.lineage and not v.family:
            relatives = 1.0
    elif m == 1 and n > 1 and i and pa.has_lineage:
        u = ua[i]
        if u.lineage and not u.family:
            relatives = 1.0
    agree = 0.0
    against = family or nisba or part or first or extra or chain or relatives
    if n == 1 and m == 1 and not against and method != SHORT_FORM and method != REDUCED:
        agree = 1.0
    return (cover, info, ev if ev < 1.0 else 1.0, family, nisba, part, first, extra, float(chain), relatives, 0.0,
            float(pa.arabic != pb.arabic), float(fewer == 1), r if r > 0.0 else 0.0, agree)  # fmt: skip


#: The least and the greatest value each feature may take (:data:`FEATURES` order), and
#: whether one of the three family features (family, nisba, part conflict) is certainly 1
#: (they are exclusive: at most one is ever 1).
FeatureBounds = tuple[tuple[float, ...], tuple[float, ...], bool]


def feature_bounds(pa: _Prepared, pb: _Prepared, sims: Sequence[tuple[float, int, int, str]]) -> FeatureBounds:
    """Bounds on the features of two names (:func:`features`) from their similar unit pairs
    alone (``sims``, as :func:`~namematch.score._align.similar_pairs` gives them), without
    aligning them: for names where no split/merged units can align and at least one unit pair
    of two words agrees (what the score matrix bounds; there the pairs with nothing agreeing
    take the closed form).

    Why they hold: alignment pairs each unit off once, from the unit pairs that agree
    (similarity at ``agree_from`` or an initial's match), so each unit's evidence is at most
    that of its best agreeing pair, and a unit with none stays unaligned. The first agreeing
    pair of two words in alignment's order (most similar first) is always taken: no pair
    before it shares a unit with it (an initial facing a word is 0.8, below ``agree_from``),
    so the pair counts, "only initials agree" never applies, and the weakest pair's evidence
    is at most its own. A family conflict of some kind is certain when both names have a
    family name that agrees with nothing, a first-name conflict when both first names do.
    (Sums are taken in another order than the features': a bound may be off by a rounding
    error, which :func:`~namematch.score._model.score_bound` allows for.)"""
    ua, ub = pa.units, pb.units
    n, m = len(ua), len(ub)
    fewer = n if n < m else m
    agree_from = pa.config.agree_from
    best_a: dict[int, float] = {}  # a unit's best agreeing evidence (units with an agreeing pair)
    best_b: dict[int, float] = {}
    own_a: set[int] = set()  # units with an agreeing pair of two words, as a spelling (all_agree)
    own_b: set[int] = set()
    ev_least = 1.0
    rarest_hi = 0.0
    first: tuple[float, int, int, str] | None = None
    for pair in sims:
        neg, i, j, method = pair
        if -neg < agree_from and method != INITIAL_MATCH:
            continue  # a look-alike: never aligned
        ev = evidence(-neg)
        if ev > best_a.get(i, -1.0):
            best_a[i] = ev
        if ev > best_b.get(j, -1.0):
            best_b[j] = ev
        if ev < ev_least:
            ev_least = ev
        x, y = ua[i], ub[j]
        if not (x.initial or y.initial):
            r = (x.rarity if x.rarity < y.rarity else y.rarity) * ev
            if r > rarest_hi:
                rarest_hi = r
            if method != SHORT_FORM and method != REDUCED:
                own_a.add(i)
                own_b.add(j)
            if first is None or pair < first:
                first = pair
    if first is None:
        raise ValueError("feature_bounds needs an agreeing pair of two words")
    neg0, i0, j0, _method = first
    ev0 = evidence(-neg0)
    w_a, w_b = pa.weights, pb.weights
    sum_a, sum_b = pa.weight_sum or 1.0, pb.weight_sum or 1.0
    got_a = got_b = 0.0
    for i, e in best_a.items():
        got_a += e * w_a[i]
    for j, e in best_b.items():
        got_b += e * w_b[j]
    cov_a = (ev0 * w_a[i0] / sum_a, got_a / sum_a)
    cov_b = (ev0 * w_b[j0] / sum_b, got_b / sum_b)
    if n == m:
        cover = (min(cov_a[0], cov_b[0]), min(cov_a[1], cov_b[1]))
    else:
        cover = cov_a if n < m else cov_b
    cap = pa.config.information_cap
    info_lo = ev0 * (w_a[i0] + w_b[j0]) / 2
    info_hi = (got_a + got_b) / 2
    x0, y0 = ua[i0], ub[j0]
    rarest_lo = (x0.rarity if x0.rarity < y0.rarity else y0.rarity) * ev0
    family = bool(pa.family_idx and pb.family_idx)
    family_certain = (family and any(i not in best_a for i in pa.family_idx)
                      and any(j not in best_b for j in pb.family_idx))  # fmt: skip
    firsts = fewer >= 2 and not (ua[0].initial or ub[0].initial)
    first_certain = firsts and 0 not in best_a and 0 not in best_b
    reorder = fewer >= 2
    relatives = reorder or pa.has_lineage or pb.has_lineage
    chain = float(min(len(pa.middle), len(pb.middle)))
    agree = n == m and len(own_a) == n and len(own_b) == m
    cross, single = float(pa.arabic != pb.arabic), float(fewer == 1)
    lo = (cover[0], min(info_lo, cap), ev_least, 0.0, 0.0, 0.0, float(first_certain), 0.0, 0.0, 0.0, 0.0,
          cross, single, rarest_lo, 0.0)  # fmt: skip
    hi = (cover[1], min(info_hi, cap), ev0, float(family), float(family), float(family), float(firsts),
          float(firsts and not first_certain), chain, float(relatives), float(reorder), cross, single, rarest_hi,
          float(agree))  # fmt: skip
    return lo, hi, family_certain

