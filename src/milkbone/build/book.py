"""The book build: ``jupyter-book build`` with warnings as errors, after the notebooks ran."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from milkbone import paths
from milkbone.build.cache import relative
from milkbone.build.execute import BuildError, quiet

__all__ = ["BOOK_OPTIONS", "book_command", "build_book"]

BOOK_OPTIONS = ("--builder", "html", "-W", "-n", "--keep-going", "-q")
"""Warnings are errors, references are checked, and every warning is listed."""


def book_command(root: Path) -> list[str]:
    """The ``jupyter-book build`` command line, run with this Python."""
    return [
        sys.executable,
        "-c",
        "from jupyter_book.cli.main import main; main()",
        "build",
        str(root),
        *BOOK_OPTIONS,
    ]


def build_book(*, root: Path | None = None, echo: Callable[[str], None] = quiet) -> Path:
    """Run ``jupyter-book build`` with warnings as errors; return the HTML folder.

    A failed build removes the HTML folder, so a stale site never looks current.

    Raises
    ------
    BuildError
        If Sphinx reports any warning or error (``-W -n --keep-going``).
    """
    root = (root or paths.ROOT).resolve()
    html = root / "_build" / "html"
    echo("building the book (jupyter-book, warnings are errors)")
    start = time.perf_counter()
    completed = subprocess.run(book_command(root), cwd=root, capture_output=True, text=True)
    if completed.returncode != 0:
        shutil.rmtree(html, ignore_errors=True)
        output = (completed.stdout + completed.stderr).strip().splitlines()
        detail = "\n".join(line for line in output if "WARNING" in line or "ERROR" in line)
        raise BuildError("the book build failed:\n" + (detail or "\n".join(output[-30:])))
    echo(f"  built   {relative(html, root)}  {time.perf_counter() - start:6.1f} s")
    return html
