"""milkbone.plots.taxa: Figure 4A–I and 4J–L as grids of panels.

References: the frames drawn, read back from the artists (titles, legends, points, bar
labels and widths).
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from milkbone.analysis.microbiome import abundance_long, toy_microbiome
from milkbone.plots.taxa import forest_panels, taxon_panels


@pytest.fixture(scope="module")
def values():
    toy = toy_microbiome(participants=12, features=8, seed=2)
    return abundance_long(toy.counts, toy.samples, taxa=["F00000", "F00001", "F00002"])


def points(ax):
    """Samples drawn on an axes: scatter offsets, legend proxies (empty) aside."""
    return sum(len(c.get_offsets()) for c in ax.collections if len(c.get_offsets()))


def test_one_panel_per_taxon_under_one_legend(values):
    published = pd.DataFrame({"taxon": "F00001", "group": ["HCM", "CM"], "month": 0,
                              "mean": [0.2, 0.1]})  # fmt: skip
    marks = pd.DataFrame({"taxon": ["F00002"], "month": [12], "text": ["**"]})
    fig = taxon_panels(values, taxa=["F00000", "F00001", "F00002"], published=published,
                       marks=marks, columns=2)  # fmt: skip
    assert [ax.get_title(loc="left") for ax in fig.axes] == ["F00000", "F00001", "F00002"]
    assert [ax.get_legend() for ax in fig.axes] == [None, None, None]  # one for the figure
    assert [t.get_text() for t in fig.legends[0].get_texts()] == ["HCM", "CM", "published mean"]
    # 12 women × 3 visits per taxon; the published means are two more marks
    assert points(fig.axes[0]) == 36 and points(fig.axes[1]) == 38
    assert [t.get_text() for t in fig.axes[2].texts] == ["**"]
    assert fig.get_size_inches()[1] == pytest.approx(2 * 3.0 + 0.4)
    plt.close(fig)


def test_without_points_only_boxes_are_drawn(values):
    fig = taxon_panels(values, taxa=["F00000"], show_points=False)
    assert points(fig.axes[0]) == 0
    assert len(fig.axes[0].patches) == 6  # a box per arm and visit
    plt.close(fig)


def test_forest_panels_one_visit_each_largest_on_top():
    importance = pd.DataFrame({"month": np.repeat([0, 6, 12], 3), "taxon": list("abc") * 3,
                               "impurity_importance": [3, 2, 1, 1, 2, 3, 2, 3, 1.0]})  # fmt: skip
    fig = forest_panels(importance, months=[6, 12], top=2)
    labels = [[t.get_text() for t in ax.get_yticklabels()] for ax in fig.axes]
    assert labels == [["b", "c"], ["a", "b"]]  # largest on top: last tick
    assert [ax.get_title(loc="left") for ax in fig.axes] == ["6 months", "12 months"]
    plt.close(fig)


def test_errors_name_the_problem(values):
    with pytest.raises(ValueError, match="missing \\['nope'\\]"):
        taxon_panels(values, taxa=["nope"])
    with pytest.raises(KeyError, match="marks"):
        taxon_panels(values, taxa=["F00000"], marks=pd.DataFrame({"taxon": ["F00000"]}))
