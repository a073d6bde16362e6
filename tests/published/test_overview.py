"""Tests of milkbone.published.overview: sources, flags and the printed means ± SD.

Expected values were counted by hand in the paper's tables.
"""

import pytest

from milkbone import published


def test_group_sizes_are_the_published_ones():
    assert published.GROUP_SIZES == {"HCM": 51, "CM": 46}
    assert sum(published.GROUP_SIZES.values()) == published.ENROLLED - published.WITHDRAWN
    for n in (2, 3, 4):
        t = published.table(n).dropna(subset=["n"])
        sizes = t.groupby("group")["n"].unique().map(lambda v: v.tolist()).to_dict()
        assert sizes == {"CM": [46], "HCM": [51]}
    stats = published.summary_statistics()
    assert (stats["n"] == stats["group"].map(published.GROUP_SIZES)).all()


def test_summary_statistics_contract():
    stats = published.summary_statistics()
    assert list(stats.columns) == [
        "source",
        "measure",
        "group",
        "month",
        "mean",
        "sd",
        "n",
        "mean_text",
        "sd_text",
        "footnote",
        "flag",
    ]
    assert stats.groupby("source").size().to_dict() == {"Table 2": 40, "Table 3": 48}
    pinp = stats[(stats["measure"] == "pinp") & (stats["group"] == "HCM") & (stats["month"] == 0)]
    assert pinp["mean"].tolist() == pytest.approx([84.67, 84.70], abs=1e-12)
    slugs = set(published.measures()["measure"])
    assert set(stats["measure"]) == slugs
    assert len(slugs) == 20


def test_sources_and_flags_overview():
    overview = published.sources().set_index("resource")
    assert overview.loc["table2", "printed_rows"] == 20
    assert overview.loc["claims", "rows"] == 608
    found = published.flags().set_index(["table", "flag"])["cells"].to_dict()
    assert found[("Table 3", "footnote_absent_ambiguous")] == 2
    assert found[("Table 3", "footnote_mark_split")] == 22
    assert found[("Table 5", "number_duplicate")] == 2
    assert found[("Table 1", "dash_not_added")] == 2
    assert found[("Table 2", "thousands_separator")] == 11
