"""jellyfish against what namematch uses instead: speed and results, in one run.

namematch declares no string-metric code of its own: edit distances and Jaro-Winkler come
from rapidfuzz, and Latin phonetic blocking keys are namematch's consonant-class
skeletons (``namematch.keys.latin_skeletons``, written for romanised Arabic and Persian
names). This script measures what jellyfish would change:

* **speed**, µs per call on the same strings: Jaro-Winkler and Levenshtein (rapidfuzz
  against jellyfish), Latin phonetic codes (namematch skeletons against jellyfish's
  metaphone, soundex, NYSIIS and match-rating codex);
* **results**: whether the two Jaro-Winkler and Levenshtein implementations agree, and
  for each phonetic code, on Latin spellings of one name (two romanisations of one
  Arabic-script token of ``wikidata-ar-name-tokens``: positives) and of two different
  names with the same first letter (negatives), the share of positives whose codes
  agree (recall of blocking) and of negatives whose codes agree (collisions: wasted
  comparisons), also split into tokens of Arabic-script names and the others.

    python benchmarks/phonetic.py
"""

from __future__ import annotations

import random
import time
from collections import defaultdict
from collections.abc import Callable, Sequence

import jellyfish
from rapidfuzz.distance import JaroWinkler, Levenshtein

from namematch.evaluation import load_token_pairs, print_table
from namematch.keys import latin_skeletons
from namematch.normalize import normalize_latin

SEED = 11


def _codes() -> dict[str, Callable[[str], set[str]]]:
    return {
        "namematch skeletons": lambda s: set(latin_skeletons(s)),
        "jellyfish metaphone": lambda s: {jellyfish.metaphone(s)},
        "jellyfish soundex": lambda s: {jellyfish.soundex(s)},
        "jellyfish nysiis": lambda s: {jellyfish.nysiis(s)},
        "jellyfish match rating": lambda s: {jellyfish.match_rating_codex(s)},
        "skeletons + metaphone": lambda s: set(latin_skeletons(s)) | {"m:" + jellyfish.metaphone(s)},
    }


def spellings() -> tuple[dict[str, list[str]], set[str]]:
    """Arabic-script token -> its distinct normalised Latin spellings (two or more), and the
    tokens whose spellings look Arabic or Persian in origin (the token has no Latin letters
    outside the usual romanisation: a rough cut, for the split only)."""
    by_token: dict[str, set[str]] = defaultdict(set)
    for arabic, latin, _count in load_token_pairs("wikidata-ar-name-tokens"):
        s = normalize_latin(latin)
        if len(s) >= 3 and s.isalpha():
            by_token[arabic].add(s)
    groups = {a: sorted(v) for a, v in by_token.items() if len(v) >= 2}
    # Arabic-origin: spelled with a glottal or pharyngeal romanisation or an Arabic article
    arabic_origin = {a for a, v in groups.items()
                     if any(x.startswith(("al", "el", "abd", "abu")) or "kh" in x or "dh" in x or "q" in x for x in v)}
    return groups, arabic_origin


def pairs(groups: dict[str, list[str]], rng: random.Random) -> tuple[list[tuple[str, str, str]], list[tuple[str, str]]]:
    """Positives ``(token, a, b)``, one per group (seeded), and as many negatives: two
    spellings of different tokens with the same first letter."""
    pos = []
    by_first: dict[str, list[str]] = defaultdict(list)
    owner: dict[str, set[str]] = defaultdict(set)
    for token, v in sorted(groups.items()):
        a, b = rng.sample(v, 2)
        pos.append((token, a, b))
        for s in v:
            by_first[s[0]].append(s)
            owner[s].add(token)
    neg = []
    while len(neg) < len(pos):
        _t, a, _b = rng.choice(pos)
        b = rng.choice(by_first[a[0]])
        if not owner[a] & owner[b]:
            neg.append((a, b))
    return pos, neg


def per_call(func: Callable[..., object], args: Sequence[tuple[str, ...]], repeat: int = 5) -> float:
    """Best of ``repeat`` runs over ``args``, µs per call (the first run also warms up)."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for a in args:
            func(*a)
        best = min(best, time.perf_counter() - t0)
    return best / len(args) * 1e6


def main() -> None:
    rng = random.Random(SEED)
    groups, arabic_origin = spellings()
    pos, neg = pairs(groups, rng)
    words = sorted({s for v in groups.values() for s in v})
    rng.shuffle(words)
    word_pairs = [(a, b) for _t, a, b in pos] + neg

    speed = []
    for label, ours, theirs in (
        ("Jaro-Winkler similarity", JaroWinkler.normalized_similarity, jellyfish.jaro_winkler_similarity),
        ("Levenshtein distance", Levenshtein.distance, jellyfish.levenshtein_distance),
    ):
        t_ours, t_theirs = per_call(ours, word_pairs), per_call(theirs, word_pairs)
        speed.append([label, f"rapidfuzz {t_ours:.2f}", f"jellyfish {t_theirs:.2f}", f"{t_theirs / t_ours:.2f}"])
    # namematch's skeletons are cached per string: time them uncached, on first sight
    skel = per_call(getattr(latin_skeletons, "__wrapped__", latin_skeletons), [(w,) for w in words])
    for name, func in (("metaphone", jellyfish.metaphone), ("soundex", jellyfish.soundex),
                       ("nysiis", jellyfish.nysiis), ("match rating codex", jellyfish.match_rating_codex)):
        theirs = per_call(func, [(w,) for w in words])
        speed.append([f"phonetic code ({name})", f"namematch skeletons {skel:.2f}", f"jellyfish {theirs:.2f}",
                      f"{theirs / skel:.2f}"])
    jw_diff = max(abs(JaroWinkler.normalized_similarity(a, b) - jellyfish.jaro_winkler_similarity(a, b))
                  for a, b in word_pairs)
    lev_diff = sum(Levenshtein.distance(a, b) != jellyfish.levenshtein_distance(a, b) for a, b in word_pairs)
    print(f"{len(words)} Latin spellings of {len(groups)} name tokens; {len(pos)} positive and {len(neg)} "
          f"negative pairs ({sum(t in arabic_origin for t, _a, _b in pos)} positives of Arabic-origin tokens)")
    print("\nSpeed, µs per call (best of 5 runs; ratio = jellyfish / ours):")
    print_table(["what", "ours", "jellyfish", "ratio"], speed)
    print(f"\nSame results: Jaro-Winkler largest difference {jw_diff:.2e}; Levenshtein distances that differ: "
          f"{lev_diff} of {len(word_pairs)}")
    rows = []
    for name, code in _codes().items():
        hit = [bool(code(a) & code(b)) for _t, a, b in pos]
        ar = [h for h, (t, _a, _b) in zip(hit, pos) if t in arabic_origin]
        other = [h for h, (t, _a, _b) in zip(hit, pos) if t not in arabic_origin]
        coll = sum(bool(code(a) & code(b)) for a, b in neg) / len(neg)
        rows.append([name, sum(hit) / len(hit), sum(ar) / max(len(ar), 1), sum(other) / max(len(other), 1), coll])
    print("\nPhonetic codes as blocking keys (spellings of one name agree = recall; different names agree = collisions):")
    print_table(["code", "recall", "recall, Arabic-origin", "recall, others", "collisions"], rows)


if __name__ == "__main__":
    main()
