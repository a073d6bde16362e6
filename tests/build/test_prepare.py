"""milkbone.build.prepare: one build at a time, and a cohort never half written."""

from __future__ import annotations

import hashlib
import os
import threading
import time

import pytest

from milkbone import build, cohort
from tests.build.conftest import Command


def _digests(folder):
    """SHA-256 of every file under ``folder`` (hashlib), by relative path."""
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in files}


@pytest.mark.slow
def test_the_cohort_is_written_whole_and_left_alone_when_unchanged(tmp_path):
    out = tmp_path / "data" / "simulated"
    lines = []
    assert build.prepare_cohort(seed=2025, out=out, echo=lines.append) == out
    assert "written" in lines[-1]
    # the same seed gives the same bytes as the simulator writing directly
    direct = cohort.simulate(seed=2025, out=tmp_path / "direct")
    assert _digests(out) == _digests(direct)
    inode = out.stat().st_ino
    build.prepare_cohort(seed=2025, out=out, echo=lines.append)
    assert "unchanged" in lines[-1]
    assert out.stat().st_ino == inode  # not replaced: a reader never saw it move
    build.prepare_cohort(seed=1, out=out, echo=lines.append)
    assert "written" in lines[-1]
    assert _digests(out) != _digests(direct)
    assert sorted(p.name for p in out.parent.iterdir()) == ["simulated"]  # no scratch left


@pytest.mark.slow
def test_an_interrupted_preparation_leaves_the_old_cohort_and_no_scratch(tmp_path, monkeypatch):
    out = tmp_path / "data" / "simulated"
    build.prepare_cohort(seed=2025, out=out)
    before = _digests(out)

    def interrupted(folder):
        raise KeyboardInterrupt

    monkeypatch.setattr(cohort, "validate", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build.prepare_cohort(seed=1, out=out)
    assert _digests(out) == before
    assert sorted(p.name for p in out.parent.iterdir()) == ["simulated"]


def test_same_files_compares_names_and_bytes(tmp_path):
    left, right = tmp_path / "a", tmp_path / "b"
    left.mkdir()
    right.mkdir()
    (left / "x.csv").write_text("1\n")
    (right / "x.csv").write_text("1\n")
    assert build.same_files(left, right)
    (right / "x.csv").write_text("2\n")
    assert not build.same_files(left, right)
    (right / "x.csv").write_text("1\n")
    (right / "y.csv").write_text("1\n")
    assert not build.same_files(left, right)
    (left / "y.csv").write_text("1\n")
    (left / "sub").mkdir()
    (left / "sub" / "z.tsv").write_text("a\n")
    assert not build.same_files(left, right)
    (right / "sub").mkdir()
    (right / "sub" / "z.tsv").write_text("a\n")
    assert build.same_files(left, right)
    (right / "sub" / "z.tsv").write_text("b\n")
    assert not build.same_files(left, right)


def test_the_lock_holds_the_pid_and_a_second_holder_waits(tmp_path):
    order, lines = [], []
    with build.one_build_at_a_time(root=tmp_path) as lock:
        assert lock.read_text() == str(os.getpid())

        def second():
            with build.one_build_at_a_time(root=tmp_path, echo=lines.append):
                order.append("second")

        thread = threading.Thread(target=second)
        thread.start()
        time.sleep(0.5)
        order.append("first done")
    thread.join(timeout=10)
    assert order == ["first done", "second"]
    said = f"another build (process {os.getpid()}) is running in {tmp_path}; waiting for it"
    assert lines == [said]


@pytest.mark.slow
def test_a_second_build_waits_for_the_first_and_then_completes(slow_project):
    root = slow_project
    (root / "notebooks" / "slow.py").unlink()
    with build.one_build_at_a_time(root=root):
        command = Command(root, "build", "--no-book", "--workers", "1")
        command.wait_for("is running")
        time.sleep(2)
        assert command.process.poll() is None  # still waiting
        assert not (root / "data" / "simulated").exists()  # and it has written nothing
    code, out, err = command.finish(timeout=180)
    assert code == 0, err
    assert f"another build (process {os.getpid()}) is running" in out
    assert (root / "notebooks" / "alpha.ipynb").exists()


@pytest.mark.slow
def test_a_no_op_build_neither_simulates_nor_validates_the_default_cohort(tmp_path, monkeypatch):
    """Issue 14: a no-op build spent its time simulating the cohort again. With the same
    seed, package, published numbers and files, the recorded inputs say nothing changed;
    an edited file makes it simulate again."""
    from milkbone import paths

    monkeypatch.setattr(paths, "SIMULATED", tmp_path / "simulated")
    monkeypatch.setattr(paths, "BUILD", tmp_path / "_build")
    lines: list[str] = []
    build.prepare_cohort(seed=2025, echo=lines.append)
    assert "written" in lines[-1]
    build.prepare_cohort(seed=2025, echo=lines.append)
    assert "inputs as before" in lines[-1]
    visits = tmp_path / "simulated" / "visits.csv"
    visits.write_text(visits.read_text() + "\n")
    build.prepare_cohort(seed=2025, echo=lines.append)
    assert "written" in lines[-1]  # simulated again, the edited file replaced
