"""What the simulated metabolome plants, read from the paper: Tables 5 and 6, §3.6.

Each target comes from :mod:`milkbone.published`; where the paper contradicts
itself the choice follows the audit (``data/published/claims.csv``) and is written
in :data:`ASSUMPTIONS` and in the ``note`` of each target row.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats

from milkbone import published

__all__ = [
    "ASSUMPTIONS",
    "IDENTIFIERS",
    "fecal_targets",
    "table5_targets",
    "table6_targets",
]

IDENTIFIERS = {
    "Taurine": ("C00245", "HMDB0000251", "CHEBI:15891"),
    "Adenin": ("C00147", "HMDB0000034", "CHEBI:16708"),
    "L-Cystine": ("C00491", "HMDB0000192", ""),
    "Corticosterone": ("C02140", "HMDB0001547", "CHEBI:16827"),
    "17α-Hydroxypregnenolone": ("C05138", "HMDB0000363", "CHEBI:28750"),
    "2-Methoxyestrone": ("C05299", "HMDB0000010", ""),
    "Genistein": ("C06563", "HMDB0003217", "CHEBI:28088"),
    "Naringenin": ("C00509", "HMDB0002670", ""),
    "Sepiapterin": ("C00835", "HMDB0000238", ""),
    "2-Arachidonoyl glycerol": ("C13856", "HMDB0004666", ""),
    "Palmitoyl ethanolamide": ("C16512", "HMDB0002100", ""),
    "Equol": ("C14131", "HMDB0002209", ""),
    "L-Arabinitol": ("C00532", "", ""),
    "Prostaglandin D2": ("C00696", "HMDB0001403", "CHEBI:15555"),
    "Thromboxane B2": ("C05963", "HMDB0003252", "CHEBI:28728"),
    "12(S)-HETE": ("C14777", "HMDB0006111", ""),
    "Prostaglandin G2": ("C05956", "", ""),
    "6-Keto-prostaglandin f1alpha": ("C05961", "HMDB0002886", ""),
    "5-OxoETE": ("C14732", "", ""),
    "Lipoxin B4": ("C06315", "", ""),
    "D-Glucarate": ("C00818", "HMDB0000663", ""),
    "L-Cysteine": ("C00097", "HMDB0000574", "CHEBI:17561"),
    "3-Dephospho-CoA": ("C00882", "HMDB0001373", ""),
}
"""KEGG, HMDB and ChEBI ids we attach to printed names whose identity is unambiguous
(the paper prints none); empty where we are not sure. Other features have none."""

ASSUMPTIONS = pd.DataFrame(
    [
        (
            "Table 5 fold changes",
            "each row planted at its phase: the ratio of the arm means (HCM / CM) of the "
            "intensities equals the printed FC exactly; other phases have no planted difference",
            "Table 5",
        ),
        (
            "arrow against fold change",
            "Equol (↓, FC 4.4249) and L-Arabinitol (↓, FC 1.5475) are planted with their "
            "printed FC (up in HCM): the audit judges the arrow, not the number, wrong",
            "claims t5.r13.variation, t5.r14.variation",
        ),
        (
            "p-values above 1",
            "rows 1–4, 17 and 18 print p from 1.6 to 7.8, impossible; their FC is planted "
            "all the same, and no printed p is a target",
            "claims t5.r*.p",
        ),
        (
            "one metabolite twice",
            "APH is one feature (same m/z and RT) planted at 0 months (FC 0.5171) and at 12 "
            "months (FC 1.8188); the duplicated row numbers 19 and 24 name different "
            "metabolites and each is planted",
            "Table 5; claim t5.numbering",
        ),
        (
            "Table 6 intensities",
            "read as HCM means at 0 and 12 months; CM keeps the 0-month mean at every visit "
            "and HCM at 6 months lies halfway (geometric); the log SD is set so that the "
            "0 against 12 months AUC is the printed one",
            "Table 6",
        ),
        (
            "fecal counts",
            "§3.6's differential counts planted (6 months: 47 up, 27 down; 12 months: 27 up, "
            "16 down) plus the 26 up, 0 down the totals imply at baseline (100 − 74, "
            "43 − 43), as the audit reads the gap",
            "§3.6; claim r3_6.n_total",
        ),
        (
            "unplanted features",
            "log-normal, a participant effect shared by visits and correlated blocks; a "
            "planted count is a target, the count a t-test then finds is not",
            "assumed",
        ),
        (
            "annotation",
            "names, m/z and RT of Table 5 as printed; ion mode not printed (assigned at "
            "random); KEGG, HMDB and ChEBI ids only for unambiguous names",
            "Table 5",
        ),
    ],
    columns=["topic", "choice", "source"],
)
"""What the simulated metabolome assumes, one row per choice (for the calibration page)."""


def table5_targets(table: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per Table 5 row: what the serum simulation plants.

    Returns
    -------
    DataFrame
        ``row, name, month, rt, mz, vip, p, fold_change, arrow, direction, note``:
        ``direction`` is that of the fold change (``up``: higher in HCM), the one
        planted; ``note`` says where the printed row contradicts itself.

    Examples
    --------
    >>> targets = table5_targets()
    >>> len(targets), targets.loc[targets["name"] == "Equol", "direction"].item()
    (51, 'up')
    """
    table = published.table(5) if table is None else table
    wide = table.pivot(index="row_position", columns="column", values="value")
    text = table.pivot(index="row_position", columns="column", values="cell_text")
    arrow = table[table["column"] == "variation"].set_index("row_position")["direction"]
    rows = table.drop_duplicates("row_position").set_index("row_position")
    out = pd.DataFrame(
        {
            "row": wide.index.astype(int),
            "name": text["name"].to_numpy(),
            "month": rows["month"].reindex(wide.index).astype(int).to_numpy(),
            "rt": wide["rt"].to_numpy(),
            "mz": wide["mz"].to_numpy(),
            "vip": wide["vip"].to_numpy(),
            "p": wide["p"].to_numpy(),
            "fold_change": wide["fc"].to_numpy(),
            "arrow": arrow.reindex(wide.index).to_numpy(),
        }
    )
    out["direction"] = np.where(out["fold_change"] > 1, "up", "down")
    notes = np.where(out["direction"] != out["arrow"], "arrow against FC: FC planted", "")
    notes = np.where(out["p"] > 1, np.char.add(notes, "; printed p above 1"), notes)
    out["note"] = pd.Series(notes).str.strip("; ").to_numpy()
    return out


