"""Tests of milkbone.published.tables and the files of data/published/.

Expected values are the paper's printed numbers, read by hand from its text
(milkbone.paths.PAPER); counts of rows were made by counting the printed rows.
"""

import csv
import json

import pandas as pd
import pytest

from milkbone import paths, published
from milkbone.published.parse import parse_mean_sd, parse_number, parse_p_value


@pytest.mark.parametrize("n", sorted(published.TABLE_FILES))
def test_every_cell_text_is_in_the_paper(paper_text, n):
    lines = paper_text.split("\n")
    for _, cell in published.table(n).iterrows():
        line = lines[cell["source_line"] - 1]
        assert cell["cell_text"] in line.split("\t")[1:] or f"\t{cell['cell_text']} " in line, cell[
            "cell_id"
        ]


def test_every_prose_number_is_in_the_paper(paper_text):
    for _, row in published.prose().iterrows():
        assert row["printed"] in paper_text, row["prose_id"]


def test_every_flow_number_is_in_the_paper(paper_text):
    stated = published.flow().query("printed != ''")
    assert len(stated) == 13
    for _, row in stated.iterrows():
        assert row["printed"] in paper_text, row["flow_id"]


def test_special_characters_are_kept():
    t2 = published.table(2).set_index("cell_id")
    assert t2.loc["t2.l1_4_bmd.statistic", "cell_text"] == "\u22121.93"  # U+2212
    assert t2.loc["t2.left_femoral_neck_bmd.statistic", "cell_text"] == "1,063"
    assert t2.loc["t2.age.hcm", "cell_text"] == "61.2\u202f±\u202f5.00"  # narrow spaces
    t3 = published.table(3).set_index("cell_id")
    assert t3.loc["t3.ast.hcm.p_within", "cell_text"] == "<0.001"
    t6 = published.table(6).set_index("cell_id")
    assert t6.loc["t6.pgd2.m0", "cell_text"] == "296,050,146"
    assert t6.loc["t6.pgd2.m12", "cell_text"] == "484844985.1"


def test_row_counts_as_printed(paper_text, all_tables):
    tables = all_tables
    printed_rows = {n: t["source_line"].nunique() for n, t in tables.items()}
    # Table 3 counts its HCM, CM and P-value rows (10 measures × 3)
    assert printed_rows == {1: 8, 2: 20, 3: 30, 4: 5, 5: 51, 6: 8}
    assert {n: len(t) for n, t in tables.items()} == {
        1: 16,
        2: 80,
        3: 110,
        4: 24,
        5: 51 * 9,
        6: 8 * 5,
    }
    # Table 5 counted independently in the paper: rows whose third cell is a phase
    start = paper_text.index("TABLE 5")
    body = paper_text[start : paper_text.index("TABLE 6")]
    phases = [line.split("\t")[3].strip() for line in body.split("\n") if line.startswith(" \t")]
    assert len(phases) == 51
    assert [phases.count(f"{m}\u202fm") for m in (0, 6, 12)] == [13, 3, 35]


def test_table5_counts_by_phase_and_direction():
    t5 = published.table(5)
    arrows = t5[t5["column"] == "variation"]
    counts = arrows.groupby(["month", "direction"]).size().to_dict()
    assert counts == {
        (0, "down"): 7,
        (0, "up"): 6,
        (6, "down"): 1,
        (6, "up"): 2,
        (12, "down"): 3,
        (12, "up"): 32,
    }
    assert (arrows["direction"] == "up").sum() == 40
    assert (arrows["direction"] == "down").sum() == 11


def test_flow_states_only_what_the_paper_states():
    flow = published.flow().set_index("flow_id")
    assert int(flow.loc["enrolled.s2_1", "value"]) == 104
    assert int(flow.loc["withdrawn.s2_1", "value"]) == 7
    assert int(flow.loc["completed.s3_1", "value"]) == 97
    assert int(flow.loc["analysed.hcm.s3_1", "value"]) == 51
    assert int(flow.loc["analysed.cm.s3_1", "value"]) == 46
    unstated = flow[flow["flag"] == "not_stated"]
    assert sorted(unstated.index) == [
        "randomised.cm",
        "randomised.hcm",
        "withdrawn.cm",
        "withdrawn.hcm",
    ]
    assert unstated["value"].isna().all()
    assert (unstated["printed"] == "").all()


