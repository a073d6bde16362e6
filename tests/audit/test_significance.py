"""Tests for milkbone.audit.significance: which side of the significance level a p lies.

Independent references: the paper's printed p-values (Table 3) and scipy's two-sample t
test on the rounding box of the printed summaries, worked below.
"""

import itertools

import pytest
from scipy import stats

from milkbone import audit


def _t_range(m1, s1, m2, s2, *, half_mean, half_sd, n1=51, n2=46):
    """Smallest and largest Student p over the corners of the rounding box (scipy)."""
    ps = [
        stats.ttest_ind_from_stats(a, b, n1, c, d, n2).pvalue
        for a, b, c, d in itertools.product(
            (m1 - half_mean, m1 + half_mean),
            (s1 - half_sd, s1 + half_sd),
            (m2 - half_mean, m2 + half_mean),
            (s2 - half_sd, s2 + half_sd),
        )
    ]
    return min(ps), max(ps)


def test_phosphorus_at_six_months_is_inconclusive():
    # Table 3: 1.07 ± 0.091 vs 1.03 ± 0.107, printed p 0.046.
    low, high = _t_range(1.07, 0.091, 1.03, 0.107, half_mean=0.005, half_sd=0.0005)
    assert low == pytest.approx(0.014, abs=1e-3)
    assert high == pytest.approx(0.141, abs=1e-3)
    res = audit.check_significance_side("0.046", low=low, high=high)
    assert res.loc[0, "verdict"] == "inconclusive"
    assert "both sides of 0.05" in res.loc[0, "note"]


def test_pinp_passes_and_fails_when_the_printed_p_is_edited():
    # Table 3 PINP at 6 m: 66.26 ± 37.53 vs 88.04 ± 38.08 gives p about 0.0056.
    low, high = _t_range(66.26, 37.53, 88.04, 38.08, half_mean=0.005, half_sd=0.005)
    assert (low + high) / 2 == pytest.approx(0.0056, abs=2e-4)
    assert audit.check_significance_side("0.001", low=low, high=high).loc[0, "verdict"] == (
        "consistent"
    )
    edited = audit.check_significance_side("0.210", low=low, high=high)
    assert edited.loc[0, "verdict"] == "discrepancy"
    assert "is not significant at 0.05" in edited.loc[0, "note"]


def test_a_printed_p_at_the_level_is_inconclusive():
    res = audit.check_significance_side("0.05", low=0.01, high=0.02)
    assert res.loc[0, "verdict"] == "inconclusive"


def test_bounds_and_alpha():
    # a printed bound: "<0.001" is significant
    res = audit.check_significance_side("<0.001", low=1e-6, high=2e-6)
    assert res.loc[0, "verdict"] == "consistent"
    assert res.loc[0, "printed_high"] == pytest.approx(0.001, abs=1e-12)
    # at alpha 0.01 the phosphorus range is still undecided, CTX's 0.086-0.221 is not
    assert audit.check_significance_side("0.092", low=0.086, high=0.221, alpha=0.01).loc[
        0, "verdict"
    ] == ("consistent")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"low": 0.2, "high": 0.1}, "low and high must satisfy"),
        ({"low": -0.1, "high": 0.1}, "low and high must satisfy"),
        ({"low": 0.1, "high": 0.2, "alpha": 0.0}, "alpha must lie in"),
    ],
)
def test_bad_input(kwargs, message):
    with pytest.raises(ValueError, match=message):
        audit.check_significance_side("0.046", **kwargs)
