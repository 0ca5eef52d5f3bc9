"""namematch: resolve person names across Arabic, Persian and Latin script.

One module per stage, data flowing one way:

``normalize`` (script-aware cleaning) → ``parse`` (name units and roles) →
``romanize`` + ``keys`` (cross-script bridge, lexicons in ``data/``) →
``score`` (alignment, :class:`Scorer`, :func:`explain`) → ``registry`` /
``cluster`` (records, index, resolution) → ``link`` (mentions in text) →
``report`` (an HTML page of the persons found) and ``cli``.

The public names below are imported on first use (all of them at once), so that
``import namematch`` is quick and the command line starts before the heavy imports.

>>> import namematch as nm
>>> nm.score("Qassem Soleimani", "قاسم سليماني") >= nm.DEFAULT_THRESHOLD
True
"""

from __future__ import annotations

import importlib as _importlib
import sys as _sys
import types as _types
import warnings as _warnings
from typing import TYPE_CHECKING, Any

from namematch import _build

if TYPE_CHECKING:
    from namematch.cluster import ClusterConfig, cluster, cluster_records
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
        DecisionConfig,
        LoadReport,
        Person,
        Registry,
        RegistryError,
        RegistryFormatError,
    )
    from namematch.report import html_report, write_html_report
    from namematch.resources import Resources
    from namematch.romanize import romanizations, romanize
    from namematch.score import (
        DEFAULT_THRESHOLD,
        AlignedPair,
        Explanation,
        FitReport,
        ModelConfigWarning,
        ScoreConfig,
        Scorer,
        ScorerFileError,
        explain,
        is_match,
        score,
        score_matrix,
    )
    from namematch.user_lexicon import UserLexicon, UserLexiconError

#: Each public name and the module that defines it. The modules are imported on the first
#: use of any public name (all of them then), so ``import namematch`` itself is quick: the
#: command line can catch Ctrl-C and report errors before the heavy imports start.
_EXPORTS: dict[str, str] = {
    "cluster": "cluster", "cluster_records": "cluster", "ClusterConfig": "cluster",
    "keys": "keys",
    "Entity": "link", "EntityMention": "link", "LinkedMention": "link", "Mention": "link",
    "find_mentions": "link", "link": "link", "resolve_documents": "link",
    "Token": "normalize", "normalize": "normalize", "normalize_arabic": "normalize",
    "normalize_latin": "normalize", "script_of": "normalize", "tokenize": "normalize",
    "NameToken": "parse", "ParsedName": "parse", "parse": "parse",
    "Candidate": "registry", "DecisionConfig": "registry", "LoadReport": "registry", "Person": "registry", "Registry": "registry",
    "RegistryError": "registry", "RegistryFormatError": "registry",
    "html_report": "report", "write_html_report": "report",
    "Resources": "resources",
    "romanizations": "romanize", "romanize": "romanize",
    "DEFAULT_THRESHOLD": "score", "AlignedPair": "score", "Explanation": "score", "Scorer": "score",
    "explain": "score", "is_match": "score", "score": "score", "score_matrix": "score",
    "FitReport": "score", "ScorerFileError": "score", "ScoreConfig": "score", "ModelConfigWarning": "score",
    "UserLexicon": "user_lexicon", "UserLexiconError": "user_lexicon",
}  # fmt: skip


def _load_exports() -> None:
    """Import the modules of every public name and bind the names here."""
    namespace = globals()
    for name, module in _EXPORTS.items():
        namespace[name] = getattr(_importlib.import_module(f"namematch.{module}"), name)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        _load_exports()
        return globals()[name]
    raise AttributeError(f"module 'namematch' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))


class _Package(_types.ModuleType):
    """The package module: importing a submodule whose name is also a public function
    (``namematch.score``, ``namematch.link``, ...) must not bind the submodule over it."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _EXPORTS and isinstance(value, _types.ModuleType):
            return
        super().__setattr__(name, value)

    def __reduce__(self) -> tuple[Any, tuple[str]]:
        # pickled by name, as pickle libraries (cloudpickle: Spark's closures) pickle modules
        return _importlib.import_module, (self.__name__,)


_sys.modules[__name__].__class__ = _Package

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
    "ClusterConfig",
    "DecisionConfig",
    "Entity",
    "EntityMention",
    "Explanation",
    "FitReport",
    "LinkedMention",
    "LoadReport",
    "Mention",
    "ModelConfigWarning",
    "NameToken",
    "ParsedName",
    "Person",
    "Registry",
    "RegistryError",
    "RegistryFormatError",
    "Resources",
    "ScoreConfig",
    "Scorer",
    "ScorerFileError",
    "Token",
    "UserLexicon",
    "UserLexiconError",
    "__version__",
    "cluster",
    "cluster_records",
    "explain",
    "find_mentions",
    "html_report",
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
    "write_html_report",
]
