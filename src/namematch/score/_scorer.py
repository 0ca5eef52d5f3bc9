"""The :class:`Scorer` and the module-level scoring functions (part of :mod:`namematch.score`)."""

from __future__ import annotations

import functools
import json
import math
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Final

import attrs
from rapidfuzz.distance import Indel

from namematch._checks import check_str
from namematch._folding import fold_latin
from namematch._options import check_threshold
from namematch.parse import name_fields
from namematch.resources import Resources
from namematch.score import _layer, _matrix
from namematch.score._align import Alignment, UnitSim, align, any_merge, similar_pairs
from namematch.score._config import DEFAULT_CONFIG, ScoreConfig, check_model_config
from namematch.score._model import (
    candidate_model_file,
    candidate_terms,
    combine,
    default_model,
    model_terms,
    score_bound,
)
from namematch.score._rules import feature_bounds, feature_values, features, unaligned_features
from namematch.score._units import (
    INITIAL_MATCH,
    MERGED,
    _Prepared,
    _Unit,
    foreign_folds,
    foreign_pair,
    in_context,
    joined_bridge,
    layout,
    unit_similarity,
    units_of,
)

#: Scores at or above this value are matches. Chosen on the development data as
#: the threshold of best F1 over all pair slices (see ``benchmarks/accuracy.py``).
DEFAULT_THRESHOLD: Final = 0.5


@attrs.frozen(slots=True)
class AlignedPair:
    """Two aligned name units and how they matched.

    ``method`` is one of ``"exact"``, ``"lexicon variant"`` (listed spellings of one name),
    ``"romanised"`` (across scripts, through a romanisation or transliteration),
    ``"phonetic key"`` (same-script spellings that share a key), ``"edit similarity"``,
    ``"initial"``, ``"short form"`` (a given name cut short: Alex ~ Alexander) and ``"merged
    units"`` (two adjacent units against one: Mohammad Reza ~ Mohammadreza).
    """

    a: str
    b: str
    method: str
    similarity: float
    weight: float

    def to_dict(self) -> dict[str, Any]:
        return attrs.asdict(self)


@attrs.frozen(slots=True)
class Explanation:
    """Why two names scored what they did.

    ``str(explanation)`` is a short text for reviewers; :meth:`to_dict` and
    :meth:`to_json` give the same content as data. ``rules`` are the structure rules
    that fired, among them: honorifics/titles ignored; split/merged name units aligned;
    family name conflict (two different family names or nisbas, both present); first
    names differ; nasab order reversed (X bin Y is not Y bin X); name order differs
    (given/family swapped); one name is the other's nasab (parent and child); same nasab,
    different first names (siblings); only common name elements matched; look-alike
    letters from another script folded (possible evasion). A family name or nisba conflict
    counts however many given names agree in order before it.
    """

    a: str
    b: str
    score: float
    pairs: tuple[AlignedPair, ...]
    unmatched_a: tuple[str, ...]
    unmatched_b: tuple[str, ...]
    rules: tuple[str, ...]
    threshold: float = DEFAULT_THRESHOLD

    @property
    def is_match(self) -> bool:
        return self.score >= self.threshold

    def to_dict(self) -> dict[str, Any]:
        return {
            "a": self.a,
            "b": self.b,
            "score": round(self.score, 4),
            "match": self.is_match,
            "threshold": self.threshold,
            "pairs": [p.to_dict() for p in self.pairs],
            "unmatched_a": list(self.unmatched_a),
            "unmatched_b": list(self.unmatched_b),
            "rules": list(self.rules),
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)

    def __str__(self) -> str:
        verdict = "match" if self.is_match else "no match"
        lines = [f"{self.a!r} ~ {self.b!r}: {self.score:.3f} ({verdict} at {self.threshold:.2f})"]
        for p in self.pairs:
            lines.append(f"  {p.a} = {p.b}  [{p.method}, similarity {p.similarity:.2f}, weight {p.weight:.2f}]")
        if self.unmatched_a:
            lines.append(f"  only in first: {', '.join(self.unmatched_a)}")
        if self.unmatched_b:
            lines.append(f"  only in second: {', '.join(self.unmatched_b)}")
        for rule in self.rules:
            lines.append(f"  rule: {rule}")
        return "\n".join(lines)


