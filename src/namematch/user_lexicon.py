"""A user's own name lists, layered over the shipped ones: :class:`UserLexicon`.

Four kinds of entry, read from plain TSV or CSV files the user points to
(:meth:`UserLexicon.read`) or given in code:

* **variant** groups: spellings that denote one name element (``Ioannis|Yannis|Giannis``).
  Two units whose forms share a user group compare as listed variants of one name
  (``"lexicon variant"``, similarity 0.95, as a shipped group does); the registry and the
  clustering also file the group as a retrieval key, so the spellings find each other.
* **honorific** and **title** words: dropped from the start and the end of a name before it
  is scored (as the shipped honorifics and titles are), and in running text they announce
  a name (:func:`namematch.find_mentions` with ``lexicon=``), never part of it.
* **stopword**: words that are never part of a person mention in running text.

**Precedence.** The user's entries are added to the shipped lists and win where the two
disagree: a user group joins spellings the shipped lexicon keeps apart as two names (its
discount on two different listed names does not apply), a user honorific or title is
dropped even where the shipped data reads the word as a name, and a user stop-word is
never a name even where the shipped lists know it as a given name. Entries cannot remove
shipped data (a shipped group cannot be split). A form the user lists both in a variant
group and as a honorific, title or stop-word is refused (a bad line).

A :class:`UserLexicon` is a frozen value owned by a :class:`~namematch.Scorer`
(``Scorer(lexicon=...)``, ``Registry(..., lexicon=...)``): nothing global changes, and two
scorers with different lexicons work side by side.

File format: one entry per line, ``kind`` then one or more forms, separated by tabs (a
``.tsv`` file or a line holding a tab) or commas (CSV quoting applies); a cell may also list
forms separated by ``|``. Blank lines and lines starting with ``#`` are skipped, and so is a
first line whose first cell is ``kind``. Kinds: ``variant``, ``honorific``, ``title``
(``role`` is read as ``title``) and ``stopword``. A bad line is a :class:`UserLexiconError`
naming the file and line.

>>> lex = UserLexicon(variants=[("Ioannis", "Yannis", "Giannis")], stopwords=("Rapporteur",))
>>> lex.same_group("yannis", "giannis"), lex.same_group("yannis", "john")
(True, False)
"""

from __future__ import annotations

import csv
import functools
import hashlib
import os
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Final

import attrs

from namematch._files import UndecodableError, decode
from namematch.lexicon import norm_form
from namematch.normalize import normalize

__all__ = ["KINDS", "UserLexicon", "UserLexiconError", "as_lexicon"]

#: The kinds of entry a lexicon file may hold, and the words read as each.
KINDS: Final = {
    "variant": "variant", "variants": "variant", "group": "variant",
    "honorific": "honorific", "honorifics": "honorific",
    "title": "title", "titles": "title", "role": "title", "roles": "title",
    "stopword": "stopword", "stopwords": "stopword", "stop": "stopword", "stop-word": "stopword",
}  # fmt: skip
_LINE_END: Final = re.compile(r"\r\n|\r|\n")


class UserLexiconError(ValueError):
    """A user lexicon file could not be read: ``path`` and ``line`` say where."""

    def __init__(self, message: str, path: str | os.PathLike[str] | None = None, line: int | None = None) -> None:
        where = "" if path is None else f"{os.fspath(path)}{'' if line is None else f':{line}'}: "
        super().__init__(where + message)
        self.path = None if path is None else os.fspath(path)
        self.line = line


def _form(text: object, what: str) -> str:
    if not isinstance(text, str):
        raise TypeError(f"{what} must be str, not {type(text).__name__}")
    return text.strip()


def _variant_key(form: str) -> str:
    """A variant form as name units are keyed (a unit's core: Latin lower-case, Arabic folded)."""
    return norm_form(form)


def _word_key(form: str) -> str:
    """A honorific, title or stop-word as name parts and text words are compared."""
    return normalize(form)


