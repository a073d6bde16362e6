"""Participant-level data: schema, validator, loader and the simulated cohort.

The trial's participant-level data are not public. This module fixes the schema
such data must follow, validates a folder against it (every problem named by
file, line and column, never a traceback), loads a valid folder, and writes a
deterministic simulated cohort calibrated to the published summary statistics.

A data folder holds three files:

``participants.csv``
    one row per enrolled participant (completers and withdrawals).
``visits.csv``
    one row per participant and visit (month 0, 6, 12), one column per measure.
``dataset.json``
    what produced the folder: ``{"kind": "simulated", "seed": 2025, ...}`` or
    ``{"kind": "real", ...}`` (read by :func:`is_simulated`).

Schema (units as the paper prints them; the range is inclusive and only catches
gross errors, see :data:`SCHEMA`):

========================  =========  ================  =====================================
column                    type       unit              plausible range
========================  =========  ================  =====================================
participant               text                         non-empty, unique in participants.csv
group                     text                         ``HCM`` or ``CM``
age                       integer    years             40–100
height                    number     cm                120–200
weight                    number     kg                30–200
menopause_duration        number     years             0–60
withdrawn                 boolean                      ``true`` or ``false``
month                     integer    months            0, 6 or 12
bmi                       number     kg/m²             12–50
l1_4_bmd, *_bmd (5)       number     g/cm²             0.2–2.0 (mg/cm² gives ~900)
ast                       number     U/L               3–500
calcium                   number     mmol/L            1.5–3.5 (mg/dL gives ~9.4)
phosphorus                number     mmol/L            0.3–2.5
ohd_25                    number     ng/mL             2–100 (see unit checks)
tracp_5b                  number     U/L               0.05–20
alp                       number     U/L               10–500
ctx                       number     ng/mL             0.01–3
pinp                      number     ng/mL             5–500
oc                        number     ng/mL             1–200
igf_1                     number     ng/mL             0.1–1000
========================  =========  ================  =====================================

Besides the ranges, the median of each visit is checked (:data:`UNIT_CHECKS`):
25(OH)D in nmol/L is 2.5 times the value in ng/mL, so single values still look
plausible but a visit median above 35 does not. Values may be empty only where the
paper has none: ``alp, phosphorus, ctx, pinp, oc, igf_1`` at month 12. Completers
have all three visits; withdrawn participants have a baseline, may have a 6-month
visit and have no 12-month visit. Baseline ``bmi`` must equal
weight / (height/100)² within :data:`BMI_TOLERANCE` kg/m².
"""

from __future__ import annotations

import json
import math
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from milkbone import __version__, _disclosure, paths
from milkbone.cohort import simulation as _simulate
from milkbone.cohort.problems import Problem
from milkbone.cohort.schema import (
    BMI_TOLERANCE,
    DATASET_FILE,
    MEASURES,
    PARTICIPANT_FIELDS,
    PARTICIPANTS_FILE,
    SCHEMA,
    UNIT_CHECKS,
    VISIT_FIELDS,
    VISITS_FILE,
)
from milkbone.cohort.validate import format_problems, read_dataset, validate
from milkbone.vocabulary import GROUPS

__all__ = [
    "BMD_ASSUMPTIONS",
    "BMI_TOLERANCE",
    "DATASET_FILE",
    "MEASURES",
    "OHD_25_CATEGORIES",
    "PARTICIPANTS_FILE",
    "SCHEMA",
    "UNIT_CHECKS",
    "VISITS_FILE",
    "WITHDRAWN",
    "Cohort",
    "Problem",
    "check_reproducible",
    "dataset_info",
    "is_simulated",
    "load",
    "main_simulate",
    "main_validate",
    "resolve_categories",
    "simulate",
    "validate",
]


