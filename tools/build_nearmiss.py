"""Build namematch's near-miss development pairs from the development persons (reproducible).

The development pairs of ``namematch.evaluation.sample_pairs`` pair spellings of one person
(positives) with names of other persons that share a name element (negatives). They
almost never hold a *near miss*: the same name with one element replaced by another
name that looks alike — "Ahmad Rezaei" and "Ahmad Rezvani", a different father in an
otherwise equal nasab chain, another patronymic. Those are the pairs a screening user
meets, and the ones a matcher that counts only what agrees scores as one person.

For every gold person of the development lists (records of one person on two lists
merged as ``namematch.evaluation.person_groups`` does) this script takes real spellings of the
person's name and replaces exactly **one** name element by another real name element
of the development persons, of the same kind and of similar shape:

``family``      a family name (no article) by another family name;
``nisba``       a family name with the article (al-Tikriti) by another such nisba;
``given``       the first given name (the ism) by another first name;
``nasab``       a later given name of an Arabic name chain (the father, the grandfather)
                by another given name;
``patronymic``  a Slavic patronymic (-ovich, -evna...) by another patronymic;
``middle``      a later given name of another name (Jose de Jesus, Luis Ignacio);
``syllable``    one syllable of an East Asian given name (Jong-nam) by another syllable.

"Similar shape": the replacement is among the most alike of its kind by edit
similarity of the folded spellings (Arabic-script names: of the letters), at least
half alike (syllables: any). It must not be a variant of the element it replaces:
not in one lexicon group with it (``namematch.lexicon``), not a spelling the person's
own names use, not the same folded spelling, and not the same consonant skeleton
unless the lexicon lists both as two different names (Hassan, Hussein). Korean and
Chinese syllables are also compared after a loose fold of their romanisations
(Jong = Chong, Chol = Chul).

Each near-miss negative pairs the altered name with a real spelling of the person (the
spelling altered itself in half of them, so the two names differ in that element
only); the positives are real pairs of spellings of the same persons, as many as the
negatives. Every pair carries the half of its person (hash of the gold person, as in
the benchmarks), so a model fitted on one half is measured on the other.

    python tools/build_nearmiss.py [--seed N] [--out pairs.tsv]

prints the counts per kind and half; ``--out`` writes the pairs (TSV with a header).
``tools/fit_score_model.py`` calls :func:`near_miss_pairs`; ``benchmarks/accuracy.py`` and ``tests/test_figures.py`` read ``--out``.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from rapidfuzz.distance import Indel, Levenshtein

import namematch as nm
from namematch import lexicon
from namematch.evaluation import DEV_SETS, load_entities, person_groups
from namematch.evaluation import hash_bucket as _bucket
from namematch.evaluation import is_arabic_script as is_arabic
from namematch.keys import arabic_skeletons, latin_skeletons, unit_keys
from namematch.score import consonant_classes, fold_latin, latin_readings

SEED = 26
#: Replacements drawn from among this many most alike candidates of the kind.
TOP = 8
#: Least edit similarity of the folded spellings for a replacement (syllables excepted).
MIN_SHAPE = 0.5
#: Real spelling pairs per person (as ``sample_pairs``).
MAX_POSITIVES = 6
KINDS = ("family", "nisba", "given", "nasab", "patronymic", "middle", "syllable")

_PATRONYMIC = re.compile(r"(?:ovich|evich|ovych|evych|ich|ovna|evna|ichna|ovitch|evitch|oglu|ogly|ovic|evic)$")
#: One romanised Korean or Chinese syllable: consonants, vowels, an optional coda.
_SYLLABLE = re.compile(r"^(?:[bcdfghjklmnprstwxyz]{0,3})(?:[aeiouyw]{1,3})(?:ng|n|m|k|l|p|t|r)?$")
_LOOSE = (("ch", "j"), ("tch", "j"), ("ts", "j"), ("c", "j"), ("g", "k"), ("d", "t"), ("b", "p"), ("r", "l"),
          ("eo", "o"), ("u", "o"), ("ae", "e"), ("ee", "i"), ("yi", "i"), ("h", ""), ("w", ""))  # fmt: skip


class Pair(NamedTuple):
    a: str
    b: str
    label: int
    kind: str  # "variant" for positives, else the kind of element replaced
    half: int
    dataset: str
    cross: bool  # one name in Arabic script, the other not
    replaced: str = ""  # the element replaced (its text), for a near miss
    by: str = ""  # and what replaced it


class _Element(NamedTuple):
    text: str
    core: str
    kind: str
    arabic: bool
    fold: str


def _loose(syllable: str) -> str:
    """A Korean/Chinese syllable under a loose fold of its romanisations (Jong = Chong)."""
    s = syllable.lower()
    for a, b in _LOOSE:
        s = s.replace(a, b)
    return s


def _east_asian(units: Sequence[nm.NameToken]) -> bool:
    """Whether every unit of a Latin name is one short romanised syllable (Kim Jong Nam)."""
    return len(units) >= 2 and all(
        u.script == "latin" and len(u.core) <= 5 and _SYLLABLE.match(u.core) for u in units
    )


def _kinds(parsed: nm.ParsedName) -> list[str]:
    """The kind of each name unit (:data:`KINDS`; "" for a unit never replaced)."""
    units = parsed.units
    east = _east_asian(units)
    out = []
    for k, u in enumerate(units):
        if u.role == "initial" or len(u.core) < 2:
            out.append("")
        elif u.role == "family":
            out.append("" if east else ("nisba" if u.article else "family"))
        elif east:
            out.append("syllable" if k > 0 or not any(v.role == "family" for v in units) else "")
        elif k == 0:
            out.append("given")
        elif u.script == "latin" and _PATRONYMIC.search(u.core):
            out.append("patronymic")
        elif u.lineage or u.script != "latin" or _arabic_element(u.core):
            out.append("nasab")
        else:
            out.append("middle")
    return out


def _arabic_element(core: str) -> bool:
    """Whether the lexicon lists a Latin form with an Arabic-script spelling (an Arabic name element)."""
    return _named(core)


def _fold(core: str, arabic: bool) -> str:
    return core if arabic else fold_latin(core)


def _skeletons(core: str, arabic: bool) -> set[str]:
    return set(arabic_skeletons(core) if arabic else latin_skeletons(core))


def _is_variant(x: _Element, y: _Element, own: set[str]) -> bool:
    """Whether ``y`` may be a spelling of ``x`` or of a name the person uses: one of the
    person's own forms, in one lexicon group with one, the same folded spelling, or the same
    consonants (Latin: as ``namematch.score`` classes them; Arabic script: the skeleton of the
    retrieval keys), unless the lexicon lists both as two known names (Hassan, Hussein)."""
    if y.core in own or y.fold in own or y.fold == x.fold:
        return True
    if not x.arabic and min(len(x.fold), len(y.fold)) >= 3 and (x.fold in y.fold or y.fold in x.fold):
        return True  # one holds the other (Bashir, Bashiruddin; Daoud, Abu Daoud): not a look-alike name
    if any(lexicon.same_group(y.core, f) for f in (x.core, *own)):
        return True
    if x.kind == "syllable" and _loose(x.core) == _loose(y.core):
        return True
    if x.arabic:
        same = _skeletons(x.core, True) & _skeletons(y.core, True)
    else:  # in every reading of ch and th (Fathi, Fady)
        same = {c for r in latin_readings(x.core) for c in consonant_classes(fold_latin(r))} & {
            c for r in latin_readings(y.core) for c in consonant_classes(fold_latin(r))}
    return bool(same) and not (_named(x.core) and _named(y.core))


def _named(core: str) -> bool:
    """Whether a form is listed in a lexicon group with an Arabic-script form (a known name)."""
    lex = lexicon.shipped()
    return any(lex.arabic[g] for g in lex.group_ids(core))


def _shape(x: _Element, y: _Element) -> float:
    if x.arabic:
        return Levenshtein.normalized_similarity(x.fold, y.fold)
    return Indel.normalized_similarity(x.fold, y.fold)


def _style(text: str, like: str) -> str:
    """``text`` in the letter case of ``like`` (upper, title or as is)."""
    if like.isupper():
        return text.upper()
    if text.isupper() and not like.isupper():
        text = text.title()
    if like[:1].isupper() and text[:1].islower():
        return text[:1].upper() + text[1:]
    return text


def _persons() -> list[tuple[str, str, list[str]]]:
    """(gold person, dataset, distinct spellings) of every development person (twins merged)."""
    entities = [e for ds in DEV_SETS for e in load_entities(ds)]
    group = person_groups(entities)
    names: dict[str, list[str]] = {}
    source: dict[str, str] = {}
    for e in entities:
        g = group[e["id"]]
        names.setdefault(g, []).extend(e["names"])
        source.setdefault(g, e["source"])
    return [(g, source[g], list(dict.fromkeys(v))) for g, v in names.items()]


def _pool(persons: list[tuple[str, str, list[str]]]) -> dict[tuple[str, bool], list[_Element]]:
    """Every name element of the development persons by (kind, Arabic script), once per core."""
    pool: dict[tuple[str, bool], dict[str, _Element]] = {}
    for _g, _ds, names in persons:
        for name in names:
            parsed = nm.parse(name)
            for u, kind in zip(parsed.units, _kinds(parsed), strict=True):
                if not kind:
                    continue
                arabic = u.script in ("arabic", "persian")
                el = _Element(u.text, u.core, kind, arabic, _fold(u.core, arabic))
                pool.setdefault((kind, arabic), {}).setdefault(u.core, el)
    return {k: sorted(v.values()) for k, v in pool.items()}


def _own_forms(names: list[str]) -> set[str]:
    """Every unit form (norm, core, fold) of a person's spellings."""
    own: set[str] = set()
    for name in names:
        for u in nm.parse(name).units:
            arabic = u.script in ("arabic", "persian")
            own.update((u.norm, u.core, _fold(u.core, arabic)))
    return own


