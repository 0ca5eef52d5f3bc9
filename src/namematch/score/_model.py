"""The scoring model: features weighed into a score (part of :mod:`namematch.score`).

A logistic model over the alignment features (:data:`FEATURES`), shipped as
``data/score_model.json`` (fitted by ``tools/fit_score_model.py``), turns an alignment
into the pair score; the candidate model (``data/candidate_model.json``, fitted by
``tools/fit_candidate_model.py``) weighs the same features for a name and the neighbours
key retrieval proposes for it.
"""

from __future__ import annotations

import functools
import json
import math
import operator
from collections.abc import Mapping, Sequence
from importlib import resources
from typing import Any, Final

from namematch.score._config import DEFAULT_CONFIG

#: Features of an alignment, in the order the scoring model weighs them.
FEATURES: Final = (
    "coverage",  # weighted share of the shorter name's units that agree (x evidence)
    "information",  # matched evidence x rarity weight, summed (capped at 3)
    "weakest_pair",  # evidence of the weakest matched pair
    "family_conflict",  # both names carry a family name and they differ (no family name shared)
    "nisba_conflict",  # both carry a nisba with the article (al-Dulaimi vs al-Tikriti) and they differ
    "family_part_conflict",  # family names share one part and differ in another (SOTO PARRA vs FRUTOS PARRA)
    "first_name_conflict",  # the first names differ, or a one-word name agrees with no element of the other
    "first_name_extra",  # a name in front of the other's first name (a child's name, a prefix)
    "chain_conflict",  # given names at the same place of the chain that differ (father, patronymic), counted
    "nasab_inverted",  # X bin Y vs Y bin X; a parent and a child; siblings; a name in the other's nasab
    "order_swapped",  # given/family written in the other order
    "cross_script",  # one name in Arabic script, the other not
    "single_unit",  # one of the names has a single unit
    "rarest_match",  # rarity of the rarest element that agrees (0 when only Mohammed, Ali agree)
    "all_agree",  # every element of both names agrees as a spelling of one of the other's, no rule against
)

#: Highest score of two names not every element of which agrees as a spelling of one of the
#: other's (the ``all_agree`` feature): a dropped name, an initial, a look-alike or any rule
#: against keeps the pair out of the band of certain matches (0.99 and above).
PARTIAL_CAP: Final = DEFAULT_CONFIG.partial_cap
_ALL_AGREE: Final = FEATURES.index("all_agree")


@functools.cache
def model_file(filename: str) -> dict[str, Any]:
    """A logistic model shipped in ``namematch/data`` (JSON: weights per :data:`FEATURES`
    name, intercept), as fitted by the tools in ``tools/``."""
    text = resources.files("namematch").joinpath("data").joinpath(filename).read_text(encoding="utf-8")
    return json.loads(text)  # type: ignore[no-any-return]


def default_model() -> dict[str, Any]:
    """The scoring model fitted on the development pairs (data/score_model.json)."""
    return model_file("score_model.json")


def model_terms(model: Mapping[str, Any]) -> tuple[tuple[float, ...], float]:
    """A model's weights in :data:`FEATURES` order, and its intercept."""
    weights = model["weights"]
    return tuple(float(weights[name]) for name in FEATURES), float(model["intercept"])


@functools.cache
def candidate_terms() -> tuple[tuple[float, ...], float]:
    """Weights and intercept of the **candidate model** (``data/candidate_model.json``, fitted
    by ``tools/fit_candidate_model.py``): the scoring model's features weighed for the pairs
    that key retrieval proposes, a name and its nearest neighbours in a registry or a set of
    mentions, mostly namesakes, relatives and partial names. The scoring model is fitted on
    balanced pairs and is generous to those; clustering and :meth:`Registry.match` use this one."""
    return model_terms(candidate_model_file())


def candidate_model_file() -> dict[str, Any]:
    """The shipped candidate model (data/candidate_model.json)."""
    return model_file("candidate_model.json")


def combine(
    features: Sequence[float], weights: Sequence[float], intercept: float, partial_cap: float = PARTIAL_CAP
) -> float:
    """A score from alignment features (:data:`FEATURES`) and a logistic model's weights and
    intercept: the model's probability, at most ``partial_cap`` (the scorer's
    :attr:`ScoreConfig.partial_cap <namematch.score.ScoreConfig.partial_cap>`, default
    :data:`PARTIAL_CAP`) unless every element agrees."""
    z = intercept + sum(map(operator.mul, weights, features))
    value = 1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, z))))
    if not features[_ALL_AGREE] and value > partial_cap:
        value = partial_cap
    return round(min(value, 0.999999), 6)


#: The three family features (family, nisba and part conflict): at most one of them is 1.
_FAMILY: Final = tuple(FEATURES.index(f) for f in ("family_conflict", "nisba_conflict", "family_part_conflict"))
#: Added to an upper bound of the log-odds before it is turned into a score: more than the
#: floating-point error of summing the features in another order.
_BOUND_MARGIN: Final = 1e-9


def score_bound(
    bounds: tuple[Sequence[float], Sequence[float], bool], weights: Sequence[float], intercept: float
) -> float:
    """The highest score :func:`combine` can give for features within ``bounds`` (the least
    and greatest value of each, and whether one of the three family features is certainly 1;
    ``_rules.feature_bounds``) under a model's ``weights`` and ``intercept``: each feature at
    the end of its range its weight favours, the three family features (at most one of which
    is 1) at the best one of them (or none, unless one is certain)."""
    lo, hi, family_certain = bounds
    up, down, family = _bound_terms(tuple(weights))
    z = intercept
    for k, w in up:
        z += w * hi[k]
    for k, w in down:
        z += w * lo[k]
    best = max(w * hi[k] for k, w in family)
    z += best if family_certain else max(0.0, best)
    z += _BOUND_MARGIN
    value = 1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, z))))
    return round(min(value, 0.999999), 6)


@functools.lru_cache(maxsize=16)
def _bound_terms(
    weights: tuple[float, ...],
) -> tuple[tuple[tuple[int, float], ...], tuple[tuple[int, float], ...], tuple[tuple[int, float], ...]]:
    """A model's weights as :func:`score_bound` reads them: ``(feature, weight)`` of the
    positive weights (read at the top of the feature's range), of the negative ones (read at
    the bottom), and of the three family features."""
    up = tuple((k, w) for k, w in enumerate(weights) if k not in _FAMILY and w > 0)
    down = tuple((k, w) for k, w in enumerate(weights) if k not in _FAMILY and w < 0)
    return up, down, tuple((k, weights[k]) for k in _FAMILY)
