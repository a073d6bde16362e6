"""Tests for milkbone.analysis.clinical, each against an independent reference named in a
comment."""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
from scipy import stats
from statsmodels.stats.anova import AnovaRM

from milkbone import vocabulary
from milkbone.analysis import clinical

SEED = 20250607


def make_long(seed: int = SEED, n_per_group: int = 20) -> pd.DataFrame:
    """Synthetic trial: random intercept per participant, HCM gains at 6 and 12 months."""
    rng = np.random.default_rng(seed)
    rows = []
    effect = {"HCM": {0: 0.0, 6: 0.03, 12: 0.025}, "CM": {0: 0.0, 6: 0.012, 12: 0.0}}
    for group in vocabulary.GROUPS:
        for i in range(n_per_group):
            participant = f"{group.lower()}{i:02d}"
            level = rng.normal(0.95, 0.10)
            vit = rng.normal(15.5, 5.0)
            for month in vocabulary.MONTHS:
                bmd = level + effect[group][month] + rng.normal(0, 0.02)
                ohd = vit + (8.5 if group == "HCM" else 3.5) * (month > 0) + rng.normal(0, 3)
                rows.append((participant, group, month, "l1_4_bmd", bmd))
                rows.append((participant, group, month, "ohd_25", ohd))
    return pd.DataFrame(rows, columns=list(clinical.COLUMNS))


@pytest.fixture
def data() -> pd.DataFrame:
    return make_long()


def wide_of(data, measure, group, months=(0, 6, 12)):
    sub = data[(data.measure == measure) & (data.group == group)]
    return sub.pivot(index="participant", columns="month", values="value")[list(months)].dropna()


# ------------------------------------------------------------------ describe / normality


def test_describe_matches_numpy(data):
    before = data.copy()
    res = clinical.describe(data)
    pd.testing.assert_frame_equal(data, before)
    assert list(res.columns) == [
        "measure",
        "group",
        "month",
        "n",
        "mean",
        "sd",
        "method",
        "evidence",
    ]
    assert isinstance(res.index, pd.RangeIndex)
    assert list(res.group[:3]) == ["HCM"] * 3
    # reference: numpy mean and std(ddof=1)
    x = data[(data.measure == "ohd_25") & (data.group == "CM") & (data.month == 12)].value
    row = res[(res.measure == "ohd_25") & (res.group == "CM") & (res.month == 12)].iloc[0]
    assert row.n == 20
    assert row["mean"] == pytest.approx(np.mean(x.to_numpy()), abs=1e-12)
    assert row.sd == pytest.approx(np.std(x.to_numpy(), ddof=1), abs=1e-12)
    assert set(res.evidence) == {"simulated"}


def test_describe_drops_missing_values(data):
    data = data.copy()
    data.loc[0, "value"] = np.nan
    res = clinical.describe(data, measures=["l1_4_bmd"])
    assert res.n.iloc[0] == 19


@pytest.mark.parametrize(
    ("method", "reference"), [("shapiro", stats.shapiro), ("normaltest", stats.normaltest)]
)
def test_normality_matches_scipy(data, method, reference):
    res = clinical.normality(data, measures="ohd_25", method=method)
    assert len(res) == 6
    x = data[(data.measure == "ohd_25") & (data.group == "HCM") & (data.month == 6)].value
    # reference: scipy.stats.shapiro / scipy.stats.normaltest
    ref = reference(x.to_numpy())
    row = res[(res.group == "HCM") & (res.month == 6)].iloc[0]
    assert row.statistic == pytest.approx(ref.statistic, abs=1e-10)
    assert row.p == pytest.approx(ref.pvalue, abs=1e-10)
    assert row.normal == (ref.pvalue > 0.05)


# ------------------------------------------------------------------ between groups


def test_compare_groups_student_and_welch(data):
    x = data[(data.measure == "l1_4_bmd") & (data.group == "HCM") & (data.month == 6)].value
    y = data[(data.measure == "l1_4_bmd") & (data.group == "CM") & (data.month == 6)].value
    for welch in (False, True):
        res = clinical.compare_groups(data, month=6, measures="l1_4_bmd", test="t", welch=welch)
        # reference: scipy.stats.ttest_ind (HCM first, so t is HCM − CM)
        ref = stats.ttest_ind(x, y, equal_var=not welch)
        assert res.statistic.iloc[0] == pytest.approx(ref.statistic, abs=1e-10)
        assert res.p.iloc[0] == pytest.approx(ref.pvalue, abs=1e-10)
        assert res.test.iloc[0] == ("welch" if welch else "t")
    assert res.dof.iloc[0] == pytest.approx(ref.df, abs=1e-8)
    assert (res.n.iloc[0], res.n_hcm.iloc[0], res.n_cm.iloc[0]) == (40, 20, 20)


