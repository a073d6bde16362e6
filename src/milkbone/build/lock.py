"""Keep ``environment.yml`` in step with ``requirements.lock``.

``requirements.lock`` is the single list of exact pins (every transitive package);
the Makefile installs it with pip, and conda users install ``environment.yml``,
whose pip section this module writes from the lock. Standard library only, so it
runs before the environment exists (``milkbone lock`` is its command)::

    PYTHONPATH=src python -m milkbone.cli lock          # rewrite environment.yml
    PYTHONPATH=src python -m milkbone.cli lock --check  # exit 1 if they disagree
"""

from __future__ import annotations

import re
from pathlib import Path

__all__ = [
    "ENVIRONMENT",
    "LOCK",
    "PYTHON_VERSION",
    "ROOT",
    "environment_pins",
    "lock_pins",
    "normalise",
    "parse_pins",
    "pins_agree",
    "render_environment",
    "write_environment",
]

ROOT = Path(__file__).resolve().parents[3]
LOCK = ROOT / "requirements.lock"
ENVIRONMENT = ROOT / "environment.yml"
PYTHON_VERSION = "3.11"

_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;#]+)$")


def normalise(name: str) -> str:
    """A package name as pip compares them (PEP 503).

    Examples
    --------
    >>> normalise("Scikit_Bio")
    'scikit-bio'
    """
    return re.sub(r"[-_.]+", "-", name).lower()


def parse_pins(lines: list[str]) -> dict[str, str]:
    """Return ``{normalised name: version}`` from requirement lines.

    Blank lines, comments and ``-e``/``-r`` options are skipped; any other line
    that is not an exact ``name==version`` pin raises ``ValueError``.

    Examples
    --------
    >>> parse_pins(["# pinned", "Pandas==3.1.1", "", "scikit_bio==0.7.4"])
    {'pandas': '3.1.1', 'scikit-bio': '0.7.4'}
    """
    pins: dict[str, str] = {}
    for raw in lines:
        line = raw.split(" #")[0].strip()
        if not line or line.startswith(("#", "-e", "-r", "--")):
            continue
        match = _PIN.match(line)
        if match is None:
            raise ValueError(f"not an exact pin (name==version): {raw.strip()!r}")
        pins[normalise(match[1])] = match[2]
    return pins


def lock_pins(path: Path = LOCK) -> dict[str, str]:
    """Pins of ``requirements.lock``."""
    return parse_pins(path.read_text(encoding="utf-8").splitlines())


def environment_pins(path: Path = ENVIRONMENT) -> dict[str, str]:
    """Pins of the ``pip:`` section of ``environment.yml`` (read without a YAML library)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    try:
        start = next(i for i, line in enumerate(lines) if line.strip() == "- pip:")
    except StopIteration:
        raise ValueError(f"{path.name} has no '- pip:' section") from None
    entries = []
    for line in lines[start + 1 :]:
        if not line.startswith("      - "):
            break
        entries.append(line.strip()[2:])
    return parse_pins(entries)


def render_environment(pins: dict[str, str]) -> str:
    """The text of ``environment.yml`` for these pins."""
    body = "\n".join(f"      - {name}=={version}" for name, version in sorted(pins.items()))
    return (
        "# Generated from requirements.lock by `make lock`; do not edit by hand.\n"
        "# conda env create -f environment.yml && conda activate milkbone && pip install -e .\n"
        "name: milkbone\n"
        "channels:\n"
        "  - conda-forge\n"
        "dependencies:\n"
        f"  - python={PYTHON_VERSION}\n"
        "  - pip\n"
        "  - pip:\n"
        f"{body}\n"
    )


def pins_agree(lock: Path | None = None, environment: Path | None = None) -> bool:
    """True when ``environment.yml`` installs exactly the pins of the lock."""
    return environment_pins(environment or ENVIRONMENT) == lock_pins(lock or LOCK)


def write_environment(lock: Path | None = None, environment: Path | None = None) -> Path:
    """Rewrite ``environment.yml`` from the pins of the lock; return its path."""
    lock, environment = lock or LOCK, environment or ENVIRONMENT
    environment.write_text(render_environment(lock_pins(lock)), encoding="utf-8")
    return environment
