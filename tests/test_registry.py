from __future__ import annotations

import json
import math
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import namematch as nm
from namematch.registry import Candidate, Person, Registry, RegistryError, RegistryFormatError

PERSONS = [
    Person("q1", "Qassem Soleimani", ("قاسم سليماني", "Ghasem Soleymani"), {"country": "IR"}),
    Person("h1", "Sattar Hashemi", ("سيد ستار هاشمي",), {"role": "minister"}),
    Person("p1", "Masoud Pezeshkian", ("مسعود پزشکیان",)),
    Person("k1", "Naseer Abdul Mohsen Abdullah al-Kharawi", ("نصير عبد المحسن عبد الله الخراوي",)),
    Person("m1", "Muhammad bin Salman", ("محمد بن سلمان",)),
    Person("m2", "Salman bin Muhammad"),
    Person("a1", "Abbas Araghchi", ("عباس عراقجي",)),
]


@pytest.fixture
def reg() -> Registry:
    return Registry(PERSONS)


def test_person_validation() -> None:
    with pytest.raises(ValueError):
        Person("", "Ali")
    with pytest.raises(ValueError):
        Person("x", "  ")
    with pytest.raises(TypeError):
        Person("x", None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Person("x", "Ali", aliases="Ali Ahmad")  # type: ignore[arg-type]
    p = Person("x", "Ali", ["A", "A", ""], {"k": 1})
    assert p.aliases == ("A",)
    with pytest.raises(TypeError):
        p.attributes["k"] = 2  # type: ignore[index]
    assert Person.from_dict(p.to_dict()) == p
    assert hash(p) == hash(Person.from_dict(p.to_dict()))


def test_resolve_and_match(reg: Registry) -> None:
    assert reg.match("Kassem Suleimani").person.id == "q1"
    assert reg.match("ستار هاشمي").person.id == "h1"
    assert reg.match("Nasir Abd al-Muhsin Abdallah al-Kharawi").person.id == "k1"
    assert reg.match("Angela Merkel") is None
    cands = reg.resolve("Muhammad bin Salman", limit=5)
    assert cands[0].person.id == "m1"
    assert all(isinstance(c, Candidate) for c in cands)
    assert [c.score for c in cands] == sorted((c.score for c in cands), reverse=True)
    assert cands[0].explain().score == cands[0].score


def test_add_remove_get(reg: Registry) -> None:
    assert len(reg) == len(PERSONS)
    assert reg.get("q1").name == "Qassem Soleimani"
    assert "q1" in reg
    with pytest.raises(ValueError, match="duplicate"):
        reg.add(PERSONS[0])
    reg.remove("q1")
    assert reg.get("q1") is None and len(reg) == len(PERSONS) - 1
    assert reg.match("Qassem Soleimani") is None
    with pytest.raises(KeyError):
        reg.remove("q1")
    reg.add(PERSONS[0])
    assert reg.match("Qassem Soleimani").person.id == "q1"
    assert sorted(p.id for p in reg) == sorted(p.id for p in PERSONS)


def test_jsonl_round_trip(tmp_path: Path, reg: Registry) -> None:
    path = tmp_path / "reg.jsonl"
    reg.to_jsonl(path)
    again = Registry.from_jsonl(path)
    assert sorted(again, key=lambda p: p.id) == sorted(reg, key=lambda p: p.id)
    assert again.load_report.loaded == len(PERSONS)


def test_bad_jsonl_lines_reported(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    lines = [
        json.dumps(PERSONS[0].to_dict()),
        "{broken json",
        json.dumps({"id": "x"}),
        json.dumps(PERSONS[0].to_dict()),
        json.dumps(PERSONS[1].to_dict(), ensure_ascii=False),
    ]
    path.write_bytes(("\n".join(lines) + "\n").encode() + b"\xff\xfe bad bytes\n")
    with pytest.raises(RegistryError) as err:
        Registry.from_jsonl(path)
    assert err.value.line == 2 and "bad.jsonl:2" in str(err.value)
    reg = Registry.from_jsonl(path, errors="skip")
    rep = reg.load_report
    assert rep.loaded == 2 and rep.skipped == 4
    assert [n for n, _ in rep.errors] == [2, 3, 4, 6]
    assert "duplicate" in dict(rep.errors)[4]
    with pytest.raises(ValueError):
        Registry.from_jsonl(path, errors="ignore")


def test_utf16_file(tmp_path: Path) -> None:
    path = tmp_path / "u16.jsonl"
    path.write_text(json.dumps(PERSONS[1].to_dict(), ensure_ascii=False) + "\n", encoding="utf-16")
    assert Registry.from_jsonl(path).get("h1").aliases == PERSONS[1].aliases


def test_csv(tmp_path: Path) -> None:
    path = tmp_path / "reg.csv"
    path.write_text(
        "id,name,aliases,country\n"
        "q1,Qassem Soleimani,قاسم سليماني|Ghasem Soleymani,IR\n"
        "bad,,x,IR\n"
        "h1,Sattar Hashemi,,IR\n"
        "short,row\n",
        encoding="utf-8",
    )
    with pytest.raises(RegistryError) as err:
        Registry.from_csv(path)
    assert err.value.line == 3
    reg = Registry.from_csv(path, errors="skip")
    assert reg.load_report.loaded == 2 and reg.load_report.skipped == 2
    assert reg.get("q1").aliases == ("قاسم سليماني", "Ghasem Soleymani")
    assert reg.get("q1").attributes["country"] == "IR"


def test_csv_unterminated_quote_is_an_error_even_when_skipping(tmp_path: Path) -> None:
    # the open quote swallows the rest of the file: skipping it would drop those records silently
    path = tmp_path / "reg.csv"
    path.write_text('id,name,aliases\nh1,Sattar Hashemi,\nq1,"Qassem Soleimani,x\nm1,Masoud Pezeshkian,\n',
                    encoding="utf-8")
    for errors in ("raise", "skip"):
        with pytest.raises(RegistryError, match="malformed CSV") as err:
            Registry.from_csv(path, errors=errors)
        assert err.value.line == 3


def test_save_load_round_trip(tmp_path: Path, reg: Registry) -> None:
    path = tmp_path / "reg.nmx"
    reg.remove("m2")
    reg.save(path)
    loaded = Registry.load(path)
    assert len(loaded) == len(reg)
    assert sorted(p.id for p in loaded) == sorted(p.id for p in reg)
    for mention in ["Kassem Suleimani", "ستار هاشمي", "مسعود پزشکیان", "Angela Merkel", "Abbas Araqchi"]:
        a, b = reg.match(mention), loaded.match(mention)
        assert (a and (a.person.id, a.score)) == (b and (b.person.id, b.score))
    # deterministic rebuild
    path2 = tmp_path / "again.nmx"
    Registry(list(reg)).save(path2)
    Registry(list(reg)).save(tmp_path / "again2.nmx")
    assert (tmp_path / "again2.nmx").read_bytes() == path2.read_bytes()
    # a loaded registry can still change
    loaded.add(Person("z", "Mohammad Javad Zarif"))
    assert loaded.match("Mohammad Javad Zarif").person.id == "z"


def test_load_refuses_foreign_files(tmp_path: Path, reg: Registry) -> None:
    bogus = tmp_path / "x.nmx"
    bogus.write_text("not a database")
    with pytest.raises(RegistryFormatError):
        Registry.load(bogus)
    with pytest.raises(RegistryError):
        Registry.load(tmp_path / "missing.nmx")
    import sqlite3

    path = tmp_path / "old.nmx"
    reg.save(path)
    for version in ("999", "five"):  # another version, or not a number at all
        con = sqlite3.connect(path)
        con.execute("UPDATE meta SET value=? WHERE key='format'", (version,))
        con.commit()
        con.close()
        with pytest.raises(RegistryFormatError, match=f"format {version}"):
            Registry.load(path)


def test_load_refuses_an_index_built_with_another_lexicon(tmp_path: Path, reg: Registry) -> None:
    # retrieval keys name lexicon groups by position: with another lexicon they find other aliases
    from namematch.resources import Resources

    path = tmp_path / "reg.nmx"
    reg.save(path)
    assert Registry.load(path).match("Kassem Suleimani") is not None
    tiny = nm.Scorer(resources=Resources.build(lexicon_lines=(["-\tzarepour|zareepour\t5"], [], [])))
    with pytest.raises(RegistryFormatError, match="other name data"):
        Registry.load(path, scorer=tiny)
    assert Registry.load(path).match("Kassem Suleimani") is not None
    # saved with those resources, it loads with them (and not with the shipped ones)
    other = tmp_path / "other.nmx"
    Registry(scorer=tiny).save(other)
    Registry.load(other, scorer=tiny)
    with pytest.raises(RegistryFormatError, match="other name data"):
        Registry.load(other)


def test_concurrent_resolve_equals_serial(reg: Registry) -> None:
    mentions = ["Kassem Suleimani", "ستار هاشمي", "Masoud Pezeshkian", "Muhammad bin Salman", "Abbas Araqchi"] * 20
    serial = [[(c.person.id, c.score) for c in reg.resolve(m)] for m in mentions]
    results: dict[int, list] = {}

    def work(k: int) -> None:
        results[k] = [[(c.person.id, c.score) for c in reg.resolve(m)] for m in mentions]

    threads = [threading.Thread(target=work, args=(k,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(results[k] == serial for k in range(8))


def test_concurrent_reads_during_writes(reg: Registry) -> None:
    errors: list[BaseException] = []
    stop = threading.Event()

    def reader() -> None:
        try:
            while not stop.is_set():
                c = reg.match("Kassem Suleimani")
                assert c is not None and c.person.id == "q1"
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=reader) for _ in range(8)]
    for t in threads:
        t.start()
    for k in range(200):
        reg.add(Person(f"extra{k}", f"Person Number{k} Zadeh"))
    stop.set()
    for t in threads:
        t.join()
    assert not errors
    assert len(reg) == len(PERSONS) + 200


def test_add_while_a_reader_views_a_posting_list(reg: Registry) -> None:
    # retrieval reads posting lists through numpy views, which pin an array's
    # size: a writer appending to a viewed list must grow a copy, not fail
    from namematch._index import as_ids, name_keys

    key = sorted(name_keys("Qassem Soleimani").units[0])[0]
    view = as_ids(reg._state.index.postings[key])
    reg.add(Person("q-new", "Qasem Soleimany Rad"))
    assert len(view) == len(reg._state.index.postings[key]) - 1  # the reader's view is unchanged
    assert reg.get("q-new") is not None
    assert any(reg._aliases[a][1] == "Qasem Soleimany Rad" for a in reg.retrieve("Qasem Soleimany Rad"))


def test_atomic_save_survives_killed_writer(tmp_path: Path, reg: Registry) -> None:
    path = tmp_path / "reg.jsonl"
    reg.to_jsonl(path)
    before = path.read_bytes()
    code = (
        "import os, namematch._files\n"
        "def boom(fh):\n    fh.write('partial'); fh.flush(); os._exit(9)\n"
        f"namematch._files.atomic_write({str(path)!r}, boom)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True)
    assert proc.returncode == 9
    assert path.read_bytes() == before


def test_resolve_type_errors(reg: Registry) -> None:
    with pytest.raises(TypeError):
        reg.resolve(None)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        reg.resolve("Ali", limit=0)
    with pytest.raises(TypeError):
        reg.add("not a person")  # type: ignore[arg-type]
    assert reg.resolve("") == []


def test_resolve_many_and_match_many(reg: Registry) -> None:
    out = reg.match_many(["Kassem Suleimani", "Angela Merkel"], progress=True)
    assert out[0].person.id == "q1" and out[1] is None
    assert len(reg.resolve_many(["ستار هاشمي"])) == 1


_names = st.sampled_from([p.name for p in PERSONS] + [a for p in PERSONS for a in p.aliases])


@settings(max_examples=30)
@given(_names)
def test_own_names_resolve_to_their_person(name: str) -> None:
    reg = Registry(PERSONS)
    owners = {p.id for p in PERSONS if name in p.names}
    found = reg.match(name)
    assert found is not None and found.person.id in owners
    assert nm.score(name, found.alias) == found.score


# -- registry-level decision (namematch._decide) ---------------------------
TIKRITI = [
    Person("qusay", "Qusay Saddam Hussein al-Tikriti"),
    Person("rana", "Rana Saddam Hussein al-Tikriti"),
]


def test_match_third_relative_is_none() -> None:
    reg = Registry(TIKRITI)
    # both relatives score high against a mention of a third one: no match
    assert [c.person.id for c in reg.resolve("Ali Saddam Hussein al-Tikriti")] == ["rana", "qusay"]
    assert reg.match("Ali Saddam Hussein al-Tikriti") is None
    assert reg.match("Hala Saddam Hussein al-Tikriti") is None
    # the relatives themselves still resolve, in both scripts
    assert reg.match("Qusai Saddam Husayn al-Tikriti").person.id == "qusay"
    assert reg.match("قصي صدام حسين التكريتي").person.id == "qusay"
    assert reg.match_many(["Rana Saddam Husayn al-Tikriti", "Ali Saddam Hussein al-Tikriti"])[1] is None


def test_match_margin_rejects_a_tie_between_relatives() -> None:
    # a mention with only an initial in front reads as either child, equally well
    reg = Registry(TIKRITI)
    mention = "S. Saddam Hussein al-Tikriti"
    best = reg.match(mention, threshold=0.0, margin=0)
    assert best is not None and best.chance >= reg.match_threshold  # confident on its own ...
    assert reg.match(mention) is None  # ... but not ahead of the other relative
    assert reg.match(mention, margin=0) == best
    assert Registry(TIKRITI, margin=0).match(mention) == best
    assert Registry(TIKRITI[:1]).match(mention).person.id == "qusay"  # one relative listed: no rival
    # a partial name is confident on the pair level, less among a family's records, and
    # names neither child while both are listed
    pair = reg.resolve("Saddam al-Tikriti")[0].score
    partial = reg.match("Saddam al-Tikriti", threshold=0.0, margin=0)
    assert partial.score == pair > nm.DEFAULT_THRESHOLD and partial.chance < pair - 0.1
    assert reg.match("Saddam al-Tikriti") is None
    # the father's whole name is the children's nasab: no pair-level match at all
    assert all(c.score < nm.DEFAULT_THRESHOLD for c in reg.resolve("Saddam Hussein al-Tikriti"))


def test_match_same_name_twice_is_not_a_rival() -> None:
    # one person listed twice (two lists, two ids): names cannot tell the records apart,
    # so the second does not veto the first; resolve's order (score, then id) decides
    reg = Registry([Person("un-1", "QASIM MOHAMED MAHDI AL-RIMI"), Person("sdn-1", "AL-RIMI, Qasim Mohamed Mahdi")])
    got = reg.match("قاسم محمد مهدي الريمي")
    assert got is not None and got.person.id == reg.resolve("قاسم محمد مهدي الريمي")[0].person.id


def test_match_threshold_parameter() -> None:
    reg = Registry(PERSONS)
    assert reg.match_threshold == 0.75 and reg.margin == 1.0
    loose = Registry(PERSONS, match_threshold=nm.DEFAULT_THRESHOLD, margin=0)
    c = reg.match("Qassem", threshold=0.0)
    assert c is not None and c.person == reg.resolve("Qassem")[0].person
    assert reg.match("Qassem", threshold=c.chance) is not None
    assert reg.match("Qassem", threshold=min(1.0, c.chance + 1e-6)) is None
    assert c.score == reg.resolve("Qassem")[0].score  # the pair score, beside the chance
    assert loose.match("Angela Merkel") is None
    assert reg.match_many(["Kassem Suleimani", "Angela Merkel"]) == [reg.match("Kassem Suleimani"), None]


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"match_threshold": 1.5}, ValueError),
        ({"match_threshold": -0.1}, ValueError),
        ({"match_threshold": float("nan")}, ValueError),
        ({"match_threshold": "0.9"}, TypeError),
        ({"match_threshold": True}, TypeError),
        ({"margin": -1}, ValueError),
        ({"margin": float("inf")}, ValueError),
        ({"margin": float("nan")}, ValueError),
        ({"margin": None}, TypeError),
    ],
)
def test_decision_parameter_validation(kwargs: dict, error: type[Exception]) -> None:
    with pytest.raises(error):
        Registry(PERSONS, **kwargs)
    value = next(iter(kwargs.values()))
    reg = Registry(PERSONS)
    if "margin" in kwargs and value is not None:
        with pytest.raises(error):
            reg.match("Ali", margin=value)
    if "match_threshold" in kwargs:
        with pytest.raises(error):
            reg.match("Ali", threshold=value)
        with pytest.raises(error):
            reg.match_many(["Ali"], threshold=value)
