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


def test_measures_are_named_as_the_paper_names_them():
    """Issue 14: headers and values showed slugs (l1_4_bmd); the labels come from
    published.measures(), checked here against the paper's own spelling (Table 2)."""
    table = pd.DataFrame(
        {"measure": ["l1_4_bmd", "ohd_25", "tracp_5b"], "p_gg": [0.01, 0.2, 0.3], "sd": 1.0}
    )
    shown = report.reader_labels(table)
    assert shown["measure"].tolist() == ["L1–4 BMD", "25(OH)D", "TRACP-5b"]
    assert shown.columns.tolist() == ["measure", "p (Greenhouse–Geisser)", "SD"]
    assert report.reader_labels(pd.DataFrame({"published_value": [1]})).columns.tolist() == [
        "published value"
    ]


def test_wide_tables_sit_in_a_scrolling_frame():
    html = report.table_html(pd.DataFrame({"a": [1], "note": ["w" * 80]}), evidence="published")
    assert html.startswith('<div class="milkbone-scroll">') and html.endswith("</div>")
    assert html.count('class="milkbone-long"') == 1  # only the long cell wraps


def test_headers_rename_after_the_disclosure_rules():
    """count_* columns are blanked below five on observed data before they are renamed."""
    table = pd.DataFrame({"count_hcm": [3, 40]})
    html = report.table_html(table, evidence="observed", headers={"count_hcm": "HCM (observed)"})
    assert "<th>HCM (observed)</th>" in html
    assert html.count("<td>–</td>") == 1 and "<td>40</td>" in html


@pytest.mark.parametrize(
    ("p", "text"),
    [(8.8e-10, "p < 0.0001"), (0.00012, "p = 0.0001"), (0.0181, "p = 0.0181"), (1.0, "p = 1.0000")],
)
def test_p_text_never_prints_scientific_notation(p, text):
    # issue 14: the prose printed "p = 8.8e-10"; expected strings worked by hand
    assert report.p_text(p) == text
