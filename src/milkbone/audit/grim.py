"""GRIM and GRIMMER: can a printed mean (and SD) come from integer data of size n?

Both use exact rational arithmetic on the rounding interval of the printed value, so
a ``discrepancy`` proves that no integer data of that size fit.
"""

from __future__ import annotations

import math
from fractions import Fraction

import pandas as pd

from milkbone.audit.intervals import (
    Interval,
    _check_n,
    _decimal,
    _half_unit,
    printed_interval,
)
from milkbone.audit.results import _single
from milkbone.published import parse as _parse

__all__ = ["check_grim", "check_grimmer"]


def _fraction_interval(text: str, *, name: str) -> tuple[Fraction, Fraction]:
    if not isinstance(text, str):
        raise ValueError(f"{name} must be printed text such as '5.19', got {text!r}")
    value = _decimal(text, name=name)
    half = _half_unit(text, name=name)
    return Fraction(value - half), Fraction(value + half)


def _grim_totals(mean: str, n: int, items: int) -> tuple[list[int], int]:
    lo, hi = _fraction_interval(mean, name="mean")
    k = n * items
    first, last = math.ceil(lo * k), math.floor(hi * k)
    return list(range(first, last + 1)), k


def check_grim(mean: str, *, n: int, items: int = 1) -> pd.DataFrame:
    """GRIM: can a mean of ``n`` integer responses round to the printed mean?

    Parameters
    ----------
    mean : str
        The printed mean (its decimals matter: ``"5.19"``).
    n : int
        Sample size (>= 1).
    items : int, default 1
        Items averaged per respondent (granularity ``1/(n·items)``).

    Returns
    -------
    pandas.DataFrame
        One row (:data:`CHECK_COLUMNS`), ``quantity`` ``"mean"``: consistent when an
        integer total ``T`` exists with ``T/(n·items)`` in the printed rounding
        interval; ``recomputed`` is the nearest achievable mean.

    Raises
    ------
    ValueError
        If ``mean`` is not printed text or ``n``/``items`` are not integers >= 1.

    Notes
    -----
    Brown & Heathers (2017), *Soc. Psychol. Personal. Sci.* 8:363. The test has no power
    when ``n·items >= 10**decimals`` (every printed mean is then achievable); ``note``
    says so. Exact rational arithmetic; both rounding boundaries allowed.

    Examples
    --------
    Brown & Heathers' worked case: a mean of 5.19 from 28 integers is impossible.

    >>> check_grim("5.19", n=28).loc[0, "verdict"]
    'discrepancy'
    """
    n = _check_n("n", n, minimum=1)
    items = _check_n("items", items, minimum=1)
    totals, k = _grim_totals(mean, n, items)
    value = float(_decimal(mean, name="mean"))
    iv = printed_interval(mean, floor=-math.inf)
    nearest = round(value * k) / k
    d = _parse.decimals(mean)
    power = "" if k < 10**d else f"; GRIM has no power here (n*items = {k} >= 10^{d})"
    note = (
        f"totals {totals[0]}…{totals[-1]} over {k} give the printed mean"
        if totals
        else f"no integer total T has T/{k} in {iv}; nearest achievable mean {nearest:.6g}"
    ) + power
    return _single(
        "grim",
        "mean",
        (mean, iv),
        (
            totals[0] / k if totals else nearest,
            Interval(totals[0] / k, totals[-1] / k) if totals else None,
        ),
        note=note,
        method="GRIM (Brown & Heathers 2017)",
        verdict="consistent" if totals else "discrepancy",
    )


