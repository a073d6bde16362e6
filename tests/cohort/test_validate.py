"""Tests of milkbone.cohort.validate (and ``milkbone validate``): every bad input is
named by file, line and column.

Each case corrupts a copy of the valid simulated cohort in one way and lists the
problems that must be reported, as a user would read them; the expected messages are
typed here, not built by the code under test.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from milkbone import cli, cohort

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
    """Write ``month`` over a completer's 6-month visit; return that line of visits.csv.
    The completer then lacks a 6-month visit, but that only repeats the line's problem
    and is not reported."""
    pid = _completer(folder)
    line = _line_of(folder / "visits.csv", pid, 6)
    _set(folder / "visits.csv", line, "month", month)
    return line


def case_unknown_month(folder):
    line = _move_month_6(folder, "3")
    return [
        f"visits.csv, line {line}, column month: value 3 is not a known month (allowed: 0, 6, 12)"
    ]


def case_month_not_integer(folder):
    line = _move_month_6(folder, "6.0")
    return [
        f"visits.csv, line {line}, column month: value '6.0' is not a month as written "
        "(allowed: 0, 6, 12)"
    ]


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
def test_validate_command_prints_each_problem_and_fails(folder, corrupt, capsys):
    expected = corrupt(folder)
    assert cli.main(["validate", str(folder)]) == 1
    lines = capsys.readouterr().out.splitlines()
    # an edited copy of a simulated folder is no longer the simulation: a note says so
    notes = [line for line in lines if line.startswith("note: ")]
    assert notes == [lines[0]]
    assert "treated as real data" in notes[0]
    out = lines[1:]
    assert out[: len(expected)] == sorted(expected, key=out.index)
    assert out[-1] == f"{len(expected)} problem{'s' if len(expected) > 1 else ''} found."
    assert not any("Traceback" in line for line in out)


def test_missing_folder_is_one_problem(tmp_path):
    assert _messages(tmp_path / "absent") == [f"{tmp_path / 'absent'}: folder does not exist"]


def test_range_failure_of_mg_unit_is_one_line_per_visit_not_per_row(folder):
    # 97 x 3 + 7 rows would otherwise each report an out-of-range BMD
    assert len(case_bmd_in_mg(folder)) == len(_messages(folder)) == 3


def test_simulated_cohort_is_valid(simulated, capsys):
    assert cohort.validate(simulated) == []
    assert cli.main(["validate", str(simulated)]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert out == [
        f"OK: {simulated} (simulated): 104 participants (97 completers: HCM 51, CM 46; "
        "7 withdrawn), 298 visits."
    ]
