"""Printed values against a side or a cut-off: direction marks against FC = 1, p in
[0, 1], values against a stated selection criterion (VIP > 1, FC > 1.2 or < 0.833).

Each returns one row per printed value; a value is consistent when some number in its
rounding interval lies on the required side.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence

import pandas as pd

from milkbone.audit.intervals import _OPS, Interval, _as_interval, _as_value
from milkbone.audit.results import _frame, _row, _text
from milkbone.published import parse as _parse

__all__ = ["check_direction", "check_p_range", "check_threshold"]


_UP = {"↑", "up", "increase", "increased", "up-regulated", "upregulated"}
_DOWN = {"↓", "down", "decrease", "decreased", "down-regulated", "downregulated"}


def _labels(labels: Sequence[str] | None, n: int) -> list[str]:
    if labels is None:
        return [str(i + 1) for i in range(n)]
    if len(labels) != n:
        raise ValueError(f"labels must have one entry per item ({n}), got {len(labels)}")
    return [str(v) for v in labels]


def _per_value(
    check: str,
    quantity: str,
    values: Sequence[str | float],
    *,
    name: str,
    labels: Sequence[str] | None,
    judge: Callable[[str | float, Interval], dict],
) -> pd.DataFrame:
    """One row per printed value; ``judge(value, interval)`` gives ``recomputed_iv``,
    ``note``, ``method`` and ``verdict``."""
    rows = []
    for label, value in zip(_labels(labels, len(values)), values, strict=True):
        iv = _as_interval(value, name=name)
        rows.append(
            _row(
                check=check,
                quantity=quantity,
                variant=label,
                printed=_text(value),
                printed_iv=iv,
                recomputed=_as_value(value, name=name),
                **judge(value, iv),
            )
        )
    return _frame(rows)


def check_direction(
    marks: Sequence[str],
    fold_changes: Sequence[str | float],
    *,
    labels: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Do direction marks (↑/↓) agree with printed fold changes (FC > 1 up, < 1 down)?

    Parameters
    ----------
    marks : sequence of str
        ``"↑"``/``"↓"`` (or ``"up"``/``"down"``), one per item.
    fold_changes : sequence of str or float
        The printed fold changes (text: rounding-aware).
    labels : sequence of str, optional
        Item labels for the ``variant`` column; default ``"1"``, ``"2"``, ….

    Returns
    -------
    pandas.DataFrame
        :data:`CHECK_COLUMNS`, one row per item, ``quantity`` ``"direction"``:
        ``printed`` the mark, ``recomputed`` the fold change. Consistent when some
        value in the FC's rounding interval lies on the marked side of 1.

    Raises
    ------
    ValueError
        If the lengths differ, a mark is unknown, or a fold change is negative.

    Examples
    --------
    Paper Table 5, rows 12 and 13.

    >>> check_direction(["↓", "↓"], ["0.1582", "4.4249"],
    ...                 labels=["12", "13"])[["variant", "verdict"]]
      variant      verdict
    0      12   consistent
    1      13  discrepancy
    """
    if len(marks) != len(fold_changes):
        raise ValueError(
            f"marks and fold_changes must have the same length, got {len(marks)} and "
            f"{len(fold_changes)}"
        )
    names = _labels(labels, len(marks))
    rows = []
    for name, mark, fc in zip(names, marks, fold_changes, strict=True):
        m = str(mark).strip().lower()
        if m not in _UP | _DOWN:
            raise ValueError(f"marks must be '↑' or '↓' (or up/down), got {mark!r}")
        iv = _as_interval(fc, name="fold_changes")
        if iv.high < 0:
            raise ValueError(f"fold_changes must be non-negative, got {fc!r}")
        up = m in _UP
        ok = iv.high > 1 if up else iv.low < 1
        side = "> 1" if up else "< 1"
        rows.append(
            _row(
                check="direction",
                quantity="direction",
                variant=name,
                printed=str(mark),
                printed_iv=Interval(1.0, math.inf, False, False)
                if up
                else Interval(0.0, 1.0, True, False),
                recomputed=_as_value(fc, name="fold_changes"),
                recomputed_iv=iv,
                note=f"mark {mark} needs FC {side}; FC {_text(fc)} means {iv}",
                method="FC > 1 up, FC < 1 down",
                verdict="consistent" if ok else "discrepancy",
            )
        )
    return _frame(rows)


