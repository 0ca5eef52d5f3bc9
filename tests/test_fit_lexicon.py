"""A user lexicon (UserLexicon): each effect on scoring, retrieval and mention finding (invented names)."""

from __future__ import annotations

import pytest

import namematch as nm
from namematch.cli import main


def test_a_user_group_makes_two_spellings_match() -> None:
    plain = nm.Scorer()
    lex = nm.UserLexicon(variants=[("Ioannis", "Yannis", "John")])
    user = nm.Scorer(lexicon=lex)
    a, b = "Ioannis Papadakis", "John Papadakis"
    assert not plain.is_match(a, b)
    assert user.is_match(a, b) and user.score(a, b) > plain.score(a, b)
    ex = user.explain(a, b)
    assert any(p.method == "lexicon variant" and {p.a, p.b} == {"Ioannis", "John"} for p in ex.pairs)
    # nothing global changed: the default scorer still keeps them apart
    assert not nm.is_match(a, b) and nm.score(a, b) == plain.score(a, b)


def test_score_matrix_equals_score_with_a_user_group() -> None:
    user = nm.Scorer(lexicon=nm.UserLexicon(variants=[("Ioannis", "John")]))
    queries = ["Ioannis Papadakis", "Maria Stavrou", None]
    choices = ["John Papadakis", "Ioannis Papadakis", "Mary Stavrou"]
    matrix = user.score_matrix(queries, choices)
    for i, q in enumerate(queries[:2]):
        for j, c in enumerate(choices):
            assert matrix[i][j] == pytest.approx(user.score(q, c))


def test_a_registry_with_a_user_lexicon_retrieves_and_matches_the_group() -> None:
    people = [nm.Person("p1", "John Papadakis"), nm.Person("p2", "Nikos Papadakis"), nm.Person("p3", "John")]
    lex = nm.UserLexicon(variants=[("Ioannis", "John")])
    plain, user = nm.Registry(people), nm.Registry(people, lexicon=lex)
    assert plain.resolve("Ioannis Papadakis", threshold=0.5) == []
    found = user.resolve("Ioannis Papadakis", threshold=0.5)
    assert found[0].person.id == "p1" and found[0].score > 0.9
    assert user.match("Ioannis Papadakis").person.id == "p1"
    # the group is a retrieval key: a one-word name shares no other key with its variant
    assert plain.retrieve("Ioannis") == [] and user.retrieve("Ioannis")
    assert "p3" in [c.person.id for c in user.resolve("Ioannis", threshold=0.5)]
    assert nm.Registry(people).resolve("Ioannis", threshold=0.5) == []


def test_a_saved_index_remembers_its_user_lexicon(tmp_path) -> None:
    lex = nm.UserLexicon(variants=[("Ioannis", "John")])
    reg = nm.Registry([nm.Person("p1", "John Papadakis")], lexicon=lex)
    reg.save(tmp_path / "r.nmx")
    again = nm.Registry.load(tmp_path / "r.nmx", scorer=nm.Scorer(lexicon=lex))
    assert again.match("Ioannis Papadakis").person.id == "p1"
    with pytest.raises(nm.RegistryFormatError, match="user lexicon"):
        nm.Registry.load(tmp_path / "r.nmx")


def test_user_honorifics_and_titles_leave_the_name() -> None:
    lex = nm.UserLexicon(honorifics=["Venerable"], titles=["Rapporteur"])
    user = nm.Scorer(lexicon=lex)
    assert user.score("Venerable Tenzin Norbu", "Tenzin Norbu") == 1.0
    assert user.score("Rapporteur Maria Stavrou", "Maria Stavrou") == 1.0
    assert nm.Scorer().score("Rapporteur Maria Stavrou", "Maria Stavrou") < 1.0
    assert user.prepare("Venerable Tenzin Norbu").honorifics[-1] == "Venerable"


def test_a_user_stopword_stops_a_false_mention() -> None:
    text = "The minister flew on Karim Airways to the summit."
    assert [m.text for m in nm.find_mentions(text)] == ["Karim Airways"]
    lex = nm.UserLexicon(stopwords=["Airways"])
    assert nm.find_mentions(text, lexicon=lex) == []
    assert [m.text for m in nm.link(text, lexicon=lex)] == []
    assert nm.resolve_documents({"d": text}, lexicon=lex) == []


def test_lexicon_files_and_their_bad_lines(tmp_path) -> None:
    path = tmp_path / "mine.tsv"
    path.write_text("kind\tforms\n# a comment\nvariant\tIoannis|Yannis\tJohn\nhonorific\tVenerable\n"
                    "title\tRapporteur\nstopword\tAirways\n", encoding="utf-8")
    lex = nm.UserLexicon.read(path)
    assert lex.same_group("yannis", "john") and "venerable" in lex.honorifics and "airways" in lex.stopwords
    assert nm.Scorer(lexicon=str(path)).lexicon == lex
    csv_path = tmp_path / "mine.csv"
    csv_path.write_text('variant,"Ioannis|John",Yannis\n', encoding="utf-8")
    assert nm.UserLexicon.read(csv_path).same_group("ioannis", "yannis")
    for content, line, words in [
        ("variant\tIoannis|John\nspelling\tX|Y\n", 2, "unknown kind"),
        ("variant\tJohn\n", 1, "two different spellings"),
        ("stopword\tJohn\nvariant\tIoannis|John\n", 2, "variant group"),
        ("honorific\t\n", 1, "no form"),
    ]:
        path.write_text(content, encoding="utf-8")
        with pytest.raises(nm.UserLexiconError, match=words) as info:
            nm.UserLexicon.read(path)
        assert info.value.line == line and f"{path}:{line}:" in str(info.value)


def test_cli_lexicon_option(tmp_path, capsys) -> None:
    path = tmp_path / "mine.tsv"
    path.write_text("variant\tIoannis|John\n", encoding="utf-8")
    assert main(["score", "Ioannis Papadakis", "John Papadakis", "--lexicon", str(path), "--format", "csv"]) == 0
    assert capsys.readouterr().out.strip().endswith("true")
    path.write_text("spelling\tX|Y\n", encoding="utf-8")
    assert main(["score", "a b", "c d", "--lexicon", str(path)]) == 1
    assert f"{path}:1: unknown kind" in capsys.readouterr().err
