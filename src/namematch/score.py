"""Name similarity: unit alignment, structure rules, explanations (fourth stage).

``score(a, b)`` parses both names, aligns their name units (honorifics and titles
never count; particles are structure, not evidence), compares each pair of units
through the best bridge available — exact form, the name-variant lexicon,
romanisation of Arabic-script units, folded spelling — and combines the pair
similarities weighted by how rare each name element is. Structure rules then
apply: a reversed nasab chain ("Salman bin Muhammad" vs "Muhammad bin Salman")
and two different family names or nisbas are strong evidence against a match
(unless three given names, the ism and two more, agree in order).

>>> score("Qassem Soleimani", "قاسم سليماني") >= DEFAULT_THRESHOLD
True
>>> score("Muhammad bin Salman", "Salman bin Muhammad") < DEFAULT_THRESHOLD
True
>>> score("Sayyid Sattar Hashemi", "Sattar Hashemi")
1.0

Scorers follow rapidfuzz's protocol ``(a, b, *, processor=None, score_cutoff=None)``
so :func:`score` plugs into ``rapidfuzz.process.extract``.
"""

from __future__ import annotations

import functools
import json
import math
import operator
import re
import weakref
from collections.abc import Callable, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from importlib import resources
from typing import Any, Final

import attrs
from rapidfuzz.distance import Indel, Levenshtein

from namematch import lexicon as _lexicon
from namematch._data import data_lines
from namematch._options import check_threshold
from namematch.keys import arabic_skeletons, latin_skeletons, unit_keys
from namematch.normalize import ARABIC, OTHER, PERSIAN, _check_str
from namematch.parse import FAMILY, INITIAL, _name_fields
from namematch.romanize import romanize_unit

__all__ = [
    "DEFAULT_THRESHOLD",
    "AlignedPair",
    "Explanation",
    "Scorer",
    "explain",
    "is_match",
    "score",
    "score_matrix",
]

#: Scores at or above this value are matches. Chosen on the development data as
#: the threshold of best F1 over all pair slices (see ``benchmarks/accuracy.py``).
DEFAULT_THRESHOLD: Final = 0.45

#: Features of an alignment, in the order the scoring model weighs them.
FEATURES: Final = (
    "coverage_short",  # weighted share of the shorter name's units matched (x evidence)
    "coverage_long",  # the same for the longer name
    "information",  # matched evidence x rarity weight, summed (capped at 3)
    "weakest_pair",  # evidence of the weakest matched pair
    "family_conflict",  # both names carry a family name and they differ
    "nisba_conflict",  # both carry a nisba with the article (al-Dulaimi vs al-Tikriti) and they differ
    "first_name_conflict",  # the first names differ or one is missing
    "nasab_inverted",  # X bin Y vs Y bin X
    "order_swapped",  # given/family written in the other order
    "cross_script",  # one name in Arabic script, the other not
    "single_unit",  # one of the names has a single unit
    "unmatched_both",  # rarity weight left unmatched on BOTH sides (the smaller of the two)
    "rarest_match",  # rarity of the rarest name element matched (0 when only Mohammed/Ali matched)
)


#: Similarity of an unlisted Arabic-script unit and a Latin one whose consonant skeletons
#: (3 consonants or more) are the same, when their romanised spellings are further apart.
_SKELETON_MATCH: Final = 0.85
#: Skeletons are compared only for pairs whose romanised spellings are at least this alike
#: (the rest are other names, and their skeletons need not be computed).
_SKELETON_FROM: Final = 0.5
#: Below this similarity two unaligned first names are different names even when one is
#: not listed (the sibling rule needs them different; a romanisation the lexicon does not
#: know may align them weakly: MEHREZ ~ محرز at 0.55 without the lexicon).
_UNLIKE: Final = 0.5
#: Discount on the romanised similarity of a Latin and an Arabic-script unit listed in two
#: different lexicon groups: two known names, not a spelling of one (Mahmoud ~ أحمد romanise
#: 0.73 alike). Gentler than the same-script 0.85: a Latin spelling the lexicon files under
#: one name only may still spell another. Held-out cross-script F1@0.45 0.878 -> 0.884.
_CROSS_LISTED: Final = 0.9
#: An Arabic-script unit the lexicon does not list is another name than a listed Latin one
#: (and their romanised similarity is discounted by :data:`_CROSS_LISTED`) when its letters
#: are less than this alike to every Arabic-script form listed for the Latin name.
_LETTERS_UNLIKE: Final = 0.5
#: Highest score two names can get when they conflict in structure (different family
#: names or nisbas, both present; a reversed nasab chain): below any sensible threshold.
CONFLICT_CAP: Final = 0.40
#: Name elements rarer than this count as distinctive (see namematch.lexicon.rarity).
COMMON_RARITY: Final = 0.3
_UNMATCHED_BOTH: Final = FEATURES.index("unmatched_both")
_RAREST: Final = FEATURES.index("rarest_match")
_VETO_FEATURES: Final = tuple(FEATURES.index(f) for f in ("family_conflict", "nisba_conflict", "nasab_inverted"))
_VETO_A, _VETO_B, _VETO_C = _VETO_FEATURES


@functools.cache
def _model_file(filename: str) -> dict[str, Any]:
    """A logistic model shipped in ``namematch/data`` (JSON: weights per :data:`FEATURES`
    name, intercept), as fitted by the tools in ``tools/``."""
    text = resources.files("namematch").joinpath("data", filename).read_text(encoding="utf-8")
    return json.loads(text)  # type: ignore[no-any-return]


def _default_model() -> dict[str, Any]:
    """The scoring model fitted on the development pairs (data/score_model.json)."""
    return _model_file("score_model.json")


def _model_terms(model: Mapping[str, Any]) -> tuple[tuple[float, ...], float]:
    """A model's weights in :data:`FEATURES` order, and its intercept."""
    weights = model["weights"]
    return tuple(float(weights[name]) for name in FEATURES), float(model["intercept"])


@functools.cache
def _candidate_terms() -> tuple[tuple[float, ...], float]:
    """Weights and intercept of the **candidate model** (``data/candidate_model.json``, fitted
    by ``tools/fit_candidate_model.py``): the scoring model's features weighed for the pairs
    that key retrieval proposes, a name and its nearest neighbours in a registry or a set of
    mentions, mostly namesakes, relatives and partial names. The scoring model is fitted on
    balanced pairs and is generous to those; clustering and :meth:`Registry.match` use this one."""
    return _model_terms(_model_file("candidate_model.json"))


