"""Real-data disclosure rules (milkbone._disclosure, applied by figures.show_table)."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from milkbone import _disclosure, cohort, figures


@pytest.fixture(autouse=True)
def simulated_afterwards():
    yield
    _disclosure.set_real(False)


def _table():
    return pd.DataFrame(
        {"category": ["normal", "deficient"], "count": [41, 2], "n": [51, 4], "mean": [24.2, 9.1]}
    )


def test_simulated_tables_are_shown_in_full():
    _disclosure.set_real(False)
    table = _table()
    assert _disclosure.guard(table) is table


def test_real_data_blank_small_counts_and_the_summaries_of_small_rows():
    _disclosure.set_real(True)
    shown = _disclosure.guard(_table())
    assert shown["count"].tolist()[0] == 41 and pd.isna(shown["count"].iloc[1])
    assert pd.isna(shown["n"].iloc[1]) and pd.isna(shown["mean"].iloc[1])
    assert shown["mean"].iloc[0] == pytest.approx(24.2)


def test_real_data_refuse_participant_level_tables():
    _disclosure.set_real(True)
    with pytest.raises(ValueError, match="participant"):
        _disclosure.guard(pd.DataFrame({"participant": ["P001"], "age": [61]}))


def test_show_table_applies_the_rules(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr("IPython.display.display", lambda obj: shown.append(obj.data))
    monkeypatch.setattr(figures, "_display_markdown", lambda text: None)
    _disclosure.set_real(True)
    figures.show_table(_table(), caption="c", evidence="simulated")
    assert ">41<" in shown[0] and ">2<" not in shown[0]


def test_loading_real_data_switches_the_rules_on(tmp_path):
    cohort.simulate(seed=3, out=tmp_path)
    cohort.load(tmp_path)
    assert not _disclosure.is_real()
    marker = tmp_path / "dataset.json"
    meta = json.loads(marker.read_text())
    meta["kind"] = "real"
    marker.write_text(json.dumps(meta))
    cohort.load(tmp_path)
    assert _disclosure.is_real()
