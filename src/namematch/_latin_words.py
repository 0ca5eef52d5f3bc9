"""How often a Latin spelling is written as a word: the spelling prior of romanisation (private).

A romanised name is usually a word people write: "Fidan", "Tajani", "Araghchi" occur in
text, "Phidan" and "Tayani" hardly. :mod:`namematch.romanize` asks this module two things
about the spellings its transliteration model proposes: how frequent each is as a word
(:meth:`LatinWords.zipf`), and whether a partial spelling starts some word
(:meth:`LatinWords.prefixes`, to keep real spellings in the beam search).

The words come from the word-frequency lists of the ``wordfreq`` package (a dependency:
its wheel holds the lists, nothing is downloaded) for the Latin-script languages in
:data:`LANGUAGES`, folded to plain a-z (``García`` -> ``garcia``, ``Straße`` -> ``strasse``).
They are read once per process, on the first romanisation of a unit the lexicon does not
list, into sorted numpy arrays (about 46 MB). Folding the lists takes seconds, so the arrays
are kept in a cache file (``~/.cache/namematch``, ``$XDG_CACHE_HOME`` or
``$NAMEMATCH_CACHE_DIR``; an empty ``NAMEMATCH_CACHE_DIR`` turns it off) that later
processes load in a fraction of a second. Without ``wordfreq`` the prior is empty and the
model ranks alone.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Final

import numpy as np

from namematch._files import atomic_write

__all__ = ["LANGUAGES", "SHORT", "SKELETON_MIN_ZIPF", "LatinWords", "latin_skeletons", "latin_words"]

#: Latin-script languages whose word lists are read (names of every origin are written in
#: their press: English first, then the languages of Europe, Turkey and Indonesia/Malaysia).
LANGUAGES: Final = ("en", "fr", "de", "es", "it", "pt", "nl", "tr", "id", "ms", "pl", "sv")
#: Longest word kept (bytes): longer ones are not name units.
WIDTH: Final = 20
#: Prefixes of at most this many letters are answered from a set (:attr:`LatinWords.short_prefixes`).
SHORT: Final = 3
#: Zipf values are stored in tenths (uint8); 0 means "not a word".
_SCALE: Final = 10.0
#: Version of the cached arrays' layout (part of the cache file's name).
_FORMAT: Final = 2

#: A plain word of a bucket (after folding): 2 to WIDTH letters a-z on its own line.
_PLAIN: Final = re.compile(rf"^[a-z]{{2,{WIDTH}}}$", re.MULTILINE)
#: Combining marks left by decomposition (García -> Garci + acute accent -> garcia).
_MARKS: Final = re.compile(r"[\u0300-\u036f]")
#: Letters that decompose to nothing ASCII (ß, æ, ø, ł, đ, ı, þ, œ) and their plain forms.
_SPECIAL: Final = {"ß": "ss", "æ": "ae", "ø": "o", "ł": "l", "đ": "d", "ı": "i", "þ": "th", "œ": "oe", "ð": "d"}
_SPECIAL_RE: Final = re.compile("[" + "".join(_SPECIAL) + "]")

#: Words indexed by consonant skeleton (:meth:`LatinWords.by_skeleton`): those whose Zipf
#: frequency in some language is at least this (rarer ones are mostly typing slips).
SKELETON_MIN_ZIPF: Final = 1.5
#: Longest skeleton kept (consonant classes).
SKELETON_WIDTH: Final = 12
#: Latin letter groups that write one consonant, and the class each is written as (applied
#: in this order, before the single letters): a word's skeleton is comparable with the
#: Arabic-script skeletons of ``namematch._translit.arabic_skeletons``.
_SKELETON_GROUPS: Final = (
    ("tch", "X"), ("sch", "X"), ("sh", "X"), ("ch", "X"), ("th", "T"), ("dh", "D"), ("kh", "H"),
    ("gh", "K"), ("zh", "J"), ("ph", "F"), ("dj", "J"), ("ck", "K"), ("ce", "S"), ("ci", "S"), ("cy", "S"),
)  # fmt: skip
#: Single letters: consonant classes (vowels, w and y are dropped: Arabic script writes them
#: as vowels or glides, which the skeleton leaves out).
_SKELETON_LETTERS: Final = {
    "b": "B", "p": "B", "t": "T", "d": "D", "z": "D", "s": "S", "c": "K", "j": "J", "g": "K",
    "k": "K", "q": "K", "h": "H", "f": "F", "v": "F", "l": "L", "m": "M", "n": "N", "r": "R",
}  # fmt: skip
_VOWEL_START: Final = "A"


def _byte_table() -> np.ndarray:
    """Byte -> class byte (0: dropped) of the letters and the class letters themselves."""
    table = np.zeros(256, np.uint8)
    for k, v in _SKELETON_LETTERS.items():
        table[ord(k)] = ord(v)
    for c in ["\n", _VOWEL_START, "X", *_SKELETON_LETTERS.values()]:
        table[ord(c)] = ord(c)
    return table


_TABLE: Final = _byte_table()


def latin_skeletons(words: list[bytes]) -> list[bytes]:
    """The consonant skeleton of each folded word (ASCII bytes): letter groups and letters
    mapped to consonant classes (``sh`` -> X, ``kh`` -> H, ``g``/``k``/``q`` -> K, ``z`` ->
    D, ``v`` -> F), vowels, w, y and a final h after a vowel dropped, repeated classes
    collapsed; "A" first for a word that starts with a vowel (a, e, i, o, u). Vectorised
    over all the words at once (numpy on their joined bytes).

    >>> latin_skeletons([b"araghchi", b"fidan", b"tajani", b"aoun", b"soleimani", b"allah", b"alexa"])
    [b'ARKX', b'FDN', b'TJN', b'AN', b'SLMN', b'AL', b'ALKS']
    """
    if not words:
        return []
    text = (b"\n" + b"\n".join(words) + b"\n").replace(b"x", b"ks")
    a = np.frombuffer(text, np.uint8).copy()
    nl = ord("\n")
    vowel = np.zeros(256, bool)
    vowel[list(b"aeiouy")] = True
    # a final h after a vowel (Fatimah, Allah) is not written
    drop = np.zeros(len(a), bool)
    drop[1:-1] = (a[1:-1] == ord("h")) & (a[2:] == nl) & vowel[a[:-2]]
    a = a[~drop]
    first = np.zeros(len(a), bool)
    first[1:] = (a[:-1] == nl) & vowel[a[1:]] & (a[1:] != ord("y"))
    a[first] = ord(_VOWEL_START)
    for group, cls in _SKELETON_GROUPS:
        g = [ord(c) for c in group]
        at = a[: len(a) - len(g) + 1] == g[0]
        for k in range(1, len(g)):
            at &= a[k : len(a) - len(g) + 1 + k] == g[k]
        hit = np.flatnonzero(at)
        a[hit] = ord(cls)
        for k in range(1, len(g)):
            a[hit + k] = 0
    a = _TABLE[a]
    a = a[a != 0]
    keep = np.ones(len(a), bool)
    keep[1:] = (a[1:] != a[:-1]) | (a[1:] == nl)
    joined: bytes = a[keep].tobytes()
    return joined[1:-1].split(b"\n")


def fold(word: str) -> str:
    """A lower-case word as plain a-z, or "" when it has other characters.

    >>> fold("garcía"), fold("straße"), fold("o'neil"), fold("x2")
    ('garcia', 'strasse', '', '')
    """
    if not word.isascii():
        word = _MARKS.sub("", unicodedata.normalize("NFKD", word))
        word = _SPECIAL_RE.sub(lambda m: _SPECIAL[m.group()], word)
    return word if _PLAIN.fullmatch(word) else ""


class LatinWords:
    """Sorted folded words (fixed-width bytes) with their Zipf frequency in English and in
    any of the languages (the highest), in tenths."""

    __slots__ = ("_skeletons", "any", "en", "langs", "short_prefixes", "words")

    def __init__(self, words: np.ndarray, en: np.ndarray, anyl: np.ndarray, langs: np.ndarray | None = None) -> None:
        self.words = words
        self.en = en
        self.any = anyl
        #: in how many of the languages each word is written at least SKELETON_MIN_ZIPF (a
        #: name is written in the press of many languages, an ordinary word mostly in its own)
        self.langs = np.zeros(len(words), np.uint8) if langs is None else langs
        #: every prefix of at most SHORT letters of a word ("" included)
        self.short_prefixes: frozenset[str] = frozenset(
            p.decode("ascii")[:k]
            for p in np.unique(words.astype(f"S{SHORT}")).tolist()
            for k in range(len(p) + 1)
        )
        self._skeletons: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None

    @classmethod
    def empty(cls) -> LatinWords:
        return cls(np.array([], dtype=f"S{WIDTH}"), np.array([], np.uint8), np.array([], np.uint8), np.array([], np.uint8))

    def __len__(self) -> int:
        return len(self.words)

    def _found(self, keys: list[str]) -> tuple[np.ndarray, list[bytes]]:
        """For each key: the index of the first word not before it, and that word."""
        idx = np.searchsorted(self.words, np.array(keys, dtype=f"S{WIDTH}"))
        np.minimum(idx, len(self.words) - 1, out=idx)
        return idx, self.words[idx].tolist()

    def zipf(self, spellings: list[str]) -> list[tuple[float, float]]:
        """(Zipf in English, highest Zipf in any language) of each spelling; (0, 0) for one
        that is no word of the lists."""
        if not spellings or not len(self.words):
            return [(0.0, 0.0)] * len(spellings)
        idx, found = self._found(spellings)
        en = (self.en[idx] / _SCALE).tolist()
        anyl = (self.any[idx] / _SCALE).tolist()
        return [
            (e, a) if w == s.encode() else (0.0, 0.0)
            for s, w, e, a in zip(spellings, found, en, anyl, strict=True)
        ]

    def spread(self, spellings: list[str]) -> list[int]:
        """In how many of the languages each spelling is a word written at least
        ``SKELETON_MIN_ZIPF`` (0 for one that is no word of the lists): "javier" or "putin"
        in most, "heavier" in English alone."""
        if not spellings or not len(self.words):
            return [0] * len(spellings)
        idx, found = self._found(spellings)
        n = self.langs[idx].tolist()
        return [k if w == s.encode() else 0 for s, w, k in zip(spellings, found, n, strict=True)]

    def prefixes(self, partials: list[str]) -> list[bool]:
        """Whether each partial spelling starts some word of the lists (the first word not
        before it in sorted order starts with it)."""
        if not partials or not len(self.words):
            return [False] * len(partials)
        _idx, found = self._found(partials)
        return [len(p) <= WIDTH and w.startswith(p.encode()) for p, w in zip(partials, found, strict=True)]


    def _skeleton_index(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(sorted skeletons, the index of the word of each, its length) of the words of
        Zipf at least :data:`SKELETON_MIN_ZIPF`, the words of one skeleton most frequent
        first (built on first use: about a second)."""
        if self._skeletons is None:
            keep = np.flatnonzero(self.any >= round(SKELETON_MIN_ZIPF * _SCALE))
            skel = np.array(latin_skeletons(self.words[keep].tolist()), dtype=f"S{SKELETON_WIDTH}")
            order = np.lexsort((-self.any[keep].astype(np.int16), skel))
            word_of = keep[order].astype(np.int32)
            self._skeletons = (skel[order], word_of, np.char.str_len(self.words[word_of]).astype(np.uint8))
        return self._skeletons

    def by_skeleton(self, skeletons: list[str], lengths: tuple[int, int], limit: int) -> list[str]:
        """The words whose skeleton is one of ``skeletons`` and whose length is within
        ``lengths`` (inclusive), most frequent (in any language) first, at most ``limit``
        (ties by skeleton, then by the words' order)."""
        if not skeletons or not len(self.words) or limit <= 0:
            return []
        skel, word_of, length = self._skeleton_index()
        keys = np.array(skeletons, dtype=skel.dtype)
        starts = np.searchsorted(skel, keys, side="left").tolist()
        stops = np.searchsorted(skel, keys, side="right").tolist()
        found: list[tuple[int, int]] = []  # (-zipf, word index)
        low, high = lengths
        for a, b in zip(starts, stops, strict=True):
            if a == b:
                continue
            # the first ``limit`` of the skeleton's words (most frequent first) of a length within
            # the bounds, selected in numpy (a short skeleton has thousands of words)
            span = length[a:b]
            rows = word_of[a + np.flatnonzero((span >= low) & (span <= high))[:limit]].tolist()
            if rows:
                found += zip((-self.any[rows]).tolist(), rows, strict=True)
        found = sorted(set(found))[:limit]
        return [self.words[w].decode("ascii") for _z, w in found]


