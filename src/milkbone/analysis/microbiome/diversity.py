"""Alpha diversity (Chao1, Shannon) and its tests between and within arms (paper §2.4,
§2.5, §3.4, Figure 3A–B).

Diversity is computed on raw read counts, without rarefying. Formulas (scikit-bio's
defaults, checked against :mod:`skbio.diversity.alpha` in the tests):

- Chao1, bias-corrected: :math:`S_{obs} + F_1 (F_1 - 1) / (2 (F_2 + 1))`, with
  :math:`F_1`, :math:`F_2` the features seen once and twice (Chao 1984; R vegan's
  ``estimateR`` uses the same);
- Shannon: :math:`H = -\\sum_i p_i \\log_b p_i` over the features present, base
  ``b`` a parameter, default *e* (scikit-bio since 0.6 and R vegan; QIIME 1 and 2
  use base 2: pass ``base=2`` to compare with them).

An empty sample has no diversity: its values are NaN, and the tests leave it out.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pandas as pd
from scipy import stats

from milkbone._validate import require_columns, shown
from milkbone.analysis.microbiome._checks import (
    check_choice,
    check_counts,
    check_evidence,
    check_samples,
)
from milkbone.vocabulary import GROUPS, MONTHS, PARTICIPANT_LEVELS

__all__ = [
    "ALPHA_METRICS",
    "ALPHA_TEST_COLUMNS",
    "BETWEEN_TESTS",
    "WITHIN_TESTS",
    "alpha_diversity",
    "alpha_tests",
]

ALPHA_METRICS = ("observed_features", "chao1", "shannon")
"""Metrics :func:`alpha_diversity` computes."""

BETWEEN_TESTS = {
    "mann-whitney": 'scipy.stats.mannwhitneyu(method="asymptotic", use_continuity=True)',
    "kruskal": "scipy.stats.kruskal",
    "anova": "scipy.stats.f_oneway",
}
"""Tests of HCM against CM at one visit, and the routine each calls."""

WITHIN_TESTS = {
    "wilcoxon": 'scipy.stats.wilcoxon(method="asymptotic", zero_method="wilcox")',
    "paired-t": "scipy.stats.ttest_rel",
}
"""Tests of a later visit against baseline within one arm (paired by participant)."""


def alpha_diversity(
    counts: pd.DataFrame,
    samples: pd.DataFrame | None = None,
    *,
    metrics: Sequence[str] = ("chao1", "shannon"),
    base: float = math.e,
    evidence: str = "simulated",
) -> pd.DataFrame:
    """Chao1, Shannon and observed features of each sample, in long form.

    Parameters
    ----------
    counts : pandas.DataFrame
        Samples × features of read counts (whole numbers), index sample id.
    samples : pandas.DataFrame, optional
        Sample metadata (``participant, group, month``) indexed by sample id; when
        given, those columns follow ``sample`` (as the figures need them).
    metrics : sequence of str
        Any of :data:`ALPHA_METRICS`, in the order wanted.
    base : float
        Logarithm base of Shannon's index (``math.e``: nats; 2: bits, as QIIME).
    evidence : {"simulated", "observed"}
        Evidence level of the data.

    Returns
    -------
    pandas.DataFrame
        ``sample, [participant, group, month,] metric, value, n, method, evidence``:
        one row per metric × sample (metric-major, samples in the order of
        ``counts``); ``n`` is the sample's reads.

    Raises
    ------
    ValueError
        If counts are negative, fractional or missing, a metric is unknown, or
        ``base`` is not a number above 1.

    Examples
    --------
    >>> counts = pd.DataFrame({"a": [1, 5], "b": [1, 5], "c": [2, 0]}, index=["s1", "s2"])
    >>> alpha_diversity(counts, base=2)[["sample", "metric", "value", "n"]]
      sample   metric  value   n
    0     s1    chao1    3.5   4
    1     s2    chao1    2.0  10
    2     s1  shannon    1.5   4
    3     s2  shannon    1.0  10
    """
    check_counts(counts, integer=True)
    metrics = [metrics] if isinstance(metrics, str) else list(metrics)
    for metric in metrics:
        check_choice("metric", metric, ALPHA_METRICS)
    if isinstance(base, bool) or not isinstance(base, int | float) or not base > 1:
        raise ValueError(f"base must be a number above 1 (e.g. math.e or 2), got {base!r}")
    check_evidence(evidence)
    x = counts.to_numpy(dtype=float)
    reads = x.sum(axis=1)
    empty = reads == 0
    observed = (x > 0).sum(axis=1).astype(float)
    singles, doubles = (x == 1).sum(axis=1), (x == 2).sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        p = x / reads[:, None]
        terms = np.where(x > 0, p * np.log(np.where(x > 0, p, 1.0)), 0.0)
    values = {
        "observed_features": observed,
        "chao1": observed + singles * (singles - 1) / (2.0 * (doubles + 1)),
        "shannon": -terms.sum(axis=1) / math.log(base),
    }
    method = {
        "observed_features": "features with at least one read",
        "chao1": "Chao1, bias-corrected: S_obs + F1(F1-1)/(2(F2+1)) (skbio default)",
        "shannon": "Shannon index, log base "
        + ("e (nats)" if base == math.e else "2 (bits)" if base == 2 else f"{base:g}"),
    }
    frames = [
        pd.DataFrame(
            {
                "sample": counts.index,
                "metric": metric,
                "value": np.where(empty, np.nan, values[metric]),
                "n": reads.astype("int64"),
                "method": method[metric],
                "evidence": evidence,
            }
        )
        for metric in metrics
    ]
    table = pd.concat(frames, ignore_index=True)
    if samples is not None:
        meta = check_samples(samples, counts.index)
        table = pd.concat([table[["sample"]], meta.loc[table["sample"]].reset_index(drop=True),
                           table.drop(columns="sample")], axis=1)  # fmt: skip
    return table


def _between(values: pd.DataFrame, test: str) -> tuple[float, float]:
    hcm = values.loc[values["group"] == GROUPS[0], "value"].to_numpy()
    cm = values.loc[values["group"] == GROUPS[1], "value"].to_numpy()
    if min(len(hcm), len(cm)) < 2 or np.unique(np.r_[hcm, cm]).size < 2:
        return math.nan, math.nan  # too few values, or all equal: no test
    if test == "mann-whitney":
        result = stats.mannwhitneyu(hcm, cm, method="asymptotic", use_continuity=True)
    elif test == "kruskal":
        result = stats.kruskal(hcm, cm)
    else:
        result = stats.f_oneway(hcm, cm)
    return float(result.statistic), float(result.pvalue)


def _within(pairs: pd.DataFrame, test: str) -> tuple[float, float]:
    if np.count_nonzero(pairs["later"] - pairs["baseline"]) < 2:
        return math.nan, math.nan  # fewer than two changes to rank: no test
    if test == "wilcoxon":
        result = stats.wilcoxon(
            pairs["later"], pairs["baseline"], method="asymptotic", zero_method="wilcox"
        )
    else:
        result = stats.ttest_rel(pairs["later"], pairs["baseline"])
    return float(result.statistic), float(result.pvalue)


ALPHA_TEST_COLUMNS = (
    "metric",
    "comparison",
    "group",
    "month_from",
    "month_to",
    "test",
    "statistic",
    "p_value",
    "n",
    "method",
    "evidence",
)
"""Columns of :func:`alpha_tests`."""


def _between_rows(metric: str, part: pd.DataFrame, test: str) -> list[tuple]:
    rows = []
    for month in MONTHS:
        cell = part[part["month"] == month]
        if len(cell):
            statistic, p_value = _between(cell, test)
            rows.append(
                (
                    metric,
                    "between_arms",
                    "between_arms",
                    month,
                    month,
                    test,
                    statistic,
                    p_value,
                    len(cell),
                    BETWEEN_TESTS[test],
                )
            )
    return rows


def _within_rows(metric: str, part: pd.DataFrame, test: str, baseline: int) -> list[tuple]:
    rows = []
    for group in GROUPS:
        wide = part[part["group"] == group].pivot(
            index="participant", columns="month", values="value"
        )
        if baseline not in wide.columns:
            continue
        for month in [m for m in MONTHS if m != baseline and m in wide.columns]:
            pairs = wide[[baseline, month]].dropna().set_axis(["baseline", "later"], axis=1)
            statistic, p_value = _within(pairs, test)
            rows.append(
                (
                    metric,
                    "within_arm",
                    group,
                    baseline,
                    month,
                    test,
                    statistic,
                    p_value,
                    len(pairs),
                    WITHIN_TESTS[test],
                )
            )
    return rows


def alpha_tests(
    alpha: pd.DataFrame,
    samples: pd.DataFrame,
    *,
    between: str = "mann-whitney",
    within: str = "wilcoxon",
    baseline_month: int = 0,
) -> pd.DataFrame:
    """Tests of alpha diversity between arms at each visit and within arms from baseline.

    Parameters
    ----------
    alpha : pandas.DataFrame
        :func:`alpha_diversity` output.
    samples : pandas.DataFrame
        Sample metadata (``participant, group, month``) indexed by sample id.
    between : {"mann-whitney", "kruskal", "anova"}
        Test of HCM against CM at each visit (§2.5 names Kruskal–Wallis and
        Mann–Whitney, §3.4 says ANOVA at enrolment; with two arms Kruskal–Wallis is
        the Mann–Whitney test without continuity correction).
    within : {"wilcoxon", "paired-t"}
        Test of each later visit against ``baseline_month`` within an arm, paired by
        participant (§2.5: Wilcoxon within groups).
    baseline_month : int
        The reference visit of the within-arm tests.

    Returns
    -------
    pandas.DataFrame
        ``metric, comparison, group, month_from, month_to, test, statistic, p_value,
        n, method, evidence``. ``comparison`` is ``"between_arms"`` (then ``group``
        is ``"between_arms"`` and ``month_from == month_to``) or ``"within_arm"``
        (``n`` counts the participants with both visits). Samples with NaN
        diversity (empty) are left out; cells with fewer than two values give NaN.

    Raises
    ------
    KeyError
        If ``alpha`` or ``samples`` lacks a column.
    ValueError
        If a test is unknown, samples lack metadata, or ``alpha`` mixes evidence levels.

    Examples
    --------
    >>> alpha = pd.DataFrame({"sample": list("abcdef"), "metric": "shannon",
    ...     "value": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0], "evidence": "simulated"})
    >>> samples = pd.DataFrame({"participant": list("abcdef"),
    ...     "group": ["HCM"] * 3 + ["CM"] * 3, "month": 0}, index=list("abcdef"))
    >>> alpha_tests(alpha, samples, between="kruskal")[["comparison", "statistic", "p_value"]]
         comparison  statistic   p_value
    0  between_arms   3.857143  0.049535
    """
    require_columns(alpha, ["sample", "metric", "value", "evidence"], name="alpha")
    check_choice("between", between, tuple(BETWEEN_TESTS))
    check_choice("within", within, tuple(WITHIN_TESTS))
    levels = pd.unique(alpha["evidence"])
    if len(levels) != 1 or levels[0] not in PARTICIPANT_LEVELS:
        raise ValueError(
            f"alpha must carry one evidence level of {shown(PARTICIPANT_LEVELS)}, "
            f"got {shown(levels)}"
        )
    meta = check_samples(samples, pd.unique(alpha["sample"]))
    own = alpha.drop(columns=[c for c in meta.columns if c in alpha.columns])
    data = own.merge(meta, left_on="sample", right_index=True).dropna(subset=["value"])
    rows = []
    for metric, part in data.groupby("metric", sort=False):
        rows += _between_rows(metric, part, between)
        rows += _within_rows(metric, part, within, baseline_month)
    table = pd.DataFrame(rows, columns=list(ALPHA_TEST_COLUMNS[:-1]))
    table["evidence"] = levels[0]
    return table
