"""The simulated 16S counts and peak tables: same seed, same bytes; calibrated to the paper.

References: the numbers printed in the paper (§3.4, Tables 5–6, §3.6), typed here from
its text; the binomial variance N p (1 − p) for overdispersion; by-hand counts.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from milkbone.cohort.metabolome import load_metabolome, validate_metabolome
from milkbone.cohort.microbiome import load_microbiome, validate_microbiome
from milkbone.cohort.simulation import Simulation
from milkbone.cohort.simulation.calibration import metabolome_calibration, microbiome_calibration
from milkbone.cohort.simulation.metabolome import (
    planted_features,
    simulate_metabolome,
    write_metabolome,
)
from milkbone.cohort.simulation.microbiome import simulate_microbiome, write_microbiome
from milkbone.cohort.simulation.omics import (
    completers,
    participant_normals,
    scaled_participants,
    split_counts,
)

SEED = 2025


def _write_omics(clinical: Path, out: Path, seed: int) -> Path:
    """The clinical files of ``clinical`` plus both omics writers' output, in ``out``."""
    out.mkdir(parents=True)
    for name in ("participants.csv", "visits.csv", "dataset.json"):
        shutil.copy(clinical / name, out / name)
    people = pd.read_csv(out / "participants.csv", dtype={"participant": str})
    cohort = Simulation(participants=people, visits=pd.read_csv(out / "visits.csv"))
    write_microbiome(seed=seed, out=out, cohort=cohort)
    write_metabolome(seed=seed, out=out, cohort=cohort)
    return out


@pytest.fixture(scope="module")
def omics(tmp_path_factory, simulated) -> Path:
    return _write_omics(simulated, tmp_path_factory.mktemp("omics") / "a", SEED)


@pytest.fixture(scope="module")
def microbiome(omics):
    return load_microbiome(omics)


def _digests(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for sub in ("microbiome", "metabolome")
        for p in sorted((folder / sub).iterdir())
    }


def test_same_seed_same_bytes(omics, simulated, tmp_path):
    again = _write_omics(simulated, tmp_path / "b", SEED)
    assert _digests(again) == _digests(omics)
    assert len(_digests(omics)) == 8
    other = _digests(_write_omics(simulated, tmp_path / "c", SEED + 1))
    drawn = [
        "microbiome/feature-table.tsv",
        "metabolome/serum-intensities.csv",
        "metabolome/fecal-intensities.tsv",
    ]
    assert all(other[name] != _digests(omics)[name] for name in drawn)
    # the sample sheets depend on the participants only
    assert (
        other["microbiome/sample-metadata.tsv"] == _digests(omics)["microbiome/sample-metadata.tsv"]
    )


def test_written_folders_are_valid(omics):
    assert validate_microbiome(omics) == []
    assert validate_metabolome(omics) == []


def test_phylum_shares_are_the_printed_mean_and_sd(microbiome):
    # §3.4 (Figures 4A–B), as printed: (phylum, arm, month) -> (mean, SD)
    printed = {
        ("Bacteroidota", "CM", 0): (0.522, 0.185), ("Bacteroidota", "HCM", 0): (0.438, 0.182),
        ("Bacteroidota", "CM", 6): (0.391, 0.262), ("Bacteroidota", "HCM", 6): (0.450, 0.197),
        ("Firmicutes", "CM", 0): (0.335, 0.143), ("Firmicutes", "HCM", 0): (0.369, 0.170),
        ("Firmicutes", "CM", 6): (0.296, 0.119), ("Firmicutes", "HCM", 6): (0.357, 0.143),
    }  # fmt: skip
    counts, samples = microbiome.counts, microbiome.samples
    share = counts.div(counts.sum(axis=1), axis=0).T.groupby(microbiome.taxonomy["phylum"]).sum().T
    for (phylum, group, month), (mean, sd) in printed.items():
        x = share.loc[(samples["group"] == group) & (samples["month"] == month), phylum]
        assert x.mean() == pytest.approx(mean, abs=5e-4)
        assert x.std(ddof=1) == pytest.approx(sd, abs=5e-4)


def test_calibration_frame(microbiome):
    frame = microbiome_calibration(microbiome)
    assert frame["evidence"].eq("simulated").all()
    phyla = frame[frame["quantity"].str.startswith("relative abundance")]
    assert len(phyla) == 16 and phyla["agrees"].all()
    genera = frame[frame["quantity"] == "between-arm p"]
    assert len(genera) == 11 and genera["agrees"].all()  # every planted direction holds
    above = frame[frame["quantity"] == "mean relative abundance above"]
    assert above["agrees"].all()
    ratios = frame[frame["quantity"] == "Firmicutes/Bacteroidetes, ratio of means"]
    ratios = ratios.set_index(["group", "month"])["simulated"]
    # the audit's ratios of the printed means: 0.369/0.438, 0.357/0.450, 0.335/0.522, 0.296/0.391
    for key, value in {
        ("HCM", 0): 0.8425,
        ("HCM", 6): 0.7933,
        ("CM", 0): 0.6418,
        ("CM", 6): 0.7570,
    }.items():
        assert ratios[key] == pytest.approx(value, abs=2e-3)


