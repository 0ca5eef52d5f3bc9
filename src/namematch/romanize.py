"""Romanisation of Arabic-script names (third stage: the cross-script bridge).

Arabic script does not write short vowels, so a name has many plausible Latin
spellings. :func:`romanize_unit` ranks them for one name unit:

1. the name-variant lexicon (:mod:`namematch.lexicon`) first: spellings seen in
   practice for that Arabic-script form, most frequent first;
2. compounds are split: ``عبد`` + X → ``abdul`` + X, ``ابو`` + X → ``abu`` + X,
   X + ``الدين`` → X + ``uddin``;
3. otherwise a learned character model: every Arabic letter emits a Latin
   "chunk" (its consonant plus the vowels that follow it), with probabilities
   conditioned on the neighbouring letters and the position in the word. The
   tables are counted from aligned development token pairs by
   ``tools/build_lexicon.py`` and shipped as ``data/translit_model.tsv``; a
   beam search ranks the outputs.

Persian convention (v for consonant و, gh for ق, z for ذ ظ ض, s for ث ص, e/o
for short vowels) applies when the unit has Persian letters, when
``persian=True``, or with ``convention="persian"``.

>>> romanize("قاسم سليماني", convention="persian")
'ghasem soleimani'
>>> romanize("Qāsim Sulaymānī")
'qasim sulaymani'
>>> romanize_unit("محمد")[0]
'mohammed'
>>> romanize("")
''
"""

from __future__ import annotations

import heapq
import math
from functools import lru_cache
from typing import Final

from unidecode import unidecode

from namematch import lexicon as _lexicon
from namematch._data import data_lines
from namematch.normalize import (
    ARABIC,
    OTHER,
    PERSIAN,
    _check_str,
    _short_cache,
    normalize,
    normalize_latin,
    script_of,
    tokenize,
)
from namematch.parse import HONORIFIC, PARTICLE, TITLE, parse

__all__ = ["ONSETS", "VOWELS", "romanizations", "romanize", "romanize_unit"]

#: Latin letters that may follow a letter's consonant as (unwritten) vowels.
VOWELS: Final = frozenset("aeiouy")

#: For each normalised Arabic-script letter, the Latin strings its consonant is
#: written with ("" for letters that are only vowel carriers or may be silent).
#: A chunk is an onset followed by up to three vowels. Used to align training
#: pairs and as the fallback when the trained model is missing.
ONSETS: Final[dict[str, tuple[str, ...]]] = {
    "ا": ("", "a", "e", "i", "o", "u"),
    "ء": ("",),
    "ب": ("b", "bb", "p"),
    "پ": ("p", "pp", "b"),
    "ت": ("t", "tt", "th"),
    "ث": ("th", "s", "t", "ss", "tt"),
    "ج": ("j", "g", "dj", "jj", "zh", "dg", "ge", "gg", "y"),
    "چ": ("ch", "tch", "c", "tsch", "cz", "j"),
    "ح": ("h", "hh", "kh", "ch", ""),
    "خ": ("kh", "h", "ch", "x", "k"),
    "د": ("d", "dd", "t"),
    "ذ": ("dh", "z", "d", "th", "zz", "dd"),
    "ر": ("r", "rr", "rh"),
    "ز": ("z", "s", "zz", "ts", "tz", "x"),
    "ژ": ("zh", "j", "g", "s"),
    "س": ("s", "ss", "c", "sc", "z", "x", "ts"),
    "ش": ("sh", "ch", "sch", "s", "sz", "ss"),
    "ص": ("s", "ss", "c", "ç"),
    "ض": ("d", "dh", "z", "dd", "zz"),
    "ط": ("t", "tt", "th"),
    "ظ": ("z", "dh", "d", "th", "zz"),
    "ع": ("", "a", "e", "i", "o", "u"),
    "غ": ("gh", "g", "r", "q", "gg", "rh"),
    "ف": ("f", "ff", "ph", "v", "w"),
    "ڤ": ("v", "f", "w"),
    "ق": ("q", "k", "g", "gh", "c", "ck", "kk", "qu", "qq", "ch"),
    "ك": ("k", "c", "ck", "kk", "ch", "g", "q", "x", "kh", "qu", "cc"),
    "گ": ("g", "gu", "gg", "k"),
    "ل": ("l", "ll", ""),
    "م": ("m", "mm"),
    "ن": ("n", "nn", "m"),
    "ه": ("h", "", "hh"),
    "و": ("", "w", "v", "u", "o", "ou", "oo", "wh", "ow", "ew"),
    "ي": ("", "y", "i", "ee", "ie", "j", "e", "ey", "ei", "ay", "ai"),
}
#: Letters whose onset may be empty (vowel carriers, silent ه/ل of the article).
_CARRIERS: Final = frozenset("اءعوي")
_MAX_TAIL: Final = 3

