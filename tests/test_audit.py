"""Tests for milkbone.audit, the check library computed from printed numbers.

Independent references, named in each test: scipy.stats (ttest_ind_from_stats,
mannwhitneyu, chi2_contingency, t, norm), statsmodels' linear-by-linear test,
brute-force enumeration, hand-worked arithmetic (in comments), the published GRIM and
GRIMMER worked cases, and the paper's own printed values (Zhao et al. 2025, Tables 2,
3, 4 and 5, §3.1, §3.3, §3.5).
"""

import itertools
import math

import numpy as np
import pandas as pd
import pytest
from scipy import stats
from statsmodels.stats.contingency_tables import Table

from milkbone import audit
from milkbone.audit.checks import _welch_dof
from milkbone.published.parse import decimals, parse_number

N_HCM, N_CM = 51, 46

# Table 2 (paper §3.1): characteristic -> HCM mean, SD, CM mean, SD, printed t, printed p
TABLE2_T = {
    "age": ("61.2", "5.00", "61.3", "4.83", "0.03", "0.974"),
    "height": ("159.4", "4.79", "159.5", "5.00", "0.08", "0.941"),
    "weight": ("62.8", "8.18", "63.7", "10.09", "0.45", "0.657"),
    "bmi": ("24.7", "2.77", "25.0", "3.39", "0.45", "0.655"),
    "menopause_duration": ("11.0", "5.77", "11.5", "6.18", "0.47", "0.639"),
    "l1_4_bmd": ("0.981", "0.123", "0.935", "0.107", "−1.93", "0.057"),
    "right_femoral_neck_bmd": ("0.777", "0.080", "0.777", "0.085", "−0.01", "0.992"),
    "right_hip_bmd": ("0.861", "0.080", "0.849", "0.101", "−0.76", "0.450"),
}
# Table 2 rows tested by Mann–Whitney: printed U and p
TABLE2_U = {
    "left_femoral_neck_bmd": ("1,063", "0.429"),
    "left_hip_bmd": ("1,042", "0.344"),
    "ast": ("1,050", "0.357"),
    "calcium": ("1,125", "0.731"),
    "ohd_25": ("1,173", "1.000"),
    "tracp_5b": ("1,082", "0.513"),
    "alp": ("1,061", "0.481"),
    "phosphorus": ("1,125", "0.729"),
    "ctx": ("1,165", "0.954"),
    "pinp": ("960", "0.125"),
    "oc": ("1,118", "0.691"),
    "igf_1": ("1,158", "0.914"),
}
# Table 4: 25(OH)D Normal / Insufficient / Deficient counts, printed Z and p
TABLE4 = {
    0: ([11, 23, 17], [9, 25, 12], "−0.401", "0.688"),
    6: ([41, 10, 0], [17, 27, 2], "−4.390", "0.0001"),
    12: ([33, 17, 1], [14, 24, 6], "−3.408", "0.001"),
}


def verdicts(result: pd.DataFrame) -> list[str]:
    return result["verdict"].tolist()


# --------------------------------------------------------------------------------------
# Printed intervals
# --------------------------------------------------------------------------------------


class TestPrintedInterval:
    @pytest.mark.parametrize(
        ("text", "low", "high"),
        [
            ("0.974", 0.9735, 0.9745),
            ("−1.93", -1.935, -1.925),  # U+2212 minus
            ("-1.93", -1.935, -1.925),
            ("1,063", 1062.5, 1063.5),  # thousand separator, integer: ± 0.5
            ("5.640", 5.6395, 5.6405),  # trailing zero counts
            ("5.64", 5.635, 5.645),
            ("p = 0.024", 0.0235, 0.0245),
            ("1.6E-05", 1.55e-05, 1.65e-05),  # half a unit of the 5th decimal
            ("0.0000", -0.00005, 0.00005),
        ],
    )
    def test_rounding_interval(self, text, low, high):
        iv = audit.printed_interval(text)
        assert iv.low == pytest.approx(low, abs=1e-12)
        assert iv.high == pytest.approx(high, abs=1e-12)
        assert iv.closed_low and iv.closed_high

    def test_upper_bound(self):
        iv = audit.printed_interval("<0.001")
        assert (iv.low, iv.high) == (0.0, pytest.approx(0.001, abs=1e-15))
        assert iv.closed_low and not iv.closed_high
        assert not iv.contains(0.001)
        assert iv.contains(0.0009999)

    def test_bounds_with_p_prefix_and_other_comparators(self):
        iv = audit.printed_interval("p < 0.0001")
        assert iv.high == pytest.approx(1e-4, abs=1e-15) and not iv.closed_high
        iv = audit.printed_interval(">0.05", probability=True)
        assert (iv.low, iv.high, iv.closed_low, iv.closed_high) == (0.05, 1.0, False, True)
        iv = audit.printed_interval("≥ 2")
        assert (iv.low, iv.high, iv.closed_low) == (2.0, math.inf, True)
        iv = audit.printed_interval("<= 0.5")
        assert (iv.low, iv.high, iv.closed_high) == (0.0, 0.5, True)
        iv = audit.printed_interval("<2", floor=-math.inf)
        assert iv.low == -math.inf

    def test_probability_clips_to_unit_interval(self):
        iv = audit.printed_interval("0.0000", probability=True)
        assert (iv.low, iv.high) == (0.0, pytest.approx(5e-5, abs=1e-15))
        iv = audit.printed_interval("1.000", probability=True)
        assert (iv.low, iv.high) == (pytest.approx(0.9995, abs=1e-12), 1.0)

    def test_errors(self):
        with pytest.raises(ValueError, match=r"text is not a printed number: 'n\.s\.'"):
            audit.printed_interval("n.s.")
        with pytest.raises(ValueError, match="text must be printed text such as"):
            audit.printed_interval(0.5)
        with pytest.raises(
            ValueError, match=r"text must be a probability in \[0, 1\], got '1.6471'"
        ):
            audit.printed_interval("1.6471", probability=True)

    def test_readers_from_parse(self):
        # The checks read printed numbers through milkbone._parse.
        assert decimals("0.974") == 3
        assert decimals("1,063") == 0
        assert decimals("1.5E-05") == 6  # 1.5e-05 = 0.000015
        assert parse_number("−1.93") == pytest.approx(-1.93, abs=1e-15)
        assert parse_number("1,042") == pytest.approx(1042.0, abs=0)


class TestInterval:
    def test_intersection_respects_open_ends(self):
        below = audit.printed_interval("<0.001")  # [0, 0.001)
        assert not below.intersects(audit.Interval(0.001, 0.002))
        assert below.intersects(audit.Interval(0.0009, 0.002))
        assert audit.Interval(0, 1).intersects(audit.Interval(1, 2))

    def test_absolute_value(self):
        iv = abs(audit.Interval(-0.2, 0.1))
        assert (iv.low, iv.high) == (0.0, 0.2)
        iv = abs(audit.Interval(-0.2, 0.0))
        assert (iv.low, iv.high) == (0.0, 0.2)
        assert math.copysign(1.0, iv.low) == 1.0  # no negative zero

    def test_invalid(self):
        with pytest.raises(ValueError, match="Interval needs low <= high, got low=2, high=1"):
            audit.Interval(2, 1)


