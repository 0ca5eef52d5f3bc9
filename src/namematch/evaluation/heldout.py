"""Scoring with data built without part of the development persons (held-out runs).

``tools/build_lexicon.py --holdout --out DIR`` writes the lexicon and transliteration model
built without the held-out fifth (:func:`namematch.evaluation.in_test_fifth`); the
benchmarks score the held-out pairs with them inside :func:`held_out_data`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from namematch import lexicon
from namematch._data import data_lines
from namematch.romanize import _install  # the resources-as-values refactor replaces this swap

__all__ = ["held_out_data", "read_data_file"]


def read_data_file(path: str | os.PathLike[str]) -> list[str]:
    """The content lines of a data file written by a ``tools/`` script (``#`` comments and
    blank lines left out), as the package reads its shipped files."""
    text = Path(path).read_text(encoding="utf-8")
    return [line.rstrip("\r\n") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@contextmanager
def held_out_data(
    model_lines: Sequence[str], variant_lines: Sequence[str], frequency_lines: Sequence[str]
) -> Iterator[None]:
    """While inside, every scorer uses the transliteration model ``model_lines`` and the
    lexicon built from ``variant_lines`` and ``frequency_lines`` (with the shipped manual
    variants) instead of the shipped ones; they are restored on leaving. Not thread-safe:
    held-out runs are single benchmark processes."""
    held = lexicon.build(list(variant_lines), data_lines("variants_manual.tsv"), list(frequency_lines))
    _install(list(model_lines), held)
    try:
        yield
    finally:
        _install(None, None)
