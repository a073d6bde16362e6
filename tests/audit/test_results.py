"""Tests for milkbone.audit.results: compare_printed, matching_variants.

Independent references are named in each test (scipy.stats, statsmodels, brute-force
enumeration, hand-worked arithmetic, published worked cases, and the paper's printed
values: Zhao et al. 2025).
"""

import pandas as pd
import pytest

from milkbone import audit


def verdicts(result: pd.DataFrame) -> list[str]:
    return result["verdict"].tolist()


class TestMatchingVariants:
    def test_missing_column(self):
        with pytest.raises(KeyError, match="result lacks column"):
            audit.matching_variants(pd.DataFrame({"variant": ["a"]}))


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
