"""Tests of milkbone.cohort: schema, validator, loader and simulated cohort.

Expected values are the paper's printed numbers (Zhao et al. 2025, Tables 2–4 and
§3.2), typed here as literals so the tests do not depend on our own transcription;
calibration inputs come from ``milkbone.published`` when it is importable, else from
the transcribed CSVs in ``data/published`` (the same numbers).
"""

from __future__ import annotations

import json
import math
import shutil
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from milkbone import cohort
from milkbone.cohort import simulation as _simulate

PUBLISHED_DIR = Path(__file__).resolve().parents[1] / "data" / "published"
SEED = 2025


def _inputs_from_csv() -> dict:
    """Calibration inputs from the transcribed CSVs (used until milkbone.published exists)."""
    t2 = pd.read_csv(
        PUBLISHED_DIR / "table2_baseline.csv", dtype={"mean_text": str, "sd_text": str}
    )
    t3 = pd.read_csv(
        PUBLISHED_DIR / "table3_biochemistry.csv", dtype={"mean_text": str, "sd_text": str}
    )
    t3 = t3[t3["cell_kind"] == "mean_sd"]
    summary = pd.concat([t2.dropna(subset=["mean"]), t3], ignore_index=True)
    summary = summary.rename(columns={"table": "source"})
    targets = cohort._targets_from_summary(summary)
    prose = pd.read_csv(PUBLISHED_DIR / "prose_numbers.csv")
    table4 = pd.read_csv(PUBLISHED_DIR / "table4_vitamin_d_categories.csv")
    return {
        "targets": targets,
        "changes": cohort._bmd_changes_from_prose(prose),
        "categories": cohort._categories_from_table4(table4),
        "age_range": cohort._age_range(prose, targets),
    }


def _inputs() -> dict:
    try:
        from milkbone import published  # noqa: F401
    except ImportError:
        return _inputs_from_csv()
    return cohort._published_inputs()


@pytest.fixture(scope="module")
def inputs() -> dict:
    return _inputs()


@pytest.fixture(scope="module")
def simulated(tmp_path_factory, inputs) -> Path:
    return cohort.simulate(seed=SEED, out=tmp_path_factory.mktemp("sim") / "cohort", **inputs)


@pytest.fixture(scope="module")
def loaded(simulated) -> cohort.Cohort:
    return cohort.load(simulated)


@pytest.fixture
def folder(tmp_path, simulated) -> Path:
    """A fresh copy of the valid simulated cohort, to corrupt."""
    out = tmp_path / "data"
    shutil.copytree(simulated, out)
    return out


# ---------------------------------------------------------------- helpers to corrupt files


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def _write(path: Path, lines: list[str]) -> None:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _line_of(path: Path, participant: str, month: int | None = None) -> int:
    """1-based line of a participant (and month) in a CSV, as an editor shows it."""
    lines = _lines(path)
    header = lines[0].split(",")
    for number, line in enumerate(lines[1:], start=2):
        cells = line.split(",")
        if cells[0] != participant:
            continue
        if month is None or cells[header.index("month")] == str(month):
            return number
    raise LookupError(participant)


def _set(path: Path, line: int, column: str, value: str) -> str:
    lines = _lines(path)
    header = lines[0].split(",")
    cells = lines[line - 1].split(",")
    old = cells[header.index(column)]
    cells[header.index(column)] = value
    lines[line - 1] = ",".join(cells)
    _write(path, lines)
    return old


def _completer(folder: Path, group: str = "HCM", k: int = 0) -> str:
    people = pd.read_csv(folder / "participants.csv")
    ids = people[(people["group"] == group) & ~people["withdrawn"]]["participant"]
    return ids.iloc[k]


def _messages(folder: Path) -> list[str]:
    return [str(p) for p in cohort.validate(folder)]


# ------------------------------------------------ bad inputs (each names file, line, column)


def case_missing_file(folder):
    (folder / "visits.csv").unlink()
    return ["visits.csv: file is missing"]


def case_empty_file(folder):
    (folder / "participants.csv").write_text("")
    return ["participants.csv: file is empty"]


def case_header_only(folder):
    _write(folder / "visits.csv", _lines(folder / "visits.csv")[:1])
    return ["visits.csv: file has a header but no data rows"]


