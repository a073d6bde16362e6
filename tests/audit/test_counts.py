"""Tests for milkbone.audit.counts: Sums, counts, numbering and repeated values.

Independent references are named in each test (scipy.stats, statsmodels, brute-force
enumeration, hand-worked arithmetic, published worked cases, and the paper's printed
values: Zhao et al. 2025).
"""

import pandas as pd
import pytest

from milkbone import audit


def verdicts(result: pd.DataFrame) -> list[str]:
    return result["verdict"].tolist()


TABLE5_NUMBERS = [*range(1, 24), 24, 24, 26, 27, 28, 19, *range(30, 52)]
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