def _plain_words(bucket: list[str]) -> list[str]:
    """The words of a bucket that fold to 2 to WIDTH letters a-z (folded): one
    decomposition and one regex pass over the bucket's text (C speed)."""
    text = "\n".join(bucket)
    if not text.isascii():
        text = _MARKS.sub("", unicodedata.normalize("NFKD", text))
        text = _SPECIAL_RE.sub(lambda m: _SPECIAL[m.group()], text)
    found: list[str] = _PLAIN.findall(text)
    return found


def _read(languages: tuple[str, ...], wordlist: str = "best") -> LatinWords:
    try:
        import wordfreq
    except ImportError:
        return LatinWords.empty()
    available = wordfreq.available_languages(wordlist)
    words_l: list[np.ndarray] = []
    zipf_l: list[np.ndarray] = []
    en_l: list[np.ndarray] = []
    for lang in languages:
        path = available.get(lang)
        if path is None:
            continue
        seen: set[str] = set()  # a folded word once per language (its highest bucket)
        for index, bucket in enumerate(wordfreq.read_cBpack(path)):
            z = round((9.0 - index / 100.0) * _SCALE)
            if z <= 0:
                break
            found = [w for w in _plain_words(bucket) if w not in seen] if bucket else []
            seen.update(found)
            if found:
                words_l.append(np.array(found, dtype=f"S{WIDTH}"))
                zipf_l.append(np.full(len(found), z, np.uint8))
                en_l.append(np.full(len(found), z if lang == "en" else 0, np.uint8))
    if not words_l:
        return LatinWords.empty()
    words = np.concatenate(words_l)
    order = np.argsort(words, kind="stable")  # timsort: the buckets are sorted runs
    words = words[order]
    first = np.r_[True, words[1:] != words[:-1]]
    starts = np.flatnonzero(first)
    en = np.maximum.reduceat(np.concatenate(en_l)[order], starts)
    zipf = np.concatenate(zipf_l)[order]
    anyl = np.maximum.reduceat(zipf, starts)
    langs = np.add.reduceat((zipf >= round(SKELETON_MIN_ZIPF * _SCALE)).astype(np.uint8), starts)
    return LatinWords(words[first], en, anyl, langs)


