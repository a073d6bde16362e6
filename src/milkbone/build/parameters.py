"""Notebook parameters: what a notebook's parameters cell declares, and typed values.

``milkbone run notebooks/NN_slug.py -p seed 7`` checks the names against the cell
tagged ``parameters`` before any kernel starts.
"""

from __future__ import annotations

import ast
import contextlib
from collections.abc import Iterable
from pathlib import Path

__all__ = [
    "check_parameters",
    "notebook_defaults",
    "notebook_parameters",
    "parse_value",
    "typed_parameters",
]


def parse_value(text: str) -> object:
    """Read a parameter value as papermill's CLI does: int, float, bool, null or text.

    Examples
    --------
    >>> [parse_value(t) for t in ("7", "0.05", "true", "None", "data/real")]
    [7, 0.05, True, None, 'data/real']
    """
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            pass
    return {"true": True, "false": False, "none": None, "null": None}.get(text.lower(), text)


def notebook_parameters(source: Path) -> list[str]:
    """Names assigned in the cell tagged ``parameters`` of a jupytext notebook, in order."""
    import jupytext

    notebook = jupytext.read(source)
    for cell in notebook.cells:
        if cell.cell_type == "code" and "parameters" in cell.metadata.get("tags", []):
            return [
                node.target.id if isinstance(node, ast.AnnAssign) else node.targets[0].id
                for node in ast.parse(cell.source).body
                if isinstance(node, ast.Assign | ast.AnnAssign)
            ]
    return []


def check_parameters(source: Path, names: Iterable[str]) -> None:
    """Raise ``ValueError`` if ``source`` has no parameter of one of ``names``.

    Raises
    ------
    ValueError
        Naming the unknown parameters and the notebook's own.
    """
    known = notebook_parameters(source)
    unknown = sorted(set(names) - set(known))
    if unknown:
        raise ValueError(
            f"{Path(source).name} has no parameter {', '.join(unknown)}; "
            f"its parameters are: {', '.join(known) or 'none'}"
        )


def notebook_defaults(source: Path) -> dict[str, object]:
    """The literal default of each parameter of ``source``'s parameters cell, by name
    (a default that is not a literal, such as an expression, is left out)."""
    import jupytext

    for cell in jupytext.read(source).cells:
        if cell.cell_type == "code" and "parameters" in cell.metadata.get("tags", []):
            defaults = {}
            for node in ast.parse(cell.source).body:
                target = node.target if isinstance(node, ast.AnnAssign) else None
                if isinstance(node, ast.Assign) and len(node.targets) == 1:
                    target = node.targets[0]
                if isinstance(target, ast.Name) and node.value is not None:
                    with contextlib.suppress(ValueError, TypeError):
                        defaults[target.id] = ast.literal_eval(node.value)
            return defaults
    return {}


def _typed(name: str, text: str, default: object) -> object:
    """``text`` as the type of ``default`` (bool, int, float, str), or ValueError."""
    kind = type(default)
    readers = {
        bool: lambda t: {"true": True, "false": False}[t.lower()],
        int: int,
        float: float,
        str: str,
    }
    if kind not in readers:
        return parse_value(text)
    try:
        return readers[kind](text)
    except (KeyError, ValueError):
        shown = {bool: "true or false", int: "a whole number", float: "a number"}[kind]
        raise ValueError(
            f"parameter {name} is {kind.__name__} (default {default!r}): {text!r} is not {shown}"
        ) from None


def typed_parameters(source: Path, pairs: Iterable[tuple[str, str]]) -> dict[str, object]:
    """Command-line ``NAME VALUE`` pairs as the types of the notebook's own defaults.

    A parameter whose default is a bool, int, float or str takes only a value of that
    type (an int is accepted for a float); any other default takes the value as
    :func:`parse_value` reads it. Checked before any kernel starts.

    Raises
    ------
    ValueError
        Naming an unknown parameter (:func:`check_parameters`), or a value that is not
        of its parameter's type.

    Examples
    --------
    >>> import tempfile
    >>> source = Path(tempfile.mkdtemp()) / "n.py"
    >>> _ = source.write_text('# %% tags=["parameters"]\\nseed = 2025\\nalpha = 0.05\\n')
    >>> typed_parameters(source, [("seed", "7"), ("alpha", "1")])
    {'seed': 7, 'alpha': 1.0}
    >>> typed_parameters(source, [("seed", "abc")])
    Traceback (most recent call last):
    ...
    ValueError: parameter seed is int (default 2025): 'abc' is not a whole number
    """
    pairs = list(pairs)
    check_parameters(source, [name for name, _ in pairs])
    defaults = notebook_defaults(source)
    return {name: _typed(name, text, defaults.get(name)) for name, text in pairs}
