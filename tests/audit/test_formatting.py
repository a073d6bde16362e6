"""Tests for milkbone.audit.formatting: numbers written like the printed ones.

Independent reference: the decimals of the paper's printed values, counted by hand.
"""

import math

from milkbone.audit.formatting import Outcome, written_like


def test_written_like_takes_the_printed_decimals():
    assert written_like(0.51553, "0.450") == "0.516"  # three decimals, as printed
    assert written_like(16.447, "16.4%") == "16.4"  # the % sign is not a digit
    assert written_like(44.0, "46") == "44"
    assert written_like(0.0123, "p < 0.05") == "0.01"


def test_written_like_falls_back_to_significant_digits():
    # 1.13e-05 at four decimals prints 0.0000: three significant digits instead
    assert written_like(1.1324e-05, "0.0001") == "1.13e-05"
    assert written_like(0.0, "0.0001") == "0.0000"  # a true zero keeps the decimals
    assert written_like(123.456) == "123"
    assert written_like(123.456, digits=4) == "123.5"


def test_written_like_non_finite():
    assert written_like(math.nan, "0.5") == "undefined"
    assert written_like(None) == "undefined"
    assert (written_like(math.inf), written_like(-math.inf)) == ("inf", "-inf")


def test_outcome_defaults_to_the_rule_of_its_kind():
    out = Outcome("consistent", "0.936", "2*t.sf(0.08, 95)")
    assert (out.verdict, out.recomputed, out.evidence) == ("consistent", "0.936", "")
