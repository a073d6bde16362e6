"""Claims of the prose: every prose number that is a claim, and a few claims stated in words.

:data:`TEXT_CLAIMS` holds the claims the paper states in words ("no significant
differences", "only three metabolites") that printed numbers can test; ``inputs``
may use ``t5.*.vip``-style wildcards, expanded against the table cell ids.
"""

from __future__ import annotations

import pandas as pd

from milkbone.published.registry_rows import claim_row, expand_inputs

__all__ = ["TEXT_CLAIMS", "TEXT_CLAIM_FIELDS", "prose_claims", "text_claims"]

_PROSE_FIELDS = {
    "prose_id": "claim_id",
    "section": "section",
    "quantity": "quantity",
    "printed": "published_value",
    "groups": "groups",
    "timepoint": "timepoint",
    "check_kind": "check_kind",
    "inputs": "inputs",
    "check_note": "context",
}
"""Column of ``prose_numbers.csv`` → column of the registry."""

TEXT_CLAIM_FIELDS = (
    "claim_id",
    "section",
    "quantity",
    "published_value",
    "groups",
    "timepoint",
    "check_kind",
    "inputs",
    "context",
)
"""The fields of one entry of :data:`TEXT_CLAIMS`, in order."""

TEXT_CLAIMS = (
    (
        "q3_1.baseline_balance",
        "3.1",
        "no baseline characteristic differs between the arms",
        "no significant differences",
        "HCM vs CM",
        "m0",
        "significance_claim",
        "t2.*.p",
        "L1–4 BMD has p = 0.057, the closest to 0.05",
    ),
    (
        "q3_2.all_sites",
        "3.2",
        "fortified milk raised BMD significantly at every skeletal site",
        "significant at all sites",
        "HCM",
        "m12 vs m0",
        "significance_claim",
        "r3_2.left_hip.hcm.pct_12;r3_2.left_fn.hcm.pct_6_12;r3_2.right_hip.m12;"
        "r3_2.right_fn.changes",
        "the same paragraph reports a fall at the right hip in both arms and no significant "
        "change at the right femoral neck; follow-up BMD is in Figure 2 only",
    ),
    (
        "q3_3.calcium_between_m6",
        "3.3",
        "serum calcium higher in HCM than in CM at six months, significantly",
        "significant increase vs CM",
        "HCM vs CM",
        "m6",
        "significance_claim",
        "t3.calcium.between.m6",
        "Table 3 prints p = 0.251 between the arms at 6 m",
    ),
    (
        "q3_3.ohd_cm_12_not_significant",
        "3.3",
        "the CM rise in 25(OH)D from baseline to twelve months is not significant",
        "not statistically significant",
        "CM",
        "m12 vs m0",
        "within_group",
        "t3.ohd_25.cm.m0;t3.ohd_25.cm.m12",
        "within-arm test; Table 3's footnote mark for CM at 12 m is missing, so the marks "
        "cannot tell",
    ),
    (
        "q3_5.reduced_list",
        "3.5",
        "only three named metabolites were lower in HCM at six and twelve months",
        "L-arabinitol, adenine, (R)-3-hydroxymyristic acid",
        "HCM vs CM",
        "m6;m12",
        "list_count",
        "t5.*.variation;t5.*.name;t5.*.phase",
        "Table 5 also marks indoline-2-carboxylic acid ↓ at 12 m",
    ),
    (
        "q4.phosphorus_raised",
        "4",
        "fortified milk raised phosphorus levels",
        "raised phosphorus",
        "HCM",
        "m6 vs m0",
        "significance_claim",
        "t3.phosphorus.hcm.m0;t3.phosphorus.hcm.m6;t3.phosphorus.hcm.p_within;"
        "t3.phosphorus.between.m6",
        "the HCM mean is 1.07 at 0 and 6 m (within-arm p = 0.893); the arms differ at 6 m "
        "because CM fell",
    ),
)
"""Claims stated in words, one tuple each (fields as :data:`TEXT_CLAIM_FIELDS`)."""


def prose_claims(prose: pd.DataFrame) -> list[dict]:
    """Registry rows of the prose numbers that are claims (a ``check_kind`` is given).

    Parameters
    ----------
    prose : DataFrame
        :func:`milkbone.published.prose`.

    Examples
    --------
    >>> from milkbone.published import prose
    >>> prose_claims(prose())[0]["location"]
    'Abstract, paragraph 2'
    """
    out = []
    for _, row in prose[prose["check_kind"] != ""].iterrows():
        where = "Abstract" if row["section"] == "Abstract" else f"§{row['section']}"
        fields = {column: row[name] for name, column in _PROSE_FIELDS.items()}
        out.append(claim_row(location=f"{where}, paragraph {row['paragraph']}", **fields))
    return out


def text_claims(ids: list[str]) -> list[dict]:
    """Registry rows of :data:`TEXT_CLAIMS`, wildcards of ``inputs`` expanded against ``ids``.

    Examples
    --------
    >>> rows = text_claims(["t2.age.p", "t2.bmi.p"])
    >>> rows[0]["claim_id"], rows[0]["inputs"], rows[0]["location"]
    ('q3_1.baseline_balance', 't2.age.p;t2.bmi.p', '§3.1, stated in words')
    """
    out = []
    for entry in TEXT_CLAIMS:
        fields = dict(zip(TEXT_CLAIM_FIELDS, entry, strict=True))
        fields["inputs"] = expand_inputs(fields["inputs"], ids)
        section = fields["section"]
        where = f"§{section}" if section != "4" else "§4 (summary)"
        out.append(claim_row(location=f"{where}, stated in words", **fields))
    return out
