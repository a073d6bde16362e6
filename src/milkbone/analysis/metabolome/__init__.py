"""Metabolome analyses of paper §3.5–3.6 (Figures 5–6, Tables 5–6), frames in, frames out.

- :mod:`~milkbone.analysis.metabolome.plsda`: PLS-DA with ropls's R2X, R2Y, Q2, VIP and
  permutation test (:func:`plsda`), on the kernel engine of
  :mod:`~milkbone.analysis.metabolome.kernel`; ``engine="refit"`` computes the same by
  refitting scikit-learn (:mod:`~milkbone.analysis.metabolome.reference`, for tests and
  benchmarks);
- :mod:`~milkbone.analysis.metabolome.univariate`: per-feature t-tests, fold changes, BH,
  the paper's two selection rules, feature means per group and visit;
- :mod:`~milkbone.analysis.metabolome.roc`: single-feature ROC AUCs (Table 6);
- :mod:`~milkbone.analysis.metabolome.enrichment`: MetaboAnalyst's hypergeometric pathway
  over-representation on a library frame (Reactome's CC0 mapping);
- :mod:`~milkbone.analysis.metabolome.visits`: the arms compared at every visit in one
  call (PLS-DA, t-tests, both selection rules) and the counts each rule keeps;
- :mod:`~milkbone.analysis.metabolome.mirror`: Tables 5–6 and the printed counts beside
  what the data give, features matched to printed names.

Every function takes the frames of ``milkbone.cohort.metabolome.load_metabolome``
(``intensities``, ``samples``, ``features``), never file paths.
"""

from milkbone.analysis.metabolome.enrichment import (
    LIBRARY_COLUMNS,
    normalise_chebi,
    over_representation,
    reactome_library,
)
from milkbone.analysis.metabolome.kernel import KernelPls, fit_kernel_pls, fold_labels
from milkbone.analysis.metabolome.mirror import (
    feature_ids,
    feature_labels,
    mirror_counts,
    mirror_table5,
    mirror_table6,
    printed_table5,
    printed_table6,
)
from milkbone.analysis.metabolome.permutation import permutation_orders, permutation_p
from milkbone.analysis.metabolome.plsda import ENGINES, SCALINGS, PlsdaResult, plsda, scale_matrix
from milkbone.analysis.metabolome.reference import fit_refit_pls
from milkbone.analysis.metabolome.roc import feature_auc, roc_points
from milkbone.analysis.metabolome.univariate import (
    SELECTION_RULES,
    TESTS,
    TRANSFORMS,
    compare_features,
    feature_means,
    select_features,
    selection_counts,
)
from milkbone.analysis.metabolome.visits import (
    VisitComparison,
    compare_visits,
    count_selected,
    differential,
)

__all__ = [
    "ENGINES",
    "LIBRARY_COLUMNS",
    "SCALINGS",
    "SELECTION_RULES",
    "TESTS",
    "TRANSFORMS",
    "KernelPls",
    "PlsdaResult",
    "VisitComparison",
    "compare_features",
    "compare_visits",
    "count_selected",
    "differential",
    "feature_auc",
    "feature_ids",
    "feature_labels",
    "feature_means",
    "fit_kernel_pls",
    "fit_refit_pls",
    "fold_labels",
    "mirror_counts",
    "mirror_table5",
    "mirror_table6",
    "normalise_chebi",
    "over_representation",
    "permutation_orders",
    "permutation_p",
    "plsda",
    "printed_table5",
    "printed_table6",
    "reactome_library",
    "roc_points",
    "scale_matrix",
    "select_features",
    "selection_counts",
]