# Persian convention: preferred consonants and vowels (added to log-probabilities).
_PERSIAN_ONSET_BONUS: Final[dict[str, dict[str, float]]] = {
    "و": {"v": 2.5, "w": -4.0, "ou": 1.0, "oo": -1.5},
    "ق": {"gh": 2.5, "q": 0.5, "k": -2.0, "g": -2.0},
    "غ": {"gh": 1.5},
    "ذ": {"z": 3.0, "dh": -4.0, "d": -2.0, "th": -4.0},
    "ظ": {"z": 3.0, "dh": -4.0, "d": -2.0, "th": -4.0},
    "ض": {"z": 3.0, "dh": -4.0, "d": -2.0},
    "ث": {"s": 3.0, "th": -4.0, "t": -2.0},
    "ص": {"s": 1.0},
    "ي": {"ee": -2.0, "ei": 1.0, "ey": 1.0},
}
_ARABIC_ONSET_BONUS: Final[dict[str, dict[str, float]]] = {
    "و": {"v": -3.0},
    "ذ": {"dh": 1.0},
    "ظ": {"dh": 0.5},
    "ث": {"th": 1.0},
}


def _persian_tail_bonus(tail: str) -> float:
    """Short vowels e/o are Persian; i/u (in a consonant's tail) Arabic."""
    b = 0.0
    for c in tail:
        if c in "eo":
            b += 1.2
        elif c in "iu":
            b -= 1.2
    return b


# ---------------------------------------------------------------------------
# The trained chunk model
# ---------------------------------------------------------------------------


