"""Mechanisms of the linker for Arabic wire copy where the word after a name is an inflected
ordinary word: the future prefix س and an imperfect verb, a noun in ة with a possessive pronoun
(its ة then written ت), and after a full name the preposition ل and a common word. All text is
invented."""

from __future__ import annotations

from namematch.link import find_mentions


def _texts(text: str) -> list[str]:
    return [m.text for m in find_mentions(text)]


def test_future_verb_after_a_name_ends_it():
    assert _texts("وقال المتحدث إن وزير الخارجية خالد ناصر سيتوجه إلى عمان غدا.") == ["خالد ناصر"]
    assert _texts("وأعلن المكتب أن الرئيس سمير حداد ستعقد حكومته اجتماعا.") == ["سمير حداد"]


def test_noun_with_a_possessive_pronoun_after_a_name_ends_it():
    assert _texts("قدم المبعوث الأممي كارلوس مينديتا إحاطته أمام المجلس.") == ["كارلوس مينديتا"]


def test_preposition_and_common_word_after_a_full_name_ends_it():
    assert _texts("وتستعد نائبته ماريا لوبيث لتولي مهام البعثة.") == ["ماريا لوبيث"]


def test_names_that_start_like_a_future_verb_are_kept():
    assert _texts("والتقى الوزير ستيفن كول في لندن.") == ["ستيفن كول"]
    assert _texts("واستقبل الرئيس سيمون بيريز الوفد.") == ["سيمون بيريز"]


def test_family_name_keeps_its_lower_case_particles_of_the_full_name():
    text = "UN envoy Marco de Lellis met the minister. Later de Lellis flew to Rabat."
    assert _texts(text) == ["Marco de Lellis", "de Lellis"]
    text = "EU chief Anna von der Brink spoke. Officials said von der Brink would travel."
    assert _texts(text) == ["Anna von der Brink", "von der Brink"]


def test_a_particle_not_in_the_full_name_stays_out():
    assert _texts("Envoy Marco Lellis spoke in Rome. Later de Lellis flew to Rabat.") == ["Marco Lellis", "Lellis"]


def test_a_proclitic_word_as_common_as_its_name_reading_is_a_word_of_its_own():
    # لصالح "in favour of" reads as ل and the given name صالح, but the press uses it whole
    assert _texts("ودعا المجلس إلى علاقات متوازنة لصالح البلدين في المرحلة المقبلة.") == []
    assert _texts("وقال إن الاتفاق جاء لصالح حسن الجيلاني.") == ["حسن الجيلاني"]


def test_a_proclitic_before_a_given_name_is_still_read_off():
    assert _texts("وقال إن الجائزة منحت لمحمد الشريف أمس.") == ["محمد الشريف"]


def test_two_unlisted_words_opening_a_clause_before_a_role_are_a_name():
    # (two invented words that look like no name to the shape model either)
    found = find_mentions("در پایتخت، تسفانه هایلمسقل وزیر اطلاعات این کشور گفت که پیام رسید.")
    assert [m.text for m in found] == ["تسفانه هایلمسقل"]


def test_a_listed_ordinary_word_before_a_role_is_no_name():
    assert _texts("در پایتخت، دیروز صبح وزیر اطلاعات این کشور گفت که پیام رسید.") == []


def test_a_reporter_named_after_the_dateline_dash_is_a_byline():
    text = "الوزير يفتتح المعرض\n\nالقاهرة - منيرة بوسعادة\n\nافتتح الوزير المعرض اليوم."
    assert _texts(text) == ["منيرة بوسعادة"]


def test_an_agency_or_a_headline_after_the_dateline_is_no_byline():
    assert _texts("الوزير يفتتح المعرض\n\nنواكشوط - الأخبار\n\nافتتح الوزير المعرض.") == []
    assert _texts("القاهرة - وزارة الخارجية تعلن اتفاقا جديدا\nنص الخبر.") == []


def test_a_word_in_quotes_right_after_a_name_is_the_nickname():
    text = 'وقال متحدث باسم رئيس الإقليم عبد الكريم محمد علي "قشو" إنه لم يدع.'
    assert _texts(text) == ["عبد الكريم محمد علي", "قشو"]


def test_a_quoted_word_after_a_verb_is_no_nickname():
    assert _texts('وقال رئيس الإقليم عبد الكريم محمد علي إن "الحرب" لن تعود.') == ["عبد الكريم محمد علي"]


def test_a_headline_name_takes_the_first_word_of_the_same_name_found_whole_in_the_text():
    text = "كوب تيسما نالو: الحوار هو الطريق\n\nقال الرئيس كوب تيسما نالو إن الحوار هو الطريق."
    assert _texts(text) == ["كوب تيسما نالو", "كوب تيسما نالو"]


def test_a_word_before_a_name_that_no_longer_name_holds_stays_out():
    text = "كوب تيسما نالو: الحوار هو الطريق\n\nقال الرئيس سام تيسما نالو إن الحوار هو الطريق."
    assert _texts(text) == ["تيسما نالو", "سام تيسما نالو"]
