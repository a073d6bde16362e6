"""Tests of milkbone.cohort.simulation.matching: exact moments from ranked normals."""

from __future__ import annotations

import numpy as np
import pytest

from milkbone.cohort.simulation import matching


def test_infeasible_categories_are_reported():
    z = np.random.default_rng(0).standard_normal(10)
    with pytest.raises(matching.CalibrationError, match=r"mean 30 is outside \[3.000, 11.990\]"):
        matching.match_categories(z, mean=30, sd=5, categories=[(3, 11.99, 10)])
    with pytest.raises(matching.CalibrationError, match=r"add up to 9, not 10"):
        matching.match_categories(z, mean=10, sd=2, categories=[(3, 11.99, 9)])
    with pytest.raises(matching.CalibrationError, match=r"no values in the categories \[5, 5\]"):
        matching.match_categories(z, mean=12, sd=0.001, categories=[(3, 11.99, 5), (12.01, 20, 5)])


def test_polish_keeps_moments_on_a_grid():
    # alp of CM at baseline in Table 2: 72.54 ± 20.751, written to 0.1 U/L
    x = matching.match_normal(np.random.default_rng(5).standard_normal(46), mean=72.54, sd=20.751)
    target = {"mean": 72.54, "sd": 20.751, "low": 10, "high": 500}
    tolerance = {"mean_tolerance": 0.005, "sd_tolerance": 0.0005}
    y = matching.polish(x, step=0.1, **target, **tolerance)
    assert np.allclose(y * 10, np.round(y * 10))
    assert y.mean() == pytest.approx(72.54, abs=0.005)
    assert y.std(ddof=1) == pytest.approx(20.751, abs=0.0005)
    with pytest.raises(
        matching.CalibrationError, match=r"cannot reach mean 72\.54 on a grid of 10"
    ):
        matching.polish(x, step=10, **target, **tolerance)
