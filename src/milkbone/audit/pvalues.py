"""p-values from printed statistics, and printed significance against p and CIs.

A printed p is checked against the statistic it comes from (a t on its dof, a
normal z), against a comparator printed in the text ("p < 0.0001"), or against a
printed confidence interval (a 95% CI excludes the null iff p < 0.05). Rounding is
propagated: a p is compared as an interval, never as a point.
"""

from __future__ import annotations

import pandas as pd
from scipy import stats

from milkbone.audit.intervals import (
    Interval,
    _as_interval,
    _as_value,
    _check_dof,
    _check_probability,
    _decimal,
    printed_interval,
)
from milkbone.audit.results import _single, _text

__all__ = [
    "check_ci_significance",
    "check_p_from_t",
    "check_p_from_z",
    "check_significance_claim",
    "p_value_t",
    "p_value_z",
]


def p_value_t(t: float, *, dof: float) -> float:
    """Two-sided p-value of a t statistic.

    Parameters
    ----------
    t : float
        The statistic (sign irrelevant).
    dof : float
        Degrees of freedom, > 0.

    Returns
    -------
    float
        ``2 · P(T_dof > |t|)``.

    Raises
    ------
    ValueError
        If ``dof`` is not positive.

    Examples
    --------
    >>> round(p_value_t(-1.93, dof=95), 4)
    0.0566
    """
    dof = _check_dof("dof", dof)
    return float(2.0 * stats.t.sf(abs(t), dof))


def p_value_z(z: float) -> float:
    """Two-sided p-value of a standard normal statistic, ``2 · (1 − Φ(|z|))``.

    Parameters
    ----------
    z : float
        The statistic (sign irrelevant).

    Returns
    -------
    float
        The two-sided p-value.

    Examples
    --------
    >>> round(p_value_z(-1.96), 4)
    0.05
    """
    return float(2.0 * stats.norm.sf(abs(z)))


def _p_range_t(abs_t: Interval, dof: Interval) -> Interval:
    # p is decreasing in |t|, and (for fixed |t| > 0) decreasing in dof: heavier tails.
    return Interval(
        float(2.0 * stats.t.sf(abs_t.high, dof.high)), float(2.0 * stats.t.sf(abs_t.low, dof.low))
    )


def _p_range_z(abs_z: Interval) -> Interval:
    return Interval(float(2.0 * stats.norm.sf(abs_z.high)), float(2.0 * stats.norm.sf(abs_z.low)))


def check_p_from_t(t: str | float, *, dof: float, p: str) -> pd.DataFrame:
    """Does a printed p-value follow from a printed t statistic and its dof?

    Parameters
    ----------
    t : str or float
        The printed t (its rounding is propagated; sign ignored).
    dof : float
        Degrees of freedom (``n1 + n2 − 2`` for a pooled two-sample t test).
    p : str
        The printed two-sided p-value, e.g. ``"0.057"`` or ``"<0.001"``.

    Returns
    -------
    pandas.DataFrame
        One row (:data:`CHECK_COLUMNS`), ``quantity`` ``"p"``: the p range implied by
        the rounding interval of ``|t|``.

    Raises
    ------
    ValueError
        If ``dof`` is not positive or ``p`` is not a probability.

    Notes
    -----
    ``p = 2 · P(T_dof > |t|)``, monotone decreasing in ``|t|``, so the ends of the
    ``|t|`` interval give the p range.

    Examples
    --------
    >>> res = check_p_from_t("−1.93", dof=95, p="0.057")
    >>> round(float(res.loc[0, "recomputed"]), 4), res.loc[0, "verdict"]
    (0.0566, 'consistent')
    """
    dof = _check_dof("dof", dof)
    t_iv = abs(_as_interval(t, name="t"))
    p_iv = printed_interval(p, probability=True)
    rec = _p_range_t(t_iv, Interval.point(dof))
    point = p_value_t(_as_value(t, name="t"), dof=dof)
    return _single(
        "p_from_t", "p", (p, p_iv), (point, rec), method=f"2*scipy.stats.t.sf(|t|, dof={dof:g})"
    )


def check_p_from_z(z: str | float, *, p: str) -> pd.DataFrame:
    """Does a printed p-value follow from a printed z statistic (two-sided normal)?

    Parameters
    ----------
    z : str or float
        The printed z (rounding propagated; sign ignored).
    p : str
        The printed two-sided p-value.

    Returns
    -------
    pandas.DataFrame
        One row (:data:`CHECK_COLUMNS`), ``quantity`` ``"p"``.

    Raises
    ------
    ValueError
        If ``p`` is not a probability.

    Notes
    -----
    ``p = 2 · (1 − Φ(|z|))``.

    Examples
    --------
    >>> check_p_from_z("−0.401", p="0.688").loc[0, "verdict"]
    'consistent'
    >>> check_p_from_z("−4.390", p="0.0001").loc[0, "verdict"]
    'discrepancy'
    """
    z_iv = abs(_as_interval(z, name="z"))
    p_iv = printed_interval(p, probability=True)
    return _single(
        "p_from_z",
        "p",
        (p, p_iv),
        (p_value_z(_as_value(z, name="z")), _p_range_z(z_iv)),
        method="2*scipy.stats.norm.sf(|z|)",
    )


