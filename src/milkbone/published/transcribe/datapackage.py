# ruff: noqa: E501  (descriptions are data: one sentence each)
"""``datapackage.json``: the frictionless descriptor of ``data/published/``.

Each resource's fields follow the header of its CSV, described by
:data:`~milkbone.published.transcribe.fields.FIELDS` unless :data:`OVERRIDES` gives
the file's own meaning of a column.
"""

from __future__ import annotations

import csv
from pathlib import Path

from milkbone.published.registry_rows import CHECK_KINDS, CLAIM_COLUMNS
from milkbone.published.transcribe.fields import FIELDS, INTEGER, NUMBER, STRING
from milkbone.vocabulary import GROUPS, MONTHS

__all__ = ["OVERRIDES", "RESOURCES", "descriptor", "field"]

OVERRIDES = {
    ("table1", "value"): (
        NUMBER,
        "Amount per 100 g as printed; empty for an en dash.",
        "",
        {"minimum": 0},
    ),
    ("table1", "unit"): (STRING, "Unit of the amount.", "", {"required": True}),
    ("table5", "month"): (
        INTEGER,
        "Phase of the row in months (0, 6, 12).",
        "month",
        {"required": True, "enum": list(MONTHS)},
    ),
    ("table5", "value"): (
        NUMBER,
        "Numeric columns read as printed (number, RT in min, m/z, VIP, P, FC); empty for text columns.",
        "",
        {},
    ),
    ("table6", "value"): (
        NUMBER,
        "Peak intensity (0 m, 12 m; arbitrary units) or AUC, read as printed.",
        "",
        {"minimum": 0},
    ),
    ("table2", "month"): (
        INTEGER,
        "Visit: 0 (baseline).",
        "month",
        {"required": True, "enum": [0]},
    ),
    ("table2", "p_value"): (NUMBER, "Printed p-value.", "", {"minimum": 0, "maximum": 1}),
    ("table3", "p_value"): (NUMBER, "Printed p-value.", "", {"minimum": 0, "maximum": 1}),
    ("table4", "p_value"): (NUMBER, "Printed p-value.", "", {"minimum": 0, "maximum": 1}),
    ("table4", "month"): (
        INTEGER,
        "Visit in months.",
        "month",
        {"required": True, "enum": list(MONTHS)},
    ),
    ("flow", "value"): (
        INTEGER,
        "The count; empty when the paper does not state it.",
        "participants",
        {"minimum": 0},
    ),
    ("flow", "group"): (
        STRING,
        "Arm: HCM, CM or all.",
        "",
        {"required": True, "enum": [*GROUPS, "all"]},
    ),
    ("prose", "value"): (
        NUMBER,
        "The printed number as a float (word numbers read as digits; a fall is printed and stored as its size, see direction).",
        "",
        {"required": True},
    ),
    ("prose", "unit"): (STRING, "Unit of the value.", "", {}),
    ("prose", "measure"): (
        STRING,
        "Slug of what is measured (measures.csv slugs where one applies).",
        "",
        {"required": True},
    ),
    ("prose", "statistic"): (
        STRING,
        "Kind of number: percent_change, p_value, mean, sd, ratio, count, z, correlation_p, threshold, …",
        "",
        {"required": True},
    ),
    ("prose", "direction"): (
        STRING,
        "Direction stated with the number: increase/decrease, up/down, positive/negative.",
        "",
        {"enum": ["increase", "decrease", "up", "down", "positive", "negative"]},
    ),
    ("measures", "measure"): (STRING, "Measure slug.", "", {"required": True, "unique": True}),
    ("sentences", "sentence_id"): (
        STRING,
        "The sentence: key of its paragraph (abstract.results, s3_2.p1, fig2.caption, table3.footnote) and its number (s1, s2, …).",
        "",
        {"required": True, "unique": True},
    ),
    ("panels", "kind"): (
        STRING,
        "A panel a caption describes, or a reference to the figure in the text.",
        "",
        {"required": True, "enum": ["caption", "reference"]},
    ),
    ("panels", "printed"): (STRING, "The label or reference as printed.", "", {"required": True}),
    ("statements", "printed"): (
        STRING,
        "The fragment of the sentence the claim rests on, as printed.",
        "",
        {"required": True},
    ),
    ("statements", "quantity"): (STRING, "The claim, in our words.", "", {"required": True}),
    ("statements", "timepoint"): (
        STRING,
        "The visit the sentence states (m6, m12), empty when none.",
        "",
        {},
    ),
    ("facts", "kind"): (
        STRING,
        "same: every value must be equal; bounds: the values are intervals that must tile the range; count: a stated count (value) and the list it counts (items).",
        "",
        {"required": True, "enum": ["same", "bounds", "count"]},
    ),
    ("facts", "printed"): (STRING, "The fact as printed in that sentence.", "", {"required": True}),
    ("facts", "value"): (
        STRING,
        "The fact in one form for comparison (12 months, 0;6;12, an interval [20,inf)).",
        "",
        {"required": True},
    ),
    ("measures", "unit"): (STRING, "Unit as printed.", "", {}),
    ("claims", "section"): (
        STRING,
        "Section of the paper the claim belongs to.",
        "",
        {"required": True},
    ),
    ("claims", "check_kind"): (
        STRING,
        "How the claim can be checked (milkbone.published.CHECK_KINDS).",
        "",
        {"required": True, "enum": CHECK_KINDS},
    ),
    ("claims", "groups"): (STRING, "Arm(s) concerned.", "", {}),
    ("claims", "note"): (
        STRING,
        "The audit's arithmetic behind the verdict (written by milkbone.audit.write_verdicts).",
        "",
        {},
    ),
    ("claims", "context"): (
        STRING,
        "What the check must take into account, or why it cannot be made (transcription).",
        "",
        {},
    ),
}
"""(resource, column) → the file's own (type, description, unit, constraints)."""