def table6_targets(table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Table 6 as targets: ``name, kegg_name, m0, m12, auc, log_sd``.

    ``log_sd`` is the SD of log intensity that makes the printed AUC the expected one
    for two log-normal groups of equal SD: AUC = Φ(ln(m12 / m0) / (SD √2)).

    Examples
    --------
    >>> row = table6_targets().iloc[0]
    >>> row["name"], round(float(row["log_sd"]), 3)
    ('Prostaglandin D2', 0.508)
    """
    table = published.table(6) if table is None else table
    wide = table.pivot(index="row_position", columns="column", values="value")
    names = table.drop_duplicates("row_position").set_index("row_position")
    out = pd.DataFrame(
        {
            "name": names["metabolite"].to_numpy(),
            "kegg_name": names["kegg_name"].to_numpy(),
            "m0": wide["m0"].astype(float).to_numpy(),
            "m12": wide["m12"].astype(float).to_numpy(),
            "auc": wide["auc"].astype(float).to_numpy(),
        }
    )
    shift = np.log(out["m12"] / out["m0"])
    out["log_sd"] = shift / (np.sqrt(2.0) * stats.norm.ppf(out["auc"]))
    return out


def fecal_targets(prose: pd.DataFrame | None = None) -> pd.DataFrame:
    """Differential fecal metabolites to plant: ``month, direction, count, source``.

    Months 6 and 12 as §3.6 prints them; month 0 is what the totals leave (100 up and
    43 down over all visits; ``source`` ``implied``).

    Examples
    --------
    >>> fecal_targets()[["month", "direction", "count"]].values.tolist()
    ... # doctest: +NORMALIZE_WHITESPACE
    [[0, 'up', 26], [0, 'down', 0], [6, 'up', 47], [6, 'down', 27],
     [12, 'up', 27], [12, 'down', 16]]
    """
    prose = published.prose() if prose is None else prose
    value = prose.set_index("prose_id")["value"].astype(float)
    rows = []
    for month in (6, 12):
        for direction in ("up", "down"):
            rows.append((month, direction, int(value[f"r3_6.n_{month}_{direction}"]), "§3.6"))
    base = [
        (0, d, int(value[f"r3_6.n_{d}"]) - sum(r[2] for r in rows if r[1] == d), "implied")
        for d in ("up", "down")
    ]
    rows = base + rows
    return pd.DataFrame(rows, columns=["month", "direction", "count", "source"])
