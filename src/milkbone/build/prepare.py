"""Before any notebook runs: the default simulated cohort, written and validated."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from milkbone import paths
from milkbone.build.execute import BuildError, quiet

__all__ = ["DEFAULT_SEED", "prepare_cohort"]

DEFAULT_SEED = 2025
"""Seed of the default simulated cohort in ``data/simulated``."""


def prepare_cohort(
    *, seed: int = DEFAULT_SEED, out: Path | None = None, echo: Callable[[str], None] = quiet
) -> Path:
    """Write and validate the default simulated cohort the notebooks read; return its folder.

    Raises
    ------
    BuildError
        If the cohort written does not pass validation (the first ten problems listed).
    """
    from milkbone import cohort

    out = out or paths.SIMULATED
    start = time.perf_counter()
    cohort.simulate(seed=seed, out=out)
    problems = cohort.validate(out)
    if problems:
        listed = "\n".join(f"  {problem}" for problem in problems[:10])
        raise BuildError(f"the simulated cohort does not pass validation:\n{listed}")
    seconds = time.perf_counter() - start
    echo(f"  cohort  data/simulated, seed {seed}, valid  {seconds:6.1f} s")
    return out
