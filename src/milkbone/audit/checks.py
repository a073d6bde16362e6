"""The audit's check library: consistency checks computed only from printed numbers.

Every check here takes numbers **as the paper prints them** (text such as ``"0.981"``,
``"−1.93"``, ``"<0.001"``, ``"1,063"``) and asks whether they can all be true at once.
Printed numbers are rounded, so each printed value stands for an interval of true
values (:func:`printed_interval`), and a value recomputed from printed inputs is a range
too: the inputs are varied over their own rounding intervals (:func:`corner_range`).
A check is ``consistent`` when the printed interval and the recomputed range overlap,
and a ``discrepancy`` only when no choice of unrounded inputs reproduces the printed
result. The audit therefore never flags a number that rounding alone can explain.

Conventions
-----------
- A function computing several results (test variants, one per printed item) returns
  a tidy :class:`pandas.DataFrame` with a RangeIndex and a fixed column order.
  Every ``check_*`` function returns the same schema, :data:`CHECK_COLUMNS`::

      check, quantity, variant, printed, printed_low, printed_high, recomputed,
      recomputed_low, recomputed_high, verdict, note, method, evidence

  one row per compared quantity and variant, with ``verdict`` one of
  :data:`milkbone.VERDICTS` and ``evidence`` always ``"recomputed"``.
- The one value type is the frozen dataclass :class:`Interval`.
- Printed values may be given as text (rounding-aware) or as numbers (taken as exact).
- Options are keyword-only; inputs are validated before any arithmetic and bad input
  raises :class:`ValueError` naming the argument and the value.

Printed numbers are read by :mod:`milkbone._parse` (U+2212 minus, U+202F narrow
no-break spaces, thousand separators, bounds such as ``<0.001``, exponents).
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pandas as pd
from scipy import optimize, stats

from milkbone.published import parse as _parse

__all__ = [
    "CHECK_COLUMNS",
    "Interval",
    "check_ci_significance",
    "check_count",
    "check_direction",
    "check_grim",
    "check_grimmer",
    "check_mann_whitney",
    "check_numbering",
    "check_ordinal_counts",
    "check_p_from_t",
    "check_p_from_z",
    "check_p_range",
    "check_percent_change",
    "check_pooled_mean_sd",
    "check_ratio",
    "check_repeated_value",
    "check_significance_claim",
    "check_sum",
    "check_t_test",
    "check_threshold",
    "compare_printed",
    "corner_range",
    "mann_whitney_from_u",
    "matching_variants",
    "ordinal_tests_from_counts",
    "p_value_t",
    "p_value_z",
    "pooled_mean_sd",
    "printed_interval",
    "t_tests_from_stats",
]

CHECK_COLUMNS = (
    "check",
    "quantity",
    "variant",
    "printed",
    "printed_low",
    "printed_high",
    "recomputed",
    "recomputed_low",
    "recomputed_high",
    "verdict",
    "note",
    "method",
    "evidence",
)
"""Column order of every frame a ``check_*`` function returns."""

_EVIDENCE = "recomputed"

# --------------------------------------------------------------------------------------
# Reading printed numbers: milkbone._parse reads them; here only the argument's name is
# put into the error message, and comparators are written as printed (≤, ≥)
# --------------------------------------------------------------------------------------

_OPS = {"<=": "≤", ">=": "≥", "<": "<", ">": ">", "=": "="}


def _split_printed(text: str, *, name: str = "text") -> tuple[str, str]:
    """Return (comparator, numeric part) of a printed value; raise on anything else."""
    if not isinstance(text, str):
        raise ValueError(f"{name} must be printed text such as '0.974', got {text!r}")
    try:
        comparator, number = _parse.split_comparator(text)
    except ValueError:
        raise ValueError(f"{name} is not a printed number: {text!r}") from None
    return _OPS[comparator], number


def _decimal(text: str, *, name: str = "text") -> Decimal:
    """The printed number as an exact Decimal (thousand separators and U+2212 handled)."""
    _, num = _split_printed(text, name=name)
    return Decimal(num.replace(",", ""))


def _half_unit(text: str, *, name: str = "text") -> Decimal:
    """Half a unit of the last printed digit, exactly."""
    exponent = _decimal(text, name=name).as_tuple().exponent
    return Decimal(5) * Decimal(10) ** (int(exponent) - 1)


# --------------------------------------------------------------------------------------
# Intervals
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Interval:
    """A real interval, the set of true values behind a printed or recomputed number.

    Parameters
    ----------
    low, high : float
        End points, ``low <= high``; infinite ends allowed.
    closed_low, closed_high : bool
        Whether each end point belongs to the interval.

    Examples
    --------
    >>> Interval(0.9735, 0.9745).intersects(Interval(0.974, 0.98))
    True
    >>> abs(Interval(-1.935, -1.925))
    Interval(low=1.925, high=1.935, closed_low=True, closed_high=True)
    """

    low: float
    high: float
    closed_low: bool = True
    closed_high: bool = True

    def __post_init__(self) -> None:
        if math.isnan(self.low) or math.isnan(self.high) or self.low > self.high:
            raise ValueError(f"Interval needs low <= high, got low={self.low}, high={self.high}")

    @classmethod
    def point(cls, value: float) -> Interval:
        """The degenerate interval [value, value] of an exact number."""
        return cls(float(value), float(value))

    def contains(self, value: float) -> bool:
        """Whether ``value`` lies in the interval."""
        above = value > self.low or (self.closed_low and value == self.low)
        below = value < self.high or (self.closed_high and value == self.high)
        return above and below

    def intersects(self, other: Interval) -> bool:
        """Whether the two intervals share at least one point."""
        low, high = max(self.low, other.low), min(self.high, other.high)
        if low < high:
            return True
        if low > high:
            return False
        return self.contains(low) and other.contains(low)

    def __abs__(self) -> Interval:
        if self.low >= 0:
            return self
        if self.high <= 0:
            return Interval(-self.high + 0.0, -self.low, self.closed_high, self.closed_low)
        top = max(-self.low, self.high)
        closed = self.closed_low if -self.low >= self.high else self.closed_high
        return Interval(0.0, top, True, closed)

    def __str__(self) -> str:
        left = "[" if self.closed_low else "("
        right = "]" if self.closed_high else ")"
        return f"{left}{self.low:.6g}, {self.high:.6g}{right}"


def printed_interval(text: str, *, floor: float = 0.0, probability: bool = False) -> Interval:
    """The interval of true values that round to a printed number.

    Parameters
    ----------
    text : str
        A number as printed: ``"0.974"``, ``"−1.93"`` (U+2212 minus), ``"1,063"``
        (thousand separator), ``"1.6E-05"``, or a bound such as ``"<0.001"``,
        ``"p < 0.0001"``, ``"≥ 2"``, ``"p = 0.024"``.
    floor : float, default 0.0
        Open side of a printed upper bound (``"<x"`` gives ``[floor, x)``). The paper
        prints bounds only for p-values, hence 0; pass ``-math.inf`` for a signed value.
    probability : bool, default False
        The number is a probability: it must lie in [0, 1] and the interval is
        clipped to [0, 1].

    Returns
    -------
    Interval
        ``[x − h, x + h]`` with ``h`` half a unit of the last printed digit, closed at
        both ends (a true value on the boundary may have been rounded either way);
        for ``"<x"`` ``[floor, x)``, for ``"≤x"`` ``[floor, x]``, for ``">x"``
        ``(x, ∞)`` (``(x, 1]`` for a probability), for ``"≥x"`` ``[x, ∞)``.

    Raises
    ------
    ValueError
        If ``text`` is not a printed number, or ``probability`` is set and the number
        is outside [0, 1].

    Notes
    -----
    Rounding to ``d`` decimals maps every true value in ``[x − 0.5·10⁻ᵈ, x + 0.5·10⁻ᵈ]``
    to ``x``; an integer such as ``"1,063"`` stands for ``[1062.5, 1063.5]``. Whether
    ties round up or to even is unknown, so both ends are kept. Trailing zeros count:
    ``"5.640"`` is ``[5.6395, 5.6405]`` but ``"5.64"`` is ``[5.635, 5.645]``.

    Examples
    --------
    >>> print(printed_interval("0.974"))
    [0.9735, 0.9745]
    >>> print(printed_interval("<0.001"))
    [0, 0.001)
    >>> print(printed_interval("−1.93"))
    [-1.935, -1.925]
    >>> print(printed_interval("1,063"))
    [1062.5, 1063.5]
    """
    op, _ = _split_printed(text)
    value = _decimal(text)
    half = _half_unit(text)
    x = float(value)
    if probability and not 0.0 <= x <= 1.0:
        raise ValueError(f"text must be a probability in [0, 1], got {text!r}")
    top = 1.0 if probability else math.inf
    if op == "<":
        interval = Interval(floor, x, True, False)
    elif op == "≤":
        interval = Interval(floor, x)
    elif op == ">":
        interval = Interval(x, top, False, not math.isinf(top))
    elif op == "≥":
        interval = Interval(x, top, True, not math.isinf(top))
    else:
        interval = Interval(float(value - half), float(value + half))
    if probability:
        interval = Interval(
            max(interval.low, 0.0),
            min(interval.high, 1.0),
            interval.closed_low or interval.low < 0.0,
            interval.closed_high or interval.high > 1.0,
        )
    return interval


def _as_interval(value: str | float | Interval, *, name: str) -> Interval:
    """Printed text → rounding interval; a number → exact point; an Interval as is."""
    if isinstance(value, Interval):
        return value
    if isinstance(value, str):
        try:
            return printed_interval(value, floor=-math.inf)
        except ValueError:
            raise ValueError(f"{name} is not a printed number: {value!r}") from None
    if isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool):
        if math.isnan(value):
            raise ValueError(f"{name} must be a number, got {value!r}")
        return Interval.point(float(value))
    raise ValueError(f"{name} must be printed text or a number, got {value!r}")


def _as_value(value: str | float, *, name: str) -> float:
    if isinstance(value, str):
        return float(_decimal(value, name=name))
    return _as_interval(value, name=name).low


def corner_range(func: Callable[..., float], intervals: Sequence[Interval]) -> Interval:
    """Range of ``func`` over a box of inputs, from its values at the box's corners.

    Parameters
    ----------
    func : callable
        A function of ``len(intervals)`` real arguments.
    intervals : sequence of Interval
        One interval per argument (the rounding intervals of printed inputs).

    Returns
    -------
    Interval
        ``[min, max]`` of ``func`` over the ``2**k`` corners; NaN values (a statistic
        undefined at a corner) are skipped.

    Raises
    ------
    ValueError
        If ``func`` is NaN at every corner.

    Notes
    -----
    Exact when ``func`` is monotone in each argument while the others are held fixed
    (the direction may depend on the others): from any point of the box, moving one
    coordinate at a time to the end that does not decrease ``func`` reaches a corner,
    so the maximum (and likewise the minimum) is attained at a corner. A t statistic
    ``(m1 − m2)/√(s1²/n1 + s2²/n2)``, a percent change and a ratio have this property;
    a pooled SD does not (it is smallest when the means coincide), so
    :func:`check_pooled_mean_sd` bounds it differently.

    Examples
    --------
    >>> r = corner_range(lambda a, b: a / b, [printed_interval("0.369"), printed_interval("0.438")])
    >>> round(r.low, 4), round(r.high, 4)
    (0.8404, 0.8446)
    """
    corners = itertools.product(*[(iv.low, iv.high) for iv in intervals])
    with np.errstate(divide="ignore", invalid="ignore"):
        values = np.array([float(func(*corner)) for corner in corners])
    values = values[~np.isnan(values)]
    if values.size == 0:
        raise ValueError("func is undefined (NaN) at every corner of the box")
    return Interval(float(values.min()), float(values.max()))


def _verdict(printed: Interval, recomputed: Interval | None) -> str:
    if recomputed is None:
        return "not-verifiable"
    return "consistent" if printed.intersects(recomputed) else "discrepancy"


def _row(
    *,
    check: str,
    quantity: str,
    variant: str = "",
    printed: str,
    printed_iv: Interval,
    recomputed: float,
    recomputed_iv: Interval | None,
    note: str = "",
    method: str,
    verdict: str | None = None,
) -> dict:
    verdict = verdict or _verdict(printed_iv, recomputed_iv)
    if not note:
        if recomputed_iv is None:
            note = f"{quantity} cannot be recomputed"
        else:
            relation = "overlaps" if verdict == "consistent" else "does not overlap"
            note = (
                f"recomputed {quantity} {recomputed_iv} ({recomputed:.6g} at the printed "
                f"values); printed {printed} means {printed_iv}, which {relation} it"
            )
    nan = math.nan
    return {
        "check": check,
        "quantity": quantity,
        "variant": variant,
        "printed": printed,
        "printed_low": printed_iv.low,
        "printed_high": printed_iv.high,
        "recomputed": float(recomputed),
        "recomputed_low": recomputed_iv.low if recomputed_iv else nan,
        "recomputed_high": recomputed_iv.high if recomputed_iv else nan,
        "verdict": verdict,
        "note": note,
        "method": method,
        "evidence": _EVIDENCE,
    }


def _frame(rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=list(CHECK_COLUMNS))


def _text(value: str | float | Interval) -> str:
    return value if isinstance(value, str) else str(value)


def compare_printed(
    printed: str,
    recomputed: float | Interval,
    *,
    absolute: bool = False,
    check: str = "value",
    quantity: str = "value",
    variant: str = "",
    method: str = "",
) -> pd.DataFrame:
    """Compare a printed number with a recomputed value or range, allowing for rounding.

    Parameters
    ----------
    printed : str
        The number as printed (see :func:`printed_interval`).
    recomputed : float or Interval
        The value recomputed from other printed numbers, or its range.
    absolute : bool, default False
        Compare absolute values (a printed statistic whose sign convention is unknown);
        the signs are then reported in ``note``.
    check, quantity, variant, method : str
        Labels copied into the output.

    Returns
    -------
    pandas.DataFrame
        One row in the :data:`CHECK_COLUMNS` schema: ``verdict`` is ``consistent`` when
        the printed interval intersects the recomputed range, else ``discrepancy``.

    Raises
    ------
    ValueError
        If ``printed`` is not a printed number.

    Examples
    --------
    >>> compare_printed("0.974", 0.9741).loc[0, "verdict"]
    'consistent'
    >>> compare_printed("−0.76", Interval(0.58, 0.71), absolute=True).loc[0, "verdict"]
    'discrepancy'
    """
    printed_iv = printed_interval(printed, floor=-math.inf)
    rec_iv = recomputed if isinstance(recomputed, Interval) else Interval.point(recomputed)
    point = (rec_iv.low + rec_iv.high) / 2 if math.isfinite(rec_iv.high - rec_iv.low) else 0.0
    sign = ""
    if absolute:
        sign = "; " + _sign_note(printed_iv, rec_iv)
        printed_iv, rec_iv, point = abs(printed_iv), abs(rec_iv), abs(point)
        quantity = f"|{quantity}|"
    row = _row(
        check=check,
        quantity=quantity,
        variant=variant,
        printed=printed,
        printed_iv=printed_iv,
        recomputed=point,
        recomputed_iv=rec_iv,
        method=method,
    )
    row["note"] += sign
    return _frame([row])


def _sign(interval: Interval) -> str:
    if interval.low > 0:
        return "positive"
    if interval.high < 0:
        return "negative"
    return "either sign"


def _sign_note(printed: Interval, recomputed: Interval) -> str:
    p, r = _sign(printed), _sign(recomputed)
    if "either" in (p, r) or p == r:
        return f"signs: printed {p}, recomputed {r} (compared as absolute values)"
    return (
        f"signs differ: printed {p}, recomputed {r} (group order of the printed "
        "statistic unknown; compared as absolute values)"
    )


def matching_variants(result: pd.DataFrame) -> list[str]:
    """Variants of a check whose every compared quantity is consistent.

    Parameters
    ----------
    result : pandas.DataFrame
        Output of a ``check_*`` function (:data:`CHECK_COLUMNS`).

    Returns
    -------
    list of str
        The ``variant`` values, in order of first appearance, all of whose rows have
        ``verdict == "consistent"``; empty when no variant reproduces the printed numbers.

    Raises
    ------
    KeyError
        If ``result`` lacks the ``variant`` or ``verdict`` column.

    Examples
    --------
    >>> res = check_t_test(mean1="0.981", sd1="0.123", n1=51,
    ...                    mean2="0.935", sd2="0.107", n2=46, t="−1.93", p="0.057")
    >>> matching_variants(res)
    ['student', 'welch']
    """
    missing = {"variant", "verdict"} - set(result.columns)
    if missing:
        raise KeyError(f"result lacks column(s) {sorted(missing)}; pass a check_* output")
    ok = result.groupby("variant", sort=False)["verdict"].agg(
        lambda v: bool((v == "consistent").all())
    )
    return [str(v) for v, good in ok.items() if good]


# --------------------------------------------------------------------------------------
# Validation
# --------------------------------------------------------------------------------------


def _check_n(name: str, n: object, *, minimum: int = 2) -> int:
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < minimum:
        raise ValueError(f"{name} must be an integer >= {minimum}, got {n!r}")
    return int(n)


def _check_sd_interval(name: str, sd: Interval) -> None:
    if sd.low < 0:
        raise ValueError(f"{name} must be a non-negative standard deviation, got {sd.low}")


def _sd_interval(name: str, sd: str | float | Interval) -> Interval:
    """Rounding interval of a printed SD, clipped at 0 ("0.00" is [0, 0.005])."""
    iv = _as_interval(sd, name=name)
    value = _as_value(sd, name=name) if not isinstance(sd, Interval) else iv.high
    if value < 0:
        raise ValueError(f"{name} must be a non-negative standard deviation, got {sd!r}")
    return Interval(max(iv.low, 0.0), iv.high, True, iv.closed_high)


def _check_counts(name: str, counts: object) -> np.ndarray:
    arr = np.asarray(counts)
    if arr.ndim != 1 or arr.size < 2:
        raise ValueError(f"{name} must be a sequence of at least two counts, got {counts!r}")
    if arr.dtype.kind not in "iuf" or np.any(arr < 0) or np.any(arr != np.round(arr)):
        raise ValueError(f"{name} must hold non-negative integer counts, got {counts!r}")
    return arr.astype(np.int64)


def _check_probability(name: str, p: float) -> float:
    if not 0.0 <= p <= 1.0:
        raise ValueError(f"{name} must be a probability in [0, 1], got {p!r}")
    return p


def _check_dof(name: str, dof: float) -> float:
    if not (isinstance(dof, (int, float, np.integer, np.floating)) and dof > 0):
        raise ValueError(f"{name} must be a positive number, got {dof!r}")
    return float(dof)


# --------------------------------------------------------------------------------------
# p-values from printed statistics
# --------------------------------------------------------------------------------------


def p_value_t(t: float, *, dof: float) -> float:
    """Two-sided p-value of a t statistic.

    Parameters
    ----------
    t : float
        The statistic (sign irrelevant).
    dof : float
        Degrees of freedom, > 0.

    Returns
    -------
    float
        ``2 · P(T_dof > |t|)``.

    Raises
    ------
    ValueError
        If ``dof`` is not positive.

    Examples
    --------
    >>> round(p_value_t(-1.93, dof=95), 4)
    0.0566
    """
    dof = _check_dof("dof", dof)
    return float(2.0 * stats.t.sf(abs(t), dof))


def p_value_z(z: float) -> float:
    """Two-sided p-value of a standard normal statistic, ``2 · (1 − Φ(|z|))``.

    Parameters
    ----------
    z : float
        The statistic (sign irrelevant).

    Returns
    -------
    float
        The two-sided p-value.

    Examples
    --------
    >>> round(p_value_z(-1.96), 4)
    0.05
    """
    return float(2.0 * stats.norm.sf(abs(z)))


def _p_range_t(abs_t: Interval, dof: Interval) -> Interval:
    # p is decreasing in |t|, and (for fixed |t| > 0) decreasing in dof: heavier tails.
    return Interval(
        float(2.0 * stats.t.sf(abs_t.high, dof.high)), float(2.0 * stats.t.sf(abs_t.low, dof.low))
    )


def _p_range_z(abs_z: Interval) -> Interval:
    return Interval(float(2.0 * stats.norm.sf(abs_z.high)), float(2.0 * stats.norm.sf(abs_z.low)))


def check_p_from_t(t: str | float, *, dof: float, p: str) -> pd.DataFrame:
    """Does a printed p-value follow from a printed t statistic and its dof?

    Parameters
    ----------
    t : str or float
        The printed t (its rounding is propagated; sign ignored).
    dof : float
        Degrees of freedom (``n1 + n2 − 2`` for a pooled two-sample t test).
    p : str
        The printed two-sided p-value, e.g. ``"0.057"`` or ``"<0.001"``.

    Returns
    -------
    pandas.DataFrame
        One row (:data:`CHECK_COLUMNS`), ``quantity`` ``"p"``: the p range implied by
        the rounding interval of ``|t|``.

    Raises
    ------
    ValueError
        If ``dof`` is not positive or ``p`` is not a probability.

    Notes
    -----
    ``p = 2 · P(T_dof > |t|)``, monotone decreasing in ``|t|``, so the ends of the
    ``|t|`` interval give the p range.

    Examples
    --------
    >>> res = check_p_from_t("−1.93", dof=95, p="0.057")
    >>> round(float(res.loc[0, "recomputed"]), 4), res.loc[0, "verdict"]
    (0.0566, 'consistent')
    """
    dof = _check_dof("dof", dof)
    t_iv = abs(_as_interval(t, name="t"))
    p_iv = printed_interval(p, probability=True)
    rec = _p_range_t(t_iv, Interval.point(dof))
    point = p_value_t(_as_value(t, name="t"), dof=dof)
    return _frame(
        [
            _row(
                check="p_from_t",
                quantity="p",
                printed=p,
                printed_iv=p_iv,
                recomputed=point,
                recomputed_iv=rec,
                method=f"2*scipy.stats.t.sf(|t|, dof={dof:g})",
            )
        ]
    )


def check_p_from_z(z: str | float, *, p: str) -> pd.DataFrame:
    """Does a printed p-value follow from a printed z statistic (two-sided normal)?

    Parameters
    ----------
    z : str or float
        The printed z (rounding propagated; sign ignored).
    p : str
        The printed two-sided p-value.

    Returns
    -------
    pandas.DataFrame
        One row (:data:`CHECK_COLUMNS`), ``quantity`` ``"p"``.

    Raises
    ------
    ValueError
        If ``p`` is not a probability.

    Notes
    -----
    ``p = 2 · (1 − Φ(|z|))``.

    Examples
    --------
    >>> check_p_from_z("−0.401", p="0.688").loc[0, "verdict"]
    'consistent'
    >>> check_p_from_z("−4.390", p="0.0001").loc[0, "verdict"]
    'discrepancy'
    """
    z_iv = abs(_as_interval(z, name="z"))
    p_iv = printed_interval(p, probability=True)
    return _frame(
        [
            _row(
                check="p_from_z",
                quantity="p",
                printed=p,
                printed_iv=p_iv,
                recomputed=p_value_z(_as_value(z, name="z")),
                recomputed_iv=_p_range_z(z_iv),
                method="2*scipy.stats.norm.sf(|z|)",
            )
        ]
    )


# --------------------------------------------------------------------------------------
# Two-sample t tests from mean, SD, n
# --------------------------------------------------------------------------------------


def _welch_dof(v1: float, v2: float, n1: int, n2: int) -> float:
    a, b = v1 / n1, v2 / n2
    if a + b == 0:
        return math.nan
    return (a + b) ** 2 / (a**2 / (n1 - 1) + b**2 / (n2 - 1))


def _t_stat(m1, s1, m2, s2, n1, n2, *, pooled: bool) -> float:
    if pooled:
        sp2 = ((n1 - 1) * s1**2 + (n2 - 1) * s2**2) / (n1 + n2 - 2)
        se = math.sqrt(sp2 * (1 / n1 + 1 / n2))
    else:
        se = math.sqrt(s1**2 / n1 + s2**2 / n2)
    d = m1 - m2
    if se == 0:
        return math.nan if d == 0 else math.copysign(math.inf, d)
    return d / se


def t_tests_from_stats(
    *, mean1: float, sd1: float, n1: int, mean2: float, sd2: float, n2: int
) -> pd.DataFrame:
    """Student (pooled) and Welch two-sample t tests from group means, SDs and sizes.

    Parameters
    ----------
    mean1, sd1, n1 : float, float, int
        Group 1 (HCM in the paper) mean, sample SD and size (``n1 >= 2``).
    mean2, sd2, n2 : float, float, int
        Group 2 (CM).

    Returns
    -------
    pandas.DataFrame
        Two rows, ``variant`` ``"student"`` then ``"welch"``, columns
        ``variant, statistic, dof, p, n1, n2, note, method, evidence``: ``statistic`` is
        ``t`` for group 1 minus group 2, ``p`` two-sided; ``note`` is empty unless the
        test is undefined.

    Raises
    ------
    ValueError
        If an SD is negative or an ``n`` is not an integer >= 2.

    Notes
    -----
    Student: ``t = (m1 − m2) / (s_p √(1/n1 + 1/n2))``, ``s_p² = ((n1−1)s1² + (n2−1)s2²)
    / (n1+n2−2)``, ``dof = n1 + n2 − 2``. Welch: ``t = (m1 − m2)/√(s1²/n1 + s2²/n2)`` with
    Welch–Satterthwaite ``dof``. The arithmetic is ``scipy.stats.ttest_ind_from_stats``.
    When both SDs are zero ``t`` is undefined (NaN, equal means) or infinite (p = 0),
    which ``note`` says instead of failing.

    Examples
    --------
    >>> t_tests_from_stats(mean1=0.981, sd1=0.123, n1=51, mean2=0.935, sd2=0.107, n2=46)[
    ...     ["variant", "statistic", "dof", "p"]].round(3)
       variant  statistic     dof      p
    0  student      1.955  95.000  0.053
    1    welch      1.969  94.884  0.052
    """
    n1, n2 = _check_n("n1", n1), _check_n("n2", n2)
    for name, sd in (("sd1", sd1), ("sd2", sd2)):
        _check_sd_interval(name, _as_interval(sd, name=name))
    rows = []
    for variant, equal_var in (("student", True), ("welch", False)):
        dof = (n1 + n2 - 2) if equal_var else _welch_dof(sd1**2, sd2**2, n1, n2)
        method = f"scipy.stats.ttest_ind_from_stats(equal_var={equal_var})"
        if sd1 == 0 and sd2 == 0:
            t = _t_stat(mean1, sd1, mean2, sd2, n1, n2, pooled=equal_var)
            p = math.nan if math.isnan(t) else 0.0
            note = (
                "t undefined: both SDs are zero and the means are equal"
                if math.isnan(t)
                else "t infinite: both SDs are zero and the means differ"
            )
            dof = n1 + n2 - 2 if equal_var else math.nan
        else:
            res = stats.ttest_ind_from_stats(mean1, sd1, n1, mean2, sd2, n2, equal_var=equal_var)
            t, p, note = float(res.statistic), float(res.pvalue), ""
        rows.append(
            {
                "variant": variant,
                "statistic": t,
                "dof": float(dof),
                "p": p,
                "n1": n1,
                "n2": n2,
                "note": note,
                "method": method,
                "evidence": _EVIDENCE,
            }
        )
    return pd.DataFrame(rows)


def _welch_dof_range(s1: Interval, s2: Interval, n1: int, n2: int) -> Interval:
    """Exact range of the Welch–Satterthwaite dof over a box of SDs.

    With ``r = (s1²/n1)/(s2²/n2)``, ``dof(r) = (r+1)² / (r²/(n1−1) + 1/(n2−1))``,
    increasing up to ``r* = (n1−1)/(n2−1)`` and decreasing after it.
    """

    def dof_of(r: float) -> float:
        if math.isinf(r):
            return float(n1 - 1)
        return (r + 1) ** 2 / (r**2 / (n1 - 1) + 1 / (n2 - 1))

    a_lo, a_hi = s1.low**2 / n1, s1.high**2 / n1
    b_lo, b_hi = s2.low**2 / n2, s2.high**2 / n2
    if a_hi == 0 and b_hi == 0:
        return Interval(float(min(n1, n2) - 1), float(n1 + n2 - 2))
    r_lo = a_lo / b_hi if b_hi > 0 else math.inf
    r_hi = a_hi / b_lo if b_lo > 0 else math.inf
    if a_lo == 0 and b_lo == 0:  # the ratio can take any value
        r_lo, r_hi = 0.0, math.inf
    ends = [dof_of(r_lo), dof_of(r_hi)]
    r_star = (n1 - 1) / (n2 - 1)
    top = float(n1 + n2 - 2) if r_lo <= r_star <= r_hi else max(ends)
    return Interval(float(min(ends)), top)


def check_t_test(
    *,
    mean1: str | float,
    sd1: str | float,
    n1: int,
    mean2: str | float,
    sd2: str | float,
    n2: int,
    t: str | None = None,
    p: str | None = None,
) -> pd.DataFrame:
    """Do a printed t and/or p follow from the printed means, SDs and ns? Which t test?

    Parameters
    ----------
    mean1, sd1 : str or float
        Group 1 mean and SD as printed (text: rounding-aware; number: exact).
    n1 : int
        Group 1 size (>= 2).
    mean2, sd2, n2
        Group 2 likewise.
    t : str, optional
        The printed t statistic (sign convention unknown: compared as ``|t|``).
    p : str, optional
        The printed two-sided p-value (``"0.057"``, ``"<0.001"``).

    Returns
    -------
    pandas.DataFrame
        :data:`CHECK_COLUMNS`, one row per variant (``"student"``, ``"welch"``) and
        printed quantity (``"|t|"``, ``"p"``). ``recomputed`` is the value at the printed
        inputs; ``recomputed_low``/``recomputed_high`` the range over the inputs'
        rounding box. Pass it to :func:`matching_variants` to see which test matches.

    Raises
    ------
    ValueError
        If neither ``t`` nor ``p`` is given, an SD is negative, an ``n`` is not an
        integer >= 2, or ``p`` is not a probability.

    Notes
    -----
    Each mean and SD ranges over ``x ± ½·10⁻ᵈ`` (``d`` its printed decimals). ``t`` is
    monotone in each input with the others fixed (increasing in ``m1``, decreasing in
    ``m2``, and in each SD with the direction of ``−sign(m1 − m2)``), so its range is
    attained at the 16 corners of the box (:func:`corner_range`). ``|t|`` is the
    absolute value of that range (``[0, ·]`` if it straddles 0). For Student the dof is
    fixed and ``p`` is monotone in ``|t|``: the p range is exact. For Welch the dof
    also varies; its exact range is found from the variance ratio (the
    Welch–Satterthwaite dof is unimodal in it) and ``p`` is bounded by combining the
    ends of the ``|t|`` and dof ranges, as ``p`` decreases in both: a slightly wide,
    never narrow, range. Formulas as in :func:`t_tests_from_stats`.

    Examples
    --------
    Paper Table 2, right hip BMD: 0.861 ± 0.080 vs 0.849 ± 0.101, printed t −0.76.

    >>> res = check_t_test(mean1="0.861", sd1="0.080", n1=51,
    ...                    mean2="0.849", sd2="0.101", n2=46, t="−0.76", p="0.450")
    >>> res[["variant", "quantity", "recomputed_low", "recomputed_high", "verdict"]].round(3)
       variant quantity  recomputed_low  recomputed_high      verdict
    0  student      |t|           0.594            0.710  discrepancy
    1  student        p           0.480            0.554  discrepancy
    2    welch      |t|           0.587            0.701  discrepancy
    3    welch        p           0.485            0.559  discrepancy
    """
    if t is None and p is None:
        raise ValueError("check_t_test needs the printed t, the printed p, or both; got neither")
    n1, n2 = _check_n("n1", n1), _check_n("n2", n2)
    m1, m2 = _as_interval(mean1, name="mean1"), _as_interval(mean2, name="mean2")
    s1, s2 = _sd_interval("sd1", sd1), _sd_interval("sd2", sd2)
    t_iv = None if t is None else printed_interval(t, floor=-math.inf)
    p_iv = None if p is None else printed_interval(p, probability=True)
    point = t_tests_from_stats(
        mean1=_as_value(mean1, name="mean1"),
        sd1=_as_value(sd1, name="sd1"),
        n1=n1,
        mean2=_as_value(mean2, name="mean2"),
        sd2=_as_value(sd2, name="sd2"),
        n2=n2,
    ).set_index("variant")
    rows = []
    for variant, pooled in (("student", True), ("welch", False)):
        method = (
            f"scipy.stats.ttest_ind_from_stats(equal_var={pooled}); "
            "range over the corners of the inputs' rounding box"
        )
        try:
            t_range = corner_range(
                lambda a, b, c, d, pooled=pooled: _t_stat(a, b, c, d, n1, n2, pooled=pooled),
                [m1, s1, m2, s2],
            )
        except ValueError:
            t_range = None
        dof_range = Interval.point(n1 + n2 - 2) if pooled else _welch_dof_range(s1, s2, n1, n2)
        t_point = float(point.loc[variant, "statistic"])
        p_point = float(point.loc[variant, "p"])
        wanted = []  # (quantity, printed, its interval, recomputed value and range)
        if t is not None and t_iv is not None:
            t_value = abs(t_point) if not math.isnan(t_point) else math.nan
            t_rec = abs(t_range) if t_range is not None else None
            wanted.append(("|t|", t, abs(t_iv), t_value, t_rec))
        if p is not None and p_iv is not None:
            p_rec = _p_range_t(abs(t_range), dof_range) if t_range is not None else None
            wanted.append(("p", p, p_iv, p_point, p_rec))
        for quantity, printed, printed_iv, value, rec in wanted:
            undefined = (
                f"{quantity.strip('|')} undefined: both SDs are zero and the means are equal"
            )
            row = _row(
                check="t_test",
                quantity=quantity,
                variant=variant,
                printed=printed,
                printed_iv=printed_iv,
                recomputed=value if rec is not None else math.nan,
                recomputed_iv=rec,
                note="" if rec is not None else undefined,
                method=method,
            )
            if quantity == "|t|" and t_range is not None and t_iv is not None:
                row["note"] += "; " + _sign_note(t_iv, t_range)
            rows.append(row)
    return _frame(rows)


# --------------------------------------------------------------------------------------
# Mann–Whitney U from a printed U
# --------------------------------------------------------------------------------------


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


# --------------------------------------------------------------------------------------
# Ordered categories from printed counts
# --------------------------------------------------------------------------------------


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
    n1, n2 = int(c1.sum()), int(c2.sum())
    for name, n in (("counts1", n1), ("counts2", n2)):
        if n == 0:
            raise ValueError(f"{name} must contain at least one subject, got all zeros")
    k = c1.size
    if scores is None:
        score = np.arange(1, k + 1, dtype=float)
    else:
        score = np.asarray(scores, dtype=float)
        if score.shape != (k,):
            raise ValueError(f"scores must have one value per category ({k}), got {scores!r}")
    totals = c1 + c2
    cum = np.concatenate([[0], np.cumsum(totals)[:-1]])
    midrank = cum + (totals + 1) / 2.0
    u1 = float(np.sum(c1 * midrank) - n1 * (n1 + 1) / 2.0)
    rows = []
    names = {
        "normal": "rank-sum, no ties",
        "normal, continuity": "rank-sum, no ties, continuity",
        "normal, ties": "rank-sum, ties",
        "normal, ties, continuity": "rank-sum, ties, continuity",
    }
    mw = mann_whitney_from_u(u1, n1=n1, n2=n2, tie_counts=totals.tolist())
    mw["variant"] = mw["variant"].map(names)
    order = list(names.values())[2:] + list(names.values())[:2]
    mw = mw.set_index("variant").loc[order].reset_index()
    for rec in mw.to_dict("records"):
        rows.append(
            {
                "variant": rec["variant"],
                "statistic": rec["u"],
                "dof": math.nan,
                "z": rec["z"],
                "p": rec["p"],
                "method": "mid-rank " + rec["method"],
            }
        )
    keep = totals > 0
    table = np.vstack([c1[keep], c2[keep]]).astype(float)
    expected = table.sum(axis=1, keepdims=True) * table.sum(axis=0, keepdims=True) / table.sum()
    chi2 = float(np.sum((table - expected) ** 2 / expected))
    dof = int(keep.sum()) - 1
    rows.append(
        {
            "variant": "pearson",
            "statistic": chi2,
            "dof": float(dof),
            "z": math.nan,
            "p": float(stats.chi2.sf(chi2, dof)) if dof > 0 else math.nan,
            "method": "Pearson chi-square, no continuity correction"
            + (
                ""
                if keep.all()
                else f" (empty categories {np.flatnonzero(~keep).tolist()} dropped)"
            ),
        }
    )
    n = n1 + n2
    x = np.repeat([1.0, 2.0], [n1, n2])
    y = np.concatenate([np.repeat(score, c1), np.repeat(score, c2)])
    r = math.nan if np.std(y) == 0 else float(np.corrcoef(x, y)[0, 1])
    m2 = (n - 1) * r**2
    rows.append(
        {
            "variant": "linear-by-linear",
            "statistic": m2,
            "dof": 1.0,
            "z": -r * math.sqrt(n - 1),  # sign: negative when group 1 has lower scores
            "p": float(stats.chi2.sf(m2, 1)) if not math.isnan(m2) else math.nan,
            "method": f"Mantel linear-by-linear M2=(N-1)r^2, scores {score.tolist()}",
        }
    )
    out = pd.DataFrame(rows)
    out["n1"], out["n2"], out["evidence"] = n1, n2, _EVIDENCE
    return out[["variant", "statistic", "dof", "z", "p", "n1", "n2", "method", "evidence"]]


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
            row["note"] += "; " + _sign_note(z_iv, rec_z)
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


# --------------------------------------------------------------------------------------
# Counts, sums, numbering, repeated values
# --------------------------------------------------------------------------------------


def _exact_row(check, quantity, printed, expected, actual, note, method) -> dict:
    ok = expected == actual
    return _row(
        check=check,
        quantity=quantity,
        printed=str(printed),
        printed_iv=Interval.point(expected),
        recomputed=actual,
        recomputed_iv=Interval.point(actual),
        note=note,
        method=method,
        verdict="consistent" if ok else "discrepancy",
    )


def check_sum(parts: Sequence[int], *, total: int | str) -> pd.DataFrame:
    """Do printed counts add up to a printed total (e.g. category counts to a group size)?

    Parameters
    ----------
    parts : sequence of int
        The printed counts.
    total : int or str
        The printed total.

    Returns
    -------
    pandas.DataFrame
        One row (:data:`CHECK_COLUMNS`), ``quantity`` ``"sum"``: ``printed`` the total,
        ``recomputed`` the sum of ``parts``.

    Raises
    ------
    ValueError
        If a part or the total is not a non-negative integer.

    Examples
    --------
    Paper Table 4, HCM at 6 months (41 + 10 + 0) and §3.5 (13 + 3 + 35 metabolites vs 52).

    >>> check_sum([41, 10, 0], total=51).loc[0, "verdict"]
    'consistent'
    >>> res = check_sum([13, 3, 35], total="52")
    >>> int(res.loc[0, "recomputed"]), res.loc[0, "verdict"]
    (51, 'discrepancy')
    """
    arr = _check_counts("parts", [*parts, 0])
    tot = _as_value(total, name="total")
    if tot < 0 or tot != round(tot):
        raise ValueError(f"total must be a non-negative integer, got {total!r}")
    s = int(arr.sum())
    plus = " + ".join(str(int(v)) for v in arr[:-1])
    return _frame(
        [
            _exact_row(
                "sum",
                "sum",
                total,
                int(tot),
                s,
                f"{plus} = {s}; printed total {total}",
                "exact integer sum",
            )
        ]
    )


def check_count(items: Sequence[object] | int, *, stated: int | str) -> pd.DataFrame:
    """Does the number of listed items match a stated count?

    Parameters
    ----------
    items : sequence or int
        The listed items (their number is counted) or that number.
    stated : int or str
        The count stated in the text.

    Returns
    -------
    pandas.DataFrame
        One row (:data:`CHECK_COLUMNS`), ``quantity`` ``"count"``.

    Raises
    ------
    ValueError
        If ``stated`` is not a non-negative integer.

    Examples
    --------
    Paper §3.5 states 52 differential metabolites; Table 5 lists 51 rows.

    >>> check_count(range(51), stated="52").loc[0, "verdict"]
    'discrepancy'
    """
    n = items if isinstance(items, (int, np.integer)) else len(items)
    st = _as_value(stated, name="stated")
    if st < 0 or st != round(st):
        raise ValueError(f"stated must be a non-negative integer, got {stated!r}")
    return _frame(
        [
            _exact_row(
                "count",
                "count",
                stated,
                int(st),
                int(n),
                f"{int(n)} items listed; stated {stated}",
                "count of listed items",
            )
        ]
    )


def check_numbering(numbers: Sequence[int], *, start: int = 1) -> pd.DataFrame:
    """Are item numbers consecutive from ``start``, with no gaps, duplicates or reversals?

    Parameters
    ----------
    numbers : sequence of int
        The printed numbers in printed order (e.g. the "Number" column of a table).
    start : int, default 1
        The expected first number.

    Returns
    -------
    pandas.DataFrame
        One row (:data:`CHECK_COLUMNS`), ``quantity`` ``"numbering"``; ``note`` lists
        duplicates, missing numbers and positions where the order goes back.

    Raises
    ------
    ValueError
        If ``numbers`` is empty or holds a non-integer.

    Examples
    --------
    Paper Table 5 numbers rows …, 23, 24, 24, 26, 27, 28, 19, 30, ….

    >>> res = check_numbering([22, 23, 24, 24, 26, 27, 28, 19, 30], start=22)
    >>> res.loc[0, "verdict"]
    'discrepancy'
    >>> print(res.loc[0, "note"])
    duplicates: [24]; missing: [25, 29]; order goes back at position(s) 8 (28 then 19)
    """
    arr = list(numbers)
    if not arr or any(isinstance(v, bool) or not isinstance(v, (int, np.integer)) for v in arr):
        raise ValueError(f"numbers must be a non-empty sequence of integers, got {numbers!r}")
    counts = Counter(int(v) for v in arr)
    duplicates = sorted(v for v, c in counts.items() if c > 1)
    expected = list(range(start, start + len(arr)))
    missing = sorted(set(range(start, max(max(counts), expected[-1]) + 1)) - set(counts))
    reversals = [i for i in range(1, len(arr)) if arr[i] < arr[i - 1]]
    problems = []
    if duplicates:
        problems.append(f"duplicates: {duplicates}")
    if missing:
        problems.append(f"missing: {missing}")
    if reversals:
        problems.append(
            "order goes back at position(s) "
            + ", ".join(f"{i + 1} ({arr[i - 1]} then {arr[i]})" for i in reversals)
        )
    ok = not problems and [int(v) for v in arr] == expected
    if arr[0] != start:
        problems.insert(0, f"starts at {arr[0]}, not {start}")
        ok = False
    note = "; ".join(problems) if problems else f"{start}…{expected[-1]} in order"
    return _frame(
        [
            _row(
                check="numbering",
                quantity="numbering",
                printed=f"{len(arr)} numbers",
                printed_iv=Interval.point(len(arr)),
                recomputed=float(len(set(counts))),
                recomputed_iv=Interval.point(len(set(counts))),
                note=note,
                method="sequence comparison",
                verdict="consistent" if ok else "discrepancy",
            )
        ]
    )


def check_repeated_value(first: str, second: str, *, quantity: str = "value") -> pd.DataFrame:
    """Can two printed values of the same quantity both be roundings of one true value?

    Parameters
    ----------
    first, second : str
        The two printed values (e.g. Table 2 and Table 3 for the same baseline mean).
    quantity : str, default "value"
        A label for the output.

    Returns
    -------
    pandas.DataFrame
        One row (:data:`CHECK_COLUMNS`): ``printed`` is ``first``, the recomputed
        range is the rounding interval of ``second``; consistent iff they intersect.

    Raises
    ------
    ValueError
        If either is not a printed number.

    Examples
    --------
    >>> check_repeated_value("84.67", "84.70").loc[0, "verdict"]
    'discrepancy'
    >>> check_repeated_value("5.64", "5.640").loc[0, "verdict"]
    'consistent'
    """
    a = printed_interval(first, floor=-math.inf)
    b = printed_interval(second, floor=-math.inf)
    ok = a.intersects(b)
    return _frame(
        [
            _row(
                check="repeated_value",
                quantity=quantity,
                printed=first,
                printed_iv=a,
                recomputed=float(_decimal(second, name="second")),
                recomputed_iv=b,
                note=(
                    f"{first} means {a}, {second} means {b}: "
                    + ("one true value can round to both" if ok else "no common true value")
                ),
                method="intersection of rounding intervals",
            )
        ]
    )


# --------------------------------------------------------------------------------------
# Percent change, ratios, directions, thresholds, p ranges
# --------------------------------------------------------------------------------------


def _nonzero(name: str, iv: Interval) -> None:
    if iv.low <= 0 <= iv.high:
        raise ValueError(f"{name} must be non-zero (its rounding interval {iv} contains 0)")


def check_percent_change(
    *, before: str | float, after: str | float, printed: str, absolute: bool = False
) -> pd.DataFrame:
    """Does a printed percent change follow from the printed means before and after?

    Parameters
    ----------
    before, after : str or float
        Printed means (text: rounding-aware).
    printed : str
        The printed percent change, without the % sign (``"16.4"``, ``"−18.6"``).
    absolute : bool, default False
        The text gives a magnitude ("decreased by 18.6%"): compare absolute values.

    Returns
    -------
    pandas.DataFrame
        One row (:data:`CHECK_COLUMNS`), ``quantity`` ``"percent_change"``.

    Raises
    ------
    ValueError
        If ``before``'s rounding interval contains 0.

    Notes
    -----
    ``100 · (after − before)/before``, monotone in each argument, so its range over
    the rounding box comes from the corners (:func:`corner_range`).

    Examples
    --------
    Paper §3.3: AST in HCM rose by 16.4% (20.61 → 24.00) and fell by 18.6% (24.00 → 19.53).

    >>> check_percent_change(before="20.61", after="24.00", printed="16.4").loc[0, "verdict"]
    'consistent'
    >>> check_percent_change(before="24.00", after="19.53", printed="18.6",
    ...                      absolute=True).loc[0, "verdict"]
    'consistent'
    """
    b, a = _as_interval(before, name="before"), _as_interval(after, name="after")
    _nonzero("before", b)
    rng = corner_range(lambda x, y: 100.0 * (y - x) / x, [b, a])
    point = 100.0 * (_as_value(after, name="after") / _as_value(before, name="before") - 1.0)
    res = compare_printed(
        printed,
        rng,
        absolute=absolute,
        check="percent_change",
        quantity="percent_change",
        method="100*(after-before)/before over the inputs' rounding box",
    )
    res.loc[0, "recomputed"] = abs(point) if absolute else point
    return res


def check_ratio(
    *,
    numerator: str | float,
    denominator: str | float,
    printed: str,
    quantity: str = "ratio",
) -> pd.DataFrame:
    """Does a printed ratio or fold change follow from the printed numerator and denominator?

    Parameters
    ----------
    numerator, denominator : str or float
        Printed values (text: rounding-aware), e.g. mean Firmicutes and Bacteroidetes
        abundances, or the two group means of a fold change.
    printed : str
        The printed ratio.
    quantity : str, default "ratio"
        A label (``"fold_change"``, ``"firmicutes_bacteroidetes_ratio"``).

    Returns
    -------
    pandas.DataFrame
        One row (:data:`CHECK_COLUMNS`).

    Raises
    ------
    ValueError
        If the denominator's rounding interval contains 0.

    Notes
    -----
    ``numerator/denominator`` is monotone in each argument on a box that excludes 0,
    so :func:`corner_range` gives its exact range.

    Examples
    --------
    Paper §3.4: CM baseline Firmicutes 0.335 and Bacteroidota 0.522; ratio printed 0.641.

    >>> res = check_ratio(numerator="0.335", denominator="0.522", printed="0.641")
    >>> round(float(res.loc[0, "recomputed"]), 4), res.loc[0, "verdict"]
    (0.6418, 'consistent')
    """
    num = _as_interval(numerator, name="numerator")
    den = _as_interval(denominator, name="denominator")
    _nonzero("denominator", den)
    res = compare_printed(
        printed,
        corner_range(lambda x, y: x / y, [num, den]),
        check="ratio",
        quantity=quantity,
        method="numerator/denominator over the inputs' rounding box",
    )
    res.loc[0, "recomputed"] = _as_value(numerator, name="numerator") / _as_value(
        denominator, name="denominator"
    )
    return res


_UP = {"↑", "up", "increase", "increased", "up-regulated", "upregulated"}
_DOWN = {"↓", "down", "decrease", "decreased", "down-regulated", "downregulated"}


def _labels(labels: Sequence[str] | None, n: int) -> list[str]:
    if labels is None:
        return [str(i + 1) for i in range(n)]
    if len(labels) != n:
        raise ValueError(f"labels must have one entry per item ({n}), got {len(labels)}")
    return [str(v) for v in labels]


def _per_value(
    check: str,
    quantity: str,
    values: Sequence[str | float],
    *,
    name: str,
    labels: Sequence[str] | None,
    judge: Callable[[str | float, Interval], dict],
) -> pd.DataFrame:
    """One row per printed value; ``judge(value, interval)`` gives ``recomputed_iv``,
    ``note``, ``method`` and ``verdict``."""
    rows = []
    for label, value in zip(_labels(labels, len(values)), values, strict=True):
        iv = _as_interval(value, name=name)
        rows.append(
            _row(
                check=check,
                quantity=quantity,
                variant=label,
                printed=_text(value),
                printed_iv=iv,
                recomputed=_as_value(value, name=name),
                **judge(value, iv),
            )
        )
    return _frame(rows)


def check_direction(
    marks: Sequence[str],
    fold_changes: Sequence[str | float],
    *,
    labels: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Do direction marks (↑/↓) agree with printed fold changes (FC > 1 up, < 1 down)?

    Parameters
    ----------
    marks : sequence of str
        ``"↑"``/``"↓"`` (or ``"up"``/``"down"``), one per item.
    fold_changes : sequence of str or float
        The printed fold changes (text: rounding-aware).
    labels : sequence of str, optional
        Item labels for the ``variant`` column; default ``"1"``, ``"2"``, ….

    Returns
    -------
    pandas.DataFrame
        :data:`CHECK_COLUMNS`, one row per item, ``quantity`` ``"direction"``:
        ``printed`` the mark, ``recomputed`` the fold change. Consistent when some
        value in the FC's rounding interval lies on the marked side of 1.

    Raises
    ------
    ValueError
        If the lengths differ, a mark is unknown, or a fold change is negative.

    Examples
    --------
    Paper Table 5, rows 12 and 13.

    >>> check_direction(["↓", "↓"], ["0.1582", "4.4249"],
    ...                 labels=["12", "13"])[["variant", "verdict"]]
      variant      verdict
    0      12   consistent
    1      13  discrepancy
    """
    if len(marks) != len(fold_changes):
        raise ValueError(
            f"marks and fold_changes must have the same length, got {len(marks)} and "
            f"{len(fold_changes)}"
        )
    names = _labels(labels, len(marks))
    rows = []
    for name, mark, fc in zip(names, marks, fold_changes, strict=True):
        m = str(mark).strip().lower()
        if m not in _UP | _DOWN:
            raise ValueError(f"marks must be '↑' or '↓' (or up/down), got {mark!r}")
        iv = _as_interval(fc, name="fold_changes")
        if iv.high < 0:
            raise ValueError(f"fold_changes must be non-negative, got {fc!r}")
        up = m in _UP
        ok = iv.high > 1 if up else iv.low < 1
        side = "> 1" if up else "< 1"
        rows.append(
            _row(
                check="direction",
                quantity="direction",
                variant=name,
                printed=str(mark),
                printed_iv=Interval(1.0, math.inf, False, False)
                if up
                else Interval(0.0, 1.0, True, False),
                recomputed=_as_value(fc, name="fold_changes"),
                recomputed_iv=iv,
                note=f"mark {mark} needs FC {side}; FC {_text(fc)} means {iv}",
                method="FC > 1 up, FC < 1 down",
                verdict="consistent" if ok else "discrepancy",
            )
        )
    return _frame(rows)


