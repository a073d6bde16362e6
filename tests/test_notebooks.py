"""Every notebook follows the skeleton of STYLE.md §2 (static checks, fast)."""

from __future__ import annotations

import ast
import re

import jupytext
import pytest

from milkbone import EVIDENCE_LEVELS, build, report

NOTEBOOKS = build.notebook_sources()
IDS = [p.stem for p in NOTEBOOKS]
MAX_CELL_LINES = 12  # issue 9: a code cell holds one idea
MAX_SOLUTION_LINES = 25  # an exercise solution may show a whole worked answer


def _code_cells(path):
    return [c for c in jupytext.read(path).cells if c.cell_type == "code"]


def _in_solution(notebook, index):
    """True when code cell ``index`` sits between solution-start and solution-end."""
    opened = False
    for i, cell in enumerate(notebook.cells):
        if i == index:
            return opened
        if cell.cell_type == "markdown":
            # one markdown cell may close a solution and open the next: the last marker wins
            start = cell.source.rfind("solution-start")
            end = cell.source.rfind("solution-end")
            if start != end:
                opened = start > end
    return False


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_first_code_cell_is_the_parameters_cell(path):
    first = _code_cells(path)[0]
    assert "parameters" in first.metadata.get("tags", [])
    names = {t.targets[0].id for t in ast.parse(first.source).body if isinstance(t, ast.Assign)}
    assert {"data_dir", "seed"} <= names
    for node in ast.parse(first.source).body:
        assert isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_notebook_opens_with_label_title_and_evidence(path):
    first = jupytext.read(path).cells[0]
    assert first.cell_type == "markdown"
    assert re.match(r"\(([a-z0-9-]+)\)=\n# ", first.source)
    assert "*Evidence on this page:*" in first.source


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_notebook_code_is_thin(path):
    notebook = jupytext.read(path)
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type != "code":
            continue
        tree = ast.parse(cell.source)
        solution = _in_solution(notebook, index)
        lines = len(cell.source.strip().splitlines())
        if solution:
            assert lines <= MAX_SOLUTION_LINES, f"solution cell {index} has {lines} lines"
        else:
            defines = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.ClassDef)]
            assert not defines, f"cell {index} defines {defines[0].name}: move it to milkbone"
            assert lines <= MAX_CELL_LINES, f"cell {index} has {lines} lines"
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and "milkbone" in node.module:
                private = [part for part in node.module.split(".") if part.startswith("_")]
                assert not private, f"cell {index} imports from private {node.module}"
                for alias in node.names:
                    assert not alias.name.startswith("_"), f"cell {index} imports {alias.name}"
        forbidden = re.findall(
            r"np\.random\.seed|filterwarnings|sys\.path|pip install|urllib|requests\.", cell.source
        )
        assert not forbidden, f"cell {index} uses {forbidden}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_markdown_has_no_typed_numbers_outside_glue_and_locations(path):
    """Digits in prose must come from glue, except paper locations and fixed references."""
    allowed = re.compile(
        r"```.*$|\$\$[^$]*\$\$|\$[^$\n]+\$|\{glue:text\}`[^`]*`|\{[a-z:-]+\}`[^`]*`|`[^`]*`|§[\d.–-]+|"
        r"(Table|Figure|Figures|Tables|Exercise)s? [\dA-L,–-]+|\([a-z0-9-]+\)=|^#+ .*$|"
        r"^:[a-z]+:.*$|\d+ mL|per 100 g|1 µg = 40 IU|HCM|CM|L1–4|25\(OH\)D|16S|Chao1",
        re.MULTILINE,
    )
    for index, cell in enumerate(jupytext.read(path).cells):
        if cell.cell_type != "markdown":
            continue
        stripped = allowed.sub("", cell.source)
        digits = re.findall(r"[^\s]*\d[^\s]*", stripped)
        assert not digits, f"cell {index} types numbers {digits[:5]}: glue them"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_evidence_badges_use_the_book_wide_colours(path):
    text = path.read_text(encoding="utf-8")
    for role, level in re.findall(r"\{(bdg-[a-z-]+)\}`([a-z-]+)`", text):
        if level in EVIDENCE_LEVELS:
            assert f"{{{role}}}`{level}`" == report.badge(level), f"{level} badge: use {role}"
