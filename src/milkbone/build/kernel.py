"""The kernel a notebook runs in: its environment, its sockets, papermill's call.

Each notebook runs in a fresh ``python3`` kernel told which notebook it is running
(captions name it), its parameters, where to log the data files it reads (the cache
key), with fixed hashing and plotting backend.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path

from milkbone import paths
from milkbone.build import cache

__all__ = [
    "KERNEL",
    "environment",
    "kernel_environment",
    "output_to",
    "run_papermill",
    "write_unexecuted",
]

KERNEL = "python3"
"""The Jupyter kernel every notebook runs in."""


@contextlib.contextmanager
def environment(updates: Mapping[str, str]):
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


@contextlib.contextmanager
def output_to(log: Path):
    """Send this process's standard output and error to ``log`` while the block runs.

    A kernel inherits them when it starts, so what it prints (and what papermill's
    machinery logs) goes to the log, not to the terminal: when a run is interrupted,
    a kernel stopped mid-cell reports it there, and the command line prints one line.
    """
    sys.stdout.flush()
    sys.stderr.flush()
    saved = os.dup(1), os.dup(2)
    try:
        with open(log, "ab") as handle:
            os.dup2(handle.fileno(), 1)
            os.dup2(handle.fileno(), 2)
            yield log
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        for descriptor, copy in zip((1, 2), saved, strict=True):
            os.dup2(copy, descriptor)
            os.close(copy)


def _kernel_config(sockets: Path):
    """Kernel over IPC sockets in ``sockets``: no TCP ports opened, no warning."""
    from traitlets.config import Config

    config = Config()
    config.KernelManager.transport = "ipc"
    config.KernelManager.ip = str(sockets / "kernel")
    return config


def run_papermill(unexecuted, executed, parameters, root) -> None:
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
    source: Path,
    root: Path,
    parameters: Mapping[str, object],
    read_log: Path,
    figures: Path | None = None,
) -> dict[str, str]:
    """Environment of the kernel running ``source``: where to log reads, which
    notebook it is (captions name it), its parameters, fixed hashing and backend; and,
    for a run outside the book, where its figures go (never the book's folder)."""
    outside = {"MILKBONE_FIGURES": str(figures)} if figures is not None else {}
    return outside | {
        paths.READ_LOG_VARIABLE: str(read_log),
        "MILKBONE_ROOT": str(root),
        "MILKBONE_NOTEBOOK": cache.relative(source, root),
        "MILKBONE_PARAMETERS": json.dumps(dict(parameters), sort_keys=True),
        "PYTHONHASHSEED": "0",
        "MPLBACKEND": "module://matplotlib_inline.backend_inline",
    }


def write_unexecuted(source: Path, folder: Path) -> Path:
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
