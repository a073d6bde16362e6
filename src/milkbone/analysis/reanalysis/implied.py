"""The baseline–follow-up correlation ρ implied by the within-arm p-values the paper prints.

:func:`bmd_changes` gathers the printed baseline BMD and six-month changes per site and
arm; :func:`rho_from_paired_p` inverts one paired t-test; :func:`implied_rho` does so for
every printed change with a p-value.
"""

from __future__ import annotations

import itertools
import math
import re

import pandas as pd
from scipy import stats

from milkbone.analysis.reanalysis._common import EVIDENCE

__all__ = ["bmd_changes", "implied_rho", "rho_from_paired_p"]


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
            "evidence": [EVIDENCE],
        }
    )


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
        mean_change, p_within, evidence``, then ``mean_half, sd_half, percent_half,
        p_half``. ``percent_change`` is signed (a fall is negative) and ``mean_change =
        mean · percent_change/100`` (g/cm²), the change of the group mean; both NaN
        where §3.2 prints nothing, as is ``p_within``. The ``*_half`` columns are half a
        unit of the last digit each number is printed with (its rounding), NaN where
        nothing is printed.

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
        pct = p = pct_half = p_half = math.nan
        if stem and f"{key}.pct_6" in said.index:
            sign = -1.0 if said.loc[f"{key}.pct_6", "direction"] == "decrease" else 1.0
            pct = sign * float(said.loc[f"{key}.pct_6", "value"])
            pct_half = _half_unit(said.loc[f"{key}.pct_6", "printed"])
        if stem and f"{key}.p_6" in said.index:
            p = float(said.loc[f"{key}.p_6", "value"])
            p_half = _half_unit(said.loc[f"{key}.p_6", "printed"])
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
                "evidence": EVIDENCE,
                "mean_half": _half_unit(rec.get("mean_text", rec["mean"])),
                "sd_half": _half_unit(rec.get("sd_text", rec["sd"])),
                "percent_half": pct_half,
                "p_half": p_half,
            }
        )
    return pd.DataFrame(rows)


def _half_unit(printed) -> float:
    """Half a unit of the last digit of a printed number: ``"0.123"`` → 0.0005."""
    match = re.search(r"\d+(?:\.(\d+))?", str(printed).replace(",", ""))
    if match is None:
        return math.nan
    return 0.5 * 10.0 ** -len(match.group(1) or "")


def implied_rho(changes: pd.DataFrame, *, p_half_unit: float = 0.0005) -> pd.DataFrame:
    """:func:`rho_from_paired_p` for every row of :func:`bmd_changes` with a change and p.

    Parameters
    ----------
    changes : DataFrame
        Output of :func:`bmd_changes`.
    p_half_unit : float, default 0.0005
        Half a unit of the last printed digit of the p-values (three decimals), used
        when ``changes`` has no ``p_half`` column.

    Returns
    -------
    DataFrame
        ``measure, group`` then the columns of :func:`rho_from_paired_p`; the
        follow-up SD is taken equal to the baseline SD. ``rho_low`` and ``rho_high``
        span every corner of the rounding of all the printed inputs that ``changes``
        gives a half unit for (``mean_half, sd_half, percent_half, p_half``): the
        baseline mean and SD, the percent change and p; over p alone otherwise.

    Notes
    -----
    With equal SDs ``ρ = 1 − (mean · change)² n / (2 t² s²)``, monotone in each input,
    so its range over the box of rounding intervals is reached at a corner.

    Examples
    --------
    >>> from milkbone import published
    >>> t = bmd_changes(published.summary_statistics(), published.prose())
    >>> implied_rho(t)[["measure", "group", "rho", "rho_low", "rho_high"]].round(3)
                     measure group    rho  rho_low  rho_high
    0               l1_4_bmd   HCM  0.912    0.904     0.920
    1               l1_4_bmd    CM  0.936    0.930     0.941
    2  left_femoral_neck_bmd   HCM  0.922    0.917     0.927
    3           left_hip_bmd   HCM  0.915    0.909     0.920
    """
    usable = changes.dropna(subset=["mean_change", "p_within"])
    parts = []
    for r in usable.to_dict("records"):
        half_p = r.get("p_half", p_half_unit)
        point = rho_from_paired_p(
            mean_change=r["mean_change"],
            sd0=r["sd"],
            sd1=r["sd"],
            n=int(r["n"]),
            p=r["p_within"],
            p_low=r["p_within"] - half_p,
            p_high=r["p_within"] + half_p,
        )
        corners = _corner_rhos(r, half_p) if "mean_half" in r else []
        if corners:
            point["rho_low"], point["rho_high"] = min(corners), max(corners)
            point["method"] += "; range over the rounding of p, change, baseline mean and SD"
        parts.append(point.assign(measure=r["measure"], group=r["group"]))
    out = pd.concat(parts, ignore_index=True)
    return out[["measure", "group", *[c for c in out.columns if c not in ("measure", "group")]]]


def _corner_rhos(r: dict, half_p: float) -> list[float]:
    """ρ at every corner of the rounding box of mean, SD, percent change and p."""
    box = [
        (r[name] - r[half], r[name] + r[half])
        for name, half in (
            ("mean", "mean_half"),
            ("sd", "sd_half"),
            ("percent_change", "percent_half"),
        )
    ]
    p_ends = (max(r["p_within"] - half_p, 1e-300), r["p_within"] + half_p)
    return [
        float(
            rho_from_paired_p(mean_change=mean * pct / 100, sd0=sd, sd1=sd, n=int(r["n"]), p=p).loc[
                0, "rho"
            ]
        )
        for (mean, sd, pct), p in itertools.product(itertools.product(*box), p_ends)
    ]
