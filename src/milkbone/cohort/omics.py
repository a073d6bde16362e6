"""Reading what the 16S and metabolome folders share: delimited text, sample metadata,
and the link from samples to the participants and visits of the clinical files.

Small tables (metadata, taxonomy, feature annotation) are read as text, cell by
cell, with the line an editor shows; numeric matrices (feature tables, peak tables)
go through pandas' C parser and only the cells that are not numbers are looked at.
Lines starting with ``#`` are comments (QIIME 2 writes ``# Constructed from biom
file`` and ``#q2:types``), except a header whose first cell is one of QIIME's
``#SampleID``, ``#Sample ID``, ``#OTU ID``.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd

from milkbone import paths
from milkbone._validate import shown
from milkbone.cohort.dataset import read_dataset
from milkbone.cohort.problems import Problem
from milkbone.cohort.reading import read_table
from milkbone.cohort.schema import PARTICIPANTS_FILE, VISITS_FILE
from milkbone.vocabulary import GROUPS, MONTHS, evidence_for

__all__ = [
    "HASH_HEADERS",
    "SAMPLE_ID_HEADERS",
    "clinical_people",
    "coverage_problems",
    "filtered_rows",
    "folder_evidence",
    "format_number",
    "join_groups",
    "read_matrix",
    "read_sample_metadata",
    "read_text_table",
]

HASH_HEADERS = ("#SampleID", "#Sample ID", "#OTU ID", "#OTU_ID", "#Feature ID")
"""First header cells that start with ``#`` and are still a header, not a comment."""

SAMPLE_ID_HEADERS = ("sample-id", "sampleid", "sample id", "sample_id", "id", "#sampleid")
"""Names QIIME 2 accepts for the first column of sample metadata (any case)."""

_INTEGER = re.compile(r"^[+-]?\d+$")


def _header_index(lines: list[str], sep: str) -> int | None:
    """Position of the header line: the first that is neither empty nor a comment."""
    for i, line in enumerate(lines):
        first = line.split(sep, 1)[0].strip()
        if line.strip() and (not line.startswith("#") or first in HASH_HEADERS):
            return i
    return None


def read_text_table(path: Path, file: str, *, sep: str = "\t") -> tuple:
    """A small delimited file as text: ``(frame, problems)``.

    ``frame`` has the header's columns, every cell as stripped-of-nothing text, and is
    indexed by the line an editor shows; comment lines after the header are skipped,
    empty lines and lines with the wrong number of cells are reported. ``frame`` is
    None when the file is missing, empty or has a column twice.

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "m.tsv"
    >>> _ = path.write_text("sample-id\\tmonth\\n#q2:types\\tnumeric\\nS1\\t0\\nS2\\n")
    >>> frame, problems = read_text_table(path, "m.tsv")
    >>> frame.index.tolist(), [str(p) for p in problems]
    ([3], ['m.tsv, line 4: line has 1 cell; the header has 2'])
    """
    if not path.is_file():
        return None, [Problem(file, None, None, "file is missing")]
    lines = paths.record_read(path).read_text(encoding="utf-8-sig").splitlines()
    start = _header_index(lines, sep)
    if start is None:
        return None, [Problem(file, None, None, "file is empty")]
    header = lines[start].split(sep)
    twice = sorted(name for name, n in Counter(header).items() if n > 1)
    if twice:
        return None, [
            Problem(file, start + 1, n, "column appears twice in the header") for n in twice
        ]
    rows, numbers, problems = [], [], []
    for number, line in enumerate(lines[start + 1 :], start=start + 2):
        cells = line.split(sep)
        if not line.strip():
            problems.append(Problem(file, number, None, "line is empty"))
        elif line.startswith("#"):
            continue
        elif len(cells) != len(header):
            plural = "s" if len(cells) != 1 else ""
            message = f"line has {len(cells)} cell{plural}; the header has {len(header)}"
            problems.append(Problem(file, number, None, message))
        else:
            rows.append(cells)
            numbers.append(number)
    frame = pd.DataFrame(rows, columns=header, index=pd.Index(numbers, name="line"), dtype=str)
    return frame, problems


