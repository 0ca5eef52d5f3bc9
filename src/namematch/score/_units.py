"""Name units prepared for comparison, and how two of them compare (part of :mod:`namematch.score`).

A unit is prepared once per token (parse fields, romanised and folded Latin spellings,
lexicon groups, rarity); :func:`unit_similarity` compares two units through the best
bridge available — exact form, the name-variant lexicon, romanisation of Arabic-script
units, a shared consonant skeleton, folded spelling — and says which bridge it used.
"""

from __future__ import annotations

import functools
import operator
import re
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from typing import Any, Final

import attrs
from rapidfuzz.distance import Indel, Levenshtein

from namematch import _latin_words
from namematch import _morphology as morph
from namematch._data import data_sections
from namematch._folding import fold_latin, j_as_y, single_letters
from namematch._foreign import foreign_readings
from namematch._model_spelling import model_spells, target_skeletons
from namematch._translit import MATCH_LIMIT, JointModel, decode
from namematch.keys import arabic_skeletons, latin_skeletons, unit_keys
from namematch.lexicon import Lexicon
from namematch.normalize import ARABIC, LATIN, OTHER, PERSIAN
from namematch.parse import FAMILY, INITIAL, UnitFields
from namematch.resources import Resources
from namematch.romanize import romanize_unit
from namematch.score._config import DEFAULT_CONFIG, ScoreConfig

# The thresholds and discounts of unit comparison are fields of the scorer's ScoreConfig
# (namematch.score._config), passed to unit_similarity as ``cfg``.

# Methods by which two units matched (reported by explain()).
EXACT: Final = "exact"
LEXICON: Final = "lexicon variant"
ROMANISED: Final = "romanised"
PHONETIC: Final = "phonetic key"
EDIT: Final = "edit similarity"
INITIAL_MATCH: Final = "initial"
MERGED: Final = "merged units"
#: A given name and a short form of it (Alex ~ Alexander): agreement, never a spelling of it.
SHORT_FORM: Final = "short form"
#: A compound and its own first element, or "Abd X" / "Abu X" and a plain "X" (Siraj ~
#: Sirajuddin, Abdul Hamid ~ Hamid): agreement at a discount, never a spelling of it.
REDUCED: Final = "reduced form"

#: Alef forms, dropped when two Arabic-script spellings are compared: a long a written or not
#: is a spelling's choice (عبدالرحمن ~ عبدالرحمان); a ي or و more is another name (حسن, حسين).
_NO_ALEF: Final = str.maketrans("", "", "اأإآى")
#: The alef forms a word may begin with, as one letter.
_FIRST_ALEF: Final = str.maketrans("أإآ", "ااا")


def without_alefs(core: str) -> str:
    """An Arabic-script spelling without its long-vowel alefs (:data:`_NO_ALEF`), but for a
    word-initial alef: that one carries the word's first vowel, no long a, and a word with it is
    another name than the word without it (احمد Ahmad, حمد Hamad; اسعد Asad, سعد Saad; انور
    Anwar, نور Nour), while a long a written or not is a spelling's choice (عبدالرحمان)."""
    return core[:1].translate(_FIRST_ALEF) + core[1:].translate(_NO_ALEF)


_ARABIC_SCRIPTS: Final = frozenset({ARABIC, PERSIAN})
#: Persian letters as the Arabic press re-spells them (پ→ب, چ→ج, ژ→ز, گ→ك).
_ARABIC_PRESS: Final = str.maketrans({"پ": "ب", "چ": "ج", "ژ": "ز", "گ": "ك"})

#: Consonant classes of folded spellings and vowel slots: the letters transliterations of one
#: sound confuse share a class (b/p, t/d, s/z, k/g/q, j and a consonant y: Yuri ~ Jury), vowels
#: are slots. A z is
#: read both as s (Hamza ~ Hamsa) and as d (the fold writes dh as z: Qadhafi ~ Gaddafi).
_SOUND_CLASSES: Final = str.maketrans({
    "b": "B", "p": "B", "t": "T", "d": "T", "s": "S", "j": "J", "k": "K", "g": "K", "h": "H",
    "f": "F", "l": "L", "m": "M", "n": "N", "r": "R", "y": "J", "a": "V", "i": "V", "u": "V",
})  # fmt: skip
_SOUND_LETTERS: Final = frozenset("BTSJKHFLMNRVX")
#: Letter groups written for one sound (Belarusian dz for d, ts and tz for s), then an h
#: beside a consonant, which transliterations add and drop (Pahlawan ~ Palawan).
_SOUND_GROUPS: Final = (("sh", "X"), ("ts", "s"), ("tz", "s"), ("dz", "d"))
_SILENT_H: Final = re.compile(r"(?<=[^aiu])h|h(?=[^aiu])")


@functools.lru_cache(maxsize=1 << 16)
def _sounds(fold: str) -> tuple[str, ...]:
    """A folded spelling as consonant classes and vowel slots, runs collapsed ("kazafi",
    "gadafi" -> "KVTVFV"; "hamza", "hamsa" -> "HVMSV"), each reading of its z's, each once;
    empty when it has fewer than two consonant classes (too short to say two spellings sound
    alike) or letters outside them. A tuple of strings, which the garbage collector stops
    watching (a set it would watch for as long as the cache keeps it)."""
    for a, b in _SOUND_GROUPS:
        if a in fold:
            fold = fold.replace(a, b)
    if "h" in fold:
        fold = _SILENT_H.sub("", fold)
    readings = [fold]
    for _ in range(min(fold.count("z"), 2)):
        readings = [r.replace("z", z, 1) for r in readings for z in "sd"]
    out: list[str] = []
    for r in readings:
        sound = r.translate(_SOUND_CLASSES)
        if not _SOUND_LETTERS.issuperset(sound):
            return ()
        sound = single_letters(sound)
        if len(sound) - sound.count("V") >= 2 and len(sound) >= 4 and sound not in out:
            out.append(sound)
    return tuple(out)


def _meet(xs: tuple[str, ...], ys: tuple[str, ...]) -> bool:
    """Whether two short tuples of sounds share one."""
    for x in xs:
        if x in ys:
            return True
    return False


def _sound_alike(xs: Sequence[str], ys: Sequence[str]) -> bool:
    """Whether some folded spellings of two units sound alike (:func:`_sounds`)."""
    for x in xs:
        sx = _sounds(x)
        if sx and any(_meet(sx, _sounds(y)) for y in ys):
            return True
    return False


@functools.lru_cache(maxsize=1 << 16)
def _all_sounds(folds: tuple[str, ...]) -> tuple[str, ...]:
    """The sounds (:func:`_sounds`) of all of a unit's folded spellings, each once: two units
    sound alike (:func:`_sound_alike` of their folds) when theirs meet (:func:`_meet`)."""
    if len(folds) == 1:
        return _sounds(folds[0])
    return tuple(dict.fromkeys([s for fold in folds for s in _sounds(fold)]))


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
    ckey: str  # what unit similarity depends on: script, initial, family or not, core, structure
    head: str  # compound head as parse read it: "abd", "abu", "umm", "bin" or ""
    tail: str  # compound tail as parse read it: "din", "allah", "zada" or ""
    #: listed in a lexicon group that has an Arabic-script form: a known Arabic or Persian name
    #: element (two such, in different groups, are two names: Hassan, Hussein; a Latin-only
    #: group, clustered from list aliases, says less)
    named: bool
    #: a Latin word starting with al/el that parse did not read as article + name, folded
    #: without those letters ("ALSHAER": "shair"), to meet the same name written with the
    #: article apart ("AL-SHAER"); else ""
    bare: str
    #: the name data the unit was prepared with (its scorer's)
    resources: Resources
    #: the first letter of a Latin-script unit's core, else "": the final-letter rules of two
    #: Latin spellings (final_vowel_contrast, slavic_derived, final_devoiced) read only units
    #: that share it (one look-up where slicing both cores cost a tenth of a comparison)
    latin_first: str
    #: the unit as prepared reads as romanised from a script that leaves the romanisation its
    #: vowels to choose: in Arabic script, with an article or a compound head or tail, or a Latin
    #: word :func:`_romanised_latin` reads so (:func:`in_context` reads it)
    romanised: bool = False
    #: a Latin word of a name none of whose elements reads as romanised Arabic or Persian
    #: (:func:`in_context`): its vowels are its own (:func:`vowel_contrast`)
    foreign: bool = False

    @property
    def keys(self) -> frozenset[str]:
        """Retrieval keys, computed on first use (unit_keys caches them): an
        Arabic-script unit's keys need romanisations in both conventions."""
        return _EMPTY if self.initial else unit_keys(self.core, self.script, resources=self.resources, head=self.head)


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
    #: (i, lo, hi, flo, fhi, ckeys of i and i+1) for adjacent word units i, i+1 that could be
    #: one split unit: a single unit of the other name between lo and hi letters long (first
    #: spelling), or flo and fhi (first fold), may match them joined (:func:`in_window`)
    adjacent: tuple[tuple[int, float, float, float, float, tuple[str, str]], ...]
    #: the lowest lower bound of those windows (0: none) and the longest single unit (first
    #: spelling or first fold)
    least_joined: float
    max_single: int
    #: first-spelling length of each unit (0 for an initial: never part of a merge)
    sizes: tuple[int, ...]
    #: first-fold length of each unit (0 for an initial)
    fold_sizes: tuple[int, ...]
    #: the weights of the given names and initials after the first (not family names): the chain
    middle: tuple[float, ...]
    #: what the closed form of a pair with no unit aligned reads of this name
    #: (``_rules.unaligned_features``): a family name, one with the article, one unit or more,
    #: an initial in front, the chain's length, Arabic script
    closed: tuple[bool, bool, int, bool, int, bool]
    #: the configuration of the scorer that prepared it (alignment and the rules read it)
    config: ScoreConfig


