"""The joint analysis of paper §3.7 (Figure 7 A–E): blocks of variables per participant.

Figure 7 correlates, at twelve months, bone and serum markers, key genera and
representative serum and fecal metabolites. This module cuts each data type down to a
participants × variables block at one visit, runs :func:`milkbone.analysis.correlation.spearman`
on the five pairs of blocks, and marks the correlations §3.7 names with the audit's verdict.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from milkbone._validate import require_columns, shown
from milkbone.analysis.correlation import panel_summary, spearman
from milkbone.analysis.microbiome.composition import collapse, relative_abundance

__all__ = [
    "PANELS",
    "blocks",
    "feature_block",
    "figure7",
    "figure7_by_arm",
    "measure_block",
    "named_pairs",
    "panel_summaries",
    "taxa_block",
]

PANELS = {
    "A": ("markers", "genera"),
    "B": ("markers", "serum"),
    "C": ("markers", "fecal"),
    "D": ("genera", "serum"),
    "E": ("genera", "fecal"),
}
"""Figure 7's panels: which block is correlated with which (paper §3.7)."""


def _one_visit(samples: pd.DataFrame, month: int, name: str) -> pd.Series:
    require_columns(samples, ["participant", "month"], name=name)
    at = samples[samples["month"] == month]
    if at.empty:
        raise ValueError(f"{name} has no sample at month {month}")
    twice = at["participant"][at["participant"].duplicated()]
    if len(twice):
        raise ValueError(f"{name} has two samples at month {month} for {shown(twice.unique())}")
    return at["participant"]


def _require_names(available: Sequence[str], wanted: Sequence[str], what: str) -> None:
    missing = [w for w in wanted if w not in set(available)]
    if missing:
        raise ValueError(f"{what} {shown(missing)} not in the data; it has {shown(available)}")


def measure_block(visits: pd.DataFrame, *, measures: Sequence[str], month: int) -> pd.DataFrame:
    """Participants × clinical measures at one visit.

    Examples
    --------
    >>> visits = pd.DataFrame({"participant": ["a", "a", "b"], "month": [0, 12, 12],
    ...                        "l1_4_bmd": [0.9, 0.95, 1.1]})
    >>> measure_block(visits, measures=["l1_4_bmd"], month=12)
                 l1_4_bmd
    participant
    a                0.95
    b                1.10
    """
    _require_names(list(visits.columns), measures, "measure(s)")
    people = _one_visit(visits, month, "visits")
    block = visits.loc[people.index, list(measures)].set_axis(people.to_numpy(), axis=0)
    return block.rename_axis("participant")


def taxa_block(
    counts: pd.DataFrame,
    taxonomy: pd.DataFrame,
    samples: pd.DataFrame,
    *,
    taxa: Sequence[str],
    month: int,
    rank: str = "genus",
) -> pd.DataFrame:
    """Participants × relative abundance of named taxa (total-sum scaled) at one visit."""
    shares = relative_abundance(collapse(counts, taxonomy, rank=rank))
    _require_names(list(shares.columns), taxa, f"{rank}(s)")
    people = _one_visit(samples.loc[shares.index], month, "samples")
    block = shares.loc[people.index, list(taxa)].set_axis(people.to_numpy(), axis=0)
    return block.rename_axis("participant")


def feature_block(
    intensities: pd.DataFrame,
    features: pd.DataFrame,
    samples: pd.DataFrame,
    *,
    names: Sequence[str],
    month: int,
) -> pd.DataFrame:
    """Participants × intensities of metabolites chosen by name at one visit.

    A name annotated on several features is refused (say which feature id to use).
    """
    require_columns(features, ["name"], name="features")
    named = features.loc[features.index.isin(intensities.columns), "name"]
    _require_names(list(named), names, "metabolite(s)")
    chosen = named[named.isin(names)]
    twice = chosen[chosen.duplicated()]
    if len(twice):
        raise ValueError(f"metabolite name(s) {shown(twice.unique())} name several features")
    people = _one_visit(samples.loc[intensities.index], month, "samples")
    ids = chosen.reset_index().set_index("name").loc[list(names)].iloc[:, 0]
    block = intensities.loc[people.index, ids.to_numpy()]
    return (
        block.set_axis(people.to_numpy(), axis=0)
        .set_axis(list(names), axis=1)
        .rename_axis("participant")
    )


def blocks(
    variables: pd.DataFrame,
    *,
    visits: pd.DataFrame,
    microbiome,
    serum,
    fecal,
    month: int = 12,
) -> dict[str, pd.DataFrame]:
    """The four blocks of Figure 7 at one visit, from the loaded data of each type.

    Parameters
    ----------
    variables : pandas.DataFrame
        ``block, variable`` (:func:`milkbone.published.curated.figure7`).
    visits : pandas.DataFrame
        The clinical visits (``Cohort.visits``).
    microbiome, serum, fecal
        Loaded 16S and metabolome data (``counts, taxonomy, samples`` and
        ``intensities, features, samples`` frames).
    month : int, default 12
        The visit §3.7 analyses.

    Returns
    -------
    dict
        ``markers``, ``genera``, ``serum``, ``fecal``: participants × variables.
    """
    require_columns(variables, ["block", "variable"], name="variables")
    wanted = variables.groupby("block", sort=False)["variable"].agg(list)
    return {
        "markers": measure_block(visits, measures=wanted["markers"], month=month),
        "genera": taxa_block(
            microbiome.counts,
            microbiome.taxonomy,
            microbiome.samples,
            taxa=wanted["genera"],
            month=month,
        ),
        "serum": feature_block(
            serum.intensities, serum.features, serum.samples, names=wanted["serum"], month=month
        ),
        "fecal": feature_block(
            fecal.intensities, fecal.features, fecal.samples, names=wanted["fecal"], month=month
        ),
    }