def read_matrix(path: Path, file: str, *, sep: str, missing: tuple[str, ...] = ()) -> tuple:
    """A numeric matrix with ids in its first column: ``(frame, problems, first_line)``.

    ``frame`` is float64, indexed by the first column (text); cells that are not
    numbers are NaN and reported once per column (how many, the first line and
    value); cells in ``missing`` (e.g. ``""``, ``"NA"``) are NaN without a problem.
    ``first_line`` is the line of the first data row. Duplicated column names and row
    ids are reported; ``frame`` is None if the file cannot be read.
    """
    if not path.is_file():
        return None, [Problem(file, None, None, "file is missing")], 0
    with open(paths.record_read(path), encoding="utf-8-sig") as handle:
        head = [line.rstrip("\r\n") for _, line in zip(range(50), handle, strict=False)]
    start = _header_index(head, sep)
    if start is None:
        return None, [Problem(file, None, None, "file is empty or starts with 50 comments")], 0
    header = head[start].split(sep)
    twice = sorted(name for name, n in Counter(header).items() if n > 1)
    if twice:
        return (
            None,
            [Problem(file, start + 1, n, "column appears twice in the header") for n in twice],
            0,
        )
    try:
        frame = pd.read_csv(
            path, sep=sep, skiprows=start, dtype={header[0]: str}, index_col=0,
            na_filter=bool(missing), na_values=list(missing), keep_default_na=False,
            encoding="utf-8-sig", skip_blank_lines=False,
        )  # fmt: skip
    except (pd.errors.ParserError, ValueError) as error:
        return None, [Problem(file, None, None, f"cannot be read ({error})".strip())], 0
    first = start + 2
    problems = _id_problems(frame.index, file, first, header[0])
    numeric, bad = _numeric(frame, file, first)
    return numeric, problems + bad, first


def _id_problems(index: pd.Index, file: str, first: int, column: str) -> list[Problem]:
    problems = []
    for position in np.flatnonzero(index.isna() | (index.astype(str).str.strip() == "")):
        problems.append(Problem(file, first + int(position), column, "id is empty"))
    for value in pd.unique(index[index.duplicated(keep=False)].dropna()):
        lines = (np.flatnonzero(index == value) + first).tolist()
        problems.append(
            Problem(file, lines[0], column, f"id {value!r} appears on lines {shown(lines)}")
        )
    return problems


def _numeric(frame: pd.DataFrame, file: str, first: int) -> tuple[pd.DataFrame, list[Problem]]:
    """The frame as float64, bad cells NaN, one problem per column holding any."""
    numeric = frame.dtypes.map(pd.api.types.is_numeric_dtype).to_numpy()
    if numeric.all():  # one float block (read_csv gives one block per column)
        return pd.DataFrame(frame.to_numpy(dtype=float), frame.index, frame.columns), []
    problems, converted = [], {}
    for name in frame.columns[~numeric]:
        column = frame[name]
        values = pd.to_numeric(column, errors="coerce")
        bad = np.flatnonzero(values.isna() & column.notna())
        if len(bad):
            cell = column.iloc[bad[0]]
            message = (
                f"{len(bad)} value(s) are not numbers, first {cell!r} on line {first + bad[0]}"
            )
            problems.append(Problem(file, None, str(name), message))
        converted[name] = values.astype(float)
    out = frame.drop(columns=list(converted)).assign(**converted)[frame.columns]
    return pd.DataFrame(out.to_numpy(dtype=float), frame.index, frame.columns), problems


