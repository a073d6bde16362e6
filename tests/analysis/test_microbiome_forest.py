"""milkbone.analysis.microbiome.forest and .nested: cross-validated forests.

References: :func:`sklearn.inspection.permutation_importance` over every column,
:func:`sklearn.model_selection.cross_val_predict` and
:func:`sklearn.metrics.roc_auc_score` run here with the same folds and forests.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.ensemble import RandomForestClassifier
from sklearn.inspection import permutation_importance
from sklearn.metrics import auc, roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_predict

from milkbone.analysis.microbiome import (
    nested_forest_auc,
    permutation_importance_top_k,
    random_forest,
    relative_abundance,
    toy_microbiome,
)


@pytest.mark.parametrize("scoring", ["accuracy", "roc_auc"])
def test_top_k_permutation_importance_equals_sklearn_over_all_columns(scoring):
    rng = np.random.default_rng(3)
    x = rng.normal(size=(90, 25))
    y = (x[:, 0] - x[:, 4] + rng.normal(scale=0.5, size=90) > 0).astype(int)
    model = RandomForestClassifier(n_estimators=30, random_state=0).fit(x[:60], y[:60])
    everything = permutation_importance(model, x[60:], y[60:], scoring=scoring, n_repeats=4,
                                        random_state=11)  # fmt: skip
    columns = [4, 0, 19]
    ours = permutation_importance_top_k(model, x[60:], y[60:], columns=columns, n_repeats=4,
                                        random_state=11, scoring=scoring)  # fmt: skip
    assert np.abs(ours - everything.importances[columns]).max() == 0.0


@pytest.fixture(scope="module")
def planted():
    toy = toy_microbiome(participants=40, features=30, effect=2.5, seed=12)
    return relative_abundance(toy.counts), toy.samples


def test_auc_equals_sklearn_cross_val_predict(planted):
    abundance, samples = planted
    result = random_forest(abundance, samples, months=12, n_trees=60, folds=5, top_k=5,
                           seed=4)  # fmt: skip
    visit = samples[samples["month"] == 12]
    x, y = abundance.loc[visit.index].to_numpy(), (visit["group"] == "HCM").to_numpy()
    proba = cross_val_predict(
        RandomForestClassifier(n_estimators=60, random_state=4), x, y.astype(int),
        cv=StratifiedKFold(5, shuffle=True, random_state=4), method="predict_proba",
    )[:, 1]  # fmt: skip
    summary = result.summary.iloc[0]
    assert summary["auc"] == pytest.approx(roc_auc_score(y, proba), abs=1e-12)
    assert summary["auc"] == pytest.approx(auc(result.roc["fpr"], result.roc["tpr"]), abs=1e-12)
    assert summary["auc"] > 0.9  # the toy plants a large difference at month 12
    assert (summary["n_hcm"], summary["n_cm"], summary["n"]) == (20, 20, 40)


def test_importance_table(planted):
    abundance, samples = planted
    result = random_forest(abundance, samples, months=[0, 6], n_trees=40, folds=4, top_k=6,
                           n_repeats=3, seed=2)  # fmt: skip
    table = result.importance
    assert len(table) == 2 * abundance.shape[1]
    for _, visit in table.groupby("month"):
        assert visit["impurity_importance"].sum() == pytest.approx(1.0, abs=1e-9)
        assert visit["impurity_importance"].is_monotonic_decreasing
        assert visit["permutation_importance"].notna().sum() == 6
        assert visit.loc[visit["impurity_rank"] <= 6, "permutation_importance"].notna().all()
    month6 = table[table["month"] == 6]
    planted_taxa = {f"F{j:05d}" for j in range(5)}
    assert len(set(month6.head(3)["taxon"]) & planted_taxa) >= 2  # planted taxa lead


def test_same_seed_same_result_and_workers_do_not_change_it(planted):
    abundance, samples = planted
    options = {"months": 6, "n_trees": 30, "folds": 4, "top_k": 3, "n_repeats": 2, "seed": 9}
    one = random_forest(abundance, samples, n_jobs=1, **options)
    two = random_forest(abundance, samples, n_jobs=2, **options)
    for a, b in zip(one, two, strict=True):
        pd.testing.assert_frame_equal(a, b)


def test_random_forest_errors(planted):
    abundance, samples = planted
    with pytest.raises(ValueError, match="fewer than folds=30"):
        random_forest(abundance, samples, months=0, folds=30)
    with pytest.raises(ValueError, match="scoring must be one of"):
        random_forest(abundance, samples, scoring="f1")
    with pytest.raises(ValueError, match="n_trees must be an integer of at least 1"):
        random_forest(abundance, samples, n_trees=0)


def test_nested_forest_auc_recomputes_the_naive_scheme():
    toy = toy_microbiome(participants=36, features=40, effect=0.0, seed=13)
    abundance = relative_abundance(toy.counts)
    result = nested_forest_auc(abundance, toy.samples, month=6, feature_counts=(3, 20),
                               n_trees=25, outer=3, inner=3, seed=5)  # fmt: skip
    naive, nested = result.iloc[0], result.iloc[1]
    visit = toy.samples[toy.samples["month"] == 6]
    x, y = abundance.loc[visit.index].to_numpy(), (visit["group"] == "HCM").to_numpy().astype(int)
    order = np.argsort(-RandomForestClassifier(n_estimators=25, random_state=5).fit(x, y)
                       .feature_importances_, kind="stable")  # fmt: skip
    aucs = []
    for k in (3, 20):
        proba = cross_val_predict(
            RandomForestClassifier(n_estimators=25, random_state=5), x[:, order[:k]], y,
            cv=StratifiedKFold(3, shuffle=True, random_state=5), method="predict_proba",
        )[:, 1]  # fmt: skip
        aucs.append(roc_auc_score(y, proba))
    assert naive["auc"] == pytest.approx(max(aucs), abs=1e-12)
    assert len(nested["features_chosen"].split(",")) == 3
    assert 0.0 <= nested["auc"] <= 1.0
    with pytest.raises(ValueError, match="fewer than outer × inner"):
        nested_forest_auc(abundance, toy.samples, month=6, outer=5, inner=5)
    with pytest.raises(ValueError, match="feature_counts must hold positive integers"):
        nested_forest_auc(abundance, toy.samples, month=6, feature_counts=(0,))


def test_prevalence_filter_is_stated(planted):
    abundance, samples = planted
    sparse = abundance.copy()
    sparse.iloc[: len(sparse) // 2, :10] = 0.0  # ten taxa absent from half the samples
    result = random_forest(sparse, samples, months=6, n_trees=20, folds=4, top_k=3,
                           n_repeats=2, min_prevalence=0.6)  # fmt: skip
    visit = sparse.loc[samples.index[samples["month"] == 6]]
    expected = int(((visit > 0).mean() > 0.6).sum())
    assert result.summary["features"].iloc[0] == expected < abundance.shape[1]
    assert len(result.importance) == expected
    assert "prevalence > 0.6" in result.summary["method"].iloc[0]
    with pytest.raises(ValueError, match="min_prevalence must lie"):
        random_forest(sparse, samples, min_prevalence=1.5)
