"""Mechanisms that carry the linker to articles it was never tuned on: the name shape of
foreign names written in Arabic script, the grammar of titles and roles around a name,
bylines, nicknames and cross-document spellings the pair score does not bridge.

All text here is invented for these tests (names included).
"""

from __future__ import annotations

import importlib
import importlib.util
from pathlib import Path

import pytest

from namematch.link import find_mentions, link, resolve_documents
from tests.conftest import linking_figures, load_script

ROOT = Path(__file__).resolve().parent.parent
INVENTED = ROOT / "benchmarks" / "data" / "news-invented"
_shape = importlib.import_module("namematch.link._shape")
_resources = importlib.import_module("namematch.link._resources")


def _texts(text: str) -> list[str]:
    return [m.text for m in find_mentions(text)]


# -- name shape ---------------------------------------------------------------


def test_name_shape_tells_transliterated_names_from_ordinary_words():
    table = _resources.words().shape
    names = ["بارانوف", "لیندکویست", "فيدوروفسكي", "کوالچیک"]
    ordinary = ["نماینده", "التحضيرات", "المعظم", "فرستاده"]
    assert all(_shape.shape_score(n, table) > 0 for n in names), [_shape.shape_score(n, table) for n in names]
    assert all(_shape.shape_score(o, table) < 0 for o in ordinary), [_shape.shape_score(o, table) for o in ordinary]


def test_name_shape_reads_persian_letters_as_arabic():
    assert _shape.fold("گراوبنر") == _shape.fold("كراوبنر")
    assert _shape.fold("البوزيدي") == "بوزيدي"  # the article off


def test_shipped_name_shape_table_is_rebuilt_identically(tmp_path: Path):
    out = tmp_path / "link_name_shape.tsv"
    assert load_script("tools/build_name_shape.py").main(["--out", str(out)]) == 0
    shipped = (ROOT / "src" / "namematch" / "data" / "link_name_shape.tsv").read_text(encoding="utf-8")
    assert out.read_text(encoding="utf-8") == shipped, "link_name_shape.tsv differs from what the tool builds"


# -- titles, roles and their grammar -------------------------------------------


def test_persian_name_before_its_role():
    assert _texts("وزیر امور خارجه روز دوشنبه با ماکسیم بارانوف وزیر امور خارجه بلاروس دیدار کرد.") == ["ماکسیم بارانوف"]
    # the ezafe after a role word ending in a vowel (سخنگوی), and a plural of an ordinary word before the name
    assert _texts("یوهان لیندکویست سخنگوی کمیسیون اروپا گفت که نشست ادامه دارد.") == ["یوهان لیندکویست"]
    assert _texts("وزیر از کوششهای یوهان لیندکویست فرستاده ویژه اتحادیه قدردانی کرد.")[-1] == "یوهان لیندکویست"


def test_foreign_name_cut_into_short_words_is_no_compound_but_a_verb_prefix_is():
    assert _texts("وی با آنالنا کوالچیک وزیر امور خارجه لهستان دیدار کرد.") == ["آنالنا کوالچیک"]
    assert _texts("سفیر گفت این نشست برگزار میگیرد و سفیر همچنین میکند.") == []


def test_quoted_name_before_its_role():
    assert _texts("وی با «ماکسیم بارانوف» نماینده ویژه دولت بلاروس دیدار کرد.") == ["ماکسیم بارانوف"]


def test_long_arabic_role_phrase_before_a_foreign_name():
    ms = find_mentions("وقال المبعوث الشخصي للأمين العام للأمم المتحدة إلى السودان بيار دوبوا إن الحل ممكن.")
    assert [(m.text, m.context) for m in ms] == [("بيار دوبوا", "المبعوث الشخصي للأمين العام للأمم المتحدة إلى السودان")]


def test_adjective_after_an_office_is_no_name():
    assert _texts("رحب المبعوث الأممي بالاتفاق، وقال المستشار الدبلوماسي إن") == []
    assert _texts("وکالت خبرنگار اقتصادی گزارش داد.") == []


