"""namematch on Apache Spark: column functions, batch linkage and registry resolution.

Install with the extra ``pip install 'namematch[spark]'`` (``pyspark>=4,<5``,
``pandas<3``, ``pyarrow``). Every function here runs namematch's public API
(:func:`namematch.score`, :func:`namematch.keys`, :func:`namematch.normalize`,
:func:`namematch.romanize`, :class:`namematch.Registry`) inside vectorised
pandas UDFs, so the results are the in-process results, computed on executors.

Executors import namematch the normal way: it must be installed in the Python
that Spark starts for its workers. That Python is ``PYSPARK_PYTHON`` (default
``python3`` on the ``PATH``); point it at the environment where namematch is
installed, e.g. ``export PYSPARK_PYTHON=/path/to/venv/bin/python`` (or the
``spark.pyspark.python`` setting, or ship a packed environment with
``--archives``). See ``docs/scale.md``.

Column functions (each takes a column or a column name)::

    from namematch.spark import keys_col, normalize_col, romanize_col, score_col
    df.select(normalize_col("name"), romanize_col("name"), keys_col("name"),
              score_col("name", "other_name"))

Linking two tables (:func:`link_dataframes`)::

    links = link_dataframes(mentions, sanctions, left_id="mention_id", right_id="id")
    # columns: left_id, right_id, score -- the best right row per left row

Blocking: a left row and a right row are *candidates* when their names share a
key (:func:`namematch.keys`) whose block holds at most ``max_block_size`` right
rows. Keys of bigger blocks (a very common given name) are dropped from the
join, so one common key cannot explode it; a name whose keys are all that
common gets no candidates. Each candidate pair of distinct names is scored once
with :func:`namematch.score`; per left row the best-scoring right row at or
above ``threshold`` is kept (ties: the smallest right id). Work is done per
distinct name, so repeated names cost nothing extra.

Resolving mentions against a small registry (:func:`resolve_dataframe`) ships
the registry's persons to every executor (a broadcast) and runs
:meth:`namematch.Registry.match` there, giving exactly the in-process result.
"""

from __future__ import annotations

import inspect
import threading
import uuid
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Final, cast

import namematch as _nm

if TYPE_CHECKING:  # pragma: no cover - typing only
    import pandas as pd
    from pyspark.sql import Column, DataFrame

__all__ = [
    "DEFAULT_MAX_BLOCK_SIZE",
    "DEFAULT_MAX_BROADCAST_PERSONS",
    "candidate_pairs",
    "keys_col",
    "link_dataframes",
    "normalize_col",
    "resolve_dataframe",
    "romanize_col",
    "score_col",
]

#: Keys carried by more right rows than this are not used for blocking.
DEFAULT_MAX_BLOCK_SIZE: Final = 1000
#: :func:`resolve_dataframe` refuses registries with more persons than this.
DEFAULT_MAX_BROADCAST_PERSONS: Final = 200_000

_EXTRA_HINT: Final = (
    "namematch.spark needs PySpark, pandas and pyarrow: install the extra with "
    "pip install 'namematch[spark]' (pyspark>=4,<5, pandas<3, pyarrow)"
)


def _spark() -> tuple[Any, Any]:
    """Import ``pyspark.sql.functions`` and ``pandas_udf`` lazily, with a clear error."""
    try:
        import pandas  # noqa: F401
        import pyarrow  # noqa: F401
        from pyspark.sql import functions as F
        from pyspark.sql.functions import pandas_udf  # type: ignore[attr-defined]
    except ImportError as exc:  # pragma: no cover - exercised only without the extra
        raise ImportError(f"{_EXTRA_HINT} ({exc})") from exc
    return F, pandas_udf


def _pandas_udf(fn: Any, return_type: str, n_args: int, *, frame: bool = False) -> Any:
    """Wrap ``fn`` as a Series-to-Series (or Series-to-DataFrame) pandas UDF.

    The type hints that PySpark reads are set here, with pandas imported
    lazily, so the module imports without the extra.
    """
    _, pandas_udf = _spark()
    import pandas as pd

    hints: dict[str, Any] = {f"x{k}": pd.Series for k in range(n_args)}
    hints["return"] = pd.DataFrame if frame else pd.Series
    fn.__annotations__ = hints
    return pandas_udf(fn, return_type)


def _col(c: Column | str) -> Column:
    F, _ = _spark()
    return F.col(c) if isinstance(c, str) else c


# -- scorers shipped to executors ---------------------------------------------
# A Scorer is sent as its constructor arguments (read back from the public
# signature) so its caches never travel; executors rebuild it once per process.
_WORKER_CACHE: dict[str, Any] = {}
_WORKER_LOCK = threading.Lock()


