"""milkbone.analysis.microbiome.diversity: Chao1, Shannon and their tests.

References: :mod:`skbio.diversity.alpha` sample by sample (an independent, per-sample
implementation), hand-worked values, and the Mann–Whitney normal approximation
written out by hand. Real data: the HITChip Atlas counts scikit-bio installs.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import skbio
from scipy import stats
from skbio.diversity import alpha as skbio_alpha

from milkbone.analysis.microbiome import alpha_diversity, alpha_tests, toy_microbiome

ATLAS = Path(skbio.__file__).parent / "stats" / "composition" / "tests" / "data"


@pytest.fixture(scope="module")
def atlas() -> pd.DataFrame:
    return pd.read_csv(ATLAS / "atlas_feature_table.csv", index_col=0)


def wide(alpha: pd.DataFrame) -> pd.DataFrame:
    return alpha.pivot(index="sample", columns="metric", values="value")


@pytest.mark.parametrize("base", [math.e, 2])
def test_alpha_diversity_matches_skbio_on_real_counts(atlas, base):
    ours = wide(alpha_diversity(atlas, metrics=("observed_features", "chao1", "shannon"),
                                base=base, evidence="observed"))  # fmt: skip
    for sample, row in atlas.iterrows():
        counts = row.to_numpy()
        assert ours.loc[sample, "chao1"] == pytest.approx(skbio_alpha.chao1(counts), abs=1e-10)
        assert ours.loc[sample, "shannon"] == pytest.approx(
            skbio_alpha.shannon(counts, base=base), abs=1e-10
        )
        assert ours.loc[sample, "observed_features"] == skbio_alpha.observed_features(counts)


def test_alpha_diversity_hand_worked():
    # counts 1, 1, 2: S_obs 3, F1 2, F2 1 -> Chao1 = 3 + 2·1/(2·2) = 3.5;
    # shares 1/4, 1/4, 1/2 -> Shannon = 1.5 bits = 1.5·ln 2 nats
    counts = pd.DataFrame({"a": [1, 0], "b": [1, 0], "c": [2, 0]}, index=["s", "empty"])
    bits = wide(alpha_diversity(counts, base=2))
    nats = wide(alpha_diversity(counts))
    assert bits.loc["s", "chao1"] == pytest.approx(3.5, abs=1e-12)
    assert bits.loc["s", "shannon"] == pytest.approx(1.5, abs=1e-12)
    assert nats.loc["s", "shannon"] == pytest.approx(1.5 * math.log(2), abs=1e-12)
    assert np.isnan(bits.loc["empty"]).all()  # an empty sample has no diversity


def test_alpha_diversity_errors():
    counts = pd.DataFrame({"a": [1.5, 2.0]}, index=["s1", "s2"])
    with pytest.raises(ValueError, match="negative, fractional or missing"):
        alpha_diversity(counts)
    with pytest.raises(ValueError, match="metric must be one of"):
        alpha_diversity(counts.round(), metrics=["simpson"])
    with pytest.raises(ValueError, match="base must be a number above 1"):
        alpha_diversity(counts.round(), base=1)
    with pytest.raises(ValueError, match="evidence must be one of"):
        alpha_diversity(counts.round(), evidence="published")


def test_between_arms_mann_whitney_by_hand():
    values = [3.1, 2.2, 4.5, 3.9, 1.0, 2.8, 5.5, 0.4, 2.5, 3.3]
    ids = [f"s{i}" for i in range(10)]
    alpha = pd.DataFrame({"sample": ids, "metric": "shannon", "value": values,
                          "evidence": "simulated"})  # fmt: skip
    samples = pd.DataFrame({"participant": ids, "group": ["HCM"] * 5 + ["CM"] * 5,
                            "month": 6}, index=ids)  # fmt: skip
    row = alpha_tests(alpha, samples).iloc[0]
    hcm, cm = values[:5], values[5:]
    u = sum((x > y) + 0.5 * (x == y) for x in hcm for y in cm)  # U of HCM, by counting pairs
    mu, sigma = 12.5, math.sqrt(5 * 5 * 11 / 12)  # no ties
    z = (abs(u - mu) - 0.5) / sigma  # continuity-corrected normal approximation
    assert row["statistic"] == pytest.approx(u, abs=1e-12)
    assert row["p_value"] == pytest.approx(2 * stats.norm.sf(z), abs=1e-12)
    assert (row["comparison"], row["month_from"], row["n"]) == ("between_arms", 6, 10)


def test_within_arm_pairs_by_participant():
    toy = toy_microbiome(participants=16, features=30, seed=8)
    alpha = alpha_diversity(toy.counts, metrics=["shannon"])
    shuffled = toy.samples.sample(frac=1.0, random_state=1)  # row order must not matter
    table = alpha_tests(alpha, shuffled)
    row = table.query("group == 'CM' and month_to == 12").iloc[0]
    values = wide(alpha)["shannon"]
    people = toy.samples[toy.samples["group"] == "CM"]["participant"].unique()
    base = values.loc[[f"{p}-m0" for p in people]].to_numpy()
    later = values.loc[[f"{p}-m12" for p in people]].to_numpy()
    reference = stats.wilcoxon(later, base, method="asymptotic")
    assert row["statistic"] == pytest.approx(reference.statistic, abs=1e-12)
    assert row["p_value"] == pytest.approx(reference.pvalue, abs=1e-12)
    assert row["n"] == 8
    assert table["comparison"].value_counts().to_dict() == {"between_arms": 3, "within_arm": 4}


def test_alpha_tests_kruskal_and_paired_t():
    toy = toy_microbiome(participants=12, features=25, seed=9)
    alpha = alpha_diversity(toy.counts)
    table = alpha_tests(alpha, toy.samples, between="kruskal", within="paired-t")
    values = wide(alpha)["chao1"]
    month0 = toy.samples[toy.samples["month"] == 0]
    hcm = values.loc[month0.index[month0["group"] == "HCM"]]
    cm = values.loc[month0.index[month0["group"] == "CM"]]
    row = table.query("metric == 'chao1' and comparison == 'between_arms' and month_to == 0")
    assert row["statistic"].iloc[0] == pytest.approx(stats.kruskal(hcm, cm).statistic, abs=1e-12)
    with pytest.raises(ValueError, match="between must be one of"):
        alpha_tests(alpha, toy.samples, between="t")
    with pytest.raises(ValueError, match="one evidence level"):
        alpha_tests(alpha.assign(evidence="published"), toy.samples)
    with pytest.raises(KeyError, match="alpha is missing column"):
        alpha_tests(alpha.drop(columns="value"), toy.samples)


def test_alpha_with_metadata_and_untestable_cells():
    toy = toy_microbiome(participants=4, features=10, seed=1)
    alpha = alpha_diversity(toy.counts, toy.samples.iloc[::-1], metrics=["chao1"])
    assert alpha.columns.tolist()[:5] == ["sample", "participant", "group", "month", "metric"]
    assert alpha.set_index("sample").loc["P003-m6", "group"] == "CM"
    table = alpha_tests(alpha, toy.samples)
    # two women per arm: the within-arm Wilcoxon has fewer than two changes to rank only
    # when they tie; a cell whose values are all equal gives NaN rather than a warning
    tied = alpha.assign(value=1.0)
    assert alpha_tests(tied, toy.samples)["p_value"].isna().all()
    assert len(table) == 7
