"""Tests of namematch.link: mention detection, coreference, linking, the demo corpus."""

from __future__ import annotations

import io
import json
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from namematch._demo import load_demo, run_demo
from namematch.link import Entity, LinkedMention, Mention, find_mentions, link, resolve_documents
from namematch.registry import Person, Registry

from .conftest import any_text, arabic_names, latin_names


def texts(s: str) -> list[str]:
    return [m.text for m in find_mentions(s)]


# -- English -----------------------------------------------------------------


def test_english_titles_and_context():
    ms = find_mentions("BAGHDAD - Iranian Foreign Minister Abbas Araghchi arrived in Baghdad on Sunday.")
    assert [m.text for m in ms] == ["Abbas Araghchi"]
    m = ms[0]
    assert m.context == "Iranian Foreign Minister"
    assert m.script == "latin"
    assert [u.norm for u in m.parsed.units] == ["abbas", "araghchi"]


def test_english_spans_are_exact():
    text = "Qatar's Prime Minister Sheikh Mohammed bin Abdulrahman Al Thani met Ishaq Dar, Pakistan's Deputy Prime Minister."
    ms = find_mentions(text)
    assert [m.text for m in ms] == ["Mohammed bin Abdulrahman Al Thani", "Ishaq Dar"]
    for m in ms:
        assert text[m.start : m.end] == m.text
    assert ms[0].honorific == "Sheikh"


def test_english_honorifics_particles_and_abbreviations():
    # the sayyid marker written bare is part of an official name; the honorific records it
    assert texts("Oman's Foreign Minister Sayyid Badr bin Hamad Al Busaidi spoke.") == ["Sayyid Badr bin Hamad Al Busaidi"]
    assert texts("He hosted his counterpart Dr. Badr Abdelatty in Ankara.") == ["Badr Abdelatty"]
    assert find_mentions("He hosted Dr. Badr Abdelatty.")[0].honorific == "Dr."
    assert texts("Syrian Foreign Minister Asaad al-Shaibani met them. Later, al-Shaibani left.") == [
        "Asaad al-Shaibani", "al-Shaibani"
    ]


def test_english_possessive_and_quotes_stripped():
    text = "Iranian Foreign Minister Abbas Araghchi arrived. Hussein welcomed Araghchi's visit."
    ms = find_mentions(text)
    assert [m.text for m in ms] == ["Abbas Araghchi", "Araghchi"]
    assert text[ms[1].end :].startswith("'s visit")


def test_english_rejects_orgs_places_agencies_months():
    text = (
        "The Iraqi News Agency (INA) said on Sunday in January that Tehran and Baghdad agreed. "
        "The Mehr news agency and IRNA reported it. The United Nations General Assembly met in New York. "
        "According to the Gulf Cooperation Council, Trade and Energy were discussed. Petra news agency said."
    )
    assert find_mentions(text) == []


def test_english_surname_only_needs_a_full_mention():
    assert texts("Pezeshkian receives guests.") == []
    assert texts("Pezeshkian receives guests. President Masoud Pezeshkian said.") == [
        "Pezeshkian", "Masoud Pezeshkian"
    ]


# -- Arabic and Persian ---------------------------------------------------------


def test_arabic_after_titles_and_roles():
    text = "استقبل نائب رئيس مجلس الوزراء وزير الخارجية فؤاد حسين، اليوم، السفير الإيراني محمد كاظم آل صادق في بغداد."
    ms = find_mentions(text)
    assert [m.text for m in ms] == ["فؤاد حسين", "محمد كاظم آل صادق"]
    assert ms[0].context.startswith("نائب رئيس")
    assert ms[1].script == "arabic"


def test_arabic_honorific_excluded_and_recorded():
    ms = find_mentions("استقبل معالي السيد إسحاق دار نائب رئيس الوزراء.")
    assert [m.text for m in ms] == ["إسحاق دار"]
    assert ms[0].honorific == "السيد"


def test_arabic_surname_seen_earlier_and_conjunction():
    text = "وزير الخارجية التركي هاكان فيدان، اليوم. وبحث فيدان والبوسعيدي العلاقات مع معالي السيد بدر بن حمد البوسعيدي وزير الخارجية."
    got = texts(text)
    assert "هاكان فيدان" in got and "فيدان" in got and "البوسعيدي" in got
    m = next(m for m in find_mentions(text) if m.text == "البوسعيدي")
    assert text[m.start - 1] == "و"  # the conjunction stays outside the span


