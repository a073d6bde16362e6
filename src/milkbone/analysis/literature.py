"""The trial beside the gut–bone literature: agreement computed from stated directions.

Each context row (``data/curated/literature_context.csv``) gives, for one genus, pathway or
mechanism, the direction each source reports (``+`` healthier bone, ``-`` the opposite,
empty: not reported). :func:`context_table` compares the trial with each other source and
attaches the audit's verdicts on the trial's own claims.
"""

from __future__ import annotations

import pandas as pd

from milkbone._validate import require_columns, shown

__all__ = ["AGREEMENTS", "agreement", "context_table"]

AGREEMENTS = ("agreement", "conflict", "not tested in the trial", "not studied")
"""How the trial's direction compares with another source's."""


def agreement(trial: str, other: str) -> str:
    """Compare two directions (``+``, ``-`` or empty).

    Examples
    --------
    >>> agreement("+", "+"), agreement("+", "-"), agreement("", "-"), agreement("+", "")
    ('agreement', 'conflict', 'not tested in the trial', 'not studied')
    """
    for direction in (trial, other):
        if direction not in ("+", "-", ""):
            raise ValueError(f"direction must be '+', '-' or empty, got {direction!r}")
    if not other:
        return "not studied"
    if not trial:
        return "not tested in the trial"
    return "agreement" if trial == other else "conflict"


def _verdict_summary(ids: str, verdicts: pd.Series) -> str:
    wanted = [i.strip() for i in str(ids).split(";") if i.strip()]
    if not wanted:
        return "no claim in the Results"
    return ", ".join(f"{n} {v}" for v, n in verdicts.loc[wanted].value_counts().items())


def context_table(context: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """Side-by-side table of the trial and the other sources, with agreement by code.

    Parameters
    ----------
    context : pandas.DataFrame
        As :func:`milkbone.published.curated.literature` returns it.
    claims : pandas.DataFrame
        The claims registry (``claim_id, verdict``).

    Returns
    -------
    pandas.DataFrame
        ``topic, cohort_agreement, review_agreement, trial_verdicts, trial_finding,
        trial_location, cohort_finding, review_finding, kind, note`` (verdicts first);
        the two agreement columns take values of :data:`AGREEMENTS`.

    Raises
    ------
    ValueError
        If a row names a claim the registry does not hold, or a direction is invalid.
    """
    needed = ["topic", "trial_claims", "trial_direction", "cohort_direction", "review_direction"]
    require_columns(context, needed, name="context")
    require_columns(claims, ["claim_id", "verdict"], name="claims")
    verdicts = claims.set_index("claim_id")["verdict"]
    named = {i.strip() for text in context["trial_claims"] for i in str(text).split(";")}
    unknown = sorted(named - {""} - set(verdicts.index))
    if unknown:
        raise ValueError(f"context names claim(s) {shown(unknown)} that the registry lacks")
    trial = context["trial_direction"]
    table = context.assign(
        trial_verdicts=[_verdict_summary(ids, verdicts) for ids in context["trial_claims"]],
        cohort_agreement=trial.combine(context["cohort_direction"], agreement),
        review_agreement=trial.combine(context["review_direction"], agreement),
    )
    columns = [  # the verdicts first, so a narrow screen shows them; the prose after
        "topic",
        "cohort_agreement",
        "review_agreement",
        "trial_verdicts",
        "trial_finding",
        "trial_location",
        "cohort_finding",
        "review_finding",
        "kind",
        "note",
    ]
    return table.loc[:, [c for c in columns if c in table.columns]].reset_index(drop=True)
