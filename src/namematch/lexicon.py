"""The name-variant lexicon and the name-element frequency table.

Two shipped data files, loaded once at first use:

* ``data/variants.tsv`` — derived by ``tools/build_lexicon.py`` from the
  development data: one group per line, ``arabic_forms|…<TAB>latin_spellings|…<TAB>count``,
  the Latin spellings most frequent first. ``count`` is the group's frequency
  (persons and token-list occurrences).
* ``data/variants_manual.tsv`` — reviewed by hand: common elements the data
  misses (Mohammed's many spellings, Hossein/Hussein/Hüseyin, Abdul- compounds,
  Persian names); an optional third column lists the spellings Persian usage
  prefers.
* ``data/frequency.tsv`` — ``form<TAB>count`` for name elements outside the groups.
* ``data/not_spellings.tsv`` — reviewed by hand: Latin spellings that are not spellings of an
  Arabic-script form though they look like it, being a near name's (Jamil is جميل, not جمال;
  Salem is سالم, not سليم): :meth:`Lexicon.not_spelling`.

All forms are normalised unit forms: Arabic script as
:func:`namematch.normalize.normalize_arabic` folds it (article removed, compounds
glued), Latin lower-case ``a–z``.

>>> same_group("محمد", "mohammed"), same_group("hussein", "hossein")
(True, True)
>>> same_group("hassan", "hussein")
False
>>> rarity("mohammed") < rarity("zarepour")
True
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Final

import attrs

from namematch._data import data_digest, lines_digest, optional_lines
from namematch._morphology import latin_article_rest
from namematch._text import CACHE_MAX_LEN
from namematch.normalize import ARABIC, MIXED, PERSIAN, normalize_arabic, normalize_latin, script_of

__all__ = ["Lexicon", "build", "known", "norm_form", "rarity", "same_group", "shipped", "shipped_fingerprint", "variants_of"]


@attrs.frozen(slots=True)
class _Group:
    arabic: tuple[str, ...]
    latin: tuple[str, ...]
    persian: tuple[str, ...]
    count: int
    manual: bool


@attrs.frozen(slots=True, eq=False)
class Lexicon:
    """The variant groups (stored by field: one plain tuple per field, indexed by
    group id), the index of forms to group ids and the frequency table: one value,
    built once from the data lines (:func:`build`) and never changed. Two lexicons
    are equal only when they are the same object, so look-ups cached per lexicon
    (:meth:`facts`) never answer for another one.

    Plain tuples of strings and numbers drop out of the garbage collector's
    watch; twenty thousand group objects would be traversed by every full
    collection.
    """

    arabic: tuple[tuple[str, ...], ...]
    latin: tuple[tuple[str, ...], ...]
    persian: tuple[tuple[str, ...], ...]
    counts: tuple[int, ...]
    manual: tuple[bool, ...]
    index: dict[str, tuple[int, ...]]
    freq: dict[str, int]
    ref: float
    #: Digest of the data lines it was built from: retrieval keys name groups by their
    #: position, so a saved index is only valid with the lexicon it was built with.
    fingerprint: str = ""
    #: Arabic-script form -> Latin spellings that are not its spellings (``not_spellings.tsv``;
    #: no group position depends on them, so they are not in the fingerprint).
    apart: dict[str, frozenset[str]] = attrs.field(factory=dict)
    #: :func:`_facts` of the forms looked up so far (at most :data:`_FACTS_MEMO` of them, then it
    #: starts over): a plain dict of strings and tuples, which the garbage collector stops
    #: watching, where a function cache keyed by (form, lexicon) would hold a watched key per form
    _memo: dict[str, tuple[tuple[int, ...], float]] = attrs.field(factory=dict, init=False, repr=False)

    @property
    def groups(self) -> tuple[_Group, ...]:
        """The groups as objects (for tools and benchmarks; lookups read the fields)."""
        return tuple(map(_Group, self.arabic, self.latin, self.persian, self.counts, self.manual))

    def facts(self, form: str) -> tuple[tuple[int, ...], float]:
        """(ids of the groups a form is in, its rarity): one look-up serves both (cached)."""
        return _facts(form, self)

    def group_ids(self, form: str) -> tuple[int, ...]:
        """Ids of the groups a form is in (retrieval keys and unit comparison read them)."""
        return _facts(form, self)[0]

    def ranked_spellings(self, form: str, persian: bool) -> list[str]:
        """Latin spellings listed for an Arabic-script form, best first: manual groups
        first, then data groups by count; with ``persian`` the spellings Persian usage
        prefers first."""
        gids = [g for g in _facts(form, self)[0] if form in self.arabic[g]]
        if not gids:
            return []
        gids.sort(key=lambda g: (not self.manual[g], -self.counts[g], g))
        out: list[str] = []
        if persian:
            for g in gids:
                out.extend(s for s in self.persian[g] if s not in out)
        for g in gids:
            out.extend(s for s in self.latin[g] if s not in out)
        return out

    def glued_article_core(self, form: str) -> str:
        """The name after a glued Latin article ("alsayed" -> "sayed"), or "" when the
        word is not read so: the rest must be a listed name element of four letters or
        more with an Arabic-script form, and the whole word must not be listed with one
        itself ("albert" stays whole). The Arabic-script forms are listed without their
        article, so a Latin spelling with the article glued on is listed, if at all, in
        a group of Latin spellings only ("alsayed", "elsayed")."""
        rest = latin_article_rest(form)  # the spelling (namematch._morphology); the listing is ours
        if not rest or not form.isalpha():
            return ""
        if any(self.arabic[g] for g in _facts(form, self)[0]):
            return ""
        if any(self.arabic[g] for g in _facts(rest, self)[0]):
            return rest
        return ""

    def not_spelling(self, form: str, spelling: str) -> bool:
        """Whether a Latin ``spelling`` is listed as no spelling of the Arabic-script ``form``
        (both normalised unit forms): the spelling of a near name, a long vowel apart.

        >>> shipped().not_spelling("جمال", "jamil"), shipped().not_spelling("جميل", "jamil")
        (True, False)
        """
        listed = self.apart.get(form)
        return listed is not None and spelling in listed

    def same_group(self, a: str, b: str) -> bool:
        """:func:`same_group` in this lexicon."""
        _check(a, "a")
        _check(b, "b")
        ga = _facts(a, self)[0]
        if not ga:
            return False
        return bool(set(ga) & set(_facts(b, self)[0]))

    def variants_of(self, form: str) -> frozenset[str]:
        """:func:`variants_of` in this lexicon."""
        _check(form)
        out: set[str] = set()
        for g in _facts(form, self)[0]:
            out.update(self.latin[g])
            out.update(self.persian[g])
        return frozenset(out)

    def known(self, form: str) -> bool:
        """:func:`known` in this lexicon."""
        _check(form)
        return bool(_facts(form, self)[0])

    def rarity(self, form: str) -> float:
        """:func:`rarity` in this lexicon."""
        _check(form)
        if not form:
            return _RARITY_UNKNOWN
        return _facts(form, self)[1]


def _split(field: str) -> tuple[str, ...]:
    return tuple(x for x in (p.strip() for p in field.split("|")) if x and x != "-")


def norm_form(form: str) -> str:
    """A form as the lexicon stores it: Latin normalised, Arabic script folded with its spaces removed."""
    if form.isascii():
        return normalize_latin(form)
    if script_of(form) in (ARABIC, PERSIAN, MIXED):  # any Arabic-script letter (normalize owns the test)
        return normalize_arabic(form).replace(" ", "")
    return normalize_latin(form)


def build(
    auto_lines: tuple[str, ...] | list[str],
    manual_lines: tuple[str, ...] | list[str],
    freq_lines: tuple[str, ...] | list[str],
    not_lines: tuple[str, ...] | list[str] | None = None,
) -> Lexicon:
    """A lexicon built from the lines of the three data files (``variants.tsv``,
    ``variants_manual.tsv``, ``frequency.tsv``): the shipped one, or one built from other
    data (held-out evaluation, the fitting tools; see :class:`namematch.resources.Resources`).
    ``not_lines``: the lines of ``not_spellings.tsv`` (None: the shipped file's, facts of the
    names that no data build changes)."""
    freq: dict[str, int] = {}
    for line in freq_lines:
        f, _, c = line.partition("\t")
        try:
            freq[f] = max(freq.get(f, 0), int(c))
        except ValueError:
            continue
    groups: list[_Group] = []
    for line in manual_lines:
        cols = line.split("\t")
        ar = tuple(norm_form(x) for x in _split(cols[0]))
        la = tuple(normalize_latin(x) for x in _split(cols[1])) if len(cols) > 1 else ()
        pe = tuple(normalize_latin(x) for x in _split(cols[2])) if len(cols) > 2 else ()
        if ar or la:
            groups.append(_Group(ar, la, pe, 0, True))
    for line in auto_lines:
        cols = line.split("\t")
        if len(cols) < 3:
            continue
        try:
            count = int(cols[2])
        except ValueError:
            count = 0
        groups.append(_Group(_split(cols[0]), _split(cols[1]), (), count, False))
    index: dict[str, list[int]] = {}
    for gid, g in enumerate(groups):
        for f in dict.fromkeys(g.arabic + g.latin + g.persian):
            index.setdefault(f, []).append(gid)
    # a manual group counts as often as the data groups it shares forms with
    fixed: list[_Group] = []
    for g in groups:
        if g.manual:
            shared = max(
                [groups[o].count for f in g.arabic + g.latin for o in index[f] if not groups[o].manual]
                + [freq.get(f, 0) for f in g.arabic + g.latin]
                + [0]
            )
            g = attrs.evolve(g, count=shared)
        fixed.append(g)
    counts = sorted((g.count for g in fixed), reverse=True)
    ref = float(counts[min(len(counts) - 1, 15)]) if counts else 1.0
    return Lexicon(
        tuple(g.arabic for g in fixed),
        tuple(g.latin for g in fixed),
        tuple(g.persian for g in fixed),
        tuple(g.count for g in fixed),
        tuple(g.manual for g in fixed),
        {k: tuple(v) for k, v in index.items()},
        freq,
        max(ref, 2.0),
        lines_digest(auto_lines, manual_lines, freq_lines),
        not_spelling_table(optional_lines(_NOT_SPELLINGS) if not_lines is None else not_lines),
    )


#: The reviewed file of Latin spellings that are no spellings of a form (see the module docstring).
_NOT_SPELLINGS: Final = "not_spellings.tsv"


def not_spelling_table(lines: tuple[str, ...] | list[str]) -> dict[str, frozenset[str]]:
    """Normalised Arabic-script form -> the Latin spellings the lines of ``not_spellings.tsv``
    say are not its (read by :func:`build` and by ``tools/build_lexicon.py``)."""
    out: dict[str, set[str]] = {}
    for line in lines:
        cols = line.split("\t")
        if len(cols) >= 2 and _split(cols[0]):
            out.setdefault(norm_form(_split(cols[0])[0]), set()).update(normalize_latin(x) for x in _split(cols[1]))
    return {form: frozenset(spellings) for form, spellings in out.items()}


#: The shipped lexicon's data files (see the module docstring).
_FILES: Final = ("variants.tsv", "variants_manual.tsv", "frequency.tsv")


@lru_cache(maxsize=1)
def shipped() -> Lexicon:
    """The shipped lexicon (built from its data files at first use, then kept)."""
    return build(*(optional_lines(name) for name in _FILES))


def shipped_fingerprint() -> str:
    """The shipped lexicon's :attr:`Lexicon.fingerprint`, computed from its files without
    building it (opening a saved index stays fast)."""
    return data_digest(_FILES)


def _check(form: object, argument: str = "form") -> str:
    if not isinstance(form, str):
        raise TypeError(f"{argument} must be str, not {type(form).__name__}")
    return form


def _lookup_key(form: str, lex: Lexicon) -> str:
    if not form.isascii():  # (a lone surrogate is no form)
        try:
            form.encode("utf-8")
        except UnicodeEncodeError:
            return ""
    if len(form) > 200:
        return ""
    if form in lex.index:
        return form
    return norm_form(form)


#: How many forms a lexicon keeps the facts of (:attr:`Lexicon._memo`).
_FACTS_MEMO = 131072


def _facts(form: str, lex: Lexicon) -> tuple[tuple[int, ...], float]:
    """(ids of the groups a form is in, its rarity) in ``lex``: kept per form by the lexicon
    (two lexicons never share an entry); a form longer than ``CACHE_MAX_LEN`` is not kept."""
    memo = lex._memo
    hit = memo.get(form)
    if hit is None:
        hit = _facts_uncached(form, lex)
        if len(form) <= CACHE_MAX_LEN:
            if len(memo) >= _FACTS_MEMO:
                memo.clear()
            memo[form] = hit
    return hit


def _facts_uncached(form: str, lex: Lexicon) -> tuple[tuple[int, ...], float]:
    """:func:`_facts` looked up."""
    key = _lookup_key(form, lex)
    gids: tuple[int, ...] = lex.index.get(key, ()) if key else ()
    if gids:
        counts = lex.counts
        count = counts[gids[0]] if len(gids) == 1 else max([counts[g] for g in gids])
    else:
        count = lex.freq.get(key, 0) if key else 0
    if count <= 0:
        return gids, 1.0
    r = 1.0 - math.log1p(count) / math.log1p(lex.ref)
    return gids, round(min(1.0, max(0.0, r)), 4)


def same_group(a: str, b: str) -> bool:
    """True when two normalised unit forms are listed as variants of one name element
    (in the shipped lexicon; :meth:`Lexicon.same_group` for another).

    >>> same_group("عبدالله", "abdallah"), same_group("abdulla", "abdullah")
    (True, True)
    """
    return shipped().same_group(a, b)


def variants_of(form: str) -> frozenset[str]:
    """The Latin spellings in the groups of ``form`` (empty if unknown).

    >>> {"muhammad", "mohamed"} <= variants_of("mohammed")
    True
    """
    return shipped().variants_of(form)


def known(form: str) -> bool:
    """True when ``form`` is in the lexicon (a listed name element).

    >>> known("soleimani"), known("xqzt")
    (True, False)
    """
    return shipped().known(form)


_RARITY_UNKNOWN: Final = 1.0


def rarity(form: str) -> float:
    """How rare a name element is, in [0, 1]: 0 for the most frequent, 1 for unknown.

    Derived from the stored frequency counts (persons in the development lists
    and token-list occurrences); variants of one group share a rarity.

    >>> rarity("mohammed"), rarity("محمد")
    (0.0, 0.0)
    >>> rarity("")
    1.0
    """
    return shipped().rarity(form)
