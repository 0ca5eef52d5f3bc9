"""Pair-scoring accuracy of namematch against baselines, on the development data.

Prints average precision, best-threshold F1 and F1 at the default threshold per
slice (cross-script and same-script reported apart), for namematch and, in the
same run, unidecode + Jaro-Winkler and unidecode + rapidfuzz token_sort_ratio.

    python benchmarks/accuracy.py
"""

from __future__ import annotations

import argparse

from _common import average_precision, best_f1, f1_at, print_table, sample_pairs
from rapidfuzz import fuzz
from rapidfuzz.distance import JaroWinkler
from unidecode import unidecode

import namematch as nm


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
    args = ap.parse_args()
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


if __name__ == "__main__":
    main()
