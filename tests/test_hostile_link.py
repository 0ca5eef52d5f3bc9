"""Hostile input for mention finding: a long word written without spaces.

Splitting a glued word into two parts must cost time linear in its length: only cuts
whose parts can be listed words are tried. These tests check the bounded search finds
exactly what trying every cut finds, and that the number of lookups does not grow with
the word (counted, not timed).
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import namematch
from namematch.link import _evidence
from namematch.link._resources import words

_LW = words()
_COMMON = sorted(f for f, z in _LW.zipf["fa"].items() if z >= _evidence.COMPOUND_ZIPF and 3 <= len(f) <= 9)[:400]
_GIVEN = sorted(f for f in _LW.given if len(f) >= 3)[:400]
_LETTERS = "ابتدرسعلمنهوي"


def _every_cut_compound_zipf(stem: str) -> float:
    """The unbounded scan: every cut of the word."""
    lw = _LW
    if len(stem) < 5:
        return 0.0
    best = 0.0
    for head in _evidence._VERB_PREFIXES:
        if stem.startswith(head) and len(stem) - len(head) >= 3:
            best = max(best, _evidence.zipf_ar(stem[len(head):], lw))
    for cut in range(3, len(stem) - 2):
        a, b = stem[:cut], stem[cut:]
        if (b in _evidence.DETACHED_SUFFIXES or b.endswith(_evidence.PERSIAN_SUFFIXES[:4])
                or a in lw.given or b in lw.given):
            continue
        if len(a) < 4 and len(b) < 4:
            continue
        za, zb = _evidence.zipf_ar(a, lw), _evidence.zipf_ar(b, lw)
        if (za >= _evidence.COMPOUND_ZIPF and zb >= _evidence.COMPOUND_ZIPF
                and _evidence.form_rarity(a) >= 0.5 and _evidence.form_rarity(b) >= 0.5):
            best = max(best, min(za, zb))
    return best


_piece = st.one_of(st.sampled_from(_COMMON), st.sampled_from(_GIVEN), st.text(_LETTERS, min_size=1, max_size=4))
_glued = st.lists(_piece, min_size=1, max_size=4).map("".join)


@settings(max_examples=150, deadline=None)
@given(_glued)
def test_bounded_compound_split_finds_what_every_cut_finds(stem: str) -> None:
    assert _evidence._compound_zipf(stem, _LW) == _every_cut_compound_zipf(stem)


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(_GIVEN), _glued)
def test_given_name_head_split_is_found_however_long_the_rest(head: str, rest: str) -> None:
    stem = head + rest
    split = _evidence.split_compound.__wrapped__(stem)
    if split is not None and split[0] in _LW.given and split[0] == stem[: len(split[0])]:
        assert split[0] + split[1] == stem
    if len(stem) >= 6 and rest in _LW.given and len(rest) >= 3:
        assert split is not None


def test_lookups_do_not_grow_with_a_long_unspaced_word(monkeypatch: object) -> None:
    calls = 0
    real = _evidence.zipf_ar

    def counting(form: str, lw: object) -> float:
        nonlocal calls
        calls += 1
        return real(form, lw)  # type: ignore[arg-type]

    monkeypatch.setattr(_evidence, "zipf_ar", counting)  # type: ignore[attr-defined]
    counts = []
    for n in (1_000, 4_000):
        calls = 0
        _evidence._compound_zipf("عبد" * n, _LW)
        counts.append(calls)
    assert counts[0] == counts[1]
    assert counts[1] <= 4 * _evidence._longest(_LW).common


def test_long_unspaced_word_text_is_read_without_a_mention() -> None:
    assert namematch.find_mentions("عبد" * 20_000) == []
