"""Fit namematch's candidate model on the pairs key retrieval proposes (reproducible).

``namematch.cluster`` scores only the pairs its key index proposes, each name's dozen
best-ranked neighbours, and ``Registry.match`` decides among the few aliases its index
retrieves for a mention. Those are mostly hard pairs (namesakes, relatives, partial
names), far from the balanced pairs the scoring model is fitted on
(``tools/fit_score_model.py``), where half of the pairs are one person and most
negatives share just one name element. This script fits a logistic model over the same
alignment features (``namematch.score.FEATURES``) on the pairs clustering proposes for
all spellings of all development persons mixed, each pair labelled by whether the two
spellings belong to one gold person (records of one person on two lists merged when
they share a spelling, as in ``benchmarks/clustering.py``). It writes
``src/namematch/data/candidate_model.json`` atomically.

The chance :meth:`Registry.match` reports is the candidate model's value mapped by the
**registry calibration** (``registry_calibration``: ``logit(chance) = slope * logit(value) +
intercept``, :attr:`namematch.registry.DecisionConfig.calibration`), a one-feature logistic
fit on the queries of ``benchmarks/resolution.py``: for each query, the best candidate by the
candidate model's value, labelled by whether it is the query's gold person (a query of a
person kept out of the registry is never right). The chance is thus the probability that the
best candidate is the person the mention means, for mentions a quarter of whose persons are not
listed (the benchmark's prior).

``--halves`` also fits a model on each half of the persons (hash of the gold person,
as in the benchmarks) and uses it on the other half, for the figures the defaults are
chosen by on persons the model never saw: B-cubed F1 of clustering at several cluster
thresholds (``CLUSTER_THRESHOLD``), and ``Registry.match`` on the queries of
``benchmarks/resolution.py`` at several match thresholds (``MATCH_THRESHOLD``).

``--unseen`` featurises every pair a second time with the name data built without its half
(``tools/fit_score_model.py``'s ``lexicon_without``, as that script fits the pair score) and
calibrates on every query a second time in a registry built with that data: the elements of
a list the lexicon never saw are unknown to it (rarity 1), where every development name is
known with the rarity of a name seen on one person (about 0.5), and a model fitted on the
shipped lexicon alone reads an unknown element as far stronger evidence
(``benchmarks/resolution.py --holdout``).

    python tools/fit_candidate_model.py [--dry-run] [--halves] [--unseen]
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from fit_score_model import check_signs, fit, lexicon_without, pair_features

from namematch.cluster import Linkage, proposed_pairs
from namematch.evaluation import DEV_SETS, bcubed, load_entities, person_groups, reliability
from namematch.evaluation import hash_bucket as _bucket
from namematch.evaluation import registry_task as resolution_build
from namematch.evaluation import write_atomic as _atomic_write
from namematch.registry import DecisionConfig, Registry
from namematch.score import DEFAULT_CONFIG, DEFAULT_SCORER, FEATURES, Scorer, combine, model_terms

ROOT = Path(__file__).resolve().parent.parent

OUT = ROOT / "src" / "namematch" / "data" / "candidate_model.json"
HALF_THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.5)
MATCH_THRESHOLDS = (0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)


def spellings() -> tuple[list[str], list[str]]:
    """Every distinct spelling of every development person, and its gold person."""
    entities = [e for ds in DEV_SETS for e in load_entities(ds)]
    group = person_groups(entities)
    names, gold = [], []
    for e in entities:
        for n in dict.fromkeys(e["names"]):
            names.append(n)
            gold.append(group[e["id"]])
    return names, gold


class Blocked:
    """The distinct names of some spellings, the pairs ``cluster`` proposes for them, and
    each pair's alignment features (None: scored without a model) and label."""

    def __init__(self, names: Sequence[str], gold: Sequence[str], unseen: bool = False) -> None:
        distinct: dict[str, int] = {}
        self.owner = [distinct.setdefault(n, len(distinct)) for n in names]
        self.uniq = list(distinct)
        persons: list[set[str]] = [set() for _ in self.uniq]
        for u, g in zip(self.owner, gold, strict=True):
            persons[u].add(g)
        self.gold = list(gold)
        self.pairs = proposed_pairs(self.uniq)
        self.features = [pair_features(DEFAULT_SCORER, self.uniq[i], self.uniq[j]) for i, j in self.pairs]
        self.unseen = (self.unseen_features([_bucket(min(persons[i]), "half:", 2) for i, _j in self.pairs])
                       if unseen else [])
        self.labels = [float(bool(persons[i] & persons[j])) for i, j in self.pairs]

    def unseen_features(self, halves: Sequence[int]) -> list[tuple[float, ...] | None]:
        """Each pair's features with the name data built without the half ``halves`` gives it
        (the half of its first name's person): the names as a list the lexicon never saw
        shows them, every element of its persons unknown (rarity 1)."""
        out: list[tuple[float, ...] | None] = [None] * len(self.pairs)
        for half in (0, 1):
            scorer = Scorer(resources=lexicon_without(half))
            for k, ((i, j), h) in enumerate(zip(self.pairs, halves, strict=True)):
                if h == half:
                    out[k] = pair_features(scorer, self.uniq[i], self.uniq[j])
        return out

    def training(self) -> tuple[np.ndarray, np.ndarray]:
        """Every pair featurised with the shipped name data and, with ``unseen``, a second time
        with the data built without its half (as ``tools/fit_score_model.py`` fits the pair
        score), so that the weights value an element the lexicon never saw as a list's new
        names show it."""
        rows = [(f, y) for feats in (self.features, self.unseen) for f, y in zip(feats, self.labels, strict=False)
                if f is not None]
        return (np.asarray([f for f, _y in rows], dtype=float), np.asarray([y for _f, y in rows], dtype=float))

    def bcubed_f1(self, weights: Sequence[float], intercept: float, threshold: float) -> float:
        """B-cubed F1 of clustering these names with the model (the benchmark's measure)."""
        uniq = self.uniq
        edges = {  # as cluster scores them: the stored features weighed, or the model-free value
            (i, j): DEFAULT_SCORER.value_under(uniq[i], uniq[j], weights, intercept) if f is None else combine(f, weights, intercept)
            for (i, j), f in zip(self.pairs, self.features, strict=True)
        }
        roots = Linkage(len(uniq), edges, threshold).run()
        groups: dict[int, list[int]] = {}
        for pos, u in enumerate(self.owner):
            groups.setdefault(roots[u], []).append(pos)
        return bcubed(list(groups.values()), self.gold)[2]


