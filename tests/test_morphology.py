"""Name structure decided in one place (namematch._morphology): compound heads and tails, glued
articles, and the stages that read them. Invented names and name-like strings throughout."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import namematch as nm
from namematch import _morphology as morph
from namematch import lexicon
from namematch.keys import unit_keys
from namematch.link import _evidence
from namematch.romanize import romanize_unit

#: Arabic letters that start no head and end no tail when they stand first or last.
_LETTERS = "بتثجحخدذرسشصضطظغفقكمنهي"
arabic_rest = st.text(alphabet=_LETTERS, min_size=2, max_size=8)


# -- the tables ----------------------------------------------------------------------------


def test_every_spelt_kind_has_one_usual_spelling_in_both_conventions() -> None:
    for kind in (morph.ABD, morph.ABU, morph.UMM, morph.DIN, morph.ALLAH):
        for persian in (False, True):
            spellings = morph.latin_spellings(kind, persian)
            assert spellings, (kind, persian)
            assert max(score for _, score in spellings) == 0.0  # one usual spelling, the rest rarer
            assert all(s.isascii() and s.isalpha() and s.islower() for s, _ in spellings)
        assert morph.canonical(kind) in dict(morph.latin_spellings(kind))


def test_arabic_forms_are_normal_forms() -> None:
    for form in [*morph.arabic_head_forms(glued_only=False), *morph.arabic_tail_forms()]:
        assert nm.normalize(form) == form
    assert set(morph.arabic_head_forms()) < set(morph.arabic_head_forms(glued_only=False))
    assert morph.arabic_form(morph.ABD) == "عبد" and morph.arabic_form(morph.DIN) == "الدين"


def test_particles_are_read_with_their_kinds_and_romanised_spellings() -> None:
    kinds = morph.particle_kinds()
    assert kinds["bin"] == "lineage" and kinds["عبد"] == "abd" and kinds["الله"] == "allah"
    # every Arabic-script particle that stands alone has a Latin spelling to be written with
    latin = morph.particle_latin()
    assert latin["بن"] == "bin" and latin["عبد"] == "abd" and latin["آل"] == "al"
    assert all(kinds[form] in ("lineage", "article", "family", "abd", "kunya") for form in latin)


def test_sun_consonants_are_the_assimilated_articles() -> None:
    assert [morph.sun_consonant(w) for w in ("ar", "ash", "ud", "al", "abd", "ش")] == ["r", "sh", "d", "", "", ""]


# -- splitting words ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("عبدالحفيظ", ("abd", "الحفيظ")),
        ("ابوشامه", ("abu", "شامه")),
        ("abdelhafiz", ("abd", "hafiz")),
        ("abdurrafiq", ("abd", "rafiq")),
        ("abouzeid", ("abu", "zeid")),
        ("binzaqr", ("bin", "zaqr")),
        ("عب", None),
        ("عبد", None),  # a head alone is no compound
        ("hafiz", None),
    ],
)
def test_split_head(word: str, expected: tuple[str, str] | None) -> None:
    assert morph.split_head(word) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("شمسالدين", ("شمس", "din")),
        ("فتحالله", ("فتح", "allah")),
        ("نقيبزاده", ("نقيب", "zada")),
        ("shamsuddin", ("shams", "din")),
        ("fathullah", ("fath", "allah")),
        ("naqibzadeh", ("naqib", "zada")),
        ("aldin", None),  # three letters before a Latin tail at least
        ("الدين", None),
    ],
)
def test_split_tail(word: str, expected: tuple[str, str] | None) -> None:
    assert morph.split_tail(word) == expected


@given(arabic_rest, st.sampled_from(sorted(morph.arabic_head_forms().items())))
def test_an_arabic_head_glued_to_a_name_splits_off(rest: str, head: tuple[str, str]) -> None:
    form, kind = head
    assert morph.split_head(form + rest) == (kind, rest)


@given(arabic_rest, st.sampled_from(sorted(morph.arabic_tail_forms().items())))
def test_an_arabic_tail_glued_to_a_name_splits_off(rest: str, tail: tuple[str, str]) -> None:
    form, kind = tail
    assert morph.split_tail(rest + form) == (rest, kind)


@given(st.text(alphabet=_LETTERS + "اوعلأإآابدنزه" + "abdelinouz", max_size=12))
@settings(max_examples=300)
def test_a_split_puts_the_word_back_together(word: str) -> None:
    head = morph.split_head(word)
    if head is not None:
        assert word.endswith(head[1]) and len(head[1]) >= 2
    tail = morph.split_tail(word)
    if tail is not None:
        assert word.startswith(tail[0]) and tail[1] in morph.TAILS


@given(st.text(alphabet="bcfghjkmnpqtvwxz", min_size=3, max_size=8))
def test_every_glued_latin_abd_spelling_gives_one_unit_form(rest: str) -> None:
    forms = {morph.glued_abd(head + rest) for head in ("abdul", "abdel", "abdal", "abdol", "abdoul", "abdu", "abd")}
    assert forms == {"abdul" + rest}


def test_an_assimilated_article_after_abd_needs_its_own_consonant() -> None:
    assert morph.glued_abd("abdurrafiq") == morph.glued_abd("abdulrafiq") == "abdulrafiq"
    assert morph.glued_abd("abdussabur") == "abdulsabur"
    assert morph.glued_abd("abdurafiq") == "abdulrafiq"  # "abdur" needs an r after it: read as abdu + rafiq


def test_the_press_short_form_of_a_compound() -> None:
    assert morph.compound_rest("abdulhafiz") == "hafiz"
    assert morph.compound_rest("fathullah") == "fath"
    assert morph.compound_rest("عبدالحفيظ") == "حفيظ"
    assert morph.compound_rest("فتحالله") == "فتح"
    assert morph.compound_rest("abdullah") == morph.compound_rest("عبدالله") == ""  # Abd Allah is one name


def test_a_glued_latin_article_is_a_spelling_the_lexicon_confirms() -> None:
    assert morph.latin_article_rest("albert") == "bert"  # the spelling alone allows it ...
    assert lexicon.shipped().glued_article_core("albert") == ""  # ... the lexicon does not: Bert is no Arabic name
    assert morph.latin_nisba_article("alhafizi") == ("al", "hafizi")
    assert morph.latin_nisba_article("alhafiz") == ("", "alhafiz")  # only before a nisba


# -- the stages read one decision ------------------------------------------------------------


@given(arabic_rest, st.sampled_from(sorted(morph.arabic_head_forms().items())))
@settings(max_examples=60, deadline=None)
def test_parse_carries_the_arabic_head_morphology_finds(rest: str, head: tuple[str, str]) -> None:
    form, kind = head
    unit = nm.parse(form + rest).units[0]
    assert unit.head == kind == morph.arabic_structure(unit.core)[0]


@pytest.mark.parametrize(
    ("name", "head", "tail"),
    [
        ("Abdelhafiz Qurtubi", "abd", ""),
        ("Abd al-Hafiz Qurtubi", "abd", ""),
        ("عبد الحفيظ قرطبي", "abd", ""),
        ("Abouzeid Qurtubi", "abu", ""),
        ("Shams ud-Din Qurtubi", "", "din"),
        ("Shamsuddin Qurtubi", "", "din"),
        ("شمس الدين قرطبي", "", "din"),
        ("Fath Allah Qurtubi", "", "allah"),
        ("فتح الله قرطبي", "", "allah"),
        ("Abd Allah Qurtubi", "abd", ""),  # one name: no "X Allah" tail
        ("Naqib Zada Qurtubi", "", "zada"),
    ],
)
def test_parse_decides_the_structure_once_in_every_spelling(name: str, head: str, tail: str) -> None:
    unit = nm.parse(name).units[0]
    assert (unit.head, unit.tail) == (head, tail)


def test_romanisation_spells_a_compound_with_the_tables() -> None:
    # an unlisted compound: its head and tail take the spellings of compounds.tsv
    abd = romanize_unit("عبدقرطب", persian=False, limit=8)
    assert abd and abd[0].startswith(morph.canonical(morph.ABD))
    assert {s[: len(h)] for s in abd for h, _ in morph.latin_spellings(morph.ABD) if s.startswith(h)}
    allah = romanize_unit("قرطبالله", persian=True, limit=3)
    assert allah[0].endswith(morph.latin_spellings(morph.ALLAH, persian=True)[-1][0])  # ollah: Persian usage
    assert nm.romanize("ابوقرطب", style="display").startswith("Abu ")


def test_keys_of_a_compound_include_its_distinctive_part() -> None:
    assert unit_keys("hafiz", "latin") <= unit_keys("abdulhafiz", "latin")
    assert unit_keys("فتح", "arabic") <= unit_keys("فتحالله", "arabic")


def test_the_linker_splits_a_glued_word_at_the_same_heads_and_tails() -> None:
    for head in morph.arabic_head_forms(glued_only=False):
        assert _evidence.split_compound(head + "قرطبي") == (head, "قرطبي")
    for tail, kind in morph.arabic_tail_forms().items():
        if kind != morph.ZADA:  # a family-name suffix, not a given name's tail
            assert _evidence.split_compound("قرطب" + tail) == ("قرطب", tail)
            assert _evidence.compound_given("قرطب" + tail)


def test_scoring_reads_the_unit_structure() -> None:
    # "Abd X" against a plain "X", and a compound against its own first element, at a discount
    assert nm.score("Abdelhafiz Qurtubi", "Hafiz Qurtubi") >= nm.DEFAULT_THRESHOLD
    assert nm.score("Shamsuddin Qurtubi", "Shams Qurtubi") >= nm.DEFAULT_THRESHOLD
    assert morph.folded_head_rest("abdulhafiz", morph.ABD) == "hafiz"
    assert morph.folded_stem("shamsudin") == "shams"


def test_a_glued_abd_spelling_is_read_like_the_same_spelling_written_apart() -> None:
    # "Abdou" is an apart spelling of Abd (particles.tsv): glued, it is the same head
    def norms(name: str) -> list[str]:
        return [u.norm for u in nm.parse(name).units]

    assert norms("Abdourafiq Qurtubi") == norms("Abdou Rafiq Qurtubi") == ["abdulrafiq", "qurtubi"]
    assert nm.parse("Abdourafiq Qurtubi").units[0].head == "abd"


# -- a kunya: Abu X, Umm X -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "head", "display"),
    [
        ("ام زينب قرطبي", "umm", "Umm"),
        ("أم زينب قرطبي", "umm", "Umm"),
        ("ابو زينب قرطبي", "abu", "Abu"),
        ("Umm Zeinab Qurtubi", "umm", None),
        ("Um Zeinab Qurtubi", "umm", None),
        ("Abu Zeinab Qurtubi", "abu", None),
    ],
)
def test_a_kunya_carries_which_parent_it_names(name: str, head: str, display: str | None) -> None:
    unit = nm.parse(name).units[0]
    assert unit.head == head
    assert unit.norm.startswith(morph.arabic_form(head) if unit.script != "latin" else morph.canonical(head))
    if display is not None:
        assert nm.romanize(name, style="display").startswith(display + " ")


def test_an_umm_kunya_is_spelt_as_parse_read_it_in_romanisation_keys_and_score() -> None:
    # romanisation reads the unit's head: "Umm" + the name, not one word of letters
    form = nm.parse("ام زينب قرطبي").units[0].norm
    assert romanize_unit(form, head=morph.UMM)[0].startswith("umm")
    assert not romanize_unit(form)[0].startswith("umm")  # the bare letters decide nothing
    assert nm.romanize("ام زينب قرطبي").split()[0].startswith("umm")
    # keys and score see the same spelling as the Latin kunya
    assert nm.keys("ام زينب قرطبي") & nm.keys("Umm Zeinab Qurtubi")
    assert nm.score("ام زينب قرطبي", "Umm Zainab al-Qurtubi") >= 0.9
    # a mother's kunya is not her child's name, as a father's is not
    assert nm.score("Umm Zeinab Qurtubi", "Zeinab Qurtubi") < nm.DEFAULT_THRESHOLD
    assert morph.folded_head_rest("umzainab", morph.UMM) == "zainab"


def test_words_starting_with_the_letters_of_umm_are_no_kunya() -> None:
    for word in ("امين", "امير", "امل"):
        assert nm.parse(word + " قرطبي").units[0].head == ""
    assert "ام" not in morph.arabic_head_forms(glued_only=False)  # the linker splits no امير


# -- a Latin name that begins like a glued nasab -----------------------------------------------


@pytest.mark.parametrize("name", ["Benjamin Qurtubi", "Binyamin Qurtubi", "Benedict Qurtubi", "Zaid Bennett",
                                  "Benazir Qurtubi"])
def test_a_name_that_only_begins_like_bin_is_whole(name: str) -> None:
    assert all(u.head == "" for u in nm.parse(name).units)


@pytest.mark.parametrize("name", ["Zaid Binqurtub", "Zaid Benqurtubi", "Zaid Binalqurtubi"])
def test_a_glued_latin_nasab_is_still_read(name: str) -> None:
    assert nm.parse(name).units[-1].head == morph.BIN


def test_the_whole_words_are_latin_and_begin_like_a_glued_head() -> None:
    words = morph.whole_words()
    assert words
    for word in words:
        assert word.isascii() and word == nm.normalize(word)
        assert morph.split_head(word, 0) is not None  # they would be read as a head but for the list
