"""Figure 7 of the paper: Spearman correlation heat maps, one panel per pair of blocks.

Colour is ρ on a diverging map centred at zero (``RdBu_r``, the same limits in every panel so
the panels compare); a dot marks an unadjusted p below 0.05, a ring one that survives
Benjamini–Hochberg within its panel, and a black frame each correlation §3.7 names.
"""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from milkbone._validate import require_columns

__all__ = ["correlation_panels"]

_TITLES = {
    "A": "A  markers × genera",
    "B": "B  markers × serum",
    "C": "C  markers × fecal",
    "D": "D  genera × serum",
    "E": "E  genera × fecal",
}


def _panel(ax, rows: pd.DataFrame, named: pd.DataFrame, limit: float, labels: dict) -> None:
    grid = rows.pivot(index="left", columns="right", values="rho")
    grid = grid.loc[pd.unique(rows["left"]), pd.unique(rows["right"])]
    # limits symmetric about 0 centre RdBu_r (seaborn's center= calls a deprecated matplotlib API)
    sns.heatmap(
        grid,
        ax=ax,
        cmap="RdBu_r",
        vmin=-limit,
        vmax=limit,
        cbar=False,
        linewidths=0.4,
        linecolor="white",
        square=False,
    )
    where = {(a, b): (j, i) for i, a in enumerate(grid.index) for j, b in enumerate(grid.columns)}
    for row in rows.itertuples(index=False):
        x, y = where[(row.left, row.right)]
        if row.p < 0.05:
            ax.plot(x + 0.5, y + 0.5, "o", color="black", markersize=2.5)
        if row.p_bh < 0.05:
            ax.plot(x + 0.5, y + 0.5, "o", mfc="none", mec="black", markersize=7)
    for pair in named.itertuples(index=False):
        x, y = where[(pair.left, pair.right)]
        ax.add_patch(Rectangle((x, y), 1, 1, fill=False, edgecolor="black", linewidth=1.6))
    ax.set_xticklabels(
        [labels.get(c, c) for c in grid.columns], rotation=60, ha="right", fontsize=7
    )
    ax.set_yticklabels([labels.get(c, c) for c in grid.index], rotation=0, fontsize=7)
    ax.set_xlabel("")
    ax.set_ylabel("")


def correlation_panels(
    correlations: pd.DataFrame,
    named: pd.DataFrame,
    *,
    labels: dict[str, str] | None = None,
) -> Figure:
    """Draw Figure 7 A–E from :func:`milkbone.analysis.joint.figure7`'s frame.

    Parameters
    ----------
    correlations : pandas.DataFrame
        ``panel, left, right, rho, p, p_bh``.
    named : pandas.DataFrame
        ``panel, left, right`` of the correlations §3.7 names (framed in black).
    labels : dict, optional
        Display names for variables (e.g. measure slugs to the paper's names).

    Returns
    -------
    matplotlib.figure.Figure
        Five heat maps and one colour bar for ρ.
    """
    require_columns(
        correlations, ["panel", "left", "right", "rho", "p", "p_bh"], name="correlations"
    )
    require_columns(named, ["panel", "left", "right"], name="named")
    largest = np.nanmax(np.abs(correlations["rho"].to_numpy(dtype=float)))
    limit = max(0.1, math.ceil(largest * 10) / 10)
    fig, axes = plt.subplots(2, 3, figsize=(12.0, 8.6), gridspec_kw={"hspace": 0.9, "wspace": 0.9})
    for ax, (panel, title) in zip(axes.flat, _TITLES.items(), strict=False):
        rows = correlations[correlations["panel"] == panel]
        _panel(ax, rows, named[named["panel"] == panel], limit, labels or {})
        ax.set_title(title, loc="left", fontsize=9)
    legend = axes.flat[-1]
    legend.set_axis_off()
    mappable = plt.cm.ScalarMappable(cmap="RdBu_r", norm=plt.Normalize(-limit, limit))
    fig.colorbar(mappable, ax=legend, orientation="horizontal", fraction=0.25, label="Spearman ρ")
    legend.text(
        0.0,
        0.95,
        "•  p < 0.05 (unadjusted)\n○  BH-adjusted p < 0.05\n▭  named in §3.7",
        va="top",
        fontsize=8,
        transform=legend.transAxes,
    )
    return fig
