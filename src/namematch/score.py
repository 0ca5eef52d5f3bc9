"""Name similarity: unit alignment, structure rules, explanations (fourth stage).

``score(a, b)`` parses both names, aligns their name units (honorifics and titles
never count; particles are structure, not evidence), compares each pair of units
through the best bridge available — exact form, the name-variant lexicon,
romanisation of Arabic-script units, folded spelling — and combines the pair
similarities weighted by how rare each name element is. Structure rules then
apply: a reversed nasab chain ("Salman bin Muhammad" vs "Muhammad bin Salman")
and two different family names or nisbas are strong evidence against a match.

>>> score("Qassem Soleimani", "قاسم سليماني") >= DEFAULT_THRESHOLD
True
>>> score("Muhammad bin Salman", "Salman bin Muhammad") < DEFAULT_THRESHOLD
True
>>> score("Sayyid Sattar Hashemi", "Sattar Hashemi")
1.0

Scorers follow rapidfuzz's protocol ``(a, b, *, processor=None, score_cutoff=None)``
so :func:`score` plugs into ``rapidfuzz.process.extract``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Final

import attrs
from rapidfuzz.distance import Indel, Levenshtein

from namematch import lexicon as _lexicon
from namematch.keys import unit_keys
from namematch.normalize import ARABIC, LATIN, PERSIAN, _check_str
from namematch.parse import FAMILY, INITIAL, NameToken, parse
from namematch.romanize import romanize_unit

__all__ = [
    "DEFAULT_THRESHOLD",
    "AlignedPair",
    "Explanation",
    "Scorer",
    "explain",
    "is_match",
    "score",
    "score_matrix",
]

#: Scores at or above this value are matches. Chosen on the development data as
#: the threshold of best F1 over all pair slices (see ``benchmarks/accuracy.py``).
DEFAULT_THRESHOLD: Final = 0.70

#: Name units read per name in alignment (longer names are truncated): bounds cost.
MAX_UNITS: Final = 12

# Methods by which two units matched (reported by explain()).
EXACT: Final = "exact"
LEXICON: Final = "lexicon variant"
ROMANISED: Final = "romanised"
PHONETIC: Final = "phonetic key"
EDIT: Final = "edit similarity"
INITIAL_MATCH: Final = "initial"
MERGED: Final = "merged units"

_ARABIC_SCRIPTS: Final = frozenset({ARABIC, PERSIAN})
#: Persian letters as the Arabic press re-spells them (پ→ب, چ→ج, ژ→ز, گ→ك).
_ARABIC_PRESS: Final = str.maketrans({"پ": "ب", "چ": "ج", "ژ": "ز", "گ": "ك"})

# Latin spelling folds under which transliteration variants of one sound meet.
_LATIN_FOLDS: Final = (
    ("ough", "u"), ("ou", "u"), ("oo", "u"), ("ee", "i"), ("ie", "i"), ("ey", "ei"),
    ("ph", "f"), ("gh", "g"), ("kh", "h"), ("dh", "z"), ("th", "s"), ("sch", "sh"),
    ("ch", "sh"), ("dj", "j"), ("ci", "si"), ("ce", "se"), ("q", "k"), ("c", "k"), ("x", "ks"), ("w", "u"),
    ("v", "u"), ("o", "u"), ("e", "i"), ("y", "i"),
)  # fmt: skip


def _fold_latin(s: str) -> str:
    """Fold a Latin spelling so transliteration variants of one name meet.

    >>> _fold_latin("soleymani"), _fold_latin("suleimani"), _fold_latin("ghasem"), _fold_latin("qassim")
    ('sulimani', 'sulimani', 'gasim', 'kasim')
    """
    for a, b in _LATIN_FOLDS:
        if a in s:
            s = s.replace(a, b)
    out: list[str] = []
    for c in s:
        if not out or out[-1] != c:
            out.append(c)
    s = "".join(out).replace("ii", "i").replace("ai", "i").replace("ui", "i")
    if len(s) > 3 and s.endswith("h"):
        s = s[:-1]
    return s


def _fold_q(s: str) -> str:
    # q/k/g and gh all meet at k for comparison
    return s.replace("g", "k")


def _evidence(similarity: float) -> float:
    """How much a unit-pair similarity counts toward a match.

    Spelling variants of one name score 0.85-1.0; different names that look
    alike (Hassan/Hussein, Mohammed/Ahmed) score 0.6-0.75 and must count little.
    """
    if similarity >= 0.95:
        return similarity
    x = (similarity - 0.6) / 0.35
    return 0.0 if x <= 0 else 0.95 * x**1.5


@attrs.frozen(slots=True)
class _Unit:
    text: str
    norm: str
    core: str
    arabic: bool
    initial: bool
    family: bool
    lineage: bool
    weight: float
    rarity: float
    latin: tuple[str, ...]  # Latin spellings (romanised for Arabic script), lower-case
    folds: tuple[str, ...]  # folded Latin spellings for comparison
    keys: frozenset[str]
    known: bool
    homoglyphs: bool


@attrs.frozen(slots=True)
class _Prepared:
    source: str
    units: tuple[_Unit, ...]
    identity: tuple[str, ...]
    has_lineage: bool
    honorifics: tuple[str, ...]


@attrs.frozen(slots=True)
class AlignedPair:
    """Two aligned name units and how they matched."""

    a: str
    b: str
    method: str
    similarity: float
    weight: float

    def to_dict(self) -> dict[str, Any]:
        return attrs.asdict(self)


@attrs.frozen(slots=True)
class Explanation:
    """Why two names scored what they did.

    ``str(explanation)`` is a short text for reviewers; :meth:`to_dict` and
    :meth:`to_json` give the same content as data.
    """

    a: str
    b: str
    score: float
    pairs: tuple[AlignedPair, ...]
    unmatched_a: tuple[str, ...]
    unmatched_b: tuple[str, ...]
    rules: tuple[str, ...]
    threshold: float = DEFAULT_THRESHOLD

    @property
    def is_match(self) -> bool:
        return self.score >= self.threshold

    def to_dict(self) -> dict[str, Any]:
        return {
            "a": self.a,
            "b": self.b,
            "score": round(self.score, 4),
            "match": self.is_match,
            "threshold": self.threshold,
            "pairs": [p.to_dict() for p in self.pairs],
            "unmatched_a": list(self.unmatched_a),
            "unmatched_b": list(self.unmatched_b),
            "rules": list(self.rules),
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)

    def __str__(self) -> str:
        verdict = "match" if self.is_match else "no match"
        lines = [f"{self.a!r} ~ {self.b!r}: {self.score:.3f} ({verdict} at {self.threshold:.2f})"]
        for p in self.pairs:
            lines.append(f"  {p.a} = {p.b}  [{p.method}, similarity {p.similarity:.2f}, weight {p.weight:.2f}]")
        if self.unmatched_a:
            lines.append(f"  only in first: {', '.join(self.unmatched_a)}")
        if self.unmatched_b:
            lines.append(f"  only in second: {', '.join(self.unmatched_b)}")
        for rule in self.rules:
            lines.append(f"  rule: {rule}")
        return "\n".join(lines)


def _rf_flags(**_: Any) -> dict[str, Any]:
    return {"optimal_score": 1.0, "worst_score": 0.0, "flags": 0}


class Scorer:
    """A configured name scorer with a cache of prepared names.

    The module-level :func:`score`, :func:`is_match`, :func:`explain` and
    :func:`score_matrix` use a default instance. Preparing a name (parse,
    romanise, keys, weights) happens once per distinct string.

    >>> s = Scorer(threshold=0.8)
    >>> s.is_match("Ghasem Soleymani", "Qassem Soleimani")
    True
    """

    def __init__(
        self,
        *,
        threshold: float = DEFAULT_THRESHOLD,
        unmatched_long_penalty: float = 0.3,
        unmatched_short_penalty: float = 1.0,
        family_conflict_factor: float = 0.55,
        nasab_order_factor: float = 0.5,
        order_factor: float = 0.97,
        cache_size: int = 200_000,
    ) -> None:
        if not 0.0 <= threshold <= 1.0:
            raise ValueError(f"threshold must be in [0, 1], got {threshold!r}")
        self.threshold = float(threshold)
        self.unmatched_long_penalty = unmatched_long_penalty
        self.unmatched_short_penalty = unmatched_short_penalty
        self.family_conflict_factor = family_conflict_factor
        self.nasab_order_factor = nasab_order_factor
        self.order_factor = order_factor
        self.cache_size = cache_size
        self._prepared: dict[str, _Prepared] = {}
        self._pair_cache: dict[tuple[str, str], tuple[float, str]] = {}

    # -- preparation -----------------------------------------------------
    def prepare(self, name: str) -> _Prepared:
        """Parse, romanise and key a name once; later calls hit the cache."""
        prep = self._prepared.get(name)
        if prep is None:
            _check_str(name)
            prep = self._prepare(name)
            if len(self._prepared) >= self.cache_size:
                self._prepared.clear()
            self._prepared[name] = prep
        return prep

    def _prepare(self, name: str) -> _Prepared:
        parsed = parse(name)
        units = tuple(self._unit(t) for t in parsed.units[:MAX_UNITS])
        identity = tuple(u.norm for u in units)
        return _Prepared(
            name,
            units,
            identity,
            any(t.role == "particle" and t.canonical == "bin" for t in parsed.tokens),
            tuple(t.text for t in parsed.honorifics + parsed.titles),
        )

    @staticmethod
    def _unit(t: NameToken) -> _Unit:
        arabic = t.script in _ARABIC_SCRIPTS
        initial = t.role == INITIAL
        core = t.core or t.norm
        if arabic:
            latin = tuple(romanize_unit(core, limit=4)) or (core,)
            if core.endswith("الله") and len(core) > 4 and not core.startswith("عبد"):
                # a "X Allah" compound (Hidayatullah): romanise X, then the divine name
                latin = tuple(dict.fromkeys(x + "ullah" for x in romanize_unit(core[:-4], limit=4))) + latin
        elif t.script == LATIN:
            latin = (core,)
        else:
            latin = (core,)
        rarity = 0.5 if initial else _lexicon.rarity(core)
        weight = 0.15 if initial else 0.25 + 0.75 * rarity
        folds = tuple(dict.fromkeys(_fold_latin(x) for x in latin))
        return _Unit(
            t.text,
            t.norm,
            core,
            arabic,
            initial,
            t.role == FAMILY,
            t.lineage,
            weight,
            rarity,
            latin,
            folds,
            frozenset() if initial else unit_keys(core, t.script),
            False if initial else _lexicon.known(core),
            t.homoglyphs,
        )

    # -- unit similarity -------------------------------------------------
    def _unit_sim(self, u: _Unit, v: _Unit) -> tuple[float, str]:
        key = (u.norm, v.norm) if u.norm <= v.norm else (v.norm, u.norm)
        hit = self._pair_cache.get(key)
        if hit is None:
            hit = self._unit_sim_uncached(u, v)
            if len(self._pair_cache) >= self.cache_size:
                self._pair_cache.clear()
            self._pair_cache[key] = hit
        return hit

    @staticmethod
    def _unit_sim_uncached(u: _Unit, v: _Unit) -> tuple[float, str]:
        if u.initial or v.initial:
            if u.initial and v.initial:
                return (1.0, INITIAL_MATCH) if u.core == v.core else (0.0, INITIAL_MATCH)
            ini, full = (u, v) if u.initial else (v, u)
            letter = _fold_q(ini.core[:1])
            if any(_fold_q(x[:1]) == letter for x in full.latin):
                return 0.8, INITIAL_MATCH
            return 0.0, INITIAL_MATCH
        if u.core == v.core:
            return 1.0, EXACT
        if u.arabic and v.arabic:
            a, b = u.core.translate(_ARABIC_PRESS), v.core.translate(_ARABIC_PRESS)
            if a == b:
                return 0.97, EXACT
        if _lexicon.same_group(u.core, v.core):
            return 0.95, LEXICON
        best = 0.0
        for x in u.folds:
            for y in v.folds:
                r = Indel.normalized_similarity(x, y)
                if r > best:
                    best = r
        if u.arabic and v.arabic:
            best = max(best, Levenshtein.normalized_similarity(u.core, v.core) * 0.95)
        method = ROMANISED if (u.arabic != v.arabic) else EDIT
        if best >= 0.999:
            return (0.93, method) if u.arabic != v.arabic else (0.96, PHONETIC)
        if u.keys & v.keys:
            best = min(1.0, best + 0.06)
            if method == EDIT:
                method = PHONETIC
        if u.known and v.known and not u.arabic and not v.arabic:
            best *= 0.85  # two different known names: Hassan is not Hussein
        return best, method

    # -- alignment -------------------------------------------------------
    def _align(
        self, pa: _Prepared, pb: _Prepared, want_explain: bool = False
    ) -> tuple[float, list[tuple[int, int, float, str]], list[str]]:
        ua, ub = pa.units, pb.units
        rules: list[str] = []
        n, m = len(ua), len(ub)
        sims: list[tuple[float, int, int, str]] = []
        for i in range(n):
            for j in range(m):
                s, method = self._unit_sim(ua[i], ub[j])
                if s >= 0.5:
                    sims.append((s, i, j, method))
        sims.sort(key=lambda x: (-x[0], x[1], x[2]))
        used_a: set[int] = set()
        used_b: set[int] = set()
        matched: list[tuple[int, int, float, str]] = []
        for s, i, j, method in sims:
            if s < 0.6 or i in used_a or j in used_b:
                continue
            used_a.add(i)
            used_b.add(j)
            matched.append((i, j, s, method))
        # split/merged units: "Mohammad Reza" ~ "Mohammadreza", "Ben Ali" ~ "Benali"
        merged = self._merges(ua, ub, used_a, used_b) + [
            (j, i, s, meth) for (i, j, s, meth) in self._merges(ub, ua, used_b, used_a)
        ]
        merged_pairs: list[tuple[tuple[int, ...], tuple[int, ...], float]] = []
        for i, j, s, _meth in merged:
            ia = i if isinstance(i, tuple) else (i,)
            jb = j if isinstance(j, tuple) else (j,)
            if used_a.isdisjoint(ia) and used_b.isdisjoint(jb):
                used_a.update(ia)
                used_b.update(jb)
                merged_pairs.append((ia, jb, s))
                if want_explain:
                    rules.append("split/merged name units aligned")
        num = 0.0
        match_w = 0.0
        evidence = 0.0
        for i, j, s, _ in matched:
            w = (ua[i].weight + ub[j].weight) / 2
            num += _evidence(s) * w
            match_w += w
            evidence += w
        for ia, jb, s in merged_pairs:
            w = (sum(ua[i].weight for i in ia) + sum(ub[j].weight for j in jb)) / 2
            num += _evidence(s) * w
            match_w += w
            evidence += w
        un_a = sum(ua[i].weight for i in range(n) if i not in used_a)
        un_b = sum(ub[j].weight for j in range(m) if j not in used_b)
        if n <= m:
            un_short, un_long = un_a, un_b
        else:
            un_short, un_long = un_b, un_a
        if n == m:
            un_short = un_long = (un_a + un_b) / 2
            penalty = (self.unmatched_short_penalty + self.unmatched_long_penalty) / 2 * (un_a + un_b)
        else:
            penalty = self.unmatched_short_penalty * un_short + self.unmatched_long_penalty * un_long
        denom = match_w + penalty
        value = num / denom if denom > 0 else 0.0
        if matched or merged_pairs:
            # little evidence: only common name elements matched
            if evidence < 0.55:
                value *= 0.75 + 0.25 * (evidence / 0.55)
                if want_explain:
                    rules.append("only common name elements matched: weak evidence")
        # family name / nisba conflict: both sides carry one and they do not align
        fam_a = [i for i in range(n) if ua[i].family and i not in used_a]
        fam_b = [j for j in range(m) if ub[j].family and j not in used_b]
        if fam_a and fam_b:
            value *= self.family_conflict_factor
            if want_explain:
                rules.append(
                    "family name conflict: "
                    + ", ".join(ua[i].text for i in fam_a)
                    + " vs "
                    + ", ".join(ub[j].text for j in fam_b)
                )
        # order of the name chain
        pairs = sorted((i, j) for i, j, _, _ in matched)
        inverted = any(pairs[k][1] > pairs[k + 1][1] for k in range(len(pairs) - 1))
        if inverted:
            if pa.has_lineage or pb.has_lineage or (min(n, m) >= 3):
                value *= self.nasab_order_factor
                if want_explain:
                    rules.append("nasab order reversed (X bin Y is not Y bin X)")
            else:
                value *= self.order_factor
                if want_explain:
                    rules.append("name order differs (given/family swapped)")
        if want_explain:
            if pa.honorifics or pb.honorifics:
                rules.insert(0, "honorifics/titles ignored: " + ", ".join(pa.honorifics + pb.honorifics))
            if any(u.homoglyphs for u in ua + ub):
                rules.append("look-alike letters from another script folded (possible evasion)")
        all_pairs = matched + [
            (ia[0], jb[0], s, MERGED) for ia, jb, s in merged_pairs
        ]
        return max(0.0, min(1.0, value)), all_pairs, rules

    def _merges(
        self, ua: Sequence[_Unit], ub: Sequence[_Unit], used_a: set[int], used_b: set[int]
    ) -> list[tuple[Any, int, float, str]]:
        """Adjacent unmatched units of ``ua`` that together match one unit of ``ub``."""
        out: list[tuple[Any, int, float, str]] = []
        for i in range(len(ua) - 1):
            if i in used_a or i + 1 in used_a:
                continue
            x, y = ua[i], ua[i + 1]
            if x.initial or y.initial:
                continue
            joined = [_fold_latin(p + q) for p in x.latin[:2] for q in y.latin[:2]]
            for j, v in enumerate(ub):
                if j in used_b or v.initial:
                    continue
                best = max(Indel.normalized_similarity(jf, vf) for jf in joined for vf in v.folds)
                if best >= 0.8:
                    out.append(((i, i + 1), j, min(best, 0.95), MERGED))
        return out

    # -- public ----------------------------------------------------------
    def score(
        self,
        a: str,
        b: str,
        *,
        processor: Callable[[str], str] | None = None,
        score_cutoff: float | None = None,
    ) -> float:
        """Similarity of two names in [0, 1] (symmetric; 1.0 for the same parse).

        ``processor`` is applied to both strings first; a result below
        ``score_cutoff`` is returned as 0.0 (rapidfuzz's protocol).
        """
        _check_str(a, "a")
        _check_str(b, "b")
        if processor is not None:
            a, b = processor(a), processor(b)
        if b < a:
            a, b = b, a  # symmetric by construction
        pa, pb = self.prepare(a), self.prepare(b)
        if not pa.units or not pb.units:
            value = 0.0
        elif pa.identity == pb.identity:
            value = 1.0
        else:
            value = round(self._align(pa, pb)[0], 6)
        if score_cutoff is not None and value < score_cutoff:
            return 0.0
        return value

    def is_match(self, a: str, b: str, threshold: float | None = None) -> bool:
        """True when ``score(a, b)`` reaches the threshold (default: the scorer's)."""
        return self.score(a, b) >= (self.threshold if threshold is None else threshold)

    def explain(self, a: str, b: str) -> Explanation:
        """Score two names and say why: aligned units, unmatched units, rules fired."""
        _check_str(a, "a")
        _check_str(b, "b")
        pa, pb = self.prepare(a), self.prepare(b)
        value = self.score(a, b)
        if not pa.units or not pb.units:
            return Explanation(a, b, value, (), tuple(u.text for u in pa.units),
                               tuple(u.text for u in pb.units), ("a name has no name units",), self.threshold)  # fmt: skip
        _, pairs, rules = self._align(pa, pb, want_explain=True)
        if pa.identity == pb.identity:
            rules.insert(0, "same name after normalisation and parsing")
        aligned = []
        used_a: set[int] = set()
        used_b: set[int] = set()
        for i, j, s, method in sorted(pairs):
            ua, ub = pa.units[i], pb.units[j]
            used_a.add(i)
            used_b.add(j)
            aligned.append(AlignedPair(ua.text, ub.text, method, round(s, 3), round((ua.weight + ub.weight) / 2, 3)))
        if any(m == MERGED for *_, m in pairs):
            # merged pairs cover two units on one side; mark their neighbours used
            for i, j, _s, method in pairs:
                if method == MERGED:
                    used_a.update({i, i + 1} & set(range(len(pa.units))))
                    used_b.update({j, j + 1} & set(range(len(pb.units))))
        un_a = tuple(u.text for k, u in enumerate(pa.units) if k not in used_a)
        un_b = tuple(u.text for k, u in enumerate(pb.units) if k not in used_b)
        return Explanation(a, b, value, tuple(aligned), un_a, un_b, tuple(rules), self.threshold)

    def score_matrix(
        self,
        queries: Iterable[str],
        choices: Iterable[str],
        *,
        score_cutoff: float | None = None,
        dtype: Any = None,
    ) -> Any:
        """Scores of every query against every choice.

        Each string is prepared once. Pairs that share no retrieval key cannot
        reach a match and get 0.0 without being aligned; the rest are scored in
        full. Returns a numpy array (``float32`` unless ``dtype`` says) when
        numpy is installed, else a list of lists.
        """
        qs = [self.prepare(_check_str(q, "queries item")) for q in queries]
        cs = [self.prepare(_check_str(c, "choices item")) for c in choices]
        index: dict[str, list[int]] = {}
        for k, c in enumerate(cs):
            for key in sorted({key for u in c.units for key in u.keys}):
                index.setdefault(key, []).append(k)
        rows: list[list[float]] = []
        for q in qs:
            row = [0.0] * len(cs)
            cand: set[int] = set()
            for u in q.units:
                for key in u.keys:
                    cand.update(index.get(key, ()))
            for k in cand:
                c = cs[k]
                a, b = (q, c) if q.source <= c.source else (c, q)
                if a.identity == b.identity:
                    val = 1.0 if a.units else 0.0
                else:
                    val = round(self._align(a, b)[0], 6)
                if score_cutoff is None or val >= score_cutoff:
                    row[k] = val
            rows.append(row)
        try:
            import numpy as np
        except ImportError:  # pragma: no cover - numpy is optional
            return rows
        return np.asarray(rows, dtype=dtype or np.float32).reshape(len(qs), len(cs))


_DEFAULT = Scorer()


def score(
    a: str,
    b: str,
    *,
    processor: Callable[[str], str] | None = None,
    score_cutoff: float | None = None,
) -> float:
    """Similarity of two person names in [0, 1], across scripts.

    Symmetric; 1.0 when both names normalise to the same parse; compare with
    :data:`DEFAULT_THRESHOLD`. Follows rapidfuzz's scorer protocol, so
    ``rapidfuzz.process.extractOne(name, choices, scorer=namematch.score)`` works.

    >>> score("Nasir Abd al-Muhsin Abdallah", "Naseer Abdul Mohsen Abdullah") > 0.8
    True
    >>> score("Mohammed Hassan", "Mohammed Hussein") < DEFAULT_THRESHOLD
    True
    """
    return _DEFAULT.score(a, b, processor=processor, score_cutoff=score_cutoff)


score._RF_ScorerPy = {"get_scorer_flags": _rf_flags}  # type: ignore[attr-defined]
Scorer.score._RF_ScorerPy = {"get_scorer_flags": _rf_flags}  # type: ignore[attr-defined]


def is_match(a: str, b: str, threshold: float | None = None) -> bool:
    """True when ``score(a, b) >= threshold`` (default :data:`DEFAULT_THRESHOLD`)."""
    return _DEFAULT.is_match(a, b, threshold)


def explain(a: str, b: str) -> Explanation:
    """Score two names and explain the result.

    >>> print(explain("Sayyid Sattar Hashemi", "S. Hashemi"))  # doctest: +ELLIPSIS
    'S. Hashemi' ~ 'Sayyid Sattar Hashemi': ...
    """
    if isinstance(a, str) and isinstance(b, str) and b < a:
        a, b = b, a
    return _DEFAULT.explain(a, b)


def score_matrix(
    queries: Iterable[str], choices: Iterable[str], *, score_cutoff: float | None = None
) -> Any:
    """Score every query against every choice (see :meth:`Scorer.score_matrix`)."""
    return _DEFAULT.score_matrix(queries, choices, score_cutoff=score_cutoff)

