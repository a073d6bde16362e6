"""Within-arm percent change of the means between two visits, with its paired test."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
import pingouin as pg

from milkbone.analysis.clinical._checks import (
    by_participant,
    check_choice,
    check_evidence,
    check_long,
    check_month,
    check_other_month,
    measure_list,
    too_few,
)
from milkbone.vocabulary import GROUPS

__all__ = ["percent_change"]

_PAIRED = {
    "paired_t": "pingouin.ttest(paired=True, alternative='two-sided') of to − from",
    "wilcoxon": "pingouin.wilcoxon(alternative='two-sided', method='auto') of to − from",
}


def percent_change(
    data: pd.DataFrame,
    *,
    measures: Sequence[str] | str | None = None,
    from_month: int = 0,
    to_month: int = 6,
    test: str = "paired_t",
    evidence: str = "simulated",
) -> pd.DataFrame:
    """Within-arm percent change of the means between two visits, with its paired test.

    Parameters
    ----------
    data : pandas.DataFrame
        Long participant frame.
    measures : str or sequence of str, optional
        Measure slugs; default every measure, in order of first appearance.
    from_month, to_month : {0, 6, 12}
        The two visits; ``from_month`` is the reference.
    test : {"paired_t", "wilcoxon"}, default "paired_t"
        The paired test of the change (the paper uses Wilcoxon for non-normal data).
    evidence : str, default "simulated"
        Evidence level written to ``evidence``.

    Returns
    -------
    pandas.DataFrame
        One row per measure × arm (HCM first), columns ``measure, group,
        from_month, to_month, n, mean_from, mean_to, percent_change, test,
        statistic, dof, p, method, evidence``. ``n`` counts participants with both
        visits, over whom the means are taken; ``statistic`` is t of to − from or
        Wilcoxon's W (the smaller signed-rank sum); ``dof`` is NaN for Wilcoxon.

    Raises
    ------
    KeyError
        If ``data`` lacks a column.
    ValueError
        Invalid input, unknown measure, months or ``test``, equal months, or fewer than
        3 participants with both visits in an arm.

    See Also
    --------
    tukey_within : all pairs of visits with a multiplicity correction.

    Notes
    -----
    ``percent_change = (mean_to − mean_from) / mean_from × 100``, the change of the
    means as the paper reports it (§3.2–3.3: "increased by 2.3%"), not the mean of the
    individual percent changes. With complete data the means equal the table's.

    Examples
    --------
    >>> data = pd.DataFrame({
    ...     "participant": np.repeat(list("abcdef"), 2),
    ...     "group": np.repeat(["HCM", "CM"], 6), "month": [0, 6] * 6,
    ...     "measure": "ohd_25",
    ...     "value": [15.0, 24.0, 17.0, 25.5, 14.2, 22.0, 14.0, 18.0, 16.5, 19.0, 15.1, 17.4]})
    >>> res = percent_change(data, measures="ohd_25")
    >>> res[["group", "n", "mean_from", "mean_to", "percent_change", "p"]].round(3)
      group  n  mean_from  mean_to  percent_change      p
    0   HCM  3       15.4   23.833          54.762  0.002
    1    CM  3       15.2   18.133          19.298  0.032
    """
    frame = check_long(data)
    check_evidence(evidence)
    check_choice("test", test, tuple(_PAIRED))
    check_month("from_month", from_month)
    check_month("to_month", to_month)
    check_other_month("to_month", to_month, "from_month", from_month)
    visits = [int(from_month), int(to_month)]
    rows = []
    for measure in measure_list(frame, measures):
        sub = frame.loc[frame["measure"] == measure]
        for group in GROUPS:
            table, _ = by_participant(sub.loc[sub["group"] == group], visits)
            if len(table) < 3:
                where = f"{measure} in {group} at months {from_month} and {to_month}"
                raise too_few(where, len(table), 3)
            row = _paired(table[from_month].to_numpy(), table[to_month].to_numpy(), test)
            visit = {"from_month": visits[0], "to_month": visits[1]}
            rows.append({"measure": measure, "group": group} | visit | row)
    return pd.DataFrame(rows).assign(method=_PAIRED[test], evidence=evidence)


def _paired(before: np.ndarray, after: np.ndarray, test: str) -> dict[str, object]:
    """``n``, the two means, the percent change and the paired test of one arm."""
    if test == "paired_t":
        res = pg.ttest(after, before, paired=True, alternative="two-sided")
        statistic, dof = float(res["T"].iloc[0]), float(res["dof"].iloc[0])
    else:
        res = pg.wilcoxon(after, before, alternative="two-sided", method="auto")
        statistic, dof = float(res["W_val"].iloc[0]), np.nan
    mean_from, mean_to = float(before.mean()), float(after.mean())
    return {
        "n": len(before),
        "mean_from": mean_from,
        "mean_to": mean_to,
        "percent_change": (mean_to - mean_from) / mean_from * 100,
        "test": test,
        "statistic": statistic,
        "dof": dof,
        "p": float(res["p_val"].iloc[0]),
    }
