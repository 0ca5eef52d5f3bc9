"""Mechanisms of the linker for English wire copy: a given name that is also a news agency's
short name, a byline on a line of its own under a headline, and an Arabic place named after a
person with the adjective "international" after the name. All text is invented."""

from __future__ import annotations

from namematch.link import find_mentions


def _texts(text: str) -> list[str]:
    return [m.text for m in find_mentions(text)]


def test_an_agency_name_that_is_a_given_name_starts_a_person_name():
    # Sana is a given name and the short name of a news agency
    assert _texts("Ms Sana Varlowe said the talks would resume.") == ["Sana Varlowe"]
    assert _texts("Photo editor Sana Varlowe took the picture.") == ["Sana Varlowe"]
    # the agency itself stays no person: in capitals, before another organisation word or alone
    assert _texts("SANA Varlowe reported the visit.") == []
    assert _texts("The Sana News Agency reported the visit.") == []
    assert _texts("Sana reported that the minister arrived.") == []


def test_a_byline_on_its_own_line_under_a_headline():
    text = "Ministers discuss trade in Ankara\n\nBy Delfin Orvaste\n\nANKARA (Wire) - Ministers met on Monday."
    assert "Delfin Orvaste" in _texts(text)
    text2 = "Ministers discuss trade in Ankara\n\nPhoto Delfin Orvaste\n\nMinisters met on Monday."
    assert "Delfin Orvaste" in _texts(text2)
    # inside a sentence "By" followed by a capitalised run needs its own evidence
    assert "Delfin Orvaste" not in _texts("Ministers met. By Delfin Orvaste standards the talks were short.")
    # "By" starting a line before ordinary words is no byline
    assert _texts("Talks end\nBy Monday Evening the delegations had left.") == []


def test_a_name_before_international_is_a_place_in_arabic():
    assert _texts("ستقام المباراة على استاد خليفة الدولي يوم الجمعة.") == []
    assert _texts("وصل إلى مطار الملك خالد الدولية مساء اليوم.") == []
    # a role word before the adjective keeps the person: the envoy is international, not the name
    assert _texts("وقال المبعوث الدولي هانس غروندبرغ إن المحادثات مستمرة.") == ["هانس غروندبرغ"]
    assert _texts("وقال الرئيس خليفة بن عمر إن المباراة ستقام.") == ["خليفة بن عمر"]


def test_the_persian_sage_title_before_a_classical_name():
    text = "وزیر فرهنگ بر مزار حکیم عمر کوهساری حضور یافت و به رباعیات کوهساری اشاره کرد."
    assert _texts(text) == ["عمر کوهساری", "کوهساری"]
    found = find_mentions(text)
    assert found[0].context == "حکیم"
    # in Arabic text حكيم is a given name: it stays in the name
    assert "حكيم" in " ".join(_texts("وقال المهندس حكيم الزبيدي إن المشروع اكتمل."))


def test_a_family_name_of_two_relatives_goes_to_the_one_never_named_by_given_name():
    from namematch.link import link

    text = ("President Darin Ali Velko met the visitors. Party chairman Mirek Bhutto Velko and "
            "Interior Minister Tomas Darin were present. Mirek said the deal was good. "
            "Mr Velko thanked the guests.")
    lms = link(text)
    texts = [lm.text for lm in lms]
    velko = texts.index("Velko")
    ante = lms[velko].antecedent
    assert ante is not None and lms[ante].text == "Darin Ali Velko"
    # "Darin" alone is the other minister's family name: it names neither relative, so with
    # neither relative named by the given name alone the family name stays unresolved
    text2 = text.replace("Mirek said", "Darin said")
    lms2 = link(text2)
    assert lms2[[lm.text for lm in lms2].index("Velko")].antecedent is None


def test_a_rare_given_name_alone_names_the_person_found_in_full():
    text = ("رئیس حزب بلاول بوتو کاردانی در این دیدار حضور داشت. بلاول گفت که حزب او از طرح حمایت می کند.")
    assert _texts(text) == ["بلاول بوتو کاردانی", "بلاول"]
    # a common given name alone (محمد, also part of many names) is not taken for the person
    text2 = "وزیر خارجه محمد کاردانی در این دیدار حضور داشت. محمد گفت که طرح ادامه دارد."
    assert _texts(text2) == ["محمد کاردانی"]
    # nor a rare given name that starts another name right after it
    text3 = "رئیس حزب بلاول بوتو کاردانی حضور داشت. بلاول نیکزاد گفت که طرح ادامه دارد."
    assert "بلاول" not in _texts(text3)


def test_a_title_after_a_comma_starts_the_next_name_and_describes_no_word_before():
    # "At Baabda, President X": the capitalised word before the comma is a place, not a person
    assert _texts("At Vekrani, President Tolvan Aresh said the army would deploy.") == ["Tolvan Aresh"]
    assert _texts("After Vekrani, Foreign Minister Tolvan Aresh spoke.") == ["Tolvan Aresh"]
    # an apposition still names the word before the comma
    assert _texts("Vekrani, the foreign minister, said the talks went well.") == ["Vekrani"]
    assert _texts("Aresh, President of the Council, said the talks went well.") == ["Aresh"]
    assert _texts("Vekrani, Minister Counsellor at the embassy, said so.") == ["Vekrani"]


def test_abbreviated_offices_of_south_asian_press_are_titles():
    found = find_mentions("PM Dorvan, CM Selina Arkaz open the new metro line")
    assert [(m.text, m.context) for m in found] == [("Dorvan", "PM"), ("Selina Arkaz", "CM")]
    assert [m.text for m in find_mentions("FM Tolvan Aresh met the envoy.")] == ["Tolvan Aresh"]
    # a clock time is no title
    assert _texts("The session ends at 5 PM Riyadh time.") == []


