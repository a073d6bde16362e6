"""Calibration targets of the simulated cohort, from the published numbers.

The simulation engine (:mod:`milkbone.cohort.simulation.clinical`) holds no
published number: this module turns :mod:`milkbone.published` into its input frames
and states what we assume where the paper is silent.

- :func:`targets_from_summary`: mean and SD per measure, arm and visit (Tables 2, 3);
- :func:`bmd_changes_from_prose`: percent changes of BMD means (§3.2), completed by
  :data:`BMD_ASSUMPTIONS`; :func:`follow_up_targets` turns them into targets;
- :func:`categories_from_table4` and :func:`resolve_categories`: 25(OH)D category
  counts (Table 4) as bounds that add up to the group size;
- :func:`age_range_from_prose`: the age range (§2.1);
- :data:`WITHDRAWN_BY_ARM`: the arms of the seven withdrawals (an assumption).
"""

from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd

from milkbone.cohort.schema import BMD_COLUMNS, MEASURES
from milkbone.vocabulary import GROUPS, MONTHS

__all__ = [
    "BMD_ASSUMPTIONS",
    "OHD_25_CATEGORIES",
    "WITHDRAWN_BY_ARM",
    "age_range_from_prose",
    "bmd_changes_from_prose",
    "categories_from_table4",
    "example_inputs",
    "follow_up_targets",
    "published_inputs",
    "resolve_categories",
    "targets_from_summary",
    "time_span",
]

OHD_25_CATEGORIES = (
    # category, low, high (ng/mL): the cut-offs of Table 4's footnotes (the IOM 2011
    # thresholds), kept one written decimal step inside the open bounds so rounding to
    # two decimals cannot move a value across; 3 and 80 bound the simulation only.
    ("deficient", 3.0, 11.99),
    ("insufficient", 12.01, 19.99),
    ("normal", 20.0, 80.0),
)

WITHDRAWN_BY_ARM = {"HCM": 4, "CM": 3}
"""Assumed arms of the 7 withdrawals: the paper does not say (§2.1, §3.1); we split them
as evenly as possible, the odd one to HCM, the larger arm among completers."""

BMD_ASSUMPTIONS = pd.DataFrame(
    [
        (
            "l1_4_bmd",
            "HCM",
            12,
            0.0,
            6,
            "12-month value not given in §3.2 (only p = 0.041 "
            "between arms): assumed unchanged from 6 months",
        ),
        ("l1_4_bmd", "CM", 12, 0.0, 6, "as for HCM: assumed unchanged from 6 months"),
        ("right_hip_bmd", "HCM", 6, -0.25, 0, "'slight decrease by 12 months': half of it by 6 m"),
        ("right_hip_bmd", "HCM", 12, -0.5, 0, "'slight decrease by 12 months': taken as −0.5 %"),
        ("right_hip_bmd", "CM", 6, -0.25, 0, "as for HCM"),
        ("right_hip_bmd", "CM", 12, -0.5, 0, "as for HCM"),
        ("right_femoral_neck_bmd", "HCM", 6, 0.0, 0, "'no significant change': taken as 0 %"),
        ("right_femoral_neck_bmd", "HCM", 12, 0.0, 0, "'no significant change': taken as 0 %"),
        ("right_femoral_neck_bmd", "CM", 6, 0.0, 0, "as for HCM"),
        ("right_femoral_neck_bmd", "CM", 12, 0.0, 0, "as for HCM"),
    ],
    columns=["measure", "group", "month", "percent_change", "reference_month", "assumption"],
)
"""Percent changes of BMD group means that §3.2 does not state, and what we assume.

The stated ones come from :func:`milkbone.published.prose`: L1–4 and the left hip and
femoral neck at 6 months, left hip at 12 months (read as relative to baseline, like
the CM figures "at the respective time points"), left femoral neck at 12 months
(relative to 6 months, as printed). Follow-up SDs are the baseline SDs carried forward.
"""


