"""Names a long vowel apart are two names: Latin spelling does not write long vowels reliably,
so a spelling the development data gives a near name (Jamil for جمال, which is Jamal) is
reviewed in ``data/not_spellings.tsv``. Each row of ``tests/data/near_names.tsv`` (invented
full names) pairs a Latin name with an Arabic-script one: the same name scores as one person,
a near name (one given name a long vowel apart, the family name the same) below the threshold."""

from __future__ import annotations

from pathlib import Path

import pytest

import namematch as nm

DATA = Path(__file__).resolve().parent / "data" / "near_names.tsv"


def _rows() -> list[tuple[str, str, str]]:
    rows = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            latin, arabic, relation = line.split("\t")
            rows.append((latin, arabic, relation))
    return rows


ROWS = _rows()


def test_the_table_holds_both_relations() -> None:
    assert {r for _l, _a, r in ROWS} == {"same", "near"} and len(ROWS) >= 30


@pytest.mark.parametrize(("latin", "arabic", "relation"), ROWS, ids=[f"{la}~{ar}" for la, ar, _r in ROWS])
def test_near_names_are_two_names(latin: str, arabic: str, relation: str) -> None:
    s = nm.score(latin, arabic)
    if relation == "same":
        assert s >= 0.9
    else:
        assert s < nm.DEFAULT_THRESHOLD


@pytest.mark.parametrize(("latin", "arabic"), [("Jamil", "جمال"), ("Rashid", "رشاد"), ("Salem", "سليم"), ("Nasr", "ناصر")])
def test_a_given_name_alone_is_not_its_near_name(latin: str, arabic: str) -> None:
    assert nm.score(latin, arabic) < nm.DEFAULT_THRESHOLD
    assert nm.score(arabic, latin) == nm.score(latin, arabic)


def test_a_user_group_overrides_a_reviewed_non_spelling() -> None:
    # a user who knows a person writes جمال as "Jamil" says so; nothing global changes
    user = nm.Scorer(lexicon=nm.UserLexicon(variants=[("Jamil", "جمال")]))
    assert user.score("Jamil Qudsiyeh", "جمال قدسية") >= 0.9
    assert nm.score("Jamil Qudsiyeh", "جمال قدسية") < nm.DEFAULT_THRESHOLD


def test_not_spelling_table_reads_odd_lines_as_nothing() -> None:
    from namematch.lexicon import not_spelling_table

    assert not_spelling_table([]) == {}
    assert not_spelling_table(["", "\t", "جمال", "no tab here", "x" * 10_000]) == {}
    assert not_spelling_table(["جمال\tJamil|Jameel"]) == {"جمال": frozenset({"jamil", "jameel"})}


def test_not_spelling_of_odd_input_is_false() -> None:
    from namematch.lexicon import shipped

    lex = shipped()
    assert not lex.not_spelling("", "")
    assert not lex.not_spelling("جمال", "")
    assert not lex.not_spelling("\u0000" * 5000, "jamil")
