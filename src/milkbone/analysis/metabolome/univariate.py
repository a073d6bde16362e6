"""Per-feature tests, fold changes and the paper's two selection rules (§2.4, §3.5, §3.6).

:func:`compare_features` runs one t-test per feature in a single vectorised call of
``scipy.stats.ttest_ind`` (Welch's by default), with fold changes and
Benjamini–Hochberg adjustment. :func:`select_features` applies a selection rule to it
and a PLS-DA's VIP; :func:`selection_counts` applies both of the paper's rules, which
disagree:

- Methods (§2.4): VIP > 1, p < 0.05, and FC ≥ 2 or FC ≤ 0.5;
- Results (§3.5, §3.6): VIP > 1, p < 0.05, and FC > 1.2 or FC < 0.833.

:func:`feature_means` gives the mean intensity per group and visit (Tables 5–6, the
Figure 5A heat map).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats

from milkbone._validate import require_columns, shown
from milkbone.analysis.metabolome._inputs import (
    adjust_bh,
    check_choice,
    check_evidence,
    numeric_matrix,
    samples_for,
)

__all__ = [
    "SELECTION_RULES",
    "TESTS",
    "TRANSFORMS",
    "compare_features",
    "feature_means",
    "select_features",
    "selection_counts",
]

TESTS = {"welch": False, "student": True}
"""t-test variants and their ``equal_var`` for ``scipy.stats.ttest_ind``."""

TRANSFORMS = ("log2", "none")
"""Transforms applied to intensities before testing (fold changes always use raw means)."""

SELECTION_RULES = {
    "methods": {"vip": 1.0, "p": 0.05, "up": 2.0, "down": 0.5, "inclusive": True},
    "results": {"vip": 1.0, "p": 0.05, "up": 1.2, "down": 0.833, "inclusive": False},
}
"""The paper's two rules: §2.4 (FC ≥ 2 or ≤ 0.5) and §3.5 (FC > 1.2 or < 0.833)."""


def _transformed(values: np.ndarray, transform: str, name: str) -> np.ndarray:
    check_choice("transform", transform, TRANSFORMS)
    if transform == "none":
        return values
    if (values <= 0).any():
        raise ValueError(f"{name} must be positive for transform='log2'")
    return np.log2(values)


def _two_groups(intensities, samples, column, groups, month) -> tuple[np.ndarray, np.ndarray]:
    if len(groups) != 2 or groups[0] == groups[1]:
        raise ValueError(f"groups must name two different values; got {shown(groups)}")
    meta = samples_for(intensities, samples, [column] + (["month"] if month is not None else []))
    keep = meta["month"] == month if month is not None else pd.Series(True, index=meta.index)
    masks = [(keep & (meta[column] == g)).to_numpy() for g in groups]
    for group, mask in zip(groups, masks, strict=True):
        if mask.sum() < 2:
            where = f" at month {month}" if month is not None else ""
            raise ValueError(f"{column} {group!r} has {mask.sum()} sample(s){where}; need 2")
    return masks[0], masks[1]


