"""Paper Figure 2: BMD per arm and visit, with the significance marks of its legend.

No statistics are computed here: the p-values come from the results passed in
(:func:`milkbone.analysis.clinical.tukey_within`, ``compare_groups``).
"""

from __future__ import annotations

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from milkbone._validate import require_columns
from milkbone.plots.style import ARM_OFFSET, ARM_STYLE, month_axis

__all__ = [
    "BMD_PANELS",
    "SIGNIFICANCE_LEVELS",
    "bmd_panels",
    "significance_label",
    "significance_marks",
]

BMD_PANELS = (
    ("A", "l1_4_bmd", "Spine (L1–4)"),
    ("B", "right_hip_bmd", "Right hip"),
    ("C", "left_hip_bmd", "Left hip"),
    ("D", "left_femoral_neck_bmd", "Left femoral neck"),
)
"""Panels of paper Figure 2: letter, measure slug, title. The paper's caption labels two
panels "(B)"; we letter them A–D in the order the caption lists them."""

SIGNIFICANCE_LEVELS = ((0.001, "***"), (0.01, "**"), (0.05, "*"))
"""Stars of the paper's figure legends (Figure 2: *p < 0.05; **p < 0.01; ***p < 0.001)."""

MARK_COLUMNS = ("measure", "group_a", "month_a", "group_b", "month_b", "p", "label")
"""Columns of :func:`significance_marks`, in order."""

DATA_COLUMNS = ("participant", "group", "month", "measure", "value")

BRACKET_STEP = 0.13
"""Height between two tiers of brackets, as a share of the panel's data range: room for
a row of stars (about 10 points) between a bracket and the one above it."""


def significance_label(p: float, *, alpha: float = 0.05) -> str:
    """Stars for a p-value as the paper's figure legends print them; ``""`` if p ≥ alpha.

    Examples
    --------
    >>> [significance_label(p) for p in (0.0004, 0.003, 0.04, 0.2)]
    ['***', '**', '*', '']
    """
    if not 0 < alpha < 1:
        raise ValueError(f"alpha must lie in (0, 1), got {alpha!r}")
    if not np.isfinite(p) or p >= alpha:
        return ""
    return next((stars for level, stars in SIGNIFICANCE_LEVELS if p < level), "*")


def significance_marks(
    *,
    within: pd.DataFrame | None = None,
    between: pd.DataFrame | None = None,
    alpha: float = 0.05,
) -> pd.DataFrame:
    """Collect significant comparisons as brackets for :func:`bmd_panels`.

    No statistics are computed here: the p-values come from the results passed in.

    Parameters
    ----------
    within : pandas.DataFrame, optional
        Visit-against-visit results within an arm, with columns ``measure, group,
        month_a, month_b, p`` (``milkbone.analysis.clinical.tukey_within``).
    between : pandas.DataFrame, optional
        Arm-against-arm results at one visit, with columns ``measure, month, p``
        (``milkbone.analysis.clinical.compare_groups``).
    alpha : float, default 0.05
        Only comparisons with ``p < alpha`` become marks.

    Returns
    -------
    pandas.DataFrame
        One row per mark, columns ``measure, group_a, month_a, group_b, month_b, p,
        label`` (``label`` from :func:`significance_label`); within-arm marks first.

    Raises
    ------
    KeyError
        If a frame lacks a column.

    Examples
    --------
    >>> within = pd.DataFrame({"measure": ["l1_4_bmd"] * 2, "group": ["HCM"] * 2,
    ...                        "month_a": [0, 6], "month_b": [6, 12], "p": [0.004, 0.6]})
    >>> between = pd.DataFrame({"measure": ["l1_4_bmd"], "month": [6], "p": [0.03]})
    >>> significance_marks(within=within, between=between)
        measure group_a  month_a group_b  month_b      p label
    0  l1_4_bmd     HCM        0     HCM        6  0.004    **
    1  l1_4_bmd     HCM        6      CM        6  0.030     *
    """
    rows = []
    if within is not None:
        require_columns(within, ["measure", "group", "month_a", "month_b", "p"], name="within")
        for r in within.itertuples(index=False):
            rows.append((r.measure, r.group, int(r.month_a), r.group, int(r.month_b), r.p))
    if between is not None:
        require_columns(between, ["measure", "month", "p"], name="between")
        for r in between.itertuples(index=False):
            rows.append((r.measure, "HCM", int(r.month), "CM", int(r.month), r.p))
    marks = pd.DataFrame(rows, columns=list(MARK_COLUMNS[:-1]))
    marks["p"] = marks["p"].astype(float)
    marks["label"] = [significance_label(p, alpha=alpha) for p in marks["p"]]
    return marks[marks["label"] != ""].reset_index(drop=True)[list(MARK_COLUMNS)]


