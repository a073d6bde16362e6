"""The command line (milkbone.cli): exit codes, messages, paths and parameters.

Exit codes: 0 success, 1 invalid input or failed work, 2 usage, 3 a bug (issue 15).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from milkbone import build, cli, cohort, paths, published


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


# ------------------------------------------------------------------ run: typed parameters

NOTEBOOK = (
    '# %% tags=["parameters"]\n'
    'data_dir = "data/simulated"  # participant data\n'
    "seed = 2025\n"
    "alpha = 0.05\n"
    "show_points = True\n"
    'label = "HCM"\n'
    "\n# %%\nseed * 2\n"
)


@pytest.fixture
def notebook(tmp_path):
    source = tmp_path / "nb.py"
    source.write_text(NOTEBOOK)
    return source


@pytest.fixture
def executed(monkeypatch):
    """Stand in for the kernel: record the parameters and destination of each run."""
    calls = []

    def execute_one(source, parameters, root, package, destination):
        calls.append((parameters, destination))
        return build.NotebookResult(Path(source).stem, "executed", 0.5)

    monkeypatch.setattr(build, "execute_one", execute_one)
    monkeypatch.setattr(build, "package_hash", lambda: "package")
    return calls


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("seed", "abc", "parameter seed is int (default 2025): 'abc' is not a whole number"),
        ("seed", "7.5", "parameter seed is int (default 2025): '7.5' is not a whole number"),
        ("alpha", "high", "parameter alpha is float (default 0.05): 'high' is not a number"),
        (
            "show_points",
            "maybe",
            "parameter show_points is bool (default True): 'maybe' is not true or false",
        ),
    ],
)
def test_run_refuses_a_value_of_the_wrong_type_before_executing(
    notebook, executed, capsys, name, value, message
):
    code = cli.main(["run", str(notebook), "-p", name, value, "-o", str(notebook.parent / "o")])
    assert (code, executed) == (cli.EXIT_USAGE, [])
    assert capsys.readouterr().err == f"milkbone run: {message}\n"


def test_run_passes_values_typed_as_the_notebook_declares(notebook, executed, tmp_path):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "dataset.json").write_text('{"kind": "real"}')
    pairs = ["seed", "7", "alpha", "1", "show_points", "FALSE", "label", "12"]
    arguments = ["run", str(notebook), "-o", str(tmp_path / "out.ipynb")]
    arguments += [item for k in range(0, 8, 2) for item in ("-p", *pairs[k : k + 2])]
    arguments += ["-p", "data_dir", str(tmp_path / "mine")]
    assert cli.main(arguments) == cli.EXIT_OK
    assert executed == [
        (
            {
                "seed": 7,
                "alpha": 1.0,
                "show_points": False,
                "label": "12",
                "data_dir": str(tmp_path / "mine"),
            },
            str(tmp_path / "out.ipynb"),
        )
    ]


def test_run_takes_a_relative_data_dir_from_the_current_directory(
    notebook, executed, tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mine").mkdir()
    assert cli.main(["run", str(notebook), "-o", "out.ipynb", "-p", "data_dir", "mine"]) == 0
    assert executed == [({"data_dir": str(tmp_path / "mine")}, str(tmp_path / "out.ipynb"))]


def test_run_in_a_fresh_clone_makes_the_default_cohort(notebook, executed, tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "ROOT", tmp_path / "clone")
    monkeypatch.setattr(paths, "SIMULATED", tmp_path / "clone" / "data" / "simulated")
    assert cli.main(["run", str(notebook), "-o", str(tmp_path / "out.ipynb")]) == 0
    assert json.loads((paths.SIMULATED / "dataset.json").read_text())["seed"] == 2025
    assert len(executed) == 1


# ---------------------------------------------------------- paths, usage and exit codes


def test_validate_takes_a_relative_folder_from_the_current_directory(tmp_path, monkeypatch, capsys):
    cohort.simulate(seed=3, out=tmp_path / "mine")
    monkeypatch.chdir(tmp_path)
    assert cli.main(["validate", "mine"]) == cli.EXIT_OK
    assert capsys.readouterr().out.startswith(f"OK: {tmp_path / 'mine'} (simulated): ")


def test_simulate_writes_a_relative_folder_into_the_current_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert cli.main(["simulate", "--seed", "3", "--out", "here"]) == cli.EXIT_OK
    assert cohort.dataset_info(tmp_path / "here")["seed"] == 3


@pytest.mark.parametrize(
    "arguments", [[], ["validate"], ["frobnicate"], ["run", "nb.py", "-p", "seed"]]
)
def test_usage_errors_exit_2(arguments, capsys):
    with pytest.raises(SystemExit) as stopped:
        cli.main(arguments)
    assert stopped.value.code == cli.EXIT_USAGE
    assert "usage: milkbone" in capsys.readouterr().err


def test_an_unexpected_error_is_a_bug_not_invalid_input(tmp_path, monkeypatch, capsys):
    def broken(data_dir):
        raise RuntimeError("no such luck")

    monkeypatch.setattr(cohort, "validate_folder", broken)
    assert cli.main(["validate", str(tmp_path)]) == cli.EXIT_BUG == 3
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        "milkbone validate: unexpected error: RuntimeError: no such luck (this is a bug of "
        "milkbone; please report it with the command you ran)\n"
    )


def test_another_checkout_under_the_current_directory_is_named(tmp_path, monkeypatch, capsys):
    other = tmp_path / "other"
    (other / "src" / "milkbone").mkdir(parents=True)
    (other / "src" / "milkbone" / "__init__.py").write_text("")
    monkeypatch.chdir(other)
    monkeypatch.delenv("MILKBONE_ROOT", raising=False)
    assert cli.main(["run", "nope.py"]) == cli.EXIT_USAGE
    err = capsys.readouterr().err.splitlines()
    assert err[0] == (
        f"milkbone: note: working on the project at {paths.ROOT}, not on the checkout at "
        f"{other} (set MILKBONE_ROOT={other} to use it)"
    )
    monkeypatch.setenv("MILKBONE_ROOT", str(paths.ROOT))
    assert cli.main(["run", "nope.py"]) == cli.EXIT_USAGE
    assert capsys.readouterr().err == "milkbone run: no notebook nope.py\n"


# ----------------------------------------------------------------------- verify --strict


@pytest.fixture
def registry(monkeypatch):
    """Replace the committed registry the command line reads; returns the setter."""
    original = published.claims

    def use(change):
        monkeypatch.setattr(published, "claims", lambda: change(original()))

    return use


def test_verify_strict_passes_on_the_committed_registry(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert cli.main(["verify", "--strict", "--out", "audit.csv"]) == cli.EXIT_OK
    assert (tmp_path / "audit.csv").is_file()
    assert capsys.readouterr().err == ""


def test_verify_strict_fails_when_a_registry_row_is_deleted(registry, tmp_path, capsys):
    registry(lambda claims: claims[claims["claim_id"] != "t2.age.p"].reset_index(drop=True))
    assert cli.main(["verify", "--strict", "--out", str(tmp_path / "c.csv")]) == 1
    assert capsys.readouterr().err == (
        "milkbone verify: fresh and committed must hold the same claims in the same order; "
        "committed lacks 1: 't2.age.p'\n"
    )


def test_verify_strict_fails_when_a_registry_row_is_added(registry, tmp_path, capsys):
    def add(claims):
        extra = claims.iloc[[0]].assign(claim_id="t2.made_up")
        return pd.concat([claims, extra], ignore_index=True)

    registry(add)
    assert cli.main(["verify", "--strict", "--out", str(tmp_path / "c.csv")]) == 1
    assert capsys.readouterr().err.endswith("committed has 1 more: 't2.made_up'\n")


def test_verify_names_a_bad_verdict_in_one_line(tmp_path, monkeypatch, capsys):
    folder = tmp_path / "published"
    shutil.copytree(paths.PUBLISHED, folder)
    lines = (folder / "claims.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    lines[4] = lines[4].replace(",consistent,", ",maybe,", 1)
    (folder / "claims.csv").write_text("".join(lines), encoding="utf-8")
    original = published.claims
    monkeypatch.setattr(published, "claims", lambda: original(folder=folder))
    assert cli.main(["verify", "--out", str(tmp_path / "c.csv")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith(
        "milkbone verify: claims.csv does not match datapackage.json: column 'verdict' at "
        "file line 5: value not in ["
    )
    assert err.endswith("(found 'maybe')\n")
