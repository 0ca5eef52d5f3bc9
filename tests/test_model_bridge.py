"""The transliteration model's bridge: an Arabic-script word the lexicon does not list meets a
Latin word the model writes almost as likely as its own quick spellings (invented pairs)."""

from __future__ import annotations

import pytest

import namematch as nm
from namematch._model_spelling import UNMARKED_COST, latin_targets, model_spells, target_skeletons
from namematch.resources import Resources
from namematch.romanize import romanize_unit
from namematch.score import score_matrix

#: Latin spellings the quick search does not propose for an unlisted Arabic-script word: ع
#: before و written "ao" (Aoukar), a w the search reads as a vowel (Sawaf), Turkish and
#: Slavic letters written without their marks (Yeşil, Şahin, Bašić, Šišić).
BRIDGED = [
    ("Aoukar", "عوكر"),
    ("Sawaf", "صواف"),
    ("Yesil", "يشيل"),
    ("Sahin", "شاهين"),
    ("Basic", "باشيتش"),
    ("Sisic", "شيشيتش"),
]
#: Different names of similar letters: a consonant more, less or other than the Arabic word has.
APART = [
    ("Amoukar", "عوكر"),
    ("Aoukari", "عوكر"),
    ("Sawab", "صواف"),
    ("Yesim", "يشيل"),
    ("Samin", "شاهين"),
    ("Basim", "باشيتش"),
    ("Sisak", "شيشيتش"),
    ("Shimon", "شيشيتش"),
]


def test_the_words_are_unlisted() -> None:
    lexicon = Resources.shipped().lexicon
    for _latin, arabic in BRIDGED:
        assert not lexicon.facts(arabic)[0], arabic


@pytest.mark.parametrize(("latin", "arabic"), BRIDGED)
def test_the_model_writes_the_latin_word(latin: str, arabic: str) -> None:
    assert nm.score(latin, arabic) >= 0.5
    assert nm.score(f"Karim {latin}", f"كريم {arabic}") >= 0.5


@pytest.mark.parametrize(("latin", "arabic"), APART)
def test_near_names_stay_apart(latin: str, arabic: str) -> None:
    assert nm.score(latin, arabic) < 0.5
    assert nm.score(f"Karim {latin}", f"كريم {arabic}") < 0.5


def test_unmarked_letters_are_read_at_a_cost() -> None:
    targets = dict(latin_targets("sahin"))
    assert targets["sahin"] == 0.0 and targets["shahin"] == UNMARKED_COST
    assert "shh" not in "".join(targets)  # the s of sh is no letter of its own
    assert dict(latin_targets("kosh")).get("koshh") is None
    assert latin_targets("ab") == () and latin_targets("o'neil") == ()
    assert "XHN" in target_skeletons("sahin")


def test_model_spells_against_its_own_spellings() -> None:
    model = Resources.shipped().model
    own = tuple(romanize_unit("شاهين", limit=4))
    assert model_spells("شاهين", False, own, "sahin", model)
    assert not model_spells("شاهين", False, own, "samin", model)
    assert not model_spells("شاهين", False, (), "sahin", model)  # no spelling of its own: no reference


def test_score_matrix_equals_score_through_the_bridge() -> None:
    queries = [latin for latin, _ in BRIDGED + APART] + ["Karim Aoukar"]
    choices = [arabic for _, arabic in BRIDGED] + ["كريم عوكر", "علي حسن"]
    m = score_matrix(queries, choices)
    for i, q in enumerate(queries):
        for j, c in enumerate(choices):
            assert m[i][j] == pytest.approx(nm.score(q, c), abs=1e-9)
