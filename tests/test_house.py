"""House rules of the scripts beside the package (docs/decisions/0010 and 0011): benchmarks and
tools import namematch like any user, never by editing ``sys.path``, and never from its
package-private modules (``namematch._x``) or underscored names of ``namematch.evaluation``."""

from __future__ import annotations

import ast
import sys
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


# -- underscored names inside the package (decision 0011, rule 1) ------------------------------
PACKAGE = ROOT / "src" / "namematch"

#: Underscored names still used by other modules, by defining module, each removed by a change
#: in progress on another branch. Shrink it, never grow it.
CROSS_MODULE_ALLOWED: dict[str, frozenset[str]] = {
    # the score package's modules share score/_units' helpers (decision 0011, rule 2)
    "namematch.score._units": frozenset({"_Prepared", "_Unit", "_ARABIC_PRESS",
                                         "_long_skeletons", "_rest", "_sounds", "_stem"}),
}


def _module_of(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _package_modules() -> dict[str, Path]:
    return {_module_of(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _absolute(module: str, path: Path, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, *([node.module] if node.module else [])])


def _is_private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def cross_module_private_names() -> set[tuple[str, str, str]]:
    """(importing module, defining module, name) of every underscored name one namematch
    module takes from another: ``from X import _name`` or ``X._name`` with X a module."""
    modules = _package_modules()
    found: set[tuple[str, str, str]] = set()
    for module, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        bound: dict[str, str] = {}  # local name -> namematch module it names
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                source = _absolute(module, path, node)
                if not source.startswith("namematch"):
                    continue
                for alias in node.names:
                    if f"{source}.{alias.name}" in modules:
                        bound[alias.asname or alias.name] = f"{source}.{alias.name}"
                    elif _is_private(alias.name) and source != module:
                        found.add((module, source, alias.name))
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.startswith("namematch") and alias.asname:
                        bound[alias.asname] = alias.name
        for node in ast.walk(tree):
            if (isinstance(node, ast.Attribute) and _is_private(node.attr) and isinstance(node.value, ast.Name)
                    and bound.get(node.value.id, module) != module):
                target = f"{bound[node.value.id]}.{node.attr}"
                if target not in modules:  # an underscored module through its package: rules 2 and 3
                    found.add((module, bound[node.value.id], node.attr))
    return found


def test_no_underscored_name_crosses_modules() -> None:
    found = cross_module_private_names()
    allowed = {(src, name) for src, names in CROSS_MODULE_ALLOWED.items() for name in names}
    new = sorted((m, src, name) for m, src, name in found if (src, name) not in allowed)
    assert not new, "underscored names used by another module (give them a public name): " + "; ".join(
        f"{m} uses {src}.{name}" for m, src, name in new)
    gone = sorted(allowed - {(src, name) for _m, src, name in found})
    assert not gone, f"no longer used across modules, remove from CROSS_MODULE_ALLOWED: {gone}"


def test_the_import_scan_sees_both_forms(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pkg = tmp_path / "namematch"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "sub" / "__init__.py").write_text("")
    (pkg / "a.py").write_text("_x = 1\ny = 2\n")
    (pkg / "sub" / "_b.py").write_text("_z = 3\n")
    (pkg / "c.py").write_text("from namematch.a import _x, y\nfrom namematch import a\nfrom .sub import _b\n"
                              "v = a._x + a.y + _b._z + _b.__name__.__len__()\n")
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", pkg)
    assert cross_module_private_names() == {("namematch.c", "namematch.a", "_x"),
                                            ("namematch.c", "namematch.sub._b", "_z")}