class _Model:
    """Counts of Latin chunks per Arabic letter in context, with Witten-Bell backoff."""

    __slots__ = ("_choices", "tables")

    def __init__(self, tables: list[dict[tuple[str, ...], dict[str, int]]]):
        #: tables[0]: (letter,) ; [1]: (letter, pos) ; [2]: (letter, next) ; [3]: (prev, letter, next)
        self.tables = tables
        self._choices: dict[tuple[str, str, str, str, bool], tuple[tuple[float, str], ...]] = {}

    def choices(self, prev: str, letter: str, nxt: str, pos: str, persian: bool) -> tuple[tuple[float, str], ...]:
        """The best ``_EXPAND`` (log-score, chunk) readings of a letter in context, memoised
        (a tuple of tuples of floats and strings: the garbage collector stops tracking it)."""
        key = (prev, letter, nxt, pos, persian)
        found = self._choices.get(key)
        if found is None:
            dist = self.distribution(prev, letter, nxt, pos) or {ONSETS[letter][0]: 1.0}
            # best first, ties by chunk: the smallest (-score, chunk), negated back (exact)
            ranked = [(-(math.log(p) + _bonus(letter, c, persian)), c) for c, p in dist.items() if p > 0]
            found = tuple([(-neg, c) for neg, c in heapq.nsmallest(_EXPAND, ranked)])
            if len(self._choices) < 200_000:  # contexts are few; the bound is a guard
                self._choices[key] = found
        return found

    @classmethod
    def from_lines(cls, lines: tuple[str, ...] | list[str]) -> _Model:
        tables: list[dict[tuple[str, ...], dict[str, int]]] = [{} for _ in range(4)]
        # lines come grouped by level and context: each is read once per group
        last_level: str | None = None
        last_ctx: str | None = None
        lv = -1
        counts: dict[str, int] = {}
        for line in lines:
            parts = line.split("\t")
            if len(parts) != 4:
                continue
            level, ctx, chunk, count = parts
            try:
                n = int(count)
            except ValueError:
                continue
            if level != last_level:
                last_level, last_ctx = level, None
                try:
                    lv = int(level)
                except ValueError:
                    lv = -1
            if not 0 <= lv <= 3:
                continue
            if ctx != last_ctx:
                counts = tables[lv].setdefault(tuple(ctx.split(" ")), {})
                last_ctx = ctx
            counts[chunk] = n
        return cls(tables)

    @classmethod
    def fallback(cls) -> _Model:
        """A hand prior: each onset, with or without a short vowel 'a'."""
        t0: dict[tuple[str, ...], dict[str, int]] = {}
        for letter, onsets in ONSETS.items():
            d: dict[str, int] = {}
            for rank, o in enumerate(onsets[:3]):
                w = 3 - rank
                d[o] = d.get(o, 0) + 2 * w
                if letter not in _CARRIERS:
                    d[o + "a"] = d.get(o + "a", 0) + w
            t0[(letter,)] = d
        return cls([t0, {}, {}, {}])

    def distribution(self, prev: str, letter: str, nxt: str, pos: str) -> dict[str, float]:
        """P(chunk | context) interpolated from the most specific context down."""
        ctxs = [(letter,), (letter, pos), (letter, nxt), (prev, letter, nxt)]
        base = self.tables[0].get(ctxs[0])
        if not base:
            return {}
        total = sum(base.values())
        levels = []  # (weight, counts, their total) of each more specific context seen
        for lv in (1, 2, 3):
            d = self.tables[lv].get(ctxs[lv])
            if d:
                tot = sum(d.values())
                levels.append((tot / (tot + 2.0 * len(d)), d, tot))
        probs: dict[str, float] = {}
        for c, n in base.items():
            p = n / total
            for lam, d, tot in levels:
                p = (1 - lam) * p + lam * d.get(c, 0) / tot
            probs[c] = p
        return probs


_model_override: list[_Model] = []


def _install(model_lines: list[str] | None, lexicon: object | None = None) -> None:
    """Swap the model and lexicon (benchmarks' held-out runs); ``None`` restores the shipped ones.
    Installing the lexicon clears every cache that holds facts of the two (see :func:`_clear`)."""
    _model_override.clear()
    if model_lines is not None:
        _model_override.append(_Model.from_lines(model_lines))
    _lexicon._install(lexicon)  # type: ignore[arg-type]


def _model() -> _Model:
    return _model_override[-1] if _model_override else _shipped_model()


@lru_cache(maxsize=1)
def _shipped_model() -> _Model:
    try:
        lines = data_lines("translit_model.tsv")
    except (FileNotFoundError, OSError):
        return _Model.fallback()
    model = _Model.from_lines(lines)
    return model if model.tables[0] else _Model.fallback()


def _split_onset(letter: str, chunk: str) -> tuple[str, str]:
    """Split a chunk into (onset, vowel tail) for the convention bonuses."""
    best = ""
    for o in ONSETS.get(letter, ()):
        if chunk.startswith(o) and len(o) > len(best) and all(c in VOWELS for c in chunk[len(o) :]):
            best = o
    return best, chunk[len(best) :]


@lru_cache(maxsize=65536)
def _bonus(letter: str, chunk: str, persian: bool) -> float:
    onset, tail = _split_onset(letter, chunk)
    table = _PERSIAN_ONSET_BONUS if persian else _ARABIC_ONSET_BONUS
    b = table.get(letter, {}).get(onset, 0.0)
    if persian and letter not in "اوي":
        b += _persian_tail_bonus(tail)
    return b


_BEAM: Final = 12
_EXPAND: Final = 6


