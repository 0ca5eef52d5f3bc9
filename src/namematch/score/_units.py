"""Name units prepared for comparison, and how two of them compare (part of :mod:`namematch.score`).

A unit is prepared once per token (parse fields, romanised and folded Latin spellings,
lexicon groups, rarity); :func:`unit_similarity` compares two units through the best
bridge available — exact form, the name-variant lexicon, romanisation of Arabic-script
units, a shared consonant skeleton, folded spelling — and says which bridge it used.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from typing import Any, Final

import attrs
from rapidfuzz.distance import Indel, Levenshtein

from namematch import lexicon as _lexicon
from namematch.keys import arabic_skeletons, latin_skeletons, unit_keys
from namematch.normalize import ARABIC, OTHER, PERSIAN
from namematch.parse import FAMILY, INITIAL
from namematch.romanize import romanize_unit

#: Two units align only at this similarity or above; weaker look-alikes stay unmatched.
MIN_PAIR_SIMILARITY: Final = 0.72
#: Two family names that do not align but are at least this similar are near spellings.
NEAR_FAMILY: Final = 0.65
#: Added to a same-script unit pair's similarity when the units share a retrieval key.
_KEY_BONUS: Final = 0.06
#: Unit-pair similarities are exact from here up; nothing reads a weaker value.
_EXACT_FROM: Final = min(MIN_PAIR_SIMILARITY, NEAR_FAMILY)
#: Name units read per name in alignment (longer names are truncated): bounds cost.
MAX_UNITS: Final = 12

# Methods by which two units matched (reported by explain()).
EXACT: Final = "exact"
LEXICON: Final = "lexicon variant"
ROMANISED: Final = "romanised"
PHONETIC: Final = "phonetic key"
EDIT: Final = "edit similarity"
INITIAL_MATCH: Final = "initial"
MERGED: Final = "merged units"

#: Similarity of an unlisted Arabic-script unit and a Latin one whose consonant skeletons
#: (3 consonants or more) are the same, when their romanised spellings are further apart.
_SKELETON_MATCH: Final = 0.85
#: Skeletons are compared only for pairs whose romanised spellings are at least this alike.
_SKELETON_FROM: Final = 0.5
#: Discount on the romanised similarity of a Latin and an Arabic-script unit listed in two
#: different lexicon groups: two known names, not a spelling of one (Mahmoud ~ أحمد).
_CROSS_LISTED: Final = 0.9
#: Discount on two different known names in one script (Hassan is not Hussein).
_SAME_SCRIPT_LISTED: Final = 0.85
#: An Arabic-script unit the lexicon does not list is another name than a listed Latin one
#: when its letters are less than this alike to every Arabic-script form listed for it.
_LETTERS_UNLIKE: Final = 0.5

_ARABIC_SCRIPTS: Final = frozenset({ARABIC, PERSIAN})
#: Persian letters as the Arabic press re-spells them (پ→ب, چ→ج, ژ→ز, گ→ك).
_ARABIC_PRESS: Final = str.maketrans({"پ": "ب", "چ": "ج", "ژ": "ز", "گ": "ك"})

# Latin spelling folds under which transliteration variants of one sound meet.
_LATIN_FOLDS: Final = (
    ("ough", "u"), ("ou", "u"), ("oo", "u"), ("ee", "i"), ("ie", "i"), ("ey", "ei"),
    ("ph", "f"), ("gh", "g"), ("kh", "k"), ("dh", "z"), ("th", "s"), ("sch", "sh"),
    ("ch", "sh"), ("dj", "j"), ("ci", "si"), ("ce", "se"),
)  # fmt: skip
#: Then single letters, in one pass (no letter they give is one they replace).
_LETTER_FOLDS: Final = str.maketrans({"q": "k", "c": "k", "x": "ks", "w": "u", "v": "u", "o": "u", "e": "i", "y": "i"})
#: A letter written twice or more in a row.
_DOUBLED: Final = re.compile(r"(.)\1+", re.DOTALL)


def _first_group(m: re.Match[str]) -> str:
    return m.group(1)


@functools.lru_cache(maxsize=1 << 16)
def _fold_latin(s: str) -> str:
    """Fold a Latin spelling so transliteration variants of one name meet
    (cached: units that differ in case, role or article share a core's spelling).

    >>> _fold_latin("soleymani"), _fold_latin("suleimani"), _fold_latin("ghasem"), _fold_latin("qassim")
    ('sulimani', 'sulimani', 'gasim', 'kasim')
    """
    for a, b in _LATIN_FOLDS:
        if a in s:
            s = s.replace(a, b)
    s = s.translate(_LETTER_FOLDS)
    if _DOUBLED.search(s):
        s = _DOUBLED.sub(_first_group, s)
    s = s.replace("ii", "i").replace("ai", "i").replace("ui", "i")
    if len(s) > 3 and s.endswith("h"):
        s = s[:-1]
    return s


def _fold_q(s: str) -> str:
    # q/k/g and gh all meet at k for comparison
    return s.replace("g", "k")


#: A unit prepared for comparison. Built on every first sight of a token and never changed
#: after: a plain slotted class (a frozen attrs class sets each field through
#: object.__setattr__, several times slower to construct).
@attrs.define(slots=True, eq=False)
class _Unit:
    text: str
    norm: str
    core: str
    arabic: bool
    initial: bool
    family: bool
    lineage: bool
    weight: float
    rarity: float
    latin: tuple[str, ...]  # Latin spellings (romanised for Arabic script), lower-case
    folds: tuple[str, ...]  # folded Latin spellings for comparison
    script: str
    groups: frozenset[int]  # lexicon variant groups of the core (empty: not a listed name element)
    homoglyphs: bool
    article: bool
    ckey: str  # what unit similarity depends on: script, initial, core, structure
    head: str  # compound head as parse read it: "abd", "abu", "bin" or ""
    tail: str  # compound tail as parse read it: "din", "allah", "zada" or ""

    @property
    def keys(self) -> frozenset[str]:
        """Retrieval keys, computed on first use (unit_keys caches them): an
        Arabic-script unit's keys need romanisations in both conventions."""
        return _EMPTY if self.initial else unit_keys(self.core, self.script)


@attrs.define(slots=True, eq=False)
class _Prepared:
    source: str
    units: tuple[_Unit, ...]
    has_lineage: bool
    honorifics: tuple[str, ...]
    identity: tuple[str, ...]
    weights: tuple[float, ...]
    weight_sum: float
    arabic: bool
    family_idx: tuple[int, ...]
    #: (i, lo, hi, ckeys of i and i+1) for adjacent word units i, i+1 that could be one split
    #: unit: a single unit of the other name between lo and hi letters long may match them joined
    adjacent: tuple[tuple[int, float, float, tuple[str, str]], ...]
    #: shortest joined length of adjacent units (0: none) and longest single unit (first spelling)
    min_joined: int
    max_single: int
    #: first-spelling length of each unit (0 for an initial: never part of a merge)
    sizes: tuple[int, ...]


def unit_uncached(
    text: str, norm: str, core: str, script: str, role: str, lineage: bool, homoglyphs: bool, article: str,
    head: str, tail: str,
) -> _Unit:  # fmt: skip
    """A name unit prepared for comparison, from the parse fields it depends on (not its
    position in the name, so one cache entry serves every name)."""
    arabic = script in _ARABIC_SCRIPTS
    initial = role == INITIAL
    core = core or norm
    glued = whole = ""
    if not (article or arabic or initial):
        glued = _lexicon._glued_article_core(core)
    if glued:  # "Alsayed" is al-Sayed: compared as "sayed", still a variant of its own listed spellings
        whole, core, article = core, glued, "al"
    if arabic:
        latin = tuple(romanize_unit(core, limit=4)) or (core,)
        if tail == "allah":
            # a "X Allah" compound (Hidayatullah): romanise X, then the divine name
            latin = tuple(dict.fromkeys(x + "ullah" for x in romanize_unit(core[:-4], limit=4))) + latin
    elif script == OTHER:  # Cyrillic, Greek, Han…: compared through a transliteration
        latin = romanize_unit(core, limit=1) or (core,)
    else:
        latin = (core,)
    groups, rarity = (_EMPTY_IDS, 0.5) if initial else _lexicon._facts(core)
    if glued:
        groups += _lexicon._facts(whole)[0]  # the unit's frozenset drops repeats
    weight = 0.15 if initial else 0.25 + 0.75 * rarity
    folds = (_fold_latin(latin[0]),) if len(latin) == 1 else tuple(dict.fromkeys(map(_fold_latin, latin)))
    return _Unit(
        text, norm, core, arabic, initial, role == FAMILY, lineage, weight, rarity, latin, folds, script,
        _EMPTY if initial else _group_set(groups), homoglyphs, bool(article),
        f"{'a' if arabic else 'l'}{'i' if initial else 'w'}{head}:{tail}:{core}{':' + whole if glued else ''}", head, tail,
    )  # fmt: skip


#: One name unit's preparation depends on its token alone, and tokens repeat
#: across names far more than names do: cache per token (bounded).
unit_of = functools.lru_cache(maxsize=1 << 17)(unit_uncached)
_lexicon._on_change.append(unit_of.cache_clear)  # units carry lexicon facts (groups, rarity)


def layout(
    units: Sequence[_Unit],
) -> tuple[
    tuple[str, ...], tuple[float, ...], float, bool, tuple[int, ...],
    tuple[tuple[int, float, float, tuple[str, str]], ...], int, int, tuple[int, ...],
]:  # fmt: skip
    """What :class:`_Prepared` derives from a name's units, in its field order
    (identity to sizes), in one pass: norms, weights and their sum, whether a unit
    is in Arabic script, family-name positions, adjacent word-unit pairs (i, the
    0.7x-1.3x window of their joined first-spelling length, their ckeys), the
    shortest joined length (0: none), the longest word unit and each unit's length."""
    norms: list[str] = []
    weights: list[float] = []
    arabic = False
    family_idx: list[int] = []
    adjacent: list[tuple[int, float, float, tuple[str, str]]] = []
    sizes: list[int] = []
    min_joined: int | None = None
    max_single = 0
    prev_size = -1  # first-spelling length of the previous unit; -1 after an initial
    for k, u in enumerate(units):
        norms.append(u.norm)
        weights.append(u.weight)
        arabic = arabic or u.arabic
        if u.family:
            family_idx.append(k)
        if u.initial:
            sizes.append(0)
            prev_size = -1
            continue
        size = len(u.latin[0])
        sizes.append(size)
        if prev_size >= 0:
            joined = prev_size + size
            # (a joined pair must be about as long as one unit of the other name: 0.7x-1.3x)
            adjacent.append((k - 1, 0.7 * joined, 1.3 * joined, (units[k - 1].ckey, u.ckey)))
            if min_joined is None or joined < min_joined:
                min_joined = joined
        if size > max_single:
            max_single = size
        prev_size = size
    return (tuple(norms), tuple(weights), sum(weights), arabic, tuple(family_idx), tuple(adjacent), min_joined or 0,
            max_single, tuple(sizes))  # fmt: skip


_EMPTY_IDS: Final[tuple[int, ...]] = ()
#: One shared empty set (each ``frozenset()`` call makes a new, GC-tracked object).
_EMPTY: Final[frozenset[Any]] = frozenset()


@functools.lru_cache(maxsize=1 << 16)
def _group_set(ids: tuple[int, ...]) -> frozenset[int]:
    """The set of a unit's lexicon group ids, one per distinct id tuple: the variants of a
    name share it, and most units, in no group, share the empty one."""
    return frozenset(ids) if ids else _EMPTY


# -- compounds ------------------------------------------------------------------

#: "Abd X" against a plain "X" (Abdul Basir ~ Basir): the press drops the "Abd" of a
#: well-known bearer, yet Hamid and Abdul Hamid are also two names, so such a pair
#: counts at most this much. So does "Abu X" against "X" (lists print the family name
#: "Abu Marzook" as "MARZOUK, Musa Abu") and a nasab written as one word against its
#: name ("BINALSHIBH" ~ "al-Shibh").
_ABD_DROPPED: Final = 0.85
#: What a compound's head is in folded spelling (parse says which head a unit has).
_HEAD_PATTERNS: Final = {
    "abd": re.compile("abd[aeiou]?l?"),
    "abu": re.compile("abu"),
    "bin": re.compile("(?:bin|ibn)(?:[ai]l)?"),
}
#: A compound's tail in folded spelling: "X ud-Din", "X Allah", "X Zada".
_COMPOUND_TAIL: Final = re.compile(r"(?:[aeiou]?l?d+in[ei]?|[aeiou]l+ah?|zad[aei])$")
#: Similarity of a compound to its own first element (before the edit similarity of the two).
_STEM_MATCH: Final = 0.9


@functools.lru_cache(maxsize=1 << 16)
def _stem(fold: str) -> str | None:
    """The first element of a folded "X ud-Din" / "X Allah" / "X Zada" compound (3+ letters), else None."""
    m = _COMPOUND_TAIL.search(fold)
    return fold[: m.start()] if m and m.start() >= 3 else None


def _rest(fold: str, head: str, least: int = 3) -> str | None:
    """A folded spelling without its compound head (``least`` letters left or more), else None."""
    m = _HEAD_PATTERNS[head].match(fold)
    return fold[m.end() :] if m and len(fold) - m.end() >= least else None


def _stem_similarity(compound: _Unit, plain: _Unit) -> float:
    """A compound against a plain unit: "Siraj" ~ "Sirajuddin" through the compound's first element."""
    best = 0.0
    for x in compound.folds:
        sx = _stem(x)
        if sx is None:
            continue
        for y in plain.folds:
            r = Indel.normalized_similarity(sx, y) * _STEM_MATCH
            if r > best:
                best = r
    return best


def _dropped_head_similarity(full: _Unit, plain: _Unit) -> float:
    """"Abd X", "Abu X" or a one-word nasab against a plain "X", at :data:`_ABD_DROPPED`."""
    best = 0.0
    for x in full.folds:
        rest = _rest(x, full.head)
        if rest is None:
            continue
        for y in plain.folds:
            r = Indel.normalized_similarity(rest, y) * _ABD_DROPPED
            if r > best:
                best = r
    return best


def _folded_similarity(u: _Unit, v: _Unit) -> float:
    """Best edit similarity of two units' folded Latin spellings: two "Abd X" (two "Abu X")
    compared on X, a compound also on its first element, an "Abd X", "Abu X" or one-word
    nasab against a plain "X" at a discount."""
    both = u.head if u.head == v.head and u.head in ("abd", "abu") else ""
    best = 0.0
    for x in u.folds:
        rx = _rest(x, both, 1) if both else None
        for y in v.folds:
            ry = _rest(y, both, 1) if rx is not None else None
            r = Indel.normalized_similarity(rx, ry) if ry is not None else Indel.normalized_similarity(x, y)
            if r > best:
                best = r
    if best < _STEM_MATCH and bool(u.tail) != bool(v.tail):
        best = max(best, _stem_similarity(u, v) if u.tail else _stem_similarity(v, u))
    if best < _ABD_DROPPED and u.head != v.head:
        if u.head:
            best = max(best, _dropped_head_similarity(u, v))
        if v.head:
            best = max(best, _dropped_head_similarity(v, u))
    return best


def _unlike_listed_forms(core: str, groups: AbstractSet[int]) -> bool:
    """Whether an Arabic-script unit (its folded ``core``) is unlike, letter for letter, every
    Arabic-script form the lexicon lists for ``groups`` (a Latin unit's groups); False when the
    groups list no Arabic-script form (Latin-only groups say nothing about Arabic spelling)."""
    arabic = _lexicon._current().arabic
    forms = [f for g in groups for f in arabic[g]]
    if not forms:
        return False
    letters = core.translate(_ARABIC_PRESS)
    return all(Levenshtein.normalized_similarity(f.translate(_ARABIC_PRESS), letters) < _LETTERS_UNLIKE for f in forms)


@functools.lru_cache(maxsize=1 << 16)
def _long_skeletons(core: str, arabic: bool) -> frozenset[str]:
    """A unit's consonant skeletons of three consonants or more (see namematch.keys)."""
    skeletons = arabic_skeletons(core) if arabic else latin_skeletons(core)
    return frozenset(k for k in skeletons if len(k) >= 3)


def unit_similarity(u: _Unit, v: _Unit) -> tuple[float, str]:
    """Similarity of two units in [0, 1] and the bridge it came through (``method``).

    Exact at or above ``_EXACT_FROM``; below it, only that it is below (such pairs
    never align and never make two family names near, so nothing reads their value).
    """
    if u.initial or v.initial:
        if u.initial and v.initial:
            return (1.0, INITIAL_MATCH) if u.core == v.core else (0.0, INITIAL_MATCH)
        ini, full = (u, v) if u.initial else (v, u)
        letter = _fold_q(ini.core[:1])
        if any(_fold_q(x[:1]) == letter for x in full.latin):
            return 0.8, INITIAL_MATCH
        return 0.0, INITIAL_MATCH
    if u.core == v.core:
        return 1.0, EXACT
    both_arabic = u.arabic and v.arabic
    if both_arabic:
        a, b = u.core.translate(_ARABIC_PRESS), v.core.translate(_ARABIC_PRESS)
        if a == b:
            return 0.97, EXACT
    if not u.groups.isdisjoint(v.groups):
        return 0.95, LEXICON
    if both_arabic:
        # the letters themselves: romanised folds would merge خ with ه (Khan ~ Hani)
        best = Levenshtein.normalized_similarity(a, b) * 0.95
    else:
        best = _folded_similarity(u, v)
    # a unit in another script (Cyrillic, Greek…) meets a Latin one through its transliteration
    transliterated = (u.script == OTHER) != (v.script == OTHER)
    method = ROMANISED if (u.arabic != v.arabic or transliterated) else EDIT
    if best >= 0.999:
        return (0.93, method) if u.arabic != v.arabic else (0.96, ROMANISED if transliterated else PHONETIC)
    # shared retrieval keys lift a same-script pair; a pair the lift cannot bring
    # to _EXACT_FROM is never read (it neither aligns nor makes family names near),
    # so its keys (romanisations in both conventions for Arabic script) are not needed
    if u.arabic == v.arabic and best + _KEY_BONUS >= _EXACT_FROM and u.keys & v.keys:
        best = min(1.0, best + _KEY_BONUS)
        if method == EDIT:
            method = PHONETIC
    if u.groups and v.groups and u.arabic == v.arabic:
        best *= _SAME_SCRIPT_LISTED  # two different known names in one script: Hassan is not Hussein
    elif u.groups and v.groups:
        best *= _CROSS_LISTED  # the same across scripts, more gently: Mahmoud is not أحمد
    elif (
        _SKELETON_FROM <= best < _SKELETON_MATCH
        and u.arabic != v.arabic
        and not ((u.arabic and u.groups) or (v.arabic and v.groups))
    ):
        # an Arabic-script name the lexicon does not know, its romanisations far from the
        # Latin spelling: the consonants still meet (محرز ~ Mehrez, romanised "muhars")
        ar, la = (u, v) if u.arabic else (v, u)
        if not la.initial and la.script != OTHER and _long_skeletons(ar.core, True) & _long_skeletons(la.core, False):
            best, method = _SKELETON_MATCH, PHONETIC
        elif best >= _EXACT_FROM and la.groups and _unlike_listed_forms(ar.core, la.groups):
            best *= _CROSS_LISTED  # as for two listed names: Eshaq (اسحاق) is not شكور
    return best, method


def evidence(similarity: float) -> float:
    """How much a unit-pair similarity counts toward a match.

    Spelling variants of one name score 0.85-1.0; different names that look
    alike (Hassan/Hussein, Mohammed/Ahmed) score 0.6-0.75 and must count little.
    """
    if similarity >= 0.95:
        return similarity
    x = (similarity - 0.6) / 0.35
    return 0.0 if x <= 0 else 0.95 * x**1.5
