"""Engine of the simulated cohort: calibrated draws from a targets frame.

Private to :mod:`milkbone.cohort`. Everything the paper reports arrives as frames
(targets, percent changes, 25(OH)D category counts) so no published number lives
here; :mod:`milkbone.cohort` builds those frames from :mod:`milkbone.published`.

Method, per group of completers:

1. Correlated standard normals: for each measure an ``n x 3`` matrix with an
   exchangeable correlation ``rho`` across visits (``CORRELATION``); age and
   menopause duration, and height and weight, are correlated pairs.
2. Exact moment matching per visit: each column is standardised (sample mean 0,
   SD 1) and mapped monotonically onto the target, so ranks, and hence the copula,
   are kept:

   - normal measures: ``mean + sd * z``;
   - skewed measures (:data:`LOG_SCALE`): ``c * exp(sigma * z)`` with ``sigma``
     solved so the sample coefficient of variation equals ``sd / mean`` and ``c``
     so the sample mean equals ``mean``: exact mean and SD on the original scale,
     always positive;
   - age: rounded to whole years inside the stated range, then moved by single
     years until mean and SD are within half a unit of the printed decimals;
   - 25(OH)D: participants are ranked by ``z`` and the lowest ``k`` put in the
     deficient category, and so on up, with the counts of Table 4; the values are
     then the closest (least squares) to the log-normal draw that lie in their
     category and have exactly the target mean and SD (SLSQP). A
     :class:`CalibrationError` says when that is infeasible.

3. Values are rounded to the decimals of the schema (one more than the paper
   prints for most measures), which moves means and SDs by far less than half a
   printed unit.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy.optimize import brentq, minimize

from milkbone.cohort.schema import (
    BMD_COLUMNS,
    GROUPS,
    MONTHS,
    PARTICIPANT_FIELDS,
    VISIT_FIELDS,
)

__all__ = [
    "CORRELATION",
    "LOG_SCALE",
    "CalibrationError",
    "Simulation",
    "follow_up_targets",
    "match_categories",
    "match_integer",
    "match_lognormal",
    "match_normal",
    "simulate_frames",
]

CORRELATION: dict[str, float] = {
    "bmd": 0.95,
    "serum": 0.6,
    "bmi": 0.95,
    "age_menopause": 0.8,
}
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
_SERUM = ("ast", "calcium", "phosphorus", "ohd_25", "tracp_5b", "alp", "ctx", "pinp", "oc", "igf_1")
_BASELINE_ONLY = ("age", "height", "weight", "menopause_duration")


class CalibrationError(RuntimeError):
    """The published summaries cannot all be matched at once."""


def _standardise(z: np.ndarray) -> np.ndarray:
    return (z - z.mean()) / z.std(ddof=1)


def match_normal(z: np.ndarray, *, mean: float, sd: float) -> np.ndarray:
    """Affine map of ``z`` with sample mean ``mean`` and SD ``sd`` (ddof 1), exactly.

    Examples
    --------
    >>> x = match_normal(np.array([0.3, -1.0, 2.0, 0.1]), mean=10.0, sd=2.0)
    >>> round(float(x.mean()), 12), round(float(x.std(ddof=1)), 12)
    (10.0, 2.0)
    """
    return mean + sd * _standardise(np.asarray(z, dtype=float))


def match_lognormal(z: np.ndarray, *, mean: float, sd: float) -> np.ndarray:
    """Monotone log-normal map of ``z`` with exact sample mean and SD, all values > 0.

    Solves ``sigma`` so that ``exp(sigma * z)`` has coefficient of variation
    ``sd / mean``, then scales it to mean ``mean``.

    Examples
    --------
    >>> x = match_lognormal(np.array([0.3, -1.0, 2.0, 0.1, -0.4]), mean=0.37, sd=0.297)
    >>> round(float(x.mean()), 12), round(float(x.std(ddof=1)), 12), bool(x.min() > 0)
    (0.37, 0.297, True)
    """
    z = _standardise(np.asarray(z, dtype=float))
    cv = sd / mean

    def gap(sigma: float) -> float:
        y = np.exp(sigma * (z - z.max()))
        return y.std(ddof=1) / y.mean() - cv

    sigma = brentq(gap, 1e-9, 20.0, xtol=1e-14)
    y = np.exp(sigma * (z - z.max()))
    return y * (mean / y.mean())


def polish(
    x: np.ndarray,
    *,
    step: float,
    mean: float,
    sd: float,
    low: float | np.ndarray,
    high: float | np.ndarray,
    mean_tolerance: float,
    sd_tolerance: float,
) -> np.ndarray:
    """Round ``x`` to multiples of ``step`` in ``[low, high]``, keeping mean and SD.

    Rounding to the printed grid moves the sample mean and SD; this moves single
    values by one ``step`` until the mean is within ``mean_tolerance`` of ``mean``,
    then moves one value down and another up (the sum unchanged), choosing at each
    step the pair whose effect on the variance is closest to what is still missing,
    until the SD is within ``sd_tolerance`` of ``sd``.

    Raises
    ------
    CalibrationError
        If the tolerances cannot be reached on the grid within the bounds.

    Examples
    --------
    >>> x = match_normal(np.random.default_rng(1).standard_normal(46), mean=72.54, sd=20.751)
    >>> y = polish(x, step=0.1, mean=72.54, sd=20.751, low=10, high=500,
    ...            mean_tolerance=0.005, sd_tolerance=0.0005)
    >>> bool(abs(y.mean() - 72.54) < 0.005), bool(abs(y.std(ddof=1) - 20.751) < 0.0005)
    (True, True)
    """
    x = np.asarray(x, dtype=float)
    n = len(x)
    lo = np.ceil(np.broadcast_to(np.asarray(low, dtype=float), (n,)) / step - 1e-9).astype(np.int64)
    hi = np.floor(np.broadcast_to(np.asarray(high, dtype=float), (n,)) / step + 1e-9).astype(
        np.int64
    )
    u = np.clip(np.rint(x / step).astype(np.int64), lo, hi)
    target_sum = round(mean * n / step)
    residual = x / step - u  # move first the values rounding moved most
    for _ in range(4 * n * n):
        gap = target_sum - int(u.sum())
        if gap == 0 or abs(u.mean() * step - mean) < mean_tolerance / 4:
            break
        direction = 1 if gap > 0 else -1
        movable = (u + direction >= lo) & (u + direction <= hi)
        if not movable.any():
            break
        i = int(np.argmax(np.where(movable, direction * residual, -np.inf)))
        u[i] += direction
        residual[i] -= direction
    if abs(u.mean() * step - mean) >= mean_tolerance:
        raise CalibrationError(f"cannot reach mean {mean} on a grid of {step:g} within the bounds")
    target_ss = (sd / step) ** 2 * (n - 1)
    off_diagonal = ~np.eye(n, dtype=bool)
    for _ in range(20 * n):
        ss = float(((u - u.mean()) ** 2).sum())
        if abs(math.sqrt(ss / (n - 1)) * step - sd) < sd_tolerance / 4:
            break
        need = target_ss - ss
        # moving i down by one and j up by one changes the sum of squares by 2 (u_j - u_i + 1)
        effect = 2.0 * (u[None, :] - u[:, None] + 1)
        allowed = (u > lo)[:, None] & (u < hi)[None, :] & off_diagonal
        cost = np.where(allowed, np.abs(effect - need), np.inf)
        i, j = np.unravel_index(np.argmin(cost), cost.shape)
        if not np.isfinite(cost[i, j]) or cost[i, j] >= abs(need):
            break
        u[i] -= 1
        u[j] += 1
    y = u * step
    if abs(y.std(ddof=1) - sd) >= sd_tolerance:
        raise CalibrationError(
            f"cannot reach SD {sd} on a grid of {step:g} within the bounds and mean {mean}"
        )
    return y


def match_integer(
    z: np.ndarray,
    *,
    mean: float,
    sd: float,
    low: int,
    high: int,
    mean_tolerance: float,
    sd_tolerance: float,
) -> np.ndarray:
    """Whole numbers in ``[low, high]`` following the ranks of ``z``, with sample mean
    and SD within the tolerances of the targets (:func:`polish` with step 1).

    Examples
    --------
    >>> z = np.random.default_rng(1).standard_normal(51)
    >>> x = match_integer(z, mean=61.2, sd=5.0, low=48, high=73,
    ...                   mean_tolerance=0.05, sd_tolerance=0.005)
    >>> bool(abs(x.mean() - 61.2) < 0.05), bool(abs(x.std(ddof=1) - 5.0) < 0.005)
    (True, True)
    """
    x = np.clip(match_normal(z, mean=mean, sd=sd), low, high)
    return polish(
        x,
        step=1.0,
        mean=mean,
        sd=sd,
        low=low,
        high=high,
        mean_tolerance=mean_tolerance,
        sd_tolerance=sd_tolerance,
    )


def category_bounds(
    z: np.ndarray, categories: list[tuple[float, float, int]]
) -> tuple[np.ndarray, np.ndarray]:
    """Per-element bounds: the ``count`` lowest ``z`` get the first ``(low, high)``, and so on.

    Examples
    --------
    >>> category_bounds(np.array([0.5, -1.0, 2.0]), [(0, 1, 1), (2, 3, 2)])
    (array([2., 0., 2.]), array([3., 1., 3.]))
    """
    n = len(z)
    counts = [c for _, _, c in categories]
    if sum(counts) != n:
        raise CalibrationError(f"category counts {counts} add up to {sum(counts)}, not {n}")
    lows = np.empty(n)
    highs = np.empty(n)
    order = np.argsort(z, kind="stable")
    start = 0
    for low, high, count in categories:
        lows[order[start : start + count]] = low
        highs[order[start : start + count]] = high
        start += count
    return lows, highs


def match_categories(
    z: np.ndarray,
    *,
    mean: float,
    sd: float,
    categories: list[tuple[float, float, int]],
) -> np.ndarray:
    """Values with exact sample mean and SD whose category counts are given.

    ``categories`` lists ``(low, high, count)`` in increasing order, counts summing to
    ``len(z)``. The ``count`` lowest ``z`` go to the first category and so on; within
    bounds the values are the least-squares closest to :func:`match_lognormal` of
    ``z`` that meet the mean and SD exactly.

    Raises
    ------
    CalibrationError
        If the counts do not add up to ``len(z)`` or no such values exist.

    Examples
    --------
    >>> z = np.random.default_rng(3).standard_normal(20)
    >>> x = match_categories(z, mean=16.0, sd=5.0,
    ...                      categories=[(3, 11.99, 5), (12.01, 19.99, 9), (20, 80, 6)])
    >>> round(float(x.mean()), 6), round(float(x.std(ddof=1)), 6)
    (16.0, 5.0)
    >>> int((x < 12).sum()), int((x >= 20).sum())
    (5, 6)
    """
    z = np.asarray(z, dtype=float)
    n = len(z)
    counts = [c for _, _, c in categories]
    lows, highs = category_bounds(z, categories)
    feasible_low, feasible_high = lows.mean(), highs.mean()
    if not feasible_low <= mean <= feasible_high:
        raise CalibrationError(
            f"mean {mean} is outside [{feasible_low:.3f}, {feasible_high:.3f}], the range the "
            f"category counts {counts} allow"
        )
    x0 = np.clip(match_lognormal(z, mean=mean, sd=sd), lows, highs)
    target_ss = sd**2 * (n - 1)
    scale = max(sd, 1.0)

    result = minimize(
        lambda x: ((x - x0) ** 2).sum() / scale**2,
        x0,
        jac=lambda x: 2 * (x - x0) / scale**2,
        method="SLSQP",
        bounds=list(zip(lows, highs, strict=True)),
        constraints=[
            {
                "type": "eq",
                "fun": lambda x: (x.sum() - n * mean) / scale,
                "jac": lambda x: np.ones(n) / scale,
            },
            {
                "type": "eq",
                "fun": lambda x: (((x - x.mean()) ** 2).sum() - target_ss) / scale**2,
                "jac": lambda x: 2 * (x - x.mean()) / scale**2,
            },
        ],
        options={"maxiter": 500, "ftol": 1e-12},
    )
    x = np.clip(result.x, lows, highs)
    if abs(x.mean() - mean) > 1e-6 * scale or abs(x.std(ddof=1) - sd) > 1e-6 * scale:
        raise CalibrationError(
            f"no values in the categories {counts} reach mean {mean} and SD {sd} "
            f"(closest: mean {x.mean():.4f}, SD {x.std(ddof=1):.4f}; {result.message})"
        )
    return x


def follow_up_targets(targets: pd.DataFrame, changes: pd.DataFrame) -> pd.DataFrame:
    """Targets at months 6 and 12 from baseline targets and percent changes of the mean.

    ``changes`` has ``measure, group, month, percent_change, reference_month``: the
    group mean at ``month`` is the mean at ``reference_month`` times
    ``1 + percent_change / 100``. The SD is the baseline SD carried forward.

    Examples
    --------
    >>> base = pd.DataFrame({"measure": ["x"], "group": ["HCM"], "month": [0],
    ...                      "mean": [1.0], "sd": [0.1], "n": [51]})
    >>> steps = pd.DataFrame({"measure": ["x", "x"], "group": ["HCM", "HCM"],
    ...                       "month": [6, 12], "percent_change": [2.0, -1.0],
    ...                       "reference_month": [0, 6]})
    >>> follow_up_targets(base, steps)[["month", "mean", "sd"]]
       month    mean   sd
    0      6  1.0200  0.1
    1     12  1.0098  0.1
    """
    rows = []
    for (measure, group), steps in changes.groupby(["measure", "group"], sort=False):
        base = targets[
            (targets["measure"] == measure) & (targets["group"] == group) & (targets["month"] == 0)
        ]
        if len(base) != 1:
            raise ValueError(f"no single baseline target for {measure!r} in group {group!r}")
        means = {0: float(base["mean"].iloc[0])}
        for step in steps.sort_values("month").itertuples(index=False):
            reference = int(step.reference_month)
            if reference not in means:
                raise ValueError(
                    f"{measure!r} {group!r} month {step.month}: reference month {reference} "
                    "has no target"
                )
            means[int(step.month)] = means[reference] * (1 + step.percent_change / 100)
            rows.append(
                {
                    "measure": measure,
                    "group": group,
                    "month": int(step.month),
                    "mean": means[int(step.month)],
                    "sd": float(base["sd"].iloc[0]),
                    "n": int(base["n"].iloc[0]),
                }
            )
    return pd.DataFrame(rows, columns=["measure", "group", "month", "mean", "sd", "n"])


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


def _draw_matched(z: np.ndarray, measure: str, mean: float, sd: float) -> np.ndarray:
    if measure in LOG_SCALE:
        return match_lognormal(z, mean=mean, sd=sd)
    return match_normal(z, mean=mean, sd=sd)


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
    z_height = _standardise(rng.standard_normal(n))
    noise = _standardise(rng.standard_normal(n))
    height = _finish(
        match_normal(z_height, **target["height"]), "height", *_pick(target, tolerance, "height")
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
    weight = _finish(weight_for(rho), "weight", *_pick(target, tolerance, "weight"))
    return height, weight, rho


def _pick(target: dict, tolerance: dict, measure: str) -> tuple[dict, tuple]:
    return target[measure], tolerance[measure]


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
    target = {
        (r.measure, int(r.month)): {"mean": float(r.mean), "sd": float(r.sd)}
        for r in rows.itertuples(index=False)
    }
    mean_tol = _tolerance(rows, "mean")
    sd_tol = _tolerance(rows, "sd")
    tolerance = {
        (m, month): (mean_tol[m, group, month], sd_tol[m, group, month]) for m, month in target
    }
    baseline = {m: t for (m, month), t in target.items() if month == 0}
    baseline_tolerance = {m: t for (m, month), t in tolerance.items() if month == 0}

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
        mean_tolerance=baseline_tolerance["age"][0],
        sd_tolerance=baseline_tolerance["age"][1],
    )
    people["height"], people["weight"], rho_hw = _height_weight(
        rng,
        {m: baseline[m] for m in ("height", "weight", "bmi") if m in baseline},
        baseline_tolerance,
        n,
    )
    people["menopause_duration"] = _finish(
        match_lognormal(z_menopause, **baseline["menopause_duration"]),
        "menopause_duration",
        baseline["menopause_duration"],
        baseline_tolerance["menopause_duration"],
        low=0.1,
    )
    people["withdrawn"] = False

    visit_measures = [f.name for f in VISIT_FIELDS if f.kind == "float"]
    columns: dict[str, np.ndarray] = {}
    bmi0 = people["weight"].to_numpy() / (people["height"].to_numpy() / 100) ** 2
    bmi0 = _round(bmi0, "bmi")
    for measure in visit_measures:
        values = np.full((n, len(MONTHS)), np.nan)
        r = _rho(correlation, measure)
        if measure == "bmi":
            # no follow-up anthropometry is reported: BMI keeps its baseline distribution
            z0 = _standardise(bmi0)
            shared = rng.standard_normal(n)
            values[:, 0] = bmi0
            for k in (1, 2):
                z = r * z0 + math.sqrt(r - r**2) * shared
                z = z + math.sqrt(1 - r) * rng.standard_normal(n)
                values[:, k] = _round(match_normal(z, mean=bmi0.mean(), sd=bmi0.std(ddof=1)), "bmi")
            columns[measure] = values
            continue
        z = _exchangeable(rng, n, len(MONTHS), r)
        for k, month in enumerate(MONTHS):
            if (measure, month) not in target:
                continue
            t = target[measure, month]
            low = high = None
            counts = None
            if measure == "ohd_25" and categories is not None:
                counts = categories[(categories["group"] == group) & (categories["month"] == month)]
            if counts is not None and len(counts):
                spec = [
                    (float(b.low), float(b.high), int(b.count))
                    for b in counts.sort_values("low").itertuples(index=False)
                ]
                low, high = category_bounds(z[:, k], spec)
                raw = match_categories(z[:, k], **t, categories=spec)
            else:
                raw = _draw_matched(z[:, k], measure, **t)
                if measure in LOG_SCALE:
                    low = 10.0 ** -_FIELDS[measure].decimals  # stay positive after rounding
            values[:, k] = _finish(raw, measure, t, tolerance[measure, month], low, high)
        columns[measure] = values
    visits = []
    for k, month in enumerate(MONTHS):
        frame = pd.DataFrame({"row": np.arange(n), "month": month})
        for measure in visit_measures:
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
    for measure in (f.name for f in VISIT_FIELDS if f.kind == "float"):
        if measure != "bmi":
            visits[measure] = draw(measure)
    return people, visits


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
        :func:`follow_up_targets` for BMD).
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
    # identifiers in random order, so that neither arm nor withdrawal shows in the id
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
    return Simulation(participants, visits, report)