def case_missing_column(folder):
    frame = pd.read_csv(folder / "visits.csv", dtype=str, keep_default_na=False)
    frame.drop(columns="ohd_25").to_csv(folder / "visits.csv", index=False)
    return ["visits.csv, line 1, column ohd_25: required column is missing"]


def case_misspelt_column(folder):
    lines = _lines(folder / "visits.csv")
    lines[0] = lines[0].replace("igf_1", "igf1")
    _write(folder / "visits.csv", lines)
    return [
        "visits.csv, line 1, column igf_1: required column is missing",
        "visits.csv, line 1, column igf1: unknown column (allowed: participant, month, bmi, "
        "l1_4_bmd, left_femoral_neck_bmd, right_femoral_neck_bmd, left_hip_bmd, right_hip_bmd, "
        "ast, calcium, phosphorus, ohd_25, tracp_5b, alp, ctx, pinp, oc, igf_1)",
    ]


def case_duplicate_header(folder):
    lines = _lines(folder / "participants.csv")
    lines[0] = lines[0].replace("weight", "height")
    _write(folder / "participants.csv", lines)
    return ["participants.csv, line 1, column height: column appears twice in the header"]


def case_non_numeric(folder):
    _set(folder / "visits.csv", 5, "ast", "abc")
    return ["visits.csv, line 5, column ast: value 'abc' is not a number"]


def case_decimal_comma(folder):
    _set(folder / "visits.csv", 7, "l1_4_bmd", '"0,981"')
    return ["visits.csv, line 7, column l1_4_bmd: value '0,981' is not a number"]


def case_out_of_range(folder):
    _set(folder / "visits.csv", 9, "calcium", "9.4")
    return [
        "visits.csv, line 9, column calcium: value 9.4 is outside the plausible range "
        "1.5–3.5 mmol/L"
    ]


def _scale_visits(folder, column, factor):
    """Multiply one column of visits.csv by ``factor``; return its new median per month."""
    frame = pd.read_csv(folder / "visits.csv", dtype=str, keep_default_na=False)
    frame[column] = [f"{float(v) * factor:.1f}" for v in frame[column]]
    frame.to_csv(folder / "visits.csv", index=False, lineterminator="\n")
    return pd.to_numeric(frame[column]).groupby(frame["month"].astype(int)).median()


def case_bmd_in_mg(folder):
    medians = _scale_visits(folder, "l1_4_bmd", 1000)
    return [
        f"visits.csv, column l1_4_bmd: median {medians[m]:g} at month {m} is above 2 g/cm²: "
        "values look like mg/cm² (divide by 1000)"
        for m in (0, 6, 12)
    ]


def case_ohd_in_nmol(folder):
    medians = _scale_visits(folder, "ohd_25", 2.496)
    return [
        f"visits.csv, column ohd_25: median {medians[m]:g} at month {m} is above 35 ng/mL: "
        "values look like nmol/L (divide by 2.496)"
        for m in (0, 6, 12)
    ]


def case_duplicate_visit(folder):
    lines = _lines(folder / "visits.csv")
    lines.insert(4, lines[3])  # line 4 repeated as line 5
    _write(folder / "visits.csv", lines)
    participant, month = lines[3].split(",")[:2]
    return [
        f"visits.csv, line 5, column month: participant '{participant}' has month {month} "
        "twice (first on line 4)"
    ]


def case_unknown_group(folder):
    _set(folder / "participants.csv", 3, "group", "hcm")
    return [
        "participants.csv, line 3, column group: value hcm is not a known group (allowed: HCM, CM)"
    ]


def _move_month_6(folder, month):
    """Write ``month`` over a completer's 6-month visit; return that line of visits.csv and
    the problem that is then true as well: the completer lacks the 6-month visit."""
    pid = _completer(folder)
    line = _line_of(folder / "visits.csv", pid, 6)
    _set(folder / "visits.csv", line, "month", month)
    lacking = (
        f"participants.csv, line {_line_of(folder / 'participants.csv', pid)}, column "
        f"participant: completer '{pid}' has no visit at month 6 in visits.csv"
    )
    return line, lacking


def case_unknown_month(folder):
    line, lacking = _move_month_6(folder, "3")
    return [
        f"visits.csv, line {line}, column month: value 3 is not a known month (allowed: 0, 6, 12)",
        lacking,
    ]


