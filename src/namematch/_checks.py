"""Argument checks shared by the public functions (package-private: any namematch module may
import these names; see docs/decisions/0011-private-names.md)."""

from __future__ import annotations

__all__ = ["check_str"]


def check_str(value: object, argument: str = "name") -> str:
    """``value`` when it is a str, else a ``TypeError`` naming ``argument`` and the type given."""
    if not isinstance(value, str):
        raise TypeError(f"{argument} must be str, not {type(value).__name__}")
    return value
