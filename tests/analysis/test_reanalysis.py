"""Tests for milkbone.analysis.reanalysis.

Independent references: hand-worked arithmetic (comments), scipy.stats
(ttest_ind_from_stats, ttest_rel on constructed data, t), statsmodels (OLS for the
ANCOVA on a constructed data set, multipletests, TTestIndPower), and the paper's
printed numbers (Zhao et al. 2025, Table 2, §3.2).
"""

import math

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
from scipy import stats
from statsmodels.stats.power import TTestIndPower

from milkbone import published
from milkbone.analysis import reanalysis

SD_L14 = (0.123, 0.107)  # Table 2, L1-4 BMD, HCM and CM


def test_followup_difference_from_p_against_scipy():
    res = reanalysis.followup_difference_from_p(0.041, sd=SD_L14).iloc[0]
    # going back: a pooled t test on that difference gives the p we started from
    back = stats.ttest_ind_from_stats(res["difference"], 0.123, 51, 0.0, 0.107, 46)
    assert back.pvalue == pytest.approx(0.041, abs=1e-9)
    assert res["dof"] == 95
    with pytest.raises(ValueError, match="p must lie in"):
        reanalysis.followup_difference_from_p(1.2, sd=SD_L14)
    with pytest.raises(ValueError, match="n must hold two group sizes"):
        reanalysis.followup_difference_from_p(0.04, sd=SD_L14, n=(51,))


def test_between_arm_by_rho_hand_worked():
    res = reanalysis.between_arm_by_rho(
        diff0=0.046, diff1=0.05454, sd0=SD_L14, sd1=SD_L14, rho=[0.0, 0.9]
    ).set_index(["rho", "method"])
    # pooled SD: sqrt((50*0.123^2 + 45*0.107^2)/95) = 0.115697
    s = math.sqrt((50 * 0.123**2 + 45 * 0.107**2) / 95)
    root = math.sqrt(1 / 51 + 1 / 46)
    # change at rho = 0.9: SD s*sqrt(0.2) = 0.05174, t = 0.00854/(0.05174*0.20352) = 0.811
    row = res.loc[(0.9, "change")]
    assert row["sd"] == pytest.approx(s * math.sqrt(0.2), rel=1e-9)
    assert row["statistic"] == pytest.approx(0.00854 / (s * math.sqrt(0.2) * root), rel=1e-6)
    assert row["p"] == pytest.approx(2 * stats.t.sf(row["statistic"], 95), rel=1e-9)
    # follow-up does not depend on rho and equals scipy's pooled t test
    ref = stats.ttest_ind_from_stats(0.05454, s, 51, 0.0, s, 46).pvalue
    assert res.loc[(0.0, "follow-up"), "p"] == pytest.approx(ref, rel=1e-9)
    assert res.loc[(0.9, "follow-up"), "p"] == pytest.approx(ref, rel=1e-9)
    # ANCOVA at rho = 0: slope 0, same difference as follow-up, dof 94
    assert res.loc[(0.0, "ancova"), "difference"] == pytest.approx(0.05454)
    assert res.loc[(0.0, "ancova"), "dof"] == 94


def test_ancova_matches_ols_on_constructed_data():
    """Summary-level ANCOVA against statsmodels OLS on data built to have those summaries."""
    rng = np.random.default_rng(7)
    n1, n2, rho = 51, 46, 0.8
    cov = [[1.0, rho], [rho, 1.0]]
    a = rng.multivariate_normal([0.0, 0.0], cov, size=n1)
    b = rng.multivariate_normal([0.0, 0.0], cov, size=n2)

    # standardise each arm so that means, SDs and the within-arm correlation are exact
    def fix(x, m0, m1):
        z = (x - x.mean(0)) / x.std(0, ddof=1)
        w = np.linalg.cholesky(np.corrcoef(z.T))
        z = z @ np.linalg.inv(w).T @ np.linalg.cholesky(cov).T
        z = (z - z.mean(0)) / z.std(0, ddof=1)
        return z * 0.1 + [m0, m1]

    a, b = fix(a, 1.0, 1.06), fix(b, 0.95, 0.99)
    x = np.concatenate([a[:, 0], b[:, 0]])
    y = np.concatenate([a[:, 1], b[:, 1]])
    g = np.r_[np.ones(n1), np.zeros(n2)]
    fit = sm.OLS(y, sm.add_constant(np.column_stack([g, x]))).fit()
    res = reanalysis.between_arm_by_rho(
        diff0=0.05, diff1=0.07, sd0=(0.1, 0.1), sd1=(0.1, 0.1), rho=rho
    ).set_index("method")
    assert res.loc["ancova", "difference"] == pytest.approx(fit.params[1], abs=1e-9)
    assert res.loc["ancova", "se"] == pytest.approx(fit.bse[1], rel=1e-6)
    assert res.loc["ancova", "p"] == pytest.approx(fit.pvalues[1], rel=1e-6)


