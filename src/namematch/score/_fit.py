"""Fitting a :class:`~namematch.score.Scorer` to a user's labelled pairs (part of :mod:`namematch.score`).

:meth:`Scorer.fit` reads pairs ``(name_a, name_b, same)``, describes each by the
alignment features the scorer computes (:data:`~namematch.score._model.FEATURES`, read
from the code) and fits the logistic pair model **starting from the shipped model as a
prior**: the fitted weights minimise the log-loss of the pairs plus
``l2 / 2 * sum((w - w_shipped) ** 2)``, so a weight the pairs say nothing about stays
where the development data put it, and a few pairs can only move the model a little.
The intercept is held only weakly (:data:`INTERCEPT_L2`): it carries the base rate of
the user's pairs, which may differ from the 1:1 of the development pairs. A weight the
shipped model sets firmly (:data:`SIGN_KEPT_FROM` or more in size) may shrink to zero but
never changes sign (a conflict never becomes evidence for a match), and the weights the
shipped model fixed rather than fitted (its ``fixed`` entry) are held
:data:`FIXED_STIFFNESS` times harder.

**Strength of the prior.** ``l2`` is chosen among :data:`L2_GRID` by cross-validated
log-loss (folds by a hash of the pair, so the same pairs give the same folds), then the
largest ``l2`` within one standard error of the best (the "one standard error" rule): the
strongest prior the pairs cannot tell from the best. A hundred pairs thus move the model
only as far as they clearly can; tens of thousands of pairs outweigh any prior.

**Threshold.** The model of each fold scores the pairs held apart from it; on these
held-apart scores ``threshold="f1"`` picks the threshold of best F1, and a number (``0.95``)
the lowest threshold whose precision reaches it. The same held-apart scores give the
:class:`FitReport`: precision, recall and F1 per threshold, and a calibration table (the
score is a probability for pairs drawn as the user's pairs are).

**The candidate model** (``Registry.match``, ``cluster``) weighs the same features for a
name and its retrieved neighbours; the fitted scorer's candidate model is the shipped one
moved by the same change of weights, and of intercept less the change the base rate of the
pairs explains (``logit(share of same-person pairs)``).
"""

from __future__ import annotations

import math
import warnings
import zlib
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final

import attrs

from namematch._decide import logit
from namematch.score._model import FEATURES, combine, default_model

if TYPE_CHECKING:  # pragma: no cover
    from namematch.score._scorer import Scorer

__all__ = ["FitReport", "fit_scorer", "read_pairs"]

#: Prior strengths tried (a weight's pull toward the shipped model, in log-loss units per unit of weight squared).
L2_GRID: Final = (0.3, 1.0, 3.0, 10.0, 30.0, 100.0, 300.0, 1000.0)
#: The strongest prior whose cross-validated log-loss is within this many standard errors of the
#: best is taken (0: the best; ``benchmarks/fit.py``: the one-standard-error rule, 1.0, keeps
#: the shipped model for 135-pair sets that fitting improves).
SE_SHARE: Final = 0.0
#: Prior strength when the pairs are too few to cross-validate a choice.
L2_FEW: Final = 100.0
#: Pull of the intercept toward the shipped one: weak, it carries the base rate of the pairs.
INTERCEPT_L2: Final = 0.5
#: Shipped weights at least this large (in size) keep their sign when fitted.
SIGN_KEPT_FROM: Final = 0.5
#: The shipped model's fixed weights (set, not fitted) are held this many times harder.
FIXED_STIFFNESS: Final = 100.0
#: Folds of the cross-validation (fewer when a class has fewer pairs).
FOLDS: Final = 5
#: Fewest pairs of each kind (same person, different persons) a fit accepts.
MIN_EACH: Final = 3
#: Thresholds listed in the report's table (besides the chosen one).
REPORT_THRESHOLDS: Final = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95)


@attrs.frozen(slots=True)
class ThresholdRow:
    """Precision, recall and F1 of the held-apart scores at one threshold."""

    threshold: float
    precision: float
    recall: float
    f1: float
    matches: int


@attrs.frozen(slots=True)
class CalibrationRow:
    """Held-apart pairs whose score falls in ``[low, high)``: their number, mean score and
    the share of them that are one person (equal to the mean score when calibrated)."""

    low: float
    high: float
    pairs: int
    mean_score: float
    share_same: float