#: Letters decoded by beam search. A longer "unit" (no real name is) gets one
#: spelling: the beam's for its first letters, then each letter's most common
#: reading, so the cost stays linear (the beam copies partial spellings at every
#: letter, which is quadratic in the length).
_MAX_DECODE: Final = 64


def _decode(form: str, persian: bool, limit: int) -> list[tuple[str, float]]:
    """Beam search over chunk choices for each letter; returns (spelling, logp)."""
    letters = [c for c in form if c in ONSETS or c.isdigit()]
    if len(letters) <= _MAX_DECODE:
        return _decode_letters(letters, persian, limit)
    head = _decode_letters(letters[:_MAX_DECODE], persian, 1)
    tail = "".join(c if c.isdigit() else ONSETS[c][0] for c in letters[_MAX_DECODE:])
    return [((head[0][0] if head else "") + tail, head[0][1] if head else 0.0)]


#: Latin digraphs that write one consonant (sh, kh, gh, th, dh, ch, zh, ph).
_DIGRAPH_SECOND: Final = "h"
_DIGRAPH_FIRST: Final = frozenset("skgtdczp")
_CLUSTER_PENALTY: Final = 1.5


def _consonant_run(spelling: str) -> tuple[int, int]:
    """(consonant sounds, letters) at the end of a spelling; a digraph is one sound."""
    run = 0
    k = len(spelling) - 1
    while k >= 0 and spelling[k] not in VOWELS and not spelling[k].isdigit():
        if spelling[k] == _DIGRAPH_SECOND and k > 0 and spelling[k - 1] in _DIGRAPH_FIRST:
            k -= 1
        run += 1
        k -= 1
    return run, len(spelling) - 1 - k


def _cluster_penalty(spelling: str) -> float:
    """Names as the press prints them rarely start with two consonant sounds or
    pile up three ("Blal", "Zhir", "Kadrtallah"): an unwritten short vowel was
    dropped. Applied as a spelling grows, so each cluster is charged once.

    >>> _cluster_penalty("bl"), _cluster_penalty("sh"), _cluster_penalty("kadrt"), _cluster_penalty("kadr")
    (-1.5, 0.0, -1.5, 0.0)
    """
    sounds, letters = _consonant_run(spelling)
    if sounds >= 3 or (sounds == 2 and letters == len(spelling)):
        return -_CLUSTER_PENALTY
    return 0.0


def _decode_letters(letters: list[str], persian: bool, limit: int) -> list[tuple[str, float]]:
    model = _model()
    if not letters:
        return []
    beam: list[tuple[float, str]] = [(0.0, "")]
    n = len(letters)
    for i, letter in enumerate(letters):
        if letter.isdigit():
            beam = [(s, out + letter) for s, out in beam]
            continue
        prev = letters[i - 1] if i > 0 else "^"
        nxt = letters[i + 1] if i + 1 < n else "$"
        pos = "I" if i == 0 else ("F" if i == n - 1 else "M")
        beam = _extend(beam, model.choices(prev, letter, nxt, pos, persian), letter != prev)
    out = [(k, v) for v, k in beam if k]
    out.sort(key=lambda x: (-x[1], x[0]))
    return out[:limit]


def _extend(
    beam: list[tuple[float, str]], scored: tuple[tuple[float, str], ...], undoubled: bool
) -> list[tuple[float, str]]:
    """The ``_BEAM`` best (score, spelling) of the beam's spellings extended by one
    letter's readings ``scored`` (``undoubled``: the letter is not its predecessor again).

    Beam and readings come best first and penalties only lower a score, so once
    ``_BEAM`` distinct spellings are scored, none whose unpenalised score falls
    below the lowest of them can be among the best: the loops stop there.
    """
    if not scored:
        return []
    cand: dict[str, float] = {}
    firsts: list[float] = []  # min-heap: first scores of the best _BEAM distinct spellings
    floor = -math.inf  # at most the _BEAM-th best final score
    best_reading = scored[0][0]
    for s, out in beam:
        if s + best_reading < floor:
            break
        for cs, c in scored:
            if s + cs < floor:
                break
            new = out + c
            # a doubled vowel or consonant across the chunk boundary is unlikely
            # when the letter itself is not doubled
            pen = 0.0
            if out and c and out[-1] == c[0] and undoubled:
                pen = -1.5
            if c and c[-1] not in VOWELS:
                pen += _cluster_penalty(new)
            sc = s + cs + pen
            old = cand.get(new)
            if old is None:
                cand[new] = sc
                if len(firsts) < _BEAM:
                    heapq.heappush(firsts, sc)
                    if len(firsts) == _BEAM:
                        floor = firsts[0]
                elif sc > firsts[0]:
                    heapq.heapreplace(firsts, sc)
                    floor = firsts[0]
            elif old < sc:
                cand[new] = sc
    return sorted([(v, k) for k, v in cand.items()], reverse=True)[:_BEAM]