def test_arabic_does_not_take_following_common_words():
    assert texts("وأكد الأمير فيصل أهمية مواصلة التشاور.") == ["فيصل"]


def test_arabic_quotes_followed_by_bisifa():
    text = "وصنفت الوزارة «أبو مهدي المهندس» بصفته قائدا."
    assert texts(text) == ["أبو مهدي المهندس"]


def test_persian_apposition_and_script():
    text = "تهران - سید عباس عراقچی، وزیر امور خارجه، روز دوشنبه در تهران با فؤاد حسین، معاون نخست‌وزیر عراق، دیدار کرد. عراقچی گفت."
    ms = find_mentions(text)
    assert [m.text for m in ms] == ["سید عباس عراقچی", "فؤاد حسین", "عراقچی"]
    assert ms[0].honorific == "سید"
    assert {m.script for m in ms} == {"persian"}
    assert find_mentions(text, lang="ar")[1].script == "persian"  # Persian letters in the name itself
    ms = find_mentions("اسحاق دار، معاون نخست‌وزیر پاکستان، با وزیر دیدار کرد.", lang="fa")
    assert [(m.text, m.script) for m in ms] == [("اسحاق دار", "persian")]


def test_persian_months_and_places_rejected():
    assert texts("نشست کمیسیون مشترک در دی‌ماه در بغداد برگزار شود. خبرگزاری مهر گزارش داد.") == []


# -- coreference and linking --------------------------------------------------------


def test_coreference_partial_to_full():
    text = "Italy's Tajani met Jordan's Foreign Minister Ayman Safadi and Antonio Tajani's aide. Safadi said."
    lms = link(text)
    by_text = {(lm.text, lm.start): lm for lm in lms}
    full = next(i for i, lm in enumerate(lms) if lm.text == "Antonio Tajani")
    assert lms[0].text == "Tajani" and lms[0].antecedent == full  # cataphora: headline before full name
    safadi_full = next(i for i, lm in enumerate(lms) if lm.text == "Ayman Safadi")
    assert lms[-1].text == "Safadi" and lms[-1].antecedent == safadi_full
    assert all(isinstance(lm, LinkedMention) for lm in by_text.values())


def test_coreference_ambiguous_surname_is_left_alone():
    text = "President Fuad Hussein met Minister Saddam Hussein. Hussein said."
    lms = link(text)
    assert lms[-1].text == "Hussein" and lms[-1].antecedent is None


def test_coreference_arabic():
    lms = link("الصفدي يستضيف اجتماعاً. استضاف وزير الخارجية أيمن الصفدي نظيره.")
    assert [lm.text for lm in lms] == ["الصفدي", "أيمن الصفدي"]
    assert lms[0].antecedent == 1


def test_link_with_registry():
    reg = Registry([Person("ir-araghchi", "Abbas Araghchi", ("عباس عراقجي",))])
    lms = link("Iranian Foreign Minister Abbas Araqchi arrived. Araqchi said.", reg)
    assert [lm.person.id if lm.person else None for lm in lms] == ["ir-araghchi", "ir-araghchi"]
    assert lms[0].score >= 0.7


def test_resolve_documents_cross_script_and_new_persons():
    reg = Registry([Person("tr-fidan", "Hakan Fidan", ())])
    docs = {
        "b": "وزير الخارجية التركي هاكان فيدان، اليوم، استقبل وزير الخارجية العُماني بدر بن حمد البوسعيدي في أنقرة.",
        "a": "Turkish Foreign Minister Hakan Fidan received Omani Foreign Minister Badr bin Hamad Al Busaidi.",
    }
    ents = resolve_documents(docs, reg)
    assert all(isinstance(e, Entity) for e in ents)
    assert ents[0].person is not None and ents[0].person.id == "tr-fidan"
    assert ents[0].doc_ids == ("a", "b")
    new = [e for e in ents if e.person is None]
    assert len(new) == 1 and new[0].doc_ids == ("a", "b")
    assert new[0].name == "Badr bin Hamad Al Busaidi"
    assert resolve_documents(dict(reversed(docs.items())), reg) == ents  # deterministic


# -- the demo corpus (acceptance) -------------------------------------------------------