def check_p_range(
    p_values: Sequence[str | float], *, labels: Sequence[str] | None = None
) -> pd.DataFrame:
    """Are printed p-values inside [0, 1]?

    Parameters
    ----------
    p_values : sequence of str or float
        The printed p-values.
    labels : sequence of str, optional
        Item labels for the ``variant`` column.

    Returns
    -------
    pandas.DataFrame
        :data:`CHECK_COLUMNS`, one row per value, ``quantity`` ``"p"``: consistent when
        the value's rounding interval meets [0, 1].

    Raises
    ------
    ValueError
        If a value is not a printed number.

    Examples
    --------
    Paper Table 5, rows 1 and 5 (p printed 1.6471 and 0.0009).

    >>> check_p_range(["1.6471", "0.0009"])["verdict"].tolist()
    ['discrepancy', 'consistent']
    """
    unit = Interval(0.0, 1.0)

    def judge(p: str | float, iv: Interval) -> dict:
        ok = iv.intersects(unit)
        return {
            "recomputed_iv": unit,
            "note": f"p {_text(p)} means {iv}; "
            + ("inside [0, 1]" if ok else "a probability cannot lie outside [0, 1]"),
            "method": "0 <= p <= 1",
            "verdict": "consistent" if ok else "discrepancy",
        }

    return _per_value("p_range", "p", p_values, name="p_values", labels=labels, judge=judge)


