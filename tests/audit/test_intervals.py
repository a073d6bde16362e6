"""Tests for milkbone.audit.intervals: Interval, printed_interval, corner_range.

Independent references are named in each test (scipy.stats, statsmodels, brute-force
enumeration, hand-worked arithmetic, published worked cases, and the paper's printed
values: Zhao et al. 2025).
"""

import itertools
import math

import numpy as np
import pytest

from milkbone import audit
from milkbone.published.parse import decimals, parse_number


class TestPrintedInterval:
    @pytest.mark.parametrize(
        ("text", "low", "high"),
        [
            ("0.974", 0.9735, 0.9745),
            ("−1.93", -1.935, -1.925),  # U+2212 minus
            ("-1.93", -1.935, -1.925),
            ("1,063", 1062.5, 1063.5),  # thousand separator, integer: ± 0.5
            ("5.640", 5.6395, 5.6405),  # trailing zero counts
            ("5.64", 5.635, 5.645),
            ("p = 0.024", 0.0235, 0.0245),
            ("1.6E-05", 1.55e-05, 1.65e-05),  # half a unit of the 5th decimal
            ("0.0000", -0.00005, 0.00005),
        ],
    )
    def test_rounding_interval(self, text, low, high):
        iv = audit.printed_interval(text)
        assert iv.low == pytest.approx(low, abs=1e-12)
        assert iv.high == pytest.approx(high, abs=1e-12)
        assert iv.closed_low and iv.closed_high

    def test_upper_bound(self):
        iv = audit.printed_interval("<0.001")
        assert (iv.low, iv.high) == (0.0, pytest.approx(0.001, abs=1e-15))
        assert iv.closed_low and not iv.closed_high
        assert not iv.contains(0.001)
        assert iv.contains(0.0009999)

    def test_bounds_with_p_prefix_and_other_comparators(self):
        iv = audit.printed_interval("p < 0.0001")
        assert iv.high == pytest.approx(1e-4, abs=1e-15) and not iv.closed_high
        iv = audit.printed_interval(">0.05", probability=True)
        assert (iv.low, iv.high, iv.closed_low, iv.closed_high) == (0.05, 1.0, False, True)
        iv = audit.printed_interval("≥ 2")
        assert (iv.low, iv.high, iv.closed_low) == (2.0, math.inf, True)
        iv = audit.printed_interval("<= 0.5")
        assert (iv.low, iv.high, iv.closed_high) == (0.0, 0.5, True)
        iv = audit.printed_interval("<2", floor=-math.inf)
        assert iv.low == -math.inf

    def test_probability_clips_to_unit_interval(self):
        iv = audit.printed_interval("0.0000", probability=True)
        assert (iv.low, iv.high) == (0.0, pytest.approx(5e-5, abs=1e-15))
        iv = audit.printed_interval("1.000", probability=True)
        assert (iv.low, iv.high) == (pytest.approx(0.9995, abs=1e-12), 1.0)

    def test_errors(self):
        with pytest.raises(ValueError, match=r"text is not a printed number: 'n\.s\.'"):
            audit.printed_interval("n.s.")
        with pytest.raises(ValueError, match="text must be printed text such as"):
            audit.printed_interval(0.5)
        with pytest.raises(
            ValueError, match=r"text must be a probability in \[0, 1\], got '1.6471'"
        ):
            audit.printed_interval("1.6471", probability=True)

    def test_readers_from_parse(self):
        # The checks read printed numbers through milkbone._parse.
        assert decimals("0.974") == 3
        assert decimals("1,063") == 0
        assert decimals("1.5E-05") == 6  # 1.5e-05 = 0.000015
        assert parse_number("−1.93") == pytest.approx(-1.93, abs=1e-15)
        assert parse_number("1,042") == pytest.approx(1042.0, abs=0)


class TestInterval:
    def test_intersection_respects_open_ends(self):
        below = audit.printed_interval("<0.001")  # [0, 0.001)
        assert not below.intersects(audit.Interval(0.001, 0.002))
        assert below.intersects(audit.Interval(0.0009, 0.002))
        assert audit.Interval(0, 1).intersects(audit.Interval(1, 2))

    def test_absolute_value(self):
        iv = abs(audit.Interval(-0.2, 0.1))
        assert (iv.low, iv.high) == (0.0, 0.2)
        iv = abs(audit.Interval(-0.2, 0.0))
        assert (iv.low, iv.high) == (0.0, 0.2)
        assert math.copysign(1.0, iv.low) == 1.0  # no negative zero

    def test_invalid(self):
        with pytest.raises(ValueError, match="Interval needs low <= high, got low=2, high=1"):
            audit.Interval(2, 1)


class TestCornerRange:
    def test_matches_dense_grid_for_t(self):
        # Reference: brute force over an 11^4 grid of the L1–4 rounding box.
        boxes = [audit.printed_interval(x) for x in ("0.981", "0.123", "0.935", "0.107")]

        def t(m1, s1, m2, s2):
            return (m1 - m2) / math.sqrt(s1**2 / 51 + s2**2 / 46)

        rng = audit.corner_range(t, boxes)
        grids = [np.linspace(b.low, b.high, 11) for b in boxes]
        values = [t(*point) for point in itertools.product(*grids)]
        assert rng.low == pytest.approx(min(values), abs=1e-12)
        assert rng.high == pytest.approx(max(values), abs=1e-12)

    def test_all_nan(self):
        with pytest.raises(ValueError, match=r"func is undefined \(NaN\) at every corner"):
            audit.corner_range(lambda a: math.nan, [audit.Interval(0, 1)])
