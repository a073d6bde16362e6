"""Repeated measures over the visits: within each arm, and arm × visit (paper §2.5).

:func:`repeated_measures` is the one-way repeated-measures ANOVA of each arm;
:func:`mixed_anova` the two-way mixed ANOVA, arm between and visit within
participants. Both take one measure or many in one call; post hoc comparisons of the
visits are :func:`milkbone.analysis.clinical.tukey_within`.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
import pingouin as pg

from milkbone.analysis.clinical._checks import (
    arm_visits,
    check_evidence,
    check_group_sizes,
    check_long,
    complete_visits,
    group_list,
    group_of,
    measure_list,
    rm_anova,
    rm_long,
)

__all__ = ["mixed_anova", "repeated_measures"]

_MIXED_SOURCES = {"group": "group", "month": "month", "Interaction": "group:month"}


def repeated_measures(
    data: pd.DataFrame,
    *,
    measures: Sequence[str] | str | None = None,
    group: Sequence[str] | str | None = None,
    months: Sequence[int] | None = None,
    evidence: str = "simulated",
) -> pd.DataFrame:
    """One-way repeated-measures ANOVA over visits within each arm (paper §2.5).

    Parameters
    ----------
    data : pandas.DataFrame
        Long participant frame.
    measures : str or sequence of str, optional
        Measure slugs, e.g. ``"l1_4_bmd"``; default every measure, in order of first
        appearance.
    group : {"HCM", "CM"} or sequence of them, optional
        The arm or arms analysed, each on its own; default both, HCM first.
    months : sequence of int, optional
        Visits compared; default every visit with data for each measure and arm.
    evidence : str, default "simulated"
        Evidence level written to ``evidence``.

    Returns
    -------
    pandas.DataFrame
        One row per measure × arm, columns ``measure, group, n, n_dropped, k,
        ss_effect, ss_error, dof_effect, dof_error, ms_error, f, p, epsilon, p_gg,
        sphericity, p_sphericity, method, evidence``. ``n`` counts participants with
        every visit in ``months``; ``n_dropped`` those of the arm left out for a
        missing visit; ``k`` the number of visits; ``epsilon`` the Greenhouse–Geisser
        ε; ``p_gg`` the GG-corrected p; ``sphericity`` Mauchly's verdict (True for two
        visits).

    Raises
    ------
    KeyError
        If ``data`` lacks a column.
    ValueError
        Invalid input, unknown measure/``group``/``months``, fewer than two visits,
        or fewer than 3 participants with every visit in an arm.

    See Also
    --------
    tukey_within : post hoc comparisons of the visits.
    mixed_anova : group × month in one model.
    mixed_model : keeps participants with a missing visit.

    Notes
    -----
    Two-way decomposition of the n × k table (participants × visits):
    ``SS_effect = n Σ_j (ȳ_.j − ȳ)²``, ``SS_subject = k Σ_i (ȳ_i. − ȳ)²``,
    ``SS_error = SS_total − SS_effect − SS_subject`` on ``(n − 1)(k − 1)`` dof,
    ``F = MS_effect / MS_error``. Computed by ``pingouin.rm_anova`` (checked against
    statsmodels ``AnovaRM`` in the tests). Participants without every visit are
    dropped, as Jamovi does (listwise), and counted in ``n_dropped``.

    Examples
    --------
    >>> data = pd.DataFrame({
    ...     "participant": np.repeat(list("abcde"), 3), "group": "HCM",
    ...     "month": [0, 6, 12] * 5, "measure": "l1_4_bmd",
    ...     "value": [0.95, 0.98, 0.97, 1.01, 1.03, 1.02, 0.90, 0.92, 0.93,
    ...               0.99, 1.02, 1.00, 0.88, 0.90, 0.90]})
    >>> res = repeated_measures(data, measures="l1_4_bmd", group="HCM")
    >>> res[["n", "n_dropped", "dof_effect", "dof_error", "f", "p"]].round(4)
       n  n_dropped  dof_effect  dof_error        f       p
    0  5          0           2          8  20.3478  0.0007
    """
    frame = check_long(data)
    check_evidence(evidence)
    groups = group_list(group)
    rows = [
        _one_way(frame, measure, arm, months) | {"evidence": evidence}
        for measure in measure_list(frame, measures)
        for arm in groups
    ]
    return pd.DataFrame(rows)


def _one_way(
    frame: pd.DataFrame, measure: str, group: str, months: Sequence[int] | None
) -> dict[str, object]:
    """One row of :func:`repeated_measures` (without ``evidence``)."""
    table, months, dropped = arm_visits(frame, measure, group, months)
    aov = rm_anova(table, correction=True)
    effect, error = aov.iloc[0], aov.iloc[1]
    return {
        "measure": measure,
        "group": group,
        "n": len(table),
        "n_dropped": dropped,
        "k": len(months),
        "ss_effect": float(effect["SS"]),
        "ss_error": float(error["SS"]),
        "dof_effect": int(effect["DF"]),
        "dof_error": int(error["DF"]),
        "ms_error": float(error["MS"]),
        "f": float(effect["F"]),
        "p": float(effect["p_unc"]),
        "epsilon": float(effect.get("eps", 1.0)),
        "p_gg": float(effect.get("p_GG_corr", effect["p_unc"])),
        "sphericity": bool(effect.get("sphericity", True)),
        "p_sphericity": float(effect.get("p_spher", np.nan)),
        "method": "pingouin.rm_anova(detailed=True, correction=True); listwise deletion",
    }


def mixed_anova(
    data: pd.DataFrame,
    *,
    measures: Sequence[str] | str | None = None,
    months: Sequence[int] | None = None,
    evidence: str = "simulated",
) -> pd.DataFrame:
    """Two-way mixed ANOVA: group (between) × month (within), per measure.

    Parameters
    ----------
    data : pandas.DataFrame
        Long participant frame.
    measures : str or sequence of str, optional
        Measure slugs; default every measure, in order of first appearance.
    months : sequence of int, optional
        Visits analysed; default every visit with data for each measure.
    evidence : str, default "simulated"
        Evidence level written to ``evidence``.

    Returns
    -------
    pandas.DataFrame
        Three rows per measure, ``group``, ``month``, ``group:month`` (column
        ``source``), columns ``measure, source, n, n_dropped, ss, dof_effect,
        dof_error, ms, f, p, epsilon, p_gg, np2, method, evidence``. ``n`` counts
        participants with every visit, ``n_dropped`` those left out;
        ``epsilon``/``p_gg`` are the Greenhouse–Geisser ε and corrected p (NaN for
        ``group``); ``np2`` partial η².

    Raises
    ------
    KeyError
        If ``data`` lacks a column.
    ValueError
        Invalid input, unknown measure/``months``, fewer than two visits, or fewer
        than 3 complete participants in a group.

    See Also
    --------
    mixed_model : the likelihood-based alternative that keeps incomplete participants.

    Notes
    -----
    The paper's "two-way repeated measures ANOVA" (§2.5) with group between and
    visit within subjects: split-plot sums of squares, the group effect tested
    against subjects within groups and the month and interaction effects against the
    month × subject residual (``pingouin.mixed_anova``, checked by hand with numpy
    in the tests).

    Examples
    --------
    >>> data = pd.DataFrame({
    ...     "participant": np.repeat(list("abcdef"), 2),
    ...     "group": np.repeat(["HCM", "CM"], 6), "month": [0, 6] * 6,
    ...     "measure": "ohd_25",
    ...     "value": [15.0, 24.0, 17.0, 25.5, 14.2, 22.0, 14.0, 18.0, 16.5, 19.0, 15.1, 17.4]})
    >>> res = mixed_anova(data, measures="ohd_25")
    >>> res[["source", "dof_effect", "dof_error", "f", "p"]].round(3)
            source  dof_effect  dof_error        f      p
    0        group           1          4    7.709  0.050
    1        month           1          4  315.981  0.000
    2  group:month           1          4   73.981  0.001
    """
    frame = check_long(data)
    check_evidence(evidence)
    parts = [
        _split_plot(frame.loc[frame["measure"] == measure], measure, months)
        for measure in measure_list(frame, measures)
    ]
    out = pd.concat(parts, ignore_index=True)
    out["method"] = "pingouin.mixed_anova(correction=True); listwise deletion"
    out["evidence"] = evidence
    return out


def _split_plot(sub: pd.DataFrame, measure: str, months: Sequence[int] | None) -> pd.DataFrame:
    """The three rows of :func:`mixed_anova` for one measure (without method, evidence)."""
    table, months, dropped = complete_visits(sub, months, measure)
    groups = group_of(sub)
    long = rm_long(table)
    long["group"] = long["participant"].map(groups)
    check_group_sizes(groups.reindex(table.index), measure, f" with all of months {months}")
    aov = pg.mixed_anova(
        long,
        dv="value",
        within="month",
        subject="participant",
        between="group",
        correction=True,
    )
    out = pd.DataFrame(
        {
            "measure": measure,
            "source": aov["Source"].map(_MIXED_SOURCES),
            "n": len(table),
            "n_dropped": dropped,
            "ss": aov["SS"].astype(float),
            "dof_effect": aov["DF1"].astype(int),
            "dof_error": aov["DF2"].astype(int),
            "ms": aov["MS"].astype(float),
            "f": aov["F"].astype(float),
            "p": aov["p_unc"].astype(float),
            "epsilon": aov["eps"].astype(float) if "eps" in aov else np.nan,
            "p_gg": aov["p_GG_corr"].astype(float) if "p_GG_corr" in aov else np.nan,
            "np2": aov["np2"].astype(float),
        }
    )
    if len(months) == 2:
        within = out["source"] != "group"
        out.loc[within, "epsilon"] = 1.0
        out.loc[within, "p_gg"] = out.loc[within, "p"]
    return out
