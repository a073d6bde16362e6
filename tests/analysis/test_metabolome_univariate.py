"""Per-feature tests, fold changes and the two selection rules.

References: a Python loop of ``scipy.stats.ttest_ind`` (one call per feature),
``statsmodels.stats.multitest.multipletests(method="fdr_bh")``, fold changes and
selections worked by hand.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats
from statsmodels.stats.multitest import multipletests

from milkbone.analysis.metabolome import (
    SELECTION_RULES,
    compare_features,
    feature_means,
    select_features,
    selection_counts,
)


def peak_table(seed=0, per_cell=5, features=8):
    rng = np.random.default_rng(seed)
    rows = [
        (f"{g}{m}_{i}", g, m) for g in ("HCM", "CM") for m in (0, 6, 12) for i in range(per_cell)
    ]
    samples = pd.DataFrame(rows, columns=["sample", "group", "month"]).set_index("sample")
    intensities = pd.DataFrame(
        rng.lognormal(mean=10, sigma=0.4, size=(len(rows), features)),
        index=samples.index,
        columns=[f"m{j}" for j in range(features)],
    )
    intensities.loc[(samples["group"] == "HCM") & (samples["month"] == 12), "m0"] *= 3
    return intensities, samples


@pytest.mark.parametrize(("test", "equal_var"), [("welch", False), ("student", True)])
def test_matches_a_loop_of_scipy_ttest(test, equal_var):
    intensities, samples = peak_table()
    out = compare_features(intensities, samples, month=12, test=test)
    hcm = samples.index[(samples["group"] == "HCM") & (samples["month"] == 12)]
    cm = samples.index[(samples["group"] == "CM") & (samples["month"] == 12)]
    for row in out.itertuples():
        ref = stats.ttest_ind(
            np.log2(intensities.loc[hcm, row.feature]),
            np.log2(intensities.loc[cm, row.feature]),
            equal_var=equal_var,
        )
        assert row.statistic == pytest.approx(ref.statistic, abs=1e-12)
        assert row.p == pytest.approx(ref.pvalue, abs=1e-12)
        fold = intensities.loc[hcm, row.feature].mean() / intensities.loc[cm, row.feature].mean()
        assert row.fold_change == pytest.approx(fold, rel=1e-12)
    np.testing.assert_allclose(out["p_bh"], multipletests(out["p"], method="fdr_bh")[1], atol=1e-12)
    assert out[["n_numerator", "n_denominator", "n"]].iloc[0].tolist() == [5, 5, 10]
    assert out["numerator"].iloc[0] == "HCM"


def test_column_order_and_raw_transform():
    intensities, samples = peak_table()
    out = compare_features(intensities, samples, transform="none", column="month", groups=(12, 0))
    assert out.columns.tolist() == [
        "feature", "numerator", "denominator", "n_numerator", "n_denominator",
        "mean_numerator", "mean_denominator", "fold_change", "log2_fold_change",
        "statistic", "dof", "p", "p_bh", "n", "method", "evidence",
    ]  # fmt: skip
    ref = stats.ttest_ind(
        intensities.loc[samples["month"] == 12, "m3"],
        intensities.loc[samples["month"] == 0, "m3"],
        equal_var=False,
    )
    assert out.loc[3, "p"] == pytest.approx(ref.pvalue, abs=1e-12)
    assert out.loc[3, "n"] == 20


def test_selection_rules_by_hand():
    table = pd.DataFrame(
        {
            "feature": list("abcdefgh"),
            "fold_change": [2.0, 1.3, 0.5, 0.8, 1.21, 3.0, 0.833, 2.5],
            "p": [0.01, 0.01, 0.04, 0.01, 0.049, 0.06, 0.01, 0.01],
        }
    )
    vip = pd.DataFrame(
        {"feature": list("hgfedcba"), "vip": [1.0, 1.5, 2.0, 1.1, 1.2, 1.3, 1.4, 1.6]}
    )
    methods = select_features(table, vip, rule="methods")
    # a: FC 2 >= 2 kept (inclusive); b: 1.3 < 2; c: 0.5 <= 0.5 kept; f: p 0.06;
    # g: 0.833 > 0.5; h: VIP 1.0 is not > 1
    assert methods.loc[methods["selected"], "feature"].tolist() == ["a", "c"]
    results = select_features(table, vip, rule="results")
    # a, b, c, d (0.8 < 0.833), e (1.21 > 1.2) kept; g at 0.833 is not < 0.833; h by VIP
    assert results.loc[results["selected"], "feature"].tolist() == ["a", "b", "c", "d", "e"]
    assert results.set_index("feature").loc[["b", "c", "d"], "direction"].tolist() == [
        "up",
        "down",
        "down",
    ]
    counts = selection_counts(table, vip)
    assert counts[["rule", "selected", "up", "down"]].to_numpy().tolist() == [
        ["methods", 2, 1, 1],
        ["results", 5, 3, 2],
    ]
    assert SELECTION_RULES["results"]["down"] == 0.833
    assert selection_counts(table.assign(evidence="observed"), vip)["evidence"].tolist() == [
        "observed",
        "observed",
    ]


def test_feature_means_and_z():
    intensities, samples = peak_table()
    out = feature_means(intensities, samples, features=["m0", "m1"])
    assert len(out) == 2 * 6
    cell = out[(out["feature"] == "m0") & (out["group"] == "HCM") & (out["month"] == 12)].iloc[0]
    members = intensities.loc[(samples["group"] == "HCM") & (samples["month"] == 12), "m0"]
    assert cell["mean"] == pytest.approx(members.mean(), rel=1e-12)
    assert cell["sd"] == pytest.approx(members.std(ddof=1), rel=1e-12)
    assert cell["n"] == 5
    z = out[out["feature"] == "m0"]["z"]
    assert z.mean() == pytest.approx(0.0, abs=1e-12)
    assert z.std(ddof=1) == pytest.approx(1.0, abs=1e-12)
    assert out["feature"].tolist()[:6] == ["m0"] * 6


@pytest.mark.parametrize(
    ("change", "kwargs", "message"),
    [
        (None, {"test": "mann"}, "test must be one of 'welch', 'student'"),
        (None, {"transform": "log10"}, "transform must be one of 'log2', 'none'"),
        (None, {"groups": ("HCM", "HCM")}, "groups must name two different values"),
        (None, {"month": 3}, "group 'HCM' has 0 sample.*at month 3; need 2"),
        ("negative", {}, "intensities must be positive for transform='log2'"),
        ("nan", {}, "intensities has missing or infinite values"),
        ("unknown", {}, "intensities has sample.*'extra' that samples does not describe"),
        ("text", {}, "intensities has non-numeric column"),
    ],
)
def test_errors(change, kwargs, message):
    intensities, samples = peak_table()
    if change == "negative":
        intensities.iloc[0, 0] = -1.0
    elif change == "nan":
        intensities.iloc[0, 0] = np.nan
    elif change == "unknown":
        intensities.loc["extra"] = 1.0
    elif change == "text":
        intensities["m1"] = "high"
    with pytest.raises(ValueError, match=message):
        compare_features(intensities, samples, **kwargs)


def test_selection_errors():
    table = pd.DataFrame({"feature": ["a", "b"], "fold_change": [2.0, 1.0], "p": [0.01, 0.5]})
    with pytest.raises(ValueError, match=r"vip has no value for feature.*'b'"):
        select_features(table, pd.DataFrame({"feature": ["a"], "vip": [1.2]}))
    with pytest.raises(ValueError, match="rule must be one of 'methods', 'results'"):
        select_features(table, pd.DataFrame({"feature": ["a", "b"], "vip": [1, 1]}), rule="both")
    with pytest.raises(KeyError, match="vip is missing column"):
        select_features(table, pd.DataFrame({"feature": ["a", "b"]}))
