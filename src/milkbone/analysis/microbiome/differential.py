"""Differential abundance between arms: ANCOM-BC per visit and rank tests per taxon with
Benjamini–Hochberg (paper §2.4, §3.4, Figure 4A–I).

The paper tested with MetagenomeSeq (Calypso), which has no Python implementation.
scikit-bio's ANCOM-BC (Lin & Peddada 2020) stands in for it: like MetagenomeSeq it
corrects for the unequal sampling fractions of compositional data, where a rank test
on relative abundances does not. ANCOM-BC's fold changes are natural logs, and the
reference level of the arm is stated (``CM`` by default, so a positive fold change
means more in ``HCM``). The tests check the wrapper against R ANCOMBC 2.13.2's output
on the HITChip Atlas data that scikit-bio ships.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd
from scipy import stats
from skbio.stats.composition import ancombc as skbio_ancombc

from milkbone._validate import shown
from milkbone.analysis.microbiome._checks import (
    check_choice,
    check_counts,
    check_evidence,
    check_samples,
    months_present,
)
from milkbone.analysis.microbiome.composition import relative_abundance
from milkbone.vocabulary import GROUPS

__all__ = ["RANK_TESTS", "ancombc", "ancombc_by_visit", "benjamini_hochberg", "rank_tests"]

RANK_TESTS = {
    "mann-whitney": 'scipy.stats.mannwhitneyu(method="asymptotic", use_continuity=True)',
    "kruskal": "scipy.stats.kruskal",
}
"""Per-taxon tests of HCM against CM at one visit, and the routine each calls."""


def _prevalent(counts: pd.DataFrame, min_prevalence: float) -> pd.DataFrame:
    if not 0 <= min_prevalence < 1:
        raise ValueError(f"min_prevalence must lie in [0, 1), got {min_prevalence!r}")
    keep = (counts > 0).mean() > min_prevalence if min_prevalence > 0 else counts.any()
    return counts.loc[:, keep.to_numpy()]


def benjamini_hochberg(p_values: Iterable[float]) -> np.ndarray:
    """Benjamini–Hochberg adjusted p-values (q-values); NaN stays NaN and is not counted.

    Examples
    --------
    >>> benjamini_hochberg([0.01, 0.04, np.nan, 0.03]).round(3)
    array([0.03, 0.04,  nan, 0.04])
    """
    p = np.asarray(list(p_values), dtype=float)
    q = np.full_like(p, np.nan)
    tested = ~np.isnan(p)
    if tested.any():
        q[tested] = stats.false_discovery_control(p[tested], method="bh")
    return q


def ancombc(
    counts: pd.DataFrame, metadata: pd.DataFrame, *, formula: str,
    levels: Mapping[str, Sequence[object]] | None = None, pseudocount: float = 1.0,
    p_adjust: str = "holm", alpha: float = 0.05, evidence: str = "simulated",
) -> pd.DataFrame:  # fmt: skip
    """ANCOM-BC (scikit-bio) on a counts table, as a tidy frame.

    Parameters
    ----------
    counts : pandas.DataFrame
        Samples × taxa of read counts.
    metadata : pandas.DataFrame
        Indexed by sample id, holding the columns ``formula`` names.
    formula : str
        Patsy formula of the covariates, e.g. ``"group"`` or ``"age + region + bmi"``.
    levels : mapping, optional
        Ordered levels of categorical columns; the first is the reference (without
        it scikit-bio takes the alphabetically first).
    pseudocount : float
        Added to every count, because ANCOM-BC needs strictly positive values (R
        ANCOMBC's ``pseudo = 1``).
    p_adjust : str
        Multiple-testing correction across taxa, per covariate (``"holm"``, ``"bh"``,
        ...), passed to scikit-bio.
    alpha : float
        Level of the ``significant`` column.
    evidence : {"simulated", "observed"}
        Evidence level of the data.

    Returns
    -------
    pandas.DataFrame
        ``taxon, covariate, log_fc, se, w, p_value, q_value, significant, n, method,
        evidence``; ``log_fc`` is the natural-log fold change (bias-corrected) of the
        covariate's level against the reference.

    Raises
    ------
    ValueError
        If counts are invalid or contain zeros with ``pseudocount=0``, or samples lack
        metadata.

    Examples
    --------
    >>> counts = pd.DataFrame([[2, 0, 4, 7], [1, 1, 0, 6], [3, 0, 2, 9],
    ...                        [0, 12, 1, 2], [2, 2, 37, 0], [10, 1, 0, 0]],
    ...                       index=list("abcdef"), columns=["t1", "t2", "t3", "t4"])
    >>> meta = pd.DataFrame({"group": ["CM"] * 3 + ["HCM"] * 3}, index=counts.index)
    >>> result = ancombc(counts, meta, formula="group", levels={"group": ["CM", "HCM"]})
    >>> result.loc[result["covariate"] == "group[T.HCM]", ["taxon", "log_fc"]].round(2)
      taxon  log_fc
    1    t1   -0.62
    3    t2    0.50
    5    t3   -0.18
    7    t4   -2.47
    """
    check_counts(counts)
    check_evidence(evidence)
    if not pseudocount >= 0:
        raise ValueError(f"pseudocount must be zero or positive, got {pseudocount!r}")
    table = counts.astype(float) + pseudocount
    if (table.to_numpy() <= 0).any():
        raise ValueError(
            "ANCOM-BC needs strictly positive values: counts has zeros; "
            "pass a pseudocount (R ANCOMBC's pseudo = 1)"
        )
    missing = [i for i in counts.index if i not in metadata.index]
    if missing:
        raise ValueError(f"metadata has no row for sample(s) {shown(missing)}")
    meta = metadata.loc[counts.index].copy()
    for column, order in (levels or {}).items():
        unknown = [v for v in pd.unique(meta[column]) if v not in list(order)]
        if unknown:
            raise ValueError(
                f"metadata column {column!r} has value(s) {shown(unknown)} "
                f"outside levels {shown(order)}"
            )
        meta[column] = pd.Categorical(meta[column], categories=list(order))
    result = skbio_ancombc(table, meta, formula=formula, p_adjust=p_adjust, alpha=alpha).result
    frame = result.reset_index().rename(
        columns={
            "FeatureID": "taxon",
            "Covariate": "covariate",
            "Log(FC)": "log_fc",
            "SE": "se",
            "W": "w",
            "pvalue": "p_value",
            "qvalue": "q_value",
            "Signif": "significant",
        }
    )
    frame["significant"] = frame["significant"].astype(bool)
    frame["n"] = len(table)
    frame["method"] = (
        f'skbio.stats.composition.ancombc(formula="{formula}", '
        f'p_adjust="{p_adjust}"), pseudocount {pseudocount:g}, natural-log FC'
    )
    frame["evidence"] = evidence
    return frame


def ancombc_by_visit(
    counts: pd.DataFrame, samples: pd.DataFrame, *, months: Iterable[int] | int | None = None,
    reference: str = "CM", pseudocount: float = 1.0, min_prevalence: float = 0.0,
    p_adjust: str = "holm", alpha: float = 0.05, evidence: str = "simulated",
) -> pd.DataFrame:  # fmt: skip
    """ANCOM-BC of HCM against CM at each visit (the paper's MetagenomeSeq step).

    Parameters
    ----------
    counts : pandas.DataFrame
        Samples × taxa (collapse to the rank tested first).
    samples : pandas.DataFrame
        Sample metadata (``participant, group, month``) indexed by sample id.
    months : int or iterable of int, optional
        Visits to test (default: every visit present).
    reference : {"CM", "HCM"}
        The arm the fold change is against.
    min_prevalence : float
        Test only the taxa with reads in more than this share of the visit's
        samples (0: every taxon with a read; a stated filter, reported in ``method``).
    pseudocount, p_adjust, alpha, evidence
        As in :func:`ancombc`.

    Returns
    -------
    pandas.DataFrame
        ``month, taxon, contrast, log_fc, se, w, p_value, q_value, significant, n,
        method, evidence``; ``contrast`` reads ``"HCM vs CM"`` (natural-log fold change
        of the other arm against ``reference``).

    Examples
    --------
    >>> from milkbone.analysis.microbiome.demo import toy_microbiome
    >>> toy = toy_microbiome(participants=12, features=8, effect=2.0, seed=2)
    >>> result = ancombc_by_visit(toy.counts, toy.samples, months=6)
    >>> result.loc[:1, ["month", "taxon", "contrast"]]
       month   taxon   contrast
    0      6  F00000  HCM vs CM
    1      6  F00001  HCM vs CM
    """
    check_choice("reference", reference, GROUPS)
    meta = check_samples(samples, counts.index)
    other = next(g for g in GROUPS if g != reference)
    frames = []
    for month in months_present(meta, months):
        cell = meta[meta["month"] == month]
        table = _prevalent(counts.loc[cell.index], min_prevalence)
        result = ancombc(
            table,
            cell,
            formula="group",
            levels={"group": [reference, other]},
            pseudocount=pseudocount,
            p_adjust=p_adjust,
            alpha=alpha,
            evidence=evidence,
        )
        result = result[result["covariate"] == f"group[T.{other}]"].drop(columns="covariate")
        result.insert(0, "month", month)
        result.insert(2, "contrast", f"{other} vs {reference}")
        result["method"] += f"; taxa with prevalence > {min_prevalence:g}"
        frames.append(result)
    return pd.concat(frames, ignore_index=True)


def rank_tests(
    counts: pd.DataFrame, samples: pd.DataFrame, *, months: Iterable[int] | int | None = None,
    test: str = "mann-whitney", min_prevalence: float = 0.0, evidence: str = "simulated",
) -> pd.DataFrame:  # fmt: skip
    """Rank test of each taxon's relative abundance, HCM against CM, per visit, with BH.

    Parameters
    ----------
    counts : pandas.DataFrame
        Samples × taxa; tested on relative abundance (TSS), as Calypso does.
    samples : pandas.DataFrame
        Sample metadata (``participant, group, month``) indexed by sample id.
    months : int or iterable of int, optional
        Visits to test (default: every visit present).
    test : {"mann-whitney", "kruskal"}
        The rank test (§2.4 names "the rank test and the non-parametric
        Kruskal–Wallis test").
    min_prevalence : float
        As in :func:`ancombc_by_visit`.
    evidence : {"simulated", "observed"}
        Evidence level of the data.

    Returns
    -------
    pandas.DataFrame
        ``month, taxon, mean_hcm, mean_cm, median_hcm, median_cm, statistic, p_value,
        q_value, n_hcm, n_cm, n, method, evidence``; ``q_value`` is Benjamini–Hochberg
        over the taxa tested at that visit (:func:`scipy.stats.false_discovery_control`).
        A taxon with the same value in every sample of the visit is not tested (NaN).

    Examples
    --------
    >>> from milkbone.analysis.microbiome.demo import toy_microbiome
    >>> toy = toy_microbiome(participants=20, features=10, effect=2.0, seed=2)
    >>> rank_tests(toy.counts, toy.samples).groupby("month").size().tolist()
    [9, 9, 9]
    """
    check_choice("test", test, tuple(RANK_TESTS))
    check_evidence(evidence)
    shares = relative_abundance(counts)
    meta = check_samples(samples, shares.index)
    frames = []
    for month in months_present(meta, months):
        cell = meta[meta["month"] == month]
        table = shares.loc[cell.index, _prevalent(counts.loc[cell.index], min_prevalence).columns]
        hcm = table[(cell["group"] == GROUPS[0]).to_numpy()]
        cm = table[(cell["group"] == GROUPS[1]).to_numpy()]
        varied = (table.nunique() > 1).to_numpy()
        statistic = np.full(table.shape[1], np.nan)
        p_value = np.full(table.shape[1], np.nan)
        if varied.any() and min(len(hcm), len(cm)) > 0:
            a, b = hcm.to_numpy()[:, varied], cm.to_numpy()[:, varied]
            result = (
                stats.mannwhitneyu(a, b, axis=0, method="asymptotic", use_continuity=True)
                if test == "mann-whitney"
                else stats.kruskal(a, b, axis=0)
            )
            statistic[varied], p_value[varied] = result.statistic, result.pvalue
        frames.append(
            pd.DataFrame(
                {
                    "month": month,
                    "taxon": table.columns,
                    "mean_hcm": hcm.mean().to_numpy(),
                    "mean_cm": cm.mean().to_numpy(),
                    "median_hcm": hcm.median().to_numpy(),
                    "median_cm": cm.median().to_numpy(),
                    "statistic": statistic,
                    "p_value": p_value,
                    "q_value": benjamini_hochberg(p_value),
                    "n_hcm": len(hcm),
                    "n_cm": len(cm),
                    "n": len(cell),
                    "method": f"{RANK_TESTS[test]} on relative abundance (TSS), Benjamini–Hochberg "
                    f"per visit; taxa with prevalence > {min_prevalence:g}",
                    "evidence": evidence,
                }
            )
        )
    return pd.concat(frames, ignore_index=True)
