"""Tests of milkbone.cohort.simulation (and ``milkbone simulate``): the simulated cohort.

Expected values are the paper's printed numbers (Zhao et al. 2025, Tables 2–4 and
§3.2), typed here as literals so the tests do not depend on our own transcription;
calibration inputs come from ``milkbone.published``.
"""

from __future__ import annotations

import hashlib
import json
import math
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from milkbone import cli, cohort
from milkbone.cohort import simulation
from milkbone.cohort.simulation import targets

PUBLISHED_DIR = Path(__file__).resolve().parents[2] / "data" / "published"
SEED = 2025


def test_same_seed_gives_byte_identical_files(tmp_path, inputs, simulated):
    again = cohort.simulate(seed=SEED, out=tmp_path / "again", **inputs)
    for name in ("participants.csv", "visits.csv", "dataset.json"):
        assert (again / name).read_bytes() == (simulated / name).read_bytes()


def test_different_seed_gives_another_cohort(tmp_path, inputs, simulated):
    other = cohort.simulate(seed=SEED + 1, out=tmp_path / "other", **inputs)
    assert (other / "visits.csv").read_bytes() != (simulated / "visits.csv").read_bytes()
    assert (other / "participants.csv").read_bytes() != (
        simulated / "participants.csv"
    ).read_bytes()


def test_simulation_is_fast(tmp_path, inputs):
    start = time.perf_counter()
    cohort.simulate(seed=7, out=tmp_path / "timed", writers=(), **inputs)
    # the clinical files alone (the 16S and metabolome writers are timed with their tests):
    # target 2 s on two shared cores; measured about 0.1 s
    assert time.perf_counter() - start < 5


def test_cohort_shape(loaded):
    people = loaded.participants
    assert len(people) == 104
    completers = people[~people["withdrawn"]]
    assert completers["group"].value_counts().to_dict() == {"HCM": 51, "CM": 46}
    assert people[people["withdrawn"]]["group"].value_counts().to_dict() == {"HCM": 4, "CM": 3}
    withdrawn = set(people.loc[people["withdrawn"], "participant"])
    assert set(loaded.visits.loc[loaded.visits["participant"].isin(withdrawn), "month"]) == {0}


def _group_values(loaded: cohort.Cohort, measure: str, group: str, month: int) -> pd.Series:
    people = loaded.participants[~loaded.participants["withdrawn"]]
    ids = people.loc[people["group"] == group, "participant"]
    if measure in people.columns:
        return people.set_index("participant").loc[ids, measure].astype(float)
    visits = loaded.visits
    rows = visits[visits["participant"].isin(ids) & (visits["month"] == month)]
    return rows[measure].dropna()


@pytest.mark.parametrize("seed", [SEED, 1, 99])
def test_means_and_sds_match_targets_to_printed_precision(seed, tmp_path, inputs):
    """Tolerance: half a unit of the last printed decimal, of mean and of SD."""
    data = cohort.load(cohort.simulate(seed=seed, out=tmp_path / "c", **inputs))
    targets = inputs["targets"]
    assert len(targets) == 2 * (10 + 3 * 4 + 2 * 6)  # Tables 2 and 3 printed means ± SD
    for row in targets.itertuples(index=False):
        values = _group_values(data, row.measure, row.group, row.month)
        assert len(values) == row.n
        assert abs(values.mean() - row.mean) < 0.5 * 10**-row.mean_decimals, row
        assert abs(values.std(ddof=1) - row.sd) < 0.5 * 10**-row.sd_decimals, row


# Table 2 and Table 3 as printed (paper), an independent check of the transcription
PRINTED = {
    ("l1_4_bmd", "HCM", 0): (0.981, 0.123),
    ("l1_4_bmd", "CM", 0): (0.935, 0.107),
    ("age", "HCM", 0): (61.2, 5.00),
    ("ohd_25", "HCM", 6): (24.20, 6.277),
    ("ohd_25", "CM", 12): (17.08, 6.039),
    ("ctx", "HCM", 6): (0.28, 0.200),
    ("pinp", "HCM", 0): (84.67, 48.256),  # Table 2; Table 3 prints 84.70
    ("igf_1", "CM", 6): (9.47, 5.31),
}


