"""Fixtures of the cohort tests: the simulated cohort written once, and copies to corrupt."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from milkbone import cohort
from milkbone.cohort.simulation.targets import published_inputs

SEED = 2025


@pytest.fixture(scope="session")
def inputs() -> dict:
    """Calibration inputs read from :mod:`milkbone.published`."""
    return published_inputs()


@pytest.fixture(scope="session")
def simulated(tmp_path_factory, inputs) -> Path:
    return cohort.simulate(seed=SEED, out=tmp_path_factory.mktemp("sim") / "cohort", **inputs)


@pytest.fixture(scope="session")
def loaded(simulated) -> cohort.Cohort:
    return cohort.load(simulated)


@pytest.fixture
def folder(tmp_path, simulated) -> Path:
    """A fresh copy of the valid simulated cohort, to corrupt."""
    out = tmp_path / "data"
    shutil.copytree(simulated, out)
    return out
