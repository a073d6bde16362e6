"""The numbers the paper prints, and the registry of its numeric claims.

``data/published/`` holds one tidy CSV per table of Zhao et al. (2025) (one row per
printed cell), the numbers stated in the prose, the participant flow, the measure
slugs, and the claims registry. ``datapackage.json`` (frictionless Table Schema)
describes every column; each file is validated against it with pandera on load.

Check kinds
-----------
``check_kind`` of a claim says how the audit (:mod:`milkbone.audit`) can test it:

- ``t_from_summary``: printed t and/or p of a between-arm t-test (Table 2), from the
  printed means, SDs and group sizes;
- ``p_from_summary``: printed between-arm p only (Table 3 "P-value" rows at 6 and 12
  months), from means, SDs and group sizes (Table 3's baseline p is Table 2's
  Mann–Whitney p printed again: it is checked from Table 2's U and as
  ``same_quantity``);
- ``mann_whitney_p_from_u``: printed U with its p; p from U and the group sizes;
- ``percent_change``: a prose percent change recomputed from table means;
- ``ratio``: a ratio recomputed from printed parts (Firmicutes/Bacteroidetes);
- ``counts_sum``: counts that must add up (group sizes, participant flow);
- ``ordinal_test``: Table 4's Z from the category counts;
- ``p_from_statistic``: a printed p from a printed Z or t;
- ``p_range``: a printed p-value that must lie in [0, 1];
- ``direction``: an arrow (↑/↓) against its fold change;
- ``threshold``: a printed value against a stated cut-off (VIP, p, FC, reference ranges,
  Table 6's AUC bands);
- ``list_count``: a stated count against the listed items (numbering, duplicates);
- ``same_quantity``: one quantity printed in two places;
- ``pooled_summary``: an overall mean ± SD against the two arms' summaries;
- ``grim``: a mean of whole-number data against its group size (AST and ALP, if the
  analyser reports whole U/L);
- ``significance_claim``: words ("significant", "p < x") against the printed p or
  statistic;
- ``ci_significance``: a confidence interval against the significance claimed for it;
- ``within_group``: a within-arm p, which needs paired data (not verifiable);
- ``not_verifiable``: needs participant data or software outputs (MetagenomeSeq,
  KEGG/MetaboAnalyst, random forests, Spearman correlations, figures only).

No kind was added to this vocabulary.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pandera.pandas as pa

from milkbone import paths

__all__ = [
    "CHECK_KINDS",
    "ENROLLED",
    "GROUP_SIZES",
    "TABLE_FILES",
    "WITHDRAWN",
    "build_claims",
    "claims",
    "datapackage",
    "flags",
    "flow",
    "measures",
    "prose",
    "sources",
    "summary_statistics",
    "table",
]

GROUP_SIZES = {"HCM": 51, "CM": 46}
"""Published group sizes of the completers analysed (paper §2.2, §3.1)."""

ENROLLED = 104
"""Women enrolled (paper §2.1, §3.1)."""

WITHDRAWN = 7
"""Women who withdrew; the paper does not split them by arm (§2.1, §3.1)."""

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
)
"""The vocabulary of ``check_kind`` (see the module docstring)."""

TABLE_FILES = {
    1: "table1_milk_composition.csv",
    2: "table2_baseline.csv",
    3: "table3_biochemistry.csv",
    4: "table4_vitamin_d_categories.csv",
    5: "table5_serum_metabolites.csv",
    6: "table6_arachidonic_acid.csv",
}
"""File of each paper table in ``data/published/``."""

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
_UNCHECKABLE = ("within_group", "not_verifiable")
_PANDAS_TYPES = {"string": "str", "number": "float64", "integer": "Int64"}


# ------------------------------------------------------------------ loading
def _folder(folder: str | Path | None) -> Path:
    return paths.PUBLISHED if folder is None else paths.resolve(folder)


@functools.cache
def _descriptor(folder: Path) -> dict:
    path = paths.record_read(folder / "datapackage.json")
    return json.loads(path.read_text(encoding="utf-8"))


def _resource(name: str, folder: Path) -> dict:
    for resource in _descriptor(folder)["resources"]:
        if resource["name"] == name:
            return resource
    raise ValueError(f"datapackage.json in {folder} has no resource named {name!r}")


def _checks(kind: str, constraints: dict) -> list[pa.Check]:
    """pandera checks for one field's frictionless constraints."""
    required = constraints.get("required", False)
    checks = []
    if "enum" in constraints:
        allowed = list(constraints["enum"])
        if kind == "string" and not required:
            allowed.append("")  # empty text stands for "nothing printed"
        checks.append(pa.Check.isin(allowed, error=f"value not in {allowed}"))
    if "minimum" in constraints:
        checks.append(pa.Check.ge(constraints["minimum"]))
    if "maximum" in constraints:
        checks.append(pa.Check.le(constraints["maximum"]))
    if kind == "string" and required:
        checks.append(pa.Check.str_length(min_value=1, error="empty text in a required column"))
        if "pattern" in constraints:
            checks.append(pa.Check.str_matches(constraints["pattern"]))
    return checks


