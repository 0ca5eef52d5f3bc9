"""Registry scale: build, save, open and query synthetic registries of 10k, 100k and 1M persons.

Persons are generated deterministically (seeded) from the shipped lexicon
(``data/variants.tsv``, ``data/variants_manual.tsv``): 2-4 name elements drawn
by the groups' frequency counts (Mohammed is common, as in reality), a
canonical Latin name and 0-2 aliases (another Latin spelling of the same
elements and/or the Arabic-script form). Queries are variants of registry
persons (other spellings or script, sometimes a dropped middle element) and a
fifth of absent persons.

Every size runs in two fresh subprocesses, so sizes do not pollute each other:
one builds the registry in memory, queries it, times the brute-force baseline
and saves it; the other opens the saved index and queries it from disk. Peak
memory is the subprocess's ``resource.getrusage(RUSAGE_SELF).ru_maxrss`` (the
whole process: generated records, registry and caches); ``data MB`` is the
same figure just before the build starts.

Latency is measured on the first queries after the build ("mem") and again
on as many further, different queries ("next queries"): the first ones pay
for name elements the process has not yet romanised and prepared. The
speed-up uses the first (slower) set.

Baseline: ``rapidfuzz.process.extractOne(unidecode(query), choices,
scorer=fuzz.token_sort_ratio)`` over every name of every person (choices
unidecoded and lower-cased once, untimed).

    python benchmarks/scale.py              # 10k, 100k, 1M
    python benchmarks/scale.py --quick      # 10k only
    python benchmarks/scale.py --sizes 10000,100000 --recall 200
    python benchmarks/scale.py --workers 2  # keys computed by 2 processes during the build
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from _common import CONFIDENT_PAIR, ROOT, retrieval_scores

import namematch as nm
from namematch import lexicon
from namematch.evaluation import print_table
from namematch.registry import Person, Registry

SEED = 20240611
ABSENT_SHARE = 0.2


# -- synthetic data ------------------------------------------------------------------
class Elements:
    """Name elements of the lexicon (Arabic-script form, Latin spellings) with draw weights."""

    def __init__(self) -> None:
        elems: list[tuple[str, tuple[str, ...]]] = []
        weights: list[float] = []
        for g in lexicon.shipped().groups:
            arabic = [a for a in g.arabic if len(a) > 1]
            latin = tuple(x for x in g.latin if len(x) > 1 and x.isalpha())
            if not arabic or not latin or g.count <= 0:
                continue
            elems.append((arabic[0], latin))
            weights.append(float(g.count))
        self.elems = elems
        self.cum = list(itertools.accumulate(weights))

    def draw(self, rng: random.Random) -> int:
        return bisect.bisect_right(self.cum, rng.random() * self.cum[-1])


def _latin(elems: Elements, ids: Sequence[int], rng: random.Random, first: bool) -> str:
    """A Latin spelling of the elements: the most frequent ones, or drawn among the listed."""
    parts = []
    for i in ids:
        spellings = elems.elems[i][1]
        s = spellings[0] if first or len(spellings) == 1 else rng.choice(spellings[1:])
        parts.append(s.capitalize())
    return " ".join(parts)


def _arabic(elems: Elements, ids: Sequence[int]) -> str:
    return " ".join(elems.elems[i][0] for i in ids)


def _name_ids(elems: Elements, rng: random.Random) -> list[int]:
    n = rng.choices((2, 3, 4), weights=(35, 45, 20))[0]
    return [elems.draw(rng) for _ in range(n)]


def make_person(elems: Elements, rng: random.Random, k: int) -> tuple[Person, list[int]]:
    ids = _name_ids(elems, rng)
    canonical = _latin(elems, ids, rng, first=True)
    aliases = []
    kind = rng.random()
    if kind < 0.4:
        aliases.append(_latin(elems, ids, rng, first=False))
    if 0.25 < kind < 0.8:
        aliases.append(_arabic(elems, ids))
    return Person(f"p{k:07d}", canonical, aliases), ids


def make_query(elems: Elements, ids: list[int], rng: random.Random) -> str:
    """Another spelling or script of the elements, sometimes without a middle element."""
    ids = list(ids)
    if len(ids) >= 3 and rng.random() < 0.2:
        del ids[rng.randrange(1, len(ids) - 1)]
    if rng.random() < 0.3:
        return _arabic(elems, ids)
    return _latin(elems, ids, rng, first=False)


def generate(size: int, n_queries: int) -> tuple[list[Person], list[tuple[str, str | None]]]:
    """``size`` persons and ``n_queries`` (query, gold person id or None) pairs."""
    elems = Elements()
    rng = random.Random(SEED)
    persons, names = [], []
    for k in range(size):
        p, ids = make_person(elems, rng, k)
        persons.append(p)
        names.append(ids)
    qrng = random.Random(SEED + size)
    queries: list[tuple[str, str | None]] = []
    for _ in range(n_queries):
        if qrng.random() < ABSENT_SHARE:
            queries.append((make_query(elems, _name_ids(elems, qrng), qrng), None))
        else:
            k = qrng.randrange(size)
            queries.append((make_query(elems, names[k], qrng), persons[k].id))
    return persons, queries


# -- measurements --------------------------------------------------------------------
def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _latencies(reg: Registry, queries: Sequence[tuple[str, str | None]]) -> dict[str, float]:
    """p50/p99 latency (ms), queries/s and acc@1 (present persons) of ``reg.match``."""
    times, hits, present = [], 0, 0
    for q, gold in queries:
        t0 = time.perf_counter()
        got = reg.match(q)
        times.append(time.perf_counter() - t0)
        if gold is not None:
            present += 1
            hits += got is not None and got.person.id == gold
    times.sort()
    return {
        "p50_ms": statistics.median(times) * 1e3,
        "p99_ms": times[min(len(times) - 1, int(len(times) * 0.99))] * 1e3,
        "qps": len(times) / sum(times),
        "acc1": hits / max(present, 1),
    }


def _plain(s: str) -> str:
    from unidecode import unidecode

    return " ".join(unidecode(s).lower().replace("-", " ").split())


def _brute(persons: list[Person], queries: Sequence[tuple[str, str | None]]) -> dict[str, float]:
    from rapidfuzz import fuzz, process
    from unidecode import unidecode

    choices, owner = [], []
    for p in persons:
        for n in p.names:
            choices.append(_plain(n))
            owner.append(p.id)
    hits = present = 0
    t0 = time.perf_counter()
    for q, gold in queries:
        best = process.extractOne(unidecode(q).lower(), choices, scorer=fuzz.token_sort_ratio)
        if gold is not None:
            present += 1
            hits += best is not None and owner[best[2]] == gold
    per = (time.perf_counter() - t0) / len(queries)
    return {"brute_ms": per * 1e3, "brute_acc1": hits / max(present, 1)}


#: Score difference within which a retrieved alias counts as a tie with the full-scan best
#: (the second recall figure): two spellings of one name often score a hair apart.
RECALL_TIE = 0.01


def _recall(reg: Registry, queries: Sequence[tuple[str, str | None]]) -> dict[str, float]:
    """Share of queries whose best alias over the whole registry (namematch scorer) is retrieved:
    over all queries, over the queries of registry persons, and over the queries whose
    full-scan best pair score reaches ``CONFIDENT_PAIR`` (a confident answer).

    A query counts as a hit when the best score among the aliases :meth:`Registry.retrieve`
    returns (the ones ``match`` scores) equals the best over all aliases (ties: any best alias
    will do); the ``*_tie`` figures also count a retrieved alias within :data:`RECALL_TIE` of it.
    """
    counts = {k: [0, 0] for k in ("all", "present", "matched", "all_tie", "present_tie", "matched_tie")}
    found = retrieval_scores(reg, [q for q, _gold in queries])
    for (_q, gold), (best, got) in zip(queries, found, strict=True):
        for key, counted in (("all", True), ("present", gold is not None), ("matched", best >= CONFIDENT_PAIR)):
            if counted:
                counts[key][0] += got >= best
                counts[key + "_tie"][0] += got >= best - RECALL_TIE
                counts[key][1] += 1
                counts[key + "_tie"][1] += 1
    return {f"recall_{k}": hit / max(n, 1) for k, (hit, n) in counts.items()}


def build_child(size: int, workdir: Path, n_queries: int, n_brute: int, n_recall: int, workers: int = 1) -> dict[str, float]:
    persons, stream = generate(size, 2 * n_queries)
    queries, later = stream[:n_queries], stream[n_queries:]
    (workdir / "queries.json").write_text(json.dumps(queries), encoding="utf-8")
    out: dict[str, float] = {"aliases": sum(len(p.names) for p in persons), "data_mb": _rss_mb()}
    t0 = time.perf_counter()
    reg = Registry(persons, workers=workers)
    out["build_s"] = time.perf_counter() - t0
    out["build_mb"] = _rss_mb()
    mem = _latencies(reg, queries)
    out.update({f"mem_{k}": v for k, v in mem.items()})
    # steady state: the next, different queries, once the first ones have warmed the
    # token-level caches (name elements seen, romanised and prepared before)
    warm = _latencies(reg, later)
    out.update({f"warm_{k}": v for k, v in warm.items()})
    path = workdir / "reg.nmx"
    t0 = time.perf_counter()
    reg.save(path)
    out["save_s"] = time.perf_counter() - t0
    out["file_mb"] = path.stat().st_size / 2**20
    out["peak_mb"] = _rss_mb()
    if n_recall:
        out.update(_recall(reg, queries[:n_recall]))
    del reg
    out.update(_brute(persons, queries[:n_brute]))
    return out


def open_child(workdir: Path) -> dict[str, float]:
    queries = [tuple(q) for q in json.loads((workdir / "queries.json").read_text(encoding="utf-8"))]
    t0 = time.perf_counter()
    reg = Registry.load(workdir / "reg.nmx")
    out = {"open_s": time.perf_counter() - t0}
    disk = _latencies(reg, queries)
    out.update({f"disk_{k}": v for k, v in disk.items()})
    out["disk_peak_mb"] = _rss_mb()
    return out


def _run_child(args: list[str]) -> dict[str, float]:
    cmd = [sys.executable, str(Path(__file__).resolve()), *args]
    res = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    if res.returncode != 0:
        sys.exit(f"child {args} failed:\n{res.stderr}")
    return json.loads(res.stdout.strip().splitlines()[-1])


def _plan(size: int) -> tuple[int, int]:
    """(queries timed on namematch, queries timed on the brute-force baseline)."""
    return (2000 if size <= 100_000 else 1000), (200 if size <= 10_000 else 50 if size <= 100_000 else 20)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10000,100000,1000000", help="comma-separated registry sizes")
    ap.add_argument("--quick", action="store_true", help="10k persons only")
    ap.add_argument("--recall", type=int, default=200,
                    help="queries checked against a full namematch scan for retrieval recall (sizes <= 100k)")
    ap.add_argument("--workers", type=int, default=1, help="processes computing keys during the build")
    ap.add_argument("--child", choices=("build", "open"), help=argparse.SUPPRESS)
    ap.add_argument("--size", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--workdir", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child == "build":
        nq, nb = _plan(args.size)
        n_recall = args.recall if args.size <= 100_000 else 0
        print(json.dumps(build_child(args.size, Path(args.workdir), nq, nb, n_recall, args.workers)))
        return
    if args.child == "open":
        print(json.dumps(open_child(Path(args.workdir))))
        return
    sizes = [10_000] if args.quick else [int(s) for s in args.sizes.split(",")]
    rows = []
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix="nm-scale-") as tmp:
            common = ["--size", str(size), "--workdir", tmp, "--recall", str(args.recall), "--workers", str(args.workers)]
            r = _run_child(["--child", "build", *common])
            r.update(_run_child(["--child", "open", *common]))
        nq, nb = _plan(size)
        rows.append([
            f"{size:,}", f"{int(r['aliases']):,}", f"{r['build_s']:.1f}", f"{r['peak_mb']:,.0f} ({r['data_mb']:,.0f})",
            f"{r['save_s']:.1f}", f"{r['file_mb']:,.0f}", f"{r['open_s'] * 1e3:.1f}",
            f"{r['mem_p50_ms']:.2f} / {r['mem_p99_ms']:.1f}", f"{r['mem_qps']:,.0f}",
            f"{r['warm_p50_ms']:.2f} / {r['warm_p99_ms']:.1f}",
            f"{r['disk_p50_ms']:.2f} / {r['disk_p99_ms']:.1f}", f"{r['disk_qps']:,.0f}", f"{r['disk_peak_mb']:,.0f}",
            f"{r['brute_ms']:.1f}", f"{r['brute_ms'] * r['mem_qps'] / 1e3:,.0f}x",
            f"{r['mem_acc1']:.3f} / {r['brute_acc1']:.3f}", (f"{r['recall_all']:.3f} / {r['recall_present']:.3f} / {r['recall_matched']:.3f} (ties "
             f"{r['recall_all_tie']:.3f} / {r['recall_present_tie']:.3f} / {r['recall_matched_tie']:.3f})")
            if "recall_all" in r else "-",
        ])
        print(f"done {size:,}: {json.dumps(r)}", file=sys.stderr, flush=True)
    plan = ", ".join(f"{s:,}: {_plan(s)[0]} queries, {_plan(s)[1]} brute-force" for s in sizes)
    print(f"namematch {nm.__version__}: synthetic registries (seed {SEED}); build workers {args.workers}; {plan}")
    print_table([
        "persons", "aliases", "build s", "peak MB (data)", "save s", "file MB", "open ms",
        "mem p50/p99 ms", "mem q/s", "next queries p50/p99 ms", "disk p50/p99 ms", "disk q/s", "disk peak MB",
        "extractOne ms", "speed-up (mean)", "acc@1 nm / brute",
        f"recall all / present / matched (ties within {RECALL_TIE})",
    ], rows)


if __name__ == "__main__":
    main()
