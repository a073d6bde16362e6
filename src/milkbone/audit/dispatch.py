"""From a claim to its check: the ``check_kind`` dispatch and the evidence rule.

A claim whose kind cannot be checked from printed numbers (``within_group``,
``not_verifiable``) is ``not-verifiable``; a kind with no check is ``pending``; every
other claim goes to the reading of its kind in :mod:`~milkbone.audit.statistic_claims`,
:mod:`~milkbone.audit.count_claims` or :mod:`~milkbone.audit.text_claims`.
"""

from __future__ import annotations

from milkbone.audit import count_claims, statistic_claims, text_claims, wording_claims
from milkbone.audit.formatting import Outcome

__all__ = ["EVIDENCE_RULE", "VERDICTS_BY_KIND"]

EVIDENCE_RULE = {
    "t_from_summary": "recomputed",
    "p_from_summary": "recomputed",
    "mann_whitney_p_from_u": "recomputed",
    "percent_change": "recomputed",
    "ratio": "recomputed",
    "counts_sum": "recomputed",
    "ordinal_test": "recomputed",
    "p_from_statistic": "recomputed",
    "list_count": "recomputed",
    "pooled_summary": "recomputed",
    "grim": "recomputed",
    "p_range": "published",
    "direction": "published",
    "threshold": "published",
    "same_quantity": "published",
    "significance_claim": "published",
    "ci_significance": "published",
    "within_group": "not-verifiable",
    "not_verifiable": "not-verifiable",
    "supported_by": "published",
    "same_fact": "published",
    "category_bounds": "published",
    "tests_named": "published",
    "software_version": "published",
    "abbreviation": "published",
    "panel_letters": "published",
    "listed_count": "published",
}
"""Evidence level of a verdict, by ``check_kind`` (:mod:`milkbone.audit`, "How a claim is
checked"). A ``significance_claim`` that needs a p recomputed from a printed statistic
is labelled ``recomputed``; an unnamed test no t-test reproduces, ``not-verifiable``."""


_CHECKED = ("consistent", "discrepancy")
VERDICTS_BY_KIND = {
    "t_from_summary": _CHECKED,
    "p_from_summary": (*_CHECKED, "inconclusive", "not-verifiable"),
    "mann_whitney_p_from_u": _CHECKED,
    "percent_change": _CHECKED,
    "ratio": _CHECKED,
    "counts_sum": _CHECKED,
    "ordinal_test": _CHECKED,
    "p_from_statistic": _CHECKED,
    "list_count": (*_CHECKED, "not-verifiable"),
    "pooled_summary": _CHECKED,
    "grim": _CHECKED,
    "p_range": _CHECKED,
    "direction": _CHECKED,
    "threshold": _CHECKED,
    "same_quantity": _CHECKED,
    "significance_claim": (*_CHECKED, "pending"),
    "ci_significance": _CHECKED,
    "within_group": ("not-verifiable",),
    "not_verifiable": ("not-verifiable",),
    "supported_by": (*_CHECKED, "inconclusive", "not-verifiable"),
    "same_fact": _CHECKED,
    "category_bounds": _CHECKED,
    "tests_named": (*_CHECKED, "not-verifiable"),
    "software_version": (*_CHECKED, "not-verifiable"),
    "abbreviation": (*_CHECKED, "not-verifiable"),
    "panel_letters": _CHECKED,
    "listed_count": _CHECKED,
}
"""The verdicts each ``check_kind`` can return. Every kind with a check can return
``discrepancy``: a check that cannot fail is not a check. ``p_from_summary`` (a test the
paper does not name) can also be ``inconclusive`` (the p range over the inputs' rounding
straddles the significance level) or ``not-verifiable`` (no t test reproduces it, a rank
test may); ``list_count`` is ``not-verifiable`` when the parts printed cannot cover the
count; a ``significance_claim`` whose words have no reading yet stays ``pending``.
A ``supported_by`` claim inherits the worst verdict of the Results rows it rests on (so
any of theirs), and is ``not-verifiable`` when none does; ``tests_named`` is
``not-verifiable`` for a test only the Methods name, ``software_version`` when no version
is printed, ``abbreviation`` for a coined term printed once.
:func:`milkbone.audit.verify` refuses any other verdict."""

_KINDS = {
    **statistic_claims.KINDS,
    **count_claims.KINDS,
    **text_claims.KINDS,
    **wording_claims.KINDS,
}
"""The check of every ``check_kind`` that has one."""


def _check_claim(claim: dict, look: dict) -> Outcome:
    kind = claim["check_kind"]
    if kind in ("within_group", "not_verifiable"):
        return Outcome("not-verifiable", "", claim["context"], "not-verifiable")
    if kind == "supported_by":  # decided by milkbone.audit.support once the rest is checked
        return Outcome("pending", "", "", "published")
    if kind not in _KINDS:
        return Outcome("pending", "", f"no check exists for check_kind {kind!r}", "published")
    ids = [i for i in str(claim["inputs"]).split(";") if i]
    missing = [i for i in ids if i not in look]
    if missing:
        raise KeyError(f"claim {claim['claim_id']}: inputs not found: {missing[:5]}")
    out = _KINDS[kind](claim, ids, look)
    if out.verdict not in VERDICTS_BY_KIND[kind]:
        raise ValueError(
            f"claim {claim['claim_id']}: check_kind {kind!r} returned verdict {out.verdict!r}, "
            f"which it does not declare (allowed: {', '.join(VERDICTS_BY_KIND[kind])})"
        )
    if not out.evidence:
        out.evidence = EVIDENCE_RULE[kind]
    return out
