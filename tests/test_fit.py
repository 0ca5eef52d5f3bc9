"""Scorer.fit, the fit report, Scorer.save / Scorer.load and ``namematch fit`` (invented names)."""

from __future__ import annotations

import csv
import io
import json
import os
import stat

import pytest

import namematch as nm
from namematch.cli import main
from namematch.score import FEATURES
from namematch.score._fit import choose_threshold, parse_label, read_pairs

GIVEN = ["Lorenzo", "Marco", "Giulia", "Paolo", "Chiara", "Matteo", "Elena", "Davide", "Sara", "Tommaso",
         "Fabio", "Irene"]
FAMILY = ["Bianchetti", "Ferraruolo", "Castellazzi", "Montagnoli", "Pellegrinetti", "Zanardelli", "Quaglierini",
          "Brambillotti", "Santorelli", "Vitalesco", "Orlandini", "Guerrazzoni"]


def family_pairs() -> list[tuple[str, str, bool]]:
    """A project whose convention counts two members of one family as one household (same)."""
    pairs = []
    for k, fam in enumerate(FAMILY):
        a, b = GIVEN[k], GIVEN[(k + 5) % len(GIVEN)]
        pairs.append((f"{a} {fam}", f"{b} {fam}", True))  # same family: "same" here
        # a spelling variant: a final i written y (a final o for i would be another family
        # name, Marini ~ Marino)
        pairs.append((f"{a} {fam}", f"{a} {fam[:-1]}y" if fam.endswith("i") else f"{a} {fam}", True))
        other = FAMILY[(k + 3) % len(FAMILY)]
        pairs.append((f"{a} {fam}", f"{b} {other}", False))  # another family
        pairs.append((f"{a} {fam}", f"{a} {other}", False))  # same given name, another family
    return pairs


def test_fit_moves_scores_toward_the_labels() -> None:
    shipped = nm.Scorer()
    fitted = nm.Scorer.fit(family_pairs())
    unseen_same = ("Roberto Cavalleri", "Simone Cavalleri")  # the convention: one household
    unseen_diff = ("Roberto Cavalleri", "Roberto Lombardozzi")
    assert fitted.score(*unseen_same) > shipped.score(*unseen_same) + 0.1
    assert fitted.is_match(*unseen_same) and not shipped.is_match(*unseen_same)
    assert fitted.score(*unseen_diff) <= shipped.score(*unseen_diff) + 0.05
    assert not fitted.is_match(*unseen_diff)
    assert fitted.model_weights != shipped.model_weights
    # the weight the convention contradicts moved toward zero, and kept its sign
    k = FEATURES.index("first_name_conflict")
    assert shipped.model_weights[k] < fitted.model_weights[k] <= 0.0


def test_fit_report_is_held_apart_and_complete() -> None:
    fitted = nm.Scorer.fit(family_pairs())
    report = fitted.report
    assert isinstance(report, nm.FitReport)
    assert report.pairs == 48 and report.positives == 24
    assert report.threshold == fitted.threshold
    assert any(r.threshold == report.threshold for r in report.rows)
    assert all(0.0 <= r.precision <= 1.0 and 0.0 <= r.recall <= 1.0 for r in report.rows)
    assert sum(c.pairs for c in report.calibration) == report.pairs
    assert report.average_precision > report.prior_average_precision
    text = str(report)
    assert "precision" in text and "share same person" in text


def test_a_target_precision_sets_a_higher_threshold() -> None:
    pairs = family_pairs()
    f1 = nm.Scorer.fit(pairs)
    precise = nm.Scorer.fit(pairs, threshold=0.99)
    assert precise.report.rule == "precision >= 0.99"
    assert precise.threshold >= f1.threshold
    row = next(r for r in precise.report.rows if r.threshold == precise.threshold)
    assert row.precision >= 0.99 or not precise.report.target_met


def test_threshold_choice_on_held_apart_scores() -> None:
    scores = [0.9, 0.8, 0.7, 0.3, 0.2, 0.1]
    labels = [True, True, True, False, False, False]
    t, met = choose_threshold(scores, labels, "f1")
    assert 0.3 < t <= 0.7 and met
    t, met = choose_threshold(scores, labels, 0.9)
    assert 0.3 < t <= 0.7 and met
    t, met = choose_threshold([0.9, 0.8], [False, True], 0.99)
    assert not met


def test_a_few_pairs_barely_move_the_model() -> None:
    pairs = [("Qassem Soleimani", "Ghasem Soleymani", True), ("Mohammed Hassan", "Mohammed Hussein", False),
             ("Sattar Hashemi", "Seyed Sattar Hashemi", True), ("Ali Hassan", "Ahmed Hassan", False),
             ("Abbas Araghchi", "Abbas Araqchi", True), ("Fuad Hussein", "Fuad Hassan", False)]
    fitted = nm.Scorer.fit(pairs)
    shipped = nm.Scorer()
    assert max(abs(a - b) for a, b in zip(fitted.model_weights, shipped.model_weights, strict=True)) < 0.5
    for a, b, same in pairs:
        assert fitted.is_match(a, b) == same


