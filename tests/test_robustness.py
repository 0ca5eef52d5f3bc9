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

import importlib
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
from hypothesis import example, given, settings
from hypothesis import strategies as st

import namematch as nm
from namematch.parse import MAX_TOKENS
from namematch.score import DEFAULT_CONFIG
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
    assert m is None or (isinstance(m, nm.Candidate) and m.chance >= REGISTRY.match_threshold)


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
@example({"a": "\u0621\u0621\u063a\u0622", "b": "\u0648\u0632\u064a\u0631\ud8000\u0620 \u0621\u0621\u063a\u0622"})
@example({"a": "\u0621\u0621\u0621\u06cc", "b": "\u0300\u0621\u0621\u06cc \u0621\u0621\u0621\u06cc"})
def test_resolve_documents_any_str(docs: dict[str, str]) -> None:
    ents = nm.resolve_documents(docs, REGISTRY)
    assert isinstance(ents, list) and all(isinstance(e, nm.Entity) for e in ents)
    # no silent loss: every mention link() finds is in exactly one entity
    found = {(d, lm.start, lm.end) for d, t in docs.items() for lm in nm.link(t, REGISTRY)}
    got = [(m.doc_id, m.start, m.end) for e in ents for m in e.mentions]
    assert len(got) == len(set(got)) and found <= set(got)
    # what resolve_documents adds is a lone family name (one word, as written), in an
    # entity that holds a mention link() found in another document
    for e in ents:
        for m in e.mentions:
            if (m.doc_id, m.start, m.end) in found:
                continue
            assert len(m.text.split()) == 1
            if _encodable(docs[m.doc_id]):
                assert m.text == docs[m.doc_id][m.start : m.end]
            assert any(
                (o.doc_id, o.start, o.end) in found and o.doc_id != m.doc_id for o in e.mentions
            )


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
    if bad is not None:  # a missing name (None, NaN) gives a NaN row or column of score_matrix
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
        assert len(_score_mod.DEFAULT_SCORER.prepare(name).units) <= DEFAULT_CONFIG.max_units
        assert 0.0 <= nm.score(name, name + " x") <= 1.0
        assert len(nm.romanizations(name, limit=3)) <= 3
        assert nm.cluster([name, name + " x"])


@pytest.mark.slow
def test_one_megabyte_strings_everywhere() -> None:
    assert len(nm.normalize(ONE_MB)) > 500_000  # linear scan, nothing dropped
    assert len(nm.parse(ONE_MB).tokens) == MAX_TOKENS
    assert nm.keys(ONE_MB)
    assert nm.romanize(ONE_MB).isascii()
    assert 0.0 <= nm.score(ONE_MB, ONE_MB[::-1]) <= 1.0
    assert isinstance(REGISTRY.resolve(ONE_MB), list)
    assert sorted(n for g in nm.cluster([ONE_MB, ONE_MB[1:]]) for n in g) == sorted([ONE_MB, ONE_MB[1:]])


def test_one_huge_unit_is_decoded_in_linear_time(monkeypatch: pytest.MonkeyPatch) -> None:
    # a 200,000-letter "unit" made romanize quadratic (it hung); the beam search
    # now sees at most _MAX_DECODE letters and the rest is read letter by letter
    rom = importlib.import_module("namematch._translit")

    seen: list[int] = []
    real = rom._decode_letters

    def counting(letters, persian, limit, model):  # type: ignore[no-untyped-def]
        seen.append(len(letters))
        return real(letters, persian, limit, model)

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


# ---------------------------------------------------------------------------
# Determinism across PYTHONHASHSEED values
# ---------------------------------------------------------------------------