def _parse_criterion(criterion: str) -> list[tuple[str, float]]:
    message = (
        f"criterion must be comparisons joined by 'or', like '> 1.2 or < 0.833', got {criterion!r}"
    )
    parts = []
    for part in re.split(r"\bor\b", criterion):
        try:
            comparator, number = _parse.split_comparator(part)
        except ValueError:
            raise ValueError(message) from None
        if comparator == "=":
            raise ValueError(message)
        parts.append((_OPS[comparator], float(number.replace(",", ""))))
    return parts


def _can_satisfy(iv: Interval, op: str, c: float) -> tuple[bool, bool]:
    """(some value satisfies, every value satisfies) for ``x op c`` over ``iv``."""
    if op == ">":
        return iv.high > c, iv.low > c
    if op == "≥":
        return iv.high >= c, iv.low >= c
    if op == "<":
        return iv.low < c, iv.high < c
    return iv.low <= c, iv.high <= c


def check_threshold(
    values: Sequence[str | float], *, criterion: str, labels: Sequence[str] | None = None
) -> pd.DataFrame:
    """Do printed values meet a stated selection criterion (VIP > 1, FC ≥ 2 or ≤ 0.5, …)?

    Parameters
    ----------
    values : sequence of str or float
        The printed values.
    criterion : str
        One or more comparisons joined by ``or``: ``"> 1"``, ``"> 1.2 or < 0.833"``,
        ``">= 2 or <= 0.5"``, ``"< 0.05"``.
    labels : sequence of str, optional
        Item labels for the ``variant`` column.

    Returns
    -------
    pandas.DataFrame
        :data:`CHECK_COLUMNS`, one row per value, ``quantity`` ``"threshold"``:
        consistent when some value in the printed rounding interval meets the criterion;
        ``note`` says when only rounding makes it so.

    Raises
    ------
    ValueError
        If ``criterion`` cannot be read or a value is not a printed number.

    Examples
    --------
    Paper §3.5: FC > 1.2 or FC < 0.833. Table 5 rows 6 and 15.

    >>> check_threshold(["0.6412", "2.8923", "1.1"], criterion="> 1.2 or < 0.833")[
    ...     "verdict"].tolist()
    ['consistent', 'consistent', 'discrepancy']
    """
    parts = _parse_criterion(criterion)

    def judge(value: str | float, iv: Interval) -> dict:
        some = any(_can_satisfy(iv, op, c)[0] for op, c in parts)
        every = any(_can_satisfy(iv, op, c)[1] for op, c in parts)
        if every:
            note = f"{_text(value)} meets {criterion}"
        elif some:
            note = f"{_text(value)} ({iv}) meets {criterion} only at some unrounded values"
        else:
            note = f"{_text(value)} ({iv}) fails {criterion}"
        return {
            "recomputed_iv": iv,
            "note": note,
            "method": f"criterion {criterion}",
            "verdict": "consistent" if some else "discrepancy",
        }

    return _per_value("threshold", "threshold", values, name="values", labels=labels, judge=judge)


