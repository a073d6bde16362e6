"""milkbone.analysis.microbiome.dispersion: PERMDISP.

References: the ANOVA of distances to centroids written out with numpy and scipy
(coordinates from numpy's eigendecomposition of the Gower-centred matrix), and
:func:`skbio.stats.distance.permdisp` for the statistic and, within Monte Carlo error,
the p-value. Real data: the HITChip Atlas scikit-bio installs.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import skbio
from scipy import stats
from skbio.stats.distance import permdisp as skbio_permdisp

from milkbone.analysis.microbiome import bray_curtis, permdisp, spatial_median

ATLAS = Path(skbio.__file__).parent / "stats" / "composition" / "tests" / "data"


@pytest.fixture(scope="module")
def atlas():
    counts = pd.read_csv(ATLAS / "atlas_feature_table.csv", index_col=0)
    meta = pd.read_csv(ATLAS / "atlas_meta_data.csv", index_col=0)
    return counts, meta, bray_curtis(counts)


def test_permdisp_centroid_is_an_anova_of_distances_to_centroids(atlas):
    _, meta, dm = atlas
    result = permdisp(dm, meta, column="region", test="centroid", permutations=0,
                      evidence="observed")  # fmt: skip
    groups = meta.loc[list(dm.ids), "region"].to_numpy()
    squared = dm.data**2
    centre = np.eye(len(squared)) - 1 / len(squared)
    values, vectors = np.linalg.eigh(-0.5 * centre @ squared @ centre)
    keep = values > 1e-8 * values.max()
    coordinates = vectors[:, keep] * np.sqrt(values[keep])
    spread = [
        np.linalg.norm(coordinates[groups == g] - coordinates[groups == g].mean(axis=0), axis=1)
        for g in np.unique(groups)
    ]
    assert result["statistic"].iloc[0] == pytest.approx(stats.f_oneway(*spread).statistic,
                                                         rel=1e-6)  # fmt: skip
    assert result["method"].iloc[0].startswith("PERMDISP (centroid, 300 axes")
    with pytest.raises(ValueError, match="test must be one of"):
        permdisp(dm, meta, column="region", test="mean")
    with pytest.raises(KeyError, match="samples is missing column"):
        permdisp(dm, meta, column="arm")


@pytest.mark.parametrize("test", ["median", "centroid"])
def test_statistic_equals_skbio_and_p_agrees(atlas, test):
    _, meta, dm = atlas
    ours = permdisp(dm, meta, column="bmi", test=test, permutations=199, seed=3,
                    evidence="observed")  # fmt: skip
    reference = skbio_permdisp(dm, meta.loc[list(dm.ids)], column="bmi", test=test,
                               permutations=199, seed=3, dimensions=dm.shape[0],
                               warn_neg_eigval=False)  # fmt: skip
    assert ours["statistic"].iloc[0] == pytest.approx(reference["test statistic"], rel=1e-6)
    # other permutation scheme (centres fixed): p within Monte Carlo error
    assert ours["p_value"].iloc[0] == pytest.approx(reference["p-value"], abs=0.1)
    through = permdisp(dm, meta, column="bmi", test=test, permutations=0, engine="skbio",
                       evidence="observed")  # fmt: skip
    assert through["statistic"].iloc[0] == pytest.approx(ours["statistic"].iloc[0], rel=1e-6)


def test_spatial_median_by_hand():
    # the spatial median of a square's corners is its centre; of three collinear points,
    # the middle one; it ignores how far out a point lies (unlike the mean)
    corners = np.array([[0.0, 0.0], [2.0, 0.0], [0.0, 2.0], [2.0, 2.0]])
    assert spatial_median(corners) == pytest.approx([1.0, 1.0], abs=1e-9)
    line = np.array([[0.0, 0.0], [1.0, 0.0], [100.0, 0.0]])
    assert spatial_median(line) == pytest.approx([1.0, 0.0], abs=1e-6)


def test_same_seed_same_row_and_errors(atlas):
    _, meta, dm = atlas
    first = permdisp(dm, meta, column="region", permutations=99, seed=8)
    pd.testing.assert_frame_equal(first, permdisp(dm, meta, column="region", permutations=99,
                                                  seed=8))  # fmt: skip
    with pytest.raises(ValueError, match="engine must be one of"):
        permdisp(dm, meta, column="region", engine="vegan")