@dataclass(frozen=True)
class Cohort:
    """A validated data folder.

    ``participants`` has the columns of ``participants.csv`` (``age`` as ``Int64``,
    ``withdrawn`` as ``bool``); ``visits`` those of ``visits.csv`` (``month`` as
    ``int64``, measures as ``float64`` with NaN where empty). Both are sorted by
    participant (and month).
    """

    participants: pd.DataFrame
    visits: pd.DataFrame
    simulated: bool

    def long(self, *, include_withdrawn: bool = False) -> pd.DataFrame:
        """Tidy frame ``participant, group, month, measure, value`` (STYLE.md §5).

        Baseline anthropometry (``age, height, weight, menopause_duration``) appears at
        month 0. Empty values are left out. Withdrawn participants are left out unless
        ``include_withdrawn``: the paper analyses the 97 completers.
        """
        people = self.participants
        if not include_withdrawn:
            people = people[~people["withdrawn"]]
        base = people.melt(
            id_vars=["participant", "group"],
            value_vars=["age", "height", "weight", "menopause_duration"],
            var_name="measure",
            value_name="value",
        ).assign(month=0)
        visits = self.visits.merge(people[["participant", "group"]], on="participant")
        visits = visits.melt(
            id_vars=["participant", "group", "month"],
            value_vars=list(MEASURES),
            var_name="measure",
            value_name="value",
        )
        out = pd.concat([base, visits], ignore_index=True)
        out["value"] = out["value"].astype(float)
        out = out.dropna(subset=["value"])
        order = {m: i for i, m in enumerate(["age", "height", "weight", "menopause_duration"])}
        order.update({m: i + 4 for i, m in enumerate(MEASURES)})
        out = out.assign(_order=out["measure"].map(order), month=out["month"].astype(int))
        out = out.sort_values(["_order", "participant", "month"], kind="stable")
        return out[["participant", "group", "month", "measure", "value"]].reset_index(drop=True)


def main_validate(data_dir: str | Path) -> int:
    """``milkbone validate``: print each problem on its own line; 0 if valid, else 1.

    Examples
    --------
    >>> import tempfile
    >>> main_validate(Path(tempfile.mkdtemp()) / "absent")  # doctest: +ELLIPSIS
    /...absent: folder does not exist
    1 problem found.
    1
    """
    problems = validate(data_dir)
    if problems:
        print(format_problems(problems))
        count = len(problems)
        print(f"{count} problem{'s' if count != 1 else ''} found.")
        return 1
    cohort = load(data_dir)
    people = cohort.participants
    completers = people[~people["withdrawn"]]
    sizes = ", ".join(
        f"{g} {int((completers['group'] == g).sum())}" for g in GROUPS if g in set(people["group"])
    )
    kind = "simulated" if cohort.simulated else "real"
    print(
        f"OK: {paths.resolve(data_dir)} ({kind}): {len(people)} participants "
        f"({len(completers)} completers: {sizes}; {len(people) - len(completers)} withdrawn), "
        f"{len(cohort.visits)} visits."
    )
    return 0


# ---------------------------------------------------------------------------------
# loading


def dataset_info(data_dir: str | Path) -> dict:
    """What ``data_dir/dataset.json`` records: kind, and for a simulated cohort its seed,
    assumptions, correlations and calibration notes.

    Raises
    ------
    ValueError
        If ``dataset.json`` is missing, not JSON, or has no valid ``kind``.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "dataset.json").write_text('{"kind": "real", "source": "hospital"}')
    >>> dataset_info(folder)["source"]
    'hospital'
    """
    info, problems = read_dataset(paths.resolve(data_dir))
    if info is None:
        raise ValueError(f"{paths.resolve(data_dir)}: {problems[0]}")
    return info


