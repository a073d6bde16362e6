"""Tests of milkbone.cohort.load: the Cohort, dataset.json and the reproducibility check."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest

from milkbone import cohort


def _set_ast(folder, line: int, value: str) -> None:
    """Write ``value`` into the ``ast`` column of ``visits.csv`` at ``line`` (1-based)."""
    lines = (folder / "visits.csv").read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    cells = lines[line - 1].split(",")
    cells[header.index("ast")] = value
    lines[line - 1] = ",".join(cells)
    (folder / "visits.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_load_types_and_long(loaded):
    people, visits = loaded.participants, loaded.visits
    assert loaded.simulated is True
    assert list(people.columns) == [
        "participant",
        "group",
        "age",
        "height",
        "weight",
        "menopause_duration",
        "withdrawn",
    ]
    assert str(people["age"].dtype) == "Int64"
    assert people["withdrawn"].dtype == bool
    assert visits["month"].dtype == np.int64
    long = loaded.long()
    assert list(long.columns) == ["participant", "group", "month", "measure", "value"]
    # 97 completers: 4 baseline measures, 18 - 2 = 16 measures x 3 visits, 6 missing at 12 m
    assert len(long) == 97 * (4 + 16 * 3 - 6)
    assert len(loaded.long(include_withdrawn=True)) == len(long) + 7 * (4 + 16)
    assert long["value"].notna().all()


def test_load_raises_listing_problems(folder):
    _set_ast(folder, 5, "abc")  # visits.csv line 5: not a number
    with pytest.raises(ValueError, match=r"is not valid data \(1 problem\):\nvisits.csv, line 5"):
        cohort.load(folder)


def test_load_records_every_file_read(simulated, tmp_path, monkeypatch):
    log = tmp_path / "reads.txt"
    monkeypatch.setenv("MILKBONE_READ_LOG", str(log))
    cohort.load(simulated)
    read = set(log.read_text().splitlines())
    assert read == {str(simulated / f) for f in ("participants.csv", "visits.csv", "dataset.json")}


def test_is_simulated(simulated, tmp_path):
    assert cohort.is_simulated(simulated) is True
    (tmp_path / "dataset.json").write_text('{"kind": "real"}')
    assert cohort.is_simulated(tmp_path) is False
    with pytest.raises(ValueError, match=r"dataset\.json: file is missing"):
        cohort.is_simulated(tmp_path / "nowhere")


def test_dataset_info_and_reproducibility_check(tmp_path):
    cohort.simulate(seed=11, out=tmp_path)
    assert cohort.dataset_info(tmp_path)["seed"] == 11
    check = cohort.check_reproducible(tmp_path)
    assert check["file"].tolist() == ["participants.csv", "visits.csv", "dataset.json"]
    assert check["identical"].all()
    (tmp_path / "visits.csv").write_text((tmp_path / "visits.csv").read_text() + "\n")
    assert not cohort.check_reproducible(tmp_path).set_index("file").loc["visits.csv", "identical"]


def test_dataset_info_names_a_missing_file(tmp_path):
    with pytest.raises(ValueError, match=r"dataset\.json: file is missing"):
        cohort.dataset_info(tmp_path)


def test_cohort_counts(loaded):
    assert loaded.counts() == {
        "participants": 104,
        "completers": {"HCM": 51, "CM": 46},
        "withdrawn": 7,
        "visits": 298,
    }


def test_simulated_cohort_is_not_real(loaded):
    assert loaded.simulated is True
    assert loaded.real is False
    assert loaded.evidence == "simulated"


def test_real_cohort_says_so_and_is_observed(simulated, tmp_path):
    real = tmp_path / "real"
    shutil.copytree(simulated, real)
    (real / "dataset.json").write_text(json.dumps({"kind": "real", "source": "test"}))
    try:
        data = cohort.load(real)
        assert (data.simulated, data.real, data.evidence) == (False, True, "observed")
        assert data.counts()["participants"] == 104
    finally:
        cohort.load(simulated)  # load() still switches disclosure on for real data: reset it
