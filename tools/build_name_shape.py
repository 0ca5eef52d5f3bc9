"""Build the name-shape table of the linker: character n-gram weights that tell a name
written in Arabic script (above all a foreign name transliterated: ``بارانوف``,
``كراوسبرغ``, ``لیندکویست``) from an ordinary Arabic or Persian word.

Reads only what an installed namematch has:

* names: the Arabic-script forms of the name-element lexicon (``data/variants.tsv``,
  ``data/frequency.tsv``, persons' names of every nation taken from Wikidata and the
  sanctions lists) and the given names of ``data/link_given_names.txt``;
* ordinary words: ``wordfreq``'s Arabic and Persian lists (every word of at least one
  in a million; its data is CC-BY-SA 4.0), less the names above.

Each word is folded (:func:`fold`: the normal form, the article removed, the Persian
letters پ چ ژ گ read as ب ج ز ك, since Arabic and Persian write one foreign sound with
either), wrapped in ``<`` ``>`` and cut into its 2- to 4-letter n-grams. The weight of
an n-gram is the naive-Bayes log ratio of the share of names and of ordinary words
holding it (add-one smoothing); n-grams held by fewer than ``MIN_COUNT`` words are
left out. ``namematch.link`` sums the weights of a word's n-grams (divided by the
square root of their number): above 0 the word is shaped like a name.

Writes ``src/namematch/data/link_name_shape.tsv`` deterministically (sorted).

Usage: ``python tools/build_name_shape.py [--out PATH]``
"""

from __future__ import annotations

import argparse
import math
from collections import Counter
from pathlib import Path

from namematch.evaluation import shipped_lines as data_lines
from namematch.evaluation import write_atomic as _atomic_write
from namematch.link._shape import fold, ngrams

ROOT = Path(__file__).resolve().parent.parent

OUT = ROOT / "src" / "namematch" / "data" / "link_name_shape.tsv"
#: An n-gram must occur in this many words (names and ordinary words together).
MIN_COUNT = 5
HEADER = """\
# namematch link: character n-gram weights of name shape (namematch.link._shape)
# Built by tools/build_name_shape.py (do not edit by hand: change the tool, then rebuild).
# Names: the Arabic-script forms of variants.tsv and frequency.tsv (Wikidata CC0 1.0 and the
# sources those files name) and link_given_names.txt. Ordinary words: wordfreq's Arabic and
# Persian lists (CC-BY-SA 4.0; https://github.com/rspeer/wordfreq), less the names.
# Format: ngram<TAB>weight (log ratio of the share of names and of ordinary words holding the
# n-gram; '<' and '>' mark the start and end of a word, folded as link._shape.fold does).
"""


def _arabic(form: str) -> bool:
    return bool(form) and all("\u0600" <= c <= "\u06ff" for c in form)


def names() -> set[str]:
    """Folded Arabic-script name elements of the shipped lexicon and given-name list."""
    out: set[str] = set()
    for line in data_lines("variants.tsv"):
        forms = line.split("\t")[0]
        if forms != "-":
            out.update(fold(f) for f in forms.split("|"))
    for line in data_lines("frequency.tsv"):
        out.add(fold(line.split("\t")[0]))
    out.update(fold(g) for g in data_lines("link_given_names.txt"))
    return {f for f in out if len(f) >= 2 and _arabic(f)}


def ordinary(exclude: set[str]) -> set[str]:
    """Folded words of wordfreq's Arabic and Persian lists that are no listed name."""
    from wordfreq import get_frequency_list

    out: set[str] = set()
    for lang in ("ar", "fa"):
        for bucket in get_frequency_list(lang, "small"):
            for form in bucket:
                if form.isalpha():
                    f = fold(form)
                    if len(f) >= 2 and _arabic(f) and f not in exclude:
                        out.add(f)
    return out


def weights(pos: set[str], neg: set[str]) -> dict[str, float]:
    cp: Counter[str] = Counter()
    cn: Counter[str] = Counter()
    for w in pos:
        cp.update(set(ngrams(w)))
    for w in neg:
        cn.update(set(ngrams(w)))
    tp, tn = len(pos), len(neg)
    out = {}
    for g in set(cp) | set(cn):
        if cp[g] + cn[g] >= MIN_COUNT:
            out[g] = math.log((cp[g] + 1) / (tp + 2)) - math.log((cn[g] + 1) / (tn + 2))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    pos = names()
    neg = ordinary(pos)
    table = weights(pos, neg)
    body = "".join(f"{g}\t{w:.2f}\n" for g, w in sorted(table.items()) if round(w, 2) != 0.0)
    text = HEADER + body
    _atomic_write(args.out, lambda fh: fh.write(text))
    print(f"{len(pos)} names, {len(neg)} ordinary words, {body.count(chr(10))} n-grams -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
