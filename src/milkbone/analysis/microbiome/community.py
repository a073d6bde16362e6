"""Tests of community structure between arms: our reading of the paper's "Wilcoxon test",
beside PERMANOVA and PERMDISP (paper §3.4, Figure 3C).

The paper says a "Wilcoxon test" confirmed the difference between HCM and CM at 6
months (p < 0.001) without saying what was ranked. Our reading, as QIIME's distance
box plots and Calypso do it: rank all pairwise Bray–Curtis dissimilarities and compare
those *between* arms with those *within* arms by a Wilcoxon rank-sum (Mann–Whitney)
test. The pairs share samples, so they are not independent and the textbook p-value
is far too small; permuting the arm labels of the samples gives a valid p-value. The
permutation statistic is ANOSIM's R (Clarke 1993), :math:`R = (\\bar r_B - \\bar
r_W) / (M / 2)` with :math:`M` the number of pairs, checked against
:func:`skbio.stats.distance.anosim` in the tests.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats
from skbio import DistanceMatrix

from milkbone.analysis.microbiome._checks import (
    align_samples,
    check_choice,
    check_evidence,
    check_positive_int,
    check_seed,
)
from milkbone.analysis.microbiome.beta import TEST_COLUMNS, permanova, permdisp

__all__ = ["community_tests", "distance_rank_test"]

CHUNK = 128
"""Permutations evaluated per matrix product (bounds memory at CHUNK × n floats)."""


def _within_rank_sums(ranks: np.ndarray, codes: np.ndarray, groups: int) -> np.ndarray:
    """Sum of the ranks of within-group pairs for each row of label codes."""
    total = np.zeros(codes.shape[0])
    for g in range(groups):
        member = (codes == g).astype(float)
        total += np.einsum("pi,pi->p", member @ ranks, member) / 2
    return total


def _anosim(
    values: np.ndarray, between: np.ndarray, shuffled: np.ndarray, groups: int
) -> tuple[float, np.ndarray]:
    """ANOSIM's R for the observed labels and for each row of permuted label codes."""
    ranks = stats.rankdata(values)
    n = shuffled.shape[1]
    square = np.zeros((n, n))
    square[np.triu_indices(n, 1)] = ranks
    square += square.T
    n_between, n_within = between.sum(), (~between).sum()

    def r_of(within_sum: np.ndarray) -> np.ndarray:
        between_mean = (ranks.sum() - within_sum) / n_between
        return (between_mean - within_sum / n_within) / (len(values) / 2)

    observed = float(r_of(np.array([ranks[~between].sum()]))[0])
    chunks = [
        r_of(_within_rank_sums(square, shuffled[k : k + CHUNK], groups))
        for k in range(0, shuffled.shape[0], CHUNK)
    ]
    return observed, np.concatenate(chunks)


