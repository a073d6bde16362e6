"""Problems found in a data folder, and the exact, text-first reading of its CSV files.

Shared by every data type of :mod:`milkbone.cohort` (clinical visits now, 16S and
metabolome next): a :class:`Problem` names the file, the line as an editor shows it
and the column; :func:`read_csv_text` reads a CSV as text without coercing or
dropping anything; :func:`parse_cells` turns text cells into typed columns, one
problem per cell that does not parse.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from milkbone import paths
from milkbone.cohort.schema import Field

__all__ = [
    "Problem",
    "check_columns",
    "count_problems",
    "format_problems",
    "parse_cells",
    "read_csv_text",
]

_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_INTEGER = re.compile(r"^[+-]?\d+$")
_BOOLEANS = {"true": True, "false": False}


@dataclass(frozen=True)
class Problem:
    """One problem found in a data folder.

    ``line`` is the 1-based line number as an editor shows it (the header is line 1),
    or ``None`` for a problem of the whole file or column.

    Examples
    --------
    >>> print(Problem("visits.csv", 5, "l1_4_bmd", "value 935 is outside 0.2–2.0 g/cm²"))
    visits.csv, line 5, column l1_4_bmd: value 935 is outside 0.2–2.0 g/cm²
    >>> print(Problem("dataset.json", None, None, "file is missing"))
    dataset.json: file is missing
    """

    file: str
    line: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = [self.file]
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.column is not None:
            where.append(f"column {self.column}")
        return f"{', '.join(where)}: {self.message}"


def format_problems(problems: Iterable[Problem]) -> str:
    """The problems one per line, as ``milkbone validate`` prints them.

    Examples
    --------
    >>> problems = [Problem("a.csv", 2, "x", "bad"), Problem("b.csv", None, None, "gone")]
    >>> print(format_problems(problems))
    a.csv, line 2, column x: bad
    b.csv: gone
    """
    return "\n".join(str(p) for p in problems)


def count_problems(count: int) -> str:
    """``"1 problem"``, ``"2 problems"``.

    Examples
    --------
    >>> count_problems(1), count_problems(3)
    ('1 problem', '3 problems')
    """
    return f"{count} problem{'s' if count != 1 else ''}"


def read_csv_text(path: Path, file: str) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Read a CSV as text, exactly; report what prevents reading it.

    Parameters
    ----------
    path : Path
        The file (read through :func:`milkbone.paths.record_read`).
    file : str
        The name problems give for it.

    Returns
    -------
    frame : DataFrame or None
        Every cell as text (``""`` where empty), indexed so that ``index + 2`` is the
        line an editor shows; empty lines are left out (and reported). None if the
        file cannot be read.
    problems : list of Problem
        Missing or empty file, a column named twice, unreadable CSV, empty lines.

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "x.csv"
    >>> _ = path.write_text("a,b\\n1,2\\n,\\n3,4\\n")
    >>> frame, problems = read_csv_text(path, "x.csv")
    >>> frame.index.tolist(), [str(p) for p in problems]
    ([0, 2], ['x.csv, line 3: line is empty'])
    """
    if not path.is_file():
        return None, [Problem(file, None, None, "file is missing")]
    text = paths.record_read(path).read_text(encoding="utf-8-sig")
    if not text.strip():
        return None, [Problem(file, None, None, "file is empty")]
    header = next(csv.reader([text.splitlines()[0]]))
    problems = []
    seen: set[str] = set()
    for name in header:
        if name in seen:
            problems.append(Problem(file, 1, name, "column appears twice in the header"))
        seen.add(name)
    if len(seen) < len(header):
        return None, problems
    try:
        frame = pd.read_csv(
            path,
            dtype=str,
            keep_default_na=False,
            na_filter=False,
            skip_blank_lines=False,
            encoding="utf-8-sig",
        )
    except (pd.errors.ParserError, ValueError) as error:
        return None, [Problem(file, None, None, f"cannot be read as CSV ({error})".strip())]
    if frame.empty:
        return None, [Problem(file, None, None, "file has a header but no data rows")]
    # rows with too few fields come back as NaN: treat as empty text, reported below
    frame = frame.fillna("")
    blank = (frame == "").all(axis=1)
    lines = frame.index[blank] + 2
    problems = [Problem(file, int(line), None, "line is empty") for line in lines]
    # the index keeps the line numbers of the rows that remain
    return frame[~blank], problems


def check_columns(frame: pd.DataFrame, fields: tuple[Field, ...], file: str) -> list[Problem]:
    """Required columns that are missing and columns the schema does not know.

    Examples
    --------
    >>> from milkbone.cohort.schema import PARTICIPANT_FIELDS
    >>> frame = pd.DataFrame(columns=["participant", "group", "colour"])
    >>> [str(p) for p in check_columns(frame, PARTICIPANT_FIELDS[:2], "p.csv")]
    ['p.csv, line 1, column colour: unknown column (allowed: participant, group)']
    """
    problems = []
    names = [f.name for f in fields]
    for name in names:
        if name not in frame.columns:
            problems.append(Problem(file, 1, name, "required column is missing"))
    for name in frame.columns:
        if name not in names:
            allowed = ", ".join(names)
            problems.append(Problem(file, 1, name, f"unknown column (allowed: {allowed})"))
    return problems


def _parse_cell(field: Field, cell: str) -> tuple[object, str | None]:
    """One non-empty text cell as the field's type, or a missing value and the problem."""
    if field.kind in ("id", "group"):
        if cell != cell.strip():
            return cell, f"value {cell!r} has surrounding spaces"
        return cell, None
    if field.kind == "bool":
        if cell not in _BOOLEANS:
            return None, f"value {cell!r} is not 'true' or 'false'"
        return _BOOLEANS[cell], None
    if field.kind in ("int", "month"):
        if not _INTEGER.match(cell):
            return np.nan, f"value {cell!r} is not a whole number"
        return float(int(cell)), None
    if not _NUMBER.match(cell):
        return np.nan, f"value {cell!r} is not a number"
    return float(cell), None


def parse_cells(
    frame: pd.DataFrame, fields: tuple[Field, ...], file: str
) -> tuple[pd.DataFrame, list[Problem]]:
    """Parse text cells into typed columns; unparseable cells become missing and a problem.

    Empty cells become missing here without a problem; missingness is checked later.
    Columns of ``fields`` absent from ``frame`` are left out. Whole numbers are parsed
    as float (so that they can be missing); ``61.0`` is not a whole number.

    Examples
    --------
    >>> from milkbone.cohort.schema import PARTICIPANT_FIELDS
    >>> frame = pd.DataFrame({"age": ["61", "61.0", ""]})
    >>> typed, problems = parse_cells(frame, PARTICIPANT_FIELDS, "p.csv")
    >>> typed["age"].tolist(), [str(p) for p in problems]
    ([61.0, nan, nan], ["p.csv, line 3, column age: value '61.0' is not a whole number"])
    """
    parsed = {}
    problems = []
    for field in fields:
        if field.name not in frame.columns:
            continue
        values: list[object] = []
        for index, cell in frame[field.name].items():
            if cell == "":
                values.append(np.nan if field.kind not in ("id", "group") else None)
                continue
            value, message = _parse_cell(field, cell)
            values.append(value)
            if message is not None:
                problems.append(Problem(file, int(index) + 2, field.name, message))
        dtype = float if field.kind in ("int", "month", "float") else object
        parsed[field.name] = pd.Series(values, index=frame.index, dtype=dtype)
    return pd.DataFrame(parsed, index=frame.index), problems
