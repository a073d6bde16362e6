"""Moment matching: values that follow the ranks of standard normals and have exactly
the target sample mean and SD.

The engine of :mod:`milkbone.cohort.simulation.clinical`, free of any published
number. Each map is monotone in ``z`` (ranks, and hence the copula of correlated
draws, are kept):

- :func:`match_normal`: ``mean + sd * z``;
- :func:`match_lognormal`: ``c * exp(sigma * z)`` with ``sigma`` solved so the sample
  coefficient of variation equals ``sd / mean`` and ``c`` so the sample mean equals
  ``mean``: exact mean and SD on the original scale, always positive;
- :func:`polish` and :func:`match_integer`: rounded to a grid (whole years, the
  decimals written), then moved by single steps until mean and SD are within half a
  unit of the printed decimals;
- :func:`match_categories`: the lowest ``k`` of ``z`` in the first category and so on
  up, then the values closest (least squares) to the log-normal draw that lie in their
  category and have exactly the target mean and SD (SLSQP).

A :class:`CalibrationError` says when the targets cannot be met.
"""

from __future__ import annotations

import math

import numpy as np
from scipy.optimize import brentq, minimize

__all__ = [
    "CalibrationError",
    "category_bounds",
    "match_categories",
    "match_integer",
    "match_lognormal",
    "match_normal",
    "polish",
    "standardise",
]


class CalibrationError(RuntimeError):
    """The published summaries cannot all be matched at once."""


def standardise(z: np.ndarray) -> np.ndarray:
    """``z`` with sample mean 0 and SD 1 (ddof 1).

    Examples
    --------
    >>> standardise(np.array([1.0, 2.0, 3.0]))
    array([-1.,  0.,  1.])
    """
    return (z - z.mean()) / z.std(ddof=1)


def match_normal(z: np.ndarray, *, mean: float, sd: float) -> np.ndarray:
    """Affine map of ``z`` with sample mean ``mean`` and SD ``sd`` (ddof 1), exactly.

    Examples
    --------
    >>> x = match_normal(np.array([0.3, -1.0, 2.0, 0.1]), mean=10.0, sd=2.0)
    >>> round(float(x.mean()), 12), round(float(x.std(ddof=1)), 12)
    (10.0, 2.0)
    """
    return mean + sd * standardise(np.asarray(z, dtype=float))


def match_lognormal(z: np.ndarray, *, mean: float, sd: float) -> np.ndarray:
    """Monotone log-normal map of ``z`` with exact sample mean and SD, all values > 0.

    Solves ``sigma`` so that ``exp(sigma * z)`` has coefficient of variation
    ``sd / mean``, then scales it to mean ``mean``.

    Examples
    --------
    >>> x = match_lognormal(np.array([0.3, -1.0, 2.0, 0.1, -0.4]), mean=0.37, sd=0.297)
    >>> round(float(x.mean()), 12), round(float(x.std(ddof=1)), 12), bool(x.min() > 0)
    (0.37, 0.297, True)
    """
    z = standardise(np.asarray(z, dtype=float))
    cv = sd / mean

    def gap(sigma: float) -> float:
        y = np.exp(sigma * (z - z.max()))
        return y.std(ddof=1) / y.mean() - cv

    sigma = brentq(gap, 1e-9, 20.0, xtol=1e-14)
    y = np.exp(sigma * (z - z.max()))
    return y * (mean / y.mean())


