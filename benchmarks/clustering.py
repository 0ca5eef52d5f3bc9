"""Clustering quality without a registry: B-cubed precision/recall/F1.

All spellings of all development persons (un-sc-2018, ofac-sdn-2022, ofac-cons-2018, and any
other person set beside them: see `namematch.evaluation.person_sets`)
are mixed and clustered; namematch ``cluster`` is compared with a baseline that
groups names whose unidecoded token-sort ratio reaches 85 (single linkage over
rapidfuzz's cdist), in the same run.

Gold persons: records of the same person on two lists (UN and OFAC, different
ids) are merged when they share one spelling, as in ``benchmarks/resolution.py``
(``person_groups``); the per-list-id scores are printed too ("raw gold"). Each
half of the persons (hash of the gold group) is also clustered on its own.

    python benchmarks/clustering.py
    python benchmarks/clustering.py --scale 10000,100000   # also time synthetic mentions
"""

from __future__ import annotations

import argparse
import time

from _common import PERSON_SETS
from rapidfuzz import fuzz
from rapidfuzz.process import cdist
from unidecode import unidecode

import namematch as nm
from namematch.evaluation import bcubed, hash_bucket, load_entities, person_groups, print_table


def baseline(names: list[str]) -> list[list[int]]:
    plain = [" ".join(unidecode(n).lower().replace(",", " ").replace("-", " ").split()) for n in names]
    m = cdist(plain, plain, scorer=fuzz.token_sort_ratio, score_cutoff=85, workers=-1)
    root = list(range(len(names)))

    def find(x: int) -> int:
        while root[x] != x:
            root[x] = root[root[x]]
            x = root[x]
        return x

    for i, j in zip(*m.nonzero()):
        if i < j:
            root[find(int(j))] = find(int(i))
    groups: dict[int, list[int]] = {}
    for i in range(len(names)):
        groups.setdefault(find(i), []).append(i)
    return list(groups.values())


def _run(names: list[str], gold: list[str], raw: list[str], label: str) -> list[list[object]]:
    t0 = time.perf_counter()
    groups = nm.cluster_records([(str(i), n) for i, n in enumerate(names)])
    t_nm = time.perf_counter() - t0
    nm_groups = [[int(i) for i in g] for g in groups]
    t0 = time.perf_counter()
    bl_groups = baseline(names)
    t_bl = time.perf_counter() - t0
    return [
        [label, "namematch cluster (average linkage)", len(names), len(nm_groups), *bcubed(nm_groups, gold),
         f"{bcubed(nm_groups, raw)[2]:.3f}", f"{t_nm:.1f}"],
        [label, "unidecode+token_sort>=85, single linkage", len(names), len(bl_groups), *bcubed(bl_groups, gold),
         f"{bcubed(bl_groups, raw)[2]:.3f}", f"{t_bl:.1f}"],
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scale", type=lambda v: [int(x) for x in v.split(",")], default=[],
                    help="also time cluster() on this many synthetic mentions (comma-separated sizes)")
    ap.add_argument("--workers", type=int, default=1, help="processes for --scale (cluster(..., workers=N))")
    args = ap.parse_args()
    entities = [e for ds in PERSON_SETS for e in load_entities(ds)]
    group = person_groups(entities)
    names, gold, raw = [], [], []
    for e in entities:
        for n in dict.fromkeys(e["names"]):
            names.append(n)
            gold.append(group[e["id"]])
            raw.append(e["id"])
    rows = _run(names, gold, raw, "all")
    half = [hash_bucket(g, "half:", 2) for g in gold]
    for h in (0, 1):
        keep = [i for i in range(len(names)) if half[i] == h]
        rows += _run([names[i] for i in keep], [gold[i] for i in keep], [raw[i] for i in keep], f"half {h}")
    print(f"namematch {nm.__version__}: {len(set(raw))} list records, {len(set(gold))} gold persons "
          f"(records merged with a same-name twin on another list)")
    print_table(["data", "method", "names", "clusters", "B3 precision", "B3 recall", "B3 F1", "B3 F1 raw gold",
                 "seconds"], rows)
    if args.scale:
        scale_table(args.scale, args.workers)


def scale_table(sizes: list[int], workers: int) -> None:
    """Time ``cluster`` on synthetic mentions (``benchmarks/scale.py``'s generator: spellings
    and scripts of lexicon name elements, a fifth of them of persons mentioned once)."""
    from scale import generate

    rows = []
    for n in sizes:
        _persons, stream = generate(max(1, n // 2), n)
        names = [q for q, _gold in stream]
        gold = [g if g is not None else f"once-{i}" for i, (_q, g) in enumerate(stream)]
        t0 = time.perf_counter()
        groups = nm.cluster_records([(str(i), q) for i, q in enumerate(names)], workers=workers)
        seconds = time.perf_counter() - t0
        p, r, f = bcubed([[int(x) for x in g] for g in groups], gold)
        rows.append([f"{n:,}", f"{len(set(names)):,}", f"{len(groups):,}", p, r, f, f"{seconds:.1f}"])
    print(f"\nSynthetic mentions (persons drawn from the lexicon; workers={workers}):")
    print_table(["mentions", "distinct", "clusters", "B3 precision", "B3 recall", "B3 F1", "seconds"], rows)


if __name__ == "__main__":
    main()
