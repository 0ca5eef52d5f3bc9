"""Name parsing: tokens grouped into name units with roles (second stage).

A :class:`ParsedName` holds the units of a name in source order. Compounds are
one unit: ``Abdul Mohsen`` = ``Abd al-Muhsin`` = ``Abdulmohsen`` = ``عبد المحسن``;
``Abu Mahdi``; ``Nur al-Din``; ``Ahmadi Nejad``; the article is glued to its
word (``Al-Yasiri`` = ``al Yasiri`` = ``Alyasiri``). Honorifics and titles
before a name, lineage particles (``bin``, ``ibn``, ``بن``) and initials are
marked so the scorer can weigh them.

Name structure is decided here, once, and carried on each unit: the article
(``article``; glued to a nisba, ``Alyasiri`` = ``al-Yasiri``), a compound's head (``head``: ``"abd"`` for Abd X, ``"abu"`` and ``"umm"`` for a kunya Abu X,
Umm X, ``"bin"`` for a nasab written as one word, ``BINLADIN``) and its tail (``tail``:
``"din"`` for X ud-Din, ``"allah"`` for X Allah, ``"zada"`` for X Zada). Later
stages read these fields instead of deciding them again (the spellings of heads, tails and
articles: ``namematch._morphology``, decision 0013). (Whether "Alsayed" is
al-Sayed depends on the lexicon listing Sayed, which is built from parses: the scorer
decides that one where it reads the lexicon.)

>>> p = parse("Sayyid Sattar Hashemi")
>>> [(t.text, t.role) for t in p.tokens]
[('Sayyid', 'honorific'), ('Sattar', 'given'), ('Hashemi', 'family')]
>>> parse("Abdul Mohsen").units[0].norm == parse("Abdulmohsen").units[0].norm
True
>>> [(t.text, t.role) for t in parse("AL-ZOMOR, Abboud Abdul Latif").tokens]
[('AL-ZOMOR', 'family'), ('Abboud', 'given'), ('Abdul Latif', 'given')]
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Final, TypeVar

import attrs

from namematch import _morphology as morph
from namematch._checks import check_str
from namematch._data import data_lines, data_table
from namematch._text import ASCII_RUN, CACHE_MAX_LEN, Word, short_cache, tokens
from namematch.normalize import (
    ARABIC,
    LATIN,
    PERSIAN,
    normalize,
)

__all__ = [
    "FAMILY",
    "GIVEN",
    "HONORIFIC",
    "INITIAL",
    "PARTICLE",
    "TITLE",
    "NameToken",
    "ParsedName",
    "parse",
]

HONORIFIC: Final = "honorific"
TITLE: Final = "title"
PARTICLE: Final = "particle"
GIVEN: Final = "given"
FAMILY: Final = "family"
INITIAL: Final = "initial"
NAME_ROLES: Final = frozenset({GIVEN, FAMILY, INITIAL})
#: Scripts whose one-letter words are initials: a Latin letter ("S."), and an Arabic or Persian one
#: ("س.", as Arabic abbreviates a name), which is no word of a name in those scripts either.
_INITIAL_SCRIPTS: Final = frozenset({LATIN, ARABIC, PERSIAN})

#: Hard cap on tokens considered per name: longer inputs are truncated (documented bound).
MAX_TOKENS: Final = 64

#: A unit type: NameToken or the parser's _Part.
_U = TypeVar("_U", "NameToken", "_Part")

_ARTICLE_AR: Final = morph.ARTICLE_AR


@attrs.frozen(slots=True)
class NameToken:
    """One unit of a parsed name.

    ``text`` is exactly ``source[start:end]`` (a compound unit spans several
    words); ``norm`` is the canonical normalised form of the whole unit and
    ``core`` the same without the article (``al``/``ال``/``آل``).
    """

    text: str
    norm: str
    core: str
    script: str
    start: int
    end: int
    role: str
    #: the article carried by the unit: "al" (Latin), "ال", "آل" or "".
    article: str = ""
    #: True when a lineage particle (bin, ibn, بن) stands right before the unit.
    lineage: bool = False
    #: canonical form of an honorific or title ("sayyid", "minister"), else "".
    canonical: str = ""
    #: True when look-alike letters from another script were folded.
    homoglyphs: bool = False
    #: a compound's head: "abd" (Abd X, عبد X), "abu" and "umm" (a kunya, Abu X, Umm X), "bin" (a nasab
    #: written as one word: Binalshibh), else "".
    head: str = ""
    #: a compound's tail: "din" (X ud-Din), "allah" (X Allah), "zada" (X Zada), else "".
    tail: str = ""

    @property
    def is_name(self) -> bool:
        """True for given names, family names and initials."""
        return self.role in NAME_ROLES



class _Part:
    """A name unit while a name is parsed: the fields of :class:`NameToken` in a
    plain slotted class (a frozen attrs instance is several times slower to make).
    Private to one parse, so a role is changed in place (:meth:`retag`)."""

    __slots__ = ("article", "canonical", "core", "end", "head", "homoglyphs", "lineage", "norm", "role", "script",
                 "start", "tail", "text")  # fmt: skip

    def __init__(
        self,
        text: str,
        norm: str,
        core: str,
        script: str,
        start: int,
        end: int,
        role: str,
        article: str = "",
        lineage: bool = False,
        canonical: str = "",
        homoglyphs: bool = False,
        head: str = "",
        tail: str = "",
    ) -> None:
        self.text = text
        self.norm = norm
        self.core = core
        self.script = script
        self.start = start
        self.end = end
        self.role = role
        self.article = article
        self.lineage = lineage
        self.canonical = canonical
        self.homoglyphs = homoglyphs
        self.head = head
        self.tail = tail

    @property
    def is_name(self) -> bool:
        """True for given names, family names and initials."""
        return self.role in NAME_ROLES

    def retag(self, role: str, canonical: str | None = None) -> _Part:
        """Give the unit another role (and canonical form); returns the unit."""
        self.role = role
        if canonical is not None:
            self.canonical = canonical
        return self

    def public(self) -> NameToken:
        """The unit as the :class:`NameToken` that :func:`parse` returns."""
        return NameToken(
            self.text, self.norm, self.core, self.script, self.start, self.end, self.role, self.article,
            self.lineage, self.canonical, self.homoglyphs, self.head, self.tail,
        )  # fmt: skip


def _in_name_order(units: Sequence[_U], family_first: bool) -> list[_U]:
    """The name units (given, family, initial) of a parse's units, in name order:
    for "Family, Given" input the given part first (the order the name is spoken in)."""
    names = [u for u in units if u.role in NAME_ROLES]
    if family_first:
        return [u for u in names if u.role != FAMILY] + [u for u in names if u.role == FAMILY]
    return names


@attrs.frozen(slots=True)
class ParsedName:
    """The parse of one name string: its units in source order."""

    source: str
    tokens: tuple[NameToken, ...]
    #: True when the name was written "Family, Given" (sanctions-list style).
    family_first: bool = False

    @property
    def units(self) -> tuple[NameToken, ...]:
        """Name units (given, family, initial) in name order: given names first.

        For "Family, Given" input the given part comes first, so the order is the
        one the name is spoken in.
        """
        return tuple(_in_name_order(self.tokens, self.family_first))

    @property
    def given(self) -> tuple[NameToken, ...]:
        return tuple(t for t in self.units if t.role == GIVEN)

    @property
    def family(self) -> tuple[NameToken, ...]:
        return tuple(t for t in self.units if t.role == FAMILY)

    @property
    def honorifics(self) -> tuple[NameToken, ...]:
        return tuple(t for t in self.tokens if t.role == HONORIFIC)

    @property
    def titles(self) -> tuple[NameToken, ...]:
        return tuple(t for t in self.tokens if t.role == TITLE)

    @property
    def script(self) -> str:
        """Script of the name units: the first Arabic-script one wins, else Latin/other."""
        scripts = {t.script for t in self.units}
        if PERSIAN in scripts:
            return PERSIAN
        if ARABIC in scripts:
            return ARABIC
        if LATIN in scripts:
            return LATIN
        return next(iter(scripts), "none")

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict of the parse."""
        return {
            "source": self.source,
            "family_first": self.family_first,
            "tokens": [attrs.asdict(t) for t in self.tokens],
        }