def check_reproducible(data_dir: str | Path) -> pd.DataFrame:
    """SHA-256 of each file of ``data_dir``, and of the same cohort simulated again.

    For a simulated folder the cohort is regenerated in a temporary folder from the seed
    and correlations its ``dataset.json`` records; for real data only the digests of
    the files are given.

    Returns
    -------
    DataFrame
        ``file, sha256, sha256_again, identical`` (``sha256_again`` is None and
        ``identical`` False for real data).
    """
    import hashlib
    import tempfile

    data_dir = paths.resolve(data_dir)
    files = [PARTICIPANTS_FILE, VISITS_FILE, DATASET_FILE]

    def digests(folder: Path) -> list[str]:
        return [
            hashlib.sha256(paths.record_read(folder / f).read_bytes()).hexdigest() for f in files
        ]

    info = dataset_info(data_dir)
    again: list[str | None] = [None] * len(files)
    if info["kind"] == "simulated":
        correlation = info.get("assumptions", {}).get("correlation")
        with tempfile.TemporaryDirectory() as folder:
            simulate(seed=info["seed"], out=folder, correlation=correlation)
            again = digests(Path(folder))
    out = pd.DataFrame({"file": files, "sha256": digests(data_dir), "sha256_again": again})
    out["identical"] = out["sha256"] == out["sha256_again"]
    return out


def is_simulated(data_dir: str | Path) -> bool:
    """Whether ``data_dir/dataset.json`` says the folder holds simulated data.

    Raises
    ------
    ValueError
        If ``dataset.json`` is missing or does not say ``"kind": "simulated"`` or
        ``"real"``.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "dataset.json").write_text('{"kind": "real"}')
    >>> is_simulated(folder)
    False
    """
    return dataset_info(data_dir)["kind"] == "simulated"


def load(data_dir: str | Path) -> Cohort:
    """Validate and load a data folder.

    Parameters
    ----------
    data_dir : str or Path
        Folder in the schema (see the module docstring); relative to the project root
        unless absolute.

    Returns
    -------
    Cohort
        ``participants`` and ``visits`` typed frames, ``simulated`` flag, and
        ``long()`` for the tidy ``participant, group, month, measure, value`` frame.

    Raises
    ------
    ValueError
        If the folder is not valid; the message lists every problem, one per line.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "dataset.json").write_text('{"kind": "real"}')
    >>> load(folder)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: ... is not valid data (2 problems):
    participants.csv: file is missing
    visits.csv: file is missing
    """
    data_dir = paths.resolve(data_dir)
    problems = validate(data_dir)
    if problems:
        count = len(problems)
        raise ValueError(
            f"{data_dir} is not valid data ({count} problem{'s' if count != 1 else ''}):\n"
            + format_problems(problems)
        )
    simulated = is_simulated(data_dir)
    people = pd.read_csv(
        paths.record_read(data_dir / PARTICIPANTS_FILE), dtype={"participant": str, "group": str}
    )
    people = people[[f.name for f in PARTICIPANT_FIELDS]]
    people["age"] = people["age"].astype("Int64")
    people["withdrawn"] = people["withdrawn"].astype(bool)
    for column in ("height", "weight", "menopause_duration"):
        people[column] = people[column].astype(float)
    visits = pd.read_csv(paths.record_read(data_dir / VISITS_FILE), dtype={"participant": str})
    visits = visits[[f.name for f in VISIT_FIELDS]]
    visits["month"] = visits["month"].astype("int64")
    for column in MEASURES:
        visits[column] = visits[column].astype(float)
    people = people.sort_values("participant", kind="stable").reset_index(drop=True)
    visits = visits.sort_values(["participant", "month"], kind="stable").reset_index(drop=True)
    _disclosure.set_real(not simulated)  # tables shown from now on follow the real-data rules
    return Cohort(participants=people, visits=visits, simulated=simulated)


# ---------------------------------------------------------------------------------
# simulation

OHD_25_CATEGORIES = (
    # category, low, high (ng/mL): the cut-offs of Table 4's footnotes (the IOM 2011
    # thresholds), kept one written decimal step inside the open bounds so rounding to
    # two decimals cannot move a value across; 3 and 80 bound the simulation only.
    ("deficient", 3.0, 11.99),
    ("insufficient", 12.01, 19.99),
    ("normal", 20.0, 80.0),
)