# --------------------------------------------------------------------------------------
# Significance claims and confidence intervals
# --------------------------------------------------------------------------------------


def check_significance_claim(claim: str, p: str | float | Interval) -> pd.DataFrame:
    """Does a printed comparator ("p < 0.0001") agree with a printed or recomputed p?

    Parameters
    ----------
    claim : str
        The claim as printed: ``"p < 0.0001"``, ``"<0.05"``, ``"p = 0.024"``.
    p : str, float or Interval
        The p-value it should describe: printed text (rounding-aware), a recomputed
        number, or a recomputed range.

    Returns
    -------
    pandas.DataFrame
        One row (:data:`CHECK_COLUMNS`), ``quantity`` ``"p"``: consistent when the
        claim's interval and ``p``'s interval intersect.

    Raises
    ------
    ValueError
        If ``claim`` or a printed ``p`` is not a probability.

    Examples
    --------
    Paper §3.3 says "both p < 0.0001" for Table 4, which prints 0.0001 and 0.001.

    >>> check_significance_claim("p < 0.0001", "0.001").loc[0, "verdict"]
    'discrepancy'
    >>> check_significance_claim("p < 0.0001", "0.0001").loc[0, "verdict"]
    'consistent'
    """
    claim_iv = printed_interval(claim, probability=True)
    if isinstance(p, str):
        p_iv = printed_interval(p, probability=True)
        point = float(_decimal(p, name="p"))
    else:
        p_iv = _as_interval(p, name="p")
        _check_probability("p", p_iv.low)
        _check_probability("p", p_iv.high)
        point = (p_iv.low + p_iv.high) / 2
    ok = claim_iv.intersects(p_iv)
    strict = ok and (p_iv.low >= claim_iv.low and p_iv.high <= claim_iv.high)
    note = f"claim {claim} means {claim_iv}; p {_text(p)} means {p_iv}: " + (
        "agree" if strict else ("agree only for some unrounded values" if ok else "no common value")
    )
    return _frame(
        [
            _row(
                check="significance_claim",
                quantity="p",
                printed=claim,
                printed_iv=claim_iv,
                recomputed=point,
                recomputed_iv=p_iv,
                note=note,
                method="intersection of p intervals",
            )
        ]
    )