def case_month_not_integer(folder):
    line, lacking = _move_month_6(folder, "6.0")
    return [f"visits.csv, line {line}, column month: value '6.0' is not a whole number", lacking]


def case_age_not_integer(folder):
    _set(folder / "participants.csv", 4, "age", "61.5")
    return ["participants.csv, line 4, column age: value '61.5' is not a whole number"]


def case_bad_boolean(folder):
    _set(folder / "participants.csv", 6, "withdrawn", "yes")
    return ["participants.csv, line 6, column withdrawn: value 'yes' is not 'true' or 'false'"]


def case_no_baseline(folder):
    pid = _completer(folder, "CM")
    visits = folder / "visits.csv"
    line = _line_of(visits, pid, 0)
    lines = _lines(visits)
    del lines[line - 1]
    _write(visits, lines)
    return [
        f"participants.csv, line {_line_of(folder / 'participants.csv', pid)}, column "
        f"participant: completer '{pid}' has no visit at month 0 in visits.csv",
        # the 6-month visit moved up into the deleted line
        f"visits.csv, line {line}, column month: participant '{pid}' has a month 6 visit "
        "but no baseline (month 0)",
        f"visits.csv, line {line + 1}, column month: participant '{pid}' has a month 12 "
        "visit but no baseline (month 0)",
    ]


def case_unknown_participant(folder):
    pid = _completer(folder, "CM", 2)
    line = _line_of(folder / "visits.csv", pid, 12)
    _set(folder / "visits.csv", line, "participant", "X999")
    return [
        f"visits.csv, line {line}, column participant: participant 'X999' is not in "
        "participants.csv",
        f"participants.csv, line {_line_of(folder / 'participants.csv', pid)}, column "
        f"participant: completer '{pid}' has no visit at month 12 in visits.csv",
    ]


def case_missing_value(folder):
    pid = _completer(folder)
    line = _line_of(folder / "visits.csv", pid, 0)
    _set(folder / "visits.csv", line, "ast", "")
    return [f"visits.csv, line {line}, column ast: value is missing"]


def case_missing_value_before_month_12(folder):
    pid = _completer(folder)
    line = _line_of(folder / "visits.csv", pid, 6)
    _set(folder / "visits.csv", line, "pinp", "")
    return [f"visits.csv, line {line}, column pinp: value is missing (allowed only at month 12)"]


def case_withdrawn_with_month_12(folder):
    pid = _completer(folder)
    _set(
        folder / "participants.csv", _line_of(folder / "participants.csv", pid), "withdrawn", "true"
    )
    line = _line_of(folder / "visits.csv", pid, 12)
    return [
        f"visits.csv, line {line}, column month: participant '{pid}' is withdrawn in "
        "participants.csv but has a month 12 visit"
    ]


def case_completer_missing_12(folder):
    pid = _completer(folder, "CM", 3)
    visits = folder / "visits.csv"
    lines = _lines(visits)
    del lines[_line_of(visits, pid, 12) - 1]
    _write(visits, lines)
    return [
        f"participants.csv, line {_line_of(folder / 'participants.csv', pid)}, column "
        f"participant: completer '{pid}' has no visit at month 12 in visits.csv"
    ]


def case_bmi_inconsistent(folder):
    pid = _completer(folder)
    people_line = _line_of(folder / "participants.csv", pid)
    line = _line_of(folder / "visits.csv", pid, 0)
    old = float(_set(folder / "visits.csv", line, "bmi", "0"))
    _set(folder / "visits.csv", line, "bmi", f"{old + 2:.2f}")
    people = pd.read_csv(folder / "participants.csv").set_index("participant")
    expected = people.loc[pid, "weight"] / (people.loc[pid, "height"] / 100) ** 2
    return [
        f"visits.csv, line {line}, column bmi: baseline BMI {old + 2:g} differs from "
        f"weight/height² = {expected:.2f} (from participants.csv line {people_line}) by more "
        "than 0.5 kg/m²"
    ]


def case_duplicate_participant(folder):
    lines = _lines(folder / "participants.csv")
    lines.append(lines[1])
    _write(folder / "participants.csv", lines)
    pid = lines[1].split(",")[0]
    return [
        f"participants.csv, line {len(lines)}, column participant: participant '{pid}' "
        "appears twice (first on line 2)"
    ]