def test_table2_parsed_columns_match_the_printed_text():
    t2 = published.table(2)
    cells = t2[t2["mean_text"] != ""]
    for _, cell in cells.iterrows():
        parsed = parse_mean_sd(cell["cell_text"])
        assert cell["mean"] == pytest.approx(parsed.mean, abs=1e-12)
        assert cell["sd"] == pytest.approx(parsed.sd, abs=1e-12)
    stat = t2.set_index("cell_id")
    assert stat.loc["t2.left_femoral_neck_bmd.statistic", "statistic"] == pytest.approx(1063, abs=0)
    assert stat.loc["t2.left_femoral_neck_bmd.statistic", "statistic_kind"] == "U"
    assert stat.loc["t2.l1_4_bmd.statistic", "statistic"] == pytest.approx(-1.93, abs=1e-12)
    assert stat.loc["t2.l1_4_bmd.statistic", "statistic_kind"] == "t"
    assert stat.loc["t2.pinp.statistic", "statistic_kind"] == "U"  # printed 960, no separator
    kinds = t2.loc[t2["statistic_kind"] != "", "statistic_kind"].value_counts().to_dict()
    assert kinds == {"U": 12, "t": 8}
    ps = t2[t2["column_label"] == "p-value"]
    for _, cell in ps.iterrows():
        assert cell["p_value"] == pytest.approx(parse_p_value(cell["cell_text"])[0], abs=1e-12)


def test_table3_footnote_marks():
    t3 = published.table(3)
    means = t3[t3["cell_kind"] == "mean_sd"].set_index("cell_id")
    # SD text plus mark gives back the printed SD
    for cid, cell in means.iterrows():
        printed_sd = parse_mean_sd(cell["cell_text"]).sd_text
        assert cell["sd_text"] + cell["footnote"] == printed_sd, cid
        assert cell["sd"] == pytest.approx(parse_number(cell["sd_text"]), abs=1e-12)
    assert means.loc["t3.ast.hcm.m0", ["sd", "footnote"]].tolist() == [
        pytest.approx(5.773, abs=1e-9),
        "1",
    ]
    assert means.loc["t3.ast.hcm.m6", ["sd", "footnote"]].tolist() == [
        pytest.approx(6.930, abs=1e-9),
        "2",
    ]
    assert means.loc["t3.tracp_5b.cm.m12", "footnote"] == "3"
    ambiguous = means.index[means["flag"].str.contains("footnote_absent_ambiguous")]
    assert sorted(ambiguous) == ["t3.ast.cm.m0", "t3.ohd_25.cm.m12"]
    assert means.loc["t3.ohd_25.cm.m12", "sd"] == pytest.approx(6.039, abs=1e-9)
    lower = means[~means["measure"].isin(["ast", "calcium", "ohd_25", "tracp_5b"])]
    assert (lower["footnote"] == "").all()
    assert lower["flag"].str.contains("no_mark_lower_half").all()
    assert means.loc["t3.ctx.hcm.m6", "sd"] == pytest.approx(0.200, abs=1e-12)
    trailing = sorted(means.index[means["flag"].str.contains("trailing_digit_ambiguous")])
    assert trailing == [
        "t3.alp.hcm.m6",
        "t3.igf_1.cm.m6",
        "t3.igf_1.hcm.m6",
        "t3.phosphorus.hcm.m6",
        "t3.pinp.hcm.m6",
    ]


