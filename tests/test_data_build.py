"""The shipped lexicon files are what ``tools/build_lexicon.py`` builds from the development data.

Skipped when ``../shared`` (the development data) is not beside the repository.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DATA = ROOT / "src" / "namematch" / "data"


@pytest.mark.skipif(not (SHARED / "data").is_dir(), reason="development data ../shared not present")
def test_shipped_lexicon_is_rebuilt_identically(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("build_lexicon", ROOT / "tools" / "build_lexicon.py")
    assert spec and spec.loader
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    assert tool.main(["--shared", str(SHARED), "--out", str(tmp_path)]) == 0
    for name in ("variants.tsv", "frequency.tsv", "translit_model.tsv"):
        built = (tmp_path / name).read_text(encoding="utf-8")
        shipped = (DATA / name).read_text(encoding="utf-8")
        assert built == shipped, f"{name} differs from what tools/build_lexicon.py builds: rebuild and review it"


@pytest.mark.skipif(not (SHARED / "data").is_dir(), reason="development data ../shared not present")
def test_shipped_candidate_model_is_refitted_identically(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("fit_candidate_model", ROOT / "tools" / "fit_candidate_model.py")
    assert spec and spec.loader
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    out = tmp_path / "candidate_model.json"
    assert tool.main(["--out", str(out)]) == 0
    shipped = (DATA / "candidate_model.json").read_text(encoding="utf-8")
    assert out.read_text(encoding="utf-8") == shipped, "candidate_model.json differs from what tools/fit_candidate_model.py fits"