def case_blank_line(folder):
    lines = _lines(folder / "visits.csv")
    lines.insert(11, "")  # becomes line 12
    _write(folder / "visits.csv", lines)
    return ["visits.csv, line 12: line is empty"]


def case_no_dataset_marker(folder):
    (folder / "dataset.json").unlink()
    return ["dataset.json: file is missing"]


def case_dataset_kind(folder):
    (folder / "dataset.json").write_text('{"kind": "made up"}')
    return ["dataset.json, column kind: 'kind' is 'made up'; expected one of 'simulated', 'real'"]


def case_surrounding_space(folder):
    _set(folder / "participants.csv", 2, "group", " HCM")
    return [
        "participants.csv, line 2, column group: value ' HCM' has surrounding spaces",
        "participants.csv, line 2, column group: value  HCM is not a known group "
        "(allowed: HCM, CM)",
    ]


CASES = [value for name, value in sorted(globals().items()) if name.startswith("case_")]


def test_there_are_at_least_15_bad_input_cases():
    assert len(CASES) >= 15


@pytest.mark.parametrize("corrupt", CASES, ids=lambda f: f.__name__[5:])
def test_bad_input_is_named_by_file_line_and_column(folder, corrupt):
    expected = corrupt(folder)
    messages = _messages(folder)
    for message in expected:
        assert message in messages
    # nothing else goes wrong from a single corruption, except where a case lists more
    assert len(messages) == len(expected), messages


@pytest.mark.parametrize("corrupt", [case_non_numeric, case_missing_file, case_bmd_in_mg])
def test_main_validate_prints_each_problem_and_fails(folder, corrupt, capsys):
    expected = corrupt(folder)
    assert cohort.main_validate(folder) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[: len(expected)] == sorted(expected, key=out.index)
    assert out[-1] == f"{len(expected)} problem{'s' if len(expected) > 1 else ''} found."
    assert not any("Traceback" in line for line in out)


def test_missing_folder_is_one_problem(tmp_path):
    assert _messages(tmp_path / "absent") == [f"{tmp_path / 'absent'}: folder does not exist"]


def test_range_failure_of_mg_unit_is_one_line_per_visit_not_per_row(folder):
    # 97 x 3 + 7 rows would otherwise each report an out-of-range BMD
    assert len(case_bmd_in_mg(folder)) == len(_messages(folder)) == 3


# ---------------------------------------------------------------- valid data, loader


def test_simulated_cohort_is_valid(simulated, capsys):
    assert cohort.validate(simulated) == []
    assert cohort.main_validate(simulated) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert out == [
        f"OK: {simulated} (simulated): 104 participants (97 completers: HCM 51, CM 46; "
        "7 withdrawn), 298 visits."
    ]


def test_load_types_and_long(loaded):
    people, visits = loaded.participants, loaded.visits
    assert loaded.simulated is True
    assert list(people.columns) == [
        "participant",
        "group",
        "age",
        "height",
        "weight",
        "menopause_duration",
        "withdrawn",
    ]
    assert str(people["age"].dtype) == "Int64"
    assert people["withdrawn"].dtype == bool
    assert visits["month"].dtype == np.int64
    long = loaded.long()
    assert list(long.columns) == ["participant", "group", "month", "measure", "value"]
    # 97 completers: 4 baseline measures, 18 - 2 = 16 measures x 3 visits, 6 missing at 12 m
    assert len(long) == 97 * (4 + 16 * 3 - 6)
    assert len(loaded.long(include_withdrawn=True)) == len(long) + 7 * (4 + 16)
    assert long["value"].notna().all()


def test_load_raises_listing_problems(folder):
    case_non_numeric(folder)
    with pytest.raises(ValueError, match=r"is not valid data \(1 problem\):\nvisits.csv, line 5"):
        cohort.load(folder)


def test_load_records_every_file_read(simulated, tmp_path, monkeypatch):
    log = tmp_path / "reads.txt"
    monkeypatch.setenv("MILKBONE_READ_LOG", str(log))
    cohort.load(simulated)
    read = set(log.read_text().splitlines())
    assert read == {str(simulated / f) for f in ("participants.csv", "visits.csv", "dataset.json")}


