"""Simulated 16S counts calibrated to paper §3.4, in QIIME 2's export formats.

Every completer gives one stool sample per visit. Counts are drawn in two levels:

1. **Phyla.** Bacteroidota and Firmicutes shares per sample come from a Gaussian
   copula (correlated ``PHYLUM_VISIT_CORRELATION`` between a woman's visits and
   ``PHYLUM_PAIR_CORRELATION`` with each other) with beta margins, then each arm and
   visit is moved to the printed mean ± SD (§3.4, Figures 4A–B) exactly, up to the
   clipping at :data:`SHARE_FLOOR`. What is left goes to the other phyla by a
   Dirichlet draw around :data:`OTHER_PHYLA` (assumed). Phylum totals are whole reads
   of the sample's depth (largest remainders), so phylum shares hold to 1/depth.
2. **Genera within a phylum.** A feature's log weight is its genus's share of the
   phylum (:data:`GENERA`; fillers share the rest, Zipf-like) plus a participant
   effect (SD ``participant_sd``, shared by her three visits), a visit effect (SD
   ``visit_sd``) and the planted shifts of :data:`SHIFTS`. Genera are absent from a
   woman with probability 1 − prevalence (the same at most visits), which makes most
   genera rare and the table sparse. Counts within the phylum are
   Dirichlet-multinomial (precision ``precision``): overdispersed.

Where §3.4 contradicts itself the printed means win: see :data:`ASSUMPTIONS`, which
the calibration page shows beside :func:`microbiome_calibration`.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import stats

from milkbone import published
from milkbone.cohort.microbiome import MicrobiomeData, write_microbiome_files
from milkbone.cohort.simulation.omics import (
    completers,
    file_records,
    omics_stream,
    participant_normals,
    split_counts,
    visit_samples,
)
from milkbone.cohort.simulation.taxa import (
    ASSUMPTIONS,
    BLOCKS,
    GENERA,
    OTHER_PHYLA,
    PHYLA,
    SHIFTS,
    TYPICAL_SHARE,
    WITHIN_BLOCK,
    lineage,
    month12_phyla,
)
from milkbone.vocabulary import GROUPS, MONTHS

__all__ = [
    "ASSUMPTIONS",
    "PHYLUM_PAIR_CORRELATION",
    "PHYLUM_VISIT_CORRELATION",
    "SHARE_FLOOR",
    "phylum_targets",
    "simulate_microbiome",
    "write_microbiome",
]

PHYLUM_VISIT_CORRELATION = 0.6
"""Correlation of a woman's latent Bacteroidota (and Firmicutes) share between visits."""

PHYLUM_PAIR_CORRELATION = -0.7
"""Latent correlation of Bacteroidota with Firmicutes in one sample (they compete)."""

SHARE_FLOOR = 0.005
"""Smallest Bacteroidota or Firmicutes share drawn; what is left to the other phyla is
at least 3 % of a sample."""


def phylum_targets(prose: pd.DataFrame | None = None) -> pd.DataFrame:
    """Mean and SD of the Bacteroidota and Firmicutes shares per arm and visit.

    Months 0 and 6 are printed in §3.4 (``published.prose()``, ``r3_4.<phylum>.<arm>.
    mean_<m>`` and ``sd_<m>``); month 12 is our assumption (see :data:`ASSUMPTIONS`).

    Returns
    -------
    DataFrame
        ``phylum, group, month, mean, sd, source`` (``source`` ``published`` or
        ``assumed``).

    Examples
    --------
    >>> targets = phylum_targets()
    >>> targets.query("phylum == 'Bacteroidota' and group == 'CM' and month == 0")[
    ...     ["mean", "sd"]].values.tolist()
    [[0.522, 0.185]]
    """
    prose = published.prose() if prose is None else prose
    values = prose.set_index("prose_id")["value"]
    rows = []
    for phylum in ("Bacteroidota", "Firmicutes"):
        for group in GROUPS:
            for month in (0, 6):
                key = f"r3_4.{phylum.lower()}.{group.lower()}"
                mean, sd = values[f"{key}.mean_{month}"], values[f"{key}.sd_{month}"]
                rows.append((phylum, group, month, float(mean), float(sd), "published"))
    rows.extend((*row, "assumed") for row in month12_phyla(rows))
    return pd.DataFrame(rows, columns=["phylum", "group", "month", "mean", "sd", "source"])


