"""Evidence levels as the reader sees them: badges, bold labels, captions.

Every figure, table and number of the book says how far it can be trusted
(DESIGN.md, "The honesty model"); this module turns a level into the markup that
says so. The caption of a figure or table also names the notebook that made it,
added here from the build's environment rather than typed by hand.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable

from milkbone.vocabulary import EVIDENCE_LEVELS

__all__ = [
    "BADGE_ROLES",
    "EVIDENCE_LABELS",
    "NOTEBOOK_VARIABLE",
    "badge",
    "caption_markdown",
    "check_evidence",
    "evidence_levels",
    "observed_wording",
    "source_notebook",
]

EVIDENCE_LABELS = {
    "published": "Published",
    "recomputed": "Recomputed",
    "simulated": "Simulated",
    "not-verifiable": "Not verifiable",
    "observed": "Observed",
}
"""The bold word that opens a caption, per evidence level."""

BADGE_ROLES = {
    "published": "bdg-primary",
    "recomputed": "bdg-success",
    "simulated": "bdg-warning",
    "not-verifiable": "bdg-dark",
    "observed": "bdg-info",
}
"""The sphinx-design badge role of each level (one colour per level, book-wide)."""

SIMULATION_ONLY = (
    re.compile(
        r"\s*[;:,]?\s*(?:it )?illustrates the method(?: only)?"
        r"(?:(?:,| and) proves nothing about the trial)?"
    ),
    re.compile(r"\s*They agree by construction: the simulator was told these numbers\."),
)
"""Clauses true of the simulated cohort only, dropped from a caption of real data."""

OBSERVED_WORDS = (
    (re.compile(r"\bthe simulated cohort\b"), "the observed data"),
    (re.compile(r"\bsimulated\b"), "observed"),
    (re.compile(r"\bSimulated\b"), "Observed"),
)
"""How a caption written for the default cohort names real participant data."""

NOTEBOOK_VARIABLE = "MILKBONE_NOTEBOOK"
"""Environment variable in which the build names the notebook being executed."""


def check_evidence(evidence: str) -> str:
    """Return ``evidence`` if it is a known level, else raise ``ValueError``.

    Examples
    --------
    >>> check_evidence("observed")
    'observed'
    >>> check_evidence("proven")
    Traceback (most recent call last):
    ...
    ValueError: evidence must be one of ('published', 'recomputed', 'simulated', 'not-verifiable', 'observed'), got 'proven'
    """  # noqa: E501
    if evidence not in EVIDENCE_LEVELS:
        raise ValueError(f"evidence must be one of {EVIDENCE_LEVELS}, got {evidence!r}")
    return evidence


def evidence_levels(evidence: str | Iterable[str]) -> list[str]:
    """One level or several (columns of different levels side by side), each checked,
    each once (``["simulated", data.evidence]`` on simulated data is one level).

    Examples
    --------
    >>> evidence_levels("published"), evidence_levels(("published", "observed"))
    (['published'], ['published', 'observed'])
    >>> evidence_levels(["simulated", "simulated"])
    ['simulated']
    """
    levels = [evidence] if isinstance(evidence, str) else list(dict.fromkeys(evidence))
    return [check_evidence(level) for level in levels]


def badge(evidence: str) -> str:
    """MyST markup of the badge for one evidence level.

    Examples
    --------
    >>> badge("recomputed")
    '{bdg-success}`recomputed`'
    """
    return f"{{{BADGE_ROLES[check_evidence(evidence)]}}}`{evidence}`"


def source_notebook() -> str:
    """The notebook being executed, as the build names it (``""`` outside a build).

    Examples
    --------
    >>> import os
    >>> os.environ.get(NOTEBOOK_VARIABLE, "") == source_notebook()
    True
    """
    return os.environ.get(NOTEBOOK_VARIABLE, "")


def observed_wording(caption: str) -> str:
    """A caption written for the simulated cohort, reworded for real participant data.

    The chapters' captions describe the default data ("on the simulated cohort; it
    illustrates the method only"). On real data that would be false twice: the
    numbers are observed, and they are no illustration. The clauses of
    :data:`SIMULATION_ONLY` are dropped and *simulated* becomes *observed*
    (:data:`OBSERVED_WORDS`).

    Examples
    --------
    >>> observed_wording("Tukey comparisons on the simulated cohort; it illustrates the "
    ...                  "method only.")
    'Tukey comparisons on the observed data.'
    >>> observed_wording("Drawn from the simulated cohort: it illustrates the method only "
    ...                  "and proves nothing about the trial.")
    'Drawn from the observed data.'
    >>> observed_wording("rows *simulated* computed on the simulated cohort's values")
    "rows *observed* computed on the observed data's values"
    """
    for clause in SIMULATION_ONLY:
        caption = clause.sub("", caption)
    for word, replacement in OBSERVED_WORDS:
        caption = word.sub(replacement, caption)
    return caption


def caption_markdown(
    caption: str, evidence: str | Iterable[str], *, notebook: str | None = None
) -> str:
    """``{badges} **Label and Label.** caption Source: `notebook`.``: a caption in MyST.

    Parameters
    ----------
    caption : str
        MyST text of the caption, without the evidence label or the source.
    evidence : str or iterable of str
        The level, or the levels of columns side by side.
    notebook : str, optional
        The notebook that made the figure or table; default :func:`source_notebook`.
        Nothing is added when it is empty.

    When the levels include ``observed`` but not ``simulated`` (real data), the
    caption is reworded by :func:`observed_wording`, so it never calls real data
    simulated.

    Returns
    -------
    str

    Examples
    --------
    >>> caption_markdown("Table 2.", ["published", "simulated"], notebook="notebooks/x.py")
    '{bdg-primary}`published` {bdg-warning}`simulated` **Published and Simulated.** Table 2. Source: `notebooks/x.py`.'
    >>> caption_markdown("Figure 1.", "published", notebook="")
    '{bdg-primary}`published` **Published.** Figure 1.'
    """  # noqa: E501
    levels = evidence_levels(evidence)
    if "observed" in levels and "simulated" not in levels:
        caption = observed_wording(caption)
    badges = " ".join(badge(level) for level in levels)
    labels = " and ".join(EVIDENCE_LABELS[level] for level in levels)
    notebook = source_notebook() if notebook is None else notebook
    source = f" Source: `{notebook}`." if notebook else ""
    return f"{badges} **{labels}.** {caption}{source}"