@attrs.frozen(slots=True)
class FitReport:
    """What :meth:`Scorer.fit` measured, on pairs held apart from the model that scored them
    (``folds``-fold cross-validation).

    ``average_precision`` and ``f1`` are the fitted scorer's; ``prior_average_precision`` and
    ``prior_f1`` the starting scorer's (the shipped model at its threshold) on the same pairs.
    ``str(report)`` prints the tables.
    """

    pairs: int
    positives: int
    modelled: int
    folds: int
    l2: float
    threshold: float
    rule: str
    target_met: bool
    average_precision: float
    f1: float
    prior_average_precision: float
    prior_f1: float
    ece: float
    rows: tuple[ThresholdRow, ...]
    calibration: tuple[CalibrationRow, ...]

    def to_dict(self) -> dict[str, Any]:
        """The report as plain data (JSON-ready); :meth:`from_dict` reads it back."""
        return attrs.asdict(self, recurse=True)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> FitReport:
        """A report from :meth:`to_dict`'s data (TypeError for missing or unknown fields)."""
        if not isinstance(data, Mapping):
            raise TypeError(f"a fit report must be an object, not {type(data).__name__}")
        values = dict(data)
        values["rows"] = tuple(ThresholdRow(**r) for r in values.get("rows", ()))
        values["calibration"] = tuple(CalibrationRow(**r) for r in values.get("calibration", ()))
        return cls(**values)

    def __str__(self) -> str:
        lines = [
            f"fitted on {self.pairs} pairs ({self.positives} same person, {self.pairs - self.positives} different); "
            f"{self.modelled} scored by the model; prior strength l2={self.l2:g}; {self.folds}-fold held-apart figures",
            f"threshold {self.threshold:.3f} ({self.rule}{'' if self.target_met else ', target not reached'})",
            f"average precision {self.average_precision:.3f} (shipped {self.prior_average_precision:.3f}); "
            f"F1 {self.f1:.3f} (shipped at its threshold {self.prior_f1:.3f}); "
            f"expected calibration error {self.ece:.3f}",
            "",
            "threshold  precision  recall  F1     matches",
        ]
        for r in self.rows:
            lines.append(f"{r.threshold:<9.3f}  {r.precision:<9.3f}  {r.recall:<6.3f}  {r.f1:<5.3f}  {r.matches}")
        lines += ["", "score from  to     pairs  mean score  share same person"]
        for c in self.calibration:
            lines.append(f"{c.low:<10.1f}  {c.high:<5.1f}  {c.pairs:<5d}  {c.mean_score:<10.3f}  {c.share_same:.3f}")
        return "\n".join(lines)


# -- reading pairs -------------------------------------------------------------

_TRUE: Final = frozenset({"1", "true", "t", "yes", "y", "same", "match"})
_FALSE: Final = frozenset({"0", "false", "f", "no", "n", "different", "nomatch", "no match", "distinct"})


def parse_label(value: object) -> bool:
    """A pair's label as bool: a bool, 0/1, or a word (true/false, yes/no, same/different, 1/0)."""
    if isinstance(value, bool):
        return value
    if type(value).__name__ == "bool_":  # numpy's bool
        return bool(value)
    if isinstance(value, int | float) and not isinstance(value, bool) and value in (0, 1):
        return bool(value)
    if hasattr(value, "item") and not isinstance(value, str):  # a numpy scalar
        return parse_label(value.item())
    if isinstance(value, str):
        word = value.strip().lower()
        if word in _TRUE:
            return True
        if word in _FALSE:
            return False
    raise ValueError(f"the label must be true/false (or 1/0, same/different), got {value!r}")


