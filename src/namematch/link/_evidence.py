"""Is a word a name element or ordinary language? (private)

Name evidence: the given names of ``data/link_given_names.txt``, the name-element
lexicon (:mod:`namematch.lexicon`: how common a name element is), and name
shape (a nisba ``-ي``/``-ی``, a Persian family-name suffix, a compound of a
name element glued to another: ``محمدباقر``, ``سیدعباس``, ``عبدالله``).
Ordinary-language evidence: how common the word is in the language
(``wordfreq``'s Zipf frequency). A name element is expected to be about as
common as it is as a name; a word much more common than that is ordinary.

The scores are log-odds-like numbers: positive means "a name", negative
"ordinary language"; the detectors add context (a title before, a name word
before) to them.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Final

import attrs

from namematch import _morphology as morph
from namematch import lexicon
from namematch.link._resources import MIN_ZIPF, LinkWords, words
from namematch.link._shape import shape_score

__all__ = ["arabic_kind", "arabic_score", "compound_given", "form_rarity", "latin_ordinary", "split_compound",
           "stan_country", "zipf_ar"]

#: Persian family-name suffixes (written glued or apart): Zarepour, Khatibzadeh, Ahmadinejad.
PERSIAN_SUFFIXES: Final = ("زاده", "پور", "نژاد", "نجاد", "نيا", "فر", "لو", "يان", "اني", "ابادي")
#: Words that end a name as a detached suffix ("زارع پور", "خطیب زاده"; the Turkish "son of",
#: oğlu, written apart in Arabic and Persian script: "داود أوغلو").
DETACHED_SUFFIXES: Final = frozenset({"زاده", "پور", "بور", "نژاد", "نجاد", "نيا", "فر", "لو", "ابادي", "الدين", "الله",
                                      "اوغلو",
                                      # "refuge": the second element of Persian family names (یزدان پناه, قائم پناه)
                                      "پناه"})
#: Name particles: a name word follows (bin, Abu, Abd, Al-e).
PARTICLES: Final = frozenset({"بن", "ابن", "بنت", "عبد", "ابو", "ابي", "ام", "آل", "ال",
                              "بو"})  # (بو: the kunya of Lebanese and Maghrebi family names, بو صعب)
#: Compound heads (عبد, ابو, بن: namematch._morphology): a word starting with one is a compound.
_STRUCTURE_HEADS: Final = tuple(morph.arabic_head_forms(glued_only=False))
#: Heads a name element may be glued to when Persian is written without ZWNJ: the compound
#: heads, and given names and honorifics that often lead one (سیدعباس, محمدباقر, میرزا…).
_GLUED_HEADS: Final = (*_STRUCTURE_HEADS, "سيد", "امير", "محمد", "علي", "ميرزا", "مير", "شيخ", "حاج", "ملا")

#: Lineage heads ("son of") that a listed given name may begin with (Benjamin, بنيامين).
_LINEAGE_HEADS: Final = frozenset({"بن", "ابن"})
#: Second elements glued to a given name (Zabihullah, Jalaluddin): the compound tails but Zada,
#: a family-name suffix (PERSIAN_SUFFIXES).
_GLUED_TAILS: Final = tuple(f for f, kind in morph.arabic_tail_forms().items() if kind in (morph.DIN, morph.ALLAH))

#: Weights of the evidence (see arabic_score).
GIVEN: Final = 2.0
KNOWN: Final = 0.5
COMMONNESS: Final = 2.0
SHAPE: Final = 0.7
UNKNOWN: Final = -0.2
#: Weight of the name-shape score (link._shape) of a word the lexicon does not know, and the
#: most evidence it gives with the shape above (it only adds: Arabic names are shaped like
#: Arabic words).
SHAPE_WEIGHT: Final = 0.35
SHAPE_MAX: Final = 1.2


@lru_cache(maxsize=131072)
def form_rarity(form: str) -> float:
    try:
        r = lexicon.rarity(form)
    except Exception:  # the lexicon must never break linking
        return 1.0
    if r >= 1.0 and form.startswith("ال") and len(form) > 4:
        try:
            r = lexicon.rarity(form[2:])
        except Exception:
            return 1.0
    return r


@attrs.frozen
class _Longest:
    """The longest word of the lists a compound split looks its parts up in."""

    given: int
    common: int


@lru_cache(maxsize=8)
def _longest(lw: LinkWords) -> _Longest:
    """Longest listed given name and longest Arabic-script word of Zipf >= COMPOUND_ZIPF."""
    common = [f for table in (lw.zipf["ar"], lw.zipf["fa"]) for f, z in table.items() if z >= COMPOUND_ZIPF]
    return _Longest(given=max(map(len, lw.given), default=0), common=max(map(len, common), default=0))


def zipf_ar(form: str, lw: LinkWords) -> float:
    return max(lw.zipf["ar"].get(form, 0.0), lw.zipf["fa"].get(form, 0.0))


@lru_cache(maxsize=65536)
def split_compound(stem: str) -> tuple[str, str] | None:
    """A word read as two name elements written without a space or ZWNJ
    (محمدباقر, سیدعباس, امیرعبداللهیان, عبدالله), or None."""
    lw = words()
    if len(stem) < 6:
        return None
    for head in _GLUED_HEADS:
        if stem.startswith(head) and len(stem) - len(head) >= 3:
            if head in _LINEAGE_HEADS and stem in lw.given:
                continue  # a given name that begins like بن is one name (بنيامين: no بن + يامين)
            rest = stem[len(head):]
            if head in _STRUCTURE_HEADS or rest in lw.given or form_rarity(rest) < 0.9:
                return head, rest
    # the head must be a listed given name: cuts past the longest one cannot match (and
    # would make a long unspaced word cost quadratic time)
    for cut in range(3, min(len(stem) - 2, _longest(lw).given + 1)):
        a, b = stem[:cut], stem[cut:]
        if a in lw.given and (b in lw.given or b.startswith("عبد")):
            return a, b
    for tail in _GLUED_TAILS:  # حبیبالله, نصرالله, شمسالدین: a name glued to الله / الدين
        if stem.endswith(tail) and len(stem) - len(tail) >= 3:
            return stem[: -len(tail)], tail
    return None


#: Honorifics written glued to the given name they lead (سیدعلی, میرحسین, حاجعلی: Persian without ZWNJ).
_GLUED_HONORIFICS: Final = ("سيد", "مير", "حاج", "ملا")


def _honorific_given(stem: str) -> bool:
    """True when a word is an honorific glued to a listed given name (سیدعلی, میرحسین): a
    given name, however common the two words are apart."""
    for head in _GLUED_HONORIFICS:
        if stem.startswith(head) and stem[len(head):] in words().given and len(stem) - len(head) >= 3:
            return True
    return False


def compound_given(stem: str) -> bool:
    """True when a word is a given name written as two elements glued together
    (محمدباقر, حبیبالله, شمسالدین)."""
    parts = split_compound(stem)
    if parts is None:
        return False
    given = words().given
    return parts[1] in _GLUED_TAILS or (parts[0] in given and parts[1] in given)


def arabic_kind(stem: str, lw: LinkWords) -> str:
    """The word class of an Arabic-script stem: ``role``, ``qual``, ``place``, ``org``,
    ``stop``, ``particle``, ``suffix`` or ``word``."""
    if stem in PARTICLES:
        return "particle"
    if stem in DETACHED_SUFFIXES:
        return "suffix"
    if stem in lw.roles:
        return "role"
    ezafe = len(stem) > 3 and stem[-1] == "ي" and stem[-2] in "واه"  # the Persian ezafe after a vowel
    if ezafe and stem[:-1] in lw.roles:
        return "role"  # سخنگوی, نماینده ی
    if ezafe and stem[:-1] in lw.quals:
        return "qual"  # مجلس سنای X
    if _possessed_feminine_role(stem, lw):
        return "role"
    for a in _adjective_forms(stem):
        if a in lw.nationalities or a in lw.places:
            return "place"
        if a in lw.quals:
            return "qual"
    if _stan_nisba(stem, lw):
        return "place"
    if len(stem) > 4 and stem.endswith("ش") and any(
            b in lw.nationalities for b in (stem[:-1], stem[:-2] if stem.endswith("اش") else "")):
        return "place"  # a nationality with the Persian "his" (همتای افغانش, همتای ایرانیاش)
    if stem in lw.stops or len(stem) < 2:
        return "stop"
    if stem in lw.orgs or (ezafe and stem[:-1] in lw.orgs):
        return "org"  # (کمیساریای عالی: the ezafe after an organisation word)
    return "word"


def _stan_nisba(stem: str, lw: LinkWords) -> bool:
    """A definite nisba of a country whose name ends in -ستان (Arabic adjectives of nationality):
    of the whole name (التركمانستاني) or of the people's name before -ستان (الكازاخي of كازاخستان,
    القرغيزي of قرغيزستان). Not of other places: a city's nisba is a family name too (البغدادي)."""
    for a in _adjective_forms(stem):
        if not (a.startswith("ال") and a.endswith("ي") and len(a) >= 7):
            continue
        base = a[2:-1]
        if (base.endswith("ستان") and base in lw.places) or base + "ستان" in lw.places:
            return True
    return False


