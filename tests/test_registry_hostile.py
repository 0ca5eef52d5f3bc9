"""Hostile input, round two: the registry, its saved index, its loaders and option checks.

One test (or a few) per failure found: readers during writers on a loaded registry,
an index replaced on disk, paths that are not URIs, crafted and damaged index files,
line splitting across encodings, deep or malformed lines, unsavable text, file modes
and stale temporary files, threshold checks. Thread tests assert answers, never times.
"""

from __future__ import annotations

import json
import math
import os
import sqlite3
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import namematch as nm
from namematch.registry import Person, Registry, RegistryError, RegistryFormatError

PERSONS = [
    Person("q1", "Qassem Soleimani", ("قاسم سليماني", "Ghasem Soleymani"), {"country": "IR"}),
    Person("h1", "Sattar Hashemi", ("سيد ستار هاشمي",), {"role": "minister"}),
    Person("p1", "Masoud Pezeshkian", ("مسعود پزشکیان",)),
    Person("m1", "Muhammad bin Salman", ("محمد بن سلمان",)),
    Person("a1", "Abbas Araghchi", ("عباس عراقجي",)),
]
OTHERS = [
    Person("z1", "Mohammad Javad Zarif", ("محمد جواد ظريف",)),
    Person("n1", "Naseer Abdul Mohsen Abdullah", ("نصير عبد المحسن عبد الله",)),
]
MENTIONS = ["Kassem Suleimani", "ستار هاشمي", "Masoud Pezeshkian", "Abbas Araqchi", "Javad Zarif", "Angela Merkel"]


def answers(reg: Registry, mentions: list[str] = MENTIONS) -> tuple:
    return tuple(tuple((c.person.id, round(c.score, 9), c.alias) for c in reg.resolve(m, limit=3)) for m in mentions)


def records(reg: Registry) -> list[dict]:
    return [p.to_dict() for p in reg]


# ---------------------------------------------------------------------------
# Row 3: readers during writers see one serial state (also after load, and for replace=True)
# ---------------------------------------------------------------------------


def _read_between_lines(write: Callable[[], None], read: Callable[[], object], every: int = 1) -> list[object]:
    """Run ``write()`` and call ``read()`` between every ``every`` lines the registry
    modules execute during it (a reader scheduled at each of those moments), so a
    state a concurrent reader could meet half-way through the write is met for sure."""
    here = os.path.dirname(nm.registry.__file__)
    seen: list[object] = []
    count = [0]

    def local(frame, event, arg):
        if event == "line":
            count[0] += 1
            if count[0] % every == 0:
                try:
                    seen.append(read())
                except Exception as exc:
                    seen.append(exc)
        return local

    def tracer(frame, event, arg):
        if os.path.dirname(frame.f_code.co_filename) == here and not frame.f_code.co_filename.endswith(".pyx"):
            return local
        return None

    sys.settrace(tracer)
    try:
        write()
    finally:
        sys.settrace(None)
    return seen


def test_reads_during_the_first_write_to_a_loaded_registry_see_before_or_after(tmp_path: Path) -> None:
    Registry(PERSONS).save(tmp_path / "r.nmx")
    reg = Registry.load(tmp_path / "r.nmx")
    mentions = ["Kassem Suleimani", "Masoud Pezeshkian", "Javad Zarif"]
    before = answers(reg, mentions)
    after_reg = Registry(PERSONS)
    after_reg.add(OTHERS[0])
    after = answers(after_reg, mentions)
    seen = _read_between_lines(lambda: reg.add(OTHERS[0]), lambda: (answers(reg, mentions), len(reg)), every=3)
    assert len(seen) > 20  # the write ran through the traced modules
    bad = [s for s in seen if s not in ((before, len(PERSONS)), (after, len(PERSONS) + 1))]
    assert not bad, bad[:3]
    assert answers(reg, mentions) == after