#: Two units align only at this similarity or above; weaker look-alikes stay unmatched.
MIN_PAIR_SIMILARITY: Final = 0.72
#: Two family names that do not align but are at least this similar (KASHLAF ~
#: KHUSHLAF, HABU ~ HOBO) are spelling variance, not a family-name conflict.
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


def _evidence(similarity: float) -> float:
    """How much a unit-pair similarity counts toward a match.

    Spelling variants of one name score 0.85-1.0; different names that look
    alike (Hassan/Hussein, Mohammed/Ahmed) score 0.6-0.75 and must count little.
    """
    if similarity >= 0.95:
        return similarity
    x = (similarity - 0.6) / 0.35
    return 0.0 if x <= 0 else 0.95 * x**1.5


# _Unit and _Prepared are built on every first sight of a token or name and never
# changed after: plain slotted classes, as a frozen attrs class sets each field
# through object.__setattr__ (several times slower to construct).
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
    ckey: str  # what unit similarity depends on: script, initial, core

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


@attrs.frozen(slots=True)
class AlignedPair:
    """Two aligned name units and how they matched.

    ``method`` is one of ``"exact"``, ``"lexicon variant"`` (listed spellings of one name),
    ``"romanised"`` (across scripts, through a romanisation or transliteration),
    ``"phonetic key"`` (same-script spellings that share a key), ``"edit similarity"``,
    ``"initial"`` and ``"merged units"`` (two adjacent units against one: Mohammad Reza ~
    Mohammadreza).
    """

    a: str
    b: str
    method: str
    similarity: float
    weight: float

    def to_dict(self) -> dict[str, Any]:
        return attrs.asdict(self)


@attrs.frozen(slots=True)
class Explanation:
    """Why two names scored what they did.

    ``str(explanation)`` is a short text for reviewers; :meth:`to_dict` and
    :meth:`to_json` give the same content as data. ``rules`` are the structure rules
    that fired, among them: honorifics/titles ignored; split/merged name units aligned;
    family name conflict (two different family names or nisbas, both present); first
    names differ; nasab order reversed (X bin Y is not Y bin X); name order differs
    (given/family swapped); one name is the other's nasab (parent and child); same nasab,
    different first names (siblings); only common name elements matched; look-alike
    letters from another script folded (possible evasion); family names differ but three or
    more given names agree in order (the conflict then does not count). Family-name, nisba
    and nasab conflicts keep the score at or below :data:`CONFLICT_CAP`.
    """

    a: str
    b: str
    score: float
    pairs: tuple[AlignedPair, ...]
    unmatched_a: tuple[str, ...]
    unmatched_b: tuple[str, ...]
    rules: tuple[str, ...]
    threshold: float = DEFAULT_THRESHOLD

    @property
    def is_match(self) -> bool:
        return self.score >= self.threshold

    def to_dict(self) -> dict[str, Any]:
        return {
            "a": self.a,
            "b": self.b,
            "score": round(self.score, 4),
            "match": self.is_match,
            "threshold": self.threshold,
            "pairs": [p.to_dict() for p in self.pairs],
            "unmatched_a": list(self.unmatched_a),
            "unmatched_b": list(self.unmatched_b),
            "rules": list(self.rules),
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)

    def __str__(self) -> str:
        verdict = "match" if self.is_match else "no match"
        lines = [f"{self.a!r} ~ {self.b!r}: {self.score:.3f} ({verdict} at {self.threshold:.2f})"]
        for p in self.pairs:
            lines.append(f"  {p.a} = {p.b}  [{p.method}, similarity {p.similarity:.2f}, weight {p.weight:.2f}]")
        if self.unmatched_a:
            lines.append(f"  only in first: {', '.join(self.unmatched_a)}")
        if self.unmatched_b:
            lines.append(f"  only in second: {', '.join(self.unmatched_b)}")
        for rule in self.rules:
            lines.append(f"  rule: {rule}")
        return "\n".join(lines)


def _rf_flags(**_: Any) -> dict[str, Any]:
    return {"optimal_score": 1.0, "worst_score": 0.0, "flags": 0}


_ABD = re.compile(r"abd[aeiou]?l?")
#: "Abd X" against a plain "X" (Abdul Basir ~ Basir): the press drops the "Abd" of a
#: well-known bearer, yet Hamid and Abdul Hamid are also two names, so such a pair
#: counts at most this much. So does "Abu X" against "X": lists print the family name
#: "Abu Marzook" as "MARZOUK, Musa Abu" (but Abu Bakr and Bakr are two names too).
_ABD_DROPPED: Final = 0.85
#: Compound heads compared on what follows them when both spellings have one.
_HEADS: Final = {"abd": _ABD, "abu": re.compile("abu")}
#: The prefixes so dropped (first three folded letters) and what to strip with them. The
#: same discount holds for a nasab written as one word: "BINALSHIBH" is "bin al-Shibh",
#: whose family name lists also print as "al-Shibh" and Arabic as الشيبة.
_DROPPED_PREFIXES: Final = {
    **_HEADS,
    "bin": re.compile("bin(?:[ai]l)?"),
    "ibn": re.compile("ibn(?:[ai]l)?"),
}


#: "X ud-Din", "X Allah" and "X Zada" compounds in folded spelling: the press shortens
#: Sirajuddin to Siraj, Rahmatullah to Rahmat, Akhundzada to Akhund.
_COMPOUND_TAIL = re.compile(r"(?:[aeiou]?l?d+in[ei]?|[aeiou]l+ah?|zad[aei])$")
_TAIL_ENDS: Final = ("din", "dine", "dini", "la", "lah", "zada", "zade", "zadi")
#: Similarity of a compound to its own first element (before the edit similarity of the two).
_STEM_MATCH: Final = 0.9


@functools.lru_cache(maxsize=1 << 16)
def _stem(fold: str) -> str | None:
    """The first element of a folded "X ud-Din" / "X Allah" compound (3+ letters), else None."""
    if not fold.endswith(_TAIL_ENDS):
        return None
    m = _COMPOUND_TAIL.search(fold)
    return fold[: m.start()] if m and m.start() >= 3 else None


