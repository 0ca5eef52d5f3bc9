"""Scoring speed of namematch, as ratios to rapidfuzz token_sort_ratio in the same run.

Prints µs per pair for ``score`` on cold strings (first sight: parse, romanise,
keys) and on cached strings, and pairs/s of ``score_matrix`` (every cell equal to
``score``; in one process, with ``workers=2``, and with ``score_cutoff=0.5`` as screening
passes it: cells below the cut-off are 0.0). The header says
whether the hot modules run compiled (``setup.py``); cold scoring is then also
timed for a pure-Python copy of the package, in a fresh subprocess. The ``score`` rows also
give the ratio of CPU times (this process only), which a loaded machine moves far less than the
wall clock; ``score_matrix`` with workers runs in other processes and is timed by the wall clock.

    python benchmarks/speed.py
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rapidfuzz import fuzz

import namematch as nm
from namematch.evaluation import DEV_SETS, load_entities, print_table
from namematch.evaluation import build as _build
from namematch.score import Scorer


def names_pool() -> list[str]:
    pool = []
    for ds in DEV_SETS:
        for e in load_entities(ds):
            pool.extend(e["names"])
    return list(dict.fromkeys(pool))


def timed_pairs(func, pairs) -> tuple[float, float]:
    """(wall-clock µs, CPU µs of this process) per pair of ``func`` over ``pairs``."""
    t0, c0 = time.perf_counter(), time.process_time()
    for a, b in pairs:
        func(a, b)
    return (time.perf_counter() - t0) / len(pairs) * 1e6, (time.process_time() - c0) / len(pairs) * 1e6


def per_pair(func, pairs) -> float:
    return timed_pairs(func, pairs)[0]


def cpu_ratio(func, base_func, pairs, repeats: int = 3) -> float:
    """Median ratio of the CPU time of ``func`` to that of ``base_func`` (timed one after the
    other ``repeats`` times): on a shared machine the wall clock also counts other processes'
    work while this one waits, CPU time only this one's."""
    ratios = sorted(timed_pairs(func, pairs)[1] / timed_pairs(base_func, pairs)[1] for _ in range(repeats))
    return ratios[len(ratios) // 2]


def median_ratio(func, base_func, pairs, repeats: int = 3) -> tuple[float, float]:
    """(median µs per pair of ``func``, median ratio to ``base_func``), the two timed one after
    the other ``repeats`` times: a ratio of two timings taken close together moves less with
    the machine's load than one taken apart."""
    runs = []
    for _ in range(repeats):
        base = per_pair(base_func, pairs)
        got = per_pair(func, pairs)
        runs.append((got / base, got))
    runs.sort()
    ratio, got = runs[len(runs) // 2]
    return got, ratio


def start_up() -> float:
    """ms of one-time start-up (lexicon, model and rarity tables load on first use):
    paid once per process, not per pair. The second pair has a unit outside the
    lexicon, so the romanisation model loads here too."""
    t0 = time.perf_counter()
    Scorer().score("قاسم سليماني", "Qassem Soleimani")
    Scorer().score("برزنجستاني", "Barzanjistani")
    return (time.perf_counter() - t0) * 1e3


def cold_run(pool: list[str]) -> tuple[float, float, int, float]:
    """(µs per pair of ``score`` on strings new to the scorer, of token_sort_ratio, pairs,
    ratio of their CPU times)."""
    cold_pairs = list(zip(pool[0::2], pool[1::2]))
    cold, cold_cpu = timed_pairs(Scorer().score, cold_pairs)
    # the baseline runs in a few ms: the median of five runs, so one pause of the machine does not move it
    base_runs = sorted(timed_pairs(fuzz.token_sort_ratio, cold_pairs) for _ in range(5))
    base, _ = base_runs[2]
    base_cpu = sorted(cpu for _, cpu in base_runs)[2]
    return cold, base, len(cold_pairs), cold_cpu / base_cpu


def pure_cold() -> tuple[float, float, float] | None:
    """:func:`cold_run` of a pure-Python copy of the package, in a fresh subprocess
    (None when this install is pure Python already)."""
    if not _build.compiled_modules():
        return None
    with tempfile.TemporaryDirectory() as tmp:
        _build.copy_pure(str(Path(tmp) / "namematch"))
        # the copy first on the path, before the installed package (the child asserts it runs it)
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, (tmp, os.environ.get("PYTHONPATH"))))}
        res = subprocess.run([sys.executable, __file__, "--pure-cold"], capture_output=True, text=True, env=env)
    if res.returncode != 0:
        sys.exit(f"pure-Python run failed:\n{res.stderr}")
    cold, base_cold, cpu = json.loads(res.stdout.strip().splitlines()[-1])
    return cold, base_cold, cpu