# Lexicons -------------------------------------------------------------------


def _normalized_table(filename: str) -> dict[str, str]:
    return {normalize(k): v for k, v in data_table(filename).items() if normalize(k)}


@lru_cache(maxsize=1)
def _lexicons() -> tuple[dict[str, str], dict[str, str], dict[str, str], frozenset[str], frozenset[str]]:
    """(honorifics, titles, particles, article exceptions, honorifics read between names)."""
    honorific_rows = {k: v.split("\t") for k, v in _normalized_table("honorifics.tsv").items()}
    honorifics = {k: cells[0].strip() for k, cells in honorific_rows.items()}
    inner = frozenset(k for k, cells in honorific_rows.items() if "inner" in (c.strip() for c in cells[1:]))
    titles = _normalized_table("titles.tsv")
    particles = dict(morph.particle_kinds())
    exceptions = frozenset(normalize(w) for w in data_lines("article_exceptions.txt"))
    return honorifics, titles, particles, exceptions, inner


def is_honorific(form: str) -> bool:
    """Whether a normalised word is one of ``data/honorifics.tsv`` (Qari, Maulana, Haji, Daw…),
    as the parser reads them: scoring asks it of a unit the parser kept as a name."""
    return form in _lexicons()[0]


def cleric_honorifics() -> frozenset[str]:
    """The normalised forms of a cleric's honorific (Qari, Mullah, Maulana, Mufti: the "inner"
    rows of ``data/honorifics.tsv``, which lists also write between a person's names)."""
    return _lexicons()[4]


_ARTICLE_WORDS: Final = frozenset({"al", "el", "ad", "ud", "ed", "ul", "الدين"})
_HE_RE: Final = re.compile(r"\s*H\s*\.\s*E\s*\.", re.IGNORECASE)


