"""Two-sample t tests from printed means, SDs and group sizes: Student and Welch.

:func:`t_tests_from_stats` is the arithmetic at exact inputs; :func:`check_t_test`
asks whether a printed t and/or p can follow from the printed summaries once every
input ranges over its rounding interval, and which test (Student or Welch) does.
"""

from __future__ import annotations

import math

import pandas as pd
from scipy import stats

from milkbone.audit.intervals import (
    Interval,
    _as_interval,
    _as_value,
    _check_n,
    _check_sd_interval,
    _sd_interval,
    corner_range,
    printed_interval,
)
from milkbone.audit.pvalues import _p_range_t
from milkbone.audit.results import _EVIDENCE, _frame, _row, _sign_note

__all__ = ["check_t_test", "t_tests_from_stats", "welch_dof", "welch_dof_range"]


def welch_dof(sd1: float, sd2: float, *, n1: int, n2: int) -> float:
    """Welch–Satterthwaite degrees of freedom of a two-sample t test.

    Parameters
    ----------
    sd1, sd2 : float
        Sample SDs of groups 1 and 2 (>= 0).
    n1, n2 : int
        Group sizes (>= 2).

    Returns
    -------
    float
        ``(a + b)² / (a²/(n1 − 1) + b²/(n2 − 1))`` with ``a = sd1²/n1``, ``b = sd2²/n2``;
        NaN when both SDs are zero.

    Raises
    ------
    ValueError
        If ``sd1`` or ``sd2`` is negative, or ``n1`` or ``n2`` is not an integer >= 2.

    Notes
    -----
    Welch (1947), *Biometrika* 34:28; the dof ``scipy.stats.ttest_ind(equal_var=False)``
    uses. It lies between ``min(n1, n2) − 1`` and ``n1 + n2 − 2``.

    Examples
    --------
    Paper Table 2, L1–4 BMD: SDs 0.123 and 0.107 with n = 51 and 46.

    >>> round(welch_dof(0.123, 0.107, n1=51, n2=46), 3)
    94.884
    """
    n1, n2 = _check_n("n1", n1), _check_n("n2", n2)
    for name, sd in (("sd1", sd1), ("sd2", sd2)):
        _check_sd_interval(name, Interval.point(sd))
    a, b = sd1**2 / n1, sd2**2 / n2
    if a + b == 0:
        return math.nan
    return (a + b) ** 2 / (a**2 / (n1 - 1) + b**2 / (n2 - 1))


def _t_stat(m1, s1, m2, s2, n1, n2, *, pooled: bool) -> float:
    if pooled:
        sp2 = ((n1 - 1) * s1**2 + (n2 - 1) * s2**2) / (n1 + n2 - 2)
        se = math.sqrt(sp2 * (1 / n1 + 1 / n2))
    else:
        se = math.sqrt(s1**2 / n1 + s2**2 / n2)
    d = m1 - m2
    if se == 0:
        return math.nan if d == 0 else math.copysign(math.inf, d)
    return d / se


def t_tests_from_stats(
    *, mean1: float, sd1: float, n1: int, mean2: float, sd2: float, n2: int
) -> pd.DataFrame:
    """Student (pooled) and Welch two-sample t tests from group means, SDs and sizes.

    Parameters
    ----------
    mean1, sd1, n1 : float, float, int
        Group 1 (HCM in the paper) mean, sample SD and size (``n1 >= 2``).
    mean2, sd2, n2 : float, float, int
        Group 2 (CM).

    Returns
    -------
    pandas.DataFrame
        Two rows, ``variant`` ``"student"`` then ``"welch"``, columns
        ``variant, statistic, dof, p, n1, n2, note, method, evidence``: ``statistic`` is
        ``t`` for group 1 minus group 2, ``p`` two-sided; ``note`` is empty unless the
        test is undefined.

    Raises
    ------
    ValueError
        If an SD is negative or an ``n`` is not an integer >= 2.

    Notes
    -----
    Student: ``t = (m1 − m2) / (s_p √(1/n1 + 1/n2))``, ``s_p² = ((n1−1)s1² + (n2−1)s2²)
    / (n1+n2−2)``, ``dof = n1 + n2 − 2``. Welch: ``t = (m1 − m2)/√(s1²/n1 + s2²/n2)`` with
    Welch–Satterthwaite ``dof``. The arithmetic is ``scipy.stats.ttest_ind_from_stats``.
    When both SDs are zero ``t`` is undefined (NaN, equal means) or infinite (p = 0),
    which ``note`` says instead of failing.

    Examples
    --------
    >>> t_tests_from_stats(mean1=0.981, sd1=0.123, n1=51, mean2=0.935, sd2=0.107, n2=46)[
    ...     ["variant", "statistic", "dof", "p"]].round(3)
       variant  statistic     dof      p
    0  student      1.955  95.000  0.053
    1    welch      1.969  94.884  0.052
    """
    n1, n2 = _check_n("n1", n1), _check_n("n2", n2)
    for name, sd in (("sd1", sd1), ("sd2", sd2)):
        _check_sd_interval(name, _as_interval(sd, name=name))
    rows = []
    for variant, equal_var in (("student", True), ("welch", False)):
        dof = (n1 + n2 - 2) if equal_var else welch_dof(sd1, sd2, n1=n1, n2=n2)
        method = f"scipy.stats.ttest_ind_from_stats(equal_var={equal_var})"
        if sd1 == 0 and sd2 == 0:
            t = _t_stat(mean1, sd1, mean2, sd2, n1, n2, pooled=equal_var)
            p = math.nan if math.isnan(t) else 0.0
            note = (
                "t undefined: both SDs are zero and the means are equal"
                if math.isnan(t)
                else "t infinite: both SDs are zero and the means differ"
            )
            dof = n1 + n2 - 2 if equal_var else math.nan
        else:
            res = stats.ttest_ind_from_stats(mean1, sd1, n1, mean2, sd2, n2, equal_var=equal_var)
            t, p, note = float(res.statistic), float(res.pvalue), ""
        rows.append(
            {
                "variant": variant,
                "statistic": t,
                "dof": float(dof),
                "p": p,
                "n1": n1,
                "n2": n2,
                "note": note,
                "method": method,
                "evidence": _EVIDENCE,
            }
        )
    return pd.DataFrame(rows)