@functools.lru_cache(maxsize=1 << 16)
def _stems(folds: tuple[str, ...]) -> tuple[str | None, ...] | None:
    """Each fold's compound stem (:func:`_stem`), or None when no fold has one
    (most units): cached per folds tuple, one look-up per unit and pair."""
    for x in folds:
        if x.endswith(_TAIL_ENDS):  # what _stem checks first: most folds end otherwise
            break
    else:
        return None
    stems = tuple([_stem(x) for x in folds])
    return None if all(s is None for s in stems) else stems


def _stem_similarity(xs: tuple[str, ...], ys: tuple[str, ...]) -> float:
    """A compound against a plain unit: "Siraj" ~ "Sirajuddin" through the compound's first element."""
    stems_x, stems_y = _stems(xs), _stems(ys)
    if stems_x is None:
        if stems_y is None:
            return 0.0
        stems_x = (None,) * len(xs)
    elif stems_y is None:
        stems_y = (None,) * len(ys)
    best = 0.0
    for x, sx in zip(xs, stems_x, strict=True):
        for y, sy in zip(ys, stems_y, strict=True):
            if (sx is None) == (sy is None):
                continue
            r = Indel.normalized_similarity(sx, y) if sx is not None else Indel.normalized_similarity(x, sy)
            best = max(best, r * _STEM_MATCH)
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


def _folded_similarity(xs: tuple[str, ...], ys: tuple[str, ...]) -> float:
    """Best edit similarity of two units' folded Latin spellings ("Abd X" compared on X,
    a compound also on its first element, an "Abd X" or "Abu X" against a plain "X" at a discount)."""
    best = 0.0
    for x in xs:
        for y in ys:
            # "abd"/"abu" on both sides is rare: only then the (slower) stripped comparison
            head = x[:3]
            r = Indel.normalized_similarity(
                *_compound_rests(x, y, head) if head == y[:3] and head in _HEADS else (x, y)
            )
            if r > best:
                best = r
    if best < _STEM_MATCH:
        best = max(best, _stem_similarity(xs, ys))
    if best < _ABD_DROPPED:
        for x in xs:
            hx = x[:3]
            for y in ys:
                hy = y[:3]
                if hx == hy:
                    continue  # both or neither carry this prefix: compared above
                # "Abd X", "Abu X" or "Bin X" against a plain "X" (most spellings carry none)
                for full, plain, head in ((x, y, hx), (y, x, hy)):
                    pattern = _DROPPED_PREFIXES.get(head)
                    if pattern is None:
                        continue
                    m = pattern.match(full)
                    if m and len(full) - m.end() >= 3:
                        r = Indel.normalized_similarity(full[m.end():], plain) * _ABD_DROPPED
                        if r > best:
                            best = r
    return best


def _compound_rests(x: str, y: str, head: str) -> tuple[str, str]:
    """Two folded spellings that both start with "abd" (or both with "abu"), without their
    "Abd al" ("Abu"): such compounds are compared on what follows (Abdalaziz is not
    Abdallah, Abu Ahmad is not Abu Hamza, though they share 5 letters)."""
    pattern = _HEADS[head]
    mx, my = pattern.match(x), pattern.match(y)
    if mx and my and mx.end() < len(x) and my.end() < len(y):
        return x[mx.end():], y[my.end():]
    return x, y


#: Every live Scorer, so a lexicon swap can clear their caches (see :meth:`Scorer.clear_cache`).
_SCORERS: weakref.WeakSet[Scorer] = weakref.WeakSet()


def _combine(features: Sequence[float], weights: Sequence[float], intercept: float) -> float:
    """A score from alignment features (:data:`FEATURES`) and a logistic model's weights
    and intercept, after the structure vetoes: a family-name, nisba or nasab-order conflict,
    or only common name elements shared, keeps it at or below :data:`CONFLICT_CAP`."""
    z = intercept + sum(map(operator.mul, weights, features))
    value = 1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, z))))
    if features[_VETO_A] or features[_VETO_B] or features[_VETO_C] or (
        features[_UNMATCHED_BOTH] > 0 and features[_RAREST] < COMMON_RARITY
    ):
        # a conflict, or only common elements (Mohammed, Ali) shared while both
        # names have parts the other lacks: "Mohammed Hassan" vs "Mohammed Hussein"
        value = min(value, CONFLICT_CAP)
    return round(min(value, 0.999999), 6)