def test_military_ranks_and_formulas_and_epithets():
    assert _texts("استقبل الفريق أول ركن سالم عبد القادر الكعبي الوفد.") == ["سالم عبد القادر الكعبي"]
    ms = _texts("أشاد بالنهج الذي أرساه السلطان الراحل فيصل بن تركي -طيب الله ثراه- في بناء الدولة.")
    assert ms == ["فيصل بن تركي"]  # no "طيب الله ثراه"; بن تركي: a nationality word as the father's name
    assert _texts("استقبل السلطان فهد بن سالم المعظم الوزير.") == ["فهد بن سالم"]


def test_title_words_that_are_given_names_too():
    ms = find_mentions("نقل الوزير تحيات أمير البلاد الشيخ فهد السالم.")
    assert [(m.text, m.context) for m in ms] == [("فهد السالم", "أمير البلاد الشيخ")]
    assert _texts("Sultan Ardashir bin Nasser met Sheikh Sultan bin Rashid.") == [
        "Ardashir bin Nasser", "Sultan bin Rashid"]


def test_places_named_after_a_person_behind_titles():
    assert _texts("زار الوفد جسر الملك سالم وجامع الشيخ راشد الكبير.") == []
    assert _texts("The convoy drove along Sheikh Rashid Road to the Al Noor Palace.") == []
    assert _texts("He was received at Villa Aurora in the capital.") == []


def test_own_name_before_bin_and_a_proclitic_before_a_particle():
    ms = _texts("حضر اللقاء صاحب السمو السيد نجم بن خالد نائب رئيس الوزراء.")
    assert ms == ["نجم بن خالد"]  # نجم is a common word ("star"); before بن and a given name it is a name
    ms = find_mentions("بحث الأمين العام مع محمد المنصوري رئيس المجلس، وعبد الكريم الزبيدي رئيس الحكومة، الأوضاع.")
    assert [m.text for m in ms] == ["محمد المنصوري", "عبد الكريم الزبيدي"]
    # a title word after عبد is one of God's names, part of the compound
    assert _texts("وشارك في الاجتماع وزير الداخلية عبد الأمير الفتلاوي.") == ["عبد الأمير الفتلاوي"]


def test_religious_formula_is_no_name_but_the_name_of_god_in_a_name_is():
    assert "عبد الله الحربي" in _texts("استقبل الوزير عبد الله الحربي الوفد، حفظه الله.")


# -- English ------------------------------------------------------------------


def test_role_phrase_comma_name():
    ms = find_mentions("The UN special envoy for Libya, Hendrik Vossberg, met Sunday with the council head.")
    assert [(m.text, m.context) for m in ms] == [("Hendrik Vossberg", "envoy for Libya")]
    assert _texts("The minister's spokeswoman, Tove Lindqvist, described the talks.") == ["Tove Lindqvist"]


def test_bylines_and_photo_credits():
    assert _texts("(Reporting by Tom Weller in Cairo and Nadia Farouk in Amman; Editing by Paul Hollis)") == [
        "Tom Weller", "Nadia Farouk", "Paul Hollis"]
    assert _texts("By OLGA PETRENKO and ARMEN SAHAKYAN Associated Press") == ["OLGA PETRENKO", "ARMEN SAHAKYAN"]
    assert _texts("Caption: the ministers meet. (Photo: LINA KAROUI/AGENCY)") == ["LINA KAROUI"]
    assert _texts("عکس: مهسا رضایی") == ["مهسا رضایی"]


def test_initials_and_honorifics():
    ms = find_mentions("India's foreign minister Dr R. Venkataraman arrived. Venkataraman said the talks went well.")
    assert [m.text for m in ms] == ["R. Venkataraman", "Venkataraman"]
    ms = find_mentions("Prime Minister Datuk Seri Azlan Mokhtar met the Mahatma Rao Foundation board.")
    assert ms[0].text == "Azlan Mokhtar" and ms[0].honorific == "Seri"