def stan_country(form: str, lw: LinkWords) -> str:
    """The country key of a definite nisba of a -ستان country (:func:`_stan_nisba`:
    القرغيزي -> kyrgyzstan), or ""."""
    if not (form.startswith("ال") and form.endswith("ي") and len(form) >= 7):
        return ""
    base = form[2:-1]
    return lw.country_of.get(base if base.endswith("ستان") else base + "ستان", "")


#: Pronoun suffixes after the ta marbuta of a feminine noun, written ت + suffix
#: (نائبته "his deputy", مستشارتها "her adviser").
_FEMININE_POSSESSIVES: Final = ("تهما", "تهم", "تها", "ته")


def _possessed_feminine_role(stem: str, lw: LinkWords) -> bool:
    """A feminine role word with a possessive pronoun (نائبته = نائبة + ه): the ta marbuta
    becomes ت before the suffix, so the role list does not hold the written word."""
    for suf in _FEMININE_POSSESSIVES:
        if stem.endswith(suf) and len(stem) - len(suf) >= 3:
            return stem[: -len(suf)] + "ه" in lw.roles
    return False


def _adjective_forms(norm: str) -> tuple[str, ...]:
    """Masculine singular forms of an Arabic adjective (الإيرانية -> الايراني)."""
    out = [norm]
    if norm.endswith("يه") and len(norm) > 4:
        out.append(norm[:-1])
    if norm.endswith(("يون", "يين")) and len(norm) > 5:
        out.append(norm[:-2])
    return tuple(out)


