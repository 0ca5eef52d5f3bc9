"""Train namematch's transliteration model (Arabic script -> Latin) on the development data.

The shipped model (``joint``) is a joint-sequence model in the manner of Sequitur and
Phonetisaurus:

1. **Alignment.** Each training pair (an Arabic-script unit and a Latin spelling of it)
   is aligned many-to-many: one or two Arabic letters with zero to three Latin letters
   (``ب:b``, ``ا:``, ``ش:sh``, ``و:ou``, ``مح:moh``), a pair called a graphone. The
   graphone probabilities are estimated by expectation maximisation over every
   segmentation of every pair (forward-backward on the pairs' alignment lattices, in
   numpy), initialised from ``namematch.romanize.ONSETS`` (each letter's usual consonants
   followed by up to three vowels, a small floor for any other chunk; a two-letter unit
   starts at ``TWO_LETTER_PRIOR`` times its best split, so that EM merges letters only
   where the data asks for it: ``كي:ki``, ``وف:ov``, ``تش:ch``). Each pair's Viterbi
   segmentation is its graphone sequence.
2. **Joint n-gram.** An interpolated modified Kneser-Ney model (three discounts per
   order) over graphone sequences (order ``ORDER``, ``<s>``/``</s>`` at the ends) gives the
   joint probability of an Arabic unit and a spelling; its history carries what the
   letters before said about the name's origin (``ov``, ``-ashvili``, ``-ini``).
   N-grams of order >= 3 seen fewer than ``PRUNE_BELOW`` times (weighted) are dropped and
   the backoff weights renormalised.
3. **Ranking weights.** ``namematch.romanize`` searches the spellings of highest joint
   probability (beam search, a second beam kept to spellings that start a word of the
   Latin-script word lists) and ranks them by a linear score: the model's log-probability
   plus the spelling prior of ``namematch._latin_words`` (Zipf frequency in English and
   in any language, being a word at all) and the length. ``RANK_WEIGHTS`` were fitted on
   fold 1 (``--fit-weights --fold 1``: a listwise softmax over each held-out token's
   candidates) and are written into the model file.

Candidates kept for comparison (``--candidate``; ``benchmarks/translit.py`` measures them):

* ``joint-1to1``: the same n-gram and search over round one's alignment, where each Arabic
  letter emits 0 to 4 Latin letters (hard EM).
* ``joint-o4``: the shipped model with graphone 4-grams (``ORDER`` 4).
* ``chunk``: namematch's first model: counts of chunks per Arabic letter in a fixed
  context (previous letter, next letter, position), no memory of the spelling chosen.

Usage::

    python tools/build_translit.py [--shared PATH] [--fold K] [--candidate NAME] [--out FILE]
    python tools/build_translit.py --fit-weights --fold 1

``--fold K`` leaves out the K-th fifth of the development tokens and persons (the same
hash split as ``tools/build_lexicon.py --fold``): benchmarks measure on the fifth left out.
Without ``--out`` the model's size is printed only. ``tools/build_lexicon.py`` writes the
shipped ``data/translit_model.tsv`` with :func:`train_joint`.
"""

from __future__ import annotations

import argparse
import itertools
import math
import sys
import time
from collections import Counter, defaultdict
from functools import partial
from pathlib import Path

import numpy as np

from namematch.evaluation.translit import (
    DISPLAY_FEATURES,
    MAX_TAIL,
    ONSETS,
    RANK_FEATURES,
    VOWELS,
    WIDE_SEARCH,
    JointModel,
    name_spellings,
)

ROOT = Path(__file__).resolve().parent.parent

