"""Printed numbers as intervals: the values a rounded number can stand for.

Printed numbers are rounded, so each printed value stands for an interval of true
values (:func:`printed_interval`), and a value recomputed from printed inputs is a
range too: the inputs are varied over their own rounding intervals
(:func:`corner_range`). The one value type is the frozen dataclass :class:`Interval`.

Printed numbers are read by :mod:`milkbone.published.parse` (U+2212 minus, U+202F
narrow no-break spaces, thousand separators, bounds such as ``<0.001``, exponents);
here only the argument's name is put into the error message, and comparators are
written as printed (≤, ≥). The private helpers below also validate the inputs every
check shares (sizes, SDs, counts, probabilities, degrees of freedom), before any
arithmetic.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

import numpy as np

from milkbone.published import parse as _parse

__all__ = ["Interval", "corner_range", "printed_interval"]

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
