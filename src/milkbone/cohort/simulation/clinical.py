"""The simulated clinical cohort: calibrated draws from a targets frame.

Everything the paper reports arrives as frames (targets, 25(OH)D category counts;
see :mod:`milkbone.cohort.simulation.targets`) so no published number lives here.

Method, per group of completers:

1. Correlated standard normals: for each measure an ``n x 3`` matrix with an
   exchangeable correlation ``rho`` across visits (:data:`CORRELATION`); age and
   menopause duration, and height and weight, are correlated pairs.
2. Exact moment matching per visit (:mod:`milkbone.cohort.simulation.matching`):
   normal measures affinely, skewed measures (:data:`LOG_SCALE`) on the log scale,
   age in whole years inside the stated range, 25(OH)D within the categories of
   Table 4.
3. Values are rounded to the decimals of the schema (one more than the paper
   prints for most measures), keeping means and SDs within half a printed unit.

Withdrawn participants have a baseline visit only, outside every target.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy.optimize import brentq

from milkbone.cohort.schema import BMD_COLUMNS, MEASURES, PARTICIPANT_FIELDS, VISIT_FIELDS
from milkbone.cohort.simulation.matching import (
    category_bounds,
    match_categories,
    match_integer,
    match_lognormal,
    match_normal,
    polish,
    standardise,
)
from milkbone.vocabulary import GROUPS, MONTHS

__all__ = ["CORRELATION", "LOG_SCALE", "Simulation", "simulate_frames"]

CORRELATION: dict[str, float] = {"bmd": 0.95, "serum": 0.6, "bmi": 0.95, "age_menopause": 0.8}
"""Default within-participant correlations of the standard normals behind the draws.

