"""Round 16 (news8): regional press on Turkey, South Asia, Israel/Palestine and the Caucasus.

Invented sentences and names only (no text of any benchmark corpus).
"""

from __future__ import annotations

from namematch.link import find_mentions, link
from namematch.parse import parse


def _texts(text: str) -> list[str]:
    return [m.text for m in find_mentions(text)]


# -- the Turkish oğlu "son of" written apart in Arabic and Persian script ---------------------


def test_oglu_written_apart_ends_the_family_name_in_arabic() -> None:
    text = ("وقال النائب بولنت قاضي أوغلو إن وزير الطاقة سليم يلدز أوغلو سيزور المدينة. "
            "وأضاف قاضي أوغلو أن الزيارة مهمة.")
    linked = link(text)
    assert [lm.text for lm in linked] == ["بولنت قاضي أوغلو", "سليم يلدز أوغلو", "قاضي أوغلو"]
    # the short form names the person whose family name it is, not the other -oğlu
    assert linked[2].antecedent == 0


def test_oglu_written_apart_in_persian() -> None:
    text = "سخنگوی حزب، بولنت قاضی اوغلو گفت وزیر انرژی سلیم یلدز اوغلو به شهر سفر می کند. قاضی اوغلو افزود"
    linked = link(text)
    assert [lm.text for lm in linked] == ["بولنت قاضی اوغلو", "سلیم یلدز اوغلو", "قاضی اوغلو"]
    assert linked[2].antecedent == 0


def test_parse_glues_oglu_to_the_word_before_it() -> None:
    units = parse("بولنت قاضي أوغلو").units
    assert len(units) == 2
    assert units[1].core.endswith("اوغلو") and units[1].core.startswith("قاضي")


# -- a given name that is a month or a verb too, before a foreign family name -----------------


def test_month_given_name_before_foreign_family_name() -> None:
    assert _texts("وبعث رمضان بيكوف برسالة إلى المؤتمر.") == ["رمضان بيكوف"]
    assert _texts("رمضان بیکوف رئیس جمهوری داغستان به تهران رفت.") == ["رمضان بیکوف"]


def test_verb_spelled_given_name_before_foreign_family_name() -> None:
    assert _texts("واستقبل وزير الزراعة التركي يشار غوندوغدو نظيره.") == ["يشار غوندوغدو"]


def test_month_and_verb_stay_ordinary_words() -> None:
    assert _texts("رمضان كريم على الجميع ويشار إلى أن الاجتماع تأجل.") == []
    assert _texts("وفي شهر رمضان المبارك قال الوزير إن الأسعار مستقرة.") == []
    # a preposition that spells a given name (على, read علي) before a foreign word is no name
    assert _texts("ووقع الطرفان على مذكرتين للتعاون.") == []


def test_chechen_is_a_nationality_not_a_name() -> None:
    assert _texts("وقال الزعيم الشيشاني إن المنطقة آمنة.") == []


# -- Hebrew given names in Arabic and Persian script; a foreign given name without context ----


def test_hebrew_given_name_starts_a_name_without_context() -> None:
    # (the family names are words of the press too: the Golan, Cohen)
    assert _texts("ورفضت حكومة يسرائيل غولان الاقتراح أمس.") == ["يسرائيل غولان"]
    assert _texts("وتحدث يائير كوهين عن الخطة.") == ["يائير كوهين"]


def test_foreign_given_name_before_a_family_name_the_press_writes_often() -> None:
    # the family name after a foreign given name is its slot, even when the word is frequent
    found = _texts("وانتقد الإعلام حكومة بنيامين روزنبلوم بشدة.")
    assert found == ["بنيامين روزنبلوم"]


def test_benjamin_in_arabic_script_is_no_bin_compound() -> None:
    from namematch.link._documents import resolution_form

    assert resolution_form("بنيامين روزنبلوم") == "بنيامين روزنبلوم"
    assert resolution_form("بنیامین روزنبلوم") == "بنیامین روزنبلوم"


def test_glued_persian_compound_holds_its_parts_for_coreference() -> None:
    from namematch.link._coref import unit_cores

    # the parts of a glued compound are found as written (Persian letters), then folded
    assert "هوشنك" in unit_cores("امیرهوشنگ کیانی")
    linked = link("شاعر معاصر، امیرهوشنگ کیانی گفت. هوشنگ کیانی افزود و کیانی نوشت.")
    assert [(lm.text, lm.antecedent) for lm in linked] == [
        ("امیرهوشنگ کیانی", None), ("هوشنگ کیانی", 0), ("کیانی", 0)]


# -- al-Sheikh, a title that is a family name too ----------------------------------------------


