"""Tests of milkbone.cohort.reading: encodings, delimiters and lines as people's tools write.

Expected texts come from Python's own codecs (the bytes are made by ``str.encode``), and
line numbers are counted by hand on the small inline files.
"""

from __future__ import annotations

import pytest

from milkbone import cohort
from milkbone.cohort.reading import decode

TEXT = "participant,month\nPé01,0\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "UTF-8"),
        (TEXT.encode("utf-8-sig"), "UTF-8 with a byte-order mark"),
        (TEXT.encode("utf-16"), "UTF-16 (byte-order mark)"),
        (b"\xfe\xff" + TEXT.encode("utf-16-be"), "UTF-16 (byte-order mark)"),
        (TEXT.encode("utf-16-le"), "UTF-16 (LE, no byte-order mark)"),
        (TEXT.encode("utf-16-be"), "UTF-16 (BE, no byte-order mark)"),
        (TEXT.encode("utf-32"), "UTF-32 (byte-order mark)"),
        (TEXT.encode("cp1252"), "cp1252 (Windows; Excel's plain CSV)"),
        (TEXT.replace("é", "\x81").encode("latin-1"), "latin-1"),
    ],
)
def test_decode_reads_every_encoding_to_the_same_text(data, encoding):
    text, how = decode(data)
    assert how == encoding
    assert text.replace("\x81", "é") == TEXT


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (bytes(range(256)), "is not a text file (it holds binary data): save it as CSV"),
        (b"PK\x03\x04rest", "is an Excel workbook (.xlsx) or another zip archive, not CSV text"),
        (b"\xd0\xcf\x11\xe0rest", "is an Excel 97-2003 workbook (.xls), not CSV text"),
        (b"%PDF-1.7", "is a PDF document, not CSV text"),
        (b"\xff\xfe\x00\xd8", "starts with a UTF-16 byte-order mark but is not valid UTF-16"),
    ],
)
def test_decode_refuses_what_is_not_text_in_one_sentence(data, what):
    text, how = decode(data)
    assert text is None
    assert how.startswith(what)


def _table(tmp_path, text, *, known=("participant", "month", "bmi")):
    path = tmp_path / "v.csv"
    path.write_text(text, encoding="utf-8", newline="")
    return cohort.read_table(path, "v.csv", known=known)


@pytest.mark.parametrize(
    ("text", "delimiter", "decimal"),
    [
        ("participant,month,bmi\nP1,0,24.5\n", ",", "."),
        ("participant;month;bmi\nP1;0;24,5\n", ";", ","),
        ("participant;month;bmi\nP1;0;24.5\n", ";", "."),
        ("participant\tmonth\tbmi\nP1\t0\t24,5\n", "\t", ","),
        ("sep=;\nparticipant;month;bmi\nP1;0;24,5\n", ";", ","),
        ('"participant","month","bmi"\r\n"P1","0","24.5"\r\n', ",", "."),
    ],
)
def test_read_table_finds_the_delimiter_and_decimal_mark(tmp_path, text, delimiter, decimal):
    table = _table(tmp_path, text)
    assert (table.delimiter, table.decimal, table.problems) == (delimiter, decimal, [])
    assert table.frame.columns.tolist() == ["participant", "month", "bmi"]
    assert table.frame.iloc[0].tolist() == ["P1", "0", "24" + decimal + "5"]
    assert table.frame.index[0] + 2 == text.count("\n", 0, text.index("P1")) + 1


def test_read_table_keeps_editor_line_numbers(tmp_path):
    # line 3 empty, line 4 too long, line 6 of delimiters only
    text = "participant,month,bmi\nP1,0,24.5\n\nP2,0,24.5,9\nP3,0,25.0\n,,\nP4,6,22.0\n"
    table = _table(tmp_path, text)
    assert table.frame.index.tolist() == [0, 3, 5]  # index + 2 = lines 2, 5, 7
    assert [str(p) for p in table.problems] == [
        "v.csv, line 3: line is empty",
        "v.csv, line 4: line has 4 fields; the header has 3 (first extra value '9')",
        "v.csv, line 6: line is empty",
    ]
    assert table.uncertain == {"P2"}


def test_read_table_reads_a_trailing_delimiter_as_an_empty_column(tmp_path):
    table = _table(tmp_path, "participant,month,bmi,\nP1,0,24.5,\nP2,0,25.0,\n")
    assert table.frame.columns.tolist() == ["participant", "month", "bmi"]
    assert table.note() == (
        "v.csv: every line ends with a delimiter, read as an empty last column and ignored"
    )


def test_read_table_hints_at_a_delimiter_it_does_not_read(tmp_path):
    table = _table(tmp_path, "participant|month|bmi\nP1|0|24.5\n")
    assert table.frame is None
    assert [str(p) for p in table.problems] == [
        "v.csv, line 1: the header splits into known columns only on a vertical bar '|': "
        "save the file with commas, semicolons or tabs between values"
    ]


def test_read_table_names_a_header_written_with_spaces_once(tmp_path):
    table = _table(tmp_path, "participant,month ,bmi\nP1,0,24.5\nP2,6,24.0\n")
    assert table.frame.columns.tolist() == ["participant", "month", "bmi"]
    assert [str(p) for p in table.problems] == [
        "v.csv, line 1, column month: the name is written 'month ', with surrounding spaces"
    ]
