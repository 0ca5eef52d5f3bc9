"""The index backends of a :class:`~namematch.Registry`, behind one protocol (:class:`State`):
the in-memory index grown by writers (:class:`Index`) and one published state of it
(:class:`Snapshot`), or a registry file opened with SQLite and read on demand
(:class:`Stored`, over ``namematch._store``). The registry reads and writes through
:class:`State` alone. Package-private (decision 0011).
"""

from __future__ import annotations

import sys
from array import array
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final, Protocol, cast

import numpy as np

from namematch._errors import RegistryFormatError
from namematch._index import (
    DEFAULT_RETRIEVAL,
    NameKeys,
    RetrievalConfig,
    add_postings,
    append_grown,
    as_ids,
    rank_name,
)
from namematch._store import POSTING, IndexFile, le_bytes, write_index

if TYPE_CHECKING:
    from namematch.registry import Person

__all__ = ["ALIVE", "Index", "Records", "Snapshot", "State", "Stored"]

ALIVE: Final = sys.maxsize  # removed_at of a person not removed


class State(Protocol):
    """One published state of a registry, whatever its backend: what readers ask of it, and
    :meth:`written`, the in-memory state a writer (or :meth:`Snapshot.save`) starts from."""

    def get(self, person_id: str) -> Person | None:
        """The live record of ``person_id``, or None."""

    def __len__(self) -> int: ...

    def __iter__(self) -> Iterator[Person]: ...

    def rank(self, query: NameKeys, limit: int, config: RetrievalConfig = DEFAULT_RETRIEVAL) -> list[int]:
        """Alias ids sharing retrieval keys with ``query``, best first (``_index.rank_name`` with
        the registry's retrieval ``config``)."""

    def retrieved(self, aids: list[int]) -> Iterator[tuple[int, Person | None, str]]:
        """(person index, live record or None, alias text) of each alias id."""

    def alias_list(self) -> list[tuple[int, str]]:
        """(person index, text) of every alias, by alias id."""

    def written(self) -> Snapshot:
        """This state in memory: itself, or a file read whole."""


class Records:
    """The record store of an in-memory index: the person records by person index, grown by
    writers only (under the registry's lock). A removal records the version it happened at
    and a replacement points back to the record it replaced, so every published
    :class:`Snapshot` (the first ``visible`` records, the removals up to its ``version``)
    keeps reading the records it covers."""

    __slots__ = ("by_id", "persons", "previous", "removed_at")

    def __init__(self) -> None:
        self.persons: list[Person] = []  # person index -> record (removed ones stay)
        self.removed_at: list[int] = []  # person index -> version that removed it, or ALIVE
        self.previous: list[int] = []  # person index -> index of the earlier record of the same id, or -1
        self.by_id: dict[str, int] = {}  # id -> index of its latest record

    @classmethod
    def of(cls, persons: list[Person], path: str) -> Records:
        """The records of a registry file, all live (a person id stored twice is a
        :class:`RegistryFormatError` naming ``path``)."""
        records = cls()
        records.persons = persons
        for pidx, person in enumerate(persons):
            if person.id in records.by_id:
                raise RegistryFormatError(f"person id {person.id!r} is stored twice", path)
            records.by_id[person.id] = pidx
        records.removed_at = [ALIVE] * len(persons)
        records.previous = [-1] * len(persons)
        return records

    def add(self, person: Person) -> int:
        """File a record; its person index. Its id finds it only once :meth:`publish` is called."""
        pidx = len(self.persons)
        self.persons.append(person)
        self.removed_at.append(ALIVE)
        self.previous.append(self.by_id.get(person.id, -1))
        return pidx

    def publish(self, pidx: int) -> None:
        """Let the id of record ``pidx`` find it (a state older than it follows ``previous`` back)."""
        self.by_id[self.persons[pidx].id] = pidx

    def remove(self, pidx: int, version: int) -> None:
        """Record ``pidx`` is removed from ``version`` on (states before it still see it)."""
        self.removed_at[pidx] = version

    def alive(self, pidx: int, visible: int, version: int) -> bool:
        return pidx < visible and self.removed_at[pidx] > version

    def find(self, person_id: str, visible: int, version: int) -> int | None:
        """Person index of the live record of ``person_id`` among the first ``visible``
        records at ``version``, or None."""
        pidx = self.by_id.get(person_id, -1)
        while pidx >= visible:  # added after this state: its predecessor, if any
            pidx = self.previous[pidx]
        return pidx if pidx >= 0 and self.removed_at[pidx] > version else None

    def live(self, visible: int, version: int) -> Iterator[int]:
        """Person indexes of the live records among the first ``visible`` at ``version``, in order."""
        removed_at = self.removed_at
        return (pidx for pidx in range(visible) if removed_at[pidx] > version)


