"""Real-data disclosure rules (milkbone.report.disclosure), decided by the evidence level
and applied by report.show_table."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from milkbone import cohort, report


def _table():
    return pd.DataFrame(
        {"category": ["normal", "deficient"], "count": [41, 2], "n": [51, 4], "mean": [24.2, 9.1]}
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
