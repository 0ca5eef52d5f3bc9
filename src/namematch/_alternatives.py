"""A mention that lists several names of one person (private; used by the registry).

Sanctions lists and the reports quoting them often write a person's names in one string:
``"Abdul Rehman; Abd Ur-Rehman"``, ``"Ivan Sokolov a.k.a. Iwan Sokolow"``, or a name
followed by its other spellings in parentheses, ``"حاجى مالك نورزى (Hajji Malik Noorzai;
Haji Malek Noorzai)"``. Read as one name, such a string is a long name no record carries.
:func:`alternatives` splits it into the names it lists; :meth:`Registry.match` tries each
and keeps, per person, the alternative that fits best.

The separators are the list separators of such strings, never a character a single name is
written with: ``;``, the words ``a.k.a.`` and ``f.k.a.`` (with their dots, or as
``a/k/a``), and a parenthesised part. A comma is not one (``"FAMILY, Given"`` is one name),
nor a slash or hyphen (``"Abd-al-Rahman"``). A parenthesised part is an alternative of its
own and the text around it another (``"Jose (Jesus) Enrique"`` gives ``"Jose Enrique"`` and
``"Jesus"``); a part that is a note rather than a name (``"(Tigrinya)"``) then scores low
against every record and does no harm.

>>> alternatives("Ali Hassan")
('Ali Hassan',)
>>> alternatives("Abdul Rehman; Abd Ur-Rehman;  ")
('Abdul Rehman', 'Abd Ur-Rehman')
>>> alternatives("SOKOLOV, Ivan a.k.a. Iwan Sokolow")
('SOKOLOV, Ivan', 'Iwan Sokolow')
>>> alternatives("Malik Noorzai (Malak Noorzai; Malek Nurzai)")
('Malik Noorzai', 'Malak Noorzai', 'Malek Nurzai')
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["MAX_ALTERNATIVES", "alternatives"]

#: At most this many alternatives of one mention are tried (the first ones, in reading order).
MAX_ALTERNATIVES: Final = 8

_PARENS: Final = re.compile(r"[(\[]([^()\[\]]*)[)\]]")
_SEPARATOR: Final = re.compile(r";|(?<![\w.])(?:[af]\.k\.a\.?|[af]/k/a)(?![\w])", re.IGNORECASE)
_SPACES: Final = re.compile(r"\s+")


def _parts(text: str) -> list[str]:
    """The non-empty pieces of ``text`` between separators, spaces tidied."""
    pieces = (_SPACES.sub(" ", p).strip(" ,") for p in _SEPARATOR.split(text))
    return [p for p in pieces if any(ch.isalpha() for ch in p)]


def alternatives(mention: str) -> tuple[str, ...]:
    """The names a mention lists (see the module): the mention itself when it holds no
    separator, else its parts outside parentheses, then those inside, each once, in reading
    order, at most :data:`MAX_ALTERNATIVES`. Never empty: a mention whose every part is
    empty is its own only alternative."""
    if ";" not in mention and "(" not in mention and "[" not in mention and not _SEPARATOR.search(mention):
        return (mention,)
    inner = [p for m in _PARENS.finditer(mention) for p in _parts(m.group(1))]
    outer = _parts(_PARENS.sub(" ", mention))
    found = tuple(dict.fromkeys(outer + inner))[:MAX_ALTERNATIVES]
    return found or (mention,)
