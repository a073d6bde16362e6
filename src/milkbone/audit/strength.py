"""How strong a verdict is: "consistent" split by the evidence that reached it.

A claim is ``consistent`` either because a number the paper does not print was computed
again and agreed (evidence ``recomputed``: a t, a p, a sum, a percent change), or
because printed numbers only agreed with themselves or a stated cut-off (evidence
``published``: a p inside [0, 1], a threshold met, one number printed twice alike).
The second is a weaker check; the scorecard and ``milkbone verify`` show them apart.
"""

from __future__ import annotations

import pandas as pd

from milkbone._validate import require_columns, require_values
from milkbone.vocabulary import VERDICTS

__all__ = ["VERDICT_DETAILS", "verdict_details"]

VERDICT_DETAILS = (
    "consistent, recomputed",
    "consistent, self-consistent",
    *(v for v in VERDICTS if v != "consistent"),
)
"""The verdicts with ``consistent`` split by evidence, in the order tables show them."""

_STRENGTH = {"recomputed": "consistent, recomputed", "published": "consistent, self-consistent"}


def verdict_details(claims: pd.DataFrame) -> pd.Series:
    """Each claim's verdict, ``consistent`` split into recomputed and self-consistent.

    Parameters
    ----------
    claims : DataFrame
        Rows of :func:`milkbone.audit.verify`, with ``verdict`` and ``evidence``.

    Returns
    -------
    Series
        One of :data:`VERDICT_DETAILS` per claim, same index, named ``verdict``.

    Raises
    ------
    KeyError
        If a column is missing.
    ValueError
        If a verdict is unknown, or a consistent claim's evidence is neither
        ``recomputed`` nor ``published`` (only those may decide a verdict).

    Examples
    --------
    >>> claims = pd.DataFrame({"verdict": ["consistent", "consistent", "discrepancy"],
    ...                        "evidence": ["recomputed", "published", "recomputed"]})
    >>> verdict_details(claims).tolist()
    ['consistent, recomputed', 'consistent, self-consistent', 'discrepancy']
    """
    require_columns(claims, ["verdict", "evidence"], name="claims")
    require_values(claims, "verdict", VERDICTS, name="claims")
    consistent = claims["verdict"] == "consistent"
    strength = claims.loc[consistent, "evidence"].map(_STRENGTH)
    if strength.isna().any():
        bad = claims.loc[strength[strength.isna()].index, "evidence"].unique().tolist()[:5]
        raise ValueError(
            f"claims: a consistent verdict needs evidence 'recomputed' or 'published', got {bad}"
        )
    return claims["verdict"].where(~consistent, strength).rename("verdict")