class TestCornerRange:
    def test_matches_dense_grid_for_t(self):
        # Reference: brute force over an 11^4 grid of the L1–4 rounding box.
        boxes = [audit.printed_interval(x) for x in ("0.981", "0.123", "0.935", "0.107")]

        def t(m1, s1, m2, s2):
            return (m1 - m2) / math.sqrt(s1**2 / 51 + s2**2 / 46)

        rng = audit.corner_range(t, boxes)
        grids = [np.linspace(b.low, b.high, 11) for b in boxes]
        values = [t(*point) for point in itertools.product(*grids)]
        assert rng.low == pytest.approx(min(values), abs=1e-12)
        assert rng.high == pytest.approx(max(values), abs=1e-12)

    def test_all_nan(self):
        with pytest.raises(ValueError, match=r"func is undefined \(NaN\) at every corner"):
            audit.corner_range(lambda a: math.nan, [audit.Interval(0, 1)])


# --------------------------------------------------------------------------------------
# p-values from statistics
# --------------------------------------------------------------------------------------


class TestPValues:
    def test_p_value_t_against_scipy_t(self):
        # Reference: 2 * scipy.stats.t.sf computed here.
        assert audit.p_value_t(-1.93, dof=95) == pytest.approx(2 * stats.t.sf(1.93, 95), abs=1e-14)
        assert audit.p_value_t(-1.93, dof=95) == pytest.approx(0.05659, abs=1e-5)

    def test_p_value_z_by_hand(self):
        # 2 * (1 - Phi(1.959964)) = 0.05
        assert audit.p_value_z(1.959964) == pytest.approx(0.05, abs=1e-6)
        assert audit.p_value_z(-4.390) == pytest.approx(2 * stats.norm.cdf(-4.390), rel=1e-12)

    def test_dof_error(self):
        with pytest.raises(ValueError, match="dof must be a positive number, got 0"):
            audit.p_value_t(1.0, dof=0)

    def test_t_p_decreasing_in_dof(self):
        # The Welch p range relies on P(|T_dof| > t) decreasing in dof for every t > 0.
        ts = np.linspace(0.01, 6, 60)
        dofs = np.linspace(1, 200, 200)
        p = 2 * stats.t.sf(ts[:, None], dofs[None, :])
        assert np.all(np.diff(p, axis=1) <= 1e-15)

    def test_check_p_from_t(self):
        # Table 2, L1–4: t −1.93 (dof 95) gives p in [2·sf(1.935), 2·sf(1.925)] ∋ 0.057
        res = audit.check_p_from_t("−1.93", dof=95, p="0.057")
        assert res.loc[0, "recomputed_low"] == pytest.approx(2 * stats.t.sf(1.935, 95), abs=1e-12)
        assert res.loc[0, "recomputed_high"] == pytest.approx(2 * stats.t.sf(1.925, 95), abs=1e-12)
        assert verdicts(res) == ["consistent"]
        # Table 2, height: t 0.08 needs p <= 2·sf(0.075, 95) = 0.9404, printed 0.941
        res = audit.check_p_from_t("0.08", dof=95, p="0.941")
        assert res.loc[0, "recomputed_high"] == pytest.approx(0.94037, abs=1e-5)
        assert verdicts(res) == ["discrepancy"]
        # corrected: p 0.936 (= 2·sf(0.08, 95)) passes
        assert verdicts(audit.check_p_from_t("0.08", dof=95, p="0.936")) == ["consistent"]

    def test_check_p_from_z(self):
        # Table 4, 6 m: |z| 4.390 gives p = 1.13e-05, printed 0.0001 means [5e-5, 1.5e-4]
        res = audit.check_p_from_z("−4.390", p="0.0001")
        assert res.loc[0, "recomputed"] == pytest.approx(1.1335e-05, rel=1e-3)
        assert verdicts(res) == ["discrepancy"]
        assert verdicts(audit.check_p_from_z("−4.390", p="<0.0001")) == ["consistent"]
        assert verdicts(audit.check_p_from_z("−0.401", p="0.688")) == ["consistent"]


# --------------------------------------------------------------------------------------
# Two-sample t tests
# --------------------------------------------------------------------------------------


class TestTTestsFromStats:
    def test_against_scipy(self):
        args = dict(mean1=0.981, sd1=0.123, n1=51, mean2=0.935, sd2=0.107, n2=46)
        res = audit.t_tests_from_stats(**args).set_index("variant")
        for variant, equal in (("student", True), ("welch", False)):
            ref = stats.ttest_ind_from_stats(0.981, 0.123, 51, 0.935, 0.107, 46, equal_var=equal)
            assert res.loc[variant, "statistic"] == pytest.approx(ref.statistic, abs=1e-12)
            assert res.loc[variant, "p"] == pytest.approx(ref.pvalue, abs=1e-12)
        assert list(res.reset_index().columns) == [
            "variant", "statistic", "dof", "p", "n1", "n2", "note", "method", "evidence",
        ]  # fmt: skip

    def test_by_hand(self):
        # Student: sp² = (50·0.123² + 45·0.107²)/95 = 0.0133876;
        # se = √(0.0133876·(1/51 + 1/46)) = 0.023527; t = 0.046/0.023527 = 1.9553
        # Welch dof: a = 0.123²/51, b = 0.107²/46, (a+b)²/(a²/50 + b²/45) = 94.88
        res = audit.t_tests_from_stats(
            mean1=0.981, sd1=0.123, n1=51, mean2=0.935, sd2=0.107, n2=46
        ).set_index("variant")
        assert res.loc["student", "statistic"] == pytest.approx(1.9553, abs=1e-4)
        assert res.loc["student", "dof"] == pytest.approx(95, abs=0)
        assert res.loc["welch", "dof"] == pytest.approx(94.88, abs=0.01)

    def test_zero_sds(self):
        res = audit.t_tests_from_stats(mean1=1.0, sd1=0.0, n1=5, mean2=1.0, sd2=0.0, n2=5)
        assert res["statistic"].isna().all() and res["p"].isna().all()
        assert res.loc[0, "note"] == "t undefined: both SDs are zero and the means are equal"
        res = audit.t_tests_from_stats(mean1=2.0, sd1=0.0, n1=5, mean2=1.0, sd2=0.0, n2=5)
        assert res["statistic"].tolist() == [math.inf, math.inf]
        assert res["p"].tolist() == [0.0, 0.0]
        # one SD zero is fine: Student by hand, sp² = 4·1/8 = 0.5, se = √(0.5·0.4) = 0.4472
        res = audit.t_tests_from_stats(mean1=2.0, sd1=1.0, n1=5, mean2=1.0, sd2=0.0, n2=5)
        assert res.loc[0, "statistic"] == pytest.approx(1 / math.sqrt(0.2), abs=1e-12)

    def test_errors(self):
        ok = dict(mean1=1.0, sd1=1.0, n1=5, mean2=1.0, sd2=1.0, n2=5)
        with pytest.raises(ValueError, match="n1 must be an integer >= 2, got 1"):
            audit.t_tests_from_stats(**{**ok, "n1": 1})
        with pytest.raises(ValueError, match=r"n2 must be an integer >= 2, got 5\.0"):
            audit.t_tests_from_stats(**{**ok, "n2": 5.0})
        with pytest.raises(ValueError, match="sd1 must be a non-negative standard deviation"):
            audit.t_tests_from_stats(**{**ok, "sd1": -0.1})


