"""Tests of blocking keys (no ../shared needed)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from namematch.keys import keys, unit_keys
from namematch.normalize import normalize
from namematch.parse import parse
from tests.conftest import any_text, arabic_names, latin_names, names

CROSS = [
    ("قاسم سليماني", ["Qassem Soleimani", "Qasem Soleimani", "Ghasem Soleymani", "Kassem Suleimani"]),
    (
        "نصير عبد المحسن عبد الله الخراوي",
        [
            "Naseer Abdul Mohsen Abdullah al-Kharawi",
            "Nasir Abd al-Muhsin Abdallah al-Kharawi",
            "Nasser Abdulmohsen Abdulla Al Kharawi",
        ],
    ),
    ("بهزاد أكبري", ["Behzad Akbari"]),
    ("مسعود پزشکیان", ["Masoud Pezeshkian"]),
    ("سيد ستار هاشمي", ["Seyed Sattar Hashemi", "Sattar Hashemi"]),
]


@pytest.mark.parametrize(("arabic", "spellings"), CROSS)
def test_issue_examples_share_keys(arabic: str, spellings: list[str]) -> None:
    ka = keys(arabic)
    for s in spellings:
        assert ka & keys(s), s


@pytest.mark.parametrize(
    ("arabic", "latin"),
    [
        ("عبدالمحسن", ["abdulmohsen", "abdulmuhsin"]),
        ("قاسم", ["qassem", "ghasem", "kassem", "qasim"]),
        ("سليماني", ["soleimani", "suleimani", "soleymani"]),
        ("خراوي", ["kharawi"]),
        ("پزشكيان", ["pezeshkian"]),
        ("هاشمي", ["hashemi", "hashimi"]),
        ("اكبري", ["akbari"]),
    ],
)
def test_every_unit_spelling_shares_a_key(arabic: str, latin: list[str]) -> None:
    script = "persian" if "پ" in arabic else "arabic"
    ka = unit_keys(arabic, script)
    for la in latin:
        assert ka & unit_keys(la, "latin"), la


def test_other_scripts_meet_their_latin_spelling() -> None:
    # a Cyrillic or Greek name unit keys through its transliteration too
    assert unit_keys("Атабиев", "other") & unit_keys("atabiev", "latin")
    assert keys("Владимир Путин") & keys("Vladimir Putin")
    assert not keys("Владимир Путин") & keys("Qassem Soleimani")


def test_glued_article_names_share_keys_with_the_name() -> None:
    assert keys("Alsayed") & keys("al-Sayyid")
    assert keys("Elsayed") & keys("السيد")


def test_keys_are_selective() -> None:
    assert not keys("Qassem Soleimani") & keys("Behzad Akbari")
    assert not unit_keys("hassan", "latin") & unit_keys("hashemi", "latin")
    # one skeleton for حسن and حسين: the scorer, not the key, tells them apart
    assert unit_keys("hassan", "latin") & unit_keys("hussein", "latin")
    for k in keys("Nasir Abd al-Muhsin Abdallah al-Kharawi"):
        assert k.isascii() and len(k) < 40


def test_empty_and_types() -> None:
    assert keys("") == frozenset()
    assert unit_keys("", "latin") == frozenset()
    with pytest.raises(TypeError, match="name"):
        keys(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="form"):
        unit_keys(None, "latin")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="script"):
        unit_keys("ali", None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="head"):
        unit_keys("ali", "latin", head=1)  # type: ignore[arg-type]
    assert unit_keys("ali", "latin", head="\U0001f600" * 1000) == unit_keys("ali", "latin")


@settings(max_examples=150)
@given(names)
def test_keys_union_of_units(name: str) -> None:
    expected: set[str] = set()
    for u in parse(name).units:
        if u.role != "initial" and len(u.core) > 1:
            expected |= unit_keys(u.core, u.script)
    assert keys(name) == frozenset(expected)


@settings(max_examples=150)
@given(names)
def test_normalisation_equivalent_inputs(name: str) -> None:
    assert keys(name) == keys(normalize(name))


@settings(max_examples=150)
@given(st.one_of(arabic_names, latin_names))
def test_keys_ignore_case_and_spacing(name: str) -> None:
    assert keys(name) == keys(f"  {name.upper()}\t")


@given(any_text)
def test_never_raises(text: str) -> None:
    keys(text)
    unit_keys(text, "latin")
    unit_keys(text, "arabic")
    unit_keys(text, "other")


def test_huge_input() -> None:
    assert keys("Ali " * 250_000)


def _skeletons_letter_by_letter(form: str) -> tuple[str, ...]:
    """The consonant skeletons of a Latin form read the plain way, every reading extended at
    each letter: the oracle :func:`namematch.keys.latin_skeletons` (which adds the letters
    between two branchings at once) must equal."""
    from namematch._folding import j_as_y
    from namematch.keys import _LATIN_DIGRAPHS, _LATIN_SINGLE, _MAX_VARIANTS

    s = form.lower()
    if not (s.isascii() and s.isalnum()):
        s = "".join(c for c in s if c.isascii() and c.isalnum())
    if len(s) > 1 and s[-1] == "h" and s[-2] in "aeiouy":
        s = s[:-1]
    readings, y_sound, i = [""], j_as_y(s), 0
    while i < len(s):
        d3, d2 = s[i : i + 3], s[i : i + 2]
        dig = d3 if d3 in _LATIN_DIGRAPHS else (d2 if d2 in _LATIN_DIGRAPHS else "")
        if dig:
            main, alt = _LATIN_DIGRAPHS[dig]
            if alt is not None and len(readings) < _MAX_VARIANTS:
                readings = ([r + main for r in readings] + [r + alt for r in readings])[:_MAX_VARIANTS]
            else:
                readings = [r + main for r in readings]
            i += len(dig)
        elif s[i] == "v" and i == len(s) - 1 and i > 0 and s[i - 1] in "aeiouy":
            readings, i = [r + "F" for r in readings], i + 1  # a final v after a vowel is said f
        elif s[i] == "v" and len(readings) < _MAX_VARIANTS:
            readings, i = (readings + [r + "F" for r in readings])[:_MAX_VARIANTS], i + 1
        elif s[i] == "j" and len(readings) < _MAX_VARIANTS and y_sound[i] == "y":
            readings, i = ([r + "J" for r in readings] + readings)[:_MAX_VARIANTS], i + 1
        else:
            c = s[i]
            cls = "S" if c == "c" and s[i + 1 : i + 2] in ("e", "i", "y") else _LATIN_SINGLE.get(c, c if c.isdigit() else "")
            readings, i = [r + cls for r in readings], i + 1
    out: list[str] = []
    for r in readings:
        collapsed = "".join(c for k, c in enumerate(r) if k == 0 or r[k - 1] != c)
        if collapsed not in out:
            out.append(collapsed)
    return tuple(out)


@settings(max_examples=300)
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzshchthdhkhghjv0-' É", max_size=16))
def test_latin_skeletons_equal_the_letter_by_letter_reading(form: str) -> None:
    from namematch.keys import latin_skeletons

    assert latin_skeletons(form) == _skeletons_letter_by_letter(form)
