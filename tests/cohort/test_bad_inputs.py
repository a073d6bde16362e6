"""The corpus of bad inputs (issue 15): files people's tools write, and mistakes in them.

Each case starts from the shipped simulated cohort (``milkbone simulate --seed 2025
--out DIR``) marked as real data, changes it as a user's spreadsheet or a slip would,
and states everything ``milkbone validate DIR`` must print, line for line, and its exit
code: 0 when the file is read (a ``note:`` line says how, when it is not plain
comma-separated UTF-8), 1 when it is invalid (one line per problem, naming file, line
and column where they apply). Never a traceback: stderr stays empty. The expected
lines are typed here, with numbers computed from the files, not by the code under test.
"""

from __future__ import annotations

import json
import shutil
import statistics
from pathlib import Path

import pandas as pd
import pytest

from milkbone import cli, cohort

P, V, D = "participants.csv", "visits.csv", "dataset.json"
CP1252 = "cp1252 (Windows; Excel's plain CSV)"


@pytest.fixture(scope="module")
def shipped(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("shipped") / "simulated"
    assert cli.main(["simulate", "--seed", "2025", "--out", str(out)]) == 0
    return out


@pytest.fixture
def folder(tmp_path, shipped) -> Path:
    """The clinical files of the shipped cohort, with a dataset.json that says real, as a
    user's would (the 16S and metabolome folders have corpora of their own)."""
    out = tmp_path / "data"
    out.mkdir()
    for file in (P, V):
        shutil.copy(shipped / file, out / file)
    (out / D).write_text('{"kind": "real", "source": "bad-input corpus"}\n', encoding="utf-8")
    return out


# ------------------------------------------------------------------------------ helpers


def _rows(folder: Path, file: str) -> list[list[str]]:
    return [line.split(",") for line in (folder / file).read_text().splitlines()]


def _write(folder, file, rows, *, delimiter=",", encoding="utf-8", ending="\n") -> None:
    text = ending.join(delimiter.join(cells) for cells in rows) + ending
    (folder / file).write_bytes(text.encode(encoding))


def _line_of(folder: Path, file: str, participant: str, month: int | None = None) -> int:
    for number, cells in enumerate(_rows(folder, file)[1:], start=2):
        if cells[0] == participant and (month is None or cells[1] == str(month)):
            return number
    raise LookupError(participant)


def _set(folder: Path, file: str, line: int, column: str, value: str) -> str:
    rows = _rows(folder, file)
    position = rows[0].index(column)
    old, rows[line - 1][position] = rows[line - 1][position], value
    _write(folder, file, rows)
    return old


def _column(folder: Path, file: str, column: str) -> list[str]:
    rows = _rows(folder, file)
    return [cells[rows[0].index(column)] for cells in rows[1:]]


def _map_column(folder: Path, file: str, column: str, change) -> None:
    rows = _rows(folder, file)
    position = rows[0].index(column)
    for cells in rows[1:]:
        cells[position] = change(cells[position])
    _write(folder, file, rows)


def _valid(folder: Path, *notes: str, kind: str = "real") -> tuple[list[str], int]:
    ok = (
        f"OK: {folder} ({kind}): 104 participants (97 completers: HCM 51, CM 46; "
        "7 withdrawn), 298 visits."
    )
    return [*(f"note: {n}" for n in notes), ok], 0


def _invalid(*problems: str, notes: tuple[str, ...] = ()) -> tuple[list[str], int]:
    count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found."
    return [*(f"note: {n}" for n in notes), *problems, count], 1


# ---------------------------------------------------------------------------- encodings


def case_utf16_from_excel_unicode_text(folder, shipped):
    (folder / V).write_bytes((folder / V).read_text().encode("utf-16"))
    return _valid(folder, f"{V}: read as UTF-16 (byte-order mark)")


def case_utf16_big_endian(folder, shipped):
    (folder / V).write_bytes(b"\xfe\xff" + (folder / V).read_text().encode("utf-16-be"))
    return _valid(folder, f"{V}: read as UTF-16 (byte-order mark)")


def case_utf16_without_byte_order_mark(folder, shipped):
    (folder / P).write_bytes((folder / P).read_text().encode("utf-16-le"))
    return _valid(folder, f"{P}: read as UTF-16 (LE, no byte-order mark)")


def case_utf32(folder, shipped):
    (folder / P).write_bytes((folder / P).read_text().encode("utf-32"))
    return _valid(folder, f"{P}: read as UTF-32 (byte-order mark)")


def case_utf8_with_byte_order_mark(folder, shipped):
    (folder / P).write_bytes((folder / P).read_text().encode("utf-8-sig"))
    return _valid(folder, f"{P}: read as UTF-8 with a byte-order mark")


def case_cp1252_accented_ids(folder, shipped):
    for file in (P, V):
        text = (folder / file).read_text().replace("P001,", "Pé001,")
        (folder / file).write_bytes(text.encode("cp1252"))
    return _valid(folder, f"{P}: read as {CP1252}", f"{V}: read as {CP1252}")


def case_dataset_json_utf16(folder, shipped):
    (folder / D).write_bytes('{"kind": "real"}'.encode("utf-16"))
    return _valid(folder, f"{D}: read as UTF-16 (byte-order mark)")


def case_dataset_json_from_notepad_with_bom(folder, shipped):
    (folder / D).write_bytes('{"kind": "real"}'.encode("utf-8-sig"))
    return _valid(folder, f"{D}: read as UTF-8 with a byte-order mark")


def case_binary_visits(folder, shipped):
    (folder / V).write_bytes(bytes(range(256)) * 8)
    return _invalid(f"{V}: is not a text file (it holds binary data): save it as CSV")


def case_xlsx_saved_as_csv(folder, shipped):
    (folder / V).write_bytes(b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256)))
    return _invalid(
        f"{V}: is an Excel workbook (.xlsx) or another zip archive, not CSV text: save it as CSV"
    )


