"""The transliteration models behind :mod:`namematch.romanize`: the Latin readings of
each Arabic-script letter, the trained joint (graphone) model and the first chunk
model, and the beam-search decoding of one unit's letters into ranked spellings.
Package-private (decision 0011): :mod:`namematch.romanize` is the public entry point.
"""

from __future__ import annotations

import heapq
import math
import unicodedata
from functools import lru_cache
from typing import Final

from namematch import _latin_words
from namematch._data import data_lines

__all__ = [
    "MATCH_LIMIT",
    "MAX_TAIL",
    "ONSETS",
    "QUICK_WORDS",
    "RANK_FEATURES",
    "SKELETON_WORDS",
    "VOWELS",
    "WIDE_SEARCH",
    "ChunkModel",
    "JointModel",
    "Model",
    "arabic_skeletons",
    "decode",
    "model_from_lines",
    "shipped_model",
]

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
MAX_TAIL: Final = 3

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


#: Persian convention: a final ی after a consonant is the suffix "-i" after a consonant
#: (Soleimani, Araghchi, Rouhani), not the "ey"/"ei" a medial ی may be (Hossein, Heydari),
#: nor "y" after a short vowel the convention otherwise favours ("Araghchoy"): a spelling
#: of such a unit that ends otherwise loses this much.
_PERSIAN_FINAL_PENALTY: Final = 2.5


def _ends_in_i(spelling: str) -> bool:
    """Whether a spelling ends with "i" after a consonant ("araghchi", not "araghchei")."""
    return len(spelling) > 1 and spelling[-1] == "i" and spelling[-2] not in VOWELS


def _final_cost(final_i: bool, spelling: str) -> float:
    """What a spelling loses when its unit ends in a Persian final ی after a consonant
    (``final_i``: :func:`_final_i` under the Persian convention) and the spelling does not end
    in that "-i" (:data:`_PERSIAN_FINAL_PENALTY`)."""
    return _PERSIAN_FINAL_PENALTY if final_i and not _ends_in_i(spelling) else 0.0


def _final_i(form: str) -> bool:
    """Whether a unit ends with ي after a consonant letter (not after ا و ي: Khamenei's اي).

    >>> _final_i("عراقچي"), _final_i("خامنهاي"), _final_i("ري")
    (True, False, False)
    """
    return len(form) > 2 and form[-1] == "ي" and form[-2] not in "اويءئ"


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


class ChunkModel:
    """namematch's first model, kept as the fallback (a hand prior when the data file is
    missing) and for comparison in ``benchmarks/translit.py``: counts of Latin chunks per
    Arabic letter in a fixed context, interpolated; no memory of the spelling so far."""

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
    def from_lines(cls, lines: tuple[str, ...] | list[str]) -> ChunkModel:
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
    def fallback(cls) -> ChunkModel:
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


# ---------------------------------------------------------------------------
# Consonant skeletons: words of the word lists as candidate spellings
# ---------------------------------------------------------------------------

#: Consonant class of each Arabic-script letter, comparable with the Latin words' skeletons
#: (``namematch._latin_words.latin_skeletons``); a letter with several readings gives each
#: ("" for a letter the skeleton leaves out: vowel carriers, ع).
_SKELETON_CLASSES: Final[dict[str, tuple[str, ...]]] = {
    "ب": ("B",), "پ": ("B",), "ت": ("T",), "ط": ("T",), "ث": ("S", "T"), "ج": ("J", "K", "X"),
    "چ": ("X",), "ح": ("H",), "خ": ("H",), "د": ("D",), "ذ": ("D",), "ض": ("D",), "ظ": ("D",),
    "ز": ("D", "S"), "ژ": ("J",), "ر": ("R",), "س": ("S",), "ص": ("S",), "ش": ("X",), "ع": ("",),
    "ء": ("",), "ا": ("",), "و": ("", "F"), "ي": ("",), "غ": ("K",), "ق": ("K",), "ك": ("K",),
    "گ": ("K",), "ف": ("F",), "ڤ": ("F",), "ل": ("L",), "م": ("M",), "ن": ("N",), "ه": ("H",),
}  # fmt: skip
#: Letters that start a word with a vowel in Latin (ا, ع: "Ahmad", "Omar").
_VOWEL_START: Final = frozenset("اع")
#: Most skeletons tried per unit (a letter with two readings doubles them).
_MAX_SKELETONS: Final = 8
#: Words of the lists proposed per unit (the most frequent of those whose skeleton matches).
SKELETON_WORDS: Final = 24
#: Of them, the words the quick search (romanize's) adds when its best spelling is no word.
#: None by default: each costs a forced alignment, and with two romanize took 1.39x the
#: time per unseen token for +0.013 hit@1 on fold 0 (``benchmarks/translit.py``); four
#: (``joint-words4``) gave +0.012 on both token sets of fold 0 for 1.26x the CPU time (2.75x
#: the chunk model's, against 2.19x); a model file's ``@search quick_words`` line turns them on.
QUICK_WORDS: Final = 0
#: Lengths of the words proposed, from the unit's letters: spellings of development tokens
#: are one letter shorter to three longer than the Arabic-script unit (98%).
_SKELETON_LENGTHS: Final = (-1, 3)


