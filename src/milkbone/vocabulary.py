"""The project's shared vocabulary: arms, visits, group sizes, evidence levels, verdicts.

The only copy. Every other module imports these names from here, so a second
definition of the arms or the visits cannot drift from the first.

Examples
--------
>>> GROUPS
('HCM', 'CM')
>>> sum(GROUP_SIZES.values()) == ENROLLED - WITHDRAWN
True
>>> evidence_for(real=True), evidence_for(real=False)
('observed', 'simulated')
"""

from __future__ import annotations

__all__ = [
    "ENROLLED",
    "EVIDENCE_LEVELS",
    "GROUPS",
    "GROUP_NAMES",
    "GROUP_SIZES",
    "MINIMUM_CELL",
    "MONTHS",
    "PARTICIPANT_LEVELS",
    "VERDICTS",
    "WITHDRAWN",
    "evidence_for",
]

GROUPS = ("HCM", "CM")
"""The two arms, high-calcium milk first, as in the paper's tables."""

GROUP_NAMES = {"HCM": "high-calcium milk", "CM": "control milk"}
"""The arms in words (paper §2.2)."""

MONTHS = (0, 6, 12)
"""The three visits, in months from randomisation (paper §2.3)."""

GROUP_SIZES = {"HCM": 51, "CM": 46}
"""Published group sizes of the completers analysed (paper §2.2, §3.1)."""

ENROLLED = 104
"""Women enrolled (paper §2.1, §3.1)."""

WITHDRAWN = 7
"""Women who withdrew; the paper does not split them by arm (§2.1, §3.1)."""

EVIDENCE_LEVELS = ("published", "recomputed", "simulated", "not-verifiable", "observed")
"""The evidence levels of DESIGN.md, "The honesty model".

``observed`` is a result computed on real participant data a user supplied.
"""

PARTICIPANT_LEVELS = ("simulated", "observed")
"""The levels a result computed on participant-level data can carry."""

VERDICTS = ("consistent", "discrepancy", "inconclusive", "not-verifiable", "pending")
"""The verdicts a claim can receive; only published and recomputed evidence may decide one.

``inconclusive``: the check ran, but over the rounding of the printed inputs its result
lies on both sides of the line the claim draws (a p range straddling 0.05)."""

MINIMUM_CELL = 5
"""Smallest number of people a printed statistic may describe when the data are real."""


def evidence_for(*, real: bool) -> str:
    """The evidence level of a result computed on participant data: real or simulated."""
    return "observed" if real else "simulated"
