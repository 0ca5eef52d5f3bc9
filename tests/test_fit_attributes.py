"""Attributes as evidence in Registry.match, and registries from FollowTheMoney entities (invented records)."""

from __future__ import annotations

import json

import pytest

import namematch as nm
from namematch.cli import main


def namesakes() -> nm.Registry:
    return nm.Registry([
        nm.Person("eg-1", "Ahmed Hassan", attributes={"country": "EG", "birth_date": "1961-04-12", "gender": "male"}),
        nm.Person("iq-1", "Ahmed Hassan", attributes={"nationality": "Iraq", "birth_year": 1975,
                                                      "role": "Deputy Minister of Oil"}),
        nm.Person("ir-1", "Sattar Hashemi", attributes={"country": "IR"}),
    ])  # fmt: skip


def test_attributes_tell_namesakes_apart() -> None:
    reg = namesakes()
    assert reg.match("Ahmed Hassan", birth_year=1975).person.id == "iq-1"
    assert reg.match("Ahmed Hassan", birth_year="1961").person.id == "eg-1"
    assert reg.match("Ahmed Hassan", country="Iraqi").person.id == "iq-1"
    assert reg.match("Ahmed Hassan", country=["EGY"]).person.id == "eg-1"
    assert reg.match("Ahmed Hassan", role="minister").person.id == "iq-1"


def test_agreement_raises_and_conflict_lowers_the_chance() -> None:
    reg = nm.Registry([nm.Person("eg-1", "Ahmed Hassan", attributes={"country": "EG", "birth_year": 1961})])
    neutral = reg.match("Ahmed Hassan", gender="female")  # no gender on record: no evidence
    assert neutral is not None and neutral.evidence == ()
    agree = reg.match("Ahmed Hassan", country="Egypt")
    conflict = reg.match("Ahmed Hassan", country="Iraq", threshold=0.0)
    assert agree.chance > conflict.chance
    assert [e.finding for e in agree.evidence] == ["country agrees"]
    assert [e.finding for e in conflict.evidence] == ["country differs"]
    assert reg.match("Ahmed Hassan", country="Iraq", birth_year=1990) is None  # two conflicts: not this person
    assert reg.match("Ahmed Hassan", birth_year=1961, country="Egypt").chance > agree.chance


def test_a_rare_name_is_not_overturned_by_one_conflict() -> None:
    reg = namesakes()
    found = reg.match("Sattar Hashemi", country="Iraq")
    assert found is not None and found.person.id == "ir-1" and found.evidence[0].weight < 0


def test_explain_shows_each_attribute() -> None:
    found = namesakes().match("Ahmed Hassan", birth_year=1975, country="Iraq")
    text = str(found.explain())
    assert "attribute birth: birth year agrees" in text and "attribute country: country agrees" in text
    assert "+1.5 log-odds" in text


def test_bad_attribute_arguments() -> None:
    reg = namesakes()
    with pytest.raises(ValueError):
        reg.match("Ahmed Hassan", birth_year="unknown")
    with pytest.raises(TypeError):
        reg.match("Ahmed Hassan", birth_year=1975.5)  # type: ignore[arg-type]


# -- FollowTheMoney --------------------------------------------------------------------


def ftm_lines() -> list[str]:
    entities = [
        {"id": "nk-aaa", "schema": "Person", "caption": "Karim Haddad",
         "properties": {"name": ["Karim Haddad", "كريم حداد"], "alias": ["Kareem Hadad"], "weakAlias": ["Abu Samir"],
                        "birthDate": ["1970-02-01"], "nationality": ["lb"], "gender": ["male"],
                        "position": ["Deputy Minister of Finance"]}},
        {"id": "nk-bbb", "schema": "Company", "properties": {"name": ["Haddad Trading"]}},
        {"id": "nk-ccc", "schema": "Person", "properties": {"firstName": ["Leila"], "lastName": ["Nasser"],
                                                            "birthDate": ["1982", "1983"]}},
        {"id": "nk-ddd", "schema": "Sanction", "properties": {"entity": ["nk-aaa"]}},
    ]  # fmt: skip
    return [json.dumps(e, ensure_ascii=False) for e in entities]


def test_from_ftm_reads_persons_and_skips_other_entities(tmp_path) -> None:
    path = tmp_path / "entities.ftm.json"
    path.write_text("\n".join(ftm_lines()) + "\n", encoding="utf-8")
    reg = nm.Registry.from_ftm(path)
    assert reg.load_report.loaded == 2 and reg.load_report.ignored == 2 and reg.load_report.skipped == 0
    karim = reg.get("nk-aaa")
    assert karim.name == "Karim Haddad" and set(karim.aliases) == {"كريم حداد", "Kareem Hadad", "Abu Samir"}
    assert karim.attributes["birth_date"] == "1970-02-01" and karim.attributes["nationality"] == "lb"
    assert karim.attributes["role"] == "Deputy Minister of Finance"
    assert reg.get("nk-ccc").name == "Leila Nasser" and reg.get("nk-ccc").attributes["birth_date"] == ["1982", "1983"]
    assert reg.match("كريم حداد").person.id == "nk-aaa"
    assert reg.match("Karim Haddad", country="Lebanese", birth_year=1970).evidence
    # round trip: the persons as JSON lines and back
    reg.to_jsonl(tmp_path / "persons.jsonl")
    again = nm.Registry.from_jsonl(tmp_path / "persons.jsonl")
    assert sorted(again, key=lambda p: p.id) == sorted(reg, key=lambda p: p.id)


def test_from_ftm_reports_bad_lines(tmp_path) -> None:
    path = tmp_path / "entities.json"
    lines = ftm_lines()
    lines.insert(1, '{"id": "x", "schema": "Person", "properties": {"name": "not a list"')  # broken JSON
    lines.insert(2, '{"id": "y", "schema": "Person", "properties": {}}')  # no name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(nm.RegistryError) as info:
        nm.Registry.from_ftm(path)
    assert info.value.line == 2
    reg = nm.Registry.from_ftm(path, errors="skip")
    assert reg.load_report.loaded == 2 and [n for n, _why in reg.load_report.errors] == [2, 3]


def test_cli_reads_ftm_registries(tmp_path, capsys) -> None:
    path = tmp_path / "entities.jsonl"
    path.write_text("\n".join(ftm_lines()) + "\n", encoding="utf-8")
    assert main(["resolve", "Kareem Haddad", "--registry", str(path), "--format", "jsonl"]) == 0
    out = capsys.readouterr()
    assert json.loads(out.out)["id"] == "nk-aaa" and "2 entities that are not persons" in out.err
    assert main(["resolve", "Kareem Haddad", "--registry", str(path), "--registry-format", "ftm",
                 "--format", "jsonl"]) == 0
    assert json.loads(capsys.readouterr().out)["id"] == "nk-aaa"
