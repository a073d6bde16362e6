"""Helpers shared by the mirror modules (private): summary columns and row order."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from milkbone.vocabulary import GROUPS

__all__ = ["SUMMARY_COLUMNS", "order_rows"]

SUMMARY_COLUMNS = ("measure", "group", "month", "mean", "sd", "n")
"""Columns of a frame of mean, SD and n per measure × group × month."""


def order_rows(frame: pd.DataFrame, measures: Sequence[str]) -> pd.DataFrame:
    """Rows in the order of ``measures``, HCM before CM, months ascending."""
    rank = {m: i for i, m in enumerate(measures)}
    keys = frame.assign(
        _m=frame["measure"].map(rank),
        _g=frame["group"].map({g: i for i, g in enumerate(GROUPS)}),
    )
    keys = keys.sort_values(["_m", "_g", "month"], kind="stable")
    return keys.drop(columns=["_m", "_g"]).reset_index(drop=True)
