"""Identity check: digests of what a refactoring must not change.

Prints one row per item (what was computed, how many lines its canonical text
has, the sha256 of that text), so two runs (before and after a change) can be
compared at a glance; ``--dump DIR`` also writes each canonical text to
``DIR/<item>.txt`` so that differences can be diffed line by line.

- ``registry-100k``: a 100,000-person registry (the development persons, each
  with all its spellings, filled up with ``benchmarks/scale.py``'s seeded
  synthetic persons), built in memory; 2,000 seeded queries (spellings of
  development persons and scale.py's synthetic queries): each query's top 5 of
  :meth:`Registry.resolve` (person id, score to 6 places) and the decision of
  :meth:`Registry.match` (person id, chance to 6 places, or none).
- ``registry-20k-sqlite``: the same for a 20,000-person registry saved with
  :meth:`Registry.save` and opened with :meth:`Registry.load`.
- ``cluster-3k``: :func:`namematch.cluster` on 3,000 seeded development names
  (the groups, as input positions).
- ``score-dev-pairs``: :func:`namematch.score` on the accuracy benchmark's
  development pairs (to 9 places).

Everything runs in one process on one core (``workers=1``); a few minutes.

    python benchmarks/identity.py
    python benchmarks/identity.py --dump /tmp/identity-before
    python benchmarks/identity.py --quick   # 10k / 5k registries, 500 queries, 1,000 names
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from _common import PERSON_SETS
from scale import generate

import namematch as nm
from namematch.evaluation import load_entities, print_table, sample_pairs
from namematch.registry import Person, Registry

SEED = 20261206


def development_persons() -> list[Person]:
    """Every development person once (the first record of an id), all its spellings as names."""
    persons: dict[str, Person] = {}
    for ds in PERSON_SETS:
        for e in load_entities(ds):
            pid = f"{ds}:{e['id']}"
            names = [n for n in dict.fromkeys(e["names"]) if n.strip()]
            if pid not in persons and names:
                persons[pid] = Person(pid, names[0], names[1:])
    return list(persons.values())


def registry_data(size: int, n_queries: int) -> tuple[list[Person], list[str]]:
    """``size`` persons (development ones first, then synthetic) and ``n_queries`` queries,
    half spellings of development persons, half synthetic (seeded)."""
    dev = development_persons()[:size]
    synthetic, stream = generate(size - len(dev), n_queries - n_queries // 2)
    rng = random.Random(SEED + size)
    queries = [rng.choice(rng.choice(dev).names) for _ in range(n_queries // 2)]
    queries += [q for q, _gold in stream]
    return dev + synthetic, queries


def rankings(reg: Registry, queries: Sequence[str]) -> list[str]:
    """One line per query: the resolve top 5 and the match decision."""
    lines = []
    for q in queries:
        top = " ".join(f"{c.person.id}={c.score:.6f}" for c in reg.resolve(q, limit=5))
        best = reg.match(q)
        decided = "none" if best is None else f"{best.person.id}={best.chance or 0.0:.6f}"
        lines.append(f"{q}\t{top}\t{decided}")
    return lines


def registry_memory(size: int, n_queries: int) -> list[str]:
    persons, queries = registry_data(size, n_queries)
    return rankings(Registry(persons, workers=1), queries)


def registry_sqlite(size: int, n_queries: int) -> list[str]:
    persons, queries = registry_data(size, n_queries)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "registry.sqlite"
        Registry(persons, workers=1).save(path)
        return rankings(Registry.load(path), queries)


def clusters(n_names: int) -> list[str]:
    names = sorted({n for p in development_persons() for n in p.names})
    chosen = random.Random(SEED).sample(names, min(n_names, len(names)))
    position = {n: i for i, n in enumerate(chosen)}
    return [" ".join(str(position[n]) for n in group) for group in nm.cluster(chosen, workers=1)]


def pair_scores() -> list[str]:
    return [f"{a}\t{b}\t{nm.score(a, b):.9f}" for pairs in sample_pairs().values() for a, b, _y in pairs]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dump", type=Path, help="write each item's canonical text to DIR/<item>.txt")
    ap.add_argument("--quick", action="store_true", help="smaller sizes (a smoke run; other digests)")
    args = ap.parse_args()
    big, small, n_queries, n_names = (10_000, 5_000, 500, 1_000) if args.quick else (100_000, 20_000, 2_000, 3_000)
    items: list[tuple[str, Callable[[], list[str]]]] = [
        (f"registry-{big // 1000}k", lambda: registry_memory(big, n_queries)),
        (f"registry-{small // 1000}k-sqlite", lambda: registry_sqlite(small, n_queries)),
        (f"cluster-{n_names // 1000}k", lambda: clusters(n_names)),
        ("score-dev-pairs", pair_scores),
    ]
    if args.dump:
        args.dump.mkdir(parents=True, exist_ok=True)
    rows = []
    for name, compute in items:
        t0 = time.perf_counter()
        lines = compute()
        text = "".join(line + "\n" for line in lines)
        if args.dump:
            (args.dump / f"{name}.txt").write_text(text, encoding="utf-8")
        rows.append([name, len(lines), hashlib.sha256(text.encode("utf-8")).hexdigest(),
                     f"{time.perf_counter() - t0:.0f}"])
        print(f"{name}: done", file=sys.stderr)
    print(f"namematch {nm.__version__}")
    print_table(["item", "count", "sha256", "seconds"], rows)


if __name__ == "__main__":
    main()