def case_xls_saved_as_csv(folder, shipped):
    (folder / P).write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))
    return _invalid(f"{P}: is an Excel 97-2003 workbook (.xls), not CSV text: save it as CSV")


def case_broken_utf16(folder, shipped):
    (folder / V).write_bytes(b"\xff\xfe" + "participant".encode("utf-16-le") + b"\x00\xd8")
    return _invalid(f"{V}: starts with a UTF-16 byte-order mark but is not valid UTF-16")


def case_binary_dataset_json(folder, shipped):
    (folder / D).write_bytes(b"\x00\x01\x02kind\x00")
    return _invalid(f"{D}: is not a text file (it holds binary data): save it as CSV")


# --------------------------------------------------------------------------- delimiters


def _european(folder: Path, file: str, *, encoding: str = "utf-8", ending: str = "\n") -> None:
    """Semicolons between values and decimal commas, as Excel writes in most of Europe."""
    rows = [[cell.replace(".", ",") for cell in cells] for cells in _rows(folder, file)]
    _write(folder, file, rows, delimiter=";", encoding=encoding, ending=ending)


def case_european_excel(folder, shipped):
    for file in (P, V):
        (folder / file).write_text((folder / file).read_text().replace("P001,", "Pé001,"))
        _european(folder, file, encoding="cp1252", ending="\r\n")
    said = f"read as {CP1252}, semicolon-delimited with decimal commas"
    return _valid(folder, f"{P}: {said}", f"{V}: {said}")


def case_semicolons_with_decimal_points(folder, shipped):
    _write(folder, V, _rows(folder, V), delimiter=";")
    return _valid(folder, f"{V}: semicolon-delimited")


def case_tab_delimited(folder, shipped):
    _write(folder, P, _rows(folder, P), delimiter="\t")
    return _valid(folder, f"{P}: tab-delimited")


def case_excel_sep_line(folder, shipped):
    _european(folder, V)
    (folder / V).write_text("sep=;\n" + (folder / V).read_text())
    return _valid(
        folder, f"{V}: semicolon-delimited (its first line says sep=) with decimal commas"
    )