# ---------------------------------------------------------------------------
# Units
# ---------------------------------------------------------------------------

_ABD: Final = "عبد"
_ABU: Final = "ابو"
_DIN: Final = "الدين"
_ALLAH: Final = "الله"
_ARTICLE: Final = "ال"


def _has_persian_letters(form: str) -> bool:
    return any(c in "پچژگ" for c in form)


def _strip_article(form: str) -> str:
    if form.startswith(_ARTICLE) and len(form) >= 4 and form != _ALLAH:
        return form[2:]
    return form


def _combine(
    head: list[tuple[str, float]], tail: list[tuple[str, float]], limit: int
) -> list[tuple[str, float]]:
    cand: dict[str, float] = {}
    for h, hs in head:
        for t, ts in tail:
            s = h + t
            sc = hs + ts
            if s not in cand or cand[s] < sc:
                cand[s] = sc
    return sorted(cand.items(), key=lambda x: (-x[1], x[0]))[:limit]


_ABDUL_FORMS: Final = [("abdul", 0.0), ("abdel", -1.0), ("abd", -1.5), ("abdol", -1.7)]
_ABDUL_FORMS_PERSIAN: Final = [("abdol", 0.0), ("abdul", -0.5), ("abd", -2.0)]
_ABU_FORMS: Final = [("abu", 0.0), ("abou", -1.0), ("abo", -2.0)]
_ALLAH_FORMS: Final = [("ullah", 0.0), ("allah", -0.7), ("ollah", -1.2)]
_ALLAH_FORMS_PERSIAN: Final = [("ollah", 0.0), ("ullah", -0.4), ("allah", -1.0)]
_DIN_FORMS: Final = [("uddin", 0.0), ("eddine", -0.7), ("aldin", -0.9), ("eddin", -1.0), ("addin", -1.5)]


def _lexicon_spellings(form: str, persian: bool) -> list[tuple[str, float]]:
    ranked = _lexicon._ranked_spellings(form, persian)
    return [(s, -0.7 * i) for i, s in enumerate(ranked)]


#: Spellings per unit that matching and keys ask for (romanize_unit's callers use <= 5).
_MATCH_LIMIT: Final = 5


@_short_cache(maxsize=65536)
def _scored_unit(form: str, persian: bool, limit: int) -> tuple[tuple[str, float], ...]:
    lex = _lexicon_spellings(form, persian)
    if lex:
        # model spellings pad a listed form's spellings only for a caller that wants a long
        # list (romanizations); matching and keys ask for 5 at most and take the listed ones
        # (padding a form listed with one spelling changed 3 of 7,990 dev pair scores, none
        # across the threshold, and cost most of the romanisation time of unseen names)
        pad = limit > _MATCH_LIMIT and len(lex) < limit
        model = _decode(form, persian, limit) if pad else []
        seen = {s for s, _ in lex}
        extra = [(s, sc - 6.0) for s, sc in model if s not in seen]
        return tuple((lex + extra)[:limit])
    if form.startswith(_ABD) and len(form) > 4:
        rest = _strip_article(form[3:])
        heads = _ABDUL_FORMS_PERSIAN if persian else _ABDUL_FORMS
        return tuple(_combine(heads, list(_scored_unit(rest, persian, limit)), limit))
    if form.startswith(_ABU) and len(form) > 4:
        rest = _strip_article(form[3:])
        return tuple(_combine(_ABU_FORMS, list(_scored_unit(rest, persian, limit)), limit))
    if form.endswith(_DIN) and len(form) > 6:
        return tuple(_combine(list(_scored_unit(form[:-5], persian, limit)), _DIN_FORMS, limit))
    if form.endswith(_ALLAH) and len(form) > 6:  # Aminullah, Ruhollah: X + the divine name
        tails = _ALLAH_FORMS_PERSIAN if persian else _ALLAH_FORMS
        return tuple(_combine(list(_scored_unit(form[:-4], persian, limit)), tails, limit))
    return tuple(_decode(form, persian, limit))


