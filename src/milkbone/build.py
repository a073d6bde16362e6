"""Execute the notebooks and build the book.

A notebook is re-executed only when one of its inputs changed. Its cache key
covers the notebook source, the ``milkbone`` package source, the parameters,
and every data file the notebook *read* during its last run (recorded by
``milkbone.paths.record_read``): a changed data file re-executes exactly the
notebooks that read it. Jupyter Book's own cache ignores data files; this one
does not, which is why the book is built with ``execute_notebooks: off``.

The ``.py`` files in ``notebooks/`` are the only sources: each is converted with
jupytext and executed by papermill into ``notebooks/<name>.ipynb`` (git-ignored),
never synced back. A notebook that fails leaves no ``.ipynb`` and no cache entry
behind, and the book is not built, so nothing stale looks valid.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from milkbone import paths

__all__ = [
    "BuildError",
    "NotebookFailure",
    "NotebookResult",
    "build_book",
    "execute_notebooks",
    "is_up_to_date",
    "notebook_sources",
    "write_report",
]

KERNEL = "python3"
CACHE_DIRNAME = ".milkbone-cache"
REPORT_NAME = "execution_report.csv"


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


def notebook_sources(folder: Path | None = None) -> list[Path]:
    """The jupytext ``.py`` sources in ``folder`` (default ``notebooks/``), in book order."""
    folder = folder or paths.NOTEBOOKS
    return sorted(p for p in folder.glob("*.py") if not p.name.startswith("_"))


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _file_hash(path: Path) -> str | None:
    try:
        return _sha256(path.read_bytes())
    except FileNotFoundError:
        return None


BUILD_TOOLING = frozenset({"build.py", "cli.py", "sphinxext.py", "_lock.py"})
"""Modules no notebook imports: changing them cannot change a notebook's output."""


def package_hash() -> str:
    """Hash of the ``milkbone`` modules notebooks can use (all but :data:`BUILD_TOOLING`)."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        if path.name in BUILD_TOOLING:
            continue
        digest.update(str(path.relative_to(package)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _relative(path: Path, root: Path) -> str:
    try:
        return str(path.resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path.resolve())


def _static_key(source: Path, parameters: Mapping[str, object], package: str) -> dict[str, str]:
    return {
        "source": _sha256(source.read_bytes()),
        "package": package,
        "parameters": _sha256(json.dumps(dict(parameters), sort_keys=True).encode()),
    }


def _cache_dir(root: Path) -> Path:
    return root / "_build" / CACHE_DIRNAME


def _cache_file(source: Path, root: Path) -> Path:
    return _cache_dir(root) / f"{source.stem}.json"


def output_path(source: Path) -> Path:
    """Where the executed notebook of ``source`` is written."""
    return source.with_suffix(".ipynb")


def is_up_to_date(
    source: Path,
    *,
    parameters: Mapping[str, object],
    package: str,
    root: Path,
) -> bool:
    """True when ``source`` was executed before with exactly the current inputs.

    The inputs are the notebook source, the package source (``package`` hash), the
    parameters and the content of every data file the last run read.
    """
    return _fresh_entry(source, parameters=parameters, package=package, root=root) is not None


def _fresh_entry(
    source: Path, *, parameters: Mapping[str, object], package: str, root: Path
) -> dict | None:
    """The cache entry of ``source`` if its inputs are unchanged, else None."""
    cache = _cache_file(source, root)
    if not cache.exists() or not output_path(source).exists():
        return None
    entry = json.loads(cache.read_text())
    if entry.get("key") != _static_key(source, parameters, package):
        return None
    unchanged = all(_file_hash(root / path) == digest for path, digest in entry["reads"].items())
    return entry if unchanged else None


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


def _kernel_config(sockets: Path):
    """Kernel over IPC sockets in ``sockets``: no TCP ports opened, no warning."""
    from traitlets.config import Config

    config = Config()
    config.KernelManager.transport = "ipc"
    config.KernelManager.ip = str(sockets / "kernel")
    return config


def _execute_one(
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
    import jupytext
    import nbformat

    source_path, root_path = Path(source), Path(root)
    name = source_path.stem
    start = time.perf_counter()
    cache_dir = _cache_dir(root_path)
    cache_dir.mkdir(parents=True, exist_ok=True)
    final = Path(destination) if destination else output_path(source_path)
    with tempfile.TemporaryDirectory(dir=cache_dir) as scratch:
        scratch_path = Path(scratch)
        read_log = scratch_path / "reads.txt"
        read_log.touch()
        notebook = jupytext.read(source_path)
        notebook.metadata["kernelspec"] = {
            "name": KERNEL,
            "display_name": "Python 3",
            "language": "python",
        }
        unexecuted, executed = scratch_path / f"{name}.in.ipynb", scratch_path / f"{name}.ipynb"
        nbformat.write(notebook, unexecuted)
        kernel_environment = {
            paths.READ_LOG_VARIABLE: str(read_log),
            "MILKBONE_ROOT": str(root_path),
            "MILKBONE_NOTEBOOK": _relative(source_path, root_path),
            "MILKBONE_PARAMETERS": json.dumps(parameters, sort_keys=True),
            "PYTHONHASHSEED": "0",
            "MPLBACKEND": "module://matplotlib_inline.backend_inline",
        }
        try:
            with _environment(kernel_environment):
                _run_papermill(unexecuted, executed, parameters, root_path)
        except Exception as error:  # papermill wraps the notebook's exception
            final.unlink(missing_ok=True)
            if destination is None:
                _cache_file(source_path, root_path).unlink(missing_ok=True)
            return NotebookResult(
                name, "failed", time.perf_counter() - start, failure=_failure_from(error)
            )
        # a file gone after the run was temporary (an exercise re-simulating, say)
        logged = {Path(line) for line in read_log.read_text().splitlines() if line}
        reads = sorted(path for path in logged if path.exists())
        read_hashes = {_relative(p, root_path): _file_hash(p) for p in reads}
        shutil.move(executed, final)
    key = _static_key(source_path, parameters, package)
    if destination is not None:
        return NotebookResult(name, "executed", time.perf_counter() - start)
    entry = {"key": key, "reads": read_hashes, "seconds": round(time.perf_counter() - start, 2)}
    _cache_file(source_path, root_path).write_text(json.dumps(entry, indent=1, sort_keys=True))
    return NotebookResult(
        name,
        "executed",
        time.perf_counter() - start,
        key=key["source"][:12],
        reads=sorted(read_hashes),
    )


def _print_line(result: NotebookResult, echo: Callable[[str], None]) -> None:
    mark = {"executed": "ran   ", "cached": "cached", "failed": "FAILED"}[result.status]
    echo(f"  {mark}  {result.notebook:<28} {result.seconds:6.1f} s")
    if result.failure is not None:
        cell = f"cell {result.failure.cell}" if result.failure.cell else "set-up, before any cell"
        echo(f"          {result.notebook} failed in {cell}: {result.failure.error}")
        for line in result.failure.source.splitlines()[:6]:
            echo(f"          | {line}")


def execute_notebooks(
    sources: Iterable[Path] | None = None,
    *,
    parameters: Mapping[str, object] | None = None,
    workers: int | None = None,
    force: bool = False,
    root: Path | None = None,
    echo: Callable[[str], None] = print,
) -> list[NotebookResult]:
    """Execute the notebooks whose inputs changed, in parallel, printing one line each.

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
    echo : callable
        Where progress lines go.

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
    package = package_hash()
    inputs = {"parameters": parameters, "package": package, "root": root}
    results: dict[str, NotebookResult] = {}
    pending = []
    for source in sources:
        entry = None if force else _fresh_entry(source, **inputs)
        if entry is None:
            pending.append(source)
            continue
        results[source.stem] = NotebookResult(
            source.stem,
            "cached",
            entry.get("seconds", 0.0),
            key=entry["key"]["source"][:12],
            reads=sorted(entry["reads"]),
        )
        _print_line(results[source.stem], echo)
    if pending:
        workers = max(1, min(workers or os.cpu_count() or 1, len(pending)))
        echo(f"executing {len(pending)} notebook(s) on {workers} worker(s)")
        with ProcessPoolExecutor(max_workers=workers) as pool:
            futures = [
                pool.submit(_execute_one, str(s), parameters, str(root), package) for s in pending
            ]
            for future in as_completed(futures):
                result = future.result()
                results[result.notebook] = result
                _print_line(result, echo)
    ordered = [results[s.stem] for s in sources]
    failed = [r for r in ordered if r.status == "failed"]
    if failed:
        names = ", ".join(
            f"{r.notebook} (cell {r.failure.cell})" if r.failure.cell else f"{r.notebook} (set-up)"
            for r in failed
        )
        raise BuildError(f"notebook(s) failed: {names}")
    return ordered


