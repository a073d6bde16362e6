"""Post hoc comparisons of the visits within each arm (paper §2.5: Tukey's HSD).

No library provides Tukey's honestly significant difference for repeated measures, so
:func:`tukey_within` computes it, in the textbook form (pooled RM-ANOVA error) and in the
form Jamovi's code uses (each pair its own paired error), besides Holm-adjusted paired
t-tests.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
import pingouin as pg
from scipy import stats

from milkbone.analysis.clinical._checks import (
    arm_visits,
    check_choice,
    check_evidence,
    check_long,
    group_list,
    measure_list,
    rm_anova,
    rm_long,
)

__all__ = ["tukey_within"]

POST_HOC = ("tukey", "tukey_multivariate", "holm")
"""The post hoc methods :func:`tukey_within` knows."""

_LABELS = {
    "holm": "pingouin.pairwise_tests(parametric=True, padjust='holm'); paired t of b − a",
    "tukey": "Tukey HSD, pooled RM-ANOVA error: q = |mean_b - mean_a| / sqrt(MS_error/n), "
    "scipy.stats.studentized_range.sf(q, k, (n-1)(k-1))",
    "tukey_multivariate": "Tukey, multivariate (emmeans model='multivariate' as in "
    "jmv::anovaRM): q = sqrt(2)|mean(d)|/(sd(d)/sqrt(n)), studentized_range.sf(q, k, n-1)",
}
_PAIR_COLUMNS = ["month_a", "month_b", "se", "statistic", "dof", "p"]


def tukey_within(
    data: pd.DataFrame,
    *,
    measures: Sequence[str] | str | None = None,
    group: Sequence[str] | str | None = None,
    months: Sequence[int] | None = None,
    method: Sequence[str] | str = "tukey",
    evidence: str = "simulated",
) -> pd.DataFrame:
    """Post hoc comparisons of the visits within each arm, after :func:`repeated_measures`.

    Parameters
    ----------
    data : pandas.DataFrame
        Long participant frame.
    measures : str or sequence of str, optional
        Measure slugs; default every measure, in order of first appearance.
    group : {"HCM", "CM"} or sequence of them, optional
        The arm or arms analysed, each on its own; default both, HCM first.
    months : sequence of int, optional
        Visits compared; default every visit with data.
    method : {"tukey", "tukey_multivariate", "holm"} or sequence of them, default "tukey"
        One post hoc method or several, each on the same data. ``"tukey"``: Tukey
        HSD with the pooled RM-ANOVA error (textbook); ``"tukey_multivariate"``:
        Tukey with each pair's own paired SE on n − 1 dof (what Jamovi's code does,
        see Notes); ``"holm"``: paired t-tests with Holm's correction
        (``pingouin.pairwise_tests``).
    evidence : str, default "simulated"
        Evidence level written to ``evidence``.

    Returns
    -------
    pandas.DataFrame
        One row per measure × arm × method × pair of visits (earlier first), in that
        order, columns ``measure, group, month_a, month_b, n, mean_a, mean_b,
        difference, test, se, statistic, dof, p, method, evidence``. ``difference =
        mean_b − mean_a``; ``test`` is the ``method`` asked for (``"tukey"``, …) and
        ``method`` says how it was computed; ``statistic`` is the studentized range q
        (≥ 0) for Tukey, or t of b − a for Holm; ``p`` is adjusted for the family of
        comparisons of one measure in one arm.

    Raises
    ------
    KeyError
        If ``data`` lacks a column.
    ValueError
        As :func:`repeated_measures`, or an unknown ``method``.

    See Also
    --------
    repeated_measures : the omnibus test, and ``ms_error``.

    Notes
    -----
    No library provides Tukey's HSD for repeated measures, so it is computed here.
    With k visits, n complete participants and the RM-ANOVA error mean square
    ``MS_error`` on ``df = (n − 1)(k − 1)``:

    ``q = |ȳ_b − ȳ_a| / sqrt(MS_error / n)``, ``p = P(Q_{k, df} > q)``

    (``scipy.stats.studentized_range.sf(q, k, df)``); ``se`` is
    ``sqrt(2 MS_error / n)``, the SE of the difference. This is the paper's
    "Tukey's honestly significant difference post hoc test" (§2.5) read as a
    textbook would.

    Jamovi's repeated-measures post hoc table (``jmv`` R package, ``anovaRM``)
    calls ``emmeans(..., model = "multivariate")``: each difference then has its
    own SE, ``sd(y_b − y_a)/sqrt(n)``, on ``n − 1`` dof, and the Tukey p is
    ``P(Q_{k, n−1} > sqrt(2) |t|)`` — ``method="tukey_multivariate"``. That is
    what the jmv source does as stored (R/anovarm.b.R); we could not run Jamovi
    2.4.11 to confirm it, so the chapters should show both.

    Examples
    --------
    >>> data = pd.DataFrame({
    ...     "participant": np.repeat(list("abcde"), 3), "group": "HCM",
    ...     "month": [0, 6, 12] * 5, "measure": "l1_4_bmd",
    ...     "value": [0.95, 0.98, 0.97, 1.01, 1.03, 1.02, 0.90, 0.92, 0.93,
    ...               0.99, 1.02, 1.00, 0.88, 0.90, 0.90]})
    >>> res = tukey_within(data, measures="l1_4_bmd", group="HCM")
    >>> res[["month_a", "month_b", "difference", "statistic", "dof", "p"]].round(4)
       month_a  month_b  difference  statistic  dof       p
    0        0        6       0.024     8.6678  8.0  0.0007
    1        0       12       0.018     6.5008  8.0  0.0044
    2        6       12      -0.006     2.1669  8.0  0.3273

    Both forms of Tukey's test in one call:

    >>> both = tukey_within(data, group="HCM", method=["tukey", "tukey_multivariate"])
    >>> both[["test", "month_a", "month_b", "p"]].round(4)
                     test  month_a  month_b       p
    0               tukey        0        6  0.0007
    1               tukey        0       12  0.0044
    2               tukey        6       12  0.3273
    3  tukey_multivariate        0        6  0.0014
    4  tukey_multivariate        0       12  0.0187
    5  tukey_multivariate        6       12  0.5247
    """
    frame = check_long(data)
    check_evidence(evidence)
    methods = [method] if isinstance(method, str) else list(method)
    for name in methods:
        check_choice("method", name, POST_HOC)
    groups = group_list(group)
    parts = []
    for measure in measure_list(frame, measures):
        for arm in groups:
            table, visits, _ = arm_visits(frame, measure, arm, months)
            parts += [
                _block(table, visits, name).assign(measure=measure, group=arm) for name in methods
            ]
    out = pd.concat(parts, ignore_index=True)
    columns = ["measure", "group", "month_a", "month_b", "n", "mean_a", "mean_b", "difference"]
    return out[[*columns, "test", *_PAIR_COLUMNS[2:], "method"]].assign(evidence=evidence)


def _block(table: pd.DataFrame, months: list[int], method: str) -> pd.DataFrame:
    """Every pair of visits of one participant × month table by one post hoc method."""
    pairs = {"holm": _holm, "tukey": _tukey_pooled, "tukey_multivariate": _tukey_paired}
    out = pd.DataFrame(pairs[method](table, months), columns=_PAIR_COLUMNS)
    means = table.mean()
    out["n"] = len(table)
    out["mean_a"] = [float(means[a]) for a in out["month_a"]]
    out["mean_b"] = [float(means[b]) for b in out["month_b"]]
    out["difference"] = out["mean_b"] - out["mean_a"]
    return out.assign(test=method, method=_LABELS[method])


def _holm(table: pd.DataFrame, months: list[int]) -> list[tuple]:
    """Paired t-tests of every pair of visits, Holm-adjusted (``pingouin.pairwise_tests``)."""
    n = len(table)
    res = pg.pairwise_tests(
        rm_long(table),
        dv="value",
        within="month",
        subject="participant",
        parametric=True,
        padjust="holm",
        alternative="two-sided",
    )
    rows = []
    for _, r in res.iterrows():
        a, b = int(r["A"]), int(r["B"])
        diff = table[b] - table[a]
        se = float(diff.std(ddof=1) / np.sqrt(n))
        rows.append((a, b, se, -float(r["T"]), float(r["dof"]), float(r["p_corr"])))
    return rows


def _tukey_pooled(table: pd.DataFrame, months: list[int]) -> list[tuple]:
    """Tukey's HSD with the pooled RM-ANOVA error for every pair of visits."""
    n, k = len(table), len(months)
    means = table.mean()
    aov = rm_anova(table, correction=False)
    ms_error, dof = float(aov["MS"].iloc[1]), float(aov["DF"].iloc[1])
    rows = []
    for i, a in enumerate(months):
        for b in months[i + 1 :]:
            q = abs(means[b] - means[a]) / np.sqrt(ms_error / n)
            se = float(np.sqrt(2 * ms_error / n))
            rows.append((a, b, se, float(q), dof, float(stats.studentized_range.sf(q, k, dof))))
    return rows


def _tukey_paired(table: pd.DataFrame, months: list[int]) -> list[tuple]:
    """Tukey with each pair's own paired SE on n − 1 dof (Jamovi's multivariate model)."""
    n, k = len(table), len(months)
    dof = float(n - 1)
    rows = []
    for i, a in enumerate(months):
        for b in months[i + 1 :]:
            diff = table[b] - table[a]
            se = float(diff.std(ddof=1) / np.sqrt(n))
            q = np.sqrt(2) * abs(float(diff.mean())) / se
            rows.append((a, b, se, float(q), dof, float(stats.studentized_range.sf(q, k, dof))))
    return rows
