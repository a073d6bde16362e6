"""The trial's design, recomputed from published numbers (paper §2, Table 1, Figure 1)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from milkbone._validate import require_columns
from milkbone.vocabulary import GROUPS

__all__ = [
    "MILK_DENSITY_G_PER_ML",
    "daily_intake",
    "flow_arithmetic",
    "flow_counts",
    "milk_composition",
    "side_by_side",
]

MILK_DENSITY_G_PER_ML = 1.03
"""Density assumed for fresh whole milk at serving temperature (about 1.028–1.035 g/mL).

Table 1 gives contents per 100 g while the dose is 400 mL a day, so converting needs
a density. The paper does not state one.
"""


def daily_intake(
    composition: pd.DataFrame,
    *,
    daily_volume_ml: float = 400.0,
    density_g_per_ml: float = MILK_DENSITY_G_PER_ML,
) -> pd.DataFrame:
    """Daily intake of each nutrient from the milk, from contents per 100 g.

    Parameters
    ----------
    composition : pandas.DataFrame
        One row per nutrient and milk, with columns ``nutrient``, ``unit``,
        ``group`` and ``per_100g`` (NaN where the paper prints a dash).
    daily_volume_ml : float, default 400
        Volume drunk per day (paper §2.2: two bottles, 400 mL in all).
    density_g_per_ml : float, default 1.03
        Density used to turn millilitres into grams (an assumption; see
        :data:`MILK_DENSITY_G_PER_ML`).

    Returns
    -------
    pandas.DataFrame
        ``nutrient, unit, group, per_100g, grams_per_day, per_day, evidence``:
        ``per_day = per_100g × daily_volume_ml × density / 100``, labelled
        ``recomputed``.

    Raises
    ------
    ValueError
        If the volume or density is not positive.
    KeyError
        If a column is missing.

    Examples
    --------
    >>> milk = pd.DataFrame({"nutrient": ["Calcium"], "unit": ["mg"],
    ...                      "group": ["HCM"], "per_100g": [200.0]})
    >>> daily_intake(milk)[["nutrient", "group", "per_day"]]
      nutrient group  per_day
    0  Calcium   HCM    824.0
    """
    require_columns(composition, ["nutrient", "unit", "group", "per_100g"], name="composition")
    for name, value in {"daily_volume_ml": daily_volume_ml, "density": density_g_per_ml}.items():
        if not np.isfinite(value) or value <= 0:
            raise ValueError(f"{name} must be a positive number, got {value!r}")
    grams = daily_volume_ml * density_g_per_ml
    out = composition[["nutrient", "unit", "group", "per_100g"]].copy().reset_index(drop=True)
    out["grams_per_day"] = grams
    out["per_day"] = out["per_100g"].astype(float) * grams / 100.0
    out["evidence"] = "recomputed"
    return out


def flow_arithmetic(*, enrolled: int, withdrawn: int, analysed: dict[str, int]) -> pd.DataFrame:
    """Check that the participant counts of the flow chart add up.

    Parameters
    ----------
    enrolled, withdrawn : int
        Women enrolled and women who withdrew (paper §2.1, §3.1).
    analysed : dict of str to int
        Women analysed per arm, e.g. ``{"HCM": 51, "CM": 46}``.

    Returns
    -------
    pandas.DataFrame
        One row per identity checked: ``identity, left, right, holds, evidence``.

    Examples
    --------
    >>> flow_arithmetic(enrolled=104, withdrawn=7, analysed={"HCM": 51, "CM": 46})[
    ...     ["identity", "left", "right", "holds"]]
                          identity  left  right  holds
    0  enrolled − withdrawn = completed    97     97   True
    """
    for name, value in {"enrolled": enrolled, "withdrawn": withdrawn, **analysed}.items():
        if int(value) != value or value < 0:
            raise ValueError(f"{name} must be a non-negative whole number, got {value!r}")
    completed = sum(analysed.values())
    return pd.DataFrame(
        {
            "identity": ["enrolled − withdrawn = completed"],
            "left": [enrolled - withdrawn],
            "right": [completed],
            "holds": [enrolled - withdrawn == completed],
            "evidence": ["recomputed"],
        }
    )


def milk_composition(table1: pd.DataFrame) -> pd.DataFrame:
    """Table 1 as one row per nutrient and milk, ready for :func:`daily_intake`.

    Parameters
    ----------
    table1 : pandas.DataFrame
        ``published.table(1)``: columns ``row_label`` (e.g. ``"Calcium, mg"``),
        ``group``, ``value``, ``unit`` and ``cell_text``.

    Returns
    -------
    pandas.DataFrame
        ``nutrient, unit, group, per_100g, printed``, in the paper's row order,
        HCM before CM; ``per_100g`` is NaN where the paper prints a dash.

    Examples
    --------
    >>> t1 = pd.DataFrame({"row_label": ["Calcium, mg"] * 2, "group": ["CM", "HCM"],
    ...                    "value": [110.0, 200.0], "unit": ["mg"] * 2,
    ...                    "cell_text": ["110", "200"]})
    >>> milk_composition(t1)
      nutrient unit group  per_100g printed
    0  Calcium   mg   HCM     200.0     200
    1  Calcium   mg    CM     110.0     110
    """
    require_columns(table1, ["row_label", "group", "value", "unit", "cell_text"], name="table1")
    out = pd.DataFrame(
        {
            "nutrient": table1["row_label"].str.rsplit(",", n=1).str[0].str.strip(),
            "unit": table1["unit"],
            "group": pd.Categorical(table1["group"], categories=list(GROUPS), ordered=True),
            "per_100g": pd.to_numeric(table1["value"]).astype(float),
            "printed": table1["cell_text"],
        }
    )
    order = {name: i for i, name in enumerate(dict.fromkeys(out["nutrient"]))}
    out = out.sort_values(
        ["nutrient", "group"], key=lambda c: c.map(order) if c.name == "nutrient" else c
    )
    out["group"] = out["group"].astype(str)
    return out.reset_index(drop=True)


def flow_counts(flow: pd.DataFrame) -> dict[str, object]:
    """Enrolled, withdrawn and analysed-per-arm counts from ``published.flow()``.

    Uses the Methods (§2.1) counts for enrolment and withdrawal and the Results
    (§3.1) counts per arm; raises if the paper's places disagree on any of them.

    Returns
    -------
    dict
        ``{"enrolled": int, "withdrawn": int, "analysed": {"HCM": int, "CM": int}}``.
    """
    require_columns(flow, ["flow_id", "value"], name="flow")
    values = flow.set_index("flow_id")["value"]

    def one(prefix: str) -> int:
        found = values[values.index.str.fullmatch(rf"{prefix}\.s\d_\d")].dropna()
        if found.empty or found.nunique() != 1:
            raise ValueError(f"flow gives no single count for {prefix!r}: {found.to_dict()}")
        return int(found.iloc[0])

    return {
        "enrolled": one("enrolled"),
        "withdrawn": one("withdrawn"),
        "analysed": {"HCM": one("analysed.hcm"), "CM": one("analysed.cm")},
    }


def side_by_side(
    frame: pd.DataFrame, *, values: str, index: tuple[str, ...] = ("nutrient", "unit")
) -> pd.DataFrame:
    """One column per arm (HCM, then CM), rows in the order they first appear.

    Examples
    --------
    >>> long = pd.DataFrame({"nutrient": ["Fat", "Fat"], "unit": ["g", "g"],
    ...                      "group": ["CM", "HCM"], "printed": ["3.7", "3.6"]})
    >>> side_by_side(long, values="printed")
      nutrient unit  HCM   CM
    0      Fat    g  3.6  3.7
    """
    require_columns(frame, [*index, "group", values], name="frame")
    wide = frame.set_index([*index, "group"])[values].unstack("group")
    rows = pd.MultiIndex.from_frame(frame[list(index)].drop_duplicates())
    wide = wide.reindex(index=rows, columns=list(GROUPS)).reset_index()
    wide.columns.name = None
    return wide
