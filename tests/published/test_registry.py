"""Tests of milkbone.published.registry: the claims registry built from the published files."""

import pandas as pd
import pytest

from milkbone import published
from milkbone.published import registry_text

VERDICT_COLUMNS = ["evidence", "recomputed_value", "verdict", "note"]
WORDS_IDS = {
    "sentences": "sentence_id",
    "abbreviations": "abbreviation_id",
    "panels": "panel_id",
    "facts": "fact_id",
}


def test_prose_and_claims_sizes():
    assert len(published.prose()) > 150
    claims = published.claims()
    assert len(claims) > 400
    assert set(claims["check_kind"]) <= set(published.CHECK_KINDS)


def test_committed_claims_equal_a_fresh_build():
    committed = published.claims().drop(columns=VERDICT_COLUMNS)
    fresh = published.build_claims().drop(columns=VERDICT_COLUMNS)
    pd.testing.assert_frame_equal(committed, fresh)


def test_claim_inputs_name_known_cells_and_prose(all_tables):
    known = {cid for t in all_tables.values() for cid in t["cell_id"]}
    known |= set(published.prose()["prose_id"])
    for name, key in WORDS_IDS.items():
        known |= set(published.resource(name)[key])
    claims = published.claims()
    for _, claim in claims.iterrows():
        # a claim of the Abstract or the Discussion rests on other claims of the registry
        ids = set(claims["claim_id"]) if claim["check_kind"] == "supported_by" else known
        missing = [i for i in claim["inputs"].split(";") if i and i not in ids]
        assert not missing, (claim["claim_id"], missing)
    assert (
        claims.set_index("claim_id").loc["t2.l1_4_bmd.statistic", "inputs"]
        == "t2.l1_4_bmd.hcm;t2.l1_4_bmd.cm"
    )


def test_claim_verdicts_follow_evidence():
    fresh = published.build_claims()
    unverifiable = fresh["check_kind"].isin(["within_group", "not_verifiable"])
    assert (fresh.loc[unverifiable, "verdict"] == "not-verifiable").all()
    assert (fresh.loc[unverifiable, "evidence"] == "not-verifiable").all()
    assert (fresh.loc[~unverifiable, "verdict"] == "pending").all()
    assert (fresh.loc[~unverifiable, "evidence"] == "published").all()
    assert (fresh["recomputed_value"] == "").all()


def test_claims_cover_every_statistic_cell():
    claims = set(published.claims()["claim_id"])
    for n in (2, 3, 4):
        t = published.table(n)
        stat_cells = t[t["p_value"].notna()]["cell_id"]
        assert set(stat_cells) <= claims
    t5 = published.table(5)
    assert {f"t5.r{i:02d}.p" for i in range(1, 52)} <= claims
    bmd = published.claims().set_index("claim_id").loc["r3_2.l1_4.hcm.pct_6"]
    assert bmd["check_kind"] == "not_verifiable"
    assert bmd["inputs"] == ""
    assert len(t5) == 459


def test_claim_ids_must_be_unique(monkeypatch):
    duplicate = registry_text.TEXT_CLAIMS[0]
    monkeypatch.setattr(registry_text, "TEXT_CLAIMS", (duplicate, duplicate))
    with pytest.raises(ValueError, match="claim ids are not unique"):
        published.build_claims()