def distance_rank_test(
    distances: DistanceMatrix, samples: pd.DataFrame, *, column: str = "group",
    permutations: int = 999, seed: int = 2025, alternative: str = "greater",
    evidence: str = "simulated",
) -> pd.DataFrame:  # fmt: skip
    """Rank-sum test of between-group against within-group distances, two ways.

    Parameters
    ----------
    distances : skbio.DistanceMatrix
        E.g. Bray–Curtis of the samples of one visit.
    samples : pandas.DataFrame
        Metadata indexed by sample id, with the grouping ``column``.
    column : str
        Grouping column (two or more groups).
    permutations : int
        Label permutations of the valid p-value.
    seed : int
        Seed of :func:`numpy.random.default_rng` for the permutations.
    alternative : {"greater", "two-sided"}
        ``"greater"``: between-group pairs are more dissimilar (ANOSIM's one-sided
        test); ``"two-sided"``: either way.
    evidence : {"simulated", "observed"}
        Evidence level of the data.

    Returns
    -------
    pandas.DataFrame
        Two rows, columns as :func:`permanova` without ``r_squared``:

        - ``"distance rank-sum (pairs as independent)"``: Mann–Whitney U of the
          between- against the within-group dissimilarities, asymptotic p (what a
          "Wilcoxon test" on a distance box plot gives; anti-conservative);
        - ``"distance rank-sum (label permutation)"``: ANOSIM's R, p from
          ``permutations`` shuffles of the sample labels.

    Examples
    --------
    >>> dm = DistanceMatrix([[0, 1, 4, 4], [1, 0, 4, 4], [4, 4, 0, 1], [4, 4, 1, 0]],
    ...                     ids=["a", "b", "c", "d"])
    >>> groups = pd.DataFrame({"group": ["HCM", "HCM", "CM", "CM"]}, index=list("abcd"))
    >>> distance_rank_test(dm, groups, permutations=99)[["statistic_name", "statistic"]]
      statistic_name  statistic
    0              U        8.0
    1              R        1.0
    """
    check_positive_int("permutations", permutations, minimum=1)
    check_seed(seed)
    check_choice("alternative", alternative, ("greater", "two-sided"))
    check_evidence(evidence)
    labels = align_samples(distances, samples, column)[column].to_numpy()
    codes, uniques = pd.factorize(labels)
    if len(uniques) < 2:
        raise ValueError(f"samples column {column!r} needs at least two groups, got {len(uniques)}")
    n = len(labels)
    upper_i, upper_j = np.triu_indices(n, 1)
    values = distances.data[upper_i, upper_j]
    between = codes[upper_i] != codes[upper_j]
    if between.all():
        raise ValueError("every group has one sample: there are no within-group distances")
    naive = stats.mannwhitneyu(
        values[between], values[~between], alternative=alternative, method="asymptotic"
    )
    rng = np.random.default_rng(seed)
    shuffled = np.array([rng.permutation(codes) for _ in range(permutations)])
    observed, null = _anosim(values, between, shuffled, len(uniques))
    if alternative == "greater":
        extreme = null >= observed - 1e-12
    else:
        extreme = np.abs(null) >= abs(observed) - 1e-12
    common = {"permutations": 0, "n": n, "groups": len(uniques), "evidence": evidence}
    rows = [
        {
            "test": "distance rank-sum (pairs as independent)",
            "statistic_name": "U",
            "statistic": float(naive.statistic),
            "p_value": float(naive.pvalue),
            "p_value_kind": "asymptotic",
            **common,
            "method": f'scipy.stats.mannwhitneyu(between, within, alternative="{alternative}", '
            'method="asymptotic") on pairwise dissimilarities',
        },
        {
            "test": "distance rank-sum (label permutation)",
            "statistic_name": "R",
            "statistic": observed,
            "p_value": (1 + extreme.sum()) / (permutations + 1),
            "p_value_kind": "permutation",
            **common,
            "permutations": permutations,
            "method": f"ANOSIM R of ranked dissimilarities, {permutations} label permutations "
            f"(numpy default_rng({seed})), {alternative}",
        },
    ]
    return pd.DataFrame(rows, columns=TEST_COLUMNS)


def community_tests(
    distances: DistanceMatrix, samples: pd.DataFrame, *, column: str = "group",
    permutations: int = 999, seed: int = 2025, evidence: str = "simulated",
) -> pd.DataFrame:  # fmt: skip
    """PERMANOVA, PERMDISP and the distance rank-sum test in one frame, same seed.

    Returns
    -------
    pandas.DataFrame
        Four rows (PERMANOVA, PERMDISP, the two rank-sum rows of
        :func:`distance_rank_test`), columns of :func:`permanova` (``r_squared`` NaN
        except for PERMANOVA).

    Examples
    --------
    >>> dm = DistanceMatrix([[0, 1, 4, 4], [1, 0, 4, 4], [4, 4, 0, 1], [4, 4, 1, 0]],
    ...                     ids=["a", "b", "c", "d"])
    >>> groups = pd.DataFrame({"group": ["HCM", "HCM", "CM", "CM"]}, index=list("abcd"))
    >>> community_tests(dm, groups, permutations=99)["test"].tolist()  # doctest: +ELLIPSIS
    ['PERMANOVA', 'PERMDISP', 'distance rank-sum (pairs as independent)', ...]
    """
    options = {"column": column, "permutations": permutations, "seed": seed, "evidence": evidence}
    with np.errstate(divide="ignore", invalid="ignore"):  # PERMDISP F is 0/0 with no spread
        spread = permdisp(distances, samples, **options)
    frames = [
        permanova(distances, samples, **options),
        spread,
        distance_rank_test(distances, samples, **options),
    ]
    return pd.concat(frames, ignore_index=True)
