"""Input checks and reshaping shared by the clinical functions (private).

Every check raises before any arithmetic, with one plain sentence naming the
argument, the offending values and what is allowed (STYLE.md, pingouin's
``_check_dataframe``). Nothing here is part of the public API.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

import pandas as pd
import pingouin as pg

from milkbone._validate import require_columns, require_values, shown
from milkbone.vocabulary import EVIDENCE_LEVELS, GROUPS, MONTHS

__all__ = [
    "COLUMNS",
    "arm_visits",
    "by_participant",
    "cells",
    "check_alpha",
    "check_choice",
    "check_evidence",
    "check_group_sizes",
    "check_long",
    "check_month",
    "check_other_month",
    "complete_visits",
    "group_list",
    "group_of",
    "measure_list",
    "month_list",
    "months_of",
    "rm_anova",
    "rm_long",
    "too_few",
]

COLUMNS = ("participant", "group", "month", "measure", "value")
"""Columns of the tidy long participant frame (STYLE.md §5)."""


def check_choice(name: str, value: object, allowed: Sequence[object]) -> None:
    """Raise unless ``value`` is one of ``allowed``."""
    if value not in allowed:
        raise ValueError(f"{name} must be one of {shown(allowed)}, got {value!r}")


def check_evidence(evidence: str) -> None:
    """Raise unless ``evidence`` is one of :data:`milkbone.vocabulary.EVIDENCE_LEVELS`."""
    check_choice("evidence", evidence, EVIDENCE_LEVELS)


def check_alpha(alpha: float) -> None:
    """Raise unless ``0 < alpha < 1``."""
    if not 0 < alpha < 1:
        raise ValueError(f"alpha must lie in (0, 1), got {alpha!r}")


def _numeric_values(frame: pd.DataFrame, name: str) -> pd.Series:
    values = frame["value"]
    if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
        return values
    numeric = pd.to_numeric(values, errors="coerce")
    bad = frame.loc[numeric.isna() & values.notna(), "value"]
    if len(bad) or pd.api.types.is_bool_dtype(values):
        raise ValueError(
            f"{name} column 'value' has non-numeric value(s) {shown(bad.unique())}; "
            "allowed: numbers (int or float)"
        )
    return numeric


def check_long(data: pd.DataFrame, *, name: str = "data") -> pd.DataFrame:
    """Validate a long participant frame; return a copy without missing values."""
    require_columns(data, COLUMNS, name=name)
    frame = data.loc[:, list(COLUMNS)].copy()
    require_values(frame, "group", GROUPS, name=name)
    require_values(frame, "month", MONTHS, name=name)
    frame["value"] = _numeric_values(frame, name)
    frame["value"] = frame["value"].astype(float)
    frame["month"] = frame["month"].astype(int)
    frame = frame.loc[frame["value"].notna()].reset_index(drop=True)
    keys = ["participant", "month", "measure"]
    twice = frame.loc[frame.duplicated(keys, keep=False), keys].drop_duplicates()
    if len(twice):
        raise ValueError(
            f"{name} has more than one row per participant, month and measure: "
            f"{shown(map(tuple, twice.itertuples(index=False)))}; allowed: one row each"
        )
    groups = frame.groupby("participant", sort=False)["group"].nunique()
    mixed = groups.index[groups > 1]
    if len(mixed):
        raise ValueError(
            f"{name} puts participant(s) {shown(mixed)} in both groups; "
            "allowed: one group per participant"
        )
    return frame


def check_other_month(name: str, month: object, other_name: str, other: object) -> None:
    """Raise if ``month`` equals ``other``."""
    if month == other:
        raise ValueError(
            f"{name} must differ from {other_name}, got {month!r} twice; "
            f"allowed: another of {shown(MONTHS)}"
        )


def measure_list(frame: pd.DataFrame, measures: Sequence[str] | str | None) -> list[str]:
    """The measures asked for (one or many), each present in ``frame``; default all."""
    present = list(pd.unique(frame["measure"]))
    if measures is None:
        return present
    chosen = [measures] if isinstance(measures, str) else list(measures)
    unknown = [m for m in chosen if m not in present]
    if unknown:
        raise ValueError(
            f"measures has value(s) not in data: {shown(unknown)}; allowed: {shown(present)}"
        )
    return chosen


def check_month(name: str, month: object, frame: pd.DataFrame | None = None) -> int:
    """Raise unless ``month`` is a visit (and, given ``frame``, one with data)."""
    check_choice(name, month, MONTHS)
    if frame is not None and month not in set(frame["month"]):
        raise ValueError(
            f"{name}={month!r} has no observations in data; "
            f"allowed: {shown(sorted(set(frame['month'])))}"
        )
    return int(month)


def _as_list(value: object) -> list:
    if isinstance(value, str) or not isinstance(value, Iterable):
        return [value]
    return list(value)


def month_list(
    name: str, month: int | Sequence[int] | None, frame: pd.DataFrame | None = None
) -> list[int]:
    """One visit or several, each checked by :func:`check_month`; ``None``: every visit
    of ``frame``, ascending."""
    if month is None:
        if frame is None:
            return list(MONTHS)
        return months_of(frame)
    return [check_month(name, m, frame) for m in _as_list(month)]


def group_list(group: str | Sequence[str] | None) -> list[str]:
    """One arm or both (``None``: HCM then CM), each checked."""
    if group is None:
        return list(GROUPS)
    chosen = _as_list(group)
    for g in chosen:
        check_choice("group", g, GROUPS)
    return chosen


def too_few(where: str, n: int, minimum: int) -> ValueError:
    """The error for fewer than ``minimum`` observations."""
    return ValueError(f"too few observations for {where}: n = {n}; allowed: at least {minimum}")


def by_participant(frame: pd.DataFrame, months: Sequence[int]) -> tuple[pd.DataFrame, int]:
    """Participant × month values; participants lacking a visit are dropped and counted."""
    table = frame.pivot(index="participant", columns="month", values="value")
    table = table.reindex(columns=list(months))
    complete = table.dropna()
    return complete, int(len(table) - len(complete))


def months_of(frame: pd.DataFrame) -> list[int]:
    """The visits with data in ``frame``, ascending."""
    return sorted(int(m) for m in pd.unique(frame["month"]))


def complete_visits(
    sub: pd.DataFrame, months: Sequence[int] | None, where: str
) -> tuple[pd.DataFrame, list[int], int]:
    """Participant × month values of ``sub`` at ``months`` (default: every visit with
    data, at least two), participants lacking one dropped and counted."""
    present = months_of(sub)
    months = present if months is None else [int(m) for m in months]
    for m in months:
        check_choice("months", m, MONTHS)
    missing = [m for m in months if m not in present]
    if missing:
        raise ValueError(
            f"months has value(s) without data for {where}: {shown(missing)}; "
            f"allowed: {shown(present)}"
        )
    if len(months) < 2:
        raise ValueError(
            f"months must name at least two visits, got {shown(months)}; "
            f"allowed: two or more of {shown(present)}"
        )
    table, dropped = by_participant(sub.loc[sub["month"].isin(months)], months)
    return table, months, dropped


def arm_visits(
    frame: pd.DataFrame, measure: str, group: str, months: Sequence[int] | None
) -> tuple[pd.DataFrame, list[int], int]:
    """:func:`complete_visits` of one measure in one arm; fewer than 3 complete raises."""
    sub = frame.loc[frame["measure"] == measure]
    sub = sub.loc[sub["group"] == group]
    if sub.empty:
        raise too_few(f"{measure} in {group}", 0, 2)
    table, months, dropped = complete_visits(sub, months, f"{measure} in {group}")
    if len(table) < 3:
        raise too_few(f"{measure} in {group} with all of months {months}", len(table), 3)
    return table, months, dropped


def group_of(sub: pd.DataFrame) -> pd.Series:
    """Each participant's group, indexed by participant."""
    return sub.drop_duplicates("participant").set_index("participant")["group"]


