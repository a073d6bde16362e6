"""Statistics of the clinical chapters: Tables 2–4 and Figure 2 (paper §2.5, §3.1–3.3).

Every function takes participant data in the tidy long form of STYLE.md §5,

    participant, group, month, measure, value

(group ``"HCM"``/``"CM"``, month ``0``/``6``/``12``), and returns a new tidy
:class:`pandas.DataFrame` with a RangeIndex, snake_case columns in the documented
order, HCM before CM, and the columns ``n``, ``method`` and ``evidence``. Nothing is
read, printed, plotted or written; the input is never modified.

Conventions decided once here:

- Rows whose ``value`` is missing (NaN) are dropped before any arithmetic (the loader
  already leaves empty values out); every other problem in the input raises.
- ``evidence`` defaults to ``"simulated"`` because the shipped data are simulated;
  pass ``"recomputed"`` or ``"published"`` only when that is what the numbers are.
- Group differences are HCM − CM; changes over time are later − earlier visit.

The paper's methods (§2.5) are mirrored by :func:`describe`, :func:`normality`,
:func:`compare_groups`, :func:`repeated_measures`, :func:`tukey_within`,
:func:`mixed_anova`, :func:`percent_change` and :func:`ordinal_test`; the better
analyses of a randomised trial with baseline values are :func:`ancova` and
:func:`mixed_model`. :func:`suppress_small_cells` and :func:`aggregate_only` guard
the switch to real data.
"""

from __future__ import annotations

import itertools
import re
import warnings
from collections.abc import Sequence

import numpy as np
import pandas as pd
import pingouin as pg
import statsmodels.formula.api as smf
from scipy import stats
from statsmodels.tools.sm_exceptions import ConvergenceWarning

from milkbone import EVIDENCE_LEVELS
from milkbone._validate import require_columns, require_values, shown

__all__ = [
    "COLUMNS",
    "GROUPS",
    "MONTHS",
    "aggregate_only",
    "ancova",
    "compare_groups",
    "describe",
    "mixed_anova",
    "mixed_model",
    "normality",
    "ordinal_categories",
    "ordinal_test",
    "percent_change",
    "repeated_measures",
    "suppress_small_cells",
    "tukey_within",
]

COLUMNS = ("participant", "group", "month", "measure", "value")
"""Columns of the tidy long participant frame (STYLE.md §5)."""

GROUPS = ("HCM", "CM")
"""Trial arms, HCM first as in the paper's tables."""

MONTHS = (0, 6, 12)
"""Visits, in months from baseline."""


# --------------------------------------------------------------------------- checks


def _check_choice(name: str, value: object, allowed: Sequence[object]) -> None:
    if value not in allowed:
        raise ValueError(f"{name} must be one of {shown(allowed)}, got {value!r}")


def _check_long(data: pd.DataFrame, *, name: str = "data") -> pd.DataFrame:
    """Validate a long participant frame; return a copy without missing values."""
    require_columns(data, COLUMNS, name=name)
    frame = data.loc[:, list(COLUMNS)].copy()
    require_values(frame, "group", GROUPS, name=name)
    require_values(frame, "month", MONTHS, name=name)
    if not pd.api.types.is_numeric_dtype(frame["value"]) or pd.api.types.is_bool_dtype(
        frame["value"]
    ):
        numeric = pd.to_numeric(frame["value"], errors="coerce")
        bad = frame.loc[numeric.isna() & frame["value"].notna(), "value"]
        if len(bad) or pd.api.types.is_bool_dtype(frame["value"]):
            raise ValueError(
                f"{name} column 'value' has non-numeric value(s) {shown(bad.unique())}; "
                "allowed: numbers (int or float)"
            )
        frame["value"] = numeric
    frame["value"] = frame["value"].astype(float)
    frame["month"] = frame["month"].astype(int)
    frame = frame.loc[frame["value"].notna()].reset_index(drop=True)
    keys = ["participant", "month", "measure"]
    twice = frame.loc[frame.duplicated(keys, keep=False), keys].drop_duplicates()
    if len(twice):
        raise ValueError(
            f"{name} has more than one row per participant, month and measure: "
            f"{shown(map(tuple, twice.itertuples(index=False)))}; allowed: one row each"
        )
    groups = frame.groupby("participant", sort=False)["group"].nunique()
    mixed = groups.index[groups > 1]
    if len(mixed):
        raise ValueError(
            f"{name} puts participant(s) {shown(mixed)} in both groups; "
            "allowed: one group per participant"
        )
    return frame


def _check_evidence(evidence: str) -> None:
    _check_choice("evidence", evidence, EVIDENCE_LEVELS)


def _check_alpha(alpha: float) -> None:
    if not 0 < alpha < 1:
        raise ValueError(f"alpha must lie in (0, 1), got {alpha!r}")


def _check_other_month(name: str, month: object, other_name: str, other: object) -> None:
    if month == other:
        raise ValueError(
            f"{name} must differ from {other_name}, got {month!r} twice; "
            f"allowed: another of {shown(MONTHS)}"
        )


def _measure_list(frame: pd.DataFrame, measures: Sequence[str] | str | None) -> list[str]:
    present = list(pd.unique(frame["measure"]))
    if measures is None:
        return present
    chosen = [measures] if isinstance(measures, str) else list(measures)
    unknown = [m for m in chosen if m not in present]
    if unknown:
        raise ValueError(
            f"measures has value(s) not in data: {shown(unknown)}; allowed: {shown(present)}"
        )
    return chosen


def _check_month(name: str, month: object, frame: pd.DataFrame | None = None) -> int:
    _check_choice(name, month, MONTHS)
    if frame is not None and month not in set(frame["month"]):
        raise ValueError(
            f"{name}={month!r} has no observations in data; "
            f"allowed: {shown(sorted(set(frame['month'])))}"
        )
    return int(month)


def _too_few(where: str, n: int, minimum: int) -> ValueError:
    return ValueError(f"too few observations for {where}: n = {n}; allowed: at least {minimum}")


def _one_measure(frame: pd.DataFrame, measure: str) -> pd.DataFrame:
    _measure_list(frame, [measure])
    return frame.loc[frame["measure"] == measure]


def _wide(frame: pd.DataFrame, months: Sequence[int]) -> tuple[pd.DataFrame, int]:
    """Participant × month values; participants lacking a visit are dropped and counted."""
    wide = frame.pivot(index="participant", columns="month", values="value")
    wide = wide.reindex(columns=list(months))
    complete = wide.dropna()
    return complete, int(len(wide) - len(complete))


def _months_of(frame: pd.DataFrame) -> list[int]:
    return sorted(int(m) for m in pd.unique(frame["month"]))


def _complete_visits(
    sub: pd.DataFrame, months: Sequence[int] | None, where: str
) -> tuple[pd.DataFrame, list[int], int]:
    """Participant × month values of ``sub`` at ``months`` (default: every visit with
    data, at least two), participants lacking one dropped and counted."""
    present = _months_of(sub)
    months = present if months is None else [int(m) for m in months]
    for m in months:
        _check_choice("months", m, MONTHS)
    missing = [m for m in months if m not in present]
    if missing:
        raise ValueError(
            f"months has value(s) without data for {where}: {shown(missing)}; "
            f"allowed: {shown(present)}"
        )
    if len(months) < 2:
        raise ValueError(
            f"months must name at least two visits, got {shown(months)}; "
            f"allowed: two or more of {shown(present)}"
        )
    wide, dropped = _wide(sub.loc[sub["month"].isin(months)], months)
    return wide, months, dropped


