"""milkbone.build.report: the execution report the book publishes."""

from __future__ import annotations

from milkbone import build


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


def test_reads_are_summarised_per_folder():
    reads = ["data/published/table2.csv", "data/published/table3.csv", "data/simulated/v.csv"]
    assert build.summarise_reads(reads) == "data/published/ (2 files); data/simulated/ (1 file)"


def test_summary_counts_each_status():
    results = [
        build.NotebookResult(name, status, 1.0)
        for name, status in [("a", "cached"), ("b", "executed"), ("c", "cached")]
    ]
    assert build.summary(results) == {"cached": 2, "executed": 1}
