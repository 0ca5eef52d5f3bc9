"""Mechanisms of the linker for family names built on a title, Persian word order and
offices, foreign names without context, and places that open with a foreign word: آل before
a title word (آل الشيخ), a Persian role right after a name, the Guardian Jurist and shrine
custodians as offices, two unlisted transliterated words, a Persian sentence opening with
its subject before the day, Persian family names from court and clerical titles, an
organisation word with the Persian ezafe, Masjid and Villa, Shah ending a South Asian name.
All text is invented."""

from __future__ import annotations

from namematch.link import find_mentions


def _texts(text: str) -> list[str]:
    return [m.text for m in find_mentions(text)]


def test_a_family_named_after_a_title_after_al():
    assert _texts("وقال الوزير الشيخ صالح بن فهد آل الشيخ إن الخطة جاهزة، وأضاف آل الشيخ أن العمل بدأ.") == [
        "صالح بن فهد آل الشيخ", "آل الشيخ"]
    # a family named after a place or tribe reads as before; the House alone names no one
    assert _texts("استقبل الشيخ حمد بن راشد آل مكتوم الوفد.") == ["حمد بن راشد آل مكتوم"]
    assert _texts("وعقد آل سعود اجتماعا.") == []


def test_a_persian_role_right_after_a_name_describes_it():
    # the words after هنرمند ("artist") are its field, not another person
    assert _texts("پیکر استاد حسن میرزایی هنرمند پیشکسوت خوشنویسی کشور روز شنبه تشییع شد.") == ["حسن میرزایی"]


def test_the_guardian_jurist_and_the_custodian_are_offices():
    assert _texts("سید مهدی رحمانی نماینده ولی فقیه در استان گفت برنامه ادامه دارد.") == ["سید مهدی رحمانی"]
    assert _texts("جواد صادقی تولیت آستان مقدس در پیامی گفت. تولیت آستان در مراسم حضور داشت.") == ["جواد صادقی"]


def test_two_unlisted_transliterated_words_are_a_name_without_context():
    assert _texts("به گفته وی سیلوانو کاستلینی در سفر آینده خود از مدارس بازدید می کند.") == ["سیلوانو کاستلینی"]
    # an ordinary phrase is no name
    assert _texts("به گفته وی این برنامه در سفر آینده اجرا می شود.") == []


def test_a_persian_sentence_opens_with_its_subject_before_the_day():
    assert _texts("در این نشست تصمیم گرفته شد.\nمحمود بیات روز سه شنبه در جمع خبرنگاران افزود: کار ادامه دارد.") == [
        "محمود بیات"]


def test_persian_family_names_from_court_and_clerical_titles():
    assert _texts("آیت الله سید حسن علم الهدی امام جمعه شهر گفت.") == ["سید حسن علم الهدی"]
    assert _texts("آثار کمال الملک در موزه نگهداری می شود.") == ["کمال الملک"]


def test_an_organisation_word_with_the_persian_ezafe():
    assert _texts("در دیدار با مریم صالحی نماینده کمیساریای عالی در تهران گفت.") == ["مریم صالحی"]


def test_masjid_and_villa_name_places():
    assert _texts("Crowds gathered at the Masjid al-Nabawi before the talks at the Villa Rosenthal.") == []


def test_shah_after_a_given_name_is_the_family_name():
    assert _texts("Justice Syed Kamran Ali Shah wrote the order.") == ["Syed Kamran Ali Shah"]
    assert _texts("The Shah left the country.") == []


def test_a_role_phrase_may_end_in_a_sea_or_region():
    assert _texts("EU Commissioner for the Mediterranean Ivana Kovac said the bloc would act.") == ["Ivana Kovac"]


def test_md_abbreviates_muhammad_inside_a_name():
    assert _texts("Adviser Md. Rafiqul Islam told reporters.") == ["Md. Rafiqul Islam"]


def test_a_ship_or_airport_with_the_article_and_a_quoted_name():
    assert _texts('وقال إن السفينة "الشيخ راشد" دخلت الخدمة.') == []
    assert _texts("وقال إن المطار الشيخ راشد مفتوح.") == []


def test_a_jetty_named_after_a_person():
    assert _texts("کشتی ها در اسکله شهید رحیمی پهلو می گیرند.") == []


def test_a_persian_family_name_that_is_a_nationality_after_a_title():
    assert _texts("دریادار کامران ایرانی روز شنبه گفت: رزمایش آغاز شد.") == ["کامران ایرانی"]


def test_an_unlisted_word_continues_a_name_under_a_title():
    assert _texts("بحث وزير المالية محمد سامر برنيكوف مع الوفد.") == ["محمد سامر برنيكوف"]


def test_a_day_that_is_a_name_element_inside_a_name():
    assert _texts("بحضور الرئيس التنفيذي محمد جمعة الكعبي، الذي قال إن المحطة جاهزة.") == ["محمد جمعة الكعبي"]
    assert _texts("وصل الوزير محمد الجمعة الماضي إلى الرياض.") == ["محمد"]


def test_a_gulf_family_name_before_the_tribal_nisba():
    assert _texts("وقالت وزيرة التربية فاطمة بنت علي الجبر الكواري إن العام يبدأ.") == [
        "فاطمة بنت علي الجبر الكواري"]


def test_an_arab_family_name_with_the_article_before_a_persian_role():
    assert _texts("وی با نوال الزهرانی رئیس کمیسیون دیدار کرد. الزهرانی گفت همکاری ادامه دارد.") == [
        "نوال الزهرانی", "الزهرانی"]


def test_al_sayed_ending_a_name_is_the_family_name():
    assert _texts("استقبلت وزيرة الشؤون الاجتماعية منى السيد في مكتبها الوفد.") == ["منى السيد"]
    # the honorific before a name stays outside it
    assert _texts("استقبل الوزير السيد محمد علي في مكتبه.") == ["محمد علي"]