def _scorer_spec(scorer: _nm.Scorer | None) -> tuple[str, Any] | None:
    """A small picklable description of ``scorer`` (None: the default scorer)."""
    if scorer is None:
        return None
    if not isinstance(scorer, _nm.Scorer):
        raise TypeError(f"scorer must be a namematch.Scorer, not {type(scorer).__name__}")
    params = inspect.signature(type(scorer)).parameters
    kwargs: dict[str, Any] = {}
    for name, p in params.items():
        if p.kind is not inspect.Parameter.KEYWORD_ONLY:
            continue
        if not hasattr(scorer, name):  # not read back: ship the object itself
            return ("object", scorer)
        kwargs[name] = getattr(scorer, name)
    return ("kwargs", (type(scorer), kwargs))


def _build_scorer(spec: tuple[str, Any] | None) -> _nm.Scorer | None:
    if spec is None:
        return None
    kind, value = spec
    if kind == "object":
        return cast(_nm.Scorer, value)
    cls, kwargs = value
    return cast(_nm.Scorer, cls(**kwargs))


def _cached(token: str, build: Any) -> Any:
    """One object per token per worker process (Python workers are reused)."""
    obj = _WORKER_CACHE.get(token)
    if obj is None:
        with _WORKER_LOCK:
            obj = _WORKER_CACHE.get(token)
            if obj is None:
                obj = _WORKER_CACHE[token] = build()
    return obj


# -- plain Python kernels (run on executors; also usable in-process) ----------
def _normalize_series(s: pd.Series) -> pd.Series:
    import pandas as pd

    return pd.Series([None if x is None else _nm.normalize(x) for x in s], index=s.index, dtype=object)


def _romanize_series(s: pd.Series, convention: str | None) -> pd.Series:
    import pandas as pd

    return pd.Series(
        [None if x is None else _nm.romanize(x, convention) for x in s], index=s.index, dtype=object
    )


def _keys_series(s: pd.Series) -> pd.Series:
    import pandas as pd

    return pd.Series([None if x is None else sorted(_nm.keys(x)) for x in s], index=s.index, dtype=object)


def _score_series(a: pd.Series, b: pd.Series, scorer: _nm.Scorer | None) -> pd.Series:
    import pandas as pd

    fn = _nm.score if scorer is None else scorer.score
    out = [None if x is None or y is None else float(fn(x, y)) for x, y in zip(a, b)]
    return pd.Series(out, index=a.index, dtype="float64")


# -- column functions ---------------------------------------------------------
def normalize_col(col: Column | str) -> Column:
    """:func:`namematch.normalize` of a string column (nulls stay null)."""
    def namematch_normalize(x0):  # type: ignore[no-untyped-def]
        return _normalize_series(x0)

    return cast("Column", _pandas_udf(namematch_normalize, "string", 1)(_col(col)))


def romanize_col(col: Column | str, convention: str | None = None) -> Column:
    """:func:`namematch.romanize` of a string column (``convention``: None, "arabic" or "persian")."""
    if convention is not None:
        _nm.romanize("", convention)  # validate on the driver, fail early

    def namematch_romanize(x0):  # type: ignore[no-untyped-def]
        return _romanize_series(x0, convention)

    return cast("Column", _pandas_udf(namematch_romanize, "string", 1)(_col(col)))


def keys_col(col: Column | str) -> Column:
    """:func:`namematch.keys` of a string column as a sorted ``array<string>``."""
    def namematch_keys(x0):  # type: ignore[no-untyped-def]
        return _keys_series(x0)

    return cast("Column", _pandas_udf(namematch_keys, "array<string>", 1)(_col(col)))


def score_col(a: Column | str, b: Column | str, scorer: _nm.Scorer | None = None) -> Column:
    """:func:`namematch.score` of two string columns as a double (null if either is null).

    ``scorer`` (a :class:`namematch.Scorer`) is rebuilt on each executor from its
    constructor arguments; by default the module-level scorer is used.
    """
    return cast("Column", _score_udf(scorer)(_col(a), _col(b)))


def _score_udf(scorer: _nm.Scorer | None, *, once: bool = False) -> Any:
    """The scoring pandas UDF; ``once`` marks it non-deterministic so the optimizer
    never pushes a filter on the score below a shuffle (which would score every
    pair twice, the first time before deduplication)."""
    spec = _scorer_spec(scorer)
    token = uuid.uuid4().hex

    def namematch_score(x0, x1):  # type: ignore[no-untyped-def]
        sc = None if spec is None else _cached(token, lambda: _build_scorer(spec))
        return _score_series(x0, x1, sc)

    udf = _pandas_udf(namematch_score, "double", 2)
    return udf.asNondeterministic() if once else udf


