"""Untargeted metabolome peak tables: validate a folder, load a matrix, write one.

``data_dir/metabolome/`` holds, per matrix (``serum``, ``fecal``):

``<matrix>-intensities.csv`` or ``.tsv``
    the peak table, samples × features (first column ``sample-id``, as MetaboAnalyst
    and MS-DIAL export it) or features × samples (first column ``feature-id``); with
    another first column the orientation is read from which ids it holds. Empty
    cells and ``NA``/``NaN``/``N/A`` are missing values (not detected).
``<matrix>-features.tsv``
    ``feature-id, name, mz, rt, ion_mode, kegg, hmdb, chebi, class``; every cell but
    the id may be empty; ``ion_mode`` is ``positive`` or ``negative``; ids are KEGG
    ``C`` + 5 digits, HMDB ``HMDB`` + 7 digits, ChEBI ``CHEBI:`` + digits.

and, for both matrices, ``sample-metadata.tsv``: ``sample-id, participant, month,
matrix``. The arm comes from ``participants.csv``.

:func:`validate_metabolome` reports, one line each: unreadable files, values that are
not numbers or not positive, duplicated sample or feature ids, samples without
metadata or of another matrix, samples whose participant is not in
``participants.csv`` or that match no visit of ``visits.csv``, completers' visits
without a sample (withdrawals are not expected to have any), features without
annotation, malformed m/z, RT, ion mode and database ids, and features or samples
missing more than ``max_missing`` of their values. :func:`load_metabolome` reports
the missing share of every feature and sample (``missing``), imputes only by a
stated rule (:data:`IMPUTATIONS`), and drops nothing unless asked (``drop_sparse``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from milkbone import paths
from milkbone.cohort.metabolome_checks import (
    FEATURE_COLUMNS,
    FOLDER,
    MATRICES,
    METADATA_FILE,
    check_matrix,
    feature_file,
    intensity_files,
)
from milkbone.cohort.omics import filtered_rows, format_number
from milkbone.cohort.problems import Problem, count_problems, format_problems

__all__ = [
    "FEATURE_COLUMNS",
    "IMPUTATIONS",
    "MATRICES",
    "MetabolomeData",
    "impute",
    "load_metabolome",
    "missing_shares",
    "validate_metabolome",
    "write_metabolome_files",
    "write_sample_metadata",
]

IMPUTATIONS = {
    "fifth_minimum": "a fifth of the feature's smallest observed value (MetaboAnalyst's default)",
    "half_minimum": "half the feature's smallest observed value",
    "median": "the feature's median",
}
"""The imputation rules :func:`impute` knows, in words."""


def _empty(columns: dict) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in columns.items()})


@dataclass(frozen=True)
class MetabolomeData:
    """One matrix of a loaded (or simulated) metabolome data set.

    Attributes
    ----------
    intensities : DataFrame
        Samples × features, float > 0, NaN where missing (unless imputed); index
        ``sample_id``, columns ``feature_id``.
    features : DataFrame
        Indexed by feature id (the columns of ``intensities``): ``name, mz, rt,
        ion_mode, kegg, hmdb, chebi, class`` (text as ``string`` with NA, m/z and RT
        as float).
    samples : DataFrame
        Indexed by sample id (the rows of ``intensities``): ``participant, group,
        month, matrix``.
    evidence : str
        ``"simulated"`` or ``"observed"`` (real data), from ``dataset.json``.
    missing : DataFrame
        ``kind`` (``feature``/``sample``), ``id``, ``n_missing``, ``n``, ``share``,
        ``imputed`` (cells filled by the loader's rule), before any filter.
    filtered : DataFrame
        What ``drop_sparse`` removed: ``kind, id, reason, value`` (the missing share).
    """

    intensities: pd.DataFrame
    features: pd.DataFrame
    samples: pd.DataFrame
    evidence: str
    missing: pd.DataFrame = field(
        default_factory=lambda: _empty(
            dict(kind=str, id=str, n_missing=int, n=int, share=float, imputed=int)
        )
    )
    filtered: pd.DataFrame = field(
        default_factory=lambda: _empty({"kind": str, "id": str, "reason": str, "value": float})
    )


def _matrices(data_dir: Path, matrix: str | None) -> list[str]:
    if matrix is not None:
        if matrix not in MATRICES:
            raise ValueError(f"matrix must be one of {', '.join(MATRICES)}; got {matrix!r}")
        return [matrix]
    folder = data_dir / FOLDER
    present = [m for m in MATRICES if any((folder / f).is_file() for f in intensity_files(m))]
    return present or list(MATRICES[:1])


def validate_metabolome(
    data_dir: str | Path,
    *,
    matrix: str | None = None,
    max_missing: float = 0.5,
    link: bool = True,
) -> list[Problem]:
    """Check ``data_dir/metabolome/`` against the metabolome schema; return every problem.

    Parameters
    ----------
    data_dir : str or Path
        The data folder (clinical files and the ``metabolome`` folder).
    matrix : {"serum", "fecal"}, optional
        Check this matrix only; by default every matrix with a peak table (serum is
        expected if there is none).
    max_missing : float
        Features and samples missing more than this share of their values are
        reported.
    link : bool
        Check the samples against ``participants.csv`` and ``visits.csv`` (false when
        those have problems of their own, which would otherwise come back per sample).

    Examples
    --------
    >>> import tempfile
    >>> [str(p) for p in validate_metabolome(tempfile.mkdtemp())]
    ['metabolome: folder is missing']
    """
    data_dir = paths.resolve(data_dir)
    problems: list[Problem] = []
    for name in _matrices(data_dir, matrix):
        _, found, sparse = check_matrix(data_dir, name, max_missing=max_missing, link=link)
        problems += [p for p in found + sparse if p not in problems]
    return problems


def missing_shares(intensities: pd.DataFrame) -> pd.DataFrame:
    """Missing values per feature and per sample: ``kind, id, n_missing, n, share``.

    Examples
    --------
    >>> values = pd.DataFrame({"F1": [1.0, None], "F2": [2.0, 3.0]}, index=["S1", "S2"])
    >>> missing_shares(values)[["kind", "id", "share"]].values.tolist()
    [['feature', 'F1', 0.5], ['feature', 'F2', 0.0], ['sample', 'S1', 0.0], ['sample', 'S2', 0.5]]
    """
    frames = []
    for axis, kind in ((0, "feature"), (1, "sample")):
        count = intensities.isna().sum(axis=axis)
        total = intensities.shape[axis]
        frames.append(
            pd.DataFrame({"kind": kind, "id": count.index.astype(str)}).assign(
                n_missing=count.to_numpy(), n=total, share=count.to_numpy() / max(total, 1)
            )
        )
    return pd.concat(frames, ignore_index=True)


def impute(intensities: pd.DataFrame, *, rule: str) -> pd.DataFrame:
    """Fill missing values feature by feature by one of :data:`IMPUTATIONS`.

    A feature with no observed value stays missing.

    Examples
    --------
    >>> values = pd.DataFrame({"F1": [10.0, None, 20.0]})
    >>> impute(values, rule="fifth_minimum")["F1"].tolist()
    [10.0, 2.0, 20.0]
    """
    if rule not in IMPUTATIONS:
        raise ValueError(f"rule must be one of {', '.join(IMPUTATIONS)}; got {rule!r}")
    if rule == "median":
        fill = intensities.median(axis=0)
    else:
        fill = intensities.min(axis=0) / (5.0 if rule == "fifth_minimum" else 2.0)
    return intensities.fillna(fill)


def load_metabolome(
    data_dir: str | Path,
    *,
    matrix: str,
    max_missing: float = 0.5,
    drop_sparse: bool = False,
    imputation: str | None = None,
) -> MetabolomeData:
    """Validate and load one matrix of ``data_dir/metabolome/``.

    Parameters
    ----------
    data_dir : str or Path
        The data folder.
    matrix : {"serum", "fecal"}
        The matrix to load.
    max_missing : float
        Largest share of missing values a feature or sample may have.
    drop_sparse : bool
        Drop features, then samples, missing more than ``max_missing`` instead of
        refusing the folder; each is listed in ``filtered``.
    imputation : str, optional
        Rule of :data:`IMPUTATIONS` to fill missing values with; None leaves NaN.

    Raises
    ------
    ValueError
        If the folder is not valid (every problem, one per line), or an argument is
        not allowed.
    """
    data_dir = paths.resolve(data_dir)
    _matrices(data_dir, matrix)
    if imputation is not None and imputation not in IMPUTATIONS:
        raise ValueError(f"imputation must be one of {', '.join(IMPUTATIONS)} or None")
    parts, problems, sparse = check_matrix(data_dir, matrix, max_missing=max_missing)
    problems = problems if drop_sparse else problems + sparse
    if problems:
        raise ValueError(
            f"{data_dir} is not valid {matrix} metabolome data "
            f"({count_problems(len(problems))}):\n" + format_problems(problems)
        )
    values, features, samples, evidence = parts
    missing = missing_shares(values)
    values, filtered = _drop_sparse(values, max_missing) if drop_sparse else (values, None)
    filled = values if imputation is None else impute(values, rule=imputation)
    imputed = values.isna() & filled.notna()
    counts = pd.concat([imputed.sum(axis=0), imputed.sum(axis=1)])
    imputed_counts = missing["id"].map(counts.rename(index=str)).fillna(0).astype(int)
    missing = missing.assign(imputed=imputed_counts)
    extra = {} if filtered is None else {"filtered": filtered}
    return MetabolomeData(
        intensities=filled,
        features=features.loc[filled.columns],
        samples=samples.loc[filled.index],
        evidence=evidence,
        missing=missing,
        **extra,
    )


def _drop_sparse(values: pd.DataFrame, max_missing: float) -> tuple:
    share = values.isna().mean(axis=0)
    features = share.index[share > max_missing]
    values = values.drop(columns=features)
    by_sample = values.isna().mean(axis=1)
    samples = by_sample.index[by_sample > max_missing]
    reason = f"more than {max_missing:g} of values missing"
    filtered = pd.concat(
        [
            filtered_rows("feature", features, reason, share[features]),
            filtered_rows("sample", samples, reason, by_sample[samples]),
        ],
        ignore_index=True,
    )
    return values.drop(index=samples), filtered


def write_metabolome_files(
    data: MetabolomeData, data_dir: str | Path, *, orientation: str = "samples"
) -> list[Path]:
    """Write one matrix as ``<matrix>-intensities`` and ``<matrix>-features.tsv``.

    ``orientation="samples"`` writes a samples × features CSV (MetaboAnalyst's
    layout), ``"features"`` a features × samples TSV. Values have 7 significant
    digits, missing ones are empty. The sample metadata of all matrices are written
    by :func:`write_sample_metadata`. Returns the paths written.
    """
    if orientation not in ("samples", "features"):
        raise ValueError(f"orientation must be 'samples' or 'features', got {orientation!r}")
    matrix = str(data.samples["matrix"].iloc[0])
    folder = paths.resolve(data_dir) / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    by_samples = orientation == "samples"
    table = data.intensities if by_samples else data.intensities.T
    sep, name = ("," if by_samples else "\t"), intensity_files(matrix)[0 if by_samples else 1]
    lines = [sep.join(["sample-id" if by_samples else "feature-id", *map(str, table.columns)])]
    number = "{:.7g}".format  # NaN comes out as 'nan', written as an empty cell
    for key, values in zip(table.index, table.to_numpy().tolist(), strict=True):
        lines.append(str(key) + sep + sep.join(map(number, values)).replace("nan", ""))
    (folder / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    annotation = data.features[list(FEATURE_COLUMNS)]
    rows = ["\t".join(["feature-id", *FEATURE_COLUMNS])]
    for feature, row in annotation.iterrows():
        cells = [format_number(v) if isinstance(v, float) else str(v) for v in row.fillna("")]
        rows.append("\t".join([str(feature), *cells]))
    (folder / feature_file(matrix)).write_text("\n".join(rows) + "\n", encoding="utf-8")
    return [folder / name, folder / feature_file(matrix)]


def write_sample_metadata(samples: pd.DataFrame, data_dir: str | Path) -> Path:
    """Write ``sample-metadata.tsv`` (``sample-id, participant, month, matrix``)."""
    path = paths.resolve(data_dir) / FOLDER / METADATA_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = ["sample-id\tparticipant\tmonth\tmatrix"]
    lines += [f"{r.Index}\t{r.participant}\t{r.month}\t{r.matrix}" for r in samples.itertuples()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
