"""milkbone.analysis.mirror: published summaries beside participant-data summaries.

Expected values are worked by hand (arithmetic written out in comments) or, for the
paper's numbers, taken from the printed tables.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from milkbone import published
from milkbone.analysis import mirror


@pytest.fixture
def long():
    """Six participants, two visits of 25(OH)D and one of age."""
    rows = []
    values = {
        ("a", "HCM"): (15.0, 24.0),
        ("b", "HCM"): (17.0, 26.0),
        ("c", "HCM"): (16.0, 22.0),
        ("d", "CM"): (14.0, 18.0),
        ("e", "CM"): (16.0, 20.0),
        ("f", "CM"): (15.0, 16.0),
    }
    for (participant, group), (m0, m6) in values.items():
        rows.append((participant, group, 0, "ohd_25", m0))
        rows.append((participant, group, 6, "ohd_25", m6))
        rows.append((participant, group, 0, "age", 60.0))
    return pd.DataFrame(rows, columns=["participant", "group", "month", "measure", "value"])


@pytest.fixture
def printed():
    return pd.DataFrame(
        {
            "source": ["Table 3"] * 4 + ["Table 2"],
            "measure": ["ohd_25"] * 4 + ["ohd_25"],
            "group": ["HCM", "CM", "HCM", "CM", "HCM"],
            "month": [0, 0, 6, 6, 0],
            "mean": [15.64, 15.26, 24.20, 18.86, 15.00],
            "sd": [5.875, 4.426, 6.277, 4.276, 1.0],
            "n": [51, 46, 51, 46, 51],
            "mean_text": ["15.64", "15.26", "24.20", "18.86", "15.0"],
            "sd_text": ["5.875", "4.426", "6.277", "4.276", "1.0"],
        }
    )


def test_compare_summaries_by_hand(long, printed):
    res = mirror.compare_summaries(long, printed, source="Table 3")
    # rows: ohd_25 (published order) then age (cohort only); HCM before CM; months up
    assert res[["measure", "group", "month"]].values.tolist() == [
        ["ohd_25", "HCM", 0],
        ["ohd_25", "HCM", 6],
        ["ohd_25", "CM", 0],
        ["ohd_25", "CM", 6],
        ["age", "HCM", 0],
        ["age", "CM", 0],
    ]
    row = res.iloc[1]  # HCM at 6 months: 24, 26, 22
    assert row["n"] == 3
    assert row["mean"] == pytest.approx(24.0, abs=1e-12)
    assert row["sd"] == pytest.approx(2.0, abs=1e-12)  # sqrt((0 + 4 + 4) / 2)
    assert row["published_mean"] == pytest.approx(24.20)
    assert row["mean_difference"] == pytest.approx(-0.20, abs=1e-12)
    assert row["mean_difference_se"] == pytest.approx(-0.20 / (6.277 / math.sqrt(51)), abs=1e-9)
    assert row["sd_ratio"] == pytest.approx(2.0 / 6.277, abs=1e-12)
    assert row["published_source"] == "Table 3"
    assert row["evidence"] == "simulated"
    assert row["published_evidence"] == "published"
    age = res.iloc[4]
    assert age["mean"] == pytest.approx(60.0)
    assert pd.isna(age["published_mean"]) and pd.isna(age["mean_difference"])


def test_compare_summaries_takes_first_printed_row_without_source(long, printed):
    res = mirror.compare_summaries(long, printed.iloc[::-1], evidence="recomputed")
    hcm0 = res[(res["group"] == "HCM") & (res["month"] == 0) & (res["measure"] == "ohd_25")]
    assert hcm0["published_source"].item() == "Table 2"
    assert hcm0["published_mean"].item() == pytest.approx(15.00)
    assert (res["evidence"] == "recomputed").all()


def test_compare_summaries_keeps_printed_cells_the_cohort_lacks(long, printed):
    extra = pd.concat(
        [printed, printed.iloc[[0]].assign(month=12, mean=23.86, mean_text="23.86")],
        ignore_index=True,
    )
    res = mirror.compare_summaries(long, extra, source="Table 3")
    row = res[(res["month"] == 12)].iloc[0]
    assert row["n"] == 0 and np.isnan(row["mean"])
    assert row["published_mean"] == pytest.approx(23.86)


def test_compare_summaries_errors(long, printed):
    with pytest.raises(ValueError, match="source 'Table 9' not in published_stats"):
        mirror.compare_summaries(long, printed, source="Table 9")
    with pytest.raises(ValueError, match="evidence must be one of"):
        mirror.compare_summaries(long, printed, evidence="real")
    with pytest.raises(KeyError, match="published_stats is missing column"):
        mirror.compare_summaries(long, printed.drop(columns="sd_text"))
    with pytest.raises(ValueError, match="unknown value"):
        mirror.compare_summaries(long, printed.assign(group="XX"))


def test_wide_table_formats_at_printed_decimals(long, printed):
    res = mirror.compare_summaries(long, printed, source="Table 3")
    names = pd.DataFrame({"measure": ["ohd_25", "age"], "label": ["25(OH)D", "Age"]})
    names["unit"] = ["ng/mL", "years"]
    wide = mirror.wide_table(res, measures=names)
    assert list(wide.columns) == ["measure", "values", "HCM 0 m", "CM 0 m", "HCM 6 m", "CM 6 m"]
    assert wide["values"].tolist() == ["published", "simulated", "published", "simulated"]
    assert wide.iloc[0]["HCM 6 m"] == "24.20 ± 6.277"
    # HCM 6 m on the cohort: mean 24, SD 2, at the printed decimals (2 and 3)
    assert wide.iloc[1]["HCM 6 m"] == "24.00 ± 2.000"
    # CM 0 m: 14, 16, 15 -> mean 15, SD 1
    assert wide.iloc[1]["CM 0 m"] == "15.00 ± 1.000"
    # age is not printed: the published row is empty
    assert pd.isna(wide.iloc[2]["HCM 0 m"])
    assert wide.iloc[3]["HCM 0 m"] == "60.00 ± 0.00"  # default: two decimals each
    assert pd.isna(wide.iloc[3]["HCM 6 m"])
    assert wide.iloc[0]["measure"] == "25(OH)D, ng/mL"


def test_wide_table_on_the_paper_uses_printed_names_and_units():
    comparison = pd.DataFrame(
        {
            "measure": ["l1_4_bmd"] * 2,
            "group": ["HCM", "CM"],
            "month": [0, 0],
            "mean": [0.98, 0.94],
            "sd": [0.12, 0.11],
            "published_mean": [0.981, 0.935],
            "published_sd": [0.123, 0.107],
            "published_mean_text": ["0.981", "0.935"],
            "published_sd_text": ["0.123", "0.107"],
            "evidence": "simulated",
        }
    )
    wide = mirror.wide_table(comparison, sides=["published"])
    assert wide.to_dict("records") == [
        {
            "measure": "L1–4 BMD, g/cm²",
            "values": "published",
            "HCM 0 m": "0.981 ± 0.123",
            "CM 0 m": "0.935 ± 0.107",
        }
    ]
    with pytest.raises(ValueError, match="sides must be"):
        mirror.wide_table(comparison, sides=["both"])


def test_compare_tests_table2_and_table3():
    tests = pd.DataFrame(
        {
            "measure": ["l1_4_bmd", "ohd_25", "ohd_25"],
            "month": [0, 0, 6],
            "n": [97, 97, 97],
            "test": ["t", "mann_whitney", "mann_whitney"],
            "statistic": [1.9, 1200.0, 1800.0],
            "p": [0.06, 0.7, 1e-5],
        }
    )
    t2 = mirror.compare_tests(tests, published.table(2))
    assert len(t2) == 20  # one row per Table 2 characteristic
    spine = t2[t2["measure"] == "l1_4_bmd"].iloc[0]
    assert spine["published_statistic_text"] == "−1.93"
    assert spine["published_p"] == pytest.approx(0.057)
    assert spine["published_test"] == "t"
    assert spine["statistic"] == pytest.approx(1.9)
    assert t2[t2["measure"] == "age"]["test"].isna().all()  # no cohort test given
    t3 = mirror.compare_tests(tests, published.table(3))
    # 4 markers at 3 visits + 6 markers at 2 visits ("-" cells are not tests)
    assert len(t3) == 4 * 3 + 6 * 2
    ohd6 = t3[(t3["measure"] == "ohd_25") & (t3["month"] == 6)].iloc[0]
    assert ohd6["published_p_text"] == "<0.001"
    assert ohd6["p"] == pytest.approx(1e-5)


def test_category_table_lines_up_table4():
    ours = pd.DataFrame(
        {
            "month": 12,
            "group": ["HCM"] * 3 + ["CM"] * 3,
            "category": ["deficient", "insufficient", "normal"] * 2,
            "count": [1, 17, 33, 6, 26, 14],
        }
    )
    res = mirror.category_table(ours, published.table(4))
    assert res["category"].tolist() == ["deficient", "insufficient", "normal"]
    assert res["count_cm"].tolist() == [6, 26, 14]
    assert res["published_cm"].tolist() == [6, 24, 14]  # printed: adds to 44, not 46
    assert res["published_hcm"].tolist() == [1, 17, 33]
    with pytest.raises(KeyError, match="cohort_counts is missing column"):
        mirror.category_table(ours.drop(columns="count"), published.table(4))


def test_standardised_differences_by_hand():
    summary = published.summary_statistics()
    res = mirror.standardised_differences(summary, evidence="recomputed", month=0)
    assert len(res) == 20
    spine = res[res["measure"] == "l1_4_bmd"].iloc[0]
    # (0.981 − 0.935) / sqrt((0.123² + 0.107²) / 2) = 0.046 / 0.115277 = 0.39904
    assert spine["standardised_difference"] == pytest.approx(0.39904, abs=1e-5)
    age = res[res["measure"] == "age"].iloc[0]
    # (61.2 − 61.3) / sqrt((5.00² + 4.83²) / 2) = −0.1 / 4.91584
    assert age["standardised_difference"] == pytest.approx(-0.020343, abs=1e-6)
    # PINP printed twice at baseline (84.67 in Table 2, 84.70 in Table 3): first row wins
    assert res[res["measure"] == "pinp"]["mean_hcm"].item() == pytest.approx(84.67)
    with pytest.raises(ValueError, match="evidence must be one of"):
        mirror.standardised_differences(summary, evidence="maybe")


def test_percent_changes_reproduce_the_papers_prose():
    table3 = published.summary_statistics().query("source == 'Table 3'")
    res = mirror.percent_changes(table3, evidence="recomputed").set_index(
        ["measure", "group", "from_month", "to_month"]
    )["percent_change"]
    # (24.00 − 20.61) / 20.61 = 16.45 %, printed 16.4 % (§3.3)
    assert res["ast", "HCM", 0, 6] == pytest.approx(16.4484, abs=1e-4)
    # (24.20 − 15.64) / 15.64 = 54.73 %, printed 54.7 %
    assert res["ohd_25", "HCM", 0, 6] == pytest.approx(54.7315, abs=1e-4)
    # (1.06 − 2.52) / 2.52 = −57.94 %, printed "reduced by 57.9 %"
    assert res["tracp_5b", "CM", 6, 12] == pytest.approx(-57.9365, abs=1e-4)
    assert len(res) == 4 * 2 * 3 + 6 * 2 * 1


def test_stated_percent_changes_reads_section_3_2_signed():
    stated = mirror.stated_percent_changes(published.prose(), sections=["3.2"])
    # §3.2 states 10 changes, every one for HCM or CM (paper §3.2, transcribed)
    assert len(stated) == 10
    assert list(stated.columns) == [
        "prose_id",
        "section",
        "measure",
        "group",
        "from_month",
        "to_month",
        "published",
        "evidence",
    ]
    cells = stated.set_index(["measure", "group", "from_month", "to_month"])["published"]
    # "increased by 2.3 %" (L1–4, HCM, six months)
    assert cells["l1_4_bmd", "HCM", 0, 6] == pytest.approx(2.3, abs=1e-12)
    # "decreased by 0.7 %" (left hip, CM, twelve months): negative
    assert cells["left_hip_bmd", "CM", 0, 12] == pytest.approx(-0.7, abs=1e-12)
    # "decreased by 0.5 %" from six to twelve months (left femoral neck, HCM)
    assert cells["left_femoral_neck_bmd", "HCM", 6, 12] == pytest.approx(-0.5, abs=1e-12)
    # the other study cited in §4 is not an arm of this trial
    everything = mirror.stated_percent_changes(published.prose())
    assert set(everything["group"]) == {"HCM", "CM"}
    assert len(everything) == 10 + 17  # §3.2 and §3.3


def test_stated_percent_changes_errors():
    prose = published.prose()
    with pytest.raises(KeyError, match="prose is missing column"):
        mirror.stated_percent_changes(prose.drop(columns="direction"))
    bad = prose.assign(timepoint=prose["timepoint"].str.replace(" vs ", " to "))
    with pytest.raises(ValueError, match=r"'m6 to m0'.* are not 'm<to> vs m<from>'"):
        mirror.stated_percent_changes(bad, sections=["3.2"])


def test_compare_percent_changes_by_hand(long):
    stated = pd.DataFrame(
        {
            "prose_id": ["x.hcm", "x.cm"],
            "measure": "ohd_25",
            "group": ["HCM", "CM"],
            "from_month": 0,
            "to_month": 6,
            "published": [54.7, 23.6],
            "evidence": "published",
        }
    )
    res = mirror.compare_percent_changes(long, stated).set_index("group")
    # HCM means 16 → 24: +50 %; CM 15 → 18: +20 %
    assert res.loc["HCM", "percent_change"] == pytest.approx(50.0, abs=1e-12)
    assert res.loc["CM", "percent_change"] == pytest.approx(20.0, abs=1e-12)
    assert res.loc["HCM", "difference"] == pytest.approx(50.0 - 54.7, abs=1e-12)
    # HCM changes 9, 9, 6: mean 8, SD sqrt(3), t = 8 / (sqrt(3) / sqrt(3)) = 8 on 2 dof;
    # p = 2 * scipy.stats.t.sf(8, 2) = 0.015268
    assert res.loc["HCM", "statistic"] == pytest.approx(8.0, abs=1e-9)
    assert res.loc["HCM", "p"] == pytest.approx(0.015268, abs=1e-6)
    assert list(res.reset_index().columns) == [
        "group",
        "prose_id",
        "measure",
        "from_month",
        "to_month",
        "published",
        "n",
        "mean_from",
        "mean_to",
        "percent_change",
        "difference",
        "test",
        "statistic",
        "dof",
        "p",
        "method",
        "evidence",
        "published_evidence",
    ]
    assert res.loc["HCM", "evidence"] == "simulated"
    assert res.loc["HCM", "published_evidence"] == "published"


def test_compare_percent_changes_errors(long):
    stated = pd.DataFrame(
        {"measure": ["ohd_25"], "group": ["HCM"], "from_month": [0], "to_month": [6]}
    )
    with pytest.raises(KeyError, match="stated is missing column"):
        mirror.compare_percent_changes(long, stated)
    with pytest.raises(ValueError, match="stated has no rows"):
        mirror.compare_percent_changes(long, stated.assign(published=1.0).iloc[0:0])
    with pytest.raises(ValueError, match="evidence must be one of"):
        mirror.compare_percent_changes(long, stated.assign(published=1.0), evidence="x")
