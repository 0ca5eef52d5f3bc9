"""Fitting namematch to labelled pairs (``Scorer.fit``): does it help, and does it do no harm?

Half/half: the development pairs (``namematch.evaluation.sample_pairs`` on the development sets) are
split by the half of their person (as ``resolution.py`` splits persons); a scorer is fitted
on one half and measured on the other, against the shipped scorer on the same pairs:
average precision (AP) and F1 at each scorer's threshold (the fitted threshold; the
shipped 0.5). Acceptance: fitting on a whole half does no harm (AP within 0.01).

Then the same with a small sample of one half (100 and 300 pairs, three seeds each): the
prior (the shipped model) must keep a small set from wrecking the model.

**Shifted sets** stand for a user's own pairs, whose names and base rate differ from the
development pairs: built from the development persons, fitted on a sample of one half
(135 pairs, as half of a 270-pair user set) and measured on the other half.

* ``latin 1:3`` -- Latin-script pairs only, one same-person pair for three different;
* ``hard 1:2`` -- the pairs the shipped model finds hardest: same-person pairs it scores
  below 0.9 and different-person pairs it scores above 0.1 (a set drawn where the shipped
  model is weak, as a project with other naming conventions is), one for two;
* ``strict`` -- a project whose convention differs: a pair counts as the same person only
  when each name has two name units or more (a single name is "not enough to say"), so
  same-person pairs with a one-unit name are labelled different.

The features of each pair are computed once (they do not depend on the model); a fitted
scorer's score of a pair is its model applied to those features, as ``Scorer.score`` does.

    python benchmarks/fit.py [--quick]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Sequence

import namematch as nm
from namematch.evaluation import (
    DEV_SETS,
    average_precision,
    f1_at,
    load_entities,
    person_groups,
    print_table,
    sample_pairs,
)
from namematch.evaluation import hash_bucket as _bucket
from namematch.score._model import combine

Pair = tuple[str, str, bool]


def dev_pairs() -> tuple[list[Pair], list[int]]:
    """The development pairs and the half of each (its first name's person's half)."""
    entities = [e for ds in DEV_SETS for e in load_entities(ds)]
    groups = person_groups(entities)
    owner: dict[str, str] = {}
    for e in entities:
        for n in e["names"]:
            owner.setdefault(n, e["id"])
    pairs: list[Pair] = []
    halves: list[int] = []
    for slice_pairs in sample_pairs(datasets=DEV_SETS).values():
        for a, b, y in slice_pairs:
            pairs.append((a, b, bool(y)))
            rec = owner[a]
            halves.append(_bucket(groups.get(rec, rec), "half:", 2))
    return pairs, halves


class Featurised:
    """Pairs with their alignment features computed once by one scorer."""

    def __init__(self, base: nm.Scorer, pairs: Sequence[Pair]) -> None:
        self.base = base
        self.features = {(a, b): base.features_of(a, b) for a, b, _y in pairs}

    def scores(self, scorer: nm.Scorer, pairs: Sequence[Pair]) -> list[float]:
        out = []
        for a, b, _y in pairs:
            f = self.features[(a, b)]
            out.append(f if isinstance(f, float) else combine(f, scorer.model_weights, scorer.model_intercept))
        return out


def measure(feats: Featurised, scorer: nm.Scorer, test: Sequence[Pair]) -> tuple[float, float]:
    scores = feats.scores(scorer, test)
    labels = [int(y) for _a, _b, y in test]
    return average_precision(scores, labels), f1_at(scores, labels, scorer.threshold)


def row(name: str, feats: Featurised, train: Sequence[Pair], test: Sequence[Pair]) -> list[object]:
    shipped = feats.base
    fitted = nm.Scorer.fit(train, prior=shipped)
    ap0, f0 = measure(feats, shipped, test)
    ap1, f1 = measure(feats, fitted, test)
    pos = sum(y for _a, _b, y in train)
    return [name, f"{len(train)} ({pos})", len(test), ap0, ap1, ap1 - ap0, f0, f1, fitted.threshold,
            f"{fitted.report.l2:g}"]


HEADERS = ["set", "fit on (same)", "test", "AP shipped", "AP fitted", "AP change", "F1 shipped",
           "F1 fitted", "threshold", "l2"]


def sample(pairs: Sequence[Pair], n: int, seed: int, positive_share: float | None = None) -> list[Pair]:
    rng = random.Random(seed)
    if positive_share is None:
        return rng.sample(list(pairs), min(n, len(pairs)))
    pos = [p for p in pairs if p[2]]
    neg = [p for p in pairs if not p[2]]
    k = round(n * positive_share)
    return rng.sample(pos, min(k, len(pos))) + rng.sample(neg, min(n - k, len(neg)))


def shifted_sets(pairs: Sequence[Pair], halves: Sequence[int], feats: Featurised) -> dict[str, list[list[Pair]]]:
    """Each shifted set, as its pairs per half (see the module docstring)."""
    from namematch.normalize import script_of

    def latin(p: Pair) -> bool:
        return script_of(p[0]) == "latin" and script_of(p[1]) == "latin"

    shipped = dict(zip(((a, b) for a, b, _y in pairs), feats.scores(feats.base, pairs), strict=True))
    out: dict[str, list[list[Pair]]] = {}
    by_half: list[list[Pair]] = [[p for p, h in zip(pairs, halves, strict=True) if h == k] for k in (0, 1)]
    out["latin 1:3"] = [[p for p in half if latin(p)] for half in by_half]
    out["hard 1:2"] = [[p for p in half if (p[2] and shipped[(p[0], p[1])] < 0.9)
                        or (not p[2] and shipped[(p[0], p[1])] > 0.1)] for half in by_half]
    units = {}
    for a, b, _y in pairs:
        for n in (a, b):
            if n not in units:
                units[n] = len(feats.base.prepare(n).units)
    out["strict"] = [[(a, b, y and units[a] >= 2 and units[b] >= 2) for a, b, y in half] for half in by_half]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="one seed per small sample, one direction")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    pairs, halves = dev_pairs()
    base = nm.Scorer()
    feats = Featurised(base, pairs)
    half = [[p for p, h in zip(pairs, halves, strict=True) if h == k] for k in (0, 1)]
    print(f"development pairs: {len(pairs)} ({sum(y for *_x, y in pairs)} same person); "
          f"halves {len(half[0])} / {len(half[1])}; featurised in {time.perf_counter() - t0:.0f} s\n")
    directions = [(0, 1)] if args.quick else [(0, 1), (1, 0)]
    seeds = (1,) if args.quick else (1, 2, 3)
    rows = []
    for fit_on, test_on in directions:
        rows.append(row(f"half {fit_on} -> {test_on}", feats, half[fit_on], half[test_on]))
        for n in (100, 300):
            for seed in seeds:
                rows.append(row(f"{n} of half {fit_on} (seed {seed}) -> {test_on}", feats,
                                sample(half[fit_on], n, seed), half[test_on]))
    print("Development pairs, fitted on one half of the persons, measured on the other:")
    print_table(HEADERS, rows)
    shifted = shifted_sets(pairs, halves, feats)
    rows = []
    shares = {"latin 1:3": 0.25, "hard 1:2": 1 / 3, "strict": None}
    for name, per_half in shifted.items():
        for fit_on, test_on in directions:
            test = sample(per_half[test_on], 135, 100 + test_on, shares[name])
            for seed in seeds:
                train = sample(per_half[fit_on], 135, seed, shares[name])
                rows.append(row(f"{name} half {fit_on} (seed {seed}) -> {test_on}", feats, train, test))
    print("\nShifted sets, 135 pairs fitted on one half, 135 pairs of the other half measured:")
    print_table(HEADERS, rows)
    print(f"\n{time.perf_counter() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