def unit_uncached(
    text: str, norm: str, core: str, script: str, role: str, lineage: bool, homoglyphs: bool, article: str,
    head: str, tail: str, resources: Resources,
) -> _Unit:  # fmt: skip
    """A name unit prepared for comparison, from the parse fields it depends on (not its
    position in the name, so one cache entry serves every name) and the name data of
    ``resources``."""
    lexicon = resources.lexicon
    arabic = script in _ARABIC_SCRIPTS
    initial = role == INITIAL
    core = core or norm
    glued = whole = rest = ""
    if not (article or arabic or initial):
        # a word beginning like a glued article (the rest: "" for most): read as article + name
        # where the lexicon lists the rest, else compared without those letters too (``bare``)
        rest = morph.latin_article_rest(core)
        if rest:
            glued = lexicon.glued_article_core(core)
    if glued:  # "Alsayed" is al-Sayed: compared as "sayed", still a variant of its own listed spellings
        whole, core, article = core, glued, "al"
    if arabic:
        latin = tuple(romanize_unit(core, limit=4, resources=resources, head=head)) or (core,)
        stem = morph.split_tail(core, 0) if tail == morph.ALLAH else None
        if stem is not None:
            # a "X Allah" compound (Hidayatullah): romanise X, then the divine name
            allah = morph.canonical(morph.ALLAH)
            latin = tuple(dict.fromkeys(x + allah for x in romanize_unit(stem[0], limit=4, resources=resources))) + latin
    elif script == OTHER:  # Cyrillic, Greek, Han…: compared through a transliteration
        latin = romanize_unit(core, limit=1, resources=resources) or (core,)
    else:
        latin = latin_readings(core)
    groups, rarity = (_EMPTY_IDS, 0.5) if initial else lexicon.facts(core)
    if glued:
        groups += lexicon.facts(whole)[0]  # the unit's frozenset drops repeats
    weight = 0.15 if initial else 0.25 + 0.75 * rarity
    folds = (fold_latin(latin[0]),) if len(latin) == 1 else tuple(dict.fromkeys(map(fold_latin, latin)))
    unit_groups = _EMPTY if initial else _group_set(groups)
    named = bool(unit_groups) and (arabic or _arabic_backed(unit_groups, lexicon))
    bare = fold_latin(rest) if rest and not glued and script == LATIN else ""
    romanised = arabic or bool(article) or bool(head or tail) or (
        script == LATIN and not initial and _romanised_latin(core, unit_groups, lexicon))
    return _Unit(
        text, norm, core, arabic, initial, role == FAMILY, lineage, weight, rarity, latin, folds, script,
        unit_groups, homoglyphs, bool(article),
        # (a family unit is its own key: "Abu X" as a family name is X, as a kunya it is not)
        f"{'a' if arabic else 'l'}{'i' if initial else 'w'}{'f' if role == FAMILY else 'g'}{head}:{tail}:{core}"
        f"{':' + whole if glued else ''}", head, tail,
        named, bare, resources, core[:1] if script == LATIN else "", romanised,
    )  # fmt: skip


@functools.lru_cache(maxsize=1 << 16)
def latin_readings(core: str) -> tuple[str, ...]:
    """A Latin spelling and its other readings, compared each: "ch" is sh (Chafik), kh (Barich,
    بريخ) or the Persian ch the Arabic press writes ج (Araghchi, عراقجي); "th" is ث (Othman,
    Osman) or ذ (Ghathafi, Qadhafi); a j between a consonant and a, e, o or u, or ending a
    longer word after e or i, is the y sound that Slavic, German, Dutch and Scandinavian
    spelling write j (Benjamin ~ Benyamin ~ بنيامين, Anja ~ Anya, Sergej ~ Sergey; the fold
    reads a y there as a vowel); "tz" is ts (Katz, كاتس)."""
    out = [core]
    if "ch" in core:
        out += [core.replace("ch", "kh"), core.replace("ch", "j")]
    if "th" in core:
        out += [x.replace("th", "dh") for x in out]
    if "tz" in core:
        out.append(core.replace("tz", "ts"))  # German and Yiddish tz is ts: Katz ~ كاتس, Horowitz ~ هورويتس
    y = j_as_y(core)
    if y != core:
        out.append(y)
    return tuple(out)


def _arabic_backed(groups: frozenset[int], lexicon: Lexicon) -> bool:
    """Whether one of the lexicon groups lists an Arabic-script form."""
    arabic = lexicon.arabic
    for g in groups:
        if arabic[g]:
            return True
    return False


#: How many parses of a token a Resources value keeps the prepared unit of (its ``"units"``
#: memo, :func:`units_of`), before it starts over.
UNIT_MEMO = 1 << 17


def units_of(fields: Iterable[UnitFields], resources: Resources) -> tuple[_Unit, ...]:
    """:func:`unit_uncached` of each unit's parse fields as :func:`namematch.parse.name_fields`
    gives them, kept by ``resources`` (:meth:`~namematch.resources.Resources.memo`; two values
    never share an entry): one name unit's preparation depends on its token alone, and tokens
    repeat across names far more than names do. Keyed by the fields tuple alone, which holds
    only strings and flags: the garbage collector stops watching the keys."""
    table: dict[UnitFields, _Unit] = resources.memo("units")
    out = []
    for f in fields:
        unit = table.get(f)
        if unit is None:
            unit = unit_uncached(*f, resources)
            if len(table) >= UNIT_MEMO:
                table.clear()
            table[f] = unit
        out.append(unit)
    return tuple(out)


def layout(
    units: Sequence[_Unit],
) -> tuple[
    tuple[str, ...], tuple[float, ...], float, bool, tuple[int, ...],
    tuple[tuple[int, float, float, float, float, tuple[str, str]], ...], float, int, tuple[int, ...],
    tuple[int, ...], tuple[float, ...],
    tuple[bool, bool, int, bool, int, bool],
]:  # fmt: skip
    """What :class:`_Prepared` derives from a name's units, in its field order
    (identity to closed), in one pass: norms, weights and their sum, whether a unit
    is in Arabic script, family-name positions, adjacent word-unit pairs (i, the
    0.7x-1.3x window of their joined spellings' length, the 0.75x-1.3x one of their folds',
    their ckeys), the lowest bound of those windows (0: none), the longest
    word unit (spelling or fold), each unit's first-spelling and first-fold length,
    the weights of the given names after the first and the facts of the closed form."""
    weights: list[float] = []
    arabic = False
    family_idx: list[int] = []
    family_article = False
    adjacent: list[tuple[int, float, float, float, float, tuple[str, str]]] = []
    sizes: list[int] = []
    fold_sizes: list[int] = []
    least_joined = -1.0  # (no adjacent pair yet)
    max_single = 0
    prev_size = -1  # first-spelling length of the previous unit; -1 after an initial
    prev_fsize = prev_longest = prev_flongest = 0  # the previous unit's first-fold, longest spelling and fold lengths
    prev_key = ""
    middle: list[float] = []
    k = 0
    for u in units:
        weight = u.weight
        weights.append(weight)
        if u.arabic:
            arabic = True
        if u.family:
            family_idx.append(k)
            if u.article:
                family_article = True
        elif k:
            middle.append(weight)
        if u.initial:
            sizes.append(0)
            fold_sizes.append(0)
            prev_size = -1
            k += 1
            continue
        # (the lengths of the first spelling and fold, and of the longer of the first two of each)
        latin, folds = u.latin, u.folds
        size = longest = len(latin[0])
        if len(latin) > 1 and len(latin[1]) > size:
            longest = len(latin[1])
        fsize = flongest = len(folds[0])
        if len(folds) > 1 and len(folds[1]) > fsize:
            flongest = len(folds[1])
        sizes.append(size)
        fold_sizes.append(fsize)
        if prev_size >= 0:
            # (a joined pair must be about as long as one unit of the other name: 0.7x the
            # first spellings' length to 1.3x the longer of the first two, or 0.75x-1.3x so of
            # the folds: a split syllable the quick romanisation spells long, شيويه "scheuer",
            # folds short, "shiir"; one it spells short, له "la", may be "lah")
            lo, flo = 0.7 * (prev_size + size), 0.75 * (prev_fsize + fsize)
            adjacent.append((k - 1, lo, 1.3 * (prev_longest + longest), flo, 1.3 * (prev_flongest + flongest),
                             (prev_key, u.ckey)))
            least = lo if lo < flo else flo
            if least_joined < 0.0 or least < least_joined:
                least_joined = least
        if size > max_single:
            max_single = size
        if fsize > max_single:
            max_single = fsize
        prev_size, prev_fsize, prev_longest, prev_flongest = size, fsize, longest, flongest
        prev_key = u.ckey
        k += 1
    closed = (bool(family_idx), family_article, min(k, 2), bool(units) and units[0].initial, len(middle), arabic)
    return (tuple([u.norm for u in units]), tuple(weights), sum(weights), arabic, tuple(family_idx),
            tuple(adjacent), least_joined if least_joined >= 0.0 else 0.0, max_single, tuple(sizes),
            tuple(fold_sizes), tuple(middle), closed)  # fmt: skip


