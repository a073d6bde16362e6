"""milkbone.plots.audit: the verdict heat map of the claims audit."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from milkbone import plots


def test_verdict_heatmap_counts_each_cell_and_colours_by_share():
    claims = pd.DataFrame(
        {
            "section": ["3.1", "3.1", "3.1", "3.5"],
            "verdict": ["consistent", "consistent", "discrepancy", "not-verifiable"],
        }
    )
    fig = plots.verdict_heatmap(claims)
    ax = fig.axes[0]
    annotations = [t.get_text() for t in ax.texts]
    # row by row, verdicts in order (consistent, discrepancy, inconclusive, not-verifiable)
    assert annotations == ["2", "1", "0", "0", "0", "0", "0", "1"]
    shares = ax.collections[0].get_array().reshape(2, 4)
    assert shares[0].tolist() == pytest.approx([2 / 3, 1 / 3, 0, 0])
    assert [t.get_text() for t in ax.get_xticklabels()] == list(plots.VERDICT_ORDER)
    plt.close(fig)


def test_verdict_heatmap_names_a_missing_column():
    with pytest.raises(KeyError, match="check_kind"):
        plots.verdict_heatmap(pd.DataFrame({"verdict": ["consistent"]}), rows="check_kind")
