from __future__ import annotations

import unicodedata

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import namematch as nm
from namematch.normalize import Token, normalize_arabic, tokenize
from tests.conftest import any_text, arabic_names, names

INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\u0640"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("أحمد", "احمد"),
        ("إبراهيم", "ابراهيم"),
        ("آدم", "ادم"),
        ("سلیمانی", "سليماني"),
        ("موسى", "موسي"),
        ("فاطمة", "فاطمه"),
        ("کاظم", "كاظم"),
        ("فؤاد", "فواد"),
        ("عائشة", "عايشه"),
        ("مُحَمَّد", "محمد"),
        ("محـــمد", "محمد"),
        ("زارع\u200cپور", "زارعپور"),
        ("\u200fعلي\u200e", "علي"),
        ("١٢٣", "123"),
        ("۴۵۶", "456"),
    ],
)
def test_arabic_folding(a: str, b: str) -> None:
    assert nm.normalize(a) == nm.normalize(b)


def test_persian_letters_stay_distinct() -> None:
    for persian, arabic in [("پ", "ب"), ("چ", "ج"), ("ژ", "ز"), ("گ", "ك")]:
        assert nm.normalize(persian) != nm.normalize(arabic)


def test_family_al_kept_apart_from_article() -> None:
    assert nm.normalize("آل") == "آل"
    assert nm.normalize("آل ثاني") != nm.normalize("ال ثاني")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Ja'far", "jafar"),
        ("Jaʿfar", "JAFAR"),
        ("ʿAbbās", "abbas"),
        ("Hüseyin", "huseyin"),
        ("Al-Yasiri", "al yasiri"),
        ("S. Hashemi", "s hashemi"),
        ("  Qassem\tSoleimani  ", "qassem soleimani"),
        ("ＱＡＳＳＥＭ", "qassem"),
        ("Abd’allah", "abdallah"),
    ],
)
def test_latin_folding(a: str, b: str) -> None:
    assert nm.normalize(a) == nm.normalize(b)


def test_arabic_comma_separates() -> None:
    assert nm.normalize("هاشمي، ستار") == "هاشمي ستار"


def test_homoglyphs_folded() -> None:
    cyr = "Hаshemi"  # Cyrillic а
    assert nm.normalize(cyr) == "hashemi"
    assert tokenize(cyr)[0].homoglyphs
    assert not tokenize("Hashemi")[0].homoglyphs
    assert nm.script_of("Анна") == "other"


def test_script_of() -> None:
    assert nm.script_of("قاسم") == "arabic"
    assert nm.script_of("قاسم سلیمانی") == "persian"
    assert nm.script_of("Qassem") == "latin"
    assert nm.script_of("Qassem قاسم") == "mixed"
    assert nm.script_of("山田") == "other"
    assert nm.script_of("") == "none"
    assert nm.script_of("12 -") == "none"


def test_tokens_split_at_script_change() -> None:
    assert [t.norm for t in tokenize("Aliعلي")] == ["ali", "علي"]


