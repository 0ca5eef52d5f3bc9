"""Tests of candidate retrieval (namematch._index): name keys, pair keys, ranking."""

from __future__ import annotations

from array import array

import pytest

from namematch._index import NameKeys, name_keys, rank_name
from namematch.keys import keys


@pytest.mark.parametrize("name", ["Qassem Soleimani", "محمد بن سلمان", "Mohammed Ali Hassan", "A. B. Khan", ""])
def test_unit_keys_union_is_keys(name: str) -> None:
    nk = name_keys(name)
    spelled = {k for u in nk.units for k in u if k.startswith("w:")}
    assert len(spelled) == len({u for u in nk.units})  # one spelling key per distinct unit
    assert set().union(*nk.units) - spelled == keys(name)
    assert nk.all() == keys(name) | spelled | _flat(nk.pairs)


def _flat(sets: tuple[frozenset[str], ...]) -> set[str]:
    return set().union(*sets)


def test_pair_keys_of_common_units_cross_script_and_order() -> None:
    latin = name_keys("Mohammed Ali")
    assert len(latin.pairs) == 1  # one set of alternatives for the one pair of common units
    assert all(p.startswith("p:g:") for p in _flat(latin.pairs))
    assert _flat(latin.pairs) & _flat(name_keys("محمد علي").pairs)
    assert _flat(latin.pairs) == _flat(name_keys("Ali Mohammed").pairs)
    assert len(name_keys("Mohammed Ali Hassan").pairs) == 3
    # a dropped middle element keeps the pair of first and last
    assert _flat(name_keys("Mohammed Hassan").pairs) <= _flat(name_keys("Mohammed Ali Hassan").pairs)
    # rare elements get no pair keys
    assert name_keys("Qassem Soleimani").pairs == ()


def _postings(table: dict[str, list[int]]):
    arrays = {k: array("i", sorted(v)) for k, v in table.items()}
    return lambda k: arrays.get(k, array("i"))


def test_rank_name_sums_units_and_ignores_unpublished() -> None:
    q = NameKeys((frozenset({"a1", "a2"}), frozenset({"b"})), ())
    post = _postings({"a1": [1, 2], "a2": [1, 3], "b": [1, 4, 9]})
    ranked = rank_name(q, post, 10)
    assert ranked[0] == 1  # shares both units; two keys of one unit count once
    assert set(ranked) == {1, 2, 3, 4, 9}
    assert 9 not in rank_name(q, post, 10, visible=9)
    assert rank_name(NameKeys((frozenset({"zz"}),), ()), post, 10) == []


def test_rank_name_counts_one_unit_pair_once() -> None:
    # the keys of one unit pair are alternatives (one per pair of lexicon groups):
    # an item sharing several of them must not outrank one sharing more units
    q = NameKeys((frozenset({"a"}), frozenset({"b"}), frozenset({"rare"})), (frozenset({"p1", "p2", "p3"}),))
    post = _postings({"a": [1, 2], "b": [1, 2], "rare": [2], "p1": [1, 2], "p2": [1], "p3": [1]})
    assert rank_name(q, post, 1000)[0] == 2


def test_rank_name_probes_long_lists_and_breaks_ties_by_unit_count() -> None:
    common = list(range(0, 5000))
    q = NameKeys((frozenset({"rare"}), frozenset({"common"})), ())
    post = _postings({"rare": [7, 6000, 6001], "common": common})
    units = {7: 3, 6000: 2, 6001: 5}
    ranked = rank_name(q, post, 10_000, scan_budget=10, unit_counts=[units.get(a, 2) for a in range(10_000)])
    assert ranked[0] == 7  # in the long list too: found by probing, not by reading it
    assert ranked[1:] == [6000, 6001]  # same score: the one with as many units as the query first


def test_rank_name_charges_units_the_query_lacks() -> None:
    # item 5 shares all three query units, item 8 only the two rarer ones; but item 5
    # has two more units of its own, which the scorer would count against it
    q = NameKeys((frozenset({"a"}), frozenset({"b"}), frozenset({"c"})), ())
    post = _postings({"a": [5, 8], "b": [5, 8], "c": [5, *range(100, 199)]})
    units = {5: 5, 8: 2}
    assert rank_name(q, post, 1000, unit_counts=[units.get(i, 3) for i in range(1000)])[:2] == [8, 5]
    assert rank_name(q, post, 1000)[:2] == [5, 8]  # without unit counts: shared keys only


def test_rank_name_caps_the_spelling_key() -> None:
    # item 3 shares the rare exact spelling of unit a only; item 4 shares unit a's variant
    # key and unit b: a rare spelling must not outweigh a whole other unit
    q = NameKeys((frozenset({"w:mohd", "g:0"}), frozenset({"w:zakir", "g:9"})), ())
    post = _postings({"w:mohd": [3], "g:0": [3, 4, *range(100, 400)], "g:9": [4, *range(500, 3500)]})
    assert rank_name(q, post, 100_000)[0] == 4


def test_name_keys_pickle_round_trip() -> None:
    # process pools (Registry and cluster workers) send NameKeys between processes
    import pickle

    nk = name_keys("Mohammed Ali Hassan")
    back = pickle.loads(pickle.dumps(nk))
    assert back == nk and isinstance(back, NameKeys) and back.pairs == nk.pairs
