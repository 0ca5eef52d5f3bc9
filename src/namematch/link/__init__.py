"""Person mentions in running text, linked within and across documents (last stage).

Three layers, each usable alone:

* :func:`find_mentions` finds the person names in a text (English, Arabic,
  Persian, or a mix) with rules, word lists and word frequencies — no model,
  no network. A span is a name when its name evidence (given names, the
  name-element lexicon, name shape, titles and roles around it, capitals in
  English) outweighs the evidence that it is ordinary language (how common
  its words are: ``wordfreq``). Arabic-script proclitics (``و ف ب ل ك لل``),
  Persian compounds written without ZWNJ, quotes and guillemets and English
  possessives are read as such.
* :func:`link` adds in-document coreference (``Araghchi`` → ``Abbas Araghchi``)
  and, with a :class:`~namematch.registry.Registry`, the person each mention
  resolves to (a namesake whose country differs from the mention's context is
  not taken).
* :func:`resolve_documents` groups the mentions of many documents into
  :class:`Entity` objects: one per registry person found, and one per new
  person, merged across documents and scripts when the pair score says they
  are one person and their contexts do not conflict.

The package: ``_scan`` (the text tokenized once), ``_evidence`` (name or
ordinary word), ``_shape`` (the letters of a transliterated name), ``_latin`` and
``_arabic`` (the detectors), ``_find``,
``_coref`` (in-document chains), ``_documents`` (registry and cross-document
merging), ``_display`` (display names), ``_resources`` (the word lists, one
frozen value). Every pass runs in time linear in the length of the text.

>>> [m.text for m in find_mentions("Iranian Foreign Minister Abbas Araghchi met Hakan Fidan's aide.")]
['Abbas Araghchi', 'Hakan Fidan']
>>> ms = find_mentions("استقبل وزير الخارجية أيمن الصفدي نظيره. وقال الصفدي إن")
>>> [(m.text, m.context) for m in ms]
[('أيمن الصفدي', 'وزير الخارجية'), ('الصفدي', '')]
>>> [(lm.text, lm.antecedent) for lm in link("Fuad Hussein, Iraq's foreign minister, arrived. Hussein said.")]
[('Fuad Hussein', None), ('Hussein', 0)]
"""

from __future__ import annotations

from namematch.link._documents import link, resolve_documents
from namematch.link._find import find_mentions
from namematch.link._records import Entity, EntityMention, LinkedMention, Mention

__all__ = [
    "Entity",
    "EntityMention",
    "LinkedMention",
    "Mention",
    "find_mentions",
    "link",
    "resolve_documents",
]
