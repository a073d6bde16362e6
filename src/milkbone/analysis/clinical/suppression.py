"""Disclosure control of result tables for real participant data.

:func:`suppress_small_cells` blanks cells that describe fewer than ``minimum`` people;
:func:`aggregate_only` refuses a table with participant-level rows. The book's
disclosure guard calls both when the data are real.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from milkbone._validate import require_columns, shown
from milkbone.vocabulary import MINIMUM_CELL

__all__ = ["aggregate_only", "suppress_small_cells"]


def suppress_small_cells(
    table: pd.DataFrame,
    *,
    count_columns: Sequence[str],
    summary_columns: Sequence[str] = (),
    n_column: str | None = "n",
    minimum: int = MINIMUM_CELL,
    keep_zero: bool = True,
) -> pd.DataFrame:
    """Blank out every cell that describes fewer than ``minimum`` people.

    Parameters
    ----------
    table : pandas.DataFrame
        A result table (never participant-level rows).
    count_columns : sequence of str
        Columns of head counts; a count from 1 to ``minimum − 1`` becomes NA.
    summary_columns : sequence of str, default ()
        Columns summarising the row's people (mean, sd, …); they become NA in every
        row whose ``n_column`` is below ``minimum``.
    n_column : str or None, default "n"
        The column giving how many people a row summarises; ``None`` when
        ``summary_columns`` is empty.
    minimum : int, default 5
        Smallest number of people a printed cell may describe
        (:data:`milkbone.vocabulary.MINIMUM_CELL`).
    keep_zero : bool, default True
        Keep counts of zero (they describe no one); False blanks them too.

    Returns
    -------
    pandas.DataFrame
        A copy of ``table`` with the same columns and index; count columns become
        nullable ``Int64``, summary columns float with NaN. The input is not modified.

    Raises
    ------
    KeyError
        If ``table`` lacks a named column.
    ValueError
        If ``minimum`` is below 1, ``summary_columns`` are given without
        ``n_column``, or a count column holds non-numeric values.

    See Also
    --------
    aggregate_only : refuses participant-level tables.

    Notes
    -----
    For the switch to real participant data (paper §2: 97 women): a table printed in
    the book must not let a reader single out anyone. Threshold 5 is a common
    statistical-disclosure rule for health data; the data owner may require more.
    Suppressing one cell of a row or column whose total is printed can leave it
    recoverable by subtraction — check totals too (secondary suppression is not done
    here).

    Examples
    --------
    >>> table = pd.DataFrame({"group": ["HCM", "CM"], "count": [3, 17],
    ...                       "n": [4, 46], "mean": [11.2, 15.3]})
    >>> suppress_small_cells(table, count_columns=["count", "n"], summary_columns=["mean"])
      group  count     n  mean
    0   HCM   <NA>  <NA>   NaN
    1    CM     17    46  15.3
    """
    columns = [*count_columns, *summary_columns]
    if summary_columns:
        if n_column is None:
            raise ValueError(
                "n_column must name the column of head counts when summary_columns are "
                f"given, got None for {shown(summary_columns)}"
            )
        columns.append(n_column)
    require_columns(table, columns, name="table")
    if not isinstance(minimum, int | np.integer) or minimum < 1:
        raise ValueError(f"minimum must be an integer of at least 1, got {minimum!r}")
    out = table.copy()
    for column in count_columns:
        values = pd.to_numeric(out[column], errors="coerce")
        bad = out.loc[values.isna() & out[column].notna(), column]
        if len(bad):
            raise ValueError(
                f"table column {column!r} has non-numeric value(s) {shown(bad.unique())}; "
                "allowed: head counts"
            )
        small = values < minimum
        if keep_zero:
            small &= values != 0
        out[column] = values.round().astype("Int64").mask(small)
    if summary_columns:
        n = pd.to_numeric(table[n_column], errors="coerce")
        few = (n < minimum).to_numpy()
        for column in summary_columns:
            out[column] = out[column].astype(float).mask(few)
    return out


def aggregate_only(table: pd.DataFrame, *, minimum: int | None = None) -> pd.DataFrame:
    """Return ``table`` unchanged if it is safe to print: no participant-level rows.

    Call it as the last expression of a notebook cell that shows a table, so a cell
    can never display individuals by mistake.

    Parameters
    ----------
    table : pandas.DataFrame
        The table about to be displayed.
    minimum : int, optional
        If given, also require every value of an ``n`` column to be at least this.

    Returns
    -------
    pandas.DataFrame
        ``table`` itself (not a copy).

    Raises
    ------
    ValueError
        If ``table`` has a ``participant`` column or index level, or an ``n`` below
        ``minimum``.

    See Also
    --------
    suppress_small_cells : blanks small cells instead of refusing the table.

    Examples
    --------
    >>> aggregate_only(pd.DataFrame({"group": ["HCM"], "n": [51]}), minimum=5)
      group   n
    0   HCM  51
    >>> aggregate_only(pd.DataFrame({"participant": ["p01"], "value": [0.9]}))
    Traceback (most recent call last):
    ...
    ValueError: table has participant-level rows (column 'participant'); allowed: aggregates only
    """
    if not isinstance(table, pd.DataFrame):
        raise TypeError(f"table must be a pandas DataFrame, got {type(table).__name__}")
    if "participant" in table.columns or "participant" in (table.index.names or []):
        raise ValueError(
            "table has participant-level rows (column 'participant'); allowed: aggregates only"
        )
    if minimum is not None and "n" in table.columns:
        n = pd.to_numeric(table["n"], errors="coerce")
        small = n.loc[n < minimum]
        if len(small):
            raise ValueError(
                f"table has row(s) describing fewer than {minimum} people: n = "
                f"{shown(small.unique())}; allowed: n >= {minimum}"
            )
    return table