def test_between_arm_by_rho_errors():
    with pytest.raises(ValueError, match="rho must lie in"):
        reanalysis.between_arm_by_rho(diff0=0, diff1=0.1, sd0=SD_L14, sd1=SD_L14, rho=1.0)
    with pytest.raises(ValueError, match="SDs must be positive"):
        reanalysis.between_arm_by_rho(diff0=0, diff1=0.1, sd0=(0, 0.1), sd1=SD_L14)
    with pytest.raises(ValueError, match="sd0 must hold two values"):
        reanalysis.between_arm_by_rho(diff0=0, diff1=0.1, sd0=(0.1,), sd1=SD_L14)


def test_rho_from_paired_p_roundtrip_with_ttest_rel():
    """Build paired data with a known correlation; the p of ttest_rel gives it back."""
    rng = np.random.default_rng(3)
    n = 51
    x = rng.normal(size=n)
    y = 0.9 * x + rng.normal(scale=0.5, size=n) + 0.3
    p = stats.ttest_rel(y, x).pvalue
    res = reanalysis.rho_from_paired_p(
        mean_change=float(np.mean(y - x)),
        sd0=float(np.std(x, ddof=1)),
        sd1=float(np.std(y, ddof=1)),
        n=n,
        p=float(p),
    ).iloc[0]
    assert res["rho"] == pytest.approx(np.corrcoef(x, y)[0, 1], abs=1e-9)
    assert res["sd_change"] == pytest.approx(np.std(y - x, ddof=1), rel=1e-9)


def test_rho_from_paired_p_paper_and_errors():
    # §3.2: +2.3% of 0.981 = 0.022563 g/cm2, p = 0.003, n = 51:
    # t = t.isf(0.0015, 50) = 3.120, SD change = 0.022563*sqrt(51)/3.120 = 0.05164,
    # rho = (2*0.123^2 - 0.05164^2)/(2*0.123^2) = 0.912
    res = reanalysis.rho_from_paired_p(
        mean_change=0.981 * 0.023, sd0=0.123, sd1=0.123, n=51, p=0.003, p_low=0.0025, p_high=0.0035
    ).iloc[0]
    assert res["statistic"] == pytest.approx(stats.t.isf(0.0015, 50), rel=1e-12)
    assert res["rho"] == pytest.approx(
        1 - (0.022563 * math.sqrt(51) / 3.1198) ** 2 / (2 * 0.123**2), abs=1e-3
    )
    assert res["rho_low"] < res["rho"] < res["rho_high"]
    with pytest.raises(ValueError, match="p must lie in"):
        reanalysis.rho_from_paired_p(mean_change=0.1, sd0=1, sd1=1, n=5, p=0)
    with pytest.raises(ValueError, match="n must be an integer"):
        reanalysis.rho_from_paired_p(mean_change=0.1, sd0=1, sd1=1, n=1, p=0.5)
    with pytest.raises(ValueError, match="sd0 and sd1 must be positive"):
        reanalysis.rho_from_paired_p(mean_change=0.1, sd0=0, sd1=1, n=5, p=0.5)


