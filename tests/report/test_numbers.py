"""milkbone.report.numbers: glue keys, evidence levels, one record per notebook."""

from __future__ import annotations

import pytest

from milkbone import report


@pytest.fixture
def glued(monkeypatch):
    """What reaches myst-nb: (key, value, display) per call."""
    calls: list[tuple[str, object, bool]] = []
    monkeypatch.setattr(
        "myst_nb.glue", lambda key, value, display=True: calls.append((key, value, display))
    )
    return calls


def test_glue_records_key_value_and_evidence(glued):
    numbers = report.Numbers()
    assert numbers.glue("bone_density.l1_4_bmd.hcm.m12.mean", 0.99, evidence="simulated") is None
    table = numbers.table()
    assert table.to_dict("records") == [
        {"key": "bone_density.l1_4_bmd.hcm.m12.mean", "value": 0.99, "evidence": "simulated"}
    ]
    assert glued == [("bone_density.l1_4_bmd.hcm.m12.mean", 0.99, False)]


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
    assert glued == [("baseline.age.hcm.mean", 61.25, False)]
    assert type(glued[0][1]) is float  # repr "61.25", not "np.float64(61.25)"


def test_glue_many_keeps_the_order(glued):
    numbers = report.Numbers()
    numbers.glue_many(
        {"trial.enrolled.count": 104, "trial.withdrawn.count": 7}, evidence="published"
    )
    assert numbers.table()["key"].tolist() == ["trial.enrolled.count", "trial.withdrawn.count"]
    assert [value for _, value, _ in glued] == [104, 7]


def test_observed_numbers_describing_few_people_are_blanked(glued):
    numbers = report.Numbers()
    numbers.glue("baseline.completers.hcm.count", 4, evidence="observed")
    numbers.glue("baseline.completers.cm.count", 46, evidence="observed")
    numbers.glue("baseline.age.hcm.m0.mean", 61.2, evidence="observed", n=4)
    numbers.glue("baseline.age.cm.m0.mean", 60.1, evidence="simulated", n=4)
    assert [value for _, value, _ in glued] == ["–", 46, "–", 60.1]
