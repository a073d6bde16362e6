"""Analyses a randomised trial with a baseline measurement calls for (beyond paper §2.5).

:func:`ancova` compares the arms at a follow-up visit adjusted for the baseline value;
:func:`mixed_model` fits every visit at once with a random intercept per participant,
keeping participants with a missing visit. Both take one measure or many in one call.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Sequence

import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from scipy import stats
from statsmodels.tools.sm_exceptions import ConvergenceWarning

from milkbone._validate import shown
from milkbone.analysis.clinical._checks import (
    by_participant,
    check_alpha,
    check_evidence,
    check_group_sizes,
    check_long,
    check_other_month,
    group_of,
    measure_list,
    month_list,
    months_of,
)

__all__ = ["ancova", "mixed_model"]

_GROUP_TERM = 'C(group, Treatment("CM"))[T.HCM]'


def ancova(
    data: pd.DataFrame,
    *,
    measures: Sequence[str] | str | None = None,
    month: int | Sequence[int],
    baseline_month: int = 0,
    alpha: float = 0.05,
    evidence: str = "simulated",
) -> pd.DataFrame:
    """Baseline-adjusted group difference at one or more visits, per measure (ANCOVA).

    Parameters
    ----------
    data : pandas.DataFrame
        Long participant frame.
    measures : str or sequence of str, optional
        Measure slugs; default every measure, in order of first appearance.
    month : {0, 6, 12} or sequence of them
        The follow-up visit or visits, each adjusted for ``baseline_month`` on its own.
    baseline_month : {0, 6, 12}, default 0
        The covariate visit.
    alpha : float, default 0.05
        ``1 − alpha`` is the confidence level of the interval.
    evidence : str, default "simulated"
        Evidence level written to ``evidence``.

    Returns
    -------
    pandas.DataFrame
        One row per follow-up visit × measure (visits in the order given, measures
        within each), columns ``measure, month, baseline_month, n, n_hcm, n_cm,
        difference, se, ci_low, ci_high, statistic, dof, p, method, evidence``:
        ``difference`` is the adjusted HCM − CM mean difference, ``statistic`` its t
        on ``dof = n − 3``.

    Raises
    ------
    KeyError
        If ``data`` lacks a column.
    ValueError
        Invalid input, unknown measure or months, equal months, or fewer than 3
        participants with both visits in a group.

    See Also
    --------
    compare_groups : the unadjusted comparison the paper reports.
    mixed_model : uses every visit.

    Notes
    -----
    ``y_month = β0 + β1 [group = HCM] + β2 y_baseline + ε``, by ordinary least
    squares (statsmodels ``ols`` with ``C(group, Treatment("CM"))``); ``difference``
    is β1. In a randomised trial this is more powerful than comparing follow-up
    values (paper §2.5) or change scores, and unbiased for the same effect
    (Vickers & Altman, BMJ 2001;323:1123). Participants with either visit missing
    are left out.

    Examples
    --------
    >>> data = pd.DataFrame({
    ...     "participant": np.repeat(list("abcdefgh"), 2),
    ...     "group": np.repeat(["HCM", "CM"], 8), "month": [0, 6] * 8,
    ...     "measure": "ohd_25",
    ...     "value": [15.0, 24.0, 17.0, 25.5, 14.2, 22.0, 12.0, 21.0,
    ...               14.0, 18.0, 16.5, 19.0, 15.1, 17.4, 13.0, 16.0]})
    >>> res = ancova(data, measures="ohd_25", month=6)
    >>> res[["n", "difference", "se", "ci_low", "ci_high", "dof", "p"]].round(3)
       n  difference     se  ci_low  ci_high  dof    p
    0  8       5.611  0.483   4.371    6.852    5  0.0
    """
    frame = check_long(data)
    check_evidence(evidence)
    visits = month_list("month", month)
    baseline = month_list("baseline_month", baseline_month)[0]
    for visit in visits:
        check_other_month("month", visit, "baseline_month", baseline)
    check_alpha(alpha)
    rows = [
        _adjusted(frame.loc[frame["measure"] == measure], measure, visit, baseline, alpha)
        for visit in visits
        for measure in measure_list(frame, measures)
    ]
    return pd.DataFrame(rows).assign(evidence=evidence)


def _adjusted(
    sub: pd.DataFrame, measure: str, month: int, baseline_month: int, alpha: float
) -> dict[str, object]:
    """One row of :func:`ancova` (without ``evidence``)."""
    table, _ = by_participant(sub, [baseline_month, month])
    groups = group_of(sub)
    model_frame = pd.DataFrame(
        {
            "group": groups.reindex(table.index).to_numpy(),
            "baseline": table[baseline_month].to_numpy(),
            "follow_up": table[month].to_numpy(),
        }
    )
    where = f" at months {baseline_month} and {month}"
    counts = check_group_sizes(model_frame["group"], measure, where)
    fit = smf.ols('follow_up ~ C(group, Treatment("CM")) + baseline', data=model_frame).fit()
    low, high = fit.conf_int(alpha=alpha).loc[_GROUP_TERM]
    return {
        "measure": measure,
        "month": int(month),
        "baseline_month": int(baseline_month),
        "n": len(model_frame),
        "n_hcm": counts["HCM"],
        "n_cm": counts["CM"],
        "difference": float(fit.params[_GROUP_TERM]),
        "se": float(fit.bse[_GROUP_TERM]),
        "ci_low": float(low),
        "ci_high": float(high),
        "statistic": float(fit.tvalues[_GROUP_TERM]),
        "dof": int(fit.df_resid),
        "p": float(fit.pvalues[_GROUP_TERM]),
        "method": "statsmodels ols: value_month ~ C(group, Treatment('CM')) + value_baseline",
    }


def mixed_model(
    data: pd.DataFrame,
    *,
    measures: Sequence[str] | str | None = None,
    alpha: float = 0.05,
    evidence: str = "simulated",
) -> pd.DataFrame:
    """Linear mixed model ``value ~ group * month``, random intercept per participant, per measure.

    Parameters
    ----------
    data : pandas.DataFrame
        Long participant frame.
    measures : str or sequence of str, optional
        Measure slugs, each fitted on its own; default every measure, in order of
        first appearance.
    alpha : float, default 0.05
        ``1 − alpha`` is the confidence level of the intervals.
    evidence : str, default "simulated"
        Evidence level written to ``evidence``.

    Returns
    -------
    pandas.DataFrame
        Per measure, one row per fixed effect, then one row ``group:month`` for the
        joint interaction test. Columns ``measure, term, kind, estimate, se, ci_low,
        ci_high, statistic, dof, p, n, n_observations, converged, warning, method,
        evidence``:

        - ``term``: ``intercept`` (CM at month 0), ``group[HCM]``, ``month[6]``, …,
          ``group[HCM]:month[6]``, …, and ``group:month``;
        - ``kind``: ``"coefficient"`` (``statistic`` is z, ``dof`` NaN) or
          ``"joint_wald"`` (``statistic`` is the Wald χ² of all interaction
          coefficients on ``dof`` = their number; estimate, se and CI NaN);
        - ``n``: participants; ``n_observations``: rows used;
        - ``converged``: the optimiser's flag; ``warning``: the text of any
          ``ConvergenceWarning`` statsmodels raised, empty when none.

    Raises
    ------
    KeyError
        If ``data`` lacks a column.
    ValueError
        Invalid input, unknown measure, a measure with one visit only, fewer than 3 participants in
        a group, or values without variation.

    See Also
    --------
    mixed_anova : the same design by sums of squares, complete cases only.
    ancova : the baseline-adjusted comparison at one visit.

    Notes
    -----
    ``y_it = β0 + β_g [HCM] + β_t [month = t] + β_gt [HCM][month = t] + u_i + ε_it``,
    ``u_i ~ N(0, σ_u²)``, ``ε_it ~ N(0, σ²)``, fitted by REML (statsmodels
    ``MixedLM``, optimiser ``lbfgs``, deterministic) to ``(y − ȳ)/s`` and
    transformed back (REML is equivariant under this; z, p and the Wald test are
    unchanged). Fitting on the original scale would make statsmodels warn "on the
    boundary" for any random-intercept variance below 0.01, e.g. every BMD.
    Unlike the repeated-measures ANOVA of §2.5 it keeps participants with a missing
    visit (missing at random).
    With complete, balanced data the fixed effects equal the cell-mean contrasts and
    the interaction Wald χ² / dof equals the mixed-ANOVA interaction F (tests).
    Convergence warnings are caught for this fit only and reported in ``warning``.

    Examples
    --------
    >>> data = pd.DataFrame({
    ...     "participant": np.repeat(list("abcdefgh"), 2),
    ...     "group": np.repeat(["HCM", "CM"], 8), "month": [0, 6] * 8,
    ...     "measure": "ohd_25",
    ...     "value": [15.0, 24.0, 17.0, 25.5, 14.2, 22.0, 12.0, 21.0,
    ...               14.0, 18.0, 16.5, 19.0, 15.1, 17.4, 13.0, 16.0]})
    >>> res = mixed_model(data, measures="ohd_25")
    >>> res[["term", "kind", "estimate", "statistic", "dof"]].round(3)
                      term         kind  estimate  statistic  dof
    0            intercept  coefficient    14.650     16.798  NaN
    1           group[HCM]  coefficient    -0.100     -0.081  NaN
    2             month[6]  coefficient     2.950      8.799  NaN
    3  group[HCM]:month[6]  coefficient     5.625     11.864  NaN
    4          group:month   joint_wald       NaN    140.755  1.0
    """
    frame = check_long(data)
    check_evidence(evidence)
    check_alpha(alpha)
    parts = [
        _mixed(frame.loc[frame["measure"] == measure].reset_index(drop=True), measure, alpha)
        for measure in measure_list(frame, measures)
    ]
    out = pd.concat(parts, ignore_index=True)
    out["method"] = (
        "statsmodels MixedLM(REML, lbfgs): value ~ C(group, Treatment('CM')) * "
        "C(month, Treatment(0)) + (1 | participant); z and Wald chi-square tests"
    )
    out["evidence"] = evidence
    return out


def _term_name(term: str) -> str:
    term = term.replace("Intercept", "intercept")
    term = term.replace(_GROUP_TERM.removesuffix("[T.HCM]"), "group")
    term = term.replace("C(month, Treatment(0))", "month")
    return re.sub(r"\[T\.([^\]]+)\]", r"[\1]", term)


def _mixed(sub: pd.DataFrame, measure: str, alpha: float) -> pd.DataFrame:
    """The rows of :func:`mixed_model` for one measure (without method, evidence)."""
    months = months_of(sub)
    if len(months) < 2:
        raise ValueError(
            f"measure {measure!r} has one visit only ({shown(months)}); "
            "allowed: data at two or more months"
        )
    check_group_sizes(group_of(sub), measure)
    # fit on the standardised scale: statsmodels flags a random-intercept variance
    # below an absolute 0.01 as "on the boundary", which BMD in g/cm² always is
    centre, spread = float(sub["value"].mean()), float(sub["value"].std(ddof=1))
    if not spread > 0:
        raise ValueError(
            f"measure {measure!r} has no variation (every value {centre!r}); "
            "allowed: values that differ"
        )
    fit, notes = _fit(sub.assign(value=(sub["value"] - centre) / spread))
    out = pd.concat([_coefficients(fit, centre, spread, alpha), _joint_wald(fit)])
    out = out.reset_index(drop=True)
    out.insert(0, "measure", measure)
    out["n"] = int(sub["participant"].nunique())
    out["n_observations"] = len(sub)
    out["converged"] = bool(fit.converged)
    out["warning"] = "; ".join(dict.fromkeys(notes))
    return out


def _fit(scaled: pd.DataFrame):
    """REML fit of the standardised values; convergence warnings caught as notes."""
    model = smf.mixedlm(
        'value ~ C(group, Treatment("CM")) * C(month, Treatment(0))',
        scaled,
        groups=scaled["participant"],
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ConvergenceWarning)
        fit = model.fit(reml=True, method=["lbfgs"])
    notes = []
    for w in caught:
        if issubclass(w.category, ConvergenceWarning):
            notes.append(str(w.message))
        else:
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    return fit, notes


def _coefficients(fit, centre: float, spread: float, alpha: float) -> pd.DataFrame:
    """Fixed effects back on the original scale, with z tests and confidence intervals."""
    fe = fit.fe_params * spread
    fe.iloc[0] += centre
    se = fit.bse_fe * spread
    z = fe / se
    ci = fit.conf_int(alpha=alpha).loc[fe.index] * spread
    ci.iloc[0] += centre
    return pd.DataFrame(
        {
            "term": [_term_name(t) for t in fe.index],
            "kind": "coefficient",
            "estimate": fe.to_numpy(),
            "se": se.to_numpy(),
            "ci_low": ci.iloc[:, 0].to_numpy(),
            "ci_high": ci.iloc[:, 1].to_numpy(),
            "statistic": z.to_numpy(),
            "dof": np.nan,
            "p": 2 * stats.norm.sf(np.abs(z.to_numpy())),
        }
    )


def _joint_wald(fit) -> pd.DataFrame:
    """The joint Wald χ² of every group × month coefficient (scale-free)."""
    inter = [t for t in fit.fe_params.index if ":" in t]
    b = fit.fe_params[inter].to_numpy()  # same scale as cov_params()
    cov = fit.cov_params().loc[inter, inter].to_numpy()
    wald = float(b @ np.linalg.solve(cov, b))
    joint = {
        "term": "group:month",
        "kind": "joint_wald",
        "estimate": np.nan,
        "se": np.nan,
        "ci_low": np.nan,
        "ci_high": np.nan,
        "statistic": wald,
        "dof": float(len(inter)),
        "p": float(stats.chi2.sf(wald, len(inter))),
    }
    return pd.DataFrame([joint])
