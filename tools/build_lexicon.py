"""Derive namematch's name-variant lexicon, frequency table and transliteration model.

Reads the development data in ``<shared>/data`` (default ``../shared`` next to
the repository) and writes, deterministically and sorted:

* ``src/namematch/data/variants.tsv``   name-variant groups (Arabic forms, Latin spellings, count)
* ``src/namematch/data/frequency.tsv``  counts of name elements (persons + token lists)
* ``src/namematch/data/translit_model.tsv``  the transliteration model (``tools/build_translit.py``)

How:

1. Token pairs (wikidata-ar-name-tokens, google-translit-ar2en) are parsed to
   unit cores and kept when their consonant skeletons agree (drops wrong
   alignments such as "من / of").
2. Persons (un-sc-2018 Arabic ↔ Latin, un-sc and ofac Latin ↔ Latin) are parsed
   into units and aligned unit by unit (mutual best skeleton similarity).
3. Each Arabic-script form with its Latin spellings is a group; Latin-only
   variant clusters from the ofac/un aliases attach to the groups that share a
   spelling, or form Latin-only groups. A spelling learned from a person's names
   (aligned, or taken from another alias) is not learned for a form the token
   lists spell otherwise when they (or ``variants_manual.tsv``) give it for
   another form: a misaligned pair (حامد with Hammud, a spelling of حمود; Abdul
   Rahim beside Abdul Rahman) teaches no spelling.
   A pair the reviewed ``not_spellings.tsv`` names (Jamil is no spelling of جمال: it is
   جميل's) is dropped from every source first; ``--near-spellings`` prints the spellings of
   a form that are another form's usual spelling, the forms a long vowel apart (candidates
   for that file, to review).
4. The transliteration model (a joint-sequence n-gram model, see
   ``tools/build_translit.py``) is trained on the token pairs and the persons'
   cross-script unit pairs.

``--fold K`` leaves the K-th fifth of a hash split out (Arabic token cores and
person ids; ``--holdout`` is ``--fold 0``): the benchmarks rebuild without a fifth
to measure on names the lexicon and model never saw.

Usage: ``python tools/build_lexicon.py [--shared PATH] [--out DIR] [--holdout | --fold K] [--near-spellings]``
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import Counter, defaultdict
from pathlib import Path

import build_translit as bt  # a sibling tool (tools/ is the script's directory)
from rapidfuzz.distance import Levenshtein

from namematch.evaluation import (
    DEV_SETS,
    TOKEN_SETS,
    fifth_of,
    in_test_fifth,
    load_entities,
    shipped_lines,
    single_unit,
)
from namematch.evaluation import write_atomic as _atomic_write
from namematch.keys import arabic_skeletons, latin_skeletons
from namematch.lexicon import norm_form, not_spelling_table
from namematch.normalize import ARABIC, LATIN, PERSIAN
from namematch.parse import parse
from namematch.romanize import MAX_TAIL, ONSETS, VOWELS
from namematch.score import fold_latin

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
PERSON_WEIGHT = 20
#: A spelling the token lists give this many times for other Arabic-script forms (or the
#: hand-reviewed lexicon once) is not learned for a form they list with other spellings.
MISALIGNED_MIN = 6
#: Alef forms, dropped when two Arabic-script forms are compared as spellings of one name.
_NO_ALEF = str.maketrans("", "", "اأإآى")  # one listed person counts as much as 20 token-list occurrences


#: Hash split of the development data into fifths (0-4) by an Arabic token's core or a
#: person's id; ``--fold K`` leaves fifth K out (``tools/fit_score_model.py`` swaps in its halves).
fold_of = fifth_of
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


def person_pairs(persons: list[dict], fold: int | None):
    """Arabic↔Latin and Latin↔Latin unit pairs aligned within persons, + per-person units."""
    cross: list[tuple[str, str]] = []
    latin: list[tuple[str, str]] = []
    units_per_person: list[set[tuple[str, str]]] = []
    for p in persons:
        if fold is not None and is_test(p["id"], fold):
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


def manual_spellings() -> dict[str, set[str]]:
    """Latin spelling -> the Arabic-script forms ``variants_manual.tsv`` (reviewed by hand)
    lists it for."""
    out: dict[str, set[str]] = defaultdict(set)
    for line in shipped_lines("variants_manual.tsv"):
        if line.startswith("#") or not line.strip():
            continue
        cols = line.split("\t")
        forms = [f for f in cols[0].split("|") if f and f != "-"]  # ("-": a row of Latin spellings only)
        if not forms:
            continue
        for la in "|".join(cols[1:3]).split("|"):
            if la:
                out[la].update(forms)
    return out


def not_spellings() -> dict[str, frozenset[str]]:
    """Arabic-script form -> the Latin spellings ``not_spellings.tsv`` (reviewed by hand) says
    are not its spellings (exact lower-case spellings: Salem is سالم's alone, Salim both names')."""
    return not_spelling_table(shipped_lines("not_spellings.tsv"))


def without_non_spellings(ar2la: dict[str, Counter], banned: dict[str, frozenset[str]]) -> None:
    """Drop from each form's spellings (in place) those ``banned`` says are not its."""
    for ar, spellings in banned.items():
        c = ar2la.get(ar)
        for la in spellings & c.keys() if c else ():
            del c[la]


