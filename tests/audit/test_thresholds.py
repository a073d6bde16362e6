"""Tests for milkbone.audit.thresholds: Directions, p in [0, 1] and selection criteria.

Independent references are named in each test (scipy.stats, statsmodels, brute-force
enumeration, hand-worked arithmetic, published worked cases, and the paper's printed
values: Zhao et al. 2025).
"""

import pandas as pd
import pytest

from milkbone import audit


def verdicts(result: pd.DataFrame) -> list[str]:
    return result["verdict"].tolist()


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