# -- coreference ----------------------------------------------------------------


def test_nicknames_join_the_name_before_them():
    lms = link('The militia led by Ali Musa Karim, widely known as "Abu Layth", attacked. Abu Layth later denied it.')
    assert [(m.text, m.antecedent) for m in lms] == [("Ali Musa Karim", None), ("Abu Layth", 0), ("Abu Layth", 0)]
    lms = link("قوات يقودها سالم مهدي الزيدي «أبو حمزة» وقال أبو حمزة إن")
    assert [m.antecedent for m in lms] == [None, 0, 0]


def test_misspelt_family_name_in_the_same_document():
    lms = link("Prime Minister Karim Mustaqi met the envoy. Later, Mostaqi said the visit was useful.")
    assert [(m.text, m.antecedent) for m in lms] == [("Karim Mustaqi", None), ("Mostaqi", 0)]
    # a namesake's element is not a misspelling
    lms = link("President Fuad Hussein met Minister Saddam Hussein. Hussein said.")
    assert lms[-1].antecedent is None


def test_proclitic_word_after_a_name_is_another_name():
    text = "التقى الوزير فادي الجبوري المبعوث يوهان كراوسبرغ، ورحب الجبوري بكراوسبرغ في بغداد."
    ms = _texts(text)
    assert "الجبوري بكراوسبرغ" not in ms and "كراوسبرغ" in ms


# -- across documents -------------------------------------------------------------


def _persons(docs: dict[str, str]) -> list[tuple[str, ...]]:
    return [tuple(sorted(e.doc_ids)) for e in resolve_documents(docs)]


def test_rare_name_elements_spelt_apart_by_scripts_join():
    docs = {"a": "Foreign Minister Lars Kvistgaard visited Cairo.", "b": "وصل وزير الخارجية لارس كفيستغارد إلى القاهرة."}
    assert _persons(docs) == [("a", "b")]


def test_compound_family_name_written_apart_and_together_joins():
    docs = {"a": "به گزارش ایرنا، حمید میرکاظمی معاون وزیر امور خارجه گفت.",
            "b": "وأكد حميد مير كاظمي نائب وزير الخارجية أن الزيارة مهمة."}
    assert _persons(docs) == [("a", "b")]


def test_rare_given_name_alone_joins_its_full_name_but_common_names_keep_namesakes_apart():
    assert _persons({"a": "The late King Tahmurath was remembered.", "b": "أشاد بالملك الراحل طهمورث بن نصر."}) == [("a", "b")]
    assert len(_persons({"a": "Minister Hassan Karimi spoke.", "b": "وقال الوزير حسين كريمي إن"})) == 2
    assert len(_persons({"a": "Minister Omar Saleh spoke.", "b": "وقال الوزير عمر صالحي إن"})) == 2


# -- the invented evaluation corpus --------------------------------------------------


@pytest.fixture(scope="module")
def invented_figures() -> dict[str, dict[str, float]]:
    return linking_figures(INVENTED)


@pytest.mark.parametrize("lang", ["en", "ar", "fa"])
def test_invented_corpus_mentions_per_language(invented_figures, lang):
    """The second development set (articles written blind to the code) held where it stands."""
    figures = invented_figures[lang]
    assert figures["R"] >= 0.85, f"{lang} mention recall {figures['R']:.3f}"
    assert figures["P"] >= 0.95, f"{lang} mention precision {figures['P']:.3f}"


def test_invented_corpus_exact_spans_and_persons(invented_figures):
    figures = invented_figures["all"]
    assert figures["exactF1"] >= 0.90
    assert figures["xdoc"] >= 35, f"{figures['xdoc']} of {figures['xdoc_n']} cross-document persons as one entity"
    assert figures["merged"] == 0, "two gold persons in one entity"