# -- linkage ------------------------------------------------------------------
def _default_partitions(df: DataFrame) -> int:
    spark = df.sparkSession
    try:
        return max(2, 2 * int(spark.sparkContext.defaultParallelism))
    except Exception:  # Spark Connect has no SparkContext
        return max(2, int(cast(str, spark.conf.get("spark.sql.shuffle.partitions", "200"))))


def _check_positive(name: str, value: int | None) -> None:
    if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 1):
        raise ValueError(f"{name} must be a positive int, got {value!r}")


def candidate_pairs(
    left: DataFrame,
    right: DataFrame,
    left_name: str = "name",
    right_name: str = "name",
    right_id: str = "id",
    max_block_size: int = DEFAULT_MAX_BLOCK_SIZE,
    num_partitions: int | None = None,
) -> DataFrame:
    """The blocked candidate set of :func:`link_dataframes`, one row per pair of names.

    Columns ``left_name``, ``right_name`` (the distinct name strings) and
    ``min_right_id`` (the smallest id among right rows with that name). A pair
    is a candidate when the names share a key whose block holds at most
    ``max_block_size`` right rows. Count it to size a job before scoring.
    """
    F, _ = _spark()
    from pyspark.sql import Window

    _check_positive("max_block_size", max_block_size)
    _check_positive("num_partitions", num_partitions)
    n = num_partitions or _default_partitions(left)
    lnames = (
        left.select(F.col(left_name).alias("_lname"))
        .where(F.col("_lname").isNotNull())
        .distinct()
        .repartition(n)  # keys are computed in Python: spread them over all cores
        .select("_lname", F.explode(keys_col("_lname")).alias("_key"))
    )
    rnames = (
        right.select(F.col(right_name).alias("_rname"), F.col(right_id).alias("_rid"))
        .where(F.col("_rname").isNotNull())
        .groupBy("_rname")
        .agg(F.count(F.lit(1)).alias("_rows"), F.min("_rid").alias("_rid"))
        .repartition(n)
        .select("_rname", "_rows", "_rid", F.explode(keys_col("_rname")).alias("_key"))
    )
    block = Window.partitionBy("_key")
    rblocks = (
        rnames.withColumn("_size", F.sum("_rows").over(block))
        .where(F.col("_size") <= F.lit(max_block_size))
        .select("_key", "_rname", "_rid")
    )
    return (
        lnames.join(rblocks, "_key")
        .groupBy("_lname", "_rname")
        .agg(F.min("_rid").alias("min_right_id"))
        .select(
            F.col("_lname").alias("left_name"), F.col("_rname").alias("right_name"), "min_right_id"
        )
    )


def link_dataframes(
    left: DataFrame,
    right: DataFrame,
    left_name: str = "name",
    right_name: str = "name",
    left_id: str = "id",
    right_id: str = "id",
    threshold: float | None = None,
    max_block_size: int = DEFAULT_MAX_BLOCK_SIZE,
    *,
    scorer: _nm.Scorer | None = None,
    num_partitions: int | None = None,
) -> DataFrame:
    """Link every left row to its best-scoring right row.

    Returns a DataFrame with columns ``left_id``, ``right_id`` and ``score``
    (double): one row per left row whose best candidate scores at least
    ``threshold`` (default: :data:`namematch.DEFAULT_THRESHOLD`, or the
    ``scorer``'s threshold). Candidates come from key blocking, see
    :func:`candidate_pairs`; ties go to the smallest right id. Left rows with a
    null name are left out; ``num_partitions`` (default twice the default
    parallelism) sets how many tasks score in parallel.

    The result equals scoring, in one process, every left row against every
    right row in the same candidate set with :func:`namematch.score`.
    """
    F, _ = _spark()
    from pyspark.sql import Window

    if threshold is None:
        threshold = _nm.DEFAULT_THRESHOLD if scorer is None else scorer.threshold
    if not 0.0 <= float(threshold) <= 1.0:
        raise ValueError(f"threshold must be in [0, 1], got {threshold!r}")
    for what, c in (("left_name", left_name), ("left_id", left_id)):
        if c not in left.columns:
            raise ValueError(f"{what} {c!r} is not a column of left: {left.columns}")
    for what, c in (("right_name", right_name), ("right_id", right_id)):
        if c not in right.columns:
            raise ValueError(f"{what} {c!r} is not a column of right: {right.columns}")
    n = num_partitions or _default_partitions(left)
    pairs = candidate_pairs(left, right, left_name, right_name, right_id, max_block_size, n)
    best = Window.partitionBy("left_name").orderBy(F.col("score").desc(), F.col("min_right_id").asc())
    matched = (
        pairs.repartition(n)  # scoring is the expensive step: all cores
        .withColumn("score", _score_udf(scorer, once=True)(F.col("left_name"), F.col("right_name")))
        .withColumn("_rank", F.row_number().over(best))
        .where((F.col("_rank") == 1) & (F.col("score") >= F.lit(float(threshold))))
        .select("left_name", F.col("min_right_id").alias("right_id"), "score")
    )
    rows = left.select(F.col(left_id).alias("left_id"), F.col(left_name).alias("left_name"))
    return rows.join(matched, "left_name").select("left_id", "right_id", "score")


