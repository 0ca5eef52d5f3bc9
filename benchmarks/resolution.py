"""Registry resolution accuracy on the development data, with a brute-force baseline.

Registry = one Latin canonical name per person; queries = the person's other
spellings (cross-script reported apart); a quarter of the persons are kept out
of the registry, so their queries must come back as "no match". Reports
accuracy@1 (queries of registry persons) and NIL accuracy (queries of absent
persons), for namematch and for rapidfuzz ``extractOne`` + unidecode.

    python benchmarks/resolution.py
"""

from __future__ import annotations

import hashlib

from _common import PERSON_SETS, is_arabic, load_entities, print_table
from rapidfuzz import fuzz, process
from unidecode import unidecode

import namematch as nm


def _plain(s: str) -> str:
    return " ".join(unidecode(s).lower().replace("-", " ").replace(",", " ").split())


def build():
    persons, queries = [], []
    for ds in PERSON_SETS:
        for e in load_entities(ds):
            names = list(dict.fromkeys(e["names"]))
            latin = [n for n in names if not is_arabic(n)]
            if not latin or len(names) < 2:
                continue
            canonical = latin[0]
            absent = int(hashlib.sha1(e["id"].encode()).hexdigest(), 16) % 4 == 0
            if not absent:
                persons.append(nm.Person(e["id"], canonical))
            for q in names[1:]:
                if q == canonical:
                    continue
                kind = "cross-script" if is_arabic(q) else "same-script"
                queries.append((ds, kind, q, None if absent else e["id"]))
    return persons, queries


def main() -> None:
    persons, queries = build()
    reg = nm.Registry(persons)
    choices = {p.id: _plain(p.name) for p in persons}
    ids = list(choices)
    texts = [choices[i] for i in ids]
    stats: dict[tuple[str, str], dict[str, list[int]]] = {}
    for ds, kind, q, gold in queries:
        got = reg.match(q)
        got_id = got.person.id if got else None
        best = process.extractOne(_plain(q), texts, scorer=fuzz.token_sort_ratio, score_cutoff=85)
        base_id = ids[best[2]] if best else None
        for slice_ in ((ds, kind), ("ALL", kind)):
            s = stats.setdefault(slice_, {"nm_acc": [], "nm_nil": [], "bl_acc": [], "bl_nil": []})
            if gold is None:
                s["nm_nil"].append(got_id is None)
                s["bl_nil"].append(base_id is None)
            else:
                s["nm_acc"].append(got_id == gold)
                s["bl_acc"].append(base_id == gold)

    def mean(v: list[int]) -> str:
        return f"{sum(v) / len(v):.3f}" if v else "-"

    rows = []
    for (ds, kind), s in sorted(stats.items(), key=lambda x: (x[0][0] == "ALL", x[0])):
        rows.append([ds, kind, len(s["nm_acc"]), mean(s["nm_acc"]), mean(s["bl_acc"]), len(s["nm_nil"]),
                     mean(s["nm_nil"]), mean(s["bl_nil"])])
    print(f"namematch {nm.__version__}: registry of {len(persons)} persons, {len(queries)} queries")
    print_table(["data", "queries", "n in reg", "acc@1 namematch", "acc@1 baseline", "n absent",
                 "NIL acc namematch", "NIL acc baseline"], rows)


if __name__ == "__main__":
    main()
