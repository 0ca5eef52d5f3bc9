"""Retrieval keys with a user lexicon's variant groups (private; used by registry and cluster).

The spellings of one user group (:class:`namematch.UserLexicon`) share no key of their own
when their letters differ (Ioannis, Yannis, John): each unit in a user group also gets a
``u:`` key naming its group (by the group's first form), so the registry and the
clustering retrieve the spellings for each other, as the scorer then matches them.
"""

from __future__ import annotations

from namematch._index import DEFAULT_RETRIEVAL, NameKeys, RetrievalConfig, name_keys
from namematch.keys import keyed_units
from namematch.resources import Resources
from namematch.user_lexicon import UserLexicon

__all__ = ["layered_name_keys"]


def layered_name_keys(
    name: str, lexicon: UserLexicon | None, resources: Resources | None = None,
    config: RetrievalConfig = DEFAULT_RETRIEVAL,
) -> NameKeys:
    """:func:`namematch._index.name_keys` (with the name data of ``resources`` and the retrieval
    ``config``) with a ``u:`` key per user group of each unit."""
    nk = name_keys(name, resources, config)
    if lexicon is None or not lexicon.variants:
        return nk
    units = []
    for ks, (core, _keys) in zip(nk.units, keyed_units(name, resources), strict=True):
        groups = lexicon.groups_of(core)
        units.append(ks | {"u:" + lexicon.variants[g][0] for g in groups} if groups else ks)
    return NameKeys(tuple(units), nk.pairs)