# -- registry resolution ------------------------------------------------------
_MATCH_SCHEMA: Final = "match_id string, match_score double, match_alias string"


def _registry_payload(
    registry: _nm.Registry | Iterable[_nm.Person],
) -> tuple[list[dict[str, Any]], Any, dict[str, Any]]:
    """Persons as dicts, the scorer spec and the registry's decision (its whole frozen
    :class:`~namematch.registry.DecisionConfig`: thresholds, calibration, retrieval depth)."""
    if isinstance(registry, _nm.Registry):
        persons = [p.to_dict() for p in registry]
        return persons, _scorer_spec(registry.scorer), {"decision": registry.decision}
    persons = []
    for p in registry:
        if not isinstance(p, _nm.Person):
            raise TypeError(f"registry must be a Registry or Persons, not {type(p).__name__}")
        persons.append(p.to_dict())
    return persons, None, {}


def _match_frame(names: pd.Series, registry: _nm.Registry, threshold: float | None) -> pd.DataFrame:
    import pandas as pd

    ids: list[str | None] = []
    scores: list[float | None] = []
    aliases: list[str | None] = []
    for x in names:
        c = None if x is None else registry.match(x, threshold=threshold)
        ids.append(None if c is None else c.person.id)
        scores.append(None if c is None else float(c.score))
        aliases.append(None if c is None else c.alias)
    return pd.DataFrame({"match_id": ids, "match_score": scores, "match_alias": aliases}, index=names.index)


def resolve_dataframe(
    mentions_df: DataFrame,
    registry: _nm.Registry | Iterable[_nm.Person],
    name_col: str = "name",
    threshold: float | None = None,
    *,
    max_persons: int = DEFAULT_MAX_BROADCAST_PERSONS,
) -> DataFrame:
    """Resolve a column of mentions against a registry broadcast to the executors.

    Adds ``match_id`` (the person id, null when nothing reaches the threshold),
    ``match_score`` and ``match_alias`` to ``mentions_df``: row for row what
    :meth:`namematch.Registry.match` returns in-process (``threshold`` default:
    the registry's ``match_threshold``; its ``margin`` applies too). The registry's persons are broadcast once and each
    Python worker builds its :class:`~namematch.Registry` once; registries over
    ``max_persons`` are refused -- link them with :func:`link_dataframes`.
    """
    F, _ = _spark()
    if name_col not in mentions_df.columns:
        raise ValueError(f"name_col {name_col!r} is not a column of mentions_df: {mentions_df.columns}")
    clash = {"match_id", "match_score", "match_alias"} & set(mentions_df.columns)
    if clash:
        raise ValueError(f"mentions_df already has column(s) {sorted(clash)}")
    persons, spec, decision = _registry_payload(registry)
    if len(persons) > max_persons:
        raise ValueError(
            f"registry has {len(persons)} persons, over max_persons={max_persons}: too big to "
            "broadcast; raise max_persons or link the registry table with link_dataframes()"
        )
    payload = (persons, spec, decision)
    try:  # classic Spark: a broadcast variable, sent once per executor
        holder: Any = mentions_df.sparkSession.sparkContext.broadcast(payload)
        def get() -> Any:
            return holder.value
    except Exception:  # Spark Connect: the payload travels with the UDF
        def get() -> Any:
            return payload
    token = uuid.uuid4().hex

    def build() -> _nm.Registry:
        people, sc, settings = get()
        return _nm.Registry((_nm.Person.from_dict(d) for d in people), scorer=_build_scorer(sc), **settings)

    def namematch_match(x0):  # type: ignore[no-untyped-def]
        return _match_frame(x0, _cached(token, build), threshold)

    udf = _pandas_udf(namematch_match, _MATCH_SCHEMA, 1, frame=True)
    return (
        mentions_df.withColumn("_namematch", udf(F.col(name_col)))
        .select("*", "_namematch.*")
        .drop("_namematch")
    )
