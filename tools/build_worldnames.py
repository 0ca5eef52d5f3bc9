"""Build namematch's world-names near-miss pairs (reproducible) from the headed lists in
``benchmarks/data/world-names/``.

The near-miss pairs of ``tools/build_nearmiss.py`` come from the development persons, nearly
all of them Arabic and Persian names. This slice holds names of other cultures (English,
French, Iberian, Italian, German, Slavic, Turkish, South Asian, Chinese, Korean, Japanese,
Vietnamese, African), written from general facts of the names:

``pairs.tsv``     name elements of one culture, paired: two spellings of one name
                  (``variant``: Stephen ~ Steven, Zhang ~ Chang), a masculine given name and its
                  feminine form (``gendered``: Michael ~ Michelle, Mario ~ Maria), two different
                  names alike in spelling (``lookalike``: Harris ~ Harrison, Takashi ~ Takeshi);
``carriers.tsv``  common given and family names per culture, one spelling each;
``cultures.tsv``  the order a culture writes a full name in (given or family name first).

Each row of ``pairs.tsv`` makes ``PER_ROW`` pairs of full names: the two elements of the row,
each completed by the same carrier of the other element (drawn, seeded, from the culture's
carriers), so the two names differ in that element only. Variants are positives; gendered
forms and look-alikes are negatives (two persons).

    python tools/build_worldnames.py [--seed N] [--out pairs.tsv]

prints the counts per relation and culture; ``--out`` writes the pairs (TSV with a header);
``benchmarks/accuracy.py`` reads them.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from collections import Counter
from pathlib import Path
from typing import NamedTuple

DATA = Path(__file__).resolve().parent.parent / "benchmarks" / "data" / "world-names"
SEED = 26
#: Full-name pairs made from each row of pairs.tsv (each with another carrier).
PER_ROW = 2
RELATIONS = ("variant", "gendered", "lookalike")


class WorldPair(NamedTuple):
    a: str
    b: str
    label: int
    relation: str
    culture: str
    element: str  # the element the two names differ in: given or family


def _rows(name: str) -> list[dict[str, str]]:
    """The rows of a headed TSV of the world-names data (lines starting with # are comments)."""
    with open(DATA / name, encoding="utf-8") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def _full(given: str, family: str, order: str) -> str:
    return f"{family} {given}" if order == "family-first" else f"{given} {family}"


def world_pairs(seed: int = SEED) -> list[WorldPair]:
    """The world-names pairs: for each row of ``pairs.tsv``, :data:`PER_ROW` pairs of full
    names differing in the row's element only."""
    rng = random.Random(seed)
    order = {r["culture"]: r["order"] for r in _rows("cultures.tsv")}
    carriers: dict[tuple[str, str], list[str]] = {}
    for r in _rows("carriers.tsv"):
        carriers.setdefault((r["culture"], r["element"]), []).append(r["name"])
    out: list[WorldPair] = []
    for r in _rows("pairs.tsv"):
        culture, element, relation = r["culture"], r["element"], r["relation"]
        if relation not in RELATIONS or culture not in order:
            raise ValueError(f"pairs.tsv: unknown relation or culture in {r}")
        other = "family" if element == "given" else "given"
        pool = carriers[(culture, other)]
        for carrier in rng.sample(pool, min(PER_ROW, len(pool))):
            if element == "given":
                a, b = _full(r["a"], carrier, order[culture]), _full(r["b"], carrier, order[culture])
            else:
                a, b = _full(carrier, r["a"], order[culture]), _full(carrier, r["b"], order[culture])
            if rng.random() < 0.5:
                a, b = b, a
            out.append(WorldPair(a, b, int(relation == "variant"), relation, culture, element))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--out", type=Path, help="write the pairs here (TSV)")
    args = ap.parse_args(argv)
    pairs = world_pairs(args.seed)
    counts = Counter((p.culture, p.relation) for p in pairs)
    print("culture | " + " | ".join(RELATIONS))
    for culture in dict.fromkeys(p.culture for p in pairs):
        print(f"{culture} | " + " | ".join(str(counts[(culture, r)]) for r in RELATIONS))
    print(f"all: {len(pairs)} pairs, {sum(p.label for p in pairs)} positives")
    if args.out:
        with open(args.out, "w", encoding="utf-8") as fh:
            fh.write("a\tb\tlabel\trelation\tculture\telement\n")
            for p in pairs:
                fh.write("\t".join(map(str, p)) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
