"""The tuned constants of pair scoring as one frozen value (part of :mod:`namematch.score`).

A :class:`~namematch.score.Scorer` owns a :class:`ScoreConfig` (``Scorer(config=...)``;
default :data:`DEFAULT_CONFIG`): unit comparison, alignment and the rules read their
thresholds from it, never from module globals. The pair and candidate models are
fitted to features computed under one configuration, so their files record its
:attr:`ScoreConfig.digest` (``config_digest``), and a scorer given a model fitted under
another configuration warns (:class:`ModelConfigWarning`): fit the model again.
The defaults are the values the shipped models were fitted under (decision 0012).
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from typing import Any, Final

import attrs

from namematch._data import lines_digest

__all__ = ["DEFAULT_CONFIG", "ModelConfigWarning", "ScoreConfig", "check_model_config"]


def _unit_interval(_instance: object, attribute: attrs.Attribute[float], value: float) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0.0 <= value <= 1.0:
        raise ValueError(f"ScoreConfig.{attribute.name} must be a number in [0, 1], not {value!r}")


def _positive(_instance: object, attribute: attrs.Attribute[Any], value: float) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not value > 0:
        raise ValueError(f"ScoreConfig.{attribute.name} must be a positive number, not {value!r}")


def _units(field: float) -> Any:
    return attrs.field(default=field, validator=_unit_interval)


@attrs.frozen(slots=True)
class ScoreConfig:
    """The thresholds and discounts of unit comparison, alignment and the rules.

    Unit pairs (:mod:`namematch.score._units`):

    - ``min_pair_similarity``: two units pair off at this similarity or above (and
      similarities are exact from here up; nothing reads a weaker value).
    - ``agree_from``: two paired units agree (are spellings of one name element) at this
      similarity or above; below it a pair is a look-alike (Rezaei ~ Rezvani), evidence
      against. Spellings compared letter by letter must also keep their consonants.
    - ``agree_one_edit``: two spellings this alike may differ in one consonant and still
      agree (a long name's typo).
    - ``lookalike``: the similarity a look-alike pair keeps at most.
    - ``sound_match``: two spellings that sound alike class by class (Qadhafi ~ Gaddafi).
    - ``key_bonus``: added to a same-script pair's similarity when the units share a
      retrieval key.
    - ``skeleton_match`` / ``skeleton_from``: an unlisted Arabic-script unit and a Latin one
      with one consonant skeleton (3 consonants or more) score ``skeleton_match`` when their
      romanised spellings are at least ``skeleton_from`` alike.
    - ``cross_listed``: discount on a Latin and an Arabic-script unit listed in two different
      lexicon groups (Mahmoud ~ أحمد); ``same_script_listed`` the same in one script
      (Hassan ~ Hussein).
    - ``arabic_skeleton_from``: two Arabic-script spellings this alike with one consonant
      skeleton are one name.
    - ``letters_unlike``: an unlisted Arabic-script unit less alike than this to every form
      listed for a Latin unit is another name.
    - ``abd_dropped``: "Abd X" (or "Abu X", a one-word nasab) against "X" counts at most this.
    - ``stem_match``: a compound against its own first element (Siraj ~ Sirajuddin).
    - ``vowels_from``: two Latin spellings this alike that keep their consonants are one name.

    Names (:mod:`namematch.score._align`, :mod:`namematch.score._rules`):

    - ``max_units``: name units read per name (longer names are truncated): bounds cost.
    - ``merge_from`` / ``merge_cap``: two adjacent units match one unit of the other name
      joined at ``merge_from`` or above, counted at most ``merge_cap``.
    - ``unlike``: first names this unlike are two names (the siblings rule).
    - ``weak_information``: below this information only common elements agree.
    - ``information_cap``: the information feature's cap.
    - ``partial_cap``: a score stays at most this unless every element agrees.

    >>> ScoreConfig().agree_from, ScoreConfig(agree_from=0.9).digest != ScoreConfig().digest
    (0.85, True)
    """

    min_pair_similarity: float = _units(0.72)
    agree_from: float = _units(0.85)
    agree_one_edit: float = _units(0.9)
    lookalike: float = _units(0.84)
    sound_match: float = _units(0.9)
    key_bonus: float = _units(0.06)
    skeleton_match: float = _units(0.85)
    skeleton_from: float = _units(0.5)
    cross_listed: float = _units(0.9)
    arabic_skeleton_from: float = _units(0.75)
    same_script_listed: float = _units(0.85)
    letters_unlike: float = _units(0.5)
    abd_dropped: float = _units(0.85)
    stem_match: float = _units(0.9)
    vowels_from: float = _units(0.7)
    max_units: int = attrs.field(default=12, validator=_positive)
    merge_from: float = _units(0.8)
    merge_cap: float = _units(0.95)
    unlike: float = _units(0.5)
    weak_information: float = attrs.field(default=0.6, validator=_positive)
    information_cap: float = attrs.field(default=3.0, validator=_positive)
    partial_cap: float = _units(0.985)

    @property
    def digest(self) -> str:
        """A short digest of the values (model files record it: ``config_digest``)."""
        return _digest(self)

    def to_dict(self) -> dict[str, Any]:
        """The values as plain data; ``ScoreConfig(**d)`` reads them back."""
        return attrs.asdict(self)


def _digest(config: ScoreConfig) -> str:
    return lines_digest([f"{name}={value!r}" for name, value in attrs.asdict(config).items()])


#: The configuration the shipped models were fitted under.
DEFAULT_CONFIG: Final = ScoreConfig()


class ModelConfigWarning(UserWarning):
    """A model fitted under another :class:`ScoreConfig` than the scorer's: its weights weigh
    features that meant something else when it was fitted. Fit it again."""


def check_model_config(model: Mapping[str, Any], config: ScoreConfig, what: str) -> None:
    """Warn (:class:`ModelConfigWarning`) when ``model`` records a ``config_digest`` other than
    ``config``'s. A model without one (written by hand, or before models recorded it) passes."""
    recorded = model.get("config_digest")
    if recorded is not None and recorded != config.digest:
        warnings.warn(
            f"the {what} was fitted under another scoring configuration (digest {recorded!r}, this "
            f"scorer's is {config.digest!r}): fit it again under this configuration",
            ModelConfigWarning,
            stacklevel=3,
        )