class Index:
    """The in-memory index, grown by writers only (under the registry's lock).

    Every list only grows, and removing a person only records the version it
    happened at, so what a published :class:`Snapshot` covers never changes
    under its readers. Posting lists grow in place (amortised O(1) per entry, so
    a bulk build is linear); a list a reader is viewing is grown as a copy
    (:func:`namematch._index.append_grown`).
    """

    __slots__ = ("aliases", "postings", "records", "units")

    def __init__(self, records: Records | None = None) -> None:
        self.records = Records() if records is None else records  # person index -> record
        self.aliases: list[tuple[int, str]] = []  # alias id -> (person index, text)
        self.units = array("B")  # alias id -> number of keyed name units (ranking tie-break)
        self.postings: dict[str, array[int]] = {}  # key -> ascending alias ids

    def append(self, person: Person, nks: Sequence[NameKeys]) -> int:
        """File a person and its names; its index. Readers see it once a snapshot counts it."""
        pidx = self.records.add(person)
        postings = self.postings
        for text, nk in zip(person.names, nks, strict=True):
            aid = len(self.aliases)
            self.aliases.append((pidx, text))
            self.units = append_grown(self.units, nk.unit_count)
            add_postings(postings, nk.all(), aid, POSTING)
        self.records.publish(pidx)  # last: an older snapshot follows ``previous`` back from here
        return pidx


