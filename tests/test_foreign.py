"""Foreign (non-Arabic-origin) names written in Arabic script by their sound: the readings of
``data/foreign_spellings.tsv`` and how the scorer uses them across scripts. Names are general
knowledge (public officials) or invented."""

from __future__ import annotations

import pytest

import namematch as nm
from namematch._data import data_lines
from namematch._foreign import MAX_READINGS, foreign_readings
from namematch.score import Scorer, score_matrix
from namematch.score._config import DEFAULT_CONFIG
from namematch.score._units import (
    _Unit,
    foreign_final_contrast,
    model_readings_wanted,
    sounded,
    sounded_pair,
)


@pytest.mark.parametrize(
    ("word", "reading"),
    [
        ("tajani", "tayani"),  # Italian j between vowels
        ("kaja", "kaya"),  # Estonian j
        ("jens", "yens"),  # Scandinavian j at the start
        ("scholz", "scholts"),  # German z
        ("xi", "shi"),  # Pinyin x
        ("qiang", "tshiang"),  # Pinyin q
        ("zhou", "jou"),  # Pinyin zh
        ("javier", "khavier"),  # Spanish j
        ("lavrov", "lafrof"),  # v as the Arabic press writes it
        ("thomas", "tomas"),  # th as t
        ("recep", "rejeb"),  # Turkish c, p as b: two rules at once
        ("shalih", "salih"),  # Indonesian and Malay sh for the emphatic s
        ("rasyid", "rashid"),  # Indonesian and Malay sy for sh
        ("xasan", "hasan"),  # Somali x for h
        ("cabdi", "abdi"),  # Somali c for the ayn, written with no Latin letter
        ("gilbert", "jilbert"),  # French g before e and i
        ("zeaiter", "zaiter"),  # Levantine French: a vowel pair for a vowel and the ayn
        ("barrot", "barro"),  # French: a final consonant is silent
        ("yves", "yve"),
        ("pete", "pet"),  # English: a final e is silent
        ("jean", "zhan"),  # French j (ژ in Persian)
        ("wadephul", "wadeful"),  # ph
        ("miguel", "migel"),  # Spanish gu before e and i
        ("arnaud", "arnod"),  # French au
        ("rousseau", "rousso"),  # French eau
        ("castillo", "castiyo"),  # Spanish ll
        ("andrzej", "andzhej"),  # Polish rz
        ("andrzej", "andjej"),  # Polish rz as the Arabic press writes it (ج)
        ("choe", "chwe"),  # Korean final oe
    ],
)
def test_readings_by_the_orthography_of_the_language(word: str, reading: str) -> None:
    assert reading in foreign_readings(word)


def test_readings_leave_letter_groups_whole() -> None:
    # the ch of sch and the z of tz/cz are no letters of their own
    assert foreign_readings("scholz") == ("scholts",)
    assert not any("tsh" in r for r in foreign_readings("schmitz"))
    assert foreign_readings("czapski")[0] == "tshapski"


@pytest.mark.parametrize("word", ["ali", "hassan", "mahmud", "omar", "salim", ""])
def test_no_reading_without_a_foreign_letter(word: str) -> None:
    assert foreign_readings(word) == ()


def test_readings_are_bounded_and_never_the_word() -> None:
    for word in ("czaputowicz", "jorge", "chavez", "zhangjiajie" * 3):
        readings = foreign_readings(word)
        assert 0 < len(readings) <= MAX_READINGS
        assert word not in readings
        assert len(set(readings)) == len(readings)


def test_table_rows_are_well_formed() -> None:
    rows = [line.split("\t") for line in data_lines("foreign_spellings.tsv")]
    assert len(rows) >= 20
    for latin, reading, where, languages, example in rows:
        assert latin.isalpha() and latin.islower()
        assert reading == "-" or (reading.isalpha() and reading.islower())  # "-": no Latin letter
        assert where in {"any", "start", "vowels", "vowel", "front", "alone", "single", "end", "endc", "last"}
        assert languages and example
    # letter groups come before single letters (a group is read whole before its letters)
    sizes = [len(r[0]) for r in rows]
    assert sizes == sorted(sizes, reverse=True)