def _checked_marks(marks: pd.DataFrame | None, months: list[int]) -> pd.DataFrame:
    """``marks`` (empty if None) after checking its columns, arms and visits."""
    if marks is None:
        marks = pd.DataFrame(columns=list(MARK_COLUMNS))
    require_columns(marks, [c for c in MARK_COLUMNS if c != "p"], name="marks")
    bad = marks[
        ~marks["group_a"].isin(list(ARM_OFFSET))
        | ~marks["group_b"].isin(list(ARM_OFFSET))
        | ~marks["month_a"].isin(months)
        | ~marks["month_b"].isin(months)
    ]
    if len(bad):
        raise ValueError(
            f"marks name unknown arms or visits (arms {list(ARM_OFFSET)}, visits {months}): "
            f"{bad.head(5).to_dict('records')}"
        )
    return marks


def _mark_x(group: str, month: int, months: list[int]) -> float:
    return months.index(month) + ARM_OFFSET[group]


def _bracket_tiers(marks: pd.DataFrame, months: list[int]) -> list[tuple[float, float, int, str]]:
    """Place brackets on the lowest tier where they overlap no other, shortest first."""
    spans = []
    for mark in marks.itertuples(index=False):
        x0 = _mark_x(mark.group_a, int(mark.month_a), months)
        x1 = _mark_x(mark.group_b, int(mark.month_b), months)
        spans.append((min(x0, x1), max(x0, x1), str(mark.label)))
    tiers: list[list[tuple[float, float]]] = []
    placed = []
    for x0, x1, label in sorted(spans, key=lambda s: (s[1] - s[0], s[0])):
        tier = next(
            (
                i
                for i, used in enumerate(tiers)
                if all(x1 < a - 0.05 or x0 > b + 0.05 for a, b in used)
            ),
            len(tiers),
        )
        if tier == len(tiers):
            tiers.append([])
        tiers[tier].append((x0, x1))
        placed.append((x0, x1, tier, label))
    return placed


def _draw_boxes(ax: mpl.axes.Axes, cells: pd.DataFrame, months: list[int]) -> None:
    """One box per arm and visit, outlined in the arm's colour, no separate outliers."""
    for group, (colour, _) in ARM_STYLE.items():
        arm = cells[cells["group"] == group]
        ax.boxplot(
            [arm.loc[arm["month"] == m, "value"].to_numpy() for m in months],
            positions=[i + ARM_OFFSET[group] for i in range(len(months))],
            widths=0.34,
            orientation="vertical",
            patch_artist=True,
            showfliers=False,
            manage_ticks=False,
            boxprops={"facecolor": "none", "edgecolor": colour, "linewidth": 1.3},
            whiskerprops={"color": colour, "linewidth": 1.1},
            capprops={"color": colour, "linewidth": 1.1},
            medianprops={"color": colour, "linewidth": 1.6},
        )


def _draw_points(ax, cells: pd.DataFrame, months: list[int], rng: np.random.Generator) -> None:
    """Every participant as a point, jittered around its box."""
    for group, (colour, marker) in ARM_STYLE.items():
        for i, month in enumerate(months):
            values = cells.loc[
                (cells["group"] == group) & (cells["month"] == month), "value"
            ].to_numpy()
            x = i + ARM_OFFSET[group] + rng.uniform(-0.08, 0.08, len(values))
            ax.scatter(x, values, s=9, marker=marker, color=colour, alpha=0.45, linewidths=0)


