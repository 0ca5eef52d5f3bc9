"""A scorer's user lexicon at work (part of :mod:`namematch.score`; the lists themselves are
:class:`namematch.user_lexicon.UserLexicon`).

Three places read it, all owned by one :class:`~namematch.score.Scorer`: preparing a name
(:func:`drop_words`: the user's honorifics and titles leave the ends of the name), comparing
two units (:func:`user_similarity`: two forms of one user group are listed variants of one
name) and the score matrix (:func:`rescore_user_pairs`: pairs that meet only through a user
group are scored in full, so a matrix cell still equals :meth:`Scorer.score`).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any, Final

from namematch.score._units import INITIAL_MATCH, LEXICON, _Prepared, _Unit
from namematch.user_lexicon import UserLexicon

__all__ = ["USER_VARIANT", "drop_words", "rescore_user_pairs", "user_groups", "user_similarity"]

#: Similarity of two units listed in one user group: that of a shipped group's variants.
USER_VARIANT: Final = 0.95

Fields = tuple[Any, ...]


def drop_words(fields: tuple[Fields, ...], dropped: frozenset[str]) -> tuple[Fields, ...]:
    """Name-unit fields (``parse.name_fields``) without the user's honorifics and titles at
    the start and the end of the name, one name unit always kept."""
    lo, hi = 0, len(fields)
    while hi - lo > 1 and fields[lo][1] in dropped:
        lo += 1
    while hi - lo > 1 and fields[hi - 1][1] in dropped:
        hi -= 1
    return fields[lo:hi] if (lo, hi) != (0, len(fields)) else fields


def unit_groups(lexicon: UserLexicon, u: _Unit) -> tuple[int, ...]:
    """The user groups of a unit (none for an initial)."""
    if u.initial:
        return ()
    return lexicon.groups_of(u.core) or lexicon.groups_of(u.norm)


def user_similarity(
    lexicon: UserLexicon, base: Callable[[_Unit, _Unit], tuple[float, str]]
) -> Callable[[_Unit, _Unit], tuple[float, str]]:
    """``base`` unit similarity with the user's groups first: two units of one group compare
    at :data:`USER_VARIANT` as ``"lexicon variant"`` (unless ``base`` finds them closer)."""

    def similarity(u: _Unit, v: _Unit) -> tuple[float, str]:
        hit = base(u, v)
        if hit[0] < USER_VARIANT and hit[1] != INITIAL_MATCH:
            gu = unit_groups(lexicon, u)
            if gu and not set(gu).isdisjoint(unit_groups(lexicon, v)):
                return USER_VARIANT, LEXICON
        return hit

    return similarity


def user_groups(lexicon: UserLexicon, prep: _Prepared) -> set[int]:
    """The user groups of all the units of a prepared name."""
    out: set[int] = set()
    for u in prep.units:
        out.update(unit_groups(lexicon, u))
    return out


def rescore_user_pairs(
    rows: Any,
    queries: Sequence[object],
    choices: Sequence[object],
    prepare: Callable[[str], _Prepared],
    value: Callable[[str, str], float],
    lexicon: UserLexicon,
    score_cutoff: float | None,
) -> None:
    """Score in full, in place, the matrix cells whose two names share a user group."""
    by_group: dict[int, list[int]] = {}
    for j, c in enumerate(choices):
        if isinstance(c, str):
            for g in user_groups(lexicon, prepare(c)):
                by_group.setdefault(g, []).append(j)
    if not by_group:
        return
    for i, q in enumerate(queries):
        if not isinstance(q, str):
            continue
        cells = {j for g in user_groups(lexicon, prepare(q)) for j in by_group.get(g, ())}
        for j in sorted(cells):
            c = choices[j]
            assert isinstance(c, str)
            s = value(q, c)
            if score_cutoff is not None and s < score_cutoff:
                s = 0.0
            if not (isinstance(rows[i][j], float) and math.isnan(rows[i][j])):
                rows[i][j] = s
