"""The paper's text as the transcription reads it: table rows and printed values.

The text file (:data:`milkbone.paths.PAPER`) holds one table row per line, cells
separated by tabs after a leading ``" \\t"``; prose keeps the paper's U+202F narrow
spaces and U+2212 minus signs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from milkbone import paths

__all__ = ["Paper"]


@dataclass(frozen=True)
class Paper:
    """The paper's text, split into lines.

    Examples
    --------
    >>> paper = Paper("TABLE 9\\n \\tAge, years\\t61.2 \\nNote")
    >>> paper.rows_between("TABLE 9", "Note")
    [(2, ['Age, years', '61.2'])]
    >>> paper.find("61.2")
    '61.2'
    """

    text: str

    @classmethod
    def read(cls, path: str | Path | None = None) -> Paper:
        """Read the paper's text file (default :data:`milkbone.paths.PAPER`)."""
        path = paths.record_read(paths.PAPER if path is None else path)
        return cls(path.read_text(encoding="utf-8"))

    @property
    def lines(self) -> list[str]:
        """The text's lines (``\\n``-separated, line ends removed)."""
        return self.text.split("\n")

    def rows_between(self, start: str, stop: str) -> list[tuple[int, list[str]]]:
        """Table body rows (1-based line number, cells as printed) between two headings.

        ``start`` and ``stop`` are the beginnings of the first lines before and after
        the table's body (the table's title and its first footnote).
        """
        lines = self.lines
        first = _line_starting(lines, start, after=-1)
        last = _line_starting(lines, stop, after=first)
        return [
            (i + 1, [cell.rstrip(" ") for cell in lines[i].split("\t")[1:]])
            for i in range(first, last)
            if lines[i].startswith(" \t")
        ]

    def find(self, printed: str) -> str:
        """``printed`` as it stands in the paper (its spaces may be U+202F there).

        Raises
        ------
        ValueError
            If the paper does not print it.
        """
        pattern = re.escape(printed).replace(r"\ ", "[ \u202f]")
        match = re.search(pattern, self.text)
        if match is None:
            raise ValueError(f"printed value {printed!r} not found in the paper")
        return match.group()


def _line_starting(lines: list[str], prefix: str, *, after: int) -> int:
    for i in range(after + 1, len(lines)):
        if lines[i].startswith(prefix):
            return i
    raise ValueError(f"no line of the paper starts with {prefix!r}")