def arabic_skeletons(letters: str) -> list[str]:
    """The consonant skeletons of an Arabic-script unit, comparable with the Latin words'
    (``namematch._latin_words.latin_skeletons``): "A" for a vowel start, each letter's
    classes, a final ه dropped, repeated classes collapsed; [] for a unit with other
    characters.

    >>> arabic_skeletons("فيدان"), arabic_skeletons("عراقجي"), arabic_skeletons("جوزيف")
    (['FDN'], ['ARKJ', 'ARK', 'ARKX'], ['JDF', 'JSF', 'JFDF', 'JFSF', 'KDF', 'KSF', 'KFDF', 'KFSF'])
    """
    if not letters or any(c not in _SKELETON_CLASSES for c in letters):
        return []
    if len(letters) > 1 and letters[-1] == "ه":
        letters = letters[:-1]
    found = ["A" if letters[0] in _VOWEL_START else ""]
    for c in letters:
        found = [f + cls for f in found for cls in _SKELETON_CLASSES[c]][:_MAX_SKELETONS]
    out: list[str] = []
    for f in found:
        collapsed = "".join(c for k, c in enumerate(f) if not k or f[k - 1] != c)
        if collapsed not in out:
            out.append(collapsed)
    return out


_BOS: Final = "<s>"
_EOS: Final = "</s>"
#: Readings of an Arabic unit (one or two letters) drawn from the model's unigrams
#: whatever the context (its longer contexts add the readings seen after them).
_UNIGRAM_READINGS: Final = 8
#: Readings of a unit worked out per state (the most any search tries).
_EXPAND_JOINT: Final = 6
#: Beam widths of the search (see ``JointModel.candidates``): (partial spellings kept per
#: Arabic position, of the others those that start a word of the Latin-script word lists
#: of ``namematch._latin_words``, readings tried per unit). The quick search serves
#: romanize, keys and scoring (at most MATCH_LIMIT spellings); the wide one the rest of a
#: longer list (romanizations).
#: The wide one keeps 32 + 32 partial spellings: against 16 + 16 (and 12 words proposed
#: instead of 24) hit@10 rose by 0.007-0.013 on the token sets of folds 0 and 1 for about
#: 1.6x the time of a long list (``benchmarks/translit.py``); 48 + 48 and 40 words added
#: under 0.005 more for 2.5x.
#: The quick one keeps 5 + 5 and tries 4 readings (against 4 + 4 and 3 before: the
#: gold spelling among its candidates for 0.53 of the unlisted fold-1 tokens of the
#: Wikidata set against 0.47, hit@1 0.300 -> 0.320 and 0.349 -> 0.370 on the two token
#: sets), affordable since the state moves are memoised by the history they keep. 8 + 8
#: (``joint-quick8``) gave +0.012 on both token sets of fold 0 for 1.27x the CPU time.
_QUICK_SEARCH: Final = (5, 5, 4)
#: The model file's ``@search`` names of the quick search's widths (in _QUICK_SEARCH's order).
_QUICK_KEYS: Final = ("quick_beam", "quick_word_beam", "quick_expand")
WIDE_SEARCH: Final = (32, 32, 6)
#: Features of the ranking score, in the order of ``JointModel.weights``.
RANK_FEATURES: Final = ("logp", "zipf_en", "zipf_any", "word", "length")
#: Features of the display ranking (the quick and the wide search's spellings ranked
#: together, :meth:`JointModel.decode` with a long list), in the order of
#: ``JointModel.display_weights``: the ranking's, and whether the spelling is a known name
#: spelling (``name``: the lexicon's Latin spellings and the given names of the linker's
#: list), the English word frequency of a spelling that is no known name (``common``) and
#: in how many languages' lists the spelling is a word (``langs``: a name is written in the
#: press of many languages, an ordinary word mostly in its own: "Heavier" in English
#: alone, "Javier" and "Putin" in nearly all).
DISPLAY_FEATURES: Final = (*RANK_FEATURES, "name", "common", "langs")
#: Log-probability (empty history) of a letter's first reading (``ONSETS``) the model
#: does not have: below any graphone it has seen (the rarest are about -9.2).
_UNSEEN_ONSET: Final = -11.0
#: Persian letters the training data shows rarely, each read as the Arabic letter written
#: for it otherwise, its consonant rewritten: (that letter, its consonant, the Persian one's).
_PROXIES: Final = {"پ": ("ب", "b", "p"), "چ": ("ش", "sh", "ch"), "ژ": ("ز", "z", "zh"), "گ": ("ك", "k", "g")}


