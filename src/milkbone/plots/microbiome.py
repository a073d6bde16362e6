"""Gut-microbiota figures (paper §3.4): Figure 3A–E and 4A–L.

Tidy result frames of :mod:`milkbone.analysis.microbiome` in, a
``matplotlib.figure.Figure`` out, ``ax=`` optional; no statistics here. Arms in
:data:`~milkbone.plots.style.ARM_STYLE` (HCM blue ● first, CM orange ■), published
values in black.
"""

from __future__ import annotations

from collections.abc import Mapping

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from milkbone._validate import require_columns
from milkbone.plots import style

__all__ = ["arm_boxes", "composition_bars", "forest_roc_curves", "importance_bars", "pcoa_scatter"]

OTHER_COLOUR = "0.8"
"""Colour of the pooled remainder in the composition bars."""


def arm_boxes(
    values: pd.DataFrame, *, value: str = "value", ylabel: str,
    published: pd.DataFrame | None = None, marks: Mapping[int, str] | None = None,
    show_points: bool = True, ax: mpl.axes.Axes | None = None,
) -> mpl.figure.Figure:  # fmt: skip
    """Box plots per arm and visit with the samples on top (Figure 3A–B, 4A–I).

    Parameters
    ----------
    values : pandas.DataFrame
        Long frame with ``group``, ``month`` and the ``value`` column, e.g.
        :func:`~milkbone.analysis.microbiome.alpha_diversity` rows of one metric (with
        ``samples``) or :func:`~milkbone.analysis.microbiome.abundance_long` rows of
        one taxon (``value="relative_abundance"``).
    value : str
        Column to draw.
    ylabel : str
        Axis label, e.g. ``"Shannon index (nats)"``.
    published : pandas.DataFrame, optional
        ``group, month, mean`` printed in the paper, drawn as black open markers.
    marks : mapping, optional
        Text above a visit (e.g. ``{0: "*"}`` from a test computed elsewhere).
    show_points : bool
        Draw each sample on its box (false on real data: one point is one woman).
    ax : matplotlib.axes.Axes, optional
        Draw into this axes; default a new figure.

    Examples
    --------
    >>> frame = pd.DataFrame({"group": ["HCM", "CM"] * 6, "month": [0] * 4 + [6] * 4 + [12] * 4,
    ...                       "value": np.arange(12.0)})
    >>> fig = arm_boxes(frame, ylabel="Chao1", marks={6: "*"})
    >>> [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    ['HCM', 'CM']
    >>> plt.close(fig)
    """
    require_columns(values, ["group", "month", value], name="values")
    own_figure = ax is None  # lay out only a figure drawn here; a caller lays out its grid
    fig, ax = style.figure_and_axes(ax)
    ax.set_ylabel(ylabel)
    months = sorted(values["month"].unique())
    for group, (colour, marker) in style.ARM_STYLE.items():
        cells = [values.loc[(values["group"] == group) & (values["month"] == m), value].dropna()
                 for m in months]  # fmt: skip
        x = np.arange(len(months)) + style.ARM_OFFSET[group]
        ax.boxplot(cells, positions=x, widths=0.32, showfliers=False, patch_artist=True,
                   boxprops={"facecolor": mpl.colors.to_rgba(colour, 0.25), "edgecolor": colour},
                   medianprops={"color": colour}, whiskerprops={"color": colour},
                   capprops={"color": colour})  # fmt: skip
        jitter = np.random.default_rng(0)  # fixed jitter: same figure bytes every run
        for position, cell in zip(x, cells, strict=True) if show_points else ():
            ax.scatter(position + jitter.uniform(-0.08, 0.08, len(cell)), cell, s=9,
                       color=colour, marker=marker, alpha=0.6, linewidths=0)  # fmt: skip
        ax.scatter([], [], color=colour, marker=marker, label=group)
    if published is not None:
        require_columns(published, ["group", "month", "mean"], name="published")
        for row in published.itertuples():
            x = months.index(row.month) + style.ARM_OFFSET[row.group]
            ax.scatter(x, row.mean, marker=style.ARM_STYLE[row.group][1], facecolors="none",
                       edgecolors=style.PUBLISHED_COLOUR, s=50, zorder=4)  # fmt: skip
        ax.scatter([], [], marker="o", facecolors="none", edgecolors=style.PUBLISHED_COLOUR,
                   label="published mean")  # fmt: skip
    for month, text in (marks or {}).items():
        ax.annotate(text, (months.index(month), 1.0), xycoords=("data", "axes fraction"),
                    ha="center", va="top")  # fmt: skip
    style.month_axis(ax, months)
    ax.legend(loc="best")
    if own_figure:
        fig.tight_layout()
    return fig


