"""Tests of milkbone.published.transcribe.statements: claims of the Abstract and the
Discussion, and facts printed in two places.

Expected values were read by hand in the paper (durations: Abstract, §2.2, §4).
"""

import re

import pytest

from milkbone import published
from milkbone.published.transcribe import transcribe_paper
from milkbone.published.transcribe.statements import count_rows, duration_rows


def test_durations_found_by_code(paper_text):
    facts = published.resource("facts")
    durations = facts[facts["fact"] == "trial_duration"]
    assert durations["sentence_id"].tolist() == [
        "abstract.methods.s1",
        "abstract.results.s1",
        "s2_2.p1.s1",
        "s2_2.p4.s2",
        "s4.p1.s9",
        "s4.p6.s4",
        "s4.p7.s1",
    ]
    assert set(durations["value"]) == {"12 months"}
    # the trial the Discussion cites ("a 1-year clinical trial") is not this one
    assert duration_rows({"s4.p1.s10": "which conducted a 1-year clinical trial"}) == []
    assert duration_rows({"x.s1": "a 2-year follow-up"})[0]["value"] == "24 months"


def test_statements_name_their_sentence_and_results():
    statements = published.resource("statements").set_index("statement_id")
    assert len(statements) == 50
    row = statements.loc["abstract.results.s2.less_abundant"]
    assert row["printed"] == "decreasing the abundance of Firmicutes and Weissella"
    assert row["rests_on"] == "r3_4.firmicutes.p_6;r3_4.weissella.p_6"
    assert row["timepoint"] == "m12"
    assert statements.loc["abstract.conclusions.s1.delay_osteoporosis", "rests_on"] == ""


def test_a_fragment_not_in_its_sentence_stops_the_transcription(paper_text, tmp_path):
    paper = tmp_path / "paper.txt"
    paper.write_text(paper_text.replace("can effectively delay", "may delay"), encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    message = "'can effectively delay postmenopausal osteoporosis' is not printed in sentence"
    with pytest.raises(ValueError, match=re.escape(message)):
        transcribe_paper(paper=paper, out=out)
    assert list(out.iterdir()) == []


def test_counted_lists_found_by_code():
    facts = published.resource("facts")
    counts = facts[facts["kind"] == "count"].set_index("sentence_id")
    assert counts.index.tolist() == ["s2_3.p1.s2", "s2_4.p1.s1", "s3_5.p1.s1"]
    # §3.5: "three criteria: VIP > 1.0, FC > 1.2, or FC < 0.833, and p < 0.05" (FC is one)
    items = counts.loc["s3_5.p1.s1", "items"].replace("\u202f", " ")  # narrow spaces as printed
    assert items == "VIP > 1.0;FC > 1.2, or FC < 0.833;p < 0.05"
    assert (counts["value"] == "3").all()
    rows = count_rows({"x.s1": "at four time points: 0, 6, and 12 months."})
    assert rows[0]["value"] == "4" and rows[0]["items"].count(";") == 2
