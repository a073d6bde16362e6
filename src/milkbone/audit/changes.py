"""Changes between printed numbers: percent changes and ratios (fold changes, F/B).

Both are monotone in each input on a box that excludes zero, so their range over the
inputs' rounding box comes from its corners (:func:`~milkbone.audit.corner_range`).
"""

from __future__ import annotations

import pandas as pd

from milkbone.audit.intervals import Interval, _as_interval, _as_value, corner_range
from milkbone.audit.results import compare_printed

__all__ = ["check_percent_change", "check_ratio"]


def _nonzero(name: str, iv: Interval) -> None:
    if iv.low <= 0 <= iv.high:
        raise ValueError(f"{name} must be non-zero (its rounding interval {iv} contains 0)")


def check_percent_change(
    *, before: str | float, after: str | float, printed: str, absolute: bool = False
) -> pd.DataFrame:
    """Does a printed percent change follow from the printed means before and after?

    Parameters
    ----------
    before, after : str or float
        Printed means (text: rounding-aware).
    printed : str
        The printed percent change, without the % sign (``"16.4"``, ``"−18.6"``).
    absolute : bool, default False
        The text gives a magnitude ("decreased by 18.6%"): compare absolute values.

    Returns
    -------
    pandas.DataFrame
        One row (:data:`CHECK_COLUMNS`), ``quantity`` ``"percent_change"``.

    Raises
    ------
    ValueError
        If ``before``'s rounding interval contains 0.

    Notes
    -----
    ``100 · (after − before)/before``, monotone in each argument, so its range over
    the rounding box comes from the corners (:func:`corner_range`).

    Examples
    --------
    Paper §3.3: AST in HCM rose by 16.4% (20.61 → 24.00) and fell by 18.6% (24.00 → 19.53).

    >>> check_percent_change(before="20.61", after="24.00", printed="16.4").loc[0, "verdict"]
    'consistent'
    >>> check_percent_change(before="24.00", after="19.53", printed="18.6",
    ...                      absolute=True).loc[0, "verdict"]
    'consistent'
    """
    b, a = _as_interval(before, name="before"), _as_interval(after, name="after")
    _nonzero("before", b)
    rng = corner_range(lambda x, y: 100.0 * (y - x) / x, [b, a])
    point = 100.0 * (_as_value(after, name="after") / _as_value(before, name="before") - 1.0)
    res = compare_printed(
        printed,
        rng,
        absolute=absolute,
        check="percent_change",
        quantity="percent_change",
        method="100*(after-before)/before over the inputs' rounding box",
    )
    res.loc[0, "recomputed"] = abs(point) if absolute else point
    return res


def check_ratio(
    *,
    numerator: str | float,
    denominator: str | float,
    printed: str,
    quantity: str = "ratio",
) -> pd.DataFrame:
    """Does a printed ratio or fold change follow from the printed numerator and denominator?

    Parameters
    ----------
    numerator, denominator : str or float
        Printed values (text: rounding-aware), e.g. mean Firmicutes and Bacteroidetes
        abundances, or the two group means of a fold change.
    printed : str
        The printed ratio.
    quantity : str, default "ratio"
        A label (``"fold_change"``, ``"firmicutes_bacteroidetes_ratio"``).

    Returns
    -------
    pandas.DataFrame
        One row (:data:`CHECK_COLUMNS`).

    Raises
    ------
    ValueError
        If the denominator's rounding interval contains 0.

    Notes
    -----
    ``numerator/denominator`` is monotone in each argument on a box that excludes 0,
    so :func:`corner_range` gives its exact range.

    Examples
    --------
    Paper §3.4: CM baseline Firmicutes 0.335 and Bacteroidota 0.522; ratio printed 0.641.

    >>> res = check_ratio(numerator="0.335", denominator="0.522", printed="0.641")
    >>> round(float(res.loc[0, "recomputed"]), 4), res.loc[0, "verdict"]
    (0.6418, 'consistent')
    """
    num = _as_interval(numerator, name="numerator")
    den = _as_interval(denominator, name="denominator")
    _nonzero("denominator", den)
    res = compare_printed(
        printed,
        corner_range(lambda x, y: x / y, [num, den]),
        check="ratio",
        quantity=quantity,
        method="numerator/denominator over the inputs' rounding box",
    )
    res.loc[0, "recomputed"] = _as_value(numerator, name="numerator") / _as_value(
        denominator, name="denominator"
    )
    return res
