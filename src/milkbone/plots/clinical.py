"""Clinical measures by arm and visit: means beside the printed ones, category shares.

Tidy result frames in (:mod:`milkbone.analysis.mirror`, ``analysis.clinical``),
``matplotlib.figure.Figure`` out, ``ax=`` optional; no statistics here.
"""

from __future__ import annotations

import matplotlib as mpl
import numpy as np
import pandas as pd

from milkbone._validate import require_columns
from milkbone.plots.style import (
    ARM_OFFSET,
    ARM_STYLE,
    PUBLISHED_COLOUR,
    figure_and_axes,
    month_axis,
)

__all__ = ["PUBLISHED_SHIFT", "category_bars", "visit_means"]

PUBLISHED_SHIFT = 0.12
"""How far (in visits) a published mean is drawn beside the computed one, outwards."""


def visit_means(
    comparison: pd.DataFrame, *, measure: str, ylabel: str, ax: mpl.axes.Axes | None = None
) -> mpl.figure.Figure:
    """Mean ± SD of one measure per arm and visit, with the printed means in black.

    Parameters
    ----------
    comparison : pandas.DataFrame
        :func:`milkbone.analysis.mirror.compare_summaries` output (columns ``measure,
        group, month, mean, sd, published_mean``).
    measure : str
        Measure slug to draw.
    ylabel : str
        Axis label with the unit as the paper prints it, e.g. ``"25(OH)D (ng/mL)"``.
    ax : matplotlib.axes.Axes, optional
        Draw into this axes; default a new figure.

    Returns
    -------
    matplotlib.figure.Figure
        Arms in ``ARM_STYLE`` (HCM first, left of each visit), error bars ± 1 SD of
        the data side; the paper's means as black open markers of the arm's shape,
        :data:`PUBLISHED_SHIFT` beside the computed mean on the outer side.

    Raises
    ------
    KeyError
        If ``comparison`` lacks a column.
    ValueError
        If ``comparison`` has no rows for ``measure``.
    """
    require_columns(
        comparison, ["measure", "group", "month", "mean", "sd", "published_mean"],
        name="comparison",
    )  # fmt: skip
    cells = comparison[comparison["measure"] == measure]
    if cells.empty:
        raise ValueError(f"comparison has no rows for measure {measure!r}")
    fig, ax = figure_and_axes(ax)
    months = sorted(cells["month"].unique())
    for group, (colour, marker) in ARM_STYLE.items():
        part = cells[cells["group"] == group].set_index("month").reindex(months)
        x = np.arange(len(months)) + ARM_OFFSET[group]
        ax.errorbar(
            x, part["mean"], yerr=part["sd"], color=colour, marker=marker, capsize=3,
            linestyle="-", label=f"{group} (mean ± SD)",
        )  # fmt: skip
        # beside the arm's own mark, on the outer side, so neither hides the other
        ax.scatter(
            x + np.sign(ARM_OFFSET[group]) * PUBLISHED_SHIFT, part["published_mean"],
            marker=marker, facecolors="none", edgecolors=PUBLISHED_COLOUR, s=46, zorder=3,
            linewidths=1.1,
        )  # fmt: skip
    ax.scatter([], [], marker="o", facecolors="none", edgecolors=PUBLISHED_COLOUR,
               label="published mean")  # fmt: skip
    month_axis(ax, months)
    ax.set_ylabel(ylabel)
    ax.legend(loc="best")
    fig.tight_layout()
    return fig


def category_bars(
    counts: pd.DataFrame, *, title: str = "", ax: mpl.axes.Axes | None = None
) -> mpl.figure.Figure:
    """Stacked bars of category shares per arm and visit (the layout of Table 4).

    Parameters
    ----------
    counts : pandas.DataFrame
        Columns ``month, group, category, count``, categories lowest first (as
        :func:`milkbone.analysis.clinical.ordinal_categories` returns them, visits
        concatenated).
    title : str, optional
        Axes title.
    ax : matplotlib.axes.Axes, optional
        Draw into this axes; default a new figure.

    Returns
    -------
    matplotlib.figure.Figure
        One bar per arm and visit (HCM left), height 100 %, split by category with a
        sequential viridis palette (lowest category darkest); the bar's outline and
        the marker under it use the arm's ``ARM_STYLE``.

    Raises
    ------
    KeyError
        If ``counts`` lacks a column.
    """
    require_columns(counts, ["month", "group", "category", "count"], name="counts")
    categories = list(pd.unique(counts["category"]))
    months = sorted(counts["month"].unique())
    fig, ax = figure_and_axes(ax)
    shades = mpl.colormaps["viridis"](np.linspace(0.15, 0.85, len(categories)))
    table = counts.pivot_table(
        index=["month", "group"], columns="category", values="count", aggfunc="sum"
    ).reindex(columns=categories, fill_value=0)
    for group, (colour, marker) in ARM_STYLE.items():
        x = np.arange(len(months)) + ARM_OFFSET[group]
        rows = table.reindex([(m, group) for m in months]).fillna(0)
        share = rows.div(rows.sum(axis=1).replace(0, np.nan), axis=0) * 100
        bottom = np.zeros(len(months))
        for shade, category in zip(shades, categories, strict=True):
            ax.bar(x, share[category].to_numpy(), 0.36, bottom=bottom, color=shade,
                   edgecolor=colour, linewidth=1.4)  # fmt: skip
            bottom = bottom + share[category].fillna(0).to_numpy()
        ax.plot(x, np.full(len(months), -4.0), linestyle="", marker=marker, color=colour,
                clip_on=False, label=group)  # fmt: skip
    handles = [mpl.patches.Patch(color=s, label=c) for s, c in zip(shades, categories, strict=True)]
    arms = ax.get_legend_handles_labels()[0]
    ax.legend(handles=arms + handles[::-1], loc="upper left", bbox_to_anchor=(1.0, 1.0))
    month_axis(ax, months)
    ax.set_ylabel("Participants (%)")
    ax.set_ylim(0, 100)
    ax.set_title(title, loc="left")
    fig.tight_layout()
    return fig