def matrix_seconds(qs: list[str], cs: list[str], **options) -> float:
    """Seconds of ``score_matrix(qs, cs, **options)`` on a fresh scorer with every name
    prepared beforehand (the matrix's own work, not the names' first sight)."""
    scorer = Scorer()
    for s in qs + cs:
        scorer.prepare(s)
    t0 = time.perf_counter()
    scorer.score_matrix(qs, cs, **options)
    return time.perf_counter() - t0


def main() -> None:
    rng = random.Random(5)
    pool = names_pool()
    pairs = [(rng.choice(pool), rng.choice(pool)) for _ in range(20_000)]
    base = per_pair(fuzz.token_sort_ratio, pairs)
    startup_ms = start_up()
    # cold: every string new to the scorer (distinct strings, prepared on first sight)
    cold, base_cold, n_cold, cold_cpu_ratio = cold_run(pool)
    warm_scorer = Scorer()
    for a, b in pairs:
        warm_scorer.prepare(a)
        warm_scorer.prepare(b)
    warm = per_pair(warm_scorer.score, pairs)  # names prepared, unit pairs seen for the first time
    base_warm = per_pair(fuzz.token_sort_ratio, pairs)
    hot, hot_ratio = median_ratio(warm_scorer.score, fuzz.token_sort_ratio, pairs)  # all caches warm
    hot_cpu_ratio = cpu_ratio(warm_scorer.score, fuzz.token_sort_ratio, pairs)
    # score_matrix
    qs = rng.sample(pool, 300)
    cs = rng.sample(pool, 1500)
    mat_s = matrix_seconds(qs, cs)
    mat2_s = matrix_seconds(qs, cs, workers=2)
    mat3_s = matrix_seconds(qs, cs, score_cutoff=0.5)
    t0 = time.perf_counter()
    from rapidfuzz.process import cdist

    cdist(qs, cs, scorer=fuzz.token_sort_ratio)
    cd_s = time.perf_counter() - t0
    rows = [
        ["token_sort_ratio (baseline)", f"{base:.2f}", "1.0", "1.0", ""],
        ["start-up, once per process", "", "", "", f"{startup_ms:.0f} ms: load lexicon, model, rarity tables"],
        ["score, cold strings", f"{cold:.2f}", f"{cold / base_cold:.1f}", f"{cold_cpu_ratio:.1f}",
         f"{n_cold} pairs of unseen strings"],
        ["score, prepared strings", f"{warm:.2f}", f"{warm / base_warm:.1f}", "", f"{len(pairs)} pairs, unit pairs new"],
        ["score, cached strings", f"{hot:.2f}", f"{hot_ratio:.1f}", f"{hot_cpu_ratio:.1f}",
         "same pairs again: all caches warm (median of 3)"],
        ["score_matrix", f"{mat_s / (len(qs) * len(cs)) * 1e6:.3f}", f"{mat_s / cd_s:.1f} (vs cdist)", "",
         f"{len(qs) * len(cs) / mat_s:,.0f} pairs/s; cdist token_sort {len(qs) * len(cs) / cd_s:,.0f} pairs/s"],
        ["score_matrix, workers=2", f"{mat2_s / (len(qs) * len(cs)) * 1e6:.3f}", f"{mat2_s / cd_s:.1f} (vs cdist)", "",
         f"{len(qs) * len(cs) / mat2_s:,.0f} pairs/s"],
        ["score_matrix, score_cutoff=0.5", f"{mat3_s / (len(qs) * len(cs)) * 1e6:.3f}", f"{mat3_s / cd_s:.1f} (vs cdist)",
         "", f"{len(qs) * len(cs) / mat3_s:,.0f} pairs/s; cells below 0.5 are 0.0 (screening)"],
    ]
    pure = pure_cold()
    if pure is not None:
        rows.insert(3, ["score, cold strings, pure Python", f"{pure[0]:.2f}", f"{pure[0] / pure[1]:.1f}",
                        f"{pure[2]:.1f}", "the same, uncompiled copy in a fresh process"])  # fmt: skip
    print(f"namematch {nm.__version__} ({_build.describe()})")
    print_table(["what", "µs per pair", "ratio to baseline", "CPU-time ratio", "note"], rows)


if __name__ == "__main__":
    if sys.argv[1:] == ["--pure-cold"]:
        assert not _build.compiled_modules(), nm.__file__
        start_up()
        cold, base_cold, _n, cpu = cold_run(names_pool())
        print(json.dumps([cold, base_cold, cpu]))
    else:
        main()
