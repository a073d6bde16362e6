"""Loading a valid data folder into a :class:`Cohort` that knows whether it is real.

The clinical files are validated (:func:`milkbone.cohort.validate.validate_folder` with
``clinical_only``: the 16S and metabolome folders have loaders of their own) and then read,
through :func:`milkbone.paths.record_read`, so the build knows what a notebook read.
"""

from __future__ import annotations

import hashlib
import io
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from milkbone import paths
from milkbone.cohort.dataset import read_dataset
from milkbone.cohort.reading import read_table, read_text
from milkbone.cohort.schema import (
    DATASET_FILE,
    MEASURES,
    PARTICIPANT_FIELDS,
    PARTICIPANTS_FILE,
    VISIT_FIELDS,
    VISITS_FILE,
)
from milkbone.cohort.simulation import simulate
from milkbone.cohort.validate import count_problems, format_problems, validate_folder
from milkbone.vocabulary import GROUPS, evidence_for

__all__ = ["Cohort", "check_reproducible", "dataset_info", "is_simulated", "load"]

_BASELINE = ("age", "height", "weight", "menopause_duration")


@dataclass(frozen=True)
class Cohort:
    """A validated data folder.

    ``participants`` has the columns of ``participants.csv`` (``age`` as ``Int64``,
    ``withdrawn`` as ``bool``); ``visits`` those of ``visits.csv`` (``month`` as
    ``int64``, measures as ``float64`` with NaN where empty). Both are sorted by
    participant (and month). ``simulated`` is what ``dataset.json`` says.
    """

    participants: pd.DataFrame
    visits: pd.DataFrame
    simulated: bool

    @property
    def real(self) -> bool:
        """Whether the folder holds real participant data (``dataset.json`` kind ``real``)."""
        return not self.simulated

    @property
    def evidence(self) -> str:
        """The evidence level of results computed on this cohort: ``"observed"`` for real
        data, ``"simulated"`` otherwise (:func:`milkbone.vocabulary.evidence_for`)."""
        return evidence_for(real=self.real)

    def counts(self) -> dict:
        """Participants, completers per arm, withdrawals and visits.

        Returns
        -------
        dict
            ``participants`` (int), ``completers`` (``{arm: int}``, arms present only,
            HCM first), ``withdrawn`` (int), ``visits`` (int).
        """
        people = self.participants
        completers = people[~people["withdrawn"]]
        present = set(people["group"])
        return {
            "participants": len(people),
            "completers": {
                g: int((completers["group"] == g).sum()) for g in GROUPS if g in present
            },
            "withdrawn": len(people) - len(completers),
            "visits": len(self.visits),
        }

    def long(self, *, include_withdrawn: bool = False) -> pd.DataFrame:
        """Tidy frame ``participant, group, month, measure, value`` (STYLE.md §5).

        Baseline anthropometry (``age, height, weight, menopause_duration``) appears at
        month 0. Empty values are left out. Withdrawn participants are left out unless
        ``include_withdrawn``: the paper analyses the 97 completers.
        """
        people = self.participants
        if not include_withdrawn:
            people = people[~people["withdrawn"]]
        base = people.melt(
            id_vars=["participant", "group"],
            value_vars=list(_BASELINE),
            var_name="measure",
            value_name="value",
        ).assign(month=0)
        visits = self.visits.merge(people[["participant", "group"]], on="participant")
        visits = visits.melt(
            id_vars=["participant", "group", "month"],
            value_vars=list(MEASURES),
            var_name="measure",
            value_name="value",
        )
        out = pd.concat([base, visits], ignore_index=True)
        out["value"] = out["value"].astype(float)
        out = out.dropna(subset=["value"])
        order = {m: i for i, m in enumerate((*_BASELINE, *MEASURES))}
        out = out.assign(_order=out["measure"].map(order), month=out["month"].astype(int))
        out = out.sort_values(["_order", "participant", "month"], kind="stable")
        return out[["participant", "group", "month", "measure", "value"]].reset_index(drop=True)


def dataset_info(data_dir: str | Path) -> dict:
    """What ``data_dir/dataset.json`` records: kind, and for a simulated cohort its seed,
    assumptions, correlations and calibration notes.

    Raises
    ------
    ValueError
        If ``dataset.json`` is missing, not JSON, or has no valid ``kind``.

    Examples
    --------
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "dataset.json").write_text('{"kind": "real", "source": "hospital"}')
    >>> dataset_info(folder)["source"]
    'hospital'
    """
    info, problems = read_dataset(paths.resolve(data_dir))
    if info is None:
        raise ValueError(f"{paths.resolve(data_dir)}: {problems[0]}")
    return info