WITHDRAWN = {"HCM": 4, "CM": 3}
"""Assumed arms of the 7 withdrawals: the paper does not say (§2.1, §3.1); we split them
as evenly as possible, the odd one to HCM, the larger arm among completers."""

BMD_ASSUMPTIONS = pd.DataFrame(
    [
        (
            "l1_4_bmd",
            "HCM",
            12,
            0.0,
            6,
            "12-month value not given in §3.2 (only p = 0.041 "
            "between arms): assumed unchanged from 6 months",
        ),
        ("l1_4_bmd", "CM", 12, 0.0, 6, "as for HCM: assumed unchanged from 6 months"),
        ("right_hip_bmd", "HCM", 6, -0.25, 0, "'slight decrease by 12 months': half of it by 6 m"),
        ("right_hip_bmd", "HCM", 12, -0.5, 0, "'slight decrease by 12 months': taken as −0.5 %"),
        ("right_hip_bmd", "CM", 6, -0.25, 0, "as for HCM"),
        ("right_hip_bmd", "CM", 12, -0.5, 0, "as for HCM"),
        ("right_femoral_neck_bmd", "HCM", 6, 0.0, 0, "'no significant change': taken as 0 %"),
        ("right_femoral_neck_bmd", "HCM", 12, 0.0, 0, "'no significant change': taken as 0 %"),
        ("right_femoral_neck_bmd", "CM", 6, 0.0, 0, "as for HCM"),
        ("right_femoral_neck_bmd", "CM", 12, 0.0, 0, "as for HCM"),
    ],
    columns=["measure", "group", "month", "percent_change", "reference_month", "assumption"],
)
"""Percent changes of BMD group means that §3.2 does not state, and what we assume.

The stated ones come from :func:`milkbone.published.prose`: L1–4 and the left hip and
femoral neck at 6 months, left hip at 12 months (read as relative to baseline, like
the CM figures "at the respective time points"), left femoral neck at 12 months
(relative to 6 months, as printed). Follow-up SDs are the baseline SDs carried forward.
"""


def _published_inputs() -> dict:
    """Targets, BMD changes, 25(OH)D counts and age range from :mod:`milkbone.published`."""
    try:
        from milkbone import published
    except ImportError as error:  # pragma: no cover - only before published exists
        raise RuntimeError(
            "milkbone.published is not available; pass targets= to simulate()"
        ) from error
    stats = published.summary_statistics()
    targets = _targets_from_summary(stats)
    prose = published.prose()
    changes = _bmd_changes_from_prose(prose)
    categories = _categories_from_table4(published.table(4))
    return {
        "targets": targets,
        "changes": changes,
        "categories": categories,
        "age_range": _age_range(prose, targets),
    }


def _decimals(text: object) -> float:
    text = str(text).strip()
    if not text or text == "nan":
        return np.nan
    return float(len(text.split(".")[1])) if "." in text else 0.0


def _targets_from_summary(stats: pd.DataFrame) -> pd.DataFrame:
    """One target per measure, group and month: Table 2 at month 0 (the baseline table),
    Table 3 at months 6 and 12. Where Table 3 repeats a baseline value differently
    (PINP HCM, 84.67 vs 84.70) Table 2 wins."""
    stats = stats.dropna(subset=["mean", "sd"]).copy()
    stats["rank"] = np.where((stats["month"] == 0) == (stats["source"] == "Table 2"), 0, 1)
    stats = stats.sort_values(["measure", "group", "month", "rank"], kind="stable")
    stats = stats.drop_duplicates(["measure", "group", "month"], keep="first")
    out = pd.DataFrame(
        {
            "measure": stats["measure"].astype(str),
            "group": stats["group"].astype(str),
            "month": stats["month"].astype(int),
            "mean": stats["mean"].astype(float),
            "sd": stats["sd"].astype(float),
            "n": stats["n"].astype(int),
            "mean_decimals": stats["mean_text"].map(_decimals),
            "sd_decimals": stats["sd_text"].map(_decimals),
            "source": stats["source"].astype(str),
        }
    )
    return out.reset_index(drop=True)


