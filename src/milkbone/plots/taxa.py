"""Several taxa or visits in one figure (paper Figure 4A–I and 4J–L).

A grid of the panels :mod:`milkbone.plots.microbiome` draws one at a time: a taxon's
abundance per arm and visit (:func:`~milkbone.plots.microbiome.arm_boxes`), a visit's
most important taxa (:func:`~milkbone.plots.microbiome.importance_bars`). Tidy frames
in, a ``matplotlib.figure.Figure`` out; no statistics here.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import matplotlib as mpl
import matplotlib.pyplot as plt
import pandas as pd

from milkbone._validate import require_columns
from milkbone.plots.microbiome import arm_boxes, importance_bars

__all__ = ["PANEL_SIZE", "forest_panels", "taxon_panels"]

PANEL_SIZE = (3.6, 3.0)
"""Width and height in inches of one taxon's panel."""

LEGEND_HEIGHT = 0.4
"""Inches above the panels for the legend they share."""


def _rows_of(frame: pd.DataFrame | None, taxon: str) -> pd.DataFrame | None:
    if frame is None:
        return None
    return frame[frame["taxon"] == taxon]


def taxon_panels(
    values: pd.DataFrame, *, taxa: Sequence[str], value: str = "relative_abundance",
    ylabel: str = "Relative abundance", published: pd.DataFrame | None = None,
    marks: pd.DataFrame | None = None, show_points: bool = True, columns: int = 4,
) -> mpl.figure.Figure:  # fmt: skip
    """One box-plot panel per taxon, arms side by side at each visit (Figure 4A–I).

    Parameters
    ----------
    values : pandas.DataFrame
        Long frame with ``taxon, group, month`` and ``value``
        (:func:`~milkbone.analysis.microbiome.abundance_long`).
    taxa : sequence of str
        The taxa to draw, one panel each, in this order.
    value, ylabel : str
        Column drawn and its axis label.
    published : pandas.DataFrame, optional
        ``taxon, group, month, mean`` printed in the paper (black open markers).
    marks : pandas.DataFrame, optional
        ``taxon, month, text``: a mark above a visit of a taxon (e.g. the stars of a
        printed p).
    show_points : bool
        Draw each sample (false on real data).
    columns : int
        Panels per row.

    Returns
    -------
    matplotlib.figure.Figure
        The panels titled with their taxon, under one legend for all of them.

    Raises
    ------
    ValueError
        If ``taxa`` is empty or names a taxon without rows in ``values``.

    Examples
    --------
    >>> values = pd.DataFrame({"taxon": ["a"] * 6 + ["b"] * 6, "group": ["HCM", "CM"] * 6,
    ...                        "month": [0, 0, 6, 6, 12, 12] * 2, "relative_abundance": 0.1})
    >>> marks = pd.DataFrame({"taxon": ["b"], "month": [6], "text": ["*"]})
    >>> fig = taxon_panels(values, taxa=["a", "b"], marks=marks)
    >>> [ax.get_title(loc="left") for ax in fig.axes], fig.axes[1].texts[0].get_text()
    (['a', 'b'], '*')
    >>> [t.get_text() for t in fig.legends[0].get_texts()]
    ['HCM', 'CM']
    >>> plt.close(fig)
    """
    require_columns(values, ["taxon", "group", "month", value], name="values")
    missing = [t for t in taxa if not (values["taxon"] == t).any()]
    if not len(taxa) or missing:
        raise ValueError(f"taxa must be a non-empty list of taxa in values; missing {missing}")
    for frame, name, needed in ((published, "published", "mean"), (marks, "marks", "text")):
        if frame is not None:
            require_columns(frame, ["taxon", "month", needed], name=name)
    rows = math.ceil(len(taxa) / columns)
    width = min(columns, len(taxa))
    height = PANEL_SIZE[1] * rows + LEGEND_HEIGHT
    fig, axes = plt.subplots(rows, width, squeeze=False,
                             figsize=(PANEL_SIZE[0] * width, height))  # fmt: skip
    for ax, taxon in zip(axes.flat, taxa, strict=False):
        mark = _rows_of(marks, taxon)
        arm_boxes(
            values[values["taxon"] == taxon], value=value, ylabel=ylabel, ax=ax,
            published=_rows_of(published, taxon), show_points=show_points,
            marks=None if mark is None else dict(zip(mark["month"], mark["text"], strict=True)),
        )  # fmt: skip
        ax.set_title(taxon, loc="left", fontsize=10)
    handles, labels = axes.flat[0].get_legend_handles_labels()
    for ax in axes.flat[: len(taxa)]:
        ax.get_legend().remove()
    for ax in axes.flat[len(taxa) :]:
        ax.remove()
    fig.legend(handles, labels, loc="upper center", ncol=len(labels), frameon=False)
    fig.tight_layout(rect=(0, 0, 1, 1 - LEGEND_HEIGHT / height))
    return fig


def forest_panels(
    importance: pd.DataFrame, *, months: Sequence[int] | None = None, top: int = 25,
    column: str = "impurity_importance",
) -> mpl.figure.Figure:  # fmt: skip
    """The ``top`` taxa of each visit's forest, one panel per visit (Figure 4J–L).

    Parameters
    ----------
    importance : pandas.DataFrame
        :func:`~milkbone.analysis.microbiome.random_forest` ``importance`` frame.
    months : sequence of int, optional
        Visits, one panel each (default: all in ``importance``).
    top : int
        Taxa per panel, largest on top (the paper: 25).
    column : str
        ``"impurity_importance"`` or ``"permutation_importance"``.

    Examples
    --------
    >>> importance = pd.DataFrame({"month": [0, 0, 6, 6], "taxon": ["a", "b", "a", "b"],
    ...                            "impurity_importance": [0.7, 0.3, 0.2, 0.8]})
    >>> fig = forest_panels(importance, top=1)
    >>> [ax.get_yticklabels()[0].get_text() for ax in fig.axes]
    ['a', 'b']
    >>> plt.close(fig)
    """
    require_columns(importance, ["month", "taxon", column], name="importance")
    chosen = sorted(importance["month"].unique()) if months is None else list(months)
    fig, axes = plt.subplots(1, len(chosen), squeeze=False,
                             figsize=(4.2 * len(chosen), 1.0 + 0.2 * top))  # fmt: skip
    for ax, month in zip(axes.flat, chosen, strict=True):
        importance_bars(importance, month=month, top=top, column=column, ax=ax)
    fig.tight_layout()
    return fig