def test_only_the_four_named_genera_average_above_five_percent(microbiome):
    counts = microbiome.counts
    share = counts.div(counts.sum(axis=1), axis=0).T.groupby(microbiome.taxonomy["genus"]).sum().T
    big = sorted(share.columns[share.mean() > 0.05])
    assert big == ["Bacteroides", "Bifidobacterium", "Escherichia-Shigella", "Prevotella_9"]


def test_depth_sparsity_and_rare_genera(microbiome):
    depth = microbiome.counts.sum(axis=1)
    assert depth.min() >= 10_000 and 30_000 <= depth.median() <= 50_000
    assert (microbiome.counts == 0).to_numpy().mean() > 0.5
    counts = microbiome.counts
    share = counts.div(depth, axis=0).T.groupby(microbiome.taxonomy["genus"]).sum().T
    assert share.shape[1] >= 250
    assert (share.mean() < 0.001).mean() > 0.7  # most genera are rare


def test_counts_are_overdispersed(microbiome):
    """Variance of Bacteroides reads across women of one arm and visit against the
    binomial variance N p (1 − p) a multinomial would give."""
    counts, samples = microbiome.counts, microbiome.samples
    genus = counts.loc[:, microbiome.taxonomy["genus"] == "Bacteroides"].sum(axis=1)
    cell = (samples["group"] == "CM") & (samples["month"] == 0)
    reads, depth = genus[cell], counts.sum(axis=1)[cell]
    p = reads.sum() / depth.sum()
    binomial = (depth * p * (1 - p)).mean()
    assert reads.var(ddof=1) / binomial > 50


def test_participants_are_correlated_across_visits(microbiome):
    counts, samples = microbiome.counts, microbiome.samples
    share = counts.div(counts.sum(axis=1), axis=0).T.groupby(microbiome.taxonomy["genus"]).sum().T
    genera = ["Alistipes", "Blautia", "Parabacteroides", "Agathobacter", "Roseburia"]
    logs = np.log(share[genera] + 1e-5)
    first = logs[samples["month"] == 0].set_axis(samples.loc[samples["month"] == 0, "participant"])
    last = logs[samples["month"] == 12].set_axis(samples.loc[samples["month"] == 12, "participant"])
    rho = [stats.spearmanr(first[g], last.loc[first.index, g]).statistic for g in genera]
    shuffled = [
        stats.spearmanr(first[g], last[g].sample(frac=1, random_state=1)).statistic for g in genera
    ]
    assert np.mean(rho) > 0.25
    assert abs(np.mean(shuffled)) < 0.15


def test_table5_fold_changes_are_the_printed_ones(omics):
    serum = load_metabolome(omics, matrix="serum")
    frame = metabolome_calibration(serum)
    fold = frame[frame["quantity"] == "fold change"]
    assert len(fold) == 51 and fold["agrees"].all()
    # Table 5 as printed: APH at 0 m and at 12 m, Equol (its arrow says down), Genistein
    samples, values = serum.samples, serum.intensities
    name = serum.features["name"]
    for metabolite, month, printed in (
        ("APH", 0, 0.5171),
        ("APH", 12, 1.8188),
        ("Equol", 0, 4.4249),
        ("Genistein", 12, 5.1954),
    ):
        column = values[name.index[name == metabolite][0]]
        at = samples["month"] == month
        ratio = (
            column[at & (samples["group"] == "HCM")].mean()
            / column[at & (samples["group"] == "CM")].mean()
        )
        assert ratio == pytest.approx(printed, rel=1e-5)


def test_table6_means_and_auc(omics):
    frame = metabolome_calibration(load_metabolome(omics, matrix="serum"))
    means = frame[frame["quantity"] == "mean intensity"].set_index(["item", "month"])["simulated"]
    # Table 6 as printed (0 m, 12 m)
    assert means[("Prostaglandin D2", 0)] == pytest.approx(296_050_146, rel=1e-6)
    assert means[("Prostaglandin D2", 12)] == pytest.approx(484_844_985.1, rel=1e-6)
    assert means[("5-OxoETE", 12)] == pytest.approx(4_579_503_628, rel=1e-6)
    auc = frame[frame["quantity"] == "AUC"]
    assert len(auc) == 8
    assert (auc["simulated"] - auc["published"]).abs().max() < 0.1