def in_window(lo: float, hi: float, flo: float, fhi: float, size: int, fsize: int) -> bool:
    """Whether a unit (``size``: its first spelling's length, ``fsize``: its first fold's) is
    about as long as an adjacent pair joined (the windows of :attr:`_Prepared.adjacent`); an
    initial (sizes 0) never is."""
    return (lo <= size <= hi or flo <= fsize <= fhi) and size > 0


_EMPTY_IDS: Final[tuple[int, ...]] = ()
#: One shared empty set (each ``frozenset()`` call makes a new, GC-tracked object).
_EMPTY: Final[frozenset[Any]] = frozenset()


@functools.lru_cache(maxsize=1 << 16)
def _group_set(ids: tuple[int, ...]) -> frozenset[int]:
    """The set of a unit's lexicon group ids, one per distinct id tuple: the variants of a
    name share it, and most units, in no group, share the empty one."""
    return frozenset(ids) if ids else _EMPTY


# -- compounds ------------------------------------------------------------------



@functools.lru_cache(maxsize=1 << 16)
def _stem(fold: str) -> str | None:
    """The first element of a folded "X ud-Din" / "X Allah" / "X Zada" compound (3+ letters), else None."""
    return morph.folded_stem(fold)


def _rest(fold: str, head: str, least: int = 3) -> str | None:
    """A folded spelling without its compound head (``least`` letters left or more), else None."""
    return morph.folded_head_rest(fold, head, least)


#: A best similarity and the two spellings that gave it.
_Best = tuple[float, str, str]
_NONE: Final[_Best] = (0.0, "", "")


def _reduced_similarity(reduced: Iterable[str], plain: _Unit, weight: float, cfg: ScoreConfig) -> _Best:
    """Best similarity of a unit's reduced spellings (``reduced``) to a plain unit's folded
    ones: ``weight`` where the two agree, else their edit similarity times ``weight``."""
    best = _NONE
    groups = plain.groups
    for x in reduced:
        # (a reduced form the lexicon lists as another name than the plain unit is that name, no
        # spelling of it: Hamd of Hamdullah is not Hamid, though their consonants agree)
        other = bool(groups) and _another_listed_name(x, groups, plain.resources.lexicon)
        for y in plain.folds:
            r = Indel.normalized_similarity(x, y)
            if x == y or (not other and (_agree(r, x, y, cfg) or _sound_alike((x,), (y,)))):
                r = weight
            else:  # (another listed name counts as two known names do: cfg.same_script_listed)
                r *= (weight * cfg.same_script_listed) if other else weight
            if r > best[0]:
                best = (r, x, y)
    return best


def _another_listed_name(form: str, groups: AbstractSet[int], lexicon: Lexicon) -> bool:
    """Whether the lexicon lists a folded Latin ``form`` in a group, and in none of ``groups``."""
    found = lexicon.group_ids(form)
    return bool(found) and groups.isdisjoint(found)


def _stem_similarity(compound: _Unit, plain: _Unit, cfg: ScoreConfig) -> _Best:
    """A compound against a plain unit: "Siraj" ~ "Sirajuddin" through the compound's first element."""
    stems = (sx for sx in map(_stem, compound.folds) if sx is not None)
    return _reduced_similarity(stems, plain, cfg.stem_match, cfg)


def _dropped_head_similarity(full: _Unit, plain: _Unit, cfg: ScoreConfig) -> _Best:
    """"Abd X", "Abu X" or a one-word nasab against a plain "X", at ``cfg.abd_dropped``."""
    rests = (rest for rest in (_rest(x, full.head) for x in full.folds) if rest is not None)
    return _reduced_similarity(rests, plain, cfg.abd_dropped, cfg)


def _folded_similarity(u: _Unit, v: _Unit, cfg: ScoreConfig) -> _Best:
    """Best edit similarity of two units' folded Latin spellings, and the two spellings compared
    (in the order of ``u``, ``v`` or of the compound and the plain unit): two "Abd X" (two "Abu X")
    compared on X, a compound also on its first element, an "Abd X", "Abu X" or one-word nasab
    against a plain "X" at a discount."""
    both = u.head if u.head and u.head == v.head and u.head in _SHARED_HEADS else ""
    best = _folds_similarity(u.folds, v.folds, both)
    if best[0] < cfg.stem_match and bool(u.tail) != bool(v.tail):
        stem = _stem_similarity(u, v, cfg) if u.tail else _stem_similarity(v, u, cfg)
        if stem[0] > best[0]:
            best = stem
    if best[0] < cfg.abd_dropped and u.head != v.head:
        for full, plain in ((u, v), (v, u)):
            # (a kunya is not its son's name: Abu Ahmad is not Ahmad; a family name Abu X is X)
            if full.head and (full.head not in morph.KUNYAS or full.family):
                dropped = _dropped_head_similarity(full, plain, cfg)
                if dropped[0] > best[0]:
                    best = dropped
    return best


def _fast_below(cfg: ScoreConfig) -> float:
    """The edit similarity below which two plain units (no compound, no glued article against
    a spaced one; across scripts, below ``skeleton_from`` too) can only sound alike, be a
    short form or stay as alike as their spellings (:func:`unit_similarity`; when no shared
    key can lift them to ``min_pair_similarity`` either): no vowel variant, agreement or
    look-alike cap applies."""
    return min(cfg.vowels_from, cfg.agree_from, cfg.min_pair_similarity, 0.999)


_FAST_BELOW: Final = _fast_below(DEFAULT_CONFIG)


#: Heads two units compared on the rest after them share: two "Abd X" or two "Abu X" (two "Umm X").
_SHARED_HEADS: Final = (morph.ABD, *morph.KUNYAS)


def _folds_similarity(xs: Sequence[str], ys: Sequence[str], both: str) -> _Best:
    """Best edit similarity of two units' folded spellings (each without the head ``both``
    where both keep a rest after it), and the two spellings compared."""
    if not both and len(xs) == 1 and len(ys) == 1:  # most pairs: one spelling each
        x, y = xs[0], ys[0]
        r = Indel.normalized_similarity(x, y)
        return (r, x, y) if r > 0.0 else _NONE
    best = _NONE
    for x in xs:
        rx = _rest(x, both, 1) if both else None
        for y in ys:
            ry = _rest(y, both, 1) if rx is not None else None
            if ry is not None:
                r = Indel.normalized_similarity(rx, ry)  # type: ignore[arg-type]  # rx is set when ry is
                if r > best[0]:
                    best = (r, rx, ry)  # type: ignore[assignment]
            else:
                r = Indel.normalized_similarity(x, y)
                if r > best[0]:
                    best = (r, x, y)
    return best


@functools.lru_cache(maxsize=1 << 16)
def consonant_classes(fold: str) -> frozenset[str]:
    """A folded spelling's consonant classes (:data:`_SOUND_CLASSES`, vowels dropped, runs
    collapsed; an h, which transliterations add and drop, not counted), each reading of its
    z's: what a spelling variant keeps."""
    for a, b in _SOUND_GROUPS:
        if a in fold:
            fold = fold.replace(a, b)
    fold = fold.replace("h", "")
    readings = [fold]
    for _ in range(min(fold.count("z"), 2)):
        readings = [r.replace("z", z, 1) for r in readings for z in "sd"]
    out = set()
    for r in readings:
        # doubled letters are one consonant; two consonants with a vowel between stay two
        out.add(single_letters(r.translate(_SOUND_CLASSES)).replace("V", ""))
    return frozenset(out)


def _same_consonants(xs: Sequence[str], ys: Sequence[str]) -> bool:
    """Whether some folded spellings of two units keep the same three consonant classes or more
    (a romanisation's vowels are guesses: بريخ romanised "brig" is Barich read as "barikh")."""
    for x in xs:
        cx = consonant_classes(x)
        for y in ys:
            if any(len(c) >= 3 for c in cx & consonant_classes(y)):
                return True
    return False


def _consonant_edits(x: str, y: str) -> int:
    """Edits between the consonant classes of two folded spellings (insertions, deletions,
    substitutions; at most 2 counted): 0 for spelling variants (Rosi ~ Rozi, Qasem ~ Ghasem),
    1 for a consonant more or less or another (Rezaei ~ Rezvani, Habib ~ Shabib)."""
    best = 2
    for a in consonant_classes(x):
        for b in consonant_classes(y):
            d = Levenshtein.distance(a, b, score_cutoff=2)
            if d < best:
                if d == 0:
                    return 0
                best = d
    return best


def _unlike_listed_forms(core: str, groups: AbstractSet[int], lexicon: Lexicon, unlike: float) -> bool:
    """Whether an Arabic-script unit (its folded ``core``) is unlike, letter for letter, every
    Arabic-script form the lexicon lists for ``groups`` (a Latin unit's groups); False when the
    groups list no Arabic-script form (Latin-only groups say nothing about Arabic spelling)."""
    arabic = lexicon.arabic
    forms = [f for g in groups for f in arabic[g]]
    if not forms:
        return False
    letters = core.translate(_ARABIC_PRESS)
    return all(Levenshtein.normalized_similarity(f.translate(_ARABIC_PRESS), letters) < unlike for f in forms)


