"""Figures of the claims audit: verdicts by section or kind of check."""

from __future__ import annotations

import matplotlib as mpl
import matplotlib.pyplot as plt
import pandas as pd

from milkbone._validate import require_columns

__all__ = ["VERDICT_ORDER", "verdict_heatmap"]

VERDICT_ORDER = ("consistent", "discrepancy", "inconclusive", "not-verifiable")
"""Columns of :func:`verdict_heatmap`, in order."""


def verdict_heatmap(claims: pd.DataFrame, *, rows: str = "section") -> mpl.figure.Figure:
    """Verdicts of the claims audit as a heat map: one row per ``rows`` value.

    Colour is the share of that row's claims with each verdict (so a section with few
    claims reads as clearly as one with many); each cell is annotated with its count.
    Drawn with ``seaborn.heatmap``.

    Parameters
    ----------
    claims : pandas.DataFrame
        ``milkbone.audit.verify()`` output (columns ``verdict`` and ``rows``).
    rows : str, default "section"
        Column whose values make the rows, e.g. ``"check_kind"``.

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    KeyError
        If ``claims`` lacks ``verdict`` or ``rows``.
    """
    import seaborn as sns

    require_columns(claims, [rows, "verdict"], name="claims")
    counts = pd.crosstab(claims[rows], claims["verdict"]).reindex(
        columns=list(VERDICT_ORDER), fill_value=0
    )
    share = counts.div(counts.sum(axis=1), axis=0)
    fig, ax = plt.subplots(figsize=(7.0, 0.32 * len(counts) + 1.2))
    sns.heatmap(
        share,
        annot=counts,
        fmt="d",
        cmap="viridis",
        vmin=0,
        vmax=1,
        cbar_kws={"label": "share of the row's claims"},
        linewidths=0.5,
        ax=ax,
    )
    ax.set(xlabel="verdict", ylabel=rows.replace("_", " "))
    ax.grid(False)
    ax.tick_params(axis="x", rotation=0)
    fig.tight_layout()
    return fig