class TestCheckTTest:
    @pytest.mark.parametrize("row", list(TABLE2_T))
    def test_table2_rows(self, row):
        # Reference: the paper's printed t and p (Table 2), rounding-aware.
        m1, s1, m2, s2, t, p = TABLE2_T[row]
        res = audit.check_t_test(mean1=m1, sd1=s1, n1=N_HCM, mean2=m2, sd2=s2, n2=N_CM, t=t, p=p)
        expected = [] if row == "right_hip_bmd" else ["student", "welch"]
        assert audit.matching_variants(res) == expected
        assert list(res.columns) == list(audit.CHECK_COLUMNS)
        assert (res["evidence"] == "recomputed").all()

    def test_l1_4_bmd_values(self):
        # Student t at the printed values 1.9553 (vs printed −1.93); range over the
        # rounding box [1.9046, 2.0065] contains 1.93. Sign: printed negative (CM − HCM?).
        res = audit.check_t_test(
            mean1="0.981",
            sd1="0.123",
            n1=51,
            mean2="0.935",
            sd2="0.107",
            n2=46,
            t="−1.93",
            p="0.057",
        ).set_index(["variant", "quantity"])
        assert res.loc[("student", "|t|"), "recomputed"] == pytest.approx(1.9553, abs=1e-4)
        assert res.loc[("student", "|t|"), "recomputed_low"] == pytest.approx(1.9046, abs=1e-4)
        assert res.loc[("student", "|t|"), "recomputed_high"] == pytest.approx(2.0065, abs=1e-4)
        assert res.loc[("welch", "|t|"), "recomputed"] == pytest.approx(1.9695, abs=1e-4)
        assert (
            "signs differ: printed negative, recomputed positive"
            in res.loc[("student", "|t|"), "note"]
        )

    def test_age_only_consistent_through_rounding(self):
        # At the printed means t = −0.100, p = 0.921, far from the printed 0.03 and 0.974,
        # but 61.2 and 61.3 may be 61.24 and 61.26: |t| ranges over [0, 0.200].
        res = audit.check_t_test(
            mean1="61.2", sd1="5.00", n1=51, mean2="61.3", sd2="4.83", n2=46, t="0.03", p="0.974"
        ).set_index(["variant", "quantity"])
        assert res.loc[("student", "|t|"), "recomputed"] == pytest.approx(0.0999, abs=1e-4)
        assert res.loc[("student", "|t|"), "recomputed_low"] == pytest.approx(0.0, abs=1e-12)
        assert res.loc[("student", "|t|"), "recomputed_high"] == pytest.approx(0.2001, abs=1e-4)
        assert res.loc[("student", "p"), "recomputed"] == pytest.approx(0.9206, abs=1e-4)
        # the same numbers given as exact values (no rounding) are a discrepancy
        exact = audit.check_t_test(
            mean1=61.2, sd1=5.00, n1=51, mean2=61.3, sd2=4.83, n2=46, t="0.03", p="0.974"
        )
        assert set(verdicts(exact)) == {"discrepancy"}

    def test_right_hip_flags_and_corrected_passes(self):
        # Printed t −0.76, p 0.450; recomputed |t| in [0.594, 0.710] (Student).
        kw = dict(mean1="0.861", sd1="0.080", n1=51, mean2="0.849", sd2="0.101", n2=46)
        res = audit.check_t_test(**kw, t="−0.76", p="0.450")
        assert set(verdicts(res)) == {"discrepancy"}
        # corrected: the values the printed means and SDs give (t 0.65, p 0.516)
        fixed = audit.check_t_test(**kw, t="0.65", p="0.516")
        assert audit.matching_variants(fixed) == ["student", "welch"]

    def test_p_range_matches_brute_force(self):
        # Reference: Welch p on an 11^4 grid of the BMI rounding box (scipy).
        boxes = [audit.printed_interval(x) for x in ("24.7", "2.77", "25.0", "3.39")]
        grids = [np.linspace(b.low, b.high, 11) for b in boxes]
        ps = [
            stats.ttest_ind_from_stats(m1, s1, 51, m2, s2, 46, equal_var=False).pvalue
            for m1, s1, m2, s2 in itertools.product(*grids)
        ]
        res = audit.check_t_test(
            mean1="24.7", sd1="2.77", n1=51, mean2="25.0", sd2="3.39", n2=46, p="0.655"
        ).set_index("variant")
        assert res.loc["welch", "recomputed_low"] <= min(ps) + 1e-12
        assert res.loc["welch", "recomputed_high"] >= max(ps) - 1e-12
        # the outer bound is tight to 1e-3 here
        assert res.loc["welch", "recomputed_low"] == pytest.approx(min(ps), abs=1e-3)
        assert res.loc["welch", "recomputed_high"] == pytest.approx(max(ps), abs=1e-3)

    def test_welch_dof_range_against_grid(self):
        from milkbone.audit.checks import _welch_dof_range

        # Reference: a 201² grid. With n1 = n2 = 15 the maximum 28 = n1 + n2 − 2 sits
        # inside the box (equal variances); with n 20/10 it does not, so it is a corner.
        box = np.linspace(0.9, 1.3, 201)
        s = audit.Interval(0.9, 1.3)
        for n1, n2 in ((15, 15), (20, 10)):
            rng = _welch_dof_range(s, s, n1, n2)
            grid = [_welch_dof(a**2, b**2, n1, n2) for a in box for b in box]
            assert rng.low == pytest.approx(min(grid), abs=1e-9)
            assert rng.high == pytest.approx(max(grid), abs=1e-3)
            assert rng.high >= max(grid) - 1e-12
        assert _welch_dof_range(s, s, 15, 15).high == pytest.approx(28.0, abs=1e-12)

    def test_zero_sd_edge(self):
        res = audit.check_t_test(mean1=1.0, sd1=0.0, n1=5, mean2=1.0, sd2=0.0, n2=5, t="0.5")
        assert verdicts(res) == ["not-verifiable", "not-verifiable"]
        assert res.loc[0, "note"] == "t undefined: both SDs are zero and the means are equal"
        # printed SDs "0.00" may be slightly positive: |t| can be anything from 0 to ∞
        res = audit.check_t_test(
            mean1="1.0", sd1="0.00", n1=5, mean2="1.1", sd2="0.00", n2=5, t="3.1"
        )
        assert res.loc[0, "recomputed_high"] == math.inf
        assert verdicts(res) == ["consistent", "consistent"]

    def test_errors(self):
        kw = dict(mean1="1.0", sd1="1.0", n1=5, mean2="1.0", sd2="1.0", n2=5)
        with pytest.raises(ValueError, match="needs the printed t, the printed p, or both"):
            audit.check_t_test(**kw)
        with pytest.raises(ValueError, match="sd2 must be a non-negative standard deviation"):
            audit.check_t_test(**{**kw, "sd2": "−1.0"}, t="1")
        with pytest.raises(ValueError, match="mean1 is not a printed number: 'abc'"):
            audit.check_t_test(**{**kw, "mean1": "abc"}, t="1")
        with pytest.raises(ValueError, match="text must be a probability"):
            audit.check_t_test(**kw, p="1.5")
        with pytest.raises(ValueError, match="n1 must be an integer >= 2, got 1"):
            audit.check_t_test(**{**kw, "n1": 1}, t="1")