def _match_moments(x: np.ndarray, mean: float, sd: float, high: float) -> np.ndarray:
    """Shift and scale ``x`` to sample mean ``mean`` and SD ``sd`` (ddof 1), clipping to
    [SHARE_FLOOR, high] and repeating until clipping no longer moves a value."""
    for _ in range(100):
        x = mean + sd * (x - x.mean()) / x.std(ddof=1)
        clipped = np.clip(x, SHARE_FLOOR, high)
        if np.array_equal(clipped, x):
            break
        x = clipped
    return x


def _main_phyla(rng, samples: pd.DataFrame, targets: pd.DataFrame) -> np.ndarray:
    """Bacteroidota and Firmicutes shares, shape ``(samples, 2)``, at the targets."""
    people = samples["participant"].unique()
    z = participant_normals(rng, len(people), 2, correlation=PHYLUM_VISIT_CORRELATION)
    rho = PHYLUM_PAIR_CORRELATION
    z[..., 1] = rho * z[..., 0] + np.sqrt(1 - rho**2) * z[..., 1]
    where = pd.Index(people).get_indexer(samples["participant"])
    visit = pd.Index(MONTHS).get_indexer(samples["month"])
    latent = stats.norm.cdf(z[where, visit, :])
    shares = np.empty_like(latent)
    spec = targets.set_index(["phylum", "group", "month"])
    for (group, month), rows in samples.groupby(["group", "month"], sort=False).indices.items():
        for j, phylum in enumerate(("Bacteroidota", "Firmicutes")):
            mean, sd = spec.loc[(phylum, group, month), ["mean", "sd"]]
            spread = mean * (1 - mean) / sd**2 - 1
            shares[rows, j] = stats.beta.ppf(latent[rows, j], mean * spread, (1 - mean) * spread)
        for _ in range(50):  # both at their targets, with room for the other phyla
            for j, phylum in enumerate(("Bacteroidota", "Firmicutes")):
                mean, sd = spec.loc[(phylum, group, month), ["mean", "sd"]]
                shares[rows, j] = _match_moments(shares[rows, j], mean, sd, 0.95)
            excess = shares[rows].sum(axis=1) - 0.97
            if (excess <= 1e-12).all():
                break
            cut = (
                np.clip(excess, 0, None)[:, None] * shares[rows] / shares[rows].sum(axis=1)[:, None]
            )
            shares[rows] -= cut
    return shares


def _phylum_shares(rng, samples: pd.DataFrame, targets: pd.DataFrame) -> np.ndarray:
    """Shares of every phylum of :data:`PHYLA` per sample (rows sum to 1)."""
    main = _main_phyla(rng, samples, targets)
    rest = 1.0 - main.sum(axis=1)
    others = np.empty((len(samples), len(PHYLA) - 2))
    for (group, month), rows in samples.groupby(["group", "month"], sort=False).indices.items():
        mean = np.array(OTHER_PHYLA[group, month], dtype=float)
        others[rows] = rng.dirichlet(150.0 * mean / mean.sum(), size=len(rows))
    return np.column_stack([main, rest[:, None] * others])


def _features(rng, n_genera: int, n_features: int) -> pd.DataFrame:
    """One row per feature: ``feature_id, genus_index, log_share`` and the genus table's
    columns; named genera first, then fillers, each genus at least one feature."""
    genera = lineage(rng, n_genera)
    weight = (genera["share"] * genera["phylum"].map(TYPICAL_SHARE)).to_numpy() ** 0.5
    extra = rng.choice(len(genera), size=n_features - len(genera), p=weight / weight.sum())
    index = np.sort(np.concatenate([np.arange(len(genera)), extra]), kind="stable")
    sub = rng.normal(0.0, 1.0, size=len(index))
    sub = np.exp(sub) / np.bincount(index, weights=np.exp(sub))[index]  # shares within genus
    features = genera.iloc[index].reset_index(drop=True)
    features.insert(0, "genus_index", index)
    features.insert(0, "feature_id", [f"OTU{i + 1:05d}" for i in range(len(index))])
    block = features["phylum"].map(WITHIN_BLOCK).to_numpy()
    features["log_share"] = np.log(features["share"].to_numpy() * sub * block)
    return features


