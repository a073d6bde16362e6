"""The checks behind :func:`milkbone.cohort.metabolome.validate_metabolome`.

:func:`check_matrix` reads one matrix's peak table, its feature annotation and the
shared sample metadata once, and returns what it read (for the loader) with every
problem found; the problems of missingness come apart, since the loader may drop
the features and samples concerned instead of refusing them.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd

from milkbone._validate import shown
from milkbone.cohort.omics import (
    SAMPLE_ID_HEADERS,
    clinical_people,
    coverage_problems,
    folder_evidence,
    join_groups,
    read_matrix,
    read_sample_metadata,
    read_text_table,
)
from milkbone.cohort.problems import Problem

__all__ = [
    "FEATURE_COLUMNS",
    "FOLDER",
    "ID_PATTERNS",
    "ION_MODES",
    "MATRICES",
    "METADATA_FILE",
    "MISSING_TOKENS",
    "check_matrix",
    "feature_file",
    "id_problems",
    "intensity_files",
    "missing_problems",
]

FOLDER = "metabolome"
METADATA_FILE = "sample-metadata.tsv"
MATRICES = ("serum", "fecal")
FEATURE_COLUMNS = ("name", "mz", "rt", "ion_mode", "kegg", "hmdb", "chebi", "class")
"""Columns of ``<matrix>-features.tsv`` after ``feature-id``."""

ION_MODES = ("positive", "negative")
MISSING_TOKENS = ("", "NA", "NaN", "nan", "N/A")
"""Cells read as a missing intensity (not detected), without a problem."""

ID_PATTERNS = {
    "kegg": re.compile(r"^C\d{5}$"),
    "hmdb": re.compile(r"^HMDB\d{7}$"),
    "chebi": re.compile(r"^CHEBI:\d+$"),
}
"""Well-formed database ids (empty is allowed: the identity is not known)."""

_HINTS = {
    "kegg": "a KEGG compound id is C and five digits, e.g. C00245",
    "hmdb": "an HMDB id is HMDB and seven digits, e.g. HMDB0000251 (HMDB00251 is the "
    "old five-digit form)",
    "chebi": "a ChEBI id is CHEBI: and digits, e.g. CHEBI:15891",
}


def intensity_files(matrix: str) -> tuple[str, str]:
    """The accepted names of a matrix's peak table, CSV first."""
    return f"{matrix}-intensities.csv", f"{matrix}-intensities.tsv"


def feature_file(matrix: str) -> str:
    """The name of a matrix's feature annotation."""
    return f"{matrix}-features.tsv"


def _name(file: str) -> str:
    return f"{FOLDER}/{file}"


def id_problems(features: pd.DataFrame, file: str) -> list[Problem]:
    """Malformed KEGG, HMDB and ChEBI ids, one problem per cell.

    Examples
    --------
    >>> frame = pd.DataFrame({"kegg": ["C00245", "C245"], "hmdb": ["", "HMDB0000251"],
    ...                       "chebi": ["CHEBI:15891", ""]}, index=[2, 3])
    >>> [str(p) for p in id_problems(frame, "f.tsv")]  # doctest: +ELLIPSIS
    ["f.tsv, line 3, column kegg: 'C245' is not a KEGG id (a KEGG compound id is C and ..."]
    """
    problems = []
    for column, pattern in ID_PATTERNS.items():
        if column not in features.columns:
            continue
        for line, cell in features[column].items():
            if cell != "" and not pattern.match(cell):
                label = {"kegg": "KEGG", "hmdb": "HMDB", "chebi": "ChEBI"}[column]
                message = f"{cell!r} is not a {label} id ({_HINTS[column]})"
                problems.append(Problem(file, int(line), column, message))
    return problems


