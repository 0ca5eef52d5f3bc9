"""The saved index: SQLite tables written by ``Registry.save``, read by ``Registry.load`` (private).

Layout (:data:`INDEX_FORMAT_VERSION`): ``meta`` (format, namematch version,
digest of the name data, counts), ``persons`` (dense index, id, JSON record),
``aliases`` (dense alias id, person index, text), ``alias_units`` (one byte per
alias: its keyed name units) and ``postings`` (key, ascending alias ids as
little-endian int32).

Opening checks, before any answer is given:

1. the path is opened exactly as given (the SQLite URI is percent-encoded, so
   ``?``, ``#`` and ``%`` in a file name are part of the name), read-only and
   ``immutable`` (no locks, no journal, no memory map);
2. the schema is namematch's own, table by table and statement by statement: a
   view, trigger, index, virtual or extra table, or a table declared otherwise
   (generated columns, other types) is refused before any table is read;
3. the format version and the name data the keys were built with;
4. a checksum of the whole file (the first 64 bits of its SHA-256, written into the SQLite
   header's ``application_id`` and ``user_version`` fields when saving): a
   flipped byte, a deleted row, a renamed table, anything edited after the save
   is refused;
5. the counts agree (dense person and alias numbers, one unit count per alias).

Records read later are still checked as they are decoded (posting lists
ascending and in range, alias rows present, person records valid), so even a
file forged with a correct checksum gives :class:`RegistryFormatError`, never a
raw ``sqlite3``, ``KeyError``, ``IndexError`` or JSON error.

The connection is opened once and shared by all threads (reads are serialised
by a lock): the registry reads the file it opened for as long as it lives, even
after another process replaces the path (the old file's data stays reachable
through the open descriptor until the registry is dropped).
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
import sys
import threading
import urllib.parse
from array import array
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, Final

import numpy as np

from namematch._errors import RegistryError, RegistryFormatError

__all__ = ["INDEX_FORMAT_VERSION", "IndexFile", "decode_ids", "le_bytes", "write_index"]

#: Version of the saved index layout; a file of another version is refused.
INDEX_FORMAT_VERSION: Final = 7  # 3: spelling (w:) keys, pair keys grouped per unit pair; 4: other-script units keyed through a transliteration; 5: a glued Latin article's name keyed too (Alsayed); 6: whole-file checksum in the header, counts in meta; 7: a name's last two Latin units keyed as one word too (glued compounds)

POSTING: Final = "i"  # posting lists: ascending alias ids, int32 (little-endian on disk)
_CACHED_POSTINGS: Final = 2048  # decoded posting lists an open index keeps
_CHUNK: Final = 500  # ids per ``IN (...)`` query
_MAGIC: Final = b"SQLite format 3\x00"
# SQLite's defences for files from elsewhere: no SQL functions from the schema, page
# checks, no memory map (a file truncated under a map would crash the process), no writes
_PRAGMAS: Final = ("PRAGMA trusted_schema=OFF", "PRAGMA cell_size_check=ON", "PRAGMA mmap_size=0",
                   "PRAGMA query_only=ON")
# what reading a damaged file can raise: SQLite's errors, and text that is not UTF-8
_READ_ERRORS: Final = (sqlite3.Error, UnicodeDecodeError)

#: The tables, exactly as :func:`write_index` creates them (the schema check compares these statements).
TABLES: Final = {
    "meta": "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)",
    "persons": "CREATE TABLE persons (pidx INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL, json TEXT NOT NULL)",
    "aliases": "CREATE TABLE aliases (aid INTEGER PRIMARY KEY, pidx INTEGER NOT NULL, text TEXT NOT NULL)",
    "alias_units": "CREATE TABLE alias_units (data BLOB NOT NULL)",
    "postings": "CREATE TABLE postings (key TEXT PRIMARY KEY, ids BLOB NOT NULL)",
}
#: sqlite_master as :func:`write_index` leaves it: (type, name, table, sql).
_SCHEMA: Final = frozenset(
    {("table", name, name, sql) for name, sql in TABLES.items()}
    | {("index", f"sqlite_autoindex_{name}_1", name, None) for name in ("meta", "persons", "postings")}
)
# header fields SQLite rewrites after the checksum is taken (change counter, checksum
# itself in user_version and application_id, version-valid-for and SQLite version)
_UNHASHED: Final = ((24, 28), (60, 64), (68, 72), (92, 100))

def decode_ids(data: bytes = b"") -> array[int]:
    """A posting list decoded from its little-endian bytes on disk."""
    out = array(POSTING)
    out.frombytes(data)
    if sys.byteorder != "little":  # pragma: no cover - big-endian hosts
        out.byteswap()
    return out


def le_bytes(ids: array[int]) -> bytes:
    """A posting list as little-endian bytes (the on-disk form)."""
    if sys.byteorder != "little":  # pragma: no cover - big-endian hosts
        ids = array(ids.typecode, ids)
        ids.byteswap()
    return ids.tobytes()


# -- checksum -------------------------------------------------------------------------
def file_checksum(fh: Any) -> bytes:
    """The first 8 bytes of the SHA-256 of an index file (an open binary file, read
    from its start), the header fields that SQLite rewrites after the save (and the
    checksum's own fields) counted as zeros."""
    fh.seek(0)
    first = bytearray(fh.read(100))
    for start, end in _UNHASHED:
        first[start:end] = bytes(end - start)
    digest = hashlib.sha256(first)
    buffer = bytearray(1 << 22)
    view = memoryview(buffer)
    while size := fh.readinto(buffer):
        digest.update(view[:size])
    return digest.digest()[:8]


def _stored_checksum(header: bytes) -> bytes:
    return header[68:72] + header[60:64]  # application_id, then user_version


def _set_checksum(con: sqlite3.Connection, checksum: bytes) -> None:
    app_id = int.from_bytes(checksum[:4], "big", signed=True)
    user_version = int.from_bytes(checksum[4:], "big", signed=True)
    con.execute(f"PRAGMA application_id = {app_id}")
    con.execute(f"PRAGMA user_version = {user_version}")


# -- writing --------------------------------------------------------------------------
def write_index(
    path: Path,
    meta: Iterable[tuple[str, str]],
    persons: Iterable[tuple[int, str, str]],
    aliases: Iterable[tuple[int, int, str]],
    units: bytes,
    postings: Iterable[tuple[str, bytes]],
) -> None:
    """Write a new index file at ``path`` (an empty or absent file) and seal it with its checksum."""
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA journal_mode=OFF")
        con.execute("PRAGMA synchronous=OFF")  # the whole file is flushed before the rename
        for sql in TABLES.values():
            con.execute(sql)
        con.executemany("INSERT INTO meta VALUES (?, ?)", meta)
        con.executemany("INSERT INTO persons VALUES (?, ?, ?)", persons)
        con.executemany("INSERT INTO aliases VALUES (?, ?, ?)", aliases)
        con.execute("INSERT INTO alias_units VALUES (?)", (units,))
        con.executemany("INSERT INTO postings VALUES (?, ?)", postings)
        con.commit()
        with open(path, "rb") as fh:
            checksum = file_checksum(fh)
        _set_checksum(con, checksum)
        con.commit()
    finally:
        con.close()
    with open(path, "rb") as fh:  # the checksum pragmas must have touched only the unhashed fields
        header = fh.read(100)
        if file_checksum(fh) != checksum or _stored_checksum(header) != checksum:  # pragma: no cover
            raise RuntimeError("SQLite rewrote more than the header fields namematch expects; index not saved")


# -- reading --------------------------------------------------------------------------
def _uri(path: str) -> str:
    """A read-only, immutable SQLite URI naming exactly ``path`` (every byte that is
    not a plain path character percent-encoded: ``?``, ``#`` and ``%`` included)."""
    quoted = urllib.parse.quote(os.fsencode(os.path.abspath(path)), safe="/")
    if os.name == "nt":  # pragma: no cover - drive letters: file:///C:/...
        quoted = "/" + quoted.replace("%5C", "/").replace("%3A", ":", 1)
    return f"file:{quoted}?mode=ro&immutable=1"


class IndexFile:
    """An opened, checked index file: counts, unit counts, and records read on demand.

    ``decode_person(json_text)`` turns a person row into the caller's record; any
    ValueError/TypeError it raises becomes :class:`RegistryFormatError`.
    """

    def __init__(
        self, path: str | os.PathLike[str], decode_person: Callable[[str], Any], name_data: str | None = None
    ) -> None:
        self.path = os.fspath(path)
        self._name_data = name_data  # keys_fingerprint() of the reader's name data (None: the shipped)
        self._decode_person = decode_person
        self._lock = threading.RLock()  # re-entrant: a signal handler or tracer may read mid-read
        self._cache: dict[str, array[int]] = {}
        self._con = self._open()
        try:
            self._check()
        except BaseException:
            self._con.close()
            raise

    # -- opening ----------------------------------------------------------------
    def _fail(self, message: str, exc: BaseException | None = None) -> RegistryFormatError:
        return RegistryFormatError(message + (f" ({exc})" if exc is not None else ""), self.path)

    def _open(self) -> sqlite3.Connection:
        """Connect to the file at ``path`` and check the checksum of that very file
        (the file is hashed through a descriptor opened before the connection, and
        the path must name the same file after it: else it was replaced meanwhile)."""
        for _attempt in range(3):
            try:  # non-blocking: a FIFO is refused below instead of waiting for a writer
                fd = os.open(self.path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
            except FileNotFoundError as exc:
                raise RegistryError("no such index file", self.path) from exc
            except IsADirectoryError as exc:
                raise RegistryError("not an index file (a directory)", self.path) from exc
            except OSError as exc:
                raise RegistryError(f"cannot read index file ({exc.strerror})", self.path) from exc
            before = os.fstat(fd)
            if not stat.S_ISREG(before.st_mode):
                os.close(fd)
                kind = "a directory" if stat.S_ISDIR(before.st_mode) else "not a regular file"
                raise RegistryError(f"not an index file ({kind})", self.path)
            fh = os.fdopen(fd, "rb")
            try:
                header = fh.read(100)
                if header[:16] != _MAGIC:
                    raise RegistryFormatError("not a namematch index (not an SQLite file)", self.path)
                try:
                    con = sqlite3.connect(_uri(self.path), uri=True, check_same_thread=False)
                except _READ_ERRORS as exc:
                    raise self._fail("cannot open index", exc) from exc
                try:
                    after = os.stat(self.path)
                except OSError:
                    after = None
                if after is None or not os.path.samestat(before, after):
                    con.close()
                    continue  # replaced while opening: open the new file
                try:
                    try:
                        for pragma in _PRAGMAS:
                            con.execute(pragma)
                    except _READ_ERRORS as exc:
                        raise self._fail("cannot open index", exc) from exc
                    self._con = con
                    self._check_schema(con)
                    if _stored_checksum(header) != file_checksum(fh):
                        raise self._fail(
                            "index file is damaged or was changed after it was saved (checksum mismatch); "
                            "save it again")
                except BaseException:
                    con.close()
                    raise
                return con
            finally:
                fh.close()
        raise RegistryError("index file keeps being replaced while opening", self.path)

    def _master(self, con: sqlite3.Connection) -> set[tuple[Any, ...]]:
        try:
            return set(con.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"))
        except _READ_ERRORS as exc:
            raise self._fail("not a namematch index", exc) from exc

    def _check_schema(self, con: sqlite3.Connection) -> None:
        """Only namematch's tables, declared as namematch declares them; the format
        version is read (from ``meta``, once it is known to be a plain table) before
        the rest is compared, so an index of another version says so."""
        entries = self._master(con)
        for kind, name, _table, _sql in sorted(entries, key=repr):
            if kind in ("view", "trigger"):
                raise self._fail(f"not a namematch index: it holds a {kind} ({name!r}), which namematch never writes")
        meta = {e for e in entries if e[2] == "meta"}
        if meta != {e for e in _SCHEMA if e[2] == "meta"}:
            raise self._fail("not a namematch index (no meta table of namematch's)")
        version = self._meta_value(con, "format")
        if version != str(INDEX_FORMAT_VERSION):
            raise RegistryFormatError(
                f"index format {version} is not supported (this namematch reads format {INDEX_FORMAT_VERSION}); "
                "rebuild it with Registry.save()",
                self.path,
            )
        if entries != _SCHEMA:
            extra = sorted(f"{e[0]} {e[1]!r}" for e in entries - _SCHEMA)
            missing = sorted(f"{e[0]} {e[1]!r}" for e in _SCHEMA - entries)
            raise self._fail(
                "not a namematch index: schema differs from namematch's"
                + (f"; unexpected {', '.join(extra)}" if extra else "")
                + (f"; missing or altered {', '.join(missing)}" if missing else "")
            )

    def _meta_value(self, con: sqlite3.Connection, key: str) -> str | None:
        try:
            row = con.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        except _READ_ERRORS as exc:
            raise self._fail("not a namematch index", exc) from exc
        return None if row is None else str(row[0])

    def _check(self) -> None:
        """Name data, counts and unit counts (after the checksum: the file is as saved)."""
        from namematch._index import keys_fingerprint

        meta = dict(self._all("SELECT key, value FROM meta"))
        if meta.get("name_data") != (self._name_data or keys_fingerprint()):
            # retrieval keys name lexicon groups by position: other data finds other aliases
            raise RegistryFormatError(
                "index was built with other name data (lexicon, particles or transliteration model of "
                "another namematch release); rebuild it with Registry.save()",
                self.path,
            )
        # O(log n) look-ups, not scans: the checksum vouches for a saved file's rows; holes
        # in a forged one are found when a missing row is read
        # (one MIN or MAX per query: SQLite reads only an end of the table for those)
        low_person, top_person, low_alias, top_alias = (self._all(f"SELECT {end}({key}) FROM {table}")[0][0]
            for table, key in (("persons", "pidx"), ("aliases", "aid")) for end in ("MIN", "MAX"))
        units = self._all("SELECT data FROM alias_units")
        persons, aliases = meta.get("persons", ""), meta.get("aliases", "")
        if not (persons.isdigit() and aliases.isdigit()):
            raise self._fail("index tables disagree with each other (counts)")
        persons, aliases = int(persons), int(aliases)
        if (
            (low_person, top_person) != ((0, persons - 1) if persons else (None, None))
            or (low_alias, top_alias) != ((0, aliases - 1) if aliases else (None, None))
            or len(units) != 1 or not isinstance(units[0][0], bytes) or len(units[0][0]) != aliases
        ):
            raise self._fail("index tables disagree with each other (counts)")
        self.count, self.alias_count = persons, aliases
        self.unit_counts = array("B", units[0][0])

    # -- reads ------------------------------------------------------------------
    def meta(self, key: str) -> str | None:
        """The value ``meta`` holds for ``key``, or None."""
        rows = self._all("SELECT value FROM meta WHERE key=?", (key,))
        return rows[0][0] if rows else None

    def _all(self, sql: str, params: Iterable[Any] = ()) -> list[Any]:
        """Rows of a query, read under the lock; SQLite errors become RegistryFormatError."""
        try:
            with self._lock:
                return self._con.execute(sql, tuple(params)).fetchall()
        except _READ_ERRORS as exc:
            raise self._fail("index file cannot be read", exc) from exc

    def _in(self, sql: str, ids: list[int]) -> Iterator[Any]:
        """Rows of ``sql`` (with one ``{marks}`` placeholder list) for ids, :data:`_CHUNK` per query."""
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            yield from self._all(sql.format(marks=",".join("?" * len(chunk))), chunk)

    def postings(self, key: str) -> array[int]:
        """Ascending alias ids filed under ``key`` (cached; empty if none)."""
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        rows = self._all("SELECT ids FROM postings WHERE key=?", (key,))
        out = self._ids(key, rows[0][0] if rows else b"")
        if len(self._cache) >= _CACHED_POSTINGS:
            self._cache.clear()
        self._cache[key] = out  # read-only once published; a lost race only costs a re-read
        return out

    def _ids(self, key: object, data: object) -> array[int]:
        """A stored posting list, checked: int32 alias ids below the alias count (the
        checksum vouches that a saved list is ascending; a forged unsorted list can only
        rank wrongly, never index outside the registry)."""
        if not isinstance(data, bytes) or len(data) % 4:
            raise self._fail(f"posting list of key {key!r} is not a list of int32")
        out = decode_ids(data)
        # one pass: as unsigned, a negative id is above every count
        if out and int(np.frombuffer(out, dtype=np.uint32).max()) >= self.alias_count:
            raise self._fail(f"posting list of key {key!r} names alias ids the index does not have")
        return out

    def _stream(self, sql: str, size: int = 10_000) -> Iterator[Any]:
        """Rows of a long query, fetched ``size`` at a time under the lock (other threads interleave)."""
        try:
            with self._lock:
                cur = self._con.execute(sql)
            while True:
                with self._lock:
                    rows = cur.fetchmany(size)
                if not rows:
                    return
                yield from rows
        except _READ_ERRORS as exc:
            raise self._fail("index file cannot be read", exc) from exc

    def aliases(self, aids: list[int]) -> dict[int, tuple[int, str]]:
        """(person index, text) of each alias id."""
        out: dict[int, tuple[int, str]] = {}
        for aid, pidx, text in self._in("SELECT aid, pidx, text FROM aliases WHERE aid IN ({marks})", aids):
            if not isinstance(text, str) or not isinstance(pidx, int) or not 0 <= pidx < self.count:
                raise self._fail(f"alias {aid} is not a valid alias row")
            out[int(aid)] = (pidx, text)
        if len(out) != len(set(aids)):
            raise self._fail("alias ids of a posting list have no alias row")
        return out

    def _person(self, pidx: object, js: object) -> Any:
        if not isinstance(js, str):
            raise self._fail(f"person {pidx} is not a JSON record")
        try:
            return self._decode_person(js)
        except (ValueError, TypeError, RecursionError) as exc:
            raise self._fail(f"person {pidx} is not a valid record: {exc}") from exc

    def persons(self, pidxs: list[int]) -> dict[int, Any]:
        """The persons at these indices."""
        out = {int(p): self._person(p, js) for p, js in self._in("SELECT pidx, json FROM persons WHERE pidx IN ({marks})", pidxs)}
        if len(out) != len(set(pidxs)):
            raise self._fail("person indices of alias rows have no person row")
        return out

    def person_by_id(self, pid: str) -> Any | None:
        rows = self._all("SELECT pidx, json FROM persons WHERE id=?", (pid,))
        if not rows:
            return None
        person = self._person(*rows[0])
        if getattr(person, "id", pid) != pid:
            raise self._fail(f"person {rows[0][0]}: id column and record disagree")
        return person

    def all_persons(self, batch: int = 2000) -> Iterator[Any]:
        """Every person in index order (read in batches, so other threads interleave)."""
        for expected, (pidx, js) in enumerate(self._stream("SELECT pidx, json FROM persons ORDER BY pidx", batch)):
            if pidx != expected:
                raise self._fail("person indices are not dense")
            yield self._person(pidx, js)

    def all_aliases(self) -> list[tuple[int, str]]:
        """(person index, text) of every alias, by alias id."""
        out = []
        for aid, (got, pidx, text) in enumerate(self._stream("SELECT aid, pidx, text FROM aliases ORDER BY aid")):
            if got != aid or not isinstance(text, str) or not isinstance(pidx, int) or not 0 <= pidx < self.count:
                raise self._fail(f"alias {got} is not a valid alias row")
            out.append((pidx, text))
        return out

    def all_postings(self) -> Iterator[tuple[str, array[int]]]:
        """Every key and its posting list (each checked as :meth:`postings` checks it)."""
        for key, data in self._stream("SELECT key, ids FROM postings"):
            if not isinstance(key, str):
                raise self._fail("a posting key is not text")
            yield key, self._ids(key, data)

    def close(self) -> None:
        with self._lock:
            self._con.close()