def _check_form(form: object) -> str:
    if not isinstance(form, str):
        raise TypeError(f"form must be str, not {type(form).__name__}")
    return form


@_short_cache(maxsize=131072)
def _romanize_unit_cached(form: str, persian: bool | None, limit: int) -> tuple[str, ...]:
    norm = normalize(form).replace(" ", "")
    if not norm:
        return ()
    if all(c.isascii() for c in norm):
        return (norm,)
    if script_of(norm) == OTHER:
        # Cyrillic, Greek, Han, Ethiopic…: one plain transliteration (Атабиев -> atabiev),
        # enough to meet the Latin spelling a list prints beside it
        latin = "".join(c for c in unidecode(norm).lower() if c.isascii() and c.isalnum())
        return (latin,) if latin else ()
    is_persian = (_has_persian_letters(form) or _has_persian_letters(norm)) if persian is None else persian
    scored = _scored_unit(norm, is_persian, max(limit, 5))
    out = []
    for s, _ in scored:
        s = "".join(c for c in s if c.isascii() and c.isalnum())
        if s and s not in out:
            out.append(s)
    return tuple(out[:limit])


def romanize_unit(form: str, *, persian: bool | None = None, limit: int = 5) -> tuple[str, ...]:
    """Ranked Latin spellings (lower-case a–z and digits, no spaces) of one name unit.

    ``form`` is a normalised Arabic-script unit as :func:`namematch.parse.parse`
    produces it (compounds without spaces, article removed from ``core``).
    ``persian=None`` decides the convention from the letters (پ چ ژ گ). Latin
    input is returned normalised; a unit in another script (Cyrillic, Greek, Han…)
    gets one plain transliteration. Cached.

    >>> romanize_unit("عبدالمحسن")[:2]
    ('abdulmohsen', 'abdulmuhsin')
    >>> romanize_unit("پزشكيان")[0]
    'pezeshkian'
    >>> romanize_unit(""), romanize_unit("Атабиев")
    ((), ('atabiev',))
    """
    _check_form(form)
    if not isinstance(limit, int):
        raise TypeError(f"limit must be int, not {type(limit).__name__}")
    if persian is not None and not isinstance(persian, bool):
        raise TypeError(f"persian must be bool or None, not {type(persian).__name__}")
    if limit <= 0:
        return ()
    return _romanize_unit_cached(form, persian, min(limit, 50))


# ---------------------------------------------------------------------------
# Whole names
# ---------------------------------------------------------------------------

_PARTICLES_LATIN: Final[dict[str, str]] = {
    "بن": "bin", "ابن": "ibn", "بنت": "bint", "ولد": "ould", "ال": "al", "آل": "al",
    "ابو": "abu", "ام": "umm", "عبد": "abd",
}  # fmt: skip


def _check_convention(convention: object) -> bool | None:
    if convention is None:
        return None
    if not isinstance(convention, str):
        raise TypeError(f"convention must be str or None, not {type(convention).__name__}")
    if convention not in ("arabic", "persian"):
        raise ValueError(f"convention must be None, 'arabic' or 'persian', not {convention!r}")
    return convention == "persian"