def test_clinical_between_arm_p_and_multiplicity():
    tab = reanalysis.clinical_between_arm_p(published.claims())
    assert len(tab) == 18
    assert set(tab.loc[tab["bound"], "printed"]) == {"<0.001"}
    res = reanalysis.multiplicity(tab)
    # statsmodels is the reference implementation; Holm by hand for the smallest p:
    # 18 * 0.0001 = 0.0018
    assert res.loc[0, "p_holm"] == pytest.approx(0.0018)
    assert int(res["significant"].sum()) == 8
    assert int(res["significant_holm"].sum()) == 5
    assert int(res["significant_bh"].sum()) == 5
    bmd = res[res["endpoint"] == "l1_4_bmd"]
    assert not bmd["significant_holm"].any() and not bmd["significant_bh"].any()
    # BH by hand for p = 0.035 (rank 6 of 18): min over ranks >= 6 of p*18/rank
    ps = np.sort(tab["p"].to_numpy())
    by_hand = min(ps[k] * 18 / (k + 1) for k in range(5, 18))
    assert bmd.loc[bmd["timepoint"] == "m6", "p_bh"].iloc[0] == pytest.approx(by_hand)


def test_multiplicity_errors():
    with pytest.raises(KeyError, match="needs a column 'p'"):
        reanalysis.multiplicity(pd.DataFrame({"q": [0.1]}))
    with pytest.raises(ValueError, match="p must lie in"):
        reanalysis.multiplicity(pd.DataFrame({"p": [1.5]}))
    with pytest.raises(ValueError, match="alpha must lie in"):
        reanalysis.multiplicity(pd.DataFrame({"p": [0.5]}), alpha=1.0)
    with pytest.raises(KeyError, match="claims lacks"):
        reanalysis.clinical_between_arm_p(pd.DataFrame({"claim_id": []}))


def test_bmd_power_against_statsmodels():
    base = published.summary_statistics()
    base = base[(base["month"] == 0) & base["measure"].str.endswith("bmd")]
    res = reanalysis.bmd_power(base, effects={"l1_4_bmd": 0.0085}).set_index("measure")
    assert len(res) == 5
    d = TTestIndPower().solve_power(nobs1=51, ratio=46 / 51, alpha=0.05, power=0.8)
    assert res.loc["right_hip_bmd", "mdes_d"] == pytest.approx(d, rel=1e-9)
    # pooled SD of L1-4 BMD 0.115697; MDES 0.5759 * 0.115697 = 0.0666 g/cm2
    assert res.loc["l1_4_bmd", "mdes_followup"] == pytest.approx(d * 0.115697, rel=1e-4)
    power = TTestIndPower().power(
        effect_size=0.0085 / 0.115697, nobs1=51, ratio=46 / 51, alpha=0.05
    )
    assert res.loc["l1_4_bmd", "power_followup"] == pytest.approx(power, rel=1e-3)
    assert math.isnan(res.loc["right_hip_bmd", "power_followup"])
    with pytest.raises(ValueError, match="rho must lie in"):
        reanalysis.bmd_power(base, rho=1.0)
    with pytest.raises(KeyError, match="baseline lacks"):
        reanalysis.bmd_power(base.drop(columns="sd"))
    with pytest.raises(ValueError, match="needs an HCM and a CM row"):
        reanalysis.bmd_power(base[base["group"] == "HCM"])


def test_bmd_changes_and_implied_rho():
    changes = reanalysis.bmd_changes(published.summary_statistics(), published.prose())
    got = changes.set_index(["measure", "group"])
    # §3.2: CM left hip fell 0.1%: 0.849 * -0.001 = -0.000849 g/cm2
    assert got.loc[("left_hip_bmd", "CM"), "mean_change"] == pytest.approx(-0.000849)
    assert got.loc[("l1_4_bmd", "HCM"), "p_within"] == pytest.approx(0.003)
    assert math.isnan(got.loc[("right_hip_bmd", "HCM"), "percent_change"])
    rho = reanalysis.implied_rho(changes).set_index(["measure", "group"])
    assert len(rho) == 4
    direct = reanalysis.rho_from_paired_p(
        mean_change=0.935 * 0.015, sd0=0.107, sd1=0.107, n=46, p=0.017
    ).iloc[0]
    assert rho.loc[("l1_4_bmd", "CM"), "rho"] == pytest.approx(direct["rho"], rel=1e-12)
    with pytest.raises(KeyError, match="summary lacks"):
        reanalysis.bmd_changes(pd.DataFrame({"measure": []}), published.prose())