def welch_dof_range(sd1: Interval, sd2: Interval, *, n1: int, n2: int) -> Interval:
    """Exact range of the Welch–Satterthwaite dof (:func:`welch_dof`) over a box of SDs.

    Parameters
    ----------
    sd1, sd2 : Interval
        The SDs' ranges (rounding intervals of printed SDs, ends >= 0).
    n1, n2 : int
        Group sizes (>= 2).

    Returns
    -------
    Interval
        The smallest and largest dof over the box.

    Raises
    ------
    ValueError
        If an SD interval reaches below 0 or an ``n`` is not an integer >= 2.

    Notes
    -----
    With ``r = (s1²/n1)/(s2²/n2)``, ``dof(r) = (r+1)² / (r²/(n1−1) + 1/(n2−1))``,
    increasing up to ``r* = (n1−1)/(n2−1)`` and decreasing after it: the ends come
    from the ends of the ratio's range, and the top is ``n1 + n2 − 2`` when ``r*``
    lies inside it.

    Examples
    --------
    Paper Table 2, L1–4 BMD: SDs printed 0.123 and 0.107 with n = 51 and 46.

    >>> rng = welch_dof_range(printed_interval("0.123"), printed_interval("0.107"),
    ...                       n1=51, n2=46)
    >>> round(rng.low, 2), round(rng.high, 2)
    (94.82, 94.93)
    """
    n1, n2 = _check_n("n1", n1), _check_n("n2", n2)
    for name, sd in (("sd1", sd1), ("sd2", sd2)):
        _check_sd_interval(name, sd)

    def dof_of(r: float) -> float:
        if math.isinf(r):
            return float(n1 - 1)
        return (r + 1) ** 2 / (r**2 / (n1 - 1) + 1 / (n2 - 1))

    a_lo, a_hi = sd1.low**2 / n1, sd1.high**2 / n1
    b_lo, b_hi = sd2.low**2 / n2, sd2.high**2 / n2
    if a_hi == 0 and b_hi == 0:
        return Interval(float(min(n1, n2) - 1), float(n1 + n2 - 2))
    r_lo = a_lo / b_hi if b_hi > 0 else math.inf
    r_hi = a_hi / b_lo if b_lo > 0 else math.inf
    if a_lo == 0 and b_lo == 0:  # the ratio can take any value
        r_lo, r_hi = 0.0, math.inf
    ends = [dof_of(r_lo), dof_of(r_hi)]
    r_star = (n1 - 1) / (n2 - 1)
    top = float(n1 + n2 - 2) if r_lo <= r_star <= r_hi else max(ends)
    return Interval(float(min(ends)), top)


