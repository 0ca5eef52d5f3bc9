"""The display name of an entity (private): one function, so the spelling rule
lives in one place."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Final

from namematch.link._coref import unit_cores
from namematch.normalize import LATIN, script_of
from namematch.registry import Person
from namematch.romanize import romanize

__all__ = ["capitalise", "display_name"]

_LOWER: Final = frozenset({"bin", "ibn", "bint", "ul", "ud", "e", "de", "van", "von"})
_ARTICLES: Final = frozenset({"al", "el"})


def capitalise(name: str) -> str:
    """Press-style capitals for a lower-case romanisation: each word capitalised,
    ``al``/``el`` joined to the next word by a hyphen (``al-Sudani``), lineage words
    in lower case (``bin``); the first word always capitalised.

    >>> capitalise("mohammed shia al sudani")
    'Mohammed Shia al-Sudani'
    >>> capitalise("al sudani"), capitalise("hamad bin jassim")
    ('Al-Sudani', 'Hamad bin Jassim')
    """
    words = name.split()
    out: list[str] = []
    k = 0
    while k < len(words):
        w = words[k]
        if w.lower() in _ARTICLES and k + 1 < len(words):
            joined = f"{w.lower()}-{words[k + 1][:1].upper()}{words[k + 1][1:]}"
            out.append(joined[:1].upper() + joined[1:] if not out else joined)
            k += 2
            continue
        if w.lower() in _LOWER and out:
            out.append(w.lower())
        else:
            out.append("-".join(p[:1].upper() + p[1:] for p in w.split("-")))
        k += 1
    return " ".join(out)


def display_name(person: Person | None, forms: Sequence[str], romanise_form: Sequence[str] = ()) -> str:
    """The display name of an entity: the registry name; else its most complete
    Latin mention (most name units, then most frequent, then first); else a
    capitalised romanisation of its most complete Arabic-script mention
    (``romanise_form``, when given, holds the forms to romanise, in the order of
    ``forms``: e.g. glued compounds split)."""
    if person is not None:
        return person.name
    latin = [f for f in forms if script_of(f) == LATIN]
    if latin:
        counts = Counter(latin)
        return max(counts, key=lambda r: (len(unit_cores(r)), counts[r], -latin.index(r)))
    if not forms:
        return ""
    pool = list(romanise_form) if len(romanise_form) == len(forms) else list(forms)
    best = max(range(len(pool)), key=lambda i: (len(unit_cores(pool[i])), -i))
    try:
        return capitalise(romanize(pool[best]))
    except Exception:  # a name romanize cannot read is shown as written
        return forms[best]