class TestMatchingVariants:
    def test_missing_column(self):
        with pytest.raises(KeyError, match="result lacks column"):
            audit.matching_variants(pd.DataFrame({"variant": ["a"]}))


# --------------------------------------------------------------------------------------
# Mann–Whitney
# --------------------------------------------------------------------------------------


class TestMannWhitney:
    def test_against_scipy_on_data_with_ties(self):
        # Reference: scipy.stats.mannwhitneyu(method="asymptotic") on tied data.
        x = np.array([1, 2, 2, 3, 3, 3, 4, 5, 5, 6])
        y = np.array([2, 3, 4, 4, 5, 6, 6, 6, 7, 7, 8])
        u = stats.mannwhitneyu(x, y, method="asymptotic").statistic
        ties = list(np.unique(np.concatenate([x, y]), return_counts=True)[1])
        res = audit.mann_whitney_from_u(u, n1=10, n2=11, tie_counts=ties).set_index("variant")
        for variant, cont in (("normal, ties", False), ("normal, ties, continuity", True)):
            ref = stats.mannwhitneyu(x, y, method="asymptotic", use_continuity=cont)
            assert res.loc[variant, "p"] == pytest.approx(ref.pvalue, abs=1e-12)

    def test_by_hand(self):
        # U 1063, n 51/46: μ = 1173, σ = √(51·46·98/12) = 138.418; z = −110/138.418
        res = audit.mann_whitney_from_u(1063, n1=51, n2=46).set_index("variant")
        assert res.loc["normal", "z"] == pytest.approx(-110 / math.sqrt(51 * 46 * 98 / 12), 1e-12)
        assert res.loc["normal, continuity", "z"] == pytest.approx(
            -109.5 / math.sqrt(51 * 46 * 98 / 12), abs=1e-12
        )
        assert res.loc["normal, continuity", "p"] == pytest.approx(0.42889, abs=1e-5)

    @pytest.mark.parametrize("row", list(TABLE2_U))
    def test_table2_rows(self, row):
        # Reference: the paper's printed U and p (Table 2). AST (0.357) and ALP (0.481)
        # do not follow from their U; Table 3 prints 0.375 and 0.418 for the same tests,
        # which do.
        u, p = TABLE2_U[row]
        res = audit.check_mann_whitney(u, n1=N_HCM, n2=N_CM, p=p)
        matches = audit.matching_variants(res)
        if row == "alp":
            assert matches == []
        elif row == "ast":
            assert matches == ["normal, unknown ties"]  # only a tie correction could explain
        else:
            assert "normal" in matches or "normal, continuity" in matches

    def test_transposed_digits_corrected(self):
        # Table 3's p for the same baseline comparisons pass.
        assert "normal" in audit.matching_variants(
            audit.check_mann_whitney("1,061", n1=51, n2=46, p="0.418")
        )
        assert "normal" in audit.matching_variants(
            audit.check_mann_whitney("1,050", n1=51, n2=46, p="0.375")
        )

    def test_errors(self):
        with pytest.raises(
            ValueError, match=r"u must lie in \[0, n1\*n2\] = \[0, 2346\], got 3000"
        ):
            audit.mann_whitney_from_u(3000, n1=51, n2=46)
        with pytest.raises(ValueError, match="n1 must be an integer >= 1, got 0"):
            audit.mann_whitney_from_u(1, n1=0, n2=46)
        with pytest.raises(ValueError, match="tie_counts must sum to n1 \\+ n2 = 97"):
            audit.mann_whitney_from_u(1000, n1=51, n2=46, tie_counts=[50, 40])
        with pytest.raises(ValueError, match="tie_counts must hold non-negative integer counts"):
            audit.mann_whitney_from_u(1000, n1=51, n2=46, tie_counts=[50.5, 46.5])


# --------------------------------------------------------------------------------------
# Ordered categories (Table 4)
# --------------------------------------------------------------------------------------


def expand(counts1, counts2):
    x = np.repeat(np.arange(len(counts1)), counts1)
    y = np.repeat(np.arange(len(counts2)), counts2)
    return x, y