def _schema(resource: dict) -> pa.DataFrameSchema:
    """A pandera schema from a frictionless Table Schema resource."""
    columns = {}
    for field in resource["schema"]["fields"]:
        constraints = field.get("constraints", {})
        columns[field["name"]] = pa.Column(
            _PANDAS_TYPES[field["type"]],
            checks=_checks(field["type"], constraints),
            nullable=not constraints.get("required", False),
            unique=constraints.get("unique", False),
        )
    return pa.DataFrameSchema(columns, strict=True, ordered=True, name=resource["path"])


def _convert(frame: pd.DataFrame, resource: dict, path: Path) -> pd.DataFrame:
    """Turn the all-text frame into the descriptor's types, naming the bad cell."""
    for field in resource["schema"]["fields"]:
        name, kind = field["name"], field["type"]
        if kind == "string" or name not in frame:
            continue
        text = frame[name].str.strip()
        numbers = pd.to_numeric(text.replace("", np.nan), errors="coerce")
        bad = numbers.isna() & text.ne("")
        if kind == "integer":
            bad |= numbers.notna() & (numbers % 1 != 0)
        if bad.any():
            row = int(bad.idxmax())
            raise ValueError(
                f"{path.name}: column {name!r} must hold {kind}s, but file line {row + 2} "
                f"holds {frame.at[row, name]!r}"
            )
        frame[name] = numbers.astype("Int64") if kind == "integer" else numbers.astype(float)
    return frame


def _describe_failures(error: pa.errors.SchemaErrors, path: Path) -> str:
    cases = error.failure_cases.head(5)
    lines = [f"{path.name} does not match datapackage.json:"]
    for _, case in cases.iterrows():
        where = "" if pd.isna(case["index"]) else f" at file line {int(case['index']) + 2}"
        lines.append(
            f"- column {case['column']!r}{where}: {case['check']} (found {case['failure_case']!r})"
        )
    more = len(error.failure_cases) - len(cases)
    if more > 0:
        lines.append(f"- and {more} more")
    return "\n".join(lines)


@functools.cache
def _load(name: str, folder: Path) -> pd.DataFrame:
    resource = _resource(name, folder)
    path = paths.record_read(folder / resource["path"])
    if not path.exists():
        raise ValueError(f"{path} is missing; it is listed in datapackage.json as {name!r}")
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    frame = _convert(frame, resource, path)
    try:
        return _schema(resource).validate(frame, lazy=True)
    except pa.errors.SchemaErrors as error:
        raise ValueError(_describe_failures(error, path)) from None


def _get(name: str, folder: str | Path | None) -> pd.DataFrame:
    return _load(name, _folder(folder)).copy()


def datapackage(*, folder: str | Path | None = None) -> dict:
    """The frictionless descriptor of ``data/published/`` (a copy).

    Parameters
    ----------
    folder : str or Path, optional
        Another folder with the same layout (for tests); default ``data/published``.

    Returns
    -------
    dict
        The parsed ``datapackage.json``: ``resources``, each with ``path`` and
        ``schema.fields`` (name, type, description, unit, constraints).

    Examples
    --------
    >>> [r["name"] for r in datapackage()["resources"]][:3]
    ['table1', 'table2', 'table3']
    """
    return json.loads(json.dumps(_descriptor(_folder(folder))))


