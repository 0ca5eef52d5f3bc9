"""Scoring with data built without part of the development persons (held-out runs).

``tools/build_lexicon.py --holdout --out DIR`` writes the lexicon and transliteration model
built without the held-out fifth (:func:`namematch.evaluation.in_test_fifth`); the
benchmarks score the held-out pairs with a :class:`~namematch.Scorer` that owns the
resources :func:`held_out_resources` builds from them. Nothing global is swapped: scorers
made without those resources keep the shipped data.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from namematch._data import data_lines
from namematch.resources import Resources

__all__ = ["held_out_data", "held_out_resources", "read_data_file"]


def read_data_file(path: str | os.PathLike[str]) -> list[str]:
    """The content lines of a data file written by a ``tools/`` script (``#`` comments and
    blank lines left out), as the package reads its shipped files."""
    text = Path(path).read_text(encoding="utf-8")
    return [line.rstrip("\r\n") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def held_out_resources(
    model_lines: Sequence[str], variant_lines: Sequence[str], frequency_lines: Sequence[str]
) -> Resources:
    """The name data of a held-out build: the transliteration model ``model_lines`` and the
    lexicon built from ``variant_lines`` and ``frequency_lines`` with the shipped manual
    variants. Give it to a scorer: ``Scorer(resources=held_out_resources(...))``."""
    lines = (list(variant_lines), data_lines("variants_manual.tsv"), list(frequency_lines))
    return Resources.build(lexicon_lines=lines, model_lines=list(model_lines))


@contextmanager
def held_out_data(
    model_lines: Sequence[str], variant_lines: Sequence[str], frequency_lines: Sequence[str]
) -> Iterator[Resources]:
    """:func:`held_out_resources` as a context manager (``with held_out_data(...) as res``);
    it changes nothing global, so only scorers given ``res`` use the held-out data."""
    yield held_out_resources(model_lines, variant_lines, frequency_lines)
