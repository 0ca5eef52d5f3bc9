"""Train namematch's transliteration model (Arabic script -> Latin) on the development data.

Two candidate models are trained from the same aligned pairs:

* ``joint`` (shipped): a joint-sequence model. Each training pair (an
  Arabic-script unit and a Latin spelling of it) is aligned letter by letter:
  every Arabic letter emits one Latin "chunk" (zero to four Latin letters, e.g.
  ``ب:b``, ``ا:``, ``ج:dj``, ``م:me``), a pair called a graphone. A
  Kneser-Ney smoothed n-gram model over graphone sequences (order ``ORDER``,
  interpolated, ``<s>``/``</s>`` at the ends) gives the joint probability of an
  Arabic unit and a spelling; romanisation searches the spellings of highest
  joint probability with a beam (``namematch.romanize``). The n-gram history
  carries what the letters before said about the name's origin. A letter n-gram
  model of the Latin spellings (order ``LATIN_ORDER``, tokens ``_x``) is written to
  the same file; romanisation reranks the beam's spellings with it. Orders 3 to 6
  gave the same held-out accuracy within 0.01; 3 decodes fastest.
* ``chunk``: namematch's first model, kept for comparison: counts of chunks
  per Arabic letter in a fixed context (previous letter, next letter, position),
  no memory of the spelling chosen so far.

Alignment: hard EM (Viterbi) of each pair against a per-letter chunk
distribution, initialised from ``namematch.romanize.ONSETS`` (the letters'
usual consonants followed by up to three vowels) with a small floor for any
other chunk of up to four letters, so that foreign spellings (ي as ``j``,
و as ``oo``, ك as ``x``) can be learned.

Usage::

    python tools/build_translit.py [--shared PATH] [--fold K] [--candidate joint|chunk] [--out FILE]

``--fold K`` leaves out the K-th fifth of the development tokens and persons
(the same hash split as ``tools/build_lexicon.py --fold``): benchmarks measure on
the fifth left out. Without ``--out`` the model's size is printed only.
``tools/build_lexicon.py`` writes the shipped ``data/translit_model.tsv`` with
this module's :func:`train_joint`.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from namematch.romanize import _MAX_TAIL, ONSETS, VOWELS  # noqa: E402

#: n-gram order of the joint model (graphones of history + the predicted one).
ORDER = 3
#: Longest Latin chunk one Arabic letter may emit.
MAX_CHUNK = 4
#: EM iterations of the alignment.
EM_ITERATIONS = 4
#: n-grams of order >= 3 seen fewer times than this (weighted) are dropped from the
#: shipped file (their mass goes to the lower orders through the backoff weights).
PRUNE_BELOW = 2
BOS, EOS = "<s>", "</s>"
LATIN_BOS, LATIN_EOS = "<w>", "</w>"
#: n-gram order of the Latin spelling model (letters).
LATIN_ORDER = 4
LATIN_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


# ---------------------------------------------------------------------------
# Alignment
# ---------------------------------------------------------------------------


def prior(letter: str, chunk: str) -> float:
    """Log prior of a chunk for a letter: its usual onsets followed by vowels rank
    first; any other chunk of up to MAX_CHUNK letters keeps a small floor."""
    best = -7.0 - 1.0 * len(chunk)
    for r, o in enumerate(ONSETS.get(letter, ())):
        if chunk.startswith(o):
            tail = chunk[len(o) :]
            if len(tail) <= _MAX_TAIL and all(ch in VOWELS for ch in tail):
                best = max(best, -0.7 * r - 0.8 * len(tail))
    return best


def usable(arabic: str, latin: str) -> bool:
    """A pair the aligner can read: known letters, plain Latin, lengths compatible."""
    return (
        bool(arabic)
        and bool(latin)
        and all(ch in ONSETS for ch in arabic)
        and all(ch in LATIN_LETTERS for ch in latin)
        and len(latin) <= MAX_CHUNK * len(arabic)
    )


def viterbi(ar: str, la: str, logp) -> list[str] | None:
    """Best split of ``la`` into one chunk per letter of ``ar`` (None if none)."""
    n, m = len(ar), len(la)
    neg = -math.inf
    score = [[neg] * (m + 1) for _ in range(n + 1)]
    back = [[0] * (m + 1) for _ in range(n + 1)]
    score[0][0] = 0.0
    for i in range(n):
        letter = ar[i]
        row, nxt, nback = score[i], score[i + 1], back[i + 1]
        # every letter left needs at most MAX_CHUNK Latin letters: prune hopeless states
        lo = max(0, m - MAX_CHUNK * (n - i))
        for j in range(lo, m + 1):
            cur = row[j]
            if cur == neg:
                continue
            for k in range(j, min(m, j + MAX_CHUNK) + 1):
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


def align(pairs: list[tuple[str, str, int]], iterations: int = EM_ITERATIONS) -> list[tuple[str, list[str], int]]:
    """Hard-EM alignment: (arabic, chunks, weight) per alignable pair, sorted input order kept."""
    data = [(a, la, w) for a, la, w in pairs if usable(a, la)]
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
            chunks = viterbi(a, la, logp)
            if chunks is None:
                continue
            aligned.append((a, chunks, w))
            for ch, ck in zip(a, chunks, strict=True):
                new[ch][ck] += w
        table = {k: (dict(c), float(sum(c.values()))) for k, c in new.items()}
        cache.clear()
    return aligned


def weight(count: int) -> int:
    """Training weight of a pair seen ``count`` times: grows with the log of the count."""
    return 1 + int(math.log2(count)) if count > 1 else 1


def graphones(arabic: str, chunks: list[str]) -> list[str]:
    return [f"{a}:{c}" for a, c in zip(arabic, chunks, strict=True)]


# ---------------------------------------------------------------------------
# Joint n-gram model (interpolated Kneser-Ney)
# ---------------------------------------------------------------------------


def ngram_counts(seqs: list[tuple[list[str], int]], order: int, bos: str = BOS, eos: str = EOS) -> list[Counter]:
    """Kneser-Ney counts per order: raw (weighted) counts for the top order and for
    n-grams that start at ``<s>`` (they cannot be extended to the left), continuation
    counts (distinct left extensions) for the other lower-order n-grams."""
    counts: list[Counter] = [Counter() for _ in range(order + 1)]
    for toks, w in seqs:
        full = [bos, *toks, eos]
        for i in range(1, len(full)):
            gram = tuple(full[max(0, i - order + 1) : i + 1])
            counts[len(gram)][gram] += w
    for n in range(order - 1, 0, -1):
        for gram in counts[n + 1]:
            counts[n][gram[1:]] += 1  # <s> counts as a left extension too
    return counts


def kneser_ney(
    seqs: list[tuple[list[str], int]], order: int, bos: str = BOS, eos: str = EOS
) -> tuple[list[Counter], dict[tuple[str, ...], float], dict[tuple[str, ...], float]]:
    """(counts, log P of each seen n-gram's last token given the others, log
    interpolation weight of each context) of an interpolated Kneser-Ney model over
    ``seqs`` (tokens, weight). P(g | h) of an n-gram not seen is the weight of h times
    P(g | h without its first token)."""
    counts = ngram_counts(seqs, order, bos, eos)
    vocab = {g[-1] for g in counts[1]}
    uniform = 1.0 / (len(vocab) + 1)
    prob: dict[tuple[str, ...], float] = {}
    logbow: dict[tuple[str, ...], float] = {}
    for n in range(1, order + 1):
        n1 = sum(1 for c in counts[n].values() if c == 1)
        n2 = sum(1 for c in counts[n].values() if c == 2)
        d = n1 / (n1 + 2 * n2) if n1 and n2 else 0.5
        total: Counter = Counter()
        types: Counter = Counter()
        for gram, c in counts[n].items():
            total[gram[:-1]] += c
            types[gram[:-1]] += 1
        gamma = {h: d * types[h] / total[h] for h in total}
        for gram, c in counts[n].items():
            h = gram[:-1]
            lower = prob[gram[1:]] if n > 1 else uniform
            prob[gram] = max(c - d, 0.0) / total[h] + gamma[h] * lower
        for h, g in gamma.items():
            if h:
                logbow[h] = math.log(g)
    return counts, {g: math.log(p) for g, p in prob.items()}, logbow


def joint_lines(aligned: list[tuple[str, list[str], int]], order: int = ORDER, prune: int = PRUNE_BELOW) -> list[str]:
    """The joint model's lines (graphone n-grams)."""
    return ngram_lines([(graphones(a, ch), w) for a, ch, w in aligned], order, prune, BOS, EOS)