def _listed_but_for_alef(core: str, groups: AbstractSet[int], lexicon: Lexicon) -> bool:
    """Whether an Arabic-script unit (its folded ``core``) is, but for a long-vowel alef written
    or not, an Arabic-script form the lexicon lists for ``groups`` (a Latin unit's groups): the
    lexicon may list the Latin spelling under one form only (كاريموف) while the unit is the
    other (كريموف), which two Arabic-script units would agree on (an alef written or not is one
    spelling's choice, :func:`unit_similarity`). Only a word of three letters or more without
    its alefs: fewer say nothing (دا and اد are two words; the score matrix indexes none so)."""
    bare = without_alefs(core)
    if len(bare.translate(_NO_ALEF)) < 3:
        return False
    arabic = lexicon.arabic
    return any(without_alefs(f) == bare for g in groups for f in arabic[g])


@functools.lru_cache(maxsize=1 << 16)
def _long_skeletons(core: str, arabic: bool) -> frozenset[str]:
    """A unit's consonant skeletons of three consonants or more (see namematch.keys)."""
    skeletons = arabic_skeletons(core) if arabic else latin_skeletons(core)
    return frozenset(k for k in skeletons if len(k) >= 3)


def bridge_skeletons(u: _Unit) -> frozenset[str]:
    """The consonant skeletons through which a unit may meet one of the other script by
    :func:`model_bridge` (empty: it meets none so): an Arabic-script word the lexicon does not
    list, its letters' skeletons; a plain Latin word that is no listed Arabic or Persian name
    element, its readings' (:func:`namematch._model_spelling.target_skeletons`). Not an
    initial, a compound with a tail (Allah, al-Din, Zada) or a word of another script; a
    compound with a head (Abd, Abu) is one word to the model, its head's letters with the rest
    (عبدالملكيان ~ Abdolmalekian, the press writing the head apart or glued)."""
    if u.initial or u.tail:
        return _EMPTY
    if u.arabic:
        return _EMPTY if u.groups else _arabic_bridge_skeletons(u.core)
    if u.script == LATIN and not u.named:
        return target_skeletons(u.core)
    return _EMPTY


@functools.lru_cache(maxsize=1 << 16)
def _arabic_bridge_skeletons(core: str) -> frozenset[str]:
    return frozenset(k for k in arabic_skeletons(core) if k)


def joined_bridge(x: _Unit, y: _Unit, v: _Unit) -> bool:
    """Whether two adjacent Arabic-script units ``x`` and ``y`` written as one word are a Latin
    unit ``v`` by the transliteration model (:func:`model_bridge` of the joined word): a foreign
    name's syllables the press writes apart (تشو إن لاي, Zhou Enlai: إن alone is "anne" to the
    quick search, انلاي "enlai"). A final ه after a consonant of ``x`` writes a vowel (له, Le):
    the joined word is read without it too (it would be an h inside a word). ``v`` must be a
    plain Latin word the model bridge reads (:func:`bridge_skeletons`), neither unit an
    initial or compound."""
    model = x.resources.model
    if not isinstance(model, JointModel) or v.arabic or not joined_skeletons(x, y):
        return False
    targets = bridge_skeletons(v)
    if not targets:
        return False
    persian = x.script == PERSIAN or y.script == PERSIAN
    for word in _joined_words(x.core, y.core):
        if targets.isdisjoint(_arabic_bridge_skeletons(word)):
            continue
        own = tuple(romanize_unit(word, limit=4, resources=x.resources))
        if own and model_spells(word, persian, own, v.core, model):
            return True
    return False


def joined_skeletons(x: _Unit, y: _Unit) -> frozenset[str]:
    """The consonant skeletons through which two adjacent Arabic-script units written as one
    word may meet a Latin unit by :func:`joined_bridge` (empty: they meet none so): two plain
    words (no initial or compound)."""
    if not (x.arabic and y.arabic) or x.head or x.tail or y.head or y.tail or x.initial or y.initial:
        return _EMPTY
    return frozenset(k for word in _joined_words(x.core, y.core) for k in _arabic_bridge_skeletons(word))


def _joined_words(first: str, second: str) -> tuple[str, ...]:
    """Two Arabic-script words written as one: as they are, and without a final ه of the first
    after a consonant letter, which writes a vowel at a word's end (له, Le)."""
    words = [first + second]
    if len(first) >= 2 and first[-1] == "ه" and first[-2] not in _ARABIC_VOWEL_LETTERS:
        words.append(first[:-1] + second)
    return tuple(words)


#: Arabic-script letters that write a long vowel (or its carrier) rather than a consonant.
_ARABIC_VOWEL_LETTERS: Final = frozenset("اويىآأإءئؤ")


def model_bridge(u: _Unit, v: _Unit) -> bool:
    """Whether a Latin unit and an Arabic-script unit the lexicon does not list meet through
    the transliteration model: they share a consonant skeleton (:func:`bridge_skeletons`) and
    the model writes the Arabic letters as the Latin word or one of its readings almost as
    likely as its own quick spellings (:func:`namematch._model_spelling.model_spells`): عون is
    "oun" to the quick search, "aoun" to the press."""
    ar, la = (u, v) if u.arabic else (v, u)
    if ar.arabic == la.arabic:
        return False
    model = ar.resources.model
    if not isinstance(model, JointModel):
        return False
    skeletons = bridge_skeletons(ar)
    if not skeletons or skeletons.isdisjoint(bridge_skeletons(la)):
        return False
    return model_spells(ar.core, ar.script == PERSIAN, ar.latin, la.core, model)


def _initials(u: _Unit) -> frozenset[str]:
    """The folded first letters a unit's spellings begin with (an Arabic-script letter: those of
    its romanisations, ``س`` s; a Latin one: itself)."""
    return frozenset(_fold_q(x[:1]) for x in u.latin) if u.arabic else frozenset((_fold_q(u.core[:1]),))


