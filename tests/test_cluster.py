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
