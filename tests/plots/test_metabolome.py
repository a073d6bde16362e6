"""milkbone.plots.metabolome: the Figure 5–6 panels drawn from analysis frames."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.colors import to_hex

from milkbone.analysis.metabolome import (
    compare_features,
    feature_means,
    over_representation,
    plsda,
    roc_points,
    select_features,
)
from milkbone.plots.metabolome import (
    REGULATION_STYLE,
    differential_heatmap,
    pathway_dots,
    permutation_plot,
    roc_curves,
    score_plot,
    volcano_plot,
)
from milkbone.plots.style import ARM_STYLE


@pytest.fixture(scope="module")
def data():
    rng = np.random.default_rng(0)
    rows = [(f"{g}{m}_{i}", g, m) for g in ("HCM", "CM") for m in (0, 12) for i in range(10)]
    samples = pd.DataFrame(rows, columns=["sample", "group", "month"]).set_index("sample")
    x = pd.DataFrame(
        rng.lognormal(10, 0.5, size=(40, 30)),
        index=samples.index,
        columns=[f"m{j:02d}" for j in range(30)],
    )
    x.loc[samples["group"] == "HCM", ["m00", "m01", "m02"]] *= 3
    x.loc[samples["group"] == "HCM", ["m03"]] /= 3
    return x, samples


def test_heatmap_rows_columns_and_centre(data):
    x, samples = data
    fig = differential_heatmap(feature_means(x, samples, features=["m00", "m03", "m10"]))
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["m00", "m03", "m10"]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["HCM 0", "HCM 12", "CM 0", "CM 12"]
    mesh = ax.collections[0]
    assert mesh.get_cmap().name == "RdBu_r"
    assert mesh.norm.vmin == pytest.approx(-mesh.norm.vmax, abs=1e-12)
    plt.close(fig)


def test_heatmap_long_names_leave_the_cells_their_width(data):
    x, samples = data
    means = feature_means(x, samples, features=["m00", "m03"])
    means = means.assign(feature=means["feature"].map({"m00": "a" * 40, "m03": "b"}))
    fig = differential_heatmap(means)
    fig.canvas.draw()
    cells = fig.axes[0].get_window_extent().width / fig.dpi  # inches
    assert cells >= 0.45 * 4  # four arm × visit columns
    plt.close(fig)


def test_score_and_permutation_plots(data):
    x, samples = data
    fit = plsda(np.log10(x), samples["group"], n_components=2, permutations=5, seed=1)
    fig = score_plot(fit.scores, components=fit.components)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["HCM", "CM"]
    assert to_hex(ax.collections[0].get_facecolor()[0]) == ARM_STYLE["HCM"][0].lower()
    r2x = fit.components.loc[0, "r2x"]
    assert ax.get_xlabel() == f"t1 (R2X {100 * r2x:.1f}%)"
    assert len(ax.collections[0].get_offsets()) == 20
    plt.close(fig)
    strip = score_plot(fit.scores, y=None).axes[0]
    assert [t.get_text() for t in strip.get_yticklabels()] == ["HCM", "CM"]
    assert strip.collections[1].get_offsets()[:, 1].tolist() == [-1.0] * 20
    plt.close(strip.figure)
    fig = permutation_plot(fit.permutations)
    offsets = [c.get_offsets() for c in fig.axes[0].collections]
    assert [len(o) for o in offsets] == [5, 1, 5, 1]
    assert offsets[3][0].tolist() == pytest.approx([1.0, fit.summary.loc[0, "q2_cum"]])
    plt.close(fig)


def test_volcano_marks_selected_features(data):
    x, samples = data
    table = compare_features(x, samples)
    vip = pd.DataFrame({"feature": x.columns, "vip": 1.5})
    chosen = select_features(table, vip, rule="results")
    fig = volcano_plot(chosen, fold_change=(0.833, 1.2))
    ax = fig.axes[0]
    up = ax.collections[1]
    assert to_hex(up.get_facecolor()[0]) == REGULATION_STYLE["up"][0].lower()
    assert len(up.get_offsets()) == int((chosen["direction"] == "up").sum())
    assert ax.lines[0].get_xdata()[0] == pytest.approx(np.log2(0.833))
    plt.close(fig)


def test_pathway_dots_and_roc_curves(data):
    x, samples = data
    library = pd.DataFrame(
        {
            "pathway_id": ["P1"] * 4 + ["P2"] * 6,
            "pathway": ["steroid"] * 4 + ["purine"] * 6,
            "compound": [f"m{j:02d}" for j in range(10)],
        }
    )
    enrichment = over_representation(["m00", "m01", "m02", "m05"], library, only_hits=False)
    fig = pathway_dots(enrichment)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["purine", "steroid"]  # top: smallest p
    assert ax.collections[0].get_offsets()[1].tolist() == pytest.approx([3 / 4, 1.0])
    plt.close(fig)
    fig = roc_curves(roc_points(x, samples["group"], positive="HCM", features=["m00", "m10"]))
    assert [line.get_label() for line in fig.axes[0].lines[:2]] == ["m00", "m10"]
    plt.close(fig)


def test_missing_columns_are_named():
    with pytest.raises(KeyError, match="permutations is missing column"):
        permutation_plot(pd.DataFrame({"permutation": [0]}))
    with pytest.raises(KeyError, match="table is missing column"):
        volcano_plot(pd.DataFrame({"p": [0.1]}))