def unit_similarity(u: _Unit, v: _Unit, cfg: ScoreConfig = DEFAULT_CONFIG) -> tuple[float, str]:
    """Similarity of two units in [0, 1] and the bridge it came through (``method``), under
    the thresholds of ``cfg``.

    Exact at or above ``cfg.min_pair_similarity``; below it, only that it is below (such pairs
    never pair off, so nothing reads their value but the sibling rule's "unlike", far below).
    """
    if u.initial or v.initial:
        if u.initial and v.initial:
            if u.core == v.core:
                return 1.0, INITIAL_MATCH
            # an Arabic-script initial against a Latin one (س. ~ S.): one letter, romanised
            return (1.0, INITIAL_MATCH) if u.arabic != v.arabic and _initials(u) & _initials(v) else (0.0, INITIAL_MATCH)
        ini, full = (u, v) if u.initial else (v, u)
        letters = _initials(ini)
        if any(_fold_q(x[:1]) in letters for x in full.latin):
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
    if u.arabic != v.arabic and u.groups and v.groups:
        ar, la = (u, v) if u.arabic else (v, u)
        if ar.resources.lexicon.not_spelling(ar.core, la.core):
            return 0.0, ROMANISED  # a near name's spelling, reviewed (Jamil is جميل, not جمال)
        if _listed_but_for_alef(ar.core, la.groups, ar.resources.lexicon):
            return 0.93, LEXICON  # كريموف ~ Karimov, listed for كاريموف: as the two Arabic forms agree (below)
    if u.latin_first and u.latin_first == v.latin_first and not (u.named and v.named) and betacism(u.core, v.core):
        return cfg.sound_match, PHONETIC  # Carvajal ~ Carbajal, Esteban ~ Estevan: one sound
    if u.latin_first and v.latin_first and vowel_contrast(u, v):
        # Takashi ~ Takeshi, Rossi ~ Russo, Jie ~ Jia: the same consonants, other vowels, and
        # neither read as a romanised Arabic or Persian element: two names, as two known names are
        best = _folds_similarity(u.folds, v.folds, "")[0]
        return min(best, cfg.lookalike) * cfg.same_script_listed, EDIT
    # (the three below read two Latin spellings that share their first letter: most pairs do not)
    if u.latin_first and u.latin_first == v.latin_first:
        if final_vowel_contrast(u.core, v.core) or slavic_derived(u.core, v.core):
            # Marino ~ Marini, Yuki ~ Yuko, Moroz ~ Morozov: two names, as two known names are (below)
            best = _folds_similarity(u.folds, v.folds, "")[0]
            return best * cfg.same_script_listed, EDIT
        if final_devoiced(u.core, v.core) and not (u.named and v.named):
            return cfg.sound_match, PHONETIC  # Luis ~ Luiz, Tayyib ~ Tayyip: one name, spelled as heard
    if both_arabic:
        # the letters themselves: romanised folds would merge خ with ه (Khan ~ Hani); a long
        # vowel more or less (عبدالرحمان ~ عبدالرحمن) keeps the consonants, unless the lexicon
        # lists both as two names (حسن, حسين)
        r = Levenshtein.normalized_similarity(a, b)
        if without_alefs(a) == without_alefs(b):
            return 0.93, PHONETIC  # an alef written or not (عبدالرحمان, ابرهيم): one spelling's choice
        if u.groups and v.groups:
            return r * 0.95 * cfg.same_script_listed, EDIT
        if r >= cfg.arabic_skeleton_from and set(arabic_skeletons(a)) & set(arabic_skeletons(b)):
            return cfg.sound_match, PHONETIC
        return r * 0.95, EDIT
    if u.arabic != v.arabic and foreign_pair(u, v):
        u, v = sounded_pair(u, v, cfg.skeleton_from)
        if u.named and v.named and not u.groups.isdisjoint(v.groups):
            return 0.93, ROMANISED  # a foreign reading is a listed spelling: Xasan (hasan) ~ حسن
        if foreign_final_contrast(u, v):
            # Rossi ~ روسا, Costa ~ كوستو, Barrot (read barro) ~ بارا: two names, as two known names are
            best = _folds_similarity(u.folds, v.folds, "")[0]
            return min(best, cfg.lookalike) * cfg.same_script_listed, ROMANISED
    if u.head or v.head or u.tail or v.tail:
        best, x, y = _folded_similarity(u, v, cfg)
    else:  # two plain units (most pairs): their folds alone
        uf, vf = u.folds, v.folds
        best, x, y = _folds_similarity(uf, vf, "")
        cross = u.arabic != v.arabic
        if (
            best < (_FAST_BELOW if cfg is DEFAULT_CONFIG else _fast_below(cfg))
            and best + cfg.key_bonus < cfg.min_pair_similarity
            and (not cross or best < cfg.skeleton_from)
            and not ((u.bare and v.article) or (v.bare and u.article))
        ):
            # far apart: no key, vowel, consonant or skeleton test can lift the pair to pair
            # off, and nothing discounts it but two known names; the general path below
            # gives the same
            apart = u.named and v.named
            if best < cfg.sound_match and not apart and _meet(_all_sounds(uf), _all_sounds(vf)):
                return cfg.sound_match, PHONETIC
            if cross:
                if not apart and model_bridge(u, v):
                    return cfg.skeleton_match, ROMANISED  # عون ~ Aoun: a spelling the model writes
                return (best * cfg.cross_listed if apart and x else best), ROMANISED
            method = ROMANISED if (u.script == OTHER) != (v.script == OTHER) else EDIT
            if x:  # (the units' own spellings; none alike at all is a structural nothing)
                # (a short form and its name share their first four letters: most pairs do not)
                if u.core[:4] == v.core[:4] and not (u.groups and v.groups) and _short_form(u, v):
                    return cfg.agree_from, SHORT_FORM
                if apart:
                    best *= cfg.same_script_listed
            return best, method
    # a compound against its own first element or "X" against "Abd X" (Siraj ~ Sirajuddin): the
    # best spellings compared are not both the units' own (two "Abd X" compared on X are not)
    same_head = u.head == v.head and u.head in _SHARED_HEADS and bool(u.tail) == bool(v.tail)
    own = _own_spellings(u, v, x, y)
    reduced = not same_head and not own
    # a unit in another script (Cyrillic, Greek…) meets a Latin one through its transliteration
    transliterated = (u.script == OTHER) != (v.script == OTHER)
    method = ROMANISED if (u.arabic != v.arabic or transliterated) else EDIT
    if best >= 0.999:
        if reduced:
            return (0.93 if u.arabic != v.arabic else 0.96), REDUCED
        return (0.93, method) if u.arabic != v.arabic else (0.96, ROMANISED if transliterated else PHONETIC)
    # shared retrieval keys lift a same-script pair; a pair the lift cannot bring
    # to cfg.min_pair_similarity is never read (it does not pair off), so its keys (romanisations
    # in both conventions for Arabic script) are not needed
    if u.arabic == v.arabic and best + cfg.key_bonus >= cfg.min_pair_similarity and u.keys & v.keys:
        best = min(1.0, best + cfg.key_bonus)
        if method == EDIT:
            method = PHONETIC
    if best < 0.95 and ((u.bare and v.article) or (v.bare and u.article)):
        # "ALSHAER" ~ "AL-SHAER": the article written into the word on one side only
        glued, spaced = (u, v) if u.bare else (v, u)
        for z in spaced.folds:
            r = Indel.normalized_similarity(glued.bare, z)
            if r > best:
                best, x, y = r, glued.bare, z
                own = _own_spellings(u, v, x, y)
        if best >= 0.999:
            return 0.96, PHONETIC
        if best < cfg.sound_match and _sound_alike((glued.bare,), spaced.folds):
            return cfg.sound_match, PHONETIC
    apart = u.named and v.named  # two known names (different groups): Hassan is not Hussein
    if best < cfg.sound_match and not apart and _meet(_all_sounds(u.folds), _all_sounds(v.folds)):
        return cfg.sound_match, PHONETIC  # Qadhafi ~ Gaddafi: every consonant and vowel slot alike
    # a reduced form (above; or the article glued on one side only): two listed forms, but of
    # one name, already at a discount
    structural = not own
    listed_apart = bool(u.groups) and bool(v.groups)  # (one group would have matched above)
    if not (structural or listed_apart) and u.arabic == v.arabic and best < 0.95 and not _agree(best, x, y, cfg):
        # (two names the lexicon lists in different groups are two names: Jose, Joseph)
        if cfg.vowels_from <= best < cfg.agree_from and _vowel_variant(x, y):
            return cfg.agree_from, PHONETIC  # Hissein ~ Issene, Mzoudi ~ Mazuti: the consonants kept
        if _short_form(u, v):
            return cfg.agree_from, SHORT_FORM  # Jose ~ Joseba, Alex ~ Alexander: a given name cut short
    if (
        u.arabic != v.arabic and (own or same_head) and not apart
        and (best < cfg.skeleton_match or (best < 0.95 and not _agree(best, x, y, cfg)))
        and model_bridge(u, v)
    ):
        # an unlisted Arabic-script word whose quick spellings miss the Latin one, which the
        # transliteration model still writes (معوض ~ Moawad, شيمشك ~ Simsek)
        return cfg.skeleton_match, ROMANISED
    if structural:
        method = REDUCED if reduced and x else method
    elif apart and u.arabic == v.arabic:
        best *= cfg.same_script_listed  # two different known names in one script: Hassan is not Hussein
    elif apart:
        best *= cfg.cross_listed  # the same across scripts, more gently: Mahmoud is not أحمد
    elif (
        cfg.skeleton_from <= best < cfg.skeleton_match
        and u.arabic != v.arabic
        and not apart
    ):
        # an Arabic-script name the lexicon does not know, its romanisations far from the
        # Latin spelling: the consonants still meet (محرز ~ Mehrez, romanised "muhars")
        ar, la = (u, v) if u.arabic else (v, u)
        if not la.initial and la.script != OTHER and (
            _long_skeletons(ar.core, True) & _long_skeletons(la.core, False) or _same_consonants(ar.folds, la.folds)
        ):
            return cfg.skeleton_match, PHONETIC
        lexicon = ar.resources.lexicon
        if best >= cfg.min_pair_similarity and la.groups and _unlike_listed_forms(ar.core, la.groups, lexicon,
                                                                                  cfg.letters_unlike):
            best *= cfg.cross_listed  # as for two listed names: Eshaq (اسحاق) is not شكور
    elif cfg.skeleton_match <= best < 0.95 and u.arabic != v.arabic and not apart and not _agree(best, x, y, cfg):
        # romanised spellings alike but for a consonant the romanisation lost or added (سيف الدين
        # read "sevuddin", its f as a v): the Arabic letters' own consonant skeleton decides
        ar, la = (u, v) if u.arabic else (v, u)
        if not la.initial and la.script != OTHER and _long_skeletons(ar.core, True) & _long_skeletons(la.core, False):
            return cfg.skeleton_match, PHONETIC
    if cfg.min_pair_similarity <= best < 0.95 and not _agree(best, x, y, cfg):
        best = min(best, cfg.lookalike)
    return best, method


#: Letters and letter pairs folded where spellings of one name of a language written in Latin
#: letters differ (:func:`_vowel_frame`): x, c, q, ck, ph and w as the consonants they write,
#: German umlauts written out (Mueller ~ Muller), a Russian yo written e (Fyodor ~ Fedor, Pyotr ~
#: Petr) and its ye before v written e (Yevgeny ~ Evgeny, Podkopayev ~ Podkopaev), a long vowel written double, with ou or with h (Yuusuke ~ Yusuke ~ Yousuke, Ohno ~ Ono,
#: Saitoh ~ Saito), ai, ay, ei and ey as one (Gray ~ Grey, Maier ~ Meyer), y as the vowel i
#: (Dmitry ~ Dmitri), the Korean vowel eo
#: also written u (Jeong ~ Jung), Mac written Mc (MacDonald ~ McDonald), the Scandinavian
#: patronymic ending -sen or -son (Olsen ~ Olson).
_FRAME_FOLDS: Final = (
    ("ck", "k"), ("ph", "f"), ("x", "ks"), ("q", "k"), ("w", "v"), ("ae", "a"), ("oe", "o"), ("ue", "u"),
    ("eo", "u"), ("ou", "o"), ("ay", "ei"), ("ey", "ei"), ("ai", "ei"), ("y", "i"),
)  # fmt: skip
_YO: Final = re.compile(r"(?<=[bcdfgklmnprstvz])[yi]o|(?<![bcdfghjklmnpqrstvwxz])ye(?=v)")
_C_SOFT: Final = re.compile(r"c(?=[eiy])")
_VOWEL_H: Final = re.compile(r"(?<=[aeiou])h(?![aeiou])")
_FINAL_E: Final = re.compile(r"(?<=[^aeiou])e$")
_NOT_VOWELS: Final = re.compile(r"[aeiou]+")