def fitted(blocked: Blocked) -> dict:
    x, y = blocked.training()
    w, intercept = fit(x, y, np.zeros(len(y)))
    model = {
        "_about": "namematch candidate model: logistic weights over namematch.score.FEATURES for a name and "
        "a neighbour that key retrieval proposes (namematch.cluster, Registry.match), fitted by "
        "tools/fit_candidate_model.py on the pairs namematch.cluster proposes for all spellings of the "
        "development persons (un-sc-2018, ofac-sdn-2022, ofac-cons-2018), labelled by gold person.",
        "features": list(FEATURES),
        "config_digest": DEFAULT_CONFIG.digest,  # the scoring configuration the features were computed under
        "weights": {name: round(float(v), 4) for name, v in zip(FEATURES, w, strict=True)},
        "intercept": round(intercept, 4),
        "fitted_on_pairs": len(y),
        "positives": int(y.sum()),
    }
    check_signs(model)
    return model


def logit(value: float, clip: float = 1e-6) -> float:
    """Log-odds of a value kept inside ``[clip, 1 - clip]``, as the registry reads it
    (``DecisionConfig.calibrated``)."""
    v = min(max(value, clip), 1.0 - clip)
    return math.log(v / (1.0 - v))


def calibration(terms: tuple[tuple[float, ...], float], task: tuple, half: int | None = None,
                unseen: bool = False) -> dict:
    """The registry calibration of a candidate model (``terms``) on the queries of the
    resolution task ``task`` (``registry_task()``; ``half``: only that half's queries); with
    ``unseen`` each query a second time, matched in a registry whose name data was built
    without the query's half."""
    persons, queries, group = task
    raw = DecisionConfig(calibration=(1.0, 0.0))
    seen = Registry(persons, decision=raw)
    held = [Registry(persons, scorer=Scorer(resources=lexicon_without(k)), decision=raw) for k in (0, 1)] if unseen else []
    z, y = [], []
    for _ds, _kind, q, want, h in queries:
        if half is not None and h != half:
            continue
        for reg in (seen, held[h]) if unseen else (seen,):
            best = reg.match_under(q, 0.0, 0.0, *terms)  # the best candidate, no decision
            if best is not None:
                z.append(logit(best.chance or 0.0))
                y.append(float(group[best.person.id] == want))
    w, intercept = fit(np.asarray(z)[:, None], np.asarray(y), np.zeros(len(y)))
    return {"slope": round(float(w[0]), 4), "intercept": round(intercept, 4), "fitted_on_queries": len(y),
            "right": int(sum(y))}


