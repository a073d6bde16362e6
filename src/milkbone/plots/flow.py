"""The participant flow chart of the trial (paper Figure 1), drawn from counts."""

from __future__ import annotations

import matplotlib as mpl
import matplotlib.pyplot as plt

from milkbone.plots.style import ARM_STYLE

__all__ = ["participant_flow"]


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

    Examples
    --------
    >>> fig = participant_flow(enrolled=104, withdrawn=7, analysed={"HCM": 51, "CM": 46})
    >>> "n = 97" in " ".join(t.get_text() for t in fig.axes[0].texts)
    True
    >>> plt.close(fig)
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
