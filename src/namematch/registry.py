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
opens in seconds with :meth:`Registry.load` (file format and checks:
``namematch._store``; reading and writing files: ``namematch._files``).

Every read (:meth:`Registry.resolve`, :meth:`~Registry.match`, :meth:`~Registry.get`,
``len``, iteration, :meth:`~Registry.save`) answers from one published state of the
registry: a writer builds the next state beside the current one and publishes it
with a single assignment, under a lock that orders writers.
"""

from __future__ import annotations

import functools
import json
import os
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import Any, Final, TextIO, TypeVar

import attrs
from rapidfuzz import fuzz

from namematch import _attributes, _decide
from namematch._alternatives import alternatives
from namematch._checks import check_str
from namematch._errors import RegistryError, RegistryFormatError
from namematch._files import atomic_write, check_savable, csv_records, jsonl_records, replacing
from namematch._index import (
    DEFAULT_RETRIEVAL,
    NameKeys,
    RetrievalConfig,
    check_workers,
    keys_fingerprint,
)
from namematch._layered_keys import layered_name_keys
from namematch._pool import iter_chunks
from namematch._states import Index, Snapshot, State, Stored
from namematch._store import INDEX_FORMAT_VERSION, IndexFile
from namematch.keys import keyed_units, unit_keys
from namematch.normalize import LATIN, normalize, script_of, tokenize
from namematch.score import Explanation, Scorer, combine

__all__ = [
    "INDEX_FORMAT_VERSION",
    "Candidate",
    "DecisionConfig",
    "LoadReport",
    "Person",
    "Registry",
    "RegistryError",
    "RegistryFormatError",
    "RetrievalConfig",
]

DecisionConfig = _decide.DecisionConfig  # how a registry decides (defined beside the decision)

# the errors are defined beside the file readers; they are namematch.registry's to users
RegistryError.__module__ = RegistryFormatError.__module__ = __name__

_BUILD_CHUNK: Final = 2000  # persons whose keys one task of a parallel build computes
#: A Registry argument not given: the value of its ``decision`` applies.
_FROM_DECISION: Any = object()
_T = TypeVar("_T")

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


def _non_empty(_inst: Any, attribute: attrs.Attribute[Any], value: object) -> None:
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
    probability that this person is the one the mention means, weighed among the persons the
    registry retrieved for it (mostly namesakes and relatives): the candidate model's value
    through the registry calibration (:attr:`DecisionConfig.calibration`);
    ``Registry.match_threshold`` and ``margin`` are on that scale. ``evidence`` holds what the
    attributes given to :meth:`Registry.match` said about this person (each a log-likelihood
    ratio already added to ``chance``'s log-odds).

    ``mention`` is the name matched against ``alias``: the mention given, or the one of the
    names it lists (``"A; B"``, ``"A a.k.a. B"``, ``"A (B)"``) that fits this person best.
    ``ties`` (set by :meth:`Registry.match`) holds the ids of the other persons the registry
    cannot tell from this one by the name: records whose matched alias is the same name as
    this one's, with the same chance within ``namematch._decide.TIE_LOG_ODDS`` (one person
    listed twice under two ids, or true namesakes). The registry returns the one the words of
    the names favour (the record's name with as many words as the mention, then the closer
    spelling; the id only when no word tells them apart, never the order records were added in)
    and names the others here: a caller with other evidence (attributes, a list's own
    cross-references) decides between them."""

    person: Person
    score: float
    alias: str
    mention: str = ""
    chance: float | None = None
    evidence: tuple[_attributes.AttributeEvidence, ...] = ()
    ties: tuple[str, ...] = ()

    def explain(self) -> Explanation:
        """Why the mention matched this alias (see :func:`namematch.explain`), with each
        attribute's part as a rule line."""
        from namematch.score import explain

        ex = explain(self.mention, self.alias)
        if self.evidence:
            ex = attrs.evolve(ex, rules=ex.rules + tuple(f"attribute {e}" for e in self.evidence))
        return ex