def _group_of(sub: pd.DataFrame) -> pd.Series:
    """Each participant's group, indexed by participant."""
    return sub.drop_duplicates("participant").set_index("participant")["group"]


def _check_group_sizes(groups: pd.Series, measure: str, where: str = "") -> dict[str, int]:
    """Participants per group among ``groups`` (one entry each); fewer than 3 raises."""
    counts = {g: int((groups == g).sum()) for g in GROUPS}
    for group, count in counts.items():
        if count < 3:
            raise _too_few(f"{measure} in {group}{where}", count, 3)
    return counts


def _cells(frame: pd.DataFrame, measures: Sequence[str] | str | None):
    """``(measure, group, month, values)`` of every non-empty cell, HCM first."""
    for measure in _measure_list(frame, measures):
        sub = frame.loc[frame["measure"] == measure]
        for group in GROUPS:
            for month in MONTHS:
                values = sub.loc[(sub["group"] == group) & (sub["month"] == month), "value"]
                if len(values):
                    yield measure, group, month, values


def _rm_anova(wide: pd.DataFrame, *, correction: bool) -> pd.DataFrame:
    return pg.rm_anova(
        _rm_long(wide),
        dv="value",
        within="month",
        subject="participant",
        detailed=True,
        correction=correction,
    )


# --------------------------------------------------------------------------- describe


def describe(
    data: pd.DataFrame,
    *,
    measures: Sequence[str] | str | None = None,
    evidence: str = "simulated",
) -> pd.DataFrame:
    """Mean ± SD and n per measure, group and visit (the shape of Tables 2 and 3).

    Parameters
    ----------
    data : pandas.DataFrame
        Long participant frame ``participant, group, month, measure, value``.
    measures : str or sequence of str, optional
        Measures to describe, in this order; default all, in order of first appearance.
    evidence : str, default "simulated"
        Evidence level written to the ``evidence`` column (``milkbone.EVIDENCE_LEVELS``).

    Returns
    -------
    pandas.DataFrame
        One row per measure × group × month with columns

        - ``measure``, ``group``, ``month``;
        - ``n``: non-missing values;
        - ``mean``; ``sd``: sample SD (ddof = 1), NaN when n < 2;
        - ``method``, ``evidence``.

    Raises
    ------
    KeyError
        If ``data`` lacks a column.
    ValueError
        Unknown group or month, non-numeric value, a participant-month-measure twice, a
        participant in both groups, an unknown measure or evidence level.

    See Also
    --------
    compare_groups : the between-group test printed next to these summaries.

    Notes
    -----
    ``mean = Σx/n``, ``sd = sqrt(Σ(x − mean)²/(n − 1))``, as the paper's "mean ±
    standard deviation" (§2.5; Tables 2 and 3). Groups absent from ``data`` give no row.

    Examples
    --------
    >>> data = pd.DataFrame({
    ...     "participant": ["a", "b", "c", "d"] * 2,
    ...     "group": ["HCM", "HCM", "CM", "CM"] * 2,
    ...     "month": [0] * 4 + [6] * 4,
    ...     "measure": "ohd_25",
    ...     "value": [15.0, 17.0, 14.0, 16.5, 24.0, 25.5, 18.0, 19.0]})
    >>> describe(data)[["group", "month", "n", "mean", "sd"]].round(3)
      group  month  n   mean     sd
    0   HCM      0  2  16.00  1.414
    1   HCM      6  2  24.75  1.061
    2    CM      0  2  15.25  1.768
    3    CM      6  2  18.50  0.707
    """
    frame = _check_long(data)
    _check_evidence(evidence)
    rows = [
        (
            measure,
            group,
            month,
            len(values),
            float(values.mean()),
            float(values.std(ddof=1)) if len(values) > 1 else np.nan,
        )
        for measure, group, month, values in _cells(frame, measures)
    ]
    out = pd.DataFrame(rows, columns=["measure", "group", "month", "n", "mean", "sd"])
    return out.assign(method="mean, sd (ddof=1)", evidence=evidence)


# --------------------------------------------------------------------------- normality

_NORMALITY = {
    "shapiro": ("pingouin.normality(method='shapiro')", 3),
    "normaltest": ("pingouin.normality(method='normaltest')", 8),
}


def normality(
    data: pd.DataFrame,
    *,
    measures: Sequence[str] | str | None = None,
    method: str = "shapiro",
    alpha: float = 0.05,
    evidence: str = "simulated",
) -> pd.DataFrame:
    """Normality test per measure, group and visit.

    Parameters
    ----------
    data : pandas.DataFrame
        Long participant frame.
    measures : str or sequence of str, optional
        Measures to test; default all.
    method : {"shapiro", "normaltest"}, default "shapiro"
        Shapiro–Wilk (Jamovi's default), or D'Agostino–Pearson K² (``normaltest``).
    alpha : float, default 0.05
        Level below which ``normal`` is False.
    evidence : str, default "simulated"
        Evidence level written to ``evidence``.

    Returns
    -------
    pandas.DataFrame
        Columns ``measure, group, month, n, statistic, p, normal, method, evidence``:
        ``statistic`` is W (Shapiro–Wilk) or K² (normaltest), ``normal`` is ``p > alpha``.

    Raises
    ------
    KeyError
        If ``data`` lacks a column.
    ValueError
        Invalid input (see :func:`describe`), unknown ``method``, ``alpha`` outside
        (0, 1), or a cell with fewer than 3 (shapiro) or 8 (normaltest) values.

    See Also
    --------
    compare_groups : uses this test to choose between t and Mann–Whitney.

    Notes
    -----
    The paper (§2.5) says normality was "assessed … using the chi-square test". Jamovi
    offers Shapiro–Wilk; the closest reading of "chi-square" is the D'Agostino–Pearson
    omnibus test, ``K² = Z(skewness)² + Z(kurtosis)²``, which is χ²-distributed with
    2 dof under normality (``method="normaltest"``). Both come from
    ``pingouin.normality`` (scipy.stats.shapiro / normaltest).

    Examples
    --------
    >>> data = pd.DataFrame({
    ...     "participant": list("abcdefgh"), "group": ["HCM"] * 4 + ["CM"] * 4,
    ...     "month": 0, "measure": "ast",
    ...     "value": [18.0, 21.5, 19.2, 25.0, 22.1, 20.4, 30.2, 23.3]})
    >>> normality(data)[["group", "n", "statistic", "p", "normal"]].round(3)
      group  n  statistic      p  normal
    0   HCM  4      0.947  0.700    True
    1    CM  4      0.867  0.284    True
    """
    frame = _check_long(data)
    _check_evidence(evidence)
    _check_choice("method", method, tuple(_NORMALITY))
    _check_alpha(alpha)
    label, minimum = _NORMALITY[method]
    rows = []
    for measure, group, month, values in _cells(frame, measures):
        if len(values) < minimum:
            raise _too_few(f"{method} in {measure}, {group}, month {month}", len(values), minimum)
        res = pg.normality(values.to_numpy(), method=method, alpha=alpha)
        rows.append(
            (
                measure,
                group,
                month,
                len(values),
                float(res["W"].iloc[0]),
                float(res["pval"].iloc[0]),
            )
        )
    out = pd.DataFrame(rows, columns=["measure", "group", "month", "n", "statistic", "p"])
    out["normal"] = out["p"] > alpha
    return out.assign(method=f"{label}, alpha={alpha}", evidence=evidence)


