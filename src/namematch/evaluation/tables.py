"""The Markdown tables namematch's benchmarks print, and a timer."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

__all__ = ["format_table", "print_table", "timed"]

T = TypeVar("T")


def _cell(value: object) -> str:
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def format_table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A Markdown table: floats with three decimals, every column padded to its widest cell.

    >>> print(format_table(["slice", "pairs"], [["ALL", 12]]))
    | slice | pairs |
    |-------|-------|
    | ALL   | 12    |
    """
    cells = [[_cell(c) for c in r] for r in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) if cells else len(h) for i, h in enumerate(headers)]
    lines = ["| " + " | ".join(h.ljust(w) for h, w in zip(headers, widths)) + " |",
             "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    lines += ["| " + " | ".join(c.ljust(w) for c, w in zip(r, widths)) + " |" for r in cells]
    return "\n".join(lines)


def print_table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    """Print :func:`format_table` of ``headers`` and ``rows``."""
    print(format_table(headers, rows))


def timed(func: Callable[[], T]) -> tuple[float, T]:
    """``(seconds, result)`` of one call of ``func`` (wall clock)."""
    t0 = time.perf_counter()
    out = func()
    return time.perf_counter() - t0, out
