"""Views across the published files: what each holds, where readings needed judgement, means ± SD.

Built only from the loaders of :mod:`milkbone.published.tables`.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from milkbone.published.tables import TABLE_FILES, datapackage, resource, table
from milkbone.published.transcribe.cells import READING_SEPARATOR

__all__ = ["flags", "sources", "summary_statistics"]


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
    for described in datapackage(folder=folder)["resources"]:
        frame = resource(described["name"], folder=folder)
        is_table = "source_line" in frame
        flagged = int((frame["flag"] != "").sum()) if "flag" in frame else 0
        out.append(
            {
                "resource": described["name"],
                "file": described["path"],
                "description": described["description"],
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
        them) and ``reading`` (the first such cell's reading for this flag: a cell
        with several flags holds one reading per flag), sorted by table and flag.

    Examples
    --------
    >>> f = flags().set_index(["table", "flag"])
    >>> int(f.loc[("Table 5", "p_out_of_range"), "cells"])
    6
    """
    frames = [table(n, folder=folder)[["table", "cell_id", "flag", "reading"]] for n in TABLE_FILES]
    cells = pd.concat(frames, ignore_index=True)
    cells = cells[cells["flag"] != ""]
    flags_ = cells["flag"].str.split(";")
    readings = cells["reading"].str.split(READING_SEPARATOR, regex=False)
    one_each = flags_.str.len() == readings.str.len()
    if not one_each.all():
        bad = cells.loc[~one_each, "cell_id"].tolist()[:5]
        raise ValueError(f"cells with several flags need one reading per flag: {bad}")
    cells = cells.assign(flag=flags_, reading=readings).explode(["flag", "reading"])
    grouped = cells.groupby(["table", "flag"], sort=True)
    out = grouped.agg(
        cells=("cell_id", "size"),
        cell_ids=("cell_id", lambda ids: "; ".join(ids.iloc[:5])),
        reading=("reading", "first"),
    )
    return out.reset_index()


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
