"""milkbone.analysis.microbiome.rarefaction: subsampling reads to one depth.

References: the multivariate hypergeometric distribution's mean (depth × count / reads,
worked by hand) over many seeds, and the definition (rows sum to the depth, no feature
gains reads).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from milkbone.analysis.microbiome import toy_microbiome
from milkbone.analysis.microbiome.rarefaction import rarefy


@pytest.fixture(scope="module")
def counts():
    return toy_microbiome(participants=10, features=30, depth=3000, seed=4).counts


def test_every_kept_sample_has_the_depth_and_no_feature_gains(counts):
    depth = int(counts.sum(axis=1).median())
    result = rarefy(counts, depth=depth, seed=1)
    assert (result.counts.sum(axis=1) == depth).all()
    assert (result.counts.to_numpy() <= counts.loc[result.counts.index].to_numpy()).all()
    shallow = counts.index[counts.sum(axis=1) < depth]
    assert result.dropped["sample"].tolist() == list(shallow)
    assert len(result.counts) + len(result.dropped) == len(counts)
    assert result.depth == depth


def test_default_depth_is_the_shallowest_sample(counts):
    result = rarefy(counts, seed=2)
    assert result.depth == counts.sum(axis=1).min()
    assert result.dropped.empty and len(result.counts) == len(counts)


def test_draws_average_to_the_hypergeometric_mean():
    counts = pd.DataFrame({"a": [600], "b": [300], "c": [100]}, index=["s"])
    draws = np.array([rarefy(counts, depth=100, seed=s).counts.iloc[0] for s in range(400)])
    # mean of a multivariate hypergeometric draw: depth × count / reads = 60, 30, 10;
    # SD of the mean of 400 draws of 'a' is below 0.25
    np.testing.assert_allclose(draws.mean(axis=0), [60, 30, 10], atol=1.0)


def test_same_seed_same_counts(counts):
    pd.testing.assert_frame_equal(rarefy(counts, seed=5).counts, rarefy(counts, seed=5).counts)
    assert not rarefy(counts, seed=5).counts.equals(rarefy(counts, seed=6).counts)


def test_errors_name_the_problem(counts):
    with pytest.raises(ValueError, match="every sample has fewer than depth=10000000 reads"):
        rarefy(counts, depth=10_000_000)
    with pytest.raises(ValueError, match="depth must be an integer of at least 1"):
        rarefy(counts, depth=0)
    with pytest.raises(ValueError, match="seed must be an integer"):
        rarefy(counts, seed=-1)
