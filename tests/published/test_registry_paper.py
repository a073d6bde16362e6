"""Tests of milkbone.published.registry_paper: the registry reads the whole paper.

Expected values were read by hand in the paper: the Abstract has eight sentences and
the concluding paragraph (§4, paragraph 7) six.
"""

from milkbone import published
from milkbone.published.registry_paper import abbreviation_key, where

WORD_KINDS = set(published.WORD_KINDS)


def test_every_sentence_of_the_abstract_and_the_summary_has_a_row():
    claims = published.claims()
    sentences = published.resource("sentences")
    wanted = sentences[
        (sentences["part"] == "abstract") | sentences["sentence_id"].str.startswith("s4.p7.")
    ]
    assert len(wanted) == 8 + 6
    for sid in wanted["sentence_id"]:
        rows = claims[claims["claim_id"].str.startswith(f"{sid}.")]
        assert len(rows) >= 1, sid
        assert (rows["check_kind"] == "supported_by").all(), sid


def test_every_word_kind_is_in_the_registry():
    claims = published.claims()
    assert set(published.CHECK_KINDS) >= WORD_KINDS
    assert set(claims["check_kind"]) >= WORD_KINDS
    counts = claims["check_kind"].value_counts()
    assert counts["supported_by"] == 50
    assert counts["panel_letters"] == 7  # Figures 2-8 have lettered panels


def test_every_abbreviation_has_a_standard_on_file():
    keys = set(published.resource("abbreviations")["abbreviation"].map(abbreviation_key))
    assert keys <= set(published.curated.terms()["abbreviation"])


def test_places_in_words():
    sentences = published.resource("sentences").set_index("sentence_id", drop=False)
    assert where(sentences.loc["abstract.results.s2"]) == "Abstract (Results), sentence 2"
    assert where(sentences.loc["table4.footnote.s2"]) == "Table 4 footnote, sentence 2"
    assert where(sentences.loc["fig2.caption.s3"]) == "Figure 2 caption, sentence 3"
    claims = published.claims().set_index("claim_id")
    assert claims.loc["f.diet_assessment", "location"] == (
        "§2.2, paragraph 4, sentence 3; §4, paragraph 6, sentence 7"
    )