def _gold() -> list[dict]:
    text = resources.files("namematch").joinpath("data", "demo", "gold.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def demo_entities() -> list[Entity]:
    docs, reg = load_demo()
    return resolve_documents(docs, reg)


def test_demo_mention_precision_recall():
    docs, _ = load_demo()
    gold = {(d["doc_id"], m["start"], m["end"]) for d in _gold() for p in d["persons"] for m in p["mentions"]}
    pred = {(doc_id, m.start, m.end) for doc_id, text in docs.items() for m in find_mentions(text)}
    tp = len(gold & pred)
    assert tp / len(gold) >= 0.95
    assert tp / len(pred) >= 0.9


def test_demo_every_person_in_two_scripts_is_one_entity(demo_entities):
    gold_person: dict[tuple[str, int, int], str] = {}
    scripts: dict[str, set[str]] = {}
    for d in _gold():
        for p in d["persons"]:
            for m in p["mentions"]:
                gold_person[(d["doc_id"], m["start"], m["end"])] = p["id"]
                latin = m["text"].isascii()
                scripts.setdefault(p["id"], set()).add("latin" if latin else "arabic")
    entity_of: dict[tuple[str, int, int], int] = {}
    for n, e in enumerate(demo_entities):
        for m in e.mentions:
            entity_of[(m.doc_id, m.start, m.end)] = n
    for pid, sc in scripts.items():
        if len(sc) < 2:
            continue
        ids = {entity_of.get(k) for k, v in gold_person.items() if v == pid}
        assert len(ids) == 1 and None not in ids, pid
    registry_ids = {e.person.id for e in demo_entities if e.person}
    assert {"ir-araghchi", "pk-dar", "tr-fidan", "om-albusaidi"} <= registry_ids
    assert "ir-zarif" not in registry_ids


def test_run_demo_prints_persons():
    out = io.StringIO()
    assert run_demo(out) == 0
    text = out.getvalue()
    assert "Abbas Araghchi" in text and "عراقچی" in text
    assert "New persons" in text and "Gharibabadi" in text


# -- bad input ------------------------------------------------------------------------


def test_none_and_wrong_types():
    with pytest.raises(TypeError, match="text"):
        find_mentions(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="text"):
        link(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="docs"):
        resolve_documents(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="registry"):
        link("x", registry="nope")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="docs"):
        resolve_documents({"a": None})  # type: ignore[dict-item]


def test_empty_and_odd_unicode():
    assert find_mentions("") == [] and link("") == [] and resolve_documents({}) == []
    for s in ["\ud800 President \udfff Ali", "\u200f\u202bوزير\u202c", "ـــ", "'s", "-- ,", "A" * 5000,
              "Minister", "الرئيس", "\u0301\u064b", "Ali\u0000Baba", "🙂 President 🙂 Ali 🙂"]:
        for m in find_mentions(s):
            assert isinstance(m, Mention)
            assert m.text == s[m.start : m.end] or "\ud800" in s


def test_large_text():
    # no timing here (the machine is shared): tests/test_link_mechanisms.py counts the
    # work on size-doubled input; this checks a large text goes through whole
    docs, _ = load_demo()
    base = "\n\n".join(docs.values())
    text = (base * (300_000 // len(base) + 1))[:300_000]
    ms = find_mentions(text)
    assert len(ms) > 1000
    assert all(text[m.start : m.end] == m.text for m in ms)
    assert [m.text for m in find_mentions("Ali " * 20_000 + "وزير محمد " * 20_000)][:1] == ["محمد"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(any_text, arabic_names, latin_names,
                          st.sampled_from(["Minister", "President", "وزير", "السيد", "،", ", ", "'s", "al-", "بصفة", "«", "»"])),
                max_size=12).map(" ".join))
def test_never_crashes(text):
    for m in find_mentions(text):
        assert 0 <= m.start < m.end <= len(text)
    link(text)


# -- the optional spaCy hook ------------------------------------------------------------


def test_spacy_hook():
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "PERSON", "pattern": "Zorg Blimp"},
                        {"label": "PERSON", "pattern": "Abbas Araghchi"}])
    text = "Zorg Blimp met Foreign Minister Abbas Araghchi."
    ms = find_mentions(text, nlp=nlp)
    assert [m.text for m in ms] == ["Zorg Blimp", "Abbas Araghchi"]
    assert texts(text) == ["Abbas Araghchi"]
