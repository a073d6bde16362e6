"""Tests for milkbone.audit.ordinal: Two groups over ordered categories (Table 4).

Independent references are named in each test (scipy.stats, statsmodels, brute-force
enumeration, hand-worked arithmetic, published worked cases, and the paper's printed
values: Zhao et al. 2025).
"""

import numpy as np
import pandas as pd
import pytest
from scipy import stats
from statsmodels.stats.contingency_tables import Table

from milkbone import audit

N_HCM, N_CM = 51, 46

# Table 4: 25(OH)D Normal / Insufficient / Deficient counts, printed Z and p
TABLE4 = {
    0: ([11, 23, 17], [9, 25, 12], "−0.401", "0.688"),
    6: ([41, 10, 0], [17, 27, 2], "−4.390", "0.0001"),
    12: ([33, 17, 1], [14, 24, 6], "−3.408", "0.001"),
}


def verdicts(result: pd.DataFrame) -> list[str]:
    return result["verdict"].tolist()


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


def test_the_sign_of_a_printed_z_is_explained_once():
    # Table 4, 6 m: HCM [41, 10, 0] vs CM [17, 27, 2] (normal first). Listed deficient
    # first, HCM lies higher and the recomputed z is positive; the paper prints −4.390.
    res = audit.check_ordinal_counts([0, 10, 41], [2, 27, 17], z="−4.390")
    note = res.loc[res["variant"] == "rank-sum, ties", "note"].iloc[0]
    assert "signs differ: printed negative, recomputed positive" in note
    assert "the z of the smaller U, −|z|" in note
    # the registry's notes on Table 4's Z give the same reason
    fresh = audit.verify().set_index("claim_id")
    for month in ("m0", "m6", "m12"):
        assert (
            "the software prints the z of the smaller U, −|z|" in fresh.loc[f"t4.z.{month}", "note"]
        )
