"""Does a recomputed range of p decide significance the way the printed p does?

A p recomputed from rounded summaries is a range, and the range may lie on both sides
of the significance level. Then the printed numbers cannot tell whether the
difference is significant, whatever p was printed: the verdict is ``inconclusive``,
neither ``consistent`` nor ``discrepancy``.
"""

from __future__ import annotations

import pandas as pd

from milkbone.audit.intervals import printed_interval
from milkbone.audit.results import CHECK_COLUMNS

__all__ = ["ALPHA", "check_significance_side"]

ALPHA = 0.05
"""The significance level the paper uses throughout (paper §2.4, §2.5: p < 0.05)."""


def _side(low: float, high: float, alpha: float) -> str:
    if high < alpha:
        return "significant"
    if low >= alpha:
        return "not significant"
    return "either"


def check_significance_side(
    printed: str, *, low: float, high: float, alpha: float = ALPHA, point: float | None = None
) -> pd.DataFrame:
    """Compare the side of ``alpha`` of a printed p with that of a recomputed p range.

    Parameters
    ----------
    printed : str
        The printed p (``"0.046"``, ``"<0.001"``), rounding-aware.
    low, high : float
        Ends of the p recomputed over the rounding of the inputs (and over test
        variants, if several are allowed).
    alpha : float, default ALPHA
        The significance level.
    point : float, optional
        The recomputed p at the printed inputs (default: the middle of the range).

    Returns
    -------
    DataFrame
        One row in the :data:`~milkbone.audit.CHECK_COLUMNS` schema, ``check``
        ``"significance_side"``, quantity ``"p"``: ``consistent`` when the whole range
        lies on the printed p's side of ``alpha``, ``inconclusive`` when the range
        straddles ``alpha`` (the rounded inputs cannot decide), ``discrepancy`` when
        the whole range lies on the other side; ``inconclusive`` too when the printed
        p itself straddles ``alpha`` (``"0.05"``).

    Raises
    ------
    ValueError
        If ``low > high``, a bound is outside [0, 1] or ``alpha`` is not in (0, 1).

    Examples
    --------
    Paper Table 3, phosphorus at 6 months: a t test on the rounded summaries gives p
    from 0.014 to 0.141 against a printed 0.046.

    >>> res = check_significance_side("0.046", low=0.014, high=0.141)
    >>> res.loc[0, "verdict"]
    'inconclusive'
    >>> print(res.loc[0, "note"])
    printed p 0.046 is significant at 0.05; recomputed p 0.014 to 0.141 lies on both sides of 0.05
    >>> check_significance_side("0.001", low=0.0055, high=0.0057).loc[0, "verdict"]
    'consistent'
    >>> check_significance_side("0.500", low=0.0055, high=0.0057).loc[0, "verdict"]
    'discrepancy'
    """
    if not 0.0 < alpha < 1.0:
        raise ValueError(f"alpha must lie in (0, 1), got {alpha!r}")
    if not 0.0 <= low <= high <= 1.0:
        raise ValueError(f"low and high must satisfy 0 <= low <= high <= 1, got {low!r}, {high!r}")
    iv = printed_interval(printed, probability=True)
    said, found = _side(iv.low, iv.high, alpha), _side(low, high, alpha)
    if "either" in (said, found):
        verdict = "inconclusive"
    else:
        verdict = "consistent" if said == found else "discrepancy"
    span = f"{low:.3g}" if f"{low:.3g}" == f"{high:.3g}" else f"{low:.3g} to {high:.3g}"
    where = "lies on both sides of" if found == "either" else f"is {found} at"
    note = f"printed p {printed} is {said} at {alpha:g}; recomputed p {span} {where} {alpha:g}"
    if said == "either":
        note = f"printed p {printed} lies on both sides of {alpha:g}; recomputed p {span}"
    row = {
        "check": "significance_side",
        "quantity": "p",
        "variant": f"alpha {alpha:g}",
        "printed": printed,
        "printed_low": iv.low,
        "printed_high": iv.high,
        "recomputed": (low + high) / 2 if point is None else point,
        "recomputed_low": low,
        "recomputed_high": high,
        "verdict": verdict,
        "evidence": "recomputed",
        "method": "side of the significance level, rounding-aware",
        "note": note,
    }
    return pd.DataFrame([row], columns=list(CHECK_COLUMNS))
