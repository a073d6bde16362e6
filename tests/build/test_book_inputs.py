"""milkbone.build.book: Sphinx runs only when an input of the site changed (issue 14)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from milkbone.build import book


@pytest.fixture
def site(tmp_path: Path, monkeypatch) -> tuple[Path, list]:
    """A project whose 'jupyter-book build' only writes index.html and counts its runs."""
    (tmp_path / "_config.yml").write_text("title: t\n")
    (tmp_path / "_toc.yml").write_text("root: intro\n")
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "notebooks" / "a.ipynb").write_text("{}")
    runs: list[list[str]] = []

    def fake_run(command, **kwargs):
        runs.append(command)
        html = book.html_folder(tmp_path, "student" if "--config" in command else "reader")
        html.mkdir(parents=True, exist_ok=True)
        (html / "index.html").write_text("<html></html>")
        return subprocess.CompletedProcess(command, 0, "", "")

    monkeypatch.setattr(book.subprocess, "run", fake_run)
    return tmp_path, runs


def test_a_second_build_with_the_same_inputs_does_not_start_sphinx(site):
    root, runs = site
    lines: list[str] = []
    book.build_book(root=root, echo=lines.append)
    book.build_book(root=root, echo=lines.append)
    assert len(runs) == 1
    assert lines[-1].endswith("up to date (no input changed)")


@pytest.mark.parametrize("changed", ["notebooks/a.ipynb", "_toc.yml", "book/new.md"])
def test_a_changed_input_builds_again(site, changed):
    root, runs = site
    book.build_book(root=root)
    (root / changed).parent.mkdir(parents=True, exist_ok=True)
    (root / changed).write_text("changed")
    book.build_book(root=root)
    assert len(runs) == 2


def test_force_and_a_removed_site_build_again(site):
    root, runs = site
    html = book.build_book(root=root)
    book.build_book(root=root, force=True)
    (html / "index.html").unlink()
    book.build_book(root=root)
    assert len(runs) == 3


def test_the_student_edition_has_its_own_folder_and_config(site):
    root, runs = site
    html = book.build_book(root=root, edition="student")
    assert html == root / "_build" / "student" / "_build" / "html"
    config = root / "_build" / "student" / "_config.yml"
    assert "milkbone_edition: student" in config.read_text()
    assert "hide_solutions: true" in config.read_text()
    assert runs[0][runs[0].index("--config") + 1] == str(config)


def test_the_execution_report_is_not_an_input(site):
    """It changes on every run (times, 'cached'); the site it describes does not."""
    root, _ = site
    (root / "_generated").mkdir()
    (root / "_generated" / "execution_report.csv").write_text("x")
    assert all(p.name != "execution_report.csv" for p in book.book_inputs(root))


def test_unknown_edition_is_refused(tmp_path):
    with pytest.raises(ValueError, match="edition must be one of"):
        book.html_folder(tmp_path, "teacher")