class TestOrdinalCounts:
    @pytest.mark.parametrize("month", [0, 6, 12])
    def test_rank_sum_against_scipy(self, month):
        # Reference: scipy.stats.mannwhitneyu on the expanded data (asymptotic, ties).
        c1, c2, _, _ = TABLE4[month]
        x, y = expand(c1, c2)
        res = audit.ordinal_tests_from_counts(c1, c2).set_index("variant")
        ref = stats.mannwhitneyu(x, y, method="asymptotic", use_continuity=False)
        assert res.loc["rank-sum, ties", "statistic"] == pytest.approx(ref.statistic, abs=1e-9)
        assert res.loc["rank-sum, ties", "p"] == pytest.approx(ref.pvalue, rel=1e-9)
        ref = stats.mannwhitneyu(x, y, method="asymptotic", use_continuity=True)
        assert res.loc["rank-sum, ties, continuity", "p"] == pytest.approx(ref.pvalue, rel=1e-9)

    @pytest.mark.parametrize("month", [0, 6, 12])
    def test_chi_square_against_scipy(self, month):
        # Reference: scipy.stats.chi2_contingency(correction=False).
        c1, c2, _, _ = TABLE4[month]
        ref = stats.chi2_contingency(np.array([c1, c2]), correction=False)
        res = audit.ordinal_tests_from_counts(c1, c2).set_index("variant")
        assert res.loc["pearson", "statistic"] == pytest.approx(ref.statistic, rel=1e-12)
        assert res.loc["pearson", "p"] == pytest.approx(ref.pvalue, rel=1e-9)
        assert res.loc["pearson", "dof"] == ref.dof

    @pytest.mark.parametrize("month", [0, 6, 12])
    def test_linear_by_linear_against_statsmodels(self, month):
        # Reference: statsmodels Table.test_ordinal_association (permutation moments,
        # z² = (N − 1) r²).
        c1, c2, _, _ = TABLE4[month]
        ref = Table(np.array([c1, c2]), shift_zeros=False).test_ordinal_association()
        res = audit.ordinal_tests_from_counts(c1, c2).set_index("variant")
        assert res.loc["linear-by-linear", "statistic"] == pytest.approx(ref.zscore**2, rel=1e-9)
        assert res.loc["linear-by-linear", "p"] == pytest.approx(ref.pvalue, rel=1e-9)

    def test_linear_by_linear_by_hand(self):
        # 2×2 table [[3, 1], [1, 3]], scores 1, 2: r = phi = (9 − 1)/√(4·4·4·4) = 0.5;
        # M² = (8 − 1)·0.25 = 1.75
        res = audit.ordinal_tests_from_counts([3, 1], [1, 3]).set_index("variant")
        assert res.loc["linear-by-linear", "statistic"] == pytest.approx(1.75, abs=1e-12)

    def test_table4_which_variant(self):
        # 0 m: tie-corrected rank-sum reproduces Z −0.401 (|z| 0.4012) and p 0.688.
        res = audit.check_ordinal_counts(*TABLE4[0][:2], z="−0.401", p="0.688")
        assert audit.matching_variants(res) == ["rank-sum, ties"]
        # 6 m: |z| 4.3904 matches, its p 1.13e-05 does not print as 0.0001.
        res = audit.check_ordinal_counts(*TABLE4[6][:2], z="−4.390", p="0.0001")
        rows = res.set_index(["variant", "quantity"])
        assert rows.loc[("rank-sum, ties", "|z|"), "recomputed"] == pytest.approx(4.3904, abs=1e-4)
        assert rows.loc[("rank-sum, ties", "|z|"), "verdict"] == "consistent"
        assert rows.loc[("rank-sum, ties", "p"), "verdict"] == "discrepancy"
        # corrected p passes
        fixed = audit.check_ordinal_counts(*TABLE4[6][:2], z="−4.390", p="<0.0001")
        assert "rank-sum, ties" in audit.matching_variants(fixed)
        # 12 m: on the printed counts (CM sums to 44) the rank-sum reproduces −3.408 and 0.001.
        res = audit.check_ordinal_counts(*TABLE4[12][:2], z="−3.408", p="0.001")
        assert audit.matching_variants(res) == ["rank-sum, ties"]
        assert res.loc[1, "recomputed"] == pytest.approx(0.000654, abs=1e-6)

    def test_sign_reported(self):
        # 0 m: HCM sits in higher (worse) categories, so U_HCM > μ and z > 0; printed −0.401
        res = audit.check_ordinal_counts(*TABLE4[0][:2], z="−0.401")
        assert "signs differ: printed negative, recomputed positive" in res.loc[0, "note"]

    def test_table4_group_sizes(self):
        # HCM 51 at every month; CM 46 except 12 m: 14 + 24 + 6 = 44.
        for c1, _c2, _, _ in TABLE4.values():
            assert verdicts(audit.check_sum(c1, total=N_HCM)) == ["consistent"]
        assert verdicts(audit.check_sum(TABLE4[0][1], total=N_CM)) == ["consistent"]
        assert verdicts(audit.check_sum(TABLE4[6][1], total=N_CM)) == ["consistent"]
        res = audit.check_sum(TABLE4[12][1], total=N_CM)
        assert verdicts(res) == ["discrepancy"]
        assert res.loc[0, "recomputed"] == 44
        assert res.loc[0, "note"] == "14 + 24 + 6 = 44; printed total 46"
        assert verdicts(audit.check_sum([14, 24, 8], total=N_CM)) == ["consistent"]

    def test_empty_category_dropped_for_chi_square(self):
        res = audit.ordinal_tests_from_counts([3, 0, 2], [1, 0, 4]).set_index("variant")
        ref = stats.chi2_contingency(np.array([[3, 2], [1, 4]]), correction=False)
        assert res.loc["pearson", "statistic"] == pytest.approx(ref.statistic, rel=1e-12)
        assert "empty categories [1] dropped" in res.loc["pearson", "method"]

    def test_errors(self):
        with pytest.raises(ValueError, match="counts1 must hold non-negative integer counts"):
            audit.ordinal_tests_from_counts([1.5, 2], [1, 2])
        with pytest.raises(ValueError, match="counts2 must hold non-negative integer counts"):
            audit.ordinal_tests_from_counts([1, 2], [-1, 2])
        with pytest.raises(ValueError, match="counts1 must be a sequence of at least two counts"):
            audit.ordinal_tests_from_counts([3], [1, 2])
        with pytest.raises(ValueError, match="same number of categories, got 2 and 3"):
            audit.ordinal_tests_from_counts([1, 2], [1, 2, 3])
        with pytest.raises(ValueError, match="counts2 must contain at least one subject"):
            audit.ordinal_tests_from_counts([1, 2], [0, 0])
        with pytest.raises(ValueError, match=r"scores must have one value per category \(2\)"):
            audit.ordinal_tests_from_counts([1, 2], [1, 2], scores=[1, 2, 3])
        with pytest.raises(ValueError, match="needs the printed z, the printed p, or both"):
            audit.check_ordinal_counts([1, 2], [1, 2])


# --------------------------------------------------------------------------------------
# Sums, counts, numbering, repeated values
# --------------------------------------------------------------------------------------

TABLE5_NUMBERS = [*range(1, 24), 24, 24, 26, 27, 28, 19, *range(30, 52)]
TABLE5_PHASES = [0] * 13 + [6] * 3 + [12] * 35
TABLE5_MARKS = list("↑↓↓↓↓↓↑↑↑↑↑↓↓↓↑↑↑↑↑↑↑↑↑↑↑↑↑↑↑↓↑↑↓↑↑↑↑↑↑↑↑↑↑↑↑↑↑↓↑↑↑")


class TestCounts:
    def test_section_3_5_totals(self):
        # §3.5: 52 metabolites, 39 up and 13 down; per phase 13 (6 up, 7 down), 3 (3 up),
        # 35 (32 up, 3 down). 13 + 3 + 35 = 51; 6 + 3 + 32 = 41; 7 + 0 + 3 = 10.
        assert verdicts(audit.check_sum([39, 13], total="52")) == ["consistent"]
        assert verdicts(audit.check_sum([13, 3, 35], total="52")) == ["discrepancy"]
        assert verdicts(audit.check_sum([6, 3, 32], total="39")) == ["discrepancy"]
        assert verdicts(audit.check_sum([7, 0, 3], total="13")) == ["discrepancy"]
        assert verdicts(audit.check_sum([13, 3, 35], total="51")) == ["consistent"]

    def test_table5_rows_vs_stated(self):
        assert len(TABLE5_NUMBERS) == 51 and len(TABLE5_MARKS) == 51
        res = audit.check_count(TABLE5_NUMBERS, stated="52")
        assert verdicts(res) == ["discrepancy"]
        assert res.loc[0, "recomputed"] == 51
        assert verdicts(audit.check_count(51, stated=51)) == ["consistent"]
        # marks per phase, from Table 5: baseline 6 up / 7 down
        base = TABLE5_MARKS[:13]
        assert (base.count("↑"), base.count("↓")) == (6, 7)

    def test_errors(self):
        with pytest.raises(ValueError, match=r"total must be a non-negative integer, got '5\.5'"):
            audit.check_sum([1, 2], total="5.5")
        with pytest.raises(ValueError, match="parts must hold non-negative integer counts"):
            audit.check_sum([1, -2], total=3)
        with pytest.raises(ValueError, match="stated must be a non-negative integer, got -1"):
            audit.check_count(3, stated=-1)


class TestNumbering:
    def test_table5(self):
        res = audit.check_numbering(TABLE5_NUMBERS)
        assert verdicts(res) == ["discrepancy"]
        assert res.loc[0, "note"] == (
            "duplicates: [19, 24]; missing: [25, 29]; order goes back at position(s) 29 "
            "(28 then 19)"
        )

    def test_corrected_passes(self):
        res = audit.check_numbering(list(range(1, 52)))
        assert verdicts(res) == ["consistent"]
        assert res.loc[0, "recomputed"] == 51

    def test_wrong_start(self):
        res = audit.check_numbering([2, 3, 4])
        assert verdicts(res) == ["discrepancy"]
        assert res.loc[0, "note"].startswith("starts at 2, not 1")

    def test_errors(self):
        with pytest.raises(ValueError, match="numbers must be a non-empty sequence of integers"):
            audit.check_numbering([])
        with pytest.raises(ValueError, match="numbers must be a non-empty sequence of integers"):
            audit.check_numbering([1, 2.5])