@attrs.frozen(slots=True)
class LoadReport:
    """What loading a file did: records loaded, lines skipped and why."""

    path: str
    loaded: int
    skipped: int
    errors: tuple[tuple[int, str], ...] = ()
    #: records read and left out on purpose (FollowTheMoney entities that are not persons)
    ignored: int = 0


def _person_of_json(text: str) -> Person:
    return Person.from_dict(json.loads(text))


class Registry:
    """A set of :class:`Person` records that resolves name mentions to them.

    Thread safety: any number of threads may read (:meth:`resolve`, :meth:`match`,
    :meth:`get`, ``len``, iteration, :meth:`save`) while others add, replace or
    remove persons. Each read answers from one published state: the registry
    before or after each change, never a mix (``add(p, replace=True)`` swaps the
    records in one step; the first change to a loaded registry reads the file into
    memory while readers go on reading the file). Writers are serialised by a lock.
    """

    def __init__(
        self,
        persons: Iterable[Person] = (),
        *,
        scorer: Scorer | None = None,
        match_threshold: float = _FROM_DECISION,
        margin: float = _FROM_DECISION,
        workers: int = 1,
        lexicon: Any = None,
        decision: _decide.DecisionConfig | None = None,
        retrieval: RetrievalConfig | None = None,
    ) -> None:
        """Build a registry of ``persons``; ``workers`` > 1 computes the names'
        retrieval keys in that many processes (same index, built faster on
        several cores; worth it from about 100k persons). ``scorer`` (e.g. one fitted with
        :meth:`Scorer.fit`) scores and decides; ``lexicon`` (a :class:`~namematch.UserLexicon`
        or file paths) is layered over the shipped name data for this registry. ``decision``
        (a :class:`~namematch.registry.DecisionConfig`) sets how it decides; ``match_threshold``
        and ``margin``, when given, replace its two thresholds. ``retrieval`` (a
        :class:`~namematch.registry.RetrievalConfig`, default the shipped one) sets the keys its
        index files names under and how a mention's keys rank them; a saved index records it
        (:meth:`load` needs the same)."""
        check_workers(workers)
        if retrieval is not None and not isinstance(retrieval, RetrievalConfig):
            raise TypeError(f"retrieval must be RetrievalConfig or None, not {type(retrieval).__name__}")
        #: how its key index retrieves aliases for a mention (decision 0012)
        self.retrieval = retrieval or DEFAULT_RETRIEVAL
        if decision is not None and not isinstance(decision, _decide.DecisionConfig):
            raise TypeError(f"decision must be DecisionConfig or None, not {type(decision).__name__}")
        decision = decision or _decide.DEFAULT_DECISION
        if match_threshold is not _FROM_DECISION:
            decision = attrs.evolve(decision, match_threshold=match_threshold)
        if margin is not _FROM_DECISION:
            decision = attrs.evolve(decision, margin=margin)
        #: how it decides (match threshold and margin as given, rivals weighed, aliases scored per query)
        self.decision = decision
        self.scorer = _with_lexicon(scorer or Scorer(), lexicon)
        #: :meth:`match` accepts the best candidate only if its score reaches this (see ``namematch._decide``).
        self.match_threshold = decision.match_threshold
        #: ... and only if it leads the best differently-named rival by this much in log-odds (0: no rival check).
        self.margin = decision.margin
        self._lock = threading.RLock()  # orders writers; readers take no lock
        self._state: State = Snapshot(Index(), 0, 0, 0, 0)
        self.load_report: LoadReport | None = None
        if workers == 1:
            for p in persons:
                self.add(p)
        else:
            self._add_parallel(persons, workers)

    # -- records ---------------------------------------------------------
    def _writable(self) -> Snapshot:
        """The current in-memory state (the lock is held); a loaded registry is read
        into memory first, and that same state published (readers switch from the
        file to memory, with the same answers)."""
        state = self._state = self._state.written()
        return state

    def add(self, person: Person, *, replace: bool = False) -> None:
        """Add a person; a duplicate id raises ValueError unless ``replace``
        (then the new record takes the old one's place in one step)."""
        self._insert(person, replace, None)

    def _insert(self, person: Person, replace: bool, nks: list[NameKeys] | None) -> None:
        if not isinstance(person, Person):
            raise TypeError(f"person must be a Person, not {type(person).__name__}")
        if nks is None:
            nks = [self._keys(text) for text in person.names]
        with self._lock:
            state = self._writable()
            old = state.find(person.id)
            if old is not None and not replace:
                raise ValueError(f"duplicate person id {person.id!r}")
            index, version = state.index, state.version + 1
            pidx = index.append(person, nks)
            if old is not None:
                index.records.remove(old, version)  # states before ``version`` still see it
            self._state = Snapshot(index, version, pidx + 1, len(index.aliases), state.count + (old is None))

    def _add_parallel(self, persons: Iterable[Person], workers: int) -> None:
        """:meth:`add` each person in order, the keys of their names computed by ``workers``
        forked processes (``namematch._pool``), :data:`_BUILD_CHUNK` persons a task."""
        items = list(persons)
        state = {"names": [p.names if isinstance(p, Person) else () for p in items], "lexicon": self.scorer.lexicon,
                 "resources": self.scorer.resources, "retrieval": self.retrieval}
        spans = [(lo, min(len(items), lo + _BUILD_CHUNK)) for lo in range(0, len(items), _BUILD_CHUNK)]
        done = 0
        for keyed in iter_chunks(_names_keys, state, spans, workers):
            for nks in keyed:
                self._insert(items[done], False, nks)
                done += 1

    def remove(self, person_id: str) -> Person:
        """Remove and return the person with this id (KeyError if absent)."""
        with self._lock:
            state = self._writable()
            pidx = state.find(person_id)
            if pidx is None:
                raise KeyError(person_id)
            version = state.version + 1
            state.index.records.remove(pidx, version)
            self._state = Snapshot(state.index, version, state.persons, state.aliases, state.count - 1)
            return state.index.records.persons[pidx]

    def get(self, person_id: str) -> Person | None:
        """The person with this id, or None."""
        return self._state.get(person_id) if isinstance(person_id, str) else None

    def __len__(self) -> int:
        return len(self._state)

    def __iter__(self) -> Iterator[Person]:
        return iter(self._state)

    def __contains__(self, person_id: object) -> bool:
        return isinstance(person_id, str) and self.get(person_id) is not None

    @property
    def _aliases(self) -> list[tuple[int, str]]:
        """(person index, text) of every alias by alias id, as :meth:`retrieve` numbers them."""
        return self._state.alias_list()

    # -- resolution ------------------------------------------------------
    def retrieve(self, mention: str, limit: int | None = None) -> list[int]:
        """Alias ids that share retrieval keys with the mention, best first (see :func:`rank_name`);
        at most ``limit`` (default: :attr:`DecisionConfig.retrieve` of :attr:`decision`)."""
        return self._state.rank(self._keys(mention), self.decision.retrieve if limit is None else limit, self.retrieval)

    def _keys(self, name: str) -> NameKeys:
        """Retrieval keys of a name, with the scorer's user variant groups (if any) and the keys
        of its adjacent units written as one word (:func:`_with_glued_keys`)."""
        return _registry_keys(name, self.scorer.lexicon, self.scorer.resources, self.retrieval)

    def _retrieved(self, mention: str) -> Iterator[tuple[int, Person | None, str]]:
        """(person index, person or None if removed, alias text) of the retrieved aliases,
        best first, all from one state."""
        state = self._state
        return state.retrieved(state.rank(self._keys(mention), self.decision.retrieve, self.retrieval))

    def resolve(self, mention: str, limit: int = 5, threshold: float | None = None) -> list[Candidate]:
        """Ranked candidates for a mention (best first, one per person).

        Every alias of every person is considered through the key index. With
        ``threshold`` only candidates scoring at least that much are returned.
        """
        check_str(mention, "mention")
        if not isinstance(limit, int) or limit < 1:
            raise ValueError(f"limit must be a positive int, got {limit!r}")
        if threshold is not None:
            threshold = _decide.check_threshold(threshold, "threshold")
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
        self, mention: str, models: Sequence[tuple[Sequence[float], float]], by: int = 0
    ) -> list[tuple[tuple[float, ...], str, Person]]:
        """Every retrieved person with an alias of positive value under the first of ``models``
        (the pair score), once, with the values of its best alias under all of them (one
        alignment each: :meth:`Scorer.values_under`), ranked by the value under ``models[by]``,
        then person id. A person's best alias: highest value under ``models[by]``, then text
        (:meth:`resolve` ranks by the pair score; :meth:`match` by the candidate model, so a
        person's chance is that of whichever of its names fits the mention best)."""
        values = self.scorer.values_under
        best: dict[int, tuple[tuple[float, ...], str, Person]] = {}
        for pidx, person, text in self._retrieved(mention):
            if person is None:
                continue
            v = values(mention, text, models)
            if v[0] <= 0.0:
                continue
            cur = best.get(pidx)
            if cur is None or v[by] > cur[0][by] or (v[by] == cur[0][by] and text < cur[1]):
                best[pidx] = (v, text, person)
        return sorted(best.values(), key=lambda x: (-x[0][by], x[2].id))

    def match(
        self,
        mention: str,
        threshold: float | None = None,
        *,
        margin: float | None = None,
        country: Any = None,
        birth_year: int | str | None = None,
        birth_date: str | None = None,
        gender: str | None = None,
        role: Any = None,
    ) -> Candidate | None:
        """The person the mention refers to, or None when the registry holds no such person.

        What is known beside the name is evidence too: ``country`` (a code, a country name or
        a nationality word, or several: the countries of a mention's context), ``birth_year``
        or ``birth_date``, ``gender`` and ``role`` (an office, or several) are compared with
        each candidate's attributes where the person has them (``namematch._attributes``:
        keys, weights). Each comparison's log-likelihood ratio is added to the candidate's
        log-odds, agreement raising and conflict lowering it, before the ranking and the
        decision; the returned candidate's ``evidence`` (and :meth:`Candidate.explain`) shows
        each attribute's part.

        The best candidates of :meth:`resolve` are weighed again by the candidate
        model (the scorer's :attr:`~Scorer.candidate_terms`: the pair score's features,
        fitted on names and the neighbours retrieval finds for them, mostly namesakes
        and relatives) and ranked by it. Decision rule (``namematch._decide``): the
        best is returned, with that chance as its score, only if it reaches
        ``threshold`` (default :attr:`match_threshold`) and leads the best rival, a
        person whose matched alias is a different name, by ``margin`` in log-odds
        (default :attr:`margin`). A mention of a third member of a family whose two
        relatives are in the registry thus gets None rather than the closer relative.

        A person's chance is that of whichever of its names fits the mention best. Records
        carrying the same name as the one returned, with the same chance, are named in its
        ``ties``. A mention that lists several names (``"A; B"``, ``"A a.k.a. B"``, ``"A (B)"``:
        ``namematch._alternatives``) is matched name by name, each person keeping the one that
        fits it best (decision 0014).
        """
        thr = self.match_threshold if threshold is None else _decide.check_threshold(threshold, "threshold")
        mar = self.margin if margin is None else _decide.check_margin(margin)
        query = _attributes.query_of(country=country, birth_year=birth_year, birth_date=birth_date, gender=gender,
                                     role=role)  # fmt: skip
        return self.match_under(mention, thr, mar, *self.scorer.candidate_terms, query=query)

    def match_under(
        self, mention: str, threshold: float, margin: float, weights: tuple[float, ...], intercept: float,
        query: _attributes.Query | None = None,
    ) -> Candidate | None:
        """:meth:`match` with the candidates weighed by ``weights`` and ``intercept``
        (``tools/fit_candidate_model.py`` tries models fitted on part of the persons)."""
        check_str(mention, "mention")
        value, calibrated = self.scorer.value_under, self.decision.calibrated

        def chance(a: str, b: str) -> float:
            return calibrated(value(a, b, weights, intercept))

        models = ((self.scorer.model_weights, self.scorer.model_intercept), (weights, intercept))
        best: dict[str, Candidate] = {}  # per person, the alternative of the mention that fits best
        for said in alternatives(mention):
            for (pair, chance_of), text, person in self._ranked(said, models, by=1)[: self.decision.rivals]:
                c = Candidate(person, pair, text, said, calibrated(chance_of))
                if query:
                    c = _with_evidence(self._name_chance(c, weights, intercept),
                                       _attributes.compare(query, c.person.attributes))
                kept = best.get(person.id)
                if kept is None or (c.chance or 0.0) > (kept.chance or 0.0):
                    best[person.id] = c
        found = sorted(best.values(), key=lambda c: (-(c.chance or 0.0), c.person.id))[: self.decision.rivals]
        got = _decide.decide(found, threshold, margin, chance)
        if got is None:
            return None
        tied = _decide.ties(found, threshold, chance)
        if not tied:
            return got
        chosen, *others = sorted([got, *tied], key=_name_evidence)
        return attrs.evolve(chosen, ties=tuple(c.person.id for c in others))

    def _name_chance(self, c: Candidate, weights: tuple[float, ...], intercept: float) -> Candidate:
        """A candidate whose name is the mention's, parse for parse, with the chance the
        candidate model gives the name itself (a common name's namesakes are many: "Ahmed
        Hassan" 0.73, "Sattar Hashemi" 0.9999), not the certainty of an identical parse: the
        prior that attribute evidence then moves."""
        scorer = self.scorer
        pa, pb = scorer.prepare(c.mention), scorer.prepare(c.alias)
        if not (pa.units and pb.units and pa.identity == pb.identity):
            return c
        value = combine(scorer.prepared_features(pa, pb), weights, intercept)
        return attrs.evolve(c, chance=self.decision.calibrated(value))

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
        make: Callable[[], Person],
        path: str | os.PathLike[str],
        line: int,
        errors: str,
        skipped: list[tuple[int, str]],
    ) -> int:
        """Add the person ``make()`` builds from one file record; 1 if added, else 0.

        A bad record (or a duplicate id, which :meth:`add` refuses, or a record
        that could not be saved again) raises :class:`RegistryError` naming file
        and line, or with ``errors="skip"`` is recorded in ``skipped``.
        """
        try:
            person = make()
            check_savable(person.to_dict(), "the record")
            self.add(person)
            return 1
        except (ValueError, TypeError) as exc:
            if errors == "raise":
                raise RegistryError(str(exc), path, line) from exc
            skipped.append((line, str(exc)))
            return 0

    @classmethod
    def from_ftm(cls, path: str | os.PathLike[str], *, errors: str = "raise", scorer: Scorer | None = None,
                 lexicon: Any = None) -> Registry:
        """Load the persons of a FollowTheMoney JSON-lines file, as OpenSanctions publishes
        entities (``namematch._ftm``: ``Person`` entities, their ``name``, ``alias`` and
        ``weakAlias`` as names, ``birthDate``, ``nationality``, ``gender``, ``position`` ... as
        attributes). Entities of other schemas are skipped and counted in
        ``load_report.ignored``; bad lines are reported as :meth:`from_jsonl` reports them."""
        from namematch._ftm import person_of_entity

        _check_errors(errors)
        reg = cls(scorer=scorer, lexicon=lexicon)
        skipped: list[tuple[int, str]] = []
        loaded = ignored = 0
        for n, parse in jsonl_records(path):
            try:
                person = person_of_entity(parse())
            except (ValueError, TypeError) as exc:
                if errors == "raise":
                    raise RegistryError(str(exc), path, n) from exc
                skipped.append((n, str(exc)))
                continue
            if person is None:
                ignored += 1
                continue
            loaded += reg._add_record(functools.partial(_same, person), path, n, errors, skipped)
        reg.load_report = LoadReport(os.fspath(path), loaded, len(skipped), tuple(skipped), ignored)
        return reg

    @classmethod
    def from_jsonl(cls, path: str | os.PathLike[str], *, errors: str = "raise", scorer: Scorer | None = None) -> Registry:
        """Load persons from a JSON-lines file (one :meth:`Person.to_dict` object per line).

        Bad lines (broken JSON, missing fields, duplicate ids or keys, undecodable
        bytes, text that could not be saved again, nesting deeper than
        ``namematch._files.MAX_NESTING``) raise :class:`RegistryError` with the
        file and line number, or with ``errors="skip"`` are skipped and counted in
        ``load_report``. Lines end at ``\\n``, ``\\r\\n`` or ``\\r`` in every encoding.
        """
        _check_errors(errors)
        reg = cls(scorer=scorer)
        skipped: list[tuple[int, str]] = []
        loaded = 0
        for n, parse in jsonl_records(path):
            loaded += reg._add_record(lambda parse=parse: Person.from_dict(parse()), path, n, errors, skipped)  # type: ignore[misc]
        reg.load_report = LoadReport(os.fspath(path), loaded, len(skipped), tuple(skipped))
        return reg

    @classmethod
    def from_csv(cls, path: str | os.PathLike[str], *, errors: str = "raise", scorer: Scorer | None = None,
                 alias_separator: str = "|") -> Registry:
        """Load persons from CSV with columns ``id``, ``name``, optional ``aliases``
        (split on ``|``); every other column becomes an attribute.

        Bad rows are reported as :meth:`from_jsonl` reports bad lines; a header
        without ``id`` and ``name``, with a column named twice, or a quote left
        open (which would swallow the following lines) is a :class:`RegistryError`
        even with ``errors="skip"``.
        """
        _check_errors(errors)
        reg = cls(scorer=scorer)
        skipped: list[tuple[int, str]] = []
        loaded = 0

        def person_of_row(parse: Callable[[], dict[str, str]]) -> Person:
            rec = dict(parse())
            aliases = [a.strip() for a in rec.pop("aliases", "").split(alias_separator) if a.strip()]
            pid, name = rec.pop("id").strip(), rec.pop("name").strip()
            return Person(pid, name, aliases, {k: v for k, v in rec.items() if v != ""})

        for n, parse in csv_records(path):
            loaded += reg._add_record(lambda parse=parse: person_of_row(parse), path, n, errors, skipped)  # type: ignore[misc]
        reg.load_report = LoadReport(os.fspath(path), loaded, len(skipped), tuple(skipped))
        return reg

    def to_jsonl(self, path: str | os.PathLike[str]) -> None:
        """Write the persons as JSON lines, atomically (temporary file + rename,
        keeping the file's mode); a person whose text is not valid Unicode (a lone
        surrogate) is a ValueError naming it, and the file is left as it was."""
        persons = list(self)

        def write(fh: TextIO) -> None:
            for p in persons:
                fh.write(_saved_json(p) + "\n")

        atomic_write(path, write)

    def save(self, path: str | os.PathLike[str]) -> None:
        """Save persons, aliases and the built key index to SQLite, atomically
        (temporary file + rename, keeping the file's mode; see :meth:`to_jsonl`
        for persons that cannot be saved).

        The output is deterministic for the same persons added in the same order.
        The file is sealed with a checksum that :meth:`load` verifies.
        """
        from namematch import __version__

        def meta(persons: int, aliases: int) -> list[tuple[str, str]]:
            rows = [("format", str(INDEX_FORMAT_VERSION)), ("namematch", __version__),
                    ("name_data", keys_fingerprint(self.scorer.resources)), ("persons", str(persons)), ("aliases", str(aliases))]
            if self.scorer.lexicon is not None and self.scorer.lexicon.variants:
                rows.append(("user_lexicon", self.scorer.lexicon.digest))  # its groups are keys of the index
            if (keyed := _keyed_retrieval(self.retrieval)) is not None:
                rows.append(("retrieval_keys", keyed))  # which elements get pair keys
            return rows

        with self._lock:
            state = self._state.written()  # a loaded registry's file is read, not installed
            with replacing(path) as tmp:
                state.save(tmp, meta, _saved_json)

    @classmethod
    def load(
        cls, path: str | os.PathLike[str], *, scorer: Scorer | None = None, retrieval: RetrievalConfig | None = None
    ) -> Registry:
        """Open an index written by :meth:`save`.

        Opening checks the file before answering anything (``namematch._store``):
        only namematch's own tables (a view, trigger or any other schema object is
        refused), its format version and name data, a checksum of the whole file
        and the agreement of its tables; anything else is a
        :class:`RegistryFormatError`. Postings and records are then read from disk
        on demand, so opening costs one read of the file whatever the size.

        The registry reads the file it opened for as long as it lives: if another
        process replaces ``path`` (as :meth:`save` does), this registry keeps
        answering from the file it opened; load again to see the new one. A change
        (``add``/``remove``) first reads the whole file into memory.

        ``retrieval`` must file names as the saved index did (the same
        :attr:`RetrievalConfig.common_rarity <namematch.registry.RetrievalConfig>`, else a
        :class:`RegistryFormatError`); its ranking constants may differ.
        """
        reg = cls(scorer=scorer, retrieval=retrieval)
        store = IndexFile(path, _person_of_json, keys_fingerprint(reg.scorer.resources))
        lexicon = reg.scorer.lexicon
        wanted = lexicon.digest if lexicon is not None and lexicon.variants else None
        if store.meta("user_lexicon") != wanted:
            raise RegistryFormatError(
                "index was built with another user lexicon (its variant groups are retrieval keys); load it with "
                "a scorer of the same lexicon, or rebuild it with Registry.save()", path)
        if store.meta("retrieval_keys") != _keyed_retrieval(reg.retrieval):
            raise RegistryFormatError(
                "index was built with another RetrievalConfig.common_rarity (it decides the pair keys filed); load it "
                "with the same retrieval configuration, or rebuild it with Registry.save()", path)
        reg._state = Stored(store)
        return reg


