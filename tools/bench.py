"""Benchmark the build (cold, no-op, after editing one notebook), then the analyses.

Run with ``make bench``. It wipes the generated files (never sources or .venv), times
``milkbone build`` runs, then runs each benchmark of :data:`ANALYSES` (the omics
analyses at ten times the paper's size, each a script of ``tools/`` that exits 1 when
a check or its target fails) and prints the figures quoted in the README.
``--skip-build`` (``make bench-analyses``) runs the analyses only.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MILKBONE = [sys.executable, "-m", "milkbone.cli", "build"]
EDITED = ROOT / "notebooks" / "10_trial_design.py"
ANALYSES = ("bench_metabolome.py", "bench_microbiome.py", "bench_microbiome_chapter.py")
"""Benchmark scripts of ``tools/`` run after the build's timings, in order."""


def timed_build(label: str) -> float:
    start = time.perf_counter()
    subprocess.run(MILKBONE, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    seconds = time.perf_counter() - start
    print(f"{label:<34} {seconds:7.1f} s", flush=True)
    return seconds


def run_analysis(script: str) -> bool:
    """Run one benchmark script of ``tools/`` with its defaults; True when it passes."""
    print(f"\n{script}", flush=True)
    return subprocess.run([sys.executable, str(ROOT / "tools" / script)], cwd=ROOT).returncode == 0


JUPYTER_BOOK = [
    sys.executable, "-c", "from jupyter_book.cli.main import main; main()",
    "build", ".", "--builder", "html", "-q",
]  # fmt: skip
"""The peer: Jupyter Book's own build, incremental, on the same site."""

TARGETS = {"cold": 120.0, "no-op": 10.0}
"""Seconds a cold and a no-op ``milkbone build`` may take (issue 14)."""


def timed_peer(label: str) -> float:
    """Jupyter Book's own rebuild of the unchanged site: what its cache costs."""
    start = time.perf_counter()
    subprocess.run(JUPYTER_BOOK, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    seconds = time.perf_counter() - start
    print(f"{label:<34} {seconds:7.1f} s", flush=True)
    return seconds


def time_builds() -> bool:
    """Time the builds; True when cold and no-op builds are within :data:`TARGETS`."""
    for folder in ("_build", "_generated", "data/simulated"):
        shutil.rmtree(ROOT / folder, ignore_errors=True)
    for notebook in (ROOT / "notebooks").glob("*.ipynb"):
        notebook.unlink()
    print(f"milkbone build on {len(list((ROOT / 'notebooks').glob('*.py')))} notebooks")
    cold = timed_build("cold build (nothing cached)")
    noop = timed_build("no-op rebuild")
    peer = timed_peer("jupyter-book build, nothing changed")
    print(f"{'no-op ratio milkbone / jupyter-book':<34} {noop / peer:7.2f}", flush=True)
    within = cold <= TARGETS["cold"] and noop <= TARGETS["no-op"]
    print(f"targets: cold <= {TARGETS['cold']:.0f} s, no-op <= {TARGETS['no-op']:.0f} s: "
          f"{'met' if within else 'MISSED'}")  # fmt: skip
    original = EDITED.read_text()
    try:
        EDITED.write_text(original + "\n# %% [markdown]\n# Edited by tools/bench.py.\n")
        timed_build(f"rebuild after editing {EDITED.name}")
    finally:
        EDITED.write_text(original)
    timed_build("rebuild after reverting the edit")
    return within


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-build", action="store_true", help="run the analyses only")
    args = parser.parse_args(argv)
    failed = []
    if not args.skip_build and not time_builds():
        failed.append("build targets")
    failed += [script for script in ANALYSES if not run_analysis(script)]
    if failed:
        print(f"failed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