_DETERMINISM_SCRIPT = textwrap.dedent(
    """
    import json, namematch as nm
    names = ["Qassem Soleimani", "قاسم سليماني", "Ghasem Soleymani", "Sattar Hаshemi", "ستار هاشمي",
             "Muhammad bin Salman", "Salman bin Muhammad", "محمد بن سلمان", "Masoud Pezeshkian",
             "مسعود پزشکیان", "Abbas Araghchi", "عباس عراقچی", "Ali Hassan", "Ali Hussein", "علي حسين",
             "\\u202eMohammed\\u200d Ali", "Nasir Abd al-Muhsin", "\\ud800", ""]
    reg = nm.Registry([nm.Person("q1", "Qassem Soleimani", ("قاسم سليماني",)),
                       nm.Person("h1", "Sattar Hashemi", ("ستار هاشمي",)),
                       nm.Person("a1", "Abbas Araghchi"), nm.Person("a2", "Ali Hassan"),
                       nm.Person("a3", "Ali Hussein")])
    text = " ".join(["Iranian Foreign Minister Abbas Araghchi met Sattar Hashemi.",
                     "وقال وزير الخارجية عباس عراقجي إن", "Araghchi said Ali Hassan agreed."])
    out = {
        "scores": [[nm.score(a, b) for b in names] for a in names],
        "keys": [sorted(nm.keys(n)) for n in names],
        "romanizations": [nm.romanizations(n, limit=5) for n in names],
        "cluster": nm.cluster(names),
        "resolve": [[(c.person.id, c.score, c.alias) for c in reg.resolve(n)] for n in names],
        "mentions": [(m.text, m.start, m.end, m.script) for m in nm.find_mentions(text)],
        "entities": [(e.name, [(m.doc_id, m.start) for m in e.mentions])
                     for e in nm.resolve_documents({"b": text, "a": names[1] + " قال"}, reg)],
    }
    print(json.dumps(out, ensure_ascii=True, sort_keys=True))
    """
)


