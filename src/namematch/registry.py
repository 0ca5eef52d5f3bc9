"""Person records and a registry that resolves name mentions to them (fifth stage).

>>> reg = Registry([
...     Person("q1", "Qassem Soleimani", aliases=("قاسم سليماني", "Ghasem Soleymani")),
...     Person("h1", "Sattar Hashemi", aliases=("سيد ستار هاشمي",)),
... ])
>>> reg.match("Kassem Suleimani").person.id
'q1'
>>> reg.match("Angela Merkel") is None
True

Retrieval goes through an inverted index on the cross-script keys of every
alias (never a scan of the registry); the final ranking uses the full scorer.
:meth:`Registry.save` writes the built index to SQLite so a large registry
opens in seconds with :meth:`Registry.load`.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import json
import os
import sqlite3
import sys
import tempfile
import threading
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import Any, Final, TextIO, TypeVar

import attrs

from namematch import _decide
from namematch._index import (
    NameKeys,
    add_postings,
    append_grown,
    check_workers,
    keys_fingerprint,
    name_keys,
    rank_name,
)
from namematch.normalize import _check_str
from namematch.score import Explanation, Scorer, _candidate_terms

__all__ = [
    "INDEX_FORMAT_VERSION",
    "Candidate",
    "LoadReport",
    "Person",
    "Registry",
    "RegistryError",
    "RegistryFormatError",
]

#: Version of the saved index layout; a file of another version is refused.
INDEX_FORMAT_VERSION: Final = 5  # 3: spelling (w:) keys, pair keys grouped per unit pair; 4: other-script units keyed through a transliteration; 5: a glued Latin article's name keyed too (Alsayed)

_RETRIEVE: Final = 15  # aliases scored in full per query (dev data: 10 to 200 decide alike; 100k synthetic: fewer is faster and no worse)
_POSTING: Final = "i"  # posting lists: ascending alias ids, int32 (little-endian on disk)
_CACHED_POSTINGS: Final = 2048  # decoded posting lists a disk-backed registry keeps
_T = TypeVar("_T")


def _ids(data: bytes = b"") -> array:
    """A posting list decoded from its little-endian bytes on disk."""
    out = array(_POSTING)
    out.frombytes(data)
    if sys.byteorder != "little":  # pragma: no cover - big-endian hosts
        out.byteswap()
    return out


def _le_bytes(ids: array) -> bytes:
    if sys.byteorder != "little":  # pragma: no cover - big-endian hosts
        ids = array(ids.typecode, ids)
        ids.byteswap()
    return ids.tobytes()


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
    """A saved index is not one this namematch version can read."""


def _freeze_attributes(value: Mapping[str, Any] | None) -> Mapping[str, Any]:
    if value is None:
        return MappingProxyType({})
    if not isinstance(value, Mapping):
        raise TypeError(f"attributes must be a mapping, not {type(value).__name__}")
    return MappingProxyType(dict(value))


def _aliases(value: Iterable[str] | str | None) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        raise TypeError("aliases must be a sequence of str, not a str")
    out = []
    for alias in value:
        if not isinstance(alias, str):
            raise TypeError(f"aliases must hold str, not {type(alias).__name__}")
        if alias.strip():
            out.append(alias)
    return tuple(dict.fromkeys(out))


def _non_empty(_inst: Any, attribute: attrs.Attribute, value: object) -> None:
    if not isinstance(value, str):
        raise TypeError(f"Person.{attribute.name} must be str, not {type(value).__name__}")
    if not value.strip():
        raise ValueError(f"Person.{attribute.name} must not be empty")


@attrs.frozen(slots=True)
class Person:
    """A canonical person record: an id, a canonical name and aliases in any script.

    >>> p = Person("ir-1", "Masoud Pezeshkian", aliases=["مسعود پزشکیان"], attributes={"country": "IR"})
    >>> Person.from_dict(p.to_dict()) == p
    True
    """

    id: str = attrs.field(validator=_non_empty)
    name: str = attrs.field(validator=_non_empty)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_aliases)
    attributes: Mapping[str, Any] = attrs.field(
        factory=dict, converter=_freeze_attributes, hash=False, eq=attrs.cmp_using(eq=lambda a, b: dict(a) == dict(b))
    )

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical name followed by the aliases (no duplicates)."""
        return tuple(dict.fromkeys((self.name, *self.aliases)))

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "aliases": list(self.aliases), "attributes": dict(self.attributes)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Person:
        """Build a person from a dict; raises ValueError/TypeError naming what is wrong."""
        if not isinstance(data, Mapping):
            raise TypeError(f"a person record must be an object, not {type(data).__name__}")
        missing = [k for k in ("id", "name") if k not in data]
        if missing:
            raise ValueError(f"missing field(s): {', '.join(missing)}")
        pid = data["id"]
        if isinstance(pid, int) and not isinstance(pid, bool):
            pid = str(pid)
        return cls(pid, data["name"], data.get("aliases") or (), data.get("attributes") or {})


