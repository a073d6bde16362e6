"""milkbone.analysis.microbiome.composition: collapse, shares, top taxa, F/B ratio.

References: hand-worked tables in the comments, numpy arithmetic written out here, and
the HITChip Atlas counts scikit-bio installs (real, uneven, CC0).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import skbio

from milkbone.analysis.microbiome import (
    abundance_long,
    collapse,
    describe_taxa,
    firmicutes_bacteroidetes,
    relative_abundance,
    top_taxa,
    toy_microbiome,
)

ATLAS = Path(skbio.__file__).parent / "stats" / "composition" / "tests" / "data"


@pytest.fixture(scope="module")
def atlas() -> pd.DataFrame:
    """HITChip Atlas: 300 samples × 21 phylum-like groups, read at test time."""
    return pd.read_csv(ATLAS / "atlas_feature_table.csv", index_col=0)


def small():
    counts = pd.DataFrame(
        {"f1": [10, 0, 5], "f2": [30, 20, 5], "f3": [60, 30, 0], "f4": [0, 50, 90]},
        index=["s1", "s2", "s3"],
    )
    taxonomy = pd.DataFrame(
        {"phylum": ["Firmicutes", "Firmicutes", "Bacteroidetes", pd.NA],
         "genus": ["Blautia", pd.NA, "Bacteroides", "uncultured"]},
        index=["f1", "f2", "f3", "f4"],
    )  # fmt: skip
    samples = pd.DataFrame(
        {"participant": ["p1", "p2", "p3"], "group": ["HCM", "CM", "HCM"], "month": 0},
        index=["s1", "s2", "s3"],
    )
    return counts, taxonomy, samples


def test_collapse_sums_features_by_name_and_pools_unassigned():
    counts, taxonomy, _ = small()
    table = collapse(counts, taxonomy, rank="phylum")
    # by hand: Firmicutes = f1 + f2, Bacteroidetes = f3, f4 has no phylum
    assert table.columns.tolist() == ["Bacteroidetes", "Firmicutes", "unassigned"]
    assert table.loc["s1"].tolist() == [60, 40, 0]
    assert table.loc["s3"].tolist() == [0, 10, 90]
    assert (table.sum(axis=1) == counts.sum(axis=1)).all()


def test_collapse_without_pool_drops_only_unassigned_features():
    counts, taxonomy, _ = small()
    table = collapse(counts, taxonomy, rank="genus", unassigned=None)
    # "uncultured" is a name here: the loader, not collapse, turns it into NA
    assert table.columns.tolist() == ["Bacteroides", "Blautia", "uncultured"]
    assert table.sum().sum() == counts.sum().sum() - counts["f2"].sum()


def test_collapse_errors():
    counts, taxonomy, _ = small()
    with pytest.raises(ValueError, match="taxonomy has no row for feature"):
        collapse(counts, taxonomy.drop(index="f4"))
    with pytest.raises(ValueError, match="rank must be one of"):
        collapse(counts, taxonomy, rank="strain")
    with pytest.raises(KeyError, match="taxonomy is missing column"):
        collapse(counts, taxonomy, rank="family")


def test_relative_abundance_on_real_counts(atlas):
    shares = relative_abundance(atlas)
    assert shares.sum(axis=1).to_numpy() == pytest.approx(np.ones(len(atlas)), abs=1e-12)
    first = atlas.iloc[0].to_numpy(dtype=float)
    assert shares.iloc[0].to_numpy() == pytest.approx(first / first.sum(), abs=1e-15)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda c: c.assign(f1=[-1, 0, 5]), "negative or missing"),
        (lambda c: c.assign(f1=[np.nan, 0, 5]), "negative or missing"),
        (lambda c: c.set_axis(["s1", "s1", "s3"]), "duplicated sample id"),
        (lambda c: c.assign(f1=["a", "b", "c"]), "non-numeric feature column"),
        (lambda c: c * 0, "empty sample"),
    ],
)
def test_counts_are_checked(change, message):
    counts, _, _ = small()
    with pytest.raises(ValueError, match=message):
        relative_abundance(change(counts))


def test_top_taxa_bars_sum_to_one_and_selection_rules_differ():
    counts, _, samples = small()
    overall = top_taxa(counts, samples, k=1, select="overall")
    each = top_taxa(counts, samples, k=1, select="each")
    for table in (overall, each):
        sums = table.groupby(["group", "month"])["mean_relative_abundance"].sum()
        assert sums.to_numpy() == pytest.approx([1.0, 1.0], abs=1e-12)
    # by hand: over all samples f4 has the largest mean share (0 + .5 + .9)/3;
    # within HCM (s1, s3) f4 too, within CM (s2 alone) f4 (.5); with k=1 both rules pick f4
    assert set(overall.loc[overall["rank"] == 1, "taxon"]) == {"f4"}
    hcm_f4 = overall.query("group == 'HCM' and taxon == 'f4'")["mean_relative_abundance"]
    assert hcm_f4.iloc[0] == pytest.approx((0 + 0.9) / 2, abs=1e-12)
    assert overall["n"].tolist() == [2, 2, 1, 1]
    with pytest.raises(ValueError, match="k must be an integer"):
        top_taxa(counts, samples, k=0)
    with pytest.raises(ValueError, match="select must be one of"):
        top_taxa(counts, samples, select="best")


def test_firmicutes_bacteroidetes_ratio_of_means_and_mean_of_ratios():
    counts = pd.DataFrame(
        {"Bacillota": [2, 6, 3, 5], "Bacteroidota": [6, 2, 0, 5], "Other": [2, 2, 7, 0]},
        index=["a", "b", "c", "d"],
    )
    samples = pd.DataFrame(
        {"participant": list("abcd"), "group": ["CM", "CM", "CM", "HCM"], "month": 0},
        index=list("abcd"),
    )
    table = firmicutes_bacteroidetes(counts, samples)
    cm = table[table["group"] == "CM"].iloc[0]
    # by hand (shares of 10 reads): F = .2, .6, .3; B = .6, .2, 0
    assert cm["ratio_of_means"] == pytest.approx((1.1 / 3) / (0.8 / 3), abs=1e-12)
    assert cm["mean_of_ratios"] == pytest.approx((0.2 / 0.6 + 0.6 / 0.2) / 2, abs=1e-12)
    assert cm["n_undefined"] == 1 and cm["n"] == 3
    assert table["group"].tolist() == ["HCM", "CM"]
    with pytest.raises(ValueError, match="counts has no column named"):
        firmicutes_bacteroidetes(counts.drop(columns="Bacillota"), samples)


def test_abundance_long_joins_metadata_by_id_not_position():
    counts, _, samples = small()
    shuffled = samples.iloc[::-1]
    long = abundance_long(counts, shuffled, taxa=["f3"])
    assert long["group"].tolist() == ["HCM", "HCM", "CM"]
    assert long.set_index("sample").loc["s2", "relative_abundance"] == pytest.approx(0.3)
    assert long.equals(abundance_long(counts, samples, taxa=["f3"]))
    with pytest.raises(ValueError, match="samples has no row for sample"):
        abundance_long(counts, samples.drop(index="s2"))
    with pytest.raises(ValueError, match="counts has no taxon"):
        abundance_long(counts, samples, taxa=["f9"])
    with pytest.raises(ValueError, match="unknown value"):
        abundance_long(counts, samples.assign(group=["HCM", "XX", "CM"]))


def test_describe_taxa_matches_numpy():
    toy = toy_microbiome(participants=10, features=12, seed=3)
    table = describe_taxa(toy.counts, toy.samples, taxa=["F00001"])
    shares = (toy.counts["F00001"] / toy.counts.sum(axis=1)).to_numpy()
    keep = ((toy.samples["group"] == "CM") & (toy.samples["month"] == 12)).to_numpy()
    row = table.query("group == 'CM' and month == 12").iloc[0]
    assert row["mean"] == pytest.approx(shares[keep].mean(), abs=1e-12)
    assert row["sd"] == pytest.approx(shares[keep].std(ddof=1), abs=1e-12)
    assert row["n"] == keep.sum() == 5
    assert table["group"].tolist()[:3] == ["HCM"] * 3


def test_toy_microbiome_is_reproducible():
    first = toy_microbiome(participants=6, features=20, seed=11)
    again = toy_microbiome(participants=6, features=20, seed=11)
    pd.testing.assert_frame_equal(first.counts, again.counts)
    assert first.counts.shape == (18, 20)
    assert first.samples["group"].value_counts().to_dict() == {"HCM": 9, "CM": 9}
    with pytest.raises(ValueError, match="participants must be an integer of at least 2"):
        toy_microbiome(participants=1)
