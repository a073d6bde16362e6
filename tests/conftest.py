"""Shared test set-up."""

from __future__ import annotations

import os
import subprocess
import sys

import matplotlib
import pytest

matplotlib.use("Agg")
os.environ.setdefault("PYTHONHASHSEED", "0")


def pytest_configure(config):
    """Write the default simulated cohort once, as the build does, before any test runs.

    Notebooks default to ``data_dir = "data/simulated"``, which a fresh clone does not
    have. Under pytest-xdist this runs in the controller only, before the workers
    start. The cohort is written into a temporary folder and moved into place only if
    it differs (``build.prepare_cohort``), so a test session running beside another
    one, or beside a build, never reads a half-written folder.
    """
    if hasattr(config, "workerinput"):
        return
    from milkbone import build, paths

    build.prepare_cohort(seed=build.DEFAULT_SEED, out=paths.SIMULATED)


@pytest.fixture(scope="session")
def built_site():
    """Run ``milkbone build`` exactly as ``make book`` does; the HTML folder.

    Shared by the book tests and the browser tests. The notebook cache and the book's
    input stamp make every call after the first one a no-op; two test workers calling
    it at once take turns (the build lock).
    """
    from milkbone import paths

    completed = subprocess.run(
        [sys.executable, "-m", "milkbone.cli", "build"],
        cwd=paths.ROOT,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    return paths.BUILD / "html"