class TestRepeatedValue:
    @pytest.mark.parametrize(
        ("first", "second", "verdict"),
        [
            ("84.67", "84.70", "discrepancy"),  # PINP HCM baseline, Table 2 vs Table 3
            ("5.64", "5.640", "consistent"),  # IGF-1 CM SD, Table 2 vs Table 3
            ("1.000", "1.00", "consistent"),  # 25(OH)D baseline p
            ("0.481", "0.418", "discrepancy"),  # ALP baseline p
            ("0.357", "0.375", "discrepancy"),  # AST baseline p
            ("5.875", "5.8751", "consistent"),  # 25(OH)D HCM SD
        ],
    )
    def test_tables_2_and_3(self, first, second, verdict):
        assert verdicts(audit.check_repeated_value(first, second)) == [verdict]

    def test_boundary(self):
        # 84.67 covers [84.665, 84.675], 84.68 covers [84.675, 84.685]: they touch.
        assert verdicts(audit.check_repeated_value("84.67", "84.68")) == ["consistent"]

    def test_error(self):
        with pytest.raises(ValueError, match="text is not a printed number: '--'"):
            audit.check_repeated_value("--", "1")


# --------------------------------------------------------------------------------------
# Percent change, ratios, directions, thresholds, p ranges
# --------------------------------------------------------------------------------------


class TestPercentChange:
    @pytest.mark.parametrize(
        ("before", "after", "printed", "absolute"),
        [
            # §3.3 against Table 3: AST HCM 20.61 → 24.00 (+16.45%), 24.00 → 19.53 (−18.63%),
            # CM 27.04 → 22.39 (−17.20%); calcium HCM 2.35 → 2.45 (+4.26%), CM 2.34 → 2.43
            # (+3.85%); 25(OH)D HCM 15.64 → 24.20 (+54.73%), CM 15.26 → 18.86 (+23.59%).
            ("20.61", "24.00", "16.4", False),
            ("24.00", "19.53", "18.6", True),
            ("27.04", "22.39", "17.2", True),
            ("2.35", "2.45", "4.3", False),
            ("2.34", "2.43", "3.8", False),
            ("15.64", "24.20", "54.7", False),
            ("15.26", "18.86", "23.6", False),
        ],
    )
    def test_section_3_3(self, before, after, printed, absolute):
        res = audit.check_percent_change(
            before=before, after=after, printed=printed, absolute=absolute
        )
        assert verdicts(res) == ["consistent"]

    def test_by_hand_and_discrepancy(self):
        # 100·(24.00 − 20.61)/20.61 = 16.448; range [100·(23.995/20.615 − 1),
        # 100·(24.005/20.605 − 1)] = [16.396, 16.501]
        res = audit.check_percent_change(before="20.61", after="24.00", printed="16.9")
        assert res.loc[0, "recomputed"] == pytest.approx(16.448, abs=1e-3)
        assert res.loc[0, "recomputed_low"] == pytest.approx(16.396, abs=1e-3)
        assert res.loc[0, "recomputed_high"] == pytest.approx(16.501, abs=1e-3)
        assert verdicts(res) == ["discrepancy"]

    def test_sign(self):
        # −18.6 printed as a signed change is consistent without absolute=True
        res = audit.check_percent_change(before="24.00", after="19.53", printed="−18.6")
        assert verdicts(res) == ["consistent"]
        res = audit.check_percent_change(before="24.00", after="19.53", printed="18.6")
        assert verdicts(res) == ["discrepancy"]

    def test_error(self):
        with pytest.raises(ValueError, match=r"before must be non-zero \(its rounding interval"):
            audit.check_percent_change(before="0.00", after="1.0", printed="5")


class TestRatio:
    def test_firmicutes_bacteroidetes(self):
        # §3.4 F/B ratios vs the abundances printed for Figure 4A,B:
        # HCM 0 m 0.369/0.438 = 0.8425 (printed 0.843); CM 0 m 0.335/0.522 = 0.6418 (0.641);
        # HCM 6 m 0.357/0.450 = 0.7933 (printed 0.769); CM 6 m 0.296/0.391 = 0.7570 (0.916).
        cases = [
            ("0.369", "0.438", "0.843", "consistent", 0.8425),
            ("0.335", "0.522", "0.641", "consistent", 0.6418),
            ("0.357", "0.450", "0.769", "discrepancy", 0.7933),
            ("0.296", "0.391", "0.916", "discrepancy", 0.7570),
        ]
        for num, den, printed, verdict, value in cases:
            res = audit.check_ratio(numerator=num, denominator=den, printed=printed)
            assert res.loc[0, "recomputed"] == pytest.approx(value, abs=1e-4)
            assert verdicts(res) == [verdict]
        # corrected value passes
        res = audit.check_ratio(numerator="0.357", denominator="0.450", printed="0.793")
        assert verdicts(res) == ["consistent"]

    def test_error(self):
        with pytest.raises(ValueError, match="denominator must be non-zero"):
            audit.check_ratio(numerator="1", denominator="0.0", printed="1")


class TestDirection:
    def test_table5(self):
        fcs = {13: "4.4249", 14: "1.5475", 12: "0.1582", 1: "2.7819"}
        marks = {13: "↓", 14: "↓", 12: "↓", 1: "↑"}
        keys = list(fcs)
        res = audit.check_direction(
            [marks[k] for k in keys], [fcs[k] for k in keys], labels=[str(k) for k in keys]
        )
        assert dict(zip(res["variant"], res["verdict"], strict=True)) == {
            "13": "discrepancy",
            "14": "discrepancy",
            "12": "consistent",
            "1": "consistent",
        }
        # corrected marks pass
        fixed = audit.check_direction(["↑", "↑"], ["4.4249", "1.5475"])
        assert verdicts(fixed) == ["consistent", "consistent"]

    def test_rounding_at_one(self):
        # FC printed 1.0000 may be 0.99995 or 1.00005: either mark is possible
        assert verdicts(audit.check_direction(["↑", "↓"], ["1.0000", "1.0000"])) == [
            "consistent",
            "consistent",
        ]
        assert verdicts(audit.check_direction(["up"], [1.0])) == ["discrepancy"]

    def test_errors(self):
        with pytest.raises(ValueError, match="marks must be '↑' or '↓'"):
            audit.check_direction(["→"], ["1.5"])
        with pytest.raises(ValueError, match="same length, got 1 and 2"):
            audit.check_direction(["↑"], ["1.5", "2"])
        with pytest.raises(ValueError, match="fold_changes must be non-negative"):
            audit.check_direction(["↑"], ["−1.5"])
        with pytest.raises(ValueError, match=r"labels must have one entry per item \(1\), got 2"):
            audit.check_direction(["↑"], ["1.5"], labels=["a", "b"])


