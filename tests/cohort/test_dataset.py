"""Tests of milkbone.cohort.dataset: a simulated dataset.json vouches only for its own files.

Digests are computed here with hashlib, independently of the code under test.
"""

from __future__ import annotations

import hashlib
import json
import shutil

import pytest

from milkbone import cohort
from milkbone.cohort.dataset import read_dataset, simulation_mismatch


@pytest.fixture
def copy(tmp_path, simulated):
    out = tmp_path / "copy"
    shutil.copytree(simulated, out)
    return out


def test_simulate_records_the_sha256_of_each_file(simulated):
    recorded = json.loads((simulated / "dataset.json").read_text())["files"]
    assert recorded == {
        name: hashlib.sha256((simulated / name).read_bytes()).hexdigest()
        for name in ("participants.csv", "visits.csv")
    }
    assert cohort.file_digests(simulated) == recorded


def test_an_intact_copy_is_still_simulated(copy):
    info, problems = read_dataset(copy)
    assert (info["kind"], problems, "kind_note" in info) == ("simulated", [], False)
    assert cohort.is_simulated(copy)


@pytest.mark.parametrize(
    ("change", "why"),
    [
        (lambda f: (f / "visits.csv").write_text("x\n"), "visits.csv is not the file"),
        (lambda f: (f / "participants.csv").unlink(), "participants.csv, which the simulation"),
        (lambda f: (f / "extra.csv").write_text("x\n"), "extra.csv was not written by"),
    ],
)
def test_other_files_make_the_folder_real(copy, change, why):
    change(copy)
    info, _ = read_dataset(copy)
    assert (info["kind"], info["kind_recorded"]) == ("real", "simulated")
    assert why in info["kind_note"]
    assert info["kind_note"].endswith(": treated as real data")
    assert cohort.is_simulated(copy) is False


def test_hidden_files_are_not_data(copy):
    (copy / ".DS_Store").write_bytes(b"\x00\x01")
    assert simulation_mismatch(copy, cohort.file_digests(copy)) is None
    assert cohort.is_simulated(copy)


def test_a_real_folder_stays_real_without_digests(tmp_path):
    (tmp_path / "dataset.json").write_text('{"kind": "real"}')
    info, problems = read_dataset(tmp_path)
    assert (info, problems) == ({"kind": "real"}, [])
