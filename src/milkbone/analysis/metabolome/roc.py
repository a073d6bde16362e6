"""ROC AUC of single features between two groups of samples (paper Table 6).

The paper prints one AUC per arachidonic-acid metabolite (Table 6) without saying
which two groups it separates; :func:`feature_auc` takes the two groups as
parameters so the book can state its reading. AUCs come from
``sklearn.metrics.roc_auc_score``; the curves from ``sklearn.metrics.roc_curve``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.metrics import roc_auc_score, roc_curve

from milkbone._validate import shown
from milkbone.analysis.metabolome._inputs import (
    check_evidence,
    labels_for,
    numeric_matrix,
)

__all__ = ["feature_auc", "roc_points"]


def _binary(intensities, labels, positive, features):
    chosen = intensities if features is None else intensities.loc[:, list(features)]
    values = numeric_matrix(chosen, name="intensities")
    joined = labels_for(chosen.index, labels, name="labels")
    classes = pd.unique(joined)
    if positive not in classes:
        raise ValueError(f"positive {positive!r} is not among the labels {shown(classes)}")
    if len(classes) != 2:
        raise ValueError(f"labels must hold exactly two classes; they hold {shown(classes)}")
    return chosen, values, (joined.to_numpy() == positive).astype(int)


def feature_auc(
    intensities: pd.DataFrame,
    labels: pd.Series,
    *,
    positive: object,
    features: list[str] | None = None,
    evidence: str = "simulated",
) -> pd.DataFrame:
    """Area under the ROC curve of each feature used alone as a score for ``positive``.

    Parameters
    ----------
    intensities : DataFrame
        Samples × features (index = sample id), no missing values.
    labels : Series
        Group of each sample, indexed by sample id (joined by id); two classes.
    positive : object
        The label counted as positive (e.g. ``12`` for month 12 against month 0).
    features : list of str, optional
        Features to score; all by default.
    evidence : {"simulated", "observed"}, default "simulated"

    Returns
    -------
    DataFrame
        ``feature, auc, auc_best, direction, n_positive, n_negative, positive, method,
        evidence``. ``auc`` scores high intensity as positive; ``auc_best`` is
        ``max(auc, 1 − auc)``, with ``direction`` ``"higher"`` or ``"lower"`` saying
        which way the feature separates the groups (the paper's AUCs are all above 0.5).

    Examples
    --------
    >>> X = pd.DataFrame({"f1": [1.0, 2.0, 3.0, 4.0], "f2": [4.0, 1.0, 3.0, 2.0]},
    ...                  index=list("abcd"))
    >>> labels = pd.Series({"a": 0, "b": 0, "c": 12, "d": 12})
    >>> feature_auc(X, labels, positive=12)[["feature", "auc", "auc_best", "direction"]]
      feature   auc  auc_best direction
    0      f1  1.00      1.00    higher
    1      f2  0.50      0.50    higher
    """
    check_evidence(evidence)
    chosen, values, truth = _binary(intensities, labels, positive, features)
    auc = np.array([roc_auc_score(truth, values[:, j]) for j in range(values.shape[1])])
    return pd.DataFrame(
        {
            "feature": chosen.columns.to_numpy(),
            "auc": auc,
            "auc_best": np.maximum(auc, 1 - auc),
            "direction": np.where(auc >= 0.5, "higher", "lower"),
            "n_positive": int(truth.sum()),
            "n_negative": int(len(truth) - truth.sum()),
            "positive": positive,
            "method": "sklearn.metrics.roc_auc_score, one feature as the score",
            "evidence": evidence,
        }
    )


def roc_points(
    intensities: pd.DataFrame,
    labels: pd.Series,
    *,
    positive: object,
    features: list[str] | None = None,
) -> pd.DataFrame:
    """The ROC curve of each feature, for plotting: ``feature, fpr, tpr, threshold``.

    Examples
    --------
    >>> X = pd.DataFrame({"f1": [1.0, 2.0, 3.0, 4.0]}, index=list("abcd"))
    >>> labels = pd.Series({"a": 0, "b": 0, "c": 12, "d": 12})
    >>> roc_points(X, labels, positive=12)[["fpr", "tpr"]].to_numpy().tolist()
    [[0.0, 0.0], [0.0, 0.5], [0.0, 1.0], [1.0, 1.0]]
    """
    chosen, values, truth = _binary(intensities, labels, positive, features)
    parts = []
    for j, feature in enumerate(chosen.columns):
        fpr, tpr, threshold = roc_curve(truth, values[:, j])
        parts.append(
            pd.DataFrame({"feature": feature, "fpr": fpr, "tpr": tpr, "threshold": threshold})
        )
    return pd.concat(parts, ignore_index=True)