def published_inputs() -> dict:
    """Targets, BMD changes, 25(OH)D counts and age range from :mod:`milkbone.published`.

    Returns
    -------
    dict
        ``targets``, ``changes``, ``categories`` and ``age_range``: the keyword
        arguments of :func:`milkbone.cohort.simulate` of the same names.
    """
    from milkbone import published

    stats = published.summary_statistics()
    targets = targets_from_summary(stats)
    prose = published.prose()
    return {
        "targets": targets,
        "changes": bmd_changes_from_prose(prose),
        "categories": categories_from_table4(published.table(4)),
        "age_range": age_range_from_prose(prose, targets),
    }


def _decimals(text: object) -> float:
    text = str(text).strip()
    if not text or text == "nan":
        return np.nan
    return float(len(text.split(".")[1])) if "." in text else 0.0


def targets_from_summary(stats: pd.DataFrame) -> pd.DataFrame:
    """One target per measure, group and month: Table 2 at month 0 (the baseline table),
    Table 3 at months 6 and 12. Where Table 3 repeats a baseline value differently
    (PINP HCM, 84.67 vs 84.70) Table 2 wins.

    Parameters
    ----------
    stats : DataFrame
        :func:`milkbone.published.summary_statistics` (or the same columns:
        ``source, measure, group, month, mean, sd, n, mean_text, sd_text``).

    Returns
    -------
    DataFrame
        ``measure, group, month, mean, sd, n, mean_decimals, sd_decimals, source``.
    """
    stats = stats.dropna(subset=["mean", "sd"]).copy()
    stats["rank"] = np.where((stats["month"] == 0) == (stats["source"] == "Table 2"), 0, 1)
    stats = stats.sort_values(["measure", "group", "month", "rank"], kind="stable")
    stats = stats.drop_duplicates(["measure", "group", "month"], keep="first")
    out = pd.DataFrame(
        {
            "measure": stats["measure"].astype(str),
            "group": stats["group"].astype(str),
            "month": stats["month"].astype(int),
            "mean": stats["mean"].astype(float),
            "sd": stats["sd"].astype(float),
            "n": stats["n"].astype(int),
            "mean_decimals": stats["mean_text"].map(_decimals),
            "sd_decimals": stats["sd_text"].map(_decimals),
            "source": stats["source"].astype(str),
        }
    )
    return out.reset_index(drop=True)


def time_span(timepoint: object) -> tuple[int, int] | None:
    """The reference month and the month of a change: ``"m12 vs m6"`` or ``"m6-m12"``
    give ``(6, 12)``.

    Examples
    --------
    >>> time_span("m12 vs m0"), time_span("m0-m6"), time_span("m6")
    ((0, 12), (0, 6), None)
    """
    text = str(timepoint).strip()
    found = re.fullmatch(r"m(\d+)\s*vs\.?\s*m(\d+)", text)
    if found:
        return int(found.group(2)), int(found.group(1))
    found = re.fullmatch(r"m(\d+)\s*[-–→]\s*m(\d+)", text)
    if found:
        return int(found.group(1)), int(found.group(2))
    return None


