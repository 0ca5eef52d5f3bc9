"""Fit namematch's scoring model on the development pairs (reproducible).

``namematch.score`` aligns the name units of two names and describes the
alignment by a few features (``namematch.score.FEATURES``: coverage of each
name, matched information, weakest pair, structure conflicts). A logistic
model turns them into the returned score, which reads as the probability that
the two names belong to one person. This script fits that model on the labelled
pairs of ``benchmarks/_common.sample_pairs`` (development data in
../shared/data) with L2 regularisation, checks that every conflict weighs
against a match and every coverage for it, and writes
``src/namematch/data/score_model.json`` atomically.

    python tools/fit_score_model.py [--dry-run]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from _common import DEV_SETS, best_f1, sample_pairs  # noqa: E402

from namematch.registry import _atomic_write  # noqa: E402
from namematch.score import COMMON_RARITY, CONFLICT_CAP, FEATURES, Scorer  # noqa: E402

OUT = ROOT / "src" / "namematch" / "data" / "score_model.json"
MUST_BE_NEGATIVE = ("family_conflict", "nisba_conflict", "first_name_conflict", "nasab_inverted", "unmatched_both")
#: Structure rules whose weight is set, not fitted: sanctions-list aliases often pair
#: different family names or drop a first name for the SAME person (alias noise), which
#: would teach the model that these conflicts barely matter. In news text they mean two
#: people (the names primer, "what users of other matchers complain about" 1-2).
FIXED = {"nisba_conflict": -4.0, "nasab_inverted": -6.0}
MUST_BE_POSITIVE = ("coverage_short", "coverage_long")


def pair_features(scorer: Scorer, x: str, y: str) -> tuple[float, ...] | None:
    """The alignment features of two names, in the order ``Scorer.score`` reads them, or
    None when their score does not come from a model (identical parses score 1.0, names
    without units 0.0)."""
    features = scorer._features(x, y)
    return None if isinstance(features, float) else features


def check_signs(model: dict) -> None:
    """Exit without writing when a conflict weighs for a match or a coverage against one."""
    for name in MUST_BE_NEGATIVE:
        if model["weights"][name] > 0:
            sys.exit(f"refusing to write: {name} weighs for a match ({model['weights'][name]})")
    for name in MUST_BE_POSITIVE:
        if model["weights"][name] < 0:
            sys.exit(f"refusing to write: {name} weighs against a match ({model['weights'][name]})")


def features_and_labels() -> tuple[np.ndarray, np.ndarray]:
    scorer = Scorer()
    xs, ys = [], []
    for pairs in sample_pairs(datasets=DEV_SETS).values():
        for x, y, label in pairs:
            feats = pair_features(scorer, x, y)
            if feats is None:
                continue
            if label and feats[FEATURES.index("coverage_long")] == 0.0:
                continue  # a "positive" sharing no name element is an unrelated alias, not a variant
            xs.append(feats)
            ys.append(label)
    return np.asarray(xs, dtype=float), np.asarray(ys, dtype=float)


def fit(
    x: np.ndarray, y: np.ndarray, offset: np.ndarray, l2: float = 1.0, iters: int = 100
) -> tuple[np.ndarray, float]:
    """Logistic regression with a fixed offset, by Newton's method (intercept not regularised)."""
    X = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(X.shape[1])
    reg = np.full(X.shape[1], l2)
    reg[-1] = 0.0
    for _ in range(iters):
        p = 1 / (1 + np.exp(-(X @ w + offset)))
        grad = X.T @ (p - y) + reg * w
        hess = (X * (p * (1 - p))[:, None]).T @ X + np.diag(reg + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-10:
            break
    return w[:-1], float(w[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--dry-run", action="store_true", help="print the model, do not write it")
    args = ap.parse_args()
    x, y = features_and_labels()
    fixed_cols = [FEATURES.index(name) for name in FIXED]
    free_cols = [k for k in range(len(FEATURES)) if k not in fixed_cols]
    offset = x[:, fixed_cols] @ np.asarray([FIXED[FEATURES[k]] for k in fixed_cols])
    free_w, intercept = fit(x[:, free_cols], y, offset)
    weights = np.zeros(len(FEATURES))
    weights[free_cols] = free_w
    for k in fixed_cols:
        weights[k] = FIXED[FEATURES[k]]
    model = {
        "_about": "namematch scoring model: logistic weights over namematch.score.FEATURES, "
        "fitted by tools/fit_score_model.py on the development pairs (balanced positives and "
        "hard negatives from un-sc-2018, ofac-sdn-2022, ofac-cons-2018).",
        "features": list(FEATURES),
        "weights": {name: round(float(w), 4) for name, w in zip(FEATURES, weights)},
        "intercept": round(intercept, 4),
        "fixed": FIXED,
        "fitted_on_pairs": len(y),
    }
    check_signs(model)
    z = x @ weights + intercept
    p = 1 / (1 + np.exp(-z))
    vetoed = np.any(x[:, [FEATURES.index(f) for f in ("family_conflict", "nisba_conflict", "nasab_inverted")]] > 0, axis=1)
    common_only = (x[:, FEATURES.index("unmatched_both")] > 0) & (x[:, FEATURES.index("rarest_match")] < COMMON_RARITY)
    p = np.where(vetoed | common_only, np.minimum(p, CONFLICT_CAP), p)
    f1, thr = best_f1(p.tolist(), y.astype(int).tolist())
    print(json.dumps(model, indent=2))
    print(f"best F1 on the fitted pairs {f1:.4f} at threshold {thr:.3f}")
    if args.dry_run:
        return
    _atomic_write(OUT, lambda fh: fh.write(json.dumps(model, indent=2, ensure_ascii=False) + "\n"))
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