def test_common_element_names_are_told_apart_in_a_crowd() -> None:
    crowd = [Person(f"c{k}", name) for k, name in enumerate(
        ["Mohammed Ali", "Mohammed Hassan", "Ali Hassan", "Ahmed Ali", "Mohammed Ahmed", "Hassan Ali Ahmed"] * 60)]
    reg = Registry([*crowd, Person("t1", "Mohammed Ali Hassan", ("محمد علي حسن",)),
                    Person("t2", "Mohammed Ali Zarepour")])
    assert reg.resolve("Muhammad Ali Hasan")[0].person.id == "t1"
    # another spelling of a name made only of common elements is often a namesake: the
    # candidate model is less sure of it than of a name with a rare element
    common, rare = reg.match("Muhammad Ali Hasan"), reg.match("Muhammad Ali Zarehpour")
    assert common.person.id == "t1" and rare.person.id == "t2"
    assert common.chance < rare.chance and common.score > nm.DEFAULT_THRESHOLD
    assert reg.match("محمد علي حسن").person.id == "t1"
    assert reg.retrieve("Mohamed Ali Hassan", limit=1) == reg.retrieve("Mohamed Ali Hassan", limit=5)[:1]


def test_saved_index_answers_like_memory_after_removals(tmp_path: Path) -> None:
    reg = Registry(PERSONS)
    reg.remove("h1")
    reg.add(Person("h2", "Sattar Hashemi", ("ستار هاشمي",)))
    reg.save(tmp_path / "r.nmx")
    loaded = Registry.load(tmp_path / "r.nmx")
    for mention in ["ستار هاشمي", "Qasem Soleimani", "Mohammad bin Salman", "Abbas Araghchi"]:
        a, b = reg.resolve(mention), loaded.resolve(mention)
        assert [(c.person.id, c.score, c.alias) for c in a] == [(c.person.id, c.score, c.alias) for c in b]
    assert loaded.match("ستار هاشمي").person.id == "h2"


