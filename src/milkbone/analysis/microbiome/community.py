"""Tests of community structure between arms: PERMANOVA, PERMDISP and our reading of the
paper's "Wilcoxon test" (paper §3.4, Figure 3C).

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
from skbio.stats.distance import permanova as skbio_permanova

from milkbone.analysis.microbiome._checks import (
    align_samples,
    check_choice,
    check_evidence,
    check_positive_int,
    check_seed,
)
from milkbone.analysis.microbiome._permute import (
    TEST_COLUMNS,
    permuted_codes,
    result_row,
    within_sums,
)
from milkbone.analysis.microbiome.dispersion import permdisp

__all__ = ["community_tests", "distance_rank_test", "permanova"]


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
    return observed, r_of(within_sums(square, shuffled, groups))


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
    shuffled = permuted_codes(codes, permutations, seed)
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


def _pseudo_f(squared: np.ndarray, codes: np.ndarray, permutations: int, seed: int):
    """PERMANOVA's pseudo-F for the labels and its permutation p (label shuffles)."""
    n, groups = len(codes), int(codes.max()) + 1
    weights = 1.0 / np.bincount(codes, minlength=groups)
    total = squared.sum() / (2 * n)

    def f_of(within: np.ndarray) -> np.ndarray:
        return ((total - within) / (groups - 1)) / (within / (n - groups))

    observed = float(f_of(within_sums(squared, codes[None, :], groups, weights))[0])
    if permutations == 0:
        return observed, np.nan
    null = f_of(within_sums(squared, permuted_codes(codes, permutations, seed), groups, weights))
    return observed, (1 + np.sum(null >= observed - 1e-12 * abs(observed))) / (permutations + 1)


def permanova(
    distances: DistanceMatrix, samples: pd.DataFrame, *, column: str = "group",
    permutations: int = 999, seed: int = 2025, engine: str = "matrix",
    evidence: str = "simulated",
) -> pd.DataFrame:  # fmt: skip
    """PERMANOVA of the distances between the groups of ``samples[column]``.

    PERMANOVA (Anderson 2001) asks whether the groups' centroids differ, but it also
    reacts to groups that differ only in spread: read it beside :func:`permdisp`.

    Parameters
    ----------
    engine : {"matrix", "skbio"}
        ``"matrix"``: the within-group sums of squares of a block of label permutations
        as one matrix product (numpy ``default_rng(seed)`` shuffles);
        ``"skbio"``: :func:`skbio.stats.distance.permanova`, which loops over the
        permutations (same pseudo-F, other shuffles; far slower with many samples).

    Returns
    -------
    pandas.DataFrame
        One row: ``test, statistic_name, statistic, p_value, p_value_kind,
        permutations, n, groups, r_squared, method, evidence``; ``statistic`` is the
        pseudo-F and ``r_squared`` = F(g−1) / (F(g−1) + n − g), the share of the
        sum of squared distances between groups (R vegan ``adonis2``'s R²).

    Examples
    --------
    >>> dm = DistanceMatrix([[0, 1, 4, 4], [1, 0, 4, 4], [4, 4, 0, 1], [4, 4, 1, 0]],
    ...                     ids=["a", "b", "c", "d"])
    >>> groups = pd.DataFrame({"group": ["HCM", "HCM", "CM", "CM"]}, index=list("abcd"))
    >>> permanova(dm, groups, permutations=99)[["statistic", "r_squared"]].round(3)
       statistic  r_squared
    0       31.0      0.939
    """
    check_positive_int("permutations", permutations, minimum=0)
    check_seed(seed)
    check_choice("engine", engine, ("matrix", "skbio"))
    check_evidence(evidence)
    grouping = align_samples(distances, samples, column)[[column]]
    if engine == "skbio":
        result = skbio_permanova(
            distances, grouping, column=column, permutations=permutations, seed=seed
        )
        row = result_row(
            result, "PERMANOVA", f"skbio.stats.distance.permanova(seed={seed})", evidence
        )
    else:
        codes, uniques = pd.factorize(grouping[column])
        f, p = _pseudo_f(distances.data**2, codes, permutations, seed)
        row = {
            "test": "PERMANOVA",
            "statistic_name": "pseudo-F",
            "statistic": f,
            "p_value": p,
            "p_value_kind": "permutation",
            "permutations": permutations,
            "n": len(codes),
            "groups": len(uniques),
            "evidence": evidence,
            "method": f"PERMANOVA, {permutations} label permutations as matrix products "
            f"(numpy default_rng({seed}))",
        }
    f, g, n = row["statistic"], row["groups"], row["n"]
    row["r_squared"] = f * (g - 1) / (f * (g - 1) + n - g)
    return pd.DataFrame([row], columns=[*TEST_COLUMNS[:-2], "r_squared", *TEST_COLUMNS[-2:]])