@pytest.mark.parametrize(("key", "printed"), PRINTED.items(), ids=lambda v: str(v))
def test_printed_values_reproduced(loaded, key, printed):
    values = _group_values(loaded, *key)
    assert round(values.mean(), 3) == pytest.approx(
        printed[0], abs=0.5 * 10 ** -len(str(printed[0]).split(".")[1])
    )
    assert values.std(ddof=1) == pytest.approx(printed[1], abs=0.0005)


def test_bmi_is_weight_over_height_squared_and_near_table_2(loaded):
    people = loaded.participants.set_index("participant")
    base = loaded.visits[loaded.visits["month"] == 0].set_index("participant")
    bmi = people["weight"] / (people["height"] / 100) ** 2
    assert (base.loc[people.index, "bmi"] - bmi).abs().max() < 0.006  # 2 decimals written
    # achieved (not forced): Table 2 prints 24.7 ± 2.77 (HCM) and 25.0 ± 3.39 (CM)
    for group, mean, sd in (("HCM", 24.7, 2.77), ("CM", 25.0, 3.39)):
        values = _group_values(loaded, "bmi", group, 0)
        assert values.mean() == pytest.approx(mean, abs=0.05)
        assert values.std(ddof=1) == pytest.approx(sd, abs=0.01)


# §3.2, as printed; (measure, group, from month, to month) -> percent change of the mean
STATED_BMD_CHANGES = {
    ("l1_4_bmd", "HCM", 0, 6): 2.3,
    ("l1_4_bmd", "CM", 0, 6): 1.5,
    ("left_hip_bmd", "HCM", 0, 6): 2.2,
    ("left_hip_bmd", "HCM", 0, 12): 1.1,
    ("left_hip_bmd", "CM", 0, 6): -0.1,
    ("left_hip_bmd", "CM", 0, 12): -0.7,
    ("left_femoral_neck_bmd", "HCM", 0, 6): 2.6,
    ("left_femoral_neck_bmd", "CM", 0, 6): 0.5,
    ("left_femoral_neck_bmd", "HCM", 6, 12): -0.5,
    ("left_femoral_neck_bmd", "CM", 6, 12): -1.0,
}


@pytest.mark.parametrize(("key", "percent"), STATED_BMD_CHANGES.items(), ids=str)
def test_stated_bmd_percent_changes_are_honoured(loaded, key, percent):
    """Tolerance: 0.05 percentage points, half a unit of the printed decimal."""
    measure, group, start, end = key
    before = _group_values(loaded, measure, group, start).mean()
    after = _group_values(loaded, measure, group, end).mean()
    assert 100 * (after / before - 1) == pytest.approx(percent, abs=0.05)


def test_assumed_bmd_changes_and_sd_carried_forward(loaded):
    for row in cohort.BMD_ASSUMPTIONS.itertuples(index=False):
        before = _group_values(loaded, row.measure, row.group, row.reference_month)
        after = _group_values(loaded, row.measure, row.group, row.month)
        assert 100 * (after.mean() / before.mean() - 1) == pytest.approx(
            row.percent_change, abs=0.02
        )
        baseline = _group_values(loaded, row.measure, row.group, 0)
        assert after.std(ddof=1) == pytest.approx(baseline.std(ddof=1), abs=1e-4)


def test_serum_percent_changes_in_prose_are_honoured(loaded):
    """Every within-arm percent change §3.3 prints, within 0.1 percentage points (the
    means behind them are themselves matched only to their printed precision)."""
    prose = pd.read_csv(PUBLISHED_DIR / "prose_numbers.csv")
    rows = prose[(prose["statistic"] == "percent_change") & prose["groups"].isin(["HCM", "CM"])]
    rows = rows[~rows["measure"].str.endswith("_bmd")]
    assert len(rows) >= 14
    for row in rows.itertuples(index=False):
        start, end = targets.time_span(row.timepoint)
        before = _group_values(loaded, row.measure, row.groups, start).mean()
        after = _group_values(loaded, row.measure, row.groups, end).mean()
        sign = -1 if row.direction == "decrease" else 1
        assert 100 * (after / before - 1) == pytest.approx(sign * row.value, abs=0.1), row