def test_is_simulated(simulated, tmp_path):
    assert cohort.is_simulated(simulated) is True
    (tmp_path / "dataset.json").write_text('{"kind": "real"}')
    assert cohort.is_simulated(tmp_path) is False
    with pytest.raises(ValueError, match=r"dataset\.json: file is missing"):
        cohort.is_simulated(tmp_path / "nowhere")


# ---------------------------------------------------------------- simulator


def test_same_seed_gives_byte_identical_files(tmp_path, inputs, simulated):
    again = cohort.simulate(seed=SEED, out=tmp_path / "again", **inputs)
    for name in ("participants.csv", "visits.csv", "dataset.json"):
        assert (again / name).read_bytes() == (simulated / name).read_bytes()


def test_different_seed_gives_another_cohort(tmp_path, inputs, simulated):
    other = cohort.simulate(seed=SEED + 1, out=tmp_path / "other", **inputs)
    assert (other / "visits.csv").read_bytes() != (simulated / "visits.csv").read_bytes()
    assert (other / "participants.csv").read_bytes() != (
        simulated / "participants.csv"
    ).read_bytes()


def test_simulation_is_fast(tmp_path, inputs):
    start = time.perf_counter()
    cohort.simulate(seed=7, out=tmp_path / "timed", **inputs)
    # target 2 s on two shared cores; measured about 0.1 s
    assert time.perf_counter() - start < 5


def test_cohort_shape(loaded):
    people = loaded.participants
    assert len(people) == 104
    completers = people[~people["withdrawn"]]
    assert completers["group"].value_counts().to_dict() == {"HCM": 51, "CM": 46}
    assert people[people["withdrawn"]]["group"].value_counts().to_dict() == {"HCM": 4, "CM": 3}
    withdrawn = set(people.loc[people["withdrawn"], "participant"])
    assert set(loaded.visits.loc[loaded.visits["participant"].isin(withdrawn), "month"]) == {0}


def _group_values(loaded: cohort.Cohort, measure: str, group: str, month: int) -> pd.Series:
    people = loaded.participants[~loaded.participants["withdrawn"]]
    ids = people.loc[people["group"] == group, "participant"]
    if measure in people.columns:
        return people.set_index("participant").loc[ids, measure].astype(float)
    visits = loaded.visits
    rows = visits[visits["participant"].isin(ids) & (visits["month"] == month)]
    return rows[measure].dropna()


@pytest.mark.parametrize("seed", [SEED, 1, 99])
def test_means_and_sds_match_targets_to_printed_precision(seed, tmp_path, inputs):
    """Tolerance: half a unit of the last printed decimal, of mean and of SD."""
    data = cohort.load(cohort.simulate(seed=seed, out=tmp_path / "c", **inputs))
    targets = inputs["targets"]
    assert len(targets) == 2 * (10 + 3 * 4 + 2 * 6)  # Tables 2 and 3 printed means ± SD
    for row in targets.itertuples(index=False):
        values = _group_values(data, row.measure, row.group, row.month)
        assert len(values) == row.n
        assert abs(values.mean() - row.mean) < 0.5 * 10**-row.mean_decimals, row
        assert abs(values.std(ddof=1) - row.sd) < 0.5 * 10**-row.sd_decimals, row


# Table 2 and Table 3 as printed (paper), an independent check of the transcription
PRINTED = {
    ("l1_4_bmd", "HCM", 0): (0.981, 0.123),
    ("l1_4_bmd", "CM", 0): (0.935, 0.107),
    ("age", "HCM", 0): (61.2, 5.00),
    ("ohd_25", "HCM", 6): (24.20, 6.277),
    ("ohd_25", "CM", 12): (17.08, 6.039),
    ("ctx", "HCM", 6): (0.28, 0.200),
    ("pinp", "HCM", 0): (84.67, 48.256),  # Table 2; Table 3 prints 84.70
    ("igf_1", "CM", 6): (9.47, 5.31),
}


@pytest.mark.parametrize(("key", "printed"), PRINTED.items(), ids=lambda v: str(v))
def test_printed_values_reproduced(loaded, key, printed):
    values = _group_values(loaded, *key)
    assert round(values.mean(), 3) == pytest.approx(
        printed[0], abs=0.5 * 10 ** -len(str(printed[0]).split(".")[1])
    )
    assert values.std(ddof=1) == pytest.approx(printed[1], abs=0.0005)


