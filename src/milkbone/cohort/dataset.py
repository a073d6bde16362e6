"""``dataset.json``: what produced a data folder, and whether its files are still that.

A simulated folder records the SHA-256 of every file it holds (:func:`file_digests`,
written by :func:`milkbone.cohort.simulate`). :func:`read_dataset` believes ``"kind":
"simulated"`` only while the files match: a ``dataset.json`` copied beside other
files, a file edited or added by hand, or a simulated ``dataset.json`` that records
no digests, all make the folder count as real data (the safe side: real data get the
privacy rules), and the returned record says why (``kind_note``).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from milkbone import paths
from milkbone.cohort.problems import Problem
from milkbone.cohort.reading import read_text
from milkbone.cohort.schema import DATASET_FILE, DATASET_KINDS

__all__ = ["file_digests", "read_dataset", "simulation_mismatch"]


def _data_files(folder: Path) -> list[Path]:
    """The files a folder's ``dataset.json`` speaks for: all but itself and hidden files."""
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and p.name != DATASET_FILE and not p.name.startswith(".")
    )


def file_digests(folder: str | Path) -> dict[str, str]:
    """SHA-256 of every file of ``folder`` but ``dataset.json`` and hidden files, by name.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "visits.csv").write_text("participant,month\\n")
    >>> file_digests(folder)["visits.csv"][:12]
    'a957e415e51d'
    """
    folder = paths.resolve(folder)
    return {
        p.name: hashlib.sha256(paths.record_read(p).read_bytes()).hexdigest()
        for p in _data_files(folder)
    }


def simulation_mismatch(folder: Path, recorded: object) -> str | None:
    """Why the files of ``folder`` are not the simulation ``recorded`` describes, or None.

    ``recorded`` is the ``files`` entry of a simulated ``dataset.json``: file name to
    SHA-256.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "visits.csv").write_text("participant,month\\n")
    >>> simulation_mismatch(folder, file_digests(folder)) is None
    True
    >>> _ = (folder / "visits.csv").write_text("participant,month\\nP1,0\\n")
    >>> simulation_mismatch(folder, file_digests(folder) | {"visits.csv": "0" * 64})
    'visits.csv is not the file the simulation wrote (its SHA-256 differs)'
    """
    if not isinstance(recorded, dict) or not recorded:
        return "it records no SHA-256 of the files it describes"
    found = file_digests(folder)
    for name, digest in recorded.items():
        if name not in found:
            return f"{name}, which the simulation wrote, is missing"
        if found[name] != digest:
            return f"{name} is not the file the simulation wrote (its SHA-256 differs)"
    added = [name for name in found if name not in recorded]
    if added:
        return f"{added[0]} was not written by the simulation"
    return None


def read_dataset(data_dir: Path) -> tuple[dict | None, list[Problem]]:
    """``data_dir/dataset.json`` as a dict, or None and the problem that prevents it.

    The file may be UTF-8 (with or without a byte-order mark, as Notepad writes it) or
    UTF-16. A record saying ``"kind": "simulated"`` is returned with ``"kind": "real"``
    when the folder's files are not the ones it describes (:func:`simulation_mismatch`);
    ``kind_recorded`` then keeps what the file says and ``kind_note`` says why.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "dataset.json").write_text('{"kind": "lab"}')
    >>> info, problems = read_dataset(folder)
    >>> print(info, *problems)
    None dataset.json, column kind: 'kind' is 'lab'; expected one of 'simulated', 'real'
    >>> _ = (folder / "dataset.json").write_text('{"kind": "simulated", "seed": 1}')
    >>> info, problems = read_dataset(folder)
    >>> info["kind"], info["kind_note"]  # doctest: +NORMALIZE_WHITESPACE
    ('real', 'dataset.json says the data are simulated, but it records no SHA-256 of the
    files it describes: treated as real data')
    """
    path = data_dir / DATASET_FILE
    if not path.is_file():
        return None, [Problem(DATASET_FILE, None, None, "file is missing")]
    text, how = read_text(path)
    if text is None:
        return None, [Problem(DATASET_FILE, None, None, how)]
    try:
        info = json.loads(text)
    except json.JSONDecodeError as error:
        return None, [Problem(DATASET_FILE, error.lineno, None, f"not valid JSON ({error.msg})")]
    if not isinstance(info, dict) or info.get("kind") not in DATASET_KINDS:
        kind = info.get("kind") if isinstance(info, dict) else None
        message = f"'kind' is {kind!r}; expected one of {', '.join(map(repr, DATASET_KINDS))}"
        return None, [Problem(DATASET_FILE, None, "kind", message)]
    if info["kind"] == "simulated":
        why = simulation_mismatch(data_dir, info.get("files"))
        if why is not None:
            note = f"{DATASET_FILE} says the data are simulated, but {why}: treated as real data"
            info = {**info, "kind": "real", "kind_recorded": "simulated", "kind_note": note}
    return info, []
