"""16S data as QIIME 2 exports it: validate a folder, load it, write a feature table.

``data_dir/microbiome/`` holds three files:

``feature-table.biom`` (BIOM 2.1, HDF5) **or** ``feature-table.tsv``
    counts, features × samples; the TSV is what ``biom convert --to-tsv`` writes (an
    optional ``# Constructed from biom file`` line, then a header whose first cell is
    ``#OTU ID`` or ``Feature ID``).
``taxonomy.tsv``
    ``Feature ID``, ``Taxon`` (Greengenes or SILVA, see :mod:`milkbone.cohort.taxonomy`),
    optional ``Confidence``.
``sample-metadata.tsv``
    ``sample-id`` first, then ``participant`` and ``month`` (0, 6, 12); QIIME's
    ``#q2:types`` row and comment lines are allowed. The arm comes from
    ``participants.csv``.

:func:`validate_microbiome` reports, one line each: unreadable files, counts that are
negative, fractional or not numbers, duplicated sample or feature ids, samples
without metadata or metadata without counts, samples whose participant is not in
``participants.csv``, completers' visits without a sample (withdrawals are not
expected to have any), features missing from the taxonomy, unparseable taxonomy
strings, and empty samples or samples shallower than ``min_depth`` reads (how
shallow). :func:`load_microbiome` drops nothing unless asked: ``drop_shallow`` and
``min_prevalence`` are filters whose effect is returned in ``filtered``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from milkbone import paths
from milkbone.cohort.microbiome_checks import (
    FOLDER,
    METADATA_FILE,
    TABLE_FILES,
    TAXONOMY_FILE,
    check_folder,
)
from milkbone.cohort.omics import filtered_rows
from milkbone.cohort.problems import Problem, count_problems, format_problems
from milkbone.cohort.taxonomy import RANKS, taxon_string

__all__ = [
    "FOLDER",
    "METADATA_FILE",
    "TABLE_FILES",
    "TAXONOMY_FILE",
    "MicrobiomeData",
    "feature_table_text",
    "load_microbiome",
    "validate_microbiome",
    "write_biom",
    "write_microbiome_files",
]


def _no_filter() -> pd.DataFrame:
    return pd.DataFrame({"kind": [], "id": [], "reason": [], "value": []}).astype(
        {"kind": str, "id": str, "reason": str, "value": float}
    )


@dataclass(frozen=True)
class MicrobiomeData:
    """A loaded (or simulated) 16S data set.

    Attributes
    ----------
    counts : DataFrame
        Samples × features, int64 reads; index ``sample_id``, columns ``feature_id``.
    taxonomy : DataFrame
        Indexed by feature id (the columns of ``counts``, same order); one ``string``
        column per rank of :data:`milkbone.cohort.taxonomy.RANKS`, NA where the rank
        is missing, empty, ``uncultured`` or similar (see :mod:`~milkbone.cohort.taxonomy`).
    samples : DataFrame
        Indexed by sample id (the rows of ``counts``, same order): ``participant``,
        ``group`` (``HCM``/``CM``, from ``participants.csv``), ``month`` (0, 6, 12).
    evidence : str
        ``"simulated"`` or ``"observed"`` (real data), from ``dataset.json``.
    filtered : DataFrame
        What the loader's filters removed: ``kind`` (``sample`` or ``feature``),
        ``id``, ``reason``, ``value`` (reads, or prevalence); empty if nothing.
    """

    counts: pd.DataFrame
    taxonomy: pd.DataFrame
    samples: pd.DataFrame
    evidence: str
    filtered: pd.DataFrame = field(default_factory=_no_filter)


def validate_microbiome(
    data_dir: str | Path, *, min_depth: int = 1000, link: bool = True
) -> list[Problem]:
    """Check ``data_dir/microbiome/`` against the 16S schema; return every problem.

    Parameters
    ----------
    data_dir : str or Path
        The data folder (``participants.csv``, ``visits.csv``, ``dataset.json`` and
        the ``microbiome`` folder); relative paths are taken from the project root.
    min_depth : int
        Samples with fewer reads are reported as shallow (0 reports empty ones only).
    link : bool
        Check the samples against ``participants.csv`` and ``visits.csv`` (false when
        those have problems of their own, which would otherwise come back per sample).

    Returns
    -------
    list of Problem
        Empty when the folder is valid; each names the file (``microbiome/...``), the
        line where one applies and the column (a sample id for per-sample problems).

    Examples
    --------
    >>> import tempfile
    >>> [str(p) for p in validate_microbiome(tempfile.mkdtemp())]
    ['microbiome: folder is missing']
    """
    _, problems, shallow = check_folder(paths.resolve(data_dir), min_depth=min_depth, link=link)
    return problems + shallow


def load_microbiome(
    data_dir: str | Path,
    *,
    min_depth: int = 1000,
    drop_shallow: bool = False,
    min_prevalence: float = 0.0,
) -> MicrobiomeData:
    """Validate and load ``data_dir/microbiome/``.

    Parameters
    ----------
    data_dir : str or Path
        The data folder (see :func:`validate_microbiome`).
    min_depth : int
        Reads below which a sample is shallow (reported, or dropped with
        ``drop_shallow``).
    drop_shallow : bool
        Drop empty and shallow samples instead of refusing the folder; each dropped
        sample is listed in ``filtered`` with its reads.
    min_prevalence : float
        Drop features present (count > 0) in fewer than this share of the samples
        kept; each is listed in ``filtered`` with its prevalence. 0 keeps all.

    Returns
    -------
    MicrobiomeData

    Raises
    ------
    ValueError
        If the folder is not valid; the message lists every problem, one per line.

    Examples
    --------
    >>> import tempfile
    >>> load_microbiome(tempfile.mkdtemp())  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: ... is not valid 16S data (1 problem):
    microbiome: folder is missing
    """
    data_dir = paths.resolve(data_dir)
    if not 0.0 <= min_prevalence <= 1.0:
        raise ValueError(f"min_prevalence must lie in [0, 1], got {min_prevalence!r}")
    parts, problems, shallow = check_folder(data_dir, min_depth=min_depth)
    problems = problems if drop_shallow else problems + shallow
    if problems:
        raise ValueError(
            f"{data_dir} is not valid 16S data ({count_problems(len(problems))}):\n"
            + format_problems(problems)
        )
    counts, taxonomy, samples, evidence = parts
    depth = counts.sum(axis=1)
    drop = depth.index[depth < max(min_depth, 1)] if drop_shallow else depth.index[:0]
    counts = counts.drop(index=drop)
    present = (counts > 0).mean(axis=0)
    rare = present.index[present < min_prevalence]
    filtered = pd.concat(
        [
            filtered_rows("sample", drop, f"fewer than {min_depth} reads", depth[drop]),
            filtered_rows(
                "feature", rare, f"in under {min_prevalence:g} of samples", present[rare]
            ),
        ],
        ignore_index=True,
    )
    counts = counts.drop(columns=rare)
    return MicrobiomeData(
        counts=counts,
        taxonomy=taxonomy.loc[counts.columns],
        samples=samples.loc[counts.index],
        evidence=evidence,
        filtered=filtered if len(filtered) else _no_filter(),
    )


def feature_table_text(counts: pd.DataFrame) -> str:
    """A samples × features count frame as ``biom convert --to-tsv`` writes it:
    features × samples, a ``# Constructed from biom file`` line, ``#OTU ID`` header,
    whole numbers, ``\\n`` line ends.

    Examples
    --------
    >>> counts = pd.DataFrame({"OTU1": [5, 0], "OTU2": [1, 7]}, index=["S1", "S2"])
    >>> print(feature_table_text(counts), end="")
    # Constructed from biom file
    #OTU ID	S1	S2
    OTU1	5	0
    OTU2	1	7
    """
    lines = ["# Constructed from biom file", "\t".join(["#OTU ID", *map(str, counts.index)])]
    values = counts.to_numpy(dtype=np.int64).T.tolist()
    lines += [
        "\t".join([str(f), *map(str, row)]) for f, row in zip(counts.columns, values, strict=True)
    ]
    return "\n".join(lines) + "\n"


def write_biom(
    counts: pd.DataFrame, path: str | Path, *, taxonomy: pd.DataFrame | None = None
) -> Path:
    """Write a samples × features count frame as BIOM 2.1 (HDF5) with the biom-format
    package; ``taxonomy`` (ranks as :class:`MicrobiomeData` has them) is stored as
    observation metadata. HDF5 files are not byte-stable; the simulator writes TSV.

    Examples
    --------
    >>> import tempfile
    >>> counts = pd.DataFrame({"OTU1": [5, 0], "OTU2": [1, 7]}, index=["S1", "S2"])
    >>> path = write_biom(counts, Path(tempfile.mkdtemp()) / "feature-table.biom")
    >>> import biom
    >>> biom.load_table(str(path)).shape  # features × samples
    (2, 2)
    """
    import biom
    import h5py

    path = paths.resolve(path)
    metadata = None
    if taxonomy is not None:
        metadata = [
            {"taxonomy": [str(v) if pd.notna(v) else "" for v in taxonomy.loc[f, list(RANKS)]]}
            for f in counts.columns
        ]
    table = biom.Table(
        counts.to_numpy(dtype=float).T,
        observation_ids=list(map(str, counts.columns)),
        sample_ids=list(map(str, counts.index)),
        observation_metadata=metadata,
    )
    with h5py.File(path, "w") as handle:
        table.to_hdf5(handle, generated_by="milkbone")
    return path


def write_microbiome_files(data: MicrobiomeData, data_dir: str | Path) -> list[Path]:
    """Write ``data`` as the three QIIME 2 files into ``data_dir/microbiome/``.

    The feature table is TSV (:func:`feature_table_text`; byte-stable), the taxonomy
    SILVA-style strings (:func:`~milkbone.cohort.taxonomy.taxon_string`) with a
    ``Confidence`` column if ``data.taxonomy`` has ``confidence``, the metadata
    ``sample-id, participant, month`` with QIIME's ``#q2:types`` row. Returns the
    paths written.
    """
    folder = paths.resolve(data_dir) / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    taxonomy = data.taxonomy
    header = ["Feature ID", "Taxon"] + (["Confidence"] if "confidence" in taxonomy else [])
    rows = [
        [str(f), taxon_string(taxonomy.loc[f])]
        + ([f"{taxonomy.loc[f, 'confidence']:.4f}"] if "confidence" in taxonomy else [])
        for f in data.counts.columns
    ]
    samples = data.samples
    meta = ["sample-id\tparticipant\tmonth", "#q2:types\tcategorical\tnumeric"]
    meta += [
        f"{s}\t{p}\t{m}"
        for s, p, m in zip(samples.index, samples["participant"], samples["month"], strict=True)
    ]
    texts = {
        TABLE_FILES[1]: feature_table_text(data.counts),
        TAXONOMY_FILE: "\n".join("\t".join(r) for r in [header, *rows]) + "\n",
        METADATA_FILE: "\n".join(meta) + "\n",
    }
    written = []
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
        written.append(folder / name)
    return written