def _with_proxies(
    logp: dict[tuple[str, ...], float], bow: dict[tuple[str, ...], float]
) -> tuple[dict[tuple[str, ...], float], dict[tuple[str, ...], float]]:
    """The n-grams (and backoff weights) with each graphone of a proxy letter whose chunk
    starts with its consonant also read for the Persian letter (``ك:ka`` as ``گ:ga``, in
    every history it has), where the model has no such n-gram of its own: the vowels and
    the letters around a Persian letter are then as well modelled as around its Arabic
    counterpart (چمران as "chamran", not "chomerent")."""
    swap: dict[str, str] = {}
    for graphone in {t for g in logp for t in g}:
        unit, _, chunk = graphone.partition(":")
        for letter, (proxy, onset, own) in _PROXIES.items():
            if unit == proxy and chunk.startswith(onset):
                swap[graphone] = letter + ":" + own + chunk[len(onset) :]
    if not swap:
        return logp, bow
    new_logp, new_bow = dict(logp), dict(bow)
    for table, out in ((logp, new_logp), (bow, new_bow)):
        for g, v in table.items():
            if any(t in swap for t in g):
                out.setdefault(tuple(swap.get(t, t) for t in g), v)
    return new_logp, new_bow


#: Prefixes of the target spellings :meth:`JointModel.forced` keeps per letter, per target.
_FORCED_BEAM: Final = 2
#: Longest Latin side of a graphone (``tools/build_translit.py``'s MAX_LATIN).
_MAX_CHUNK: Final = 3
#: Prefix answers kept across calls (partial spellings recur from name to name).
_PREFIX_MEMO: Final = 200_000