def pcoa_scatter(
    coordinates: pd.DataFrame, axes: pd.DataFrame, *, x: str = "pc1", y: str = "pc2",
    ax: mpl.axes.Axes | None = None,
) -> mpl.figure.Figure:  # fmt: skip
    """Samples on two principal coordinates, by arm (Figure 3C).

    The axis labels give the percentage explained and its denominator, from the
    :func:`~milkbone.analysis.microbiome.pcoa` result's ``axes`` frame.

    Examples
    --------
    >>> coordinates = pd.DataFrame({"group": ["HCM", "CM"], "pc1": [0.1, -0.1],
    ...                             "pc2": [0.2, 0.0]})
    >>> axes = pd.DataFrame({"axis": ["pc1", "pc2"], "proportion_explained": [0.0709, 0.0668],
    ...                      "denominator": "trace"})
    >>> fig = pcoa_scatter(coordinates, axes)
    >>> fig.axes[0].get_xlabel()
    'PC1 (7.1 % of the trace)'
    >>> plt.close(fig)
    """
    require_columns(coordinates, ["group", x, y], name="coordinates")
    require_columns(axes, ["axis", "proportion_explained", "denominator"], name="axes")
    fig, ax = style.figure_and_axes(ax)
    for group, (colour, marker) in style.ARM_STYLE.items():
        part = coordinates[coordinates["group"] == group]
        ax.scatter(part[x], part[y], color=colour, marker=marker, s=22, alpha=0.8, label=group)
    words = {"trace": "of the trace", "positive": "of positive eigenvalues"}
    shares = axes.set_index("axis")
    for axis, setter in ((x, ax.set_xlabel), (y, ax.set_ylabel)):
        share, denominator = shares.loc[axis, ["proportion_explained", "denominator"]]
        setter(f"{axis.upper()} ({100 * share:.1f} % {words.get(denominator, denominator)})")
    ax.axhline(0, color="0.7", linewidth=0.6)
    ax.axvline(0, color="0.7", linewidth=0.6)
    ax.legend(loc="best")
    fig.tight_layout()
    return fig


def composition_bars(
    top: pd.DataFrame, *, ylabel: str = "Relative abundance", other: str = "Other",
    ax: mpl.axes.Axes | None = None,
) -> mpl.figure.Figure:  # fmt: skip
    """Stacked mean relative abundance per arm and visit (Figure 3D–E).

    Parameters
    ----------
    top : pandas.DataFrame
        :func:`~milkbone.analysis.microbiome.top_taxa` output (``group, month, taxon,
        rank, mean_relative_abundance``). Bars: HCM 0, 6, 12 months, then CM.

    Examples
    --------
    >>> top = pd.DataFrame({"group": ["HCM", "HCM", "CM", "CM"], "month": 0,
    ...                     "taxon": ["Firmicutes", "Other"] * 2, "rank": [1, 2] * 2,
    ...                     "mean_relative_abundance": [0.6, 0.4, 0.5, 0.5]})
    >>> fig = composition_bars(top)
    >>> [t.get_text() for t in fig.axes[0].get_xticklabels()]
    ['HCM\\n0', 'CM\\n0']
    >>> plt.close(fig)
    """
    require_columns(top, ["group", "month", "taxon", "rank", "mean_relative_abundance"],
                    name="top")  # fmt: skip
    fig, ax = style.figure_and_axes(ax)
    order = top.groupby("taxon")["rank"].min().sort_values(kind="stable").index.tolist()
    order = [t for t in order if t != other] + ([other] if other in order else [])
    bars = [(g, m) for g in style.ARM_STYLE for m in sorted(top["month"].unique())
            if ((top["group"] == g) & (top["month"] == m)).any()]  # fmt: skip
    table = top.pivot_table(index=["group", "month"], columns="taxon", aggfunc="sum",
                            values="mean_relative_abundance").fillna(0.0)  # fmt: skip
    # taxa by rank along viridis (readable in greyscale and with colour-vision deficiencies)
    colours = plt.get_cmap("viridis")(np.linspace(0.0, 0.95, max(len(order), 1)))
    bottom = np.zeros(len(bars))
    for i, taxon in enumerate(order):
        heights = np.array([table.loc[bar, taxon] for bar in bars])
        colour = OTHER_COLOUR if taxon == other else colours[i]
        ax.bar(range(len(bars)), heights, bottom=bottom, color=colour, label=taxon,
               edgecolor="white", linewidth=0.5)  # fmt: skip
        bottom += heights
    ax.set_xticks(range(len(bars)), [f"{g}\n{m}" for g, m in bars])
    for tick, (group, _) in zip(ax.get_xticklabels(), bars, strict=True):
        tick.set_color(style.ARM_STYLE[group][0])
    ax.set_xlabel("Arm and month")
    ax.set_ylabel(ylabel)
    ax.set_ylim(0, 1)
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize="small", reverse=True)
    fig.tight_layout()
    return fig