def test_al_sheikh_after_one_given_name_is_the_family_name() -> None:
    assert _texts("أكد مستشار الرئيس جميل الشيخ، مساء الاثنين، أن المفاوضات مستمرة.") == ["جميل الشيخ"]
    assert _texts("در غزه، جمیل الشیخ مشاور رئیس جمهور گفت مذاکرات ادامه دارد.") == ["جمیل الشیخ"]


def test_sheikh_before_a_name_stays_its_title() -> None:
    found = _texts("واستقبل الوزير جميل الشيخ سلطان بن خليفة في مكتبه.")
    assert "جميل الشيخ" not in found
    assert any(f.startswith("سلطان بن خليفة") for f in found)


# -- a country name that is a given name too, after a role; German/Yiddish tz ------------------


def test_place_given_name_after_a_role_is_the_given_name() -> None:
    linked = link("Energy Minister Israel Rosenfeld met the delegation. Rosenfeld said talks went well.")
    assert [(lm.text, lm.antecedent) for lm in linked] == [("Israel Rosenfeld", None), ("Rosenfeld", 0)]


def test_country_stays_a_place_elsewhere() -> None:
    assert _texts("The Israel Hayom daily said Israel Defense Forces moved north.") == []
    assert _texts("He visited Israel on Tuesday and Jordan on Wednesday.") == []


def test_tz_reads_as_ts_across_scripts() -> None:
    from namematch.link import resolve_documents
    from namematch.score import score

    assert score("Moritz Schatz", "موريتس شاتس") >= 0.8
    docs = {"a": "Finance Minister Moritz Schatz arrived in Cairo on Monday.",
            "b": "وصل وزير المالية موريتس شاتس إلى القاهرة يوم الاثنين."}
    entities = [e for e in resolve_documents(docs) if len({m.doc_id for m in e.mentions}) == 2]
    assert len(entities) == 1


# -- word-list facts: Persian spellings of Indian given names, places of Kashmir, loanwords ---


def test_persian_spelling_of_an_indian_given_name_before_a_role() -> None:
    assert _texts("ویکرام چوپرا معاون وزیر خارجه هند به کابل رفت.") == ["ویکرام چوپرا"]


def test_kashmir_places_are_no_names() -> None:
    assert _texts("وقال رئيس وزراء جامو وكشمير إن الوضع هادئ.") == []
    assert _texts("دیدار در سرینگر و مظفرآباد برگزار شد.") == []


def test_transport_loanwords_and_the_authority_are_no_names() -> None:
    assert _texts("وزیر راه گفت کریدور ریلی شمال جنوب تا سال آینده تکمیل می شود.") == []
    assert _texts("سخنگوی تشکیلات خودگردان فلسطین گفت مذاکرات ادامه دارد.") == []


# -- a kunya written as one word (Persian) ----------------------------------------------------


def test_glued_kunya_names_its_person_alone() -> None:
    assert _texts("وی گفت ابوحمزه همیشه از وحدت دفاع می کرد.") == ["ابوحمزه"]


def test_glued_given_names_and_places_with_abu_are_not_kunyas() -> None:
    assert _texts("سفر هیئت به ابوظبی انجام شد.") == []


# -- "بن Y" alone for a person found as "X بن Y" -----------------------------------------------


def test_ben_stays_with_the_family_name_it_leads() -> None:
    text = "المعارضة تهاجم بن دفير وشتاينتس. وقالت إن الحكومة رهينة لإيتمار بن دفير ويائير شتاينتس."
    linked = link(text)
    assert [(lm.text, lm.antecedent) for lm in linked] == [
        ("بن دفير", 2), ("شتاينتس", 3), ("إيتمار بن دفير", None), ("يائير شتاينتس", None)]


# -- a place that is a given name too, then a listed given name, before a role ------------------


def test_place_given_name_and_given_family_name_before_a_role() -> None:
    assert _texts("به گزارش خبرگزاری ایسنا، ریاض ناصر سفیر فلسطین در تهران گفت.") == ["ریاض ناصر"]


def test_the_city_after_in_stays_a_place() -> None:
    assert _texts("هیئت در ریاض حسن نماینده عربستان را دید.") == []


# -- places of three words named after persons ---------------------------------------------------


def test_three_word_places_named_after_persons_are_no_names() -> None:
    text = "He told a rally in Dera Ghazi Khan that Chief Minister Maryam Aslam was wrong."
    assert _texts(text) == ["Maryam Aslam"]
    assert _texts("Toba Tek Singh and Dera Murad Jamali were flooded, said Hamid Raza.") == ["Hamid Raza"]
