"""Batch linkage on Spark (local mode) and DuckDB: 1M mentions x 100k records at --scale 1.

Synthetic person names are built from name elements (given names, fathers'
names, family names made of a root and an affix), each element known in Latin
and Arabic script. The right table holds records (70 % Latin, 30 % Arabic
script); the left table holds mentions, most derived from a record (script
switched, father's name dropped, respelled, a typo) and the rest fresh names.

Reports wall time, pairs scored (distinct candidate name pairs), the blocking
reduction against the full cross product, agreement with the in-process result
(brute force with :func:`namematch.score` over the same blocked candidates) on
a sample of left rows, and how often the sample's true record is found.

    .venv/bin/python benchmarks/spark_link.py --scale 0.1      # 100k x 10k
    .venv/bin/python benchmarks/spark_link.py                  # 1M x 100k
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import namematch as nm

# (Arabic script, Latin spellings); the first spelling is the usual one.
GIVEN = [
    ("محمد", "Mohammed Muhammad Mohamed Mohammad"), ("أحمد", "Ahmed Ahmad"), ("علي", "Ali Aly"),
    ("حسن", "Hassan Hasan"), ("حسين", "Hussein Hussain Hossein"), ("عمر", "Omar Umar"),
    ("خالد", "Khaled Khalid"), ("يوسف", "Youssef Yusuf Yousef"), ("إبراهيم", "Ibrahim Ebrahim"),
    ("عبدالله", "Abdullah Abdallah"), ("عبدالرحمن", "Abdulrahman Abdel Rahman"), ("مصطفى", "Mustafa Moustafa"),
    ("سعيد", "Saeed Said Saied"), ("كريم", "Karim Kareem"), ("جمال", "Jamal Gamal"), ("طارق", "Tariq Tarek"),
    ("فيصل", "Faisal Faysal"), ("سلمان", "Salman Salman"), ("ناصر", "Nasser Nasir"), ("فؤاد", "Fuad Fouad"),
    ("عباس", "Abbas Abas"), ("قاسم", "Qassem Qasim Ghasem Kassem"), ("مسعود", "Masoud Massoud Masud"),
    ("رضا", "Reza Rida Ridha"), ("مهدي", "Mahdi Mehdi"), ("جواد", "Javad Jawad"), ("حميد", "Hamid Hameed"),
    ("مجيد", "Majid Majeed"), ("سعد", "Saad Sa'd"), ("زياد", "Ziad Ziyad"), ("وليد", "Walid Waleed"),
    ("هشام", "Hisham Hesham"), ("ماجد", "Majed Maged"), ("بلال", "Bilal Belal"), ("أنس", "Anas Anass"),
    ("عثمان", "Osman Othman Uthman"), ("منصور", "Mansour Mansur"), ("نبيل", "Nabil Nabeel"),
    ("رشيد", "Rashid Rachid"), ("صالح", "Saleh Salih"), ("عادل", "Adel Adil"), ("فارس", "Fares Faris"),
    ("سامي", "Sami Samy"), ("شريف", "Sherif Sharif"), ("مراد", "Murad Mourad"), ("نادر", "Nader Nadir"),
    ("رامي", "Rami Ramy"), ("كمال", "Kamal Kemal"), ("جعفر", "Jafar Jaafar"), ("موسى", "Musa Moussa"),
    ("عيسى", "Issa Isa"), ("داود", "Dawood Daoud"), ("سليمان", "Suleiman Sulaiman Soliman"),
    ("إسماعيل", "Ismail Esmail"), ("يحيى", "Yahya Yahia"), ("زكريا", "Zakaria Zakariya"),
    ("فاطمة", "Fatima Fatemeh"), ("زينب", "Zainab Zeinab"), ("مريم", "Maryam Mariam"), ("عائشة", "Aisha Aysha"),
    ("خديجة", "Khadija Khadijah"), ("ليلى", "Layla Leila"), ("نور", "Nour Noor"), ("سارة", "Sara Sarah"),
    ("هدى", "Huda Hoda"), ("أمل", "Amal Amel"), ("رانيا", "Rania Ranya"), ("سلمى", "Salma Selma"),
]  # fmt: skip
ROOTS = [
    ("حسين", "Hussein"), ("كريم", "Karim"), ("رض", "Rez"), ("هاشم", "Hashem"), ("سليمان", "Soleiman"),
    ("عراقج", "Araghch"), ("موسو", "Mousav"), ("حسن", "Hassan"), ("جعفر", "Jafar"), ("نور", "Nour"),
    ("زمان", "Zaman"), ("رحيم", "Rahim"), ("صادق", "Sadegh"), ("طاهر", "Taher"), ("منصور", "Mansour"),
    ("أكبر", "Akbar"), ("باقر", "Bagher"), ("قادر", "Ghader"), ("جليل", "Jalil"), ("نصر", "Nasr"),
    ("عسكر", "Askar"), ("فرهاد", "Farhad"), ("خليل", "Khalil"), ("شاكر", "Shaker"), ("عطار", "Attar"),
    ("نجار", "Najjar"), ("حداد", "Haddad"), ("خياط", "Khayyat"), ("صباغ", "Sabbagh"), ("طحان", "Tahhan"),
    ("بغداد", "Baghdad"), ("شيراز", "Shiraz"), ("تبريز", "Tabriz"), ("مشهد", "Mashhad"), ("حلب", "Halab"),
    ("دمشق", "Dimashq"), ("موصل", "Mosul"), ("بصر", "Basr"), ("كاظم", "Kazem"), ("عباس", "Abbas"),
    ("سعيد", "Saeed"), ("رشيد", "Rashid"), ("مجيد", "Majid"), ("حميد", "Hamid"), ("ناصر", "Nasser"),
    ("جمال", "Jamal"), ("كمال", "Kamal"), ("فاضل", "Fazel"), ("عادل", "Adel"), ("شريف", "Sharif"),
    ("مختار", "Mokhtar"), ("ظاهر", "Zaher"), ("بشير", "Bashir"), ("نذير", "Nazir"), ("قدير", "Ghadir"),
    ("وحيد", "Vahid"), ("سبحان", "Sobhan"), ("رحمان", "Rahman"), ("غفار", "Ghaffar"), ("ستار", "Sattar"),
    ("جبار", "Jabbar"), ("قهار", "Ghahhar"), ("يزد", "Yazd"), ("كرمان", "Kerman"), ("زنجان", "Zanjan"),
    ("همدان", "Hamadan"), ("قزوين", "Qazvin"), ("ساو", "Sav"), ("لار", "Lar"), ("خوئ", "Khoe"),
]  # fmt: skip
# (Arabic pattern, Latin pattern) around a root
AFFIXES = [("{}ي", "{}i"), ("ال{}ي", "Al-{}i"), ("{}زاده", "{}zadeh"), ("{}پور", "{}pour"),
           ("{}نژاد", "{}nejad"), ("{}ان", "{}an"), ("آل {}", "Al {}")]  # fmt: skip
FAMILY = [(a.format(r_ar), b.format(r_la)) for r_ar, r_la in ROOTS for a, b in AFFIXES]
RESPELL = [("ou", "u"), ("ee", "i"), ("q", "k"), ("gh", "q"), ("e", "a"), ("ss", "s"), ("i", "y"), ("kh", "h")]


def _zipf_choice(rng: random.Random, items: list, s: float = 1.0):
    # rank-frequency ~ 1/rank^s, precomputed per list
    key = (id(items), s)
    cum = _CUM.get(key)
    if cum is None:
        total, cum = 0.0, []
        for k in range(len(items)):
            total += 1.0 / (k + 1) ** s
            cum.append(total)
        _CUM[key] = cum
    x = rng.random() * cum[-1]
    lo, hi = 0, len(cum) - 1
    while lo < hi:
        mid = (lo + hi) // 2
        if cum[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return items[lo]


_CUM: dict = {}


def _elements(rng: random.Random) -> tuple[tuple[str, str], tuple[str, str] | None, tuple[str, str]]:
    given = _zipf_choice(rng, GIVEN, 0.8)
    father = _zipf_choice(rng, GIVEN, 0.8) if rng.random() < 0.5 else None
    family = _zipf_choice(rng, FAMILY, 0.6)
    return given, father, family


def _render(els, arabic: bool, rng: random.Random, variant: bool = False) -> str:
    parts = []
    for k, el in enumerate(els):
        if el is None:
            continue
        if arabic:
            parts.append(el[0])
        else:
            spellings = el[1].split() if k < 2 else [el[1]]
            parts.append(rng.choice(spellings) if variant else spellings[0])
    return " ".join(parts)


def _respell(name: str, rng: random.Random) -> str:
    a, b = rng.choice(RESPELL)
    if a in name:
        return name.replace(a, b, 1)
    if len(name) > 6:  # a typo: drop a letter
        k = rng.randrange(1, len(name) - 1)
        return name[:k] + name[k + 1 :]
    return name


def make_data(n_left: int, n_right: int, seed: int = 7):
    """Right records (id, name) and left mentions (id, name, true right id or None)."""
    rng = random.Random(seed)
    right, els_of = [], []
    for k in range(n_right):
        els = _elements(rng)
        right.append((f"P{k:07d}", _render(els, rng.random() < 0.3, rng)))
        els_of.append(els)
    left = []
    for k in range(n_left):
        if rng.random() < 0.7:
            src = rng.randrange(n_right)
            given, father, family = els_of[src]
            if rng.random() < 0.4:
                father = None
            name = _render((given, father, family), rng.random() < 0.4, rng, variant=True)
            if rng.random() < 0.3 and name.isascii():
                name = _respell(name, rng)
            left.append((k, name, right[src][0]))
        else:
            left.append((k, _render(_elements(rng), rng.random() < 0.3, rng, variant=True), None))
    return left, right


def reference_link(sample, right, max_block_size, threshold):
    """In-process brute force over the same blocked candidate set, for the sample rows."""
    names = {}
    for rid, name in right:
        names.setdefault(name, []).append(rid)
    rkeys = {name: nm.keys(name) for name in names}
    size = Counter()
    for name, ks in rkeys.items():
        for key in ks:
            size[key] += len(names[name])
    usable = {key for key, c in size.items() if c <= max_block_size}
    index: dict[str, list[str]] = {}
    for name, ks in rkeys.items():
        for key in ks & usable:
            index.setdefault(key, []).append(name)
    out = {}
    for lid, lname, _true in sample:
        cands = {rn for key in nm.keys(lname) & usable for rn in index.get(key, ())}
        best = None
        for rn in cands:
            s, rid = nm.score(lname, rn), min(names[rn])
            if s >= threshold and (best is None or s > best[1] or (s == best[1] and rid < best[0])):
                best = (rid, s)
        if best is not None:
            out[lid] = best
    return out


def agreement(got: dict, want: dict, sample, engine: str = "") -> float:
    ok = 0
    for lid, name, _t in sample:
        g, w = got.get(lid), want.get(lid)
        if (g is None and w is None) or (
            g is not None and w is not None and g[0] == w[0] and abs(g[1] - w[1]) < 1e-9
        ):
            ok += 1
        elif os.environ.get("NAMEMATCH_BENCH_DEBUG"):
            print(f"  {engine} differs on {lid} {name!r}: engine {g}, in-process {w}", file=sys.stderr)
    return ok / max(len(sample), 1)


def true_recall(got: dict, sample, right_name: dict) -> float:
    linked = [(lid, t) for lid, _n, t in sample if t is not None]
    hit = sum(1 for lid, t in linked if lid in got and right_name[got[lid][0]] == right_name[t])
    return hit / max(len(linked), 1)


def run_spark(left, right, args, tmp: Path):
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    from namematch.spark import candidate_pairs, link_dataframes

    spark = (
        SparkSession.builder.master(f"local[{args.cores}]")
        .appName("namematch-bench")
        .config("spark.driver.memory", args.driver_memory)
        .config("spark.sql.shuffle.partitions", str(4 * args.cores))
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    t = time.perf_counter()
    lpath, rpath = str(tmp / "left.parquet"), str(tmp / "right.parquet")
    spark.createDataFrame([(i, n) for i, n, _ in left], "id long, name string").write.parquet(lpath)
    spark.createDataFrame(right, "id string, name string").write.parquet(rpath)
    load = time.perf_counter() - t
    ldf, rdf = spark.read.parquet(lpath), spark.read.parquet(rpath)
    t = time.perf_counter()
    pairs = candidate_pairs(ldf, rdf, max_block_size=args.max_block_size).count()
    t_pairs = time.perf_counter() - t
    t = time.perf_counter()
    out = str(tmp / "links.parquet")
    link_dataframes(ldf, rdf, max_block_size=args.max_block_size).write.parquet(out)
    wall = time.perf_counter() - t
    got = {r.left_id: (r.right_id, r.score) for r in spark.read.parquet(out).collect()}
    spark.stop()
    return {"wall": wall, "pairs": pairs, "t_pairs": t_pairs, "load": load, "got": got}


def run_duckdb(left, right, args):
    import duckdb
    import pyarrow as pa

    from namematch.duckdb import link_tables

    con = duckdb.connect()
    con.execute(f"SET threads={args.cores}")
    con.register("lt", pa.table({"id": [i for i, _, _ in left], "name": [n for _, n, _ in left]}))
    con.register("rt", pa.table({"id": [i for i, _ in right], "name": [n for _, n in right]}))
    con.execute("CREATE TABLE l AS SELECT * FROM lt")
    con.execute("CREATE TABLE r AS SELECT * FROM rt")
    t = time.perf_counter()
    res = link_tables(con, "l", "r", max_block_size=args.max_block_size).fetchall()
    wall = time.perf_counter() - t
    con.close()
    return {"wall": wall, "got": {lid: (rid, s) for lid, rid, s in res}}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scale", type=float, default=1.0, help="1.0 = 1M mentions x 100k records")
    ap.add_argument("--max-block-size", type=int, default=None, help="block cap (default: 1%% of right rows, at least 100)")
    ap.add_argument("--sample", type=int, default=1000, help="left rows checked in-process")
    ap.add_argument("--cores", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--driver-memory", default="6g")
    ap.add_argument("--skip-duckdb", action="store_true")
    ap.add_argument("--skip-spark", action="store_true")
    args = ap.parse_args(argv)
    n_left, n_right = int(1_000_000 * args.scale), int(100_000 * args.scale)
    if args.max_block_size is None:
        args.max_block_size = max(100, n_right // 100)
    t = time.perf_counter()
    left, right = make_data(n_left, n_right)
    t_gen = time.perf_counter() - t
    rev = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                         cwd=Path(__file__).parent).stdout.strip()  # fmt: skip
    print(f"namematch {nm.__version__} ({rev or '?'}, {Path(nm.__file__).parent}); {n_left:,} x {n_right:,}; "
          f"block cap {args.max_block_size}; {args.cores} cores; data generated in {t_gen:.1f}s", flush=True)  # fmt: skip
    rng = random.Random(1)
    sample = rng.sample(left, min(args.sample, len(left)))
    t = time.perf_counter()
    want = reference_link(sample, right, args.max_block_size, nm.DEFAULT_THRESHOLD)
    t_ref = time.perf_counter() - t
    right_name = dict(right)
    results = {}
    tmp = Path(tempfile.mkdtemp(prefix="namematch-bench-"))
    try:
        if not args.skip_spark:
            results["Spark local"] = run_spark(left, right, args, tmp)
            print(f"spark done in {results['Spark local']['wall']:.1f}s", flush=True)
        if not args.skip_duckdb:
            results["DuckDB"] = run_duckdb(left, right, args)
            print(f"duckdb done in {results['DuckDB']['wall']:.1f}s", flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    pairs = next((r["pairs"] for r in results.values() if "pairs" in r), None)
    cross = n_left * n_right
    print()
    print(f"| engine | left x right | wall time | pairs scored | pairs/s | reduction vs cross product "
          f"| links | agreement with in-process (n={len(sample)}) | true record found (sample) |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|---|")
    for engine, r in results.items():
        got = r["got"]
        red = f"{cross / pairs:,.0f}x (1 - {pairs / cross:.2e})" if pairs else "?"
        rate = f"{pairs / r['wall']:,.0f}" if pairs else "?"
        print(f"| {engine} | {n_left:,} x {n_right:,} | {r['wall']:.0f} s | {pairs:,} | {rate} | {red} "
              f"| {len(got):,} | {agreement(got, want, sample, engine):.1%} | {true_recall(got, sample, right_name):.1%} |")  # fmt: skip
    print(f"\nin-process reference on the sample: {t_ref:.1f}s, {len(want)} links; "
          f"true record found by it: {true_recall(want, sample, right_name):.1%}")  # fmt: skip
    if "Spark local" in results:
        r = results["Spark local"]
        print(f"spark: counting candidate pairs (blocking only) took {r['t_pairs']:.0f}s; "
              f"writing the inputs to parquet {r['load']:.0f}s (not in wall time)")  # fmt: skip


if __name__ == "__main__":
    main()