def table(n: int, *, folder: str | Path | None = None) -> pd.DataFrame:
    """One of the paper's Tables 1–6, one row per printed cell, typed and validated.

    Parameters
    ----------
    n : int
        Table number, 1 to 6.
    folder : str or Path, optional
        Another folder with the same layout (for tests); default ``data/published``.

    Returns
    -------
    DataFrame
        Always ``cell_id, table, row_label, column_label, cell_text, source_line``,
        then the table's parsed columns (see ``datapackage.json``), then ``flag`` and
        ``reading`` (the interpretation of a cell, when one was needed).

    Raises
    ------
    ValueError
        If ``n`` is not a table of the paper, or the file does not match its schema
        (the message names the file, line and column).

    Examples
    --------
    >>> t2 = table(2)
    >>> t2.loc[t2["cell_id"] == "t2.l1_4_bmd.statistic", ["cell_text", "statistic"]]
       cell_text  statistic
    22     −1.93      -1.93
    >>> int(table(5)["row_position"].max())
    51
    """
    if n not in TABLE_FILES:
        raise ValueError(f"the paper has Tables 1 to 6; got n={n!r}")
    return _get(f"table{n}", folder)


def prose(*, folder: str | Path | None = None) -> pd.DataFrame:
    """Every number stated in the prose, one row each.

    Returns
    -------
    DataFrame
        ``prose_id, section, paragraph, quantity`` (our words), ``printed`` (as in
        the paper), ``value, comparator, unit, groups, timepoint, measure,
        statistic, direction, refers_to, check_kind, inputs, check_note``.
        ``timepoint`` is a visit (``m6``) or a change ``"m6 vs m0"`` (later vs
        reference); a fall is stored as its printed size with ``direction``
        ``decrease``.

    Examples
    --------
    >>> p = prose()
    >>> p.set_index("prose_id").loc["r3_3.ast.hcm.pct_6", ["printed", "value", "timepoint"]]
    printed           16.4%
    value              16.4
    timepoint     m6 vs m0
    Name: r3_3.ast.hcm.pct_6, dtype: object
    """
    return _get("prose", folder)


def flow(*, folder: str | Path | None = None) -> pd.DataFrame:
    """Participant flow as stated, with location; unstated facts have no value.

    Returns
    -------
    DataFrame
        ``flow_id, quantity, printed, value, group, location, note, flag``; ``value``
        is empty (``<NA>``) and ``flag`` is ``not_stated`` where the paper is silent
        (e.g. how the 7 withdrawals split between the arms).

    Examples
    --------
    >>> f = flow().set_index("flow_id")
    >>> int(f.loc["enrolled.s2_1", "value"]), int(f.loc["withdrawn.s3_1", "value"])
    (104, 7)
    >>> f.loc["withdrawn.hcm", "flag"]
    'not_stated'
    """
    return _get("flow", folder)


def measures(*, folder: str | Path | None = None) -> pd.DataFrame:
    """The measure slugs of Tables 2 and 3 with their printed names.

    Returns
    -------
    DataFrame
        ``measure`` (slug), ``label``, ``unit``, ``printed_table2``,
        ``printed_table3``, ``tables`` and ``months`` (visits with a printed
        mean ± SD), the last three ``;``-separated.

    Examples
    --------
    >>> m = measures().set_index("measure")
    >>> m.loc["phosphorus", ["printed_table2", "printed_table3", "months"]].tolist()
    ['P, mmol/L', 'Phosphorus, mmol/L', '0;6']
    """
    return _get("measures", folder)


