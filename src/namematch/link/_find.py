"""find_mentions: the detectors run over one scan of the text (private)."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from typing import Any, Final

from namematch._text import clean_text
from namematch.link._arabic import ArabicDetector
from namematch.link._found import Found
from namematch.link._latin import LatinDetector
from namematch.link._records import Mention
from namematch.link._resources import words
from namematch.link._scan import Word, scan, stem_start
from namematch.normalize import ARABIC, PERSIAN, normalize, script_of
from namematch.parse import parse
from namematch.user_lexicon import layered_words

__all__ = ["check_text", "find_mentions"]

_WORD_RE: Final = re.compile(r"[^\W\d_][\w'\u2019\-]*")


def check_text(value: object, argument: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{argument} must be str, not {type(value).__name__}")
    return clean_text(value)


def doc_language(words: list[Word]) -> str:
    """``en``, ``ar`` or ``fa`` from the letters of the first 2,000 words."""
    persian = arabic = 0
    for x in words[:2000]:
        if x.arabic:
            arabic += 1
            persian += x.persian
    if arabic == 0:
        return "en"
    return "fa" if persian * 8 >= arabic else "ar"


def find_mentions(text: str, lang: str | None = None, *, nlp: Any = None, lexicon: Any = None) -> list[Mention]:
    """Find the person mentions in a text, in text order.

    ``lang`` (``"en"``, ``"ar"``, ``"fa"`` or None to detect) only decides whether
    an Arabic-script mention without Persian letters is labelled ``persian``;
    both the Latin and the Arabic-script rules always run, so mixed text works.
    ``nlp``, an optional spaCy ``Language``, adds its ``PERSON`` entities where
    they do not overlap a mention the rules found. ``lexicon`` (a
    :class:`~namematch.UserLexicon`) adds the user's honorifics, titles and stop-words
    to the word lists. Never raises on a ``str``;
    raises :class:`TypeError` for anything else.

    >>> [(m.text, m.honorific) for m in find_mentions("Oman's Sayyid Badr Albusaidi met Seyed Sattar Hashemi.")]
    [('Sayyid Badr Albusaidi', 'Sayyid'), ('Seyed Sattar Hashemi', 'Seyed')]
    """
    text = check_text(text, "text")
    if lang is not None and not isinstance(lang, str):
        raise TypeError(f"lang must be str or None, not {type(lang).__name__}")
    ws = scan(text)
    lw = words() if lexicon is None else layered_words(lexicon, words())
    found: list[Found] = []
    latin = LatinDetector(text, ws, lw, found)
    latin.run()
    latin.second_pass()
    arabic = ArabicDetector(text, ws, lw, found)
    arabic.run()
    arabic.coordinated()
    arabic.trim_tails()
    arabic.anchors()
    arabic.inner_titles()
    arabic.compound_heads()
    spans = _clitics_read_off(ws, dedupe([(f.start, f.end, f.context, f.honorific) for f in found]))
    if nlp is not None:
        spans = _merge_spacy(text, spans, nlp)
    doc_lang = lang if lang else doc_language(ws)
    out: list[Mention] = []
    for start, end, ctx, hon in spans:
        mtext = text[start:end]
        sc = script_of(mtext)
        if sc == ARABIC and doc_lang.lower().startswith(("fa", "per")):
            sc = PERSIAN
        out.append(Mention(mtext, start, end, sc, parse(mtext), ctx, hon))
    return out


def dedupe(spans: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """Sort spans; of overlapping ones keep the longest (then the first)."""
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    out: list[tuple[int, int, str, str]] = []
    for s in spans:
        if out and s[0] < out[-1][1]:
            if s[1] - s[0] > out[-1][1] - out[-1][0]:
                out[-1] = s
            continue
        out.append(s)
    return out


def _clitics_read_off(ws: list[Word], spans: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """The spans with a proclitic read off an Arabic-script mention's first word when the
    rest of the word is a word of another mention of the text (وأوتونباييفا beside
    أوتونباييفا): a foreign name the detector does not know keeps its conjunction or
    preposition, but the text names the person without it elsewhere."""
    starts = [w.start for w in ws]
    inside: list[list[str]] = []
    count: Counter[str] = Counter()
    for a, b, _, _ in spans:
        k = bisect.bisect_left(starts, a)
        words_in: list[str] = []
        while k < len(ws) and ws[k].end <= b:
            if ws[k].arabic:
                words_in.append(ws[k].norm)
            k += 1
        inside.append(words_in)
        count.update(set(words_in))
    by_start = {w.start: w for w in ws if w.arabic}
    out = list(spans)
    for i, (a, b, ctx, hon) in enumerate(spans):
        w = by_start.get(a)
        if w is None or len(w.readings) < 2:
            continue
        mine = set(inside[i])
        for letters, stem in w.readings[1:]:
            if len(stem) >= 3 and stem == w.norm[letters:] and count[stem] - (stem in mine) > 0:
                out[i] = (stem_start(w, letters), b, ctx, hon)
                break
    return out


def _merge_spacy(text: str, spans: list[tuple[int, int, str, str]], nlp: Any) -> list[tuple[int, int, str, str]]:
    """Add the spaCy PERSON entities that overlap no rule-based mention."""
    doc = nlp(text)
    extra: list[tuple[int, int, str, str]] = []
    lw = words()
    context_words = lw.roles | lw.quals
    for ent in getattr(doc, "ents", ()):
        if getattr(ent, "label_", "") not in ("PERSON", "PER"):
            continue
        s, e = int(ent.start_char), int(ent.end_char)
        found = list(_WORD_RE.finditer(text, s, e))
        if not found:
            continue
        ctx_end = s
        hon = ""
        k = 0
        while k < len(found) - 1 and normalize(found[k].group()) in context_words:
            if normalize(found[k].group()) in lw.honorifics:
                hon = found[k].group()
            ctx_end = found[k].end()
            k += 1
        s = found[k].start()
        last = found[-1].group()
        e = found[-1].end() - (2 if last.endswith(("'s", "\u2019s")) and len(last) > 3 else 0)
        if e <= s or any(s < b and a < e for a, b, _, _ in spans):
            continue
        extra.append((s, e, text[ent.start_char : ctx_end].strip() if ctx_end > ent.start_char else "", hon))
    return dedupe(spans + extra)



