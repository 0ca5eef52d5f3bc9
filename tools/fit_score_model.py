"""Fit namematch's scoring model on the development pairs (reproducible).

``namematch.score`` aligns the name units of two names and describes the alignment by a
few features (``namematch.score.FEATURES``: how much of each name agrees, the information
matched, elements that differ by role, structure conflicts). A logistic model turns them
into the returned score: the probability that the two names denote one person, for pairs
drawn as the development pairs are, **half of them one person** (the prior, 1:1).

The labelled pairs are the development pairs of ``namematch.evaluation.sample_pairs``
(spellings of one person; different persons sharing a name element) and the near-miss
pairs of ``tools/build_nearmiss.py`` (spellings of one person; a name with one element
replaced by a look-alike element), about 14,000 pairs, half of them one person. Each pair
belongs to the half of its person (of its first name's person for a pair of two persons),
hash of the gold person as in the benchmarks.

**Names the lexicon never saw.** The name-variant lexicon is built from the same persons,
so with the shipped lexicon most spellings of a development person are listed variants,
while the names a user scores often are not. Every pair is therefore featurised twice: with
the shipped lexicon, and with a lexicon and transliteration model built without the persons
of its half and without half of the Arabic-script token lists (``tools/build_lexicon.py``
with that split). The model learns what an unlisted spelling's similarity is worth, and is
calibrated for a mix of known and unknown names.

The model is an L2-regularised logistic regression fitted by Newton's method (a unique
optimum: the same data give the same weights), with two weights set rather than fitted
(:data:`FIXED`: rare structure conflicts the data cannot weigh). It is written to
``src/namematch/data/score_model.json`` atomically, weights rounded to four decimals.

``--halves`` also fits a model on each half and measures it on the other: average
precision and F1 at the default threshold of the development pairs, precision and recall
of the near-miss pairs, the share of near-miss negatives at 0.9 or more, and a reliability
table with the expected calibration error, with names the lexicon did not see and with the
shipped lexicon.

    python tools/fit_score_model.py [--dry-run] [--halves] [--out PATH]
"""

from __future__ import annotations

import argparse
import functools
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

import build_lexicon
import build_nearmiss
import numpy as np

from namematch.evaluation import (
    DEV_SETS,
    average_precision,
    data_dir,
    f1_at,
    load_entities,
    person_groups,
    precision_recall_at,
    reliability,
    sample_pairs,
)
from namematch.evaluation import hash_bucket as _bucket
from namematch.evaluation import shipped_lines as data_lines
from namematch.evaluation import write_atomic as _atomic_write
from namematch.resources import Resources
from namematch.score import DEFAULT_CONFIG, DEFAULT_THRESHOLD, FEATURES, Scorer, combine

ROOT = Path(__file__).resolve().parent.parent
SHARED = data_dir()

OUT = ROOT / "src" / "namematch" / "data" / "score_model.json"
MUST_BE_NEGATIVE = ("family_conflict", "nisba_conflict", "family_part_conflict", "first_name_conflict", "chain_conflict")
MUST_BE_POSITIVE = ("coverage",)
#: Structure rules whose weight is set, not fitted: a reversed nasab chain, a parent and
#: child, siblings, and two different nisbas are rare among the development pairs, too rare
#: to weigh; in news text they mean two people (the names primer). Two nisbas weigh less
#: than a reversed chain: one man may carry several (his town's, his tribe's, his clan's:
#: al-Tikriti and al-Bayjat), and lists pair them, so a long agreeing chain with another
#: nisba is a review case, not a certain non-match.
FIXED = {"nisba_conflict": -3.0, "nasab_inverted": -6.0}
L2 = 1.0


class Labelled(NamedTuple):
    a: str
    b: str
    label: int
    half: int
    kind: str  # "development" or "near miss"


def pair_features(scorer: Scorer, x: str, y: str) -> tuple[float, ...] | None:
    """The alignment features of two names, in the order ``Scorer.score`` reads them, or
    None when their score does not come from a model (identical parses score 1.0, names
    without units 0.0)."""
    features = scorer.features_of(x, y)
    return None if isinstance(features, float) else features


