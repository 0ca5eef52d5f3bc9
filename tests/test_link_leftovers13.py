"""Leftover classes of linker errors: English compound adjectives around a name, Persian
phrases of common nouns that are given names too, Arabic kunyas with a laqab, verbs that are
given names, foreign family names after بن, and family names alone on a later mention. All
text is invented."""

from __future__ import annotations

from namematch.link import find_mentions, link


def _texts(text: str) -> list[str]:
    return [m.text for m in find_mentions(text)]


def _linked(text: str) -> list[tuple[str, int | None]]:
    return [(m.text, m.antecedent) for m in link(text)]


def test_a_name_inside_an_english_compound_adjective_is_the_name_alone():
    text = ("Former President Daniel Obeng spoke on Monday. The Obeng-era tariffs hurt farmers, and an "
            "Obeng-led coalition fell. Pro-Obeng media cheered; anti-Obeng protesters marched.")
    assert _linked(text) == [("Daniel Obeng", None)] + [("Obeng", 0)] * 4
    # the compound in the possessive, and a possessive of a name ending in s
    assert _linked("President Karim Benali spoke. The Benali-era's end came, and Jonas Idris' aides left.") == [
        ("Karim Benali", None), ("Benali", 0), ("Jonas Idris", None)]
    # a two-word name before the suffix keeps both words
    assert _texts("Critics of the Daniel Obeng-backed plan spoke.") == ["Daniel Obeng"]
    # a hyphenated name is still one name
    assert _texts("Foreign Minister Jean-Yves Marlot and Mr Hassan al-Tamimi met.") == [
        "Jean-Yves Marlot", "Hassan al-Tamimi"]


def test_a_persian_phrase_of_two_common_nouns_that_are_given_names_is_no_person():
    assert _texts("این نمایشگاه با شعار نور امید در تهران برگزار شد.") == []
    assert _texts("جشنواره نور امید امسال در شیراز برگزار می شود و نور امید مردم را روشن کرد.") == []
    # the same words are a name when a verb of saying follows, or when the second word names
    # the person again alone
    assert _texts("امید نور در نشست خبری گفت که نمایشگاه باز است.") == ["امید نور"]
    assert _linked("امید نور در تهران به دنیا آمد و نور در سال ۱۳۹۰ درگذشت.") == [("امید نور", None), ("نور", 0)]


def test_a_family_name_made_with_bin_does_not_run_into_the_plural_noun_after_it():
    assert _texts("قال وزير الأمن القومي إيتمار بن غفير مستوطنين اقتحموا المسجد.") == ["إيتمار بن غفير"]
    assert _texts("وزار إيتمار بن غفير باحات المسجد.") == ["إيتمار بن غفير"]
    # after بن and a given name (the father's name) the family name still follows
    assert _texts("قال الوزير محمد بن سلمان العتيبي إن.") == ["محمد بن سلمان العتيبي"]


def test_a_given_name_that_is_a_verb_starting_a_clause_is_the_verb():
    assert _texts("طالب سالم الحربي بالإفراج عن المعتقلين.") == ["سالم الحربي"]
    assert _texts("كما طالب الوزير خالد العمري بالتحقيق.") == ["خالد العمري"]
    # the given name after a verb of saying or a title is a name
    assert _texts("قال طالب الرفاعي إن الوضع صعب.") == ["طالب الرفاعي"]
    assert _texts("قال الشيخ طالب سالم إن الوضع صعب.") == ["طالب سالم"]


def test_a_kunya_keeps_its_definite_nickname():
    assert _texts("قال أبو سالم المهندس إن الهجوم فشل.") == ["أبو سالم المهندس"]
    assert _texts("وضع إكليلا على قبر أبو سالم المهندس، نائب رئيس الهيئة.") == ["أبو سالم المهندس"]
    # Persian writes the kunya as one word
    assert _texts("سخنگوی گروه از شهید ابوسالم المهندس به نیکی یاد کرد.") == ["ابوسالم المهندس"]
    # an office after the kunya is the object of the verb, no nickname
    assert _texts("التقى أبو سالم الوزير في بغداد.") == ["أبو سالم"]


