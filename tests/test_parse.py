from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import namematch as nm
from tests.conftest import any_text, names


def roles(name: str) -> list[tuple[str, str]]:
    return [(t.text, t.role) for t in nm.parse(name).tokens]


def unit_norms(name: str) -> list[str]:
    return [t.norm for t in nm.parse(name).units]


def test_abdullah_is_one_unit_in_both_spellings() -> None:
    assert unit_norms("عبدالله") == unit_norms("عبد الله") == ["عبدالله"]
    assert unit_norms("Abdullah") == unit_norms("Abd Allah") == unit_norms("Abdallah") == ["abdullah"]


@pytest.mark.parametrize("spelling", ["Abdul Mohsen", "Abdulmohsen", "Abdel Mohsen", "Abd al-Mohsen", "Abd-al-Mohsen"])
def test_abd_compounds(spelling: str) -> None:
    assert unit_norms(spelling) == ["abdulmohsen"]


def test_arabic_abd_compound() -> None:
    assert unit_norms("عبد المحسن") == unit_norms("عبدالمحسن") == ["عبدالمحسن"]


@pytest.mark.parametrize("spelling", ["Al-Yasiri", "al Yasiri", "Alyasiri", "El-Yasiri"])
def test_article_glued(spelling: str) -> None:
    units = nm.parse(spelling).units
    assert len(units) == 1 and units[0].core == "yasiri" and units[0].article == "al"


@pytest.mark.parametrize("word,core", [("Alqarnawi", "qarnawi"), ("Elmansouri", "mansouri"), ("Alzubaydi", "zubaydi")])
def test_glued_article_before_an_arabic_shaped_nisba(word: str, core: str) -> None:
    # invented nisbas: not listed anywhere, read as article + nisba by their shape
    (u,) = nm.parse(word).units
    assert (u.core, u.article) == (core, "al")


@pytest.mark.parametrize("word", ["Aleksey", "Alexei", "Aliaksei", "Alexandri", "Aleksiy", "Alyaksiy"])
def test_slavic_and_other_names_beginning_al_stay_whole(word: str) -> None:
    # a rest no romanised Arabic word has (x, ks): a Slavic or Greek given name, no nisba
    (u,) = nm.parse(word).units
    assert (u.core, u.article) == (word.lower(), "")


def test_sun_letter_article() -> None:
    (u,) = nm.parse("ad-Dulaimi").units
    assert u.core == "dulaimi" and u.article
    # "as" before a word not starting with s is not an article
    assert len(nm.parse("As Karim").units) == 2


def test_arabic_article_and_family_al() -> None:
    (u,) = nm.parse("الياسري").units
    assert (u.core, u.article) == ("ياسري", "ال")
    p = nm.parse("تميم بن حمد آل ثاني")
    assert p.family[0].article == "آل" and p.family[0].core == "ثاني"
    assert nm.parse("الياس").units[0].article == ""  # Elias is not al + yas


def test_honorifics_marked_in_both_scripts() -> None:
    assert nm.parse("Sayyid Sattar Hashemi").tokens[0].role == "honorific"
    assert nm.parse("سيد ستار هاشمي").tokens[0].role == "honorific"
    assert nm.parse("سید ستار هاشمی").tokens[0].role == "honorific"
    assert roles("H.E. Dr. Ali Velayati")[:2] == [("H.E", "honorific"), ("Dr", "honorific")]


def test_two_word_honorifics_and_titles_written_apart() -> None:
    # آية الله, حجة الإسلام, رئيس الوزراء: two tokens, one honorific or title
    assert [(t.norm, t.role) for t in nm.parse("آية الله علي خامنئي").tokens] == [
        ("ايهالله", "honorific"), ("علي", "given"), ("خامنيي", "family")]
    assert nm.parse("حجة الإسلام حسن روحاني").tokens[0].role == "honorific"
    assert [t.role for t in nm.parse("رئيس الوزراء محمد شياع السوداني").tokens][:2] == ["title", "given"]
    # a name that only looks like one (عبد الله) stays a name
    assert [t.role for t in nm.parse("عبد الله الثاني").tokens] == ["given", "family"]


def test_honorific_alone_is_a_name() -> None:
    assert roles("Sayed") == [("Sayed", "given")]


def test_titles() -> None:
    assert [r for _, r in roles("Foreign Minister Abbas Araghchi")] == ["title", "title", "given", "family"]
    assert [r for _, r in roles("وزير الخارجية عباس عراقجي")][:2] == ["title", "title"]