def test_compare_groups_mann_whitney(data):
    res = clinical.compare_groups(data, month=12, measures=["ohd_25"], test="mann_whitney")
    x = data[(data.measure == "ohd_25") & (data.group == "HCM") & (data.month == 12)].value
    y = data[(data.measure == "ohd_25") & (data.group == "CM") & (data.month == 12)].value
    # reference: scipy.stats.mannwhitneyu, asymptotic with continuity correction (R/Jamovi)
    ref = stats.mannwhitneyu(x, y, method="asymptotic", use_continuity=True)
    assert res.statistic.iloc[0] == pytest.approx(ref.statistic, abs=1e-10)
    assert res.p.iloc[0] == pytest.approx(ref.pvalue, abs=1e-10)
    assert np.isnan(res.dof.iloc[0])


def test_compare_groups_auto_switches_on_normality(data):
    data = data.copy()
    # make HCM clearly non-normal at baseline: one wild outlier
    index = data[(data.measure == "ohd_25") & (data.group == "HCM") & (data.month == 0)].index
    data.loc[index[0], "value"] = 400.0
    res = clinical.compare_groups(data, month=0)
    by = res.set_index("measure")
    # reference for the choice: scipy.stats.shapiro on each group
    for measure in ("l1_4_bmd", "ohd_25"):
        x = data[(data.measure == measure) & (data.month == 0)]
        normal = all(stats.shapiro(v.value).pvalue > 0.05 for _, v in x.groupby("group"))
        assert by.loc[measure, "test"] == ("t" if normal else "mann_whitney")
    assert by.loc["ohd_25", "test"] == "mann_whitney"


# ------------------------------------------------------------------ within groups


def sums_of_squares(y: np.ndarray):
    """Two-way subject × month decomposition by hand (numpy)."""
    n, k = y.shape
    grand = y.mean()
    ss_month = n * ((y.mean(axis=0) - grand) ** 2).sum()
    ss_subject = k * ((y.mean(axis=1) - grand) ** 2).sum()
    ss_error = ((y - grand) ** 2).sum() - ss_month - ss_subject
    return ss_month, ss_error, (n - 1) * (k - 1)


def test_repeated_measures_matches_anovarm(data):
    res = clinical.repeated_measures(data, measures="l1_4_bmd", group="HCM")
    wide = wide_of(data, "l1_4_bmd", "HCM")
    ss_month, ss_error, df_error = sums_of_squares(wide.to_numpy())
    # reference: numpy decomposition
    assert res.ss_effect.iloc[0] == pytest.approx(ss_month, rel=1e-10)
    assert res.ms_error.iloc[0] == pytest.approx(ss_error / df_error, rel=1e-10)
    assert res.dof_error.iloc[0] == df_error
    # reference: statsmodels AnovaRM
    sub = data[(data.measure == "l1_4_bmd") & (data.group == "HCM")]
    ref = AnovaRM(sub, depvar="value", subject="participant", within=["month"]).fit()
    table = ref.anova_table
    assert res.f.iloc[0] == pytest.approx(table["F Value"].iloc[0], rel=1e-8)
    assert res.p.iloc[0] == pytest.approx(table["Pr > F"].iloc[0], rel=1e-8)
    assert (res.n.iloc[0], res.n_dropped.iloc[0], res.k.iloc[0]) == (20, 0, 3)
    assert 0.5 <= res.epsilon.iloc[0] <= 1.0


def test_repeated_measures_reports_dropped(data):
    data = data.copy()
    drop = (data.participant.isin(["hcm00", "hcm01"])) & (data.month == 12)
    res = clinical.repeated_measures(data[~drop], measures="ohd_25", group="HCM")
    assert (res.n.iloc[0], res.n_dropped.iloc[0]) == (18, 2)
    # reference: AnovaRM on the complete participants only
    sub = data[(data.measure == "ohd_25") & (data.group == "HCM")]
    sub = sub[~sub.participant.isin(["hcm00", "hcm01"])]
    ref = AnovaRM(sub, depvar="value", subject="participant", within=["month"]).fit()
    assert res.f.iloc[0] == pytest.approx(ref.anova_table["F Value"].iloc[0], rel=1e-8)


def test_tukey_pooled_by_hand(data):
    res = clinical.tukey_within(data, measures="l1_4_bmd", group="HCM")
    wide = wide_of(data, "l1_4_bmd", "HCM")
    y = wide.to_numpy()
    n, k = y.shape
    _, ss_error, df_error = sums_of_squares(y)
    ms_error = ss_error / df_error
    # reference: MS_error also from statsmodels AnovaRM, as MS_month / F
    sub = data[(data.measure == "l1_4_bmd") & (data.group == "HCM")]
    f_ref = AnovaRM(sub, depvar="value", subject="participant", within=["month"]).fit()
    ss_month = n * ((y.mean(axis=0) - y.mean()) ** 2).sum()
    assert ms_error == pytest.approx(ss_month / 2 / f_ref.anova_table["F Value"].iloc[0], rel=1e-8)
    pairs = list(itertools.combinations(range(k), 2))
    assert list(zip(res.month_a, res.month_b, strict=True)) == [(0, 6), (0, 12), (6, 12)]
    for row, (a, b) in zip(res.itertuples(), pairs, strict=True):
        diff = y[:, b].mean() - y[:, a].mean()
        q = abs(diff) / np.sqrt(ms_error / n)
        assert row.difference == pytest.approx(diff, abs=1e-12)
        assert row.statistic == pytest.approx(q, rel=1e-10)
        assert row.se == pytest.approx(np.sqrt(2 * ms_error / n), rel=1e-10)
        assert row.dof == df_error
        # reference: scipy.stats.studentized_range.sf at the hand-computed q
        assert row.p == pytest.approx(stats.studentized_range.sf(q, k, df_error), abs=1e-8)