def _replace(
    name: str, unit: nm.NameToken, kind: str, pool: dict, own: set[str], rng: random.Random
) -> tuple[str, str] | None:
    """``name`` with ``unit`` replaced by a near-miss element of its kind (and the element's
    text as written there), or None if there is none."""
    arabic = unit.script in ("arabic", "persian")
    x = _Element(unit.text, unit.core, kind, arabic, _fold(unit.core, arabic))
    alike = []
    for y in pool.get((kind, arabic), ()):
        s = _shape(x, y)
        if s >= 1.0 or (kind != "syllable" and s < MIN_SHAPE):
            continue
        alike.append((-s, y.core, y))
    alike.sort()
    chosen = [y for _s, _c, y in alike[: TOP * 4] if not _is_variant(x, y, own)][:TOP]
    if not chosen:
        return None
    y = rng.choice(chosen)
    text = _style(y.text, unit.text)
    return name[: unit.start] + text + name[unit.end :], text


def _variant_pair(a: str, b: str) -> bool:
    """Whether two spellings of one person are spellings of one name: every element of the
    shorter (an initial: its letter) shares a blocking key (``namematch.keys``: consonant
    skeleton, lexicon group, romanisation) with a distinct element of the longer. Aliases
    that are other names ("AFRIDI, Amanullah" for "URS, Amanullah") are not."""
    ua, ub = nm.parse(a).units, nm.parse(b).units
    if not ua or not ub:
        return False
    short, long_ = (ua, ub) if len(ua) <= len(ub) else (ub, ua)
    free = list(long_)
    for u in short:
        hit = next((v for v in free if _compatible(u, v)), None)
        if hit is None:
            return False
        free.remove(hit)
    return True


