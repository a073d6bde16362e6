"""The numbers §3.4 prints about taxa beside what 16S data give (Figures 3D–E, 4A–I).

Printed numbers come from :func:`milkbone.published.prose` (verdicts from the claims
registry). Taxa are matched to printed names by name (:func:`match_taxa`: case, ``-`` and
``_`` aside; the phylum names of Greengenes, SILVA and GTDB as one), never by position, so
any 16S folder can be mirrored; a printed taxon the data lack gets an empty row. Printed
columns end in ``_published``; the others describe the data and carry their ``evidence``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

from milkbone._validate import require_columns
from milkbone.analysis.microbiome._checks import check_evidence
from milkbone.analysis.microbiome.composition import BACTEROIDETES, FIRMICUTES
from milkbone.analysis.microbiome.differential import ancombc_by_visit, rank_tests
from milkbone.vocabulary import GROUPS

__all__ = [
    "DIFFERENTIAL_COLUMNS",
    "PHYLUM_NAMES",
    "count_differences",
    "differential_by_rank",
    "match_taxa",
    "mirror_differential",
    "mirror_phyla",
    "mirror_ratios",
    "published_phyla",
    "reported_differences",
]

PHYLUM_NAMES = (
    FIRMICUTES,
    BACTEROIDETES,
    ("Proteobacteria", "Pseudomonadota"),
    ("Actinobacteria", "Actinobacteriota", "Actinomycetota"),
    ("Verrucomicrobia", "Verrucomicrobiota"),
)
"""Names one phylum goes by in Greengenes, SILVA 138 and GTDB (the paper mixes them)."""

DIFFERENTIAL_COLUMNS = [
    "rank", "month", "taxon", "mean_hcm", "mean_cm", "log_fc", "se", "p_ancombc", "q_ancombc",
    "p_rank", "q_rank", "n", "method", "evidence",
]  # fmt: skip
"""Columns of :func:`differential_by_rank`."""

PROSE_COLUMNS = ["prose_id", "section", "quantity", "printed", "value", "measure", "statistic"]
"""Columns of :func:`milkbone.published.prose` that the functions here read."""


def _key(name: object) -> str:
    return re.sub(r"[^a-z0-9]", "", str(name).lower())


def match_taxa(names: Iterable[str], available: Iterable[str]) -> pd.Series:
    """The taxon of ``available`` that each printed name refers to (NA when absent),
    as a Series indexed by the distinct ``names``, in their order.

    A name matches itself first, then a name equal to it but for case, ``-``, ``_``
    and spaces (``GCA-900066575`` and ``GCA_900066575``), then, for a phylum, another
    of its names in :data:`PHYLUM_NAMES` (``Bacteroidota`` and ``Bacteroidetes``).

    Examples
    --------
    >>> match_taxa(["Bacteroidota", "gca_900066575", "Weissella"],
    ...            ["Bacteroidetes", "GCA-900066575", "Blautia"]).tolist()
    ['Bacteroidetes', 'GCA-900066575', <NA>]
    """
    names, available = list(dict.fromkeys(names)), [str(a) for a in available]
    by_key = {}
    for taxon in available:
        by_key.setdefault(_key(taxon), taxon)
    aliases = {_key(n): [_key(m) for m in group] for group in PHYLUM_NAMES for n in group}
    found = []
    for name in names:
        keys = [_key(name), *aliases.get(_key(name), [])]
        hit = (
            str(name)
            if str(name) in available
            else next((by_key[k] for k in keys if k in by_key), pd.NA)
        )
        found.append(hit)
    return pd.Series(found, index=names, dtype="string", name="taxon")


def _prose(prose: pd.DataFrame) -> pd.DataFrame:
    require_columns(prose, PROSE_COLUMNS, name="prose")
    return prose[prose["section"] == "3.4"]


def _month(timepoint: str) -> int:
    return int(str(timepoint).removeprefix("m"))


def reported_differences(prose: pd.DataFrame) -> pd.DataFrame:
    """The between-arm differences of single taxa that §3.4 reports, one row each.

    Parameters
    ----------
    prose : pandas.DataFrame
        :func:`milkbone.published.prose`.

    Returns
    -------
    pandas.DataFrame
        ``prose_id, taxon, rank, month, p_published, printed``: the taxon as printed,
        ``"phylum"`` or ``"genus"``, the visit, the printed MetagenomeSeq p (as a
        number and as printed), in the order §3.4 gives them (Figures 4A–I).

    Examples
    --------
    >>> prose = pd.DataFrame({"prose_id": ["r3_4.weissella.p_6"], "section": "3.4",
    ...     "quantity": ["MetagenomeSeq p for Weissella at six months"],
    ...     "printed": ["p = 0.049"], "value": [0.049], "measure": ["weissella"],
    ...     "statistic": ["p_value"], "refers_to": ["HCM vs CM at 6 m"],
    ...     "timepoint": ["m6"]})
    >>> reported_differences(prose)[["taxon", "rank", "month", "p_published"]]
           taxon   rank  month  p_published
    0  Weissella  genus      6        0.049
    """
    rows = _prose(prose)
    require_columns(rows, ["refers_to", "timepoint"], name="prose")
    rows = rows[
        (rows["statistic"] == "p_value")
        & rows["quantity"].str.startswith("MetagenomeSeq p for ")
        & rows["refers_to"].str.startswith("HCM vs CM")
    ]
    names = rows["quantity"].str.extract(r"MetagenomeSeq p for (.+?)(?: between arms)? at ")[0]
    phyla = {_key(n) for group in PHYLUM_NAMES for n in group}
    return pd.DataFrame(
        {
            "prose_id": rows["prose_id"].to_numpy(),
            "taxon": names.fillna(rows["measure"]).to_numpy(),
            "rank": ["phylum" if _key(n) in phyla else "genus" for n in names.fillna("")],
            "month": [_month(t) for t in rows["timepoint"]],
            "p_published": rows["value"].astype(float).to_numpy(),
            "printed": rows["printed"].to_numpy(),
        }
    )


def published_phyla(prose: pd.DataFrame) -> pd.DataFrame:
    """Mean ± SD of the Bacteroidota and Firmicutes shares §3.4 prints (Figures 4A–B).

    Returns
    -------
    pandas.DataFrame
        ``taxon, group, month, mean, sd``, HCM first; the months printed (0 and 6).

    Examples
    --------
    >>> from milkbone import published
    >>> published_phyla(published.prose()).query("group == 'CM' and month == 0")
              taxon group  month   mean     sd
    2  Bacteroidota    CM      0  0.522  0.185
    6    Firmicutes    CM      0  0.335  0.143
    """
    rows = _prose(prose)
    pattern = r"^r3_4\.(?P<taxon>[a-z]+)\.(?P<group>hcm|cm)\.(?P<statistic>mean|sd)_(?P<month>\d+)$"
    parts = rows["prose_id"].str.extract(pattern).assign(value=rows["value"].astype(float))
    parts = parts.dropna(subset=["taxon"]).astype({"month": int})
    parts["taxon"] = parts["taxon"].str.capitalize()
    parts["group"] = parts["group"].str.upper()
    table = parts.pivot_table(
        index=["taxon", "group", "month"], columns="statistic", values="value"
    ).reset_index()
    table.columns.name = None
    order = {name: i for i, name in enumerate(pd.unique(parts["taxon"]))}  # as printed
    order |= {group: i for i, group in enumerate(GROUPS)}
    table = table.sort_values(
        ["taxon", "group", "month"], key=lambda c: c if c.name == "month" else c.map(order)
    )
    return table[["taxon", "group", "month", "mean", "sd"]].reset_index(drop=True)


def mirror_phyla(described: pd.DataFrame, prose: pd.DataFrame) -> pd.DataFrame:
    """The printed phylum means ± SD beside the data's (Figures 4A–B).

    Parameters
    ----------
    described : pandas.DataFrame
        :func:`~milkbone.analysis.microbiome.describe_taxa` of the phylum table
        (``taxon, group, month, n, mean, sd, method, evidence``).
    prose : pandas.DataFrame
        :func:`milkbone.published.prose`.

    Returns
    -------
    pandas.DataFrame
        ``taxon_published, taxon, group, month, mean_published, sd_published, n, mean,
        sd, method, evidence``: one row per printed mean; ``taxon`` is the data's name
        for the phylum (NA, and no numbers, when the data lack it).
    """
    require_columns(described, ["taxon", "group", "month", "n", "mean", "sd", "evidence"],
                    name="described")  # fmt: skip
    printed = published_phyla(prose).rename(
        columns={"taxon": "taxon_published", "mean": "mean_published", "sd": "sd_published"}
    )
    names = match_taxa(printed["taxon_published"].unique(), described["taxon"].unique())
    printed.insert(1, "taxon", printed["taxon_published"].map(names).astype("string"))
    data = described[["taxon", "group", "month", "n", "mean", "sd", "method", "evidence"]]
    table = printed.merge(data.astype({"taxon": "string"}), on=["taxon", "group", "month"],
                          how="left")  # fmt: skip
    table["evidence"] = table["evidence"].fillna(described["evidence"].iloc[0])
    return table.astype({"n": "Int64"})


def mirror_ratios(ratios: pd.DataFrame, prose: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """The printed Firmicutes/Bacteroidetes ratios, the ratio of the printed means, and
    the data's ratio of means and mean of ratios, per arm and printed visit.

    Parameters
    ----------
    ratios : pandas.DataFrame
        :func:`~milkbone.analysis.microbiome.firmicutes_bacteroidetes` output.
    prose : pandas.DataFrame
        :func:`milkbone.published.prose`.
    claims : pandas.DataFrame
        The claims registry (:func:`milkbone.published.claims`), for the audit's verdict.

    Returns
    -------
    pandas.DataFrame
        ``group, month, ratio_published, ratio_of_printed_means, verdict, note,
        ratio_of_means, mean_of_ratios, median_of_ratios, n, method, evidence``.
        ``ratio_of_printed_means`` is recomputed from the printed Firmicutes and
        Bacteroidota means of the same arm and visit (evidence *recomputed*); the audit
        compares it with the printed ratio.
    """
    require_columns(ratios, ["group", "month", "n", "ratio_of_means", "mean_of_ratios",
                             "median_of_ratios", "evidence"], name="ratios")  # fmt: skip
    require_columns(claims, ["claim_id", "verdict", "note"], name="claims")
    values = _prose(prose).set_index("prose_id")["value"].astype(float)
    verdicts = claims.set_index("claim_id")
    rows = []
    for group in GROUPS:
        for month, when in ((0, "before"), (6, "after")):
            claim = f"r3_4.fb.{group.lower()}.{when}"
            firmicutes = values[f"r3_4.firmicutes.{group.lower()}.mean_{month}"]
            bacteroidota = values[f"r3_4.bacteroidota.{group.lower()}.mean_{month}"]
            rows.append((group, month, values[claim], firmicutes / bacteroidota,
                         verdicts.loc[claim, "verdict"], verdicts.loc[claim, "note"]))  # fmt: skip
    printed = pd.DataFrame(rows, columns=["group", "month", "ratio_published",
                                          "ratio_of_printed_means", "verdict", "note"])  # fmt: skip
    data = ratios[["group", "month", "ratio_of_means", "mean_of_ratios", "median_of_ratios", "n"]]
    table = printed.merge(data, on=["group", "month"], how="left").astype({"n": "Int64"})
    table["method"] = (
        "printed ratio; ratio of the printed means (recomputed); data: ratio of the arm's "
        "mean shares and mean of the samples' ratios"
    )
    table["evidence"] = ratios["evidence"].iloc[0]
    return table


def differential_by_rank(
    tables: Mapping[str, pd.DataFrame], samples: pd.DataFrame, *, min_prevalence: float = 0.0,
    p_adjust: str = "bh", evidence: str = "simulated",
) -> pd.DataFrame:  # fmt: skip
    """ANCOM-BC and the rank test of every taxon at every visit, for several ranks, side by side.

    Parameters
    ----------
    tables : mapping of str to pandas.DataFrame
        Samples × taxa per rank, e.g. ``{"phylum": phyla, "genus": genera}``
        (:func:`~milkbone.analysis.microbiome.collapse`); each rank is tested on its own.
    samples : pandas.DataFrame
        Sample metadata (``participant, group, month``) indexed by sample id.
    min_prevalence : float
        Test only taxa with reads in more than this share of a visit's samples.
    p_adjust : str
        ANCOM-BC's correction across taxa (``"bh"``: Benjamini–Hochberg, as §2.4).
    evidence : {"simulated", "observed"}
        Evidence level of the data.

    Returns
    -------
    pandas.DataFrame
        ``rank, month, taxon, mean_hcm, mean_cm, log_fc, se, p_ancombc, q_ancombc,
        p_rank, q_rank, n, method, evidence``: ANCOM-BC's natural-log fold change of HCM
        against CM with its p and adjusted q, and the Mann–Whitney test of relative
        abundance with its BH q (:func:`~milkbone.analysis.microbiome.rank_tests`).

    Examples
    --------
    >>> from milkbone.analysis.microbiome.demo import toy_microbiome
    >>> toy = toy_microbiome(participants=12, features=6, effect=2.0, seed=2)
    >>> result = differential_by_rank({"feature": toy.counts}, toy.samples)
    >>> result.groupby("month").size().tolist()
    [5, 5, 5]
    """
    check_evidence(evidence)
    options = {"min_prevalence": min_prevalence, "evidence": evidence}
    frames = []
    for rank, table in tables.items():
        # with few taxa (a dozen phyla) a component of ANCOM-BC's three-part bias mixture
        # can lose all its taxa: scikit-bio's EM then divides 0 by 0 for that component's
        # mean, which ends the iteration (its loss is NaN) with the bias estimate itself
        # finite; harmless, so silenced here (no NaN in the results at 10× either)
        with np.errstate(invalid="ignore", divide="ignore"):
            compositional = ancombc_by_visit(table, samples, p_adjust=p_adjust, **options)
        ranked = rank_tests(table, samples, **options)
        keep = ["month", "taxon", "log_fc", "se", "p_value", "q_value", "method"]
        merged = ranked.merge(compositional[keep], on=["month", "taxon"], how="outer",
                              suffixes=("_rank", "_ancombc"))  # fmt: skip
        merged.insert(0, "rank", rank)
        frames.append(merged)
    table = pd.concat(frames, ignore_index=True)
    table["method"] = "ANCOM-BC: " + table["method_ancombc"] + " | rank: " + table["method_rank"]
    table = table.rename(columns=lambda c: re.sub(r"^([pq])_value_", r"\1_", c))
    return table[DIFFERENTIAL_COLUMNS].assign(evidence=evidence)


def mirror_differential(reported: pd.DataFrame, tests: pd.DataFrame) -> pd.DataFrame:
    """Each difference §3.4 reports beside the data's tests of the same taxon and visit.

    Parameters
    ----------
    reported : pandas.DataFrame
        :func:`reported_differences`.
    tests : pandas.DataFrame
        :func:`differential_by_rank`.

    Returns
    -------
    pandas.DataFrame
        ``taxon_published, taxon, rank, month, p_published, mean_hcm, mean_cm,
        higher_in, log_fc, se, p_ancombc, q_ancombc, p_rank, q_rank, n, evidence``;
        ``higher_in`` is the arm with the larger mean relative abundance in the data.
        A taxon the data lack keeps its printed columns and NA elsewhere.
    """
    require_columns(reported, ["taxon", "rank", "month", "p_published"], name="reported")
    require_columns(tests, ["rank", "month", "taxon", "mean_hcm", "mean_cm", "evidence"],
                    name="tests")  # fmt: skip
    table = reported[["taxon", "rank", "month", "p_published"]].rename(
        columns={"taxon": "taxon_published"}
    )
    names = []
    for rank, rows in table.groupby("rank", sort=False):
        available = tests.loc[tests["rank"] == rank, "taxon"].unique()
        names.append(rows["taxon_published"].map(match_taxa(rows["taxon_published"], available)))
    table.insert(1, "taxon", pd.concat(names).reindex(table.index).astype("string"))
    data = tests.drop(columns=["method", "evidence"], errors="ignore").astype({"taxon": "string"})
    table = table.merge(data, on=["rank", "month", "taxon"], how="left")
    higher = np.where(table["mean_hcm"] > table["mean_cm"], GROUPS[0], GROUPS[1])
    table.insert(7, "higher_in", pd.Series(higher, dtype="string").where(table["mean_hcm"].notna()))
    table["evidence"] = tests["evidence"].iloc[0]
    return table


def count_differences(tests: pd.DataFrame, *, alpha: float = 0.05) -> pd.DataFrame:
    """Taxa below ``alpha`` per visit and method, beside how many chance alone would give.

    With every taxon tested at level ``alpha`` and no true difference, about
    ``alpha`` × tested fall below it by chance; a randomised trial has no true
    difference at baseline, so the baseline row shows what chance does.

    Parameters
    ----------
    tests : pandas.DataFrame
        :func:`differential_by_rank`.
    alpha : float
        The level (the paper's 0.05).

    Returns
    -------
    pandas.DataFrame
        ``rank, month, test, tested, below_alpha, expected_by_chance, below_alpha_adjusted,
        alpha, evidence``; ``test`` is ``"rank"`` or ``"ancombc"``, ``below_alpha_adjusted``
        counts the adjusted q below ``alpha``.

    Examples
    --------
    >>> tests = pd.DataFrame({"rank": "genus", "month": 0, "p_rank": [0.01, 0.2, 0.03],
    ...     "q_rank": [0.045, 0.2, 0.045], "p_ancombc": [0.5, 0.6, np.nan],
    ...     "q_ancombc": [0.9, 0.9, np.nan], "evidence": "simulated"})
    >>> count_differences(tests)[["test", "tested", "below_alpha", "expected_by_chance"]]
          test  tested  below_alpha  expected_by_chance
    0     rank       3            2                0.15
    1  ancombc       2            0                0.10
    """
    if not 0 < alpha < 1:
        raise ValueError(f"alpha must lie between 0 and 1, got {alpha!r}")
    require_columns(tests, ["rank", "month", "p_rank", "q_rank", "p_ancombc", "q_ancombc",
                            "evidence"], name="tests")  # fmt: skip
    rows = []
    for (rank, month), cell in tests.groupby(["rank", "month"], sort=False):
        for test in ("rank", "ancombc"):
            p, q = cell[f"p_{test}"].dropna(), cell[f"q_{test}"].dropna()
            rows.append((rank, month, test, len(p), int((p < alpha).sum()), alpha * len(p),
                         int((q < alpha).sum())))  # fmt: skip
    table = pd.DataFrame(rows, columns=["rank", "month", "test", "tested", "below_alpha",
                                        "expected_by_chance", "below_alpha_adjusted"])  # fmt: skip
    table["alpha"] = alpha
    table["evidence"] = tests["evidence"].iloc[0]
    return table