def _summarise_reads(reads: Iterable[str]) -> str:
    """``data/published/ (12 files); data/simulated/ (3 files)``: one entry per folder.

    Examples
    --------
    >>> _summarise_reads(["data/a/x.csv", "data/a/y.csv", "data/b/z.csv"])
    'data/a/ (2 files); data/b/ (1 file)'
    """
    folders: dict[str, int] = {}
    for read in reads:
        folder = str(Path(read).parent) + "/"
        folders[folder] = folders.get(folder, 0) + 1
    return "; ".join(
        f"{folder} ({n} file{'s' if n != 1 else ''})" for folder, n in sorted(folders.items())
    )


def write_report(results: Iterable[NotebookResult], path: Path) -> Path:
    """Write the execution report (one row per notebook) as CSV; the book publishes it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["notebook", "status", "seconds", "source hash", "data files read"])
        for r in results:
            writer.writerow(
                [
                    f"notebooks/{r.notebook}.py",
                    r.status,
                    f"{r.seconds:.1f}",
                    r.key,
                    _summarise_reads(r.reads),
                ]
            )
    return path


def build_book(*, root: Path | None = None, echo: Callable[[str], None] = print) -> Path:
    """Run ``jupyter-book build`` with warnings as errors; return the HTML folder.

    Raises
    ------
    BuildError
        If Sphinx reports any warning or error (``-W -n --keep-going``).
    """
    root = (root or paths.ROOT).resolve()
    html = root / "_build" / "html"
    command = [
        sys.executable,
        "-c",
        "from jupyter_book.cli.main import main; main()",
        "build",
        str(root),
        "--builder",
        "html",
        "-W",
        "-n",
        "--keep-going",
        "-q",
    ]
    echo("building the book (jupyter-book, warnings are errors)")
    start = time.perf_counter()
    completed = subprocess.run(command, cwd=root, capture_output=True, text=True)
    if completed.returncode != 0:
        shutil.rmtree(html, ignore_errors=True)
        output = (completed.stdout + completed.stderr).strip().splitlines()
        detail = "\n".join(line for line in output if "WARNING" in line or "ERROR" in line)
        raise BuildError("the book build failed:\n" + (detail or "\n".join(output[-30:])))
    echo(f"  built   {_relative(html, root)}  {time.perf_counter() - start:6.1f} s")
    return html


def summary(results: list[NotebookResult]) -> dict[str, int]:
    """Counts of notebooks per status."""
    return dict(Counter(r.status for r in results))
