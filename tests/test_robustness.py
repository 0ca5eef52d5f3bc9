"""Robustness: no crash, no hang, no silent loss on hostile or broken input (issue 8).

Every public function that takes text is fuzzed with hostile strings (lone
surrogates, combining-mark storms, bidi overrides, zero-width joiners, NUL,
mixed scripts, Cyrillic/Greek homoglyphs inside Latin names, emoji) and must
return its documented type; anything that is not a ``str`` must raise
:class:`TypeError` naming the argument. Cost bounds are checked through the
work done (output sizes, caps), never through wall time: timings live in
``benchmarks/robustness.py``.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import namematch as nm
import importlib
from namematch.parse import MAX_TOKENS
from namematch.score import MAX_UNITS
from tests.conftest import arabic_names, latin_names

_score_mod = importlib.import_module("namematch.score")

# ---------------------------------------------------------------------------
# Hostile strategies
# ---------------------------------------------------------------------------

#: Fragments that have broken text pipelines before.
HOSTILE_PIECES = [
    "\ud800", "\udfff", "\udbff\udc00",  # lone and paired (unjoinable) surrogates
    "a" + "\u0301" * 40, "\u064b" * 30, "\u0651\u0650" * 10, "\u20dd\u20de",  # combining-mark storms
    "\u202e", "\u202d", "\u2066", "\u2069", "\u200f", "\u200e", "\u061c",  # bidi controls
    "\u200d", "\u200c", "\u200b", "\ufeff", "\u2060",  # zero-width joiners and friends
    "\x00", "\x01", "\x7f", "\t", "\n", "\r\n", "\x0b", "\x1c", "\u2028", "\u0085",  # controls
    "Hаshemi", "Sаttаr", "Sоleimani", "Аli", "Мohammed", "Hαssan",  # Cyrillic/Greek homoglyphs
    "👨\u200d👩\u200d👧", "🇮🇷", "🙂", "\U0001f3fd", "\U000e0041",  # emoji, flags, tags
    "ﷺ", "ﷲ", "ﻻ", "ﬁ", "Ⅻ", "ǅ", "ß", "İ", "ﭐ",  # ligatures and case oddities
    "محمد", "سلیمانی", "قاسم سليماني", "پزشکیان", "عبد الله", "ابو", "آل",  # Arabic script
    "Qassem Soleimani", "al-", "bin", "Abd", "Sayyid", "Dr.", "'s", "O'Brien",
    "S.", "-", "،", ",", " ", "  ", "١٢٣", "۱۲۳", "123", "«", "»", "\"",
    "Minister", "وزير", "السيد", "President",
    "Алексей", "Ελένη", "漢字", "עברית", "देवनागरी",  # other scripts
]  # fmt: skip

_chars = st.characters(codec=None, categories=None)
#: Arbitrary short Unicode (every plane, surrogates and controls included).
_any = st.text(alphabet=_chars, max_size=12)
#: A hostile string: a few fragments, arbitrary text and names glued together.
hostile = st.lists(
    st.one_of(st.sampled_from(HOSTILE_PIECES), _any, arabic_names, latin_names),
    max_size=6,
).flatmap(lambda parts: st.sampled_from(["", " ", "\u200d", "-"]).map(lambda sep: sep.join(parts)))

#: Values that are not str, for the TypeError checks.
NON_STR = [None, 1, 2.5, b"Ali", bytearray(b"Ali"), ["Ali"], ("Ali",), {"Ali": 1}, object()]

FUZZ = settings(max_examples=500, deadline=None)

PERSONS = [
    nm.Person("q1", "Qassem Soleimani", ("قاسم سليماني", "Ghasem Soleymani")),
    nm.Person("h1", "Sattar Hashemi", ("سيد ستار هاشمي",)),
    nm.Person("p1", "Masoud Pezeshkian", ("مسعود پزشکیان",)),
    nm.Person("m1", "Muhammad bin Salman", ("محمد بن سلمان",)),
    nm.Person("a1", "Abbas Araghchi", ("عباس عراقچی",)),
]
REGISTRY = nm.Registry(PERSONS)


def _encodable(s: str) -> bool:
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


# ---------------------------------------------------------------------------
# Fuzzing: documented types for any str
# ---------------------------------------------------------------------------


@FUZZ
@given(hostile)
def test_normalize_any_str(text: str) -> None:
    out = nm.normalize(text)
    assert isinstance(out, str)
    assert _encodable(out)  # lone surrogates never leak out
    assert out == out.strip() and "  " not in out
    assert nm.normalize(out) == out  # documented idempotence
    for tok in nm.tokenize(text):
        assert tok.norm and tok.start < tok.end


@FUZZ
@given(hostile)
def test_parse_any_str(text: str) -> None:
    parsed = nm.parse(text)
    assert isinstance(parsed, nm.ParsedName)
    assert len(parsed.tokens) <= MAX_TOKENS
    assert all(isinstance(t, nm.NameToken) for t in parsed.tokens)
    json.dumps(parsed.to_dict(), ensure_ascii=False)  # serialisable


@FUZZ
@given(hostile)
def test_romanize_any_str(text: str) -> None:
    out = nm.romanize(text)
    assert isinstance(out, str)
    assert out.isascii(), out  # a Latin spelling, whatever came in
    for conv in ("arabic", "persian"):
        assert isinstance(nm.romanize(text, convention=conv), str)


@FUZZ
@given(hostile, st.integers(min_value=-2, max_value=12))
def test_romanizations_any_str(text: str, limit: int) -> None:
    out = nm.romanizations(text, limit=limit)
    assert isinstance(out, list) and all(isinstance(x, str) and x for x in out)
    assert len(out) <= max(limit, 0)
    assert len(set(out)) == len(out)


@FUZZ
@given(hostile)
def test_keys_any_str(text: str) -> None:
    out = nm.keys(text)
    assert isinstance(out, frozenset) and all(isinstance(k, str) and k for k in out)
    assert all(_encodable(k) for k in out)


@FUZZ
@given(hostile, hostile)
def test_score_explain_is_match_any_str(a: str, b: str) -> None:
    s = nm.score(a, b)
    assert isinstance(s, float) and 0.0 <= s <= 1.0
    assert nm.score(b, a) == s  # symmetric
    ex = nm.explain(a, b)
    assert isinstance(ex, nm.Explanation) and ex.score == s
    assert isinstance(str(ex), str)
    json.loads(ex.to_json())
    m = nm.is_match(a, b)
    assert isinstance(m, bool) and m == (s >= nm.DEFAULT_THRESHOLD)


@FUZZ
@given(st.lists(hostile, max_size=4), st.lists(hostile, max_size=4))
def test_score_matrix_any_str(queries: list[str], choices: list[str]) -> None:
    out = nm.score_matrix(queries, choices)
    assert out.shape == (len(queries), len(choices))
    assert ((out >= 0.0) & (out <= 1.0)).all()


@FUZZ
@given(hostile)
def test_registry_resolve_match_any_str(text: str) -> None:
    cands = REGISTRY.resolve(text, limit=3)
    assert isinstance(cands, list) and len(cands) <= 3
    assert all(isinstance(c, nm.Candidate) and 0.0 < c.score <= 1.0 for c in cands)
    assert [c.score for c in cands] == sorted((c.score for c in cands), reverse=True)
    assert len({c.person.id for c in cands}) == len(cands)
    m = REGISTRY.match(text)
    assert m is None or (isinstance(m, nm.Candidate) and m.score >= REGISTRY.scorer.threshold)


@FUZZ
@given(st.lists(hostile, max_size=6))
def test_cluster_any_str(names: list[str]) -> None:
    groups = nm.cluster(names)
    assert isinstance(groups, list) and all(isinstance(g, list) and g for g in groups)
    # a partition of the input, nothing lost or duplicated, input order kept
    flat = [n for g in groups for n in g]
    assert sorted(flat) == sorted(names)
    ids = nm.cluster_records([(str(i), n) for i, n in enumerate(names)])
    assert sorted(int(i) for g in ids for i in g) == list(range(len(names)))


@FUZZ
@given(hostile)
def test_find_mentions_any_str(text: str) -> None:
    out = nm.find_mentions(text)
    assert isinstance(out, list)
    prev_end = 0
    for m in out:
        assert isinstance(m, nm.Mention)
        assert prev_end <= m.start < m.end <= len(text)  # text order, no overlaps
        prev_end = m.end
        if _encodable(text):
            assert m.text == text[m.start : m.end]


@FUZZ
@given(hostile)
def test_link_any_str(text: str) -> None:
    out = nm.link(text, REGISTRY)
    assert isinstance(out, list) and all(isinstance(m, nm.LinkedMention) for m in out)
    for m in out:
        assert m.antecedent is None or 0 <= m.antecedent < len(out)
        assert m.person is None or isinstance(m.person, nm.Person)


@FUZZ
@given(st.dictionaries(st.sampled_from(["a", "b", "c", "d"]), hostile, max_size=3))
def test_resolve_documents_any_str(docs: dict[str, str]) -> None:
    ents = nm.resolve_documents(docs, REGISTRY)
    assert isinstance(ents, list) and all(isinstance(e, nm.Entity) for e in ents)
    # no silent loss: every mention link() finds is in exactly one entity
    found = sorted((d, lm.start, lm.end) for d, t in docs.items() for lm in nm.link(t, REGISTRY))
    got = sorted((m.doc_id, m.start, m.end) for e in ents for m in e.mentions)
    assert got == found


@pytest.mark.parametrize(
    "text",
    ["Ⅻا", "ﬁАлексей", "º̀", "ⅫАлексей", "ؠ´", "𝐀li", "ﷺ", "½ا"],
)
def test_normalize_idempotent_on_compatibility_characters(text: str) -> None:
    # found by the fuzzer: NFKC expansions (Ⅻ → XII, ﬁ → fi, ´ → space + mark)
    # used to change the tokenisation on a second pass
    once = nm.normalize(text)
    assert nm.normalize(once) == once


# ---------------------------------------------------------------------------
# Non-str input: TypeError naming the argument
# ---------------------------------------------------------------------------

_ONE_ARG = {
    "normalize": (nm.normalize, "name"),
    "tokenize": (nm.tokenize, "text"),
    "script_of": (nm.script_of, "text"),
    "parse": (nm.parse, "name"),
    "romanize": (nm.romanize, "name"),
    "romanizations": (nm.romanizations, "name"),
    "keys": (nm.keys, "name"),
    "find_mentions": (nm.find_mentions, "text"),
    "link": (nm.link, "text"),
    "Registry.resolve": (REGISTRY.resolve, "mention"),
    "Registry.match": (REGISTRY.match, "mention"),
}


@pytest.mark.parametrize("bad", NON_STR, ids=lambda v: type(v).__name__)
@pytest.mark.parametrize("name", sorted(_ONE_ARG))
def test_non_str_raises_type_error_naming_argument(name: str, bad: object) -> None:
    fn, argument = _ONE_ARG[name]
    with pytest.raises(TypeError, match=rf"\b{argument}\b"):
        fn(bad)


@pytest.mark.parametrize("bad", NON_STR, ids=lambda v: type(v).__name__)
@pytest.mark.parametrize("fn", [nm.score, nm.explain, nm.is_match], ids=lambda f: f.__name__)
def test_pair_functions_name_the_bad_argument(fn, bad: object) -> None:
    with pytest.raises(TypeError, match=r"\ba\b"):
        fn(bad, "Ali Hassan")
    with pytest.raises(TypeError, match=r"\bb\b"):
        fn("Ali Hassan", bad)


@pytest.mark.parametrize("bad", NON_STR, ids=lambda v: type(v).__name__)
def test_collection_items_must_be_str(bad: object) -> None:
    with pytest.raises(TypeError, match="names"):
        nm.cluster(["Ali", bad])
    with pytest.raises(TypeError, match="record"):
        nm.cluster_records([("1", "Ali"), ("2", bad)])
    with pytest.raises(TypeError, match="queries"):
        nm.score_matrix(["Ali", bad], ["Ali"])
    with pytest.raises(TypeError, match="choices"):
        nm.score_matrix(["Ali"], ["Ali", bad])
    with pytest.raises(TypeError, match="docs"):
        nm.resolve_documents({"d1": "Ali Hassan", "d2": bad})


@pytest.mark.parametrize("bad", ["Ali Hassan", b"Ali", None, 5], ids=repr)
def test_collections_refuse_a_single_string_or_non_iterable(bad: object) -> None:
    # a str passed where a list of names is expected used to be clustered letter by letter
    with pytest.raises(TypeError, match="names"):
        nm.cluster(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="records"):
        nm.cluster_records(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="docs"):
        nm.resolve_documents(bad)  # type: ignore[arg-type]


@pytest.mark.xfail(strict=True, reason="score.py: score_matrix iterates a str letter by letter and "
                   "names no argument for a non-iterable (bug reported, score.py not owned here)")
@pytest.mark.parametrize("bad", ["Ali Hassan", None], ids=repr)
def test_score_matrix_refuses_a_single_string_or_non_iterable(bad: object) -> None:
    with pytest.raises(TypeError, match="queries"):
        nm.score_matrix(bad, ["Ali"])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="choices"):
        nm.score_matrix(["Ali"], bad)  # type: ignore[arg-type]


def test_other_arguments_are_checked() -> None:
    with pytest.raises(TypeError, match="convention"):
        nm.romanize("علي", convention=1)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="convention"):
        nm.romanize("علي", convention="klingon")
    with pytest.raises(TypeError, match="limit"):
        nm.romanizations("علي", limit="3")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="lang"):
        nm.find_mentions("Ali", lang=3)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="registry"):
        nm.link("Ali", registry={})  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="limit"):
        REGISTRY.resolve("Ali", limit=0)


# ---------------------------------------------------------------------------
# Bounded cost (checked through the work done; timings in benchmarks/robustness.py)
# ---------------------------------------------------------------------------

_SENTENCE = "Qassem Soleimani met سيد ستار هاشمي and Мohammed bin Salman. "
ONE_MB = (_SENTENCE * (1_000_000 // len(_SENTENCE) + 1))[:1_000_000]


def test_thousand_token_names_are_capped() -> None:
    latin = " ".join(f"Name{chr(97 + k % 26)}{k}" for k in range(1000))
    arabic = " ".join(["محمد", "حسن", "علي", "سليماني"] * 250)
    for name in (latin, arabic):
        assert len(nm.parse(name).tokens) == MAX_TOKENS
        assert len(_score_mod._DEFAULT.prepare(name).units) <= MAX_UNITS
        assert 0.0 <= nm.score(name, name + " x") <= 1.0
        assert len(nm.romanizations(name, limit=3)) <= 3
        assert nm.cluster([name, name + " x"])


def test_one_megabyte_strings_everywhere() -> None:
    assert len(nm.normalize(ONE_MB)) > 500_000  # linear scan, nothing dropped
    assert len(nm.parse(ONE_MB).tokens) == MAX_TOKENS
    assert nm.keys(ONE_MB)
    assert nm.romanize(ONE_MB).isascii()
    assert 0.0 <= nm.score(ONE_MB, ONE_MB[::-1]) <= 1.0
    assert isinstance(REGISTRY.resolve(ONE_MB), list)
    assert sorted(sum(nm.cluster([ONE_MB, ONE_MB[1:]]), [])) == sorted([ONE_MB, ONE_MB[1:]])


def test_one_huge_unit_is_decoded_in_linear_time(monkeypatch: pytest.MonkeyPatch) -> None:
    # a 200,000-letter "unit" made romanize quadratic (it hung); the beam search
    # now sees at most _MAX_DECODE letters and the rest is read letter by letter
    rom = importlib.import_module("namematch.romanize")

    seen: list[int] = []
    real = rom._decode_letters

    def counting(letters, persian, limit):  # type: ignore[no-untyped-def]
        seen.append(len(letters))
        return real(letters, persian, limit)

    monkeypatch.setattr(rom, "_decode_letters", counting)
    unit = "بتث" * 70_000
    out = nm.romanize(unit)
    assert out.isascii() and len(out) >= 200_000  # every letter read
    assert seen and max(seen) <= rom._MAX_DECODE
    assert nm.romanizations(unit + "ج")[0].isascii()


def test_caches_skip_long_strings() -> None:
    # 10 distinct 1 MB texts used to stay in the tokenizer/parse caches (~490 MB)
    from namematch.normalize import CACHE_MAX_LEN, _tokenize_cached
    from namematch.parse import _parse_cached

    before = (_tokenize_cached.cache_info().currsize, _parse_cached.cache_info().currsize)
    for k in range(3):
        text = "Ali Hassan " * 50 + str(k)
        assert len(text) > CACHE_MAX_LEN
        nm.normalize(text)
        nm.parse(text)
        nm.romanize(text)
    after = (_tokenize_cached.cache_info().currsize, _parse_cached.cache_info().currsize)
    assert after == before


def test_find_mentions_grows_linearly_in_work() -> None:
    # same text repeated: mentions grow in proportion (no quadratic rescans needed to find them)
    small = nm.find_mentions(_SENTENCE * 100)
    big = nm.find_mentions(_SENTENCE * 1000)
    assert len(big) == 10 * len(small)


# ---------------------------------------------------------------------------
# Homoglyphs
# ---------------------------------------------------------------------------


def test_cyrillic_homoglyph_matches_latin_twin_and_is_explained() -> None:
    evasive = "Sattar Hаshemi"  # Cyrillic а (U+0430)
    assert "\u0430" in evasive
    assert nm.score("Sattar Hashemi", evasive) == 1.0
    assert nm.is_match("Sattar Hashemi", evasive)
    ex = nm.explain("Sattar Hashemi", evasive)
    assert any("look-alike" in r for r in ex.rules)
    assert "look-alike" in str(ex)
    assert REGISTRY.match(evasive).person.id == "h1"
    # Greek and Cyrillic capitals too, and inside a text
    assert nm.score("Qassem Soleimani", "Qаssеm Sоlеimаni") == 1.0
    assert nm.score("Abbas Araghchi", "Αbbas Αraghchi") == 1.0
    ms = nm.link("Foreign Minister Sattar Hаshemi said.", REGISTRY)
    assert [m.person.id for m in ms if m.person] == ["h1"]


def test_all_cyrillic_name_is_not_folded_into_latin() -> None:
    # a genuinely Cyrillic name keeps its script: folding is for look-alikes inside Latin
    assert nm.tokenize("Алексей")[0].script == "other"
