"""The arms compared at every visit in one call, and the counts of what each rule keeps.

References: per visit, ``scipy.stats.ttest_ind`` on log2 intensities (one call per
feature), ``plsda`` fitted directly on the visit's log10 intensities, the rules applied
by hand to those numbers, and counts worked by hand.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from milkbone.analysis.metabolome import (
    compare_visits,
    count_selected,
    differential,
    plsda,
)


def peak_table(seed=0, per_cell=8, features=12):
    rng = np.random.default_rng(seed)
    rows = [
        (f"{g}{m}_{i}", g, m) for m in (0, 6, 12) for g in ("HCM", "CM") for i in range(per_cell)
    ]
    samples = pd.DataFrame(rows, columns=["sample", "group", "month"]).set_index("sample")
    intensities = pd.DataFrame(
        rng.lognormal(mean=10, sigma=0.4, size=(len(rows), features)),
        index=samples.index,
        columns=[f"m{j:02d}" for j in range(features)],
    )
    late = (samples["group"] == "HCM") & (samples["month"] == 12)
    intensities.loc[late, "m00"] *= 3  # methods and results rule
    intensities.loc[late, "m01"] /= 1.6  # results rule only (FC ≈ 0.6)
    return intensities, samples


OPTIONS = {"permutations": 20, "cv_folds": 4, "seed": 3}


@pytest.fixture(scope="module")
def compared():
    intensities, samples = peak_table()
    return intensities, samples, compare_visits(intensities, samples, **OPTIONS)


def test_each_visit_matches_its_own_tests_and_plsda(compared):
    intensities, samples, out = compared
    assert out.models["month"].tolist() == [0, 6, 12]
    assert len(out.features) == 3 * 2 * intensities.shape[1]
    for month in (0, 6, 12):
        hcm = samples.index[(samples["group"] == "HCM") & (samples["month"] == month)]
        cm = samples.index[(samples["group"] == "CM") & (samples["month"] == month)]
        rows = out.features.query("month == @month and rule == 'results'").set_index("feature")
        for feature in intensities.columns:
            ref = stats.ttest_ind(
                np.log2(intensities.loc[hcm, feature]),
                np.log2(intensities.loc[cm, feature]),
                equal_var=False,
            )
            assert rows.loc[feature, "p"] == pytest.approx(ref.pvalue, abs=1e-12)
            fold = intensities.loc[hcm, feature].mean() / intensities.loc[cm, feature].mean()
            assert rows.loc[feature, "fold_change"] == pytest.approx(fold, rel=1e-12)
        at = samples.index[samples["month"] == month]
        direct = plsda(np.log10(intensities.loc[at]), samples.loc[at, "group"], **OPTIONS)
        np.testing.assert_allclose(rows["vip"], direct.vip.set_index("feature")["vip"], atol=1e-12)
        model = out.models.set_index("month").loc[month]
        assert model["q2_cum"] == pytest.approx(direct.summary.loc[0, "q2_cum"], abs=1e-12)
        assert model["p_q2"] == pytest.approx(direct.summary.loc[0, "p_q2"], abs=1e-12)
        assert model["n"] == 16


def test_rules_applied_to_the_visit_numbers(compared):
    _, _, out = compared
    twelve = out.features.query("month == 12").set_index(["rule", "feature"])
    for rule, up, down, inclusive in (("methods", 2.0, 0.5, True), ("results", 1.2, 0.833, False)):
        rows = twelve.loc[rule]
        fold = rows["fold_change"]
        beyond = (fold >= up) | (fold <= down) if inclusive else (fold > up) | (fold < down)
        expected = beyond & (rows["p"] < 0.05) & (rows["vip"] > 1)
        assert rows["selected"].tolist() == expected.tolist()
    assert twelve.loc[("methods", "m00"), "selected"]
    assert twelve.loc[("results", "m01"), "direction"] == "down"
    assert not twelve.loc[("methods", "m01"), "selected"]


def test_same_seed_same_frames():
    intensities, samples = peak_table()
    first = compare_visits(intensities, samples, months=[12], **OPTIONS)
    again = compare_visits(intensities, samples, months=[12], **OPTIONS)
    pd.testing.assert_frame_equal(first.features, again.features)
    pd.testing.assert_frame_equal(first.models, again.models)
    assert list(first.fits) == [12]


def test_counts_worked_by_hand(compared):
    _, _, out = compared
    counts = count_selected(out.features).set_index(["month", "rule"])
    rows = out.features.query("month == 12 and rule == 'results'")
    by_hand = (rows["selected"].sum(), (rows["direction"] == "up").sum())
    assert (counts.loc[(12, "results"), "selected"], counts.loc[(12, "results"), "up"]) == by_hand
    assert counts.loc[(12, "results"), "n_features"] == 12
    among = count_selected(out.features, among=["m00"]).set_index(["month", "rule"])
    assert among.loc[(12, "methods"), ["n_features", "selected", "up", "down"]].tolist() == [
        1,
        1,
        1,
        0,
    ]
    assert (among["evidence"] == "simulated").all()


def test_differential_order_and_subset(compared):
    _, _, out = compared
    kept = differential(out.features, rule="results")
    assert kept["selected"].all() and (kept["rule"] == "results").all()
    assert kept["month"].is_monotonic_increasing
    late = kept[kept["month"] == 12]
    assert late["direction"].tolist() == sorted(late["direction"], key=lambda d: d == "down")
    assert differential(out.features, rule="methods", among=["m01"]).empty


def test_errors():
    intensities, samples = peak_table()
    with pytest.raises(ValueError, match="months must be visits the samples hold"):
        compare_visits(intensities, samples, months=[3], **OPTIONS)
    with pytest.raises(KeyError, match="samples is missing column"):
        compare_visits(intensities, samples.drop(columns="month"), **OPTIONS)
    with pytest.raises(ValueError, match="rule must be one of"):
        differential(pd.DataFrame(columns=["month", "rule", "feature", "selected", "direction"]),
                     rule="paper")  # fmt: skip
    with pytest.raises(KeyError, match="features is missing column"):
        count_selected(pd.DataFrame({"month": [0]}))