def test_between_arm_curves():
    curves = reanalysis.between_arm_curves(
        diff0=0.046, followup={6: 0.0545, 12: 0.0487}, sd0=SD_L14, rho=[0.0, 0.5]
    )
    assert len(curves) == 2 * 2 * 3
    single = reanalysis.between_arm_by_rho(
        diff0=0.046, diff1=0.0487, sd0=SD_L14, sd1=SD_L14, rho=[0.0, 0.5]
    )
    pd.testing.assert_series_equal(
        curves.loc[curves["month"] == 12, "p"].reset_index(drop=True), single["p"]
    )


def test_p_at_rho_takes_the_nearest_grid_point():
    curves = reanalysis.between_arm_curves(
        diff0=0.046, followup={6: 0.0545}, sd0=(0.123, 0.107), rho=[0.5, 0.9, 0.95]
    )
    at = reanalysis.p_at_rho(curves, rho=0.91)
    assert at["rho"].unique().tolist() == [0.9]
    assert sorted(at["method"]) == ["ancova", "change", "follow-up"]


def test_p_at_rho_refuses_a_correlation_of_one():
    curves = reanalysis.between_arm_curves(
        diff0=0.046, followup={6: 0.0545}, sd0=(0.123, 0.107), rho=[0.5]
    )
    with pytest.raises(ValueError, match=r"rho must be in \[0, 1\)"):
        reanalysis.p_at_rho(curves, rho=1.0)


def test_followup_levels_hand_worked_and_against_scipy():
    summary = published.summary_statistics()
    changes = pd.DataFrame(
        {
            "measure": "l1_4_bmd",
            "group": ["HCM", "CM"],
            "from_month": 0,
            "to_month": 6,
            "published": [2.3, 1.5],  # §3.2: +2.3 % and +1.5 % at six months
        }
    )
    res = reanalysis.followup_levels(summary, changes).iloc[0]
    # by hand from Table 2 (0.981 ± 0.123, n 51; 0.935 ± 0.107, n 46):
    # 0.981 * 1.023 = 1.003563, 0.935 * 1.015 = 0.949025
    assert res["mean_hcm"] == pytest.approx(1.003563, abs=1e-12)
    assert res["mean_cm"] == pytest.approx(0.949025, abs=1e-12)
    assert res["difference"] == pytest.approx(0.054538, abs=1e-12)
    assert res["baseline_difference"] == pytest.approx(0.046, abs=1e-12)
    assert res["extra_gain"] == pytest.approx(0.022563 - 0.014025, abs=1e-12)
    assert res["baseline_share"] == pytest.approx(100 * 0.046 / 0.054538, abs=1e-9)
    # pooled SD 0.115697 (by hand), se = 0.115697 * sqrt(1/51 + 1/46) = 0.023526
    assert res["statistic"] == pytest.approx(0.054538 / 0.0235264, abs=2e-4)
    # reference: scipy.stats.ttest_ind on two samples with these means, SDs and sizes
    rng = np.random.default_rng(1)
    samples = []
    for mean, sd, n in ((1.003563, 0.123, 51), (0.949025, 0.107, 46)):
        z = rng.standard_normal(n)
        samples.append(mean + sd * (z - z.mean()) / z.std(ddof=1))
    ref = stats.ttest_ind(*samples)
    assert res["statistic"] == pytest.approx(ref.statistic, abs=1e-9)
    assert res["p"] == pytest.approx(ref.pvalue, abs=1e-9)
    assert res["dof"] == 95
    # reference: the follow-up row of between_arm_by_rho (its own pooled-t formula)
    row = reanalysis.between_arm_by_rho(
        diff0=0.046, diff1=res["difference"], sd0=SD_L14, sd1=SD_L14, rho=0.5
    ).iloc[0]
    assert res["p"] == pytest.approx(row["p"], abs=1e-12)
    assert res["evidence"] == "recomputed"


def test_followup_levels_chooses_measures_with_both_arms():
    summary = published.summary_statistics()
    stated = pd.DataFrame(
        {
            "measure": ["l1_4_bmd", "l1_4_bmd", "left_hip_bmd"],
            "group": ["HCM", "CM", "HCM"],
            "from_month": 0,
            "to_month": 6,
            "published": [2.3, 1.5, 2.2],
        }
    )
    res = reanalysis.followup_levels(summary, stated)
    assert res["measure"].tolist() == ["l1_4_bmd"]
    assert len(reanalysis.followup_levels(summary, stated, month=12)) == 0
    with pytest.raises(ValueError, match=r"measures \['left_hip_bmd'\] lack a baseline"):
        reanalysis.followup_levels(summary, stated, measures="left_hip_bmd")
    with pytest.raises(KeyError, match="changes is missing column"):
        reanalysis.followup_levels(summary, stated.drop(columns="published"))