class Snapshot:
    """One state of an in-memory registry: the first ``persons`` records and ``aliases``
    names of ``index``, with the removals up to ``version``, ``count`` of them live
    (never changed once published; a plain class: one is made per change)."""

    __slots__ = ("aliases", "count", "index", "persons", "version")

    def __init__(self, index: Index, version: int, persons: int, aliases: int, count: int) -> None:
        self.index, self.version, self.persons, self.aliases, self.count = index, version, persons, aliases, count

    def alive(self, pidx: int) -> bool:
        return self.index.records.alive(pidx, self.persons, self.version)

    def find(self, person_id: str) -> int | None:
        """Index of the record of ``person_id`` in this state, or None."""
        return self.index.records.find(person_id, self.persons, self.version)

    def get(self, person_id: str) -> Person | None:
        pidx = self.find(person_id)
        return None if pidx is None else self.index.records.persons[pidx]

    def __len__(self) -> int:
        return self.count

    def __iter__(self) -> Iterator[Person]:
        persons = self.index.records.persons
        return (persons[pidx] for pidx in self.index.records.live(self.persons, self.version))

    def rank(self, query: NameKeys, limit: int, config: RetrievalConfig = DEFAULT_RETRIEVAL) -> list[int]:
        visible, postings, empty = self.aliases, self.index.postings, array(POSTING)

        def post(key: str) -> Sequence[int]:
            plist = postings.get(key)
            if plist is None:
                return empty
            ids = as_ids(plist)  # pins this list's size while the query runs
            if len(ids) and ids[-1] >= visible:  # names a writer filed after this state
                return cast(Sequence[int], ids[: int(np.searchsorted(ids, visible))])
            return cast(Sequence[int], ids)

        return rank_name(query, post, max(visible, 1), limit=limit, unit_counts=self.index.units, config=config)

    def retrieved(self, aids: list[int]) -> Iterator[tuple[int, Person | None, str]]:
        index = self.index
        for aid in aids:
            pidx, text = index.aliases[aid]
            yield pidx, index.records.persons[pidx] if self.alive(pidx) else None, text

    def alias_list(self) -> list[tuple[int, str]]:
        return self.index.aliases  # not copied: entries past ``aliases`` are a change in progress

    def written(self) -> Snapshot:
        return self

    def save(self, path: Path, meta: Callable[[int, int], list[tuple[str, str]]],
             record: Callable[[Person], str]) -> None:  # fmt: skip
        """Write this state to a new SQLite file at ``path`` (``namematch._store``): the live
        persons and their names renumbered densely, in order; ``meta(persons, aliases)`` gives
        the meta rows, ``record`` a person's saved JSON. Deterministic for the same state."""
        index = self.index
        persons = index.records.persons
        live = list(index.records.live(self.persons, self.version))
        new_pidx = {old: new for new, old in enumerate(live)}
        kept = [aid for aid in range(self.aliases) if index.aliases[aid][0] in new_pidx]
        if len(kept) == len(index.aliases):  # nothing removed or pending: alias ids are already dense

            def renumber(ids: array[int]) -> array[int]:
                return ids
        else:
            new_aid = {aid: new for new, aid in enumerate(kept)}

            def renumber(ids: array[int]) -> array[int]:
                return array(POSTING, (new_aid[a] for a in ids if a in new_aid))

        def posting_rows() -> Iterator[tuple[str, bytes]]:
            for key in sorted(index.postings):
                ids = renumber(index.postings[key])
                if ids:
                    yield key, le_bytes(ids)

        write_index(
            path,
            meta(len(live), len(kept)),
            ((new_pidx[old], persons[old].id, record(persons[old])) for old in live),
            ((new, new_pidx[index.aliases[aid][0]], index.aliases[aid][1]) for new, aid in enumerate(kept)),
            array("B", (index.units[a] for a in kept)).tobytes(),
            posting_rows(),
        )


class Stored:
    """The state of a registry opened with :meth:`Registry.load`: the file as it was
    opened, read on demand (``namematch._store``)."""

    __slots__ = ("store",)

    def __init__(self, store: IndexFile) -> None:
        self.store = store

    def get(self, person_id: str) -> Person | None:
        return self.store.person_by_id(person_id)

    def __len__(self) -> int:
        return self.store.count

    def __iter__(self) -> Iterator[Person]:
        return self.store.all_persons()

    def rank(self, query: NameKeys, limit: int, config: RetrievalConfig = DEFAULT_RETRIEVAL) -> list[int]:
        store = self.store
        return rank_name(query, store.postings, max(store.alias_count, 1), limit=limit, unit_counts=store.unit_counts,
                         config=config)

    def retrieved(self, aids: list[int]) -> Iterator[tuple[int, Person | None, str]]:
        if not aids:
            return
        rows = self.store.aliases(aids)
        persons = self.store.persons(sorted({pidx for pidx, _text in rows.values()}))
        for aid in aids:
            pidx, text = rows[aid]
            yield pidx, persons[pidx], text

    def alias_list(self) -> list[tuple[int, str]]:
        return self.store.all_aliases()

    def written(self) -> Snapshot:
        """The whole file read into an in-memory index (same records, names, keys and
        numbering: the keys were computed with the same name data, which load checks)."""
        store = self.store
        index = Index(Records.of(list(store.all_persons()), store.path))
        index.aliases = store.all_aliases()
        index.units = array("B", store.unit_counts)
        index.postings = dict(store.all_postings())
        n = len(index.records.persons)
        return Snapshot(index, 0, n, len(index.aliases), n)