def test_bmi_is_weight_over_height_squared_and_near_table_2(loaded):
    people = loaded.participants.set_index("participant")
    base = loaded.visits[loaded.visits["month"] == 0].set_index("participant")
    bmi = people["weight"] / (people["height"] / 100) ** 2
    assert (base.loc[people.index, "bmi"] - bmi).abs().max() < 0.006  # 2 decimals written
    # achieved (not forced): Table 2 prints 24.7 ± 2.77 (HCM) and 25.0 ± 3.39 (CM)
    for group, mean, sd in (("HCM", 24.7, 2.77), ("CM", 25.0, 3.39)):
        values = _group_values(loaded, "bmi", group, 0)
        assert values.mean() == pytest.approx(mean, abs=0.05)
        assert values.std(ddof=1) == pytest.approx(sd, abs=0.01)


# §3.2, as printed; (measure, group, from month, to month) -> percent change of the mean
STATED_BMD_CHANGES = {
    ("l1_4_bmd", "HCM", 0, 6): 2.3,
    ("l1_4_bmd", "CM", 0, 6): 1.5,
    ("left_hip_bmd", "HCM", 0, 6): 2.2,
    ("left_hip_bmd", "HCM", 0, 12): 1.1,
    ("left_hip_bmd", "CM", 0, 6): -0.1,
    ("left_hip_bmd", "CM", 0, 12): -0.7,
    ("left_femoral_neck_bmd", "HCM", 0, 6): 2.6,
    ("left_femoral_neck_bmd", "CM", 0, 6): 0.5,
    ("left_femoral_neck_bmd", "HCM", 6, 12): -0.5,
    ("left_femoral_neck_bmd", "CM", 6, 12): -1.0,
}


@pytest.mark.parametrize(("key", "percent"), STATED_BMD_CHANGES.items(), ids=str)
def test_stated_bmd_percent_changes_are_honoured(loaded, key, percent):
    """Tolerance: 0.05 percentage points, half a unit of the printed decimal."""
    measure, group, start, end = key
    before = _group_values(loaded, measure, group, start).mean()
    after = _group_values(loaded, measure, group, end).mean()
    assert 100 * (after / before - 1) == pytest.approx(percent, abs=0.05)


def test_assumed_bmd_changes_and_sd_carried_forward(loaded):
    for row in cohort.BMD_ASSUMPTIONS.itertuples(index=False):
        before = _group_values(loaded, row.measure, row.group, row.reference_month)
        after = _group_values(loaded, row.measure, row.group, row.month)
        assert 100 * (after.mean() / before.mean() - 1) == pytest.approx(
            row.percent_change, abs=0.02
        )
        baseline = _group_values(loaded, row.measure, row.group, 0)
        assert after.std(ddof=1) == pytest.approx(baseline.std(ddof=1), abs=1e-4)


def test_serum_percent_changes_in_prose_are_honoured(loaded):
    """Every within-arm percent change §3.3 prints, within 0.1 percentage points (the
    means behind them are themselves matched only to their printed precision)."""
    prose = pd.read_csv(PUBLISHED_DIR / "prose_numbers.csv")
    rows = prose[(prose["statistic"] == "percent_change") & prose["groups"].isin(["HCM", "CM"])]
    rows = rows[~rows["measure"].str.endswith("_bmd")]
    assert len(rows) >= 14
    for row in rows.itertuples(index=False):
        start, end = cohort._span(row.timepoint)
        before = _group_values(loaded, row.measure, row.groups, start).mean()
        after = _group_values(loaded, row.measure, row.groups, end).mean()
        sign = -1 if row.direction == "decrease" else 1
        assert 100 * (after / before - 1) == pytest.approx(sign * row.value, abs=0.1), row


# Table 4 as printed: (group, month) -> (normal, insufficient, deficient)
TABLE_4 = {
    ("HCM", 0): (11, 23, 17),
    ("CM", 0): (9, 25, 12),
    ("HCM", 6): (41, 10, 0),
    ("CM", 6): (17, 27, 2),
    ("HCM", 12): (33, 17, 1),
    ("CM", 12): (14, 24, 6),  # adds up to 44, not 46
}