#: n-gram order of the joint model (graphones of history + the predicted one). Order 4
#: (the ``joint-o4`` candidate) and 5 reached the gold spelling no more often and ranked it
#: first no better on fold 1 (hit@1 0.323 / 0.357 and 0.311 / 0.354 on the two token sets
#: against 0.321 / 0.370), for a file two to three times the size; keeping the rarer
#: trigrams (``PRUNE_BELOW`` 1) neither (0.323 / 0.365).
ORDER = 3
#: Longest Arabic and Latin sides of a graphone. Two-letter Arabic sides (the
#: ``joint-m2m`` candidate) doubled the search's cost for +0.02 hit@1 on fold 1: within
#: romanize's cost bound the one-letter model ranks better.
MAX_ARABIC, MAX_LATIN = 1, 3
#: EM iterations of the alignment.
EM_ITERATIONS = 5
#: Initial probability of a two-letter graphone relative to its best one-letter split.
TWO_LETTER_PRIOR = 0.05
#: N-grams of order >= 3 seen fewer times than this (weighted) are dropped from the
#: shipped file (their mass goes to the lower orders through the backoff weights).
PRUNE_BELOW = 3
#: Weights of the ranking score (see the module docstring): name -> weight. On the quick
#: search's spellings of the unlisted fold-1 tokens the ranking is at the ceiling of such a
#: linear score: refitted there, with the display ranking's name features, with a character
#: 5-gram model of the training fold's Latin spellings (its log-probability, also per letter)
#: or with shape features (doubled letters, final vowel, vowel share, ou, ee/oo, log-probability
#: per Arabic letter, initial vowel) hit@1 moved by at most 0.002 on either token set.
RANK_WEIGHTS: dict[str, float] = {"logp": 0.58, "zipf_en": 0.71, "zipf_any": -0.18, "word": 4.3, "length": 0.42}
#: Weights of the display ranking (the long list's: ``DISPLAY_FEATURES``, the ranking's
#: features and two that tell names from ordinary words), fitted on fold 1 with the
#: lexicon built without it (``--fit-weights --fold 1``).
DISPLAY_WEIGHTS: dict[str, float] = {
    "logp": 0.58, "zipf_en": 0.71, "zipf_any": -0.18, "word": 4.3, "length": 0.42, "name": 1.251, "common": -0.21,
    "langs": 0.06,
}
BOS, EOS = "<s>", "</s>"
LATIN_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
#: Longest Latin chunk one Arabic letter may emit in round one's alignment.
MAX_CHUNK_1TO1 = 4


def log(msg: str) -> None:
    print(msg, file=sys.stderr)


# ---------------------------------------------------------------------------
# Alignment
# ---------------------------------------------------------------------------


def prior(letter: str, chunk: str) -> float:
    """Log prior of a chunk for a letter: its usual onsets followed by vowels rank
    first; any other chunk keeps a small floor (by its length)."""
    best = -7.0 - 1.0 * len(chunk)
    for r, o in enumerate(ONSETS.get(letter, ())):
        if chunk.startswith(o):
            tail = chunk[len(o) :]
            if len(tail) <= MAX_TAIL and all(ch in VOWELS for ch in tail):
                best = max(best, -0.7 * r - 0.8 * len(tail))
    return best


def unit_prior(arabic: str, latin: str) -> float:
    """Initial (unnormalised) probability of a graphone: :func:`prior` of a letter; for two
    letters ``TWO_LETTER_PRIOR`` times the best split of the Latin side between them."""
    if len(arabic) == 1:
        return math.exp(prior(arabic, latin))
    return TWO_LETTER_PRIOR * max(
        math.exp(prior(arabic[0], latin[:k]) + prior(arabic[1], latin[k:])) for k in range(len(latin) + 1)
    )


def usable(arabic: str, latin: str, max_latin: int = MAX_LATIN) -> bool:
    """A pair the aligner can read: known letters, plain Latin, lengths compatible."""
    return (
        bool(arabic)
        and bool(latin)
        and all(ch in ONSETS for ch in arabic)
        and all(ch in LATIN_LETTERS for ch in latin)
        and len(latin) <= max_latin * len(arabic)
    )


