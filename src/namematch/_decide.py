"""Registry-level decision: from a mention's ranked candidates to one person or None.

A pair score says how alike two names are; it does not say which of several
registry persons a mention means. A registry of sanctioned persons holds whole
families (Qusay and Rana Saddam Hussein al-Tikriti), and a mention that the pair
score cannot place in the family (a partial name such as "Saddam al-Tikriti", or
relatives in names that do not read as Arabic chains) scores high against each of
them. :meth:`Registry.match` therefore weighs its best candidates again with the
candidate model (``namematch.score.candidate_terms``: the pair score's features,
fitted on names and the neighbours retrieval finds for them), and :func:`decide`
asks two things of the best of them:

1. **Confidence** — its chance reaches ``threshold`` (the registry's
   ``match_threshold``).
2. **Margin** — it beats the strongest *rival* by ``margin`` in log-odds:
   ``logit(best) - logit(rival) >= margin``. Log-odds, because scores are
   compressed near 1 (0.99 vs 0.96 is a fourfold difference in odds, 0.60 vs
   0.57 is not). A rival is the highest-ranked other person whose matched
   alias is a *different name* from the best candidate's alias, i.e. the two
   aliases score below ``threshold`` against each other. Two records carrying
   the same name (one person listed twice, or true namesakes) cannot be told
   apart by any name, so the second of them does not veto the first; their
   order stays that of the ranking (score, then id).

Records the rival test thus passes over are reported: :func:`ties` names those whose
chance is within :data:`TIE_LOG_ODDS` of the best's (``Candidate.ties``; decision 0014), as
no name can choose between them.

``margin=0`` turns the rival check off (a plain threshold). Both tests read the
candidate's ``chance``, not its pair score: the candidate model's value mapped by the
**registry calibration** (:attr:`DecisionConfig.calibration`, ``logit(chance) = slope *
logit(value) + intercept``, fitted with the model by ``tools/fit_candidate_model.py`` on the
best candidate of every query of ``benchmarks/resolution.py``, labelled by whether it is the
query's person). The chance is thus the probability that the best candidate is the person the
mention means, for mentions a quarter of whose persons are not listed (that benchmark's
prior); its reliability table (``benchmarks/resolution.py``) has an expected calibration
error of 0.024 / 0.020 on the two halves of the persons (0.019 with each half's model fitted
on the other half, ``--halves``). The calibration is monotone: it changes no ranking, only
the scale the thresholds are read on.

``MATCH_THRESHOLD = 0.75`` was chosen with ``tools/fit_candidate_model.py --halves`` (the
model and calibration fitted on one half of the persons, ``Registry.match`` run on the other
half's queries of ``benchmarks/resolution.py``) and ``benchmarks/resolution.py``: on the
held-apart halves it gives accuracy@1 0.972 / 0.832 on Arabic-script / Latin queries and NIL
accuracy 0.966 / 0.974 (0.7: 0.838 / 0.957 on Latin queries; 0.8: 0.826 / 0.976); with the
shipped model 0.972 / 0.826 and 1.000 / 0.979. ``MARGIN = 1.0``: the best must be about e ≈ 2.7 times as
likely in odds as the rival.

What a registry knows beside the pair score was tried as further evidence on the held-apart
halves (issue 26): the best candidate's lead over the runner-up, the share of the mention's
retrieval weight (inverse key frequency in the registry) its alias matches, the number of
candidates in reach. None moved the trade-off between accuracy@1 and NIL accuracy by more
than 0.005 once the margin test is applied, so the decision weighs the candidate model's value
alone.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Callable, Sequence
from importlib import resources
from typing import Final, Protocol, TypeVar

import attrs

from namematch._options import check_margin, check_threshold  # the one rule for every threshold

__all__ = [
    "DEFAULT_DECISION", "MARGIN", "MATCH_THRESHOLD", "TIE_LOG_ODDS", "DecisionConfig", "check_margin",
    "check_threshold", "decide", "logit", "probability", "shipped_calibration", "ties",
]


def _count(_instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"DecisionConfig.{attribute.name} must be a positive int, not {value!r}")


def _match_threshold(value: object) -> float:
    return check_threshold(value, "match_threshold")


@functools.cache
def shipped_calibration() -> tuple[float, float]:
    """``(slope, intercept)`` of the registry calibration shipped in ``data/candidate_model.json``
    (``registry_calibration``, fitted by ``tools/fit_candidate_model.py``)."""
    text = resources.files("namematch").joinpath("data").joinpath("candidate_model.json").read_text(encoding="utf-8")
    cal = json.loads(text)["registry_calibration"]
    return float(cal["slope"]), float(cal["intercept"])


def _calibration(value: object) -> tuple[float, float]:
    if not isinstance(value, tuple | list) or len(value) != 2:
        raise TypeError(f"DecisionConfig.calibration must be a pair (slope, intercept), not {value!r}")
    slope, intercept = (float(v) if isinstance(v, int | float) and not isinstance(v, bool) else math.nan
                        for v in value)
    if not (math.isfinite(slope) and math.isfinite(intercept)) or slope <= 0.0:
        raise ValueError(f"DecisionConfig.calibration needs a positive finite slope and a finite intercept, "
                         f"not {value!r}")
    return slope, intercept


@attrs.frozen(slots=True)
class DecisionConfig:
    """How a registry decides, as one frozen value (``Registry(decision=...)``; decision 0012).

    - ``match_threshold``: the best candidate's chance (candidate model, not the pair score)
      must reach it (the default of :attr:`Registry.match_threshold`).
    - ``margin``: minimal log-odds lead of the best candidate over its rival (the default of
      :attr:`Registry.margin`; 0: no rival check).
    - ``rivals``: candidates :meth:`Registry.match` weighs (best + rivals).
    - ``retrieve``: aliases scored in full per query (development data: 10 to 200 decide
      alike; 100k synthetic registry: fewer is faster and no worse).
    - ``calibration``: ``(slope, intercept)`` mapping the candidate model's value to the
      registry's chance, ``logit(chance) = slope * logit(value) + intercept`` (monotone: the
      ranking stays the candidate model's). Default: the shipped one, fitted with the candidate
      model (:func:`shipped_calibration`); ``(1.0, 0.0)`` leaves the candidate model's value as it is.
    """

    match_threshold: float = attrs.field(default=0.75, converter=_match_threshold)
    margin: float = attrs.field(default=1.0, converter=check_margin)
    rivals: int = attrs.field(default=10, validator=_count)
    retrieve: int = attrs.field(default=15, validator=_count)
    calibration: tuple[float, float] = attrs.field(factory=shipped_calibration, converter=_calibration)

    def calibrated(self, value: float) -> float:
        """The registry's chance for a candidate model value (see ``calibration``)."""
        slope, intercept = self.calibration
        if slope == 1.0 and intercept == 0.0:
            return value
        return probability(slope * logit(value) + intercept)


