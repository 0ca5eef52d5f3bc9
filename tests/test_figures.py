"""The accuracy figures the scorer was accepted at, on the development data (regression test).

Development pairs (``benchmarks/_common.sample_pairs``) and near-miss pairs
(``tools/build_nearmiss.py``) scored with the shipped scorer: the near-miss precision and
recall at ``DEFAULT_THRESHOLD``, the share of near-miss negatives at 0.9 or more, the
development pairs' average precision and F1 per kind, and the expected calibration error of
all of them read as probabilities. Skipped when ``../shared`` is not beside the repository.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import namematch as nm

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

pytestmark = pytest.mark.skipif(not (SHARED / "data").is_dir(), reason="development data ../shared not present")


@pytest.fixture(scope="module")
def scored() -> dict[str, tuple[list[float], list[int]]]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    sys.path.insert(0, str(ROOT / "tools"))
    import build_nearmiss
    from _common import DEV_SETS, is_arabic, sample_pairs

    out: dict[str, tuple[list[float], list[int]]] = {}
    for pairs in sample_pairs(datasets=DEV_SETS).values():
        for a, b, y in pairs:
            kind = "cross" if is_arabic(a) != is_arabic(b) else "same"
            s, ys = out.setdefault(kind, ([], []))
            s.append(nm.score(a, b))
            ys.append(y)
    near = build_nearmiss.near_miss_pairs()
    out["near"] = ([nm.score(p.a, p.b) for p in near], [p.label for p in near])
    return out


def test_near_miss_figures(scored: dict[str, tuple[list[float], list[int]]]) -> None:
    from _common import precision_recall_at

    scores, labels = scored["near"]
    precision, recall = precision_recall_at(scores, labels, nm.DEFAULT_THRESHOLD)
    negatives = [s for s, y in zip(scores, labels, strict=True) if not y]
    assert precision >= 0.95 and recall >= 0.90  # accepted at 0.973 / 0.987
    assert sum(s >= 0.9 for s in negatives) / len(negatives) <= 0.01  # 0.9%


def test_development_pair_figures(scored: dict[str, tuple[list[float], list[int]]]) -> None:
    from _common import average_precision, f1_at

    # accepted at AP 0.974 / 0.967 and F1 0.914 / 0.863 (cross-script / same-script)
    for kind, (least_ap, least_f1) in {"cross": (0.97, 0.90), "same": (0.96, 0.85)}.items():
        scores, labels = scored[kind]
        assert average_precision(scores, labels) >= least_ap, kind
        assert f1_at(scores, labels, nm.DEFAULT_THRESHOLD) >= least_f1, kind


def test_scores_read_as_probabilities(scored: dict[str, tuple[list[float], list[int]]]) -> None:
    from _common import reliability

    scores = [x for s, _ in scored.values() for x in s]
    labels = [y for _, ys in scored.values() for y in ys]
    assert reliability(scores, labels)[1] <= 0.05  # 0.035
