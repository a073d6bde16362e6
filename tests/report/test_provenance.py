"""milkbone.report.provenance: the package function behind a glued number."""

from __future__ import annotations

import ast

import pandas as pd

from milkbone import published, report
from milkbone.report import provenance


def test_dotted_names_of_calls():
    call = ast.parse("clinical.compare_groups(x, month=6)").body[0].value
    assert provenance.dotted_name(call.func) == "clinical.compare_groups"
    assert provenance.dotted_name(ast.parse("f(x)[0]").body[0].value) == ""


def test_only_milkbone_functions_that_compute_are_named():
    namespace = {"published": published, "report": report, "pd": pd}
    assert provenance.resolve_call("published.measures", namespace) == (
        "milkbone.published.measures"
    )
    assert provenance.resolve_call("report.show_table", namespace) == ""  # shows, computes not
    assert provenance.resolve_call("pd.concat", namespace) == ""
    assert provenance.resolve_call("unknown.f", namespace) == ""


def test_the_nearest_producer_is_found_through_assignments():
    """The value glued is two assignments away from the function that made it."""
    numbers = report.Numbers(display=False)
    stats = published.summary_statistics()
    hcm = stats[stats["group"] == "HCM"]
    largest = hcm["n"].max()
    numbers.glue("trial.completers.hcm.count", int(largest), evidence="published")
    numbers.glue_many({"trial.arms.count": 2}, evidence="published")  # a constant: no function
    assert numbers.table()["source"].tolist() == ["milkbone.published.summary_statistics", ""]


def test_outside_any_readable_code_the_source_is_empty():
    assert provenance.producers("a.b") == ""  # called directly, not from a glue call