#: Letters only Persian writes: a word with ال before one is no Arabic word with the article
#: (الژاس, Olzhas; الگا, Olga).
_PERSIAN_ONLY_LETTERS: Final = frozenset("پچژگ")


def _article_core(norm: str, script: str, exceptions: frozenset[str]) -> tuple[str, str]:
    """(article, core) for a single word (its normalised form and script)."""
    if script in (ARABIC, PERSIAN):
        if (norm.startswith(_ARTICLE_AR) and len(norm) >= 4 and norm not in exceptions
                and norm[2] not in _PERSIAN_ONLY_LETTERS):  # (no Arabic article before پ چ ژ گ: الژاس, Olzhas)
            return _ARTICLE_AR, norm[2:]
        return "", norm
    if script == LATIN:
        return morph.latin_nisba_article(norm)
    return "", norm


def _plain_word(norm: str, script: str) -> tuple[str, str, str, str, str]:
    """(article, core, canonical form, head, tail) of a word that is not part of a
    compound written apart: it depends on the word alone, and words repeat across
    names (cached; the cache keys hold strings only, so the garbage collector stops
    tracking them)."""
    exceptions = _lexicons()[3]
    if script in (ARABIC, PERSIAN):
        article, core = _article_core(norm, script, exceptions)
        return (article, core, norm, *morph.arabic_structure(core))
    glued = morph.glued_abd(norm) if script == LATIN else None
    if glued:
        return "", glued, glued, morph.ABD, _abd_tail(glued)
    article, core = _article_core(norm, script, exceptions)
    head, tail = morph.latin_structure(core) if script == LATIN else ("", "")
    return article, core, ("al" + core) if article else norm, head, tail


#: :func:`_plain_word` cached, for words of at most ``CACHE_MAX_LEN`` letters (the parser
#: calls it directly: once per word of every name parsed).
_plain_word_cached = lru_cache(maxsize=65536)(_plain_word)


#: A unit form of an "X Allah" compound ends so (Arabic script, Latin).
_ALLAH_FORMS: Final = (morph.arabic_form(morph.ALLAH), morph.canonical(morph.ALLAH))
#: Family-name suffixes that are prefixes too ("son of": زارع پور, Zarepour; پور محمدی, Pourmohammadi):
#: written apart between a lone given name and another word, the prefix of that word.
_PREFIX_SUFFIXES: Final = frozenset({"پور", "pour", "pur"})


def _abd_tail(canon: str) -> str:
    """The tail of a Latin "Abd X" unit form: "din" or "zada" ("Abd Allah" is no "X Allah")."""
    tail = morph.latin_tail(canon)
    return "" if tail == morph.ALLAH else tail


