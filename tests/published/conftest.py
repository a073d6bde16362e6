"""Fixtures of the published tests: the paper's text, the tables, and copies to corrupt."""

from __future__ import annotations

import shutil

import pytest

from milkbone import paths, published


@pytest.fixture(scope="module")
def paper_text():
    if not paths.PAPER.exists():
        pytest.skip(f"the paper's text is not available at {paths.PAPER}")
    return paths.PAPER.read_text(encoding="utf-8")


@pytest.fixture()
def copy(tmp_path):
    """A private copy of data/published/ that a test may corrupt."""
    for path in paths.PUBLISHED.iterdir():
        if path.suffix in (".csv", ".json"):
            shutil.copy(path, tmp_path / path.name)
    return tmp_path


@pytest.fixture()
def all_tables():
    """The six published tables by number."""
    return {n: published.table(n) for n in published.TABLE_FILES}