def test_tukey_pooled_equals_one_way_tukey_on_subject_centred_data(data):
    # independent check: subtracting each participant's mean removes the subject effect;
    # scipy.stats.tukey_hsd on the centred values has the same mean differences and
    # an error SS equal to MS_error·(n−1)(k−1); rescale its df to compare the statistic.
    wide = wide_of(data, "ohd_25", "CM")
    res = clinical.tukey_within(data, measures="ohd_25", group="CM")
    centred = wide.sub(wide.mean(axis=1), axis=0)
    ref = stats.tukey_hsd(*[centred[m].to_numpy() for m in (0, 6, 12)])
    assert res.difference.iloc[0] == pytest.approx(ref.statistic[1, 0], abs=1e-10)
    assert res.difference.iloc[2] == pytest.approx(ref.statistic[2, 1], abs=1e-10)


def test_tukey_multivariate_by_hand(data):
    res = clinical.tukey_within(data, measures="ohd_25", group="HCM", method="tukey_multivariate")
    wide = wide_of(data, "ohd_25", "HCM")
    n = len(wide)
    for row in res.itertuples():
        d = (wide[row.month_b] - wide[row.month_a]).to_numpy()
        # reference: scipy.stats.ttest_rel for the paired t, then ptukey(sqrt(2)|t|, k, n−1)
        t = stats.ttest_rel(wide[row.month_b], wide[row.month_a]).statistic
        assert row.se == pytest.approx(d.std(ddof=1) / np.sqrt(n), rel=1e-10)
        assert row.statistic == pytest.approx(np.sqrt(2) * abs(t), rel=1e-10)
        assert row.p == pytest.approx(
            stats.studentized_range.sf(np.sqrt(2) * abs(t), 3, n - 1), abs=1e-8
        )
        assert row.dof == n - 1


def test_tukey_holm_matches_scipy(data):
    res = clinical.tukey_within(data, measures="l1_4_bmd", group="CM", method="holm")
    wide = wide_of(data, "l1_4_bmd", "CM")
    # reference: scipy.stats.ttest_rel, Holm step-down by hand
    raw = [stats.ttest_rel(wide[b], wide[a]) for a, b in [(0, 6), (0, 12), (6, 12)]]
    p = np.array([r.pvalue for r in raw])
    order = np.argsort(p)
    holm = np.empty(3)
    running = 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (3 - rank) * p[i]))
        holm[i] = running
    np.testing.assert_allclose(res.p, holm, atol=1e-10)
    np.testing.assert_allclose(res.statistic, [r.statistic for r in raw], atol=1e-10)


def mixed_anova_by_hand(y: np.ndarray, groups: np.ndarray):
    """Split-plot ANOVA sums of squares with numpy (balanced or unbalanced groups)."""
    n, k = y.shape
    grand = y.mean()
    ss_total = ((y - grand) ** 2).sum()
    subj = y.mean(axis=1)
    ss_subjects = k * ((subj - grand) ** 2).sum()
    ss_group = sum(
        k * (groups == g).sum() * (y[groups == g].mean() - grand) ** 2 for g in np.unique(groups)
    )
    ss_month = n * ((y.mean(axis=0) - grand) ** 2).sum()
    cells = sum(
        (groups == g).sum() * ((y[groups == g].mean(axis=0) - grand) ** 2).sum()
        for g in np.unique(groups)
    )
    ss_inter = cells - ss_group - ss_month
    ss_within_error = ss_total - ss_subjects - ss_month - ss_inter
    g = len(np.unique(groups))
    f_group = (ss_group / (g - 1)) / ((ss_subjects - ss_group) / (n - g))
    f_inter = (ss_inter / ((g - 1) * (k - 1))) / (ss_within_error / ((n - g) * (k - 1)))
    return f_group, f_inter


def test_mixed_anova_by_hand(data):
    res = clinical.mixed_anova(data, measures="l1_4_bmd")
    assert list(res.source) == ["group", "month", "group:month"]
    sub = data[data.measure == "l1_4_bmd"]
    wide = sub.pivot(index="participant", columns="month", values="value")
    groups = sub.drop_duplicates("participant").set_index("participant").group[wide.index]
    # reference: numpy split-plot decomposition
    f_group, f_inter = mixed_anova_by_hand(wide.to_numpy(), groups.to_numpy())
    assert res.f.iloc[0] == pytest.approx(f_group, rel=1e-8)
    assert res.f.iloc[2] == pytest.approx(f_inter, rel=1e-8)
    assert res.p.iloc[2] == pytest.approx(stats.f.sf(f_inter, 2, 76), rel=1e-8)
    assert (res.n.iloc[0], res.n_dropped.iloc[0]) == (40, 0)


