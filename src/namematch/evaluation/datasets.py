"""The development data of namematch's benchmarks and tools, read in one way.

The data folder (``shared/data`` beside the checkout, or ``$NAMEMATCH_SHARED/data``) holds

- **person sets** (``un-sc-2018``, ``ofac-sdn-2022``, ``ofac-cons-2018``, ...): an
  ``entities.jsonl`` of one JSON object per listed person, ``{"id", "names": [...], "source"}``,
  the names being spellings of that person in Latin and Arabic script;
- **token sets** (``google-translit-ar2en``, ``wikidata-ar-name-tokens``): a ``pairs.tsv`` with a
  header line and rows ``arabic<TAB>latin[<TAB>count]`` (one name token and a romanisation).

Beside the readers: labelled pair samples (:func:`sample_pairs`), the gold person groups
(:func:`person_groups`: records of two lists sharing one spelling are one person) and the
hash splits every script uses (:func:`hash_bucket`, :func:`in_test_fifth`), so a held-out
half or fifth is the same everywhere.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import warnings
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import IO, Any

from namematch._data import data_lines
from namematch._files import atomic_write
from namematch.normalize import LATIN, normalize, normalize_latin, script_of
from namematch.parse import parse
from namematch.registry import Person

__all__ = [
    "DEV_SETS",
    "TOKEN_SETS",
    "data_dir",
    "hash_bucket",
    "in_test_fifth",
    "is_arabic_script",
    "load_entities",
    "load_token_pairs",
    "name_form",
    "person_groups",
    "person_sets",
    "registry_task",
    "sample_pairs",
    "shipped_lines",
    "single_unit",
    "write_atomic",
]

#: The development person sets (the lexicon and the score model are built from these).
DEV_SETS = ("un-sc-2018", "ofac-sdn-2022", "ofac-cons-2018")
#: The token sets (one Arabic-script token and a romanisation per row).
TOKEN_SETS = ("wikidata-ar-name-tokens", "google-translit-ar2en")

#: A labelled pair: two names and 1 (same person) or 0.
Pair = tuple[str, str, int]
#: One person of a person set, as read: ``{"id", "names", "source", ...}``.
Entity = dict[str, Any]
#: A query of :func:`registry_task`: ``(set, kind, query, gold group or None when absent, half)``.
Query = tuple[str, str, str, "str | None", int]


def data_dir() -> Path:
    """The data folder: ``$NAMEMATCH_SHARED/data`` when the variable is set, else ``shared/data``
    beside the checkout this package runs from (a source checkout installed in place), else
    beside the working directory."""
    env = os.environ.get("NAMEMATCH_SHARED")
    if env:
        return Path(env) / "data"
    checkout = Path(__file__).resolve().parents[3]
    for base in (checkout, Path.cwd()):
        if (base.parent / "shared" / "data").is_dir():
            return base.parent / "shared" / "data"
    return checkout.parent / "shared" / "data"


def person_sets(data: Path | None = None) -> tuple[str, ...]:
    """Person sets to measure: ``NAMEMATCH_DATASETS`` (comma-separated) when set, else the
    development sets and any other folder of ``data`` holding an ``entities.jsonl`` of persons
    (token sets have a ``pairs.tsv`` beside it), so data added beside the development sets is
    measured too. Development sets come first, in a fixed order: pair sampling draws from one
    random stream, and their samples must not change."""
    chosen = os.environ.get("NAMEMATCH_DATASETS", "")
    if chosen.strip():
        return tuple(d.strip() for d in chosen.split(",") if d.strip())
    root = data_dir() if data is None else data
    found = sorted(
        d.name for d in root.glob("*")
        if (d / "entities.jsonl").is_file() and not (d / "pairs.tsv").exists() and d.name not in DEV_SETS
    ) if root.is_dir() else []
    return (*DEV_SETS, *found)


def load_entities(dataset: str, data: Path | None = None) -> list[Entity]:
    """The persons of one person set, in file order. A line that is not an object with an
    ``id`` and a non-empty list of string ``names`` is skipped with a warning (never silently).

    Raises:
        FileNotFoundError: the set has no ``entities.jsonl`` (set ``NAMEMATCH_SHARED``).
    """
    path = (data_dir() if data is None else data) / dataset / "entities.jsonl"
    if not path.exists():
        raise FileNotFoundError(f"missing {path}: the benchmarks read shared/data (set NAMEMATCH_SHARED)")
    entities: list[Entity] = []
    bad: list[int] = []
    with open(path, encoding="utf-8", errors="replace") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                e = json.loads(line)
            except ValueError:
                e = None
            names = e.get("names") if isinstance(e, dict) else None
            if not (isinstance(e, dict) and isinstance(names, list) and names
                    and all(isinstance(n, str) for n in names) and "id" in e):
                bad.append(number)
                continue
            entities.append(e)
    if bad:
        warnings.warn(
            f"{path}: {len(bad)} line(s) skipped, not an entity with an id and a list of names "
            f"(lines {', '.join(map(str, bad[:10]))}{', ...' if len(bad) > 10 else ''})",
            stacklevel=2,
        )
    return entities


def load_token_pairs(dataset: str, data: Path | None = None) -> list[tuple[str, str, int]]:
    """The rows of a token set's ``pairs.tsv`` as ``(arabic, latin, count)`` (count 1 when the
    file has none); the header line and rows of fewer than two columns are left out."""
    path = (data_dir() if data is None else data) / dataset / "pairs.tsv"
    out: list[tuple[str, str, int]] = []
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        cols = line.split("\t")
        if len(cols) < 2:
            continue
        count = int(cols[2]) if len(cols) > 2 and cols[2].isdigit() else 1
        out.append((cols[0], cols[1], count))
    return out


def is_arabic_script(name: str) -> bool:
    """True for a name written (at least partly) in Arabic or Persian letters."""
    return script_of(name) in ("arabic", "persian", "mixed")


def _latin_tokens(name: str) -> set[str]:
    return {t for t in normalize(name).split() if len(t) > 2}


def sample_pairs(
    seed: int = 13, max_pos_per_entity: int = 6, datasets: Sequence[str] | None = None,
    data: Path | None = None,
) -> dict[str, list[Pair]]:
    """Labelled name pairs per slice (``"<set> cross-script"``, ``"<set> same-script"``):
    positives (two spellings of one person) and as many negatives, most of them hard (a
    different person sharing a name token). A negative never pairs two records of one person
    (:func:`person_groups`: a list names some persons twice, under two ids). Seeded: the same
    data gives the same pairs."""
    rng = random.Random(seed)
    slices: dict[str, list[Pair]] = {}
    for ds in person_sets(data) if datasets is None else datasets:
        ents = load_entities(ds, data)
        groups = person_groups(ents)
        group_of = [groups[e["id"]] for e in ents]
        pos_cross: list[Pair] = []
        pos_same: list[Pair] = []
        for e in ents:
            names = list(dict.fromkeys(e["names"]))
            pairs = [(a, b) for i, a in enumerate(names) for b in names[i + 1 :]]
            rng.shuffle(pairs)
            for a, b in pairs[:max_pos_per_entity]:
                (pos_cross if is_arabic_script(a) != is_arabic_script(b) else pos_same).append((a, b, 1))
        # negatives: token-sharing pairs across persons
        by_token: dict[str, list[int]] = {}
        latin_names = [[n for n in e["names"] if not is_arabic_script(n)] for e in ents]
        arabic_names = [[n for n in e["names"] if is_arabic_script(n)] for e in ents]
        for k, names in enumerate(latin_names):
            for tok in set[str]().union(*[_latin_tokens(n) for n in names]) if names else set():
                by_token.setdefault(tok, []).append(k)

        def negatives(
            count: int, cross: bool, ents: list[Entity] = ents, latin_names: list[list[str]] = latin_names,
            arabic_names: list[list[str]] = arabic_names, by_token: dict[str, list[int]] = by_token,
            group_of: list[str] = group_of,
        ) -> list[Pair]:
            out: list[Pair] = []
            tries = 0
            while len(out) < count and tries < count * 50:
                tries += 1
                k = rng.randrange(len(ents))
                src = arabic_names[k] if cross else latin_names[k]
                if not src or not latin_names[k]:
                    continue
                a = rng.choice(src)
                hard = rng.random() < 0.8
                if hard:
                    toks = sorted(set[str]().union(*[_latin_tokens(n) for n in latin_names[k]]))
                    if not toks:
                        continue
                    others = [o for o in by_token.get(rng.choice(toks), []) if o != k]
                    if not others:
                        continue
                    o = rng.choice(others)
                else:
                    o = rng.randrange(len(ents))
                    if o == k:
                        continue
                if not latin_names[o] or group_of[o] == group_of[k]:
                    continue  # (one person listed twice is no negative)
                out.append((a, rng.choice(latin_names[o]), 0))
            return out

        if pos_cross:
            slices[f"{ds} cross-script"] = pos_cross + negatives(len(pos_cross), True)
        slices[f"{ds} same-script"] = pos_same + negatives(len(pos_same), False)
    return slices


def name_form(name: str) -> str:
    """Sorted normalised tokens of a name; "FAMILY, Given" is read as "Given FAMILY".

    >>> name_form("AL-RASHID, Karim")
    'al karim rashid'
    """
    if "," in name and not is_arabic_script(name):
        family, _, given = name.partition(",")
        name = f"{given} {family}"
    return " ".join(sorted(normalize(name).replace("-", " ").split()))


def person_groups(entities: Sequence[Mapping[str, Any]]) -> dict[str, str]:
    """Entity id -> gold group id: records sharing one spelling (:func:`name_form`) are one
    person (lists name some persons twice); the group id is the smallest member id."""
    root = {e["id"]: e["id"] for e in entities}

    def find(x: str) -> str:
        while root[x] != x:
            root[x] = root[root[x]]
            x = root[x]
        return x

    seen: dict[str, str] = {}
    for e in entities:
        for n in dict.fromkeys(e["names"]):
            f = name_form(n)
            if not f:
                continue
            if f in seen:
                a, b = find(seen[f]), find(e["id"])
                if a != b:
                    root[max(a, b)] = min(a, b)
            else:
                seen[f] = e["id"]
    return {e["id"]: find(e["id"]) for e in entities}


def hash_bucket(key: str, salt: str, n: int) -> int:
    """A stable bucket in ``range(n)`` of ``key`` (SHA-1 of ``salt + key``): the splits of the
    benchmarks and tools (``salt="half:", n=2`` for the halves; ``salt="", n=4`` for the
    quarter of persons left out of the resolution registry).

    >>> hash_bucket("person-1", "half:", 2) in (0, 1)
    True
    """
    return int(hashlib.sha1((salt + key).encode()).hexdigest(), 16) % n


def fifth_of(key: str) -> int:
    """The fifth (0-4) of the development data a token's core or a person's id falls in
    (SHA-1 hash split; the lexicon's and transliteration model's ``--fold`` splits).

    >>> fifth_of("person-1") in range(5)
    True
    """
    return int(hashlib.sha1(key.encode("utf-8")).hexdigest(), 16) % 5


def in_test_fifth(key: str, fold: int = 0) -> bool:
    """True for the held-out fifth ``fold`` of groups and tokens (fifth 0 is the lexicon's
    ``--holdout`` split)."""
    return fifth_of(key) == fold


def shipped_lines(filename: str) -> tuple[str, ...]:
    """The content lines of a shipped data file (``namematch/data``; comments and blank lines left out)."""
    return data_lines(filename)


def write_atomic(path: str | os.PathLike[str], write: Callable[[IO[str]], object]) -> None:
    """Write a text file through ``write(handle)`` atomically: readers see the old or the new
    file, never half of one; an existing file keeps its mode."""
    atomic_write(path, write)


def registry_task(
    raw: bool = False, datasets: Sequence[str] | None = None, data: Path | None = None
) -> tuple[list[Person], list[Query], dict[str, str]]:
    """The resolution task of the benchmarks: persons for a registry (each person's first
    Latin spelling; the persons of one gold group in four are left out, so their queries
    must find nobody), the queries (every other spelling, ``(set, "cross-script" or
    "same-script", query, gold group or None, half)``) and the map record id -> gold group
    (``raw``: every list id its own group, instead of :func:`person_groups`)."""
    entities = [e for ds in (person_sets(data) if datasets is None else datasets) for e in load_entities(ds, data)]
    group = {e["id"]: e["id"] for e in entities} if raw else person_groups(entities)
    persons: list[Person] = []
    queries: list[Query] = []
    for e in entities:
        names = list(dict.fromkeys(e["names"]))
        latin = [n for n in names if not is_arabic_script(n)]
        if not latin or len(names) < 2:
            continue
        canonical = latin[0]
        g = group[e["id"]]
        absent = hash_bucket(g, "", 4) == 0
        half = hash_bucket(g, "half:", 2)
        if not absent:
            persons.append(Person(e["id"], canonical))
        for q in names[1:]:
            if q == canonical:
                continue
            kind = "cross-script" if is_arabic_script(q) else "same-script"
            queries.append((e["source"], kind, q, None if absent else g, half))
    return persons, queries, group


def single_unit(text: str) -> tuple[str, str, list[str]] | None:
    """``(core, script, extra spellings)`` when a token of a token set parses to one name
    unit, else None; a Latin token keeps its plain folded spelling (without a glued
    article) as an extra spelling when the core differs from it."""
    units = [u for u in parse(text).units if u.core]
    if len(units) != 1:
        return None
    u = units[0]
    extra = []
    if u.script == LATIN:
        raw = normalize_latin(text)
        if u.article and raw.startswith(("al", "el")) and len(raw) > 4:
            raw = raw[2:]
        if raw and raw != u.core:
            extra.append(raw)
    return u.core, u.script, extra