class JointModel:
    """The joint-sequence model (``data/translit_model.tsv``, built by
    ``tools/build_translit.py``): an n-gram model over graphones, each one or two Arabic
    letters with the Latin letters they are written with (``ب:b``, ``ا:``, ``مح:moh``).
    The probability of a spelling is that of its graphone sequences; the n-gram history
    carries what the letters and chunks before said (an ending, the name's origin).

    Histories are states: a history is replaced by its longest suffix the model has as a
    context (the same probabilities, since an unseen context backs off with weight one),
    so the readings worked out after one state serve every spelling that reaches it.

    :meth:`decode` searches the spellings of highest joint probability with a beam that
    also keeps the best spellings that start a word people write, and ranks what it
    found by a linear score of the model's log-probability and the spelling prior (the
    file's ``@rank`` weights)."""

    __slots__ = (
        "_bonus", "_choices", "_ends", "_moves", "_prefix", "_scores", "_tails", "bows", "contexts", "display_weights", "longest",
        "order", "parent", "probs", "quick_search", "readings", "state_of", "weights", "words_proposed",
    )  # fmt: skip

    def __init__(
        self, logp: dict[tuple[str, ...], float], bow: dict[tuple[str, ...], float], weights: dict[str, float],
        search: dict[str, float] | None = None, display: dict[str, float] | None = None,
    ):
        search = search or {}
        if logp:
            logp, bow = _with_proxies(logp, bow)
            # a letter the training data shows rarely (Persian چ in a few names, each with a
            # vowel after it) may lack its consonant alone: "ch" before a written ی is then
            # unreachable (Araghchi); each letter's first reading is read at a low floor
            missing = {(u + ":" + o[0],) for u, o in ONSETS.items() if o[0]} - logp.keys()
            logp = {**logp, **dict.fromkeys(missing, _UNSEEN_ONSET)}
        #: words of the lists proposed by skeleton to the (quick, wide) search: the file's
        #: ``@search`` lines (``quick_words``, ``wide_words``), else QUICK_WORDS and SKELETON_WORDS
        self.words_proposed = (
            int(search.get("quick_words", QUICK_WORDS)), int(search.get("wide_words", SKELETON_WORDS))
        )
        #: the quick search's widths (see _QUICK_SEARCH): the file's ``@search`` lines
        #: ``quick_beam``, ``quick_word_beam`` and ``quick_expand``, else _QUICK_SEARCH
        self.quick_search = tuple(
            max(0, int(search.get(k, d))) for k, d in zip(_QUICK_KEYS, _QUICK_SEARCH, strict=True)
        )
        self.order = max((len(g) for g in logp), default=1)
        self.longest = 1
        self.weights = tuple(float(weights.get(k, 1.0 if k == "logp" else 0.0)) for k in RANK_FEATURES)
        #: weights of the display ranking (``DISPLAY_FEATURES``): the file's ``@display``
        #: lines, else the ranking's weights and none for the name features
        self.display_weights = (
            tuple(float(display.get(k, 0.0)) for k in DISPLAY_FEATURES) if display else (*self.weights, 0.0, 0.0, 0.0)
        )
        # states: the contexts (histories) of the model, the empty one first
        ctxs = sorted({g[:-1] for g in logp} | set(bow) | {()}, key=lambda c: (len(c), c))
        self.contexts: list[tuple[str, ...]] = ctxs
        self.state_of: dict[tuple[str, ...], int] = {c: i for i, c in enumerate(ctxs)}
        self.parent = [self._longest_state(c[1:]) if c else 0 for c in ctxs]
        # the history a move from each state keeps (its last order - 2 graphones), numbered
        tails: dict[tuple[str, ...], int] = {}
        keep = max(0, self.order - 2)
        self._tails = [tails.setdefault(c[len(c) - keep :] if keep else (), len(tails)) for c in ctxs]
        self.bows = [bow.get(c, 0.0) for c in ctxs]
        self.probs: list[dict[str, float]] = [{} for _ in ctxs]
        #: per state: unit -> ((graphone, log P(graphone | state)), ...) of the graphones seen
        #: after that context (for the empty context: each unit's _UNIGRAM_READINGS best)
        self.readings: list[dict[str, tuple[tuple[str, float], ...]]] = [{} for _ in ctxs]
        grouped: dict[tuple[int, str], list[tuple[float, str]]] = {}
        for g, lp in logp.items():
            state = self.state_of[g[:-1]]
            self.probs[state][g[-1]] = lp
            unit, sep, _chunk = g[-1].partition(":")
            if sep:
                self.longest = max(self.longest, len(unit))
                grouped.setdefault((state, unit), []).append((-lp, g[-1]))
        for (state, unit), found in grouped.items():
            found.sort()
            if not state:
                found = found[:_UNIGRAM_READINGS]
            self.readings[state][unit] = tuple([(t, -neg) for neg, t in found])
        self._choices: dict[tuple[int, str, bool], tuple[tuple[float, str, int], ...]] = {}
        self._prefix: dict[str, bool] = {}
        self._moves: dict[tuple[int, str], int] = {}
        self._scores: dict[tuple[int, str], float] = {}
        self._ends: dict[int, float] = {}
        # the convention bonus of each graphone the model has (and of each letter's fallback
        # reading), per convention (Arabic, Persian): read by choices instead of worked out
        toks = {t for t in self.probs[0] if ":" in t} | {u + ":" + o[0] for u, o in ONSETS.items()}
        arabic, persian = (
            {t: b for t in toks if (b := _unit_bonus(*t.split(":", 1), conv))} for conv in (False, True)
        )
        self._bonus: tuple[dict[str, float], dict[str, float]] = (arabic, persian)

    def _longest_state(self, hist: tuple[str, ...]) -> int:
        """The state of the longest suffix of ``hist`` that is a context of the model."""
        for k in range(len(hist) + 1):
            state = self.state_of.get(hist[k:])
            if state is not None:
                return state
        return 0

    def _after(self, state: int, tok: str) -> int:
        """The state reached from ``state`` by ``tok`` (memoised by the part of the state's
        history that the next one keeps: states sharing their last graphones share it)."""
        key = (self._tails[state], tok)
        found = self._moves.get(key)
        if found is None:
            keep = self.order - 1
            found = self._longest_state((*self.contexts[state], tok)[-keep:] if keep else ())
            if len(self._moves) < _PREFIX_MEMO:  # the bound is a guard
                self._moves[key] = found
        return found

    @classmethod
    def from_lines(cls, lines: tuple[str, ...] | list[str]) -> JointModel:
        logp: dict[tuple[str, ...], float] = {}
        bow: dict[tuple[str, ...], float] = {}
        weights: dict[str, float] = {}
        search: dict[str, float] = {}
        display: dict[str, float] = {}
        tables = {"@rank": weights, "@search": search, "@display": display}
        for line in lines:
            parts = line.split("\t")
            if len(parts) < 2:
                continue
            try:
                if parts[0] in tables:
                    if len(parts) == 3:
                        tables[parts[0]][parts[1]] = float(parts[2])
                    continue
                gram = tuple(parts[0].split(" "))
                if parts[1]:
                    logp[gram] = float(parts[1])
                if len(parts) > 2 and parts[2]:
                    bow[gram] = float(parts[2])
            except ValueError:
                continue
        return cls(logp, bow, weights, search, display)

    def score(self, state: int, tok: str) -> float:
        """log P(tok | the history of ``state``), backing off to shorter histories."""
        lp = 0.0
        probs, bows, parent = self.probs, self.bows, self.parent
        while True:
            v = probs[state].get(tok)
            if v is not None:
                return lp + v
            if not state:
                return lp - 20.0
            lp += bows[state]
            state = parent[state]

    def choices(self, state: int, unit: str, persian: bool) -> tuple[tuple[float, str, int], ...]:
        """The best ``_EXPAND_JOINT`` (log-score, chunk, next state) readings of an Arabic
        unit after ``state``, memoised (bounded); () for a unit the model does not have."""
        key = (state, unit, persian)
        found = self._choices.get(key)
        if found is None:
            # one walk down the backoff chain: a graphone's probability is read from the
            # longest context that has it, times the backoff weights passed on the way
            scored: dict[str, float] = {}
            acc = 0.0
            s = state
            while True:
                for tok, lp in self.readings[s].get(unit, ()):
                    if tok not in scored:
                        scored[tok] = acc + lp
                if not s:
                    break
                acc += self.bows[s]
                s = self.parent[s]
            if not scored and len(unit) == 1 and unit in ONSETS:  # a letter the model never saw
                scored[unit + ":" + ONSETS[unit][0]] = -20.0
            cut = len(unit) + 1
            bonus = self._bonus[persian]
            ranked = sorted([(-(lp + bonus.get(t, 0.0)), t) for t, lp in scored.items()])[:_EXPAND_JOINT]
            found = tuple([(-neg, t[cut:], self._after(state, t)) for neg, t in ranked])
            if len(self._choices) < 400_000:  # the bound is a guard
                self._choices[key] = found
        return found

    def _starts_word(self, spellings: list[str]) -> list[bool]:
        """Whether each partial spelling starts a word of the word lists: short ones from
        the lists' set of short prefixes, longer ones looked up (memoised, bounded)."""
        words = _latin_words.latin_words()
        short, memo = words.short_prefixes, self._prefix
        todo = [s for s in spellings if len(s) > _latin_words.SHORT and s not in memo]
        if todo:
            fresh = dict(zip(todo, words.prefixes(todo), strict=True))
            if len(memo) < _PREFIX_MEMO:  # the bound is a guard
                memo.update(fresh)
            else:
                return [s in short if len(s) <= _latin_words.SHORT else memo.get(s, fresh.get(s, False)) for s in spellings]
        return [s in short if len(s) <= _latin_words.SHORT else memo[s] for s in spellings]

    def _prune(
        self, layer: dict[tuple[str, int], float], words: bool, beam: int, word_beam: int
    ) -> list[tuple[float, str, int]]:
        """The hypotheses (negated score, spelling, state) of one position the search goes
        on with: the ``beam`` best, and (``words``) the ``word_beam`` best of the others
        whose spelling starts a word."""
        ranked = sorted([(-v, out, st) for (out, st), v in layer.items()])
        if len(ranked) <= beam:
            return ranked
        kept = ranked[:beam]
        if words and word_beam:
            rest = ranked[beam : beam + 4 * word_beam]
            flags = self._starts_word([x[1] for x in rest])
            kept += [x for x, ok in zip(rest, flags, strict=True) if ok][:word_beam]
        return kept

    def decode(
        self, letters: list[str], persian: bool, limit: int, names: frozenset[str] = frozenset()
    ) -> list[tuple[str, float]]:
        """(spelling, ranking score) best first: the quick search's for ``limit`` <=
        ``MATCH_LIMIT`` (what romanize, keys and scoring ask for); for a longer list, what
        the quick and the wide search found, ranked together (the wide search's best is a
        gold spelling more often: hit@1 0.366 against the quick one's 0.326 and 0.417 against
        0.361 on the held-out tokens of fold 0's two token sets, for many times its time:
        romanize's display form and romanizations read it), the quick search's
        first kept among them (last when the others rank it lower). The wide search adds the
        most frequent words of the word lists whose consonant skeleton matches the unit's
        (``SKELETON_WORDS`` of them), the quick one the first ``QUICK_WORDS`` when its best
        spelling is no word (:meth:`forced` scores them; :attr:`words_proposed`). The long
        list is ranked by :attr:`display_weights`, which also read whether a spelling is one
        of ``names`` (known name spellings, plain a-z)."""
        words = any(self.weights[1:4])
        found = self.candidates(letters, persian, words, *self.quick_search)
        quick, top_is_word = self._ranked(found, words)
        if not words or not quick:
            return quick[:limit]
        quick_words, wide_words = self.words_proposed
        if quick_words > 0 and not top_is_word:
            found = self.with_words(found, letters, self.skeleton_words(letters, quick_words), persian)
            quick = self.rank(found, words)
        if limit <= MATCH_LIMIT:
            return quick[:limit]
        proposed = self.skeleton_words(letters, wide_words) if wide_words > 0 else []
        wide = self.candidates(letters, persian, words, *WIDE_SEARCH)
        full = self._ranked(
            {**found, **self.with_words(wide, letters, proposed, persian)}, words, names, self.display_weights
        )[0]
        ranked = full[:limit]
        if all(s != quick[0][0] for s, _ in ranked):  # romanize's spelling stays in the list, last
            ranked[-1] = next(x for x in full if x[0] == quick[0][0])
        return ranked

    @staticmethod
    def skeleton_words(letters: list[str], limit: int) -> list[str]:
        """Words of the lists whose consonant skeleton is one of the unit's."""
        skeletons = arabic_skeletons("".join(letters))
        if not skeletons:
            return []
        lengths = (len(letters) + _SKELETON_LENGTHS[0], len(letters) + _SKELETON_LENGTHS[1])
        return _latin_words.latin_words().by_skeleton(skeletons, lengths, limit)

    def with_words(
        self, total: dict[str, float], letters: list[str], proposed: list[str], persian: bool
    ) -> dict[str, float]:
        """The search's candidates with the proposed words the search did not reach, scored
        by :meth:`forced` (a word the model cannot align is left out)."""
        todo = [w for w in proposed if w not in total]
        if not todo:
            return total
        return {**self.forced(letters, todo, persian), **total}

    def forced(self, letters: list[str], targets: list[str], persian: bool) -> dict[str, float]:
        """Spelling -> joint log-probability of each target spelling of the unit (its best
        segmentation): the search of :meth:`candidates` held to the targets' prefixes, every
        reading of a letter that continues one of them and that the model has seen tried,
        the best history kept per prefix (a target no such segmentation spells is left out)."""
        n = len(letters)
        form = "".join(letters)
        if not n or not form.isalpha():
            return {}
        # prefix -> (chunk, Latin letters left after it) of the targets that continue it
        # (ordered as the targets come, not as a set's hashes fall: among readings that score
        # alike the first one found is kept, so that order must be the same in every process)
        after: dict[str, dict[tuple[str, int], None]] = {}
        for t in targets:
            for k in range(len(t) + 1):
                cont = after.setdefault(t[:k], {})
                for c in range(min(_MAX_CHUNK, len(t) - k) + 1):
                    cont[(t[k : k + c], len(t) - k - c)] = None
        layer: dict[str, tuple[float, int]] = {"": (0.0, self.state_of.get((_BOS,), 0))}
        scores, score = self._scores, self.score
        seen = self.probs[0]  # graphones the model has (any other scores as unseen: never kept)
        keep = _FORCED_BEAM * len(targets)
        for i in range(n):
            letter = form[i]
            room = _MAX_CHUNK * (n - i - 1)  # Latin letters the letters after this one can take
            best: dict[str, tuple[float, int, str]] = {}
            for out, (v, st) in layer.items():
                for chunk, left in after[out]:
                    tok = letter + ":" + chunk
                    if left > room or tok not in seen:
                        continue
                    lp = scores.get((st, tok))
                    if lp is None:
                        lp = scores[(st, tok)] = score(st, tok)
                    sc = v + lp + _unit_bonus(letter, chunk, persian)
                    key = out + chunk
                    old = best.get(key)
                    if old is None or old[0] < sc:
                        best[key] = (sc, st, tok)
            kept = heapq.nlargest(keep, best.items(), key=lambda x: x[1][0]) if len(best) > keep else best.items()
            layer = {out: (sc, self._after(st, tok)) for out, (sc, st, tok) in kept}
            if len(scores) > 400_000:  # the bound is a guard
                scores.clear()
        final_i = persian and _final_i(form)
        return {
            t: layer[t][0] + self.score(layer[t][1], _EOS) - _final_cost(final_i, t)
            for t in targets if t in layer
        }

    def candidates(
        self, letters: list[str], persian: bool, words: bool, beam: int, word_beam: int, expand: int
    ) -> dict[str, float]:
        """Spelling -> joint log-probability of the spellings a beam search reaches: at each
        Arabic position the ``beam`` best partial spellings go on, and (with ``words``) the
        ``word_beam`` best of the others that start a word; each tries ``expand`` readings
        of the next unit (one or two letters)."""
        n = len(letters)
        form = "".join(letters)
        layers: list[dict[tuple[str, int], float]] = [{} for _ in range(n + 1)]
        layers[0][("", self.state_of.get((_BOS,), 0))] = 0.0
        choices = self.choices
        for i in range(n):
            if not layers[i]:
                continue
            hyps = self._prune(layers[i], words, beam, word_beam)
            if form[i].isdigit():  # digits are copied, the history kept
                nxt = layers[i + 1]
                for neg, out, st in hyps:
                    nxt[(out + form[i], st)] = -neg
                continue
            for da in range(1, min(self.longest, n - i) + 1):
                unit = form[i : i + da]
                if da > 1 and not unit.isalpha():
                    break
                nxt = layers[i + da]
                get = nxt.get
                for neg, out, st in hyps:
                    for cs, chunk, st2 in choices(st, unit, persian)[:expand]:
                        key = (out + chunk, st2)
                        v = cs - neg
                        old = get(key)
                        if old is None or old < v:
                            nxt[key] = v
        # the joint probability of a spelling sums over the segmentations that reached it
        total: dict[str, float] = {}
        ends = self._ends
        final_i = persian and _final_i(form)
        for (out, st), v in layers[n].items():
            if not out:
                continue
            end = ends.get(st)
            if end is None:
                end = ends[st] = self.score(st, _EOS)
            v += end
            if final_i:
                v -= _final_cost(final_i, out)
            old = total.get(out)
            total[out] = v if old is None else max(old, v) + math.log1p(math.exp(-abs(old - v)))
        return total

    def features(
        self, total: dict[str, float], words: bool, names: frozenset[str] | None = None
    ) -> list[tuple[str, tuple[float, ...]]]:
        """(spelling, ranking features in the order of ``RANK_FEATURES``) of candidates,
        sorted by spelling; with ``names`` (known name spellings), those of
        ``DISPLAY_FEATURES``."""
        spellings = sorted(total)
        prior = _latin_words.latin_words().zipf(spellings) if words else [(0.0, 0.0)] * len(spellings)
        if names is None:
            return [
                (s, (total[s], en, anyl, 1.0 if anyl > 0 else 0.0, float(len(s))))
                for s, (en, anyl) in zip(spellings, prior, strict=True)
            ]
        spread = _latin_words.latin_words().spread(spellings) if words else [0] * len(spellings)
        return [
            (s, (total[s], en, anyl, 1.0 if anyl > 0 else 0.0, float(len(s)), float(s in names), en * (s not in names),
                 float(k)))
            for s, (en, anyl), k in zip(spellings, prior, spread, strict=True)
        ]

    def rank(self, total: dict[str, float], words: bool) -> list[tuple[str, float]]:
        """Candidates by their ranking score, best first."""
        return self._ranked(total, words)[0]

    def _ranked(
        self, total: dict[str, float], words: bool, names: frozenset[str] | None = None,
        weights: tuple[float, ...] | None = None,
    ) -> tuple[list[tuple[str, float]], bool]:
        """:meth:`rank`'s answer (with ``names``, the display ranking's by ``weights``), and
        whether the best candidate is a word of the lists."""
        w = weights or self.weights
        ranked = [
            (-sum(wk * fk for wk, fk in zip(w, f, strict=True)), s, f[3] > 0)
            for s, f in self.features(total, words, names)
        ]
        ranked.sort()
        return [(s, -neg) for neg, s, _w in ranked], bool(ranked) and ranked[0][2]