class TestPRange:
    def test_table5(self):
        # Table 5 rows 1–4, 17, 18 print p 1.6471, 6.5421, 4.1506, 7.7551, 1.6701, 3.9848
        ps = ["1.6471", "6.5421", "4.1506", "7.7551", "0.0009", "0.0000", "1.6701", "3.9848"]
        res = audit.check_p_range(ps)
        assert verdicts(res) == ["discrepancy"] * 4 + ["consistent"] * 2 + ["discrepancy"] * 2
        assert "cannot lie outside [0, 1]" in res.loc[0, "note"]
        assert verdicts(audit.check_p_range(["1.6471E-05", 1.0])) == ["consistent"] * 2

    def test_error(self):
        with pytest.raises(ValueError, match="p_values is not a printed number: 'x'"):
            audit.check_p_range(["x"])


class TestThreshold:
    def test_section_3_5_criteria(self):
        # VIP > 1 (Table 5's smallest VIP is 1.0984); FC > 1.2 or < 0.833
        assert set(verdicts(audit.check_threshold(["1.0984", "5.4664"], criterion="> 1"))) == {
            "consistent"
        }
        res = audit.check_threshold(
            ["0.6412", "1.1", "0.9", "1.5475"], criterion="> 1.2 or < 0.833"
        )
        assert verdicts(res) == ["consistent", "discrepancy", "discrepancy", "consistent"]
        res = audit.check_threshold(["2.0", "0.5", "1.9"], criterion=">= 2 or <= 0.5")
        assert verdicts(res) == ["consistent", "consistent", "discrepancy"]
        assert verdicts(audit.check_threshold(["0.0484", "0.051"], criterion="< 0.05")) == [
            "consistent",
            "discrepancy",
        ]

    def test_rounding_boundary(self):
        # 1.20 covers [1.195, 1.205]: some unrounded values exceed 1.2
        res = audit.check_threshold(["1.20"], criterion="> 1.2")
        assert verdicts(res) == ["consistent"]
        assert "only at some unrounded values" in res.loc[0, "note"]
        assert verdicts(audit.check_threshold([1.2], criterion="> 1.2")) == ["discrepancy"]

    def test_error(self):
        with pytest.raises(ValueError, match="criterion must be comparisons joined by 'or'"):
            audit.check_threshold(["1"], criterion="between 1 and 2")


# --------------------------------------------------------------------------------------
# Significance claims and CIs
# --------------------------------------------------------------------------------------


class TestSignificanceClaim:
    def test_table4_prose(self):
        # §3.3: "both p < 0.0001"; Table 4 prints 0.0001 (6 m) and 0.001 (12 m).
        assert verdicts(audit.check_significance_claim("p < 0.0001", "0.0001")) == ["consistent"]
        assert verdicts(audit.check_significance_claim("p < 0.0001", "0.001")) == ["discrepancy"]
        # against the recomputed tie-corrected rank-sum p: 1.13e-05 and 6.54e-04
        assert verdicts(audit.check_significance_claim("p < 0.0001", 1.13e-05)) == ["consistent"]
        assert verdicts(audit.check_significance_claim("p < 0.0001", 6.54e-04)) == ["discrepancy"]
        # corrected claim "p ≤ 0.001" passes for 12 m
        assert verdicts(audit.check_significance_claim("p ≤ 0.001", 6.54e-04)) == ["consistent"]

    def test_interval_input(self):
        res = audit.check_significance_claim("<0.05", audit.Interval(0.04, 0.06))
        assert verdicts(res) == ["consistent"]
        assert "agree only for some unrounded values" in res.loc[0, "note"]

    def test_errors(self):
        with pytest.raises(ValueError, match="p must be a probability in"):
            audit.check_significance_claim("<0.05", 1.5)
        with pytest.raises(ValueError, match="text must be a probability"):
            audit.check_significance_claim("<0.05", "1.6471")


class TestCISignificance:
    @pytest.mark.parametrize(
        ("low", "high", "p", "verdict"),
        [
            ("0.5", "3.5", "0.20", "discrepancy"),  # CI excludes 0 → p < 0.05 expected
            ("0.5", "3.5", "0.003", "consistent"),
            ("0.5", "3.5", "<0.05", "consistent"),
            ("−0.5", "3.5", "0.003", "discrepancy"),  # CI contains 0 → p >= 0.05 expected
            ("−0.5", "3.5", "0.40", "consistent"),
            ("0.0", "3.5", "0.003", "consistent"),  # 0.0 may be 0.04: undecidable
        ],
    )
    def test_cases(self, low, high, p, verdict):
        assert verdicts(audit.check_ci_significance(low=low, high=high, p=p)) == [verdict]

    def test_ratio_null(self):
        res = audit.check_ci_significance(low="1.2", high="2.5", p="0.30", null=1.0)
        assert verdicts(res) == ["discrepancy"]

    def test_errors(self):
        with pytest.raises(ValueError, match="alpha must lie in"):
            audit.check_ci_significance(low="1", high="2", p="0.1", alpha=5)
        with pytest.raises(ValueError, match="low must not exceed high"):
            audit.check_ci_significance(low="2.1", high="2.0", p="0.1")
        with pytest.raises(ValueError, match="p must be a probability in"):
            audit.check_ci_significance(low="1", high="2", p=2.0)


class TestComparePrinted:
    def test_absolute_and_sign(self):
        res = audit.compare_printed("−1.93", 1.93, absolute=True, quantity="t")
        assert verdicts(res) == ["consistent"]
        assert res.loc[0, "quantity"] == "|t|"
        assert "signs differ" in res.loc[0, "note"]
        assert verdicts(audit.compare_printed("−1.93", 1.93)) == ["discrepancy"]

    def test_error(self):
        with pytest.raises(ValueError, match="text is not a printed number"):
            audit.compare_printed("", 1.0)


# --------------------------------------------------------------------------------------
# Pooled summaries
# --------------------------------------------------------------------------------------


