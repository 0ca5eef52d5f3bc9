"""Each mechanism of the linker on invented text: proclitics, Persian compounds written
without ZWNJ, quotes and guillemets, English possessives, the word-frequency veto,
context conflicts between namesakes, display names, and linear work on dense text."""

from __future__ import annotations

import random

import pytest

from namematch.link import _arabic, _documents, find_mentions, link, resolve_documents
from namematch.link._documents import context_countries, resolution_form
from namematch.registry import Person, Registry
from namematch.romanize import romanize


def texts(s: str, lang: str | None = None) -> list[str]:
    return [m.text for m in find_mentions(s, lang)]


# -- Arabic-script morphology ---------------------------------------------------------------


def test_proclitics_stay_outside_the_span():
    text = "التقى وزير الخارجية العراقي سعيد الجبوري نظيره. وأشاد بالجبوري الحاضرون، وقال للجبوري إن الزيارة مهمة."
    ms = find_mentions(text)
    assert [m.text for m in ms] == ["سعيد الجبوري", "الجبوري", "جبوري"]
    assert text[ms[1].start - 1] == "ب"  # بالجبوري: the preposition is outside
    assert text[ms[2].start - 2 : ms[2].start] == "لل"  # للجبوري: ل + the article's lam


def test_conjunction_before_a_full_name():
    text = "استقبل رئيس الوزراء كريم الحداد الوفد. وشكر الوفد ولكريم الحداد حسن الضيافة."
    ms = find_mentions(text)
    assert [m.text for m in ms][:1] == ["كريم الحداد"]
    assert "كريم الحداد" in [m.text for m in ms[1:]]
    second = next(m for m in ms[1:] if m.text == "كريم الحداد")
    assert text[second.start - 2 : second.start] == "ول"


def test_persian_compounds_without_zwnj():
    ms = find_mentions("دیدار سیدحسن موسوی پور با رئیس مجلس. موسوی پور گفت که همکاری ادامه دارد.")
    assert [m.text for m in ms] == ["سیدحسن موسوی پور", "موسوی پور"]
    assert [m.text for m in find_mentions("محمدرضا کاظمینژاد، وزیر نیرو، امروز به بغداد رفت.")] == ["محمدرضا کاظمینژاد"]
    # for the scorer, a glued given name is split and a detached suffix glued back
    assert resolution_form("سیدحسن موسوی پور").split() == ["سید", "حسن", "موسوی\u200cپور"]
    assert resolution_form("فیصل بنفرحان").split()[1:] == ["بن", "فرحان"]


def test_persian_letters_in_arabic_text_and_arabic_letters_in_persian():
    assert texts("استقبل الوزير كريم الحداد ضيفه.") == texts("استقبل الوزير کریم الحداد ضيفه.".replace("کریم", "كريم"))
    ms = find_mentions("ديدار آقاي حسن موسوي پور با وزير انجام شد.", lang="fa")
    assert [m.text for m in ms] == ["حسن موسوي پور"] and ms[0].script == "persian"


def test_guillemets_and_quotes():
    assert texts("وقالت الوزارة إن «سامر العبيدي» هو المسؤول عن الملف.") == ["سامر العبيدي"]
    assert texts('وأكد المتحدث "هشام الكبيسي" أن الاجتماع كان مثمرا.') == ["هشام الكبيسي"]
    # quoted ordinary words are no name
    assert texts("وقالت الوزارة إن «المرحلة المقبلة» صعبة.") == []


# -- English ---------------------------------------------------------------------------------


def test_possessive_and_sentence_initial_surname():
    text = "The minister met Karim Haddadi's delegation. Later, Haddadi said talks went well."
    ms = find_mentions(text)
    assert [m.text for m in ms] == ["Karim Haddadi", "Haddadi"]
    assert text[ms[0].end :].startswith("'s")


def test_frequency_veto_english():
    assert texts("The Special Envoy arrived. Peace Initiative talks resumed on Monday in Geneva.") == []
    # a family name that is also a common word stays after a given name
    assert texts("He thanked President Donald Trump for the visit.") == ["Donald Trump"]


def test_frequency_veto_arabic_and_persian():
    assert texts("أكد وزير الخارجية جديد التوصل إلى اتفاق.") == []
    assert texts("وصل وزير الخارجية القطري إلى بغداد. وعقد الوزير اجتماعا.") == []
    assert texts("دیدار وزیر خارجه با همتای خود انجام شد. خود وزیر گفت.") == []
    # a verb after a name is not part of it
    assert texts("وزيرة الاتصالات هيام الدليمي استقبلت الوفد.") == ["هيام الدليمي"]


def test_family_name_not_cut_and_verbs_not_swallowed():
    assert texts("رئيس الوزراء العراقي محمد شياع الكبيسي استقبل ضيفه.") == ["محمد شياع الكبيسي"]
    assert texts("وأجرى علي باقري الزبيدي محادثات مع نظيره.") == ["علي باقري الزبيدي"]


# -- context -------------------------------------------------------------------------------------


def test_context_holds_roles_and_nationality():
    ms = find_mentions("وزير الخارجية العراقي سعيد الجبوري يزور طهران.")
    assert ms[0].context == "وزير الخارجية العراقي"
    assert context_countries(ms[0].context) == {"iraq"}
    assert context_countries("Iranian Foreign Minister") == {"iran"}


def test_context_conflict_keeps_namesakes_apart_without_registry():
    docs = {
        "a": "Iraqi Foreign Minister Sami Haddadi arrived in Tehran.",
        "b": "Bahraini Foreign Minister Sami Haddadi arrived in Cairo.",
        "c": "Foreign Minister Sami Haddadi spoke in Baghdad.",
    }
    ents = resolve_documents(docs)
    by_doc = {m.doc_id: n for n, e in enumerate(ents) for m in e.mentions}
    assert by_doc["a"] != by_doc["b"]