def _span(timepoint: object) -> tuple[int, int] | None:
    """The reference month and the month of a change: ``"m12 vs m6"`` or ``"m6-m12"``
    give ``(6, 12)``.

    Examples
    --------
    >>> _span("m12 vs m0"), _span("m0-m6"), _span("m6")
    ((0, 12), (0, 6), None)
    """
    text = str(timepoint).strip()
    found = re.fullmatch(r"m(\d+)\s*vs\.?\s*m(\d+)", text)
    if found:
        return int(found.group(2)), int(found.group(1))
    found = re.fullmatch(r"m(\d+)\s*[-–→]\s*m(\d+)", text)
    if found:
        return int(found.group(1)), int(found.group(2))
    return None


def _bmd_changes_from_prose(prose: pd.DataFrame) -> pd.DataFrame:
    """Stated within-group percent changes of BMD means, plus :data:`BMD_ASSUMPTIONS`.

    Reads rows of ``prose()`` with ``statistic == "percent_change"``, a BMD measure, one
    arm in ``groups`` and ``timepoint`` like ``"m6-m12"``; ``direction == "decrease"``
    makes the printed (unsigned) value negative.
    """
    bmd = [f.name for f in VISIT_FIELDS if f.name.endswith("_bmd")]
    rows = prose[
        prose["measure"].isin(bmd)
        & (prose["statistic"].astype(str) == "percent_change")
        & prose["groups"].isin(GROUPS)
    ]
    stated = []
    for row in rows.itertuples(index=False):
        span = _span(row.timepoint)
        if span is None:
            raise ValueError(f"cannot read the time span {row.timepoint!r} of a BMD change")
        value = float(row.value)
        if str(row.direction) == "decrease":
            value = -abs(value)
        stated.append(
            {
                "measure": row.measure,
                "group": row.groups,
                "month": span[1],
                "percent_change": value,
                "reference_month": span[0],
                "assumption": "stated in §3.2",
            }
        )
    stated = pd.DataFrame(stated, columns=BMD_ASSUMPTIONS.columns)
    assumed = BMD_ASSUMPTIONS.merge(
        stated[["measure", "group", "month"]], how="left", indicator=True
    )
    assumed = assumed[assumed["_merge"] == "left_only"].drop(columns="_merge")
    out = pd.concat([stated, assumed], ignore_index=True)
    return out.sort_values(["measure", "group", "month"], kind="stable").reset_index(drop=True)


def _categories_from_table4(table4: pd.DataFrame) -> pd.DataFrame:
    rows = table4[table4["category"].isin([c for c, _, _ in OHD_25_CATEGORIES])]
    return pd.DataFrame(
        {
            "group": rows["group"].astype(str),
            "month": rows["month"].astype(int),
            "category": rows["category"].astype(str),
            "count": rows["count"].astype(int),
        }
    ).reset_index(drop=True)


def _age_range(prose: pd.DataFrame, targets: pd.DataFrame) -> tuple[int, int]:
    """Ages stated in §2.1 (minimum and maximum), else mean ± 2.5 SD of Table 2."""
    rows = prose[prose["measure"] == "age"]
    statistic = rows["statistic"].astype(str).str.lower()
    low = rows.loc[statistic.str.contains("min"), "value"]
    high = rows.loc[statistic.str.contains("max"), "value"]
    if len(low) and len(high):
        return int(float(low.iloc[0])), int(float(high.iloc[0]))
    age = targets[(targets["measure"] == "age") & (targets["month"] == 0)]
    return (
        math.floor((age["mean"] - 2.5 * age["sd"]).min()),
        math.ceil((age["mean"] + 2.5 * age["sd"]).max()),
    )