def test_replace_has_no_window_where_the_person_is_missing() -> None:
    reg = Registry(PERSONS)
    new = Person("q1", "Qassem Soleimani", ("قاسم سليماني", "Haj Qassem"), {"country": "IR", "v": 2})

    def read() -> tuple:
        got = reg.get("q1")
        found = reg.match("Kassem Suleimani")
        return (got and got.aliases, found and found.person.aliases, len(reg), "q1" in reg, sum(1 for _ in reg))

    old_state = (PERSONS[0].aliases, PERSONS[0].aliases, len(PERSONS), True, len(PERSONS))
    new_state = (new.aliases, new.aliases, len(PERSONS), True, len(PERSONS))
    seen = _read_between_lines(lambda: reg.add(new, replace=True), read)
    assert seen and all(s in (old_state, new_state) for s in seen), [s for s in seen if s not in (old_state, new_state)]
    assert read() == new_state
    seen = _read_between_lines(lambda: reg.remove("q1"), read)
    gone = (None, None, len(PERSONS) - 1, False, len(PERSONS) - 1)
    assert all(s in (new_state, gone) for s in seen)


def test_reader_threads_on_a_loaded_registry_during_writes(tmp_path: Path) -> None:
    # 8 reader threads + 1 writer on a loaded registry: every answer is one of the
    # serial states (no timing assertion; the writer's first change reads the whole index)
    Registry(PERSONS).save(tmp_path / "r.nmx")
    reg = Registry.load(tmp_path / "r.nmx")
    changes: list[Callable[[Registry], object]] = [
        lambda r: r.add(OTHERS[0]),
        lambda r: r.add(Person("q1", "Qassem Soleimani", ("قاسم سليماني",)), replace=True),
        lambda r: r.remove("p1"),
        lambda r: r.add(OTHERS[1]),
    ]
    mentions = ["Kassem Suleimani", "Masoud Pezeshkian", "Javad Zarif", "Naseer Abdul Mohsen"]
    # each call answers from one state: every answer is one that some serial state gives
    serial = Registry(PERSONS)
    valid = {m: {answers(serial, [m])} for m in mentions}
    sizes = {len(serial)}
    for change in changes:
        change(serial)
        sizes.add(len(serial))
        for m in mentions:
            valid[m].add(answers(serial, [m]))
    seen: list[tuple[str, object]] = []
    stop = threading.Event()

    def reader() -> None:
        while not stop.is_set():
            for m in mentions:
                try:
                    seen.append((m, answers(reg, [m])))
                except Exception as exc:
                    seen.append((m, exc))
            seen.append(("len", len(reg)))

    threads = [threading.Thread(target=reader) for _ in range(8)]
    for t in threads:
        t.start()
    try:
        for change in changes:
            change(reg)
    finally:
        stop.set()
        for t in threads:
            t.join()
    assert seen
    bad = [(m, a) for m, a in seen if (a not in sizes if m == "len" else a not in valid[m])]
    assert not bad, bad[:3]


# ---------------------------------------------------------------------------
# Row 4: a loaded index replaced on disk
# ---------------------------------------------------------------------------


def test_loaded_registry_keeps_reading_its_file_after_the_path_is_replaced(tmp_path: Path) -> None:
    path = tmp_path / "r.nmx"
    Registry(PERSONS).save(path)
    reg = Registry.load(path)
    before = (answers(reg), len(reg), records(reg), reg.get("h1"))
    Registry(OTHERS + PERSONS[::-1]).save(path)  # another job replaces the path atomically
    results: list[object] = []

    def work() -> None:
        try:
            results.append((answers(reg), len(reg), records(reg), reg.get("h1")))
        except Exception as exc:
            results.append(exc)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [before] * 4
    assert Registry.load(path).get("z1") is not None  # a new load sees the new file


