"""milkbone.analysis.microbiome.beta: Bray–Curtis, PCoA, PERMANOVA, PERMDISP.

References: :func:`skbio.diversity.beta_diversity` ("braycurtis", scipy's pdist) for
the fast route; :func:`skbio.stats.ordination.pcoa` and numpy's eigendecomposition
of the Gower-centred matrix for PCoA; PERMANOVA's sums of squares and PERMDISP's
centroid ANOVA written out with numpy and scipy. Real data: the HITChip Atlas.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import skbio
from skbio import DistanceMatrix
from skbio.diversity import beta_diversity
from skbio.stats.distance import permanova as skbio_permanova
from skbio.stats.ordination import pcoa as skbio_pcoa

from milkbone.analysis.microbiome import bray_curtis, pcoa, permanova, toy_microbiome

ATLAS = Path(skbio.__file__).parent / "stats" / "composition" / "tests" / "data"


@pytest.fixture(scope="module")
def atlas():
    counts = pd.read_csv(ATLAS / "atlas_feature_table.csv", index_col=0)
    meta = pd.read_csv(ATLAS / "atlas_meta_data.csv", index_col=0)
    return counts, meta, bray_curtis(counts)


@pytest.mark.parametrize("route", ["sparse", "dense", "auto"])
def test_bray_curtis_equals_skbio_on_real_counts(atlas, route):
    counts, _, _ = atlas
    ours = bray_curtis(counts, route=route, n_jobs=2)
    reference = beta_diversity("braycurtis", counts.to_numpy(), ids=list(counts.index))
    assert ours.ids == reference.ids
    assert np.abs(ours.data - reference.data).max() <= 1e-12


def test_bray_curtis_on_a_sparse_table_and_relative_abundances():
    toy = toy_microbiome(participants=30, features=400, depth=400, seed=2)
    assert (toy.counts.to_numpy() > 0).mean() < 0.5
    shares = toy.counts.div(toy.counts.sum(axis=1), axis=0)
    for table in (toy.counts, shares):
        reference = beta_diversity("braycurtis", table.to_numpy(), ids=list(table.index))
        ours = bray_curtis(table, route="sparse")
        assert np.abs(ours.data - reference.data).max() <= 1e-12


def test_bray_curtis_errors():
    counts = pd.DataFrame({"a": [1, 0], "b": [2, 0]}, index=["s1", "s2"])
    with pytest.raises(ValueError, match="empty sample"):
        bray_curtis(counts)
    with pytest.raises(ValueError, match="route must be one of"):
        bray_curtis(counts + 1, route="gpu")


def test_pcoa_matches_skbio_and_numpy(atlas):
    _, meta, dm = atlas
    every = skbio_pcoa(dm, dimensions=dm.shape[0], warn_neg_eigval=False)  # all axes
    # eigh is exact; fsvd is randomised: 1e-3 with the default oversampling, 1e-4 with 20
    for method, oversample, tolerance in (("eigh", 0, 1e-8), ("fsvd", 10, 1e-3),
                                          ("fsvd", 20, 1e-4)):  # fmt: skip
        ours = pcoa(dm, meta, dimensions=3, method=method, denominator="positive",
                    oversample=oversample, evidence="observed")  # fmt: skip
        ref = every.samples.iloc[:, :3].to_numpy()
        mine = ours.coordinates[["pc1", "pc2", "pc3"]].to_numpy()
        signs = np.sign((ref * mine).sum(axis=0))  # the sign of an axis is arbitrary
        assert np.abs(mine - ref * signs).max() <= tolerance
        assert ours.axes["proportion_explained"].to_numpy() == pytest.approx(
            every.proportion_explained.to_numpy()[:3], abs=tolerance
        )
    # numpy: eigenvalues of the Gower-centred matrix; trace = sum of all of them
    squared = dm.data**2
    centre = np.eye(len(squared)) - 1 / len(squared)
    eigenvalues = np.linalg.eigvalsh(-0.5 * centre @ squared @ centre)[::-1]
    trace = pcoa(dm, dimensions=2, method="eigh", denominator="trace").axes
    assert trace["eigenvalue"].to_numpy() == pytest.approx(eigenvalues[:2], rel=1e-9)
    assert trace["proportion_explained"].to_numpy() == pytest.approx(
        eigenvalues[:2] / eigenvalues.sum(), rel=1e-9
    )
    # scikit-bio itself uses the trace as soon as dimensions is given
    two = skbio_pcoa(dm, dimensions=2, warn_neg_eigval=False).proportion_explained.to_numpy()
    assert trace["proportion_explained"].to_numpy() == pytest.approx(two, rel=1e-9)
    assert eigenvalues.min() < 0  # Bray–Curtis is not Euclidean: the denominators differ


def test_pcoa_joins_metadata_by_id_and_checks_options(atlas):
    _, meta, dm = atlas
    result = pcoa(dm, meta.iloc[::-1], dimensions=2)
    assert result.coordinates["sample"].tolist() == list(dm.ids)
    assert result.coordinates.set_index("sample").loc["Sample-1", "bmi"] == "obese"
    with pytest.raises(ValueError, match="denominator must be one of"):
        pcoa(dm, dimensions=2, denominator="all")
    with pytest.raises(ValueError, match="samples has no row for sample"):
        pcoa(dm, meta.iloc[1:], dimensions=2)
    with pytest.raises(ValueError, match="dimensions must be below"):
        pcoa(DistanceMatrix([[0, 1], [1, 0]]), dimensions=2)


def test_permanova_by_hand_and_against_skbio(atlas):
    _, meta, dm = atlas
    result = permanova(dm, meta, column="bmi", permutations=199, seed=7, evidence="observed")
    groups = meta.loc[list(dm.ids), "bmi"].to_numpy()
    squared = dm.data**2
    n, labels = len(groups), np.unique(groups)
    total = squared[np.triu_indices(n, 1)].sum() / n
    within = sum(
        squared[np.ix_(groups == g, groups == g)][np.triu_indices((groups == g).sum(), 1)].sum()
        / (groups == g).sum()
        for g in labels
    )
    f = ((total - within) / (len(labels) - 1)) / (within / (n - len(labels)))
    row = result.iloc[0]
    assert row["statistic"] == pytest.approx(f, rel=1e-10)
    assert row["r_squared"] == pytest.approx((total - within) / total, rel=1e-10)
    # scikit-bio: the same pseudo-F; its own shuffles, so p within Monte Carlo error
    reference = skbio_permanova(dm, meta.loc[list(dm.ids)], column="bmi", permutations=199,
                                seed=7)  # fmt: skip
    assert row["statistic"] == pytest.approx(reference["test statistic"], rel=1e-10)
    assert row["p_value"] == pytest.approx(reference["p-value"], abs=0.08)
    through_skbio = permanova(dm, meta, column="bmi", permutations=199, seed=7, engine="skbio",
                              evidence="observed")  # fmt: skip
    assert through_skbio["p_value"].iloc[0] == pytest.approx(reference["p-value"], abs=1e-12)
    again = permanova(dm, meta, column="bmi", permutations=199, seed=7, evidence="observed")
    pd.testing.assert_frame_equal(result, again)
    with pytest.raises(ValueError, match="engine must be one of"):
        permanova(dm, meta, column="bmi", engine="vegan")


def test_permanova_permutation_p_is_exact_on_a_tiny_design():
    # 2 + 2 samples: 4!/(2!2!) = 6 labellings, 2 of them the observed split (or its swap);
    # with many shuffles the permutation p tends to 2/6
    dm = DistanceMatrix([[0, 1, 4, 4], [1, 0, 4, 4], [4, 4, 0, 1], [4, 4, 1, 0]],
                        ids=["a", "b", "c", "d"])  # fmt: skip
    groups = pd.DataFrame({"group": ["HCM", "HCM", "CM", "CM"]}, index=list("abcd"))
    p_value = permanova(dm, groups, permutations=20000, seed=1)["p_value"].iloc[0]
    assert p_value == pytest.approx(1 / 3, abs=0.01)
