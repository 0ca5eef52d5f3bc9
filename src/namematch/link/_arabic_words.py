"""How the Arabic-script detector (:mod:`namematch.link._arabic`) reads one word: its
kind (name, particle, title, stop word ...), the proclitic letters read off it, its stem
and its name evidence.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Final

from namematch.link._evidence import arabic_kind, arabic_score, form_rarity, zipf_ar
from namematch.link._resources import LinkWords
from namematch.link._scan import Word, arabic_readings

__all__ = ["ARABIC_ONLY_PROCLITICS", "CLITIC_PARTICLES", "CLITIC_STEM", "CLITIC_WHOLE", "WordInfo", "read_info", "read_whole",
           "word_info"]

#: Pronoun suffixes: a word with a proclitic and one of these (بخبرته, لقائهم) is no name.
_ENCLITICS: Final = ("ته", "تها", "تهم", "ها", "هم", "هما", "كم", "نا", "اته")
_CLITIC_PAIR_SCORE: Final = -1.5
#: Persian nouns of compound verbs written glued (سیاستگذاری "policy-making", تصمیمگیری
#: "decision-making", خصوصیسازی "privatisation"): ordinary words, never names.
_PERSIAN_ACTION_NOUNS: Final = ("گذاري", "گيري", "سازي")
_ACTION_NOUN_SCORE: Final = -1.5
#: A definite sound plural (-ين, -ون) no lexicon lists and the language uses this often
#: (Zipf) is an ordinary noun or adjective (أسماء الفائزين "the winners' names").
_PLURAL_ZIPF: Final = 3.0
_PLURAL_SCORE: Final = -3.0
#: Plurals that are the second element of a compound given name (زين العابدين).
_NAME_PLURALS: Final = frozenset({"العابدين"})
#: Name particles a proclitic is read off before (the whole word is no name).
CLITIC_PARTICLES: Final = frozenset({"عبد", "ابو", "ابي", "بن", "ابن"})
#: A proclitic is read off a word only when the whole word is no name (evidence below
#: CLITIC_WHOLE) and the rest is a clear one (evidence CLITIC_STEM or more): ومحمد, لعلي.
CLITIC_WHOLE: Final = 0.5
CLITIC_STEM: Final = 1.0
#: A word no frequency list knows whose rest after a proclitic is an ordinary word this common
#: (Zipf) and four letters or more is the proclitic and that word (لمشروعات "for projects"), no
#: name (a short rest may be a name: لاون).
_CLITIC_WORD_ZIPF: Final = 3.5
#: A word that reads as a proclitic and a name but is known whole at most this much (Zipf) less
#: often than the name is a word of its own (لصالح "in favour of", a third as common as صالح): a
#: proclitic adds only a small share of a name's occurrences (لمحمد is a hundred times rarer than محمد).
_LEXICAL_GAP: Final = 0.5
#: Evidence of a word no frequency list knows that is the future prefix س and a verb the lists
#: know (سيزور "will visit"): a verb, never a name word, even in a family-name slot.
_FUTURE_VERB_SCORE: Final = -3.0
#: Prefixes of the imperfect of the derived verb forms (يتفقد, يترأس, يستقبل: "he inspects",
#: "he chairs", "he receives"; with the infix ت, يفتتح, يلتقي): a word of this shape that the
#: language uses is a verb, never a name word (a foreign name no list knows may start so: يتسحاق).
_IMPERFECT_PREFIXES: Final = ("يت", "يست")
_IMPERFECT_SCORE: Final = -3.0
#: Persian adjectives of abstract nouns in -یت (حاکمیت "sovereignty" -> حاکمیتی, مدیریتی): the noun
#: and the word it is made of (حاکم) are common words. Not after ا, where family names are made of
#: given names and nouns alike (ولایتی, هدایتی, عنایتی).
_ABSTRACT_ADJECTIVE_ZIPF: Final = 3.0
_ABSTRACT_ADJECTIVE_SCORE: Final = -1.5
#: The tanween of the accusative written on a word (مرسوماً "a decree", نائباً "as deputy"): the press
#: marks indefinite nouns and adverbs so, never a person's name.
_TANWEEN_FATH: Final = "\u064b"
_TANWEEN_SCORE: Final = -3.0
#: Function words written with alef maqsura or hamza that fold onto a name (على -> علي).
_RAW_STOPS: Final = frozenset({"على", "إلى", "الى", "عليه", "عن", "هذا", "حتى", "متى", "لدى", "سوى", "إلي"})


def _letters(raw: str) -> str:
    return "".join(c for c in raw if unicodedata.category(c)[0] == "L" and c != "\u0640")


class WordInfo:
    """What the detector reads of one Arabic-script word."""

    __slots__ = ("kind", "off", "score", "stem")

    def __init__(self, kind: str, off: int, stem: str, score: float) -> None:
        self.kind = kind
        self.off = off
        self.stem = stem
        self.score = score


#: Proclitics of Arabic that Persian does not have: in Persian text a word starting with
#: them is read whole (فلودروس, کریمی), never as the conjunction or preposition and a stem.
ARABIC_ONLY_PROCLITICS: Final = frozenset("فك")


def read_whole(w: Word, lw: LinkWords) -> WordInfo:
    """The word read without any proclitic (Persian text: see ARABIC_ONLY_PROCLITICS)."""
    return _read_word(w.text, arabic_readings(w.norm)[:1], lw)


def read_info(w: Word, lw: LinkWords) -> WordInfo:
    kind, off, stem, score = word_info(w.text, w.norm, lw)
    return WordInfo(kind, off, stem, score)


@lru_cache(maxsize=65536)
def word_info(text: str, norm: str, lw: LinkWords) -> tuple[str, int, str, float]:
    """(kind, proclitic letters, stem, evidence) of an Arabic-script word (cached)."""
    info = _read_word(text, arabic_readings(norm), lw)
    return info.kind, info.off, info.stem, info.score


def _imperfect_shape(word: str) -> bool:
    """The word starts like the imperfect of a derived verb form (يت, يست, or ي with the infix ت:
    يترأس, يستقبل, يفتتح), or like its feminine or second person (تت, تست, or ت with the infix ت
    after a root letter: تلتقي, تستقبل; not ت then alef, as in a name like تاتشر)."""
    if word.startswith(_IMPERFECT_PREFIXES) or (len(word) > 2 and word[0] == "ي" and word[2] == "ت"):
        return True
    return word.startswith(("تت", "تست")) or (len(word) > 2 and word[0] == "ت" and word[1] != "ا" and word[2] == "ت")


def _abstract_adjective(whole: str, lw: LinkWords) -> bool:
    """True when a word is the adjective of an abstract noun in -یت made of a common word
    (حاکمیتی of حاکمیت of حاکم; see _ABSTRACT_ADJECTIVE_ZIPF)."""
    return (len(whole) >= 7 and whole.endswith("يتي") and whole[-4] != "ا" and not whole.startswith("ال")
            and whole not in lw.given and whole[:-1] not in lw.given
            and zipf_ar(whole[:-1], lw) >= _ABSTRACT_ADJECTIVE_ZIPF
            and zipf_ar(whole[:-3], lw) >= _ABSTRACT_ADJECTIVE_ZIPF)


def _read_word(text: str, readings: tuple[tuple[int, str], ...], lw: LinkWords) -> WordInfo:
    whole = readings[0][1]
    raw = _letters(text)
    if raw in _RAW_STOPS or (raw[:1] in "وف" and raw[1:] in _RAW_STOPS):
        return WordInfo("stop", 0, whole, 0.0)
    kind = arabic_kind(whole, lw)
    if kind != "word":
        return WordInfo(kind, 0, whole, 0.0)
    nisba = not raw.endswith("ى")
    best = WordInfo("word", 0, whole, arabic_score(whole, whole, nisba))
    if _TANWEEN_FATH in text and whole not in lw.given:
        best.score = min(best.score, _TANWEEN_SCORE)  # مرسوماً, نائباً: an indefinite accusative, no name word
        return best
    if (len(whole) >= 8 and whole.startswith("ال") and whole.endswith(("ين", "ون")) and whole not in lw.given
            and form_rarity(whole) >= 1.0 and zipf_ar(whole, lw) >= _PLURAL_ZIPF and whole not in _NAME_PLURALS):
        best.score = min(best.score, _PLURAL_SCORE)  # الفائزين, المشاركين: a definite plural, no family name
        return best
    if (len(whole) >= 5 and whole.endswith("ها") and whole not in lw.given and form_rarity(whole) >= 1.0
            and zipf_ar(whole[:-2], lw) >= _PLURAL_ZIPF):
        best.score = min(best.score, _PLURAL_SCORE)  # أدارها "he chaired it", همکاریها: a word and -ها
        return best
    if (len(whole) >= 5 and whole[0] == "س" and whole[1] in "يتنا" and whole not in lw.given
            and zipf_ar(whole, lw) == 0.0 and (zipf_ar(whole[1:], lw) >= _CLITIC_WORD_ZIPF
                                               or (len(whole) >= 6 and _imperfect_shape(whole[1:])
                                                   and zipf_ar(whole[1:], lw) > 0.0))):
        best.score = min(best.score, _FUTURE_VERB_SCORE)  # سيزور, سيلتقي: the future prefix and a verb
        return best
    if (len(whole) >= 5 and _imperfect_shape(whole) and whole not in lw.given and form_rarity(whole) >= 1.0
            and zipf_ar(whole, lw) > 0.0):
        best.score = min(best.score, _IMPERFECT_SCORE)  # يترأس, يستقبل: a verb, never a name word
        return best
    if _abstract_adjective(whole, lw):
        best.score = min(best.score, _ABSTRACT_ADJECTIVE_SCORE)  # حاکمیتی "sovereign": an adjective
        return best
    if len(whole) >= 7 and whole.endswith(_PERSIAN_ACTION_NOUNS) and whole not in lw.given:
        best.score = min(best.score, _ACTION_NOUN_SCORE)  # سیاستگذاری, تصمیمگیری: a noun of a verb compound
        return best
    if (len(whole) >= 5 and whole[0] in "بلكوف" and whole.endswith(_ENCLITICS) and whole not in lw.given
            and form_rarity(whole) >= 1.0):
        best.score = min(best.score, _CLITIC_PAIR_SCORE)  # بخبرته: a preposition, a noun and "his"
        return best
    if whole not in lw.given and form_rarity(whole) >= 0.8:
        for off, stem in readings[1:]:
            if stem in CLITIC_PARTICLES:
                return WordInfo("particle", off, stem, 0.0)  # وعبد الكريم, لأبي الفضل: a proclitic, a name particle
    if whole in lw.given or form_rarity(whole) < 1.0:
        return best
    for off, stem in readings[1:]:
        k = arabic_kind(stem, lw)
        if k not in ("word", "particle", "suffix"):
            return WordInfo(k, off, stem, 0.0)
    if whole[:1] == "و" and zipf_ar(whole, lw) == 0.0:
        for off, stem in readings[1:]:
            if off == 1 and len(stem) >= 3 and stem in lw.given and arabic_kind(stem, lw) == "word":
                # "ورونالد": a word never seen whole, "and" before a listed given name (a list of names)
                return WordInfo("word", off, stem, max(best.score, arabic_score(stem, whole, nisba)))
    if best.score > CLITIC_WHOLE:
        return best
    if zipf_ar(whole, lw) == 0.0:
        for off, stem in readings[1:]:
            s = arabic_score(stem, whole, nisba)
            if (s < 0.0 and len(stem) >= 4 and stem not in lw.given and zipf_ar(stem, lw) >= _CLITIC_WORD_ZIPF
                    and arabic_kind(stem, lw) == "word"):
                return WordInfo("word", off, stem, s)  # لمشروعات: no word itself, a proclitic and a common word
    whole_zipf = zipf_ar(whole, lw)
    for off, stem in readings[1:]:
        s = arabic_score(stem, whole, nisba)
        if whole_zipf > 0.0 and whole_zipf >= zipf_ar(stem, lw) - _LEXICAL_GAP:
            continue  # لصالح "in favour of": a word with a proclitic nearly as common as its stem is a word of its own
        if s >= CLITIC_STEM and s > best.score and arabic_kind(stem, lw) == "word":
            best = WordInfo("word", off, stem, s)
    return best
