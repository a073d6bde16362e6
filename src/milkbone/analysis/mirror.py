"""Published summaries beside the same summaries computed on participant data.

The clinical chapters mirror the paper's Tables 2–4: every printed mean ± SD, test
statistic and category count is shown next to the number our code computes on the
participant data in use (the simulated cohort, unless a reader supplies real data).
This module lines the two sides up; it computes nothing that :mod:`milkbone.clinical`
does not, and reads no file (pass it the frames of :mod:`milkbone.published`).

- :func:`compare_summaries`: mean ± SD per measure × group × month, both sides, with
  differences (also the calibration table of the simulated cohort);
- :func:`wide_table`: the same laid out like the paper's table, "mean ± SD" strings at
  the paper's decimals;
- :func:`compare_tests`: printed between-arm t/U and p beside the cohort's test;
- :func:`category_table`: Table 4's 25(OH)D category counts, both sides;
- :func:`standardised_differences`: baseline balance as standardised mean differences;
- :func:`percent_changes`: percent changes of group means between visits;
- :func:`stated_percent_changes` and :func:`compare_percent_changes`: the percent
  changes the prose states, signed, and beside the same changes on the cohort.

Every output is tidy (RangeIndex, snake_case columns in the documented order, HCM
before CM) and says the evidence level of each side.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import numpy as np
import pandas as pd

from milkbone import EVIDENCE_LEVELS
from milkbone._validate import require_columns, require_values
from milkbone.analysis import clinical
from milkbone.vocabulary import GROUPS
from milkbone.published.parse import decimals

__all__ = [
    "category_table",
    "compare_percent_changes",
    "compare_summaries",
    "compare_tests",
    "percent_changes",
    "standardised_differences",
    "stated_percent_changes",
    "wide_table",
]

_SUMMARY_COLUMNS = ("measure", "group", "month", "mean", "sd", "n")
_PUBLISHED_COLUMNS = (*_SUMMARY_COLUMNS, "mean_text", "sd_text")
_UNITS = {"g/cm2": "g/cm²", "kg/m2": "kg/m²"}


def _check_evidence(evidence: str, name: str = "evidence") -> None:
    if evidence not in EVIDENCE_LEVELS:
        raise ValueError(f"{name} must be one of {EVIDENCE_LEVELS}, got {evidence!r}")


def _order(frame: pd.DataFrame, measures: Sequence[str]) -> pd.DataFrame:
    rank = {m: i for i, m in enumerate(measures)}
    keys = frame.assign(
        _m=frame["measure"].map(rank),
        _g=frame["group"].map({g: i for i, g in enumerate(GROUPS)}),
    )
    keys = keys.sort_values(["_m", "_g", "month"], kind="stable")
    return keys.drop(columns=["_m", "_g"]).reset_index(drop=True)


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
    _check_evidence(evidence)
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
    return _order(merged[columns], order)


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


def _printed_tests(published_cells: pd.DataFrame) -> pd.DataFrame:
    """Between-arm statistic and p cells of Table 2 or Table 3, one row per measure × month."""
    require_columns(published_cells, ["cell_id", "measure", "month", "cell_text"], name="cells")
    cells = published_cells.assign(month=published_cells["month"].astype("Int64"))
    if "cell_kind" in cells.columns:  # Table 3: "P-value" rows between the arms
        p = cells[cells["cell_kind"] == "p_between"]
        statistic = cells.iloc[0:0]
    else:  # Table 2: columns t/U and p-value
        p = cells[cells["cell_id"].str.endswith(".p")]
        statistic = cells[cells["cell_id"].str.endswith(".statistic")]
    p = p[p["cell_text"].str.strip().ne("-")]
    out = p[["measure", "month", "cell_text"]].rename(columns={"cell_text": "published_p_text"})
    out["published_p"] = p["p_value"].to_numpy()
    stat = statistic[["measure", "month", "cell_text"]].rename(
        columns={"cell_text": "published_statistic_text"}
    )
    if "statistic_kind" in statistic.columns:
        stat["published_test"] = statistic["statistic_kind"].to_numpy()
    out = out.merge(stat, on=["measure", "month"], how="left")
    for column in ("published_statistic_text", "published_test"):
        if column not in out.columns:
            out[column] = None
    return out


def compare_tests(
    cohort_tests: pd.DataFrame,
    published_cells: pd.DataFrame,
    *,
    evidence: str = "simulated",
) -> pd.DataFrame:
    """Printed between-arm tests (Table 2 t/U and p, Table 3 p rows) beside the cohort's.

    Parameters
    ----------
    cohort_tests : pandas.DataFrame
        Output of :func:`milkbone.clinical.compare_groups` (one or several visits
        concatenated): columns ``measure, month, n, test, statistic, p``.
    published_cells : pandas.DataFrame
        ``published.table(2)`` or ``published.table(3)``: one row per printed cell.
    evidence : str, default "simulated"
        Evidence level of the cohort side.

    Returns
    -------
    pandas.DataFrame
        One row per measure × month printed by the paper, in the paper's order,
        columns ``measure, month, published_test, published_statistic_text,
        published_p_text, published_p, n, test, statistic, p, evidence,
        published_evidence``. ``published_test`` is how the statistic was read
        (``"t"`` or ``"mann_whitney"``; None for Table 3, which prints p only);
        ``test``/``statistic``/``p`` are the cohort's (NaN where the cohort has no
        test for that visit).

    Raises
    ------
    KeyError
        If a frame lacks a column.
    ValueError
        Unknown evidence level.

    Notes
    -----
    Signs and sides differ by construction: the paper's t is CM − HCM (Jamovi
    orders levels alphabetically) and its U the smaller of the two U's, while
    :func:`milkbone.clinical.compare_groups` reports t of HCM − CM and U of HCM.

    Examples
    --------
    >>> cells = pd.DataFrame({
    ...     "cell_id": ["t2.age.statistic", "t2.age.p"], "measure": "age", "month": 0,
    ...     "cell_text": ["0.03", "0.974"], "statistic_kind": ["t", None],
    ...     "p_value": [None, 0.974]})
    >>> tests = pd.DataFrame({"measure": ["age"], "month": [0], "n": [97],
    ...     "test": ["t"], "statistic": [0.2], "p": [0.84]})
    >>> compare_tests(tests, cells)[["measure", "published_statistic_text",
    ...     "published_p_text", "test", "p"]]
      measure published_statistic_text published_p_text test     p
    0     age                     0.03            0.974    t  0.84
    """
    _check_evidence(evidence)
    require_columns(
        cohort_tests, ["measure", "month", "n", "test", "statistic", "p"], name="cohort_tests"
    )
    printed = _printed_tests(published_cells)
    ours = cohort_tests[["measure", "month", "n", "test", "statistic", "p"]].astype(
        {"month": "int64"}
    )
    printed = printed.astype({"month": "int64"})
    out = printed.merge(ours, on=["measure", "month"], how="left")
    out["evidence"] = evidence
    out["published_evidence"] = "published"
    columns = [
        "measure",
        "month",
        "published_test",
        "published_statistic_text",
        "published_p_text",
        "published_p",
        "n",
        "test",
        "statistic",
        "p",
        "evidence",
        "published_evidence",
    ]
    return out[columns].reset_index(drop=True)


def category_table(
    cohort_counts: pd.DataFrame,
    published_counts: pd.DataFrame,
    *,
    evidence: str = "simulated",
) -> pd.DataFrame:
    """Table 4's category counts per visit: cohort beside printed, one row per category.

    Parameters
    ----------
    cohort_counts : pandas.DataFrame
        :func:`milkbone.clinical.ordinal_categories` of one or more visits,
        concatenated: columns ``month, group, category, count``.
    published_counts : pandas.DataFrame
        ``published.table(4)`` (rows with a ``category`` are the counts) or any
        frame with ``month, group, category, count``.
    evidence : str, default "simulated"
        Evidence level of the cohort side.

    Returns
    -------
    pandas.DataFrame
        One row per visit × category (categories in the order of
        ``cohort_counts``), columns ``month, category, count_hcm, count_cm,
        published_hcm, published_cm, evidence``. The ``count_*`` names let
        :func:`milkbone.figures.show_table` blank counts below five on real data;
        the printed counts are public and shown as printed.

    Raises
    ------
    KeyError
        If a frame lacks a column.
    ValueError
        Unknown evidence level or group.

    Examples
    --------
    >>> ours = pd.DataFrame({"month": 6, "group": ["HCM", "HCM", "CM", "CM"],
    ...     "category": ["low", "normal"] * 2, "count": [1, 3, 2, 2]})
    >>> printed = ours.assign(count=[0, 41, 2, 17])
    >>> category_table(ours, printed)[["category", "count_hcm", "published_hcm"]]
      category  count_hcm  published_hcm
    0      low          1              0
    1   normal          3             41
    """
    _check_evidence(evidence)
    for frame, name in ((cohort_counts, "cohort_counts"), (published_counts, "published_counts")):
        require_columns(frame, ["month", "group", "category", "count"], name=name)
    printed = published_counts.dropna(subset=["category"])
    printed = printed[printed["category"].astype(str).ne("")]
    require_values(cohort_counts, "group", GROUPS, name="cohort_counts")
    require_values(printed, "group", GROUPS, name="published_counts")

    def _wide(frame: pd.DataFrame, prefix: str) -> pd.DataFrame:
        frame = frame.astype({"month": "int64", "count": "int64"})
        wide = frame.pivot_table(
            index=["month", "category"], columns="group", values="count", aggfunc="sum"
        )
        return wide.rename(columns={g: f"{prefix}_{g.lower()}" for g in GROUPS})

    out = _wide(cohort_counts, "count").join(_wide(printed, "published"), how="left")
    order = {c: i for i, c in enumerate(pd.unique(cohort_counts["category"]))}
    out = out.reset_index()
    out.columns.name = None
    out = out.assign(_c=out["category"].map(order)).sort_values(["month", "_c"], kind="stable")
    for column in ("count_hcm", "count_cm", "published_hcm", "published_cm"):
        out[column] = out[column].astype("Int64")
    out["evidence"] = evidence
    columns = ["month", "category", "count_hcm", "count_cm", "published_hcm", "published_cm"]
    return out[[*columns, "evidence"]].reset_index(drop=True)


def _by_group(summary: pd.DataFrame, name: str) -> pd.DataFrame:
    require_columns(summary, _SUMMARY_COLUMNS, name=name)
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
    _check_evidence(evidence)
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
    _check_evidence(evidence)
    require_columns(summary, _SUMMARY_COLUMNS, name="summary")
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
    _check_evidence(evidence)
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