#: The decision of a registry made without one.
DEFAULT_DECISION: Final = DecisionConfig()
#: Default :attr:`Registry.match_threshold` (:attr:`DecisionConfig.match_threshold`).
MATCH_THRESHOLD: Final = DEFAULT_DECISION.match_threshold
#: Default :attr:`Registry.margin` (:attr:`DecisionConfig.margin`).
MARGIN: Final = DEFAULT_DECISION.margin

_EPS: Final = 1e-6
#: Two candidates whose chances are this close in log-odds (a ratio of odds within about 5%),
#: and whose aliases are one name, are a tie the name cannot break (:func:`ties`).
TIE_LOG_ODDS: Final = 0.05


class _Cand(Protocol):
    @property
    def chance(self) -> float | None: ...

    @property
    def alias(self) -> str: ...


C = TypeVar("C", bound=_Cand)


def logit(score: float, clip: float = _EPS) -> float:
    """Log-odds of a score in [0, 1], the score first kept inside ``[clip, 1 - clip]`` so that 0
    and 1 stay finite: the one log-odds of the package (the decision's margin keeps the default
    ``1e-6``; clustering passes its own, wider clip)."""
    s = min(max(score, clip), 1.0 - clip)
    return math.log(s / (1.0 - s))


def probability(log_odds: float) -> float:
    """The chance of some log-odds (the inverse of :func:`logit`), kept finite (log-odds
    clipped to ±40) and rounded to 6 decimals, as a registry reports chances."""
    z = max(-40.0, min(40.0, log_odds))
    return round(1.0 / (1.0 + math.exp(-z)), 6)


def decide(
    candidates: Sequence[C], threshold: float, margin: float, same_name: Callable[[str, str], float]
) -> C | None:
    """The best of ``candidates`` (ranked by ``chance``, best first) if it passes both tests, else None.

    ``same_name(a, b)`` scores two aliases against each other (the registry's
    scorer); it is called only while looking for the rival, at most once per
    candidate that is not the rival.
    """
    if not candidates:
        return None
    best = candidates[0]
    if (best.chance or 0.0) < threshold:
        return None
    if margin <= 0.0:
        return best
    lead = logit(best.chance or 0.0)
    for other in candidates[1:]:
        if lead - logit(other.chance or 0.0) >= margin:
            return best  # this one and every later one (lower scores) are far enough behind
        if not _one_name(best, other, threshold, same_name):
            return None  # a rival with a different name, too close
    return best


def _one_name(best: _Cand, other: _Cand, threshold: float, same_name: Callable[[str, str], float]) -> bool:
    """Whether two candidates' aliases are one name: identical, or ``same_name`` of them at
    ``threshold`` or above (no rival for :func:`decide`; a tie for :func:`ties` when as likely)."""
    return other.alias == best.alias or same_name(best.alias, other.alias) >= threshold


def ties(candidates: Sequence[C], threshold: float, same_name: Callable[[str, str], float]) -> list[C]:
    """The candidates after the first (ranked by ``chance``, best first) that no name can tell
    from it: their chance within :data:`TIE_LOG_ODDS` of the best's in log-odds and their
    alias the same name as the best's (:func:`_one_name`, the test by which :func:`decide`
    excludes them as rivals)."""
    if not candidates:
        return []
    best = candidates[0]
    lead = logit(best.chance or 0.0)
    out = []
    for other in candidates[1:]:
        if lead - logit(other.chance or 0.0) > TIE_LOG_ODDS:
            break
        if _one_name(best, other, threshold, same_name):
            out.append(other)
    return out
