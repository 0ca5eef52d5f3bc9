from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import namematch as nm


def test_cross_script_groups() -> None:
    names = ["Qassem Soleimani", "Sattar Hashemi", "قاسم سليماني", "Ghasem Soleymani", "سيد ستار هاشمي"]
    groups = nm.cluster(names)
    assert groups == [["Qassem Soleimani", "قاسم سليماني", "Ghasem Soleymani"], ["Sattar Hashemi", "سيد ستار هاشمي"]]


def test_no_chaining() -> None:
    groups = nm.cluster(["Mohammed Ali", "Mohammed Hassan", "Ahmed Hassan"])
    assert len(groups) >= 2
    assert not any(len(g) == 3 for g in groups)


def test_duplicates_and_order() -> None:
    names = ["Ali Larijani", "Behzad Akbari", "Ali Larijani", "بهزاد أكبري"]
    assert nm.cluster(names) == [["Ali Larijani", "Ali Larijani"], ["Behzad Akbari", "بهزاد أكبري"]]
    assert nm.cluster([]) == []


def test_cluster_records_returns_ids() -> None:
    recs = [("1", "Masoud Pezeshkian"), ("2", "Sattar Hashemi"), ("3", "مسعود پزشکیان")]
    assert nm.cluster_records(recs) == [["1", "3"], ["2"]]
    with pytest.raises(TypeError):
        nm.cluster_records([("1",)])  # type: ignore[list-item]


def test_type_errors() -> None:
    with pytest.raises(TypeError):
        nm.cluster([None])  # type: ignore[list-item]


@settings(max_examples=25)
@given(st.lists(st.sampled_from(["Qassem Soleimani", "قاسم سليماني", "Sattar Hashemi", "Ali", "", "Hashemi"]), max_size=12))
def test_partition_and_determinism(names: list[str]) -> None:
    groups = nm.cluster(names)
    flat = [n for g in groups for n in g]
    assert sorted(flat) == sorted(names)
    assert nm.cluster(names) == groups


def _groups(n: int, edges: dict[tuple[int, int], float], threshold: float = 0.55) -> list[list[int]]:
    from namematch.cluster import Linkage

    roots = Linkage(n, edges, threshold).run()
    out: dict[int, list[int]] = {}
    for i, r in enumerate(roots):
        out.setdefault(r, []).append(i)
    return sorted(out.values())


def test_unproposed_pairs_count_against_a_merge() -> None:
    # 2 is scored 0.6 with 0 only; the unscored pair (1, 2) counts as 0.15 and outweighs it
    assert _groups(3, {(0, 1): 0.99, (0, 2): 0.6}) == [[0, 1], [2]]
    # the same pair scored 0.6 as well: both cross pairs are above the threshold
    assert _groups(3, {(0, 1): 0.99, (0, 2): 0.6, (1, 2): 0.6}) == [[0, 1, 2]]


def test_mean_is_taken_on_log_odds() -> None:
    # raw mean (0.99 + 0.1) / 2 = 0.545 < 0.55, but on log-odds 0.99 (+4.4) outweighs 0.1 (-2.4)
    assert _groups(3, {(0, 1): 0.999, (0, 2): 0.99, (1, 2): 0.1}) == [[0, 1, 2]]
    # a score of 0 (clipped to 0.01, -4.8) is not outweighed
    assert _groups(3, {(0, 1): 0.999, (0, 2): 0.99, (1, 2): 0.0}) == [[0, 1], [2]]


def test_cohesion_gap_keeps_two_tight_groups_apart() -> None:
    inner = {(0, 1): 0.99, (2, 3): 0.99}
    cross = [(0, 2), (0, 3), (1, 2), (1, 3)]
    # cross pairs at 0.7 reach the threshold, but are far weaker than each group's own pairs
    assert _groups(4, inner | dict.fromkeys(cross, 0.7)) == [[0, 1], [2, 3]]
    assert _groups(4, inner | dict.fromkeys(cross, 0.9)) == [[0, 1, 2, 3]]
    # a single name has no cohesion of its own: it joins at 0.7
    assert _groups(3, {(0, 1): 0.99, (0, 2): 0.7, (1, 2): 0.7}) == [[0, 1, 2]]


