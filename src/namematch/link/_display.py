"""The display name of an entity (private): the registry name, a Latin mention, or the
press-style romanisation that :func:`namematch.romanize` owns."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from namematch.link._coref import unit_cores
from namematch.normalize import LATIN, script_of
from namematch.registry import Person
from namematch.romanize import romanize

__all__ = ["display_name"]


def display_name(person: Person | None, forms: Sequence[str], romanise_form: Sequence[str] = ()) -> str:
    """The display name of an entity: the registry name; else its most complete
    Latin mention (most name units, then most frequent, then first); else a
    press-style romanisation (``romanize(..., style="display")``) of its most complete
    Arabic-script mention
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
        return romanize(pool[best], style="display")
    except Exception:  # a name romanize cannot read is shown as written
        return forms[best]
