"""The spelling prior of romanisation: folded word lists, look-ups and their cache."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from namematch import _latin_words as lw


def _tiny() -> lw.LatinWords:
    words = sorted(["fidan", "fidel", "hakan", "on", "tajani"])
    en = [15, 30, 20, 69, 14]
    anyl = [41, 35, 30, 69, 30]
    return lw.LatinWords(np.array(words, dtype=f"S{lw.WIDTH}"), np.array(en, np.uint8), np.array(anyl, np.uint8))


def test_fold_keeps_plain_words_only() -> None:
    assert lw.fold("garcía") == "garcia"
    assert lw.fold("straße") == "strasse"
    assert lw.fold("o'neil") == "" and lw.fold("a") == "" and lw.fold("x" * 30) == ""


def test_zipf_and_prefixes() -> None:
    words = _tiny()
    assert words.zipf(["fidan", "vedan", "on"]) == [(1.5, 4.1), (0.0, 0.0), (6.9, 6.9)]
    assert words.prefixes(["fid", "fide", "taj", "tax", "hakanx", ""]) == [True, True, True, False, False, True]
    assert {"", "f", "fi", "fid", "on"} <= words.short_prefixes and "ve" not in words.short_prefixes
    empty = lw.LatinWords.empty()
    assert empty.zipf(["fidan"]) == [(0.0, 0.0)] and empty.prefixes(["f"]) == [False]


def test_cache_round_trip_and_bad_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NAMEMATCH_CACHE_DIR", str(tmp_path))
    path = lw._cache_path()
    assert path is not None and path.parent == tmp_path
    lw._save(path, _tiny())
    loaded = lw._load(path)
    assert loaded is not None and loaded.zipf(["tajani"]) == [(1.4, 3.0)]
    path.write_bytes(b"not an npz file")
    assert lw._load(path) is None  # an unreadable cache is read again from the lists
    monkeypatch.setenv("NAMEMATCH_CACHE_DIR", "")
    assert lw._cache_path() is None  # empty: no cache


def test_the_lists_know_common_names() -> None:
    words = lw.latin_words()
    if not len(words):
        pytest.skip("wordfreq not installed")
    en, anyl = words.zipf(["hassan"])[0]
    assert anyl >= en > 0


def test_shipped_model_is_small_and_carries_its_ranking_weights() -> None:
    from namematch import romanize as _  # noqa: F401  (the package's data folder)
    from namematch._data import data_lines

    path = Path(lw.__file__).parent / "data" / "translit_model.tsv"
    assert path.stat().st_size <= 20_000_000
    ranks = [line.split("\t")[1] for line in data_lines("translit_model.tsv") if line.startswith("@rank")]
    assert ranks == ["logp", "zipf_en", "zipf_any", "word", "length"]


def test_latin_skeletons_write_consonant_classes() -> None:
    got = lw.latin_skeletons([b"ghasem", b"qassem", b"kazem", b"abdallah", b"shirin", b"fatimah", b"yusuf", b"maximilian"])
    assert got == [b"KSM", b"KSM", b"KDM", b"ABDL", b"XRN", b"FTM", b"SF", b"MKSMLN"]
    assert lw.latin_skeletons([]) == []


def test_words_by_skeleton_most_frequent_first_within_lengths() -> None:
    words = _tiny()
    assert words.by_skeleton(["FDN"], (4, 6), 5) == ["fidan"]  # fidel is FDL
    assert words.by_skeleton(["AN", "TJN"], (2, 6), 5) == ["on", "tajani"]
    assert words.by_skeleton(["AN", "TJN"], (3, 6), 5) == ["tajani"]  # "on" is too short
    assert words.by_skeleton(["AN", "TJN"], (2, 6), 1) == ["on"]
    assert words.by_skeleton(["ZZZ"], (2, 6), 5) == [] and lw.LatinWords.empty().by_skeleton(["FDN"], (1, 9), 5) == []


def test_arabic_skeletons_meet_the_latin_ones() -> None:
    from namematch._translit import arabic_skeletons

    pairs = [("فيدان", b"fidan"), ("هاكان", b"hakan"), ("عراقجي", b"araghchi"), ("جوزيف", b"joseph"),
             ("قاسم", b"ghasem"), ("شريف", b"sharif"), ("فاطمه", b"fatima")]
    for arabic, latin in pairs:
        assert lw.latin_skeletons([latin])[0].decode() in arabic_skeletons(arabic), (arabic, latin)
    assert arabic_skeletons("") == [] and arabic_skeletons("ab") == []


def test_words_of_one_skeleton_are_cut_to_the_limit_after_the_length_bounds() -> None:
    # five invented words of one skeleton BRN, of 4 and 5 letters, by frequency: barn brain baron boran bruno
    freq = {"barn": 50, "baron": 40, "brain": 45, "bruno": 30, "boran": 35}
    words = sorted(freq)
    zipf = np.array([freq[w] for w in words], np.uint8)
    tiny = lw.LatinWords(np.array(words, dtype=f"S{lw.WIDTH}"), zipf, zipf)
    assert tiny.by_skeleton(["BRN"], (5, 5), 2) == ["brain", "baron"]  # barn is too short, the rest past the limit
    assert tiny.by_skeleton(["BRN"], (4, 5), 3) == ["barn", "brain", "baron"]
    assert tiny.by_skeleton(["BRN"], (6, 9), 3) == []

def test_forced_alignment_scores_targets_like_the_search() -> None:
    from namematch._translit import JointModel, shipped_model

    model = shipped_model()
    if not isinstance(model, JointModel):
        pytest.skip("no trained model")
    letters = list("كريم")
    found = model.candidates(letters, False, False, 4, 0, 3)
    best = max(found, key=lambda s: found[s])
    forced = model.forced(letters, [best, "karimx" * 3, "krm"], False)
    assert "karimx" * 3 not in forced  # too long for four letters
    # the best segmentation's probability: at most the search's (summed over segmentations)
    assert forced[best] <= found[best] + 1e-9 and forced[best] > found[best] - 1.0
    assert forced["krm"] < forced[best]


#: A tiny invented joint model in which "ba" is reached two ways that score alike (ب:b ا:a and
#: ب:ba ا:), and what follows depends on which: after ا:a the ر:r reading is likelier.
_TIE_MODEL = """
lines = [f"{u}:{c}\t-2.0" for u, cs in {"ب": ("b", "ba"), "ا": ("", "a"), "ر": ("r", "ra")}.items() for c in cs]
lines += ["</s>\t-1.0", "ا:a ر:r\t-0.5", "ا: ر:r\t-3.0", "ا:a\t\t0", "ا:\t\t0"]
print(JointModel.from_lines(lines).forced(list("بار"), ["bar"], False))
"""


def test_forced_alignment_is_the_same_in_every_process() -> None:
    """Among prefixes that score alike the forced alignment keeps the one it found first: in the
    targets' order, never a set's (which changes with the hash seed from process to process)."""
    import subprocess
    import sys

    src = str(Path(__file__).resolve().parent.parent / "src")
    code = f"import sys; sys.path.insert(0, {src!r})\nfrom namematch._translit import JointModel\n" + _TIE_MODEL
    answers = set()
    for seed in range(6):
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env={"PYTHONHASHSEED": str(seed)},
                              check=True)
        answers.add(done.stdout.strip())
    assert answers == {"{'bar': -5.5}"}  # b + a (found first) keeps ا:a: -2 - 2 - 0.5 - 1

def test_chunk_model_lines_are_recognised() -> None:
    from namematch._translit import _is_chunk_model

    assert _is_chunk_model(["0\tب\tb\t12", "1\tب I\tba\t3"])
    assert not _is_chunk_model(["@rank\tlogp\t1", "<s> ب:b\t-1.2\t-0.3"]) and not _is_chunk_model([])


def test_convention_bonus_table_agrees_with_the_letter_rules() -> None:
    from namematch._translit import JointModel, _unit_bonus, shipped_model

    model = shipped_model()
    if not isinstance(model, JointModel):
        pytest.skip("no trained model")
    arabic, persian = model._bonus
    assert persian["و:v"] > 0 > arabic["و:v"]  # consonant و: v in Persian, w in Arabic spelling
    for tok in [t for t in model.probs[0] if ":" in t][:400]:
        unit, chunk = tok.split(":", 1)
        assert arabic.get(tok, 0.0) == _unit_bonus(unit, chunk, False)
        assert persian.get(tok, 0.0) == _unit_bonus(unit, chunk, True)


def test_quick_search_widths_come_from_the_model_file() -> None:
    from namematch._translit import _QUICK_SEARCH, JointModel, decode

    lines = [
        "@rank\tlogp\t1", "<s>\t\t-0.5", "ب:b\t-1.0", "ب:ba\t-1.5", "ب:bi\t-2.0", "ب:bu\t-2.5", "ا:a\t-0.7",
        "ن:n\t-1.0", "ن:na\t-1.6", "</s>\t-1.0",
    ]  # fmt: skip
    plain = JointModel.from_lines(lines)
    assert plain.quick_search == _QUICK_SEARCH
    narrow = JointModel.from_lines([*lines, "@search\tquick_beam\t1", "@search\tquick_expand\t1", "@search\tquick_word_beam\t0"])
    assert narrow.quick_search == (1, 0, 1)
    wide = decode("بان", False, 5, plain)
    assert [s for s, _ in decode("بان", False, 5, narrow)] == [wide[0][0]]  # one reading per letter: one spelling
    assert len(wide) > 1 and decode("بان", False, 5, plain) == wide  # deterministic


def test_state_moves_memoised_by_the_kept_history_are_the_model_s_moves() -> None:
    """A move from a state is memoised by the history the next state keeps (the state's last
    graphone in a trigram model): states sharing it share the move, which must be the state of
    the longest suffix of the full history the model has, whichever state asked first."""
    from namematch._translit import JointModel

    lines = [
        "@rank\tlogp\t1", "<s>\t\t-0.5", "ب:b\t-1.0\t-0.3", "ب:ba\t-1.5\t-0.2", "ا:a\t-0.7\t-0.1", "ن:n\t-1.0",
        "</s>\t-1.0", "<s> ب:b\t-0.4\t-0.2", "ب:b ا:a\t-0.3\t-0.1", "ب:ba ن:n\t-0.2", "<s> ب:b ا:a\t-0.2",
        "ب:b ا:a ن:n\t-0.1", "ا:a ن:n\t-0.5",
    ]  # fmt: skip
    model = JointModel.from_lines(lines)
    assert model.order == 3
    toks = ["ب:b", "ب:ba", "ا:a", "ن:n"]
    for first in (list(range(len(model.contexts))), list(reversed(range(len(model.contexts))))):
        fresh = JointModel.from_lines(lines)
        for state in first:
            for tok in toks:
                expected = fresh._longest_state((*fresh.contexts[state], tok)[-2:])
                assert fresh._after(state, tok) == expected
    # states ending in the same graphone share the memo entry; different ones do not
    a, b = model.state_of[("<s>", "ب:b")], model.state_of[("ب:b",)]
    assert model._tails[a] == model._tails[b] and model._tails[a] != model._tails[model.state_of[("ا:a",)]]