def check_p_range(
    p_values: Sequence[str | float], *, labels: Sequence[str] | None = None
) -> pd.DataFrame:
    """Are printed p-values inside [0, 1]?

    Parameters
    ----------
    p_values : sequence of str or float
        The printed p-values.
    labels : sequence of str, optional
        Item labels for the ``variant`` column.

    Returns
    -------
    pandas.DataFrame
        :data:`CHECK_COLUMNS`, one row per value, ``quantity`` ``"p"``: consistent when
        the value's rounding interval meets [0, 1].

    Raises
    ------
    ValueError
        If a value is not a printed number.

    Examples
    --------
    Paper Table 5, rows 1 and 5 (p printed 1.6471 and 0.0009).

    >>> check_p_range(["1.6471", "0.0009"])["verdict"].tolist()
    ['discrepancy', 'consistent']
    """
    unit = Interval(0.0, 1.0)

    def judge(p: str | float, iv: Interval) -> dict:
        ok = iv.intersects(unit)
        return {
            "recomputed_iv": unit,
            "note": f"p {_text(p)} means {iv}; "
            + ("inside [0, 1]" if ok else "a probability cannot lie outside [0, 1]"),
            "method": "0 <= p <= 1",
            "verdict": "consistent" if ok else "discrepancy",
        }

    return _per_value("p_range", "p", p_values, name="p_values", labels=labels, judge=judge)


def _parse_criterion(criterion: str) -> list[tuple[str, float]]:
    message = (
        f"criterion must be comparisons joined by 'or', like '> 1.2 or < 0.833', got {criterion!r}"
    )
    parts = []
    for part in re.split(r"\bor\b", criterion):
        try:
            comparator, number = _parse.split_comparator(part)
        except ValueError:
            raise ValueError(message) from None
        if comparator == "=":
            raise ValueError(message)
        parts.append((_OPS[comparator], float(number.replace(",", ""))))
    return parts


def _can_satisfy(iv: Interval, op: str, c: float) -> tuple[bool, bool]:
    """(some value satisfies, every value satisfies) for ``x op c`` over ``iv``."""
    if op == ">":
        return iv.high > c, iv.low > c
    if op == "≥":
        return iv.high >= c, iv.low >= c
    if op == "<":
        return iv.low < c, iv.high < c
    return iv.low <= c, iv.high <= c


def check_threshold(
    values: Sequence[str | float], *, criterion: str, labels: Sequence[str] | None = None
) -> pd.DataFrame:
    """Do printed values meet a stated selection criterion (VIP > 1, FC ≥ 2 or ≤ 0.5, …)?

    Parameters
    ----------
    values : sequence of str or float
        The printed values.
    criterion : str
        One or more comparisons joined by ``or``: ``"> 1"``, ``"> 1.2 or < 0.833"``,
        ``">= 2 or <= 0.5"``, ``"< 0.05"``.
    labels : sequence of str, optional
        Item labels for the ``variant`` column.

    Returns
    -------
    pandas.DataFrame
        :data:`CHECK_COLUMNS`, one row per value, ``quantity`` ``"threshold"``:
        consistent when some value in the printed rounding interval meets the criterion;
        ``note`` says when only rounding makes it so.

    Raises
    ------
    ValueError
        If ``criterion`` cannot be read or a value is not a printed number.

    Examples
    --------
    Paper §3.5: FC > 1.2 or FC < 0.833. Table 5 rows 6 and 15.

    >>> check_threshold(["0.6412", "2.8923", "1.1"], criterion="> 1.2 or < 0.833")[
    ...     "verdict"].tolist()
    ['consistent', 'consistent', 'discrepancy']
    """
    parts = _parse_criterion(criterion)

    def judge(value: str | float, iv: Interval) -> dict:
        some = any(_can_satisfy(iv, op, c)[0] for op, c in parts)
        every = any(_can_satisfy(iv, op, c)[1] for op, c in parts)
        if every:
            note = f"{_text(value)} meets {criterion}"
        elif some:
            note = f"{_text(value)} ({iv}) meets {criterion} only at some unrounded values"
        else:
            note = f"{_text(value)} ({iv}) fails {criterion}"
        return {
            "recomputed_iv": iv,
            "note": note,
            "method": f"criterion {criterion}",
            "verdict": "consistent" if some else "discrepancy",
        }

    return _per_value("threshold", "threshold", values, name="values", labels=labels, judge=judge)
