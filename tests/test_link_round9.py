"""Mechanisms of the linker for wire copy that names officials after long role phrases:
a role's complement naming an institution (a genitive chain, a demonstrative and its noun,
a list of portfolios), portfolios in capitals before a comma, South Asian names with the
title word Sultan inside them, programmes and banks named in French or Spanish, a tribal
nisba after three given names, and a lone given name among nasab chains. All text is
invented."""

from __future__ import annotations

from namematch.link import find_mentions, link


def _texts(text: str) -> list[str]:
    return [m.text for m in find_mentions(text)]


def test_role_phrase_naming_an_institution_is_read_past_to_the_given_name():
    assert _texts("والتقى الوزير رئيس حزب الجبهة الوطنية سالم عودة في مكتبه.") == ["سالم عودة"]
    assert _texts("وقال زعيم التيار المدني الديمقراطي كريم دحام إن الحوار مستمر.") == ["كريم دحام"]
    assert _texts("أعلن رئيس اللجنة العليا لشؤون المفقودين خالد الحمداني انتهاء المرحلة.") == ["خالد الحمداني"]


def test_demonstrative_and_portfolio_list_inside_a_persian_role_phrase():
    assert _texts("سخنگوی این کمیسیون، حسین کاظمی، گفت که گزارش آماده است.") == ["حسین کاظمی"]
    assert _texts("وزیر تعاون، کار و رفاه اجتماعی سیدحسن نادری در جلسه حاضر شد.") == ["سیدحسن نادری"]


def test_portfolio_in_capitals_between_a_role_and_the_comma():
    found = find_mentions("Ghana's Minister of State for Fisheries Development, Kwame Osei-Bonsu, said.")
    assert [(m.text, m.context) for m in found] == [("Kwame Osei-Bonsu", "Minister of State for Fisheries Development")]


def test_sultan_between_a_given_name_and_a_name_word_is_a_name_element():
    assert _texts("The Election Commissioner, Imran Sultan Malik, will brief the house.") == ["Imran Sultan Malik"]
    assert _texts("Prince Faisal bin Sultan arrived.") == ["Faisal bin Sultan"]


def test_programmes_and_banks_named_in_french_or_spanish_are_no_persons():
    assert _texts("Funds went to the Rashida Income Support Programme last year.") == []
    assert _texts("Officials of the Banque du Maroc and the Banco de Lima met.") == []


def test_tribal_nisba_after_three_given_names_under_a_title():
    assert _texts("وأعلن القاضي حامد علي عبود العبادي الذي ترأس الجلسة القرار.") == ["حامد علي عبود العبادي"]


def test_lone_given_name_points_to_the_name_it_starts_not_to_a_nasab():
    text = ("استقبل الشيخ فهد بن ناصر بن خالد آل ثاني الوفد. وحضرت الأميرة نورة بنت فهد بن سعد اللقاء. "
            "وقال الشيخ فهد إن التعاون مستمر.")
    linked = link(text)
    lone = [lm for lm in linked if lm.text == "فهد"]
    assert lone and all(linked[lm.antecedent].text.startswith("فهد بن ناصر") for lm in lone if lm.antecedent is not None)
    assert all(lm.antecedent is not None for lm in lone)


def test_persian_text_reads_no_arabic_proclitic_off_a_foreign_name():
    # (read as Arabic, فراهول would be the conjunction ف and the given name راهول)
    assert _texts("دیروز یوهان فراهول به تهران رسید و با مقامات دیدار کرد.") == ["یوهان فراهول"]