def polish(
    x: np.ndarray,
    *,
    step: float,
    mean: float,
    sd: float,
    low: float | np.ndarray,
    high: float | np.ndarray,
    mean_tolerance: float,
    sd_tolerance: float,
) -> np.ndarray:
    """Round ``x`` to multiples of ``step`` in ``[low, high]``, keeping mean and SD.

    Rounding to the printed grid moves the sample mean and SD; this moves single
    values by one ``step`` until the mean is within ``mean_tolerance`` of ``mean``,
    then moves one value down and another up (the sum unchanged), choosing at each
    step the pair whose effect on the variance is closest to what is still missing,
    until the SD is within ``sd_tolerance`` of ``sd``.

    Raises
    ------
    CalibrationError
        If the tolerances cannot be reached on the grid within the bounds.

    Examples
    --------
    >>> x = match_normal(np.random.default_rng(1).standard_normal(46), mean=72.54, sd=20.751)
    >>> y = polish(x, step=0.1, mean=72.54, sd=20.751, low=10, high=500,
    ...            mean_tolerance=0.005, sd_tolerance=0.0005)
    >>> bool(abs(y.mean() - 72.54) < 0.005), bool(abs(y.std(ddof=1) - 20.751) < 0.0005)
    (True, True)
    """
    x = np.asarray(x, dtype=float)
    n = len(x)
    lo = np.ceil(np.broadcast_to(np.asarray(low, dtype=float), (n,)) / step - 1e-9).astype(np.int64)
    hi = np.floor(np.broadcast_to(np.asarray(high, dtype=float), (n,)) / step + 1e-9).astype(
        np.int64
    )
    u = np.clip(np.rint(x / step).astype(np.int64), lo, hi)
    target_sum = round(mean * n / step)
    residual = x / step - u  # move first the values rounding moved most
    for _ in range(4 * n * n):
        gap = target_sum - int(u.sum())
        if gap == 0 or abs(u.mean() * step - mean) < mean_tolerance / 4:
            break
        direction = 1 if gap > 0 else -1
        movable = (u + direction >= lo) & (u + direction <= hi)
        if not movable.any():
            break
        i = int(np.argmax(np.where(movable, direction * residual, -np.inf)))
        u[i] += direction
        residual[i] -= direction
    if abs(u.mean() * step - mean) >= mean_tolerance:
        raise CalibrationError(f"cannot reach mean {mean} on a grid of {step:g} within the bounds")
    target_ss = (sd / step) ** 2 * (n - 1)
    off_diagonal = ~np.eye(n, dtype=bool)
    for _ in range(20 * n):
        ss = float(((u - u.mean()) ** 2).sum())
        if abs(math.sqrt(ss / (n - 1)) * step - sd) < sd_tolerance / 4:
            break
        need = target_ss - ss
        # moving i down by one and j up by one changes the sum of squares by 2 (u_j - u_i + 1)
        effect = 2.0 * (u[None, :] - u[:, None] + 1)
        allowed = (u > lo)[:, None] & (u < hi)[None, :] & off_diagonal
        cost = np.where(allowed, np.abs(effect - need), np.inf)
        i, j = np.unravel_index(np.argmin(cost), cost.shape)
        if not np.isfinite(cost[i, j]) or cost[i, j] >= abs(need):
            break
        u[i] -= 1
        u[j] += 1
    y = u * step
    if abs(y.std(ddof=1) - sd) >= sd_tolerance:
        raise CalibrationError(
            f"cannot reach SD {sd} on a grid of {step:g} within the bounds and mean {mean}"
        )
    return y


def match_integer(
    z: np.ndarray,
    *,
    mean: float,
    sd: float,
    low: int,
    high: int,
    mean_tolerance: float,
    sd_tolerance: float,
) -> np.ndarray:
    """Whole numbers in ``[low, high]`` following the ranks of ``z``, with sample mean
    and SD within the tolerances of the targets (:func:`polish` with step 1).

    Examples
    --------
    >>> z = np.random.default_rng(1).standard_normal(51)
    >>> x = match_integer(z, mean=61.2, sd=5.0, low=48, high=73,
    ...                   mean_tolerance=0.05, sd_tolerance=0.005)
    >>> bool(abs(x.mean() - 61.2) < 0.05), bool(abs(x.std(ddof=1) - 5.0) < 0.005)
    (True, True)
    """
    x = np.clip(match_normal(z, mean=mean, sd=sd), low, high)
    return polish(
        x,
        step=1.0,
        mean=mean,
        sd=sd,
        low=low,
        high=high,
        mean_tolerance=mean_tolerance,
        sd_tolerance=sd_tolerance,
    )


