"""Execute the notebooks with papermill, in parallel, each only when its inputs changed.

The ``.py`` files in ``notebooks/`` are the only sources: each is converted with
jupytext and executed by papermill into ``notebooks/<name>.ipynb`` (git-ignored),
never synced back. A notebook that fails leaves no ``.ipynb`` and no cache entry
behind, and the book is not built, so nothing stale looks valid. An executed notebook
is put in place by a rename, whole or not at all. The cache itself is
:mod:`milkbone.build.cache`.

Ctrl-C belongs to the main process: the worker processes ignore it, and on an
interrupt the main process stops them (each cleans up its scratch folder and its
kernel ends with it) and raises :class:`BuildInterrupted`, which the command line
reports in one line with exit code 130.
"""

from __future__ import annotations

import contextlib
import json
import multiprocessing
import os
import shutil
import signal
import tempfile
import time
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from milkbone import paths
from milkbone.build import cache
from milkbone.build.kernel import (
    environment,
    kernel_environment,
    output_to,
    run_papermill,
    write_unexecuted,
)

__all__ = [
    "BuildError",
    "BuildInterrupted",
    "NotebookFailure",
    "NotebookResult",
    "execute_notebooks",
    "execute_one",
    "notebook_sources",
    "progress_lines",
    "quiet",
]


class BuildError(RuntimeError):
    """A step of the build failed; the message says which and why."""


class BuildInterrupted(KeyboardInterrupt):
    """The build was interrupted (Ctrl-C); the message says what was left behind.

    A :class:`KeyboardInterrupt`, so code that does not expect it stops as on any
    Ctrl-C; the command line prints its message as one line and exits with 130.
    """


@dataclass(frozen=True)
class NotebookFailure:
    """Where and how a notebook failed."""

    cell: int | None
    source: str
    error: str


@dataclass
class NotebookResult:
    """Outcome of one notebook in a build."""

    notebook: str
    status: str  # "executed", "cached" or "failed"
    seconds: float
    key: str = ""
    failure: NotebookFailure | None = None
    reads: list[str] = field(default_factory=list)


def quiet(line: str) -> None:
    """The default ``echo``: progress goes nowhere (the command line passes ``print``)."""


def notebook_sources(folder: Path | None = None) -> list[Path]:
    """The jupytext ``.py`` sources in ``folder`` (default ``notebooks/``), in book order."""
    folder = folder or paths.NOTEBOOKS
    return sorted(p for p in folder.glob("*.py") if not p.name.startswith("_"))


def _failure_from(error: BaseException) -> NotebookFailure:
    cell = getattr(error, "exec_count", None) or getattr(error, "cell_index", None)
    source = getattr(error, "source", "") or ""
    ename = getattr(error, "ename", type(error).__name__)
    evalue = getattr(error, "evalue", str(error))
    return NotebookFailure(cell=cell, source=source.strip(), error=f"{ename}: {evalue}")


def _reads(read_log: Path, root: Path) -> dict[str, str | None]:
    """Data files the run read, with their hashes; a file gone after the run was
    temporary (an exercise re-simulating, say) and is not an input."""
    logged = {Path(line) for line in read_log.read_text().splitlines() if line}
    return {cache.relative(p, root): cache.file_hash(p) for p in sorted(logged) if p.exists()}


def _install(executed: Path, final: Path) -> None:
    """Put the executed notebook in place whole or not at all: copied beside ``final``
    under a hidden name, then renamed over it.

    Raises
    ------
    ValueError
        If ``executed`` is not a notebook with at least one cell.
    """
    try:
        cells = json.loads(executed.read_text(encoding="utf-8")).get("cells")
    except (OSError, ValueError, AttributeError):
        cells = None
    if not cells:
        raise ValueError(f"papermill wrote no cells to {executed.name}")
    partial = final.with_name(f".{final.name}.partial")
    try:
        shutil.copyfile(executed, partial)
        os.replace(partial, final)
    finally:
        partial.unlink(missing_ok=True)


