"""Shared test set-up."""

from __future__ import annotations

import os

import matplotlib

matplotlib.use("Agg")
os.environ.setdefault("PYTHONHASHSEED", "0")


def pytest_configure(config):
    """Write the default simulated cohort once, as the build does, before any test runs.

    Notebooks default to ``data_dir = "data/simulated"``, which a fresh clone does not
    have. Under pytest-xdist this runs in the controller only, before the workers
    start, so no two processes write the folder at once. It is deterministic, so an
    existing folder is rewritten with the same bytes.
    """
    if hasattr(config, "workerinput"):
        return
    from milkbone import cli, cohort, paths

    cohort.simulate(seed=cli.DEFAULT_SEED, out=paths.SIMULATED)
