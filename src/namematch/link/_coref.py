"""In-document coreference: partial mentions to the full name they shorten (private)."""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Callable
from typing import Final

from namematch._text import short_cache
from namematch.link._records import Mention
from namematch.normalize import LATIN, normalize
from namematch.parse import parse

__all__ = ["chains", "kin", "unit_cores"]

#: At most this many longer names are compared with one partial name.
_MAX_SUPERSETS: Final = 200
#: The honorific Imam before a lone given name names an imam of history (Imam Hussein, امام
#: رضا): it points to a longer name only when that is written after Imam too.
_IMAMS: Final = frozenset({"امام", "الامام", "imam"})


@short_cache(maxsize=65536)
def unit_cores(name: str) -> frozenset[str]:
    """Cores of the name units of a name (articles removed), for partial-name matching;
    a glued compound (``امیرعبداللهیان``) also gives its parts."""
    from namematch.link._evidence import split_compound

    out: set[str] = set()
    for u in parse(name).units:
        raw = core = u.core if len(u.core) >= 2 else u.norm
        if len(core) >= 2:
            if not core.isascii():
                core = core.translate(_PERSIAN_LETTERS)  # کوچکی / كوجكي
                if core in _KUNYA_CASES:
                    continue  # أبي / أبا: the case forms of أبو, a particle (لأبي الفضل = أبو الفضل)
            out.add(core)
            # (split as written: the lists hold Persian letters, امیرهوشنگ = امیر + هوشنگ)
            parts = (split_compound(raw) or split_compound(core)) if not core.isascii() else None
            if parts is not None:
                rest = parts[1][2:] if parts[1].startswith("ال") and len(parts[1]) > 4 else parts[1]
                out.add(rest.translate(_PERSIAN_LETTERS))
    return frozenset(out)


_PERSIAN_LETTERS: Final = str.maketrans("پچژگ", "بجزك")
_KUNYA_CASES: Final = frozenset({"ابي", "ابا"})


def family(script: str) -> str:
    """``latin`` or ``arabic`` (Arabic and Persian script together)."""
    return "latin" if script == LATIN else "arabic"


#: What stands between a name and its nickname: "known as", "dubbed", «», المعروف بـ, معروف به.
_ALIAS_GAP: Final = re.compile(
    r"^[\s,(\[«\"“‘'-]*(?:(?:(?:the|a|an)\s+(?:[^\W\d_][\w'’-]*\s+){1,4})?"
    r"(?:(?:widely|popularly|commonly|better|also|locally)\s+)?"
    r"(?:known(?:\s+(?:during|in|to|among|on|by)(?:\s+[^\W\d_][\w'’-]*){1,2})?\s+as|dubbed|nicknamed|called|aka|alias"
    r"|(?:a\s+|in\s+)?reference\s+to(?:\s+the\s+late)?|referring\s+to(?:\s+the\s+late)?)"
    r"|(?:ال)?(?:معروف|ملقب|مكنى|مشهور)[ةه]?\s*(?:ب|باسم|به)?)?[\s\u0640«\"“‘']*$",
    re.IGNORECASE,
)
#: A one-word mention is a misspelling of a longer name's element in the same document
#: from this unit score on (Mustaqi / Mostaqi).
SAME_DOC_VARIANT: Final = 0.9


def aliases(text: str, mentions: list[Mention], ante: list[int | None]) -> list[int | None]:
    """The antecedents with nicknames joined to the name right before them ("Mohamed
    Musa Karim, widely known as "Abu Layth"", ``سالم مهدي الزيدي «أبو حمزة»``): the
    nickname's chain points to the name's chain."""
    root = [i if a is None else a for i, a in enumerate(ante)]
    redirect: dict[int, int] = {}
    for k in range(1, len(mentions)):
        prev, cur = mentions[k - 1], mentions[k]
        gap = text[prev.end : cur.start]
        if len(gap) > 64 or not gap or root[k] == root[k - 1]:  # (room for an apposition: ", the X Y leader known as")
            continue
        if not any(c in gap for c in "«\"“‘'(") and not re.search(r"[^\W\d_]", gap):
            continue  # "X Y": two names side by side, no quote or cue between them
        if not _ALIAS_GAP.match(gap):
            continue
        name = redirect.get(root[k - 1], root[k - 1])
        if root[k] not in redirect and root[k] != name:
            redirect[root[k]] = name  # (the nickname may come first: a headline names the person by it)
    if not redirect:
        return ante
    return [redirect[r] if r in redirect else a for r, a in zip(root, ante, strict=True)]