def case_pipe_delimited(folder, shipped):
    _write(folder, V, _rows(folder, V), delimiter="|")
    return _invalid(
        f"{V}, line 1: the header splits into known columns only on a vertical bar '|': "
        "save the file with commas, semicolons or tabs between values"
    )


def case_sep_line_naming_a_pipe(folder, shipped):
    (folder / V).write_text("sep=|\n" + (folder / V).read_text())
    return _invalid(f"{V}, line 1: the first line 'sep=|' names a delimiter that is not read")


def case_header_and_lines_with_different_delimiters(folder, shipped):
    rows = _rows(folder, V)
    _write(folder, V, [rows[0]], delimiter=",")
    body = "\n".join(";".join(cells) for cells in rows[1:]) + "\n"
    (folder / V).write_text((folder / V).read_text() + body)
    return _invalid(
        f"{V}, line 2: no line has the header's 18 fields (line 2 has 1): are the header and "
        "the lines written with the same delimiter?"
    )


def case_decimal_point_in_a_decimal_comma_file(folder, shipped):
    _european(folder, V)
    rows = [line.split(";") for line in (folder / V).read_text().splitlines()]
    rows[4][rows[0].index("calcium")] = rows[4][rows[0].index("calcium")].replace(",", ".")
    _write(folder, V, rows, delimiter=";")
    value = rows[4][rows[0].index("calcium")]
    return _invalid(
        f"{V}, line 5, column calcium: value '{value}' has a decimal point; this file uses "
        "decimal commas",
        notes=(f"{V}: semicolon-delimited with decimal commas",),
    )


def case_quoted_decimal_comma_in_a_comma_file(folder, shipped):
    old = _set(folder, V, 7, "l1_4_bmd", '"0,981"')
    assert old
    return _invalid(f"{V}, line 7, column l1_4_bmd: value '0,981' is not a number")


def case_trailing_comma_on_every_line(folder, shipped):
    (folder / V).write_text("".join(f"{line},\n" for line in (folder / V).read_text().splitlines()))
    return _valid(
        folder, f"{V}: every line ends with a delimiter, read as an empty last column and ignored"
    )


def case_trailing_comma_on_data_lines_only(folder, shipped):
    lines = (folder / P).read_text().splitlines()
    (folder / P).write_text("\n".join([lines[0], *(f"{line}," for line in lines[1:])]) + "\n")
    return _valid(
        folder, f"{P}: 104 lines end with a delimiter, read as an empty last column and ignored"
    )


def case_extra_value_on_one_line(folder, shipped):
    lines = (folder / V).read_text().splitlines()
    lines[9] += ",5"
    (folder / V).write_text("\n".join(lines) + "\n")
    return _invalid(f"{V}, line 10: line has 19 fields; the header has 18 (first extra value '5')")


def case_value_missing_its_field(folder, shipped):
    lines = (folder / V).read_text().splitlines()
    lines[20] = lines[20].rsplit(",", 1)[0]
    (folder / V).write_text("\n".join(lines) + "\n")
    return _invalid(f"{V}, line 21: line has 17 fields; the header has 18")


def case_windows_line_ends(folder, shipped):
    _write(folder, V, _rows(folder, V), ending="\r\n")
    return _valid(folder)


def case_old_mac_line_ends(folder, shipped):
    _write(folder, P, _rows(folder, P), ending="\r")
    return _valid(folder)


def case_every_cell_quoted(folder, shipped):
    rows = [[f'"{cell}"' for cell in cells] for cells in _rows(folder, V)]
    _write(folder, V, rows)
    return _valid(folder)


# -------------------------------------------------------------------------------- header


def case_header_name_with_trailing_space(folder, shipped):
    rows = _rows(folder, V)
    rows[0][1] = "month "
    _write(folder, V, rows)
    return _invalid(
        f"{V}, line 1, column month: the name is written 'month ', with surrounding spaces"
    )


