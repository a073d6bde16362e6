"""Printed between-arm tests and Table 4's category counts beside the cohort's.

:func:`compare_tests` puts Table 2's t/U and p (or Table 3's p rows) beside
:func:`milkbone.analysis.clinical.compare_groups`; :func:`category_table` puts Table 4's
25(OH)D counts beside :func:`milkbone.analysis.clinical.ordinal_categories`.
"""

from __future__ import annotations

import pandas as pd

from milkbone._validate import require_columns, require_values
from milkbone.analysis.clinical._checks import check_evidence
from milkbone.vocabulary import GROUPS

__all__ = ["category_table", "compare_tests"]


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
    check_evidence(evidence)
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
        :func:`milkbone.report.show_table` blank counts below five on real data;
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
    check_evidence(evidence)
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
