"""milkbone.build.execute: change detection end to end, the failure path, progress lines."""

from __future__ import annotations

import textwrap
import time

import pytest

from milkbone import build
from tests.build.conftest import SLEEPER, Command, kernels_running_in


def _statuses(results):
    return {r.notebook: r.status for r in results}


@pytest.mark.slow
def test_data_change_reexecutes_exactly_the_notebooks_that_read_it(project):
    root = project
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


@pytest.mark.slow
def test_failing_notebook_stops_the_build_with_its_name_and_cell(project):
    root = project
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


@pytest.mark.slow
def test_reads_of_files_gone_after_the_run_are_not_inputs(project):
    root = project
    (root / "notebooks" / "beta.py").unlink()
    (root / "notebooks" / "alpha.py").write_text(
        (root / "notebooks" / "alpha.py").read_text()
        + "\n# %%\nimport tempfile, pathlib\n"
        + "with tempfile.TemporaryDirectory() as folder:\n"
        + "    scratch = pathlib.Path(folder, 'scratch.csv')\n"
        + "    scratch.write_text('x')\n"
        + "    paths.record_read(scratch)\n"
    )
    (result,) = build.execute_notebooks(root=root)
    assert result.reads == ["data/alpha.csv"]


def test_progress_lines_name_the_failed_cell_and_show_its_source():
    failure = build.NotebookFailure(cell=3, source="a = 1\nb = a / 0", error="ZeroDivisionError")
    result = build.NotebookResult("gamma", "failed", 0.44, failure=failure)
    assert build.progress_lines(result) == [
        "  FAILED  gamma                           0.4 s",
        "          gamma failed in cell 3: ZeroDivisionError",
        "          | a = 1",
        "          | b = a / 0",
    ]


def test_kernel_is_told_its_notebook_and_parameters(project):
    source = project / "notebooks" / "alpha.py"
    environment = build.kernel_environment(source, project, {"seed": 7}, project / "reads.txt")
    assert environment["MILKBONE_NOTEBOOK"] == "notebooks/alpha.py"  # captions name it
    assert environment["MILKBONE_PARAMETERS"] == '{"seed": 7}'
    assert environment["PYTHONHASHSEED"] == "0"


def test_notebook_sources_in_book_order_without_private_ones(project):
    (project / "notebooks" / "_draft.py").write_text("# %%\n")
    names = [p.name for p in build.notebook_sources(project / "notebooks")]
    assert names == ["alpha.py", "beta.py"]


def _interrupted_build(root, *, whole_group):
    """Start ``milkbone build --no-book`` on one worker, press Ctrl-C while the third
    notebook (it sleeps) runs; return exit code, output and errors."""
    command = Command(root, "build", "--no-book", "--workers", "1")
    command.wait_for("beta")  # alpha and beta ran; slow is starting its kernel
    time.sleep(4)
    command.press_ctrl_c(whole_group=whole_group)
    return command.finish()


@pytest.mark.slow
@pytest.mark.parametrize("whole_group", [True, False], ids=["terminal", "main-process"])
def test_ctrl_c_during_execution_ends_in_one_line_and_exit_130(slow_project, whole_group):
    root = slow_project
    code, out, err = _interrupted_build(root, whole_group=whole_group)
    assert code == 130
    assert err.strip().splitlines() == [
        "milkbone build: interrupted while executing notebooks: 2 of 3 finished; the others "
        "left no executed notebook and no cache entry"
    ]
    assert "Traceback" not in out + err
    notebooks = root / "notebooks"
    assert (notebooks / "alpha.ipynb").exists() and (notebooks / "beta.ipynb").exists()
    assert not (notebooks / "slow.ipynb").exists()
    assert [p.name for p in notebooks.iterdir() if p.name.startswith(".")] == []
    cache_dir = root / "_build" / build.CACHE_DIRNAME
    assert (cache_dir / "alpha.json").exists() and (cache_dir / "beta.json").exists()
    assert not (cache_dir / "slow.json").exists()
    assert [p.name for p in cache_dir.iterdir() if p.is_dir()] == []  # no scratch folder
    deadline = time.monotonic() + 15  # a kernel ends when it sees its worker gone (1 s poll)
    while kernels_running_in(root) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert kernels_running_in(root) == []


@pytest.mark.slow
def test_the_build_after_an_interrupted_one_executes_what_did_not_finish(slow_project):
    root = slow_project
    _interrupted_build(root, whole_group=True)
    (root / "notebooks" / "slow.py").write_text(SLEEPER.replace("120", "0"))
    results = build.execute_notebooks(root=root)
    assert _statuses(results)["slow"] == "executed"
    assert {r.status for r in results} <= {"executed", "cached"}
    assert (root / "notebooks" / "slow.ipynb").exists()


@pytest.mark.slow
def test_ctrl_c_during_milkbone_run_ends_in_one_line_and_exit_130(slow_project, tmp_path):
    root = slow_project
    out = tmp_path / "slow.ipynb"
    command = Command(root, "run", "notebooks/slow.py", "-o", str(out))
    time.sleep(8)  # the kernel has started and sleeps in the second cell
    command.press_ctrl_c()
    code, printed, err = command.finish()
    assert code == 130
    assert err.strip().splitlines() == ["milkbone run: interrupted"]
    assert "Traceback" not in printed + err
    assert not out.exists()


@pytest.mark.slow
def test_a_run_outside_the_book_keeps_its_figures_out_of_the_books_folder(project, tmp_path):
    source = project / "notebooks" / "figure.py"
    source.write_text(
        "# %%\nimport matplotlib.pyplot as plt\nfrom milkbone import report\n\n"
        "# %%\nfig, ax = plt.subplots()\n"
        'report.save(fig, "probe", caption="A probe.", evidence="observed")\n'
    )
    out = tmp_path / "runs" / "figure.ipynb"
    out.parent.mkdir()
    result = build.execute_one(str(source), {}, str(project), "p", str(out))
    assert result.status == "executed", result.failure
    assert (tmp_path / "runs" / "figure_figures" / "probe.png").is_file()
    assert not (project / "_generated" / "figures" / "probe.png").exists()


def test_only_a_run_outside_the_book_names_a_figure_folder(project):
    source = project / "notebooks" / "alpha.py"
    book = build.kernel_environment(source, project, {}, project / "reads.txt")
    assert "MILKBONE_FIGURES" not in book
    run = build.kernel_environment(source, project, {}, project / "r.txt", project / "f")
    assert run["MILKBONE_FIGURES"] == str(project / "f")
