"""milkbone.plots.visits: one row of PLS-DA panels per visit."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from milkbone.analysis.metabolome import compare_visits
from milkbone.plots.style import ARM_STYLE
from milkbone.plots.visits import plsda_panels


@pytest.fixture(scope="module")
def fits():
    rng = np.random.default_rng(2)
    rows = [(f"{g}{m}_{i}", g, m) for m in (6, 12) for g in ("HCM", "CM") for i in range(10)]
    samples = pd.DataFrame(rows, columns=["sample", "group", "month"]).set_index("sample")
    values = pd.DataFrame(rng.lognormal(10, 0.5, size=(40, 20)), index=samples.index)
    values.columns = [f"m{j:02d}" for j in range(20)]
    values.loc[(samples["group"] == "HCM") & (samples["month"] == 12), ["m00", "m01"]] *= 4
    return compare_visits(values, samples, permutations=8, cv_folds=4, seed=1).fits


def test_one_row_per_visit_scores_then_permutations(fits):
    fig = plsda_panels(fits)
    axes = np.array(fig.axes).reshape(2, 2)
    assert axes[0, 0].get_title(loc="left").startswith("6 months: R2Y(cum)")
    assert axes[1, 1].get_title(loc="left").startswith("permutation p of Q2:")
    # HCM blue circles first in every score plot's legend
    labels = [t.get_text() for t in axes[1, 0].get_legend().get_texts()]
    assert labels == ["HCM", "CM"]
    colour = axes[1, 0].collections[0].get_facecolor()[0]
    assert np.allclose(colour[:3], plt.matplotlib.colors.to_rgb(ARM_STYLE["HCM"][0]))
    assert axes[0, 1].get_xlabel() == "similarity of permuted to true labels"
    plt.close(fig)


def test_chosen_visits_only(fits):
    fig = plsda_panels(fits, months=[12])
    assert len(fig.axes) == 2
    assert fig.axes[0].get_title(loc="left").startswith("12 months")
    plt.close(fig)
    with pytest.raises(ValueError, match="months must be among the fitted visits"):
        plsda_panels(fits, months=[0])
