"""Golden cases (jellyfish style): every row of ``tests/golden/*.tsv`` is an invented name
(or, in ``pairs.tsv``, two names) and what normalize, parse, romanize, keys or score give
for it. A behaviour change shows as a failing row here and, once accepted (``python
tools/golden.py --update``), as a reviewed diff of the files. The expected columns are
computed by ``tools/golden.py``'s one formatter per file; ``tests/test_build.py`` checks
that the compiled and the pure build agree on these names."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

import namematch as nm
from tests.conftest import load_script

GOLDEN = Path(__file__).resolve().parent / "golden"
TOOL: ModuleType = load_script("tools/golden.py")


def _cases() -> list[tuple[str, tuple[str, ...], list[str]]]:
    out = []
    for filename, (inputs, _headers, _func) in TOOL.CASES.items():
        header, rows = TOOL.read(GOLDEN / filename)
        assert header[: len(inputs)] == list(inputs), filename
        out.extend((filename, tuple(row[: len(inputs)]), row[len(inputs):]) for row in rows)
    return out


CASES = _cases()


@pytest.mark.parametrize(("filename", "inputs", "expected"), CASES, ids=[f"{c[0]}:{' ~ '.join(c[1])}" for c in CASES])
def test_golden_row(filename: str, inputs: tuple[str, ...], expected: list[str]) -> None:
    assert TOOL.expected(filename, *inputs) == expected


def test_every_golden_file_is_checked() -> None:
    assert sorted(p.name for p in GOLDEN.glob("*.tsv")) == sorted(TOOL.CASES)


def test_golden_files_cover_the_same_names() -> None:
    names = [[row[0] for row in TOOL.read(GOLDEN / f)[1]] for f in ("normalize.tsv", "parse.tsv", "romanize.tsv",
                                                                      "keys.tsv")]
    assert names[0] == names[1] == names[2] == names[3]
    assert len(names[0]) >= 40 and len(set(names[0])) == len(names[0])
    assert any(nm.script_of(n) == "persian" for n in names[0]) and any(nm.script_of(n) == "arabic" for n in names[0])


def test_pair_bands_cover_both_sides_of_the_threshold() -> None:
    bands = [row[2] for row in TOOL.read(GOLDEN / "pairs.tsv")[1]]
    assert len(bands) >= 40
    assert {">=0.99", "0.1-0.5", "<0.1"} <= set(bands)


@pytest.mark.parametrize(("score", "band"), [(0.0, "<0.1"), (0.1, "0.1-0.5"), (0.4999, "0.1-0.5"), (0.5, "0.5-0.9"),
                                             (0.9, "0.9-0.99"), (0.99, ">=0.99"), (1.0, ">=0.99")])
def test_band_edges(score: float, band: str) -> None:
    assert TOOL.band(score) == band
