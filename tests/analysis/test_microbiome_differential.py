"""milkbone.analysis.microbiome.differential: ANCOM-BC and rank tests with BH.

References: R ANCOMBC 2.13.2's output on the HITChip Atlas (the files scikit-bio ships,
made with ``ancombc(..., formula = "age + region + bmi", p_adj_method = "holm",
pseudo = 1)``; the R script is in skbio/stats/composition/tests/test_ancombc.py),
:func:`statsmodels.stats.multitest.multipletests` for Benjamini–Hochberg, and
:func:`scipy.stats.mannwhitneyu` called taxon by taxon.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import skbio
from scipy import stats
from statsmodels.stats.multitest import multipletests

from milkbone.analysis.microbiome import (
    ancombc,
    ancombc_by_visit,
    benjamini_hochberg,
    rank_tests,
    toy_microbiome,
)

ATLAS = Path(skbio.__file__).parent / "stats" / "composition" / "tests" / "data"


@pytest.fixture(scope="module")
def atlas():
    counts = pd.read_csv(ATLAS / "atlas_feature_table.csv", index_col=0)
    meta = pd.read_csv(ATLAS / "atlas_meta_data.csv", index_col=0)
    return counts, meta


def test_ancombc_matches_r_ancombc_on_the_atlas(atlas):
    counts, meta = atlas
    ours = ancombc(counts, meta, formula="age + region + bmi",
                   levels={"bmi": ["lean", "overweight", "obese"]}, pseudocount=1,
                   p_adjust="holm", evidence="observed")  # fmt: skip
    r = pd.read_table(ATLAS / "atlas_ancombc_main.tsv")
    merged = ours.merge(r, left_on=["taxon", "covariate"], right_on=["FeatureID", "Covariate"])
    assert len(merged) == len(r) == 147  # 21 taxa × 7 coefficients
    # R and Python agree to about 1e-3 (scikit-bio's own test uses atol=1e-3)
    for ours_column, r_column in (("log_fc", "Log(FC)"), ("se", "SE"), ("w", "W"),
                                  ("p_value", "pvalue"), ("q_value", "qvalue")):  # fmt: skip
        assert merged[ours_column].to_numpy() == pytest.approx(merged[r_column].to_numpy(),
                                                               abs=1e-3)  # fmt: skip
    assert (merged["significant"] == merged["Signif"].astype(bool)).all()


def test_ancombc_errors(atlas):
    counts, meta = atlas
    with pytest.raises(ValueError, match="needs strictly positive values"):
        ancombc(counts, meta, formula="bmi", pseudocount=0)
    with pytest.raises(ValueError, match="metadata has no row for sample"):
        ancombc(counts, meta.iloc[1:], formula="bmi")
    with pytest.raises(ValueError, match="outside levels"):
        ancombc(counts, meta, formula="bmi", levels={"bmi": ["lean", "obese"]})


def test_ancombc_by_visit_reference_and_planted_effect():
    toy = toy_microbiome(participants=40, features=15, effect=2.0, seed=6)
    against_cm = ancombc_by_visit(toy.counts, toy.samples, months=[0, 6])
    against_hcm = ancombc_by_visit(toy.counts, toy.samples, months=[0, 6], reference="HCM")
    assert set(against_cm["contrast"]) == {"HCM vs CM"}
    assert set(against_hcm["contrast"]) == {"CM vs HCM"}
    assert against_hcm["log_fc"].to_numpy() == pytest.approx(-against_cm["log_fc"].to_numpy(),
                                                             abs=1e-6)  # fmt: skip
    planted = against_cm[(against_cm["month"] == 6) & against_cm["taxon"].isin(
        [f"F{j:05d}" for j in range(5)])]  # fmt: skip
    assert (planted["log_fc"] > 0.5).all()  # the toy plants +2 (natural log) at month 6
    with pytest.raises(ValueError, match="reference must be one of"):
        ancombc_by_visit(toy.counts, toy.samples, reference="placebo")
    with pytest.raises(ValueError, match="have no samples"):
        ancombc_by_visit(toy.counts, toy.samples, months=3)


def test_benjamini_hochberg_equals_statsmodels():
    p = np.random.default_rng(1).uniform(size=40) ** 2
    expected = multipletests(p, method="fdr_bh")[1]
    assert benjamini_hochberg(p) == pytest.approx(expected, abs=1e-12)
    with_nan = np.r_[p[:5], np.nan]
    assert np.isnan(benjamini_hochberg(with_nan)[-1])
    assert benjamini_hochberg(with_nan)[:5] == pytest.approx(
        multipletests(p[:5], method="fdr_bh")[1], abs=1e-12)  # fmt: skip


def test_rank_tests_on_real_counts(atlas):
    counts, meta = atlas
    # the Atlas as two "arms": obese against lean, one visit, each sample its own person
    chosen = meta[meta["bmi"].isin(["obese", "lean"])]
    samples = pd.DataFrame({"participant": chosen.index,
                            "group": chosen["bmi"].map({"obese": "HCM", "lean": "CM"}),
                            "month": 0}, index=chosen.index)  # fmt: skip
    table = rank_tests(counts.loc[chosen.index], samples, evidence="observed")
    shares = counts.loc[chosen.index].div(counts.loc[chosen.index].sum(axis=1), axis=0)
    obese, lean = shares[chosen["bmi"] == "obese"], shares[chosen["bmi"] == "lean"]
    for _, row in table.iterrows():
        reference = stats.mannwhitneyu(obese[row["taxon"]], lean[row["taxon"]],
                                       method="asymptotic")  # fmt: skip
        assert row["p_value"] == pytest.approx(reference.pvalue, rel=1e-9)
    assert table["q_value"].to_numpy() == pytest.approx(
        multipletests(table["p_value"], method="fdr_bh")[1], abs=1e-12)  # fmt: skip
    assert (table["n_hcm"] == (chosen["bmi"] == "obese").sum()).all()


def test_rank_tests_filters_and_untestable_taxa():
    toy = toy_microbiome(participants=10, features=12, seed=7)
    counts = toy.counts.assign(constant=0)
    counts.loc[counts.index[0], "constant"] = 5
    table = rank_tests(counts, toy.samples, months=0, min_prevalence=0.0)
    assert "constant" in set(table["taxon"])
    rare = rank_tests(counts, toy.samples, months=0, min_prevalence=0.2)
    assert "constant" not in set(rare["taxon"])  # in 1 of 10 samples: below the filter
    assert "prevalence > 0.2" in rare["method"].iloc[0]
    with pytest.raises(ValueError, match="min_prevalence must lie"):
        rank_tests(counts, toy.samples, min_prevalence=1.0)
    with pytest.raises(ValueError, match="test must be one of"):
        rank_tests(counts, toy.samples, test="t")
