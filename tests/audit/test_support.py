"""Tests for milkbone.audit.support: claims of the Abstract and the Discussion, checked
through the Results rows they rest on.

Independent references: the paper's printed numbers (Table 3, §3.2, §3.4), read by hand,
and the verdicts the audit gives those Results rows (tested in test_verify.py).
"""

import pytest

from milkbone import audit, published


def test_order_allows_for_rounding():
    # §3.4 at 6 months: Firmicutes HCM 0.357, CM 0.296; "decreasing Firmicutes" needs HCM < CM
    assert audit.check_order("0.357", "0.296", relation="<").loc[0, "verdict"] == "discrepancy"
    # edited: HCM printed 0.290
    assert audit.check_order("0.290", "0.296", relation="<").loc[0, "verdict"] == "consistent"
    # Table 3: HCM phosphorus 1.07 at 0 and 6 months: a rise cannot be told
    assert audit.check_order("1.07", "1.07", relation=">").loc[0, "verdict"] == "inconclusive"
    # 1.07 and 1.06 both allow 1.065: still undecided; 1.07 against 1.05 is not
    assert audit.check_order("1.07", "1.06", relation=">").loc[0, "verdict"] == "inconclusive"
    assert audit.check_order("1.07", "1.05", relation=">").loc[0, "verdict"] == "consistent"
    with pytest.raises(ValueError, match="relation must be"):
        audit.check_order("1", "2", relation=">=")


def test_change_direction():
    # §3.2: CM femoral neck rose 0.5% in six months; "slowed bone loss" needs a fall
    assert audit.check_change("increase", wanted="fall").loc[0, "verdict"] == "discrepancy"
    assert audit.check_change("decrease", wanted="fall").loc[0, "verdict"] == "consistent"
    assert audit.check_change("", wanted="rise").loc[0, "verdict"] == "inconclusive"
    with pytest.raises(ValueError, match="wanted must be"):
        audit.check_change("increase", wanted="up")


def test_support_inherits_the_worst_verdict():
    res = audit.check_support({"a": "consistent", "b": "not-verifiable", "c": "inconclusive"})
    assert res.loc[0, "verdict"] == "inconclusive"
    assert audit.check_support({"a": "consistent"}).loc[0, "verdict"] == "consistent"
    assert audit.check_support({"a": "consistent", "b": "discrepancy"}).loc[0, "verdict"] == (
        "discrepancy"
    )
    empty = audit.check_support({})
    assert empty.loc[0, ["verdict", "evidence"]].tolist() == ["not-verifiable", "not-verifiable"]
    with pytest.raises(ValueError, match="verdicts must be in"):
        audit.check_support({"a": "pending"})


@pytest.fixture(scope="module")
def registry():
    return published.claims()


def test_statements_pass_and_fail_on_edited_numbers(registry):
    # §4, paragraph 7: fortified milk raised vitamin D; Table 3 prints HCM 23.86 against
    # CM 17.08 at 12 months and the between-arm p is consistent
    cid = "s4.p7.s1.vitamin_d"
    fresh = audit.verify(registry).set_index("claim_id")
    assert fresh.loc[cid, "verdict"] == "consistent"
    # edited: HCM's 12-month mean printed 16.00
    edited = audit.verify(registry, overrides={"t3.ohd_25.hcm.m12": "16.00 ± 6.748"})
    row = edited.set_index("claim_id").loc[cid]
    assert row["verdict"] == "discrepancy"
    assert "16.00 > t3.ohd_25.cm.m12 17.08: does not hold" in row["note"]


def test_a_stated_visit_must_match_the_results(registry):
    fresh = audit.verify(registry).set_index("claim_id")
    # the Abstract puts the change of beta-diversity at 12 months; §3.4 reports it at 6
    row = fresh.loc["abstract.results.s2.beta_diversity"]
    assert row["verdict"] == "discrepancy"
    assert "the sentence states m12, r3_4.beta_p is reported at m6" in row["note"]
    # the same claim stated at 6 months would only inherit r3_4.beta_p's verdict
    claims = registry.copy()
    claims.loc[claims["claim_id"] == "abstract.results.s2.beta_diversity", "timepoint"] = "m6"
    again = audit.verify(claims).set_index("claim_id")
    assert again.loc["abstract.results.s2.beta_diversity", "verdict"] == "not-verifiable"


def test_claims_with_nothing_behind_them_say_so(registry):
    fresh = audit.verify(registry).set_index("claim_id")
    row = fresh.loc["abstract.conclusions.s1.delay_osteoporosis"]
    assert row["inputs"] == ""
    assert row[["verdict", "evidence", "recomputed_value"]].tolist() == [
        "not-verifiable",
        "not-verifiable",
        "no Results row",
    ]
    assert row["note"] == "no result in the Results bears on it"


def test_support_refuses_unknown_or_chained_claims(registry):
    claims = registry.copy()
    at = claims["claim_id"] == "s4.p7.s2.gut_flora"
    claims.loc[at, "inputs"] = "no.such.claim"
    with pytest.raises(KeyError, match="rests on claims not in the registry"):
        audit.verify(claims)
    claims.loc[at, "inputs"] = "s4.p7.s2.markers"
    with pytest.raises(ValueError, match="rests on another supported_by claim"):
        audit.verify(claims)


def test_sentence_tables(registry):
    fresh = audit.verify(registry)
    # Abstract, Results sentence 1 (counted by hand): six claims, one each about spine BMD,
    # left hip, femoral neck, phosphorus, 25(OH)D and PINP
    claims = audit.sentence_claims(fresh, "abstract.results.s1")
    assert len(claims) == 6
    assert claims["verdict"].tolist() == [
        "not-verifiable",
        "not-verifiable",
        "discrepancy",
        "inconclusive",
        "consistent",
        "not-verifiable",
    ]
    assert claims.loc[3, "sections"] == "3.3"
    table = audit.sentence_verdicts(fresh, prefix="abstract.")
    assert len(table) == 8  # every sentence of the Abstract
    assert table["claims"].sum() == 18
    assert (
        table[["consistent", "discrepancy", "inconclusive", "not-verifiable"]].sum(axis=1)
        == table["claims"]
    ).all()
    worst = table.set_index("sentence_id")["worst"]
    assert worst["abstract.results.s2"] == "discrepancy"
    with pytest.raises(ValueError, match="makes no claim"):
        audit.sentence_claims(fresh, "abstract.results.s9")
