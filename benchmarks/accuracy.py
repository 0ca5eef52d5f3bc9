"""Pair-scoring accuracy of namematch against baselines, on the development data.

Prints average precision, best-threshold F1 and F1 at the default threshold per
slice (cross-script and same-script reported apart), for namematch and, in the
same run, unidecode + Jaro-Winkler and unidecode + rapidfuzz token_sort_ratio.

    python benchmarks/accuracy.py
    python benchmarks/accuracy.py --holdout   # also: names the lexicon and model never saw

**Near misses.** A second table scores the near-miss pairs of ``tools/build_nearmiss.py``
(a real name with one element replaced by a real name element of similar shape that is
not a variant of it, against real spelling pairs of the same persons), per kind of pair
and per half of the persons, with precision and recall at the default threshold and the
share of near-miss negatives scoring 0.9 or more. A reliability table then reads the
scores of all pairs (development pairs and near misses) as probabilities.

**World names.** A third table scores the pairs of ``tools/build_worldnames.py``: names of
other cultures (English to Vietnamese and African), spelling variants of one name against
masculine and feminine forms and look-alike different names, written from general facts of
the names (``benchmarks/data/world-names/``), per culture and per relation, for namematch and
the baselines. ``--world`` prints that table alone (it needs no development data).

``--holdout`` rebuilds the lexicon and the transliteration model without the test fifth
of the persons and Arabic-script tokens (``tools/build_lexicon.py --holdout``'s split) and
scores the pairs of that fifth with the shipped and with the held-out data in the same run:
how much of the accuracy comes from having seen the names.
"""

from __future__ import annotations

import argparse
import sys

from _common import PERSON_SETS, NearMiss, WorldPair, held_out_build, near_miss_pairs, world_pairs
from rapidfuzz import fuzz
from rapidfuzz.distance import JaroWinkler
from unidecode import unidecode

import namematch as nm
from namematch.evaluation import (
    average_precision,
    best_f1,
    f1_at,
    held_out_resources,
    in_test_fifth,
    load_entities,
    precision_recall_at,
    print_table,
    reliability,
    sample_pairs,
)


def _plain(s: str) -> str:
    return " ".join(unidecode(s).lower().replace("-", " ").replace(",", " ").split())


