"""Helpers shared by the re-analyses (private): arm pairs, pooled SDs, group sizes."""

from __future__ import annotations

import math
from collections.abc import Sequence

from milkbone.vocabulary import GROUP_SIZES

__all__ = ["EVIDENCE", "SIZES", "check_sizes", "pair", "pooled"]

EVIDENCE = "recomputed"
"""Every re-analysis is computed from printed numbers only."""

SIZES = (GROUP_SIZES["HCM"], GROUP_SIZES["CM"])
"""The published group sizes, HCM first: the default ``n`` of the re-analyses."""


def pair(name: str, value: Sequence[float]) -> tuple[float, float]:
    """Two values, HCM then CM; anything else raises."""
    if len(value) != 2:
        raise ValueError(f"{name} must hold two values (HCM, CM), got {value!r}")
    a, b = (float(v) for v in value)
    return a, b


def pooled(sd: tuple[float, float], n: tuple[int, int]) -> float:
    """The pooled SD of two groups, ``(n − 1)``-weighted."""
    return math.sqrt(((n[0] - 1) * sd[0] ** 2 + (n[1] - 1) * sd[1] ** 2) / (sum(n) - 2))


def check_sizes(n: Sequence[int]) -> tuple[int, int]:
    """Two group sizes of at least 2, HCM then CM; anything else raises."""
    if len(n) != 2 or any(int(v) != v or v < 2 for v in n):
        raise ValueError(f"n must hold two group sizes >= 2 (HCM, CM), got {n!r}")
    return int(n[0]), int(n[1])
