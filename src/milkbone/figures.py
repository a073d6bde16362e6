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

from milkbone import EVIDENCE_LEVELS, _disclosure, paths

__all__ = [
    "ARM_OFFSET",
    "ARM_STYLE",
    "BMD_PANELS",
    "EVIDENCE_LABELS",
    "SIGNIFICANCE_LEVELS",
    "VERDICT_ORDER",
    "badge",
    "bmd_panels",
    "category_bars",
    "evidence_table",
    "format_p",
    "format_p_columns",
    "glue",
    "glue_many",
    "rho_curves",
    "save",
    "show_table",
    "significance_label",
    "significance_marks",
    "use_style",
    "verdict_heatmap",
    "visit_means",
]

ARM_STYLE = {"HCM": ("#0072B2", "o"), "CM": ("#E69F00", "s")}
"""Colour and marker per arm: Okabe–Ito blue and orange, distinct markers for greyscale."""

PUBLISHED_COLOUR = "black"

EVIDENCE_LABELS = {
    "published": "Published",
    "recomputed": "Recomputed",
    "simulated": "Simulated",
    "not-verifiable": "Not verifiable",
    "observed": "Observed",
}

_BADGE_ROLE = {
    "published": "bdg-primary",
    "recomputed": "bdg-success",
    "simulated": "bdg-warning",
    "not-verifiable": "bdg-dark",
    "observed": "bdg-info",
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


def glue(key: str, value: object, *, evidence: str) -> None:
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
    None
        Nothing, so a cell ending in a glue shows no output.

    Raises
    ------
    ValueError
        If the key does not match the pattern, was glued before in this
        notebook, or the evidence level is unknown.
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


def glue_many(values: dict[str, object], *, evidence: str) -> None:
    """Glue several numbers of one evidence level: ``{key: value}``, in order.

    Examples
    --------
    >>> glue_many({}, evidence="published")  # nothing to glue
    """
    _check_evidence(evidence)
    for key, value in values.items():
        glue(key, value, evidence=evidence)


def evidence_table() -> pd.DataFrame:
    """Every number glued so far in this notebook, with its evidence level.

    Returns
    -------
    pandas.DataFrame
        Columns ``key, value, evidence``, in gluing order.
    """
    rows = [(g.key, g.value, g.evidence) for g in _glued.values()]
    return pd.DataFrame(rows, columns=["key", "value", "evidence"])


def _caption_markdown(caption: str, evidence: str | Iterable[str]) -> str:
    """``{badges} **Label and Label.** caption``: the caption of a figure or table."""
    levels = [evidence] if isinstance(evidence, str) else list(evidence)
    badges = " ".join(badge(level) for level in levels)  # badge() checks each level
    labels = " and ".join(EVIDENCE_LABELS[level] for level in levels)
    return f"{badges} **{labels}.** {caption}"


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
        MyST text of the caption, without the evidence label (added here).
    evidence : str
        Evidence level of what the figure shows. A ``simulated`` figure gets the
        word *simulated* in a corner of every axes, so a screenshot keeps it.
    directory : path-like, optional
        Where to write; default ``_generated/figures``.

    Returns
    -------
    None
        The PNG is ``<directory>/<name>.png`` with ``<name>.json`` beside it.
    """
    _check_evidence(evidence)
    if not re.fullmatch(r"[a-z0-9_]+", name):
        raise ValueError(f"figure name {name!r} must be lower-case letters, digits, underscores")
    if evidence == "simulated":
        _mark_simulated(fig)
    folder = Path(directory) if directory is not None else paths.FIGURES
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
    _display_markdown(_caption_markdown(caption, evidence))
    from IPython.display import HTML, display

    table = _disclosure.guard(table).rename_axis(index=None, columns=None)
    table = format_p_columns(table)
    table = table.astype(object).where(table.notna(), "–")  # pd.NA too, not only NaN
    html = table.to_html(index=not hide_index, border=0, classes="milkbone-table", na_rep="–")
    display(HTML(html))


P_FLOOR = 1e-4
"""p-values below this are shown as "<0.0001": more digits would be false precision."""


def format_p(p: float) -> str:
    """A p-value as a table shows it: four decimals, or ``<0.0001``.

    Examples
    --------
    >>> [format_p(x) for x in (0.0181, 0.00002, 1.0, float("nan"))]
    ['0.0181', '<0.0001', '1.0000', '–']
    """
    if p != p:  # NaN
        return "–"
    return f"<{P_FLOOR:.4f}" if p < P_FLOOR else f"{p:.4f}"


def format_p_columns(table: pd.DataFrame) -> pd.DataFrame:
    """Copy of ``table`` with its numeric ``p`` and ``p_*`` columns shown by :func:`format_p`."""
    out = table.copy()
    for column in out.columns:
        name = str(column)
        if (name == "p" or name.startswith("p_")) and pd.api.types.is_float_dtype(out[column]):
            out[column] = [format_p(value) for value in out[column].astype(float)]
    return out


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


# --------------------------------------------------------------------------- Figure 2 (BMD)

BMD_PANELS = (
    ("A", "l1_4_bmd", "Spine (L1–4)"),
    ("B", "right_hip_bmd", "Right hip"),
    ("C", "left_hip_bmd", "Left hip"),
    ("D", "left_femoral_neck_bmd", "Left femoral neck"),
)
"""Panels of paper Figure 2: letter, measure slug, title. The paper's caption labels two
panels "(B)"; we letter them A–D in the order the caption lists them."""

ARM_OFFSET = {"HCM": -0.2, "CM": 0.2}
"""Horizontal offset of each arm's box from its visit's position (visit i sits at x = i)."""

SIGNIFICANCE_LEVELS = ((0.001, "***"), (0.01, "**"), (0.05, "*"))
"""Stars of the paper's figure legends (Figure 2: *p < 0.05; **p < 0.01; ***p < 0.001)."""

_MARK_COLUMNS = ["measure", "group_a", "month_a", "group_b", "month_b", "p", "label"]


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
        month_a, month_b, p`` (``milkbone.clinical.tukey_within``).
    between : pandas.DataFrame, optional
        Arm-against-arm results at one visit, with columns ``measure, month, p``
        (``milkbone.clinical.compare_groups``).
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
        _require(within, ["measure", "group", "month_a", "month_b", "p"], "within")
        for r in within.itertuples(index=False):
            rows.append((r.measure, r.group, int(r.month_a), r.group, int(r.month_b), r.p))
    if between is not None:
        _require(between, ["measure", "month", "p"], "between")
        for r in between.itertuples(index=False):
            rows.append((r.measure, "HCM", int(r.month), "CM", int(r.month), r.p))
    marks = pd.DataFrame(rows, columns=_MARK_COLUMNS[:-1])
    marks["p"] = marks["p"].astype(float)
    marks["label"] = [significance_label(p, alpha=alpha) for p in marks["p"]]
    return marks[marks["label"] != ""].reset_index(drop=True)[_MARK_COLUMNS]


def _require(frame: pd.DataFrame, columns: list[str], name: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise KeyError(f"{name} lacks column(s) {missing}; it has {list(frame.columns)}")


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
    from matplotlib.lines import Line2D

    _require(data, ["participant", "group", "month", "measure", "value"], "data")
    months = list(months)
    if marks is None:
        marks = pd.DataFrame(columns=_MARK_COLUMNS)
    _require(marks, ["measure", "group_a", "month_a", "group_b", "month_b", "label"], "marks")
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
    rng = np.random.default_rng(seed)
    fig, axes = plt.subplots(2, 2, figsize=(9.0, 7.6), sharex=True)
    for ax, (letter, measure, title) in zip(axes.flat, panels, strict=True):
        cells = data[(data["measure"] == measure) & data["month"].isin(months)]
        if cells.empty:
            raise ValueError(f"no data for measure {measure!r} (panel {letter})")
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
        if show_points:
            for group, (colour, marker) in ARM_STYLE.items():
                for i, month in enumerate(months):
                    values = cells.loc[
                        (cells["group"] == group) & (cells["month"] == month), "value"
                    ].to_numpy()
                    x = i + ARM_OFFSET[group] + rng.uniform(-0.08, 0.08, len(values))
                    ax.scatter(
                        x, values, s=9, marker=marker, color=colour, alpha=0.45, linewidths=0
                    )
        low, high = cells["value"].min(), cells["value"].max()
        step = 0.07 * (high - low)
        top = high + step
        for x0, x1, tier, label in _bracket_tiers(marks[marks["measure"] == measure], months):
            level = high + step * (tier + 1)
            top = max(top, level + step)
            ax.plot(
                [x0, x0, x1, x1],
                [level - step / 3, level, level, level - step / 3],
                color="0.2",
                linewidth=0.9,
            )
            ax.text((x0 + x1) / 2, level, label, ha="center", va="bottom", fontsize=10)
        ax.set_ylim(low - step, top)
        ax.set_title(f"{letter}  {title}", loc="left", fontweight="bold")
        ax.set_xticks(range(len(months)), [str(m) for m in months])
        ax.set_xlabel("Months")
        ax.set_ylabel("BMD (g/cm²)")
    handles = [
        Line2D([], [], color=colour, marker=marker, linestyle="", label=group)
        for group, (colour, marker) in ARM_STYLE.items()
    ]
    fig.legend(handles=handles, loc="upper center", ncol=len(handles), frameon=False)
    fig.tight_layout(rect=(0, 0, 1, 0.96))
    return fig


def visit_means(
    comparison: pd.DataFrame, *, measure: str, ylabel: str, ax: mpl.axes.Axes | None = None
) -> mpl.figure.Figure:
    """Mean ± SD of one measure per arm and visit, with the printed means in black.

    Parameters
    ----------
    comparison : pandas.DataFrame
        :func:`milkbone.mirror.compare_summaries` output (columns ``measure, group,
        month, mean, sd, published_mean``).
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
        the data side; the paper's means as black open markers.
    """
    _require(
        comparison, ["measure", "group", "month", "mean", "sd", "published_mean"], "comparison"
    )
    cells = comparison[comparison["measure"] == measure]
    if cells.empty:
        raise ValueError(f"comparison has no rows for measure {measure!r}")
    if ax is None:
        fig, ax = plt.subplots(figsize=FIGURE_SIZE)
    else:
        fig = ax.figure
    months = sorted(cells["month"].unique())
    for group, (colour, marker) in ARM_STYLE.items():
        part = cells[cells["group"] == group].set_index("month").reindex(months)
        x = np.arange(len(months)) + ARM_OFFSET[group]
        ax.errorbar(
            x, part["mean"], yerr=part["sd"], color=colour, marker=marker, capsize=3,
            linestyle="-", label=f"{group} (mean ± SD)",
        )  # fmt: skip
        ax.scatter(
            x, part["published_mean"], marker=marker, facecolors="none",
            edgecolors=PUBLISHED_COLOUR, s=46, zorder=3, linewidths=1.1,
        )  # fmt: skip
    ax.scatter([], [], marker="o", facecolors="none", edgecolors=PUBLISHED_COLOUR,
               label="published mean")  # fmt: skip
    ax.set_xticks(range(len(months)), [str(m) for m in months])
    ax.set_xlabel("Months")
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
        :func:`milkbone.clinical.ordinal_categories` returns them, visits concatenated).
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
    """
    _require(counts, ["month", "group", "category", "count"], "counts")
    categories = list(pd.unique(counts["category"]))
    months = sorted(counts["month"].unique())
    if ax is None:
        fig, ax = plt.subplots(figsize=FIGURE_SIZE)
    else:
        fig = ax.figure
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
    ax.set_xticks(range(len(months)), [str(m) for m in months])
    ax.set_xlabel("Months")
    ax.set_ylabel("Participants (%)")
    ax.set_ylim(0, 100)
    ax.set_title(title, loc="left")
    fig.tight_layout()
    return fig


RHO_STYLE = {
    "follow-up": ("0.2", ":"),
    "change": ("#0072B2", "-"),
    "ancova": ("#D55E00", "--"),
}
"""Line colour and style of each analysis in :func:`rho_curves`."""


def rho_curves(
    curves: pd.DataFrame, *, alpha: float = 0.05, measure: str = "L1–4 BMD"
) -> mpl.figure.Figure:
    """Between-arm p against the within-participant correlation ρ, one panel per month.

    Parameters
    ----------
    curves : pandas.DataFrame
        ``milkbone.reanalysis.between_arm_curves`` output: ``month, method, rho, p``,
        ``method`` one of ``follow-up``, ``change``, ``ancova``.
    alpha : float, default 0.05
        Drawn as a dotted line.
    measure : str
        Name shown in the panel titles.

    Returns
    -------
    matplotlib.figure.Figure
    """
    months = sorted(curves["month"].unique())
    fig, axes = plt.subplots(1, len(months), figsize=(8, 3.4), sharey=True, squeeze=False)
    for ax, month in zip(axes[0], months, strict=True):
        part = curves[curves["month"] == month]
        for method, (colour, line) in RHO_STYLE.items():
            sub = part[part["method"] == method]
            ax.plot(sub["rho"], sub["p"], color=colour, linestyle=line, label=method)
        ax.axhline(alpha, color="0.5", linewidth=0.8, linestyle=(0, (1, 2)))
        ax.set(title=f"{measure}, {month} months", xlabel="ρ (baseline–follow-up)")
        ax.set_yscale("log")
    axes[0][0].set_ylabel("between-arm p (two-sided)")
    fig.legend(*axes[0][0].get_legend_handles_labels(), loc="lower center", ncol=3)
    fig.tight_layout(rect=(0, 0.08, 1, 1))
    return fig


VERDICT_ORDER = ("consistent", "discrepancy", "not-verifiable")


def verdict_heatmap(claims: pd.DataFrame, *, rows: str = "section") -> mpl.figure.Figure:
    """Verdicts of the claims audit as a heat map: one row per ``rows`` value.

    Colour is the share of that row's claims with each verdict (so a section with few
    claims reads as clearly as one with many); each cell is annotated with its count.
    Drawn with ``seaborn.heatmap``.

    Parameters
    ----------
    claims : pandas.DataFrame
        ``milkbone.audit.verify()`` output (columns ``verdict`` and ``rows``).
    rows : str, default "section"
        Column whose values make the rows, e.g. ``"check_kind"``.

    Returns
    -------
    matplotlib.figure.Figure
    """
    import seaborn as sns

    counts = pd.crosstab(claims[rows], claims["verdict"]).reindex(
        columns=list(VERDICT_ORDER), fill_value=0
    )
    share = counts.div(counts.sum(axis=1), axis=0)
    fig, ax = plt.subplots(figsize=(7.0, 0.32 * len(counts) + 1.2))
    sns.heatmap(
        share,
        annot=counts,
        fmt="d",
        cmap="viridis",
        vmin=0,
        vmax=1,
        cbar_kws={"label": "share of the row's claims"},
        linewidths=0.5,
        ax=ax,
    )
    ax.set(xlabel="verdict", ylabel=rows.replace("_", " "))
    ax.grid(False)
    ax.tick_params(axis="x", rotation=0)
    fig.tight_layout()
    return fig
