"""Whether the transliteration model would write an Arabic-script word as a given Latin word.

Scoring compares a Latin name unit with an Arabic-script one the lexicon does not list through
the few spellings the model's quick search proposes (``romanize_unit(core, limit=4)``); a
spelling the press uses may be one the search ranked lower or never reached (عون is "oun" or
"on" to the search, Aoun in the press; معوض "moud" to it, Moawad in the press). Here the Latin
word itself is scored under the model: the joint log-probability of its best alignment to the
Arabic letters (:meth:`namematch._translit.JointModel.forced`), against that of the search's
own spellings. A spelling the model finds almost as likely as its own is one it would write; a
different name of similar letters needs letters the Arabic word does not have (a consonant
more, less or other), which the model cannot align or finds far less likely.

A Latin word is also read with the letters English-language text writes without their marks
(:data:`_UNMARKED`: Turkish and Slavic s for ş/š, c for ç/č/ć, z for ž: Simsek is Şimşek,
شيمشك), each such reading at a cost.
"""

from __future__ import annotations

import functools
import re
from typing import Final

from namematch._foreign import foreign_readings
from namematch._translit import ONSETS, JointModel
from namematch.keys import latin_skeletons

#: Letters written without their diacritic mark, and the sound the mark gives them, in the
#: spelling a romanisation of Arabic script uses: s for ş (Turkish), š (Slavic, Baltic), ș
#: (Romanian); c for ç (Turkish), č, ć (Slavic); z for ž (Slavic, Baltic). Only a letter of its
#: own (not the s of sh or ts, the c of ch, ck, cz or cs, the z of zh, tz, dz or cz). Each rule
#: is taken or not, at all its places at once (a name writes one letter one way).
_UNMARKED: Final = (
    (re.compile(r"(?<![tcz])s(?![hz])"), "sh"),
    (re.compile(r"c(?![hkzs])"), "ch"),
    (re.compile(r"(?<![tdcsr])z(?!h)"), "zh"),
)
#: Log-probability a reading that restores diacritic marks costs, per rule applied.
UNMARKED_COST: Final = 1.0
#: How far (log-probability) below the model's own best spelling a Latin word may be and still
#: be read as one the model would write.
WITHIN: Final = 3.5
#: Most readings of a Latin word scored (the word, its foreign readings, the unmarked ones).
_MAX_TARGETS: Final = 16
#: Shortest Latin word read (shorter ones fit too many Arabic words).
_MIN_LATIN: Final = 3


@functools.lru_cache(maxsize=1 << 15)
def latin_targets(word: str) -> tuple[tuple[str, float], ...]:
    """(reading, cost) of a lower-case Latin word: the word, then the word with the letters of
    :data:`_UNMARKED` restored (:data:`UNMARKED_COST` per rule applied), each with its foreign
    readings (:func:`namematch._foreign.foreign_readings`) at its own cost; () for a word too
    short or not plain a-z."""
    if len(word) < _MIN_LATIN or not (word.isascii() and word.isalpha()):
        return ()
    marked: dict[str, float] = {word: 0.0}
    for pattern, sound in _UNMARKED:
        for r, cost in list(marked.items()):
            new = pattern.sub(sound, r)
            if new not in marked:
                marked[new] = cost + UNMARKED_COST
    out: dict[str, float] = {}
    for r, cost in marked.items():
        for x in (r, *foreign_readings(r)):
            if x not in out:
                out[x] = cost
    return tuple(list(out.items())[:_MAX_TARGETS])


@functools.lru_cache(maxsize=1 << 15)
def target_skeletons(word: str) -> frozenset[str]:
    """The consonant skeletons (:func:`namematch.keys.latin_skeletons`) of a Latin word's
    readings (:func:`latin_targets`): a reading the model may align with an Arabic-script word
    has one of the word's skeletons (the matrix indexes them)."""
    return frozenset(k for r, _ in latin_targets(word) for k in latin_skeletons(r))


@functools.lru_cache(maxsize=1 << 16)
def model_spells(arabic: str, persian: bool, own: tuple[str, ...], word: str, model: JointModel) -> bool:
    """Whether ``model`` writes the Arabic-script word ``arabic`` (normalised letters) as the
    Latin word ``word`` (lower-case) or a reading of it (:func:`latin_targets`): the best
    reading's alignment, less its cost, is at most :data:`WITHIN` below the best of the model's
    own spellings ``own`` (the quick search's), both by :meth:`JointModel.forced`."""
    letters = [c for c in arabic if c in ONSETS]
    targets = latin_targets(word)
    mine = [s for s in own if s.isascii() and s.isalpha()]
    if not letters or not targets or not mine:
        return False
    scored = model.forced(letters, list(dict.fromkeys([*mine, *(t for t, _ in targets)])), persian)
    ref = max((scored[s] for s in mine if s in scored), default=None)
    if ref is None:
        return False
    best = max((scored[t] - cost for t, cost in targets if t in scored), default=None)
    return best is not None and best >= ref - WITHIN
