"""Published summaries beside the same summaries computed on participant data.

The clinical chapters mirror the paper's Tables 2–4: every printed mean ± SD, test
statistic and category count is shown next to the number our code computes on the
participant data in use (the simulated cohort, unless a reader supplies real data).
This package lines the two sides up; it computes nothing that
:mod:`milkbone.analysis.clinical` does not, and reads no file (pass it the frames of
:mod:`milkbone.published`).

- ``summaries``: :func:`compare_summaries`, mean ± SD per measure × group × month, both
  sides, with differences (also the calibration table of the simulated cohort), and
  :func:`wide_table`, the same laid out like the paper's table, "mean ± SD" strings at
  the paper's decimals;
- ``between_arms``: :func:`compare_tests`, printed between-arm t/U and p beside the
  cohort's test, and :func:`category_table`, Table 4's 25(OH)D category counts, both
  sides;
- ``changes``: :func:`standardised_differences`, baseline balance as standardised mean
  differences; :func:`percent_changes`, percent changes of group means between visits;
  :func:`stated_percent_changes` and :func:`compare_percent_changes`, the percent
  changes the prose states, signed, and beside the same changes on the cohort.

Every output is tidy (RangeIndex, snake_case columns in the documented order, HCM
before CM) and says the evidence level of each side.
"""

from milkbone.analysis.mirror.between_arms import category_table, compare_tests
from milkbone.analysis.mirror.changes import (
    compare_percent_changes,
    percent_changes,
    standardised_differences,
    stated_percent_changes,
)
from milkbone.analysis.mirror.summaries import compare_summaries, wide_table

__all__ = [
    "category_table",
    "compare_percent_changes",
    "compare_summaries",
    "compare_tests",
    "percent_changes",
    "standardised_differences",
    "stated_percent_changes",
    "wide_table",
]