def _lattice(pairs: list[tuple[str, str, int]], max_arabic: int):
    """Every pair's alignment lattice as flat arrays: arcs (source state, target state,
    graphone id, source layer = Arabic position), each pair's start and end state, the
    number of states and the graphones (ids -> "arabic:latin")."""
    ids: dict[str, int] = {}
    src: list[int] = []
    dst: list[int] = []
    gid: list[int] = []
    layer: list[int] = []
    starts: list[int] = []
    ends: list[int] = []
    off = 0
    for a, la, _w in pairs:
        n, m = len(a), len(la)
        width = m + 1
        starts.append(off)
        ends.append(off + n * width + m)
        for i in range(n):
            for j in range(min(m, MAX_LATIN * i) + 1):
                if m - j > MAX_LATIN * (n - i):
                    continue
                for da in range(1, max_arabic + 1):
                    i2 = i + da
                    if i2 > n:
                        break
                    for j2 in range(j + (1 if da > 1 else 0), min(m, j + MAX_LATIN) + 1):
                        if m - j2 > MAX_LATIN * (n - i2):
                            continue
                        key = a[i:i2] + ":" + la[j:j2]
                        g = ids.get(key)
                        if g is None:
                            g = ids[key] = len(ids)
                        src.append(off + i * width + j)
                        dst.append(off + i2 * width + j2)
                        gid.append(g)
                        layer.append(i)
        off += (n + 1) * width
    arr = partial(np.array, dtype=np.int64)
    return arr(src), arr(dst), arr(gid), arr(layer), arr(starts), arr(ends), off, list(ids)


def align_m2m(
    pairs: list[tuple[str, str, int]], iterations: int = EM_ITERATIONS, max_arabic: int = MAX_ARABIC
) -> list[tuple[list[str], int]]:
    """Many-to-many EM alignment (Arabic sides of 1 to ``max_arabic`` letters): (graphones,
    weight) of each alignable pair, input order kept."""
    t0 = time.time()
    data = [(a, la, w) for a, la, w in pairs if usable(a, la)]
    src, dst, gid, layer, starts, ends, n_states, units = _lattice(data, max_arabic)
    weights = np.array([w for _, _, w in data], dtype=float)
    pair_of = np.repeat(np.arange(len(data)), np.diff(np.append(starts, n_states)))
    p = np.array([unit_prior(*u.split(":")) for u in units])
    order = np.argsort(layer, kind="stable")
    src, dst, gid, layer = src[order], dst[order], gid[order], layer[order]
    bounds = np.searchsorted(layer, np.arange(int(layer.max()) + 2))
    spans = [(int(s), int(e)) for s, e in itertools.pairwise(bounds) if e > s]
    arc_pair = pair_of[src]
    for it in range(iterations):
        fwd = np.zeros(n_states)
        fwd[starts] = 1.0
        for s, e in spans:
            fwd += np.bincount(dst[s:e], weights=fwd[src[s:e]] * p[gid[s:e]], minlength=n_states)
        bwd = np.zeros(n_states)
        bwd[ends] = 1.0
        for s, e in reversed(spans):
            bwd += np.bincount(src[s:e], weights=bwd[dst[s:e]] * p[gid[s:e]], minlength=n_states)
        z = fwd[ends]
        scale = np.divide(weights, z, out=np.zeros_like(z), where=z > 0)
        counts = np.bincount(gid, weights=fwd[src] * p[gid] * bwd[dst] * scale[arc_pair], minlength=len(units))
        p = counts / counts.sum()
        ok = z > 0
        log(f"m2m EM {it + 1}: log-likelihood {float((weights[ok] * np.log(z[ok])).sum()):.0f}, "
            f"{int((counts > 0.5).sum())} graphones in use ({time.time() - t0:.0f}s)")
    # Viterbi: best arc into each state, layer by layer
    lp = np.log(np.maximum(p, 1e-300))
    best = np.full(n_states, -np.inf)
    best[starts] = 0.0
    back = np.full(n_states, -1, dtype=np.int64)
    for s, e in spans:
        cand = best[src[s:e]] + lp[gid[s:e]]
        d = dst[s:e]
        o = np.lexsort((-np.arange(e - s), cand, d))  # per target: highest score, first arc on ties
        last = np.r_[d[o][1:] != d[o][:-1], True]
        arcs = o[last] + s
        sc = best[src[arcs]] + lp[gid[arcs]]
        better = sc > best[dst[arcs]]
        best[dst[arcs[better]]] = sc[better]
        back[dst[arcs[better]]] = arcs[better]
    out: list[tuple[list[str], int]] = []
    for k, (_a, _la, w) in enumerate(data):
        state = int(ends[k])
        if not np.isfinite(best[state]):
            continue
        seq: list[str] = []
        while state != starts[k]:
            arc = int(back[state])
            seq.append(units[int(gid[arc])])
            state = int(src[arc])
        out.append((seq[::-1], w))
    log(f"m2m alignment: {len(out)} of {len(data)} pairs aligned ({time.time() - t0:.0f}s)")
    return out


