"""The scorer's short cuts give what the long way gives: the closed form of a pair with nothing
aligned (cached per pair of names' closed-form facts), the split/merged-units test, and the
score matrix's bound on unit pairs that cannot pair off (they are never compared)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from namematch.score import Scorer, _matrix
from namematch.score._align import align, merges, similar_pairs
from namematch.score._config import DEFAULT_CONFIG
from namematch.score._rules import chain_conflict, feature_values, features, unaligned_features
from namematch.score._scorer import _ordered_similarity
from namematch.score._units import _EMPTY
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
    """Scoring reads the features without reasons: the same values as explain's; a chain
    conflict counts the differing pairs its reason names."""
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
    s = Scorer()
    for i, q in enumerate(qs):
        for j, c in enumerate(cs):
            assert m[i][j] == s.score(q, c), (q, c)