def check_ci_significance(
    *,
    low: str | float,
    high: str | float,
    p: str | float,
    null: float = 0.0,
    alpha: float = 0.05,
) -> pd.DataFrame:
    """Does a (1 − alpha) confidence interval agree with the significance claimed?

    Parameters
    ----------
    low, high : str or float
        Printed CI limits.
    p : str or float
        The printed p-value or comparator (``"0.03"``, ``"<0.05"``).
    null : float, default 0.0
        The null value (0 for a difference, 1 for a ratio).
    alpha : float, default 0.05
        The test level matching the CI (0.05 for a 95% CI).

    Returns
    -------
    pandas.DataFrame
        One row (:data:`CHECK_COLUMNS`), ``quantity`` ``"significance"``: a
        discrepancy when the CI surely excludes ``null`` while ``p`` is surely ≥
        ``alpha``, or surely contains it while ``p`` is surely < ``alpha``.

    Raises
    ------
    ValueError
        If ``low > high``, ``alpha`` is not in (0, 1), or ``p`` is not a probability.

    Notes
    -----
    For a test and CI built from the same estimate and SE (Wald), the CI excludes the
    null exactly when ``p < alpha``. Rounding: the CI "surely excludes" the null when
    both limits' rounding intervals lie on one side of it.

    Examples
    --------
    >>> check_ci_significance(low="0.5", high="3.5", p="0.20").loc[0, "verdict"]
    'discrepancy'
    >>> check_ci_significance(low="0.5", high="3.5", p="0.003").loc[0, "verdict"]
    'consistent'
    """
    if not 0.0 < alpha < 1.0:
        raise ValueError(f"alpha must lie in (0, 1), got {alpha!r}")
    lo, hi = _as_interval(low, name="low"), _as_interval(high, name="high")
    if _as_value(low, name="low") > _as_value(high, name="high"):
        raise ValueError(f"low must not exceed high, got low={low!r}, high={high!r}")
    p_iv = (
        printed_interval(p, probability=True)
        if isinstance(p, str)
        else Interval.point(_check_probability("p", float(p)))
    )
    surely_excludes = lo.low > null or hi.high < null
    surely_contains = lo.high <= null <= hi.low
    surely_sig = p_iv.high < alpha or (p_iv.high == alpha and not p_iv.closed_high)
    surely_not = p_iv.low >= alpha
    bad = (surely_excludes and surely_not) or (surely_contains and surely_sig)
    ci = "excludes" if surely_excludes else ("contains" if surely_contains else "may contain")
    sig = "p < alpha" if surely_sig else ("p >= alpha" if surely_not else "p near alpha")
    return _frame(
        [
            _row(
                check="ci_significance",
                quantity="significance",
                printed=_text(p),
                printed_iv=p_iv,
                recomputed=float(surely_excludes),
                recomputed_iv=None,
                note=f"CI [{_text(low)}, {_text(high)}] {ci} {null:g}; {sig} (alpha={alpha:g})",
                method=f"{100 * (1 - alpha):g}% CI excludes null iff p < {alpha:g}",
                verdict="discrepancy" if bad else "consistent",
            )
        ]
    )


