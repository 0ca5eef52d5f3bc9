"""What the docs say about thresholds is what the code does.

Every default threshold or margin the docs (``docs/*.md``, ``README.md`` and the
module docstrings the API reference shows) quote as a number is read here from the
code, and the DuckDB recipe in ``docs/scale.md`` is the SQL ``link_tables`` runs.
A quote that is reworded so that its pattern no longer matches fails too: update
the pattern with the wording.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

import namematch as nm

ROOT = Path(__file__).resolve().parent.parent
PAGES = [*sorted((ROOT / "docs").glob("*.md")), ROOT / "README.md"]
SOURCES = sorted((ROOT / "src" / "namematch").rglob("*.py"))

_NUMBER = r"\**(\d+(?:\.\d+)?)(?![\d.])\**"


def _code_values() -> dict[str, float]:
    registry = nm.Registry()
    return {
        "DEFAULT_THRESHOLD": nm.DEFAULT_THRESHOLD,
        "match_threshold": registry.match_threshold,
        "margin": registry.margin,
        "CLUSTER_THRESHOLD": importlib.import_module("namematch.cluster").CLUSTER_THRESHOLD,
        "PARTIAL_CAP": importlib.import_module("namematch.score").PARTIAL_CAP,
    }


#: (what the number is, pattern with the number as its group, where it must be found at least once)
QUOTES = [
    ("match_threshold", rf"`Registry\.match_threshold` \(default {_NUMBER}\)?", "docs/how-it-works.md"),
    ("match_threshold", rf"default match threshold\s+\({_NUMBER}\)", None),
    ("match_threshold", rf"match_threshold`\s*(?:=|is)\s*{_NUMBER}", None),
    ("margin", rf"`Registry\.margin` in log-odds \(default {_NUMBER}", "docs/how-it-works.md"),
    ("CLUSTER_THRESHOLD", rf"`?CLUSTER_THRESHOLD`?\s*(?:=|is|\(default)\s*{_NUMBER}", "docs/how-it-works.md"),
    ("DEFAULT_THRESHOLD", rf"`?(?:namematch\.)?DEFAULT_THRESHOLD`?,?\s*(?:=|is|\(default)?\s*{_NUMBER}", "docs/scale.md"),
    ("DEFAULT_THRESHOLD", rf"default (?:pair[- ]score )?threshold (?:of |\(){_NUMBER}", None),
    ("PARTIAL_CAP", rf"`?PARTIAL_CAP`?\s*(?:=|is|\()\s*{_NUMBER}", None),
    ("PARTIAL_CAP", rf"scores at most {_NUMBER} unless every element agrees", "docs/how-it-works.md"),
]


def _texts() -> dict[str, str]:
    return {str(p.relative_to(ROOT)): p.read_text(encoding="utf-8") for p in [*PAGES, *SOURCES]}


@pytest.mark.parametrize(("name", "pattern", "where"), QUOTES, ids=[f"{q[0]}:{i}" for i, q in enumerate(QUOTES)])
def test_quoted_thresholds_are_the_codes(name: str, pattern: str, where: str | None) -> None:
    value = _code_values()[name]
    found = []
    for path, text in _texts().items():
        for m in re.finditer(pattern, text):
            found.append(path)
            quoted = float(m.group(1))
            line = text.count("\n", 0, m.start()) + 1
            assert quoted == pytest.approx(value), f"{path}:{line} quotes {name} as {quoted}; the code has {value}"
    if where is not None:
        assert where in found, f"{where} no longer quotes {name} in this wording: update the pattern"


def _sql_blocks(text: str) -> list[str]:
    return [b.strip() for b in re.findall(r"```sql\n(.*?)```", text, flags=re.S)]


def test_the_duckdb_recipe_is_what_link_tables_runs() -> None:
    duckdb_module = pytest.importorskip("namematch.duckdb")
    (block,) = _sql_blocks((ROOT / "docs" / "scale.md").read_text(encoding="utf-8"))
    assert block == duckdb_module.link_sql("left", "right", max_block_size=1000).strip()
    assert f"score >= {nm.DEFAULT_THRESHOLD!r}" in block


def test_cli_help_quotes_the_codes_defaults() -> None:
    from namematch.cli import build_parser

    values = _code_values()
    help_text = {name: " ".join(parser.format_help().split())  # argparse wraps lines
                 for name, parser in build_parser()._subparsers._group_actions[0].choices.items()}
    assert f"(default: {values['DEFAULT_THRESHOLD']})" in help_text["score"]
    assert f"(default: {values['match_threshold']})" in help_text["resolve"]
    assert f"(default: {values['margin']})" in help_text["resolve"]
    assert f"(default: {values['CLUSTER_THRESHOLD']}" in help_text["cluster"]
