"""The compiled build (setup.py) is the pure-Python code, compiled: same results.

When the hot modules are compiled, a pure-Python copy of the package is run in
a subprocess on the same names, and every output is compared.
"""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from namematch import _build

NAMES = [
    "Naseer Abdul Mohsen Abdullah", "Nasir Abd al-Muhsin Abdallah", "Abdulla",
    "نصير عبد المحسن عبد الله الخراوي", "Sattar Hashemi", "سيد ستار هاشمي", "S. Hashemi",
    "Qassem Soleimani", "Ghasem Soleymani", "قاسم سليماني", "Salman bin Muhammad",
    "Muhammad bin Salman", "Mohammed Hassan", "Mohammed Hussein", "Ahmed Hassan al-Dulaimi",
    "Ahmed Hassan al-Tikriti", "Masoud Pezeshkian", "مسعود پزشکیان", "Dr. Abdelkader Kader",
    "HAJI Abdul BASIR", "Mohammad Reza Aref", "Mohammadreza Aref", "Ислам Сеит-Умарович Атабиев",
    "Saja Barzan Ibrahim Hasan al-Tikriti", "Barzan Ibrahim Hasan al-Tikriti",
    "آية الله علي خامنئي", "Ayatollah Ali Khamenei", "KHALIM, Musa", "QALIM, Musa",
    "Jean-Pierre Dupont", "Hidayatullah", "Najibullah Haqqani Hidayatullah", "ـمحمّد  بن\u200cسلمان",
]  # fmt: skip


def _random_names(n: int = 300, seed: int = 7) -> list[str]:
    """Seeded odd names: Arabic letters with marks and joiners, Latin with accents and
    punctuation, Cyrillic, digits, spaces and commas in any order."""
    import random

    rng = random.Random(seed)
    alphabet = (
        "ابتثجحخدذرسشصضطظعغفقكلمنهويءآأإؤئىةپچژگیک" + "\u064b\u0650\u0651\u0640\u200c\u200f"
        + "abcdefghijklmnopqrstuvwxyzéüç'-." + "ABCDEFGHIJKLMNOPQRSTUVWXYZ" + "абвгдеёжзи" + "0123456789" + "  ,"
    )  # fmt: skip
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))) for _ in range(n)]


def _golden_outputs() -> dict[str, list[list[str]]]:
    """What ``tools/golden.py`` computes for every row of ``tests/golden/`` (the golden cases),
    file by file: so the golden cases run against the compiled and the pure build alike."""
    import importlib.util

    path = Path(__file__).resolve().parent.parent / "tools" / "golden.py"
    spec = importlib.util.spec_from_file_location("golden_tool", path)
    assert spec and spec.loader
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    out = {}
    for filename, (inputs, _headers, _func) in tool.CASES.items():
        rows = tool.read(tool.GOLDEN / filename)[1]
        out[filename] = [tool.expected(filename, *row[: len(inputs)]) for row in rows]
    return out


def _outputs() -> dict[str, object]:
    """Everything the compiled modules compute for NAMES, random names and the golden cases
    (run here and in the pure copy)."""
    import namematch as nm

    odd = _random_names()
    return {
        "golden": _golden_outputs(),
        "random": [[nm.score(a, b), sorted(nm.keys(a)), nm.romanize(a), nm.normalize(a)] for a, b in itertools.pairwise(odd)],
        "scores": [nm.score(a, b) for a, b in itertools.combinations(NAMES, 2)],
        "explain": [nm.explain(a, b).to_dict() for a, b in itertools.combinations(NAMES[:12], 2)],
        "parse": [nm.parse(n).to_dict() for n in NAMES],
        "keys": [sorted(nm.keys(n)) for n in NAMES],
        "romanize": [nm.romanize(n) for n in NAMES],
        "normalize": [nm.normalize(n) for n in NAMES],
    }


def test_compiled_modules_are_listed_candidates() -> None:
    assert set(_build.compiled_modules()) <= set(_build._CANDIDATES)


