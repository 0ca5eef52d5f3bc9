"""link and resolve_documents: coreference, registry resolution, cross-document
merging (private)."""

from __future__ import annotations

import bisect
import itertools
import re
from collections import defaultdict
from collections.abc import Mapping
from functools import lru_cache
from typing import Any, Final

from rapidfuzz.distance import JaroWinkler

from namematch.keys import unit_keys
from namematch.link._context import RULERS, context_countries, context_roles
from namematch.link._coref import aliases, chains, kin, variants
from namematch.link._display import display_name
from namematch.link._evidence import arabic_score, latin_ordinary, split_compound
from namematch.link._find import check_text, doc_language, find_mentions
from namematch.link._records import Entity, EntityMention, LinkedMention, Mention
from namematch.link._resources import LinkWords, words
from namematch.link._scan import Word, letter_offset, scan
from namematch.normalize import ARABIC, LATIN, PERSIAN, normalize, script_of
from namematch.parse import NameToken, parse
from namematch.registry import Person, Registry
from namematch.romanize import romanize
from namematch.score import score as default_score

__all__ = ["context_countries", "context_roles", "link", "resolution_form", "resolve_documents"]

#: Two mention chains of different documents are one person from this pair score on
#: (with agreeing family names and no conflicting country).
MERGE_THRESHOLD: Final = 0.8
#: Two name units agree from this unit score on (or from 0.5 with a shared blocking key).
UNIT_AGREE: Final = 0.75
#: A family name alone joins a person of another document only when the name element is
#: this rare (lexicon rarity; 1.0 = not listed): a common family name has namesakes.
DISTINCTIVE_RARITY: Final = 0.5
#: A family name alone joins the one full name of the collection ending with it from this
#: lexicon rarity on (Al-Shammari 0.42 does; Rahman 0.16, Khan 0.2 have namesakes everywhere).
LONE_FAMILY_RARITY: Final = 0.4
#: Two full names in one document are one person (a misspelling) from this pair score on.
SAME_DOC_THRESHOLD: Final = 0.95
#: Blocks of chains sharing a key larger than this are not compared (a common given
#: name); the chains still meet through their other name units.
MAX_BLOCK: Final = 40
_SPLIT_SUFFIX_RE: Final = re.compile(
    r"(?<=[\u0600-\u06ff])\s+(?=(?:[آا]باد[يی]|پور|بور|زاده|نژاد|نیا|نيا|پناه)(?![\u0600-\u06ff\u200c]))"
)
#: پور written apart right after a lone given name and before another word: the prefix of that word
#: (حمید پور محمدی = Hamid Pourmohammadi), as namematch.parse reads it.
_SPLIT_PREFIX_RE: Final = re.compile(r"^(\S+\s+)(پور|بور)\s+(?=[\u0600-\u06ff])")
#: The Persian nisba ای written apart after a final ه (خامنه ای = خامنه‌ای = خامنهای).
_SPLIT_NISBA_RE: Final = re.compile(r"(?<=[\u0647\u0629])\s+(?=ا[یي](?![\u0600-\u06ff]))")


def resolution_form(name: str) -> str:
    """A name as the scorer should read it: Persian family-name suffixes and the nisba ای
    written apart glued back with a ZWNJ (``زارع پور`` -> ``زارع‌پور``, ``خامنه ای`` ->
    ``خامنه‌ای``; ``پور`` after a lone given name to the word after it: ``حمید پور محمدی`` ->
    ``حمید پور‌محمدی``), name elements glued without one split (``سیدعباس`` -> ``سید عباس``,
    ``محمدباقر`` -> ``محمد باقر``)."""
    name = _SPLIT_PREFIX_RE.sub("\\1\\2\u200c", name)
    name = _SPLIT_NISBA_RE.sub("\u200c", _SPLIT_SUFFIX_RE.sub("\u200c", name))
    if name.isascii():
        return name
    out = []
    for word in name.split():
        norm = normalize(word).replace(" ", "")
        parts = split_compound(norm) if len(norm) >= 6 and word[:1] > "\u05ff" else None
        if parts is not None and parts[0] not in ("عبد", "ابو"):
            cut = letter_offset(word, len(parts[0]))  # split the word as written
            out.append(f"{word[:cut]} {word[cut:]}")
        else:
            out.append(word)
    return " ".join(out)


def _person_country(person: Person, lw: LinkWords) -> str:
    value = person.attributes.get("country") if person.attributes else None
    if not isinstance(value, str) or not value.strip():
        return ""
    key = normalize(value)
    return lw.country_of.get(key, key)


# ---------------------------------------------------------------------------
# One document
# ---------------------------------------------------------------------------


def link(text: str, registry: Registry | None = None, *, lang: str | None = None,
         nlp: Any = None, lexicon: Any = None) -> list[LinkedMention]:
    """Find the person mentions of a text, link partial mentions to the full one
    they abbreviate, and resolve each chain against ``registry``.

    Each chain (a full mention and its partial mentions) is matched once, with
    :meth:`Registry.match` on its fullest form; every mention of the chain gets
    that person and score. A registry person whose ``country`` attribute differs
    from every country the chain's context names ("the Iraqi minister"), or whose
    ``role`` names another office than the context ("King" for a minister), is not
    taken: a namesake; the registry's next candidate whose attributes agree with the
    context is taken instead, if any.
    """
    return _linked(text, registry, lang=lang, nlp=nlp, lexicon=lexicon, memo=None)


