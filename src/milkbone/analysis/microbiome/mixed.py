"""A better analysis than per-visit tests: a mixed model on CLR-transformed abundances with a
participant random effect (the chapter's better-analysis box, paper §3.4).

Relative abundances are compositional: one taxon rising pushes every other share down.
The centred log-ratio (CLR) moves each sample's abundances to log-ratios against the
sample's geometric mean, where differences are interpretable (Aitchison 1986; Gloor et
al. 2017). The three visits of one woman are correlated; a random intercept per
participant models that instead of treating 291 samples as 291 people, and the
arm × visit interaction is the effect of the milk on the change from baseline.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence

import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from skbio.stats.composition import clr as skbio_clr
from statsmodels.tools.sm_exceptions import ConvergenceWarning, SingularMatrixWarning

from milkbone._validate import shown
from milkbone.analysis.microbiome._checks import (
    check_choice,
    check_counts,
    check_evidence,
    check_samples,
)
from milkbone.vocabulary import GROUPS

__all__ = ["clr", "clr_mixed_model"]


def clr(counts: pd.DataFrame, *, pseudocount: float = 0.5) -> pd.DataFrame:
    """Centred log-ratio of each sample: :math:`\\log x_i - \\overline{\\log x}`.

    ``pseudocount`` is added to every count first, because the log of zero is
    undefined (0.5 is a common choice for read counts; it is a stated assumption).

    Examples
    --------
    >>> clr(pd.DataFrame({"a": [1, 3], "b": [1, 0]}, index=["s1", "s2"]), pseudocount=1)
          a         b
    s1  0.0  0.000000
    s2  0.693147 -0.693147
    """
    check_counts(counts)
    if not pseudocount > 0 and (counts.to_numpy() == 0).any():
        raise ValueError(f"pseudocount must be positive when counts has zeros, got {pseudocount!r}")
    values = skbio_clr(counts.to_numpy(dtype=float) + pseudocount)
    return pd.DataFrame(values, index=counts.index, columns=counts.columns)


def _terms(other: str) -> dict[str, str]:
    arm = f"C(group, Treatment('{GROUPS[1] if other == GROUPS[0] else GROUPS[0]}'))[T.{other}]"
    names = {arm: f"{other.lower()}_vs_reference_at_0"}
    for month in (6, 12):
        step = f"C(month, Treatment(0))[T.{month}]"
        names[step] = f"change_0_{month}_in_reference"
        names[f"{arm}:{step}"] = f"{other.lower()}_extra_change_0_{month}"
    return names


def _fit_one(frame: pd.DataFrame, formula: str):
    model = smf.mixedlm(formula, frame, groups=frame["participant"])
    with warnings.catch_warnings(record=True) as caught:
        # statsmodels warns when the participant variance sits on its boundary (0): the
        # fit is still the maximum, so these warnings become a note, not an error
        warnings.simplefilter("always")
        notes = []
        try:
            fit = model.fit(reml=True, method=["lbfgs"])
        except np.linalg.LinAlgError:  # L-BFGS can step onto a zero variance; Powell does not
            fit = model.fit(reml=True, method=["powell", "lbfgs"])
            notes.append("L-BFGS met a singular matrix; fitted with Powell")
    boundary = (ConvergenceWarning, SingularMatrixWarning)
    kept = [w for w in caught if issubclass(w.category, boundary)]
    for w in caught:
        if not issubclass(w.category, boundary):
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    notes += [str(w.message) for w in kept]
    return fit, "; ".join(dict.fromkeys(notes))


def clr_mixed_model(
    counts: pd.DataFrame,
    samples: pd.DataFrame,
    *,
    taxa: Sequence[str],
    pseudocount: float = 0.5,
    reference: str = "CM",
    evidence: str = "simulated",
) -> pd.DataFrame:
    """Linear mixed model of each taxon's CLR value: arm × visit, random intercept per woman.

    Parameters
    ----------
    counts : pandas.DataFrame
        Samples × taxa of read counts (the CLR is taken over every column).
    samples : pandas.DataFrame
        Sample metadata (``participant, group, month``) indexed by sample id.
    taxa : sequence of str
        The taxa to model (e.g. those §3.4 reports).
    pseudocount : float
        See :func:`clr`.
    reference : {"CM", "HCM"}
        Reference arm of the contrasts.
    evidence : {"simulated", "observed"}
        Evidence level of the data.

    Returns
    -------
    pandas.DataFrame
        ``taxon, term, estimate, se, ci_low, ci_high, p_value, n, participants,
        converged, warning, method, evidence``; one row per fixed effect of
        ``clr ~ C(group, Treatment(reference)) * C(month, Treatment(0))`` (REML,
        statsmodels ``mixedlm``). ``term`` reads e.g. ``hcm_vs_reference_at_0``,
        ``change_0_6_in_reference``, ``hcm_extra_change_0_6`` (the treatment effect on
        the change from baseline, in CLR units, i.e. natural-log ratios).

    Examples
    --------
    >>> from milkbone.analysis.microbiome.demo import toy_microbiome
    >>> toy = toy_microbiome(participants=20, features=10, effect=1.0, seed=5)
    >>> result = clr_mixed_model(toy.counts, toy.samples, taxa=["F00000"])
    >>> result["term"].tolist()  # doctest: +NORMALIZE_WHITESPACE
    ['intercept', 'hcm_vs_reference_at_0', 'change_0_6_in_reference',
     'change_0_12_in_reference', 'hcm_extra_change_0_6', 'hcm_extra_change_0_12']
    """
    check_choice("reference", reference, GROUPS)
    check_evidence(evidence)
    values = clr(counts, pseudocount=pseudocount)
    absent = [t for t in taxa if t not in values.columns]
    if absent:
        raise ValueError(f"counts has no taxon {shown(absent)}")
    meta = check_samples(samples, values.index)
    other = next(g for g in GROUPS if g != reference)
    formula = f"clr ~ C(group, Treatment('{reference}')) * C(month, Treatment(0))"
    names = {"Intercept": "intercept", **_terms(other)}
    frames = []
    for taxon in taxa:
        frame = meta.assign(clr=values[taxon])
        fit, note = _fit_one(frame, formula)
        effects = fit.fe_params.index
        ci = fit.conf_int().loc[effects]
        frames.append(
            pd.DataFrame(
                {
                    "taxon": taxon,
                    "term": [names.get(e, e) for e in effects],
                    "estimate": fit.fe_params.to_numpy(),
                    "se": fit.bse_fe.to_numpy(),
                    "ci_low": ci[0].to_numpy(),
                    "ci_high": ci[1].to_numpy(),
                    "p_value": fit.pvalues.loc[effects].to_numpy(),
                    "n": len(frame),
                    "participants": frame["participant"].nunique(),
                    "converged": bool(fit.converged),
                    "warning": note,
                }
            )
        )
    table = pd.concat(frames, ignore_index=True)
    table["method"] = (
        f"statsmodels mixedlm (REML) of CLR (pseudocount {pseudocount:g}), "
        "random intercept per participant; Wald z tests"
    )
    table["evidence"] = evidence
    return table
