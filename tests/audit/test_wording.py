"""Tests for milkbone.audit.wording: the paper's words against its other words.

Independent references: the paper's text, read by hand (Zhao et al. 2025: §2.2 and §4
for the diet schedule, Table 4's and Table 6's footnotes for the bounds, Tables 2 and 3
for the expansions, Figure 2's caption and §3.2 for the panels), and the IOF-IFCC and
IFCC names of the markers (Vasikaran et al. 2011; EC 2.6.1.1). Each check passes on one
case and fails on the same case with one printed value edited.
"""

import pytest

from milkbone import audit


def _verdict(frame):
    assert frame.shape[0] == 1
    return frame.loc[0, "verdict"]


def test_same_fact_passes_and_fails():
    durations = {"Abstract": "12 months", "§2.2": "12 months", "§4": "12 months"}
    assert _verdict(audit.check_same_fact(durations)) == "consistent"
    # §4's limitations: dietary habits assessed "at baseline and during monthly follow-ups"
    diet = {"§2.2": "0;6;12", "§4": "0;monthly"}
    res = audit.check_same_fact(diet, quantity="diet")
    assert _verdict(res) == "discrepancy"
    assert "'0;monthly' (§4)" in res.loc[0, "note"]
    # edited: had §4 printed "at baseline, 6 and 12 months"
    assert _verdict(audit.check_same_fact({**diet, "§4": "0;6;12"})) == "consistent"
    with pytest.raises(ValueError, match="at least 2 place"):
        audit.check_same_fact({"§2.2": "0;6;12"})


def test_category_bounds_find_the_gap_and_the_overlaps():
    # Table 4: normal >= 20, insufficient 12 < x < 20, deficient < 12: 12 belongs nowhere
    table4 = {"normal": "[20,inf)", "insufficient": "(12,20)", "deficient": "[0,12)"}
    res = audit.check_category_bounds(table4)
    assert _verdict(res) == "discrepancy"
    assert res.loc[0, "note"] == "gap: 12 is in neither deficient nor insufficient"
    # edited: "12 <= 25(OH)D < 20" closes the gap
    assert _verdict(audit.check_category_bounds({**table4, "insufficient": "[12,20)"})) == (
        "consistent"
    )
    # Table 6: 0.5-0.7, 0.7-0.9, 0.9 and above: 0.7 and 0.9 sit in two bands each
    bands = {"less": "[0.5,0.7]", "some": "[0.7,0.9]", "high": "[0.9,1]"}
    res = audit.check_category_bounds(bands)
    assert _verdict(res) == "discrepancy"
    assert res.loc[0, "recomputed"] == "2 fault(s)"
    half_open = {"less": "[0.5,0.7)", "some": "[0.7,0.9)", "high": "[0.9,1]"}
    assert _verdict(audit.check_category_bounds(half_open)) == "consistent"
    # a true gap between two numbers
    assert "(12, 13)" in audit.check_category_bounds({"a": "[0,12]", "b": "[13,20]"}).loc[0, "note"]
    with pytest.raises(ValueError, match="bounds must be intervals"):
        audit.check_category_bounds({"a": "0-12", "b": "[12,20]"})


def test_tests_named_passes_and_fails():
    # §2.5 names t-tests; Table 2's footnote reports them
    assert _verdict(audit.check_tests_named("t-test", methods=["s2_5"], results=["t2"])) == (
        "consistent"
    )
    # §3.7 reports Spearman correlations; no Methods sentence describes them
    res = audit.check_tests_named("Spearman", methods=[], results=["s3_7.p1.s2"])
    assert _verdict(res) == "discrepancy"
    assert "described nowhere in the Methods" in res.loc[0, "note"]
    # edited: had §2.5 named it
    assert _verdict(audit.check_tests_named("Spearman", methods=["s2_5"], results=["s3_7"])) == (
        "consistent"
    )
    assert _verdict(audit.check_tests_named("Tukey HSD", methods=["s2_5"], results=[])) == (
        "not-verifiable"
    )
    with pytest.raises(ValueError, match="no place names it"):
        audit.check_tests_named("x", methods=[], results=[])


def test_versions_pass_and_fail():
    assert _verdict(audit.check_versions("QIIME", {"§2.4": "1.9.0"})) == "consistent"
    # edited: a second mention printing another release
    assert _verdict(audit.check_versions("QIIME", {"§2.4": "1.9.0", "§3.4": "1.9.1"})) == (
        "discrepancy"
    )
    res = audit.check_versions("MetaboAnalyst", {"§3.5": "", "§3.6": ""})
    assert _verdict(res) == "not-verifiable"
    assert res.loc[0, "note"] == "named 2 time(s), no version printed"


def test_expansions_against_each_other_and_the_standard():
    standard = ["aspartate aminotransferase", "aspartate transaminase"]
    printed = {"Table 2": "aminotransferase", "Table 3": "alanine transaminase"}
    res = audit.check_expansions("AST", printed, standard=standard)
    assert _verdict(res) == "discrepancy"
    assert "2 different expansions" in res.loc[0, "note"]
    assert "not the standard meaning" in res.loc[0, "note"]
    # edited: both footnotes print the standard name
    fixed = {"Table 2": "aspartate aminotransferase", "Table 3": "Aspartate aminotransferase"}
    assert _verdict(audit.check_expansions("AST", fixed, standard=standard)) == "consistent"
    # one printed expansion off the standard is enough (PINP: "prepeptide" twice)
    pinp = {"Table 2": "type I procollagen N-terminal prepeptide"} | {
        "Table 3": "type I procollagen N-terminal prepeptide"
    }
    pinp_standard = [
        "procollagen type I N-terminal propeptide",
        "type I procollagen N-terminal propeptide",
    ]
    assert _verdict(audit.check_expansions("PINP", pinp, standard=pinp_standard)) == ("discrepancy")
    # a coined term compares only with itself
    arms = {"Figure 1": "High Calcium Milk Group", "§2.2": "high-calcium milk group"}
    assert _verdict(audit.check_expansions("HCM", arms)) == "consistent"
    assert _verdict(audit.check_expansions("HCM", {**arms, "x": "high calcium group"})) == (
        "discrepancy"
    )
    assert _verdict(audit.check_expansions("CM0", {"Figure 2": "control milk at 0"})) == (
        "not-verifiable"
    )


def test_normalise_term():
    assert audit.normalise_term("human tartrate‑resistant acid phosphatase 5b") == (
        "tartrate resistant acid phosphatase 5b"
    )
    assert audit.normalise_term("Short-chain fatty acids") == "short chain fatty acid"


def test_panel_letters_pass_and_fail():
    # Figure 2: caption (A) (B) (B) (D); §3.2 cites 2A, 2B, 2C, 2D
    res = audit.check_panel_letters(2, caption=list("ABBD"), cited=list("ABCD"))
    assert _verdict(res) == "discrepancy"
    # edited: the second (B) printed as (C)
    assert _verdict(audit.check_panel_letters(2, caption=list("ABCD"), cited=list("ABCD"))) == (
        "consistent"
    )
    # a panel cited but not described
    res = audit.check_panel_letters(5, caption=list("AB"), cited=list("ABC"))
    assert "cites C" in res.loc[0, "note"]
    with pytest.raises(ValueError, match="describes no panel"):
        audit.check_panel_letters(9, caption=[], cited=["A"])