def latin_lines(latin: list[tuple[str, int]], order: int = LATIN_ORDER, prune: int = PRUNE_BELOW) -> list[str]:
    """The Latin spelling model's lines: letter n-grams of the training spellings, each
    letter written ``_x`` (``<w>``, ``</w>`` at the ends)."""
    return ngram_lines([(["_" + c for c in la], w) for la, w in latin], order, prune, LATIN_BOS, LATIN_EOS)


def ngram_lines(seqs: list[tuple[list[str], int]], order: int, prune: int, bos: str, eos: str) -> list[str]:
    """A model file's lines: ``ngram<TAB>logp<TAB>backoff`` (tokens joined by spaces;
    natural logs; logp empty for a context kept only as a context).

    N-grams of order >= 3 counted fewer than ``prune`` times are dropped, and each
    context's backoff weight is renormalised so that its distribution still sums to one
    (as ARPA-format language models are pruned)."""
    counts, logprob, _ = kneser_ney(seqs, order, bos, eos)
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


def train_joint(pairs: list[tuple[str, str, int]], order: int = ORDER) -> list[str]:
    """The joint model's file lines from (arabic core, latin core, count) pairs."""
    aligned = align([(a, la, weight(c)) for a, la, c in pairs])
    lines = joint_lines(aligned, order) + latin_lines([(la, weight(c)) for a, la, c in pairs if usable(a, la)])
    print(f"joint model: {len(pairs)} pairs, {len(aligned)} aligned, {len(lines)} lines", file=sys.stderr)
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
            while t < _MAX_TAIL and k + t < len(latin) and latin[k + t] in VOWELS:
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


CANDIDATES = {"joint": train_joint, "chunk": train_chunk}

#: First line of a joint model file (after the comment header): tells the loader the format.
JOINT_FORMAT = "#format\tjoint-ngram"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--fold", type=int, default=None, help="leave out this fifth (0-4) of the development data")
    ap.add_argument("--candidate", choices=sorted(CANDIDATES), default="joint")
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT / "tools"))
    import build_lexicon as bl

    pairs = bl.model_pairs(args.shared, args.fold)
    lines = CANDIDATES[args.candidate](pairs)
    if args.out is not None:
        text = "".join(line + "\n" for line in lines)
        args.out.write_text(text, encoding="utf-8")
        print(f"wrote {args.out}: {len(lines)} lines, {len(text.encode()) / 1e6:.1f} MB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
