"""namematch.duckdb: SQL functions and the keyed blocking join equal the in-process results."""

from __future__ import annotations

import math
from collections import Counter

import pytest

import namematch as nm

duckdb = pytest.importorskip("duckdb", reason="duckdb is not installed (pip install 'namematch[duckdb]')")
pytest.importorskip("pyarrow", reason="pyarrow is not installed (DuckDB arrow-mode UDFs need it)")

import namematch.duckdb as nmd  # noqa: E402

RIGHT = [
    ("ir-soleimani", "Qassem Soleimani"), ("ir-soleimani-ar", "قاسم سليماني"),
    ("ir-pezeshkian", "Masoud Pezeshkian"), ("ir-pezeshkian-fa", "مسعود پزشکیان"),
    ("iq-hussein", "Fuad Hussein"), ("iq-hussein-ar", "فؤاد حسين"),
    ("sa-mbs", "Mohammed bin Salman"), ("sa-mbs-ar", "محمد بن سلمان"),
    ("sa-faisal", "Faisal bin Farhan Al Saud"), ("ir-araghchi", "Abbas Araghchi"),
    ("ir-araghchi-ar", "عباس عراقجي"), ("zz-dup", "Abbas Araghchi"), ("aa-dup", "Abbas Araghchi"),
    ("ir-hashemi", "Sayyid Sattar Hashemi"), ("ir-karimi", "Mohammed Karimi"),
    ("ir-rezaei", "Mohammed Rezaei"), ("null", None),
]  # fmt: skip
LEFT = [
    (1, "Kassem Suleimani"), (2, "قاسم سليماني"), (3, "Ghasem Soleymani"), (4, "Pezeshkian"),
    (5, "Fouad Hussein"), (6, "Salman bin Muhammad"), (7, "محمد بن سلمان"), (8, "Abbas Araqchi"),
    (9, "Angela Merkel"), (10, "Mohammed"), (11, "Sattar Hashemi"), (12, "Faisal bin Farhan"),
    (13, "Muhammad Karimi"), (14, ""), (15, None), (16, "Kassem Suleimani"),
]  # fmt: skip


@pytest.fixture()
def con():
    c = duckdb.connect()
    nmd.register(c)
    c.execute("CREATE TABLE persons (id VARCHAR, name VARCHAR)")
    c.executemany("INSERT INTO persons VALUES (?, ?)", RIGHT)
    c.execute("CREATE TABLE mentions (id BIGINT, name VARCHAR)")
    c.executemany("INSERT INTO mentions VALUES (?, ?)", LEFT)
    yield c
    c.close()


def reference_link(left_rows, right_rows, threshold, max_block_size):
    """Brute force in one process over the same blocked candidate set."""
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
            if lk & rkeys[rid]:
                s = nm.score(lname, rname)
                if s >= threshold and (best is None or s > best[1] or (s == best[1] and rid < best[0])):
                    best = (rid, s)
        if best is not None:
            out[lid] = best
    return out


def _check(got_rows, want):
    got = {lid: (rid, s) for lid, rid, s in got_rows}
    assert len(got) == len(got_rows)
    assert set(got) == set(want)
    for lid, (rid, s) in want.items():
        assert got[lid][0] == rid, (lid, got[lid], want[lid])
        assert math.isclose(got[lid][1], s, abs_tol=1e-9)


def test_duckdb_shadowing_is_harmless():
    import duckdb as real

    assert real is duckdb and hasattr(real, "connect")
    assert nmd.__name__ == "namematch.duckdb"


def test_duckdb_functions_equal_python(con):
    names = [n for _, n in LEFT + RIGHT]
    got = con.execute(
        "SELECT name, namematch_normalize(name), namematch_romanize(name), namematch_keys(name),"
        " namematch_score(name, 'Ghasem Soleymani') FROM (SELECT unnest(?::VARCHAR[]) AS name)",
        [names],
    ).fetchall()
    assert len(got) == len(names)
    for name, n, r, k, s in got:
        if name is None:
            assert (n, r, k, s) == (None, None, None, None)
            continue
        assert n == nm.normalize(name)
        assert r == nm.romanize(name)
        assert k == sorted(nm.keys(name))
        assert s == nm.score(name, "Ghasem Soleymani")
    assert con.execute("SELECT namematch_score(NULL, 'x')").fetchone() == (None,)


def test_duckdb_register_again_with_scorer(con):
    class Halved(nm.Scorer):
        def score(self, a, b, **kw):
            return super().score(a, b, **kw) / 2

    half = Halved()
    nmd.register(con, scorer=half)
    nmd.register(con, scorer=half)  # idempotent
    a, b = "Qassem Soleimani", "قاسم سليماني"
    assert con.execute("SELECT namematch_score(?, ?)", [a, b]).fetchone()[0] == nm.score(a, b) / 2
    with pytest.raises(TypeError):
        nmd.register(con, scorer="strict")


@pytest.mark.parametrize("max_block_size", [1000, 2])
def test_duckdb_link_tables_equals_in_process(con, max_block_size):
    rows = nmd.link_tables(con, "mentions", "persons", max_block_size=max_block_size).fetchall()
    want = reference_link(LEFT, RIGHT, nm.DEFAULT_THRESHOLD, max_block_size)
    assert len(want) >= (8 if max_block_size > 2 else 3)
    _check(rows, want)


def test_duckdb_link_tables_other_inputs_and_columns(con):
    import pyarrow as pa

    left = pa.table({"mid": [f"m{i}" for i, _ in LEFT], "text": [n for _, n in LEFT]})
    right = con.sql("SELECT id AS pid, name AS label FROM persons")
    rel = nmd.link_tables(
        con, left, right, left_name="text", right_name="label", left_id="mid", right_id="pid", threshold=0.9
    )
    assert rel.columns == ["left_id", "right_id", "score"]
    want = reference_link([(f"m{i}", n) for i, n in LEFT], RIGHT, 0.9, nmd.DEFAULT_MAX_BLOCK_SIZE)
    _check(rel.fetchall(), want)


def test_duckdb_recipe_in_docstring_runs(con):
    doc = nmd.__doc__
    sql = doc[doc.index("WITH l AS"): doc.index("The results equal")]
    con.execute('CREATE TABLE "left" AS SELECT * FROM mentions')
    con.execute('CREATE TABLE "right" AS SELECT * FROM persons')
    _check(con.sql(sql).fetchall(), reference_link(LEFT, RIGHT, 0.7, 1000))


def test_duckdb_link_sql_rejects_bad_arguments():
    with pytest.raises(ValueError):
        nmd.link_sql("a", "b", threshold=1.5)
    with pytest.raises(ValueError):
        nmd.link_sql("a", "b", max_block_size=0)
    assert '"my schema"."t""x"' in nmd.link_sql('my schema.t"x', "b")