# Table 4 as printed: (group, month) -> (normal, insufficient, deficient)
TABLE_4 = {
    ("HCM", 0): (11, 23, 17),
    ("CM", 0): (9, 25, 12),
    ("HCM", 6): (41, 10, 0),
    ("CM", 6): (17, 27, 2),
    ("HCM", 12): (33, 17, 1),
    ("CM", 12): (14, 24, 6),  # adds up to 44, not 46
}


@pytest.mark.parametrize(("key", "counts"), TABLE_4.items(), ids=str)
def test_vitamin_d_categories_follow_table_4(loaded, key, counts):
    values = _group_values(loaded, "ohd_25", *key)
    got = ((values >= 20).sum(), ((values > 12) & (values < 20)).sum(), (values < 12).sum())
    assert ((values == 12) | (values == 20)).sum() == (values == 20).sum()  # no value at 12
    if sum(counts) == len(values):
        assert got == counts
    else:
        # resolution: the 2 uncounted CM participants at 12 m sit in the category of the
        # group mean (17.08 ng/mL: insufficient); the printed counts stay as printed
        assert key == ("CM", 12)
        assert got == (14, 26, 6)


def test_table_4_resolution_is_recorded(simulated):
    info = json.loads((simulated / "dataset.json").read_text())
    notes = info["ohd_25_categories"]["resolutions"]
    assert notes == [
        {
            "group": "CM",
            "month": 12,
            "printed_total": 44,
            "n": 46,
            "resolution": "2 participants not counted in Table 4 placed in 'insufficient', "
            "the category of the group mean 17.08 ng/mL",
        }
    ]


def test_ages_are_whole_years_in_stated_range(loaded):
    age = loaded.participants["age"]
    assert (age.astype(float) == age.astype(float).round()).all()
    assert age.min() >= 48
    assert age.max() <= 73


def test_no_negative_or_zero_concentrations(loaded):
    measures = [m for m in cohort.MEASURES if m != "bmi"]
    assert (loaded.visits[measures].min() > 0).all()
    assert (loaded.participants["menopause_duration"] > 0).all()


def _mean_spearman(data: cohort.Cohort, measures) -> float:
    wide = data.visits.pivot(index="participant", columns="month")
    people = data.participants.set_index("participant")
    r = []
    for group in ("HCM", "CM"):
        ids = people.index[(people["group"] == group) & ~people["withdrawn"]]
        for measure in measures:
            months = [m for m in (0, 6, 12) if wide.loc[ids, (measure, m)].notna().all()]
            for i, a in enumerate(months):
                for b in months[i + 1 :]:
                    r.append(
                        stats.spearmanr(wide.loc[ids, (measure, a)], wide.loc[ids, (measure, b)])[0]
                    )
    return float(np.mean(r))


def _spearman_of(rho: float) -> float:
    """Spearman correlation of a bivariate normal with Pearson rho (Pearson 1907)."""
    return 6 / math.pi * math.asin(rho / 2)


def test_within_participant_correlation_near_parameter(loaded, tmp_path, inputs):
    bmd = [
        "l1_4_bmd",
        "left_femoral_neck_bmd",
        "right_femoral_neck_bmd",
        "left_hip_bmd",
        "right_hip_bmd",
    ]
    serum = ["ast", "calcium", "phosphorus", "tracp_5b", "alp", "ctx", "pinp", "oc", "igf_1"]
    # averaged over arms, measures and pairs of visits (30 and 42 correlations)
    assert _mean_spearman(loaded, bmd) == pytest.approx(_spearman_of(0.95), abs=0.02)
    assert _mean_spearman(loaded, serum) == pytest.approx(_spearman_of(0.6), abs=0.06)
    weaker = cohort.load(
        cohort.simulate(
            seed=SEED, out=tmp_path / "w", correlation={"serum": 0.2, "bmd": 0.5}, **inputs
        )
    )
    assert _mean_spearman(weaker, serum) == pytest.approx(_spearman_of(0.2), abs=0.06)
    assert _mean_spearman(weaker, bmd) == pytest.approx(_spearman_of(0.5), abs=0.06)


def test_bad_correlation_parameter(tmp_path, inputs):
    with pytest.raises(ValueError, match=r"correlation 'serum' must be in \[0, 1\), got 1.5"):
        cohort.simulate(seed=1, out=tmp_path / "x", correlation={"serum": 1.5}, **inputs)


