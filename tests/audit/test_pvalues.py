"""Tests for milkbone.audit.pvalues: p from t and z, significance claims, CIs.

Independent references are named in each test (scipy.stats, statsmodels, brute-force
enumeration, hand-worked arithmetic, published worked cases, and the paper's printed
values: Zhao et al. 2025).
"""

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from milkbone import audit


def verdicts(result: pd.DataFrame) -> list[str]:
    return result["verdict"].tolist()


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
