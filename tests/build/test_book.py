"""milkbone.build.book: Ctrl-C during the site step leaves no site that looks current."""

from __future__ import annotations

import time

import psutil
import pytest

from tests.build.conftest import Command

FAKE_SPHINX = (
    "import sys\n"
    "from milkbone.build import book\n"
    "book.book_command = lambda root: [sys.executable, '-c', 'import time; time.sleep(120)']\n"
)
"""Stands in for ``jupyter-book build``: a process that takes two minutes."""


def _sleepers(root):
    return [
        p.pid
        for p in psutil.process_iter(["cmdline", "cwd"])
        if "time.sleep(120)" in " ".join(p.info["cmdline"] or []) and p.info["cwd"] == str(root)
    ]


@pytest.mark.slow
@pytest.mark.parametrize("whole_group", [True, False], ids=["terminal", "main-process"])
def test_ctrl_c_during_the_site_step_removes_the_old_site(slow_project, whole_group):
    root = slow_project
    (root / "notebooks" / "slow.py").unlink()
    html = root / "_build" / "html"
    html.mkdir(parents=True)
    (html / "index.html").write_text("<p>the site of an earlier build</p>")
    command = Command(root, "build", "--workers", "1", prelude=FAKE_SPHINX)
    command.wait_for("building the reader edition")
    time.sleep(1)
    command.press_ctrl_c(whole_group=whole_group)
    code, out, err = command.finish()
    assert code == 130
    assert err.strip().splitlines() == [
        "milkbone build: interrupted while building the book; the half-built site "
        "_build/html was removed"
    ]
    assert "Traceback" not in out + err
    assert not html.exists()
    assert _sleepers(root) == []  # the book build was stopped with the command