@lru_cache(maxsize=131072)
def arabic_score(stem: str, surface: str, nisba: bool = True) -> float:
    """Name evidence minus ordinary-language evidence of an Arabic-script word
    (``stem``: a reading without proclitics; ``surface``: the whole word; ``nisba``:
    False when a final ``ي`` was written ``ى``, a verb or noun ending, not a nisba).

    * a listed given name: +2.0; a lexicon name element: +0.5, plus up to +2.0 the
      more common it is as a name; else a name shape (nisba, Persian family-name
      suffix, glued compound): +0.7; else -0.2;
    * minus the word's Zipf frequency above 3 (one in a million words), the larger
      of the stem's and the surface form's, in Arabic or Persian.
    """
    lw = words()
    given = stem in lw.given or _honorific_given(stem)
    r = form_rarity(stem)
    ev = GIVEN if given else 0.0
    if r < 1.0:
        ev += KNOWN + COMMONNESS * (1.0 - r)
    plural = 0.0
    if r >= 1.0 and not given:
        plural = _plural_zipf(stem, lw)  # a Persian plural of an ordinary word (تلاشهای): ordinary
        shaped = not plural and (
            (nisba and stem.endswith("ي") and len(stem) >= 4)
            or (stem.endswith(PERSIAN_SUFFIXES) and len(stem) >= 5)
            or split_compound(stem) is not None
        )
        if shaped or plural:
            ev += SHAPE if shaped else UNKNOWN
        else:
            ev += max(UNKNOWN, min(SHAPE_MAX, UNKNOWN + SHAPE_WEIGHT * shape_score(stem, lw.shape)))
    z = max(zipf_ar(stem, lw), zipf_ar(surface, lw), plural)
    if z == 0.0 and r >= 1.0 and not given:
        z = _compound_zipf(stem, lw)
    return ev - max(0.0, z - MIN_ZIPF)


