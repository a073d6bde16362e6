"""PLS-DA against ropls's published sacurine numbers and against scikit-learn.

References:
- ropls 1.13.6 on sacurine (vignette; ``inst/unitTests/test_opls.R``): 3 components,
  R2X(cum) 0.275, R2Y(cum) 0.73, Q2(cum) 0.584, VIP of 1,3-dimethyluric acid 0.7034828;
- scikit-learn's ``PLSRegression`` for scores, R2X, R2Y and VIP of the full fit;
- ``plsda(engine="refit")`` (one scikit-learn fit per component and fold) for Q2 and
  the permutation test.
"""

from __future__ import annotations

from pathlib import Path

import joblib
import numpy as np
import pandas as pd
import pytest
from sklearn.cross_decomposition import PLSRegression

from milkbone.analysis.metabolome import (
    fold_labels,
    permutation_orders,
    permutation_p,
    plsda,
    scale_matrix,
)
from milkbone.metabolome import plsda as plsda_reexported

SACURINE = Path(__file__).resolve().parents[1] / "data" / "sacurine"


@pytest.fixture(scope="module")
def sacurine():
    x = pd.read_csv(SACURINE / "sacurine_X.csv", index_col=0)
    y = pd.read_csv(SACURINE / "sacurine_Y.csv", index_col=0)["Gender"]
    return x, y


@pytest.fixture(scope="module")
def sacurine_fit(sacurine):
    x, y = sacurine
    return plsda(x, y, scaling="uv", permutations=20, seed=3, evidence="observed")


def small(seed=0, n=36, p=12, shift=1.5):
    rng = np.random.default_rng(seed)
    x = pd.DataFrame(
        rng.lognormal(size=(n, p)),
        index=[f"s{i:02d}" for i in range(n)],
        columns=[f"f{j}" for j in range(p)],
    )
    y = pd.Series(np.where(np.arange(n) % 2 == 0, "HCM", "CM"), index=x.index)
    x.loc[y == "HCM", ["f0", "f1"]] *= shift
    return np.log10(x), y


def test_reexport_is_the_same_function():
    assert plsda_reexported is plsda


def test_sacurine_matches_ropls_summary(sacurine_fit):
    # ropls vignette: 3 components, R2X(cum) 0.275, R2Y(cum) 0.73, Q2(cum) 0.584
    summary = sacurine_fit.summary.iloc[0]
    assert summary["n_components"] == 3
    assert summary["r2x_cum"] == pytest.approx(0.275, abs=5e-4)
    assert summary["r2y_cum"] == pytest.approx(0.73, abs=5e-3)
    assert summary["q2_cum"] == pytest.approx(0.584, abs=5e-4)
    assert list(sacurine_fit.components["significance"]) == ["R1", "R1", "R1"]


def test_sacurine_vip_matches_ropls(sacurine_fit):
    # ropls test_opls.R: getVipVn(sac.plsda)[5] == 0.7034828, tolerance 1e-7
    vip = sacurine_fit.vip.set_index("feature")["vip"]
    assert vip["1,3-Dimethyluric acid"] == pytest.approx(0.7034828, abs=1e-7)
    assert float(np.sum(vip**2)) == pytest.approx(len(vip), rel=1e-12)  # ropls's identity


def test_sacurine_permutation_p_follows_ropls_formula(sacurine_fit):
    table = sacurine_fit.permutations
    assert table["permutation"].tolist() == list(range(21))
    assert table.loc[0, "similarity"] == 1.0
    observed, permuted = table.loc[0, "q2_cum"], table.loc[1:, "q2_cum"]
    expected = (1 + (permuted >= observed).sum()) / 20  # ropls 1.13 methods.R
    assert sacurine_fit.summary.loc[0, "p_q2"] == pytest.approx(expected, abs=1e-12)
    assert sacurine_fit.summary.loc[0, "p_q2"] == pytest.approx(0.05, abs=1e-12)


def test_full_fit_matches_scikit_learn(sacurine, sacurine_fit):
    x, y = sacurine
    xs = scale_matrix(x.to_numpy(), scaling="uv")
    y01 = (y == "M").to_numpy(float)
    model = PLSRegression(n_components=3, scale=False).fit(xs, (y01 - y01.mean()) / y01.std(ddof=1))
    ours = sacurine_fit.scores[["t1", "t2", "t3"]].to_numpy()
    signs = np.sign(np.sum(ours * model.x_scores_, axis=0))
    np.testing.assert_allclose(ours, model.x_scores_ * signs, atol=1e-10)
    t, w, c = model.x_scores_, model.x_weights_, model.y_loadings_[0]
    r2x = np.sum(t**2, axis=0) * np.sum(model.x_loadings_**2, axis=0) / np.sum(xs**2)
    ssy = c**2 * np.sum(t**2, axis=0)
    vip = np.sqrt(w.shape[0] * (w**2 @ ssy) / ssy.sum())
    np.testing.assert_allclose(sacurine_fit.components["r2x"], r2x, atol=1e-12)
    np.testing.assert_allclose(sacurine_fit.components["r2y"], ssy / (len(y) - 1), atol=1e-12)
    np.testing.assert_allclose(sacurine_fit.vip["vip"], vip, atol=1e-10)