def _viterbi_1to1(ar: str, la: str, logp) -> list[str] | None:
    """Best split of ``la`` into one chunk per letter of ``ar`` (None if none)."""
    n, m = len(ar), len(la)
    neg = -math.inf
    score = [[neg] * (m + 1) for _ in range(n + 1)]
    back = [[0] * (m + 1) for _ in range(n + 1)]
    score[0][0] = 0.0
    for i in range(n):
        letter = ar[i]
        row, nxt, nback = score[i], score[i + 1], back[i + 1]
        # every letter left needs at most MAX_CHUNK_1TO1 Latin letters: prune hopeless states
        lo = max(0, m - MAX_CHUNK_1TO1 * (n - i))
        for j in range(lo, m + 1):
            cur = row[j]
            if cur == neg:
                continue
            for k in range(j, min(m, j + MAX_CHUNK_1TO1) + 1):
                sc = cur + logp(letter, la[j:k])
                if sc > nxt[k]:
                    nxt[k] = sc
                    nback[k] = j
    if score[n][m] == neg:
        return None
    chunks = []
    k = m
    for i in range(n, 0, -1):
        j = back[i][k]
        chunks.append(la[j:k])
        k = j
    return chunks[::-1]


def align_1to1(pairs: list[tuple[str, str, int]], iterations: int = 4) -> list[tuple[list[str], int]]:
    """Round one's alignment, kept as a candidate: hard EM (Viterbi) of each pair against a
    per-letter chunk distribution, each Arabic letter emitting 0 to MAX_CHUNK_1TO1 Latin
    letters. (graphones, weight) per alignable pair, input order kept."""
    data = [(a, la, w) for a, la, w in pairs if usable(a, la, MAX_CHUNK_1TO1)]
    table: dict[str, tuple[dict[str, float], float]] = {}
    cache: dict[tuple[str, str], float] = {}

    def logp(letter: str, chunk: str) -> float:
        key = (letter, chunk)
        v = cache.get(key)
        if v is None:
            if not table:
                v = prior(letter, chunk)
            else:
                counts, tot = table.get(letter, ({}, 0.0))
                v = math.log((counts.get(chunk, 0.0) + 0.5 * math.exp(prior(letter, chunk))) / (tot + 1.0))
            cache[key] = v
        return v

    aligned: list[tuple[str, list[str], int]] = []
    for _ in range(iterations):
        new: dict[str, Counter] = defaultdict(Counter)
        aligned = []
        for a, la, w in data:
            chunks = _viterbi_1to1(a, la, logp)
            if chunks is None:
                continue
            aligned.append((a, chunks, w))
            for ch, ck in zip(a, chunks, strict=True):
                new[ch][ck] += w
        table = {k: (dict(c), float(sum(c.values()))) for k, c in new.items()}
        cache.clear()
    return [(graphones(a, ch), w) for a, ch, w in aligned]