def test_pairs_as_a_dataframe() -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame(family_pairs(), columns=["a", "b", "same"])
    fitted = nm.Scorer.fit(frame)
    assert fitted.report.pairs == len(frame)
    assert read_pairs(frame.rename(columns={"a": "x", "b": "y", "same": "z"}))[0] == family_pairs()[0]


@pytest.mark.parametrize(("pairs", "error"), [
    ("John,Jon,1", TypeError),
    ([("John", "Jon")], ValueError),
    ([("John", 3, True)], TypeError),
    ([("John", "Jon", "maybe")], ValueError),
    ([("John", "Jon", True)] * 5, ValueError),  # no pair of different persons
])  # fmt: skip
def test_bad_pairs_are_refused_with_their_position(pairs: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        nm.Scorer.fit(pairs)


def test_labels() -> None:
    assert [parse_label(x) for x in (True, 0, 1, "yes", "No", "same", "different", "1", "false")] == [
        True, False, True, True, False, True, False, True, False]
    with pytest.raises(ValueError):
        parse_label(2)


def test_save_load_round_trip_keeps_mode_and_scores(tmp_path) -> None:
    fitted = nm.Scorer.fit(family_pairs(), lexicon=nm.UserLexicon(variants=[("Giulia", "Julia")]))
    path = tmp_path / "scorer.json"
    path.write_text("old")
    os.chmod(path, 0o640)
    fitted.save(path)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
    loaded = nm.Scorer.load(path)
    assert loaded.threshold == fitted.threshold
    assert loaded.model_weights == fitted.model_weights and loaded.candidate_terms == fitted.candidate_terms
    assert loaded.lexicon == fitted.lexicon and loaded.report == fitted.report
    for a, b, _y in [*family_pairs()[:8], ("Giulia Rossi", "Julia Rossi", True)]:
        assert loaded.score(a, b) == fitted.score(a, b)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["features"] == list(FEATURES)
    assert data["config_digest"]


@pytest.mark.parametrize("change", ["config_digest", "features", "format", "broken"])
def test_a_mismatching_or_broken_scorer_file_is_refused(tmp_path, change: str) -> None:
    path = tmp_path / "scorer.json"
    nm.Scorer.fit(family_pairs()).save(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    if change == "broken":
        path.write_text(path.read_text(encoding="utf-8")[:40], encoding="utf-8")
    else:
        data[change] = ["coverage"] if change == "features" else "something else"
        path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(nm.ScorerFileError) as info:
        nm.Scorer.load(path)
    assert str(path) in str(info.value)
    if change == "config_digest":
        assert "another configuration" in str(info.value)


@pytest.mark.parametrize(("where", "value"), [
    (("model", "weights", "coverage"), "x"),
    (("model", "weights", "coverage"), float("nan")),
    (("candidate_model", "intercept"), float("inf")),
    (("model", "weights"), {}),
    (("threshold",), 5),
    (("lexicon",), {"variants": "Ioannis"}),
    (("report",), [1]),
])  # fmt: skip
def test_a_damaged_scorer_file_is_refused(tmp_path, where: tuple[str, ...], value: object) -> None:
    path = tmp_path / "scorer.json"
    nm.Scorer.fit(family_pairs()).save(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    target = data
    for key in where[:-1]:
        target = target[key]
    target[where[-1]] = value
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(nm.ScorerFileError, match="damaged scorer file"):
        nm.Scorer.load(path)


def test_a_fitted_scorer_serves_the_registry_and_clustering() -> None:
    fitted = nm.Scorer.fit(family_pairs())
    shipped_reg = nm.Registry([nm.Person("p1", "Roberto Cavalleri")])
    fitted_reg = nm.Registry([nm.Person("p1", "Roberto Cavalleri")], scorer=fitted)
    assert fitted_reg.scorer is fitted
    shipped_c = shipped_reg.resolve("Simone Cavalleri", threshold=0.0)
    fitted_c = fitted_reg.resolve("Simone Cavalleri", threshold=0.0)
    assert fitted_c[0].score > (shipped_c[0].score if shipped_c else 0.0)
    assert fitted.candidate_terms != nm.Scorer().candidate_terms
    names = ["Roberto Cavalleri", "Simone Cavalleri", "Anna Lombardozzi"]
    assert len(nm.cluster(names, scorer=fitted)) <= len(nm.cluster(names))


# -- the command line -------------------------------------------------------------


def _write_pairs(path, pairs, extra: str = "") -> None:
    lines = ["a,b,same"] + [f"{a},{b},{'yes' if y else 'no'}" for a, b, y in pairs]
    path.write_text("\n".join(lines) + "\n" + extra, encoding="utf-8")


def test_cli_fit_writes_a_scorer_and_prints_the_report(tmp_path, capsys) -> None:
    pairs_file, out = tmp_path / "pairs.csv", tmp_path / "scorer.json"
    _write_pairs(pairs_file, family_pairs())
    assert main(["fit", str(pairs_file), "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "threshold" in printed and "share same person" in printed and str(out) in printed
    assert main(["score", "Roberto Cavalleri", "Simone Cavalleri", "--scorer", str(out), "--format", "jsonl"]) == 0
    row = json.loads(capsys.readouterr().out)
    assert row["match"] is True


def test_cli_fit_reports_bad_lines_with_their_numbers(tmp_path, capsys) -> None:
    pairs_file, out = tmp_path / "pairs.csv", tmp_path / "scorer.json"
    _write_pairs(pairs_file, family_pairs(), extra="only,two\nJohn Roe,Jon Roe,perhaps\n")
    assert main(["fit", str(pairs_file), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"{pairs_file}:50:" in err and f"{pairs_file}:51:" in err and "perhaps" in err
    assert not out.exists()
    assert main(["fit", str(pairs_file), "-o", str(out), "--skip-bad"]) == 0
    assert out.exists() and "2 bad line(s) skipped" in capsys.readouterr().err


def test_cli_fit_reads_jsonl_and_named_columns(tmp_path, capsys) -> None:
    pairs_file, out = tmp_path / "pairs.jsonl", tmp_path / "scorer.json"
    lines = [json.dumps({"left": a, "right": b, "label": y}) for a, b, y in family_pairs()]
    pairs_file.write_text("\n".join(lines) + "\n{broken\n", encoding="utf-8")
    code = main(["fit", str(pairs_file), "-o", str(out), "--a-col", "left", "--b-col", "right", "--label-col",
                 "label"])
    assert code == 1 and f"{pairs_file}:49: broken JSON" in capsys.readouterr().err


def test_cli_refuses_a_broken_scorer_file(tmp_path, capsys) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "other"}', encoding="utf-8")
    assert main(["score", "a b", "c d", "--scorer", str(bad)]) == 1
    assert "not a scorer file" in capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_cli_fit_report_formats(fmt: str, tmp_path, capsys) -> None:
    pairs_file, out = tmp_path / "pairs.csv", tmp_path / "scorer.json"
    _write_pairs(pairs_file, family_pairs())
    assert main(["fit", str(pairs_file), "-o", str(out), "--format", fmt]) == 0
    captured = capsys.readouterr()
    saved = nm.Scorer.load(out)
    if fmt == "jsonl":
        (report,) = [json.loads(line) for line in captured.out.splitlines()]
        assert report["threshold"] == saved.threshold and report["pairs"] == len(family_pairs())
    else:
        rows = list(csv.DictReader(io.StringIO(captured.out)))
        assert [r["threshold"] for r in rows if r["chosen"] == "true"] == [str(saved.threshold)]
    assert f"wrote {out}" in captured.err


def test_cli_fit_target_precision_and_its_checks(tmp_path, capsys) -> None:
    pairs_file, out = tmp_path / "pairs.csv", tmp_path / "scorer.json"
    _write_pairs(pairs_file, family_pairs())
    assert main(["fit", str(pairs_file), "-o", str(out), "--threshold", "95"]) == 2
    assert "did you mean 0.95?" in capsys.readouterr().err and not out.exists()
    assert main(["fit", str(pairs_file), "-o", str(out), "--threshold", "0.99", "--format", "jsonl"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["rule"] == "precision >= 0.99" and nm.Scorer.load(out).threshold == report["threshold"]


def test_cli_fit_unwritable_output_is_one_line(tmp_path, capsys) -> None:
    pairs_file = tmp_path / "pairs.csv"
    _write_pairs(pairs_file, family_pairs())
    assert main(["fit", str(pairs_file), "-o", str(pairs_file / "scorer.json")]) == 1  # its folder is a file
    err = capsys.readouterr().err
    assert err.startswith("namematch: error:") and err.count("\n") == 1 and "Traceback" not in err


def test_a_fitted_scorer_serves_duckdb_and_travels_to_spark_executors() -> None:
    fitted = nm.Scorer.fit(family_pairs(), lexicon=nm.UserLexicon(variants=[("Giulia", "Julia")]))
    a, b = "Roberto Cavalleri", "Simone Cavalleri"
    assert fitted.score(a, b) != nm.score(a, b)
    duckdb = pytest.importorskip("duckdb")
    nm_duckdb = pytest.importorskip("namematch.duckdb")
    con = nm_duckdb.register(duckdb.connect(), scorer=fitted)
    (value,) = con.execute("SELECT namematch_score(?, ?)", [a, b]).fetchone()
    assert value == pytest.approx(fitted.score(a, b))
    spark = pytest.importorskip("namematch.spark")  # the scorer as executors rebuild it
    rebuilt = spark._build_scorer(spark._scorer_spec(fitted))
    assert rebuilt is not fitted and rebuilt.threshold == fitted.threshold
    assert rebuilt.score(a, b) == fitted.score(a, b)
    assert rebuilt.score("Giulia Rossi", "Julia Rossi") == fitted.score("Giulia Rossi", "Julia Rossi")
