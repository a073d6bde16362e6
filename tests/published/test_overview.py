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
    assert overview.loc["claims", "rows"] == 747
    found = published.flags().set_index(["table", "flag"])["cells"].to_dict()
    assert found[("Table 3", "footnote_absent_ambiguous")] == 2
    assert found[("Table 3", "footnote_mark_split")] == 22
    assert found[("Table 5", "number_duplicate")] == 2
    assert found[("Table 1", "dash_not_added")] == 2
    assert found[("Table 2", "thousands_separator")] == 11


def test_each_flag_keeps_its_own_reading():
    # issue 13, point 8: cells carrying two flags. Counted by hand: Table 5 prints the row
    # numbers 24 and 19 twice (at positions 25 and 29); Table 6 prints its 16 intensities
    # in two number styles and never says whose intensities they are.
    f = published.flags().set_index(["table", "flag"])
    dup, seq = f.loc[("Table 5", "number_duplicate")], f.loc[("Table 5", "number_out_of_sequence")]
    assert dup["cell_ids"] == seq["cell_ids"] == "t5.r25.number; t5.r29.number"
    assert dup["reading"] == "number 24 is printed twice: also at position 24"
    assert seq["reading"] == "printed number 24 sits at position 25 of the table"
    who, style = f.loc[("Table 6", "group_not_stated")], f.loc[("Table 6", "mixed_separators")]
    assert who["cells"] == style["cells"] == 16
    assert who["reading"] == "the table does not say whose intensities these are"
    assert style["reading"].startswith("commas read as thousand separators")
    assert f.loc[("Table 2", "thousands_separator"), "reading"] == (
        "1,063 read as 1063: comma as thousand separator"
    )
    assert (f["reading"].str.len() > 0).all()
    assert not f["reading"].str.contains(" | ", regex=False).any()


def test_flags_refuse_a_cell_without_a_reading_per_flag(copy):
    path = copy / "table5_serum_metabolites.csv"
    text = path.read_text(encoding="utf-8")
    edited = text.replace(
        "number 24 is printed twice: also at position 24 | ", "", 1
    )  # one reading left for two flags
    assert edited != text
    path.write_text(edited, encoding="utf-8")
    with pytest.raises(ValueError, match=r"one reading per flag: \['t5.r25.number'\]"):
        published.flags(folder=copy)
