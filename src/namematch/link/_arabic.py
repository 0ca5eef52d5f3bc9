"""Person names in Arabic and Persian running text (private).

Arabic script has no capitals, so a span is a name when its words' name evidence
(:mod:`namematch.link._evidence`) outweighs their ordinary-language evidence,
with context added: a title or role before the name (``وزير الخارجية``,
``السيد``, ``آقای``), a role after it (``عباس عراقچی، وزیر ...``), a verb of
saying, quotes, or a name word before it. Without such context a name must
start with a given name and hold two name words. A second pass finds the
family names of the names found (``عراقچی`` after ``سید عباس عراقچی``), with
proclitics (``لعراقچی``, ``والصفدي``).

Every pass reads each word a bounded number of times: the time is linear in the
length of the text.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from typing import Final

from namematch import _morphology as morph
from namematch.link._arabic_words import (
    ARABIC_ONLY_PROCLITICS,
    CLITIC_PARTICLES,
    WordInfo,
    read_info,
    read_whole,
)
from namematch.link._context import RULERS
from namematch.link._evidence import (
    PARTICLES,
    arabic_score,
    compound_given,
    form_rarity,
    split_compound,
    zipf_ar,
)
from namematch.link._found import Found
from namematch.link._resources import LinkWords
from namematch.link._scan import CLOSE_QUOTES, OPEN_QUOTES, Word, stem_start

__all__ = ["ArabicDetector"]

#: Evidence added to the first word after a title or role, or before a role.
TITLE_BONUS: Final = 1.5
#: The least letters of each of two words no list knows that open a clause before a role (a name).
UNKNOWN_PAIR_LETTERS: Final = 4
#: Evidence added to a word that continues a name (a name word before it).
CONTINUE_BONUS: Final = 1.0
#: The same without a title or role around the name.
FREE_CONTINUE_BONUS: Final = 0.5
#: Evidence added to an article word (al-X) right after a given name: a family name.
ARTICLE_BONUS: Final = 0.5
#: Words that start a byline or photo credit before a colon or dash (عکس:, كتب -, بقلم:).
_BYLINE_CUES: Final = frozenset({"عكس", "عكاس", "تصوير", "كتب", "كتبت", "بقلم", "اعداد", "تحرير", "ترجمه", "گزارش",
                                 "تغطيه", "متابعه",
                                 "گزارشگر", "نويسنده", "خبرنگار", "مراسل", "مصور"})
#: The words of a byline must each be less common than this evidence says (no ordinary phrase),
#: or together less common than twice it when the last, the family name, has name evidence.
BYLINE_FLOOR: Final = -1.5
#: Evidence added to a word before بن and a given name (the person's own name: نجم بن خالد).
NASAB_BONUS: Final = 1.5
#: Evidence added to a word before a detached family-name suffix (زارع پور).
SUFFIX_BONUS: Final = 1.0
MAX_NAME_WORDS: Final = 7
#: The second word of a name under a title may be this ordinary (a famous family name is a
#: common word: رفسنجاني); later words, and words of names without context, not at all.
SECOND_WORD_CUTOFF: Final = -1.0
#: Evidence above this: a name element, or a rare word (not in the frequency lists).
UNKNOWN_FLOOR: Final = -0.5
#: A name of one word after a title: its evidence with the title bonus must reach this.
SINGLE_MARGIN: Final = 0.5
#: Two name words before a role whose last has name evidence: their evidence must sum above this.
READ_BACK_SUM: Final = -0.5
#: ... and a word no list knows, after an office rather than an honorific, this much of its own.
SINGLE_OWN: Final = -0.15
#: A word no frequency list knows is read as a transliterated name rather than a proclitic and
#: an unknown word when its name evidence (its shape, link._shape) is above this.
FOREIGN_SHAPE: Final = 0.5
#: "in the name of": after المتحدث باسم an institution is named, the spokesman's name after it.
_IN_THE_NAME_OF: Final = frozenset({"باسم"})
#: Offices of military ranks (link_roles' third column): general, brigadier, colonel, major ...
_RANK_OFFICES: Final = frozenset({"general", "brigadier", "colonel", "major", "captain", "marshal", "lieutenant"})
#: Detached family-name suffixes that make a family name of any word before them (not نیا
#: "grandfather", فر, لو: short words of their own; the Turkish oğlu "son of" makes one of a title
#: word too: إمام أوغلو, قاضی اوغلو).
_FAMILY_SUFFIXES: Final = frozenset({"زاده", "پور", "بور", "نژاد", "نجاد", "اوغلو"})
#: Words for a news outlet (normalised): the word after one is the outlet's name (خبرگزاری فارس,
#: وكالة فارس, روزنامه X, قناة X).
_MEDIA_WORDS: Final = frozenset({"خبرگزاري", "وكاله", "صحيفه", "روزنامه", "قناه", "شبكه", "مجله", "جريده",
                                 "نشريه", "هفتهنامه", "تلويزيون", "تلفزيون", "راديو"})
#: Definite words that name a news network, not a place named after the person after them
#: (مراسل الجزيرة X: the network's reporter X; جزيرة X: the island X).
_NETWORK_NAMES: Final = frozenset({"الجزيره"})
#: Persian military and police ranks (normalised): the word right after one is a name, however
#: ordinary it looks (سرتیپ X, دریادار X, سرلشکر X); the Persian army's امیر is a given name too.
_PERSIAN_RANKS: Final = frozenset({"سرتيپ", "سرهنگ", "سپهبد", "ارتشبد", "دريادار", "دريابان", "ناخدا", "سرلشكر",
                                   "سرگرد", "سروان", "ستوان", "سردار"})
#: Words that may stand between a role and the name: "في", "لدى" before a place.
_LINKERS: Final = frozenset({"في", "لدي", "در", "به", "بال", "الي"})
#: Particles of European names written in Arabic script (فون دير لاين, فان): only inside a name.
FOREIGN_PARTICLES: Final = frozenset({"فون", "فان", "دير", "دي", "دو", "دا", "د", "ديل", "دل", "دوس"})
#: Romance articles after such a particle (دي لا فوينتي, د لا فوئنته, دي لوس): only after one, since
#: لا alone is the Arabic "no".
_FOREIGN_ARTICLES: Final = frozenset({"لا", "لاس", "لوس", "لو"})
_SAYYID: Final = frozenset({"سيد"})
#: Titles with the article that are family names too (al-Sayed, al-Sheikh): after one given name,
#: ending the name, the family name, not the title of a name after them.
_TITLE_FAMILIES: Final = frozenset({"السيد", "الشيخ"})
#: Words that announce a nickname or nom de guerre (المعروف بـ, الملقب بـ, Persian معروف به): the
#: name after them names the person named before them.
_ALIAS_CUES: Final = frozenset({"المعروف", "الملقب", "المكني", "المشهور", "المعروفه", "الملقبه", "معروف", "ملقب",
                                "مشهور", "معروفه", "ملقبه"})
#: The preposition after such a cue, written apart ("بـ" with a tatweel, Persian به).
_ALIAS_PREPOSITIONS: Final = frozenset({"ب", "به", "باسم"})
#: Persian possessives written apart after a role phrase: "his", "their", "own" (همتای آلمانی اش).
_DETACHED_POSSESSIVES: Final = frozenset({"اش", "شان", "خود", "خويش"})
#: "International" right after a name: the name is a place's or a building's (استاد X الدولي,
#: مطار X الدولي, مستشفى X الدولي); a person is never followed by this adjective.
_PLACE_ADJECTIVES: Final = frozenset({"الدولي", "الدوليه"})
#: Words of a role phrase read past before the name that follows it (see _past_role_phrase).
ROLE_PHRASE_WORDS: Final = 6
#: Demonstratives inside a role phrase (سخنگوی این کمیسیون, رئيس هذه اللجنة).
_DEMONSTRATIVES: Final = frozenset({"اين", "ان", "هذه", "هذا", "تلك", "ذلك"})
#: The "of the faith" tail glued to a given name (نورالدين).
_DIN_TAILS: Final = frozenset(f for f, kind in morph.arabic_tail_forms().items() if kind == morph.DIN)
#: Particles that start a name without context, and the evidence the next word needs: a
#: kunya (أبو, and its case forms أبي, أبا) before any word that is no common one.
_FREE_PARTICLES: Final = {"ابو": UNKNOWN_FLOOR, "ابي": UNKNOWN_FLOOR, "ابا": UNKNOWN_FLOOR, "عبد": 0.0, "ام": 0.0,
                          "بن": 1.0, "بو": UNKNOWN_FLOOR}
#: Title words written bare (no article) that are name elements between two name words
#: (Somali and South Asian names: حسن شيخ محمود; Persian family names: حمید رضا حاجی بابایی,
#: محمدجواد حاج علی اکبری).
_INNER_TITLES: Final = frozenset({"شيخ", "حاجي", "حاج",
                                   # the Persian and Afghan شاه inside a compound given name (احمد شاه X)
                                   "شاه"})
#: Imam written bare (no article): inside a name only before a given name (رستم امام علي).
_IMAM: Final = "امام"
#: Words of religious formulas with الله (طيب الله ثراه, حفظه الله ورعاه, رضي الله عنه).
_FORMULA_WORDS: Final = frozenset({"ثراه", "مثواه", "سره", "روحه", "حفظه", "حفظها", "رحمه", "رحمها", "يرحمه", "رعاه",
                                   "ورعاه", "ايده", "نصره", "عنه", "عنها", "عنهم", "عليه", "عليها", "تعالي", "وجل"})
#: "of the Muslims": the end of the clerical rank حجت الاسلام و المسلمین when "and" is written apart.
_MUSLIMS: Final = "المسلمين"
_TWO_WORD_TITLES: Final = frozenset({("ايت", "الله"), ("ايه", "الله"), ("حجت", "الاسلام"), ("حجه", "الاسلام"),
                                       ("ثقه", "الاسلام"), ("ولي", "العهد"), ("رجل", "الاعمال"),
                                       ("سيده", "الاعمال"), ("اسقف", "اعظم"),
                                       ("نخست", "وزير"), ("خادم", "الحرمين"), ("رييس", "جمهور"),
                                       ("ولي", "فقيه"), ("رايد", "الفضاء"), ("رايد", "فضاء"),
                                       # (the secretary-general: not the given name al-Amin after a
                                       # given name that is a verb too, طالب الأمين العام "demanded")
                                       ("الامين", "العام")})  # (نماینده ولی فقیه: the Guardian Jurist, an office)
#: Honorifics of historical figures that stand in the names of places after them (دانشگاه خواجه
#: نصیر X) but are name words of living persons (خواجه آصف): read past only inside a place's name.
_PLACE_NAME_TITLES: Final = frozenset({"خواجه"})
#: Words that are given names too, and titles before a place, a qualifier or another title
#: (أمير قطر, ملك البحرين, أمير البلاد; the Persian army rank امیر سرتیپ).
_TITLES_BEFORE_PLACE: Final = frozenset({"امير", "ملك"})
#: A given name too, and a title before a name that is no particle (سلطان فهد; not بن سلطان آل), nor a
#: word with the article (سلطان الجابر: a ruler's name takes no article, a family name does).
_TITLE_BEFORE_NAME: Final = frozenset({"سلطان"})
#: The same in Persian text only: حکیم "the sage", the title of classical poets, philosophers and
#: physicians (حکیم ابوالقاسم X, حکیم عمر X); in Arabic حكيم is a given name before a father's name.
_PERSIAN_TITLE_BEFORE_NAME: Final = frozenset({"حكيم"})
#: Lineage words of Maghrebi and Mauritanian names inside a name (محمد ولد الرشيد "son of", خالد آيت
#: الطالب, Berber "of the family of"): a name word with name evidence follows. Never a name's first
#: word (ولد is also "was born", "boy"; آیت starts آیت الله).
_INNER_LINEAGE: Final = frozenset({"ولد", "ايت"})
#: Given names that are offices too (أمين "secretary", الأمين العام): the office before a
#: qualifier, place or another office, the name after a given name (محمد الأمين) or before
#: a word with name evidence (وزير الصحة أمين X).
_OFFICE_NAMES: Final = frozenset({"امين", "الامين"})
#: Prepositions "in" (في, Persian در): a word right after one is a place, not the name read
#: back before a role (في بكركي، مفتي ...).
_IN: Final = frozenset({"في", "در"})
#: The given names that end the compound given names of Afghanistan and South Asia, and the
#: words that start them though they are ordinary words too (شیر "lion", گل "flower", دوست
#: "friend", تاج "crown", یار "companion", فقیر "poor", خان, شاه): شیر محمد, گل احمد, دوست محمد.
_COMPOUND_TAILS: Final = frozenset({"محمد", "احمد"})
_COMPOUND_HEADS: Final = frozenset({"شير", "گل", "دوست", "تاج", "يار", "فقير", "خان", "شاه", "عطا", "فيض",
                                    "دين", "ولي", "نور", "جان", "پير", "خير", "ضيا", "ضياء", "نثار", "بشير",
                                    "مشتاق", "شكيل", "فياض", "اعجاز", "افتخار", "اشفاق", "نياز", "گلاب", "سلطان"})
#: Family relations (son, daughter, brother, wife ...): a word of a role phrase beside a name
#: (X پسر Y "X, the son of Y"), never a family name that is an office word too.
_KINSHIP: Final = frozenset({"پسر", "دختر", "همسر", "فرزند", "برادر", "خواهر", "پدر", "مادر", "نجل", "نجله",
                             "شقيق", "شقيقه", "زوجه", "زوج", "ابنه", "ارمله", "والد", "والده"})
#: Persian copulas: an ordinary word right before one is a predicate (X افتخار است "X is an
#: honour"), never the family name of the name before it.
_COPULAS: Final = frozenset({"است", "هست", "بود", "نيست", "شد"})
_PREPOSITION_ARTICLE: Final = ("لل", "بال", "وال", "فال", "كال", "ولل", "وبال", "فلل")
#: A word that ends a name found but is clearly ordinary (below this evidence) and no name
#: element is cut off when the words before it start a longer name of the document.
TAIL_ORDINARY: Final = -1.5
#: A found name's given name alone names its person when the word is this rare in the
#: language's text (Zipf): a foreign or unusual given name (بلاول, جوزاف), never a common
#: one that many persons or an ordinary word share (محمد, امید "hope", جمال "beauty").
LONE_GIVEN_ZIPF: Final = 3.0
#: ... when the words before it are one given name, no very common one (lexicon rarity).
TAIL_HEAD_RARITY: Final = 0.3
#: A word ending in the pronoun ه whose base is this common is a noun with "his" (شكره).
PRONOUN_BASE_ZIPF: Final = 4.0
#: The second word of a compound family name between a titled name and its role may be this
#: ordinary (موحدی آزاد: آزاد "free"); a more common word is no name element.
FAMILY_TAIL_FLOOR: Final = -1.75
#: A Persian word ending in ای / وی whose base (the ezafe ی read off) is this common is the
#: base noun with the ezafe (هوافضای, of هوافضا), not a name.
EZAFE_BASE_ZIPF: Final = 3.0
#: Read back before a role: the first word of a name opening its clause whose family name is made
#: with زاده / پور may be this ordinary (a given name that is a word too: صابر "patient").
SUFFIX_HEAD_FLOOR: Final = -2.0
#: Read back before a role: a second word this clearly a name (a transliterated foreign family
#: name no frequency list knows) carries a first word down to this evidence (ضمیر کابلوف).
FOREIGN_TAIL: Final = 0.6
FOREIGN_HEAD_FLOOR: Final = -2.0
#: A foreign given name the frequency lists know starts a foreign name after a role phrase when
#: its name evidence is above this (دميتري, a name the press writes often).
FOREIGN_HEAD_NAME: Final = 1.0
#: Evidence added to a nisba (a final ي) ending a name of two words or more under a title, before
#: the name's end (ناصر مکارم شیرازی از ...): the family name from a place or a tribe.
NISBA_TAIL_BONUS: Final = 0.5
#: A word inside a name that is clearly ordinary as a whole (evidence below this) and reads as a
#: proclitic and a common ordinary word (Zipf PROCLITIC_WORD_ZIPF or more, evidence below this)
#: ends the name before it (X بجائزة "X ... with a prize").
PROCLITIC_WORD: Final = -1.0
PROCLITIC_WORD_ZIPF: Final = 4.0
#: An inflected Arabic word (the future prefix س and a verb, a noun in ة and a possessive
#: pronoun, ل and a word after a full name) ends a name when its base is known this often (Zipf)
#: and is an ordinary word (evidence below INFLECTED_ORDINARY).
INFLECTED_ZIPF: Final = 3.0
INFLECTED_ORDINARY: Final = -0.5
#: The letters of the imperfect after the future prefix س (سيتوجه, ستعقد, سنواصل).
_FUTURE_PERSON_LETTERS: Final = frozenset("يتن")
#: Possessive pronouns after a noun's ة, which is then written ت (إحاطته, زيارتها, حكومتهم).
_POSSESSIVE_AFTER_TA: Final = ("تهما", "تهم", "تها", "ته", "تكم", "تنا")
#: A Persian word unknown to the frequency lists whose base before a final ی is a noun this common
#: (Zipf) is the noun with the indefinite ی (همایشی), not a family name.
INDEFINITE_BASE_ZIPF: Final = 4.0
#: The least evidence of a listed given name that ends a name of two words opened by a place that
#: is a given name too, before a role (ریاض منصور نماینده): clearly a name, not a common word.
GIVEN_TAIL_EVIDENCE: Final = 1.0
#: The least evidence of a stop or calendar word that is a given name too, right before a
#: transliterated foreign family name (رمضان قديروف, يشار غولر): a name word.
GIVEN_BEFORE_FOREIGN: Final = 0.5
#: ... when the word is no more common than this (Zipf): a month or a verb, not a particle or a
#: preposition that spells a given name too (على, read علي).
GIVEN_STOP_ZIPF: Final = 5.5
#: Extra evidence for the word after a run of given names under a title: the family-name slot.
FAMILY_SLOT_BONUS: Final = 1.5
#: The least evidence of a given name with the article after two name words or more under a title
#: (the family named after an ancestor: الصباح, الإبراهيم), however common the word is.
ANCESTOR_EVIDENCE: Final = 0.1


#: A bare nisba this common as a word (Zipf) after a given name that is a noun too is its adjective.
BARE_ADJECTIVE_ZIPF: Final = 3.0
#: A family name alone this common as a word (Zipf) after an indefinite ordinary noun this common
#: is the noun's adjective (see ArabicDetector._adjective_position).
ADJECTIVE_ZIPF: Final = 4.5


#: A syllable word of an East Asian given name written after its family name (کیم جونگ اون, تشاو
#: له جي) has at most this many letters, and is less common than this in the text's language (Zipf)
#: unless a role or title bounds the name; a function word, only inside the name and rarer than
#: EA_STOP_ZIPF (Persian له, the syllable le).
EA_SYLLABLE_LETTERS: Final = 4
#: ... or this many when it ends in ng or starts with ch, ts (تشيانغ, تسونغ): no Arabic word pattern.
EA_LONG_SYLLABLE_LETTERS: Final = 6
_EA_LONG_SHAPES: Final = (("نغ", "نگ"), ("تش", "تس"))
#: A syllable word is no preposition and a word this common (Zipf) either (بمقر "at the seat").
EA_CLITIC_ZIPF: Final = 4.0
EA_WORD_ZIPF: Final = 5.6
EA_STOP_ZIPF: Final = 5.0
#: Without context, a word of the name must end in ng (نغ, نگ) and be no more common than this.
EA_NG_ZIPF: Final = 4.5
_NG_ENDINGS: Final = ("نغ", "نگ")


#: "day" and the weekdays (Persian, normalised; سه شنبه is read by its first word).
_DAY_WORDS: Final = frozenset({"روز", "شنبه", "يكشنبه", "دوشنبه", "سه", "سهشنبه", "چهارشنبه", "پنجشنبه", "جمعه"})
#: The second word of a sentence-initial name before the day may be this ordinary (a family
#: name that is a word too: بیات).
DATE_SUBJECT_FLOOR: Final = -2.0
#: Persian family names made of a word and an honorific title in the genitive, the titles of
#: the Qajar court and the clergy (کمال الملک, علم الهدی, مشیر الدوله), written apart.
#: Heads of a kunya (father of, mother of): a definite nickname may follow its name.
_KUNYA_HEADS: Final = frozenset({"ابو", "ابي", "ابا", "ام"})
#: The heads of a father's kunya (أبو X in its three cases): a definite adjective after its name is
#: its nom de guerre or family name (أبو علي العسكري).
_FATHER_HEADS: Final = frozenset({"ابو", "ابي", "ابا"})
#: Given names that are verbs too, whose subject follows them (طالب "demanded", أمل "hoped"):
#: the verb at a clause's start before a name (see ArabicDetector._verbs_before_names).
_GIVEN_VERBS: Final = frozenset({"طالب", "امل"})
#: Words after which an Arabic verb starts its clause (كما "as", قد, ثم "then").
_CLAUSE_OPENERS: Final = frozenset({"كما", "قد", "ثم", "لقد", "وقد", "فقد", "كذلك", "وكذلك"})
#: A Persian listed given name this common as a word (Zipf) is a common noun too (نور, امید):
#: two of them without a title may be a phrase (see ArabicDetector._drop_common_phrases).
COMMON_PAIR_ZIPF: Final = 4.5
#: Words after a name searched for a verb of saying (Persian puts the verb at the clause's end).
_SAID_REACH: Final = 12
_LAQAB_TAILS: Final = frozenset({"الملك", "الدوله", "السلطنه", "الممالك", "الهدي", "الشريعه", "الحكما",
                                 "العلما", "الواعظين", "الذاكرين", "المحققين", "الاطبا", "الشعرا", "التجار"})


_PERSIAN_LETTERS: Final = str.maketrans("پچژگ", "بجزك")


@lru_cache(maxsize=65536)
def _key_form(stem: str) -> str:
    """A name form as the second pass compares it: Persian letters read as their Arabic
    neighbours (کوچکی / كوجكي) and the case forms of ابو (لأبي الفضل) as ابو."""
    f = stem.translate(_PERSIAN_LETTERS)
    return "ابو" + f[3:] if f.startswith(("ابي", "ابا")) and len(f) > 4 else f


@lru_cache(maxsize=4)
def _given_key_forms(lw: LinkWords) -> frozenset[str]:
    """The listed given names with Persian letters read as their Arabic neighbours (غلامرضا)."""
    return frozenset(_key_form(g) for g in lw.given)


#: Runs of words of the names found indexed for the passes over one document: at most this
#: many holders are kept per run (the passes need to know only "exactly one").
_MAX_HOLDERS: Final = 3


def _sub_index(stems: dict[int, list[str]]) -> dict[tuple[str, ...], list[tuple[int, int, int]]]:
    """Every run of one to four consecutive words of each name -> (name id, position, name
    length), a few holders per run: the passes look names up instead of comparing pairs."""
    index: dict[tuple[str, ...], list[tuple[int, int, int]]] = {}
    for key, st in stems.items():
        for a in range(len(st)):
            for b in range(a + 1, min(len(st), a + 4) + 1):
                holders = index.setdefault(tuple(st[a:b]), [])
                if len(holders) <= _MAX_HOLDERS:
                    holders.append((key, a, len(st)))
    return index


def _opening_quote(gap: str) -> bool:
    """True when the gap before a word is spaces and an opening quote (or a tatweel: بـ"X")."""
    return bool(gap.strip()) and all(c in OPEN_QUOTES or c.isspace() or c == "\u0640" for c in gap)


def _syllable_shaped(stem: str) -> bool:
    """A word shaped like one syllable of an East Asian name in Arabic script: at most
    :data:`EA_SYLLABLE_LETTERS` letters, or :data:`EA_LONG_SYLLABLE_LETTERS` ending in ng or
    starting with ch, ts."""
    if len(stem) <= EA_SYLLABLE_LETTERS:
        return True
    return len(stem) <= EA_LONG_SYLLABLE_LETTERS and (stem.endswith(_EA_LONG_SHAPES[0])
                                                      or stem.startswith(_EA_LONG_SHAPES[1]))


def _closing_quote(gap: str) -> bool:
    """True when the gap before a word is a closing quote and spaces (a quoted name, then
    its role: «X» نماینده)."""
    return bool(gap.strip()) and all(c in CLOSE_QUOTES or c.isspace() for c in gap)


class ArabicDetector:
    """Finds the Arabic-script mentions of one text (see the module docstring)."""

    def __init__(self, text: str, words: list[Word], lw: LinkWords, found: list[Found]) -> None:
        self.text = text
        self.w = words
        self.lw = lw
        self.found = found
        self.info: list[WordInfo | None] = [read_info(x, lw) if x.arabic else None for x in words]
        arabic = sum(1 for x in words[:2000] if x.arabic)
        self.persian = bool(arabic and sum(1 for x in words[:2000] if x.arabic and x.persian) * 8 >= arabic)
        if self.persian:
            for k, inf in enumerate(self.info):
                if inf is not None and inf.off and (words[k].norm[:1] in ARABIC_ONLY_PROCLITICS or (
                        words[k].norm[:1] == "و" and zipf_ar(words[k].norm, lw) >= zipf_ar(inf.stem, lw))):
                    self.info[k] = read_whole(words[k], lw)  # (Persian writes "and" apart: وادلینگ is one word
                    #                                          unless its rest is a word more common than it)
            for inf in self.info:
                if inf is not None and self._indefinite_noun(inf):
                    inf.score = min(inf.score, 0.0)  # همایشی "a conference": a common noun and the indefinite ی
        if not self.persian:
            for inf in self.info:  # Arabic writes these cities with the article (الرياض, الهند):
                if (inf is not None and inf.kind == "place" and inf.stem in lw.given  # bare, a given name
                        and "ال" + inf.stem in lw.places):
                    inf.kind = "word"
        self.taken = bytearray(len(words))
        for k, inf in enumerate(self.info):
            if inf is not None and inf.kind == "stop" and self._given_before_foreign(k):
                inf.kind = "word"  # a given name that is a month or a verb too (رمضان, يشار) before a
                inf.score = max(inf.score, GIVEN_BEFORE_FOREIGN)  # foreign family name: رمضان قديروف
            elif inf is not None and inf.kind == "qual" and self._given_qualifier_before_foreign(k):
                inf.kind = "word"  # a given name that is a portfolio word too (دولت "state": the Turkish
                inf.score = max(inf.score, GIVEN_BEFORE_FOREIGN)  # Devlet) before a foreign family name
        self._verbs_before_names()
        self._multiword_places()
        #: words of an institution's name after an organisation word (مركز محمد بن راشد): no mention
        self.institution = bytearray(len(words))
        self._formulas()
        self._office_names()
        for k in range(len(words) - 1):  # titles written as two words: آیت الله, حجت الاسلام
            a, b = self.info[k], self.info[k + 1]
            if a is None or b is None or words[k + 1].brk:
                continue
            if (a.stem, b.stem) == ("الامين", "العام"):
                a.kind, b.kind = "role", "qual"  # the office, not the given name al-Amin after a given name
            elif (a.stem, b.stem) in _TWO_WORD_TITLES:
                a.kind = b.kind = "role"
                self._rank_tail(k + 2)
            elif a.kind == "word" and not a.off and (
                    (a.stem in _TITLES_BEFORE_PLACE and b.kind in ("place", "qual", "role"))
                    or ((a.stem in _TITLE_BEFORE_NAME or (self.persian and a.stem in _PERSIAN_TITLE_BEFORE_NAME))
                        and b.kind == "word" and not b.stem.startswith("ال")
                        and (k == 0 or self.info[k - 1] is None or self.info[k - 1].kind != "particle"))):  # type: ignore[union-attr]
                a.kind = "role"

    def _verbs_before_names(self) -> None:
        """A given name that is a verb too (طالب "demanded", أمل "hoped") starting a clause (the
        text's or a sentence's start, after a break or a conjunction, after كما / قد) before a
        given name, a name particle or a role is the verb, and the name after it its subject (طالب
        أبو X بـ, وطالب الوزير): Arabic puts the verb first."""
        w, info, lw = self.w, self.info, self.lw
        for k, inf in enumerate(info):
            if inf is None or inf.kind != "word" or k + 1 >= len(w) or w[k + 1].brk:
                continue
            stem = inf.stem
            conj = False
            if stem not in _GIVEN_VERBS:
                conj = w[k].norm[:1] in "وف" and w[k].norm[1:] in _GIVEN_VERBS
                if not conj:
                    continue
            elif inf.off:
                conj = w[k].norm[:1] in "وف"
                if not conj:
                    continue
            prev = info[k - 1] if k > 0 else None
            if not (k == 0 or w[k].brk or conj or (prev is not None and prev.stem in _CLAUSE_OPENERS)):
                continue
            nxt = info[k + 1]
            if nxt is None or nxt.off:
                continue
            if nxt.kind in ("particle", "role") or (nxt.kind == "word" and nxt.stem in lw.given):
                inf.kind = "stop"

    def _multiword_places(self) -> None:
        """Places of two or three words listed whole (خراسان رضوی, ذي قار, أبو ظبي, المملكة العربية
        السعودية) are places word by word: no word of them starts or continues a name (رضوی is a
        family name too). A place whose first words are a given name (صلاح الدين) is left to the
        context."""
        w, info, places = self.w, self.info, self.lw.places
        for k in range(len(w) - 1):
            for size in (3, 2):
                run = info[k : k + size]
                if len(run) < size or any(x is None for x in run) or any(w[m].brk for m in range(k + 1, k + size)):
                    continue
                stems = [x.stem for x in run]  # type: ignore[union-attr]
                if " ".join(stems) not in places or stems[0] in self.lw.given or compound_given("".join(stems[:2])):
                    continue
                for x in run:
                    x.kind = "place"  # type: ignore[union-attr]
                break

    def _rank_tail(self, k: int) -> None:
        """The words from k on that end a two-word title as written apart: the clerical rank's
        "and of the Muslims" (حجت الاسلام و المسلمین, حجة الإسلام و المسلمين) read as title words."""
        w, info = self.w, self.info
        if k + 1 >= len(w) or w[k].brk or w[k + 1].brk:
            return
        a, b = info[k], info[k + 1]
        if a is not None and b is not None and a.stem == "و" and b.stem == _MUSLIMS:
            a.kind = b.kind = "qual"

    def _indefinite_noun(self, inf: WordInfo) -> bool:
        """In Persian text, a word no frequency list knows that is a common noun (Zipf
        :data:`INDEFINITE_BASE_ZIPF` or more, no given name or place) and the indefinite or
        adjective ی (همایشی "a conference"): no name evidence of its own. A family name of this
        shape is frequent enough for the lists to know it whole (بهشتی, کتابی)."""
        stem = inf.stem
        return (inf.kind == "word" and not inf.off and len(stem) >= 5 and stem.endswith("ي")
                and not stem.startswith("ال") and zipf_ar(stem, self.lw) == 0.0
                and stem[:-1] not in self.lw.given and stem[:-1] not in self.lw.places
                and zipf_ar(stem[:-1], self.lw) >= INDEFINITE_BASE_ZIPF)

    def _office_names(self) -> None:
        """أمين / الأمين read as the given name: after a listed given name (محمد الأمين) or
        before a word with name evidence that no qualifier, place or office is (وزير الصحة
        أمين X; not الأمين العام, أمين عمان, أمين سر)."""
        w, info, given = self.w, self.info, self.lw.given
        for k, inf in enumerate(info):
            if inf is None or inf.kind != "role" or inf.stem not in _OFFICE_NAMES:
                continue
            before = info[k - 1] if k > 0 and not w[k].brk else None
            after = info[k + 1] if k + 1 < len(w) and not w[k + 1].brk else None
            if (before is not None and before.kind == "word" and before.stem in given) or (
                    after is not None and after.kind == "word" and not after.off and after.score > UNKNOWN_FLOOR):
                inf.kind = "word"
                inf.score = max(inf.score, arabic_score(inf.stem, inf.stem))

    def _formulas(self) -> None:
        """Religious formulas around الله are no names: the word before الله and the formula
        word after it (طيب الله ثراه, رضي الله عنه) or before it (حفظه الله, رحمه الله)."""
        w = self.w
        for k, inf in enumerate(self.info):
            if inf is None or inf.stem != "الله" or w[k].brk:
                continue
            before = self.info[k - 1] if k > 0 else None
            after = self.info[k + 1] if k + 1 < len(w) and not w[k + 1].brk else None
            if after is not None and after.stem in _FORMULA_WORDS:
                for m in (k - 1, k, k + 1):
                    if self.info[m] is not None:
                        self.info[m].kind = "stop"  # type: ignore[union-attr]
            elif before is not None and before.stem in _FORMULA_WORDS:
                before.kind = inf.kind = "stop"

    # -- helpers -----------------------------------------------------------
    def kind(self, k: int) -> str:
        inf = self.info[k] if 0 <= k < len(self.w) else None
        return inf.kind if inf is not None else "none"

    def add(self, first: int, last: int, ctx_from: int | None, ctx_to: int | None = None,
            strong: bool = True) -> None:
        w = self.w
        inf = self.info[first]
        assert inf is not None
        start = stem_start(w[first], inf.off)
        ctx = ""
        hon = ""
        if ctx_from is not None:
            a, b = (ctx_from, first - 1) if ctx_to is None else (ctx_from, ctx_to)
            if a <= b:
                ctx = self.text[w[a].start : w[b].end]
                for k in range(b, a - 1, -1):
                    inf_k = self.info[k]
                    if inf_k is not None and inf_k.stem in self.lw.honorifics:
                        hon = w[k].text
                        break
        if (first > 0 and w[first - 1].norm in _SAYYID and not w[first].brk and not self.taken[first - 1]
                and self.info[first - 1] is not None and not self.info[first - 1].off):  # type: ignore[union-attr]
            first -= 1  # the sayyid marker written bare is part of an official name (سید عباس عراقچی)
            start = w[first].start
        if w[first].norm in _SAYYID and not hon:
            hon = w[first].text
        for k in range(first, last + 1):
            self.taken[k] = 1
        if last + 1 < len(w) and not w[last + 1].brk and w[last + 1].norm in _PLACE_ADJECTIVES:
            return  # (the words stay taken: no shorter reading of the place's name is a person)
        self.found.append(Found(first, last, start, w[last].end, ctx, hon, strong))

    def read_name(self, j: int, bonus: float, free: bool = False, until: int | None = None) -> int | None:
        """Read a name forward from word j; return its last word index, or None.

        ``bonus`` is added to the first word's evidence (a title before it). ``free``:
        no title or role around the name (two name words needed). ``until``: the
        name must end at that word (a role follows it), so its words need only
        outweigh their ordinary evidence with the continuation bonus."""
        w = self.w
        n = len(w)
        cont = FREE_CONTINUE_BONUS if free else CONTINUE_BONUS
        k = j
        last = -1
        names = 0
        prev_given = False
        only_given = True
        after_particles = False
        after_nasab = False  # the last words read are بن / بنت and a listed given name
        ben_family = False  # the last words read are بن and a word that is no given name
        while k < n and k - j < MAX_NAME_WORDS:
            x = w[k]
            inf = self.info[k]
            if inf is None or (k > j and x.brk) or self.taken[k]:
                break
            if k > j and (inf.off or (x.norm[:1] == "و" and len(x.norm) > 3 and inf.stem not in self.lw.given
                                      and form_rarity(inf.stem) >= 1.0 and self._conjunction(x, inf, 0.0)
                                      # (Persian writes the conjunction apart: glued, only before a word)
                                      and not (self.persian and zipf_ar(x.norm[1:], self.lw) == 0.0))):
                break  # "X وY": a proclitic starts another phrase (not a foreign name: جون ويلسون)
            if (k > j and names >= 2 and x.norm[:1] == "و" and len(x.norm) > 3 and x.norm[1:] in self.lw.given
                    and x.norm not in self.lw.given):
                break  # "X Y وZ W": after a full name, و and a given name start the next name of a list
            if (x.norm.startswith(_PREPOSITION_ARTICLE) and len(x.norm) > 5 and inf.kind == "word" and not inf.off
                    and not self._foreign_initial(x)):
                break  # "للمشهداني", "بالمطار": a preposition and the article start another phrase
            if k > j and inf.kind == "word" and not inf.off and inf.score < PROCLITIC_WORD and self._proclitic_word(x):
                break  # "X بجائزة": a preposition and a common noun start another phrase
            if k > j and inf.kind == "word" and not inf.off and self._inflected_word(x, names >= 2):
                break  # "X سيتوجه", "X إحاطته", "X Y لتولي": a verb or an inflected noun after the name
            if k == j and x.norm[:1] in "وف" and len(x.norm) > 3 and inf.kind == "word" and not inf.off and (
                    inf.stem not in self.lw.given and self._conjunction(x, inf)):
                break  # "وتقنيات", "وأكد": a conjunction and an ordinary word, no name
            kind = inf.kind
            if k > j and inf.stem in FOREIGN_PARTICLES and last == k - 1:
                m = k
                while m < n and m - k < 3 and self.info[m] is not None and (
                        self.info[m].stem in FOREIGN_PARTICLES  # type: ignore[union-attr]
                        or (m > k and self.info[m].stem in _FOREIGN_ARTICLES)) and not w[m].brk:  # type: ignore[union-attr]
                    m += 1
                if m < n and not w[m].brk and self.kind(m) == "word" and not self.taken[m]:
                    k = m  # von der, van, de: a name word follows
                    after_particles = True
                    continue
                break
            if x.norm in _INNER_LINEAGE and k > j and last == k - 1 and k + 1 < n:
                nxt = self.info[k + 1]
                if (nxt is None or w[k + 1].brk or self.taken[k + 1] or nxt.kind != "word" or nxt.off
                        or nxt.stem == "الله" or nxt.score <= SECOND_WORD_CUTOFF):
                    break
                last = k + 1  # محمد ولد الرشيد, خالد آيت الطالب: the lineage word and the family name
                names += 1
                prev_given = only_given = False
                k += 2
                continue
            if kind == "particle":
                nxt = self.info[k + 1] if k + 1 < n else None
                if (nxt is not None and nxt.kind == "particle" and nxt.stem in ("عبد", "ابو") and not w[k + 1].brk
                        and inf.stem in ("بن", "ابن", "بنت", "آل", "ابو", "ام")):
                    k += 1  # بن عبد الرحمن: a particle before a compound
                    continue
                compound = inf.stem in ("عبد", "آل") and nxt is not None and nxt.kind in ("role", "qual") and nxt.stem.startswith("ال")
                # (عبد الأمير, عبد الملك: a title word after عبد is one of God's names; آل الشيخ: a
                # family named after a title)
                if nxt is None or w[k + 1].brk or (nxt.kind not in ("word", "suffix", "place") and not compound) or nxt.off:
                    break
                if inf.stem == "ال" and k == j:
                    break
                names += 2 if k == j else 1  # "بن عبدالرحمن", "ابو محمد": two name units
                after_nasab = k > j and inf.stem in ("بن", "بنت") and nxt.stem in self.lw.given
                ben_family = (inf.stem in ("بن", "ابن") and nxt.kind == "word" and nxt.stem not in self.lw.given
                              and not compound_given(nxt.stem))
                # (بن and a word that is no given name: a family name of its own, بن X as in
                # Hebrew, Maghrebi and Gulf family names; what follows needs evidence of its own)
                only_given = only_given and not ben_family
                k += 2
                last = k - 1
                prev_given = False
                if k - 2 > j and inf.stem == "آل" and not compound:
                    break  # "X بن Y آل Z": the family ends the name (not آل خلیفه فرمانی "a decree")
                if inf.stem in _KUNYA_HEADS and self._laqab_after_kunya(k):
                    last = k  # أبو X المهندس: the kunya's nickname, a definite title or trade word
                    names += 1
                    break
                continue
            if (self.persian and (k == j or last == k - 1) and kind in ("word", "role") and not inf.off and k + 1 < n
                    and not w[k + 1].brk and not self.taken[k + 1] and self.info[k + 1] is not None
                    and self.info[k + 1].stem in _LAQAB_TAILS and not self.info[k + 1].off):  # type: ignore[union-attr]
                last = k + 1  # a family name from a court or clerical title: علم الهدی, کمال الملک
                names += 2
                prev_given = only_given = False
                k += 2
                continue
            if kind == "suffix" and k > j and last == k - 1:
                last = k
                k += 1
                continue
            if self._ezafe_nisba(k) and k > j and last == k - 1:
                last = k  # خامنه ای, سبزه ای: the nisba ای written apart after a final ه
                k += 1
                continue
            if ((kind == "role" or (kind == "word" and x.norm in _INNER_TITLES and self._given_start_word(k - 1)))
                    and k > j and last == k - 1 and k + 1 < n and self._inner_title_at(k)
                    and not self.taken[k + 1] and self.info[k + 1].score > SECOND_WORD_CUTOFF):  # type: ignore[union-attr]
                last = k + 1  # a title word inside a name and the name word after it: حسن شيخ محمود
                names += 2
                prev_given = only_given = False
                k += 2
                continue
            if (kind == "role" and k > j and last == k - 1 and not inf.off and k + 1 < n and not w[k + 1].brk
                    and self.kind(k + 1) == "suffix"):
                last = k + 1  # a title word before a detached suffix is a family name (قاضی زاده, شیخ زاده)
                names += 1
                prev_given = only_given = False
                k += 2
                continue
            if (kind in ("role", "qual") and k > j and last == k - 1 and names == 1 and only_given and not inf.off
                    and inf.stem not in _KINSHIP
                    and inf.stem not in self.lw.honorifics and k + 1 < n and not w[k + 1].brk
                    and self.kind(k + 1) == "role" and self.info[k + 1].stem not in _SAYYID):  # type: ignore[union-attr]
                last = k  # a family name that is an office or portfolio word too, before the person's role
                # (علیرضا دبیر رئیس, محسن اسلامی رئیس)
                names += 1
                break
            if (kind == "role" and k > j and last == k - 1 and names == 1 and only_given and not inf.off
                    and inf.stem in _TITLE_FAMILIES and (k + 1 >= n or w[k + 1].brk or self.kind(k + 1) in ("stop", "say")
                                                         or (inf.stem != "السيد" and self.kind(k + 1) == "role"))):
                last = k  # the family name al-Sayed after a given name, ending the name (وزيرة X السيد في);
                # al-Sheikh also before the person's role (X الشيخ، اليوم; X الشیخ معاون)
                names += 1
                break
            if kind == "role" and k == j and inf.stem in _SAYYID and k + 1 < n and not w[k + 1].brk:
                k += 1  # the sayyid marker is part of an official name (سید عباس عراقچی)
                continue
            if (kind == "place" and names >= 2 and last == k - 1 and inf.stem.endswith("ي") and not inf.off
                    and all(self.info[m].score > UNKNOWN_FLOOR for m in range(j, k) if self.kind(m) == "word")):  # type: ignore[union-attr]
                last = k  # ism, father's name and a nisba that is also a nationality (السوداني)
                break
            if kind == "place" and not inf.off and self._before_nasab(k) and (k == j or last == k - 1):
                kind = "word"  # a nationality word that is a given name too, before بن (تركي بن محمد)
            if kind == "place" and k == j and self._given_after_title(k):
                kind = "word"  # ... or right after a definite title (الأمير تركي X: the adjective would take the article)
            if (kind == "stop" and k > j and last == k - 1 and not inf.off and form_rarity(inf.stem) < 1.0
                    and k + 1 < n and not w[k + 1].brk and not self.taken[k + 1] and self.kind(k + 1) == "word"
                    and self.info[k + 1].stem.startswith("ال") and self.info[k + 1].score > 0):  # type: ignore[union-attr]
                kind = "word"  # a day that is a name element too, inside a name before a family name (محمد جمعة الشامسي)
            if kind == "stop" and k == j and inf.stem in self.lw.given and j > 0 and not x.brk and (
                    self.info[j - 1] is not None and self.info[j - 1].stem in self.lw.honorifics):  # type: ignore[union-attr]
                kind = "word"  # a given name that is also a common word, after an honorific (الشيخ نور)
            if kind == "stop" and k > j and last == k - 1 and not inf.off and self._apart_compound(k):
                kind = "word"  # a common word before الدين / الله inside a name is a given name (مهر الدين)
            if kind == "stop" and k == j and self._calendar_name_after_rank(j):
                kind = "word"  # a month that is a given name too, after a military rank (العميد رمضان X)
            if (kind == "place" and self.persian and not free and names == 1 and only_given and last == k - 1
                    and not inf.off and inf.stem.endswith("ي") and len(inf.stem) >= 4):
                last = k  # a family name that is a nationality too, after a given name under a title (X ایرانی)
                names += 1
                break
            if (kind == "role" and k == j + 1 and last == j and self._one_word_kunya(j)
                    and self._laqab_after_kunya(k)):
                last = k  # a kunya written as one word and its nickname (ابومهدی المهندس)
                names += 1
                break
            if kind != "word":
                break
            if (k > j and inf.score < SECOND_WORD_CUTOFF and k + 1 < n and not w[k + 1].brk
                    and w[k + 1].norm in _COPULAS):
                break  # "امام حسین افتخار است": an ordinary word before the copula is the predicate
            if k > j and inf.score < SECOND_WORD_CUTOFF and inf.stem.startswith("ال") and self._feminine_adjective(k + 1):
                break  # "X اليمين الدستورية": an ordinary definite noun and its adjective, no family name
            first_word = k == j or (k == j + 1 and w[j].norm in _SAYYID)
            apart = self._apart_compound(k)
            s = inf.score + (bonus if first_word else cont if names < 2 else cont / 2)
            if apart and first_word:
                s = max(s, bonus)  # a given name written apart from its الدين / الله (شهاب الدین, عزت الله)
            if prev_given and inf.stem.startswith("ال") and not free:
                s += ARTICLE_BONUS
            # the family-name slot after one or two given names, or an al- nisba after three
            # (جاسم محمد عبود العميري: the person's, father's and grandfather's names, then the tribe)
            slot = (0 < names < 3 or (names == 3 and inf.stem.startswith("ال") and inf.stem.endswith("ي"))) and only_given
            # (a definite word after a nasab chain is the family name: لولوة بنت راشد بن محمد الخاطر)
            slot = slot or (after_nasab and not free and names >= 3 and inf.stem.startswith("ال") and not inf.off
                            and inf.score > SECOND_WORD_CUTOFF)
            if slot and (not free or names >= 2 or (
                    names == 1 and inf.score > SECOND_WORD_CUTOFF
                    and (self._two_given(j) or self._definite_nisba(k) or self._foreign_given(j)))):
                # (two given names glued, محمدرضا, are a name whose family name follows; a listed given
                # name and a definite nisba are a name however common the nisba: نوري المالكي)
                s += FAMILY_SLOT_BONUS
            before_suffix = k + 1 < n and (self.kind(k + 1) == "suffix" or self._ezafe_nisba(k + 1)) and not w[k + 1].brk
            if before_suffix:
                s += SUFFIX_BONUS
                if k > j and last == k - 1 and self._family_suffix(k + 1):
                    s = max(s, SUFFIX_BONUS)  # any word before زاده, پور inside a name is its family
                    #                           name (رسول زاده, قاضی زاده): the suffix makes it one
            nasab = self._before_nasab(k)
            if nasab:
                s += NASAB_BONUS
            if after_particles:
                s += FAMILY_SLOT_BONUS  # the word the particles announce (د لا فوئنته, فون در X)
            chain = (not free and names >= 2 and not inf.off and inf.stem.startswith("ال") and inf.score > SECOND_WORD_CUTOFF
                     and k + 1 < n and not w[k + 1].brk and not self.taken[k + 1] and self.kind(k + 1) == "word"
                     and self.info[k + 1].stem.startswith("ال") and self.info[k + 1].stem.endswith("ي")  # type: ignore[union-attr]
                     and self.info[k + 1].score > 0)  # type: ignore[union-attr]
            if chain:
                s += CONTINUE_BONUS  # a family name before the tribe's nisba (الجبر النعيمي): the chain goes on
            ancestor = (not free and names >= 2 and last == k - 1 and not inf.off and inf.stem.startswith("ال")
                        and inf.stem[2:] in self.lw.given)
            if ancestor:
                s = max(s, ANCESTOR_EVIDENCE)  # مشعل الأحمد الجابر الصباح: the family named after an ancestor,
                #                                however common the word (الصباح "the morning")
            nisba_tail = (not free and names >= 2 and not inf.off and len(inf.stem) >= 5 and inf.stem.endswith("ي")
                          and inf.score > SECOND_WORD_CUTOFF and self._ends_name(k))
            if nisba_tail:
                s += NISBA_TAIL_BONUS
            place_nisba = (not free and names >= 2 and not inf.off and self._place_nisba(k) and self._ends_name(k))
            if place_nisba:
                s += FAMILY_SLOT_BONUS  # a family name from a city ending the name: کاظمی قمی, الحسني البغدادي
            if s <= 0:
                break
            cutoff = SECOND_WORD_CUTOFF if (names == 1 and not free) else 0.0
            unlisted = (not free and inf.score > UNKNOWN_FLOOR and form_rarity(inf.stem) >= 1.0
                        and zipf_ar(inf.stem, self.lw) == 0.0  # a word no list knows is no ordinary word
                        and not ben_family)  # (but after a family name بن X, a name word must show it)
            if (inf.score < cutoff and not before_suffix and not slot and not nasab and not after_particles
                    and not nisba_tail and not place_nisba and not unlisted and not chain and not ancestor
                    and (names >= 2 or not first_word) and until is None):
                break  # an ordinary word after a name is no part of it
            last = k
            names += 1
            after_particles = after_nasab = ben_family = False
            prev_given = (inf.stem in self.lw.given or compound_given(inf.stem) or inf.stem in _OFFICE_NAMES
                          or apart)
            only_given = only_given and prev_given
            k += 1
        if last < j or names == 0:
            return None
        if free and names < 2:
            return None
        if names == 1 and last == j and not free and self.info[j].score + bonus < SINGLE_MARGIN:  # type: ignore[union-attr]
            return None  # one word after a title must be clearly a name
        if (names == 1 and last == j and self.info[j].stem.startswith("ال") and j + 1 < n  # type: ignore[union-attr]
                and not w[j + 1].brk and self.kind(j + 1) == "place"):
            return None  # "وزير الطيران المدني المصري": a definite adjective before a nationality is the portfolio
        return last

    def read_back(self, i: int) -> int | None:
        """The first word of a name that ends right before word i (a role in apposition
        after it: ``اسحاق دار، معاون``, ``عیسی زارع پور وزیر``), or None.

        The name is read forward from each of the seven words before i, the farthest
        first: two name words starting with a name element, or one word that is a name
        on its own evidence set off by a comma. A start that is no given name gives way
        to a listed given name after it from which the name reads as well (``پیام کتبی
        X Y رئیس``: "the written message of X Y"; a name starts with its given name)."""
        ea = self._east_asian_back(i)
        if ea is not None:
            return ea  # "تسونگ پی وو سفیر": an East Asian name, its syllables ordinary words
        first = self._read_back(i)
        if first is None or self._given_start(first):
            return first
        for s in range(first + 1, i - 1):
            if self._given_start(s) and self._read_back(i, s) == s:
                return s
        return first

    def _foreign_pair(self, s: int) -> bool:
        """Two words set off before a role: a moderately common first word (a foreign given name
        that is a word too: ضمیر) and a clearly transliterated second (کابلوف)."""
        head, tail = self.info[s], self.info[s + 1]
        return (head is not None and tail is not None and head.kind == tail.kind == "word" and not head.off
                and not tail.off and tail.score >= FOREIGN_TAIL and head.score > FOREIGN_HEAD_FLOOR
                and zipf_ar(tail.stem, self.lw) == 0.0)

    def _unknown_pair(self, s: int) -> bool:
        """Words s and s+1 are both unknown to every frequency list, of UNKNOWN_PAIR_LETTERS letters
        or more, without a proclitic or the article: a transliterated foreign name (an ordinary word
        of the language is listed; two unlisted ones in a row before a role are a name)."""
        pair = (self.info[s], self.info[s + 1])
        return all(inf is not None and inf.kind == "word" and not inf.off and not inf.stem.startswith("ال")
                   and len(inf.stem) >= UNKNOWN_PAIR_LETTERS and form_rarity(inf.stem) >= 1.0
                   and zipf_ar(inf.stem, self.lw) == 0.0 and inf.score > UNKNOWN_FLOOR for inf in pair)

    def _suffix_family_pair(self, s: int) -> bool:
        """Words s, s+1 and s+2 are a given name, a word and a detached زاده / پور: a name, the
        given name however ordinary it looks (a word too: صابر "patient", قاهر)."""
        w = self.w
        if s + 2 >= len(w) or w[s + 1].brk or w[s + 2].brk or not self._family_suffix(s + 2):
            return False
        head, mid = self.info[s], self.info[s + 1]
        return (head is not None and mid is not None and head.kind == mid.kind == "word" and not head.off
                and not mid.off and head.score > SUFFIX_HEAD_FLOOR)

    def _given_place_pair(self, s: int) -> bool:
        """Word s is a place or nationality word that is a listed given name too (هند, ریاض) and
        word s+1 a word no frequency list knows, without the article: a person's given and family
        name (the place would stand after the noun it qualifies, never before a family name)."""
        head, tail = self.info[s], self.info[s + 1]
        return (head is not None and tail is not None and head.kind == "place" and head.stem in self.lw.given
                and not head.off and tail.kind == "word" and not tail.off and not tail.stem.startswith("ال")
                and (zipf_ar(tail.stem, self.lw) == 0.0 or self._given_given_tail(s + 1)))

    def _given_given_tail(self, k: int) -> bool:
        """Word k is a listed given name with clear name evidence (منصور): after a place that is a
        given name too, at the start of a clause and before a role, the family name of a name."""
        inf = self.info[k]
        return (inf is not None and inf.kind == "word" and not inf.off and inf.stem in self.lw.given
                and inf.score > GIVEN_TAIL_EVIDENCE)

    def _arab_family_in_persian(self, s: int) -> bool:
        """In Persian text, word s+1 is an Arab family name with the article and a nisba ending
        (التویجری: Persian words do not take the article) with name evidence, and word s a word
        that is no very common one: a name of two words before a role."""
        head, tail = self.info[s], self.info[s + 1]
        if not self.persian or head is None or tail is None or head.off or tail.off or tail.kind != "word":
            return False
        if not (tail.score > UNKNOWN_FLOOR and tail.stem.startswith("ال")):
            return False
        if head.kind in ("word", "place") and head.stem in self.lw.given:
            return True  # a listed given name, a place too (ترکی), before an Arab family name: X الفیصل
        return head.kind == "word" and tail.stem.endswith("ي") and tail.score > 0 and head.score > FOREIGN_HEAD_FLOOR

    def _persian_pair_after_with(self, s: int) -> bool:
        """In Persian text, words s and s+1 follow "با" ("with": دیدار با X) or a copula that ends
        the clause before, and stand before a role: a given name however ordinary (ثابت "firm")
        and a family name that is the nisba of a given name, a place or no known word."""
        w = self.w
        if not self.persian or s == 0 or w[s].brk:
            return False
        before = self.info[s - 1]
        if before is None or before.off or not (before.stem == "با" or w[s - 1].norm in _COPULAS):
            return False
        head, tail = self.info[s], self.info[s + 1]
        if (head is None or tail is None or head.kind != "word" or tail.kind != "word" or head.off or tail.off
                or head.stem.startswith("ال") or len(tail.stem) < 4 or not tail.stem.endswith("ي")
                or head.score <= FOREIGN_HEAD_FLOOR):
            return False
        # the nisba of a name or a place (عباسی of عباس, رضایی of رضا, عبدی), not an adjective's
        # indefinite or abstract ی (سنگینی of سنگین "heavy")
        base = tail.stem[:-2] if tail.stem.endswith("يي") else tail.stem[:-1]
        return (base in self.lw.given or base in self.lw.places or base in PARTICLES
                or zipf_ar(base, self.lw) == 0.0)

    def _given_start(self, s: int) -> bool:
        inf = self.info[s]
        return inf is not None and (inf.stem in self.lw.given or compound_given(inf.stem) or inf.kind != "word")

    def _read_back(self, i: int, only: int | None = None) -> int | None:
        w = self.w
        for s in range(max(0, i - MAX_NAME_WORDS), i) if only is None else (only,):
            if self.info[s] is None or any(self.taken[s:i]) or self.info[s].stem in ("بن", "بنت"):  # type: ignore[union-attr]
                continue  # (a name does not start with بن)
            if any(w[k].brk for k in range(s + 1, i)):
                continue
            if s > 0 and not w[s].brk and self.info[s - 1] is not None and self.info[s - 1].stem in _IN:  # type: ignore[union-attr]
                continue  # "في بكركي، مفتي": a place after "in"
            if (only is None and i - s == 2 and (s == 0 or w[s].brk or self.kind(s - 1) == "stop") and not w[s + 1].brk
                    and self._foreign_pair(s)):
                return s  # "، ضمیر کابلوف نماینده": a transliterated family name after a given name that is a word too
            if (only is None and i - s == 2 and (s == 0 or w[s].brk) and not w[s + 1].brk and self._unknown_pair(s)
                    and not self._names_after(i)):
                return s  # "، یمانه گبرمسقل وزیر": two words no list knows open the clause before a role
            if only is None and i - s == 3 and (s == 0 or w[s].brk) and self._suffix_family_pair(s):
                return s  # "، صابر رسول زاده نخست وزیر": a family name made with زاده, پور opens the clause
            if (only is None and i - s == 2 and (s == 0 or w[s].brk) and not w[s + 1].brk
                    and (w[i].comma or self._given_given_tail(s + 1)) and self._given_place_pair(s)):
                return s  # "هند X، وزیر": a given name that names a place too, and an unlisted family name
                #           (or a listed given name: "، ریاض منصور نماینده")
            if only is None and i - s == 2 and not w[s + 1].brk and self._arab_family_in_persian(s):
                return s  # "با هلا التویجری رئیس": an Arab family name with the article in Persian text
            if only is None and i - s == 2 and not w[s + 1].brk and self._persian_pair_after_with(s):
                return s  # "با X Yی وزیر", "است X Yی فرمانده": a given name that is a word too and a nisba
            last = self.read_name(s, CONTINUE_BONUS, until=i - 1)
            if last != i - 1:
                continue
            head = self.info[s]
            assert head is not None
            names = sum(1 for k in range(s, i) if self.kind(k) in ("word", "role", "qual"))  # (as read_name took them)
            tail = self.info[i - 1]
            assert tail is not None
            if names >= 2 and (self._name_start(s) or head.score > 0 or self._before_nasab(s)) and (
                    head.kind != "particle" or all(self.info[k].score > UNKNOWN_FLOOR  # type: ignore[union-attr]
                                                   for k in range(s + 2, i) if self.kind(k) == "word")):
                return s  # (after a particle and its name, no ordinary word: بن فلان غداء ...)
            if names >= 2 and tail.kind == "word" and tail.score > 0 and sum(
                    self.info[k].score for k in range(s, i) if self.kind(k) == "word") > READ_BACK_SUM:  # type: ignore[union-attr,misc]
                return s  # "ماکسیم بارانوف وزیر": a family name with name evidence before the role
            if (names == 1 and head.kind == "word" and w[i].comma and (head.score > 0.5 or self.kind(i - 1) == "suffix")
                    and not self._media_name(s)):
                return s  # "X، وزیر": one name word set off by a comma before a role (not an institution's
                #           name: "به گزارش خبرگزاری X، سرلشکر ...")
            if names == 1 and head.kind == "word" and head.score > 0 and (s == 0 or w[s].brk) and not self._names_after(i):
                return s  # "، X دبیر": one name word set off before a role that names no one after it
        return None

    # -- passes ------------------------------------------------------------
    def run(self) -> None:
        self.bylines()
        self.triggered()
        self.aliases()
        self.quoted()
        self.free()

    def aliases(self) -> None:
        """A nickname or nom de guerre after المعروف بـ / الملقب بـ / Persian معروف به (quoted
        or not, the preposition apart or glued: المعروف بأبي X): one to three name words, however
        little name evidence a single word has of its own (a nickname is often no listed name)."""
        w = self.w
        n = len(w)
        for i in range(n - 1):
            inf = self.info[i]
            if inf is None or inf.stem not in _ALIAS_CUES:
                continue
            j = i + 1
            nxt = self.info[j]
            if nxt is None or self.taken[j] or (w[j].brk and not _opening_quote(w[j].gap)):
                continue
            if nxt.stem in _ALIAS_PREPOSITIONS and not nxt.off:
                j += 1  # the preposition written apart: المعروف بـ "X", معروف به X
                if j >= n or self.info[j] is None or self.taken[j] or (w[j].brk and not _opening_quote(w[j].gap)):
                    continue
            elif not (nxt.off and w[j].norm[:1] == "ب"):
                continue  # (the preposition glued: المعروف بأبي X)
            head = self.info[j]
            assert head is not None
            last = self.read_name(j, TITLE_BONUS)
            if last is None and head.kind == "word" and head.score > UNKNOWN_FLOOR:
                last = j  # a nickname of one word (a word no list knows)
            if last is not None:
                self.add(j, last, None)

    def bylines(self) -> None:
        """A byline or photo credit: a cue word, a colon or dash, and two or three name
        words ending the line or sentence (عکس: X Y, كتب - X Y Z); or a dateline's place on a
        line of its own, a dash and two or three name words ending the line (طوكيو - X Y)."""
        w = self.w
        n = len(w)
        for i in range(n - 2):
            inf = self.info[i]
            dateline = inf is not None and self._dateline(i)  # (طوكيو - X Y: the reporter's name ends its line)
            if inf is None or (inf.stem not in _BYLINE_CUES and not dateline):
                continue
            if self.info[i + 1] is not None and self.info[i + 1].stem == "از" and not w[i + 1].brk:  # type: ignore[union-attr]
                i += 1  # گزارش از: X, عکس از: X (Persian "by")
                if i + 2 >= n:
                    continue
            if not any(c in w[i + 1].gap for c in ":-\u2013"):
                continue
            k = i + 1
            while k < n and k - i <= 4 and (k == i + 1 or not w[k].brk) and (
                    self.kind(k) == "word" or (k > i + 1 and self.kind(k) == "place"
                                               and self.info[k].stem.endswith("ي"))):  # type: ignore[union-attr]
                k += 1  # (a nisba that is a nationality too ends a byline: ريم السويدي)
            names = k - i - 1
            if not 2 <= names <= 3 or (k < n and not w[k].brk) or (dateline and k < n and "\n" not in w[k].gap):
                continue  # (after a dateline, the name ends its line: no sentence starts there)
            scores = [self.info[m].score for m in range(i + 1, k)]  # type: ignore[union-attr]
            if all(sc > BYLINE_FLOOR for sc in scores) or (
                    scores[-1] > UNKNOWN_FLOOR and sum(scores) > 2 * BYLINE_FLOOR):
                self.add(i + 1, k - 1, None)  # (a given name that is a word too before a family name: نگار X)

    def _dateline(self, i: int) -> bool:
        """Word i is a place of one word opening its line (the dateline, ``القاهرة - X Y``): the
        reporter's name may follow its dash as after a byline cue."""
        w = self.w
        return self.kind(i) == "place" and (i == 0 or "\n" in w[i].gap)

    def triggered(self) -> None:
        """Names after a title, role or verb of saying, and before a role."""
        w = self.w
        n = len(w)
        lw = self.lw
        i = 0
        apposed_to = -1  # the last context word of a role phrase in apposition to the name before it
        while i < n:
            inf = self.info[i]
            if inf is None or self.taken[i]:
                i += 1
                continue
            role = inf.kind == "role" and not self._named_after(i) and not self._inner_title(i)
            say = inf.kind != "role" and inf.stem in lw.says
            appositive = i <= apposed_to and not w[i].brk  # (نخست وزیر: the phrase's second word is no new title)
            if (role and i > 0 and (not w[i].brk or w[i].comma or _closing_quote(w[i].gap))
                    and inf.stem not in lw.honorifics):  # (an honorific stands before its own name: X الدكتور Y)
                first = self.read_back(i)
                if first is not None and not any(self.taken[first:i]) and not self._named_after(first):
                    self.add(first, i - 1, i, self._context_end(i))
                    appositive = True
                elif i > 0 and self.taken[i - 1] and (w[i].comma or (not w[i].brk and (
                        inf.stem.startswith("ال") or self.persian))) and not (inf.off and w[i].norm[:1] == "و"):
                    appositive = True  # "X، شاعر ...", "X المبعوث ...", Persian "X هنرمند ...": the role describes
                    # the name before it (not "X، ووزير ...": and the minister)
            if appositive and inf.stem in _KINSHIP and not inf.off:
                appositive = False  # "X، پسر ملا Y": a relation names its relative after it, another person
            if appositive:
                apposed_to = max(apposed_to, self._context_end(i))
            if not (role or say):
                i += 1
                continue
            plural = inf.stem in lw.plural_titles
            j = self._skip_context(i + 1)
            titled = role or (j > i + 1 and (not self.persian or any(self.kind(m) == "role" for m in range(i + 1, j))))
            # (a verb, then a title: "استقبل الوزير ..."; Persian puts the verb last, so گفت and
            # an adjective or a nationality start the clause it reports: گفت نیروهای یمنی X)
            institution = j < n and self._institution_follows(j) and not self._given_start_word(j)
            if titled and not appositive and j < n and (institution or not self._name_start(j)):
                start = j
                j = self._past_role_phrase(j, named=institution)
                if j == start and institution:
                    i += 1  # "المتحدث باسم الحرس الثوري": an institution, and no name after it
                    continue
            ctx_from = i if role else (i + 1 if j > i + 1 else None)
            if j < n and (not w[j].brk or (w[j].comma and j > i + 1)) and self.info[j] is not None:
                last = self.read_name(j, TITLE_BONUS if titled else CONTINUE_BONUS)
                ea = self._east_asian_name(j) if titled else None
                if ea is not None and (last is None or ea > last):
                    last = ea  # "الزعيم الكوري الشمالي كيم جونغ أون": the family name and its syllables
                if (last is not None and last + 2 < n and self.kind(last + 1) == "word" and self.kind(last + 2) == "role"
                        and not w[last + 1].brk and not w[last + 2].brk and not self.taken[last + 1]):
                    longer = self.read_name(j, TITLE_BONUS if titled else CONTINUE_BONUS, until=last + 1)
                    last = longer if longer == last + 1 else last  # "سالم راشد المطيري وزير": up to the role
                if last == j and (self._weak_single(j) or self._ezafe_noun(j) or (say and self.persian)):
                    last = None  # (Persian puts گفت before the clause it reports: گفت ایران امید دارد)
                if last is not None and titled and last > j and self._family_tail(last + 1):
                    last += 1  # "حجت الاسلام X Y آزاد دادستان": the family name's second word, then the role
                if last is not None and titled and (last - j <= 1 or (
                        self.info[last - 1] is not None and self.info[last - 1].stem in ("بن", "بنت", "ابن"))):  # type: ignore[union-attr]
                    last = self._ordinal_end(last)  # البابا لاون الرابع عشر, پاپ لئو چهاردهم; a king's son: X بن عبدالله الثاني
                if last is not None and (titled or self._name_start(j)) and not (appositive and not self._name_start(j)):
                    self.add(j, last, ctx_from)
                    i = last + 1
                    while plural and i < n:  # a list of names after "آقایان", "Messrs"
                        j = i + 1 if self.info[i] is not None and self.info[i].stem == "و" else i  # type: ignore[union-attr]
                        if j >= n or self.info[j] is None or not (w[j].comma or w[i].comma or j > i):
                            break
                        last = self.read_name(j, TITLE_BONUS)
                        if last is None:
                            break
                        self.add(j, last, None)
                        i = last + 1
                    continue
            i += 1

    def _ends_name(self, k: int) -> bool:
        """What follows word k ends a name: the text's end, a break, a stop word, a role, or a verb
        of saying or a copula (Persian puts the verb after its subject: X Y شیرازی گفت)."""
        w = self.w
        if k + 1 >= len(w) or w[k + 1].brk or self.kind(k + 1) in ("stop", "role"):
            return True
        nxt = self.info[k + 1]
        return nxt is not None and (nxt.stem in self.lw.says or w[k + 1].norm in _COPULAS)

    def _one_word_kunya(self, k: int) -> bool:
        """Word k is a kunya written as one word: ابو and a name (ابومهدی, ابوعمار)."""
        inf = self.info[k]
        if inf is None or inf.kind != "word":
            return False
        parts = split_compound(inf.stem)
        return parts is not None and parts[0] == "ابو" and not parts[1].startswith("ال")

    def _laqab_after_kunya(self, k: int) -> bool:
        """Word k, right after a kunya (أبو X), is a definite honorific that names no office
        (المهندس "the engineer", الحاج) and ends the clause's name (a break, a stop word, a verb
        of saying or a clearly ordinary word follows): the person's nickname, part of the name
        (أبو X المهندس قال; not أبو X الوزير, "Abu X met the minister")."""
        w = self.w
        if k >= len(w) or w[k].brk or self.taken[k]:
            return False
        inf = self.info[k]
        if (inf is None or inf.off or inf.kind != "role" or not inf.stem.startswith("ال") or len(inf.stem) < 5
                or inf.stem not in self.lw.honorifics or self.lw.role_of.get(inf.stem)):
            return False
        nxt = self.info[k + 1] if k + 1 < len(w) else None
        return self._ends_name(k) or (
            nxt is not None and nxt.kind == "word" and nxt.score < SECOND_WORD_CUTOFF)

    def _family_suffix(self, k: int) -> bool:
        """Word k is a detached Persian family-name suffix that makes a family name of any word
        before it (زاده "born of", پور "son of", نژاد "of the stock of")."""
        inf = self.info[k] if 0 <= k < len(self.w) else None
        return inf is not None and not inf.off and inf.stem in _FAMILY_SUFFIXES

    def _inner_title(self, i: int) -> bool:
        """Word i is a title word written bare between a given name and another name word
        (محمدجواد حاج علی اکبری, حسن شيخ محمود): a name element, not a title that starts the
        name after it; the name is read from the given name."""
        if i == 0 or self.w[i].brk or self.taken[i - 1] or not self._inner_title_at(i):
            return False
        return self._given_start_word(i - 1)

    def _inner_title_at(self, i: int) -> bool:
        """Word i is a title word written bare that may stand inside a name, before a name word
        (شيخ, حاج, حاجي before any; امام only before a listed given name: رستم امام علي, the
        Tajik Emomali written apart)."""
        w = self.w
        if i + 1 >= len(w) or w[i + 1].brk or self.kind(i + 1) != "word":
            return False
        if w[i].norm in _INNER_TITLES:
            return True
        nxt = self.info[i + 1]
        return w[i].norm == _IMAM and nxt is not None and not nxt.off and nxt.stem in self.lw.given

    def _two_given(self, j: int) -> bool:
        """Word j is two listed given names written together (محمدرضا, امیرهوشنگ), or a listed
        name glued to الدين (نورالدین, صلاحالدین: two name elements), not to الله (عبدالله is
        one given name, often alone)."""
        inf = self.info[j]
        parts = split_compound(inf.stem) if inf is not None else None
        return parts is not None and parts[0] in self.lw.given and (parts[1] in self.lw.given or parts[1] in _DIN_TAILS)

    def _ordinal_end(self, last: int) -> int:
        """The last word of a regnal or papal name ending at word ``last``: the ordinal words
        after it, if any (الرابع عشر, الثاني, چهاردهم)."""
        w = self.w
        k = last
        while k + 1 < len(w) and k - last < 2 and not w[k + 1].brk and not self.taken[k + 1]:
            inf = self.info[k + 1]
            if inf is None or inf.off or inf.stem not in self.lw.ordinals:
                break
            k += 1
        return k

    def _proclitic_word(self, x: Word) -> bool:
        """True when a word reads as a proclitic and a common ordinary word of four letters or
        more (بجائزة "with a prize", لمدة "for a period"), no listed given name."""
        letters = "بل" if self.persian else "بلوفك"
        if x.norm[:1] not in letters:
            return False
        return any(off > 0 and len(stem) >= 4 and stem not in self.lw.given and zipf_ar(stem, self.lw) >= PROCLITIC_WORD_ZIPF
                   and arabic_score(stem, stem) < PROCLITIC_WORD for off, stem in x.readings)

    def _inflected_word(self, x: Word, full: bool) -> bool:
        """True when an Arabic word is an ordinary word by its inflection, never a name word:
        the future prefix س and an imperfect verb (سيتوجه, ستعقد), a noun in ة with a
        possessive pronoun (إحاطته "his briefing", from إحاطة), or, after a full name
        (``full``), the preposition ل and a common ordinary word (لتولي "to take over")."""
        if self.persian:
            return False
        norm, lw = x.norm, self.lw
        if norm in lw.given or arabic_score(norm, norm) > FOREIGN_SHAPE:
            return False

        def ordinary(stem: str, least: float) -> bool:
            return (stem not in lw.given and zipf_ar(stem, lw) >= least
                    and arabic_score(stem, stem) < INFLECTED_ORDINARY)

        if norm[:1] == "س" and norm[1:2] in _FUTURE_PERSON_LETTERS and len(norm) >= 5 and ordinary(norm[1:], INFLECTED_ZIPF):
            return True
        for suffix in _POSSESSIVE_AFTER_TA:
            if norm.endswith(suffix) and len(norm) - len(suffix) >= 3 and ordinary(norm[: -len(suffix)] + "ه", INFLECTED_ZIPF):
                return True
        return full and norm[:1] == "ل" and len(norm) >= 5 and ordinary(norm[1:], PROCLITIC_WORD_ZIPF)

    def _unlisted_given_start(self, k: int) -> bool:
        """Word k, with no article, has name evidence of its own and the word after it is a listed
        given name or clearly a name (the family name): a name whose given name no list holds."""
        w = self.w
        inf = self.info[k]
        nxt = self.info[k + 1] if k + 1 < len(w) and not w[k + 1].brk else None
        return (inf is not None and nxt is not None and inf.kind == nxt.kind == "word" and not inf.off and not nxt.off
                and not inf.stem.startswith("ال") and inf.score > 0 and not self.taken[k + 1]
                and (nxt.stem in self.lw.given or nxt.score > FOREIGN_HEAD_NAME))

    def _feminine_adjective(self, k: int) -> bool:
        """Word k, right after the word before it, is a definite feminine nisba adjective that is
        ordinary (الدستورية, الرسمية): the word before it is a noun, not a family name."""
        w = self.w
        inf = self.info[k] if 0 <= k < len(w) else None
        return (inf is not None and not w[k].brk and inf.kind in ("word", "qual") and not inf.off
                and inf.stem.startswith("ال") and inf.stem.endswith("يه") and len(inf.stem) >= 6
                and (inf.kind == "qual" or inf.score < 0))

    def _abd_compound(self, k: int) -> bool:
        """Word k is عبد written apart before one of God's names: a word, or a title word with
        the article (عبد الرحمن, عبد الملك, عبد الأمير), no proclitic on either."""
        w = self.w
        inf = self.info[k]
        nxt = self.info[k + 1] if k + 1 < len(w) and not w[k + 1].brk else None
        return (inf is not None and nxt is not None and inf.kind == "particle" and inf.stem == "عبد" and not inf.off
                and not nxt.off and (nxt.kind == "word" or (nxt.kind in ("role", "qual") and nxt.stem.startswith("ال"))))

    def _definite_nisba(self, k: int) -> bool:
        """Word k is a definite nisba of five letters or more (المالكي, الحوثي), no proclitic read
        off it and not clearly ordinary (evidence above :data:`SECOND_WORD_CUTOFF`): after a given
        name, the family name from a tribe, a place or a school, however common the word."""
        inf = self.info[k]
        return (inf is not None and inf.kind == "word" and not inf.off and len(inf.stem) >= 5
                and inf.stem.startswith("ال") and inf.stem.endswith("ي") and inf.score > SECOND_WORD_CUTOFF)

    def _place_nisba(self, k: int) -> bool:
        """True when word k is the nisba of a listed place (قمی of قم, البغدادي of بغداد, with or
        without the article) and no listed word of its own (not a nationality: ایرانی)."""
        inf = self.info[k]
        if inf is None or inf.kind != "word" or not inf.stem.endswith("ي"):
            return False
        base = inf.stem[2:] if inf.stem.startswith("ال") else inf.stem
        return len(base) >= 3 and (base[:-1] in self.lw.places or "ال" + base[:-1] in self.lw.places)

    def _before_nasab(self, k: int) -> bool:
        """True when word k is followed by بن / بنت and a given name: the person's own name
        (نجم بن خالد), however common the word is."""
        w = self.w
        if k + 2 >= len(w) or w[k + 1].brk or w[k + 2].brk:
            return False
        a, b = self.info[k + 1], self.info[k + 2]
        return (a is not None and b is not None and a.stem in ("بن", "بنت") and not a.off
                and b.kind == "word" and b.stem in self.lw.given)

    def _given_after_title(self, k: int) -> bool:
        """In Arabic text, word k is a place or nationality word without the article that is a
        listed given name too (تركي), right after a definite title or an honorific (الأمير,
        الشيخ, الوزير) and before a name word: the given name, since an adjective of the title
        would take the article (الأمير التركي)."""
        w = self.w
        if self.persian or k == 0 or k + 1 >= len(w) or w[k].brk or w[k + 1].brk or self.taken[k + 1]:
            return False
        inf, prev, nxt = self.info[k], self.info[k - 1], self.info[k + 1]
        return (inf is not None and prev is not None and nxt is not None and inf.kind == "place" and not inf.off
                and inf.stem in self.lw.given and not inf.stem.startswith("ال") and prev.kind == "role"
                and (prev.stem.startswith("ال") or prev.stem in self.lw.honorifics)
                and nxt.kind == "word" and not nxt.off and nxt.score > SECOND_WORD_CUTOFF)

    def _weak_single(self, j: int) -> bool:
        """True when word j, a name of one word after a role (an office, not an honorific
        such as السيد, آقای, الدكتور, nor a ruler's title), has less name evidence of its own than
        :data:`SINGLE_OWN`: the word after an office is often an adjective of it
        (خبرنگار اقتصادی, المبعوث الأممي)."""
        inf = self.info[j]
        prev = self.info[j - 1] if j > 0 else None
        if (inf is not None and prev is not None and prev.stem in _SAYYID and not prev.off and inf.stem.startswith("ال")
                and inf.score < 0 and inf.stem not in self.lw.given):
            return True  # "master of the ...": سيد الشهداء, سید الشهدا, an epithet, no sayyid's name
        if inf is None or prev is None or prev.stem in self.lw.honorifics or prev.stem in _SAYYID:
            return False
        if self.lw.role_of.get(prev.stem) in RULERS:
            return False  # a ruler or a pope is named by one name (البابا فرنسيس, پاپ لئو)
        if self.persian and prev.stem in _PERSIAN_RANKS:
            return False  # a military rank stands before a name, never before an adjective (دریادار X)
        return inf.score < SINGLE_OWN and inf.stem not in self.lw.given and form_rarity(inf.stem) >= 1.0

    def _conjunction(self, x: Word, inf: WordInfo, shape_bar: float = FOREIGN_SHAPE) -> bool:
        """True when a word starting with و/ف reads as the conjunction and an ordinary word
        (وتقنيات, وأكد), not as a name that starts with the letter (فرانسيس, وانغ): the rest
        is a known ordinary word or a verb; when neither reading is a known word, an unlisted
        word is read as the conjunction."""
        rest = x.norm[1:]
        if rest in self.lw.says:
            return True
        if self.persian and x.norm[:1] == "و" and zipf_ar(x.norm, self.lw) >= zipf_ar(rest, self.lw):
            return False  # Persian writes "and" apart: a word no less common whole than its rest is one word
            #               (وانگ; وادفول, neither reading a known word)
        if zipf_ar(rest, self.lw) > 0:
            return arabic_score(rest, rest) < 0  # the rest is a known word: an ordinary one?
        if zipf_ar(x.norm, self.lw) > 0:
            return False  # the whole word is a word of its own, the rest none
        if form_rarity(inf.stem) < 1.0:
            return False
        # neither reading is a known word: a word shaped like a transliterated name is one
        # (فاليري, ويلسون; ``shape_bar``: lower inside a name, after a name word), else the
        # conjunction and an unlisted word
        return arabic_score(x.norm, x.norm) <= shape_bar

    def _foreign_initial(self, x: Word) -> bool:
        """True when a word that starts like a preposition and the article (فال, بال, وال,
        كال; not لل) is a foreign name starting with those letters (فالنتين, والتر, كالاس):
        the rest after them is no known word and no name element, and the whole word is
        shaped like a transliterated name."""
        if x.norm.startswith(("لل", "ولل", "فلل")):
            return False
        rest = x.norm[3:]
        if zipf_ar(rest, self.lw) > 0 or rest in self.lw.given or form_rarity(rest) < 1.0:
            return False
        return zipf_ar(x.norm, self.lw) == 0 and arabic_score(x.norm, x.norm) > FOREIGN_SHAPE

    def _ezafe_nisba(self, k: int) -> bool:
        """True when word k is the Persian nisba ای written apart after a word ending in ه
        (خامنه ای, سبزه ای): part of the family name when the word before is read as one."""
        w = self.w
        inf = self.info[k] if 0 <= k < len(w) else None
        return (inf is not None and k > 0 and inf.stem == "اي" and not inf.off and not w[k].brk
                and w[k - 1].norm.endswith("ه"))

    def _ordinary_stem(self, x: Word) -> bool:
        """True when a word read without its conjunction و/ف is an ordinary word or a verb."""
        rest = x.norm[1:]
        return rest in self.lw.says or arabic_score(rest, rest) < 0

    def _names_after(self, i: int) -> bool:
        """True when the role phrase at word i is followed by a name (``وأكد الأمير فيصل``)."""
        j = self._skip_context(i + 1)
        w = self.w
        if j < len(w) and not w[j].brk and self.info[j] is not None and self.read_name(j, TITLE_BONUS) is not None:
            return True
        # the office's complement names an institution, then an honorific or a title names the
        # person (الأمين العام لحزب X الشيخ Y): a verb that opens the clause is before the office
        for k in range(j, min(len(w) - 1, j + ROLE_PHRASE_WORDS)):
            if k > j and w[k].brk:
                break
            if (self._ruler_or_honorific(k) and not w[k + 1].brk and self.info[k + 1] is not None
                    and self.read_name(k + 1, TITLE_BONUS) is not None):
                return True
        return False

    def _skip_context(self, j: int) -> int:
        """The first word after the role and context words starting at j."""
        w = self.w
        n = len(w)
        start = j
        while j < n and self.info[j] is not None and not w[j].brk and j - start < 12:
            kind = self.kind(j)
            if kind in ("role", "qual", "place") and not (kind == "place" and (
                    self._before_nasab(j) or self._given_after_title(j))):
                j += 1  # (not a nationality word before بن and a given name: the name starts there)
                continue
            if (self.persian and j > start and w[j].norm in _DETACHED_POSSESSIVES
                    and self.kind(j - 1) in ("role", "qual", "place")):
                j += 1  # همتای آلمانی اش X, همتای خود X: "his (own) counterpart", written apart
                continue
            nxt = self.info[j + 1] if j + 1 < n else None
            if self.info[j].stem in _LINKERS and nxt is not None and (  # type: ignore[union-attr]
                    nxt.kind == "place" or (nxt.kind == "qual" and (nxt.stem.startswith("ال") or self.persian))):
                # (في + a place, or a definite institution word: وزير التجارة في الحكومة المؤقتة X;
                # not an indefinite one, whose genitive follows: في حكومة تصريف الأعمال; Persian has
                # no article: نماینده مردم تهران در مجلس، X)
                j += 2
                continue
            break
        return j

    def _past_role_phrase(self, j: int, named: bool = False) -> int:
        """The listed given name that starts the name after a longer role phrase, or j.

        A role's complement may name an institution in a genitive chain of definite words,
        organisation words and adjectives (رئيس حزب القوات اللبنانية X, رئيس اللجنة الوطنية
        لشؤون الأسرى X, زعيم التيار الوطني الشيعي X) or a demonstrative and its noun (سخنگوی
        این کمیسیون، X): the name starts at the first listed given name after it, or at two
        words of a transliterated foreign name (:meth:`_foreign_start`). A ruler's
        title or an honorific stops the search (مدير مركز الملك X names an institution).
        ``named``: the first word is an institution's own name, whatever its form (المتحدث باسم
        طالبان X)."""
        w = self.w
        n = len(w)
        k = j
        demonstrative = False
        while k < n and k - j < ROLE_PHRASE_WORDS and not self.taken[k]:
            inf = self.info[k]
            if inf is not None and k > j and self._abd_compound(k):
                return k if not self._named_after(k) else j  # زعيم الجماعة عبد الملك X: a given name with عبد
            if inf is None or inf.kind == "particle" or self._ruler_or_honorific(k):
                return j
            if k > j and w[k].brk and not (w[k].comma and (demonstrative or self._given_start_word(k)
                                                          or inf.kind == "qual")):
                return j  # (a comma in a list of portfolios: وزیر صنعت، معدن و تجارت X)
            if inf.stem == "و" and k + 1 < n and self.kind(k + 1) == "qual" and not w[k + 1].brk:
                k += 1
                continue
            if k > j and self._given_written_apart(k) and not self._media_name(k):
                return k  # غلام حسين: a listed given name written as two words
            if self._given_start_word(k) and k > j:
                if (self.kind(k - 1) == "org" and k + 1 < n and not w[k + 1].brk and not self.taken[k + 1]
                        and self._given_start_word(k + 1)):
                    k += 1  # منظمة بدر هادي X: the organisation takes its name word, the person's follows
                # (a given name right after a news agency's word is the agency's name: مراسل وكالة فارس)
                return k if not (self._named_after(k) or self._media_name(k)) else j
            if k > j and self._foreign_start(k):
                return k  # a foreign name whose given name no list holds (رئيسة اللجنة ... ميريانا X)
            if k > j and self._unlisted_given_start(k):
                return k  # الأمين العام لحزب الله نعيم X: an unlisted given name before a listed name word
            definite = inf.stem.startswith("ال") or w[k].norm.startswith(("لل", "ال")) or inf.kind in ("org", "qual", "place")
            if inf.stem in _DEMONSTRATIVES:
                demonstrative = True
            elif not (definite or (named and k == j) or (demonstrative and k > j and self.info[k - 1].stem in _DEMONSTRATIVES)  # type: ignore[union-attr]
                      or self._construct_noun(k)):
                return j
            k += 1
        return j

    def _institution_follows(self, j: int) -> bool:
        """Word j comes right after باسم ("in the name of": المتحدث باسم X, the spokesman of X):
        an institution follows, never the spokesman's own name."""
        prev = self.info[j - 1] if 0 < j < len(self.w) and not self.w[j].brk else None
        return prev is not None and prev.stem in _IN_THE_NAME_OF

    def _calendar_name_after_rank(self, j: int) -> bool:
        """Word j, a calendar word that is a name element too (رمضان, بهمن; no article), stands
        right after a military rank and before a word with name evidence: the given name."""
        w, n = self.w, len(self.w)
        inf = self.info[j]
        if inf is None or inf.off or j == 0 or w[j].brk or j + 1 >= n or w[j + 1].brk or self.taken[j + 1]:
            return False
        k = j - 1
        while k > 0 and self.kind(k) == "qual" and not w[k].brk:
            k -= 1  # (a qualifier after the rank: سرتیپ پاسدار)
        prev, nxt = self.info[k], self.info[j + 1]
        return (prev is not None and nxt is not None and prev.kind == "role"
                and (self.lw.role_of.get(prev.stem) in _RANK_OFFICES or prev.stem in _PERSIAN_RANKS)
                and not inf.stem.startswith("ال") and (inf.stem in self.lw.given or form_rarity(inf.stem) < 0.8)
                and nxt.kind == "word" and not nxt.off and nxt.score > UNKNOWN_FLOOR)

    def _foreign_given(self, j: int) -> bool:
        """Word j is a listed given name that the name-element lexicon does not know (a foreign
        given name: بنيامين, إيتمار, فيكرام): the word after it is the family name's slot even
        without context, however often the press writes that family name (نتنياهو)."""
        inf = self.info[j]
        return (inf is not None and inf.kind == "word" and not inf.off and inf.stem in self.lw.given
                and not inf.stem.startswith("ال") and form_rarity(inf.stem) >= 1.0)

    def _given_before_foreign(self, j: int) -> bool:
        """Word j, a stop or calendar word that is a given name too (رمضان a month, يشار a verb:
        a listed given name or a name element of the lexicon), stands right before a
        transliterated foreign family name (no frequency list knows it, no article, shaped like a
        name: قديروف): the given name, not the ordinary word (رمضان كريم, يشار إلى stay words)."""
        w, n = self.w, len(self.w)
        inf = self.info[j]
        if inf is None or inf.off or j + 1 >= n or w[j + 1].brk or self.taken[j + 1]:
            return False
        nxt = self.info[j + 1]
        return (nxt is not None and nxt.kind == "word" and not nxt.off and not nxt.stem.startswith("ال")
                and (inf.stem in self.lw.given or form_rarity(inf.stem) < 0.8)
                and max(zipf_ar(inf.stem, self.lw), zipf_ar(w[j].norm, self.lw)) <= GIVEN_STOP_ZIPF
                and zipf_ar(nxt.stem, self.lw) == 0.0 and nxt.score >= FOREIGN_TAIL)

    def _given_qualifier_before_foreign(self, j: int) -> bool:
        """Word j, a qualifier that is a listed given name too (دولت "state", the Turkish Devlet),
        stands right before a transliterated foreign family name (no frequency list knows it, no
        article, shaped like a name) that ends the name (a break, a role, a stop word or a verb of
        saying follows): the given name (دولت X، زعيم ...; not دولت ایالتی, دولت ترامپ: a word the
        lists know)."""
        w, n = self.w, len(self.w)
        inf = self.info[j]
        if inf is None or inf.off or inf.stem not in self.lw.given or j + 1 >= n or w[j + 1].brk:
            return False
        nxt = self.info[j + 1]
        if (nxt is None or nxt.kind != "word" or nxt.off or nxt.stem.startswith("ال")
                or zipf_ar(nxt.stem, self.lw) > 0.0 or nxt.score < FOREIGN_TAIL):
            return False
        after = self.info[j + 2] if j + 2 < n else None
        return (after is None or w[j + 2].brk or after.kind in ("role", "stop")
                or after.stem in self.lw.says)

    def _given_written_apart(self, k: int) -> bool:
        """Words k and k+1 are a listed given name written as two words (غلام حسين, غلام رضا:
        Arabic writes the Persian compound apart)."""
        if k + 1 >= len(self.w) or self.w[k + 1].brk:
            return False
        a, b = self.info[k], self.info[k + 1]
        return (a is not None and b is not None and a.kind == "word" and not a.off and not b.off
                and a.stem not in self.lw.given and _key_form(a.stem + b.stem) in self._given_keys())

    def _given_keys(self) -> frozenset[str]:
        return _given_key_forms(self.lw)

    def _media_name(self, k: int) -> bool:
        """Word k follows a word for a news agency, newspaper or channel (خبرگزاری, وكالة, صحيفة,
        قناة): the outlet's name, however much it reads as a given name (خبرگزاری فارس)."""
        if k == 0 or self.w[k].brk:
            return False
        prev = self.info[k - 1]
        return prev is not None and not prev.off and prev.stem in _MEDIA_WORDS

    def _family_tail(self, k: int) -> bool:
        """In Persian text, word k ends a name read after a title: one word that is a word too
        (آزاد "free", عادل "just") between the name and a role word (X Y آزاد دادستان کل): Persian
        writes the role right after the name, so the word is the second part of a compound
        family name. Not a copula nor a very common word."""
        w, n = self.w, len(self.w)
        if not self.persian or k + 1 >= n or w[k].brk or w[k + 1].brk or self.taken[k]:
            return False
        inf, nxt = self.info[k], self.info[k + 1]
        return (inf is not None and nxt is not None and inf.kind == "word" and not inf.off and nxt.kind == "role"
                and inf.score > FAMILY_TAIL_FLOOR and w[k].norm not in _COPULAS)

    def _ezafe_noun(self, j: int) -> bool:
        """In Persian text, word j is a known noun ending in a vowel with the ezafe ی written on
        it (هوافضای "aerospace of", نیروی) and an institution, portfolio or place follows: a
        word of the role phrase (فرمانده نیروی هوافضای سپاه), no name."""
        w, inf = self.w, self.info[j]
        if not self.persian or inf is None or inf.off or j + 1 >= len(w) or w[j + 1].brk:
            return False
        stem = inf.stem
        if len(stem) < 5 or not stem.endswith(("اي", "وي")) or stem in self.lw.given:
            return False
        return zipf_ar(stem[:-1], self.lw) >= EZAFE_BASE_ZIPF and self.kind(j + 1) in ("qual", "org", "place")

    def _construct_noun(self, k: int) -> bool:
        """Word k is an ordinary noun in a construct chain: no article, clearly ordinary, and a
        definite word or an institution word right after it (منظمة حماية البيئة, وزير تنمية
        المجتمع: "protection of the environment")."""
        w, inf = self.w, self.info[k]
        if inf is None or inf.kind != "word" or inf.off or inf.score >= UNKNOWN_FLOOR or k + 1 >= len(w) or w[k + 1].brk:
            return False
        nxt = self.info[k + 1]
        return nxt is not None and not nxt.off and (nxt.stem.startswith("ال") or nxt.kind in ("org", "qual"))

    def _apart_compound(self, k: int) -> bool:
        """Word k and the الدين / الله written apart after it are one given name (شهاب الدین,
        عزت الله, كمال الدين)."""
        if k + 1 >= len(self.w) or self.w[k + 1].brk:
            return False
        inf, nxt = self.info[k], self.info[k + 1]
        return (inf is not None and nxt is not None and not inf.off and nxt.stem in ("الدين", "الله")
                and compound_given(inf.stem + nxt.stem))

    def _foreign_start(self, k: int) -> bool:
        """Words k and k+1 are a transliterated foreign name ending there: a :meth:`_foreign_pair`
        whose first word is in no frequency list either, or clearly a name (evidence above
        :data:`FOREIGN_HEAD_NAME`: دميتري), and bears no article, followed by a break, a
        function word or a preposition with the article."""
        w, n = self.w, len(self.w)
        if k + 1 >= n or w[k + 1].brk or (k + 2 < n and not w[k + 2].brk and self.kind(k + 2) not in ("stop", "say")
                                          and not w[k + 2].norm.startswith(_PREPOSITION_ARTICLE)):
            return False  # (a preposition and the article start another phrase: X Y للصحفيين)
        if not self._foreign_pair(k):
            return False
        head = self.info[k]
        assert head is not None  # (_foreign_pair read it as a word)
        return not head.stem.startswith("ال") and (zipf_ar(head.stem, self.lw) == 0.0 or head.score > FOREIGN_HEAD_NAME)

    def _given_start_word(self, k: int) -> bool:
        """Word k is a listed given name, two glued (محمدرضا), or the sayyid marker glued to one."""
        inf = self.info[k]
        if inf is None or inf.kind != "word":
            return False
        stem = inf.stem
        if stem.startswith("سيد") and stem[3:] in self.lw.given:
            return True
        return stem in self.lw.given or compound_given(stem)

    def _context_end(self, i: int) -> int:
        """The last context word of a role phrase starting at word i."""
        j = self._skip_context(i + 1)
        return max(i, j - 1)

    def _name_start(self, j: int) -> bool:
        """A name may start at word j on its own evidence: a given name, or a word whose
        name evidence clearly outweighs its ordinary-language evidence."""
        inf = self.info[j]
        return inf is not None and (inf.stem in self.lw.given or inf.score > 0.5 or self._apart_compound(j)
                                    or (inf.kind == "particle" and inf.stem in CLITIC_PARTICLES))

    def free(self) -> None:
        """Names without context: a given name, then a second name word."""
        w = self.w
        n = len(w)
        given = self.lw.given
        blocked = -1
        phrases: list[Found] = []
        for i in range(n):
            inf = self.info[i]
            if inf is None or self.taken[i] or inf.kind not in ("word", "particle") or i <= blocked:
                continue
            kunya = inf.kind == "particle" and inf.stem in _FREE_PARTICLES and i + 1 < n and not w[i + 1].brk and (
                self.info[i + 1] is not None and self.info[i + 1].kind == "word"  # type: ignore[union-attr]
                and self.info[i + 1].score > _FREE_PARTICLES[inf.stem]  # type: ignore[union-attr]
            )
            ea = self._east_asian_free(i)
            if ea is not None:
                self.add(i, ea, None)
                continue
            foreign = not kunya and self._free_foreign(i)
            if not kunya and not foreign and (
                    not (inf.stem in given or split_compound(inf.stem) is not None) or inf.score <= 0) and not (
                    inf.kind == "word" and self._before_nasab(i) and inf.score + NASAB_BONUS > 0):
                continue
            if (i > 0 and self.kind(i - 1) in ("org",)) or self._named_after(i):
                blocked = i  # and the name words after it: the institution's name (مركز محمد بن راشد)
                while (blocked + 1 < n and blocked - i < MAX_NAME_WORDS and not w[blocked + 1].brk
                       and self.kind(blocked + 1) in ("word", "particle")):
                    blocked += 1
                self.institution[i : blocked + 1] = b"\x01" * (blocked + 1 - i)
                continue
            first = i
            before = self.info[i - 1] if i > 0 else None
            if (before is not None and before.kind == "particle" and before.stem in ("عبد", "ابو", "ام")
                    and not w[i].brk and not self.taken[i - 1]):
                first = i - 1  # the name element is the particle and this word (وعبد العزيز بن سلمان)
            last = self.read_name(first, 0.0, free=True)
            if last is None and foreign:
                last = i + 1
            if last is None and first == i and self._glued_kunya(i):
                last = i  # a kunya written as one word names its person alone (Persian ابوعمار)
                if self._laqab_after_kunya(i + 1):
                    last = i + 1  # and its nickname (ابومهدی المهندس)
            if last is None and self._subject_before_date(i):
                last = i + 1
            if (last == first + 1 and not kunya and not self.persian and self._bare_adjective(last)
                    and first == i):
                continue  # "طالب جامعي" "a university student": a given name that is a noun too, and its adjective
            if last is not None and kunya:
                k = i + 2  # after a kunya and its name, only name words of their own evidence
                while k <= last and ((self.kind(k) == "word" and (
                        self.info[k].score > 0  # type: ignore[union-attr]
                        or ((inf.stem == "عبد" or inf.stem in _FATHER_HEADS) and k == i + 2 and self._definite_nisba(k))))
                        or (k == i + 2 == last and inf.stem in _KUNYA_HEADS and self._laqab_after_kunya(k))):
                    k += 1  # (عبد and God's name are a given name, ابو and a name a kunya: a definite nisba
                    #          after it is the family name, however common the adjective: أبو علي العسكري;
                    #          a kunya keeps its nickname: أبو X المهندس)
                last = k - 1
                tail = self.info[last + 1] if last + 1 < n and not w[last + 1].brk else None
                if (last == i + 1 and inf.stem in _FATHER_HEADS and tail is not None and tail.kind == "qual"
                        and not tail.off and tail.stem.startswith("ال") and tail.stem.endswith("ي")
                        and not self.taken[last + 1]):
                    last += 1  # a nom de guerre: the kunya and a definite adjective (أبو علي العسكري)
            if last is not None:
                self.add(first, last, None)
                if last == first + 1 and self._common_noun_pair(first):
                    phrases.append(self.found[-1])
        self._drop_common_phrases(phrases)

    def _common_noun_pair(self, i: int) -> bool:
        """Persian words i and i+1 are two listed given names that are both very common words
        of the language (نور "light", امید "hope"): read without a title they may be a phrase of
        two nouns joined by the unwritten ezafe ("light of hope"), a slogan or a title."""
        if not self.persian:
            return False
        pair = (self.info[i], self.info[i + 1])
        return all(x is not None and x.kind == "word" and not x.off and x.stem in self.lw.given
                   and self.lw.zipf["fa"].get(x.stem, 0.0) >= COMMON_PAIR_ZIPF for x in pair)

    def _drop_common_phrases(self, phrases: list[Found]) -> None:
        """Drop the free mentions of two common nouns that are given names too (see
        :meth:`_common_noun_pair`) that nothing else in the text reads as a name: no verb of saying
        follows in their sentence and their second word, the family name's slot, never stands in
        the text without the first (a person is named again by the family name alone; a phrase is
        repeated whole)."""
        if not phrases:
            return
        w, n = self.w, len(self.w)
        tails = {w[f.last].norm for f in phrases}
        alone: Counter[str] = Counter()
        after: Counter[tuple[str, str]] = Counter()
        for k in range(n):
            if w[k].norm in tails:
                alone[w[k].norm] += 1
                if k > 0 and not w[k].brk:
                    after[w[k - 1].norm, w[k].norm] += 1
        drop: set[int] = set()
        for f in phrases:
            head, tail = w[f.first].norm, w[f.last].norm
            if alone[tail] > after[head, tail]:
                continue
            k = f.last + 1
            said = False
            while k < n and k - f.last <= _SAID_REACH and not w[k].sent:
                inf = self.info[k]
                if inf is not None and inf.stem in self.lw.says:
                    said = True
                    break
                k += 1
            if not said:
                drop.add(id(f))
        if drop:
            self.found[:] = [f for f in self.found if id(f) not in drop]

    def _bare_adjective(self, k: int) -> bool:
        """In Arabic text, word k is a nisba adjective without the article that is an ordinary
        word (evidence below zero, a word of the frequency lists, no listed given name): after a
        word that is a given name and a noun too, the noun's adjective (طالب جامعي), not a family
        name (which takes the article; a transliterated one no list knows: يوسف كاردالي)."""
        inf = self.info[k]
        return (inf is not None and inf.kind == "word" and not inf.off and len(inf.stem) >= 4
                and inf.stem.endswith("ي") and not inf.stem.startswith("ال") and inf.score < 0
                and inf.stem not in self.lw.given and zipf_ar(inf.stem, self.lw) >= BARE_ADJECTIVE_ZIPF)

    # -- East Asian names, family name first ---------------------------------
    def _east_asian_family(self, k: int) -> bool:
        """Word k is a listed East Asian family name (كيم, وانغ, تسونگ), not taken."""
        inf = self.info[k] if 0 <= k < len(self.w) else None
        return inf is not None and not inf.off and not self.taken[k] and inf.stem in self.lw.east_asian

    def _syllable(self, k: int, bounded: bool) -> bool:
        """Word k may be a syllable word of an East Asian given name: short (:func:`_syllable_shaped`),
        no article nor proclitic (nor a preposition before a common word), no title, place or verb
        of saying, and no common word of the text's language (Zipf :data:`EA_WORD_ZIPF`) unless
        ``bounded`` (a role or title closes the name); a function word only when rarer than
        :data:`EA_STOP_ZIPF` (the caller keeps it off the name's end)."""
        w = self.w
        if k >= len(w) or w[k].brk or self.taken[k]:
            return False
        inf = self.info[k]
        if (inf is None or inf.off or not _syllable_shaped(inf.stem) or inf.stem.startswith("ال")
                or inf.kind not in ("word", "stop") or inf.stem in self.lw.says):
            return False
        table = self.lw.zipf["fa" if self.persian else "ar"]
        if any(table.get(stem, 0.0) >= EA_CLITIC_ZIPF for _off, stem in w[k].readings[1:]):
            return False
        z = table.get(inf.stem, 0.0)
        if inf.kind == "stop":
            return z < EA_STOP_ZIPF
        return bounded or z < EA_WORD_ZIPF

    def _east_asian_name(self, j: int) -> int | None:
        """The last word of an East Asian name read forward from its family name at word j: one
        or two syllable words (وانغ يي, كيم جونغ أون), the last no function word; or None."""
        if not self._east_asian_family(j):
            return None
        last = None
        for k in (j + 1, j + 2):
            if not self._syllable(k, bounded=False):
                break
            last = k
        if last is not None and self.kind(last) == "stop":
            last = last - 1 if last - 1 > j else None
        return last

    def _east_asian_back(self, i: int) -> int | None:
        """The first word of an East Asian name that ends right before the role at word i: a
        listed family name and one or two syllable words however common (تسونگ پی وو سفیر,
        کیم جونگ اون رهبر), the last no function word; or None."""
        if i == 0 or self.kind(i - 1) == "stop":
            return None
        for s in (i - 3, i - 2):
            if s < 0 or not self._east_asian_family(s) or self.w[s + 1].brk:
                continue
            if all(self._syllable(k, bounded=True) for k in range(s + 1, i)):
                return s
        return None

    def _east_asian_free(self, i: int) -> int | None:
        """The last word of an East Asian name without context at word i: a family name and its
        syllables, a word of which ends in ng (نغ, نگ) and is no common word, standing alone
        (the clause ends or a function word, a role or a verb of saying follows), not named after."""
        last = self._east_asian_name(i)
        if last is None or self._named_after(i) or (i > 0 and not self.w[i].brk and self.kind(i - 1) == "org"):
            return None
        table = self.lw.zipf["fa" if self.persian else "ar"]
        if not any(self.info[k].stem.endswith(_NG_ENDINGS) and table.get(self.info[k].stem, 0.0) < EA_NG_ZIPF  # type: ignore[union-attr]
                   for k in range(i, last + 1)):
            return None
        nxt = last + 1
        if nxt < len(self.w) and not self.w[nxt].brk and not (
                self.kind(nxt) in ("stop", "role") or self.info[nxt].stem in self.lw.says):  # type: ignore[union-attr]
            return None
        return last

    def _east_asian_found(self, f: Found) -> bool:
        """A found name is an East Asian family name and one or two short syllable words."""
        inf = self.info[f.first]
        return (inf is not None and 1 <= f.last - f.first <= 2 and inf.stem in self.lw.east_asian
                and all(self.info[k] is not None and _syllable_shaped(self.info[k].stem)  # type: ignore[union-attr]
                        for k in range(f.first + 1, f.last + 1)))

    def _glued_kunya(self, i: int) -> bool:
        """Word i is a kunya written as one word, ابو and a listed given name without the article
        (ابوعمار, ابومازن, as Persian writes them; not the given names ابوالفضل, ابوالقاسم), and no
        frequency list knows the word."""
        inf = self.info[i]
        if inf is None or inf.kind != "word" or inf.off or zipf_ar(inf.stem, self.lw) > 0.0:
            return False
        parts = split_compound(inf.stem)
        return (parts is not None and parts[0] == "ابو" and not parts[1].startswith("ال")
                and parts[1] in self.lw.given)

    def _subject_before_date(self, i: int) -> bool:
        """Persian news opens a sentence with its subject and then the day (علیرضا بیات روز
        دوشنبه ... گفت): a listed given name starting a sentence, one more word that is no very
        common one, then "روز" or a weekday is a name of two words."""
        w, n = self.w, len(self.w)
        if not self.persian or i + 2 >= n or not (i == 0 or w[i].brk) or w[i + 1].brk or w[i + 2].brk:
            return False
        head, nxt = self.info[i], self.info[i + 1]
        return (head is not None and nxt is not None and head.stem in self.lw.given and not head.off
                and nxt.kind == "word" and not nxt.off and not self.taken[i + 1] and nxt.score > DATE_SUBJECT_FLOOR
                and w[i + 2].norm in _DAY_WORDS)

    def _free_foreign(self, i: int) -> bool:
        """Words i and i+1 are a transliterated foreign name without context (فیلیپو گراندی): two
        words that no frequency list holds, neither with the article, both shaped like names."""
        if i + 1 >= len(self.w) or self.w[i + 1].brk or self.taken[i + 1] or not self._foreign_pair(i):
            return False
        head, tail = self.info[i], self.info[i + 1]
        assert head is not None and tail is not None  # (_foreign_pair read both as words)
        return (head.score > 0 and not head.stem.startswith("ال") and not tail.stem.startswith("ال")
                and zipf_ar(head.stem, self.lw) == 0.0)

    def _named_after(self, i: int) -> bool:
        """True when the word before i, or before the titles and qualifiers before i, makes
        the name a place or institution (مطار, شارع, جامع الشيخ, فرودگاه بین‌المللی)."""
        k = i - 1
        while k >= 0 and (not self.w[k + 1].brk or self._quote_gap(k + 1)) and i - k <= 4:
            prev = self.info[k]
            if prev is None:
                return False
            if (prev.stem in self.lw.named_after or any(st in self.lw.named_after for _o, st in self.w[k].readings)
                    or (prev.stem.startswith("ال") and prev.stem[2:] in self.lw.named_after
                        and prev.stem not in _NETWORK_NAMES)):  # (السفينة, المطار; not قناة الجزيرة)
                return True
            if prev.kind == "org" and self._ruler_or_honorific(k + 1) and self.kind(k - 1) not in ("role", "qual"):
                return True  # an institution named after a king or a sheikh (مركز الملك X, مؤسسات الإمام X;
                #              not an institution in a role phrase: رئيس مجلس الشيخ X)
            if (self.persian and prev.kind == "word" and prev.stem.endswith("ي") and k > 0 and not self.w[k].brk
                    and self.info[k - 1] is not None
                    and self.info[k - 1].stem in self.lw.named_after):  # type: ignore[union-attr]
                return True  # one adjective after the place word (پایگاه فضایی امام X, ورزشگاه ملی X)
            if (self.persian and prev.kind == "word" and prev.stem.endswith("ي") and k > 0 and not self.w[k].brk
                    and self.kind(k - 1) == "org" and self.kind(k - 2) not in ("role", "qual")):
                return True  # an institution and its adjective before the name (مرکز فضایی X; not رئیس مرکز ...)
            if (prev.kind not in ("role", "qual") and not (prev.stem == "بين" and self.kind(k + 1) == "qual")
                    and prev.stem not in _PLACE_NAME_TITLES):
                return False  # (بین المللی written apart: فرودگاه بین المللی امام X; دانشگاه خواجه X)
            k -= 1
        return False

    def _quote_gap(self, k: int) -> bool:
        """True when only an opening quote stands before word k (السفينة "الشيخ X")."""
        gap = self.w[k].gap.strip()
        return bool(gap) and all(c in OPEN_QUOTES for c in gap)

    def _after_org(self, i: int) -> bool:
        """Word i follows an organisation word within four words of its name (no title, role,
        particle or sentence break between): the quoted word after it is its short name."""
        if any(c in ".!?؟:؛\n" for c in self.w[i].gap):
            return False
        k = i - 1
        while k >= 0 and i - k <= 5 and (k + 1 == i or not self.w[k + 1].brk):  # (the quote breaks before i)
            kind = self.kind(k)
            if kind == "org":
                return True
            if kind not in ("word", "qual", "place"):
                return False
            k -= 1
        return False

    def _ruler_or_honorific(self, k: int) -> bool:
        """Word k is a ruler's title or an honorific (الملك, الشيخ, الإمام)."""
        inf = self.info[k] if 0 <= k < len(self.w) else None
        return inf is not None and inf.kind == "role" and (
            inf.stem in self.lw.honorifics or self.lw.role_of.get(inf.stem) in RULERS)

    def quoted(self) -> None:
        """A name in quotes or guillemets: «X», "X" (one to four name words)."""
        w = self.w
        n = len(w)
        for i in range(n):
            if self.info[i] is None or self.taken[i] or not any(c in OPEN_QUOTES for c in w[i].gap):
                continue
            k = i
            closed = False
            while k - i < 4:
                after = w[k + 1].gap if k + 1 < n else self.text[w[k].end : w[k].end + 2]
                if any(c in CLOSE_QUOTES for c in after):
                    closed = True
                    break
                if k + 1 >= n or w[k + 1].brk or self.info[k + 1] is None:
                    break
                k += 1
            if not closed:
                continue
            if self.kind(i) in ("word", "particle") and all(
                    self.kind(m) in ("word", "particle", "suffix", "role") for m in range(i + 1, k + 1)):
                scores = [self.info[m].score for m in range(i, k + 1) if self.kind(m) == "word"]  # type: ignore[union-attr]
                if k == i and self._after_org(i):
                    continue  # an institution's short name in quotes after it (شركة ... "أدنوك")
                nickname = k == i and i > 0 and self.taken[i - 1] and bool(scores) and scores[0] > UNKNOWN_FLOOR
                # (a word in quotes right after a name is the person's nickname: X Y "Z")
                if scores and min(scores) + CONTINUE_BONUS > 0 and (self._name_start(i) or max(scores) > 0.5 or nickname):
                    if k > i or self.info[i].stem not in self.lw.given:  # type: ignore[union-attr]
                        self.add(i, k, None)

    # -- second pass: family names already seen -------------------------------
    def anchors(self) -> None:
        """Mentions of the family names (and full names) of the names found."""
        w = self.w
        n = len(w)
        self._split_proclitic_tails()
        keys: set[str] = set()
        tails: set[str] = set()  # the last words of the names found: a pair of words can match only there
        ben_tails: set[str] = set()  # ... of those whose word before the last is بن (X بن Y: "بن Y" alone)
        for f in self.found:
            keys |= {_key_form(k) for k in self._keys_of(f)}
            last = self.info[f.last]
            if last is not None:
                tails.add(_key_form(last.stem))
                before = self.info[f.last - 1] if f.last - 1 >= f.first else None
                if before is not None and before.stem == "بن" and not before.off:
                    ben_tails.add(_key_form(last.stem))
        if not keys:
            return
        givens = self._rare_givens() - keys
        royal = self._titled_givens() - keys
        # (the family name without its article: Persian drops it (حکیم of الحكيم); Arabic writes it
        # bare only for a nisba, and a bare adjective after a noun is ordinary: قرار حكيم "a wise decision")
        keys |= {k[2:] for k in keys if k.startswith("ال") and len(k) > 5 and (self.persian or k.endswith("ي"))}
        # (not where the article makes a common word: سلام / السلام "peace"; only a nisba, whose article
        # the press writes or drops (مالکی / المالکی): an adjective with it is an ordinary phrase,
        # صالح / الصالح العام "the public good")
        keys |= {"ال" + k for k in keys if not k.startswith("ال") and k.endswith("ي")
                 and arabic_score("ال" + k, "ال" + k) > TAIL_ORDINARY}
        for i in range(n):
            inf = self.info[i]
            if inf is None or self.taken[i] or self.institution[i]:
                continue  # (no part of an institution's name: مؤسسة محمد بن راشد آل مكتوم)
            if (i + 1 < n and not w[i + 1].brk and self.info[i + 1] is not None and not self.taken[i + 1]
                    and not self._named_after(i)):  # (مطار آل مكتوم: a place named after a family)
                nxt = self.info[i + 1]
                assert nxt is not None
                if not nxt.off and _key_form(nxt.stem) in tails and any(
                        _key_form(stem + nxt.stem) in keys for _off, stem in w[i].readings):
                    off = next(o for o, s in w[i].readings if _key_form(s + nxt.stem) in keys)
                    self._add_at(i, i + 1, off)
                    continue
                if not nxt.off and nxt.kind in ("word", "suffix") and any(
                        _key_form(stem + nxt.stem) in tails for _off, stem in w[i].readings if len(stem) >= 3):
                    # a family name found written together, here written apart (قلعه نویی)
                    off = next(o for o, s in w[i].readings if _key_form(s + nxt.stem) in tails)
                    self._add_at(i, i + 1, off)
                    continue
            if (inf.kind == "word" and not inf.off and _key_form(inf.stem) in givens and not self._named_after(i)
                    and not self._name_follows(i)):
                self._add_at(i, i, 0)  # a rare given name alone: "Bilawal said"
                continue
            if (inf.kind == "word" and not inf.off and _key_form(inf.stem) in royal and i > 0 and not w[i].brk
                    and self._ruler_or_honorific(i - 1) and not self._name_follows(i)):
                self._add_at(i, i, 0)  # a royal named by the given name after the title: الأمير X of الأمير X بن Y
                continue
            for off, stem in w[i].readings:
                if _key_form(stem) not in keys:
                    continue
                kind = self.kind(i)
                if self._named_after(i) or (i > 0 and not w[i].brk and self._named_after(i - 1)):
                    break  # فرودگاه رضا کیانی: a place named after a person
                if kind == "place" and not (w[i].brk or i == 0 or not w[i - 1].norm.startswith("ال")):
                    break  # "الملف السوداني": an adjective after a definite noun, not the family name
                if i + 1 < n and not w[i + 1].brk and self._family_suffix(i + 1):
                    break  # "آخوند زاده" is another family name than "آخوند"
                if off == 0 and (self._adjective_position(i) or self._construct_head(i, keys)):
                    break  # "برد سريع" "a swift response", "به طور کامل": the word as an adjective of a noun;
                    #        "سلامة البلد" "the country's safety": a noun before its genitive
                if kind not in ("role", "stop", "org", "qual"):
                    self._add_at(i, i, off)
                break
        self._ben_heads(ben_tails)

    def _ben_heads(self, ben_tails: set[str]) -> None:
        """A one-word mention of the last word of a name found as "X بن Y", right after a bare
        بن, takes the بن in: the press names the person so (بن سلمان; the Hebrew Ben of بن جفير)."""
        w = self.w
        for f in self.found:
            k = f.first
            inf = self.info[k]
            if (f.last != k or k == 0 or inf is None or _key_form(inf.stem) not in ben_tails or w[k].brk
                    or f.start != w[k].start or w[k - 1].norm != "بن" or self.taken[k - 1]):
                continue
            f.first = k - 1
            f.start = w[k - 1].start
            self.taken[k - 1] = 1

    def _rare_givens(self) -> set[str]:
        """The given names (first words) of the found names of two words or more that are rare
        in the language (:data:`LONE_GIVEN_ZIPF`) and no particle: each alone names its person."""
        out: set[str] = set()
        for f in self.found:
            if not self.w[f.first].arabic or f.last <= f.first:
                continue
            first = self.info[f.first]
            if first is None or first.stem in _SAYYID or first.kind != "word" or first.stem in PARTICLES:
                continue
            if len(first.stem) >= 3 and zipf_ar(first.stem, self.lw) < LONE_GIVEN_ZIPF:
                out.add(_key_form(first.stem))
        return out

    def _adjective_position(self, i: int) -> bool:
        """Word i, a family name that is a common ordinary word too (Zipf
        :data:`ADJECTIVE_ZIPF` or more), stands right after an indefinite ordinary noun that
        would take a masculine adjective (no article, no feminine ة, no plural ات, no verb of
        saying) and takes no article itself: the noun's adjective (نجاح كامل, برد سريع, Persian
        واکنش سریع), not the person's name in the genitive (بيانات X "X's statements": a plural
        takes a feminine adjective)."""
        w = self.w
        if i == 0 or w[i].brk:
            return False
        inf, prev = self.info[i], self.info[i - 1]
        if (inf is None or prev is None or zipf_ar(inf.stem, self.lw) < ADJECTIVE_ZIPF or inf.stem.endswith("ه")
                or inf.stem.startswith("ال")):
            return False  # (an indefinite noun's adjective is indefinite: لمكتب الصدر is "al-Sadr's office")
        if prev.kind != "word" or prev.score >= 0:
            return False
        return any(len(stem) >= 2 and not stem.startswith("ال") and stem not in self.lw.says
                   and stem not in self.lw.given and not stem.endswith(("ه", "ات"))
                   and zipf_ar(stem, self.lw) >= ADJECTIVE_ZIPF for _off, stem in w[i - 1].readings)
        # (any reading of the noun: بهجوم, "with an attack", is read whole by the detector)

    def _construct_head(self, i: int, keys: set[str]) -> bool:
        """Word i, a family name alone that is clearly an ordinary word (evidence below
        :data:`TAIL_ORDINARY`, no article, no listed given name), is followed by a definite word
        that names no one and is no day, and no verb of saying stands before it: a noun before its
        genitive (يحفظ سلامة البلد "keeps the country safe"), not the person."""
        w, n = self.w, len(self.w)
        inf = self.info[i]
        if (inf is None or inf.score >= TAIL_ORDINARY or inf.stem.startswith("ال") or inf.stem in self.lw.given
                or i + 1 >= n or w[i + 1].brk):
            return False
        nxt = self.info[i + 1]
        if (nxt is None or nxt.off or not nxt.stem.startswith("ال") or nxt.kind not in ("word", "qual", "place", "org")
                or _key_form(nxt.stem) in keys or self.taken[i + 1]):
            return False
        prev = self.info[i - 1] if i > 0 and not w[i].brk else None
        return prev is None or (prev.stem not in self.lw.says and prev.kind != "role")

    def _titled_givens(self) -> set[str]:
        """The given names (first words) of the found names of two words or more written after a
        ruler's title or an honorific (الأمير X بن Y, الشيخ X Y): after the same title alone,
        each names its person, however common the word (a royal is called by the given name)."""
        out: set[str] = set()
        for f in self.found:
            if not self.w[f.first].arabic or f.last <= f.first or f.first == 0 or self.w[f.first].brk:
                continue
            first = self.info[f.first]
            if (first is not None and first.kind == "word" and not first.off and first.stem not in PARTICLES
                    and self._ruler_or_honorific(f.first - 1)):
                out.add(_key_form(first.stem))
        return out

    def _name_follows(self, i: int) -> bool:
        """A word with name evidence, not taken, follows word i in its clause: word i starts
        another name, not a given name alone."""
        if i + 1 >= len(self.w) or self.w[i + 1].brk:
            return False
        nxt = self.info[i + 1]
        return nxt is not None and not self.taken[i + 1] and nxt.kind in ("word", "particle") and nxt.score > 0

    def trim_tails(self) -> None:
        """A name read on into an ordinary word (``الشيخ تميم موقف بلاده``: "Sheikh Tamim's
        stance"; ``X شكره``: "X's thanks") is cut before it when the words before it occur
        in exactly one longer name found in the document that does not hold the word: the
        document names the person in full, and the word is no name element (unknown to
        the lexicon) and ordinary (evidence below :data:`TAIL_ORDINARY`, or a common noun
        with a pronoun suffix). A head of one word must be no very common given name
        (lexicon rarity :data:`TAIL_HEAD_RARITY` or more: محمد X may be another person)."""
        w = self.w
        stems = {id(f): [_key_form(self.info[k].stem) for k in range(f.first, f.last + 1)  # type: ignore[union-attr]
                         if self.info[k] is not None] for f in self.found if w[f.first].arabic}
        index: dict[tuple[str, ...], list[tuple[int, int, int]]] | None = None
        for f in self.found:
            mine = stems.get(id(f))
            if mine is None or len(mine) < 2 or len(mine) != f.last - f.first + 1:
                continue
            tail = self.info[f.last]
            assert tail is not None
            if tail.kind != "word" or tail.off or form_rarity(tail.stem) < 1.0 or not self._ordinary_tail(tail):
                continue
            head = mine[:-1]
            if len(head) == 1 and form_rarity(self.info[f.first].stem) < TAIL_HEAD_RARITY:  # type: ignore[union-attr]
                continue
            if index is None:
                index = _sub_index(stems)
            longer = {g for g, _pos, size in index.get(tuple(head), ()) if g != id(f) and size > len(mine)}
            if len(longer) != 1 or mine[-1] in stems[longer.pop()]:
                continue
            f.last -= 1
            f.end = w[f.last].end
            self.taken[f.last + 1] = 0

    def compound_heads(self) -> None:
        """A word right before a found name that starts with محمد or احمد joins it when it is a
        first element of the compound given names of Afghanistan and South Asia (شیر محمد, گل
        احمد, دوست محمد), however ordinary the word (شیر "lion"), or a listed given name that
        starts its clause (ضیا احمد X): the name's first given name (Sher Mohammad)."""
        w = self.w
        for f in self.found:
            k = f.first - 1
            head = self.info[f.first]
            if (k < 0 or head is None or head.off or head.stem not in _COMPOUND_TAILS or w[f.first].brk
                    or self.taken[k] or f.start != w[f.first].start):
                continue
            inf = self.info[k]
            if inf is None or inf.off or inf.kind not in ("word", "role") or not (
                    inf.stem in _COMPOUND_HEADS or (inf.kind == "word" and inf.stem in self.lw.given)):
                continue
            if inf.stem not in _COMPOUND_HEADS and not (
                    k == 0 or w[k].brk or self.kind(k - 1) in ("stop", "role", "say", "qual", "place")):
                continue  # (a listed given name only where the clause starts: no name read on backwards)
            self.taken[k] = 1
            f.first = k
            f.start = w[k].start

    def inner_titles(self) -> None:
        """A title word written right before a mention joins it when exactly one longer name
        of the document holds it there (``حاجي بابائي`` of ``حميد رضا حاجي بابائي``)."""
        w = self.w
        stems = {id(f): [_key_form(self.info[k].stem) for k in range(f.first, f.last + 1)  # type: ignore[union-attr]
                         if self.info[k] is not None] for f in self.found if w[f.first].arabic}
        index = _sub_index({i: st for i, st in stems.items() if len(st) >= 3})
        for f in self.found:
            mine = stems.get(id(f))
            k = f.first - 1
            if mine is None or k < 0 or w[f.first].brk or self.taken[k]:
                continue
            title = next(((o, st) for o, st in w[k].readings if st in _INNER_TITLES), None)  # (وحاجي: و and حاجي)
            if title is None:
                head = self.info[k]
                if head is None or head.off or head.kind != "word" or len(mine) < 2:
                    continue
                part = [_key_form(head.stem), *mine]
                if len({g for g, pos, size in index.get(tuple(part), ()) if g != id(f) and pos == 0
                        and size == len(part)}) == 1:
                    # the first word of a name found whole elsewhere in the document, left out here
                    # where it is an ordinary word too without a title (a headline: تاي X Y)
                    self.taken[k] = 1
                    f.first, f.start = k, w[k].start
                    stems[id(f)] = part
                continue
            part = [_key_form(title[1]), *mine]
            if len({g for g, pos, _size in index.get(tuple(part), ()) if g != id(f) and pos > 0}) == 1:
                self.taken[k] = 1
                f.first = k
                f.start = stem_start(w[k], title[0])
                stems[id(f)] = part

    def _ordinary_tail(self, tail: WordInfo) -> bool:
        """True when a word is clearly ordinary, or a common noun with a pronoun suffix (شكره)."""
        if tail.score < TAIL_ORDINARY:
            return True
        stem = tail.stem
        return len(stem) >= 4 and stem.endswith("ه") and zipf_ar(stem[:-1], self.lw) >= PRONOUN_BASE_ZIPF

    def _keys_of(self, f: Found) -> set[str]:
        """The forms that stand for a found Arabic-script name alone: its family name (with
        a particle or detached suffix before it), its last two words, and the whole name."""
        w = self.w
        if not w[f.first].arabic:
            return set()
        stems = [self.info[k].stem for k in range(f.first, f.last + 1)]  # type: ignore[union-attr]
        stems = [s for s in stems if s not in _SAYYID]
        if not stems:
            return set()
        keys = {"".join(stems)}
        if self._east_asian_found(f):
            keys.add(stems[0])  # the family name written first names the person alone (کیم, یون)
        if len(stems) >= 2:
            last = stems[-1]
            if (stems[-2] in PARTICLES or last in ("الله", "الدين") or self.kind(f.last) == "suffix"
                    or self._ezafe_nisba(f.last)):
                last = stems[-2] + last
            if not self._ordinary_second_part(f, stems):
                keys.add(last)
            if len(stems) >= 3:
                keys.add(stems[-2] + stems[-1])
        return keys

    def _ordinary_second_part(self, f: Found, stems: list[str]) -> bool:
        """The last word of a found name of three words or more is an ordinary word (evidence
        below :data:`SECOND_WORD_CUTOFF`, no given name) after a word that is no given name: the
        second part of a family name of two words (محمد موحدی آزاد), which names the person
        only with the first (آزاد alone is "free")."""
        last = self.info[f.last]
        return (len(stems) >= 3 and last is not None and last.kind == "word" and last.score < SECOND_WORD_CUTOFF
                and stems[-1] not in self.lw.given and stems[-2] not in self.lw.given
                and not compound_given(stems[-2]))

    def _split_proclitic_tails(self) -> bool:
        """A name read on into the next word when that word is a proclitic and the family
        name of another name found (الجبوري بكراوسبرغ: "al-Jubouri welcomed Krausberg"): the
        word is a mention of its own. True when one was split."""
        w = self.w
        split = False
        own = [self._keys_of(f) for f in self.found]
        held: Counter[str] = Counter(k for keys in own for k in keys)
        for f, mine in zip(list(self.found), own, strict=True):
            k = f.last
            if k <= f.first or not w[k].arabic or len(w[k].readings) < 2:
                continue
            hit = next(((o, st) for o, st in w[k].readings[1:] if held[st] > (st in mine)), None)
            if hit is None:
                continue
            f.last = k - 1
            f.end = w[k - 1].end
            self.found.append(Found(k, k, stem_start(w[k], hit[0]), w[k].end, "", "", True))
            split = True
        return split

    def coordinated(self) -> None:
        """A rare name-shaped word joined by "و" to a name found (``عراقجي واسحاق دار``):
        a name too."""
        w = self.w
        for f in list(self.found):
            if not w[f.first].arabic:
                continue
            head = self.info[f.first]
            k = f.first - 1
            if head is not None and w[f.first].norm[:1] == "و" and k >= 0 and not w[f.first].brk:
                inf = self.info[k]
                if inf is not None and not self.taken[k] and inf.kind == "word" and inf.score > 0.5 and (
                        w[k].brk or k == 0 or self.info[k - 1] is None or self.info[k - 1].kind != "word"):  # type: ignore[union-attr]
                    self._add_at(k, k, inf.off)
            k = f.last + 1
            if k < len(w) and not w[k].brk and w[k].norm[:1] == "و":
                inf = self.info[k]
                nxt = k + 1 < len(w) and not w[k + 1].brk and self.kind(k + 1) == "word"
                if inf is not None and not self.taken[k] and inf.kind == "word" and inf.off and inf.score > 0.5 and not nxt:
                    self._add_at(k, k, inf.off)

    def _add_at(self, first: int, last: int, off: int) -> None:
        w = self.w
        for k in range(first, last + 1):
            self.taken[k] = 1
        self.found.append(Found(first, last, stem_start(w[first], off), w[last].end, "", "", True))