class _Builder:
    """Turns the tokens of one comma-separated part into name units."""

    def __init__(
        self, source: str, lex: tuple[dict[str, str], ...], exceptions: frozenset[str], inner: frozenset[str]
    ):
        self.source = source
        self.honorifics, self.titles, self.particles = lex
        self.exceptions = exceptions
        self.inner = inner

    def unit(
        self,
        toks: list[Word],
        norm: str,
        core: str,
        role: str,
        *,
        article: str = "",
        lineage: bool = False,
        canonical: str = "",
        head: str = "",
        tail: str = "",
    ) -> _Part:
        first = toks[0]
        start, end = first.start, toks[-1].end
        if len(toks) == 1:  # most units: one word
            script, homoglyphs = first.script, first.homoglyphs
        else:
            scripts = [t.script for t in toks]
            script = PERSIAN if PERSIAN in scripts else scripts[-1]
            homoglyphs = any(t.homoglyphs for t in toks)
        return _Part(
            self.source[start:end], norm, core, script, start, end, role, article, lineage, canonical, homoglyphs,
            head, tail,
        )  # fmt: skip

    def word(
        self, tok: Word, norm: str, core: str, role: str, article: str, lineage: bool, head: str, tail: str
    ) -> _Part:
        """A unit of one word: :meth:`unit` of ``[tok]`` (the common case, made directly)."""
        start, end = tok.start, tok.end
        return _Part(
            self.source[start:end], norm, core, tok.script, start, end, role, article, lineage, "", tok.homoglyphs,
            head, tail,
        )  # fmt: skip

    def part(self, toks: list[Word]) -> list[_Part]:
        out: list[_Part] = []
        i = 0
        n = len(toks)
        # leading honorifics and titles, while a name word still follows
        while i < n - 1:
            norm = toks[i].norm
            if i + 1 < n - 1 and norm == "h" and toks[i + 1].norm == "e":
                if _HE_RE.match(self.source, toks[i].start):
                    out.append(self.unit(toks[i : i + 2], "he", "he", HONORIFIC, canonical="he"))
                    i += 2
                    continue
            joined = norm + toks[i + 1].norm if i + 2 < n else ""
            if joined in self.honorifics or joined in self.titles:
                # a two-word honorific or title written apart: آية الله, حجة الإسلام, رئيس الوزراء
                role, table = (HONORIFIC, self.honorifics) if joined in self.honorifics else (TITLE, self.titles)
                out.append(self.unit(toks[i : i + 2], joined, joined, role, canonical=table[joined]))
                i += 2
                continue
            if self.particles.get(toks[i + 1].norm) == "suffix":
                break  # an honorific before a family-name suffix is the family name's word (حاجی زاده, Sheikh Zadeh)
            if norm in self.honorifics:
                out.append(self.unit([toks[i]], norm, norm, HONORIFIC, canonical=self.honorifics[norm]))
            elif norm in self.titles:
                out.append(self.unit([toks[i]], norm, norm, TITLE, canonical=self.titles[norm]))
            else:
                break
            i += 1
        lineage_next = False
        particles = self.particles
        source = self.source
        while i < n:
            tok = toks[i]
            norm = tok.norm
            kind = particles.get(norm, "")
            if not kind:  # a plain word (most words): made here directly
                script = tok.script
                start, end = tok.start, tok.end
                article, core, canon, head, tail = (
                    _plain_word_cached(norm, script) if len(norm) <= CACHE_MAX_LEN else _plain_word(norm, script)
                )
                out.append(_Part(
                    source[start:end], canon, core, script, start, end,
                    INITIAL if (len(norm) == 1 and script in _INITIAL_SCRIPTS) else GIVEN, article, lineage_next, "",
                    tok.homoglyphs, head, tail,
                ))  # fmt: skip
                lineage_next = False
                i += 1
                continue
            nxt = toks[i + 1] if i + 1 < n else None
            is_ar = tok.script in (ARABIC, PERSIAN)
            if kind:  # a particle, an article or a compound's head
                if kind == "lineage" and nxt is not None and out and any(u.is_name for u in out):
                    out.append(self.unit([tok], norm, norm, PARTICLE, canonical="bin"))
                    lineage_next = True
                    i += 1
                    continue
                if kind == "abd-name" and nxt is not None and _abd_follows(nxt.norm, self.particles):
                    kind = "abd"  # Abed al-Rahman; before any other word Abed is a name (عابد)
                if kind == "abd" and nxt is not None:
                    used = [tok]
                    j = i + 1
                    if not is_ar and toks[j].norm in ("al", "el", "ul", "ol") and j + 1 < n:
                        used.append(toks[j])
                        j += 1
                    elif not is_ar and morph.sun_consonant(toks[j].norm) and j + 1 < n and toks[j + 1].norm.startswith(
                        morph.sun_consonant(toks[j].norm)
                    ):
                        used.append(toks[j])
                        j += 1
                    last = toks[j]
                    used.append(last)
                    if is_ar:
                        canon = norm + last.norm
                    else:
                        rest = last.norm
                        if len(used) == 2 and rest.startswith(("al", "el")) and len(rest) >= 5:
                            rest = rest[2:]
                        canon = morph.canonical(morph.ABD) + rest
                    tail = morph.arabic_structure(canon)[1] if is_ar else _abd_tail(canon)
                    out.append(self.unit(used, canon, canon, GIVEN, lineage=lineage_next, head=morph.ABD, tail=tail))
                    lineage_next = False
                    i = j + 1
                    continue
                if kind == "kunya" and nxt is not None and self.particles.get(nxt.norm) not in ("lineage",):
                    used = [tok]
                    j = i + 1
                    if not is_ar and toks[j].norm in ("al", "el") and j + 1 < n:
                        used.append(toks[j])
                        j += 1
                    last = toks[j]
                    used.append(last)
                    _, core = _article_core(last.norm, last.script, self.exceptions)
                    kunya = morph.UMM if norm in ("ام", "um", "umm") else morph.ABU  # mother of, father of
                    lead = (morph.arabic_form(kunya) if is_ar else morph.canonical(kunya))
                    canon = lead + (last.norm if is_ar else core)
                    out.append(self.unit(used, canon, canon, GIVEN, lineage=lineage_next, head=kunya))
                    lineage_next = False
                    i = j + 1
                    continue
                if kind in ("article", "sun", "family") and nxt is not None and self.particles.get(nxt.norm, "") not in (
                    "lineage",
                    "din",
                ):
                    if kind == "sun" and not (
                        morph.sun_consonant(norm) and nxt.norm.startswith(morph.sun_consonant(norm)) and not is_ar
                    ):
                        pass  # not an assimilated article: falls through to a plain word
                    elif norm in ("al", "aal") and nxt.norm == "e" and i + 2 < n:
                        # Persian "Al-e X" (آل X, "family of X")
                        last = toks[i + 2]
                        out.append(self.unit([tok, nxt, last], "al" + last.norm, last.norm, GIVEN, article="al",
                                             lineage=lineage_next))
                        lineage_next = False
                        i += 3
                        continue
                    else:
                        article = "آل" if kind == "family" else ("ال" if is_ar else "al")
                        _, core = _article_core(nxt.norm, nxt.script, self.exceptions)
                        core = nxt.norm if kind != "family" and not is_ar else core
                        if is_ar and kind == "article":
                            core = nxt.norm
                        canon = (article + core) if is_ar else ("al" + core)
                        out.append(
                            self.unit([tok, nxt], canon, core, GIVEN, article=article, lineage=lineage_next)
                        )
                        lineage_next = False
                        i += 2
                        continue
                if kind == "allah" and out and out[-1].is_name and not out[-1].norm.endswith(_ALLAH_FORMS):
                    prev = out.pop()
                    canon = prev.core + _ALLAH_FORMS[0 if is_ar else 1]
                    out.append(self.unit([_as_token(prev), tok], canon, canon, GIVEN, lineage=prev.lineage,
                                         head=prev.head, tail="" if prev.head == morph.ABD else morph.ALLAH))
                    i += 1
                    continue
                if (kind == "suffix" and norm in _PREFIX_SUFFIXES and nxt is not None and not particles.get(nxt.norm)
                        and sum(u.is_name for u in out) == 1 and out[-1].is_name):
                    # پور written apart between a given name and a word: the prefix of the family name
                    # (حمید پور محمدی = Hamid Pourmohammadi), not the suffix of the given name
                    canon = norm + nxt.norm
                    out.append(self.unit([tok, nxt], canon, canon, GIVEN, lineage=lineage_next))
                    lineage_next = False
                    i += 2
                    continue
                if kind in ("din", "suffix") and out and out[-1].is_name:
                    prev = out.pop()
                    if kind == "din" and prev.norm in _ARTICLE_WORDS and out and out[-1].is_name:
                        prev = out.pop()  # "Nur al-Din": the article belongs to "Din"
                        tok = Word(self.source[prev.end : tok.end].strip(), norm, prev.end, tok.end, tok.script)
                    glue = morph.canonical(morph.DIN) if kind == "din" and not is_ar else norm
                    canon = prev.core + glue
                    tail = morph.DIN if kind == "din" else (morph.ZADA if norm.startswith(("zad", "زاد")) else "")
                    out.append(self.unit([_as_token(prev), tok], canon, canon, GIVEN, lineage=prev.lineage,
                                         head=prev.head, tail=tail))
                    i += 1
                    continue
            # a particle word read as a plain word
            article, core, canon, head, tail = _plain_word_cached(norm, tok.script)
            role = INITIAL if (tok.script in _INITIAL_SCRIPTS and len(norm) == 1) else GIVEN
            if kind == "lineage" and (nxt is None or not out):
                role = PARTICLE
            if kind in ("abd", "kunya", "article") and nxt is None and out:
                role = PARTICLE
            out.append(self.word(tok, canon, core, role, article, lineage_next, head, tail))
            lineage_next = False
            i += 1
        return _inner_honorifics(_merge_din(out, self), self)