def claims(*, folder: str | Path | None = None) -> pd.DataFrame:
    """The committed claims registry (``claims.csv``), with the audit's verdicts.

    Returns
    -------
    DataFrame
        ``claim_id, section, location, quantity, published_value, groups,
        timepoint, check_kind, evidence, recomputed_value, verdict, note, context, inputs``.

    See Also
    --------
    build_claims : the same registry rebuilt from the published tables and prose.

    Examples
    --------
    >>> c = claims()
    >>> c.set_index("claim_id").loc["t2.age.p", ["published_value", "check_kind"]].tolist()
    ['0.974', 't_from_summary']
    """
    return _get("claims", folder)


# ------------------------------------------------------------------ overview
def sources(*, folder: str | Path | None = None) -> pd.DataFrame:
    """One row per file of ``data/published/``: what it holds and how big it is.

    Returns
    -------
    DataFrame
        ``resource`` (name in ``datapackage.json``), ``file``, ``description``,
        ``printed_rows`` (rows as printed in the paper: for a table, its body rows;
        otherwise the file's rows), ``rows`` (rows of the file), ``flagged`` (rows
        whose ``flag`` is not empty; 0 for files without one).

    Examples
    --------
    >>> s = sources().set_index("resource")
    >>> s.loc["table5", ["printed_rows", "rows", "flagged"]].tolist()
    [51, 459, 13]
    """
    out = []
    for resource in datapackage(folder=folder)["resources"]:
        frame = _get(resource["name"], folder)
        is_table = "source_line" in frame
        flagged = int((frame["flag"] != "").sum()) if "flag" in frame else 0
        out.append(
            {
                "resource": resource["name"],
                "file": resource["path"],
                "description": resource["description"],
                "printed_rows": frame["source_line"].nunique() if is_table else len(frame),
                "rows": len(frame),
                "flagged": flagged,
            }
        )
    return pd.DataFrame(out)


def flags(*, folder: str | Path | None = None) -> pd.DataFrame:
    """Every interpretation flag recorded in the tables, with its cells.

    Returns
    -------
    DataFrame
        ``table``, ``flag`` (one slug), ``cells`` (how many cells carry it),
        ``cell_ids`` (the first five, separated by ``"; "`` so a table can wrap
        them) and ``reading`` (the reading of the first such cell), sorted by
        table and flag.

    Examples
    --------
    >>> f = flags().set_index(["table", "flag"])
    >>> int(f.loc[("Table 5", "p_out_of_range"), "cells"])
    6
    """
    frames = [table(n, folder=folder)[["table", "cell_id", "flag", "reading"]] for n in TABLE_FILES]
    cells = pd.concat(frames, ignore_index=True)
    cells = cells.assign(flag=cells["flag"].str.split(";")).explode("flag")
    cells = cells[cells["flag"] != ""]
    grouped = cells.groupby(["table", "flag"], sort=True)
    out = grouped.agg(
        cells=("cell_id", "size"),
        cell_ids=("cell_id", lambda ids: "; ".join(ids.iloc[:5])),
        reading=("reading", "first"),
    )
    return out.reset_index()


# ------------------------------------------------------------------ summary statistics
def summary_statistics(*, folder: str | Path | None = None) -> pd.DataFrame:
    """Every printed mean ± SD of Tables 2 and 3, one row each.

    Returns
    -------
    DataFrame
        ``source`` ("Table 2" or "Table 3"), ``measure`` (slug), ``group`` (HCM, CM),
        ``month`` (0, 6, 12), ``mean``, ``sd``, ``n`` (published group size),
        ``mean_text``, ``sd_text`` (as printed; Table 3 without its footnote mark),
        ``footnote`` (Table 3 mark or ""), ``flag`` ("" or the reading's slugs).

    Examples
    --------
    >>> s = summary_statistics()
    >>> s[(s["measure"] == "ast") & (s["group"] == "HCM")][["source", "month", "sd", "footnote"]]
        source  month     sd footnote
    20  Table 2      0  5.773
    40  Table 3      0  5.773        1
    41  Table 3      6  6.930        2
    42  Table 3     12  6.067        1
    """
    columns = ["measure", "group", "month", "mean", "sd", "n", "mean_text", "sd_text"]
    t2 = table(2, folder=folder)
    t2 = t2[t2["mean_text"] != ""].assign(source="Table 2", footnote="", flag="")
    t3 = table(3, folder=folder)
    t3 = t3[t3["cell_kind"] == "mean_sd"].assign(source="Table 3")
    order = ["source", *columns, "footnote", "flag"]
    out = pd.concat([t2[order], t3[order]], ignore_index=True)
    out["month"] = out["month"].astype(int)
    out["n"] = out["n"].astype(int)
    return out


