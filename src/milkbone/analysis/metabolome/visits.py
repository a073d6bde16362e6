"""The arms compared at every visit in one call: PLS-DA, t-tests and both selection rules.

The paper's metabolome chapters (§3.5 serum, §3.6 fecal) compare HCM with CM at each
visit: a PLS-DA for the VIP, a t-test and fold change per feature, and a selection
rule on the three. :func:`compare_visits` runs that for every visit and returns tidy
frames, so a chapter does not loop; :func:`count_selected` and :func:`differential`
read its ``features`` frame.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from milkbone._validate import require_columns, shown
from milkbone.analysis.metabolome._inputs import check_choice, numeric_matrix, samples_for
from milkbone.analysis.metabolome.plsda import PlsdaResult, plsda
from milkbone.analysis.metabolome.univariate import (
    SELECTION_RULES,
    compare_features,
    select_features,
)

__all__ = ["VisitComparison", "compare_visits", "count_selected", "differential"]

FEATURE_COLUMNS = [
    "month", "rule", "feature", "mean_numerator", "mean_denominator", "fold_change",
    "log2_fold_change", "statistic", "p", "p_bh", "vip", "selected", "direction", "n",
    "method", "evidence",
]  # fmt: skip
"""Columns of :attr:`VisitComparison.features`, in order."""


@dataclass(frozen=True)
class VisitComparison:
    """What :func:`compare_visits` returns.

    Attributes
    ----------
    features : DataFrame
        One row per visit × rule × feature: ``month, rule, feature, mean_numerator,
        mean_denominator, fold_change, log2_fold_change, statistic, p, p_bh, vip,
        selected, direction, n, method, evidence`` (``rule`` ``methods`` or
        ``results``; the test columns repeat for the two rules).
    models : DataFrame
        One row per visit: ``month`` and the columns of ``PlsdaResult.summary``.
    fits : Mapping[int, PlsdaResult]
        The PLS-DA of each visit, by month (scores, components, permutations, VIP).
    """

    features: pd.DataFrame
    models: pd.DataFrame
    fits: Mapping[int, PlsdaResult]


def _visits(samples: pd.DataFrame, months: Iterable[int] | None) -> list[int]:
    present = sorted(pd.unique(samples["month"]).tolist())
    chosen = present if months is None else list(months)
    unknown = [m for m in chosen if m not in present]
    if unknown or not chosen:
        raise ValueError(
            f"months must be visits the samples hold ({shown(present)}); got {shown(chosen)}"
        )
    return chosen


def _one_visit(logged, intensities, meta, month, groups, options, evidence):
    rows = meta.index[meta["month"] == month]
    labels = meta.loc[rows, "group"]
    labels = labels[labels.isin(groups)]
    fit = plsda(logged.loc[labels.index], labels, evidence=evidence, **options)
    table = compare_features(
        intensities.loc[labels.index], meta, groups=groups, month=month, evidence=evidence
    )
    chosen = [
        select_features(table, fit.vip, rule=rule).assign(month=month) for rule in SELECTION_RULES
    ]
    return pd.concat(chosen, ignore_index=True), fit


def compare_visits(
    intensities: pd.DataFrame, samples: pd.DataFrame, *, months: Sequence[int] | None = None,
    groups: tuple[str, str] = ("HCM", "CM"), scaling: str = "uv", cv_folds: int = 7,
    permutations: int = 200, seed: int = 2025, n_jobs: int = 1, evidence: str = "simulated",
) -> VisitComparison:  # fmt: skip
    """HCM against CM at each visit: PLS-DA with VIP, t-test, fold change, both rules.

    Parameters
    ----------
    intensities : DataFrame
        Samples × features (index = sample id), positive, no missing values (impute
        first: ``load_metabolome(..., imputation=...)``).
    samples : DataFrame
        Indexed by sample id, with ``group`` and ``month``; joined by id.
    months : sequence of int, optional
        Visits to compare; every visit the samples hold by default.
    groups : pair of str, default ("HCM", "CM")
        The two arms; the first is the numerator of the fold change and ``"up"``
        means higher in it.
    scaling, cv_folds, permutations, seed, n_jobs
        Passed to :func:`~milkbone.analysis.metabolome.plsda.plsda` at every visit
        (the same seed, so every visit is tested against the same label permutations).
    evidence : {"simulated", "observed"}, default "simulated"

    Returns
    -------
    VisitComparison
        ``features`` (one row per visit × rule × feature), ``models`` (one row per
        visit) and ``fits`` (the PLS-DA of each visit).

    Raises
    ------
    ValueError
        If ``months`` names a visit the samples do not hold, or the inputs fail the
        checks of :func:`~milkbone.analysis.metabolome.plsda.plsda` and
        :func:`~milkbone.analysis.metabolome.univariate.compare_features`.

    Notes
    -----
    The PLS-DA is fitted on log10 intensities (metaX, the paper's software, logs
    before scaling), the t-test on log2 intensities (Welch's) and the fold change is
    the ratio of the arms' raw means; :data:`~milkbone.analysis.metabolome.SELECTION_RULES`
    gives the rules of §2.4 (``methods``) and §3.5 (``results``).

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> index = [f"s{i}" for i in range(24)]
    >>> meta = pd.DataFrame({"group": ["HCM", "CM"] * 12, "month": [0] * 12 + [12] * 12},
    ...                     index=index)
    >>> X = pd.DataFrame(np.exp(rng.normal(size=(24, 5))), index=index, columns=list("abcde"))
    >>> X.loc[(meta["group"] == "HCM") & (meta["month"] == 12), "a"] *= 8
    >>> out = compare_visits(X, meta, permutations=10, cv_folds=3, seed=1)
    >>> out.models[["month", "n", "n_components"]]
       month   n  n_components
    0      0  12             1
    1     12  12             1
    >>> out.features.query("feature == 'a' and rule == 'methods'")[["month", "fold_change",
    ...                                                               "selected"]].round(2)
        month  fold_change  selected
    0       0         0.70     False
    10     12         7.26      True
    """
    require_columns(samples, ["group", "month"], name="samples")
    meta = samples_for(intensities, samples, ["group", "month"])
    values = numeric_matrix(intensities, name="intensities")
    logged = pd.DataFrame(np.log10(values), index=intensities.index, columns=intensities.columns)
    options = dict(scaling=scaling, cv_folds=cv_folds, permutations=permutations, seed=seed,
                   n_jobs=n_jobs)  # fmt: skip
    parts, fits = [], {}
    for month in _visits(meta, months):
        part, fits[month] = _one_visit(logged, intensities, meta, month, groups, options, evidence)
        parts.append(part)
    features = pd.concat(parts, ignore_index=True)[FEATURE_COLUMNS]
    models = pd.concat(
        [fit.summary.assign(month=month) for month, fit in fits.items()], ignore_index=True
    )
    models = models[["month", *models.columns.drop("month")]]
    return VisitComparison(features=features, models=models, fits=fits)


def _among(features: pd.DataFrame, among: Iterable[str] | None) -> pd.DataFrame:
    require_columns(features, ["month", "rule", "feature", "selected", "direction"],
                    name="features")  # fmt: skip
    if among is None:
        return features
    return features[features["feature"].isin(list(among))]


def count_selected(features: pd.DataFrame, *, among: Iterable[str] | None = None) -> pd.DataFrame:
    """How many features each rule keeps at each visit, up and down.

    Parameters
    ----------
    features : DataFrame
        :attr:`VisitComparison.features`.
    among : iterable of str, optional
        Count only these feature ids (e.g. the annotated ones); all by default.

    Returns
    -------
    DataFrame
        One row per visit × rule: ``month, rule, n_features, selected, up, down,
        evidence`` (``n_features`` counted, ``evidence`` carried over).

    Examples
    --------
    >>> features = pd.DataFrame({"month": [0, 0, 0], "rule": ["results"] * 3,
    ...                          "feature": list("abc"), "selected": [True, True, False],
    ...                          "direction": ["up", "down", ""], "evidence": "simulated"})
    >>> count_selected(features)[["month", "rule", "selected", "up", "down"]]
       month     rule  selected  up  down
    0      0  results         2   1     1
    >>> count_selected(features, among=["a"])[["n_features", "selected", "down"]]
       n_features  selected  down
    0           1         1     0
    """
    chosen = _among(features, among)
    grouped = chosen.assign(
        up=chosen["direction"].eq("up"), down=chosen["direction"].eq("down")
    ).groupby(["month", "rule"], sort=True)
    counts = grouped.agg(
        n_features=("feature", "size"), selected=("selected", "sum"), up=("up", "sum"),
        down=("down", "sum"),
    ).reset_index()  # fmt: skip
    evidence = chosen["evidence"].iloc[0] if "evidence" in chosen and len(chosen) else ""
    return counts.astype({c: int for c in ("selected", "up", "down")}).assign(evidence=evidence)


def differential(
    features: pd.DataFrame, *, rule: str = "results", among: Iterable[str] | None = None
) -> pd.DataFrame:
    """The features a rule keeps, one row per visit where it keeps them.

    Ordered by visit, then up before down, then by the size of the fold change
    (largest first): the row order of the paper's Table 5 and Figure 5A.

    Parameters
    ----------
    features : DataFrame
        :attr:`VisitComparison.features`.
    rule : {"methods", "results"}, default "results"
    among : iterable of str, optional
        Keep only these feature ids (e.g. the annotated ones).

    Returns
    -------
    DataFrame
        The selected rows of ``features`` for ``rule``, with a fresh RangeIndex.

    Examples
    --------
    >>> features = pd.DataFrame({"month": [0, 0, 12], "rule": ["results"] * 3,
    ...                          "feature": list("aba"), "selected": [True, True, True],
    ...                          "direction": ["down", "up", "up"],
    ...                          "log2_fold_change": [-1.0, 0.5, 2.0]})
    >>> differential(features)[["month", "feature", "direction"]]
       month feature direction
    0      0       b        up
    1      0       a      down
    2     12       a        up
    """
    check_choice("rule", rule, tuple(SELECTION_RULES))
    chosen = _among(features, among)
    chosen = chosen[(chosen["rule"] == rule) & chosen["selected"].astype(bool)]
    order = chosen.assign(
        _down=chosen["direction"].eq("down"), _size=-chosen["log2_fold_change"].abs()
    ).sort_values(["month", "_down", "_size"], kind="stable")
    return order.drop(columns=["_down", "_size"]).reset_index(drop=True)