def _abd_follows(norm: str, particles: dict[str, str]) -> bool:
    """Whether a word after a head that is also a given name (``abd-name``: Abed) makes it the
    head of an Abd compound: the article (apart, assimilated or glued: Abed al-Rahman, Abed
    ar-Rahman, Abed Elrahman) or the divine name (Abed Allah)."""
    return particles.get(norm) in ("article", "sun", "allah") or (len(norm) >= 5 and norm.startswith(("al", "el")))


def _as_token(unit: _Part) -> Word:
    return Word(unit.text, unit.norm, unit.start, unit.end, unit.script, unit.homoglyphs)


def _merge_din(units: list[_Part], builder: _Builder) -> list[_Part]:
    """Glue "al-Din"/"الدين" units (the article made them separate) onto the unit before."""
    for u in units:
        if u.article:
            break
    else:
        return units  # no unit with the article (most names): nothing to glue
    out: list[_Part] = []
    for u in units:
        if u.article and out and out[-1].is_name and u.is_name and builder.particles.get(u.core) == "din":
            prev = out.pop()
            glue = morph.arabic_form(morph.DIN) if u.script in (ARABIC, PERSIAN) else morph.canonical(morph.DIN)
            canon = prev.norm + glue
            out.append(
                builder.unit([_as_token(prev), _as_token(u)], canon, canon, GIVEN, lineage=prev.lineage,
                             head=prev.head, tail=morph.DIN)
            )
            continue
        out.append(u)
    return out


def _inner_honorifics(units: list[_Part], builder: _Builder) -> list[_Part]:
    """Mark (in place) a religious or pilgrim's honorific written between two name words
    (``Karim Mullah Fadel``, ``Samir Haji Nouri``: the "inner" rows of ``honorifics.tsv``) as
    the honorific it is where it leads a name. Not a last word: Sheikh, Haji and Mulla are
    also family names."""
    if len(units) < 3 or not builder.inner:
        return units
    for k in range(1, len(units) - 1):
        u = units[k]
        if (
            u.role == GIVEN and not u.lineage and not u.head and not u.tail and u.norm in builder.inner
            and units[k - 1].is_name and any(v.is_name for v in units[k + 1 :])
        ):  # fmt: skip
            u.retag(HONORIFIC, builder.honorifics[u.norm])
    return units


