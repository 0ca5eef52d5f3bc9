"""Check the built sdist and wheel, and the wheel installed in this (fresh) environment.

``make dist-check`` builds both with ``python -m build`` (the wheel from the sdist),
installs the wheel in a new venv and runs this script with that venv's Python:

    python tools/check_install.py dist/namematch-X.tar.gz dist/namematch-X-py3-none-any.whl

It checks the archives hold the package, its data files and metadata (URLs,
classifiers, dependencies, the command), that namematch is imported from the
installed wheel, and that the installed command works: the demo with its HTML
report, and ``link`` reading an article from standard input.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from email.parser import Parser
from pathlib import Path

DATA_FILES = ("namematch/py.typed", "namematch/data/variants.tsv", "namematch/data/candidate_model.json",
              "namematch/data/demo/registry.jsonl", "namematch/data/demo/articles/en-01.txt")


def _fail(message: str) -> None:
    sys.exit(f"check_install: {message}")


def check_sdist(path: Path) -> None:
    with tarfile.open(path) as tar:
        names = {n.split("/", 1)[1] for n in tar.getnames() if "/" in n}
    for needed in ("pyproject.toml", "setup.py", "README.md", "LICENSE", "src/namematch/__init__.py",
                   "src/namematch/report.py", *(f"src/{f}" for f in DATA_FILES)):
        if needed not in names:
            _fail(f"{path.name} lacks {needed}")


def check_wheel(path: Path) -> None:
    if not path.name.endswith("-py3-none-any.whl"):
        _fail(f"{path.name}: expected a pure-Python wheel (py3-none-any)")
    with zipfile.ZipFile(path) as whl:
        names = set(whl.namelist())
        for needed in ("namematch/__init__.py", "namematch/__main__.py", *DATA_FILES):
            if needed not in names:
                _fail(f"{path.name} lacks {needed}")
        if any(n.endswith((".so", ".pyd", ".c")) for n in names):
            _fail(f"{path.name} carries compiled or C files")
        info = next(n for n in names if n.endswith(".dist-info/METADATA"))
        meta = Parser().parsestr(whl.read(info).decode("utf-8"))
        entry_points = whl.read(info.replace("METADATA", "entry_points.txt")).decode("utf-8")
    if "namematch = namematch.__main__:main" not in entry_points:
        _fail("the namematch command is not namematch.__main__:main")
    urls = meta.get_all("Project-URL") or []
    classifiers = meta.get_all("Classifier") or []
    requires = meta.get_all("Requires-Dist") or []
    extras = meta.get_all("Provides-Extra") or []
    if not urls:
        _fail("no Project-URL")
    if not any(c.startswith("Development Status") for c in classifiers) or not any(
            c.startswith("Programming Language :: Python :: 3.1") for c in classifiers):
        _fail(f"status or Python-version classifiers missing: {classifiers}")
    if not any(r.startswith("tqdm") for r in requires):
        _fail(f"tqdm missing from the dependencies: {requires}")
    if "numpy" in extras:
        _fail("the placeholder 'numpy' extra is back")


def check_installed() -> None:
    import namematch
    from namematch.evaluation import build as _build

    where = Path(namematch.__file__).resolve()
    if "site-packages" not in where.parts:
        _fail(f"namematch imported from {where}, not from the installed wheel")
    if _build.compiled_modules():
        _fail(f"the default wheel should be pure Python, found {_build.compiled_modules()}")
    command = Path(sys.executable).with_name("namematch")
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "demo.html"
        done = subprocess.run([str(command), "demo", "--html", str(page)], capture_output=True, text=True, timeout=300)
        if done.returncode != 0 or "HTML report:" not in done.stdout:
            _fail(f"namematch demo failed: {done.stderr}")
        if "ir-araghchi" not in page.read_text(encoding="utf-8"):
            _fail("the demo report lacks the demo persons")
    demo = where.parent / "data" / "demo"
    article = (demo / "articles" / "en-01.txt").read_bytes()
    linked = subprocess.run([str(command), "link", "--registry", str(demo / "registry.jsonl"), "-", "--format", "jsonl"],
                            input=article, capture_output=True, timeout=300)
    ids = {json.loads(line)["id"] for line in linked.stdout.decode("utf-8").splitlines() if line.strip()}
    if linked.returncode != 0 or "ir-araghchi" not in ids:
        _fail(f"namematch link - failed: {linked.stderr.decode('utf-8', 'replace')}")
    version = subprocess.run([str(command), "--version"], capture_output=True, text=True, timeout=60).stdout
    print(f"check_install: sdist, wheel and installed command fine ({version.strip()})")


def main() -> None:
    if len(sys.argv) != 3:
        _fail("usage: check_install.py SDIST WHEEL")
    check_sdist(Path(sys.argv[1]))
    check_wheel(Path(sys.argv[2]))
    check_installed()


if __name__ == "__main__":
    main()