# --------------------------------------------------------------------------------------
# Pooled mean and SD of groups
# --------------------------------------------------------------------------------------


def pooled_mean_sd(
    *, means: Sequence[float], sds: Sequence[float], ns: Sequence[int]
) -> pd.DataFrame:
    """Mean and SD of the combined sample from group means, SDs and sizes.

    Parameters
    ----------
    means, sds : sequence of float
        Group means and sample SDs.
    ns : sequence of int
        Group sizes (each >= 1; an SD of a group of one must be 0).

    Returns
    -------
    pandas.DataFrame
        One row, columns ``n, mean, sd, method, evidence``.

    Raises
    ------
    ValueError
        If the lengths differ, fewer than two groups, an SD is negative or an ``n``
        is not an integer >= 1.

    Notes
    -----
    Exact for sample SDs (divisor n − 1): ``N = Σnᵢ``, ``M = Σnᵢmᵢ/N``,
    ``SD² = (Σ(nᵢ − 1)sᵢ² + Σnᵢ(mᵢ − M)²)/(N − 1)`` (within plus between sums of
    squares).

    Examples
    --------
    Paper §3.1 / Table 2: age 61.2 ± 5.00 (n = 51) and 61.3 ± 4.83 (n = 46).

    >>> pooled_mean_sd(means=[61.2, 61.3], sds=[5.00, 4.83], ns=[51, 46])[
    ...     ["n", "mean", "sd"]].round(3)
        n    mean     sd
    0  97  61.247  4.895
    """
    m, s, n = _validate_groups(means, sds, ns)
    total = int(n.sum())
    grand = float(np.sum(n * m) / total)
    ss = float(np.sum((n - 1) * s**2) + np.sum(n * (m - grand) ** 2))
    return pd.DataFrame(
        {
            "n": [total],
            "mean": [grand],
            "sd": [math.sqrt(ss / (total - 1))],
            "method": ["exact pooling of group means and sample SDs"],
            "evidence": [_EVIDENCE],
        }
    )


