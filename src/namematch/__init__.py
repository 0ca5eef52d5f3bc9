"""namematch: resolve person names across Arabic, Persian and Latin script.

Stages, one module each: :mod:`~namematch.normalize` → :mod:`~namematch.parse`.
"""

from __future__ import annotations

from namematch.normalize import (
    Token,
    normalize,
    normalize_arabic,
    normalize_latin,
    script_of,
    tokenize,
)
from namematch.parse import NameToken, ParsedName, parse

__version__ = "0.1.0"

__all__ = [
    "NameToken",
    "ParsedName",
    "Token",
    "__version__",
    "normalize",
    "normalize_arabic",
    "normalize_latin",
    "parse",
    "script_of",
    "tokenize",
]
