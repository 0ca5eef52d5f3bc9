"""What the words around a mention name: countries and offices (private)."""

from __future__ import annotations

from functools import lru_cache
from typing import Final

from namematch.link._evidence import stan_country
from namematch.link._resources import LinkWords, words
from namematch.link._scan import arabic_readings, scan

__all__ = ["OFFICES", "RULERS", "context_countries", "context_roles"]

#: Offices that tell namesakes apart (a king is not a minister). "president" and "speaker"
#: are left out: Arabic رئيس heads anything (a parliament, a council, a government).
OFFICES: Final = frozenset({"minister", "ambassador", "king", "prince", "emir", "envoy", "consul", "general",
                            "judge", "cleric", "pope"})
#: Offices whose holder is named by a given name alone, often with an ordinal (King X,
#: Sultan X, Pope X II): a regnal name.
RULERS: Final = frozenset({"king", "emir", "pope"})


def context_countries(context: str, lw: LinkWords | None = None) -> frozenset[str]:
    """The countries a mention's context words name ("Iraqi Foreign Minister" -> iraq)."""
    if not context:
        return frozenset()
    return _countries(context, lw or words())


#: Prepositions before a country that is the office's destination or portfolio, not the holder's
#: own ("Iran's envoy for Afghanistan", "ambassador to Iraq", سفير ... في, نماینده ... در امور).
_DESTINATIONS: Final = frozenset({"for", "to", "in", "في", "لدي", "الي", "در", "به"})


@lru_cache(maxsize=8192)
def _countries(context: str, lw: LinkWords) -> frozenset[str]:
    found: set[str] = set()
    since = 3  # words since a destination preposition
    for w in scan(context):
        since = 0 if w.norm in _DESTINATIONS else since + 1
        if since <= 2:
            continue  # (up to two words after it: "to the UAE", در امور افغانستان)
        forms = [w.norm, *w.parts] if not w.arabic else [s for _o, s in arabic_readings(w.norm)]
        for f in forms:
            for g in (f, f[:-1] if f.endswith("يه") else f):
                c = lw.country_of.get(g) or stan_country(g, lw)  # (القرغيزي of قرغيزستان)
                if c:
                    found.add(c)
    return frozenset(found)


def context_roles(context: str, lw: LinkWords | None = None) -> frozenset[str]:
    """The offices a mention's context names, canonical ("Foreign Minister" -> minister)."""
    if not context:
        return frozenset()
    return _roles(context, lw or words())


@lru_cache(maxsize=8192)
def _roles(context: str, lw: LinkWords) -> frozenset[str]:
    found: set[str] = set()
    for w in scan(context):
        forms = [w.norm, *w.parts] if not w.arabic else [s for _o, s in arabic_readings(w.norm)]
        for f in forms:
            role = lw.role_of.get(f)
            if role in OFFICES:
                found.add(role)
    return frozenset(found)