@functools.lru_cache(maxsize=1 << 16)
def _vowel_frame(core: str) -> tuple[str, str]:
    """A Latin core as the spellings of one name of a language written in Latin letters keep
    it (:data:`_FRAME_FOLDS`, doubled letters once, a silent final e dropped: Anne ~ Ann, Clarke
    ~ Clark), and its consonants alone: two cores with the same consonants and other frames
    differ in their vowels."""
    s = _YO.sub("e", core)
    if s.startswith("mac") and len(s) > 5:
        s = "mc" + s[3:]
    if s.endswith("sen") and len(s) > 4:
        s = s[:-3] + "son"
    s = _C_SOFT.sub("s", s).replace("c", "k")
    for a, b in _FRAME_FOLDS:
        if a in s:
            s = s.replace(a, b)
    s = _VOWEL_H.sub("", single_letters(s))
    if len(s) >= 3:
        s = _FINAL_E.sub("", s)
    return s, _NOT_VOWELS.sub("", s)


#: Letters of the Arabic script that write a vowel (a long one, or a final a: ة) in a name.
_VOWEL_LETTERS: Final = frozenset("اآأإىويةؤئ")
#: Vowel letter pairs read as one vowel in a Latin spelling (Hussein, Harvey, Kareem).
_ONE_VOWEL: Final = frozenset({"ai", "ay", "ei", "ey", "ou", "oo", "ee", "ie", "au", "aa", "ii", "uu", "oi", "oy"})


#: A run of vowel letters, or a y between consonants (a vowel: Glyn), in a Latin spelling.
_VOWEL_RUNS: Final = re.compile(r"[aeiou]+|(?<![aeiou])y(?![aeiou])")


def _latin_vowels(core: str) -> int:
    """The vowels a Latin spelling writes: each run of vowel letters, two for a run of two
    letters read as two vowels (Gao, Mario, Saeed)."""
    n = 0
    for run in _VOWEL_RUNS.findall(core):
        n += 1 if len(run) == 1 or run[:2] in _ONE_VOWEL or len(set(run)) == 1 else 2
    # (a silent final e after two vowels or more: Sabine, Caroline)
    return n - 1 if n > 2 and _FINAL_E.search(core) else n


@functools.lru_cache(maxsize=1 << 16)
def _arabic_vowels(form: str) -> int:
    """The vowel letters an Arabic-script form writes (not a word-initial و or ي: a consonant);
    cached: the lexicon's forms are read for every unit of their groups."""
    return sum(1 for k, c in enumerate(form) if c in _VOWEL_LETTERS and not (k == 0 and c in "وي"))


#: A w or y beside a vowel (a consonant), not the first letter (an Arabic form's first و or ي
#: is not counted as a vowel either) nor the last after a vowel (ey, ay, ow closing the word
#: write a vowel: Harvey, Marlow, whose Arabic form writes it ي or و as a vowel).
_GLIDES: Final = re.compile(r"(?<=.)(?:(?<=[aeiou])[wy](?!$)|[wy](?=[aeiou]))")
#: Marks of a romanised spelling whose vowels are a transliteration's guesses: letters for
#: sounds of Arabic and Persian (kh, gh, dh, q), long vowels written double, the French ou, an
#: apostrophe for ain or hamza, an h closing a syllable (Rahman, Ahmad) or a final ah or eh (ة:
#: Salamah, Salameh), a y gliding from a consonant to a vowel (Binyamin, Ilyas, Tanya: the
#: transliterations of Hebrew, Arabic and Cyrillic); or the endings of East Slavic family
#: names, patronymics and given names transliterated from Cyrillic, whose Russian, Ukrainian
#: and Belarusian forms move vowels
#: (Lukashenko, Lukashenka; Iosifovich, Iosifavich; Yevgenyevna, Evgenevna; Dmitriy); or
#: the aspirated consonants of a Burmese romanisation (Htun, Hsan, Hla: lists write them with
#: and without the h) or the nasal onsets of Bantu names (Ntaganda, Mbeki: with and without it).
#: (:func:`_romanised_marks` reads them: letters and pairs anywhere, a syllable-closing h and a
#: gliding y by a pattern, the rest at the start or the end of the word.)
_MARKS_ANYWHERE: Final = ("kh", "gh", "dh", "q", "aa", "ee", "oo", "ou", "'")
_MARKS_H_OR_Y: Final = re.compile(r"[aeiou]h[bdfgjklmnpqrtvwz]|[bdfgklmnrstvz]y[aeiou]")
_MARKS_START: Final = ("hl", "hm", "hn", "hs", "ht", "hw", "nd", "ng", "nj", "nk", "nt", "nz", "mb", "mp")
_MARKS_END: Final = (
    "ah", "eh", "ov", "ev", "ova", "eva", "off", "eff", "ovna", "evna", "avna", "owna", "ovch", "evch", "avch",
    "ovich", "evich", "avich", "ovych", "evych", "enko", "enka", "ski", "sky", "skiy", "skii", "skaya", "ska",
    "chuk", "yuk", "iy",
)  # fmt: skip


def _romanised_marks(core: str) -> bool:
    """Whether a Latin spelling bears a mark of a romanisation whose vowels are a
    transliteration's guesses (see the marks above): substring and affix tests, where one
    pattern of all the marks tried each of them at every letter."""
    for mark in _MARKS_ANYWHERE:
        if mark in core:
            return True
    end = core[:-1] if core[-1:] == "\n" else core  # (as a pattern's $ reads a final newline)
    return (
        end.endswith(_MARKS_END) or core.startswith(_MARKS_START)
        or (("h" in core or "y" in core) and _MARKS_H_OR_Y.search(core) is not None)
    )  # fmt: skip


def _arabic_read(core: str, groups: AbstractSet[int], lexicon: Lexicon) -> bool:
    """Whether a Latin name element reads as a romanised Arabic or Persian one, whose written
    vowels are a romanisation's guesses (Mohammed ~ Muhammad, Rahman ~ Rehman): the lexicon
    lists it with an Arabic-script form that leaves some of its vowels unwritten (محمد, حسين:
    short vowels, which Arabic script does not write; a foreign name written in Arabic script
    writes each vowel with a letter: ماريو, غاو), or its spelling bears the marks of such a
    romanisation (:func:`_romanised_marks`)."""
    if _romanised_marks(core):
        return True
    if not groups:
        return False
    arabic = lexicon.arabic
    # (a w or y beside a vowel is a consonant the Arabic form writes و or ي: Fawaz, Yahya)
    vowels = _latin_vowels(core) + len(_GLIDES.findall(core))
    return any(_arabic_vowels(f) < vowels for g in groups for f in arabic[g])


#: Consonants and their voiced or voiceless twins (not s and z, nor f and v, which spellings of
#: one name exchange: Teresa ~ Tereza, Stephen ~ Steven).
_VOICING: Final = frozenset({frozenset("kg"), frozenset("td"), frozenset("pb")})


def _voicing_apart(fu: tuple[str, str], fv: tuple[str, str]) -> bool:
    """Whether two frames (:func:`_vowel_frame`) of one length differ in one consonant, not the
    last letter, and its voiced or voiceless twin (Goto ~ Kato): in a language written in Latin
    letters that is another name (a final consonant written either way is one: Luis ~ Luiz)."""
    x, y = fu[0], fv[0]
    if len(x) != len(y) or len(fu[1]) != len(fv[1]):
        return False
    diff = [k for k in range(len(x)) if x[k] != y[k]]
    return len(diff) == 1 and diff[0] < len(x) - 1 and frozenset((x[diff[0]], y[diff[0]])) in _VOICING


def betacism(x: str, y: str) -> bool:
    """Whether two Latin cores differ only in a b written for a v (not the first letter) or
    the reverse: Spanish, Portuguese and Galician say them alike, and names are spelled either
    way (Carvajal ~ Carbajal, Esteban ~ Estevan)."""
    return x != y and len(x) == len(y) and x[0] == y[0] and x.replace("v", "b") == y.replace("v", "b")


#: The shape of one pinyin syllable (an initial and a final).
_PINYIN_SHAPE: Final = re.compile(
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|iao|ian|uai|uan|ai|ei|ao|ou|an|en|ia|ie|iu|in|ua|uo|ui|un|a|o|e|i|u)"
)


@functools.cache
def _korean_family_names() -> frozenset[str]:
    """The Korean family names of ``data/east_asian_family_names.txt`` that are no Chinese one
    nor shaped like a pinyin syllable (Kim, Park, Choi, Jeong; not Hong, Kang, Yi)."""
    sections = data_sections("east_asian_family_names.txt")
    korean = sections.get("Korean", frozenset()) - sections.get("Chinese", frozenset())
    return frozenset(k for k in korean if not _PINYIN_SHAPE.fullmatch(k))


def _romanised_latin(core: str, groups: AbstractSet[int], lexicon: Lexicon) -> bool:
    """Whether a plain Latin word (no initial, article or compound head or tail) of ``core`` and
    lexicon ``groups`` reads as romanised from a script that leaves the romanisation its vowels
    to choose (:attr:`_Unit.romanised`, with every unit in Arabic script, with an article or a
    compound head or tail): a word :func:`_arabic_read` reads so, or a Korean family name
    (Hangul romanised by several systems, which write one vowel o, u or eo and one consonant
    voiced or not: Jong ~ Jung, Bong ~ Pong)."""
    return core in _korean_family_names() or _arabic_read(core, groups, lexicon)


#: Every field of a unit, in its constructor's order (:func:`_as_foreign` copies them).
_UNIT_FIELDS: Final = operator.attrgetter(*(f.name for f in attrs.fields(_Unit)))


