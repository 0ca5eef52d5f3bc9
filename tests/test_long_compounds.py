"""One name unit made of a thousand compound heads or tails (عبد, ابو; الله, الدين).

Romanisation and keys split such compounds off a unit ("Abd al-X" -> abdul + X); they
once did it by recursion, one call per head or tail, so a single hostile word raised
RecursionError in every function that romanises. These run through the public API.
"""

from __future__ import annotations

import pytest

import namematch as nm
from namematch.keys import unit_keys
from namematch.romanize import romanize_unit

HOSTILE = [
    pytest.param("عبد" * 1000, id="abd"),
    pytest.param("ابو" * 1000, id="abu"),
    pytest.param("علي" + "الله" * 1000, id="allah"),
    pytest.param("نور" + "الدين" * 1000, id="din"),
    pytest.param("عبد" * 500 + "الدين" * 500, id="abd-din"),
    pytest.param("ابو" * 400 + "عبد" * 400 + "الله" * 400, id="abu-abd-allah"),
]


def _plain(s: str) -> bool:
    return s.isascii() and all(c.isalnum() or c == " " for c in s)


@pytest.mark.parametrize("word", HOSTILE)
def test_romanize_and_keys(word: str) -> None:
    out = nm.romanize(word)
    assert out and _plain(out)
    assert nm.romanize(word, convention="persian")
    alts = nm.romanizations(word, limit=10)
    assert alts and alts[0] == out and all(_plain(a) for a in alts)
    units = romanize_unit(word, limit=10)
    assert units and all(u.isascii() and u.isalnum() for u in units)
    assert nm.keys(word) and nm.keys("محمد " + word) >= nm.keys("محمد")
    assert unit_keys(word, "arabic")


@pytest.mark.parametrize("word", HOSTILE)
def test_scoring(word: str) -> None:
    s = nm.score(word, "Ali")
    assert 0.0 <= s <= 1.0
    assert nm.explain(word, "Ali").score == pytest.approx(s)
    assert nm.is_match(word, "Ali") is False
    m = nm.score_matrix([word, "Ali Hassan"], ["Ali", word])
    assert m.shape == (2, 2)
    # the name against itself is a match
    assert nm.score(word, word) == pytest.approx(1.0)


def test_registry_and_cluster() -> None:
    word = "عبد" * 1000
    reg = nm.Registry(
        [
            nm.Person("p1", "Ali Hassan", ["علي حسن"]),
            nm.Person("p2", "Odd Alias", [word, "محمد " + word]),
        ]
    )
    # the query that retrieves the hostile alias still answers, and others are unharmed
    assert reg.resolve(word)[0].person.id == "p2"
    hit = reg.match(word)
    assert hit is not None and hit.person.id == "p2"
    assert reg.match("Ali Hassan") is not None
    assert [c.person.id for c in reg.resolve("علي حسن")][:1] == ["p1"]
    groups = nm.cluster([word, "Ali Hassan", word, "علي حسن"])
    assert sorted(map(sorted, groups)) == sorted(map(sorted, [[word, word], ["Ali Hassan", "علي حسن"]]))
