"""Round 17 (news10): Iran, Afghanistan, Central Asia and the East Asian officials of the Arabic
and Persian press.

Invented sentences and names only (no text of any benchmark corpus).
"""

from __future__ import annotations

from namematch.link import find_mentions, link, resolve_documents
from namematch.link._context import context_countries
from namematch.parse import parse


def _texts(text: str) -> list[str]:
    return [m.text for m in find_mentions(text)]


# -- East Asian names written family name first, in Arabic and Persian script ------------------


def test_east_asian_name_after_a_title_in_arabic() -> None:
    text = "وقال وزير التجارة الصيني وانغ جيان تاو إن المحادثات بناءة. وأضاف وانغ أن بلاده مستعدة."
    assert _texts(text) == ["وانغ جيان تاو", "وانغ"]


def test_east_asian_name_after_a_leader_title_in_arabic() -> None:
    assert _texts("وانتقد الزعيم الكوري الشمالي باك سونغ تشول المناورات الأخيرة.") == ["باك سونغ تشول"]


def test_east_asian_name_before_a_role_in_persian() -> None:
    text = "در این دیدار لی مینگ هوا سفیر چین در کابل نیز حضور داشت. لی افزود که پکن آماده است."
    linked = link(text)
    assert [lm.text for lm in linked] == ["لی مینگ هوا", "لی"]
    assert linked[1].antecedent == 0


def test_east_asian_name_with_a_short_function_word_syllable_in_persian() -> None:
    # le, a syllable that Arabic script also spells as a preposition, inside the name
    assert _texts("با ژائو له مینگ رئیس کمیته دیدار کرد.") == ["ژائو له مینگ"]


def test_east_asian_name_without_context_needs_an_ng_syllable() -> None:
    assert _texts("کیم سونگ چول در این نشست حضور داشت.") == ["کیم سونگ چول"]


def test_east_asian_family_names_stay_words_in_ordinary_phrases() -> None:
    # a square named after a person, and a family-name spelling before a common word
    assert _texts("أقيم العرض العسكري في ساحة كيم إيل سونغ وسط العاصمة.") == []
    assert _texts("وقال الوزير وانغ تقدير بلاده للجهود.") != ["وانغ تقدير"]


# -- nationality adjectives of the -stan countries in Arabic ------------------------------------


def test_stan_nationality_adjectives_are_no_part_of_the_name() -> None:
    assert _texts("وقال رئيس الوزراء الكازاخي نورلان تاسبولاتوف إن الطريق مفتوح.") == ["نورلان تاسبولاتوف"]
    assert _texts("واستقبل وزير الخارجية التركمانستاني أحمد قربانوف نظيره.") == ["أحمد قربانوف"]


def test_stan_nationality_adjective_names_the_country_in_the_context() -> None:
    assert context_countries("وزير الخارجية القرغيزي") == frozenset({"kyrgyzstan"})


# -- given names: Arabic spellings of Persian names, feminine forms, Afghan compounds -------------


def test_persian_given_name_in_arabic_letters_before_an_ordinary_word_family_name() -> None:
    # بيجن is بیژن as the Arabic press writes it; صداقت ("friendship") is the family name
    assert _texts("وقال سفير إيران لدى الصين بيجن صداقت، إن التعاون مستمر.") == ["بيجن صداقت"]


def test_feminine_given_name_starts_a_foreign_name() -> None:
    assert _texts("وكانت رئيسة الإدارة الرئاسية الأوزبكية حميدة نظروفا قد زارت طهران.") == ["حميدة نظروفا"]
    assert _texts("سعیده نظروا رئیس دستگاه ریاست جمهوری ازبکستان ماه گذشته گفت") == ["سعیده نظروا"]


def test_afghan_compound_given_name_with_an_ordinary_first_word() -> None:
    assert _texts("گل احمد صافی، معاون وزارت معادن طالبان گفت که قرارداد امضا شد.") == ["گل احمد صافی"]
    assert _texts("ضیا احمد نوری، سخنگوی وزارت تجارت گفت") == ["ضیا احمد نوری"]