def check_signs(model: dict) -> None:
    """Exit without writing when a conflict weighs for a match or a coverage against one."""
    for name in MUST_BE_NEGATIVE:
        if model["weights"][name] > 0:
            sys.exit(f"refusing to write: {name} weighs for a match ({model['weights'][name]})")
    for name in MUST_BE_POSITIVE:
        if model["weights"][name] < 0:
            sys.exit(f"refusing to write: {name} weighs against a match ({model['weights'][name]})")


@functools.cache
def _groups() -> dict[str, str]:
    """Development record id -> gold person (records of one person on two lists merged)."""
    return person_groups([e for ds in DEV_SETS for e in load_entities(ds)])


def half_of(record_or_group: str) -> int:
    """The half a gold person (or a record's person) belongs to (as the benchmarks split them)."""
    return _bucket(_groups().get(record_or_group, record_or_group), "half:", 2)


def labelled_pairs() -> list[Labelled]:
    """The development pairs and the near-miss pairs, each with its label and half."""
    owner: dict[str, str] = {}
    for ds in DEV_SETS:
        for e in load_entities(ds):
            for n in e["names"]:
                owner.setdefault(n, e["id"])
    out = [Labelled(a, b, y, half_of(owner[a]), "development")
           for pairs in sample_pairs(datasets=DEV_SETS).values() for a, b, y in pairs]  # fmt: skip
    out += [Labelled(p.a, p.b, p.label, p.half, "near miss") for p in build_nearmiss.near_miss_pairs()]
    return out


@functools.cache
def lexicon_without(half: int) -> Resources:
    """The transliteration model and lexicon built without the persons of ``half`` and without
    the Arabic-script tokens that hash to it (``tools/build_lexicon.py``'s held-out build, with
    this split instead of its fifth)."""
    split = build_lexicon.is_test
    build_lexicon.is_test = lambda key, fold=0: half_of(key) == half
    try:
        var_lines, freq_lines, model_lines = build_lexicon.build_all(SHARED.parent, holdout=True)
    finally:
        build_lexicon.is_test = split
    return Resources.build(lexicon_lines=(var_lines, data_lines("variants_manual.tsv"), freq_lines),
                           model_lines=model_lines)


def training_set(pairs: Sequence[Labelled], unseen: Sequence, seen: Sequence) -> tuple[list, list[int]]:
    """Each pair's features with the lexicon that never saw its persons and with the shipped
    one, and their labels (each pair twice)."""
    return [*unseen, *seen], [p.label for p in pairs] * 2


def featurise(pairs: Sequence[Labelled], unseen: bool) -> list[tuple[float, ...] | float]:
    """Each pair's features (or its model-free score) with the shipped lexicon, or with
    ``unseen`` the lexicon built without the pair's half."""
    out: list[tuple[float, ...] | float] = [0.0] * len(pairs)
    for half in (0, 1):
        scorer = Scorer(resources=lexicon_without(half) if unseen else None)
        for k, p in enumerate(pairs):
            if p.half == half:
                out[k] = scorer.features_of(p.a, p.b)
    return out


def fit(x: np.ndarray, y: np.ndarray, offset: np.ndarray, l2: float = L2, iters: int = 100) -> tuple[np.ndarray, float]:
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


def fitted(features: Sequence[tuple[float, ...] | float], labels: Sequence[int]) -> dict:
    """The model fitted on the pairs whose score comes from the model."""
    keep = [k for k, f in enumerate(features) if not isinstance(f, float)]
    x = np.asarray([features[k] for k in keep], dtype=float)
    y = np.asarray([labels[k] for k in keep], dtype=float)
    fixed_cols = [FEATURES.index(name) for name in FIXED]
    free_cols = [k for k in range(len(FEATURES)) if k not in fixed_cols]
    offset = x[:, fixed_cols] @ np.asarray([FIXED[FEATURES[k]] for k in fixed_cols])
    free_w, intercept = fit(x[:, free_cols], y, offset)
    weights = np.zeros(len(FEATURES))
    weights[free_cols] = free_w
    for k in fixed_cols:
        weights[k] = FIXED[FEATURES[k]]
    model = {
        "_about": "namematch scoring model: logistic weights over namematch.score.FEATURES, fitted by "
        "tools/fit_score_model.py on the development pairs and the near-miss pairs of the development persons "
        "(un-sc-2018, ofac-sdn-2022, ofac-cons-2018), each pair featurised with the shipped lexicon and with a "
        "lexicon built without its half. The score is the probability that two names denote one person, for pairs half of "
        "which are one person (prior 1:1).",
        "features": list(FEATURES),
        "config_digest": DEFAULT_CONFIG.digest,  # the scoring configuration the features were computed under
        "weights": {name: round(float(w), 4) for name, w in zip(FEATURES, weights, strict=True)},
        "intercept": round(intercept, 4),
        "fixed": FIXED,
        "l2": L2,
        "fitted_on_pairs": len(y) // 2,
        "positives": int(y.sum()) // 2,
    }
    check_signs(model)
    return model


