"""Before any notebook runs: one build at a time, and the default simulated cohort.

Two builds started at once would execute the same notebooks into the same files and
rewrite ``data/simulated`` under each other's feet. :func:`one_build_at_a_time`
takes an exclusive lock (``fcntl.flock`` on ``_build/.milkbone-build.lock``, released
by the system when the process ends, however it ends); a second build says which
process holds it and waits. :func:`prepare_cohort` writes the cohort into a
temporary folder beside its destination, validates it there, and moves it into place
only if its files differ from the ones already there, so a reader (a notebook run by
``milkbone run``, a test session) never sees a half-written cohort.
"""

from __future__ import annotations

import contextlib
import fcntl
import filecmp
import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from milkbone import paths
from milkbone.build.cache import CACHE_DIRNAME, file_hash, package_hash, relative
from milkbone.build.execute import BuildError, quiet

__all__ = ["DEFAULT_SEED", "LOCK_NAME", "one_build_at_a_time", "prepare_cohort", "same_files"]

DEFAULT_SEED = 2025
"""Seed of the default simulated cohort in ``data/simulated``."""

LOCK_NAME = ".milkbone-build.lock"
"""The lock file of a running build, in ``_build/``; it holds the build's process id."""


@contextlib.contextmanager
def one_build_at_a_time(
    *, root: Path | None = None, echo: Callable[[str], None] = quiet
) -> Iterator[Path]:
    """Hold the build lock of ``root`` (default the repository) while the block runs.

    If another build holds it, say so through ``echo`` (its process id) and wait for
    it to finish. The lock is released when the block ends, and by the system if the
    process dies.

    Yields
    ------
    Path
        The lock file.

    Examples
    --------
    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> with one_build_at_a_time(root=root) as lock:
    ...     lock.read_text() == str(os.getpid())
    True
    """
    root = (root or paths.ROOT).resolve()
    lock = root / "_build" / LOCK_NAME
    lock.parent.mkdir(parents=True, exist_ok=True)
    with open(lock, "a+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "unknown"
            echo(f"another build (process {holder}) is running in {root}; waiting for it")
            fcntl.flock(handle, fcntl.LOCK_EX)
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        try:
            yield lock
        finally:
            handle.seek(0)
            handle.truncate()
            fcntl.flock(handle, fcntl.LOCK_UN)


def same_files(left: Path, right: Path) -> bool:
    """True when two folders hold the same files (subfolders too) with the same bytes.

    Examples
    --------
    >>> import tempfile
    >>> a, b = Path(tempfile.mkdtemp()), Path(tempfile.mkdtemp())
    >>> _ = (a / "x.csv").write_text("1"), (b / "x.csv").write_text("1")
    >>> same_files(a, b), same_files(a, b / "missing")
    (True, False)
    """
    if not (left.is_dir() and right.is_dir()):
        return False
    names = sorted(str(p.relative_to(left)) for p in left.rglob("*") if p.is_file())
    if names != sorted(str(p.relative_to(right)) for p in right.rglob("*") if p.is_file()):
        return False
    _, mismatch, errors = filecmp.cmpfiles(left, right, names, shallow=False)
    return not mismatch and not errors


def _replace_folder(new: Path, out: Path) -> None:
    """Move ``new`` to ``out``; an existing ``out`` is moved aside first, then removed.

    Another process doing the same at the same moment (two test sessions, say) can
    put its folder back in between; then the move is tried again.
    """
    aside = Path(tempfile.mkdtemp(prefix=f".{out.name}-old-", dir=out.parent))
    try:
        for attempt in range(5):
            with contextlib.suppress(FileNotFoundError):
                os.replace(out, aside / f"{out.name}-{attempt}")
            try:
                os.replace(new, out)
                return
            except OSError:  # out is there again, not empty
                continue
        raise BuildError(f"could not move the new cohort into {out}: it keeps being replaced")
    finally:
        shutil.rmtree(aside, ignore_errors=True)


def _stamp_file(out: Path) -> Path | None:
    """Where the inputs of the default cohort are recorded; None for any other folder."""
    if out.resolve() != paths.SIMULATED.resolve():
        return None
    return paths.BUILD / CACHE_DIRNAME / "cohort.json"


def _read_json(path: Path) -> object:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _cohort_inputs(seed: int, out: Path) -> dict:
    """What the cohort in ``out`` was made from (seed, package, published numbers) and the
    hash of each of its files: equal to the recorded ones, there is nothing to redo."""

    def hashes(folder: Path) -> dict[str, str | None]:
        files = sorted(p for p in folder.rglob("*") if p.is_file())
        return {str(p.relative_to(folder)): file_hash(p) for p in files}

    return {
        "seed": seed,
        "package": package_hash(),
        "published": hashes(paths.PUBLISHED),
        "files": hashes(out) if out.is_dir() else {},
    }


def prepare_cohort(
    *, seed: int = DEFAULT_SEED, out: Path | None = None, echo: Callable[[str], None] = quiet
) -> Path:
    """Write and validate the default simulated cohort the notebooks read; return its folder.

    The cohort is simulated and validated in a temporary folder beside ``out`` (default
    ``data/simulated``) and moved into place only if it differs from what is there:
    an unchanged cohort is left untouched, and no reader ever sees a partial one.

    Raises
    ------
    BuildError
        If the cohort written does not pass validation (the first ten problems listed).
    """
    out = Path(out or paths.SIMULATED)
    start = time.perf_counter()
    stamp = _stamp_file(out)
    if stamp is not None and _read_json(stamp) == _cohort_inputs(seed, out):
        seconds = time.perf_counter() - start
        echo(f"  cohort  {relative(out, paths.ROOT)}, seed {seed}, unchanged (inputs as before)"
             f"  {seconds:6.1f} s")  # fmt: skip
        return out
    from milkbone import cohort

    out.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=f".{out.name}-new-", dir=out.parent))
    try:
        written = cohort.simulate(seed=seed, out=scratch / out.name)
        problems = cohort.validate(written)
        if problems:
            listed = "\n".join(f"  {problem}" for problem in problems[:10])
            raise BuildError(f"the simulated cohort does not pass validation:\n{listed}")
        unchanged = same_files(written, out)
        if not unchanged:
            _replace_folder(written, out)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    if stamp is not None:  # a no-op build then neither simulates nor validates again
        stamp.parent.mkdir(parents=True, exist_ok=True)
        stamp.write_text(json.dumps(_cohort_inputs(seed, out), sort_keys=True))
    state = "unchanged" if unchanged else "written"
    seconds = time.perf_counter() - start
    echo(f"  cohort  {relative(out, paths.ROOT)}, seed {seed}, valid, {state}  {seconds:6.1f} s")
    return out
