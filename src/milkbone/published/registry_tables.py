"""Claims of the paper's Tables 2–6: one :class:`~milkbone.published.registry_rows.ClaimSpec`
per kind of printed cell, filled in for every cell of that kind.

Placeholders: ``{b}`` the row's id prefix (``t2.age``), ``{cid}`` the cell id,
``{name}`` the measure as the book shows it, ``{group}``/``{g}`` the arm (``HCM``/``hcm``),
``{month}`` the visit (``m6``), ``{measure}`` the slug.
"""

from __future__ import annotations

import pandas as pd

from milkbone.published.registry_rows import ClaimSpec, cell_claims, spec_claim, visit
from milkbone.vocabulary import GROUP_SIZES, MONTHS

__all__ = ["GRIM_MEASURES", "table_claims"]

GRIM_MEASURES = ("ast", "alp")
"""Measures whose means are tested with GRIM (whole U/L from the analyser, assumed)."""

_GRIM_NOTE = "assumes the analyser reports AST and ALP as whole U/L"
_BETWEEN = "HCM vs CM"

_TABLE2 = {
    ("statistic", "t"): (
        ClaimSpec(
            "{b}.statistic",
            "baseline t statistic, {name}",
            "t_from_summary",
            "{b}.hcm;{b}.cm",
            "sign convention of t not stated",
        ),
    ),
    ("p", "t"): (
        ClaimSpec(
            "{b}.p", "baseline t-test p, {name}", "t_from_summary", "{b}.hcm;{b}.cm;{b}.statistic"
        ),
        ClaimSpec(
            "{b}.p.from_statistic",
            "baseline p against its printed t, {name}",
            "p_from_statistic",
            "{b}.statistic",
            "dof 95 (51 + 46 − 2)",
        ),
    ),
    ("statistic", "U"): (
        ClaimSpec(
            "{b}.statistic",
            "baseline Mann–Whitney U, {name}",
            "not_verifiable",
            context="U needs the participants' ranks; its p is checked in {b}.p",
        ),
    ),
    ("p", "U"): (
        ClaimSpec(
            "{b}.p",
            "baseline Mann–Whitney p, {name}",
            "mann_whitney_p_from_u",
            "{b}.statistic",
            "U read from the t/U column (see its flag)",
        ),
    ),
}
_TABLE2_GRIM = (
    ClaimSpec(
        "{cid}.grim",
        "baseline mean {name}, {group}",
        "grim",
        "{cid}",
        _GRIM_NOTE,
        value="mean_text",
    ),
)

_TABLE3 = {  # (cell kind, at baseline)
    ("p_between", True): (
        ClaimSpec(
            "{cid}",
            "between-arm p, {name}, {month}, from Table 2's U",
            "mann_whitney_p_from_u",
            "t2.{measure}.statistic",
            "Table 2 prints the U of this baseline comparison",
        ),
        ClaimSpec(
            "{cid}.same_as_t2",
            "baseline between-arm p, {name}, Table 3 vs Table 2",
            "same_quantity",
            "t2.{measure}.p",
        ),
    ),
    ("p_between", False): (
        ClaimSpec(
            "{cid}",
            "between-arm p, {name}, {month}",
            "p_from_summary",
            "t3.{measure}.hcm.{month};t3.{measure}.cm.{month};m2_5.alpha",
            "test not named (t-test or Mann–Whitney, §2.5); significance at §2.5's level",
        ),
    ),
    ("p_within", False): (
        ClaimSpec(
            "{cid}",
            "within-arm p over the visits, {name}, {group}",
            "within_group",
            context="needs paired participant data",
            timepoint="m0;m6;m12",
        ),
    ),
    ("mean_sd", True): (
        ClaimSpec(
            "{cid}.same_as_t2",
            "baseline mean ± SD, {name}, {group}, Table 3 vs Table 2",
            "same_quantity",
            "t2.{measure}.{g}",
            "compare with the footnote mark removed",
        ),
    ),
}
_TABLE3_GRIM = (
    ClaimSpec(
        "{cid}.grim",
        "mean {name}, {group}, {month}",
        "grim",
        "{cid}",
        _GRIM_NOTE,
        value="mean_text",
    ),
)
_TABLE3_FOOTNOTES = ClaimSpec(
    "t3.{measure}.{g}.footnotes",
    "time points that differ within the arm (footnote marks), {name}, {group}",
    "within_group",
    "{cells}",
    "same mark = no significant difference; needs paired data",
    timepoint="m0;m6;m12",
    location="Table 3, block '{block}', row '{group}'",
)

