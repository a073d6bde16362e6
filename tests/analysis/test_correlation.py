"""Spearman correlations between blocks (Figure 7).

Reference: ``scipy.stats.spearmanr`` called pair by pair; BH from statsmodels.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats
from statsmodels.stats.multitest import multipletests

from milkbone.analysis.correlation import panel_summary, rank_correlation, spearman


def blocks(seed=0, n=40):
    rng = np.random.default_rng(seed)
    participants = [f"P{i:03d}" for i in range(n)]
    bone = pd.DataFrame(
        rng.normal(size=(n, 3)), index=participants, columns=["l1_4_bmd", "calcium", "pinp"]
    )
    genera = pd.DataFrame(
        rng.lognormal(size=(n, 4)),
        index=participants,
        columns=["Faecalibacterium", "Bacteroides", "Fusicatenibacter", "Akkermansia"],
    )
    genera["Faecalibacterium"] += 2 * np.exp(bone["l1_4_bmd"])
    genera["Akkermansia"] = np.round(genera["Akkermansia"])  # ties
    return bone, genera.sample(frac=1.0, random_state=3)  # other row order


def test_matches_scipy_spearmanr_pair_by_pair():
    bone, genera = blocks()
    out = spearman(bone, genera)
    assert len(out) == 12 and (out["n"] == 40).all()
    for row in out.itertuples():
        ref = stats.spearmanr(bone[row.left], genera.loc[bone.index, row.right])
        assert row.rho == pytest.approx(ref.statistic, abs=1e-12)
        assert row.p == pytest.approx(ref.pvalue, abs=1e-10)
    np.testing.assert_allclose(out["p_bh"], multipletests(out["p"], method="fdr_bh")[1], atol=1e-12)
    assert out[["left", "right"]].iloc[:2].values.tolist() == [
        ["l1_4_bmd", "Faecalibacterium"],
        ["l1_4_bmd", "Bacteroides"],
    ]


def test_rank_correlation_equals_scipy_matrix():
    bone, genera = blocks()
    a, b = bone.to_numpy(), genera.loc[bone.index].to_numpy()
    full = stats.spearmanr(np.hstack([a, b])).statistic
    np.testing.assert_allclose(rank_correlation(a, b), full[:3, 3:], atol=1e-12)


def test_inner_join_dropna_and_constant_columns():
    bone, genera = blocks()
    bone = bone.iloc[:30].copy()
    bone.iloc[0, 1] = np.nan
    with pytest.raises(ValueError, match="left has missing or infinite values"):
        spearman(bone, genera)
    out = spearman(bone, genera, dropna=True)
    assert (out["n"] == 29).all()
    genera["Bacteroides"] = 1.0
    out = spearman(bone, genera, dropna=True)
    constant = out[out["right"] == "Bacteroides"]
    assert constant["rho"].isna().all() and constant["p"].isna().all()
    assert out["p_bh"].notna().sum() == 9


def test_panel_summary_counts_chance():
    bone, genera = blocks()
    out = spearman(bone, genera)
    summary = panel_summary(out, alpha=0.05)
    assert summary.loc[0, "tests"] == 12
    assert summary.loc[0, "expected_by_chance"] == pytest.approx(0.6, abs=1e-12)
    assert summary.loc[0, "significant"] == int((out["p"] < 0.05).sum())
    assert summary.loc[0, "significant_bh"] == int((out["p_bh"] < 0.05).sum())
    assert summary.loc[0, "significant"] >= 1  # l1_4_bmd × Faecalibacterium is planted


def test_errors():
    bone, genera = blocks()
    with pytest.raises(ValueError, match=r"right has participant.*more than once"):
        spearman(bone, pd.concat([genera, genera.iloc[:1]]))
    with pytest.raises(ValueError, match="share 2 participant"):
        spearman(bone.iloc[:2], genera)
    with pytest.raises(ValueError, match="alpha must be between 0 and 1"):
        panel_summary(spearman(bone, genera), alpha=5)
    with pytest.raises(ValueError, match="left has non-numeric column"):
        spearman(bone.assign(group="HCM"), genera)
