"""Figures, tables and glued numbers, each carrying its evidence level.

Everything a notebook shows passes through this module, so that every figure,
table and number in the book says how far it can be trusted (DESIGN.md, "The
honesty model"):

- :func:`glue` stores a number for the prose (myst-nb ``{glue:text}``) and records
  its evidence level;
- :func:`save` writes a figure as PNG plus a JSON sidecar, then shows it with a
  caption that opens with its evidence level;
- :func:`show_table` shows a table under such a caption;
- :func:`evidence_table` lists what the notebook glued, with levels.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from . import EVIDENCE_LEVELS, _disclosure, _paths

__all__ = [
    "ARM_STYLE",
    "EVIDENCE_LABELS",
    "badge",
    "evidence_table",
    "glue",
    "save",
    "show_table",
    "use_style",
]

ARM_STYLE = {"HCM": ("#0072B2", "o"), "CM": ("#E69F00", "s")}
"""Colour and marker per arm: Okabe–Ito blue and orange, distinct markers for greyscale."""

PUBLISHED_COLOUR = "black"

EVIDENCE_LABELS = {
    "published": "Published",
    "recomputed": "Recomputed",
    "simulated": "Simulated",
    "not-verifiable": "Not verifiable",
}

_BADGE_ROLE = {
    "published": "bdg-primary",
    "recomputed": "bdg-success",
    "simulated": "bdg-warning",
    "not-verifiable": "bdg-secondary",
}

GLUE_KEY = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+){1,4}$")
FIGURE_SIZE = (6.4, 4.0)
FIGURE_DPI = 110


@dataclass(frozen=True)
class _Glued:
    key: str
    value: object
    evidence: str


_glued: dict[str, _Glued] = {}


def _check_evidence(evidence: str) -> str:
    if evidence not in EVIDENCE_LEVELS:
        raise ValueError(f"evidence must be one of {EVIDENCE_LEVELS}, got {evidence!r}")
    return evidence


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


def badge(evidence: str) -> str:
    """MyST markup of the badge for one evidence level.

    Examples
    --------
    >>> badge("recomputed")
    '{bdg-success}`recomputed`'
    """
    return f"{{{_BADGE_ROLE[_check_evidence(evidence)]}}}`{evidence}`"


def glue(key: str, value: object, *, evidence: str) -> object:
    """Store ``value`` for the prose under ``key`` and record its evidence level.

    Parameters
    ----------
    key : str
        ``<section>.<quantity>[.<group>][.<month>][.<statistic>]``, lower case,
        unique within the notebook (STYLE.md §3).
    value : object
        Usually an unrounded number; round it in the ``{glue:text}`` role.
    evidence : str
        One of ``published``, ``recomputed``, ``simulated``, ``not-verifiable``.

    Returns
    -------
    object
        ``value``, unchanged, so a cell can glue and use a number at once.

    Raises
    ------
    ValueError
        If the key does not match the pattern, was glued before in this
        notebook, or the evidence level is unknown.

    Examples
    --------
    >>> glue("doctest.answer.value", 42, evidence="recomputed")
    42
    """
    _check_evidence(evidence)
    if not GLUE_KEY.match(key):
        raise ValueError(
            f"glue key {key!r} does not match {GLUE_KEY.pattern} "
            "(lower-case section.quantity[.group][.month][.statistic])"
        )
    if key in _glued:
        raise ValueError(f"glue key {key!r} was already used in this notebook")
    if isinstance(value, np.generic):  # numpy 2 scalars repr as "np.float64(…)"
        value = value.item()
    _glued[key] = _Glued(key, value, evidence)
    from myst_nb import glue as myst_glue

    myst_glue(key, value, display=False)
    return value


def evidence_table() -> pd.DataFrame:
    """Every number glued so far in this notebook, with its evidence level.

    Returns
    -------
    pandas.DataFrame
        Columns ``key, value, evidence``, in gluing order.
    """
    rows = [(g.key, g.value, g.evidence) for g in _glued.values()]
    return pd.DataFrame(rows, columns=["key", "value", "evidence"])


def _caption_markdown(caption: str, evidence: str) -> str:
    return f"{badge(evidence)} **{EVIDENCE_LABELS[evidence]}.** {caption}"


def _display_markdown(text: str) -> None:
    from IPython.display import Markdown, display

    display(Markdown(text))


def _mark_simulated(fig: mpl.figure.Figure) -> None:
    for ax in fig.axes:
        ax.text(
            0.99,
            0.01,
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
    directory: str | os.PathLike[str] | None = None,
) -> Path:
    """Save ``fig`` as PNG with a JSON sidecar, then show it with its caption.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        The figure; it is closed afterwards.
    name : str
        File stem, following the paper (``fig1``, ``fig2a``, ``table3``) or
        ``reanalysis_<slug>`` for ours.
    caption : str
        MyST text of the caption, without the evidence label (added here).
    evidence : str
        Evidence level of what the figure shows. A ``simulated`` figure gets the
        word *simulated* in a corner of every axes, so a screenshot keeps it.
    directory : path-like, optional
        Where to write; default ``_generated/figures``.

    Returns
    -------
    pathlib.Path
        The PNG written.
    """
    _check_evidence(evidence)
    if not re.fullmatch(r"[a-z0-9_]+", name):
        raise ValueError(f"figure name {name!r} must be lower-case letters, digits, underscores")
    if evidence == "simulated":
        _mark_simulated(fig)
    folder = Path(directory) if directory is not None else _paths.FIGURES
    folder.mkdir(parents=True, exist_ok=True)
    png = folder / f"{name}.png"
    fig.savefig(png, dpi=FIGURE_DPI, bbox_inches="tight", metadata={"Software": None})
    sidecar = {
        "name": name,
        "caption": caption,
        "evidence": evidence,
        "notebook": os.environ.get("MILKBONE_NOTEBOOK", ""),
        "parameters": json.loads(os.environ.get("MILKBONE_PARAMETERS", "{}")),
    }
    png.with_suffix(".json").write_text(json.dumps(sidecar, indent=2, sort_keys=True) + "\n")
    plt.close(fig)
    from IPython.display import Image, display

    display(Image(filename=str(png)))
    _display_markdown(_caption_markdown(caption, evidence))
    return png


def show_table(
    table: pd.DataFrame,
    *,
    caption: str,
    evidence: str | Iterable[str],
    hide_index: bool = True,
) -> None:
    """Show ``table`` under a caption that opens with its evidence level(s).

    Parameters
    ----------
    table : pandas.DataFrame
        Shown as it is (round and label columns before), except on real participant
        data: then participant-level tables are refused and cells describing fewer
        than five people are blanked (``milkbone._disclosure``).
    caption : str
        MyST text of the caption.
    evidence : str or iterable of str
        The level, or the levels when columns of different levels sit side by
        side (say which column is which in the caption).
    hide_index : bool, default True
        Hide the row index.
    """
    levels = [evidence] if isinstance(evidence, str) else list(evidence)
    for level in levels:
        _check_evidence(level)
    badges = " ".join(badge(level) for level in levels)
    labels = " and ".join(EVIDENCE_LABELS[level] for level in levels)
    _display_markdown(f"{badges} **{labels}.** {caption}")
    from IPython.display import HTML, display

    table = _disclosure.guard(table)
    html = table.to_html(index=not hide_index, border=0, classes="milkbone-table", na_rep="–")
    display(HTML(html))


def _box(ax, xy, text, *, edge="0.2", width=0.34, height=0.15) -> None:
    from matplotlib.patches import FancyBboxPatch

    x, y = xy
    ax.add_patch(
        FancyBboxPatch(
            (x - width / 2, y - height / 2),
            width,
            height,
            boxstyle="round,pad=0.01,rounding_size=0.015",
            facecolor="white",
            edgecolor=edge,
            linewidth=1.6,
        )
    )
    ax.text(x, y, text, ha="center", va="center", fontsize=9.5)


def _arrow(ax, start, end) -> None:
    ax.annotate(
        "", xy=end, xytext=start, arrowprops={"arrowstyle": "-|>", "color": "0.3", "lw": 1.2}
    )


def participant_flow(
    *,
    enrolled: int,
    withdrawn: int,
    analysed: dict[str, int],
    labels: dict[str, str] | None = None,
    withdrawn_note: str = "arm not reported",
) -> mpl.figure.Figure:
    """Draw the participant flow chart (paper Figure 1) from counts.

    Parameters
    ----------
    enrolled, withdrawn : int
        Women enrolled, and women who withdrew.
    analysed : dict of str to int
        Women analysed per arm, HCM first.
    labels : dict of str to str, optional
        Long name of each arm.
    withdrawn_note : str
        What the paper leaves open about the withdrawals.

    Returns
    -------
    matplotlib.figure.Figure
    """
    labels = labels or {"HCM": "High-calcium milk (HCM)", "CM": "Control milk (CM)"}
    fig, ax = plt.subplots(figsize=(7.2, 4.6))
    ax.set_axis_off()
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    completed = sum(analysed.values())
    _box(ax, (0.5, 0.88), f"Enrolled\nn = {enrolled}")
    _box(
        ax,
        (0.83, 0.69),
        f"Withdrew, chose medication\nn = {withdrawn}\n({withdrawn_note})",
        width=0.3,
        height=0.15,
        edge="0.55",
    )
    _box(ax, (0.5, 0.50), f"Completed 12 months\nn = {completed}")
    _arrow(ax, (0.5, 0.805), (0.5, 0.575))
    _arrow(ax, (0.5, 0.69), (0.675, 0.69))
    for (arm, n), x in zip(analysed.items(), (0.27, 0.73), strict=False):
        colour = ARM_STYLE.get(arm, ("0.2", "o"))[0]
        _box(
            ax,
            (x, 0.16),
            f"{labels.get(arm, arm)}\n400 mL/day for 12 months\nanalysed n = {n}",
            edge=colour,
            width=0.4,
            height=0.19,
        )
        _arrow(ax, (0.5, 0.425), (x, 0.255))
    fig.tight_layout()
    return fig