def test_shah_inside_a_compound_given_name() -> None:
    assert _texts("والی پیشین، احمد شاه کریمی گفت که راه باز است.") == ["احمد شاه کریمی"]
    assert _texts("The former governor, Ahmad Shah Karimi, said the road was open.") == ["Ahmad Shah Karimi"]


def test_kinship_word_is_no_family_name() -> None:
    assert _texts("مولوی عبدالرحیم پسر ملا محمد کریم بنیانگذار مدرسه است.") == ["عبدالرحیم", "محمد کریم"]


def test_kinship_word_names_the_relative_after_it() -> None:
    # the relation is no apposition that hides the title and name after it
    assert _texts("مولوی عبدالرحیم پسر ملا نورالله کریمی بنیانگذار مدرسه است.") == ["عبدالرحیم", "نورالله کریمی"]


# -- bylines, verbs, and the Persian family-name elements پور and پناه ---------------------------


def test_dateline_and_reporter_on_one_line_in_arabic() -> None:
    assert _texts("عنوان الخبر\n\nالرباط - سلوى بنعمر\n\nالتقى الوزير نظيره اليوم.") == ["سلوى بنعمر"]
    assert _texts("عنوان الخبر\n\nالقاهرة - أكد وزير الخارجية اليوم أن الموقف ثابت.") == []


def test_feminine_imperfect_verb_is_no_family_name() -> None:
    text = "هاشيموتو تلتقي السفير الإيراني في طوكيو\n\nالتقت وزيرة الخارجية كيكو هاشيموتو السفير."
    assert "هاشيموتو تلتقي" not in _texts(text)


def test_pour_written_apart_after_a_given_name_is_a_prefix() -> None:
    units = parse("کاظم پور ابراهیمی").units
    assert [u.text for u in units] == ["کاظم", "پور ابراهیمی"]
    assert [u.text for u in parse("عیسی زارع پور").units] == ["عیسی", "زارع پور"]
    docs = {"a": "کاظم پور ابراهیمی رئیس کمیسیون اقتصادی روز دوشنبه گفت.",
            "b": "کاظم پورابراهیمی رئیس کمیسیون اقتصادی روز شنبه گفت."}
    assert len(resolve_documents(docs)) == 1


def test_panah_written_apart_ends_the_family_name() -> None:
    assert _texts("محمد رضا یزدان پناه، معاون وزیر گفت") == ["محمد رضا یزدان پناه"]
    assert [u.text for u in parse("محمد رضا یزدان پناه").units][-1] == "یزدان پناه"


def test_no_arabic_article_before_a_persian_letter() -> None:
    unit = parse("الگا پتروا").units[0]
    assert unit.article == "" and unit.core.startswith("الگ")


# -- a family relation between two alike names: father and son ----------------------------------


def test_kinship_between_two_alike_names_keeps_two_persons() -> None:
    en = "The party of Karim Hotaki, the son of the late governor Karim Shah Hotaki, said it would stand."
    assert [lm.antecedent for lm in link(en)] == [None, None]
    fa = "حزب به رهبری کریم هوتکی، فرزند کریم شاه هوتکی، اعلام کرد که نامزد می شود."
    assert [lm.antecedent for lm in link(fa)] == [None, None]
    entities = resolve_documents({"a": en, "b": fa})
    assert sorted(len(e.mentions) for e in entities) == [2, 2]


def test_shorter_name_still_joins_the_longer_without_a_relation() -> None:
    text = "Karim Shah Hotaki arrived on Monday. Karim Hotaki said the talks went well."
    assert [lm.antecedent for lm in link(text)] == [None, 0]


# -- places named after persons in English wire copy ---------------------------------------------


def test_square_after_a_name_is_a_place() -> None:
    assert _texts("Traffic around Massoud Square in central Herat was closed for hours.") == []


def test_port_of_a_martyr_is_a_place_but_a_mausoleum_of_a_person_is_not() -> None:
    assert _texts("Most cargo arrives through the port of Shahid Bahonar near the strait.") == []
    assert _texts("He laid a wreath at the mausoleum of Ahmad Shah Durrani in the city.") == ["Ahmad Shah Durrani"]