def _rf_flags(**_: Any) -> dict[str, Any]:
    return {"optimal_score": 1.0, "worst_score": 0.0, "flags": 0}


class Scorer:
    """A configured name scorer with a cache of prepared names.

    The module-level :func:`score`, :func:`is_match`, :func:`explain` and
    :func:`score_matrix` use a default instance. Preparing a name (parse,
    romanise, keys, weights) happens once per distinct string.

    ``model`` and ``candidate_model`` are logistic models over the alignment features
    (``{"weights": {feature: weight}, "intercept": b}``; default: the shipped ones), as
    :meth:`fit` makes them. ``lexicon`` is a :class:`~namematch.UserLexicon` (or a file path,
    or a list of them) layered over the name data for this scorer only. ``resources`` is the
    name data (lexicon and transliteration model) the scorer prepares names with (default:
    the shipped data, :meth:`namematch.resources.Resources.shipped`). A fitted scorer
    carries its :class:`~namematch.score.FitReport` as ``report`` (None otherwise).

    >>> s = Scorer(threshold=0.8)
    >>> s.is_match("Ghasem Soleymani", "Qassem Soleimani")
    True
    """

    def __init__(
        self,
        *,
        threshold: float = DEFAULT_THRESHOLD,
        model: Mapping[str, Any] | None = None,
        cache_size: int = 200_000,
        candidate_model: Mapping[str, Any] | None = None,
        lexicon: Any = None,
        resources: Resources | None = None,
        config: ScoreConfig | None = None,
    ) -> None:
        from namematch.user_lexicon import as_lexicon

        if resources is not None and not isinstance(resources, Resources):
            raise TypeError(f"resources must be Resources or None, not {type(resources).__name__}")
        #: the name data this scorer prepares names with
        self.resources = Resources.shipped() if resources is None else resources
        if config is not None and not isinstance(config, ScoreConfig):
            raise TypeError(f"config must be ScoreConfig or None, not {type(config).__name__}")
        #: the thresholds and discounts of unit comparison, alignment and the rules
        self.config = DEFAULT_CONFIG if config is None else config
        check_model_config(default_model() if model is None else model, self.config, "pair model")
        if candidate_model is not None or self.config is not DEFAULT_CONFIG:
            check_model_config(candidate_model or candidate_model_file(), self.config, "candidate model")
        self.threshold = check_threshold(threshold, "threshold")
        #: the pair model as given (None: the shipped one)
        self.model = None if model is None else dict(model)
        self.model_weights, self.model_intercept = model_terms(default_model() if model is None else model)
        #: the candidate model as given (None: the shipped one); :attr:`candidate_terms` its terms
        self.candidate_model = None if candidate_model is None else dict(candidate_model)
        self.candidate_terms = candidate_terms() if candidate_model is None else model_terms(candidate_model)
        self.lexicon = as_lexicon(lexicon)
        self.report: Any = None
        ordered = _ordered_similarity if self.config == DEFAULT_CONFIG else functools.partial(
            _ordered_similarity, cfg=self.config)
        self._similarity: Callable[[_Unit, _Unit], tuple[float, str]] = ordered
        if self.lexicon is not None:
            if self.lexicon.variants:
                self._similarity = _layer.user_similarity(self.lexicon, ordered)
            if self.lexicon.dropped:
                self._prepare = functools.partial(  # type: ignore[method-assign]
                    _prepare_dropping, self.lexicon.dropped, self.resources, self.config
                )
        self.cache_size = cache_size
        self._prepared: dict[str, _Prepared] = {}
        self._pair_rows: dict[str, dict[str, tuple[float, str]]] = {}
        self._pair_count = 0
        #: joined-pair similarity per adjacent unit pair (its two ckeys), then per single unit
        self._merge_cache: dict[tuple[str, str], dict[str, float]] = {}
        self._merge_count = 0
        #: features and score of the closed form per pair of names' ``closed`` facts (a few hundred at most)
        self._closed: dict[tuple[Any, Any], tuple[tuple[float, ...], float]] = {}

    def clear_cache(self) -> None:
        """Forget prepared names and unit-pair similarities (they are rebuilt on demand; the
        scorer's resources never change, so they never go stale: this only frees memory)."""
        self._prepared = {}
        self._pair_rows = {}
        self._pair_count = 0
        self._merge_cache = {}
        self._merge_count = 0
        self._closed = {}

    # -- preparation -----------------------------------------------------
    def prepare(self, name: str) -> _Prepared:
        """Parse, romanise and key a name once; later calls hit the cache."""
        prep = self._prepared.get(name)
        if prep is None:
            check_str(name)
            prep = self._prepare(name)
            if len(self._prepared) >= self.cache_size:
                self._prepared.clear()
            self._prepared[name] = prep
        return prep

    def _prepare(self, name: str) -> _Prepared:
        fields, has_lineage, honorifics = name_fields(name)
        res = self.resources
        units = in_context(units_of(fields[: self.config.max_units], res))
        return _Prepared(name, units, has_lineage, honorifics, *layout(units), self.config)

    # -- unit similarity -------------------------------------------------
    def _unit_sim(self, u: _Unit, v: _Unit) -> tuple[float, str]:
        """Similarity of two units (:func:`~namematch.score._units.unit_similarity`), cached per
        scorer: one row per unit, ``cache_size`` unit pairs in all (then it starts over)."""
        rows = self._pair_rows
        row = rows.get(u.ckey)
        hit = None if row is None else row.get(v.ckey)
        if hit is not None:
            return hit
        similarity = self._similarity
        if similarity is _ordered_similarity:  # the default configuration and no user lexicon: called directly
            hit = unit_similarity(u, v) if u.ckey <= v.ckey else unit_similarity(v, u)
        else:
            hit = similarity(u, v)
        if self._pair_count >= self.cache_size:
            rows.clear()
            self._pair_count = 0
            row = None
        if row is None:
            row = rows[u.ckey] = {}
        row[v.ckey] = hit
        other = rows.get(v.ckey)
        if other is None:
            other = rows[v.ckey] = {}
        other[u.ckey] = hit
        self._pair_count += 1
        return hit

    def _merge_sim(self, p: _Prepared, i: int, v: _Unit) -> float:
        """Similarity of units ``i`` and ``i + 1`` of ``p`` joined against the unit ``v``
        (folded spellings, the first two of each), cached per adjacent pair and unit."""
        key = (p.units[i].ckey, p.units[i + 1].ckey)
        cache = self._merge_cache
        row = cache.get(key)
        best = None if row is None else row.get(v.ckey)
        if best is None:
            x, y = p.units[i], p.units[i + 1]
            joined = [fold_latin(s + t) for s in x.latin[:2] for t in y.latin[:2]]
            # (a foreign name written by its sound: the Latin unit's readings too, Keqiang ~ كه تشيانغ)
            foreign = x.arabic != v.arabic and foreign_pair(x, v)
            folds = foreign_folds(v, joined, self.config.skeleton_from) if foreign else v.folds
            best = max(Indel.normalized_similarity(jf, vf) for jf in joined for vf in folds)
            if best < self.config.merge_cap and foreign and joined_bridge(x, y, v):
                # (syllables the transliteration model writes as the Latin word once joined:
                # Enlai ~ إن لاي, Leji ~ له جي; counted as a merge at its best, above a syllable
                # alone that a lossy fold equates with the word, Leji ~ له)
                best = self.config.merge_cap
            if x.head and x.head == v.head and not any(vf.startswith(xf) for vf in v.folds for xf in x.folds):
                # (a whole compound of the same head, Abdullah, is no first part of another:
                # Abdullah Jan ~ Abdulrahman are two names; Abdullah Zada ~ Abdullahzada joins)
                best = 0.0
            if self._merge_count >= self.cache_size:
                cache.clear()
                self._merge_count = 0
                row = None
            if row is None:
                row = cache[key] = {}
            row[v.ckey] = best
            self._merge_count += 1
        return best

    # -- alignment and features --------------------------------------------
    def _alignment(self, pa: _Prepared, pb: _Prepared) -> Alignment:
        return align(pa, pb, similar_pairs(pa, pb, self._pair_rows, self._unit_sim), self._merge_sim)

    def prepared_features(self, pa: _Prepared, pb: _Prepared, unit_sim: UnitSim | None = None) -> tuple[float, ...]:
        """The features of two prepared names (a short cut for names none of whose units align).
        ``unit_sim`` compares the unit pairs not cached yet for the alignment (default: this
        scorer's; the score matrix passes one that skips pairs it proved too unlike to pair off)."""
        sims = self._aligning_pairs(pa, pb, unit_sim)
        if sims is None:
            return self._closed_form(pa, pb)[0]
        return feature_values(align(pa, pb, sims, self._merge_sim), self._unit_sim)

    def _aligning_pairs(
        self, pa: _Prepared, pb: _Prepared, unit_sim: UnitSim | None
    ) -> list[tuple[float, int, int, str]] | None:
        """The similar unit pairs of two names (``similar_pairs``), or None when nothing would
        align but look-alikes and initials, which explain nothing (``_rules.features``): no pair
        agrees and no split/merged units align."""
        sims = similar_pairs(pa, pb, self._pair_rows, unit_sim or self._unit_sim)
        agree_from = self.config.agree_from
        for s, _i, _j, method in sims:
            if -s >= agree_from and method != INITIAL_MATCH:
                return sims
        return sims if self._any_merge(pa, pb) else None

    def _closed_form(self, pa: _Prepared, pb: _Prepared) -> tuple[tuple[float, ...], float]:
        """The features of two names none of whose units align (``unaligned_features``, which
        reads only the names' ``closed`` facts) and their score under this scorer's model,
        cached per pair of those facts."""
        key = (pa.closed, pb.closed)
        hit = self._closed.get(key)
        if hit is None:
            feats = unaligned_features(pa, pb)
            hit = self._closed[key] = (feats, self._final(feats))
        return hit

    def _any_merge(self, pa: _Prepared, pb: _Prepared) -> bool:
        """Whether split/merged units would align between two names with no similar unit pair
        (:func:`_align.any_merge` of either name against the other, after the length windows)."""
        if len(pa.units) >= 2 and pa.adjacent and pa.least_joined <= pb.max_single and any_merge(
            pa, pb, self._merge_sim
        ):
            return True
        return bool(
            len(pb.units) >= 2 and pb.adjacent and pb.least_joined <= pa.max_single
            and any_merge(pb, pa, self._merge_sim)
        )  # fmt: skip

    def _final(self, feats: Sequence[float]) -> float:
        """Combine alignment features into the returned score (this scorer's model)."""
        return combine(feats, self.model_weights, self.model_intercept, self.config.partial_cap)

    def features_of(self, a: str, b: str, unit_sim: UnitSim | None = None) -> tuple[float, ...] | float:
        """The alignment features of two checked strings (in ``FEATURES`` order), or
        their score when it does not come from a model: 1.0 for the same parse, 0.0 when
        a name has no units. Symmetric: the pair is put in one order first. ``unit_sim``:
        as for :meth:`prepared_features`."""
        pair = self._pair(a, b)
        if isinstance(pair, float):
            return pair
        return self.prepared_features(pair[0], pair[1], unit_sim)

    def _pair(self, a: str, b: str) -> tuple[_Prepared, _Prepared] | float:
        """The two checked strings prepared, in one order (scores are symmetric), or their
        score when it needs no model: 0.0 when a name has no units, 1.0 for the same parse."""
        if b < a:
            a, b = b, a
        pa, pb = self.prepare(a), self.prepare(b)
        if not pa.units or not pb.units:
            return 0.0
        if pa.identity == pb.identity:
            return 1.0
        return pa, pb

    def _own_value(self, a: str, b: str, unit_sim: UnitSim | None = None, score_cutoff: float | None = None) -> float:
        """The score of two checked strings under this scorer's model: :meth:`value_under` with
        :attr:`model_weights`, the closed form's score cached (``unit_sim``: as for
        :meth:`prepared_features`); 0.0 when a bound on the features proves it below
        ``score_cutoff`` (``_rules.feature_bounds``)."""
        pair = self._pair(a, b)
        if isinstance(pair, float):
            return pair
        pa, pb = pair
        sims = self._aligning_pairs(pa, pb, unit_sim)
        if sims is None:
            return self._closed_form(pa, pb)[1]
        if score_cutoff is not None and self.config == DEFAULT_CONFIG and self._below(pa, pb, sims, score_cutoff):
            return 0.0
        return self._final(feature_values(align(pa, pb, sims, self._merge_sim), self._unit_sim))

    def _below(self, pa: _Prepared, pb: _Prepared, sims: list[tuple[float, int, int, str]], cutoff: float) -> bool:
        """Whether the score of two names is proven below ``cutoff`` by the bound on their
        features (where it holds: an agreeing pair of two words, no split/merged units)."""
        agree_from = self.config.agree_from
        if not any(-s >= agree_from and method != INITIAL_MATCH for s, _i, _j, method in sims):
            return False
        if self._any_merge(pa, pb):
            return False
        return score_bound(feature_bounds(pa, pb, sims), self.model_weights, self.model_intercept) < cutoff

    def value_under(self, a: str, b: str, weights: Sequence[float], intercept: float) -> float:
        """The score of two checked strings with the features weighed by ``weights`` and
        ``intercept`` (``combine``): :meth:`score` passes this scorer's model, clustering and
        :meth:`Registry.match`'s rival check the candidate model, all over the same caches."""
        feats = self.features_of(a, b)
        if isinstance(feats, float):
            return feats
        return combine(feats, weights, intercept, self.config.partial_cap)

    def values_under(self, a: str, b: str, models: Sequence[tuple[Sequence[float], float]]) -> tuple[float, ...]:
        """:meth:`value_under` under each of ``models`` (``(weights, intercept)``) from one alignment:
        :meth:`Registry.match` reads both the pair score and the candidate model's chance."""
        feats = self.features_of(a, b)
        if isinstance(feats, float):
            return (feats,) * len(models)
        cap = self.config.partial_cap
        return tuple([combine(feats, weights, intercept, cap) for weights, intercept in models])

    # -- public ----------------------------------------------------------
    def score(
        self,
        a: str,
        b: str,
        *,
        processor: Callable[[str], str] | None = None,
        score_cutoff: float | None = None,
    ) -> float:
        """Similarity of two names in [0, 1] (symmetric; 1.0 for the same parse).

        ``processor`` is applied to both strings first; a result below
        ``score_cutoff`` is returned as 0.0 (rapidfuzz's protocol; a pair whose proven upper
        bound is below it is not aligned at all).
        """
        check_str(a, "a")
        check_str(b, "b")
        if processor is not None:
            a, b = processor(a), processor(b)
        value = self._own_value(a, b, score_cutoff=score_cutoff)
        if score_cutoff is not None and value < score_cutoff:
            return 0.0
        return value

    def is_match(self, a: str, b: str, threshold: float | None = None) -> bool:
        """True when ``score(a, b)`` reaches the threshold (default: the scorer's)."""
        limit = self.threshold if threshold is None else check_threshold(threshold, "threshold")
        return self.score(a, b) >= limit

    def explain(self, a: str, b: str) -> Explanation:
        """Score two names and say why: aligned units, unmatched units, rules fired."""
        check_str(a, "a")
        check_str(b, "b")
        pa, pb = self.prepare(a), self.prepare(b)
        value = self.score(a, b)
        if not pa.units or not pb.units:
            return Explanation(a, b, value, (), tuple(u.text for u in pa.units),
                               tuple(u.text for u in pb.units), ("a name has no name units",), self.threshold)  # fmt: skip
        al = self._alignment(pa, pb)
        _, rules = features(al, self._unit_sim)
        if pa.identity == pb.identity:
            rules.insert(0, "same name after normalisation and parsing")
        spans: list[tuple[tuple[int, ...], tuple[int, ...], float, str]]
        spans = [((i,), (j,), s, method) for i, j, s, method in al.matched]
        spans += [(tuple(ia), tuple(jb), s, MERGED) for ia, jb, s in al.merged]
        aligned = []
        for ia, jb, s, method in sorted(spans):
            units_a, units_b = [pa.units[i] for i in ia], [pb.units[j] for j in jb]
            weight = (sum(u.weight for u in units_a) / len(units_a) + sum(u.weight for u in units_b) / len(units_b)) / 2
            aligned.append(AlignedPair(" ".join(u.text for u in units_a), " ".join(u.text for u in units_b), method,
                                       round(s, 3), round(weight, 3)))  # fmt: skip
        un_a = tuple(u.text for k, u in enumerate(pa.units) if k not in al.used_a)
        un_b = tuple(u.text for k, u in enumerate(pb.units) if k not in al.used_b)
        return Explanation(a, b, value, tuple(aligned), un_a, un_b, tuple(rules), self.threshold)

    def score_matrix(
        self,
        queries: Iterable[str],
        choices: Iterable[str],
        *,
        score_cutoff: float | None = None,
        dtype: Any = None,
        workers: int = 1,
    ) -> Any:
        """Scores of every query against every choice: cell ``[i][j]`` equals
        ``score(queries[i], choices[j])``.

        Each string is prepared once. Pairs with no two units alike take the closed form
        the scorer takes for them, from a table computed once per kind of name; the
        others are scored in full (see ``namematch.score._matrix``). A missing name (None,
        NaN, pandas' NA) gives a row or column of NaN; a result below ``score_cutoff`` is
        0.0 (rapidfuzz's protocol; pairs whose proven upper bound is below it are not
        scored in full). ``workers`` > 1 shares the queries among that many forked
        processes (the same results). Returns a numpy array (``float64`` unless ``dtype``
        says).
        """
        if not isinstance(workers, int) or isinstance(workers, bool) or workers < 1:
            raise ValueError(f"workers must be a positive int, got {workers!r}")
        qs = [_checked_item(q, "queries item") for q in _check_names(queries, "queries")]
        cs = [_checked_item(c, "choices item") for c in _check_names(choices, "choices")]
        if self.config == DEFAULT_CONFIG:
            rows = _matrix.matrix(self, qs, cs, score_cutoff, workers)
        else:  # the closed forms' cut-offs are set for the default thresholds: every pair in full
            rows = [[self.score(q, c, score_cutoff=score_cutoff) if isinstance(q, str) and isinstance(c, str)
                     else math.nan for c in cs] for q in qs]  # fmt: skip
        if self.lexicon is not None and self.lexicon.variants:
            _layer.rescore_user_pairs(rows, qs, cs, self.prepare, self._own_value, self.lexicon, score_cutoff)
        try:
            import numpy as np
        except ImportError:  # pragma: no cover - numpy is optional
            return rows
        return np.asarray(rows, dtype=dtype or np.float64).reshape(len(qs), len(cs))

    # -- fitting and files (namematch.score._fit, namematch.score._persist) ------------
    @classmethod
    def fit(
        cls,
        pairs: Any,
        *,
        threshold: str | float = "f1",
        lexicon: Any = None,
        prior: Scorer | None = None,
        l2: float | None = None,
        folds: int = 5,
        progress: bool = False,
    ) -> Scorer:
        """A scorer fitted to labelled pairs: ``(name_a, name_b, same)`` tuples, or a pandas
        DataFrame with columns ``a``, ``b``, ``same`` (or three columns in that order).

        The pair model starts from ``prior``'s (default: the shipped model) and is regularised
        toward it, its strength ``l2`` chosen by cross-validation unless given; ``threshold``
        is set on held-apart pairs for the best F1 (``"f1"``) or for a target precision (a
        number such as ``0.95``). The new scorer keeps ``prior``'s lexicon unless ``lexicon``
        is given, and its :class:`~namematch.score.FitReport` is ``report``. See
        ``namematch.score._fit``.
        """
        from namematch.score._fit import fit_scorer

        if prior is not None and not isinstance(prior, Scorer):
            raise TypeError(f"prior must be a Scorer, not {type(prior).__name__}")
        if prior is None or lexicon is not None:
            base = prior or cls()
            base = cls(threshold=base.threshold, model=base.model, candidate_model=base.candidate_model,
                       lexicon=lexicon if lexicon is not None else base.lexicon, cache_size=base.cache_size,
                       resources=base.resources, config=base.config)
        else:
            base = prior
        return fit_scorer(base, pairs, threshold=threshold, l2=l2, folds=folds, progress=progress)

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write this scorer (threshold, models, user lexicon, fit report) to ``path`` as JSON,
        atomically; :meth:`load` reads it back."""
        from namematch.score._persist import save_scorer

        save_scorer(self, path)

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Scorer:
        """A scorer written by :meth:`save`. A file fitted under another configuration (other
        features, shipped models or name data) is refused with
        :class:`~namematch.score.ScorerFileError`, a ValueError: fit it again."""
        from namematch.score._persist import load_scorer

        return load_scorer(cls, path)


def _ordered_similarity(u: _Unit, v: _Unit, cfg: ScoreConfig = DEFAULT_CONFIG) -> tuple[float, str]:
    """:func:`unit_similarity` of two units in one order whatever the order given."""
    return unit_similarity(u, v, cfg) if u.ckey <= v.ckey else unit_similarity(v, u, cfg)


def _prepare_dropping(dropped: frozenset[str], resources: Resources, config: ScoreConfig, name: str) -> _Prepared:
    """:meth:`Scorer._prepare` without the user's honorifics and titles at the ends of the name."""
    fields, has_lineage, honorifics = name_fields(name)
    kept = _layer.drop_words(fields, dropped)
    if kept is not fields:
        honorifics = honorifics + tuple(f[0] for f in fields if f not in kept)
    units = in_context(units_of(kept[: config.max_units], resources))
    return _Prepared(name, units, has_lineage, honorifics, *layout(units), config)


