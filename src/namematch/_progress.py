"""Progress bars on standard error (private): the one progress helper of the package.

Bars are drawn with ``tqdm`` and only when standard error is a terminal, so
piped or redirected output, logs and CI stay clean. A bar appears only after
:data:`DELAY` seconds: short runs print nothing at all. Standard output is never
written to.

>>> list(progress(range(3), total=3, desc="names"))  # not a terminal: plain iteration
[0, 1, 2]
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

__all__ = ["DELAY", "enabled", "progress", "steps", "working"]

_T = TypeVar("_T")

#: Seconds a run must last before its bar appears (a run shorter than this prints nothing).
DELAY = 0.5


def enabled() -> bool:
    """Whether bars are drawn: standard error exists and is a terminal."""
    stream = sys.stderr
    try:
        return stream is not None and stream.isatty()
    except (AttributeError, ValueError):  # closed or replaced by an object without isatty
        return False


def _bar(total: int | None, desc: str, unit: str, **options: Any) -> Any:
    from tqdm import tqdm

    return tqdm(total=total, desc=desc, unit=unit, file=sys.stderr, delay=DELAY, leave=False,
                dynamic_ncols=True, mininterval=0.2, **options)


def progress(items: Iterable[_T], *, total: int | None = None, desc: str = "", unit: str = "it") -> Iterator[_T]:
    """Yield ``items``, drawing a bar of ``total`` steps on a terminal's standard error."""
    if not enabled():
        yield from items
        return
    bar = _bar(total, desc, unit)
    try:
        for item in items:
            yield item
            bar.update(1)
    finally:
        bar.close()


@contextmanager
def steps(total: int, *, desc: str = "", unit: str = "it") -> Iterator[Callable[[], None]]:
    """A bar of ``total`` steps for work that is not a loop here: the block calls the
    function it is given once per step (a no-op off a terminal)."""
    if not enabled():
        yield lambda: None
        return
    bar = _bar(total, desc, unit)
    try:
        yield lambda: bar.update(1)
    finally:
        bar.close()


@contextmanager
def working(desc: str) -> Iterator[None]:
    """An elapsed-time indicator for one long call that reports no steps (e.g. clustering):
    a background thread refreshes it until the block ends."""
    if not enabled():
        yield
        return
    bar = _bar(None, desc, "s", bar_format="{desc}: {elapsed}")
    done = threading.Event()
    started = time.monotonic()

    def tick() -> None:
        while not done.wait(0.25):
            if time.monotonic() - started >= DELAY:
                bar.refresh()

    thread = threading.Thread(target=tick, name="namematch-progress", daemon=True)
    thread.start()
    try:
        yield
    finally:
        done.set()
        thread.join()
        bar.close()
