"""Execute the notebooks with papermill, in parallel, each only when its inputs changed.

The ``.py`` files in ``notebooks/`` are the only sources: each is converted with
jupytext and executed by papermill into ``notebooks/<name>.ipynb`` (git-ignored),
never synced back. A notebook that fails leaves no ``.ipynb`` and no cache entry
behind, and the book is not built, so nothing stale looks valid. The cache itself
is :mod:`milkbone.build.cache`.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from milkbone import paths
from milkbone.build import cache

__all__ = [
    "KERNEL",
    "BuildError",
    "NotebookFailure",
    "NotebookResult",
    "execute_notebooks",
    "execute_one",
    "kernel_environment",
    "notebook_sources",
    "progress_lines",
    "quiet",
]

KERNEL = "python3"


class BuildError(RuntimeError):
    """A step of the build failed; the message says which and why."""


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


@contextlib.contextmanager
def _environment(updates: Mapping[str, str]):
    """Set environment variables for the kernel about to start, then restore them.

    The kernel inherits them; this process must not keep them, since ``milkbone run``
    executes in the caller's process (a test session, say).
    """
    saved = {name: os.environ.get(name) for name in updates}
    os.environ.update(updates)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _kernel_config(sockets: Path):
    """Kernel over IPC sockets in ``sockets``: no TCP ports opened, no warning."""
    from traitlets.config import Config

    config = Config()
    config.KernelManager.transport = "ipc"
    config.KernelManager.ip = str(sockets / "kernel")
    return config


def _run_papermill(unexecuted, executed, parameters, root) -> None:
    import papermill

    # Unix socket paths are limited to 107 bytes, so the kernel's sockets go in a short
    # folder of the system's temporary directory, not under the (possibly deep) project.
    with tempfile.TemporaryDirectory(prefix="milkbone-") as sockets:
        papermill.execute_notebook(
            str(unexecuted),
            str(executed),
            parameters=parameters,
            kernel_name=KERNEL,
            cwd=str(root),
            progress_bar=False,
            log_output=False,
            config=_kernel_config(Path(sockets)),
        )


def kernel_environment(
    source: Path, root: Path, parameters: Mapping[str, object], read_log: Path
) -> dict[str, str]:
    """Environment of the kernel running ``source``: where to log reads, which
    notebook it is (captions name it), its parameters, fixed hashing and backend."""
    return {
        paths.READ_LOG_VARIABLE: str(read_log),
        "MILKBONE_ROOT": str(root),
        "MILKBONE_NOTEBOOK": cache.relative(source, root),
        "MILKBONE_PARAMETERS": json.dumps(dict(parameters), sort_keys=True),
        "PYTHONHASHSEED": "0",
        "MPLBACKEND": "module://matplotlib_inline.backend_inline",
    }


def _write_unexecuted(source: Path, folder: Path) -> Path:
    """The jupytext source as an ``.ipynb`` with the kernel named, in ``folder``."""
    import jupytext
    import nbformat

    notebook = jupytext.read(source)
    notebook.metadata["kernelspec"] = {
        "name": KERNEL,
        "display_name": "Python 3",
        "language": "python",
    }
    unexecuted = folder / f"{source.stem}.in.ipynb"
    nbformat.write(notebook, unexecuted)
    return unexecuted


def _reads(read_log: Path, root: Path) -> dict[str, str | None]:
    """Data files the run read, with their hashes; a file gone after the run was
    temporary (an exercise re-simulating, say) and is not an input."""
    logged = {Path(line) for line in read_log.read_text().splitlines() if line}
    return {cache.relative(p, root): cache.file_hash(p) for p in sorted(logged) if p.exists()}


def execute_one(
    source: str,
    parameters: dict[str, object],
    root: str,
    package: str,
    destination: str | None = None,
) -> NotebookResult:
    """Run one notebook in this (worker) process; never raises for notebook errors.

    With ``destination``, write the executed notebook there and leave the book's
    notebook and cache untouched (``milkbone run``).
    """
    source_path, root_path = Path(source), Path(root)
    name, start = source_path.stem, time.perf_counter()
    scratch_parent = cache.cache_dir(root_path)
    scratch_parent.mkdir(parents=True, exist_ok=True)
    final = Path(destination) if destination else cache.output_path(source_path)
    with tempfile.TemporaryDirectory(dir=scratch_parent) as scratch:
        read_log = Path(scratch) / "reads.txt"
        read_log.touch()
        unexecuted = _write_unexecuted(source_path, Path(scratch))
        executed = Path(scratch) / f"{name}.ipynb"
        try:
            with _environment(kernel_environment(source_path, root_path, parameters, read_log)):
                _run_papermill(unexecuted, executed, parameters, root_path)
        except Exception as error:  # papermill wraps the notebook's exception
            final.unlink(missing_ok=True)
            if destination is None:
                cache.cache_file(source_path, root_path).unlink(missing_ok=True)
            failure = _failure_from(error)
            return NotebookResult(name, "failed", time.perf_counter() - start, failure=failure)
        read_hashes = _reads(read_log, root_path)
        shutil.move(executed, final)
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


def _run_pending(pending, *, parameters, root, package, workers, echo) -> list[NotebookResult]:
    """Execute ``pending`` notebooks on up to ``workers`` processes, echoing each result."""
    workers = max(1, min(workers or os.cpu_count() or 1, len(pending)))
    echo(f"executing {len(pending)} notebook(s) on {workers} worker(s)")
    results = []
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = [
            pool.submit(execute_one, str(s), parameters, str(root), package) for s in pending
        ]
        for future in as_completed(futures):
            results.append(future.result())
            for line in progress_lines(results[-1]):
                echo(line)
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