def _alike_letters(a: str, b: str) -> bool:
    """Two Arabic-script forms that are one name's spellings: the same letters but for alef
    forms (عبدالرحمن, عبدالرحمان)."""
    return a.translate(_NO_ALEF) == b.translate(_NO_ALEF)


def _misaligned(ar: str, la: str, spelled: dict[str, Counter], forms: set[str]) -> bool:
    """Whether pairing an Arabic-script form with a Latin spelling learned from a person's names
    contradicts the token lists and the hand-reviewed lexicon (``spelled``: folded spelling ->
    the forms it is listed for, with counts; ``forms``: the forms they list, without alef): the form is listed
    there with other spellings, the spelling (folded: Hammud is Hammoud) for other forms only,
    :data:`MISALIGNED_MIN` times or more, none of them the form but for alef. Two elements of one
    name paired crosswise (حامد aligned with Hammud, a spelling of حمود), or a spelling taken
    over from another alias of the person (Abdul Rahim beside Abdul Rahman is عبد الرحيم)."""
    others = spelled.get(fold_latin(la))
    return (
        bool(others) and ar.translate(_NO_ALEF) in forms and ar not in others
        and sum(others.values()) >= MISALIGNED_MIN
        and not any(_alike_letters(ar, o) for o in others)
    )  # fmt: skip


def letters_spell(form: str, spelling: str) -> bool:
    """Whether the letters of an Arabic-script ``form`` can be written ``spelling`` by the
    readings of each letter (``ONSETS``: its consonant's Latin forms, or none for a vowel
    carrier, each followed by up to ``MAX_TAIL`` vowels). Tabeeb is no spelling of طيب
    (ي is never written b): a person's alias aligned with the wrong name (طبيب)."""
    letters = [c for c in form if c in ONSETS]
    if not letters:
        return True
    reach = {0}
    for c in letters:
        nxt: set[int] = set()
        for j in reach:
            for onset in ONSETS[c]:
                if not spelling.startswith(onset, j):
                    continue
                k = j + len(onset)
                nxt.add(k)
                for t in range(1, MAX_TAIL + 1):
                    if k + t > len(spelling) or spelling[k + t - 1] not in VOWELS:
                        break
                    nxt.add(k + t)
        if not nxt:
            return False
        reach = nxt
    return len(spelling) in reach


def build_groups(token_pairs, cross, latin_pairs, units_per_person, banned=None):
    """Groups as (arabic forms, latin spellings ranked, count). Spellings are ranked by how
    often they were seen (a listed person counts :data:`PERSON_WEIGHT`); of spellings seen as
    often, those the form's letters can be written as (:func:`letters_spell`) first, then
    alphabetically. Three aliases of one person aligned with one form are seen as often: طيب
    with Tayeb, Tayyab and Tabeeb (a spelling of طبيب, ranked first by the alphabet before).
    ``banned`` (default: :func:`not_spellings`): spellings no source may give a form."""
    banned = not_spellings() if banned is None else banned
    ar2la: dict[str, Counter] = defaultdict(Counter)
    wd_count: Counter = Counter()
    for ar, la, count, _src, extra in token_pairs:
        ar2la[ar][la] += count
        for e in extra:
            ar2la[ar][e] += count
        wd_count[ar] += count
    without_non_spellings(ar2la, banned)
    # what the token lists and the hand-reviewed lexicon say: folded spelling -> the forms it spells
    spelled: dict[str, Counter] = defaultdict(Counter)
    for ar, c in ar2la.items():
        for la, count in c.items():
            spelled[fold_latin(la)][ar] += count
    for la, ars in manual_spellings().items():
        for ar in ars:
            spelled[fold_latin(la)][ar] += MISALIGNED_MIN  # a spelling reviewed by hand is enough
    forms = {ar.translate(_NO_ALEF) for ars in spelled.values() for ar in ars}
    for ar, la in cross:
        if la not in banned.get(ar, ()) and not _misaligned(ar, la, spelled, forms):
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
                if x in ar2la[ar] and y not in ar2la[ar] and y not in banned.get(ar, ()) \
                        and not _misaligned(ar, y, spelled, forms):
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
        ranked = sorted(c, key=lambda s: (-c[s], not letters_spell(ar, s), s))
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


#: Long-vowel letters: two forms equal without them are names of one root a long vowel apart.
_NO_LONG_VOWELS = str.maketrans("", "", "اوي")


