"""Registry resolution accuracy on the development data, with a brute-force baseline.

Registry = one Latin canonical name per person; queries = the person's other
spellings (cross-script reported apart); a quarter of the persons are kept out
of the registry, so their queries must come back as "no match". Reports
accuracy@1 (queries of registry persons) and NIL accuracy (queries of absent
persons), for namematch and for rapidfuzz ``extractOne`` + unidecode.

**Same person on two lists.** The UN and OFAC lists share many persons under
different ids (``un-QDi.282`` QASIM MOHAMED MAHDI AL-RIMI is ``sdn-11982``
AL-RIMI, Qasim). Scored per list id, such a query is a coin flip between two
records carrying the same name, and the query of an "absent" person whose twin
*is* in the registry must come back as None, which no name matcher can do.
The benchmark therefore merges records that share one spelling (same tokens
after normalisation, "FAMILY, Given" read as "Given FAMILY") into one gold
person: a group is absent or present as a whole, and a match to any record of
the gold group is correct. ``--raw`` reproduces the per-id protocol.

**Ties.** Records of one person that the benchmark's merge keeps apart (their spellings
differ: ``ABU MOHAMMED AL-JAWLANI`` and ``AL-JAWLANI, Abu Muhammad``) carry the same name, so a
query's chance for both is the same; ``Registry.match`` returns the one the words favour (as many
words as the mention, then the closer spelling; the id when the words are equal) and names the
others in ``Candidate.ties``. A line counts the answers with ties and those whose gold record
is among the ties rather than returned (counted wrong in the table).

**Operating points.** A second table gives both methods at several thresholds: the
baseline's NIL accuracy at its cut-off (85) is high because it seldom answers at all;
compared at equal NIL accuracy, its accuracy@1 is far lower.

**Retrieval recall.** The registry scores only the aliases its key index retrieves; the
last line says how often the best alias of a full scan was among them (for synthetic
registries up to 100k persons see ``scale.py``).

**Calibration.** ``Registry.match``'s chance is meant as the probability that its best
candidate is the person the mention means; a reliability table (best candidate of every
query, ``threshold=0, margin=0``) compares the mean chance with the share right per chance
bin, per half, with the expected calibration error (ECE).

**Halves.** Every number is also given for two halves of the persons (hash of
the gold group id), to check that what was tuned on one half holds on the other.

    python benchmarks/resolution.py [--raw]
"""

from __future__ import annotations

import sys

from _common import CONFIDENT_PAIR, retrieval_scores
from rapidfuzz import fuzz, process
from unidecode import unidecode

import namematch as nm
from namematch.evaluation import print_table, registry_task
from namematch.evaluation import reliability as reliability_table

#: The baseline's cut-off in the main table (rapidfuzz scores are 0-100).
BASELINE_CUTOFF = 85
BASELINE_CUTOFFS = (60, 70, 75, 80, 85, 90, 95)
MATCH_THRESHOLDS = (0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9)
#: Chance bins of the reliability table.
BINS = 10


def _plain(s: str) -> str:
    return " ".join(unidecode(s).lower().replace("-", " ").replace(",", " ").split())


def main() -> None:
    raw = "--raw" in sys.argv[1:]
    persons, queries, group = registry_task(raw)
    reg = nm.Registry(persons)
    choices = {p.id: _plain(p.name) for p in persons}
    ids = list(choices)
    texts = [choices[i] for i in ids]
    stats: dict[tuple[str, str], dict[str, list[int]]] = {}
    base_best = [process.extractOne(_plain(q), texts, scorer=fuzz.token_sort_ratio) for _, _, q, _, _ in queries]
    tied: dict[str, list[int]] = {"cross-script": [0, 0, 0], "same-script": [0, 0, 0]}
    for (ds, kind, _q, gold, half), got, best in zip(
        queries, reg.match_many(q for _, _, q, _, _ in queries), base_best, strict=True
    ):
        got_g = group[got.person.id] if got else None
        if got is not None and got.ties and gold is not None:
            tie_groups = {group[i] for i in got.ties}
            tied[kind][0] += 1
            tied[kind][1] += got_g == gold
            tied[kind][2] += got_g != gold and gold in tie_groups
        base_g = group[ids[best[2]]] if best and best[1] >= BASELINE_CUTOFF else None
        for slice_ in ((ds, kind), ("ALL", kind), (f"ALL half {half}", kind)):
            s = stats.setdefault(slice_, {"nm_acc": [], "nm_nil": [], "bl_acc": [], "bl_nil": []})
            if gold is None:
                s["nm_nil"].append(got_g is None)
                s["bl_nil"].append(base_g is None)
            else:
                s["nm_acc"].append(got_g == gold)
                s["bl_acc"].append(base_g == gold)

    def mean(v: list[int]) -> str:
        return f"{sum(v) / len(v):.3f}" if v else "-"

    rows = []
    for (ds, kind), s in sorted(stats.items(), key=lambda x: (x[0][0].startswith("ALL"), x[0])):
        rows.append([ds, kind, len(s["nm_acc"]), mean(s["nm_acc"]), mean(s["bl_acc"]), len(s["nm_nil"]),
                     mean(s["nm_nil"]), mean(s["bl_nil"])])
    merged = len(group) - len(set(group.values()))
    print(f"namematch {nm.__version__}: registry of {len(persons)} persons, {len(queries)} queries; "
          f"gold = {'list ids (--raw)' if raw else f'list ids, {merged} records merged with a same-name twin'}; "
          f"match_threshold={reg.match_threshold}, margin={reg.margin}")
    print_table(["data", "queries", "n in reg", "acc@1 namematch", "acc@1 baseline", "n absent",
                 "NIL acc namematch", "NIL acc baseline"], rows)
    print("\nTies (Candidate.ties: records with the same name and chance as the one returned): "
          + "; ".join(f"{kind} {n} answers with ties, {right} right, {other} with the gold among the ties"
                      for kind, (n, right, other) in tied.items()))
    print("Accuracy@1 with a gold record among the ties counted right: " + "; ".join(
        f"{kind} {mean(stats[('ALL', kind)]['nm_acc'])} -> "
        f"{(sum(stats[('ALL', kind)]['nm_acc']) + tied[kind][2]) / max(len(stats[('ALL', kind)]['nm_acc']), 1):.3f}"
        for kind in tied if ("ALL", kind) in stats))
    operating_points(persons, queries, group, base_best, ids)
    reliability(reg, queries, group)
    retrieval_recall(reg, [q for _, _, q, _, _ in queries])