# --------------------------------------------------------------------------- between groups

_T_LABEL = "pingouin.ttest(paired=False, correction={welch}, alternative='two-sided')"
_MWU_LABEL = "pingouin.mwu(alternative='two-sided', method='asymptotic', use_continuity=True)"


def compare_groups(
    data: pd.DataFrame,
    *,
    month: int,
    measures: Sequence[str] | str | None = None,
    test: str = "auto",
    welch: bool = False,
    alpha: float = 0.05,
    evidence: str = "simulated",
) -> pd.DataFrame:
    """HCM versus CM at one visit, per measure: t-test or Mann–Whitney U (paper §2.5).

    Parameters
    ----------
    data : pandas.DataFrame
        Long participant frame.
    month : {0, 6, 12}
        The visit compared.
    measures : str or sequence of str, optional
        Measures to compare; default all observed at ``month``.
    test : {"auto", "t", "mann_whitney"}, default "auto"
        ``"auto"``: the t-test when both groups pass Shapiro–Wilk at ``alpha``,
        Mann–Whitney U otherwise (the paper's rule); or force one test.
    welch : bool, default False
        Use Welch's unequal-variance t-test instead of Student's (Jamovi's default).
    alpha : float, default 0.05
        Level of the normality screen in ``"auto"``.
    evidence : str, default "simulated"
        Evidence level written to ``evidence``.

    Returns
    -------
    pandas.DataFrame
        One row per measure, columns ``measure, month, n, n_hcm, n_cm, mean_hcm,
        mean_cm, test, statistic, dof, p, method, evidence``. ``test`` is ``"t"``,
        ``"welch"`` or ``"mann_whitney"``; ``statistic`` is t of HCM − CM, or U of
        HCM; ``dof`` is NaN for Mann–Whitney.

    Raises
    ------
    KeyError
        If ``data`` lacks a column.
    ValueError
        Invalid input, unknown ``month``/``test``/measure, or fewer than 3 values in a
        group.

    See Also
    --------
    normality : the screen used by ``test="auto"``.
    ancova : the baseline-adjusted comparison of a randomised trial.

    Notes
    -----
    Student: ``t = (x̄_HCM − x̄_CM) / (s_p sqrt(1/n_HCM + 1/n_CM))`` on
    ``n_HCM + n_CM − 2`` dof. Mann–Whitney: ``U_HCM = R_HCM − n_HCM(n_HCM + 1)/2``,
    normal approximation with tie and continuity corrections — what R's
    ``wilcox.test`` (used by Jamovi) does for samples of 50 or more or with ties.
    Jamovi orders levels alphabetically, so the paper's t values (Table 2) are
    CM − HCM: flip the sign to compare. The paper's U values are all at most
    ``n_HCM n_CM / 2``, so they read as ``min(U_HCM, n_HCM n_CM − U_HCM)``.

    Examples
    --------
    >>> data = pd.DataFrame({
    ...     "participant": list("abcdefgh"), "group": ["HCM"] * 4 + ["CM"] * 4,
    ...     "month": 6, "measure": "ohd_25",
    ...     "value": [24.0, 25.5, 22.7, 26.1, 18.0, 19.0, 17.0, 18.2]})
    >>> res = compare_groups(data, month=6)
    >>> res[["measure", "n", "test", "statistic", "dof", "p"]].round(4)
      measure  n test  statistic  dof       p
    0  ohd_25  8    t     7.5105  6.0  0.0003
    """
    frame = _check_long(data)
    _check_evidence(evidence)
    _check_month("month", month)
    _check_choice("test", test, ("auto", "t", "mann_whitney"))
    _check_alpha(alpha)
    _check_month("month", month, frame)
    at = frame.loc[frame["month"] == month]
    rows = []
    for measure in _measure_list(at, measures):
        sub = at.loc[at["measure"] == measure]
        x = sub.loc[sub["group"] == "HCM", "value"].to_numpy()
        y = sub.loc[sub["group"] == "CM", "value"].to_numpy()
        for group, values in (("HCM", x), ("CM", y)):
            if len(values) < 3:
                raise _too_few(f"{measure} in {group} at month {month}", len(values), 3)
        chosen = test
        if test == "auto":
            normal = all(
                pg.normality(v, method="shapiro", alpha=alpha)["pval"].iloc[0] > alpha
                for v in (x, y)
            )
            chosen = "t" if normal else "mann_whitney"
        if chosen == "t":
            res = pg.ttest(x, y, paired=False, correction=welch, alternative="two-sided")
            statistic, dof = float(res["T"].iloc[0]), float(res["dof"].iloc[0])
            p, name, label = float(res["p_val"].iloc[0]), "welch" if welch else "t", _T_LABEL
        else:
            res = pg.mwu(x, y, alternative="two-sided", method="asymptotic", use_continuity=True)
            statistic, dof = float(res["U_val"].iloc[0]), np.nan
            p, name, label = float(res["p_val"].iloc[0]), "mann_whitney", _MWU_LABEL
        rows.append(
            {
                "measure": measure,
                "month": int(month),
                "n": len(x) + len(y),
                "n_hcm": len(x),
                "n_cm": len(y),
                "mean_hcm": float(np.mean(x)),
                "mean_cm": float(np.mean(y)),
                "test": name,
                "statistic": statistic,
                "dof": dof,
                "p": p,
                "method": label.format(welch=welch)
                + (f"; chosen by Shapiro–Wilk at alpha={alpha}" if test == "auto" else ""),
            }
        )
    out = pd.DataFrame(rows)
    return out.assign(evidence=evidence)


# --------------------------------------------------------------------------- within groups


def _group_measure(
    frame: pd.DataFrame, measure: str, group: str, months: Sequence[int] | None
) -> tuple[pd.DataFrame, list[int], int]:
    _check_choice("group", group, GROUPS)
    sub = _one_measure(frame, measure)
    sub = sub.loc[sub["group"] == group]
    if sub.empty:
        raise _too_few(f"{measure} in {group}", 0, 2)
    wide, months, dropped = _complete_visits(sub, months, f"{measure} in {group}")
    if len(wide) < 3:
        raise _too_few(f"{measure} in {group} with all of months {months}", len(wide), 3)
    return wide, months, dropped


def _rm_long(wide: pd.DataFrame) -> pd.DataFrame:
    long = wide.reset_index().melt(id_vars="participant", var_name="month", value_name="value")
    return long.assign(month=long["month"].astype(int))