@functools.lru_cache(maxsize=1 << 16)
def _as_foreign(u: _Unit) -> _Unit:
    """A Latin word unit marked as an element of a name of another language (its own ckey):
    ``attrs.evolve(u, foreign=True, ckey=u.ckey + ":f")``, copied field by field (evolve reads
    the class's fields on every call, several times the cost of a unit's own construction)."""
    foreign = _copy(u)
    foreign.foreign = True
    foreign.ckey = u.ckey + ":f"
    return foreign


def _copy(u: _Unit) -> _Unit:
    """A new unit with the fields of ``u`` (to change some before anyone reads it)."""
    return _Unit(*_UNIT_FIELDS(u))


#: In how many of the Latin-script languages of :data:`namematch._latin_words.LANGUAGES` a
#: spelling must be written as a word (Zipf 1.5 or more) to be an established spelling
#: (:func:`_established`).
ESTABLISHED_SPREAD: Final = 3


@functools.lru_cache(maxsize=1 << 16)
def _established(core: str) -> bool:
    """Whether a Latin core is an established spelling: a word the press of several
    Latin-script languages writes (:data:`ESTABLISHED_SPREAD`). A name of a language written in
    Latin letters, or romanised by a fixed system (pinyin, Hepburn), is written one way in all
    of them (Carl, Carol, Rossi, Takeshi); a name romanised ad hoc from another script
    (Ge'ez, Burmese, Thai, Cyrillic, Arabic) has as many spellings as transliterators, most of
    them written nowhere else (Weldeyohanes, Naung, Mikalai, Muhana), whose vowels are a
    transliteration's guesses."""
    word = _latin_words.fold(core)
    return bool(word) and _latin_words.latin_words().spread_of(word) >= ESTABLISHED_SPREAD


def in_context(units: tuple[_Unit, ...]) -> tuple[_Unit, ...]:
    """A name's units, each Latin word that is an established spelling (:func:`_established`)
    marked ``foreign`` when no unit of the name reads as romanised Arabic or Persian
    (:attr:`_Unit.romanised`): the name is of another language, whose vowels are its own
    (:func:`vowel_contrast`). A name with one such element (Karim in "Karim Rehman") keeps a
    romanisation's tolerance for all of them: its vowels are guesses in a family name the
    lexicon does not know as much as in one it does. A spelling written nowhere (Parkash,
    Meluvet) may be any transliterator's: it keeps that tolerance too."""
    if not units:
        return units
    for u in units:
        if u.romanised:
            return units
    return tuple([
        _as_foreign(u) if u.script == LATIN and not u.initial and _established(u.core) else u for u in units
    ])


#: What a name's own spellings exchange beyond :func:`_vowel_frame`'s folds, for telling two of
#: its spellings apart (:func:`vowel_contrast`): tz, z and s (Schultz ~ Schulz, Teresa ~
#: Tereza), dt and t (Schmidt ~ Schmitt), f and v (Stephen ~ Steven, Gustav ~ Gustaf), an h
#: after a consonant (Thomas ~ Tomas; Shankar ~ Sankar, Lakshmi ~ Laxmi: Indic s and sh) or
#: opening the word (the silent h of Spanish: Hildemaro ~ Ildemaro), a p between m and s or t
#: (Thompson ~ Thomson) and j as y (Janeth ~ Yaneth).
_LOOSE: Final = (("tz", "z"), ("z", "s"), ("dt", "t"), ("v", "f"), ("j", "i"))
_H_AFTER: Final = re.compile(r"(?<=[bdfgklmnprstv])h|^h(?=[aeiou])|(?<=m)p(?=[st])")


@functools.lru_cache(maxsize=1 << 16)
def _loose_frame(core: str) -> str:
    """:func:`_vowel_frame` of a core, then :data:`_LOOSE`, an h after a consonant or opening
    the word and a p after m dropped."""
    s = _vowel_frame(core)[0]
    for a, b in _LOOSE:
        if a in s:
            s = s.replace(a, b)
    return single_letters(_H_AFTER.sub("", s))


def vowel_contrast(u: _Unit, v: _Unit) -> bool:
    """Whether two Latin name elements of names of another language than Arabic or Persian
    (:func:`in_context`) are spelled apart beyond what spellings of one such name exchange
    (:func:`_loose_frame`): such a language writes its names with their own vowels and
    consonants, so a vowel more, less or other, or a consonant another of its sound class,
    makes another name (Takashi ~ Takeshi, Rossi ~ Russo, Carl ~ Carol, Jie ~ Jia, Goto ~ Kato,
    Shimada ~ Shimizu), where the vowels and the confusable consonants of a romanised Arabic
    name are a transliteration's guesses. Not a final consonant voiced or not (Luis ~ Luiz) nor
    a given name and a longer one it begins (a short form: Alex ~ Alexander); spellings of one
    name listed together agree before this is asked."""
    if not (u.foreign and v.foreign):
        return False
    x, y = _loose_frame(u.core), _loose_frame(v.core)
    return not (x == y or final_devoiced(x, y) or _short_form(u, v))


#: Final vowels whose exchange makes another name where the rest is spelled alike: Italian
#: singular and plural family names and gendered given names (Marino ~ Marini, Ferrara ~
#: Ferrari, Giovanni ~ Giovanna), Japanese and Yoruba names (Yuki ~ Yuko, Adeyemi ~ Adeyemo).
#: Not a ~ e, a ~ o, e ~ i, o ~ u nor i ~ y, which transliterations and languages vary for one
#: name (Hamza ~ Hamze, Lukashenka ~ Lukashenko, Wahbe ~ Wahbi, Abdo ~ Abdu, Fathi ~ Fathy).
_CONTRASTING_FINALS: Final = frozenset({frozenset("io"), frozenset("ai")})


def final_vowel_contrast(x: str, y: str) -> bool:
    """Whether two Latin spellings differ only in a final vowel after a consonant that names
    tell apart (:data:`_CONTRASTING_FINALS`), four letters or more."""
    return (
        len(x) == len(y) >= 4 and x[-1] != y[-1] and x[:-1] == y[:-1] and x[-2] not in "aeiouy"
        and frozenset((x[-1], y[-1])) in _CONTRASTING_FINALS
    )  # fmt: skip


#: A final consonant and its voiced or voiceless twin, which spellings of one name write either
#: way (Turkish, German, Slavic and Portuguese spelling: Tayyib ~ Tayyip, Murad ~ Murat, Luis ~ Luiz).
FINAL_TWINS: Final = frozenset({frozenset("bp"), frozenset("dt"), frozenset("gk"), frozenset("sz")})


def final_devoiced(x: str, y: str) -> bool:
    """Whether two Latin spellings, three letters or more, differ only in a final consonant
    and its voiced or voiceless twin (:data:`FINAL_TWINS`)."""
    return (
        len(x) == len(y) >= 3 and x[-1] != y[-1] and x[:-1] == y[:-1]
        and frozenset((x[-1], y[-1])) in FINAL_TWINS
    )  # fmt: skip


#: Suffixes that make a Slavic family name of a name (Moroz ~ Morozov, Ivan ~ Ivanov, Pavel ~
#: Pavlenko is another stem): the name and the family name are two elements.
_SLAVIC_SURNAME_SUFFIXES: Final = ("ov", "ev", "off", "eff", "ova", "eva", "enko", "ovsky", "evsky", "ovski", "evski")


def slavic_derived(x: str, y: str) -> bool:
    """Whether one Latin spelling is the other, three letters or more and ending in a
    consonant, with a Slavic family-name suffix (:data:`_SLAVIC_SURNAME_SUFFIXES`) added."""
    short, long_ = (x, y) if len(x) < len(y) else (y, x)
    return (
        len(short) >= 3 and short[-1] not in "aeiouy" and long_.startswith(short)
        and long_[len(short):] in _SLAVIC_SURNAME_SUFFIXES
    )  # fmt: skip


#: The final letters of an Arabic-script word that write a long vowel, and the vowel (folded, as
#: :func:`fold_latin` writes it) a Latin spelling of the same name ends with. Alif maqsura (ى) is
#: left out: Egyptian spelling writes a final ي with it (السيسى).
_FINAL_LONG_VOWELS: Final = {"\u0627": "a", "\u0648": "u", "\u064a": "i", "\u06cc": "i"}
#: A Latin word's final vowel letter as :func:`fold_latin` folds it (the spelling as written is
#: read, before folding merges a vowel pair into one letter: French oi is no i).
_LATIN_FINAL_VOWELS: Final = {"a": "a", "e": "i", "i": "i", "y": "i", "o": "u", "u": "u"}


def foreign_final_contrast(u: _Unit, v: _Unit) -> bool:
    """Whether a Latin unit that is no listed Arabic or Persian name element (a foreign name
    written by its sound) ends in another vowel than an Arabic-script unit that writes its final
    long vowel (ا, و, ي): Rossi ~ روسا, Costa ~ كوستو, Meloni ~ ميلونا are other names, and
    Barrot's reading barro is not بارا. The Arabic-script word's vowel is its letter's, or the
    vowels its listed spellings end with when the lexicon lists it (Persian موسی is Musa). Only
    Latin spellings ending in one vowel after a consonant are read (a final consonant or a
    vowel pair, French oi, says nothing)."""
    ar, la = (u, v) if u.arabic else (v, u)
    if la.named or la.script != LATIN or len(ar.core) < 3:
        return False
    letters = [c for c in ar.text if "\u0621" <= c <= "\u064a" or c in "\u06cc\u067e\u0686\u0698\u06a9\u06af"]
    vowel = _FINAL_LONG_VOWELS.get(letters[-1]) if letters else None
    if vowel is None:
        return False
    said = {f[-1] for f in ar.folds if len(f) >= 2 and f[-1] in "aiu"} if ar.groups else {vowel}
    finals = {
        _LATIN_FINAL_VOWELS[w[-1]] for w in (la.core, *foreign_readings(la.core))
        if len(w) >= 3 and w[-1] in _LATIN_FINAL_VOWELS and w[-2] not in "aeiouy"
    }  # fmt: skip
    return bool(finals) and bool(said) and finals.isdisjoint(said)


