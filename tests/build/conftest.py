"""A minimal project for the build tests: two notebooks, each reading its own data file;
and the command line run in a subprocess, to press Ctrl-C on it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import psutil
import pytest

REPOSITORY = Path(__file__).resolve().parents[2]

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


SLEEPER = """\
# %% tags=["parameters"]
seconds = 120

# %%
import time

time.sleep(seconds)
"""


@pytest.fixture
def slow_project(project: Path) -> Path:
    """The minimal project plus a notebook that sleeps for two minutes, and the
    repository's published tables (the build simulates the default cohort from them)."""
    (project / "notebooks" / "slow.py").write_text(SLEEPER)
    (project / "data" / "published").symlink_to(REPOSITORY / "data" / "published")
    return project


class Command:
    """``milkbone`` run as a user runs it, in a process group of its own (as a shell
    runs a foreground job), so a test can press Ctrl-C on it like a terminal does."""

    def __init__(self, root: Path, *argv: str, prelude: str = "") -> None:
        main = f"import sys\nfrom milkbone import cli\nsys.exit(cli.main({list(argv)!r}))"
        script = f"{prelude}\n{main}"
        environment = {**os.environ, "MILKBONE_ROOT": str(root), "PYTHONUNBUFFERED": "1"}
        self.process = subprocess.Popen(
            [sys.executable, "-c", script],
            cwd=root,
            env=environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        self.lines: list[str] = []

    def wait_for(self, text: str) -> None:
        """Read standard output until a line contains ``text``."""
        for line in self.process.stdout:
            self.lines.append(line)
            if text in line:
                return
        self.process.wait()
        errors = self.process.stderr.read()
        raise AssertionError(f"{text!r} never printed: {''.join(self.lines)}{errors}")

    def press_ctrl_c(self, *, whole_group: bool = True) -> None:
        """SIGINT to every process of the job (a terminal's Ctrl-C) or to the main one."""
        if whole_group:
            os.killpg(self.process.pid, signal.SIGINT)
        else:
            os.kill(self.process.pid, signal.SIGINT)

    def finish(self, timeout: float = 60) -> tuple[int, str, str]:
        """Exit code, the rest of standard output, standard error."""
        out, err = self.process.communicate(timeout=timeout)
        return self.process.returncode, "".join(self.lines) + out, err


def kernels_running_in(root: Path) -> list[int]:
    """Process ids of Jupyter kernels whose working directory is ``root``."""
    found = []
    for process in psutil.process_iter(["cmdline", "cwd"]):
        command = " ".join(process.info["cmdline"] or [])
        if "ipykernel_launcher" in command and process.info["cwd"] == str(root):
            found.append(process.pid)
    return found
