"""Person mentions in running text, linked within and across documents (last stage).

Three layers, each usable alone:

* :func:`find_mentions` finds the person names in a text (English, Arabic,
  Persian, or a mix) with rules and lexicons only — no model, no network.
  English: capitalised sequences with name particles (``al-``, ``bin``,
  ``Abdul``, ``Abu``), titles and roles before them or in an apposition after
  them, honorifics, known given names, possessives. Arabic and Persian: names
  after titles and roles (``وزير``, ``السفير``, ``السيد``, ``وزیر امور خارجه``…),
  before an apposition (``عباس عراقچی، وزیر``), after verbs of saying, in quotes
  followed by ``بصفة``, and surnames already seen in the document. Places,
  organisations, agencies, months and common words are rejected with the
  ``data/link_*`` lexicons.
* :func:`link` adds in-document coreference (``Araghchi`` → ``Abbas Araghchi``)
  and, with a :class:`~namematch.registry.Registry`, the person each mention
  resolves to.
* :func:`resolve_documents` groups the mentions of many documents into
  :class:`Entity` objects: one per registry person found, and one per new
  person, clustered across documents and scripts.

All three run in time linear in the length of the text.

>>> [m.text for m in find_mentions("Iranian Foreign Minister Abbas Araghchi met Hakan Fidan's aide.")]
['Abbas Araghchi', 'Hakan Fidan']
>>> ms = find_mentions("استقبل وزير الخارجية أيمن الصفدي نظيره. وقال الصفدي إن")
>>> [(m.text, m.context) for m in ms]
[('أيمن الصفدي', 'وزير الخارجية'), ('الصفدي', '')]
>>> [(lm.text, lm.antecedent) for lm in link("Fuad Hussein, Iraq's foreign minister, arrived. Hussein said.")]
[('Fuad Hussein', None), ('Hussein', 0)]
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any, Final

import attrs

from namematch import lexicon
from namematch._data import data_lines
from namematch.cluster import cluster_records
from namematch.normalize import (
    ARABIC,
    LATIN,
    PERSIAN,
    _clean_text,
    _short_cache,
    normalize,
    normalize_arabic,
    normalize_latin,
    script_of,
)
from namematch.parse import ParsedName, parse
from namematch.registry import Person, Registry
from namematch.romanize import romanize

__all__ = [
    "Entity",
    "EntityMention",
    "LinkedMention",
    "Mention",
    "find_mentions",
    "link",
    "resolve_documents",
]

# ---------------------------------------------------------------------------
# Public records
# ---------------------------------------------------------------------------


@attrs.frozen(slots=True)
class Mention:
    """One person mention found in a text.

    ``text`` is exactly ``source[start:end]``: the name words as written, without
    the titles, honorifics, possessive ``'s`` or quotes around them. ``context``
    holds the title or role words written before it ("Foreign Minister",
    "السفير"), ``honorific`` the honorific among them ("Sayyid", "Dr."), if any.
    """

    text: str
    start: int
    end: int
    script: str
    parsed: ParsedName = attrs.field(eq=False, repr=False)
    context: str = ""
    honorific: str = ""


@attrs.frozen(slots=True)
class LinkedMention:
    """A :class:`Mention` with its coreference antecedent and registry person.

    ``antecedent`` is the index (in the list :func:`link` returns) of the fullest
    mention of the same person in the document, or None when this mention is
    that fullest one or stands alone; it may point forward (a headline surname
    before the full name). ``person`` and ``score`` come from the registry match
    of the chain's fullest form (None and 0.0 without a registry or a match).
    """

    mention: Mention
    person: Person | None = None
    score: float = 0.0
    antecedent: int | None = None

    @property
    def text(self) -> str:
        return self.mention.text

    @property
    def start(self) -> int:
        return self.mention.start

    @property
    def end(self) -> int:
        return self.mention.end

    @property
    def script(self) -> str:
        return self.mention.script


@attrs.frozen(slots=True)
class EntityMention:
    """One mention of an :class:`Entity`: where it is and how it is written."""

    doc_id: str
    text: str
    start: int
    end: int
    script: str
    context: str = ""
    honorific: str = ""


@attrs.frozen(slots=True)
class Entity:
    """One person across documents: every mention, the registry record if any,
    and a representative Latin ``name``."""

    mentions: tuple[EntityMention, ...]
    person: Person | None
    name: str

    @property
    def doc_ids(self) -> tuple[str, ...]:
        """The documents that mention this person, in first-mention order."""
        return tuple(dict.fromkeys(m.doc_id for m in self.mentions))

    @property
    def spellings(self) -> tuple[str, ...]:
        """The distinct surface forms, in first-seen order."""
        return tuple(dict.fromkeys(m.text for m in self.mentions))

    @property
    def scripts(self) -> frozenset[str]:
        """The scripts the person is written in (``latin``, ``arabic``, ``persian``)."""
        return frozenset(m.script for m in self.mentions)


# ---------------------------------------------------------------------------
# Lexicons
# ---------------------------------------------------------------------------

_MARKS: Final = "\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u08d3-\u08ff\u200c\u200d\u0640"
#: A word: letters and combining marks, joined inside by apostrophes or hyphens.
_WORD_RE: Final = re.compile(
    rf"[^\W\d_](?:[^\W\d_]|[{_MARKS}]|['\u2019\u02bc\-\u2010\u2011](?=[^\W\d_]))*"
)
_POSSESSIVE: Final = ("'s", "\u2019s", "\u02bcs", "'S", "\u2019S")
_ABBREVIATIONS: Final = frozenset(
    {"dr", "mr", "mrs", "ms", "prof", "gen", "lt", "col", "capt", "maj", "sen", "rep",
     "gov", "pres", "eng", "st", "sgt", "adm", "brig", "cdr", "hon", "amb"}
)  # fmt: skip
_LATIN_PARTICLES: Final = frozenset(
    {"al", "el", "bin", "ibn", "bint", "ben", "abu", "abou", "abd", "abdul", "abdel", "de",
     "da", "di", "van", "von", "der", "du", "le", "la", "ul", "ud", "e", "ould", "bou", "y"}
)  # fmt: skip
_LOWER_JOINERS: Final = frozenset({"al", "el", "bin", "ibn", "bint", "ben", "de", "da", "di",
                                   "van", "von", "der", "du", "ul", "ud", "e", "ould", "y", "la", "le"})
_AR_PARTICLES: Final = frozenset({"بن", "ابن", "بنت", "عبد", "ابو", "ام", "آل", "ال", "ابي"})
_AR_SUFFIXES: Final = frozenset(
    {"ابادي", "زاده", "پور", "نژاد", "نجاد", "نيا", "فر", "لو", "الدين", "الله"}
)
#: Arabic-script words that are stop words as written but fold onto a name (على → علي).
_RAW_STOPS: Final = frozenset({"على", "إلى", "الى", "عليه", "علیه", "عن", "هذا"})
_BREAK_CHARS: Final = frozenset(".!?;:()[]{}\"«»“”‘/|\\—–؛؟…•·*#=<>\n\r\t،,-")
_COMMA_CHARS: Final = frozenset(",،")
_SENTENCE_END: Final = frozenset(".!?:؟\n«\"“")
_ORG_FOLLOWERS: Final = frozenset({"news", "agency", "party", "newspaper", "daily", "group", "movement",
                                   "government", "ministry", "television", "tv", "channel", "company"})
_QUOTE_SIFA_RE: Final = re.compile(
    r"[«\"“]([^«»\"“”\n]{2,60})[»\"”]\s{0,3}(?:و|ف)?(?:ب|)صف(?:ة|ه|ته|تها|ت)(?![\w])"
)
_MAX_NAME_WORDS: Final = 8


def _norm_forms(filename: str) -> frozenset[str]:
    return frozenset(f for f in (normalize(line.strip()) for line in data_lines(filename)) if f)


@lru_cache(maxsize=1)
def _lex() -> dict[str, Any]:
    titles = {normalize(k) for k in _table("titles.tsv")}
    honorifics = {normalize(k) for k in _table("honorifics.tsv")}
    roles: set[str] = set()
    quals: set[str] = set()
    says: set[str] = set()
    for form, kind in _table("link_roles.tsv").items():
        n = normalize(form)
        {"role": roles, "qualifier": quals, "say": says}.get(kind, roles).add(n)
    places: set[str] = set()
    nationalities: set[str] = set()
    for form, kind in _table("link_places.tsv").items():
        n = normalize(form)
        (nationalities if kind == "nationality" else places).add(n)
    return {
        "honorifics": frozenset(honorifics - {"he", "his", "her", "grand", "royal", "م", "د"}),
        "roles": frozenset(roles | titles | (honorifics - {"his", "her", "م", "د"})),
        "quals": frozenset(quals),
        "says": frozenset(says),
        "places": frozenset(places),
        "nationalities": frozenset(nationalities),
        "orgs": _norm_forms("link_orgs.txt"),
        "stops": _norm_forms("link_stopwords.txt") | _norm_forms("link_calendar.txt"),
        "given": _norm_forms("link_given_names.txt"),
    }


def _table(filename: str) -> dict[str, str]:
    table: dict[str, str] = {}
    for line in data_lines(filename):
        key, _, value = line.partition("\t")
        if key.strip():
            table.setdefault(key.strip(), value.strip())
    return table


@_short_cache(maxsize=65536)
def _known(form: str) -> bool:
    """True when a normalised word is a known name element."""
    if not form or len(form) < 2:
        return False
    lx = _lex()
    if form in lx["given"]:
        return True
    try:
        if lexicon.known(form):
            return True
        if form.startswith("ال") and len(form) > 4 and lexicon.known(form[2:]):
            return True
    except Exception:  # the lexicon must never break linking
        return False
    return False


# ---------------------------------------------------------------------------
# Word scanning
# ---------------------------------------------------------------------------


class _W:
    """One word of the text (private)."""

    __slots__ = ("allcaps", "arabic", "brk", "cap", "comma", "end", "norm", "parts", "poss",
                 "raw", "sent", "start")

    def __init__(self, raw: str, start: int, end: int, gap: str, prev_poss: bool) -> None:
        poss = False
        if raw.endswith(_POSSESSIVE) and len(raw) > 3:
            raw = raw[:-2]
            end -= 2
            poss = True
        self.raw = raw
        self.start = start
        self.end = end
        self.poss = poss
        first = raw[0]
        self.arabic = "\u0600" <= first <= "\u06ff" or "\u0750" <= first <= "\u08ff" or "\ufb50" <= first
        if self.arabic:
            self.norm = normalize_arabic(raw).replace(" ", "")
            self.parts: tuple[str, ...] = (self.norm,)
            self.cap = False
            self.allcaps = False
        else:
            pieces = [normalize_latin(p) for p in re.split(r"[-\u2010\u2011]", raw)]
            self.parts = tuple(p for p in pieces if p)
            self.norm = "".join(self.parts)
            letters = [c for c in raw if c.isalpha()]
            self.allcaps = len(letters) >= 2 and all(c.isupper() for c in letters)
            lead = raw
            low = raw.lower()
            for pre in ("al-", "el-", "ad-", "as-", "ash-", "ar-", "at-", "az-", "an-", "ad\u2011"):
                if low.startswith(pre) and len(raw) > len(pre):
                    lead = raw[len(pre):]
                    break
            self.cap = (raw[:1].isupper() or lead[:1].isupper()) and not self.allcaps
        g = gap
        self.brk = any(c in _BREAK_CHARS for c in g)
        self.comma = any(c in _COMMA_CHARS for c in g) and not any(
            c in _BREAK_CHARS and c not in _COMMA_CHARS for c in g
        )
        self.sent = any(c in _SENTENCE_END for c in g)


def _scan(text: str) -> list[_W]:
    words: list[_W] = []
    prev_end = 0
    prev: _W | None = None
    for m in _WORD_RE.finditer(text):
        start = m.start()
        gap = text[prev_end:start] if start - prev_end < 64 else "\n"
        w = _W(m.group(), start, m.end(), gap, False)
        if not w.norm:
            prev_end = m.end()
            continue
        if prev is None:
            w.sent = True
        elif w.brk and gap.strip() == "." and prev.norm in _ABBREVIATIONS and not prev.arabic:
            w.brk = w.sent = False  # "Dr. Badr": the abbreviation dot does not break
        if prev is not None and prev.arabic != w.arabic:
            w.brk = True
        words.append(w)
        prev_end = m.end()
        prev = w
    return words


def _variants(norm: str) -> tuple[str, ...]:
    """Lookup forms of an Arabic-script word with its proclitics removed."""
    out = [norm]
    if len(norm) > 3 and norm[0] == "و":
        out.append(norm[1:])
    if norm.startswith("لل") and len(norm) > 3:
        out.append("ال" + norm[2:])
    if norm.startswith(("بال", "وال")) and len(norm) > 4:
        out.append(norm[1:])
    if norm.startswith("ول") and norm[2:3] == "ل" and len(norm) > 4:
        out.append("ال" + norm[3:])
    return tuple(out)


def _adj_forms(norm: str) -> tuple[str, ...]:
    """Masculine singular forms of an Arabic adjective (الإيرانية → الايراني)."""
    out = [norm]
    if norm.endswith("يه") and len(norm) > 4:
        out.append(norm[:-1])
    if norm.endswith(("يون", "يين")) and len(norm) > 5:
        out.append(norm[:-2])
    return tuple(out)


# ---------------------------------------------------------------------------
# Mention detection
# ---------------------------------------------------------------------------


class _Found:
    """A mention before it is frozen (private)."""

    __slots__ = ("context", "end", "first", "honorific", "last", "start", "strong")

    def __init__(self, first: int, last: int, start: int, end: int, context: str = "",
                 honorific: str = "", strong: bool = True) -> None:
        self.first = first
        self.last = last
        self.start = start
        self.end = end
        self.context = context
        self.honorific = honorific
        self.strong = strong


class _Detector:
    def __init__(self, text: str, words: list[_W]) -> None:
        self.text = text
        self.w = words
        self.lx = _lex()
        self.found: list[_Found] = []

    # -- word classes ----------------------------------------------------
    def is_role(self, w: _W) -> bool:
        lx = self.lx
        if w.arabic:
            return any(v in lx["roles"] for v in _variants(w.norm))
        return w.norm in lx["roles"] or (len(w.parts) > 1 and all(p in lx["roles"] for p in w.parts))

    def is_honorific(self, w: _W) -> bool:
        if w.arabic:
            return any(v in self.lx["honorifics"] for v in _variants(w.norm))
        return w.norm in self.lx["honorifics"]

    def is_qual(self, w: _W) -> bool:
        lx = self.lx
        if w.arabic:
            for v in _variants(w.norm):
                for a in _adj_forms(v):
                    if a in lx["quals"] or a in lx["nationalities"] or a in lx["places"]:
                        return True
            return False
        parts = w.parts
        return all(p in lx["quals"] or p in lx["nationalities"] for p in parts) or w.norm in lx["places"]

    def is_stop(self, w: _W) -> bool:
        lx = self.lx
        if w.arabic:
            if w.raw in _RAW_STOPS or len(w.norm) < 2:
                return True
            return any(v in lx["stops"] for v in _variants(w.norm)[:2]) or w.norm in lx["stops"]
        return w.norm in lx["stops"]

    def is_place(self, w: _W) -> bool:
        lx = self.lx
        if w.arabic:
            return any(a in lx["places"] or a in lx["nationalities"]
                       for v in _variants(w.norm) for a in _adj_forms(v))
        return w.norm in lx["places"] or all(p in lx["nationalities"] for p in w.parts)

    def is_org(self, w: _W) -> bool:
        if w.arabic:
            return any(v in self.lx["orgs"] for v in _variants(w.norm))
        return w.norm in self.lx["orgs"]

    # -- recording -------------------------------------------------------
    def add(self, first: int, last: int, context_from: int | None = None, *, strong: bool = True,
            start: int | None = None) -> None:
        w = self.w
        ctx = ""
        hon = ""
        if context_from is not None and context_from < first:
            ctx = self.text[w[context_from].start : w[first - 1].end]
            for k in range(first - 1, context_from - 1, -1):
                if self.is_honorific(w[k]):
                    hon = w[k].raw
                    if not w[k].arabic and self.text[w[k].end : w[k].end + 1] == ".":
                        hon += "."
                    break
        s = w[first].start if start is None else start
        self.found.append(_Found(first, last, s, w[last].end, ctx, hon, strong))

    # -- English ---------------------------------------------------------
    def latin(self) -> list[tuple[int, int, int | None]]:
        """Accept capitalised name sequences; return weak candidates for the second pass."""
        w = self.w
        n = len(w)
        weak: list[tuple[int, int, int | None]] = []
        i = 0
        while i < n:
            if w[i].arabic or not w[i].cap:
                i += 1
                continue
            j = i + 1
            if not w[i].poss:
                while j < n and not w[j].arabic and not w[j].brk:
                    if w[j].cap:
                        pass
                    elif (w[j].norm in _LOWER_JOINERS and j + 1 < n and w[j + 1].cap
                          and not w[j + 1].brk and not w[j + 1].arabic):
                        pass
                    else:
                        break
                    j += 1
                    if w[j - 1].poss:
                        break
            self.latin_run(i, j, weak)
            i = j
        return weak

    def latin_run(self, i: int, j: int, weak: list[tuple[int, int, int | None]]) -> None:
        w = self.w
        lx = self.lx
        # an organisation: drop the whole run
        if any(self.is_org(w[k]) for k in range(i, j)):
            return
        if j < len(w) and not w[j].brk and not w[j].arabic and w[j].norm in _ORG_FOLLOWERS:
            return
        # classes
        cls: list[str] = []
        k = i
        while k < j:
            x = w[k]
            if k + 1 < j and f"{x.norm} {w[k + 1].norm}" in lx["places"]:
                cls += ["place", "place"]
                k += 2
                continue
            if self.is_role(x):
                c = "role"
            elif self.is_qual(x) or self.is_place(x):
                c = "qual"
            elif x.norm in lx["stops"] or (len(x.norm) < 2 and x.norm not in _LATIN_PARTICLES):
                c = "stop"
            else:
                c = "name"
            cls.append(c)
            k += 1
        # segments of name words
        k = 0
        m = j - i
        while k < m:
            if cls[k] != "name":
                k += 1
                continue
            e = k
            while e < m and cls[e] == "name":
                e += 1
            a, b = i + k, i + e - 1  # inclusive word indexes
            while a <= b and w[a].norm in _LOWER_JOINERS and not w[a].cap:
                a += 1
            while b >= a and (w[b].norm in _LATIN_PARTICLES and (not w[b].cap or len(w[b].parts) == 1)
                              and w[b].norm not in lx["given"]):
                b -= 1
            if a <= b and b - a < 2 * _MAX_NAME_WORDS:  # longer runs are not names
                self.latin_segment(a, b, i, cls, weak)
            k = e

    def latin_segment(self, a: int, b: int, run_start: int, before: list[str],
                      weak: list[tuple[int, int, int | None]]) -> None:
        w = self.w
        # context: the role/qualifier words right before the segment in the run
        c = a
        while c > run_start and before and before[c - 1 - run_start] in ("role", "qual"):
            c -= 1
        ctx_from: int | None = c if c < a else None
        has_role = any(before[k - run_start] == "role" for k in range(c, a)) if c < a else False
        has_qual = c < a and not has_role
        if a == run_start and a > 0 and not w[a].brk:
            prev = w[a - 1]
            if not prev.arabic and (self.is_role(prev) or (prev.poss and self.is_place(prev))):
                has_role = True
                ctx_from = a - 1
        # apposition: "Ishaq Dar, Pakistan's Deputy Prime Minister"
        appos = False
        if b + 1 < len(w) and w[b + 1].comma and not w[b + 1].arabic:
            for k in range(b + 1, min(b + 6, len(w))):
                x = w[k]
                if k > b + 1 and x.brk:
                    break
                if self.is_role(x):
                    appos = True
                    break
                if not (self.is_qual(x) or self.is_place(x) or x.norm in ("the", "a", "an", "his", "her")):
                    break
        units = [x for x in w[a : b + 1] if x.norm not in _LATIN_PARTICLES or x.cap]
        multi = len(units) >= 2
        known = any(_known(p) for x in w[a : b + 1] for p in x.parts)
        particle = any(x.norm in ("bin", "ibn", "bint") or x.parts[0] in ("al", "el", "abu", "abdul", "abd")
                       for x in w[a : b + 1])
        if has_role or appos:
            self.add(a, b, ctx_from)
        elif multi and (has_qual or known or particle):
            self.add(a, b, ctx_from)
        else:
            weak.append((a, b, ctx_from))

    # -- Arabic and Persian ----------------------------------------------
    def boundary(self, k: int) -> bool:
        """True when word k cannot continue a name (or does not exist)."""
        w = self.w
        if k >= len(w) or w[k].brk or not w[k].arabic:
            return True
        x = w[k]
        return self.is_stop(x) or self.is_role(x) or self.is_qual(x) or self.is_place(x) or self.is_org(x)

    def read_name(self, j: int, seen: frozenset[str], *, need_known: bool = False) -> int | None:
        """Read an Arabic-script name forward from word j; return the last word index."""
        w = self.w
        n = len(w)
        if j >= n or not w[j].arabic:
            return None
        unknown: list[bool] = []
        k = j
        while k < n and k - j < _MAX_NAME_WORDS:
            x = w[k]
            if k > j and x.brk:
                break
            if not x.arabic:
                break
            norm = x.norm
            if norm in _AR_PARTICLES or (norm.startswith("عبد") and len(norm) > 4):
                if norm in _AR_PARTICLES and (k + 1 >= n or w[k + 1].brk or not w[k + 1].arabic):
                    break
                if norm in _AR_PARTICLES:
                    unknown += [False, False]
                    k += 2
                    continue
                unknown.append(False)
                k += 1
                continue
            if k > j and norm in _AR_SUFFIXES:
                unknown.append(False)
                k += 1
                continue
            if self.is_stop(x) or self.is_role(x) or self.is_place(x) or self.is_org(x) or self.is_qual(x):
                break
            if k > j and len(norm) > 3 and norm[0] == "و" and not (_known(norm) or norm in seen):
                break  # "X وY": a second name joined by "and"

            is_known = _known(norm) or norm in seen
            if not is_known:
                if sum(unknown) >= 2:
                    break
            unknown.append(not is_known)
            k += 1
        last = k - 1
        if last < j:
            return None
        # a trailing unknown word must be closed by a boundary
        while last >= j and unknown[last - j] and not self.boundary(last + 1):
            last -= 1
        if last < j:
            return None
        if w[last].norm in _AR_PARTICLES:
            return None
        if need_known and not (_known(w[j].norm) or w[j].norm in seen):
            return None
        if last == j and unknown[0] and not self.boundary(last + 1):
            return None
        return last

    def arabic(self, seen: frozenset[str]) -> None:
        w = self.w
        n = len(w)
        i = 0
        while i < n:
            x = w[i]
            if not x.arabic:
                i += 1
                continue
            role = self.is_role(x)
            say = not role and any(v in self.lx["says"] for v in _variants(x.norm))
            if not (role or say):
                i += 1
                continue
            j = i + 1
            while j < n and w[j].arabic and not w[j].brk and j - i < 12 and (
                self.is_role(w[j]) or self.is_place(w[j]) or self.is_qual(w[j]) or (
                    w[j].norm in ("لدي", "في") and j + 1 < n and self.is_place(w[j + 1]))
            ):
                j += 1
            if j < n and not w[j].brk and w[j].arabic:
                last = self.read_name(j, seen, need_known=say)
                if last is not None:
                    self.add(j, last, i if role else None)
                    i = last + 1
                    continue
            i = j if j > i else i + 1
        # apposition: NAME، ROLE
        for i in range(1, n):
            if not (w[i].arabic and w[i].comma and self.is_role(w[i])):
                continue
            k = i - 1
            unknown = 0
            first = None
            while k >= 0 and w[k].arabic and i - k <= 6:
                x = w[k]
                if self.is_stop(x) or self.is_role(x) or self.is_place(x) or self.is_org(x) or self.is_qual(x):
                    break
                if x.norm not in _AR_PARTICLES and x.norm not in _AR_SUFFIXES and not (
                    _known(x.norm) or x.norm in seen
                ):
                    unknown += 1
                    if unknown > 2:
                        first = None
                        break
                first = k
                if x.brk:
                    break
                k -= 1
            if first is None or w[first].norm in _AR_PARTICLES:
                continue
            ctx = None
            if first > 0 and not w[first].brk and self.is_role(w[first - 1]):
                ctx = first - 1
            self.add(first, i - 1, ctx)
        # quotes followed by بصفة
        for m in _QUOTE_SIFA_RE.finditer(self.text):
            inner = m.group(1)
            lead = len(inner) - len(inner.lstrip())
            body = inner.strip()
            if body and script_of(body) in (ARABIC, PERSIAN, LATIN):
                s = m.start(1) + lead
                first = self.word_at(s)
                last = self.word_at(s + len(body) - 1)
                if first is not None and last is not None:
                    self.add(first, last)

    def word_at(self, offset: int) -> int | None:
        """Index of the word covering a character offset (binary search)."""
        w = self.w
        lo, hi = 0, len(w) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            if w[mid].end <= offset:
                lo = mid + 1
            elif w[mid].start > offset:
                hi = mid - 1
            else:
                return mid
        return None

    # -- second pass: names already seen in the document ------------------
    def second_pass(self, weak: list[tuple[int, int, int | None]]) -> None:
        w = self.w
        accepted = list(self.found)
        # Latin: weak capitalised candidates whose units all belong to an accepted name
        lat_units: set[str] = set()
        for f in accepted:
            if not w[f.first].arabic:
                lat_units.update(_unit_cores(self.text[f.start : f.end]))
        for a, b, ctx in weak:
            cores = _unit_cores(self.text[w[a].start : w[b].end])
            if cores and cores <= lat_units:
                self.add(a, b, ctx)
        # Arabic script: names and surnames seen in the document
        names: list[list[str]] = []
        for f in accepted:
            if w[f.first].arabic:
                seq = [w[k].norm for k in range(f.first, f.last + 1)]
                seq[0] = _strip_clitic(seq[0], w[f.first].raw)
                names.append(seq)
        if not names:
            return
        anchors: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        members: dict[str, set[int]] = defaultdict(set)
        for idx, seq in enumerate(names):
            for t in seq:
                if t not in _AR_PARTICLES:
                    members[t].add(idx)
            if len(seq) >= 2 and (seq[-2] in _AR_PARTICLES or seq[-1] in _AR_SUFFIXES):
                anchor = tuple(seq[-2:])
            else:
                anchor = (seq[-1],)
            if len(anchor) == 1 and (len(anchor[0]) < 3 or anchor[0] in self.lx["given"]) and len(seq) < 2:
                continue
            if anchor not in anchors[anchor[0]]:
                anchors[anchor[0]].append(anchor)
        covered = set()
        for f in self.found:
            covered.update(range(f.first, f.last + 1))
        n = len(w)
        i = 0
        while i < n:
            x = w[i]
            if not x.arabic or i in covered:
                i += 1
                continue
            hit = None
            for v in _variants(x.norm)[:2]:
                # given names + anchor: "بدر البوسعيدي"
                if v in members:
                    k = i + 1
                    while k < n and not w[k].brk and w[k].arabic and k - i < _MAX_NAME_WORDS and (
                        (w[k].norm in members and members[w[k].norm] & members[v]) or w[k].norm in _AR_PARTICLES
                    ):
                        k += 1
                    last = k - 1
                    while last > i and w[last].norm in _AR_PARTICLES:
                        last -= 1
                    if last > i and _anchor_end(w, i, last, anchors):
                        hit = (i, last, v != x.norm)
                        break
                for an in anchors.get(v, ()):
                    if len(an) == 1:
                        hit = (i, i, v != x.norm)
                        break
                    if i + 1 < n and not w[i + 1].brk and w[i + 1].norm == an[1]:
                        hit = (i, i + 1, v != x.norm)
                        break
                if hit:
                    break
            if hit is None:
                i += 1
                continue
            a, b, clitic = hit
            start = w[a].start + (1 if clitic else 0)
            self.add(a, b, None, start=start)
            i = b + 1


def _anchor_end(w: list[_W], i: int, last: int, anchors: Mapping[str, list[tuple[str, ...]]]) -> bool:
    """True when words i..last end with an anchor (a surname seen in the document)."""
    t = w[last].norm
    for an in anchors.get(t, ()):
        if len(an) == 1:
            return True
    if last - 1 >= i:
        return any(an[1:] == (t,) for an in anchors.get(w[last - 1].norm, ()))
    return False


def _strip_clitic(norm: str, raw: str) -> str:
    if raw[:1] == "و" and len(norm) > 3 and norm[0] == "و":
        return norm[1:]
    return norm


@_short_cache(maxsize=65536)
def _unit_cores(name: str) -> frozenset[str]:
    """Cores of the name units of a name (articles removed), for partial-name matching."""
    out: set[str] = set()
    for u in parse(name).units:
        core = u.core if len(u.core) >= 2 else u.norm
        if len(core) >= 2:
            out.add(core)
    return frozenset(out)


def _doc_lang(text: str, words: list[_W]) -> str:
    persian = 0
    arabic = 0
    for x in words[:2000]:
        if x.arabic:
            arabic += 1
            if any(c in "پچژگیک" for c in x.raw):
                persian += 1
    if arabic == 0:
        return "en"
    return "fa" if persian * 8 >= arabic else "ar"


def _check_text(value: object, argument: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{argument} must be str, not {type(value).__name__}")
    return _clean_text(value)


def find_mentions(text: str, lang: str | None = None, *, nlp: Any = None) -> list[Mention]:
    """Find the person mentions in a text, in text order.

    ``lang`` (``"en"``, ``"ar"``, ``"fa"`` or None to detect) only decides whether
    an Arabic-script mention without Persian letters is labelled ``persian``;
    both the Latin and the Arabic-script rules always run, so mixed text works.
    ``nlp``, an optional spaCy ``Language``, adds its ``PERSON`` entities where
    they do not overlap a mention the rules found. Never raises on a ``str``;
    raises :class:`TypeError` for anything else.

    >>> [(m.text, m.honorific) for m in find_mentions("Oman's Sayyid Badr Albusaidi met Seyed Sattar Hashemi.")]
    [('Badr Albusaidi', 'Sayyid'), ('Sattar Hashemi', 'Seyed')]
    """
    text = _check_text(text, "text")
    if lang is not None and not isinstance(lang, str):
        raise TypeError(f"lang must be str or None, not {type(lang).__name__}")
    words = _scan(text)
    det = _Detector(text, words)
    weak = det.latin()
    det.arabic(frozenset())
    seen = frozenset(
        words[f.last].norm for f in det.found if words[f.last].arabic and f.last > f.first
    )
    if seen:
        det.found = [f for f in det.found if not words[f.first].arabic]
        det.arabic(seen)
    det.second_pass(weak)
    spans = _dedupe([(f.start, f.end, f.context, f.honorific) for f in det.found])
    if nlp is not None:
        spans = _merge_spacy(text, spans, nlp)
    doc_lang = lang if lang else _doc_lang(text, words)
    out: list[Mention] = []
    for start, end, ctx, hon in spans:
        mtext = text[start:end]
        sc = script_of(mtext)
        if sc == ARABIC and doc_lang.lower().startswith(("fa", "per")):
            sc = PERSIAN
        out.append(Mention(mtext, start, end, sc, parse(mtext), ctx, hon))
    return out


def _dedupe(spans: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """Sort spans; of overlapping ones keep the longest (then the first)."""
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    out: list[tuple[int, int, str, str]] = []
    for s in spans:
        if out and s[0] < out[-1][1]:
            if s[1] - s[0] > out[-1][1] - out[-1][0]:
                out[-1] = s
            continue
        out.append(s)
    return out


def _merge_spacy(text: str, spans: list[tuple[int, int, str, str]], nlp: Any) -> list[tuple[int, int, str, str]]:
    """Add the spaCy PERSON entities that overlap no rule-based mention."""
    doc = nlp(text)
    extra: list[tuple[int, int, str, str]] = []
    lx = _lex()
    for ent in getattr(doc, "ents", ()):
        if getattr(ent, "label_", "") not in ("PERSON", "PER"):
            continue
        s, e = int(ent.start_char), int(ent.end_char)
        words = [m for m in _WORD_RE.finditer(text, s, e)]
        ctx_end = s
        hon = ""
        k = 0
        while k < len(words) - 1 and normalize(words[k].group()) in (lx["roles"] | lx["quals"]):
            if normalize(words[k].group()) in lx["honorifics"]:
                hon = words[k].group()
            ctx_end = words[k].end()
            k += 1
        if not words:
            continue
        s = words[k].start()
        last = words[-1].group()
        e = words[-1].end() - (2 if last.endswith(_POSSESSIVE) and len(last) > 3 else 0)
        if e <= s:
            continue
        if any(s < b and a < e for a, b, _, _ in spans):
            continue
        extra.append((s, e, text[ent.start_char : ctx_end].strip() if ctx_end > ent.start_char else "", hon))
    return _dedupe(spans + extra)


# ---------------------------------------------------------------------------
# Coreference and linking
# ---------------------------------------------------------------------------


def _family(script: str) -> str:
    return "latin" if script == LATIN else "arabic"


def _chains(mentions: list[Mention]) -> list[int | None]:
    """Antecedent index of each mention (None for the fullest mention of a chain).

    Mentions are grouped by their set of unit cores first, so the work grows with
    the number of distinct names, not of mentions.
    """
    first_of: dict[tuple[str, frozenset[str]], int] = {}
    keys: list[tuple[str, frozenset[str]]] = []
    for i, m in enumerate(mentions):
        key = (_family(m.script), _unit_cores(m.text))
        keys.append(key)
        first_of.setdefault(key, i)
    by_core: dict[tuple[str, str], list[tuple[str, frozenset[str]]]] = defaultdict(list)
    for key in first_of:
        for c in key[1]:
            by_core[(key[0], c)].append(key)
    top_of: dict[tuple[str, frozenset[str]], tuple[str, frozenset[str]] | None] = {}
    for key in first_of:
        fam, cores = key
        if not cores:
            top_of[key] = None
            continue
        pivot = min(cores, key=lambda c: (len(by_core[(fam, c)]), c))
        sups = [k for k in by_core[(fam, pivot)][:200] if k != key and cores < k[1]]
        if not sups:
            top_of[key] = None
            continue
        # the longer names must form one chain: the largest contains all others
        top = max(sups, key=lambda k: (len(k[1]), -first_of[k]))
        top_of[key] = top if all(k[1] <= top[1] for k in sups) else None
    ante: list[int | None] = []
    for i, key in enumerate(keys):
        top = top_of[key]
        if top is not None:
            ante.append(first_of[top])
        else:
            ante.append(None if first_of[key] == i else first_of[key])
    return ante


def link(text: str, registry: Registry | None = None, *, lang: str | None = None,
         nlp: Any = None, _memo: dict[str, Any] | None = None) -> list[LinkedMention]:
    """Find the person mentions of a text, link partial mentions to the full one
    they abbreviate, and resolve each chain against ``registry``.

    Each chain (a full mention and its partial mentions) is matched once, with
    :meth:`Registry.match` on its fullest form; every mention of the chain gets
    that person and score.
    """
    text = _check_text(text, "text")
    if registry is not None and not isinstance(registry, Registry):
        raise TypeError(f"registry must be a Registry or None, not {type(registry).__name__}")
    mentions = find_mentions(text, lang, nlp=nlp)
    ante = _chains(mentions)
    people: dict[int, tuple[Person | None, float]] = {}
    out: list[LinkedMention] = []
    for i, m in enumerate(mentions):
        root = i if ante[i] is None else ante[i]
        assert root is not None
        if registry is not None and root not in people:
            form = _cluster_form(mentions[root].text)
            if _memo is not None and form in _memo:
                cand = _memo[form]
            else:
                cand = _match(registry, [form])
                if _memo is not None:
                    _memo[form] = cand
            people[root] = (cand.person, cand.score) if cand is not None else (None, 0.0)
        person, score = people.get(root, (None, 0.0))
        out.append(LinkedMention(m, person, score, ante[i]))
    return out


def _match(registry: Registry, forms: Iterable[str]) -> Any:
    for form in forms:
        cand = registry.match(form)
        if cand is not None and _corroborated(form, cand.alias, registry):
            return cand
    return None


def _corroborated(form: str, alias: str, registry: Registry) -> bool:
    """A registry match of a name of two or more units must agree on two units.

    Guards against a common given name carrying a match ("Mohammad Kazem Al-e
    Sadegh" is not "Mohammed bin Salman" however the overall score comes out).
    """
    mine = [u.text for u in parse(form).units]
    theirs = [u.text for u in parse(alias).units]
    need = min(2, len(mine), len(theirs))
    if need <= 1:
        return True
    scorer = getattr(registry, "scorer", None)
    thr = getattr(scorer, "threshold", 0.7)
    agree = 0
    for u in mine:
        if any(_unit_score(scorer, u, t) >= thr for t in theirs):
            agree += 1
            if agree >= need:
                return True
    return False


def _unit_score(scorer: Any, a: str, b: str) -> float:
    if normalize(a) == normalize(b):
        return 1.0
    if scorer is None:
        return 0.0
    return float(scorer.score(a, b))


# ---------------------------------------------------------------------------
# Cross-document resolution
# ---------------------------------------------------------------------------


def resolve_documents(docs: Mapping[str, str], registry: Registry | None = None, *,
                      threshold: float | None = None) -> list[Entity]:
    """Group the person mentions of many documents into entities.

    ``docs`` maps a document id to its text; documents are read in sorted id
    order so the result does not depend on the mapping's order. A mention chain
    whose fullest form matches a registry person joins that person's entity;
    the other chains are clustered by name (across documents and scripts) with
    :func:`namematch.cluster.cluster_records`, ``threshold`` passed on.
    Entities come registry persons first, then new persons, each group in the
    order of first mention.
    """
    if not isinstance(docs, Mapping):
        raise TypeError(f"docs must be a mapping of document id to text, not {type(docs).__name__}")
    if registry is not None and not isinstance(registry, Registry):
        raise TypeError(f"registry must be a Registry or None, not {type(registry).__name__}")
    # chain key -> mentions
    chains: dict[str, list[EntityMention]] = {}
    chain_rep: dict[str, str] = {}
    chain_person: dict[str, Person] = {}
    order: list[str] = []
    memo: dict[str, Any] = {}  # registry matches of repeated full forms
    for doc_id in sorted(docs, key=str):
        text = docs[doc_id]
        if not isinstance(text, str):
            raise TypeError(f"docs[{doc_id!r}] must be str, not {type(text).__name__}")
        linked = link(text, registry, _memo=memo)
        for i, lm in enumerate(linked):
            root = i if lm.antecedent is None else lm.antecedent
            key = f"{doc_id}\x00{root}"
            if key not in chains:
                chains[key] = []
                order.append(key)
                chain_rep[key] = linked[root].text
                if lm.person is not None:
                    chain_person[key] = lm.person
            m = lm.mention
            chains[key].append(EntityMention(str(doc_id), m.text, m.start, m.end, m.script,
                                             m.context, m.honorific))
    groups: list[tuple[Person | None, list[str]]] = []
    by_person: dict[str, int] = {}
    rest: list[str] = []
    for key in order:
        p = chain_person.get(key)
        if p is None:
            rest.append(key)
        elif p.id in by_person:
            groups[by_person[p.id]][1].append(key)
        else:
            by_person[p.id] = len(groups)
            groups.append((p, [key]))
    if rest:
        for g in cluster_records([(k, _cluster_form(chain_rep[k])) for k in rest], threshold):
            groups.append((None, list(g)))
    entities: list[Entity] = []
    for person, keys in groups:
        mentions = tuple(m for k in keys for m in chains[k])
        entities.append(Entity(mentions, person, _entity_name(person, [chain_rep[k] for k in keys])))
    return entities


_SPLIT_SUFFIX_RE: Final = re.compile(r"(?<=[\u0600-\u06ff])\s+(?=[آا]باد[يی](?![\u0600-\u06ff]))")


def _cluster_form(name: str) -> str:
    """A name with Persian surname suffixes written apart glued back (غريب آبادي → غريب‌آبادي)."""
    return _SPLIT_SUFFIX_RE.sub("\u200c", name)


def _entity_name(person: Person | None, reps: list[str]) -> str:
    if person is not None:
        return person.name
    latin = [r for r in reps if script_of(r) == LATIN]
    if latin:
        counts = Counter(latin)
        return max(counts, key=lambda r: (len(_unit_cores(r)), counts[r], -latin.index(r)))
    best = max(reps, key=lambda r: (len(_unit_cores(r)), -reps.index(r)))
    try:
        return romanize(best)
    except Exception:
        return best


def _main(argv: list[str] | None = None) -> int:  # pragma: no cover - debugging aid
    for path in argv or sys.argv[1:]:
        with open(path, encoding="utf-8") as fh:
            for lm in link(fh.read()):
                print(f"{lm.start}\t{lm.end}\t{lm.text}\t{lm.antecedent}\t{lm.mention.context}")
    return 0



