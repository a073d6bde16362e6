"""Input checks shared by the microbiome analyses (raised before any arithmetic).

The frames follow the data contract of :mod:`milkbone.cohort`'s 16S loader:
``counts`` is samples × features (index sample id, columns feature id) and
``samples`` is indexed by sample id with ``participant``, ``group`` and ``month``.
Frames are joined by sample id, never by position.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd
from skbio import DistanceMatrix

from milkbone._validate import require_columns, require_values, shown
from milkbone.vocabulary import GROUPS, MONTHS, PARTICIPANT_LEVELS

__all__ = [
    "SAMPLE_COLUMNS",
    "align_samples",
    "check_choice",
    "check_counts",
    "check_evidence",
    "check_nonempty",
    "check_positive_int",
    "check_samples",
    "check_seed",
    "months_present",
]

SAMPLE_COLUMNS = ("participant", "group", "month")
"""Columns the sample metadata must have (index: sample id)."""


def check_choice(name: str, value: object, allowed: Sequence[object]) -> None:
    """Raise ``ValueError`` unless ``value`` is one of ``allowed``."""
    if value not in allowed:
        raise ValueError(f"{name} must be one of {shown(allowed)}, got {value!r}")


def check_evidence(evidence: str) -> None:
    """Participant-level results are ``simulated`` or ``observed`` (vocabulary)."""
    check_choice("evidence", evidence, PARTICIPANT_LEVELS)


def check_positive_int(name: str, value: object, *, minimum: int = 1) -> None:
    """Raise ``ValueError`` unless ``value`` is an int of at least ``minimum``."""
    if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < minimum:
        raise ValueError(f"{name} must be an integer of at least {minimum}, got {value!r}")


def check_seed(seed: object) -> None:
    """Randomness comes only from an integer seed (STYLE.md §5)."""
    check_positive_int("seed", seed, minimum=0)


def check_counts(counts: pd.DataFrame, *, name: str = "counts", integer: bool = False) -> None:
    """Samples × features of finite, non-negative numbers with unique ids.

    ``integer=True`` also requires whole numbers (read counts, as Chao1 needs).
    """
    if not isinstance(counts, pd.DataFrame):
        raise TypeError(f"{name} must be a pandas DataFrame, got {type(counts).__name__}")
    if counts.shape[0] == 0 or counts.shape[1] == 0:
        raise ValueError(
            f"{name} is empty ({counts.shape[0]} samples × {counts.shape[1]} features)"
        )
    for axis, label in ((counts.index, "sample"), (counts.columns, "feature")):
        twice = axis[axis.duplicated()].unique()
        if len(twice):
            raise ValueError(f"{name} has duplicated {label} id(s) {shown(twice)}")
    bad = [
        c
        for c, t in counts.dtypes.items()
        if not pd.api.types.is_numeric_dtype(t) or pd.api.types.is_bool_dtype(t)
    ]
    if bad:
        raise ValueError(f"{name} has non-numeric feature column(s) {shown(bad)}")
    values = counts.to_numpy(dtype=float)
    where = ~np.isfinite(values) | (values < 0)
    if integer:
        where |= np.isfinite(values) & (values != np.round(values))
    if where.any():
        rows, cols = np.nonzero(where)
        cells = [(counts.index[r], counts.columns[c]) for r, c in zip(rows, cols, strict=True)]
        kind = "negative, fractional or missing" if integer else "negative or missing"
        raise ValueError(f"{name} has {kind} value(s) at (sample, feature) {shown(cells)}")


def check_nonempty(counts: pd.DataFrame, *, name: str = "counts", why: str = "") -> None:
    """Raise ``ValueError`` naming the samples without a single read."""
    totals = counts.sum(axis=1)
    empty = totals.index[totals <= 0]
    if len(empty):
        reason = f" ({why})" if why else ""
        raise ValueError(
            f"{name} has empty sample(s) {shown(empty)}{reason}; remove them with a stated "
            "depth filter before this step"
        )


def check_samples(
    samples: pd.DataFrame,
    ids: Iterable[object],
    *,
    columns: Sequence[str] = SAMPLE_COLUMNS,
    name: str = "samples",
) -> pd.DataFrame:
    """The rows of ``samples`` for ``ids``, in that order, after checking them.

    Raises ``KeyError`` for a missing column, ``ValueError`` for ids without
    metadata, duplicated ids, or unknown groups and months.
    """
    require_columns(samples, columns, name=name)
    twice = samples.index[samples.index.duplicated()].unique()
    if len(twice):
        raise ValueError(f"{name} has duplicated sample id(s) {shown(twice)}")
    ids = list(ids)
    missing = [i for i in ids if i not in samples.index]
    if missing:
        raise ValueError(
            f"{name} has no row for sample(s) {shown(missing)}; every sample of the "
            "counts needs its participant, group and month"
        )
    frame = samples.loc[ids, list(columns)].copy()
    if "group" in columns:
        require_values(frame, "group", GROUPS, name=name)
    if "month" in columns:
        require_values(frame, "month", MONTHS, name=name)
        frame["month"] = frame["month"].astype(int)
    return frame


def months_present(frame: pd.DataFrame, months: Iterable[int] | int | None) -> list[int]:
    """The requested visits (default: every visit of ``frame``), each checked to be there."""
    present = [m for m in MONTHS if m in set(frame["month"])]
    if months is None:
        return present
    chosen = [months] if isinstance(months, int | np.integer) else list(months)
    absent = [m for m in chosen if m not in present]
    if absent:
        raise ValueError(f"month(s) {shown(absent)} have no samples; present: {shown(present)}")
    return [int(m) for m in chosen]


def align_samples(
    distances: DistanceMatrix, samples: pd.DataFrame, column: str | None
) -> pd.DataFrame:
    """Rows of ``samples`` in the order of the distance matrix ids (joined as strings)."""
    if not isinstance(distances, DistanceMatrix):
        raise TypeError(f"distances must be a skbio DistanceMatrix, got {type(distances).__name__}")
    if column is not None:
        require_columns(samples, [column], name="samples")
    index = samples.index.astype(str)
    twice = index[index.duplicated()].unique()
    if len(twice):
        raise ValueError(f"samples has duplicated sample id(s) {shown(twice)}")
    known = set(index)
    missing = [i for i in distances.ids if i not in known]
    if missing:
        raise ValueError(f"samples has no row for sample(s) {shown(missing)} of the distances")
    frame = samples.set_axis(index).loc[list(distances.ids)]
    if column is not None and frame[column].isna().any():
        raise ValueError(f"samples column {column!r} is missing for some samples")
    return frame
