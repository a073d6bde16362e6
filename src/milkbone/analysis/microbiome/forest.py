"""Random forests that tell the arms apart from taxon abundances, per visit (paper §3.4,
Figure 4J–L): cross-validated ROC and AUC, impurity and permutation importance.

The paper used R's randomForest with 10-fold cross-validation and ranked taxa by
MeanDecreaseGini and MeanDecreaseAccuracy. Here:

- **impurity importance** is scikit-learn's ``feature_importances_`` of a forest fitted
  to every sample of the visit: the mean decrease in Gini impurity, normalised to sum
  to 1 (R's MeanDecreaseGini is the same quantity, summed over trees, not normalised);
- **permutation importance** is the drop in the score (accuracy by default) when one
  taxon's values are shuffled among the *held-out* samples of each cross-validation
  fold, averaged over folds and repeats. R's MeanDecreaseAccuracy shuffles among each
  tree's out-of-bag samples and divides by its standard error. Shuffling is costly,
  so only the ``top_k`` taxa by impurity are permuted (:func:`permutation_importance_top_k`
  gives for them exactly what :func:`sklearn.inspection.permutation_importance` gives
  when it permutes every column).

An AUC estimated on the same folds that chose the model is optimistic; with 97
people the optimism is large. :func:`nested_forest_auc` shows it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

import numpy as np
import pandas as pd
from joblib import Parallel, delayed
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import accuracy_score, roc_auc_score, roc_curve
from sklearn.model_selection import StratifiedKFold

from milkbone.analysis.microbiome._checks import (
    check_choice,
    check_counts,
    check_evidence,
    check_positive_int,
    check_samples,
    check_seed,
    months_present,
)
from milkbone.vocabulary import GROUPS

__all__ = ["SCORINGS", "ForestResult", "permutation_importance_top_k", "random_forest"]

SCORINGS = ("accuracy", "roc_auc")
"""Scores whose drop measures permutation importance."""


class ForestResult(NamedTuple):
    """Random forests per visit as three tidy frames."""

    summary: pd.DataFrame
    """One row per visit: pooled out-of-fold AUC, fold AUCs, sizes, settings."""
    roc: pd.DataFrame
    """ROC curve points per visit: ``month, fpr, tpr, threshold``."""
    importance: pd.DataFrame
    """One row per visit × taxon: impurity and (top k) permutation importance."""


def _score(y: np.ndarray, proba: np.ndarray, scoring: str) -> float:
    if scoring == "roc_auc":
        return float(roc_auc_score(y, proba[:, 1]))
    return float(accuracy_score(y, proba.argmax(axis=1)))


def permutation_importance_top_k(
    model: RandomForestClassifier,
    x: np.ndarray,
    y: np.ndarray,
    *,
    columns: Sequence[int],
    n_repeats: int = 5,
    random_state: int = 0,
    scoring: str = "accuracy",
) -> np.ndarray:
    """Permutation importance of some columns only, with one prediction call.

    The shuffles are scikit-learn's: for an integer ``random_state``,
    :func:`sklearn.inspection.permutation_importance` draws one seed and shuffles the
    rows the same way for every column, so the columns asked for get exactly the
    numbers that a run over all columns gives them. All shuffled copies are stacked
    and predicted at once (a forest's prediction has a large cost per call).

    Parameters
    ----------
    model : fitted classifier with ``predict_proba`` (labels 0 and 1)
    x, y : numpy.ndarray
        Held-out samples and their labels.
    columns : sequence of int
        Column positions to permute.
    n_repeats : int
        Shuffles per column.
    random_state : int
        As scikit-learn's ``random_state``.
    scoring : {"accuracy", "roc_auc"}
        The score whose drop is the importance.

    Returns
    -------
    numpy.ndarray
        Shape ``(len(columns), n_repeats)``: baseline score minus shuffled score.

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> x = rng.normal(size=(60, 3)); y = (x[:, 0] > 0).astype(int)
    >>> model = RandomForestClassifier(n_estimators=20, random_state=0).fit(x, y)
    >>> permutation_importance_top_k(model, x, y, columns=[0, 2], n_repeats=2).round(2)
    array([[0.5, 0.4],
           [0. , 0. ]])
    """
    check_choice("scoring", scoring, SCORINGS)
    check_positive_int("n_repeats", n_repeats)
    seed = np.random.RandomState(random_state).randint(np.iinfo(np.int32).max + 1)
    shuffler, order = np.random.RandomState(seed), np.arange(x.shape[0])
    rows, orders = np.arange(x.shape[0]), []
    for _ in range(n_repeats):
        # scikit-learn shuffles the index in place and applies it to the column it
        # already shuffled, so repeat r sees the composition of the first r shuffles
        shuffler.shuffle(order)
        rows = rows[order]
        orders.append(rows)
    blocks = []
    for column in columns:
        for rows in orders:
            copy = x.copy()
            copy[:, column] = x[rows, column]
            blocks.append(copy)
    proba = model.predict_proba(np.vstack([x, *blocks]))
    n = x.shape[0]
    baseline = _score(y, proba[:n], scoring)
    scores = [_score(y, proba[n * (b + 1) : n * (b + 2)], scoring) for b in range(len(blocks))]
    return baseline - np.array(scores).reshape(len(columns), n_repeats)


def _forest(n_trees: int, seed: int, n_jobs: int = 1) -> RandomForestClassifier:
    return RandomForestClassifier(n_estimators=n_trees, random_state=seed, n_jobs=n_jobs)


def _fold(x, y, train, test, top, *, n_trees, seed, n_repeats, scoring, fold):
    model = _forest(n_trees, seed).fit(x[train], y[train])
    proba = model.predict_proba(x[test])[:, 1]
    permuted = permutation_importance_top_k(
        model,
        x[test],
        y[test],
        columns=top,
        n_repeats=n_repeats,
        random_state=seed + fold,
        scoring=scoring,
    )
    return test, proba, float(roc_auc_score(y[test], proba)), permuted


def _visit(x, y, *, n_trees, folds, top_k, n_repeats, scoring, seed, n_jobs):
    full = _forest(n_trees, seed, n_jobs).fit(x, y)
    impurity = full.feature_importances_
    top = np.argsort(-impurity, kind="stable")[: min(top_k, x.shape[1])]
    splits = StratifiedKFold(folds, shuffle=True, random_state=seed).split(x, y)
    options = {"n_trees": n_trees, "seed": seed, "n_repeats": n_repeats, "scoring": scoring}
    results = Parallel(n_jobs=n_jobs, prefer="threads")(
        delayed(_fold)(x, y, train, test, top, fold=k, **options)
        for k, (train, test) in enumerate(splits)
    )
    proba = np.empty(len(y))
    for test, fold_proba, _, _ in results:
        proba[test] = fold_proba
    permuted = np.concatenate([r[3] for r in results], axis=1)  # top × (folds · repeats)
    fold_auc = np.array([r[2] for r in results])
    return impurity, top, proba, fold_auc, permuted


def _design(abundance, samples, month):
    meta = check_samples(samples, abundance.index)
    cell = meta[meta["month"] == month]
    y = (cell["group"] == GROUPS[0]).to_numpy().astype(int)
    return abundance.loc[cell.index].to_numpy(dtype=float), y


def random_forest(
    abundance: pd.DataFrame,
    samples: pd.DataFrame,
    *,
    months: Iterable[int] | int | None = None,
    n_trees: int = 500,
    folds: int = 10,
    top_k: int = 25,
    n_repeats: int = 5,
    scoring: str = "accuracy",
    seed: int = 2025,
    min_prevalence: float = 0.0,
    n_jobs: int = 1,
    evidence: str = "simulated",
) -> ForestResult:
    """Random forest HCM against CM at each visit, with stratified k-fold cross-validation.

    Parameters
    ----------
    abundance : pandas.DataFrame
        Samples × taxa (e.g. relative abundance of genera), index sample id.
    samples : pandas.DataFrame
        Sample metadata (``participant, group, month``) indexed by sample id.
    months : int or iterable of int, optional
        Visits (default: every visit present); one forest each.
    n_trees : int
        Trees per forest (R randomForest's default is 500).
    folds : int
        Stratified folds (the paper: 10); each arm needs at least this many samples.
    top_k : int
        Taxa, by impurity, whose permutation importance is computed.
    n_repeats : int
        Shuffles per taxon and fold.
    scoring : {"accuracy", "roc_auc"}
        Score of the permutation importance.
    seed : int
        ``random_state`` of the folds and forests.
    min_prevalence : float
        Use only the taxa with a read in more than this share of the visit's samples
        (0: every taxon). A stated filter: ``features`` in the summary counts the taxa
        used, and the others get no importance row. At 10× the paper's size, 0.1 keeps
        about a tenth of the genera and halves the time.
    n_jobs : int
        joblib workers over folds (and trees of the full fit).
    evidence : {"simulated", "observed"}
        Evidence level of the data.

    Returns
    -------
    ForestResult
        ``summary``: ``month, auc, auc_fold_mean, auc_fold_sd, folds, n_trees, features,
        n_hcm, n_cm, n, method, evidence`` (``auc`` of the pooled out-of-fold
        probabilities, :func:`sklearn.metrics.roc_auc_score`); ``roc``: ``month, fpr,
        tpr, threshold``; ``importance``: ``month, taxon, impurity_importance,
        impurity_rank, permutation_importance, permutation_sd, method, evidence``
        (permutation columns NaN beyond ``top_k``), sorted by impurity.

    Examples
    --------
    >>> from milkbone.analysis.microbiome.demo import toy_microbiome
    >>> toy = toy_microbiome(participants=30, features=20, effect=2.0, seed=1)
    >>> result = random_forest(toy.counts, toy.samples, months=6, n_trees=50, folds=5,
    ...                        top_k=3)
    >>> result.summary[["month", "n_hcm", "n_cm", "folds"]]
       month  n_hcm  n_cm  folds
    0      6     15    15      5
    >>> int(result.importance["permutation_importance"].notna().sum())
    3
    """
    for name, value in (("n_trees", n_trees), ("top_k", top_k), ("n_repeats", n_repeats)):
        check_positive_int(name, value)
    check_positive_int("folds", folds, minimum=2)
    check_positive_int("n_jobs", n_jobs, minimum=-1)
    check_choice("scoring", scoring, SCORINGS)
    check_seed(seed)
    check_evidence(evidence)
    check_counts(abundance, name="abundance")
    if not 0 <= min_prevalence < 1:
        raise ValueError(f"min_prevalence must lie in [0, 1), got {min_prevalence!r}")
    options = {"n_trees": n_trees, "folds": folds, "top_k": top_k, "n_repeats": n_repeats,
               "scoring": scoring, "seed": seed, "n_jobs": n_jobs}  # fmt: skip
    meta = check_samples(samples, abundance.index)
    summaries, rocs, importances = [], [], []
    for month in months_present(meta, months):
        x, y = _design(abundance, meta, month)
        keep = (
            (x > 0).mean(axis=0) > min_prevalence if min_prevalence else np.ones(x.shape[1], bool)
        )
        x, taxa = x[:, keep], abundance.columns[keep]
        smallest = min(y.sum(), len(y) - y.sum())
        if smallest < folds:
            raise ValueError(
                f"month {month}: an arm has {smallest} samples, fewer than "
                f"folds={folds}; lower folds"
            )
        impurity, top, proba, fold_auc, permuted = _visit(x, y, **options)
        summaries.append(_summary_row(month, y, proba, fold_auc, x.shape[1],
                                      {**options, "min_prevalence": min_prevalence}))  # fmt: skip
        fpr, tpr, threshold = roc_curve(y, proba)
        rocs.append(pd.DataFrame({"month": month, "fpr": fpr, "tpr": tpr, "threshold": threshold}))
        importances.append(_importance(month, taxa, impurity, top, permuted, options))
    summary = pd.DataFrame(summaries)
    summary["evidence"] = evidence
    importance = pd.concat(importances, ignore_index=True)
    importance["evidence"] = evidence
    return ForestResult(summary, pd.concat(rocs, ignore_index=True), importance)


def _summary_row(month, y, proba, fold_auc, features, options) -> dict:
    return {
        "month": month,
        "auc": float(roc_auc_score(y, proba)),
        "auc_fold_mean": float(fold_auc.mean()),
        "auc_fold_sd": float(fold_auc.std(ddof=1)),
        "folds": options["folds"],
        "n_trees": options["n_trees"],
        "features": features,
        "n_hcm": int(y.sum()),
        "n_cm": int(len(y) - y.sum()),
        "n": len(y),
        "method": f"sklearn RandomForestClassifier(n_estimators={options['n_trees']}, "
        f"random_state={options['seed']}), StratifiedKFold({options['folds']}, shuffle=True); "
        "AUC of pooled out-of-fold probabilities"
        + (f"; taxa with prevalence > {options['min_prevalence']:g}"
           if options["min_prevalence"] else ""),
    }  # fmt: skip


def _importance(month, taxa, impurity, top, permuted, options) -> pd.DataFrame:
    order = np.argsort(-impurity, kind="stable")
    mean = np.full(len(taxa), np.nan)
    sd = np.full(len(taxa), np.nan)
    mean[top], sd[top] = permuted.mean(axis=1), permuted.std(axis=1, ddof=1)
    frame = pd.DataFrame(
        {
            "month": month,
            "taxon": np.asarray(taxa)[order],
            "impurity_importance": impurity[order],
            "impurity_rank": np.arange(1, len(taxa) + 1),
            "permutation_importance": mean[order],
            "permutation_sd": sd[order],
            "method": f"impurity: feature_importances_ of a forest on every sample; permutation: "
            f"drop in {options['scoring']} on held-out folds, {options['n_repeats']} repeats, "
            f"top {options['top_k']} by impurity",
        }
    )
    return frame