def weight(count: int) -> int:
    """Training weight of a pair seen ``count`` times: grows with the log of the count."""
    return 1 + int(math.log2(count)) if count > 1 else 1


def graphones(arabic: str, chunks: list[str]) -> list[str]:
    return [f"{a}:{c}" for a, c in zip(arabic, chunks, strict=True)]


# ---------------------------------------------------------------------------
# Joint n-gram model (interpolated modified Kneser-Ney)
# ---------------------------------------------------------------------------


def ngram_counts(seqs: list[tuple[list[str], int]], order: int, bos: str = BOS, eos: str = EOS) -> list[Counter]:
    """Kneser-Ney counts per order: raw (weighted) counts for the top order and for
    n-grams that start at ``<s>`` (they cannot be extended to the left), continuation
    counts (distinct left extensions) for the other lower-order n-grams."""
    counts: list[Counter] = [Counter() for _ in range(order + 1)]
    for toks, w in seqs:
        full = [bos, *toks, eos]
        for i in range(1, len(full)):
            for n in range(1, min(order, i + 1) + 1):
                gram = tuple(full[i - n + 1 : i + 1])
                if n == order or gram[0] == bos:
                    counts[n][gram] += w
    for n in range(order, 1, -1):
        cont: Counter = Counter(g[1:] for g in counts[n])
        for gram, c in cont.items():
            if gram[0] != bos:
                counts[n - 1][gram] = c
    return counts


def _discounts(counts: Counter) -> tuple[float, float, float]:
    """Modified Kneser-Ney discounts (D1, D2, D3+) from the count-of-counts."""
    cc = Counter(min(round(c), 5) for c in counts.values())
    n1, n2, n3, n4 = cc[1], cc[2], cc[3], cc[4]
    if not (n1 and n2 and n3 and n4):
        return 0.5, 1.0, 1.5
    y = n1 / (n1 + 2 * n2)
    return (
        min(max(1 - 2 * y * n2 / n1, 0.05), 1.0),
        min(max(2 - 3 * y * n3 / n2, 0.05), 2.0),
        min(max(3 - 4 * y * n4 / n3, 0.05), 3.0),
    )


def kneser_ney(
    seqs: list[tuple[list[str], int]], order: int, bos: str = BOS, eos: str = EOS
) -> tuple[list[Counter], dict[tuple[str, ...], float]]:
    """(counts, log P of each seen n-gram's last token given the others) of an
    interpolated modified Kneser-Ney model over ``seqs`` (tokens, weight)."""
    counts = ngram_counts(seqs, order, bos, eos)
    vocab = {g[-1] for g in counts[1]}
    uniform = 1.0 / (len(vocab) + 1)
    prob: dict[tuple[str, ...], float] = {}
    for n in range(1, order + 1):
        d = (0.0, *_discounts(counts[n]))
        total: Counter = Counter()
        kinds: dict[tuple[str, ...], list[int]] = defaultdict(lambda: [0, 0, 0])
        for gram, c in counts[n].items():
            total[gram[:-1]] += c
            kinds[gram[:-1]][min(round(c), 3) - 1] += 1
        gamma = {h: (d[1] * k[0] + d[2] * k[1] + d[3] * k[2]) / total[h] for h, k in kinds.items()}
        for gram, c in counts[n].items():
            h = gram[:-1]
            lower = prob[gram[1:]] if n > 1 else uniform
            prob[gram] = max(c - d[min(round(c), 3)], 0.0) / total[h] + gamma[h] * lower
    return counts, {g: math.log(p) for g, p in prob.items()}