def test_a_turkish_given_name_that_is_a_qualifier_before_a_foreign_family_name():
    # دولت "state" is the Turkish given name Devlet before a family name no word list knows
    assert _linked("أعرب زعيم الحزب القومي التركي دولت تشاكيرلي، الثلاثاء، عن دعمه. وأضاف تشاكيرلي أن") == [
        ("دولت تشاكيرلي", None), ("تشاكيرلي", 0)]
    assert _texts("دولت چاکیرلی رهبر حزب ملی ترکیه پیش از این گفت.") == ["دولت چاکیرلی"]
    # the state's government and a known word after it stay ordinary
    assert _texts("دولت جدید تصمیم گرفت که مالیات را کاهش دهد.") == []


def test_a_chinese_or_korean_name_in_arabic_script_and_its_family_name_alone():
    assert _linked("التقى وزير الخارجية الصيني وانغ يي نظيره. وقال وانغ إن المحادثات مثمرة.") == [
        ("وانغ يي", None), ("وانغ", 0)]
    assert _linked("روز دوشنبه با وانگ یی عضو دفتر سیاسی دیدار کرد. وانگ گفت") == [("وانگ یی", None), ("وانگ", 0)]
    assert _texts("قال السفير الكوري كيم مين إن بلاده مستعدة.") == ["كيم مين"]
    # a given name of two syllables, and the family name alone later
    assert _linked("قال وزير الخارجية الكوري تشو هان سول إن بلاده مستعدة. وأضاف تشو أن") == [
        ("تشو هان سول", None), ("تشو", 0)]
    assert _texts("در سئول، چو هان سول وزیر خارجه کره جنوبی اعلام کرد") == ["چو هان سول"]


def test_a_korean_family_name_that_is_an_english_word_before_a_hyphenated_given_name():
    assert _texts("Korean envoy Park Jin-woo arrived on Monday.") == ["Park Jin-woo"]
    assert _texts("Former President Moon Sae-ho spoke.") == ["Moon Sae-ho"]
    # the word before any other capitalised word stays ordinary
    assert _texts("They met in Central Park on Tuesday.") == []


def test_a_nickname_tied_to_a_name_in_one_document_joins_both_in_the_others():
    from namematch.link import resolve_documents

    docs = {
        "a": ('Speakers said the city had held out "since the days of Abu Salem", a reference to the late '
              "Karim Badrawi. Officials praised him."),
        "b": "قال المتحدث إن أبو سالم رفض التنازل عن المدينة حتى آخر يوم.",
        "c": "وأحيا أنصار الزعيم الراحل كريم البدراوي ذكرى رحيله. وقال البدراوي في خطابه الأخير إن المدينة باقية.",
    }
    ents = resolve_documents(docs)
    holder = [e for e in ents if any(m.text == "Karim Badrawi" for m in e.mentions)]
    assert len(holder) == 1
    assert {m.doc_id for m in holder[0].mentions} == {"a", "b", "c"}
    assert {"Abu Salem", "أبو سالم", "كريم البدراوي"} <= {m.text for m in holder[0].mentions}


def test_two_persons_named_in_one_document_are_no_nickname_of_each_other():
    from namematch.link import resolve_documents

    docs = {
        "a": "Foreign Minister Karim Badrawi met Abu Salem on Monday.",
        "b": "قال أبو سالم إن المدينة باقية.",
        "c": "وقال وزير الخارجية كريم البدراوي إن المحادثات مستمرة.",
    }
    ents = resolve_documents(docs)
    holder = [e for e in ents if any(m.text == "Karim Badrawi" for m in e.mentions)]
    assert len(holder) == 1
    assert "b" not in {m.doc_id for m in holder[0].mentions}


def test_the_definite_leader_is_a_title_and_a_common_family_name_is_found_again_alone():
    assert _linked("استذكر الزعيم الراحل سامي السهل، قائلا إن السهل رفض التنازل عن المدينة.") == [
        ("سامي السهل", None), ("السهل", 0)]
    assert _texts("وكان الزعيم يرفض ذلك.") == []


def test_a_full_name_found_in_one_document_is_found_written_the_same_in_another():
    from namematch.link import resolve_documents

    docs = {
        "a": "استذكر الزعيم الراحل سامي السهل، قائلا إن السهل رفض التنازل.",
        "b": "مردم خواستند مانند دوران سامی السهل متحد بمانند.",
        "c": "وتحدث الكاتب عن السهل الواسع قرب المدينة.",
    }
    ents = resolve_documents(docs)
    holder = [e for e in ents if any(m.text == "سامي السهل" for m in e.mentions)]
    assert len(holder) == 1
    assert "سامی السهل" in {m.text for m in holder[0].mentions}
    # the family name alone, an ordinary word in another document, is no mention there
    assert "c" not in {m.doc_id for e in ents for m in e.mentions}
