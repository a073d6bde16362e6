"""Input checks shared by the package's public functions.

Each raises with a plain sentence naming the argument, the offending values
(at most five) and what is allowed, before any arithmetic is done.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

__all__ = ["require_columns", "require_values", "shown"]


def shown(values: Iterable[object], limit: int = 5) -> str:
    """The first ``limit`` values as an error message lists them (numpy scalars unwrapped).

    Examples
    --------
    >>> shown([np.int64(3), "XX"])
    "3, 'XX'"
    >>> shown(range(7))
    '0, 1, 2, 3, 4 … (7 in all)'
    """
    values = list(values)
    text = ", ".join(repr(v.item() if isinstance(v, np.generic) else v) for v in values[:limit])
    return text + (f" … ({len(values)} in all)" if len(values) > limit else "")


def require_columns(frame: pd.DataFrame, columns: Iterable[str], *, name: str = "data") -> None:
    """Raise ``KeyError`` if ``frame`` lacks any of ``columns``.

    Examples
    --------
    >>> require_columns(pd.DataFrame({"a": [1]}), ["a", "b"], name="table")
    Traceback (most recent call last):
    ...
    KeyError: "table is missing column(s) 'b'; it has 'a'"
    """
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"{name} must be a pandas DataFrame, got {type(frame).__name__}")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise KeyError(
            f"{name} is missing column(s) {shown(missing)}; it has {shown(frame.columns)}"
        )


def require_values(
    frame: pd.DataFrame, column: str, allowed: Iterable[object], *, name: str = "data"
) -> None:
    """Raise ``ValueError`` if ``frame[column]`` holds values outside ``allowed``.

    Examples
    --------
    >>> require_values(pd.DataFrame({"group": ["HCM", "XX"]}), "group", ["HCM", "CM"])
    Traceback (most recent call last):
    ...
    ValueError: data column 'group' has unknown value(s) 'XX'; allowed: 'HCM', 'CM'
    """
    allowed = list(allowed)
    unknown = [v for v in pd.unique(frame[column]) if v not in allowed]
    if unknown:
        raise ValueError(
            f"{name} column {column!r} has unknown value(s) {shown(unknown)}; "
            f"allowed: {shown(allowed)}"
        )
