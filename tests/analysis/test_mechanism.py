"""milkbone.analysis.mechanism: evidence categories of Figure 8's arrows, by the stated rule."""

import pandas as pd
import pytest

from milkbone.analysis.mechanism import EDGE_CATEGORIES, edge_evidence
from milkbone.published import claims as registry
from milkbone.published import curated

CLAIMS = pd.DataFrame(
    {
        "claim_id": ["ok", "bad", "printed", "self"],
        "evidence": ["recomputed", "recomputed", "not-verifiable", "published"],
        "verdict": ["consistent", "discrepancy", "not-verifiable", "consistent"],
    }
)


def _edges(claim_ids, simulated_in=""):
    return pd.DataFrame(
        {
            "source": ["a"] * len(claim_ids),
            "target": ["b"] * len(claim_ids),
            "relation": ["r"] * len(claim_ids),
            "claim_ids": claim_ids,
            "simulated_in": [simulated_in] * len(claim_ids),
        }
    )


@pytest.mark.parametrize(
    ("claim_ids", "simulated_in", "category", "evidence"),
    [
        ("ok;bad", "", "contradicted by the audit", "recomputed"),  # a discrepancy wins
        ("ok;printed", "", "recomputed", "recomputed"),
        ("printed;self", "", "published association", "published"),  # self-consistent only
        ("", "30_gut_microbiota", "simulated only", "simulated"),
        ("", "", "never tested in the paper", "not-verifiable"),
    ],
)
def test_category_follows_the_rule_in_order(claim_ids, simulated_in, category, evidence):
    result = edge_evidence(_edges([claim_ids], simulated_in), CLAIMS)
    assert result.loc[0, "category"] == category
    assert result.loc[0, "evidence"] == evidence
    assert result.loc[0, "n_claims"] == len([i for i in claim_ids.split(";") if i])


def test_simulated_results_never_raise_an_arrow_above_simulated_only():
    # an arrow with a printed claim stays a published association whatever the simulation shows
    result = edge_evidence(_edges(["printed"], "21_bone_density"), CLAIMS)
    assert result.loc[0, "category"] == "published association"


def test_unknown_claim_is_named():
    with pytest.raises(ValueError, match="'nope'"):
        edge_evidence(_edges(["ok;nope"]), CLAIMS)


def test_missing_column_is_named():
    with pytest.raises(KeyError, match="simulated_in"):
        edge_evidence(_edges(["ok"]).drop(columns="simulated_in"), CLAIMS)


def test_figure8_on_the_registry():
    """The shipped reading of Figure 8: phosphorus contradicted, 25(OH)D recomputed."""
    _, edges = curated.mechanism()
    result = edge_evidence(edges, registry())
    by_target = result[result["source"] == "milk"].set_index("target")["category"]
    assert by_target["phosphorus"] == "contradicted by the audit"
    assert by_target["serum_vitamin_d"] == "recomputed"
    assert by_target["flora"] == "published association"
    assert set(result["category"]) <= set(EDGE_CATEGORIES)
    # every hypothesis of the Discussion (no claim in the Results) is never tested
    untested = result[result["n_claims"] == 0]
    assert len(untested) == 6
    assert (untested["category"] == "never tested in the paper").all()
