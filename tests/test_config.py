"""Resources and configuration as values: a scorer owns its name data and its scoring
configuration; model files record the configuration they were fitted under. Invented names."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest

import namematch as nm
from namematch.resources import Resources
from namematch.score import DEFAULT_CONFIG, ModelConfigWarning, ScoreConfig, Scorer, ScorerFileError


def test_default_config_is_what_the_shipped_models_record() -> None:
    from namematch.score._model import candidate_model_file, default_model

    assert default_model()["config_digest"] == DEFAULT_CONFIG.digest
    assert candidate_model_file()["config_digest"] == DEFAULT_CONFIG.digest
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        Scorer()
        Scorer(config=ScoreConfig())  # equal values: the same configuration


def test_config_values_are_checked_and_frozen() -> None:
    with pytest.raises(ValueError, match="agree_from"):
        ScoreConfig(agree_from=1.5)
    with pytest.raises(ValueError, match="max_units"):
        ScoreConfig(max_units=0)
    with pytest.raises(TypeError, match="config"):
        Scorer(config={"agree_from": 0.9})  # type: ignore[arg-type]
    cfg = ScoreConfig()
    with pytest.raises(AttributeError):
        cfg.agree_from = 0.9  # type: ignore[misc]
    assert ScoreConfig(**cfg.to_dict()) == cfg and ScoreConfig(**cfg.to_dict()).digest == cfg.digest


def test_a_model_fitted_under_another_config_warns() -> None:
    with pytest.warns(ModelConfigWarning) as caught:
        Scorer(config=ScoreConfig(agree_from=0.9))  # the shipped models were fitted under the default
    assert sorted(str(w.message).split(" was ")[0] for w in caught) == ["the candidate model", "the pair model"]
    from namematch.score import FEATURES

    model = {"weights": dict.fromkeys(FEATURES, 0.1), "intercept": 0.0, "config_digest": "0123456789abcdef"}
    with pytest.warns(ModelConfigWarning, match="pair model"):
        Scorer(model=model)
    with pytest.warns(ModelConfigWarning, match="candidate model"):
        Scorer(candidate_model=model)
    del model["config_digest"]  # a model written by hand records none: nothing to check
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        Scorer(model=model)


def test_the_scorer_reads_its_own_config() -> None:
    pair = ("Kamal Dorani", "Kamel Durani")
    strict = ScoreConfig(max_units=1)
    with pytest.warns(ModelConfigWarning):
        scorer = Scorer(config=strict)
    assert len(scorer.prepare("Kamal Tarek Dorani").units) == 1
    assert len(Scorer().prepare("Kamal Tarek Dorani").units) == 3
    with pytest.warns(ModelConfigWarning):
        capped = Scorer(config=ScoreConfig(partial_cap=0.6))
    assert capped.score("Kamal Dorani", "Kamal Tarek Dorani") <= 0.6 < Scorer().score("Kamal Dorani", "Kamal Tarek Dorani")
    # a matrix under another configuration equals the scorer's own scores (every pair in full)
    names = [pair[0], pair[1], "Omar Saidi", None]
    matrix = capped.score_matrix(names[:3], names)
    for i, a in enumerate(names[:3]):
        for j, b in enumerate(names):
            if b is None:
                assert matrix[i][j] != matrix[i][j]  # NaN
            else:
                assert matrix[i][j] == capped.score(a, b)


def test_saved_scorer_keeps_its_config_and_refuses_a_changed_one(tmp_path: Path) -> None:
    with pytest.warns(ModelConfigWarning):
        scorer = Scorer(config=ScoreConfig(max_units=6), threshold=0.6)
    path = tmp_path / "s.json"
    scorer.save(path)
    with pytest.warns(ModelConfigWarning):
        loaded = Scorer.load(path)
    assert loaded.config == ScoreConfig(max_units=6) and loaded.threshold == 0.6
    data = json.loads(path.read_text(encoding="utf-8"))
    data["config"]["max_units"] = 7  # the digest no longer says what the file holds
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ScorerFileError, match="another configuration"):
        Scorer.load(path)
    data["config"]["agree_from"] = "high"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ScorerFileError, match="damaged"):
        Scorer.load(path)


def test_fit_records_the_config_it_fitted_under() -> None:
    pairs = [("Kamal Dorani", "Kamel Durani", True), ("Kamal Dorani", "Omar Saidi", False)] * 6
    fitted = Scorer.fit(pairs, folds=2)
    assert fitted.model is not None and fitted.model["config_digest"] == DEFAULT_CONFIG.digest
    assert fitted.config == DEFAULT_CONFIG and fitted.resources is Resources.shipped()


def test_resources_values() -> None:
    shipped = Resources.shipped()
    assert shipped.is_shipped and Resources.build() is shipped  # nothing other: the shipped value
    tiny = Resources.build(lexicon_lines=(["-\tzarepour|zareepour\t5"], [], []))
    assert not tiny.is_shipped and tiny.model is shipped.model  # the model not given is the shipped one
    assert tiny.lexicon_digest != shipped.lexicon_digest and tiny.model_digest == shipped.model_digest
    with pytest.raises(ValueError, match="not both"):
        Resources.build(lexicon=tiny.lexicon, lexicon_lines=([], [], []))
    with pytest.raises(ValueError, match="model_kind"):
        Resources.build(model_lines=[], model_kind="other")
    with pytest.raises(TypeError, match="resources"):
        Scorer(resources="shipped")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="resources"):
        nm.romanize("علي", resources=object())  # type: ignore[arg-type]
    # a scorer with other name data is not saved as if it had the shipped data
    with pytest.raises(ValueError, match="other name data"):
        Scorer(resources=tiny).save("unused.json")


def test_keys_fingerprint_names_the_resources() -> None:
    from namematch._index import keys_fingerprint

    tiny = Resources.build(lexicon_lines=(["-\tzarepour|zareepour\t5"], [], []))
    model = Resources.build(model_lines=["0\tب\tb\t5"])
    assert keys_fingerprint() == keys_fingerprint(Resources.shipped())
    assert len({keys_fingerprint(), keys_fingerprint(tiny), keys_fingerprint(model)}) == 3


def test_registry_decides_with_its_decision_config() -> None:
    from namematch.registry import DecisionConfig, Person, Registry

    people = [Person("p1", "Kamal Dorani"), Person("p2", "Omar Saidi")]
    reg = Registry(people)
    assert reg.decision == DecisionConfig() and (reg.match_threshold, reg.margin) == (0.75, 1.0)
    strict = Registry(people, decision=DecisionConfig(match_threshold=0.99999, retrieve=1))
    assert strict.match_threshold == 0.99999 and strict.retrieve("Kamal Dorani") == reg.retrieve("Kamal Dorani")[:1]
    assert reg.match("Kamal Dorani") is not None and strict.match("Kamel Durani") is None
    # the thresholds given as arguments replace the config's
    assert Registry(people, decision=DecisionConfig(margin=2.0), margin=0.5).decision.margin == 0.5
    with pytest.raises(ValueError, match="match_threshold"):
        DecisionConfig(match_threshold=2)
    with pytest.raises(ValueError, match="rivals"):
        DecisionConfig(rivals=0)
    with pytest.raises(TypeError, match="decision"):
        Registry(people, decision={"margin": 1.0})  # type: ignore[arg-type]


def test_retrieval_config_is_what_keys_and_ranking_read() -> None:
    from namematch._index import DEFAULT_RETRIEVAL, RetrievalConfig, name_keys

    assert name_keys("Mohammed Ali") == name_keys("Mohammed Ali", None, DEFAULT_RETRIEVAL)
    assert name_keys("Mohammed Ali").pairs  # two common elements: a pair key
    assert not name_keys("Mohammed Ali", None, RetrievalConfig(common_rarity=-1.0)).pairs


def test_cluster_reads_its_cluster_config() -> None:
    from namematch.cluster import CLUSTER_THRESHOLD, ClusterConfig

    names = ["Kamal Dorani", "Kamel Durani", "كمال دوراني", "Omar Saidi", "Omar Said"]
    assert ClusterConfig().threshold == CLUSTER_THRESHOLD
    assert nm.cluster(names, config=ClusterConfig()) == nm.cluster(names)
    assert nm.cluster(names, config=ClusterConfig(threshold=0.9)) == nm.cluster(names, 0.9)
    assert nm.cluster(names, 0.9, config=ClusterConfig(threshold=0.1)) == nm.cluster(names, 0.9)  # the argument wins
    # no neighbour proposed: nothing is scored, every name stays alone
    assert nm.cluster(names, config=ClusterConfig(candidates=0, probe=0, scan_budget=0)) == [[n] for n in names]
    with pytest.raises(ValueError, match="threshold"):
        ClusterConfig(threshold=1.5)
    with pytest.raises(TypeError, match="config"):
        nm.cluster(names, config={"threshold": 0.3})  # type: ignore[arg-type]