def _counterpart(u: nm.NameToken, v: nm.NameToken) -> bool:
    """Whether ``v`` spells the element ``u`` in the same role, written out (not an initial):
    replacing ``u`` then makes a difference the other name shows."""
    return (u.role == "family") == (v.role == "family") and v.role != "initial" and _compatible(u, v)


def _compatible(u: nm.NameToken, v: nm.NameToken) -> bool:
    if u.core == v.core:
        return True
    if u.role == "initial" or v.role == "initial":
        x, y = (u, v) if u.role == "initial" else (v, u)
        return y.script == "latin" and y.core[:1] == x.core[:1]
    return bool(unit_keys(u.core, u.script) & unit_keys(v.core, v.script))


def _near_miss(
    target: str, partner: str, pool: dict, own: set[str], rng: random.Random
) -> tuple[str, str, str, str] | None:
    """``target`` with one element replaced by a near miss, the kind replaced, the element's
    text and its replacement's (or None).
    Only an element that ``partner`` spells too is replaced: a pair in which one name
    lacks the element says nothing about it (a dropped middle name)."""
    parsed = nm.parse(target)
    others = nm.parse(partner).units
    slots = [(u, k) for u, k in zip(parsed.units, _kinds(parsed), strict=True)
             if k and any(_counterpart(u, v) for v in others)]
    if len(parsed.units) < 2 or not slots:
        return None
    rng.shuffle(slots)
    for unit, kind in slots:
        altered = _replace(target, unit, kind, pool, own, rng)
        if altered is not None and nm.normalize(altered[0]) != nm.normalize(target):
            return altered[0], kind, unit.text, altered[1]
    return None


