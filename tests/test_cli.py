"""The ``namematch`` command: options, formats, inputs, and hostile inputs.

Most tests call :func:`namematch.cli.main` in this process (standard input
replaced); the ones about signals, argument bytes and tracebacks run the real
command in a subprocess.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

import namematch
from namematch.cli import build_parser, main

DEMO = Path(namematch.__file__).parent / "data" / "demo"


@pytest.fixture()
def family_registry(tmp_path):
    path = tmp_path / "people.jsonl"
    rows = [
        {"id": "qusay", "name": "Qusay Saddam Hussein al-Tikriti", "aliases": ["قصي صدام حسين التكريتي"],
         "attributes": {"country": "IQ"}},
        {"id": "uday", "name": "Uday Saddam Hussein al-Tikriti", "aliases": []},
        {"id": "hashemi", "name": "Sattar Hashemi", "aliases": ["ستار هاشمي"], "attributes": {"role": "minister"}},
    ]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def run(capsys, monkeypatch, *args: str, stdin: bytes | str | None = None) -> tuple[int, str, str]:
    """``main(args)`` with ``stdin`` as standard input: (exit code, stdout, stderr)."""
    data = stdin.encode("utf-8") if isinstance(stdin, str) else (stdin or b"")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _rows(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def _cli(*args: str, stdin: bytes | None = None, timeout: float = 120, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "namematch", *args], input=stdin, capture_output=True,
                          timeout=timeout, **kw)


def _one_line_error(code: int, err: str, *needles: str) -> None:
    assert code != 0
    assert "Traceback" not in err
    assert err.startswith("namematch") and err.count("\n") == 1, err
    for n in needles:
        assert n in err, err


# ---------------------------------------------------------------------------
# resolve
# ---------------------------------------------------------------------------


def test_resolve_lists_ranked_candidates(family_registry, capsys, monkeypatch):
    code, out, _ = run(capsys, monkeypatch, "resolve", "--registry", str(family_registry), "--limit", "3",
                       "--format", "jsonl", "Qusay Saddam Hussein")
    assert code == 0
    rows = _rows(out)
    assert rows[0]["id"] == "qusay" and rows[0]["rank"] == 1
    assert [r["rank"] for r in rows] == list(range(1, len(rows) + 1))
    assert "chance" not in rows[0]  # a ranked list has pair scores only: no decision was made


def test_resolve_match_decides_one_person_or_none(family_registry, capsys, monkeypatch):
    code, out, _ = run(capsys, monkeypatch, "resolve", "--registry", str(family_registry), "--match", "--format",
                       "jsonl", "سيد ستار هاشمي", "Hala Saddam Hussein al-Tikriti")
    assert code == 0
    rows = {r["mention"]: r for r in _rows(out)}
    assert rows["سيد ستار هاشمي"]["id"] == "hashemi"
    # the decision's chance and ties come with it, on the registry's own scale
    assert rows["سيد ستار هاشمي"]["chance"] >= namematch.Registry().match_threshold
    assert rows["سيد ستار هاشمي"]["ties"] == []
    assert rows["Hala Saddam Hussein al-Tikriti"]["chance"] is None
    # a third sibling is not in the registry: no match rather than the closest brother
    assert rows["Hala Saddam Hussein al-Tikriti"]["id"] is None


def test_resolve_match_settings_are_passed_on(family_registry, capsys, monkeypatch):
    code, out, _ = run(capsys, monkeypatch, "resolve", "--registry", str(family_registry), "--match",
                       "--match-threshold", "0.3", "--margin", "0", "--format", "jsonl", "Saddam al-Tikriti")
    assert code == 0
    (row,) = _rows(out)
    assert row["id"] in {"qusay", "uday"}
    code, _, err = run(capsys, monkeypatch, "resolve", "--registry", str(family_registry), "--match", "--margin", "-1",
                       "Ali")
    assert code == 2 and "--margin" in err


def test_resolve_output_carries_the_persons_attributes(family_registry, capsys, monkeypatch):
    code, out, _ = run(capsys, monkeypatch, "resolve", "--registry", str(family_registry), "--format", "jsonl",
                       "Sattar Hashemi", "Qusay Saddam Hussein al-Tikriti", "Nobody Known")
    assert code == 0
    rows = {r["mention"]: r for r in _rows(out)}
    assert rows["Sattar Hashemi"]["attributes"] == {"role": "minister"}
    assert rows["Qusay Saddam Hussein al-Tikriti"]["attributes"] == {"country": "IQ"}
    assert rows["Nobody Known"]["attributes"] == {}
    code, out, _ = run(capsys, monkeypatch, "resolve", "--registry", str(family_registry), "--format", "csv",
                       "Sattar Hashemi")
    (row,) = list(csv.DictReader(io.StringIO(out)))
    assert json.loads(row["attributes"]) == {"role": "minister"}
    code, out, _ = run(capsys, monkeypatch, "resolve", "--registry", str(family_registry), "Sattar Hashemi")
    assert "role=minister" in out


def test_resolve_reads_mentions_from_stdin(family_registry, capsys, monkeypatch):
    code, out, _ = run(capsys, monkeypatch, "resolve", "--registry", str(family_registry), "--format", "jsonl", "-",
                       stdin="Sattar Hashemi\n\nستار هاشمي\n")
    assert code == 0
    assert [(r["mention"], r["id"]) for r in _rows(out)] == [("Sattar Hashemi", "hashemi"), ("ستار هاشمي", "hashemi")]


def test_resolve_without_registry_says_so(capsys, monkeypatch):
    code, _, err = run(capsys, monkeypatch, "resolve", "Ali")
    _one_line_error(code, err, "--registry")


# ---------------------------------------------------------------------------
# CSV / TSV registries
# ---------------------------------------------------------------------------


def test_tsv_registry_with_mapped_columns(tmp_path, capsys, monkeypatch):
    reg = tmp_path / "officials.tsv"
    reg.write_text(
        "person_id\tfull_name\tarabic\tpersian\tcountry\n"
        "ir-1\tMasoud Pezeshkian\t\tمسعود پزشکیان\tIR\n"
        "iq-1\tFuad Hussein\tفؤاد حسين|فؤاد محمد حسين\t\tIQ\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, monkeypatch, "resolve", "--registry", str(reg), "--id-col", "person_id",
                         "--name-col", "full_name", "--alias-col", "arabic", "--alias-col", "persian",
                         "--format", "jsonl", "فؤاد حسين", "مسعود پزشکیان")
    assert code == 0, err
    rows = _rows(out)
    assert [r["id"] for r in rows] == ["iq-1", "ir-1"]
    assert rows[0]["alias"] == "فؤاد حسين"  # found through the mapped alias column
    assert rows[0]["attributes"] == {"country": "IQ"}  # the unmapped column is an attribute


def test_csv_registry_with_another_delimiter(tmp_path, capsys, monkeypatch):
    reg = tmp_path / "people.txt"
    reg.write_text("key;label;aliases\np1;Sattar Hashemi;ستار هاشمي\n", encoding="utf-8")
    code, out, err = run(capsys, monkeypatch, "resolve", "--registry", str(reg), "--delimiter", ";", "--id-col", "key",
                         "--name-col", "label", "--format", "jsonl", "ستار هاشمي")
    assert code == 0, err
    assert _rows(out)[0]["id"] == "p1"
    code, out, err = run(capsys, monkeypatch, "resolve", "--registry", str(reg), "--delimiter", "tab", "Ali")
    _one_line_error(code, err, "people.txt", "'id'", "--id-col")


def test_csv_registry_errors_name_file_line_and_option(tmp_path, capsys, monkeypatch):
    reg = tmp_path / "people.csv"
    reg.write_text("id,name,name\np1,Ali,Aly\n", encoding="utf-8")
    code, _, err = run(capsys, monkeypatch, "resolve", "--registry", str(reg), "--id-col", "id", "Ali")
    _one_line_error(code, err, "people.csv:1", "duplicate")
    reg.write_text("id,name\np1,Ali\np2\n", encoding="utf-8")
    code, _, err = run(capsys, monkeypatch, "resolve", "--registry", str(reg), "--name-col", "name", "Ali")
    _one_line_error(code, err, "people.csv:3", "columns")
    reg.write_text("id,name\np1,Ali\np1,Aly\n", encoding="utf-8")
    code, _, err = run(capsys, monkeypatch, "resolve", "--registry", str(reg), "--name-col", "name", "Ali")
    _one_line_error(code, err, "people.csv:3")
    code, _, err = run(capsys, monkeypatch, "resolve", "--registry", str(reg), "--delimiter", ";;", "Ali")
    assert code == 2 and "--delimiter" in err


# ---------------------------------------------------------------------------
# score
# ---------------------------------------------------------------------------


def test_score_two_names_every_format(capsys, monkeypatch):
    for fmt in ("table", "jsonl", "csv"):
        code, out, _ = run(capsys, monkeypatch, "score", "Qassem Soleimani", "قاسم سليماني", "--format", fmt)
        assert code == 0
        if fmt == "jsonl":
            (row,) = _rows(out)
            assert row["match"] is True and row["score"] == pytest.approx(namematch.score("Qassem Soleimani", "قاسم سليماني"))
        elif fmt == "csv":
            (row,) = list(csv.DictReader(io.StringIO(out)))
            assert row["match"] == "true" and float(row["score"]) >= namematch.DEFAULT_THRESHOLD
        else:
            assert out.splitlines()[0].split() == ["a", "b", "score", "match"]


@pytest.mark.parametrize("fmt", ["table", "jsonl", "csv"])
def test_score_explain_follows_the_format(fmt, capsys, monkeypatch):
    a, b = "Ali Hussein al-Dulaimi", "Ali Hussein al-Tikriti"
    ex = namematch.explain(a, b)
    code, out, _ = run(capsys, monkeypatch, "score", a, b, "--explain", "--format", fmt)
    assert code == 0
    if fmt == "jsonl":
        assert _rows(out) == [json.loads(ex.to_json())]
    elif fmt == "csv":
        (row,) = list(csv.DictReader(io.StringIO(out)))
        assert row["a"] == a and row["match"] == "false"
        assert row["rules"].split("|") == list(ex.rules)
        assert row["unmatched_a"] == "al-Dulaimi"
    else:
        assert out.strip() == str(ex).strip()


def test_score_pairs_from_csv_keeps_columns_and_adds_scores(tmp_path, capsys, monkeypatch):
    pairs = tmp_path / "pairs.csv"
    pairs.write_text("id,left,right\n1,Qassem Soleimani,قاسم سليماني\n2,Muhammad bin Salman,Salman bin Muhammad\n\n",
                     encoding="utf-8")
    code, out, err = run(capsys, monkeypatch, "score", "--pairs", str(pairs), "--a-col", "left", "--b-col", "right",
                         "--format", "csv")
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["id"] for r in rows] == ["1", "2"]
    assert list(rows[0]) == ["id", "left", "right", "score", "match"]
    assert [r["match"] for r in rows] == ["true", "false"]
    assert float(rows[0]["score"]) == pytest.approx(namematch.score("Qassem Soleimani", "قاسم سليماني"), abs=1e-6)


def test_score_pairs_from_jsonl_on_stdin(capsys, monkeypatch):
    stdin = '{"a": "Sattar Hashemi", "b": "ستار هاشمي", "ref": 7}\n["Masoud Pezeshkian", "Sattar Hashemi"]\n'
    code, out, err = run(capsys, monkeypatch, "score", "--pairs", "-", "--format", "jsonl", "--threshold", "0.5",
                         stdin=stdin)
    assert code == 0, err
    rows = _rows(out)
    assert rows[0]["ref"] == 7 and rows[0]["match"] is True
    assert rows[1]["a"] == "Masoud Pezeshkian" and rows[1]["match"] is False
    code, out, _ = run(capsys, monkeypatch, "score", "--pairs", "-", "--explain", "--format", "jsonl", stdin=stdin)
    assert [r["a"] for r in _rows(out)] == ["Sattar Hashemi", "Masoud Pezeshkian"]


def test_score_pairs_errors_name_the_line(tmp_path, capsys, monkeypatch):
    code, _, err = run(capsys, monkeypatch, "score", "--pairs", "-", stdin='{"a": "Ali", "b": "Aly"}\n{"a": "Ali"\n')
    _one_line_error(code, err, "<stdin>:2", "JSON")
    code, _, err = run(capsys, monkeypatch, "score", "--pairs", "-", stdin='{"a": "Ali", "b": 3}\n')
    _one_line_error(code, err, "<stdin>:1", "'b'")
    code, _, err = run(capsys, monkeypatch, "score", "--pairs", "-", stdin="x,y\nAli,Aly\n")
    _one_line_error(code, err, "'a'", "--a-col")  # a headerless file is refused, not scored minus a row
    code, _, err = run(capsys, monkeypatch, "score", "--pairs", "-", stdin="[" * 5000 + "\n")
    _one_line_error(code, err, "<stdin>:1")
    code, _, err = run(capsys, monkeypatch, "score", "Ali")
    _one_line_error(code, err, "--pairs")


# ---------------------------------------------------------------------------
# every command: stdin, formats, help, thresholds, unknown options
# ---------------------------------------------------------------------------


def _command_args(tmp: Path, registry: Path) -> dict[str, list[str]]:
    names = tmp / "names.txt"
    names.write_text("Sattar Hashemi\nستار هاشمي\nMasoud Pezeshkian\n", encoding="utf-8")
    article = tmp / "article.txt"
    article.write_text("Foreign Minister Sattar Hashemi met Masoud Pezeshkian in Tehran.", encoding="utf-8")
    return {
        "normalize": ["normalize", "Sattar Hashemi"],
        "parse": ["parse", "Sattar Hashemi"],
        "romanize": ["romanize", "ستار هاشمي"],
        "keys": ["keys", "Sattar Hashemi"],
        "score": ["score", "Sattar Hashemi", "ستار هاشمي"],
        "resolve": ["resolve", "--registry", str(registry), "Sattar Hashemi"],
        "cluster": ["cluster", str(names)],
        "link": ["link", "--registry", str(registry), str(article)],
        "fit": ["fit", str(_labelled_pairs(tmp)), "-o", str(tmp / "scorer.json")],
    }


def _labelled_pairs(tmp: Path) -> Path:
    """An invented file of labelled pairs for ``namematch fit``."""
    given = ["Karim", "Samir", "Nadia", "Leila", "Tarek", "Rania"]
    family = ["Haddadin", "Khoury", "Nassar", "Sabbagh", "Mansour", "Azar"]
    rows = ["a,b,same"]
    for k, fam in enumerate(family):
        a, b, other = given[k], given[(k + 1) % 6], family[(k + 2) % 6]
        rows += [f"{a} {fam},{a} {fam}e,yes", f"{a} {fam},{a[0]}. {fam},yes",
                 f"{a} {fam},{b} {other},no", f"{a} {fam},{a} {other},no"]
    path = tmp / "labelled.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["table", "jsonl", "csv"])
def test_every_command_writes_every_format(fmt, tmp_path, family_registry, capsys, monkeypatch):
    for command, args in _command_args(tmp_path, family_registry).items():
        code, out, err = run(capsys, monkeypatch, *args, "--format", fmt)
        assert code == 0, (command, err)
        assert out.strip(), command
        if fmt == "jsonl":
            assert all(isinstance(r, dict) for r in _rows(out)), command
        elif fmt == "csv":
            rows = list(csv.reader(io.StringIO(out)))
            assert len(rows) >= 2 and all(len(r) == len(rows[0]) for r in rows), command


def test_every_command_reads_stdin_for_dash(tmp_path, family_registry, capsys, monkeypatch):
    names = "Sattar Hashemi\nستار هاشمي\n"
    for args in (["normalize", "-"], ["parse", "-"], ["romanize", "-"], ["keys", "-"],
                 ["resolve", "--registry", str(family_registry), "-"], ["cluster", "-"], ["cluster"]):
        code, out, err = run(capsys, monkeypatch, *args, "--format", "jsonl", stdin=names)
        assert code == 0, (args, err)
        assert "ستار هاشمي" in out, args
    code, out, _ = run(capsys, monkeypatch, "score", "--pairs", "-", "--format", "jsonl", stdin="a,b\nSattar Hashemi,ستار هاشمي\n")
    assert _rows(out)[0]["match"] is True
    code, out, _ = run(capsys, monkeypatch, "link", "-", "--format", "jsonl",
                       stdin="Foreign Minister Sattar Hashemi met Masoud Pezeshkian in Tehran.")
    assert {r["doc_id"] for r in _rows(out)} == {"<stdin>"}
    assert {r["mention"] for r in _rows(out)} >= {"Sattar Hashemi", "Masoud Pezeshkian"}


def test_link_reads_an_article_from_stdin_with_the_demo_registry():
    article = (DEMO / "articles" / "en-01.txt").read_bytes()
    proc = _cli("link", "--registry", str(DEMO / "registry.jsonl"), "-", "--format", "jsonl", stdin=article)
    assert proc.returncode == 0, proc.stderr
    rows = _rows(proc.stdout.decode("utf-8"))
    assert {"ir-araghchi", "iq-fuad-hussein"} <= {r["id"] for r in rows}
    assert rows[0]["attributes"]["country"]


def _all_parsers() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    found = {"namematch": parser}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            found.update(action.choices)
    return found


def test_every_option_has_help():
    missing = []
    for name, parser in _all_parsers().items():
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                continue
            if not (action.help and action.help.strip()):
                missing.append((name, action.dest))
    assert missing == []


def test_every_command_has_the_format_option():
    for name, parser in _all_parsers().items():
        if name in ("namematch", "demo"):
            continue
        (fmt,) = [a for a in parser._actions if "--format" in a.option_strings]
        assert {"table", "jsonl", "csv"} <= set(fmt.choices), name


def _threshold_options() -> list[tuple[str, str]]:
    return [(name, option) for name, parser in _all_parsers().items() for action in parser._actions
            for option in action.option_strings if "threshold" in option]


def test_thresholds_are_checked_on_the_unit_scale(tmp_path, family_registry, capsys, monkeypatch):
    options = _threshold_options()
    assert {name for name, _ in options} >= {"score", "resolve", "cluster", "link"}
    commands = _command_args(tmp_path, family_registry)
    for name, option in options:
        code, out, err = run(capsys, monkeypatch, *commands[name], option, "80")
        assert code == 2 and out == "", (name, option)
        assert option in err and "0-1" in err and "did you mean 0.8?" in err, err
        for bad in ("nan", "-0.1", "1.5", "high"):
            code, _, err = run(capsys, monkeypatch, *commands[name], option, bad)
            assert code == 2 and option in err, (name, option, bad)
        code, _, err = run(capsys, monkeypatch, *commands[name], option, "0.6")
        assert code == 0, (name, option, err)


def test_a_threshold_changes_the_answer(family_registry, capsys, monkeypatch):
    args = ["resolve", "--registry", str(family_registry), "--format", "jsonl", "Sattar Hashimi"]
    _, out, _ = run(capsys, monkeypatch, *args, "--threshold", "0.1")
    assert _rows(out)[0]["id"] == "hashemi"
    _, out, _ = run(capsys, monkeypatch, *args, "--threshold", "1")
    assert _rows(out)[0]["id"] is None


def test_unknown_and_abbreviated_options_are_reported_as_such(family_registry, capsys, monkeypatch):
    code, _, err = run(capsys, monkeypatch, "resolve", "--registy", str(family_registry), "Ali")
    assert code == 2
    assert "unknown option --registy (did you mean --registry?)" in err
    assert "required" not in err
    code, _, err = run(capsys, monkeypatch, "resolve", "--reg", str(family_registry), "Ali")  # no prefix matching
    assert code == 2 and "unknown option --reg" in err
    code, _, err = run(capsys, monkeypatch, "score", "Ali", "Aly", "--explian")
    assert code == 2 and "unknown option --explian (did you mean --explain?)" in err
    code, _, err = run(capsys, monkeypatch, "cluster", "a.txt", "b.txt")
    assert code == 2 and "unexpected arguments: b.txt" in err


def test_help_and_version_exit_zero(capsys, monkeypatch):
    code, out, _ = run(capsys, monkeypatch, "--help")
    assert code == 0 and "standard input" in out
    code, out, _ = run(capsys, monkeypatch, "link", "--help")
    assert code == 0 and "html" in out and "--alias-col" in out


def test_version_names_the_build(capsys, monkeypatch):
    from namematch import __version__, _build

    code, out, _ = run(capsys, monkeypatch, "--version")
    assert code == 0
    assert out.startswith(f"namematch {__version__} (")
    compiled = _build.compiled_modules()
    assert ("compiled: " + ", ".join(compiled) if compiled else "pure Python") in out


# ---------------------------------------------------------------------------
# link: documents, html
# ---------------------------------------------------------------------------


def test_link_keeps_same_stem_files_apart(tmp_path, capsys, monkeypatch):
    d2, d3 = tmp_path / "d2", tmp_path / "d3"
    (d2 / "sub").mkdir(parents=True)
    d3.mkdir()
    (d2 / "a.txt").write_text("Foreign Minister Sattar Hashemi arrived.", encoding="utf-8")
    (d2 / "a.md").write_text("President Masoud Pezeshkian spoke.", encoding="utf-8")
    (d3 / "a.txt").write_text("Foreign Minister Fuad Hussein left.", encoding="utf-8")
    (d2 / "sub" / "a.txt").write_text("Foreign Minister Abbas Araghchi called.", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, monkeypatch, "link", "d2/", "d3", "d2/a.txt", "--format", "jsonl")
    assert code == 0, err
    by_doc = {}
    for r in _rows(out):
        by_doc.setdefault(r["doc_id"], set()).add(r["mention"])
    assert by_doc == {
        "d2/a.md": {"Masoud Pezeshkian"},
        "d2/a.txt": {"Sattar Hashemi"},
        "d2/sub/a.txt": {"Abbas Araghchi"},
        "d3/a.txt": {"Fuad Hussein"},
    }


def test_link_reports_an_unreadable_folder_or_file(tmp_path, capsys, monkeypatch):
    corpus = tmp_path / "corpus"
    (corpus / "locked").mkdir(parents=True)
    (corpus / "ok.txt").write_text("Foreign Minister Sattar Hashemi arrived.", encoding="utf-8")
    (corpus / "locked" / "b.txt").write_text("Foreign Minister Fuad Hussein left.", encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path="."):
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)  # root reads any folder: deny it here
    code, out, err = run(capsys, monkeypatch, "link", str(corpus))
    _one_line_error(code, err, "locked", "cannot read folder")
    assert out == ""
    monkeypatch.setattr(os, "scandir", real_scandir)
    if os.path.exists("/proc/self/mem"):  # a file even root cannot read (EIO)
        (corpus / "locked" / "b.txt").unlink()
        (corpus / "mem.txt").symlink_to("/proc/self/mem")
        code, out, err = run(capsys, monkeypatch, "link", str(corpus))
        _one_line_error(code, err, "mem.txt", "cannot read")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_non_regular_files_are_refused_not_read(tmp_path):
    fifo = tmp_path / "names.txt"
    os.mkfifo(fifo)
    folder = tmp_path / "corpus"
    folder.mkdir()
    os.mkfifo(folder / "stream.txt")
    for args in (("link", str(fifo)), ("cluster", str(fifo)), ("resolve", "--registry", str(fifo), "Ali"),
                 ("score", "--pairs", str(fifo)), ("link", str(folder)), ("link", "/dev/zero"),
                 ("cluster", "/dev/zero")):
        proc = _cli(*args, timeout=60)  # used to block for ever (FIFO) or fill memory (/dev/zero)
        err = proc.stderr.decode()
        _one_line_error(proc.returncode, err, "not a regular file")


@pytest.mark.parametrize("command", ["link", "normalize", "cluster"])
def test_binary_stdin_stops_at_once(command):
    with open("/dev/zero", "rb") as zero:  # endless NUL bytes, no line end
        proc = subprocess.run([sys.executable, "-m", "namematch", command, "-"], stdin=zero, capture_output=True,
                              timeout=60)
    _one_line_error(proc.returncode, proc.stderr.decode(), "<stdin>", "binary")


def test_link_html_is_one_page(tmp_path, capsys, monkeypatch):
    article = tmp_path / "a.txt"
    article.write_text("Foreign Minister Sattar Hashemi met <b>Masoud Pezeshkian</b>.", encoding="utf-8")
    code, out, _ = run(capsys, monkeypatch, "link", str(article), "--format", "html")
    assert code == 0
    assert out.startswith("<!DOCTYPE html>") and out.rstrip().endswith("</html>")
    assert "<mark>Sattar Hashemi</mark>" in out
    assert "&lt;b&gt;" in out and "<b>Masoud" not in out


def test_demo_writes_the_html_report(tmp_path, capsys, monkeypatch):
    page = tmp_path / "out" / "demo.html"
    code, out, _ = run(capsys, monkeypatch, "demo", "--html", str(page))
    assert code == 0
    assert f"HTML report: {page}" in out
    assert "Abbas Araghchi" in page.read_text(encoding="utf-8")


# ---------------------------------------------------------------------------
# hostile input
# ---------------------------------------------------------------------------

FORMULAS = ["=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1)", "\tTab", "\rCR"]


def test_csv_output_is_safe_for_spreadsheets(tmp_path, capsys, monkeypatch):
    code, out, _ = run(capsys, monkeypatch, "normalize", "--format", "csv", "--", *FORMULAS)
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["name"] for r in rows] == ["'" + n for n in FORMULAS]
    reg = tmp_path / "reg.jsonl"
    reg.write_text(json.dumps({"id": "=cmd|' /C calc'!A0", "name": "=Ali Hassan", "aliases": ["+Ali Hasan"]}) + "\n")
    code, out, _ = run(capsys, monkeypatch, "resolve", "--registry", str(reg), "--format", "csv", "Ali Hassan")
    (row,) = list(csv.DictReader(io.StringIO(out)))
    assert row["id"] == "'=cmd|' /C calc'!A0" and row["name"] == "'=Ali Hassan"
    for cell in (row[k] for k in row):
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), row
    # JSON lines are data, not spreadsheet cells: unchanged
    code, out, _ = run(capsys, monkeypatch, "normalize", "--format", "jsonl", "=1+1")
    assert _rows(out)[0]["name"] == "=1+1"


def test_table_output_shows_control_characters(capsys, monkeypatch):
    code, out, _ = run(capsys, monkeypatch, "normalize", "Ali\x1b[31mRed")
    assert code == 0 and "\x1b" not in out and "\\x1b[31m" in out


def _saved_index(tmp_path: Path) -> Path:
    reg = namematch.Registry([namematch.Person("p1", "Sattar Hashemi", ("ستار هاشمي",)),
                              namematch.Person("p2", "Masoud Pezeshkian")])
    path = tmp_path / "reg.idx"
    reg.save(path)
    return path


@pytest.mark.parametrize("tamper", ["drop postings", "rename persons", "odd posting blob", "garbage persons json",
                                    "truncate"])
def test_a_tampered_index_is_a_clean_error(tamper, tmp_path, capsys, monkeypatch):
    path = _saved_index(tmp_path)
    if tamper == "truncate":
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 2])
    else:
        con = sqlite3.connect(path)
        with con:
            if tamper == "drop postings":
                con.execute("DROP TABLE postings")
            elif tamper == "rename persons":
                con.execute("ALTER TABLE persons RENAME TO people")
            elif tamper == "odd posting blob":
                con.execute("UPDATE postings SET ids = x'010203'")
            else:
                con.execute("UPDATE persons SET json = '{broken'")
        con.close()
    code, out, err = run(capsys, monkeypatch, "resolve", "--registry", str(path), "--format", "jsonl",
                         "Sattar Hashemi", "ستار هاشمي")
    if code == 0:  # the damage did not touch what these queries read: the answers are still right
        assert [r["id"] for r in _rows(out)] == ["p1", "p1"]
    else:
        _one_line_error(code, err, "reg.idx")
        assert "registry" in err


def test_malformed_registry_files_are_clean_errors(tmp_path, capsys, monkeypatch):
    deep = tmp_path / "deep.jsonl"
    deep.write_text('{"id": "p1", "name": "Ali"}\n' + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    cr_only = tmp_path / "cr.csv"
    cr_only.write_bytes(b"id,name\rp1,Ali Hassan\rp2,Sattar Hashemi\r")
    cr_header = tmp_path / "crh.csv"
    cr_header.write_bytes(b"id,na\rme\np1,Ali Hassan\n")
    for path in (deep, cr_only, cr_header):
        for extra in ((), ("--id-col", "id")):
            code, out, err = run(capsys, monkeypatch, "resolve", "--registry", str(path), *extra, "--format", "jsonl",
                                 "Ali Hassan")
            if code != 0:
                _one_line_error(code, err, path.name)
            else:  # read correctly, or its bad lines reported
                assert _rows(out)[0]["id"] == "p1", (path.name, extra)


def test_arguments_that_are_not_utf8_are_refused_not_echoed(tmp_path):
    proc = _cli("normalize", "Ali", b"\xff\xfeHassan".decode("utf-8", "surrogateescape"))
    assert proc.returncode == 1
    assert proc.stdout == b""
    err = proc.stderr.decode("utf-8")  # valid UTF-8: the bytes are shown escaped
    assert err.startswith("namematch: error: argument 3 is not valid UTF-8") and "\\xff\\xfeHassan" in err
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "ok.txt").write_text("Foreign Minister Sattar Hashemi arrived.", encoding="utf-8")
    os.rename(folder / "ok.txt", os.fsdecode(bytes(folder) + b"/\xffname.txt"))
    proc = _cli("link", str(folder), "--format", "jsonl")
    assert proc.returncode == 0, proc.stderr
    (row,) = _rows(proc.stdout.decode("utf-8"))  # strict decoding: the output is valid UTF-8
    assert row["doc_id"].endswith("\\xffname.txt")


def test_output_is_utf8_whatever_the_locale():
    env = {**os.environ, "LC_ALL": "C", "LANG": "C", "PYTHONIOENCODING": "latin-1", "PYTHONUTF8": "0"}
    proc = _cli("normalize", "--format", "jsonl", "ستار هاشمي", env=env)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout.decode("utf-8"))["name"] == "ستار هاشمي"


def _interrupt_while_loading() -> tuple[int, str]:
    """Run the command and press Ctrl-C while it loads its heavy modules: the moment numpy
    (imported with the registry) is mapped into the process, whatever the machine's load."""
    # a shell's background job inherits SIGINT ignored: give the child a terminal user's default
    proc = subprocess.Popen([sys.executable, "-m", "namematch", "normalize", "--format", "jsonl"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    assert proc.stdin is not None and proc.stdout is not None and proc.stderr is not None
    proc.stdin.write(b"Sattar Hashemi\n")  # the first name makes it load the name modules
    proc.stdin.flush()
    maps = Path(f"/proc/{proc.pid}/maps")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            if "_multiarray_umath" in maps.read_text():
                break
        except OSError:
            pass
        time.sleep(0.001)
    proc.send_signal(signal.SIGINT)
    proc.wait(timeout=60)
    proc.stdin.close()
    err = proc.stderr.read().decode()
    proc.stdout.close()
    proc.stderr.close()
    return proc.returncode, err


@pytest.mark.skipif(not Path("/proc/self/maps").exists(), reason="needs /proc to see the imports happen")
@pytest.mark.parametrize("attempt", range(3))
def test_ctrl_c_while_loading_is_a_clean_exit(attempt):
    code, err = _interrupt_while_loading()
    assert "Traceback" not in err, err
    assert (code, err) == (130, "namematch: interrupted\n")


# ---------------------------------------------------------------------------
# progress bars
# ---------------------------------------------------------------------------


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_no_progress_bar_off_a_terminal(tmp_path, family_registry):
    names = tmp_path / "names.txt"
    names.write_text("Sattar Hashemi\n" * 300, encoding="utf-8")
    proc = _cli("resolve", "--registry", str(family_registry), "-", stdin=names.read_bytes())
    assert proc.returncode == 0 and proc.stderr == b""


@pytest.mark.parametrize("command", ["resolve", "cluster", "link", "score"])
def test_progress_bar_on_a_terminal(command, tmp_path, family_registry, capsys, monkeypatch):
    names = tmp_path / "names.txt"
    names.write_text("Sattar Hashemi\nستار هاشمي\n" * 5, encoding="utf-8")
    pairs = tmp_path / "pairs.csv"
    pairs.write_text("a,b\n" + "Sattar Hashemi,ستار هاشمي\n" * 5, encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Foreign Minister Sattar Hashemi arrived.", encoding="utf-8")
    args = {"resolve": ["resolve", "--registry", str(family_registry), "-"], "cluster": ["cluster", str(names)],
            "link": ["link", str(article), str(names)], "score": ["score", "--pairs", str(pairs)]}[command]
    from namematch import _progress

    terminal = _Terminal()
    monkeypatch.setattr(_progress, "DELAY", 0.0)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(names.read_bytes()), encoding="utf-8"))
    monkeypatch.setattr(sys, "stderr", terminal)
    if command == "cluster":  # an elapsed-time indicator: make the call last past its first refresh
        real = namematch.cluster
        monkeypatch.setattr(namematch, "cluster", lambda *a, **k: (time.sleep(0.6), real(*a, **k))[1])
    assert main(args) == 0
    drawn = terminal.getvalue()
    assert drawn, command
    assert {"resolve": "resolving", "cluster": "clustering", "link": "linking", "score": "scoring"}[command] in drawn
    assert "Sattar" not in capsys.readouterr().err  # nothing else on stderr
