"""Shared helpers for namematch's benchmarks: data loading, pair sampling, metrics, tables."""

from __future__ import annotations

import json
import os
import random
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("NAMEMATCH_SHARED", ROOT.parent / "shared")) / "data"
#: The development person sets (tools/build_lexicon.py and tools/fit_score_model.py read these).
DEV_SETS = ("un-sc-2018", "ofac-sdn-2022", "ofac-cons-2018")


def person_sets() -> tuple[str, ...]:
    """Person-level datasets the benchmarks read: ``NAMEMATCH_DATASETS`` (comma-separated) when
    set, else the development sets and any other folder of ``SHARED`` holding an
    ``entities.jsonl`` of persons (token-level sets have a ``pairs.tsv`` beside it), so data
    added beside the development sets is measured too. Development sets come first, in a fixed
    order: pair sampling draws from one random stream, and their samples must not change."""
    chosen = os.environ.get("NAMEMATCH_DATASETS", "")
    if chosen.strip():
        return tuple(d.strip() for d in chosen.split(",") if d.strip())
    found = sorted(
        d.name for d in SHARED.glob("*")
        if (d / "entities.jsonl").is_file() and not (d / "pairs.tsv").exists() and d.name not in DEV_SETS
    ) if SHARED.is_dir() else []
    return (*DEV_SETS, *found)


PERSON_SETS = person_sets()

# the checkout's package, or another copy of it (speed.py times a pure-Python copy this way)
sys.path.insert(0, os.environ.get("NAMEMATCH_BENCH_SRC", str(ROOT / "src")))

import namematch as nm  # noqa: E402
from namematch.normalize import script_of  # noqa: E402


def is_arabic(name: str) -> bool:
    return script_of(name) in ("arabic", "persian", "mixed")


def load_entities(dataset: str) -> list[dict]:
    path = SHARED / dataset / "entities.jsonl"
    if not path.exists():
        sys.exit(f"missing {path}: the benchmarks read ../shared/data (set NAMEMATCH_SHARED)")
    entities, bad = [], []
    with open(path, encoding="utf-8", errors="replace") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                e = json.loads(line)
            except ValueError:
                e = None
            names = e.get("names") if isinstance(e, dict) else None
            if not (isinstance(names, list) and names and all(isinstance(n, str) for n in names) and "id" in e):
                bad.append(number)
                continue
            entities.append(e)
    if bad:  # reported, not silently dropped: a benchmark over a partly broken file still runs
        print(f"warning: {path}: {len(bad)} line(s) skipped, not an entity with an id and a list of names "
              f"(lines {', '.join(map(str, bad[:10]))}{', ...' if len(bad) > 10 else ''})", file=sys.stderr)
    return entities


def latin_tokens(name: str) -> set[str]:
    return {t for t in nm.normalize(name).split() if len(t) > 2}


def sample_pairs(
    seed: int = 13, max_pos_per_entity: int = 6, datasets: Sequence[str] | None = None
) -> dict[str, list[tuple[str, str, int]]]:
    """Labelled name pairs per slice: positives (same person) and as many negatives,
    most of them hard (a different person sharing a name token)."""
    rng = random.Random(seed)
    slices: dict[str, list[tuple[str, str, int]]] = {}
    for ds in PERSON_SETS if datasets is None else datasets:
        ents = load_entities(ds)
        pos_cross, pos_same = [], []
        for e in ents:
            names = list(dict.fromkeys(e["names"]))
            pairs = [(a, b) for i, a in enumerate(names) for b in names[i + 1 :]]
            rng.shuffle(pairs)
            for a, b in pairs[:max_pos_per_entity]:
                (pos_cross if is_arabic(a) != is_arabic(b) else pos_same).append((a, b, 1))
        # negatives: token-sharing pairs across persons
        by_token: dict[str, list[int]] = {}
        latin_names = [[n for n in e["names"] if not is_arabic(n)] for e in ents]
        arabic_names = [[n for n in e["names"] if is_arabic(n)] for e in ents]
        for k, names in enumerate(latin_names):
            for tok in set().union(*[latin_tokens(n) for n in names]) if names else set():
                by_token.setdefault(tok, []).append(k)

        def negatives(
            count: int, cross: bool, ents=ents, latin_names=latin_names, arabic_names=arabic_names, by_token=by_token
        ) -> list[tuple[str, str, int]]:
            out: list[tuple[str, str, int]] = []
            tries = 0
            while len(out) < count and tries < count * 50:
                tries += 1
                k = rng.randrange(len(ents))
                src = arabic_names[k] if cross else latin_names[k]
                if not src or not latin_names[k]:
                    continue
                a = rng.choice(src)
                hard = rng.random() < 0.8
                if hard:
                    toks = sorted(set().union(*[latin_tokens(n) for n in latin_names[k]]))
                    if not toks:
                        continue
                    others = [o for o in by_token.get(rng.choice(toks), []) if o != k]
                    if not others:
                        continue
                    o = rng.choice(others)
                else:
                    o = rng.randrange(len(ents))
                    if o == k:
                        continue
                if not latin_names[o]:
                    continue
                out.append((a, rng.choice(latin_names[o]), 0))
            return out

        if pos_cross:
            slices[f"{ds} cross-script"] = pos_cross + negatives(len(pos_cross), True)
        slices[f"{ds} same-script"] = pos_same + negatives(len(pos_same), False)
    return slices


