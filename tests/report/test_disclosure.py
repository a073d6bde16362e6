"""Real-data disclosure rules (milkbone.report.disclosure), decided by the evidence level
and applied by report.show_table."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from milkbone import cohort, report


def _table():
    return pd.DataFrame(
        {"group": ["CM", "HCM"], "count": [41, 2], "n": [51, 4], "mean": [24.2, 9.1]}
    )


def test_simulated_tables_are_shown_in_full():
    table = _table()
    assert report.guard(table, evidence="simulated") is table
    assert report.guard(table, evidence=["published", "simulated"]) is table


def test_real_data_blank_small_counts_and_the_summaries_of_small_rows():
    shown = report.guard(_table(), evidence="observed")
    assert shown["count"].tolist()[0] == 41 and pd.isna(shown["count"].iloc[1])
    assert pd.isna(shown["n"].iloc[1]) and pd.isna(shown["mean"].iloc[1])
    assert shown["mean"].iloc[0] == pytest.approx(24.2)


def test_one_observed_level_among_several_is_enough():
    shown = report.guard(_table(), evidence=["published", "observed"])
    assert pd.isna(shown["count"].iloc[1])


def test_real_data_refuse_participant_level_tables():
    with pytest.raises(ValueError, match="participant"):
        report.guard(pd.DataFrame({"participant": ["P001"], "age": [61]}), evidence="observed")


def test_show_table_applies_the_rules(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr("IPython.display.display", lambda obj: shown.append(obj.data))
    report.show_table(_table(), caption="c", evidence="observed")
    assert ">41<" in shown[1] and ">2<" not in shown[1]


def test_loading_real_data_gives_the_observed_level(tmp_path):
    cohort.simulate(seed=3, out=tmp_path)
    assert cohort.load(tmp_path).evidence == "simulated"
    marker = tmp_path / "dataset.json"
    meta = json.loads(marker.read_text())
    meta["kind"] = "real"
    marker.write_text(json.dumps(meta))
    data = cohort.load(tmp_path)
    assert data.evidence == "observed"
    assert pd.isna(report.guard(_table(), evidence=data.evidence)["count"].iloc[1])


def test_published_columns_and_months_are_never_blanked():
    table = pd.DataFrame(
        {
            "measure": "ohd_25",
            "group": ["HCM", "CM"],
            "month": [6, 6],
            "n": [4, 8],
            "mean": [22.1, 17.3],
            "sd": [5.0, 4.2],
            "published_n": [51, 46],
            "published_mean": [23.86, 17.08],
        }
    )
    shown = report.guard(table, evidence="observed")
    assert shown["month"].tolist() == [6, 6]
    assert shown["published_n"].tolist() == [51, 46]
    assert shown["published_mean"].tolist() == [23.86, 17.08]
    assert shown[["n", "mean", "sd"]].iloc[0].isna().all()
    assert shown["mean"].iloc[1] == pytest.approx(17.3, abs=1e-12)


def test_a_between_arm_row_with_a_small_arm_is_blanked_whole():
    # compare_groups' columns; by hand: n − n_cm would give the 4, the mean is the arm's
    table = pd.DataFrame(
        {
            "measure": ["l1_4_bmd"] * 2,
            "month": [0, 6],
            "n": [12, 12],
            "n_hcm": [4, 4],
            "n_cm": [8, 8],
            "mean_hcm": [0.970, 1.000],
            "mean_cm": [0.990, 1.004],
            "test": ["t", "t"],
            "statistic": [-0.36, -0.07],
            "dof": [10.0, 10.0],
            "p": [0.72, 0.95],
        }
    )
    shown = report.guard(table, evidence="observed")
    numbers = ["n", "n_hcm", "n_cm", "mean_hcm", "mean_cm", "statistic", "dof", "p"]
    assert shown[numbers].isna().all().all()
    assert shown["month"].tolist() == [0, 6]


def test_n_blanks_a_table_whose_columns_do_not_say_who_it_describes():
    model = pd.DataFrame(
        {"term": ["intercept", "group[HCM]"], "estimate": [0.99, -0.02], "p": [0.0, 0.73]}
    )
    assert report.guard(model, evidence="observed", n=8) is model
    shown = report.guard(model, evidence="observed", n=4)
    assert shown[["estimate", "p"]].isna().all().all()
    assert shown["term"].tolist() == ["intercept", "group[HCM]"]
    assert report.guard(model, evidence="simulated", n=4) is model


def test_category_counts_get_complementary_suppression():
    # Table 4's control arm at six months, 2 + 27 + 17 = 46, printed elsewhere
    table = pd.DataFrame(
        {
            "month": [6, 6, 6],
            "category": ["deficient", "insufficient", "normal"],
            "count_cm": [2, 27, 17],
            "published_cm": [2, 27, 17],
        }
    )
    shown = report.guard(table, evidence="observed")
    assert shown["count_cm"].isna().tolist() == [True, False, True]
    assert shown["published_cm"].tolist() == [2, 27, 17]
    # guarding again (show_table guards what a notebook guarded) blanks nothing more
    again = report.guard(shown, evidence="observed")
    assert again["count_cm"].isna().tolist() == [True, False, True]


def test_glued_values_blank_missing_values_and_small_groups_on_observed_data():
    assert report.guard_value("a.b.mean", float("nan"), evidence="observed") == report.BLANK
    assert report.guard_value("a.b.mean", 0.97, evidence="observed", n=4) == report.BLANK
    assert report.guard_value("a.b.mean", 0.97, evidence="observed", n=5) == 0.97
    assert report.guard_value("a.hcm.count", 4, evidence="observed") == report.BLANK
    assert report.guard_value("a.hcm.count", 0, evidence="observed") == 0
    assert report.guard_value("a.b.flag", True, evidence="observed") is True
    assert report.guard_value("a.b.mean", 0.97, evidence="simulated", n=4) == 0.97


def test_figures_lose_the_cells_of_fewer_than_five_women():
    data = pd.DataFrame(
        {
            "participant": [f"P{i:03d}" for i in range(12)] * 2,
            "group": (["HCM"] * 4 + ["CM"] * 8) * 2,
            "month": [0] * 12 + [6] * 12,
            "measure": "l1_4_bmd",
            "value": 1.0,
        }
    )
    drawn = report.guard_participants(data, evidence="observed")
    assert sorted(drawn["group"].unique()) == ["CM"]
    assert len(drawn) == 16
    assert report.guard_participants(data, evidence="simulated") is data
    with pytest.raises(KeyError, match="participant"):
        report.guard_participants(data.drop(columns="participant"), evidence="observed")


def test_captions_on_observed_data_never_say_simulated():
    caption = report.caption_markdown(
        "Mean ± SD on the simulated cohort; it illustrates the method only and proves "
        "nothing about the trial.",
        "observed",
        notebook="",
    )
    assert caption == "{bdg-info}`observed` **Observed.** Mean ± SD on the observed data."
    both = report.caption_markdown(
        "Changes on a cohort simulated with a lower correlation (`_low`) and on the data "
        "of this page (`_now`).",
        ["simulated", "observed"],
        notebook="",
    )
    assert "simulated with a lower correlation" in both  # a simulated side stays simulated
    simulated = report.caption_markdown("On the simulated cohort.", "simulated", notebook="")
    assert simulated.endswith("On the simulated cohort.")