# ---------------------------------------------------------------------------
# Row 5: the path is a path, not a URI
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "decoy"), [("reg?v=2.idx", "reg"), ("a%41.idx", "aA.idx"), ("list#1.idx", "list"),
                                             ("sp ace&mode=rw.idx", "sp ace&mode=rw.idx-x")])
def test_load_opens_exactly_the_path_given(tmp_path: Path, name: str, decoy: str) -> None:
    Registry(OTHERS).save(tmp_path / decoy)
    Registry(PERSONS).save(tmp_path / name)
    listing = sorted(p.name for p in tmp_path.iterdir())
    reg = Registry.load(tmp_path / name)
    assert sorted(p.id for p in reg) == sorted(p.id for p in PERSONS)
    assert reg.match("Kassem Suleimani").person.id == "q1"
    assert sorted(p.name for p in tmp_path.iterdir()) == listing  # nothing created


def test_load_does_not_create_a_file(tmp_path: Path) -> None:
    Registry(PERSONS).save(tmp_path / "list#1.idx")
    (tmp_path / "list#1.idx").rename(tmp_path / "moved")
    with pytest.raises(RegistryError):
        Registry.load(tmp_path / "list#1.idx")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["moved"]


# ---------------------------------------------------------------------------
# Rows 6 and 7: only namematch's schema, integrity checked at load
# ---------------------------------------------------------------------------


def _saved(tmp_path: Path, name: str = "r.nmx") -> Path:
    path = tmp_path / name
    Registry(PERSONS).save(path)
    return path


def _edit(path: Path, *sql: str) -> None:
    con = sqlite3.connect(path)
    try:
        for statement in sql:
            con.execute(statement)
        con.commit()
    finally:
        con.close()


@pytest.mark.parametrize("sql", [
    # a view in place of a table: a recursive CTE (hangs or eats memory when read)
    ["ALTER TABLE postings RENAME TO p0",
     "CREATE VIEW postings AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 3) "
     "SELECT key, ids FROM p0, c"],
    ["ALTER TABLE meta RENAME TO m0", "CREATE VIEW meta AS SELECT key, value FROM m0"],
    ["ALTER TABLE persons RENAME TO x0",
     "CREATE VIEW persons AS SELECT pidx, id, json || randomblob(3) AS json FROM x0"],
    ["CREATE TRIGGER t AFTER INSERT ON meta BEGIN SELECT 1; END"],
    ["CREATE INDEX extra ON aliases(pidx)"],
    ["CREATE TABLE more (x)"],
    ["CREATE VIEW v AS SELECT 1"],
], ids=["postings-view", "meta-view", "persons-view", "trigger", "index", "table", "extra-view"])
def test_load_accepts_only_namematch_schema(tmp_path: Path, sql: list[str]) -> None:
    path = _saved(tmp_path)
    _edit(path, *sql)
    with pytest.raises(RegistryFormatError, match="not a namematch index"):
        Registry.load(path)


def _flip(raw: bytes, pos: int) -> bytes:
    out = bytearray(raw)
    out[pos] ^= 0xFF
    return bytes(out)


def test_flipped_bytes_are_refused_at_load_or_change_nothing(tmp_path: Path) -> None:
    path = _saved(tmp_path)
    raw = path.read_bytes()
    want = (answers(Registry.load(path)), records(Registry.load(path)))
    bad = tmp_path / "bad.nmx"
    refused = same = 0
    positions = list(range(100)) + list(range(100, len(raw), 17))
    for pos in positions:
        bad.write_bytes(_flip(raw, pos))
        try:
            reg = Registry.load(bad)
        except RegistryFormatError:
            refused += 1
            continue
        # loaded: only header bytes SQLite itself ignores may differ, and nothing else does
        assert (answers(reg), records(reg)) == want, pos
        same += 1
    assert refused > 0.95 * len(positions)
    assert same <= 16  # the change counter, version-valid-for and SQLite version fields


