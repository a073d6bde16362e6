"""One row of the claims registry, and the templates the per-table builders fill in.

A claim is written once as a :class:`ClaimSpec` (its id, our paraphrase, the check
that applies, the printed values it needs, what the check must take into account);
:func:`cell_claims` fills the spec's ``{placeholders}`` from one printed cell.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import pandas as pd

__all__ = [
    "CHECK_KINDS",
    "CLAIM_COLUMNS",
    "UNCHECKABLE",
    "WORD_KINDS",
    "ClaimSpec",
    "cell_claims",
    "cell_location",
    "claim_row",
    "expand_inputs",
    "spec_claim",
    "visit",
]

WORD_KINDS = (
    "supported_by",
    "same_fact",
    "category_bounds",
    "tests_named",
    "software_version",
    "abbreviation",
    "panel_letters",
    "listed_count",
)
"""The check kinds of the paper's words (:mod:`milkbone.published.registry_paper`)."""

CHECK_KINDS = (
    "t_from_summary",
    "p_from_summary",
    "mann_whitney_p_from_u",
    "percent_change",
    "ratio",
    "counts_sum",
    "ordinal_test",
    "p_from_statistic",
    "p_range",
    "direction",
    "threshold",
    "list_count",
    "same_quantity",
    "pooled_summary",
    "grim",
    "significance_claim",
    "ci_significance",
    "within_group",
    "not_verifiable",
    *WORD_KINDS,
)
"""The vocabulary of ``check_kind`` (see :mod:`milkbone.published.registry`)."""

CLAIM_COLUMNS = (
    "claim_id",
    "section",
    "location",
    "quantity",
    "published_value",
    "groups",
    "timepoint",
    "check_kind",
    "evidence",
    "recomputed_value",
    "verdict",
    "note",
    "context",
    "inputs",
)
"""Columns of ``claims.csv``, in order."""

UNCHECKABLE = ("within_group", "not_verifiable")
"""Check kinds that need participant data or software outputs: their verdict is fixed."""


class ClaimSpec(NamedTuple):
    """A claim as a template: every text field may hold ``{placeholders}``.

    ``value`` names the column of the printed cell that holds the published value
    (see :func:`cell_claims`); the other fields are formatted with the words given.
    """

    claim_id: str
    quantity: str
    check_kind: str
    inputs: str = ""
    context: str = ""
    timepoint: str = "{month}"
    value: str = "cell_text"
    location: str = "{location}"


def claim_row(
    *,
    claim_id: str,
    section: str,
    location: str,
    quantity: str,
    published_value: str,
    groups: str,
    timepoint: str,
    check_kind: str,
    inputs: str = "",
    context: str = "",
) -> dict:
    """One registry row; the audit's columns empty, the verdict set by the check kind.

    Examples
    --------
    >>> row = claim_row(claim_id="x", section="3.1", location="Table 2", quantity="q",
    ...     published_value="0.5", groups="HCM", timepoint="m0", check_kind="within_group")
    >>> row["evidence"], row["verdict"]
    ('not-verifiable', 'not-verifiable')
    """
    uncheckable = check_kind in UNCHECKABLE
    row = {
        "claim_id": claim_id,
        "section": section,
        "location": location,
        "quantity": quantity,
        "published_value": published_value,
        "groups": groups,
        "timepoint": timepoint,
        "check_kind": check_kind,
        "evidence": "not-verifiable" if uncheckable else "published",
        "recomputed_value": "",
        "verdict": "not-verifiable" if uncheckable else "pending",
        "note": "",
        "context": context,
        "inputs": inputs,
    }
    return {column: row[column] for column in CLAIM_COLUMNS}


def spec_claim(spec: ClaimSpec, *, section: str, groups: str, value: str, **words) -> dict:
    """The registry row of ``spec``, its placeholders filled from ``words``.

    Examples
    --------
    >>> spec = ClaimSpec("t4.p.{month}", "p at {month}", "p_from_statistic", "t4.z.{month}")
    >>> row = spec_claim(spec, section="3.3", groups="HCM vs CM", value="0.001",
    ...     month="m6", location="Table 4")
    >>> row["claim_id"], row["inputs"], row["timepoint"]
    ('t4.p.m6', 't4.z.m6', 'm6')
    """
    return claim_row(
        claim_id=spec.claim_id.format(**words),
        section=section,
        location=spec.location.format(**words),
        quantity=spec.quantity.format(**words),
        published_value=value,
        groups=groups,
        timepoint=spec.timepoint.format(**words),
        check_kind=spec.check_kind,
        inputs=spec.inputs.format(**words),
        context=spec.context.format(**words),
    )


def cell_claims(
    cell: pd.Series, specs: tuple[ClaimSpec, ...], *, section: str, groups: str, **words
) -> list[dict]:
    """The claims ``specs`` make of one printed ``cell`` (a row of a published table).

    ``{location}`` is the cell's table, row and column, ``{month}`` its visit (``m6``)
    and ``{cid}`` its ``cell_id``, unless ``words`` says otherwise.
    """
    words = {
        "location": cell_location(cell),
        "month": visit(cell["month"]) if "month" in cell else "",
        "cid": cell.get("cell_id", cell.name),
        **words,
    }
    return [
        spec_claim(spec, section=section, groups=groups, value=cell[spec.value], **words)
        for spec in specs
    ]


def cell_location(row: pd.Series) -> str:
    """Where a printed cell stands: ``Table N, row '…', column '…'``."""
    return f"{row['table']}, row '{row['row_label']}', column '{row['column_label']}'"


def visit(value) -> str:
    """A month as the registry writes a visit: ``m0``, ``m6``, ``m12``; empty when none.

    Examples
    --------
    >>> visit(6), visit(pd.NA)
    ('m6', '')
    """
    return "" if pd.isna(value) else f"m{int(value)}"


def expand_inputs(inputs: str, ids: list[str]) -> str:
    """Expand ``t5.*.vip``-style wildcards of a ``;``-separated list against ``ids``.

    ``*`` stands for one dotted part; items without one are kept as they are.

    Examples
    --------
    >>> expand_inputs("t5.*.vip;r3_5.vip", ["t5.r01.vip", "t5.r01.p", "t5.r02.vip"])
    't5.r01.vip;t5.r02.vip;r3_5.vip'
    """
    found = []
    for item in filter(None, inputs.split(";")):
        if "*" not in item:
            found.append(item)
            continue
        pattern = re.compile("^" + re.escape(item).replace(r"\*", "[^.]+") + "$")
        found.extend(i for i in ids if pattern.match(i))
    return ";".join(found)