def test_same_output_across_hash_seeds() -> None:
    outputs = []
    for seed in ("0", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        proc = subprocess.run([sys.executable, "-c", _DETERMINISM_SCRIPT], capture_output=True,
                              text=True, env=env, timeout=300, check=True)
        outputs.append(proc.stdout)
    assert outputs[0] == outputs[1]
    assert json.loads(outputs[0])["cluster"]  # not trivially empty


# ---------------------------------------------------------------------------
# Data safety: registry files
# ---------------------------------------------------------------------------

_GOOD = [json.dumps(p.to_dict(), ensure_ascii=False) for p in PERSONS]


def _load_both(path: Path, loader):  # type: ignore[no-untyped-def]
    with pytest.raises(nm.RegistryError) as err:
        loader(path)
    return err.value, loader(path, errors="skip")


def test_truncated_jsonl_reports_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "trunc.jsonl"
    text = "\n".join(_GOOD) + "\n"
    path.write_text(text[: len(text) - 25], encoding="utf-8")  # cut inside the last record
    err, reg = _load_both(path, nm.Registry.from_jsonl)
    assert err.path == str(path) and err.line == len(_GOOD)
    assert f"trunc.jsonl:{len(_GOOD)}" in str(err)
    assert reg.load_report.loaded == len(_GOOD) - 1 and reg.load_report.skipped == 1


def test_latin1_files_report_the_line(tmp_path: Path) -> None:
    jl = tmp_path / "latin1.jsonl"
    jl.write_bytes(("\n".join([_GOOD[0], '{"id": "x", "name": "Hüseyin Çelik"}', _GOOD[1]]) + "\n").encode("latin-1", "replace"))
    err, reg = _load_both(jl, nm.Registry.from_jsonl)
    assert err.line == 2 and "UTF-8" in str(err) and "latin1.jsonl:2" in str(err)
    assert (reg.load_report.loaded, reg.load_report.skipped) == (2, 1)
    cs = tmp_path / "latin1.csv"
    cs.write_bytes("id,name\nq1,Qassem Soleimani\nx,Hüseyin Çelik\nh1,Sattar Hashemi\n".encode("latin-1"))
    err, reg = _load_both(cs, nm.Registry.from_csv)
    assert err.line == 3 and "latin1.csv:3" in str(err)
    assert (reg.load_report.loaded, reg.load_report.skipped) == (2, 1)
    assert [n for n, _ in reg.load_report.errors] == [3]


def test_utf16_with_bom_loads_and_reports_lines(tmp_path: Path) -> None:
    for enc in ("utf-16", "utf-16-be"):
        path = tmp_path / f"{enc}.csv"
        bom = "\ufeff" if enc == "utf-16-be" else ""
        path.write_text(bom + "id,name,aliases\nq1,Qassem Soleimani,قاسم سليماني\nq1,Again,\n", encoding=enc)
        err, reg = _load_both(path, nm.Registry.from_csv)
        assert err.line == 3 and "duplicate" in str(err)
        assert reg.get("q1").aliases == ("قاسم سليماني",)
        assert reg.load_report.skipped == 1
    broken = tmp_path / "odd.jsonl"
    broken.write_bytes((_GOOD[0] + "\n").encode("utf-16")[:-1])  # odd byte count
    with pytest.raises(nm.RegistryError, match="UTF-16") as err:
        nm.Registry.from_jsonl(broken)
    assert err.value.path == str(broken)


def test_duplicate_ids_and_missing_fields_are_counted(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    lines = [_GOOD[0], _GOOD[0], '{"name": "No Id"}', '{"id": "n"}', "[1, 2]", '{"id": 5, "name": "Int Id"}',
             '{"id": "b", "name": "x", "aliases": "not a list"}', '{"id": null, "name": "x"}', "", _GOOD[1]]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    err, reg = _load_both(path, nm.Registry.from_jsonl)
    assert err.line == 2 and "duplicate" in str(err)
    rep = reg.load_report
    assert rep.loaded == 3  # q1, the int id 5 (documented), h1
    assert [n for n, _ in rep.errors] == [2, 3, 4, 5, 7, 8]
    assert rep.skipped == len(rep.errors)
    assert "missing field(s): id" in dict(rep.errors)[3] and "name" in dict(rep.errors)[4]
    # nothing lost silently: every non-blank line is loaded or reported
    assert rep.loaded + rep.skipped == sum(1 for x in lines if x.strip())
    cs = tmp_path / "missing.csv"
    cs.write_text("id,name\nq1,Qassem Soleimani\n,No Id\nh1,\nq1,Dup\nshort\n", encoding="utf-8")
    err, reg = _load_both(cs, nm.Registry.from_csv)
    assert err.line == 3
    assert [n for n, _ in reg.load_report.errors] == [3, 4, 5, 6]
    with pytest.raises(nm.RegistryError, match="'id' and 'name'"):
        bad = tmp_path / "nohead.csv"
        bad.write_text("ident,label\n1,Ali\n", encoding="utf-8")
        nm.Registry.from_csv(bad)


def test_csv_unterminated_quote_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "quote.csv"
    path.write_text('id,name\n1,"Ali Hassan\n2,Qassem Soleimani\n3,Sattar Hashemi\n', encoding="utf-8")
    with pytest.raises(nm.RegistryError) as err:
        nm.Registry.from_csv(path)
    assert err.value.line == 2


def test_saved_index_of_another_format_or_kind_is_refused(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "reg.nmx"
    REGISTRY.save(path)
    raw = path.read_bytes()
    # another format version (a newer or older namematch)
    current = nm.registry.INDEX_FORMAT_VERSION
    for version in (str(current - 1), str(current + 1)):
        con = sqlite3.connect(path)
        con.execute("UPDATE meta SET value=? WHERE key='format'", (version,))
        con.commit()
        con.close()
        with pytest.raises(nm.RegistryFormatError, match=r"format|not a namematch") as err:
            nm.Registry.load(path)
        assert err.value.path == str(path)
        path.write_bytes(raw)
    # another SQLite database, a truncated index, a text file
    other = tmp_path / "other.db"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE x (a)")
    con.commit()
    con.close()
    trunc = tmp_path / "trunc.nmx"
    trunc.write_bytes(raw[: len(raw) // 2])
    text = tmp_path / "text.nmx"
    text.write_text("\n".join(_GOOD), encoding="utf-8")
    for bad in (other, trunc, text):
        with pytest.raises(nm.RegistryFormatError):
            nm.Registry.load(bad)
    assert nm.Registry.load(path).match("Kassem Suleimani").person.id == "q1"


def test_saved_index_with_garbled_format_value_is_refused(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "reg.nmx"
    REGISTRY.save(path)
    con = sqlite3.connect(path)
    con.execute("UPDATE meta SET value='1.0-beta' WHERE key='format'")
    con.commit()
    con.close()
    with pytest.raises(nm.RegistryFormatError):
        nm.Registry.load(path)


_KILLED_SAVE = textwrap.dedent(
    """
    import sys, namematch as nm
    path = sys.argv[1]
    persons = [nm.Person(f"p{i}", f"Person{i} Name{i} Zadeh") for i in range(400)]
    reg = nm.Registry(persons)
    print("ready", flush=True)
    while True:  # save over and over until killed
        reg.save(path)
    """
)


def test_index_save_survives_sigkill(tmp_path: Path) -> None:
    # extends tests/test_registry.py (which kills a JSONL writer at a chosen point):
    # a writer of the SQLite index killed at an arbitrary moment leaves the old index
    path = tmp_path / "reg.nmx"
    REGISTRY.save(path)
    before = path.read_bytes()
    proc = subprocess.Popen([sys.executable, "-c", _KILLED_SAVE, str(path)], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        deadline = time.monotonic() + 60
        while path.read_bytes() == before and time.monotonic() < deadline:
            time.sleep(0.01)  # until at least one save has replaced the file
        time.sleep(0.05)
    finally:
        proc.kill()
        proc.wait()
    reg = nm.Registry.load(path)  # whole: either a complete old or a complete new index
    assert len(reg) in (len(PERSONS), 400)
    assert reg.match("Person7 Name7 Zadeh").person.id == "p7"


# ---------------------------------------------------------------------------
# Thread safety
# ---------------------------------------------------------------------------


def test_reads_during_writes_equal_some_serial_order() -> None:
    base = [nm.Person(p.id, p.name, p.aliases) for p in PERSONS]
    added = [nm.Person(f"x{k}", f"Karim Number{k} Tabrizi") for k in range(40)]
    mentions = ["Karim Number7 Tabrizi", "Karim Tabrizi", "Kassem Suleimani", "ستار هاشمي"]

    def answer(reg: nm.Registry, m: str) -> tuple:
        return tuple((c.person.id, c.score) for c in reg.resolve(m, limit=3))

    # every state a serial order can show: after 0, 1, ..., 40 additions
    serial = nm.Registry(base)
    valid = {m: {answer(serial, m)} for m in mentions}
    for p in added:
        serial.add(p)
        for m in mentions:
            valid[m].add(answer(serial, m))
    reg = nm.Registry(base)
    seen: list[tuple[str, tuple]] = []
    errors: list[BaseException] = []
    stop = threading.Event()

    def reader() -> None:
        try:
            while not stop.is_set():
                for m in mentions:
                    seen.append((m, answer(reg, m)))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=reader) for _ in range(8)]
    for t in threads:
        t.start()
    for p in added:
        reg.add(p)
        time.sleep(0.001)
    stop.set()
    for t in threads:
        t.join()
    assert not errors
    assert seen
    assert all(a in valid[m] for m, a in seen)


def test_loaded_index_reads_from_many_threads(tmp_path: Path) -> None:
    path = tmp_path / "reg.nmx"
    REGISTRY.save(path)
    reg = nm.Registry.load(path)
    mentions = ["Kassem Suleimani", "ستار هاشمي", "Masoud Pezeshkian", "Angela Merkel"] * 10
    serial = [[(c.person.id, c.score) for c in reg.resolve(m)] for m in mentions]
    results: dict[int, list] = {}

    def work(k: int) -> None:
        results[k] = [[(c.person.id, c.score) for c in reg.resolve(m)] for m in mentions]

    threads = [threading.Thread(target=work, args=(k,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(results[k] == serial for k in range(8))


# ---------------------------------------------------------------------------
# Command line
# ---------------------------------------------------------------------------


def _cli(*args: str, stdin: bytes | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "namematch", *args], input=stdin,
                          capture_output=True, timeout=timeout)


def _clean_failure(proc: subprocess.CompletedProcess, *needles: str) -> None:
    err = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode != 0
    assert "Traceback" not in err
    assert err.startswith("namematch: ") and err.count("\n") == 1, err
    for n in needles:
        assert n in err, err


def test_cli_binary_and_misencoded_input(tmp_path: Path) -> None:
    binary = tmp_path / "blob.bin"
    binary.write_bytes(bytes(range(256)) * 100)
    latin1 = tmp_path / "names.txt"
    latin1.write_bytes("Ali\nHüseyin\n".encode("latin-1"))
    odd16 = tmp_path / "odd16.txt"
    odd16.write_bytes("Ali\n".encode("utf-16")[:-1])
    for cmd in ("cluster", "link"):
        _clean_failure(_cli(cmd, str(binary)), "blob.bin", "binary")
        _clean_failure(_cli(cmd, str(latin1)), "names.txt:2", "UTF-8")
        _clean_failure(_cli(cmd, str(odd16)), "odd16.txt", "UTF-16")  # was a message without the path
    _clean_failure(_cli("resolve", "--registry", str(binary), "Ali"), "blob.bin")
    # binary on stdin: undecodable lines end cleanly too
    _clean_failure(_cli("normalize", stdin=b"Ali\n\xff\xfe\x00bad\n"), "<stdin>:2")
    _clean_failure(_cli("normalize", stdin="Ali\nHüseyin\n".encode("latin-1")), "<stdin>:2", "UTF-8")
    _clean_failure(_cli("cluster", "-", stdin="Ali\nHüseyin\n".encode("latin-1")), "<stdin>:2")


def test_cli_unreadable_paths(tmp_path: Path) -> None:
    missing = tmp_path / "nope" / "names.txt"
    for args in (("cluster", str(missing)), ("link", str(missing)), ("link", str(tmp_path)),
                 ("cluster", str(tmp_path)), ("resolve", "--registry", str(missing), "Ali"),
                 ("resolve", "--registry", str(tmp_path), "Ali")):
        _clean_failure(_cli(*args), str(missing) if str(missing) in args else str(tmp_path))
    if os.path.exists("/proc/self/mem"):  # reading it fails with EIO: an unreadable file even for root
        _clean_failure(_cli("cluster", "/proc/self/mem"), "cannot read")
    if hasattr(os, "geteuid") and os.geteuid() != 0:
        locked = tmp_path / "locked.txt"
        locked.write_text("Ali\n")
        locked.chmod(0)
        _clean_failure(_cli("cluster", str(locked)), "locked.txt")


@pytest.mark.slow
def test_cli_huge_input(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text(ONE_MB * 3, encoding="utf-8")  # one 3 MB line
    proc = _cli("normalize", "--format", "jsonl", stdin=big.read_bytes())
    assert proc.returncode == 0 and len(proc.stdout) > 1_000_000
    lines = tmp_path / "lines.txt"
    lines.write_text("\n".join(["Qassem Soleimani", "قاسم سليماني", "Sattar Hashemi"] * 3000), encoding="utf-8")
    proc = _cli("cluster", str(lines), "--format", "jsonl")
    assert proc.returncode == 0
    groups = [json.loads(x) for x in proc.stdout.decode().splitlines()]
    assert sum(g["size"] for g in groups) == 9000  # nothing dropped
    proc = _cli("link", str(big), "--format", "csv")
    assert proc.returncode == 0 and proc.stdout.count(b"\n") > 1000


@pytest.mark.parametrize("fmt", ["table", "jsonl", "csv"])
def test_cli_broken_pipe(fmt: str, tmp_path: Path) -> None:
    names = tmp_path / "names.txt"
    names.write_text("".join(f"Ali Hassan {k}\n" for k in range(100_000)), encoding="utf-8")
    cmd = [sys.executable, "-m", "namematch", "normalize", "--format", fmt]
    with names.open("rb") as stdin:  # `namematch normalize < names.txt | head -1`
        writer = subprocess.Popen(cmd, stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert writer.stdout is not None and writer.stderr is not None
    first = writer.stdout.readline()
    writer.stdout.close()
    err = writer.stderr.read().decode()
    writer.wait(timeout=120)
    assert first.strip()
    assert "Traceback" not in err and "Exception ignored" not in err and err == ""
    assert writer.returncode != 0  # 141 = 128 + SIGPIPE


def test_cli_sigint_is_a_clean_exit() -> None:
    # a shell's background job inherits SIGINT ignored, and Python then keeps it ignored:
    # give the CLI the default disposition a terminal user has
    proc = subprocess.Popen([sys.executable, "-u", "-m", "namematch", "normalize", "--format", "jsonl"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write("Ali Hassan\n")
    proc.stdin.flush()
    assert json.loads(proc.stdout.readline())["normalized"] == "ali hassan"  # main() is running
    proc.send_signal(signal.SIGINT)  # Ctrl-C while it waits for more input
    # stdin stays open until the process has exited: closing it first would race the
    # signal with an ordinary end of input (exit 0)
    proc.wait(timeout=60)
    proc.stdin.close()
    assert proc.stderr is not None
    err = proc.stderr.read()
    proc.stdout.close()
    proc.stderr.close()
    assert proc.returncode == 130
    assert err == "namematch: interrupted\n"