def _shift_matrix(genera: pd.DataFrame, samples: pd.DataFrame, effect: float) -> np.ndarray:
    """Planted log shifts per sample and genus, shape ``(samples, genera)``."""
    shifts = np.zeros((len(samples), len(genera)))
    position = {name: i for i, name in enumerate(genera["genus"])}
    for genus, group, month, size, between in SHIFTS:
        hit = (samples["month"] == month).to_numpy().copy()
        if group != "both":
            hit &= (samples["group"] == group).to_numpy()
        shifts[hit, position[genus]] += size * (effect if between else 1.0)
    return shifts


def _presence(rng, genera: pd.DataFrame, samples: pd.DataFrame) -> np.ndarray:
    """Whether each genus is present in each sample: drawn per woman from the genus's
    prevalence, and redrawn at a visit with probability 0.1."""
    people = samples["participant"].unique()
    prevalence = genera["prevalence"].to_numpy()
    carrier = rng.random((len(people), len(genera))) < prevalence
    where = pd.Index(people).get_indexer(samples["participant"])
    redraw = rng.random((len(samples), len(genera))) < 0.1
    fresh = rng.random((len(samples), len(genera))) < prevalence
    return np.where(redraw, fresh, carrier[where])


def _block_counts(rng, weights: np.ndarray, present: np.ndarray, totals, precision) -> np.ndarray:
    """Dirichlet-multinomial counts of one phylum's features, ``totals`` reads per row."""
    weights = np.where(present, weights, -np.inf)
    empty = ~present.any(axis=1)
    weights[empty, 0] = 0.0  # a phylum with reads keeps at least its first feature
    q = np.exp(weights - weights.max(axis=1, keepdims=True))
    q /= q.sum(axis=1, keepdims=True)
    draws = np.zeros_like(q)
    positive = q > 0
    draws[positive] = rng.standard_gamma(precision * q[positive])
    sums = draws.sum(axis=1, keepdims=True)
    p = np.where(sums > 0, draws / np.where(sums > 0, sums, 1.0), q)
    return rng.multinomial(totals, p / p.sum(axis=1, keepdims=True))