def test_lineage_chain() -> None:
    p = nm.parse("Mohammed bin Salman")
    assert [t.role for t in p.tokens] == ["given", "particle", "given"]
    assert p.units[1].lineage
    assert [t.role for t in nm.parse("محمد بن سلمان").tokens] == ["given", "particle", "given"]


def test_family_given_comma_order() -> None:
    p = nm.parse("AL-ZOMOR, Abboud Abdul Latif")
    assert p.family_first
    assert [t.norm for t in p.units] == ["abboud", "abdullatif", "alzomor"]
    assert [t.norm for t in p.family] == ["alzomor"]


def test_all_caps_family_name() -> None:
    p = nm.parse("Jamileh Abdullah AL-SHANTI")
    assert [t.core for t in p.family] == ["shanti"]
    p = nm.parse("KHALIL Iyad Nazmi")
    assert [t.norm for t in p.family] == ["khalil"]


def test_kunya_and_din_and_persian_suffix() -> None:
    assert unit_norms("Abu Mahdi al-Muhandis") == ["abumahdi", "almuhandis"]
    assert unit_norms("Nur al-Din") == unit_norms("Nur ad-Din") == ["nuruddin"]
    assert unit_norms("نور الدين") == ["نورالدين"]
    assert unit_norms("Mahmoud Ahmadi Nejad")[-1] == unit_norms("Mahmoud Ahmadinejad")[-1]
    assert unit_norms("زارع پور") == unit_norms("زارع\u200cپور") == unit_norms("زارعپور")


def test_initial() -> None:
    assert roles("S. Hashemi") == [("S", "initial"), ("Hashemi", "family")]


def test_an_arabic_script_letter_alone_is_an_initial() -> None:
    # Arabic abbreviates a name to its first letter and a dot, as Latin does
    assert roles("كريم س. يوسف") == [("كريم", "given"), ("س", "initial"), ("يوسف", "family")]
    assert roles("ج. نعمان")[0] == ("ج", "initial")


@pytest.mark.parametrize("bad", [None, 3.5, b"x"])
def test_parse_type_error(bad: object) -> None:
    with pytest.raises(TypeError):
        nm.parse(bad)  # type: ignore[arg-type]


def test_parse_empty() -> None:
    assert nm.parse("").tokens == ()
    assert nm.parse("  ,, ").units == ()


@given(names)
def test_parse_spans_round_trip(s: str) -> None:
    p = nm.parse(s)
    for t in p.tokens:
        assert s[t.start : t.end] == t.text
        assert t.norm


@given(any_text)
def test_parse_never_raises(s: str) -> None:
    p = nm.parse(s)
    assert p.to_dict()["source"] == s


def test_long_name_is_capped() -> None:
    p = nm.parse(" ".join(["Ali"] * 10_000))
    assert len(p.tokens) <= 64


def test_south_asian_religious_titles_are_honorifics() -> None:
    from namematch import parse

    assert parse("Maulavi Adam Khan").tokens[0].role == "honorific"
    assert [t.role for t in parse("Qari Rahmat").tokens] == ["honorific", "given"]
    assert parse("مولوي عبد الكبير").tokens[0].role == "honorific"
    assert [t.role for t in parse("Qari").tokens] == ["given"]  # alone it is the name


@pytest.mark.parametrize(
    ("name", "honorific", "names"),
    [
        ("Karim Mullah Fadel", "mullah", ["karim", "fadel"]),
        ("Tariq Mawlawi Qurtubi", "mawlawi", ["tariq", "qurtubi"]),
        ("QURTUBI, Tariq Mullah Karim", "mullah", ["tariq", "karim", "qurtubi"]),
        ("سمير ملا النوري", "mullah", ["سمير", "النوري"]),
        ("Mullah Karim Fadel", "mullah", ["karim", "fadel"]),
    ],
)
def test_a_religious_honorific_between_names_is_an_honorific(name: str, honorific: str, names: list[str]) -> None:
    parsed = nm.parse(name)
    assert [t.canonical for t in parsed.honorifics] == [honorific]
    assert [u.norm for u in parsed.units] == names


@pytest.mark.parametrize("name", ["Samir Nouri Mullah", "Karim Mufti", "Tariq Fadel Mulla"])
def test_a_last_honorific_word_stays_a_family_name(name: str) -> None:
    # Mulla and Mufti are also family names
    assert nm.parse(name).tokens[-1].role == "family"