def foreign_pair(u: _Unit, v: _Unit) -> bool:
    """Whether a Latin and an Arabic-script unit may be a foreign name written by its sound:
    the Latin one is a plain word (no initial, compound or transliteration of another script)
    that the lexicon does not list as an Arabic or Persian name element (those are read by
    the conventions of Arabic romanisation alone), or the Arabic-script one is a word the
    lexicon does not list (a foreign name's letters: Spanish Gil, listed for جيل, is خيل)."""
    ar, la = (u, v) if u.arabic else (v, u)
    return la.script == LATIN and not (la.initial or la.head or la.tail) and not (la.named and ar.groups)


@functools.lru_cache(maxsize=1 << 16)
def sounded(u: _Unit) -> _Unit:
    """A unit with the spellings a foreign name written by its sound adds to its folds (the
    unit itself when there are none): a Latin word's readings (:func:`latin_readings`: a
    final j as y) by the orthographies of ``data/foreign_spellings.tsv`` (Tajani read tayani, Scholz scholts, Xi shi), an
    Arabic-script unit the lexicon lists also the transliteration model's spellings (the
    lexicon's may all be of an Arabic reading: شولتس listed as schultes, the model's
    schulz). Cached per unit (units are cached per token, so one entry serves every name)."""
    if u.initial or u.head or u.tail:
        return u
    if u.arabic:
        if not u.groups:
            return u  # (unlisted: its spellings are the model's already)
        model = decode(u.core, u.script == PERSIAN, MATCH_LIMIT, u.resources.model)
        extra = ["".join(c for c in s if c.isascii() and c.isalnum()) for s, _ in model]
    elif u.script == LATIN:
        # (the readings of its other Latin readings too: Andrzej read andrzey, then andjey)
        extra = [r for x in u.latin for r in foreign_readings(x)]
        listed = _listed_reading_groups(extra, u.resources.lexicon)
        if listed:
            # a reading that is a known Arabic or Persian name is that name, and no other
            # (Somali Xasan is Hasan: حسن, not حسين)
            u = _copy(u)
            u.groups, u.named = u.groups | listed, True
    else:
        return u
    folds = tuple(dict.fromkeys([*u.folds, *(fold_latin(x) for x in extra if x)]))
    if len(folds) == len(u.folds):
        return u
    u = _copy(u)
    u.folds = folds
    return u


def _listed_reading_groups(readings: Sequence[str], lexicon: Lexicon) -> frozenset[int]:
    """The lexicon groups with an Arabic-script form that list one of a Latin word's foreign
    readings (:func:`namematch._foreign.foreign_readings`) as a spelling."""
    out: set[int] = set()
    arabic = lexicon.arabic
    for r in readings:
        if r:
            out.update(g for g in lexicon.facts(r)[0] if arabic[g])
    return frozenset(out)


def model_readings_wanted(ar: _Unit, latin: Sequence[str], least: float) -> bool:
    """Whether a listed Arabic-script unit is read with the transliteration model's spellings
    too (:func:`sounded`) against a Latin unit of folded readings ``latin``: only where its
    listed spellings already come near them: within ``least`` (an edit similarity) but not
    alike at 1.0 (where more spellings change nothing), and with the same consonants but for
    one at most (:func:`_consonant_edits`). The model reads the same letters as the lexicon:
    its spellings move vowels and a consonant's reading, so where the listed ones are far from
    the Latin word, what they lift is look-alikes (فواز ~ Felix, عامر ~ Garcia), not a spelling
    (شولتس, listed as "schultes", meets Scholz at 0.84 before the model's "shulz" does). The
    gate spares the model search (milliseconds a word) on most first sights of a listed unit."""
    return (
        bool(ar.groups)
        and least <= _folds_similarity(ar.folds, latin, "")[0] < 0.999
        and any(_consonant_edits(x, y) <= 1 for x in ar.folds for y in latin)
    )


def sounded_pair(u: _Unit, v: _Unit, least: float) -> tuple[_Unit, _Unit]:
    """:func:`sounded` of a :func:`foreign_pair`, in its order: the Latin unit's readings
    always, the Arabic-script unit's model spellings where :func:`model_readings_wanted`."""
    ar, la = (u, v) if u.arabic else (v, u)
    la = sounded(la)
    if model_readings_wanted(ar, la.folds, least):
        ar = sounded(ar)
    return (ar, la) if u.arabic else (la, ar)


def foreign_folds(u: _Unit, latin: Sequence[str], least: float) -> tuple[str, ...]:
    """The folds a unit of a :func:`foreign_pair` is compared with against the other side's
    folded Latin spellings ``latin``: :func:`sounded_pair`'s choice, as folds (a Latin unit's
    readings always; an Arabic-script unit's model spellings where
    :func:`model_readings_wanted`)."""
    if not u.arabic or model_readings_wanted(u, latin, least):
        return comparison_folds(u)
    return u.folds


def comparison_folds(u: _Unit) -> tuple[str, ...]:
    """Every folded spelling of a unit that some comparison reads (:func:`sounded`'s)."""
    return sounded(u).folds


def _own_spellings(u: _Unit, v: _Unit, x: str, y: str) -> bool:
    """Whether two compared spellings are the units' own folds (one of each), not a reduced
    form (a compound's first element, the rest after Abd or a glued article)."""
    return (x in u.folds and y in v.folds) or (x in v.folds and y in u.folds)


def _agree(similarity: float, x: str, y: str, cfg: ScoreConfig) -> bool:
    """Whether two spellings alike to ``similarity`` (an edit similarity, perhaps lifted by a
    shared key) are one name element: their consonant classes must be the same, or for
    spellings at least ``cfg.agree_one_edit`` alike and four consonants long differ in one
    consonant (a long name's typo: GONZALEZ ~ GONZALEV). Vowels, doubled letters, an h and the letters transliterations confuse vary
    between spellings of one name; a consonant more, less or other makes another name
    (Rezaei ~ Rezvani, Habib ~ Shabib, Nasser ~ Nashir)."""
    if similarity < cfg.agree_from or x + "i" == y or y + "i" == x:
        return False  # (a name and its nisba are two elements: Mahmoud, Mahmoudi)
    edits = _consonant_edits(x, y)
    if edits == 0:
        return True
    return edits == 1 and similarity >= cfg.agree_one_edit and min(_consonant_count(x), _consonant_count(y)) >= 4


def _vowel_variant(x: str, y: str) -> bool:
    """Whether two folded Latin spellings keep the same consonant classes, three or more, in
    one order (:func:`consonant_classes`) while their vowels differ more than the agreement threshold
    allows: the vowels of a transliteration are guesses (Mzoudi ~ Mazuti, Hissein ~ Issene).
    A name and its nisba (Mahmoud, Mahmoudi) are two elements."""
    if x + "i" == y or y + "i" == x:
        return False
    return _consonant_edits(x, y) == 0 and min(_consonant_count(x), _consonant_count(y)) >= 3


def _short_form(u: _Unit, v: _Unit) -> bool:
    """Whether one of two given names (not family names, not compounds) is the other cut
    short: its spelling, four letters or more, begins the other's, which is at most twice as
    long, does not only add a vowel and is no patronymic (Kamchy ~ Kamchybek, Jose ~ Joseba,
    Alex ~ Alexander; not Karim ~ Karima, a woman's name, nor Tabrizi ~ Tabrizian, family
    names, nor Mikhail ~ Mikhailovich)."""
    if u.family or v.family or u.head or v.head or u.tail or v.tail or u.script != v.script:
        return False
    short, long_ = (u.core, v.core) if len(u.core) <= len(v.core) else (v.core, u.core)
    rest = long_[len(short) :]
    return (
        len(short) >= 4 and len(long_) <= 2 * len(short) and long_.startswith(short)
        and rest.rstrip("h") not in _VOWEL_ENDINGS and not _PATRONYMIC_END.search(rest)
    )  # fmt: skip


#: What a name more does not make a short form of it: one vowel (Karim, Karima; Ali, Alia).
_VOWEL_ENDINGS: Final = frozenset({"", "a", "i", "u", "ia", "iu", "ua"})
#: A patronymic's ending (Mikhail, Mikhailovich; Ivan, Ivanovna).
_PATRONYMIC_END: Final = re.compile(r"(?:ovich|evich|ovych|evych|ich|ovna|evna|ichna|oglu|ogly)$")


def _consonant_count(fold: str) -> int:
    return min(len(c) for c in consonant_classes(fold))


def evidence(similarity: float) -> float:
    """How much a unit-pair similarity counts toward a match.

    Spelling variants of one name score 0.85-1.0; different names that look
    alike (Hassan/Hussein, Mohammed/Ahmed) score 0.6-0.75 and must count little.
    """
    if similarity >= 0.95:
        return similarity
    x = (similarity - 0.6) / 0.35
    return 0.0 if x <= 0 else 0.95 * x**1.5