def read_pairs(pairs: object) -> list[tuple[str, str, bool]]:
    """The labelled pairs of ``pairs``: an iterable of ``(name_a, name_b, same)`` or a pandas
    DataFrame (columns ``a``, ``b``, ``same``, or its three columns in order). A bad item is a
    TypeError/ValueError naming its position (0-based)."""
    if type(pairs).__name__ == "DataFrame" and hasattr(pairs, "columns"):
        columns = list(pairs.columns)
        if {"a", "b", "same"} <= set(columns):
            frame = pairs[["a", "b", "same"]]  # type: ignore[index]
        elif len(columns) == 3:
            frame = pairs
        else:
            raise ValueError(f"a DataFrame of pairs needs columns a, b, same or exactly three columns, got {columns}")
        items: Iterable[Any] = frame.itertuples(index=False, name=None)
    elif isinstance(pairs, str | bytes) or not isinstance(pairs, Iterable):
        raise TypeError(f"pairs must be an iterable of (name_a, name_b, same), not {type(pairs).__name__}")
    else:
        items = pairs
    out: list[tuple[str, str, bool]] = []
    for k, item in enumerate(items):
        if isinstance(item, str | bytes) or not isinstance(item, Sequence | tuple):
            raise TypeError(f"pairs item {k}: expected (name_a, name_b, same), got {type(item).__name__}")
        if len(item) != 3:
            raise ValueError(f"pairs item {k}: expected 3 values (name_a, name_b, same), got {len(item)}")
        a, b, label = item
        for name, value in (("name_a", a), ("name_b", b)):
            if not isinstance(value, str):
                raise TypeError(f"pairs item {k}: {name} must be str, not {type(value).__name__}")
        try:
            out.append((a, b, parse_label(label)))
        except ValueError as exc:
            raise ValueError(f"pairs item {k}: {exc}") from None
    return out


# -- the fit -------------------------------------------------------------------


def _fold_of(a: str, b: str, folds: int) -> int:
    x, y = (a, b) if a <= b else (b, a)
    return zlib.crc32(f"{x}\x00{y}".encode("utf-8", "surrogatepass")) % folds


def _logistic(np: Any, z: Any) -> Any:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -40.0, 40.0)))


def _fit_weights(np: Any, x: Any, y: Any, prior: Any, stiffness: Any, l2: float, signs: Any) -> Any:
    """Penalised logistic regression toward ``prior`` (weights then intercept) by Newton's
    method; weights whose sign must be kept are clamped at zero (an active set)."""
    n_feat = x.shape[1]
    design = np.hstack([x, np.ones((len(x), 1))])
    reg = np.append(l2 * stiffness, INTERCEPT_L2)
    clamped = np.zeros(n_feat + 1, dtype=bool)
    w = prior.copy()
    for _round in range(n_feat + 1):
        free = ~clamped
        for _ in range(100):
            p = _logistic(np, design @ w)
            grad = design.T @ (p - y) + reg * (w - prior)
            hess = (design * (p * (1 - p))[:, None]).T @ design + np.diag(reg + 1e-9)
            step = np.zeros_like(w)
            step[free] = np.linalg.solve(hess[np.ix_(free, free)], grad[free])
            w = w - step
            if np.abs(step).max() < 1e-9:
                break
        crossed = np.zeros(n_feat + 1, dtype=bool)
        crossed[:n_feat] = (signs != 0) & (np.sign(w[:n_feat]) == -signs) & ~clamped[:n_feat]
        if not crossed.any():
            break
        clamped |= crossed
        w[clamped] = 0.0
    return w


def _log_loss(np: Any, x: Any, y: Any, w: Any) -> Any:
    p = np.clip(_logistic(np, x @ w[:-1] + w[-1]), 1e-9, 1 - 1e-9)
    return -(y * np.log(p) + (1 - y) * np.log(1 - p))


def average_precision(scores: Sequence[float], labels: Sequence[bool]) -> float:
    """Average precision of scores against labels (ties broken by order of the pairs)."""
    order = sorted(range(len(scores)), key=lambda i: -scores[i])
    hits, total, ap = 0, sum(labels), 0.0
    for rank, i in enumerate(order, 1):
        if labels[i]:
            hits += 1
            ap += hits / rank
    return ap / total if total else 0.0


def _counts(scores: Sequence[float], labels: Sequence[bool], threshold: float) -> tuple[int, int, int]:
    tp = fp = fn = 0
    for s, y in zip(scores, labels, strict=True):
        if s >= threshold:
            tp += y
            fp += not y
        else:
            fn += y
    return tp, fp, fn


def _row(scores: Sequence[float], labels: Sequence[bool], threshold: float) -> ThresholdRow:
    tp, fp, fn = _counts(scores, labels, threshold)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return ThresholdRow(round(threshold, 4), round(precision, 4), round(recall, 4), round(f1, 4), tp + fp)


#: Thresholds :func:`choose_threshold` tries.
THRESHOLD_GRID: Final = (*(k / 100 for k in range(1, 100)), 0.995, 0.999)


