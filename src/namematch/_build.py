"""Which of namematch's modules run compiled (see ``setup.py``).

An installation may carry the hot modules twice: the ``.py`` source and an
extension module compiled from it, which Python imports first. In a source
checkout the compiled file can fall behind an edited source; :func:`stale_modules`
finds those, and importing namematch warns about them.
"""

from __future__ import annotations

import importlib
import importlib.machinery
import os
import shutil

#: The modules an installation may carry compiled, in pipeline order (setup.py reads this list;
#: a dotted name is a module of a subpackage: ``score._units`` is ``score/_units.py``).
_CANDIDATES = ("_text", "normalize", "parse", "lexicon", "_translit", "_folding", "romanize", "keys", "score._units", "score._align", "score._rules",
               "score._model", "score._scorer")  # fmt: skip

_HERE = os.path.dirname(os.path.abspath(__file__))


def compiled_modules() -> tuple[str, ...]:
    """Names of the modules imported from compiled extensions, not ``.py`` files.

    Empty for a pure-Python install (the same results, slower per cold name).
    """
    out = []
    for name in _CANDIDATES:
        origin = getattr(importlib.import_module(f"namematch.{name}"), "__file__", "") or ""
        if not origin.endswith((".py", ".pyc")):
            out.append(name)
    return tuple(out)


def describe() -> str:
    """The build in a few words: which modules are compiled, or "pure Python"."""
    compiled = compiled_modules()
    return f"compiled: {', '.join(compiled)}" if compiled else "pure Python"


def copy_pure(destination: str) -> None:
    """Copy the package to ``destination`` without its compiled files (and caches): the same
    code, pure Python (the benchmarks and tests compare the two builds with it)."""
    shutil.copytree(_HERE, destination, ignore=shutil.ignore_patterns("*.so", "*.pyd", "__pycache__"))


def _source_checkout(directory: str) -> bool:
    """Whether ``directory`` is the package inside a source checkout (``src/namematch`` beside
    ``setup.py``), where sources are edited; an installed package's file times say nothing."""
    parent = os.path.dirname(directory)
    return os.path.basename(parent) == "src" and os.path.isfile(os.path.join(os.path.dirname(parent), "setup.py"))


def stale_modules(directory: str = _HERE) -> tuple[str, ...]:
    """Modules whose compiled file in ``directory`` is older than their ``.py`` source
    (edited since the last build: Python would still import the old compiled code).

    Only a source checkout is checked (see :func:`_source_checkout`); elsewhere: ``()``.
    """
    if not _source_checkout(directory):
        return ()
    out = []
    for name in _CANDIDATES:
        path = os.path.join(directory, *name.split("."))
        try:
            source = os.stat(path + ".py").st_mtime
        except OSError:
            continue
        for suffix in importlib.machinery.EXTENSION_SUFFIXES:
            try:
                built = os.stat(path + suffix).st_mtime
            except OSError:
                continue
            if built < source:
                out.append(name)
            break
    return tuple(out)
