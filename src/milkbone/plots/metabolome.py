"""Metabolome figures (paper Figures 5–6): heat map, PLS-DA scores and permutations,
volcano plots, pathway dots and ROC curves.

Tidy result frames of :mod:`milkbone.analysis.metabolome` in, ``matplotlib.figure.Figure``
out, ``ax=`` optional; no statistics here. Arms use :data:`~milkbone.plots.style.ARM_STYLE`
(HCM blue circles first, CM orange squares); diverging maps are ``RdBu_r`` centred at 0,
sequential ones ``viridis``; up- and down-regulated features are vermillion triangles up
and sky-blue triangles down (the paper's red and green are not told apart by many
readers).
"""

from __future__ import annotations

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from milkbone._validate import require_columns
from milkbone.plots.style import ARM_STYLE, PUBLISHED_COLOUR, figure_and_axes

__all__ = [
    "REGULATION_STYLE",
    "differential_heatmap",
    "pathway_dots",
    "permutation_plot",
    "roc_curves",
    "score_plot",
    "volcano_plot",
]

REGULATION_STYLE = {"up": ("#D55E00", "^"), "down": ("#56B4E9", "v"), "": ("#BBBBBB", ".")}
"""Colour and marker of up-, down- and not selected features (Okabe–Ito vermillion, sky blue)."""

OTHER_LABELS = ("#009E73", "#CC79A7", "#F0E442", "#000000")
"""Colours of labels that are not arms (e.g. visits), in order of appearance."""

CURVE_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442")
"""Okabe–Ito colours for one line per feature (ROC curves)."""


def differential_heatmap(
    means: pd.DataFrame, *, value: str = "z", ax: mpl.axes.Axes | None = None
) -> mpl.figure.Figure:
    """Heat map of features × (arm, visit) cells, as paper Figure 5A (seaborn).

    Parameters
    ----------
    means : DataFrame
        ``feature_means`` output (``feature, group, month`` and ``value``).
    value : str, default "z"
        Column coloured: ``z`` (row-standardised log2 means) on ``RdBu_r`` centred at 0.
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.figure.Figure
        One row per feature in input order; columns HCM then CM, months ascending.
    """
    import seaborn as sns

    require_columns(means, ["feature", "group", "month", value], name="means")
    grid = means.pivot_table(index="feature", columns=["group", "month"], values=value)
    order = [(g, m) for g in ARM_STYLE for m in sorted(means["month"].unique())]
    grid = grid.reindex(index=pd.unique(means["feature"]), columns=order)
    grid.columns = [f"{g} {m}" for g, m in order]
    if ax is None:
        longest = max((len(str(label)) for label in grid.index), default=0)
        width = 2.0 + 0.075 * longest + 0.6 * grid.shape[1]  # names never squeeze the cells
        _, ax = plt.subplots(figsize=(width, 0.22 * len(grid) + 1.6))
    # symmetric limits centre RdBu_r at 0 (seaborn's center= calls a deprecated matplotlib API)
    limit = float(np.nanmax(np.abs(grid.to_numpy()))) if grid.size else 1.0
    sns.heatmap(
        grid, cmap="RdBu_r", vmin=-limit, vmax=limit, linewidths=0.4, ax=ax,
        cbar_kws={"label": "row z-score of log2 mean" if value == "z" else value},
    )  # fmt: skip
    ax.set(xlabel="arm and month", ylabel="")
    ax.grid(False)
    ax.figure.tight_layout()
    return ax.figure


def _label_style(labels) -> dict:
    others = iter(OTHER_LABELS)
    arms = [g for g in ARM_STYLE if g in set(labels)]
    rest = [v for v in pd.unique(labels) if v not in ARM_STYLE]
    return {**{g: ARM_STYLE[g] for g in arms}, **{v: (next(others), "D") for v in rest}}


