"""The taxa of the simulated 16S counts: genera, phyla, planted shifts and assumptions.

Names and lineages follow SILVA 138 (the paper's genus names, such as
``Prevotella_9``, ``GCA-900066575`` or ``Escherichia-Shigella``, and the phylum name
Bacteroidota are SILVA's, although its Methods name Greengenes 13.5). A genus's
``share`` is its typical share of its phylum's reads; ``prevalence`` the chance that
a woman carries it. Genera beyond the named ones are fillers with made-up names
(``sim_genus_001``...), so no one mistakes them for findings.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = [
    "ASSUMPTIONS",
    "BLOCKS",
    "GENERA",
    "MONTH12_MEANS",
    "OTHER_PHYLA",
    "PHYLA",
    "PLANTED",
    "SHIFTS",
    "TRENDS",
    "TYPICAL_SHARE",
    "WITHIN_BLOCK",
    "lineage",
    "month12_phyla",
]

_COLUMNS = ["genus", "phylum", "class", "order", "family", "share", "prevalence"]

_FAMILIES = """
Bacteroidaceae       Bacteroidota       Bacteroidia          Bacteroidales
Prevotellaceae       Bacteroidota       Bacteroidia          Bacteroidales
Tannerellaceae       Bacteroidota       Bacteroidia          Bacteroidales
Rikenellaceae        Bacteroidota       Bacteroidia          Bacteroidales
Barnesiellaceae      Bacteroidota       Bacteroidia          Bacteroidales
Marinifilaceae       Bacteroidota       Bacteroidia          Bacteroidales
Ruminococcaceae      Firmicutes         Clostridia           Oscillospirales
Oscillospiraceae     Firmicutes         Clostridia           Oscillospirales
Lachnospiraceae      Firmicutes         Clostridia           Lachnospirales
Selenomonadaceae     Firmicutes         Negativicutes        Veillonellales-Selenomonadales
Veillonellaceae      Firmicutes         Negativicutes        Veillonellales-Selenomonadales
Acidaminococcaceae   Firmicutes         Negativicutes        Acidaminococcales
Streptococcaceae     Firmicutes         Bacilli              Lactobacillales
Lactobacillaceae     Firmicutes         Bacilli              Lactobacillales
Leuconostocaceae     Firmicutes         Bacilli              Lactobacillales
Staphylococcaceae    Firmicutes         Bacilli              Staphylococcales
Enterobacteriaceae   Proteobacteria     Gammaproteobacteria  Enterobacterales
Sutterellaceae       Proteobacteria     Gammaproteobacteria  Burkholderiales
Alcaligenaceae       Proteobacteria     Gammaproteobacteria  Burkholderiales
Pasteurellaceae      Proteobacteria     Gammaproteobacteria  Pasteurellales
Bifidobacteriaceae   Actinobacteriota   Actinobacteria       Bifidobacteriales
Coriobacteriaceae    Actinobacteriota   Coriobacteriia       Coriobacteriales
Eggerthellaceae      Actinobacteriota   Coriobacteriia       Coriobacteriales
Akkermansiaceae      Verrucomicrobiota  Verrucomicrobiae     Verrucomicrobiales
Synergistaceae       Synergistota       Synergistia          Synergistales
Fusobacteriaceae     Fusobacteriota     Fusobacteriia        Fusobacteriales
Desulfovibrionaceae  Desulfobacterota   Desulfovibrionia     Desulfovibrionales
Campylobacteraceae   Campylobacterota   Campylobacteria      Campylobacterales
Gastranaerophilales  Cyanobacteria      Vampirivibrionia     Gastranaerophilales
Spirochaetaceae      Spirochaetota      Spirochaetia         Spirochaetales
Saccharimonadales    Patescibacteria    Saccharimonadia      Saccharimonadales
Methanobacteriaceae  Euryarchaeota      Methanobacteria      Methanobacteriales
"""  # family, phylum, class, order (SILVA 138)

_GENERA = """
Bacteroides            Bacteroidaceae       0.45   1.0
Prevotella_9           Prevotellaceae       0.22   0.8
Parabacteroides        Tannerellaceae       0.06   0.95
Alistipes              Rikenellaceae        0.06   0.95
Barnesiella            Barnesiellaceae      0.02   0.6
Odoribacter            Marinifilaceae       0.01   0.7
Faecalibacterium       Ruminococcaceae      0.08   0.95
Subdoligranulum        Ruminococcaceae      0.05   0.9
Ruminococcus           Ruminococcaceae      0.03   0.8
Blautia                Lachnospiraceae      0.07   1.0
Agathobacter           Lachnospiraceae      0.05   0.9
Roseburia              Lachnospiraceae      0.04   0.9
Fusicatenibacter       Lachnospiraceae      0.03   0.9
GCA-900066575          Lachnospiraceae      0.006  0.9
Sellimonas             Lachnospiraceae      0.004  0.9
Oscillibacter          Oscillospiraceae     0.01   0.9
Megamonas              Selenomonadaceae     0.04   0.4
Dialister              Veillonellaceae      0.02   0.6
Phascolarctobacterium  Acidaminococcaceae   0.03   0.6
Streptococcus          Streptococcaceae     0.03   0.9
Lactobacillus          Lactobacillaceae     0.01   0.5
Weissella              Leuconostocaceae     0.004  0.85
Staphylococcus         Staphylococcaceae    0.003  0.85
Escherichia-Shigella   Enterobacteriaceae   0.65   1.0
Klebsiella             Enterobacteriaceae   0.08   0.6
Sutterella             Sutterellaceae       0.08   0.8
Achromobacter          Alcaligenaceae       0.01   0.85
Haemophilus            Pasteurellaceae      0.04   0.6
Bifidobacterium        Bifidobacteriaceae   0.75   0.95
Collinsella            Coriobacteriaceae    0.15   0.85
Eggerthella            Eggerthellaceae      0.02   0.6
Akkermansia            Akkermansiaceae      0.95   0.8
Pyramidobacter         Synergistaceae       0.15   0.85
Cloacibacillus         Synergistaceae       0.05   0.4
Fusobacterium          Fusobacteriaceae     0.9    0.5
Bilophila              Desulfovibrionaceae  0.5    0.8
Desulfovibrio          Desulfovibrionaceae  0.4    0.7
Campylobacter          Campylobacteraceae   0.8    0.3
Gastranaerophilales    Gastranaerophilales  0.8    0.5
Treponema              Spirochaetaceae      0.8    0.2
Saccharimonadales      Saccharimonadales    0.8    0.4
Methanobrevibacter     Methanobacteriaceae  0.9    0.4
"""  # genus, family, typical share of its phylum, prevalence


def _genera() -> pd.DataFrame:
    families = {row[0]: row[1:] for row in (line.split() for line in _FAMILIES.split("\n")) if row}
    rows = [
        (genus, *families[family], family, float(share), float(prevalence))
        for genus, family, share, prevalence in (
            line.split() for line in _GENERA.split("\n") if line.strip()
        )
    ]
    return pd.DataFrame(rows, columns=_COLUMNS)


GENERA = _genera()
"""The named genera: §3.4's (Figures 3E, 4C–I), §3.7's and common gut genera, with
their SILVA 138 lineage, typical share of their phylum and prevalence."""

PHYLA = tuple(
    ["Bacteroidota", "Firmicutes"]
    + [p for p in dict.fromkeys(GENERA["phylum"]) if p not in ("Bacteroidota", "Firmicutes")]
)
"""Phyla in the order the simulator draws them: the two §3.4 prints first."""

_SMALL_PHYLA = (0.12, 0.15, 0.30, 0.08, 0.10, 0.05, 0.08, 0.12)  # of the small phyla's reads
_MAJOR = {  # Proteobacteria, Actinobacteriota, Verrucomicrobiota, small phyla together
    ("HCM", 0): (0.085, 0.060, 0.020, 0.028),
    ("HCM", 6): (0.070, 0.085, 0.012, 0.026),
    ("HCM", 12): (0.080, 0.090, 0.010, 0.020),
    ("CM", 0): (0.060, 0.045, 0.015, 0.023),
    ("CM", 6): (0.150, 0.110, 0.010, 0.043),
    ("CM", 12): (0.185, 0.120, 0.010, 0.050),
}
OTHER_PHYLA = {
    cell: (*major[:3], *(major[3] * f for f in _SMALL_PHYLA)) for cell, major in _MAJOR.items()
}
"""Assumed mean shares of the phyla after Bacteroidota and Firmicutes, per (arm, month),
in :data:`PHYLA` order; each sample's rest is split by a Dirichlet around them."""