def _groups(value: Iterable[Iterable[str]] | None) -> tuple[tuple[str, ...], ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        raise TypeError("variants must be an iterable of groups (iterables of str), not a str")
    out = []
    for group in value:
        if isinstance(group, str):
            raise TypeError(f"a variant group must be an iterable of str, not the str {group!r}")
        forms = tuple(dict.fromkeys(k for k in (_variant_key(_form(f, "a variant form")) for f in group) if k))
        if len(forms) >= 2:
            out.append(forms)
    return tuple(out)


def _words(value: Iterable[str] | None) -> frozenset[str]:
    if value is None:
        return frozenset()
    if isinstance(value, str):
        raise TypeError("word lists must be iterables of str, not a str")
    return frozenset(k for k in (_word_key(_form(f, "a listed word")) for f in value) if k)


@attrs.frozen(slots=True)
class UserLexicon:
    """A user's variant groups, honorifics, titles and stop-words (see the module docstring)."""

    variants: tuple[tuple[str, ...], ...] = attrs.field(default=(), converter=_groups)
    honorifics: frozenset[str] = attrs.field(default=frozenset(), converter=_words)
    titles: frozenset[str] = attrs.field(default=frozenset(), converter=_words)
    stopwords: frozenset[str] = attrs.field(default=frozenset(), converter=_words)
    #: form -> ids of the user groups it is in (built from ``variants``)
    index: Mapping[str, tuple[int, ...]] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        index: dict[str, list[int]] = {}
        for gid, group in enumerate(self.variants):
            for form in group:
                index.setdefault(form, []).append(gid)
        object.__setattr__(self, "index", {k: tuple(v) for k, v in index.items()})
        clash = sorted(set(index) & (self.honorifics | self.titles | self.stopwords))
        if clash:
            raise ValueError(f"listed both in a variant group and as a honorific, title or stop-word: {clash}")

    # -- reading ----------------------------------------------------------------
    @classmethod
    def read(cls, *paths: str | os.PathLike[str]) -> UserLexicon:
        """The entries of one or more lexicon files (see the module docstring), merged."""
        out = cls()
        for path in paths:
            out = out | cls._read_one(path)
        return out

    @classmethod
    def _read_one(cls, path: str | os.PathLike[str]) -> UserLexicon:
        try:
            raw = Path(path).read_bytes()
        except OSError as exc:
            raise UserLexiconError(f"cannot read ({exc.strerror})", path) from exc
        try:
            text = decode(raw)  # the one decoding of namematch's inputs (UTF-16 with a BOM, else UTF-8)
        except UndecodableError as exc:
            raise UserLexiconError(str(exc), path, exc.line) from exc
        tsv = os.fspath(path).lower().endswith((".tsv", ".tab"))
        groups: list[list[str]] = []
        lists: dict[str, list[str]] = {"honorific": [], "title": [], "stopword": []}
        where: dict[str, tuple[int, str]] = {}
        for n, line in enumerate(_LINE_END.split(text), 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            try:
                cells = line.split("\t") if tsv or "\t" in line else next(csv.reader([line], strict=True))
            except csv.Error as exc:
                raise UserLexiconError(f"malformed CSV ({exc})", path, n) from exc
            cells = [c.strip() for c in cells]
            kind_word = cells[0].lower()
            if kind_word == "kind" and not groups and not any(lists.values()):
                continue  # a header line
            kind = KINDS.get(kind_word)
            if kind is None:
                raise UserLexiconError(
                    f"unknown kind {cells[0]!r} (expected one of: variant, honorific, title, stopword)", path, n)
            forms = [f.strip() for c in cells[1:] for f in c.split("|") if f.strip()]
            if not forms:
                raise UserLexiconError(f"a {kind} line lists no form", path, n)
            if kind == "variant":
                keys = list(dict.fromkeys(k for k in map(_variant_key, forms) if k))
                if len(keys) < 2:
                    raise UserLexiconError("a variant group needs two different spellings or more", path, n)
                for k in keys:
                    other = where.get(k)
                    if other is not None and other[1] != "variant":
                        raise UserLexiconError(
                            f"{k!r} is in a variant group and listed as a {other[1]} (line {other[0]})", path, n)
                    where.setdefault(k, (n, kind))
                groups.append(forms)
            else:
                for f in forms:
                    k = _word_key(f)
                    if not k:
                        raise UserLexiconError(f"{f!r} has no letters to compare", path, n)
                    other = where.get(k)
                    if other is not None and (other[1] == "variant") != (kind == "variant"):
                        raise UserLexiconError(
                            f"{f!r} is listed as a {kind} and in a variant group (line {other[0]})", path, n)
                    where.setdefault(k, (n, kind))
                lists[kind].extend(forms)
        return cls(groups, lists["honorific"], lists["title"], lists["stopword"])

    def __or__(self, other: UserLexicon) -> UserLexicon:
        """Both lexicons' entries (groups of both, the union of each list)."""
        if not isinstance(other, UserLexicon):
            return NotImplemented
        return UserLexicon(self.variants + other.variants, self.honorifics | other.honorifics,
                           self.titles | other.titles, self.stopwords | other.stopwords)

    def __bool__(self) -> bool:
        return bool(self.variants or self.honorifics or self.titles or self.stopwords)

    # -- values -----------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """The entries as plain data (JSON-ready, sorted); :meth:`from_dict` reads it back."""
        return {"variants": [list(g) for g in self.variants], "honorifics": sorted(self.honorifics),
                "titles": sorted(self.titles), "stopwords": sorted(self.stopwords)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> UserLexicon:
        """A lexicon from :meth:`to_dict`'s data."""
        if not isinstance(data, Mapping):
            raise TypeError(f"a user lexicon must be an object, not {type(data).__name__}")
        return cls(data.get("variants") or (), data.get("honorifics") or (), data.get("titles") or (),
                   data.get("stopwords") or ())

    @property
    def digest(self) -> str:
        """A short digest of the entries (saved indexes record it)."""
        text = repr(self.to_dict()).encode("utf-8", "surrogatepass")
        return hashlib.sha256(text).hexdigest()[:16]

    # -- look-ups ---------------------------------------------------------------
    def groups_of(self, form: str) -> tuple[int, ...]:
        """Ids of the user groups a unit form (a core, as :func:`namematch.lexicon` keys forms) is in."""
        gids = self.index.get(form)
        if gids is None:
            key = _variant_key(form) if form else ""
            gids = self.index.get(key, ()) if key else ()
        return gids

    def same_group(self, a: str, b: str) -> bool:
        """Whether two forms are in one user group."""
        ga = self.groups_of(a)
        return bool(ga) and not set(ga).isdisjoint(self.groups_of(b))

    @property
    def dropped(self) -> frozenset[str]:
        """Honorifics and titles: words dropped from the ends of a name before it is scored."""
        return self.honorifics | self.titles


def as_lexicon(value: object) -> UserLexicon | None:
    """A lexicon argument as a :class:`UserLexicon`: one, a file path, or a list of paths
    (read in order), or None (no user lexicon; an empty one counts as none)."""
    if value is None:
        return None
    if isinstance(value, UserLexicon):
        return value or None
    if isinstance(value, str | os.PathLike):
        return UserLexicon.read(value) or None
    if isinstance(value, list | tuple) and all(isinstance(p, str | os.PathLike) for p in value):
        return UserLexicon.read(*value) or None
    raise TypeError(f"lexicon must be a UserLexicon, a file path or a list of paths, not {type(value).__name__}")


@functools.lru_cache(maxsize=16)
def layered_words(lexicon: UserLexicon, base: Any) -> Any:
    """The linker's word lists (``namematch.link``'s frozen ``LinkWords``) with the user's
    honorifics (announce a name, never part of it), titles (announce a name) and stop-words
    (never part of a name, even where the shipped lists know the word as a given name) added:
    one value per lexicon and base, so the linker's caches keyed on it stay warm."""
    honorifics = base.honorifics | lexicon.honorifics
    return attrs.evolve(
        base,
        honorifics=honorifics,
        roles=(base.roles | lexicon.honorifics | lexicon.titles) - lexicon.stopwords,
        stops=base.stops | lexicon.stopwords,
        given=base.given - lexicon.stopwords - lexicon.dropped,
    )
