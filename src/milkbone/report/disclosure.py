"""Disclosure control for results computed on real participant data (issue 5, part 5).

The rules follow the evidence level of what is shown, never a switch kept somewhere:
a table, number or figure whose level is ``observed`` (real participant data, see
:data:`milkbone.vocabulary.EVIDENCE_LEVELS`) passes through this module before it is
shown; the simulated cohort describes no one and is shown in full. On observed data
no statistic may describe fewer than :data:`~milkbone.vocabulary.MINIMUM_CELL` (five)
women:

- a table with participant-level rows is refused;
- every count from 1 to 4 is blanked; where counts add up to a total a reader knows
  (the categories of one arm at one visit), further cells are blanked so that none
  can be recovered by subtraction (complementary suppression);
- a row describing an arm of 1 to 4 women (``n``, ``n_hcm`` or ``n_cm`` below five)
  is blanked whole: its sizes, means, SDs, differences, tests, degrees of freedom;
- a table, number or figure the caller says describes fewer than five (``n=``) is
  blanked whole, or refused for a figure;
- the participant rows a figure draws from lose the cells of fewer than five women,
  so no box plot or point shows four values.

Published numbers (columns ``published``, ``published_*``) and what a row *is*
(months, category bounds, names) are never blanked. A notebook says where its results
come from with ``evidence=data.evidence`` (:class:`milkbone.cohort.Cohort`), so the same
notebook is safe on both.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from milkbone.report.evidence import evidence_levels
from milkbone.report.suppression import aggregate_only, suppress_small_cells
from milkbone.vocabulary import GROUPS, MINIMUM_CELL

__all__ = [
    "BLANK",
    "COUNT_NAME",
    "KEY_NAME",
    "MINIMUM_CELL",
    "PUBLIC_NAME",
    "SIZE_NAME",
    "check_figure",
    "guard",
    "guard_participants",
    "guard_value",
    "is_observed",
    "smallest_arm",
]

COUNT_NAME = re.compile(r"^(n|count)(_.+)?$")
"""Names of head-count columns (``n``, ``n_*``, ``count``, ``count_*``)."""

SIZE_NAME = re.compile(rf"^n(_({'|'.join(g.lower() for g in GROUPS)}))?$")
"""Names of the columns saying how many women a row describes: ``n``, ``n_hcm``, ``n_cm``."""

PUBLIC_NAME = re.compile(r"^published(_.+)?$")
"""Names of columns holding numbers the paper prints: shown as printed, never blanked."""

KEY_NAME = re.compile(r"^(month|month_[a-z]+|[a-z]+_month|lower|upper)$")
"""Names of numeric columns saying what a row is (visits, category bounds), not what it
found: never blanked."""

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


def _roles(table: pd.DataFrame) -> tuple[list, list, list, list | None]:
    """Counts, sizes, statistics and (for category tables) the totals' grouping."""
    names = {c: str(c) for c in table.columns}
    fixed = [c for c, name in names.items() if PUBLIC_NAME.match(name) or KEY_NAME.match(name)]
    counts = [c for c, name in names.items() if COUNT_NAME.match(name) and c not in fixed]
    sizes = [c for c in counts if SIZE_NAME.match(names[c])]
    statistics = [
        c
        for c in table.columns
        if c not in counts and c not in fixed and pd.api.types.is_numeric_dtype(table[c])
    ]
    totals_by = None
    if "category" in table.columns:  # its counts add up to an arm's size, known elsewhere
        bounds = ("category", "lower", "upper")  # these vary within a total
        totals_by = [
            c
            for c in table.columns
            if c not in (*counts, *statistics, *bounds) and not PUBLIC_NAME.match(names[c])
        ]
    return counts, sizes, statistics, totals_by


def guard(
    table: pd.DataFrame, *, evidence: str | Iterable[str], n: int | None = None
) -> pd.DataFrame:
    """The table as it may be shown: unchanged unless ``evidence`` includes ``observed``.

    Parameters
    ----------
    table : pandas.DataFrame
        A result table.
    evidence : str or iterable of str
        Its evidence level(s).
    n : int, optional
        The fewest women any statistic of the table describes, when its columns do not
        say (a between-arm test without ``n_hcm`` and ``n_cm``, a model of both arms):
        below five, every statistic of the table is blanked.

    Returns
    -------
    pandas.DataFrame
        ``table`` itself when no rule applies, else a suppressed copy: counts from 1
        to 4 blanked, with complementary cells of a ``category`` table; rows whose
        ``n``, ``n_hcm`` or ``n_cm`` is from 1 to 4 blanked whole; published columns,
        months and category bounds kept.

    Raises
    ------
    ValueError
        On observed data, if ``table`` has a ``participant`` column.

    Examples
    --------
    >>> table = pd.DataFrame({"group": ["HCM", "CM"], "month": 6, "n": [4, 46],
    ...                       "mean": [9.1, 24.2], "published_mean": [8.7, 24.0]})
    >>> guard(table, evidence="simulated") is table
    True
    >>> guard(table, evidence="observed")
      group  month     n  mean  published_mean
    0   HCM      6  <NA>   NaN             8.7
    1    CM      6    46  24.2            24.0
    >>> guard(table, evidence="observed", n=4)[["n", "mean", "published_mean"]]
          n  mean  published_mean
    0  <NA>   NaN             8.7
    1  <NA>   NaN            24.0
    """
    if not is_observed(evidence):
        return table
    aggregate_only(table)
    counts, sizes, statistics, totals_by = _roles(table)
    if n is not None and n < MINIMUM_CELL:
        return _blank_all(table, counts, statistics)
    if not counts:
        return table
    return suppress_small_cells(
        table,
        count_columns=counts,
        summary_columns=statistics if sizes else (),
        n_column=sizes or None,
        totals_by=totals_by,
    )


