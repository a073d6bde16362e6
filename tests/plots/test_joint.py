"""milkbone.plots.joint: five panels, marks where p is small, frames on named pairs."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.patches import Rectangle

from milkbone.plots.joint import correlation_panels


def _frame():
    rows = []
    for panel in "ABCDE":
        for left in ("x", "y"):
            for right in ("u", "v"):
                p = 0.01 if (panel, left, right) == ("A", "x", "u") else 0.5
                rows.append((panel, left, right, 0.3, p, p * 2))
    return pd.DataFrame(rows, columns=["panel", "left", "right", "rho", "p", "p_bh"])


def test_panels_titles_marks_and_frames():
    named = pd.DataFrame({"panel": ["A", "E"], "left": ["x", "y"], "right": ["u", "v"]})
    fig = correlation_panels(_frame(), named, labels={"x": "L1–4 BMD"})
    titles = [ax.get_title(loc="left") for ax in fig.axes[:5]]
    assert [t[0] for t in titles] == list("ABCDE")
    first = fig.axes[0]
    dots = [line for line in first.get_lines() if line.get_marker() == "o"]
    assert len(dots) == 2  # p < 0.05 dot and BH ring (p_bh 0.02) on the one small p
    frames = [
        p
        for ax in fig.axes[:5]
        for p in ax.patches
        if isinstance(p, Rectangle)
        and p.get_edgecolor()[:3] == (0.0, 0.0, 0.0)
        and not p.get_fill()
    ]
    assert len(frames) == 2
    assert "L1–4 BMD" in [t.get_text() for t in first.get_yticklabels()]
    plt.close(fig)
