"""Grouping name mentions into persons without a registry.

Candidate pairs come from the shared-key index (blocking), so cost grows with
the number of plausible pairs, not with the square of the input. Each proposed
pair is aligned as :func:`namematch.score` aligns two names, and its alignment
features are weighed by the **candidate model** (``data/candidate_model.json``,
fitted by ``tools/fit_candidate_model.py``): a logistic model over the same
features as the scoring model, fitted on the pairs blocking proposes rather than
on balanced pairs, so it reads as the chance that two *neighbouring* mentions
are one person, most of them namesakes, relatives or partial names. Groups are
formed by **average linkage** over that chance read as log-odds evidence: a pair
at ``p`` counts ``logit(p) - logit(threshold)`` (clipped to [0.01, 0.99]), a
cross pair that blocking did not propose counts as 0.15, and two groups merge
when the mean over *all* their cross pairs is at least 0 (default threshold
:data:`CLUSTER_THRESHOLD`). The best-linked pair of groups merges first (a heap,
ties by the lower item numbers, so the output is deterministic), and a cohesion
guard keeps two tight groups that share only part of a name apart. Unlike single
linkage, this does not chain "Mohammed Ali" — "Mohammed Hassan" — "Ahmed Hassan"
into one person.

On the development data (``benchmarks/clustering.py``, B-cubed F1) average
linkage over the pair score gave 0.914 on all spellings mixed; the candidate
model gives 0.939 / 0.943 on each half of the persons when fitted on the other
half (``tools/fit_candidate_model.py --halves``), against 0.928 / 0.936 with the
pair score.

>>> cluster(["Qassem Soleimani", "Sattar Hashemi", "قاسم سليماني", "Ghasem Soleymani", "ستار هاشمي"])
[['Qassem Soleimani', 'قاسم سليماني', 'Ghasem Soleymani'], ['Sattar Hashemi', 'ستار هاشمي']]
"""

from __future__ import annotations

import heapq
from array import array
from collections.abc import Iterable
from typing import Any, Final

import attrs

from namematch._checks import check_str
from namematch._decide import logit
from namematch._index import NameKeys, add_postings, check_workers, name_keys, rank_name
from namematch._layered_keys import layered_name_keys
from namematch._options import check_threshold
from namematch._pool import run_chunks
from namematch.resources import Resources
from namematch.score import DEFAULT_SCORER, Scorer

__all__ = ["CLUSTER_THRESHOLD", "ClusterConfig", "cluster", "cluster_records"]


@attrs.frozen(slots=True)
class ClusterConfig:
    """The tuned constants of clustering, as one frozen value (``cluster(..., config=...)``;
    decision 0012).

    - ``threshold``: the default cluster threshold, a **candidate chance** (the candidate
      model's probability that a name and a neighbour retrieval proposes for it are one
      person; not the pair score): two groups merge when the mean log-odds of their cross
      pairs reaches its log-odds. Best of 0.2-0.5 on persons the model was not fitted on
      (``tools/fit_candidate_model.py --halves``: B-cubed F1 0.9345 / 0.9405 on each half;
      0.3 gives 0.9322 / 0.9380).
    - ``unproposed``: the score a cross pair counts as when blocking did not propose it.
    - ``cohesion_gap``: two groups of 2+ names do not merge when the mean evidence of their
      scored cross pairs is more than this (log-odds) below the weaker group's own mean: two
      tight groups sharing only part of a name stay apart. Chosen on half 0.
    - ``clip``: scores are kept in [clip, 1 - clip] before log-odds (:func:`namematch._decide.logit`):
      0 and 1 are finite evidence.
    - ``candidates``, ``scan_budget``, ``probe``: retrieval effort per name (see
      :func:`namematch._index.rank_name`): a dozen neighbours need less than a registry
      query's 15 aliases (same B-cubed F1, 20% faster).
    """

    threshold: float = attrs.field(default=0.25, converter=check_threshold)
    unproposed: float = 0.15
    cohesion_gap: float = 3.0
    clip: float = 0.01
    candidates: int = 12
    scan_budget: int = 1_000
    probe: int = 50


