"""House rules of the scripts beside the package (docs/decisions/0010 and 0011): benchmarks and
tools import namematch like any user, never by editing ``sys.path``, and never from its
package-private modules (``namematch._x``) or underscored names of ``namematch.evaluation``."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = sorted([*(ROOT / "benchmarks").glob("*.py"), *(ROOT / "tools").glob("*.py")])


def _name(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


@pytest.mark.parametrize("path", SCRIPTS, ids=_name)
def test_scripts_do_not_edit_sys_path(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    edits = [node.lineno for node in ast.walk(tree)
             if isinstance(node, ast.Attribute) and node.attr == "path"
             and isinstance(node.value, ast.Name) and node.value.id == "sys"]
    assert not edits, f"{_name(path)} uses sys.path (lines {edits}): import namematch.evaluation instead"


@pytest.mark.parametrize("path", SCRIPTS, ids=_name)
def test_scripts_do_not_import_package_private_modules(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    private = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("namematch"):
            parts = node.module.split(".")
            if len(parts) == 2 and parts[1].startswith("_") and not parts[1].startswith("__"):
                private.append(f"{node.module} (line {node.lineno})")
            if node.module.startswith("namematch.evaluation"):
                private += [f"{node.module}.{a.name}" for a in node.names if a.name.startswith("_")]
    assert not private, f"{_name(path)} imports {private}: use the public API or namematch.evaluation"
