"""The student edition: every exercise solution removed from a notebook before rendering.

A solution is a ``{solution}`` block in a Markdown cell, or everything from a
``{solution-start}`` block to its ``{solution-end}``, code cells included
(sphinx-exercise's gated form). sphinx-exercise's own ``hide_solutions`` drops only the
directive, not the cells between a gated pair, hence this module.
"""

from __future__ import annotations

import re

__all__ = ["drop_solution_text", "drop_solutions"]

OPENING = re.compile(r"^\s*(`{3,}|:{3,})\{(solution|solution-start|solution-end)\}")
FENCE = re.compile(r"^\s*(`{3,}|:{3,})(\S*)\s*$")


def _skip_block(lines: list[str], start: int, fence: str) -> int:
    """Index of the line after the block opened at ``start`` with ``fence``, nesting kept."""
    depth = 1
    for index in range(start + 1, len(lines)):
        match = FENCE.match(lines[index])
        if match and match.group(1).startswith(fence[0]) and len(match.group(1)) >= len(fence):
            depth += 1 if match.group(2) else -1
            if depth == 0:
                return index + 1
    return len(lines)


def drop_solution_text(text: str, *, inside: bool = False) -> tuple[str, bool]:
    """Remove solutions from Markdown ``text``; say whether a gated solution is still open.

    Parameters
    ----------
    text : str
        MyST Markdown.
    inside : bool, default False
        Whether the text starts inside a ``solution-start`` … ``solution-end`` pair.

    Returns
    -------
    tuple of (str, bool)
        The text kept, and whether it ends inside a gated solution.

    Examples
    --------
    >>> text = "Q\\n```{solution} q\\n:class: dropdown\\nA\\n```\\nnext"
    >>> drop_solution_text(text)
    ('Q\\nnext', False)
    >>> drop_solution_text("Q\\n```{solution-start} q\\n```\\nA")
    ('Q', True)
    >>> drop_solution_text("B\\n```{solution-end}\\n```\\nafter", inside=True)
    ('after', False)
    """
    lines, kept, index = text.split("\n"), [], 0
    while index < len(lines):
        opening = OPENING.match(lines[index])
        if opening:
            after = _skip_block(lines, index, opening.group(1))
            inside = opening.group(2) == "solution-start" or (
                inside and opening.group(2) != "solution-end"
            )
            index = after
            continue
        if not inside:
            kept.append(lines[index])
        index += 1
    return "\n".join(kept).strip("\n"), inside


def drop_solutions(notebook: dict) -> dict:
    """The notebook without its solutions; cells left empty are removed.

    Examples
    --------
    >>> nb = {"cells": [
    ...     {"cell_type": "markdown", "source": "E\\n```{solution-start} e\\n```"},
    ...     {"cell_type": "code", "source": "x = 1"},
    ...     {"cell_type": "markdown", "source": "```{solution-end}\\n```\\nEnd"}]}
    >>> [c["source"] for c in drop_solutions(nb)["cells"]]
    ['E', 'End']
    """
    cells, inside = [], False
    for cell in notebook["cells"]:
        source = cell["source"]
        source = "".join(source) if isinstance(source, list) else source
        if cell["cell_type"] != "markdown":
            if not inside:
                cells.append(cell)
            continue
        text, inside = drop_solution_text(source, inside=inside)
        if text.strip():
            cells.append({**cell, "source": text})
    notebook["cells"] = cells
    return notebook
