"""Absolute locations of the project's folders, so code works from any directory.

Every file the package reads goes through :func:`record_read`, which lets the
build know which data files a notebook depended on (its cache key).
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(os.environ.get("MILKBONE_ROOT", Path(__file__).resolve().parents[2]))
DATA = ROOT / "data"
PUBLISHED = DATA / "published"
SIMULATED = DATA / "simulated"
NOTEBOOKS = ROOT / "notebooks"
BOOK = ROOT / "book"
BUILD = ROOT / "_build"
GENERATED = ROOT / "_generated"
FIGURES = GENERATED / "figures"
SOURCES = ROOT.parent / "shared" / "sources"
PAPER = SOURCES / "000_afe5716dbf1e68d3.txt"

__all__ = [
    "BOOK",
    "BUILD",
    "DATA",
    "FIGURES",
    "GENERATED",
    "NOTEBOOKS",
    "PAPER",
    "PUBLISHED",
    "READ_LOG_VARIABLE",
    "ROOT",
    "SIMULATED",
    "SOURCES",
    "record_read",
    "resolve",
]

READ_LOG_VARIABLE = "MILKBONE_READ_LOG"
"""When set, the path of a file to which every data file read is appended, one per line."""


def resolve(path: str | os.PathLike[str]) -> Path:
    """Return ``path`` as an absolute path, relative paths taken from the project root."""
    path = Path(path)
    return path if path.is_absolute() else ROOT / path


def record_read(path: str | os.PathLike[str]) -> Path:
    """Note that ``path`` is being read, for the build's change detection, and return it.

    Call this on every data file a loader opens. Outside a build it does nothing
    but resolve the path.
    """
    path = resolve(path)
    log = os.environ.get(READ_LOG_VARIABLE)
    if log:
        with open(log, "a", encoding="utf-8") as handle:
            handle.write(f"{path}\n")
    return path