class TestPooled:
    def test_against_raw_data(self):
        # Reference: numpy mean and SD (ddof=1) of the concatenated samples.
        rng = np.random.default_rng(2025)
        a, b, c = rng.normal(60, 5, 51), rng.normal(62, 4, 46), rng.normal(58, 6, 7)
        res = audit.pooled_mean_sd(
            means=[x.mean() for x in (a, b, c)],
            sds=[x.std(ddof=1) for x in (a, b, c)],
            ns=[51, 46, 7],
        )
        allx = np.concatenate([a, b, c])
        assert res.loc[0, "mean"] == pytest.approx(allx.mean(), abs=1e-10)
        assert res.loc[0, "sd"] == pytest.approx(allx.std(ddof=1), abs=1e-10)
        assert res.loc[0, "n"] == 104

    def test_age_and_bmi(self):
        # §3.1: age 61.2 ± 4.90, BMI 24.8 ± 3.06, for Table 2's groups.
        # Age by hand: M = (51·61.2 + 46·61.3)/97 = 61.2474;
        # SD² = (50·25 + 45·4.83² + 51·46/97·0.1²)/96 = 23.9588 → 4.8948
        age = audit.check_pooled_mean_sd(
            means=["61.2", "61.3"], sds=["5.00", "4.83"], ns=[51, 46], mean="61.2", sd="4.90"
        )
        assert verdicts(age) == ["consistent", "consistent"]
        assert age.loc[0, "recomputed"] == pytest.approx(61.2474, abs=1e-4)
        assert age.loc[1, "recomputed"] == pytest.approx(4.8948, abs=1e-4)
        bmi = audit.check_pooled_mean_sd(
            means=["24.7", "25.0"], sds=["2.77", "3.39"], ns=[51, 46], mean="24.8", sd="3.06"
        )
        assert verdicts(bmi) == ["consistent", "consistent"]
        assert bmi.loc[1, "recomputed"] == pytest.approx(3.0669, abs=1e-4)

    def test_discrepancy_and_corrected(self):
        kw = dict(means=["61.2", "61.3"], sds=["5.00", "4.83"], ns=[51, 46])
        assert verdicts(audit.check_pooled_mean_sd(**kw, sd="4.80")) == ["discrepancy"]
        assert verdicts(audit.check_pooled_mean_sd(**kw, mean="61.4")) == ["discrepancy"]
        assert verdicts(audit.check_pooled_mean_sd(**kw, mean="61.25", sd="4.895")) == [
            "consistent",
            "consistent",
        ]

    def test_sd_range_against_grid(self):
        # Reference: brute force over a 9^4 grid; the SD is smallest with equal means,
        # which lies inside the box here (61.25 belongs to both rounding intervals).
        res = audit.check_pooled_mean_sd(
            means=["61.2", "61.3"], sds=["5.00", "4.83"], ns=[51, 46], sd="4.90"
        )
        grid = [
            np.linspace(61.15, 61.25, 9),
            np.linspace(4.995, 5.005, 9),
            np.linspace(61.25, 61.35, 9),
            np.linspace(4.825, 4.835, 9),
        ]
        sds = [
            audit.pooled_mean_sd(means=[m1, m2], sds=[s1, s2], ns=[51, 46]).loc[0, "sd"]
            for m1, s1, m2, s2 in itertools.product(*grid)
        ]
        assert res.loc[0, "recomputed_low"] == pytest.approx(min(sds), abs=1e-9)
        assert res.loc[0, "recomputed_high"] == pytest.approx(max(sds), abs=1e-9)

    def test_errors(self):
        with pytest.raises(ValueError, match="means, sds and ns must have the same length >= 2"):
            audit.pooled_mean_sd(means=[1], sds=[1], ns=[3])
        with pytest.raises(ValueError, match="sds must be non-negative"):
            audit.pooled_mean_sd(means=[1, 2], sds=[1, -1], ns=[3, 3])
        with pytest.raises(ValueError, match=r"ns\[1\] must be an integer >= 1, got 0"):
            audit.pooled_mean_sd(means=[1, 2], sds=[1, 1], ns=[3, 0])
        with pytest.raises(ValueError, match="needs the printed mean, sd, or both"):
            audit.check_pooled_mean_sd(means=["1", "2"], sds=["1", "1"], ns=[3, 3])


# --------------------------------------------------------------------------------------
# GRIM and GRIMMER
# --------------------------------------------------------------------------------------


class TestGrim:
    def test_published_case(self):
        # Brown & Heathers (2017): 5.19 with n = 28 → 28·[5.185, 5.195] = [145.18, 145.46]
        res = audit.check_grim("5.19", n=28)
        assert verdicts(res) == ["discrepancy"]
        assert verdicts(audit.check_grim("5.18", n=28)) == ["consistent"]  # 145/28 = 5.1786

    def test_items_and_power_note(self):
        # 2 items: granularity 1/56, 5.19·56 = 290.64 → 291/56 = 5.1964 (no), but interval
        # [5.185, 5.195]·56 = [290.36, 290.92] has no integer either
        assert verdicts(audit.check_grim("5.19", n=28, items=2)) == ["discrepancy"]
        res = audit.check_grim("61.2", n=51)
        assert verdicts(res) == ["consistent"]
        assert "GRIM has no power here" in res.loc[0, "note"]

    def test_n_one(self):
        assert verdicts(audit.check_grim("3.00", n=1)) == ["consistent"]
        assert verdicts(audit.check_grim("3.50", n=1)) == ["discrepancy"]

    def test_errors(self):
        with pytest.raises(ValueError, match="n must be an integer >= 1, got 0"):
            audit.check_grim("1.5", n=0)
        with pytest.raises(ValueError, match=r"mean must be printed text such as '5\.19'"):
            audit.check_grim(5.19, n=28)


class TestGrimmer:
    def test_published_cases(self):
        # Anaya (2016): (5.21, 1.60, 28) consistent; (3.44, 2.47, 18) inconsistent:
        # T = 62, Q ∈ 17·[2.465², 2.475²] + 62²/18 = [316.85, 317.69] → Q = 317, odd ≠ T even.
        assert verdicts(audit.check_grimmer("5.21", "1.60", n=28)) == ["consistent"]
        res = audit.check_grimmer("3.44", "2.47", n=18)
        assert verdicts(res) == ["discrepancy"]
        assert res.loc[0, "note"] == "T=62: sums of squares [317] have the wrong parity"

    def test_grim_failure_propagates(self):
        res = audit.check_grimmer("5.19", "1.60", n=28)
        assert verdicts(res) == ["discrepancy"]
        assert res.loc[0, "note"].startswith("GRIM fails")

    def test_sound_on_every_small_dataset(self):
        # Reference: enumeration. Every multiset of 5 integers in 0..6, summarised to two
        # decimals, must pass (GRIMMER's conditions are necessary ones).
        for data in itertools.combinations_with_replacement(range(7), 5):
            x = np.array(data, dtype=float)
            mean, sd = f"{x.mean():.2f}", f"{x.std(ddof=1):.2f}"
            assert verdicts(audit.check_grimmer(mean, sd, n=5)) == ["consistent"], data

    def test_detects_impossible_sd(self):
        # n = 5, mean 1.00 (T = 5): the smallest SD is 0 (all ones), the next from
        # {0,1,1,1,2}: Q = 7, s² = (7 − 5)/4 = 0.5 → 0.71. An SD of 0.30 is impossible.
        assert verdicts(audit.check_grimmer("1.00", "0.30", n=5)) == ["discrepancy"]
        assert verdicts(audit.check_grimmer("1.00", "0.71", n=5)) == ["consistent"]
        # achievability: mean 1.20 (T = 6) cannot have SD 0: at least {1,1,1,1,2}, s = 0.447
        assert verdicts(audit.check_grimmer("1.20", "0.00", n=5)) == ["discrepancy"]

    def test_table2_integer_variables(self):
        # Age and menopause duration in whole years pass GRIMMER in both arms.
        for mean, sd, n in [
            ("61.2", "5.00", 51),
            ("61.3", "4.83", 46),
            ("11.0", "5.77", 51),
            ("11.5", "6.18", 46),
        ]:
            assert verdicts(audit.check_grimmer(mean, sd, n=n)) == ["consistent"]

    def test_errors(self):
        with pytest.raises(ValueError, match="n must be an integer >= 2, got 1"):
            audit.check_grimmer("1.0", "0.5", n=1)
        with pytest.raises(ValueError, match="sd must be a non-negative standard deviation"):
            audit.check_grimmer("1.0", "−0.5", n=5)
        with pytest.raises(ValueError, match="sd must be printed text such as"):
            audit.check_grimmer("1.0", 0.5, n=5)


def test_all_exported_names_documented():
    for name in audit.__all__:
        obj = getattr(audit, name)
        if callable(obj):
            assert obj.__doc__ and "Examples" in obj.__doc__, name