def test_regnal_and_papal_names_keep_their_ordinal():
    assert find_mentions("بعث البابا بولس السادس عشر رسالة إلى المؤتمر.")[0].text == "بولس السادس عشر"
    assert find_mentions("پیام پاپ گریگوری سیزدهم به همایش خوانده شد.")[0].text == "گریگوری سیزدهم"
    assert _texts("وأكد الملك فهد الثاني أن التعاون مستمر.") == ["فهد الثاني"]


def test_callings_and_professions_announce_a_name():
    ms = find_mentions("The singer Mira Talbot and the footballer Jonas Ferreira met the mayor.")
    assert [(m.text, m.context) for m in ms] == [("Mira Talbot", "singer"), ("Jonas Ferreira", "footballer")]
    assert _texts("التقى رجل الأعمال سامر الخطيب بالوزير.") == ["سامر الخطيب"]


def test_foreign_name_starting_with_waw_is_no_conjunction():
    assert _texts("صرح وزير الخارجية الأسترالي ويلسون تاكر بأن بلاده ترحب.") == ["ويلسون تاكر"]
    assert _texts("وأكد المسؤول أن وتقنيات جديدة ستعتمد.") == []


def test_regnal_names_in_latin_keep_their_numeral_and_possessives_of_names_in_s():
    assert _texts("Pope Gregory XVII greeted King Charles III in the square.") == ["Gregory XVII", "Charles III"]
    assert _texts("Minister Ahmed Hassan II said it.") == ["Ahmed Hassan"]  # a numeral after no ruler
    assert _texts("Crowds gathered for Pope Urban' Mass.") == ["Urban"]
    assert _texts("Crowds gathered for Pope Linus' Mass.") == ["Linus"]


def test_grand_ayatollah_and_archbishop_are_titles():
    assert find_mentions("استقبل آية الله العظمى كاظم الحسيني الوفد.")[0].text == "كاظم الحسيني"
    assert find_mentions("دیدار با آیت‌الله العظمی جعفر موسوی در قم.")[0].text == "جعفر موسوی"
    assert find_mentions("در دیدار با اسقف اعظم توماس کلر سفیر در تهران")[0].text == "توماس کلر"


def test_regnal_name_joins_the_same_title_across_documents_not_an_untitled_full_name():
    docs = {"a": "Pope Linus spoke in Rome.", "b": "وأشاد البابا لينوس بالحوار.", "c": "Linus Corrigan, a lawyer, spoke."}
    assert sorted(_persons(docs)) == [("a", "b"), ("c",)]


def test_an_ordinary_word_after_a_name_the_document_names_in_full_is_cut_off():
    text = "استقبل أمير البلاد الشيخ نايف بن سالم آل راشد الوفد. وجدد الشيخ نايف موقف بلاده الثابت."
    assert _texts(text) == ["نايف بن سالم آل راشد", "نايف"]
    assert _texts("التقى الوزير غسان سلامة بالسفير. وقال الوزير غسان الخطيب إن") == ["غسان سلامة", "غسان الخطيب"]


def test_sheikh_between_two_name_words_is_part_of_the_name():
    assert _texts("President Abdi Sheikh Warsame arrived in Doha.") == ["Abdi Sheikh Warsame"]
    assert _texts("استقبل الرئيس الصومالي عمر شيخ آدم الوفد.") == ["عمر شيخ آدم"]
    assert _texts("Emir Sheikh Nayef received Sheikh Ali.") == ["Nayef", "Ali"]
    assert _texts("The Amir Sheikh Nayef bin Salim received the envoy.") == ["Nayef bin Salim"]


def test_two_given_names_glued_are_followed_by_the_family_name():
    assert _texts("در پایان، صدای محمدرضا ستوده پخش شد.") == ["محمدرضا ستوده"]
    assert _texts("آیین یادبود امیرحسین دلاور برگزار شد.") == ["امیرحسین دلاور"]
    assert _texts("محمدرضا سخنرانی کرد.") == []  # an ordinary word after the name
    assert _texts("حبیب‌الله سخنرانی کرد.") == []  # a name glued to الله is one given name


