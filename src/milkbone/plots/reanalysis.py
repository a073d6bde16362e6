"""Figures of the re-analyses: between-arm p against the within-participant correlation."""

from __future__ import annotations

import matplotlib as mpl
import matplotlib.pyplot as plt
import pandas as pd

from milkbone._validate import require_columns

__all__ = ["ALPHA_STYLE", "RHO_STYLE", "rho_curves"]

RHO_STYLE = {
    "follow-up": ("0.2", "-."),
    "change": ("#0072B2", "-"),
    "ancova": ("#D55E00", "--"),
}
"""Line colour and style of each analysis in :func:`rho_curves`: no two alike, and none
dotted, the style of the significance level's line (:data:`ALPHA_STYLE`)."""

ALPHA_STYLE = ("0.5", (0, (1, 2)))
"""Colour and dash pattern of the horizontal line at the significance level."""


def rho_curves(
    curves: pd.DataFrame, *, alpha: float = 0.05, measure: str = "L1–4 BMD"
) -> mpl.figure.Figure:
    """Between-arm p against the within-participant correlation ρ, one panel per month.

    Parameters
    ----------
    curves : pandas.DataFrame
        ``milkbone.analysis.reanalysis.between_arm_curves`` output: ``month, method,
        rho, p``, ``method`` one of ``follow-up``, ``change``, ``ancova``.
    alpha : float, default 0.05
        Drawn as a dotted line (:data:`ALPHA_STYLE`), named in the legend.
    measure : str
        Name shown in the panel titles.

    Returns
    -------
    matplotlib.figure.Figure
        One panel per month, p on a log scale, one line per analysis (:data:`RHO_STYLE`).

    Raises
    ------
    KeyError
        If ``curves`` lacks a column.
    """
    require_columns(curves, ["month", "method", "rho", "p"], name="curves")
    months = sorted(curves["month"].unique())
    fig, axes = plt.subplots(1, len(months), figsize=(8, 3.4), sharey=True, squeeze=False)
    for ax, month in zip(axes[0], months, strict=True):
        part = curves[curves["month"] == month]
        for method, (colour, line) in RHO_STYLE.items():
            sub = part[part["method"] == method]
            ax.plot(sub["rho"], sub["p"], color=colour, linestyle=line, label=method)
        ax.axhline(
            alpha, color=ALPHA_STYLE[0], linewidth=0.8, linestyle=ALPHA_STYLE[1],
            label=f"α = {alpha:g}",
        )  # fmt: skip
        ax.set_title(f"{measure}, {month} months", loc="left")
        ax.set_xlabel("ρ (baseline–follow-up)")
        ax.set_yscale("log")
    axes[0][0].set_ylabel("between-arm p (two-sided)")
    fig.legend(*axes[0][0].get_legend_handles_labels(), loc="lower center", ncol=4)
    fig.tight_layout(rect=(0, 0.08, 1, 1))
    return fig
