"""The shipped data files are what the tools in ``tools/`` build from the development data:
the lexicon files (``build_lexicon.py``), the scoring model (``fit_score_model.py``) and the
candidate model (``fit_candidate_model.py``).

Skipped when ``../shared`` (the development data) is not beside the repository.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DATA = ROOT / "src" / "namematch" / "data"

needs_shared = pytest.mark.skipif(not (SHARED / "data").is_dir(), reason="development data ../shared not present")


def _run_tool(name: str, *args: str) -> None:
    """Run the script ``tools/<name>.py`` as it is run by hand (tools import their siblings)."""
    done = subprocess.run([sys.executable, str(ROOT / "tools" / f"{name}.py"), *args], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


@pytest.mark.slow
@needs_shared
def test_shipped_lexicon_is_rebuilt_identically(tmp_path: Path) -> None:
    _run_tool("build_lexicon", "--shared", str(SHARED), "--out", str(tmp_path))
    for name in ("variants.tsv", "frequency.tsv", "translit_model.tsv"):
        built = (tmp_path / name).read_text(encoding="utf-8")
        shipped = (DATA / name).read_text(encoding="utf-8")
        assert built == shipped, f"{name} differs from what tools/build_lexicon.py builds: rebuild and review it"


@needs_shared
def test_shipped_candidate_model_is_refitted_identically(tmp_path: Path) -> None:
    out = tmp_path / "candidate_model.json"
    _run_tool("fit_candidate_model", "--out", str(out))
    shipped = (DATA / "candidate_model.json").read_text(encoding="utf-8")
    assert out.read_text(encoding="utf-8") == shipped, "candidate_model.json differs from what tools/fit_candidate_model.py fits"


@pytest.mark.slow
@needs_shared
def test_shipped_score_model_is_refitted_identically(tmp_path: Path) -> None:
    out = tmp_path / "score_model.json"
    _run_tool("fit_score_model", "--out", str(out))
    shipped = (DATA / "score_model.json").read_text(encoding="utf-8")
    assert out.read_text(encoding="utf-8") == shipped, "score_model.json differs from what tools/fit_score_model.py fits"


def test_the_lexicon_build_learns_no_spelling_from_a_misaligned_pair(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(ROOT / "tools"))  # the tool imports its siblings
    from tests.conftest import load_script

    build = load_script("tools/build_lexicon.py")
    tokens = [("حمود", "hammoud", 7, "t", []), ("حامد", "hamid", 9, "t", []), ("عبدالرحمن", "abdulrahman", 9, "t", [])]
    # a person's names aligned crosswise (حامد with Hammud), and new spellings of known and unknown forms
    cross = [("حامد", "hammud"), ("حمود", "hammud"), ("حامد", "haamid"), ("زهير", "zuhair")]
    # two aliases of one person: a spelling of the same name, and another name (عبد الرحيم, listed by hand)
    latin = [("abdulrahman", "abdulrehman"), ("abdulrahim", "abdulrahman")]
    groups = {ar[0]: la for ar, la, _count in build.build_groups(tokens, cross, latin, []) if ar}
    assert "hammud" in groups["حمود"] and "hammud" not in groups["حامد"]
    assert "haamid" in groups["حامد"] and "zuhair" in groups["زهير"]
    assert "abdulrehman" in groups["عبدالرحمن"] and "abdulrahim" not in groups["عبدالرحمن"]


def test_the_lexicon_build_ranks_spellings_seen_as_often_by_the_letters(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    from tests.conftest import load_script

    build = load_script("tools/build_lexicon.py")
    # three aliases of one person aligned with one form: each seen once; ي is never written b
    cross = [("طيب", "tabeeb"), ("طيب", "tayyab"), ("طيب", "tayeb")]
    groups = {ar[0]: la for ar, la, _count in build.build_groups([], cross, [], []) if ar}
    assert groups["طيب"][-1] == "tabeeb" and set(groups["طيب"][:2]) == {"tayyab", "tayeb"}
    assert build.letters_spell("طيب", "tayyip") and not build.letters_spell("طيب", "tabeeb")
    assert build.letters_spell("محمد", "mohammed") and not build.letters_spell("محمد", "mohd")


def test_the_lexicon_build_drops_a_spelling_reviewed_as_a_near_names(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    from tests.conftest import load_script

    build = load_script("tools/build_lexicon.py")
    # invented forms of one root a long vowel apart: زمال (Zamal) and زميل (Zamil); a token list
    # and a person's alias give Zamil for زمال as well, and Zameel through an alias of Zamil
    tokens = [("زمال", "zamal", 9, "t", []), ("زمال", "zamil", 2, "t", []), ("زميل", "zamil", 9, "t", [])]
    cross = [("زمال", "zamil"), ("زمال", "zammal")]
    latin = [("zamil", "zameel")]
    banned = {"زمال": frozenset({"zamil", "zameel"})}
    groups = {ar[0]: la for ar, la, _count in build.build_groups(tokens, cross, latin, [], banned=banned) if ar}
    assert set(groups["زمال"]) == {"zamal", "zammal"} and "zamil" in groups["زميل"]
    unbanned = {ar[0]: la for ar, la, _count in build.build_groups(tokens, cross, latin, [], banned={}) if ar}
    assert "zamil" in unbanned["زمال"]  # (what the file is for)


def test_near_name_spellings_finds_a_near_names_usual_spelling(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    from tests.conftest import load_script

    build = load_script("tools/build_lexicon.py")
    groups = [(("زمال",), ("zamal", "zamil"), 9), (("زميل",), ("zamil", "zameel"), 9),
              (("زامل",), ("zamel", "zamil"), 9), (("قمر",), ("qamar", "zamil"), 1)]
    found = {(f, s, o): shared for f, s, o, shared in build.near_name_spellings(groups)}
    assert found[("زمال", "zamil", "زميل")] is False
    assert found[("زامل", "zamil", "زميل")] is False
    assert not any(f == "قمر" for f, _s, _o in found)  # other letters: no near name
    assert ("زميل", "zamil", "زمال") not in found  # zamil is no usual spelling of زمال


def test_no_shipped_group_lists_a_spelling_reviewed_as_not_its() -> None:
    from namematch.lexicon import shipped

    lexicon = shipped()
    assert len(lexicon.apart) >= 20
    for form, spellings in lexicon.apart.items():
        listed = set(lexicon.ranked_spellings(form, False)) | set(lexicon.ranked_spellings(form, True))
        assert not listed & spellings, (form, listed & spellings)
