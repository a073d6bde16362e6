"""Mann–Whitney U: z and p under the normal approximation, from a printed U.

The paper prints U for the Table 2 rows it tested by rank; with the group sizes that
fixes the untied p. A tie correction can only lower p, so a printed p below the untied
range may still be tie-corrected, while one above it is a discrepancy under every
variant.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pandas as pd

from milkbone.audit.intervals import (
    Interval,
    _as_interval,
    _as_value,
    _check_counts,
    _check_n,
    printed_interval,
)
from milkbone.audit.pvalues import _p_range_z, p_value_z
from milkbone.audit.results import _EVIDENCE, _frame, _row

__all__ = ["check_mann_whitney", "mann_whitney_from_u"]


def _tie_term(tie_counts: Sequence[int] | None) -> int:
    if tie_counts is None:
        return 0
    t = _check_counts("tie_counts", [*tie_counts, 0])
    return int(np.sum(t**3 - t))


def _u_sigma(n1: int, n2: int, tie_term: int) -> float:
    n = n1 + n2
    return math.sqrt(n1 * n2 / 12.0 * ((n + 1) - tie_term / (n * (n - 1))))


def _mw_variants(tie_counts) -> list[tuple[str, bool, bool]]:
    variants = [("normal", False, False), ("normal, continuity", False, True)]
    if tie_counts is not None:
        variants += [("normal, ties", True, False), ("normal, ties, continuity", True, True)]
    return variants


def _z_from_u(u: float, mu: float, sigma: float, continuity: bool) -> float:
    d = u - mu
    if continuity:
        d = math.copysign(max(abs(d) - 0.5, 0.0), d)
    if sigma == 0:
        return math.nan if d == 0 else math.copysign(math.inf, d)
    return d / sigma


def mann_whitney_from_u(
    u: float, *, n1: int, n2: int, tie_counts: Sequence[int] | None = None
) -> pd.DataFrame:
    """z and two-sided p of a Mann–Whitney U under the normal approximation, per variant.

    Parameters
    ----------
    u : float
        The U statistic of either group (``0 <= u <= n1·n2``).
    n1, n2 : int
        Group sizes (>= 1).
    tie_counts : sequence of int, optional
        Sizes of the groups of tied values in the pooled sample (e.g. the category
        totals of an ordinal variable). Adds the tie-corrected variants.

    Returns
    -------
    pandas.DataFrame
        One row per variant, ``"normal"``, ``"normal, continuity"`` and, with
        ``tie_counts``, ``"normal, ties"``, ``"normal, ties, continuity"``; columns
        ``variant, u, z, p, n1, n2, method, evidence``. ``z`` has the sign of
        ``u − n1·n2/2``.

    Raises
    ------
    ValueError
        If ``n1``/``n2`` are not integers >= 1, ``u`` is outside ``[0, n1·n2]``, or
        ``tie_counts`` are not non-negative integers summing to ``n1 + n2``.

    Notes
    -----
    ``μ = n1·n2/2``; ``σ² = n1·n2/12 · ((N+1) − Σ(tᵢ³ − tᵢ)/(N(N−1)))`` with ``N =
    n1 + n2`` (the tie term is 0 without ties); continuity correction shrinks
    ``|U − μ|`` by ½. ``z = (U − μ)/σ``, ``p = 2(1 − Φ(|z|))``. This is the asymptotic
    test of ``scipy.stats.mannwhitneyu(method="asymptotic")`` (Lehmann, *Nonparametrics*,
    1975, §1.4).

    Examples
    --------
    Paper Table 2, left femoral neck BMD: U = 1,063 with n = 51 and 46.

    >>> mann_whitney_from_u(1063, n1=51, n2=46)[["variant", "z", "p"]].round(3)
                  variant      z      p
    0              normal -0.795  0.427
    1  normal, continuity -0.791  0.429
    """
    n1, n2 = _check_n("n1", n1, minimum=1), _check_n("n2", n2, minimum=1)
    if not 0 <= u <= n1 * n2:
        raise ValueError(f"u must lie in [0, n1*n2] = [0, {n1 * n2}], got {u!r}")
    if tie_counts is not None and int(np.sum(tie_counts)) != n1 + n2:
        raise ValueError(
            f"tie_counts must sum to n1 + n2 = {n1 + n2}, got {list(tie_counts)!r} "
            f"(sum {int(np.sum(tie_counts))})"
        )
    ties = _tie_term(tie_counts)
    mu = n1 * n2 / 2.0
    rows = []
    for variant, use_ties, continuity in _mw_variants(tie_counts):
        sigma = _u_sigma(n1, n2, ties if use_ties else 0)
        z = _z_from_u(float(u), mu, sigma, continuity)
        rows.append(
            {
                "variant": variant,
                "u": float(u),
                "z": z,
                "p": math.nan if math.isnan(z) else p_value_z(z),
                "n1": n1,
                "n2": n2,
                "method": (
                    "normal approximation to U"
                    + (" with tie correction" if use_ties else "")
                    + (" and continuity correction" if continuity else "")
                ),
                "evidence": _EVIDENCE,
            }
        )
    return pd.DataFrame(rows)


def check_mann_whitney(
    u: str | float, *, n1: int, n2: int, p: str, tie_counts: Sequence[int] | None = None
) -> pd.DataFrame:
    """Does a printed p follow from a printed Mann–Whitney U? Which approximation?

    Parameters
    ----------
    u : str or float
        The printed U (``"1,063"`` stands for [1062.5, 1063.5]).
    n1, n2 : int
        Group sizes.
    p : str
        The printed two-sided p-value.
    tie_counts : sequence of int, optional
        Sizes of tied groups, when known (see :func:`mann_whitney_from_u`).

    Returns
    -------
    pandas.DataFrame
        :data:`CHECK_COLUMNS`, ``quantity`` ``"p"``, one row per variant of
        :func:`mann_whitney_from_u`, plus, without ``tie_counts``, a row
        ``"normal, unknown ties"`` whose range is ``[0, highest untied p]``.

    Raises
    ------
    ValueError
        As :func:`mann_whitney_from_u`; also if ``p`` is not a probability.

    Notes
    -----
    ``p`` decreases in ``|U − μ|``, so the ends of the rounding interval of ``U`` give
    the p range (``|U − μ|`` is ``[0, ·]`` when that interval contains μ). A tie
    correction shrinks σ, so it can only lower p: without ``tie_counts`` a printed p
    *below* the untied range may still be a tie-corrected p (the ``"normal, unknown
    ties"`` row stays consistent), while a printed p *above* it is a discrepancy under
    every variant.

    Examples
    --------
    >>> res = check_mann_whitney("1,063", n1=51, n2=46, p="0.429")
    >>> res[["variant", "recomputed", "verdict"]].round(3)
                    variant  recomputed     verdict
    0                normal       0.427  consistent
    1    normal, continuity       0.429  consistent
    2  normal, unknown ties       0.427  consistent
    """
    u_iv = _as_interval(u, name="u")
    u_point = _as_value(u, name="u")
    p_iv = printed_interval(p, probability=True)
    table = mann_whitney_from_u(u_point, n1=n1, n2=n2, tie_counts=tie_counts)
    mu = n1 * n2 / 2.0
    dev = abs(Interval(u_iv.low - mu, u_iv.high - mu))
    ties = _tie_term(tie_counts)
    rows = []
    for (variant, use_ties, continuity), point in zip(
        _mw_variants(tie_counts), table["p"], strict=True
    ):
        sigma = _u_sigma(n1, n2, ties if use_ties else 0)
        z_lo = _z_from_u(mu + dev.low, mu, sigma, continuity)
        z_hi = _z_from_u(mu + dev.high, mu, sigma, continuity)
        rows.append(
            _row(
                check="mann_whitney",
                quantity="p",
                variant=variant,
                printed=p,
                printed_iv=p_iv,
                recomputed=float(point),
                recomputed_iv=_p_range_z(Interval(abs(z_lo), abs(z_hi))),
                method=str(table.loc[table["variant"] == variant, "method"].iloc[0]),
            )
        )
    if tie_counts is None:
        top = max(r["recomputed_high"] for r in rows)
        rows.append(
            _row(
                check="mann_whitney",
                quantity="p",
                variant="normal, unknown ties",
                printed=p,
                printed_iv=p_iv,
                recomputed=float(table["p"].iloc[0]),
                recomputed_iv=Interval(0.0, top),
                method="normal approximation to U; an unknown tie correction can only lower p",
            )
        )
    return _frame(rows)
