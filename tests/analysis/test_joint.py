"""milkbone.analysis.joint: blocks by participant and visit, the five panels, named pairs."""

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from milkbone.analysis import joint
from milkbone.published import claims as registry
from milkbone.published import curated


def _visits():
    rng = np.random.default_rng(3)
    people = [f"P{i:02d}" for i in range(12)]
    frame = pd.DataFrame(
        {
            "participant": np.repeat(people, 2),
            "month": np.tile([0, 12], 12),
            "l1_4_bmd": rng.normal(1.0, 0.1, 24),
            "calcium": rng.normal(2.4, 0.1, 24),
        }
    )
    return frame.sample(frac=1, random_state=1)  # row order must not matter


def test_measure_block_takes_one_visit_by_participant():
    visits = _visits()
    block = joint.measure_block(visits, measures=["calcium", "l1_4_bmd"], month=12)
    assert list(block.columns) == ["calcium", "l1_4_bmd"]
    at12 = visits[visits["month"] == 12].set_index("participant")
    pd.testing.assert_series_equal(
        block["calcium"].sort_index(), at12["calcium"].sort_index(), check_names=False
    )


def test_two_samples_of_one_woman_at_one_visit_are_refused():
    visits = pd.concat([_visits(), _visits().head(1).assign(month=12)])
    with pytest.raises(ValueError, match="two samples at month 12"):
        joint.measure_block(visits, measures=["calcium"], month=12)


def test_unknown_variable_is_named():
    with pytest.raises(ValueError, match="'osteocalcin'"):
        joint.measure_block(_visits(), measures=["osteocalcin"], month=12)


def test_taxa_block_is_total_sum_scaled_by_participant():
    counts = pd.DataFrame([[2, 2, 6], [1, 3, 0]], index=["s1", "s2"], columns=["f1", "f2", "f3"])
    taxonomy = pd.DataFrame(
        {"genus": ["Bacteroides", "Bacteroides", "Sutterella"]}, index=["f1", "f2", "f3"]
    )
    samples = pd.DataFrame({"participant": ["a", "b"], "month": [12, 12]}, index=["s1", "s2"])
    block = joint.taxa_block(
        counts, taxonomy, samples, taxa=["Sutterella", "Bacteroides"], month=12
    )
    # by hand: s1 = 4/10 Bacteroides, 6/10 Sutterella; s2 = 4/4 Bacteroides
    assert block.loc["a"].tolist() == pytest.approx([0.6, 0.4])
    assert block.loc["b"].tolist() == pytest.approx([0.0, 1.0])


def test_feature_block_refuses_a_name_on_two_features():
    intensities = pd.DataFrame([[1.0, 2.0]], index=["s1"], columns=["F1", "F2"])
    features = pd.DataFrame({"name": ["Adenin", "Adenin"]}, index=["F1", "F2"])
    samples = pd.DataFrame({"participant": ["a"], "month": [12]}, index=["s1"])
    with pytest.raises(ValueError, match="name several features"):
        joint.feature_block(intensities, features, samples, names=["Adenin"], month=12)


def _blocks():
    rng = np.random.default_rng(11)
    people = pd.Index([f"P{i:02d}" for i in range(30)], name="participant")
    frame = lambda cols: pd.DataFrame(rng.normal(size=(30, len(cols))), index=people, columns=cols)  # noqa: E731
    return {
        "markers": frame(["l1_4_bmd", "calcium"]),
        "genera": frame(["Faecalibacterium", "Sutterella", "Bacteroides"]),
        "serum": frame(["Adenin"]),
        "fecal": frame(["D-Glucarate", "Adenin"]),
    }


def test_figure7_panels_match_scipy():
    blocks = _blocks()
    result = joint.figure7(blocks, evidence="simulated")
    assert result.groupby("panel").size().to_dict() == {"A": 6, "B": 2, "C": 4, "D": 3, "E": 6}
    row = result[(result["panel"] == "D") & (result["left"] == "Sutterella")].iloc[0]
    rho, p = stats.spearmanr(blocks["genera"]["Sutterella"], blocks["serum"]["Adenin"])
    assert row["rho"] == pytest.approx(rho, abs=1e-12)
    assert row["p"] == pytest.approx(p, abs=1e-12)
    summary = joint.panel_summaries(result)
    assert summary["tests"].tolist() == [6, 2, 4, 3, 6]
    assert summary["expected_by_chance"].tolist() == pytest.approx([0.3, 0.1, 0.2, 0.15, 0.3])


def test_missing_block_is_named():
    blocks = _blocks()
    del blocks["fecal"]
    with pytest.raises(KeyError, match="fecal"):
        joint.figure7(blocks, evidence="simulated")


def test_named_pairs_carry_printed_p_and_verdict():
    result = joint.figure7(_blocks(), evidence="simulated")
    pairs = pd.DataFrame(
        {
            "claim_id": ["r3_7.l1_4.faecalibacterium.p"],
            "panel": ["A"],
            "left": ["l1_4_bmd"],
            "right": ["Faecalibacterium"],
        }
    )
    named = joint.named_pairs(result, pairs, registry())
    assert named.loc[0, "printed_p"] == "p\u202f=\u202f0.016"  # §3.7 as printed (narrow spaces)
    assert named.loc[0, "verdict"] == "not-verifiable"
    bad = pairs.assign(right=["Bacteroides"], panel=["B"])
    with pytest.raises(ValueError, match="not among the correlations"):
        joint.named_pairs(result, bad, registry())


def test_shipped_pairs_name_variables_of_the_shipped_blocks():
    variables, pairs = curated.figure7()
    assert len(pairs) == 11  # the eleven correlations §3.7 names
    for panel, (left, right) in joint.PANELS.items():
        mine = pairs[pairs["panel"] == panel]
        held = variables.groupby("block")["variable"].agg(set)
        assert set(mine["left"]) <= held[left] and set(mine["right"]) <= held[right]


def test_within_arm_panels_use_only_that_arms_women():
    blocks = _blocks()
    people = blocks["markers"].index
    arms = pd.Series(["HCM"] * 15 + ["CM"] * 15, index=people)
    result = joint.figure7_by_arm(blocks, arms, evidence="simulated")
    assert set(result["group"]) == {"HCM", "CM"}
    assert (result["n"] == 15).all()
    row = result[(result["group"] == "CM") & (result["panel"] == "A")].iloc[0]
    cm = people[15:]
    rho, _ = stats.spearmanr(
        blocks["markers"].loc[cm, row["left"]], blocks["genera"].loc[cm, row["right"]]
    )
    assert row["rho"] == pytest.approx(rho, abs=1e-12)
    summary = joint.panel_summaries(result, by="group")
    assert summary[["panel", "group"]].drop_duplicates().shape[0] == 10