def check_significance_claim(claim: str, p: str | float | Interval) -> pd.DataFrame:
    """Does a printed comparator ("p < 0.0001") agree with a printed or recomputed p?

    Parameters
    ----------
    claim : str
        The claim as printed: ``"p < 0.0001"``, ``"<0.05"``, ``"p = 0.024"``.
    p : str, float or Interval
        The p-value it should describe: printed text (rounding-aware), a recomputed
        number, or a recomputed range.

    Returns
    -------
    pandas.DataFrame
        One row (:data:`CHECK_COLUMNS`), ``quantity`` ``"p"``: consistent when the
        claim's interval and ``p``'s interval intersect.

    Raises
    ------
    ValueError
        If ``claim`` or a printed ``p`` is not a probability.

    Examples
    --------
    Paper §3.3 says "both p < 0.0001" for Table 4, which prints 0.0001 and 0.001.

    >>> check_significance_claim("p < 0.0001", "0.001").loc[0, "verdict"]
    'discrepancy'
    >>> check_significance_claim("p < 0.0001", "0.0001").loc[0, "verdict"]
    'consistent'
    """
    claim_iv = printed_interval(claim, probability=True)
    if isinstance(p, str):
        p_iv = printed_interval(p, probability=True)
        point = float(_decimal(p, name="p"))
    else:
        p_iv = _as_interval(p, name="p")
        _check_probability("p", p_iv.low)
        _check_probability("p", p_iv.high)
        point = (p_iv.low + p_iv.high) / 2
    ok = claim_iv.intersects(p_iv)
    strict = ok and (p_iv.low >= claim_iv.low and p_iv.high <= claim_iv.high)
    note = f"claim {claim} means {claim_iv}; p {_text(p)} means {p_iv}: " + (
        "agree" if strict else ("agree only for some unrounded values" if ok else "no common value")
    )
    return _single(
        "significance_claim",
        "p",
        (claim, claim_iv),
        (point, p_iv),
        note=note,
        method="intersection of p intervals",
    )


def check_ci_significance(
    *,
    low: str | float,
    high: str | float,
    p: str | float,
    null: float = 0.0,
    alpha: float = 0.05,
) -> pd.DataFrame:
    """Does a (1 − alpha) confidence interval agree with the significance claimed?

    Parameters
    ----------
    low, high : str or float
        Printed CI limits.
    p : str or float
        The printed p-value or comparator (``"0.03"``, ``"<0.05"``).
    null : float, default 0.0
        The null value (0 for a difference, 1 for a ratio).
    alpha : float, default 0.05
        The test level matching the CI (0.05 for a 95% CI).

    Returns
    -------
    pandas.DataFrame
        One row (:data:`CHECK_COLUMNS`), ``quantity`` ``"significance"``: a
        discrepancy when the CI surely excludes ``null`` while ``p`` is surely ≥
        ``alpha``, or surely contains it while ``p`` is surely < ``alpha``.

    Raises
    ------
    ValueError
        If ``low > high``, ``alpha`` is not in (0, 1), or ``p`` is not a probability.

    Notes
    -----
    For a test and CI built from the same estimate and SE (Wald), the CI excludes the
    null exactly when ``p < alpha``. Rounding: the CI "surely excludes" the null when
    both limits' rounding intervals lie on one side of it.

    Examples
    --------
    >>> check_ci_significance(low="0.5", high="3.5", p="0.20").loc[0, "verdict"]
    'discrepancy'
    >>> check_ci_significance(low="0.5", high="3.5", p="0.003").loc[0, "verdict"]
    'consistent'
    """
    if not 0.0 < alpha < 1.0:
        raise ValueError(f"alpha must lie in (0, 1), got {alpha!r}")
    lo, hi = _as_interval(low, name="low"), _as_interval(high, name="high")
    if _as_value(low, name="low") > _as_value(high, name="high"):
        raise ValueError(f"low must not exceed high, got low={low!r}, high={high!r}")
    p_iv = (
        printed_interval(p, probability=True)
        if isinstance(p, str)
        else Interval.point(_check_probability("p", float(p)))
    )
    surely_excludes = lo.low > null or hi.high < null
    surely_contains = lo.high <= null <= hi.low
    surely_sig = p_iv.high < alpha or (p_iv.high == alpha and not p_iv.closed_high)
    surely_not = p_iv.low >= alpha
    bad = (surely_excludes and surely_not) or (surely_contains and surely_sig)
    ci = "excludes" if surely_excludes else ("contains" if surely_contains else "may contain")
    sig = "p < alpha" if surely_sig else ("p >= alpha" if surely_not else "p near alpha")
    return _single(
        "ci_significance",
        "significance",
        (_text(p), p_iv),
        (float(surely_excludes), None),
        note=f"CI [{_text(low)}, {_text(high)}] {ci} {null:g}; {sig} (alpha={alpha:g})",
        method=f"{100 * (1 - alpha):g}% CI excludes null iff p < {alpha:g}",
        verdict="discrepancy" if bad else "consistent",
    )
