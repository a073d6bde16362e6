"""Statistics on participant data and re-analyses of published numbers.

The analysis step of the pipeline: frames in, tidy frames out, nothing read or printed.

- ``clinical``: the methods of paper §2.5 on the clinical participant frame (Tables 2–4,
  Figure 2), one call for many measures and both arms;
- ``mirror``: printed summaries beside the same summaries of participant data;
- ``reanalysis``: analyses the paper did not do, from its printed numbers only;
- ``design``: the trial's design recomputed from published numbers (§2, Table 1).

Add a subpackage by appending it to the import list and to ``__all__``, one per line.
"""

from milkbone.analysis import (
    clinical,
    design,
    mirror,
    reanalysis,
)

__all__ = [
    "clinical",
    "design",
    "mirror",
    "reanalysis",
]