def choose_threshold(scores: Sequence[float], labels: Sequence[bool], rule: str | float) -> tuple[float, bool]:
    """The threshold for held-apart scores (from :data:`THRESHOLD_GRID`), and whether a
    precision target was reached.

    ``rule="f1"``: the thresholds whose F1 is within half a same-person pair's worth of the
    best (``1 / (2 * same-person pairs)``) are equally good as far as the pairs can tell; the
    median of them is taken, so one pair does not pull the threshold to the edge of the
    plateau. A number: of the thresholds whose precision reaches it, those whose recall is
    within the same tolerance of the best such recall, the median; when none reaches it, the
    most precise threshold (and the target is not met)."""
    rows = [_row(scores, labels, t) for t in THRESHOLD_GRID]
    tolerance = 1.0 / (2 * max(1, sum(labels)))
    if rule == "f1":
        best = max(r.f1 for r in rows)
        near = [r.threshold for r in rows if r.f1 >= best - tolerance]
        return near[len(near) // 2], True
    target = float(rule)
    reached = [r for r in rows if r.precision >= target and r.matches]
    if reached:
        most = max(r.recall for r in reached)
        near = [r.threshold for r in reached if r.recall >= most - tolerance]
        return near[len(near) // 2], True
    sharpest = max(rows, key=lambda r: (r.precision, -r.threshold))
    return sharpest.threshold, False


def calibration(scores: Sequence[float], labels: Sequence[bool], bins: int = 10) -> tuple[list[CalibrationRow], float]:
    """A reliability table of equal-width bins and the expected calibration error."""
    rows: list[CalibrationRow] = []
    ece = 0.0
    for k in range(bins):
        lo, hi = k / bins, (k + 1) / bins
        idx = [i for i, s in enumerate(scores) if lo <= s < hi or (k == bins - 1 and s >= hi)]
        if not idx:
            continue
        mean = sum(scores[i] for i in idx) / len(idx)
        rate = sum(labels[i] for i in idx) / len(idx)
        rows.append(CalibrationRow(lo, hi, len(idx), round(mean, 4), round(rate, 4)))
        ece += len(idx) / len(scores) * abs(mean - rate)
    return rows, round(ece, 4)


def _check_rule(threshold: object) -> str | float:
    if threshold == "f1":
        return "f1"
    if isinstance(threshold, bool) or not isinstance(threshold, int | float) or not 0.0 < float(threshold) < 1.0:
        raise ValueError(f"threshold must be 'f1' or a target precision in (0, 1), got {threshold!r}")
    return float(threshold)


def fit_scorer(
    base: Scorer,
    pairs: object,
    *,
    threshold: str | float = "f1",
    l2: float | None = None,
    folds: int = FOLDS,
    progress: bool = False,
) -> Scorer:
    """:meth:`Scorer.fit` with ``base`` (a scorer) as the prior and the featuriser; see the
    module docstring. Returns a new scorer (same lexicon as ``base``) with its ``report``."""
    import numpy as np

    rule = _check_rule(threshold)
    if l2 is not None and (isinstance(l2, bool) or not isinstance(l2, int | float) or not 0 < l2 < math.inf):
        raise ValueError(f"l2 must be a positive number, got {l2!r}")
    if isinstance(folds, bool) or not isinstance(folds, int) or folds < 2:
        raise ValueError(f"folds must be an int >= 2, got {folds!r}")
    labelled = read_pairs(pairs)
    positives = sum(y for _a, _b, y in labelled)
    negatives = len(labelled) - positives
    if positives < MIN_EACH or negatives < MIN_EACH:
        raise ValueError(
            f"fitting needs at least {MIN_EACH} pairs of one person and {MIN_EACH} of different persons, "
            f"got {positives} and {negatives}")
    items: Iterable[tuple[str, str, bool]] = labelled
    if progress:
        from namematch._progress import progress as bar

        items = bar(labelled, total=len(labelled), desc="reading pairs", unit="pair")
    feats = [base.features_of(a, b) for a, b, _y in items]
    labels = [bool(y) for _a, _b, y in labelled]
    k_folds = max(2, min(folds, positives, negatives))
    fold = [_fold_of(a, b, k_folds) for a, b, _y in labelled]
    model_idx = [i for i, f in enumerate(feats) if not isinstance(f, float)]
    x = np.asarray([feats[i] for i in model_idx], dtype=float).reshape(len(model_idx), len(FEATURES))
    y = np.asarray([labels[i] for i in model_idx], dtype=float)
    fx = np.asarray([fold[i] for i in model_idx], dtype=int)
    prior = np.append(np.asarray(base.model_weights, dtype=float), base.model_intercept)
    prior_model = base.model if base.model is not None else default_model()
    fixed_weights = dict(prior_model.get("fixed") or {})
    fixed = set(fixed_weights)
    stiffness = np.asarray([FIXED_STIFFNESS if name in fixed else 1.0 for name in FEATURES])
    signs = np.asarray([np.sign(w) if abs(w) >= SIGN_KEPT_FROM else 0.0 for w in prior[:-1]])

    def fitted(rows: Any, strength: float) -> Any:
        if not rows.any():
            return prior.copy()
        return _fit_weights(np, x[rows], y[rows], prior, stiffness, strength, signs)

    usable = len(model_idx) >= 2 * MIN_EACH and 0 < y.sum() < len(y)
    if l2 is not None:
        strength = float(l2)
    elif not usable or min(int(y.sum()), int(len(y) - y.sum())) < k_folds:
        strength = L2_FEW
    else:
        losses = []
        for lam in L2_GRID:
            per_pair = np.zeros(len(y))
            for f in range(k_folds):
                held = fx == f
                w = fitted(~held, lam)
                per_pair[held] = _log_loss(np, x[held], y[held], w)
            losses.append((per_pair.mean(), per_pair.std(ddof=1) / math.sqrt(len(y))))
        best = min(range(len(L2_GRID)), key=lambda k: losses[k][0])
        limit = losses[best][0] + SE_SHARE * losses[best][1]
        strength = max(lam for lam, (mean, _se) in zip(L2_GRID, losses, strict=True) if mean <= limit)
    # held-apart scores with the chosen strength
    held_scores = [float(f) if isinstance(f, float) else 0.0 for f in feats]
    cap = base.config.partial_cap
    for f in range(k_folds):
        w = fitted(fx != f, strength)
        weights, intercept = tuple(w[:-1]), float(w[-1])
        for row, i in enumerate(model_idx):
            if fx[row] == f:
                held_scores[i] = combine(feats[i], weights, intercept, cap)  # type: ignore[arg-type]
    w = fitted(np.ones(len(y), dtype=bool), strength)
    chosen, met = choose_threshold(held_scores, labels, rule)
    if not met:
        warnings.warn(f"no threshold reaches precision {rule} on the held-apart pairs; "
                      f"the most precise one ({chosen}) is used", UserWarning, stacklevel=3)
    prior_scores = [float(f) if isinstance(f, float) else combine(f, base.model_weights, base.model_intercept, cap)
                    for f in feats]
    rows = [_row(held_scores, labels, t) for t in sorted({*REPORT_THRESHOLDS, chosen})]
    cal, ece = calibration(held_scores, labels)
    report = FitReport(
        pairs=len(labelled), positives=positives, modelled=len(model_idx), folds=k_folds, l2=strength,
        threshold=chosen, rule="best F1" if rule == "f1" else f"precision >= {rule}", target_met=met,
        average_precision=round(average_precision(held_scores, labels), 4),
        f1=_row(held_scores, labels, chosen).f1,
        prior_average_precision=round(average_precision(prior_scores, labels), 4),
        prior_f1=_row(prior_scores, labels, base.threshold).f1,
        ece=ece, rows=tuple(rows), calibration=tuple(cal),
    )  # fmt: skip
    share = min(max(positives / len(labelled), 0.01), 0.99)
    delta_w = w[:-1] - prior[:-1]
    delta_b = (w[-1] - prior[-1]) - logit(share)
    cand_w, cand_b = base.candidate_terms
    candidate = {
        "weights": {name: round(float(cw + d), 6) for name, cw, d in zip(FEATURES, cand_w, delta_w, strict=True)},
        "intercept": round(float(cand_b + delta_b), 6),
        "config_digest": base.config.digest,
    }
    model = {
        "weights": {name: round(float(v), 6) for name, v in zip(FEATURES, w[:-1], strict=True)},
        "intercept": round(float(w[-1]), 6),
        "fixed": fixed_weights,
        "l2": strength,
        "fitted_on_pairs": len(labelled),
        "positives": positives,
        "config_digest": base.config.digest,
    }
    scorer = type(base)(threshold=chosen, model=model, candidate_model=candidate, lexicon=base.lexicon,
                        cache_size=base.cache_size, resources=base.resources, config=base.config)
    scorer.report = report
    return scorer
