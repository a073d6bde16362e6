"""Participant-level data: schema, validator, loader and the simulated cohort.

The trial's participant-level data are not public. This subpackage fixes the schema
such data must follow (:mod:`~milkbone.cohort.schema`), validates a folder against it
(:mod:`~milkbone.cohort.validate`: every problem named by file, line and column,
never a traceback), loads a valid folder (:mod:`~milkbone.cohort.load`), and writes a
deterministic simulated cohort calibrated to the published summary statistics
(:mod:`~milkbone.cohort.simulation`).

A data folder holds three files:

``participants.csv``
    one row per enrolled participant (completers and withdrawals).
``visits.csv``
    one row per participant and visit (month 0, 6, 12), one column per measure.
``dataset.json``
    what produced the folder: ``{"kind": "simulated", "seed": 2025, "files": {...}}``
    or ``{"kind": "real", ...}`` (read by :func:`is_simulated`; a loaded
    :class:`Cohort` says ``real`` and its ``evidence`` level). A simulated folder is
    believed only while its files have the SHA-256 its ``files`` records
    (:mod:`~milkbone.cohort.dataset`); otherwise it counts as real data.

The files may be UTF-8, UTF-16 or cp1252, comma-, semicolon- or tab-delimited, with
decimal commas in the latter two (:mod:`~milkbone.cohort.reading`,
:func:`validate_folder` says how each was read); values are never coerced.

Schema (units as the paper prints them; the range is inclusive and only catches
gross errors, see :data:`SCHEMA`):

========================  =========  ================  =====================================
column                    type       unit              plausible range
========================  =========  ================  =====================================
participant               text                         non-empty, unique in participants.csv
group                     text                         ``HCM`` or ``CM``
age                       integer    years             40–100
height                    number     cm                120–200
weight                    number     kg                30–200
menopause_duration        number     years             0–60
withdrawn                 boolean                      ``true`` or ``false``
month                     integer    months            0, 6 or 12
bmi                       number     kg/m²             12–50
l1_4_bmd, *_bmd (5)       number     g/cm²             0.2–2.0 (mg/cm² gives ~900)
ast                       number     U/L               3–500
calcium                   number     mmol/L            1.5–3.5 (mg/dL gives ~9.4)
phosphorus                number     mmol/L            0.3–2.5
ohd_25                    number     ng/mL             2–100 (see unit checks)
tracp_5b                  number     U/L               0.05–20
alp                       number     U/L               10–500
ctx                       number     ng/mL             0.01–3
pinp                      number     ng/mL             5–500
oc                        number     ng/mL             1–200
igf_1                     number     ng/mL             0.1–1000
========================  =========  ================  =====================================

Besides the ranges, units are checked by medians (:data:`UNIT_CHECKS`): of each
visit, then of each woman's values in ``visits.csv`` (25(OH)D in nmol/L is 2.5 times
the value in ng/mL, so single values still look plausible but a visit median above 35
does not, nor a woman whose every value is above 35), and of the file in
``participants.csv`` (height in metres or inches, weight in pounds). Values may be
empty only where the paper has none: ``alp, phosphorus, ctx, pinp, oc, igf_1`` at
month 12. Completers have all three visits; withdrawn participants have a baseline
(a withdrawn woman with no visit is an error), may have a 6-month visit and have no
12-month visit. Baseline ``bmi`` must equal
weight / (height/100)² within :data:`BMI_TOLERANCE` kg/m².
"""

from __future__ import annotations

from milkbone.cohort.dataset import file_digests
from milkbone.cohort.load import Cohort, check_reproducible, dataset_info, is_simulated, load
from milkbone.cohort.metabolome import MetabolomeData, load_metabolome, validate_metabolome
from milkbone.cohort.microbiome import MicrobiomeData, load_microbiome, validate_microbiome
from milkbone.cohort.problems import Problem, count_problems, format_problems
from milkbone.cohort.reading import DELIMITERS, TextTable, read_table
from milkbone.cohort.schema import (
    BMI_TOLERANCE,
    DATASET_FILE,
    MEASURES,
    PARTICIPANTS_FILE,
    SCHEMA,
    UNIT_CHECKS,
    VISITS_FILE,
)
from milkbone.cohort.simulation import CalibrationError, simulate
from milkbone.cohort.simulation.calibration import metabolome_calibration, microbiome_calibration
from milkbone.cohort.simulation.metabolites import ASSUMPTIONS as METABOLOME_ASSUMPTIONS
from milkbone.cohort.simulation.targets import (
    BMD_ASSUMPTIONS,
    OHD_25_CATEGORIES,
    WITHDRAWN_BY_ARM,
    resolve_categories,
)
from milkbone.cohort.simulation.taxa import ASSUMPTIONS as MICROBIOME_ASSUMPTIONS
from milkbone.cohort.validate import Validation, validate, validate_folder

__all__ = [
    "BMD_ASSUMPTIONS",
    "BMI_TOLERANCE",
    "DATASET_FILE",
    "DELIMITERS",
    "MEASURES",
    "METABOLOME_ASSUMPTIONS",
    "MICROBIOME_ASSUMPTIONS",
    "OHD_25_CATEGORIES",
    "PARTICIPANTS_FILE",
    "SCHEMA",
    "UNIT_CHECKS",
    "VISITS_FILE",
    "WITHDRAWN_BY_ARM",
    "CalibrationError",
    "Cohort",
    "MetabolomeData",
    "MicrobiomeData",
    "Problem",
    "TextTable",
    "Validation",
    "check_reproducible",
    "count_problems",
    "dataset_info",
    "file_digests",
    "format_problems",
    "is_simulated",
    "load",
    "load_metabolome",
    "load_microbiome",
    "metabolome_calibration",
    "microbiome_calibration",
    "read_table",
    "resolve_categories",
    "simulate",
    "validate",
    "validate_folder",
    "validate_metabolome",
    "validate_microbiome",
]
