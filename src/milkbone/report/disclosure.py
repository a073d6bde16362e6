"""Disclosure control for results computed on real participant data (issue 5, part 5).

The rules follow the evidence level of what is shown, never a switch kept somewhere:
a table, number or figure whose level is ``observed`` (real participant data, see
:data:`milkbone.vocabulary.EVIDENCE_LEVELS`) passes through this module before it is
shown; the simulated cohort describes no one and is shown in full. On observed data:

- a table with participant-level rows is refused;
- every count from 1 to :data:`~milkbone.vocabulary.MINIMUM_CELL` − 1 is blanked, and
  so is every other numeric cell of a row whose ``n`` is below it;
- a glued number describing fewer people, or a glued count below it, is blanked;
- a figure describing fewer people is refused.

A notebook says where its results come from with ``evidence=cohort.evidence``
(:class:`milkbone.cohort.Cohort`), so the same notebook is safe on both.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

from milkbone.report.evidence import evidence_levels
from milkbone.vocabulary import MINIMUM_CELL

__all__ = [
    "BLANK",
    "COUNT_NAME",
    "MINIMUM_CELL",
    "check_figure",
    "guard",
    "guard_value",
    "is_observed",
]

COUNT_NAME = re.compile(r"^(n|count)(_.+)?$")
"""Names of head-count columns (``n``, ``n_*``, ``count``, ``count_*``)."""

BLANK = "–"
"""What a suppressed cell or number shows."""


def is_observed(evidence: str | Iterable[str]) -> bool:
    """True when any of the levels is ``observed``: the disclosure rules apply.

    Examples
    --------
    >>> is_observed("simulated"), is_observed(["published", "observed"])
    (False, True)
    """
    return "observed" in evidence_levels(evidence)


def guard(table: pd.DataFrame, *, evidence: str | Iterable[str]) -> pd.DataFrame:
    """The table as it may be shown: unchanged unless ``evidence`` includes ``observed``.

    On observed data, counts (columns ``n``, ``n_*``, ``count``, ``count_*``) from 1 to
    four become NA, and so do the other numeric cells of a row whose ``n`` is below
    five.

    Parameters
    ----------
    table : pandas.DataFrame
        A result table.
    evidence : str or iterable of str
        Its evidence level(s).

    Returns
    -------
    pandas.DataFrame
        ``table`` itself when no rule applies, else a suppressed copy.

    Raises
    ------
    ValueError
        On observed data, if ``table`` has a ``participant`` column.

    Examples
    --------
    >>> table = pd.DataFrame({"group": ["HCM", "CM"], "n": [4, 46], "mean": [9.1, 24.2]})
    >>> guard(table, evidence="simulated") is table
    True
    >>> guard(table, evidence="observed")
      group     n  mean
    0   HCM  <NA>   NaN
    1    CM    46  24.2
    """
    if not is_observed(evidence):
        return table
    from milkbone.analysis import clinical

    clinical.aggregate_only(table)
    counts = [c for c in table.columns if COUNT_NAME.match(str(c))]
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


def guard_value(key: str, value: object, *, evidence: str, n: int | None = None) -> object:
    """A glued number as it may be shown: :data:`BLANK` when it describes too few people.

    On observed data, a value describing ``n`` people with ``n`` below five is blanked,
    and so is a count (a key whose last part is ``n``, ``n_*``, ``count``, ``*_count``)
    from 1 to four.

    Examples
    --------
    >>> guard_value("baseline.completers.hcm.count", 3, evidence="simulated")
    3
    >>> guard_value("baseline.completers.hcm.count", 3, evidence="observed")
    '–'
    >>> guard_value("baseline.age.hcm.mean", 61.2, evidence="observed", n=4)
    '–'
    >>> guard_value("baseline.age.hcm.mean", 61.2, evidence="observed", n=51)
    61.2
    """
    if not is_observed(evidence):
        return value
    if n is not None and n < MINIMUM_CELL:
        return BLANK
    last = key.rsplit(".", 1)[-1]
    is_count = COUNT_NAME.match(last) or last.endswith("_count")
    small = isinstance(value, int | float) and 0 < value < MINIMUM_CELL
    return BLANK if is_count and small else value


def check_figure(name: str, *, evidence: str, n: int | None = None) -> None:
    """Refuse a figure of observed data describing fewer than five people.

    Raises
    ------
    ValueError
        If ``evidence`` is ``observed`` and ``n`` is below five.

    Examples
    --------
    >>> check_figure("fig2a", evidence="observed", n=51)
    >>> check_figure("fig2a", evidence="observed", n=4)
    Traceback (most recent call last):
    ...
    ValueError: figure 'fig2a' describes groups of 4 people on real data; at least 5 are needed
    """
    if is_observed(evidence) and n is not None and n < MINIMUM_CELL:
        raise ValueError(
            f"figure {name!r} describes groups of {n} people on real data; "
            f"at least {MINIMUM_CELL} are needed"
        )
