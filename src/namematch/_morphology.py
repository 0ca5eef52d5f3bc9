"""Name structure: compound heads and tails, glued articles (package-private).

Arabic and Persian names build compounds: a head bound to the name after it (``Abd al-Karim``,
``Abu Bakr``, a nasab written as one word, ``Binladin``) and a tail bound to the name before
it (``Nur ad-Din``, ``Rahmat Allah``, ``Akhund Zada``). Each may be written apart or glued to
its name, in Arabic script or in one of many Latin spellings, and the article (``al-``/``ال``)
may be glued to a family name (``Alyasiri``). This module is the one place that knows those
spellings; :mod:`namematch.parse` decides a unit's structure with it (the unit's ``head``,
``tail`` and ``article`` fields) and the later stages read those fields, or ask this module
about a bare spelling (romanisation of a form, keys of a form, folded spellings in scoring,
the word evidence of the linker).

The facts come from two data files: ``data/particles.tsv`` (the words written apart:
lineage particles, articles, Abd, Abu, ad-Din, Allah...) and ``data/compounds.tsv`` (the heads
and tails written glued, and how romanisation spells them). Decision note 0013.

>>> split_head("عبدالرحمن"), split_head("abdurrahman"), split_head("abubakar")
(('abd', 'الرحمن'), ('abd', 'rahman'), ('abu', 'bakar'))
>>> split_tail("نورالدين"), split_tail("sirajuddin"), split_tail("akhundzada")
(('نور', 'din'), ('siraj', 'din'), ('akhund', 'zada'))
>>> glued_abd("abdurrahman"), glued_abd("abdelaziz")
('abdulrahman', 'abdulaziz')
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import Final

from namematch._data import data_lines
from namematch.normalize import normalize

__all__ = [
    "ABD",
    "ABU",
    "ALLAH",
    "ARTICLE_AR",
    "BIN",
    "DIN",
    "HEADS",
    "KUNYAS",
    "TAILS",
    "UMM",
    "ZADA",
    "arabic_form",
    "arabic_head_forms",
    "arabic_structure",
    "arabic_tail_forms",
    "canonical",
    "compound_rest",
    "folded_head_rest",
    "folded_stem",
    "glued_abd",
    "latin_article_rest",
    "latin_nisba_article",
    "latin_spellings",
    "latin_structure",
    "latin_tail",
    "particle_kinds",
    "particle_latin",
    "split_head",
    "split_tail",
    "sun_consonant",
    "whole_words",
]

#: Head kinds: "servant of" (Abd X), "father of" and "mother of" (a kunya, Abu X, Umm X), "son
#: of" written as one word.
ABD: Final = "abd"
ABU: Final = "abu"
UMM: Final = "umm"
BIN: Final = "bin"
HEADS: Final = (ABD, ABU, UMM, BIN)
#: The heads of a kunya (a parent named after a child: Abu Bakr, Umm Kulthum).
KUNYAS: Final = (ABU, UMM)
#: Tail kinds: "of the faith" (X ud-Din), the divine name (X Allah), "born of" (X Zada).
DIN: Final = "din"
ALLAH: Final = "allah"
ZADA: Final = "zada"
TAILS: Final = (DIN, ALLAH, ZADA)

#: The Arabic article, as normalised.
ARTICLE_AR: Final = "ال"

#: Letters a head or tail must leave of its name at least, unless a caller asks for more.
_LEAST: Final = 2


# -- the data ------------------------------------------------------------------------------


@cache
def particle_kinds() -> Mapping[str, str]:
    """The words of ``data/particles.tsv``, normalised, and their kind (``lineage``,
    ``article``, ``sun``, ``abd``, ``kunya``, ``din``, ``suffix``, ``allah``, ``family``);
    the first listing of a form wins."""
    return {form: kind for form, (kind, _latin) in _particles().items()}


@cache
def particle_latin() -> Mapping[str, str]:
    """How romanisation writes an Arabic-script particle that stands alone (the third column
    of ``data/particles.tsv``: ``بن``: ``bin``, ``عبد``: ``abd``, ``آل``: ``al``)."""
    return {form: latin for form, (_kind, latin) in _particles().items() if latin}


@cache
def _particles() -> Mapping[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    for line in data_lines("particles.tsv"):
        form, kind, latin = [*line.split("\t"), "", ""][:3]
        norm = normalize(form.strip())
        if norm:
            out.setdefault(norm, (kind.strip(), latin.strip()))
    return out


def sun_consonant(word: str) -> str:
    """The consonant an assimilated article stands for (``ar`` of ``Abd ar-Rahman`` -> ``r``;
    ``ash`` -> ``sh``), or "" for a word that is no such article.

    >>> sun_consonant("ar"), sun_consonant("ash"), sun_consonant("al")
    ('r', 'sh', '')
    """
    return word[1:] if particle_kinds().get(word) == "sun" and word.isascii() else ""


def _score(cell: str) -> float | None:
    return None if cell.strip() == "-" else float(cell)


@cache
def _table() -> tuple[tuple[str, str, str, str, str], ...]:
    """The cells (kind, form, glued, Arabic-convention score, Persian-convention score) of each
    row of ``data/compounds.tsv``, in file order (its header line left out), kinds checked."""
    out = []
    for line in data_lines("compounds.tsv"):
        kind, form, glued, arabic, persian = line.split("\t")
        if kind == "kind":
            continue  # the header
        if kind not in HEADS + TAILS:
            raise ValueError(f"compounds.tsv: unknown kind {kind!r}")
        out.append((kind, form, glued, arabic, persian))
    return tuple(out)


@cache
def _rows() -> tuple[tuple[str, str, bool, float | None, float | None], ...]:
    """(kind, form, glued, Arabic-convention score, Persian-convention score) of each head or
    tail of ``data/compounds.tsv`` (not the ``whole`` rows: :func:`whole_words`)."""
    return tuple(
        (kind, normalize(form), glued == "glued", _score(arabic), _score(persian))
        for kind, form, glued, arabic, persian in _table()
        if glued != "whole"
    )


@cache
def whole_words() -> frozenset[str]:
    """Latin names that begin like a head written glued but are one name (the ``whole`` rows
    of ``data/compounds.tsv``: Benjamin is no "bin" + jamin)."""
    return frozenset(normalize(form) for _kind, form, glued, *_ in _table() if glued == "whole")


def _latin(form: str) -> bool:
    return form.isascii()


@cache
def arabic_head_forms(glued_only: bool = True) -> Mapping[str, str]:
    """Arabic-script heads and their kind (``عبد``: ``abd``, ``ابو``: ``abu``); with
    ``glued_only=False`` also ``بن``, which the parser reads glued in Latin spelling only
    (Binladin). Never ``ام`` (Umm, read only written apart: امين, امير are no compounds)."""
    return {
        f: k for k, f, g, _a, _p in _rows() if k in HEADS and not _latin(f) and (g or not glued_only) and k != UMM
    }


@cache
def arabic_tail_forms() -> Mapping[str, str]:
    """Arabic-script tails and their kind (``الدين``: ``din``, ``الله``: ``allah``, ``زاده``: ``zada``)."""
    return {f: k for k, f, g, _a, _p in _rows() if k in TAILS and not _latin(f) and g}


@cache
def arabic_form(kind: str) -> str:
    """The Arabic-script form of a head or tail (``abd``: ``عبد``, ``din``: ``الدين``)."""
    for k, form, _g, _a, _p in _rows():
        if k == kind and not _latin(form):
            return form
    raise ValueError(f"compounds.tsv: no Arabic-script form for {kind!r}")


@cache
def _glued_heads() -> tuple[tuple[str, str], ...]:
    """(form, kind) of the heads read glued, Arabic script and Latin, longest form first
    (forms of one length never begin one another; an Arabic-script form never begins a
    Latin word, nor a Latin form an Arabic-script one)."""
    found = [(f, k) for k, f, g, _a, _p in _rows() if k in HEADS and g]
    return tuple(sorted(found, key=lambda fk: -len(fk[0])))


@cache
def _head_initials() -> frozenset[str]:
    """The first letters of the heads read glued."""
    return frozenset(form[0] for form, _kind in _glued_heads())


@cache
def latin_spellings(kind: str, persian: bool = False) -> tuple[tuple[str, float], ...]:
    """How romanisation writes a head or tail: (Latin spelling, log-score), in file order,
    under the Arabic or the Persian convention.

    >>> latin_spellings("allah")
    (('ullah', 0.0), ('allah', -0.7), ('ollah', -1.2))
    >>> latin_spellings("abd", persian=True)[0]
    ('abdul', -0.5)
    """
    out = []
    for k, form, _g, arabic, pers in _rows():
        score = pers if persian else arabic
        if k == kind and _latin(form) and score is not None:
            out.append((form, score))
    return tuple(out)


@cache
def canonical(kind: str) -> str:
    """The Latin spelling a unit's normalised form gives a head or tail (the Arabic
    convention's usual one: ``abdul``, ``abu``, ``uddin``, ``ullah``).

    >>> canonical("abd"), canonical("din"), canonical("allah")
    ('abdul', 'uddin', 'ullah')
    """
    best = [form for form, score in latin_spellings(kind) if score == 0.0]
    if not best:
        raise ValueError(f"compounds.tsv: no usual Latin spelling for {kind!r}")
    return best[0]


# -- splitting a word ------------------------------------------------------------------------


def split_head(word: str, least: int = _LEAST) -> tuple[str, str] | None:
    """(head kind, the rest) of an Arabic-script or Latin word that starts with a head read
    glued (``least`` letters left at least), else None. The longest matching form wins; the
    rest keeps an article that follows the head."""
    if word[:1] not in _head_initials():  # (most words: no head begins like them)
        return None
    for form, kind in _glued_heads():
        if word.startswith(form) and len(word) - len(form) >= least:
            return kind, word[len(form) :]
    return None


def split_tail(word: str, least: int = _LEAST) -> tuple[str, str] | None:
    """(the name before, tail kind) of an Arabic-script word that ends with a tail
    (``least`` letters before it at least), or of a Latin (ASCII) word by the spelling
    pattern of :func:`latin_tail` (three letters before it at least), else None."""
    for form, kind in arabic_tail_forms().items():
        if word.endswith(form) and len(word) - len(form) >= least:
            return word[: -len(form)], kind
    if word.isascii():
        m = _latin_tail_match(word, least)
        if m is not None:
            return word[: m.start()], _latin_tail_kind(m.group())
    return None


def arabic_structure(core: str) -> tuple[str, str]:
    """(head, tail) of an Arabic-script word written as one (عبدالرحمن, نورالدين, رحمتالله):
    an "Abd X" compound has no "Allah" tail (عبدالله is Abd + Allah, one name).

    >>> arabic_structure("عبدالرحمن"), arabic_structure("نورالدين"), arabic_structure("عبدالله")
    (('abd', ''), ('', 'din'), ('abd', ''))
    """
    head = ""
    for form, kind in arabic_head_forms().items():
        if core.startswith(form) and len(core) - len(form) >= _LEAST:
            head = kind
            break
    for form, kind in arabic_tail_forms().items():
        if core.endswith(form) and len(core) - len(form) >= _LEAST and not (kind == ALLAH and head == ABD):
            return head, kind
    return head, ""


#: Endings of a Latin "X ud-Din", "X Allah" or "X Zada" compound written as one word.
_LATIN_TAIL: Final = re.compile(r"(?:[aeiou]?l?d+(?:in|een|ine)[ei]?|[uo]ll?ah?|all?ah?|zad[aei]h?)$")


def _latin_tail_match(word: str, least: int = 3) -> re.Match[str] | None:
    m = _LATIN_TAIL.search(word)
    return None if m is None or m.start() < max(3, least) else m


def _latin_tail_kind(ending: str) -> str:
    return ZADA if ending.startswith("zad") else (DIN if "d" in ending else ALLAH)


def latin_tail(core: str) -> str:
    """"din", "allah" or "zada" for a Latin compound written as one word (Sirajuddin,
    Rahmatullah, Akhundzada; at least three letters before the tail), else "".

    >>> latin_tail("sirajuddin"), latin_tail("rahmatullah"), latin_tail("akhundzadeh"), latin_tail("ali")
    ('din', 'allah', 'zada', '')
    """
    m = _latin_tail_match(core)
    return _latin_tail_kind(m.group()) if m is not None else ""


#: A Latin word read as a glued kunya or nasab is this long at least (Abubakar, Binladin).
_LATIN_HEAD_WORD: Final = 6


def latin_structure(core: str) -> tuple[str, str]:
    """(head, tail) of a plain Latin word: a glued kunya (Abubakar) or nasab (Binladin)
    head, a compound tail. (A glued "Abd" is read apart, by :func:`glued_abd`.) A name that
    only begins like a head (Benjamin, Benedict: :func:`whole_words`) has none.

    >>> latin_structure("abubakar"), latin_structure("binladen"), latin_structure("nuruddin")
    (('abu', ''), ('bin', ''), ('', 'din'))
    >>> latin_structure("benjamin")
    ('', '')
    """
    head = ""
    if len(core) >= _LATIN_HEAD_WORD and core not in whole_words():
        found = split_head(core, 0)
        if found is not None and found[0] != ABD:
            head = found[0]
    return head, latin_tail(core)


def glued_abd(norm: str) -> str | None:
    """The unit form of a Latin "Abd X" compound written as one word (the head written
    ``abdul``, an article after it dropped: Abdelaziz, Abdulaziz -> abdulaziz; an assimilated
    article kept as its consonant: Abdurrahman -> abdulrahman), or None."""
    if not norm.startswith(ABD) or len(norm) < 6:
        return None
    for form, kind in _glued_heads():
        if kind != ABD or not norm.startswith(form):
            continue
        rest = norm[len(form) :]
        # a form ending in an assimilated article's consonant (abdur, abdus) needs it again
        need = form[-1] if len(form) > 4 and form[-1] not in "aeioul" else ""
        if len(rest) >= 2 and rest.startswith(need):
            if rest.startswith(("al", "el", "ul")) and len(rest) >= 5:
                rest = rest[2:]
            return canonical(ABD) + rest
    return None


def compound_rest(norm: str) -> str:
    """The distinctive part of an "Abd X" or "X Allah" unit form, else "".

    The press shortens such names to that part ("Rahmat" for Rahmatullah, "Kabir" for Abdul
    Kabir). Not for Abd Allah itself (its part is the divine name).

    >>> compound_rest("رحمتالله"), compound_rest("abdulkabir"), compound_rest("abdullatif")
    ('رحمت', 'kabir', 'latif')
    >>> compound_rest("عبدالله"), compound_rest("abdullah")
    ('', '')
    """
    if norm.isascii():
        head = canonical(ABD)
        if norm.startswith(head) and len(norm) >= 8 and norm[len(head) :] not in ("lah", "lahi", "llah", "lahh"):
            return norm[len(head) :]
        if len(norm) >= 8 and not norm.startswith(ABD):
            for form, _score in latin_spellings(ALLAH):  # Rahmatullah, Hidayatollah
                if norm.endswith(form):
                    return norm[: -len(form)]
        return ""
    found = split_head(norm, 3)
    if found is not None and found[0] == ABD:
        rest = found[1]
        rest = rest[2:] if rest.startswith(ARTICLE_AR) and len(rest) >= 5 else rest
        return "" if rest in ("الله", "له") else rest
    for form, kind in arabic_tail_forms().items():
        if kind == ALLAH and norm.endswith(form) and len(norm) - len(form) >= 3:
            return norm[: -len(form)]
    return ""


# -- articles ----------------------------------------------------------------------------------

#: Latin spellings of the article written glued to a name.
_LATIN_ARTICLES: Final = ("al", "el")


def latin_article_rest(word: str) -> str:
    """The letters after a Latin article glued to a word of six letters or more
    (``alsayed`` -> ``sayed``), else "". Only the spelling: whether the rest is a name is
    the lexicon's to say (``albert`` is no ``al`` + ``bert``).

    >>> latin_article_rest("alsayed"), latin_article_rest("elbaradei"), latin_article_rest("alia")
    ('sayed', 'baradei', '')
    """
    return word[2:] if len(word) >= 6 and word[:2] in _LATIN_ARTICLES else ""


#: Letter sequences no romanised Arabic or Persian name element has (``x``; ``ks``, ``ck``,
#: ``cz``, ``sch``, ``ts`` clusters of Slavic, Germanic and other spellings).
_NOT_ARABIC_SHAPE: Final = re.compile("x|ks|ck|cz|sch|ts")


def latin_nisba_article(norm: str) -> tuple[str, str]:
    """(article, core) of a Latin word: a glued article before a nisba (a name ending in
    -i or -y: ``alyasiri`` -> ``("al", "yasiri")``) is split off; else ``("", norm)``.

    The rest must have the shape of a romanised Arabic name element: no letter or cluster
    that romanised Arabic never has (``Alexei`` is no ``al-Exei``, ``Aleksiy`` no ``al-Eksiy``).

    >>> latin_nisba_article("alyasiri"), latin_nisba_article("aleksiy"), latin_nisba_article("alexi")
    (('al', 'yasiri'), ('', 'aleksiy'), ('', 'alexi'))
    """
    rest = latin_article_rest(norm)
    if rest and norm[-1] in "iy" and not _NOT_ARABIC_SHAPE.search(rest):
        return "al", rest
    return "", norm


# -- folded Latin spellings (the scorer compares those) ---------------------------------------

#: What a compound's head is in folded spelling (:func:`namematch.score` folds ou to u, e to i).
_FOLDED_HEADS: Final = {
    ABD: re.compile("abd[aeiou]?l?"),
    ABU: re.compile("abu"),
    UMM: re.compile("um+"),
    BIN: re.compile("(?:bin|ibn)(?:[ai]l)?"),
}
#: A compound's tail in folded spelling: "X ud-Din", "X Allah", "X Zada".
_FOLDED_TAIL: Final = re.compile(r"(?:[aeiou]?l?d+in[ei]?|[aeiou]l+ah?|zad[aei])$")


def folded_head_rest(fold: str, head: str, least: int = 3) -> str | None:
    """A folded spelling without its ``head`` (``least`` letters left or more), else None.

    >>> folded_head_rest("abdulkarim", "abd"), folded_head_rest("abuabas", "abu"), folded_head_rest("abdu", "abd")
    ('karim', 'abas', None)
    >>> folded_head_rest("umkulthum", "umm")
    'kulthum'
    """
    m = _FOLDED_HEADS[head].match(fold)
    return fold[m.end() :] if m and len(fold) - m.end() >= least else None


def folded_stem(fold: str) -> str | None:
    """The first element of a folded "X ud-Din" / "X Allah" / "X Zada" spelling (three letters
    or more), else None.

    >>> folded_stem("sirajudin"), folded_stem("rahmatulah"), folded_stem("karim")
    ('siraj', 'rahmat', None)
    """
    m = _FOLDED_TAIL.search(fold)
    return fold[: m.start()] if m and m.start() >= 3 else None
