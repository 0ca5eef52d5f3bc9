"""Golden cases (jellyfish style): every row of ``tests/golden/*.tsv`` is one invented name
and what normalize, romanize and keys give for it. A behaviour change shows as a failing
row here and, once accepted (``python tools/golden.py --update``), as a reviewed diff of the
files. ``tests/test_build.py`` checks that the compiled and the pure build agree."""

from __future__ import annotations

from pathlib import Path

import pytest

import namematch as nm

GOLDEN = Path(__file__).resolve().parent / "golden"


def _rows(filename: str) -> list[list[str]]:
    lines = [line for line in (GOLDEN / filename).read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    return [line.split("\t") for line in lines[1:]]


@pytest.mark.parametrize(("name", "expected"), _rows("normalize.tsv"))
def test_normalize(name: str, expected: str) -> None:
    assert nm.normalize(name) == expected


@pytest.mark.parametrize(("name", "default", "persian"), _rows("romanize.tsv"))
def test_romanize(name: str, default: str, persian: str) -> None:
    assert (nm.romanize(name), nm.romanize(name, "persian")) == (default, persian)


@pytest.mark.parametrize(("name", "plain", "groups"), _rows("keys.tsv"))
def test_keys(name: str, plain: str, groups: str) -> None:
    found = nm.keys(name)
    other = sorted(k for k in found if not k.startswith("g:"))
    assert (" ".join(other), len(found) - len(other)) == (plain, int(groups))


def test_golden_files_cover_the_same_names() -> None:
    names = [[row[0] for row in _rows(f)] for f in ("normalize.tsv", "romanize.tsv", "keys.tsv")]
    assert names[0] == names[1] == names[2]
    assert len(names[0]) >= 40 and len(set(names[0])) == len(names[0])
    assert any(nm.script_of(n) == "persian" for n in names[0]) and any(nm.script_of(n) == "arabic" for n in names[0])
