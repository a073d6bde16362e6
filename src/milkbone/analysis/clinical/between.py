"""HCM versus CM at one or more visits: t-test or Mann–Whitney U (paper §2.5)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
import pingouin as pg

from milkbone.analysis.clinical._checks import (
    check_alpha,
    check_choice,
    check_evidence,
    check_long,
    measure_list,
    month_list,
    too_few,
)

__all__ = ["compare_groups"]

_T_LABEL = "pingouin.ttest(paired=False, correction={welch}, alternative='two-sided')"
_MWU_LABEL = "pingouin.mwu(alternative='two-sided', method='asymptotic', use_continuity=True)"


def compare_groups(
    data: pd.DataFrame,
    *,
    month: int | Sequence[int] | None = None,
    measures: Sequence[str] | str | None = None,
    test: str = "auto",
    welch: bool = False,
    alpha: float = 0.05,
    evidence: str = "simulated",
) -> pd.DataFrame:
    """HCM versus CM per measure and visit: t-test or Mann–Whitney U (paper §2.5).

    Parameters
    ----------
    data : pandas.DataFrame
        Long participant frame.
    month : {0, 6, 12} or sequence of them, optional
        The visit or visits compared; default every visit with data, ascending.
    measures : str or sequence of str, optional
        Measures to compare; default all observed at each visit.
    test : {"auto", "t", "mann_whitney"}, default "auto"
        ``"auto"``: the t-test when both groups pass Shapiro–Wilk at ``alpha``,
        Mann–Whitney U otherwise (the paper's rule); or force one test.
    welch : bool, default False
        Use Welch's unequal-variance t-test instead of Student's (Jamovi's default).
    alpha : float, default 0.05
        Level of the normality screen in ``"auto"``.
    evidence : str, default "simulated"
        Evidence level written to ``evidence``.

    Returns
    -------
    pandas.DataFrame
        One row per visit × measure (visits in the order given, measures within
        each), columns ``measure, month, n, n_hcm, n_cm, mean_hcm, mean_cm, test,
        statistic, dof, p, method, evidence``. ``test`` is ``"t"``, ``"welch"`` or
        ``"mann_whitney"``; ``statistic`` is t of HCM − CM, or U of HCM; ``dof`` is
        NaN for Mann–Whitney.

    Raises
    ------
    KeyError
        If ``data`` lacks a column.
    ValueError
        Invalid input, unknown ``month``/``test``/measure, a visit without data, or
        fewer than 3 values in a group (4 with ``test="auto"``, whose Shapiro–Wilk
        screen needs them).

    See Also
    --------
    normality : the screen used by ``test="auto"``.
    ancova : the baseline-adjusted comparison of a randomised trial.

    Notes
    -----
    Student: ``t = (x̄_HCM − x̄_CM) / (s_p sqrt(1/n_HCM + 1/n_CM))`` on
    ``n_HCM + n_CM − 2`` dof. Mann–Whitney: ``U_HCM = R_HCM − n_HCM(n_HCM + 1)/2``,
    normal approximation with tie and continuity corrections — what R's
    ``wilcox.test`` (used by Jamovi) does for samples of 50 or more or with ties.
    Jamovi orders levels alphabetically, so the paper's t values (Table 2) are
    CM − HCM: flip the sign to compare. The paper's U values are all at most
    ``n_HCM n_CM / 2``, so they read as ``min(U_HCM, n_HCM n_CM − U_HCM)``.
    Each visit is tested on its own, as the paper does; nothing is adjusted for the
    number of visits or measures.

    Examples
    --------
    >>> data = pd.DataFrame({
    ...     "participant": list("abcdefgh"), "group": ["HCM"] * 4 + ["CM"] * 4,
    ...     "month": 6, "measure": "ohd_25",
    ...     "value": [24.0, 25.5, 22.7, 26.1, 18.0, 19.0, 17.0, 18.2]})
    >>> res = compare_groups(data, month=6)
    >>> res[["measure", "n", "test", "statistic", "dof", "p"]].round(4)
      measure  n test  statistic  dof       p
    0  ohd_25  8    t     7.5105  6.0  0.0003
    """
    frame = check_long(data)
    check_evidence(evidence)
    month_list("month", month)
    check_choice("test", test, ("auto", "t", "mann_whitney"))
    check_alpha(alpha)
    rows = []
    for visit in month_list("month", month, frame):
        at = frame.loc[frame["month"] == visit]
        for measure in measure_list(at, measures):
            sub = at.loc[at["measure"] == measure]
            rows.append(_compare(sub, measure, visit, test=test, welch=welch, alpha=alpha))
    out = pd.DataFrame(rows)
    return out.assign(evidence=evidence)


def _compare(
    sub: pd.DataFrame, measure: str, month: int, *, test: str, welch: bool, alpha: float
) -> dict[str, object]:
    """One row of :func:`compare_groups`: one measure at one visit."""
    x = sub.loc[sub["group"] == "HCM", "value"].to_numpy()
    y = sub.loc[sub["group"] == "CM", "value"].to_numpy()
    fewest = 4 if test == "auto" else 3  # Shapiro–Wilk (pingouin) needs more than three
    for group, values in (("HCM", x), ("CM", y)):
        if len(values) < fewest:
            what = f"{measure} in {group} at month {month}"
            if test == "auto":
                what += " (the normality screen of test='auto')"
            raise too_few(what, len(values), fewest)
    chosen = test
    if test == "auto":
        normal = all(
            pg.normality(v, method="shapiro", alpha=alpha)["pval"].iloc[0] > alpha for v in (x, y)
        )
        chosen = "t" if normal else "mann_whitney"
    if chosen == "t":
        res = pg.ttest(x, y, paired=False, correction=welch, alternative="two-sided")
        statistic, dof = float(res["T"].iloc[0]), float(res["dof"].iloc[0])
        p, name, label = float(res["p_val"].iloc[0]), "welch" if welch else "t", _T_LABEL
    else:
        res = pg.mwu(x, y, alternative="two-sided", method="asymptotic", use_continuity=True)
        statistic, dof = float(res["U_val"].iloc[0]), np.nan
        p, name, label = float(res["p_val"].iloc[0]), "mann_whitney", _MWU_LABEL
    return {
        "measure": measure,
        "month": int(month),
        "n": len(x) + len(y),
        "n_hcm": len(x),
        "n_cm": len(y),
        "mean_hcm": float(np.mean(x)),
        "mean_cm": float(np.mean(y)),
        "test": name,
        "statistic": statistic,
        "dof": dof,
        "p": p,
        "method": label.format(welch=welch)
        + (f"; chosen by Shapiro–Wilk at alpha={alpha}" if test == "auto" else ""),
    }
