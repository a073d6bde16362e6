"""The simulated cohort: participant data calibrated to the published summaries.

:func:`simulate` writes a folder in the schema of :mod:`milkbone.cohort`: the clinical
files first (:mod:`~milkbone.cohort.simulation.clinical`, calibrated by
:mod:`~milkbone.cohort.simulation.targets`), then whatever each writer of
:data:`WRITERS` adds for the same participants, then ``dataset.json``
(:mod:`~milkbone.cohort.simulation.record`).

A writer is a function ``writer(*, seed, out, cohort) -> dict | None``: ``seed`` is
the seed of the whole folder (draw from :func:`stream`, never from
``default_rng(seed)``, so that no two data types share random numbers and adding a
writer changes no other file), ``out`` the folder, ``cohort`` the clinical
:class:`~milkbone.cohort.simulation.clinical.Simulation` (participants with their
arm and withdrawal, visits). What it returns is added to ``dataset.json``.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

from milkbone import paths
from milkbone.cohort.dataset import file_digests
from milkbone.cohort.schema import DATASET_FILE, PARTICIPANTS_FILE, VISITS_FILE
from milkbone.cohort.simulation.clinical import Simulation, simulate_frames
from milkbone.cohort.simulation.matching import CalibrationError
from milkbone.cohort.simulation.metabolome import write_metabolome
from milkbone.cohort.simulation.microbiome import write_microbiome
from milkbone.cohort.simulation.record import clinical_record, format_csv, write_record
from milkbone.cohort.simulation.targets import (
    WITHDRAWN_BY_ARM,
    age_range_from_prose,
    example_inputs,
    follow_up_targets,
    published_inputs,
    resolve_categories,
)

__all__ = [
    "WRITERS",
    "CalibrationError",
    "Simulation",
    "Writer",
    "example_inputs",
    "simulate",
    "stream",
]

Writer = Callable[..., dict | None]
"""``writer(*, seed: int, out: Path, cohort: Simulation) -> dict | None``."""

WRITERS: tuple[Writer, ...] = (write_microbiome, write_metabolome)
"""Writers of the data types simulated beside the clinical files, called in order: 16S
counts (``microbiome/``) and serum and fecal peak tables (``metabolome/``)."""


def stream(seed: int, name: str) -> np.random.Generator:
    """The random numbers of one data type: a generator seeded by ``seed`` and ``name``.

    The clinical files use ``default_rng(seed)``; every other data type draws from its
    own named stream, so adding or changing one leaves the others byte-identical.

    Examples
    --------
    >>> first = stream(2025, "microbiome").random(3)
    >>> bool((first == stream(2025, "microbiome").random(3)).all())
    True
    >>> bool((first == stream(2025, "metabolome").random(3)).any())
    False
    """
    return np.random.default_rng([seed, zlib.crc32(name.encode("utf-8"))])


def _refuse_real(out: Path) -> None:
    """Raise if ``out`` holds a ``dataset.json`` that does not say it is simulated."""
    marker = out / DATASET_FILE
    if not marker.is_file():
        return
    try:
        kind = json.loads(marker.read_text(encoding="utf-8")).get("kind")
    except (json.JSONDecodeError, AttributeError):
        kind = None
    if kind != "simulated":
        raise ValueError(
            f"refusing to overwrite {out}: its {DATASET_FILE} does not say it holds "
            f"simulated data (kind {kind!r})"
        )


def _calibration(inputs: dict) -> tuple[pd.DataFrame, pd.DataFrame | None, list, tuple]:
    """All targets (follow-ups included), resolved 25(OH)D bounds, their notes, age range."""
    if inputs["targets"] is None:
        defaults = published_inputs()
        inputs = {k: v if v is not None else defaults[k] for k, v in inputs.items()}
    targets, changes = inputs["targets"], inputs["changes"]
    if changes is not None and len(changes):
        targets = pd.concat([targets, follow_up_targets(targets, changes)], ignore_index=True)
    resolved, notes = (None, [])
    if inputs["categories"] is not None:
        resolved, notes = resolve_categories(inputs["categories"], targets)
    empty = pd.DataFrame(columns=["measure", "statistic", "value"])
    age = inputs["age_range"] or age_range_from_prose(empty, targets)
    return targets, resolved, notes, age, changes


def simulate(
    *,
    seed: int,
    out: str | Path,
    correlation: dict[str, float] | None = None,
    withdrawn: dict[str, int] | None = None,
    targets: pd.DataFrame | None = None,
    changes: pd.DataFrame | None = None,
    categories: pd.DataFrame | None = None,
    age_range: tuple[int, int] | None = None,
    writers: tuple[Writer, ...] | None = None,
) -> Path:
    """Write a simulated cohort calibrated to the published summaries.

    Parameters
    ----------
    seed : int
        Seed of ``np.random.default_rng``; the same seed gives byte-identical files.
    out : str or Path
        Folder to write ``participants.csv``, ``visits.csv`` and ``dataset.json`` into
        (created; relative to the project root). A folder whose ``dataset.json`` says
        ``"kind": "real"`` is never overwritten.
    correlation : dict, optional
        Within-participant correlations overriding
        :data:`~milkbone.cohort.simulation.clinical.CORRELATION`: keys ``bmd`` (0.95,
        between visits of a BMD site), ``serum`` (0.6, between visits of a serum
        marker), ``bmi`` (0.95), ``age_menopause`` (0.8), or a measure slug.
    withdrawn : dict, optional
        Withdrawals per arm, default
        :data:`~milkbone.cohort.simulation.targets.WITHDRAWN_BY_ARM` (4 HCM, 3 CM: an
        assumption).
    targets, changes, categories, age_range : optional
        Calibration inputs; by default read from :mod:`milkbone.published`
        (:func:`~milkbone.cohort.simulation.targets.published_inputs`). ``targets`` has
        ``measure, group, month, mean, sd, n`` (optional ``mean_decimals,
        sd_decimals``); ``changes`` ``measure, group, month, percent_change,
        reference_month``; ``categories`` ``group, month, category, count``.
    writers : tuple of callables, optional
        Writers of further data types (see the module docstring); default
        :data:`WRITERS`.

    Returns
    -------
    Path
        The folder written.

    Raises
    ------
    ValueError
        If ``out`` holds real data, or the inputs are inconsistent (Table 4 counts
        above ``n``, a follow-up without a baseline target).

    Notes
    -----
    Per arm and visit, every mean and SD of Tables 2 and 3 holds to the printed
    precision (half a unit of the last printed decimal); BMD follow-up means follow
    the percent changes of §3.2 and
    :data:`~milkbone.cohort.simulation.targets.BMD_ASSUMPTIONS`; 25(OH)D category
    counts equal Table 4 (resolved by
    :func:`~milkbone.cohort.simulation.targets.resolve_categories`). Method and
    correlations: :mod:`milkbone.cohort.simulation.clinical`. The seven withdrawals
    have a baseline visit only and are not part of any calibration target. Baseline
    BMI is weight / height²; the height–weight correlation is solved per arm so that
    the BMI SD matches Table 2, and the BMI mean then matches to its printed decimal
    (24.7, 25.0) as well.

    Examples
    --------
    >>> import tempfile
    >>> from milkbone.cohort.validate import validate
    >>> folder = simulate(seed=1, out=Path(tempfile.mkdtemp()) / "sim", **example_inputs())
    >>> sorted(p.name for p in folder.iterdir())
    ['dataset.json', 'metabolome', 'microbiome', 'participants.csv', 'visits.csv']
    >>> validate(folder)
    []
    """
    out = paths.resolve(out)
    _refuse_real(out)
    inputs = {"targets": targets, "changes": changes, "categories": categories}
    targets, resolved, notes, age, changes = _calibration({**inputs, "age_range": age_range})
    withdrawn = dict(WITHDRAWN_BY_ARM if withdrawn is None else withdrawn)
    options = {"correlation": correlation, "age_range": age, "withdrawn": withdrawn}
    sim = simulate_frames(targets, seed=seed, categories=resolved, **options)
    record = clinical_record(sim, seed=seed, changes=changes, resolutions=notes, **options)
    out.mkdir(parents=True, exist_ok=True)
    (out / PARTICIPANTS_FILE).write_text(format_csv(sim.participants), encoding="utf-8")
    (out / VISITS_FILE).write_text(format_csv(sim.visits), encoding="utf-8")
    for writer in WRITERS if writers is None else writers:
        record.update(writer(seed=seed, out=out, cohort=sim) or {})
    record["files"] = file_digests(out)  # a copied dataset.json cannot vouch for other files
    write_record(out, record)
    return out
