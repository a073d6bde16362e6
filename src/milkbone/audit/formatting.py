"""How a claim's check is reported: its outcome, and numbers written like the printed ones.

The claim modules (:mod:`~milkbone.audit.statistic_claims`,
:mod:`~milkbone.audit.count_claims`, :mod:`~milkbone.audit.text_claims`) turn a check's
rows into one :class:`Outcome` per claim: a verdict, the recomputed value written
with the printed value's decimals (:func:`written_like`), and the arithmetic in one
sentence.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from milkbone.audit.inputs import _number_text
from milkbone.audit.results import matching_variants
from milkbone.published import parse as _parse

__all__ = ["Outcome", "written_like"]


@dataclass
class Outcome:
    """The result of checking one claim, as the registry's columns hold it.

    Parameters
    ----------
    verdict : str
        One of :data:`milkbone.VERDICTS`.
    recomputed : str
        The value the check implies, written like the printed value; a short
        description where no single number applies (``"41 of 51"``).
    note : str
        The arithmetic, in one sentence.
    evidence : str, default ""
        The evidence level; empty to take the rule of the claim's ``check_kind``.

    Examples
    --------
    >>> Outcome("consistent", "0.936", "2*t.sf(0.08, 95)")
    Outcome(verdict='consistent', recomputed='0.936', note='2*t.sf(0.08, 95)', evidence='')
    """

    verdict: str
    recomputed: str
    note: str
    evidence: str = ""


def written_like(x: float, like: str | None = None, *, digits: int = 3) -> str:
    """``x`` written with the decimals of the printed ``like``, else ``digits`` significant.

    Parameters
    ----------
    x : float
        The recomputed number.
    like : str, optional
        A printed value whose decimals to use (``"0.450"``, ``"16.4%"``, ``"p < 0.05"``).
    digits : int, default 3
        Significant digits when ``like`` is missing or its decimals would print 0.

    Returns
    -------
    str
        The text; ``"undefined"`` for NaN or None, ``"inf"``/``"-inf"`` for infinities.

    Examples
    --------
    >>> written_like(0.51553, "0.450"), written_like(1.13e-05, "0.0001"), written_like(44.0, "46")
    ('0.516', '1.13e-05', '44')
    """
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "undefined"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    if like is not None and _number_text(like):
        d = _parse.decimals(_number_text(like))
        text = f"{x:.{d}f}"
        if float(text) != 0 or x == 0:
            return text
    return f"{x:.{digits}g}"


def _iv(low: float, high: float, like: str | None = None) -> str:
    a, b = written_like(low, like, digits=4), written_like(high, like, digits=4)
    return a if a == b else f"{a} to {b}"


def _span(r: pd.Series, like: str) -> str:
    """The recomputed range of one check row, written like ``like``."""
    return _iv(r["recomputed_low"], r["recomputed_high"], like)


def _outcome(r: pd.Series, like: str, note: str) -> Outcome:
    """A one-row check's verdict, with its recomputed value written like ``like``."""
    return Outcome(r["verdict"], written_like(r["recomputed"], like), note)


def _best(result: pd.DataFrame) -> tuple[bool, list[str], pd.DataFrame]:
    """(some variant reproduces every printed quantity, those variants, first variant)."""
    good = matching_variants(result)
    first = result[result["variant"] == (good[0] if good else result["variant"].iloc[0])]
    return bool(good), good, first


def _row(result: pd.DataFrame, quantity: str) -> pd.Series:
    return result[result["quantity"] == quantity].iloc[0]


def _ranges(result: pd.DataFrame, quantity: str, like: str) -> str:
    parts = []
    for _, r in result[result["quantity"] == quantity].iterrows():
        parts.append(f"{r['variant']} {_iv(r['recomputed_low'], r['recomputed_high'], like)}")
    return "; ".join(parts)