@pytest.mark.parametrize("scaling", ["uv", "pareto", "center"])
def test_kernel_engine_equals_scikit_learn_refits(sacurine, scaling):
    x, y = sacurine
    x, y = x.iloc[:120, :60], y.iloc[:120]
    fast = plsda(x, y, scaling=scaling, permutations=8, seed=11)
    slow = plsda(x, y, scaling=scaling, permutations=8, seed=11, engine="refit")
    pd.testing.assert_frame_equal(fast.components, slow.components, atol=1e-10, rtol=0)
    pd.testing.assert_frame_equal(fast.permutations, slow.permutations, atol=1e-10, rtol=0)
    pd.testing.assert_frame_equal(fast.summary, slow.summary, atol=1e-10, rtol=0)
    np.testing.assert_allclose(fast.vip["vip"], slow.vip["vip"], atol=1e-10)


def test_q2_of_one_component_by_hand():
    # Q2_1 = 1 - PRESS / SSY with fold models fitted on uncentred training rows (ropls)
    x, y = small()
    fit = plsda(x, y, n_components=1, permutations=0)
    xs = scale_matrix(x.to_numpy(), scaling="uv")
    coded = (y == "HCM").to_numpy(float)
    ys = (coded - coded.mean()) / coded.std(ddof=1)
    folds, press = fold_labels(len(ys), 7), 0.0
    for k in range(7):
        train = folds != k
        w = xs[train].T @ ys[train]
        w /= np.linalg.norm(w)
        t = xs[train] @ w
        press += np.sum((ys[~train] - xs[~train] @ w * (ys[train] @ t) / (t @ t)) ** 2)
    assert fit.components.loc[0, "q2"] == pytest.approx(1 - press / (ys @ ys), abs=1e-12)


def test_fixed_components_keep_non_significant_ones():
    x, y = small(shift=1.0)
    fit = plsda(x, y, n_components=3, permutations=0)
    assert fit.components["component"].tolist() == [1, 2, 3]
    assert fit.summary.loc[0, "n_components"] == 3
    assert fit.scores.columns.tolist() == ["sample", "label", "t1", "t2", "t3"]
    assert np.isnan(fit.summary.loc[0, "p_q2"])


def test_first_component_is_kept_and_labelled_when_it_fails():
    x, y = small(shift=1.0, seed=4)
    fit = plsda(x, y, permutations=0)
    assert fit.summary.loc[0, "n_components"] == 1
    assert fit.components.loc[0, "significance"] in {"NS", "N4"}
    assert fit.components.loc[0, "q2"] < 0.05


def test_rows_joined_by_id_not_position():
    x, y = small()
    shuffled = y.sample(frac=1.0, random_state=0)
    a = plsda(x, y, permutations=5, seed=1)
    b = plsda(x, shuffled, permutations=5, seed=1)
    pd.testing.assert_frame_equal(a.components, b.components)
    assert b.scores["label"].tolist() == y.tolist()


def test_same_seed_same_numbers_and_workers_do_not_matter():
    x, y = small()
    a = plsda(x, y, permutations=12, seed=5)
    with joblib.parallel_config(backend="threading"):  # no process start-up in the tests
        b = plsda(x, y, permutations=12, seed=5, n_jobs=3)
    pd.testing.assert_frame_equal(a.permutations, b.permutations, atol=1e-12, rtol=0)
    c = plsda(x, y, permutations=12, seed=6)
    assert not np.allclose(a.permutations["q2_cum"][1:], c.permutations["q2_cum"][1:])


def test_permutation_helpers():
    orders = permutation_orders(5, 3, seed=2)
    assert orders.shape == (3, 5)
    assert all(sorted(o) == list(range(5)) for o in orders)
    assert permutation_p(0.5, np.array([0.6, 0.7])) == pytest.approx(1.5, abs=1e-12)
    assert permutation_p(0.5, np.array([0.1, 0.2, 0.3, 0.4])) == pytest.approx(0.25, abs=1e-12)
    assert fold_labels(15, 7).tolist() == [0, 1, 2, 3, 4, 5, 6] * 2 + [0]


@pytest.mark.parametrize(
    ("change", "kwargs", "message"),
    [
        (None, {"scaling": "log"}, "scaling must be one of 'uv', 'pareto', 'center'"),
        (None, {"engine": "svd"}, "engine must be one of 'kernel', 'refit'"),
        (None, {"cv_folds": 1}, "cv_folds must be an integer from 2"),
        (None, {"permutations": -1}, "permutations must be a non-negative integer"),
        (None, {"n_components": 0}, "n_components must be None or an integer from 1"),
        (None, {"evidence": "published"}, "evidence must be one of 'simulated', 'observed'"),
        ("nan", {}, "X has missing or infinite values in column"),
        ("constant", {}, "X has feature.*'f3' with zero variance"),
        ("three", {}, "y must hold exactly two classes"),
        ("unlabelled", {}, "y has no label for sample"),
    ],
)
def test_errors(change, kwargs, message):
    x, y = small()
    if change == "nan":
        x.iloc[2, 1] = np.nan
    elif change == "constant":
        x["f3"] = 1.0
    elif change == "three":
        y.iloc[0] = "XX"
    elif change == "unlabelled":
        y = y.drop("s05")
    with pytest.raises(ValueError, match=message):
        plsda(x, y, **{"permutations": 0, **kwargs})