def test_percent_change_paired_t_and_wilcoxon(data):
    res = clinical.percent_change(data, measures="ohd_25", from_month=0, to_month=6)
    assert list(res.group) == ["HCM", "CM"]
    wide = wide_of(data, "ohd_25", "HCM", (0, 6))
    # reference: numpy means; scipy.stats.ttest_rel / wilcoxon
    expected = (wide[6].mean() - wide[0].mean()) / wide[0].mean() * 100
    assert res.percent_change.iloc[0] == pytest.approx(expected, abs=1e-10)
    ref = stats.ttest_rel(wide[6], wide[0])
    assert res.statistic.iloc[0] == pytest.approx(ref.statistic, abs=1e-10)
    assert res.p.iloc[0] == pytest.approx(ref.pvalue, abs=1e-10)
    wil = clinical.percent_change(data, measures="ohd_25", to_month=12, test="wilcoxon")
    wide = wide_of(data, "ohd_25", "CM", (0, 12))
    ref = stats.wilcoxon(wide[12], wide[0])
    assert wil.statistic.iloc[1] == pytest.approx(ref.statistic, abs=1e-10)
    assert wil.p.iloc[1] == pytest.approx(ref.pvalue, abs=1e-10)


# ------------------------------------------------------------------ ANCOVA / mixed model


def test_ancova_by_hand_and_against_pingouin(data):
    import pingouin as pg

    res = clinical.ancova(data, measures="ohd_25", month=12)
    sub = data[data.measure == "ohd_25"]
    wide = sub.pivot(index="participant", columns="month", values="value")
    hcm = (
        sub.drop_duplicates("participant").set_index("participant").group[wide.index] == "HCM"
    ).astype(float)
    # reference: least squares by hand with numpy
    x = np.column_stack([np.ones(len(wide)), hcm.to_numpy(), wide[0].to_numpy()])
    y = wide[12].to_numpy()
    beta, *_ = np.linalg.lstsq(x, y, rcond=None)
    resid = y - x @ beta
    sigma2 = resid @ resid / (len(y) - 3)
    se = np.sqrt(sigma2 * np.linalg.inv(x.T @ x)[1, 1])
    t = beta[1] / se
    assert res.difference.iloc[0] == pytest.approx(beta[1], abs=1e-10)
    assert res.se.iloc[0] == pytest.approx(se, abs=1e-10)
    assert res.p.iloc[0] == pytest.approx(2 * stats.t.sf(abs(t), len(y) - 3), abs=1e-10)
    q = stats.t.ppf(0.975, len(y) - 3)
    assert res.ci_low.iloc[0] == pytest.approx(beta[1] - q * se, abs=1e-10)
    assert res.ci_high.iloc[0] == pytest.approx(beta[1] + q * se, abs=1e-10)
    # reference: pingouin.ancova (F of group = t²)
    frame = pd.DataFrame({"y": y, "group": np.where(hcm > 0, "HCM", "CM"), "base": wide[0]})
    ref = pg.ancova(frame, dv="y", covar="base", between="group")
    assert res.statistic.iloc[0] ** 2 == pytest.approx(ref.F.iloc[0], rel=1e-8)
    assert res.p.iloc[0] == pytest.approx(ref.p_unc.iloc[0], rel=1e-8)
    # reference: statsmodels OLS with a numeric design
    ols = sm.OLS(y, x).fit()
    assert res.se.iloc[0] == pytest.approx(ols.bse[1], rel=1e-10)


def test_mixed_model_balanced_matches_cell_means_and_mixed_anova(data):
    res = clinical.mixed_model(data, measures="l1_4_bmd")
    coef = res[res.kind == "coefficient"].set_index("term")
    sub = data[data.measure == "l1_4_bmd"]
    cell = sub.groupby(["group", "month"]).value.mean()
    # reference: with complete balanced data the REML fixed effects are cell-mean contrasts
    assert coef.loc["intercept", "estimate"] == pytest.approx(cell["CM", 0], abs=1e-6)
    assert coef.loc["group[HCM]", "estimate"] == pytest.approx(
        cell["HCM", 0] - cell["CM", 0], abs=1e-6
    )
    inter = (cell["HCM", 12] - cell["HCM", 0]) - (cell["CM", 12] - cell["CM", 0])
    assert coef.loc["group[HCM]:month[12]", "estimate"] == pytest.approx(inter, abs=1e-6)
    # reference: the Wald chi²/dof equals the split-plot interaction F (numpy by hand)
    wide = sub.pivot(index="participant", columns="month", values="value")
    groups = sub.drop_duplicates("participant").set_index("participant").group[wide.index]
    _, f_inter = mixed_anova_by_hand(wide.to_numpy(), groups.to_numpy())
    joint = res[res.kind == "joint_wald"].iloc[0]
    assert joint.statistic / joint.dof == pytest.approx(f_inter, rel=1e-4)
    assert joint.dof == 2
    assert bool(joint.converged)
    assert joint.warning == ""
    assert (joint.n, joint.n_observations) == (40, 120)


