"""Single-feature ROC AUCs (Table 6).

Reference: the Mann–Whitney identity AUC = U / (n₁ n₂), with U from
``scipy.stats.mannwhitneyu`` (ties count one half in both).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from milkbone.analysis.metabolome import feature_auc, roc_points


def visits(seed=0, n=20):
    rng = np.random.default_rng(seed)
    index = [f"s{i}" for i in range(2 * n)]
    labels = pd.Series([0] * n + [12] * n, index=index)
    x = pd.DataFrame(rng.lognormal(size=(2 * n, 4)), index=index, columns=list("abcd"))
    x.loc[labels == 12, "a"] *= 2.0
    x.loc[labels == 12, "b"] /= 2.0
    x["c"] = np.round(x["c"], 0)  # ties
    return x, labels


def test_auc_equals_mann_whitney_u():
    x, labels = visits()
    out = feature_auc(x, labels, positive=12)
    for row in out.itertuples():
        u = stats.mannwhitneyu(
            x.loc[labels == 12, row.feature], x.loc[labels == 0, row.feature], method="asymptotic"
        ).statistic
        assert row.auc == pytest.approx(u / (20 * 20), abs=1e-12)
    b = out.set_index("feature").loc["b"]
    assert b["direction"] == "lower"
    assert b["auc_best"] == pytest.approx(1 - b["auc"], abs=1e-12)
    assert out[["n_positive", "n_negative"]].iloc[0].tolist() == [20, 20]


def test_labels_joined_by_id_and_features_chosen():
    x, labels = visits()
    shuffled = labels.sample(frac=1.0, random_state=1)
    a = feature_auc(x, labels, positive=12, features=["a"])
    b = feature_auc(x, shuffled, positive=12, features=["a"])
    assert a["feature"].tolist() == ["a"]
    assert a.loc[0, "auc"] == pytest.approx(b.loc[0, "auc"], abs=1e-12)


def test_roc_points_end_at_the_corners():
    x, labels = visits()
    points = roc_points(x, labels, positive=12, features=["a", "b"])
    for _, curve in points.groupby("feature"):
        assert curve[["fpr", "tpr"]].iloc[0].tolist() == [0.0, 0.0]
        assert curve[["fpr", "tpr"]].iloc[-1].tolist() == [1.0, 1.0]
        auc = np.trapezoid(curve["tpr"], curve["fpr"])
        ref = feature_auc(x, labels, positive=12, features=[curve["feature"].iloc[0]])
        assert auc == pytest.approx(ref.loc[0, "auc"], abs=1e-12)


@pytest.mark.parametrize(
    ("change", "positive", "message"),
    [
        (None, 6, "positive 6 is not among the labels"),
        ("three", 12, "labels must hold exactly two classes"),
        ("missing", 12, "labels has no label for sample"),
    ],
)
def test_errors(change, positive, message):
    x, labels = visits()
    if change == "three":
        labels.iloc[0] = 6
    elif change == "missing":
        labels = labels.drop("s3")
    with pytest.raises(ValueError, match=message):
        feature_auc(x, labels, positive=positive)
