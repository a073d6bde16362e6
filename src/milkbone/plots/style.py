"""The book's plot style: arm colours and markers, figure size, resolution, defaults.

Every figure function in :mod:`milkbone.plots` draws the arms with :data:`ARM_STYLE`
(Okabe–Ito blue and orange, readable with common colour-vision deficiencies, with
distinct markers so greyscale still separates them), HCM first.
"""

from __future__ import annotations

import matplotlib as mpl
import matplotlib.pyplot as plt

__all__ = [
    "ARM_OFFSET",
    "ARM_STYLE",
    "FIGURE_DPI",
    "FIGURE_SIZE",
    "PUBLISHED_COLOUR",
    "figure_and_axes",
    "month_axis",
    "use_style",
]

ARM_STYLE = {"HCM": ("#0072B2", "o"), "CM": ("#E69F00", "s")}
"""Colour and marker per arm: Okabe–Ito blue and orange, distinct markers for greyscale."""

ARM_OFFSET = {"HCM": -0.2, "CM": 0.2}
"""Horizontal offset of each arm's mark from its visit's position (visit i sits at x = i)."""

PUBLISHED_COLOUR = "black"
"""Colour of published reference values drawn beside computed ones."""

FIGURE_SIZE = (6.4, 4.0)
"""Default figure size in inches."""

FIGURE_DPI = 110
"""Resolution of shown and saved figures."""


def use_style() -> None:
    """Set the book's plot defaults once per notebook (fonts, grid, no date metadata)."""
    mpl.rcParams.update(
        {
            "figure.figsize": FIGURE_SIZE,
            "figure.dpi": FIGURE_DPI,
            "savefig.dpi": FIGURE_DPI,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.grid": True,
            "grid.alpha": 0.3,
            "font.size": 10,
            "legend.frameon": False,
            "image.cmap": "viridis",
        }
    )


def figure_and_axes(ax: mpl.axes.Axes | None = None) -> tuple[mpl.figure.Figure, mpl.axes.Axes]:
    """``ax`` and its figure, or a new figure of :data:`FIGURE_SIZE` with one axes.

    Examples
    --------
    >>> fig, ax = figure_and_axes()
    >>> figure_and_axes(ax)[0] is fig
    True
    >>> plt.close(fig)
    """
    if ax is None:
        return plt.subplots(figsize=FIGURE_SIZE)
    return ax.figure, ax


def month_axis(ax: mpl.axes.Axes, months) -> None:
    """Put the visits at x = 0, 1, 2, … labelled by their month, with the axis title.

    Examples
    --------
    >>> fig, ax = plt.subplots()
    >>> month_axis(ax, [0, 6, 12])
    >>> [t.get_text() for t in ax.get_xticklabels()], ax.get_xlabel()
    (['0', '6', '12'], 'Months')
    >>> plt.close(fig)
    """
    ax.set_xticks(range(len(months)), [str(m) for m in months])
    ax.set_xlabel("Months")