def test_mixed_model_is_deterministic_and_keeps_incomplete(data):
    data = data[~((data.participant == "cm03") & (data.month == 12))]
    first = clinical.mixed_model(data, measures="ohd_25")
    second = clinical.mixed_model(data, measures="ohd_25")
    pd.testing.assert_frame_equal(first, second)
    assert first.n.iloc[0] == 40
    assert first.n_observations.iloc[0] == 119
    # reference: CIs from the z estimate and se (normal quantile)
    row = first.iloc[1]
    assert row.ci_low == pytest.approx(row.estimate - stats.norm.ppf(0.975) * row.se, rel=1e-8)


# ------------------------------------------------------------------ ordinal 25(OH)D

TABLE4 = {
    6: ([0, 10, 41], [2, 27, 17]),
    12: ([1, 17, 33], [6, 24, 14]),
    0: ([17, 23, 11], [12, 25, 9]),
}


def test_ordinal_categories_boundaries():
    values = [11.99, 12.0, 19.99, 20.0, 30.0, 5.0, 12.0, 25.0]
    frame = pd.DataFrame(
        {
            "participant": list("abcdefgh"),
            "group": ["HCM"] * 5 + ["CM"] * 3,
            "month": 12,
            "measure": "ohd_25",
            "value": values,
        }
    )
    res = clinical.ordinal_categories(frame, month=12)
    # reference: counted by hand with the documented convention [12, 20)
    assert list(res["count"]) == [1, 2, 2, 1, 1, 1]
    assert list(res.n) == [5, 5, 5, 3, 3, 3]
    assert list(res.category[:3]) == ["deficient", "insufficient", "normal"]


@pytest.mark.parametrize("month", [0, 6, 12])
def test_ordinal_test_matches_scipy_and_paper(month):
    hcm, cm = TABLE4[month]
    counts = pd.DataFrame(
        {
            "month": month,
            "group": ["HCM"] * 3 + ["CM"] * 3,
            "category": ["deficient", "insufficient", "normal"] * 2,
            "count": hcm + cm,
        }
    )
    res = clinical.ordinal_test(counts, evidence="recomputed").set_index("test")
    x, y = np.repeat([1, 2, 3], hcm), np.repeat([1, 2, 3], cm)
    # reference: scipy.stats.mannwhitneyu on the expanded data, tie-corrected, no continuity
    ref = stats.mannwhitneyu(x, y, method="asymptotic", use_continuity=False)
    assert res.loc["mann_whitney", "statistic"] == pytest.approx(ref.statistic, abs=1e-10)
    assert res.loc["mann_whitney", "p"] == pytest.approx(ref.pvalue, rel=1e-8)
    # reference: numpy Pearson correlation on the expanded data for M² = (N − 1) r²
    r = np.corrcoef(np.r_[np.ones(len(x)), np.zeros(len(y))], np.r_[x, y])[0, 1]
    assert res.loc["linear_by_linear", "statistic"] == pytest.approx(
        (len(x) + len(y) - 1) * r**2, rel=1e-10
    )
    assert res.loc["linear_by_linear", "p"] == pytest.approx(
        stats.chi2.sf((len(x) + len(y) - 1) * r**2, 1), rel=1e-8
    )
    # reference: the paper's Table 4 |z| (printed with the opposite category order)
    printed = {0: 0.401, 6: 4.390, 12: 3.408}[month]
    assert abs(res.loc["mann_whitney", "z"]) == pytest.approx(printed, abs=0.0015)


def test_ordinal_pipeline(data):
    counts = clinical.ordinal_categories(data, month=6)
    res = clinical.ordinal_test(counts)
    assert list(res.test) == ["mann_whitney", "linear_by_linear"]
    assert res.n.iloc[0] == 40
    # reference: scipy.stats.mannwhitneyu on the categorised raw values
    at = data[(data.measure == "ohd_25") & (data.month == 6)]
    cat = np.digitize(at.value, [12, 20])
    ref = stats.mannwhitneyu(
        cat[at.group == "HCM"], cat[at.group == "CM"], method="asymptotic", use_continuity=False
    )
    assert res.p.iloc[0] == pytest.approx(ref.pvalue, rel=1e-8)


# ------------------------------------------------------------------ errors