def case_header_name_with_leading_space(folder, shipped):
    rows = _rows(folder, P)
    rows[0][1] = " group"
    _write(folder, P, rows)
    return _invalid(
        f"{P}, line 1, column group: the name is written ' group', with surrounding spaces"
    )


def case_header_names_equal_but_for_spaces(folder, shipped):
    rows = _rows(folder, P)
    rows[0][4] = "height "
    _write(folder, P, rows)
    return _invalid(
        f"{P}, line 1, column height: the name is written 'height ', with surrounding spaces",
        f"{P}, line 1, column height: column appears twice in the header",
    )


def case_header_cell_without_a_name(folder, shipped):
    rows = _rows(folder, V)
    rows[0][8] = ""
    _write(folder, V, rows)
    return _invalid(f"{V}, line 1: column 9 has no name")


# ------------------------------------------------------------------- values, no coercion


def case_month_with_leading_zero(folder, shipped):
    line = _line_of(folder, V, "P002", 6)
    _set(folder, V, line, "month", "06")
    return _invalid(
        f"{V}, line {line}, column month: value '06' is not a month as written (allowed: 0, 6, 12)"
    )


def case_month_with_plus_sign(folder, shipped):
    line = _line_of(folder, V, "P003", 12)
    _set(folder, V, line, "month", "+12")
    return _invalid(
        f"{V}, line {line}, column month: value '+12' is not a month as written (allowed: 0, 6, 12)"
    )


def case_age_with_leading_zero(folder, shipped):
    age = _set(folder, P, 4, "age", "0" + _column(folder, P, "age")[2])
    return _invalid(
        f"{P}, line 4, column age: value '0{age}' is not written as a plain whole number "
        f"(write {age})"
    )


def case_booleans_in_excel_capitals(folder, shipped):
    _map_column(folder, P, "withdrawn", str.upper)
    return _valid(folder)


def case_yes_for_withdrawn(folder, shipped):
    _set(folder, P, 6, "withdrawn", "yes")
    return _invalid(f"{P}, line 6, column withdrawn: value 'yes' is not 'true' or 'false'")


def case_na_for_a_missing_value(folder, shipped):
    _set(folder, V, 8, "ast", "NA")
    return _invalid(f"{V}, line 8, column ast: value 'NA' is not a number")


def case_number_with_a_space(folder, shipped):
    old = _set(folder, V, 11, "oc", "")
    _set(folder, V, 11, "oc", f" {old}")
    return _invalid(f"{V}, line 11, column oc: value ' {old}' is not a number")


# ---------------------------------------------------------------------------------- units


def case_height_in_metres(folder, shipped):
    _map_column(folder, P, "height", lambda h: f"{float(h) / 100:.3f}")
    median = statistics.median(float(h) for h in _column(folder, P, "height"))
    return _invalid(
        f"{P}, column height: median {median:g} is below 3 cm: values look like metres "
        "(multiply by 100)"
    )


def case_height_in_inches(folder, shipped):
    _map_column(folder, P, "height", lambda h: f"{float(h) / 2.54:.1f}")
    median = statistics.median(float(h) for h in _column(folder, P, "height"))
    return _invalid(
        f"{P}, column height: median {median:g} is below 100 cm: values look like inches "
        "(multiply by 2.54)"
    )


def case_weight_in_pounds(folder, shipped):
    _map_column(folder, P, "weight", lambda w: f"{float(w) * 2.205:.1f}")
    median = statistics.median(float(w) for w in _column(folder, P, "weight"))
    return _invalid(
        f"{P}, column weight: median {median:g} is above 100 kg: values look like pounds "
        "(divide by 2.205)"
    )


def case_calcium_in_mg_per_dl(folder, shipped):
    _map_column(folder, V, "calcium", lambda c: f"{float(c) * 4.008:.2f}")
    frame = pd.read_csv(folder / V)
    medians = frame.groupby("month")["calcium"].median()
    return _invalid(
        *(
            f"{V}, column calcium: median {medians[m]:g} at month {m} is above 4 mmol/L: "
            "values look like mg/dL (divide by 4.008)"
            for m in (0, 6, 12)
        )
    )