def _draw_brackets(ax, cells: pd.DataFrame, marks: pd.DataFrame, months: list[int]) -> None:
    """Brackets with their stars above the data, then the y range that shows them all."""
    low, high = cells["value"].min(), cells["value"].max()
    step = BRACKET_STEP * (high - low)
    top = high + step
    for x0, x1, tier, label in _bracket_tiers(marks, months):
        level = high + step * (tier + 1)
        top = max(top, level + step)
        ax.plot(
            [x0, x0, x1, x1],
            [level - step / 4, level, level, level - step / 4],
            color="0.2",
            linewidth=0.9,
            zorder=2,
        )
        # the stars sit on a white box above the line: a bracket of a higher tier that
        # passes behind them is hidden there rather than striking them through
        ax.annotate(
            label, ((x0 + x1) / 2, level), xytext=(0, 1), textcoords="offset points",
            ha="center", va="bottom", fontsize=10, zorder=3,
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.6},
        )  # fmt: skip
    ax.set_ylim(low - step, top)


def _arm_legend(fig: mpl.figure.Figure) -> None:
    from matplotlib.lines import Line2D

    handles = [
        Line2D([], [], color=colour, marker=marker, linestyle="", label=group)
        for group, (colour, marker) in ARM_STYLE.items()
    ]
    fig.legend(handles=handles, loc="upper center", ncol=len(handles), frameon=False)


def bmd_panels(
    data: pd.DataFrame,
    *,
    marks: pd.DataFrame | None = None,
    panels: tuple[tuple[str, str, str], ...] = BMD_PANELS,
    months: tuple[int, ...] = (0, 6, 12),
    show_points: bool = True,
    seed: int = 0,
) -> mpl.figure.Figure:
    """Draw paper Figure 2: BMD per arm and visit, one panel per skeletal site.

    Parameters
    ----------
    data : pandas.DataFrame
        Long participant frame ``participant, group, month, measure, value`` (other
        measures are ignored).
    marks : pandas.DataFrame, optional
        Brackets to draw, from :func:`significance_marks`: columns ``measure, group_a,
        month_a, group_b, month_b, label``. Each goes on the lowest tier above the data
        where it overlaps no other bracket, shortest first.
    panels : tuple of (letter, measure, title)
        The panels, default :data:`BMD_PANELS` (A spine, B right hip, C left hip,
        D left femoral neck), laid out two by two.
    months : tuple of int
        Visits, in order along the x axis.
    show_points : bool, default True
        Draw every participant as a jittered point. Pass False for real data, so no
        individual value is shown (boxes never draw outliers separately).
    seed : int, default 0
        Seed of the horizontal jitter, so the figure is byte-identical between runs.

    Returns
    -------
    matplotlib.figure.Figure
        Axes in panel order; each box of arm ``g`` at visit ``i`` is centred at
        ``x = i + ARM_OFFSET[g]`` (HCM left, CM right), a bracket's label at the
        midpoint of its two boxes.

    Raises
    ------
    KeyError
        If ``data`` or ``marks`` lacks a column.
    ValueError
        If a panel's measure has no data, or a mark names an unknown arm or visit.
    """
    require_columns(data, DATA_COLUMNS, name="data")
    months = list(months)
    marks = _checked_marks(marks, months)
    rng = np.random.default_rng(seed)
    fig, axes = plt.subplots(2, 2, figsize=(9.0, 7.6), sharex=True)
    for ax, (letter, measure, title) in zip(axes.flat, panels, strict=True):
        cells = data[(data["measure"] == measure) & data["month"].isin(months)]
        if cells.empty:
            raise ValueError(f"no data for measure {measure!r} (panel {letter})")
        _draw_boxes(ax, cells, months)
        if show_points:
            _draw_points(ax, cells, months, rng)
        _draw_brackets(ax, cells, marks[marks["measure"] == measure], months)
        ax.set_title(f"{letter}  {title}", loc="left", fontweight="bold")
        month_axis(ax, months)
        ax.set_ylabel("BMD (g/cm²)")
    _arm_legend(fig)
    fig.tight_layout(rect=(0, 0, 1, 0.96))
    return fig