def check_t_test(
    *,
    mean1: str | float,
    sd1: str | float,
    n1: int,
    mean2: str | float,
    sd2: str | float,
    n2: int,
    t: str | None = None,
    p: str | None = None,
) -> pd.DataFrame:
    """Do a printed t and/or p follow from the printed means, SDs and ns? Which t test?

    Parameters
    ----------
    mean1, sd1 : str or float
        Group 1 mean and SD as printed (text: rounding-aware; number: exact).
    n1 : int
        Group 1 size (>= 2).
    mean2, sd2, n2
        Group 2 likewise.
    t : str, optional
        The printed t statistic (sign convention unknown: compared as ``|t|``).
    p : str, optional
        The printed two-sided p-value (``"0.057"``, ``"<0.001"``).

    Returns
    -------
    pandas.DataFrame
        :data:`CHECK_COLUMNS`, one row per variant (``"student"``, ``"welch"``) and
        printed quantity (``"|t|"``, ``"p"``). ``recomputed`` is the value at the printed
        inputs; ``recomputed_low``/``recomputed_high`` the range over the inputs'
        rounding box. Pass it to :func:`matching_variants` to see which test matches.

    Raises
    ------
    ValueError
        If neither ``t`` nor ``p`` is given, an SD is negative, an ``n`` is not an
        integer >= 2, or ``p`` is not a probability.

    Notes
    -----
    Each mean and SD ranges over ``x ± ½·10⁻ᵈ`` (``d`` its printed decimals). ``t`` is
    monotone in each input with the others fixed (increasing in ``m1``, decreasing in
    ``m2``, and in each SD with the direction of ``−sign(m1 − m2)``), so its range is
    attained at the 16 corners of the box (:func:`corner_range`). ``|t|`` is the
    absolute value of that range (``[0, ·]`` if it straddles 0). For Student the dof is
    fixed and ``p`` is monotone in ``|t|``: the p range is exact. For Welch the dof
    also varies; its exact range is found from the variance ratio (the
    Welch–Satterthwaite dof is unimodal in it) and ``p`` is bounded by combining the
    ends of the ``|t|`` and dof ranges, as ``p`` decreases in both: a slightly wide,
    never narrow, range. Formulas as in :func:`t_tests_from_stats`.

    Examples
    --------
    Paper Table 2, right hip BMD: 0.861 ± 0.080 vs 0.849 ± 0.101, printed t −0.76.

    >>> res = check_t_test(mean1="0.861", sd1="0.080", n1=51,
    ...                    mean2="0.849", sd2="0.101", n2=46, t="−0.76", p="0.450")
    >>> res[["variant", "quantity", "recomputed_low", "recomputed_high", "verdict"]].round(3)
       variant quantity  recomputed_low  recomputed_high      verdict
    0  student      |t|           0.594            0.710  discrepancy
    1  student        p           0.480            0.554  discrepancy
    2    welch      |t|           0.587            0.701  discrepancy
    3    welch        p           0.485            0.559  discrepancy
    """
    if t is None and p is None:
        raise ValueError("check_t_test needs the printed t, the printed p, or both; got neither")
    n1, n2 = _check_n("n1", n1), _check_n("n2", n2)
    m1, m2 = _as_interval(mean1, name="mean1"), _as_interval(mean2, name="mean2")
    s1, s2 = _sd_interval("sd1", sd1), _sd_interval("sd2", sd2)
    t_iv = None if t is None else printed_interval(t, floor=-math.inf)
    p_iv = None if p is None else printed_interval(p, probability=True)
    point = t_tests_from_stats(
        mean1=_as_value(mean1, name="mean1"),
        sd1=_as_value(sd1, name="sd1"),
        n1=n1,
        mean2=_as_value(mean2, name="mean2"),
        sd2=_as_value(sd2, name="sd2"),
        n2=n2,
    ).set_index("variant")
    rows = []
    for variant, pooled in (("student", True), ("welch", False)):
        method = (
            f"scipy.stats.ttest_ind_from_stats(equal_var={pooled}); "
            "range over the corners of the inputs' rounding box"
        )
        try:
            t_range = corner_range(
                lambda a, b, c, d, pooled=pooled: _t_stat(a, b, c, d, n1, n2, pooled=pooled),
                [m1, s1, m2, s2],
            )
        except ValueError:
            t_range = None
        dof_range = Interval.point(n1 + n2 - 2) if pooled else welch_dof_range(s1, s2, n1=n1, n2=n2)
        t_point = float(point.loc[variant, "statistic"])
        p_point = float(point.loc[variant, "p"])
        wanted = []  # (quantity, printed, its interval, recomputed value and range)
        if t is not None and t_iv is not None:
            t_value = abs(t_point) if not math.isnan(t_point) else math.nan
            t_rec = abs(t_range) if t_range is not None else None
            wanted.append(("|t|", t, abs(t_iv), t_value, t_rec))
        if p is not None and p_iv is not None:
            p_rec = _p_range_t(abs(t_range), dof_range) if t_range is not None else None
            wanted.append(("p", p, p_iv, p_point, p_rec))
        for quantity, printed, printed_iv, value, rec in wanted:
            undefined = (
                f"{quantity.strip('|')} undefined: both SDs are zero and the means are equal"
            )
            row = _row(
                check="t_test",
                quantity=quantity,
                variant=variant,
                printed=printed,
                printed_iv=printed_iv,
                recomputed=value if rec is not None else math.nan,
                recomputed_iv=rec,
                note="" if rec is not None else undefined,
                method=method,
            )
            if quantity == "|t|" and t_range is not None and t_iv is not None:
                row["note"] += "; " + _sign_note(t_iv, t_range)
            rows.append(row)
    return _frame(rows)
