"""milkbone.plots.clinical: visit means beside the printed ones, category shares."""

from __future__ import annotations

import matplotlib.colors as mcolors
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from milkbone import plots


def _comparison():
    rows = [
        ("ohd_25", group, month, 20.0 + month + (2 if group == "HCM" else 0), 3.0, 21.0 + month)
        for group in ("HCM", "CM")
        for month in (0, 6, 12)
    ]
    return pd.DataFrame(rows, columns=["measure", "group", "month", "mean", "sd", "published_mean"])


def test_visit_means_put_each_arm_beside_its_visit_and_the_printed_means_in_black():
    fig = plots.visit_means(_comparison(), measure="ohd_25", ylabel="25(OH)D (ng/mL)")
    ax = fig.axes[0]
    lines = [container.lines[0] for container in ax.containers]  # one errorbar per arm
    assert [mcolors.to_hex(line.get_color()) for line in lines] == ["#0072b2", "#e69f00"]
    # HCM left of each visit, CM right (ARM_OFFSET); worked by hand: HCM at 0 − 0.2 = −0.2
    assert lines[0].get_xdata().tolist() == pytest.approx([-0.2, 0.8, 1.8])
    assert lines[0].get_ydata().tolist() == pytest.approx([22.0, 28.0, 34.0])
    published = ax.collections[1]  # the HCM errorbar's lines come first, then the scatter
    assert published.get_offsets()[:, 1].tolist() == pytest.approx([21.0, 27.0, 33.0])
    assert mcolors.to_hex(published.get_edgecolor()[0]) == "#000000"
    # issue 14: the printed means sat under the computed ones; now beside them, outwards
    # (HCM at −0.2 − 0.12 = −0.32, by hand)
    assert published.get_offsets()[:, 0].tolist() == pytest.approx([-0.32, 0.68, 1.68])
    assert [t.get_text() for t in ax.get_xticklabels()] == ["0", "6", "12"]
    plt.close(fig)


def test_visit_means_name_an_absent_measure():
    with pytest.raises(ValueError, match="no rows for measure 'calcium'"):
        plots.visit_means(_comparison(), measure="calcium", ylabel="Ca")


def test_category_bars_stack_to_one_hundred_per_arm_and_visit():
    counts = pd.DataFrame(
        {
            "month": [6] * 6,
            "group": ["HCM"] * 3 + ["CM"] * 3,
            "category": ["deficient", "insufficient", "normal"] * 2,
            "count": [2, 18, 31, 7, 27, 12],
        }
    )
    fig = plots.category_bars(counts, title="25(OH)D")
    ax = fig.axes[0]
    heights = np.array([bar.get_height() for bar in ax.patches])
    # HCM: 2, 18, 31 of 51 → 3.92 %, 35.29 %, 60.78 %; CM: 7, 27, 12 of 46
    assert heights.tolist() == pytest.approx(
        [200 / 51, 1800 / 51, 3100 / 51, 700 / 46, 2700 / 46, 1200 / 46]
    )
    assert heights[:3].sum() == pytest.approx(100)
    assert ax.get_ylim() == (0, 100)
    plt.close(fig)


def test_category_bars_name_a_missing_column():
    with pytest.raises(KeyError, match="count"):
        plots.category_bars(pd.DataFrame({"month": [6], "group": ["HCM"], "category": ["x"]}))
