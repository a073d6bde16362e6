"""Figures: tidy result frames in, ``matplotlib.figure.Figure`` out.

One module per part of the pipeline whose results it draws, plus the style every
figure shares; no statistics are computed here. Save and show a figure with
:func:`milkbone.report.save`, which adds its evidence label.

- :mod:`~milkbone.plots.style`: arm colours and markers, sizes, :func:`use_style`;
- :mod:`~milkbone.plots.flow`: the participant flow (paper Figure 1);
- :mod:`~milkbone.plots.bmd`: BMD panels and significance marks (paper Figure 2);
- :mod:`~milkbone.plots.clinical`: visit means, category bars (paper §3.3);
- :mod:`~milkbone.plots.reanalysis`: the ρ curves of the re-analysis;
- :mod:`~milkbone.plots.audit`: the verdict heat map of the claims audit;
- :mod:`~milkbone.plots.metabolome`: heat map, PLS-DA, volcano, pathway and ROC plots (§3.5–3.6);
- :mod:`~milkbone.plots.visits`: PLS-DA scores and permutations of several visits (§3.5–3.6);
- :mod:`~milkbone.plots.microbiome` and :mod:`~milkbone.plots.taxa`: Figures 3 A–E and 4 A–L (§3.4);
- :mod:`~milkbone.plots.joint`: the correlation heat maps of the joint analysis (Figure 7);
- :mod:`~milkbone.plots.mechanism`: the proposed mechanism with each arrow's evidence (Figure 8).

A new module adds one import line below and its names to ``__all__``.
"""

from milkbone.plots.audit import VERDICT_ORDER, verdict_heatmap
from milkbone.plots.bmd import (
    BMD_PANELS,
    SIGNIFICANCE_LEVELS,
    bmd_panels,
    significance_label,
    significance_marks,
)
from milkbone.plots.clinical import category_bars, visit_means
from milkbone.plots.flow import participant_flow
from milkbone.plots.joint import correlation_panels
from milkbone.plots.mechanism import EDGE_STYLE, mechanism_diagram
from milkbone.plots.metabolome import (
    REGULATION_STYLE,
    differential_heatmap,
    pathway_dots,
    permutation_plot,
    roc_curves,
    score_plot,
    volcano_plot,
)
from milkbone.plots.microbiome import (
    arm_boxes,
    composition_bars,
    forest_roc_curves,
    importance_bars,
    pcoa_scatter,
)
from milkbone.plots.reanalysis import RHO_STYLE, rho_curves
from milkbone.plots.style import (
    ARM_OFFSET,
    ARM_STYLE,
    FIGURE_DPI,
    FIGURE_SIZE,
    PUBLISHED_COLOUR,
    figure_and_axes,
    month_axis,
    use_style,
)
from milkbone.plots.visits import plsda_panels

__all__ = [
    "ARM_OFFSET",
    "ARM_STYLE",
    "BMD_PANELS",
    "EDGE_STYLE",
    "FIGURE_DPI",
    "FIGURE_SIZE",
    "PUBLISHED_COLOUR",
    "REGULATION_STYLE",
    "RHO_STYLE",
    "SIGNIFICANCE_LEVELS",
    "VERDICT_ORDER",
    "arm_boxes",
    "bmd_panels",
    "category_bars",
    "composition_bars",
    "correlation_panels",
    "differential_heatmap",
    "figure_and_axes",
    "forest_roc_curves",
    "importance_bars",
    "mechanism_diagram",
    "month_axis",
    "participant_flow",
    "pathway_dots",
    "pcoa_scatter",
    "permutation_plot",
    "plsda_panels",
    "rho_curves",
    "roc_curves",
    "score_plot",
    "significance_label",
    "significance_marks",
    "use_style",
    "verdict_heatmap",
    "visit_means",
    "volcano_plot",
]
