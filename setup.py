"""Optional compiled build of namematch's hot modules.

The scoring path (normalise -> parse -> romanise/keys -> score) is plain Python.
When Cython is available at build time, these same source files are also
compiled to C extension modules, which Python imports in place of the ``.py``
files: the same code and results, about a quarter less time per cold pair.
Nothing else changes: the ``.py`` files ship in every wheel, and a build
without Cython, without a C compiler, or with ``NAMEMATCH_PURE_PYTHON=1`` set
installs the pure-Python package (a failed compilation is a warning, not an
error). ``namematch._build.compiled_modules()`` says which modules are compiled.

All metadata lives in ``pyproject.toml``; this file only declares the extensions.
"""

from __future__ import annotations

import ast
import os
import warnings
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext


def _candidates() -> tuple[str, ...]:
    """The modules on the per-name and per-pair path: ``_CANDIDATES`` of
    ``src/namematch/_build.py``, the one list that runtime check reads too."""
    tree = ast.parse(Path(__file__).with_name("src").joinpath("namematch", "_build.py").read_text("utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "_CANDIDATES" for t in node.targets):
            return tuple(ast.literal_eval(node.value))
    raise RuntimeError("_CANDIDATES not found in src/namematch/_build.py")


def _extensions() -> list[Extension]:
    if os.environ.get("NAMEMATCH_PURE_PYTHON", "").strip() not in ("", "0"):
        return []
    try:
        from Cython.Build import cythonize
    except ImportError:
        return []
    modules = [Extension(f"namematch.{name}", [f"src/namematch/{name.replace('.', '/')}.py"]) for name in _candidates()]
    try:
        compiled = cythonize(
            modules,
            build_dir="build/cython",  # generated C stays out of the source tree
            quiet=True,
            compiler_directives={
                "language_level": 3,
                "binding": True,  # functions keep Python's introspection (signatures, docstrings, pickling)
                "annotation_typing": False,  # type hints stay hints: Python semantics, not C types
                "embedsignature": True,
            },
        )
    except Exception as exc:  # any Cython failure: install the pure-Python package
        warnings.warn(f"namematch: Cython could not translate the modules ({exc}); installing pure Python", stacklevel=1)
        return []
    for ext in compiled:
        ext.optional = True  # a module the C compiler fails on stays pure Python (cythonize drops the flag)
    return compiled


class _BuildExt(build_ext):
    """build_ext that drops a module's earlier compiled files when its compilation fails
    (the build folder's copy, and the one beside the source in an in-place build): the
    edited ``.py`` is then imported, not the old compiled code."""

    def run(self) -> None:
        self._in_place = bool(self.inplace)  # setuptools clears the flag while it builds
        super().run()

    def build_extension(self, ext: Extension) -> None:
        try:
            super().build_extension(ext)
        except Exception:
            old = [self.get_ext_fullpath(ext.name)]
            if getattr(self, "_in_place", False):
                old.append(os.path.join("src", self.get_ext_filename(ext.name)))
            for path in old:
                if os.path.exists(path):
                    os.remove(path)
            raise


setup(ext_modules=_extensions(), cmdclass={"build_ext": _BuildExt})
