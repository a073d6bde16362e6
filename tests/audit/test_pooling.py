"""Tests for milkbone.audit.pooling: Pooled mean and SD of groups.

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