def _read_features(folder: Path, matrix: str) -> tuple:
    file = _name(feature_file(matrix))
    text, problems = read_text_table(folder / feature_file(matrix), file)
    if text is None:
        return None, problems
    if text.columns[0] != "feature-id":
        message = f"first column is {text.columns[0]!r}; expected 'feature-id'"
        return None, [*problems, Problem(file, 1, text.columns[0], message)]
    absent = [c for c in FEATURE_COLUMNS if c not in text.columns]
    problems += [Problem(file, 1, c, "required column is missing") for c in absent]
    for column in ("mz", "rt"):
        values = pd.to_numeric(text.get(column, pd.Series(dtype=str)), errors="coerce")
        for line in values.index[(values.isna() & (text[column] != "")) | (values <= 0)]:
            message = f"value {text.loc[line, column]!r} is not a positive number"
            problems.append(Problem(file, int(line), column, message))
    if "ion_mode" in text.columns:
        for line in text.index[~text["ion_mode"].isin(("", *ION_MODES))]:
            message = f"value {text.loc[line, 'ion_mode']!r} is not {' or '.join(ION_MODES)}"
            problems.append(Problem(file, int(line), "ion_mode", message))
    problems += id_problems(text, file)
    for feature, rows in text[text.duplicated("feature-id", keep=False)].groupby("feature-id"):
        message = f"feature id {feature!r} appears on lines {shown(rows.index.tolist())}"
        problems.append(Problem(file, int(rows.index[0]), "feature-id", message))
    if absent:
        return None, problems
    return _typed_features(text), problems


def _typed_features(text: pd.DataFrame) -> pd.DataFrame:
    frame = text.drop_duplicates("feature-id").set_index("feature-id")
    frame.index.name = "feature_id"
    out = frame[list(FEATURE_COLUMNS)].replace("", pd.NA).astype("string")
    return out.assign(
        mz=pd.to_numeric(out["mz"], errors="coerce").astype(float),
        rt=pd.to_numeric(out["rt"], errors="coerce").astype(float),
    )


def _read_intensities(folder: Path, matrix: str, samples, features) -> tuple:
    """``(samples × features, problems, file)``: the orientation from the first header
    cell (``sample-id`` or ``feature-id``), else from which ids the first column holds."""
    found = [f for f in intensity_files(matrix) if (folder / f).is_file()]
    if len(found) != 1:
        message = "file is missing" if not found else "both files are present; keep one"
        where = _name(" or ".join(intensity_files(matrix)))
        return None, [Problem(where, None, None, message)], ""
    file = _name(found[0])
    sep = "," if found[0].endswith(".csv") else "\t"
    table, problems, _ = read_matrix(folder / found[0], file, sep=sep, missing=MISSING_TOKENS)
    if table is None:
        return None, problems, file
    first = str(table.index.name)
    by_samples = samples is not None and table.index.isin(samples.index).mean() > 0.5
    by_features = features is not None and table.index.isin(features.index).mean() > 0.5
    if first.lower() in SAMPLE_ID_HEADERS or (first != "feature-id" and by_samples):
        return table, problems, file
    if first == "feature-id" or by_features:
        return table.T, problems, file
    message = (
        "cannot tell the orientation: name the first column 'sample-id' or "
        f"'feature-id', not {first!r}"
    )
    return None, [*problems, Problem(file, 1, first, message)], file


def _value_problems(values: pd.DataFrame, file: str) -> list[Problem]:
    """Non-positive intensities, one problem per feature holding any."""
    problems = []
    bad = values.to_numpy() <= 0
    for col in np.flatnonzero(bad.any(axis=0)):
        row = int(np.flatnonzero(bad[:, col])[0])
        message = (
            f"{int(bad[:, col].sum())} non-positive intensity value(s), first "
            f"{values.iat[row, col]:g} in sample {values.index[row]!r} (a zero often means "
            "'not detected': leave the cell empty)"
        )
        problems.append(Problem(file, None, str(values.columns[col]), message))
    return problems