def case_one_womans_bmd_in_mg(folder, shipped):
    rows = _rows(folder, V)
    position = rows[0].index("l1_4_bmd")
    values = []
    for cells in rows[1:]:
        if cells[0] == "P001":
            cells[position] = f"{float(cells[position]) * 1000:.1f}"
            values.append(f"{float(cells[position]):g}")
    _write(folder, V, rows)
    return _invalid(
        f"{V}, line 2, column l1_4_bmd: participant 'P001' has {', '.join(values)}, every "
        "value above 2 g/cm²: values look like mg/cm² (divide by 1000)"
    )


def case_ohd_25_in_nmol_for_some_women(folder, shipped):
    nmol = {f"P{k:03d}" for k in range(1, 11)}
    rows = _rows(folder, V)
    position = rows[0].index("ohd_25")
    for cells in rows[1:]:
        if cells[0] in nmol:
            cells[position] = f"{float(cells[position]) * 2.496:.2f}"
    _write(folder, V, rows)
    frame = pd.read_csv(folder / V)
    assert (frame.groupby("month")["ohd_25"].median() < 35).all()  # no visit median shows it
    problems = []
    for pid, visits in frame.groupby("participant", sort=False):
        if pid in nmol and (visits["ohd_25"] > 35).all():
            shown = ", ".join(f"{v:g}" for v in visits["ohd_25"])
            problems.append(
                f"{V}, line {visits.index[0] + 2}, column ohd_25: participant '{pid}' has "
                f"{shown}, every value above 35 ng/mL: values look like nmol/L (divide by 2.496)"
            )
    assert len(problems) >= 3
    return _invalid(*problems)


# ----------------------------------------------------------------------- rows and visits


def case_withdrawn_woman_without_any_visit(folder, shipped):
    rows = [cells for cells in _rows(folder, V) if cells[0] != "P006"]
    _write(folder, V, rows)
    return _invalid(
        f"{P}, line 7, column participant: withdrawn participant 'P006' has no visit in "
        "visits.csv: everyone enrolled has a baseline visit (month 0)"
    )


def case_line_of_delimiters_only(folder, shipped):
    lines = (folder / V).read_text().splitlines()
    lines.insert(30, "," * 17)
    (folder / V).write_text("\n".join(lines) + "\n")
    return _invalid(f"{V}, line 31: line is empty")


def case_folder_missing(folder, shipped):
    shutil.rmtree(folder)
    return _invalid(f"{folder}: folder does not exist")


def case_folder_is_a_file(folder, shipped):
    shutil.rmtree(folder)
    folder.write_text("participant,month\n")
    return _invalid(f"{folder}: is a file, not a folder")


# --------------------------------------------------------------------------- dataset.json


def case_simulated_dataset_json_copied_beside_real_files(folder, shipped):
    shutil.copy(shipped / D, folder / D)
    _set(folder, V, 12, "ast", "31.50")
    return _valid(
        folder,
        f"{D} says the data are simulated, but {V} is not the file the simulation wrote (its "
        "SHA-256 differs): treated as real data",
    )


def case_file_added_to_a_simulated_folder(folder, shipped):
    shutil.copy(shipped / D, folder / D)
    (folder / "notes.txt").write_text("my own notes\n")
    return _valid(
        folder,
        f"{D} says the data are simulated, but notes.txt was not written by the simulation: "
        "treated as real data",
    )


def case_simulated_dataset_json_without_digests(folder, shipped):
    (folder / D).write_text(json.dumps({"kind": "simulated", "seed": 2025}))
    return _valid(
        folder,
        f"{D} says the data are simulated, but it records no SHA-256 of the files it "
        "describes: treated as real data",
    )


def case_intact_copy_of_the_simulation_stays_simulated(folder, shipped):
    shutil.copy(shipped / D, folder / D)
    return _valid(folder, kind="simulated")


def case_dataset_json_not_json(folder, shipped):
    (folder / D).write_text("kind: real\n")
    return _invalid(f"{D}, line 1: not valid JSON (Expecting value)")