def _keyed_retrieval(config: RetrievalConfig) -> str | None:
    """What of a retrieval configuration decides the keys an index files (``common_rarity``), as
    a saved index records it; None for the shipped value (indexes saved before it was recorded)."""
    if config.common_rarity == DEFAULT_RETRIEVAL.common_rarity:
        return None
    return f"common_rarity={config.common_rarity!r}"


def _saved_json(person: Person) -> str:
    """A person's record as saved (one JSON line), or ValueError naming the person if
    its text cannot be written as UTF-8 (a lone surrogate)."""
    text = json.dumps(person.to_dict(), ensure_ascii=False, sort_keys=True)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        check_savable(person.to_dict(), f"person {person.id!r}")
    return text

def _names_keys(state: dict[str, Any], lo: int, hi: int) -> list[list[NameKeys]]:
    """Retrieval keys of the names of persons ``lo`` to ``hi`` (a pool task; NameKeys pickle)."""
    lexicon, resources, retrieval = state["lexicon"], state["resources"], state["retrieval"]
    return [[_registry_keys(text, lexicon, resources, retrieval) for text in names]
            for names in state["names"][lo:hi]]


def _registry_keys(name: str, lexicon: Any, resources: Any, retrieval: RetrievalConfig) -> NameKeys:
    """The keys a registry files and looks a name up under: :func:`layered_name_keys` and
    :func:`_with_glued_keys`."""
    return _with_glued_keys(layered_name_keys(name, lexicon, resources, retrieval), name, resources)