def test_family_name_written_together_then_apart_in_one_document():
    linked = link("دیدار با علی خوشنویس در تهران. خوش نویس گفت که جلسه خوب بود.")
    assert [(x.mention.text, x.antecedent) for x in linked] == [("علی خوشنویس", None), ("خوش نویس", 0)]


def test_haji_inside_a_persian_family_name_and_a_noun_with_his_after_a_name():
    text = ("استقبل الوزير نائب رئيس المجلس كريم رضا حاجي ميرزائي. "
            "وقدم حاجي ميرزائي شكره للوزير. وجرى اللقاء بين الوزير وحاجي ميرزائي.")
    assert _texts(text) == ["كريم رضا حاجي ميرزائي", "حاجي ميرزائي", "حاجي ميرزائي"]


def test_institution_words_with_the_article_stand_in_a_role_phrase():
    assert _texts("بحضور النائب الثاني لرئيس المجلس كاوان عبدالله، الذي شدد على التنسيق.") == ["كاوان عبدالله"]


def test_foreign_given_names_read_loosely_when_a_rare_family_name_agrees_across_scripts():
    docs = {"a": "Foreign Minister Alexandre Vasconcelos visited Cairo.",
            "b": "وصل وزير الخارجية ألكسندر فاسكونسيلوس إلى القاهرة."}
    assert _persons(docs) == [("a", "b")]
    docs = {"a": "Minister Hassan Kvistgaard spoke.", "b": "وقال الوزير حسين كفيستغارد إن"}
    assert len(_persons(docs)) == 2  # two Arabic given names that differ: two persons


def test_buildings_named_after_a_person_in_lower_case_and_in_french():
    assert _texts("Thousands came to the Karim Haddad stadium on Sunday.") == []
    assert _texts("The summit opened at the Palais du Peuple, flanked by Omar Haddad.") == ["Omar Haddad"]


def test_english_family_names_that_are_titles_after_a_given_name():
    assert _texts("Carla Bishop, director general of the agency, said the talks went well.") == ["Carla Bishop"]
    assert _texts("Officials met Pope Gregory and King Tahmurath.") == ["Gregory", "Tahmurath"]


def test_a_compound_after_a_proclitic_keeps_its_particle():
    assert _texts("أسعار النفط... وعبد العزيز بن فيصل: السوق متوازنة") == ["عبد العزيز بن فيصل"]


def test_a_role_with_and_after_a_name_starts_a_new_phrase_and_more_portfolios():
    text = "وشارك وزير النفط الكويتي كريم الهاجري، ووزير الطاقة والبنية التحتية الإماراتي سهيل الكتبي."
    assert _texts(text) == ["كريم الهاجري", "سهيل الكتبي"]


@pytest.fixture(scope="module")
def invented_2_figures() -> dict[str, dict[str, float]]:
    return linking_figures(ROOT / "benchmarks" / "data" / "news-invented-2")


def test_second_invented_corpus_held_where_it_stands(invented_2_figures):
    """The third development set (written blind to the code, first measured as held-out)."""
    for lang in ("en", "ar", "fa"):
        assert invented_2_figures[lang]["P"] >= 0.95, lang
        assert invented_2_figures[lang]["R"] >= 0.83, lang
    figures = invented_2_figures["all"]
    assert figures["P"] >= 0.98
    assert figures["exactF1"] >= 0.91
    assert figures["xdoc"] >= 22, f"{figures['xdoc']} of {figures['xdoc_n']} cross-document persons as one entity"
    assert figures["merged"] == 0, "two gold persons in one entity"


def test_a_kunya_in_its_case_forms_starts_a_name_without_context():
    text = "وتناولت الجلسة علاقة أبي حيان بتراث أبي الطيب الموصلي، الذي عده النقاد أستاذه."
    assert _texts(text) == ["أبي حيان", "أبي الطيب الموصلي"]
    assert _texts("قال إن أبي كان يعمل في المدينة.") == []  # "my father"
