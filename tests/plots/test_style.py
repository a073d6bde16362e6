"""milkbone.plots.style: the arm palette and the book's plot defaults."""

from __future__ import annotations

import matplotlib as mpl
import matplotlib.pyplot as plt

from milkbone import plots
from milkbone.vocabulary import GROUPS


def test_arms_in_the_vocabularys_order_with_okabe_ito_colours_and_two_markers():
    assert tuple(plots.ARM_STYLE) == GROUPS == tuple(plots.ARM_OFFSET)
    assert plots.ARM_STYLE == {"HCM": ("#0072B2", "o"), "CM": ("#E69F00", "s")}
    assert plots.ARM_OFFSET["HCM"] < 0 < plots.ARM_OFFSET["CM"]


def test_use_style_sets_size_and_resolution():
    with mpl.rc_context():
        plots.use_style()
        assert tuple(mpl.rcParams["figure.figsize"]) == plots.FIGURE_SIZE
        assert mpl.rcParams["savefig.dpi"] == plots.FIGURE_DPI == 110


def test_figure_and_axes_reuses_a_given_axes():
    fig, ax = plt.subplots()
    assert plots.figure_and_axes(ax) == (fig, ax)
    new_fig, new_ax = plots.figure_and_axes()
    assert new_ax.figure is new_fig
    assert new_fig is not fig and tuple(new_fig.get_size_inches()) == plots.FIGURE_SIZE
    plt.close(fig)
    plt.close(new_fig)