def _validate_groups(means, sds, ns):
    if not (len(means) == len(sds) == len(ns)) or len(means) < 2:
        raise ValueError(
            "means, sds and ns must have the same length >= 2, got lengths "
            f"{len(means)}, {len(sds)}, {len(ns)}"
        )
    for i, v in enumerate(ns):
        _check_n(f"ns[{i}]", v, minimum=1)
    s = np.asarray(sds, dtype=float)
    if np.any(s < 0):
        raise ValueError(f"sds must be non-negative, got {list(sds)!r}")
    return np.asarray(means, dtype=float), s, np.asarray(ns, dtype=float)


def _min_between_ss(lows: np.ndarray, highs: np.ndarray, n: np.ndarray) -> float:
    """Smallest Σnᵢ(mᵢ − M)² over the box of means.

    At the optimum every mean sits at ``clip(c, lowᵢ, highᵢ)`` for the common value c
    solving ``Σnᵢ(clip(c) − c) = 0`` (the weighted mean of the clipped means is c).
    """

    def g(c: float) -> float:
        return float(np.sum(n * (np.clip(c, lows, highs) - c)))

    a, b = float(lows.min()), float(highs.max())
    c = a if g(a) == 0 else (b if g(b) == 0 else optimize.brentq(g, a, b, xtol=1e-14))
    m = np.clip(c, lows, highs)
    grand = np.sum(n * m) / n.sum()
    return float(np.sum(n * (m - grand) ** 2))