def _split_parts(source: str, toks: Sequence[Word]) -> list[list[Word]]:
    """The tokens of each comma- or semicolon-separated part of a name."""
    if "," not in source and "،" not in source and ";" not in source and "؛" not in source:
        return [list(toks)] if toks else []  # most names: one part
    cuts = [0, *_part_starts(source, [(t.start, t.end) for t in toks]), len(toks)]
    return [list(toks[lo:hi]) for lo, hi in itertools.pairwise(cuts) if hi > lo]


#: What separates the parts of a name ("Family, Given").
_SEPARATOR: Final = re.compile("[,،;؛]")


def _part_starts(source: str, spans: Sequence[tuple[int, int]]) -> list[int]:
    """The indices of the tokens (``(start, end)`` in ``source``, in order) that begin a new
    part of a name: those a separator (:data:`_SEPARATOR`) stands before, after the token
    before them."""
    seps = [m.start() for m in _SEPARATOR.finditer(source)]
    starts: list[int] = []
    k, n_seps, prev_end = 0, len(seps), 0
    for t, (start, end) in enumerate(spans):
        while k < n_seps and seps[k] < prev_end:
            k += 1
        if t and k < n_seps and seps[k] < start:
            starts.append(t)
        prev_end = end
    return starts


def _is_caps(unit: _Part) -> bool:
    """A Latin unit written in capitals (two letters or more): "AL-ZOMOR"."""
    text = unit.text
    if unit.script != LATIN or (text.isascii() and not text.isupper()):
        return False  # an ASCII text with a lower-case letter (or none) is not
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


def _assign_roles(parts: list[list[_Part]]) -> tuple[list[_Part], bool]:
    """The units of all parts in source order, family names marked (in place), and
    whether the name is written "Family, Given" (two parts that both hold names)."""
    if len(parts) >= 2 and _has_given(parts[0]) and _has_given(parts[1]):
        for u in parts[0]:
            if u.role == GIVEN:  # the given names after the comma keep their role
                u.retag(FAMILY)
        return [u for part in parts for u in part], True
    units = parts[0] if len(parts) == 1 else [u for part in parts for u in part]
    for u in _family_units(units):
        u.retag(FAMILY)
    return units, False


def _has_given(units: list[_Part]) -> bool:
    """Whether any unit is a given or family name."""
    for u in units:
        if u.role == GIVEN or u.role == FAMILY:
            return True
    return False


def _family_indices(
    roles: Sequence[str], caps: Sequence[bool], article: Sequence[bool], lineage: Sequence[bool] | None = None,
    latin: Sequence[bool] | None = None,
) -> list[int]:
    """The positions of the family name among the units of a name written in one part, given
    each unit's role, whether it is a Latin unit written in capitals (:func:`_is_caps`), has
    the article, follows a lineage particle and is in Latin script (None: no unit follows a
    particle; every unit is Latin): the capitals where some but not all name words are
    (in a name with Latin words), else the last name word (not one after bin), else a lone
    name word with the article. The parser (:func:`_family_units`) and the plain-ASCII reading
    (:func:`_plain_ascii_fields`) both decide by it."""
    names = [k for k, role in enumerate(roles) if role == GIVEN or role == FAMILY]
    if len(names) == 1 and INITIAL in roles:
        names = [k for k, role in enumerate(roles) if role in NAME_ROLES]  # "S. Hashemi": the last word is the family name
    capitals = [k for k in names if caps[k]]
    if capitals and len(capitals) < len(names) and (latin is None or any(latin[k] for k in names)):
        return capitals
    if len(names) >= 2:
        last = names[-1]
        return [] if (lineage is not None and lineage[last] and not article[last]) else [last]
    if len(names) == 1 and article[names[0]]:
        return names
    return []


def _family_units(units: list[_Part]) -> list[_Part]:
    """The units of a name written in one part that are its family name (:func:`_family_indices`)."""
    family = _family_indices(
        [u.role for u in units], [u.role in NAME_ROLES and _is_caps(u) for u in units],
        [bool(u.article) for u in units], [u.lineage for u in units], [u.script == LATIN for u in units],
    )  # fmt: skip
    return [units[k] for k in family]


def _has_name(units: list[_Part]) -> bool:
    """Whether any unit is a name unit (given, family, initial)."""
    for u in units:
        if u.role in NAME_ROLES:
            return True
    return False


#: Arabic-script letters that do not join the letter after them: a word may follow them with
#: no space and still look apart (محمدعبد for محمد عبد).
_NON_JOINING: Final = frozenset("اأإآدذرزژوؤ")
_ABD_AR: Final = morph.arabic_form(morph.ABD)


def _split_glued_abd(toks: Sequence[Word]) -> list[Word]:
    """The tokens of a name with a glued "عبد" set apart: an Arabic-script word ending in عبد
    after three letters or more, the last of them one that does not join (محمدعبد البصير is
    محمد عبد البصير), when another word follows for the compound."""
    out: list[Word] = []
    last = len(toks) - 1
    for k, t in enumerate(toks):
        norm, text = t.norm, t.text
        if (
            k < last and len(norm) >= 6 and norm.endswith(_ABD_AR) and norm[-4] in _NON_JOINING
            and text.endswith(_ABD_AR) and t.script in (ARABIC, PERSIAN)
        ):  # fmt: skip
            cut = t.start + len(text) - len(_ABD_AR)
            out.append(Word(text[: -len(_ABD_AR)], norm[: -len(_ABD_AR)], t.start, cut, t.script, t.homoglyphs))
            out.append(Word(_ABD_AR, _ABD_AR, cut, t.end, t.script, t.homoglyphs))
        else:
            out.append(t)
    return out


