"""The rules of the package's house (issue 9), checked on the source itself.

- no module over 400 lines, no function body over 60 lines (docstring excluded);
- every module of ``src/milkbone`` declares ``__all__`` (``__main__`` and the
  Sphinx extension's ``setup`` hook aside);
- no module keeps state: no ``global`` statement, and no function mutates a
  module-level dict, list or set;
- notebooks and tests import public names only (no ``milkbone._x`` module, no
  ``_name`` from any ``milkbone`` module);
- ``data/`` holds data only (no code).

Run one area with ``pytest tests/test_architecture.py -k audit``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "milkbone"
MODULES = sorted(PACKAGE.rglob("*.py"))
MODULE_IDS = [str(p.relative_to(PACKAGE)) for p in MODULES]
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60
MUTATORS = {
    "append",
    "add",
    "clear",
    "discard",
    "extend",
    "insert",
    "pop",
    "popitem",
    "remove",
    "setdefault",
    "update",
}
MUTABLE_CALLS = {"dict", "list", "set", "defaultdict", "OrderedDict", "Counter", "deque"}


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _body_lines(function: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    body = function.body
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        body = body[1:]  # the docstring does not count
    if not body:
        return 0
    return body[-1].end_lineno - body[0].lineno + 1


def _mutable_module_names(tree: ast.Module) -> set[str]:
    names = set()
    for node in tree.body:
        targets, value = [], None
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
        mutable = isinstance(value, ast.Dict | ast.List | ast.Set) or (
            isinstance(value, ast.Call)
            and isinstance(value.func, ast.Name)
            and value.func.id in MUTABLE_CALLS
        )
        if mutable:
            names |= {t.id for t in targets if isinstance(t, ast.Name)}
    return names


def module_state(tree: ast.Module) -> list[str]:
    """Places where a function changes module-level state."""
    shared = _mutable_module_names(tree)
    found = []
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for node in ast.walk(function):
            if isinstance(node, ast.Global):
                found.append(f"{function.name}: global {', '.join(node.names)}")
            elif isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Store | ast.Del):
                if isinstance(node.value, ast.Name) and node.value.id in shared:
                    found.append(f"{function.name}: assigns into {node.value.id}")
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in MUTATORS
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id in shared
            ):
                found.append(f"{function.name}: {node.func.value.id}.{node.func.attr}()")
    return found


@pytest.mark.parametrize("path", MODULES, ids=MODULE_IDS)
def test_module_is_small(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_MODULE_LINES, f"{path.name} has {lines} lines (> {MAX_MODULE_LINES})"


@pytest.mark.parametrize("path", MODULES, ids=MODULE_IDS)
def test_functions_are_short(path):
    long = [
        f"{node.name} ({_body_lines(node)} lines)"
        for node in ast.walk(_tree(path))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and _body_lines(node) > MAX_FUNCTION_LINES
    ]
    assert not long, f"functions over {MAX_FUNCTION_LINES} lines: {', '.join(long)}"


@pytest.mark.parametrize("path", MODULES, ids=MODULE_IDS)
def test_module_declares_all(path):
    if path.name == "__main__.py":
        return
    tree = _tree(path)
    names = {
        target.id
        for node in tree.body
        if isinstance(node, ast.Assign | ast.AnnAssign)
        for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
        if isinstance(target, ast.Name)
    }
    assert "__all__" in names, f"{path.relative_to(PACKAGE)} declares no __all__"


@pytest.mark.parametrize("path", MODULES, ids=MODULE_IDS)
def test_module_keeps_no_state(path):
    found = module_state(_tree(path))
    assert not found, f"module state: {'; '.join(found)}"


def _private_imports(path: Path) -> list[str]:
    found = []
    for node in ast.walk(_tree(path)):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("milkbone"):
            if any(part.startswith("_") for part in node.module.split(".")):
                found.append(f"from {node.module}")
            found += [f"{node.module}.{a.name}" for a in node.names if a.name.startswith("_")]
        elif isinstance(node, ast.Import):
            found += [
                a.name
                for a in node.names
                if a.name.startswith("milkbone")
                and any(part.startswith("_") for part in a.name.split("."))
            ]
        elif isinstance(node, ast.Attribute) and node.attr.startswith("_"):
            owner = node.value
            if (
                isinstance(owner, ast.Name)
                and owner.id in _milkbone_modules(path)
                and not node.attr.startswith("__")
            ):
                found.append(f"{owner.id}.{node.attr}")
    return found


def _milkbone_modules(path: Path) -> set[str]:
    """Local names bound to milkbone modules in ``path`` (``from milkbone import x``)."""
    names = set()
    for node in ast.walk(_tree(path)):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("milkbone"):
            names |= {a.asname or a.name for a in node.names}
    return names


TEST_FILES = sorted(p for p in (ROOT / "tests").rglob("*.py") if p.name != "test_architecture.py")
NOTEBOOK_FILES = sorted((ROOT / "notebooks").glob("*.py"))


@pytest.mark.parametrize(
    "path",
    TEST_FILES + NOTEBOOK_FILES,
    ids=[str(p.relative_to(ROOT)) for p in TEST_FILES + NOTEBOOK_FILES],
)
def test_uses_public_names_only(path):
    found = _private_imports(path)
    assert not found, f"private names used: {', '.join(sorted(set(found)))}"


def test_data_holds_data_only():
    code = [p for p in (ROOT / "data").rglob("*") if p.suffix in {".py", ".sh", ".R", ".ipynb"}]
    assert not code, f"code in data/: {code}"


def test_tests_mirror_the_package():
    """``tests/<subpackage>/test_<module>.py``: no test module for a subpackage at the top."""
    subpackages = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()}
    top = {p.stem.removeprefix("test_") for p in (ROOT / "tests").glob("test_*.py")}
    misplaced = sorted(top & subpackages)
    assert not misplaced, f"tests of subpackages at the top level: {misplaced}"


def test_state_detector_finds_module_state():
    """The detector itself, on a module that keeps state three ways."""
    source = (
        "_cache = {}\n_log = []\nflag = False\n"
        "def remember(k, v):\n    _cache[k] = v\n"
        "def note(x):\n    _log.append(x)\n"
        "def switch():\n    global flag\n    flag = True\n"
        "def pure(x):\n    local = {}\n    local[x] = 1\n    return local\n"
    )
    found = module_state(ast.parse(source))
    assert found == [
        "remember: assigns into _cache",
        "note: _log.append()",
        "switch: global flag",
    ]
