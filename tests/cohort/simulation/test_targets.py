"""Tests of milkbone.cohort.simulation.targets: calibration inputs from the printed numbers."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from milkbone.cohort.simulation import targets

PUBLISHED_DIR = Path(__file__).resolve().parents[3] / "data" / "published"


def test_resolve_categories_rejects_counts_above_n(inputs):
    categories = inputs["categories"].copy()
    categories.loc[0, "count"] += 100
    with pytest.raises(
        ValueError, match=r"Table 4 counts for \w+ at month \d+ add up to \d+, more than n"
    ):
        targets.resolve_categories(categories, inputs["targets"])


def test_follow_up_targets_needs_a_baseline():
    base = pd.DataFrame(
        {"measure": ["x"], "group": ["HCM"], "month": [0], "mean": [1.0], "sd": [0.1], "n": [5]}
    )
    steps = pd.DataFrame(
        {
            "measure": ["y"],
            "group": ["HCM"],
            "month": [6],
            "percent_change": [1.0],
            "reference_month": [0],
        }
    )
    with pytest.raises(ValueError, match="no single baseline target for 'y' in group 'HCM'"):
        targets.follow_up_targets(base, steps)
    steps = steps.assign(measure="x", reference_month=6, month=12)
    with pytest.raises(ValueError, match="reference month 6 has no target"):
        targets.follow_up_targets(base, steps)


def _inputs_from_csv() -> dict:
    """Calibration inputs from the transcribed CSVs, not through milkbone.published."""
    t2 = pd.read_csv(
        PUBLISHED_DIR / "table2_baseline.csv", dtype={"mean_text": str, "sd_text": str}
    )
    t3 = pd.read_csv(
        PUBLISHED_DIR / "table3_biochemistry.csv", dtype={"mean_text": str, "sd_text": str}
    )
    t3 = t3[t3["cell_kind"] == "mean_sd"]
    summary = pd.concat([t2.dropna(subset=["mean"]), t3], ignore_index=True)
    summary = summary.rename(columns={"table": "source"})
    found = targets.targets_from_summary(summary)
    prose = pd.read_csv(PUBLISHED_DIR / "prose_numbers.csv")
    table4 = pd.read_csv(PUBLISHED_DIR / "table4_vitamin_d_categories.csv")
    return {
        "targets": found,
        "changes": targets.bmd_changes_from_prose(prose),
        "categories": targets.categories_from_table4(table4),
        "age_range": targets.age_range_from_prose(prose, found),
    }


def test_published_inputs_equal_those_read_from_the_csvs(inputs):
    direct = _inputs_from_csv()
    assert inputs["age_range"] == direct["age_range"] == (48, 73)
    for key in ("targets", "changes", "categories"):
        pd.testing.assert_frame_equal(
            inputs[key].reset_index(drop=True), direct[key].reset_index(drop=True)
        )


def test_targets_prefer_table_2_at_baseline(inputs):
    found = inputs["targets"].set_index(["measure", "group", "month"])
    # PINP HCM baseline: Table 2 prints 84.67 ± 48.256, Table 3 repeats it as 84.70
    assert found.loc[("pinp", "HCM", 0), "mean"] == pytest.approx(84.67, abs=1e-9)
    assert found.loc[("pinp", "HCM", 0), "source"] == "Table 2"
    assert found.loc[("age", "HCM", 0), "mean_decimals"] == 1


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("m12 vs m0", (0, 12)),
        ("m12 vs. m6", (6, 12)),
        ("m0-m6", (0, 6)),
        ("m6–m12", (6, 12)),
        ("m6", None),
    ],
)
def test_time_span(text, span):
    assert targets.time_span(text) == span


def test_bmd_changes_stated_and_assumed(inputs):
    changes = inputs["changes"]
    assert len(changes) == 20
    stated = changes[changes["assumption"] == "stated in §3.2"]
    assert len(stated) == 10  # as listed in test_simulation.STATED_BMD_CHANGES
    row = stated[(stated["measure"] == "left_hip_bmd") & (stated["group"] == "CM")]
    assert sorted(row["percent_change"]) == pytest.approx([-0.7, -0.1], abs=1e-9)


def test_age_range_without_prose_is_mean_plus_minus_2_5_sd():
    found = pd.DataFrame(
        {
            "measure": ["age", "age"],
            "group": ["HCM", "CM"],
            "month": [0, 0],
            "mean": [60.0, 66.0],
            "sd": [4.0, 2.0],
        }
    )
    prose = pd.DataFrame(columns=["measure", "statistic", "value"])
    # HCM 60 ± 10 = 50–70, CM 66 ± 5 = 61–71: lowest from HCM, highest from CM
    assert targets.age_range_from_prose(prose, found) == (50, 71)