def category_bounds(
    z: np.ndarray, categories: list[tuple[float, float, int]]
) -> tuple[np.ndarray, np.ndarray]:
    """Per-element bounds: the ``count`` lowest ``z`` get the first ``(low, high)``, and so on.

    Examples
    --------
    >>> category_bounds(np.array([0.5, -1.0, 2.0]), [(0, 1, 1), (2, 3, 2)])
    (array([2., 0., 2.]), array([3., 1., 3.]))
    """
    n = len(z)
    counts = [c for _, _, c in categories]
    if sum(counts) != n:
        raise CalibrationError(f"category counts {counts} add up to {sum(counts)}, not {n}")
    lows = np.empty(n)
    highs = np.empty(n)
    order = np.argsort(z, kind="stable")
    start = 0
    for low, high, count in categories:
        lows[order[start : start + count]] = low
        highs[order[start : start + count]] = high
        start += count
    return lows, highs


def match_categories(
    z: np.ndarray,
    *,
    mean: float,
    sd: float,
    categories: list[tuple[float, float, int]],
) -> np.ndarray:
    """Values with exact sample mean and SD whose category counts are given.

    ``categories`` lists ``(low, high, count)`` in increasing order, counts summing to
    ``len(z)``. The ``count`` lowest ``z`` go to the first category and so on; within
    bounds the values are the least-squares closest to :func:`match_lognormal` of
    ``z`` that meet the mean and SD exactly.

    Raises
    ------
    CalibrationError
        If the counts do not add up to ``len(z)`` or no such values exist.

    Examples
    --------
    >>> z = np.random.default_rng(3).standard_normal(20)
    >>> x = match_categories(z, mean=16.0, sd=5.0,
    ...                      categories=[(3, 11.99, 5), (12.01, 19.99, 9), (20, 80, 6)])
    >>> round(float(x.mean()), 6), round(float(x.std(ddof=1)), 6)
    (16.0, 5.0)
    >>> int((x < 12).sum()), int((x >= 20).sum())
    (5, 6)
    """
    z = np.asarray(z, dtype=float)
    n = len(z)
    counts = [c for _, _, c in categories]
    lows, highs = category_bounds(z, categories)
    feasible_low, feasible_high = lows.mean(), highs.mean()
    if not feasible_low <= mean <= feasible_high:
        raise CalibrationError(
            f"mean {mean} is outside [{feasible_low:.3f}, {feasible_high:.3f}], the range the "
            f"category counts {counts} allow"
        )
    x0 = np.clip(match_lognormal(z, mean=mean, sd=sd), lows, highs)
    target_ss = sd**2 * (n - 1)
    scale = max(sd, 1.0)

    result = minimize(
        lambda x: ((x - x0) ** 2).sum() / scale**2,
        x0,
        jac=lambda x: 2 * (x - x0) / scale**2,
        method="SLSQP",
        bounds=list(zip(lows, highs, strict=True)),
        constraints=[
            {
                "type": "eq",
                "fun": lambda x: (x.sum() - n * mean) / scale,
                "jac": lambda x: np.ones(n) / scale,
            },
            {
                "type": "eq",
                "fun": lambda x: (((x - x.mean()) ** 2).sum() - target_ss) / scale**2,
                "jac": lambda x: 2 * (x - x.mean()) / scale**2,
            },
        ],
        options={"maxiter": 500, "ftol": 1e-12},
    )
    x = np.clip(result.x, lows, highs)
    if abs(x.mean() - mean) > 1e-6 * scale or abs(x.std(ddof=1) - sd) > 1e-6 * scale:
        raise CalibrationError(
            f"no values in the categories {counts} reach mean {mean} and SD {sd} "
            f"(closest: mean {x.mean():.4f}, SD {x.std(ddof=1):.4f}; {result.message})"
        )
    return x