def _parse_parts(name: str) -> tuple[list[_Part], bool]:
    """The units of a name in source order, and whether it is written "Family, Given"."""
    toks: Sequence[Word] = tokens(name, Word)[:MAX_TOKENS]  # what is made of the tokens is cached, the tokens need not be
    if _ABD_AR in name:
        toks = tuple(_split_glued_abd(toks))
    lex = _lexicons()
    builder = _Builder(name, lex[:3], lex[3], lex[4])
    parts = [builder.part(p) for p in _split_parts(name, toks)]
    units, family_first = _assign_roles(parts)
    # honorific-only input: a lone "Sayed" or "Sheikh" is a name, not a title
    if units and not _has_name(units):
        for u in units:
            if u.role in (HONORIFIC, TITLE):
                u.retag(GIVEN, "")
        if sum(u.role == GIVEN for u in units) >= 2:
            units[-1].retag(FAMILY)
    return units, family_first


@short_cache(maxsize=65536)
def _parse_cached(name: str) -> ParsedName:
    units, family_first = _parse_parts(name)
    return ParsedName(name, tuple([u.public() for u in units]), family_first)


#: What the scorer and the key functions read of one name unit: text, norm, core,
#: script, role, lineage, homoglyphs, article, head, tail (see :class:`NameToken`).
UnitFields = tuple[str, str, str, str, str, bool, bool, str, str, str]


@short_cache(maxsize=65536)
def name_fields(name: str) -> tuple[tuple[UnitFields, ...], bool, tuple[str, ...]]:
    """A name's parse as the scorer and the key functions read it: its name units
    in name order (:attr:`ParsedName.units`), whether a lineage particle (bin)
    occurs, and the texts of its honorifics, then its titles.

    Plain tuples of strings and flags: cached per name, they are no work for the
    garbage collector (it stops tracking such tuples), unlike NameToken objects.
    """
    if name.isascii():
        plain = _plain_ascii_fields(name)
        if plain is not None:
            return plain
    return _parsed_fields(name)


def _parsed_fields(name: str) -> tuple[tuple[UnitFields, ...], bool, tuple[str, ...]]:
    """:func:`name_fields` read by the parser (uncached; every name)."""
    units, family_first = _parse_parts(name)
    honorifics: list[str] = []
    titles: list[str] = []
    lineage = False
    for u in units:
        role = u.role
        if role == PARTICLE:
            lineage = lineage or u.canonical == "bin"
        elif role == HONORIFIC:
            honorifics.append(u.text)
        elif role == TITLE:
            titles.append(u.text)
    fields = tuple([(u.text, u.norm, u.core, u.script, u.role, u.lineage, u.homoglyphs, u.article, u.head, u.tail)
                    for u in _in_name_order(units, family_first)])  # fmt: skip
    return fields, lineage, tuple(honorifics + titles)


#: What :func:`_plain_ascii_fields` reads of one ASCII word (a run of letters): its normal
#: form, its particle kind ("article", or None for a plain word) and, for a plain word the
#: short reading takes, its unit fields with the role it has by itself and with the family
#: role, whether it is written in capitals and whether it carries a glued article.
_AsciiWord = tuple[str, str | None, tuple[UnitFields, UnitFields, bool, bool] | None]


def _ascii_word(raw: str) -> _AsciiWord | None:
    """What :func:`_plain_ascii_fields` reads of the word ``raw`` (it depends on the word
    alone: cached, words repeat across names), or None for a word that sends any name to the
    parser (not letters only, an honorific, a title, "h", a particle but the article)."""
    if not raw.isalpha():
        return None
    norm = raw.lower()
    honorifics, titles, particles, _exceptions, _inner = _lexicons()
    if norm in honorifics or norm in titles or norm == "h":
        return None
    kind = particles.get(norm)
    if kind is not None:
        return (norm, kind, None) if kind == "article" else None
    article, core, canon, head, tail = (
        _plain_word_cached(norm, LATIN) if len(norm) <= CACHE_MAX_LEN else _plain_word(norm, LATIN)
    )
    if (article and particles.get(core) == "din") or canon in honorifics:
        return norm, None, None  # al-Din to glue onto the word before; a unit form read as an honorific
    role = INITIAL if len(norm) == 1 else GIVEN
    return norm, None, (
        (raw, canon, core, LATIN, role, False, False, article, head, tail),
        (raw, canon, core, LATIN, FAMILY, False, False, article, head, tail),
        len(raw) > 1 and raw.isupper(), bool(article),
    )  # fmt: skip


_ascii_word_cached = lru_cache(maxsize=65536)(_ascii_word)

