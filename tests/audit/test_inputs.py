"""Tests for milkbone.audit.inputs: the printed values a claim names, looked up by id.

Independent reference: the paper's printed text (Zhao et al. 2025, §2.2, §3.5, Table 3).
"""

import pytest

from milkbone import audit


def test_printed_inputs():
    got = audit.printed_inputs(["m2_2.n_hcm", "r3_5.p", "t3.pinp.hcm.m0"])
    assert got["number"].tolist()[0] == "51"
    assert got["number"].tolist()[1].endswith("0.05")
    assert got["number"].tolist()[2] == "84.70"
    with pytest.raises(KeyError, match="not found"):
        audit.printed_inputs("nope")


def test_printed_inputs_from_registry_text():
    # the registry's semicolon-separated text; number words read as digits (§3.5 "six")
    got = audit.printed_inputs("t2.l1_4_bmd.statistic;r3_5.n_0_up;r3_3.ast.hcm.pct_6")
    assert got.columns.tolist() == ["input_id", "source", "text", "number"]
    assert got["source"].tolist() == ["t2", "prose", "prose"]
    assert got["text"].tolist() == ["−1.93", "six", "16.4%"]
    assert got["number"].tolist() == ["−1.93", "6", "16.4"]
