"""The build's change detection, failure path and CLI (milkbone.build, milkbone.cli)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from milkbone import build, cli, paths

READER = """\
# %% tags=["parameters"]
factor = 1

# %%
from milkbone import paths

text = paths.record_read("data/{name}.csv").read_text()
"""


def _project(tmp_path: Path) -> Path:
    """A minimal project: two notebooks, each reading its own data file."""
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "data").mkdir()
    for name in ("alpha", "beta"):
        (tmp_path / "data" / f"{name}.csv").write_text("x\n1\n")
        source = READER.replace("{name}", name)
        (tmp_path / "notebooks" / f"{name}.py").write_text(source)
    return tmp_path


def _statuses(results):
    return {r.notebook: r.status for r in results}


@pytest.mark.slow
def test_data_change_reexecutes_exactly_the_notebooks_that_read_it(tmp_path):
    root = _project(tmp_path)
    lines: list[str] = []
    first = build.execute_notebooks(root=root, echo=lines.append)
    assert _statuses(first) == {"alpha": "executed", "beta": "executed"}
    assert first[0].reads == ["data/alpha.csv"]
    assert (root / "notebooks" / "alpha.ipynb").exists()

    cached = build.execute_notebooks(root=root, echo=lines.append)
    assert _statuses(cached) == {"alpha": "cached", "beta": "cached"}
    assert [r.reads for r in cached] == [["data/alpha.csv"], ["data/beta.csv"]]

    (root / "data" / "beta.csv").write_text("x\n2\n")
    again = build.execute_notebooks(root=root, echo=lines.append)
    assert _statuses(again) == {"alpha": "cached", "beta": "executed"}

    # a parameter is part of the key too
    changed = build.execute_notebooks(root=root, parameters={"factor": 2}, echo=lines.append)
    assert _statuses(changed) == {"alpha": "executed", "beta": "executed"}
    assert any("cached" in line and "alpha" in line for line in lines)


def test_source_and_package_changes_invalidate_the_cache(tmp_path):
    root = _project(tmp_path)
    source = root / "notebooks" / "alpha.py"
    key = build._static_key(source, {}, "package-v1")
    assert build._static_key(source, {}, "package-v2") != key
    source.write_text(source.read_text() + "\n# edited\n")
    assert build._static_key(source, {}, "package-v1") != key
    assert not build.is_up_to_date(source, parameters={}, package="package-v1", root=root)


@pytest.mark.slow
def test_failing_notebook_stops_the_build_with_its_name_and_cell(tmp_path):
    root = _project(tmp_path)
    bad = root / "notebooks" / "gamma.py"
    bad.write_text(
        textwrap.dedent(
            """\
            # %%
            x = 1

            # %%
            raise ValueError("the data are not what they seem")
            """
        )
    )
    # a stale executed notebook from an earlier successful run must not survive
    (root / "notebooks" / "gamma.ipynb").write_text("{}")
    lines: list[str] = []
    with pytest.raises(build.BuildError, match=r"gamma \(cell 2\)"):
        build.execute_notebooks(root=root, echo=lines.append)
    report = "\n".join(lines)
    assert "gamma failed in cell 2: ValueError: the data are not what they seem" in report
    assert not (root / "notebooks" / "gamma.ipynb").exists()
    assert (root / "notebooks" / "alpha.ipynb").exists()  # the others still completed


def test_report_lists_every_notebook(tmp_path):
    results = [
        build.NotebookResult("alpha", "executed", 1.234, key="abc", reads=["data/a.csv"]),
        build.NotebookResult("beta", "cached", 2.0, key="def"),
    ]
    path = build.write_report(results, tmp_path / "report.csv")
    lines = path.read_text().splitlines()
    assert lines[0] == "notebook,status,seconds,source hash,data files read"
    assert lines[1] == "notebooks/alpha.py,executed,1.2,abc,data/ (1 file)"
    assert lines[2] == "notebooks/beta.py,cached,2.0,def,"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("7", 7), ("0.05", 0.05), ("true", True), ("None", None), ("data/real", "data/real")],
)
def test_cli_parameter_values_are_typed(text, expected):
    assert cli._parse_value(text) == expected


def test_run_refuses_an_unknown_parameter(tmp_path, capsys):
    root = _project(tmp_path)
    code = cli.main(["run", str(root / "notebooks" / "alpha.py"), "-p", "sede", "7"])
    assert code == 2
    assert "has no parameter sede; its parameters are: factor" in capsys.readouterr().err


def test_parameter_names_come_from_the_tagged_cell(tmp_path):
    source = tmp_path / "p.py"
    source.write_text(
        '# %%\nignored = 0\n\n# %% tags=["parameters"]\n'
        "seed = 2025  # a = b in a comment\nalpha: float = 0.05\n"
    )
    assert cli._notebook_parameters(source) == ["seed", "alpha"]


def test_run_refuses_a_missing_notebook(tmp_path, capsys):
    assert cli.main(["run", str(tmp_path / "nope.py")]) == 2
    assert "no notebook" in capsys.readouterr().err


def test_package_hash_ignores_build_tooling_only(tmp_path, monkeypatch):
    package = tmp_path / "milkbone"
    package.mkdir()
    (package / "build.py").write_text("x = 1\n")
    (package / "clinical.py").write_text("y = 1\n")
    monkeypatch.setattr(build, "__file__", str(package / "build.py"))
    before = build.package_hash()
    (package / "build.py").write_text("x = 2\n")
    assert build.package_hash() == before
    (package / "clinical.py").write_text("y = 2\n")
    assert build.package_hash() != before


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


@pytest.mark.slow
def test_reads_of_files_gone_after_the_run_are_not_inputs(tmp_path):
    root = _project(tmp_path)
    (root / "notebooks" / "beta.py").unlink()
    (root / "notebooks" / "alpha.py").write_text(
        READER.replace("{name}", "alpha")
        + "\n# %%\nimport tempfile, pathlib\n"
        + "with tempfile.TemporaryDirectory() as folder:\n"
        + "    scratch = pathlib.Path(folder, 'scratch.csv')\n"
        + "    scratch.write_text('x')\n"
        + "    paths.record_read(scratch)\n"
    )
    (result,) = build.execute_notebooks(root=root, echo=lambda line: None)
    assert result.reads == ["data/alpha.csv"]
