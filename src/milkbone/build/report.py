"""The execution report: one row per notebook, published in the book.

It says whether each notebook ran or came from the cache, how long it took, the hash
of its source, and which data files it read.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from milkbone.build.execute import NotebookResult

__all__ = ["REPORT_COLUMNS", "REPORT_NAME", "summarise_reads", "summary", "write_report"]

REPORT_NAME = "execution_report.csv"
"""File name of the report in ``_generated/``."""

REPORT_COLUMNS = ("notebook", "status", "seconds", "source hash", "data files read")


def summarise_reads(reads: Iterable[str]) -> str:
    """``data/published/ (12 files); data/simulated/ (3 files)``: one entry per folder.

    Examples
    --------
    >>> summarise_reads(["data/a/x.csv", "data/a/y.csv", "data/b/z.csv"])
    'data/a/ (2 files); data/b/ (1 file)'
    """
    folders = Counter(str(Path(read).parent) + "/" for read in reads)
    return "; ".join(
        f"{folder} ({n} file{'s' if n != 1 else ''})" for folder, n in sorted(folders.items())
    )


def write_report(results: Iterable[NotebookResult], path: Path) -> Path:
    """Write the execution report (one row per notebook) as CSV; the book publishes it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(REPORT_COLUMNS)
        for r in results:
            writer.writerow(
                [
                    f"notebooks/{r.notebook}.py",
                    r.status,
                    f"{r.seconds:.1f}",
                    r.key,
                    summarise_reads(r.reads),
                ]
            )
    return path


def summary(results: Iterable[NotebookResult]) -> dict[str, int]:
    """Counts of notebooks per status, in order of first appearance.

    Examples
    --------
    >>> summary([NotebookResult("a", "cached", 0.1), NotebookResult("b", "executed", 2.0)])
    {'cached': 1, 'executed': 1}
    """
    return dict(Counter(r.status for r in results))
