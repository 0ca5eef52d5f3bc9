"""Mechanisms of the linker for family names used alone across documents, governors and
astronauts, a bank as an institution, Sultan as a given name before a family name with the
article, and common given names of the Arab world. All text is invented."""

from __future__ import annotations

from namematch import resolve_documents
from namematch.link import find_mentions


def _texts(text: str) -> list[str]:
    return [m.text for m in find_mentions(text)]


def _entities(docs: dict[str, str]) -> list[list[tuple[str, str]]]:
    return [[(m.doc_id, m.text) for m in e.mentions] for e in resolve_documents(docs)]


def test_a_lone_family_name_in_another_document_joins_the_full_name():
    docs = {
        "a": "Coach Darius Velmont said his side had been patient. Velmont made four changes.",
        "b": "The visitors, coached by Velmont, won 2-0 on Thursday.",
    }
    assert _entities(docs) == [[("a", "Darius Velmont"), ("a", "Velmont"), ("b", "Velmont")]]
    # without the full name anywhere, a capitalised word alone is no person
    assert _entities({"b": docs["b"]}) == []


def test_a_lone_family_name_is_not_taken_when_two_full_names_carry_it():
    docs = {
        "a": "Coach Darius Velmont spoke first. Minister Anna Velmont spoke later.",
        "b": "The visitors, coached by Velmont, won 2-0 on Thursday.",
    }
    assert all(doc != "b" for e in _entities(docs) for doc, _ in e)


def test_a_lone_family_name_inside_a_place_named_after_a_person_is_not_taken():
    docs = {
        "a": "Coach Darius Velmont said his side had been patient.",
        "b": "The team landed at Velmont International Airport on Thursday.",
    }
    assert _entities(docs) == [[("a", "Darius Velmont")]]


def test_a_lone_arabic_family_name_in_another_document_joins_the_full_name():
    docs = {
        "a": "وقال المدرب يوسف الكرمي إن الفريق لعب جيدا.",
        "b": "وفاز الفريق بقيادة الكرمي بهدفين مقابل هدف.",
    }
    assert _entities(docs) == [[("a", "يوسف الكرمي"), ("b", "الكرمي")]]
    # without the full name in the collection the word alone is not taken
    assert _entities({"b": docs["b"]}) == []


def test_a_governor_and_an_astronaut_are_roles():
    assert _texts("وكان الحاكم بالإنابة السابق وسيم داغر قد سلّم التقارير.") == ["وسيم داغر"]
    assert _texts("قال حاكم المصرف المركزي نبيل حداد إن الاحتياطي ارتفع.") == ["نبيل حداد"]
    # رائد الفضاء is "the astronaut", not a man named Raed
    assert _texts("وحضر الإعلان رائد الفضاء سلطان الكعبي الذي أمضى ستة أشهر في المحطة.") == ["سلطان الكعبي"]
    assert _texts("The astronaut Karl Wendt returned on Monday.") == ["Karl Wendt"]


def test_sultan_before_a_family_name_with_the_article_is_a_given_name():
    assert _texts("وقال سلطان الكعبي إن المهمة نجحت.") == ["سلطان الكعبي"]
    # before a ruler's name (no article) Sultan is still the title
    assert [(m.text, m.context) for m in find_mentions("واستقبل سلطان عمان الوفد، وقال السلطان هيثم بن طارق")][
        -1][0] == "هيثم بن طارق"


def test_common_given_names_of_the_arab_world_start_a_name_without_context():
    assert _texts("وسجل أكرم داغر الهدف الأول من ركلة جزاء.") == ["أكرم داغر"]


def test_a_bare_city_name_that_is_a_given_name_starts_an_arabic_name():
    # Arabic writes the city with the article (الرياض); bare, رياض is a man's name
    assert _texts("قال حاكم مصرف لبنان السابق رياض داغر إن الملف أغلق.") == ["رياض داغر"]
    assert _texts("وصل الوفد إلى الرياض أمس.") == []


def test_a_persian_place_word_and_its_adjective_before_a_title_and_name():
    assert _texts("ماهواره از پایگاه فضایی امام خمینی پرتاب شد.") == []


def test_a_rank_adjective_after_a_role_is_no_family_name():
    # السامي ("high", as in High Commissioner) is also the article and the given name Sami
    text = "وقال المفوض السامي لشؤون المياه أمس إن الوضع صعب، فيما رحب الوزير سامي الدباغ بالخطة."
    found = _texts(text)
    assert "السامي" not in found
    assert "سامي الدباغ" in found
