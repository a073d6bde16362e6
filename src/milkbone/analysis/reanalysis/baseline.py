"""Between-arm comparisons from printed summaries: follow-up levels, changes and ANCOVA, by ρ.

The arms of the trial differ at baseline in spine BMD (Table 2), and the paper compares
follow-up *levels* (§3.2). These functions redo that comparison from the printed numbers
and show how it moves as a change from baseline or adjusted for baseline:

- :func:`followup_difference_from_p`: the difference a printed p implies;
- :func:`between_arm_by_rho`, :func:`between_arm_curves`, :func:`p_at_rho`: follow-up,
  change and ANCOVA tests as a function of the unprinted baseline–follow-up correlation ρ.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
from scipy import stats

from milkbone._validate import require_columns
from milkbone.analysis.reanalysis._common import EVIDENCE, SIZES, check_sizes, pair, pooled

__all__ = [
    "between_arm_by_rho",
    "between_arm_curves",
    "followup_difference_from_p",
    "p_at_rho",
    "significance_crossings",
]


def followup_difference_from_p(
    p: float, *, sd: Sequence[float], n: Sequence[int] = SIZES
) -> pd.DataFrame:
    """The between-arm difference a printed two-sided p implies for a pooled t test.

    Parameters
    ----------
    p : float
        The printed p-value, in (0, 1).
    sd : sequence of two floats
        SDs of the compared values in HCM and CM.
    n : sequence of two ints, default (51, 46)
        Group sizes.

    Returns
    -------
    DataFrame
        One row: ``p, statistic, dof, se, difference, n_hcm, n_cm, method, evidence``;
        ``difference`` is the absolute difference of means.

    Raises
    ------
    ValueError
        If ``p`` is not in (0, 1) or the sizes are not two integers >= 2.

    Notes
    -----
    ``|t| = t⁻¹(1 − p/2; n1 + n2 − 2)``, ``difference = |t| · s_p · √(1/n1 + 1/n2)``.

    Examples
    --------
    Paper §3.2: L1–4 BMD at 12 months, p = 0.041, taking the baseline SDs of Table 2.

    >>> followup_difference_from_p(0.041, sd=(0.123, 0.107))[["statistic", "difference"]].round(4)
       statistic  difference
    0     2.0717      0.0487
    """
    if not 0.0 < p < 1.0:
        raise ValueError(f"p must lie in (0, 1), got {p!r}")
    sizes = check_sizes(n)
    sds = pair("sd", sd)
    dof = sum(sizes) - 2
    t = float(stats.t.isf(p / 2, dof))
    se = pooled(sds, sizes) * math.sqrt(1 / sizes[0] + 1 / sizes[1])
    return pd.DataFrame(
        {
            "p": [p],
            "statistic": [t],
            "dof": [float(dof)],
            "se": [se],
            "difference": [t * se],
            "n_hcm": [sizes[0]],
            "n_cm": [sizes[1]],
            "method": ["inverse of a pooled two-sample t test (scipy.stats.t.isf)"],
            "evidence": [EVIDENCE],
        }
    )


def between_arm_by_rho(
    *,
    diff0: float,
    diff1: float,
    sd0: Sequence[float],
    sd1: Sequence[float],
    n: Sequence[int] = SIZES,
    rho: Sequence[float] | float = (0.0, 0.5, 0.9),
) -> pd.DataFrame:
    """Between-arm test of follow-up values, of changes from baseline and by ANCOVA, by ρ.

    Parameters
    ----------
    diff0, diff1 : float
        HCM minus CM mean at baseline and at follow-up.
    sd0, sd1 : sequence of two floats
        SDs (HCM, CM) at baseline and at follow-up.
    n : sequence of two ints, default (51, 46)
        Group sizes.
    rho : float or sequence of float, default (0, 0.5, 0.9)
        Within-participant correlation of baseline and follow-up, each in [0, 1).

    Returns
    -------
    DataFrame
        Three rows per ρ, ``method`` ``"follow-up"``, ``"change"``, ``"ancova"``;
        columns ``rho, method, difference, sd, se, statistic, dof, p, n_hcm, n_cm,
        evidence``. ``sd`` is the SD of the analysed quantity (follow-up value, change,
        or ANCOVA residual); ``p`` two-sided.

    Raises
    ------
    ValueError
        If a ρ is outside [0, 1), an SD is not positive or the sizes are invalid.

    Notes
    -----
    With pooled SDs ``s0``, ``s1`` (``(n−1)``-weighted) and ``N = n1 + n2``:

    - follow-up: ``d = Δ1``, ``SD = s1``, ``dof = N − 2`` (ρ plays no part);
    - change: ``d = Δ1 − Δ0``, ``SD = √(s0² + s1² − 2ρ s0 s1)``, ``dof = N − 2``;
    - ANCOVA (the standard approximation): slope ``b = ρ s1/s0``, ``d = Δ1 − bΔ0``,
      residual ``SD = s1 √((1 − ρ²)(N − 2)/(N − 3))`` (≈ ``s1 √(1 − ρ²)``),
      ``se = SD · √(1/n1 + 1/n2 + Δ0²/((N − 2)s0²))`` (the last term is the
      uncertainty of ``b`` times the baseline imbalance), ``dof = N − 3``. This is
      exactly the OLS fit ``follow-up ~ arm + baseline`` when ρ is the pooled
      within-arm correlation and the SDs are the same in both arms.

    ``se = SD · √(1/n1 + 1/n2)`` for the first two; ``t = d/se``. The formulas assume
    the same ρ in both arms.

    Examples
    --------
    Paper Table 2 and §3.2, L1–4 BMD at 6 months: baseline difference 0.046 g/cm²,
    follow-up difference from the printed +2.3% and +1.5%, SD unchanged.

    >>> res = between_arm_by_rho(diff0=0.046, diff1=0.981 * 1.023 - 0.935 * 1.015,
    ...                          sd0=(0.123, 0.107), sd1=(0.123, 0.107), rho=0.9)
    >>> res[["method", "difference", "p"]].round(4)
          method  difference       p
    0  follow-up      0.0545  0.0226
    1     change      0.0085  0.4191
    2     ancova      0.0131  0.2146
    """
    sizes = check_sizes(n)
    s0, s1 = pooled(pair("sd0", sd0), sizes), pooled(pair("sd1", sd1), sizes)
    if min(*pair("sd0", sd0), *pair("sd1", sd1)) <= 0:
        raise ValueError(f"SDs must be positive, got sd0={sd0!r}, sd1={sd1!r}")
    rhos = np.atleast_1d(np.asarray(rho, dtype=float))
    if np.any((rhos < 0) | (rhos >= 1)):
        raise ValueError(f"rho must lie in [0, 1), got {rho!r}")
    big_n = sum(sizes)
    root = math.sqrt(1 / sizes[0] + 1 / sizes[1])
    rows = []
    for r in rhos:
        b = r * s1 / s0
        sd_change = math.sqrt(max(s0**2 + s1**2 - 2 * r * s0 * s1, 0.0))
        sd_res = s1 * math.sqrt((1 - r**2) * (big_n - 2) / (big_n - 3))
        extra = diff0**2 / ((big_n - 2) * s0**2)
        designs = (
            ("follow-up", diff1, s1, s1 * root, big_n - 2),
            ("change", diff1 - diff0, sd_change, sd_change * root, big_n - 2),
            ("ancova", diff1 - b * diff0, sd_res, sd_res * math.sqrt(root**2 + extra), big_n - 3),
        )
        for method, d, sd, se, dof in designs:
            t = d / se if se > 0 else math.copysign(math.inf, d)
            rows.append(
                {
                    "rho": float(r),
                    "method": method,
                    "difference": d,
                    "sd": sd,
                    "se": se,
                    "statistic": t,
                    "dof": float(dof),
                    "p": float(2 * stats.t.sf(abs(t), dof)),
                    "n_hcm": sizes[0],
                    "n_cm": sizes[1],
                    "evidence": EVIDENCE,
                }
            )
    return pd.DataFrame(rows)


def between_arm_curves(
    *,
    diff0: float,
    followup: Mapping[int, float],
    sd0: Sequence[float],
    n: Sequence[int] = SIZES,
    rho: Sequence[float] = tuple(np.round(np.linspace(0, 0.99, 100), 4)),
) -> pd.DataFrame:
    """:func:`between_arm_by_rho` for several follow-up visits, follow-up SD = baseline SD.

    Parameters
    ----------
    diff0 : float
        HCM minus CM mean at baseline.
    followup : mapping of int to float
        Month → HCM minus CM mean at that visit.
    sd0 : sequence of two floats
        Baseline SDs (HCM, CM), also used at follow-up.
    n : sequence of two ints, default (51, 46)
        Group sizes.
    rho : sequence of float, default 100 values from 0 to 0.99
        Correlations.

    Returns
    -------
    DataFrame
        The columns of :func:`between_arm_by_rho` plus ``month``.

    Examples
    --------
    >>> c = between_arm_curves(diff0=0.046, followup={6: 0.0545}, sd0=(0.123, 0.107),
    ...                        rho=[0.9])
    >>> c[["month", "method", "p"]].round(3)
       month     method      p
    0      6  follow-up  0.023
    1      6     change  0.421
    2      6     ancova  0.216
    """
    parts = [
        between_arm_by_rho(diff0=diff0, diff1=d, sd0=sd0, sd1=sd0, n=n, rho=rho).assign(month=m)
        for m, d in followup.items()
    ]
    return pd.concat(parts, ignore_index=True)


def p_at_rho(curves: pd.DataFrame, *, rho: float) -> pd.DataFrame:
    """The rows of :func:`between_arm_curves` at the grid point nearest ``rho``.

    Parameters
    ----------
    curves : DataFrame
        Output of :func:`between_arm_curves` (columns ``month``, ``method``, ``rho``, ``p``).
    rho : float
        The correlation wanted, in [0, 1).

    Returns
    -------
    DataFrame
        One row per month and method, the columns of ``curves``, at the single grid value
        of ρ nearest ``rho``.

    Examples
    --------
    >>> c = between_arm_curves(diff0=0.046, followup={6: 0.0545}, sd0=(0.123, 0.107),
    ...                        rho=[0.5, 0.9])
    >>> p_at_rho(c, rho=0.88)["rho"].unique().tolist()
    [0.9]
    """
    require_columns(curves, ["month", "method", "rho", "p"], name="curves")
    if not 0 <= rho < 1:
        raise ValueError(f"rho must be in [0, 1), got {rho!r}")
    grid = curves["rho"].to_numpy()
    nearest = grid[np.abs(grid - rho).argmin()]
    return curves[curves["rho"] == nearest].reset_index(drop=True)


def significance_crossings(curves: pd.DataFrame, *, alpha: float = 0.05) -> pd.DataFrame:
    """The ρ at which each curve of :func:`between_arm_curves` crosses the significance level.

    Parameters
    ----------
    curves : DataFrame
        Output of :func:`between_arm_curves` (columns ``month``, ``method``, ``rho``, ``p``).
    alpha : float, default 0.05
        The significance level.

    Returns
    -------
    DataFrame
        One row per crossing: ``month, method, rho`` (interpolated linearly in ρ between
        the two grid points on either side) and ``significant_below`` (True when p is
        below ``alpha`` for ρ just under the crossing, False when just above), sorted by
        month, method and ρ. A curve that never crosses has no row.

    Raises
    ------
    KeyError
        If a column is missing.
    ValueError
        If ``alpha`` is not in (0, 1).

    Examples
    --------
    >>> c = pd.DataFrame({"month": 6, "method": "ancova", "rho": [0.1, 0.2, 0.3],
    ...                   "p": [0.04, 0.06, 0.07]})
    >>> significance_crossings(c)
       month  method  rho  significant_below
    0      6  ancova  0.15               True
    """
    require_columns(curves, ["month", "method", "rho", "p"], name="curves")
    if not 0.0 < alpha < 1.0:
        raise ValueError(f"alpha must lie in (0, 1), got {alpha!r}")
    rows = []
    for (month, method), curve in curves.sort_values("rho").groupby(["month", "method"]):
        rho, gap = curve["rho"].to_numpy(), curve["p"].to_numpy() - alpha
        for i in np.flatnonzero(np.sign(gap[:-1]) * np.sign(gap[1:]) < 0):
            at = rho[i] + gap[i] * (rho[i + 1] - rho[i]) / (gap[i] - gap[i + 1])
            rows.append((month, method, float(at), bool(gap[i] < 0)))
    return pd.DataFrame(rows, columns=["month", "method", "rho", "significant_below"])