def test_no_compiled_module_is_older_than_its_source() -> None:
    # Python imports a compiled module before its .py: an edit since the last build would go untested
    assert _build.stale_modules() == ()


def test_stale_modules_finds_a_compiled_file_older_than_its_source_in_a_checkout(tmp_path: Path) -> None:
    import importlib.machinery

    suffix = importlib.machinery.EXTENSION_SUFFIXES[0]
    package = tmp_path / "src" / "namematch"
    (package / "score").mkdir(parents=True)
    (package / "score" / f"_units{suffix}").write_bytes(b"")
    (package / "score" / "_units.py").write_text("")
    (package / f"parse{suffix}").write_bytes(b"")
    (package / "parse.py").write_text("")
    os.utime(package / "score" / f"_units{suffix}", (1_000_000, 1_000_000))
    # the fresh compiled parse is newer than its source (set, not left to the order of writes)
    os.utime(package / "parse.py", (2_000_000, 2_000_000))
    os.utime(package / f"parse{suffix}", (2_000_100, 2_000_100))
    # an installed package (no setup.py two levels up): file times are not checked
    assert _build.stale_modules(str(package)) == ()
    (tmp_path / "setup.py").write_text("")
    assert _build.stale_modules(str(package)) == ("score._units",)


@pytest.mark.skipif(not _build.compiled_modules(), reason="pure-Python install: nothing compiled to compare")
def test_compiled_build_gives_the_pure_python_results(tmp_path: Path) -> None:
    pure = tmp_path / "namematch"
    _build.copy_pure(str(pure))
    script = (
        "import json, sys\n"
        "sys.path.insert(0, sys.argv[1])\n"
        "import namematch\n"
        "from namematch import _build\n"
        "assert namematch.__file__.startswith(sys.argv[1]), namematch.__file__\n"
        "assert _build.compiled_modules() == (), _build.compiled_modules()\n"
        "sys.path.insert(0, sys.argv[2])\n"
        "from test_build import _outputs\n"
        "print(json.dumps(_outputs(), ensure_ascii=False, sort_keys=True))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    res = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path), str(Path(__file__).parent)],
        capture_output=True, text=True, env=env, timeout=300,
    )  # fmt: skip
    assert res.returncode == 0, res.stderr
    want = json.loads(res.stdout)
    got = json.loads(json.dumps(_outputs(), ensure_ascii=False, sort_keys=True))
    assert got.keys() == want.keys()
    for key in want:
        assert got[key] == want[key], key


# ---------------------------------------------------------------------------
# the package module: public names load on first use
# ---------------------------------------------------------------------------


def test_public_names_survive_submodule_imports() -> None:
    # a fresh interpreter: submodules imported directly first, then the package's names used
    script = (
        "import namematch.score, namematch.link, namematch.cluster, namematch.keys\n"
        "import namematch, types\n"
        "names = ['score', 'link', 'cluster', 'keys', 'normalize', 'parse', 'romanize']\n"
        "assert not any(isinstance(getattr(namematch, n), types.ModuleType) for n in names)\n"
        "assert namematch.score('Ali', 'Ali') == 1.0\n"
        "from namematch import *\n"
        "print(sorted(set(namematch.__all__) - set(dir(namematch))))\n"
    )
    res = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == "[]"


def test_importing_the_package_is_quick_and_loads_no_stage() -> None:
    script = "import sys, namematch; print(sorted(m for m in sys.modules if m.startswith('namematch.')))"
    res = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == "['namematch._build']"  # the CLI can take over Ctrl-C before the heavy imports


def test_the_package_pickles_by_name() -> None:
    import pickle

    import namematch

    assert pickle.loads(pickle.dumps(namematch)) is namematch
    cloudpickle = pytest.importorskip("pyspark.cloudpickle")  # Spark ships closures that use namematch
    assert pickle.loads(cloudpickle.dumps(lambda a: namematch.score(a, a)))("Ali") == 1.0
