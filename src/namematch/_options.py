"""The one rule for numeric options of the public API (private).

Every threshold namematch takes (``Scorer(threshold=)``, ``is_match``,
``Registry.resolve``/``match``, ``Registry(match_threshold=)``, ``cluster``,
``cluster_records``) goes through :func:`check_threshold`, and every margin
through :func:`check_margin`, so the same value is accepted or refused, with the
same message, wherever it is given. NaN is refused: it compares false with
everything, so a NaN threshold would silently accept or refuse every pair.
"""

from __future__ import annotations

import math

__all__ = ["check_margin", "check_threshold"]


def _number(value: object, name: str) -> float:
    """``value`` as float, or TypeError naming the argument (bools are refused)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"{name} must be a number, not {type(value).__name__}")
    return float(value)


def check_threshold(value: object, name: str = "threshold") -> float:
    """A threshold in [0, 1] as float, or ValueError/TypeError naming the argument.

    >>> check_threshold(1)
    1.0
    >>> check_threshold(float("nan"))
    Traceback (most recent call last):
    ...
    ValueError: threshold must be in [0, 1], got nan
    """
    value = _number(value, name)
    if not 0.0 <= value <= 1.0:  # also refuses NaN
        raise ValueError(f"{name} must be in [0, 1], got {value!r}")
    return value


def check_margin(value: object) -> float:
    """A margin (log-odds, >= 0, finite) as float, or ValueError/TypeError."""
    value = _number(value, "margin")
    if not (0.0 <= value < math.inf):  # also refuses NaN
        raise ValueError(f"margin must be a finite number >= 0 (log-odds), got {value!r}")
    return value