def simulate_microbiome(
    participants: pd.DataFrame,
    *,
    rng: np.random.Generator,
    n_features: int = 1000,
    n_genera: int = 300,
    depth: float = 40_000.0,
    effect: float = 1.2,
    participant_sd: float = 0.8,
    visit_sd: float = 0.5,
    precision: float = 300.0,
    targets: pd.DataFrame | None = None,
) -> MicrobiomeData:
    """Simulate 16S counts for ``participants`` (``participant, group``) at every visit.

    Parameters
    ----------
    participants : DataFrame
        ``participant, group``: the completers (or :func:`scaled_participants`).
    rng : numpy.random.Generator
        The data type's random stream (the writer passes
        ``stream(seed, "microbiome")``).
    n_features, n_genera : int
        Features (OTUs) and genera; the named genera of :data:`GENERA` come first.
    depth : float
        Median reads per sample (log-normal, SD 0.3 on the log scale, 10,000 to
        150,000).
    effect : float
        Log shift planted between the arms for each genus difference §3.4 reports
        (half up in one arm, half down in the other).
    participant_sd, visit_sd, precision : float
        Genus log-weight SD between women and between one woman's visits, and the
        Dirichlet-multinomial precision within a phylum (smaller: more overdispersed).
    targets : DataFrame, optional
        Phylum targets as :func:`phylum_targets` returns them (the default).

    Returns
    -------
    MicrobiomeData
        ``counts`` (samples × features, int64), ``taxonomy``, ``samples`` and
        ``evidence="simulated"``.

    Examples
    --------
    >>> people = pd.DataFrame({"participant": [f"P{i}" for i in range(8)],
    ...                        "group": ["HCM", "CM"] * 4})
    >>> data = simulate_microbiome(people, rng=np.random.default_rng(1), n_features=80,
    ...                            n_genera=60, depth=5000)
    >>> data.counts.shape, data.taxonomy.loc["OTU00001", "genus"]
    ((24, 80), 'Bacteroides')
    """
    if n_features < n_genera or n_genera < len(GENERA):
        raise ValueError(
            f"n_features ({n_features}) must be at least n_genera ({n_genera}), which must be "
            f"at least the {len(GENERA)} named genera"
        )
    samples = visit_samples(participants)
    targets = phylum_targets() if targets is None else targets
    shares = _phylum_shares(rng, samples, targets)
    reads = np.clip(np.rint(depth * np.exp(rng.normal(0, 0.3, len(samples)))), 10_000, 150_000)
    phylum_reads = split_counts(reads.astype(np.int64), shares)
    features = _features(rng, n_genera, n_features)
    genera = features.drop_duplicates("genus_index").reset_index(drop=True)
    people = pd.Index(samples["participant"].unique()).get_indexer(samples["participant"])
    own = rng.normal(0.0, participant_sd, (people.max() + 1, len(genera)))[people]
    base = own + _shift_matrix(genera, samples, effect)
    present = _presence(rng, genera, samples)
    counts = np.zeros((len(samples), len(features)), dtype=np.int64)
    for block in BLOCKS:
        cols = np.flatnonzero(features["phylum"].isin(block).to_numpy())
        reads = phylum_reads[:, [PHYLA.index(p) for p in block]].sum(axis=1)
        g = features["genus_index"].to_numpy()[cols]
        noise = rng.normal(0.0, visit_sd, (len(samples), len(cols)))
        weights = features["log_share"].to_numpy()[cols] + base[:, g] + noise
        counts[:, cols] = _block_counts(rng, weights, present[:, g], reads, precision)
    return _as_data(samples, features, counts)


def _as_data(samples: pd.DataFrame, features: pd.DataFrame, counts: np.ndarray) -> MicrobiomeData:
    ids = pd.Index(samples["sample_id"], name="sample_id")
    feature_ids = pd.Index(features["feature_id"], name="feature_id")
    ranks = ["kingdom", "phylum", "class", "order", "family", "genus", "species"]
    taxonomy = features.set_index(feature_ids)[ranks].astype("string")
    return MicrobiomeData(
        counts=pd.DataFrame(counts, index=ids, columns=feature_ids),
        taxonomy=taxonomy,
        samples=samples.set_index(ids)[["participant", "group", "month"]],
        evidence="simulated",
    )


def write_microbiome(*, seed: int, out: Path, cohort: object) -> dict:
    """The simulation's 16S writer (a :data:`milkbone.cohort.simulation.WRITERS` entry).

    Simulates the completers of ``cohort.participants`` with the defaults of
    :func:`simulate_microbiome` from the ``"microbiome"`` stream of ``seed``, writes
    ``out/microbiome/`` in TSV and returns what ``dataset.json`` records.
    """
    rng = omics_stream(seed, "microbiome")
    data = simulate_microbiome(completers(cohort.participants), rng=rng)
    confidence = np.round(rng.uniform(0.7, 1.0, data.counts.shape[1]), 4)
    data = replace(data, taxonomy=data.taxonomy.assign(confidence=confidence))
    files = write_microbiome_files(data, out)
    return {
        "microbiome": {
            "generator": "milkbone.cohort.simulation.microbiome",
            "files": file_records(out, files),
            "samples": int(data.counts.shape[0]),
            "features": int(data.counts.shape[1]),
            "reads": int(data.counts.to_numpy().sum()),
            "assumptions": dict(zip(ASSUMPTIONS["topic"], ASSUMPTIONS["choice"], strict=True)),
        }
    }