def test_fecal_plants_are_the_counts_of_section_3_6(omics):
    fecal = load_metabolome(omics, matrix="fecal")
    plants = planted_features(
        fecal.features, fecal.samples, np.random.default_rng(0), "fecal", (1.5, 3.0)
    )
    up = plants["fold_change"] > 1
    counts = plants.assign(up=up).groupby(["month", "up"]).size()
    # §3.6: 6 m 47 up, 27 down; 12 m 27 up, 16 down; totals 100 up, 43 down (so 26 up at 0 m)
    assert counts.to_dict() == {
        (0, True): 26,
        (6, False): 27,
        (6, True): 47,
        (12, False): 16,
        (12, True): 27,
    }
    assert plants["feature_id"].is_unique
    frame = metabolome_calibration(fecal)
    assert len(frame) == 12 and set(frame["published"]) == {0, 16, 26, 27, 47}


def test_peak_tables_have_correlated_blocks_and_few_missing(omics):
    fecal = load_metabolome(omics, matrix="fecal")
    assert fecal.intensities.shape == (291, 3000)
    assert fecal.intensities.isna().to_numpy().mean() == pytest.approx(0.02, abs=0.01)
    logs = np.log(fecal.intensities.iloc[:, 300:360]).fillna(
        np.log(fecal.intensities.iloc[:, 300:360]).mean()
    )
    corr = logs.corr().to_numpy()
    within = corr[:30, :30][np.triu_indices(30, 1)].mean()
    between = corr[:30, 30:].mean()
    assert within > 0.15 and abs(between) < 0.05


def test_scaled_cohort_for_benchmarks():
    people = scaled_participants(10)
    assert people["group"].value_counts().to_dict() == {"HCM": 510, "CM": 460}
    assert people["participant"].is_unique
    data = simulate_microbiome(
        scaled_participants(2), rng=np.random.default_rng(1), n_features=1200, n_genera=400
    )
    assert data.counts.shape == (582, 1200)
    serum = simulate_metabolome(
        scaled_participants(2), matrix="serum", rng=np.random.default_rng(1), n_features=600
    )
    assert serum.intensities.shape == (582, 600)


def test_helpers_against_hand_values():
    assert split_counts(np.array([10, 7]), np.array([[0.55, 0.45], [0.5, 0.5]])).tolist() == [
        [6, 4],
        [4, 3],
    ]
    z = participant_normals(np.random.default_rng(3), 20_000, 1, correlation=0.6)
    assert np.corrcoef(z[:, 0, 0], z[:, 1, 0])[0, 1] == pytest.approx(0.6, abs=0.02)
    people = pd.DataFrame(
        {"participant": ["A", "B"], "group": ["HCM", "CM"], "withdrawn": [True, False]}
    )
    assert completers(people)["participant"].tolist() == ["B"]


def test_errors():
    people = scaled_participants(0.1)
    with pytest.raises(ValueError, match=r"n_features .* must be at least n_genera"):
        simulate_microbiome(people, rng=np.random.default_rng(0), n_features=50, n_genera=60)
    with pytest.raises(ValueError, match="matrix must be 'serum' or 'fecal'"):
        simulate_metabolome(people, matrix="urine", rng=np.random.default_rng(0))
    with pytest.raises(ValueError, match="n_features must be at least"):
        simulate_metabolome(people, matrix="serum", rng=np.random.default_rng(0), n_features=100)
    with pytest.raises(ValueError, match="scale must be positive"):
        scaled_participants(0)
    with pytest.raises(ValueError, match="participants column 'group' has unknown value"):
        completers(pd.DataFrame({"participant": ["A"], "group": ["X"]}))


def test_simulate_writes_the_omics_folders(simulated):
    """``cohort.simulate`` runs both writers (the ``simulated`` fixture is its output)."""
    assert load_microbiome(simulated).evidence == "simulated"
    assert load_metabolome(simulated, matrix="fecal").evidence == "simulated"
    info = json.loads((simulated / "dataset.json").read_text(encoding="utf-8"))
    assert sorted(info["microbiome"]["files"]) == [
        "microbiome/feature-table.tsv",
        "microbiome/sample-metadata.tsv",
        "microbiome/taxonomy.tsv",
    ]
    assert len(info["metabolome"]["files"]) == 5
    assert info["microbiome"]["samples"] == 291 and info["metabolome"]["serum"]["features"] == 3000


def test_edited_or_added_files_count_as_observed(simulated, tmp_path):
    """Real data copied into a simulated folder get the real-data rules."""
    folder = tmp_path / "data"
    shutil.copytree(simulated, folder)
    taxonomy = folder / "microbiome" / "taxonomy.tsv"
    taxonomy.write_text(taxonomy.read_text().replace("0.9", "0.8", 1))
    assert load_microbiome(folder).evidence == "observed"
    assert load_metabolome(folder, matrix="serum").evidence == "simulated"
    (folder / "metabolome" / "notes.txt").write_text("mine\n")
    assert load_metabolome(folder, matrix="serum").evidence == "observed"