FOREIGN_PAIRS = [
    ("Antonio Tajani", "أنطونيو تاياني"),
    ("Olaf Scholz", "أولاف شولتس"),
    ("Kaja Kallas", "كايا كالاس"),
    ("Xi Jinping", "شي جين بينغ"),
    ("Li Keqiang", "لي كه تشيانغ"),  # a glued Pinyin given name, two Arabic-script words
    ("Javier Milei", "خافيير ميلي"),
    ("Ursula von der Leyen", "أورسولا فون دير لاين"),  # لاين listed as "lane": the model's "lin"
    # invented names in regional conventions
    ("Rosyid Shalih", "رشيد صالح"),  # Indonesian sy and sh
    ("Cali Xasan Warsame", "علي حسن ورسمة"),  # Somali c and x
    ("Nabil Zeaiter", "نبيل زعيتر"),  # Levantine French: a vowel pair for the ayn
    ("Pablo Gil Serrano", "بابلو خيل سيرانو"),  # Gil is listed for جيل; خيل is listed for nothing
    ("Jean-Noel Barrot", "جان نويل بارو"),  # French silent final t
    ("Jean-Noel Barrot", "ژان نوئل بارو"),  # and the French j as ژ
    ("Jean-Yves Le Drian", "جان إيف لودريان"),  # Yves, s silent; Le glued to its name
    ("Pete Hegseth", "بيت هيغسيث"),  # English silent final e
    ("Francois Bayrou", "فرانسوا بايرو"),
    # a foreign name beginning with Al, its Arabic-script spelling read as the article and a name
    ("Anthony Albanese", "أنتوني ألبانيزي"),
    ("Alessandro Rossi", "أليساندرو روسي"),
]


@pytest.mark.parametrize(("latin", "arabic"), FOREIGN_PAIRS)
def test_foreign_names_written_by_their_sound_match(latin: str, arabic: str) -> None:
    assert nm.score(latin, arabic) >= nm.DEFAULT_THRESHOLD
    assert nm.score(arabic, latin) == nm.score(latin, arabic)


@pytest.mark.parametrize(
    ("latin", "arabic"),
    [
        ("Martin Schulz", "أولاف شولتس"),  # another given name
        ("Siim Kallas", "كايا كالاس"),  # father and daughter
        ("Antonio Costa", "أنطونيو تاياني"),  # another family name
        ("Olaf Scholz", "أولاف شولمان"),  # a family name of similar shape (invented)
        ("Antonio Tajani", "أنطونيو تاراني"),  # one letter other (invented)
        ("Xi Zhongxun", "شي جين بينغ"),  # father and son
        ("Rosyid Shalih", "رشيد مصلح"),  # Salih is not Muslih (invented)
        ("Cali Xasan Warsame", "علي حسين ورسمة"),  # Hasan is not Husayn (invented)
        # a foreign name's final vowel, written as a long vowel in Arabic script (invented)
        ("Paolo Rossi", "باولو روسا"),  # Rossi is not Rossa
        ("Marco Costa", "ماركو كوستو"),
        ("Giorgia Meloni", "جورجيا ميلونا"),
        ("Louis Barrot", "لويس بارا"),  # the silent t read, the vowel still counts
        ("Anne Hidalgo", "آنا إيدالغو"),  # Anne is not Anna
    ],
)
def test_a_differing_element_still_counts_against(latin: str, arabic: str) -> None:
    assert nm.score(latin, arabic) < nm.DEFAULT_THRESHOLD


def test_a_listed_arabic_name_is_not_read_as_foreign() -> None:
    # Jalil is a listed Arabic name (جليل): its j is not the Spanish kh of خليل (Khalil)
    assert nm.score("Jalil Ahmadi", "خليل احمدي") < nm.DEFAULT_THRESHOLD
    assert nm.score("Jalil Ahmadi", "جليل احمدي") >= nm.DEFAULT_THRESHOLD


def test_explain_names_the_bridge() -> None:
    ex = nm.explain("Antonio Tajani", "أنطونيو تاياني")
    assert ex.is_match and not ex.unmatched_a and not ex.unmatched_b
    assert {p.method for p in ex.pairs} <= {"lexicon variant", "romanised"}


def test_score_matrix_equals_score_on_foreign_names() -> None:
    queries = [latin for latin, _ in FOREIGN_PAIRS] + ["Martin Schulz", "Ali Hassan"]
    choices = [arabic for _, arabic in FOREIGN_PAIRS] + ["علي حسن", "Kaya Kallas"]
    m = score_matrix(queries, choices)
    for i, q in enumerate(queries):
        for j, c in enumerate(choices):
            assert m[i][j] == pytest.approx(nm.score(q, c), abs=1e-9)


def _units(name: str) -> tuple[_Unit, ...]:
    return Scorer().prepare(name).units