_TABLE4_COUNTS = ClaimSpec(
    "t4.counts.{g}.{month}",
    "25(OH)D category counts add to the {group} group size at {months} months",
    "counts_sum",
    "{cells}",
    location="Table 4, column '{months}\u202fm {group}'",
)
_TABLE4_TEST = (
    ClaimSpec(
        "t4.z.{month}",
        "ordinal test Z for 25(OH)D categories at {months} months",
        "ordinal_test",
        "{cells}",
        "footnote 4 names a single-ordered list chi-square test",
    ),
    ClaimSpec(
        "t4.p.{month}",
        "p of the ordinal test at {months} months",
        "p_from_statistic",
        "t4.z.{month}",
        "two-sided normal p",
    ),
)

_TABLE5 = {  # by printed column
    "p": (
        ClaimSpec("{b}.p", "p-value lies between 0 and 1, {name}", "p_range", "{b}.p"),
        ClaimSpec(
            "{b}.p.threshold", "p below the stated cut-off, {name}", "threshold", "{b}.p;r3_5.p"
        ),
    ),
    "vip": (
        ClaimSpec(
            "{b}.vip", "VIP above the stated cut-off, {name}", "threshold", "{b}.vip;r3_5.vip"
        ),
    ),
    "fc": (
        ClaimSpec(
            "{b}.fc",
            "fold change beyond the stated cut-offs, {name}",
            "threshold",
            "{b}.fc;r3_5.fc_up;r3_5.fc_down",
            "§3.5 cut-offs; §2.4 states FC ≥ 2 or ≤ 0.5",
        ),
    ),
    "variation": (
        ClaimSpec(
            "{b}.variation",
            "arrow agrees with the fold change, {name}",
            "direction",
            "{b}.fc;{b}.variation",
            "FC read as HCM / CM",
        ),
    ),
}
_TABLE5_NUMBERING = ClaimSpec(
    "t5.numbering",
    "row numbers run 1, 2, … without gaps or repeats (last printed number)",
    "list_count",
    "{cells}",
    "numbers 24 and 19 are printed twice",
    timepoint="m0;m6;m12",
    location="Table 5, column 'Number'",
)

_AUC_BANDS = "r3_5.auc_less;r3_5.auc_some;r3_5.auc_high"
"""Table 6 footnote 1: the AUC bands, each by its lower edge (prose ids)."""

_TABLE6 = (
    ClaimSpec(
        "{cid}",
        "AUC of {name}",
        "not_verifiable",
        context="needs participant intensities; the groups compared are not stated",
        timepoint="m12",
    ),
    ClaimSpec(
        "{cid}.band",
        "AUC of {name} lies in a band of footnote 1",
        "threshold",
        "{cid};" + _AUC_BANDS,
        "an AUC is at most 1 and the footnote's lowest band starts at 0.5",
        timepoint="m12",
    ),
)


def _table2_claims(t2: pd.DataFrame, labels: pd.DataFrame) -> list[dict]:
    out, cells = [], t2.set_index("cell_id")
    for measure in dict.fromkeys(t2["measure"]):
        words = {"b": f"t2.{measure}", "name": labels.loc[measure, "label"]}
        kind = cells.loc[f"t2.{measure}.statistic", "statistic_kind"]
        for role in ("statistic", "p"):
            cell = cells.loc[f"t2.{measure}.{role}"]
            out += cell_claims(cell, _TABLE2[role, kind], section="3.1", groups=_BETWEEN, **words)
        if measure in GRIM_MEASURES:
            for group in ("HCM", "CM"):
                cell = cells.loc[f"t2.{measure}.{group.lower()}"]
                out += cell_claims(
                    cell, _TABLE2_GRIM, section="3.1", groups=group, group=group, **words
                )
    return out


