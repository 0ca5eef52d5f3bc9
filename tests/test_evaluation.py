"""namematch.evaluation: the development data readers, splits and metrics, on invented data."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import namematch as nm
from namematch import lexicon
from namematch.evaluation import (
    DEV_SETS,
    average_precision,
    bcubed,
    best_f1,
    f1_at,
    format_table,
    hash_bucket,
    held_out_data,
    held_out_resources,
    hit_at_k,
    in_test_fifth,
    load_entities,
    load_token_pairs,
    person_groups,
    person_sets,
    precision_recall_at,
    read_data_file,
    registry_task,
    reliability,
    sample_pairs,
)

PERSONS = [
    {"id": "a-1", "names": ["Karim Fadel AL-NOURI", "Kareem Fadil al-Nuri", "كريم فاضل النوري"], "source": "alpha"},
    {"id": "a-2", "names": ["Samir Jalal HADDAD", "Sameer Jalal Hadad"], "source": "alpha"},
    {"id": "a-3", "names": ["Nadia Fadel ZAHER", "Nadiya Fadil Zahir", "نادية فاضل زاهر"], "source": "alpha"},
    {"id": "b-1", "names": ["AL-NOURI, Karim Fadel", "Karim al-Nouri"], "source": "beta"},
    {"id": "b-2", "names": ["Omar Jalal BASRI", "Umar Jalal Basri"], "source": "beta"},
]


@pytest.fixture
def data(tmp_path: Path) -> Path:
    for name, ids in (("alpha", ("a-1", "a-2", "a-3")), ("beta", ("b-1", "b-2"))):
        folder = tmp_path / name
        folder.mkdir()
        lines = [json.dumps(p, ensure_ascii=False) for p in PERSONS if p["id"] in ids]
        (folder / "entities.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    tokens = tmp_path / "tokens"
    tokens.mkdir()
    (tokens / "entities.jsonl").write_text("{}\n", encoding="utf-8")
    (tokens / "pairs.tsv").write_text("arabic\tlatin\tcount\nكريم\tkarim\t3\nسمير\tsamir\n\nbad\n", encoding="utf-8")
    return tmp_path


def test_load_entities_reads_persons_and_warns_on_bad_lines(data: Path) -> None:
    path = data / "alpha" / "entities.jsonl"
    path.write_text(path.read_text(encoding="utf-8") + '{"id": "x"}\nnot json\n', encoding="utf-8")
    with pytest.warns(UserWarning, match="2 line"):
        got = load_entities("alpha", data)
    assert [e["id"] for e in got] == ["a-1", "a-2", "a-3"]


def test_load_entities_missing_set_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="NAMEMATCH_SHARED"):
        load_entities("nowhere", tmp_path)


def test_person_sets_lists_development_sets_first_then_person_folders(data: Path, monkeypatch) -> None:
    monkeypatch.delenv("NAMEMATCH_DATASETS", raising=False)
    assert person_sets(data) == (*DEV_SETS, "alpha", "beta")  # "tokens" has a pairs.tsv: a token set
    monkeypatch.setenv("NAMEMATCH_DATASETS", "beta, alpha")
    assert person_sets(data) == ("beta", "alpha")


def test_load_token_pairs(data: Path) -> None:
    assert load_token_pairs("tokens", data) == [("كريم", "karim", 3), ("سمير", "samir", 1)]


def test_person_groups_merge_records_sharing_a_spelling(data: Path) -> None:
    entities = load_entities("alpha", data) + load_entities("beta", data)
    groups = person_groups(entities)
    assert groups["b-1"] == groups["a-1"] == "a-1"  # "AL-NOURI, Karim Fadel" is "Karim Fadel AL-NOURI"
    assert len(set(groups.values())) == 4


def test_sample_pairs_are_seeded_and_labelled(data: Path, monkeypatch) -> None:
    monkeypatch.setenv("NAMEMATCH_DATASETS", "alpha,beta")
    first = sample_pairs(data=data)
    assert first == sample_pairs(data=data)
    assert set(first) == {"alpha cross-script", "alpha same-script", "beta same-script"}
    names = {p["id"]: set(p["names"]) for p in PERSONS}
    for pairs in first.values():
        for a, b, label in pairs:
            same = any(a in ns and b in ns for ns in names.values())
            assert label == int(same)
    assert sum(y for _, _, y in first["alpha cross-script"]) == 4  # two spellings x two persons


def test_registry_task_leaves_a_quarter_of_groups_out(data: Path) -> None:
    persons, queries, group = registry_task(datasets=("alpha", "beta"), data=data)
    listed = {p.id for p in persons}
    for source, kind, query, gold, half in queries:
        assert source in ("alpha", "beta") and half in (0, 1)
        assert kind == ("cross-script" if nm.script_of(query) in ("arabic", "persian", "mixed") else "same-script")
        absent = hash_bucket(gold, "", 4) == 0 if gold is not None else True
        assert (gold is None) == absent
    assert all(hash_bucket(group[p], "", 4) != 0 for p in listed)


def test_hash_splits_are_stable() -> None:
    assert hash_bucket("person-1", "half:", 2) == int(hashlib.sha1(b"half:person-1").hexdigest(), 16) % 2
    shares = sum(in_test_fifth(f"k{i}") for i in range(2000)) / 2000
    assert 0.17 < shares < 0.23
    halves = sum(hash_bucket(f"k{i}", "half:", 2) for i in range(2000)) / 2000
    assert 0.45 < halves < 0.55


def test_pair_metrics_on_a_worked_example() -> None:
    scores, labels = [0.95, 0.9, 0.7, 0.4, 0.2], [1, 0, 1, 1, 0]
    assert average_precision(scores, labels) == pytest.approx((1 + 2 / 3 + 3 / 4) / 3)
    assert f1_at(scores, labels, 0.5) == pytest.approx(2 * 2 / (2 * 2 + 1 + 1))
    assert precision_recall_at(scores, labels, 0.5) == pytest.approx((2 / 3, 2 / 3))
    assert precision_recall_at(scores, labels, 0.99) == (1.0, 0.0)
    assert best_f1(scores, labels) == (pytest.approx(6 / 7), 0.4)
    assert average_precision([0.5], [0]) == 0.0


def test_reliability_bins_and_calibration_error() -> None:
    rows, ece = reliability([0.1, 0.1, 0.9, 0.9, 1.0], [0, 1, 1, 1, 1])
    assert [(r[0], r[2]) for r in rows] == [(0.1, 2), (0.9, 3)]
    assert rows[0][4] == 0.5 and rows[1][4] == 1.0
    assert ece == pytest.approx(2 / 5 * 0.4 + 3 / 5 * abs((0.9 + 0.9 + 1.0) / 3 - 1.0))
    perfect, zero = reliability([0.0, 1.0], [0, 1])
    assert zero == 0.0 and len(perfect) == 2


def test_bcubed_worked_example() -> None:
    p, r, f = bcubed([[0, 1], [2, 3]], ["x", "x", "x", "y"])
    assert p == pytest.approx((1 + 1 + 0.5 + 0.5) / 4)
    assert r == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4)
    assert f == pytest.approx(2 * p * r / (p + r))


def test_bcubed_of_nothing_is_zero_and_an_item_in_no_group_is_refused() -> None:
    assert bcubed([], []) == (0.0, 0.0, 0.0)
    with pytest.raises(ValueError, match=r"items in no group: \[2\]"):
        bcubed([[0, 1]], ["x", "x", "y"])


@given(st.lists(st.integers(0, 4), min_size=1, max_size=30))
def test_bcubed_of_the_gold_clustering_is_perfect_and_singletons_have_full_precision(gold: list[int]) -> None:
    clusters: dict[int, list[int]] = {}
    for i, g in enumerate(gold):
        clusters.setdefault(g, []).append(i)
    assert bcubed(list(clusters.values()), gold) == (1.0, 1.0, 1.0)
    p, r, _f = bcubed([[i] for i in range(len(gold))], gold)
    assert p == 1.0
    assert r == pytest.approx(sum(1 / gold.count(g) for g in gold) / len(gold))


def test_hit_at_k() -> None:
    rankings = [["p1", "p2", "p3"], ["p3", "p1"], []]
    assert hit_at_k(rankings, ["p2", {"p1"}, "p1"], 1) == 0.0
    assert hit_at_k(rankings, ["p2", {"p1"}, "p1"], 2) == pytest.approx(2 / 3)
    assert hit_at_k([], [], 5) == 0.0
    with pytest.raises(ValueError):
        hit_at_k([["a"]], [], 1)


def test_format_table_pads_columns_and_rounds_floats() -> None:
    assert format_table(["a", "long header"], [[1.23456, "x"], ["yy", 2]]).splitlines() == [
        "| a     | long header |",
        "|-------|-------------|",
        "| 1.235 | x           |",
        "| yy    | 2           |",
    ]
    assert format_table(["only"], []) == "| only |\n|------|"


def test_read_data_file_skips_comments(tmp_path: Path) -> None:
    path = tmp_path / "x.tsv"
    path.write_text("# header\nكريم\tkarim\n\n# note\nسمير\tsamir\n", encoding="utf-8")
    assert read_data_file(path) == ["كريم\tkarim", "سمير\tsamir"]


def test_held_out_data_is_used_by_its_scorer_only() -> None:
    pair = ("Zubair Qaddouri", "زبير قدوري")
    before = nm.Scorer().score(*pair)
    # an invented one-group lexicon and a model that only knows these letters
    variants = ["زبير|قدوري\tzubair|qaddouri\t40"]
    model = ["0\tز\tz\t5", "0\tب\tb\t5", "0\tي\ti\t5", "0\tر\tr\t5", "0\tق\tq\t5", "0\tد\td\t5", "0\tو\tou\t5"]
    shipped = lexicon.same_group("قدوري", "qaddouri")
    with held_out_data(model, variants, ["زبير\t40", "قدوري\t40"]) as held:
        assert held.lexicon.same_group("قدوري", "qaddouri")
        assert not held.lexicon.same_group("كريم", "karim")  # the shipped groups are not in it
        assert lexicon.same_group("كريم", "karim")  # and nothing global changed
        held_scorer = nm.Scorer(resources=held)
        assert held_scorer.explain(*pair).pairs[0].method == "lexicon variant"
        assert nm.Scorer().score(*pair) == before
    assert held_out_resources(model, variants, ["زبير\t40", "قدوري\t40"]).lexicon.same_group("زبير", "zubair")
    assert lexicon.same_group("قدوري", "qaddouri") == shipped
    assert nm.Scorer().score(*pair) == before


def test_sample_pairs_never_make_a_negative_of_one_person_listed_twice(tmp_path: Path, monkeypatch) -> None:
    # one list naming the same man under two ids (one spelling shared), beside two other persons
    persons = [
        {"id": "g-1", "names": ["Tariq Munir SALEH", "Tarek Mounir Saleh"]},
        {"id": "g-2", "names": ["SALEH, Tariq Munir", "Tareq Saleh"]},
        {"id": "g-3", "names": ["Tariq Hamid OBEID", "Tarek Hamed Obeid"]},
        {"id": "g-4", "names": ["Munir Saleh DARWISH", "Mounir Salih Darwish"]},
    ]
    folder = tmp_path / "gamma"
    folder.mkdir()
    (folder / "entities.jsonl").write_text("\n".join(json.dumps(p) for p in persons) + "\n", encoding="utf-8")
    monkeypatch.setenv("NAMEMATCH_DATASETS", "gamma")
    groups = person_groups(persons)
    assert groups["g-1"] == groups["g-2"]
    group_of_name = {n: groups[p["id"]] for p in persons for n in p["names"]}
    negatives = 0
    for seed in range(20):
        for a, b, label in sample_pairs(seed=seed, data=tmp_path)["gamma same-script"]:
            if not label:
                negatives += 1
                assert group_of_name[a] != group_of_name[b], (a, b)
    assert negatives > 20