def test_table3_marks_follow_the_tables_pattern():
    means = published.table(3).query("cell_kind == 'mean_sd'")
    marks = means.groupby(["measure", "group"], sort=False)["footnote"].agg(",".join).to_dict()
    assert marks[("ast", "HCM")] == "1,2,1"
    assert marks[("ast", "CM")] == ",1,2"
    assert marks[("ohd_25", "CM")] == "1,2,"
    assert marks[("calcium", "HCM")] == "1,2,2"


def test_table4_values():
    t4 = published.table(4).set_index("cell_id")
    assert t4.loc["t4.z.m6", "z"] == pytest.approx(-4.390, abs=1e-12)
    assert t4.loc["t4.p.m6", ["p_value", "p_comparator"]].tolist() == [
        pytest.approx(0.0001, abs=1e-12),
        "=",
    ]
    counts = t4.dropna(subset=["count"]).groupby(["group", "month"])["count"].sum().to_dict()
    # printed as is; CM at 12 months adds to 44, not 46 (for the audit to judge)
    assert counts == {
        ("CM", 0): 46,
        ("CM", 6): 46,
        ("CM", 12): 44,
        ("HCM", 0): 51,
        ("HCM", 6): 51,
        ("HCM", 12): 51,
    }


def test_table5_printed_oddities_are_kept_and_flagged():
    t5 = published.table(5).set_index("cell_id")
    out_of_range = t5.index[t5["flag"].str.contains("p_out_of_range")]
    values = sorted(t5.loc[out_of_range, "value"].tolist())
    assert values == pytest.approx(
        sorted([1.6471, 6.5421, 4.1506, 7.7551, 1.6701, 3.9848]), abs=1e-12
    )
    assert t5.loc["t5.r19.p", "flag"] == "p_printed_zero"
    assert t5.loc["t5.r19.p", "cell_text"] == "0.0000"
    assert t5.loc["t5.r25.number", ["cell_text", "flag"]].tolist() == [
        "24",
        "number_duplicate;number_out_of_sequence",
    ]
    assert t5.loc["t5.r29.number", ["cell_text", "flag"]].tolist() == [
        "19",
        "number_duplicate;number_out_of_sequence",
    ]
    conflicts = sorted(t5.index[t5["flag"].str.contains("direction_fc_conflict")])
    assert conflicts == ["t5.r13.variation", "t5.r14.variation"]
    assert t5.loc["t5.r13.variation", "cell_text"] == "↓"
    assert t5.loc["t5.r13.fc", "value"] == pytest.approx(4.4249, abs=1e-12)
    assert t5.loc["t5.r14.fc", "value"] == pytest.approx(1.5475, abs=1e-12)
    assert t5.loc["t5.r39.name", ["cell_text", "flag"]].tolist() == [
        "pyridyl]thio}prop-2-en-1-one",
        "name_truncated",
    ]


def test_table6_separators():
    t6 = published.table(6).set_index("cell_id")
    assert t6.loc["t6.pgd2.m0", ["value", "separator_style"]].tolist() == [
        pytest.approx(296050146, abs=0),
        "comma_thousands",
    ]
    assert t6.loc["t6.pgd2.m12", ["value", "separator_style"]].tolist() == [
        pytest.approx(484844985.1, abs=1e-6),
        "plain_decimal",
    ]
    assert t6.loc["t6.pgd2.auc", "value"] == pytest.approx(0.754, abs=1e-12)


@pytest.fixture(scope="module")
def prose() -> pd.DataFrame:
    return published.prose().set_index("prose_id")


@pytest.mark.parametrize(
    ("prose_id", "value", "comparator"),
    [
        ("r3_1.age_mean", 61.2, "="),
        ("r3_2.l1_4.hcm.p_6", 0.003, "="),
        ("r3_3.ohd.z_p", 0.0001, "<"),
        ("r3_3.ohd.z_6", -4.390, "="),
        ("m2_1.n_withdrawn", 7, "="),  # "seven"
        ("m2_4.fc_up", 2, ">="),
        ("r3_5.fc_down", 0.833, "<"),
        ("d4.cited_spine_gain", 2.0, "="),
        ("r3_2.right_fn.changes", 0, "="),  # "No significant change": none
        ("r3_3.ohd.normal_min", 20, ">="),  # Table 4, footnote 1
        ("r3_5.auc_less", 0.5, ">="),  # Table 6, footnote 1: "0.5–0.7" from 0.5
        ("r3_5.auc_high", 0.9, ">="),  # "0.9 and above"
    ],
)
def test_prose_values(prose, prose_id, value, comparator):
    # Expected: the numbers as printed in the paper, read by hand.
    assert prose.loc[prose_id, "value"] == pytest.approx(value, abs=1e-12)
    assert prose.loc[prose_id, "comparator"] == comparator


