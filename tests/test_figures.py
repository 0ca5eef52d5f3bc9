"""The accuracy figures the scorer was accepted at, on the development data (regression test).

Development pairs (``namematch.evaluation.sample_pairs``) and near-miss pairs
(``tools/build_nearmiss.py``) scored with the shipped scorer: the near-miss precision and
recall at ``DEFAULT_THRESHOLD``, the share of near-miss negatives at 0.9 or more, the
development pairs' average precision and F1 per kind, and the expected calibration error of
all of them read as probabilities. Skipped when ``../shared`` is not beside the repository.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import namematch as nm
from namematch.evaluation import (
    DEV_SETS,
    average_precision,
    f1_at,
    is_arabic_script,
    precision_recall_at,
    reliability,
    sample_pairs,
)

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

pytestmark = [
    pytest.mark.skipif(not (SHARED / "data").is_dir(), reason="development data ../shared not present"),
    pytest.mark.slow,  # scores every development and near-miss pair
]


@pytest.fixture(scope="module")
def scored(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[list[float], list[int]]]:
    out: dict[str, tuple[list[float], list[int]]] = {}
    for pairs in sample_pairs(datasets=DEV_SETS, data=SHARED / "data").values():
        for a, b, y in pairs:
            kind = "cross" if is_arabic_script(a) != is_arabic_script(b) else "same"
            s, ys = out.setdefault(kind, ([], []))
            s.append(nm.score(a, b))
            ys.append(y)
    near = tmp_path_factory.mktemp("near") / "pairs.tsv"  # the tool writes its pairs (a, b, label, ...)
    subprocess.run([sys.executable, str(ROOT / "tools" / "build_nearmiss.py"), "--out", str(near)],
                   check=True, capture_output=True)
    rows = [line.split("\t") for line in near.read_text(encoding="utf-8").splitlines()[1:]]
    out["near"] = ([nm.score(r[0], r[1]) for r in rows], [int(r[2]) for r in rows])
    return out


def test_near_miss_figures(scored: dict[str, tuple[list[float], list[int]]]) -> None:
    scores, labels = scored["near"]
    precision, recall = precision_recall_at(scores, labels, nm.DEFAULT_THRESHOLD)
    negatives = [s for s, y in zip(scores, labels, strict=True) if not y]
    assert precision >= 0.95 and recall >= 0.90  # accepted at 0.973 / 0.987
    assert sum(s >= 0.9 for s in negatives) / len(negatives) <= 0.01  # 0.9%


def test_development_pair_figures(scored: dict[str, tuple[list[float], list[int]]]) -> None:
    # accepted at AP 0.974 / 0.967 and F1 0.914 / 0.863 (cross-script / same-script)
    for kind, (least_ap, least_f1) in {"cross": (0.97, 0.90), "same": (0.96, 0.85)}.items():
        scores, labels = scored[kind]
        assert average_precision(scores, labels) >= least_ap, kind
        assert f1_at(scores, labels, nm.DEFAULT_THRESHOLD) >= least_f1, kind


def test_scores_read_as_probabilities(scored: dict[str, tuple[list[float], list[int]]]) -> None:
    scores = [x for s, _ in scored.values() for x in s]
    labels = [y for _, ys in scored.values() for y in ys]
    assert reliability(scores, labels)[1] <= 0.05  # 0.035
