"""What the follow-up levels compared in §3.2 owe to the arms' baseline difference.

The paper compares the arms' spine BMD *at* six and twelve months. From the printed
baseline means and percent changes alone, :func:`followup_levels` gives the implied
follow-up means, the share of their difference already present at baseline, and the
t-test of the levels that the paper's p-value corresponds to.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
from scipy import stats

from milkbone._validate import require_columns
from milkbone.analysis.reanalysis._common import EVIDENCE

__all__ = ["followup_levels"]

_LEVEL_COLUMNS = (
    "measure",
    "month",
    "n_hcm",
    "n_cm",
    "baseline_hcm",
    "baseline_cm",
    "mean_hcm",
    "mean_cm",
    "sd_hcm",
    "sd_cm",
    "baseline_difference",
    "extra_gain",
    "difference",
    "baseline_share",
    "statistic",
    "dof",
    "p",
    "method",
    "evidence",
)


def followup_levels(
    summary: pd.DataFrame,
    changes: pd.DataFrame,
    *,
    measures: Sequence[str] | str | None = None,
    month: int = 6,
) -> pd.DataFrame:
    """Follow-up means implied by printed baseline means and percent changes, and their t-test.

    Parameters
    ----------
    summary : DataFrame
        Printed summaries with columns ``measure, group, month, mean, sd, n``
        (``published.summary_statistics()``); the baseline (month 0) rows are used, a
        cell given twice is taken from its first row.
    changes : DataFrame
        Printed percent changes of the group means with columns ``measure, group,
        from_month, to_month, published`` (``analysis.mirror.stated_percent_changes``),
        signed; the changes from month 0 to ``month`` are used.
    measures : str or sequence of str, optional
        Measure slugs; default every measure of ``changes`` with a baseline summary
        and a change in both arms, in the order of ``changes``.
    month : int, default 6
        The follow-up visit.

    Returns
    -------
    DataFrame
        One row per measure: ``measure, month, n_hcm, n_cm, baseline_hcm,
        baseline_cm, mean_hcm, mean_cm, sd_hcm, sd_cm, baseline_difference,
        extra_gain, difference, baseline_share, statistic, dof, p, method,
        evidence``. ``baseline_*`` are the printed baseline means, ``mean_*`` the
        implied follow-up means and ``sd_*`` the baseline SDs; ``difference`` is HCM
        − CM at follow-up, ``baseline_difference`` at baseline and ``extra_gain``
        the HCM gain minus the CM gain; ``baseline_share`` is the percentage of
        ``difference`` already there at baseline; ``statistic``, ``dof`` and ``p``
        are Student's two-sample t-test of the follow-up levels.

    Raises
    ------
    KeyError
        If a frame lacks a column.
    ValueError
        If a measure asked for lacks a baseline summary or a change in either arm.

    See Also
    --------
    between_arm_by_rho : the same comparison as a change and by ANCOVA.

    Notes
    -----
    ``mean_g = baseline_g (1 + change_g/100)``; ``extra_gain = (mean_HCM −
    baseline_HCM) − (mean_CM − baseline_CM)``; ``baseline_share = 100 ·
    baseline_difference / (baseline_difference + extra_gain)``. The t-test assumes
    the SDs at follow-up equal the baseline SDs, which the paper does not print
    (``scipy.stats.ttest_ind_from_stats``, pooled variance, ``n_HCM + n_CM − 2``
    dof). It tests levels, so it counts the baseline difference as if it were an
    effect.

    Examples
    --------
    Paper Table 2 and §3.2, L1–4 BMD: 0.981 ± 0.123 and 0.935 ± 0.107 g/cm² at
    baseline, +2.3 % and +1.5 % at six months.

    >>> summary = pd.DataFrame({"measure": "l1_4_bmd", "group": ["HCM", "CM"],
    ...     "month": 0, "mean": [0.981, 0.935], "sd": [0.123, 0.107], "n": [51, 46]})
    >>> changes = pd.DataFrame({"measure": "l1_4_bmd", "group": ["HCM", "CM"],
    ...     "from_month": 0, "to_month": 6, "published": [2.3, 1.5]})
    >>> res = followup_levels(summary, changes)
    >>> res[["difference", "extra_gain", "baseline_share", "statistic", "p"]].round(4)
       difference  extra_gain  baseline_share  statistic       p
    0      0.0545      0.0085         84.3448     2.3182  0.0226
    """
    require_columns(summary, ["measure", "group", "month", "mean", "sd", "n"], name="summary")
    require_columns(
        changes, ["measure", "group", "from_month", "to_month", "published"], name="changes"
    )
    base = summary[summary["month"] == 0].drop_duplicates(["measure", "group"], keep="first")
    rise = changes[(changes["from_month"] == 0) & (changes["to_month"] == month)]
    both = [
        m
        for m in pd.unique(rise["measure"])
        if {"HCM", "CM"} <= set(rise.loc[rise["measure"] == m, "group"])
        and {"HCM", "CM"} <= set(base.loc[base["measure"] == m, "group"])
    ]
    chosen = both if measures is None else [measures] if isinstance(measures, str) else measures
    missing = [m for m in chosen if m not in both]
    if missing:
        raise ValueError(
            f"measures {missing} lack a baseline summary or a change to month {month} in "
            f"an arm; allowed: {both}"
        )
    rows = [
        _levels(base[base["measure"] == m], rise[rise["measure"] == m], m, month) for m in chosen
    ]
    return pd.DataFrame(rows, columns=list(_LEVEL_COLUMNS))


def _levels(base: pd.DataFrame, rise: pd.DataFrame, measure: str, month: int) -> dict:
    """One row of :func:`followup_levels`."""
    m0 = base.set_index("group")
    pct = rise.drop_duplicates("group").set_index("group")["published"]
    mean = {g: m0.loc[g, "mean"] * (1 + pct[g] / 100) for g in ("HCM", "CM")}
    gap = m0.loc["HCM", "mean"] - m0.loc["CM", "mean"]
    extra = (mean["HCM"] - m0.loc["HCM", "mean"]) - (mean["CM"] - m0.loc["CM", "mean"])
    sd = {g: float(m0.loc[g, "sd"]) for g in ("HCM", "CM")}
    n = {g: int(m0.loc[g, "n"]) for g in ("HCM", "CM")}
    test = stats.ttest_ind_from_stats(
        mean["HCM"], sd["HCM"], n["HCM"], mean["CM"], sd["CM"], n["CM"]
    )
    return {
        "measure": measure,
        "month": int(month),
        "n_hcm": n["HCM"],
        "n_cm": n["CM"],
        "baseline_hcm": float(m0.loc["HCM", "mean"]),
        "baseline_cm": float(m0.loc["CM", "mean"]),
        "mean_hcm": float(mean["HCM"]),
        "mean_cm": float(mean["CM"]),
        "sd_hcm": sd["HCM"],
        "sd_cm": sd["CM"],
        "baseline_difference": float(gap),
        "extra_gain": float(extra),
        "difference": float(mean["HCM"] - mean["CM"]),
        "baseline_share": float(100 * gap / (gap + extra)),
        "statistic": float(test.statistic),
        "dof": float(n["HCM"] + n["CM"] - 2),
        "p": float(test.pvalue),
        "method": "implied follow-up means; scipy.stats.ttest_ind_from_stats (pooled), "
        "baseline SDs",
        "evidence": EVIDENCE,
    }