def test_prose_texts_and_directions(prose):
    assert prose.loc["r3_1.age_sd", "printed"] == "4.90"
    assert prose.loc["r3_3.tracp.hcm.pct_6_12", ["value", "direction", "timepoint"]].tolist() == [
        pytest.approx(52.7, abs=1e-12),
        "decrease",
        "m12 vs m6",
    ]


def test_measures_table():
    m = published.measures().set_index("measure")
    assert m.loc["ohd_25", ["label", "unit", "months"]].tolist() == ["25(OH)D", "ng/mL", "0;6;12"]
    assert m.loc["age", "tables"] == "Table 2"
    assert m.loc["l1_4_bmd", "printed_table2"] == "L1-4BMD, g/cm2"


def test_every_column_is_described_and_vice_versa():
    package = published.datapackage()
    names = [r["path"] for r in package["resources"]]
    on_disk = sorted(p.name for p in paths.PUBLISHED.glob("*.csv"))
    assert sorted(names) == on_disk
    for resource in package["resources"]:
        with open(paths.PUBLISHED / resource["path"], encoding="utf-8") as handle:
            header = next(csv.reader(handle))
        fields = [f["name"] for f in resource["schema"]["fields"]]
        assert header == fields, resource["path"]
        for field in resource["schema"]["fields"]:
            assert field["type"] in ("string", "number", "integer")
            assert field["description"], (resource["path"], field["name"])


def test_every_csv_validates(all_tables):
    sizes = {
        "flow": len(published.flow()),
        "prose": len(published.prose()),
        "measures": len(published.measures()),
        "claims": len(published.claims()),
    }
    assert sizes["flow"] == 17
    assert sizes["measures"] == 20
    assert (
        sizes["prose"] == 249
    )  # + r3_2 right hip and right femoral neck, r3_5.n_6_up, Table 4 and 6 footnotes
    assert sizes["claims"] == 747  # 608 of the numbers, 139 of the words (issue 13)
    assert sum(len(t) for t in all_tables.values()) == 729


def test_a_missing_file_or_resource_fails(copy):
    (copy / "table6_arachidonic_acid.csv").unlink()
    with pytest.raises(ValueError, match="is missing"):
        published.table(6, folder=copy)
    package = json.loads((copy / "datapackage.json").read_text(encoding="utf-8"))
    package["resources"] = [r for r in package["resources"] if r["name"] != "flow"]
    other = copy / "other"
    other.mkdir()
    (other / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    with pytest.raises(ValueError, match="has no resource named 'flow'"):
        published.flow(folder=other)


def test_unknown_table_number():
    with pytest.raises(ValueError, match="the paper has Tables 1 to 6"):
        published.table(7)


def test_loaders_return_copies():
    first = published.table(2)
    first.loc[:, "mean"] = -1.0
    again = published.table(2).set_index("cell_id")
    assert again.loc["t2.pinp.cm", "mean"] == pytest.approx(91.38, abs=1e-12)


def test_every_file_read_is_recorded(copy, monkeypatch, tmp_path):
    log = tmp_path / "reads.log"
    monkeypatch.setenv(paths.READ_LOG_VARIABLE, str(log))
    published.table(4, folder=copy)
    read = log.read_text(encoding="utf-8").split()
    assert read == [str(copy / "datapackage.json"), str(copy / "table4_vitamin_d_categories.csv")]
