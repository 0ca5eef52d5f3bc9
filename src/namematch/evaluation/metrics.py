"""The measures of namematch's benchmarks: pair scores against labels, clusterings against
gold groups, rankings against the right answer.

Scores are read as "the higher, the more likely the same person"; labels are 1 (same
person) or 0. Every function takes plain sequences and returns plain floats, so a figure
means the same in every script that prints it.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

__all__ = [
    "average_precision",
    "bcubed",
    "best_f1",
    "f1_at",
    "hit_at_k",
    "precision_recall_at",
    "reliability",
]

#: One row of :func:`reliability`: ``(low, high, pairs, mean score, share of positives)``.
ReliabilityRow = tuple[float, float, int, float, float]


def average_precision(scores: Sequence[float], labels: Sequence[int]) -> float:
    """Average precision of the pairs ranked by score (ties in input order); 0.0 without positives.

    >>> average_precision([0.9, 0.8, 0.1], [1, 0, 1])
    0.8333333333333333
    """
    order = sorted(range(len(scores)), key=lambda i: -scores[i])
    hits = 0
    total = sum(labels)
    ap = 0.0
    for rank, i in enumerate(order, 1):
        if labels[i]:
            hits += 1
            ap += hits / rank
    return ap / total if total else 0.0


def f1_at(scores: Sequence[float], labels: Sequence[int], threshold: float) -> float:
    """F1 of calling the pairs scoring at least ``threshold`` the same person.

    >>> f1_at([0.9, 0.8, 0.1], [1, 0, 1], 0.5)
    0.5
    """
    tp = sum(1 for s, y in zip(scores, labels) if s >= threshold and y)
    fp = sum(1 for s, y in zip(scores, labels) if s >= threshold and not y)
    fn = sum(1 for s, y in zip(scores, labels) if s < threshold and y)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def precision_recall_at(scores: Sequence[float], labels: Sequence[int], threshold: float) -> tuple[float, float]:
    """Precision and recall of the pairs scoring at least ``threshold`` (precision 1.0 when none does).

    >>> precision_recall_at([0.9, 0.8, 0.1], [1, 0, 1], 0.5)
    (0.5, 0.5)
    """
    tp = sum(1 for s, y in zip(scores, labels) if s >= threshold and y)
    fp = sum(1 for s, y in zip(scores, labels) if s >= threshold and not y)
    pos = sum(1 for y in labels if y)
    return (tp / (tp + fp) if tp + fp else 1.0), (tp / pos if pos else 0.0)


def best_f1(scores: Sequence[float], labels: Sequence[int]) -> tuple[float, float]:
    """The best :func:`f1_at` over the scores rounded to three decimals, and the threshold giving it
    (the lowest such threshold; ``(0.0, 0.0)`` when no threshold finds a positive).

    >>> best_f1([0.9, 0.8, 0.1], [1, 0, 1])
    (0.8, 0.1)
    """
    best, thr = 0.0, 0.0
    for t in sorted(set(round(s, 3) for s in scores)):
        f = f1_at(scores, labels, t)
        if f > best:
            best, thr = f, t
    return best, thr


def reliability(
    scores: Sequence[float], labels: Sequence[int], bins: int = 10
) -> tuple[list[ReliabilityRow], float]:
    """A reliability table of scores read as probabilities: per bin of equal width
    ``(low, high, pairs, mean score, share of positives)`` (empty bins left out), and the
    expected calibration error (the pair-weighted mean of ``|mean score - share of positives|``).

    >>> rows, ece = reliability([0.05, 0.15, 0.95], [0, 0, 1])
    >>> [r[2] for r in rows], round(ece, 3)
    ([1, 1, 1], 0.083)
    """
    rows: list[ReliabilityRow] = []
    ece = 0.0
    for k in range(bins):
        lo, hi = k / bins, (k + 1) / bins
        idx = [i for i, s in enumerate(scores) if lo <= s < hi or (k == bins - 1 and s == hi)]
        if not idx:
            continue
        mean = sum(scores[i] for i in idx) / len(idx)
        rate = sum(labels[i] for i in idx) / len(idx)
        rows.append((lo, hi, len(idx), mean, rate))
        ece += len(idx) / len(scores) * abs(mean - rate)
    return rows, ece


def bcubed(groups: Sequence[Sequence[int]], gold: Sequence[Hashable]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering: ``groups`` lists the item indices of
    each cluster (every index of ``gold`` in exactly one group), ``gold`` the true group of each item.
    (0.0, 0.0, 0.0) for no items, as the other metrics give 0.0; ``ValueError`` for an item in no
    group.

    >>> bcubed([[0, 1, 2]], ["a", "a", "b"])
    (0.5555555555555555, 1.0, 0.7142857142857143)
    """
    if not gold:
        return 0.0, 0.0, 0.0
    cluster_of: dict[int, int] = {}
    for k, g in enumerate(groups):
        for i in g:
            cluster_of[i] = k
    missing = [i for i in range(len(gold)) if i not in cluster_of]
    if missing:
        raise ValueError(f"items in no group: {missing[:5]}{' ...' if len(missing) > 5 else ''}")
    members: dict[int, list[int]] = {}
    for i, k in cluster_of.items():
        members.setdefault(k, []).append(i)
    by_gold: dict[Hashable, list[int]] = {}
    for i, truth in enumerate(gold):
        by_gold.setdefault(truth, []).append(i)
    p = r = 0.0
    for i in range(len(gold)):
        same_c = members[cluster_of[i]]
        same_g = by_gold[gold[i]]
        both = sum(1 for j in same_c if gold[j] == gold[i])
        p += both / len(same_c)
        r += both / len(same_g)
    p, r = p / len(gold), r / len(gold)
    return p, r, 2 * p * r / (p + r)


def hit_at_k(rankings: Sequence[Sequence[Hashable]], gold: Sequence[Hashable | set[Hashable]], k: int) -> float:
    """Share of the rankings with a right answer among their first ``k`` entries; ``gold[i]`` is
    the right answer of ranking ``i`` or a set of right answers. 0.0 for no rankings.

    >>> hit_at_k([["a", "b"], ["c", "a"], []], ["a", {"a", "x"}, "a"], 1)
    0.3333333333333333
    >>> hit_at_k([["a", "b"], ["c", "a"], []], ["a", {"a", "x"}, "a"], 2)
    0.6666666666666666
    """
    if not rankings:
        return 0.0
    hits = 0
    for ranked, right in zip(rankings, gold, strict=True):
        answers = right if isinstance(right, set) else {right}
        hits += any(r in answers for r in ranked[:k])
    return hits / len(rankings)
