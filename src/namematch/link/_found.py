"""A mention while it is being found (private)."""

from __future__ import annotations

__all__ = ["Found"]


class Found:
    """Word indexes ``first..last`` (inclusive), text span, context words and how
    it was found (``strong``: on its own evidence; weak ones need a strong mention
    of the same name in the document)."""

    __slots__ = ("context", "end", "first", "honorific", "last", "start", "strong")

    def __init__(self, first: int, last: int, start: int, end: int, context: str = "",
                 honorific: str = "", strong: bool = True) -> None:
        self.first = first
        self.last = last
        self.start = start
        self.end = end
        self.context = context
        self.honorific = honorific
        self.strong = strong