def near_miss_pairs(seed: int = SEED) -> list[Pair]:
    """The variant positives and near-miss negatives of the development persons, one
    negative per positive: a real pair of spellings ``(x, y)`` of one person (each name
    element of the shorter one a spelling of one of the longer's, :func:`_variant_pair`)
    and ``(x, y')``, ``y'`` being ``y`` with one element replaced by a near miss (``(y, y')``
    for a third of them, two names that differ in that element only)."""
    rng = random.Random(seed)
    persons = _persons()
    pool = _pool(persons)
    out: list[Pair] = []
    for g, ds, names in persons:
        half = _bucket(g, "half:", 2)
        own = _own_forms(names)
        spellings = [(a, b) for i, a in enumerate(names) for b in names[i + 1 :]]
        rng.shuffle(spellings)
        made = 0
        for a, b in spellings:
            if made >= MAX_POSITIVES:
                break
            if not _variant_pair(a, b):
                continue
            x, y = (a, b) if rng.random() < 0.5 else (b, a)
            alone = rng.random() < 1 / 3  # the altered name against its own spelling
            partner = y if alone else x
            altered = _near_miss(y, partner, pool, own, rng)
            if altered is None:
                x, y = y, x
                partner = y if alone else x
                altered = _near_miss(y, partner, pool, own, rng)
            if altered is None:
                continue
            out.append(Pair(a, b, 1, "variant", half, ds, is_arabic(a) != is_arabic(b)))
            out.append(Pair(partner, altered[0], 0, altered[1], half, ds, is_arabic(partner) != is_arabic(altered[0]),
                            altered[2], altered[3]))
            made += 1
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--out", type=Path, help="write the pairs here (TSV)")
    args = ap.parse_args(argv)
    pairs = near_miss_pairs(args.seed)
    counts = Counter((p.kind, p.half) for p in pairs)
    print("kind | half 0 | half 1")
    for kind in ("variant", *KINDS):
        print(f"{kind} | {counts[(kind, 0)]} | {counts[(kind, 1)]}")
    print(f"all: {len(pairs)} pairs, {sum(p.label for p in pairs)} positives, {sum(p.cross for p in pairs)} cross-script")
    if args.out:
        with open(args.out, "w", encoding="utf-8") as fh:
            fh.write("a\tb\tlabel\tkind\thalf\tdataset\tcross\treplaced\tby\n")
            for p in pairs:
                fh.write("\t".join(map(str, (p.a, p.b, p.label, p.kind, p.half, p.dataset, int(p.cross), p.replaced, p.by))) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
