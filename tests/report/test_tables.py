"""milkbone.report.tables: captions with every level, p-values, blanks."""

from __future__ import annotations

import pandas as pd
import pytest

from milkbone import report


@pytest.fixture
def shown(monkeypatch):
    """The objects show_table and save display, in order."""
    displayed: list[object] = []
    monkeypatch.setattr("IPython.display.display", displayed.append)
    monkeypatch.delenv(report.NOTEBOOK_VARIABLE, raising=False)
    return displayed


def test_show_table_labels_each_level(shown):
    report.show_table(
        pd.DataFrame({"a": [1]}), caption="Side by side.", evidence=["published", "simulated"]
    )
    assert shown[0].data == (
        "{bdg-primary}`published` {bdg-warning}`simulated` **Published and Simulated.** "
        "Side by side."
    )
    assert "milkbone-table" in shown[1].data  # the caption first, then the table


def test_show_table_names_its_notebook(shown, monkeypatch):
    monkeypatch.setenv(report.NOTEBOOK_VARIABLE, "notebooks/22_biochemistry.py")
    report.show_table(pd.DataFrame({"a": [1]}), caption="Table 3.", evidence="published")
    assert shown[0].data.endswith("Table 3. Source: `notebooks/22_biochemistry.py`.")


def test_p_columns_are_formatted_and_other_columns_left_alone():
    table = pd.DataFrame(
        {"p": [0.00002, 0.0181], "p_holm": [1.0, float("nan")], "pinp": [0.00001, 2.0]}
    )
    shown = report.format_p_columns(table)
    assert shown["p"].tolist() == ["<0.0001", "0.0181"]
    assert shown["p_holm"].tolist() == ["1.0000", "–"]
    assert shown["pinp"].tolist() == [0.00001, 2.0]
    assert table["p"].dtype == float  # the input is not modified


def test_missing_values_show_as_a_dash_and_the_index_is_hidden():
    table = pd.DataFrame({"mean": [1.5, float("nan")], "n": pd.array([3, pd.NA], dtype="Int64")})
    html = report.table_html(table, evidence="simulated")
    assert html.count("<td>–</td>") == 2
    assert "<th></th>" not in html  # no index column
