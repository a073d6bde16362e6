"""Two groups over ordered categories: the tests a printed z or p may come from.

Table 4 prints counts of 25(OH)D categories (normal, insufficient, deficient) per arm
with a Z and a p but does not name the test. :func:`ordinal_tests_from_counts`
computes the candidates from the counts alone (rank-sum with and without ties and
continuity corrections, Pearson χ², linear-by-linear); :func:`check_ordinal_counts`
says which reproduces the printed values.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pandas as pd
from scipy import stats

from milkbone.audit.intervals import Interval, _check_counts, printed_interval
from milkbone.audit.ranks import mann_whitney_from_u
from milkbone.audit.results import _EVIDENCE, _frame, _row, _sign_note

__all__ = ["check_ordinal_counts", "ordinal_tests_from_counts"]


def ordinal_tests_from_counts(
    counts1: Sequence[int], counts2: Sequence[int], *, scores: Sequence[float] | None = None
) -> pd.DataFrame:
    """Two groups × ordered categories: rank-sum, Pearson χ² and linear-by-linear tests.

    Parameters
    ----------
    counts1, counts2 : sequence of int
        Counts per ordered category (same order in both) for group 1 (HCM) and 2 (CM).
    scores : sequence of float, optional
        Category scores for the linear-by-linear test; default ``1, 2, …, k``.

    Returns
    -------
    pandas.DataFrame
        Columns ``variant, statistic, dof, z, p, n1, n2, method, evidence``, rows:

        - ``rank-sum, ties`` and ``rank-sum, ties, continuity``,
          ``rank-sum, no ties`` and ``rank-sum, no ties, continuity``: ``statistic`` is
          U of group 1 (mid-ranks), ``z`` signed (negative when group 1 sits in lower
          categories), ``dof`` NaN;
        - ``pearson``: ``statistic`` χ², ``dof = (k' − 1)`` over the k' non-empty
          categories, ``z`` NaN;
        - ``linear-by-linear``: ``statistic`` ``M² = (N − 1) r²``, ``dof`` 1, ``z`` the
          signed ``r·√(N − 1)``.

    Raises
    ------
    ValueError
        If the counts are not non-negative integers, differ in length, a group is
        empty, or ``scores`` has the wrong length.

    Notes
    -----
    Rank-sum (Wilcoxon–Mann–Whitney): every member of category ``j`` gets the mid-rank
    ``C_{j−1} + (t_j + 1)/2`` (``t_j`` the category total, ``C`` cumulative totals);
    ``U1 = R1 − n1(n1+1)/2`` and ``z`` as in :func:`mann_whitney_from_u` with the
    category totals as ties. Equal to ``scipy.stats.mannwhitneyu(method="asymptotic")``
    on the expanded data. Pearson: ``Σ (O − E)²/E``, as
    ``scipy.stats.chi2_contingency(correction=False)``. Linear-by-linear (Mantel 1963;
    Agresti, *Categorical Data Analysis*, 2013, §3.4.1): ``r`` the Pearson correlation
    of group score (1, 2) and category score over the N subjects, ``M² = (N − 1)r²`` on
    1 dof. A "single ordered" 2 × k table is usually analysed by the rank-sum test.

    Examples
    --------
    Paper Table 4, 25(OH)D categories Normal/Insufficient/Deficient at 6 months.

    >>> res = ordinal_tests_from_counts([41, 10, 0], [17, 27, 2])
    >>> res[["variant", "statistic", "z", "p"]].round(4)
                             variant  statistic       z       p
    0                 rank-sum, ties    653.500 -4.3904  0.0000
    1     rank-sum, ties, continuity    653.500 -4.3862  0.0000
    2              rank-sum, no ties    653.500 -3.7532  0.0002
    3  rank-sum, no ties, continuity    653.500 -3.7496  0.0002
    4                        pearson     19.536     NaN  0.0001
    5               linear-by-linear     19.159 -4.3771  0.0000
    """
    c1, c2 = _check_counts("counts1", counts1), _check_counts("counts2", counts2)
    if c1.size != c2.size:
        raise ValueError(
            f"counts1 and counts2 must have the same number of categories, got {c1.size} "
            f"and {c2.size}"
        )
    for name, c in (("counts1", c1), ("counts2", c2)):
        if int(c.sum()) == 0:
            raise ValueError(f"{name} must contain at least one subject, got all zeros")
    k = c1.size
    if scores is None:
        score = np.arange(1, k + 1, dtype=float)
    else:
        score = np.asarray(scores, dtype=float)
        if score.shape != (k,):
            raise ValueError(f"scores must have one value per category ({k}), got {scores!r}")
    rows = [*_rank_sum_rows(c1, c2), _pearson_row(c1, c2), _linear_by_linear_row(c1, c2, score)]
    out = pd.DataFrame(rows)
    out["n1"], out["n2"], out["evidence"] = int(c1.sum()), int(c2.sum()), _EVIDENCE
    return out[["variant", "statistic", "dof", "z", "p", "n1", "n2", "method", "evidence"]]


_RANK_SUM_NAMES = {
    "normal": "rank-sum, no ties",
    "normal, continuity": "rank-sum, no ties, continuity",
    "normal, ties": "rank-sum, ties",
    "normal, ties, continuity": "rank-sum, ties, continuity",
}
"""The Mann–Whitney variants of :func:`mann_whitney_from_u` as rank-sum tests of counts."""


def _rank_sum_rows(c1: np.ndarray, c2: np.ndarray) -> list[dict]:
    """The four rank-sum variants, tie-corrected first, from mid-ranks of the categories."""
    n1, n2 = int(c1.sum()), int(c2.sum())
    totals = c1 + c2
    cum = np.concatenate([[0], np.cumsum(totals)[:-1]])
    midrank = cum + (totals + 1) / 2.0
    u1 = float(np.sum(c1 * midrank) - n1 * (n1 + 1) / 2.0)
    mw = mann_whitney_from_u(u1, n1=n1, n2=n2, tie_counts=totals.tolist())
    mw["variant"] = mw["variant"].map(_RANK_SUM_NAMES)
    order = list(_RANK_SUM_NAMES.values())[2:] + list(_RANK_SUM_NAMES.values())[:2]
    mw = mw.set_index("variant").loc[order].reset_index()
    return [
        {
            "variant": rec["variant"],
            "statistic": rec["u"],
            "dof": math.nan,
            "z": rec["z"],
            "p": rec["p"],
            "method": "mid-rank " + rec["method"],
        }
        for rec in mw.to_dict("records")
    ]


def _pearson_row(c1: np.ndarray, c2: np.ndarray) -> dict:
    """Pearson χ² without continuity correction, over the non-empty categories."""
    keep = (c1 + c2) > 0
    table = np.vstack([c1[keep], c2[keep]]).astype(float)
    expected = table.sum(axis=1, keepdims=True) * table.sum(axis=0, keepdims=True) / table.sum()
    chi2 = float(np.sum((table - expected) ** 2 / expected))
    dof = int(keep.sum()) - 1
    dropped = "" if keep.all() else f" (empty categories {np.flatnonzero(~keep).tolist()} dropped)"
    return {
        "variant": "pearson",
        "statistic": chi2,
        "dof": float(dof),
        "z": math.nan,
        "p": float(stats.chi2.sf(chi2, dof)) if dof > 0 else math.nan,
        "method": "Pearson chi-square, no continuity correction" + dropped,
    }


def _linear_by_linear_row(c1: np.ndarray, c2: np.ndarray, score: np.ndarray) -> dict:
    """Mantel's linear-by-linear M² = (N − 1)r² on 1 dof, with the signed z."""
    n1, n2 = int(c1.sum()), int(c2.sum())
    n = n1 + n2
    x = np.repeat([1.0, 2.0], [n1, n2])
    y = np.concatenate([np.repeat(score, c1), np.repeat(score, c2)])
    r = math.nan if np.std(y) == 0 else float(np.corrcoef(x, y)[0, 1])
    m2 = (n - 1) * r**2
    return {
        "variant": "linear-by-linear",
        "statistic": m2,
        "dof": 1.0,
        "z": -r * math.sqrt(n - 1),  # sign: negative when group 1 has lower scores
        "p": float(stats.chi2.sf(m2, 1)) if not math.isnan(m2) else math.nan,
        "method": f"Mantel linear-by-linear M2=(N-1)r^2, scores {score.tolist()}",
    }


_SMALLER_U = "software may print the z of the smaller U, −|z|, whichever group is higher"


def check_ordinal_counts(
    counts1: Sequence[int],
    counts2: Sequence[int],
    *,
    z: str | None = None,
    p: str | None = None,
    scores: Sequence[float] | None = None,
) -> pd.DataFrame:
    """Do a printed z and/or p follow from printed category counts? Which test?

    Parameters
    ----------
    counts1, counts2 : sequence of int
        Printed counts per ordered category for groups 1 and 2.
    z : str, optional
        The printed Z (compared as ``|z|``; signs reported in ``note``).
    p : str, optional
        The printed p-value.
    scores : sequence of float, optional
        Category scores for the linear-by-linear test.

    Returns
    -------
    pandas.DataFrame
        :data:`CHECK_COLUMNS`, one row per variant of
        :func:`ordinal_tests_from_counts` and printed quantity (``"|z|"`` where the
        variant has a z, ``"p"``). Counts are exact, so the recomputed range is a point.

    Raises
    ------
    ValueError
        As :func:`ordinal_tests_from_counts`; also if neither ``z`` nor ``p`` is given.

    Notes
    -----
    Some packages (SPSS among them) print the z of the smaller U, always negative, so a
    printed sign says nothing about which group is higher; ``|z|`` is compared and both
    signs are reported in ``note``.

    Examples
    --------
    >>> from milkbone.audit import matching_variants
    >>> res = check_ordinal_counts([11, 23, 17], [9, 25, 12], z="−0.401", p="0.688")
    >>> matching_variants(res)
    ['rank-sum, ties']
    """
    if z is None and p is None:
        raise ValueError("check_ordinal_counts needs the printed z, the printed p, or both")
    tests = ordinal_tests_from_counts(counts1, counts2, scores=scores)
    z_iv = None if z is None else printed_interval(z, floor=-math.inf)
    p_iv = None if p is None else printed_interval(p, probability=True)
    rows = []
    for rec in tests.to_dict("records"):
        if z is not None and not math.isnan(rec["z"]):
            assert z_iv is not None
            rec_z = Interval.point(rec["z"])
            row = _row(
                check="ordinal_counts",
                quantity="|z|",
                variant=rec["variant"],
                printed=z,
                printed_iv=abs(z_iv),
                recomputed=abs(rec["z"]),
                recomputed_iv=abs(rec_z),
                method=rec["method"],
            )
            row["note"] += "; " + _sign_note(z_iv, rec_z, why=_SMALLER_U)
            rows.append(row)
        if p is not None:
            assert p_iv is not None
            rows.append(
                _row(
                    check="ordinal_counts",
                    quantity="p",
                    variant=rec["variant"],
                    printed=p,
                    printed_iv=p_iv,
                    recomputed=rec["p"],
                    recomputed_iv=Interval.point(rec["p"]),
                    method=rec["method"],
                )
            )
    return _frame(rows)