#: Family relations: two names with one of these between them (X, the son of Y; X فرزند Y; Y ونجله
#: X) are two persons, however alike the names (a son named after his father).
_KIN_WORDS: Final = frozenset(normalize(w) for w in (
    "son", "daughter", "father", "mother", "brother", "sister", "wife", "husband", "widow", "grandson",
    "granddaughter", "nephew", "niece", "nephews",
    "نجل", "نجله", "نجلة", "ابنه", "ابنته", "والد", "والده", "والدة", "شقيق", "شقيقه", "شقيقة", "زوجة", "زوجته",
    "أرملة", "حفيد", "حفيده",
    "پسر", "پسرش", "دختر", "دخترش", "فرزند", "فرزندش", "پدر", "پدرش", "مادر", "برادر", "برادرش", "خواهر", "همسر",
    "همسرش", "نوه"))
#: The gap between two such names is at most this long (an apposition, not another sentence).
_KIN_GAP: Final = 60


def kin(text: str, mentions: list[Mention], ante: list[int | None]) -> list[int | None]:
    """The antecedents with a name split off the longer name right beside it when a family
    relation stands between them (Ahmad X, the son of Ahmad Y X): father and son, not one person
    named twice. The shorter name's mentions then form a chain of their own."""
    out = list(ante)
    for k in range(1, len(mentions)):
        a, b = k - 1, k
        short = a if out[a] == b else b if out[b] == a else None
        if short is None:
            continue
        gap = text[mentions[a].end : mentions[b].start]
        if len(gap) > _KIN_GAP or not {normalize(w) for w in re.findall(r"[^\W\d_]+", gap)} & _KIN_WORDS:
            continue
        target, cores = out[short], unit_cores(mentions[short].text)
        same = [i for i in range(len(mentions)) if out[i] == target and unit_cores(mentions[i].text) == cores]
        for i in same:
            out[i] = None if i == same[0] else same[0]
    return out


def variants(mentions: list[Mention], ante: list[int | None]) -> list[int | None]:
    """One-word mentions that no longer name holds but whose word is a misspelling of the
    family name of exactly one longer name of the document (Mostaqi for Mustaqi) point to it."""
    from namematch.keys import unit_keys
    from namematch.score import score as pair_score

    pointed = {a for a in ante if a is not None}
    lone = [i for i, m in enumerate(mentions) if ante[i] is None and len(m.parsed.units) == 1 and i not in pointed]
    if not lone:
        return ante
    fulls: dict[tuple[str, str], list[tuple[str, int]]] = defaultdict(list)
    cores: set[str] = set()
    for i, m in enumerate(mentions):
        units = m.parsed.units
        if ante[i] is None and len(units) >= 2:
            last = units[-1]
            for key in unit_keys(last.core, last.script, head=last.head):
                if len(fulls[(family(m.script), key)]) < _MAX_SUPERSETS:
                    fulls[(family(m.script), key)].append((last.text, i))
            cores |= unit_cores(m.text)
    if not fulls:
        return ante
    out = list(ante)
    for i in lone:
        m = mentions[i]
        units = m.parsed.units
        if unit_cores(m.text) & cores:
            continue  # (a word that is an element of a longer name is chains' to decide)
        fam = family(m.script)
        near = {c for key in unit_keys(units[0].core, units[0].script, head=units[0].head) for c in fulls.get((fam, key), ())}
        hits = {j for last, j in near if float(pair_score(units[0].text, last)) >= SAME_DOC_VARIANT}
        if len(hits) == 1:
            out[i] = hits.pop()
    return out


def _glued(m: Mention) -> str:
    """The two units of an Arabic-script mention written as one word (قلعه نویی ->
    قلعهنویی, Persian letters read as their Arabic neighbours), or ""."""
    units = m.parsed.units
    if len(units) != 2:
        return ""
    return "".join(u.core for u in units).translate(_PERSIAN_LETTERS)


def _first_core(full: Mention) -> str:
    units = full.parsed.units
    if not units:
        return ""
    core = units[0].core
    return core if core.isascii() else core.translate(_PERSIAN_LETTERS)


def _last_core(m: Mention) -> str:
    units = m.parsed.units
    if not units:
        return ""
    core = units[-1].core
    return core if core.isascii() else core.translate(_PERSIAN_LETTERS)


