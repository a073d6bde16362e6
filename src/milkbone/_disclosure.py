"""Disclosure control when notebooks run on real participant data (issue 5, part 5).

:func:`milkbone.cohort.load` records whether the data it loaded are the simulated
cohort. When they are not, :func:`milkbone.figures.show_table` passes every table
through :func:`guard`: a table with participant-level rows is refused, and every cell
describing fewer than :data:`MINIMUM_CELL` people is blanked. The simulated cohort is
shown in full, since it describes no one.
"""

from __future__ import annotations

import re

import pandas as pd

MINIMUM_CELL = 5
"""Smallest number of people a printed cell may describe when the data are real."""

_COUNT_COLUMN = re.compile(r"^(n|count)(_.+)?$")
_state = {"real": False}


def set_real(real: bool) -> None:
    """Record whether the participant data now in use are real (not simulated)."""
    _state["real"] = bool(real)


def is_real() -> bool:
    """True when the last participant data loaded were real."""
    return _state["real"]


def guard(table: pd.DataFrame) -> pd.DataFrame:
    """The table as it may be shown: unchanged for simulated data, suppressed for real.

    On real data, counts (columns ``n``, ``n_*``, ``count``, ``count_*``) from 1 to
    four become NA, and so do the other numeric cells of a row whose ``n`` is below
    five. A table with a ``participant`` column raises ``ValueError``.
    """
    if not is_real():
        return table
    from milkbone.analysis import clinical

    clinical.aggregate_only(table)
    counts = [c for c in table.columns if _COUNT_COLUMN.match(str(c))]
    if not counts:
        return table
    summaries = [
        c
        for c in table.columns
        if c not in counts and pd.api.types.is_numeric_dtype(table[c]) and "n" in table.columns
    ]
    return clinical.suppress_small_cells(
        table,
        count_columns=counts,
        summary_columns=summaries,
        n_column="n" if summaries else None,
        minimum=MINIMUM_CELL,
    )