def average_precision(scores: Sequence[float], labels: Sequence[int]) -> float:
    order = sorted(range(len(scores)), key=lambda i: -scores[i])
    hits = 0
    total = sum(labels)
    ap = 0.0
    for rank, i in enumerate(order, 1):
        if labels[i]:
            hits += 1
            ap += hits / rank
    return ap / total if total else 0.0


def f1_at(scores: Sequence[float], labels: Sequence[int], threshold: float) -> float:
    tp = sum(1 for s, y in zip(scores, labels) if s >= threshold and y)
    fp = sum(1 for s, y in zip(scores, labels) if s >= threshold and not y)
    fn = sum(1 for s, y in zip(scores, labels) if s < threshold and y)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def precision_recall_at(scores: Sequence[float], labels: Sequence[int], threshold: float) -> tuple[float, float]:
    """Precision and recall of the pairs scoring at least ``threshold``."""
    tp = sum(1 for s, y in zip(scores, labels) if s >= threshold and y)
    fp = sum(1 for s, y in zip(scores, labels) if s >= threshold and not y)
    pos = sum(1 for y in labels if y)
    return (tp / (tp + fp) if tp + fp else 1.0), (tp / pos if pos else 0.0)


def reliability(
    scores: Sequence[float], labels: Sequence[int], bins: int = 10
) -> tuple[list[tuple[float, float, int, float, float]], float]:
    """A reliability table of scores read as probabilities: per bin of equal width
    ``(low, high, pairs, mean score, share of positives)``, and the expected calibration
    error (the pair-weighted mean of ``|mean score - share of positives|`` over the bins)."""
    rows = []
    ece = 0.0
    for k in range(bins):
        lo, hi = k / bins, (k + 1) / bins
        idx = [i for i, s in enumerate(scores) if lo <= s < hi or (k == bins - 1 and s == hi)]
        if not idx:
            continue
        mean = sum(scores[i] for i in idx) / len(idx)
        rate = sum(labels[i] for i in idx) / len(idx)
        rows.append((lo, hi, len(idx), mean, rate))
        ece += len(idx) / len(scores) * abs(mean - rate)
    return rows, ece


def best_f1(scores: Sequence[float], labels: Sequence[int]) -> tuple[float, float]:
    best, thr = 0.0, 0.0
    for t in sorted(set(round(s, 3) for s in scores)):
        f = f1_at(scores, labels, t)
        if f > best:
            best, thr = f, t
    return best, thr


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


def timed(func: Callable[[], object]) -> tuple[float, object]:
    t0 = time.perf_counter()
    out = func()
    return time.perf_counter() - t0, out


def print_table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    rows = [[f"{c:.3f}" if isinstance(c, float) else str(c) for c in r] for r in rows]
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)]
    print("| " + " | ".join(h.ljust(w) for h, w in zip(headers, widths)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for r in rows:
        print("| " + " | ".join(c.ljust(w) for c, w in zip(r, widths)) + " |")
