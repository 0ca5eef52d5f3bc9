"""Mechanisms of the linker for press copy written the way ministries and agencies write
it: Romance particles in a row, the Levantine kunya بو, nasab chains led by a word that is
also a nationality, titles and honorifics glued or joined to Persian family names,
institutions and ships named after persons, role phrases through a government's name.
All text is invented."""

from __future__ import annotations

from namematch.link import find_mentions


def _texts(text: str) -> list[str]:
    return [m.text for m in find_mentions(text)]


def test_romance_particles_in_a_row_stay_inside_the_name():
    assert _texts("Peru's envoy, Ana María de la Cruz, met the committee on Friday.")[:1] == ["Ana María de la Cruz"]
    assert "خوسيه دي لا روسا" in _texts("وقال وزير الخارجية الإسباني خوسيه دي لا روسا إن المحادثات بناءة.")


def test_levantine_kunya_bu_binds_the_word_after_it():
    assert _texts("واستقبل وزير الداخلية سليم بو ملحم الوفد في مكتبه.") == ["سليم بو ملحم"]


def test_nationality_word_before_bin_and_a_given_name_is_the_own_name():
    assert _texts("استقبل صاحب السمو الأمير تركي بن فيصل الوفد الزائر.") == ["تركي بن فيصل"]


def test_title_word_before_a_detached_suffix_is_a_family_name():
    assert _texts("دکتر علی قاضی زاده در این نشست سخنرانی کرد.") == ["علی قاضی زاده"]


def test_sayyid_glued_to_a_given_name_starts_a_name_without_a_title():
    assert _texts("سیدعلی صفری زاده در این باره گفت که طرح آماده است.") == ["سیدعلی صفری زاده"]


def test_institutions_named_after_a_ruler_or_a_person_are_no_persons():
    assert _texts("وزار الوفد مركز الملك فهد للأبحاث قبل أن يغادر.") == []
    assert _texts("وزار الوفد مركز حمد بن خليفة للفضاء قبل أن يغادر.") == []
    # an institution inside a role phrase is no place: the sheikh after it is a person
    assert _texts("وقال رئيس مجلس الأمة الشيخ أحمد الفهد إن الجلسة مهمة.") == ["أحمد الفهد"]


def test_quoted_short_name_after_an_institution_is_no_person():
    assert _texts('ووقعت الوزارة اتفاقا مع شركة بترول عمان الوطنية "أوكسين" أمس.') == []


def test_ships_are_named_after_persons():
    assert _texts("The training ship Juan Sebastián Elcano docked in Lisbon on Monday.") == []


def test_hyphenated_party_name_led_by_an_organisation_word_is_no_person():
    assert _texts("Leaders of the Pakistan Muslim League-Quaid attended the dinner.") == []


def test_sayed_ending_a_name_after_a_given_name_is_the_family_name():
    assert _texts("Economy Minister Rania Sayed said on Monday that prices would fall.") == ["Rania Sayed"]


def test_government_adjective_is_no_name_before_a_role():
    assert _texts("واجتمع في السراي الحكومي وزير المال سمير الخوري بالوفد.") == ["سمير الخوري"]


def test_role_phrase_runs_on_through_a_definite_government_word_but_not_an_indefinite_one():
    assert _texts("والتقى وزير التجارة في الحكومة الأفغانية المؤقتة عبد الرحيم عزيزي نظيره.") == ["عبد الرحيم عزيزي"]
    assert _texts("وقال وزير الخارجية في حكومة تصريف الأعمال إن الاجتماع مهم.") == []


def test_name_glued_to_din_leads_a_family_name_without_a_title():
    assert _texts("نصیرالدین عزیزی روز دوشنبه به تهران رسید.") == ["نصیرالدین عزیزی"]


def test_the_word_foreign_particles_announce_is_a_name_word_and_juan_a_given_name():
    assert _texts("کارلوس د لا سرنا سفیر اسپانیا در تهران گفت که کار ادامه دارد.") == ["کارلوس د لا سرنا"]
    assert _texts("وقال وزير الخارجية الكولومبي خوان كارلوس رويز إن المحادثات مثمرة.") == ["خوان كارلوس رويز"]
