"""Re-analyses the paper did not do, computed only from the numbers it prints.

Four questions, each answered by a small function that takes printed summaries
(scalars or a frame) and returns a tidy frame with ``evidence = "recomputed"``:

1. :func:`between_arm_by_rho`: would the between-arm BMD difference stay significant
   as a change from baseline, or after adjusting for baseline (ANCOVA)? Both need the
   within-participant correlation ρ of baseline and follow-up, which is not printed,
   so the answer is a curve in ρ.
2. :func:`rho_from_paired_p`: the ρ implied by a within-arm paired p-value the paper
   prints, with the range allowed by rounding.
3. :func:`multiplicity`: Holm and Benjamini–Hochberg adjustment of the printed
   between-arm p-values of the clinical endpoints (:func:`clinical_between_arm_p`).
4. :func:`bmd_power`: the smallest standardised and absolute difference the trial
   could detect per BMD site, and its power for the effects it reports.

The formulas are stated in each Notes section; they are the standard large-sample
approximations for summary data (Senn, *Statistical Issues in Drug Development*, 2nd
ed., 2007, §7.2; Vickers & Altman, *BMJ* 2001;323:1123).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
from scipy import stats
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.power import TTestIndPower

from milkbone._validate import require_columns

__all__ = [
    "between_arm_by_rho",
    "between_arm_curves",
    "bmd_changes",
    "bmd_power",
    "clinical_between_arm_p",
    "followup_difference_from_p",
    "implied_rho",
    "multiplicity",
    "p_at_rho",
    "rho_from_paired_p",
]

_EVIDENCE = "recomputed"


def _pair(name: str, value: Sequence[float]) -> tuple[float, float]:
    if len(value) != 2:
        raise ValueError(f"{name} must hold two values (HCM, CM), got {value!r}")
    a, b = (float(v) for v in value)
    return a, b


def _pooled(sd: tuple[float, float], n: tuple[int, int]) -> float:
    return math.sqrt(((n[0] - 1) * sd[0] ** 2 + (n[1] - 1) * sd[1] ** 2) / (sum(n) - 2))


def _check_sizes(n: Sequence[int]) -> tuple[int, int]:
    if len(n) != 2 or any(int(v) != v or v < 2 for v in n):
        raise ValueError(f"n must hold two group sizes >= 2 (HCM, CM), got {n!r}")
    return int(n[0]), int(n[1])


def followup_difference_from_p(
    p: float, *, sd: Sequence[float], n: Sequence[int] = (51, 46)
) -> pd.DataFrame:
    """The between-arm difference a printed two-sided p implies for a pooled t test.

    Parameters
    ----------
    p : float
        The printed p-value, in (0, 1).
    sd : sequence of two floats
        SDs of the compared values in HCM and CM.
    n : sequence of two ints, default (51, 46)
        Group sizes.

    Returns
    -------
    DataFrame
        One row: ``p, statistic, dof, se, difference, n_hcm, n_cm, method, evidence``;
        ``difference`` is the absolute difference of means.

    Raises
    ------
    ValueError
        If ``p`` is not in (0, 1) or the sizes are not two integers >= 2.

    Notes
    -----
    ``|t| = t⁻¹(1 − p/2; n1 + n2 − 2)``, ``difference = |t| · s_p · √(1/n1 + 1/n2)``.

    Examples
    --------
    Paper §3.2: L1–4 BMD at 12 months, p = 0.041, taking the baseline SDs of Table 2.

    >>> followup_difference_from_p(0.041, sd=(0.123, 0.107))[["statistic", "difference"]].round(4)
       statistic  difference
    0     2.0717      0.0487
    """
    if not 0.0 < p < 1.0:
        raise ValueError(f"p must lie in (0, 1), got {p!r}")
    sizes = _check_sizes(n)
    sds = _pair("sd", sd)
    dof = sum(sizes) - 2
    t = float(stats.t.isf(p / 2, dof))
    se = _pooled(sds, sizes) * math.sqrt(1 / sizes[0] + 1 / sizes[1])
    return pd.DataFrame(
        {
            "p": [p],
            "statistic": [t],
            "dof": [float(dof)],
            "se": [se],
            "difference": [t * se],
            "n_hcm": [sizes[0]],
            "n_cm": [sizes[1]],
            "method": ["inverse of a pooled two-sample t test (scipy.stats.t.isf)"],
            "evidence": [_EVIDENCE],
        }
    )


def between_arm_by_rho(
    *,
    diff0: float,
    diff1: float,
    sd0: Sequence[float],
    sd1: Sequence[float],
    n: Sequence[int] = (51, 46),
    rho: Sequence[float] | float = (0.0, 0.5, 0.9),
) -> pd.DataFrame:
    """Between-arm test of follow-up values, of changes from baseline and by ANCOVA, by ρ.

    Parameters
    ----------
    diff0, diff1 : float
        HCM minus CM mean at baseline and at follow-up.
    sd0, sd1 : sequence of two floats
        SDs (HCM, CM) at baseline and at follow-up.
    n : sequence of two ints, default (51, 46)
        Group sizes.
    rho : float or sequence of float, default (0, 0.5, 0.9)
        Within-participant correlation of baseline and follow-up, each in [0, 1).

    Returns
    -------
    DataFrame
        Three rows per ρ, ``method`` ``"follow-up"``, ``"change"``, ``"ancova"``;
        columns ``rho, method, difference, sd, se, statistic, dof, p, n_hcm, n_cm,
        evidence``. ``sd`` is the SD of the analysed quantity (follow-up value, change,
        or ANCOVA residual); ``p`` two-sided.

    Raises
    ------
    ValueError
        If a ρ is outside [0, 1), an SD is not positive or the sizes are invalid.

    Notes
    -----
    With pooled SDs ``s0``, ``s1`` (``(n−1)``-weighted) and ``N = n1 + n2``:

    - follow-up: ``d = Δ1``, ``SD = s1``, ``dof = N − 2`` (ρ plays no part);
    - change: ``d = Δ1 − Δ0``, ``SD = √(s0² + s1² − 2ρ s0 s1)``, ``dof = N − 2``;
    - ANCOVA (the standard approximation): slope ``b = ρ s1/s0``, ``d = Δ1 − bΔ0``,
      residual ``SD = s1 √((1 − ρ²)(N − 2)/(N − 3))`` (≈ ``s1 √(1 − ρ²)``),
      ``se = SD · √(1/n1 + 1/n2 + Δ0²/((N − 2)s0²))`` (the last term is the
      uncertainty of ``b`` times the baseline imbalance), ``dof = N − 3``. This is
      exactly the OLS fit ``follow-up ~ arm + baseline`` when ρ is the pooled
      within-arm correlation and the SDs are the same in both arms.

    ``se = SD · √(1/n1 + 1/n2)`` for the first two; ``t = d/se``. The formulas assume
    the same ρ in both arms.

    Examples
    --------
    Paper Table 2 and §3.2, L1–4 BMD at 6 months: baseline difference 0.046 g/cm²,
    follow-up difference from the printed +2.3% and +1.5%, SD unchanged.

    >>> res = between_arm_by_rho(diff0=0.046, diff1=0.981 * 1.023 - 0.935 * 1.015,
    ...                          sd0=(0.123, 0.107), sd1=(0.123, 0.107), rho=0.9)
    >>> res[["method", "difference", "p"]].round(4)
          method  difference       p
    0  follow-up      0.0545  0.0226
    1     change      0.0085  0.4191
    2     ancova      0.0131  0.2146
    """
    sizes = _check_sizes(n)
    s0, s1 = _pooled(_pair("sd0", sd0), sizes), _pooled(_pair("sd1", sd1), sizes)
    if min(*_pair("sd0", sd0), *_pair("sd1", sd1)) <= 0:
        raise ValueError(f"SDs must be positive, got sd0={sd0!r}, sd1={sd1!r}")
    rhos = np.atleast_1d(np.asarray(rho, dtype=float))
    if np.any((rhos < 0) | (rhos >= 1)):
        raise ValueError(f"rho must lie in [0, 1), got {rho!r}")
    big_n = sum(sizes)
    root = math.sqrt(1 / sizes[0] + 1 / sizes[1])
    rows = []
    for r in rhos:
        b = r * s1 / s0
        sd_change = math.sqrt(max(s0**2 + s1**2 - 2 * r * s0 * s1, 0.0))
        sd_res = s1 * math.sqrt((1 - r**2) * (big_n - 2) / (big_n - 3))
        extra = diff0**2 / ((big_n - 2) * s0**2)
        designs = (
            ("follow-up", diff1, s1, s1 * root, big_n - 2),
            ("change", diff1 - diff0, sd_change, sd_change * root, big_n - 2),
            ("ancova", diff1 - b * diff0, sd_res, sd_res * math.sqrt(root**2 + extra), big_n - 3),
        )
        for method, d, sd, se, dof in designs:
            t = d / se if se > 0 else math.copysign(math.inf, d)
            rows.append(
                {
                    "rho": float(r),
                    "method": method,
                    "difference": d,
                    "sd": sd,
                    "se": se,
                    "statistic": t,
                    "dof": float(dof),
                    "p": float(2 * stats.t.sf(abs(t), dof)),
                    "n_hcm": sizes[0],
                    "n_cm": sizes[1],
                    "evidence": _EVIDENCE,
                }
            )
    return pd.DataFrame(rows)


def rho_from_paired_p(
    *,
    mean_change: float,
    sd0: float,
    sd1: float,
    n: int,
    p: float,
    p_low: float | None = None,
    p_high: float | None = None,
) -> pd.DataFrame:
    """The baseline–follow-up correlation implied by a printed paired-t p-value.

    Parameters
    ----------
    mean_change : float
        Mean within-arm change (follow-up minus baseline).
    sd0, sd1 : float
        SDs at baseline and follow-up.
    n : int
        Participants in the arm.
    p : float
        The printed two-sided paired p-value.
    p_low, p_high : float, optional
        Ends of ``p``'s rounding interval; give both to get ``rho_low``/``rho_high``.

    Returns
    -------
    DataFrame
        One row: ``n, mean_change, p, statistic, sd_change, rho, rho_low, rho_high,
        method, evidence``. ``rho`` may exceed 1 when the printed p is too small for
        the printed SDs (no correlation can produce it), which ``method`` says.

    Raises
    ------
    ValueError
        If ``p`` is not in (0, 1), an SD is not positive or ``n < 2``.

    Notes
    -----
    ``t = t⁻¹(1 − p/2; n − 1)``, ``SD_change = |mean change| · √n / t`` and, from
    ``SD_change² = s0² + s1² − 2ρ s0 s1``, ``ρ = (s0² + s1² − SD_change²)/(2 s0 s1)``.
    A smaller p means a larger t, a smaller SD of change and a larger ρ.

    Examples
    --------
    Paper §3.2: HCM L1–4 BMD +2.3% at 6 months (p = 0.003), baseline 0.981 ± 0.123,
    follow-up SD taken equal to the baseline SD.

    >>> res = rho_from_paired_p(mean_change=0.981 * 0.023, sd0=0.123, sd1=0.123, n=51,
    ...                         p=0.003, p_low=0.0025, p_high=0.0035)
    >>> res[["statistic", "sd_change", "rho", "rho_low", "rho_high"]].round(3)
       statistic  sd_change    rho  rho_low  rho_high
    0       3.12      0.052  0.912    0.909     0.915
    """
    if not 0.0 < p < 1.0:
        raise ValueError(f"p must lie in (0, 1), got {p!r}")
    if sd0 <= 0 or sd1 <= 0:
        raise ValueError(f"sd0 and sd1 must be positive, got {sd0!r} and {sd1!r}")
    if int(n) != n or n < 2:
        raise ValueError(f"n must be an integer >= 2, got {n!r}")

    def solve(q: float) -> tuple[float, float, float]:
        t = float(stats.t.isf(q / 2, n - 1))
        sd_change = abs(mean_change) * math.sqrt(n) / t
        return t, sd_change, (sd0**2 + sd1**2 - sd_change**2) / (2 * sd0 * sd1)

    t, sd_change, rho = solve(p)
    low = high = math.nan
    if p_low is not None and p_high is not None:
        # a larger p gives a smaller rho
        low, high = solve(p_high)[2], solve(max(p_low, 1e-300))[2]
    method = "inverse of a paired t test (scipy.stats.t.isf)"
    if rho > 1:
        method += "; rho > 1: no correlation reproduces this p with these SDs"
    return pd.DataFrame(
        {
            "n": [int(n)],
            "mean_change": [mean_change],
            "p": [p],
            "statistic": [t],
            "sd_change": [sd_change],
            "rho": [rho],
            "rho_low": [low],
            "rho_high": [high],
            "method": [method],
            "evidence": [_EVIDENCE],
        }
    )


def clinical_between_arm_p(claims: pd.DataFrame) -> pd.DataFrame:
    """The printed between-arm p-values of the clinical endpoints after baseline.

    Parameters
    ----------
    claims : DataFrame
        The claims registry (``published.claims()``).

    Returns
    -------
    DataFrame
        ``claim_id, endpoint, timepoint, printed, p, bound`` for every between-arm
        p-value at 6 or 12 months in §3.2 (BMD, prose) and §3.3 (Table 3 "P-value" rows
        and Table 4), one per endpoint and visit. ``p`` is the printed number; a printed
        bound ``<0.001`` is taken at 0.001 (``bound`` True), which makes any adjustment
        conservative.

    Raises
    ------
    KeyError
        If ``claims`` lacks a registry column.

    Examples
    --------
    >>> from milkbone import published
    >>> tab = clinical_between_arm_p(published.claims())
    >>> len(tab), int(tab["bound"].sum())
    (18, 2)
    """
    need = {"claim_id", "published_value", "timepoint", "check_kind", "groups"}
    missing = need - set(claims.columns)
    if missing:
        raise KeyError(f"claims lacks column(s) {sorted(missing)}")
    later = claims["timepoint"].isin(["m6", "m12"]) & (claims["groups"] == "HCM vs CM")
    table3 = claims["claim_id"].str.match(r"^t3\.[a-z0-9_]+\.between\.m(6|12)$")
    table4 = claims["claim_id"].str.match(r"^t4\.p\.m(6|12)$")
    bmd = claims["claim_id"].str.match(r"^r3_2\.[a-z0-9_]+\.between\.p_(6|12)$")
    rows = claims[later & (table3 | table4 | bmd)]
    out = []
    for r in rows.to_dict("records"):
        text = str(r["published_value"]).replace("\u202f", " ")
        number = float(text.split("=")[-1].split("<")[-1].strip())
        parts = r["claim_id"].split(".")
        endpoint = {"t3": parts[1], "t4": "ohd_25_categories", "r3_2": f"{parts[1]}_bmd"}[parts[0]]
        out.append(
            {
                "claim_id": r["claim_id"],
                "endpoint": endpoint,
                "timepoint": r["timepoint"],
                "printed": r["published_value"],
                "p": number,
                "bound": "<" in text,
            }
        )
    return pd.DataFrame(out, columns=["claim_id", "endpoint", "timepoint", "printed", "p", "bound"])


def multiplicity(p_values: pd.DataFrame, *, alpha: float = 0.05) -> pd.DataFrame:
    """Holm and Benjamini–Hochberg adjustment of a family of p-values.

    Parameters
    ----------
    p_values : DataFrame
        One row per test with a column ``p`` (other columns are kept).
    alpha : float, default 0.05
        Family-wise error rate (Holm) and false discovery rate (BH).

    Returns
    -------
    DataFrame
        The input columns plus ``p_holm, p_bh, significant, significant_holm,
        significant_bh, n_tests, method, evidence``, sorted by ``p``.

    Raises
    ------
    KeyError
        If there is no ``p`` column.
    ValueError
        If a p is outside [0, 1] or ``alpha`` is not in (0, 1).

    Notes
    -----
    ``statsmodels.stats.multitest.multipletests`` with ``method="holm"`` and
    ``"fdr_bh"``. Holm controls the chance of any false positive among the tests;
    BH the expected share of false positives among those called significant.

    Examples
    --------
    >>> tab = pd.DataFrame({"p": [0.001, 0.01, 0.04, 0.3]})
    >>> multiplicity(tab)[["p", "p_holm", "p_bh"]].round(3)
           p  p_holm   p_bh
    0  0.001   0.004  0.004
    1  0.010   0.030  0.020
    2  0.040   0.080  0.053
    3  0.300   0.300  0.300
    """
    if "p" not in p_values.columns:
        raise KeyError("p_values needs a column 'p'")
    if not 0.0 < alpha < 1.0:
        raise ValueError(f"alpha must lie in (0, 1), got {alpha!r}")
    p = p_values["p"].to_numpy(dtype=float)
    if np.any((p < 0) | (p > 1)) or np.any(np.isnan(p)):
        raise ValueError(f"p must lie in [0, 1], got {p[(p < 0) | (p > 1)].tolist()[:5]}")
    out = p_values.copy()
    holm = multipletests(p, alpha=alpha, method="holm")
    bh = multipletests(p, alpha=alpha, method="fdr_bh")
    out["p_holm"], out["p_bh"] = holm[1], bh[1]
    out["significant"] = p < alpha
    out["significant_holm"], out["significant_bh"] = holm[0], bh[0]
    out["n_tests"] = len(p)
    out["method"] = "statsmodels multipletests(method='holm' / 'fdr_bh')"
    out["evidence"] = _EVIDENCE
    return out.sort_values("p", kind="stable").reset_index(drop=True)


def bmd_power(
    baseline: pd.DataFrame,
    *,
    effects: Mapping[str, float] | None = None,
    rho: float = 0.9,
    alpha: float = 0.05,
    power: float = 0.8,
) -> pd.DataFrame:
    """Minimum detectable difference per BMD site, and power for the reported effects.

    Parameters
    ----------
    baseline : DataFrame
        Baseline summaries, one row per measure and group: ``measure, group, sd, n``
        (e.g. the BMD rows of ``published.summary_statistics()`` at month 0).
    effects : mapping of str to float, optional
        The between-arm difference in change the paper reports per measure (g/cm²).
    rho : float, default 0.9
        Baseline–follow-up correlation used for the change-score SD.
    alpha, power : float
        Two-sided level and target power.

    Returns
    -------
    DataFrame
        One row per measure: ``measure, n_hcm, n_cm, sd, sd_change, mdes_d,
        mdes_followup, mdes_change, effect, power_followup, power_change, rho, method,
        evidence``. ``mdes_d`` is the smallest standardised difference detectable,
        ``mdes_followup = mdes_d · sd`` and ``mdes_change = mdes_d · sd_change`` in
        g/cm²; the powers are for ``effect`` (NaN without one).

    Raises
    ------
    KeyError
        If a column is missing.
    ValueError
        If a measure lacks an HCM or CM row, or ``rho`` is outside [0, 1).

    Notes
    -----
    ``statsmodels.stats.power.TTestIndPower`` (two-sample t test, pooled SD), with
    ``nobs1 = n_HCM`` and ``ratio = n_CM/n_HCM``. ``sd`` is the pooled baseline SD,
    the SD of a follow-up value when it does not change; ``sd_change =
    sd · √(2(1 − ρ))`` (equal SDs at both visits).

    Examples
    --------
    >>> base = pd.DataFrame({"measure": ["l1_4_bmd"] * 2, "group": ["HCM", "CM"],
    ...                      "sd": [0.123, 0.107], "n": [51, 46]})
    >>> bmd_power(base, effects={"l1_4_bmd": 0.0085})[
    ...     ["mdes_d", "mdes_followup", "mdes_change", "power_change"]].round(3)
       mdes_d  mdes_followup  mdes_change  power_change
    0   0.576          0.067         0.03         0.126
    """
    missing = {"measure", "group", "sd", "n"} - set(baseline.columns)
    if missing:
        raise KeyError(f"baseline lacks column(s) {sorted(missing)}")
    if not 0.0 <= rho < 1.0:
        raise ValueError(f"rho must lie in [0, 1), got {rho!r}")
    engine = TTestIndPower()
    effects = dict(effects or {})
    rows = []
    for measure, g in baseline.groupby("measure", sort=False):
        by = g.set_index("group")
        if not {"HCM", "CM"} <= set(by.index):
            raise ValueError(f"measure {measure!r} needs an HCM and a CM row")
        n1, n2 = int(by.loc["HCM", "n"]), int(by.loc["CM", "n"])
        sd = _pooled((float(by.loc["HCM", "sd"]), float(by.loc["CM", "sd"])), (n1, n2))
        sd_change = sd * math.sqrt(2 * (1 - rho))
        d = float(
            engine.solve_power(nobs1=n1, ratio=n2 / n1, alpha=alpha, power=power, effect_size=None)
        )
        effect = effects.get(measure, math.nan)

        def power_at(scale: float, effect: float = effect, n1: int = n1, n2: int = n2) -> float:
            if math.isnan(effect):
                return math.nan
            return float(
                engine.power(effect_size=abs(effect) / scale, nobs1=n1, ratio=n2 / n1, alpha=alpha)
            )

        rows.append(
            {
                "measure": measure,
                "n_hcm": n1,
                "n_cm": n2,
                "sd": sd,
                "sd_change": sd_change,
                "mdes_d": d,
                "mdes_followup": d * sd,
                "mdes_change": d * sd_change,
                "effect": effect,
                "power_followup": power_at(sd),
                "power_change": power_at(sd_change),
                "rho": rho,
                "method": f"statsmodels TTestIndPower (alpha={alpha:g}, power={power:g})",
                "evidence": _EVIDENCE,
            }
        )
    return pd.DataFrame(rows)


_BMD_STEMS = {"l1_4_bmd": "l1_4", "left_hip_bmd": "left_hip", "left_femoral_neck_bmd": "left_fn"}
"""Prose id stem of each BMD site whose six-month change §3.2 prints."""


def bmd_changes(summary: pd.DataFrame, prose: pd.DataFrame) -> pd.DataFrame:
    """Baseline BMD by site and arm with the six-month change and p that §3.2 prints.

    Parameters
    ----------
    summary : DataFrame
        ``published.summary_statistics()`` (rows of other measures and months ignored).
    prose : DataFrame
        ``published.prose()``.

    Returns
    -------
    DataFrame
        One row per BMD site and arm: ``measure, group, mean, sd, n, percent_change,
        mean_change, p_within, evidence``. ``percent_change`` is signed (a fall is
        negative) and ``mean_change = mean · percent_change/100`` (g/cm²), the change
        of the group mean; both NaN where §3.2 prints nothing, as is ``p_within``.

    Raises
    ------
    KeyError
        If a required column is missing.

    Examples
    --------
    >>> from milkbone import published
    >>> t = bmd_changes(published.summary_statistics(), published.prose())
    >>> t[t["measure"] == "left_hip_bmd"][["group", "percent_change", "p_within"]]
      group  percent_change  p_within
    4   HCM             2.2     0.014
    5    CM            -0.1       NaN
    """
    need = {"measure", "group", "month", "mean", "sd", "n"}
    if need - set(summary.columns):
        raise KeyError(f"summary lacks column(s) {sorted(need - set(summary.columns))}")
    if {"prose_id", "value", "direction"} - set(prose.columns):
        raise KeyError("prose needs columns prose_id, value, direction")
    base = summary[(summary["month"] == 0) & summary["measure"].str.endswith("_bmd")]
    said = prose.set_index("prose_id")
    rows = []
    for rec in base.to_dict("records"):
        stem = _BMD_STEMS.get(rec["measure"])
        key = f"r3_2.{stem}.{rec['group'].lower()}"
        pct = p = math.nan
        if stem and f"{key}.pct_6" in said.index:
            sign = -1.0 if said.loc[f"{key}.pct_6", "direction"] == "decrease" else 1.0
            pct = sign * float(said.loc[f"{key}.pct_6", "value"])
        if stem and f"{key}.p_6" in said.index:
            p = float(said.loc[f"{key}.p_6", "value"])
        rows.append(
            {
                "measure": rec["measure"],
                "group": rec["group"],
                "mean": float(rec["mean"]),
                "sd": float(rec["sd"]),
                "n": int(rec["n"]),
                "percent_change": pct,
                "mean_change": float(rec["mean"]) * pct / 100,
                "p_within": p,
                "evidence": _EVIDENCE,
            }
        )
    return pd.DataFrame(rows)


def implied_rho(changes: pd.DataFrame, *, p_half_unit: float = 0.0005) -> pd.DataFrame:
    """:func:`rho_from_paired_p` for every row of :func:`bmd_changes` with a change and p.

    Parameters
    ----------
    changes : DataFrame
        Output of :func:`bmd_changes`.
    p_half_unit : float, default 0.0005
        Half a unit of the last printed digit of the p-values (three decimals).

    Returns
    -------
    DataFrame
        ``measure, group`` then the columns of :func:`rho_from_paired_p`; the
        follow-up SD is taken equal to the baseline SD.

    Examples
    --------
    >>> from milkbone import published
    >>> t = bmd_changes(published.summary_statistics(), published.prose())
    >>> implied_rho(t)[["measure", "group", "rho"]].round(3)
                     measure group    rho
    0               l1_4_bmd   HCM  0.912
    1               l1_4_bmd    CM  0.936
    2  left_femoral_neck_bmd   HCM  0.922
    3           left_hip_bmd   HCM  0.915
    """
    usable = changes.dropna(subset=["mean_change", "p_within"])
    parts = [
        rho_from_paired_p(
            mean_change=r["mean_change"],
            sd0=r["sd"],
            sd1=r["sd"],
            n=int(r["n"]),
            p=r["p_within"],
            p_low=r["p_within"] - p_half_unit,
            p_high=r["p_within"] + p_half_unit,
        ).assign(measure=r["measure"], group=r["group"])
        for r in usable.to_dict("records")
    ]
    out = pd.concat(parts, ignore_index=True)
    return out[["measure", "group", *[c for c in out.columns if c not in ("measure", "group")]]]


def between_arm_curves(
    *,
    diff0: float,
    followup: Mapping[int, float],
    sd0: Sequence[float],
    n: Sequence[int] = (51, 46),
    rho: Sequence[float] = tuple(np.round(np.linspace(0, 0.99, 100), 4)),
) -> pd.DataFrame:
    """:func:`between_arm_by_rho` for several follow-up visits, follow-up SD = baseline SD.

    Parameters
    ----------
    diff0 : float
        HCM minus CM mean at baseline.
    followup : mapping of int to float
        Month → HCM minus CM mean at that visit.
    sd0 : sequence of two floats
        Baseline SDs (HCM, CM), also used at follow-up.
    n : sequence of two ints, default (51, 46)
        Group sizes.
    rho : sequence of float, default 100 values from 0 to 0.99
        Correlations.

    Returns
    -------
    DataFrame
        The columns of :func:`between_arm_by_rho` plus ``month``.

    Examples
    --------
    >>> c = between_arm_curves(diff0=0.046, followup={6: 0.0545}, sd0=(0.123, 0.107),
    ...                        rho=[0.9])
    >>> c[["month", "method", "p"]].round(3)
       month     method      p
    0      6  follow-up  0.023
    1      6     change  0.421
    2      6     ancova  0.216
    """
    parts = [
        between_arm_by_rho(diff0=diff0, diff1=d, sd0=sd0, sd1=sd0, n=n, rho=rho).assign(month=m)
        for m, d in followup.items()
    ]
    return pd.concat(parts, ignore_index=True)


def p_at_rho(curves: pd.DataFrame, *, rho: float) -> pd.DataFrame:
    """The rows of :func:`between_arm_curves` at the grid point nearest ``rho``.

    Parameters
    ----------
    curves : DataFrame
        Output of :func:`between_arm_curves` (columns ``month``, ``method``, ``rho``, ``p``).
    rho : float
        The correlation wanted, in [0, 1).

    Returns
    -------
    DataFrame
        One row per month and method, the columns of ``curves``, at the single grid value
        of ρ nearest ``rho``.

    Examples
    --------
    >>> c = between_arm_curves(diff0=0.046, followup={6: 0.0545}, sd0=(0.123, 0.107),
    ...                        rho=[0.5, 0.9])
    >>> p_at_rho(c, rho=0.88)["rho"].unique().tolist()
    [0.9]
    """
    require_columns(curves, ["month", "method", "rho", "p"], name="curves")
    if not 0 <= rho < 1:
        raise ValueError(f"rho must be in [0, 1), got {rho!r}")
    grid = curves["rho"].to_numpy()
    nearest = grid[np.abs(grid - rho).argmin()]
    return curves[curves["rho"] == nearest].reset_index(drop=True)
