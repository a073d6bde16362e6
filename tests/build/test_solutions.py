"""milkbone.build.solutions: the student edition keeps exercises, drops solutions."""

from __future__ import annotations

import json

import pytest

from milkbone.build import execute, solutions


def test_a_solution_with_a_code_block_inside_is_removed_whole():
    text = "Q\n```{solution} q\n:class: dropdown\n```python\nx = 1\n```\nA\n```\nafter"
    assert solutions.drop_solution_text(text) == ("Q\nafter", False)


def test_a_gated_solution_removes_the_code_cells_between_start_and_end():
    notebook = {
        "cells": [
            {"cell_type": "markdown", "source": "```{exercise}\n:label: e\nQ\n```"},
            {"cell_type": "markdown", "source": "```{solution-start} e\n:class: dropdown\n```"},
            {"cell_type": "code", "source": "answer = 42"},
            {"cell_type": "markdown", "source": "Text.\n\n```{solution-end}\n```\n\nNext."},
            {"cell_type": "code", "source": "kept = True"},
        ]
    }
    cells = solutions.drop_solutions(notebook)["cells"]
    assert [c["source"] for c in cells] == [
        "```{exercise}\n:label: e\nQ\n```",
        "Next.",
        "kept = True",
    ]


@pytest.mark.parametrize("source", execute.notebook_sources(), ids=lambda p: p.stem)
def test_every_chapter_keeps_its_exercises_and_loses_every_solution(source):
    """On the real chapters: every results chapter keeps three exercises or more (issue 14),
    and nothing of a solution is left in the student edition."""
    import jupytext

    notebook = json.loads(jupytext.writes(jupytext.read(source), fmt="ipynb"))
    text = lambda nb: "\n".join(  # noqa: E731
        "".join(c["source"]) if isinstance(c["source"], list) else c["source"] for c in nb["cells"]
    )
    before = text(notebook)
    after = text(solutions.drop_solutions(notebook))
    assert before.count("{exercise}") >= 3
    assert after.count("{exercise}") == before.count("{exercise}")
    assert "{solution" not in after
