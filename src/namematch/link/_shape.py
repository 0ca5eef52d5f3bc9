"""Name shape: is an Arabic-script word shaped like a name? (private)

A foreign name written in Arabic or Persian script (``بارانوف``, ``كراوسبرغ``,
``لیندکویست``, ``کوالچیک``) is in no list, and often rare in the word-frequency
lists too; its letters are not those of Arabic and Persian word patterns
(roots in templates, the article, plural and feminine endings). The shipped
table ``data/link_name_shape.tsv`` (built by ``tools/build_name_shape.py`` from
the name-element lexicon and wordfreq's Arabic and Persian lists) weighs each
2- to 4-letter n-gram; a word's shape score is the sum of its n-grams' weights
divided by the square root of their number: above 0 shaped like a name, below
like an ordinary word. Loanwords (``کنفرانس``) are shaped like names too: the
frequency evidence and the context tell them apart.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Final

from namematch.normalize import normalize_arabic

__all__ = ["fold", "ngrams", "shape_score"]

#: Persian letters read as their Arabic neighbours: one foreign sound is written with either.
_PERSIAN_LETTERS: Final = str.maketrans("پچژگ", "بجزك")


def fold(form: str) -> str:
    """The form a word is scored in: normalised, spaces and the article removed,
    پ چ ژ گ read as ب ج ز ك.

    >>> fold("گراوبنر"), fold("البوزيدي")
    ('كراوبنر', 'بوزيدي')
    """
    f = normalize_arabic(form).replace(" ", "").translate(_PERSIAN_LETTERS)
    if f.startswith("ال") and len(f) > 4:
        f = f[2:]
    return f


def ngrams(folded: str) -> list[str]:
    """The 2- to 4-letter n-grams of a folded word, ``<`` and ``>`` marking its ends."""
    s = f"<{folded}>"
    return [s[i : i + n] for n in (2, 3, 4) for i in range(len(s) - n + 1)]


def shape_score(stem: str, table: Mapping[str, float]) -> float:
    """The name-shape score of a normalised Arabic-script word (0.0 when none of its
    n-grams is in ``table``)."""
    ws = [table[g] for g in ngrams(fold(stem)) if g in table]
    return sum(ws) / math.sqrt(len(ws)) if ws else 0.0
