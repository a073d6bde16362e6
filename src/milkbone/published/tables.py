"""Loading ``data/published/``: the paper's tables, prose numbers, flow, measures and claims.

Each loader reads one resource of ``datapackage.json`` through
:func:`milkbone.paths.record_read` (so the build knows what a notebook read), checks
it against its frictionless schema (:mod:`milkbone.published.schema`) and returns a
copy: callers may change what they get.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pandas as pd

from milkbone import paths
from milkbone.published.schema import read_resource

__all__ = [
    "TABLE_FILES",
    "claims",
    "datapackage",
    "flow",
    "measures",
    "prose",
    "resource",
    "table",
]

TABLE_FILES = {
    1: "table1_milk_composition.csv",
    2: "table2_baseline.csv",
    3: "table3_biochemistry.csv",
    4: "table4_vitamin_d_categories.csv",
    5: "table5_serum_metabolites.csv",
    6: "table6_arachidonic_acid.csv",
}
"""File of each paper table in ``data/published/``."""


def _folder(folder: str | Path | None) -> Path:
    return paths.PUBLISHED if folder is None else paths.resolve(folder)


def _stamp(path: Path) -> tuple[int, int] | None:
    """What tells a changed file from the one read before: modification time and size."""
    try:
        status = path.stat()
    except FileNotFoundError:
        return None
    return status.st_mtime_ns, status.st_size


def _descriptor(folder: Path) -> dict:
    path = folder / "datapackage.json"
    return _read_descriptor(path, _stamp(path))


@functools.cache
def _read_descriptor(path: Path, stamp: tuple[int, int] | None) -> dict:
    return json.loads(paths.record_read(path).read_text(encoding="utf-8"))


def _resource(name: str, folder: Path) -> dict:
    for entry in _descriptor(folder)["resources"]:
        if entry["name"] == name:
            return entry
    raise ValueError(f"datapackage.json in {folder} has no resource named {name!r}")


def _load(name: str, folder: Path) -> pd.DataFrame:
    """One resource, read once per version of its file (a new transcription is read again)."""
    described = _resource(name, folder)
    path = folder / described["path"]
    return _read(path, _stamp(path), json.dumps(described, sort_keys=True))


@functools.cache
def _read(path: Path, stamp: tuple[int, int] | None, described: str) -> pd.DataFrame:
    return read_resource(paths.record_read(path), json.loads(described))


def datapackage(*, folder: str | Path | None = None) -> dict:
    """The frictionless descriptor of ``data/published/`` (a copy).

    Parameters
    ----------
    folder : str or Path, optional
        Another folder with the same layout (for tests); default ``data/published``.

    Returns
    -------
    dict
        The parsed ``datapackage.json``: ``resources``, each with ``path`` and
        ``schema.fields`` (name, type, description, unit, constraints).

    Examples
    --------
    >>> [r["name"] for r in datapackage()["resources"]][:3]
    ['table1', 'table2', 'table3']
    """
    return json.loads(json.dumps(_descriptor(_folder(folder))))


def resource(name: str, *, folder: str | Path | None = None) -> pd.DataFrame:
    """Any resource of ``datapackage.json`` by its name, typed and validated (a copy).

    Parameters
    ----------
    name : str
        ``table1`` … ``table6``, ``flow``, ``prose``, ``measures`` or ``claims``.
    folder : str or Path, optional
        Another folder with the same layout (for tests); default ``data/published``.

    Raises
    ------
    ValueError
        If the descriptor has no such resource, or its file is missing or does not
        match its schema (the message names the file, line and column).

    Examples
    --------
    >>> len(resource("flow")) == len(flow())
    True
    """
    return _load(name, _folder(folder)).copy()


def table(n: int, *, folder: str | Path | None = None) -> pd.DataFrame:
    """One of the paper's Tables 1–6, one row per printed cell, typed and validated.

    Parameters
    ----------
    n : int
        Table number, 1 to 6.
    folder : str or Path, optional
        Another folder with the same layout (for tests); default ``data/published``.

    Returns
    -------
    DataFrame
        Always ``cell_id, table, row_label, column_label, cell_text, source_line``,
        then the table's parsed columns (see ``datapackage.json``), then ``flag`` and
        ``reading`` (the interpretation of a cell, when one was needed).

    Raises
    ------
    ValueError
        If ``n`` is not a table of the paper, or the file does not match its schema
        (the message names the file, line and column).

    Examples
    --------
    >>> t2 = table(2)
    >>> t2.loc[t2["cell_id"] == "t2.l1_4_bmd.statistic", ["cell_text", "statistic"]]
       cell_text  statistic
    22     −1.93      -1.93
    >>> int(table(5)["row_position"].max())
    51
    """
    if n not in TABLE_FILES:
        raise ValueError(f"the paper has Tables 1 to 6; got n={n!r}")
    return resource(f"table{n}", folder=folder)


def prose(*, folder: str | Path | None = None) -> pd.DataFrame:
    """Every number stated in the prose, one row each.

    Returns
    -------
    DataFrame
        ``prose_id, section, paragraph, quantity`` (our words), ``printed`` (as in
        the paper), ``value, comparator, unit, groups, timepoint, measure,
        statistic, direction, refers_to, check_kind, inputs, check_note``.
        ``timepoint`` is a visit (``m6``) or a change ``"m6 vs m0"`` (later vs
        reference); a fall is stored as its printed size with ``direction``
        ``decrease``.

    Examples
    --------
    >>> p = prose()
    >>> p.set_index("prose_id").loc["r3_3.ast.hcm.pct_6", ["printed", "value", "timepoint"]]
    printed           16.4%
    value              16.4
    timepoint     m6 vs m0
    Name: r3_3.ast.hcm.pct_6, dtype: object
    """
    return resource("prose", folder=folder)


def flow(*, folder: str | Path | None = None) -> pd.DataFrame:
    """Participant flow as stated, with location; unstated facts have no value.

    Returns
    -------
    DataFrame
        ``flow_id, quantity, printed, value, group, location, note, flag``; ``value``
        is empty (``<NA>``) and ``flag`` is ``not_stated`` where the paper is silent
        (e.g. how the 7 withdrawals split between the arms).

    Examples
    --------
    >>> f = flow().set_index("flow_id")
    >>> int(f.loc["enrolled.s2_1", "value"]), int(f.loc["withdrawn.s3_1", "value"])
    (104, 7)
    >>> f.loc["withdrawn.hcm", "flag"]
    'not_stated'
    """
    return resource("flow", folder=folder)


def measures(*, folder: str | Path | None = None) -> pd.DataFrame:
    """The measure slugs of Tables 2 and 3 with their printed names.

    Returns
    -------
    DataFrame
        ``measure`` (slug), ``label``, ``unit``, ``printed_table2``,
        ``printed_table3``, ``tables`` and ``months`` (visits with a printed
        mean ± SD), the last three ``;``-separated.

    Examples
    --------
    >>> m = measures().set_index("measure")
    >>> m.loc["phosphorus", ["printed_table2", "printed_table3", "months"]].tolist()
    ['P, mmol/L', 'Phosphorus, mmol/L', '0;6']
    """
    return resource("measures", folder=folder)


def claims(*, folder: str | Path | None = None) -> pd.DataFrame:
    """The committed claims registry (``claims.csv``), with the audit's verdicts.

    Returns
    -------
    DataFrame
        ``claim_id, section, location, quantity, published_value, groups,
        timepoint, check_kind, evidence, recomputed_value, verdict, note, context, inputs``.

    See Also
    --------
    milkbone.published.build_claims : the same registry rebuilt from the published
        tables and prose.

    Examples
    --------
    >>> c = claims()
    >>> c.set_index("claim_id").loc["t2.age.p", ["published_value", "check_kind"]].tolist()
    ['0.974', 't_from_summary']
    """
    return resource("claims", folder=folder)
