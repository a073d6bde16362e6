"""Toy 16S data for examples, tests and benchmarks (not the calibrated simulation).

:func:`toy_microbiome` draws Dirichlet-multinomial counts for two arms × three
visits in the frames of the 16S data contract. It knows nothing of the paper's
numbers: the calibrated cohort is :mod:`milkbone.cohort`'s. Its job is to give the
analyses a table of any size in seconds, with a known planted difference.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import pandas as pd

from milkbone.analysis.microbiome._checks import check_positive_int, check_seed
from milkbone.vocabulary import GROUPS, MONTHS

__all__ = ["PHYLA", "ToyMicrobiome", "toy_microbiome"]

PHYLA = ("Bacteroidetes", "Firmicutes", "Proteobacteria", "Actinobacteria", "Verrucomicrobia")
"""Phyla of the toy taxonomy (Greengenes names), most abundant first."""


class ToyMicrobiome(NamedTuple):
    """The three frames of the 16S data contract."""

    counts: pd.DataFrame
    """Samples × features, int64 reads."""
    taxonomy: pd.DataFrame
    """Feature id → ``kingdom, phylum, class, order, family, genus, species``."""
    samples: pd.DataFrame
    """Sample id → ``participant, group, month``."""


def _taxonomy(features: int, rng: np.random.Generator) -> pd.DataFrame:
    ids = [f"F{j:05d}" for j in range(features)]
    phylum = rng.choice(len(PHYLA), size=features, p=[0.4, 0.4, 0.1, 0.06, 0.04])
    genus = pd.array([f"Genus_{j:04d}" for j in range(features)], dtype="string")
    genus[rng.random(features) < 0.1] = pd.NA  # some features without a genus, as in real tables
    frame = pd.DataFrame(
        {
            "kingdom": "Bacteria",
            "phylum": [PHYLA[p] for p in phylum],
            "class": pd.NA,
            "order": pd.NA,
            "family": pd.NA,
            "genus": genus,
            "species": pd.NA,
        },
        index=pd.Index(ids, name="feature_id"),
    )
    return frame.astype("string")


def toy_microbiome(
    *,
    participants: int = 24,
    features: int = 60,
    depth: int = 5000,
    effect: float = 1.0,
    seed: int = 0,
) -> ToyMicrobiome:
    """Dirichlet-multinomial counts for two arms × three visits, with a planted effect.

    Parameters
    ----------
    participants : int
        People in all; the first half (rounded up) are ``HCM``, the rest ``CM``.
    features : int
        Features (OTUs) in the table; their mean shares are log-normal, so most are rare.
    depth : int
        Mean reads per sample (each sample's depth is ±50 % around it).
    effect : float
        Natural-log fold change of the first five features in ``HCM`` at months 6
        and 12 (0 plants nothing).
    seed : int
        Seed of :func:`numpy.random.default_rng`; same seed, same frames.

    Returns
    -------
    ToyMicrobiome
        ``counts`` (int64), ``taxonomy`` and ``samples`` (ids ``P001-m0`` …).

    Raises
    ------
    ValueError
        If a size is not a positive integer (at least 2 participants, 5 features).

    Examples
    --------
    >>> toy = toy_microbiome(participants=4, features=8, seed=1)
    >>> toy.counts.shape
    (12, 8)
    >>> toy.samples.head(4)
              participant group  month
    sample_id
    P001-m0          P001   HCM      0
    P001-m6          P001   HCM      6
    P001-m12         P001   HCM     12
    P002-m0          P002   HCM      0
    """
    check_positive_int("participants", participants, minimum=2)
    check_positive_int("features", features, minimum=5)
    check_positive_int("depth", depth)
    check_seed(seed)
    rng = np.random.default_rng(seed)
    shares = rng.lognormal(mean=0.0, sigma=2.0, size=features)
    people = [f"P{i + 1:03d}" for i in range(participants)]
    arm = [GROUPS[0] if i < (participants + 1) // 2 else GROUPS[1] for i in range(participants)]
    person_effect = rng.normal(0.0, 0.6, size=(participants, features))
    rows = [(p, a, m, i) for i, (p, a) in enumerate(zip(people, arm, strict=True)) for m in MONTHS]
    log_mean = np.log(shares)[None, :] + person_effect[[r[3] for r in rows]]
    treated = np.array([r[1] == GROUPS[0] and r[2] > 0 for r in rows])
    log_mean[treated, :5] += effect
    mean = np.exp(log_mean - log_mean.max(axis=1, keepdims=True))
    mean /= mean.sum(axis=1, keepdims=True)
    probabilities = rng.gamma(mean * 50.0 + 1e-12)  # Dirichlet(50 × mean): overdispersion
    probabilities /= probabilities.sum(axis=1, keepdims=True)
    depths = rng.integers(depth // 2, depth * 3 // 2 + 1, size=len(rows))
    counts = rng.multinomial(depths, probabilities)
    ids = [f"{p}-m{m}" for p, _, m, _ in rows]
    samples = pd.DataFrame(
        {
            "participant": [r[0] for r in rows],
            "group": [r[1] for r in rows],
            "month": [r[2] for r in rows],
        },
        index=pd.Index(ids, name="sample_id"),
    )
    taxonomy = _taxonomy(features, rng)
    frame = pd.DataFrame(counts.astype("int64"), index=samples.index, columns=taxonomy.index)
    return ToyMicrobiome(frame, taxonomy, samples)