#: A transliteration model: the trained joint model, or the first chunk model.
Model = ChunkModel | JointModel


def model_from_lines(model_lines: tuple[str, ...] | list[str], kind: str = "joint") -> Model:
    """A model read from the lines of a model file; ``kind`` names the model the lines are
    of: ``"joint"`` (the shipped kind) or ``"chunk"`` (the first model). Lines of the chunk
    model (``level<TAB>context<TAB>chunk<TAB>count``) are read as such whatever ``kind`` says,
    so a caller that reads model files as they come need not know."""
    cls = ChunkModel if kind == "chunk" or _is_chunk_model(model_lines) else JointModel
    return cls.from_lines(model_lines)


def _is_chunk_model(lines: tuple[str, ...] | list[str]) -> bool:
    """Whether model lines are the chunk model's: four fields, the first a level 0-3."""
    first = next((line for line in lines if line and not line.startswith("@")), "")
    parts = first.split("\t")
    return len(parts) == 4 and parts[0] in ("0", "1", "2", "3")


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """The Latin given names of the linker's list (``data/link_given_names.txt``), plain a-z."""
    try:
        lines = data_lines("link_given_names.txt")
    except (FileNotFoundError, OSError):
        return frozenset()
    return frozenset(w for w in (line.strip() for line in lines) if w.isascii() and w.isalpha())