def _checked_item(value: object, argument: str) -> object:
    """A name of a score matrix: a str, or a missing value (None, NaN, pandas' NA) kept as is."""
    return value if _matrix.is_missing(value) else check_str(value, argument)


def _check_names(value: object, argument: str) -> Iterable[str]:
    """An iterable of names, not a single string (which would iterate its letters)."""
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise TypeError(f"{argument} must be an iterable of str, not {type(value).__name__}")
    return value


#: The scorer of the module-level functions (shipped data and models).
DEFAULT_SCORER = Scorer()


def score(
    a: str,
    b: str,
    *,
    processor: Callable[[str], str] | None = None,
    score_cutoff: float | None = None,
) -> float:
    """Similarity of two person names in [0, 1], across scripts.

    Symmetric; 1.0 when both names normalise to the same parse; compare with
    :data:`DEFAULT_THRESHOLD`. Follows rapidfuzz's scorer protocol, so
    ``rapidfuzz.process.extractOne(name, choices, scorer=namematch.score)`` works.

    >>> score("Nasir Abd al-Muhsin Abdallah", "Naseer Abdul Mohsen Abdullah") > 0.8
    True
    >>> score("Mohammed Hassan", "Mohammed Hussein") < DEFAULT_THRESHOLD
    True
    """
    return DEFAULT_SCORER.score(a, b, processor=processor, score_cutoff=score_cutoff)