def test_an_organisation_acronym_in_the_possessive_introduces_a_name():
    assert [(m.text, m.context) for m in find_mentions("UN's Vekrani urges calm")] == [("Vekrani", "UN")]
    # not before the organisation's own bodies or ordinary capitalised words
    assert _texts("The UN's Security Council met on Monday.") == []
    assert _texts("NATO's Eastern Flank is strong.") == []


def test_a_list_of_names_joined_by_wa_splits_at_each_given_name():
    text = "وشارك في الاجتماع كل من يوسف كاردالي ورونالد لامولا وموسى فكي محمد."
    found = _texts(text)
    assert found[0] == "يوسف كاردالي"  # (before: one name of four words, "... ورونالد لامولا")
    assert "موسى فكي محمد" in found
    assert not any("كاردالي" in t and "رونالد" in t for t in found)
    # a foreign name whose word starts with و stays whole
    assert _texts("استقبل الرئيس جون ويلسون الوفد.") == ["جون ويلسون"]


def test_a_run_from_a_ruler_title_to_a_place_word_is_a_place():
    assert _texts("The delegation visited King Tolvan Economic City on Monday.") == []
    assert _texts("The final was played at the Sultan Tolvan Sports Complex.") == []
    assert _texts("Jets landed at Prince Tolvan Air Base.") == []
    # the ruler himself, and a run that does not end with a place word, stay persons
    assert _texts("King Tolvan met Prince Aresh at the palace.") == ["Tolvan", "Aresh"]


def test_a_persian_foreign_family_name_starting_with_vav_continues_the_name():
    # Persian writes the conjunction و apart: a glued و starts a word of the name (Wadephul-like)
    assert _texts("وزیر خارجه آلمان یوهان وادکرون گفت که مذاکرات ادامه دارد.") == ["یوهان وادکرون"]
    # a glued و before a known word still ends the name
    assert _texts("سفیر ایران رضا امیری ومحمد گفت") == ["رضا امیری"]


def test_a_list_under_a_plural_office_names_each_member():
    assert _texts("Foreign ministers Tolvan Aresh and Vekrani held a meeting.") == ["Tolvan Aresh", "Vekrani"]
    assert _texts("Presidents Tolvan Aresh, Mira Vekrani and Dorvan signed.") == [
        "Tolvan Aresh", "Mira Vekrani", "Dorvan"]
    # a singular office names one person; organisations in the list stay out
    assert _texts("Foreign Minister Tolvan Aresh and Vekrani held a meeting.") == ["Tolvan Aresh"]
    assert _texts("The ministers Tolvan Aresh, Parliament and the Senate met.") == ["Tolvan Aresh"]


def test_sultan_after_a_royal_honorific_is_the_given_name():
    text = "Sheikh Sultan bin Tolvan Al Aresh attended. Sheikh Sultan said culture mattered."
    assert [(m.text, m.context) for m in find_mentions(text)] == [
        ("Sultan bin Tolvan Al Aresh", "Sheikh"), ("Sultan", "Sheikh")]
    # the ruler's title stays a title
    assert [(m.text, m.context) for m in find_mentions("Sultan Tolvan bin Aresh received the envoy.")] == [
        ("Tolvan bin Aresh", "Sultan")]
    # and a run that holds a ruler's title and ends with a place word is a place
    assert _texts("The Sultan Tolvan City project was approved.") == []


def test_a_run_that_ends_with_the_place_it_names_is_no_person():
    # a known name before the place word used to keep the word as a family name
    assert _texts("He lives on Gamal Abdel Nasser Street in Cairo.") == []
    assert _texts("Visitors crowded the Tolvan Aresh Mosque.") == []
    # a place word that is an English family name too ends a name of two words
    assert _texts("Stuart Hall said the talks were useful.") == ["Stuart Hall"]
    # parks and gardens named after a person in Arabic and Persian
    assert _texts("افتتح أمس في حديقة الملك سلمان معرض للكتاب.") == []
    assert _texts("مراسم در پارک شهید چمران برگزار شد.") == []


def test_a_persian_possessive_written_apart_stays_in_the_role_phrase():
    found = find_mentions("بارو و همتای آلمانی اش یوهان کاردالی دیدار کردند")
    assert [(m.text, m.context) for m in found] == [("یوهان کاردالی", "همتای آلمانی اش")]
    found = find_mentions("بارو و همتای آلمانی خود یوهان کاردالی دیدار کردند")
    assert [(m.text, m.context) for m in found] == [("یوهان کاردالی", "همتای آلمانی خود")]
    # no role before it: the word is no context
    assert _texts("وزیر خارجه با همتای خود دیدار کرد") == []


def test_a_title_case_headline_ends_a_name_before_its_verb():
    text = "Sheikh Khalid Meets British Minister In London As Talks Continue\n\nThe talks went on."
    assert [(m.text, m.context) for m in find_mentions(text)] == [("Khalid", "Sheikh")]
    # in running text a capitalised family name after a given name stays
    assert _texts("Reporting by Donald Trump") == ["Donald Trump"]
    assert _texts("Donald Trump Meets Saudi Crown Prince In Riyadh") == ["Donald Trump"]


def test_the_persian_president_title_written_as_two_words():
    found = find_mentions("رئیس جمهور نیجریه بولا کاردالی روز دوشنبه گفت")
    assert [(m.text, m.context) for m in found] == [("بولا کاردالی", "رئیس جمهور نیجریه")]
    found = find_mentions("معاون رئیس جمهور ترکیه جودت کاردالی گفت")
    assert [(m.text, m.context) for m in found] == [("جودت کاردالی", "معاون رئیس جمهور ترکیه")]