def test_missing_column_raises_key_error(data):
    with pytest.raises(KeyError, match="data is missing column"):
        clinical.describe(data.drop(columns="month"))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: d.assign(group=d.group.where(d.index > 0, "XX")),
            r"column 'group' has unknown value\(s\) 'XX'; allowed: 'HCM', 'CM'",
        ),
        (
            lambda d: d.assign(month=d.month.where(d.index > 0, 3)),
            r"column 'month' has unknown value\(s\) 3; allowed: 0, 6, 12",
        ),
        (
            lambda d: d.assign(value=d.value.astype(object).where(d.index > 0, "n/a")),
            r"non-numeric value\(s\) 'n/a'; allowed: numbers",
        ),
        (
            lambda d: pd.concat([d, d.iloc[[0]]], ignore_index=True),
            r"more than one row per participant, month and measure: \('hcm00', 0, 'l1_4_bmd'\)",
        ),
        (
            lambda d: d.assign(group=d.group.where(d.index != 1, "CM")),
            r"puts participant\(s\) 'hcm00' in both groups",
        ),
    ],
)
def test_invalid_frames_raise(data, change, message):
    with pytest.raises(ValueError, match=message):
        clinical.describe(change(data))


def test_option_errors(data):
    with pytest.raises(ValueError, match="evidence must be one of 'published'"):
        clinical.describe(data, evidence="real")
    with pytest.raises(ValueError, match=r"measures has value\(s\) not in data: 'bmi'"):
        clinical.describe(data, measures=["bmi"])
    with pytest.raises(ValueError, match="method must be one of 'shapiro', 'normaltest'"):
        clinical.normality(data, method="chi2")
    with pytest.raises(ValueError, match=r"alpha must lie in \(0, 1\)"):
        clinical.normality(data, alpha=1.5)
    with pytest.raises(ValueError, match=r"alpha must lie in \(0, 1\)"):
        clinical.compare_groups(data, month=0, alpha=0)
    with pytest.raises(ValueError, match=r"alpha must lie in \(0, 1\)"):
        clinical.ancova(data, measures="ohd_25", month=6, alpha=2)
    with pytest.raises(ValueError, match=r"alpha must lie in \(0, 1\)"):
        clinical.mixed_model(data, measures="ohd_25", alpha=-1)
    with pytest.raises(ValueError, match="month must be one of 0, 6, 12, got 3"):
        clinical.compare_groups(data, month=3)
    with pytest.raises(ValueError, match="month=12 has no observations in data"):
        clinical.compare_groups(data[data.month < 12], month=12)
    with pytest.raises(ValueError, match="test must be one of 'auto', 't', 'mann_whitney'"):
        clinical.compare_groups(data, month=0, test="welch")
    with pytest.raises(ValueError, match="group must be one of 'HCM', 'CM', got 'hcm'"):
        clinical.repeated_measures(data, measures="ohd_25", group="hcm")
    with pytest.raises(ValueError, match="method must be one of 'tukey'"):
        clinical.tukey_within(data, measures="ohd_25", group="HCM", method="scheffe")
    with pytest.raises(ValueError, match="test must be one of 'paired_t', 'wilcoxon'"):
        clinical.percent_change(data, measures="ohd_25", test="sign")
    with pytest.raises(ValueError, match="to_month must differ from from_month"):
        clinical.percent_change(data, measures="ohd_25", from_month=6, to_month=6)
    with pytest.raises(ValueError, match="month must differ from baseline_month"):
        clinical.ancova(data, measures="ohd_25", month=0)


def test_month_selection_errors(data):
    with pytest.raises(ValueError, match=r"months has value\(s\) without data for ohd_25 in HCM"):
        clinical.repeated_measures(
            data[data.month < 12], measures="ohd_25", group="HCM", months=[0, 12]
        )
    with pytest.raises(ValueError, match="months must name at least two visits"):
        clinical.repeated_measures(data, measures="ohd_25", group="HCM", months=[0])
    with pytest.raises(ValueError, match="months must be one of 0, 6, 12, got 9"):
        clinical.mixed_anova(data, measures="ohd_25", months=[0, 9])
    with pytest.raises(ValueError, match=r"months has value\(s\) without data for ohd_25: 12"):
        clinical.mixed_anova(data[data.month < 12], measures="ohd_25", months=[0, 12])
    with pytest.raises(ValueError, match="months must name at least two visits"):
        clinical.mixed_anova(data, measures="ohd_25", months=[6])
    with pytest.raises(ValueError, match="measure 'ohd_25' has one visit only"):
        clinical.mixed_model(data[data.month == 0], measures="ohd_25")


