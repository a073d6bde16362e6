"""Simulated serum and fecal peak tables calibrated to paper §3.5–3.6 (Tables 5–6).

Every completer gives a serum and a stool sample per visit. A feature's log intensity
is its typical level, plus a participant effect shared by her visits (SD
``participant_sd``), plus a latent factor shared by a block of ``block_size``
features (correlated blocks, loadings 0.2–0.6), plus noise (SD ``noise_sd``).
Intensities are its exponential (log-normal); the lowest ``missing`` share of cells
of unplanted features are left missing (below detection: missing not at random).

Planted, exactly (the arm means are rescaled to the target after drawing):

- serum: each Table 5 row at its phase, HCM / CM ratio of means = printed FC; each
  Table 6 metabolite at its printed HCM means at 0 and 12 months, with the log SD
  that gives its printed AUC (:func:`~milkbone.cohort.simulation.metabolites.table6_targets`);
- fecal: §3.6's counts of differential features per phase and direction
  (:func:`~milkbone.cohort.simulation.metabolites.fecal_targets`), fold changes
  drawn log-uniformly between ``fold_range``.

The choices where the paper contradicts itself are in
:data:`~milkbone.cohort.simulation.metabolites.ASSUMPTIONS`.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from milkbone.cohort.metabolome import (
    FEATURE_COLUMNS,
    MetabolomeData,
    write_metabolome_files,
    write_sample_metadata,
)
from milkbone.cohort.simulation.metabolites import (
    ASSUMPTIONS,
    IDENTIFIERS,
    fecal_targets,
    table5_targets,
    table6_targets,
)
from milkbone.cohort.simulation.omics import (
    completers,
    file_records,
    omics_stream,
    participant_normals,
    visit_samples,
)
from milkbone.vocabulary import MONTHS

__all__ = ["FECAL_NAMES", "planted_features", "simulate_metabolome", "write_metabolome"]

FECAL_NAMES = ("D-Glucarate", "L-Cysteine", "3-Dephospho-CoA", "Adenin")
"""Fecal metabolites §3.7 names; annotated in the fecal table, not planted."""


def _annotation(rng, matrix: str, n_features: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Feature annotation (named features first) and the serum targets' feature rows."""
    if matrix == "serum":
        t5 = table5_targets()
        named = pd.concat(
            [t5.drop_duplicates("name")[["name", "mz", "rt"]], table6_targets()[["name"]]],
            ignore_index=True,
        )
    else:
        named = pd.DataFrame({"name": list(FECAL_NAMES)})
    if n_features < len(named) + 200:
        raise ValueError(f"n_features must be at least {len(named) + 200}, got {n_features}")
    extra = n_features - len(named)
    anonymous = pd.DataFrame(
        {
            "name": pd.NA,
            "mz": np.round(rng.uniform(70.0, 1200.0, extra), 4),
            "rt": np.round(rng.uniform(0.8, 12.0, extra), 3),
        }
    )
    features = pd.concat([named, anonymous], ignore_index=True)
    features["ion_mode"] = np.where(rng.random(n_features) < 0.5, "positive", "negative")
    ids = [
        IDENTIFIERS.get(n, ("", "", "")) if isinstance(n, str) else ("", "", "")
        for n in features["name"]
    ]
    features[["kegg", "hmdb", "chebi"]] = pd.DataFrame(ids).replace("", pd.NA).to_numpy()
    features["class"] = pd.NA
    prefix = "SER" if matrix == "serum" else "FEC"
    features.index = pd.Index(
        [f"{prefix}{i + 1:05d}" for i in range(n_features)], name="feature_id"
    )
    features = features[list(FEATURE_COLUMNS)].astype(
        {c: "string" for c in FEATURE_COLUMNS if c not in ("mz", "rt")}
    )
    return features.astype({"mz": float, "rt": float}), named


