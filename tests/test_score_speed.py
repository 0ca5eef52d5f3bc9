"""The scorer's short cuts give what the long way gives: the closed form of a pair with nothing
aligned (cached per pair of names' closed-form facts), the split/merged-units test, the
score matrix's bound on unit pairs that cannot pair off (they are never compared), and its
bound on the features that leaves cells below a caller's cut-off unscored."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import namematch as nm
from namematch.score import Scorer, _matrix
from namematch.score._align import align, displaced, merge_candidates, merges, similar_pairs
from namematch.score._config import DEFAULT_CONFIG
from namematch.score._model import FEATURES, combine, score_bound
from namematch.score._rules import (
    chain_conflict,
    family_conflict,
    feature_bounds,
    feature_values,
    features,
    first_name_conflict,
    one_pair_features,
    unaligned_features,
)
from namematch.score._scorer import _ordered_similarity
from namematch.score._units import _EMPTY, INITIAL_MATCH
from tests.conftest import names

#: Invented name spellings in both scripts (variants, look-alikes and unrelated names).
WORDS = (
    "karim", "kareem", "karima", "rahim", "rahman", "abdulrahman", "abdelrahman", "hassan", "hasan",
    "hussein", "husain", "mansour", "mansur", "nasser", "nasir", "nazir", "qasim", "gasem", "kassem",
    "zarepour", "zarehpour", "soleimani", "suleymani", "tabrizi", "tabrizian", "mahmoud", "mahmoudi",
    "alexander", "alex", "ivanov", "ivanova", "petrov", "sergeyev", "gonzalez", "gonzales", "moreno",
    "moreira", "yilmaz", "yildiz", "salman", "sulaiman", "faleh", "saleh", "nurredin", "nuruddin",
    "al-tikriti", "al-dulaimi", "alsayed", "al-sayed", "abu", "bin", "ibn", "ould",
    "كريم", "رحيم", "حسن", "حسين", "منصور", "ناصر", "قاسم", "سليماني", "محمود", "سلمان", "صالح", "فالح",
    "عبدالرحمن", "عبد الرحمن", "التكريتي", "الدليمي", "زارع", "پور", "چراغی", "گل",
)  # fmt: skip
_LETTERS = "aeioubdhklmnrstyz"


@st.composite
def spellings(draw: st.DrawFn) -> str:
    """A listed word, perhaps with a letter or two changed, added or dropped (a near miss)."""
    word = draw(st.sampled_from(WORDS))
    for _ in range(draw(st.integers(0, 2))):
        k = draw(st.integers(0, len(word)))
        op = draw(st.sampled_from("sid"))
        letter = draw(st.sampled_from(_LETTERS))
        if op == "s" and k < len(word):
            word = word[:k] + letter + word[k + 1 :]
        elif op == "i":
            word = word[:k] + letter + word[k:]
        elif len(word) > 2 and k < len(word):
            word = word[:k] + word[k + 1 :]
    return word


near_names = st.lists(spellings(), min_size=1, max_size=4).map(" ".join)
some_names = st.lists(st.one_of(near_names, names), min_size=1, max_size=5)


@settings(max_examples=80, deadline=None)
@given(some_names, some_names)
def test_unit_pairs_outside_the_bound_never_pair_off(qs: list[str], cs: list[str]) -> None:
    s = Scorer()
    pq, pc = [s.prepare(q) for q in qs], [s.prepare(c) for c in cs]
    _full, near = _matrix._candidates(pq, pc, s._unit_sim)
    qu, _ = _matrix._unit_index(pq)
    cu, _ = _matrix._unit_index(pc)
    for ku, u in qu.items():
        for kv, v in cu.items():
            if u.initial or v.initial or (ku, kv) in near:
                continue
            assert (kv, ku) not in near
            sim = _ordered_similarity(u, v)[0]
            assert sim < DEFAULT_CONFIG.min_pair_similarity, (u.text, v.text, sim)


@settings(max_examples=60, deadline=None)
@given(some_names, some_names)
def test_score_matrix_equals_score_on_near_misses(qs: list[str], cs: list[str]) -> None:
    m = Scorer().score_matrix(qs, cs)
    s = Scorer()
    for i, q in enumerate(qs):
        for j, c in enumerate(cs):
            assert m[i][j] == s.score(q, c), (q, c)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(st.one_of(near_names, names), st.one_of(near_names, names)), min_size=1, max_size=8))
def test_closed_form_and_merge_test_equal_the_long_way(pairs: list[tuple[str, str]]) -> None:
    s = Scorer()
    for a, b in pairs:  # the closed-form cache filled by other pairs first
        s.score(a, b)
    for a, b in pairs:
        pa, pb = s.prepare(a), s.prepare(b)
        if not pa.units or not pb.units:
            continue
        any_merge = bool(merges(pa, pb, _EMPTY, _EMPTY, s._merge_sim) or merges(pb, pa, _EMPTY, _EMPTY, s._merge_sim))
        assert s._any_merge(pa, pb) == any_merge, (a, b)
        sims = s._aligning_pairs(pa, pb, None)
        if sims is None:
            long_way = features(align(pa, pb, similar_pairs(pa, pb, s._pair_rows, s._unit_sim), s._merge_sim),
                                s._unit_sim)[0]  # fmt: skip
            assert s._closed_form(pa, pb)[0] == unaligned_features(pa, pb) == long_way, (a, b)
        value = s.value_under(a, b, s.model_weights, s.model_intercept)
        assert s.score(a, b) == value == Scorer().score(b, a)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(st.one_of(near_names, names), st.one_of(near_names, names)), min_size=1, max_size=6))
def test_features_without_reasons_equal_those_with(pairs: list[tuple[str, str]]) -> None:
    """Scoring reads the features without reasons: the same values as explain's (the rules
    that write a reason give the same value without it); a chain conflict counts the
    differing pairs its reason names."""
    s = Scorer()
    for a, b in pairs:
        pa, pb = s.prepare(a), s.prepare(b)
        if not pa.units or not pb.units:
            continue
        al = s._alignment(pa, pb)
        values, reasons = features(al, s._unit_sim)
        assert feature_values(al, s._unit_sim) == values, (a, b)
        assert features(al, s._unit_sim, with_reasons=False) == (values, [])
        if reasons[:1] == ["only initials agree"]:
            continue  # (the rules read the alignment without the initials' pairs)
        count, why = chain_conflict(al)
        assert count == (why.count(" vs ") if why else 0.0), (a, b, why)
        assert chain_conflict(al, with_reasons=False) == (count, "")
        for rule in (family_conflict, first_name_conflict):
            # without reasons: the same values, no text
            loud, quiet = rule(al), rule(al, with_reasons=False)
            assert [v for v, _ in quiet] == [v for v, _ in loud] and not any(r for _, r in quiet), (a, b)
        assert (why in reasons) == bool(why) == bool(values[8]), (a, b)


SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


@pytest.mark.skipif(not (SHARED / "data").is_dir(), reason="development data ../shared not present")
def test_score_matrix_equals_score_on_development_names() -> None:
    import random

    from namematch.evaluation import DEV_SETS, load_entities

    pool = list(dict.fromkeys(n for ds in DEV_SETS for e in load_entities(ds) for n in e["names"]))
    rng = random.Random(26)
    qs, cs = rng.sample(pool, 60), rng.sample(pool, 400)
    m = Scorer().score_matrix(qs, cs)
    cut = Scorer().score_matrix(cs, qs, score_cutoff=0.5, workers=2)  # (the other way round, in spans)
    s = Scorer()
    for i, q in enumerate(qs):
        for j, c in enumerate(cs):
            value = s.score(q, c)
            assert m[i][j] == value, (q, c)
            assert cut[j][i] == (value if value >= 0.5 else 0.0), (q, c)


@settings(max_examples=60, deadline=None)
@given(some_names, some_names, st.floats(0.0, 1.0), st.sampled_from([1, 2]))
def test_score_matrix_with_a_cutoff_is_score_or_zero(qs: list[str], cs: list[str], cutoff: float, workers: int) -> None:
    """rapidfuzz's protocol: a cell below the cut-off is 0.0, every other one the pair's score."""
    m = Scorer().score_matrix(qs * 3, cs, score_cutoff=cutoff, workers=workers)  # (several spans with 2 workers)
    s = Scorer()
    for i, q in enumerate(qs * 3):
        for j, c in enumerate(cs):
            value = s.score(q, c)
            assert m[i][j] == (value if value >= cutoff else 0.0) == s.score(q, c, score_cutoff=cutoff), (q, c)


#: Spellings of one name among the words (each to another).
_VARIANT = {x: y for group in (("karim", "kareem"), ("hassan", "hasan"), ("hussein", "husain"), ("mansour", "mansur"),
                               ("qasim", "kassem"), ("zarepour", "zarehpour"), ("soleimani", "suleymani"),
                               ("gonzalez", "gonzales"), ("abdulrahman", "abdelrahman"), ("nurredin", "nuruddin"),
                               ("alsayed", "al-sayed"), ("nasser", "nasir"))
            for x, y in (group, group[::-1])}  # fmt: skip


@st.composite
def related_pairs(draw: st.DrawFn) -> tuple[str, str]:
    """Two names sharing one to three elements (the same or near spellings, perhaps an
    initial for one), each with elements of its own, in any order: cells the score matrix
    scores one by one, most of them two persons."""
    shared = draw(st.lists(spellings(), min_size=1, max_size=3))
    own_a = draw(st.lists(spellings(), max_size=3))
    own_b = draw(st.lists(spellings(), max_size=3))
    other = [draw(st.sampled_from([w, _VARIANT.get(w, w), w[:1].upper() + ".", draw(spellings())])) for w in shared]
    a = draw(st.permutations(shared + own_a))
    b = draw(st.permutations(other + own_b))
    return " ".join(a), " ".join(b)


#: A model of random weights (either sign) over the features, for the bound's generality.
models = st.tuples(st.lists(st.floats(-6.0, 6.0), min_size=len(FEATURES), max_size=len(FEATURES)), st.floats(-3.0, 3.0))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(related_pairs(), st.tuples(near_names, near_names)), min_size=1, max_size=8), models,
       st.floats(0.0, 1.0))  # fmt: skip
def test_feature_bounds_hold(pairs: list[tuple[str, str]], model: tuple[list[float], float], cutoff: float) -> None:
    """Of two names with an agreeing pair of words and no split unit that can align, each
    feature lies within the bounds taken from the similar unit pairs alone, and no model
    scores the pair above its bound; ``score`` with a cut-off (which prunes by the bound) is
    the score or 0.0 below the cut-off."""
    s = Scorer()
    weights, intercept = model
    for a, b in pairs:
        value = Scorer().score(a, b)
        assert s.score(a, b, score_cutoff=cutoff) == (value if value >= cutoff else 0.0), (a, b)
        pa, pb = s.prepare(a), s.prepare(b)
        if not pa.units or not pb.units or pa.identity == pb.identity or s._any_merge(pa, pb):
            continue
        sims = similar_pairs(pa, pb, s._pair_rows, s._unit_sim)
        if not any(-x >= DEFAULT_CONFIG.agree_from and method != INITIAL_MATCH for x, _i, _j, method in sims):
            continue
        lo, hi, family_certain = feature_bounds(pa, pb, sims)
        values = features(align(pa, pb, list(sims), s._merge_sim), s._unit_sim)[0]
        for name, low, value, high in zip(FEATURES, lo, values, hi, strict=True):
            assert low - 1e-12 <= value <= high + 1e-12, (a, b, name, low, value, high)  # (sums in another order)
        assert sum(values[3:6]) <= 1.0
        if family_certain:
            assert sum(values[3:6]) == 1.0, (a, b)
        assert s.score(a, b) <= score_bound((lo, hi, family_certain), s.model_weights, s.model_intercept), (a, b)
        assert combine(values, weights, intercept) <= score_bound((lo, hi, family_certain), weights, intercept)



@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(related_pairs(), st.tuples(near_names, near_names), st.tuples(names, names)), min_size=1,
                max_size=8))  # fmt: skip
@example([("الeكريتي", "الaكرتي")])  # (a split unit displaces the one pair: the matrix takes the long way)
def test_one_pair_features_equal_the_long_way(pairs: list[tuple[str, str]]) -> None:
    """Two names whose units align in one pair of words only (no initial's match, no split
    unit beside it or displacing the pair): the closed form the score matrix takes gives the
    features of the alignment."""
    s = Scorer()
    for a, b in pairs:
        pa, pb = s.prepare(a), s.prepare(b)
        if not pa.units or not pb.units:
            continue
        sims = similar_pairs(pa, pb, s._pair_rows, s._unit_sim)
        agreeing = [p for p in sims if p[3] == INITIAL_MATCH or -p[0] >= DEFAULT_CONFIG.agree_from]
        if len(agreeing) != 1 or agreeing[0][3] == INITIAL_MATCH:
            continue
        neg, i, j, method = agreeing[0]
        if merge_candidates(pa, pb, {i}, {j}, s._merge_sim) or displaced(pa, pb, i, j, -neg, method, s._merge_sim):
            continue
        values = features(align(pa, pb, list(sims), s._merge_sim), s._unit_sim)[0]
        assert one_pair_features(pa, pb, i, j, -neg, method) == values, (a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Karim Tabrizi Mansour", "Karim Soleimani Nasser"),  # a first name: family and chain differ
        ("Hassan Karim Tabrizi", "Nasser Karim Soleimani"),  # a middle name: first names differ
        ("Karim Mansour Tabrizi", "Mansour"),  # a one-word name
        ("Salman", "Karim bin Salman bin Nasser"),  # a one-word name in the other's nasab
        ("al-Tikriti Hassan", "Karim Mahmoud al-Tikriti"),  # a family name, a first name in front
        ("Kareem", "Karim"),  # every element agrees
        ("Karim Hassan al-Tikriti", "Karim Nasser al-Dulaimi"),  # two nisbas, a father
    ],
)
def test_one_pair_features_of_hand_written_pairs(a: str, b: str) -> None:
    s = Scorer()
    pa, pb = s.prepare(a), s.prepare(b)
    sims = similar_pairs(pa, pb, s._pair_rows, s._unit_sim)
    agreeing = [p for p in sims if p[3] == INITIAL_MATCH or -p[0] >= DEFAULT_CONFIG.agree_from]
    assert len(agreeing) == 1, sims
    neg, i, j, method = agreeing[0]
    values = features(align(pa, pb, list(sims), None), s._unit_sim)[0]
    assert one_pair_features(pa, pb, i, j, -neg, method) == values


def test_feature_bounds_prove_a_lone_common_name_below_a_cutoff() -> None:
    """Two names that share only a first name, their family names differing: below 0.5 by the
    bound alone (the score matrix leaves such cells unscored under that cut-off)."""
    s = Scorer()
    pa, pb = s.prepare("Karim Tabrizi Mansour"), s.prepare("Karim Soleimani Nasser")
    sims = similar_pairs(pa, pb, s._pair_rows, s._unit_sim)
    bound = score_bound(feature_bounds(pa, pb, sims), s.model_weights, s.model_intercept)
    assert s.score("Karim Tabrizi Mansour", "Karim Soleimani Nasser") <= bound < 0.5
    with pytest.raises(ValueError):
        feature_bounds(pa, s.prepare("Ahmad Rezvani"), [])


def test_two_letters_without_alef_say_nothing() -> None:
    """A Latin unit listed for an Arabic form that, but for its alef, has one letter (اد ~ دا)
    is no lexicon variant of the other form: the score matrix, which indexes no such form, and
    ``score`` agree."""
    s = Scorer()
    for a, b in (("AD", "دآ"), ("Ad", "دا")):
        assert s.score(a, b) < nm.DEFAULT_THRESHOLD
        assert s.score_matrix([a], [b])[0][0] == s.score(a, b)
    assert s.score("Karimov", "كريموف") >= 0.9  # (a long word keeps the rule)
