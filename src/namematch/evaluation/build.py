"""Which build of namematch runs: compiled hot modules or pure Python (the benchmarks print
it; ``tools/check_install.py`` checks that the default wheel is pure Python)."""

from __future__ import annotations

from namematch._build import compiled_modules, copy_pure, describe

__all__ = ["compiled_modules", "copy_pure", "describe"]