def check_group_sizes(groups: pd.Series, measure: str, where: str = "") -> dict[str, int]:
    """Participants per group among ``groups`` (one entry each); fewer than 3 raises."""
    counts = {g: int((groups == g).sum()) for g in GROUPS}
    for group, count in counts.items():
        if count < 3:
            raise too_few(f"{measure} in {group}{where}", count, 3)
    return counts


def cells(
    frame: pd.DataFrame, measures: Sequence[str] | str | None
) -> Iterator[tuple[str, str, int, pd.Series]]:
    """``(measure, group, month, values)`` of every non-empty cell, HCM first."""
    for measure in measure_list(frame, measures):
        sub = frame.loc[frame["measure"] == measure]
        for group in GROUPS:
            for month in MONTHS:
                values = sub.loc[(sub["group"] == group) & (sub["month"] == month), "value"]
                if len(values):
                    yield measure, group, month, values


def rm_long(table: pd.DataFrame) -> pd.DataFrame:
    """Participant × month values back to long ``participant, month, value``."""
    long = table.reset_index().melt(id_vars="participant", var_name="month", value_name="value")
    return long.assign(month=long["month"].astype(int))


def rm_anova(table: pd.DataFrame, *, correction: bool) -> pd.DataFrame:
    """``pingouin.rm_anova`` of a participant × month table."""
    return pg.rm_anova(
        rm_long(table),
        dv="value",
        within="month",
        subject="participant",
        detailed=True,
        correction=correction,
    )
