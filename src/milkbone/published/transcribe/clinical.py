"""Tables 1–4 of the paper, one row per printed cell, and the measures they report."""

from __future__ import annotations

from milkbone.published.parse import parse_mean_sd, parse_number, split_footnote_mark
from milkbone.published.transcribe.cells import cell_row, flagged, p_fields
from milkbone.published.transcribe.labels import (
    MEASURE_LABELS,
    MEASURES,
    NUTRIENTS,
    T4_DEFINITIONS,
    UPPER_HALF,
)
from milkbone.published.transcribe.paper import Paper
from milkbone.vocabulary import GROUP_SIZES, GROUPS, MONTHS

__all__ = ["measure_rows", "table1", "table2", "table3", "table4"]

_BETWEEN = "HCM vs CM"


def table1(paper: Paper) -> list[dict]:
    """Table 1, the milks' composition: one row per printed amount (per 100 g)."""
    out = []
    for line, cells in paper.rows_between("TABLE 1", "The high-calcium fresh milk"):
        label, *values = cells
        nutrient, unit = NUTRIENTS[label]
        for group, column, text in zip(
            GROUPS, ("High-calcium milk", "Control milk"), values, strict=True
        ):
            dash = text == "–"
            out.append(
                cell_row(
                    f"t1.{nutrient}.{group.lower()}",
                    "Table 1",
                    label,
                    column,
                    text,
                    line,
                    nutrient=nutrient,
                    group=group,
                    value="" if dash else parse_number(text),
                    unit=unit,
                    basis="per 100 g",
                    flag="dash_not_added" if dash else "",
                    reading="en dash read as: not added to this milk; no value is given"
                    if dash
                    else "",
                )
            )
    return out


def _table2_statistic(where: tuple, common: dict) -> dict:
    """The t/U cell of a Table 2 row: which statistic it is, read from its form."""
    text = where[4]
    value = parse_number(text)
    is_u = value == int(value) and abs(value) > 100
    kind = (
        f"read as a Mann–Whitney U of {value:.0f} (a whole number above 100; the column is t/U)"
        if is_u
        else f"read as a t statistic of {value} (the column is t/U)"
    )
    pairs = [("statistic_kind_inferred", kind)]
    if "," in text:
        pairs.append(
            ("thousands_separator", f"{text} read as {value:.0f}: comma as thousand separator")
        )
    flag, reading = flagged(*pairs)
    return cell_row(
        *where,
        **common,
        group=_BETWEEN,
        statistic=value,
        statistic_kind="U" if is_u else "t",
        flag=flag,
        reading=reading,
    )


def table2(paper: Paper) -> list[dict]:
    """Table 2, baseline characteristics: mean ± SD per arm, the t or U, and p."""
    out = []
    for line, cells in paper.rows_between("TABLE 2", "Data are presented"):
        label, hcm, cm, stat, p = cells
        measure = MEASURES[label]
        common = dict(measure=measure, unit=MEASURE_LABELS[measure][1], month=0)
        for group, text in zip(GROUPS, (hcm, cm), strict=True):
            ms = parse_mean_sd(text)
            where = (f"t2.{measure}.{group.lower()}", "Table 2", label, group, text, line)
            out.append(
                cell_row(
                    *where,
                    **common,
                    group=group,
                    n=GROUP_SIZES[group],
                    mean=ms.mean,
                    sd=ms.sd,
                    mean_text=ms.mean_text,
                    sd_text=ms.sd_text,
                )
            )
        where = (f"t2.{measure}.statistic", "Table 2", label, "t/U", stat, line)
        out.append(_table2_statistic(where, common))
        where = (f"t2.{measure}.p", "Table 2", label, "p-value", p, line)
        out.append(cell_row(*where, **common, group=_BETWEEN, **p_fields(p)))
    return out


def table3_mean_sd(measure: str, group: str, month: int, text: str, t2_sd: str):
    """Typed columns, flag and reading of a Table 3 mean ± SD (footnote marks split off)."""
    ms = parse_mean_sd(text)
    typed = dict(mean=ms.mean, mean_text=ms.mean_text, n=GROUP_SIZES[group])
    if measure in UPPER_HALF:
        sd_text, mark = split_footnote_mark(ms.sd_text, sd_decimals=3)
        if mark:
            flag = "footnote_mark_split"
            reading = f"last digit read as footnote mark {mark}: SD {sd_text}"
            if month == 0:
                reading += f" (Table 2 prints SD {t2_sd})"
        else:
            flag = "footnote_absent_ambiguous"
            reading = (
                f"read as SD {sd_text} with no footnote mark: it has 3 decimals like the "
                "unmarked SDs, while its neighbours carry a mark"
            )
    else:
        sd_text, mark = ms.sd_text, ""
        flag = "no_mark_lower_half"
        reading = "read as printed, no footnote mark (no SD in this half of the table carries one)"
        if month == 0 and sd_text == t2_sd:
            reading += f"; Table 2 prints the same SD {t2_sd}"
        elif sd_text[-1] in "123":
            flag, reading = flagged(
                (flag, reading),
                (
                    "trailing_digit_ambiguous",
                    f"the last digit could also be mark {sd_text[-1]} on SD {sd_text[:-1]}",
                ),
            )
    typed.update(sd=parse_number(sd_text), sd_text=sd_text, footnote=mark)
    return typed, flag, reading