def _linked(text: str, registry: Registry | None, *, lang: str | None, nlp: Any, lexicon: Any,
            memo: dict[Any, Any] | None, families: Mapping[str, str] | None = None,
            found: list[Mention] | None = None) -> list[LinkedMention]:
    """:func:`link`; ``memo`` (when given) keeps each chain's registry answer by its form and
    context, shared by the documents of one :func:`resolve_documents` run; ``families``
    (normal form -> family name written in full elsewhere in the collection) adds the lone
    occurrences of those family names as mentions; ``found``, the text's mentions when
    already found."""
    text = check_text(text, "text")
    if registry is not None and not isinstance(registry, Registry):
        raise TypeError(f"registry must be a Registry or None, not {type(registry).__name__}")
    if lexicon is None and registry is not None:
        lexicon = registry.scorer.lexicon  # the registry's user lexicon finds mentions too
    mentions = find_mentions(text, lang, nlp=nlp, lexicon=lexicon) if found is None else found
    if families:
        mentions = _with_lone_families(text, mentions, families)
    ante = aliases(text, mentions, variants(mentions, kin(text, mentions, chains(mentions))))
    people: dict[int, tuple[Person | None, float]] = {}
    if registry is not None:
        lw = words()
        contexts: dict[int, _Context] = defaultdict(_Context)
        for i, m in enumerate(mentions):
            root = i if ante[i] is None else ante[i]
            assert root is not None
            contexts[root].countries |= context_countries(m.context, lw)
            contexts[root].roles |= context_roles(m.context, lw)
        for root in sorted(contexts):
            form = resolution_form(mentions[root].text)
            ctx = contexts[root]
            key = (form, frozenset(ctx.countries), frozenset(ctx.roles))
            if memo is not None and key in memo:
                cand = memo[key]
            else:
                cand = _match(registry, form, ctx, lw)
                if memo is not None:
                    memo[key] = cand
            people[root] = (cand.person, cand.score) if cand is not None else (None, 0.0)
    out: list[LinkedMention] = []
    for i, m in enumerate(mentions):
        root = i if ante[i] is None else ante[i]
        person, s = people.get(root, (None, 0.0))  # type: ignore[arg-type]
        out.append(LinkedMention(m, person, s, ante[i]))
    return out


def _match(registry: Registry, form: str, context: _Context, lw: LinkWords) -> Any:
    """The registry person of a chain: :meth:`Registry.match` of its fullest form, unless
    that person's country or office conflicts with the chain's context; then the best
    ranked candidate above the scorer's threshold whose attributes agree (the registry
    holds the namesake the context names), else None."""
    cand = registry.match(form)
    if cand is not None and _corroborated(form, cand.alias, registry) and not _conflicts(cand.person, context, lw):
        return cand
    if cand is None or not (context.countries or context.roles):
        return None
    for other in registry.resolve(form, limit=5, threshold=registry.scorer.threshold):
        if other.person.id == cand.person.id or not _agrees(other.person, context, lw):
            continue
        if _corroborated(form, other.alias, registry):
            return other
    return None


class _Context:
    """The countries and offices named around the mentions of one chain."""

    __slots__ = ("countries", "roles")

    def __init__(self) -> None:
        self.countries: set[str] = set()
        self.roles: set[str] = set()


def _person_roles(person: Person, lw: LinkWords) -> frozenset[str]:
    value = person.attributes.get("role") if person.attributes else None
    return context_roles(value, lw) if isinstance(value, str) else frozenset()


def _conflicts(person: Person, context: _Context, lw: LinkWords) -> bool:
    """The person's country is none of those the context names, or the person's office
    none of the offices it names."""
    pc = _person_country(person, lw)
    if pc and context.countries and pc not in context.countries:
        return True
    pr = _person_roles(person, lw)
    cr = frozenset(context.roles)
    if not pr or not cr or pr & cr:
        return False
    # a prince may hold any office but the throne (Prince X, the foreign minister)
    return not (("prince" in cr and "king" not in pr) or ("prince" in pr and "king" not in cr))


def _agrees(person: Person, context: _Context, lw: LinkWords) -> bool:
    """The person's attributes agree with the context on something and conflict on nothing."""
    if _conflicts(person, context, lw):
        return False
    pc = _person_country(person, lw)
    return bool((pc and pc in context.countries) or (_person_roles(person, lw) & context.roles))


def _corroborated(form: str, alias: str, registry: Registry) -> bool:
    """A registry match of a name of two or more units must agree on two units.

    Guards against a common given name carrying a match ("Mohammad Kazem Al-e
    Sadegh" is not "Mohammed bin Salman" however the overall score comes out).
    """
    mine = [u.text for u in parse(form).units]
    theirs = [u.text for u in parse(alias).units]
    need = min(2, len(mine), len(theirs))
    if need <= 1:
        return True
    scorer = registry.scorer
    thr = getattr(scorer, "threshold", 0.7)
    agree = 0
    for u in mine:
        if any(_unit_score(scorer, u, t) >= thr for t in theirs):
            agree += 1
            if agree >= need:
                return True
    return False


def _unit_score(scorer: Any, a: str, b: str) -> float:
    if normalize(a) == normalize(b):
        return 1.0
    return float(scorer.score(a, b)) if scorer is not None else 0.0


# ---------------------------------------------------------------------------
# Many documents
# ---------------------------------------------------------------------------


class _Chain:
    """The mentions of one person in one document."""

    __slots__ = ("countries", "doc", "form", "mentions", "person", "rep", "roles", "score", "units")

    def __init__(self, doc: str, rep: str) -> None:
        self.doc = doc
        self.rep = rep
        self.form = resolution_form(rep)
        self.mentions: list[EntityMention] = []
        self.person: Person | None = None
        self.score = 0.0
        self.countries: set[str] = set()
        self.roles: set[str] = set()
        self.units = [u for u in parse(self.form).units if len(u.core) >= 2]