def planted_features(
    features: pd.DataFrame, samples: pd.DataFrame, rng, matrix: str, fold_range
) -> pd.DataFrame:
    """The plants of one matrix: ``feature_id, month, fold_change, source`` (HCM / CM).

    Serum: Table 5 rows by name; fecal: :func:`fecal_targets` on anonymous features
    drawn without replacement.
    """
    if matrix == "serum":
        by_name = pd.Series(features.index, index=features["name"].fillna(""))
        by_name = by_name[~by_name.index.duplicated()]
        t5 = table5_targets()
        return pd.DataFrame(
            {
                "feature_id": by_name[t5["name"]].to_numpy(),
                "month": t5["month"].to_numpy(),
                "fold_change": t5["fold_change"].to_numpy(),
                "source": "Table 5 row " + t5["row"].astype(str),
            }
        )
    targets = fecal_targets()
    pool = features.index[features["name"].isna()]
    chosen = rng.choice(len(pool), size=int(targets["count"].sum()), replace=False)
    low, high = np.log(fold_range[0]), np.log(fold_range[1])
    size = np.exp(rng.uniform(low, high, len(chosen)))
    rows, start = [], 0
    for target in targets.itertuples(index=False):
        for k in range(start, start + target.count):
            fold = size[k] if target.direction == "up" else 1.0 / size[k]
            rows.append((pool[chosen[k]], target.month, fold, f"§3.6 {target.month} m"))
        start += target.count
    return pd.DataFrame(rows, columns=["feature_id", "month", "fold_change", "source"])


def _log_levels(rng, features, samples, *, participant_sd, noise_sd, block_size) -> np.ndarray:
    """Log intensities before plants, shape ``(samples, features)``."""
    n_samples, n_features = len(samples), len(features)
    people = pd.Index(samples["participant"].unique())
    where = people.get_indexer(samples["participant"])
    level = rng.normal(np.log(2e6), 1.2, n_features)
    person = rng.normal(0.0, participant_sd, (len(people), n_features))[where]
    blocks = np.arange(n_features) // block_size
    factor = rng.standard_normal((n_samples, blocks.max() + 1))[:, blocks]
    loading = rng.uniform(0.2, 0.6, n_features)
    noise = rng.normal(0.0, noise_sd, (n_samples, n_features))
    return level + person + loading * factor + noise


def _undetected(rng, logs: np.ndarray, missing: float) -> np.ndarray:
    """Cells below each feature's detection limit: a feature misses a share drawn from
    an exponential with mean ``missing`` (at most 40 %), its lowest values."""
    share = np.minimum(rng.exponential(missing, logs.shape[1]), 0.4)
    limit = np.array([np.quantile(logs[:, j], q) for j, q in enumerate(share)])
    return logs < limit


def _table6(rng, values: np.ndarray, features, samples) -> None:
    """Table 6 features in place: HCM at the printed means, CM at the 0-month mean."""
    targets = table6_targets()
    people = pd.Index(samples["participant"].unique())
    where = people.get_indexer(samples["participant"])
    visit = pd.Index(MONTHS).get_indexer(samples["month"])
    z = participant_normals(rng, len(people), len(targets), correlation=0.5)[where, visit]
    hcm = (samples["group"] == "HCM").to_numpy()
    for j, row in enumerate(targets.itertuples(index=False)):
        col = features.index.get_loc(features.index[features["name"] == row.name][0])
        mean = {0: row.m0, 6: float(np.sqrt(row.m0 * row.m12)), 12: row.m12}
        target = np.where(hcm, samples["month"].map(mean).to_numpy(), row.m0)
        values[:, col] = target * np.exp(row.log_sd * z[:, j])
        for cell in pd.MultiIndex.from_arrays([hcm, samples["month"]]).unique():
            rows = np.flatnonzero((hcm == cell[0]) & (samples["month"].to_numpy() == cell[1]))
            values[rows, col] *= target[rows[0]] / values[rows, col].mean()


def _plant(values: np.ndarray, features, samples, plants: pd.DataFrame) -> None:
    """Rescale HCM at each plant's month so that mean(HCM) / mean(CM) = its FC."""
    hcm = (samples["group"] == "HCM").to_numpy()
    month = samples["month"].to_numpy()
    for plant in plants.itertuples(index=False):
        col = features.index.get_loc(plant.feature_id)
        arm, other = (month == plant.month) & hcm, (month == plant.month) & ~hcm
        values[arm, col] *= plant.fold_change * values[other, col].mean() / values[arm, col].mean()