def bmd_changes_from_prose(prose: pd.DataFrame) -> pd.DataFrame:
    """Stated within-group percent changes of BMD means, plus :data:`BMD_ASSUMPTIONS`.

    Reads rows of ``prose()`` with ``statistic == "percent_change"``, a BMD measure, one
    arm in ``groups`` and ``timepoint`` like ``"m6-m12"``; ``direction == "decrease"``
    makes the printed (unsigned) value negative.
    """
    rows = prose[
        prose["measure"].isin(BMD_COLUMNS)
        & (prose["statistic"].astype(str) == "percent_change")
        & prose["groups"].isin(GROUPS)
    ]
    stated = []
    for row in rows.itertuples(index=False):
        span = time_span(row.timepoint)
        if span is None:
            raise ValueError(f"cannot read the time span {row.timepoint!r} of a BMD change")
        value = float(row.value)
        if str(row.direction) == "decrease":
            value = -abs(value)
        stated.append(
            {
                "measure": row.measure,
                "group": row.groups,
                "month": span[1],
                "percent_change": value,
                "reference_month": span[0],
                "assumption": "stated in §3.2",
            }
        )
    stated = pd.DataFrame(stated, columns=BMD_ASSUMPTIONS.columns)
    assumed = BMD_ASSUMPTIONS.merge(
        stated[["measure", "group", "month"]], how="left", indicator=True
    )
    assumed = assumed[assumed["_merge"] == "left_only"].drop(columns="_merge")
    out = pd.concat([stated, assumed], ignore_index=True)
    return out.sort_values(["measure", "group", "month"], kind="stable").reset_index(drop=True)


def categories_from_table4(table4: pd.DataFrame) -> pd.DataFrame:
    """25(OH)D category counts of Table 4 (:func:`milkbone.published.table` ``(4)``):
    ``group, month, category, count``, for the categories of :data:`OHD_25_CATEGORIES`."""
    rows = table4[table4["category"].isin([c for c, _, _ in OHD_25_CATEGORIES])]
    return pd.DataFrame(
        {
            "group": rows["group"].astype(str),
            "month": rows["month"].astype(int),
            "category": rows["category"].astype(str),
            "count": rows["count"].astype(int),
        }
    ).reset_index(drop=True)


def age_range_from_prose(prose: pd.DataFrame, targets: pd.DataFrame) -> tuple[int, int]:
    """Ages stated in §2.1 (minimum and maximum), else mean ± 2.5 SD of Table 2."""
    rows = prose[prose["measure"] == "age"]
    statistic = rows["statistic"].astype(str).str.lower()
    low = rows.loc[statistic.str.contains("min"), "value"]
    high = rows.loc[statistic.str.contains("max"), "value"]
    if len(low) and len(high):
        return int(float(low.iloc[0])), int(float(high.iloc[0]))
    age = targets[(targets["measure"] == "age") & (targets["month"] == 0)]
    return (
        math.floor((age["mean"] - 2.5 * age["sd"]).min()),
        math.ceil((age["mean"] + 2.5 * age["sd"]).max()),
    )


def resolve_categories(
    categories: pd.DataFrame, targets: pd.DataFrame
) -> tuple[pd.DataFrame, list]:
    """Table 4 counts as category bounds, made to add up to the group size.

    A visit whose counts add up to fewer than the group's ``n`` (CM at 12 months: 44
    of 46) gets the shortfall in the category that contains the group's mean, the
    least informative place for participants the table does not count; the other
    categories keep their printed counts. More than ``n`` is an error.

    Returns the bounds frame (``group, month, category, low, high, count``) and one
    note per resolved conflict.
    """
    bounds = {c: (lo, hi) for c, lo, hi in OHD_25_CATEGORIES}
    rows, notes = [], []
    for (group, month), cells in categories.groupby(["group", "month"], sort=False):
        target = targets[
            (targets["measure"] == "ohd_25")
            & (targets["group"] == group)
            & (targets["month"] == month)
        ]
        if target.empty:
            continue
        n, mean = int(target["n"].iloc[0]), float(target["mean"].iloc[0])
        counts = dict(zip(cells["category"], cells["count"].astype(int), strict=True))
        total = sum(counts.values())
        if total > n:
            raise ValueError(
                f"Table 4 counts for {group} at month {month} add up to {total}, more than n = {n}"
            )
        if total < n:
            home = next(c for c, (lo, hi) in bounds.items() if lo <= mean <= hi)
            counts[home] = counts.get(home, 0) + (n - total)
            notes.append(
                {
                    "group": group,
                    "month": int(month),
                    "printed_total": total,
                    "n": n,
                    "resolution": f"{n - total} participants not counted in Table 4 placed in "
                    f"'{home}', the category of the group mean {mean:g} ng/mL",
                }
            )
        for category, (lo, hi) in bounds.items():
            rows.append(
                {
                    "group": group,
                    "month": int(month),
                    "category": category,
                    "low": lo,
                    "high": hi,
                    "count": counts.get(category, 0),
                }
            )
    return pd.DataFrame(rows), notes


