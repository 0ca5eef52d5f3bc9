"""Loading of the plain-text data files shipped in ``namematch/data`` (private)."""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import resources

__all__ = ["data_digest", "data_lines", "data_table"]


@cache
def data_lines(filename: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of a data file, stripped of the line end."""
    text = resources.files("namematch").joinpath("data", filename).read_text(encoding="utf-8")
    return tuple(
        line.rstrip("\r\n")
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    )


@cache
def data_table(filename: str) -> dict[str, str]:
    """A two-column tab-separated data file as ``{first: second}`` (first wins)."""
    table: dict[str, str] = {}
    for line in data_lines(filename):
        key, _, value = line.partition("\t")
        table.setdefault(key.strip(), value.strip())
    return table


def data_digest(filenames: tuple[str, ...]) -> str:
    """A short digest of the data lines of these files (missing files count as empty)."""
    digest = hashlib.sha256()
    for name in filenames:
        digest.update(name.encode("utf-8") + b"\x00")
        try:
            lines = data_lines(name)
        except (FileNotFoundError, OSError):
            lines = ()
        for line in lines:
            digest.update(line.encode("utf-8", "surrogatepass") + b"\n")
    return digest.hexdigest()[:16]
