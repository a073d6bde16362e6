"""Write ``data/published/`` from the paper's text: the CSVs, their descriptor, the registry.

:func:`transcribe_paper` is what ``python -m milkbone.published.transcribe`` runs. It is
deterministic: on the same paper it writes the same bytes.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pandas as pd

from milkbone import paths
from milkbone.published.registry import build_claims
from milkbone.published.transcribe.clinical import measure_rows, table1, table2, table3, table4
from milkbone.published.transcribe.datapackage import descriptor
from milkbone.published.transcribe.metabolome import table5, table6
from milkbone.published.transcribe.names import abbreviation_rows, panel_rows
from milkbone.published.transcribe.paper import Paper
from milkbone.published.transcribe.prose import flow_rows, prose_rows
from milkbone.published.transcribe.statements import fact_rows, statement_rows
from milkbone.published.transcribe.text import paragraphs, sentence_rows, sentence_text

__all__ = ["AUDIT_COLUMNS", "transcribe_paper", "write_claims", "write_csv"]

AUDIT_COLUMNS = ("evidence", "recomputed_value", "verdict", "note")
"""Columns of ``claims.csv`` the audit writes; a new transcription keeps them."""


def write_csv(folder: Path, name: str, rows: list[dict]) -> int:
    """Write ``rows`` to ``folder/name`` (UTF-8, ``\\n``), ``flag`` and ``reading`` last.

    Columns are the rows' keys in order of first appearance; a row without a key
    leaves its cell empty. Returns the number of rows written.
    """
    columns = list(dict.fromkeys(k for r in rows for k in r if k not in ("flag", "reading")))
    columns += [k for k in ("flag", "reading") if any(k in r for r in rows)]
    with open(folder / name, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        for r in rows:
            writer.writerow({k: ("" if r.get(k) is None else r.get(k, "")) for k in columns})
    return len(rows)


def write_claims(folder: Path) -> int:
    """Write ``claims.csv`` from a fresh build, keeping the audit's columns of known claims.

    Returns the number of claims written.
    """
    fresh = build_claims(folder=folder)
    path = folder / "claims.csv"
    if path.exists():
        kept = list(AUDIT_COLUMNS)
        old = pd.read_csv(paths.record_read(path), dtype=str, keep_default_na=False)
        old = old.set_index("claim_id")[kept]
        known = fresh["claim_id"].isin(old.index)
        for column in kept:
            fresh.loc[known, column] = old.loc[fresh.loc[known, "claim_id"], column].to_numpy()
    fresh.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")
    return len(fresh)


def _tables(paper: Paper) -> dict[str, list[dict]]:
    """The six tables' rows by file name, every cell text checked against the paper."""
    t2 = table2(paper)
    tables = {
        "table1_milk_composition.csv": table1(paper),
        "table2_baseline.csv": t2,
        "table3_biochemistry.csv": table3(paper, t2),
        "table4_vitamin_d_categories.csv": table4(paper),
        "table5_serum_metabolites.csv": table5(paper),
        "table6_arachidonic_acid.csv": table6(paper),
    }
    cells = [r for rows in tables.values() for r in rows]
    missing = [r["cell_id"] for r in cells if r["cell_text"] not in paper.text]
    if missing:
        raise ValueError(f"cell texts not found in the paper: {missing[:5]}")
    ids = [r["cell_id"] for r in cells]
    if len(ids) != len(set(ids)):
        raise ValueError(
            f"cell ids are not unique: {sorted({i for i in ids if ids.count(i) > 1})[:5]}"
        )
    return tables


def transcribe_paper(
    *, paper: str | Path | None = None, out: str | Path | None = None
) -> pd.DataFrame:
    """Transcribe the paper's tables and prose numbers into ``out`` (``data/published``).

    Parameters
    ----------
    paper : str or Path, optional
        The paper's text file; default :data:`milkbone.paths.PAPER`.
    out : str or Path, optional
        The folder to write; default :data:`milkbone.paths.PUBLISHED`. A
        ``claims.csv`` already there keeps its audit columns for known claims.

    Returns
    -------
    DataFrame
        ``file, n, unit``: each file written with its number of rows (or, for
        ``datapackage.json``, of resources), in the order written.

    Raises
    ------
    ValueError
        If a cell or prose value is not printed in the paper, or ids repeat.
    """
    text = Paper.read(paper)
    folder = paths.PUBLISHED if out is None else paths.resolve(out)
    tables = _tables(text)
    ids = [r["cell_id"] for rows in tables.values() for r in rows]
    texts = sentence_text(text)
    files = {
        **tables,
        "participant_flow.csv": flow_rows(text),
        "prose_numbers.csv": prose_rows(text, ids),
        "sentences.csv": sentence_rows(text),
        "abbreviations.csv": abbreviation_rows(paragraphs(text)),
        "figure_panels.csv": panel_rows(paragraphs(text)),
        "statements.csv": statement_rows(texts),
        "facts.csv": fact_rows(texts),
        "measures.csv": measure_rows(
            tables["table2_baseline.csv"], tables["table3_biochemistry.csv"]
        ),
    }
    written = [(name, write_csv(folder, name, rows), "rows") for name, rows in files.items()]
    package = descriptor(folder)
    document = json.dumps(package, ensure_ascii=False, indent=2) + "\n"
    (folder / "datapackage.json").write_text(document, encoding="utf-8")
    written.append(("datapackage.json", len(package["resources"]), "resources"))
    written.append(("claims.csv", write_claims(folder), "rows"))
    return pd.DataFrame(written, columns=["file", "n", "unit"])