@pytest.mark.parametrize("sql", [
    ["DELETE FROM aliases WHERE aid = 3"],
    ["DELETE FROM persons WHERE id = 'h1'"],
    ["UPDATE postings SET ids = ids || x'01' WHERE key = (SELECT MIN(key) FROM postings)"],
    ["UPDATE persons SET json = '{broken' WHERE id = 'h1'"],
    ["ALTER TABLE aliases RENAME TO alias"],
    ["ALTER TABLE aliases RENAME TO a0", "CREATE TABLE aliases (aid INTEGER PRIMARY KEY, pidx INTEGER, text TEXT)",
     "INSERT INTO aliases SELECT * FROM a0", "DROP TABLE a0"],
], ids=["deleted-alias", "deleted-person", "odd-posting", "broken-json", "renamed-table", "retyped-table"])
def test_tampered_index_is_refused_at_load(tmp_path: Path, sql: list[str]) -> None:
    path = _saved(tmp_path)
    _edit(path, *sql)
    with pytest.raises(RegistryFormatError):
        Registry.load(path)


def test_tampered_index_is_a_clean_cli_error(tmp_path: Path) -> None:
    path = _saved(tmp_path)
    raw = path.read_bytes()
    key_at = raw.index(b"w:qassem")  # a byte inside a posting key: SQLite reads it as valid data
    (tmp_path / "flip.nmx").write_bytes(_flip(raw, key_at + 3))
    for name in ("flip.nmx",):
        proc = subprocess.run([sys.executable, "-m", "namematch", "resolve", "--registry", str(tmp_path / name),
                               "Qassem Soleimani"], capture_output=True, timeout=120)
        err = proc.stderr.decode("utf-8", "replace")
        assert proc.returncode == 1 and "Traceback" not in err and err.count("\n") == 1, err
        assert "checksum" in err


# ---------------------------------------------------------------------------
# Rows 9 and 10: one way of splitting lines for every encoding; deep and malformed lines
# ---------------------------------------------------------------------------

_ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le-bom", "utf-16-be-bom")


def _write(path: Path, text: str, encoding: str) -> Path:
    if encoding.endswith("-bom"):
        path.write_bytes(("\ufeff" + text).encode(encoding[: -len("-bom")]))
    else:
        path.write_bytes(text.encode(encoding))
    return path


def _report(reg: Registry) -> tuple:
    rep = reg.load_report
    return rep.loaded, rep.skipped, tuple(n for n, _ in rep.errors), tuple((p.id, p.name) for p in reg)


@pytest.mark.parametrize("odd", ["\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e"])
def test_only_cr_and_lf_end_lines_in_every_encoding(tmp_path: Path, odd: str) -> None:
    name = f"Ali{odd}Hassan"
    jl = "\n".join([json.dumps({"id": "a", "name": name}, ensure_ascii=False), "{broken", '{"id": "b", "name": "Bob"}'])
    csv_text = f"id,name\na,{name}\nbroken,row,extra\nb,Bob\n"
    for kind, text, load in (("jsonl", jl, Registry.from_jsonl), ("csv", csv_text, Registry.from_csv)):
        seen = set()
        for enc in _ENCODINGS:
            reg = load(_write(tmp_path / f"r-{enc}.{kind}", text, enc), errors="skip")
            assert reg.get("a").name == name, (kind, enc)
            seen.add(_report(reg))
        assert seen == {(2, 1, (2 if kind == "jsonl" else 3,), (("a", name), ("b", "Bob")))}, (kind, seen)


@pytest.mark.parametrize("end", ["\r", "\r\n", "\n"])
def test_line_ends_cr_crlf_lf_read_alike(tmp_path: Path, end: str) -> None:
    csv_text = end.join(["id,name,aliases", "a,Ali Hassan,علي حسن", "b,Bob Smith,", "c,Carl Jones,", ""])
    jl = end.join(json.dumps(p.to_dict(), ensure_ascii=False) for p in PERSONS) + end
    for enc in _ENCODINGS:
        reg = Registry.from_csv(_write(tmp_path / f"{enc}.csv", csv_text, enc))
        assert [p.id for p in reg] == ["a", "b", "c"] and reg.get("a").aliases == ("علي حسن",)
        reg = Registry.from_jsonl(_write(tmp_path / f"{enc}.jsonl", jl, enc))
        assert records(reg) == [p.to_dict() for p in PERSONS]


