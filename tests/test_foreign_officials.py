"""Foreign officials' names as the Arabic and Persian press writes them, across scripts.

Each row of ``tests/data/foreign_officials.tsv`` is a name in Latin script and its press
spelling in Arabic or Persian script (East Asian, South Asian, Turkish, Central Asian, Slavic,
African and Latin American names): the two must score as one name. The press writes a Chinese
or Korean given name's syllables apart (تشو إن لاي for Zhou Enlai) and an Abd compound's head
apart or glued (عبد الملكيان, عبدالملكيان); near names (another given name of the same
syllables, an Abd compound of another name) must stay apart, and the score matrix must equal
``score`` on all of them."""

from __future__ import annotations

from pathlib import Path

import pytest

import namematch as nm
from namematch.score import Scorer, score_matrix
from namematch.score._units import in_window, joined_bridge

DATA = Path(__file__).resolve().parent / "data" / "foreign_officials.tsv"

#: Rows that still fail, each a class not handled yet (strict: a fix shows here): a title
#: removed before it can join its neighbour (إمام علي, Emomali), a lineage word read apart
#: (بن علي, Binali), a Turkish -oglu compound with unmarked letters (Cavusoglu, Kilicdaroglu: the
#: parser glues أوغلو to the word before, and the model cannot spell the long glued word),
#: Polish -iecki (read -tski it would meet -wski by sound).
KNOWN_FAILING = frozenset(
    {"Emomali Rahmon", "Binali Yildirim", "Mevlut Cavusoglu", "Kemal Kilicdaroglu", "Mateusz Morawiecki"}
)


def _rows() -> list[tuple[str, str, str]]:
    out = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        latin, arabic, region = line.split("\t")
        out.append((latin, arabic, region))
    return out


ROWS = _rows()


def test_the_list_is_broad() -> None:
    assert len(ROWS) >= 60
    assert {"east_asian", "south_asian", "turkish", "slavic", "african", "latin_american"} <= {
        r for *_, r in ROWS
    }


@pytest.mark.parametrize(
    ("latin", "arabic"),
    [
        pytest.param(la, ar, marks=pytest.mark.xfail(strict=True, reason="a class not handled yet"))
        if la in KNOWN_FAILING
        else (la, ar)
        for la, ar, _ in ROWS
    ],
    ids=[f"{la}~{ar}" for la, ar, _ in ROWS],
)
def test_press_spelling_is_the_same_name(latin: str, arabic: str) -> None:
    assert nm.score(latin, arabic) >= 0.9


# the classes fixed here, and near names of each that must stay apart
SAME = [
    ("Zhou Enlai", "تشو إن لاي"),  # a syllable the quick romanisation spells badly (إن "anne")
    ("Ding Xuexiang", "دينغ شيويه شيانغ"),  # a syllable spelled long ("scheuer"), folded short
    ("Zhao Leji", "تشاو له جي"),  # a final ه writing the vowel of a syllable (له, Le)
    ("Zhao Leji", "تشاو لي جي"),
    ("Choe Son Hui", "تشوي سون هوي"),  # the Korean oe
    ("Li Ji", "لي جي"),  # a syllable the lexicon lists only as a letter's name (جي "g")
    ("Andrzej Duda", "أندجي دودا"),  # the Polish rz
    ("Reza Amir-Abdolmalekian", "رضا أمير عبد الملكيان"),  # an Abd compound written apart
    ("Abdolmalekian", "عبد الملكيان"),
    ("Abdolmalekian", "عبدالملكيان"),
    ("Abdolhamidian", "عبد الحميديان"),
]
APART = [
    ("Wang Ning", "وانغ هو نينغ"),  # one syllable of the given name only
    ("Zhou Lai", "تشو إن لاي"),
    ("Zhou Enlin", "تشو إن لاي"),  # another given name of like syllables
    ("Zhao Jile", "تشاو له جي"),  # the syllables the other way round
    ("Zhao Le", "تشاو له جي"),
    ("Ding Xiang", "دينغ شيويه شيانغ"),
    ("Ding Xuejun", "دينغ شيويه شيانغ"),
    ("Cho Son Hui", "تشوي سون هوي"),  # Cho is another Korean family name
    ("Li Qi", "لي جي"),
    ("Andrzej Duda", "أندريه دودا"),  # Andre
    ("Abdolmalekian", "عبد الرحمن"),  # an Abd compound of another name
    ("Abdolrahimian", "عبد الملكيان"),
    ("Abdolmaleki", "عبد الملكيان"),
    ("Abdolhamidian", "عبد المجيديان"),
    ("Mateusz Morawiecki", "ماتيوش موراوسكي"),  # Morawski
]


@pytest.mark.parametrize(("latin", "arabic"), SAME)
def test_split_syllables_and_compounds_match(latin: str, arabic: str) -> None:
    assert nm.score(latin, arabic) >= 0.9


@pytest.mark.parametrize(("latin", "arabic"), APART)
def test_near_names_stay_apart(latin: str, arabic: str) -> None:
    assert nm.score(latin, arabic) < nm.DEFAULT_THRESHOLD


def test_score_matrix_equals_score() -> None:
    queries = sorted(
        {la for la, _ in SAME + APART} | {"Enlai", "Leji", "Huning", "Xuexiang", "Wang Huning"}
    )
    choices = sorted(
        {ar for _, ar in SAME + APART} | {"إن لاي", "له جي", "لي جي", "هو نينغ", "شيويه شيانغ"}
    )
    for cutoff in (None, 0.5):
        m = score_matrix(queries, choices, score_cutoff=cutoff)
        for i, q in enumerate(queries):
            for j, c in enumerate(choices):
                s = nm.score(q, c)
                if cutoff is None or s >= cutoff:
                    assert m[i][j] == pytest.approx(s, abs=1e-9), (q, c)


def test_joined_syllables_meet_through_the_model() -> None:
    scorer = Scorer()
    (enlai,) = scorer.prepare("Enlai").units
    (ning,) = scorer.prepare("Ning").units
    en, lai = scorer.prepare("إن لاي").units
    hu, ning_ar = scorer.prepare("هو نينغ").units
    assert joined_bridge(en, lai, enlai)
    assert not joined_bridge(hu, ning_ar, ning)  # هونينغ is not Ning
    assert not joined_bridge(lai, en, enlai)  # nor the syllables the other way round


def test_the_merge_window_reads_the_folds() -> None:
    # شيويه's first spelling is long, its fold short: Xuexiang is as long as the pair folded
    (xuexiang,) = Scorer().prepare("Xuexiang").units
    pair = Scorer().prepare("شيويه شيانغ")
    ((_, lo, hi, flo, fhi, _keys),) = pair.adjacent
    assert not lo <= len(xuexiang.latin[0]) <= hi
    assert in_window(lo, hi, flo, fhi, len(xuexiang.latin[0]), len(xuexiang.folds[0]))
    assert not in_window(lo, hi, flo, fhi, 0, 0)  # an initial never is
