"""Tests for milkbone.audit.grim: GRIM and GRIMMER.

Independent references are named in each test (scipy.stats, statsmodels, brute-force
enumeration, hand-worked arithmetic, published worked cases, and the paper's printed
values: Zhao et al. 2025).
"""

import itertools

import numpy as np
import pandas as pd
import pytest

from milkbone import audit


def verdicts(result: pd.DataFrame) -> list[str]:
    return result["verdict"].tolist()


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
