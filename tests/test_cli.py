"""The command line (milkbone.cli): exit codes and messages of ``milkbone run``."""

from __future__ import annotations

import pytest

from milkbone import cli, paths


def test_run_refuses_an_unknown_parameter(tmp_path, capsys):
    source = tmp_path / "alpha.py"
    source.write_text('# %% tags=["parameters"]\nfactor = 1\n\n# %%\nfactor * 2\n')
    code = cli.main(["run", str(source), "-p", "sede", "7"])
    assert code == 2
    assert "has no parameter sede; its parameters are: factor" in capsys.readouterr().err


def test_run_refuses_a_missing_notebook(tmp_path, capsys):
    assert cli.main(["run", str(tmp_path / "nope.py")]) == 2
    assert "no notebook" in capsys.readouterr().err


@pytest.mark.slow
def test_run_leaves_the_callers_environment_alone(tmp_path, monkeypatch):
    import os

    source = tmp_path / "plain.py"
    source.write_text('# %% tags=["parameters"]\nfactor = 1\n\n# %%\nfactor * 2\n')
    monkeypatch.delenv(paths.READ_LOG_VARIABLE, raising=False)
    before = dict(os.environ)
    output = tmp_path / "out.ipynb"
    assert cli.main(["run", str(source), "-o", str(output), "-p", "factor", "3"]) == 0
    assert output.exists()
    assert dict(os.environ) == before