#: The clustering of a call without a config.
DEFAULT_CLUSTERING: Final = ClusterConfig()
#: Default cluster threshold (:attr:`ClusterConfig.threshold`).
CLUSTER_THRESHOLD: Final = DEFAULT_CLUSTERING.threshold


def _check_iterable(value: object, argument: str, of: str = "str") -> Iterable[Any]:
    """An iterable that is not a single string (a str would be read letter by letter)."""
    if isinstance(value, str | bytes | bytearray) or not isinstance(value, Iterable):
        raise TypeError(f"{argument} must be an iterable of {of}, not {type(value).__name__}")
    return value


def proposed_pairs(
    uniq: list[str], workers: int = 1, lexicon: Any = None, resources: Resources | None = None,
    config: ClusterConfig = DEFAULT_CLUSTERING,
) -> list[tuple[int, int]]:
    """The pairs the key index proposes (``(i, j)`` with ``i < j``, in the order found): each
    name's best-ranked neighbours, as :meth:`namematch.Registry.retrieve` ranks aliases.

    With ``workers`` > 1 (and the ``fork`` start method), keys and neighbours are
    computed by that many processes; the result is the same.
    """
    spans = _spans(len(uniq), workers)
    state: dict[str, Any] = {"uniq": uniq, "lexicon": lexicon, "resources": resources, "config": config}
    nks: list[NameKeys] = run_chunks(_keys_of, state, spans, workers)
    postings: dict[str, array[int]] = {}
    for i, nk in enumerate(nks):
        add_postings(postings, nk.all(), i, "q")
    state.update(nks=nks, postings=postings, units=array("B", (nk.unit_count for nk in nks)))
    pairs: dict[tuple[int, int], None] = {}
    for i, ranked in enumerate(run_chunks(_neighbours_of, state, spans, workers)):
        for j in ranked:
            if j != i:
                pairs[(i, j) if i < j else (j, i)] = None
    return list(pairs)


def _candidate_pairs(
    uniq: list[str], scorer: Scorer, workers: int = 1, config: ClusterConfig = DEFAULT_CLUSTERING
) -> dict[tuple[int, int], float]:
    """Scores of the proposed pairs (:func:`proposed_pairs`): ``scorer``'s alignment of the
    two names, weighed by the scorer's candidate model (:attr:`Scorer.candidate_terms`). ``workers`` as there."""
    todo = proposed_pairs(uniq, workers, scorer.lexicon, scorer.resources, config)
    if workers > 1:  # prepared here once, inherited by every forked worker (not prepared in each)
        for name in uniq:
            scorer.prepare(name)
    state: dict[str, Any] = {"uniq": uniq, "value": scorer.value_under, "model": scorer.candidate_terms, "pairs": todo}
    scores = run_chunks(_scores_of, state, _spans(len(todo), workers), workers)
    return dict(zip(todo, scores, strict=True))


def _keys_of(state: dict[str, Any], lo: int, hi: int) -> list[NameKeys]:
    lexicon, resources = state.get("lexicon"), state.get("resources")
    if lexicon is not None:  # the scorer's user variant groups are keys too
        return [layered_name_keys(n, lexicon, resources) for n in state["uniq"][lo:hi]]
    return [name_keys(n, resources) for n in state["uniq"][lo:hi]]


def _neighbours_of(state: dict[str, Any], lo: int, hi: int) -> list[list[int]]:
    postings, empty, n, cfg = state["postings"], array("q"), len(state["uniq"]), state["config"]
    return [
        rank_name(nk, lambda k: postings.get(k, empty), n, limit=cfg.candidates + 1, unit_counts=state["units"],
                  scan_budget=cfg.scan_budget, probe=cfg.probe)
        for nk in state["nks"][lo:hi]
    ]