def _name_options(name: str, persian: bool | None, limit: int) -> list[list[tuple[str, float]]]:
    """Per token of the name (source order), scored Latin options."""
    p = parse(name)
    if persian is None and any(t.script == PERSIAN for t in p.tokens):
        persian = True
    opts: list[list[tuple[str, float]]] = []
    for tok in p.tokens:
        if tok.script not in (ARABIC, PERSIAN):
            opts.append([(normalize(tok.text) or tok.norm, 0.0)])
            continue
        if tok.role in (PARTICLE,) and tok.norm in _PARTICLES_LATIN:
            opts.append([(_PARTICLES_LATIN[tok.norm], 0.0)])
            continue
        per = persian if persian is not None else False
        core = tok.core if tok.role not in (HONORIFIC, TITLE) else tok.norm
        scored = list(_scored_unit(core, per, max(limit, 5))) if core else []
        scored = [("".join(c for c in s if c.isascii() and c.isalnum()), sc) for s, sc in scored]
        scored = [(s, sc) for s, sc in scored if s]
        if not scored:
            continue
        if tok.article:
            scored = [("al " + s, sc) for s, sc in scored]
        opts.append(scored)
    return opts


def romanizations(name: str, limit: int = 10) -> list[str]:
    """Ranked plausible Latin spellings of a whole name (best first).

    Each Arabic-script unit contributes its ranked spellings (lexicon evidence
    first, then the character model); the combinations are ranked by their
    summed log-scores. Latin input gives ``[normalize(name)]``.

    >>> romanizations("حسين", limit=3)
    ['hussein', 'hussain', 'hossein']
    >>> romanizations("Ali Hassan")
    ['ali hassan']
    """
    _check_str(name)
    if not isinstance(limit, int):
        raise TypeError(f"limit must be int, not {type(limit).__name__}")
    if limit <= 0:
        return []
    return list(_romanizations_cached(name, min(limit, 100), None))


@_short_cache(maxsize=8192)
def _romanizations_cached(name: str, limit: int, persian: bool | None) -> tuple[str, ...]:
    if not any(t.script in (ARABIC, PERSIAN) for t in tokenize(name)):
        n = _ascii(normalize(name))
        return (n,) if n else ()
    opts = _name_options(name, persian, limit)
    beam: list[tuple[float, tuple[str, ...]]] = [(0.0, ())]
    for o in opts:
        cand = [(s + sc, (*parts, w)) for s, parts in beam for w, sc in o]
        cand.sort(key=lambda x: (-x[0], x[1]))
        beam = cand[:limit]
    out: list[str] = []
    for _, parts in beam:
        s = _ascii(" ".join(parts))
        if s and s not in out:
            out.append(s)
    return tuple(out[:limit])


def _ascii(text: str) -> str:
    """Words of other scripts (Greek, Cyrillic...) transliterated to ASCII letters."""
    if text.isascii():
        return " ".join(text.split())
    return " ".join(w for w in (normalize_latin(x) for x in text.split()) if w)


def romanize(name: str, convention: str | None = None) -> str:
    """The single most likely Latin spelling of a name, lower-case.

    ``convention`` is ``None`` (decide from the letters: Persian conventions when
    the name has Persian letters), ``"arabic"`` or ``"persian"``. Latin input
    returns :func:`namematch.normalize.normalize` of it.

    >>> romanize("نصير عبد المحسن عبد الله الخراوي")
    'naseer abdulmohsen abdullah al kharawi'
    >>> romanize("مسعود پزشكيان")
    'masoud pezeshkian'
    """
    _check_str(name)
    persian = _check_convention(convention)
    if not any(t.script in (ARABIC, PERSIAN) for t in tokenize(name)):
        return _ascii(normalize(name))
    out = _romanizations_cached(name, 1, persian)
    return out[0] if out else ""


def _clear() -> None:
    """Forget romanisations: they carry the lexicon's spellings and the model's choices."""
    _scored_unit.cache_clear()  # type: ignore[attr-defined]  # (_short_cache keeps lru_cache's)
    _romanize_unit_cached.cache_clear()  # type: ignore[attr-defined]
    _romanizations_cached.cache_clear()  # type: ignore[attr-defined]


_lexicon._on_change.append(_clear)  # a lexicon swap (also through _install) clears them
