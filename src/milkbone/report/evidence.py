"""Evidence levels as the reader sees them: badges, bold labels, captions.

Every figure, table and number of the book says how far it can be trusted
(DESIGN.md, "The honesty model"); this module turns a level into the markup that
says so. The caption of a figure or table also names the notebook that made it,
added here from the build's environment rather than typed by hand.
"""

from __future__ import annotations

import os
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
    """One level or several (columns of different levels side by side), each checked.

    Examples
    --------
    >>> evidence_levels("published"), evidence_levels(("published", "observed"))
    (['published'], ['published', 'observed'])
    """
    levels = [evidence] if isinstance(evidence, str) else list(evidence)
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
    badges = " ".join(badge(level) for level in levels)
    labels = " and ".join(EVIDENCE_LABELS[level] for level in levels)
    notebook = source_notebook() if notebook is None else notebook
    source = f" Source: `{notebook}`." if notebook else ""
    return f"{badges} **{labels}.** {caption}{source}"
