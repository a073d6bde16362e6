"""milkbone: the reproducible, executable edition of Zhao et al. (2025).

The package the book's notebooks call. Modules follow the domains of the
analysis (see DESIGN.md, "Layout"):

- ``published``: numbers transcribed from the paper, and the claims registry;
- ``audit``: checks recomputed from published numbers only;
- ``cohort``: the participant-level schema, loader and simulated cohort;
- ``figures``: plots, palette, glue and figure saving;
- ``build``: notebook execution with a content-hash cache, and the book build.
"""

__version__ = "0.1.0"

EVIDENCE_LEVELS = ("published", "recomputed", "simulated", "not-verifiable")
"""The four evidence levels of DESIGN.md, "The honesty model"."""

VERDICTS = ("consistent", "discrepancy", "not-verifiable", "pending")
"""The verdicts a claim can receive; only published and recomputed evidence may decide one."""

__all__ = ["EVIDENCE_LEVELS", "VERDICTS", "__version__"]
