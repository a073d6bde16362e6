"""milkbone.plots.mechanism: one arrow per edge, styled by category, legend counts."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
from matplotlib.patches import FancyArrowPatch

from milkbone.analysis.mechanism import edge_evidence
from milkbone.plots.mechanism import EDGE_STYLE, mechanism_diagram
from milkbone.published import claims as registry
from milkbone.published import curated


def test_one_arrow_per_edge_and_counts_in_legend():
    nodes, edges = curated.mechanism()
    evidence = edge_evidence(edges, registry())
    fig = mechanism_diagram(nodes, evidence)
    ax = fig.axes[0]
    arrows = [p for p in ax.patches if isinstance(p, FancyArrowPatch)]
    assert len(arrows) == len(edges)
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels[0] == "contradicted by the audit (1)"
    assert "never tested in the paper (6)" in labels
    # colours of the arrows follow EDGE_STYLE, category by category
    expected = [EDGE_STYLE[c]["linestyle"] for c in evidence["category"]]
    assert [a.get_linestyle() for a in arrows] == [
        {"-": "-", "--": "--", "-.": "-.", ":": ":"}[s] for s in expected
    ]
    plt.close(fig)
