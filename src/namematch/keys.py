"""Blocking keys: compact strings that spelling and script variants of a name share.

Every name unit gets a few keys; two names are candidates for each other when
their key sets intersect. Kinds (the prefix keeps them from colliding):

``s:`` consonant skeleton
    The unit's consonants mapped to sound classes — q/k/g/gh/c/ق/ك/غ/گ → ``K``,
    th/s/ث/س/ص → ``S``, d/z/dh/د/ذ/ض/ظ/ز → ``D``, h/kh/ح/خ/ه → ``H``, sh/ch/ش → ``X``
    and so on — with vowels, glides (w v y و ي ا) and ع/ء dropped, a final
    h/ه dropped and repeated classes collapsed. Latin digraphs that may also be
    two letters (``Ishaq`` = s+h) give a second skeleton, and so does a j between a
    consonant and a vowel or ending a word after e or i, read as the y sound and dropped
    (``Benjamin``, ``Benyamin``; ``Sergej``, ``Sergey``). Arabic-script units
    also get the skeletons of their top romanisations, and a variant without the
    ل of an inner article (``Abdurrahman`` = عبدالرحمن).
``g:`` lexicon group
    The id of every name-variant group (:mod:`namematch.lexicon`) the form is in,
    so listed variants meet even when their skeletons differ (Mohd, Md).
``o:`` other
    Units in other scripts, or with no consonant at all, keyed by their form.

>>> sorted(k for k in unit_keys("soleimani", "latin") if k.startswith("s:"))
['s:SLMN']
>>> "s:SLMN" in unit_keys("سليماني", "arabic")
True
>>> bool(keys("Qassem Soleimani") & keys("قاسم سليماني"))
True
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import Final

from namematch import _morphology as morph
from namematch._checks import check_str
from namematch._folding import j_as_y, single_letters
from namematch._text import clean_text, short_cache
from namematch.normalize import (
    ARABIC,
    LATIN,
    PERSIAN,
    normalize_arabic,
    normalize_latin,
)
from namematch.parse import INITIAL, name_fields
from namematch.resources import Resources

__all__ = ["arabic_skeletons", "keys", "latin_skeletons", "unit_keys"]

_MAX_VARIANTS: Final = 4

# Latin ----------------------------------------------------------------------
_LATIN_SINGLE: Final[dict[str, str]] = {
    "b": "B", "p": "B", "t": "T", "d": "D", "z": "D", "s": "S", "c": "K", "x": "KS",
    "j": "J", "g": "K", "k": "K", "q": "K", "h": "H", "f": "F", "l": "L", "m": "M",
    "n": "N", "r": "R", "a": "", "e": "", "i": "", "o": "", "u": "", "y": "", "w": "",
    "v": "",
}  # fmt: skip
#: digraph -> (class as a digraph, class when read as two letters or None)
_LATIN_DIGRAPHS: Final[dict[str, tuple[str, str | None]]] = {
    "tch": ("X", None),
    "sch": ("X", None),
    "sh": ("X", "SH"),
    "ch": ("X", "K"),
    "th": ("S", "TH"),
    "dh": ("D", "DH"),
    "kh": ("H", "KH"),
    "gh": ("K", "KH"),
    "zh": ("J", "DH"),
    "ph": ("F", "BH"),
    "dj": ("J", None),
    "ck": ("K", None),
}


def _collapse(classes: str) -> str:
    out: list[str] = []
    for c in classes:
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


#: The first letters of the digraphs (most letters begin none).
_DIGRAPH_INITIALS: Final = frozenset(d[0] for d in _LATIN_DIGRAPHS)


def _extended(readings: list[str], classes: list[str]) -> list[str]:
    """Each reading with ``classes`` added in order."""
    tail = "".join(classes)
    return [r + tail for r in readings]


@short_cache(maxsize=1 << 16)
def latin_skeletons(form: str) -> tuple[str, ...]:
    """Consonant-class skeletons of a normalised Latin form (best reading first); cached
    (keys, unit comparison and the score matrix ask for the same forms).

    >>> latin_skeletons("qassem"), latin_skeletons("ghasem"), latin_skeletons("kassem")
    (('KSM',), ('KSM', 'KHSM'), ('KSM',))
    >>> latin_skeletons("ishaq")
    ('XK', 'SHK')
    >>> latin_skeletons("javad")
    ('JD', 'JFD')
    """
    s = form.lower()
    if not (s.isascii() and s.isalnum()):
        s = "".join(c for c in s if c.isascii() and c.isalnum())
    if len(s) > 1 and s[-1] == "h" and s[-2] in "aeiouy":
        s = s[:-1]
    readings: list[str] = [""]
    # the classes read since the readings last branched, added to each of them at the next
    # branch or at the end (most words never branch: one join, no list of readings per letter)
    pending: list[str] = []
    y_sound = j_as_y(s)
    i = 0
    n = len(s)
    while i < n:
        c = s[i]
        if c in _DIGRAPH_INITIALS:
            d3 = s[i : i + 3]
            d2 = d3[:2]
            dig = d3 if d3 in _LATIN_DIGRAPHS else (d2 if d2 in _LATIN_DIGRAPHS else "")
            if dig:
                main, alt = _LATIN_DIGRAPHS[dig]
                if alt is not None and len(readings) < _MAX_VARIANTS:
                    if pending:
                        readings, pending = _extended(readings, pending), []
                    readings = [r + main for r in readings] + [r + alt for r in readings]
                    readings = readings[:_MAX_VARIANTS]
                else:
                    pending.append(main)
                i += len(dig)
                continue
        final_v = c == "v" and i == n - 1 and i > 0 and s[i - 1] in "aeiouy"
        if c == "v" and len(readings) < _MAX_VARIANTS and not final_v:
            # Persian و (a glide, dropped) or a foreign v written ف; a final v after a vowel is
            # said f (Petrov, Gustav), as namematch._folding reads it: not a glide (Petrov is not Petru)
            if pending:
                readings, pending = _extended(readings, pending), []
            readings = (readings + [r + "F" for r in readings])[:_MAX_VARIANTS]
            i += 1
            continue
        if c == "j" and len(readings) < _MAX_VARIANTS and y_sound[i] == "y":
            # between a consonant and a vowel, or ending a word after e or i, also the y sound
            # (j_as_y), dropped like a y (Benjamin, Benyamin; Sergej, Sergey)
            if pending:
                readings, pending = _extended(readings, pending), []
            readings = ([r + "J" for r in readings] + readings)[:_MAX_VARIANTS]
            i += 1
            continue
        if c == "c" and i + 1 < n and s[i + 1] in "eiy":
            pending.append("S")
        elif final_v:
            pending.append("F")  # (said f, above)
        else:
            pending.append(_LATIN_SINGLE.get(c, c if c.isdigit() else ""))
        i += 1
    if pending:
        readings = _extended(readings, pending)
    out: list[str] = []
    for r in readings:
        r = single_letters(r)
        if r not in out:
            out.append(r)
    return tuple(out)


# Arabic script ----------------------------------------------------------------
_ARABIC_CLASS: Final[dict[str, str]] = {
    "ب": "B", "پ": "B", "ت": "T", "ط": "T", "ث": "S", "ج": "J", "چ": "X", "ح": "H",
    "خ": "H", "ه": "H", "د": "D", "ذ": "D", "ض": "D", "ظ": "D", "ز": "D", "ر": "R",
    "ژ": "J", "س": "S", "ص": "S", "ش": "X", "ع": "", "ء": "", "ا": "", "و": "", "ي": "",
    "غ": "K", "ق": "K", "ك": "K", "گ": "K", "ف": "F", "ڤ": "F", "ل": "L", "م": "M",
    "ن": "N", "آ": "",
}  # fmt: skip


def _arabic_classes(form: str) -> str:
    if len(form) > 1 and form[-1] == "ه":
        form = form[:-1]
    return _collapse("".join(_ARABIC_CLASS.get(c, c if c.isascii() and c.isdigit() else "") for c in form))


#: Arabic-script compound heads (عبد, ابو) an inner article may follow.
_ARABIC_HEADS: Final = tuple(morph.arabic_head_forms())


@short_cache(maxsize=1 << 16)
def arabic_skeletons(form: str) -> tuple[str, ...]:
    """Consonant-class skeletons of a normalised Arabic-script form (cached).

    An inner article ال gives a second skeleton without its ل (assimilated or
    dropped in Latin: ``Abdurrahman``, ``Abu Abbas``).

    >>> arabic_skeletons("قاسم"), arabic_skeletons("عبدالرحمن")
    (('KSM',), ('BDLRHMN', 'BDRHMN'))
    >>> arabic_skeletons("جمال")
    ('JML', 'KML')
    """
    out = [_arabic_classes(form)]
    idx = form.find("ال", 1)
    if idx > 0 and (form[:idx].endswith(_ARABIC_HEADS) or form[idx:] in morph.arabic_tail_forms()):
        out.append(_arabic_classes(form[:idx] + "ا" + form[idx + 2 :]))
    if "ج" in form:  # Egyptian and foreign g written ج (Gamal, Getty)
        out.append(_arabic_classes(form.replace("ج", "ك")))
    res: list[str] = []
    for r in out:
        if r not in res:
            res.append(r)
    return tuple(res)


# Keys -----------------------------------------------------------------------


def _skel_keys(skels: tuple[str, ...] | list[str], form: str) -> list[str]:
    out = []
    for sk in skels:
        out.append("s:" + sk if sk else "o:" + form)
    return out


#: Compound levels whose parts get keys of their own ("Abd al-X" -> X, "X Allah" -> X).
#: Real names have at most two; the bound keeps a hostile unit (one word of a thousand
#: repeated "Abd") linear.
_MAX_COMPOUND_LEVELS: Final = 4


@lru_cache(maxsize=131072)
def _unit_keys_cached(form: str, script: str, res: Resources, head: str = "") -> frozenset[str]:
    """The keys of a unit and of the parts of its compounds (iterative, bounded), cached
    per resources value (two values never share an entry)."""
    ks: set[str] = set()
    item: tuple[str, str] | None = (form, script)
    for _ in range(_MAX_COMPOUND_LEVELS + 2):  # + the Latin hops of ASCII or other-script forms
        if item is None:
            break
        own, item = _own_keys(*item, res, head)
        ks |= own
        head = ""  # (the parse's head is the unit's first word only)
    return frozenset(ks)


def _own_keys(form: str, script: str, res: Resources, head: str = "") -> tuple[set[str], tuple[str, str] | None]:
    """The keys of one unit without its compound's part, and the (form, script) whose
    keys it also gets (a compound's part, or the Latin form of another script), if any.
    ``head``: the compound head parse gave the unit (romanised as parse read it)."""
    if script in (ARABIC, PERSIAN):
        norm = normalize_arabic(form).replace(" ", "")
        if not norm:
            return set(), None
        if all(c.isascii() for c in norm):
            return set(), (normalize_latin(norm), LATIN)
        from namematch.romanize import romanize_unit  # local: romanize imports lexicon

        ks = set(_skel_keys(arabic_skeletons(norm), norm))
        # both conventions, whatever the letters: keys must not depend on the script label
        for persian, k in ((False, 3), (True, 2)):
            for rom in romanize_unit(norm, persian=persian, limit=k, resources=res, head=head):
                ks.update(_skel_keys(latin_skeletons(rom)[:1], rom))
        ks.update(f"g:{g}" for g in res.lexicon.group_ids(norm))
        rest = morph.compound_rest(norm)  # Rahmat for رحمتالله, like the press shortens it
        return ks, ((rest, script) if rest else None)
    if script == LATIN:
        norm = normalize_latin(form)
        if not norm:
            return set(), None
        ks = set(_skel_keys(latin_skeletons(norm), norm))
        ks.update(f"g:{g}" for g in res.lexicon.group_ids(norm))
        rest = morph.compound_rest(norm) or res.lexicon.glued_article_core(norm)  # Abdulkarim, Alsayed
        return ks, ((rest, LATIN) if rest else None)
    norm = "".join(form.split())
    if norm.isascii():
        return set(), ((norm, LATIN) if norm else None)
    if not norm:
        return set(), None
    from namematch.romanize import romanize_unit

    # another script (Cyrillic, Greek, Han…): its own form, and the keys of its transliteration
    latin = romanize_unit(norm, limit=1, resources=res)
    return {"o:" + norm}, ((latin[0], LATIN) if latin else None)


def unit_keys(form: str, script: str, *, resources: Resources | None = None, head: str = "") -> frozenset[str]:
    """Blocking keys of one name unit's ``core`` (``script`` as on the NameToken), with the
    name data of ``resources`` (default: the shipped data). ``head``: the compound head parse
    gave the unit (:attr:`namematch.parse.NameToken.head`; a kunya ``امكلثوم`` is Umm Kulthum
    only when told ``"umm"``).

    >>> bool(unit_keys("kharawi", "latin") & unit_keys("خراوي", "arabic"))
    True
    >>> bool(unit_keys("pezeshkian", "latin") & unit_keys("پزشكيان", "persian"))
    True
    """
    if not isinstance(form, str):
        raise TypeError(f"form must be str, not {type(form).__name__}")
    if not isinstance(script, str):
        raise TypeError(f"script must be str, not {type(script).__name__}")
    if not isinstance(head, str):
        raise TypeError(f"head must be str, not {type(head).__name__}")
    if resources is not None and not isinstance(resources, Resources):
        raise TypeError(f"resources must be Resources or None, not {type(resources).__name__}")
    form = clean_text(form)
    if len(form) > 256:
        form = form[:256]
    return _unit_keys_cached(form, script, resources or Resources.shipped(), head)


def keys(name: str, *, resources: Resources | None = None) -> frozenset[str]:
    """Blocking keys of a name: the union of :func:`unit_keys` over its name units (with the
    name data of ``resources``, default the shipped data).

    Initials and one-character units get no keys. Variants of one person across spellings and scripts
    share at least one key.

    >>> bool(keys("Masoud Pezeshkian") & keys("مسعود پزشکیان"))
    True
    >>> keys("")
    frozenset()
    """
    check_str(name)
    out: set[str] = set()
    for _unit, ks in keyed_units(name, resources):
        out |= ks
    return frozenset(out)


def keyed_units(name: str, resources: Resources | None = None) -> Iterator[tuple[str, frozenset[str]]]:
    """(unit core, its keys) for each name unit that has keys, in name order
    (private; :func:`keys` and the registry's index read names through it)."""
    for _text, _norm, core, script, role, _lineage, _homoglyphs, _article, head, _tail in name_fields(name)[0]:
        if role == INITIAL or len(core) < 2:
            continue
        ks = unit_keys(core, script, resources=resources, head=head)
        if ks:
            yield core, ks