# ------------------------------------------------------------------ claims registry
_SECTION_OF_TABLE = {2: "3.1", 3: "3.3", 4: "3.3", 5: "3.5", 6: "3.5"}
_GRIM_MEASURES = ("ast", "alp")
_GRIM_NOTE = "assumes the analyser reports AST and ALP as whole U/L"

_TEXT_CLAIMS = (
    # claim_id, section, quantity, published_value, groups, timepoint, check_kind, inputs, note
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


def _claim(claim_id, section, location, quantity, value, groups, timepoint, kind, inputs, note):
    uncheckable = kind in _UNCHECKABLE
    return {
        "claim_id": claim_id,
        "section": section,
        "location": location,
        "quantity": quantity,
        "published_value": value,
        "groups": groups,
        "timepoint": timepoint,
        "check_kind": kind,
        "evidence": "not-verifiable" if uncheckable else "published",
        "recomputed_value": "",
        "verdict": "not-verifiable" if uncheckable else "pending",
        "note": "",
        "context": note,
        "inputs": inputs,
    }


def _where(row: pd.Series) -> str:
    return f"{row['table']}, row '{row['row_label']}', column '{row['column_label']}'"


def _month(value) -> str:
    return "" if pd.isna(value) else f"m{int(value)}"


def _label(measure_rows: pd.DataFrame, measure: str) -> str:
    return measure_rows.loc[measure, "label"]


def _table2_claims(t2: pd.DataFrame, labels: pd.DataFrame) -> list[dict]:
    out = []
    cells = t2.set_index("cell_id")
    for measure in dict.fromkeys(t2["measure"]):
        name, base = _label(labels, measure), f"t2.{measure}"
        stat, p = cells.loc[f"{base}.statistic"], cells.loc[f"{base}.p"]
        means = f"{base}.hcm;{base}.cm"
        if stat["statistic_kind"] == "t":
            out.append(
                _claim(
                    f"{base}.statistic",
                    "3.1",
                    _where(stat),
                    f"baseline t statistic, {name}",
                    stat["cell_text"],
                    "HCM vs CM",
                    "m0",
                    "t_from_summary",
                    means,
                    "sign convention of t not stated",
                )
            )
            out.append(
                _claim(
                    f"{base}.p",
                    "3.1",
                    _where(p),
                    f"baseline t-test p, {name}",
                    p["cell_text"],
                    "HCM vs CM",
                    "m0",
                    "t_from_summary",
                    f"{means};{base}.statistic",
                    "",
                )
            )
            out.append(
                _claim(
                    f"{base}.p.from_statistic",
                    "3.1",
                    _where(p),
                    f"baseline p against its printed t, {name}",
                    p["cell_text"],
                    "HCM vs CM",
                    "m0",
                    "p_from_statistic",
                    f"{base}.statistic",
                    "dof 95 (51 + 46 − 2)",
                )
            )
        else:
            out.append(
                _claim(
                    f"{base}.statistic",
                    "3.1",
                    _where(stat),
                    f"baseline Mann–Whitney U, {name}",
                    stat["cell_text"],
                    "HCM vs CM",
                    "m0",
                    "not_verifiable",
                    "",
                    f"U needs the participants' ranks; its p is checked in {base}.p",
                )
            )
            out.append(
                _claim(
                    f"{base}.p",
                    "3.1",
                    _where(p),
                    f"baseline Mann–Whitney p, {name}",
                    p["cell_text"],
                    "HCM vs CM",
                    "m0",
                    "mann_whitney_p_from_u",
                    f"{base}.statistic",
                    "U read from the t/U column (see its flag)",
                )
            )
        if measure in _GRIM_MEASURES:
            for group in ("hcm", "cm"):
                cell = cells.loc[f"{base}.{group}"]
                out.append(
                    _claim(
                        f"{base}.{group}.grim",
                        "3.1",
                        _where(cell),
                        f"baseline mean {name}, {group.upper()}",
                        cell["mean_text"],
                        group.upper(),
                        "m0",
                        "grim",
                        f"{base}.{group}",
                        _GRIM_NOTE,
                    )
                )
    return out


def _table3_claims(t3: pd.DataFrame, labels: pd.DataFrame) -> list[dict]:
    out = []
    for _, cell in t3.iterrows():
        cid, measure, kind = cell["cell_id"], cell["measure"], cell["cell_kind"]
        name, month, where = _label(labels, measure), _month(cell["month"]), _where(cell)
        group = cell["group"]
        if kind == "p_between" and month == "m0":
            # Every Table 3 measure is a Mann–Whitney row of Table 2, which prints the U
            # beside the same baseline p: Table 3's copy is checked against that U (not
            # against a t test that was not run) and against Table 2's p.
            out.append(
                _claim(
                    cid,
                    "3.3",
                    where,
                    f"between-arm p, {name}, {month}, from Table 2's U",
                    cell["cell_text"],
                    group,
                    month,
                    "mann_whitney_p_from_u",
                    f"t2.{measure}.statistic",
                    "Table 2 prints the U of this baseline comparison",
                )
            )
            out.append(
                _claim(
                    f"{cid}.same_as_t2",
                    "3.3",
                    where,
                    f"baseline between-arm p, {name}, Table 3 vs Table 2",
                    cell["cell_text"],
                    group,
                    month,
                    "same_quantity",
                    f"t2.{measure}.p",
                    "",
                )
            )
        elif kind == "p_between":
            out.append(
                _claim(
                    cid,
                    "3.3",
                    where,
                    f"between-arm p, {name}, {month}",
                    cell["cell_text"],
                    group,
                    month,
                    "p_from_summary",
                    f"t3.{measure}.hcm.{month};t3.{measure}.cm.{month}",
                    "test not named (t-test or Mann–Whitney, §2.5)",
                )
            )
        elif kind == "p_within":
            out.append(
                _claim(
                    cid,
                    "3.3",
                    where,
                    f"within-arm p over the visits, {name}, {group}",
                    cell["cell_text"],
                    group,
                    "m0;m6;m12",
                    "within_group",
                    "",
                    "needs paired participant data",
                )
            )
        elif kind == "mean_sd" and month == "m0":
            out.append(
                _claim(
                    f"{cid}.same_as_t2",
                    "3.3",
                    where,
                    f"baseline mean ± SD, {name}, {group}, Table 3 vs Table 2",
                    cell["cell_text"],
                    group,
                    month,
                    "same_quantity",
                    f"t2.{measure}.{group.lower()}",
                    "compare with the footnote mark removed",
                )
            )
        if kind == "mean_sd" and measure in _GRIM_MEASURES:
            out.append(
                _claim(
                    f"{cid}.grim",
                    "3.3",
                    where,
                    f"mean {name}, {group}, {month}",
                    cell["mean_text"],
                    group,
                    month,
                    "grim",
                    cid,
                    _GRIM_NOTE,
                )
            )
    marked = t3[(t3["cell_kind"] == "mean_sd") & t3["flag"].str.contains("footnote_")]
    for (measure, group), rows in marked.groupby(["measure", "group"], sort=False):
        marks = ", ".join(m or "(none)" for m in rows["footnote"])
        out.append(
            _claim(
                f"t3.{measure}.{group.lower()}.footnotes",
                "3.3",
                f"Table 3, block '{rows['measure_label'].iloc[0]}', row '{group}'",
                f"time points that differ within the arm (footnote marks), "
                f"{_label(labels, measure)}, {group}",
                marks,
                group,
                "m0;m6;m12",
                "within_group",
                ";".join(rows["cell_id"]),
                "same mark = no significant difference; needs paired data",
            )
        )
    return out


def _table4_claims(t4: pd.DataFrame) -> list[dict]:
    out, cells = [], t4.set_index("cell_id")
    counts = t4[t4["category"] != ""]
    for (group, month), rows in counts.groupby(["group", "month"], sort=False):
        out.append(
            _claim(
                f"t4.counts.{group.lower()}.m{month}",
                "3.3",
                f"Table 4, column '{month}\u202fm {group}'",
                f"25(OH)D category counts add to the {group} group size at {month} months",
                str(GROUP_SIZES[group]),
                group,
                f"m{month}",
                "counts_sum",
                ";".join(rows["cell_id"]),
                "",
            )
        )
    for month in (0, 6, 12):
        z, p = cells.loc[f"t4.z.m{month}"], cells.loc[f"t4.p.m{month}"]
        month_counts = ";".join(counts.loc[counts["month"] == month, "cell_id"])
        out.append(
            _claim(
                f"t4.z.m{month}",
                "3.3",
                _where(z),
                f"ordinal test Z for 25(OH)D categories at {month} months",
                z["cell_text"],
                "HCM vs CM",
                f"m{month}",
                "ordinal_test",
                month_counts,
                "footnote 4 names a single-ordered list chi-square test",
            )
        )
        out.append(
            _claim(
                f"t4.p.m{month}",
                "3.3",
                _where(p),
                f"p of the ordinal test at {month} months",
                p["cell_text"],
                "HCM vs CM",
                f"m{month}",
                "p_from_statistic",
                f"t4.z.m{month}",
                "two-sided normal p",
            )
        )
    return out


_TABLE5_CHECKS = (
    # suffix, column, quantity, check_kind, inputs ({b} = row prefix), note
    ("p", "p", "p-value lies between 0 and 1", "p_range", "{b}.p", ""),
    ("p.threshold", "p", "p below the stated cut-off", "threshold", "{b}.p;r3_5.p", ""),
    ("vip", "vip", "VIP above the stated cut-off", "threshold", "{b}.vip;r3_5.vip", ""),
    (
        "fc",
        "fc",
        "fold change beyond the stated cut-offs",
        "threshold",
        "{b}.fc;r3_5.fc_up;r3_5.fc_down",
        "§3.5 cut-offs; §2.4 states FC ≥ 2 or ≤ 0.5",
    ),
    (
        "variation",
        "variation",
        "arrow agrees with the fold change",
        "direction",
        "{b}.fc;{b}.variation",
        "FC read as HCM / CM",
    ),
)


def _table5_claims(t5: pd.DataFrame) -> list[dict]:
    out = []
    for position, rows in t5.groupby("row_position", sort=True):
        cells = rows.set_index("column")
        name, month = cells.loc["name", "cell_text"], f"m{cells.loc['name', 'month']}"
        base = f"t5.r{position:02d}"
        for suffix, column, quantity, kind, inputs, note in _TABLE5_CHECKS:
            cell = cells.loc[column]
            out.append(
                _claim(
                    f"{base}.{suffix}",
                    "3.5",
                    _where(cell),
                    f"{quantity}, {name}",
                    cell["cell_text"],
                    "HCM vs CM",
                    month,
                    kind,
                    inputs.format(b=base),
                    note,
                )
            )
    numbers = ";".join(t5.loc[t5["column"] == "number", "cell_id"])
    out.append(
        _claim(
            "t5.numbering",
            "3.5",
            "Table 5, column 'Number'",
            "row numbers run 1, 2, … without gaps or repeats (last printed number)",
            "51",
            "HCM vs CM",
            "m0;m6;m12",
            "list_count",
            numbers,
            "numbers 24 and 19 are printed twice",
        )
    )
    return out


_AUC_BANDS = "r3_5.auc_less;r3_5.auc_some;r3_5.auc_high"
"""Table 6 footnote 1: the AUC bands, each by its lower edge (prose ids)."""


def _table6_claims(t6: pd.DataFrame) -> list[dict]:
    out = []
    for _, row in t6[t6["column"] == "auc"].iterrows():
        cid, where, quantity = row["cell_id"], _where(row), f"AUC of {row['metabolite']}"
        out.append(
            _claim(
                cid,
                "3.5",
                where,
                quantity,
                row["cell_text"],
                "HCM vs CM",
                "m12",
                "not_verifiable",
                "",
                "needs participant intensities; the groups compared are not stated",
            )
        )
        out.append(
            _claim(
                f"{cid}.band",
                "3.5",
                where,
                f"{quantity} lies in a band of footnote 1",
                row["cell_text"],
                "HCM vs CM",
                "m12",
                "threshold",
                f"{cid};{_AUC_BANDS}",
                "an AUC is at most 1 and the footnote's lowest band starts at 0.5",
            )
        )
    return out


def _prose_claims(p: pd.DataFrame) -> list[dict]:
    out = []
    for _, row in p[p["check_kind"] != ""].iterrows():
        where = "Abstract" if row["section"] == "Abstract" else f"§{row['section']}"
        out.append(
            _claim(
                row["prose_id"],
                row["section"],
                f"{where}, paragraph {row['paragraph']}",
                row["quantity"],
                row["printed"],
                row["groups"],
                row["timepoint"],
                row["check_kind"],
                row["inputs"],
                row["check_note"],
            )
        )
    return out


def _expand(inputs: str, ids: list[str]) -> str:
    found = []
    for item in filter(None, inputs.split(";")):
        if "*" not in item:
            found.append(item)
            continue
        pattern = re.compile("^" + re.escape(item).replace(r"\*", "[^.]+") + "$")
        found.extend(i for i in ids if pattern.match(i))
    return ";".join(found)


def _text_claims(ids: list[str]) -> list[dict]:
    out = []
    for claim_id, section, quantity, value, groups, timepoint, kind, inputs, note in _TEXT_CLAIMS:
        where = f"§{section}" if section != "4" else "§4 (summary)"
        out.append(
            _claim(
                claim_id,
                section,
                f"{where}, stated in words",
                quantity,
                value,
                groups,
                timepoint,
                kind,
                _expand(inputs, ids),
                note,
            )
        )
    return out


def build_claims(*, folder: str | Path | None = None) -> pd.DataFrame:
    """Build the claims registry from the published tables and prose numbers.

    One row per checkable or uncheckable numeric claim: every table cell carrying
    a statistic or p-value, every baseline value printed twice, every prose
    number that is a claim (design facts of the Methods are left out), and a few
    claims stated in words that printed numbers can test.

    Parameters
    ----------
    folder : str or Path, optional
        Another folder with the same layout (for tests); default ``data/published``.

    Returns
    -------
    DataFrame
        Columns ``claim_id, section, location, quantity, published_value, groups,
        timepoint, check_kind, evidence, recomputed_value, verdict, note, context,
        inputs``; ``verdict`` is ``pending`` for a checkable claim and
        ``not-verifiable`` otherwise; ``recomputed_value`` and ``note`` are empty (the
        audit fills them: ``note`` is its arithmetic), while ``context`` says what the
        check must take into account, from the transcription.

    Examples
    --------
    >>> fresh = build_claims()
    >>> fresh.set_index("claim_id").loc["r3_3.ast.hcm.pct_6", ["check_kind", "inputs"]].tolist()
    ['percent_change', 't3.ast.hcm.m0;t3.ast.hcm.m6']
    >>> fresh["claim_id"].is_unique
    True
    """
    tables = {n: table(n, folder=folder) for n in TABLE_FILES}
    labels = measures(folder=folder).set_index("measure")
    ids = [cid for t in tables.values() for cid in t["cell_id"]]
    rows = (
        _table2_claims(tables[2], labels)
        + _table3_claims(tables[3], labels)
        + _table4_claims(tables[4])
        + _table5_claims(tables[5])
        + _table6_claims(tables[6])
        + _prose_claims(prose(folder=folder))
        + _text_claims(ids)
    )
    out = pd.DataFrame(rows, columns=list(CLAIM_COLUMNS))
    if not out["claim_id"].is_unique:
        duplicated = out.loc[out["claim_id"].duplicated(), "claim_id"].tolist()[:5]
        raise ValueError(f"claim ids are not unique: {duplicated}")
    return out
