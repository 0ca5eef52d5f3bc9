"""Clustering quality without a registry: B-cubed precision/recall/F1.

All spellings of all development persons (un-sc-2018, ofac-sdn-2022, ofac-cons-2018)
are mixed and clustered; namematch ``cluster`` is compared with a baseline that
groups names whose unidecoded token-sort ratio reaches 85 (single linkage over
rapidfuzz's cdist), in the same run.

    python benchmarks/clustering.py
"""

from __future__ import annotations

import time

from _common import PERSON_SETS, load_entities, print_table
from rapidfuzz import fuzz
from rapidfuzz.process import cdist
from unidecode import unidecode

import namematch as nm


def bcubed(groups: list[list[int]], gold: list[str]) -> tuple[float, float, float]:
    cluster_of = {}
    for k, g in enumerate(groups):
        for i in g:
            cluster_of[i] = k
    members: dict[int, list[int]] = {}
    for i, k in cluster_of.items():
        members.setdefault(k, []).append(i)
    by_gold: dict[str, list[int]] = {}
    for i, g in enumerate(gold):
        by_gold.setdefault(g, []).append(i)
    p = r = 0.0
    for i in range(len(gold)):
        same_c = members[cluster_of[i]]
        same_g = by_gold[gold[i]]
        both = sum(1 for j in same_c if gold[j] == gold[i])
        p += both / len(same_c)
        r += both / len(same_g)
    p, r = p / len(gold), r / len(gold)
    return p, r, 2 * p * r / (p + r)


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


def main() -> None:
    names, gold = [], []
    for ds in PERSON_SETS:
        for e in load_entities(ds):
            for n in dict.fromkeys(e["names"]):
                names.append(n)
                gold.append(e["id"])
    t0 = time.perf_counter()
    groups = nm.cluster_records([(str(i), n) for i, n in enumerate(names)])
    t_nm = time.perf_counter() - t0
    nm_groups = [[int(i) for i in g] for g in groups]
    t0 = time.perf_counter()
    bl_groups = baseline(names)
    t_bl = time.perf_counter() - t0
    rows = [
        ["namematch cluster (average linkage)", len(names), len(nm_groups), *bcubed(nm_groups, gold), f"{t_nm:.1f}"],
        ["unidecode+token_sort>=85, single linkage", len(names), len(bl_groups), *bcubed(bl_groups, gold), f"{t_bl:.1f}"],
    ]
    print(f"namematch {nm.__version__}: {len(set(gold))} persons")
    print_table(["method", "names", "clusters", "B3 precision", "B3 recall", "B3 F1", "seconds"], rows)


if __name__ == "__main__":
    main()
