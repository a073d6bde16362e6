"""milkbone.plots.bmd: the Figure 2 panels (bmd_panels) and their significance marks."""

from __future__ import annotations

import matplotlib.colors as mcolors
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from milkbone import plots

SITES = [measure for _, measure, _ in plots.BMD_PANELS]


def _data(n: int = 6) -> pd.DataFrame:
    """A small long frame: n participants per arm, every BMD site, three visits."""
    rng = np.random.default_rng(3)
    rows = []
    for group, shift in (("HCM", 0.02), ("CM", 0.0)):
        for i in range(n):
            for measure in SITES:
                for month in (0, 6, 12):
                    value = 0.9 + shift * (month > 0) + rng.normal(0, 0.03)
                    rows.append((f"{group}{i}", group, month, measure, value))
    return pd.DataFrame(rows, columns=["participant", "group", "month", "measure", "value"])


@pytest.fixture
def figure():
    marks = pd.DataFrame(
        {
            "measure": ["l1_4_bmd", "l1_4_bmd", "left_hip_bmd"],
            "group_a": ["HCM", "HCM", "CM"],
            "month_a": [0, 6, 0],
            "group_b": ["HCM", "CM", "CM"],
            "month_b": [6, 6, 12],
            "label": ["**", "*", "***"],
        }
    )
    fig = plots.bmd_panels(_data(), marks=marks)
    yield fig
    plt.close(fig)


def test_four_panels_lettered_a_to_d_in_the_captions_order(figure):
    titles = [ax.get_title(loc="left") for ax in figure.axes]
    assert titles == [
        "A  Spine (L1–4)",
        "B  Right hip",
        "C  Left hip",
        "D  Left femoral neck",
    ]


def test_legend_lists_hcm_before_cm_with_the_arm_colours_and_markers(figure):
    (legend,) = figure.legends
    labels = [t.get_text() for t in legend.get_texts()]
    assert labels == ["HCM", "CM"]
    for handle, group in zip(legend.legend_handles, labels, strict=True):
        colour, marker = plots.ARM_STYLE[group]
        assert mcolors.to_hex(handle.get_color()) == colour.lower()
        assert handle.get_marker() == marker


def test_points_use_each_arms_colour_and_sit_around_its_box(figure):
    ax = figure.axes[0]
    # one scatter per arm and visit, HCM first
    assert len(ax.collections) == 6
    for collection, (group, i) in zip(
        ax.collections, [(g, i) for g in ("HCM", "CM") for i in range(3)], strict=True
    ):
        colour = plots.ARM_STYLE[group][0]
        assert mcolors.to_hex(collection.get_facecolor()[0], keep_alpha=False) == colour.lower()
        x = collection.get_offsets()[:, 0]
        assert np.all(np.abs(x - (i + plots.ARM_OFFSET[group])) <= 0.08 + 1e-12)
        assert len(x) == 6


def test_boxes_are_drawn_in_the_arm_colours_hcm_left_of_cm(figure):
    ax = figure.axes[0]
    boxes = [p for p in ax.patches if p.get_path() is not None]
    assert len(boxes) == 6
    centres = sorted(
        (
            float(np.ptp(b.get_path().vertices[:, 0]) / 2 + b.get_path().vertices[:, 0].min()),
            mcolors.to_hex(b.get_edgecolor()),
        )
        for b in boxes
    )
    expected = sorted(
        (i + plots.ARM_OFFSET[g], plots.ARM_STYLE[g][0].lower())
        for g in ("HCM", "CM")
        for i in range(3)
    )
    for (x, colour), (x_expected, colour_expected) in zip(centres, expected, strict=True):
        assert x == pytest.approx(x_expected, abs=1e-6)
        assert colour == colour_expected