def _table3_cell(where: tuple, common: dict, t2_sd: str) -> dict:
    row_label, text, month = where[2], where[4], common["month"]
    if text == "-":
        return cell_row(
            *where,
            **common,
            cell_kind="not_reported",
            flag="not_reported",
            reading="hyphen: not measured or not reported at this visit",
        )
    if month == "" or row_label == "P-value":
        kind = "p_within" if month == "" else "p_between"
        reading = (
            "p across the three visits within the group (test not named)" if month == "" else ""
        )
        return cell_row(*where, **common, cell_kind=kind, **p_fields(text), reading=reading)
    typed, flag, reading = table3_mean_sd(common["measure"], common["group"], month, text, t2_sd)
    return cell_row(*where, **common, cell_kind="mean_sd", **typed, flag=flag, reading=reading)


def table3(paper: Paper, t2_rows: list[dict]) -> list[dict]:
    """Table 3, biochemistry by visit: mean ± SD per arm, within- and between-arm p."""
    t2_sd = {(r["measure"], r["group"]): r["sd_text"] for r in t2_rows if r.get("sd_text")}
    out, measure, label = [], None, None
    columns = ("0\u202fm", "6\u202fm", "12\u202fm", "P-value")
    for line, cells in paper.rows_between("TABLE 3", "25(OH)D, 25 hydroxyvitamin D; ALP"):
        if len(cells) == 1:
            label = cells[0]
            measure = MEASURES[label]
            continue
        row_label, *values = cells
        for column, month, text in zip(columns, (*MONTHS, None), values, strict=False):
            if not text:
                continue
            between = row_label == "P-value"
            group = _BETWEEN if between else row_label
            key = f"m{month}" if month is not None else "p_within"
            cell_id = f"t3.{measure}.{'between' if between else row_label.lower()}.{key}"
            common = dict(
                measure=measure,
                unit=MEASURE_LABELS[measure][1],
                group=group,
                month=month if month is not None else "",
            )
            where = (cell_id, "Table 3", row_label, column, text, line)
            row = _table3_cell(where, common, t2_sd.get((measure, group), ""))
            row["measure_label"] = label  # the block's heading, kept with every cell
            out.append(row)
    return out


def _table4_category(label: str, index: int, text: str, line: int) -> dict:
    """A count of Table 4: columns run 0 m HCM, 0 m CM, 6 m HCM, …"""
    category, mark = label[:-1].lower(), label[-1]
    month, group = MONTHS[index // 2], GROUPS[index % 2]
    return cell_row(
        f"t4.{category}.{group.lower()}.m{month}",
        "Table 4",
        label,
        f"{month}\u202fm {group}",
        text,
        line,
        category=category,
        footnote=mark,
        group=group,
        month=month,
        n=GROUP_SIZES[group],
        count=int(parse_number(text)),
        reading=T4_DEFINITIONS[category],
    )


def _table4_test(label: str, month: int, text: str, line: int) -> dict:
    """Z or p of Table 4's ordinal test at one visit (printed across both arms' columns)."""
    reading = "printed across both group columns of the visit: one test of HCM vs CM"
    if label == "Z-value":
        typed = dict(z=parse_number(text), footnote="")
        cell_id = f"t4.z.m{month}"
    else:
        typed = dict(**p_fields(text), footnote=label[-1])
        cell_id = f"t4.p.m{month}"
        reading += "; footnote 4 names a single-ordered list chi-square test"
    where = (cell_id, "Table 4", label, f"{month}\u202fm", text, line)
    return cell_row(*where, group=_BETWEEN, month=month, **typed, reading=reading)


def table4(paper: Paper) -> list[dict]:
    """Table 4, 25(OH)D categories: counts per arm and visit, then Z and p per visit."""
    out = []
    for line, cells in paper.rows_between("TABLE 4", "1Normal indicates"):
        label, *values = cells
        if label[:-1] in ("Normal", "Insufficient", "Deficient"):
            out += [_table4_category(label, i, text, line) for i, text in enumerate(values)]
        else:
            out += [
                _table4_test(label, m, text, line) for m, text in zip(MONTHS, values, strict=True)
            ]
    return out


def measure_rows(t2: list[dict], t3: list[dict]) -> list[dict]:
    """``measures.csv``: each slug with its printed names, unit, tables and visits."""
    out = []
    for slug, (label, unit) in MEASURE_LABELS.items():
        printed2 = sorted({r["row_label"] for r in t2 if r["measure"] == slug})
        printed3 = sorted({r["measure_label"] for r in t3 if r["measure"] == slug})
        months = sorted(
            {
                r["month"]
                for r in t2 + t3
                if r["measure"] == slug
                and r.get("cell_kind", "mean_sd") == "mean_sd"
                and r.get("mean_text")
            }
        )
        tables = ";".join(
            t
            for t, rows in (("Table 2", t2), ("Table 3", t3))
            if any(r["measure"] == slug for r in rows)
        )
        out.append(
            dict(
                measure=slug,
                label=label,
                unit=unit,
                printed_table2=";".join(printed2),
                printed_table3=";".join(printed3),
                tables=tables,
                months=";".join(str(m) for m in months),
            )
        )
    return out