def check_pooled_mean_sd(
    *,
    means: Sequence[str | float],
    sds: Sequence[str | float],
    ns: Sequence[int],
    mean: str | None = None,
    sd: str | None = None,
) -> pd.DataFrame:
    """Do a printed overall mean and SD follow from the printed group summaries?

    Parameters
    ----------
    means, sds : sequence of str or float
        Printed group means and SDs (text: rounding-aware).
    ns : sequence of int
        Group sizes.
    mean, sd : str, optional
        The printed overall mean and SD (at least one).

    Returns
    -------
    pandas.DataFrame
        :data:`CHECK_COLUMNS`, one row per printed quantity (``"mean"``, ``"sd"``).

    Raises
    ------
    ValueError
        As :func:`pooled_mean_sd`; also if neither ``mean`` nor ``sd`` is given.

    Notes
    -----
    The pooled mean is increasing in every group mean: its range is exact from the
    lower and upper ends. The pooled SD is increasing in every group SD but not
    monotone in the means (the between-groups sum of squares is smallest when they
    coincide), so its range combines the SD ends with the exact minimum (see
    ``_min_between_ss``) and maximum (a convex function: at a corner) of the
    between-groups sum of squares. Formulas in :func:`pooled_mean_sd`.

    Examples
    --------
    Paper §3.1: age 61.2 ± 4.90 and BMI 24.8 ± 3.06 for all 97 women.

    >>> check_pooled_mean_sd(means=["61.2", "61.3"], sds=["5.00", "4.83"], ns=[51, 46],
    ...                      mean="61.2", sd="4.90")["verdict"].tolist()
    ['consistent', 'consistent']
    """
    if mean is None and sd is None:
        raise ValueError("check_pooled_mean_sd needs the printed mean, sd, or both")
    m_iv = [_as_interval(v, name=f"means[{i}]") for i, v in enumerate(means)]
    s_iv = [_sd_interval(f"sds[{i}]", v) for i, v in enumerate(sds)]
    _validate_groups([iv.low for iv in m_iv], [iv.low for iv in s_iv], ns)
    n = np.asarray(ns, dtype=float)
    total = n.sum()
    point = pooled_mean_sd(
        means=[_as_value(v, name="means") for v in means],
        sds=[_as_value(v, name="sds") for v in sds],
        ns=ns,
    ).iloc[0]
    m_lo = np.array([iv.low for iv in m_iv])
    m_hi = np.array([iv.high for iv in m_iv])
    rows = []
    method = "exact pooling of group means and sample SDs over the inputs' rounding box"
    if mean is not None:
        rng = Interval(float(np.sum(n * m_lo) / total), float(np.sum(n * m_hi) / total))
        rows.append(
            _row(
                check="pooled_mean_sd",
                quantity="mean",
                printed=mean,
                printed_iv=printed_interval(mean, floor=-math.inf),
                recomputed=float(point["mean"]),
                recomputed_iv=rng,
                method=method,
            )
        )
    if sd is not None:
        within_lo = float(np.sum((n - 1) * np.array([iv.low for iv in s_iv]) ** 2))
        within_hi = float(np.sum((n - 1) * np.array([iv.high for iv in s_iv]) ** 2))
        between_hi = 0.0
        for corner in itertools.product(*[(lo, hi) for lo, hi in zip(m_lo, m_hi, strict=True)]):
            c = np.array(corner)
            between_hi = max(between_hi, float(np.sum(n * (c - np.sum(n * c) / total) ** 2)))
        between_lo = _min_between_ss(m_lo, m_hi, n)
        rng = Interval(
            math.sqrt((within_lo + between_lo) / (total - 1)),
            math.sqrt((within_hi + between_hi) / (total - 1)),
        )
        rows.append(
            _row(
                check="pooled_mean_sd",
                quantity="sd",
                printed=sd,
                printed_iv=printed_interval(sd, floor=-math.inf),
                recomputed=float(point["sd"]),
                recomputed_iv=rng,
                method=method,
            )
        )
    return _frame(rows)


# --------------------------------------------------------------------------------------
# GRIM and GRIMMER
# --------------------------------------------------------------------------------------


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
    return _frame(
        [
            _row(
                check="grim",
                quantity="mean",
                printed=mean,
                printed_iv=iv,
                recomputed=totals[0] / k if totals else nearest,
                recomputed_iv=Interval(totals[0] / k, totals[-1] / k) if totals else None,
                note=note,
                method="GRIM (Brown & Heathers 2017)",
                verdict="consistent" if totals else "discrepancy",
            )
        ]
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
    return _frame(
        [
            _row(
                check="grimmer",
                quantity="sd",
                printed=sd,
                printed_iv=iv,
                recomputed=sd_value,
                recomputed_iv=rec_iv,
                note=note,
                method=method,
                verdict=verdict,
            )
        ]
    )
