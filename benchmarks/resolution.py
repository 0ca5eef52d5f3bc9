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

**Causes.** A table counts the registry persons' queries answered wrong by cause: the gold
person not retrieved, another person's chance highest, the gold person first but below
``match_threshold``, or first and beaten by a rival within ``margin``; and the absent persons'
queries answered with someone.

**Near misses.** None of the queries is a near miss of another listed person (a listed name
with one element replaced by a look-alike: ``tools/build_nearmiss.py``), so evidence that
lifts a list's aliases costs nothing in the tables above. A last table therefore queries the
near misses of the registry's persons and counts those ``Registry.match`` gives the person
they imitate: in this registry, alone in a registry of the imitated spelling, and, beside
them, the share whose pair score reaches ``DEFAULT_THRESHOLD`` (decision 0004).

**Halves.** Every number is also given for two halves of the persons (hash of
the gold group id), to check that what was tuned on one half holds on the other.

**Unseen names** (``--holdout``). The shipped lexicon was built from the development lists,
so every element of a listed person is known to it, with the modest rarity of a name seen on
one person; the elements of a list it never saw are unknown, the rarest there are. For each
fifth of the persons (``tools/build_lexicon.py --fold K``) the registry is built again with
the name data made without that fifth, and the fifth's queries are matched with it: the
figures of a new list, beside those with the shipped data, per kind, half and match threshold.

    python benchmarks/resolution.py [--raw] [--holdout]
"""

from __future__ import annotations

import sys

from _common import (
    CONFIDENT_PAIR,
    PERSON_SETS,
    NearMiss,
    held_out_build,
    near_miss_pairs,
    retrieval_scores,
)
from rapidfuzz import fuzz, process
from unidecode import unidecode

import namematch as nm
from namematch.evaluation import (
    fifth_of,
    held_out_resources,
    load_entities,
    print_table,
    registry_task,
)
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
    answers = reg.match_many(q for _, _, q, _, _ in queries)
    for (ds, kind, _q, gold, half), got, best in zip(queries, answers, base_best, strict=True):
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
    failures(reg, queries, group, answers)
    reliability(reg, queries, group)
    retrieval_recall(reg, [q for _, _, q, _, _ in queries])
    near_misses(reg, persons, queries, group)
    if "--holdout" in sys.argv[1:]:
        unseen_names(persons, queries, group)


#: Why a query of a registry person got no answer or another person's (:func:`failure_class`).
FAILURES = ("not retrieved", "another person first", "below match_threshold", "rival within margin")


#: Match thresholds of the ``--holdout`` table.
HOLDOUT_THRESHOLDS = (0.75, 0.85, 0.9)


def unseen_names(persons: list[nm.Person], queries, group) -> None:
    """Accuracy@1 and NIL accuracy with name data that never saw the queries' persons (each
    fifth with ``tools/build_lexicon.py --fold K``'s data) and with the shipped data, per kind,
    half and match threshold."""
    owner: dict[str, str] = {}
    for ds in PERSON_SETS:
        for e in load_entities(ds):
            for n in e["names"]:
                owner.setdefault(n, e["id"])
    shipped = nm.Registry(persons)
    stats: dict[tuple[str, float, str, int], list[int]] = {}
    for fold in range(5):
        part = [x for x in queries if fifth_of(owner.get(x[2], x[2])) == fold]
        unseen = nm.Registry(persons, scorer=nm.Scorer(resources=held_out_resources(*held_out_build(fold=fold))))
        for label, reg in (("shipped", shipped), ("unseen", unseen)):
            for thr in HOLDOUT_THRESHOLDS:
                got = reg.match_many([q for _, _, q, _, _ in part], threshold=thr)
                for (_ds, kind, _q, gold, half), c in zip(part, got, strict=True):
                    answer = group[c.person.id] if c else None
                    for h in (half, -1):
                        cell = stats.setdefault((label, thr, kind, h), [0, 0, 0, 0])
                        if gold is None:
                            cell[2] += 1
                            cell[3] += answer is None
                        else:
                            cell[0] += 1
                            cell[1] += answer == gold
    rows = [[label, thr, kind, "all" if h < 0 else h, f"{a / max(n, 1):.3f}", f"{nr / max(nn, 1):.3f}"]
            for (label, thr, kind, h), (n, a, nn, nr) in sorted(stats.items())]
    print("\nUnseen names: each fifth of the persons matched with name data built without it, and with the "
          "shipped data")
    print_table(["name data", "match threshold", "kind", "half", "acc@1", "NIL acc"], rows)


def failure_class(reg: nm.Registry, query: str, gold: str, group: dict[str, str], got: nm.Candidate | None) -> str | None:
    """Why ``got`` (``reg.match(query)``) is not the gold person, or None when it is: the gold
    person is not among the persons retrieval hands to the scorer (:meth:`Registry.resolve`),
    another person's chance is the highest (``match`` without a decision), the gold person's
    chance is below ``match_threshold``, or a rival with another name is within ``margin``."""
    if got is not None and group[got.person.id] == gold:
        return None
    if all(group[c.person.id] != gold for c in reg.resolve(query, limit=len(reg))):
        return "not retrieved"
    best = reg.match(query, threshold=0.0, margin=0.0)
    if best is None or group[best.person.id] != gold:
        return "another person first"
    return "below match_threshold" if (best.chance or 0.0) < reg.match_threshold else "rival within margin"


def failures(reg: nm.Registry, queries, group, answers: list[nm.Candidate | None]) -> None:
    """The registry persons' queries answered wrong, by :func:`failure_class`, and the absent
    persons' queries answered with someone, per kind of query and half."""
    counts: dict[tuple[str, int], dict[str, int]] = {}
    for (_ds, kind, q, gold, half), got in zip(queries, answers, strict=True):
        cell = counts.setdefault((kind, half), dict.fromkeys((*FAILURES, "absent answered"), 0))
        if gold is None:
            cell["absent answered"] += got is not None
        elif (why := failure_class(reg, q, gold, group, got)) is not None:
            cell[why] += 1
    rows = [[kind, half, *cell.values()] for (kind, half), cell in sorted(counts.items())]
    print("\nWrong answers by cause (registry persons' queries; absent persons' queries answered with someone)")
    print_table(["kind", "half", *FAILURES, "absent answered"], rows)


