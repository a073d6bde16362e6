"""Baseline balance and percent changes, from summaries or beside participant data.

:func:`standardised_differences` measures baseline balance; :func:`percent_changes`
recomputes the changes of group means from summaries; :func:`stated_percent_changes`
reads the changes the prose states, signed, and :func:`compare_percent_changes` puts
them beside the same changes on participant data.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import numpy as np
import pandas as pd

from milkbone._validate import require_columns, require_values
from milkbone.analysis import clinical
from milkbone.analysis.clinical._checks import check_evidence
from milkbone.analysis.mirror._common import SUMMARY_COLUMNS
from milkbone.vocabulary import GROUPS

__all__ = [
    "compare_percent_changes",
    "percent_changes",
    "standardised_differences",
    "stated_percent_changes",
]


def _by_group(summary: pd.DataFrame, name: str) -> pd.DataFrame:
    require_columns(summary, SUMMARY_COLUMNS, name=name)
    require_values(summary, "group", GROUPS, name=name)
    cells = summary.drop_duplicates(["measure", "group", "month"], keep="first")
    wide = cells.pivot(index=["measure", "month"], columns="group", values=["mean", "sd", "n"])
    wide.columns = [f"{stat}_{group.lower()}" for stat, group in wide.columns]
    order = {m: i for i, m in enumerate(pd.unique(cells["measure"]))}
    wide = wide.reset_index()
    wide = wide.assign(_m=wide["measure"].map(order)).sort_values(["_m", "month"], kind="stable")
    return wide.drop(columns="_m").reset_index(drop=True)


def standardised_differences(
    summary: pd.DataFrame, *, evidence: str, month: int | None = None
) -> pd.DataFrame:
    """Standardised mean difference HCM − CM per measure and visit, from summaries.

    Parameters
    ----------
    summary : pandas.DataFrame
        Mean, SD and n per measure × group × month: columns ``measure, group,
        month, mean, sd, n`` (``published.summary_statistics()`` or
        ``clinical.describe``). A cell given twice is taken from its first row.
    evidence : str
        Evidence level of the result: ``"recomputed"`` from printed summaries,
        ``"simulated"`` from the simulated cohort.
    month : int, optional
        Keep this visit only.

    Returns
    -------
    pandas.DataFrame
        One row per measure × month with both groups, columns ``measure, month,
        n_hcm, n_cm, mean_hcm, mean_cm, sd_hcm, sd_cm, difference, pooled_sd,
        standardised_difference, method, evidence``.

    Raises
    ------
    KeyError
        If ``summary`` lacks a column.
    ValueError
        Unknown group or evidence level.

    Notes
    -----
    ``d = (x̄_HCM − x̄_CM) / sqrt((s²_HCM + s²_CM) / 2)`` (Austin 2009, *Stat Med*
    28:3083), the balance measure CONSORT-minded reviewers read instead of baseline
    p-values: it does not grow with the sample size, and |d| above about 0.1 is a
    common flag for an imbalance worth adjusting for.

    Examples
    --------
    Table 2, L1–4 BMD:

    >>> summary = pd.DataFrame({"measure": "l1_4_bmd", "group": ["HCM", "CM"],
    ...     "month": 0, "mean": [0.981, 0.935], "sd": [0.123, 0.107], "n": [51, 46]})
    >>> res = standardised_differences(summary, evidence="recomputed")
    >>> res[["difference", "pooled_sd", "standardised_difference"]].round(3)
       difference  pooled_sd  standardised_difference
    0       0.046      0.115                    0.399
    """
    check_evidence(evidence)
    wide = _by_group(summary, "summary")
    if month is not None:
        wide = wide[wide["month"] == month].reset_index(drop=True)
    wide = wide.dropna(subset=["mean_hcm", "mean_cm"])
    wide["difference"] = wide["mean_hcm"] - wide["mean_cm"]
    wide["pooled_sd"] = np.sqrt((wide["sd_hcm"] ** 2 + wide["sd_cm"] ** 2) / 2)
    wide["standardised_difference"] = wide["difference"] / wide["pooled_sd"]
    wide["method"] = "(mean_HCM - mean_CM) / sqrt((sd_HCM^2 + sd_CM^2) / 2)"
    wide["evidence"] = evidence
    for column in ("n_hcm", "n_cm"):
        wide[column] = wide[column].astype("int64")
    columns = [
        "measure",
        "month",
        "n_hcm",
        "n_cm",
        "mean_hcm",
        "mean_cm",
        "sd_hcm",
        "sd_cm",
        "difference",
        "pooled_sd",
        "standardised_difference",
        "method",
        "evidence",
    ]
    return wide[columns].reset_index(drop=True)


def percent_changes(summary: pd.DataFrame, *, evidence: str) -> pd.DataFrame:
    """Percent change of each group's mean between every pair of visits, from summaries.

    Parameters
    ----------
    summary : pandas.DataFrame
        Columns ``measure, group, month, mean, sd, n`` (a cell given twice is taken
        from its first row).
    evidence : str
        Evidence level of the result (``"recomputed"`` from printed means).

    Returns
    -------
    pandas.DataFrame
        One row per measure × group × pair of visits (earlier first), columns
        ``measure, group, from_month, to_month, mean_from, mean_to, percent_change,
        method, evidence``.

    Raises
    ------
    KeyError
        If ``summary`` lacks a column.
    ValueError
        Unknown group or evidence level.

    Notes
    -----
    ``(mean_to − mean_from) / mean_from × 100``, the change of the means, as the
    paper words its percentages (§3.2–3.3). With participant data,
    :func:`milkbone.clinical.percent_change` gives the same number with a paired
    test.

    Examples
    --------
    >>> summary = pd.DataFrame({"measure": "ast", "group": "HCM", "month": [0, 6, 12],
    ...     "mean": [20.61, 24.00, 19.53], "sd": [5.773, 6.930, 6.067], "n": 51})
    >>> percent_changes(summary, evidence="recomputed")[
    ...     ["from_month", "to_month", "percent_change"]].round(1)
       from_month  to_month  percent_change
    0           0         6            16.4
    1           0        12            -5.2
    2           6        12           -18.6
    """
    check_evidence(evidence)
    require_columns(summary, SUMMARY_COLUMNS, name="summary")
    require_values(summary, "group", GROUPS, name="summary")
    cells = summary.drop_duplicates(["measure", "group", "month"], keep="first")
    rows = []
    for (measure, group), part in cells.groupby(["measure", "group"], sort=False):
        means = part.set_index("month")["mean"].sort_index()
        for a, b in itertools.combinations(means.index, 2):
            rows.append((measure, group, int(a), int(b), means[a], means[b]))
    out = pd.DataFrame(
        rows, columns=["measure", "group", "from_month", "to_month", "mean_from", "mean_to"]
    )
    out["percent_change"] = (out["mean_to"] - out["mean_from"]) / out["mean_from"] * 100
    out["method"] = "(mean_to - mean_from) / mean_from * 100"
    out["evidence"] = evidence
    return out


_PROSE_COLUMNS = ("prose_id", "section", "measure", "groups", "timepoint", "statistic")
_SPAN = r"m(?P<to_month>\d+) vs m(?P<from_month>\d+)"


def stated_percent_changes(
    prose: pd.DataFrame, *, sections: Sequence[str] | None = None
) -> pd.DataFrame:
    """The percent changes of group means that the paper's prose states, signed.

    Parameters
    ----------
    prose : pandas.DataFrame
        The prose registry, :func:`milkbone.published.prose`: columns ``prose_id,
        section, measure, groups, timepoint, statistic, direction, value``.
    sections : sequence of str, optional
        Keep the statements of these sections (``"3.2"``, ``"3.3"``); default all.

    Returns
    -------
    pandas.DataFrame
        One row per stated change of one arm (rows with ``statistic ==
        "percent_change"`` and ``groups`` HCM or CM), in the order of ``prose``,
        columns ``prose_id, section, measure, group, from_month, to_month,
        published, evidence``. ``published`` is the printed size, negative for a
        stated decrease; ``evidence`` is ``"published"``.

    Raises
    ------
    KeyError
        If ``prose`` lacks a column.
    ValueError
        If a ``timepoint`` does not read ``"m<to> vs m<from>"``.

    See Also
    --------
    compare_percent_changes : the same changes computed on participant data.
    percent_changes : the changes recomputed from printed means.

    Examples
    --------
    >>> prose = pd.DataFrame({"prose_id": ["a", "b", "c"], "section": "3.2",
    ...     "measure": "left_hip_bmd", "groups": ["HCM", "CM", "other study"],
    ...     "timepoint": ["m6 vs m0", "m12 vs m0", "m12 vs m0"],
    ...     "statistic": "percent_change", "direction": ["increase", "decrease", "increase"],
    ...     "value": [2.2, 0.7, 2.0]})
    >>> stated_percent_changes(prose)[["group", "from_month", "to_month", "published"]]
      group  from_month  to_month  published
    0   HCM           0         6        2.2
    1    CM           0        12       -0.7
    """
    require_columns(prose, [*_PROSE_COLUMNS, "direction", "value"], name="prose")
    rows = prose[(prose["statistic"] == "percent_change") & prose["groups"].isin(GROUPS)]
    if sections is not None:
        rows = rows[rows["section"].isin(list(sections))]
    spans = rows["timepoint"].str.extract(_SPAN)
    unread = rows.loc[spans.isna().any(axis=1), "timepoint"]
    if len(unread):
        raise ValueError(
            f"prose timepoint(s) {sorted(set(unread))} are not 'm<to> vs m<from>'; "
            "allowed: e.g. 'm6 vs m0'"
        )
    sign = np.where(rows["direction"] == "decrease", -1, 1)
    out = pd.DataFrame(
        {
            "prose_id": rows["prose_id"],
            "section": rows["section"],
            "measure": rows["measure"],
            "group": rows["groups"],
            "from_month": spans["from_month"].astype(int),
            "to_month": spans["to_month"].astype(int),
            "published": sign * rows["value"].astype(float),
            "evidence": "published",
        }
    )
    return out.reset_index(drop=True)


def compare_percent_changes(
    cohort_long: pd.DataFrame, stated: pd.DataFrame, *, evidence: str = "simulated"
) -> pd.DataFrame:
    """Stated percent changes beside the same changes on participant data, with paired tests.

    Parameters
    ----------
    cohort_long : pandas.DataFrame
        Long participant frame ``participant, group, month, measure, value``.
    stated : pandas.DataFrame
        :func:`stated_percent_changes` (or any frame with ``measure, group,
        from_month, to_month, published``).
    evidence : str, default "simulated"
        Evidence level of the cohort side.

    Returns
    -------
    pandas.DataFrame
        One row per stated change that the cohort has, in the order of ``stated``:
        the columns of ``stated`` (``evidence`` left out), then ``n, mean_from,
        mean_to, percent_change, difference, test, statistic, dof, p, method,
        evidence, published_evidence``. ``percent_change`` and the paired t-test
        are :func:`milkbone.clinical.percent_change` of the cohort;
        ``difference`` is cohort − published, in percentage points.

    Raises
    ------
    KeyError
        If a frame lacks a column.
    ValueError
        If ``stated`` has no rows, an unknown evidence level, or invalid participant
        data (as :func:`milkbone.clinical.percent_change`).

    Examples
    --------
    Three women per arm, serum calcium (mmol/L) at baseline and six months:

    >>> data = pd.DataFrame({"participant": np.repeat(list("abcdef"), 2),
    ...     "group": np.repeat(["HCM", "CM"], 6), "month": [0, 6] * 6, "measure": "calcium",
    ...     "value": [2.2, 2.3, 2.3, 2.45, 2.4, 2.45, 2.2, 2.2, 2.3, 2.4, 2.4, 2.5]})
    >>> stated = pd.DataFrame({"measure": "calcium", "group": ["HCM", "CM"],
    ...     "from_month": 0, "to_month": 6, "published": [4.3, 3.8]})
    >>> res = compare_percent_changes(data, stated)
    >>> res[["group", "n", "published", "percent_change", "difference"]].round(3)
      group  n  published  percent_change  difference
    0   HCM  3        4.3           4.348       0.048
    1    CM  3        3.8           2.899      -0.901
    """
    check_evidence(evidence)
    keys = ["measure", "from_month", "to_month"]
    require_columns(stated, [*keys, "group", "published"], name="stated")
    if stated.empty:
        raise ValueError("stated has no rows; allowed: at least one stated change")
    computed = pd.concat(
        [
            clinical.percent_change(
                cohort_long, measures=m, from_month=a, to_month=b, evidence=evidence
            )
            for m, a, b in stated[keys].drop_duplicates().itertuples(index=False)
        ],
        ignore_index=True,
    )
    out = stated.drop(columns="evidence", errors="ignore").merge(computed, on=[*keys, "group"])
    out["difference"] = out["percent_change"] - out["published"]
    out["published_evidence"] = "published"
    after = ["test", "statistic", "dof", "p", "method", "evidence", "published_evidence"]
    before = [c for c in out.columns if c not in ("difference", *after)]
    return out[[*before, "difference", *after]]