def test_parallel_build_equals_serial(tmp_path: Path) -> None:
    persons = [Person(f"x{k}", f"{p.name} {k}", p.aliases) for k, p in enumerate(PERSONS * 400)]
    Registry(persons).save(tmp_path / "serial.nmx")
    parallel = Registry(persons, workers=2)
    parallel.save(tmp_path / "parallel.nmx")
    assert (tmp_path / "serial.nmx").read_bytes() == (tmp_path / "parallel.nmx").read_bytes()
    with pytest.raises(ValueError, match="duplicate"):
        Registry([*persons[:3], persons[0]], workers=2)
    with pytest.raises(TypeError, match="must be a Person"):  # in the second task of the pool
        Registry([*persons, "Ali Hassan"], workers=2)  # type: ignore[list-item]
    for bad in (0, -1, True, 2.0, "2", None):
        with pytest.raises(ValueError, match="workers"):
            Registry(persons, workers=bad)  # type: ignore[arg-type]


def test_match_chance_is_the_calibrated_candidate_value() -> None:
    # the chance is the candidate model's value through the registry calibration, a monotone
    # map fitted with the model (tools/fit_candidate_model.py); (1, 0) leaves the value as it is
    from namematch._decide import DecisionConfig, logit, shipped_calibration

    raw = Registry(TIKRITI, decision=DecisionConfig(calibration=(1.0, 0.0)))
    reg = Registry(TIKRITI)
    slope, intercept = reg.decision.calibration
    assert (slope, intercept) == shipped_calibration() and slope > 0 and (slope, intercept) != (1.0, 0.0)
    weights, bias = reg.scorer.candidate_terms
    for mention in ("Saddam al-Tikriti", "Qusai Saddam Husayn al-Tikriti", "S. Saddam Hussein al-Tikriti"):
        plain = raw.match(mention, threshold=0.0, margin=0)
        best = reg.match(mention, threshold=0.0, margin=0)
        assert plain.person == best.person and plain.score == best.score  # the ranking is the model's
        assert plain.chance == reg.scorer.value_under(mention, plain.alias, weights, bias)
        assert best.chance == pytest.approx(1 / (1 + math.exp(-(slope * logit(plain.chance) + intercept))), abs=1e-6)
    values = [DecisionConfig().calibrated(v) for v in (0.0, 0.1, 0.3, 0.5, 0.7, 0.9, 1.0)]
    assert values == sorted(values) and values[0] < 0.01 and values[-1] > 0.99