class Scorer:
    """A configured name scorer with a cache of prepared names.

    The module-level :func:`score`, :func:`is_match`, :func:`explain` and
    :func:`score_matrix` use a default instance. Preparing a name (parse,
    romanise, keys, weights) happens once per distinct string.

    >>> s = Scorer(threshold=0.8)
    >>> s.is_match("Ghasem Soleymani", "Qassem Soleimani")
    True
    """

    def __init__(
        self,
        *,
        threshold: float = DEFAULT_THRESHOLD,
        model: Mapping[str, Any] | None = None,
        cache_size: int = 200_000,
    ) -> None:
        self.threshold = check_threshold(threshold, "threshold")
        self.model_weights, self.model_intercept = _model_terms(_default_model() if model is None else model)
        self.cache_size = cache_size
        self._prepared: dict[str, _Prepared] = {}
        self._pair_rows: dict[str, dict[str, tuple[float, str]]] = {}
        self._pair_count = 0
        #: joined-pair similarity per adjacent unit pair (its two ckeys), then per single unit
        self._merge_cache: dict[tuple[str, str], dict[str, float]] = {}
        self._merge_count = 0
        _SCORERS.add(self)

    def clear_cache(self) -> None:
        """Forget prepared names and unit-pair similarities (they are rebuilt on demand).
        Done for every scorer when the lexicon is swapped, whose facts they carry."""
        self._prepared = {}
        self._pair_rows = {}
        self._pair_count = 0
        self._merge_cache = {}
        self._merge_count = 0

    # -- preparation -----------------------------------------------------
    def prepare(self, name: str) -> _Prepared:
        """Parse, romanise and key a name once; later calls hit the cache."""
        prep = self._prepared.get(name)
        if prep is None:
            _check_str(name)
            prep = self._prepare(name)
            if len(self._prepared) >= self.cache_size:
                self._prepared.clear()
            self._prepared[name] = prep
        return prep

    def _prepare(self, name: str) -> _Prepared:
        fields, has_lineage, honorifics = _name_fields(name)
        units = tuple([_unit_of(*f) for f in fields[:MAX_UNITS]])
        return _Prepared(name, units, has_lineage, honorifics, *_layout(units))

    @staticmethod
    def _unit_uncached(
        text: str, norm: str, core: str, script: str, role: str, lineage: bool, homoglyphs: bool, article: str
    ) -> _Unit:
        """A name unit prepared for comparison, from the NameToken fields it depends
        on (not its position in the name, so one cache entry serves every name)."""
        arabic = script in _ARABIC_SCRIPTS
        initial = role == INITIAL
        core = core or norm
        glued = "" if article or arabic or initial else _lexicon._glued_article_core(core)
        if glued:  # "Alsayed" is al-Sayed: compared as "sayed", still a variant of its own listed spellings
            whole, core, article = core, glued, "al"
        if arabic:
            latin = tuple(romanize_unit(core, limit=4)) or (core,)
            if core.endswith("الله") and len(core) > 4 and not core.startswith("عبد"):
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
            text,
            norm,
            core,
            arabic,
            initial,
            role == FAMILY,
            lineage,
            weight,
            rarity,
            latin,
            folds,
            script,
            _EMPTY if initial else _group_set(groups),
            homoglyphs,
            bool(article),
            f"{'a' if arabic else 'l'}{'i' if initial else 'w'}{core}",
        )

    # -- unit similarity -------------------------------------------------
    def _unit_sim(self, u: _Unit, v: _Unit) -> tuple[float, str]:
        """Similarity of two units (it depends on them alone), cached per scorer:
        one row per unit, ``cache_size`` unit pairs in all (then it starts over).

        Exact at or above ``_EXACT_FROM`` (the lower of :data:`MIN_PAIR_SIMILARITY`
        and :data:`NEAR_FAMILY`); below it, only that it is below (such pairs
        never align and never make two family names near, so nothing reads their value)."""
        rows = self._pair_rows
        row = rows.get(u.ckey)
        hit = None if row is None else row.get(v.ckey)
        if hit is not None:
            return hit
        hit = self._unit_sim_uncached(u, v) if u.ckey <= v.ckey else self._unit_sim_uncached(v, u)
        if self._pair_count >= self.cache_size:
            rows.clear()
            self._pair_count = 0
            row = None
        if row is None:
            row = rows[u.ckey] = {}
        row[v.ckey] = hit
        other = rows.get(v.ckey)
        if other is None:
            other = rows[v.ckey] = {}
        other[u.ckey] = hit
        self._pair_count += 1
        return hit

    @staticmethod
    def _unit_sim_uncached(u: _Unit, v: _Unit) -> tuple[float, str]:
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
            best = _folded_similarity(u.folds, v.folds)
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
            best *= 0.85  # two different known names in one script: Hassan is not Hussein, حسن is not حسين
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

    # -- alignment -------------------------------------------------------
    def _align(
        self, pa: _Prepared, pb: _Prepared, want_explain: bool = False
    ) -> tuple[tuple[float, ...], list[tuple[int, int, float, str]], list[str]]:
        ua, ub = pa.units, pb.units
        rules: list[str] = []
        n, m = len(ua), len(ub)
        fewer = n if n < m else m
        sims: list[tuple[float, int, int, str]] = []
        rows = self._pair_rows
        empty: dict[str, tuple[float, str]] = {}
        for i, u in enumerate(ua):
            row = rows.get(u.ckey, empty)
            for j, v in enumerate(ub):
                hit = row.get(v.ckey)
                if hit is None:
                    hit = self._unit_sim(u, v)
                if hit[0] >= MIN_PAIR_SIMILARITY:
                    sims.append((-hit[0], i, j, hit[1]))
        if not sims and not want_explain:
            # no two units alike (most pairs of different persons): unless split/merged units
            # align, the features follow from the names alone (the same values as below)
            unaligned = self._unaligned(pa, pb, n, m, fewer)
            if unaligned is not None:
                return unaligned, [], rules
        sims.sort()
        used_a: set[int] = set()
        used_b: set[int] = set()
        matched: list[tuple[int, int, float, str]] = []
        for neg_s, i, j, method in sims:
            if i in used_a or j in used_b:
                continue
            used_a.add(i)
            used_b.add(j)
            matched.append((i, j, -neg_s, method))
        # order of the name chain (read below); crossing pairs that can swap without loss first
        inverted = False
        pairs: list[tuple[int, int]] = []
        if len(matched) > 1:
            pairs = sorted([(i, j) for i, j, _, _ in matched])
            inverted = bool(_descents([j for _, j in pairs]))
            if inverted:
                matched = _uncross(matched, sims)
                pairs = sorted([(i, j) for i, j, _, _ in matched])
                inverted = bool(_descents([j for _, j in pairs]))
        # split/merged units: "Mohammad Reza" ~ "Mohammadreza", "Ben Ali" ~ "Benali"
        merged: list[tuple[Any, Any, float, str]] = []
        # (a joined pair must be about as long as one unit of the other name: 0.7x-1.3x)
        if n - len(used_a) >= 2 and m > len(used_b) and pa.adjacent and 0.7 * pa.min_joined <= pb.max_single:
            merged += self._merges(pa, pb, used_a, used_b)
        if m - len(used_b) >= 2 and n > len(used_a) and pb.adjacent and 0.7 * pb.min_joined <= pa.max_single:
            merged += [(j, i, s, meth) for (i, j, s, meth) in self._merges(pb, pa, used_b, used_a)]
        merged_pairs: list[tuple[tuple[int, ...], tuple[int, ...], float]] = []
        for i, j, s, _meth in merged:
            ia = i if isinstance(i, tuple) else (i,)
            jb = j if isinstance(j, tuple) else (j,)
            if used_a.isdisjoint(ia) and used_b.isdisjoint(jb):
                used_a.update(ia)
                used_b.update(jb)
                merged_pairs.append((ia, jb, s))
                if want_explain:
                    rules.append("split/merged name units aligned")
        # features of the alignment (see FEATURES); combined by the fitted model
        short_is_a = n < m
        w_a = pa.weights
        w_b = pb.weights
        got_w_a = got_w_b = 0.0  # evidence-weighted matched weight per side
        hit_w_a = hit_w_b = 0.0  # plain matched weight per side
        info = 0.0
        min_ev = 1.0
        rarest = 0.0
        only_initials = not merged_pairs
        partner_a = partner_b = None  # what the first unit of each side aligned with
        weighed: list[tuple[float, float, float]] = []  # (evidence, weight a, weight b) per aligned pair
        for i, j, s, _ in matched:
            ev = _evidence(s)
            x, y = ua[i], ub[j]
            if not (x.initial or y.initial):
                only_initials = False
                r = (x.rarity if x.rarity < y.rarity else y.rarity) * ev
                if r > rarest:
                    rarest = r
            if i == 0:
                partner_a = j
            if j == 0:
                partner_b = i
            weighed.append((ev, w_a[i], w_b[j]))
        for ia, jb, s in merged_pairs:
            weighed.append((_evidence(s), sum(w_a[i] for i in ia), sum(w_b[j] for j in jb)))
        for ev, wa, wb in weighed:
            got_w_a += ev * wa
            got_w_b += ev * wb
            hit_w_a += wa
            hit_w_b += wb
            info += ev * (wa + wb) / 2
            if ev < min_ev:
                min_ev = ev
        cov_a = got_w_a / (pa.weight_sum or 1.0)
        cov_b = got_w_b / (pb.weight_sum or 1.0)
        left_a, left_b = pa.weight_sum - hit_w_a, pb.weight_sum - hit_w_b
        unmatched_both = left_a if left_a < left_b else left_b
        if not weighed:
            min_ev = 0.0
        if only_initials:
            cov_a = cov_b = info = min_ev = rarest = 0.0  # initials alone are no evidence of identity
        if n == m:
            cov_short, cov_long = (cov_a, cov_b) if cov_a < cov_b else (cov_b, cov_a)
        else:
            cov_short, cov_long = (cov_a, cov_b) if short_is_a else (cov_b, cov_a)
        # family name / nisba conflict: both sides carry one and they do not align
        fam_a = [i for i in pa.family_idx if i not in used_a]
        fam_b = [j for j in pb.family_idx if j not in used_b]
        differ, nisba_conflict = self._family_differ(ua, ub, fam_a, fam_b)
        # a shared family name makes a second, different one (a double surname's other
        # half, often dropped or varied) no conflict; a second nisba still is one
        family_conflict = nisba_conflict or (
            differ and not (any(i in used_a for i in pa.family_idx) and any(j in used_b for j in pb.family_idx))
        )
        if family_conflict:
            # three generations of given names, in order, outweigh the family name: lists file
            # one man under a tribe's and a town's nisba (al-Bayjat, al-Tikriti) or a kunya
            chain = not inverted and _chain_agrees(matched, ua, ub, pa.family_idx, pb.family_idx)
            if want_explain:
                names = ", ".join(ua[i].text for i in fam_a) + " vs " + ", ".join(ub[j].text for j in fam_b)
                rules.append(
                    f"family names differ ({names}), but three or more given names agree in order: not counted against"
                    if chain else f"family name conflict: {names}"
                )
            if chain:
                nisba_conflict = family_conflict = False
        # the first name (ism) is the person's own: a different or missing one
        # on either side usually means a relative ("Omar Sabawi Ibrahim" is Sabawi's son)
        first_conflict = False
        if fewer >= 2 and not (ua[0].initial or ub[0].initial):
            if partner_a != 0 and (partner_a is None or partner_b is None):
                first_conflict = True
                if want_explain:
                    rules.append(f"first names differ: {ua[0].text} vs {ub[0].text}")
        nasab_inverted = swapped = False
        if inverted:
            if (
                (pa.has_lineage or pb.has_lineage)
                and not _family_moved(pairs, pa.family_idx, pb.family_idx)
            ) or (
                fewer >= 3 and not _is_rotation(pairs) and _given_names_reversed(pairs, pa.family_idx, pb.family_idx)
            ):
                nasab_inverted = True
                if want_explain:
                    rules.append("nasab order reversed (X bin Y is not Y bin X)")
            else:
                swapped = True
                if want_explain:
                    rules.append("name order differs (given/family swapped)")
        if not nasab_inverted and fewer >= 3 and not merged_pairs:
            # an Arabic nasab names the father after the ism, so a shared nasab ties relatives:
            # "Saja Barzan Ibrahim Hasan al-Tikriti" is the daughter of Barzan Ibrahim Hasan
            # al-Tikriti, "Ali Taher Faleh" the brother of "Tarak Taher Faleh"
            if (n - m == 1 or m - n == 1) and len(matched) == fewer:
                front = ua[0] if n > m else ub[0]  # the longer name's first unit, the one left over
                # (a leading Muhammad, Hafiz, Agha… is often a prefix or a title instead: not counted)
                if front.groups and _parent_and_child(matched, n < m) and not _is_prefix_name(front) and _arabic_structure(pa, pb):
                    nasab_inverted = True
                    if want_explain:
                        rules.append("one name is the other's nasab (parent and child)")
            elif (
                partner_a is None and partner_b is None and not (ua[0].initial or ub[0].initial)
                and len(matched) >= fewer - 1 and _same_nasab(matched, fewer) and _arabic_structure(pa, pb)
                and self._surely_different(ua[0], ub[0])
            ):
                nasab_inverted = True
                if want_explain:
                    rules.append("same nasab, different first names (siblings)")
        if want_explain:
            if unmatched_both > 1e-9 and rarest < COMMON_RARITY and not only_initials:
                # the cap of _combine: name it, whatever the model would have said
                rules.append("only common name elements shared, and both names have parts the other lacks")
            elif info < 0.6 and (matched or merged_pairs):
                rules.append("only common name elements matched: weak evidence")
            if pa.honorifics or pb.honorifics:
                rules.insert(0, "honorifics/titles ignored: " + ", ".join(pa.honorifics + pb.honorifics))
            if any(u.homoglyphs for u in ua + ub):
                rules.append("look-alike letters from another script folded (possible evasion)")
        features = (
            cov_short,
            cov_long,
            info if info < 3.0 else 3.0,
            min_ev,
            float(family_conflict and not nisba_conflict),
            float(nisba_conflict),
            float(first_conflict),
            float(nasab_inverted),
            float(swapped),
            float(pa.arabic != pb.arabic),
            float(fewer == 1),
            unmatched_both if unmatched_both > 1e-9 else 0.0,
            rarest,
        )
        all_pairs = matched + [(ia[0], jb[0], s, MERGED) for ia, jb, s in merged_pairs]
        return features, all_pairs, rules

    def _surely_different(self, u: _Unit, v: _Unit) -> bool:
        """Two first names that did not align are different names, not a spelling the
        romaniser missed: in one script, both listed, or not even alike (< 0.5)."""
        return u.arabic == v.arabic or bool(u.groups and v.groups) or self._unit_sim(u, v)[0] < _UNLIKE

    def _unaligned(self, pa: _Prepared, pb: _Prepared, n: int, m: int, fewer: int) -> tuple[float, ...] | None:
        """The features of two names none of whose units align (:meth:`_align`'s values for
        that case), or None when split/merged units align after all."""
        if n >= 2 and pa.adjacent and 0.7 * pa.min_joined <= pb.max_single and self._merges(pa, pb, _EMPTY, _EMPTY):
            return None
        if m >= 2 and pb.adjacent and 0.7 * pb.min_joined <= pa.max_single and self._merges(pb, pa, _EMPTY, _EMPTY):
            return None
        ua, ub = pa.units, pb.units
        fam_a, fam_b = pa.family_idx, pb.family_idx
        differ, nisba_conflict = self._family_differ(ua, ub, fam_a, fam_b)
        left_a, left_b = pa.weight_sum, pb.weight_sum
        unmatched_both = left_a if left_a < left_b else left_b
        return (
            0.0,
            0.0,
            0.0,
            0.0,
            float(differ and not nisba_conflict),
            float(nisba_conflict),
            float(fewer >= 2 and not (ua[0].initial or ub[0].initial)),
            0.0,
            0.0,
            float(pa.arabic != pb.arabic),
            float(fewer == 1),
            unmatched_both if unmatched_both > 1e-9 else 0.0,
            0.0,
        )

    def _family_differ(
        self, ua: Sequence[_Unit], ub: Sequence[_Unit], fam_a: Sequence[int], fam_b: Sequence[int]
    ) -> tuple[bool, bool]:
        """Whether the unaligned family names ``fam_a``/``fam_b`` differ (both present and not
        near spellings), and whether they are two different nisbas (al-Dulaimi vs al-Tikriti),
        the strongest form of it."""
        differ = bool(fam_a and fam_b) and not self._near_family(ua, ub, fam_a, fam_b)
        return differ, differ and any(ua[i].article for i in fam_a) and any(ub[j].article for j in fam_b)

    def _near_family(self, ua: Sequence[_Unit], ub: Sequence[_Unit], fam_a: Sequence[int], fam_b: Sequence[int]) -> bool:
        """Whether two unaligned family names are near spellings (KASHLAF ~ KHUSHLAF): too far
        apart to count as a match, too close to count as evidence against."""
        return any(self._unit_sim(ua[i], ub[j])[0] >= NEAR_FAMILY for i in fam_a for j in fam_b)

    def _merges(
        self, pa: _Prepared, pb: _Prepared, used_a: AbstractSet[int], used_b: AbstractSet[int]
    ) -> list[tuple[Any, int, float, str]]:
        """Adjacent unmatched units of ``pa`` that together match one unit of ``pb``."""
        out: list[tuple[Any, int, float, str]] = []
        ua, ub, sizes = pa.units, pb.units, pb.sizes
        cache = self._merge_cache
        for i, lo, hi, key in pa.adjacent:
            if i in used_a or i + 1 in used_a:
                continue
            row = cache.get(key)
            for j, v_size in enumerate(sizes):
                if not lo <= v_size <= hi or j in used_b:  # an initial (size 0) is never in the window
                    continue
                v = ub[j]
                best = None if row is None else row.get(v.ckey)
                if best is None:
                    x, y = ua[i], ua[i + 1]
                    joined = [_fold_latin(p + q) for p in x.latin[:2] for q in y.latin[:2]]
                    best = max(Indel.normalized_similarity(jf, vf) for jf in joined for vf in v.folds)
                    if self._merge_count >= self.cache_size:
                        cache.clear()
                        self._merge_count = 0
                        row = None
                    if row is None:
                        row = cache[key] = {}
                    row[v.ckey] = best
                    self._merge_count += 1
                if best >= 0.8:
                    out.append(((i, i + 1), j, min(best, 0.95), MERGED))
        return out

    def _final(self, features: Sequence[float]) -> float:
        """Combine alignment features into the returned score (this scorer's model)."""
        return _combine(features, self.model_weights, self.model_intercept)

    def _features(self, a: str, b: str) -> tuple[float, ...] | float:
        """The alignment features of two checked strings (in :data:`FEATURES` order), or
        their score when it does not come from a model: 1.0 for the same parse, 0.0 when
        a name has no units. Symmetric: the pair is put in one order first."""
        if b < a:
            a, b = b, a
        pa, pb = self.prepare(a), self.prepare(b)
        if not pa.units or not pb.units:
            return 0.0
        if pa.identity == pb.identity:
            return 1.0
        return self._align(pa, pb)[0]

    def _value(self, a: str, b: str, weights: Sequence[float], intercept: float) -> float:
        """The score of two checked strings with the features weighed by ``weights`` and
        ``intercept`` (:func:`_combine`): :meth:`score` passes this scorer's model, clustering and
        :meth:`Registry.match`'s rival check the candidate model (:func:`_candidate_terms`),
        all over the same caches."""
        features = self._features(a, b)
        if isinstance(features, float):
            return features
        return _combine(features, weights, intercept)

    def _values(self, a: str, b: str, models: Sequence[tuple[Sequence[float], float]]) -> tuple[float, ...]:
        """:meth:`_value` under each of ``models`` (``(weights, intercept)``) from one alignment:
        :meth:`Registry.match` reads both the pair score and the candidate model's chance."""
        features = self._features(a, b)
        if isinstance(features, float):
            return (features,) * len(models)
        return tuple([_combine(features, weights, intercept) for weights, intercept in models])

    # -- public ----------------------------------------------------------
    def score(
        self,
        a: str,
        b: str,
        *,
        processor: Callable[[str], str] | None = None,
        score_cutoff: float | None = None,
    ) -> float:
        """Similarity of two names in [0, 1] (symmetric; 1.0 for the same parse).

        ``processor`` is applied to both strings first; a result below
        ``score_cutoff`` is returned as 0.0 (rapidfuzz's protocol).
        """
        _check_str(a, "a")
        _check_str(b, "b")
        if processor is not None:
            a, b = processor(a), processor(b)
        value = self._value(a, b, self.model_weights, self.model_intercept)
        if score_cutoff is not None and value < score_cutoff:
            return 0.0
        return value

    def is_match(self, a: str, b: str, threshold: float | None = None) -> bool:
        """True when ``score(a, b)`` reaches the threshold (default: the scorer's)."""
        limit = self.threshold if threshold is None else check_threshold(threshold, "threshold")
        return self.score(a, b) >= limit

    def explain(self, a: str, b: str) -> Explanation:
        """Score two names and say why: aligned units, unmatched units, rules fired."""
        _check_str(a, "a")
        _check_str(b, "b")
        pa, pb = self.prepare(a), self.prepare(b)
        value = self.score(a, b)
        if not pa.units or not pb.units:
            return Explanation(a, b, value, (), tuple(u.text for u in pa.units),
                               tuple(u.text for u in pb.units), ("a name has no name units",), self.threshold)  # fmt: skip
        _, pairs, rules = self._align(pa, pb, want_explain=True)
        if pa.identity == pb.identity:
            rules.insert(0, "same name after normalisation and parsing")
        aligned = []
        used_a: set[int] = set()
        used_b: set[int] = set()
        for i, j, s, method in sorted(pairs):
            ua, ub = pa.units[i], pb.units[j]
            used_a.add(i)
            used_b.add(j)
            aligned.append(AlignedPair(ua.text, ub.text, method, round(s, 3), round((ua.weight + ub.weight) / 2, 3)))
        if any(m == MERGED for *_, m in pairs):
            # merged pairs cover two units on one side; mark their neighbours used
            for i, j, _s, method in pairs:
                if method == MERGED:
                    used_a.update({i, i + 1} & set(range(len(pa.units))))
                    used_b.update({j, j + 1} & set(range(len(pb.units))))
        un_a = tuple(u.text for k, u in enumerate(pa.units) if k not in used_a)
        un_b = tuple(u.text for k, u in enumerate(pb.units) if k not in used_b)
        return Explanation(a, b, value, tuple(aligned), un_a, un_b, tuple(rules), self.threshold)

    def score_matrix(
        self,
        queries: Iterable[str],
        choices: Iterable[str],
        *,
        score_cutoff: float | None = None,
        dtype: Any = None,
    ) -> Any:
        """Scores of every query against every choice.

        Each string is prepared once. Pairs that share no retrieval key cannot
        reach a match and get 0.0 without being aligned; the rest are scored in
        full. Returns a numpy array (``float32`` unless ``dtype`` says) when
        numpy is installed, else a list of lists.
        """
        qs = [self.prepare(_check_str(q, "queries item")) for q in _check_names(queries, "queries")]
        cs = [self.prepare(_check_str(c, "choices item")) for c in _check_names(choices, "choices")]
        index: dict[str, list[int]] = {}
        for k, c in enumerate(cs):
            for key in sorted({key for u in c.units for key in u.keys}):
                index.setdefault(key, []).append(k)
        rows: list[list[float]] = []
        for q in qs:
            row = [0.0] * len(cs)
            cand: set[int] = set()
            for u in q.units:
                for key in u.keys:
                    cand.update(index.get(key, ()))
            for k in cand:
                c = cs[k]
                a, b = (q, c) if q.source <= c.source else (c, q)
                if a.identity == b.identity:
                    val = 1.0 if a.units else 0.0
                else:
                    val = self._final(self._align(a, b)[0])
                if score_cutoff is None or val >= score_cutoff:
                    row[k] = val
            rows.append(row)
        try:
            import numpy as np
        except ImportError:  # pragma: no cover - numpy is optional
            return rows
        return np.asarray(rows, dtype=dtype or np.float32).reshape(len(qs), len(cs))


