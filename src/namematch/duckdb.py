"""namematch in DuckDB: SQL functions and a keyed blocking join, in-process.

Install with the extra ``pip install 'namematch[duckdb]'``. :func:`register`
adds four Python UDFs (arrow mode, vectorised) to a connection:

``namematch_score(a VARCHAR, b VARCHAR) -> DOUBLE``
    :func:`namematch.score`
``namematch_normalize(name VARCHAR) -> VARCHAR``
    :func:`namematch.normalize`
``namematch_romanize(name VARCHAR) -> VARCHAR``
    :func:`namematch.romanize`
``namematch_keys(name VARCHAR) -> VARCHAR[]``
    :func:`namematch.keys`, sorted

NULL in gives NULL out. Usage::

    import duckdb
    import namematch.duckdb

    con = duckdb.connect()
    namematch.duckdb.register(con)
    con.sql("SELECT namematch_score('Qassem Soleimani', 'قاسم سليماني')").fetchall()

The keyed blocking join (what :func:`link_tables` runs, with ``left(id, name)``,
``right(id, name)``, a block cap of 1000 right rows and the default threshold 0.45,
:data:`namematch.DEFAULT_THRESHOLD`; :func:`link_sql` writes it for any tables).
Keys are computed once per distinct name, a key carried by more than the cap of
right rows is not used, each candidate pair of names is scored once, and each
left row keeps its best right row (ties: the smallest right id)::

    WITH l AS (SELECT id AS lid, name AS lname FROM "left" WHERE name IS NOT NULL),
    r AS (SELECT id AS rid, name AS rname FROM "right" WHERE name IS NOT NULL),
    rnames AS (SELECT rname, count(*) AS nrows, min(rid) AS rid FROM r GROUP BY rname),
    lkeys AS (SELECT lname, unnest(namematch_keys(lname)) AS key
              FROM (SELECT DISTINCT lname FROM l)),
    rkeys AS (SELECT rname, nrows, rid, unnest(namematch_keys(rname)) AS key FROM rnames),
    blocks AS (SELECT key, rname, rid FROM rkeys
               QUALIFY sum(nrows) OVER (PARTITION BY key) <= 1000),
    pairs AS (SELECT lname, rname, min(rid) AS rid
              FROM lkeys JOIN blocks USING (key) GROUP BY lname, rname),
    scored AS (SELECT lname, rid, namematch_score(lname, rname) AS score FROM pairs),
    best AS (SELECT lname, rid, score FROM scored WHERE score >= 0.45
             QUALIFY row_number() OVER (PARTITION BY lname ORDER BY score DESC, rid) = 1)
    SELECT l.lid AS left_id, best.rid AS right_id, best.score
    FROM l JOIN best USING (lname)

The results equal :func:`namematch.spark.link_dataframes` on the same tables
and an in-process scan with :func:`namematch.score` over the same candidates.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any, Final, cast

import namematch as _nm

if TYPE_CHECKING:  # pragma: no cover - typing only
    import duckdb as _duckdb

__all__ = ["DEFAULT_MAX_BLOCK_SIZE", "FUNCTIONS", "link_sql", "link_tables", "register"]

#: Keys carried by more right rows than this are not used for blocking.
DEFAULT_MAX_BLOCK_SIZE: Final = 1000
#: The SQL functions :func:`register` creates.
FUNCTIONS: Final = ("namematch_score", "namematch_normalize", "namematch_romanize", "namematch_keys")

_EXTRA_HINT: Final = "namematch.duckdb needs DuckDB: install the extra with pip install 'namematch[duckdb]'"


def _import() -> Any:
    try:
        import duckdb as _duckdb  # absolute import: the duckdb package, not this module
        import pyarrow  # noqa: F401  (arrow-mode UDFs)
    except ImportError as exc:  # pragma: no cover - exercised only without the extra
        raise ImportError(f"{_EXTRA_HINT} (and pyarrow) ({exc})") from exc
    return _duckdb


# -- vectorised kernels (pyarrow in, pyarrow out) ------------------------------
def _strings(arr: Any) -> list[str | None]:
    return cast("list[str | None]", arr.to_pylist())


def _score_arrow(a: Any, b: Any, scorer: _nm.Scorer | None = None) -> Any:
    import pyarrow as pa

    fn = _nm.score if scorer is None else scorer.score
    out = [None if x is None or y is None else float(fn(x, y)) for x, y in zip(_strings(a), _strings(b))]
    return pa.array(out, pa.float64())


def _normalize_arrow(a: Any) -> Any:
    import pyarrow as pa

    return pa.array([None if x is None else _nm.normalize(x) for x in _strings(a)], pa.string())


def _romanize_arrow(a: Any) -> Any:
    import pyarrow as pa

    return pa.array([None if x is None else _nm.romanize(x) for x in _strings(a)], pa.string())


def _keys_arrow(a: Any) -> Any:
    import pyarrow as pa

    out = [None if x is None else sorted(_nm.keys(x)) for x in _strings(a)]
    return pa.array(out, pa.list_(pa.string()))


def register(con: _duckdb.DuckDBPyConnection, *, scorer: _nm.Scorer | None = None) -> _duckdb.DuckDBPyConnection:
    """Register ``namematch_score``, ``namematch_normalize``, ``namematch_romanize``
    and ``namematch_keys`` on ``con`` as arrow-mode Python UDFs; returns ``con``.

    Registering again replaces the functions (e.g. with another ``scorer``, a
    :class:`namematch.Scorer` used by ``namematch_score``).
    """
    duckdb = _import()
    try:
        from duckdb.sqltypes import DOUBLE, VARCHAR
    except ImportError:  # DuckDB < 1.4
        from duckdb.typing import DOUBLE, VARCHAR  # type: ignore[no-redef]

    if scorer is not None and not isinstance(scorer, _nm.Scorer):
        raise TypeError(f"scorer must be a namematch.Scorer, not {type(scorer).__name__}")

    def namematch_score(a: Any, b: Any) -> Any:
        return _score_arrow(a, b, scorer)

    specs = (
        ("namematch_score", namematch_score, [VARCHAR, VARCHAR], DOUBLE),
        ("namematch_normalize", _normalize_arrow, [VARCHAR], VARCHAR),
        ("namematch_romanize", _romanize_arrow, [VARCHAR], VARCHAR),
        ("namematch_keys", _keys_arrow, [VARCHAR], duckdb.list_type(VARCHAR)),
    )
    for name, fn, params, ret in specs:
        try:
            con.remove_function(name)
        except Exception:  # not registered yet
            pass
        con.create_function(name, fn, params, ret, type="arrow")  # type: ignore[call-overload]
    return con


def _quote(name: str) -> str:
    """Quote an identifier (``schema.table`` parts are quoted one by one)."""
    if not isinstance(name, str) or not name:
        raise TypeError(f"expected a table or column name, got {name!r}")
    return ".".join('"' + part.replace('"', '""') + '"' for part in name.split("."))


def link_sql(
    left: str,
    right: str,
    left_name: str = "name",
    right_name: str = "name",
    left_id: str = "id",
    right_id: str = "id",
    threshold: float | None = None,
    max_block_size: int = DEFAULT_MAX_BLOCK_SIZE,
) -> str:
    """The SQL of the keyed blocking join of :func:`link_tables` (see the module docstring).

    >>> "namematch_keys" in link_sql("mentions", "persons", threshold=0.8)
    True
    """
    if threshold is None:
        threshold = _nm.DEFAULT_THRESHOLD
    threshold = float(threshold)
    if not 0.0 <= threshold <= 1.0:
        raise ValueError(f"threshold must be in [0, 1], got {threshold!r}")
    if not isinstance(max_block_size, int) or isinstance(max_block_size, bool) or max_block_size < 1:
        raise ValueError(f"max_block_size must be a positive int, got {max_block_size!r}")
    lt, rt = _quote(left), _quote(right)
    ln, rn, li, ri = (_quote(c) for c in (left_name, right_name, left_id, right_id))
    return f"""