def baselines() -> dict[str, tuple[object, float]]:
    """name -> (scorer, its own default threshold)."""
    return {
        "namematch": (nm.score, nm.DEFAULT_THRESHOLD),
        "unidecode+jaro_winkler": (lambda a, b: JaroWinkler.normalized_similarity(_plain(a), _plain(b)), 0.9),
        "unidecode+token_sort": (lambda a, b: fuzz.token_sort_ratio(_plain(a), _plain(b)) / 100, 0.85),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--errors", type=int, default=0, help="print this many worst namematch errors per slice")
    ap.add_argument("--holdout", action="store_true", help="also score the held-out fifth with held-out data")
    ap.add_argument("--world", action="store_true", help="only the world-names table")
    args = ap.parse_args()
    if args.world:
        world_names_table(args.errors)
        return
    slices = sample_pairs()
    rows = []
    all_scores: dict[str, list[float]] = {}
    all_labels: list[int] = []
    for name, pairs in slices.items():
        labels = [y for _, _, y in pairs]
        all_labels.extend(labels)
        for method, (func, thr) in baselines().items():
            scores = [func(a, b) for a, b, _ in pairs]
            all_scores.setdefault(method, []).extend(scores)
            bf, bt = best_f1(scores, labels)
            rows.append([name, method, len(pairs), average_precision(scores, labels), bf, bt, f1_at(scores, labels, thr)])
            if method == "namematch" and args.errors:
                errs = sorted(
                    ((abs(s - y), s, y, a, b) for s, (a, b, y) in zip(scores, pairs) if (s >= thr) != bool(y)),
                    reverse=True,
                )
                for _, s, y, a, b in errs[: args.errors]:
                    print(f"  [{name}] label={y} score={s:.3f}  {a!r} ~ {b!r}")
    for method, scores in all_scores.items():
        thr = baselines()[method][1]
        bf, bt = best_f1(scores, all_labels)
        rows.append(["ALL", method, len(all_labels), average_precision(scores, all_labels), bf, bt, f1_at(scores, all_labels, thr)])
    print(f"namematch {nm.__version__}, DEFAULT_THRESHOLD={nm.DEFAULT_THRESHOLD}")
    print_table(["slice", "method", "pairs", "avg precision", "best F1", "at thr", "F1 @ default thr"], rows)
    dev_scores = all_scores["namematch"]
    near_scores, near_labels = near_miss_table()
    world_names_table(args.errors)
    calibration_table(dev_scores + near_scores, all_labels + near_labels)


def near_miss_rows(pairs: list[NearMiss], scores: list[float], threshold: float) -> list[list[object]]:
    """One row per slice of near-miss pairs: pairs, AP, best F1 (and where), F1, precision and
    recall at ``threshold``, share of negatives at or above ``threshold`` and 0.9."""
    slices: dict[str, list[int]] = {}
    for k, p in enumerate(pairs):
        for name in ("ALL", f"half {p.half}", "cross-script" if p.cross else "same-script"):
            slices.setdefault(name, []).append(k)
    rows = []
    for name, idx in slices.items():
        sc, lab = [scores[k] for k in idx], [pairs[k].label for k in idx]
        neg = [s for s, y in zip(sc, lab) if not y]
        bf, bt = best_f1(sc, lab)
        prec, rec = precision_recall_at(sc, lab, threshold)
        rows.append([name, len(idx), average_precision(sc, lab), bf, bt, f1_at(sc, lab, threshold), prec, rec,
                     sum(s >= threshold for s in neg) / max(len(neg), 1), sum(s >= 0.9 for s in neg) / max(len(neg), 1)])
    return rows


def near_miss_table() -> tuple[list[float], list[int]]:
    """namematch and the baselines on the near-miss pairs; namematch's negatives per kind."""
    pairs = near_miss_pairs()
    scores: list[float] = []
    for method, (func, thr) in baselines().items():
        got = [func(p.a, p.b) for p in pairs]
        if method == "namematch":
            scores = got
        print(f"\nNear-miss pairs, {method} (threshold {thr}):")
        print_table(["slice", "pairs", "avg precision", "best F1", "at thr", "F1 @ thr", "precision @ thr",
                     "recall @ thr", "negatives >= thr", "negatives >= 0.9"], near_miss_rows(pairs, got, thr))
    kinds: dict[str, list[float]] = {}
    for p, s in zip(pairs, scores):
        kinds.setdefault(p.kind, []).append(s)
    print("\nnamematch per kind of near-miss pair (variant = positives):")
    print_table(["kind", "pairs", "mean score", f">= {nm.DEFAULT_THRESHOLD}", ">= 0.9"],
                [[k, len(v), sum(v) / len(v), sum(s >= nm.DEFAULT_THRESHOLD for s in v) / len(v),
                  sum(s >= 0.9 for s in v) / len(v)] for k, v in sorted(kinds.items())])
    return scores, [p.label for p in pairs]


def world_rows(pairs: list[WorldPair], scores: list[float], threshold: float) -> list[list[object]]:
    """One row per slice of the world-names pairs (all, each culture, each negative relation
    against all positives): pairs, AP, best F1, F1, precision and recall at ``threshold``,
    share of negatives at or above ``threshold`` and 0.9, share of positives below ``threshold``."""
    slices: dict[str, list[int]] = {}
    for k, p in enumerate(pairs):
        names = ["ALL", p.culture] + ([f"variant + {r}" for r in ("gendered", "lookalike")] if p.label
                                      else [f"variant + {p.relation}"])
        for name in names:
            slices.setdefault(name, []).append(k)
    rows = []
    for name, idx in slices.items():
        sc, lab = [scores[k] for k in idx], [pairs[k].label for k in idx]
        neg = [s for s, y in zip(sc, lab) if not y]
        pos = [s for s, y in zip(sc, lab) if y]
        bf, _bt = best_f1(sc, lab)
        prec, rec = precision_recall_at(sc, lab, threshold)
        rows.append([name, len(idx), average_precision(sc, lab) if neg and pos else float("nan"), bf,
                     f1_at(sc, lab, threshold), prec, rec,
                     sum(s >= threshold for s in neg) / max(len(neg), 1), sum(s >= 0.9 for s in neg) / max(len(neg), 1),
                     sum(s >= 0.99 for s in neg) / max(len(neg), 1)])
    return rows


def world_names_table(errors: int = 0) -> None:
    """namematch and the baselines on the world-names pairs (names of other cultures)."""
    pairs = world_pairs()
    for method, (func, thr) in baselines().items():
        got = [func(p.a, p.b) for p in pairs]
        print(f"\nWorld names (variants, gendered forms, look-alikes), {method} (threshold {thr}):")
        print_table(["slice", "pairs", "avg precision", "best F1", "F1 @ thr", "precision @ thr", "recall @ thr",
                     "negatives >= thr", "negatives >= 0.9", "negatives >= 0.99"], world_rows(pairs, got, thr))
        if method == "namematch" and errors:
            errs = sorted(((abs(s - p.label), s, p) for s, p in zip(got, pairs) if (s >= thr) != bool(p.label)),
                          key=lambda e: -e[0])
            for _, s, p in errs[:errors]:
                print(f"  [{p.culture} {p.relation}] score={s:.3f}  {p.a!r} ~ {p.b!r}")


def calibration_table(scores: list[float], labels: list[int]) -> None:
    """The reliability of namematch's scores read as probabilities, on all pairs above."""
    rows, ece = reliability(scores, labels)
    print(f"\nReliability of the shipped model on the development and near-miss pairs ({len(scores)} pairs, "
          f"{sum(labels) / len(labels):.2f} positives): expected calibration error {ece:.3f}")
    print_table(["score from", "to", "pairs", "mean score", "share same person"], rows)


def holdout_table() -> None:
    """namematch on the pairs of the held-out fifth, with the shipped and the held-out data."""
    owner: dict[str, str] = {}
    for ds in PERSON_SETS:
        for e in load_entities(ds):
            for n in e["names"]:
                owner.setdefault(n, e["id"])
    test = {k: [p for p in v if in_test_fifth(owner.get(p[0], p[0]))] for k, v in sample_pairs().items()}
    held = held_out_build()
    rows = []
    for label in ("shipped", "held-out"):
        scorer = nm.Scorer(resources=held_out_resources(*held) if label == "held-out" else None)
        for name, pairs in [*test.items(), ("ALL", [p for v in test.values() for p in v])]:
            scores, labels = [scorer.score(a, b) for a, b, _ in pairs], [y for _, _, y in pairs]
            bf, bt = best_f1(scores, labels)
            rows.append([name, label, len(pairs), average_precision(scores, labels), bf, bt,
                         f1_at(scores, labels, nm.DEFAULT_THRESHOLD)])
    print("\nHeld-out fifth (persons and Arabic-script tokens the held-out lexicon and model never saw):")
    print_table(["slice", "namematch data", "pairs", "avg precision", "best F1", "at thr", "F1 @ default thr"], rows)


if __name__ == "__main__":
    main()
    if "--holdout" in sys.argv[1:]:
        holdout_table()
