"""Helpers shared by the distance-based tests: label permutations, the result row.

Both statistics need, for each permutation of the group labels, the sum over
within-group pairs of some pair value :math:`s_{ij}` (squared distances for PERMANOVA,
ranks for ANOSIM). With :math:`a_g` the 0/1 membership vector of group :math:`g`,
that sum is :math:`\\sum_g w_g a_g^\\top S a_g / 2`, so a block of permutations is one
matrix product instead of a Python loop over pairs.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["CHUNK", "TEST_COLUMNS", "permuted_codes", "result_row", "within_sums"]

TEST_COLUMNS = [
    "test",
    "statistic_name",
    "statistic",
    "p_value",
    "p_value_kind",
    "permutations",
    "n",
    "groups",
    "method",
    "evidence",
]
"""Columns of every community-test frame (PERMANOVA adds ``r_squared`` before ``method``)."""

CHUNK = 128
"""Permutations evaluated per matrix product (bounds memory at CHUNK × n floats)."""


def permuted_codes(codes: np.ndarray, permutations: int, seed: int) -> np.ndarray:
    """``permutations`` shuffles of the label codes, one per row (numpy ``default_rng(seed)``)."""
    rng = np.random.default_rng(seed)
    return np.array([rng.permutation(codes) for _ in range(permutations)]).reshape(
        permutations, len(codes)
    )


def within_sums(
    square: np.ndarray, codes: np.ndarray, groups: int, weights: np.ndarray | None = None
) -> np.ndarray:
    """Weighted sum of ``square`` over the within-group pairs, for each row of ``codes``."""
    weights = np.ones(groups) if weights is None else weights
    totals = []
    for start in range(0, codes.shape[0], CHUNK):
        block = codes[start : start + CHUNK]
        total = np.zeros(block.shape[0])
        for g in range(groups):
            member = (block == g).astype(float)
            total += weights[g] * np.einsum("pi,pi->p", member @ square, member) / 2
        totals.append(total)
    return np.concatenate(totals) if totals else np.zeros(0)


def result_row(result: pd.Series, test: str, method: str, evidence: str) -> dict:
    """One row of :data:`TEST_COLUMNS` from a scikit-bio test result."""
    return {
        "test": test,
        "statistic_name": result["test statistic name"],
        "statistic": float(result["test statistic"]),
        "p_value": float(result["p-value"]),
        "p_value_kind": "permutation",
        "permutations": int(result["number of permutations"]),
        "n": int(result["sample size"]),
        "groups": int(result["number of groups"]),
        "method": method,
        "evidence": evidence,
    }