def test_too_few_observations(data):
    few = data[data.participant.isin(["hcm00", "hcm01", "cm00", "cm01", "cm02"])]
    with pytest.raises(
        ValueError, match=r"too few observations for shapiro .* n = 2; allowed: at least 3"
    ):
        clinical.normality(few)
    with pytest.raises(ValueError, match=r"too few observations for normaltest .* at least 8"):
        clinical.normality(few.assign(group="CM"), method="normaltest")
    with pytest.raises(ValueError, match=r"too few observations for l1_4_bmd in HCM at month 0"):
        clinical.compare_groups(few, month=0, test="t")
    three = data[data.participant.isin(["hcm00", "hcm01", "hcm02", "cm00", "cm01", "cm02"])]
    with pytest.raises(  # three per arm: a sentence, not pingouin's assertion (issue 15)
        ValueError, match=r"ohd_25 in HCM at month 0 \(the normality screen of test='auto'\)"
    ):
        clinical.compare_groups(three, month=0, measures="ohd_25")
    assert clinical.compare_groups(three, month=0, measures="ohd_25", test="t")["n"].iloc[0] == 6
    with pytest.raises(ValueError, match=r"too few observations for ohd_25 in HCM with all"):
        clinical.repeated_measures(few, measures="ohd_25", group="HCM")
    with pytest.raises(ValueError, match=r"too few observations for ohd_25 in HCM with all"):
        clinical.mixed_anova(few, measures="ohd_25")
    with pytest.raises(ValueError, match=r"too few observations for ohd_25 in HCM at months 0"):
        clinical.percent_change(few, measures="ohd_25")
    with pytest.raises(ValueError, match=r"too few observations for ohd_25 in HCM at months 0"):
        clinical.ancova(few, measures="ohd_25", month=6)
    with pytest.raises(ValueError, match=r"too few observations for ohd_25 in HCM: n = 2"):
        clinical.mixed_model(few, measures="ohd_25")
    with pytest.raises(ValueError, match=r"too few observations for ohd_25 in HCM: n = 0"):
        clinical.repeated_measures(few[few.group == "CM"], measures="ohd_25", group="HCM")
    with pytest.raises(ValueError, match=r"too few observations for ohd_25 in CM at month 6"):
        clinical.ordinal_categories(data[data.group == "HCM"], month=6)


def test_ordinal_errors(data):
    with pytest.raises(ValueError, match="cutpoints must be strictly increasing"):
        clinical.ordinal_categories(data, month=6, cutpoints=(20, 12))
    with pytest.raises(ValueError, match="labels must be 3 distinct names"):
        clinical.ordinal_categories(data, month=6, labels=("low", "high"))
    counts = pd.DataFrame(
        {"group": ["HCM", "HCM", "CM", "CM"], "category": ["a", "b"] * 2, "count": [1, 2, 3, 4]}
    )
    with pytest.raises(KeyError, match="counts is missing column"):
        clinical.ordinal_test(counts.drop(columns="count"))
    with pytest.raises(ValueError, match=r"column 'count' has invalid value\(s\) -1"):
        clinical.ordinal_test(counts.assign(count=[1, -1, 3, 4]))
    with pytest.raises(ValueError, match=r"lists category 'a' more than once"):
        clinical.ordinal_test(pd.concat([counts, counts.iloc[[0]]]))
    with pytest.raises(ValueError, match="counts has no one in group 'CM'"):
        clinical.ordinal_test(counts.assign(count=[1, 2, 0, 0]))
    with pytest.raises(ValueError, match=r"scores must have one value per category \(2\)"):
        clinical.ordinal_test(counts, scores=[1, 2, 3])
    with pytest.raises(ValueError, match=r"unknown value\(s\) 'X'"):
        clinical.ordinal_test(counts.assign(group=["HCM", "HCM", "X", "X"]))


def test_same_seed_same_frames():
    for function in (
        lambda d: clinical.describe(d),
        lambda d: clinical.tukey_within(d, measures="ohd_25", group="HCM"),
        lambda d: clinical.ancova(d, measures="l1_4_bmd", month=6),
    ):
        pd.testing.assert_frame_equal(function(make_long(7)), function(make_long(7)))


def test_mixed_model_scaling_matches_direct_statsmodels_fit(data):
    import statsmodels.formula.api as smf

    res = clinical.mixed_model(data, measures="ohd_25").set_index("term")
    sub = data[data.measure == "ohd_25"].reset_index(drop=True)
    # reference: statsmodels MixedLM on the original scale (no boundary issue for 25(OH)D)
    direct = smf.mixedlm(
        'value ~ C(group, Treatment("CM")) * C(month, Treatment(0))',
        sub,
        groups=sub["participant"],
    ).fit(reml=True, method=["lbfgs"])
    np.testing.assert_allclose(res.estimate.iloc[:-1], direct.fe_params, rtol=1e-4)
    np.testing.assert_allclose(res.se.iloc[:-1], direct.bse_fe, rtol=1e-3)
    row = res.loc["intercept"]
    assert row.statistic == pytest.approx(row.estimate / row.se, rel=1e-12)
    with pytest.raises(ValueError, match="has no variation"):
        clinical.mixed_model(data.assign(value=1.0), measures="ohd_25")


# ------------------------------------------------------------------ many measures, arms, visits


