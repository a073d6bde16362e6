"""The checks behind :func:`milkbone.cohort.microbiome.validate_microbiome`, file by file.

:func:`check_folder` reads the three 16S files once and returns what it read (for the
loader) with every problem found; the problems of depth come apart, since the loader
may drop shallow samples instead of refusing them.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from milkbone import paths
from milkbone._validate import shown
from milkbone.cohort import omics
from milkbone.cohort.problems import Problem
from milkbone.cohort.taxonomy import parse_taxonomy

__all__ = [
    "FOLDER",
    "METADATA_FILE",
    "TABLE_FILES",
    "TAXONOMY_FILE",
    "check_folder",
    "count_value_problems",
    "depth_problems",
]

FOLDER = "microbiome"
"""The folder of the 16S files inside a data folder."""

TABLE_FILES = ("feature-table.biom", "feature-table.tsv")
"""The feature table, BIOM 2.1 or TSV (exactly one of them)."""

TAXONOMY_FILE = "taxonomy.tsv"
METADATA_FILE = "sample-metadata.tsv"


def _name(file: str) -> str:
    return f"{FOLDER}/{file}"


def _read_biom(path: Path, file: str) -> tuple:
    import biom

    try:
        table = biom.load_table(str(paths.record_read(path)))
    except Exception as error:  # biom raises many types on a bad file
        message = f"cannot be read as BIOM ({type(error).__name__}: {error})"
        return None, [Problem(file, None, None, message)], None
    frame = pd.DataFrame(
        table.matrix_data.T.toarray(),
        index=pd.Index(table.ids("sample"), dtype=str),
        columns=pd.Index(table.ids("observation"), dtype=str),
    )
    return frame, [], None


def _read_counts(folder: Path) -> tuple:
    """``(counts samples × features, problems, file, lines)``; ``lines`` maps a feature
    to its line in a TSV (None for BIOM)."""
    found = [f for f in TABLE_FILES if (folder / f).is_file()]
    if len(found) != 1:
        message = "file is missing" if not found else "both files are present; keep one"
        return None, [Problem(_name(" or ".join(TABLE_FILES)), None, None, message)], None, None
    file = _name(found[0])
    if found[0].endswith(".biom"):
        counts, problems, _ = _read_biom(folder / found[0], file)
        return counts, problems, file, None
    table, problems, first = omics.read_matrix(folder / found[0], file, sep="\t")
    if table is None:
        return None, problems, file, None
    lines = pd.Series(np.arange(len(table)) + first, index=table.index)
    return table.T, problems, file, lines


def count_value_problems(counts: pd.DataFrame, file: str, lines: pd.Series | None) -> list[Problem]:
    """Negative and fractional counts, one problem per sample holding any.

    Examples
    --------
    >>> counts = pd.DataFrame({"OTU1": [5.0, -1.0], "OTU2": [0.5, 2.0]}, index=["S1", "S2"])
    >>> problems = count_value_problems(counts, "t.tsv", None)
    >>> [str(p) for p in problems]  # doctest: +NORMALIZE_WHITESPACE
    ["t.tsv, column S2: 1 negative count(s), first -1 for feature 'OTU1'",
     "t.tsv, column S1: 1 fractional count(s), first 0.5 for feature 'OTU2'"]
    """
    values = counts.to_numpy()
    problems = []
    for label, bad in (
        ("negative", values < 0),
        ("fractional", (values >= 0) & (values != np.floor(values))),
    ):
        for row in np.flatnonzero(bad.any(axis=1)):
            col = int(np.flatnonzero(bad[row])[0])
            feature = counts.columns[col]
            line = None if lines is None else int(lines[feature])
            message = (
                f"{int(bad[row].sum())} {label} count(s), first {values[row, col]:g} "
                f"for feature {feature!r}"
            )
            problems.append(Problem(file, line, str(counts.index[row]), message))
    return problems


def depth_problems(counts: pd.DataFrame, file: str, min_depth: int) -> list[Problem]:
    """Empty samples, and samples with fewer than ``min_depth`` reads (how many).

    Examples
    --------
    >>> counts = pd.DataFrame({"OTU1": [0, 20, 4000]}, index=["S1", "S2", "S3"])
    >>> [str(p) for p in depth_problems(counts, "t.tsv", 1000)]  # doctest: +NORMALIZE_WHITESPACE
    ['t.tsv, column S1: sample is empty (0 reads)',
     't.tsv, column S2: sample has 20 reads, fewer than min_depth 1000 (median of all samples 20)']
    """
    depth = counts.sum(axis=1)
    median = float(depth.median())
    problems = []
    for sample, reads in depth.items():
        if reads <= 0:
            problems.append(Problem(file, None, str(sample), "sample is empty (0 reads)"))
        elif reads < min_depth:
            message = (
                f"sample has {reads:g} reads, fewer than min_depth {min_depth} "
                f"(median of all samples {median:g})"
            )
            problems.append(Problem(file, None, str(sample), message))
    return problems


def _read_taxonomy(folder: Path, features: pd.Index | None) -> tuple:
    file = _name(TAXONOMY_FILE)
    text, problems = omics.read_text_table(folder / TAXONOMY_FILE, file)
    if text is None:
        return None, problems
    absent = [c for c in ("Feature ID", "Taxon") if c not in text.columns]
    if absent:
        return None, [
            *problems,
            *(Problem(file, 1, c, "required column is missing") for c in absent),
        ]
    twice = text[text.duplicated("Feature ID", keep=False)]
    for feature, rows in twice.groupby("Feature ID", sort=False):
        lines = rows.index.tolist()
        message = f"feature id {feature!r} appears on lines {shown(lines)}"
        problems.append(Problem(file, lines[0], "Feature ID", message))
    ranks, errors = parse_taxonomy(text["Taxon"])
    for line, message in errors.items():
        problems.append(Problem(file, int(line), "Taxon", f"cannot be parsed: {message}"))
    ranks.index = pd.Index(text["Feature ID"], name="feature_id")
    ranks = ranks[~ranks.index.duplicated()]
    if features is not None:
        missing = features.difference(ranks.index, sort=False)
        if len(missing):
            message = f"feature(s) of the feature table have no taxonomy: {shown(missing)}"
            problems.append(Problem(file, None, "Feature ID", message))
    return ranks, problems


def _sample_match(counts: pd.DataFrame, samples: pd.DataFrame, file: str, meta: str) -> list:
    problems = []
    only_counts = counts.index.difference(samples.index, sort=False)
    if len(only_counts):
        message = f"sample(s) with counts but no row in {METADATA_FILE}: {shown(only_counts)}"
        problems.append(Problem(file, None, None, message))
    only_meta = samples.index.difference(counts.index, sort=False)
    if len(only_meta):
        message = f"sample(s) with no counts in the feature table: {shown(only_meta)}"
        problems.append(Problem(meta, None, "sample-id", message))
    return problems


def check_folder(data_dir: Path, *, min_depth: int, link: bool = True) -> tuple:
    """Read and check ``data_dir/microbiome``: ``(parts, problems, shallow)``.

    ``parts`` is ``(counts, taxonomy, samples, evidence)`` typed as
    :class:`~milkbone.cohort.microbiome.MicrobiomeData` holds them, or None when any
    problem other than depth was found (or ``link`` is false); ``shallow`` holds the
    depth problems. ``link=False`` leaves out the checks against ``participants.csv`` and
    ``visits.csv``.
    """
    folder = data_dir / FOLDER
    if not folder.is_dir():
        return None, [Problem(FOLDER, None, None, "folder is missing")], []
    evidence, problems = omics.folder_evidence(data_dir, FOLDER)
    counts, found, file, lines = _read_counts(folder)
    problems += found
    if counts is not None:
        problems += count_value_problems(counts, file, lines)
    taxonomy, found = _read_taxonomy(folder, None if counts is None else counts.columns)
    problems += found
    meta = _name(METADATA_FILE)
    samples, found = omics.read_sample_metadata(folder / METADATA_FILE, meta)
    problems += found
    if samples is not None and link:
        people, visits = omics.clinical_people(data_dir)
        samples, found = omics.join_groups(samples, people, meta)
        problems += found + omics.coverage_problems(samples, people, visits, meta, "16S sample")
    shallow = [] if counts is None else depth_problems(counts, file, min_depth)
    if counts is not None and samples is not None:
        problems += _sample_match(counts, samples, file, meta)
    if problems or not link:
        return None, problems, shallow
    counts = counts.astype(np.int64).rename_axis(index="sample_id", columns="feature_id")
    samples = samples.loc[counts.index, ["participant", "group", "month"]]
    return (counts, taxonomy.loc[counts.columns], samples, evidence), problems, shallow
