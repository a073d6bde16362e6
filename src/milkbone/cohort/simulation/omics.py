"""What the 16S and metabolome simulators share: who is sampled, when, and how drawn.

Both simulators sample the completers of a simulated cohort at every visit (the paper
analyses 97 women × 3 visits; the seven withdrawals leave no samples), or, for
benchmarks, a cohort scaled by a participants multiplier
(:func:`scaled_participants`). Random numbers come from the named stream of each data
type (:func:`milkbone.cohort.simulation.stream`), so the clinical files stay
byte-identical whatever the omics simulators draw.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pandas as pd

from milkbone._validate import require_columns, require_values
from milkbone.vocabulary import GROUP_SIZES, GROUPS, MONTHS

__all__ = [
    "completers",
    "file_records",
    "omics_stream",
    "participant_normals",
    "scaled_participants",
    "split_counts",
    "visit_samples",
]


def omics_stream(seed: int, name: str) -> np.random.Generator:
    """The random generator of one omics data type (see the module docstring).

    Examples
    --------
    >>> float(omics_stream(1, "microbiome").random()) == float(
    ...     omics_stream(1, "microbiome").random())
    True
    """
    # imported here: the simulation package imports the writers of this subpackage
    from milkbone.cohort.simulation import stream

    return stream(seed, name)


def completers(participants: pd.DataFrame) -> pd.DataFrame:
    """``participant, group`` of the participants who completed the trial, in file order.

    ``participants`` needs ``participant`` and ``group``; a ``withdrawn`` column (bool)
    leaves out the withdrawals.

    Examples
    --------
    >>> people = pd.DataFrame({"participant": ["P1", "P2"], "group": ["HCM", "CM"],
    ...                        "withdrawn": [False, True]})
    >>> completers(people)["participant"].tolist()
    ['P1']
    """
    require_columns(participants, ["participant", "group"], name="participants")
    require_values(participants, "group", GROUPS, name="participants")
    kept = participants
    if "withdrawn" in participants.columns:
        kept = participants[~participants["withdrawn"].astype(bool)]
    return kept[["participant", "group"]].reset_index(drop=True)


def scaled_participants(scale: float = 1.0) -> pd.DataFrame:
    """A made-up cohort of ``scale`` times the published arm sizes (51 HCM, 46 CM).

    For benchmarks: ``scale=10`` gives 970 participants, so 2,910 samples at three
    visits. Ids are ``B`` and a zero-padded number, HCM first.

    Raises
    ------
    ValueError
        If ``scale`` is not positive.

    Examples
    --------
    >>> frame = scaled_participants(2)
    >>> len(frame), frame["participant"].iloc[0], frame["group"].value_counts()["CM"]
    (194, 'B0001', np.int64(92))
    """
    if not scale > 0:
        raise ValueError(f"scale must be positive, got {scale!r}")
    groups = [g for g in GROUPS for _ in range(max(1, round(GROUP_SIZES[g] * scale)))]
    width = max(4, len(str(len(groups))))
    ids = [f"B{i + 1:0{width}d}" for i in range(len(groups))]
    return pd.DataFrame({"participant": ids, "group": groups})


def visit_samples(participants: pd.DataFrame, *, suffix: str = "") -> pd.DataFrame:
    """One sample per participant and visit: ``sample_id, participant, group, month``.

    Sample ids are ``<participant>-m<month><suffix>``, participant by participant.

    Examples
    --------
    >>> people = pd.DataFrame({"participant": ["P1"], "group": ["HCM"]})
    >>> visit_samples(people, suffix="-serum")["sample_id"].tolist()
    ['P1-m0-serum', 'P1-m6-serum', 'P1-m12-serum']
    """
    rows = [
        (f"{person}-m{month}{suffix}", person, group, month)
        for person, group in zip(participants["participant"], participants["group"], strict=True)
        for month in MONTHS
    ]
    return pd.DataFrame(rows, columns=["sample_id", "participant", "group", "month"])


def participant_normals(
    rng: np.random.Generator, participants: int, size: int, *, correlation: float
) -> np.ndarray:
    """Standard normals of shape ``(participants, len(MONTHS), size)``, correlated
    ``correlation`` between the visits of one participant and independent otherwise.

    Examples
    --------
    >>> z = participant_normals(np.random.default_rng(0), 4000, 1, correlation=0.6)
    >>> round(float(np.corrcoef(z[:, 0, 0], z[:, 2, 0])[0, 1]), 1)
    0.6
    """
    shared = rng.standard_normal((participants, 1, size))
    own = rng.standard_normal((participants, len(MONTHS), size))
    return np.sqrt(correlation) * shared + np.sqrt(1.0 - correlation) * own


def split_counts(totals: np.ndarray, shares: np.ndarray) -> np.ndarray:
    """Whole counts per row summing to ``totals``, proportional to ``shares`` (rows sum
    to 1): floor, then the largest remainders get one more.

    Examples
    --------
    >>> split_counts(np.array([10]), np.array([[0.55, 0.45]])).tolist()
    [[6, 4]]
    """
    exact = totals[:, None] * shares
    counts = np.floor(exact).astype(np.int64)
    short = totals - counts.sum(axis=1)
    order = np.argsort(-(exact - counts), axis=1, kind="stable")
    ranks = np.argsort(order, axis=1, kind="stable")
    return counts + (ranks < short[:, None]).astype(np.int64)


def file_records(out: Path, files: list[Path]) -> dict[str, str]:
    """SHA-256 of the files a writer wrote, by path relative to ``out``, for
    ``dataset.json`` to vouch for them (:func:`milkbone.cohort.omics.folder_evidence`).

    Examples
    --------
    >>> import tempfile
    >>> out = Path(tempfile.mkdtemp())
    >>> _ = (out / "a.tsv").write_text("x\\n")
    >>> file_records(out, [out / "a.tsv"])["a.tsv"][:12]
    '73cb3858a687'
    """
    return {
        p.relative_to(out).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(files)
    }
