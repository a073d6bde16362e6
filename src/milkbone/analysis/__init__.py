"""Statistics on participant data and re-analyses of published numbers.

The analysis step of the pipeline: frames in, tidy frames out, nothing read or printed.

- ``clinical``: the methods of paper §2.5 on the clinical participant frame (Tables 2–4,
  Figure 2), one call for many measures and both arms;
- ``mirror``: printed summaries beside the same summaries of participant data;
- ``reanalysis``: analyses the paper did not do, from its printed numbers only;
- ``design``: the trial's design recomputed from published numbers (§2, Table 1);
- ``microbiome``: diversity, ordination, community tests, ANCOM-BC, forests (§3.4);
- ``metabolome``: PLS-DA, per-feature tests, ROC and pathway enrichment (§3.5–3.6);
- ``correlation``: Spearman correlations between blocks joined by participant (§3.7);
- ``joint``: Figure 7's blocks and panels, and the correlations §3.7 names;
- ``mechanism``: the evidence behind each arrow of the proposed mechanism (Figure 8);
- ``literature``: the trial beside the gut–bone literature, agreement by code.

Add a subpackage by appending it to the import list and to ``__all__``, one per line.
"""

from milkbone.analysis import (
    clinical,
    correlation,
    design,
    joint,
    literature,
    mechanism,
    metabolome,
    microbiome,
    mirror,
    reanalysis,
)

__all__ = [
    "clinical",
    "correlation",
    "design",
    "joint",
    "literature",
    "mechanism",
    "metabolome",
    "microbiome",
    "mirror",
    "reanalysis",
]