def near_name_spellings(groups) -> list[tuple[str, str, str, bool]]:
    """Candidates for ``not_spellings.tsv``, to review: (form, spelling, other form, shared) for
    each spelling of a form's group that is the usual (first) spelling of another form, the two
    forms the same letters but for long vowels (جمال listed with Jamil, the usual spelling of
    جميل). ``shared``: the spelling is the form's own usual spelling as well (Rashid for راشد and
    رشيد: a spelling of both, mostly). Usual spellings are read from the built groups and from
    ``variants_manual.tsv``."""
    usual: dict[str, set[str]] = defaultdict(set)
    own: dict[str, set[str]] = defaultdict(set)
    rows = [(ar, la) for ar, la, _count in groups if ar and la]
    for line in shipped_lines("variants_manual.tsv"):
        cols = line.split("\t")
        forms = tuple(norm_form(f) for f in cols[0].split("|") if f and f != "-")
        spellings = tuple(x for x in cols[1].split("|") if x) if len(cols) > 1 else ()
        if forms and spellings:
            rows.append((forms, spellings))
    for forms, spellings in rows:
        for f in forms:
            usual[spellings[0]].add(f)
            own[f].add(spellings[0])
    out = set()
    for forms, spellings in rows:
        for f in forms:
            for s in spellings:
                for other in usual.get(s, ()):
                    if other != f and other.translate(_NO_LONG_VOWELS) == f.translate(_NO_LONG_VOWELS):
                        out.add((f, s, other, s in own[f]))
    return sorted(out)


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


def training_data(shared: Path, fold: int | None):
    """(token pairs, cross-script unit pairs, Latin unit pairs, units per person) of the
    development data, without the fifth ``fold`` when it is given."""
    token_pairs = load_token_pairs(shared)
    if fold is not None:
        token_pairs = [p for p in token_pairs if not is_test(p[0], fold)]
    cross, latin_pairs, units_per_person = person_pairs(load_persons(shared), fold)
    return token_pairs, cross, latin_pairs, units_per_person


def model_pairs(shared: Path, fold: int | None = None, data=None) -> list[tuple[str, str, int]]:
    """The transliteration model's training pairs (arabic core, latin core, count): the
    token pairs and the persons' cross-script units (each as 3 occurrences)."""
    token_pairs, cross, _latin, _units = data or training_data(shared, fold)
    return [(a, la, c) for a, la, c, _s, _e in token_pairs] + [(a, la, 3) for a, la in cross]


def lexicon_lines(data) -> tuple[list[str], list[str]]:
    """(variant lines, frequency lines) of :func:`training_data`'s answer, without headers."""
    token_pairs, cross, latin_pairs, units_per_person = data
    groups = build_groups(token_pairs, cross, latin_pairs, units_per_person)
    var_lines = sorted(
        f"{'|'.join(ar) or '-'}\t{'|'.join(la)}\t{count}" for ar, la, count in groups if la
    )
    freq = frequency(token_pairs, units_per_person)
    freq_lines = [f"{f}\t{c}" for f, c in sorted(freq.items()) if c >= 2]
    return var_lines, freq_lines


def build_all(shared: Path, holdout: bool = False, fold: int | None = None, model: str = "joint"):
    """Return (variant lines, frequency lines, model lines) without headers; ``holdout``
    is ``fold=0``; ``model`` names the candidate of ``tools/build_translit.py`` trained."""
    if holdout and fold is None:
        fold = 0
    data = training_data(shared, fold)
    var_lines, freq_lines = lexicon_lines(data)
    model_lines = bt.CANDIDATES[model](model_pairs(shared, fold, data))
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
    ap.add_argument("--holdout", action="store_true", help="leave the test split out (= --fold 0)")
    ap.add_argument("--fold", type=int, choices=range(5), default=None, help="leave this fifth (0-4) out")
    ap.add_argument("--near-spellings", action="store_true",
                    help="print the candidates for not_spellings.tsv (see near_name_spellings) and stop")
    args = ap.parse_args(argv)
    fold = 0 if args.holdout and args.fold is None else args.fold
    if args.near_spellings:
        token_pairs, cross, latin_pairs, units_per_person = training_data(args.shared, fold)
        print("form\tspelling\tusual spelling of\tshared")
        for row in near_name_spellings(build_groups(token_pairs, cross, latin_pairs, units_per_person)):
            print("\t".join(map(str, row)))
        return 0
    var_lines, freq_lines, model_lines = build_all(args.shared, fold=fold)
    sources = "\n".join(f"#   {k}: {v}" for k, v in LICENCES.items())
    hold = f" --fold {fold}" if fold is not None else ""
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
            "transliteration model: joint-sequence (graphone) n-gram model, Kneser-Ney smoothed "
            "(tools/build_translit.py)",
            "Format: '@rank<TAB>feature<TAB>weight' lines (the weights of the ranking score), then "
            "ngram<TAB>logp<TAB>backoff. An n-gram is graphones joined by spaces, each an Arabic "
            "letter, ':' and the Latin chunk it is written with ('<s>' start, '</s>' end); logp is the natural "
            "log of P(last | the others), empty for a context listed only for its backoff; backoff is the "
            "natural log of the weight of the context's lower-order estimate (0 when empty).",
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
