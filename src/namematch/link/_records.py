"""The public records of the linker: mentions, linked mentions and entities."""

from __future__ import annotations

import attrs

from namematch.parse import ParsedName
from namematch.registry import Person

__all__ = ["Entity", "EntityMention", "LinkedMention", "Mention"]


@attrs.frozen(slots=True)
class Mention:
    """One person mention found in a text.

    ``text`` is exactly ``source[start:end]``: the name words as written, without
    the titles, honorifics, possessive ``'s``, quotes or proclitics (``و``,
    ``ل``, ``ب``…) around them. ``context`` holds the title, role and nationality
    words written around it ("Iranian Foreign Minister", "وزير الخارجية
    الإيراني", or a role in apposition after the name), ``honorific`` the
    honorific among them ("Sayyid", "Dr."), if any.
    """

    text: str
    start: int
    end: int
    script: str
    parsed: ParsedName = attrs.field(eq=False, repr=False)
    context: str = ""
    honorific: str = ""


@attrs.frozen(slots=True)
class LinkedMention:
    """A :class:`Mention` with its coreference antecedent and registry person.

    ``antecedent`` is the index (in the list :func:`link` returns) of the fullest
    mention of the same person in the document, or None when this mention is
    that fullest one or stands alone; it may point forward (a headline surname
    before the full name). ``person`` and ``score`` come from the registry match
    of the chain's fullest form (None and 0.0 without a registry or a match).
    """

    mention: Mention
    person: Person | None = None
    score: float = 0.0
    antecedent: int | None = None

    @property
    def text(self) -> str:
        return self.mention.text

    @property
    def start(self) -> int:
        return self.mention.start

    @property
    def end(self) -> int:
        return self.mention.end

    @property
    def script(self) -> str:
        return self.mention.script


@attrs.frozen(slots=True)
class EntityMention:
    """One mention of an :class:`Entity`: where it is and how it is written."""

    doc_id: str
    text: str
    start: int
    end: int
    script: str
    context: str = ""
    honorific: str = ""


@attrs.frozen(slots=True)
class Entity:
    """One person across documents: every mention, the registry record if any,
    and a display ``name``: the registry name, else the most complete Latin
    mention, else a capitalised romanisation."""

    mentions: tuple[EntityMention, ...]
    person: Person | None
    name: str

    @property
    def doc_ids(self) -> tuple[str, ...]:
        """The documents that mention this person, in first-mention order."""
        return tuple(dict.fromkeys(m.doc_id for m in self.mentions))

    @property
    def spellings(self) -> tuple[str, ...]:
        """The distinct surface forms, in first-seen order."""
        return tuple(dict.fromkeys(m.text for m in self.mentions))

    @property
    def scripts(self) -> frozenset[str]:
        """The scripts the person is written in (``latin``, ``arabic``, ``persian``)."""
        return frozenset(m.script for m in self.mentions)