def missing_problems(values: pd.DataFrame, file: str, max_missing: float) -> list[Problem]:
    """Features and samples with more than ``max_missing`` of their values missing.

    Examples
    --------
    >>> values = pd.DataFrame({"F1": [1.0, np.nan, np.nan], "F2": [1.0, 2.0, 3.0]},
    ...                       index=["S1", "S2", "S3"])
    >>> [str(p) for p in missing_problems(values, "x.csv", 0.5)]
    ['x.csv, column F1: feature is missing in 2 of 3 samples (67 %; more than max_missing 50 %)']
    """
    problems = []
    for axis, what, other in ((0, "feature", "samples"), (1, "sample", "features")):
        missing = values.isna().sum(axis=axis)
        total = values.shape[axis]
        for key, count in missing[missing > max_missing * total].items():
            message = (
                f"{what} is missing in {count} of {total} {other} ({count / total:.0%}; "
                f"more than max_missing {max_missing:.0%})"
            ).replace("%", " %")
            problems.append(Problem(file, None, str(key), message))
    return problems


def _cross(values, samples, features, matrix: str, file: str, meta: str) -> list[Problem]:
    problems = []
    if samples is not None:
        only = values.index.difference(samples.index, sort=False)
        if len(only):
            message = f"sample(s) with intensities but no row in {METADATA_FILE}: {shown(only)}"
            problems.append(Problem(file, None, None, message))
        other = samples.index.intersection(values.index)
        other = other[samples.loc[other, "matrix"] != matrix]
        if len(other):
            message = f"sample(s) of another matrix than {matrix!r}: {shown(other)}"
            problems.append(Problem(meta, None, "matrix", message))
    if features is not None:
        only = values.columns.difference(features.index, sort=False)
        if len(only):
            message = f"feature(s) with no row in {feature_file(matrix)}: {shown(only)}"
            problems.append(Problem(file, None, None, message))
    return problems


def check_matrix(data_dir: Path, matrix: str, *, max_missing: float, link: bool = True) -> tuple:
    """Read and check one matrix: ``(parts, problems, sparse)``.

    ``parts`` is ``(intensities, features, samples, evidence)`` or None when any problem
    other than missingness was found (or ``link`` is false); ``sparse`` holds the
    missingness problems. ``link=False`` leaves out the checks against
    ``participants.csv`` and ``visits.csv``.
    """
    folder = data_dir / FOLDER
    if not folder.is_dir():
        return None, [Problem(FOLDER, None, None, "folder is missing")], []
    evidence, problems = folder_evidence(data_dir, FOLDER)
    meta = _name(METADATA_FILE)
    everyone, found = read_sample_metadata(folder / METADATA_FILE, meta, extra=("matrix",))
    problems += found
    features, found = _read_features(folder, matrix)
    problems += found
    values, found, file = _read_intensities(folder, matrix, everyone, features)
    problems += found
    samples = None
    if everyone is not None:
        unknown = everyone.index[~everyone["matrix"].isin(MATRICES)]
        if len(unknown):
            message = f"sample(s) of no known matrix ({', '.join(MATRICES)}): {shown(unknown)}"
            problems.append(Problem(meta, None, "matrix", message))
    if everyone is not None and link:
        people, visits = clinical_people(data_dir)
        samples, found = join_groups(everyone[everyone["matrix"] == matrix], people, meta)
        problems += found + _visit_problems(samples, visits, meta)
        problems += coverage_problems(samples, people, visits, meta, f"{matrix} sample")
    sparse = []
    if values is not None:
        problems += _value_problems(values, file)
        problems += _cross(values, everyone, features, matrix, file, meta)
        sparse = missing_problems(values, file, max_missing)
    if problems or not link:
        return None, problems, sparse
    values = values.rename_axis(index="sample_id", columns="feature_id")
    samples = samples.loc[values.index, ["participant", "group", "month", "matrix"]]
    return (values, features.loc[values.columns], samples, evidence), problems, sparse


def _visit_problems(samples: pd.DataFrame, visits, meta: str) -> list[Problem]:
    """Samples of a known participant at a month ``visits.csv`` does not have."""
    if visits is None:
        return []
    have = set(zip(visits["participant"], visits["month"], strict=True))
    known = samples[samples["group"].notna()]
    keys = zip(known.index, known["participant"], known["month"], strict=True)
    odd = sorted(s for s, p, m in keys if (p, m) not in have)
    if not odd:
        return []
    message = f"sample(s) matching no participant visit in visits.csv: {shown(odd)}"
    return [Problem(meta, None, "month", message)]
