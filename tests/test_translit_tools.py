"""The transliteration model's tool and benchmark (``tools/build_translit.py``,
``benchmarks/translit.py``): the candidates the tool trains and how the benchmark sorts a
held-out form's loss. Invented name spellings; no development data needed."""

from __future__ import annotations

import sys
from types import ModuleType

import pytest

from tests.conftest import load_script

#: Invented (Arabic-script unit, Latin spelling, count) training pairs.
PAIRS = [
    ("بارا", "bara", 3), ("بارو", "barou", 2), ("دارا", "dara", 4), ("دورا", "doura", 1),
    ("ساري", "sari", 2), ("سارو", "sarou", 1), ("رادي", "radi", 2), ("بادو", "badou", 1),
    ("داري", "dari", 3), ("باري", "bari", 2), ("روسا", "rousa", 1), ("سودا", "souda", 2),
]


@pytest.fixture(scope="module")
def build() -> ModuleType:
    return load_script("tools/build_translit.py")


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    # the benchmark imports its sibling _common as a top-level module
    sys.modules.setdefault("_common", load_script("benchmarks/_common.py"))
    return load_script("benchmarks/translit.py")


def _longest_ngram(lines: list[str]) -> int:
    return max(len(line.split("\t")[0].split(" ")) for line in lines if not line.startswith("@"))


def test_the_order_four_candidate_writes_graphone_four_grams(build: ModuleType) -> None:
    build.PRUNE_BELOW = 1  # (the invented pairs are few: keep every n-gram)
    try:
        shipped = build.CANDIDATES["joint"](PAIRS)
        four = build.CANDIDATES["joint-o4"](PAIRS)
    finally:
        build.PRUNE_BELOW = 3
    assert _longest_ngram(shipped) == 3
    assert _longest_ngram(four) == 4
    assert build.KINDS["joint-o4"] == "joint"
    # both spell a letter sequence of the pairs as the pairs do
    assert "<s> ب:b ا:a" in {line.split("\t")[0] for line in four}


@pytest.mark.parametrize(
    ("quick", "spellable", "beats", "kind"),
    [
        (["dara", "darra"], True, False, "hit"),
        (["darra", "dara"], True, False, "ranked low"),
        (["darra", "daira"], True, True, "pruned, would rank first"),
        (["darra", "daira"], True, False, "pruned, ranks lower"),
        (["darra"], False, False, "unspellable"),
        ([], False, False, "unspellable"),
    ],
)
def test_a_held_out_form_loses_hit_at_one_where_the_benchmark_says(
    bench: ModuleType, quick: list[str], spellable: bool, beats: bool, kind: str
) -> None:
    assert bench.loss_kind({"dara", "darah"}, quick, spellable, beats) == kind
    assert kind in bench.LOSS_KINDS