def follow_up_targets(targets: pd.DataFrame, changes: pd.DataFrame) -> pd.DataFrame:
    """Targets at months 6 and 12 from baseline targets and percent changes of the mean.

    ``changes`` has ``measure, group, month, percent_change, reference_month``: the
    group mean at ``month`` is the mean at ``reference_month`` times
    ``1 + percent_change / 100``. The SD is the baseline SD carried forward.

    Examples
    --------
    >>> base = pd.DataFrame({"measure": ["x"], "group": ["HCM"], "month": [0],
    ...                      "mean": [1.0], "sd": [0.1], "n": [51]})
    >>> steps = pd.DataFrame({"measure": ["x", "x"], "group": ["HCM", "HCM"],
    ...                       "month": [6, 12], "percent_change": [2.0, -1.0],
    ...                       "reference_month": [0, 6]})
    >>> follow_up_targets(base, steps)[["month", "mean", "sd"]]
       month    mean   sd
    0      6  1.0200  0.1
    1     12  1.0098  0.1
    """
    rows = []
    for (measure, group), steps in changes.groupby(["measure", "group"], sort=False):
        base = targets[
            (targets["measure"] == measure) & (targets["group"] == group) & (targets["month"] == 0)
        ]
        if len(base) != 1:
            raise ValueError(f"no single baseline target for {measure!r} in group {group!r}")
        means = {0: float(base["mean"].iloc[0])}
        for step in steps.sort_values("month").itertuples(index=False):
            reference = int(step.reference_month)
            if reference not in means:
                raise ValueError(
                    f"{measure!r} {group!r} month {step.month}: reference month {reference} "
                    "has no target"
                )
            means[int(step.month)] = means[reference] * (1 + step.percent_change / 100)
            rows.append(
                {
                    "measure": measure,
                    "group": group,
                    "month": int(step.month),
                    "mean": means[int(step.month)],
                    "sd": float(base["sd"].iloc[0]),
                    "n": int(base["n"].iloc[0]),
                }
            )
    return pd.DataFrame(rows, columns=["measure", "group", "month", "mean", "sd", "n"])


def example_inputs() -> dict:
    """A tiny made-up calibration (two arms of 8), for examples and tests of the engine.

    Examples
    --------
    >>> inputs = example_inputs()
    >>> sorted(inputs), len(inputs["targets"])
    (['age_range', 'targets'], 98)
    """
    rows = []
    specs = {m: (1.0, 0.1) for m in MEASURES}
    specs.update(
        age=(60.0, 4.0),
        height=(160.0, 5.0),
        weight=(62.0, 8.0),
        menopause_duration=(10.0, 5.0),
        bmi=(24.2, 2.8),
        ast=(20.0, 6.0),
        calcium=(2.35, 0.15),
        phosphorus=(1.1, 0.12),
        ohd_25=(15.0, 5.0),
        tracp_5b=(1.8, 0.5),
        alp=(70.0, 15.0),
        ctx=(0.35, 0.25),
        pinp=(80.0, 40.0),
        oc=(22.0, 8.0),
        igf_1=(10.0, 6.0),
    )
    for group in GROUPS:
        for measure, (mean, sd) in specs.items():
            if measure == "bmi":
                continue
            for month in MONTHS if measure in MEASURES else (0,):
                rows.append(
                    {
                        "measure": measure,
                        "group": group,
                        "month": month,
                        "mean": mean,
                        "sd": sd,
                        "n": 8,
                    }
                )
    return {"targets": pd.DataFrame(rows), "age_range": (50, 72)}
