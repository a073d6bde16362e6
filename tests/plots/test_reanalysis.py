"""milkbone.plots.reanalysis: the ρ curves of the re-analysis."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from milkbone import plots


def test_rho_curves_draw_each_method_per_month():
    rho = np.linspace(0, 0.9, 4)
    curves = pd.DataFrame(
        [
            {"month": m, "method": method, "rho": r, "p": 0.5 - 0.1 * r}
            for m in (6, 12)
            for method in ("follow-up", "change", "ancova")
            for r in rho
        ]
    )
    fig = plots.rho_curves(curves, alpha=0.05)
    titles = [ax.get_title(loc="left") for ax in fig.axes]
    assert titles == ["L1–4 BMD, 6 months", "L1–4 BMD, 12 months"]
    for ax in fig.axes:
        labels = [line.get_label() for line in ax.get_lines()][:3]
        assert labels == ["follow-up", "change", "ancova"]
        assert ax.get_lines()[3].get_ydata()[0] == pytest.approx(0.05)  # the alpha line
        # issue 14: no two lines share a style (follow-up and alpha were both dotted)
        styles = [(line.get_color(), str(line.get_linestyle())) for line in ax.get_lines()]
        assert len(set(styles)) == len(styles)
        dashes = [tuple(line._dash_pattern[1] or ()) for line in ax.get_lines()]
        assert len(set(dashes)) == len(dashes)
    plt.close(fig)


def test_rho_curves_name_a_missing_column():
    with pytest.raises(KeyError, match="curves is missing column"):
        plots.rho_curves(pd.DataFrame({"month": [6], "rho": [0.5], "p": [0.1]}))