def check_grimmer(mean: str, sd: str, *, n: int) -> pd.DataFrame:
    """GRIMMER: can ``n`` integers have the printed mean and the printed (sample) SD?

    Parameters
    ----------
    mean, sd : str
        The printed mean and sample SD (divisor ``n − 1``).
    n : int
        Sample size (>= 2).

    Returns
    -------
    pandas.DataFrame
        One row (:data:`CHECK_COLUMNS`), ``quantity`` ``"sd"``; ``note`` names the
        first failing step.

    Raises
    ------
    ValueError
        If ``mean``/``sd`` are not printed text, the SD is negative or ``n < 2``.

    Notes
    -----
    Anaya (2016), *PeerJ Preprints* 4:e2400. For integers ``x₁…xₙ`` with total
    ``T = Σx`` and sum of squares ``Q = Σx²`` the sample SD is
    ``s² = (Q − T²/n)/(n − 1)``. The algorithm, in exact rational arithmetic:

    1. GRIM: candidate totals ``T`` are the integers with ``T/n`` in the mean's
       rounding interval (none: inconsistent).
    2. For each ``T``, ``Q`` must be an integer in
       ``[(n−1)s_lo² + T²/n, (n−1)s_hi² + T²/n]`` (the SD's rounding interval).
    3. Parity: ``x² ≡ x (mod 2)``, so ``Q ≡ T (mod 2)``.
    4. Achievability: ``Q`` is at least the sum of squares of the most even split of
       ``T`` (``n − r`` values ``q`` and ``r`` values ``q + 1``, ``T = qn + r``).

    Consistent when some ``(T, Q)`` passes all steps. These are necessary conditions:
    a ``discrepancy`` proves no integer data fit, a ``consistent`` verdict does not prove
    that some do (e.g. for n = 2, ``2Q − T²`` must also be a square). Unbounded scale
    assumed (no check of a scale's minimum or maximum).

    Examples
    --------
    Anaya's worked cases.

    >>> check_grimmer("5.21", "1.60", n=28).loc[0, "verdict"]
    'consistent'
    >>> check_grimmer("3.44", "2.47", n=18).loc[0, "verdict"]
    'discrepancy'
    """
    n = _check_n("n", n)
    s_lo, s_hi = _fraction_interval(sd, name="sd")
    if _decimal(sd, name="sd") < 0:
        raise ValueError(f"sd must be a non-negative standard deviation, got {sd!r}")
    s_lo = max(s_lo, Fraction(0))
    totals, _ = _grim_totals(mean, n, 1)
    iv = printed_interval(sd, floor=-math.inf)
    method = "GRIMMER (Anaya 2016): integer sum of squares, parity, achievability"
    found: list[tuple[int, int]] = []
    reasons = []
    for total in totals:
        base = Fraction(total * total, n)
        q_lo = math.ceil((n - 1) * s_lo * s_lo + base)
        q_hi = math.floor((n - 1) * s_hi * s_hi + base)
        q_div, r = divmod(total, n)
        q_min = (n - r) * q_div**2 + r * (q_div + 1) ** 2
        integer_q = list(range(q_lo, q_hi + 1))
        parity_q = [q for q in integer_q if (q - total) % 2 == 0]
        good = [q for q in parity_q if q >= q_min]
        if not integer_q:
            reasons.append(f"T={total}: no integer sum of squares")
        elif not parity_q:
            reasons.append(f"T={total}: sums of squares {integer_q} have the wrong parity")
        elif not good:
            reasons.append(f"T={total}: sums of squares below the minimum {q_min}")
        found += [(total, q) for q in good]
    if found:
        total, q = found[0]
        sd_value = math.sqrt((q - total * total / n) / (n - 1))
        note = f"T={total}, Q={q} gives mean {total / n:.6g} and SD {sd_value:.6g}"
        rec_iv: Interval | None = Interval.point(sd_value)
        verdict = "consistent"
    else:
        sd_value, rec_iv, verdict = math.nan, None, "discrepancy"
        note = (
            "; ".join(reasons)
            if totals
            else f"GRIM fails: no integer total T has T/{n} in {printed_interval(mean)}"
        )
    return _single(
        "grimmer", "sd", (sd, iv), (sd_value, rec_iv), note=note, method=method, verdict=verdict
    )
