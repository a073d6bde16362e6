# ruff: noqa: E501  (descriptions are data: one sentence each)
"""The columns of ``data/published/``: type, description, unit and constraints of each.

One entry per column name (:data:`FIELDS`); where one file's column means something
narrower, :data:`~milkbone.published.transcribe.datapackage.OVERRIDES` says so.
Arms, visits, sizes, evidence levels and verdicts come from :mod:`milkbone.vocabulary`.
"""

from __future__ import annotations

from milkbone.published.registry_rows import CHECK_KINDS
from milkbone.published.transcribe.text import PARTS
from milkbone.vocabulary import EVIDENCE_LEVELS, GROUP_SIZES, GROUPS, MONTHS, VERDICTS

__all__ = ["ARMS", "CLAIM_EVIDENCE", "FIELDS", "INTEGER", "NUMBER", "STRING"]

STRING, NUMBER, INTEGER = "string", "number", "integer"
ARMS = [*GROUPS, "HCM vs CM"]
"""Values of a table's ``group``: an arm, or the comparison of the two."""

CLAIM_EVIDENCE = [level for level in EVIDENCE_LEVELS if level != "observed"]
"""Evidence levels a registry row may carry: a claim is never checked on participant data."""

FIELDS = {
    # name: (type, description, unit, constraints)
    "cell_id": (
        STRING,
        "Stable identifier of the printed cell: t<table>.<row slug>.<column slug>.",
        "",
        {"required": True, "unique": True, "pattern": r"^t[1-6]\.[a-z0-9_.]+$"},
    ),
    "table": (
        STRING,
        "The paper's table, as 'Table N'.",
        "",
        {"required": True, "pattern": r"^Table [1-6]$"},
    ),
    "row_label": (
        STRING,
        "Row label as printed (footnote marks glued as printed).",
        "",
        {"required": True},
    ),
    "column_label": (
        STRING,
        "Column label as printed (U+202F narrow spaces kept).",
        "",
        {"required": True},
    ),
    "cell_text": (
        STRING,
        "The cell exactly as printed: U+2212 minus, U+202F spaces, thousand separators, '<0.001'.",
        "",
        {"required": True},
    ),
    "source_line": (
        INTEGER,
        "1-based line of the paper's text file holding the row.",
        "",
        {"required": True, "minimum": 1},
    ),
    "flag": (
        STRING,
        "Semicolon-separated slugs of readings that needed interpretation; empty when the cell reads plainly.",
        "",
        {},
    ),
    "reading": (
        STRING,
        "The reading chosen for an interpreted cell, in our words; a cell with several flags "
        "has one reading per flag, in the order of the flags, separated by ' | '.",
        "",
        {},
    ),
    "nutrient": (STRING, "Slug of the nutrient row.", "", {"required": True}),
    "group": (
        STRING,
        "Arm the cell belongs to: HCM, CM, or 'HCM vs CM' for a comparison.",
        "",
        {"required": True, "enum": ARMS},
    ),
    "value": (
        NUMBER,
        "The printed number read as a float (empty where nothing numeric is printed).",
        "",
        {},
    ),
    "unit": (STRING, "Unit as printed in the row label (empty when none is printed).", "", {}),
    "basis": (STRING, "Quantity of milk the amounts refer to.", "", {"required": True}),
    "measure": (STRING, "Measure slug (see measures.csv).", "", {"required": True}),
    "month": (
        INTEGER,
        "Visit in months since baseline (0, 6, 12); empty for a cell not tied to one visit.",
        "month",
        {"enum": list(MONTHS)},
    ),
    "n": (
        INTEGER,
        "Published group size of the arm (51 HCM, 46 CM).",
        "participants",
        {"enum": list(GROUP_SIZES.values())},
    ),
    "mean": (NUMBER, "Printed mean.", "", {}),
    "sd": (
        NUMBER,
        "Printed standard deviation (Table 3: after removing a footnote mark).",
        "",
        {"minimum": 0},
    ),
    "mean_text": (STRING, "Mean as printed.", "", {}),
    "sd_text": (STRING, "SD as printed (Table 3: without its footnote mark).", "", {}),
    "statistic": (NUMBER, "Printed test statistic (t or Mann–Whitney U).", "", {}),
    "statistic_kind": (
        STRING,
        "Which statistic the t/U column holds, inferred from its form: 't' or 'U'.",
        "",
        {"enum": ["t", "U"]},
    ),
    "p_value": (
        NUMBER,
        "Printed p-value or bound, read as printed (values above 1 are kept).",
        "",
        {"minimum": 0},
    ),
    "p_comparator": (
        STRING,
        "Comparator printed with the p-value.",
        "",
        {"enum": ["=", "<", ">", "<=", ">="]},
    ),
    "cell_kind": (
        STRING,
        "What the Table 3 cell holds.",
        "",
        {"required": True, "enum": ["mean_sd", "p_between", "p_within", "not_reported"]},
    ),
    "footnote": (
        STRING,
        "Footnote mark read from the cell or label (Table 3: 1, 2, 3 = same/different time points).",
        "",
        {"enum": ["1", "2", "3", "4"]},
    ),
    "measure_label": (STRING, "Heading of the Table 3 block, as printed.", "", {"required": True}),
    "category": (
        STRING,
        "25(OH)D category of the Table 4 row.",
        "",
        {"enum": ["normal", "insufficient", "deficient"]},
    ),
    "count": (INTEGER, "Participants in the category.", "participants", {"minimum": 0}),
    "z": (NUMBER, "Printed Z value of the ordinal test.", "", {}),
    "row_position": (
        INTEGER,
        "Position of the row in the printed table (1-based; differs from a printed number where the numbering repeats).",
        "",
        {"required": True, "minimum": 1},
    ),
    "metabolite": (STRING, "Metabolite name as printed.", "", {"required": True}),
    "column": (STRING, "Slug of the printed column.", "", {"required": True}),
    "direction": (
        STRING,
        "Arrow of the Variation column: up (↑) or down (↓).",
        "",
        {"enum": ["up", "down"]},
    ),
    "kegg_name": (STRING, "KEGG name as printed.", "", {"required": True}),
    "separator_style": (
        STRING,
        "How the intensity is printed: comma_thousands or plain_decimal.",
        "",
        {"enum": ["comma_thousands", "plain_decimal"]},
    ),
    "flow_id": (
        STRING,
        "Identifier of the participant-flow fact and where it is stated.",
        "",
        {"required": True, "unique": True},
    ),
    "quantity": (
        STRING,
        "What the number counts or measures, in our own words.",
        "",
        {"required": True},
    ),
    "printed": (STRING, "The number as printed (empty when the paper does not state it).", "", {}),
    "location": (STRING, "Where the paper states it.", "", {"required": True}),
    "note": (STRING, "Remarks, in our words.", "", {}),
    "prose_id": (
        STRING,
        "Stable identifier: section prefix (a, m, r, d) and slug.",
        "",
        {"required": True, "unique": True, "pattern": r"^(a|m[0-9_]+|r[0-9_]+|d4)\.[a-z0-9_.]+$"},
    ),
    "section": (
        STRING,
        "Section of the paper ('Abstract', '2.1', …, '4').",
        "",
        {"required": True},
    ),
    "paragraph": (
        INTEGER,
        "Paragraph within the section (1-based).",
        "",
        {"required": True, "minimum": 1},
    ),
    "comparator": (
        STRING,
        "Comparator printed with the number ('=' when none).",
        "",
        {"required": True, "enum": ["=", "<", ">", "<=", ">="]},
    ),
    "groups": (
        STRING,
        "Arm(s) concerned: HCM, CM, 'HCM vs CM', 'HCM;CM', all, other study.",
        "",
        {},
    ),
    "timepoint": (
        STRING,
        "Visit (m0, m6, m12), change 'mLATER vs mREFERENCE', or several visits separated by ';'.",
        "",
        {},
    ),
    "refers_to": (STRING, "What the number refers to, e.g. 'HCM 0→6 m within-group'.", "", {}),
    "check_kind": (
        STRING,
        "How the claim can be checked (vocabulary in milkbone.published.CHECK_KINDS); empty for a design fact that is not a claim.",
        "",
        {"enum": CHECK_KINDS},
    ),
    "inputs": (STRING, "Semicolon-separated cell_ids and prose_ids the check needs.", "", {}),
    "check_note": (STRING, "What the check must take into account, in our words.", "", {}),
    "label": (STRING, "Name of the measure as the book shows it.", "", {"required": True}),
    "printed_table2": (STRING, "Row label(s) in Table 2, as printed.", "", {}),
    "printed_table3": (STRING, "Block heading(s) in Table 3, as printed.", "", {}),
    "tables": (STRING, "Tables reporting the measure, separated by ';'.", "", {"required": True}),
    "months": (
        STRING,
        "Visits with a printed mean ± SD, separated by ';'.",
        "",
        {"required": True},
    ),
    "sentence_id": (
        STRING,
        "The sentence: key of its paragraph (abstract.results, s3_2.p1, fig2.caption, table3.footnote) and its number (s1, s2, …).",
        "",
        {"required": True},
    ),
    "part": (
        STRING,
        "Part of the paper: abstract, introduction, methods, results, discussion, caption or footnote.",
        "",
        {"required": True, "enum": list(PARTS)},
    ),
    "sentence": (
        INTEGER,
        "Sentence within the paragraph (1-based).",
        "",
        {"required": True, "minimum": 1},
    ),
    "opening": (
        STRING,
        "The sentence's first six words as printed, to find it; the sentence is not copied.",
        "",
        {"required": True},
    ),
    "words": (
        STRING,
        "Direction and extent words the sentence uses (increased, higher, all, both, only, significant…), separated by ';'.",
        "",
        {},
    ),
    "tests": (
        STRING,
        "Statistical tests and methods the sentence names, separated by ';'.",
        "",
        {},
    ),
    "software": (
        STRING,
        "Software and databases the sentence names, 'name=version' where a version is printed, separated by ';'.",
        "",
        {},
    ),
    "abbreviation_id": (
        STRING,
        "Identifier of the printed expansion, in the order printed.",
        "",
        {"required": True, "unique": True},
    ),
    "abbreviation": (STRING, "The short form as printed.", "", {"required": True}),
    "expansion": (STRING, "The long form as printed.", "", {"required": True}),
    "style": (
        STRING,
        "How the expansion is printed: in a caption's or footnote's list, or inline in parentheses.",
        "",
        {"required": True, "enum": ["list", "inline"]},
    ),
    "panel_id": (
        STRING,
        "Identifier of the caption panel or figure reference, in the order printed.",
        "",
        {"required": True, "unique": True},
    ),
    "figure": (INTEGER, "Figure number.", "", {"required": True, "minimum": 1}),
    "letters": (
        STRING,
        "Panel letters, ranges expanded, separated by ';' (empty: the whole figure).",
        "",
        {},
    ),
    "description": (STRING, "What a caption says the panel shows, as printed.", "", {}),
    "statement_id": (
        STRING,
        "Identifier of the claim: its sentence_id and a slug.",
        "",
        {"required": True, "unique": True},
    ),
    "slug": (STRING, "Short name of the claim within its sentence.", "", {"required": True}),
    "rests_on": (
        STRING,
        "Claim ids of the Results rows the claim rests on, separated by ';'; empty when no result of the paper bears on it.",
        "",
        {},
    ),
    "compare": (
        STRING,
        "Printed numbers the words need: 'A > B', 'A < B', 'rise:ID' or 'fall:ID', separated by ';'.",
        "",
        {},
    ),
    "fact_id": (STRING, "Identifier: f.<fact>.<k>.", "", {"required": True, "unique": True}),
    "fact": (STRING, "The fact, as a slug.", "", {"required": True}),
    "items": (
        STRING,
        "The items of a counted list, as printed, separated by ';' (empty for other facts).",
        "",
        {},
    ),
    "claim_id": (
        STRING,
        "Stable identifier of the claim (a cell_id or prose_id, with a suffix where one cell carries several claims; q… for claims stated in words).",
        "",
        {"required": True, "unique": True},
    ),
    "published_value": (STRING, "The claimed value as printed.", "", {}),
    "evidence": (
        STRING,
        "Evidence level behind the verdict.",
        "",
        {"required": True, "enum": CLAIM_EVIDENCE},
    ),
    "recomputed_value": (
        STRING,
        "What the audit recomputed from published numbers (empty until verified).",
        "",
        {},
    ),
    "verdict": (
        STRING,
        "Audit verdict.",
        "",
        {"required": True, "enum": list(VERDICTS)},
    ),
}
"""Column name → (type, description, unit, constraints)."""