@pytest.mark.parametrize(("key", "counts"), TABLE_4.items(), ids=str)
def test_vitamin_d_categories_follow_table_4(loaded, key, counts):
    values = _group_values(loaded, "ohd_25", *key)
    got = ((values >= 20).sum(), ((values > 12) & (values < 20)).sum(), (values < 12).sum())
    assert ((values == 12) | (values == 20)).sum() == (values == 20).sum()  # no value at 12
    if sum(counts) == len(values):
        assert got == counts
    else:
        # resolution: the 2 uncounted CM participants at 12 m sit in the category of the
        # group mean (17.08 ng/mL: insufficient); the printed counts stay as printed
        assert key == ("CM", 12)
        assert got == (14, 26, 6)


def test_table_4_resolution_is_recorded(simulated):
    info = json.loads((simulated / "dataset.json").read_text())
    notes = info["ohd_25_categories"]["resolutions"]
    assert notes == [
        {
            "group": "CM",
            "month": 12,
            "printed_total": 44,
            "n": 46,
            "resolution": "2 participants not counted in Table 4 placed in 'insufficient', "
            "the category of the group mean 17.08 ng/mL",
        }
    ]


def test_resolve_categories_rejects_counts_above_n(inputs):
    categories = inputs["categories"].copy()
    categories.loc[0, "count"] += 100
    with pytest.raises(
        ValueError, match=r"Table 4 counts for \w+ at month \d+ add up to \d+, more than n"
    ):
        cohort.resolve_categories(categories, inputs["targets"])


def test_infeasible_categories_are_reported():
    z = np.random.default_rng(0).standard_normal(10)
    with pytest.raises(_simulate.CalibrationError, match=r"mean 30 is outside \[3.000, 11.990\]"):
        _simulate.match_categories(z, mean=30, sd=5, categories=[(3, 11.99, 10)])
    with pytest.raises(_simulate.CalibrationError, match=r"add up to 9, not 10"):
        _simulate.match_categories(z, mean=10, sd=2, categories=[(3, 11.99, 9)])
    with pytest.raises(_simulate.CalibrationError, match=r"no values in the categories \[5, 5\]"):
        _simulate.match_categories(z, mean=12, sd=0.001, categories=[(3, 11.99, 5), (12.01, 20, 5)])


def test_ages_are_whole_years_in_stated_range(loaded):
    age = loaded.participants["age"]
    assert (age.astype(float) == age.astype(float).round()).all()
    assert age.min() >= 48
    assert age.max() <= 73


def test_no_negative_or_zero_concentrations(loaded):
    measures = [m for m in cohort.MEASURES if m != "bmi"]
    assert (loaded.visits[measures].min() > 0).all()
    assert (loaded.participants["menopause_duration"] > 0).all()


def _mean_spearman(data: cohort.Cohort, measures) -> float:
    wide = data.visits.pivot(index="participant", columns="month")
    people = data.participants.set_index("participant")
    r = []
    for group in ("HCM", "CM"):
        ids = people.index[(people["group"] == group) & ~people["withdrawn"]]
        for measure in measures:
            months = [m for m in (0, 6, 12) if wide.loc[ids, (measure, m)].notna().all()]
            for i, a in enumerate(months):
                for b in months[i + 1 :]:
                    r.append(
                        stats.spearmanr(wide.loc[ids, (measure, a)], wide.loc[ids, (measure, b)])[0]
                    )
    return float(np.mean(r))


def _spearman_of(rho: float) -> float:
    """Spearman correlation of a bivariate normal with Pearson rho (Pearson 1907)."""
    return 6 / math.pi * math.asin(rho / 2)


def test_within_participant_correlation_near_parameter(loaded, tmp_path, inputs):
    bmd = [
        "l1_4_bmd",
        "left_femoral_neck_bmd",
        "right_femoral_neck_bmd",
        "left_hip_bmd",
        "right_hip_bmd",
    ]
    serum = ["ast", "calcium", "phosphorus", "tracp_5b", "alp", "ctx", "pinp", "oc", "igf_1"]
    # averaged over arms, measures and pairs of visits (30 and 42 correlations)
    assert _mean_spearman(loaded, bmd) == pytest.approx(_spearman_of(0.95), abs=0.02)
    assert _mean_spearman(loaded, serum) == pytest.approx(_spearman_of(0.6), abs=0.06)
    weaker = cohort.load(
        cohort.simulate(
            seed=SEED, out=tmp_path / "w", correlation={"serum": 0.2, "bmd": 0.5}, **inputs
        )
    )
    assert _mean_spearman(weaker, serum) == pytest.approx(_spearman_of(0.2), abs=0.06)
    assert _mean_spearman(weaker, bmd) == pytest.approx(_spearman_of(0.5), abs=0.06)


