"""Tests for milkbone.audit.ttests: Student and Welch t tests from printed means, SDs and ns.

Independent references are named in each test (scipy.stats, statsmodels, brute-force
enumeration, hand-worked arithmetic, published worked cases, and the paper's printed
values: Zhao et al. 2025).
"""

import itertools
import math

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from milkbone import audit

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


def verdicts(result: pd.DataFrame) -> list[str]:
    return result["verdict"].tolist()


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

    def test_welch_dof_against_scipy_and_by_hand(self):
        # Reference: scipy.stats.ttest_ind(equal_var=False).df on raw data.
        x = np.array([1.0, 2, 4, 7, 11])
        y = np.array([3.0, 3.5, 5, 6, 6.5, 9, 10])
        ref = stats.ttest_ind(x, y, equal_var=False).df
        got = audit.welch_dof(x.std(ddof=1), y.std(ddof=1), n1=5, n2=7)
        assert got == pytest.approx(ref, abs=1e-9)
        # by hand: SDs 1 and 2, n 10 and 20: a = 0.1, b = 0.2,
        # 0.3² / (0.1²/9 + 0.2²/19) = 27.9818
        assert audit.welch_dof(1.0, 2.0, n1=10, n2=20) == pytest.approx(27.9818, abs=1e-4)
        assert math.isnan(audit.welch_dof(0.0, 0.0, n1=5, n2=5))

    def test_welch_dof_errors(self):
        with pytest.raises(ValueError, match="n2 must be an integer >= 2, got 1"):
            audit.welch_dof(1.0, 1.0, n1=5, n2=1)
        with pytest.raises(ValueError, match="sd1 must be a non-negative standard deviation"):
            audit.welch_dof(-1.0, 1.0, n1=5, n2=5)
        with pytest.raises(ValueError, match="sd2 must be a non-negative standard deviation"):
            audit.welch_dof_range(audit.Interval(1, 2), audit.Interval(-1, 2), n1=5, n2=5)

    def test_welch_dof_range_against_grid(self):
        # Reference: a 201² grid. With n1 = n2 = 15 the maximum 28 = n1 + n2 − 2 sits
        # inside the box (equal variances); with n 20/10 it does not, so it is a corner.
        box = np.linspace(0.9, 1.3, 201)
        s = audit.Interval(0.9, 1.3)
        for n1, n2 in ((15, 15), (20, 10)):
            rng = audit.welch_dof_range(s, s, n1=n1, n2=n2)
            grid = [audit.welch_dof(a, b, n1=n1, n2=n2) for a in box for b in box]
            assert rng.low == pytest.approx(min(grid), abs=1e-9)
            assert rng.high == pytest.approx(max(grid), abs=1e-3)
            assert rng.high >= max(grid) - 1e-12
        assert audit.welch_dof_range(s, s, n1=15, n2=15).high == pytest.approx(28.0, abs=1e-12)

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
