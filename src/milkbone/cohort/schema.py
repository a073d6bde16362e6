"""The participant-level schema: columns, types, units and plausible ranges.

:mod:`milkbone.cohort` documents the schema for users. One :class:`Field` per
column; the pandera schemas are built from these tables so the
documentation, the validator and the simulator cannot drift apart.

Plausible ranges are deliberately wide: they accept any real participant of this
trial and reject only values that cannot be right in the stated unit. A range can
catch only *gross* unit errors (BMD in mg/cm² gives values near 900, height in
metres near 1.6). Where the wrong unit differs by a small factor (25(OH)D in
nmol/L is 2.5 times the value in ng/mL) single values still look plausible, so
:data:`UNIT_CHECKS` also compares the median of each visit with a threshold no
real median in the stated unit reaches.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import pandera.pandas as pa

from milkbone.vocabulary import GROUPS, MONTHS

__all__ = [
    "BMD_COLUMNS",
    "BMI_TOLERANCE",
    "DATASET_FILE",
    "DATASET_KINDS",
    "MEASURES",
    "OPTIONAL_AT_MONTH_12",
    "PARTICIPANTS_FILE",
    "PARTICIPANT_FIELDS",
    "SCHEMA",
    "UNIT_CHECKS",
    "VISITS_FILE",
    "VISIT_FIELDS",
    "Field",
    "UnitCheck",
    "pandera_schema",
]

PARTICIPANTS_FILE = "participants.csv"
VISITS_FILE = "visits.csv"
DATASET_FILE = "dataset.json"
DATASET_KINDS = ("simulated", "real")
"""What ``dataset.json`` may say a folder holds (its ``kind``)."""


@dataclass(frozen=True)
class Field:
    """One column of ``participants.csv`` or ``visits.csv``.

    ``kind`` is ``"id"``, ``"group"``, ``"bool"``, ``"int"``, ``"month"`` or
    ``"float"``; ``low``/``high`` bound plausible values (inclusive);
    ``decimals`` is how many decimals the simulator writes.
    """

    name: str
    kind: str
    unit: str
    low: float | None
    high: float | None
    decimals: int | None
    description: str


PARTICIPANT_FIELDS: tuple[Field, ...] = (
    Field("participant", "id", "", None, None, None, "participant identifier, unique"),
    Field("group", "group", "", None, None, None, "allocated arm, HCM or CM"),
    Field("age", "int", "years", 40, 100, 0, "age at enrolment, whole years"),
    Field("height", "float", "cm", 120, 200, 1, "height at baseline"),
    Field("weight", "float", "kg", 30, 200, 1, "weight at baseline"),
    Field("menopause_duration", "float", "years", 0, 60, 1, "years since menopause"),
    Field("withdrawn", "bool", "", None, None, None, "true if the participant withdrew"),
)

BMD_COLUMNS = (
    "l1_4_bmd",
    "left_femoral_neck_bmd",
    "right_femoral_neck_bmd",
    "left_hip_bmd",
    "right_hip_bmd",
)

VISIT_FIELDS: tuple[Field, ...] = (
    Field("participant", "id", "", None, None, None, "participant identifier"),
    Field("month", "month", "months", 0, 12, 0, "visit: 0 (baseline), 6 or 12"),
    Field("bmi", "float", "kg/m²", 12, 50, 2, "body mass index"),
    *(
        Field(name, "float", "g/cm²", 0.2, 2.0, 4, f"{label} bone mineral density (DXA)")
        for name, label in zip(
            BMD_COLUMNS,
            (
                "L1–4",
                "left femoral neck",
                "right femoral neck",
                "left total hip",
                "right total hip",
            ),
            strict=True,
        )
    ),
    Field("ast", "float", "U/L", 3, 500, 2, "aspartate aminotransferase"),
    Field("calcium", "float", "mmol/L", 1.5, 3.5, 3, "serum calcium"),
    Field("phosphorus", "float", "mmol/L", 0.3, 2.5, 3, "serum phosphorus"),
    Field("ohd_25", "float", "ng/mL", 2, 100, 2, "25-hydroxyvitamin D, 25(OH)D"),
    Field("tracp_5b", "float", "U/L", 0.05, 20, 3, "TRACP-5b"),
    Field("alp", "float", "U/L", 10, 500, 1, "alkaline phosphatase"),
    Field("ctx", "float", "ng/mL", 0.01, 3, 3, "CTX, bone resorption marker"),
    Field("pinp", "float", "ng/mL", 5, 500, 2, "PINP, bone formation marker"),
    Field("oc", "float", "ng/mL", 1, 200, 2, "osteocalcin"),
    Field("igf_1", "float", "ng/mL", 0.1, 1000, 2, "insulin-like growth factor 1"),
)

MEASURES = tuple(f.name for f in VISIT_FIELDS if f.kind == "float")
"""The measure columns of ``visits.csv``, in file order."""


def _schema_table() -> pd.DataFrame:
    rows = [
        {
            "file": file,
            "column": f.name,
            "kind": f.kind,
            "unit": f.unit,
            "low": f.low,
            "high": f.high,
            "decimals": f.decimals,
            "description": f.description,
        }
        for file, fields in ((PARTICIPANTS_FILE, PARTICIPANT_FIELDS), (VISITS_FILE, VISIT_FIELDS))
        for f in fields
    ]
    return pd.DataFrame(rows)


SCHEMA = _schema_table()
"""One row per column of both files: ``file, column, kind, unit, low, high, decimals,
description``."""

OPTIONAL_AT_MONTH_12 = ("alp", "phosphorus", "ctx", "pinp", "oc", "igf_1")
"""Markers the paper reports only at 0 and 6 months: they may be empty at month 12."""

BMI_TOLERANCE = 0.5
"""kg/m²: allowed gap between baseline ``bmi`` and weight / (height / 100)².

