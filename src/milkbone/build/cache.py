"""The notebook cache: a notebook is re-executed only when one of its inputs changed.

Its key covers the notebook source, the ``milkbone`` package source, the parameters,
and every data file the notebook *read* during its last run (recorded by
:func:`milkbone.paths.record_read`): a changed data file re-executes exactly the
notebooks that read it. Jupyter Book's own cache ignores data files; this one does
not, which is why the book is built with ``execute_notebooks: off``.

One JSON entry per notebook in ``_build/.milkbone-cache/``, written atomically, holding
the SHA-256 of the executed notebook it vouches for. An entry that cannot be read
(truncated, malformed, from an older version without that digest) counts as missing, and
so does one whose executed notebook is missing, empty or not the file that run wrote (a
build interrupted while writing it, say): the notebook is executed again.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

__all__ = [
    "CACHE_DIRNAME",
    "NOT_NOTEBOOK_INPUTS",
    "cache_dir",
    "cache_file",
    "cache_key",
    "file_hash",
    "fresh_entry",
    "is_up_to_date",
    "output_path",
    "package_hash",
    "relative",
    "sha256",
    "write_atomically",
    "write_entry",
]

CACHE_DIRNAME = ".milkbone-cache"

PACKAGE = Path(__file__).resolve().parents[1]
"""The installed ``milkbone`` package folder."""

NOT_NOTEBOOK_INPUTS = ("build", "cli.py")
"""Parts of the package no notebook imports (the build itself and the command line):
changing them cannot change a notebook's output, so they are left out of its key."""


def sha256(data: bytes) -> str:
    """Hex SHA-256 of ``data``.

    Examples
    --------
    >>> sha256(b"")[:12]
    'e3b0c44298fc'
    """
    return hashlib.sha256(data).hexdigest()


def file_hash(path: Path) -> str | None:
    """Hex SHA-256 of a file's bytes, or None if it does not exist."""
    try:
        return sha256(path.read_bytes())
    except FileNotFoundError:
        return None


def package_hash(package: Path | None = None) -> str:
    """Hash of the ``milkbone`` modules notebooks can use.

    Every ``.py`` file of ``package`` (default the installed package) except those
    under :data:`NOT_NOTEBOOK_INPUTS`: the ``build/`` subpackage and ``cli.py``.
    """
    package = package or PACKAGE
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        relative_path = path.relative_to(package)
        if relative_path.parts[0] in NOT_NOTEBOOK_INPUTS:
            continue
        digest.update(str(relative_path).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def relative(path: Path, root: Path) -> str:
    """``path`` relative to ``root`` if it lies below it, else absolute.

    Examples
    --------
    >>> relative(Path("/a/b/c.py"), Path("/a")), relative(Path("/x/c.py"), Path("/a"))
    ('b/c.py', '/x/c.py')
    """
    try:
        return str(path.resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path.resolve())


def cache_key(source: Path, parameters: Mapping[str, object], package: str) -> dict[str, str]:
    """The inputs of a run known before it starts: source, package and parameter hashes."""
    return {
        "source": sha256(source.read_bytes()),
        "package": package,
        "parameters": sha256(json.dumps(dict(parameters), sort_keys=True).encode()),
    }


def cache_dir(root: Path) -> Path:
    """The folder of cache entries under ``root``."""
    return root / "_build" / CACHE_DIRNAME


def cache_file(source: Path, root: Path) -> Path:
    """The cache entry of notebook ``source``."""
    return cache_dir(root) / f"{source.stem}.json"


def output_path(source: Path) -> Path:
    """Where the executed notebook of ``source`` is written."""
    return source.with_suffix(".ipynb")


def _read_entry(cache: Path) -> dict | None:
    """The entry in ``cache``, or None if it is missing, truncated or malformed."""
    try:
        entry = json.loads(cache.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(entry, dict) or not isinstance(entry.get("reads"), dict):
        return None
    return entry


def fresh_entry(
    source: Path, *, parameters: Mapping[str, object], package: str, root: Path
) -> dict | None:
    """The cache entry of ``source`` if its inputs are unchanged and its executed
    notebook is the one that run wrote, else None."""
    entry = _read_entry(cache_file(source, root))
    if entry is None or entry.get("key") != cache_key(source, parameters, package):
        return None
    output = output_path(source)
    if not output.is_file() or output.stat().st_size == 0:
        return None
    if entry.get("output") != file_hash(output):
        return None
    unchanged = all(file_hash(root / path) == digest for path, digest in entry["reads"].items())
    return entry if unchanged else None


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
    return fresh_entry(source, parameters=parameters, package=package, root=root) is not None


def write_entry(source: Path, root: Path, entry: Mapping[str, object]) -> Path:
    """Write the cache entry of ``source`` atomically (a whole file or none).

    The entry records the SHA-256 of the executed notebook as it is now (``output``),
    so call this after the notebook was written: :func:`fresh_entry` accepts the entry
    only while that file is unchanged.
    """
    path = cache_file(source, root)
    path.parent.mkdir(parents=True, exist_ok=True)
    record = {**dict(entry), "output": file_hash(output_path(source))}
    write_atomically(path, json.dumps(record, indent=1, sort_keys=True).encode())
    return path


def write_atomically(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` whole or not at all: a temporary file beside it, renamed.

    A reader never sees a half-written file, even if the writer is interrupted.

    Examples
    --------
    >>> import tempfile
    >>> target = Path(tempfile.mkdtemp()) / "entry.json"
    >>> write_atomically(target, b"{}").read_bytes(), [p.name for p in target.parent.iterdir()]
    (b'{}', ['entry.json'])
    """
    temporary = None
    try:
        with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".tmp", delete=False) as handle:
            temporary = Path(handle.name)
            handle.write(data)
        os.replace(temporary, path)
    except BaseException:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
        raise
    return path