def figure7(blocks: Mapping[str, pd.DataFrame], *, evidence: str) -> pd.DataFrame:
    """Spearman correlations of the five panels of Figure 7.

    Parameters
    ----------
    blocks : mapping
        ``markers``, ``genera``, ``serum``, ``fecal``: participants × variables frames.
    evidence : str
        ``simulated`` or ``observed``.

    Returns
    -------
    pandas.DataFrame
        The columns of :func:`~milkbone.analysis.correlation.spearman` with a leading
        ``panel``; BH adjusts within each panel, as many tests as the panel holds.
    """
    missing = sorted({b for pair in PANELS.values() for b in pair} - set(blocks))
    if missing:
        raise KeyError(f"blocks lacks {shown(missing)}")
    panels = [
        spearman(blocks[left], blocks[right], evidence=evidence).assign(panel=panel)
        for panel, (left, right) in PANELS.items()
    ]
    result = pd.concat(panels, ignore_index=True)
    return result.loc[:, ["panel", *[c for c in result.columns if c != "panel"]]]


def figure7_by_arm(
    blocks: Mapping[str, pd.DataFrame], arms: pd.Series, *, evidence: str
) -> pd.DataFrame:
    """:func:`figure7` within each arm: correlations that pooling the arms cannot create.

    Parameters
    ----------
    blocks : mapping
        As for :func:`figure7`.
    arms : pandas.Series
        The arm of each participant, indexed by participant.
    evidence : str
        ``simulated`` or ``observed``.

    Returns
    -------
    pandas.DataFrame
        The columns of :func:`figure7` with ``group`` after ``panel``.
    """
    frames = []
    for arm in pd.unique(arms):
        people = arms.index[arms == arm]
        mine = {name: block.loc[block.index.isin(people)] for name, block in blocks.items()}
        frames.append(figure7(mine, evidence=evidence).assign(group=arm))
    result = pd.concat(frames, ignore_index=True)
    first = ["panel", "group"]
    return result.loc[:, [*first, *[c for c in result.columns if c not in first]]]


def panel_summaries(
    correlations: pd.DataFrame, *, alpha: float = 0.05, by: str | None = None
) -> pd.DataFrame:
    """:func:`~milkbone.analysis.correlation.panel_summary` per panel (and per ``by``)."""
    keys = ["panel"] if by is None else ["panel", by]
    rows = [
        panel_summary(group, alpha=alpha).assign(**dict(zip(keys, key, strict=True)))
        for key, group in correlations.groupby(keys, sort=False)
    ]
    table = pd.concat(rows, ignore_index=True)
    return table.loc[:, [*keys, *[c for c in table.columns if c not in keys]]]


def named_pairs(
    correlations: pd.DataFrame, pairs: pd.DataFrame, claims: pd.DataFrame
) -> pd.DataFrame:
    """The correlations §3.7 names: printed p and audit verdict beside the data's ρ and p.

    Parameters
    ----------
    correlations : pandas.DataFrame
        From :func:`figure7`.
    pairs : pandas.DataFrame
        ``claim_id, panel, left, right`` (``data/curated/figure7_pairs.csv``).
    claims : pandas.DataFrame
        The claims registry (``claim_id, published_value, verdict``).

    Returns
    -------
    pandas.DataFrame
        ``panel, left, right, printed_p, verdict, rho, p, p_bh, n, evidence``, one row per
        named pair, in the order of ``pairs``.

    Raises
    ------
    ValueError
        If a named pair is not among the correlations, or its claim is not in the registry.
    """
    require_columns(pairs, ["claim_id", "panel", "left", "right"], name="pairs")
    registry = claims.set_index("claim_id")
    unknown = [c for c in pairs["claim_id"] if c not in registry.index]
    if unknown:
        raise ValueError(f"pairs name claim(s) {shown(unknown)} that the registry lacks")
    keyed = correlations.set_index(["panel", "left", "right"])
    wanted = list(zip(pairs["panel"], pairs["left"], pairs["right"], strict=True))
    absent = [w for w in wanted if w not in keyed.index]
    if absent:
        raise ValueError(f"named pair(s) {shown(absent)} are not among the correlations")
    found = keyed.loc[wanted, ["rho", "p", "p_bh", "n", "evidence"]].reset_index()
    printed = registry.loc[pairs["claim_id"], ["published_value", "verdict"]].to_numpy()
    found.insert(3, "printed_p", printed[:, 0])
    found.insert(4, "verdict", printed[:, 1])
    return found
