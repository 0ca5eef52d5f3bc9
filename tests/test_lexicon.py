"""Tests of the name-variant lexicon and the rarity table (no ../shared needed)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from namematch.lexicon import known, rarity, same_group, variants_of
from tests.conftest import any_text


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("محمد", "mohammed"), ("mohammed", "muhammad"), ("muhammad", "mohamed"),
        ("hussein", "husayn"), ("husayn", "hossein"), ("huseyin", "hussein"),
        ("عبدالله", "abdullah"), ("abdullah", "abdallah"), ("abdallah", "abdulla"),
        ("قاسم", "ghasem"), ("soleimani", "soleymani"), ("masoud", "masud"),
    ],
)  # fmt: skip
def test_same_group(a: str, b: str) -> None:
    assert same_group(a, b)
    assert same_group(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("oleg", "oleh"), ("oleh", "aleh"), ("nikolai", "mykola"), ("mykola", "mikalai"),
        ("olga", "volha"), ("sergei", "siarhei"), ("vladimir", "uladzimir"), ("yevgeny", "yauhen"),
        ("nikolaevich", "mikalaevich"), ("sergeyevich", "siarheevich"), ("leonidovna", "leanidauna"),
    ],
)  # fmt: skip
def test_east_slavic_forms_of_one_name(a: str, b: str) -> None:
    """Russian, Ukrainian and Belarusian forms of one given name (or patronymic) are one name."""
    assert same_group(a, b)


def test_east_slavic_names_stay_apart() -> None:
    assert not same_group("nikolai", "sergei")
    assert not same_group("petrovich", "sergeyevich")
    assert not same_group("olga", "olena")


def test_not_same_group() -> None:
    assert not same_group("hassan", "hussein")
    assert not same_group("mohammed", "zarepour")
    assert not same_group("", "")


def test_variants_and_known() -> None:
    assert {"muhammad", "mohamed", "mohammad"} <= variants_of("محمد")
    assert variants_of("xqzt") == frozenset()
    assert known("pezeshkian") and known("پزشكيان") and not known("xqzt")


def test_rarity_ordering() -> None:
    for common in ("mohammed", "ali", "abdullah", "hassan", "ahmed", "محمد", "علي"):
        assert rarity(common) < 0.1, common
    assert rarity("mohammed") < rarity("zarepour")
    assert rarity("zarepour") > 0.6
    assert rarity("qqqxyz") == 1.0
    assert rarity("mohammed") == rarity("muhammad") == rarity("محمد")


@pytest.mark.parametrize("fn", [known, rarity, variants_of])
def test_type_errors(fn) -> None:
    with pytest.raises(TypeError, match="form"):
        fn(None)


def test_same_group_type_error() -> None:
    with pytest.raises(TypeError, match="b"):
        same_group("ali", 3)  # type: ignore[arg-type]


@given(any_text, any_text)
def test_never_raises(a: str, b: str) -> None:
    r = rarity(a)
    assert 0.0 <= r <= 1.0
    assert isinstance(same_group(a, b), bool)
    assert isinstance(known(a), bool)
    assert isinstance(variants_of(a), frozenset)


@given(st.sampled_from(["mohammed", "محمد", "zarepour", "ali"]))
def test_rarity_ignores_case_and_spacing(form: str) -> None:
    assert rarity(form) == rarity(f" {form.upper()} ") == rarity(form.title())


def test_huge_input() -> None:
    assert rarity("a" * 1_000_000) == 1.0
    assert not known("\ud800")


def test_scorers_of_two_resources_never_share_prepared_units() -> None:
    from namematch.resources import Resources
    from namematch.score import Scorer

    before = Scorer().explain("Zarepour Ali", "Zareepour Ali")
    kept = Scorer()  # a shipped scorer living beside one of other data keeps its own answers
    assert kept.explain("Zarepour Ali", "Zareepour Ali") == before
    tiny_data = Resources.build(lexicon_lines=(["-\tzarepour|zareepour\t5"], [], []))
    tiny = Scorer(resources=tiny_data).explain("Zarepour Ali", "Zareepour Ali")
    assert "lexicon variant" in [p.method for p in tiny.pairs]
    assert tiny != before
    assert kept.explain("Zarepour Ali", "Zareepour Ali") == before
    assert Scorer().explain("Zarepour Ali", "Zareepour Ali") == before
    assert Scorer(resources=tiny_data).explain("Zarepour Ali", "Zareepour Ali") == tiny


def test_romanisations_and_keys_are_cached_per_resources_value() -> None:
    # romanisations and unit keys carry the lexicon's spellings and groups: one computed with
    # the shipped lexicon must never be served for other data (a held-out run would see the
    # names it holds out), nor the other way round
    from namematch.keys import unit_keys
    from namematch.resources import Resources
    from namematch.romanize import romanize_unit

    empty = Resources.build(lexicon_lines=([], [], []))
    shipped = (romanize_unit("محرز"), unit_keys("محرز", "arabic"))
    other = (romanize_unit("محرز", resources=empty), unit_keys("محرز", "arabic", resources=empty))
    assert other != shipped
    assert (romanize_unit("محرز"), unit_keys("محرز", "arabic")) == shipped
    assert (romanize_unit("محرز", resources=empty), unit_keys("محرز", "arabic", resources=empty)) == other
    # a value built from the same lines is another value: equal answers, no shared entries
    again = Resources.build(lexicon_lines=([], [], []))
    assert again != empty and romanize_unit("محرز", resources=again) == other[0]
