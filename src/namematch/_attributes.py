"""What is known beside a name, as evidence for or against a registry person (private; used by
:meth:`namematch.Registry.match`).

A registry person's ``attributes`` and a query's (``Registry.match(name, country=...,
birth_year=...)``, or the context of a mention in text: its nationality words and titles)
are compared key by key where **both** sides have a value of a known meaning:

========== ====================================================== ===========================
attribute  keys read in ``Person.attributes``                     query argument
========== ====================================================== ===========================
country    country, nationality, citizenship (ISO codes, names,   ``country`` (str or several)
           nationality words: IQ, IRQ, Iraq, Iraqi, العراق)
birth      birth_date, birthDate, date_of_birth, dob, birth_year  ``birth_date``, ``birth_year``
gender     gender, sex                                            ``gender``
role       role, title, position, office                          ``role`` (str or several)
========== ====================================================== ===========================

Each comparison gives a **log-likelihood ratio** (the log of how much more often the
observation occurs for the same person than for a namesake), added to the candidate's
log-odds (its ``chance``): agreement raises it, a conflict lowers it. The weights are set,
not fitted, and conservative: well below the ratios the facts would give (two namesakes
share a birth year about once in forty; one person's records disagree on it in a few
percent of cases, on nationality more often, dual nationals and transcribed codes), so one
attribute moves a decision but seldom overturns strong name evidence alone.

============================================ =========
observation                                  log-odds
============================================ =========
same birth date (day, month and year)        +3.0
same birth year                              +1.5
birth years one apart                        +0.5
birth years two or three apart               -1.0
birth years four or more apart               -2.5
a country in common                          +1.0
countries given on both sides, none shared   -2.0
same gender                                  +0.2
different gender                             -2.5
an office in common                          +0.5
offices given on both sides, none shared     -1.0
============================================ =========
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable, Mapping
from typing import Any, Final

import attrs

from namematch._data import data_lines
from namematch._decide import logit, probability
from namematch.normalize import normalize

__all__ = ["WEIGHTS", "AttributeEvidence", "Query", "births_of", "compare", "countries_of", "gender_of", "moved", "query_of",
           "roles_of"]

#: Log-likelihood ratios of the observations (see the module docstring).
WEIGHTS: Final = {
    "birth date agrees": 3.0,
    "birth year agrees": 1.5,
    "birth years one apart": 0.5,
    "birth years 2-3 apart": -1.0,
    "birth years 4+ apart": -2.5,
    "country agrees": 1.0,
    "country differs": -2.0,
    "gender agrees": 0.2,
    "gender differs": -2.5,
    "office agrees": 0.5,
    "office differs": -1.0,
}

_COUNTRY_KEYS: Final = ("country", "countries", "nationality", "nationalities", "citizenship")
_BIRTH_KEYS: Final = ("birth_date", "birthdate", "birthDate", "date_of_birth", "dob", "born", "birth_year")
_GENDER_KEYS: Final = ("gender", "sex")
_ROLE_KEYS: Final = ("role", "roles", "title", "position", "office")

_YEAR: Final = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
_ISO_DATE: Final = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)-(\d\d)-(\d\d)(?!\d)")
_GENDERS: Final = {
    "m": "male", "male": "male", "man": "male", "masculine": "male", "ذكر": "male", "مرد": "male",
    "f": "female", "female": "female", "woman": "female", "feminine": "female", "انثى": "female", "انثي": "female",
    "زن": "female",
}  # fmt: skip


@attrs.frozen(slots=True)
class AttributeEvidence:
    """One attribute compared: the values on each side, what was found and its weight (log-odds)."""

    attribute: str
    query: str
    record: str
    finding: str
    weight: float

    def __str__(self) -> str:
        return f"{self.attribute}: {self.finding} (query {self.query}, record {self.record}): {self.weight:+.1f} log-odds"

    def to_dict(self) -> dict[str, Any]:
        return attrs.asdict(self)


@attrs.frozen(slots=True)
class Query:
    """What a query knows beside the name, normalised for comparison."""

    countries: frozenset[str] = frozenset()
    years: frozenset[int] = frozenset()
    dates: frozenset[str] = frozenset()
    gender: str = ""
    roles: frozenset[str] = frozenset()
    shown: Mapping[str, str] = attrs.field(factory=dict, eq=False)

    def __bool__(self) -> bool:
        return bool(self.countries or self.years or self.gender or self.roles)


@functools.cache
def _country_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for line in data_lines("link_places.tsv"):
        cols = line.split("\t")
        if len(cols) > 2 and cols[2].strip():
            table[normalize(cols[0])] = cols[2].strip()
    for line in data_lines("country_codes.tsv"):
        code, _, name = line.partition("\t")
        table.setdefault(code.strip().lower(), name.strip())
    for name in set(table.values()):
        table.setdefault(normalize(name), name)
    return table


#: Offices named in the role lists that do not tell namesakes apart: a president or speaker
#: heads anything (a parliament, a council, a company).
_VAGUE_OFFICES: Final = frozenset({"president", "speaker"})


@functools.cache
def _role_table() -> dict[str, str]:
    """Role word -> office, for the offices of ``link_roles.tsv`` (minister, ambassador, king...)."""
    table: dict[str, str] = {}
    for line in data_lines("link_roles.tsv"):
        cols = line.split("\t")
        if len(cols) > 2 and cols[2].strip():
            table.setdefault(normalize(cols[0]), cols[2].strip())
    offices = set(table.values()) - _VAGUE_OFFICES
    for line in data_lines("titles.tsv"):
        cols = line.split("\t")
        if len(cols) > 1 and cols[1].strip() in offices:
            table.setdefault(normalize(cols[0]), cols[1].strip())
    return {k: v for k, v in table.items() if v in offices}


def _values(value: object) -> list[str]:
    """A value or several (a list, a set, text separated by ; or |) as strings."""
    if value is None:
        return []
    if isinstance(value, str):
        return [v.strip() for v in re.split(r"[;|]", value) if v.strip()]
    if isinstance(value, int | float) and not isinstance(value, bool):
        return [] if isinstance(value, float) and math.isnan(value) else [str(int(value))]
    if isinstance(value, Iterable) and not isinstance(value, Mapping | bytes):
        return [x for v in value for x in _values(v)]
    return [str(value)]


def countries_of(value: object) -> frozenset[str]:
    """Country keys of a value: codes (IQ, IRQ), names and nationality words mapped to one key."""
    table = _country_table()
    out = set()
    for v in _values(value):
        key = normalize(v)
        if not key:
            continue
        found = table.get(key) or table.get(key.removeprefix("al").strip())
        if found is None and key.endswith(("ي", "ی", "يه", "ية")):
            found = table.get(key.rstrip("يیةه"))
        out.add(found or key)
    return frozenset(out)


def roles_of(value: object) -> frozenset[str]:
    """Canonical offices named by a value ("Foreign Minister" -> minister)."""
    table = _role_table()
    out = set()
    for v in _values(value):
        words = normalize(v).split()
        found = {table[w] for w in words if w in table}
        out |= found
    return frozenset(out)


def births_of(value: object) -> tuple[frozenset[int], frozenset[str]]:
    """Birth years and full ISO dates (YYYY-MM-DD) of a value."""
    years: set[int] = set()
    dates: set[str] = set()
    for v in _values(value):
        for m in _ISO_DATE.finditer(v):
            dates.add(m.group(0))
        years.update(int(y) for y in _YEAR.findall(v))
    return frozenset(years), frozenset(dates)


def gender_of(value: object) -> str:
    for v in _values(value):
        g = _GENDERS.get(normalize(v))
        if g:
            return g
    return ""


def _first(attributes: Mapping[str, Any], keys: tuple[str, ...]) -> list[object]:
    return [attributes[k] for k in keys if k in attributes and attributes[k] not in (None, "", [])]


def query_of(
    *, country: object = None, birth_year: object = None, birth_date: object = None, gender: object = None,
    role: object = None,
) -> Query:  # fmt: skip
    """A :class:`Query` from :meth:`Registry.match`'s keyword arguments (TypeError for values of no known form)."""
    if (birth_year is not None and not isinstance(birth_year, int | str)) or isinstance(birth_year, bool):
        raise TypeError(f"birth_year must be an int or str, not {type(birth_year).__name__}")
    years, dates = births_of([birth_year, birth_date])
    if birth_year is not None and not years:
        raise ValueError(f"birth_year must hold a year (1800-2099), got {birth_year!r}")
    shown = {k: ", ".join(_values(v)) for k, v in (("country", country), ("birth", [birth_date, birth_year]),
                                                   ("gender", gender), ("role", role)) if _values(v)}
    return Query(countries_of(country), years, dates, gender_of(gender), roles_of(role), shown)