@pytest.mark.parametrize(
    ("calibration", "error"),
    [((0.0, 0.0), ValueError), ((-1.0, 0.0), ValueError), ((1.0, float("nan")), ValueError),
     ((float("inf"), 0.0), ValueError), ((1.0,), TypeError), ("1,0", TypeError), ((True, 0.0), ValueError)],
)
def test_decision_calibration_validation(calibration: object, error: type[Exception]) -> None:
    from namematch._decide import DecisionConfig

    with pytest.raises(error, match="calibration"):
        DecisionConfig(calibration=calibration)  # type: ignore[arg-type]


def test_match_reads_a_mention_that_lists_names_as_alternatives() -> None:
    # invented persons; a list entry's names written in one string, as sanctions lists do
    reg = Registry([Person("k1", "Karim Tawfiqi Zarandar"), Person("s1", "Ivan Petrovich Sokolov")])
    alone = reg.match("Kareem Tawfiqi Zarandar")
    listed = reg.match("Karim Towfighi Zarandar; Kareem Tawfiqi Zarandar")
    assert alone is not None and listed is not None and listed.person.id == "k1"
    assert listed.mention == "Kareem Tawfiqi Zarandar" and listed.chance == alone.chance  # the alternative that fits
    for text in ("SOKOLOV, Ivan a.k.a. Iwan Sokolow", "Ivan Sokolov (Iwan Sokolow)", "Иван Соколов (Ivan Sokolov)"):
        got = reg.match(text)
        assert got is not None and got.person.id == "s1", text
    # a note in parentheses is an alternative that fits no one: the name beside it still decides
    assert reg.match("Ivan Petrovich Sokolov (Russian)").person.id == "s1"
    assert reg.match("Angela Merkel; Olaf Scholz") is None