def read_sample_metadata(path: Path, file: str, *, extra: tuple[str, ...] = ()) -> tuple:
    """QIIME-style sample metadata: ``(samples, problems)``.

    ``samples`` is indexed by sample id with ``participant`` (text), ``month`` (int64)
    and the ``extra`` columns (text); rows with a problem in these are left out of it
    (the problems say which). Checked: the id header, required columns, empty and
    duplicated ids, months that are not 0, 6 or 12, and a participant sampled twice
    at one visit (per ``extra`` value, e.g. per matrix).
    """
    text, problems = read_text_table(path, file)
    if text is None:
        return None, problems
    id_column = text.columns[0]
    if id_column.lower() not in SAMPLE_ID_HEADERS:
        message = f"first column is {id_column!r}; expected 'sample-id'"
        return None, [*problems, Problem(file, 1, id_column, message)]
    absent = [c for c in ("participant", "month", *extra) if c not in text.columns]
    if absent:
        return None, [
            *problems,
            *(Problem(file, 1, c, "required column is missing") for c in absent),
        ]
    for column in (id_column, "participant", *extra):
        for line in text.index[text[column].str.strip() == ""]:
            problems.append(Problem(file, int(line), column, "value is missing"))
    for line, cell in text["month"].items():
        if not _INTEGER.match(cell) or int(cell) not in MONTHS:
            allowed = ", ".join(map(str, MONTHS))
            problems.append(
                Problem(file, int(line), "month", f"value {cell!r} is not a month ({allowed})")
            )
    problems += _duplicates(text, file, [id_column], "sample id")
    problems += _duplicates(text, file, ["participant", "month", *extra], "participant and month")
    bad = {p.line for p in problems if p.line is not None}
    good = text.loc[[line not in bad for line in text.index]]
    samples = pd.DataFrame(
        {
            "participant": good["participant"].to_numpy(),
            "month": good["month"].astype("int64").to_numpy(),
        }
        | {c: good[c].to_numpy() for c in extra},
        index=pd.Index(good[id_column].to_numpy(), name="sample_id"),
    )
    return samples, problems


def _duplicates(text: pd.DataFrame, file: str, columns: list[str], what: str) -> list[Problem]:
    twice = text[text.duplicated(columns, keep=False)]
    problems = []
    for key, rows in twice.groupby(columns, sort=False):
        value = " ".join(map(str, key)) if isinstance(key, tuple) else key
        lines = [int(x) for x in rows.index]
        message = f"{what} {value!r} appears on lines {shown(lines)}"
        problems.append(Problem(file, lines[0], columns[0], message))
    return problems


def clinical_people(data_dir: Path) -> tuple[pd.DataFrame | None, pd.DataFrame | None]:
    """``participant, group, withdrawn`` of ``participants.csv`` and ``participant,
    month`` of ``visits.csv``, read leniently (the clinical validator checks them);
    None where a file is missing or lacks these columns."""
    frames = []
    for file, columns in (
        (PARTICIPANTS_FILE, ["participant", "group"]),
        (VISITS_FILE, ["participant", "month"]),
    ):
        # read as the clinical validator reads it: any encoding or delimiter, no traceback
        frame = read_table(data_dir / file, file, known=columns).frame
        frames.append(frame if frame is not None and set(columns) <= set(frame.columns) else None)
    people, visits = frames
    if people is not None:
        withdrawn = people.get("withdrawn", pd.Series("false", index=people.index))
        people = people.assign(withdrawn=withdrawn.str.lower() == "true")[
            ["participant", "group", "withdrawn"]
        ]
    if visits is not None:
        visits = visits[visits["month"].isin([str(m) for m in MONTHS])][["participant", "month"]]
        visits = visits.astype({"month": "int64"})
    return people, visits


