"""milkbone.analysis.microbiome.mirror: §3.4's printed taxa beside the data's tests.

References: the paper's text (§3.4: the twelve MetagenomeSeq p-values, the phylum means
± SD and the Firmicutes/Bacteroidetes ratios, typed here from the PDF), ratios worked
by hand from the printed means, :func:`scipy.stats.mannwhitneyu` called on one taxon,
and the two wrapped functions (ANCOM-BC, rank tests) called on their own.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from milkbone import published
from milkbone.analysis.microbiome import (
    ancombc_by_visit,
    rank_tests,
    relative_abundance,
    toy_microbiome,
)
from milkbone.analysis.microbiome.mirror import (
    count_differences,
    differential_by_rank,
    match_taxa,
    mirror_differential,
    mirror_phyla,
    mirror_ratios,
    published_phyla,
    reported_differences,
)


@pytest.fixture(scope="module")
def prose():
    return published.prose()


@pytest.fixture(scope="module")
def toy():
    return toy_microbiome(participants=20, features=12, effect=2.0, seed=7)


@pytest.fixture(scope="module")
def tests(toy):
    return differential_by_rank({"genus": toy.counts}, toy.samples)


def test_match_taxa_by_name_then_spelling_then_phylum_synonym():
    available = ["Bacteroidetes", "Bacillota", "GCA_900066575", "Blautia", "blautia"]
    found = match_taxa(
        ["Bacteroidota", "Firmicutes", "GCA-900066575", "Blautia", "Weissella", "Blautia"],
        available,
    )
    assert found.index.tolist() == [
        "Bacteroidota", "Firmicutes", "GCA-900066575", "Blautia", "Weissella",
    ]  # fmt: skip
    assert found.tolist()[:4] == ["Bacteroidetes", "Bacillota", "GCA_900066575", "Blautia"]
    assert pd.isna(found["Weissella"])


def test_reported_differences_are_the_twelve_of_section_3_4(prose):
    reported = reported_differences(prose)
    # §3.4 as printed: Bacteroidota p = 0.026 at baseline; Figures 4C–I
    expected = [
        ("Bacteroidota", "phylum", 0, 0.026), ("Staphylococcus", "genus", 0, 0.022),
        ("Pyramidobacter", "genus", 0, 0.034), ("Achromobacter", "genus", 0, 0.005),
        ("Bacteroides", "genus", 6, 0.042), ("Oscillibacter", "genus", 6, 0.032),
        ("GCA-900066575", "genus", 6, 0.037), ("Sellimonas", "genus", 6, 0.036),
        ("Weissella", "genus", 6, 0.049), ("Subdoligranulum", "genus", 12, 0.038),
        ("Fusicatenibacter", "genus", 12, 0.018), ("Achromobacter", "genus", 12, 0.021),
    ]  # fmt: skip
    got = list(reported[["taxon", "rank", "month", "p_published"]].itertuples(index=False))
    assert [tuple(row) for row in got] == expected


def test_published_phyla_are_the_printed_means_and_sds(prose):
    table = published_phyla(prose).set_index(["taxon", "group", "month"])
    assert len(table) == 8
    # §3.4: Bacteroidota CM 0.522 ± 0.185 → 0.391 ± 0.262; Firmicutes HCM 0.369 ± 0.170
    assert table.loc[("Bacteroidota", "CM", 0)].tolist() == [0.522, 0.185]
    assert table.loc[("Bacteroidota", "CM", 6)].tolist() == [0.391, 0.262]
    assert table.loc[("Firmicutes", "HCM", 0)].tolist() == [0.369, 0.170]
    assert published_phyla(prose)["group"].tolist()[:2] == ["HCM", "HCM"]


def test_mirror_phyla_matches_greengenes_names_and_leaves_missing_rows_empty(prose):
    described = pd.DataFrame({"taxon": "Bacteroidetes", "group": ["HCM", "CM"], "month": 0,
                              "n": [51, 46], "mean": [0.44, 0.52], "sd": [0.18, 0.19],
                              "method": "m", "evidence": "observed"})  # fmt: skip
    table = mirror_phyla(described, prose)
    row = table.query("taxon_published == 'Bacteroidota' and group == 'CM' and month == 0")
    assert row[["taxon", "mean_published", "mean", "n"]].values.tolist() == [
        ["Bacteroidetes", 0.522, 0.52, 46]
    ]
    firmicutes = table[table["taxon_published"] == "Firmicutes"]
    assert firmicutes["taxon"].isna().all() and firmicutes["mean"].isna().all()
    assert (table["evidence"] == "observed").all()


def test_mirror_ratios_recompute_the_printed_means(prose):
    ratios = pd.DataFrame({"group": ["HCM", "HCM", "CM", "CM"], "month": [0, 6, 0, 6],
                           "n": [51, 51, 46, 46], "ratio_of_means": 1.0, "mean_of_ratios": 2.0,
                           "median_of_ratios": 1.5, "evidence": "simulated"})  # fmt: skip
    table = mirror_ratios(ratios, prose, published.claims()).set_index(["group", "month"])
    # by hand: 0.357 / 0.450 and 0.296 / 0.391, printed 0.769 and 0.916 (§3.4)
    assert table.loc[("HCM", 6), "ratio_of_printed_means"] == pytest.approx(
        0.357 / 0.450, abs=1e-12
    )
    assert table.loc[("CM", 6), "ratio_of_printed_means"] == pytest.approx(0.296 / 0.391, abs=1e-12)
    assert table.loc[("CM", 6), "ratio_published"] == pytest.approx(0.916, abs=1e-12)
    assert table.loc[("HCM", 0), "verdict"] == "consistent"
    assert table.loc[("HCM", 6), "verdict"] == "discrepancy"
    assert table.loc[("CM", 0), "mean_of_ratios"] == pytest.approx(2.0, abs=1e-12)


def test_differential_by_rank_puts_the_two_tests_side_by_side(toy, tests):
    ranked = rank_tests(toy.counts, toy.samples)
    compositional = ancombc_by_visit(toy.counts, toy.samples, p_adjust="bh")
    merged = tests.set_index(["month", "taxon"])
    for frame, prefix in ((ranked, "rank"), (compositional, "ancombc")):
        other = frame.set_index(["month", "taxon"]).loc[merged.index]
        np.testing.assert_allclose(merged[f"p_{prefix}"], other["p_value"], rtol=0, atol=1e-15)
        np.testing.assert_allclose(merged[f"q_{prefix}"], other["q_value"], rtol=0, atol=1e-15)
    # one cell by hand with scipy: the first taxon at six months
    taxon = tests.loc[tests["month"] == 6, "taxon"].iloc[0]
    shares = relative_abundance(toy.counts)[taxon]
    six = toy.samples["month"] == 6
    hcm, cm = (
        shares[six & (toy.samples["group"] == "HCM")],
        shares[six & (toy.samples["group"] == "CM")],
    )
    expected = stats.mannwhitneyu(hcm, cm, method="asymptotic", use_continuity=True).pvalue
    assert merged.loc[(6, taxon), "p_rank"] == pytest.approx(expected, abs=1e-12)
    assert tests.columns.tolist()[:3] == ["rank", "month", "taxon"]
    assert (tests["evidence"] == "simulated").all()


def test_mirror_differential_joins_by_name_and_visit(tests):
    taxon = tests["taxon"].iloc[0]
    reported = pd.DataFrame({"taxon": [taxon, "Weissella"], "rank": "genus", "month": [6, 6],
                             "p_published": [0.03, 0.049]})  # fmt: skip
    table = mirror_differential(reported, tests)
    cell = tests.query("month == 6 and taxon == @taxon").iloc[0]
    first = table.iloc[0]
    assert first["p_rank"] == pytest.approx(cell["p_rank"], abs=1e-15)
    assert first["higher_in"] == ("HCM" if cell["mean_hcm"] > cell["mean_cm"] else "CM")
    assert pd.isna(table.loc[1, "taxon"]) and pd.isna(table.loc[1, "p_rank"])
    assert table.loc[1, "p_published"] == 0.049


def test_count_differences_against_a_hand_count():
    tests = pd.DataFrame({"rank": "genus", "month": [0] * 4 + [6] * 2,
                          "p_rank": [0.01, 0.2, 0.03, 0.04, 0.001, 0.5],
                          "q_rank": [0.04, 0.2, 0.04, 0.04, 0.002, 0.5],
                          "p_ancombc": [0.5, np.nan, 0.01, 0.2, 0.02, 0.03],
                          "q_ancombc": [0.6, np.nan, 0.03, 0.3, 0.04, 0.04],
                          "evidence": "simulated"})  # fmt: skip
    table = count_differences(tests).set_index(["month", "test"])
    assert table.loc[(0, "rank"), ["tested", "below_alpha", "below_alpha_adjusted"]].tolist() == [
        4, 3, 3,
    ]  # fmt: skip
    assert table.loc[(0, "ancombc"), "tested"] == 3
    assert table.loc[(0, "rank"), "expected_by_chance"] == pytest.approx(0.2, abs=1e-12)
    assert table.loc[(6, "ancombc"), "below_alpha"] == 2


def test_errors_name_the_problem(prose, tests):
    with pytest.raises(ValueError, match="alpha must lie between 0 and 1"):
        count_differences(tests, alpha=5)
    with pytest.raises(KeyError, match="prose"):
        reported_differences(prose.drop(columns="quantity"))
    with pytest.raises(KeyError, match="tests"):
        mirror_differential(reported_differences(prose), tests.drop(columns="mean_hcm"))
    with pytest.raises(KeyError, match="described"):
        mirror_phyla(pd.DataFrame({"taxon": ["x"]}), prose)
