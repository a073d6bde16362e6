"""milkbone.report.numbers: glue keys, evidence levels, one record per notebook."""

from __future__ import annotations

import pytest

from milkbone import report

GLUE_PREFIX = "application/papermill.record/"  # myst-nb's, for values not displayed


@pytest.fixture
def glued(monkeypatch):
    """What reaches the notebook: (key, text/plain of the value, milkbone metadata) per call,
    read back exactly as myst-nb's glue reads it (``scrapbook`` name and mime prefix)."""
    calls: list[tuple[str, str, dict]] = []

    def display(bundle, *, raw, metadata):
        assert raw
        scrap = metadata["scrapbook"]
        assert scrap["mime_prefix"] == GLUE_PREFIX
        calls.append((scrap["name"], bundle[GLUE_PREFIX + "text/plain"], metadata["milkbone"]))

    monkeypatch.setattr("IPython.display.display", display)
    return calls


def test_glue_records_key_value_and_evidence(glued):
    numbers = report.Numbers()
    assert numbers.glue("bone_density.l1_4_bmd.hcm.m12.mean", 0.99, evidence="simulated") is None
    table = numbers.table()
    assert table.to_dict("records") == [
        {
            "key": "bone_density.l1_4_bmd.hcm.m12.mean",
            "value": 0.99,
            "evidence": "simulated",
            "source": "",
        }
    ]
    assert glued == [
        ("bone_density.l1_4_bmd.hcm.m12.mean", "0.99", {"evidence": "simulated", "source": ""})
    ]


def test_glue_reads_the_producing_function_from_the_gluing_code(glued):
    from milkbone import published

    numbers = report.Numbers()
    sizes = published.summary_statistics()
    n = int(sizes["n"].max())
    numbers.glue("baseline.completers.max.count", n, evidence="published")
    numbers.glue("baseline.completers.given.count", 51, evidence="published", source="f")
    assert numbers.table()["source"].tolist() == [
        "milkbone.published.summary_statistics",
        "f",
    ]
    assert glued[0][2] == {
        "evidence": "published",
        "source": "milkbone.published.summary_statistics",
    }


@pytest.mark.parametrize(
    "key", ["Baseline.age", "baseline", "baseline.age:mean", "a.b.c.d.e.f", "baseline..age"]
)
def test_glue_refuses_malformed_keys(key, glued):
    with pytest.raises(ValueError, match="does not match"):
        report.Numbers().glue(key, 1, evidence="published")


def test_glue_refuses_a_key_used_twice(glued):
    numbers = report.Numbers()
    numbers.glue("baseline.age.hcm.mean", 61.2, evidence="published")
    with pytest.raises(ValueError, match="already used"):
        numbers.glue("baseline.age.hcm.mean", 61.2, evidence="published")


def test_two_records_do_not_share_keys(glued):
    """No module state: a second notebook (or test) starts with no key used."""
    report.Numbers().glue("baseline.age.hcm.mean", 61.2, evidence="published")
    fresh = report.Numbers()
    fresh.glue("baseline.age.hcm.mean", 61.2, evidence="published")
    assert len(fresh) == 1


def test_unknown_evidence_level_is_refused(glued):
    with pytest.raises(ValueError, match="evidence must be one of"):
        report.Numbers().glue("baseline.age.hcm.mean", 61.2, evidence="proven")
    with pytest.raises(ValueError, match="evidence must be one of"):
        report.Numbers().glue_many({"baseline.age.hcm.mean": 61.2}, evidence="proven")


def test_numpy_scalars_are_glued_as_python_numbers(glued):
    import numpy as np

    report.Numbers().glue("baseline.age.hcm.mean", np.float64(61.25), evidence="published")
    assert [(key, text) for key, text, _ in glued] == [("baseline.age.hcm.mean", "61.25")]


def test_glue_many_keeps_the_order(glued):
    numbers = report.Numbers()
    numbers.glue_many(
        {"trial.enrolled.count": 104, "trial.withdrawn.count": 7}, evidence="published"
    )
    assert numbers.table()["key"].tolist() == ["trial.enrolled.count", "trial.withdrawn.count"]
    assert [value for _, value, _ in glued] == ["104", "7"]


def test_observed_numbers_describing_few_people_are_blanked(glued):
    numbers = report.Numbers()
    numbers.glue("baseline.completers.hcm.count", 4, evidence="observed")
    numbers.glue("baseline.completers.cm.count", 46, evidence="observed")
    numbers.glue("baseline.age.hcm.m0.mean", 61.2, evidence="observed", n=4)
    numbers.glue("baseline.age.cm.m0.mean", 60.1, evidence="simulated", n=4)
    assert [value for _, value, _ in glued] == ["'–'", "46", "'–'", "60.1"]
