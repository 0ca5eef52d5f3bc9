"""Check or rewrite the golden cases of ``tests/golden/`` (normalize, romanize, keys).

Each file is a headed TSV, one case a row: the input (invented names: Latin, Arabic and
Persian script, with marks, tatweel, joiners, particles, titles, a Cyrillic look-alike)
and the expected outputs of the current code. ``tests/test_golden.py`` checks every row;
a change of behaviour shows as a diff of these files in review.

    python tools/golden.py            # check: exit 1 and list the rows that differ
    python tools/golden.py --update   # rewrite the expected columns from the current code

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


#: file -> (headers of the expected columns, function of the input giving them)
CASES: dict[str, tuple[tuple[str, ...], Callable[[str], list[str]]]] = {
    "normalize.tsv": (("normalize",), lambda name: [nm.normalize(name)]),
    "romanize.tsv": (("romanize", "romanize_persian"), lambda name: [nm.romanize(name), nm.romanize(name, "persian")]),
    "keys.tsv": (("keys_without_groups", "group_keys"), _keys),
}


def read(path: Path) -> tuple[list[str], list[list[str]]]:
    """(header, rows) of a golden file, comments left out (cells hold no tab or line end)."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return lines[0].split("\t"), [line.split("\t") for line in lines[1:] if line]


def expected(filename: str, name: str) -> list[str]:
    return CASES[filename][1](name)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--update", action="store_true", help="rewrite the expected columns")
    args = ap.parse_args(argv)
    bad = 0
    for filename, (headers, _func) in CASES.items():
        path = GOLDEN / filename
        _header, rows = read(path)
        out = []
        for row in rows:
            got = expected(filename, row[0])
            if got != row[1:]:
                bad += 1
                if not args.update:
                    print(f"{filename}: {row[0]!r}: file {row[1:]}, code {got}")
            out.append([row[0], *got])
        if args.update:
            comments = [line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
            lines = [*comments, "\t".join(("input", *headers)), *("\t".join(r) for r in out)]
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    if args.update:
        print(f"{bad} row(s) rewritten", file=sys.stderr)
        return 0
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
