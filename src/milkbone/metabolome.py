"""The metabolome analyses under a short name: ``from milkbone.metabolome import plsda``.

A re-export of :mod:`milkbone.analysis.metabolome` (issue 11); the code lives there.
"""

from milkbone.analysis.metabolome import (
    SCALINGS,
    SELECTION_RULES,
    PlsdaResult,
    compare_features,
    feature_auc,
    feature_means,
    over_representation,
    plsda,
    reactome_library,
    roc_points,
    select_features,
    selection_counts,
)

__all__ = [
    "SCALINGS",
    "SELECTION_RULES",
    "PlsdaResult",
    "compare_features",
    "feature_auc",
    "feature_means",
    "over_representation",
    "plsda",
    "reactome_library",
    "roc_points",
    "select_features",
    "selection_counts",
]
