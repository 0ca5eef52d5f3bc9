"""Round 17 (news9): militia and party leaders, Gulf royals and Arab officials in en/ar/fa news.

Invented sentences and names only (no text of any benchmark corpus).
"""

from __future__ import annotations

from namematch.link import find_mentions, link, resolve_documents


def _texts(text: str) -> list[str]:
    return [m.text for m in find_mentions(text)]


# -- the office الأمين العام after a verb that is a given name too ------------------------------


def test_secretary_general_after_a_verb_that_is_a_given_name() -> None:
    text = "طالب الأمين العام لحزب الوفاق الشيخ نادر الهلالي الحكومة بالاستقالة."
    assert _texts(text) == ["نادر الهلالي"]


def test_noun_and_its_adjective_are_no_name() -> None:
    assert _texts("وأصيب طالب جامعي في الحادث قبل أن يعود إلى منزله.") == []


# -- nicknames and noms de guerre after المعروف بـ / معروف به ---------------------------------


def test_nickname_after_known_as_in_arabic() -> None:
    text = 'وحضر الاجتماع قائد اللواء سمير الدباغ المعروف بـ"قرنفل" وعدد من الضباط.'
    linked = link(text)
    assert [lm.text for lm in linked] == ["سمير الدباغ", "قرنفل"]
    assert linked[1].antecedent == 0


def test_nickname_after_known_as_in_persian() -> None:
    text = "سمیر دباغ معروف به قرنفل در این نشست حضور داشت."
    linked = link(text)
    assert [lm.text for lm in linked] == ["سمیر دباغ", "قرنفل"]
    assert linked[1].antecedent == 0


def test_known_as_in_ordinary_language_names_no_one() -> None:
    assert _texts("ومن المعروف بين الناس أن الطقس حار، والمعروف بالصدق لا يكذب.") == []


def test_kunya_and_a_definite_adjective_are_a_nom_de_guerre() -> None:
    assert _texts("وكتب المسؤول في الفصيل أبو هادي الأمني أن القرار نهائي.") == ["أبو هادي الأمني"]


def test_nickname_after_an_apposition_and_known_as() -> None:
    text = "Rami Haddad, the border brigade commander known as Abu Tariq, toured the crossing."
    linked = link(text)
    assert [lm.text for lm in linked] == ["Rami Haddad", "Abu Tariq"]
    assert linked[1].antecedent == 0


def _entities_of(docs: dict[str, str]) -> list[set[str]]:
    return [{m.text for m in e.mentions} for e in resolve_documents(docs)]


def test_nom_de_guerre_joins_the_document_that_names_the_person_by_it() -> None:
    docs = {
        "a": "Militia commander Karim Nouri Jassem, better known as Abu Sajjad al-Basri, spoke on Monday.",
        "b": "وقال القيادي أبو سجاد البصري إن الفصائل لن تنسحب من المدينة.",
    }
    assert {"Karim Nouri Jassem", "Abu Sajjad al-Basri", "أبو سجاد البصري"} in _entities_of(docs)


def test_kunya_alone_joins_with_the_family_name() -> None:
    docs = {
        "a": "Karim Jassem, the militia leader known as Abu Sajjad, spoke on Monday.",
        "b": "وقال القيادي أبو سجاد جاسم إن الفصائل لن تنسحب من المدينة.",
    }
    assert {"Karim Jassem", "Abu Sajjad", "أبو سجاد جاسم"} in _entities_of(docs)


# -- English: movements named in transliteration, Sultan as a given name, places after a name ---


def test_transliterated_movement_names_are_no_persons() -> None:
    text = "Harakat al-Fajr spokesman Nabil Qaddour said members of Ahl al-Sunna would attend."
    assert _texts(text) == ["Nabil Qaddour"]


def test_sultan_before_a_family_name_with_the_article_is_the_given_name() -> None:
    assert _texts("Taiz governor Sultan al-Maktari said the road would reopen.") == ["Sultan al-Maktari"]


def test_a_name_before_an_adjective_and_a_place_word_names_the_place() -> None:
    assert _texts("The delegation flew in from Gamal Abdel Nasser military base on Sunday.") == []


# -- royals: the given name alone after the title, a nasab before a role ------------------------


def test_royal_named_by_the_given_name_after_the_title() -> None:
    # يزيد is a verb too ("increases"): alone after the title it names the prince named in full
    text = "استقبل الأمير يزيد بن نايف الوفد في الرياض. وغادر الأمير يزيد مساء، ويزيد ذلك من الآمال."
    linked = link(text)
    assert [lm.text for lm in linked] == ["يزيد بن نايف", "يزيد"]
    assert linked[1].antecedent == 0


def test_verb_spelled_given_name_before_a_nasab_and_a_role_in_persian() -> None:
    for nasab in ("سعود", "فهد", "طلال"):
        assert _texts(f"یزید بن {nasab} فرستاده ویژه عربستان در بیروت گفت") == [f"یزید بن {nasab}"]


