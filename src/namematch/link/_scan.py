"""A text read once into words (private).

:func:`scan` tokenizes the whole text with :mod:`namematch.normalize`'s tokenizer
(offsets, script, normal form) and reads, for each word, what the detectors need:
the punctuation in the gap before it (sentence end, comma, quote, break),
capitalisation, an English possessive, Latin words joined by hyphens
("al-Sudani", "Amir-Abdollahian"), and for Arabic-script words the readings
with their proclitics removed (``و``/``ف`` "and", ``ب``/``ل``/``ك`` "with, to,
as", ``لل`` = ``ل`` + article).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Final

from namematch import _text
from namematch.normalize import LATIN, normalize_latin

__all__ = ["Word", "arabic_readings", "letter_offset", "scan"]

_POSSESSIVE: Final = ("'s", "\u2019s", "\u02bcs", "'S", "\u2019S", "\u02bcS")
#: Apostrophes: after a word ending in s, one alone is the possessive (Francis').
_APOSTROPHES: Final = frozenset("'\u2019\u02bc")
_HYPHENS: Final = frozenset("-\u2010\u2011")
_ABBREVIATIONS: Final = frozenset(
    {"dr", "mr", "mrs", "ms", "prof", "gen", "lt", "col", "capt", "maj", "sen", "rep",
     "gov", "pres", "eng", "st", "sgt", "adm", "brig", "cdr", "hon", "amb",
     # Muhammad abbreviated in South Asian and Malay names (Md. X, Mohd. X)
     "md", "mohd", "muhd"}
)  # fmt: skip
#: Punctuation that ends a name (a name never runs across it).
BREAK_CHARS: Final = frozenset(".!?;:()[]{}\"«»“”„‘’/|\\—–؛؟…•·*#=<>\n\r\t،,-‹›")
_COMMAS: Final = frozenset(",،")
_SENTENCE_END: Final = frozenset(".!?:؟\n")
OPEN_QUOTES: Final = frozenset("«\"“„‹'‘")
CLOSE_QUOTES: Final = frozenset("»\"”›'’")
_LATIN_ARTICLES: Final = ("al-", "el-", "ad-", "as-", "ash-", "ar-", "at-", "az-", "an-")
#: English prefixes written with a hyphen before a capitalised word ("pro-Erdogan", "anti-Putin",
#: "post-Assad"): the word after the hyphen is a word of its own (a name, a place).
_HYPHEN_PREFIXES: Final = frozenset({"pro", "anti", "ex", "post", "pre", "non", "neo"})
#: English words written in lower case after a hyphen that make a compound adjective of the
#: capitalised word before them ("Trump-era", "Netanyahu-led", "Iran-backed", "Kremlin-style"):
#: the word before the hyphen is a word of its own.
_HYPHEN_SUFFIXES: Final = frozenset(
    {"era", "led", "backed", "allied", "aligned", "affiliated", "linked", "style", "inspired", "sponsored",
     "funded", "appointed", "brokered", "controlled", "run", "owned", "friendly", "leaning", "like", "type",
     "based", "born", "ruled", "imposed", "mediated", "supported", "dominated", "esque", "ist", "ism",
     "loyalist", "loyalists", "camp", "bloc", "faction", "government", "cabinet", "administration", "years"}
)  # fmt: skip


class Word:
    """One word of the text: its span, normal form and the gap before it."""

    __slots__ = ("allcaps", "arabic", "brk", "cap", "comma", "end", "gap", "norm", "parts", "persian", "poss",
                 "readings", "sent", "start", "text")  # fmt: skip

    def __init__(self, text: str, start: int, end: int, norm: str, parts: tuple[str, ...], arabic: bool,
                 gap: str) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.norm = norm
        self.parts = parts
        self.arabic = arabic
        self.gap = gap
        self.poss = False
        self.persian = False
        self.cap = False
        self.allcaps = False
        self.readings: tuple[tuple[int, str], ...] = ((0, norm),)
        self.brk, self.comma, self.sent = _gap_marks(gap)

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"Word({self.text!r}, {self.start}, {self.norm!r})"


@lru_cache(maxsize=4096)
def _gap_marks(gap: str) -> tuple[bool, bool, bool]:
    """(break, comma only, sentence end) of the characters between two words."""
    brk = any(c in BREAK_CHARS for c in gap)
    comma = any(c in _COMMAS for c in gap) and not any(c in BREAK_CHARS and c not in _COMMAS for c in gap)
    return brk, comma, any(c in _SENTENCE_END for c in gap)


def letter_offset(raw: str, letters: int) -> int:
    """Index in ``raw`` after its first ``letters`` letters (marks and tatweel skipped)."""
    seen = 0
    for i, c in enumerate(raw):
        if seen == letters:
            if unicodedata.category(c)[0] == "L" and c != "\u0640":
                return i
            continue
        if unicodedata.category(c)[0] == "L" and c != "\u0640":
            seen += 1
    return len(raw)


@lru_cache(maxsize=65536)
def arabic_readings(norm: str) -> tuple[tuple[int, str], ...]:
    """The readings of a normalised Arabic-script word: ``(letters of proclitics, stem)``,
    the whole word first. ``و``/``ف`` may precede ``ب``/``ل``/``ك``; ``لل`` is ``ل`` + the
    article, whose stem gets its article back (للمشهداني -> المشهداني)."""
    out = [(0, norm)]
    heads = [(0, norm)]
    if len(norm) >= 4 and norm[0] in "وف":
        heads.append((1, norm[1:]))
        out.append((1, norm[1:]))
    for k, rest in heads:
        if len(rest) < 4 or rest[0] not in "بلك":
            continue
        if rest.startswith("لل") and len(rest) >= 5:
            out.append((k + 2, "ال" + rest[2:]))
        else:
            out.append((k + 1, rest[1:]))
    return tuple(out)


def scan(text: str) -> list[Word]:
    """The words of a text, in order (see the module docstring)."""
    words: list[Word] = []
    toks = _text.tokens(text, _text.Word) if text else ()
    prev_end = 0
    gap_extra = ""
    i = 0
    n = len(toks)
    while i < n:
        t = toks[i]
        if t.script not in (LATIN, "arabic", "persian"):
            gap_extra = "\n" if not t.norm.isdigit() else " 0 "  # numbers and other scripts break names
            i += 1
            continue
        start = t.start
        gap = text[prev_end:start] if start - prev_end < 64 else "\n"
        if gap_extra:
            gap = gap + "\n"
            gap_extra = ""
        if t.script == LATIN:
            # Latin words joined by hyphens are one word: al-Sudani, Jean-Yves
            parts = [t]
            while (i + 1 < n and toks[i + 1].script == LATIN and toks[i + 1].start - parts[-1].end == 1
                   and text[parts[-1].end] in _HYPHENS and not _affix_joint(text, parts[-1], toks[i + 1])):
                i += 1
                parts.append(toks[i])
            end = parts[-1].end
            raw = text[start:end]
            poss = False
            mark = 0  # the length of a possessive ending read off the word
            if raw.endswith(_POSSESSIVE) and len(raw) > 3:
                raw, end, poss, mark = raw[:-2], end - 2, True, 2
                last = normalize_latin(raw[raw.rfind("-") + 1 :]) if "-" in raw else ""
                norms = [p.norm for p in parts[:-1]] + [last or normalize_latin(text[parts[-1].start : end])]
            else:
                norms = [p.norm for p in parts]
                after = text[end + 1 : end + 2]
                if (raw[-1:] in "sS" and len(raw) > 3 and text[end : end + 1] in _APOSTROPHES
                        and not (after.isalpha() or after.isdigit())):
                    poss, mark = True, 1  # "Francis' visit", "Jonas' remarks": the possessive of a name ending in s
            norms = [x for x in norms if x]
            if not norms:
                i += 1
                continue
            w = Word(raw, start, end, "".join(norms), tuple(norms), False, gap)
            w.poss = poss
            w.allcaps = raw.isupper() and sum(c.isalpha() for c in raw) >= 2
            lead = raw
            if "-" in raw[:4]:
                low = raw.lower()
                for pre in _LATIN_ARTICLES:
                    if low.startswith(pre) and len(raw) > len(pre):
                        lead = raw[len(pre):]
                        break
            w.cap = (raw[:1].isupper() or lead[:1].isupper()) and not w.allcaps
            prev_end = end + mark
        else:
            norm = t.norm.replace(" ", "")
            if words and words[-1].arabic and len(gap) == 1 and gap in _HYPHENS:
                gap = " "  # a hyphenated name in Arabic script (أوكونجو-إيويالا) is one name run
            w = Word(t.text, start, t.end, norm, (norm,), True, gap)
            w.readings = arabic_readings(norm)
            w.persian = t.script == "persian"
            prev_end = t.end
        if words:
            prev = words[-1]
            if prev.arabic != w.arabic:
                w.brk = True
            elif not w.arabic and w.brk and gap.strip() == "." and (
                    prev.norm in _ABBREVIATIONS or (len(prev.text) == 1 and prev.text.isupper() and w.cap)):
                w.brk = w.sent = False  # "Dr. Badr", "R. Venkataraman": an abbreviation's or initial's dot
        else:
            w.sent = True
        words.append(w)
        i += 1
    return words


def _affix_joint(text: str, left: _text.Word, right: _text.Word) -> bool:
    """True when the hyphen between two Latin tokens joins an English affix to a capitalised
    word ("pro-Erdogan", "Trump-era"): the two are words of their own, not one name."""
    if left.norm in _HYPHEN_PREFIXES:
        return text[right.start : right.start + 1].isupper() and not text[left.start : left.end].isupper()
    raw = text[right.start : right.end]
    if raw.endswith(_POSSESSIVE):
        raw = raw[:-2]  # "the Trump-era's end"
    return (normalize_latin(raw) in _HYPHEN_SUFFIXES and raw.islower()
            and text[left.start : left.start + 1].isupper())


def stem_start(w: Word, letters: int) -> int:
    """Text offset of a reading's stem that drops ``letters`` proclitic letters."""
    if not letters:
        return w.start
    return w.start + letter_offset(w.text, letters)