def test_one_call_covers_measures_arms_and_visits(data):
    """Each function, called once for everything, equals its one-by-one calls stacked."""
    # reference: the single calls, concatenated in the documented order
    pairs = [(m, g) for m in ("l1_4_bmd", "ohd_25") for g in vocabulary.GROUPS]
    cases = [
        (
            clinical.repeated_measures(data),
            [clinical.repeated_measures(data, measures=m, group=g) for m, g in pairs],
        ),
        (
            clinical.tukey_within(data, method=["tukey", "holm"]),
            [
                clinical.tukey_within(data, measures=m, group=g, method=method)
                for m, g in pairs
                for method in ("tukey", "holm")
            ],
        ),
        (
            clinical.mixed_anova(data),
            [clinical.mixed_anova(data, measures=m) for m in ("l1_4_bmd", "ohd_25")],
        ),
        (
            clinical.percent_change(data, to_month=12),
            [
                clinical.percent_change(data, measures=m, to_month=12)
                for m in ("l1_4_bmd", "ohd_25")
            ],
        ),
        (
            clinical.compare_groups(data),
            [clinical.compare_groups(data, month=m) for m in vocabulary.MONTHS],
        ),
        (
            clinical.ancova(data, month=[6, 12]),
            [
                clinical.ancova(data, measures=m, month=v)
                for v in (6, 12)
                for m in ("l1_4_bmd", "ohd_25")
            ],
        ),
        (
            clinical.mixed_model(data, measures=["ohd_25", "l1_4_bmd"]),
            [clinical.mixed_model(data, measures=m) for m in ("ohd_25", "l1_4_bmd")],
        ),
        (
            clinical.ordinal_categories(data, month=[12, 6]),
            [clinical.ordinal_categories(data, month=m) for m in (12, 6)],
        ),
    ]
    for together, one_by_one in cases:
        pd.testing.assert_frame_equal(together, pd.concat(one_by_one, ignore_index=True))
    assert len(cases[0][0]) == 4
    assert list(cases[0][0].group) == ["HCM", "CM", "HCM", "CM"]
    assert len(cases[1][0]) == 2 * 2 * 2 * 3
    assert list(cases[4][0].month) == [0, 0, 6, 6, 12, 12]


def test_tukey_within_names_each_method(data):
    res = clinical.tukey_within(
        data, measures="ohd_25", group="CM", method=["tukey", "tukey_multivariate"]
    )
    assert list(res.test) == ["tukey"] * 3 + ["tukey_multivariate"] * 3
    assert list(res.columns[7:10]) == ["difference", "test", "se"]
    # reference: the pooled-error q of the first pair, by hand with numpy
    y = wide_of(data, "ohd_25", "CM").to_numpy()
    _, ss_error, df_error = sums_of_squares(y)
    q = abs(y[:, 1].mean() - y[:, 0].mean()) / np.sqrt(ss_error / df_error / len(y))
    assert res.statistic.iloc[0] == pytest.approx(q, rel=1e-10)
    # the two methods share the means and differ in the error
    assert res.difference.iloc[3] == pytest.approx(res.difference.iloc[0], abs=1e-15)
    assert res.dof.iloc[3] == len(y) - 1


def test_compare_groups_every_visit_by_default(data):
    res = clinical.compare_groups(data, measures="ohd_25", test="t")
    assert list(res.month) == [0, 6, 12]
    # reference: scipy.stats.ttest_ind at twelve months
    x = data[(data.measure == "ohd_25") & (data.group == "HCM") & (data.month == 12)].value
    y = data[(data.measure == "ohd_25") & (data.group == "CM") & (data.month == 12)].value
    assert res.p.iloc[2] == pytest.approx(stats.ttest_ind(x, y).pvalue, abs=1e-12)


def test_ordinal_categories_every_visit_by_default(data):
    res = clinical.ordinal_categories(data)
    assert sorted(set(res.month)) == [0, 6, 12]
    assert len(res) == 3 * 2 * 3
    # reference: counted with numpy at baseline, HCM below 12
    at = data[(data.measure == "ohd_25") & (data.group == "HCM") & (data.month == 0)].value
    row = res[(res.month == 0) & (res.group == "HCM") & (res.category == "deficient")]
    assert row["count"].iloc[0] == int((at.to_numpy() < 12).sum())


def test_selection_errors_for_many(data):
    with pytest.raises(ValueError, match="month must be one of 0, 6, 12, got 9"):
        clinical.compare_groups(data, month=[0, 9])
    with pytest.raises(ValueError, match="month must be one of 0, 6, 12, got 3"):
        clinical.ordinal_categories(data, month=(6, 3))
    with pytest.raises(ValueError, match="month must differ from baseline_month, got 0 twice"):
        clinical.ancova(data, month=[6, 0])
    with pytest.raises(ValueError, match=r"method must be one of 'tukey', .* got 'scheffe'"):
        clinical.tukey_within(data, method=["tukey", "scheffe"])
    with pytest.raises(ValueError, match="group must be one of 'HCM', 'CM', got 'XX'"):
        clinical.tukey_within(data, group=["HCM", "XX"])
    with pytest.raises(ValueError, match=r"measures has value\(s\) not in data: 'bmi'"):
        clinical.mixed_anova(data, measures=["ohd_25", "bmi"])