def near_misses(reg: nm.Registry, persons: list[nm.Person], queries, group) -> None:
    """How often a near miss of a registry person (``tools/build_nearmiss.py``: a real spelling
    of the person's name with one element replaced by a look-alike element of another person) is
    matched to the person it imitates, per kind of near miss: in the benchmark's registry (the
    imitated person among all the others), alone in a registry of the imitated spelling (no
    rival: the worst case), and the share whose pair score reaches ``DEFAULT_THRESHOLD``. None
    of the queries above is a near miss of another listed person, so evidence that lifts a
    list's aliases (a look-alike between the words left over) costs nothing there and shows
    here."""
    spelled = {p.name: group[p.id] for p in persons}
    spelled.update((q, gold) for _ds, _kind, q, gold, _half in queries if gold is not None)
    counts: dict[str, list[int]] = {}
    for pair in near_miss_pairs():
        imitated = _imitated(pair, spelled)
        if imitated is None:
            continue
        altered, real = imitated
        got = reg.match(altered)
        alone = nm.Registry([nm.Person("x", real)], decision=reg.decision).match(altered)
        for kind in (pair.kind, "ALL"):
            cell = counts.setdefault(kind, [0, 0, 0, 0])
            cell[0] += 1
            cell[1] += got is not None and group[got.person.id] == spelled[real]
            cell[2] += alone is not None
            cell[3] += reg.scorer.score(altered, real) >= nm.DEFAULT_THRESHOLD
    rows = [[kind, n, *(f"{v / n:.3f}" for v in rest)] for kind, (n, *rest) in sorted(counts.items())]
    print("\nNear misses of registry persons matched to the person they imitate (Registry.match), and "
          "pair scores reaching DEFAULT_THRESHOLD")
    print_table(["near miss", "names", "in this registry", "alone in a registry", "pair score"], rows)


def _imitated(pair: NearMiss, spelled: dict[str, str]) -> tuple[str, str] | None:
    """``(altered name, real spelling)`` of a near-miss negative whose real spelling is a
    registry person's (a key of ``spelled``), else None (a pair of two spellings of one
    person, or a person kept out of the registry)."""
    if pair.label:
        return None
    if pair.b in spelled and pair.a not in spelled:
        return pair.a, pair.b
    if pair.a in spelled and pair.b not in spelled:
        return pair.b, pair.a
    return None


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