def name_spellings(latin: tuple[tuple[str, ...], ...], manual: tuple[bool, ...]) -> frozenset[str]:
    """Known name spellings (plain a-z) for the display ranking: :func:`given_names` and
    the Latin spellings of a lexicon's hand-written groups (``latin`` and ``manual``, one
    entry per group). The groups built from the token data are left out: an Arabic form
    the lexicon does not list is one whose spellings it mostly does not list either (on
    held-out tokens, a spelling of those groups is less often the right one than another:
    their weight fitted negative)."""
    out = set(given_names())
    for group, hand in zip(latin, manual, strict=True):
        if hand:
            out.update(s for s in group if s.isascii() and s.isalpha())
    return frozenset(out)


@lru_cache(maxsize=1)
def shipped_model() -> Model:
    """The shipped model (``data/translit_model.tsv``, read at first use; the letter readings
    alone when the file is missing)."""
    try:
        lines = data_lines("translit_model.tsv")
    except (FileNotFoundError, OSError):
        return ChunkModel.fallback()
    model = JointModel.from_lines(lines)
    return model if model.readings[0] else ChunkModel.fallback()


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


@lru_cache(maxsize=65536)
def _unit_bonus(unit: str, chunk: str, persian: bool) -> float:
    """:func:`_bonus` of a graphone: of its letter, or for two letters of the best split
    of the chunk between them."""
    if len(unit) == 1:
        return _bonus(unit, chunk, persian)
    return max(_bonus(unit[0], chunk[:k], persian) + _unit_bonus(unit[1:], chunk[k:], persian) for k in range(len(chunk) + 1))


