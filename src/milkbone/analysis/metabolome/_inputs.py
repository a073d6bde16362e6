"""Input checks and small helpers shared by the metabolome analyses and the correlations.

Each check raises before any arithmetic, with one plain sentence naming the argument,
the offending values (at most five, via :func:`milkbone._validate.shown`) and what is
allowed.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from scipy import stats

from milkbone._validate import require_columns, shown
from milkbone.vocabulary import PARTICIPANT_LEVELS

__all__ = [
    "adjust_bh",
    "check_choice",
    "check_evidence",
    "labels_for",
    "numeric_matrix",
    "samples_for",
]


def check_choice(name: str, value: object, allowed: Sequence[object]) -> None:
    """Raise ``ValueError`` unless ``value`` is one of ``allowed``.

    Examples
    --------
    >>> check_choice("scaling", "log", ("uv", "pareto"))
    Traceback (most recent call last):
    ...
    ValueError: scaling must be one of 'uv', 'pareto'; got 'log'
    """
    if value not in allowed:
        raise ValueError(f"{name} must be one of {shown(allowed)}; got {value!r}")


def check_evidence(evidence: str) -> None:
    """Raise unless ``evidence`` is a level participant-level results can carry."""
    check_choice("evidence", evidence, PARTICIPANT_LEVELS)


def numeric_matrix(frame: pd.DataFrame, *, name: str) -> np.ndarray:
    """The values of a samples × variables frame as floats, after checking them.

    Raises ``ValueError`` for a frame that is empty, has duplicated row or column
    labels, non-numeric columns, or missing or infinite values.

    Examples
    --------
    >>> numeric_matrix(pd.DataFrame({"a": [1, 2]}, index=["s1", "s2"]), name="X").tolist()
    [[1.0], [2.0]]
    >>> numeric_matrix(pd.DataFrame({"a": [1.0, np.nan]}, index=["s1", "s2"]), name="X")
    Traceback (most recent call last):
    ...
    ValueError: X has missing or infinite values in column(s) 'a'; impute them first
    """
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"{name} must be a pandas DataFrame, got {type(frame).__name__}")
    if frame.shape[0] == 0 or frame.shape[1] == 0:
        raise ValueError(f"{name} is empty ({frame.shape[0]} rows × {frame.shape[1]} columns)")
    for axis, labels in (("row", frame.index), ("column", frame.columns)):
        if labels.has_duplicates:
            raise ValueError(
                f"{name} has duplicated {axis} label(s) {shown(labels[labels.duplicated()])}"
            )
    text = [c for c, kind in frame.dtypes.items() if not pd.api.types.is_numeric_dtype(kind)]
    if text:
        raise ValueError(f"{name} has non-numeric column(s) {shown(text)}")
    values = frame.to_numpy(dtype=float)
    bad = ~np.isfinite(values)
    if bad.any():
        raise ValueError(
            f"{name} has missing or infinite values in column(s) "
            f"{shown(frame.columns[bad.any(axis=0)])}; impute them first"
        )
    return values


def labels_for(index: pd.Index, labels: pd.Series, *, name: str = "y") -> pd.Series:
    """``labels`` in the order of ``index``, joined by id; every id must have one label.

    Examples
    --------
    >>> labels_for(pd.Index(["b", "a"]), pd.Series({"a": "HCM", "b": "CM"})).tolist()
    ['CM', 'HCM']
    >>> labels_for(pd.Index(["a", "c"]), pd.Series({"a": "HCM"}))
    Traceback (most recent call last):
    ...
    ValueError: y has no label for sample(s) 'c'; labels are joined to rows by id
    """
    if not isinstance(labels, pd.Series):
        raise TypeError(f"{name} must be a pandas Series indexed by sample id")
    if labels.index.has_duplicates:
        raise ValueError(
            f"{name} has duplicated id(s) {shown(labels.index[labels.index.duplicated()])}"
        )
    missing = index.difference(labels.index, sort=False)
    if len(missing):
        raise ValueError(
            f"{name} has no label for sample(s) {shown(missing)}; labels are joined to rows by id"
        )
    out = labels.reindex(index)
    if out.isna().any():
        raise ValueError(f"{name} has missing labels for sample(s) {shown(out.index[out.isna()])}")
    return out


def samples_for(
    intensities: pd.DataFrame, samples: pd.DataFrame, columns: Sequence[str]
) -> pd.DataFrame:
    """The rows of ``samples`` describing the rows of ``intensities``, joined by sample id.

    Examples
    --------
    >>> X = pd.DataFrame({"f1": [1.0, 2.0]}, index=["s2", "s1"])
    >>> meta = pd.DataFrame({"group": ["HCM", "CM", "CM"]}, index=["s1", "s2", "s3"])
    >>> samples_for(X, meta, ["group"])["group"].tolist()
    ['CM', 'HCM']
    """
    require_columns(samples, columns, name="samples")
    if samples.index.has_duplicates:
        twice = samples.index[samples.index.duplicated()]
        raise ValueError(f"samples has duplicated sample id(s) {shown(twice)}")
    missing = intensities.index.difference(samples.index, sort=False)
    if len(missing):
        raise ValueError(
            f"intensities has sample(s) {shown(missing)} that samples does not describe; "
            "rows are joined by sample id"
        )
    return samples.loc[intensities.index, list(columns)]


def adjust_bh(p: np.ndarray) -> np.ndarray:
    """Benjamini–Hochberg adjusted p-values; NaN stays NaN and is not counted.

    Examples
    --------
    >>> adjust_bh(np.array([0.01, 0.04, np.nan, 0.03])).round(3).tolist()
    [0.03, 0.04, nan, 0.04]
    """
    p = np.asarray(p, dtype=float)
    out = np.full(p.shape, np.nan)
    finite = np.isfinite(p)
    if finite.any():
        out[finite] = stats.false_discovery_control(p[finite], method="bh")
    return out