def test_a_name_honorific_is_read_inside_a_name_only_where_the_table_says_so() -> None:
    # Sayed and Mirza are also given and family names: between names they stay names
    assert [t.role for t in nm.parse("Karim Sayed Fadel").tokens] == ["given", "given", "family"]
    assert [t.role for t in nm.parse("Karim Mirza Fadel").tokens] == ["given", "given", "family"]
    # Sheikh and Haji between names are often names of their own (a Somali father's name, a
    # Persian family name written apart)
    assert [t.role for t in nm.parse("Tariq Sheikh Qurtubi").tokens] == ["given", "given", "family"]
    assert [t.role for t in nm.parse("Tariq Haji Qurtubi").tokens] == ["given", "given", "family"]
    assert nm.parse("Sheikh Tariq Qurtubi").tokens[0].role == "honorific"


def test_abed_is_a_head_only_before_the_article_or_the_divine_name() -> None:
    # Abed spells عبد and is also a given name (عابد)
    assert [(u.norm, u.head) for u in nm.parse("Abed Karim Haddad").units][:2] == [("abed", ""), ("karim", "")]
    for name in ("Abed al-Karim Haddad", "Abed Elkarim Haddad", "Abed Allah Haddad", "Abed ar-Razzaq Haddad"):
        first = nm.parse(name).units[0]
        assert first.head == "abd" and first.norm.startswith("abdul"), name
    assert nm.parse("Karim Abed").units[-1].norm == "abed"


@given(st.text(alphabet="ab ,;،؛-'", max_size=30))
def test_parts_split_where_a_separator_stands_between_two_tokens(text: str) -> None:
    from namematch._text import Word, tokens
    from namematch.parse import _split_parts

    toks = tokens(text, Word)
    expected: list[list[int]] = [[]]
    prev_end = 0
    for t in toks:  # a new part after a comma or semicolon in the gap before a token
        if expected[-1] and any(c in text[prev_end : t.start] for c in ",;،؛"):
            expected.append([])
        expected[-1].append(t.start)
        prev_end = t.end
    assert [[t.start for t in part] for part in _split_parts(text, toks)] == [p for p in expected if p]


#: Words of invented ASCII names: plain names, names with a glued article or compound, and
#: the particles, honorifics and titles the parser reads (which send a name to the parser).
_ASCII_WORDS = [
    "karim", "fadel", "nouri", "tariq", "qurtubi", "alqurtubi", "abdelkarim", "abdurrahman", "binfadel",
    "abunouri", "nuruddin", "rahmatullah", "fadelzada", "benjamin", "x", "h", "e", "s", "al", "el", "bin",
    "ibn", "abu", "abd", "din", "ud", "sayyid", "sheikh", "mullah", "haji", "minister", "foreign", "ayatollah",
    "2", "o'nouri", "al-karim", "El fadel", "AL-QURTUBI", "al-bin", "al-e", "al-din", "al", "el",
]  # fmt: skip
_SEPARATORS = [" ", " ", " ", ", ", "; ", "-", " . ", ","]


@given(
    st.lists(
        st.tuples(st.sampled_from(_ASCII_WORDS), st.sampled_from(["lower", "upper", "title"]),
                  st.sampled_from(_SEPARATORS)),
        min_size=1, max_size=6,
    )
)  # fmt: skip
def test_plain_ascii_names_read_without_the_parser_read_as_the_parser_reads_them(
    words: list[tuple[str, str, str]],
) -> None:
    from namematch.parse import _parsed_fields, _plain_ascii_fields

    name = "".join(getattr(w, case)() + sep for w, case, sep in words)
    plain = _plain_ascii_fields(name)
    assert plain is None or plain == _parsed_fields(name)


def test_plain_ascii_names_take_the_short_reading() -> None:
    from namematch.parse import _plain_ascii_fields

    assert _plain_ascii_fields("QURTUBI, Tariq Karim") is not None
    assert _plain_ascii_fields("Tariq K. Alqurtubi") is not None
    assert _plain_ascii_fields("AL-QURTUBI, Tariq Karim") is not None  # an article and its word
    # a particle, an honorific, an apostrophe or a digit: the parser reads it
    for name in ("Tariq bin Karim", "Sheikh Tariq Karim", "Tariq O'Nouri", "Tariq Karim 2", "Nur al-Din Karim",
                 "Tariq Karim al"):
        assert _plain_ascii_fields(name) is None
