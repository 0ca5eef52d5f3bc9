"""The consistency check of the gold news corpora (``benchmarks/news_corpus_check.py``):
every corpus in the repository passes it, and it reports the faults it is there to find."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from .conftest import ROOT, load_script

check_mod = load_script("benchmarks/news_corpus_check.py")
CORPORA = sorted((ROOT / "benchmarks" / "data").glob("news-invented*"))


@pytest.mark.parametrize("folder", CORPORA, ids=lambda p: p.name)
def test_shipped_corpus_is_clean(folder: Path) -> None:
    problems, table = check_mod.check(folder)
    assert problems == []
    assert table[2].startswith("| documents |")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A small invented corpus in the news format: two English texts, one Arabic."""
    filler = " ".join(["the talks went on through the afternoon"] * 12)
    texts = {
        "d01": f"Envoy Talks\nMr Tomas Velder met Ines Okafor in the capital. {filler}",
        "d02": f"Ministers Meet\nVelder said the round was useful. {filler}",
        "d03": "لقاء\nالتقى توماس فيلدر نظيرته في العاصمة. " + " ".join(["واستمرت المحادثات طوال اليوم"] * 20),
    }
    for doc, text in texts.items():
        (tmp_path / f"{doc}.txt").write_text(text, encoding="utf-8")
    sources = {doc: {"url": "invented", "language": lang, "title": texts[doc].split("\n")[0]}
               for doc, lang in (("d01", "en"), ("d02", "en"), ("d03", "ar"))}
    gold = {
        "about": "test corpus",
        "persons": {
            "tomas-velder": {"d01": ["Tomas Velder"], "d02": ["Velder"], "d03": ["توماس فيلدر"]},
            "ines-okafor": {"d01": ["Ines Okafor"]},
        },
        "cross_document": ["tomas-velder"],
        "cross_script": ["tomas-velder"],
    }
    (tmp_path / "sources.json").write_text(json.dumps(sources), encoding="utf-8")
    (tmp_path / "gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return tmp_path


def _edit_gold(folder: Path, edit: object) -> None:
    path = folder / "gold.json"
    gold = json.loads(path.read_text(encoding="utf-8"))
    edit(gold)  # type: ignore[operator]
    path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")


def test_invented_corpus_is_clean(corpus: Path) -> None:
    problems, table = check_mod.check(corpus)
    assert problems == []
    assert "| persons | 2 | 1 | 0 | 2 |" in table
    assert "| person–document pairs | 3 | 1 | 0 | 4 |" in table


def test_form_not_in_text_and_title_word(corpus: Path) -> None:
    _edit_gold(corpus, lambda g: g["persons"]["ines-okafor"].update({"d01": ["Ines Okafor", "Ines Okaforr", "Mr Tomas"]}))
    problems, _ = check_mod.check(corpus)
    assert any("'Ines Okaforr' not in the text" in p for p in problems)
    assert any("'Mr Tomas' starts with a title word" in p for p in problems)
    assert not any("given to" in p for p in problems)


def test_unannotated_occurrence_is_a_leak_until_listed(corpus: Path) -> None:
    def drop_d02(gold: dict) -> None:  # type: ignore[type-arg]
        gold["persons"]["tomas-velder"].pop("d02")
        gold["persons"]["tomas-velder"]["d01"].append("Velder")

    _edit_gold(corpus, drop_d02)
    problems, _ = check_mod.check(corpus)
    assert any("d02: 'Velder' of tomas-velder occurs" in p for p in problems)
    assert any("d02: no person annotated" in p for p in problems)
    exceptions = {"allowed_leaks": [{"person": "tomas-velder", "form": "Velder", "doc": "d02", "why": "test"}]}
    (corpus / "check.json").write_text(json.dumps(exceptions), encoding="utf-8")
    problems, _ = check_mod.check(corpus)
    assert not any("occurs but" in p for p in problems)


def test_cross_lists_follow_the_persons(corpus: Path) -> None:
    _edit_gold(corpus, lambda g: g["persons"]["tomas-velder"].pop("d03"))
    problems, _ = check_mod.check(corpus)
    assert any("cross_script disagrees" in p and "extra ['tomas-velder']" in p for p in problems)
    assert not any("cross_document disagrees" in p for p in problems)


def test_stale_exception_and_script_letters(corpus: Path) -> None:
    exceptions = {"allowed_leaks": [{"person": "ines-okafor", "form": "Okafor", "doc": "d03", "why": "test"}]}
    (corpus / "check.json").write_text(json.dumps(exceptions), encoding="utf-8")
    text = (corpus / "d03.txt").read_text(encoding="utf-8")
    (corpus / "d03.txt").write_text(text.replace("العاصمة", "العاصمی"), encoding="utf-8")
    problems, _ = check_mod.check(corpus)
    assert any("no longer occurs" in p for p in problems)
    assert any("Persian yeh/keheh in an Arabic text" in p for p in problems)


def test_readme_row_must_match(corpus: Path, tmp_path: Path) -> None:
    (corpus / "README.md").write_text("| persons | 2 | 1 | 0 | 3 |\n", encoding="utf-8")
    problems, _ = check_mod.check(corpus)
    assert any("README.md row" in p for p in problems)


def test_main_exit_status(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert check_mod.main([str(corpus)]) == 0
    broken = tmp_path / "broken"
    shutil.copytree(corpus, broken)
    (broken / "d02.txt").unlink()
    assert check_mod.main([str(broken)]) == 1
    assert "PROBLEM:" in capsys.readouterr().out
