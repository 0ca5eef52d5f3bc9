"""namematch.spark in local mode: results equal the in-process results."""

from __future__ import annotations

import json
import math
import os
import shutil
import sys
from collections import Counter
from importlib import resources

import pytest

import namematch as nm

pyspark = pytest.importorskip(
    "pyspark", reason="pyspark is not installed (pip install 'namematch[spark]')"
)
pytest.importorskip("pandas", reason="pandas is not installed (pip install 'namematch[spark]')")
pytest.importorskip("pyarrow", reason="pyarrow is not installed (pip install 'namematch[spark]')")
if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip("Java is not installed (Spark needs a JVM: java on PATH or JAVA_HOME)", allow_module_level=True)

from namematch import spark as nms  # noqa: E402


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    # executors must run the Python that has namematch installed
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = (
        SparkSession.builder.master("local[2]")
        .appName("namematch-tests")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.default.parallelism", "2")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.memory", "512m")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "64")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def _demo_registry() -> nm.Registry:
    text = resources.files("namematch").joinpath("data", "demo", "registry.jsonl").read_text("utf-8")
    return nm.Registry(nm.Person.from_dict(json.loads(line)) for line in text.splitlines() if line.strip())


def _demo_mentions() -> list[str]:
    text = resources.files("namematch").joinpath("data", "demo", "gold.jsonl").read_text("utf-8")
    out = []
    for line in text.splitlines():
        for p in json.loads(line)["persons"] if line.strip() else ():
            out.extend(m["text"] for m in p["mentions"])
    return list(dict.fromkeys(out))


EXTRA = [
    "Kassem Suleimani", "قاسم سليماني", "Ghasem Soleymani", "Angela Merkel", "Mohammed",
    "محمد", "Hassan Rouhani", "حسن روحاني", "Mohammed bin Salman", "Salman bin Muhammad",
    "Fouad Husain", "Faisal bin Farhan", "", "   ",
]  # fmt: skip


@pytest.fixture(scope="module")
def registry() -> nm.Registry:
    return _demo_registry()


@pytest.fixture(scope="module")
def right_rows(registry) -> list[tuple[str, str | None]]:
    rows: list[tuple[str, str | None]] = [
        (f"{p.id}#{k}", name) for p in registry for k, name in enumerate(p.names)
    ]
    # a duplicate name under two ids (ties go to the smaller id) and a null name
    rows += [("zz-dup", "Abbas Araghchi"), ("aa-dup", "Abbas Araghchi"), ("null-name", None)]
    return rows


@pytest.fixture(scope="module")
def left_rows() -> list[tuple[int, str | None]]:
    names = _demo_mentions() + EXTRA
    rows: list[tuple[int, str | None]] = list(enumerate(names))
    rows += [(1000, names[0]), (1001, None)]  # a repeated name, a null name
    return rows


def reference_link(left_rows, right_rows, threshold, max_block_size):
    """Brute force in one process: every left row against every right row."""
    right = [(rid, name) for rid, name in right_rows if name is not None]
    rkeys = {rid: nm.keys(name) for rid, name in right}
    size = Counter(k for ks in rkeys.values() for k in ks)
    usable = {k for k, c in size.items() if c <= max_block_size}
    out = {}
    for lid, lname in left_rows:
        if lname is None:
            continue
        lk = nm.keys(lname) & usable
        best = None
        for rid, rname in right:
            if not lk & rkeys[rid]:
                continue
            s = nm.score(lname, rname)
            if s >= threshold and (best is None or s > best[1] or (s == best[1] and rid < best[0])):
                best = (rid, s)
        if best is not None:
            out[lid] = best
    return out


def _frames(spark, left_rows, right_rows):
    left = spark.createDataFrame(left_rows, "id long, name string")
    right = spark.createDataFrame(right_rows, "id string, name string")
    return left, right


def _assert_same(got: dict, want: dict) -> None:
    assert set(got) == set(want)
    for lid, (rid, s) in want.items():
        assert got[lid][0] == rid, (lid, got[lid], want[lid])
        assert math.isclose(got[lid][1], s, abs_tol=1e-9)


@pytest.mark.parametrize("max_block_size", [pytest.param(1000, marks=pytest.mark.slow), 3])  # 1000: ~30 s
def test_spark_link_dataframes_equals_in_process(spark, left_rows, right_rows, max_block_size):
    left, right = _frames(spark, left_rows, right_rows)
    out = nms.link_dataframes(left, right, max_block_size=max_block_size)
    assert out.columns == ["left_id", "right_id", "score"]
    got = {r.left_id: (r.right_id, r.score) for r in out.collect()}
    want = reference_link(left_rows, right_rows, nm.DEFAULT_THRESHOLD, max_block_size)
    assert len(want) > 10
    _assert_same(got, want)
    assert got.get(1000) == got.get(0)  # same name, same match


def test_spark_link_threshold_and_columns(spark, left_rows, right_rows):
    left = spark.createDataFrame([(f"m{k}", n) for k, n in left_rows], "mid string, text string")
    right = spark.createDataFrame(right_rows, "pid string, label string")
    out = nms.link_dataframes(
        left, right, left_name="text", right_name="label", left_id="mid", right_id="pid", threshold=0.9
    )
    got = {r.left_id: (r.right_id, r.score) for r in out.collect()}
    want = reference_link([(f"m{k}", n) for k, n in left_rows], right_rows, 0.9, nms.DEFAULT_MAX_BLOCK_SIZE)
    _assert_same(got, want)
    assert all(s >= 0.9 for _, s in got.values())
    by_scorer = nms.link_dataframes(  # threshold taken from the scorer
        left, right, "text", "label", "mid", "pid", scorer=nm.Scorer(threshold=0.9)
    )
    assert {r.left_id: (r.right_id, r.score) for r in by_scorer.collect()} == got
    with pytest.raises(ValueError, match="not a column"):
        nms.link_dataframes(left, right)