BLOCKS = (*((p,) for p in PHYLA[:5]), PHYLA[5:])
"""Groups of phyla whose features compete for the block's reads: the five of §3.4's
text one by one, the small phyla together (so a genus of a small phylum is not closed
inside a handful of features)."""

WITHIN_BLOCK = dict(zip(PHYLA, (1.0,) * 5 + _SMALL_PHYLA, strict=True))
"""A phylum's typical share of its block's reads."""

TYPICAL_SHARE = dict(
    zip(PHYLA, (0.44, 0.33, *np.mean(list(OTHER_PHYLA.values()), axis=0)), strict=True)
)
"""A phylum's typical share of a sample (for how many features a genus gets)."""

MONTH12_MEANS = {
    ("Bacteroidota", "HCM"): 0.470,
    ("Bacteroidota", "CM"): 0.365,
    ("Firmicutes", "HCM"): 0.330,
    ("Firmicutes", "CM"): 0.270,
}
"""Assumed 12-month means (not printed): directions from 6 months as §3.4 words them."""

PLANTED = (
    ("Staphylococcus", 0, 1),
    ("Pyramidobacter", 0, 1),
    ("Achromobacter", 0, 1),
    ("Bacteroides", 6, 1),
    ("Oscillibacter", 6, 1),
    ("GCA-900066575", 6, 1),
    ("Sellimonas", 6, 1),
    ("Weissella", 6, -1),
    ("Subdoligranulum", 12, 1),
    ("Fusicatenibacter", 12, 1),
    ("Achromobacter", 12, 1),
)
"""Each genus difference §3.4 reports (Figures 4C–I): genus, month, sign of HCM − CM."""