def _cache_path() -> Path | None:
    """Where the folded arrays are kept between processes: ``$NAMEMATCH_CACHE_DIR`` (empty:
    no cache), else ``$XDG_CACHE_HOME/namematch`` or ``~/.cache/namematch``; the file name
    holds a digest of the wordfreq version and the list's settings. None without wordfreq."""
    try:
        version = importlib.metadata.version("wordfreq")
    except importlib.metadata.PackageNotFoundError:
        return None
    root = os.environ.get("NAMEMATCH_CACHE_DIR")
    if root is None:
        xdg = os.environ.get("XDG_CACHE_HOME")
        root = str(Path(xdg) / "namematch") if xdg else str(Path.home() / ".cache" / "namematch")
    if not root:
        return None
    digest = hashlib.sha256(f"{version}|{LANGUAGES}|{WIDTH}|{_SCALE}|{_FORMAT}".encode()).hexdigest()[:16]
    return Path(root) / f"latin-words-{digest}.npz"


def _load(path: Path) -> LatinWords | None:
    """The arrays a former process saved, or None when they are missing or unreadable."""
    try:
        with np.load(path, allow_pickle=False) as saved:
            words, en, anyl, langs = saved["words"], saved["en"], saved["any"], saved["langs"]
    except (OSError, KeyError, ValueError):
        return None
    if not (words.dtype == np.dtype(f"S{WIDTH}") and en.dtype == anyl.dtype == langs.dtype == np.uint8
            and len(words) == len(en) == len(anyl) == len(langs)):
        return None
    return LatinWords(words, en, anyl, langs)


def _save(path: Path, found: LatinWords) -> None:
    """Keep the arrays for the next process (atomically; a failure only costs the next
    process the reading)."""
    if not len(found):
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, lambda fh: np.savez(fh, words=found.words, en=found.en, any=found.any, langs=found.langs), binary=True)
    except OSError:
        pass


@lru_cache(maxsize=1)
def latin_words() -> LatinWords:
    """The words of :data:`LANGUAGES`, read once (lazily) per process: from the cache a
    former process left (:func:`_cache_path`), else from wordfreq's lists (and cached)."""
    path = _cache_path()
    found = _load(path) if path is not None and path.is_file() else None
    if found is None:
        found = _read(LANGUAGES)
        if path is not None:
            _save(path, found)
    return found
