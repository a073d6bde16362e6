"""The audit of the paper's words on the registry: what it finds, read by hand in the paper.

Independent reference: the paper's text (Zhao et al. 2025), cited at each expectation.
"""

import pytest

from milkbone import audit


@pytest.fixture(scope="module")
def fresh():
    return audit.verify().set_index("claim_id")


# claim id -> verdict, with where a reader finds it in the paper
EXPECTED = {
    "f.trial_duration": "consistent",  # one-year, 12-month, for 12 months, 1-year (x3)
    "f.daily_volume": "consistent",  # 400 mL daily / 400 mL/day, six times
    "f.diet_assessment": "discrepancy",  # §2.2: 0, 6, 12 months; §4: monthly
    "f.adherence_contact": "discrepancy",  # §2.2: every 3 months; §4: monthly
    "f.fc_cutoff": "discrepancy",  # §2.4: FC >= 2 or <= 0.5; §3.5, §3.6: > 1.2 or < 0.833
    "f.registry_number": "consistent",
    "f.count_s3_5_p1_s1": "consistent",  # three criteria, three listed (FC > 1.2 or < 0.833)
    "f.ohd_categories": "discrepancy",  # Table 4: 25(OH)D = 12 ng/mL in no category
    "f.auc_bands": "discrepancy",  # Table 6: 0.7 and 0.9 in two bands each
    "tn.spearman": "discrepancy",  # §3.7 reports it, §2 never describes it
    "tn.metagenomeseq": "discrepancy",
    "tn.random_forest": "discrepancy",
    "tn.t_test": "consistent",
    "tn.tukey_hsd": "not-verifiable",  # §2.5 names it, no output is reported
    "sw.jamovi": "consistent",  # version 2.4.11
    "sw.metaboanalyst": "not-verifiable",  # no version
    "ab.ast": "discrepancy",  # Table 2 "aminotransferase", Table 3 "alanine transaminase"
    "ab.ctx": "discrepancy",  # a telopeptide of collagen, printed as procollagen peptides
    "ab.pinp": "discrepancy",  # "prepeptide" for propeptide
    "ab.tracp_5b": "discrepancy",  # Table 3 "anti-tartrate"
    "ab.hcm": "consistent",
    "ab.oc": "consistent",
    "fig2.panels": "discrepancy",  # (A) (B) (B) (D); §3.2 cites 2C
    "fig4.panels": "consistent",
    "abstract.results.s1.ohd_25": "consistent",
    "abstract.results.s1.phosphorus": "inconclusive",  # Table 3 p 0.046, range 0.014-0.141
    "abstract.results.s1.femoral_neck": "discrepancy",  # §3.2: both arms gained at 6 m
    "abstract.results.s2.beta_diversity": "discrepancy",  # §3.4 reports it at 6 m, not 12
    "abstract.results.s2.less_abundant": "discrepancy",  # Firmicutes 0.357 (HCM) > 0.296
    "abstract.results.s1.l1_4_bmd": "not-verifiable",  # Figure 2A only
    "abstract.registry.s1.registry": "consistent",
    "s4.p7.s1.phosphorus": "discrepancy",  # HCM 1.07 at 0 and 6 m, within-arm p 0.893
    "s4.p7.s4.tolerated": "not-verifiable",  # nothing reported behind it
}


def test_the_audit_finds_what_a_reader_finds(fresh):
    got = {cid: fresh.loc[cid, "verdict"] for cid in EXPECTED}
    assert got == EXPECTED


def test_every_word_claim_is_decided_and_explained(fresh):
    words = fresh[
        fresh["check_kind"].isin(audit.VERDICTS_BY_KIND)
        & fresh.index.str.match(r"^(f|tn|sw|ab)\.|^fig\d\.panels$|^abstract\.|^s4\.")
    ]
    assert len(words) == 139
    assert "pending" not in set(words["verdict"])
    assert (words["note"].str.len() > 0).all()
    decided = words["verdict"].isin(["consistent", "discrepancy", "inconclusive"])
    assert words.loc[decided, "evidence"].isin(["published", "recomputed"]).all()
    assert (words.loc[~decided, "evidence"] == "not-verifiable").all()


def test_a_counted_list_fails_when_its_count_is_edited(fresh):
    # §2.3: "three time points: pre-intervention (baseline), 6 months, and 12 months"
    fact = "f.count_s2_3_p1_s2.1"
    assert fresh.loc["f.count_s2_3_p1_s2", "verdict"] == "consistent"
    claim = fresh.loc[["f.count_s2_3_p1_s2"]].reset_index()
    assert audit.verify(claim).loc[0, "verdict"] == "consistent"
    # edited: the paper printed "four time points"
    edited = audit.verify(claim, overrides={fact: "four"})
    assert edited.loc[0, "verdict"] == "discrepancy"