def repeated_measures(
    data: pd.DataFrame,
    *,
    measure: str,
    group: str,
    months: Sequence[int] | None = None,
    evidence: str = "simulated",
) -> pd.DataFrame:
    """One-way repeated-measures ANOVA over visits within one group (paper §2.5).

    Parameters
    ----------
    data : pandas.DataFrame
        Long participant frame.
    measure : str
        Measure slug, e.g. ``"l1_4_bmd"``.
    group : {"HCM", "CM"}
        The arm analysed.
    months : sequence of int, optional
        Visits compared; default every visit with data for this measure and group.
    evidence : str, default "simulated"
        Evidence level written to ``evidence``.

    Returns
    -------
    pandas.DataFrame
        One row, columns ``measure, group, n, n_dropped, k, ss_effect, ss_error,
        dof_effect, dof_error, ms_error, f, p, epsilon, p_gg, sphericity,
        p_sphericity, method, evidence``. ``n`` counts participants with every visit
        in ``months``; ``n_dropped`` those of the group left out for a missing visit;
        ``k`` the number of visits; ``epsilon`` the Greenhouse–Geisser ε; ``p_gg``
        the GG-corrected p; ``sphericity`` Mauchly's verdict (True for two visits).

    Raises
    ------
    KeyError
        If ``data`` lacks a column.
    ValueError
        Invalid input, unknown ``measure``/``group``/``months``, fewer than two
        visits, or fewer than 3 participants with every visit.

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
    >>> res = repeated_measures(data, measure="l1_4_bmd", group="HCM")
    >>> res[["n", "n_dropped", "dof_effect", "dof_error", "f", "p"]].round(4)
       n  n_dropped  dof_effect  dof_error        f       p
    0  5          0           2          8  20.3478  0.0007
    """
    frame = _check_long(data)
    _check_evidence(evidence)
    wide, months, dropped = _group_measure(frame, measure, group, months)
    aov = _rm_anova(wide, correction=True)
    effect, error = aov.iloc[0], aov.iloc[1]
    k = len(months)
    row = {
        "measure": measure,
        "group": group,
        "n": len(wide),
        "n_dropped": dropped,
        "k": k,
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
        "evidence": evidence,
    }
    return pd.DataFrame([row])


_POST_HOC = ("tukey", "tukey_multivariate", "holm")


def tukey_within(
    data: pd.DataFrame,
    *,
    measure: str,
    group: str,
    months: Sequence[int] | None = None,
    method: str = "tukey",
    evidence: str = "simulated",
) -> pd.DataFrame:
    """Post hoc comparisons of the visits within one group, after :func:`repeated_measures`.

    Parameters
    ----------
    data : pandas.DataFrame
        Long participant frame.
    measure : str
        Measure slug.
    group : {"HCM", "CM"}
        The arm analysed.
    months : sequence of int, optional
        Visits compared; default every visit with data.
    method : {"tukey", "tukey_multivariate", "holm"}, default "tukey"
        ``"tukey"``: Tukey HSD with the pooled RM-ANOVA error (textbook);
        ``"tukey_multivariate"``: Tukey with each pair's own paired SE on n − 1 dof
        (what Jamovi's code does, see Notes); ``"holm"``: paired t-tests with Holm's
        correction (``pingouin.pairwise_tests``).
    evidence : str, default "simulated"
        Evidence level written to ``evidence``.

    Returns
    -------
    pandas.DataFrame
        One row per pair of visits (earlier first), columns ``measure, group,
        month_a, month_b, n, mean_a, mean_b, difference, se, statistic, dof, p,
        method, evidence``. ``difference = mean_b − mean_a``; ``statistic`` is the
        studentized range q (≥ 0) for Tukey, or t of b − a for Holm; ``p`` is
        adjusted for the family of comparisons.

    Raises
    ------
    KeyError
        If ``data`` lacks a column.
    ValueError
        As :func:`repeated_measures`, or an unknown ``method``.

    See Also
    --------
    repeated_measures : the omnibus test, and ``ms_error``.

    Notes
    -----
    No library provides Tukey's HSD for repeated measures, so it is computed here.
    With k visits, n complete participants and the RM-ANOVA error mean square
    ``MS_error`` on ``df = (n − 1)(k − 1)``:

    ``q = |ȳ_b − ȳ_a| / sqrt(MS_error / n)``, ``p = P(Q_{k, df} > q)``

    (``scipy.stats.studentized_range.sf(q, k, df)``); ``se`` is
    ``sqrt(2 MS_error / n)``, the SE of the difference. This is the paper's
    "Tukey's honestly significant difference post hoc test" (§2.5) read as a
    textbook would.

    Jamovi's repeated-measures post hoc table (``jmv`` R package, ``anovaRM``)
    calls ``emmeans(..., model = "multivariate")``: each difference then has its
    own SE, ``sd(y_b − y_a)/sqrt(n)``, on ``n − 1`` dof, and the Tukey p is
    ``P(Q_{k, n−1} > sqrt(2) |t|)`` — ``method="tukey_multivariate"``. That is
    what the jmv source does as stored (R/anovarm.b.R); we could not run Jamovi
    2.4.11 to confirm it, so the chapters should show both.

    Examples
    --------
    >>> data = pd.DataFrame({
    ...     "participant": np.repeat(list("abcde"), 3), "group": "HCM",
    ...     "month": [0, 6, 12] * 5, "measure": "l1_4_bmd",
    ...     "value": [0.95, 0.98, 0.97, 1.01, 1.03, 1.02, 0.90, 0.92, 0.93,
    ...               0.99, 1.02, 1.00, 0.88, 0.90, 0.90]})
    >>> res = tukey_within(data, measure="l1_4_bmd", group="HCM")
    >>> res[["month_a", "month_b", "difference", "statistic", "dof", "p"]].round(4)
       month_a  month_b  difference  statistic  dof       p
    0        0        6       0.024     8.6678  8.0  0.0007
    1        0       12       0.018     6.5008  8.0  0.0044
    2        6       12      -0.006     2.1669  8.0  0.3273
    """
    frame = _check_long(data)
    _check_evidence(evidence)
    _check_choice("method", method, _POST_HOC)
    wide, months, _ = _group_measure(frame, measure, group, months)
    n, k = len(wide), len(months)
    means = wide.mean()
    rows = []
    if method == "holm":
        res = pg.pairwise_tests(
            _rm_long(wide),
            dv="value",
            within="month",
            subject="participant",
            parametric=True,
            padjust="holm",
            alternative="two-sided",
        )
        for _, r in res.iterrows():
            a, b = int(r["A"]), int(r["B"])
            diff = wide[b] - wide[a]
            rows.append(
                (
                    a,
                    b,
                    float(diff.std(ddof=1) / np.sqrt(n)),
                    -float(r["T"]),
                    float(r["dof"]),
                    float(r["p_corr"]),
                )
            )
        label = "pingouin.pairwise_tests(parametric=True, padjust='holm'); paired t of b − a"
    elif method == "tukey":
        aov = _rm_anova(wide, correction=False)
        ms_error, dof = float(aov["MS"].iloc[1]), float(aov["DF"].iloc[1])
        for i, a in enumerate(months):
            for b in months[i + 1 :]:
                q = abs(means[b] - means[a]) / np.sqrt(ms_error / n)
                rows.append(
                    (
                        a,
                        b,
                        float(np.sqrt(2 * ms_error / n)),
                        float(q),
                        dof,
                        float(stats.studentized_range.sf(q, k, dof)),
                    )
                )
        label = (
            "Tukey HSD, pooled RM-ANOVA error: q = |mean_b - mean_a| / sqrt(MS_error/n), "
            "scipy.stats.studentized_range.sf(q, k, (n-1)(k-1))"
        )
    else:
        dof = float(n - 1)
        for i, a in enumerate(months):
            for b in months[i + 1 :]:
                diff = wide[b] - wide[a]
                se = float(diff.std(ddof=1) / np.sqrt(n))
                q = np.sqrt(2) * abs(float(diff.mean())) / se
                rows.append((a, b, se, float(q), dof, float(stats.studentized_range.sf(q, k, dof))))
        label = (
            "Tukey, multivariate (emmeans model='multivariate' as in jmv::anovaRM): "
            "q = sqrt(2)|mean(d)|/(sd(d)/sqrt(n)), studentized_range.sf(q, k, n-1)"
        )
    out = pd.DataFrame(rows, columns=["month_a", "month_b", "se", "statistic", "dof", "p"])
    out.insert(0, "measure", measure)
    out.insert(1, "group", group)
    out.insert(4, "n", n)
    out.insert(5, "mean_a", [float(means[a]) for a in out["month_a"]])
    out.insert(6, "mean_b", [float(means[b]) for b in out["month_b"]])
    out.insert(7, "difference", out["mean_b"] - out["mean_a"])
    return out.assign(method=label, evidence=evidence)


