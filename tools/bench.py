"""Benchmark the build: cold, no-op rebuild, and rebuild after editing one notebook.

Run with ``make bench``. It wipes the generated files (never sources or .venv),
times three ``milkbone build`` runs and prints the figures quoted in the README.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MILKBONE = [sys.executable, "-m", "milkbone.cli", "build"]
EDITED = ROOT / "notebooks" / "10_trial_design.py"


def timed_build(label: str) -> float:
    start = time.perf_counter()
    subprocess.run(MILKBONE, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    seconds = time.perf_counter() - start
    print(f"{label:<34} {seconds:7.1f} s", flush=True)
    return seconds


def main() -> int:
    for folder in ("_build", "_generated", "data/simulated"):
        shutil.rmtree(ROOT / folder, ignore_errors=True)
    for notebook in (ROOT / "notebooks").glob("*.ipynb"):
        notebook.unlink()
    print(f"milkbone build on {len(list((ROOT / 'notebooks').glob('*.py')))} notebooks")
    timed_build("cold build (nothing cached)")
    timed_build("no-op rebuild")
    original = EDITED.read_text()
    try:
        EDITED.write_text(original + "\n# %% [markdown]\n# Edited by tools/bench.py.\n")
        timed_build(f"rebuild after editing {EDITED.name}")
    finally:
        EDITED.write_text(original)
    timed_build("rebuild after reverting the edit")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
