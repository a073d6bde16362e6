"""Which package function produced a glued number, read from the code that glued it.

:meth:`milkbone.report.Numbers.glue` asks :func:`producers` for the ``milkbone``
functions behind a value when the notebook does not say (``source=``). It reads the
cell being executed (and, through IPython's input history ``In``, the cells before
it): the calls in the glued expression itself, else those in the assignments of the
variables it uses, nearest first. The book lists the answer under every page
("Numbers on this page"), so a reader goes from a number to the function that made it.
"""

from __future__ import annotations

import ast
import inspect
import linecache
import types
from collections.abc import Iterable, Mapping

__all__ = ["dotted_name", "producers", "resolve_call"]

SKIPPED_MODULES = ("milkbone.report", "milkbone.plots")
"""Functions that show or draw numbers rather than compute them."""

MAX_DEPTH = 6
"""How many assignments back the search follows a variable."""


def dotted_name(node: ast.AST) -> str:
    """``a.b.c`` for a name or attribute chain, ``""`` for anything else.

    Examples
    --------
    >>> dotted_name(ast.parse("clinical.compare_groups(x)").body[0].value.func)
    'clinical.compare_groups'
    >>> dotted_name(ast.parse("frame.query('a').mean").body[0].value)
    ''
    """
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return ""
    return ".".join([node.id, *reversed(parts)])


def resolve_call(name: str, namespace: Mapping[str, object]) -> str:
    """The public name of the ``milkbone`` callable ``name`` means in ``namespace``, or ``""``.

    A module path stays as the code wrote it (``milkbone.analysis.clinical.describe``);
    a method of a ``milkbone`` object is named by its class (``milkbone.cohort.dataset.
    Cohort.long``). Functions that only show or draw (``report``, ``plots``) are skipped.

    Examples
    --------
    >>> from milkbone import audit
    >>> resolve_call("audit.verify", {"audit": audit})
    'milkbone.audit.verify'
    >>> resolve_call("len", {}), resolve_call("x.mean", {"x": 1.0})
    ('', '')
    """
    first, *rest = name.split(".")
    if first not in namespace:
        return ""
    obj = namespace[first]
    for attribute in rest:
        try:
            obj = getattr(obj, attribute, None)
        except Exception:  # a property that fails on this object: not a function we name
            return ""
    module = getattr(obj, "__module__", None) or ""
    if not callable(obj) or not module.startswith("milkbone") or module.startswith(SKIPPED_MODULES):
        return ""
    root = namespace[first]
    if isinstance(root, types.ModuleType):
        return ".".join([root.__name__, *rest])
    return f"{module}.{getattr(obj, '__qualname__', rest[-1] if rest else first)}"


def _calls(node: ast.AST, namespace: Mapping[str, object]) -> list[str]:
    calls = (c for c in ast.walk(node) if isinstance(c, ast.Call))
    found = (resolve_call(dotted_name(c.func), namespace) for c in calls)
    return list(dict.fromkeys(name for name in found if name))


def _names(node: ast.AST) -> list[str]:
    loads = (n.id for n in ast.walk(node) if isinstance(n, ast.Name))
    return list(dict.fromkeys(loads))


def _assignment(tree: ast.Module, name: str, before: int) -> ast.AST | None:
    """The value last assigned to ``name`` in ``tree`` above line ``before``."""
    found = None
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign | ast.AnnAssign | ast.AugAssign) and node.lineno < before:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            assigned = {n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)}
            if name in assigned and (found is None or node.lineno > found.lineno):
                found = node
    return found.value if found is not None else None


def _parse(source: str, cache: dict[str, ast.Module | None]) -> ast.Module | None:
    if source not in cache:
        try:
            cache[source] = ast.parse(source)
        except SyntaxError:  # IPython magics, say
            cache[source] = None
    return cache[source]


def _glued_expression(tree: ast.Module, line: int, key: str) -> ast.AST | None:
    """The value argument of the ``glue``/``glue_many`` call running at ``line``."""
    calls = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in ("glue", "glue_many")
        and node.lineno <= line <= node.end_lineno
    ]
    if not calls:
        return None
    call = min(calls, key=lambda c: c.end_lineno - c.lineno)
    arguments = [*call.args, *(k.value for k in call.keywords if k.arg in ("value", "values"))]
    value = arguments[1] if call.func.attr == "glue" and len(arguments) > 1 else arguments[0]
    if isinstance(value, ast.Dict):
        for k, v in zip(value.keys, value.values, strict=True):
            if isinstance(k, ast.Constant) and k.value == key:
                return v
    return value


def _search(expression, cell, history, namespace, cache) -> list[str]:
    """Breadth first through the assignments behind ``expression``: the nearest calls."""
    frontier, seen = [(expression, cell)], set()
    for _ in range(MAX_DEPTH):
        found, following = [], []
        for node, (tree, line) in frontier:
            found += _calls(node, namespace)
            for name in _names(node):
                if name in seen:
                    continue
                seen.add(name)
                following += _assignments(name, tree, line, history, cache)
        if found or not following:
            return list(dict.fromkeys(found))
        frontier = following
    return []


def _assignments(name, tree, line, history, cache):
    value = _assignment(tree, name, line)
    if value is not None:
        return [(value, (tree, value.lineno))]
    for source in reversed(history):
        earlier = _parse(source, cache)
        value = _assignment(earlier, name, 10**9) if earlier is not None else None
        if value is not None:
            return [(value, (earlier, value.lineno))]
    return []


def _caller() -> types.FrameType | None:
    """The innermost frame running code outside the ``milkbone`` package."""
    frame = inspect.currentframe()
    while frame is not None and str(frame.f_globals.get("__name__", "")).startswith("milkbone"):
        frame = frame.f_back
    return frame


def producers(key: str, *, cache: dict[str, ast.Module | None] | None = None) -> str:
    """The ``milkbone`` functions behind the value being glued under ``key``, ``"; "``-joined.

    Called from inside :meth:`milkbone.report.Numbers.glue`; ``""`` when the code
    cannot be read (an interactive console) or no package function is found.

    Parameters
    ----------
    key : str
        The glue key, to pick its entry out of a ``glue_many`` dictionary.
    cache : dict, optional
        Parsed cells by source, kept by the caller between calls.

    Returns
    -------
    str
    """
    frame = _caller()
    if frame is None:
        return ""
    cache = {} if cache is None else cache
    source = "".join(linecache.getlines(frame.f_code.co_filename, frame.f_globals))
    tree = _parse(source, cache) if source else None
    if tree is None:
        return ""
    line = frame.f_lineno
    expression = _glued_expression(tree, line, key)
    if expression is None:
        return ""
    history: Iterable[str] = frame.f_globals.get("In", [])[:-1] if "In" in frame.f_globals else []
    namespace = {**frame.f_globals, **frame.f_locals}
    return "; ".join(_search(expression, (tree, line), list(history), namespace, cache))
