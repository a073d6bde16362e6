"""Spearman correlations between two blocks of variables, joined by participant (§3.7).

Figure 7 correlates every variable of one block (bone and serum markers, genera) with
every variable of another (genera, differential metabolites) at one visit. Rather
than one ``scipy.stats.spearmanr`` call per pair, :func:`spearman` ranks each column
once (average ranks for ties), standardises the ranks and takes one matrix product:
the Pearson correlation of the ranks is Spearman's ρ. p-values use the same t
approximation as scipy (``t = ρ √((n − 2)/(1 − ρ²))``, ``n − 2`` degrees of freedom,
two-sided), and Benjamini–Hochberg runs over all pairs of the panel.
:func:`panel_summary` says how many pairs were tested and how many "significant" ones
chance alone would give.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats

from milkbone._validate import shown
from milkbone.analysis.metabolome._inputs import adjust_bh, check_evidence, numeric_matrix

__all__ = ["panel_summary", "rank_correlation", "spearman"]


def rank_correlation(left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Spearman's ρ of every column of ``left`` with every column of ``right``.

    Rows are the same observations in both. A constant column gives NaN.

    Examples
    --------
    >>> a = np.array([[1.0, 3.0], [2.0, 1.0], [3.0, 2.0], [4.0, 4.0]])
    >>> rank_correlation(a, a[:, :1]).round(3).tolist()
    [[1.0], [0.4]]
    """
    ranks = [stats.rankdata(block, axis=0) for block in (left, right)]
    scaled = []
    for r in ranks:
        centred = r - r.mean(axis=0)
        with np.errstate(invalid="ignore", divide="ignore"):
            scaled.append(centred / np.sqrt(np.sum(centred**2, axis=0)))
    return np.clip(scaled[0].T @ scaled[1], -1.0, 1.0)


def _joined(left: pd.DataFrame, right: pd.DataFrame, dropna: bool):
    for name, frame in (("left", left), ("right", right)):
        if not isinstance(frame, pd.DataFrame):
            raise TypeError(f"{name} must be a DataFrame indexed by participant")
        if frame.index.has_duplicates:
            twice = frame.index[frame.index.duplicated()]
            raise ValueError(f"{name} has participant(s) {shown(twice)} more than once")
    shared = left.index.intersection(right.index, sort=False)
    a, b = left.loc[shared], right.loc[shared]
    if dropna:
        complete = a.notna().all(axis=1) & b.notna().all(axis=1)
        a, b = a[complete], b[complete]
    if len(a) < 3:
        raise ValueError(
            f"left and right share {len(a)} participant(s) with complete values; need at least 3"
        )
    return numeric_matrix(a, name="left"), numeric_matrix(b, name="right"), a, b


def spearman(
    left: pd.DataFrame,
    right: pd.DataFrame,
    *,
    dropna: bool = False,
    evidence: str = "simulated",
) -> pd.DataFrame:
    """Spearman's ρ, p and BH-adjusted p of every left × right pair of variables.

    Parameters
    ----------
    left, right : DataFrame
        Participants × variables, indexed by participant; joined on the participants
        both have (inner join by id, never by position).
    dropna : bool, default False
        Drop participants with a missing value in either block (complete cases, so
        every pair uses the same ``n``). Otherwise a missing value raises.
    evidence : {"simulated", "observed"}, default "simulated"

    Returns
    -------
    DataFrame
        One row per pair, left variables outer, in input order: ``left, right, rho, p,
        p_bh, n, method, evidence``. A constant variable gives NaN ρ and p.

    Raises
    ------
    ValueError
        Duplicated participants, fewer than three shared participants, non-numeric
        or (without ``dropna``) missing values.

    Examples
    --------
    >>> bone = pd.DataFrame({"l1_4_bmd": [0.9, 1.0, 1.1, 1.2, 0.8]},
    ...                     index=["p1", "p2", "p3", "p4", "p5"])
    >>> genera = pd.DataFrame({"Faecalibacterium": [1, 3, 4, 9, 5], "Bacteroides": [6, 5, 4, 3, 2]},
    ...                       index=["p5", "p1", "p2", "p3", "p4"])
    >>> spearman(bone, genera)[["left", "right", "rho", "p", "n"]].round(3)
           left             right  rho      p  n
    0  l1_4_bmd  Faecalibacterium  0.9  0.037  5
    1  l1_4_bmd       Bacteroides -1.0  0.000  5
    """
    check_evidence(evidence)
    a, b, left_frame, right_frame = _joined(left, right, dropna)
    n = a.shape[0]
    rho = rank_correlation(a, b)
    with np.errstate(divide="ignore", invalid="ignore"):
        t = rho * np.sqrt((n - 2) / ((1.0 - rho) * (1.0 + rho)))
    p = 2.0 * stats.t.sf(np.abs(t), n - 2)
    return pd.DataFrame(
        {
            "left": np.repeat(left_frame.columns.to_numpy(), b.shape[1]),
            "right": np.tile(right_frame.columns.to_numpy(), a.shape[1]),
            "rho": rho.ravel(),
            "p": p.ravel(),
            "p_bh": adjust_bh(p.ravel()),
            "n": n,
            "method": "Spearman rho by ranks (average ties) and one matrix product; "
            "p from t with n - 2 dof (as scipy.stats.spearmanr); BH over the panel",
            "evidence": evidence,
        }
    )


def panel_summary(correlations: pd.DataFrame, *, alpha: float = 0.05) -> pd.DataFrame:
    """How many pairs a panel tested, how many pass ``alpha``, and how many chance would.

    ``expected_by_chance`` is ``tests × alpha``: the number of unadjusted p-values
    below ``alpha`` expected when no pair is truly correlated.

    Returns
    -------
    DataFrame
        One row: ``tests, alpha, significant, significant_bh, expected_by_chance, n``.

    Examples
    --------
    >>> corr = pd.DataFrame({"p": [0.01, 0.2, 0.04, 0.5], "p_bh": [0.04, 0.27, 0.08, 0.5],
    ...                      "n": 30})
    >>> panel_summary(corr)
       tests  alpha  significant  significant_bh  expected_by_chance   n
    0      4   0.05            2               1                 0.2  30
    """
    if not 0 < alpha < 1:
        raise ValueError(f"alpha must be between 0 and 1; got {alpha!r}")
    tested = correlations.dropna(subset=["p"])
    return pd.DataFrame(
        {
            "tests": [len(tested)],
            "alpha": alpha,
            "significant": int((tested["p"] < alpha).sum()),
            "significant_bh": int((tested["p_bh"] < alpha).sum()),
            "expected_by_chance": len(tested) * alpha,
            "n": int(tested["n"].max()) if len(tested) else 0,
        }
    )
