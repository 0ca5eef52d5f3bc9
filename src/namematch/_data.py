"""Loading of the plain-text data files shipped in ``namematch/data`` (private)."""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import resources

__all__ = ["data_digest", "data_lines", "data_sections", "data_table", "lines_digest", "optional_lines"]


def _data_text(filename: str) -> str:
    return resources.files("namematch").joinpath("data").joinpath(filename).read_text(encoding="utf-8")


@cache
def data_lines(filename: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of a data file, stripped of the line end."""
    return tuple(
        line.rstrip("\r\n")
        for line in _data_text(filename).splitlines()
        if line.strip() and not line.startswith("#")
    )


@cache
def data_sections(filename: str) -> dict[str, frozenset[str]]:
    """The lines of a data file by section: each non-empty, non-comment line (stripped) under
    the first word of the comment line last before it (``# Korean`` heads a section "Korean";
    two comments of one first word make one section)."""
    sections: dict[str, set[str]] = {}
    section = ""
    for line in _data_text(filename).splitlines():
        if line.startswith("#"):
            words = line[1:].split()
            section = words[0] if words else ""
        elif line.strip():
            sections.setdefault(section, set()).add(line.strip())
    return {name: frozenset(lines) for name, lines in sections.items()}


@cache
def data_table(filename: str) -> dict[str, str]:
    """A two-column tab-separated data file as ``{first: second}`` (first wins)."""
    table: dict[str, str] = {}
    for line in data_lines(filename):
        key, _, value = line.partition("\t")
        table.setdefault(key.strip(), value.strip())
    return table


def optional_lines(filename: str) -> tuple[str, ...]:
    """:func:`data_lines` of a file, or ``()`` when the file is missing."""
    try:
        return data_lines(filename)
    except (FileNotFoundError, OSError):
        return ()


def lines_digest(*parts: tuple[str, ...] | list[str]) -> str:
    """A short digest of groups of lines (each group closed by a separator)."""
    digest = hashlib.sha256()
    for part in parts:
        for line in part:
            digest.update(line.encode("utf-8", "surrogatepass") + b"\n")
        digest.update(b"\x00")
    return digest.hexdigest()[:16]


@cache
def data_digest(filenames: tuple[str, ...]) -> str:
    """:func:`lines_digest` of these data files (missing files count as empty; cached:
    shipped files do not change while a process runs)."""
    return lines_digest(*(optional_lines(name) for name in filenames))
