"""The transliteration model's parts that ``tools/build_translit.py`` trains and tunes: the
joint-sequence model class, the ranking features, the search settings and the letter
classes (the model itself is package-private, ``namematch._translit``; this is its entry
point for the tools, decision 0011)."""

from __future__ import annotations

from namematch._translit import (
    DISPLAY_FEATURES,
    MAX_TAIL,
    ONSETS,
    RANK_FEATURES,
    VOWELS,
    WIDE_SEARCH,
    JointModel,
    name_spellings,
)

__all__ = [
    "DISPLAY_FEATURES", "MAX_TAIL", "ONSETS", "RANK_FEATURES", "VOWELS", "WIDE_SEARCH", "JointModel", "name_spellings",
]
