"""Errors of registry files (private module; the classes are public as ``namematch.RegistryError``
and ``namematch.RegistryFormatError``, re-exported by :mod:`namematch.registry`)."""

from __future__ import annotations

import os

__all__ = ["RegistryError", "RegistryFormatError"]


class RegistryError(ValueError):
    """A registry file could not be read: ``path`` and ``line`` say where."""

    def __init__(self, message: str, path: str | os.PathLike[str] | None = None, line: int | None = None):
        where = ""
        if path is not None:
            where = f"{os.fspath(path)}"
            if line is not None:
                where += f":{line}"
            where += ": "
        super().__init__(where + message)
        self.path = None if path is None else os.fspath(path)
        self.line = line


class RegistryFormatError(RegistryError):
    """A saved index is not one this namematch version can read, or it is damaged."""