def _with_glued_keys(nk: NameKeys, name: str, resources: Any) -> NameKeys:
    """``nk`` with the keys of the name's last two units written as one word, when both are
    Latin (``BARZIN TALAB, Reza`` also under the keys of ``barzintalab``), as alternatives of
    one more key group. A compound family name written apart in one list and glued in another
    shares no unit key, and retrieval would leave it to the common given names (development
    names: the glued form ranked 29th to 47th). The last two units, where parse puts the family
    name, and only their sound keys: the index of the development names grows by 16% (by 55%
    with every adjacent pair and its spelling key, for no more found)."""
    cores = [core for core, _ in keyed_units(name, resources)]
    if len(cores) < 2:
        return nk
    a, b = cores[-2], cores[-1]
    if not (a.isascii() and b.isascii() and a.isalpha() and b.isalpha()):
        return nk
    glued = unit_keys(a + b, LATIN, resources=resources)
    return NameKeys(nk.units, (*nk.pairs, glued)) if glued else nk


def _with_lexicon(scorer: Scorer, lexicon: Any) -> Scorer:
    """``scorer``, or a copy of it with ``lexicon`` (ValueError if it already has another)."""
    if lexicon is None:
        return scorer
    from namematch.user_lexicon import as_lexicon

    lex = as_lexicon(lexicon)
    if lex is None or lex == scorer.lexicon:
        return scorer
    if scorer.lexicon is not None:
        raise ValueError("the scorer already has a user lexicon: give the lexicon to the Scorer or to the Registry")
    return Scorer(threshold=scorer.threshold, model=scorer.model, candidate_model=scorer.candidate_model,
                  lexicon=lex, cache_size=scorer.cache_size, resources=scorer.resources, config=scorer.config)