def test_nationality_word_after_a_definite_title_is_the_given_name() -> None:
    assert _texts("وقال الأمير تركي الجاسر إن المنتدى ناجح.") == ["تركي الجاسر"]
    # the adjective of a title takes the article: no name
    assert _texts("وقال الرئيس التركي إن المنتدى ناجح.") == []


def test_given_name_that_is_a_nationality_before_an_arab_family_name_in_persian() -> None:
    assert _texts("ترکی الجاسر رئیس پیشین این بنیاد در ریاض گفت") == ["ترکی الجاسر"]


# -- a family name alone that is an adjective too, after a noun ----------------------------------


def test_family_name_as_the_adjective_of_a_noun_is_no_mention() -> None:
    text = ("قال وزير النقل هشام كامل إن الطريق سيفتح. وأضاف كامل أن المشروع حقق نجاح كامل. "
            "وأعلن المتحدث منير سريع أن الرد سيكون بهجوم سريع، وأن بيانات سريع دقيقة.")
    assert _texts(text) == ["هشام كامل", "كامل", "منير سريع", "سريع"]
    # (the last: بيانات X "X's statements", a plural that would take a feminine adjective)
    assert [m.start for m in find_mentions(text)][-1] == text.rindex("سريع")


def test_family_name_as_an_adjective_in_persian() -> None:
    text = "منیر سریع سخنگوی ارتش گفت. سریع افزود که خواستار واکنش سریع هستیم."
    assert _texts(text) == ["منیر سریع", "سریع"]


def test_definite_family_name_after_an_indefinite_noun_is_the_genitive() -> None:
    text = "قال الزعيم مقتدى الجابري إن الحوار ضروري. وذكر بيان لمكتب الجابري أن اللقاء تم."
    assert _texts(text) == ["مقتدى الجابري", "الجابري"]


def test_family_name_is_not_the_father_name_of_a_nasab_in_another_document() -> None:
    docs = {
        "a": "Sheikh Khalid bin Hamad bin Saif Al Mansoori met the delegation on Monday.",
        "b": "وقال رئيس الوزراء السابق خالد حمادو إن المحادثات فشلت.",
    }
    assert _entities_of(docs) == [{"Khalid bin Hamad bin Saif Al Mansoori"}, {"خالد حمادو"}]


# -- English compounds: pro-X, X-era, X-led -----------------------------------------------------


def test_names_inside_english_hyphenated_compounds() -> None:
    text = ("Former premier Karim Dabbagh criticised the pro-Nouri blocs. Dabbagh-era ministers and "
            "a Nouri-led delegation met Rashid Nouri on Monday.")
    assert _texts(text) == ["Karim Dabbagh", "Nouri", "Dabbagh", "Nouri", "Rashid Nouri"]


def test_place_compounds_stay_no_names() -> None:
    assert _texts("The Saudi-led coalition and the Iran-backed group met in Jean-Luc Morel's town.") == [
        "Jean-Luc Morel"]


def test_governorate_after_a_governor_is_no_part_of_the_name() -> None:
    assert _texts("وقال محافظ تعز رامي الشرعبي إن الطريق سيفتح.") == ["رامي الشرعبي"]
    assert _texts("وأكد حاكم دارفور صالح آدم أن الوضع هادئ.") == ["صالح آدم"]


# -- a dateline and a byline on their own line ---------------------------------------------------


def test_dateline_and_byline_line() -> None:
    text = "الحكومة تبحث الموازنة\nالموصل - حامد الخياط\n\nأعلن وزير المالية أن الموازنة جاهزة."
    assert _texts(text) == ["حامد الخياط"]


def test_dateline_opening_the_first_sentence_names_no_one() -> None:
    text = "الحكومة تبحث الموازنة\nالموصل - طالب المحتجون بالإصلاح وأعلن الوزير أن الموازنة جاهزة."
    assert _texts(text) == []


def test_family_name_as_a_noun_before_its_genitive_is_no_mention() -> None:
    text = ("قال وزير الصحة جورج سلامة إن الخطة جاهزة. ودعا إلى الحفاظ على سلامة المواطنين. "
            "وأضاف سلامة الأربعاء أن التنفيذ يبدأ قريبا.")
    assert _texts(text) == ["جورج سلامة", "سلامة"]
    assert find_mentions(text)[1].start == text.index("سلامة الأربعاء")


# -- Persian: a given name that is a word too, and a nisba family name, before a role ----------


def test_persian_name_after_with_before_a_role() -> None:
    text = "وزیر خارجه در تهران با شجاع رضایی وزیر نفت عراق دیدار کرد."
    assert _texts(text) == ["شجاع رضایی"]


def test_persian_noun_and_adjective_after_with_are_no_name() -> None:
    assert _texts("این کشور با سلاح سنگینی رئیس دولت را تهدید کرد.") == []
