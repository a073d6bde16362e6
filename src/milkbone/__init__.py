"""milkbone: the reproducible, executable edition of Zhao et al. (2025).

The package the book's notebooks call. Its subpackages are the pipeline
(CONTRIBUTING.md has the picture):

- ``published``: numbers transcribed from the paper, and the claims registry;
- ``audit``: checks recomputed from published numbers only;
- ``cohort``: participant-level data: schema, validation, loading, simulation;
- ``analysis``: statistics on participant frames and re-analyses;
- ``report`` and ``plots``: glue, tables, captions, evidence labels; figures;
- ``build``: notebook execution with a content-hash cache, and the book build;
- ``vocabulary``: arms, visits, sizes, evidence levels and verdicts (the only copy).
"""

from milkbone.vocabulary import EVIDENCE_LEVELS, VERDICTS

__version__ = "0.1.0"

__all__ = ["EVIDENCE_LEVELS", "VERDICTS", "__version__"]
