"""Tests of milkbone.published.transcribe: the paper's text → data/published/, byte for byte.

The committed files are the reference: a fresh transcription of the paper must give
the same bytes. Readings of printed prose values are checked against the paper's
text, read by hand.
"""

import shutil

import pandas as pd
import pytest

from milkbone import paths
from milkbone.published.transcribe import Paper, read_printed, transcribe_paper
from milkbone.published.transcribe.write import write_csv

WRITTEN = {  # rows of each file (resources of datapackage.json), counted in the paper
    "table1_milk_composition.csv": 16,
    "table2_baseline.csv": 80,
    "table3_biochemistry.csv": 110,
    "table4_vitamin_d_categories.csv": 24,
    "table5_serum_metabolites.csv": 459,
    "table6_arachidonic_acid.csv": 40,
    "participant_flow.csv": 17,
    "prose_numbers.csv": 249,
    "sentences.csv": 316,  # by code: every sentence of the prose, captions and footnotes
    "abbreviations.csv": 60,  # 33 in lists, 23 inline (Schwartz-Hearst), 4 more in Figure 2
    "figure_panels.csv": 43,  # 24 caption labels, 19 references in the text
    "statements.csv": 50,
    "facts.csv": 45,  # 7 durations and 3 counted lists found by code, 35 typed
    "measures.csv": 20,
    "datapackage.json": 15,
    "claims.csv": 747,
}


def test_a_fresh_transcription_gives_the_committed_bytes(paper_text, tmp_path):
    # the audit's columns of claims.csv are kept from the file already there
    shutil.copy(paths.PUBLISHED / "claims.csv", tmp_path / "claims.csv")
    written = transcribe_paper(out=tmp_path)
    assert dict(zip(written["file"], written["n"], strict=True)) == WRITTEN
    assert written["unit"].tolist() == ["rows"] * 14 + ["resources", "rows"]
    for name in WRITTEN:
        committed = (paths.PUBLISHED / name).read_bytes()
        assert (tmp_path / name).read_bytes() == committed, name


def test_without_a_registry_every_claim_is_pending_or_not_verifiable(paper_text, tmp_path):
    transcribe_paper(out=tmp_path)
    claims = pd.read_csv(tmp_path / "claims.csv", dtype=str, keep_default_na=False)
    assert len(claims) == 747
    assert set(claims["verdict"]) == {"pending", "not-verifiable"}
    assert (claims["recomputed_value"] == "").all()


def test_a_value_the_paper_does_not_print_stops_the_transcription(paper_text, tmp_path):
    paper = tmp_path / "paper.txt"
    paper.write_text(paper_text.replace("16.4%", "16.5%"), encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(
        ValueError, match=r"'r3_3\.ast\.hcm\.pct_6': '16\.4%' is not printed in §3\.3, paragraph 1"
    ):
        transcribe_paper(paper=paper, out=out)
    assert list(out.iterdir()) == []  # nothing written


def test_a_value_printed_in_another_paragraph_stops_the_transcription(paper_text, tmp_path):
    # the summary's "400 mL/day" moved to the limitations paragraph: §4, paragraph 7 lacks it
    paper = tmp_path / "paper.txt"
    text = paper_text.replace("with 400\u202fmL/day (approximately", "with (approximately")
    assert text != paper_text
    paper.write_text(text.replace("Finally, although", "Finally, 400\u202fmL/day, although"))
    with pytest.raises(ValueError, match=r"'d4\.volume_2': .* not printed in §4, paragraph 7"):
        transcribe_paper(paper=paper, out=tmp_path)


def test_a_cell_the_paper_does_not_print_stops_the_transcription(paper_text, tmp_path):
    paper = tmp_path / "paper.txt"
    paper.write_text(paper_text.replace("TABLE 6", "TABLE SIX"), encoding="utf-8")
    with pytest.raises(ValueError, match="no line of the paper starts with 'TABLE 6'"):
        transcribe_paper(paper=paper, out=tmp_path)


@pytest.mark.parametrize(
    ("printed", "value", "comparator"),
    [
        ("PE250", 250, "="),  # §2.4, read length
        ("1,200\u202fg", 1200, "="),  # §2.3.2, thousand separator
        ("−80°C", -80, "="),  # U+2212 minus
        ("≥20", 20, ">="),  # §4
        ("Ten nanograms", 10, "="),  # §2.4, in words
        ("10-fold", 10, "="),  # §3.4
        ("0.5–0.7", 0.5, ">="),  # Table 6 footnote: a band, read by its lower edge
        ("0.9 and above", 0.9, ">="),
        ("p\u202f<\u202f0.0001", 0.0001, "<"),
    ],
)
def test_read_printed(printed, value, comparator):
    read, read_comparator = read_printed(printed)
    assert read == pytest.approx(value, abs=1e-12)
    assert read_comparator == comparator


def test_read_printed_rejects_text_without_a_number():
    with pytest.raises(ValueError, match="cannot read a number from the printed prose value"):
        read_printed("not significant")


def test_paper_rows_and_values():
    paper = Paper("Intro\nTABLE 1 Milk\n \tFat, g \t3.2\t3.1 \n \tSodium, mg\t–\t48\nThe end")
    assert paper.rows_between("TABLE 1", "The end") == [
        (3, ["Fat, g", "3.2", "3.1"]),
        (4, ["Sodium, mg", "–", "48"]),
    ]
    assert Paper("p\u202f=\u202f0.003").find("p = 0.003") == "p\u202f=\u202f0.003"
    with pytest.raises(ValueError, match=r"printed value '0\.004' not found in the paper"):
        paper.find("0.004")


def test_write_csv_puts_flag_and_reading_last(tmp_path):
    rows = [
        {"cell_id": "a", "flag": "x", "value": 1.5, "reading": "r"},
        {"cell_id": "b", "note": None, "value": ""},
    ]
    assert write_csv(tmp_path, "t.csv", rows) == 2
    text = (tmp_path / "t.csv").read_text(encoding="utf-8")
    assert text == "cell_id,value,note,flag,reading\na,1.5,,x,r\nb,,,,\n"


def test_flagged_keeps_one_reading_per_flag():
    from milkbone.published.transcribe import cells

    flag, reading = cells.flagged(("a_flag", "first reading"), ("b_flag", "second; reading"))
    assert (flag, reading) == ("a_flag;b_flag", "first reading | second; reading")
    with pytest.raises(ValueError, match="one flag and one reading per pair"):
        cells.flagged(("a_flag;b_flag", "two flags in one"))
    with pytest.raises(ValueError, match="one flag and one reading per pair"):
        cells.flagged(("a_flag", "one | two"))