def forest_roc_curves(
    roc: pd.DataFrame, summary: pd.DataFrame, *, ax: mpl.axes.Axes | None = None
) -> mpl.figure.Figure:
    """Cross-validated ROC curve of each visit's forest, AUC in the legend (Figure 4J–L).

    Examples
    --------
    >>> roc = pd.DataFrame({"month": 6, "fpr": [0, 0.5, 1], "tpr": [0, 0.8, 1]})
    >>> summary = pd.DataFrame({"month": [6], "auc": [0.65]})
    >>> fig = forest_roc_curves(roc, summary)
    >>> fig.axes[0].get_legend().get_texts()[0].get_text()
    '6 months (AUC 0.65)'
    >>> plt.close(fig)
    """
    require_columns(roc, ["month", "fpr", "tpr"], name="roc")
    require_columns(summary, ["month", "auc"], name="summary")
    fig, ax = style.figure_and_axes(ax)
    months = sorted(roc["month"].unique())
    colours = plt.get_cmap("viridis")(np.linspace(0.1, 0.8, max(len(months), 1)))
    aucs = summary.set_index("month")["auc"]
    for colour, month in zip(colours, months, strict=True):
        curve = roc[roc["month"] == month]
        ax.plot(curve["fpr"], curve["tpr"], color=colour, drawstyle="steps-post",
                label=f"{month} months (AUC {aucs[month]:.2f})")  # fmt: skip
    ax.plot([0, 1], [0, 1], color="0.6", linestyle="--", linewidth=0.8)
    ax.set_xlabel("False positive rate (1 − specificity)")
    ax.set_ylabel("True positive rate (sensitivity)")
    ax.set_aspect("equal")
    ax.legend(loc="lower right")
    fig.tight_layout()
    return fig


def importance_bars(
    importance: pd.DataFrame, *, month: int, top: int = 25,
    column: str = "impurity_importance", ax: mpl.axes.Axes | None = None,
) -> mpl.figure.Figure:  # fmt: skip
    """The ``top`` taxa of one visit's forest by importance, largest on top (Figure 4J–L).

    Examples
    --------
    >>> importance = pd.DataFrame({"month": 6, "taxon": ["a", "b"],
    ...                            "impurity_importance": [0.7, 0.3]})
    >>> fig = importance_bars(importance, month=6)
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
    ['b', 'a']
    >>> plt.close(fig)
    """
    require_columns(importance, ["month", "taxon", column], name="importance")
    rows = importance[importance["month"] == month].nlargest(top, column, keep="first")
    if rows.empty:
        raise ValueError(f"importance has no rows for month {month!r}")
    fig, ax = style.figure_and_axes(ax)
    rows = rows.iloc[::-1]
    ax.barh(range(len(rows)), rows[column], color="0.35")
    ax.set_yticks(range(len(rows)), rows["taxon"])
    words = {"impurity_importance": "Mean decrease in impurity",
             "permutation_importance": "Mean decrease in score (permutation)"}  # fmt: skip
    ax.set_xlabel(words.get(column, column))
    ax.set_title(f"{month} months", loc="left")
    fig.tight_layout()
    return fig