TRENDS = (
    ("Prevotella_9", "both", 6, -0.5),
    ("Prevotella_9", "both", 12, -1.0),
    ("Bifidobacterium", "both", 6, 0.3),
    ("Bifidobacterium", "both", 12, 0.6),
    ("Bacteroides", "both", 12, 0.8),
    ("Escherichia-Shigella", "HCM", 6, -0.4),
    ("Escherichia-Shigella", "HCM", 12, -0.8),
    ("Escherichia-Shigella", "CM", 6, 0.3),
    ("Escherichia-Shigella", "CM", 12, 0.5),
)
"""Changes over time §3.4 describes for Figure 3E: genus, arm, month, log shift from
baseline within the phylum."""

SHIFTS = tuple(
    (genus, group, month, sign * half, True)
    for genus, month, sign in PLANTED
    for group, half in (("HCM", 0.5), ("CM", -0.5))
) + tuple((*trend, False) for trend in TRENDS)
"""``genus, group, month, size, between``: log shifts within the phylum; a ``between``
size is multiplied by the simulator's ``effect``."""

ASSUMPTIONS = pd.DataFrame(
    [
        (
            "phylum shares at 0 and 6 months",
            "the printed mean ± SD of Bacteroidota and Firmicutes per arm (Figures 4A–B), "
            "matched exactly",
            "§3.4",
        ),
        (
            "Firmicutes/Bacteroidetes at 6 months",
            "not matched: the printed 0.769 (HCM) and 0.916 (CM) are not the ratio of the "
            "printed means (0.793, 0.757; the audit's verdict is discrepancy); we match the "
            "means, so the ratio of means is 0.793 and 0.757. The baseline ratios (0.843, "
            "0.641) agree with the means and hold",
            "§3.4; claims r3_4.fb.*",
        ),
        (
            "text against means at 6 months",
            "the printed means win: the text says Bacteroidetes fell in both arms and "
            "Firmicutes rose in CM, but the means show HCM Bacteroidota rising (0.438 to "
            "0.450) and CM Firmicutes falling (0.335 to 0.296)",
            "§3.4",
        ),
        (
            "phylum shares at 12 months",
            "not printed; means chosen in the directions §3.4 gives from 6 months "
            "(Bacteroidota up in HCM, down in CM; Firmicutes down in both), SD of 6 months",
            "assumed",
        ),
        (
            "other phyla",
            "not printed; Proteobacteria, Actinobacteriota and Verrucomicrobiota move as "
            "§3.4 says, and Bacteroidota + Firmicutes + Proteobacteria make about 90 %",
            "assumed",
        ),
        (
            "genus differences between arms",
            "each planted as a log shift of effect/2 up in one arm and down in the other at "
            "the stated visit; their p-values (MetagenomeSeq) are not targets",
            "§3.4, Figures 4C–I",
        ),
        (
            "genus changes at 12 months",
            "read against 6 months ('continued to decline'); Bacteroides, Prevotella_9, "
            "Bifidobacterium and Escherichia-Shigella move as Figure 3E's text says",
            "§3.4",
        ),
        (
            "names",
            "SILVA 138 names and lineages, the ones the paper's genus names come from",
            "§2.4, §3.4",
        ),
        ("withdrawals", "the seven women who withdrew leave no stool samples", "§2.1"),
        (
            "filler genera",
            "made-up names sim_genus_NNN; 8 % have no genus (written g__uncultured)",
            "assumed",
        ),
    ],
    columns=["topic", "choice", "source"],
)
"""What the simulated 16S counts assume, one row per choice (for the calibration page)."""


