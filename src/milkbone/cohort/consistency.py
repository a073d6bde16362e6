"""Checks across the rows and files of a clinical data folder.

Each participant once in ``participants.csv``; each participant and month once in
``visits.csv``, every visit of a known participant and after a baseline; completers
with all three visits, withdrawn participants with a baseline and without a 12-month
visit (everyone enrolled was measured at baseline, paper §2.1: a withdrawn woman with
no visit at all is an error, not a woman to leave out); baseline BMI equal to
weight / height² within :data:`~milkbone.cohort.schema.BMI_TOLERANCE`.

A participant with a line that could not be read (wrong number of fields, a month
that is not 0, 6 or 12) is *uncertain*: that line is reported once, and the checks of
her visits, which would only repeat it, are skipped.
Called by :func:`milkbone.cohort.validate.validate` on the text and typed frames of
both files (index + 2 = the line an editor shows).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from milkbone.cohort.problems import Problem
from milkbone.cohort.schema import BMI_TOLERANCE, PARTICIPANTS_FILE, VISITS_FILE
from milkbone.vocabulary import MONTHS

__all__ = ["cross_problems"]

P, V = PARTICIPANTS_FILE, VISITS_FILE


def _participant_lines(people_text: pd.DataFrame) -> tuple[dict[str, int], list[Problem]]:
    """The first line of each participant, and a problem for each repeat."""
    first_line: dict[str, int] = {}
    problems = []
    if "participant" not in people_text.columns:
        return first_line, problems
    for index, pid in people_text["participant"].items():
        if pid == "":
            continue
        if pid in first_line:
            message = f"participant {pid!r} appears twice (first on line {first_line[pid]})"
            problems.append(Problem(P, index + 2, "participant", message))
        else:
            first_line[pid] = index + 2
    return first_line, problems


def _visit_lines(
    visit_text: pd.DataFrame,
    visits: pd.DataFrame,
    first_line: dict[str, int],
    uncertain: set[str],
) -> tuple[dict[tuple[str, float], int], list[Problem]]:
    """The line of each participant and month; repeats and unknown participants.
    Participants with a month that is not a visit are added to ``uncertain``."""
    problems = []
    seen: dict[tuple[str, float], int] = {}
    for index, pid, month in zip(
        visit_text.index, visit_text["participant"], visits["month"], strict=True
    ):
        line = int(index) + 2
        if pid != "" and (math.isnan(month) or month not in MONTHS):
            uncertain.add(pid)
        if pid == "" or math.isnan(month):
            continue
        if (pid, month) in seen:
            message = (
                f"participant {pid!r} has month {month:g} twice (first on line {seen[pid, month]})"
            )
            problems.append(Problem(V, line, "month", message))
            continue
        seen[pid, month] = line
        if first_line and pid not in first_line and pid not in uncertain:
            problems.append(Problem(V, line, "participant", f"participant {pid!r} is not in {P}"))
    return seen, problems


def _baseline_problems(
    seen: dict[tuple[str, float], int], first_line: dict[str, int], uncertain: set[str]
) -> list[Problem]:
    """Follow-up visits of known participants without a month-0 visit."""
    baseline = {pid for (pid, month) in seen if month == 0}
    problems = []
    for (pid, month), line in seen.items():
        known = pid in first_line or not first_line  # unknown ids are reported once, above
        if month != 0 and pid not in baseline and known and pid not in uncertain:
            message = f"participant {pid!r} has a month {month:g} visit but no baseline (month 0)"
            problems.append(Problem(V, line, "month", message))
    return problems


def _withdrawal_problems(
    people: pd.DataFrame,
    seen: dict[tuple[str, float], int],
    first_line: dict[str, int],
    uncertain: set[str],
) -> list[Problem]:
    """Withdrawn participants with a 12-month visit or no visit at all; completers
    lacking a visit."""
    if "withdrawn" not in people.columns:
        return []
    months_of: dict[str, set[float]] = {}
    for pid, month in seen:
        months_of.setdefault(pid, set()).add(month)
    problems = []
    for pid, line in first_line.items():
        withdrawn = people.loc[line - 2, "withdrawn"]
        if withdrawn is None or pid in uncertain:
            continue
        have = months_of.get(pid, set())
        if withdrawn and 12 in have:
            message = f"participant {pid!r} is withdrawn in {P} but has a month 12 visit"
            problems.append(Problem(V, seen[pid, 12.0], "month", message))
        if withdrawn and not have:
            message = (
                f"withdrawn participant {pid!r} has no visit in {V}: everyone enrolled has "
                "a baseline visit (month 0)"
            )
            problems.append(Problem(P, line, "participant", message))
        lacking = [m for m in MONTHS if m not in have]
        if not withdrawn and lacking:
            months = ", ".join(map(str, lacking))
            message = f"completer {pid!r} has no visit at month {months} in {V}"
            problems.append(Problem(P, line, "participant", message))
    return problems


def _bmi_problems(
    people: pd.DataFrame,
    visits: pd.DataFrame,
    seen: dict[tuple[str, float], int],
    first_line: dict[str, int],
) -> list[Problem]:
    """Baseline BMI against weight / height² of the same participant."""
    if not ({"height", "weight"} <= set(people.columns) and "bmi" in visits.columns):
        return []
    problems = []
    for (pid, month), line in seen.items():
        if month != 0 or pid not in first_line:
            continue
        person = people.loc[first_line[pid] - 2]
        bmi = visits.loc[line - 2, "bmi"]
        expected = person["weight"] / (person["height"] / 100) ** 2
        if np.isfinite(bmi) and np.isfinite(expected) and abs(bmi - expected) > BMI_TOLERANCE:
            message = (
                f"baseline BMI {bmi:g} differs from weight/height² = {expected:.2f} "
                f"(from {P} line {first_line[pid]}) by more than {BMI_TOLERANCE:g} kg/m²"
            )
            problems.append(Problem(V, line, "bmi", message))
    return problems


def cross_problems(
    people_text: pd.DataFrame,
    people: pd.DataFrame,
    visit_text: pd.DataFrame,
    visits: pd.DataFrame,
    *,
    uncertain: set[str] | frozenset[str] = frozenset(),
    bmi: bool = True,
) -> list[Problem]:
    """Problems across rows and files (see the module docstring), in file order.

    Parameters
    ----------
    people_text, people : DataFrame
        ``participants.csv`` as text and as parsed by
        :func:`milkbone.cohort.problems.parse_cells` (same index).
    visit_text, visits : DataFrame
        The same for ``visits.csv``.
    uncertain : set of str, optional
        Participants with a line left out as unreadable (already reported).
    bmi : bool, default True
        Whether to compare baseline BMI with weight / height² (not when height or
        weight is already reported in the wrong unit: every line would differ).

    Returns
    -------
    list of Problem

    Examples
    --------
    >>> text = pd.DataFrame({"participant": ["P1", "P1"], "withdrawn": ["false", "false"]})
    >>> typed = pd.DataFrame({"withdrawn": [False, False]})
    >>> visit_text = pd.DataFrame({"participant": ["P1", "P2"]})
    >>> visits = pd.DataFrame({"month": [0.0, 0.0]})
    >>> for p in cross_problems(text, typed, visit_text, visits):
    ...     print(p.file, p.line, p.message)
    participants.csv 3 participant 'P1' appears twice (first on line 2)
    visits.csv 3 participant 'P2' is not in participants.csv
    participants.csv 2 completer 'P1' has no visit at month 6, 12 in visits.csv
    """
    first_line, problems = _participant_lines(people_text)
    if "participant" not in visit_text.columns or "month" not in visits.columns:
        return problems
    uncertain = set(uncertain)
    seen, found = _visit_lines(visit_text, visits, first_line, uncertain)
    problems.extend(found)
    problems.extend(_baseline_problems(seen, first_line, uncertain))
    problems.extend(_withdrawal_problems(people, seen, first_line, uncertain))
    if bmi:
        problems.extend(_bmi_problems(people, visits, seen, first_line))
    return problems
