"""Tests of milkbone.published.transcribe.text and .terms: the paper's prose by code.

Expected values were read and counted by hand in the paper's text file.
"""

import pytest

from milkbone import published
from milkbone.published.transcribe import Paper
from milkbone.published.transcribe.terms import DIRECTION_WORDS, TESTS, found, versions
from milkbone.published.transcribe.text import PARTS, paragraphs, sentence_rows, sentences


def test_parts_and_paragraphs(paper_text):
    found_ = {p.key: p for p in paragraphs(Paper(paper_text))}
    # the Abstract's five headed paragraphs, Discussion paragraphs 1-7, five table footnotes
    assert [k for k in found_ if k.startswith("abstract")] == [
        "abstract.background",
        "abstract.methods",
        "abstract.results",
        "abstract.conclusions",
        "abstract.registry",
    ]
    assert [k for k in found_ if k.startswith("s4.")] == [f"s4.p{n}" for n in range(1, 8)]
    assert sorted(k for k in found_ if k.endswith("footnote")) == [
        f"table{n}.footnote" for n in range(2, 7)
    ]
    # Table 1 has no footnote: the paragraph after it is §2.2's fourth (after two list items)
    assert found_["s2_2.p4"].text.startswith("The high-calcium fresh milk contained")
    assert found_["s2_2.p2"].text.startswith("(1) The high-calcium milk group")
    assert len([k for k in found_ if k.endswith("caption")]) == 8


def test_sentences_of_the_abstract_and_the_summary(paper_text):
    rows = sentence_rows(Paper(paper_text))
    ids = [r["sentence_id"] for r in rows]
    abstract = [i for i in ids if i.startswith("abstract.")]
    assert len(abstract) == 8  # background 2, methods 1, results 3, conclusions 1, registry 1
    assert len([i for i in ids if i.startswith("s4.p7.")]) == 6
    assert len(ids) == len(set(ids)) == 316
    by = {r["sentence_id"]: r for r in rows}
    assert (
        by["abstract.results.s2"]["opening"] == "16S ribosomal ribonucleic acid sequencing showed"
    )
    assert by["abstract.results.s1"]["words"].split(";") == [
        "increased",
        "elevated",
        "slowed",
        "modulated",
        "significant",
    ]
    assert by["s2_4.p2.s5"]["software"] == "QIIME=1.9.0"
    assert by["s3_7.p1.s2"]["tests"] == "Spearman"


def test_sentence_splitting_keeps_abbreviations_and_splits_at_a_unit():
    assert sentences("Stored at −80°C. Serum was kept.") == ["Stored at −80°C.", "Serum was kept."]
    assert sentences("Made by Foods Co., Ltd. in 2020. Done.") == [
        "Made by Foods Co., Ltd. in 2020.",
        "Done.",
    ]
    assert sentences("Faecalibacterium spp. and M. anisopliae grew.") == [
        "Faecalibacterium spp. and M. anisopliae grew."
    ]


def test_vocabularies():
    assert found("using Spearman’s correlation analysis", TESTS) == ["Spearman"]
    assert found("rank test and the non-parametric Kruskal-Wallis test", TESTS) == [
        "Kruskal–Wallis",
        "rank test",
    ]
    assert found("Only both arms rose, all of them", DIRECTION_WORDS, ignore_case=True) == [
        "all",
        "both",
        "only",
    ]
    assert versions("Jamovi software (version 2.4.11), with p < 0.05") == {"Jamovi": "2.4.11"}


def test_the_sentences_file_is_the_transcription():
    table = published.resource("sentences")
    assert table["sentence_id"].is_unique
    assert set(table["part"]) == set(PARTS)
    with pytest.raises(KeyError):
        table.set_index("sentence_id").loc["abstract.results.s4"]