def _family_holder(key: tuple[str, frozenset[str]], sups: list[tuple[str, frozenset[str]]],
                   first_of: dict[tuple[str, frozenset[str]], int],
                   mentions: list[Mention]) -> tuple[str, frozenset[str]] | None:
    """For a one-word mention held by longer names of different persons: the one person
    whose family name (last unit) it is, when the others hold it as another element
    (``حسن`` beside ``حسن الكعبي`` and ``علي حسن``: the press names a person alone by the
    family name), or None."""
    return _sole_holder(key, sups, first_of, mentions, _last_core)


def _sole_holder(key: tuple[str, frozenset[str]], sups: list[tuple[str, frozenset[str]]],
                 first_of: dict[tuple[str, frozenset[str]], int], mentions: list[Mention],
                 core_at: Callable[[Mention], str]) -> tuple[str, frozenset[str]] | None:
    """For a one-word mention: the longest of the names holding its word where ``core_at``
    reads it (a name's last or first unit), when every other such name's words are within
    that one's (one person), else None."""
    if len(key[1]) != 1:
        return None
    core = next(iter(key[1]))
    holders = [k for k in sups if core_at(mentions[first_of[k]]) == core]
    if not holders:
        return None
    top = max(holders, key=lambda k: (len(k[1]), -first_of[k]))
    return top if all(k[1] <= top[1] for k in holders) else None


def _given_holder(key: tuple[str, frozenset[str]], sups: list[tuple[str, frozenset[str]]],
                  first_of: dict[tuple[str, frozenset[str]], int],
                  mentions: list[Mention]) -> tuple[str, frozenset[str]] | None:
    """For a one-word mention held by longer names of different persons, none as its family
    name: the one person whose given name (first unit) it is, when the others hold it inside
    their names only, as a father's or grandfather's name in a nasab (``بندر`` beside ``بندر بن
    محمد`` and ``ريما بنت بندر بن سلطان``: the press names a person by the given name after a
    title), or None."""
    top = _sole_holder(key, sups, first_of, mentions, _first_core)
    if top is None:
        return None
    core = next(iter(key[1]))
    return top if all(_last_core(mentions[first_of[k]]) != core for k in sups) else None


def _named_apart_holder(key: tuple[str, frozenset[str]], sups: list[tuple[str, frozenset[str]]],
                        first_of: dict[tuple[str, frozenset[str]], int], mentions: list[Mention],
                        families: set[tuple[str, str]]) -> tuple[str, frozenset[str]] | None:
    """For a family name alone that two or more persons of the text carry (relatives: Asif Ali
    X and Bilawal Bhutto X): the one person of them the text never names by the given name
    alone, when each of the others is named so ("Bilawal said"): the press tells relatives
    apart by their given names and keeps the family name for one of them. Else None.
    ``families``: (script family, last unit) of the names of two units or more of the text."""
    if len(key[1]) != 1:
        return None
    core = next(iter(key[1]))
    holders = [k for k in sups if _last_core(mentions[first_of[k]]) == core]
    persons = [k for k in holders if not any(k[1] < o[1] for o in holders)]
    if len(persons) < 2:
        return None
    unnamed = [k for k in persons
               if (key[0], given := _first_core(mentions[first_of[k]])) in families  # (another's family name)
               or (key[0], frozenset({given})) not in first_of]
    if len(unnamed) != 1:
        return None
    top = unnamed[0]
    given = _first_core(mentions[first_of[top]])
    if any(_first_core(mentions[first_of[k]]) == given for k in persons if k != top):
        return None  # (two persons of one given name: the given name alone tells nothing)
    return top if all(k[1] <= top[1] or k in persons for k in holders) else None


def _imam_inside(full: Mention, core: str) -> bool:
    """The name ``full`` holds the word Imam right before the unit ``core`` (رستم امام علي)."""
    units = full.parsed.units
    return any(normalize(a.text) in _IMAMS and b.core.translate(_PERSIAN_LETTERS) == core
               for a, b in itertools.pairwise(units))


def _ordered_cores(name: str) -> list[str]:
    """The unit cores of a name in their order (as :func:`unit_cores` reads them, without the
    parts of glued compounds)."""
    out = []
    for u in parse(name).units:
        core = u.core if len(u.core) >= 2 else u.norm
        if len(core) >= 2:
            out.append(core if core.isascii() else core.translate(_PERSIAN_LETTERS))
    return out


def _in_order(short: Mention, long: Mention) -> bool:
    """The units of ``short`` stand in ``long`` in the same order (a subsequence)."""
    rest = iter(_ordered_cores(long.text))
    return all(any(c == d for d in rest) for c in _ordered_cores(short.text))


