"""How the Latin spelling of a foreign name sounds, as a romanisation of Arabic script would
spell it (package-private; the readings of ``data/foreign_spellings.tsv``).

Arabic and Persian news write a foreign name by its sound: Tajani is تاياني (the Italian j is
a y), Scholz شولتس (the German z is ts), Xi شي (the Pinyin x is sh). :func:`foreign_readings`
gives a Latin word's readings under the orthographies the table lists, for the scorer to
compare with the romanised spellings of an Arabic-script unit.

>>> foreign_readings("tajani")  # Italian j = y; Spanish j = kh; French j = zh
('tayani', 'takhani', 'tazhani')
>>> foreign_readings("scholz")
('scholts',)
>>> foreign_readings("ali")
()
"""

from __future__ import annotations

import functools
import re
from typing import Final

from namematch._data import data_lines

__all__ = ["foreign_readings"]

_VOWEL: Final = "[aeiouy]"
#: The context of each ``where`` of the table, around the Latin letters.
_CONTEXTS: Final = {
    "any": ("", ""),
    "start": ("^", f"(?={_VOWEL})"),
    "vowels": (f"(?<={_VOWEL})", f"(?={_VOWEL})"),
    "vowel": ("", f"(?={_VOWEL})"),
    "front": ("", "(?=[eiy])"),
    "alone": ("(?<![cst])", ""),
    # a letter of its own: not of a group before or after it (ch, ck, cz, cs, sch, tc)
    "single": ("(?<![cst])", "(?![hkzs])"),
    # the last letters of a word of four letters or more, after a vowel (French Barrot, Yves)
    "end": (f"(?<=..{_VOWEL})", "$"),
    # the last letters of a word of four letters or more, after a consonant (English Pete, Claire)
    "endc": ("(?<=..[^aeiouy])", "$"),
    # the last letters of a word, after a consonant (Korean Choe)
    "last": ("(?<=[^aeiouy])", "$"),
}
#: Most readings of one word (the rules that apply, alone and together, in the table's order).
MAX_READINGS: Final = 12


@functools.cache
def _rules() -> tuple[tuple[re.Pattern[str], str, str], ...]:
    """(pattern, reading, the Latin letters) of each row of the table, in file order."""
    rules = []
    for line in data_lines("foreign_spellings.tsv"):
        cols = line.split("\t")
        if len(cols) != 5:
            raise ValueError(f"foreign_spellings.tsv: expected 5 columns, not {len(cols)}: {line!r}")
        latin, reading, where = cols[:3]
        if reading == "-":  # a letter no romanisation writes (the Somali c, an ع)
            reading = ""
        elif not reading.isalpha():
            raise ValueError(f"foreign_spellings.tsv: bad row {line!r}")
        if where not in _CONTEXTS or not latin.isalpha():
            raise ValueError(f"foreign_spellings.tsv: bad row {line!r}")
        before, after = _CONTEXTS[where]
        rules.append((re.compile(before + re.escape(latin) + after), reading, latin))
    return tuple(rules)


@functools.lru_cache(maxsize=1 << 15)
def foreign_readings(word: str) -> tuple[str, ...]:
    """The readings of a lower-case Latin ``word`` under the foreign orthographies of the
    table, other than the word itself: each rule that applies (at each of its places) is
    taken or not, rule after rule in the table's order, so readings of one rule come before
    those of two (at most :data:`MAX_READINGS`)."""
    readings: dict[str, None] = {word: None}
    for pattern, reading, latin in _rules():
        if len(readings) > MAX_READINGS:
            break
        for r in list(readings):
            if latin in r:
                one = pattern.sub(reading, r)
                if one not in readings:
                    readings[one] = None
    del readings[word]
    return tuple(readings)[:MAX_READINGS]
