"""Descriptive statistics per measure, arm and visit: mean ± SD and normality (paper §2.5).

Both functions take the long participant frame ``participant, group, month, measure,
value`` and return one row per measure × group × month, HCM first.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
import pingouin as pg

from milkbone.analysis.clinical._checks import (
    cells,
    check_alpha,
    check_choice,
    check_evidence,
    check_long,
    too_few,
)

__all__ = ["describe", "normality"]


def describe(
    data: pd.DataFrame,
    *,
    measures: Sequence[str] | str | None = None,
    evidence: str = "simulated",
) -> pd.DataFrame:
    """Mean ± SD and n per measure, group and visit (the shape of Tables 2 and 3).

    Parameters
    ----------
    data : pandas.DataFrame
        Long participant frame ``participant, group, month, measure, value``.
    measures : str or sequence of str, optional
        Measures to describe, in this order; default all, in order of first appearance.
    evidence : str, default "simulated"
        Evidence level written to the ``evidence`` column (``milkbone.EVIDENCE_LEVELS``).

    Returns
    -------
    pandas.DataFrame
        One row per measure × group × month with columns

        - ``measure``, ``group``, ``month``;
        - ``n``: non-missing values;
        - ``mean``; ``sd``: sample SD (ddof = 1), NaN when n < 2;
        - ``method``, ``evidence``.

    Raises
    ------
    KeyError
        If ``data`` lacks a column.
    ValueError
        Unknown group or month, non-numeric value, a participant-month-measure twice, a
        participant in both groups, an unknown measure or evidence level.

    See Also
    --------
    compare_groups : the between-group test printed next to these summaries.

    Notes
    -----
    ``mean = Σx/n``, ``sd = sqrt(Σ(x − mean)²/(n − 1))``, as the paper's "mean ±
    standard deviation" (§2.5; Tables 2 and 3). Groups absent from ``data`` give no row.

    Examples
    --------
    >>> data = pd.DataFrame({
    ...     "participant": ["a", "b", "c", "d"] * 2,
    ...     "group": ["HCM", "HCM", "CM", "CM"] * 2,
    ...     "month": [0] * 4 + [6] * 4,
    ...     "measure": "ohd_25",
    ...     "value": [15.0, 17.0, 14.0, 16.5, 24.0, 25.5, 18.0, 19.0]})
    >>> describe(data)[["group", "month", "n", "mean", "sd"]].round(3)
      group  month  n   mean     sd
    0   HCM      0  2  16.00  1.414
    1   HCM      6  2  24.75  1.061
    2    CM      0  2  15.25  1.768
    3    CM      6  2  18.50  0.707
    """
    frame = check_long(data)
    check_evidence(evidence)
    rows = [
        (
            measure,
            group,
            month,
            len(values),
            float(values.mean()),
            float(values.std(ddof=1)) if len(values) > 1 else np.nan,
        )
        for measure, group, month, values in cells(frame, measures)
    ]
    out = pd.DataFrame(rows, columns=["measure", "group", "month", "n", "mean", "sd"])
    return out.assign(method="mean, sd (ddof=1)", evidence=evidence)


_NORMALITY = {
    "shapiro": ("pingouin.normality(method='shapiro')", 3),
    "normaltest": ("pingouin.normality(method='normaltest')", 8),
}


def normality(
    data: pd.DataFrame,
    *,
    measures: Sequence[str] | str | None = None,
    method: str = "shapiro",
    alpha: float = 0.05,
    evidence: str = "simulated",
) -> pd.DataFrame:
    """Normality test per measure, group and visit.

    Parameters
    ----------
    data : pandas.DataFrame
        Long participant frame.
    measures : str or sequence of str, optional
        Measures to test; default all.
    method : {"shapiro", "normaltest"}, default "shapiro"
        Shapiro–Wilk (Jamovi's default), or D'Agostino–Pearson K² (``normaltest``).
    alpha : float, default 0.05
        Level below which ``normal`` is False.
    evidence : str, default "simulated"
        Evidence level written to ``evidence``.

    Returns
    -------
    pandas.DataFrame
        Columns ``measure, group, month, n, statistic, p, normal, method, evidence``:
        ``statistic`` is W (Shapiro–Wilk) or K² (normaltest), ``normal`` is ``p > alpha``.

    Raises
    ------
    KeyError
        If ``data`` lacks a column.
    ValueError
        Invalid input (see :func:`describe`), unknown ``method``, ``alpha`` outside
        (0, 1), or a cell with fewer than 3 (shapiro) or 8 (normaltest) values.

    See Also
    --------
    compare_groups : uses this test to choose between t and Mann–Whitney.

    Notes
    -----
    The paper (§2.5) says normality was "assessed … using the chi-square test". Jamovi
    offers Shapiro–Wilk; the closest reading of "chi-square" is the D'Agostino–Pearson
    omnibus test, ``K² = Z(skewness)² + Z(kurtosis)²``, which is χ²-distributed with
    2 dof under normality (``method="normaltest"``). Both come from
    ``pingouin.normality`` (scipy.stats.shapiro / normaltest).

    Examples
    --------
    >>> data = pd.DataFrame({
    ...     "participant": list("abcdefgh"), "group": ["HCM"] * 4 + ["CM"] * 4,
    ...     "month": 0, "measure": "ast",
    ...     "value": [18.0, 21.5, 19.2, 25.0, 22.1, 20.4, 30.2, 23.3]})
    >>> normality(data)[["group", "n", "statistic", "p", "normal"]].round(3)
      group  n  statistic      p  normal
    0   HCM  4      0.947  0.700    True
    1    CM  4      0.867  0.284    True
    """
    frame = check_long(data)
    check_evidence(evidence)
    check_choice("method", method, tuple(_NORMALITY))
    check_alpha(alpha)
    label, minimum = _NORMALITY[method]
    rows = []
    for measure, group, month, values in cells(frame, measures):
        if len(values) < minimum:
            raise too_few(f"{method} in {measure}, {group}, month {month}", len(values), minimum)
        res = pg.normality(values.to_numpy(), method=method, alpha=alpha)
        rows.append(
            (
                measure,
                group,
                month,
                len(values),
                float(res["W"].iloc[0]),
                float(res["pval"].iloc[0]),
            )
        )
    out = pd.DataFrame(rows, columns=["measure", "group", "month", "n", "statistic", "p"])
    out["normal"] = out["p"] > alpha
    return out.assign(method=f"{label}, alpha={alpha}", evidence=evidence)