def _table3_claims(t3: pd.DataFrame, labels: pd.DataFrame) -> list[dict]:
    out = []
    for _, cell in t3.iterrows():
        measure, kind, group = cell["measure"], cell["cell_kind"], cell["group"]
        words = {"measure": measure, "name": labels.loc[measure, "label"], "group": group}
        specs = _TABLE3.get((kind, visit(cell["month"]) == "m0"), ())
        if kind == "mean_sd" and measure in GRIM_MEASURES:
            specs += _TABLE3_GRIM
        out += cell_claims(cell, specs, section="3.3", groups=group, g=group.lower(), **words)
    marked = t3[(t3["cell_kind"] == "mean_sd") & t3["flag"].str.contains("footnote_")]
    for (measure, group), rows in marked.groupby(["measure", "group"], sort=False):
        words = {
            "measure": measure,
            "group": group,
            "g": group.lower(),
            "name": labels.loc[measure, "label"],
        }
        marks = ", ".join(m or "(none)" for m in rows["footnote"])
        block, cells = rows["measure_label"].iloc[0], ";".join(rows["cell_id"])
        out.append(
            spec_claim(
                _TABLE3_FOOTNOTES,
                section="3.3",
                groups=group,
                value=marks,
                block=block,
                cells=cells,
                **words,
            )
        )
    return out


def _table4_claims(t4: pd.DataFrame) -> list[dict]:
    out, cells = [], t4.set_index("cell_id")
    counts = t4[t4["category"] != ""]
    for (group, month), rows in counts.groupby(["group", "month"], sort=False):
        words = {"group": group, "g": group.lower(), "month": f"m{month}", "months": month}
        size, ids = str(GROUP_SIZES[group]), ";".join(rows["cell_id"])
        out.append(
            spec_claim(_TABLE4_COUNTS, section="3.3", groups=group, value=size, cells=ids, **words)
        )
    for month in MONTHS:
        ids = ";".join(counts.loc[counts["month"] == month, "cell_id"])
        for spec in _TABLE4_TEST:
            cell = cells.loc[spec.claim_id.format(month=f"m{month}")]
            out += cell_claims(
                cell, (spec,), section="3.3", groups=_BETWEEN, months=month, cells=ids
            )
    return out


def _table5_claims(t5: pd.DataFrame) -> list[dict]:
    out = []
    for position, rows in t5.groupby("row_position", sort=True):
        cells = rows.set_index("column")
        words = {"b": f"t5.r{position:02d}", "name": cells.loc["name", "cell_text"]}
        for column, specs in _TABLE5.items():
            out += cell_claims(cells.loc[column], specs, section="3.5", groups=_BETWEEN, **words)
    numbers = ";".join(t5.loc[t5["column"] == "number", "cell_id"])
    out.append(
        spec_claim(_TABLE5_NUMBERING, section="3.5", groups=_BETWEEN, value="51", cells=numbers)
    )
    return out


def _table6_claims(t6: pd.DataFrame) -> list[dict]:
    out = []
    for _, cell in t6[t6["column"] == "auc"].iterrows():
        out += cell_claims(cell, _TABLE6, section="3.5", groups=_BETWEEN, name=cell["metabolite"])
    return out


def table_claims(tables: dict[int, pd.DataFrame], labels: pd.DataFrame) -> list[dict]:
    """Registry rows of Tables 2–6, in the table's order, as :func:`build_claims` writes them.

    Parameters
    ----------
    tables : dict of int to DataFrame
        The published tables by number (:func:`milkbone.published.table`).
    labels : DataFrame
        :func:`milkbone.published.measures` indexed by ``measure``.

    Returns
    -------
    list of dict
        One row per claim (columns of :data:`~milkbone.published.registry_rows.CLAIM_COLUMNS`).
    """
    return (
        _table2_claims(tables[2], labels)
        + _table3_claims(tables[3], labels)
        + _table4_claims(tables[4])
        + _table5_claims(tables[5])
        + _table6_claims(tables[6])
    )