def join_groups(samples: pd.DataFrame, people: pd.DataFrame | None, file: str) -> tuple:
    """``samples`` with the ``group`` of each participant, and a problem per sample
    whose participant is not in ``participants.csv`` (those get no group)."""
    if people is None:
        message = f"cannot be checked: {PARTICIPANTS_FILE} is missing or has no participant, group"
        return samples.assign(group=pd.NA), [Problem(file, None, "participant", message)]
    arms = people.set_index("participant")["group"]
    group = samples["participant"].map(arms)
    unknown = samples[group.isna() | ~group.isin(GROUPS)]
    problems = []
    for person, rows in unknown.groupby("participant", sort=True):
        message = (
            f"participant {person!r} is not in {PARTICIPANTS_FILE} (sample(s) {shown(rows.index)})"
        )
        problems.append(Problem(file, None, "participant", message))
    return samples.assign(group=group), problems


def coverage_problems(samples: pd.DataFrame, people, visits, file: str, what: str) -> list[Problem]:
    """A problem per completer with a visit (``visits.csv``; all of 0, 6, 12 if it is
    missing) but no sample at that visit; withdrawals are not expected to have any."""
    if people is None:
        return []
    expected = people.loc[~people["withdrawn"], ["participant"]]
    if visits is not None:
        expected = expected.merge(visits, on="participant")
    else:
        expected = expected.merge(pd.DataFrame({"month": MONTHS}), how="cross")
    have = set(zip(samples["participant"], samples["month"], strict=True))
    problems = []
    for person, rows in expected.groupby("participant", sort=True):
        months = [m for m in rows["month"] if (person, m) not in have]
        if months:
            listed = ", ".join(map(str, sorted(months)))
            message = (
                f"participant {person!r} has no {what} at month {listed} "
                f"({VISITS_FILE} has the visit)"
            )
            problems.append(Problem(file, None, "participant", message))
    return problems


def folder_evidence(data_dir: Path, section: str) -> tuple[str | None, list[Problem]]:
    """The evidence level of the files of ``data_dir/<section>``, or None and the problem.

    ``"simulated"`` only if ``dataset.json`` says the folder is simulated and records, in
    its ``<section>`` entry, the SHA-256 of exactly the files the section holds now;
    otherwise ``"observed"``: real data get the real-data rules (the safe side), even
    when a user copied them into a simulated folder.
    """
    info, problems = read_dataset(data_dir)
    if info is None:
        return None, problems
    if info["kind"] != "simulated":
        return evidence_for(real=True), []
    entry = info.get(section)
    recorded = entry.get("files") if isinstance(entry, dict) else None
    return evidence_for(real=not _as_recorded(data_dir, section, recorded)), []


def _as_recorded(data_dir: Path, section: str, recorded: object) -> bool:
    """Whether ``data_dir/section`` holds exactly the files ``recorded`` (path -> SHA-256)."""
    if not isinstance(recorded, dict) or not recorded:
        return False
    found = {
        p.relative_to(data_dir).as_posix()
        for p in (data_dir / section).rglob("*")
        if p.is_file() and not p.name.startswith(".")
    }
    return found == set(recorded) and all(
        hashlib.sha256(paths.record_read(data_dir / name).read_bytes()).hexdigest() == digest
        for name, digest in recorded.items()
    )


def format_number(value: float, *, digits: int = 7) -> str:
    """A value as written to a data file: ``digits`` significant digits, empty if missing.

    Examples
    --------
    >>> format_number(1234567.891), format_number(float("nan")), format_number(0.5)
    ('1234568', '', '0.5')
    """
    if value != value:
        return ""
    return f"{value:.{digits}g}"


def filtered_rows(kind: str, ids: pd.Index, reason: str, values: pd.Series) -> pd.DataFrame:
    """Rows of a loader's ``filtered`` report: ``kind, id, reason, value``.

    Examples
    --------
    >>> filtered_rows("sample", pd.Index(["S1"]), "too shallow", pd.Series([12]))
         kind  id       reason  value
    0  sample  S1  too shallow   12.0
    """
    frame = pd.DataFrame({"kind": kind, "id": ids.astype(str), "reason": reason})
    return frame.assign(value=pd.Series(values).astype(float).to_numpy())