def test_bad_correlation_parameter(tmp_path, inputs):
    with pytest.raises(ValueError, match=r"correlation 'serum' must be in \[0, 1\), got 1.5"):
        cohort.simulate(seed=1, out=tmp_path / "x", correlation={"serum": 1.5}, **inputs)


def test_dataset_json_says_what_produced_it(simulated):
    info = json.loads((simulated / "dataset.json").read_text())
    assert info["kind"] == "simulated"
    assert info["seed"] == SEED
    assert info["groups"] == {
        "HCM": {"completers": 51, "withdrawn": 4},
        "CM": {"completers": 46, "withdrawn": 3},
    }
    assert "does not say which arms" in info["assumptions"]["withdrawn"]
    assert info["assumptions"]["age_range"] == [48, 73]
    assert len(info["bmd_changes"]) == 20


def test_refuses_to_overwrite_real_data(tmp_path, inputs, capsys):
    (tmp_path / "dataset.json").write_text('{"kind": "real"}')
    with pytest.raises(ValueError, match=r"refusing to overwrite .*kind 'real'"):
        cohort.simulate(seed=1, out=tmp_path, **inputs)
    assert cohort.main_simulate(seed=1, out=tmp_path) == 1
    assert "error: refusing to overwrite" in capsys.readouterr().err
    assert not (tmp_path / "visits.csv").exists()


def test_main_simulate_writes_and_reports(tmp_path, monkeypatch, capsys):
    try:
        from milkbone import published  # noqa: F401
    except ImportError:
        monkeypatch.setattr(cohort, "_published_inputs", _inputs_from_csv)
    assert cohort.main_simulate(seed=SEED, out=tmp_path / "sim") == 0
    out = capsys.readouterr().out
    assert out.startswith(f"simulated 104 participants (97 completers) with seed {SEED} into ")
    assert cohort.validate(tmp_path / "sim") == []


def test_polish_keeps_moments_on_a_grid():
    # alp of CM at baseline in Table 2: 72.54 ± 20.751, written to 0.1 U/L
    x = _simulate.match_normal(np.random.default_rng(5).standard_normal(46), mean=72.54, sd=20.751)
    target = {"mean": 72.54, "sd": 20.751, "low": 10, "high": 500}
    tolerance = {"mean_tolerance": 0.005, "sd_tolerance": 0.0005}
    y = _simulate.polish(x, step=0.1, **target, **tolerance)
    assert np.allclose(y * 10, np.round(y * 10))
    assert y.mean() == pytest.approx(72.54, abs=0.005)
    assert y.std(ddof=1) == pytest.approx(20.751, abs=0.0005)
    with pytest.raises(
        _simulate.CalibrationError, match=r"cannot reach mean 72\.54 on a grid of 10"
    ):
        _simulate.polish(x, step=10, **target, **tolerance)


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
        _simulate.follow_up_targets(base, steps)
    steps = steps.assign(measure="x", reference_month=6, month=12)
    with pytest.raises(ValueError, match="reference month 6 has no target"):
        _simulate.follow_up_targets(base, steps)


def test_dataset_info_and_reproducibility_check(tmp_path):
    cohort.simulate(seed=11, out=tmp_path)
    assert cohort.dataset_info(tmp_path)["seed"] == 11
    check = cohort.check_reproducible(tmp_path)
    assert check["file"].tolist() == ["participants.csv", "visits.csv", "dataset.json"]
    assert check["identical"].all()
    (tmp_path / "visits.csv").write_text((tmp_path / "visits.csv").read_text() + "\n")
    assert not cohort.check_reproducible(tmp_path).set_index("file").loc["visits.csv", "identical"]


def test_dataset_info_names_a_missing_file(tmp_path):
    with pytest.raises(ValueError, match=r"dataset\.json: file is missing"):
        cohort.dataset_info(tmp_path)
