from __future__ import annotations

import json

import pytest

from namematch.cli import main


@pytest.fixture()
def family_registry(tmp_path):
    path = tmp_path / "people.jsonl"
    rows = [
        {"id": "qusay", "name": "Qusay Saddam Hussein al-Tikriti", "aliases": ["قصي صدام حسين التكريتي"]},
        {"id": "uday", "name": "Uday Saddam Hussein al-Tikriti", "aliases": []},
        {"id": "hashemi", "name": "Sattar Hashemi", "aliases": ["ستار هاشمي"]},
    ]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def _rows(capsys) -> list[dict]:
    return [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.strip()]


def test_resolve_lists_ranked_candidates(family_registry, capsys):
    assert main(["resolve", "--registry", str(family_registry), "--limit", "3", "--format", "jsonl",
                 "Qusay Saddam Hussein"]) == 0
    rows = _rows(capsys)
    assert rows[0]["id"] == "qusay" and rows[0]["rank"] == 1
    assert [r["rank"] for r in rows] == list(range(1, len(rows) + 1))


def test_resolve_match_decides_one_person_or_none(family_registry, capsys):
    assert main(["resolve", "--registry", str(family_registry), "--match", "--format", "jsonl",
                 "سيد ستار هاشمي", "Hala Saddam Hussein al-Tikriti"]) == 0
    rows = {r["mention"]: r for r in _rows(capsys)}
    assert rows["سيد ستار هاشمي"]["id"] == "hashemi"
    # a third sibling is not in the registry: no match rather than the closest brother
    assert rows["Hala Saddam Hussein al-Tikriti"]["id"] is None


def test_resolve_match_settings_are_passed_on(family_registry, capsys):
    assert main(["resolve", "--registry", str(family_registry), "--match", "--match-threshold", "0.3",
                 "--margin", "0", "--format", "jsonl", "Saddam al-Tikriti"]) == 0
    (row,) = _rows(capsys)
    assert row["id"] in {"qusay", "uday"}
    assert main(["resolve", "--registry", str(family_registry), "--match", "--margin", "-1", "Ali"]) != 0


def test_version_names_the_build(capsys):
    from namematch import __version__, _build

    assert main(["--version"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"namematch {__version__} (")
    compiled = _build.compiled_modules()
    assert ("compiled: " + ", ".join(compiled) if compiled else "pure Python") in out
