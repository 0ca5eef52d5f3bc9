"""The word lists of the linker, loaded once into one frozen value (private).

:func:`words` returns a :class:`LinkWords`: the reviewed ``data/link_*`` lists
(roles, qualifiers, verbs of saying, places and nationality words, organisation
words, stop words, given names, words that name a place after a person), the
titles and honorifics the parser uses, and the word-frequency tables of
``wordfreq`` (English, Arabic, Persian; its data is CC-BY-SA 4.0) keyed by
namematch's normal form. Nothing here is swapped at run time: tests that need
other lists build their own :class:`LinkWords`.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from itertools import product
from types import MappingProxyType
from typing import Final

import attrs

from namematch._data import data_lines
from namematch.normalize import normalize, normalize_arabic, normalize_latin

__all__ = ["LinkWords", "words"]

#: The lowest Zipf value in wordfreq's "small" lists (one in a million words).
MIN_ZIPF = 3.0


def _frozen(values: set[str]) -> frozenset[str]:
    return frozenset(v for v in values if v)


def _table(filename: str) -> list[tuple[str, ...]]:
    rows = []
    for line in data_lines(filename):
        fields = tuple(f.strip() for f in line.split("\t"))
        if fields and fields[0]:
            rows.append(fields)
    return rows


def _list(filename: str) -> frozenset[str]:
    return _frozen({normalize(line.strip()) for line in data_lines(filename)})


def zipf_table(lang: str) -> Mapping[str, float]:
    """Zipf frequency (log10 of occurrences per billion words, >= 3) of the words of
    wordfreq's small list for ``lang``, keyed by namematch's normal form; empty when
    wordfreq is not installed."""
    try:
        from wordfreq import get_frequency_list
    except ImportError:  # pragma: no cover - wordfreq is a dependency
        return MappingProxyType({})
    table: dict[str, float] = {}
    arabic = lang in ("ar", "fa", "ur")
    for bucket, forms in enumerate(get_frequency_list(lang, "small")):
        if not forms:
            continue
        zipf = round(9.0 - bucket / 100.0, 2)
        for form in forms:
            if not form.isalpha() and not (arabic and "\u200c" in form):
                continue
            key = normalize_arabic(form).replace(" ", "") if arabic else normalize_latin(form)
            if key and key not in table:
                table[key] = zipf
    return MappingProxyType(table)


#: Persian letters and the Arabic letters the Arabic press writes them with (پیمان -> بيمان, گلناز ->
#: جلناز, منوچهر -> منوتشهر).
_ARABIC_LETTERS_FOR: Final = {"پ": ("ب",), "چ": ("تش", "ج"), "ژ": ("ج", "ز"), "گ": ("ج", "غ", "ك")}
#: An Arabic spelling of a Persian given name is listed too unless Arabic uses the word this often
#: (Zipf): a common word it would also spell (جان of ژان).
_ARABIC_SPELLING_ZIPF: Final = 4.0


def _arabic_spellings(given: frozenset[str], arabic_zipf: Mapping[str, float]) -> frozenset[str]:
    """The Arabic-letter spellings of the listed given names written with Persian letters
    (پ چ ژ گ), none a common Arabic word."""
    out: set[str] = set()
    for form in given:
        if not any(c in _ARABIC_LETTERS_FOR for c in form):
            continue
        for combo in product(*(_ARABIC_LETTERS_FOR.get(c, (c,)) for c in form)):
            spelled = "".join(combo)
            if arabic_zipf.get(spelled, 0.0) < _ARABIC_SPELLING_ZIPF:
                out.add(spelled)
    return frozenset(out)


@attrs.frozen(slots=True, eq=False)
class LinkWords:
    """Every word list the linker reads, as normalised forms (compared and hashed by
    identity: caches key on the one value in use)."""

    #: honorifics (not part of a name, recorded on the mention): Sayyid, Dr, الشيخ, آقای
    honorifics: frozenset[str]
    #: offices and relations that announce a name after them (titles and honorifics included)
    roles: frozenset[str]
    #: plural titles after which a list of names follows (Messrs, السادة, آقایان)
    plural_titles: frozenset[str]
    #: words that may stand between a role and a name (portfolio words, "Foreign", "Affairs")
    quals: frozenset[str]
    #: verbs of saying, after which a known name element starts a name
    says: frozenset[str]
    places: frozenset[str]
    nationalities: frozenset[str]
    #: place or nationality form -> country key (Iraqi, العراقي, عراق -> iraq)
    country_of: Mapping[str, str]
    #: organisation words: a capitalised run holding one names an organisation
    orgs: frozenset[str]
    #: words that make the name after them a place or institution (airport, street, مطار, شارع)
    named_after: frozenset[str]
    stops: frozenset[str]
    #: given names (and common family-name elements) that count as name evidence
    given: frozenset[str]
    #: canonical role of a role word (minister, president, ambassador, ...)
    role_of: Mapping[str, str]
    #: Zipf frequency of ordinary words: "en", and "ar" / "fa" for Arabic script
    zipf: Mapping[str, Mapping[str, float]]
    #: name-shape weights of character n-grams (see link._shape)
    shape: Mapping[str, float] = MappingProxyType({})
    #: ordinal words after a regnal or papal name (الرابع, عشر, چهاردهم)
    ordinals: frozenset[str] = frozenset()
    #: East Asian family names in Arabic script (کیم, وانغ): a name written family name first
    east_asian: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def words() -> LinkWords:
    """The shipped word lists (loaded once)."""
    titles = {normalize(r[0]): (r[1] if len(r) > 1 else "") for r in _table("titles.tsv")}
    honorifics = {normalize(r[0]) for r in _table("honorifics.tsv")}
    roles: set[str] = set()
    quals: set[str] = set()
    says: set[str] = set()
    plural: set[str] = set()
    ordinals: set[str] = set()
    role_of: dict[str, str] = {k: v for k, v in titles.items() if k and v}
    for row in _table("link_roles.tsv"):
        form = normalize(row[0])
        kind = row[1] if len(row) > 1 else "role"
        if kind == "qualifier":
            quals.add(form)
        elif kind == "say":
            says.add(form)
        elif kind == "plural":
            plural.add(form)
            roles.add(form)
        elif kind == "ordinal":
            ordinals.add(form)
        elif kind == "honorific":
            honorifics.add(form)
            roles.add(form)
        else:
            roles.add(form)
        if len(row) > 2 and row[2]:
            role_of[form] = row[2]
    places: set[str] = set()
    nationalities: set[str] = set()
    country_of: dict[str, str] = {}
    for row in _table("link_places.tsv"):
        form = normalize(row[0])
        kind = row[1] if len(row) > 1 else "place"
        (nationalities if kind == "nationality" else places).add(form)
        if len(row) > 2 and row[2]:
            country_of[form] = row[2]
    not_honorific = {"he", "his", "her", "grand", "royal", "م", "د"}
    zipf = MappingProxyType({lang: zipf_table(lang) for lang in ("en", "ar", "fa")})
    given = _list("link_given_names.txt")
    return LinkWords(
        honorifics=_frozen(honorifics - not_honorific),
        roles=_frozen(roles | set(titles) | (honorifics - not_honorific) | plural),
        plural_titles=_frozen(plural),
        quals=_frozen(quals),
        says=_frozen(says),
        places=_frozen(places),
        nationalities=_frozen(nationalities),
        country_of=MappingProxyType(country_of),
        orgs=_list("link_orgs.txt"),
        named_after=_list("link_named_after.txt"),
        stops=_list("link_stopwords.txt") | _list("link_calendar.txt"),
        given=given | _arabic_spellings(given, zipf["ar"]),
        role_of=MappingProxyType(role_of),
        zipf=zipf,
        shape=MappingProxyType({r[0]: float(r[1]) for r in _table("link_name_shape.tsv") if len(r) > 1}),
        ordinals=_frozen(ordinals),
        east_asian=_list("link_east_asian_names.txt"),
    )
