"""Benchmark of namematch.link on gold-annotated article folders.

Usage::

    python benchmarks/linking.py [CORPUS_DIR ...] [--persons N] [--repeat K] [--no-speed]

Each ``CORPUS_DIR`` is either

* a folder of the news format: ``dNN.txt`` articles, ``gold.json`` (``{"persons":
  {id: {doc: [surface forms]}}, "cross_document": [ids]}``) and optionally
  ``sources.json`` (``{doc: {"language": "en|ar|fa"}}``: when present, the articles are
  the documents it lists); or
* a folder of the bundled corpus format: ``articles/<doc_id>.txt``, ``gold.jsonl``
  (``{"doc_id", "persons": [{"id", "mentions": [{"text", "start", "end"}]}]}``) and
  optionally ``registry.jsonl`` (then the corpus is resolved against it).

Default: ``../shared/data/news-dev`` (when present), the invented corpora written blind
``benchmarks/data/news-invented*`` and the bundled corpus ``src/namematch/data/demo``. Prints one table, one row per corpus and language:

* ``P`` / ``R``: mention precision (share of the distinct predicted surface forms
  of a document that match a gold form of that document) and recall (share of
  gold (document, form) pairs matched), with the containment rule of the news
  format: after ``casefold()`` (and ZWNJ/tatweel removed) one string contains
  the other;
* ``exact F1``: the same with equal strings only;
* ``x-doc``: persons of ``cross_document`` (named in two documents or more) that
  come out as one entity holding every document they are named in;
* ``merged``: pairs of gold persons put in one entity (namesakes merged);
* ``B3 F1``: B-cubed F1 of the entities over the matched mention occurrences;

then the throughput of :func:`resolve_documents` in words/s, on each corpus
repeated ``--repeat`` times with a registry of ``--persons`` made-up persons
(10,000 by default; repeated names hit the per-run caches as names repeated
across real articles do).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import time
from collections import defaultdict
from pathlib import Path

from namematch.evaluation import data_dir
from namematch.evaluation import shipped_lines as data_lines
from namematch.link import Entity, resolve_documents
from namematch.normalize import script_of
from namematch.registry import Person, Registry

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPORA = (
    data_dir() / "news-dev",
    *sorted((ROOT / "benchmarks" / "data").glob("news-invented*")),
    ROOT / "src" / "namematch" / "data" / "demo",
)
_WORDS = re.compile(r"\w+")
_INVISIBLE = dict.fromkeys(map(ord, "\u200c\u200d\u0640\u200e\u200f"))


class Corpus:
    """Articles, gold forms per (document, person), languages and an optional registry."""

    def __init__(self, name: str, docs: dict[str, str], gold: dict[str, dict[str, list[str]]],
                 langs: dict[str, str], cross_doc: list[str], persons: list[Person]) -> None:
        self.name = name
        self.docs = docs
        self.gold = gold  # doc -> person id -> surface forms
        self.langs = langs
        self.cross_doc = cross_doc
        self.persons = persons


def _language(doc_id: str, text: str) -> str:
    head = doc_id.split("-", 1)[0].lower()
    if head in ("en", "ar", "fa"):
        return head
    sc = script_of(text[:2000])
    return "fa" if sc == "persian" else "ar" if sc in ("arabic", "mixed") else "en"


def load_corpus(folder: Path) -> Corpus:
    """Read a corpus folder of either format (see the module docstring)."""
    gold: dict[str, dict[str, list[str]]] = defaultdict(dict)
    persons: list[Person] = []
    if (folder / "gold.json").exists():
        data = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
        sources = {}
        if (folder / "sources.json").exists():
            sources = json.loads((folder / "sources.json").read_text(encoding="utf-8"))
        # the articles are the documents sources.json lists (else every .txt file): a list of
        # ids or notes kept beside them as a .txt file is not an article
        docs = {p.stem: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))
                if not sources or p.stem in sources}
        for pid, by_doc in data["persons"].items():
            for doc, forms in by_doc.items():
                gold[doc][pid] = list(forms)
        cross = list(data.get("cross_document", ()))
        langs = {d: sources.get(d, {}).get("language") or _language(d, t) for d, t in docs.items()}
    else:
        docs = {p.stem: p.read_text(encoding="utf-8") for p in sorted((folder / "articles").glob("*.txt"))}
        per_person_docs: dict[str, set[str]] = defaultdict(set)
        for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            rec = json.loads(line)
            for p in rec["persons"]:
                forms = list(dict.fromkeys(m["text"] for m in p["mentions"]))
                gold[rec["doc_id"]][p["id"]] = forms
                per_person_docs[p["id"]].add(rec["doc_id"])
        cross = sorted(pid for pid, ds in per_person_docs.items() if len(ds) >= 2)
        langs = {d: _language(d, t) for d, t in docs.items()}
        if (folder / "registry.jsonl").exists():
            persons = [Person.from_dict(json.loads(line))
                       for line in (folder / "registry.jsonl").read_text(encoding="utf-8").splitlines()
                       if line.strip()]
    name = folder.name if folder.name != "demo" else "bundled"
    return Corpus(name, docs, dict(gold), langs, cross, persons)


def _fold(s: str) -> str:
    return s.translate(_INVISIBLE).casefold().strip()


def _match_rank(pred: str, form: str) -> tuple[int, int] | None:
    """How well a predicted form matches a gold form: None when it does not
    (containment), else a rank (exact best, then whole-token, then closest length)."""
    p, g = _fold(pred), _fold(form)
    if not p or not g:
        return None
    if p == g:
        return (3, 0)
    if p in g or g in p:
        short, long_ = (p, g) if len(p) < len(g) else (g, p)
        whole = short in long_.split() or f" {short} " in f" {long_} " or long_.startswith(short + " ") \
            or long_.endswith(" " + short)
        return (2 if whole else 1, -abs(len(p) - len(g)))
    return None


def _assign(pred: str, gold_doc: dict[str, list[str]]) -> str | None:
    """The gold person a predicted form of a document matches best, or None."""
    best: tuple[tuple[int, int], str] | None = None
    for pid, forms in gold_doc.items():
        for f in forms:
            r = _match_rank(pred, f)
            if r is not None and (best is None or r > best[0]):
                best = (r, pid)
    return None if best is None else best[1]


def evaluate(corpus: Corpus, entities: list[Entity]) -> dict[str, dict[str, float]]:
    """Figures per language and overall (keys: en, ar, fa, all)."""
    pred_forms: dict[str, set[str]] = defaultdict(set)
    occurrences: list[tuple[str, str, int]] = []  # doc, text, entity number
    for n, e in enumerate(entities):
        for m in e.mentions:
            pred_forms[m.doc_id].add(m.text)
            occurrences.append((m.doc_id, m.text, n))
    out: dict[str, dict[str, float]] = {}
    groups = {"all": list(corpus.docs)}
    for d in corpus.docs:
        groups.setdefault(corpus.langs[d], []).append(d)
    for lang, docs in groups.items():
        n_pred = n_pred_ok = n_pred_exact = n_gold = n_gold_ok = n_gold_exact = 0
        for d in docs:
            gold_doc = corpus.gold.get(d, {})
            forms = [f for fs in gold_doc.values() for f in dict.fromkeys(fs)]
            preds = pred_forms.get(d, set())
            n_pred += len(preds)
            n_gold += len(forms)
            n_pred_ok += sum(any(_match_rank(p, f) for f in forms) for p in preds)
            n_gold_ok += sum(any(_match_rank(p, f) for p in preds) for f in forms)
            pf = {_fold(p) for p in preds}
            gf = {_fold(f) for f in forms}
            n_pred_exact += sum(_fold(p) in gf for p in preds)
            n_gold_exact += sum(_fold(f) in pf for f in forms)
        p = n_pred_ok / n_pred if n_pred else 1.0
        r = n_gold_ok / n_gold if n_gold else 1.0
        ep = n_pred_exact / n_pred if n_pred else 1.0
        er = n_gold_exact / n_gold if n_gold else 1.0
        out[lang] = {"P": p, "R": r, "exactF1": 2 * ep * er / (ep + er) if ep + er else 0.0}
    # entities: each matched occurrence gets its gold person
    matched = [(d, t, n, _assign(t, corpus.gold.get(d, {}))) for d, t, n in occurrences]
    matched = [x for x in matched if x[3] is not None]
    ents_of: dict[str, set[int]] = defaultdict(set)
    docs_of: dict[tuple[str, int], set[str]] = defaultdict(set)
    persons_in: dict[int, set[str]] = defaultdict(set)
    for d, _t, n, pid in matched:
        assert pid is not None
        ents_of[pid].add(n)
        docs_of[(pid, n)].add(d)
        persons_in[n].add(pid)
    one = 0
    for pid in corpus.cross_doc:
        gold_docs = {d for d, g in corpus.gold.items() if pid in g}
        es = ents_of.get(pid, set())
        if len(es) == 1 and docs_of[(pid, next(iter(es)))] == gold_docs:
            one += 1
    merged = sum(len(ps) * (len(ps) - 1) // 2 for ps in persons_in.values())
    # B-cubed over matched occurrences
    g_groups: dict[str, list[int]] = defaultdict(list)
    p_groups: dict[int, list[int]] = defaultdict(list)
    for k, (_d, _t, n, pid) in enumerate(matched):
        assert pid is not None
        g_groups[pid].append(k)
        p_groups[n].append(k)
    if matched:
        bp = br = 0.0
        for _d, _t, n, pid in matched:
            assert pid is not None
            inter = sum(1 for k in p_groups[n] if matched[k][3] == pid)
            bp += inter / len(p_groups[n])
            br += inter / len(g_groups[pid])
        bp /= len(matched)
        br /= len(matched)
        b3 = 2 * bp * br / (bp + br) if bp + br else 0.0
    else:
        b3 = 0.0
    out["all"].update({"xdoc": one, "xdoc_n": len(corpus.cross_doc), "merged": merged, "B3": b3})
    return out


def print_errors(corpus: Corpus, entities: list[Entity]) -> None:
    """Per document: predicted forms that match no gold form, gold forms no prediction
    matches, and the entities that hold mentions of several gold persons or split one."""
    preds: dict[str, dict[str, int]] = defaultdict(dict)
    for n, e in enumerate(entities):
        for m in e.mentions:
            preds[m.doc_id][m.text] = n
    for d in corpus.docs:
        gold_doc = corpus.gold.get(d, {})
        forms = [f for fs in gold_doc.values() for f in fs]
        wrong = [p for p in preds.get(d, {}) if not any(_match_rank(p, f) for f in forms)]
        missed = [f for f in forms if not any(_match_rank(p, f) for p in preds.get(d, {}))]
        inexact = [p for p in preds.get(d, {}) if p not in wrong and _fold(p) not in {_fold(f) for f in forms}]
        if wrong or missed or inexact:
            print(f"{corpus.name}/{d}: wrong {wrong} missed {missed} inexact {inexact}")
    for n, e in enumerate(entities):
        pids = {_assign(m.text, corpus.gold.get(m.doc_id, {})) for m in e.mentions} - {None}
        if len(pids) > 1:
            print(f"merged: {sorted(pids)} in entity {n} {e.name!r}")
    for pid in corpus.cross_doc:
        ents = {n for n, e in enumerate(entities) for m in e.mentions
                if _assign(m.text, corpus.gold.get(m.doc_id, {})) == pid}
        if len(ents) != 1:
            print(f"split: {pid} over {len(ents)} entities {[entities[n].name for n in ents]}")
            continue
        found = {m.doc_id for n in ents for m in entities[n].mentions
                 if _assign(m.text, corpus.gold.get(m.doc_id, {})) == pid}
        lost = sorted(d for d in corpus.gold if pid in corpus.gold[d] and d not in found)
        if lost:
            print(f"unjoined: {pid} not found in {lost}")


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


def throughput(corpus: Corpus, big: Registry, repeat: int) -> float:
    many = {f"{doc_id}#{r:03d}": text for r in range(repeat) for doc_id, text in corpus.docs.items()}
    words = sum(len(_WORDS.findall(t)) for t in many.values())
    t0 = time.perf_counter()
    resolve_documents(many, big)
    return words / (time.perf_counter() - t0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpora", nargs="*", type=Path)
    ap.add_argument("--persons", type=int, default=10_000, help="registry size for the throughput run")
    ap.add_argument("--repeat", type=int, default=10, help="copies of each corpus in the throughput run")
    ap.add_argument("--no-speed", action="store_true", help="skip the throughput run")
    ap.add_argument("--errors", action="store_true", help="list the unmatched predictions and gold forms")
    args = ap.parse_args(argv)
    folders = args.corpora or [f for f in DEFAULT_CORPORA if f.exists()]
    corpora = [load_corpus(f) for f in folders]
    rows: list[tuple[str, ...]] = []
    header = ("corpus", "lang", "docs", "P", "R", "exact F1", "x-doc", "merged", "B3 F1")
    for c in corpora:
        registry = Registry(c.persons) if c.persons else None
        entities = resolve_documents(c.docs, registry)
        figs = evaluate(c, entities)
        if args.errors:
            print_errors(c, entities)
        for lang in ("en", "ar", "fa", "all"):
            if lang not in figs:
                continue
            f = figs[lang]
            n_docs = len(c.docs) if lang == "all" else sum(1 for d in c.docs if c.langs[d] == lang)
            extra = ("", "", "")
            if lang == "all":
                extra = (f"{f['xdoc']}/{f['xdoc_n']}", str(f["merged"]), f"{f['B3']:.3f}")
            rows.append((c.name, lang, str(n_docs), f"{f['P']:.3f}", f"{f['R']:.3f}", f"{f['exactF1']:.3f}", *extra))
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    print("namematch.link benchmark (mentions: containment match; x-doc: persons in 2+ documents as one entity)")
    for r in [header, *rows]:
        print("  " + "  ".join(v.ljust(w) if i < 2 else v.rjust(w) for i, (v, w) in enumerate(zip(r, widths))))
    if not args.no_speed:
        t0 = time.perf_counter()
        big = Registry([*synthetic_persons(args.persons)])
        build = time.perf_counter() - t0
        print(f"throughput, registry of {len(big):,} persons (built in {build:.1f} s):")
        for c in corpora:
            print(f"  {c.name:<10} resolve_documents x{args.repeat}: {throughput(c, big, args.repeat):,.0f} words/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
