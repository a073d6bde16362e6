"""What a simulated folder records: the CSV text of its frames and its ``dataset.json``.

:func:`format_csv` writes the schema's fixed decimals, so the same frames give the
same bytes; :func:`clinical_record` says what produced the folder (seed, version,
assumptions, calibration notes), for :func:`milkbone.cohort.dataset_info` to read.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pandas as pd

from milkbone import __version__
from milkbone.cohort.schema import DATASET_FILE, PARTICIPANT_FIELDS, VISIT_FIELDS
from milkbone.cohort.simulation.clinical import CORRELATION, Simulation
from milkbone.cohort.simulation.targets import OHD_25_CATEGORIES
from milkbone.vocabulary import GROUPS

__all__ = ["clinical_record", "format_csv", "json_ready", "write_record"]

_FIELDS = {f.name: f for f in (*PARTICIPANT_FIELDS, *VISIT_FIELDS)}


def format_csv(frame: pd.DataFrame) -> str:
    """CSV text with the schema's fixed decimals, ``\\n`` line ends, empty for missing.

    Examples
    --------
    >>> frame = pd.DataFrame({"participant": ["P1"], "month": [6], "bmi": [24.456],
    ...                       "alp": [np.nan]})
    >>> print(format_csv(frame), end="")
    participant,month,bmi,alp
    P1,6,24.46,
    """
    lines = [",".join(frame.columns)]
    columns = []
    for name in frame.columns:
        f = _FIELDS[name]
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


def json_ready(value: object) -> object:
    """JSON-ready copy: numpy scalars to Python, NaN to None.

    Examples
    --------
    >>> json_ready({"a": np.float64(1.5), "b": [float("nan"), np.int64(2)]})
    {'a': 1.5, 'b': [None, 2]}
    """
    if isinstance(value, dict):
        return {str(k): json_ready(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [json_ready(v) for v in value]
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def _assumptions(
    withdrawn: dict[str, int], age_range: tuple[int, int], correlation: dict | None
) -> dict:
    return {
        "withdrawn": "The paper does not say which arms the 7 withdrawals were in; we assume "
        f"{', '.join(f'{v} {k}' for k, v in withdrawn.items())}. They have a baseline "
        "visit only, drawn from their arm's baseline distribution, outside all targets.",
        "targets": "Table 2 at month 0, Table 3 at months 6 and 12 (Table 2 wins where the "
        "two print a baseline differently).",
        "bmd": "Follow-up means from the percent changes of §3.2 (below), SD of baseline "
        "carried forward.",
        "bmi": "Baseline BMI = weight / height²; BMI at 6 and 12 months keeps the baseline "
        "distribution (no follow-up anthropometry is reported).",
        "age_range": list(age_range),
        "correlation": {**CORRELATION, **(correlation or {})},
        "independence": "Different measures are independent except age with menopause "
        "duration and height with weight.",
    }


def clinical_record(
    sim: Simulation,
    *,
    seed: int,
    withdrawn: dict[str, int],
    age_range: tuple[int, int],
    correlation: dict | None,
    changes: pd.DataFrame | None,
    resolutions: list,
) -> dict:
    """The ``dataset.json`` of a simulated clinical cohort (before :func:`json_ready`).

    Keys: ``kind, evidence, generator, milkbone_version, seed, note, groups,
    assumptions, bmd_changes, ohd_25_categories, achieved``.
    """
    completers = sim.participants[~sim.participants["withdrawn"]]
    records = changes.to_dict("records") if changes is not None else []
    return {
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
        "assumptions": _assumptions(withdrawn, age_range, correlation),
        "bmd_changes": [
            {k: (v if not isinstance(v, float) else round(v, 4)) for k, v in row.items()}
            for row in records
        ],
        "ohd_25_categories": {
            "bounds_ng_per_ml": {c: [lo, hi] for c, lo, hi in OHD_25_CATEGORIES},
            "resolutions": resolutions,
        },
        "achieved": sim.report,
    }


def write_record(out: Path, record: dict) -> Path:
    """Write ``out/dataset.json`` (two-space indent, UTF-8, final newline)."""
    path = out / DATASET_FILE
    text = json.dumps(json_ready(record), indent=2, ensure_ascii=False) + "\n"
    path.write_text(text, encoding="utf-8")
    return path
