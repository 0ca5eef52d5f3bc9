"""Work shared out over forked processes (package-private): the one pool helper of clustering,
``score_matrix`` and the registry's parallel build.

Forked workers inherit the parent's memory, so the state a task reads (prepared names, the
scorer) is set once before the pool starts instead of being pickled for every task; the
parent's objects are frozen for the collector meanwhile (``gc.freeze``), so that a collection
in a worker does not copy every page they are on. Where the
``fork`` start method is missing (Windows, macOS defaults aside) or one span is all there is,
the spans run in this process: the same results in the same order.
"""

from __future__ import annotations

import gc
import multiprocessing
import threading
from collections.abc import Callable, Iterator
from typing import Any

__all__ = ["iter_chunks", "run_chunks"]

#: What forked workers read: set by the parent (under the lock) just before the pool starts.
_FORKED: dict[str, Any] = {}
_FORK_LOCK = threading.Lock()


def _forked_chunk(span: tuple[int, int]) -> list[Any]:
    return _FORKED["func"](_FORKED["state"], *span)  # type: ignore[no-any-return]


def iter_chunks(func: Callable[[dict[str, Any], int, int], list[Any]], state: dict[str, Any],
                spans: list[tuple[int, int]], workers: int) -> Iterator[list[Any]]:  # fmt: skip
    """``func(state, lo, hi)`` for each span, yielded in order as each is done; in a pool of
    ``workers`` forked processes (which inherit ``state``) when asked and possible. Consume
    it to the end (the pool and its lock are held until then); a task never starts a pool."""
    if workers > 1 and len(spans) > 1 and "fork" in multiprocessing.get_all_start_methods():
        with _FORK_LOCK:
            _FORKED.update(func=func, state=state)
            # the parent's objects out of the collector's reach while the workers run: a
            # collection in a worker would otherwise touch (and so copy) every page they are on
            # (left alone where the application froze objects itself)
            freeze = gc.get_freeze_count() == 0
            if freeze:
                gc.freeze()
            try:
                with multiprocessing.get_context("fork").Pool(workers) as pool:
                    yield from pool.imap(_forked_chunk, spans)
            finally:
                _FORKED.clear()
                if freeze:
                    gc.unfreeze()
        return
    for lo, hi in spans:
        yield func(state, lo, hi)


def run_chunks(func: Callable[[dict[str, Any], int, int], list[Any]], state: dict[str, Any],
               spans: list[tuple[int, int]], workers: int) -> list[Any]:  # fmt: skip
    """``func(state, lo, hi)`` for each span, concatenated in order (:func:`iter_chunks`)."""
    out: list[Any] = []
    for part in iter_chunks(func, state, spans, workers):
        out.extend(part)
    return out
