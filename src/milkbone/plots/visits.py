"""PLS-DA of several visits in one figure (paper Figure 6 A–B with ropls's permutation plot).

One row per visit: the score plot beside the permutation plot, drawn by
:func:`~milkbone.plots.metabolome.score_plot` and
:func:`~milkbone.plots.metabolome.permutation_plot`; no statistics here.
"""

from __future__ import annotations

from collections.abc import Mapping

import matplotlib as mpl
import matplotlib.pyplot as plt

from milkbone._validate import require_columns
from milkbone.plots.metabolome import permutation_plot, score_plot

__all__ = ["plsda_panels"]

ROW_HEIGHT = 3.6
"""Height in inches of one visit's row."""


def plsda_panels(
    fits: Mapping[int, object], *, months: list[int] | None = None
) -> mpl.figure.Figure:
    """Score plot and permutation plot of each visit's PLS-DA, one row per visit.

    Parameters
    ----------
    fits : mapping of int to PlsdaResult
        The PLS-DA of each visit by month (``compare_visits(...).fits``); each needs
        ``scores``, ``components``, ``permutations`` and ``summary``.
    months : list of int, optional
        The visits to draw, in this order; all of ``fits`` by default.

    Returns
    -------
    matplotlib.figure.Figure
        Left: scores on t1 and t2 (a strip per arm when the model has one component),
        each axis with its R2X; right: R2Y(cum) and Q2(cum) of the permuted models
        against their labels' similarity to the true ones. Each row is titled with
        its visit, R2Y(cum), Q2(cum) and the permutation p of Q2.

    Raises
    ------
    ValueError
        If ``months`` names a visit ``fits`` does not hold.
    """
    chosen = list(fits) if months is None else list(months)
    unknown = [m for m in chosen if m not in fits]
    if unknown or not chosen:
        raise ValueError(f"months must be among the fitted visits {list(fits)}; got {chosen}")
    fig, axes = plt.subplots(len(chosen), 2, figsize=(10.0, ROW_HEIGHT * len(chosen)),
                             squeeze=False)  # fmt: skip
    for (left, right), month in zip(axes, chosen, strict=True):
        fit = fits[month]
        summary = fit.summary.iloc[0]
        require_columns(fit.summary, ["n_components", "r2y_cum", "q2_cum", "p_q2"], name="summary")
        second = "t2" if int(summary["n_components"]) > 1 else None
        score_plot(fit.scores, components=fit.components, y=second, ax=left)
        permutation_plot(fit.permutations, ax=right)
        left.set_title(
            f"{month} months: R2Y(cum) {summary['r2y_cum']:.2f}, Q2(cum) {summary['q2_cum']:.2f}",
            loc="left", fontsize=10,
        )  # fmt: skip
        right.set_title(f"permutation p of Q2: {summary['p_q2']:.3f}", loc="left", fontsize=10)
    fig.tight_layout()
    return fig