def simulate_metabolome(
    participants: pd.DataFrame,
    *,
    matrix: str,
    rng: np.random.Generator,
    n_features: int = 3000,
    participant_sd: float = 0.4,
    noise_sd: float = 0.4,
    block_size: int = 30,
    missing: float = 0.02,
    fold_range: tuple[float, float] = (1.5, 3.0),
) -> MetabolomeData:
    """Simulate one matrix's peak table for ``participants`` (``participant, group``).

    Parameters
    ----------
    participants : DataFrame
        ``participant, group``: the completers (or :func:`scaled_participants`).
    matrix : {"serum", "fecal"}
        Serum plants Tables 5–6, fecal §3.6's counts.
    rng : numpy.random.Generator
        The data type's random stream (the writer passes ``stream(seed, "metabolome")``).
    n_features : int
        Features in the table (named ones included; at least 200 more than those).
    participant_sd, noise_sd : float
        SD of log intensity between women and within a woman.
    block_size : int
        Features sharing one latent factor (correlated blocks).
    missing : float
        Share of the unplanted cells left missing, the lowest ones.
    fold_range : tuple of float
        Smallest and largest fold change planted in the fecal table.

    Returns
    -------
    MetabolomeData
        With ``evidence="simulated"``; ``missing`` and ``filtered`` empty.

    Examples
    --------
    >>> people = pd.DataFrame({"participant": [f"P{i}" for i in range(6)],
    ...                        "group": ["HCM", "CM"] * 3})
    >>> data = simulate_metabolome(people, matrix="fecal", rng=np.random.default_rng(1),
    ...                            n_features=400)
    >>> data.intensities.shape, data.samples["matrix"].iloc[0]
    ((18, 400), 'fecal')
    """
    if matrix not in ("serum", "fecal"):
        raise ValueError(f"matrix must be 'serum' or 'fecal', got {matrix!r}")
    samples = visit_samples(participants, suffix=f"-{matrix}").assign(matrix=matrix)
    samples = samples.set_index(pd.Index(samples.pop("sample_id"), name="sample_id"))
    features, _ = _annotation(rng, matrix, n_features)
    plants = planted_features(features, samples, rng, matrix, fold_range)
    logs = _log_levels(
        rng,
        features,
        samples,
        participant_sd=participant_sd,
        noise_sd=noise_sd,
        block_size=block_size,
    )
    kept = ~features.index.isin(plants["feature_id"]) & features["name"].isna().to_numpy()
    below = _undetected(rng, logs[:, kept], missing)
    values = np.exp(logs)
    if matrix == "serum":
        _table6(rng, values, features, samples)
    _plant(values, features, samples, plants)
    values[:, kept] = np.where(below, np.nan, values[:, kept])
    return MetabolomeData(
        intensities=pd.DataFrame(values, index=samples.index, columns=features.index),
        features=features,
        samples=samples[["participant", "group", "month", "matrix"]],
        evidence="simulated",
    )


def write_metabolome(*, seed: int, out: Path, cohort: object) -> dict:
    """The simulation's metabolome writer (a :data:`milkbone.cohort.simulation.WRITERS`
    entry): serum as a samples × features CSV, fecal as a features × samples TSV (both
    layouts users have), one ``sample-metadata.tsv``; returns what ``dataset.json``
    records."""
    rng = omics_stream(seed, "metabolome")
    people = completers(cohort.participants)
    record, samples, written = {"generator": "milkbone.cohort.simulation.metabolome"}, [], []
    for matrix, orientation in (("serum", "samples"), ("fecal", "features")):
        data = simulate_metabolome(people, matrix=matrix, rng=rng)
        files = write_metabolome_files(data, out, orientation=orientation)
        samples.append(data.samples)
        written += files
        record[matrix] = {
            "samples": int(data.intensities.shape[0]),
            "features": int(data.intensities.shape[1]),
            "missing_share": round(float(data.intensities.isna().to_numpy().mean()), 4),
        }
    written.append(write_sample_metadata(pd.concat(samples), out))
    record["files"] = file_records(out, written)
    record["assumptions"] = dict(zip(ASSUMPTIONS["topic"], ASSUMPTIONS["choice"], strict=True))
    return {"metabolome": record}
