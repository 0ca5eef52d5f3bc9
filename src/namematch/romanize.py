"""Romanisation of Arabic-script names (third stage: the cross-script bridge).

Arabic script does not write short vowels, so a name has many plausible Latin
spellings. :func:`romanize_unit` ranks them for one name unit:

1. the name-variant lexicon (:mod:`namematch.lexicon`) first: spellings seen in
   practice for that Arabic-script form, most frequent first;
2. compounds are split: ``عبد`` + X → ``abdul`` + X, ``ابو`` + X → ``abu`` + X,
   X + ``الدين`` → X + ``uddin``;
3. otherwise the transliteration model: a joint-sequence (graphone) trigram
   model over Arabic letters paired with the Latin chunks they are written with,
   trained by ``tools/build_translit.py`` on development token pairs of every origin
   (many-to-many EM alignment) and shipped as ``data/translit_model.tsv``; a beam
   search finds its likeliest spellings and a linear score ranks them with a spelling
   prior (how often the spelling is written as a word, :mod:`namematch._latin_words`).

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

import unicodedata
from functools import lru_cache
from typing import Final

from unidecode import unidecode

from namematch import _morphology as morph
from namematch._checks import check_str
from namematch._text import short_cache
from namematch._translit import MATCH_LIMIT, MAX_TAIL, ONSETS, VOWELS, Model, decode, name_spellings
from namematch.lexicon import Lexicon
from namematch.normalize import (
    ARABIC,
    LATIN,
    OTHER,
    PERSIAN,
    normalize,
    normalize_latin,
    script_of,
    tokenize,
)
from namematch.parse import HONORIFIC, PARTICLE, TITLE, NameToken, parse
from namematch.resources import Resources

__all__ = ["MAX_TAIL", "ONSETS", "VOWELS", "romanizations", "romanize", "romanize_unit"]


def _resources(resources: object) -> Resources:
    """The resources a caller gave (None: the shipped ones), checked."""
    if resources is None:
        return Resources.shipped()
    if not isinstance(resources, Resources):
        raise TypeError(f"resources must be Resources or None, not {type(resources).__name__}")
    return resources


# ---------------------------------------------------------------------------
# Units
# ---------------------------------------------------------------------------

_ALLAH: Final = morph.arabic_form(morph.ALLAH)
_ARTICLE: Final = morph.ARTICLE_AR


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


def _lexicon_spellings(form: str, persian: bool, res: Resources, final_a: bool = False) -> list[tuple[str, float]]:
    ranked = res.lexicon.ranked_spellings(form, persian)
    if final_a:  # written with alif maqsura: the group's spellings in a long a first (Leila before Lili)
        ranked = sorted(ranked, key=lambda s: not _ends_in_a(s))
    return [(s, -0.7 * i) for i, s in enumerate(ranked)]


#: Alif maqsura (ى). Normalisation folds it onto ي (one letter for matching: Egyptian spelling
#: writes a final ي so, حسنى Hosni), but a name written with it mostly ends in a long a (نجوى
#: Najwa, لبنى Lubna, مصطفى Mustafa): romanisation reads the letter the name was written with.
_ALIF_MAQSURA: Final = "\u0649"


def _ends_in_a(spelling: str) -> bool:
    """Whether a Latin spelling ends in the long a of a final alif maqsura (Najwa, Mustafa,
    Salwah), not in i or y (Hosni, Fahmy)."""
    return spelling.endswith(("a", "ah"))


def _ends_in_alif_maqsura(word: str) -> bool:
    """Whether an Arabic-script word as written ends in alif maqsura (ى) read as a long a:
    diacritics and tatweel aside, not after او (the nisba -awi, الشرقاوى, in Egyptian spelling).

    >>> _ends_in_alif_maqsura("نجوى"), _ends_in_alif_maqsura("نجوي"), _ends_in_alif_maqsura("مُصْطَفَى")
    (True, False, True)
    >>> _ends_in_alif_maqsura("الشرقاوى")
    False
    """
    letters = [c for c in word if unicodedata.category(c) != "Mn" and c != "\u0640" and not c.isspace()]
    return len(letters) >= 2 and letters[-1] == _ALIF_MAQSURA and "".join(letters[-3:-1]) != "او"


#: Tails split off a unit and spelt by their own table (compounds.tsv), with the letters a name
#: before them has at least (a "X Zada" is spelt whole: the lexicon and the model know zadeh).
_SPELT_TAILS: Final = {morph.DIN: 2, morph.ALLAH: 3}
_SPELT_HEADS: Final = (morph.ABD, morph.ABU, morph.UMM)
#: Compound heads (Abd, Abu) and tails (ad-Din, Allah) split off one unit. Real names
#: have at most two; the bound keeps a hostile unit (one word of a thousand repeated
#: "Abd") linear: what is left is spelt by the model, which is linear in its length.
_MAX_AFFIXES: Final = 4


def _parsed_head(form: str, head: str) -> tuple[str, str] | None:
    """(head, the rest) of a unit form whose head parse decided (``head``, the unit's field),
    when the form starts with that head's Arabic-script form (a kunya Umm X is read only so:
    a word starting with ام is no compound by its letters alone), else None."""
    if head not in _SPELT_HEADS:
        return None
    lead = morph.arabic_form(head)
    return (head, form[len(lead) :]) if form.startswith(lead) and len(form) - len(lead) >= 2 else None


@short_cache(maxsize=65536)
def _scored_unit(
    form: str, persian: bool, limit: int, res: Resources, head: str = "", final_a: bool = False
) -> tuple[tuple[str, float], ...]:
    """Ranked (spelling, log-score) of one unit: listed spellings, else the compound's
    heads and tails (Abd, Abu, Umm; ad-Din, Allah) around the spelt rest, else the model
    (cached per resources value: two values never share an entry). ``head``: the head parse
    gave the unit (its ``head`` field), read first. ``final_a``: the unit was written with a
    final alif maqsura (:func:`_ends_in_alif_maqsura`), its folded ي read as a long a."""
    lexicon = res.lexicon
    heads: list[list[tuple[str, float]]] = []
    tails: list[list[tuple[str, float]]] = []
    for _ in range(_MAX_AFFIXES):
        if lexicon.ranked_spellings(form, persian):
            break
        lead = _parsed_head(form, head) or morph.split_head(form)
        head = ""  # (the parse's head is the unit's first word only)
        if lead is not None and lead[0] not in _SPELT_HEADS:
            lead = None  # (a glued Latin "bin": no Arabic-script unit starts so)
        end = morph.split_tail(form) if lead is None else None
        if lead is not None:  # Abd X, Abu X (as parse reads them: a glued عبد or ابو)
            heads.append(list(morph.latin_spellings(lead[0], persian)))
            form = _strip_article(lead[1])
        elif end is not None and end[1] in _SPELT_TAILS and len(end[0]) >= _SPELT_TAILS[end[1]]:
            tails.append(list(morph.latin_spellings(end[1], persian)))  # Aminullah, Ruhollah, Nuruddin
            form = end[0]
        else:
            break
    out = _scored_simple(form, persian, limit, res, final_a and not tails and form.endswith("ي"))
    for tail in reversed(tails):
        out = _combine(out, tail, limit)
    for spellings in reversed(heads):
        out = _combine(spellings, out, limit)
    return tuple(out)


@lru_cache(maxsize=4)
def _names(lexicon: Lexicon) -> frozenset[str]:
    """Known name spellings of a lexicon (by identity: a lexicon equals only itself)."""
    return name_spellings(lexicon.latin, lexicon.manual)


def _scored_simple(
    form: str, persian: bool, limit: int, res: Resources, final_a: bool = False
) -> list[tuple[str, float]]:
    """Listed spellings of a form (padded by the model's for a long list), else the model's.
    ``final_a``: the form's final ي was written ى, a long a: listed spellings ending in a come
    first, and the model spells the form with its last letter read as alif (the model reads
    folded letters: it has never seen ى)."""
    lex = _lexicon_spellings(form, persian, res, final_a)
    if final_a:
        form = form[:-1] + "ا"
    model_spellings = _long_a_decode if final_a else decode
    if lex:
        # model spellings pad a listed form's spellings only for a caller that wants a long
        # list (romanizations); matching and keys ask for 5 at most and take the listed ones
        # (padding a form listed with one spelling changed 3 of 7,990 dev pair scores, none
        # across the threshold, and cost most of the romanisation time of unseen names)
        # a form listed only as a letter (جي "g", تي "t": a Latin initial's name, as lists write
        # it) is a syllable too (Ji, Ti): the model's spellings follow the letter
        pad = (limit > MATCH_LIMIT and len(lex) < limit) or all(len(s) == 1 for s, _ in lex)
        model = model_spellings(form, persian, limit, res.model, _names(res.lexicon)) if pad else []
        seen = {s for s, _ in lex}
        extra = [(s, sc - 6.0) for s, sc in model if s not in seen]
        return (lex + extra)[:limit]
    names = _names(res.lexicon) if limit > MATCH_LIMIT else frozenset()
    return model_spellings(form, persian, limit, res.model, names)


#: What a model spelling of a unit written with a final alif maqsura loses when it does not
#: end in a long a (the model reads a final alif after و as French -ois as well: نجوا "nujoois").
_NOT_LONG_A: Final = 3.0


def _long_a_decode(
    form: str, persian: bool, limit: int, model: Model | None, names: frozenset[str]
) -> list[tuple[str, float]]:
    """The model's spellings of a form ending in alif read for an alif maqsura, those ending in
    a long a first (:data:`_NOT_LONG_A`)."""
    found = [(s, sc - (0.0 if _ends_in_a(s) else _NOT_LONG_A)) for s, sc in decode(form, persian, limit, model, names)]
    return sorted(found, key=lambda x: -x[1])


def _check_form(form: object) -> str:
    if not isinstance(form, str):
        raise TypeError(f"form must be str, not {type(form).__name__}")
    return form


@short_cache(maxsize=131072)
def _romanize_unit_cached(
    form: str, persian: bool | None, limit: int, res: Resources, head: str = ""
) -> tuple[str, ...]:
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
    scored = _scored_unit(norm, is_persian, max(limit, 5), res, head, _ends_in_alif_maqsura(form))
    out = []
    for s, _ in scored:
        s = "".join(c for c in s if c.isascii() and c.isalnum())
        if s and s not in out:
            out.append(s)
    return tuple(out[:limit])


def romanize_unit(
    form: str, *, persian: bool | None = None, limit: int = 5, resources: Resources | None = None, head: str = ""
) -> tuple[str, ...]:
    """Ranked Latin spellings (lower-case a–z and digits, no spaces) of one name unit.

    ``form`` is a normalised Arabic-script unit as :func:`namematch.parse.parse`
    produces it (compounds without spaces, article removed from ``core``).
    ``persian=None`` decides the convention from the letters (پ چ ژ گ). Latin
    input is returned normalised; a unit in another script (Cyrillic, Greek, Han…)
    gets one plain transliteration. ``resources`` is the name data to read (default: the
    shipped data; see :class:`namematch.resources.Resources`). ``head`` is the compound
    head parse gave the unit (:attr:`namematch.parse.NameToken.head`): a kunya ``"umm"``
    (ام كلثوم, one unit ``امكلثوم``) is spelt so only when told. Cached.

    >>> romanize_unit("عبدالمحسن")[:2]
    ('abdulmohsen', 'abdulmuhsin')
    >>> romanize_unit("امكلثوم", head="umm")[0]
    'ummkulthum'
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
    if not isinstance(head, str):
        raise TypeError(f"head must be str, not {type(head).__name__}")
    res = _resources(resources)
    if limit <= 0:
        return ()
    return _romanize_unit_cached(form, persian, min(limit, 50), res, head)


# ---------------------------------------------------------------------------
# Whole names
# ---------------------------------------------------------------------------

#: Arabic-script particles standing alone, as romanisation writes them (data/particles.tsv).
_PARTICLES_LATIN: Final = morph.particle_latin()


def _check_convention(convention: object) -> bool | None:
    if convention is None:
        return None
    if not isinstance(convention, str):
        raise TypeError(f"convention must be str or None, not {type(convention).__name__}")
    if convention not in ("arabic", "persian"):
        raise ValueError(f"convention must be None, 'arabic' or 'persian', not {convention!r}")
    return convention == "persian"


def _name_options(name: str, persian: bool | None, limit: int, res: Resources) -> list[list[tuple[str, float]]]:
    """Per token of the name (source order), scored Latin options."""
    p = parse(name)
    if persian is None and any(t.script == PERSIAN for t in p.tokens):
        persian = True
    return [o for o in _token_options(list(p.tokens), persian, limit, res) if o]


def _token_options(
    tokens: list[NameToken], persian: bool | None, limit: int, res: Resources
) -> list[list[tuple[str, float]]]:
    """Scored Latin options of each token (an empty list for a token with none)."""
    opts: list[list[tuple[str, float]]] = []
    for tok in tokens:
        if tok.script not in (ARABIC, PERSIAN):
            opts.append([(normalize(tok.text) or tok.norm, 0.0)])
            continue
        if tok.role in (PARTICLE,) and tok.norm in _PARTICLES_LATIN:
            opts.append([(_PARTICLES_LATIN[tok.norm], 0.0)])
            continue
        if tok.role == HONORIFIC and tok.canonical and not res.lexicon.ranked_spellings(tok.core, bool(persian)):
            opts.append([(tok.canonical.replace(" ", ""), 0.0)])  # as the honorifics table writes it
            continue
        per = persian if persian is not None else False
        core = tok.core if tok.role != TITLE else tok.norm
        # (a unit with the article and a final ى unknown to the lexicon is a nisba in Egyptian
        # spelling, المصرى al-Masri, more often than a name in a long a: read as written ي)
        final_a = _ends_in_alif_maqsura(tok.text) and (not tok.article or bool(res.lexicon.ranked_spellings(tok.core, False)))
        scored = list(_scored_unit(core, per, max(limit, 5), res, tok.head, final_a)) if core else []
        scored = [("".join(c for c in s if c.isascii() and c.isalnum()), sc) for s, sc in scored]
        scored = [(s, sc) for s, sc in scored if s]
        if not scored:
            opts.append([])
            continue
        if tok.article and tok.role != HONORIFIC:
            scored = [("al " + s, sc) for s, sc in scored]
        opts.append(scored)
    return opts


def romanizations(name: str, limit: int = 10, *, resources: Resources | None = None) -> list[str]:
    """Ranked plausible Latin spellings of a whole name (best first).

    Each Arabic-script unit contributes its ranked spellings (lexicon evidence
    first, then the character model); the combinations are ranked by their
    summed log-scores. Latin input gives ``[normalize(name)]``. ``resources``: as for
    :func:`romanize_unit`.

    >>> romanizations("حسين", limit=3)
    ['hussein', 'hussain', 'hossein']
    >>> romanizations("Ali Hassan")
    ['ali hassan']
    """
    check_str(name)
    if not isinstance(limit, int):
        raise TypeError(f"limit must be int, not {type(limit).__name__}")
    res = _resources(resources)
    if limit <= 0:
        return []
    return list(_romanizations_cached(name, min(limit, 100), None, res))


@short_cache(maxsize=8192)
def _romanizations_cached(name: str, limit: int, persian: bool | None, res: Resources) -> tuple[str, ...]:
    if not any(t.script in (ARABIC, PERSIAN) for t in tokenize(name)):
        n = _ascii(normalize(name))
        return (n,) if n else ()
    # the quick search for up to MATCH_LIMIT spellings (what keys and matching read); the
    # display form asks the wide search, so an unlisted unit's display spelling may differ
    opts = _name_options(name, persian, limit, res)
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


_STYLES: Final = ("plain", "display")


def romanize(
    name: str, convention: str | None = None, *, style: str = "plain", resources: Resources | None = None
) -> str:
    """The single most likely Latin spelling of a name.

    ``convention`` is ``None`` (decide from the letters: Persian conventions when
    the name has Persian letters), ``"arabic"`` or ``"persian"``.

    ``style="plain"`` (the default) gives lower-case letters and spaces, the form
    matching and keys compare; Latin input returns :func:`namematch.normalize.normalize`
    of it. ``style="display"`` gives the form the press prints: each name word
    capitalised, the article as ``al-`` (``Al-`` at the start), lineage particles in
    lower case (``bin``, ``ibn``), ``Abu`` apart from the name it binds, honorifics
    as the press writes them (``Sheikh``, ``Sayyid``; ``Seyed`` under the Persian
    convention) and office titles left out; Latin words are kept as written.
    ``resources``: as for :func:`romanize_unit`.

    >>> romanize("نصير عبد المحسن عبد الله الخراوي")
    'naseer abdulmohsen abdullah al kharawi'
    >>> romanize("مسعود پزشكيان")
    'masoud pezeshkian'
    >>> romanize("الشيخ محمد بن راشد", style="display")
    'Sheikh Mohammed bin Rashid'
    >>> romanize("Hakan  Fidan", style="display")
    'Hakan Fidan'
    """
    check_str(name)
    persian = _check_convention(convention)
    if not isinstance(style, str):
        raise TypeError(f"style must be str, not {type(style).__name__}")
    if style not in _STYLES:
        raise ValueError(f"style must be 'plain' or 'display', not {style!r}")
    res = _resources(resources)
    if style == "display":
        return _display_cached(name, persian, res)
    if not any(t.script in (ARABIC, PERSIAN) for t in tokenize(name)):
        return _ascii(normalize(name))
    out = _romanizations_cached(name, 1, persian, res)
    return out[0] if out else ""


#: Honorifics (by their canonical form) as the press prints them: (Arabic convention,
#: Persian convention); any other is capitalised.
_HONORIFIC_DISPLAY: Final[dict[str, tuple[str, str]]] = {
    "sayyid": ("Sayyid", "Seyed"), "sayyida": ("Sayyida", "Seyedeh"), "hajj": ("Hajj", "Haj"),
    "he": ("H.E.", "H.E."), "prof": ("Prof.", "Prof."), "dr": ("Dr", "Dr"), "eng": ("Eng.", "Eng."),
    "mr": ("Mr", "Mr"), "mrs": ("Mrs", "Mrs"), "ms": ("Ms", "Ms"), "honourable": ("Hon.", "Hon."),
    "reverend": ("Rev.", "Rev."),
}  # fmt: skip
#: Lineage particles and the article stay lower case inside a name.
_LOWER_PARTICLES: Final = frozenset({"bin", "ibn", "bint", "ould", "al"})


def _cap(word: str) -> str:
    return word[:1].upper() + word[1:]


#: Spellings asked per unit for the display form: more than MATCH_LIMIT, so the model's
#: wide search ranks an unlisted unit's spellings (its best is a gold spelling more often than
#: the quick search's, which the plain form and matching read; see ``_translit``).
_DISPLAY_LIMIT: Final = MATCH_LIMIT + 1


@short_cache(maxsize=8192)
def _display_cached(name: str, persian: bool | None, res: Resources) -> str:
    p = parse(name)
    if not any(t.script in (ARABIC, PERSIAN) for t in p.tokens):
        # Latin words as written; words of other scripts (and stray marks) transliterated
        written = [t.text if t.script == LATIN else _cap(_ascii(normalize(t.text))) for t in p.tokens]
        return " ".join(w for w in written if w)
    if persian is None and any(t.script == PERSIAN for t in p.tokens):
        persian = True
    words: list[str] = []
    toks = [t for t in p.tokens if t.role != TITLE] or list(p.tokens)
    for tok, opts in zip(toks, _token_options(toks, persian, _DISPLAY_LIMIT, res), strict=True):
        if not opts:
            continue
        best = opts[0][0]
        if tok.script not in (ARABIC, PERSIAN):
            words.append(" ".join(tok.text.split()))
        elif tok.role == HONORIFIC and tok.canonical and best == tok.canonical.replace(" ", ""):
            forms = _HONORIFIC_DISPLAY.get(tok.canonical)
            words.append(forms[bool(persian)] if forms else " ".join(map(_cap, tok.canonical.split())))
        elif tok.role == PARTICLE:
            words.append(best if best in _LOWER_PARTICLES else _cap(best))
        else:
            words.append(_display_unit(best, tok.head))
    if words and words[0].startswith("al-"):
        words[0] = "A" + words[0][1:]
    return _ascii(" ".join(words)) if not all(w.isascii() for w in words) else " ".join(words)


#: Latin spellings of each kunya head (Abu, Umm), longest first (Abou before Abo).
_KUNYA_SPELLINGS: Final = {
    kind: sorted((s for s, _ in morph.latin_spellings(kind)), key=len, reverse=True) for kind in morph.KUNYAS
}


def _display_unit(spelling: str, head: str) -> str:
    """One romanised unit as printed: ``al x`` -> ``al-X``; ``Abu`` or ``Umm`` apart from its
    name (the unit's ``head``, as parse read it)."""
    article = spelling.startswith("al ")
    word = spelling[3:] if article else spelling
    for lead in _KUNYA_SPELLINGS.get(head, ()):
        if word.startswith(lead) and len(word) > len(lead) + 1:
            word = _cap(lead) + " " + _cap(word[len(lead):])
            break
    return ("al-" if article else "") + _cap(word)
