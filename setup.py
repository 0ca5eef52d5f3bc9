"""Optional compiled build of namematch's hot modules (opt-in: ``NAMEMATCH_COMPILE=1``).

namematch is a pure-Python package: ``pip install .`` builds a ``py3-none-any``
wheel in seconds, with no C compiler. With ``NAMEMATCH_COMPILE=1`` set at build
time, the modules on the scoring path (normalise -> parse -> romanise/keys ->
score) are also compiled from the same source files with Cython to C extension
modules, which Python imports in place of the ``.py`` files: the same code and
results. ``make test`` builds that way, so the suite checks both builds give the
same results (``tests/test_build.py``). A build without Cython or a C compiler
installs the pure-Python package (a failed compilation is a warning, not an
error). ``namematch._build.compiled_modules()`` says which modules are compiled.

Why opt-in: measured in CPU time (``benchmarks/speed.py``'s workloads, five
interleaved runs of each build in fresh processes), the compiled modules score
cold, prepared and cached pairs, cluster and match as fast as the pure-Python
code (ratios 0.99-1.03), so the default install does not pay a minute of C
compilation on 2 cores for them. When compiling, Cython translates and the
compiler compiles the modules in parallel (one job per core), at ``-O1`` without
debug information (``-g0``) rather than Python's ``-O3 -g``: about 45 instead of
140 CPU seconds of C compilation, at the same speed.

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


def _compile_requested() -> bool:
    """``NAMEMATCH_COMPILE`` set to anything but empty or ``0`` (``NAMEMATCH_PURE_PYTHON``
    set the same way wins: the older switch for a pure build)."""
    def on(name: str) -> bool:
        return os.environ.get(name, "").strip() not in ("", "0")

    return on("NAMEMATCH_COMPILE") and not on("NAMEMATCH_PURE_PYTHON")


def _extensions() -> list[Extension]:
    if not _compile_requested():
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
            nthreads=_jobs(),
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


def _jobs() -> int:
    """Parallel jobs for translating and compiling: one per core the process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


#: Appended to the compiler's flags (later flags win): see the module docstring.
_QUICK_FLAGS = ["-O1", "-g0"]


class _BuildExt(build_ext):
    """build_ext that compiles the modules in parallel with quick flags, and drops a
    module's earlier compiled files when its compilation fails (the build folder's copy,
    and the one beside the source in an in-place build): the edited ``.py`` is then
    imported, not the old compiled code."""

    def finalize_options(self) -> None:
        super().finalize_options()
        if not self.parallel:  # pip passes no -j: one job per core
            self.parallel = _jobs()

    def run(self) -> None:
        self._in_place = bool(self.inplace)  # setuptools clears the flag while it builds
        super().run()

    def build_extension(self, ext: Extension) -> None:
        if self.compiler.compiler_type == "unix":  # gcc and clang; MSVC keeps its defaults
            ext.extra_compile_args = [*ext.extra_compile_args, *_QUICK_FLAGS]
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