def test_stray_cr_is_a_bad_line_not_a_lost_file(tmp_path: Path) -> None:
    # a lone CR ends a line, as in every CSV reader that follows RFC 4180 readers' practice
    path = tmp_path / "r.csv"
    path.write_bytes(b"id,name\r\na,Ali Hassan\r\nb,Bob\rSmith\r\nc,Carl Jones\r\n")
    reg = Registry.from_csv(path, errors="skip")
    assert [(p.id, p.name) for p in reg] == [("a", "Ali Hassan"), ("b", "Bob"), ("c", "Carl Jones")]
    assert [n for n, _ in reg.load_report.errors] == [4]  # "Smith": one column
    with pytest.raises(RegistryError, match="columns") as err:
        Registry.from_csv(path)
    assert err.value.line == 4
    jl = tmp_path / "r.jsonl"
    jl.write_bytes(b'{"id": "a", "name": "Ali"}\n{"id": "b", "name": "Bo\rb"}\n{"id": "c", "name": "Carl"}\n')
    reg = Registry.from_jsonl(jl, errors="skip")
    assert [p.id for p in reg] == ["a", "c"] and [n for n, _ in reg.load_report.errors] == [2, 3]
    head = tmp_path / "head.csv"
    head.write_bytes(b"id,na\rme\na,Ali\n")
    with pytest.raises(RegistryError, match="'id' and 'name'"):
        Registry.from_csv(head, errors="skip")


def test_malformed_csv_line_is_a_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text('id,name\na,Ali Hassan\nb,"Bob" Smith\nc,Carl Jones\n', encoding="utf-8")
    reg = Registry.from_csv(path, errors="skip")
    assert [p.id for p in reg] == ["a", "c"] and [n for n, _ in reg.load_report.errors] == [3]
    with pytest.raises(RegistryError, match="malformed CSV") as err:
        Registry.from_csv(path)
    assert err.value.line == 3
    header = tmp_path / "h.csv"
    header.write_text('id,"name" x\na,Ali\n', encoding="utf-8")
    with pytest.raises(RegistryError, match="malformed CSV") as err:
        Registry.from_csv(header, errors="skip")
    assert err.value.line == 1


def test_deeply_nested_json_line_is_a_bad_line(tmp_path: Path) -> None:
    deep = '{"id": "d", "name": "Deep", "attributes": {"x": ' + "[" * 5000 + "]" * 5000 + "}}"
    medium = '{"id": "m", "name": "Medium", "attributes": {"x": ' + "[" * 500 + "]" * 500 + "}}"
    path = tmp_path / "deep.jsonl"
    path.write_text("\n".join([json.dumps(PERSONS[0].to_dict()), deep, medium, json.dumps(PERSONS[1].to_dict())]) + "\n",
                    encoding="utf-8")
    reg = Registry.from_jsonl(path, errors="skip")
    assert [p.id for p in reg] == ["q1", "h1"]
    assert [n for n, _ in reg.load_report.errors] == [2, 3]
    assert "nested" in reg.load_report.errors[0][1]
    with pytest.raises(RegistryError) as err:
        Registry.from_jsonl(path)
    assert err.value.line == 2
    reg.save(tmp_path / "r.nmx")  # what loaded can be saved
    reg.to_jsonl(tmp_path / "again.jsonl")


# ---------------------------------------------------------------------------
# Row 11: what cannot be saved is refused at load
# ---------------------------------------------------------------------------


