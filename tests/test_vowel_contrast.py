"""Vowels as evidence: the vowels of a name of a language written in Latin letters are its own.

A romanised Arabic or Persian element writes vowels that Arabic script leaves unwritten, so its
spellings vary in them (Mohammed ~ Muhammad). A name of another language keeps its vowels: a
vowel more, less or other, or a consonant's voicing inside the word, makes another name
(Kenta ~ Kento, Li Ming ~ Li Meng), while the letters its own spellings exchange (y and i, a
written-out umlaut, a long vowel written double or with h, Mac and Mc) still agree. Only
established spellings (words the press of several Latin-script languages writes) keep their
vowels so: a name romanised ad hoc from another script (Ge'ez, Burmese, Cyrillic) is written
as many ways as it has transliterators, and its vowels are their guesses.
"""

from __future__ import annotations

import pytest

import namematch as nm
from namematch.score._scorer import Scorer
from namematch.score._units import (
    _arabic_read,
    _established,
    _loose_frame,
    _vowel_frame,
    vowel_contrast,
)

T = nm.DEFAULT_THRESHOLD

DIFFERENT = [
    ("Kenta Mori", "Kento Mori"),  # Japanese given names
    ("Hiroshi Kondo", "Hiroshi Gondo"),  # a consonant's voicing inside a Japanese family name
    ("Li Ming", "Li Meng"),  # Chinese syllables compared syllable by syllable
    ("Chen Bo", "Chen Bao"),
    ("Anna Moretti", "Anna Moratti"),  # Italian family names
    ("Dana Miller", "Dina Miller"),  # English given names
    ("Oleg Petrov", "Oleg Petru"),  # a final v after a vowel is a consonant (keys too)
    ("Paul Dodd", "Paul Todd"),  # a consonant of one sound class but another letter
]
SAME = [
    ("Sergei Pavlov", "Sergey Pavlov"),  # y and i
    ("Fyodor Orlov", "Fedor Orlov"),  # the Russian yo written e
    ("Hans Mueller", "Hans Muller"),  # an umlaut written out
    ("Karl Maier", "Karl Meyer"),  # ai, ei, ey
    ("Yusuke Saitoh", "Yusuke Saito"),  # a long vowel written with h
    ("Ian MacLeod", "Ian McLeod"),
    ("Lars Petersen", "Lars Peterson"),
    ("Kim Seong-ho", "Kim Sung-ho"),  # the Korean vowel eo written u
    ("Mohammed Karim", "Muhammad Karim"),  # romanised Arabic: vowels are guesses
    ("Farid Kazemi", "Fareed Kazimi"),
    ("Karim Rahman", "Karim Rehman"),
    ("Ana Cordoba", "Ana Cordova"),  # b and v said alike (Spanish)
    ("Choi Bong-su", "Choi Pong-su"),  # Korean: romanisation systems voice a consonant or not
    ("Theo Martin", "Theodor Martin"),  # a short form
    ("Luis Ortega", "Luiz Ortega"),  # a final consonant voiced or not
    ("Karel Schmidt", "Karel Schmitt"),
    ("Thomas Weber", "Tomas Weber"),
    ("Tesfay Woldegiorgis", "Tesfay Weldegiorgis"),  # Ge'ez romanised: its sixth-order vowel written e or o
    ("Dawit Gebreselassie", "Dawit Gebresilassie"),  # and its first-order vowel written e or i
]


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_other_vowels_make_another_name(a: str, b: str) -> None:
    assert nm.score(a, b) < T, nm.explain(a, b)


@pytest.mark.parametrize(("a", "b"), SAME)
def test_spellings_of_one_name_still_agree(a: str, b: str) -> None:
    assert nm.score(a, b) >= T, nm.explain(a, b)


def test_the_frame_keeps_vowels_and_folds_spelling_habits() -> None:
    assert _vowel_frame("takashi") != _vowel_frame("takeshi")
    assert _vowel_frame("takashi")[1] == _vowel_frame("takeshi")[1]  # the same consonants
    assert _vowel_frame("dmitry") == _vowel_frame("dmitri")
    assert _vowel_frame("saitoh") == _vowel_frame("saito")
    assert _vowel_frame("anne") == _vowel_frame("ann")
    assert _loose_frame("schultz") == _loose_frame("schulz")
    assert _loose_frame("lakshmi") == _loose_frame("laxmi")
    assert _loose_frame("shimada") != _loose_frame("shimizu")


def test_an_arabic_script_form_that_leaves_vowels_unwritten_reads_as_romanised() -> None:
    lexicon = Scorer().resources.lexicon
    # محمد writes none of Mohammed's vowels; a foreign name in Arabic script writes each one
    assert _arabic_read("mohammed", frozenset(lexicon.facts("mohammed")[0]), lexicon)
    assert not _arabic_read("kenta", frozenset(), lexicon)
    assert _arabic_read("khalil", frozenset(), lexicon)  # kh: a romanised Arabic letter
    # a w or y before a vowel is a consonant its Arabic form writes (فواز); a final ey writes a vowel (هارفي)
    assert _arabic_read("fawaz", frozenset(lexicon.facts("fawaz")[0]), lexicon)
    assert lexicon.facts("harvey")[0] and not _arabic_read("harvey", frozenset(lexicon.facts("harvey")[0]), lexicon)
    assert nm.score("Harvey Norton", "Harry Norton") < T


def test_the_rule_reads_units_in_either_order() -> None:
    sc = Scorer()
    u, v = sc.prepare("Dana").units[0], sc.prepare("Dina").units[0]
    assert vowel_contrast(u, v) and vowel_contrast(v, u)
    assert nm.score("Kenta Mori", "Kento Mori") == nm.score("Kento Mori", "Kenta Mori")


def test_only_established_spellings_keep_their_vowels() -> None:
    # written in the press of many languages: a name's own spelling
    assert all(map(_established, ["dana", "dina", "moretti", "kondo", "ming"]))
    # an ad hoc romanisation, a spelling written nowhere, a non-word
    assert not any(map(_established, ["weldegiorgis", "gebresilassie", "", "x"]))
    sc = Scorer()
    u, v = sc.prepare("Tesfay Woldegiorgis").units[1], sc.prepare("Tesfay Weldegiorgis").units[1]
    assert not (u.foreign or v.foreign or vowel_contrast(u, v))
    # the established element of the same name is still read as its language's own spelling
    assert sc.prepare("Tesfay Woldegiorgis").units[0].foreign is _established("tesfay")