def test_dataset_json_says_what_produced_it(simulated):
    info = json.loads((simulated / "dataset.json").read_text())
    assert info["kind"] == "simulated"
    assert info["seed"] == SEED
    assert info["groups"] == {
        "HCM": {"completers": 51, "withdrawn": 4},
        "CM": {"completers": 46, "withdrawn": 3},
    }
    assert "does not say which arms" in info["assumptions"]["withdrawn"]
    assert info["assumptions"]["age_range"] == [48, 73]
    assert len(info["bmd_changes"]) == 20


def test_refuses_to_overwrite_real_data(tmp_path, inputs, capsys):
    (tmp_path / "dataset.json").write_text('{"kind": "real"}')
    with pytest.raises(ValueError, match=r"refusing to overwrite .*kind 'real'"):
        cohort.simulate(seed=1, out=tmp_path, **inputs)
    assert cli.main(["simulate", "--seed", "1", "--out", str(tmp_path)]) == 1
    assert "error: refusing to overwrite" in capsys.readouterr().err
    assert not (tmp_path / "visits.csv").exists()


def test_simulate_command_writes_and_reports(tmp_path, capsys):
    assert cli.main(["simulate", "--seed", str(SEED), "--out", str(tmp_path / "sim")]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"simulated 104 participants (97 completers) with seed {SEED} into ")
    assert cohort.validate(tmp_path / "sim") == []


def _writer(*, seed, out, cohort):
    """A made-up data type: one number per completer visit, from its own stream."""
    rng = simulation.stream(seed, "example")
    visits = cohort.visits.merge(cohort.participants[["participant", "withdrawn"]])
    visits = visits[~visits["withdrawn"]]
    values = rng.random(len(visits))
    (out / "example.tsv").write_text(
        "".join(
            f"{p}\t{m}\t{v:.6f}\n"
            for p, m, v in zip(visits["participant"], visits["month"], values, strict=True)
        ),
        encoding="utf-8",
    )
    return {"example": {"rows": len(visits)}}


def test_writers_add_files_without_changing_the_clinical_ones(tmp_path, inputs):
    plain = cohort.simulate(seed=SEED, out=tmp_path / "plain", writers=(), **inputs)
    assert sorted(p.name for p in plain.iterdir()) == [
        "dataset.json",
        "participants.csv",
        "visits.csv",
    ]
    out = cohort.simulate(seed=SEED, out=tmp_path / "more", writers=(_writer,), **inputs)
    for name in ("participants.csv", "visits.csv"):
        assert (out / name).read_bytes() == (plain / name).read_bytes()
    assert len((out / "example.tsv").read_text().splitlines()) == 97 * 3
    info = json.loads((out / "dataset.json").read_text())
    assert info["example"] == {"rows": 291}
    without = json.loads((plain / "dataset.json").read_text())
    assert {k: v for k, v in info.items() if k not in ("example", "files")} == {
        k: v for k, v in without.items() if k != "files"
    }
    # dataset.json vouches for every file written, the writers' included (sha256 by hashlib)
    assert info["files"] == {
        name: hashlib.sha256((out / name).read_bytes()).hexdigest()
        for name in ("example.tsv", "participants.csv", "visits.csv")
    }
    assert info["files"]["visits.csv"] == without["files"]["visits.csv"]
    again = cohort.simulate(seed=SEED, out=tmp_path / "again", writers=(_writer,), **inputs)
    assert (again / "example.tsv").read_bytes() == (out / "example.tsv").read_bytes()


def test_streams_of_data_types_are_independent():
    first = simulation.stream(SEED, "microbiome").standard_normal(1000)
    assert np.array_equal(first, simulation.stream(SEED, "microbiome").standard_normal(1000))
    other = simulation.stream(SEED, "metabolome").standard_normal(1000)
    clinical = np.random.default_rng(SEED).standard_normal(1000)
    # independent streams: sample correlation within 4 / sqrt(1000) of zero
    assert abs(np.corrcoef(first, other)[0, 1]) < 4 / math.sqrt(1000)
    assert abs(np.corrcoef(first, clinical)[0, 1]) < 4 / math.sqrt(1000)
