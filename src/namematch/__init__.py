"""namematch: resolve person names across Arabic, Persian and Latin script.

One module per stage, data flowing one way:

``normalize`` (script-aware cleaning) → ``parse`` (name units and roles) →
``romanize`` + ``keys`` (cross-script bridge, lexicons in ``data/``) →
``score`` (alignment, :class:`Scorer`, :func:`explain`) → ``registry`` /
``cluster`` (records, index, resolution) → ``link`` (mentions in text) → ``cli``.

>>> import namematch as nm
>>> nm.score("Qassem Soleimani", "قاسم سليماني") >= nm.DEFAULT_THRESHOLD
True
"""

from __future__ import annotations

import warnings as _warnings

from namematch import _build
from namematch.cluster import cluster, cluster_records
from namematch.keys import keys
from namematch.link import (
    Entity,
    EntityMention,
    LinkedMention,
    Mention,
    find_mentions,
    link,
    resolve_documents,
)
from namematch.normalize import (
    Token,
    normalize,
    normalize_arabic,
    normalize_latin,
    script_of,
    tokenize,
)
from namematch.parse import NameToken, ParsedName, parse
from namematch.registry import (
    Candidate,
    LoadReport,
    Person,
    Registry,
    RegistryError,
    RegistryFormatError,
)
from namematch.romanize import romanizations, romanize
from namematch.score import (
    DEFAULT_THRESHOLD,
    AlignedPair,
    Explanation,
    Scorer,
    explain,
    is_match,
    score,
    score_matrix,
)

_stale = _build.stale_modules()
if _stale:  # a source checkout edited since its last compiled build
    _warnings.warn(
        "namematch: compiled modules older than their source are imported instead of it: "
        f"{', '.join(_stale)}; rebuild them (make ext, or pip install -e .) "
        "or delete the .so files",
        RuntimeWarning,
        stacklevel=2,
    )

__version__ = "0.1.0"

__all__ = [
    "DEFAULT_THRESHOLD",
    "AlignedPair",
    "Candidate",
    "Entity",
    "EntityMention",
    "Explanation",
    "LinkedMention",
    "LoadReport",
    "Mention",
    "NameToken",
    "ParsedName",
    "Person",
    "Registry",
    "RegistryError",
    "RegistryFormatError",
    "Scorer",
    "Token",
    "__version__",
    "cluster",
    "cluster_records",
    "explain",
    "find_mentions",
    "is_match",
    "keys",
    "link",
    "normalize",
    "normalize_arabic",
    "normalize_latin",
    "parse",
    "resolve_documents",
    "romanizations",
    "romanize",
    "score",
    "score_matrix",
    "script_of",
    "tokenize",
]
