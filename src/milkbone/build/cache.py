"""The notebook cache: a notebook is re-executed only when one of its inputs changed.

Its key covers the notebook source, the ``milkbone`` package source, the parameters,
and every data file the notebook *read* during its last run (recorded by
:func:`milkbone.paths.record_read`): a changed data file re-executes exactly the
notebooks that read it. Jupyter Book's own cache ignores data files; this one does
not, which is why the book is built with ``execute_notebooks: off``.

One JSON entry per notebook in ``_build/.milkbone-cache/``, written atomically; an
entry that cannot be read counts as missing.
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
    """The cache entry of ``source`` if its inputs are unchanged, else None."""
    if not output_path(source).exists():
        return None
    entry = _read_entry(cache_file(source, root))
    if entry is None or entry.get("key") != cache_key(source, parameters, package):
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
    """Write the cache entry of ``source`` atomically (a whole file or none)."""
    path = cache_file(source, root)
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(
        "w", dir=path.parent, suffix=".tmp", delete=False, encoding="utf-8"
    ) as handle:
        handle.write(json.dumps(dict(entry), indent=1, sort_keys=True))
    os.replace(handle.name, path)
    return path