``bmd``: between any two visits of one BMD site (DXA test–retest and true stability);
``serum``: between visits of one serum marker; ``bmi``: between visits of BMI;
``age_menopause``: between age and menopause duration (so that age at menopause,
age minus duration, is about 50 ± 3.6 years). A measure slug as key overrides its
class. Height and weight are correlated at the level that reproduces the BMI SD.
"""

LOG_SCALE = ("ast", "tracp_5b", "ctx", "pinp", "oc", "igf_1", "ohd_25", "menopause_duration")
"""Right-skewed, strictly positive measures drawn on the log scale."""

_FIELDS = {f.name: f for f in (*PARTICIPANT_FIELDS, *VISIT_FIELDS)}


@dataclass
class Simulation:
    """Frames of a simulated cohort before formatting, with the facts to record."""

    participants: pd.DataFrame
    visits: pd.DataFrame
    report: dict = field(default_factory=dict)


def _tolerance(targets: pd.DataFrame, column: str) -> dict:
    """Half a unit of the last printed decimal per (measure, group, month); where the
    paper printed nothing (derived targets), half a unit of the decimals written."""
    out = {}
    decimals_column = f"{column}_decimals"
    for row in targets.itertuples(index=False):
        decimals = getattr(row, decimals_column, None)
        if decimals is None or pd.isna(decimals):
            decimals = _FIELDS[row.measure].decimals
        out[row.measure, row.group, int(row.month)] = 0.5 * 10.0 ** -int(decimals)
    return out


def _exchangeable(rng: np.random.Generator, n: int, k: int, rho: float) -> np.ndarray:
    common = rng.standard_normal((n, 1))
    own = rng.standard_normal((n, k))
    return math.sqrt(rho) * common + math.sqrt(1 - rho) * own


def _rho(correlation: dict[str, float], measure: str) -> float:
    if measure in correlation:
        return correlation[measure]
    if measure in BMD_COLUMNS:
        return correlation["bmd"]
    if measure == "bmi":
        return correlation["bmi"]
    return correlation["serum"]


def _round(values: np.ndarray, measure: str) -> np.ndarray:
    return np.round(values, _FIELDS[measure].decimals)


def _finish(values: np.ndarray, measure: str, target: dict, tolerance: tuple, low=None, high=None):
    """Round to the written decimals without losing the target mean and SD."""
    f = _FIELDS[measure]
    return polish(
        values,
        step=10.0**-f.decimals,
        mean=target["mean"],
        sd=target["sd"],
        low=f.low if low is None else low,
        high=f.high if high is None else high,
        mean_tolerance=tolerance[0],
        sd_tolerance=tolerance[1],
    ).round(f.decimals)


def _height_weight(
    rng: np.random.Generator, target: dict, tolerance: dict, n: int
) -> tuple[np.ndarray, np.ndarray, float]:
    """Height and weight matched exactly; their correlation solved for the BMI SD."""
    z_height = standardise(rng.standard_normal(n))
    noise = standardise(rng.standard_normal(n))
    height = _finish(
        match_normal(z_height, **target["height"]), "height", target["height"], tolerance["height"]
    )

    def weight_for(rho: float) -> np.ndarray:
        z = rho * z_height + math.sqrt(1 - rho**2) * noise
        return match_normal(z, **target["weight"])

    def bmi_sd_gap(rho: float) -> float:
        bmi = weight_for(rho) / (height / 100) ** 2
        return bmi.std(ddof=1) - target["bmi"]["sd"]

    if "bmi" in target and bmi_sd_gap(-0.5) * bmi_sd_gap(0.95) < 0:
        rho = brentq(bmi_sd_gap, -0.5, 0.95, xtol=1e-10)
    else:
        rho = 0.5
    weight = _finish(weight_for(rho), "weight", target["weight"], tolerance["weight"])
    return height, weight, rho


def _group_targets(rows: pd.DataFrame, group: str) -> tuple[dict, dict]:
    """``{(measure, month): {"mean", "sd"}}`` and ``{(measure, month): (mean, SD tolerance)}``."""
    target = {
        (r.measure, int(r.month)): {"mean": float(r.mean), "sd": float(r.sd)}
        for r in rows.itertuples(index=False)
    }
    mean_tol = _tolerance(rows, "mean")
    sd_tol = _tolerance(rows, "sd")
    tolerance = {
        (m, month): (mean_tol[m, group, month], sd_tol[m, group, month]) for m, month in target
    }
    return target, tolerance


def _baseline_people(
    rng: np.random.Generator,
    group: str,
    n: int,
    targets: tuple[dict, dict],
    correlation: dict[str, float],
    age_range: tuple[int, int],
) -> tuple[pd.DataFrame, float]:
    """Age, height, weight and menopause duration of the completers; the height–weight
    correlation used."""
    baseline = {m: t for (m, month), t in targets[0].items() if month == 0}
    tolerance = {m: t for (m, month), t in targets[1].items() if month == 0}
    people = pd.DataFrame({"group": [group] * n})
    # age and menopause duration, correlated
    rho = correlation["age_menopause"]
    z_age = rng.standard_normal(n)
    z_menopause = rho * z_age + math.sqrt(1 - rho**2) * rng.standard_normal(n)
    people["age"] = match_integer(
        z_age,
        **baseline["age"],
        low=age_range[0],
        high=age_range[1],
        mean_tolerance=tolerance["age"][0],
        sd_tolerance=tolerance["age"][1],
    )
    people["height"], people["weight"], rho_hw = _height_weight(
        rng, {m: baseline[m] for m in ("height", "weight", "bmi") if m in baseline}, tolerance, n
    )
    people["menopause_duration"] = _finish(
        match_lognormal(z_menopause, **baseline["menopause_duration"]),
        "menopause_duration",
        baseline["menopause_duration"],
        tolerance["menopause_duration"],
        low=0.1,
    )
    people["withdrawn"] = False
    return people, rho_hw


def _bmi_visits(rng: np.random.Generator, bmi0: np.ndarray, r: float) -> np.ndarray:
    """No follow-up anthropometry is reported: BMI keeps its baseline distribution."""
    n = len(bmi0)
    values = np.full((n, len(MONTHS)), np.nan)
    z0 = standardise(bmi0)
    shared = rng.standard_normal(n)
    values[:, 0] = bmi0
    for k in (1, 2):
        z = r * z0 + math.sqrt(r - r**2) * shared
        z = z + math.sqrt(1 - r) * rng.standard_normal(n)
        values[:, k] = _round(match_normal(z, mean=bmi0.mean(), sd=bmi0.std(ddof=1)), "bmi")
    return values


def _category_spec(categories: pd.DataFrame | None, group: str, month: int) -> list | None:
    """25(OH)D ``(low, high, count)`` of one arm and visit, or None where not given."""
    if categories is None:
        return None
    counts = categories[(categories["group"] == group) & (categories["month"] == month)]
    if not len(counts):
        return None
    return [
        (float(b.low), float(b.high), int(b.count))
        for b in counts.sort_values("low").itertuples(index=False)
    ]


def _measure_visits(
    z: np.ndarray, measure: str, group: str, targets: tuple[dict, dict], categories
) -> np.ndarray:
    """One measure at every visit with a target, matched and rounded."""
    target, tolerance = targets
    values = np.full((len(z), len(MONTHS)), np.nan)
    for k, month in enumerate(MONTHS):
        if (measure, month) not in target:
            continue
        t = target[measure, month]
        low = high = None
        spec = _category_spec(categories, group, month) if measure == "ohd_25" else None
        if spec is not None:
            low, high = category_bounds(z[:, k], spec)
            raw = match_categories(z[:, k], **t, categories=spec)
        elif measure in LOG_SCALE:
            raw = match_lognormal(z[:, k], **t)
            low = 10.0 ** -_FIELDS[measure].decimals  # stay positive after rounding
        else:
            raw = match_normal(z[:, k], **t)
        values[:, k] = _finish(raw, measure, t, tolerance[measure, month], low, high)
    return values


def _group(
    rng: np.random.Generator,
    group: str,
    targets: pd.DataFrame,
    categories: pd.DataFrame | None,
    correlation: dict[str, float],
    age_range: tuple[int, int],
) -> tuple[pd.DataFrame, pd.DataFrame, dict]:
    rows = targets[targets["group"] == group]
    n = int(rows["n"].iloc[0])
    own = _group_targets(rows, group)
    people, rho_hw = _baseline_people(rng, group, n, own, correlation, age_range)
    bmi0 = people["weight"].to_numpy() / (people["height"].to_numpy() / 100) ** 2
    bmi0 = _round(bmi0, "bmi")
    columns: dict[str, np.ndarray] = {}
    for measure in MEASURES:
        r = _rho(correlation, measure)
        if measure == "bmi":
            columns[measure] = _bmi_visits(rng, bmi0, r)
        else:
            z = _exchangeable(rng, n, len(MONTHS), r)
            columns[measure] = _measure_visits(z, measure, group, own, categories)
    visits = []
    for k, month in enumerate(MONTHS):
        frame = pd.DataFrame({"row": np.arange(n), "month": month})
        for measure in MEASURES:
            frame[measure] = columns[measure][:, k]
        visits.append(frame)
    report = {
        "height_weight_correlation": round(rho_hw, 4),
        "bmi_mean": round(float(bmi0.mean()), 3),
        "bmi_sd": round(float(bmi0.std(ddof=1)), 3),
    }
    return people, pd.concat(visits, ignore_index=True), report


def _withdrawn(
    rng: np.random.Generator,
    group: str,
    count: int,
    targets: pd.DataFrame,
    age_range: tuple[int, int],
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Baseline-only participants drawn from the group's baseline distributions (not
    moment-matched: they are not part of any published summary)."""
    base = targets[(targets["group"] == group) & (targets["month"] == 0)].set_index("measure")

    def draw(measure: str) -> np.ndarray:
        mean, sd = float(base.loc[measure, "mean"]), float(base.loc[measure, "sd"])
        z = rng.standard_normal(count)
        if measure in LOG_SCALE:
            sigma = math.sqrt(math.log1p((sd / mean) ** 2))
            values = np.exp(math.log(mean) - sigma**2 / 2 + sigma * z)
        else:
            values = mean + sd * z
        f = _FIELDS[measure]
        return _round(np.clip(values, f.low, f.high), measure)

    people = pd.DataFrame({"group": [group] * count})
    people["age"] = np.clip(np.rint(draw("age")), *age_range)
    for measure in ("height", "weight", "menopause_duration"):
        people[measure] = draw(measure)
    people["withdrawn"] = True
    visits = pd.DataFrame({"row": np.arange(count), "month": 0})
    visits["bmi"] = _round(people["weight"] / (people["height"] / 100) ** 2, "bmi")
    for measure in MEASURES:
        if measure != "bmi":
            visits[measure] = draw(measure)
    return people, visits


