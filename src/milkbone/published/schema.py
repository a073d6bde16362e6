"""Frictionless Table Schema, checked with pandera: one published CSV against its descriptor.

``data/published/datapackage.json`` describes every column of every file (type,
description, unit, constraints). The functions here turn one resource of that
descriptor into a pandera schema, read a CSV of all-text cells into the declared
types, and say which file, line and column broke the schema when one does.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pandera.pandas as pa

__all__ = ["PANDAS_TYPES", "field_checks", "read_resource", "resource_schema"]

PANDAS_TYPES = {"string": "str", "number": "float64", "integer": "Int64"}
"""The pandas dtype of each frictionless field type the descriptor uses."""


def field_checks(kind: str, constraints: dict) -> list[pa.Check]:
    """pandera checks for one field's frictionless ``constraints``.

    Parameters
    ----------
    kind : str
        The field's frictionless type: ``string``, ``number`` or ``integer``.
    constraints : dict
        ``required``, ``enum``, ``minimum``, ``maximum`` and ``pattern`` (for
        required text) as the descriptor states them.

    Returns
    -------
    list of pandera.Check
        One check per constraint; an optional text column also accepts ``""``
        (nothing printed).

    Examples
    --------
    >>> [c.name for c in field_checks("number", {"minimum": 0, "maximum": 1})]
    ['greater_than_or_equal_to', 'less_than_or_equal_to']
    """
    required = constraints.get("required", False)
    checks = []
    if "enum" in constraints:
        allowed = list(constraints["enum"])
        if kind == "string" and not required:
            allowed.append("")  # empty text stands for "nothing printed"
        checks.append(pa.Check.isin(allowed, error=f"value not in {allowed}"))
    if "minimum" in constraints:
        checks.append(pa.Check.ge(constraints["minimum"]))
    if "maximum" in constraints:
        checks.append(pa.Check.le(constraints["maximum"]))
    if kind == "string" and required:
        checks.append(pa.Check.str_length(min_value=1, error="empty text in a required column"))
        if "pattern" in constraints:
            checks.append(pa.Check.str_matches(constraints["pattern"]))
    return checks


def resource_schema(resource: dict) -> pa.DataFrameSchema:
    """A strict, ordered pandera schema from a frictionless Table Schema ``resource``.

    Examples
    --------
    >>> resource = {"path": "x.csv", "schema": {"fields": [
    ...     {"name": "n", "type": "integer", "constraints": {"required": True}}]}}
    >>> resource_schema(resource).columns["n"].nullable
    False
    """
    columns = {}
    for field in resource["schema"]["fields"]:
        constraints = field.get("constraints", {})
        columns[field["name"]] = pa.Column(
            PANDAS_TYPES[field["type"]],
            checks=field_checks(field["type"], constraints),
            nullable=not constraints.get("required", False),
            unique=constraints.get("unique", False),
        )
    return pa.DataFrameSchema(columns, strict=True, ordered=True, name=resource["path"])


def _convert(frame: pd.DataFrame, resource: dict, path: Path) -> pd.DataFrame:
    """Turn the all-text frame into the descriptor's types, naming the bad cell."""
    for field in resource["schema"]["fields"]:
        name, kind = field["name"], field["type"]
        if kind == "string" or name not in frame:
            continue
        text = frame[name].str.strip()
        numbers = pd.to_numeric(text.replace("", np.nan), errors="coerce")
        bad = numbers.isna() & text.ne("")
        if kind == "integer":
            bad |= numbers.notna() & (numbers % 1 != 0)
        if bad.any():
            row = int(bad.idxmax())
            raise ValueError(
                f"{path.name}: column {name!r} must hold {kind}s, but file line {row + 2} "
                f"holds {frame.at[row, name]!r}"
            )
        frame[name] = numbers.astype("Int64") if kind == "integer" else numbers.astype(float)
    return frame


def _describe_failures(error: pa.errors.SchemaErrors, path: Path) -> str:
    cases = error.failure_cases.head(5)
    lines = [f"{path.name} does not match datapackage.json:"]
    for _, case in cases.iterrows():
        where = "" if pd.isna(case["index"]) else f" at file line {int(case['index']) + 2}"
        lines.append(
            f"- column {case['column']!r}{where}: {case['check']} (found {case['failure_case']!r})"
        )
    more = len(error.failure_cases) - len(cases)
    if more > 0:
        lines.append(f"- and {more} more")
    return "\n".join(lines)


def read_resource(path: Path, resource: dict) -> pd.DataFrame:
    """Read the CSV at ``path``, typed and validated against its ``resource`` descriptor.

    Parameters
    ----------
    path : Path
        The CSV file (UTF-8, every cell read as text first).
    resource : dict
        Its resource of ``datapackage.json``.

    Returns
    -------
    DataFrame
        The file's columns in the declared types (``str``, ``float64``, ``Int64``).

    Raises
    ------
    ValueError
        If the file is missing, a cell cannot be read as its column's type, or the
        frame breaks the schema; the message names the file, line and column.
    """
    if not path.exists():
        raise ValueError(
            f"{path} is missing; it is listed in datapackage.json as {resource['name']!r}"
        )
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    frame = _convert(frame, resource, path)
    try:
        return resource_schema(resource).validate(frame, lazy=True)
    except pa.errors.SchemaErrors as error:
        raise ValueError(_describe_failures(error, path)) from None