class _Groups:
    """Union-find over chains that keeps the countries of each group: two groups
    whose contexts name different countries only are not joined."""

    def __init__(self, chains_: list[_Chain]) -> None:
        self.parent = list(range(len(chains_)))
        self.countries = [set(c.countries) for c in chains_]
        self.docs = [{c.doc} for c in chains_]

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int, *, same_doc: bool = False) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        ca, cb = self.countries[ra], self.countries[rb]
        if ca and cb and not (ca & cb):
            return False
        if self.docs[ra] & self.docs[rb] and not same_doc:
            return False  # one document's chains are distinct persons
        if len(self.docs[ra]) < len(self.docs[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.countries[ra] |= cb
        self.docs[ra] |= self.docs[rb]
        return True


def _check_docs(docs: object) -> Mapping[str, str]:
    if not isinstance(docs, Mapping):
        raise TypeError(f"docs must be a mapping of document id to text, not {type(docs).__name__}")
    for doc_id, text in docs.items():
        if not isinstance(doc_id, str):
            raise TypeError(f"docs keys (document ids) must be str, not {type(doc_id).__name__}: {doc_id!r}")
        if not isinstance(text, str):
            raise TypeError(f"docs[{doc_id!r}] must be str, not {type(text).__name__}")
    return docs


def resolve_documents(docs: Mapping[str, str], registry: Registry | None = None, *,
                      threshold: float | None = None, scorer: Any = None, lexicon: Any = None) -> list[Entity]:
    """Group the person mentions of many documents into entities.

    ``docs`` maps a document id (a ``str``; anything else raises
    :class:`TypeError`, so ``1`` and ``"1"`` cannot be merged into one document)
    to its text; documents are read in sorted id order so the result does not
    depend on the mapping's order. A mention chain whose fullest form matches a
    registry person joins that person's entity. The other chains are merged
    across documents and scripts when the pair score of their fullest forms
    reaches ``threshold`` (default :data:`MERGE_THRESHOLD`), their family names
    agree and their contexts name no different countries; a family name alone
    joins the one person of that family name named in full elsewhere, unless it
    is also a common given name; such a family name written alone in another
    document is found there as a mention even without a title or role, and so is an
    Arabic-script full name (a listed given name first) found in one document and written
    word for word the same in another; a chain that ties a nickname to a full name joins
    the other documents' chains of either. Entities come registry persons first, then new
    persons, each group in the order of first mention. ``scorer`` (e.g. one fitted
    with :meth:`Scorer.fit`) gives the pair scores of that merging (default: the
    module-level score); ``lexicon`` (a :class:`~namematch.UserLexicon`) is passed to
    :func:`find_mentions`.
    """
    docs = _check_docs(docs)
    if registry is not None and not isinstance(registry, Registry):
        raise TypeError(f"registry must be a Registry or None, not {type(registry).__name__}")
    if threshold is not None and (not isinstance(threshold, int | float) or not 0.0 <= threshold <= 1.0):
        raise ValueError(f"threshold must be a number in [0, 1], got {threshold!r}")
    lw = words()
    all_chains: list[_Chain] = []
    memo: dict[Any, Any] = {}
    texts = {doc_id: check_text(docs[doc_id], "docs value") for doc_id in sorted(docs)}
    if lexicon is None and registry is not None:
        lexicon = registry.scorer.lexicon  # (as _linked does)
    found = {doc_id: find_mentions(t, None, lexicon=lexicon) for doc_id, t in texts.items()}
    families = _collection_families([m for ms in found.values() for m in ms], lw) if len(texts) > 1 else {}
    names = _collection_names([m for ms in found.values() for m in ms], lw) if len(texts) > 1 else {}
    for doc_id in sorted(docs):
        doc_found = _with_collection_names(texts[doc_id], found[doc_id], names) if names else found[doc_id]
        linked = _linked(texts[doc_id], registry, lang=None, nlp=None, lexicon=lexicon, memo=memo,
                         families=families, found=doc_found)
        by_root: dict[int, _Chain] = {}
        for i, lm in enumerate(linked):
            root = i if lm.antecedent is None else lm.antecedent
            ch = by_root.get(root)
            if ch is None:
                ch = by_root[root] = _Chain(doc_id, linked[root].text)
                ch.person, ch.score = lm.person, lm.score
                all_chains.append(ch)
            m = lm.mention
            ch.mentions.append(EntityMention(doc_id, m.text, m.start, m.end, m.script, m.context, m.honorific))
            ch.countries |= context_countries(m.context, lw)
            ch.roles |= context_roles(m.context, lw)
    groups: list[tuple[Person | None, list[_Chain]]] = []
    by_person: dict[str, int] = {}
    rest: list[_Chain] = []
    for ch in all_chains:
        if ch.person is None:
            rest.append(ch)
        elif ch.person.id in by_person:
            groups[by_person[ch.person.id]][1].append(ch)
        else:
            by_person[ch.person.id] = len(groups)
            groups.append((ch.person, [ch]))
    for members in merge_chains(rest, MERGE_THRESHOLD if threshold is None else float(threshold),
                                default_score if scorer is None else scorer.score):
        groups.append((None, members))
    entities: list[Entity] = []
    for person, members in groups:
        mentions = tuple(m for ch in members for m in ch.mentions)
        forms = [m.text for m in mentions]
        entities.append(Entity(mentions, person, display_name(person, forms, [resolution_form(f) for f in forms])))
    return entities


#: A family name alone is looked for in the other documents only from this many letters on.
LONE_FAMILY_MIN_LETTERS: Final = 4


def _collection_families(mentions: list[Mention], lw: LinkWords) -> dict[str, str]:
    """The family names that one full name of the collection carries, by normal form: the
    last word of a mention of two or more words, rare as a name element (not a given name),
    not an ordinary word of its script, and the last word of no other full name."""
    owners: dict[str, set[str]] = defaultdict(set)
    written: dict[str, str] = {}
    for m in mentions:
        ws = scan(m.text)
        if len(ws) < 2 or len(ws[-1].norm) < LONE_FAMILY_MIN_LETTERS:
            continue
        last = ws[-1]
        ok = (arabic_score(last.norm, last.norm) > 0.0 if last.arabic
              else m.text[last.start:last.start + 1].isupper() and not latin_ordinary(last.norm))
        if ok and _distinctive(last.norm, lw):
            owners[last.norm].add(" ".join(w.norm for w in ws))
            written[last.norm] = last.text
    return {k: written[k] for k, full in owners.items() if len(full) == 1}


#: Full names of the collection looked for in its other documents have this many words.
_COLLECTION_NAME_WORDS: Final = (2, 3)


def _collection_names(mentions: list[Mention], lw: LinkWords) -> dict[tuple[str, str], set[tuple[str, ...]]]:
    """The Arabic-script full names found in the collection, as the normal forms of their words
    (first two words -> names): two or three words, the first a listed given name."""
    out: dict[tuple[str, str], set[tuple[str, ...]]] = defaultdict(set)
    for m in mentions:
        if m.script == LATIN:
            continue
        ws = scan(m.text)
        if len(ws) not in _COLLECTION_NAME_WORDS or not all(w.arabic for w in ws) or ws[0].norm not in lw.given:
            continue
        out[ws[0].norm, ws[1].norm].add(tuple(w.norm for w in ws))
    return out


def _with_collection_names(text: str, mentions: list[Mention],
                           names: Mapping[tuple[str, str], set[tuple[str, ...]]]) -> list[Mention]:
    """The mentions of a text and the occurrences in it, outside its mentions, of an
    Arabic-script full name found in another document of the collection, written word for word
    the same (no proclitic, no break inside): a name the finder took without a title in one
    document (a family name that is a common word too) is the same name in the others."""
    ws = scan(text)
    if not any(w.arabic for w in ws):
        return mentions
    spans = sorted((m.start, m.end) for m in mentions)
    starts = [a for a, _ in spans]
    extra: list[Mention] = []
    persian = doc_language(ws) == "fa"
    i = 0
    while i < len(ws):
        w = ws[i]
        hit = 0
        pair = (w.norm, ws[i + 1].norm) if w.arabic and i + 1 < len(ws) else None
        for name in names.get(pair, ()) if pair is not None else ():  # (the names of these two words: a few)
            size = len(name)
            if (i + size <= len(ws) and all(ws[i + k].norm == name[k] and not ws[i + k].brk for k in range(1, size))
                    and size > hit):
                hit = size
        if hit:
            a, b = w.start, ws[i + hit - 1].end
            k = bisect.bisect_left(starts, b)  # (mentions do not overlap: only the last before b can reach a)
            if not (k and spans[k - 1][1] > a) and not _inside_longer_name(ws, i):
                span = text[a:b]
                sc = script_of(span)
                extra.append(Mention(span, a, b, PERSIAN if sc == ARABIC and persian else sc, parse(span), "", ""))
                i += hit
                continue
        i += 1
    if not extra:
        return mentions
    return sorted(mentions + extra, key=lambda m: m.start)


def _with_lone_families(text: str, mentions: list[Mention], families: Mapping[str, str]) -> list[Mention]:
    """The mentions of a text and the lone occurrences of a collection family name in it
    (a capitalised Latin word, or an Arabic-script word as written) outside its mentions:
    news names a person in full once, and other documents of the day by family name alone."""
    spans = sorted((m.start, m.end) for m in mentions)
    starts = [a for a, _ in spans]
    extra: list[Mention] = []
    ws = scan(text)
    for i, w in enumerate(ws):
        if w.norm not in families:
            continue
        k = bisect.bisect_left(starts, w.end)  # the mentions starting before the word ends
        if k and spans[k - 1][1] > w.start:
            continue  # (mentions do not overlap: only the last of them can reach the word)
        if _inside_longer_name(ws, i):
            continue
        if not w.arabic and not text[w.start:w.start + 1].isupper():
            continue
        if w.arabic and w.text != families[w.norm]:
            continue  # (no proclitic or other reading of the word: the family name as written)
        sc = script_of(w.text)
        if sc == ARABIC and any(m.script == PERSIAN for m in mentions):
            sc = PERSIAN
        extra.append(Mention(w.text, w.start, w.end, sc, parse(w.text), "", ""))
    if not extra:
        return mentions
    return sorted(mentions + extra, key=lambda m: m.start)


def _inside_longer_name(ws: list[Word], i: int) -> bool:
    """Word i is part of a longer name the finder left out (Jinnah International Airport, the
    Sheikh X Al-Y Causeway, فرودگاه حیدر علیاف): a capitalised Latin word beside it, or an
    Arabic-script given name before it or a word that names a place after a person beside it."""
    lw = words()
    w = ws[i]
    before = ws[i - 1] if i > 0 and not w.brk else None
    after = ws[i + 1] if i + 1 < len(ws) and not ws[i + 1].brk else None
    if not w.arabic:
        return any(x is not None and not x.arabic and x.cap for x in (before, after))
    return (before is not None and (before.norm in lw.given or before.norm in lw.named_after)) or (
        after is not None and after.norm in lw.named_after)


def _distinctive(core: str, lw: LinkWords) -> bool:
    """A family name rare enough to stand for one person across documents: not a given
    name, and not a common name element of the lexicon."""
    from namematch.link._evidence import form_rarity

    return core not in lw.given and form_rarity(core) >= LONE_FAMILY_RARITY


@lru_cache(maxsize=65536)
def _unit_match(a: str, b: str) -> float:
    if normalize(a) == normalize(b):
        return 1.0
    return float(default_score(a, b))


def _units_agree(a: NameToken, b: NameToken) -> bool:
    """Two name units are one name element: equal, or a blocking key shared and a unit
    score of 0.5 or more (spelling variants across scripts), or a unit score of 0.75."""
    if a.core == b.core:
        return True
    s = _unit_match(a.text, b.text)
    if s >= UNIT_AGREE:
        return True
    return s >= 0.5 and bool(unit_keys(a.core, a.script, head=a.head) & unit_keys(b.core, b.script, head=b.head))


#: Two rare name elements whose loose romanisations (:func:`_loose_roman`) are this similar
#: (Jaro-Winkler) and share a blocking key are spellings of one element.
LOOSE_AGREE: Final = 0.85
_LOOSE_STEPS: Final = (("tsch", "ch"), ("tsh", "ch"), ("tch", "ch"),  # Arabic تش for the Persian چ (تشين / چین)
                       ("ts", "s"),  # the German z written تس (ميرتس / Merz)
                       ("ou", "u"), ("oo", "u"), ("ee", "i"), ("ph", "f"), ("sh", "s"), ("ch", "s"), ("kh", "k"),
                       ("gh", "g"), ("dh", "d"), ("th", "t"), ("zh", "j"), ("q", "k"),
                       ("ci", "si"), ("ce", "se"),  # a Latin c before i/e is a sibilant (Vucic = فوتشيتش)
                       ("c", "k"), ("g", "k"),
                       ("w", "v"), ("y", "i"), ("j", "i"), ("e", "i"), ("o", "u"), ("z", "s"), ("x", "ks"),
                       ("v", "f"), ("p", "b"))  # Arabic has no v nor p: ف and ب (فاديفول / Wadephul)


@lru_cache(maxsize=65536)
def _loose_roman(core: str) -> str:
    """A name element read loosely, the same in any script: romanised, lower case, one
    letter for sounds that spellings of one name exchange (q/g/k, zh/j/y/i, e/i, o/u, sh/s,
    tsch/tsh/tch/ch/s, ts/z/s, a c before i/e and s, w/v/f, p/b), doubled letters single, and a leading
    article off (Alzubaidi, الزبيدي)."""
    s = core if core.isascii() else romanize(core)
    s = "".join(c for c in s.lower() if "a" <= c <= "z")
    if s.startswith(("al", "el")) and len(s) > 5 and not core.isascii():
        s = s[2:]
    for a, b in _LOOSE_STEPS:
        s = s.replace(a, b)
    out: list[str] = []
    for c in s:
        if not out or out[-1] != c:
            out.append(c)
    text = "".join(out)
    return text[2:] if core.isascii() and text.startswith(("al", "il")) and len(text) > 5 else text


@lru_cache(maxsize=65536)
def _consonants(core: str) -> str:
    """The consonants of a name element read in Latin letters, zh and dj as j, vowels, h, y and w
    left out (اژه‌ای azhhay / Ejei / Ezhei: j)."""
    s = (core if core.isascii() else romanize(core)).lower().replace("zh", "j").replace("dj", "j")
    return "".join(c for c in s if "a" <= c <= "z" and c not in "aeiouhyw")


def _rare_element(core: str) -> bool:
    from namematch.link._evidence import form_rarity

    return core not in words().given and form_rarity(core) >= DISTINCTIVE_RARITY


def _loose_readings(core: str) -> tuple[str, ...]:
    """The loose romanisations of a name element: :func:`_loose_roman`, and for an
    Arabic-script element starting with ع that romanises to no leading ``a``, the same with
    one (عون: "un" and "aun"; the Levantine and Maghrebi French spellings write that ع as a
    vowel letter: Aoun, Aouad, Aissa)."""
    loose = _loose_roman(core)
    if core[:1] == "\u0639" and loose[:1] != "a":
        return loose, "a" + loose
    return (loose,)


@lru_cache(maxsize=65536)
def _loose_agree_cores(a: str, b: str) -> bool:
    return any(len(ra) >= 3 and len(rb) >= 3 and ra[0] == rb[0] and JaroWinkler.similarity(ra, rb) >= LOOSE_AGREE
               for ra in _loose_readings(a) for rb in _loose_readings(b))


def _agree(a: NameToken, b: NameToken) -> bool:
    """Two name units are one element: :func:`_units_agree`, or both rare elements
    whose loose romanisations agree (Kvistgaard / كفيستغارد, a Portuguese s written ش:
    spellings the pair score does not bridge)."""
    if _units_agree(a, b):
        return True
    return _rare_element(a.core) and _rare_element(b.core) and _loose_agree_cores(a.core, b.core)


def _joined(units: list[NameToken]) -> list[NameToken]:
    """The units with the last two written together when they are one compound family
    name written apart in one spelling (مير كاظمي / میرکاظمی)."""
    if len(units) < 3:
        return units
    a, b = units[-2], units[-1]
    text = a.text + b.text
    joined = parse(text).units
    if len(joined) != 1:
        return units
    return [*units[:-2], joined[0]]


def _joined_head(units: list[NameToken]) -> list[NameToken]:
    """The units with the first two written together when they are one compound given name
    split in one spelling (علی رضا / Alireza)."""
    if len(units) < 3:
        return units
    joined = parse(units[0].text + units[1].text).units
    if len(joined) != 1:
        return units
    return [joined[0], *units[2:]]


def _same_person(a: _Chain, b: _Chain, s: float, threshold: float) -> bool:
    """Two full names of new persons are one person (see :func:`resolve_documents`)."""
    ua, ub = a.units, b.units
    if s >= threshold and _units_agree(ua[-1], ub[-1]) and (
            _units_agree(ua[0], ub[0]) or _units_agree(_joined_head(ua)[0], _joined_head(ub)[0])):
        return True  # the pair score, with given and family names agreeing (Alireza / علی رضا)
    for xa, xb in ((ua, ub), (_joined(ua), ub), (ua, _joined(ub))):
        if len(xa) == len(xb) and all(_agree(x, y) for x, y in zip(xa, xb, strict=True)) and (
                _rare_element(xa[-1].core) or _units_agree(xa[-1], xb[-1])):
            return True  # every element agrees in order, spelt as another script or press spells it
        if (len(xa) == len(xb) and a.doc != b.doc and _rare_element(xa[-1].core) and _rare_element(xb[-1].core)
                and _agree(xa[-1], xb[-1]) and xa[-1].script != xb[-1].script
                and all(_agree(x, y) or _loose_agree_cores(x.core, y.core) for x, y in zip(xa[:-1], xb[:-1], strict=True))):
            return True  # a rare family name across scripts: the given names read loosely (Rafael / رافائيل)
    if len(ua) >= 3 and len(ua) == len(ub) and _same_units(ua, ub):
        return True  # the same name elements in another order (Kazem Mohammad / Mohammad Kazem)
    if (len(ua) >= 3 and len(ua) == len(ub) and a.doc != b.doc and ua[-1].script != ub[-1].script
            and all(_units_agree(x, y) for x, y in zip(ua[:-1], ub[:-1], strict=True))
            and _rare_element(ua[-1].core) and _rare_element(ub[-1].core)
            and _consonants(ua[-1].core) == _consonants(ub[-1].core) != ""):
        return True  # a short rare last element across scripts, its consonants alike (اژه‌ای / Ejei)
    if (len(ua) >= 3 and len(ub) >= 3 and _lineage(a) and _lineage(b) and a.countries and b.countries
            and a.countries & b.countries and _units_agree(ua[0], ub[0]) and _units_agree(ua[1], ub[1])):
        return True  # X bin Y ... of the same country: the nasab written to different lengths
    return False


def _subsequence(short: list[NameToken], long_: list[NameToken]) -> bool:
    """Every unit of ``short`` agrees with a unit of ``long_``, in order."""
    k = 0
    for u in short:
        while k < len(long_) and not _units_agree(u, long_[k]):
            k += 1
        if k == len(long_):
            return False
        k += 1
    return True


def _article_family(short_last: NameToken, long_: list[NameToken]) -> bool:
    """True when a shorter name ends in a name written with the article (Al Hassan, الحسن)
    that the longer name holds only without it: the article marks a family name, not a
    given or father's name inside a longer name (Mohamed Al Hassan is no part of Mohammad
    Hassan X; Meshal al-Ahmad al-Jaber is part of Meshal al-Ahmad al-Jaber al-Sabah)."""
    return bool(short_last.article) and not any(u.article and _units_agree(short_last, u) for u in long_)


def _family_as_lineage(short: list[NameToken], long_: list[NameToken]) -> bool:
    """True when the last unit of a shorter name, written without بن / bin (a family name),
    agrees in the longer name only with a father's or grandfather's name written with it
    (Abdalla X is no part of Abdullah bin X bin Y Al Z: bin X is the father)."""
    last = short[-1]
    return not last.lineage and not any(not u.lineage and _units_agree(last, u) for u in long_[1:])


def _lineage(ch: _Chain) -> bool:
    return any(u.lineage for u in ch.units)


def _same_units(ua: list[NameToken], ub: list[NameToken]) -> bool:
    free = list(ub)
    for u in ua:
        hit = next((v for v in free if _units_agree(u, v)), None)
        if hit is None:
            return False
        free.remove(hit)
    return True


def _block_keys(ch: _Chain) -> set[str]:
    """Blocking keys of a chain's name: those of its units after the first (a common given
    name alone never joins two names; a rare one may), and of each two of them
    written together (Bou Habib = Bouhabib), and of a unit after بن / Ben with the particle
    glued (a Maghrebi family name: بن جامع = Bendjama); a name of one unit, that unit's."""
    units = ch.units[1:] if len(ch.units) >= 2 and not _rare_element(ch.units[0].core) else ch.units
    out: set[str] = set()
    for u in units:
        out |= unit_keys(u.core, u.script, head=u.head)
        if "\u0686" in u.core:  # Arabic writes the Persian چ as ج (چمران / جمران): the keys of that spelling too
            out |= unit_keys(u.core.replace("\u0686", "\u062c"), u.script, head=u.head)
        if u.script == LATIN and "tz" in u.core:  # German and Yiddish tz is the ts Arabic script writes (Katz, كاتس)
            out |= unit_keys(u.core.replace("tz", "ts"), u.script, head=u.head)
        if u.lineage:  # a Maghrebi family name led by Ben written as two words (بن جامع = Bendjama)
            out |= unit_keys(("ben" if u.script == LATIN else "بن") + u.core, u.script)
        loose = _loose_roman(u.core)
        if len(loose) >= 4 and _rare_element(u.core):
            out.add("~" + loose[:4])  # a sibilant the keys read apart (s / ش)
            skeleton = "".join(c for c in loose if c not in "aiu").replace("ts", "s")
            if len(skeleton) >= 3:
                out.add("~~" + skeleton[:3])  # a vowel the romanisation puts in (ميرتس mirtis / Merz)
    for a, b in itertools.pairwise(units):
        if (a.script == LATIN) == (b.script == LATIN):
            out |= unit_keys(a.core + b.core, a.script)
    return out


def merge_chains(chains_: list[_Chain], threshold: float, pair_score: Any = default_score) -> list[list[_Chain]]:
    """Group the chains of new persons across documents (see :func:`resolve_documents`).

    The chains of one written full name (or of one distinctive family name alone) are
    joined first, so the pairs compared grow with the distinct names, not with the
    documents; then the distinct names that share a blocking key of a unit after the
    first (a family name, a father's name) are compared, at most :data:`MAX_BLOCK` names
    per key.
    """
    lw = words()
    n = len(chains_)
    owners: list[int] = []
    extra: list[_Chain] = []
    for i, ch in enumerate(chains_):
        for alias in _alias_chains(ch):
            owners.append(i)
            extra.append(alias)
    chains_ = [*chains_, *extra]  # (each alias a node of its own, joined to its chain from the start)
    groups = _Groups(chains_)
    for extra_at, owner in enumerate(owners):
        groups.join(n + extra_at, owner, same_doc=True)
    node_of: dict[str, int] = {}
    reps: list[int] = []
    for i, ch in enumerate(chains_):
        sig = normalize(ch.form)
        if len(ch.units) >= 2:
            first = node_of.get(sig)
            if first is not None and groups.join(i, first):
                continue
            node_of.setdefault(sig, i)
        reps.append(i)
    blocks: dict[str, list[int]] = defaultdict(list)
    for i in reps:
        for k in _block_keys(chains_[i]):
            blocks[k].append(i)
    pairs: set[tuple[int, int]] = set()
    for members in blocks.values():
        if len(members) < 2 or len(members) > MAX_BLOCK:
            continue
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                pairs.add((members[x], members[y]))
    full = [len(ch.units) >= 2 for ch in chains_]
    scored: list[tuple[float, int, int]] = []
    for a, b in pairs:
        ca, cb = chains_[a], chains_[b]
        if not (full[a] and full[b]):
            continue
        same_doc = ca.doc == cb.doc
        if same_doc and len(ca.units) != len(cb.units) and (
                _subsequence(ca.units, cb.units) if len(ca.units) < len(cb.units) else _subsequence(cb.units, ca.units)):
            continue  # a name and a longer one holding it that the document's chains keep apart (a son, a father)
        s = pair_score(ca.form, cb.form)
        if same_doc and s < SAME_DOC_THRESHOLD:
            continue
        if _same_person(ca, cb, s, threshold):
            scored.append((-s, a, b))
    scored.sort()
    for neg, a, b in scored:
        # names this close may share a document: one person's name misspelt in it
        groups.join(a, b, same_doc=-neg >= SAME_DOC_THRESHOLD)
    # a partial name of two units or more (a name missing some elements): joins the one
    # group whose full name holds its elements in order
    part_of: dict[int, set[int]] = defaultdict(set)
    for a, b in sorted(pairs):
        for s_, f_ in ((a, b), (b, a)):
            cs, cf = chains_[s_], chains_[f_]
            if not full[f_] or len(cs.units) < 2 or len(cs.units) >= len(cf.units) or cs.doc == cf.doc:
                continue
            if _subsequence(cs.units, cf.units) and (
                    _units_agree(cs.units[-1], cf.units[-1]) or (
                        _units_agree(cs.units[0], cf.units[0]) and not _article_family(cs.units[-1], cf.units)
                        and not _family_as_lineage(cs.units, cf.units))):
                part_of[s_].add(f_)
    for s_, targets in sorted(part_of.items()):
        roots = {groups.find(t) for t in targets}
        if len(roots) == 1:
            groups.join(s_, next(iter(roots)))
    own = chains_[:n]  # (names of one word join the chains themselves, not their aliases)
    _join_regnal(own, groups)
    _join_singles(own, [i for i in reps if i < n and len(chains_[i].units) == 1], groups, lw)
    out: dict[int, list[_Chain]] = {}
    for i in range(n):  # (the alias nodes hold no mentions of their own)
        out.setdefault(groups.find(i), []).append(chains_[i])
    return list(out.values())


#: How a kunya's one name unit starts (Abu Zaid, ابوزيد, أبو زيد read as one unit).
_KUNYA_HEADS: Final = ("abu", "abou", "ابو")


def _alias_chains(ch: _Chain) -> list[_Chain]:
    """The other full names of a chain's person in its document, as chains without mentions:
    a nickname or nom de guerre joined to the name (X, known as Y; X المعروف بـ Y) of two name
    units or more that is no part of the chain's fullest form. Another document may name the
    person by it alone."""
    out: list[_Chain] = []
    seen = {normalize(ch.form)}
    for m in ch.mentions:
        form = resolution_form(m.text)
        sig = normalize(form)
        if sig in seen:
            continue
        seen.add(sig)
        alias = _Chain(ch.doc, m.text)
        if len(alias.units) == 1 and len(ch.units) >= 2 and alias.units[0].core.startswith(_KUNYA_HEADS):
            # a kunya alone (Abu X, ابوX): the press names the person by it and the family name
            alias = _Chain(ch.doc, f"{m.text} {ch.units[-1].text}")
        if len(alias.units) < 2 or _subsequence(alias.units, ch.units) or _subsequence(ch.units, alias.units):
            continue
        alias.countries = set(ch.countries)
        alias.roles = set(ch.roles)
        out.append(alias)
    return out


def _index_units(chains_: list[_Chain], ids: list[int], pick: Any) -> dict[str, list[int]]:
    """Blocking key -> chains, over the units ``pick(units)`` of the chains ``ids``; a key
    held by more than :data:`MAX_BLOCK` chains maps to ``[-1]`` (too common to decide)."""
    index: dict[str, list[int]] = defaultdict(list)
    for i in ids:
        for u in pick(chains_[i].units):
            for k in unit_keys(u.core, u.script, head=u.head):
                hits = index[k]
                if hits and hits[0] == -1:
                    continue
                if len(hits) >= MAX_BLOCK:
                    index[k] = [-1]
                elif not hits or hits[-1] != i:
                    hits.append(i)
    return index


def _holders(unit: NameToken, index: dict[str, list[int]], chains_: list[_Chain], pick: Any,
             doc: str) -> set[int] | None:
    """The chains of other documents whose units ``pick(units)`` hold ``unit``; None when a
    blocking key is too common to tell."""
    out: set[int] = set()
    for k in unit_keys(unit.core, unit.script, head=unit.head):
        hits = index.get(k, ())
        if hits and hits[0] == -1:
            return None
        for i in hits:
            ch = chains_[i]
            if ch.doc != doc and any(_units_agree(unit, u) for u in pick(ch.units)):
                out.add(i)
    return out


def _office_conflict(a: _Chain, b: _Chain) -> bool:
    return bool(a.roles and b.roles and not (a.roles & b.roles))


def _join_singles(chains_: list[_Chain], singles: list[int], groups: _Groups, lw: LinkWords) -> None:
    """Join the names of one word that stand alone in their document (no full name of the
    document holds them) to a person of another document, strictly: a wrong merge is
    worse than a split.

    * A family name alone joins the full name of another document whose family name it
      is when the element is rare (no listed given name, lexicon rarity at least
      :data:`DISTINCTIVE_RARITY`), exactly one person of the whole collection holds it,
      no name of the collection uses it as another element (a given name, a father's
      name), and the contexts' countries and offices do not conflict.
    * A given name alone never joins another document, unless it is written with the
      title of a ruler or a pope (King X, Sultan X, Pope X) and exactly one full name of
      the collection starts with it, written with a ruler's title too and its offices agreeing.
    * The same rare family name alone in several documents, with no full name holding it
      anywhere, is one person; so is the same regnal name written with the same ruler's or
      pope's title in several documents (Pope X, البابا X, پاپ X) when no full name starts
      with it.
    """
    if not singles:
        return
    fulls = [i for i, ch in enumerate(chains_) if len(ch.units) >= 2]
    def last(us: list[NameToken]) -> list[NameToken]:
        return us[-1:]
    def first(us: list[NameToken]) -> list[NameToken]:
        return us[:1]
    def others(us: list[NameToken]) -> list[NameToken]:
        return us[:-1]
    by_last = _index_units(chains_, fulls, last)
    by_first = _index_units(chains_, fulls, first)
    by_other = _index_units(chains_, fulls, others)
    alone: dict[int, list[int]] = {}
    regnal: list[int] = []
    for s in singles:
        ch = chains_[s]
        u = ch.units[0]
        if _rulers(ch):
            starts = _holders(u, by_first, chains_, first, ch.doc)
            if starts is None:
                continue
            titled = {t for t in starts if _rulers(chains_[t])}  # (a full name written without a ruler's title is another person)
            if not titled:
                regnal.append(s)
                continue
            roots = {groups.find(t) for t in titled}
            if len(roots) == 1 and not any(_office_conflict(ch, chains_[t]) for t in titled):
                groups.join(s, next(iter(roots)))
            continue
        if not _distinctive(u.core, lw):
            continue
        held = _holders(u, by_last, chains_, last, ch.doc)
        used = _holders(u, by_other, chains_, others, ch.doc)
        if held is None or used is None or used - held:  # (a full name holding it twice is one holder)
            continue
        if held:
            roots = {groups.find(t) for t in held}
            if len(roots) == 1 and not any(_office_conflict(ch, chains_[t]) for t in held):
                groups.join(s, next(iter(roots)))
            continue
        alone[s] = []
    _join_alone(chains_, regnal, groups, lambda a, b: bool(a.roles & b.roles & RULERS))
    _join_alone(chains_, list(alone), groups, lambda a, b: not _office_conflict(a, b))


def _join_alone(chains_: list[_Chain], singles: list[int], groups: _Groups, offices_agree: Any) -> None:
    """Join names of one word of different documents that no full name holds anywhere when
    their units agree and ``offices_agree(a, b)``."""
    by_key: dict[str, list[int]] = defaultdict(list)
    for s in singles:
        u = chains_[s].units[0]
        for k in unit_keys(u.core, u.script, head=u.head):
            if len(by_key[k]) < MAX_BLOCK:
                by_key[k].append(s)
    for members in by_key.values():
        for x, y in itertools.combinations(members, 2):
            a, b = chains_[x], chains_[y]
            if a.doc != b.doc and _units_agree(a.units[0], b.units[0]) and offices_agree(a, b):
                groups.join(x, y)


_ROMAN: Final = {"I": 1, "V": 5, "X": 10, "L": 50}
#: The value of an ordinal word after a regnal or papal name, Arabic and Persian (normal
#: forms); ``عشر`` after a unit ordinal adds ten (الرابع عشر = 14).
_ORDINAL_VALUES: Final = {normalize(w): v for v, ws in enumerate((
    (), ("الأول", "الأولى", "الحادي", "اول", "یکم"), ("الثاني", "الثانية", "دوم"), ("الثالث", "الثالثة", "سوم"),
    ("الرابع", "چهارم"), ("الخامس", "پنجم"), ("السادس", "ششم"), ("السابع", "هفتم"), ("الثامن", "هشتم"),
    ("التاسع", "نهم"), ("العاشر", "دهم"), ("یازدهم",), ("دوازدهم",), ("سیزدهم",), ("چهاردهم",), ("پانزدهم",),
    ("شانزدهم",), ("هفدهم",), ("هجدهم",), ("نوزدهم",), ("بیستم",))) for w in ws}


def _roman_value(word: str) -> int:
    """The value of a Roman numeral of up to L (XIV -> 14), else 0."""
    if not word or any(c not in _ROMAN for c in word):
        return 0
    total = 0
    for k, c in enumerate(word):
        v = _ROMAN[c]
        total += -v if k + 1 < len(word) and _ROMAN[word[k + 1]] > v else v
    return total


def _regnal(form: str) -> tuple[str, int] | None:
    """(name, number) of a regnal or papal name: a name and a Roman numeral (Leo XIV) or
    ordinal words (ليو الرابع عشر, لئو چهاردهم); else None."""
    words_ = form.split()
    if len(words_) < 2:
        return None
    value = _roman_value(words_[-1])
    if value:
        return (" ".join(words_[:-1]), value) if len(words_) == 2 else None
    tens = 0
    if normalize(words_[-1]) == normalize("عشر") and len(words_) >= 3:
        tens, words_ = 10, words_[:-1]
    value = _ORDINAL_VALUES.get(normalize(words_[-1]), 0)
    if not value or len(words_) != 2:
        return None
    return words_[0], value + tens


def _join_regnal(chains_: list[_Chain], groups: _Groups) -> None:
    """Join the regnal and papal names of different documents that carry one number and
    whose names agree across scripts (Leo XIV, ليو الرابع عشر, لئو چهاردهم; Charles III,
    تشارلز الثالث)."""
    by_number: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for i, ch in enumerate(chains_):
        r = _regnal(ch.rep)
        if r is not None and len(by_number[r[1]]) < MAX_BLOCK:
            by_number[r[1]].append((i, r[0]))
    for members in by_number.values():
        for (x, na), (y, nb) in itertools.combinations(members, 2):
            if chains_[x].doc == chains_[y].doc:
                continue
            ua, ub = parse(na).units, parse(nb).units
            if len(ua) == 1 and len(ub) == 1 and (
                    _units_agree(ua[0], ub[0]) or _loose_agree_cores(ua[0].core, ub[0].core)):
                groups.join(x, y)


def _rulers(ch: _Chain) -> bool:
    """The chain's context names a ruler's or a pope's office (King, Sultan, Pope)."""
    return bool(ch.roles & RULERS)