def _discard(final: Path, source: Path, root: Path, destination: str | None) -> None:
    """A failed run leaves neither an executed notebook nor (in the book) a cache entry."""
    final.unlink(missing_ok=True)
    if destination is None:
        cache.cache_file(source, root).unlink(missing_ok=True)


def execute_one(
    source: str,
    parameters: dict[str, object],
    root: str,
    package: str,
    destination: str | None = None,
) -> NotebookResult:
    """Run one notebook in this (worker) process; never raises for notebook errors.

    With ``destination``, write the executed notebook there and its figures into
    ``<destination stem>_figures/`` beside it, leaving the book's notebook, figures and
    cache untouched (``milkbone run``: perhaps on real data).
    """
    source_path, root_path = Path(source), Path(root)
    name, start = source_path.stem, time.perf_counter()
    scratch_parent = cache.cache_dir(root_path)
    scratch_parent.mkdir(parents=True, exist_ok=True)
    final = Path(destination) if destination else cache.output_path(source_path)
    with tempfile.TemporaryDirectory(dir=scratch_parent) as scratch:
        read_log = Path(scratch) / "reads.txt"
        read_log.touch()
        unexecuted = write_unexecuted(source_path, Path(scratch))
        executed = Path(scratch) / f"{name}.ipynb"
        try:
            figures = final.with_name(f"{final.stem}_figures") if destination else None
            kernel = kernel_environment(source_path, root_path, parameters, read_log, figures)
            with environment(kernel), output_to(Path(scratch) / "kernel.log"):
                run_papermill(unexecuted, executed, parameters, root_path)
            _install(executed, final)
        except Exception as error:  # papermill wraps the notebook's exception
            _discard(final, source_path, root_path, destination)
            failure = _failure_from(error)
            return NotebookResult(name, "failed", time.perf_counter() - start, failure=failure)
        read_hashes = _reads(read_log, root_path)
    if destination is not None:
        return NotebookResult(name, "executed", time.perf_counter() - start)
    key = cache.cache_key(source_path, parameters, package)
    seconds = round(time.perf_counter() - start, 2)
    cache.write_entry(
        source_path, root_path, {"key": key, "reads": read_hashes, "seconds": seconds}
    )
    return NotebookResult(
        name,
        "executed",
        time.perf_counter() - start,
        key=key["source"][:12],
        reads=sorted(read_hashes),
    )


def progress_lines(result: NotebookResult) -> list[str]:
    """What the build prints about one notebook: status and time, then any failure.

    Examples
    --------
    >>> progress_lines(NotebookResult("20_baseline", "cached", 1.25))
    ['  cached  20_baseline                     1.2 s']
    """
    mark = {"executed": "ran   ", "cached": "cached", "failed": "FAILED"}[result.status]
    lines = [f"  {mark}  {result.notebook:<28} {result.seconds:6.1f} s"]
    if result.failure is not None:
        cell = f"cell {result.failure.cell}" if result.failure.cell else "set-up, before any cell"
        lines.append(f"          {result.notebook} failed in {cell}: {result.failure.error}")
        lines += [f"          | {line}" for line in result.failure.source.splitlines()[:6]]
    return lines


def _cached_result(source: Path, entry: dict) -> NotebookResult:
    return NotebookResult(
        source.stem,
        "cached",
        entry.get("seconds", 0.0),
        key=entry["key"]["source"][:12],
        reads=sorted(entry["reads"]),
    )


def _leave_quietly(signum: int, frame: object) -> None:
    """A worker told to stop: silence its output, end its kernel (mid-cell, nothing to
    keep; it would print errors once its sockets are gone), then exit through the
    ``finally`` blocks, which remove the scratch folders."""
    import psutil  # installed with ipykernel

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    for child in psutil.Process().children(recursive=True):
        with contextlib.suppress(psutil.Error):
            child.kill()
    raise SystemExit(128 + signum)