def resolve_categories(
    categories: pd.DataFrame, targets: pd.DataFrame
) -> tuple[pd.DataFrame, list]:
    """Table 4 counts as category bounds, made to add up to the group size.

    A visit whose counts add up to fewer than the group's ``n`` (CM at 12 months: 44
    of 46) gets the shortfall in the category that contains the group's mean, the
    least informative place for participants the table does not count; the other
    categories keep their printed counts. More than ``n`` is an error.

    Returns the bounds frame (``group, month, category, low, high, count``) and one
    note per resolved conflict.
    """
    bounds = {c: (lo, hi) for c, lo, hi in OHD_25_CATEGORIES}
    rows, notes = [], []
    for (group, month), cells in categories.groupby(["group", "month"], sort=False):
        target = targets[
            (targets["measure"] == "ohd_25")
            & (targets["group"] == group)
            & (targets["month"] == month)
        ]
        if target.empty:
            continue
        n, mean = int(target["n"].iloc[0]), float(target["mean"].iloc[0])
        counts = dict(zip(cells["category"], cells["count"].astype(int), strict=True))
        total = sum(counts.values())
        if total > n:
            raise ValueError(
                f"Table 4 counts for {group} at month {month} add up to {total}, more than n = {n}"
            )
        if total < n:
            home = next(c for c, (lo, hi) in bounds.items() if lo <= mean <= hi)
            counts[home] = counts.get(home, 0) + (n - total)
            notes.append(
                {
                    "group": group,
                    "month": int(month),
                    "printed_total": total,
                    "n": n,
                    "resolution": f"{n - total} participants not counted in Table 4 placed in "
                    f"'{home}', the category of the group mean {mean:g} ng/mL",
                }
            )
        for category, (lo, hi) in bounds.items():
            rows.append(
                {
                    "group": group,
                    "month": int(month),
                    "category": category,
                    "low": lo,
                    "high": hi,
                    "count": counts.get(category, 0),
                }
            )
    return pd.DataFrame(rows), notes


def _format(frame: pd.DataFrame) -> str:
    """CSV text with the schema's fixed decimals, '\n' line ends, empty for missing."""
    fields = {f.name: f for f in (*PARTICIPANT_FIELDS, *VISIT_FIELDS)}
    lines = [",".join(frame.columns)]
    columns = []
    for name in frame.columns:
        f = fields[name]
        values = frame[name].tolist()
        if f.kind == "bool":
            columns.append(["true" if v else "false" for v in values])
        elif f.kind in ("int", "month"):
            columns.append([f"{int(v)}" for v in values])
        elif f.kind == "float":
            columns.append(["" if pd.isna(v) else f"{v:.{f.decimals}f}" for v in values])
        else:
            columns.append([str(v) for v in values])
    lines.extend(",".join(cells) for cells in zip(*columns, strict=True))
    return "\n".join(lines) + "\n"