def test_match_names_the_records_it_cannot_tell_apart() -> None:
    # one person listed twice under two ids: the first by id is returned, the other named in ties
    reg = Registry([Person("un-1", "QASIM MOHAMED MAHDI AL-RIMI"), Person("sdn-1", "AL-RIMI, Qasim Mohamed Mahdi"),
                    Person("x1", "Qasim Mohamed Rimawi")])
    got = reg.match("Qasim Muhammad Mahdi al-Rimi")
    assert got is not None and got.person.id == "sdn-1" and got.ties == ("un-1",)
    # a person listed once has no ties; a relative or a namesake with another name is no tie
    single = Registry([Person("un-1", "QASIM MOHAMED MAHDI AL-RIMI"), Person("x1", "Qasim Mohamed Rimawi")])
    assert single.match("Qasim Muhammad Mahdi al-Rimi").ties == ()
    assert Registry(TIKRITI).match("Qusai Saddam Husayn al-Tikriti").ties == ()


def test_a_tie_is_broken_by_the_evidence_of_the_words_never_by_record_order() -> None:
    # invented persons, each listed twice; the records tie on the chance (the honorific is
    # ignored, the given names are spellings of one name) and the words decide
    for order in (1, -1):
        listed = [Person("a-1", "ZARANDAR, Hajji Karim Tawfiqi"), Person("a-2", "KARIM TAWFIQI ZARANDAR"),
                  Person("x-1", "Nasir Tawfiqi Hamdani")]
        reg = Registry(listed[::order])
        got = reg.match("Karim Tawfiqi Zarandar")  # every word of a-2 is in the mention; a-1 has one more
        assert got is not None and got.person.id == "a-2" and got.ties == ("a-1",)
        spelled = Registry([Person("b-1", "ZARANDAR, Kareem Tawfiqi"), Person("b-2", "KARIM TAWFIQI ZARANDAR")][::order])
        for mention, record, other in (("Karim Tawfiqi Zarandar", "b-2", "b-1"),
                                       ("Kareem Tawfiqi Zarandar", "b-1", "b-2")):
            got = spelled.match(mention)  # the closer spelling, in either word order
            assert got is not None and (got.person.id, got.ties) == (record, (other,)), mention