def test_lone_surrogate_escapes_are_refused_at_load(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    path.write_text("\n".join([
        json.dumps(PERSONS[0].to_dict()),
        '{"id": "s1", "name": "Ali \\ud800 Hassan"}',
        '{"id": "s2\\udfff", "name": "Ali"}',
        '{"id": "s3", "name": "Ali", "aliases": ["\\udbff"]}',
        '{"id": "s4", "name": "Ali", "attributes": {"\\ud800": 1}}',
        '{"id": "ok", "name": "Emoji \\ud83d\\ude00 pair"}',
    ]) + "\n", encoding="utf-8")
    with pytest.raises(RegistryError, match="surrogate") as err:
        Registry.from_jsonl(path)
    assert err.value.line == 2
    reg = Registry.from_jsonl(path, errors="skip")
    assert [p.id for p in reg] == ["q1", "ok"] and [n for n, _ in reg.load_report.errors] == [2, 3, 4, 5]
    reg.save(tmp_path / "r.nmx")
    reg.to_jsonl(tmp_path / "r.jsonl")
    assert records(Registry.load(tmp_path / "r.nmx")) == records(Registry.from_jsonl(tmp_path / "r.jsonl"))


def test_saving_unsavable_text_is_a_clear_error_and_keeps_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    Registry(PERSONS).to_jsonl(path)
    before = path.read_bytes()
    reg = Registry([*PERSONS, Person("s1", "Ali \ud800 Hassan")])
    for save in (reg.to_jsonl, reg.save):
        with pytest.raises(ValueError, match=r"'s1'.*surrogate"):
            save(path)
        assert path.read_bytes() == before


# ---------------------------------------------------------------------------
# Row 13: saves keep the file's mode; killed writers' temporary files are cleaned up
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("mode", [0o644, 0o640, 0o664, 0o600])
def test_saves_keep_the_file_mode(tmp_path: Path, mode: int) -> None:
    reg = Registry(PERSONS)
    for name, save in (("r.jsonl", reg.to_jsonl), ("r.nmx", reg.save)):
        path = tmp_path / name
        path.write_text("old")
        path.chmod(mode)
        save(path)
        assert stat.S_IMODE(path.stat().st_mode) == mode
        assert path.read_bytes() != b"old"


def test_new_files_get_the_umask_mode(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        Registry(PERSONS).save(tmp_path / "new.nmx")
        Registry(PERSONS).to_jsonl(tmp_path / "new.jsonl")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.nmx").stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "new.jsonl").stat().st_mode) == 0o644


def _kill_a_writer(path: Path) -> None:
    code = (
        "import os, sys, namematch._files\n"
        "def boom(fh):\n    fh.write('partial'); fh.flush(); os._exit(9)\n"
        "namematch._files.atomic_write(sys.argv[1], boom)\n"
    )
    assert subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True).returncode == 9


def _temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_temporary_files_of_killed_writers_are_cleaned_up(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    Registry(PERSONS).to_jsonl(path)
    for _ in range(3):
        _kill_a_writer(path)
    left = _temporaries(tmp_path)
    assert len(left) == 3
    long_ago = time.time() - 3600
    for name in left:
        os.utime(tmp_path / name, (long_ago, long_ago))
    (tmp_path / ".other.jsonl.x.tmp").write_text("another file's")
    os.utime(tmp_path / ".other.jsonl.x.tmp", (long_ago, long_ago))
    Registry(PERSONS).to_jsonl(path)
    assert _temporaries(tmp_path) == [".other.jsonl.x.tmp"]
    assert records(Registry.from_jsonl(path)) == [p.to_dict() for p in PERSONS]


# ---------------------------------------------------------------------------
# Row 16: thresholds checked the same way everywhere; duplicate keys and columns
# ---------------------------------------------------------------------------

_BAD_THRESHOLDS = [math.nan, -1, -0.01, 1.5, math.inf]


@pytest.mark.parametrize("bad", _BAD_THRESHOLDS)
def test_every_threshold_refuses_nan_and_values_outside_0_1(bad: float) -> None:
    reg = Registry(PERSONS)
    calls: list[Callable[[], object]] = [
        lambda: nm.cluster(["Ali Hassan", "Ali Hasan"], threshold=bad),
        lambda: nm.cluster_records([("a", "Ali Hassan"), ("b", "Ali Hasan")], threshold=bad),
        lambda: nm.is_match("Ali Hassan", "Ali Hasan", threshold=bad),
        lambda: nm.Scorer().is_match("Ali Hassan", "Ali Hasan", threshold=bad),
        lambda: nm.Scorer(threshold=bad),
        lambda: reg.resolve("Ali Hassan", threshold=bad),
        lambda: reg.resolve_many(["Ali Hassan"], threshold=bad),
        lambda: reg.match("Ali Hassan", threshold=bad),
        lambda: Registry(match_threshold=bad),
    ]
    for call in calls:
        with pytest.raises(ValueError, match=r"threshold must be in \[0, 1\]"):
            call()


@pytest.mark.parametrize("bad", [True, "0.5", None])
def test_thresholds_of_another_type_are_type_errors(bad: object) -> None:
    reg = Registry(PERSONS)
    for call in (lambda: nm.cluster(["Ali"], threshold=bad), lambda: nm.is_match("Ali", "Ali", threshold=bad),
                 lambda: reg.resolve("Ali", threshold=bad), lambda: reg.match("Ali", threshold=bad)):
        if bad is None:
            call()  # None means the default
        else:
            with pytest.raises(TypeError, match="threshold must be a number"):
                call()


def test_duplicate_json_keys_are_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "dup.jsonl"
    path.write_text("\n".join([
        '{"id": "a", "name": "Ali Hassan", "name": "Qassem Soleimani"}',
        '{"id": "b", "name": "Bob", "attributes": {"k": 1, "k": 2}}',
        '{"id": "c", "name": "Carl"}',
    ]) + "\n", encoding="utf-8")
    with pytest.raises(RegistryError, match="duplicate key 'name'") as err:
        Registry.from_jsonl(path)
    assert err.value.line == 1
    reg = Registry.from_jsonl(path, errors="skip")
    assert [p.id for p in reg] == ["c"] and [n for n, _ in reg.load_report.errors] == [1, 2]


def test_duplicate_csv_columns_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "dup.csv"
    path.write_text("id,name,country,name\na,Ali Hassan,IQ,Qassem Soleimani\n", encoding="utf-8")
    for errors in ("raise", "skip"):
        with pytest.raises(RegistryError, match=r"duplicate column.*'name'") as err:
            Registry.from_csv(path, errors=errors)
        assert err.value.line == 1


# ---------------------------------------------------------------------------
# Beyond the rows: a file forged with a correct checksum, live writers' files
# ---------------------------------------------------------------------------


def _forge(path: Path, *sql: str) -> None:
    """Edit an index and seal it again with a correct checksum (a deliberate forgery)."""
    from namematch import _store

    _edit(path, *sql)
    con = sqlite3.connect(path)
    try:
        _store._set_checksum(con, bytes(8))
        con.commit()
        with open(path, "rb") as fh:
            checksum = _store.file_checksum(fh)
        _store._set_checksum(con, checksum)
        con.commit()
    finally:
        con.close()


@pytest.mark.parametrize("sql", [
    ["UPDATE postings SET ids = ids || x'01' WHERE key = (SELECT MIN(key) FROM postings)"],
    ["UPDATE postings SET ids = x'ffffff7f' || ids"],  # an alias id past the end, unsorted
    ["UPDATE postings SET ids = x'ffffffff'"],  # a negative alias id
    ["UPDATE postings SET ids = 'text'"],
    ["UPDATE aliases SET pidx = 99 WHERE aid = 0"],
    ["UPDATE aliases SET text = x'00ff' WHERE aid = 0"],
    ["UPDATE persons SET json = '{broken'"],
    ["UPDATE persons SET json = '[' || json || ']'"],
    ["UPDATE persons SET json = '" + "[" * 3000 + "'"],
    ["UPDATE persons SET json = json_set(json, '$.name', '')"],
    ["UPDATE persons SET json = json_set(json, '$.id', 'q1')"],
    ["UPDATE persons SET json = CAST(json AS BLOB)"],
    ["UPDATE persons SET json = x'c3'"],
    ["UPDATE meta SET value = '3' WHERE key = 'persons'"],
    ["UPDATE alias_units SET data = x'01'"],
    ["DELETE FROM aliases WHERE aid = 2", "UPDATE meta SET value = value - 1 WHERE key = 'aliases'"],
])
def test_forged_index_gives_format_errors_never_raw_ones(tmp_path: Path, sql: list[str]) -> None:
    path = _saved(tmp_path)
    _forge(path, *sql)
    with pytest.raises(RegistryFormatError):  # at load, or when the forged record is read
        reg = Registry.load(path)
        for mention in [*MENTIONS, "q1", "Ghasem Soleymani"]:
            reg.resolve(mention)
            reg.match(mention)
        for person_id in ("q1", "h1", "p1"):
            reg.get(person_id)
        list(reg)
        reg.add(OTHERS[0])  # reads the whole file into memory


def test_a_live_writers_temporary_file_is_kept(tmp_path: Path) -> None:
    from namematch import _files

    path = tmp_path / "r.jsonl"
    long_ago = time.time() - 3600
    with _files.replacing(path) as tmp:
        os.utime(tmp, (long_ago, long_ago))
        assert _files.remove_stale(path) == [] and tmp.exists()  # locked by this writer
        tmp.write_text("new")
    assert path.read_text() == "new" and _temporaries(tmp_path) == []
    young = tmp_path / ".r.jsonl.young.tmp"
    young.write_text("a writer that has not locked its file yet")
    assert _files.remove_stale(path) == [] and young.exists()  # too young to be stale
    os.utime(young, (long_ago, long_ago))
    assert _files.remove_stale(path) == [young] and not young.exists()


def test_a_failed_save_leaves_no_temporary_file(tmp_path: Path) -> None:
    path = tmp_path / "r.nmx"
    Registry(PERSONS).save(path)
    before = path.read_bytes()
    reg = Registry([*PERSONS, Person("s1", "Ali \ud800 Hassan")])
    with pytest.raises(ValueError, match="surrogate"):
        reg.save(path)
    assert path.read_bytes() == before and _temporaries(tmp_path) == []


# any text a file can hold (no lone surrogates), line-breaking characters included
_file_text = st.text(alphabet=st.characters(codec="utf-8", categories=None), min_size=1, max_size=25).filter(str.strip)
_records = st.lists(st.builds(
    lambda pid, name, aliases, value: Person(pid, name, aliases, {"note": value}),
    _file_text, _file_text, st.lists(_file_text, max_size=3), _file_text,
), max_size=6, unique_by=lambda p: p.id)


@settings(max_examples=60, deadline=None)
@given(_records)
def test_what_is_saved_loads_back_alike_in_every_encoding(tmp_path_factory: pytest.TempPathFactory,
                                                          persons: list[Person]) -> None:
    folder = tmp_path_factory.mktemp("round")
    reg = Registry(persons)
    reg.to_jsonl(folder / "r.jsonl")
    text = (folder / "r.jsonl").read_text(encoding="utf-8")
    want = [p.to_dict() for p in persons]
    for enc in _ENCODINGS:
        again = Registry.from_jsonl(_write(folder / f"{enc}.jsonl", text, enc))
        assert records(again) == want, enc
        assert again.load_report.loaded == len(persons) and again.load_report.skipped == 0
    reg.save(folder / "r.nmx")
    assert records(Registry.load(folder / "r.nmx")) == want
