"""Ordered categories of a measure per arm and visit, and their between-arm test (Table 4).

:func:`ordinal_categories` counts the women of each arm in categories such as 25(OH)D
deficient, insufficient and normal; :func:`ordinal_test` compares the two arms'
distributions over the ordered categories.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import numpy as np
import pandas as pd
from scipy import stats

from milkbone._validate import require_columns, require_values, shown
from milkbone.analysis.clinical._checks import (
    check_evidence,
    check_long,
    measure_list,
    month_list,
    months_of,
    too_few,
)
from milkbone.vocabulary import GROUPS

__all__ = ["ordinal_categories", "ordinal_test"]

_TEST_COLUMNS = ["measure", "month", "test", "n", "n_hcm", "n_cm", "statistic", "dof", "z", "p"]


def ordinal_categories(
    data: pd.DataFrame,
    *,
    month: int | Sequence[int] | None = None,
    measures: Sequence[str] | str = "ohd_25",
    cutpoints: Sequence[float] = (12, 20),
    labels: Sequence[str] = ("deficient", "insufficient", "normal"),
    evidence: str = "simulated",
) -> pd.DataFrame:
    """Count participants per arm in ordered categories of a measure, per visit (Table 4).

    Parameters
    ----------
    data : pandas.DataFrame
        Long participant frame.
    month : {0, 6, 12} or sequence of them, optional
        The visit or visits; default every visit with data for ``measures``, ascending.
    measures : str or sequence of str, default "ohd_25"
        Measure slug or slugs; 25(OH)D in ng/mL by default. The same ``cutpoints``
        apply to every measure.
    cutpoints : sequence of float, default (12, 20)
        Increasing boundaries between categories.
    labels : sequence of str, default ("deficient", "insufficient", "normal")
        One label per category, lowest first (``len(cutpoints) + 1`` labels).
    evidence : str, default "simulated"
        Evidence level written to ``evidence``.

    Returns
    -------
    pandas.DataFrame
        One row per visit × measure × arm × category (visits in the order given,
        HCM first, categories lowest first, empty categories kept with count 0),
        columns ``measure, month, group, category, lower, upper, count, n, method,
        evidence``; ``lower`` is included and ``upper`` excluded; ``n`` is the
        arm's number of participants at that visit.

    Raises
    ------
    KeyError
        If ``data`` lacks a column.
    ValueError
        Invalid input, unknown measure or month, cutpoints not strictly increasing,
        the wrong number of labels or repeated labels, or no value in an arm at a visit.

    See Also
    --------
    ordinal_test : compares the two groups' distributions.

    Notes
    -----
    Table 4's footnotes give Normal ≥ 20, Insufficient "12 < 25(OH)D < 20" and
    Deficient < 12 ng/mL, which leaves exactly 12 ng/mL in no category. We close
    every category on the left: deficient ``< 12``, insufficient ``12 ≤ x < 20``,
    normal ``≥ 20`` (``pandas.cut(right=False)``), so 12 counts as insufficient and
    20 as normal — the Institute of Medicine convention (deficiency below 12 ng/mL,
    i.e. 30 nmol/L).

    Examples
    --------
    >>> data = pd.DataFrame({
    ...     "participant": list("abcdefgh"), "group": ["HCM"] * 4 + ["CM"] * 4,
    ...     "month": 6, "measure": "ohd_25",
    ...     "value": [24.0, 20.0, 12.0, 26.1, 18.0, 11.9, 17.0, 20.2]})
    >>> ordinal_categories(data, month=6)[["group", "category", "count", "n"]]
      group      category  count  n
    0   HCM     deficient      0  4
    1   HCM  insufficient      1  4
    2   HCM        normal      3  4
    3    CM     deficient      1  4
    4    CM  insufficient      2  4
    5    CM        normal      1  4
    """
    frame = check_long(data)
    check_evidence(evidence)
    if month is not None:
        month_list("month", month)
    cuts = [float(c) for c in cutpoints]
    if len(cuts) == 0 or any(b <= a for a, b in itertools.pairwise(cuts)):
        raise ValueError(
            f"cutpoints must be strictly increasing numbers, got {shown(cuts)}; "
            "allowed: e.g. (12, 20)"
        )
    labels = list(labels)
    if len(labels) != len(cuts) + 1 or len(set(labels)) != len(labels):
        raise ValueError(
            f"labels must be {len(cuts) + 1} distinct names (one more than cutpoints), "
            f"got {shown(labels)}"
        )
    chosen = measure_list(frame, measures)
    chosen_rows = frame.loc[frame["measure"].isin(chosen)]
    visits = month_list("month", month) if month is not None else months_of(chosen_rows)
    edges = [-np.inf, *cuts, np.inf]
    rows = [
        row
        for visit in visits
        for measure in chosen
        for row in _categorised(frame, measure, visit, edges, labels)
    ]
    return pd.DataFrame(rows).assign(
        method="pandas.cut(right=False): lower bound included, upper excluded",
        evidence=evidence,
    )


def _categorised(
    frame: pd.DataFrame, measure: str, month: int, edges: list[float], labels: list[str]
) -> list[dict[str, object]]:
    """The rows of :func:`ordinal_categories` for one measure at one visit."""
    sub = frame.loc[frame["measure"] == measure]
    sub = sub.loc[sub["month"] == month]
    rows = []
    for group in GROUPS:
        values = sub.loc[sub["group"] == group, "value"]
        if values.empty:
            raise too_few(f"{measure} in {group} at month {month}", 0, 1)
        category = pd.cut(values, bins=edges, right=False, labels=labels)
        counts = category.value_counts().reindex(labels, fill_value=0)
        rows += [
            {
                "measure": measure,
                "month": int(month),
                "group": group,
                "category": label,
                "lower": edges[i],
                "upper": edges[i + 1],
                "count": int(counts[label]),
                "n": len(values),
            }
            for i, label in enumerate(labels)
        ]
    return rows


def ordinal_test(
    counts: pd.DataFrame,
    *,
    scores: Sequence[float] | None = None,
    evidence: str = "simulated",
) -> pd.DataFrame:
    """Compare two groups over ordered categories: Mann–Whitney z and linear-by-linear χ².

    Parameters
    ----------
    counts : pandas.DataFrame
        Counts as :func:`ordinal_categories` returns them: columns ``group``,
        ``category``, ``count``, categories listed lowest first; optional ``measure``
        and ``month`` columns split the table into separate tests.
    scores : sequence of float, optional
        Category scores for the linear-by-linear test; default 1, 2, …, k.
    evidence : str, default "simulated"
        Evidence level written to ``evidence``.

    Returns
    -------
    pandas.DataFrame
        Two rows per measure and month, in the order of ``counts`` —
        ``mann_whitney`` and ``linear_by_linear`` (column ``test``) — with columns
        ``measure, month, test, n, n_hcm, n_cm, statistic, dof, z, p, method,
        evidence``. Mann–Whitney: ``statistic`` is
        U of HCM, ``dof`` NaN; linear-by-linear: ``statistic`` is M², ``dof`` 1.
        ``z`` is positive when HCM lies in higher categories.

    Raises
    ------
    KeyError
        If ``counts`` lacks a column.
    ValueError
        Unknown groups, counts that are not non-negative integers, a category listed
        twice for a group, a group with no one, or ``scores`` of the wrong length.

    See Also
    --------
    ordinal_categories : makes ``counts``.

    Notes
    -----
    Mann–Whitney with mid-ranks: every member of category j gets rank
    ``C_{j−1} + (t_j + 1)/2`` (``t_j`` the category total, ``C`` cumulative totals);
    ``U = R_HCM − n_HCM(n_HCM + 1)/2``,
    ``z = (U − n_HCM n_CM / 2) / sqrt(n_HCM n_CM / 12 · (N + 1 − Σ(t³ − t)/(N(N − 1))))``,
    no continuity correction — equal to ``scipy.stats.mannwhitneyu(method=
    "asymptotic", use_continuity=False)`` on the expanded data (tests).
    Linear-by-linear (Agresti 2013, §3.4.1): ``M² = (N − 1) r²`` with r the Pearson
    correlation of the group indicator and the category score, on 1 dof.
    The paper's Table 4 lists Normal first, so its z values have the opposite sign;
    its footnote calls the test a "single-ordered list chi-square test".

    Examples
    --------
    Table 4 at 6 months (deficient, insufficient, normal):

    >>> counts = pd.DataFrame({"group": ["HCM"] * 3 + ["CM"] * 3,
    ...     "category": ["deficient", "insufficient", "normal"] * 2,
    ...     "count": [0, 10, 41, 2, 27, 17]})
    >>> ordinal_test(counts, evidence="recomputed")[["test", "n", "statistic", "z", "p"]].round(4)
                   test   n  statistic       z    p
    0      mann_whitney  97   1692.500  4.3904  0.0
    1  linear_by_linear  97     19.159  4.3771  0.0
    """
    table = _check_counts(counts)
    check_evidence(evidence)
    keys = [c for c in ("measure", "month") if c in table.columns]
    parts = table.groupby(keys, sort=False) if keys else [((), table)]
    rows = []
    for key, part in parts:
        key = key if isinstance(key, tuple) else (key,)
        base = {"measure": np.nan, "month": np.nan} | dict(zip(keys, key, strict=True))
        rows += [base | row for row in _two_tests(part, scores)]
    out = pd.DataFrame(rows)
    return out[[*_TEST_COLUMNS, "method"]].assign(evidence=evidence)


def _check_counts(counts: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``counts`` with integer ``count``; raises on anything else."""
    require_columns(counts, ["group", "category", "count"], name="counts")
    table = counts.copy()
    require_values(table, "group", GROUPS, name="counts")
    numeric = pd.to_numeric(table["count"], errors="coerce")
    bad = table.loc[numeric.isna() | (numeric < 0) | (numeric % 1 != 0), "count"]
    if len(bad):
        raise ValueError(
            f"counts column 'count' has invalid value(s) {shown(bad.unique())}; "
            "allowed: non-negative integers"
        )
    table["count"] = numeric.astype(int)
    keys = [c for c in ("measure", "month") if c in table.columns]
    twice = table.loc[table.duplicated([*keys, "group", "category"], keep=False)]
    if len(twice):
        raise ValueError(
            f"counts lists category {shown(twice['category'].unique())} more than once "
            "for a group; allowed: one row per group and category"
        )
    return table