def check_reproducible(data_dir: str | Path) -> pd.DataFrame:
    """SHA-256 of each file of ``data_dir``, and of the same cohort simulated again.

    For a simulated folder the cohort is regenerated in a temporary folder from the seed
    and correlations its ``dataset.json`` records; for real data only the digests of
    the files are given.

    Returns
    -------
    DataFrame
        ``file, sha256, sha256_again, identical`` (``sha256_again`` is None and
        ``identical`` False for real data).
    """
    data_dir = paths.resolve(data_dir)
    files = [PARTICIPANTS_FILE, VISITS_FILE, DATASET_FILE]

    def digests(folder: Path) -> list[str]:
        return [
            hashlib.sha256(paths.record_read(folder / f).read_bytes()).hexdigest() for f in files
        ]

    info = dataset_info(data_dir)
    again: list[str | None] = [None] * len(files)
    if info["kind"] == "simulated":
        correlation = info.get("assumptions", {}).get("correlation")
        with tempfile.TemporaryDirectory() as folder:
            simulate(seed=info["seed"], out=folder, correlation=correlation)
            again = digests(Path(folder))
    out = pd.DataFrame({"file": files, "sha256": digests(data_dir), "sha256_again": again})
    out["identical"] = out["sha256"] == out["sha256_again"]
    return out


def is_simulated(data_dir: str | Path) -> bool:
    """Whether ``data_dir/dataset.json`` says the folder holds simulated data.

    Raises
    ------
    ValueError
        If ``dataset.json`` is missing or does not say ``"kind": "simulated"`` or
        ``"real"``.

    Examples
    --------
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "dataset.json").write_text('{"kind": "real"}')
    >>> is_simulated(folder)
    False
    """
    return dataset_info(data_dir)["kind"] == "simulated"


def _read_csv(path: Path, file: str, known: list[str], text_columns: dict) -> pd.DataFrame:
    """A valid CSV through pandas' parser, in the encoding, delimiter and decimal mark
    :func:`~milkbone.cohort.reading.read_table` found (an empty trailing column dropped)."""
    table = read_table(path, file, known=known)
    text, _ = read_text(path)
    frame = pd.read_csv(
        io.StringIO(text),
        skiprows=1 if table.sep_line else None,
        sep=table.delimiter,
        decimal=table.decimal,
        dtype=text_columns,
        index_col=False,
        keep_default_na=False,
        na_values=[""],
    )
    return frame.rename(columns=str.strip)[known]


def _read_typed(data_dir: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Both CSVs of a valid folder, typed and sorted."""
    names = [f.name for f in PARTICIPANT_FIELDS]
    people = _read_csv(
        data_dir / PARTICIPANTS_FILE, PARTICIPANTS_FILE, names, {"participant": str, "group": str}
    )
    people["age"] = people["age"].astype("Int64")
    people["withdrawn"] = (
        people["withdrawn"].astype(str).str.lower().map({"true": True, "false": False}).astype(bool)
    )
    for column in ("height", "weight", "menopause_duration"):
        people[column] = people[column].astype(float)
    names = [f.name for f in VISIT_FIELDS]
    visits = _read_csv(data_dir / VISITS_FILE, VISITS_FILE, names, {"participant": str})
    visits["month"] = visits["month"].astype("int64")
    for column in MEASURES:
        visits[column] = visits[column].astype(float)
    people = people.sort_values("participant", kind="stable").reset_index(drop=True)
    visits = visits.sort_values(["participant", "month"], kind="stable").reset_index(drop=True)
    return people, visits


def load(data_dir: str | Path) -> Cohort:
    """Validate and load a data folder.

    Parameters
    ----------
    data_dir : str or Path
        Folder in the schema (see :mod:`milkbone.cohort`); relative to the project root
        unless absolute.

    Returns
    -------
    Cohort
        ``participants`` and ``visits`` typed frames, ``simulated`` flag (and ``real``,
        ``evidence``), and ``long()`` for the tidy
        ``participant, group, month, measure, value`` frame.

    Raises
    ------
    ValueError
        If the folder is not valid; the message lists every problem, one per line.

    Examples
    --------
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "dataset.json").write_text('{"kind": "real"}')
    >>> load(folder)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: ... is not valid data (2 problems):
    participants.csv: file is missing
    visits.csv: file is missing
    """
    data_dir = paths.resolve(data_dir)
    problems = validate_folder(data_dir, clinical_only=True).problems
    if problems:
        raise ValueError(
            f"{data_dir} is not valid data ({count_problems(len(problems))}):\n"
            + format_problems(problems)
        )
    simulated = is_simulated(data_dir)
    people, visits = _read_typed(data_dir)
    return Cohort(participants=people, visits=visits, simulated=simulated)
