"""Tests for milkbone.audit.dispatch: every check kind declares the verdicts it can return.

Independent references: the paper's Table 3 (PINP and phosphorus at 6 months) and
scipy's two-sample t test, quoted in comments.
"""

import pandas as pd
import pytest

from milkbone import VERDICTS, audit, published
from milkbone.published import CHECK_KINDS


def test_every_kind_declares_its_verdicts():
    assert set(audit.VERDICTS_BY_KIND) == set(CHECK_KINDS)
    for kind, verdicts in audit.VERDICTS_BY_KIND.items():
        assert set(verdicts) <= set(VERDICTS), kind


def test_every_checkable_kind_can_fail():
    for kind, verdicts in audit.VERDICTS_BY_KIND.items():
        if kind in ("within_group", "not_verifiable"):
            assert verdicts == ("not-verifiable",)
            continue
        assert len(verdicts) >= 2, kind
        assert "discrepancy" in verdicts, kind


def test_the_audit_returns_only_declared_verdicts():
    fresh = audit.verify()
    for kind, rows in fresh.groupby("check_kind"):
        assert set(rows["verdict"]) <= set(audit.VERDICTS_BY_KIND[kind]), kind


def _claim(cid: str, **changes) -> pd.DataFrame:
    row = published.claims().set_index("claim_id").loc[[cid]].reset_index()
    for column, value in changes.items():
        row[column] = value
    return row


def test_between_arm_p_passes_and_fails_on_the_printed_value():
    # PINP at 6 m: t tests give p 0.0056 (scipy ttest_ind_from_stats(66.26, 37.53, 51,
    # 88.04, 38.08, 46)); printed 0.001 is not reproduced but is significant alike.
    assert audit.verify(_claim("t3.pinp.between.m6")).loc[0, "verdict"] == "not-verifiable"
    # printed 0.0056 is reproduced and significant: consistent
    ok = audit.verify(_claim("t3.pinp.between.m6", published_value="0.0056"))
    assert ok.loc[0, "verdict"] == "consistent"
    # printed 0.210 would call the difference not significant: no t test agrees
    bad = audit.verify(_claim("t3.pinp.between.m6", published_value="0.210"))
    assert bad.loc[0, "verdict"] == "discrepancy"
    assert "no t test gives the significance printed" in bad.loc[0, "note"]


def test_straddling_p_is_inconclusive_until_the_inputs_decide():
    claim = _claim("t3.phosphorus.between.m6")
    assert audit.verify(claim).loc[0, "verdict"] == "inconclusive"
    # One more printed decimal on both means (scipy over the rounding box):
    # 1.070 vs 1.030 still gives p 0.043 to 0.057 (straddles 0.05);
    three = {"t3.phosphorus.hcm.m6": "1.070 ± 0.091", "t3.phosphorus.cm.m6": "1.030 ± 0.107"}
    assert audit.verify(claim, overrides=three).loc[0, "verdict"] == "inconclusive"
    # 1.070 vs 1.040 gives p 0.125 to 0.155: the printed 0.046 would be wrong.
    fails = {**three, "t3.phosphorus.cm.m6": "1.040 ± 0.107"}
    out = audit.verify(claim, overrides=fails)
    assert out.loc[0, "verdict"] == "discrepancy"
    assert "is not significant at 0.05" in out.loc[0, "note"]
    # 1.070 vs 1.020 gives p 0.012 to 0.017: significant, but not 0.046 by a t test.
    other = {**three, "t3.phosphorus.cm.m6": "1.020 ± 0.107"}
    assert audit.verify(claim, overrides=other).loc[0, "verdict"] == "not-verifiable"


def test_an_undeclared_verdict_is_refused(monkeypatch):
    from milkbone.audit import dispatch

    monkeypatch.setitem(dispatch.VERDICTS_BY_KIND, "p_range", ("consistent",))
    with pytest.raises(ValueError, match="which it does not declare"):
        audit.verify(_claim("t5.r01.p"))