def scores(features: Sequence[tuple[float, ...] | float], model: dict) -> list[float]:
    """The scores the model gives (model-free scores as they are)."""
    weights = tuple(float(model["weights"][f]) for f in FEATURES)
    return [f if isinstance(f, float) else combine(f, weights, float(model["intercept"])) for f in features]


def report(title: str, pairs: Sequence[Labelled], got: Sequence[float], threshold: float = DEFAULT_THRESHOLD) -> float:
    """Print the figures of some scored pairs; returns the expected calibration error."""
    dev = [k for k, p in enumerate(pairs) if p.kind == "development"]
    near = [k for k, p in enumerate(pairs) if p.kind == "near miss"]
    labels = [p.label for p in pairs]

    def pick(idx: list[int]) -> tuple[list[float], list[int]]:
        return [got[k] for k in idx], [labels[k] for k in idx]

    ds, dl = pick(dev)
    ns, nl = pick(near)
    prec, rec = precision_recall_at(ns, nl, threshold)
    neg = [s for s, y in zip(ns, nl, strict=True) if not y]
    rows, ece = reliability(list(got), labels)
    print(f"\n{title}: {len(pairs)} pairs")
    print(f"  development pairs: AP {average_precision(ds, dl):.3f}, F1@{threshold} {f1_at(ds, dl, threshold):.3f}")
    print(f"  near-miss pairs: AP {average_precision(ns, nl):.3f}, precision {prec:.3f}, recall {rec:.3f} "
          f"@{threshold}; negatives >= 0.9: {sum(s >= 0.9 for s in neg) / max(len(neg), 1):.3f}")
    print(f"  expected calibration error {ece:.3f}")
    print("  score from | to | pairs | mean score | share same person")
    for lo, hi, n, mean, rate in rows:
        print(f"  {lo:.1f} | {hi:.1f} | {n} | {mean:.3f} | {rate:.3f}")
    return ece


def halves(pairs: Sequence[Labelled], unseen: Sequence[tuple[float, ...] | float],
           seen: Sequence[tuple[float, ...] | float]) -> None:  # fmt: skip
    """Fit on each half, measure on the other (names unseen, then with the shipped lexicon)."""
    models = []
    for half in (0, 1):
        idx = [k for k, p in enumerate(pairs) if p.half == half]
        models.append(fitted(*training_set([pairs[k] for k in idx], [unseen[k] for k in idx],
                                           [seen[k] for k in idx])))
    for name, feats in (("names the lexicon never saw", unseen), ("the shipped lexicon", seen)):
        for half in (0, 1):
            idx = [k for k, p in enumerate(pairs) if p.half == 1 - half]
            report(f"model of half {half} on half {1 - half}, {name}", [pairs[k] for k in idx],
                   scores([feats[k] for k in idx], models[half]))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dry-run", action="store_true", help="print the model, do not write it")
    ap.add_argument("--halves", action="store_true", help="also fit on each half and measure on the other")
    ap.add_argument("--out", type=Path, default=OUT, help="where to write the model (default: the shipped file)")
    args = ap.parse_args(argv)
    pairs = labelled_pairs()
    unseen, seen = featurise(pairs, unseen=True), featurise(pairs, unseen=False)
    model = fitted(*training_set(pairs, unseen, seen))
    print(json.dumps(model, indent=2))
    if args.halves:
        halves(pairs, unseen, seen)
    if not args.dry_run:
        _atomic_write(args.out, lambda fh: fh.write(json.dumps(model, indent=2, ensure_ascii=False) + "\n"))
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