def test_marks_are_placed_at_the_midpoint_of_the_boxes_they_join(figure):
    spine, right_hip, left_hip, neck = figure.axes
    labels = {t.get_text(): t.xy for t in spine.texts}  # annotations: the point they mark
    # HCM 0 (x = -0.2) to HCM 6 (x = 0.8); HCM 6 (0.8) to CM 6 (1.2)
    assert labels["**"][0] == pytest.approx(0.3)
    assert labels["*"][0] == pytest.approx(1.0)
    # the shorter between-arm bracket goes on the lower tier
    assert labels["*"][1] < labels["**"][1]
    assert all(v > spine.get_ylim()[0] for _, v in labels.values())
    (hip,) = left_hip.texts
    assert hip.get_text() == "***"
    assert hip.xy[0] == pytest.approx((0.2 + 2.2) / 2)
    assert not right_hip.texts and not neck.texts


def test_no_bracket_strikes_through_stars(figure):
    """Issue 14: in Figure 2A the stars were struck through by the brackets above them.
    Every row of stars lies between its own bracket and the next bracket up, or sits on a
    white box drawn over any line passing behind it."""
    spine = figure.axes[0]
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()
    for text in spine.texts:
        box = text.get_window_extent(renderer)
        patch = text.get_bbox_patch()
        assert patch is not None and patch.get_facecolor()[:3] == (1.0, 1.0, 1.0)
        assert text.get_zorder() > max(line.get_zorder() for line in spine.get_lines())
        own = spine.transData.transform(text.xy)[1]
        assert box.y0 > own  # above its own bracket line, not on it


def test_without_points_no_individual_value_is_drawn():
    fig = plots.bmd_panels(_data(), show_points=False)
    assert all(len(ax.collections) == 0 for ax in fig.axes)
    plt.close(fig)


def test_same_seed_same_jitter():
    first = plots.bmd_panels(_data(), seed=5)
    second = plots.bmd_panels(_data(), seed=5)
    a = first.axes[0].collections[0].get_offsets()
    b = second.axes[0].collections[0].get_offsets()
    np.testing.assert_array_equal(a, b)
    plt.close(first)
    plt.close(second)


def test_unknown_visit_in_marks_is_refused():
    marks = pd.DataFrame(
        {
            "measure": ["l1_4_bmd"],
            "group_a": ["HCM"],
            "month_a": [3],
            "group_b": ["HCM"],
            "month_b": [6],
            "label": ["*"],
        }
    )
    with pytest.raises(ValueError, match="unknown arms or visits"):
        plots.bmd_panels(_data(), marks=marks)


def test_a_site_without_data_is_named():
    data = _data()
    with pytest.raises(ValueError, match="right_hip_bmd"):
        plots.bmd_panels(data[data["measure"] != "right_hip_bmd"])


def test_missing_column_is_named():
    with pytest.raises(KeyError, match="value"):
        plots.bmd_panels(_data().drop(columns="value"))


@pytest.mark.parametrize(
    ("p", "stars"),
    [(0.0009, "***"), (0.001, "**"), (0.0099, "**"), (0.01, "*"), (0.049, "*"), (0.05, "")],
)
def test_stars_follow_the_figure_legend(p, stars):
    # the thresholds of paper Figure 2's legend: *p < 0.05; **p < 0.01; ***p < 0.001
    assert plots.significance_label(p) == stars


def test_marks_keep_only_significant_comparisons_within_first():
    within = pd.DataFrame(
        {
            "measure": ["left_hip_bmd"] * 3,
            "group": ["CM"] * 3,
            "month_a": [0, 0, 6],
            "month_b": [6, 12, 12],
            "p": [0.2, 0.0004, 0.049],
        }
    )
    between = pd.DataFrame(
        {"measure": ["l1_4_bmd", "l1_4_bmd"], "month": [6, 12], "p": [0.03, 0.3]}
    )
    marks = plots.significance_marks(within=within, between=between)
    assert marks[["group_a", "month_a", "group_b", "month_b", "label"]].values.tolist() == [
        ["CM", 0, "CM", 12, "***"],
        ["CM", 6, "CM", 12, "*"],
        ["HCM", 6, "CM", 6, "*"],
    ]
    assert marks["p"].tolist() == pytest.approx([0.0004, 0.049, 0.03])


def test_marks_name_a_missing_column():
    with pytest.raises(KeyError, match="between is missing column"):
        plots.significance_marks(between=pd.DataFrame({"measure": ["x"], "p": [0.01]}))
