"""Helpers of the benchmarks only (data, metrics and tables live in :mod:`namematch.evaluation`)."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

import namematch as nm
from namematch.evaluation import data_dir, person_sets, read_data_file

ROOT = Path(__file__).resolve().parent.parent
#: The person sets measured (see :func:`namematch.evaluation.person_sets`).
PERSON_SETS = person_sets()

#: Pair score from which retrieval recall counts a query as one a full scan would confidently
#: answer (the "matched" figures of resolution.py and scale.py).
CONFIDENT_PAIR = 0.95


def retrieval_scores(reg: nm.Registry, queries: Sequence[str], chunk: int = 25) -> Iterator[tuple[float, float]]:
    """Per query: the best score over every alias of ``reg`` (a full scan with its scorer) and
    the best over the aliases :meth:`Registry.retrieve` hands to the scorer. Retrieval found
    the full-scan best when the two are equal (ties: any best alias will do)."""
    texts = [text for _pidx, text in reg._aliases]
    for start in range(0, len(queries), chunk):
        part = list(queries[start : start + chunk])
        for q, row in zip(part, reg.scorer.score_matrix(part, texts), strict=True):
            yield float(row.max()), max((float(row[a]) for a in reg.retrieve(q)), default=0.0)


class NearMiss(NamedTuple):
    """One pair of ``tools/build_nearmiss.py --out`` (see that script)."""

    a: str
    b: str
    label: int
    kind: str
    half: int
    dataset: str
    cross: bool
    replaced: str
    by: str


def run_tool(script: str, *args: str) -> None:
    """Run ``tools/<script>.py`` with ``args`` in a subprocess (its output discarded; its
    errors end the benchmark): the tools write files, the benchmarks read them."""
    res = subprocess.run([sys.executable, str(ROOT / "tools" / f"{script}.py"), *args],
                         capture_output=True, text=True, check=False)
    if res.returncode != 0:
        sys.exit(f"tools/{script}.py failed:\n{res.stderr}")


def tool_rows(script: str) -> list[list[str]]:
    """The rows (fields split, header left out) of the TSV that ``tools/<script>.py --out``
    writes, run in a subprocess (:func:`run_tool`) into a temporary directory."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / f"{script}.tsv"
        run_tool(script, "--out", str(out))
        rows = out.read_text(encoding="utf-8").splitlines()[1:]
    return [row.split("\t") for row in rows]


def near_miss_pairs() -> list[NearMiss]:
    """The near-miss pairs of ``tools/build_nearmiss.py`` (built, seeded, from the development persons)."""
    pairs = []
    for a, b, label, kind, half, dataset, cross, replaced, by in tool_rows("build_nearmiss"):
        pairs.append(NearMiss(a, b, int(label), kind, int(half), dataset, cross == "1", replaced, by))
    return pairs


class WorldPair(NamedTuple):
    """One pair of ``tools/build_worldnames.py --out`` (see that script)."""

    a: str
    b: str
    label: int
    relation: str
    culture: str
    element: str


def world_pairs() -> list[WorldPair]:
    """The world-names pairs of ``tools/build_worldnames.py`` (built, seeded, from ``benchmarks/data/world-names``)."""
    pairs = []
    for a, b, label, relation, culture, element in tool_rows("build_worldnames"):
        pairs.append(WorldPair(a, b, int(label), relation, culture, element))
    return pairs


def held_out_build(shared: Path | None = None, fold: int = 0) -> tuple[list[str], list[str], list[str]]:
    """``tools/build_lexicon.py --fold K``'s data (fold 0: ``--holdout``), built without the
    fifth ``fold`` of the persons and tokens: (transliteration model, variant, frequency) lines."""
    with tempfile.TemporaryDirectory() as tmp:
        run_tool("build_lexicon", "--fold", str(fold), "--out", tmp, "--shared", str(shared or data_dir().parent))
        return tuple(read_data_file(Path(tmp) / name)  # type: ignore[return-value]
                     for name in ("translit_model.tsv", "variants.tsv", "frequency.tsv"))