def ngram_lines(seqs: list[tuple[list[str], int]], order: int, prune: int, bos: str = BOS, eos: str = EOS) -> list[str]:
    """A model file's n-gram lines: ``ngram<TAB>logp<TAB>backoff`` (tokens joined by
    spaces; natural logs; logp empty for a context kept only as a context).

    N-grams of order >= 3 counted fewer than ``prune`` times are dropped, and each
    context's backoff weight is set so that its distribution still sums to one (as
    ARPA-format language models are pruned)."""
    counts, logprob = kneser_ney(seqs, order, bos, eos)
    keep = {g: lp for g, lp in logprob.items() if len(g) < 3 or counts[len(g)][g] >= prune}
    by_ctx: dict[tuple[str, ...], list[tuple[str, ...]]] = defaultdict(list)
    for g in keep:
        by_ctx[g[:-1]].append(g)

    def lower(g: tuple[str, ...]) -> float:
        """P(last | g[1:-1]) under the kept n-grams and the backoffs computed so far."""
        h, lp = g[1:-1], 0.0
        while True:
            v = keep.get((*h, g[-1]))
            if v is not None:
                return lp + v
            if not h:
                return -math.inf
            lp += logbow.get(h, 0.0)
            h = h[1:]

    logbow: dict[tuple[str, ...], float] = {}
    for h in sorted((h for h in by_ctx if h), key=lambda x: (len(x), x)):
        grams = by_ctx[h]
        seen = sum(math.exp(keep[g]) for g in grams)
        seen_lower = sum(math.exp(lower(g)) for g in grams)
        if seen < 1.0 and seen_lower < 1.0:
            logbow[h] = math.log((1.0 - seen) / (1.0 - seen_lower))
    lines = []
    for g in sorted(set(keep) | set(logbow), key=lambda x: (len(x), x)):
        lp = f"{keep[g]:.4f}" if g in keep else ""
        bow = f"\t{logbow[g]:.4f}" if g in logbow else ""
        lines.append(f"{' '.join(g)}\t{lp}{bow}")
    return lines


def weight_lines(weights: dict[str, float], display: dict[str, float] | None = None) -> list[str]:
    """The ranking weights as model-file lines ``@rank<TAB>name<TAB>weight``, then the
    display ranking's (``@display``; ``DISPLAY_WEIGHTS`` unless given)."""
    display = DISPLAY_WEIGHTS if display is None else display
    return [f"@rank\t{k}\t{v:g}" for k, v in weights.items()] + [f"@display\t{k}\t{v:g}" for k, v in display.items()]


def train_joint(
    pairs: list[tuple[str, str, int]], order: int = ORDER, aligner: str = "m2m",
    weights: dict[str, float] | None = None,
) -> list[str]:
    """The joint model's file lines from (arabic core, latin core, count) pairs: ranking
    weights, then the graphone n-grams. ``aligner`` is ``"m2m"`` (EM, one Arabic letter to 0-3
    Latin ones: shipped), ``"m2m2"`` (EM, one or two Arabic letters) or ``"1to1"`` (round one's)."""
    weighted = [(a, la, weight(c)) for a, la, c in pairs]
    if aligner == "1to1":
        seqs = align_1to1(weighted)
    else:
        seqs = align_m2m(weighted, max_arabic=2 if aligner == "m2m2" else MAX_ARABIC)
    lines = weight_lines(RANK_WEIGHTS if weights is None else weights) + ngram_lines(seqs, order, PRUNE_BELOW)
    log(f"joint model ({aligner}, order {order}): {len(pairs)} pairs, {len(seqs)} aligned, {len(lines)} lines")
    return lines


# ---------------------------------------------------------------------------
# The chunk model (namematch's first model, for comparison)
# ---------------------------------------------------------------------------