RESOURCES = [
    (
        "table1",
        "table1_milk_composition.csv",
        "Table 1: nutritional composition of the two milks, one row per printed cell.",
    ),
    (
        "table2",
        "table2_baseline.csv",
        "Table 2: baseline characteristics, one row per printed cell.",
    ),
    (
        "table3",
        "table3_biochemistry.csv",
        "Table 3: serum biochemistry at 0, 6 and 12 months, one row per printed cell.",
    ),
    (
        "table4",
        "table4_vitamin_d_categories.csv",
        "Table 4: 25(OH)D categories by arm and visit, Z and p, one row per printed cell.",
    ),
    (
        "table5",
        "table5_serum_metabolites.csv",
        "Table 5: differential serum metabolites, one row per printed cell.",
    ),
    (
        "table6",
        "table6_arachidonic_acid.csv",
        "Table 6: arachidonic acid pathway metabolites, one row per printed cell.",
    ),
    (
        "flow",
        "participant_flow.csv",
        "Participant flow as stated in the text, with location; facts the paper does not state are rows with an empty value.",
    ),
    (
        "prose",
        "prose_numbers.csv",
        "Every number stated in the prose of the Abstract, Methods, Results and result-restating Discussion.",
    ),
    (
        "sentences",
        "sentences.csv",
        "Every sentence of the Abstract, Introduction, Methods, Results, Discussion, captions and table footnotes, located, with the direction words, tests and software it names (the text is not copied).",
    ),
    (
        "abbreviations",
        "abbreviations.csv",
        "Every expansion of an abbreviation the paper prints, in lists of captions and footnotes or inline.",
    ),
    (
        "panels",
        "figure_panels.csv",
        "The panel letters each figure caption describes, and every reference to a figure in the text.",
    ),
    (
        "statements",
        "statements.csv",
        "Claims of the Abstract and the Discussion, in our words, with the fragment printed and the Results rows they rest on.",
    ),
    (
        "facts",
        "facts.csv",
        "Facts printed in more than one place (duration, dose, schedules, cut-offs, registration) and category bounds, each as printed and in one comparable form.",
    ),
    (
        "measures",
        "measures.csv",
        "Measure slugs of Tables 2 and 3 with their printed names, units, tables and visits.",
    ),
    (
        "claims",
        "claims.csv",
        "Claims registry built by milkbone.published.build_claims() from the files above; verdicts come from the audit.",
    ),
]
"""(name, file, description) of each resource, in the descriptor's order."""


def field(resource: str, name: str) -> dict:
    """The descriptor of column ``name`` of ``resource``: name, type, description, unit, constraints.

    Examples
    --------
    >>> field("table2", "p_value")["constraints"]
    {'minimum': 0, 'maximum': 1}
    """
    kind, description, unit, constraints = OVERRIDES.get((resource, name)) or FIELDS[name]
    out = {"name": name, "type": kind, "description": description}
    if unit:
        out["unit"] = unit
    if constraints:
        out["constraints"] = constraints
    return out


def descriptor(folder: Path) -> dict:
    """The descriptor of the CSVs in ``folder``, their fields in the order of their headers.

    ``claims.csv`` is described by :data:`~milkbone.published.registry_rows.CLAIM_COLUMNS`
    (it is written after the descriptor).
    """
    resources = []
    for name, path, description in RESOURCES:
        if name == "claims":
            header = list(CLAIM_COLUMNS)
        else:
            with open(folder / path, encoding="utf-8") as handle:
                header = next(csv.reader(handle))
        resources.append(
            {
                "name": name,
                "path": path,
                "profile": "tabular-data-resource",
                "format": "csv",
                "encoding": "utf-8",
                "description": description,
                "schema": {"fields": [field(name, column) for column in header]},
            }
        )
    return {
        "profile": "tabular-data-package",
        "name": "milkbone-published",
        "title": "Numbers printed in Zhao et al. (2025), Front. Nutr. 12:1607968",
        "description": "Every number the paper prints, as printed, with its location; "
        "transcribed by transcribe.py from the paper's text.",
        "sources": [
            {
                "title": "Zhao et al. (2025) Front. Nutr. 12:1607968",
                "path": "doi:10.3389/fnut.2025.1607968",
            }
        ],
        "resources": resources,
    }