WITH l AS (SELECT {li} AS lid, {ln} AS lname FROM {lt} WHERE {ln} IS NOT NULL),
r AS (SELECT {ri} AS rid, {rn} AS rname FROM {rt} WHERE {rn} IS NOT NULL),
rnames AS (SELECT rname, count(*) AS nrows, min(rid) AS rid FROM r GROUP BY rname),
lkeys AS (SELECT lname, unnest(namematch_keys(lname)) AS key FROM (SELECT DISTINCT lname FROM l)),
rkeys AS (SELECT rname, nrows, rid, unnest(namematch_keys(rname)) AS key FROM rnames),
blocks AS (SELECT key, rname, rid FROM rkeys
           QUALIFY sum(nrows) OVER (PARTITION BY key) <= {max_block_size}),
pairs AS (SELECT lname, rname, min(rid) AS rid FROM lkeys JOIN blocks USING (key) GROUP BY lname, rname),
scored AS (SELECT lname, rid, namematch_score(lname, rname) AS score FROM pairs),
best AS (SELECT lname, rid, score FROM scored WHERE score >= {threshold!r}
         QUALIFY row_number() OVER (PARTITION BY lname ORDER BY score DESC, rid) = 1)
SELECT l.lid AS left_id, best.rid AS right_id, best.score AS score FROM l JOIN best USING (lname)
"""


def link_tables(
    con: _duckdb.DuckDBPyConnection,
    left: Any,
    right: Any,
    left_name: str = "name",
    right_name: str = "name",
    left_id: str = "id",
    right_id: str = "id",
    threshold: float | None = None,
    max_block_size: int = DEFAULT_MAX_BLOCK_SIZE,
    *,
    scorer: _nm.Scorer | None = None,
) -> _duckdb.DuckDBPyRelation:
    """Link each row of ``left`` to its best-scoring row of ``right`` with the keyed blocking join.

    ``left`` and ``right`` are table or view names on ``con``, or DuckDB
    relations, pandas DataFrames or Arrow tables (registered as temporary views).
    Returns a relation with columns ``left_id``, ``right_id``, ``score``: one
    row per left row whose best candidate scores at least ``threshold``
    (default :data:`namematch.DEFAULT_THRESHOLD`, or the ``scorer``'s). The
    functions are registered on ``con`` first. The relation is evaluated when
    fetched (``.fetchall()``, ``.df()``, ``.arrow()``, ``.create(name)``), each
    time it is fetched.
    """
    _import()
    if threshold is None:
        threshold = _nm.DEFAULT_THRESHOLD if scorer is None else scorer.threshold
    register(con, scorer=scorer)
    names = []
    for side in (left, right):
        if isinstance(side, str):
            names.append(side)
            continue
        view = f"_namematch_{uuid.uuid4().hex}"
        if hasattr(side, "create_view") and hasattr(side, "alias"):  # a DuckDBPyRelation
            side.create_view(view, replace=True)
        else:
            con.register(view, side)
        names.append(view)
    sql = link_sql(names[0], names[1], left_name, right_name, left_id, right_id, threshold, max_block_size)
    return con.sql(sql)
