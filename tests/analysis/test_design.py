"""milkbone.analysis.design: daily intake and flow arithmetic, checked by hand."""

from __future__ import annotations

import pandas as pd
import pytest

from milkbone.analysis import design


def _milk():
    return pd.DataFrame(
        {
            "nutrient": ["Calcium", "Calcium", "Vitamin D", "Vitamin D"],
            "unit": ["mg", "mg", "µg", "µg"],
            "group": ["HCM", "CM", "HCM", "CM"],
            "per_100g": [200.0, 110.0, 1.3, float("nan")],
        }
    )


def test_daily_intake_by_hand():
    # 400 mL × 1.03 g/mL = 412 g; 200 mg/100 g × 4.12 = 824 mg; 110 × 4.12 = 453.2 mg;
    # 1.3 µg × 4.12 = 5.356 µg
    out = design.daily_intake(_milk())
    assert out["per_day"].tolist()[:3] == pytest.approx([824.0, 453.2, 5.356], abs=1e-9)
    assert pd.isna(out["per_day"].iloc[3])
    assert set(out["evidence"]) == {"recomputed"}
    assert out["grams_per_day"].iloc[0] == pytest.approx(412.0)


def test_daily_intake_follows_volume_and_density():
    out = design.daily_intake(_milk(), daily_volume_ml=250, density_g_per_ml=1.0)
    assert out["per_day"].iloc[0] == pytest.approx(500.0)


@pytest.mark.parametrize("bad", [0, -1.0, float("nan")])
def test_daily_intake_refuses_non_positive_density(bad):
    with pytest.raises(ValueError, match="density must be a positive number"):
        design.daily_intake(_milk(), density_g_per_ml=bad)


def test_daily_intake_names_a_missing_column():
    with pytest.raises(KeyError, match="composition is missing column"):
        design.daily_intake(_milk().drop(columns="unit"))


def test_flow_arithmetic_detects_counts_that_do_not_add_up():
    good = design.flow_arithmetic(enrolled=104, withdrawn=7, analysed={"HCM": 51, "CM": 46})
    assert bool(good["holds"].iloc[0])
    bad = design.flow_arithmetic(enrolled=104, withdrawn=6, analysed={"HCM": 51, "CM": 46})
    assert not bool(bad["holds"].iloc[0])
    assert bad["left"].iloc[0] == 98


def test_flow_arithmetic_refuses_fractional_counts():
    with pytest.raises(ValueError, match="whole number"):
        design.flow_arithmetic(enrolled=104.5, withdrawn=7, analysed={"HCM": 51})


def _flow(**overrides):
    values = {
        "enrolled.s2_1": 104,
        "enrolled.s3_1": 104,
        "withdrawn.s2_1": 7,
        "withdrawn.s3_1": 7,
        "analysed.hcm.s3_1": 51,
        "analysed.cm.s3_1": 46,
        "withdrawn.hcm": None,  # not stated in the paper: ignored
        **overrides,
    }
    return pd.DataFrame({"flow_id": list(values), "value": list(values.values())})


def test_flow_counts_reads_each_count_once():
    assert design.flow_counts(_flow()) == {
        "enrolled": 104,
        "withdrawn": 7,
        "analysed": {"HCM": 51, "CM": 46},
    }


def test_flow_counts_refuses_places_that_disagree():
    with pytest.raises(ValueError, match="no single count for 'enrolled'"):
        design.flow_counts(_flow(**{"enrolled.s3_1": 97}))


def test_milk_composition_keeps_paper_order_and_hcm_first():
    table1 = pd.DataFrame(
        {
            "row_label": ["Energy, kJ", "Energy, kJ", "Vitamin D, μg", "Vitamin D, μg"],
            "group": ["HCM", "CM", "HCM", "CM"],
            "value": [270.0, 270.0, 1.3, None],
            "unit": ["kJ", "kJ", "μg", "μg"],
            "cell_text": ["270", "270", "1.3", "–"],
        }
    )
    out = design.milk_composition(table1)
    assert out["nutrient"].tolist() == ["Energy", "Energy", "Vitamin D", "Vitamin D"]
    assert out["group"].tolist() == ["HCM", "CM", "HCM", "CM"]
    assert pd.isna(out["per_100g"].iloc[3]) and out["printed"].iloc[3] == "–"


def test_side_by_side_keeps_only_printed_rows_and_blanks():
    long = pd.DataFrame(
        {
            "nutrient": ["Energy", "Energy", "Vitamin D", "Vitamin D"],
            "unit": ["kJ", "kJ", "µg", "µg"],
            "group": ["CM", "HCM", "HCM", "CM"],
            "per_day": [1112.4, 1112.4, 5.356, float("nan")],
        }
    )
    wide = design.side_by_side(long, values="per_day")
    assert wide[["nutrient", "unit"]].values.tolist() == [["Energy", "kJ"], ["Vitamin D", "µg"]]
    assert wide.columns.tolist() == ["nutrient", "unit", "HCM", "CM"]
    assert wide["HCM"].tolist() == pytest.approx([1112.4, 5.356])
    assert pd.isna(wide["CM"].iloc[1])