def _identify(
    rng: np.random.Generator, people_parts: list, visit_parts: list
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Identifiers in random order, so that neither arm nor withdrawal shows in the id;
    the parts joined, in the schema's columns, sorted."""
    total = sum(len(p) for p in people_parts)
    width = max(3, len(str(total)))
    ids = np.array([f"P{i + 1:0{width}d}" for i in range(total)])[rng.permutation(total)]
    offset = 0
    for people, visits in zip(people_parts, visit_parts, strict=True):
        own = ids[offset : offset + len(people)]
        people.insert(0, "participant", own)
        visits.insert(0, "participant", own[visits.pop("row").to_numpy()])
        offset += len(people)
    participants = pd.concat(people_parts, ignore_index=True)
    participants = participants[[f.name for f in PARTICIPANT_FIELDS]]
    participants = participants.sort_values("participant").reset_index(drop=True)
    visits = pd.concat(visit_parts, ignore_index=True)
    visits = visits[[f.name for f in VISIT_FIELDS]]
    visits = visits.sort_values(["participant", "month"]).reset_index(drop=True)
    return participants, visits


def simulate_frames(
    targets: pd.DataFrame,
    *,
    seed: int,
    categories: pd.DataFrame | None = None,
    correlation: dict[str, float] | None = None,
    age_range: tuple[int, int],
    withdrawn: dict[str, int] | None = None,
) -> Simulation:
    """Simulate completers (and withdrawals) matching ``targets``.

    Parameters
    ----------
    targets : DataFrame
        ``measure, group, month, mean, sd, n`` with optional ``mean_decimals`` and
        ``sd_decimals`` (printed precision, for age), one row per key; must cover
        every measure at month 0 and every follow-up to simulate (use
        :func:`milkbone.cohort.simulation.targets.follow_up_targets` for BMD).
    seed : int
        Seed of ``np.random.default_rng``.
    categories : DataFrame, optional
        25(OH)D counts: ``group, month, low, high, count``.
    correlation : dict, optional
        Overrides of :data:`CORRELATION`.
    age_range : (int, int)
        Inclusive bounds of age in whole years.
    withdrawn : dict, optional
        Number of withdrawn participants per group (baseline only).

    Returns
    -------
    Simulation
        ``participants`` and ``visits`` in the schema's columns, sorted, and a report.

    Raises
    ------
    ValueError
        If a correlation is outside [0, 1).
    """
    rng = np.random.default_rng(seed)
    rho = {**CORRELATION, **(correlation or {})}
    for key, value in rho.items():
        if not 0 <= value < 1:
            raise ValueError(f"correlation {key!r} must be in [0, 1), got {value}")
    withdrawn = withdrawn or {}
    groups = [g for g in GROUPS if g in set(targets["group"])]
    people_parts, visit_parts, report = [], [], {}
    for group in groups:
        people, visits, group_report = _group(rng, group, targets, categories, rho, age_range)
        people_parts.append(people)
        visit_parts.append(visits)
        report[group] = group_report
    for group in groups:
        count = withdrawn.get(group, 0)
        if count:
            people, visits = _withdrawn(rng, group, count, targets, age_range)
            people_parts.append(people)
            visit_parts.append(visits)
    participants, visits = _identify(rng, people_parts, visit_parts)
    return Simulation(participants, visits, report)