def compare_features(
    intensities: pd.DataFrame,
    samples: pd.DataFrame,
    *,
    groups: tuple[object, object] = ("HCM", "CM"),
    column: str = "group",
    month: int | None = None,
    test: str = "welch",
    transform: str = "log2",
    evidence: str = "simulated",
) -> pd.DataFrame:
    """t-test, fold change and BH-adjusted p of every feature between two groups.

    Parameters
    ----------
    intensities : DataFrame
        Samples × features (index = sample id), positive, no missing values.
    samples : DataFrame
        Sample metadata indexed by sample id, with ``column`` (and ``month`` when
        ``month`` is given); joined to ``intensities`` by id.
    groups : pair, default ("HCM", "CM")
        Numerator and denominator of the fold change, in this order.
    column : str, default "group"
        The metadata column holding ``groups`` (``"month"`` compares visits).
    month : int, optional
        Keep only the samples of this visit.
    test : {"welch", "student"}, default "welch"
        Welch's unequal-variance t-test (R's ``t.test`` default, which metaX calls) or
        Student's pooled-variance test.
    transform : {"log2", "none"}, default "log2"
        Applied before the t-test.
    evidence : {"simulated", "observed"}, default "simulated"

    Returns
    -------
    DataFrame
        One row per feature, in column order: ``feature, numerator, denominator,
        n_numerator, n_denominator, mean_numerator, mean_denominator, fold_change,
        log2_fold_change, statistic, dof, p, p_bh, n, method, evidence``. Means and the
        fold change (numerator / denominator) are of the untransformed intensities.

    Examples
    --------
    >>> X = pd.DataFrame({"f1": [4.0, 5.0, 6.0, 1.0, 2.0, 3.0], "f2": [1.0, 2, 3, 1, 2, 3]},
    ...                  index=[f"s{i}" for i in range(6)])
    >>> meta = pd.DataFrame({"group": ["HCM"] * 3 + ["CM"] * 3}, index=X.index)
    >>> out = compare_features(X, meta, transform="none")
    >>> out[["feature", "fold_change", "statistic", "p", "p_bh"]].round(3)
      feature  fold_change  statistic      p   p_bh
    0      f1          2.5      3.674  0.021  0.043
    1      f2          1.0      0.000  1.000  1.000
    """
    check_choice("test", test, tuple(TESTS))
    check_evidence(evidence)
    values = numeric_matrix(intensities, name="intensities")
    first, second = _two_groups(intensities, samples, column, groups, month)
    tested = _transformed(values, transform, "intensities")
    result = stats.ttest_ind(tested[first], tested[second], axis=0, equal_var=TESTS[test])
    mean_first, mean_second = values[first].mean(axis=0), values[second].mean(axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        fold = mean_first / mean_second
        log_fold = np.log2(fold)
    return pd.DataFrame(
        {
            "feature": intensities.columns.to_numpy(),
            "numerator": groups[0],
            "denominator": groups[1],
            "n_numerator": int(first.sum()),
            "n_denominator": int(second.sum()),
            "mean_numerator": mean_first,
            "mean_denominator": mean_second,
            "fold_change": fold,
            "log2_fold_change": log_fold,
            "statistic": result.statistic,
            "dof": result.df,
            "p": result.pvalue,
            "p_bh": adjust_bh(result.pvalue),
            "n": int(first.sum() + second.sum()),
            "method": f"scipy.stats.ttest_ind(equal_var={TESTS[test]}) on {transform} "
            "intensities; FC = ratio of raw means; BH over features",
            "evidence": evidence,
        }
    )


def _with_vip(table: pd.DataFrame, vip: pd.DataFrame) -> pd.DataFrame:
    require_columns(table, ["feature", "fold_change", "p"], name="table")
    require_columns(vip, ["feature", "vip"], name="vip")
    missing = pd.Index(table["feature"]).difference(pd.Index(vip["feature"]), sort=False)
    if len(missing):
        raise ValueError(f"vip has no value for feature(s) {shown(missing)}")
    return table.merge(vip[["feature", "vip"]], on="feature", how="left", validate="1:1")


def select_features(
    table: pd.DataFrame, vip: pd.DataFrame, *, rule: str = "methods", p_column: str = "p"
) -> pd.DataFrame:
    """Mark the features a selection rule keeps, joining VIP by feature id.

    Parameters
    ----------
    table : DataFrame
        :func:`compare_features` output (``feature, fold_change, p`` at least).
    vip : DataFrame
        ``feature, vip`` (``PlsdaResult.vip``).
    rule : {"methods", "results"}, default "methods"
        The rule of §2.4 or of §3.5 (:data:`SELECTION_RULES`).
    p_column : str, default "p"
        The p-value the rule reads (the paper uses the unadjusted one).

    Returns
    -------
    DataFrame
        ``table`` with ``vip, rule, selected, direction`` added (``direction`` is
        ``"up"``, ``"down"`` or ``""``).

    Examples
    --------
    >>> table = pd.DataFrame({"feature": ["a", "b", "c"], "fold_change": [1.5, 2.0, 0.4],
    ...                       "p": [0.01, 0.01, 0.2]})
    >>> vip = pd.DataFrame({"feature": ["a", "b", "c"], "vip": [1.2, 1.1, 2.0]})
    >>> chosen = select_features(table, vip, rule="methods")
    >>> chosen["selected"].tolist(), chosen["direction"].tolist()
    ([False, True, False], ['', 'up', ''])
    >>> select_features(table, vip, rule="results")["selected"].tolist()
    [True, True, False]
    """
    check_choice("rule", rule, tuple(SELECTION_RULES))
    out = _with_vip(table, vip)
    require_columns(out, [p_column], name="table")
    r = SELECTION_RULES[rule]
    fold = out["fold_change"]
    up = fold >= r["up"] if r["inclusive"] else fold > r["up"]
    down = fold <= r["down"] if r["inclusive"] else fold < r["down"]
    selected = (out["vip"] > r["vip"]) & (out[p_column] < r["p"]) & (up | down)
    direction = np.where(selected & up, "up", np.where(selected & down, "down", ""))
    return out.assign(rule=rule, selected=selected.to_numpy(), direction=direction)


def selection_counts(
    table: pd.DataFrame, vip: pd.DataFrame, *, p_column: str = "p"
) -> pd.DataFrame:
    """How many features each of the paper's two rules keeps, up and down.

    Returns
    -------
    DataFrame
        One row per rule (``methods``, ``results``): ``rule, vip_above, p_below,
        fold_change_rule, n_features, selected, up, down, evidence`` (``evidence``
        carried over from ``table``, empty if it has none).

    Examples
    --------
    >>> table = pd.DataFrame({"feature": ["a", "b", "c"], "fold_change": [1.5, 2.0, 0.4],
    ...                       "p": [0.01, 0.01, 0.2]})
    >>> vip = pd.DataFrame({"feature": ["a", "b", "c"], "vip": [1.2, 1.1, 2.0]})
    >>> selection_counts(table, vip)[["rule", "fold_change_rule", "selected", "up", "down"]]
          rule     fold_change_rule  selected  up  down
    0  methods      FC ≥ 2 or ≤ 0.5         1   1     0
    1  results  FC > 1.2 or < 0.833         2   2     0
    """
    rows = []
    for rule, r in SELECTION_RULES.items():
        chosen = select_features(table, vip, rule=rule, p_column=p_column)
        sign = ("≥", "≤") if r["inclusive"] else (">", "<")
        rows.append(
            {
                "rule": rule,
                "vip_above": r["vip"],
                "p_below": r["p"],
                "fold_change_rule": f"FC {sign[0]} {r['up']:g} or {sign[1]} {r['down']:g}",
                "n_features": len(chosen),
                "selected": int(chosen["selected"].sum()),
                "up": int((chosen["direction"] == "up").sum()),
                "down": int((chosen["direction"] == "down").sum()),
                "evidence": chosen["evidence"].iloc[0] if "evidence" in chosen else "",
            }
        )
    return pd.DataFrame(rows)


def feature_means(
    intensities: pd.DataFrame,
    samples: pd.DataFrame,
    *,
    features: list[str] | None = None,
    by: tuple[str, ...] = ("group", "month"),
    evidence: str = "simulated",
) -> pd.DataFrame:
    """Mean intensity of each feature per cell of ``by``, with a row-wise z-score.

    ``z`` standardises each feature's log2 cell means across the cells (mean 0, SD 1),
    the scale of the Figure 5A heat map.

    Returns
    -------
    DataFrame
        ``feature, <by…>, n, mean, sd, log2_mean, z, evidence``, features in the order
        given, cells in sorted order.

    Examples
    --------
    >>> X = pd.DataFrame({"f1": [1.0, 3.0, 4.0, 4.0]}, index=list("abcd"))
    >>> meta = pd.DataFrame({"group": ["HCM", "HCM", "CM", "CM"]}, index=X.index)
    >>> feature_means(X, meta, by=("group",))[["feature", "group", "n", "mean", "z"]].round(3)
      feature group  n  mean      z
    0      f1    CM  2   4.0  0.707
    1      f1   HCM  2   2.0 -0.707
    """
    check_evidence(evidence)
    chosen = intensities if features is None else intensities.loc[:, list(features)]
    values = numeric_matrix(chosen, name="intensities")
    meta = samples_for(chosen, samples, list(by))
    frame = pd.DataFrame(values, index=chosen.index, columns=chosen.columns)
    grouped = frame.groupby([meta[c] for c in by], sort=True)
    long = grouped.mean().stack().rename("mean").to_frame()
    long["sd"] = grouped.std(ddof=1).stack()
    long["n"] = grouped.size().reindex(long.index.droplevel(-1)).to_numpy()
    long = long.rename_axis([*by, "feature"]).reset_index()
    with np.errstate(divide="ignore"):
        long["log2_mean"] = np.log2(long["mean"])
    centred = long.groupby("feature")["log2_mean"].transform(lambda v: (v - v.mean()) / v.std())
    long["z"] = centred
    order = {f: i for i, f in enumerate(chosen.columns)}
    long = long.sort_values("feature", key=lambda s: s.map(order), kind="stable")
    columns = ["feature", *by, "n", "mean", "sd", "log2_mean", "z"]
    return long[columns].assign(evidence=evidence).reset_index(drop=True)