#: Persian verb prefixes written without ZWNJ.
_VERB_PREFIXES: Final = ("نمي", "مي")
#: Both parts of a word read as a compound of two ordinary words must be this common.
COMPOUND_ZIPF: Final = 3.5


def _compound_zipf(stem: str, lw: LinkWords) -> float:
    """The Zipf frequency of the rarer part, when a word is two ordinary words written
    together (Persian without ZWNJ: عهدهدار, همجواری, میگیرد), else 0.0. Splits where
    a part is a name element or a family-name suffix do not count (زارعپور)."""
    if len(stem) < 5:
        return 0.0
    best = 0.0
    for head in _VERB_PREFIXES:  # میگیرد, نمیشود: a verb's prefix and a verb
        if stem.startswith(head) and len(stem) - len(head) >= 3:
            best = max(best, zipf_ar(stem[len(head):], lw))
    # both parts must be common words, so neither is longer than the longest common word:
    # only cuts within that reach of both ends can count (linear time on a long unspaced word)
    longest = _longest(lw).common
    for cut in range(max(3, len(stem) - longest), min(len(stem) - 2, longest + 1)):
        a, b = stem[:cut], stem[cut:]
        if b in DETACHED_SUFFIXES or b.endswith(PERSIAN_SUFFIXES[:4]) or a in lw.given or b in lw.given:
            continue
        if len(a) < 4 and len(b) < 4:
            continue  # two three-letter pieces are as often a foreign name cut anywhere (آنالنا)
        za, zb = zipf_ar(a, lw), zipf_ar(b, lw)
        if za >= COMPOUND_ZIPF and zb >= COMPOUND_ZIPF and form_rarity(a) >= 0.5 and form_rarity(b) >= 0.5:
            best = max(best, min(za, zb))
    return best


#: Persian plural endings (ها, and ها with the ezafe: تلاشهای).
_PERSIAN_PLURALS: Final = ("هاي", "ها")


def _plural_zipf(stem: str, lw: LinkWords) -> float:
    """The Zipf frequency of the singular of a Persian plural written without ZWNJ
    (تلاشهای -> تلاش), else 0.0."""
    for end in _PERSIAN_PLURALS:
        if stem.endswith(end) and len(stem) - len(end) >= 3:
            base = stem[: -len(end)]
            if base not in lw.given and form_rarity(base) >= 0.5:
                return zipf_ar(base, lw)
    return 0.0


@lru_cache(maxsize=65536)
def latin_ordinary(norm: str) -> bool:
    """True when a (capitalised) Latin word is ordinary English rather than a name:
    at least Zipf 4 in English and clearly more common than the name element is."""
    lw = words()
    z = lw.zipf["en"].get(norm, 0.0)
    if z < 4.0 or norm in lw.given:
        return False
    r = form_rarity(norm)
    expected = MIN_ZIPF + 3.5 * (1.0 - r) + 0.5 if r < 1.0 else MIN_ZIPF + 1.0
    return z > expected
