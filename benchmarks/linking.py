"""Benchmark of namematch.link on a gold-annotated corpus.

Usage::

    python benchmarks/linking.py [CORPUS_DIR] [--registry FILE] [--persons N] [--repeat K]

``CORPUS_DIR`` (default: the bundled demo corpus, ``src/namematch/data/demo``)
holds ``articles/<doc_id>.txt``, ``gold.jsonl`` (``{"doc_id", "persons": [{"id",
"mentions": [{"text", "start", "end"}]}]}``) and optionally ``registry.jsonl``.

Prints one table:

* mention precision / recall / F1, exact span match and overlap match;
* cross-document entity B-cubed precision / recall / F1 (each gold mention's
  entity is its gold person id; each predicted mention's is its entity);
* registry accuracy: the share of gold registry-person mentions found and
  linked to the right registry id;
* throughput in words/s of :func:`resolve_documents` with a registry of the
  corpus registry plus synthetic persons (10,000 in all by default), on the
  corpus repeated ``--repeat`` times (repeated names hit the per-run match
  cache, as names repeated across real articles do), and of :func:`link` on
  each document once (every registry match computed).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from namematch._data import data_lines  # noqa: E402
from namematch.link import link, resolve_documents  # noqa: E402
from namematch.registry import Person, Registry  # noqa: E402

DEFAULT_CORPUS = ROOT / "src" / "namematch" / "data" / "demo"
_WORDS = re.compile(r"\w+")


def load_corpus(folder: Path) -> tuple[dict[str, str], list[dict], list[Person]]:
    """Articles, gold lines and registry persons of a corpus folder."""
    docs = {p.stem: p.read_text(encoding="utf-8") for p in sorted((folder / "articles").glob("*.txt"))}
    gold = []
    gold_path = folder / "gold.jsonl"
    if gold_path.exists():
        gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    persons = []
    reg_path = folder / "registry.jsonl"
    if reg_path.exists():
        persons = [Person.from_dict(json.loads(line))
                   for line in reg_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return docs, gold, persons


def synthetic_persons(n: int, seed: int = 7) -> list[Person]:
    """``n`` made-up persons: a listed given name and a made-up family name, in Latin
    and (for half of them) Arabic script."""
    rng = random.Random(seed)
    given = [g for g in data_lines("link_given_names.txt") if g.isascii()]
    given_ar = [g for g in data_lines("link_given_names.txt") if not g.isascii()]
    syl = ["ka", "ra", "mi", "do", "su", "fa", "ze", "lo", "ba", "ni", "ta", "qu", "ha", "jo", "sha", "kh"]
    syl_ar = ["كا", "را", "مي", "دو", "سو", "فا", "زي", "لو", "با", "ني", "تا", "قو", "ها", "جو", "شا", "خ"]
    out = []
    for i in range(n):
        k = [rng.randrange(len(syl)) for _ in range(rng.randint(2, 4))]
        fam = "".join(syl[j] for j in k).capitalize() + rng.choice(["i", "ani", "zadeh", "pour", ""])
        fam_ar = "".join(syl_ar[j] for j in k) + "ي"
        g = rng.randrange(len(given))
        aliases = (f"{rng.choice(given_ar)} {fam_ar}",) if i % 2 else ()
        out.append(Person(f"syn-{i:05d}", f"{given[g].capitalize()} {fam}", aliases))
    return out


def _spans(gold: list[dict]) -> dict[tuple[str, int, int], str]:
    return {(d["doc_id"], m["start"], m["end"]): p["id"] for d in gold for p in d["persons"] for m in p["mentions"]}


def _prf(tp_p: int, n_pred: int, tp_g: int, n_gold: int) -> tuple[float, float, float]:
    p = tp_p / n_pred if n_pred else 0.0
    r = tp_g / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def mention_scores(gold: dict[tuple[str, int, int], str], pred: dict[tuple[str, int, int], str]):
    exact = set(gold) & set(pred)
    e = _prf(len(exact), len(pred), len(exact), len(gold))
    by_doc: dict[str, list[tuple[int, int]]] = {}
    for d, s, t in gold:
        by_doc.setdefault(d, []).append((s, t))
    pred_by_doc: dict[str, list[tuple[int, int]]] = {}
    for d, s, t in pred:
        pred_by_doc.setdefault(d, []).append((s, t))

    def overlaps(d: str, s: int, t: int, pool: dict[str, list[tuple[int, int]]]) -> bool:
        return any(a < t and s < b for a, b in pool.get(d, ()))

    op = sum(overlaps(d, s, t, by_doc) for d, s, t in pred)
    og = sum(overlaps(d, s, t, pred_by_doc) for d, s, t in gold)
    return e, _prf(op, len(pred), og, len(gold))


def bcubed(gold: dict[tuple[str, int, int], str], pred: dict[tuple[str, int, int], str]) -> tuple[float, float, float]:
    """B-cubed over the mentions both found (exact spans) — the entity-level score."""
    common = [k for k in gold if k in pred]
    if not common:
        return 0.0, 0.0, 0.0
    g_of = {k: gold[k] for k in common}
    p_of = {k: pred[k] for k in common}
    g_groups: dict[str, set] = {}
    p_groups: dict[str, set] = {}
    for k in common:
        g_groups.setdefault(g_of[k], set()).add(k)
        p_groups.setdefault(p_of[k], set()).add(k)
    prec = sum(len(p_groups[p_of[k]] & g_groups[g_of[k]]) / len(p_groups[p_of[k]]) for k in common) / len(common)
    rec = sum(len(p_groups[p_of[k]] & g_groups[g_of[k]]) / len(g_groups[g_of[k]]) for k in common) / len(common)
    return prec, rec, (2 * prec * rec / (prec + rec) if prec + rec else 0.0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--registry", type=Path, help="registry JSONL (default: the corpus registry.jsonl)")
    ap.add_argument("--persons", type=int, default=10_000, help="registry size for the throughput run")
    ap.add_argument("--repeat", type=int, default=20, help="copies of the corpus in the throughput run")
    args = ap.parse_args(argv)
    docs, gold_lines, persons = load_corpus(args.corpus)
    if args.registry:
        persons = [Person.from_dict(json.loads(line))
                   for line in args.registry.read_text(encoding="utf-8").splitlines() if line.strip()]
    if not docs:
        print(f"no articles in {args.corpus / 'articles'}", file=sys.stderr)
        return 2
    registry = Registry(persons)

    t0 = time.perf_counter()
    entities = resolve_documents(docs, registry)
    quality_secs = time.perf_counter() - t0
    pred: dict[tuple[str, int, int], str] = {}
    for n, e in enumerate(entities):
        eid = e.person.id if e.person is not None else f"new:{n}"
        for m in e.mentions:
            pred[(m.doc_id, m.start, m.end)] = eid
    gold = _spans(gold_lines)
    (ep, er, ef), (op, orc, of) = mention_scores(gold, pred)
    bp, br, bf = bcubed(gold, pred)
    reg_ids = {p.id for p in persons}
    reg_gold = {k: v for k, v in gold.items() if v in reg_ids}
    linked_ok = sum(1 for k, v in reg_gold.items() if pred.get(k) == v)

    # throughput with a large registry
    extra = max(0, args.persons - len(persons))
    t0 = time.perf_counter()
    big = Registry([*persons, *synthetic_persons(extra)])
    build_secs = time.perf_counter() - t0
    many = {f"{doc_id}#{r:03d}": text for r in range(args.repeat) for doc_id, text in docs.items()}
    words = sum(len(_WORDS.findall(t)) for t in many.values())
    t0 = time.perf_counter()
    resolve_documents(many, big)
    secs = time.perf_counter() - t0
    t0 = time.perf_counter()
    for text in docs.values():  # link() alone: no match shared across documents
        link(text, big)
    link_secs = time.perf_counter() - t0
    link_words = sum(len(_WORDS.findall(t)) for t in docs.values())

    rows = [
        ("corpus", f"{args.corpus} ({len(docs)} docs, {len(gold)} gold mentions)"),
        ("mentions, exact span   P / R / F1", f"{ep:.3f} / {er:.3f} / {ef:.3f}"),
        ("mentions, overlap      P / R / F1", f"{op:.3f} / {orc:.3f} / {of:.3f}"),
        ("entities, B-cubed      P / R / F1", f"{bp:.3f} / {br:.3f} / {bf:.3f}"),
        ("registry mentions linked to the right id", f"{linked_ok}/{len(reg_gold)}"
         + (f" ({linked_ok / len(reg_gold):.3f})" if reg_gold else "")),
        ("entities found", f"{len(entities)} ({sum(e.person is not None for e in entities)} in registry)"),
        ("first run (cold caches)", f"{quality_secs:.2f} s"),
        (f"registry build, {len(big)} persons", f"{build_secs:.1f} s"),
        (f"resolve_documents, {len(many)} docs, {words} words", f"{words / secs:,.0f} words/s ({secs:.2f} s)"),
        (f"link() per document, {len(docs)} docs, no shared cache", f"{link_words / link_secs:,.0f} words/s"),
    ]
    width = max(len(k) for k, _ in rows)
    print("namematch.link benchmark")
    for k, v in rows:
        print(f"  {k:<{width}}  {v}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