def test_context_conflict_with_registry():
    reg = Registry([Person("lb-haddadi", "Sami Haddadi", attributes={"country": "Lebanon", "role": "Minister"})])
    assert link("Lebanese Foreign Minister Sami Haddadi arrived.", reg)[0].person is not None
    assert link("Iraqi Foreign Minister Sami Haddadi arrived.", reg)[0].person is None
    assert link("Minister Sami Haddadi arrived.", reg)[0].person is not None


def test_namesakes_sharing_a_family_name_are_not_merged():
    docs = {
        "a": "President Karim Haddadi opened the session. Haddadi said.",
        "b": "Foreign Minister Samir Haddadi met his counterpart.",
        "c": "وزير الخارجية سمير الحدادي التقى نظيره.",
    }
    ents = resolve_documents(docs)
    karim = next(e for e in ents if "Karim Haddadi" in e.spellings)
    samir = next(e for e in ents if "Samir Haddadi" in e.spellings)
    assert karim is not samir
    assert "سمير الحدادي" in samir.spellings  # one person across scripts


def test_a_bare_common_surname_joins_only_its_own_document():
    docs = {
        "a": "Foreign Minister Fuad Hussein met the delegation. Hussein said.",
        "b": "Crowds marked the day of Hussein in Karbala.",
    }
    ents = resolve_documents(docs)
    full = next(e for e in ents if "Fuad Hussein" in e.spellings)
    assert full.doc_ids == ("a",)


# -- display names ---------------------------------------------------------------------------


def test_arabic_only_entity_is_named_in_the_press_style_of_romanize():
    (entity,) = [e for e in resolve_documents({"a": "استقبل الوزير كريم بن سعيد الحداد ضيفه."}) if e.mentions]
    assert entity.name == romanize(entity.mentions[0].text, style="display")
    assert " bin " in entity.name and entity.name[:1].isupper()


def test_display_names_are_capitalised_latin():
    docs = {
        "a": "وزير الخارجية العراقي سعيد الجبوري يزور طهران.",
        "b": "Iraqi Foreign Minister Saeed al-Jubouri arrived in Tehran. Al-Jubouri said.",
        "c": "استقبل الوزير كريم الحداد ضيفه.",
    }
    for e in resolve_documents(docs):
        assert e.name[:1].isupper() and e.name.isascii(), e.name
        latin = [m.text for m in e.mentions if m.script == "latin"]
        if latin:
            assert e.name in latin


# -- document ids ------------------------------------------------------------------------------


def test_document_ids_must_be_str():
    with pytest.raises(TypeError, match="document ids"):
        resolve_documents({1: "President Karim Haddadi spoke.", "1": "Minister Samir Haddadi spoke."})  # type: ignore[dict-item]


# -- linear work on dense text -----------------------------------------------------------------


def _words(n: int, seed: int = 3) -> list[str]:
    rng = random.Random(seed)
    letters = "بتثجحخدذرزسشصضطظعغفقكمنهي"
    out: set[str] = set()
    while len(out) < n:
        out.add("".join(rng.choice(letters) for _ in range(6)))
    return sorted(out)


def _dense(n: int) -> str:
    ws = _words(n)
    return " ".join(f"وزير محمد بن {w} . بن {w}" for w in ws) + " " + "وزير محمد علي . محمد علي " * n


def _count_calls(monkeypatch, obj, name):
    calls = [0]
    original = getattr(obj, name)

    def counting(*args, **kwargs):
        calls[0] += 1
        return original(*args, **kwargs)

    monkeypatch.setattr(obj, name, counting)
    return calls


def test_mention_finding_work_grows_linearly(monkeypatch):
    calls = _count_calls(monkeypatch, _arabic.ArabicDetector, "read_name")
    find_mentions(_dense(200))
    small = calls[0]
    calls[0] = 0
    find_mentions(_dense(400))
    assert calls[0] <= 2.2 * small


def _news(n: int) -> dict[str, str]:
    """n documents; each family name is shared by two persons with different given names."""
    given = ["محمد", "علي", "حسن", "سعيد", "كريم", "سامر", "هشام", "وليد"]
    fams = _words(n // 2 + 1)
    return {f"d{k:05d}": f"وزير الخارجية {given[k % len(given)]} {fams[k // 2]} يزور بغداد. وقال {fams[k // 2]}."
            for k in range(n)}


def test_cross_document_comparisons_grow_linearly(monkeypatch):
    calls = _count_calls(monkeypatch, _documents, "default_score")
    resolve_documents(_news(150))
    small = calls[0]
    assert small >= 50
    calls[0] = 0
    resolve_documents(_news(300))
    assert calls[0] <= 2.5 * small


def test_registry_namesakes_told_apart_by_office():
    reg = Registry([
        Person("xx-king", "Salim bin Rashid Al Kabir", attributes={"country": "Oman", "role": "King"}),
        Person("xx-prince", "Salim bin Rashid Al Kabir", aliases=("Salim Al Kabir",),
               attributes={"country": "Oman", "role": "Crown Prince and Minister of Defence"}),
    ])
    king = link("King Salim bin Rashid Al Kabir received the envoys.", reg)[0]
    prince = link("Crown Prince Salim bin Rashid Al Kabir received the envoys.", reg)[0]
    assert king.person is not None and prince.person is not None
    assert {king.person.id, prince.person.id} == {"xx-king", "xx-prince"}
