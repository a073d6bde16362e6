"""The paper's proposed mechanism (Figure 8), redrawn with the evidence behind each arrow.

Boxes sit where ``data/curated/figure8_nodes.csv`` places them; each arrow is drawn in the
style of its evidence category (:func:`milkbone.analysis.mechanism.edge_evidence`), so the
share of the mechanism that rests on tested results shows at a glance. Styles differ in
line pattern and width as well as colour, so the figure reads in greyscale.
"""

from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch

from milkbone._validate import require_columns

__all__ = ["EDGE_STYLE", "mechanism_diagram"]

EDGE_STYLE = {
    "contradicted by the audit": {"color": "#CC79A7", "linestyle": "-", "linewidth": 2.6},
    "recomputed": {"color": "#009E73", "linestyle": "-", "linewidth": 2.6},
    "published association": {"color": "#0072B2", "linestyle": "--", "linewidth": 1.8},
    "simulated only": {"color": "#E69F00", "linestyle": "-.", "linewidth": 1.6},
    "never tested in the paper": {"color": "0.55", "linestyle": ":", "linewidth": 1.4},
}
"""Line style of each evidence category (Okabe–Ito colours; no red against green)."""

_BOX = {"boxstyle": "round,pad=0.35", "facecolor": "white", "edgecolor": "0.25"}
_KIND_FILL = {"intervention": "#E8F1F8", "outcome": "#F3F3F3", "pathway": "#FBF6E9"}


def _label(text: str) -> str:
    return "\n".join(textwrap.wrap(text.replace("; ", ", "), width=22))


def mechanism_diagram(nodes: pd.DataFrame, edges: pd.DataFrame) -> Figure:
    """Draw Figure 8 from its boxes and its arrows' evidence categories.

    Parameters
    ----------
    nodes : pandas.DataFrame
        ``node_id, label, kind, x, y`` (from :func:`milkbone.published.curated.mechanism`).
    edges : pandas.DataFrame
        ``source, target, category`` (from :func:`milkbone.analysis.mechanism.edge_evidence`),
        optionally ``bend`` (the arc's curvature; default 0.08).

    Returns
    -------
    matplotlib.figure.Figure
        One axes; a legend below it counts the arrows of each category.
    """
    require_columns(nodes, ["node_id", "label", "kind", "x", "y"], name="nodes")
    require_columns(edges, ["source", "target", "category"], name="edges")
    fig, ax = plt.subplots(figsize=(10.0, 6.4))
    where = nodes.set_index("node_id")
    texts = {}
    for node in nodes.itertuples(index=False):
        style = {**_BOX, "facecolor": _KIND_FILL.get(node.kind, "white")}
        texts[node.node_id] = ax.text(
            node.x, node.y, _label(node.label), ha="center", va="center", fontsize=8, bbox=style
        )
    bends = edges["bend"] if "bend" in edges.columns else pd.Series(0.08, index=edges.index)
    for edge, bend in zip(edges.itertuples(index=False), bends, strict=True):
        start, end = where.loc[edge.source], where.loc[edge.target]
        arrow = FancyArrowPatch(
            (start.x, start.y),
            (end.x, end.y),
            patchA=texts[edge.source].get_bbox_patch(),
            patchB=texts[edge.target].get_bbox_patch(),
            arrowstyle="-|>",
            mutation_scale=16,
            connectionstyle=f"arc3,rad={bend}",
            **EDGE_STYLE[edge.category],
        )
        ax.add_patch(arrow)
    counts = edges["category"].value_counts()
    handles = [
        Line2D([], [], **style, label=f"{category} ({counts.get(category, 0)})")
        for category, style in EDGE_STYLE.items()
    ]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.02), ncol=3, fontsize=8)
    ax.set_xlim(nodes["x"].min() - 0.7, nodes["x"].max() + 0.7)
    ax.set_ylim(nodes["y"].min() - 0.6, nodes["y"].max() + 0.6)
    ax.set_axis_off()
    return fig
