"""``benchmarks/resolution.py``'s accounting on invented names: why a registry person's query is
missed (not retrieved, another person first, below ``match_threshold``, a rival within
``margin``), and which name of a near-miss pair imitates a registry person."""

from __future__ import annotations

from collections.abc import Iterator
from types import ModuleType

import pytest

import namematch as nm
from tests.conftest import ROOT, load_script


@pytest.fixture(scope="module")
def bench() -> Iterator[ModuleType]:
    patch = pytest.MonkeyPatch()
    patch.syspath_prepend(str(ROOT / "benchmarks"))  # the script imports the benchmarks' helpers
    try:
        yield load_script("benchmarks/resolution.py")
    finally:
        patch.undo()


def _cause(bench: ModuleType, persons: list[nm.Person], query: str, gold: str) -> str | None:
    reg = nm.Registry(persons)
    group = {p.id: p.id for p in persons}
    return bench.failure_class(reg, query, gold, group, reg.match(query))  # type: ignore[no-any-return]


def test_a_query_answered_with_its_person_has_no_cause(bench: ModuleType) -> None:
    assert _cause(bench, [nm.Person("a", "Tarvik Quendal")], "Tarvik Quendal", "a") is None


def test_a_person_sharing_no_key_with_the_query_is_not_retrieved(bench: ModuleType) -> None:
    assert _cause(bench, [nm.Person("a", "Tarvik Quendal")], "Zlatomir Pekhov", "a") == "not retrieved"


def test_another_person_first(bench: ModuleType) -> None:
    persons = [nm.Person("a", "Tarvik Quendal"), nm.Person("b", "Marek Quendal")]
    assert _cause(bench, persons, "Tarvik Quendal", "b") == "another person first"


def test_a_common_name_alone_is_below_the_match_threshold(bench: ModuleType) -> None:
    # the only person retrieved, but a common family name alone says little
    assert _cause(bench, [nm.Person("a", "Ahmed Hassan")], "Hassan", "a") == "below match_threshold"


def test_a_brother_listed_too_is_a_rival_within_the_margin(bench: ModuleType) -> None:
    # two brothers of one chain: the partial name fits both, so neither is returned
    persons = [nm.Person("a", "Omar Khalid Hassan al-Amiri"), nm.Person("b", "Yusuf Khalid Hassan al-Amiri")]
    assert _cause(bench, persons, "Khalid al-Amiri", "a") == "rival within margin"


def _pair(bench: ModuleType, a: str, b: str, label: int) -> object:
    return bench.NearMiss(a, b, label, "family", 0, "invented", False, "", "")


def test_the_altered_name_of_a_near_miss_is_the_one_no_registry_person_spells(bench: ModuleType) -> None:
    spelled = {"Tarvik Quendal": "g1"}
    assert bench._imitated(_pair(bench, "Tarvik Quendor", "Tarvik Quendal", 0), spelled) == (
        "Tarvik Quendor", "Tarvik Quendal")
    assert bench._imitated(_pair(bench, "Tarvik Quendal", "Tarvik Quendor", 0), spelled) == (
        "Tarvik Quendor", "Tarvik Quendal")


def test_pairs_that_imitate_no_registry_person_are_left_out(bench: ModuleType) -> None:
    spelled = {"Tarvik Quendal": "g1", "Tarvik Quendall": "g1"}
    assert bench._imitated(_pair(bench, "Tarvik Quendall", "Tarvik Quendal", 1), spelled) is None  # a variant pair
    assert bench._imitated(_pair(bench, "Tarvik Quendall", "Tarvik Quendal", 0), spelled) is None  # both listed
    assert bench._imitated(_pair(bench, "Osric Vell", "Osric Velling", 0), spelled) is None  # person kept out