_BEAM: Final = 12
_EXPAND: Final = 6


#: Letters decoded by beam search. A longer "unit" (no real name is) gets one
#: spelling: the beam's for its first letters, then each letter's most common
#: reading, so the cost stays linear (the beam copies partial spellings at every
#: letter, which is quadratic in the length).
_MAX_DECODE: Final = 64


def decode(
    form: str, persian: bool, limit: int, model: Model | None = None, names: frozenset[str] = frozenset()
) -> list[tuple[str, float]]:
    """Beam search over chunk choices for each letter under ``model`` (default: the shipped
    one); returns (spelling, logp). ``names`` (known name spellings) serve the display
    ranking of a long list (:meth:`JointModel.decode`)."""
    if model is None:
        model = shipped_model()
    # (a digit of any script is spelled as its ASCII digit: spellings are ASCII)
    letters = [c if c in ONSETS else str(unicodedata.digit(c)) for c in form if c in ONSETS or c.isdigit()]
    if len(letters) <= _MAX_DECODE:
        return _decode_letters(letters, persian, limit, model, names)
    head = _decode_letters(letters[:_MAX_DECODE], persian, 1, model)
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


def _decode_letters(
    letters: list[str], persian: bool, limit: int, model: Model, names: frozenset[str] = frozenset()
) -> list[tuple[str, float]]:
    if not letters:
        return []
    if isinstance(model, JointModel):
        return model.decode(letters, persian, limit, names)
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


#: Spellings per unit that matching and keys ask for (romanize_unit's callers use <= 5).
MATCH_LIMIT: Final = 5