def month12_phyla(rows: list[tuple]) -> list[tuple]:
    """The assumed 12-month ``(phylum, group, 12, mean, sd)`` rows, from the 6-month rows
    ``(phylum, group, month, mean, sd, ...)`` (SD carried)."""
    sd = {(r[0], r[1]): r[4] for r in rows if r[2] == 6}
    return [(p, g, 12, mean, sd[p, g]) for (p, g), mean in MONTH12_MEANS.items()]


def lineage(rng: np.random.Generator, n_genera: int) -> pd.DataFrame:
    """The named genera plus ``n_genera - len(GENERA)`` fillers, with ``kingdom`` and
    ``species`` (missing) columns; a filler takes the class, order and family of a
    named genus of its phylum and shares its phylum's remaining reads, Zipf-like.

    Examples
    --------
    >>> table = lineage(np.random.default_rng(0), 60)
    >>> len(table), table["genus"].iloc[-1].startswith("sim_genus")
    (60, True)
    """
    fillers = n_genera - len(GENERA)
    weights = np.array([6.0 if p == "Firmicutes" else 1.5 for p in PHYLA[:5]] + [0.3] * 8)
    phylum = rng.choice(len(PHYLA), size=fillers, p=weights / weights.sum())
    phylum = np.sort(phylum, kind="stable")
    named = GENERA["phylum"].map({p: k for k, p in enumerate(PHYLA)}).to_numpy()
    pick = [np.flatnonzero(named == k) for k in range(len(PHYLA))]
    template = np.array([pick[k][rng.integers(len(pick[k]))] for k in phylum], dtype=int)
    unnamed = rng.random(fillers) < 0.08
    rows = GENERA.iloc[template].assign(share=0.0, prevalence=0.0).reset_index(drop=True)
    names = pd.Series([f"sim_genus_{i + 1:03d}" for i in range(fillers)], dtype=object)
    rows["genus"] = names.where(~unnamed, None)
    table = pd.concat([GENERA, rows], ignore_index=True)
    filler = np.arange(len(table)) >= len(GENERA)
    raw = np.exp(rng.normal(0.0, 1.5, len(table)))
    for name, rows_ in table[filler].groupby("phylum").groups.items():
        left = max(0.02, 1.0 - GENERA.loc[GENERA["phylum"] == name, "share"].sum())
        table.loc[rows_, "share"] = left * raw[rows_] / raw[rows_].sum()
    table.loc[filler, "prevalence"] = np.clip(rng.beta(0.5, 1.5, filler.sum()), 0.02, 0.95)
    table.insert(0, "kingdom", np.where(table["phylum"] == "Euryarchaeota", "Archaea", "Bacteria"))
    table["species"] = pd.NA
    return table
