"""A minimal project for the build tests: two notebooks, each reading its own data file."""

from __future__ import annotations

from pathlib import Path

import pytest

READER = """\
# %% tags=["parameters"]
factor = 1

# %%
from milkbone import paths

text = paths.record_read("data/{name}.csv").read_text()
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "data").mkdir()
    for name in ("alpha", "beta"):
        (tmp_path / "data" / f"{name}.csv").write_text("x\n1\n")
        (tmp_path / "notebooks" / f"{name}.py").write_text(READER.replace("{name}", name))
    return tmp_path