def test_spark_block_cap_drops_common_keys(spark):
    right = spark.createDataFrame(
        [("a", "Mohammed Karimi"), ("b", "Mohammed Rezaei"), ("c", "Mohammed Hosseini")], "id string, name string"
    )
    left = spark.createDataFrame([(1, "Muhammad Karimi"), (2, "Mohammed")], "id long, name string")
    full = {r.left_id: r.right_id for r in nms.link_dataframes(left, right).collect()}
    assert full[1] == "a"
    pairs = nms.candidate_pairs(left, right, max_block_size=2).collect()
    # "mohammed" keys are in 3 right rows: dropped, so "Mohammed" alone has no candidates
    assert {r.left_name for r in pairs} == {"Muhammad Karimi"}
    assert {r.right_name for r in pairs} == {"Mohammed Karimi"}
    capped = {r.left_id: r.right_id for r in nms.link_dataframes(left, right, max_block_size=2).collect()}
    assert capped == {1: "a"}


def test_spark_column_functions(spark):
    names = ["Qassem Soleimani", "قاسم سليماني", "مسعود پزشکیان", None]
    df = spark.createDataFrame([(n, "Ghasem Soleymani") for n in names], "a string, b string")
    rows = df.select(
        nms.normalize_col("a").alias("n"),
        nms.romanize_col(df.a).alias("r"),
        nms.romanize_col("a", convention="arabic").alias("ra"),
        nms.keys_col("a").alias("k"),
        nms.score_col("a", "b").alias("s"),
        nms.score_col("a", "b", scorer=nm.Scorer(threshold=0.9, cache_size=10)).alias("s2"),
    ).collect()
    for name, row in zip(names, rows):
        if name is None:
            assert (row.n, row.r, row.ra, row.k, row.s, row.s2) == (None,) * 6
            continue
        assert row.n == nm.normalize(name)
        assert row.r == nm.romanize(name)
        assert row.ra == nm.romanize(name, "arabic")
        assert row.k == sorted(nm.keys(name))
        assert row.s == nm.score(name, "Ghasem Soleymani")
        assert row.s2 == nm.Scorer(threshold=0.9, cache_size=10).score(name, "Ghasem Soleymani")


def test_spark_resolve_dataframe_equals_registry_match(spark, registry, left_rows):
    mentions = spark.createDataFrame(left_rows, "id long, name string")
    out = nms.resolve_dataframe(mentions, registry)
    assert out.columns == ["id", "name", "match_id", "match_score", "match_alias"]
    rows = {r.id: r for r in out.collect()}
    assert len(rows) == len(left_rows)
    hits = 0
    for lid, name in left_rows:
        want = None if name is None else registry.match(name)
        got = rows[lid]
        if want is None:
            assert (got.match_id, got.match_score, got.match_alias) == (None, None, None), name
        else:
            hits += 1
            assert (got.match_id, got.match_alias) == (want.person.id, want.alias), name
            assert math.isclose(got.match_score, want.score, abs_tol=1e-9)
    assert hits > 10


def test_spark_resolve_dataframe_threshold_scorer_and_limits(spark, registry):
    strict = nm.Registry(list(registry), scorer=nm.Scorer(threshold=0.95))
    names = ["Abbas Araqchi", "Fouad Hussein", "Kassem Suleimani", "Pezeshkian"]
    mentions = spark.createDataFrame([(n,) for n in names], "text string")
    got = {r.text: r.match_id for r in nms.resolve_dataframe(mentions, strict, name_col="text").collect()}
    assert got == {n: (c.person.id if (c := strict.match(n)) else None) for n in names}
    low = {r.text: r.match_id for r in nms.resolve_dataframe(mentions, registry, "text", threshold=0.5).collect()}
    assert low == {n: (c.person.id if (c := registry.match(n, 0.5)) else None) for n in names}
    # the registry's own decision settings travel to the executors
    tight = nm.Registry(list(registry), match_threshold=1.0, margin=3.0)
    want = {n: (c.person.id if (c := tight.match(n)) else None) for n in names}
    default = {n: (c.person.id if (c := registry.match(n)) else None) for n in names}
    assert want != default
    got = {r.text: r.match_id for r in nms.resolve_dataframe(mentions, tight, "text").collect()}
    assert got == want
    # ... the whole decision, its calibration too (a chance read on another scale)
    wary = nm.Registry(list(registry), decision=nm.DecisionConfig(calibration=(1.0, -4.0)))
    want = {n: (c.person.id if (c := wary.match(n)) else None) for n in names}
    assert want != default
    got = {r.text: r.match_id for r in nms.resolve_dataframe(mentions, wary, "text").collect()}
    assert got == want
    with pytest.raises(ValueError, match="max_persons"):
        nms.resolve_dataframe(mentions, registry, "text", max_persons=3)
    with pytest.raises(ValueError, match="not a column"):
        nms.resolve_dataframe(mentions, registry)