def score_plot(
    scores: pd.DataFrame,
    *,
    components: pd.DataFrame | None = None,
    x: str = "t1",
    y: str | None = "t2",
    ax: mpl.axes.Axes | None = None,
) -> mpl.figure.Figure:
    """PLS-DA score plot (paper Figure 6 A–B): one point per sample, coloured by label.

    Parameters
    ----------
    scores : DataFrame
        ``PlsdaResult.scores`` (``label`` and the score columns ``x``, ``y``).
    components : DataFrame, optional
        ``PlsdaResult.components``: adds each axis's R2X to its label.
    x, y : str, default "t1", "t2"
        Score columns to draw. ``y=None`` (a one-component model) draws ``x`` as one
        strip per label instead.
    ax : matplotlib.axes.Axes, optional
    """
    require_columns(scores, ["label", x] + ([y] if y else []), name="scores")
    fig, ax = figure_and_axes(ax)
    styles = _label_style(scores["label"])
    for row, (label, (colour, marker)) in enumerate(styles.items()):
        part = scores[scores["label"] == label]
        height = part[y] if y else np.full(len(part), -row, dtype=float)
        ax.scatter(part[x], height, c=colour, marker=marker, s=22, alpha=0.8, label=str(label))
    names = {}
    if components is not None:
        require_columns(components, ["component", "r2x"], name="components")
        r2x = components.set_index("component")["r2x"]
        names = {f"t{c}": f"t{c} (R2X {100 * v:.1f}%)" for c, v in r2x.items()}
    ax.axvline(0, color="grey", linewidth=0.6)
    if y:
        ax.axhline(0, color="grey", linewidth=0.6)
    else:
        ax.set_yticks(-np.arange(len(styles)), [str(label) for label in styles])
    ax.set(xlabel=names.get(x, x), ylabel=names.get(y, y) if y else "")
    ax.legend(loc="best")
    fig.tight_layout()
    return fig


def permutation_plot(permutations: pd.DataFrame, *, ax: mpl.axes.Axes | None = None):
    """ropls's permutation plot: R2Y(cum) and Q2(cum) against label similarity.

    Permuted models are small markers; the true model (``permutation`` 0, similarity 1)
    is large with a black edge. If the permuted Q2 values reach the true one, the
    model's Q2 is what chance labels give.

    Parameters
    ----------
    permutations : DataFrame
        ``PlsdaResult.permutations`` (``permutation, similarity, r2y_cum, q2_cum``).
    ax : matplotlib.axes.Axes, optional
    """
    require_columns(
        permutations, ["permutation", "similarity", "r2y_cum", "q2_cum"], name="permutations"
    )
    fig, ax = figure_and_axes(ax)
    true = permutations["permutation"] == 0
    for column, (colour, marker, name) in {
        "r2y_cum": ("#009E73", "o", "R2Y(cum)"),
        "q2_cum": ("#CC79A7", "s", "Q2(cum)"),
    }.items():
        ax.scatter(
            permutations.loc[~true, "similarity"], permutations.loc[~true, column],
            c=colour, marker=marker, s=14, alpha=0.6, label=f"{name}, permuted",
        )  # fmt: skip
        ax.scatter(
            permutations.loc[true, "similarity"], permutations.loc[true, column], c=colour,
            marker=marker, s=70, edgecolors=PUBLISHED_COLOUR, label=f"{name}, true labels",
        )  # fmt: skip
    ax.axhline(0, color="grey", linewidth=0.6)
    ax.set(xlabel="similarity of permuted to true labels", ylabel="R2Y(cum), Q2(cum)")
    ax.legend(loc="best", fontsize=8)
    fig.tight_layout()
    return fig


