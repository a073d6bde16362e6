"""milkbone.plots.flow: the participant flow chart (paper Figure 1)."""

from __future__ import annotations

import matplotlib.pyplot as plt

from milkbone import plots


def test_flow_chart_shows_every_count():
    fig = plots.participant_flow(enrolled=104, withdrawn=7, analysed={"HCM": 51, "CM": 46})
    texts = " ".join(t.get_text() for t in fig.axes[0].texts)
    for fragment in ("n = 104", "n = 7", "n = 97", "n = 51", "n = 46"):
        assert fragment in texts
    plt.close(fig)
