"""Saving a figure: a PNG of fixed size and no date, a JSON sidecar, a caption.

The PNG has twice the pixels it is shown with (:data:`PIXEL_SCALE`), so it stays
sharp on high-resolution screens; the same figure gives the same bytes. The sidecar
holds the caption, the evidence level, the source notebook and the parameters of the
run, so every image of the book can be traced to what made it.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import matplotlib as mpl
import matplotlib.pyplot as plt

from milkbone import paths
from milkbone.plots.style import FIGURE_DPI
from milkbone.report.disclosure import check_figure
from milkbone.report.evidence import caption_markdown, check_evidence, source_notebook

__all__ = [
    "FIGURES_VARIABLE",
    "FIGURE_NAME",
    "PARAMETERS_VARIABLE",
    "PIXEL_SCALE",
    "mark_simulated",
    "save",
]

FIGURE_NAME = re.compile(r"[a-z0-9_]+")
"""File stems of saved figures: ``fig2a``, ``table3``, ``reanalysis_<slug>``."""

PARAMETERS_VARIABLE = "MILKBONE_PARAMETERS"
"""Environment variable in which the build passes the run's parameters (JSON)."""

FIGURES_VARIABLE = "MILKBONE_FIGURES"
"""Environment variable naming the figure folder of a run outside the book (``milkbone
run``), so its figures, perhaps of real data, never replace the book's."""

PIXEL_SCALE = 2
"""Pixels saved per pixel shown (a "2×" image): sharp on high-resolution screens."""


def mark_simulated(fig: mpl.figure.Figure) -> None:
    """Write *simulated* just above the top right corner of every axes, so a screenshot
    keeps it; outside the plotting area, it covers no mark.

    Examples
    --------
    >>> fig, axes = plt.subplots(1, 2)
    >>> mark_simulated(fig)
    >>> [ax.texts[0].get_text() for ax in axes]
    ['simulated', 'simulated']
    >>> plt.close(fig)
    """
    for ax in fig.axes:
        if ax.get_label() == "<colorbar>":  # a colour bar belongs to an axes marked already
            continue
        ax.text(
            1.0,
            1.01,
            "simulated",
            transform=ax.transAxes,
            ha="right",
            va="bottom",
            fontsize=8,
            color="0.45",
            style="italic",
        )


def save(
    fig: mpl.figure.Figure,
    name: str,
    *,
    caption: str,
    evidence: str,
    n: int | None = None,
    directory: str | os.PathLike[str] | None = None,
) -> None:
    """Save ``fig`` as PNG with a JSON sidecar, then show it with its caption.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        The figure; it is closed afterwards.
    name : str
        File stem, following the paper (``fig1``, ``fig2a``, ``table3``) or
        ``reanalysis_<slug>`` for ours.
    caption : str
        MyST text of the caption, without the evidence label or the source notebook
        (both added here).
    evidence : str
        Evidence level of what the figure shows. A ``simulated`` figure gets the
        word *simulated* in a corner of every axes, so a screenshot keeps it.
    n : int, optional
        The fewest people any mark of the figure describes; on ``observed`` data a
        figure with ``n`` below five is refused.
    directory : path-like, optional
        Where to write; default the folder in ``MILKBONE_FIGURES`` if set (a
        ``milkbone run``), else ``_generated/figures`` (the book's).

    Returns
    -------
    None
        The PNG is ``<directory>/<name>.png`` (at :data:`PIXEL_SCALE` times the
        resolution it is shown at) with ``<name>.json`` beside it.

    Raises
    ------
    ValueError
        If ``name`` is not lower-case letters, digits and underscores, the evidence
        level is unknown, or an observed figure describes too few people.
    """
    check_evidence(evidence)
    if not FIGURE_NAME.fullmatch(name):
        raise ValueError(f"figure name {name!r} must be lower-case letters, digits, underscores")
    check_figure(name, evidence=evidence, n=n)
    if evidence == "simulated":
        mark_simulated(fig)
    folder = Path(directory or os.environ.get(FIGURES_VARIABLE) or paths.FIGURES)
    folder.mkdir(parents=True, exist_ok=True)
    png = folder / f"{name}.png"
    fig.savefig(png, dpi=FIGURE_DPI * PIXEL_SCALE, bbox_inches="tight", metadata={"Software": None})
    sidecar = {
        "name": name,
        "caption": caption,
        "evidence": evidence,
        "notebook": source_notebook(),
        "parameters": json.loads(os.environ.get(PARAMETERS_VARIABLE, "{}")),
    }
    png.with_suffix(".json").write_text(json.dumps(sidecar, indent=2, sort_keys=True) + "\n")
    plt.close(fig)
    from IPython.display import Image, Markdown, display

    display(Image(filename=str(png), retina=PIXEL_SCALE == 2))  # shown at half its pixels
    display(Markdown(caption_markdown(caption, evidence)))
