"""Derive namematch's name-variant lexicon, frequency table and transliteration model.

Reads the development data in ``<shared>/data`` (default ``../shared`` next to
the repository) and writes, deterministically and sorted:

* ``src/namematch/data/variants.tsv``   name-variant groups (Arabic forms, Latin spellings, count)
* ``src/namematch/data/frequency.tsv``  counts of name elements (persons + token lists)
* ``src/namematch/data/translit_model.tsv``  Arabic letter → Latin chunk counts in context

How:

1. Token pairs (wikidata-ar-name-tokens, google-translit-ar2en) are parsed to
   unit cores and kept when their consonant skeletons agree (drops wrong
   alignments such as "من / of").
2. Persons (un-sc-2018 Arabic ↔ Latin, un-sc and ofac Latin ↔ Latin) are parsed
   into units and aligned unit by unit (mutual best skeleton similarity).
3. Each Arabic-script form with its Latin spellings is a group; Latin-only
   variant clusters from the ofac/un aliases attach to the groups that share a
   spelling, or form Latin-only groups.
4. The character model is trained by hard-EM alignment of every Arabic letter
   to a Latin chunk (its consonant onset plus following vowels).

``--holdout`` leaves the test part of a hash split out (used by the benchmark
to measure on names the lexicon and model never saw).

Usage: ``python tools/build_lexicon.py [--shared PATH] [--out DIR] [--holdout]``
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import Counter, defaultdict
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from namematch.evaluation import DEV_SETS, TOKEN_SETS, in_test_fifth, load_entities, single_unit
from namematch.evaluation import write_atomic as _atomic_write
from namematch.keys import arabic_skeletons, latin_skeletons
from namematch.normalize import ARABIC, LATIN, PERSIAN
from namematch.parse import parse
from namematch.romanize import _MAX_TAIL, ONSETS, VOWELS

ROOT = Path(__file__).resolve().parent.parent
TOKEN_SOURCES = TOKEN_SETS
PERSON_SOURCES = DEV_SETS
LICENCES = {
    "wikidata-ar-name-tokens": "CC0 1.0 (Wikidata; Merhav & Ash, COLING 2018)",
    "google-translit-ar2en": "Apache-2.0 (google/transliteration ar2en.txt; Rosca & Breuel 2016)",
    "un-sc-2018": "UN Security Council consolidated list (public UN publication)",
    "ofac-sdn-2022": "US Treasury OFAC SDN list (US government, public domain)",
    "ofac-cons-2018": "US Treasury OFAC consolidated list (US government, public domain)",
}
PAIR_MIN_SIM = 0.6
UNIT_MIN_SIM = 0.75
LATIN_MIN_SIM = 0.75
PERSON_WEIGHT = 20  # one listed person counts as much as 20 token-list occurrences


#: Hash split: one fifth of the groups is the held-out test part (``tools/fit_score_model.py``
#: swaps in its halves).
is_test = in_test_fifth


def sim(a: str, b: str) -> float:
    if not a or not b:
        return 1.0 if a == b else 0.0
    return 1.0 - Levenshtein.distance(a, b) / max(len(a), len(b))


def skel(form: str, script: str) -> tuple[str, ...]:
    return arabic_skeletons(form) if script in (ARABIC, PERSIAN) else latin_skeletons(form)


def unit_sim(a: str, sa: str, b: str, sb: str) -> float:
    """Skeleton similarity; 0 when the first consonant classes differ."""
    best = max(
        (sim(x, y) for x in skel(a, sa) for y in skel(b, sb) if x[:1] == y[:1]), default=0.0
    )
    if sa == LATIN and sb == LATIN:
        best = max(best, sim(a, b))
    return best


def load_token_pairs(shared: Path) -> list[tuple[str, str, int, str, list[str]]]:
    """(arabic core, latin core, count, source, extra latin spellings) for kept pairs."""
    out = []
    for src in TOKEN_SOURCES:
        path = shared / "data" / src / "pairs.tsv"
        for line in path.read_text(encoding="utf-8").splitlines()[1:]:
            cols = line.split("\t")
            if len(cols) < 2:
                continue
            count = int(cols[2]) if len(cols) > 2 and cols[2].isdigit() else 1
            a = single_unit(cols[0])
            b = single_unit(cols[1])
            if not a or not b or a[1] not in (ARABIC, PERSIAN) or b[1] != LATIN:
                continue
            if unit_sim(a[0], a[1], b[0], b[1]) < PAIR_MIN_SIM:
                continue
            out.append((a[0], b[0], count, src, b[2]))
    return out


def load_persons(shared: Path) -> list[dict]:
    return [e for src in PERSON_SOURCES for e in load_entities(src, shared / "data")]


def name_units(name: str) -> list[tuple[str, str]]:
    return [(u.core, u.script) for u in parse(name).units if u.core and u.role != "initial"]


def _first_compatible(a: str, b: str) -> bool:
    """Latin forms start alike: both with a vowel, or with the same consonant class."""
    va, vb = a[:1] in "aeiouy", b[:1] in "aeiouy"
    if va or vb:
        return va and vb
    return latin_skeletons(a)[0][:1] == latin_skeletons(b)[0][:1]


def latin_variants(a: str, b: str) -> bool:
    """Two Latin forms that may be spellings of one name element."""
    return (
        a != b
        and _first_compatible(a, b)
        and unit_sim(a, LATIN, b, LATIN) >= LATIN_MIN_SIM
        and sim(a, b) >= 0.6
    )


def align(a: list[tuple[str, str]], b: list[tuple[str, str]], min_sim: float) -> list[tuple[int, int]]:
    """Mutual-best unit pairs above ``min_sim`` (ties broken by relative position)."""
    if not a or not b:
        return []
    both_latin = all(s == LATIN for _, s in a + b)
    m = []
    for i, (x, sx) in enumerate(a):
        row = []
        for j, (y, sy) in enumerate(b):
            if both_latin and not latin_variants(x, y) and x != y:
                row.append(0.0)
                continue
            pos = abs(i / max(1, len(a) - 1) - j / max(1, len(b) - 1)) if len(a) > 1 and len(b) > 1 else 0.0
            row.append(unit_sim(x, sx, y, sy) - 0.01 * pos)
        m.append(row)
    pairs = []
    for i, row in enumerate(m):
        j = max(range(len(b)), key=lambda k: (row[k], -k))
        if row[j] < min_sim - 0.011:
            continue
        i2 = max(range(len(a)), key=lambda k: (m[k][j], -k))
        if i2 == i:
            pairs.append((i, j))
    # a wholly different alias aligns only by chance: ask for most units to align
    short = min(len(a), len(b))
    need = 1 if short == 1 else max(2, math.ceil(0.6 * short))
    if len(pairs) < need or (short == 1 and max(m[i][j] for i, j in pairs) < 0.9):
        return []
    return pairs


def person_pairs(persons: list[dict], holdout: bool):
    """Arabic↔Latin and Latin↔Latin unit pairs aligned within persons, + per-person units."""
    cross: list[tuple[str, str]] = []
    latin: list[tuple[str, str]] = []
    units_per_person: list[set[tuple[str, str]]] = []
    for p in persons:
        if holdout and is_test(p["id"]):
            continue
        names = [name_units(n) for n in p["names"]]
        ar = [n for n in names if n and all(s in (ARABIC, PERSIAN) for _, s in n)]
        la = [n for n in names if n and all(s == LATIN for _, s in n)]
        seen_c: set[tuple[str, str]] = set()
        seen_l: set[tuple[str, str]] = set()
        for x in ar:
            for y in la:
                for i, j in align(x, y, UNIT_MIN_SIM):
                    seen_c.add((x[i][0], y[j][0]))
        for k, x in enumerate(la):
            for y in la[k + 1 :]:
                for i, j in align(x, y, LATIN_MIN_SIM):
                    if latin_variants(x[i][0], y[j][0]):
                        seen_l.add(tuple(sorted((x[i][0], y[j][0]))))
        cross.extend(sorted(seen_c))
        latin.extend(sorted(seen_l))
        units_per_person.append({u for n in names for u in n})
    return cross, latin, units_per_person


class UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def build_groups(token_pairs, cross, latin_pairs, units_per_person):
    """Groups as (arabic forms, latin spellings ranked, count)."""
    ar2la: dict[str, Counter] = defaultdict(Counter)
    wd_count: Counter = Counter()
    for ar, la, count, _src, extra in token_pairs:
        ar2la[ar][la] += count
        for e in extra:
            ar2la[ar][e] += count
        wd_count[ar] += count
    for ar, la in cross:
        ar2la[ar][la] += PERSON_WEIGHT
    # Latin variants from the aliases of one person: attach a spelling to the Arabic
    # forms its direct partner is listed under; the rest form Latin-only clusters.
    la_index: dict[str, list[str]] = defaultdict(list)
    for ar, c in ar2la.items():
        for la in c:
            la_index[la].append(ar)
    uf = UnionFind()
    for a, b in latin_pairs:
        hosts = sorted(set(la_index.get(a, ())) | set(la_index.get(b, ())))
        for ar in hosts:
            sk = arabic_skeletons(ar)
            for x, y in ((a, b), (b, a)):
                if x in ar2la[ar] and y not in ar2la[ar]:
                    if max(sim(p, q) for p in sk for q in latin_skeletons(y)) >= 0.75:
                        ar2la[ar][y] += 1
        if not hosts:
            uf.union(a, b)
    clusters: dict[str, set[str]] = defaultdict(set)
    for x in list(uf.parent):
        clusters[uf.find(x)].add(x)
    latin_only = [clusters[r] for r in sorted(clusters) if len(clusters[r]) <= 6]
    groups = []
    for ar in sorted(ar2la):
        c = ar2la[ar]
        ranked = sorted(c, key=lambda s: (-c[s], s))
        groups.append([(ar,), tuple(ranked), wd_count[ar]])
    for members in latin_only:
        groups.append([(), tuple(sorted(members)), 0])
    # person counts: each person adds PERSON_WEIGHT to every group one of its units is in
    index: dict[str, list[int]] = defaultdict(list)
    for gid, g in enumerate(groups):
        for f in g[0] + g[1]:
            index[f].append(gid)
    for units in units_per_person:
        touched = {gid for f, _ in units for gid in index.get(f, ())}
        for gid in touched:
            groups[gid][2] += PERSON_WEIGHT
    return [(g[0], g[1], g[2]) for g in groups]


def frequency(token_pairs, units_per_person) -> Counter:
    freq: Counter = Counter()
    for ar, la, count, _src, _extra in token_pairs:
        freq[ar] += count
        freq[la] += count
    for units in units_per_person:
        for f, _ in units:
            freq[f] += PERSON_WEIGHT
    return freq


# ---------------------------------------------------------------------------
# Character model
# ---------------------------------------------------------------------------


def chunk_options(letter: str, latin: str, j: int):
    for o in ONSETS.get(letter, ()):
        if not latin.startswith(o, j):
            continue
        k = j + len(o)
        yield o, k
        t = 0
        while t < _MAX_TAIL and k + t < len(latin) and latin[k + t] in VOWELS:
            t += 1
            yield latin[j : k + t], k + t


def viterbi(ar: str, la: str, logp) -> list[str] | None:
    n, m = len(ar), len(la)
    best: dict[tuple[int, int], tuple[float, tuple[int, int] | None, str]] = {(0, 0): (0.0, None, "")}
    for i in range(n):
        for j in range(m + 1):
            cur = best.get((i, j))
            if cur is None:
                continue
            for chunk, k in chunk_options(ar[i], la, j):
                sc = cur[0] + logp(ar[i], chunk)
                key = (i + 1, k)
                if key not in best or best[key][0] < sc:
                    best[key] = (sc, (i, j), chunk)
    end = best.get((n, m))
    if end is None:
        return None
    chunks = []
    state: tuple[int, int] | None = (n, m)
    while state is not None and state != (0, 0):
        sc, prev, chunk = best[state]
        chunks.append(chunk)
        state = prev
    return chunks[::-1]


def train_model(pairs: list[tuple[str, str, int]]) -> list[str]:
    """Hard-EM alignment, then context counts. Returns the model file lines."""
    data = [(a, la, c) for a, la, c in pairs if a and la and all(ch in ONSETS for ch in a)]

    def prior(letter: str, chunk: str) -> float:
        onsets = ONSETS[letter]
        best = -9.0
        for r, o in enumerate(onsets):
            if chunk.startswith(o) and all(ch in VOWELS for ch in chunk[len(o) :]):
                best = max(best, -0.7 * r - 0.8 * (len(chunk) - len(o)))
        return best

    table: dict[str, Counter] | None = None

    def logp(letter: str, chunk: str) -> float:
        if table is None:
            return prior(letter, chunk)
        c = table.get(letter)
        tot = sum(c.values()) if c else 0
        return math.log((c.get(chunk, 0) + 0.1 * math.exp(prior(letter, chunk))) / (tot + 1.0)) if c else prior(letter, chunk)

    aligned: list[tuple[str, list[str], int]] = []
    for _it in range(4):
        new: dict[str, Counter] = defaultdict(Counter)
        aligned = []
        for a, la, w in data:
            chunks = viterbi(a, la, logp)
            if chunks is None:
                continue
            wt = 1 + int(math.log2(w)) if w > 1 else 1
            aligned.append((a, chunks, wt))
            for ch, ck in zip(a, chunks, strict=True):
                new[ch][ck] += wt
        table = dict(new)
    counts: list[Counter] = [Counter() for _ in range(4)]
    for a, chunks, wt in aligned:
        n = len(a)
        for i, (ch, ck) in enumerate(zip(a, chunks, strict=True)):
            prev = a[i - 1] if i > 0 else "^"
            nxt = a[i + 1] if i + 1 < n else "$"
            pos = "I" if i == 0 else ("F" if i == n - 1 else "M")
            counts[0][(ch, "", ck)] += wt
            counts[1][(ch + " " + pos, "", ck)] += wt
            counts[2][(ch + " " + nxt, "", ck)] += wt
            counts[3][(prev + " " + ch + " " + nxt, "", ck)] += wt
    lines = []
    for lv, c in enumerate(counts):
        for (ctx, _, ck), n in sorted(c.items()):
            if lv >= 2 and n < 2:
                continue
            lines.append(f"{lv}\t{ctx}\t{ck}\t{n}")
    print(f"model: {len(data)} pairs, {len(aligned)} aligned, {len(lines)} lines", file=sys.stderr)
    return lines


# ---------------------------------------------------------------------------


def build_all(shared: Path, holdout: bool = False):
    """Return (variant lines, frequency lines, model lines) without headers."""
    token_pairs = load_token_pairs(shared)
    if holdout:
        token_pairs = [p for p in token_pairs if not is_test(p[0])]
    persons = load_persons(shared)
    cross, latin_pairs, units_per_person = person_pairs(persons, holdout)
    groups = build_groups(token_pairs, cross, latin_pairs, units_per_person)
    var_lines = sorted(
        f"{'|'.join(ar) or '-'}\t{'|'.join(la)}\t{count}" for ar, la, count in groups if la
    )
    freq = frequency(token_pairs, units_per_person)
    freq_lines = [f"{f}\t{c}" for f, c in sorted(freq.items()) if c >= 2]
    train = [(a, la, c) for a, la, c, _s, _e in token_pairs] + [(a, la, 3) for a, la in cross]
    model_lines = train_model(train)
    return var_lines, freq_lines, model_lines


HEADER = """# namematch {what}
# Built by tools/build_lexicon.py{holdout} from the development data in shared/data
# (do not edit by hand: edit variants_manual.tsv or the tool, then rebuild).
# Sources and licences:
{sources}
# {fmt}
"""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "namematch" / "data")
    ap.add_argument("--holdout", action="store_true", help="leave the test split out")
    args = ap.parse_args(argv)
    var_lines, freq_lines, model_lines = build_all(args.shared, args.holdout)
    sources = "\n".join(f"#   {k}: {v}" for k, v in LICENCES.items())
    hold = " --holdout" if args.holdout else ""
    files = {
        "variants.tsv": (
            "name-variant groups: Arabic/Persian name elements and the Latin spellings seen for them",
            "Format: arabic_forms|...<TAB>latin_spellings|... (most frequent first)<TAB>count (persons x "
            f"{PERSON_WEIGHT} + token-list occurrences). '-' = no Arabic-script form (Latin-only cluster).",
            var_lines,
        ),
        "frequency.tsv": (
            "name-element frequency table (basis of lexicon.rarity)",
            f"Format: form<TAB>count (persons x {PERSON_WEIGHT} + token-list occurrences); forms with count >= 2.",
            freq_lines,
        ),
        "translit_model.tsv": (
            "transliteration model: Latin chunk counts per Arabic letter in context (hard-EM alignment)",
            "Format: level<TAB>context<TAB>chunk<TAB>count; level 0 letter, 1 letter+position (I/M/F), "
            "2 letter+next letter, 3 previous+letter+next ('^' start, '$' end).",
            model_lines,
        ),
    }
    args.out.mkdir(parents=True, exist_ok=True)
    for name, (what, fmt, lines) in files.items():
        text = HEADER.format(what=what, holdout=hold, sources=sources, fmt=fmt) + "\n".join(lines) + "\n"
        _atomic_write(args.out / name, lambda fh, text=text: fh.write(text))  # never half written
        print(f"wrote {args.out / name}: {len(lines)} lines", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
