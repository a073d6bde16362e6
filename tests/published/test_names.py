"""Tests of milkbone.published.transcribe.names: abbreviations and figure panels by code.

Expected values were read by hand in the paper's captions, footnotes and text.
"""

from milkbone import published
from milkbone.published.transcribe.names import letters, long_form


def test_long_forms_by_schwartz_hearst():
    assert long_form("the Kyoto Encyclopedia of Genes and Genomes", "KEGG") == (
        "Kyoto Encyclopedia of Genes and Genomes"
    )
    assert long_form("the fold change", "FC value") == "fold change"
    assert long_form("with an explanatory rate", "R2") == ""  # one letter is not enough
    assert long_form("propionate (C3) and butyrate", "C4") == ""


def test_expansions_found_in_lists_and_inline():
    table = published.resource("abbreviations")
    assert len(table) == 60
    ast = table[table["abbreviation"] == "AST"]
    assert ast["expansion"].tolist() == ["aminotransferase", "alanine transaminase"]
    assert ast["sentence_id"].tolist() == ["table2.footnote.s3", "table3.footnote.s1"]
    ctx = table.loc[table["abbreviation"] == "CTX", "expansion"].tolist()
    assert ctx == ["type I procollagen C-peptide", "type I procollagen C-terminal prepeptide"]
    inline = table[table["style"] == "inline"].set_index("abbreviation")["expansion"]
    assert inline["PLS-DA"] == "partial least squares-discriminant analysis"
    assert inline["L1-4 BMD"] == "lumbar spine bone mineral density"
    # Figure 2's list runs HCM0 into HCM6 without a semicolon: split and flagged
    hcm6 = table[table["abbreviation"] == "HCM6"].iloc[0]
    assert hcm6["flag"] == "separator_missing"
    assert not table["abbreviation"].isin(["Third", "therefore", "R2", "C4"]).any()


def test_panels_and_references():
    assert letters("J–L") == ["J", "K", "L"]
    panels = published.resource("panels")
    fig2 = panels[(panels["figure"] == 2) & (panels["kind"] == "caption")]
    assert fig2["printed"].tolist() == ["(A)", "(B)", "(B)", "(D)"]
    assert fig2["description"].tolist()[1:3] == ["Right hip BMD", "Left hip BMD"]
    refs = panels[(panels["figure"] == 2) & (panels["kind"] == "reference")]
    assert refs["letters"].tolist() == ["A", "B;C", "D"]
    assert (panels["kind"] == "caption").sum() == 24  # 4 + 5 + 3 + 2 + 3 + 5 + 2
