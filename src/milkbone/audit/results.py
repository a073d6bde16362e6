"""The common output of every check: one row per compared quantity and variant.

A function computing several results (test variants, one per printed item) returns a
tidy :class:`pandas.DataFrame` with a RangeIndex and a fixed column order. Every
``check_*`` function of :mod:`milkbone.audit` returns the same schema,
:data:`CHECK_COLUMNS`::

    check, quantity, variant, printed, printed_low, printed_high, recomputed,
    recomputed_low, recomputed_high, verdict, note, method, evidence

with ``verdict`` one of :data:`milkbone.VERDICTS` and ``evidence`` always
``"recomputed"``. A check is ``consistent`` when the printed interval and the
recomputed range overlap, and a ``discrepancy`` only when no choice of unrounded
inputs reproduces the printed result.
"""

from __future__ import annotations

import math

import pandas as pd

from milkbone.audit.intervals import Interval, printed_interval

__all__ = ["CHECK_COLUMNS", "compare_printed", "matching_variants"]

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


def _single(
    check: str,
    quantity: str,
    printed: tuple[str, Interval],
    recomputed: tuple[float, Interval | None],
    **options: str,
) -> pd.DataFrame:
    """The one-row frame of a check: ``printed`` (text, interval) against ``recomputed``
    (value, range or None); ``options`` are ``variant``, ``note``, ``method``, ``verdict``."""
    (text, printed_iv), (value, recomputed_iv) = printed, recomputed
    row = _row(
        check=check,
        quantity=quantity,
        printed=text,
        printed_iv=printed_iv,
        recomputed=value,
        recomputed_iv=recomputed_iv,
        **options,
    )
    return _frame([row])


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
    result = _single(
        check, quantity, (printed, printed_iv), (point, rec_iv), variant=variant, method=method
    )
    result.loc[0, "note"] += sign
    return result


def _sign(interval: Interval) -> str:
    if interval.low > 0:
        return "positive"
    if interval.high < 0:
        return "negative"
    return "either sign"


def _sign_note(
    printed: Interval,
    recomputed: Interval,
    *,
    why: str = "group order of the printed statistic unknown",
) -> str:
    p, r = _sign(printed), _sign(recomputed)
    if "either" in (p, r) or p == r:
        return f"signs: printed {p}, recomputed {r} (compared as absolute values)"
    return f"signs differ: printed {p}, recomputed {r} ({why}; compared as absolute values)"


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
    >>> from milkbone.audit import check_t_test
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