def train_chunk(pairs: list[tuple[str, str, int]]) -> list[str]:
    """Chunk counts per letter in context (levels 0-3) from the same alignment as
    namematch's first model (onset + vowels chunks only)."""
    data = [(a, la, c) for a, la, c in pairs if a and la and all(ch in ONSETS for ch in a)]

    def chunk_options(letter: str, latin: str, j: int):
        for o in ONSETS.get(letter, ()):
            if not latin.startswith(o, j):
                continue
            k = j + len(o)
            yield o, k
            t = 0
            while t < MAX_TAIL and k + t < len(latin) and latin[k + t] in VOWELS:
                t += 1
                yield latin[j : k + t], k + t

    def onset_prior(letter: str, chunk: str) -> float:
        best = -9.0
        for r, o in enumerate(ONSETS[letter]):
            if chunk.startswith(o) and all(ch in VOWELS for ch in chunk[len(o) :]):
                best = max(best, -0.7 * r - 0.8 * (len(chunk) - len(o)))
        return best

    table: dict[str, Counter] | None = None

    def logp(letter: str, chunk: str) -> float:
        if table is None:
            return onset_prior(letter, chunk)
        c = table.get(letter)
        if not c:
            return onset_prior(letter, chunk)
        tot = sum(c.values())
        return math.log((c.get(chunk, 0) + 0.1 * math.exp(onset_prior(letter, chunk))) / (tot + 1.0))

    def chunk_viterbi(ar: str, la: str) -> list[str] | None:
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
        if (n, m) not in best:
            return None
        chunks = []
        state: tuple[int, int] | None = (n, m)
        while state is not None and state != (0, 0):
            _sc, prev, chunk = best[state]
            chunks.append(chunk)
            state = prev
        return chunks[::-1]

    aligned: list[tuple[str, list[str], int]] = []
    for _it in range(4):
        new: dict[str, Counter] = defaultdict(Counter)
        aligned = []
        for a, la, w in data:
            chunks = chunk_viterbi(a, la)
            if chunks is None:
                continue
            wt = weight(w)
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
            counts[0][(ch, ck)] += wt
            counts[1][(ch + " " + pos, ck)] += wt
            counts[2][(ch + " " + nxt, ck)] += wt
            counts[3][(prev + " " + ch + " " + nxt, ck)] += wt
    lines = []
    for lv, c in enumerate(counts):
        for (ctx, ck), n in sorted(c.items()):
            if lv >= 2 and n < 2:
                continue
            lines.append(f"{lv}\t{ctx}\t{ck}\t{n}")
    print(f"chunk model: {len(data)} pairs, {len(aligned)} aligned, {len(lines)} lines", file=sys.stderr)
    return lines


CANDIDATES = {
    "joint": train_joint,
    "joint-m2m": partial(train_joint, aligner="m2m2"),
    "joint-1to1": partial(train_joint, aligner="1to1"),
    "joint-o4": partial(train_joint, order=4),
    "chunk": train_chunk,
}
#: The kind of model each candidate's lines are (how ``namematch.romanize`` reads them).
KINDS = {"joint": "joint", "joint-m2m": "joint", "joint-1to1": "joint", "joint-o4": "joint", "chunk": "chunk"}


def held_out_gold(shared: Path, fold: int) -> dict[str, set[str]]:
    """Arabic core -> its Latin spellings, of the token pairs of the fifth ``fold``."""
    import build_lexicon as bl  # a sibling tool (tools/ is the script's directory)

    gold: dict[str, set[str]] = defaultdict(set)
    for a, la, _count, _src, extra in bl.load_token_pairs(shared):
        if bl.is_test(a, fold):
            gold[a].update([la, *extra])
    return dict(gold)