def _scores_of(state: dict[str, Any], lo: int, hi: int) -> list[float]:
    uniq, value, (weights, intercept) = state["uniq"], state["value"], state["model"]
    return [value(uniq[i], uniq[j], weights, intercept) for i, j in state["pairs"][lo:hi]]


def _spans(n: int, workers: int) -> list[tuple[int, int]]:
    """``[0, n)`` cut into spans: one for a single process, many small ones for a pool."""
    step = n if workers == 1 else max(1, min(2_000, -(-n // (4 * workers))))
    return [(lo, min(n, lo + step)) for lo in range(0, n, max(step, 1))]


class Linkage:
    """Sparse average linkage over log-odds evidence (see the module docstring).

    Cluster pairs that share at least one scored pair keep ``(sum of evidence,
    number of scored pairs)``; pairs never scored count as ``config.unproposed``.
    Every cluster keeps the same for its own scored pairs (its cohesion).
    Merges happen best link first, through a heap of ``(-link, a, b, versions)``
    whose stale entries (a side merged since) are skipped.
    """

    def __init__(
        self, n: int, edges: dict[tuple[int, int], float], threshold: float, config: ClusterConfig = DEFAULT_CLUSTERING
    ) -> None:
        clip = config.clip
        centre = logit(threshold, clip)
        self.unproposed = logit(config.unproposed, clip) - centre
        self.gap = config.cohesion_gap
        self.size = [1] * n
        self.version = [0] * n
        self.parent = list(range(n))
        self.links: list[dict[int, tuple[float, int]]] = [{} for _ in range(n)]
        self.inner: list[tuple[float, int]] = [(0.0, 0)] * n
        for (a, b), s in edges.items():
            self.links[a][b] = self.links[b][a] = (logit(s, clip) - centre, 1)
        self.heap: list[tuple[float, int, int, int, int]] = []

    def link(self, a: int, b: int) -> float:
        """Mean evidence over all cross pairs of clusters ``a`` and ``b`` (>= 0: merge)."""
        total, scored = self.links[a][b]
        pairs = self.size[a] * self.size[b]
        return (total + self.unproposed * (pairs - scored)) / pairs

    def cohesive(self, a: int, b: int) -> bool:
        """False when both clusters hold scored pairs of their own and their scored
        cross pairs are on average more than ``config.cohesion_gap`` below the weaker one."""
        (ta, na), (tb, nb) = self.inner[a], self.inner[b]
        if not (na and nb):
            return True
        total, scored = self.links[a][b]
        return total / scored >= min(ta / na, tb / nb) - self.gap

    def offer(self, a: int, b: int) -> None:
        """Queue the merge of ``a`` and ``b`` if their link reaches the threshold."""
        value = self.link(a, b)
        if value >= 0.0 and self.cohesive(a, b):
            x, y = (a, b) if a < b else (b, a)
            heapq.heappush(self.heap, (-value, x, y, self.version[x], self.version[y]))

    def merge(self, keep: int, gone: int) -> None:
        """Fold cluster ``gone`` into ``keep`` and re-offer ``keep``'s neighbours."""
        mine = self.links[keep]
        (tk, nk), (tg, ng), (tx, nx) = self.inner[keep], self.inner[gone], mine.pop(gone)
        self.inner[keep] = (tk + tg + tx, nk + ng + nx)
        for c, (total, scored) in self.links[gone].items():
            if c == keep:
                continue
            theirs = self.links[c]
            del theirs[gone]
            t0, s0 = mine.get(c, (0.0, 0))
            mine[c] = theirs[keep] = (t0 + total, s0 + scored)
        self.links[gone] = {}
        self.parent[gone] = keep
        self.size[keep] += self.size[gone]
        self.version[keep] += 1
        for c in mine:
            self.offer(keep, c)

    def run(self) -> list[int]:
        """Merge until no link reaches the threshold; the root of every item."""
        for a, mine in enumerate(self.links):
            for b in mine:
                if a < b:
                    self.offer(a, b)
        while self.heap:
            _, a, b, va, vb = heapq.heappop(self.heap)
            if va != self.version[a] or vb != self.version[b] or self.parent[a] != a or self.parent[b] != b:
                continue  # stale: a side has merged since this entry was queued
            keep, gone = (a, b) if len(self.links[a]) >= len(self.links[b]) else (b, a)
            self.merge(keep, gone)
        return [self.root(i) for i in range(len(self.parent))]

    def root(self, x: int) -> int:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x


def _cluster_indices(
    names: list[str], threshold: float | None, scorer: Scorer | None, workers: int = 1,
    config: ClusterConfig | None = None,
) -> list[list[int]]:
    """Groups of input positions; duplicates of a name join its first occurrence."""
    distinct: dict[str, int] = {}
    owner = [distinct.setdefault(name, len(distinct)) for name in names]
    uniq = list(distinct)
    if config is not None and not isinstance(config, ClusterConfig):
        raise TypeError(f"config must be ClusterConfig or None, not {type(config).__name__}")
    cfg = config or DEFAULT_CLUSTERING
    thr = cfg.threshold if threshold is None else check_threshold(threshold, "threshold")
    check_workers(workers)
    roots = Linkage(len(uniq), _candidate_pairs(uniq, scorer or DEFAULT_SCORER, workers, cfg), thr, cfg).run()
    groups: dict[int, list[int]] = {}
    for pos, u in enumerate(owner):
        groups.setdefault(roots[u], []).append(pos)
    return sorted(groups.values(), key=lambda g: g[0])


def cluster(
    names: Iterable[str], threshold: float | None = None, *, scorer: Scorer | None = None, workers: int = 1,
    config: ClusterConfig | None = None,
) -> list[list[str]]:
    """Group name mentions that refer to the same person.

    Every input name appears in exactly one group; groups are ordered by their
    first member's position in the input, and members keep input order.
    ``threshold`` is on the candidate model's scale (default
    :data:`CLUSTER_THRESHOLD`; higher gives smaller, purer groups). ``scorer``
    aligns the names (its caches are used and kept, its user lexicon's variant groups
    are retrieval keys too); the alignment is weighed by the scorer's candidate model
    (:attr:`Scorer.candidate_terms`: the shipped one, or the one :meth:`Scorer.fit`
    moved), not by its pair model. ``workers`` > 1 computes keys,
    neighbours and pair scores in that many processes (where the ``fork`` start
    method exists; else in this one): same groups. ``config`` (a :class:`ClusterConfig`)
    sets the linkage and the retrieval effort; ``threshold``, when given, replaces its threshold.
    """
    items = [check_str(n, "names item") for n in _check_iterable(names, "names")]
    return [[items[i] for i in g] for g in _cluster_indices(items, threshold, scorer, workers, config)]


def cluster_records(
    records: Iterable[tuple[str, str]],
    threshold: float | None = None,
    *,
    scorer: Scorer | None = None,
    workers: int = 1,
    config: ClusterConfig | None = None,
) -> list[list[str]]:
    """Group ``(id, name)`` records by person; returns groups of ids (``workers`` and ``config`` as in
    :func:`cluster`).

    >>> cluster_records([("a", "Masoud Pezeshkian"), ("b", "Sattar Hashemi"), ("c", "مسعود پزشکیان")])
    [['a', 'c'], ['b']]
    """
    ids: list[str] = []
    names: list[str] = []
    for rec in _check_iterable(records, "records", "(id, name) pairs"):
        if not isinstance(rec, tuple | list) or len(rec) != 2:
            raise TypeError("records must be (id, name) pairs")
        ids.append(str(rec[0]))
        names.append(check_str(rec[1], "record name"))
    return [[ids[i] for i in g] for g in _cluster_indices(names, threshold, scorer, workers, config)]