def test_implied_rho_ranges_over_the_rounding_of_every_input():
    # Independent reference: scipy's t quantile at every corner of the rounding box of
    # §3.2 and Table 2 (HCM L1-4: 0.981 ± 0.123, +2.3%, p = 0.003, n = 51), with
    # rho = 1 - SD_change^2 / (2 s^2), SD_change = |mean * pct| * sqrt(n) / t.
    import itertools

    def rho(mean, sd, pct, p, n):
        t = stats.t.isf(p / 2, n - 1)
        return 1 - (mean * pct / 100 * math.sqrt(n) / t) ** 2 / (2 * sd**2)

    changes = reanalysis.bmd_changes(published.summary_statistics(), published.prose())
    got = reanalysis.implied_rho(changes).set_index(["measure", "group"])
    for group, (mean, sd, pct, p, n) in {
        "HCM": (0.981, 0.123, 2.3, 0.003, 51),
        "CM": (0.935, 0.107, 1.5, 0.017, 46),
    }.items():
        corners = [
            rho(*c, n)
            for c in itertools.product(
                (mean - 5e-4, mean + 5e-4),
                (sd - 5e-4, sd + 5e-4),
                (pct - 0.05, pct + 0.05),
                (p - 5e-4, p + 5e-4),
            )
        ]
        row = got.loc[("l1_4_bmd", group)]
        assert row["rho_low"] == pytest.approx(min(corners), abs=1e-9)
        assert row["rho_high"] == pytest.approx(max(corners), abs=1e-9)
    # issue 13: HCM about 0.904-0.920 (p alone: 0.909-0.915), CM about 0.930-0.941
    assert got.loc[("l1_4_bmd", "HCM"), ["rho_low", "rho_high"]].round(3).tolist() == [
        0.904,
        0.920,
    ]
    p_only = reanalysis.implied_rho(changes.drop(columns=["mean_half", "sd_half"]))
    hcm = p_only.set_index(["measure", "group"]).loc[("l1_4_bmd", "HCM")]
    assert [round(hcm["rho_low"], 3), round(hcm["rho_high"], 3)] == [0.909, 0.915]
    got_half = changes.set_index(["measure", "group"]).loc[("l1_4_bmd", "HCM")]
    assert got_half[["mean_half", "sd_half", "percent_half", "p_half"]].tolist() == (
        pytest.approx([5e-4, 5e-4, 0.05, 5e-4])
    )


def test_significance_crossings_of_the_l1_4_curves():
    # Hand-worked linear interpolation on grid values of the six-month ANCOVA curve
    # (the p-values themselves are tested in test_between_arm_by_rho_hand_worked): p
    # rises from 0.0487 at rho 0.15 to 0.0581 at 0.20, so it crosses 0.05 at
    # 0.15 + 0.05 * (0.05 - 0.0487) / (0.0581 - 0.0487), near 0.157.
    curves = pd.DataFrame(
        {
            "month": 6,
            "method": "ancova",
            "rho": [0.10, 0.15, 0.20, 0.97, 0.98, 0.99],
            "p": [0.0402, 0.0487, 0.0581, 0.0941, 0.0517, 0.0096],
        }
    )
    got = reanalysis.significance_crossings(curves)
    assert got["rho"].tolist() == pytest.approx([0.15 + 0.05 * 0.0013 / 0.0094, 0.98], abs=1e-3)
    assert got["significant_below"].tolist() == [True, False]
    # the crossing between 0.98 and 0.99: 0.98 + 0.01 * 0.0017 / 0.0421
    assert got.loc[1, "rho"] == pytest.approx(0.98 + 0.01 * 0.0017 / 0.0421, abs=1e-9)
    flat = curves.assign(p=0.5)
    assert reanalysis.significance_crossings(flat).empty
    with pytest.raises(ValueError, match="alpha must lie"):
        reanalysis.significance_crossings(curves, alpha=1.5)
    with pytest.raises(KeyError, match="curves is missing column"):
        reanalysis.significance_crossings(curves.drop(columns="p"))