def fit_weights(
    lines: list[str], gold: dict[str, set[str]], steps: int = 400, names: frozenset[str] | None = None
) -> dict[str, float]:
    """Fit the ranking weights on held-out tokens: a listwise softmax over each token's
    candidates (the wide search's and the words it proposes by skeleton) that puts its mass on the gold spellings; prints and
    returns the weights (rounded) for ``RANK_WEIGHTS``. With ``names`` (the known name
    spellings of the lexicon built without the held-out tokens), the display ranking's
    (``DISPLAY_FEATURES``) over the long list :meth:`JointModel.decode` ranks (the quick
    search's candidates, with the words it proposes, and the wide search's), for
    ``DISPLAY_WEIGHTS``."""
    model = JointModel.from_lines(lines)
    features = RANK_FEATURES if names is None else DISPLAY_FEATURES
    lists = []
    for form in sorted(gold):
        letters = [c for c in form if c in ONSETS or c.isdigit()]
        if not letters:
            continue
        found = model.candidates(letters, False, True, *WIDE_SEARCH)
        # with the words of the lists the wide search proposes by skeleton (as romanize ranks them)
        found = model.with_words(found, letters, model.skeleton_words(letters, model.words_proposed[1]), False)
        if names is not None:
            quick = model.candidates(letters, False, True, *model.quick_search)
            quick = model.with_words(quick, letters, model.skeleton_words(letters, model.words_proposed[0]), False)
            found = {**quick, **found}
        feats = model.features(found, True, names)
        y = np.array([s in gold[form] for s, _ in feats], dtype=float)
        if y.any():
            lists.append((np.array([f for _, f in feats]), y / y.sum()))
    scale = np.concatenate([x for x, _ in lists]).std(axis=0) + 1e-9
    w = np.zeros(len(features))
    w[0] = 1.0
    free = np.ones(len(features))
    if names is not None:
        # the display ranking is the ranking plus the name features: the ranking's weights
        # are kept (fitted on the same tokens without the name features), the others fitted
        w[: len(RANK_FEATURES)] = [RANK_WEIGHTS[k] for k in RANK_FEATURES]
        free[: len(RANK_FEATURES)] = 0.0
    for _ in range(steps):
        grad = np.zeros_like(w)
        for x, target in lists:
            s = x @ w
            p = np.exp(s - s.max())
            grad += x.T @ (target - p / p.sum())
        w += 0.5 * free * grad / len(lists) / scale**2
    weights = {k: round(float(v), 3) for k, v in zip(features, w, strict=True)}
    what = "ranking" if names is None else "display ranking"
    print(f"{what} weights fitted on {len(lists)} tokens with a gold candidate: {weights}")
    return weights


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--fold", type=int, default=None, help="leave out this fifth (0-4) of the development data")
    ap.add_argument("--candidate", choices=sorted(CANDIDATES), default="joint")
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--fit-weights", action="store_true",
                    help="fit the joint model's ranking weights on the held-out --fold (use 1) and print them")
    ap.add_argument("--display", action="store_true",
                    help="with --fit-weights: fit the display ranking's weights (names of the lexicon built without --fold)")
    args = ap.parse_args(argv)
    import build_lexicon as bl  # a sibling tool (tools/ is the script's directory)

    pairs = bl.model_pairs(args.shared, args.fold)
    if args.fit_weights:
        if args.fold is None:
            ap.error("--fit-weights needs --fold (the fifth the weights are fitted on)")
        names = None
        if args.display:
            from namematch import lexicon as lexmod

            var_lines, freq_lines = bl.lexicon_lines(bl.training_data(args.shared, args.fold))
            manual = (ROOT / "src" / "namematch" / "data" / "variants_manual.tsv").read_text(encoding="utf-8")
            lex = lexmod.build(var_lines, manual.splitlines(), freq_lines)
            names = name_spellings(lex.latin, lex.manual)
        fit_weights(train_joint(pairs), held_out_gold(args.shared, args.fold), names=names)
        return 0
    lines = CANDIDATES[args.candidate](pairs)
    if args.out is not None:
        text = "".join(line + "\n" for line in lines)
        args.out.write_text(text, encoding="utf-8")
        log(f"wrote {args.out}: {len(lines)} lines, {len(text.encode()) / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
