"""Validation of a clinical data folder: every problem named by file, line and column.

:func:`validate` reads ``participants.csv``, ``visits.csv`` and ``dataset.json`` as
text and checks them against :mod:`milkbone.cohort.schema`: types, plausible ranges
(through pandera), the median of each visit against a wrong unit, missing values,
duplicates, the visits a participant must have and baseline BMI against height and
weight. :class:`Problem` and the CSV reading shared with the other data types live in
:mod:`milkbone.cohort.problems` and are importable from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from milkbone import paths
from milkbone.cohort.consistency import cross_problems
from milkbone.cohort.dataset import read_dataset
from milkbone.cohort.metabolome import validate_metabolome
from milkbone.cohort.microbiome import validate_microbiome
from milkbone.cohort.problems import (
    Problem,
    check_columns,
    count_problems,
    format_problems,
    parse_cells,
)
from milkbone.cohort.reading import read_table, read_text
from milkbone.cohort.schema import (
    DATASET_FILE,
    OPTIONAL_AT_MONTH_12,
    PARTICIPANT_FIELDS,
    PARTICIPANTS_FILE,
    UNIT_CHECKS,
    VISIT_FIELDS,
    VISITS_FILE,
    Field,
    UnitCheck,
    pandera_schema,
)
from milkbone.vocabulary import GROUPS, MONTHS

__all__ = [
    "Problem",
    "Validation",
    "count_problems",
    "format_problems",
    "read_dataset",
    "validate",
    "validate_folder",
]

_UNITS = {f.name: f.unit for f in (*PARTICIPANT_FIELDS, *VISIT_FIELDS)}


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


def _unit_message(check: UnitCheck, found: str) -> str:
    side = "below" if check.below else "above"
    unit = _UNITS[check.column]
    return (
        f"{found} {side} {check.threshold:g} {unit}: values look like {check.wrong_unit} "
        f"({check.hint})"
    )


def _participant_units(
    check: UnitCheck, typed: pd.DataFrame, ids: pd.Series, file: str
) -> tuple[list[Problem], set[tuple[str, int]]]:
    """Participants whose every value fails ``check``: in the wrong unit on their own
    (reported once at least ``check.min_participants`` women are)."""
    problems, skip = [], set()
    for pid, rows in typed[check.column].groupby(ids, sort=False):
        values = rows.dropna()
        if len(values) and all(check.fails(v) for v in values):
            shown = ", ".join(f"{v:g}" for v in values)
            found = f"participant {pid!r} has {shown}, every value"
            message = _unit_message(check, found)
            problems.append(Problem(file, int(values.index[0]) + 2, check.column, message))
            skip.update((check.column, int(i)) for i in rows.index)
    if len(problems) < check.min_participants:
        return [], set()
    return problems, skip


def _unit_problems(
    typed: pd.DataFrame, ids: pd.Series | None, file: str
) -> tuple[list[Problem], set[tuple[str, int]]]:
    """Median checks (per visit in visits.csv, of the file in participants.csv), then per
    participant; returns the problems and the cells whose range checks they replace (one
    clear line instead of one per row). The first check that fails for a column wins."""
    problems: list[Problem] = []
    skip: set[tuple[str, int]] = set()
    by_visit = "month" in typed.columns
    groups = typed.groupby("month", sort=True) if by_visit else [(None, typed)]
    for check in UNIT_CHECKS:
        if check.column not in typed.columns or any(p.column == check.column for p in problems):
            continue
        for month, rows in groups:
            median = rows[check.column].median()
            if check.fails(median):
                at = f" at month {month:g}" if month is not None else ""
                message = _unit_message(check, f"median {median:g}{at} is")
                problems.append(Problem(file, None, check.column, message))
                skip.update((check.column, int(i)) for i in rows.index)
        flagged = any(p.column == check.column for p in problems)
        if by_visit and ids is not None and not flagged:
            found, cells = _participant_units(check, typed, ids, file)
            problems.extend(found)
            skip |= cells
    return problems, skip


def _missing_problems(
    text: pd.DataFrame, fields: tuple[Field, ...], file: str, months: pd.Series | None
) -> list[Problem]:
    """Empty cells where the schema needs a value; a marker of :data:`OPTIONAL_AT_MONTH_12`
    on a line whose month is unreadable is not judged (its month is reported)."""
    problems = []
    for field in fields:
        if field.name not in text.columns:
            continue
        empty = text.index[text[field.name] == ""]
        for index in empty:
            if (
                months is not None
                and field.name in OPTIONAL_AT_MONTH_12
                and (months.loc[index] == 12 or pd.isna(months.loc[index]))
            ):
                continue
            where = ""
            if field.name in OPTIONAL_AT_MONTH_12:
                where = " (allowed only at month 12)"
            problems.append(Problem(file, index + 2, field.name, f"value is missing{where}"))
    return problems


@dataclass(frozen=True)
class _Checked:
    """One CSV read and checked on its own."""

    text: pd.DataFrame | None
    typed: pd.DataFrame | None
    problems: list[Problem]
    note: str | None
    uncertain: set[str]
    unit_columns: frozenset[str] = frozenset()


def _check_file(data_dir: Path, file: str, fields: tuple[Field, ...], name: str) -> _Checked:
    """Read and check one CSV on its own: text and typed frames, problems, how it was read."""
    table = read_table(data_dir / file, file, known=[f.name for f in fields])
    problems = list(table.problems)
    if table.frame is None:
        return _Checked(None, None, problems, table.note(), table.uncertain)
    text = table.frame
    problems.extend(check_columns(text, fields, file))
    typed, parsing = parse_cells(text, fields, file, decimal=table.decimal)
    problems.extend(parsing)
    months = typed["month"] if "month" in typed.columns else None
    problems.extend(_missing_problems(text, fields, file, months))
    ids = text["participant"] if "participant" in text.columns else None
    unit, skip = _unit_problems(typed, ids, file)
    problems.extend(unit)
    problems.extend(_schema_problems(typed, fields, file, name, skip))
    columns = frozenset(p.column for p in unit if p.column is not None)
    return _Checked(text, typed, problems, table.note(), table.uncertain, columns)


@dataclass(frozen=True)
class Validation:
    """What :func:`validate_folder` found.

    ``problems`` make the folder invalid (empty when valid); ``notes`` say, one line
    each, how a file was read when it was not plain comma-separated UTF-8, and why a
    folder whose ``dataset.json`` says simulated is treated as real; ``kind`` is
    ``"simulated"``, ``"real"`` or None when ``dataset.json`` cannot be read.
    """

    problems: list[Problem]
    notes: list[str]
    kind: str | None


def _dataset_notes(data_dir: Path, info: dict | None) -> list[str]:
    notes = []
    if (data_dir / DATASET_FILE).is_file():
        text, how = read_text(data_dir / DATASET_FILE)
        if text is not None and how != "UTF-8":
            notes.append(f"{DATASET_FILE}: read as {how}")
    if info is not None and "kind_note" in info:
        notes.append(info["kind_note"])
    return notes


def validate_folder(data_dir: str | Path, *, clinical_only: bool = False) -> Validation:
    """Check a data folder against the schema: every problem, and how the files were read.

    Parameters
    ----------
    data_dir : str or Path
        The folder, as for :func:`validate`.
    clinical_only : bool, default False
        Check only ``participants.csv``, ``visits.csv`` and ``dataset.json``, not a
        ``microbiome/`` or ``metabolome/`` folder (what :func:`~milkbone.cohort.load`
        needs: a clinical chapter then neither reads nor depends on the omics files).

    Returns
    -------
    Validation
        ``problems`` (see :func:`validate`), ``notes`` and ``kind``.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "dataset.json").write_text('{"kind": "real"}', encoding="utf-16")
    >>> found = validate_folder(folder)
    >>> found.kind, found.notes, len(found.problems)
    ('real', ['dataset.json: read as UTF-16 (byte-order mark)'], 2)
    """
    data_dir = paths.resolve(data_dir)
    if not data_dir.is_dir():
        what = "is a file, not a folder" if data_dir.exists() else "folder does not exist"
        return Validation([Problem(str(data_dir), None, None, what)], [], None)
    info, problems = read_dataset(data_dir)
    people = _check_file(data_dir, PARTICIPANTS_FILE, PARTICIPANT_FIELDS, "participants")
    visits = _check_file(data_dir, VISITS_FILE, VISIT_FIELDS, "visits")
    problems += people.problems + visits.problems
    if people.text is not None and visits.text is not None:
        problems += cross_problems(
            people.text,
            people.typed,
            visits.text,
            visits.typed,
            uncertain=people.uncertain | visits.uncertain,
            bmi=not ({"height", "weight"} & people.unit_columns),
        )
    order = {DATASET_FILE: 0, PARTICIPANTS_FILE: 1, VISITS_FILE: 2}
    problems = sorted(
        problems, key=lambda p: (order.get(p.file, 3), p.line if p.line is not None else 0)
    )
    linked = not any(p.file in (PARTICIPANTS_FILE, VISITS_FILE) for p in problems)
    for folder, check in (("microbiome", validate_microbiome), ("metabolome", validate_metabolome)):
        if not clinical_only and (data_dir / folder).is_dir():  # omics data are optional
            problems += [p for p in check(data_dir, link=linked) if p.file != DATASET_FILE]
    notes = _dataset_notes(data_dir, info) + [c.note for c in (people, visits) if c.note]
    return Validation(problems, notes, info["kind"] if info is not None else None)


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

    See Also
    --------
    validate_folder : the same, with notes on how each file was read.

    Notes
    -----
    Files are read as text (:func:`milkbone.cohort.reading.read_table`: UTF-8, UTF-16,
    cp1252 or latin-1; comma, semicolon or tab; decimal commas in a semicolon- or
    tab-delimited file) and parsed here, so nothing is coerced or dropped silently:
    ``1,5`` in a comma-delimited file, ``nan``, `` 0.9``, ``06`` for a month and ``61.0``
    for an integer are reported. Ranges and allowed values are checked with pandera
    (lazy validation, failures mapped back to lines); units by medians
    (:data:`~milkbone.cohort.schema.UNIT_CHECKS`); missing values, duplicates, visits
    and BMI consistency by the rules in :mod:`milkbone.cohort`'s docstring. Quoted
    fields spanning lines are not supported. A ``microbiome/`` or ``metabolome/`` folder
    is checked too, after the clinical files
    (:func:`~milkbone.cohort.microbiome.validate_microbiome`,
    :func:`~milkbone.cohort.metabolome.validate_metabolome`, default options), against
    ``participants.csv`` and ``visits.csv`` only when those have no problem (a broken
    visits file would otherwise be reported again for every sample).

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> [str(p) for p in validate(folder)]  # doctest: +NORMALIZE_WHITESPACE
    ['dataset.json: file is missing', 'participants.csv: file is missing',
     'visits.csv: file is missing']
    """
    return validate_folder(data_dir).problems
