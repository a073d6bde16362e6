"""Counts: sums against printed totals, listed items against stated counts, numbering,
and one quantity printed twice.

Counts are exact, so these checks compare integers; only :func:`check_repeated_value`
compares two rounding intervals.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

import numpy as np
import pandas as pd

from milkbone.audit.intervals import (
    Interval,
    _as_value,
    _check_counts,
    _decimal,
    printed_interval,
)
from milkbone.audit.results import _frame, _row, _single

__all__ = ["check_count", "check_numbering", "check_repeated_value", "check_sum"]


def _exact_row(check, quantity, printed, expected, actual, note, method) -> dict:
    ok = expected == actual
    return _row(
        check=check,
        quantity=quantity,
        printed=str(printed),
        printed_iv=Interval.point(expected),
        recomputed=actual,
        recomputed_iv=Interval.point(actual),
        note=note,
        method=method,
        verdict="consistent" if ok else "discrepancy",
    )


def check_sum(parts: Sequence[int], *, total: int | str) -> pd.DataFrame:
    """Do printed counts add up to a printed total (e.g. category counts to a group size)?

    Parameters
    ----------
    parts : sequence of int
        The printed counts.
    total : int or str
        The printed total.

    Returns
    -------
    pandas.DataFrame
        One row (:data:`CHECK_COLUMNS`), ``quantity`` ``"sum"``: ``printed`` the total,
        ``recomputed`` the sum of ``parts``.

    Raises
    ------
    ValueError
        If a part or the total is not a non-negative integer.

    Examples
    --------
    Paper Table 4, HCM at 6 months (41 + 10 + 0) and §3.5 (13 + 3 + 35 metabolites vs 52).

    >>> check_sum([41, 10, 0], total=51).loc[0, "verdict"]
    'consistent'
    >>> res = check_sum([13, 3, 35], total="52")
    >>> int(res.loc[0, "recomputed"]), res.loc[0, "verdict"]
    (51, 'discrepancy')
    """
    arr = _check_counts("parts", [*parts, 0])
    tot = _as_value(total, name="total")
    if tot < 0 or tot != round(tot):
        raise ValueError(f"total must be a non-negative integer, got {total!r}")
    s = int(arr.sum())
    plus = " + ".join(str(int(v)) for v in arr[:-1])
    return _frame(
        [
            _exact_row(
                "sum",
                "sum",
                total,
                int(tot),
                s,
                f"{plus} = {s}; printed total {total}",
                "exact integer sum",
            )
        ]
    )


def check_count(items: Sequence[object] | int, *, stated: int | str) -> pd.DataFrame:
    """Does the number of listed items match a stated count?

    Parameters
    ----------
    items : sequence or int
        The listed items (their number is counted) or that number.
    stated : int or str
        The count stated in the text.

    Returns
    -------
    pandas.DataFrame
        One row (:data:`CHECK_COLUMNS`), ``quantity`` ``"count"``.

    Raises
    ------
    ValueError
        If ``stated`` is not a non-negative integer.

    Examples
    --------
    Paper §3.5 states 52 differential metabolites; Table 5 lists 51 rows.

    >>> check_count(range(51), stated="52").loc[0, "verdict"]
    'discrepancy'
    """
    n = items if isinstance(items, (int, np.integer)) else len(items)
    st = _as_value(stated, name="stated")
    if st < 0 or st != round(st):
        raise ValueError(f"stated must be a non-negative integer, got {stated!r}")
    return _frame(
        [
            _exact_row(
                "count",
                "count",
                stated,
                int(st),
                int(n),
                f"{int(n)} items listed; stated {stated}",
                "count of listed items",
            )
        ]
    )


def check_numbering(numbers: Sequence[int], *, start: int = 1) -> pd.DataFrame:
    """Are item numbers consecutive from ``start``, with no gaps, duplicates or reversals?

    Parameters
    ----------
    numbers : sequence of int
        The printed numbers in printed order (e.g. the "Number" column of a table).
    start : int, default 1
        The expected first number.

    Returns
    -------
    pandas.DataFrame
        One row (:data:`CHECK_COLUMNS`), ``quantity`` ``"numbering"``; ``note`` lists
        duplicates, missing numbers and positions where the order goes back.

    Raises
    ------
    ValueError
        If ``numbers`` is empty or holds a non-integer.

    Examples
    --------
    Paper Table 5 numbers rows …, 23, 24, 24, 26, 27, 28, 19, 30, ….

    >>> res = check_numbering([22, 23, 24, 24, 26, 27, 28, 19, 30], start=22)
    >>> res.loc[0, "verdict"]
    'discrepancy'
    >>> print(res.loc[0, "note"])
    duplicates: [24]; missing: [25, 29]; order goes back at position(s) 8 (28 then 19)
    """
    arr = list(numbers)
    if not arr or any(isinstance(v, bool) or not isinstance(v, (int, np.integer)) for v in arr):
        raise ValueError(f"numbers must be a non-empty sequence of integers, got {numbers!r}")
    counts = Counter(int(v) for v in arr)
    duplicates = sorted(v for v, c in counts.items() if c > 1)
    expected = list(range(start, start + len(arr)))
    missing = sorted(set(range(start, max(max(counts), expected[-1]) + 1)) - set(counts))
    reversals = [i for i in range(1, len(arr)) if arr[i] < arr[i - 1]]
    problems = []
    if duplicates:
        problems.append(f"duplicates: {duplicates}")
    if missing:
        problems.append(f"missing: {missing}")
    if reversals:
        problems.append(
            "order goes back at position(s) "
            + ", ".join(f"{i + 1} ({arr[i - 1]} then {arr[i]})" for i in reversals)
        )
    ok = not problems and [int(v) for v in arr] == expected
    if arr[0] != start:
        problems.insert(0, f"starts at {arr[0]}, not {start}")
        ok = False
    note = "; ".join(problems) if problems else f"{start}…{expected[-1]} in order"
    return _single(
        "numbering",
        "numbering",
        (f"{len(arr)} numbers", Interval.point(len(arr))),
        (float(len(set(counts))), Interval.point(len(set(counts)))),
        note=note,
        method="sequence comparison",
        verdict="consistent" if ok else "discrepancy",
    )


def check_repeated_value(first: str, second: str, *, quantity: str = "value") -> pd.DataFrame:
    """Can two printed values of the same quantity both be roundings of one true value?

    Parameters
    ----------
    first, second : str
        The two printed values (e.g. Table 2 and Table 3 for the same baseline mean).
    quantity : str, default "value"
        A label for the output.

    Returns
    -------
    pandas.DataFrame
        One row (:data:`CHECK_COLUMNS`): ``printed`` is ``first``, the recomputed
        range is the rounding interval of ``second``; consistent iff they intersect.

    Raises
    ------
    ValueError
        If either is not a printed number.

    Examples
    --------
    >>> check_repeated_value("84.67", "84.70").loc[0, "verdict"]
    'discrepancy'
    >>> check_repeated_value("5.64", "5.640").loc[0, "verdict"]
    'consistent'
    """
    a = printed_interval(first, floor=-math.inf)
    b = printed_interval(second, floor=-math.inf)
    ok = a.intersects(b)
    return _single(
        "repeated_value",
        quantity,
        (first, a),
        (float(_decimal(second, name="second")), b),
        note=f"{first} means {a}, {second} means {b}: "
        + ("one true value can round to both" if ok else "no common true value"),
        method="intersection of rounding intervals",
    )