@pytest.mark.parametrize(
    ("arabic", "latin", "wanted"),
    [
        ("شولتس", "Scholz", True),  # listed as "schultes": near, one consonant other
        ("لاين", "Leyen", True),  # listed as "lane"
        ("فواز", "Felix", False),  # a common name's spellings far from the word: look-alikes only
        ("عامر", "Garcia", False),
        ("كريم", "Karim", False),  # alike at 1.0 already: more spellings change nothing
    ],
)
def test_model_readings_only_where_the_listed_spellings_come_near(arabic: str, latin: str, wanted: bool) -> None:
    (ar,), (la,) = _units(arabic), _units(latin)
    assert ar.groups  # a listed unit
    readings = sounded(la).folds
    assert model_readings_wanted(ar, readings, DEFAULT_CONFIG.skeleton_from) is wanted
    got_ar, got_la = sounded_pair(ar, la, DEFAULT_CONFIG.skeleton_from)
    assert got_la.folds == readings
    assert got_ar.folds == (sounded(ar).folds if wanted else ar.folds)
    assert sounded_pair(la, ar, DEFAULT_CONFIG.skeleton_from) == (got_la, got_ar)  # in the order given


def test_a_common_name_is_no_foreign_look_alike() -> None:
    # a listed Arabic name meets an unlisted Latin one through its own spellings only, when they
    # are far apart: its model spellings would make look-alikes of two different names
    assert nm.score("Felix Moreno", "فواز مورينو") < nm.DEFAULT_THRESHOLD
    assert nm.score("Garcia Moreno", "عامر مورينو") < nm.DEFAULT_THRESHOLD


def test_a_reading_that_is_a_listed_name_is_that_name_only() -> None:
    # Somali Xasan reads hasan, a listed spelling of حسن: it agrees with حسن as a variant
    # and, like Hasan itself, not with حسين (another listed name)
    ex = nm.explain("Xasan", "حسن")
    assert ex.is_match and [p.method for p in ex.pairs] == ["romanised"]
    assert nm.score("Xasan", "حسين") < nm.DEFAULT_THRESHOLD
    assert nm.score("Hasan", "حسين") < nm.DEFAULT_THRESHOLD


def test_somali_spellings_of_listed_names() -> None:
    # invented persons; Somali Mohamud is Mahmud, Abdullahi the compound with its case ending
    assert nm.score("Abdullahi Mohamud Warsame", "عبد الله محمود ورسمة") >= nm.DEFAULT_THRESHOLD
    assert nm.score("Cabdullahi Maxamuud", "عبد الله محمود") >= nm.DEFAULT_THRESHOLD
    assert nm.score("Abdullahi Mohamud Warsame", "عبد الله حامد ورسمة") < nm.DEFAULT_THRESHOLD


def test_a_final_long_vowel_decides_only_foreign_names() -> None:
    # listed Arabic and Persian names keep their readings: Persian writes Musa's final a as ی,
    # Egyptian spelling a final i as ى; a Latin spelling ending in a consonant says nothing
    assert nm.score("Musa Karimi", "موسی کریمی") >= nm.DEFAULT_THRESHOLD
    assert nm.score("Giorgia Meloni", "جورجيا ميلونى") >= nm.DEFAULT_THRESHOLD
    assert nm.score("Paolo Rossi", "باولو روسي") >= nm.DEFAULT_THRESHOLD
    assert nm.score("Marco Costa", "ماركو كوستا") >= nm.DEFAULT_THRESHOLD
    (ar,), (la,) = _units("روسا"), _units("Rossi")
    assert foreign_final_contrast(ar, la) and foreign_final_contrast(la, ar)
    (ar,), (la,) = _units("روسا"), _units("Rossin")
    assert not foreign_final_contrast(ar, la)


def test_a_syllable_written_apart_joins_its_neighbour() -> None:
    """A Chinese given name is one word in Latin and two syllables in Arabic script; the
    second syllable alone resembling it must not leave the first over as another name."""
    assert nm.score("Wang Huning", "وانغ هو نينغ") >= 0.9
    assert nm.score("Deng Xiaoping", "دنغ شياو بينغ") >= 0.9
    # the syllables of another given name still differ
    assert nm.score("Wang Ning", "وانغ هو نينغ") < nm.DEFAULT_THRESHOLD
    assert nm.score("Deng Ping", "دنغ شياو بينغ") < nm.DEFAULT_THRESHOLD
    names, written = ["Wang Huning", "Deng Xiaoping", "Wang Ning"], ["وانغ هو نينغ", "دنغ شياو بينغ"]
    matrix = score_matrix(names, written)
    assert [list(row) for row in matrix] == [[nm.score(a, b) for b in written] for a in names]


def test_korean_oe_is_read_only_at_the_end() -> None:
    assert not any("we" in r for r in foreign_readings("hoekstra"))  # Dutch oe inside a word


def test_readings_of_each_latin_reading() -> None:
    """A Latin word's readings come from each of its Latin readings too: Andrzej read andrzey
    (a final j as y), then andjey (rz as ج), which folds as أندجي does."""
    (la,), (ar,) = _units("Andrzej"), _units("أندجي")
    sounded_la, _ = sounded_pair(la, ar, DEFAULT_CONFIG.skeleton_from)
    assert set(sounded_la.folds) & set(ar.folds)