def mixed_anova(
    data: pd.DataFrame,
    *,
    measure: str,
    months: Sequence[int] | None = None,
    evidence: str = "simulated",
) -> pd.DataFrame:
    """Two-way mixed ANOVA: group (between) × month (within) for one measure.

    Parameters
    ----------
    data : pandas.DataFrame
        Long participant frame.
    measure : str
        Measure slug.
    months : sequence of int, optional
        Visits analysed; default every visit with data for this measure.
    evidence : str, default "simulated"
        Evidence level written to ``evidence``.

    Returns
    -------
    pandas.DataFrame
        Rows ``group``, ``month``, ``group:month`` (column ``source``), columns
        ``measure, source, n, n_dropped, ss, dof_effect, dof_error, ms, f, p,
        epsilon, p_gg, np2, method, evidence``. ``n`` counts participants with every
        visit, ``n_dropped`` those left out; ``epsilon``/``p_gg`` are the
        Greenhouse–Geisser ε and corrected p (NaN for ``group``); ``np2`` partial η².

    Raises
    ------
    KeyError
        If ``data`` lacks a column.
    ValueError
        Invalid input, unknown ``measure``/``months``, fewer than two visits, or fewer
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
    >>> res = mixed_anova(data, measure="ohd_25")
    >>> res[["source", "dof_effect", "dof_error", "f", "p"]].round(3)
            source  dof_effect  dof_error        f      p
    0        group           1          4    7.709  0.050
    1        month           1          4  315.981  0.000
    2  group:month           1          4   73.981  0.001
    """
    frame = _check_long(data)
    _check_evidence(evidence)
    sub = _one_measure(frame, measure)
    wide, months, dropped = _complete_visits(sub, months, measure)
    groups = _group_of(sub)
    long = _rm_long(wide)
    long["group"] = long["participant"].map(groups)
    _check_group_sizes(groups.reindex(wide.index), measure, f" with all of months {months}")
    aov = pg.mixed_anova(
        long,
        dv="value",
        within="month",
        subject="participant",
        between="group",
        correction=True,
    )
    source = {"group": "group", "month": "month", "Interaction": "group:month"}
    out = pd.DataFrame(
        {
            "measure": measure,
            "source": aov["Source"].map(source),
            "n": len(wide),
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
    out["method"] = "pingouin.mixed_anova(correction=True); listwise deletion"
    out["evidence"] = evidence
    return out.reset_index(drop=True)


# --------------------------------------------------------------------------- change

_PAIRED = {
    "paired_t": "pingouin.ttest(paired=True, alternative='two-sided') of to − from",
    "wilcoxon": "pingouin.wilcoxon(alternative='two-sided', method='auto') of to − from",
}


def percent_change(
    data: pd.DataFrame,
    *,
    measure: str,
    from_month: int = 0,
    to_month: int = 6,
    test: str = "paired_t",
    evidence: str = "simulated",
) -> pd.DataFrame:
    """Within-group percent change of the means between two visits, with its paired test.

    Parameters
    ----------
    data : pandas.DataFrame
        Long participant frame.
    measure : str
        Measure slug.
    from_month, to_month : {0, 6, 12}
        The two visits; ``from_month`` is the reference.
    test : {"paired_t", "wilcoxon"}, default "paired_t"
        The paired test of the change (the paper uses Wilcoxon for non-normal data).
    evidence : str, default "simulated"
        Evidence level written to ``evidence``.

    Returns
    -------
    pandas.DataFrame
        One row per group (HCM first), columns ``measure, group, from_month,
        to_month, n, mean_from, mean_to, percent_change, test, statistic, dof, p,
        method, evidence``. ``n`` counts participants with both visits, over whom the
        means are taken; ``statistic`` is t of to − from or Wilcoxon's W (the smaller
        signed-rank sum); ``dof`` is NaN for Wilcoxon.

    Raises
    ------
    KeyError
        If ``data`` lacks a column.
    ValueError
        Invalid input, unknown measure, months or ``test``, equal months, or fewer than
        3 participants with both visits in a group.

    See Also
    --------
    tukey_within : all pairs of visits with a multiplicity correction.

    Notes
    -----
    ``percent_change = (mean_to − mean_from) / mean_from × 100``, the change of the
    means as the paper reports it (§3.2–3.3: "increased by 2.3%"), not the mean of the
    individual percent changes. With complete data the means equal the table's.

    Examples
    --------
    >>> data = pd.DataFrame({
    ...     "participant": np.repeat(list("abcdef"), 2),
    ...     "group": np.repeat(["HCM", "CM"], 6), "month": [0, 6] * 6,
    ...     "measure": "ohd_25",
    ...     "value": [15.0, 24.0, 17.0, 25.5, 14.2, 22.0, 14.0, 18.0, 16.5, 19.0, 15.1, 17.4]})
    >>> res = percent_change(data, measure="ohd_25")
    >>> res[["group", "n", "mean_from", "mean_to", "percent_change", "p"]].round(3)
      group  n  mean_from  mean_to  percent_change      p
    0   HCM  3       15.4   23.833          54.762  0.002
    1    CM  3       15.2   18.133          19.298  0.032
    """
    frame = _check_long(data)
    _check_evidence(evidence)
    _check_choice("test", test, tuple(_PAIRED))
    _check_month("from_month", from_month)
    _check_month("to_month", to_month)
    _check_other_month("to_month", to_month, "from_month", from_month)
    sub = _one_measure(frame, measure)
    rows = []
    for group in GROUPS:
        wide, _ = _wide(sub.loc[sub["group"] == group], [int(from_month), int(to_month)])
        if len(wide) < 3:
            raise _too_few(
                f"{measure} in {group} at months {from_month} and {to_month}", len(wide), 3
            )
        before, after = wide[from_month].to_numpy(), wide[to_month].to_numpy()
        if test == "paired_t":
            res = pg.ttest(after, before, paired=True, alternative="two-sided")
            statistic, dof, p = (
                float(res["T"].iloc[0]),
                float(res["dof"].iloc[0]),
                float(res["p_val"].iloc[0]),
            )
        else:
            res = pg.wilcoxon(after, before, alternative="two-sided", method="auto")
            statistic, dof, p = float(res["W_val"].iloc[0]), np.nan, float(res["p_val"].iloc[0])
        mean_from, mean_to = float(before.mean()), float(after.mean())
        rows.append(
            {
                "measure": measure,
                "group": group,
                "from_month": int(from_month),
                "to_month": int(to_month),
                "n": len(wide),
                "mean_from": mean_from,
                "mean_to": mean_to,
                "percent_change": (mean_to - mean_from) / mean_from * 100,
                "test": test,
                "statistic": statistic,
                "dof": dof,
                "p": p,
            }
        )
    return pd.DataFrame(rows).assign(method=_PAIRED[test], evidence=evidence)


# --------------------------------------------------------------------------- better analyses

_GROUP_TERM = 'C(group, Treatment("CM"))[T.HCM]'


def ancova(
    data: pd.DataFrame,
    *,
    measure: str,
    month: int,
    baseline_month: int = 0,
    alpha: float = 0.05,
    evidence: str = "simulated",
) -> pd.DataFrame:
    """Baseline-adjusted group difference at one visit (ANCOVA).

    Parameters
    ----------
    data : pandas.DataFrame
        Long participant frame.
    measure : str
        Measure slug.
    month : {6, 12}
        The follow-up visit.
    baseline_month : {0, 6, 12}, default 0
        The covariate visit.
    alpha : float, default 0.05
        ``1 − alpha`` is the confidence level of the interval.
    evidence : str, default "simulated"
        Evidence level written to ``evidence``.

    Returns
    -------
    pandas.DataFrame
        One row, columns ``measure, month, baseline_month, n, n_hcm, n_cm,
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
    >>> res = ancova(data, measure="ohd_25", month=6)
    >>> res[["n", "difference", "se", "ci_low", "ci_high", "dof", "p"]].round(3)
       n  difference     se  ci_low  ci_high  dof    p
    0  8       5.611  0.483   4.371    6.852    5  0.0
    """
    frame = _check_long(data)
    _check_evidence(evidence)
    _check_month("month", month)
    _check_month("baseline_month", baseline_month)
    _check_other_month("month", month, "baseline_month", baseline_month)
    _check_alpha(alpha)
    sub = _one_measure(frame, measure)
    wide, _ = _wide(sub, [baseline_month, month])
    groups = _group_of(sub)
    model_frame = pd.DataFrame(
        {
            "group": groups.reindex(wide.index).to_numpy(),
            "baseline": wide[baseline_month].to_numpy(),
            "follow_up": wide[month].to_numpy(),
        }
    )
    where = f" at months {baseline_month} and {month}"
    counts = _check_group_sizes(model_frame["group"], measure, where)
    fit = smf.ols('follow_up ~ C(group, Treatment("CM")) + baseline', data=model_frame).fit()
    low, high = fit.conf_int(alpha=alpha).loc[_GROUP_TERM]
    row = {
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
        "evidence": evidence,
    }
    return pd.DataFrame([row])


def _term_name(term: str) -> str:
    term = term.replace("Intercept", "intercept")
    term = term.replace(_GROUP_TERM.removesuffix("[T.HCM]"), "group")
    term = term.replace("C(month, Treatment(0))", "month")
    return re.sub(r"\[T\.([^\]]+)\]", r"[\1]", term)


def mixed_model(
    data: pd.DataFrame,
    *,
    measure: str,
    alpha: float = 0.05,
    evidence: str = "simulated",
) -> pd.DataFrame:
    """Linear mixed model ``value ~ group * month`` with a random intercept per participant.

    Parameters
    ----------
    data : pandas.DataFrame
        Long participant frame.
    measure : str
        Measure slug.
    alpha : float, default 0.05
        ``1 − alpha`` is the confidence level of the intervals.
    evidence : str, default "simulated"
        Evidence level written to ``evidence``.

    Returns
    -------
    pandas.DataFrame
        One row per fixed effect, then one row ``group:month`` for the joint
        interaction test. Columns ``measure, term, kind, estimate, se, ci_low,
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
        Invalid input, unknown measure, one visit only, fewer than 3 participants in
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
    >>> res = mixed_model(data, measure="ohd_25")
    >>> res[["term", "kind", "estimate", "statistic", "dof"]].round(3)
                      term         kind  estimate  statistic  dof
    0            intercept  coefficient    14.650     16.798  NaN
    1           group[HCM]  coefficient    -0.100     -0.081  NaN
    2             month[6]  coefficient     2.950      8.799  NaN
    3  group[HCM]:month[6]  coefficient     5.625     11.864  NaN
    4          group:month   joint_wald       NaN    140.755  1.0
    """
    frame = _check_long(data)
    _check_evidence(evidence)
    _check_alpha(alpha)
    sub = _one_measure(frame, measure).reset_index(drop=True)
    months = _months_of(sub)
    if len(months) < 2:
        raise ValueError(
            f"measure {measure!r} has one visit only ({shown(months)}); "
            "allowed: data at two or more months"
        )
    _check_group_sizes(_group_of(sub), measure)
    # fit on the standardised scale: statsmodels flags a random-intercept variance
    # below an absolute 0.01 as "on the boundary", which BMD in g/cm² always is
    centre, spread = float(sub["value"].mean()), float(sub["value"].std(ddof=1))
    if not spread > 0:
        raise ValueError(
            f"measure {measure!r} has no variation (every value {centre!r}); "
            "allowed: values that differ"
        )
    scaled = sub.assign(value=(sub["value"] - centre) / spread)
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
    fe = fit.fe_params * spread
    fe.iloc[0] += centre
    se = fit.bse_fe * spread
    z = fe / se
    ci = fit.conf_int(alpha=alpha).loc[fe.index] * spread
    ci.iloc[0] += centre
    rows = pd.DataFrame(
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
    inter = [t for t in fe.index if ":" in t]
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
    out = pd.concat([rows, pd.DataFrame([joint])], ignore_index=True)
    out.insert(0, "measure", measure)
    out["n"] = int(sub["participant"].nunique())
    out["n_observations"] = len(sub)
    out["converged"] = bool(fit.converged)
    out["warning"] = "; ".join(dict.fromkeys(notes))
    out["method"] = (
        "statsmodels MixedLM(REML, lbfgs): value ~ C(group, Treatment('CM')) * "
        "C(month, Treatment(0)) + (1 | participant); z and Wald chi-square tests"
    )
    out["evidence"] = evidence
    return out


# --------------------------------------------------------------------------- ordinal


def ordinal_categories(
    data: pd.DataFrame,
    *,
    month: int,
    measure: str = "ohd_25",
    cutpoints: Sequence[float] = (12, 20),
    labels: Sequence[str] = ("deficient", "insufficient", "normal"),
    evidence: str = "simulated",
) -> pd.DataFrame:
    """Count participants per group in ordered categories of one measure (Table 4).

    Parameters
    ----------
    data : pandas.DataFrame
        Long participant frame.
    month : {0, 6, 12}
        The visit.
    measure : str, default "ohd_25"
        Measure slug; 25(OH)D in ng/mL by default.
    cutpoints : sequence of float, default (12, 20)
        Increasing boundaries between categories.
    labels : sequence of str, default ("deficient", "insufficient", "normal")
        One label per category, lowest first (``len(cutpoints) + 1`` labels).
    evidence : str, default "simulated"
        Evidence level written to ``evidence``.

    Returns
    -------
    pandas.DataFrame
        One row per group × category (HCM first, categories lowest first, empty
        categories kept with count 0), columns ``measure, month, group, category,
        lower, upper, count, n, method, evidence``; ``lower`` is included and
        ``upper`` excluded; ``n`` is the group's number of participants.

    Raises
    ------
    KeyError
        If ``data`` lacks a column.
    ValueError
        Invalid input, unknown measure or month, cutpoints not strictly increasing,
        the wrong number of labels or repeated labels, or no value in a group.

    See Also
    --------
    ordinal_test : compares the two groups' distributions.

    Notes
    -----
    Table 4's footnotes give Normal ≥ 20, Insufficient "12 < 25(OH)D < 20" and
    Deficient < 12 ng/mL, which leaves exactly 12 ng/mL in no category. We close
    every category on the left: deficient ``< 12``, insufficient ``12 ≤ x < 20``,
    normal ``≥ 20`` (``pandas.cut(right=False)``), so 12 counts as insufficient and
    20 as normal — the Institute of Medicine convention (deficiency below 12 ng/mL,
    i.e. 30 nmol/L).

    Examples
    --------
    >>> data = pd.DataFrame({
    ...     "participant": list("abcdefgh"), "group": ["HCM"] * 4 + ["CM"] * 4,
    ...     "month": 6, "measure": "ohd_25",
    ...     "value": [24.0, 20.0, 12.0, 26.1, 18.0, 11.9, 17.0, 20.2]})
    >>> ordinal_categories(data, month=6)[["group", "category", "count", "n"]]
      group      category  count  n
    0   HCM     deficient      0  4
    1   HCM  insufficient      1  4
    2   HCM        normal      3  4
    3    CM     deficient      1  4
    4    CM  insufficient      2  4
    5    CM        normal      1  4
    """
    frame = _check_long(data)
    _check_evidence(evidence)
    _check_month("month", month)
    cuts = [float(c) for c in cutpoints]
    if len(cuts) == 0 or any(b <= a for a, b in itertools.pairwise(cuts)):
        raise ValueError(
            f"cutpoints must be strictly increasing numbers, got {shown(cuts)}; "
            "allowed: e.g. (12, 20)"
        )
    labels = list(labels)
    if len(labels) != len(cuts) + 1 or len(set(labels)) != len(labels):
        raise ValueError(
            f"labels must be {len(cuts) + 1} distinct names (one more than cutpoints), "
            f"got {shown(labels)}"
        )
    sub = _one_measure(frame, measure)
    sub = sub.loc[sub["month"] == month]
    edges = [-np.inf, *cuts, np.inf]
    rows = []
    for group in GROUPS:
        values = sub.loc[sub["group"] == group, "value"]
        if values.empty:
            raise _too_few(f"{measure} in {group} at month {month}", 0, 1)
        category = pd.cut(values, bins=edges, right=False, labels=labels)
        counts = category.value_counts().reindex(labels, fill_value=0)
        for i, label in enumerate(labels):
            rows.append(
                {
                    "measure": measure,
                    "month": int(month),
                    "group": group,
                    "category": label,
                    "lower": edges[i],
                    "upper": edges[i + 1],
                    "count": int(counts[label]),
                    "n": len(values),
                }
            )
    return pd.DataFrame(rows).assign(
        method="pandas.cut(right=False): lower bound included, upper excluded",
        evidence=evidence,
    )


def ordinal_test(
    counts: pd.DataFrame,
    *,
    scores: Sequence[float] | None = None,
    evidence: str = "simulated",
) -> pd.DataFrame:
    """Compare two groups over ordered categories: Mann–Whitney z and linear-by-linear χ².

    Parameters
    ----------
    counts : pandas.DataFrame
        Counts as :func:`ordinal_categories` returns them: columns ``group``,
        ``category``, ``count``, categories listed lowest first; optional ``measure``
        and ``month`` columns split the table into separate tests.
    scores : sequence of float, optional
        Category scores for the linear-by-linear test; default 1, 2, …, k.
    evidence : str, default "simulated"
        Evidence level written to ``evidence``.

    Returns
    -------
    pandas.DataFrame
        Two rows per measure and month — ``mann_whitney`` and ``linear_by_linear``
        (column ``test``) — with columns ``measure, month, test, n, n_hcm, n_cm,
        statistic, dof, z, p, method, evidence``. Mann–Whitney: ``statistic`` is
        U of HCM, ``dof`` NaN; linear-by-linear: ``statistic`` is M², ``dof`` 1.
        ``z`` is positive when HCM lies in higher categories.

    Raises
    ------
    KeyError
        If ``counts`` lacks a column.
    ValueError
        Unknown groups, counts that are not non-negative integers, a category listed
        twice for a group, a group with no one, or ``scores`` of the wrong length.

    See Also
    --------
    ordinal_categories : makes ``counts``.

    Notes
    -----
    Mann–Whitney with mid-ranks: every member of category j gets rank
    ``C_{j−1} + (t_j + 1)/2`` (``t_j`` the category total, ``C`` cumulative totals);
    ``U = R_HCM − n_HCM(n_HCM + 1)/2``,
    ``z = (U − n_HCM n_CM / 2) / sqrt(n_HCM n_CM / 12 · (N + 1 − Σ(t³ − t)/(N(N − 1))))``,
    no continuity correction — equal to ``scipy.stats.mannwhitneyu(method=
    "asymptotic", use_continuity=False)`` on the expanded data (tests).
    Linear-by-linear (Agresti 2013, §3.4.1): ``M² = (N − 1) r²`` with r the Pearson
    correlation of the group indicator and the category score, on 1 dof.
    The paper's Table 4 lists Normal first, so its z values have the opposite sign;
    its footnote calls the test a "single-ordered list chi-square test".

    Examples
    --------
    Table 4 at 6 months (deficient, insufficient, normal):

    >>> counts = pd.DataFrame({"group": ["HCM"] * 3 + ["CM"] * 3,
    ...     "category": ["deficient", "insufficient", "normal"] * 2,
    ...     "count": [0, 10, 41, 2, 27, 17]})
    >>> ordinal_test(counts, evidence="recomputed")[["test", "n", "statistic", "z", "p"]].round(4)
                   test   n  statistic       z    p
    0      mann_whitney  97   1692.500  4.3904  0.0
    1  linear_by_linear  97     19.159  4.3771  0.0
    """
    require_columns(counts, ["group", "category", "count"], name="counts")
    _check_evidence(evidence)
    table = counts.copy()
    require_values(table, "group", GROUPS, name="counts")
    numeric = pd.to_numeric(table["count"], errors="coerce")
    bad = table.loc[numeric.isna() | (numeric < 0) | (numeric % 1 != 0), "count"]
    if len(bad):
        raise ValueError(
            f"counts column 'count' has invalid value(s) {shown(bad.unique())}; "
            "allowed: non-negative integers"
        )
    table["count"] = numeric.astype(int)
    keys = [c for c in ("measure", "month") if c in table.columns]
    twice = table.loc[table.duplicated([*keys, "group", "category"], keep=False)]
    if len(twice):
        raise ValueError(
            f"counts lists category {shown(twice['category'].unique())} more than once "
            "for a group; allowed: one row per group and category"
        )
    parts = table.groupby(keys, sort=False) if keys else [((), table)]
    rows = []
    for key, part in parts:
        key = key if isinstance(key, tuple) else (key,)
        info = dict(zip(keys, key, strict=True))
        categories = list(pd.unique(part["category"]))
        k = len(categories)
        grid = part.pivot(index="group", columns="category", values="count")
        grid = grid.reindex(index=list(GROUPS), columns=categories).fillna(0).astype(int)
        c1, c2 = grid.loc["HCM"].to_numpy(), grid.loc["CM"].to_numpy()
        n1, n2 = int(c1.sum()), int(c2.sum())
        for group, n in (("HCM", n1), ("CM", n2)):
            if n == 0:
                raise ValueError(
                    f"counts has no one in group {group!r}; allowed: at least one per group"
                )
        if scores is None:
            score = np.arange(1, k + 1, dtype=float)
        else:
            score = np.asarray(scores, dtype=float)
            if score.shape != (k,):
                raise ValueError(
                    f"scores must have one value per category ({k}), got {shown(scores)}"
                )
        total = c1 + c2
        big_n = n1 + n2
        midrank = np.concatenate([[0], np.cumsum(total)[:-1]]) + (total + 1) / 2
        u = float(np.sum(c1 * midrank) - n1 * (n1 + 1) / 2)
        ties = float(np.sum(total**3 - total)) / (big_n * (big_n - 1))
        var_u = n1 * n2 / 12 * ((big_n + 1) - ties)
        z_mw = (u - n1 * n2 / 2) / np.sqrt(var_u)
        # linear-by-linear: Pearson r of group indicator (HCM = 1) and category score
        x_mean = n1 / big_n
        s_mean = float(np.sum(total * score)) / big_n
        sxy = float(np.sum(c1 * score)) - big_n * x_mean * s_mean
        sxx = n1 - big_n * x_mean**2
        syy = float(np.sum(total * score**2)) - big_n * s_mean**2
        r = sxy / np.sqrt(sxx * syy)
        m2 = (big_n - 1) * r**2
        base = {**{"measure": np.nan, "month": np.nan}, **info}
        common = {"n": big_n, "n_hcm": n1, "n_cm": n2}
        rows.append(
            {
                **base,
                "test": "mann_whitney",
                **common,
                "statistic": u,
                "dof": np.nan,
                "z": float(z_mw),
                "p": float(2 * stats.norm.sf(abs(z_mw))),
                "method": "Mann-Whitney U on ordered categories, mid-ranks, tie-corrected "
                "normal approximation, no continuity correction",
            }
        )
        rows.append(
            {
                **base,
                "test": "linear_by_linear",
                **common,
                "statistic": float(m2),
                "dof": 1.0,
                "z": float(np.sign(r) * np.sqrt(m2)),
                "p": float(stats.chi2.sf(m2, 1)),
                "method": f"linear-by-linear association M2 = (N-1) r^2, scores {score.tolist()}",
            }
        )
    out = pd.DataFrame(rows)
    out = out[
        ["measure", "month", "test", "n", "n_hcm", "n_cm", "statistic", "dof", "z", "p", "method"]
    ]
    return out.assign(evidence=evidence)


# --------------------------------------------------------------------------- disclosure


def suppress_small_cells(
    table: pd.DataFrame,
    *,
    count_columns: Sequence[str],
    summary_columns: Sequence[str] = (),
    n_column: str | None = "n",
    minimum: int = 5,
    keep_zero: bool = True,
) -> pd.DataFrame:
    """Blank out every cell that describes fewer than ``minimum`` people.

    Parameters
    ----------
    table : pandas.DataFrame
        A result table (never participant-level rows).
    count_columns : sequence of str
        Columns of head counts; a count from 1 to ``minimum − 1`` becomes NA.
    summary_columns : sequence of str, default ()
        Columns summarising the row's people (mean, sd, …); they become NA in every
        row whose ``n_column`` is below ``minimum``.
    n_column : str or None, default "n"
        The column giving how many people a row summarises; ``None`` when
        ``summary_columns`` is empty.
    minimum : int, default 5
        Smallest number of people a printed cell may describe.
    keep_zero : bool, default True
        Keep counts of zero (they describe no one); False blanks them too.

    Returns
    -------
    pandas.DataFrame
        A copy of ``table`` with the same columns and index; count columns become
        nullable ``Int64``, summary columns float with NaN. The input is not modified.

    Raises
    ------
    KeyError
        If ``table`` lacks a named column.
    ValueError
        If ``minimum`` is below 1, ``summary_columns`` are given without
        ``n_column``, or a count column holds non-numeric values.

    See Also
    --------
    aggregate_only : refuses participant-level tables.

    Notes
    -----
    For the switch to real participant data (paper §2: 97 women): a table printed in
    the book must not let a reader single out anyone. Threshold 5 is a common
    statistical-disclosure rule for health data; the data owner may require more.
    Suppressing one cell of a row or column whose total is printed can leave it
    recoverable by subtraction — check totals too (secondary suppression is not done
    here).

    Examples
    --------
    >>> table = pd.DataFrame({"group": ["HCM", "CM"], "count": [3, 17],
    ...                       "n": [4, 46], "mean": [11.2, 15.3]})
    >>> suppress_small_cells(table, count_columns=["count", "n"], summary_columns=["mean"])
      group  count     n  mean
    0   HCM   <NA>  <NA>   NaN
    1    CM     17    46  15.3
    """
    columns = [*count_columns, *summary_columns]
    if summary_columns:
        if n_column is None:
            raise ValueError(
                "n_column must name the column of head counts when summary_columns are "
                f"given, got None for {shown(summary_columns)}"
            )
        columns.append(n_column)
    require_columns(table, columns, name="table")
    if not isinstance(minimum, int | np.integer) or minimum < 1:
        raise ValueError(f"minimum must be an integer of at least 1, got {minimum!r}")
    out = table.copy()
    for column in count_columns:
        values = pd.to_numeric(out[column], errors="coerce")
        bad = out.loc[values.isna() & out[column].notna(), column]
        if len(bad):
            raise ValueError(
                f"table column {column!r} has non-numeric value(s) {shown(bad.unique())}; "
                "allowed: head counts"
            )
        small = values < minimum
        if keep_zero:
            small &= values != 0
        out[column] = values.round().astype("Int64").mask(small)
    if summary_columns:
        n = pd.to_numeric(table[n_column], errors="coerce")
        few = (n < minimum).to_numpy()
        for column in summary_columns:
            out[column] = out[column].astype(float).mask(few)
    return out


def aggregate_only(table: pd.DataFrame, *, minimum: int | None = None) -> pd.DataFrame:
    """Return ``table`` unchanged if it is safe to print: no participant-level rows.

    Call it as the last expression of a notebook cell that shows a table, so a cell
    can never display individuals by mistake.

    Parameters
    ----------
    table : pandas.DataFrame
        The table about to be displayed.
    minimum : int, optional
        If given, also require every value of an ``n`` column to be at least this.

    Returns
    -------
    pandas.DataFrame
        ``table`` itself (not a copy).

    Raises
    ------
    ValueError
        If ``table`` has a ``participant`` column or index level, or an ``n`` below
        ``minimum``.

    See Also
    --------
    suppress_small_cells : blanks small cells instead of refusing the table.

    Examples
    --------
    >>> aggregate_only(pd.DataFrame({"group": ["HCM"], "n": [51]}), minimum=5)
      group   n
    0   HCM  51
    >>> aggregate_only(pd.DataFrame({"participant": ["p01"], "value": [0.9]}))
    Traceback (most recent call last):
    ...
    ValueError: table has participant-level rows (column 'participant'); allowed: aggregates only
    """
    if not isinstance(table, pd.DataFrame):
        raise TypeError(f"table must be a pandas DataFrame, got {type(table).__name__}")
    if "participant" in table.columns or "participant" in (table.index.names or []):
        raise ValueError(
            "table has participant-level rows (column 'participant'); allowed: aggregates only"
        )
    if minimum is not None and "n" in table.columns:
        n = pd.to_numeric(table["n"], errors="coerce")
        small = n.loc[n < minimum]
        if len(small):
            raise ValueError(
                f"table has row(s) describing fewer than {minimum} people: n = "
                f"{shown(small.unique())}; allowed: n >= {minimum}"
            )
    return table
