"""Saving and loading a :class:`~namematch.score.Scorer` as JSON (part of :mod:`namematch.score`).

The file holds what the scorer is: its threshold, its pair and candidate models, its user
lexicon (inline, so the file is whole) and its fit report, with the feature names the
weights belong to and :func:`config_digest`, a digest of the configuration the weights were
fitted under (feature names, the shipped models they started from, the shipped name data
that the features are computed with). A file whose features or digest differ from this
namematch's is refused with :class:`ScorerFileError`: its weights would weigh features that
no longer mean what they meant when it was fitted; fit again (``namematch fit``).

Writes are atomic and keep the file's mode (``namematch._files``).
"""

from __future__ import annotations

import functools
import json
import math
import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final

from namematch._data import data_digest, lines_digest
from namematch._files import atomic_write
from namematch.resources import Resources
from namematch.score._config import DEFAULT_CONFIG, ScoreConfig
from namematch.score._model import FEATURES, candidate_model_file, default_model

if TYPE_CHECKING:  # pragma: no cover
    from namematch.score._scorer import Scorer

__all__ = ["FORMAT", "ScorerFileError", "config_digest", "load_scorer", "save_scorer"]

FORMAT: Final = "namematch-scorer"
VERSION: Final = 1
#: Shipped files the features and their prior weights depend on (besides the lexicon's).
CONFIG_DATA: Final = ("score_model.json", "candidate_model.json", "particles.tsv", "compounds.tsv", "honorifics.tsv", "titles.tsv",
                      "article_exceptions.txt", "translit_model.tsv", "prefix_names.txt", "foreign_spellings.tsv", "given_name_genders.tsv",
                      "east_asian_family_names.txt")  # fmt: skip


class ScorerFileError(ValueError):
    """A scorer file could not be read, or was fitted under another configuration."""

    def __init__(self, message: str, path: str | os.PathLike[str] | None = None) -> None:
        super().__init__(f"{os.fspath(path)}: {message}" if path is not None else message)
        self.path = None if path is None else os.fspath(path)


@functools.lru_cache(maxsize=8)
def config_digest(config: ScoreConfig = DEFAULT_CONFIG) -> str:
    """Digest of the configuration a fitted model is valid under: the feature names, the
    shipped models and name data (:data:`CONFIG_DATA`), the shipped lexicon and the scoring
    configuration ``config`` (:attr:`ScoreConfig.digest <namematch.score.ScoreConfig.digest>`)."""
    return lines_digest(list(FEATURES), [data_digest(CONFIG_DATA)], [Resources.shipped().lexicon_digest],
                        [config.digest])


def _model_dict(
    weights: tuple[float, ...], intercept: float, extra: Mapping[str, Any] | None, fitted: Mapping[str, Any]
) -> dict[str, Any]:
    """A model as saved; ``fitted`` is the model as given (or the shipped one): the
    configuration it was fitted under is saved with it."""
    out = {"weights": {name: w for name, w in zip(FEATURES, weights, strict=True)}, "intercept": intercept}
    for key in ("fixed", "l2", "fitted_on_pairs", "positives"):
        if extra and key in extra:
            out[key] = extra[key]
    if fitted.get("config_digest") is not None:
        out["config_digest"] = fitted["config_digest"]
    return out


def scorer_dict(scorer: Scorer) -> dict[str, Any]:
    """The JSON object :func:`save_scorer` writes."""
    from namematch import __version__

    return {
        "format": FORMAT,
        "version": VERSION,
        "namematch": __version__,
        "config_digest": config_digest(scorer.config),
        "features": list(FEATURES),
        "config": scorer.config.to_dict(),
        "threshold": scorer.threshold,
        "model": _model_dict(scorer.model_weights, scorer.model_intercept, scorer.model,
                             default_model() if scorer.model is None else scorer.model),
        "candidate_model": _model_dict(*scorer.candidate_terms, None,
                                       candidate_model_file() if scorer.candidate_model is None
                                       else scorer.candidate_model),
        "lexicon": None if scorer.lexicon is None else scorer.lexicon.to_dict(),
        "report": None if scorer.report is None else scorer.report.to_dict(),
    }


def save_scorer(scorer: Scorer, path: str | os.PathLike[str]) -> None:
    """Write ``scorer`` as JSON, atomically (keeping the mode of a file it replaces). A scorer
    with name data other than the shipped data is refused (ValueError): the file names the
    shipped data, and a scorer loaded from it reads that."""
    if not scorer.resources.is_shipped:
        raise ValueError(f"a scorer with other name data ({scorer.resources!r}) cannot be saved: the file "
                         "records the shipped data")
    text = json.dumps(scorer_dict(scorer), ensure_ascii=False, indent=1) + "\n"
    atomic_write(path, lambda fh: fh.write(text))


def load_scorer(cls: type[Scorer], path: str | os.PathLike[str]) -> Scorer:
    """The scorer saved at ``path``; :class:`ScorerFileError` for a file that is not one, is
    damaged, or was fitted under another configuration."""
    from namematch.score._fit import FitReport
    from namematch.user_lexicon import UserLexicon

    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise ScorerFileError(f"not a scorer file ({type(exc).__name__}: {exc})", path) from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ScorerFileError(f"not a scorer file (no \"format\": \"{FORMAT}\")", path)
    if data.get("version") != VERSION:
        raise ScorerFileError(f"scorer file version {data.get('version')!r}; this namematch reads {VERSION}", path)
    if data.get("features") != list(FEATURES):
        raise ScorerFileError(
            f"fitted for the features {data.get('features')!r}, this namematch computes {list(FEATURES)!r}: "
            "fit the scorer again with this version", path)
    try:
        config = ScoreConfig(**data["config"]) if isinstance(data.get("config"), dict) else DEFAULT_CONFIG
    except (TypeError, ValueError) as exc:
        raise ScorerFileError(f"damaged scorer file (config: {exc})", path) from exc
    if data.get("config_digest") != config_digest(config):
        raise ScorerFileError(
            f"fitted under another configuration (digest {data.get('config_digest')!r}, this namematch has "
            f"{config_digest(config)!r}: other shipped models, name data or scoring configuration, from namematch "
            f"{data.get('namematch')!r}): fit the scorer again with this version", path)
    try:
        lexicon = None if data.get("lexicon") is None else UserLexicon.from_dict(data["lexicon"])
        report = None if data.get("report") is None else FitReport.from_dict(data["report"])
        scorer = cls(threshold=data["threshold"], model=data["model"], candidate_model=data["candidate_model"],
                     lexicon=lexicon, config=config)
    except (KeyError, TypeError, ValueError) as exc:
        raise ScorerFileError(f"damaged scorer file ({type(exc).__name__}: {exc})", path) from exc
    terms = (*scorer.model_weights, scorer.model_intercept, *scorer.candidate_terms[0], scorer.candidate_terms[1])
    if not all(math.isfinite(t) for t in terms):
        raise ScorerFileError("damaged scorer file (a weight or intercept is not a finite number)", path)
    scorer.report = report
    return scorer
