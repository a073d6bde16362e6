"""Notebook parameters: what a notebook's parameters cell declares, and typed values.

``milkbone run notebooks/NN_slug.py -p seed 7`` checks the names against the cell
tagged ``parameters`` before any kernel starts.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable
from pathlib import Path

__all__ = ["check_parameters", "notebook_parameters", "parse_value"]


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