def simulate(
    *,
    seed: int,
    out: str | Path,
    correlation: dict[str, float] | None = None,
    withdrawn: dict[str, int] | None = None,
    targets: pd.DataFrame | None = None,
    changes: pd.DataFrame | None = None,
    categories: pd.DataFrame | None = None,
    age_range: tuple[int, int] | None = None,
) -> Path:
    """Write a simulated cohort calibrated to the published summaries.

    Parameters
    ----------
    seed : int
        Seed of ``np.random.default_rng``; the same seed gives byte-identical files.
    out : str or Path
        Folder to write ``participants.csv``, ``visits.csv`` and ``dataset.json`` into
        (created; relative to the project root). A folder whose ``dataset.json`` says
        ``"kind": "real"`` is never overwritten.
    correlation : dict, optional
        Within-participant correlations overriding ``_simulate.CORRELATION``: keys
        ``bmd`` (0.95, between visits of a BMD site), ``serum`` (0.6, between visits of
        a serum marker), ``bmi`` (0.95), ``age_menopause`` (0.8), or a measure slug.
    withdrawn : dict, optional
        Withdrawals per arm, default :data:`WITHDRAWN` (4 HCM, 3 CM: an assumption).
    targets, changes, categories, age_range : optional
        Calibration inputs; by default read from :mod:`milkbone.published`
        (``summary_statistics()``, ``prose()``, ``table(4)``). ``targets`` has
        ``measure, group, month, mean, sd, n`` (optional ``mean_decimals,
        sd_decimals``); ``changes`` ``measure, group, month, percent_change,
        reference_month``; ``categories`` ``group, month, category, count``.

    Returns
    -------
    Path
        The folder written.

    Raises
    ------
    ValueError
        If ``out`` holds real data, or the inputs are inconsistent (Table 4 counts
        above ``n``, a follow-up without a baseline target).

    Notes
    -----
    Per arm and visit, every mean and SD of Tables 2 and 3 holds to the printed
    precision (half a unit of the last printed decimal); BMD follow-up means follow
    the percent changes of §3.2 and :data:`BMD_ASSUMPTIONS`; 25(OH)D category counts
    equal Table 4 (resolved by :func:`resolve_categories`). Method and correlations:
    ``milkbone._simulate``. The seven withdrawals have a baseline visit only and are
    not part of any calibration target. Baseline BMI is weight / height²; the
    height–weight correlation is solved per arm so that the BMI SD matches Table 2,
    and the BMI mean then matches to its printed decimal (24.7, 25.0) as well.

    Examples
    --------
    >>> import tempfile
    >>> folder = simulate(seed=1, out=Path(tempfile.mkdtemp()) / "sim",
    ...                   **_simulate_example_inputs())
    >>> sorted(p.name for p in folder.iterdir())
    ['dataset.json', 'participants.csv', 'visits.csv']
    >>> validate(folder)
    []
    """
    out = paths.resolve(out)
    marker = out / DATASET_FILE
    if marker.is_file():
        try:
            kind = json.loads(marker.read_text(encoding="utf-8")).get("kind")
        except (json.JSONDecodeError, AttributeError):
            kind = None
        if kind != "simulated":
            raise ValueError(
                f"refusing to overwrite {out}: its {DATASET_FILE} does not say it holds "
                f"simulated data (kind {kind!r})"
            )
    inputs = {
        "targets": targets,
        "changes": changes,
        "categories": categories,
        "age_range": age_range,
    }
    if targets is None:
        defaults = _published_inputs()
        inputs = {k: v if v is not None else defaults[k] for k, v in inputs.items()}
    targets = inputs["targets"]
    changes = inputs["changes"]
    if changes is not None and len(changes):
        targets = pd.concat(
            [targets, _simulate.follow_up_targets(targets, changes)], ignore_index=True
        )
    resolved, notes = (None, [])
    if inputs["categories"] is not None:
        resolved, notes = resolve_categories(inputs["categories"], targets)
    age = inputs["age_range"] or _age_range(
        pd.DataFrame(columns=["measure", "statistic", "value"]), targets
    )
    withdrawn = dict(WITHDRAWN if withdrawn is None else withdrawn)
    sim = _simulate.simulate_frames(
        targets,
        seed=seed,
        categories=resolved,
        correlation=correlation,
        age_range=age,
        withdrawn=withdrawn,
    )
    completers = sim.participants[~sim.participants["withdrawn"]]
    info = {
        "kind": "simulated",
        "evidence": "simulated",
        "generator": "milkbone.cohort.simulate",
        "milkbone_version": __version__,
        "seed": seed,
        "note": "Simulated participants calibrated to the published summaries of Zhao et al. "
        "(2025); they illustrate methods and prove nothing about the trial.",
        "groups": {
            g: {
                "completers": int((completers["group"] == g).sum()),
                "withdrawn": int(withdrawn.get(g, 0)),
            }
            for g in GROUPS
        },
        "assumptions": {
            "withdrawn": "The paper does not say which arms the 7 withdrawals were in; we assume "
            f"{', '.join(f'{v} {k}' for k, v in withdrawn.items())}. They have a baseline "
            "visit only, drawn from their arm's baseline distribution, outside all targets.",
            "targets": "Table 2 at month 0, Table 3 at months 6 and 12 (Table 2 wins where the "
            "two print a baseline differently).",
            "bmd": "Follow-up means from the percent changes of §3.2 (below), SD of baseline "
            "carried forward.",
            "bmi": "Baseline BMI = weight / height²; BMI at 6 and 12 months keeps the baseline "
            "distribution (no follow-up anthropometry is reported).",
            "age_range": list(age),
            "correlation": {**_simulate.CORRELATION, **(correlation or {})},
            "independence": "Different measures are independent except age with menopause "
            "duration and height with weight.",
        },
        "bmd_changes": [
            {k: (v if not isinstance(v, float) else round(v, 4)) for k, v in row.items()}
            for row in (changes.to_dict("records") if changes is not None else [])
        ],
        "ohd_25_categories": {
            "bounds_ng_per_ml": {c: [lo, hi] for c, lo, hi in OHD_25_CATEGORIES},
            "resolutions": notes,
        },
        "achieved": sim.report,
    }
    out.mkdir(parents=True, exist_ok=True)
    (out / PARTICIPANTS_FILE).write_text(_format(sim.participants), encoding="utf-8")
    (out / VISITS_FILE).write_text(_format(sim.visits), encoding="utf-8")
    marker.write_text(
        json.dumps(_plain(info), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return out


def _plain(value: object) -> object:
    """JSON-ready copy: numpy scalars to Python, NaN to None."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def main_simulate(*, seed: int, out: str | Path) -> int:
    """``milkbone simulate``: write the simulated cohort, print one line; 0 or 1.

    Errors (real data in ``out``, inconsistent inputs) are printed as one line
    without a traceback.
    """
    start = time.perf_counter()
    try:
        folder = simulate(seed=seed, out=out)
    except (ValueError, RuntimeError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    people = pd.read_csv(folder / PARTICIPANTS_FILE)
    print(
        f"simulated {len(people)} participants ({int((~people['withdrawn']).sum())} completers) "
        f"with seed {seed} into {folder} in {time.perf_counter() - start:.2f} s"
    )
    return 0


def _simulate_example_inputs() -> dict:
    """A tiny made-up calibration (two arms of 8), for examples and tests of the engine."""
    rows = []
    specs = {m: (1.0, 0.1) for m in MEASURES}
    specs.update(
        age=(60.0, 4.0),
        height=(160.0, 5.0),
        weight=(62.0, 8.0),
        menopause_duration=(10.0, 5.0),
        bmi=(24.2, 2.8),
        ast=(20.0, 6.0),
        calcium=(2.35, 0.15),
        phosphorus=(1.1, 0.12),
        ohd_25=(15.0, 5.0),
        tracp_5b=(1.8, 0.5),
        alp=(70.0, 15.0),
        ctx=(0.35, 0.25),
        pinp=(80.0, 40.0),
        oc=(22.0, 8.0),
        igf_1=(10.0, 6.0),
    )
    for group in GROUPS:
        for measure, (mean, sd) in specs.items():
            if measure == "bmi":
                continue
            for month in (0, 6, 12) if measure in MEASURES else (0,):
                rows.append(
                    {
                        "measure": measure,
                        "group": group,
                        "month": month,
                        "mean": mean,
                        "sd": sd,
                        "n": 8,
                    }
                )
    return {"targets": pd.DataFrame(rows), "age_range": (50, 72)}