def test_a_persons_chance_is_that_of_its_best_fitting_name() -> None:
    # the chance of a person with several names is the best over all of them, whichever
    # of them has the highest pair score
    from namematch._decide import DecisionConfig

    persons = [Person("k1", "Karim Tawfiqi Zarandar", ("Abu Yusuf al-Zarandi", "K. Zarandar", "زرندار")),
               Person("k2", "Nasir Tawfiqi", ("Nasser Tawfiqi Hamdani",))]
    reg = Registry(persons, decision=DecisionConfig(calibration=(1.0, 0.0)))
    weights, bias = reg.scorer.candidate_terms
    for mention in ("Kareem Zarandar", "Abu Yusif al-Zarandi", "Tawfiqi", "Nassir Tawfiqi Hamdani"):
        got = reg.match(mention, threshold=0.0, margin=0)
        assert got is not None
        values = {p.id: max(reg.scorer.value_under(mention, n, weights, bias) for n in p.names
                            if reg.scorer.score(mention, n) > 0.0) for p in persons
                  if any(reg.scorer.score(mention, n) > 0.0 for n in p.names)}
        assert got.chance == max(values.values()) == values[got.person.id], mention
        assert got.alias in got.person.names


@given(st.text(alphabet=st.sampled_from("ab ;()[],.-/akAK\u0627\u0644"), max_size=60))
def test_alternatives_are_never_empty_and_bounded(text: str) -> None:
    from namematch._alternatives import MAX_ALTERNATIVES, alternatives

    found = alternatives(text)
    assert 1 <= len(found) <= MAX_ALTERNATIVES and len(set(found)) == len(found)
    if not any(ch in text for ch in ";([") and "k.a" not in text.lower() and "k/a" not in text.lower():
        assert found == (text,)  # a single name is left exactly as given
    for alt in found:
        assert alt == text or (alt.strip() == alt and any(ch.isalpha() for ch in alt) and ";" not in alt)