def _blank_all(table: pd.DataFrame, counts: list, statistics: list) -> pd.DataFrame:
    """Every count and statistic of ``table`` blanked (the names of its rows kept)."""
    out = table.copy()
    for column in counts:
        out[column] = pd.array([pd.NA] * len(out), dtype="Int64")
    for column in statistics:
        out[column] = np.nan
    return out


def guard_value(key: str, value: object, *, evidence: str, n: int | None = None) -> object:
    """A glued number as it may be shown: :data:`BLANK` when it describes too few people.

    On observed data, a value describing ``n`` people with ``n`` below five is blanked,
    and so is a count (a key whose last part is ``n``, ``n_*``, ``count``, ``*_count``)
    from 1 to four, and a value already blanked in its table (missing).

    Examples
    --------
    >>> guard_value("baseline.completers.hcm.count", 3, evidence="simulated")
    3
    >>> guard_value("baseline.completers.hcm.count", 3, evidence="observed")
    '–'
    >>> guard_value("baseline.age.hcm.mean", 61.2, evidence="observed", n=4)
    '–'
    >>> guard_value("baseline.age.hcm.mean", float("nan"), evidence="observed")
    '–'
    >>> guard_value("baseline.age.hcm.mean", 61.2, evidence="observed", n=51)
    61.2
    """
    if not is_observed(evidence):
        return value
    if n is not None and n < MINIMUM_CELL:
        return BLANK
    if isinstance(value, int | float) and not isinstance(value, bool) and pd.isna(value):
        return BLANK
    if value is pd.NA:
        return BLANK
    last = key.rsplit(".", 1)[-1]
    is_count = COUNT_NAME.match(last) or last.endswith("_count")
    small = isinstance(value, int | float) and 0 < value < MINIMUM_CELL
    return BLANK if is_count and small else value


def guard_participants(
    data: pd.DataFrame,
    *,
    evidence: str | Iterable[str],
    by: Sequence[str] = ("measure", "group", "month"),
) -> pd.DataFrame:
    """Participant rows as a figure may draw them: on observed data, without the cells
    (``by``) of fewer than five women.

    A box plot of four values shows each of them (minimum, quartiles, maximum), so on
    real data such a box is not drawn at all. Unchanged for other evidence levels.

    Raises
    ------
    KeyError
        If ``data`` lacks ``participant`` or a column of ``by``.

    Examples
    --------
    >>> data = pd.DataFrame({"participant": list("abcdefghi"), "group": ["HCM"] * 4 +
    ...                      ["CM"] * 5, "month": 0, "measure": "l1_4_bmd", "value": 1.0})
    >>> guard_participants(data, evidence="observed")["group"].unique().tolist()
    ['CM']
    >>> len(guard_participants(data, evidence="simulated"))
    9
    """
    if not is_observed(evidence):
        return data
    missing = [c for c in ("participant", *by) if c not in data.columns]
    if missing:
        raise KeyError(f"data is missing column(s) {missing}")
    people = data.groupby(list(by), dropna=False)["participant"].transform("nunique")
    return data[people >= MINIMUM_CELL].reset_index(drop=True)


def smallest_arm(sizes: Mapping[str, int], *, evidence: str | Iterable[str]) -> int:
    """The size of the smallest arm: the ``n=`` of every number that describes both.

    On observed data with no arm of five women, nothing of them may be shown, so the
    chapter stops here with a sentence instead of printing a page of dashes (or meeting
    a test that cannot run on three values).

    Parameters
    ----------
    sizes : mapping of str to int
        Women per arm, e.g. ``data.counts()["completers"]`` or a Series by group.
    evidence : str or iterable of str
        The data's evidence level (``data.evidence``).

    Raises
    ------
    ValueError
        If ``sizes`` is empty, or on observed data every arm has fewer than five.

    Examples
    --------
    >>> smallest_arm({"HCM": 4, "CM": 8}, evidence="observed")
    4
    >>> smallest_arm({"HCM": 3, "CM": 3}, evidence="observed")
    Traceback (most recent call last):
    ...
    ValueError: every arm has fewer than 5 women (HCM 3, CM 3): on real data none of their statistics may be shown, so this chapter stops here
    """  # noqa: E501
    sizes = {str(group): int(n) for group, n in dict(sizes).items()}
    rank = {group: i for i, group in enumerate(GROUPS)}
    sizes = dict(sorted(sizes.items(), key=lambda item: rank.get(item[0], len(rank))))
    if not sizes:
        raise ValueError("sizes names no arm: the data hold no completer")
    if is_observed(evidence) and max(sizes.values()) < MINIMUM_CELL:
        listed = ", ".join(f"{group} {n}" for group, n in sizes.items())
        raise ValueError(
            f"every arm has fewer than {MINIMUM_CELL} women ({listed}): on real data none "
            "of their statistics may be shown, so this chapter stops here"
        )
    return min(sizes.values())


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