def compare(query: Query, attributes: Mapping[str, Any]) -> tuple[AttributeEvidence, ...]:
    """The evidence of each attribute both the query and a person's attributes give."""
    if not query or not attributes:
        return ()
    out: list[AttributeEvidence] = []
    if query.years:
        values = _first(attributes, _BIRTH_KEYS)
        years, dates = births_of(values)
        if years:
            rec = ", ".join(_values(values))
            if query.dates and dates and query.dates & dates:
                finding = "birth date agrees"
            elif query.years & years:
                finding = "birth year agrees"
            else:
                gap = min(abs(a - b) for a in query.years for b in years)
                finding = ("birth years one apart" if gap == 1 else "birth years 2-3 apart" if gap <= 3
                           else "birth years 4+ apart")
            out.append(AttributeEvidence("birth", query.shown.get("birth", ""), rec, finding, WEIGHTS[finding]))
    if query.countries:
        values = _first(attributes, _COUNTRY_KEYS)
        theirs = countries_of(values)
        if theirs:
            finding = "country agrees" if theirs & query.countries else "country differs"
            out.append(AttributeEvidence("country", query.shown.get("country", ", ".join(sorted(query.countries))),
                                         ", ".join(_values(values)), finding, WEIGHTS[finding]))
    if query.gender:
        values = _first(attributes, _GENDER_KEYS)
        theirs_g = gender_of(values)
        if theirs_g:
            finding = "gender agrees" if theirs_g == query.gender else "gender differs"
            out.append(AttributeEvidence("gender", query.gender, theirs_g, finding, WEIGHTS[finding]))
    if query.roles:
        values = _first(attributes, _ROLE_KEYS)
        theirs_r = roles_of(values)
        if theirs_r:
            finding = "office agrees" if theirs_r & query.roles else "office differs"
            out.append(AttributeEvidence("role", query.shown.get("role", ", ".join(sorted(query.roles))),
                                         ", ".join(_values(values)), finding, WEIGHTS[finding]))
    return tuple(out)


def moved(chance: float, evidence: tuple[AttributeEvidence, ...]) -> float:
    """A chance moved by the evidence's log-likelihood ratios (added to its log-odds)."""
    if not evidence:
        return chance
    return probability(logit(chance) + sum(e.weight for e in evidence))