Covers BMI printed to one decimal, weight to 0.1 kg and height to 0.1 cm (together
under 0.1 kg/m²) and weighing on another day than the visit (about 1 kg, 0.4 kg/m²);
a weight in pounds or a height in inches is off by far more.
"""


@dataclass(frozen=True)
class UnitCheck:
    """A median beyond ``threshold`` (above it, or below it when ``below``) means the
    column is in ``wrong_unit``; ``hint`` says how to convert.

    The checks of ``visits.csv`` compare the median of each visit, and then each
    participant whose every value is beyond the threshold; those of ``participants.csv``
    the median of the file. ``min_participants`` is how many such women it takes before
    the per-participant check speaks: one where the threshold cannot be a real value in
    the right unit (a BMD of 2 g/cm²), more where it is only rare (a 25(OH)D of 35 ng/mL,
    which a well-supplied woman can have at every visit).
    """

    column: str
    threshold: float
    wrong_unit: str
    hint: str
    below: bool = False
    min_participants: int = 1

    def fails(self, median: float) -> bool:
        """Whether ``median`` lies beyond the threshold (NaN never fails).

        Examples
        --------
        >>> UnitCheck("height", 3.0, "metres", "multiply by 100", below=True).fails(1.6)
        True
        """
        if median != median:
            return False
        return median < self.threshold if self.below else median > self.threshold


UNIT_CHECKS: tuple[UnitCheck, ...] = (
    *(UnitCheck(c, 2.0, "mg/cm²", "divide by 1000") for c in BMD_COLUMNS),
    # 25(OH)D: this trial's visit medians lie near 15–24 ng/mL, the same people in nmol/L
    # near 37–60. A median above 35 ng/mL is rare in unsupplemented older women, so the
    # check catches nmol/L whenever the true median exceeds 14 ng/mL; it can miss a
    # severely deficient cohort in nmol/L and flag a well-supplemented one in ng/mL.
    # Per participant it flags women whose every value is above 35, as when only some
    # women are in nmol/L. One such woman happens in ng/mL (simulated seed 7 has one);
    # three or more point to mixed units (half the women in nmol/L gives dozens).
    UnitCheck("ohd_25", 35.0, "nmol/L", "divide by 2.496", min_participants=3),
    UnitCheck("calcium", 4.0, "mg/dL", "divide by 4.008"),
    UnitCheck("phosphorus", 2.0, "mg/dL", "divide by 3.097"),
    UnitCheck("ctx", 5.0, "pg/mL", "divide by 1000"),
    # anthropometry in participants.csv: a median height below 3 is in metres, below
    # 100 in inches (no cohort of adult women has a median under 100 cm); a median
    # weight above 100 kg is in pounds (this trial's women weigh about 63 kg, 139 lb).
    UnitCheck("height", 3.0, "metres", "multiply by 100", below=True),
    UnitCheck("height", 100.0, "inches", "multiply by 2.54", below=True),
    UnitCheck("weight", 100.0, "pounds", "divide by 2.205"),
)
"""Checks of each column's unit by its median; the first that fails for a column wins."""


def pandera_schema(fields: tuple[Field, ...], name: str) -> pa.DataFrameSchema:
    """The pandera schema of already parsed columns (ranges and allowed values).

    Missing values pass here; :mod:`milkbone.cohort` decides where they are allowed.
    """
    columns = {}
    for field in fields:
        checks = []
        if field.kind == "group":
            checks.append(pa.Check.isin(list(GROUPS)))
            dtype = str
        elif field.kind == "month":
            checks.append(pa.Check.isin(list(MONTHS)))
            dtype = float
        elif field.kind in ("int", "float"):
            checks.append(pa.Check.in_range(field.low, field.high))
            dtype = float
        elif field.kind == "bool":
            dtype = object
        else:
            checks.append(pa.Check.str_length(min_value=1))
            dtype = str
        columns[field.name] = pa.Column(dtype, checks=checks, nullable=True, required=False)
    return pa.DataFrameSchema(columns, name=name, strict=False)