def test_registry_retrieves_with_its_retrieval_config(tmp_path: Path) -> None:
    from namematch.registry import RetrievalConfig

    persons = [Person("a", "Zarandar Md"), Person("b", "Zarandar Mouhamed Khan Tawfiqi")]
    mention = "Zarandar Andresen Mouhamed"
    charged, free = Registry(persons), Registry(persons, retrieval=RetrievalConfig(extra_unit_charge=0.0))
    assert charged.retrieval == RetrievalConfig() and free.retrieval.extra_unit_charge == 0.0
    # the default charge ranks the alias with fewer unshared units first; without it, more shared units win
    assert charged.retrieve(mention) == [0, 1] and free.retrieve(mention) == [1, 0]
    # which elements get pair keys is filed in the index: a saved index records it, and loads only with it
    sparse = Registry([Person("c", "Mohammed Ali Hassan")], retrieval=RetrievalConfig(common_rarity=-1.0))
    def pair_keys(reg: Registry) -> set[str]:  # the p: keys (beside them, the keys of the two units glued)
        return {k for group in reg._keys("Mohammed Ali").pairs for k in group if k.startswith("p:")}

    assert pair_keys(sparse) == set() != pair_keys(charged)
    sparse.save(tmp_path / "sparse.nmx")
    with pytest.raises(RegistryFormatError, match="common_rarity"):
        Registry.load(tmp_path / "sparse.nmx")
    loaded = Registry.load(tmp_path / "sparse.nmx", retrieval=RetrievalConfig(common_rarity=-1.0, extra_unit_charge=1.0))
    assert loaded.retrieve("Muhammad Ali Hasan") == sparse.retrieve("Muhammad Ali Hasan") == [0]
    charged.save(tmp_path / "default.nmx")  # the shipped configuration: nothing recorded, as before
    with pytest.raises(RegistryFormatError, match="common_rarity"):
        Registry.load(tmp_path / "default.nmx", retrieval=RetrievalConfig(common_rarity=-1.0))
    with pytest.raises(TypeError, match="retrieval"):
        Registry(persons, retrieval={"extra_unit_charge": 0.0})  # type: ignore[arg-type]


def test_a_compound_written_apart_in_one_name_and_glued_in_the_other_is_retrieved() -> None:
    # invented names: twenty records share the given name; the compound family name is the
    # only selective evidence, written as two words on one side and one on the other
    families = ["Ahmadi", "Karimi", "Hosseini", "Rahimi", "Jafari", "Moradi", "Sadeghi", "Ebrahimi", "Kazemi",
                "Hashemi", "Rostami", "Zamani", "Bagheri", "Azizi", "Nazari", "Shirazi", "Ghasemi", "Mousavi",
                "Akbari", "Farahani"]
    others = [Person(f"d{i}", f"{f.upper()}, Reza") for i, f in enumerate(families)]
    for listed, mention in (("BARZIN TALAB, Reza", "BARZINTALAB, Reza"), ("BARZINTALAB, Reza", "Reza Barzin Talab")):
        reg = Registry([*others, Person("g1", listed)])
        assert [reg._aliases[a][1] for a in reg.retrieve(mention, 1)] == [listed], mention
        got = reg.match(mention)
        assert got is not None and got.person.id == "g1", mention
