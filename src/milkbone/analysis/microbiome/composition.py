"""Community composition: counts collapsed to a rank, relative abundance, top taxa,
the Firmicutes/Bacteroidetes ratio (paper §3.4, Figures 3D–E and 4A–B).

Tables are samples × taxa (index sample id), as the 16S loader returns them; the
summaries are tidy frames with ``n``, ``method`` and ``evidence``. Relative
abundance is total-sum scaling (TSS): each sample's counts divided by its reads.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from milkbone._validate import require_columns, shown
from milkbone.analysis.microbiome._checks import (
    check_choice,
    check_counts,
    check_evidence,
    check_nonempty,
    check_positive_int,
    check_samples,
)
from milkbone.vocabulary import GROUPS, MONTHS

__all__ = [
    "BACTEROIDETES",
    "FIRMICUTES",
    "RANKS",
    "abundance_long",
    "collapse",
    "describe_taxa",
    "firmicutes_bacteroidetes",
    "relative_abundance",
    "top_taxa",
]

RANKS = ("kingdom", "phylum", "class", "order", "family", "genus", "species")
"""Taxonomic ranks of the taxonomy frame, broadest first."""

FIRMICUTES = ("Firmicutes", "Bacillota")
"""Names of the phylum in Greengenes / older SILVA and in SILVA 138.1+ (GTDB style)."""

BACTEROIDETES = ("Bacteroidetes", "Bacteroidota")
"""Names of the phylum in Greengenes and in SILVA 138 (the paper uses both)."""


def collapse(
    counts: pd.DataFrame,
    taxonomy: pd.DataFrame,
    *,
    rank: str = "genus",
    unassigned: str | None = "unassigned",
) -> pd.DataFrame:
    """Sum the counts of the features that share a name at ``rank``.

    Parameters
    ----------
    counts : pandas.DataFrame
        Samples × features (index sample id, columns feature id).
    taxonomy : pandas.DataFrame
        Indexed by feature id, with a column per rank (missing ranks NA).
    rank : str
        One of :data:`RANKS`.
    unassigned : str or None
        Name of the column that pools the features without a name at ``rank``;
        ``None`` leaves them out (a stated filter: the counts of those features are
        no longer in the table).

    Returns
    -------
    pandas.DataFrame
        Samples × taxa, same index as ``counts``, taxa sorted by name with the
        unassigned pool last.

    Raises
    ------
    KeyError
        If ``taxonomy`` lacks the column ``rank``.
    ValueError
        If ``rank`` is unknown or features of ``counts`` are missing from ``taxonomy``.

    Examples
    --------
    >>> counts = pd.DataFrame([[1, 2, 3], [4, 0, 1]], index=["s1", "s2"],
    ...                       columns=["a", "b", "c"])
    >>> taxonomy = pd.DataFrame({"genus": ["Bacteroides", "Bacteroides", pd.NA]},
    ...                         index=["a", "b", "c"])
    >>> collapse(counts, taxonomy, rank="genus")
        Bacteroides  unassigned
    s1            3           3
    s2            4           1
    """
    check_counts(counts)
    check_choice("rank", rank, RANKS)
    require_columns(taxonomy, [rank], name="taxonomy")
    missing = [f for f in counts.columns if f not in taxonomy.index]
    if missing:
        raise ValueError(f"taxonomy has no row for feature(s) {shown(missing)}")
    names = taxonomy.loc[counts.columns, rank].astype("string")
    assigned = names.notna().to_numpy() & (names.str.strip() != "").fillna(False).to_numpy()
    table = counts.loc[:, assigned].T.groupby(names[assigned].to_numpy(), sort=True).sum().T
    if unassigned is not None and not assigned.all():
        table[unassigned] = counts.loc[:, ~assigned].sum(axis=1)
    table.columns.name = None
    return table


def relative_abundance(counts: pd.DataFrame) -> pd.DataFrame:
    """Total-sum scaling: each sample's counts divided by its total.

    Raises ``ValueError`` for a sample without reads (its shares are undefined).

    Examples
    --------
    >>> relative_abundance(pd.DataFrame({"a": [1, 0], "b": [3, 2]}, index=["s1", "s2"]))
           a     b
    s1  0.25  0.75
    s2  0.00  1.00
    """
    check_counts(counts)
    check_nonempty(counts, why="their relative abundances are 0/0")
    return counts.astype(float).div(counts.sum(axis=1), axis=0)


def abundance_long(
    counts: pd.DataFrame, samples: pd.DataFrame, *, taxa: Sequence[str] | None = None
) -> pd.DataFrame:
    """Relative abundance of some taxa in long form, one row per sample × taxon.

    Columns ``sample, participant, group, month, taxon, relative_abundance``,
    HCM first, then month, taxon in the order given (Figure 4A–I box plots).

    Examples
    --------
    >>> counts = pd.DataFrame({"a": [1, 3], "b": [3, 1]}, index=["s1", "s2"])
    >>> samples = pd.DataFrame({"participant": ["p1", "p2"], "group": ["CM", "HCM"],
    ...                         "month": [0, 0]}, index=["s1", "s2"])
    >>> abundance_long(counts, samples, taxa=["a"])
      sample participant group  month taxon  relative_abundance
    0     s2          p2   HCM      0     a                0.75
    1     s1          p1    CM      0     a                0.25
    """
    shares = relative_abundance(counts)
    chosen = list(shares.columns) if taxa is None else list(taxa)
    absent = [t for t in chosen if t not in shares.columns]
    if absent:
        raise ValueError(f"counts has no taxon {shown(absent)}; it has {shown(shares.columns)}")
    meta = check_samples(samples, shares.index)
    long = (
        shares[chosen]
        .rename_axis(index="sample", columns="taxon")
        .stack()
        .rename("relative_abundance")
        .reset_index()
    )
    long = long.merge(meta, left_on="sample", right_index=True)
    long["_arm"] = long["group"].map({g: i for i, g in enumerate(GROUPS)})
    long["_taxon"] = long["taxon"].map({t: i for i, t in enumerate(chosen)})
    long = long.sort_values(["_arm", "month", "_taxon", "sample"], kind="stable")
    columns = ["sample", "participant", "group", "month", "taxon", "relative_abundance"]
    return long[columns].reset_index(drop=True)


def describe_taxa(
    counts: pd.DataFrame,
    samples: pd.DataFrame,
    *,
    taxa: Sequence[str] | None = None,
    evidence: str = "simulated",
) -> pd.DataFrame:
    """Mean ± SD of relative abundance per taxon, arm and visit (as §3.4 prints them).

    Returns columns ``taxon, group, month, n, mean, sd, median, method, evidence``
    (SD with ``ddof=1``), HCM first.

    Examples
    --------
    >>> counts = pd.DataFrame({"a": [1, 3, 1], "b": [3, 1, 1]}, index=["s1", "s2", "s3"])
    >>> samples = pd.DataFrame({"participant": ["p1", "p2", "p3"],
    ...                         "group": ["CM", "CM", "HCM"], "month": 0}, index=counts.index)
    >>> describe_taxa(counts, samples, taxa=["a"])[["taxon", "group", "n", "mean", "sd"]]
      taxon group  n  mean        sd
    0     a   HCM  1  0.50       NaN
    1     a    CM  2  0.50  0.353553
    """
    check_evidence(evidence)
    long = abundance_long(counts, samples, taxa=taxa)
    keys = ["taxon", "group", "month"]
    table = (
        long.groupby(keys, sort=False)["relative_abundance"]
        .agg(n="count", mean="mean", sd="std", median="median")
        .reset_index()
    )
    table["method"] = "relative abundance (TSS); mean, SD (ddof=1), median per arm and visit"
    table["evidence"] = evidence
    order = {t: i for i, t in enumerate(pd.unique(long["taxon"]))}
    # rows come HCM first, by month (abundance_long's order); make them taxon-major
    table = table.sort_values("taxon", key=lambda c: c.map(order), kind="stable")
    return table.reset_index(drop=True)


def top_taxa(
    counts: pd.DataFrame,
    samples: pd.DataFrame,
    *,
    k: int = 10,
    select: str = "overall",
    other: str = "Other",
    evidence: str = "simulated",
) -> pd.DataFrame:
    """Mean relative abundance of the ``k`` most abundant taxa per arm and visit, rest pooled.

    Parameters
    ----------
    counts : pandas.DataFrame
        Samples × taxa (collapse to phylum or genus first, :func:`collapse`).
    samples : pandas.DataFrame
        Sample metadata (``participant, group, month``) indexed by sample id.
    k : int
        How many taxa to show (the paper shows 5 phyla and 10 genera, Figure 3D–E).
    select : {"overall", "each"}
        ``"overall"``: the same ``k`` taxa in every bar, ranked by mean relative
        abundance over all samples; ``"each"``: each arm × visit its own top ``k``
        (the paper's "selected for each group" can be read either way).
    other : str
        Name of the pooled remainder.
    evidence : {"simulated", "observed"}
        Evidence level of the data.

    Returns
    -------
    pandas.DataFrame
        ``group, month, taxon, rank, mean_relative_abundance, n, method, evidence``;
        ``rank`` 1 is the most abundant, the remainder has rank ``k + 1``. Each bar's
        shares sum to 1.

    Examples
    --------
    >>> counts = pd.DataFrame({"a": [6, 2], "b": [3, 6], "c": [1, 2]}, index=["s1", "s2"])
    >>> samples = pd.DataFrame({"participant": ["p1", "p2"], "group": "HCM", "month": 0},
    ...                        index=["s1", "s2"])
    >>> top_taxa(counts, samples, k=2)[["taxon", "rank", "mean_relative_abundance"]]
       taxon  rank  mean_relative_abundance
    0      b     1                     0.45
    1      a     2                     0.40
    2  Other     3                     0.15
    """
    check_positive_int("k", k)
    check_choice("select", select, ("overall", "each"))
    check_evidence(evidence)
    shares = relative_abundance(counts)
    meta = check_samples(samples, shares.index)
    overall = shares.mean().sort_values(ascending=False, kind="stable")
    rows = []
    for group in GROUPS:
        for month in MONTHS:
            cell = shares[(meta["group"] == group).to_numpy() & (meta["month"] == month).to_numpy()]
            if cell.empty:
                continue
            means = cell.mean()
            ranked = (
                overall
                if select == "overall"
                else means.sort_values(ascending=False, kind="stable")
            )
            chosen = list(ranked.index[:k])
            for rank, taxon in enumerate(chosen, start=1):
                rows.append((group, month, taxon, rank, means[taxon], len(cell)))
            rows.append((group, month, other, len(chosen) + 1, 1 - means[chosen].sum(), len(cell)))
    table = pd.DataFrame(
        rows, columns=["group", "month", "taxon", "rank", "mean_relative_abundance", "n"]
    )
    table["method"] = f"mean relative abundance (TSS), top {k} taxa ({select}), rest pooled"
    table["evidence"] = evidence
    return table


def firmicutes_bacteroidetes(
    counts: pd.DataFrame,
    samples: pd.DataFrame,
    *,
    firmicutes: Sequence[str] = FIRMICUTES,
    bacteroidetes: Sequence[str] = BACTEROIDETES,
    evidence: str = "simulated",
) -> pd.DataFrame:
    """Firmicutes/Bacteroidetes ratio per arm and visit, as a ratio of means and a mean of ratios.

    Parameters
    ----------
    counts : pandas.DataFrame
        Samples × phyla (:func:`collapse` with ``rank="phylum"``).
    samples : pandas.DataFrame
        Sample metadata (``participant, group, month``) indexed by sample id.
    firmicutes, bacteroidetes : sequence of str
        Column names that count as each phylum (their shares are added).
    evidence : {"simulated", "observed"}
        Evidence level of the data.

    Returns
    -------
    pandas.DataFrame
        ``group, month, n, firmicutes_mean, bacteroidetes_mean, ratio_of_means,
        mean_of_ratios, median_of_ratios, n_undefined, method, evidence``.
        ``ratio_of_means`` = mean Firmicutes share / mean Bacteroidetes share;
        ``mean_of_ratios`` averages each sample's ratio over the ``n - n_undefined``
        samples with Bacteroidetes reads (a sample without them has no ratio). The
        two differ: the paper prints one number (0.843, 0.769, 0.641, 0.916, §3.4)
        without saying which.

    Raises
    ------
    ValueError
        If neither phylum is a column of ``counts``.

    Examples
    --------
    >>> counts = pd.DataFrame({"Firmicutes": [1, 3], "Bacteroidetes": [3, 1]},
    ...                       index=["s1", "s2"])
    >>> samples = pd.DataFrame({"participant": ["p1", "p2"], "group": "CM", "month": 0},
    ...                        index=["s1", "s2"])
    >>> firmicutes_bacteroidetes(counts, samples)[["ratio_of_means", "mean_of_ratios"]]
       ratio_of_means  mean_of_ratios
    0             1.0        1.666667
    """
    check_evidence(evidence)
    shares = relative_abundance(counts)
    meta = check_samples(samples, shares.index)
    parts = {}
    for label, names in (("firmicutes", firmicutes), ("bacteroidetes", bacteroidetes)):
        present = [c for c in names if c in shares.columns]
        if not present:
            raise ValueError(
                f"counts has no column named {shown(names)} ({label}); collapse to phylum first"
            )
        parts[label] = shares[present].sum(axis=1)
    frame = meta.assign(**parts)
    frame["ratio"] = frame["firmicutes"] / frame["bacteroidetes"].where(frame["bacteroidetes"] > 0)
    rows = []
    for (group, month), cell in frame.groupby(["group", "month"], sort=False):
        ratio = cell["ratio"].dropna()
        rows.append(
            (
                group,
                month,
                len(cell),
                cell["firmicutes"].mean(),
                cell["bacteroidetes"].mean(),
                cell["firmicutes"].mean() / cell["bacteroidetes"].mean(),
                ratio.mean(),
                ratio.median(),
                int(cell["ratio"].isna().sum()),
            )
        )
    table = pd.DataFrame(
        rows,
        columns=[
            "group",
            "month",
            "n",
            "firmicutes_mean",
            "bacteroidetes_mean",
            "ratio_of_means",
            "mean_of_ratios",
            "median_of_ratios",
            "n_undefined",
        ],
    )
    table["_arm"] = table["group"].map({g: i for i, g in enumerate(GROUPS)})
    table = table.sort_values(["_arm", "month"]).drop(columns="_arm").reset_index(drop=True)
    table["method"] = "relative abundance (TSS); ratio of arm means and mean of sample ratios"
    table["evidence"] = evidence
    return table