#: One name unit's preparation depends on its token alone, and tokens repeat
#: across names far more than names do: cache per token (bounded).
_unit_of = functools.lru_cache(maxsize=1 << 17)(Scorer._unit_uncached)
_lexicon._on_change.append(_unit_of.cache_clear)  # units carry lexicon facts (groups, rarity)


def _clear_scorers() -> None:
    for scorer in list(_SCORERS):
        scorer.clear_cache()


_lexicon._on_change.append(_clear_scorers)  # so do their prepared names and unit-pair similarities


def _layout(
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
    """The set of a unit's lexicon group ids, one per distinct id tuple: the
    variants of a name share it (each frozenset is a GC-tracked object, and a
    set per unit made thousands), and most units, in no group, share the empty one."""
    return frozenset(ids) if ids else _EMPTY


def _arabic_structure(pa: _Prepared, pb: _Prepared) -> bool:
    """Whether two names read as Arabic name chains: one is in Arabic script, one has a
    lineage particle (bin), or both carry a nisba (al-...)."""
    return (
        pa.arabic or pb.arabic or pa.has_lineage or pb.has_lineage
        or (any(u.article for u in pa.units) and any(u.article for u in pb.units))
    )


#: Given names (not family names) that must align, in order and from the first, for a
#: family-name or nisba conflict not to count (see :func:`_chain_agrees`).
_CHAIN_AGREES: Final = 3
#: ... each at this similarity or above, and the rarest of them at least :data:`COMMON_RARITY`.
_CHAIN_MATCH: Final = 0.8


def _chain_agrees(
    matched: Sequence[tuple[int, int, float, str]],
    ua: Sequence[_Unit],
    ub: Sequence[_Unit],
    fam_a: Sequence[int],
    fam_b: Sequence[int],
) -> bool:
    """Whether the names share an ism-and-nasab chain: the first names and at least two more
    given names align (not initials; two of them at least listed in the lexicon), the rarest
    of them not a common name. "Bashar Sabawi Ibrahim Hasan al-Bayjat" and "... al-Tikriti"
    are one man; "Ahmed Hassan Ali al-Dulaimi" and "... al-Tikriti" may be two."""
    chain = [
        (i, j)
        for i, j, s, _m in matched
        if s >= _CHAIN_MATCH and i not in fam_a and j not in fam_b
        and not (ua[i].initial or ub[j].initial)
    ]
    if len(chain) < _CHAIN_AGREES or (0, 0) not in chain:
        return False
    if sum(1 for i, j in chain if ua[i].groups or ub[j].groups) < 2:
        return False  # not a chain of known given names (Burmese "Daw Than Than" is no nasab)
    return max(min(ua[i].rarity, ub[j].rarity) for i, j in chain) >= COMMON_RARITY


def _same_nasab(matched: Sequence[tuple[int, int, float, str]], fewer: int) -> bool:
    """Whether units 1 .. fewer-1 of both names align place by place (the chain after the ism)."""
    placed = {i for i, j, _s, _m in matched if i == j}
    return all(t in placed for t in range(1, fewer))


@functools.cache
def _prefix_names() -> tuple[frozenset[str], frozenset[int]]:
    """The forms of ``data/prefix_names.txt`` and their lexicon group ids (once per lexicon)."""
    forms = frozenset(data_lines("prefix_names.txt"))
    return forms, frozenset(g for f in forms for g in _lexicon._group_ids(f))


_lexicon._on_change.append(_prefix_names.cache_clear)


def _is_prefix_name(unit: _Unit) -> bool:
    """Whether a unit is a name often written before a person's own name (a devotional
    Muhammad, a title-like Hafiz, Agha, Khan…: ``data/prefix_names.txt``), or a spelling of one."""
    forms, groups = _prefix_names()
    return unit.core in forms or unit.norm in forms or not unit.groups.isdisjoint(groups)


def _parent_and_child(matched: Sequence[tuple[int, int, float, str]], a_is_shorter: bool) -> bool:
    """Whether every unit of the shorter name aligns with the unit one place further in the
    longer name: the longer name is the shorter one with a name in front of it."""
    for i, j, _s, _m in matched:
        short, long_ = (i, j) if a_is_shorter else (j, i)
        if long_ != short + 1:
            return False
    return True


def _uncross(
    matched: list[tuple[int, int, float, str]], sims: list[tuple[float, int, int, str]]
) -> list[tuple[int, int, float, str]]:
    """The greedy alignment (which crosses) with crossing pairs swapped where the swap loses no similarity.

    Greedy alignment takes equally similar pairs in position order, so a repeated
    name can cross ("Chang Chang Ha" ~ "Jang Chang Ha": the first Chang takes the
    exact Chang, the second the variant Jang) and read as a reordered name. Two
    crossing pairs whose swapped partners are as similar are swapped back.
    """
    sim = {(i, j): (-neg, method) for neg, i, j, method in sims}
    out = sorted(matched)
    changed = True
    while changed:
        changed = False
        for x in range(len(out)):
            for y in range(x + 1, len(out)):
                i1, j1, s1, _ = out[x]
                i2, j2, s2, _ = out[y]
                if j1 < j2:
                    continue
                p, q = sim.get((i1, j2)), sim.get((i2, j1))
                if p is not None and q is not None and p[0] + q[0] >= s1 + s2 - 1e-9:
                    out[x], out[y] = (i1, j2, p[0], p[1]), (i2, j1, q[0], q[1])
                    changed = True
    return out


def _descents(js: Sequence[int]) -> list[int]:
    """Positions ``k`` where ``js[k] > js[k + 1]``: where an aligned order goes back."""
    return [k for k in range(len(js) - 1) if js[k] > js[k + 1]]


def _is_rotation(pairs: Sequence[tuple[int, int]]) -> bool:
    """True when the aligned order is the other name's order rotated: the
    family name moved to the front or back ("Aweys Hassan Dahir" for "Hassan
    Dahir Aweys"), as lists print names, rather than a reordered nasab chain."""
    js = [j for _, j in pairs]
    return len(_descents(js)) == 1 and js[-1] < js[0]


def _family_moved(pairs: Sequence[tuple[int, int]], family_a: Sequence[int], family_b: Sequence[int]) -> bool:
    """True when the only reordering is one family name moved to the front or back
    ("Hamroui Kamel ben Mouldi" for "Kamal ben al-Mouldi ... al-Hamraoui"): the
    chain of given names, lineage particles included, keeps its order."""
    if not _is_rotation(pairs):
        return False
    cut = _descents([j for _, j in pairs])[0] + 1
    if cut == 1:
        moved = pairs[0]
    elif cut == len(pairs) - 1:
        moved = pairs[-1]
    else:
        return False
    return moved[0] in family_a or moved[1] in family_b


def _given_names_reversed(
    pairs: Sequence[tuple[int, int]], family_a: Sequence[int], family_b: Sequence[int]
) -> bool:
    """True when two aligned given names stand in the other order on the other side
    (a reordered nasab chain), not only a family name among them: "VALENCIA CORNELIO,
    Armando" vs "CORNELIO VALENCIA, Armando" reorder surnames, as lists do."""
    return bool(_descents([j for i, j in pairs if i not in family_a and j not in family_b]))


def _check_names(value: object, argument: str) -> Iterable[str]:
    """An iterable of names, not a single string (which would iterate its letters)."""
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise TypeError(f"{argument} must be an iterable of str, not {type(value).__name__}")
    return value


_DEFAULT = Scorer()


def score(
    a: str,
    b: str,
    *,
    processor: Callable[[str], str] | None = None,
    score_cutoff: float | None = None,
) -> float:
    """Similarity of two person names in [0, 1], across scripts.

    Symmetric; 1.0 when both names normalise to the same parse; compare with
    :data:`DEFAULT_THRESHOLD`. Follows rapidfuzz's scorer protocol, so
    ``rapidfuzz.process.extractOne(name, choices, scorer=namematch.score)`` works.

    >>> score("Nasir Abd al-Muhsin Abdallah", "Naseer Abdul Mohsen Abdullah") > 0.8
    True
    >>> score("Mohammed Hassan", "Mohammed Hussein") < DEFAULT_THRESHOLD
    True
    """
    return _DEFAULT.score(a, b, processor=processor, score_cutoff=score_cutoff)


score._RF_ScorerPy = {"get_scorer_flags": _rf_flags}  # type: ignore[attr-defined]
Scorer.score._RF_ScorerPy = {"get_scorer_flags": _rf_flags}  # type: ignore[attr-defined]


def is_match(a: str, b: str, threshold: float | None = None) -> bool:
    """True when ``score(a, b) >= threshold`` (default :data:`DEFAULT_THRESHOLD`)."""
    return _DEFAULT.is_match(a, b, threshold)


def explain(a: str, b: str) -> Explanation:
    """Score two names and explain the result.

    >>> print(explain("Sayyid Sattar Hashemi", "S. Hashemi"))  # doctest: +ELLIPSIS
    'S. Hashemi' ~ 'Sayyid Sattar Hashemi': ...
    """
    if isinstance(a, str) and isinstance(b, str) and b < a:
        a, b = b, a
    return _DEFAULT.explain(a, b)


def score_matrix(
    queries: Iterable[str], choices: Iterable[str], *, score_cutoff: float | None = None
) -> Any:
    """Score every query against every choice (see :meth:`Scorer.score_matrix`)."""
    return _DEFAULT.score_matrix(queries, choices, score_cutoff=score_cutoff)