#: What separates the parts of an ASCII name.
_ASCII_SEPARATOR: Final = re.compile("[,;]")


def _plain_ascii_fields(name: str) -> tuple[tuple[UnitFields, ...], bool, tuple[str, ...]] | None:
    """:func:`name_fields` of an ASCII name of plain words (letters only; no honorific or title,
    no particle but an article before a plain word, nothing al-Din would glue, no two-word
    honorific or title in front of a part), read without the parser's token and unit objects:
    what the parser gives such a name (a unit per word or per article and its word, the
    family name as ``_assign_roles`` marks it); None for any other name (the parser reads it)."""
    if "," in name or ";" in name:  # "Family, Given": the words of each part (a word holds no separator)
        part_runs = [part for part in map(ASCII_RUN.findall, _ASCII_SEPARATOR.split(name)) if part]
        runs = [raw for part in part_runs for raw in part]
        cuts = [0, *itertools.accumulate(map(len, part_runs))]
    else:
        runs = ASCII_RUN.findall(name)
        cuts = [0, len(runs)]
    if not runs or len(runs) > MAX_TOKENS:
        return None
    words: list[_AsciiWord] = []
    article_seen = False
    for raw in runs:
        word = _ascii_word_cached(raw) if len(raw) <= CACHE_MAX_LEN else _ascii_word(raw)
        if word is None:
            return None
        if word[1] is not None:
            article_seen = True
        words.append(word)
    honorifics, titles, _particles, _exceptions, _inner = _lexicons()
    spans: list[tuple[int, int]] = []
    if article_seen:  # where each word is, for the text of an article and its word
        find = name.find
        end = 0
        for raw in runs:  # (only characters outside runs lie between two runs)
            start = find(raw, end)
            end = start + len(raw)
            spans.append((start, end))
    # the units: (fields with their own role, with the family role, written in capitals, with the article, part)
    units: list[tuple[UnitFields, UnitFields, bool, bool, int]] = []
    for p in range(len(cuts) - 1):
        lo, hi = cuts[p], cuts[p + 1]
        if hi - lo >= 3:  # a two-word honorific or title written apart in front
            joined = words[lo][0] + words[lo + 1][0]
            if joined in honorifics or joined in titles:
                return None
        k = lo
        while k < hi:
            _norm, kind, plain = words[k]
            if kind is None:  # a plain word
                if plain is None:
                    return None
                units.append((plain[0], plain[1], plain[2], plain[3], p))
                k += 1
            elif k + 1 < hi:  # "al" or "el" and the word after it: one unit
                core, next_kind, _plain = words[k + 1]
                canon = "al" + core
                if next_kind is not None or core == "e" or canon in honorifics:
                    return None
                text = name[spans[k][0] : spans[k + 1][1]]
                units.append((
                    (text, canon, core, LATIN, GIVEN, False, False, "al", "", ""),
                    (text, canon, core, LATIN, FAMILY, False, False, "al", "", ""),
                    text.isupper(), True, p,
                ))  # fmt: skip
                k += 2
            else:
                return None
    if len(cuts) > 2 and any(u[4] == 0 and u[0][4] == GIVEN for u in units) and any(
        u[4] == 1 and u[0][4] == GIVEN for u in units
    ):  # "Family, Given": the given names of the first part are the family name, said last
        return tuple([u[0] for u in units if u[4] != 0 or u[0][4] != GIVEN] +
                     [u[1] for u in units if u[4] == 0 and u[0][4] == GIVEN]), False, ()  # fmt: skip
    if len(units) == 1:  # (one word: a family name only with the article)
        u = units[0]
        return ((u[1] if u[3] and u[0][4] == GIVEN else u[0]),), False, ()
    family = _family_indices([u[0][4] for u in units], [u[2] for u in units], [u[3] for u in units])
    if not family:
        return tuple([u[0] for u in units]), False, ()
    if len(family) == 1:
        last = family[0]
        return tuple([u[1] if k == last else u[0] for k, u in enumerate(units)]), False, ()
    return tuple([u[1] if k in family else u[0] for k, u in enumerate(units)]), False, ()


def parse(name: str) -> ParsedName:
    """Parse a person name into name units with roles.

    Roles: ``honorific``, ``title``, ``particle``, ``given``, ``family``,
    ``initial``. Never raises on a ``str``; raises :class:`TypeError` otherwise.
    At most ``MAX_TOKENS`` (64) tokens are read.

    >>> [t.norm for t in parse("Nasir Abd al-Muhsin Abdallah al-Kharawi").units]
    ['nasir', 'abdulmuhsin', 'abdullah', 'alkharawi']
    >>> [t.norm for t in parse("نصير عبد المحسن عبد الله الخراوي").units]
    ['نصير', 'عبدالمحسن', 'عبدالله', 'الخراوي']
    >>> [(t.norm, t.role) for t in parse("Mohammed bin Salman").tokens]
    [('mohammed', 'given'), ('bin', 'particle'), ('salman', 'given')]
    """
    check_str(name)
    return _parse_cached(name)