@pytest.mark.parametrize("bad", [None, 1, b"name", ["a"]])
def test_non_str_raises_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match="must be str"):
        nm.normalize(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        nm.script_of(bad)  # type: ignore[arg-type]


def test_empty_and_blank() -> None:
    assert nm.normalize("") == ""
    assert nm.normalize(" \u200c\u200f ") == ""
    assert nm.normalize("\ud800") == ""


@given(names)
@example("\u00b5\U0001ee00")  # micro sign + Arabic mathematical alef: "μا" once split, now "μ ا" at once
def test_normalize_idempotent(s: str) -> None:
    once = nm.normalize(s)
    assert nm.normalize(once) == once


@given(any_text)
def test_normalize_output_clean(s: str) -> None:
    out = nm.normalize(s)
    assert not any(c in INVISIBLE for c in out)
    assert not any(unicodedata.category(c) == "Mn" and 0x064B <= ord(c) <= 0x065F for c in out)
    assert "  " not in out and out == out.strip()
    out.encode("utf-8")  # no lone surrogates survive


@given(arabic_names)
def test_arabic_output_has_no_marks(s: str) -> None:
    out = nm.normalize(s)
    assert not any(0x064B <= ord(c) <= 0x065F or c in "\u0670\u0640" for c in out)


@given(any_text)
def test_token_spans_round_trip(s: str) -> None:
    for tok in tokenize(s):
        assert s[tok.start : tok.end] == tok.text
        assert tok.norm


@given(any_text)
@example("\u00bc\u066e")  # ¼ before an Arabic letter: NFKC makes "1⁄4", a number then a word
@example("\ufdfa")  # one ligature of a four-word phrase
@example("\u06cc")  # Persian yeh: its normal form is the Arabic letter
def test_a_token_is_one_word_read_as_its_normal_form_reads(s: str) -> None:
    toks = tokenize(s)
    assert all(not any(c.isspace() for c in t.norm) for t in toks)
    again = tokenize(nm.normalize(s))

    def read(t: Token) -> tuple[str, str]:  # folding ی/ک to ي/ك leaves no Persian letter to tell
        return t.norm, ("arabic" if t.script == "persian" else t.script)

    assert [read(t) for t in toks] == [read(t) for t in again]


def test_a_compatibility_form_of_several_words_gives_one_token_per_word() -> None:
    toks = tokenize("\u00bc\u0628 \u0639\u0644\u064a")
    assert [(t.norm, t.text, t.start, t.end) for t in toks] == [
        ("1", "\u00bc\u0628", 0, 2),
        ("4\u0628", "\u00bc\u0628", 0, 2),
        ("\u0639\u0644\u064a", "\u0639\u0644\u064a", 3, 6),
    ]


@pytest.mark.slow
@given(st.text(alphabet="abcقاسم \u200c-", min_size=1, max_size=50))
def test_long_input_is_bounded(chunk: str) -> None:
    s = (chunk * (100_000 // len(chunk) + 1))[:100_000]
    out = nm.normalize(s)
    assert len(out) <= 2 * len(s)  # a script change can add one space per letter


def test_matches_camel_tools_on_generated_arabic() -> None:
    camel = pytest.importorskip("camel_tools.utils.normalize")
    dediac = pytest.importorskip("camel_tools.utils.dediac")
    from hypothesis import find, settings  # noqa: F401

    from tests.conftest import ARABIC_LETTERS

    letters = ARABIC_LETTERS.replace("پچژگیکۀ", "")
    import random

    rng = random.Random(7)
    for _ in range(2000):
        word = "".join(rng.choice(letters + "\u064e\u064f\u0650\u0651\u0652") for _ in range(rng.randint(1, 10)))
        ref = dediac.dediac_ar(word)
        ref = camel.normalize_alef_ar(camel.normalize_alef_maksura_ar(camel.normalize_teh_marbuta_ar(ref)))
        ours = normalize_arabic(word)
        # namematch also folds hamza seats (ؤ ئ); apply the same to camel-tools' output
        ref = ref.replace("ؤ", "و").replace("ئ", "ي")
        assert ours == ref, (word, ours, ref)


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=60))
def test_ascii_fast_path_matches_the_general_tokenizer(text: str) -> None:
    from namematch._text import _tokenize_ascii, _tokenize_general

    assert _tokenize_ascii(text) == _tokenize_general(text)


@given(st.text(alphabet=st.sampled_from([chr(o) for o in range(0x0600, 0x0700)] + [" "] * 20), max_size=40))
def test_arabic_fast_path_matches_the_general_tokenizer(text: str) -> None:
    from namematch._text import (
        _ARABIC_PLAIN,
        _tokenize_arabic_plain,
        _tokenize_general,
        tokens,
    )

    if _ARABIC_PLAIN.fullmatch(text):  # plain letters and spaces: the fast path's inputs
        assert _tokenize_arabic_plain(text) == _tokenize_general(text)
    assert tokens(text) == _tokenize_general(text)  # whichever path the dispatcher takes


def test_arabic_fast_path_takes_plain_names_only() -> None:
    from namematch._text import _ARABIC_PLAIN

    assert _ARABIC_PLAIN.fullmatch("نصير عبد المحسن عبد الله الخراوي")
    assert _ARABIC_PLAIN.fullmatch("مسعود پزشکیان")
    assert not _ARABIC_PLAIN.fullmatch("أَحْمَد")  # diacritics
    assert not _ARABIC_PLAIN.fullmatch("محمـــد")  # tatweel
    assert not _ARABIC_PLAIN.fullmatch("محمد\u200cرضا")  # ZWNJ
    assert not _ARABIC_PLAIN.fullmatch("علي ٢")  # a digit


def test_ascii_fast_path_trims_dropped_marks_from_spans() -> None:
    from namematch._text import _tokenize_ascii

    (tok,) = _tokenize_ascii("  'Ja'far`  ")
    assert (tok.text, tok.norm, tok.start, tok.end) == ("Ja'far", "jafar", 3, 9)


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=30))
def test_normalize_latin_ascii_fast_path_agrees_with_the_unicode_path(text: str) -> None:
    from namematch.normalize import normalize_latin

    # a non-ASCII letter that normalises away (combining acute) forces the Unicode path
    assert normalize_latin(text) == normalize_latin(text + "\u0301")


def test_a_letter_is_read_in_the_script_of_its_compatibility_form() -> None:
    # the Arabic mathematical alef is ا: it splits from a Greek letter before it, as ا would
    assert [(t.norm, t.script) for t in nm.tokenize("\u00b5\U0001ee00")] == [("μ", "other"), ("ا", "arabic")]
    assert nm.normalize("\u00b5\U0001ee00") == "μ ا" == nm.normalize("μ ا")
