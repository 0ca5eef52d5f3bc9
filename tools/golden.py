"""Check or rewrite the golden cases of ``tests/golden/`` (normalize, parse, romanize, keys, pair bands).

Each file is a headed TSV, one case a row: the input (invented names: Latin, Arabic and
Persian script, with marks, tatweel, joiners, particles, titles, a Cyrillic look-alike;
for ``pairs.tsv`` two names) and the expected outputs of the current code. ``tests/test_golden.py`` checks every row;
a change of behaviour shows as a diff of these files in review.

    python tools/golden.py            # check: exit 1 and list the rows that differ
    python tools/golden.py --update   # rewrite the expected columns from the current code

Parse: each token as ``norm/role``, with ``+head`` / ``+tail`` for a compound's parts
(Abd, Abu; ud-Din, Allah, Zada), ``^article`` for a carried article and ``*`` after a
lineage particle. Pairs: the band of :func:`namematch.score` (``>=0.99``, ``0.9-0.99``,
``0.5-0.9``, ``0.1-0.5``, ``<0.1``), so a small drift inside a band is not a failure but a
pair moving across the default threshold (0.5) or into the certain band is.

Keys: the lexicon-group keys (``g:<id>``) are numbered by the lexicon build, so the file
records the other keys and the number of group keys.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

import namematch as nm

GOLDEN = Path(__file__).resolve().parent.parent / "tests" / "golden"


def _keys(name: str) -> list[str]:
    found = nm.keys(name)
    plain = sorted(k for k in found if not k.startswith("g:"))
    return [" ".join(plain), str(len(found) - len(plain))]


def _parse(name: str) -> list[str]:
    parsed = nm.parse(name)
    cells = []
    for t in parsed.tokens:
        cell = f"{t.norm}/{t.role}"
        cell += f"+{t.head}" if t.head else ""
        cell += f"+{t.tail}" if t.tail else ""
        cell += f"^{t.article}" if t.article else ""
        cell += "*" if t.lineage else ""
        cells.append(cell)
    return [" ".join(cells), "family-first" if parsed.family_first else "given-first"]


#: upper ends of the pair-score bands, lowest first, and their labels (see the module doc)
BANDS: tuple[tuple[float, str], ...] = ((0.1, "<0.1"), (0.5, "0.1-0.5"), (0.9, "0.5-0.9"), (0.99, "0.9-0.99"))


def band(score: float) -> str:
    """The label of the band a pair score falls in."""
    for upper, label in BANDS:
        if score < upper:
            return label
    return ">=0.99"


def _pair(a: str, b: str) -> list[str]:
    return [band(nm.score(a, b))]


#: file -> (headers of the input columns, headers of the expected columns, function of the inputs)
CASES: dict[str, tuple[tuple[str, ...], tuple[str, ...], Callable[..., list[str]]]] = {
    "normalize.tsv": (("input",), ("normalize",), lambda name: [nm.normalize(name)]),
    "parse.tsv": (("input",), ("tokens", "order"), _parse),
    "romanize.tsv": (("input",), ("romanize", "romanize_persian"),
                     lambda name: [nm.romanize(name), nm.romanize(name, "persian")]),
    "keys.tsv": (("input",), ("keys_without_groups", "group_keys"), _keys),
    "pairs.tsv": (("a", "b"), ("band",), _pair),
}


def read(path: Path) -> tuple[list[str], list[list[str]]]:
    """(header, rows) of a golden file, comments left out (cells hold no tab or line end)."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return lines[0].split("\t"), [line.split("\t") for line in lines[1:] if line]


def expected(filename: str, *inputs: str) -> list[str]:
    """The expected columns of a row of ``filename`` with these inputs, from the current code."""
    return CASES[filename][2](*inputs)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--update", action="store_true", help="rewrite the expected columns")
    args = ap.parse_args(argv)
    bad = 0
    for filename, (inputs, headers, _func) in CASES.items():
        path = GOLDEN / filename
        _header, rows = read(path)
        out = []
        n = len(inputs)
        for row in rows:
            got = expected(filename, *row[:n])
            if got != row[n:]:
                bad += 1
                if not args.update:
                    print(f"{filename}: {row[:n]!r}: file {row[n:]}, code {got}")
            out.append([*row[:n], *got])
        if args.update:
            comments = [line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
            lines = [*comments, "\t".join((*inputs, *headers)), *("\t".join(r) for r in out)]
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    if args.update:
        print(f"{bad} row(s) rewritten", file=sys.stderr)
        return 0
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
