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

from namematch.score._rules import COMMON_RARITY

#: Features of an alignment, in the order the scoring model weighs them.
FEATURES: Final = (
    "coverage_short",  # weighted share of the shorter name's units matched (x evidence)
    "coverage_long",  # the same for the longer name
    "information",  # matched evidence x rarity weight, summed (capped at 3)
    "weakest_pair",  # evidence of the weakest matched pair
    "family_conflict",  # both names carry a family name and they differ
    "nisba_conflict",  # both carry a nisba with the article (al-Dulaimi vs al-Tikriti) and they differ
    "first_name_conflict",  # the first names differ or one is missing
    "nasab_inverted",  # X bin Y vs Y bin X
    "order_swapped",  # given/family written in the other order
    "cross_script",  # one name in Arabic script, the other not
    "single_unit",  # one of the names has a single unit
    "unmatched_both",  # rarity weight left unmatched on BOTH sides (the smaller of the two)
    "rarest_match",  # rarity of the rarest name element matched (0 when only Mohammed/Ali matched)
)

#: Highest score two names can get when they conflict in structure (different family
#: names or nisbas, both present; a reversed nasab chain): below any sensible threshold.
CONFLICT_CAP: Final = 0.40
_UNMATCHED_BOTH: Final = FEATURES.index("unmatched_both")
_RAREST: Final = FEATURES.index("rarest_match")
_VETO_A, _VETO_B, _VETO_C = (FEATURES.index(f) for f in ("family_conflict", "nisba_conflict", "nasab_inverted"))


@functools.cache
def model_file(filename: str) -> dict[str, Any]:
    """A logistic model shipped in ``namematch/data`` (JSON: weights per :data:`FEATURES`
    name, intercept), as fitted by the tools in ``tools/``."""
    text = resources.files("namematch").joinpath("data", filename).read_text(encoding="utf-8")
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
    return model_terms(model_file("candidate_model.json"))


def combine(features: Sequence[float], weights: Sequence[float], intercept: float) -> float:
    """A score from alignment features (:data:`FEATURES`) and a logistic model's weights
    and intercept, after the structure vetoes: a family-name, nisba or nasab-order conflict,
    or only common name elements shared, keeps it at or below :data:`CONFLICT_CAP`."""
    z = intercept + sum(map(operator.mul, weights, features))
    value = 1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, z))))
    if features[_VETO_A] or features[_VETO_B] or features[_VETO_C] or (
        features[_UNMATCHED_BOTH] > 0 and features[_RAREST] < COMMON_RARITY
    ):
        # a conflict, or only common elements (Mohammed, Ali) shared while both
        # names have parts the other lacks: "Mohammed Hassan" vs "Mohammed Hussein"
        value = min(value, CONFLICT_CAP)
    return round(min(value, 0.999999), 6)
