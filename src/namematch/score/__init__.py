"""Name similarity: unit alignment, structure rules, explanations (fourth stage).

``score(a, b)`` parses both names, aligns their name units (honorifics and titles
never count; particles are structure, not evidence), compares each pair of units
through the best bridge available — exact form, the name-variant lexicon,
romanisation of Arabic-script units, folded spelling — and combines the pair
similarities weighted by how rare each name element is. Structure rules then
apply: a reversed nasab chain ("Salman bin Muhammad" vs "Muhammad bin Salman")
and two different family names or nisbas are strong evidence against a match
(unless three given names, the ism and two more, agree in order).

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

from namematch.score._fit import FitReport
from namematch.score._fit import parse_label as _parse_label
from namematch.score._model import FEATURES, PARTIAL_CAP
from namematch.score._model import candidate_terms as _candidate_terms
from namematch.score._model import combine as _combine
from namematch.score._model import model_terms as _model_terms
from namematch.score._persist import ScorerFileError
from namematch.score._scorer import (
    _DEFAULT,
    DEFAULT_THRESHOLD,
    AlignedPair,
    Explanation,
    Scorer,
    explain,
    is_match,
    score,
    score_matrix,
)
from namematch.score._units import AGREE_FROM, MAX_UNITS, MIN_PAIR_SIMILARITY, _fold_latin

__all__ = [
    "DEFAULT_THRESHOLD",
    "AlignedPair",
    "Explanation",
    "FitReport",
    "Scorer",
    "ScorerFileError",
    "explain",
    "is_match",
    "score",
    "score_matrix",
]

# private names other namematch modules and tools read (an underscored name is the package's own)
_PRIVATE_USERS = (_DEFAULT, _candidate_terms, _parse_label, _combine, _model_terms, _fold_latin, PARTIAL_CAP,
                  FEATURES, MAX_UNITS, MIN_PAIR_SIMILARITY, AGREE_FROM)  # fmt: skip
