"""Common given names and the spellings the press prints for them, across scripts.

Latin spelling does not mark long vowels, so one spelling serves two names (Rashid: رشيد and
راشد): a spelling the lexicon lists for one must still agree with the other. Each row of
``tests/data/common_names.tsv`` is one name in Arabic script with its usual Latin spellings;
each spelling, alone and in a two-element name, must score as the same name."""

from __future__ import annotations

from pathlib import Path

import pytest

import namematch as nm

DATA = Path(__file__).resolve().parent / "data" / "common_names.tsv"


def _rows() -> list[tuple[str, str]]:
    out = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        arabic, spellings = line.split("\t")
        out.extend((arabic, latin) for latin in spellings.split("|"))
    return out


ROWS = _rows()


def test_the_list_is_broad() -> None:
    assert len({arabic for arabic, _ in ROWS}) >= 150


@pytest.mark.parametrize(("arabic", "latin"), ROWS, ids=[f"{la}~{ar}" for ar, la in ROWS])
def test_common_spelling_is_the_same_name(arabic: str, latin: str) -> None:
    assert nm.score(latin, arabic) >= 0.9
    assert nm.score(f"{latin} Haddad", f"{arabic} حداد") >= 0.9


@pytest.mark.parametrize(("latin", "arabic"), [
    ("Rashid", "رشيد"), ("Jamil", "جميل"), ("Bashir", "بشير"), ("Salwa", "سلوى"), ("Zahra", "زهرا"),
])
def test_spelling_listed_for_a_near_name_still_agrees(latin: str, arabic: str) -> None:
    assert nm.is_match(f"{latin} Mansour", f"{arabic} منصور")


def test_different_names_of_one_spelling_shape_stay_apart() -> None:
    assert nm.score("Bashar Haddad", "بشير حداد") < nm.DEFAULT_THRESHOLD
    assert nm.score("Jamal Haddad", "جميل حداد") < nm.DEFAULT_THRESHOLD


def test_alaa_written_with_madda_is_no_article() -> None:
    """آلاء (Alaa) begins with the letters of the article, but its alef carries a madda and the
    rest is no word: the name is one element, not al- + a core."""
    token = nm.parse("آلاء حمدان").tokens[0]
    assert (token.article, token.core) == ("", "الاء")
    assert nm.score("Alaa Hamdan", "آلاء حمدان") >= 0.9
    assert nm.score("Ola Hamdan", "آلاء حمدان") < nm.DEFAULT_THRESHOLD


def test_a_foreign_family_name_the_lists_spell_otherwise() -> None:
    """تورك is Türk (a Turkish and German family name) as Arabic and Persian write it."""
    assert nm.score("Volker Türk", "فولكر تورك") >= 0.9
    assert nm.score("Volker Turk", "فولکر تورک") >= 0.9
    assert nm.score("Volker Turki", "فولكر تورك") < nm.DEFAULT_THRESHOLD
