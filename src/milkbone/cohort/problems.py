"""Problems found in a data folder, and the exact parsing of text cells.

Shared by every data type of :mod:`milkbone.cohort` (clinical visits, 16S,
metabolome): a :class:`Problem` names the file, the line as an editor shows it and the
column; :func:`parse_cells` turns text cells (as :func:`milkbone.cohort.reading.read_table`
reads them) into typed columns, one problem per cell that does not parse. Nothing is
coerced: ``06`` for a month, ``61.0`` for an age, `` 0.9`` or ``1,5`` in a
comma-delimited file are reported, not read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from milkbone.cohort.schema import Field
from milkbone.vocabulary import MONTHS

__all__ = [
    "Problem",
    "check_columns",
    "count_problems",
    "format_problems",
    "parse_cells",
]

_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_COMMA_NUMBER = re.compile(r"^[+-]?(\d+(,\d*)?|,\d+)([eE][+-]?\d+)?$")
_INTEGER = re.compile(r"^-?(0|[1-9]\d*)$")
_LOOSE_INTEGER = re.compile(r"^[+-]?\d+$")
_BOOLEANS = {"true": True, "false": False}
_MONTHS = {str(m): m for m in MONTHS}


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


def _parse_whole(field: Field, cell: str) -> tuple[float, str | None]:
    """A whole number written plainly: ``6``, not ``06``, ``+6`` or ``6.0``."""
    if _INTEGER.match(cell):
        return float(int(cell)), None
    if field.kind == "month":
        allowed = ", ".join(_MONTHS)
        return np.nan, f"value {cell!r} is not a month as written (allowed: {allowed})"
    if _LOOSE_INTEGER.match(cell):
        return np.nan, f"value {cell!r} is not written as a plain whole number (write {int(cell)})"
    return np.nan, f"value {cell!r} is not a whole number"


def _parse_number(cell: str, decimal: str) -> tuple[float, str | None]:
    """A number with the file's decimal mark."""
    if decimal == ",":
        if _COMMA_NUMBER.match(cell):
            return float(cell.replace(",", ".")), None
        if _NUMBER.match(cell) and "." in cell:
            return np.nan, f"value {cell!r} has a decimal point; this file uses decimal commas"
    elif _NUMBER.match(cell):
        return float(cell), None
    return np.nan, f"value {cell!r} is not a number"


def _parse_cell(field: Field, cell: str, decimal: str) -> tuple[object, str | None]:
    """One non-empty text cell as the field's type, or a missing value and the problem."""
    if field.kind in ("id", "group"):
        if cell != cell.strip():
            return cell, f"value {cell!r} has surrounding spaces"
        return cell, None
    if field.kind == "bool":
        if cell.lower() not in _BOOLEANS:
            return None, f"value {cell!r} is not 'true' or 'false'"
        return _BOOLEANS[cell.lower()], None
    if field.kind in ("int", "month"):
        return _parse_whole(field, cell)
    return _parse_number(cell, decimal)


def parse_cells(
    frame: pd.DataFrame, fields: tuple[Field, ...], file: str, *, decimal: str = "."
) -> tuple[pd.DataFrame, list[Problem]]:
    """Parse text cells into typed columns; unparseable cells become missing and a problem.

    Empty cells become missing here without a problem; missingness is checked later.
    Columns of ``fields`` absent from ``frame`` are left out. Whole numbers are parsed
    as float (so that they can be missing); ``61.0``, ``061`` and ``+61`` are not read
    as 61, nor ``06`` as month 6. Booleans are ``true`` or ``false`` in any case (Excel
    writes ``TRUE``). ``decimal`` is the file's decimal mark (``","`` for a semicolon-
    or tab-delimited file written with decimal commas).

    Examples
    --------
    >>> from milkbone.cohort.schema import PARTICIPANT_FIELDS, VISIT_FIELDS
    >>> frame = pd.DataFrame({"age": ["61", "61.0", "", "061"]})
    >>> typed, problems = parse_cells(frame, PARTICIPANT_FIELDS, "p.csv")
    >>> typed["age"].tolist()
    [61.0, nan, nan, nan]
    >>> for problem in problems:
    ...     print(problem)
    p.csv, line 3, column age: value '61.0' is not a whole number
    p.csv, line 5, column age: value '061' is not written as a plain whole number (write 61)
    >>> frame = pd.DataFrame({"month": ["06"], "bmi": ["24,5"]})
    >>> typed, problems = parse_cells(frame, VISIT_FIELDS, "v.csv", decimal=",")
    >>> typed["bmi"].tolist()
    [24.5]
    >>> print(*problems)
    v.csv, line 2, column month: value '06' is not a month as written (allowed: 0, 6, 12)
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
            value, message = _parse_cell(field, cell, decimal)
            values.append(value)
            if message is not None:
                problems.append(Problem(file, int(index) + 2, field.name, message))
        dtype = float if field.kind in ("int", "month", "float") else object
        parsed[field.name] = pd.Series(values, index=frame.index, dtype=dtype)
    return pd.DataFrame(parsed, index=frame.index), problems