@attrs.frozen(slots=True)
class Candidate:
    """A registry person proposed for a mention, with the alias that matched best.

    ``score`` is always the pair score of mention and alias (:func:`namematch.score`: the
    probability that the two names denote one person, for pairs half of which are one
    person). ``chance`` is set on the candidate :meth:`Registry.match` returns: the
    candidate model's probability that this person is the one the mention means, weighed
    among the persons the registry retrieved for it (mostly namesakes and relatives);
    ``Registry.match_threshold`` and ``margin`` are on that scale."""

    person: Person
    score: float
    alias: str
    mention: str = ""
    chance: float | None = None

    def explain(self) -> Explanation:
        """Why the mention matched this alias (see :func:`namematch.explain`)."""
        from namematch.score import explain

        return explain(self.mention, self.alias)


@attrs.frozen(slots=True)
class LoadReport:
    """What loading a file did: records loaded, lines skipped and why."""

    path: str
    loaded: int
    skipped: int
    errors: tuple[tuple[int, str], ...] = ()


@contextlib.contextmanager
def _replacing(path: str | os.PathLike[str]) -> Iterator[Path]:
    """A temporary path in ``path``'s folder to write the new file at: when the block
    ends, the file is flushed to disk and renamed over ``path`` (atomic), or removed
    if the block raised, so ``path`` holds the old file or the whole new one."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _atomic_write(path: str | os.PathLike[str], write: Any, *, binary: bool = False) -> None:
    """Write through a temporary file in the same folder, then rename over ``path``."""
    with _replacing(path) as tmp:
        with open(tmp, "wb" if binary else "w", **({} if binary else {"encoding": "utf-8", "newline": ""})) as fh:
            write(fh)


def _decode_lines(path: str | os.PathLike[str]) -> Iterator[tuple[int, str | None, str]]:
    """Yield (line number, text or None when undecodable, error) for a UTF-8/UTF-16 file."""
    raw = Path(path).read_bytes()
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise RegistryError(f"not valid UTF-16: {exc}", path) from exc
        for n, line in enumerate(text.splitlines(), 1):
            yield n, line, ""
        return
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    if b"\x00" in raw[:4096]:
        raise RegistryError("binary file (NUL bytes), not UTF-8 text", path)
    for n, line in enumerate(raw.split(b"\n"), 1):
        try:
            yield n, line.decode("utf-8").rstrip("\r"), ""
        except UnicodeDecodeError as exc:
            yield n, None, f"not valid UTF-8 ({exc.reason} at byte {exc.start})"


class _Store:
    """Alias texts and postings of a saved index, read from SQLite on demand."""

    def __init__(self, path: str):
        self.path = path
        self._local = threading.local()
        self._cache: dict[str, array] = {}
        self._units: array | None = None
        self._count: int | None = None
        self._alias_count: int | None = None
        con = self._con()
        try:
            version = con.execute("SELECT value FROM meta WHERE key='format'").fetchone()
        except sqlite3.DatabaseError as exc:
            raise RegistryFormatError(f"not a namematch index: {exc}", path) from exc
        if version is None or str(version[0]) != str(INDEX_FORMAT_VERSION):
            found = None if version is None else version[0]
            raise RegistryFormatError(
                f"index format {found} is not supported (this namematch reads format {INDEX_FORMAT_VERSION}); "
                "rebuild it with Registry.save()",
                path,
            )
        built_with = con.execute("SELECT value FROM meta WHERE key='name_data'").fetchone()
        if built_with is None or built_with[0] != keys_fingerprint():
            # retrieval keys name lexicon groups by position: other data finds other aliases
            raise RegistryFormatError(
                "index was built with other name data (lexicon, particles or transliteration model of "
                "another namematch release); rebuild it with Registry.save()",
                path,
            )

    def _con(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None:
            con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._local.con = con
        return con

    def postings(self, key: str) -> array:
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        row = self._con().execute("SELECT ids FROM postings WHERE key=?", (key,)).fetchone()
        out = _ids(b"" if row is None else row[0])
        if len(self._cache) >= _CACHED_POSTINGS:
            self._cache.clear()
        self._cache[key] = out  # read-only once published; a lost race only costs a re-read
        return out

    def unit_counts(self) -> array:
        """Keyed name units of every alias, by alias id (read once)."""
        counts = self._units
        if counts is None:
            row = self._con().execute("SELECT data FROM alias_units").fetchone()
            counts = self._units = array("B", row[0])
        return counts

    def _rows(self, sql: str, ids: list[int]) -> Iterator[tuple[Any, ...]]:
        """Rows of ``sql`` (with one ``{marks}`` placeholder list) for ids, 500 per query."""
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            yield from self._con().execute(sql.format(marks=",".join("?" * len(chunk))), chunk)

    def aliases(self, aids: list[int]) -> dict[int, tuple[int, str]]:
        """(person index, text) of each alias id."""
        rows = self._rows("SELECT aid, pidx, text FROM aliases WHERE aid IN ({marks})", aids)
        return {int(aid): (int(pidx), text) for aid, pidx, text in rows}

    def person(self, pidx: int) -> Person:
        row = self._con().execute("SELECT json FROM persons WHERE pidx=?", (pidx,)).fetchone()
        return Person.from_dict(json.loads(row[0]))

    def persons(self, pidxs: list[int]) -> dict[int, Person]:
        """The persons at these indices."""
        rows = self._rows("SELECT pidx, json FROM persons WHERE pidx IN ({marks})", pidxs)
        return {int(pidx): Person.from_dict(json.loads(js)) for pidx, js in rows}

    def person_index(self, pid: str) -> int | None:
        row = self._con().execute("SELECT pidx FROM persons WHERE id=?", (pid,)).fetchone()
        return None if row is None else int(row[0])

    def count(self) -> int:
        if self._count is None:  # the file is read-only: count once
            self._count = int(self._con().execute("SELECT COUNT(*) FROM persons").fetchone()[0])
        return self._count

    def alias_count(self) -> int:
        if self._alias_count is None:
            self._alias_count = int(self._con().execute("SELECT COALESCE(MAX(aid) + 1, 0) FROM aliases").fetchone()[0])
        return self._alias_count

    def all_persons(self) -> Iterator[Person]:
        for (js,) in self._con().execute("SELECT json FROM persons ORDER BY pidx"):
            yield Person.from_dict(json.loads(js))


class Registry:
    """A set of :class:`Person` records that resolves name mentions to them.

    Thread safety: any number of threads may call :meth:`resolve`/:meth:`match`
    while another adds or removes persons; each query sees the registry either
    before or after a concurrent change (mutations hold a lock and publish new
    index entries only once complete).
    """

    def __init__(
        self,
        persons: Iterable[Person] = (),
        *,
        scorer: Scorer | None = None,
        match_threshold: float = _decide.MATCH_THRESHOLD,
        margin: float = _decide.MARGIN,
        workers: int = 1,
    ) -> None:
        """Build a registry of ``persons``; ``workers`` > 1 computes the names'
        retrieval keys in that many processes (same index, built faster on
        several cores; worth it from about 100k persons)."""
        check_workers(workers)
        self.scorer = scorer or Scorer()
        #: :meth:`match` accepts the best candidate only if its score reaches this (see ``namematch._decide``).
        self.match_threshold = _decide.check_threshold(match_threshold)
        #: ... and only if it leads the best differently-named rival by this much in log-odds (0: no rival check).
        self.margin = _decide.check_margin(margin)
        self._lock = threading.RLock()
        self._persons: list[Person | None] = []
        self._by_id: dict[str, int] = {}
        self._aliases: list[tuple[int, str]] = []  # alias id -> (person index, text)
        self._units = array("B")  # alias id -> number of keyed name units (ranking tie-break)
        self._postings: dict[str, array] = {}  # key -> ascending alias ids
        self._visible = 0  # aliases published to readers (ids at or above are being added)
        self._store: _Store | None = None
        self.load_report: LoadReport | None = None
        if workers == 1:
            for p in persons:
                self.add(p)
        else:
            self._add_parallel(persons, workers)

    # -- records ---------------------------------------------------------
    def _materialize(self) -> None:
        """Read a disk-backed registry fully into memory (before a change)."""
        store = self._store
        if store is None:
            return
        persons = list(store.all_persons())
        self._store = None
        self._persons, self._by_id, self._aliases, self._postings = [], {}, [], {}
        self._units, self._visible = array("B"), 0
        for p in persons:
            self._add(p)

    def add(self, person: Person, *, replace: bool = False) -> None:
        """Add a person; a duplicate id raises ValueError unless ``replace``."""
        self._insert(person, replace, None)

    def _insert(self, person: Person, replace: bool, nks: list[NameKeys] | None) -> None:
        if not isinstance(person, Person):
            raise TypeError(f"person must be a Person, not {type(person).__name__}")
        with self._lock:
            self._materialize()
            if person.id in self._by_id:
                if not replace:
                    raise ValueError(f"duplicate person id {person.id!r}")
                self._remove(person.id)
            self._add(person, nks)

    def _add_parallel(self, persons: Iterable[Person], workers: int) -> None:
        """:meth:`add` each person in order, the keys of their names computed by a process pool."""
        import multiprocessing
        from collections import deque

        pending: deque[list[Person]] = deque()

        def name_batches() -> Iterator[list[tuple[str, ...]]]:
            batch: list[Person] = []
            for p in persons:
                batch.append(p)
                if len(batch) == 2000:
                    pending.append(batch)
                    yield [q.names if isinstance(q, Person) else () for q in batch]
                    batch = []
            if batch:
                pending.append(batch)
                yield [q.names if isinstance(q, Person) else () for q in batch]

        methods = multiprocessing.get_all_start_methods()
        ctx = multiprocessing.get_context("fork" if "fork" in methods else None)
        with ctx.Pool(workers) as pool:
            for keyed in pool.imap(_names_keys, name_batches()):
                for person, nks in zip(pending.popleft(), keyed, strict=True):
                    self._insert(person, False, nks)

    def _add(self, person: Person, nks: list[NameKeys] | None = None) -> None:
        """Index a person's names (the lock is held).

        Posting lists grow in place (amortised O(1) per entry, so a bulk build
        is linear); readers ignore alias ids at or above ``_visible``, which is
        raised only once the person is complete, so a query sees the person
        entirely or not at all.
        """
        pidx = len(self._persons)
        self._persons.append(person)
        postings = self._postings
        if nks is None:
            nks = [name_keys(text) for text in person.names]
        for text, nk in zip(person.names, nks, strict=True):
            aid = len(self._aliases)
            self._aliases.append((pidx, text))
            self._units = append_grown(self._units, nk.unit_count)
            add_postings(postings, nk.all(), aid, _POSTING)
        self._by_id[person.id] = pidx
        self._visible = len(self._aliases)

    def remove(self, person_id: str) -> Person:
        """Remove and return the person with this id (KeyError if absent)."""
        with self._lock:
            self._materialize()
            return self._remove(person_id)

    def _remove(self, person_id: str) -> Person:
        pidx = self._by_id.pop(person_id)
        person = self._persons[pidx]
        assert person is not None
        self._persons[pidx] = None  # alias ids stay stable; postings of a removed person are skipped
        return person

    def get(self, person_id: str) -> Person | None:
        """The person with this id, or None."""
        if self._store is not None:
            pidx = self._store.person_index(person_id)
            return None if pidx is None else self._store.person(pidx)
        pidx = self._by_id.get(person_id)
        return None if pidx is None else self._persons[pidx]

    def __len__(self) -> int:
        if self._store is not None:
            return self._store.count()
        return len(self._by_id)

    def __iter__(self) -> Iterator[Person]:
        if self._store is not None:
            yield from self._store.all_persons()
            return
        for p in list(self._persons):
            if p is not None:
                yield p

    def __contains__(self, person_id: object) -> bool:
        return isinstance(person_id, str) and self.get(person_id) is not None

    # -- resolution ------------------------------------------------------
    def retrieve(self, mention: str, limit: int = _RETRIEVE) -> list[int]:
        """Alias ids that share retrieval keys with the mention, best first (see :func:`rank_name`)."""
        return self._rank(name_keys(mention), limit)

    def _rank(self, query: NameKeys, limit: int) -> list[int]:
        store = self._store
        if store is not None:
            return rank_name(query, store.postings, max(store.alias_count(), 1), limit=limit,
                             unit_counts=store.unit_counts())
        visible = self._visible
        snapshot, units, empty = self._postings, self._units, array(_POSTING)

        def post(k: str) -> array:
            return snapshot.get(k, empty)

        return rank_name(query, post, max(visible, 1), limit=limit, visible=visible, unit_counts=units)

    def _retrieved(self, mention: str) -> Iterator[tuple[int, Person | None, str]]:
        """(person index, person or None if removed, alias text) of the retrieved aliases, best first."""
        aids = self.retrieve(mention)
        store = self._store
        if store is None:
            for aid in aids:
                pidx, text = self._aliases[aid]
                yield pidx, self._persons[pidx], text
            return
        rows = store.aliases(aids) if aids else {}
        persons = store.persons(sorted({pidx for pidx, _text in rows.values()}))
        for aid in aids:
            pidx, text = rows[aid]
            yield pidx, persons[pidx], text

    def resolve(self, mention: str, limit: int = 5, threshold: float | None = None) -> list[Candidate]:
        """Ranked candidates for a mention (best first, one per person).

        Every alias of every person is considered through the key index. With
        ``threshold`` only candidates scoring at least that much are returned.
        """
        _check_str(mention, "mention")
        if not isinstance(limit, int) or limit < 1:
            raise ValueError(f"limit must be a positive int, got {limit!r}")
        model = (self.scorer.model_weights, self.scorer.model_intercept)
        out = []
        for (s,), text, person in self._ranked(mention, (model,)):
            if threshold is not None and s < threshold:
                break
            out.append(Candidate(person, s, text, mention))
            if len(out) >= limit:
                break
        return out

    def _ranked(
        self, mention: str, models: Sequence[tuple[Sequence[float], float]]
    ) -> list[tuple[tuple[float, ...], str, Person]]:
        """Every retrieved person whose best alias has a positive value under the first of
        ``models`` (the pair score), once, with that alias's values under all of them (one
        alignment each: :meth:`Scorer._values`), ranked by that value, then person id.
        A person's best alias: highest first value, then text."""
        values = self.scorer._values
        best: dict[int, tuple[tuple[float, ...], str, Person]] = {}
        for pidx, person, text in self._retrieved(mention):
            if person is None:
                continue
            v = values(mention, text, models)
            cur = best.get(pidx)
            if cur is None or v[0] > cur[0][0] or (v[0] == cur[0][0] and text < cur[1]):
                best[pidx] = (v, text, person)
        return sorted((x for x in best.values() if x[0][0] > 0.0), key=lambda x: (-x[0][0], x[2].id))

    def match(self, mention: str, threshold: float | None = None, *, margin: float | None = None) -> Candidate | None:
        """The person the mention refers to, or None when the registry holds no such person.

        The best candidates of :meth:`resolve` are weighed again by the candidate
        model (:func:`namematch.score._candidate_terms`: the pair score's features,
        fitted on names and the neighbours retrieval finds for them, mostly namesakes
        and relatives) and ranked by it. Decision rule (``namematch._decide``): the
        best is returned, with that chance as its score, only if it reaches
        ``threshold`` (default :attr:`match_threshold`) and leads the best rival, a
        person whose matched alias is a different name, by ``margin`` in log-odds
        (default :attr:`margin`). A mention of a third member of a family whose two
        relatives are in the registry thus gets None rather than the closer relative.
        """
        thr = self.match_threshold if threshold is None else _decide.check_threshold(threshold, "threshold")
        mar = self.margin if margin is None else _decide.check_margin(margin)
        return self._decided(mention, thr, mar, *_candidate_terms())

    def _decided(
        self, mention: str, threshold: float, margin: float, weights: tuple[float, ...], intercept: float
    ) -> Candidate | None:
        """:meth:`match` with the candidates weighed by ``weights`` and ``intercept``
        (``tools/fit_candidate_model.py`` tries models fitted on part of the persons)."""
        _check_str(mention, "mention")
        value = self.scorer._value

        def chance(a: str, b: str) -> float:
            return value(a, b, weights, intercept)

        models = ((self.scorer.model_weights, self.scorer.model_intercept), (weights, intercept))
        ranked = self._ranked(mention, models)[: _decide.RIVALS]
        found = [Candidate(person, pair, text, mention, chance_of) for (pair, chance_of), text, person in ranked]
        found.sort(key=lambda c: (-(c.chance or 0.0), c.person.id))
        return _decide.decide(found, threshold, margin, chance)

    def resolve_many(
        self, mentions: Iterable[str], limit: int = 5, threshold: float | None = None, *, progress: bool = False
    ) -> list[list[Candidate]]:
        """:meth:`resolve` for each mention, in order; ``progress`` draws a bar on stderr."""
        return _each(mentions, lambda m: self.resolve(m, limit=limit, threshold=threshold), progress)

    def match_many(
        self,
        mentions: Iterable[str],
        threshold: float | None = None,
        *,
        margin: float | None = None,
        progress: bool = False,
    ) -> list[Candidate | None]:
        """:meth:`match` for each mention, in order; ``progress`` draws a bar on stderr."""
        thr = self.match_threshold if threshold is None else _decide.check_threshold(threshold, "threshold")
        mar = self.margin if margin is None else _decide.check_margin(margin)
        return _each(mentions, lambda m: self.match(m, thr, margin=mar), progress)

    # -- files -----------------------------------------------------------
    def _add_record(
        self,
        make: Any,
        path: str | os.PathLike[str],
        line: int,
        errors: str,
        skipped: list[tuple[int, str]],
    ) -> int:
        """Add the person ``make()`` builds from one file record; 1 if added, else 0.

        A bad record (or a duplicate id, which :meth:`add` refuses) raises
        :class:`RegistryError` naming file and line, or with ``errors="skip"``
        is recorded in ``skipped``.
        """
        try:
            self.add(make())
            return 1
        except (ValueError, TypeError) as exc:
            if errors == "raise":
                raise RegistryError(str(exc), path, line) from exc
            skipped.append((line, str(exc)))
            return 0

    @classmethod
    def from_jsonl(cls, path: str | os.PathLike[str], *, errors: str = "raise", scorer: Scorer | None = None) -> Registry:
        """Load persons from a JSON-lines file (one :meth:`Person.to_dict` object per line).

        Bad lines (broken JSON, missing fields, duplicate ids, undecodable
        bytes) raise :class:`RegistryError` with the file and line number, or
        with ``errors="skip"`` are skipped and counted in ``load_report``.
        """
        _check_errors(errors)
        reg = cls(scorer=scorer)
        skipped: list[tuple[int, str]] = []
        loaded = 0
        for n, line, problem in _decode_lines(path):
            if line is not None and not line.strip():
                continue

            def person_of_line(line: str | None = line, problem: str = problem) -> Person:
                if line is None:
                    raise ValueError(problem)
                try:
                    data = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise ValueError(f"broken JSON: {exc.msg} (column {exc.colno})") from exc
                return Person.from_dict(data)

            loaded += reg._add_record(person_of_line, path, n, errors, skipped)
        reg.load_report = LoadReport(os.fspath(path), loaded, len(skipped), tuple(skipped))
        return reg

    @classmethod
    def from_csv(cls, path: str | os.PathLike[str], *, errors: str = "raise", scorer: Scorer | None = None,
                 alias_separator: str = "|") -> Registry:
        """Load persons from CSV with columns ``id``, ``name``, optional ``aliases``
        (split on ``|``); every other column becomes an attribute."""
        _check_errors(errors)
        text_lines = []
        for n, line, problem in _decode_lines(path):
            if line is None:
                if errors == "raise":
                    raise RegistryError(problem, path, n)
                text_lines.append((n, None, problem))
            else:
                text_lines.append((n, line, ""))
        reg = cls(scorer=scorer)
        skipped: list[tuple[int, str]] = []
        good = [line for _, line, _ in text_lines if line is not None]
        numbers = [n for n, line, _ in text_lines if line is not None]
        skipped.extend((n, p) for n, line, p in text_lines if line is None)
        reader = csv.reader(io.StringIO("\n".join(good)), strict=True)
        try:
            header = next(reader)
        except StopIteration:
            reg.load_report = LoadReport(os.fspath(path), 0, len(skipped), tuple(skipped))
            return reg
        header = [h.strip() for h in header]
        if "id" not in header or "name" not in header:
            raise RegistryError("CSV header must have 'id' and 'name' columns", path, numbers[0] if numbers else 1)
        loaded = 0
        rows = iter(reader)
        while True:
            start_line = numbers[min(reader.line_num, len(numbers) - 1)]
            try:
                row = next(rows)
            except StopIteration:
                break
            except csv.Error as exc:
                # a broken quote swallows the rest of the file: never drop it silently
                raise RegistryError(f"malformed CSV: {exc}", path, start_line) from exc
            n = start_line
            if not any(cell.strip() for cell in row):
                continue

            def person_of_row(row: list[str] = row) -> Person:
                if len(row) != len(header):
                    raise ValueError(f"expected {len(header)} columns, found {len(row)}")
                rec = dict(zip(header, row, strict=True))
                aliases = [a.strip() for a in rec.pop("aliases", "").split(alias_separator) if a.strip()]
                pid, name = rec.pop("id").strip(), rec.pop("name").strip()
                return Person(pid, name, aliases, {k: v for k, v in rec.items() if v != ""})

            loaded += reg._add_record(person_of_row, path, n, errors, skipped)
        reg.load_report = LoadReport(os.fspath(path), loaded, len(skipped), tuple(sorted(skipped)))
        return reg

    def to_jsonl(self, path: str | os.PathLike[str]) -> None:
        """Write the persons as JSON lines, atomically (temporary file + rename)."""
        persons = list(self)

        def write(fh: TextIO) -> None:
            for p in persons:
                fh.write(json.dumps(p.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")

        _atomic_write(path, write)

    def save(self, path: str | os.PathLike[str]) -> None:
        """Save persons, aliases and the built key index to SQLite, atomically.

        The output is deterministic for the same persons added in the same order.
        """
        with self._lock:
            self._materialize()
            with _replacing(path) as tmp:
                con = sqlite3.connect(tmp)
                try:
                    con.execute("PRAGMA journal_mode=OFF")
                    con.execute("PRAGMA synchronous=OFF")  # the whole file is flushed before the rename
                    self._write_index(con)
                    con.commit()
                finally:
                    con.close()

    def _write_index(self, con: sqlite3.Connection) -> None:
        """Write the index tables: persons and aliases renumbered densely (removed
        persons skipped), alias unit counts, postings as little-endian int32."""
        from namematch import __version__

        con.executescript(
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);"
            "CREATE TABLE persons (pidx INTEGER PRIMARY KEY, id TEXT UNIQUE, json TEXT);"
            "CREATE TABLE aliases (aid INTEGER PRIMARY KEY, pidx INTEGER, text TEXT);"
            "CREATE TABLE alias_units (data BLOB);"
            "CREATE TABLE postings (key TEXT PRIMARY KEY, ids BLOB);"
        )
        con.executemany("INSERT INTO meta VALUES (?, ?)", [
            ("format", str(INDEX_FORMAT_VERSION)), ("namematch", __version__), ("name_data", keys_fingerprint())])
        new_pidx: dict[int, int] = {}
        for old, p in enumerate(self._persons):
            if p is not None:
                new_pidx[old] = len(new_pidx)
        con.executemany("INSERT INTO persons VALUES (?, ?, ?)", (
            (new_pidx[old], p.id, json.dumps(p.to_dict(), ensure_ascii=False, sort_keys=True))
            for old, p in enumerate(self._persons) if p is not None))
        kept = [aid for aid, (pidx, _text) in enumerate(self._aliases) if pidx in new_pidx]
        con.executemany("INSERT INTO aliases VALUES (?, ?, ?)", (
            (new, new_pidx[self._aliases[aid][0]], self._aliases[aid][1]) for new, aid in enumerate(kept)))
        con.execute("INSERT INTO alias_units VALUES (?)", (array("B", (self._units[a] for a in kept)).tobytes(),))
        if len(kept) == len(self._aliases):  # nothing removed: alias ids are already dense

            def renumber(ids: array) -> array:
                return ids
        else:
            new_aid = {aid: new for new, aid in enumerate(kept)}

            def renumber(ids: array) -> array:
                return array(_POSTING, (new_aid[a] for a in ids if a in new_aid))

        def posting_rows() -> Iterator[tuple[str, bytes]]:
            for key in sorted(self._postings):
                ids = renumber(self._postings[key])
                if ids:
                    yield key, _le_bytes(ids)

        con.executemany("INSERT INTO postings VALUES (?, ?)", posting_rows())

    @classmethod
    def load(cls, path: str | os.PathLike[str], *, scorer: Scorer | None = None) -> Registry:
        """Open an index written by :meth:`save`. Postings and records are read
        from disk on demand, so opening is fast whatever the size; a change
        (``add``/``remove``) first reads the whole registry into memory."""
        p = Path(path)
        if not p.is_file():
            raise RegistryError("no such index file", path)
        with open(p, "rb") as fh:
            if fh.read(16) != b"SQLite format 3\x00":
                raise RegistryFormatError("not a namematch index (not an SQLite file)", path)
        reg = cls(scorer=scorer)
        reg._store = _Store(os.fspath(p))
        return reg


def _names_keys(batch: list[tuple[str, ...]]) -> list[list[NameKeys]]:
    """Retrieval keys of each person's names (a process-pool task; NameKeys pickle)."""
    return [[name_keys(text) for text in names] for names in batch]


def _check_errors(errors: str) -> None:
    if errors not in ("raise", "skip"):
        raise ValueError(f"errors must be 'raise' or 'skip', got {errors!r}")


def _each(mentions: Iterable[str], func: Callable[[str], _T], progress: bool) -> list[_T]:
    """``func`` of each mention, in order; ``progress`` draws a bar on stderr."""
    items = list(mentions)
    bar = _Progress(len(items)) if progress else None
    out = []
    for m in items:
        out.append(func(m))
        if bar:
            bar.step()
    if bar:
        bar.close()
    return out


class _Progress:
    """A minimal progress bar on stderr, drawn only when stderr is a terminal."""

    def __init__(self, total: int) -> None:
        self.total, self.done = total, 0
        self.enabled = sys.stderr.isatty()

    def step(self) -> None:
        self.done += 1
        if self.enabled and (self.done % 100 == 0 or self.done == self.total):
            sys.stderr.write(f"\r{self.done}/{self.total}")
            sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            sys.stderr.write("\n")
