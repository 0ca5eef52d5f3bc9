"""Name similarity: unit alignment, structure rules, explanations (fourth stage).

``score(a, b)`` parses both names, aligns their name units (honorifics and titles
never count; particles are structure, not evidence), compares each pair of units
through the best bridge available — exact form, the name-variant lexicon,
romanisation of Arabic-script units, folded spelling — and combines the pair
similarities weighted by how rare each name element is. Structure rules then
apply: a reversed nasab chain ("Salman bin Muhammad" vs "Muhammad bin Salman")
and two different family names or nisbas are strong evidence against a match,
however many given names agree in order before them (the model weighs what else agrees).

>>> score("Qassem Soleimani", "قاسم سليماني") >= DEFAULT_THRESHOLD
True
>>> score("Muhammad bin Salman", "Salman bin Muhammad") < DEFAULT_THRESHOLD
True
>>> score("Sayyid Sattar Hashemi", "Sattar Hashemi")
1.0

Scorers follow rapidfuzz's protocol ``(a, b, *, processor=None, score_cutoff=None)``
so :func:`score` plugs into ``rapidfuzz.process.extract``.

The package's parts, one job each: ``_units`` (name units prepared for comparison, and
how two units compare), ``_align`` (how the units of two names pair off), ``_rules``
(the features and structure rules an alignment gives, each with its reason), ``_model``
(the fitted models that weigh the features), ``_scorer`` (:class:`Scorer` and the
module-level functions), ``_fit`` (:meth:`Scorer.fit`: the models fitted to a user's
labelled pairs), ``_persist`` (:meth:`Scorer.save` and :meth:`Scorer.load`) and ``_layer``
(a scorer's user lexicon at work).
"""

from __future__ import annotations

from namematch._folding import fold_latin as fold_latin
from namematch.score._config import DEFAULT_CONFIG as DEFAULT_CONFIG
from namematch.score._config import ModelConfigWarning, ScoreConfig
from namematch.score._fit import FitReport
from namematch.score._fit import parse_label as parse_label
from namematch.score._model import FEATURES as FEATURES
from namematch.score._model import PARTIAL_CAP as PARTIAL_CAP
from namematch.score._model import candidate_terms as candidate_terms
from namematch.score._model import combine as combine
from namematch.score._model import model_terms as model_terms
from namematch.score._persist import ScorerFileError
from namematch.score._scorer import DEFAULT_SCORER as DEFAULT_SCORER
from namematch.score._scorer import (
    DEFAULT_THRESHOLD,
    AlignedPair,
    Explanation,
    Scorer,
    explain,
    is_match,
    score,
    score_matrix,
)
from namematch.score._units import consonant_classes as consonant_classes
from namematch.score._units import latin_readings as latin_readings

__all__ = [
    "DEFAULT_THRESHOLD",
    "AlignedPair",
    "Explanation",
    "FitReport",
    "ModelConfigWarning",
    "ScoreConfig",
    "Scorer",
    "ScorerFileError",
    "explain",
    "is_match",
    "score",
    "score_matrix",
]

# Also public to namematch's other modules and its tools (decision 0011), though not part of
# the user-facing API above: DEFAULT_SCORER (the module-level functions' scorer), FEATURES and
# the model helpers combine, candidate_terms and model_terms (registry, cluster, the fitting
# tools), parse_label (the CLI's fit), fold_latin (the near-miss tool), PARTIAL_CAP and
# DEFAULT_CONFIG (the ScoreConfig the shipped models were fitted under).