def test_best_link_merges_first() -> None:
    # 1 links to 0 (0.8) and to 2 (0.95): it joins 2 first, then {1, 2} and 0 average out below 0.55
    assert _groups(3, {(0, 1): 0.8, (1, 2): 0.95}) == [[0], [1, 2]]


def test_default_threshold_and_stricter_threshold() -> None:
    names = ["Qassem Soleimani", "قاسم سليماني", "Ghasem Soleymani", "Sattar Hashemi"]
    from namematch.cluster import CLUSTER_THRESHOLD

    assert nm.cluster(names) == nm.cluster(names, threshold=CLUSTER_THRESHOLD)
    assert _groups(2, {(0, 1): 0.7}) == [[0, 1]]
    assert _groups(2, {(0, 1): 0.7}, threshold=0.8) == [[0], [1]]


def test_cluster_with_workers_gives_the_same_groups() -> None:
    names = [f"{a} {b}" for a in ("Qassem", "Ghasem", "Kassem", "Sattar", "Satar") for b in ("Soleimani", "Hashemi")]
    names += ["قاسم سليماني", "ستار هاشمي", "Masoud Pezeshkian", "مسعود پزشکیان"] * 3
    assert nm.cluster(names, workers=2) == nm.cluster(names)
    for bad in (0, -1, None, True, "2", 1.5):
        with pytest.raises(ValueError, match="workers"):
            nm.cluster(names, workers=bad)  # type: ignore[arg-type]
    assert nm.cluster([], workers=2) == []


def test_pairs_are_weighed_by_the_candidate_model_not_the_scorers() -> None:
    # a scorer whose own model calls every pair a match (0.99) clusters as the default one:
    # clustering takes the scorer's alignment and weighs it with the candidate model
    from namematch.score import FEATURES

    eager = nm.Scorer(model={"weights": dict.fromkeys(FEATURES, 0.0), "intercept": 5.0})
    names = ["Qassem Soleimani", "قاسم سليماني", "Sattar Hashemi", "Mohammed Ali", "Mohammed Hassan", "Ahmed Hassan"]
    assert eager.score("FOZ, Amer", "FOZ, Husen") > 0.98 > nm.DEFAULT_THRESHOLD > nm.score("FOZ, Amer", "FOZ, Husen")
    assert nm.cluster(names, scorer=eager) == nm.cluster(names)
    assert len(nm.cluster(names, scorer=eager)) == 5


def test_candidate_model_keeps_relatives_apart_and_variants_together() -> None:
    # fitted on the pairs blocking proposes (namesakes and relatives), the candidate model
    # gives a shared family name with another first name less than even odds, as the pair
    # score does, and keeps spelling variants of one name near 1
    from namematch.score import DEFAULT_SCORER as _DEFAULT
    from namematch.score import candidate_terms as _candidate_terms

    weights, intercept = _candidate_terms()
    brothers = ("FOZ, Amer", "FOZ, Husen")
    variants = ("Qassem Soleimani", "Ghasem Soleymani")
    assert _DEFAULT.value_under(*brothers, weights, intercept) < 0.5 and _DEFAULT.score(*brothers) < 0.5
    assert _DEFAULT.value_under(*variants, weights, intercept) > 0.95
    assert _DEFAULT.value_under(*variants, _DEFAULT.model_weights, _DEFAULT.model_intercept) == _DEFAULT.score(*variants)


def test_one_log_odds_with_each_callers_clip() -> None:
    import math

    from namematch._decide import logit

    assert logit(0.5) == 0.0 and logit(0.5, 0.01) == 0.0
    assert logit(1.0) == logit(1 - 1e-6) != logit(1.0, 0.01)  # the decision's clip: 1e-6
    assert logit(0.0) == logit(1e-6) == pytest.approx(-logit(1.0))
    assert logit(0.0, 0.01) == logit(0.003, 0.01) == math.log(0.01 / (1 - 0.01))  # clustering's: 0.01
    assert logit(0.9, 0.01) == logit(0.9) == math.log(0.9 / (1 - 0.9))  # inside both clips: the same
