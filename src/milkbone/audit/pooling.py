"""The overall mean and SD of the pooled sample, from printed group summaries.

§3.1 prints age and BMI for all 97 women beside Table 2's per-arm values; pooling the
arms' means and sample SDs is exact, and its range over the inputs' rounding box is
bounded in :func:`check_pooled_mean_sd`.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

import numpy as np
import pandas as pd
from scipy import optimize

from milkbone.audit.intervals import (
    Interval,
    _as_interval,
    _as_value,
    _check_n,
    _sd_interval,
    printed_interval,
)
from milkbone.audit.results import _EVIDENCE, _frame, _row

__all__ = ["check_pooled_mean_sd", "pooled_mean_sd"]


def pooled_mean_sd(
    *, means: Sequence[float], sds: Sequence[float], ns: Sequence[int]
) -> pd.DataFrame:
    """Mean and SD of the combined sample from group means, SDs and sizes.

    Parameters
    ----------
    means, sds : sequence of float
        Group means and sample SDs.
    ns : sequence of int
        Group sizes (each >= 1; an SD of a group of one must be 0).

    Returns
    -------
    pandas.DataFrame
        One row, columns ``n, mean, sd, method, evidence``.

    Raises
    ------
    ValueError
        If the lengths differ, fewer than two groups, an SD is negative or an ``n``
        is not an integer >= 1.

    Notes
    -----
    Exact for sample SDs (divisor n − 1): ``N = Σnᵢ``, ``M = Σnᵢmᵢ/N``,
    ``SD² = (Σ(nᵢ − 1)sᵢ² + Σnᵢ(mᵢ − M)²)/(N − 1)`` (within plus between sums of
    squares).

    Examples
    --------
    Paper §3.1 / Table 2: age 61.2 ± 5.00 (n = 51) and 61.3 ± 4.83 (n = 46).

    >>> pooled_mean_sd(means=[61.2, 61.3], sds=[5.00, 4.83], ns=[51, 46])[
    ...     ["n", "mean", "sd"]].round(3)
        n    mean     sd
    0  97  61.247  4.895
    """
    m, s, n = _validate_groups(means, sds, ns)
    total = int(n.sum())
    grand = float(np.sum(n * m) / total)
    ss = float(np.sum((n - 1) * s**2) + np.sum(n * (m - grand) ** 2))
    return pd.DataFrame(
        {
            "n": [total],
            "mean": [grand],
            "sd": [math.sqrt(ss / (total - 1))],
            "method": ["exact pooling of group means and sample SDs"],
            "evidence": [_EVIDENCE],
        }
    )


def _validate_groups(means, sds, ns):
    if not (len(means) == len(sds) == len(ns)) or len(means) < 2:
        raise ValueError(
            "means, sds and ns must have the same length >= 2, got lengths "
            f"{len(means)}, {len(sds)}, {len(ns)}"
        )
    for i, v in enumerate(ns):
        _check_n(f"ns[{i}]", v, minimum=1)
    s = np.asarray(sds, dtype=float)
    if np.any(s < 0):
        raise ValueError(f"sds must be non-negative, got {list(sds)!r}")
    return np.asarray(means, dtype=float), s, np.asarray(ns, dtype=float)


def _min_between_ss(lows: np.ndarray, highs: np.ndarray, n: np.ndarray) -> float:
    """Smallest Σnᵢ(mᵢ − M)² over the box of means.

    At the optimum every mean sits at ``clip(c, lowᵢ, highᵢ)`` for the common value c
    solving ``Σnᵢ(clip(c) − c) = 0`` (the weighted mean of the clipped means is c).
    """

    def g(c: float) -> float:
        return float(np.sum(n * (np.clip(c, lows, highs) - c)))

    a, b = float(lows.min()), float(highs.max())
    c = a if g(a) == 0 else (b if g(b) == 0 else optimize.brentq(g, a, b, xtol=1e-14))
    m = np.clip(c, lows, highs)
    grand = np.sum(n * m) / n.sum()
    return float(np.sum(n * (m - grand) ** 2))


def check_pooled_mean_sd(
    *,
    means: Sequence[str | float],
    sds: Sequence[str | float],
    ns: Sequence[int],
    mean: str | None = None,
    sd: str | None = None,
) -> pd.DataFrame:
    """Do a printed overall mean and SD follow from the printed group summaries?

    Parameters
    ----------
    means, sds : sequence of str or float
        Printed group means and SDs (text: rounding-aware).
    ns : sequence of int
        Group sizes.
    mean, sd : str, optional
        The printed overall mean and SD (at least one).

    Returns
    -------
    pandas.DataFrame
        :data:`CHECK_COLUMNS`, one row per printed quantity (``"mean"``, ``"sd"``).

    Raises
    ------
    ValueError
        As :func:`pooled_mean_sd`; also if neither ``mean`` nor ``sd`` is given.

    Notes
    -----
    The pooled mean is increasing in every group mean: its range is exact from the
    lower and upper ends. The pooled SD is increasing in every group SD but not
    monotone in the means (the between-groups sum of squares is smallest when they
    coincide), so its range combines the SD ends with the exact minimum (see
    ``_min_between_ss``) and maximum (a convex function: at a corner) of the
    between-groups sum of squares. Formulas in :func:`pooled_mean_sd`.

    Examples
    --------
    Paper §3.1: age 61.2 ± 4.90 and BMI 24.8 ± 3.06 for all 97 women.

    >>> check_pooled_mean_sd(means=["61.2", "61.3"], sds=["5.00", "4.83"], ns=[51, 46],
    ...                      mean="61.2", sd="4.90")["verdict"].tolist()
    ['consistent', 'consistent']
    """
    if mean is None and sd is None:
        raise ValueError("check_pooled_mean_sd needs the printed mean, sd, or both")
    m_iv = [_as_interval(v, name=f"means[{i}]") for i, v in enumerate(means)]
    s_iv = [_sd_interval(f"sds[{i}]", v) for i, v in enumerate(sds)]
    _validate_groups([iv.low for iv in m_iv], [iv.low for iv in s_iv], ns)
    n = np.asarray(ns, dtype=float)
    point = pooled_mean_sd(
        means=[_as_value(v, name="means") for v in means],
        sds=[_as_value(v, name="sds") for v in sds],
        ns=ns,
    ).iloc[0]
    m_lo = np.array([iv.low for iv in m_iv])
    m_hi = np.array([iv.high for iv in m_iv])
    total = n.sum()
    ranges = {}  # quantity -> (printed, recomputed range)
    if mean is not None:
        ranges["mean"] = (
            mean,
            Interval(float(np.sum(n * m_lo) / total), float(np.sum(n * m_hi) / total)),
        )
    if sd is not None:
        ranges["sd"] = (sd, _pooled_sd_range(m_lo, m_hi, s_iv, n))
    method = "exact pooling of group means and sample SDs over the inputs' rounding box"
    rows = [
        _row(
            check="pooled_mean_sd",
            quantity=quantity,
            printed=printed,
            printed_iv=printed_interval(printed, floor=-math.inf),
            recomputed=float(point[quantity]),
            recomputed_iv=rng,
            method=method,
        )
        for quantity, (printed, rng) in ranges.items()
    ]
    return _frame(rows)


def _pooled_sd_range(
    m_lo: np.ndarray, m_hi: np.ndarray, s_iv: list[Interval], n: np.ndarray
) -> Interval:
    """Range of the pooled SD over the box of group means and SDs.

    Within-groups sum of squares from the SD ends; between-groups from its exact
    minimum (:func:`_min_between_ss`) and its maximum, at a corner (it is convex).
    """
    total = n.sum()
    within_lo = float(np.sum((n - 1) * np.array([iv.low for iv in s_iv]) ** 2))
    within_hi = float(np.sum((n - 1) * np.array([iv.high for iv in s_iv]) ** 2))
    between_hi = 0.0
    for corner in itertools.product(*[(lo, hi) for lo, hi in zip(m_lo, m_hi, strict=True)]):
        c = np.array(corner)
        between_hi = max(between_hi, float(np.sum(n * (c - np.sum(n * c) / total) ** 2)))
    between_lo = _min_between_ss(m_lo, m_hi, n)
    return Interval(
        math.sqrt((within_lo + between_lo) / (total - 1)),
        math.sqrt((within_hi + between_hi) / (total - 1)),
    )
