"""The numbers the paper prints, and the registry of its numeric claims.

``data/published/`` holds one tidy CSV per table of Zhao et al. (2025) (one row per
printed cell), the numbers stated in the prose, the participant flow, the measure
slugs, and the claims registry. ``datapackage.json`` (frictionless Table Schema)
describes every column; each file is validated against it with pandera on load.

Modules, in the order of the pipeline:

- :mod:`~milkbone.published.parse`: reading numbers as printed;
- :mod:`~milkbone.published.transcribe`: the paper's text → ``data/published/``
  (``python -m milkbone.published.transcribe``);
- :mod:`~milkbone.published.schema` and :mod:`~milkbone.published.tables`: loading
  each file, typed and validated;
- :mod:`~milkbone.published.overview`: views across files (sources, flags, means ± SD);
- :mod:`~milkbone.published.registry`: the claims registry (check kinds documented there);
- :mod:`~milkbone.published.curated`: our hand-made readings (Figure 8, the literature
  context) in ``data/curated``;
- :mod:`~milkbone.published.pathways`: Reactome's metabolite–pathway mapping (CC0), the
  reference library of the pathway analyses.

The group sizes and counts of the participant flow are the shared vocabulary's
(:mod:`milkbone.vocabulary`), re-exported here for the audit.
"""

from __future__ import annotations

from milkbone.published import curated, pathways
from milkbone.published.overview import flags, sources, summary_statistics
from milkbone.published.registry import CHECK_KINDS, CLAIM_COLUMNS, build_claims
from milkbone.published.registry_rows import WORD_KINDS
from milkbone.published.tables import (
    TABLE_FILES,
    claims,
    datapackage,
    flow,
    measures,
    prose,
    resource,
    table,
)
from milkbone.vocabulary import ENROLLED, GROUP_SIZES, WITHDRAWN

__all__ = [
    "CHECK_KINDS",
    "CLAIM_COLUMNS",
    "ENROLLED",
    "GROUP_SIZES",
    "TABLE_FILES",
    "WITHDRAWN",
    "WORD_KINDS",
    "build_claims",
    "claims",
    "curated",
    "datapackage",
    "flags",
    "flow",
    "measures",
    "pathways",
    "prose",
    "resource",
    "sources",
    "summary_statistics",
    "table",
]
