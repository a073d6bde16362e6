"""Suppression of small cells in result tables: the arithmetic of disclosure control.

:func:`suppress_small_cells` blanks every cell describing fewer than ``minimum``
people, the other statistics of a row describing too few, and, where cells add up to a
total a reader knows, enough further cells that no blanked one can be recovered by
subtraction (complementary suppression). :func:`aggregate_only` refuses a table with
participant-level rows. Which columns play which part is decided by
:func:`milkbone.report.disclosure.guard` from the evidence level and column names.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from milkbone._validate import require_columns, shown
from milkbone.vocabulary import MINIMUM_CELL

__all__ = ["aggregate_only", "suppress_small_cells"]


def _counts(table: pd.DataFrame, column: str) -> pd.Series:
    """A count column as nullable integers; a non-numeric value is an error."""
    values = pd.to_numeric(table[column], errors="coerce")
    bad = table.loc[values.isna() & table[column].notna(), column]
    if len(bad):
        raise ValueError(
            f"table column {column!r} has non-numeric value(s) {shown(bad.unique())}; "
            "allowed: head counts"
        )
    return values.round().astype("Int64")


def _complement(values: pd.Series, hidden: pd.Series, minimum: int) -> pd.Series:
    """``hidden`` grown, smallest cells first (non-zero before zero), until the blanked
    cells are at least two and add up to at least ``minimum``, or all are blanked.

    Nothing is added unless a cell with a value was blanked. A cell already missing
    (blanked before, or never there) counts as blanked, its unknown value as enough.
    """
    if not (hidden & values.notna()).any():
        return hidden
    hidden = hidden | values.isna()
    candidates = sorted(
        (i for i in values.index if not hidden[i]),
        key=lambda i: (int(values[i]) == 0, int(values[i])),
    )
    for index in [*candidates, None]:
        blanked = values[hidden]
        enough = blanked.isna().any() or blanked.sum() >= minimum
        if hidden.sum() >= 2 and enough:
            break
        if index is not None:
            hidden[index] = True
    return hidden


def _size_columns(n_column: str | Sequence[str] | None) -> list[str]:
    if n_column is None:
        return []
    return [n_column] if isinstance(n_column, str) else list(n_column)


def suppress_small_cells(
    table: pd.DataFrame,
    *,
    count_columns: Sequence[str],
    summary_columns: Sequence[str] = (),
    n_column: str | Sequence[str] | None = "n",
    totals_by: Sequence[str] | None = None,
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
        Columns summarising the row's people (mean, sd, p, …).
    n_column : str or sequence of str or None, default "n"
        The column, or columns (``n, n_hcm, n_cm``), giving how many people a row
        summarises. In a row where any of them is from 1 to ``minimum − 1``, every
        summary and count column becomes NA, these columns included (so a blanked size
        cannot be recovered from the row's others). ``None`` when there is none.
    totals_by : sequence of str, optional
        Columns grouping count cells whose sum a reader knows (the categories of one
        arm at one visit add up to the arm's size). In each group of each count column
        in which a cell was blanked, the next smallest are blanked too, until the
        blanked cells are at least two and add up to at least ``minimum``
        (complementary suppression). ``[]`` makes the whole column one group.
    minimum : int, default 5
        Smallest number of people a printed cell may describe
        (:data:`milkbone.vocabulary.MINIMUM_CELL`).
    keep_zero : bool, default True
        Keep counts of zero (they describe no one); False blanks them too.

    Returns
    -------
    pandas.DataFrame
        A copy of ``table`` with the same columns and index; count columns become
        nullable ``Int64``, blanked summary cells NaN. The input is not modified.

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
    milkbone.report.disclosure.guard : which columns are counts, sizes and summaries.

    Notes
    -----
    For the switch to real participant data (paper §2: 97 women): a table printed in
    the book must not let a reader single out anyone. Threshold 5 is a common
    statistical-disclosure rule for health data; the data owner may require more.
    Blanking one cell of a group whose total is printed leaves it recoverable by
    subtraction, hence ``totals_by``; and a blanked pair adding up to less than
    ``minimum`` still describes fewer people, hence the sum rule.

    Examples
    --------
    >>> table = pd.DataFrame({"group": ["HCM", "CM"], "count": [3, 17],
    ...                       "n": [4, 46], "mean": [11.2, 15.3]})
    >>> suppress_small_cells(table, count_columns=["count", "n"], summary_columns=["mean"])
      group  count     n  mean
    0   HCM   <NA>  <NA>   NaN
    1    CM     17    46  15.3

    Table 4's control arm at six months, 2, 27 and 17 of 46 women: blanking the 2
    alone leaves it as 46 − 27 − 17, so the 17 goes too.

    >>> cm = pd.DataFrame({"category": ["deficient", "insufficient", "normal"],
    ...                    "count": [2, 27, 17]})
    >>> suppress_small_cells(cm, count_columns=["count"], n_column=None, totals_by=[])
           category  count
    0     deficient   <NA>
    1  insufficient     27
    2        normal   <NA>
    """
    sizes = _size_columns(n_column)
    if summary_columns and not sizes:
        raise ValueError(
            "n_column must name the column of head counts when summary_columns are "
            f"given, got None for {shown(summary_columns)}"
        )
    require_columns(table, [*count_columns, *summary_columns, *sizes], name="table")
    if not isinstance(minimum, int | np.integer) or minimum < 1:
        raise ValueError(f"minimum must be an integer of at least 1, got {minimum!r}")
    out = table.copy()
    few = np.zeros(len(table), dtype=bool)
    for column in sizes:
        n = pd.to_numeric(table[column], errors="coerce")
        few |= ((n > 0) & (n < minimum)).fillna(False).to_numpy(dtype=bool)
    for column in count_columns:
        values = _counts(table, column)
        small = (values < minimum).fillna(False) & ((values != 0) | (not keep_zero))
        hidden = small | pd.Series(few, index=table.index)
        if totals_by is not None:
            keys = [table[c] for c in totals_by]
            groups = hidden.groupby(keys, dropna=False) if keys else [(0, hidden)]
            for _, part in groups:
                hidden.loc[part.index] = _complement(values[part.index], part, minimum)
        out[column] = values.mask(hidden.to_numpy())
    for column in [*summary_columns, *(c for c in sizes if c not in count_columns)]:
        if few.any():
            out[column] = out[column].mask(few)
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
