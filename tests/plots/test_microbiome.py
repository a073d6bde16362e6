"""milkbone.plots.microbiome: the Figure 3–4 panels drawn from analysis frames.

References: the frames drawn, read back from the artists (colours, markers, heights,
curve points, labels).
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.colors import to_hex

from milkbone.analysis.microbiome import (
    abundance_long,
    alpha_diversity,
    bray_curtis,
    collapse,
    pcoa,
    random_forest,
    relative_abundance,
    top_taxa,
    toy_microbiome,
)
from milkbone.plots.microbiome import (
    arm_boxes,
    composition_bars,
    forest_roc_curves,
    importance_bars,
    pcoa_scatter,
)
from milkbone.plots.style import ARM_STYLE


@pytest.fixture(scope="module")
def toy():
    return toy_microbiome(participants=24, features=40, effect=1.5, seed=3)


def test_arm_boxes_hcm_first_with_published_means(toy):
    alpha = alpha_diversity(toy.counts, toy.samples, metrics=["shannon"])
    published = pd.DataFrame({"group": ["HCM", "CM"], "month": [0, 0], "mean": [3.0, 3.2]})
    fig = arm_boxes(alpha, ylabel="Shannon index (nats)", published=published, marks={6: "*"})
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == ["HCM", "CM", "published mean"]
    points = [c for c in ax.collections if len(c.get_offsets()) == 12]  # 12 women per cell
    assert to_hex(points[0].get_facecolor()[0]) == ARM_STYLE["HCM"][0].lower()
    black = [c for c in ax.collections if len(c.get_offsets()) == 1]
    assert black[0].get_offsets()[0].tolist() == pytest.approx([-0.2, 3.0])
    assert [t.get_text() for t in ax.texts] == ["*"]
    plt.close(fig)
    with pytest.raises(KeyError, match="values is missing column"):
        arm_boxes(alpha.drop(columns="group"), ylabel="x")


def test_pcoa_scatter_labels_state_share_and_denominator(toy):
    visit = toy.samples[toy.samples["month"] == 6]
    result = pcoa(bray_curtis(toy.counts.loc[visit.index]), visit, denominator="positive",
                  method="eigh")  # fmt: skip
    fig = pcoa_scatter(result.coordinates, result.axes)
    share = 100 * result.axes["proportion_explained"].iloc[0]
    assert fig.axes[0].get_xlabel() == f"PC1 ({share:.1f} % of positive eigenvalues)"
    hcm = fig.axes[0].collections[0]
    expected = result.coordinates.loc[result.coordinates["group"] == "HCM", ["pc1", "pc2"]]
    assert np.asarray(hcm.get_offsets()) == pytest.approx(expected.to_numpy())
    plt.close(fig)


def test_composition_bars_stack_the_shares(toy):
    phyla = collapse(toy.counts, toy.taxonomy, rank="phylum")
    top = top_taxa(phyla, toy.samples, k=3)
    fig = composition_bars(top)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()][:2] == ["HCM\n0", "HCM\n6"]
    tops = np.zeros(6)
    for patch in ax.patches:
        tops[round(patch.get_x() + patch.get_width() / 2)] += patch.get_height()
    assert tops == pytest.approx(np.ones(6), abs=1e-12)  # each bar sums to 1
    first = top.query("group == 'HCM' and month == 0 and rank == 1")
    assert ax.patches[0].get_height() == pytest.approx(first["mean_relative_abundance"].iloc[0])
    plt.close(fig)


def test_forest_panels(toy):
    abundance = relative_abundance(toy.counts)
    result = random_forest(abundance, toy.samples, months=[6, 12], n_trees=20, folds=4,
                           top_k=3, n_repeats=2)  # fmt: skip
    fig = forest_roc_curves(result.roc, result.summary)
    lines = fig.axes[0].get_lines()
    twelve = result.roc[result.roc["month"] == 12]
    assert lines[1].get_xdata() == pytest.approx(twelve["fpr"].to_numpy())
    auc = result.summary.set_index("month").loc[12, "auc"]
    assert fig.axes[0].get_legend().get_texts()[1].get_text() == f"12 months (AUC {auc:.2f})"
    plt.close(fig)
    fig = importance_bars(result.importance, month=6, top=10)
    assert len(fig.axes[0].patches) == 10
    best = result.importance.query("month == 6").iloc[0]
    assert fig.axes[0].get_yticklabels()[-1].get_text() == best["taxon"]
    plt.close(fig)
    with pytest.raises(ValueError, match="importance has no rows for month 0"):
        importance_bars(result.importance, month=0)


def test_abundance_boxes_of_one_taxon(toy):
    long = abundance_long(toy.counts, toy.samples, taxa=["F00000"])
    fig = arm_boxes(long, value="relative_abundance", ylabel="F00000 (relative abundance)")
    assert fig.axes[0].get_ylabel() == "F00000 (relative abundance)"
    assert [t.get_text() for t in fig.axes[0].get_xticklabels()] == ["0", "6", "12"]
    plt.close(fig)