def reliability(reg: nm.Registry, queries, group) -> None:
    """Reliability of the best candidate's chance (no decision: ``threshold=0, margin=0``), per
    half: queries, mean chance and share right per chance bin, and the expected calibration
    error (:func:`namematch.evaluation.reliability`). A query of an absent person is never right."""
    best = reg.match_many((q for _, _, q, _, _ in queries), threshold=0.0, margin=0.0)
    chances: dict[int, list[float]] = {0: [], 1: []}
    right: dict[int, list[int]] = {0: [], 1: []}
    for (_ds, _kind, _q, gold, half), got in zip(queries, best, strict=True):
        if got is not None:
            chances[half].append(got.chance or 0.0)
            right[half].append(int(group[got.person.id] == gold))
    tables = [reliability_table(chances[h], right[h], BINS) for h in (0, 1)]
    by_bin = [{round(lo * BINS): row for lo, *row in table} for table, _ in tables]
    rows = []
    for k in range(BINS):
        cells: list[object] = [f"{k / BINS:.1f}-{(k + 1) / BINS:.1f}"]
        for h in (0, 1):
            _hi, n, mean, share = by_bin[h].get(k, (0, 0, None, None))
            cells += [n, "-" if mean is None else f"{mean:.3f}", "-" if share is None else f"{share:.3f}"]
        rows.append(cells)
    rows.append(["ECE", "", f"{tables[0][1]:.4f}", "", "", f"{tables[1][1]:.4f}", ""])
    print("\nReliability of the best candidate's chance (every query with a candidate; an absent person's "
          "query is never right)")
    print_table(["chance", "half 0 n", "mean chance", "share right", "half 1 n", "mean chance", "share right"], rows)


def retrieval_recall(reg: nm.Registry, queries: list[str]) -> None:
    """Share of the queries whose best alias over the whole registry (a full scan with the
    namematch scorer) is among the aliases retrieval hands to the scorer: over the queries whose
    full-scan best pair score reaches ``DEFAULT_THRESHOLD`` (a pair-level match; below it the
    full-scan best is any alias scored a little above the others), and over those reaching
    :data:`CONFIDENT_PAIR` (a confident answer). Ties count as found: any best alias will do."""
    found = {"match": [0, 0], "confident": [0, 0]}
    for best, got in retrieval_scores(reg, queries, chunk=50):
        for key, counted in (("match", best >= nm.DEFAULT_THRESHOLD), ("confident", best >= CONFIDENT_PAIR)):
            if counted:
                found[key][0] += got >= best
                found[key][1] += 1
    (ha, na), (hm, nm_) = found["match"], found["confident"]
    print(f"\nRetrieval recall (full scan of all {len(reg._aliases)} aliases as reference): "
          f"queries whose full-scan best pair score reaches {nm.DEFAULT_THRESHOLD} {ha / max(na, 1):.4f} ({na}); "
          f"reaching {CONFIDENT_PAIR} {hm / max(nm_, 1):.4f} ({nm_})")


def operating_points(persons, queries, group, base_best, ids) -> None:
    """Both methods at several thresholds (all data): a baseline that rarely answers has
    a high NIL accuracy and a low accuracy@1, so one cut-off alone does not compare them."""
    rows = []

    def row(label: str, answers: list[str | None]) -> list[object]:
        cells: list[object] = [label]
        right_all = 0
        for kind in ("cross-script", "same-script"):
            acc = [a == g for (_, k, _, g, _), a in zip(queries, answers) if k == kind and g is not None]
            nil = [a is None for (_, k, _, g, _), a in zip(queries, answers) if k == kind and g is None]
            cells += [f"{sum(acc) / max(len(acc), 1):.3f}", f"{sum(nil) / max(len(nil), 1):.3f}"]
            right_all += sum(acc) + sum(nil)
        return [*cells, f"{right_all / len(queries):.3f}"]

    for thr in MATCH_THRESHOLDS:
        reg = nm.Registry(persons, match_threshold=thr)
        got = reg.match_many(q for _, _, q, _, _ in queries)
        mark = " (default)" if thr == nm.Registry().match_threshold else ""
        rows.append(row(f"namematch match_threshold {thr}{mark}", [group[c.person.id] if c else None for c in got]))
    for cut in BASELINE_CUTOFFS:
        mark = " (table above)" if cut == BASELINE_CUTOFF else ""
        rows.append(row(f"baseline score_cutoff {cut}{mark}",
                        [group[ids[b[2]]] if b and b[1] >= cut else None for b in base_best]))
    print("\nOperating points (all data): accuracy@1 and NIL accuracy per kind of query, and the share of "
          "all queries answered right (the person, or None for an absent one)")
    print_table(["method", "cross acc@1", "cross NIL", "same acc@1", "same NIL", "all queries right"], rows)


if __name__ == "__main__":
    main()
