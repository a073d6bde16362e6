"""The book build: ``jupyter-book build`` with warnings as errors, after the notebooks ran.

Sphinx is started only when an input of the site changed since its last successful
build (:func:`book_inputs`): an executed notebook, a page, the configuration, the table
of contents, a saved figure, a data file a notebook read, or the code of the build
itself. A no-op ``milkbone build`` therefore does no Sphinx work at all.

Two editions: ``reader`` (``_build/html``, solutions in dropdowns) and ``student``
(``_build/student/_build/html``, solutions removed, same pages otherwise).
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from milkbone import paths
from milkbone.build.cache import CACHE_DIRNAME, relative
from milkbone.build.execute import BuildError, BuildInterrupted, quiet

__all__ = [
    "BOOK_OPTIONS",
    "EDITIONS",
    "STAMP_NAME",
    "book_command",
    "book_inputs",
    "build_book",
    "html_folder",
    "inputs_hash",
]

BOOK_OPTIONS = ("--builder", "html", "-W", "-n", "--keep-going", "-q")
"""Warnings are errors, references are checked, and every warning is listed."""

EDITIONS = ("reader", "student")
"""``reader``: the default site; ``student``: exercise solutions removed."""

STAMP_NAME = ".milkbone-inputs"
"""File in the HTML folder holding the hash of the inputs it was built from."""

SITE_INPUTS = (
    "_config.yml",
    "_toc.yml",
    "book/**/*",
    "notebooks/*.ipynb",
    "notebooks/*.py",
    "_generated/figures/*",
    f"_build/{CACHE_DIRNAME}/*.json",
)
"""What a page can show, relative to the project root. The execution report is left out:
it changes on every run (times, "cached"), and describes the build that made the site."""

BUILD_CODE = Path(__file__).resolve().parent
"""The build's own code (the Sphinx extension and page rules among it)."""


def html_folder(root: Path, edition: str = "reader") -> Path:
    """Where an edition's HTML goes: ``_build/html`` or ``_build/student/_build/html``."""
    if edition not in EDITIONS:
        raise ValueError(f"edition must be one of {EDITIONS}, got {edition!r}")
    if edition == "reader":
        return root / "_build" / "html"
    return root / "_build" / "student" / "_build" / "html"


def book_inputs(root: Path) -> list[Path]:
    """Every file whose content the site depends on, sorted.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     _ = (Path(folder) / "_toc.yml").write_text("root: intro")
    ...     [p.name for p in book_inputs(Path(folder)) if p.name.endswith(".yml")]
    ['_toc.yml']
    """
    found = {p for pattern in SITE_INPUTS for p in root.glob(pattern) if p.is_file()}
    found |= set(BUILD_CODE.glob("*.py"))
    return sorted(found)


def inputs_hash(files: Iterable[Path], *, edition: str = "reader") -> str:
    """One SHA-256 over the names and bytes of ``files`` and the edition.

    Examples
    --------
    >>> inputs_hash([], edition="reader") != inputs_hash([], edition="student")
    True
    """
    digest = hashlib.sha256(edition.encode())
    for path in files:
        digest.update(str(path).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def book_command(
    root: Path, *, config: Path | None = None, output: Path | None = None
) -> list[str]:
    """The ``jupyter-book build`` command line, run with this Python."""
    extra = []
    if config is not None:
        extra += ["--config", str(config)]
    if output is not None:
        extra += ["--path-output", str(output)]
    return [
        sys.executable,
        "-c",
        "from jupyter_book.cli.main import main; main()",
        "build",
        str(root),
        *extra,
        *BOOK_OPTIONS,
    ]


def _student_config(root: Path) -> Path:
    """``_config.yml`` with the student edition switched on, written under ``_build``."""
    import yaml

    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    sphinx = config.setdefault("sphinx", {}).setdefault("config", {})
    sphinx["milkbone_edition"] = "student"
    sphinx["hide_solutions"] = True
    config["title"] = f"{config.get('title', '')} (student edition)"
    path = root / "_build" / "student" / "_config.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def build_book(
    *,
    root: Path | None = None,
    edition: str = "reader",
    force: bool = False,
    echo: Callable[[str], None] = quiet,
) -> Path:
    """Run ``jupyter-book build`` with warnings as errors; return the HTML folder.

    Skipped when the site's inputs (:func:`book_inputs`) are those of its last
    successful build, unless ``force``. A failed or interrupted build removes the HTML
    folder, so a stale site never looks current.

    Raises
    ------
    BuildError
        If Sphinx reports any warning or error (``-W -n --keep-going``).
    BuildInterrupted
        On Ctrl-C, once Sphinx has stopped and the half-built site was removed.
    """
    root = (root or paths.ROOT).resolve()
    html = html_folder(root, edition)
    stamp = html / STAMP_NAME
    digest = inputs_hash(book_inputs(root), edition=edition)
    built = (html / "index.html").exists() and stamp.exists()
    if not force and built and stamp.read_text().strip() == digest:
        echo(f"  book    {relative(html, root)} up to date (no input changed)")
        return html
    echo(f"building the {edition} edition (jupyter-book, warnings are errors)")
    start = time.perf_counter()
    if edition == "student":
        command = book_command(root, config=_student_config(root), output=html.parents[1])
    else:
        command = book_command(root)
    try:
        completed = subprocess.run(command, cwd=root, capture_output=True, text=True)
    except KeyboardInterrupt:  # Sphinx had rewritten part of the site: none of it is current
        shutil.rmtree(html, ignore_errors=True)
        raise BuildInterrupted(
            f"interrupted while building the book; the half-built site {relative(html, root)} "
            "was removed"
        ) from None
    if completed.returncode != 0:
        shutil.rmtree(html, ignore_errors=True)
        output = (completed.stdout + completed.stderr).strip().splitlines()
        detail = "\n".join(line for line in output if re.search(r"WARNING|ERROR|[Ee]rror:", line))
        raise BuildError("the book build failed:\n" + (detail or "\n".join(output[-30:])))
    stamp.write_text(digest + "\n")
    echo(f"  built   {relative(html, root)}  {time.perf_counter() - start:6.1f} s")
    return html