def _terms(cal: dict) -> tuple[float, float]:
    return cal["slope"], cal["intercept"]


def halves(names: list[str], gold: list[str], unseen: bool = False) -> None:
    """Fit on one half of the persons and use the model on the other half: B-cubed F1 of
    clustering per cluster threshold, and ``Registry.match`` per match threshold (``unseen``:
    as :func:`main` fits)."""
    half = [_bucket(g, "half:", 2) for g in gold]
    parts = [Blocked([n for n, h in zip(names, half) if h == k], [g for g, h in zip(gold, half) if h == k], unseen)
             for k in (0, 1)]
    models = [model_terms(fitted(p)) for p in parts]
    print("cluster threshold | half 1, model of half 0 | half 0, model of half 1 | mean")
    for thr in HALF_THRESHOLDS:
        f1 = [parts[1].bcubed_f1(*models[0], thr), parts[0].bcubed_f1(*models[1], thr)]
        print(f"{thr:17} | {f1[0]:23.4f} | {f1[1]:23.4f} | {sum(f1) / 2:.4f}")
    task = resolution_build()
    persons, queries, group = task
    cals = [calibration(models[k], task, k, unseen) for k in (0, 1)]  # each half's model calibrated on its own half
    print(f"\nregistry calibration (slope, intercept) of the model of half 0 / half 1: {_terms(cals[0])} / "
          f"{_terms(cals[1])}")
    regs = [Registry(persons, decision=DecisionConfig(calibration=_terms(cals[k]))) for k in (0, 1)]
    chances, right = [], []
    for _ds, _kind, q, want, h in queries:
        best = regs[1 - h].match_under(q, 0.0, 0.0, *models[1 - h])
        if best is not None:
            chances.append(best.chance or 0.0)
            right.append(int(group[best.person.id] == want))
    table, ece = reliability(chances, right)
    print("\nReliability of the best candidate's chance, each half with the model of the other")
    print("chance bin | queries | mean chance | share right")
    for lo, hi, cnt, mean, share in table:
        print(f"{lo:.1f}-{hi:.1f}    | {cnt:7} | {mean:11.3f} | {share:.3f}")
    print(f"expected calibration error {ece:.4f}")
    print("\nRegistry.match on the queries of benchmarks/resolution.py, each half with the model of the "
          "other (accuracy@1 of registry persons' queries, NIL accuracy of absent persons')")
    print("match threshold | cross acc@1 | cross NIL | same acc@1 | same NIL | all queries right")
    for thr in MATCH_THRESHOLDS:
        right: dict[tuple[str, bool], list[bool]] = {}
        for _ds, kind, q, want, h in queries:
            got = regs[1 - h].match_under(q, thr, regs[1 - h].margin, *models[1 - h])  # the default margin
            got_group = None if got is None else group[got.person.id]
            right.setdefault((kind, want is None), []).append(got_group == want)
        cells = [sum(v) / max(len(v), 1) for v in (right.get((k, nil), []) for k in ("cross-script", "same-script")
                                                   for nil in (False, True))]
        print(f"{thr:15} | " + " | ".join(f"{c:.3f}" for c in cells)
              + f" | {sum(map(sum, right.values())) / len(queries):.3f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dry-run", action="store_true", help="print the model, do not write it")
    ap.add_argument("--halves", action="store_true", help="also fit on each half and cluster the other")
    ap.add_argument("--out", type=Path, default=OUT, help="where to write the model (default: the shipped file)")
    ap.add_argument("--unseen", action="store_true",
                    help="also featurise every pair and query with name data built without its half")
    args = ap.parse_args(argv)
    names, gold = spellings()
    model = fitted(Blocked(names, gold, args.unseen))
    model["registry_calibration"] = calibration(model_terms(model), resolution_build(), unseen=args.unseen)
    print(json.dumps(model, indent=2))
    if args.halves:
        halves(names, gold, args.unseen)
    if not args.dry_run:
        _atomic_write(args.out, lambda fh: fh.write(json.dumps(model, indent=2, ensure_ascii=False) + "\n"))
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
