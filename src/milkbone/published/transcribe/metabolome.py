"""Tables 5 and 6 of the paper (serum metabolites), one row per printed cell."""

from __future__ import annotations

import re

from milkbone.published.parse import parse_number
from milkbone.published.transcribe.cells import cell_row, flagged
from milkbone.published.transcribe.labels import T5_COLUMNS, T5_LABELS, T6_COLUMNS, T6_LABELS
from milkbone.published.transcribe.paper import Paper

__all__ = ["table5", "table5_flags", "table6"]


def table5_flags(position, column, text, cells, seen_numbers) -> tuple[str, str]:
    """Flag and reading of one Table 5 cell, one reading per flag.

    ``seen_numbers`` maps each row number already printed to its position.
    """
    pairs = []
    if column == "number":
        number = int(text)
        if number in seen_numbers:
            pairs.append(
                (
                    "number_duplicate",
                    f"number {number} is printed twice: also at position {seen_numbers[number]}",
                )
            )
        if number != position:
            pairs.append(
                (
                    "number_out_of_sequence",
                    f"printed number {number} sits at position {position} of the table",
                )
            )
        seen_numbers.setdefault(number, position)
    elif column == "p":
        value = parse_number(text)
        if value > 1:
            pairs.append(
                (
                    "p_out_of_range",
                    "printed P is above 1, impossible for a p-value: kept as printed",
                )
            )
        elif value == 0:
            pairs.append(
                ("p_printed_zero", "printed as 0.0000: read as p < 0.00005 after rounding")
            )
    elif column == "variation":
        fc = parse_number(cells[7])
        if (text == "↑" and fc < 1) or (text == "↓" and fc > 1):
            pairs.append(("direction_fc_conflict", f"arrow {text} disagrees with FC {cells[7]}"))
    elif column == "name" and text.count("]") > text.count("["):
        pairs.append(
            (
                "name_truncated",
                "the name starts mid-word (unbalanced bracket): its beginning is missing",
            )
        )
    elif column == "name" and text == "Adenin":
        pairs.append(("name_spelling", "printed 'Adenin', which the prose calls adenine"))
    return flagged(*pairs)


def table5(paper: Paper) -> list[dict]:
    """Table 5, differential serum metabolites: nine printed columns per row."""
    out, seen = [], {}
    rows = paper.rows_between("TABLE 5", "0\u202fm, pre-intervention; 6")
    for position, (line, cells) in enumerate(rows, start=1):
        month = int(cells[2].split("\u202f")[0])
        for column, label, text in zip(T5_COLUMNS, T5_LABELS, cells, strict=True):
            flag, reading = table5_flags(position, column, text, cells, seen)
            value = ""
            if column in ("number", "rt", "mz", "vip", "p", "fc"):
                value = parse_number(text)
                value = int(value) if column == "number" else value
            direction = {"↑": "up", "↓": "down"}.get(text, "") if column == "variation" else ""
            out.append(
                cell_row(
                    f"t5.r{position:02d}.{column}",
                    "Table 5",
                    cells[0],
                    label,
                    text,
                    line,
                    row_position=position,
                    metabolite=cells[1],
                    month=month,
                    column=column,
                    value=value,
                    direction=direction,
                    flag=flag,
                    reading=reading,
                )
            )
    return out


def table6(paper: Paper) -> list[dict]:
    """Table 6, arachidonic acid pathway: intensities at 0 and 12 m and the AUC."""
    out = []
    rows = paper.rows_between("TABLE 6", "0\u202fm, pre-intervention; 12")
    for position, (line, cells) in enumerate(rows, start=1):
        slug = re.sub(r"[^a-z0-9]+", "_", cells[1].lower()).strip("_")
        for column, label, text in zip(T6_COLUMNS, T6_LABELS, cells, strict=True):
            typed = dict(
                row_position=position,
                metabolite=cells[0],
                kegg_name=cells[1],
                column=column,
                month="",
                value="",
                separator_style="",
            )
            flag = reading = ""
            if column in ("m0", "m12"):
                typed["month"] = int(column[1:])
                typed["value"] = parse_number(text)
                style = "comma_thousands" if "," in text else "plain_decimal"
                typed["separator_style"] = style
                flag, reading = flagged(
                    (
                        "mixed_separators",
                        (
                            "commas read as thousand separators"
                            if style == "comma_thousands"
                            else "point read as a decimal point"
                        )
                        + " (the table prints both styles)",
                    ),
                    ("group_not_stated", "the table does not say whose intensities these are"),
                )
            elif column == "auc":
                typed["value"] = parse_number(text)
            out.append(
                cell_row(
                    f"t6.{slug}.{column}",
                    "Table 6",
                    cells[0],
                    label,
                    text,
                    line,
                    **typed,
                    flag=flag,
                    reading=reading,
                )
            )
    return out
