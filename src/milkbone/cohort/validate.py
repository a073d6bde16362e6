"""Validation of a clinical data folder: every problem named by file, line and column.

:func:`validate` reads ``participants.csv``, ``visits.csv`` and ``dataset.json`` as
text and checks them against :mod:`milkbone.cohort.schema`: types, plausible ranges
(through pandera), the median of each visit against a wrong unit, missing values,
duplicates, the visits a participant must have and baseline BMI against height and
weight. :class:`Problem` and the CSV reading shared with the other data types live in
:mod:`milkbone.cohort.problems` and are importable from here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from milkbone import paths
from milkbone.cohort.consistency import cross_problems
from milkbone.cohort.problems import (
    Problem,
    check_columns,
    count_problems,
    format_problems,
    parse_cells,
    read_csv_text,
)
from milkbone.cohort.schema import (
    DATASET_FILE,
    DATASET_KINDS,
    OPTIONAL_AT_MONTH_12,
    PARTICIPANT_FIELDS,
    PARTICIPANTS_FILE,
    UNIT_CHECKS,
    VISIT_FIELDS,
    VISITS_FILE,
    Field,
    pandera_schema,
)
from milkbone.vocabulary import GROUPS, MONTHS

__all__ = [
    "Problem",
    "count_problems",
    "format_problems",
    "read_dataset",
    "validate",
]


def _describe_check(field: Field) -> str:
    if field.kind == "group":
        return f"is not a known group (allowed: {', '.join(GROUPS)})"
    if field.kind == "month":
        return f"is not a known month (allowed: {', '.join(map(str, MONTHS))})"
    return f"is outside the plausible range {field.low:g}–{field.high:g} {field.unit}".rstrip()


def _format_value(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _schema_problems(
    typed: pd.DataFrame,
    fields: tuple[Field, ...],
    file: str,
    name: str,
    skip: set[tuple[str, int]],
) -> list[Problem]:
    """Range and allowed-value checks through pandera, failures mapped to lines."""
    by_name = {f.name: f for f in fields}
    try:
        pandera_schema(fields, name).validate(typed, lazy=True)
    except pa.errors.SchemaErrors as errors:
        cases = errors.failure_cases
    else:
        return []
    problems = []
    for case in cases.itertuples(index=False):
        column = case.column
        index = case.index
        if column not in by_name or index is None or (isinstance(index, float) and index != index):
            # a schema-level failure pandera could not attach to a cell
            problems.append(Problem(file, None, column, f"{case.check}: {case.failure_case}"))
            continue
        if (column, int(index)) in skip:
            continue
        value = _format_value(case.failure_case)
        message = f"value {value} {_describe_check(by_name[column])}"
        problems.append(Problem(file, int(index) + 2, column, message))
    return problems


def _unit_problems(typed: pd.DataFrame, file: str) -> tuple[list[Problem], set[tuple[str, int]]]:
    """Median checks per visit; returns the problems and the cells whose range check they
    replace (one clear line instead of one per row)."""
    problems: list[Problem] = []
    skip: set[tuple[str, int]] = set()
    if "month" not in typed.columns:
        return problems, skip
    for check in UNIT_CHECKS:
        if check.column not in typed.columns:
            continue
        unit = next(f.unit for f in VISIT_FIELDS if f.name == check.column)
        for month, rows in typed.groupby("month", sort=True):
            median = rows[check.column].median()
            if pd.notna(median) and median > check.threshold:
                problems.append(
                    Problem(
                        file,
                        None,
                        check.column,
                        f"median {median:g} at month {month:g} is above {check.threshold:g} "
                        f"{unit}: values look like {check.wrong_unit} ({check.hint})",
                    )
                )
                skip.update((check.column, int(i)) for i in rows.index)
    return problems, skip


def read_dataset(data_dir: Path) -> tuple[dict | None, list[Problem]]:
    """``data_dir/dataset.json`` as a dict, or None and the problem that prevents it.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "dataset.json").write_text('{"kind": "lab"}')
    >>> info, problems = read_dataset(folder)
    >>> print(info, *problems)
    None dataset.json, column kind: 'kind' is 'lab'; expected one of 'simulated', 'real'
    """
    path = data_dir / DATASET_FILE
    if not path.is_file():
        return None, [Problem(DATASET_FILE, None, None, "file is missing")]
    text = paths.record_read(path).read_text(encoding="utf-8")
    try:
        info = json.loads(text)
    except json.JSONDecodeError as error:
        return None, [Problem(DATASET_FILE, error.lineno, None, f"not valid JSON ({error.msg})")]
    if not isinstance(info, dict) or info.get("kind") not in DATASET_KINDS:
        kind = info.get("kind") if isinstance(info, dict) else None
        message = f"'kind' is {kind!r}; expected one of {', '.join(map(repr, DATASET_KINDS))}"
        return None, [Problem(DATASET_FILE, None, "kind", message)]
    return info, []


def _missing_problems(
    text: pd.DataFrame, fields: tuple[Field, ...], file: str, months: pd.Series | None
) -> list[Problem]:
    problems = []
    for field in fields:
        if field.name not in text.columns:
            continue
        empty = text.index[text[field.name] == ""]
        for index in empty:
            if (
                months is not None
                and field.name in OPTIONAL_AT_MONTH_12
                and months.loc[index] == 12
            ):
                continue
            where = ""
            if field.name in OPTIONAL_AT_MONTH_12:
                where = " (allowed only at month 12)"
            problems.append(Problem(file, index + 2, field.name, f"value is missing{where}"))
    return problems


def _check_file(data_dir: Path, file: str, fields: tuple[Field, ...], name: str) -> tuple:
    """Read and check one CSV on its own: ``(text, typed)`` or None, and the problems."""
    text, problems = read_csv_text(data_dir / file, file)
    if text is None:
        return None, problems
    problems.extend(check_columns(text, fields, file))
    typed, parsing = parse_cells(text, fields, file)
    problems.extend(parsing)
    months = typed["month"] if "month" in typed.columns else None
    problems.extend(_missing_problems(text, fields, file, months))
    unit, skip = _unit_problems(typed, file) if file == VISITS_FILE else ([], set())
    problems.extend(unit)
    problems.extend(_schema_problems(typed, fields, file, name, skip))
    return (text, typed), problems


def validate(data_dir: str | Path) -> list[Problem]:
    """Check a data folder against the schema; return every problem found.

    Parameters
    ----------
    data_dir : str or Path
        Folder with ``participants.csv``, ``visits.csv`` and ``dataset.json``;
        relative paths are taken from the project root.

    Returns
    -------
    list of Problem
        Empty when the folder is valid. Each names the file, the line as an editor
        shows it (header = line 1; ``None`` for a whole file or column) and the column.

    Notes
    -----
    Files are read as text and parsed here, so nothing is coerced or dropped
    silently: ``1,5``, ``nan``, `` 0.9`` and ``61.0`` (for an integer) are reported.
    Ranges and allowed values are checked with pandera (lazy validation, failures
    mapped back to lines); missing values, duplicates, visits and BMI consistency by
    the rules in :mod:`milkbone.cohort`'s docstring. Quoted fields spanning lines are
    not supported.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> [str(p) for p in validate(folder)]  # doctest: +NORMALIZE_WHITESPACE
    ['dataset.json: file is missing', 'participants.csv: file is missing',
     'visits.csv: file is missing']
    """
    data_dir = paths.resolve(data_dir)
    if not data_dir.is_dir():
        return [Problem(str(data_dir), None, None, "folder does not exist")]
    _, problems = read_dataset(data_dir)
    people, found = _check_file(data_dir, PARTICIPANTS_FILE, PARTICIPANT_FIELDS, "participants")
    problems.extend(found)
    visits, found = _check_file(data_dir, VISITS_FILE, VISIT_FIELDS, "visits")
    problems.extend(found)
    if people is not None and visits is not None:
        problems.extend(cross_problems(*people, *visits))
    order = {DATASET_FILE: 0, PARTICIPANTS_FILE: 1, VISITS_FILE: 2}
    return sorted(
        problems,
        key=lambda p: (order.get(p.file, 3), p.line if p.line is not None else 0),
    )