def volcano_plot(
    table: pd.DataFrame,
    *,
    fold_change: tuple[float, float] = (0.5, 2.0),
    p: float = 0.05,
    ax: mpl.axes.Axes | None = None,
) -> mpl.figure.Figure:
    """Volcano plot (paper Figure 6 C–D): log2 FC against −log10 p, selected features marked.

    Parameters
    ----------
    table : DataFrame
        ``select_features`` output (``log2_fold_change, p, direction``).
    fold_change : pair of float, default (0.5, 2.0)
        The rule's fold-change cut-offs, drawn as dashed lines (§2.4's by default;
        pass ``(0.833, 1.2)`` for §3.5's).
    p : float, default 0.05
        The rule's p cut-off, drawn as a dashed line.
    ax : matplotlib.axes.Axes, optional
    """
    require_columns(table, ["log2_fold_change", "p", "direction"], name="table")
    fig, ax = figure_and_axes(ax)
    for direction in ("", "up", "down"):
        part = table[table["direction"] == direction]
        colour, marker = REGULATION_STYLE[direction]
        name = {"": "not selected", "up": "up", "down": "down"}[direction]
        ax.scatter(
            part["log2_fold_change"], -np.log10(part["p"]), c=colour, marker=marker,
            s=18 if direction else 8, label=f"{name} ({len(part)})",
        )  # fmt: skip
    for cut in fold_change:
        ax.axvline(np.log2(cut), color="grey", linestyle="--", linewidth=0.8)
    ax.axhline(-np.log10(p), color="grey", linestyle="--", linewidth=0.8)
    ax.set(xlabel="log2 fold change", ylabel="−log10 p")
    ax.legend(loc="best", fontsize=8)
    fig.tight_layout()
    return fig


def pathway_dots(
    enrichment: pd.DataFrame, *, top: int = 15, ax: mpl.axes.Axes | None = None
) -> mpl.figure.Figure:
    """Pathway dot plot (paper Figures 5B, 6E): hits / pathway size per pathway.

    Dot colour is −log10 p (``viridis``), dot size the number of hits; the ``top``
    pathways with the smallest p are drawn, smallest at the top.

    Parameters
    ----------
    enrichment : DataFrame
        ``over_representation`` output (``pathway, total, hits, p``).
    top : int, default 15
    ax : matplotlib.axes.Axes, optional
    """
    require_columns(enrichment, ["pathway", "total", "hits", "p"], name="enrichment")
    rows = enrichment.nsmallest(top, "p").iloc[::-1]
    if ax is None:
        _, ax = plt.subplots(figsize=(6.4, 0.3 * len(rows) + 1.4))
    points = ax.scatter(
        rows["hits"] / rows["total"], np.arange(len(rows)), c=-np.log10(rows["p"]),
        s=30 + 25 * rows["hits"], cmap="viridis", edgecolors="black", linewidths=0.4,
    )  # fmt: skip
    ax.set_yticks(np.arange(len(rows)), rows["pathway"])
    ax.set(xlabel="hits / pathway size", ylabel="")
    ax.figure.colorbar(points, ax=ax, label="−log10 p (hypergeometric)")
    sizes = sorted({int(h) for h in rows["hits"]})
    handles = [
        ax.scatter([], [], s=30 + 25 * h, c="white", edgecolors="black", label=str(h))
        for h in (sizes[0], sizes[-1]) if sizes
    ]  # fmt: skip
    ax.legend(handles=handles, title="hits", loc="lower right", fontsize=8)
    ax.figure.tight_layout()
    return ax.figure


def roc_curves(points: pd.DataFrame, *, ax: mpl.axes.Axes | None = None) -> mpl.figure.Figure:
    """ROC curves, one line per feature, with the chance diagonal (Table 6's AUCs).

    Parameters
    ----------
    points : DataFrame
        ``roc_points`` output (``feature, fpr, tpr``).
    ax : matplotlib.axes.Axes, optional
    """
    require_columns(points, ["feature", "fpr", "tpr"], name="points")
    fig, ax = figure_and_axes(ax)
    for i, (feature, curve) in enumerate(points.groupby("feature", sort=False)):
        colour = CURVE_COLOURS[i % len(CURVE_COLOURS)]
        ax.plot(curve["fpr"], curve["tpr"], color=colour, label=feature)
    ax.plot([0, 1], [0, 1], color="grey", linestyle="--", linewidth=0.8)
    ax.set(xlabel="false positive rate", ylabel="true positive rate", xlim=(0, 1), ylim=(0, 1))
    ax.set_aspect("equal")
    ax.legend(loc="lower right", fontsize=7)
    fig.tight_layout()
    return fig