def _ordered_holder(key: tuple[str, frozenset[str]], sups: list[tuple[str, frozenset[str]]],
                    first_of: dict[tuple[str, frozenset[str]], int],
                    mentions: list[Mention]) -> tuple[str, frozenset[str]] | None:
    """For a name of two units or more held by longer names of different persons: the one
    person whose name holds its units in the same order, when the others hold them in another
    (``محمد بن راشد`` beside ``محمد بن راشد آل مكتوم`` and ``لولوة بنت راشد بن محمد``: a nasab
    read backwards is another lineage), else None."""
    short = mentions[first_of[key]]
    ordered = [k for k in sups if _in_order(short, mentions[first_of[k]])]
    if not ordered or len(ordered) == len(sups):
        return None
    top = max(ordered, key=lambda k: (len(k[1]), -first_of[k]))
    return top if all(k[1] <= top[1] for k in ordered) else None


def chains(mentions: list[Mention]) -> list[int | None]:
    """Antecedent index of each mention (None for the fullest mention of a chain).

    A mention whose unit cores are a subset of one longer name's cores (and of no
    name that is not a part of that one) points to the first mention of that
    longer name. Mentions are grouped by their set of unit cores first, so the work
    grows with the number of distinct names, not of mentions.
    """
    from namematch.link._context import RULERS, context_roles

    first_of: dict[tuple[str, frozenset[str]], int] = {}
    keys: list[tuple[str, frozenset[str]]] = []
    regnal: set[tuple[str, frozenset[str]]] = set()  # one-word names written with a ruler's title
    imams: set[tuple[str, frozenset[str]]] = set()  # one-word names after Imam (the imams of history)
    held = {c for m in mentions if m.script != LATIN for c in unit_cores(m.text)}
    for i, m in enumerate(mentions):
        key = (family(m.script), unit_cores(m.text))
        glued = _glued(m) if m.script != LATIN and len(key[1]) == 2 else ""
        if glued in held:
            key = (key[0], frozenset({glued}))  # a family name written apart here, together elsewhere
        keys.append(key)
        first_of.setdefault(key, i)
        if len(key[1]) == 1 and m.context and context_roles(m.context) & RULERS:
            regnal.add(key)
        if len(key[1]) == 1 and normalize(m.honorific) in _IMAMS:
            imams.add(key)
    by_core: dict[tuple[str, str], list[tuple[str, frozenset[str]]]] = defaultdict(list)
    for key in first_of:
        for c in key[1]:
            by_core[(key[0], c)].append(key)
    top_of: dict[tuple[str, frozenset[str]], tuple[str, frozenset[str]] | None] = {}
    families = {(k[0], _last_core(mentions[i])) for k, i in first_of.items() if len(k[1]) > 1}
    for key in first_of:
        fam, cores = key
        if not cores:
            top_of[key] = None
            continue
        pivot = min(cores, key=lambda c: (len(by_core[(fam, c)]), c))
        sups = [k for k in by_core[(fam, pivot)][:_MAX_SUPERSETS] if k != key and cores < k[1]]
        if not sups:
            top_of[key] = None
            continue
        # the longer names must form one chain: the largest contains all others
        longest = max(sups, key=lambda k: (len(k[1]), -first_of[k]))
        top: tuple[str, frozenset[str]] | None = longest
        if key in regnal and next(iter(cores)) != _first_core(mentions[first_of[longest]]):
            top = None  # Pope Francis is not Robert Francis Prevost: a regnal name starts the name it shortens
        ordered = (_ordered_holder(key, sups, first_of, mentions)
                   if top is not None and len(cores) >= 2 and not all(k[1] <= top[1] for k in sups) else None)
        if ordered is not None:
            top = ordered
        elif top is not None and not all(k[1] <= top[1] for k in sups):
            top = (_family_holder(key, sups, first_of, mentions) or _given_holder(key, sups, first_of, mentions)
                   or _named_apart_holder(key, sups, first_of, mentions, families)
                   if key not in regnal else None)
        if (top is not None and key in imams and normalize(mentions[first_of[top]].honorific) not in _IMAMS
                and not _imam_inside(mentions[first_of[top]], next(iter(cores)))):
            top = None  # Imam Hussein is no part of a living Hossein X named in the same text (but
            #             is of a name that holds the two words: the Tajik X Imam Ali, Emomali)
        top_of[key] = top
    ante: list[int | None] = []
    for i, key in enumerate(keys):
        chain_top = top_of[key]
        if chain_top is not None:
            ante.append(first_of[chain_top])
        else:
            ante.append(None if first_of[key] == i else first_of[key])
    return ante
