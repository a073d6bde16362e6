"""milkbone.analysis.microbiome.community: the distance rank-sum test and its companions.

References: :func:`skbio.stats.distance.anosim` (R statistic, an independent loop over
ranks) and :func:`scipy.stats.mannwhitneyu` on the two sets of distances built here.
Real data: the HITChip Atlas.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import skbio
from scipy import stats
from skbio.stats.distance import anosim

from milkbone.analysis.microbiome import (
    bray_curtis,
    community_tests,
    distance_rank_test,
    toy_microbiome,
)

ATLAS = Path(skbio.__file__).parent / "stats" / "composition" / "tests" / "data"


@pytest.fixture(scope="module")
def atlas():
    counts = pd.read_csv(ATLAS / "atlas_feature_table.csv", index_col=0)
    meta = pd.read_csv(ATLAS / "atlas_meta_data.csv", index_col=0)
    return meta, bray_curtis(counts)


@pytest.mark.parametrize("column", ["bmi", "region"])
def test_r_statistic_equals_skbio_anosim_on_real_data(atlas, column):
    meta, dm = atlas
    ours = distance_rank_test(dm, meta, column=column, permutations=199, seed=3,
                              evidence="observed")  # fmt: skip
    reference = anosim(dm, meta.loc[list(dm.ids)], column=column, permutations=199, seed=3)
    permuted = ours.iloc[1]
    assert permuted["statistic"] == pytest.approx(reference["test statistic"], abs=1e-12)
    # different permutation streams: the p-values agree within Monte Carlo error
    assert permuted["p_value"] == pytest.approx(reference["p-value"], abs=0.08)
    assert permuted["groups"] == meta[column].nunique()


def test_u_statistic_is_mann_whitney_of_between_against_within(atlas):
    meta, dm = atlas
    ours = distance_rank_test(dm, meta, column="region", permutations=9, evidence="observed")
    labels = meta.loc[list(dm.ids), "region"].to_numpy()
    i, j = np.triu_indices(len(labels), 1)
    between = labels[i] != labels[j]
    values = dm.data[i, j]
    reference = stats.mannwhitneyu(values[between], values[~between], alternative="greater",
                                   method="asymptotic")  # fmt: skip
    assert ours.iloc[0]["statistic"] == pytest.approx(reference.statistic, abs=1e-9)
    assert ours.iloc[0]["p_value"] == pytest.approx(reference.pvalue, rel=1e-9)
    assert ours.iloc[0]["p_value_kind"] == "asymptotic"


def test_permutation_p_separates_a_planted_difference_from_none():
    strong = toy_microbiome(participants=30, features=40, effect=3.0, seed=5)
    none = toy_microbiome(participants=30, features=40, effect=0.0, seed=5)
    p_values = []
    for toy in (strong, none):
        visit = toy.samples[toy.samples["month"] == 6]
        dm = bray_curtis(toy.counts.loc[visit.index])
        p_values.append(distance_rank_test(dm, visit, permutations=199, seed=1)["p_value"].iloc[1])
    assert p_values[0] == pytest.approx(1 / 200, abs=1e-12)  # no permutation as extreme
    assert p_values[1] > 0.05


def test_same_seed_same_frame_and_errors(atlas):
    meta, dm = atlas
    first = community_tests(dm, meta, column="bmi", permutations=49, seed=4, evidence="observed")
    again = community_tests(dm, meta, column="bmi", permutations=49, seed=4, evidence="observed")
    pd.testing.assert_frame_equal(first, again)
    assert first["test"].tolist()[:2] == ["PERMANOVA", "PERMDISP"]
    assert first["r_squared"].notna().tolist() == [True, False, False, False]
    one = meta.assign(bmi="lean")
    with pytest.raises(ValueError, match="needs at least two groups"):
        distance_rank_test(dm, one, column="bmi")
    with pytest.raises(ValueError, match="alternative must be one of"):
        distance_rank_test(dm, meta, column="bmi", alternative="less")
    with pytest.raises(ValueError, match="permutations must be an integer of at least 1"):
        distance_rank_test(dm, meta, column="bmi", permutations=0)