def case_dataset_json_a_list(folder, shipped):
    (folder / D).write_text('["real"]')
    return _invalid(f"{D}, column kind: 'kind' is None; expected one of 'simulated', 'real'")


# -------------------------------------------------- beside the 16S and metabolome folders


def _with_omics(folder: Path, shipped: Path) -> None:
    for section in ("microbiome", "metabolome"):
        shutil.copytree(shipped / section, folder / section)


def case_binary_visits_beside_omics_folders(folder, shipped):
    _with_omics(folder, shipped)
    (folder / V).write_bytes(bytes(range(256)) * 8)
    return _invalid(f"{V}: is not a text file (it holds binary data): save it as CSV")


def case_utf16_semicolon_visits_beside_omics_folders(folder, shipped):
    _with_omics(folder, shipped)
    _european(folder, V, encoding="utf-16")
    return _valid(
        folder, f"{V}: read as UTF-16 (byte-order mark), semicolon-delimited with decimal commas"
    )


CASES = [value for name, value in sorted(globals().items()) if name.startswith("case_")]


def test_the_corpus_holds_at_least_40_cases():
    assert len(CASES) >= 40


@pytest.mark.parametrize("case", CASES, ids=lambda f: f.__name__[5:])
def test_bad_input(case, folder, shipped, capsys):
    expected, code = case(folder, shipped)
    assert cli.main(["validate", str(folder)]) == code
    captured = capsys.readouterr()
    assert captured.out.splitlines() == expected
    assert captured.err == ""


def test_european_excel_loads_the_same_numbers(folder, shipped):
    case_european_excel(folder, shipped)
    read, original = cohort.load(folder), cohort.load(shipped)
    renamed = read.visits.replace({"participant": {"Pé001": "P001"}})
    renamed = renamed.sort_values(["participant", "month"], kind="stable").reset_index(drop=True)
    pd.testing.assert_frame_equal(renamed, original.visits, check_exact=True)
    people = read.participants.replace({"participant": {"Pé001": "P001"}})
    people = people.sort_values("participant", kind="stable").reset_index(drop=True)
    pd.testing.assert_frame_equal(people, original.participants, check_exact=True)


@pytest.mark.parametrize(
    "case",
    [
        case_utf16_from_excel_unicode_text,
        case_trailing_comma_on_every_line,
        case_every_cell_quoted,
        case_old_mac_line_ends,
        case_booleans_in_excel_capitals,
    ],
    ids=lambda f: f.__name__[5:],
)
def test_files_read_with_a_note_load_the_same_numbers(case, folder, shipped):
    case(folder, shipped)
    read, original = cohort.load(folder), cohort.load(shipped)
    pd.testing.assert_frame_equal(read.visits, original.visits, check_exact=True)
    pd.testing.assert_frame_equal(read.participants, original.participants, check_exact=True)
    assert (read.real, original.real) == (True, False)


def test_ohd_25_in_nmol_for_half_the_women_is_caught(folder):
    rows = _rows(folder, V)
    position = rows[0].index("ohd_25")
    for cells in rows[1:]:
        if int(cells[0][1:]) % 2:
            cells[position] = f"{float(cells[position]) * 2.496:.2f}"
    _write(folder, V, rows)
    problems = cohort.validate(folder)
    assert len(problems) >= 10
    assert all(p.column == "ohd_25" and "look like nmol/L" in p.message for p in problems)


def test_one_woman_with_high_vitamin_d_in_ng_per_ml_is_not_flagged(tmp_path):
    """Simulated seed 7 has one woman whose 25(OH)D is above 35 ng/mL at every visit: a
    rare but real value, so one such woman alone is no sign of nmol/L (min_participants)."""
    folder = tmp_path / "seed7"
    cohort.simulate(seed=7, out=folder)
    visits = pd.read_csv(folder / "visits.csv")
    high = visits.groupby("participant")["ohd_25"].apply(lambda v: (v.dropna() > 35).all())
    assert high.sum() == 1  # the case this test is about
    assert cohort.validate(folder) == []