def _worker_signals() -> None:
    """Initialiser of a worker process: Ctrl-C is for the main process to handle, and
    SIGTERM, which the main process sends on an interrupt, ends the worker quietly."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _leave_quietly)


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    """After Ctrl-C: cancel what has not started, stop the workers, wait for them."""
    pool.shutdown(wait=False, cancel_futures=True)
    for worker in multiprocessing.active_children():
        worker.terminate()
    pool.shutdown(wait=True)


def _run_pending(pending, *, parameters, root, package, workers, echo) -> list[NotebookResult]:
    """Execute ``pending`` notebooks on up to ``workers`` processes, echoing each result.

    Raises
    ------
    BuildInterrupted
        On Ctrl-C, once every worker has stopped; finished notebooks keep their output
        and cache entry, the others leave none.
    """
    workers = max(1, min(workers or os.cpu_count() or 1, len(pending)))
    echo(f"executing {len(pending)} notebook(s) on {workers} worker(s)")
    results: list[NotebookResult] = []
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_worker_signals)
    try:
        futures = [
            pool.submit(execute_one, str(s), parameters, str(root), package) for s in pending
        ]
        for future in as_completed(futures):
            results.append(future.result())
            for line in progress_lines(results[-1]):
                echo(line)
    except KeyboardInterrupt:
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C waits too
        try:
            _stop_workers(pool)
        finally:
            signal.signal(signal.SIGINT, previous)
        raise BuildInterrupted(
            f"interrupted while executing notebooks: {len(results)} of {len(pending)} "
            "finished; the others left no executed notebook and no cache entry"
        ) from None
    pool.shutdown(wait=True)
    return results


def _raise_for_failures(results: Iterable[NotebookResult]) -> None:
    failed = [r for r in results if r.status == "failed"]
    if failed:
        names = ", ".join(
            f"{r.notebook} (cell {r.failure.cell})" if r.failure.cell else f"{r.notebook} (set-up)"
            for r in failed
        )
        raise BuildError(f"notebook(s) failed: {names}")


def execute_notebooks(
    sources: Iterable[Path] | None = None,
    *,
    parameters: Mapping[str, object] | None = None,
    workers: int | None = None,
    force: bool = False,
    root: Path | None = None,
    echo: Callable[[str], None] = quiet,
) -> list[NotebookResult]:
    """Execute the notebooks whose inputs changed, in parallel, one progress line each.

    Parameters
    ----------
    sources : iterable of Path, optional
        Notebook sources; default every ``notebooks/*.py``.
    parameters : mapping, optional
        Papermill parameters given to every notebook (part of the cache key).
    workers : int, optional
        Parallel kernels; default the number of CPU cores.
    force : bool, default False
        Execute even when up to date.
    root : Path, optional
        Project root (the notebooks' working directory); default the repository.
    echo : callable, optional
        Where progress lines go; default nowhere (the command line passes ``print``).

    Returns
    -------
    list of NotebookResult
        One per notebook, in the order given.

    Raises
    ------
    BuildError
        If any notebook failed; its name, cell and error are in the message.
    """
    root = (root or paths.ROOT).resolve()
    sources = [Path(s).resolve() for s in (sources or notebook_sources(root / "notebooks"))]
    parameters = dict(parameters or {})
    package = cache.package_hash()
    results: dict[str, NotebookResult] = {}
    pending = []
    for source in sources:
        entry = (
            None
            if force
            else cache.fresh_entry(source, parameters=parameters, package=package, root=root)
        )
        if entry is None:
            pending.append(source)
            continue
        results[source.stem] = _cached_result(source, entry)
        for line in progress_lines(results[source.stem]):
            echo(line)
    if pending:
        ran = _run_pending(
            pending, parameters=parameters, root=root, package=package, workers=workers, echo=echo
        )
        results.update((r.notebook, r) for r in ran)
    ordered = [results[s.stem] for s in sources]
    _raise_for_failures(ordered)
    return ordered
