"""The family of clinical endpoints: multiplicity of the printed p-values, and power.

:func:`clinical_between_arm_p` collects the printed between-arm p-values after baseline;
:func:`multiplicity` adjusts them (Holm, Benjamini–Hochberg); :func:`bmd_power` gives the
smallest difference the trial could detect per BMD site and its power for the reported
effects.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np
import pandas as pd
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.power import TTestIndPower

from milkbone.analysis.reanalysis._common import EVIDENCE, pooled

__all__ = ["bmd_power", "clinical_between_arm_p", "multiplicity"]


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
    out["evidence"] = EVIDENCE
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
        sd = pooled((float(by.loc["HCM", "sd"]), float(by.loc["CM", "sd"])), (n1, n2))
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
                "evidence": EVIDENCE,
            }
        )
    return pd.DataFrame(rows)
