"""Gut-microbiota analyses of paper §3.4 (Figures 3A–E, 4A–L) on 16S frames.

Every function takes the frames of the 16S data contract (never file paths):
``counts`` samples × features (index sample id), ``taxonomy`` indexed by feature id,
``samples`` indexed by sample id with ``participant, group, month``; frames are
joined by id, never by position. Results are tidy frames with ``n``, ``method`` and
``evidence``; randomness comes only from ``seed``; heavy loops take ``n_jobs``.

- :mod:`.composition`: collapse to a rank, relative abundance, top taxa, the
  Firmicutes/Bacteroidetes ratio (Figure 3D–E, 4A–B);
- :mod:`.diversity`: Chao1 and Shannon, tests between and within arms (Figure 3A–B);
- :mod:`.beta`: Bray–Curtis and PCoA (Figure 3C);
- :mod:`.community`: PERMANOVA and the distance rank-sum test, our reading of the
  paper's "Wilcoxon test"; :mod:`.dispersion`: PERMDISP (Figure 3C);
- :mod:`.differential`: ANCOM-BC per visit, rank tests with Benjamini–Hochberg
  (Figure 4A–I);
- :mod:`.forest`: random forests per visit with cross-validated ROC and importance
  (Figure 4J–L); :mod:`.nested`: why their AUC needs nested cross-validation;
- :mod:`.mixed`: mixed model on CLR-transformed abundances (the better-analysis box);
- :mod:`.mirror`: §3.4's printed taxa and ratios beside the data's tests;
- :mod:`.rarefaction`: subsampling reads to one depth, dropped samples listed;
- :mod:`.demo`: toy 16S tables of any size for examples, tests and benchmarks.
"""

from milkbone.analysis.microbiome._permute import TEST_COLUMNS
from milkbone.analysis.microbiome.beta import SPARSE_DENSITY, Ordination, bray_curtis, pcoa
from milkbone.analysis.microbiome.community import (
    community_tests,
    distance_rank_test,
    permanova,
)
from milkbone.analysis.microbiome.composition import (
    BACTEROIDETES,
    FIRMICUTES,
    RANKS,
    abundance_long,
    collapse,
    describe_taxa,
    firmicutes_bacteroidetes,
    relative_abundance,
    top_taxa,
)
from milkbone.analysis.microbiome.demo import PHYLA, ToyMicrobiome, toy_microbiome
from milkbone.analysis.microbiome.differential import (
    RANK_TESTS,
    ancombc,
    ancombc_by_visit,
    benjamini_hochberg,
    rank_tests,
)
from milkbone.analysis.microbiome.dispersion import permdisp, spatial_median
from milkbone.analysis.microbiome.diversity import (
    ALPHA_METRICS,
    ALPHA_TEST_COLUMNS,
    BETWEEN_TESTS,
    WITHIN_TESTS,
    alpha_diversity,
    alpha_tests,
)
from milkbone.analysis.microbiome.forest import (
    SCORINGS,
    ForestResult,
    permutation_importance_top_k,
    random_forest,
)
from milkbone.analysis.microbiome.mirror import (
    DIFFERENTIAL_COLUMNS,
    PHYLUM_NAMES,
    count_differences,
    differential_by_rank,
    match_taxa,
    mirror_differential,
    mirror_phyla,
    mirror_ratios,
    published_phyla,
    reported_differences,
)
from milkbone.analysis.microbiome.mixed import ENGINE_NAMES, clr, clr_mixed_model
from milkbone.analysis.microbiome.nested import NESTED_COLUMNS, nested_forest_auc
from milkbone.analysis.microbiome.rarefaction import Rarefied, rarefy

__all__ = [
    "ALPHA_METRICS",
    "ALPHA_TEST_COLUMNS",
    "BACTEROIDETES",
    "BETWEEN_TESTS",
    "DIFFERENTIAL_COLUMNS",
    "ENGINE_NAMES",
    "FIRMICUTES",
    "NESTED_COLUMNS",
    "PHYLA",
    "PHYLUM_NAMES",
    "RANKS",
    "RANK_TESTS",
    "SCORINGS",
    "SPARSE_DENSITY",
    "TEST_COLUMNS",
    "WITHIN_TESTS",
    "ForestResult",
    "Ordination",
    "Rarefied",
    "ToyMicrobiome",
    "abundance_long",
    "alpha_diversity",
    "alpha_tests",
    "ancombc",
    "ancombc_by_visit",
    "benjamini_hochberg",
    "bray_curtis",
    "clr",
    "clr_mixed_model",
    "collapse",
    "community_tests",
    "count_differences",
    "describe_taxa",
    "differential_by_rank",
    "distance_rank_test",
    "firmicutes_bacteroidetes",
    "match_taxa",
    "mirror_differential",
    "mirror_phyla",
    "mirror_ratios",
    "nested_forest_auc",
    "pcoa",
    "permanova",
    "permdisp",
    "permutation_importance_top_k",
    "published_phyla",
    "random_forest",
    "rank_tests",
    "rarefy",
    "relative_abundance",
    "reported_differences",
    "spatial_median",
    "top_taxa",
    "toy_microbiome",
]