score._RF_ScorerPy = {"get_scorer_flags": _rf_flags}  # type: ignore[attr-defined]
Scorer.score._RF_ScorerPy = {"get_scorer_flags": _rf_flags}  # type: ignore[attr-defined]


def is_match(a: str, b: str, threshold: float | None = None) -> bool:
    """True when ``score(a, b) >= threshold`` (default :data:`DEFAULT_THRESHOLD`)."""
    return DEFAULT_SCORER.is_match(a, b, threshold)


def explain(a: str, b: str) -> Explanation:
    """Score two names and explain the result.

    >>> print(explain("Sayyid Sattar Hashemi", "S. Hashemi"))  # doctest: +ELLIPSIS
    'S. Hashemi' ~ 'Sayyid Sattar Hashemi': ...
    """
    if isinstance(a, str) and isinstance(b, str) and b < a:
        a, b = b, a
    return DEFAULT_SCORER.explain(a, b)


def score_matrix(
    queries: Iterable[str], choices: Iterable[str], *, score_cutoff: float | None = None, workers: int = 1
) -> Any:
    """Score every query against every choice (see :meth:`Scorer.score_matrix`): cell ``[i][j]``
    equals ``score(queries[i], choices[j])``; a missing name (None, NaN) gives NaN."""
    return DEFAULT_SCORER.score_matrix(queries, choices, score_cutoff=score_cutoff, workers=workers)