def _two_tests(part: pd.DataFrame, scores: Sequence[float] | None) -> list[dict[str, object]]:
    """Mann–Whitney and linear-by-linear rows of one measure at one visit."""
    categories = list(pd.unique(part["category"]))
    k = len(categories)
    grid = part.pivot(index="group", columns="category", values="count")
    grid = grid.reindex(index=list(GROUPS), columns=categories).fillna(0).astype(int)
    c1, c2 = grid.loc["HCM"].to_numpy(), grid.loc["CM"].to_numpy()
    n1, n2 = int(c1.sum()), int(c2.sum())
    for group, n in (("HCM", n1), ("CM", n2)):
        if n == 0:
            raise ValueError(
                f"counts has no one in group {group!r}; allowed: at least one per group"
            )
    score = np.arange(1.0, k + 1) if scores is None else np.asarray(scores, dtype=float)
    if score.shape != (k,):
        raise ValueError(f"scores must have one value per category ({k}), got {shown(scores)}")
    common = {"n": n1 + n2, "n_hcm": n1, "n_cm": n2}
    return [common | _mann_whitney(c1, c2), common | _linear_by_linear(c1, c2, score)]


def _mann_whitney(c1: np.ndarray, c2: np.ndarray) -> dict[str, object]:
    """Mann–Whitney U of HCM over ordered categories: mid-ranks, tie-corrected z."""
    n1, n2 = int(c1.sum()), int(c2.sum())
    total = c1 + c2
    big_n = n1 + n2
    midrank = np.concatenate([[0], np.cumsum(total)[:-1]]) + (total + 1) / 2
    u = float(np.sum(c1 * midrank) - n1 * (n1 + 1) / 2)
    ties = float(np.sum(total**3 - total)) / (big_n * (big_n - 1))
    var_u = n1 * n2 / 12 * ((big_n + 1) - ties)
    z_mw = (u - n1 * n2 / 2) / np.sqrt(var_u)
    return {
        "test": "mann_whitney",
        "statistic": u,
        "dof": np.nan,
        "z": float(z_mw),
        "p": float(2 * stats.norm.sf(abs(z_mw))),
        "method": "Mann-Whitney U on ordered categories, mid-ranks, tie-corrected "
        "normal approximation, no continuity correction",
    }


def _linear_by_linear(c1: np.ndarray, c2: np.ndarray, score: np.ndarray) -> dict[str, object]:
    """Linear-by-linear association M² = (N − 1) r², r of group indicator and score."""
    n1 = int(c1.sum())
    total = c1 + c2
    big_n = n1 + int(c2.sum())
    x_mean = n1 / big_n
    s_mean = float(np.sum(total * score)) / big_n
    sxy = float(np.sum(c1 * score)) - big_n * x_mean * s_mean
    sxx = n1 - big_n * x_mean**2
    syy = float(np.sum(total * score**2)) - big_n * s_mean**2
    r = sxy / np.sqrt(sxx * syy)
    m2 = (big_n - 1) * r**2
    return {
        "test": "linear_by_linear",
        "statistic": float(m2),
        "dof": 1.0,
        "z": float(np.sign(r) * np.sqrt(m2)),
        "p": float(stats.chi2.sf(m2, 1)),
        "method": f"linear-by-linear association M2 = (N-1) r^2, scores {score.tolist()}",
    }
