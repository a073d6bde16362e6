"""Printed means ± SD beside the same summaries of participant data (Tables 2 and 3).

:func:`compare_summaries` lines the two sides up per measure × group × month, with
differences (also the calibration table of the simulated cohort); :func:`wide_table`
lays the result out like the paper's table, "mean ± SD" at the paper's decimals.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import numpy as np
import pandas as pd

from milkbone._validate import require_columns, require_values
from milkbone.analysis import clinical
from milkbone.analysis.clinical._checks import check_evidence
from milkbone.analysis.mirror._common import SUMMARY_COLUMNS, order_rows
from milkbone.published.parse import decimals
from milkbone.vocabulary import GROUPS

__all__ = ["compare_summaries", "wide_table"]

_PUBLISHED_COLUMNS = (*SUMMARY_COLUMNS, "mean_text", "sd_text")
_UNITS = {"g/cm2": "g/cm²", "kg/m2": "kg/m²"}


def _published_cells(published_stats: pd.DataFrame, source: str | None) -> pd.DataFrame:
    require_columns(published_stats, _PUBLISHED_COLUMNS, name="published_stats")
    stats = published_stats
    if source is not None:
        if "source" not in stats.columns:
            raise KeyError("published_stats has no 'source' column to select source from")
        if source not in set(stats["source"]):
            raise ValueError(
                f"source {source!r} not in published_stats; it has {sorted(set(stats['source']))}"
            )
        stats = stats[stats["source"] == source]
    require_values(stats, "group", GROUPS, name="published_stats")
    stats = stats.drop_duplicates(["measure", "group", "month"], keep="first")
    if "source" not in stats.columns:
        stats = stats.assign(source="")
    return stats


def compare_summaries(
    cohort_long: pd.DataFrame,
    published_stats: pd.DataFrame,
    *,
    evidence: str = "simulated",
    source: str | None = None,
) -> pd.DataFrame:
    """Mean ± SD per measure × group × month on the cohort beside the printed ones.

    Parameters
    ----------
    cohort_long : pandas.DataFrame
        Long participant frame ``participant, group, month, measure, value``
        (:meth:`milkbone.cohort.Cohort.long`).
    published_stats : pandas.DataFrame
        Printed summaries with columns ``measure, group, month, mean, sd, n,
        mean_text, sd_text`` and optionally ``source``
        (:func:`milkbone.published.summary_statistics`).
    evidence : str, default "simulated"
        Evidence level of the cohort side (``milkbone.EVIDENCE_LEVELS``).
    source : str, optional
        Keep only the printed rows of this ``source`` (``"Table 2"``, ``"Table 3"``).
        Without it, a cell printed twice (the baseline markers appear in Tables 2
        and 3) is taken from its first row, i.e. Table 2.

    Returns
    -------
    pandas.DataFrame
        One row per measure × group × month present on either side, measures in
        the order of ``published_stats`` (the paper's) and then any others, HCM
        first, months ascending. Columns:

        - ``measure, group, month``;
        - ``n, mean, sd``: the cohort (sample SD, ddof = 1), NaN/0 when absent;
        - ``published_source, published_n, published_mean, published_sd,
          published_mean_text, published_sd_text``: the printed cell, NA when the
          paper prints none;
        - ``mean_difference``: cohort − published mean;
        - ``mean_difference_se``: that difference in units of the published
          standard error, ``published_sd / sqrt(published_n)``;
        - ``sd_ratio``: cohort SD / published SD;
        - ``evidence``: the cohort side's level; ``published_evidence``:
          ``"published"``.

    Raises
    ------
    KeyError
        If a frame lacks a column.
    ValueError
        Invalid participant data (as :func:`milkbone.clinical.describe`), an
        unknown group in ``published_stats``, an unknown ``source`` or evidence
        level.

    See Also
    --------
    wide_table : lays the result out like the paper's table.
    milkbone.clinical.describe : computes the cohort side.

    Notes
    -----
    The cohort side is ``clinical.describe`` (``mean = Σx/n``, ``sd`` with
    ``n − 1``). ``mean_difference_se`` is a calibration diagnostic: for a cohort
    drawn from the published distribution it behaves like a standard normal draw
    only if the cohort is an independent sample; the simulated cohort is
    calibrated to these very numbers, so small values there prove nothing.

    Examples
    --------
    >>> data = pd.DataFrame({
    ...     "participant": list("abcd"), "group": ["HCM", "HCM", "CM", "CM"],
    ...     "month": 0, "measure": "ohd_25", "value": [15.0, 17.0, 14.0, 16.0]})
    >>> printed = pd.DataFrame({
    ...     "measure": "ohd_25", "group": ["HCM", "CM"], "month": 0,
    ...     "mean": [15.64, 15.26], "sd": [5.875, 4.426], "n": [51, 46],
    ...     "mean_text": ["15.64", "15.26"], "sd_text": ["5.875", "4.426"]})
    >>> res = compare_summaries(data, printed)
    >>> res[["group", "n", "mean", "published_mean", "mean_difference"]].round(2)
      group  n  mean  published_mean  mean_difference
    0   HCM  2  16.0           15.64             0.36
    1    CM  2  15.0           15.26            -0.26
    """
    check_evidence(evidence)
    stats = _published_cells(published_stats, source)
    cohort = clinical.describe(cohort_long, evidence=evidence)
    cohort = cohort[["measure", "group", "month", "n", "mean", "sd"]]
    printed = stats[[*_PUBLISHED_COLUMNS, "source"]].rename(
        columns={c: f"published_{c}" for c in (*_PUBLISHED_COLUMNS[3:], "source")}
    )
    printed = printed.astype({"month": "int64"})
    merged = cohort.merge(printed, on=["measure", "group", "month"], how="outer")
    merged["n"] = merged["n"].fillna(0).astype("int64")
    merged["published_n"] = merged["published_n"].astype("Int64")
    merged["mean_difference"] = merged["mean"] - merged["published_mean"]
    se = merged["published_sd"] / np.sqrt(merged["published_n"].astype("float64"))
    merged["mean_difference_se"] = merged["mean_difference"] / se
    merged["sd_ratio"] = merged["sd"] / merged["published_sd"]
    merged["evidence"] = evidence
    merged["published_evidence"] = "published"
    order = list(pd.unique(stats["measure"])) + [
        m for m in pd.unique(cohort["measure"]) if m not in set(stats["measure"])
    ]
    columns = [
        "measure",
        "group",
        "month",
        "n",
        "mean",
        "sd",
        "published_source",
        "published_n",
        "published_mean",
        "published_sd",
        "published_mean_text",
        "published_sd_text",
        "mean_difference",
        "mean_difference_se",
        "sd_ratio",
        "evidence",
        "published_evidence",
    ]
    return order_rows(merged[columns], order)


def _label(row: pd.Series) -> str:
    unit = row.get("unit")
    unit = "" if unit is None or pd.isna(unit) else _UNITS.get(str(unit), str(unit))
    return f"{row['label']}, {unit}" if unit else str(row["label"])


def _cell(mean: float, sd: float, places: tuple[int, int]) -> str | None:
    if pd.isna(mean):
        return None
    if pd.isna(sd):
        return f"{mean:.{places[0]}f}"
    return f"{mean:.{places[0]}f} ± {sd:.{places[1]}f}"


def _places(comparison: pd.DataFrame) -> dict[tuple[str, str, int], tuple[int, int]]:
    """Decimals of each printed cell; cells the paper does not print borrow the measure's."""
    printed = comparison.dropna(subset=["published_mean_text"])
    places = {
        (r.measure, r.group, r.month): (
            decimals(r.published_mean_text),
            decimals(r.published_sd_text),
        )
        for r in printed.itertuples()
    }
    by_measure = {}
    for (measure, _, _), p in places.items():
        by_measure.setdefault(measure, p)
    return {
        (r.measure, r.group, r.month): places.get(
            (r.measure, r.group, r.month), by_measure.get(r.measure, (2, 2))
        )
        for r in comparison.itertuples()
    }


def wide_table(
    comparison: pd.DataFrame,
    *,
    measures: pd.DataFrame | None = None,
    sides: Sequence[str] = ("published", "cohort"),
    cohort_label: str | None = None,
    months: Sequence[int] | None = None,
) -> pd.DataFrame:
    """Lay :func:`compare_summaries` out like the paper's table, for display.

    Parameters
    ----------
    comparison : pandas.DataFrame
        Output of :func:`compare_summaries`.
    measures : pandas.DataFrame, optional
        The measure table of :func:`milkbone.published.measures` (columns
        ``measure, label, unit``) giving printed names; default that table.
    sides : sequence of {"published", "cohort"}, default both
        Which values to show, one row each per measure, in this order.
    cohort_label : str, optional
        Name of the cohort side in the ``values`` column; default the evidence level
        of the cohort side (``"simulated"``).
    months : sequence of int, optional
        Visits shown; default every visit of ``comparison``.

    Returns
    -------
    pandas.DataFrame
        Columns ``measure`` (printed name and unit, e.g. ``"L1–4 BMD, g/cm²"``),
        ``values`` (``"published"`` or the cohort label), then one column per visit
        and group, ``"HCM 0 m", "CM 0 m", "HCM 6 m", …``, holding ``"mean ± SD"``
        at the decimals the paper prints for that cell (cells it does not print take
        the decimals of the same measure's printed cells). A visit at which a measure
        is not reported on that side is missing (NA, shown as a dash). Rows follow the order
        of ``comparison``.

    Raises
    ------
    KeyError
        If ``comparison`` lacks a column.
    ValueError
        If ``sides`` is empty or names an unknown side.

    Examples
    --------
    >>> comparison = pd.DataFrame({
    ...     "measure": "ohd_25", "group": ["HCM", "CM"], "month": 0, "n": [2, 2],
    ...     "mean": [16.0, 15.0], "sd": [1.41421, 1.41421],
    ...     "published_mean": [15.64, 15.26], "published_sd": [5.875, 4.426],
    ...     "published_mean_text": ["15.64", "15.26"],
    ...     "published_sd_text": ["5.875", "4.426"], "evidence": "simulated"})
    >>> names = pd.DataFrame({"measure": ["ohd_25"], "label": ["25(OH)D"], "unit": ["ng/mL"]})
    >>> wide_table(comparison, measures=names)
              measure     values        HCM 0 m         CM 0 m
    0  25(OH)D, ng/mL  published  15.64 ± 5.875  15.26 ± 4.426
    1  25(OH)D, ng/mL  simulated  16.00 ± 1.414  15.00 ± 1.414
    """
    require_columns(
        comparison,
        [
            "measure",
            "group",
            "month",
            "mean",
            "sd",
            "published_mean",
            "published_sd",
            "published_mean_text",
            "published_sd_text",
            "evidence",
        ],
        name="comparison",
    )
    sides = list(sides)
    if not sides or any(s not in ("published", "cohort") for s in sides):
        raise ValueError(f"sides must be a non-empty list of 'published', 'cohort'; got {sides}")
    if measures is None:
        from milkbone import published

        measures = published.measures()
    require_columns(measures, ["measure", "label", "unit"], name="measures")
    names = {r["measure"]: _label(r) for r in measures.to_dict("records")}
    label = cohort_label or str(comparison["evidence"].iloc[0])
    months = sorted(comparison["month"].unique()) if months is None else list(months)
    places = _places(comparison)
    columns = [f"{g} {m} m" for m, g in itertools.product(months, GROUPS)]
    rows = []
    for measure in pd.unique(comparison["measure"]):
        cells = comparison[comparison["measure"] == measure].set_index(["group", "month"])
        for side in sides:
            prefix = "published_" if side == "published" else ""
            row = {"measure": names.get(measure, measure), "values": label}
            if side == "published":
                row["values"] = "published"
            for month, group in itertools.product(months, GROUPS):
                key = (group, month)
                value = None
                if key in cells.index:
                    cell = cells.loc[key]
                    value = _cell(
                        cell[f"{prefix}mean"], cell[f"{prefix}sd"], places[(measure, *key)]
                    )
                row[f"{group} {month} m"] = value
            rows.append(row)
    return pd.DataFrame(rows, columns=["measure", "values", *columns])