def _name_evidence(c: Candidate) -> tuple[int, float, str]:
    """How a tie (records the candidate model cannot tell apart) is broken: by the evidence of
    the two names' words, then by id. First the record whose matched name has as many words as
    the mention (``ZARANDAR, Hajji Karim Tawfiqi`` leaves one word of the record unexplained by
    ``Karim Tawfiqi Zarandar``, ``KARIM TAWFIQI ZARANDAR`` none); then, for a mention in the
    script of the record's name, the closer spelling (:func:`rapidfuzz.fuzz.token_sort_ratio` of
    the normalised forms, blind to word order: ``Kareem Tawfiqi Zarandar`` is nearer ``ZARANDAR,
    Kareem Tawfiqi`` than ``KARIM TAWFIQI ZARANDAR``); last the id, when no word tells them apart.
    Never the order the records were added in."""
    unexplained = abs(len(tokenize(c.alias)) - len(tokenize(c.mention)))
    closeness = 0.0
    if script_of(c.alias) == script_of(c.mention):
        closeness = fuzz.token_sort_ratio(normalize(c.alias), normalize(c.mention))
    return unexplained, -closeness, c.person.id


def _with_evidence(c: Candidate, evidence: tuple[_attributes.AttributeEvidence, ...]) -> Candidate:
    """A candidate whose chance the attribute evidence has moved."""
    if not evidence:
        return c
    return attrs.evolve(c, chance=_attributes.moved(c.chance or 0.0, evidence), evidence=evidence)


def _same(person: Person) -> Person:
    """The person itself (a record maker for :meth:`Registry._add_record`)."""
    return person


def _check_errors(errors: str) -> None:
    if errors not in ("raise", "skip"):
        raise ValueError(f"errors must be 'raise' or 'skip', got {errors!r}")


def _each(mentions: Iterable[str], func: Callable[[str], _T], progress: bool) -> list[_T]:
    """``func`` of each mention, in order; ``progress`` draws a bar on stderr (a terminal's only)."""
    items = list(mentions)
    if progress:
        from namematch._progress import progress as bar

        return [func(m) for m in bar(items, total=len(items), desc="mentions", unit="mention")]
    return [func(m) for m in items]
