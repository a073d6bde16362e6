"""Kernel-form NIPALS for PLS with one response (PLS1), as ropls fits it.

Everything ropls's PLS1 needs is a function of the ``n × n`` kernel ``K = X Xᵀ`` of
the scaled data and of the scaled response ``y``; the features enter only through
``K``. For one response, NIPALS needs no iteration: with the deflated ``K_h`` and
``y_h``,

- weights ``w_h ∝ X_hᵀ y_h``, so scores ``t_h = K_h y_h / sqrt(y_hᵀ K_h y_h)``;
- ``c_h = y_hᵀ t_h / t_hᵀ t_h``; R2X_h ``= t_hᵀ K_h t_h / (t_hᵀ t_h · SSX)``;
  R2Y_h ``= c_h² t_hᵀ t_h / SSY``;
- deflation ``X_{h+1} = (I − t tᵀ/tᵀt) X_h`` becomes ``K_{h+1} = P K P`` and
  ``y_{h+1} = P y_h`` with ``P = I − B Bᵀ`` (``B``: the normalised scores so far,
  orthogonal in PLS); ``P K P`` is never formed, only applied to vectors.

Cross-validation follows ropls: for component ``h`` the *deflated* matrices of the full
fit are split into folds (row ``i`` in fold ``i mod folds``), one component is fitted on
the training rows without re-centring, and the left-out rows are predicted. All folds
are computed with one matrix product ``K_h @ Y0`` (``Y0`` holds ``y_h`` with each
fold's rows zeroed), so a whole permutation test costs a few ``n × n`` matrix–vector
products per permutation once ``K`` is known, whatever the number of features.

References
----------
Thévenot EA, Roux A, Xu Y, Ezan E, Junot C (2015). Analysis of the human adult urinary
metabolome variations with age, body mass index, and gender by implementing a
comprehensive workflow for univariate and OPLS statistical analyses. J Proteome Res
14:3322–3335 (the R package ropls).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = [
    "KernelPls",
    "fit_kernel_pls",
    "fold_labels",
    "fold_press",
    "minimum_q2",
    "project_out",
]

R2Y_MINIMUM = 0.01
"""ropls adds a component only while its own R2Y is at least this."""


def minimum_q2(n: int) -> float:
    """ropls's Q2 threshold for adding a PLS component: 0.05, or 0 above 100 samples.

    Examples
    --------
    >>> minimum_q2(97), minimum_q2(183)
    (0.05, 0.0)
    """
    return 0.0 if n > 100 else 0.05


def fold_labels(n: int, folds: int) -> np.ndarray:
    """The cross-validation fold of each row as ropls assigns it: row ``i`` → ``i mod folds``.

    Examples
    --------
    >>> fold_labels(9, 7).tolist()
    [0, 1, 2, 3, 4, 5, 6, 0, 1]
    """
    return np.arange(n) % folds


@dataclass(frozen=True)
class KernelPls:
    """Per-component results of :func:`fit_kernel_pls` (``A`` components, ``n`` rows).

    Attributes
    ----------
    scores : ndarray, shape (n, A)
        ``t_h``, as ropls and scikit-learn's ``x_scores_`` report them.
    responses : ndarray, shape (n, A)
        ``y_h``, the deflated response each component was fitted to (weights are
        ``Xᵀ y_h`` normalised).
    c, r2x, r2y, q2 : ndarray, shape (A,)
        Y loading, the share of X and of Y variance and ropls's Q2 of each component.
    significance : tuple of str
        ropls's label per component: ``"R1"`` (kept), ``"N4"`` (R2Y below 0.01) or
        ``"NS"`` (Q2 below :func:`minimum_q2`).
    """

    scores: np.ndarray
    responses: np.ndarray
    c: np.ndarray
    r2x: np.ndarray
    r2y: np.ndarray
    q2: np.ndarray
    significance: tuple[str, ...]

    @property
    def r2y_cum(self) -> float:
        """Cumulative R2Y: the sum over components."""
        return float(self.r2y.sum())

    @property
    def q2_cum(self) -> float:
        """Cumulative Q2 as ropls computes it: ``1 − Π(1 − Q2_h)``."""
        return float(1.0 - np.prod(1.0 - self.q2))


def project_out(basis: np.ndarray, v: np.ndarray) -> np.ndarray:
    """``(I − B Bᵀ) v``: ``v`` without its part along the orthonormal columns of ``B``.

    Deflating ``X`` by the scores so far is ``X_h = P X`` with ``P = I − B Bᵀ`` (``B``
    holds the normalised scores, which PLS makes orthogonal), so ``K_h = P K P`` is
    never formed: ``K_h v = P K P v``.

    Examples
    --------
    >>> basis = np.array([[1.0], [0.0], [0.0]])
    >>> project_out(basis, np.array([2.0, 3.0, 4.0])).tolist()
    [0.0, 3.0, 4.0]
    """
    return v - basis @ (basis.T @ v)


def fold_press(
    kernel: np.ndarray, y: np.ndarray, folds: np.ndarray, basis: np.ndarray | None = None
) -> float:
    """Prediction error sum of squares of one component, over ropls's folds.

    Each fold's one-component model is fitted on the training rows of the deflated
    kernel ``P K P`` (``P`` from ``basis``, :func:`project_out`; no deflation without
    it) and ``y`` as given, without re-centring as in ropls, and predicts the
    left-out rows.

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> X = rng.normal(size=(8, 3))
    >>> y = X[:, 0] + rng.normal(scale=0.1, size=8)
    >>> round(fold_press(X @ X.T, y, fold_labels(8, 4)), 4)
    0.3484
    """
    basis = np.empty((len(y), 0)) if basis is None else basis
    train = folds[:, None] != np.unique(folds)[None, :]
    y0 = y[:, None] * train
    u = project_out(basis, kernel @ project_out(basis, y0))
    with np.errstate(invalid="ignore", divide="ignore"):
        t = u / np.sqrt(np.sum(y0 * u, axis=0))
        c = np.sum(y0 * t, axis=0) / np.sum((t * train) ** 2, axis=0)
    residual = (y[:, None] - t * c) * ~train
    return float(np.sum(residual**2))


def fit_kernel_pls(
    kernel: np.ndarray,
    y: np.ndarray,
    *,
    n_components: int,
    folds: np.ndarray,
    automatic: bool = False,
) -> KernelPls:
    """Fit up to ``n_components`` PLS1 components on ``K = X Xᵀ`` with ropls's Q2.

    Parameters
    ----------
    kernel : ndarray, shape (n, n)
        ``X Xᵀ`` of the centred and scaled data.
    y : ndarray, shape (n,)
        The centred (and scaled) response.
    n_components : int
        Components to fit; with ``automatic`` the most that may be kept.
    folds : ndarray of int, shape (n,)
        Fold of each row (:func:`fold_labels`).
    automatic : bool, default False
        Stop, as ropls does, before the first component whose R2Y is below 0.01 or
        whose Q2 is below :func:`minimum_q2` (that component is not kept). The first
        component is always kept, with its label saying whether it passed.

    Returns
    -------
    KernelPls

    Examples
    --------
    >>> rng = np.random.default_rng(1)
    >>> X = rng.normal(size=(30, 5)); X -= X.mean(axis=0)
    >>> y = X[:, 0] + rng.normal(scale=0.5, size=30); y -= y.mean()
    >>> fit = fit_kernel_pls(X @ X.T, y, n_components=3, folds=fold_labels(30, 7))
    >>> np.round(fit.r2y, 3).tolist(), fit.significance
    ([0.668, 0.132, 0.003], ('R1', 'R1', 'N4'))
    """
    ssx, ssy = float(np.trace(kernel)), float(y @ y)
    threshold = minimum_q2(len(y))
    basis = np.empty((len(y), 0))
    columns: dict[str, list] = {k: [] for k in ("t", "y", "c", "r2x", "r2y", "q2", "label")}
    for h in range(n_components):
        u = project_out(basis, kernel @ y)  # K_h y_h = P K y_h, as y_h ⊥ the scores
        t = u / np.sqrt(y @ u)
        tt = t @ t
        c = (y @ t) / tt
        r2y = c * c * tt / ssy
        q2 = 1.0 - fold_press(kernel, y, folds, basis) / (y @ y)
        label = "N4" if r2y < R2Y_MINIMUM else ("NS" if q2 < threshold else "R1")
        if automatic and h > 0 and label != "R1":
            break
        for key, value in zip(
            columns, (t, y, c, (t @ kernel @ t) / tt / ssx, r2y, q2, label), strict=True
        ):
            columns[key].append(value)
        if automatic and label != "R1":
            break
        a = t / np.sqrt(tt)
        basis, y = np.column_stack([basis, a]), y - a * (a @ y)
    return KernelPls(
        scores=np.column_stack(columns["t"]),
        responses=np.column_stack(columns["y"]),
        c=np.array(columns["c"]),
        r2x=np.array(columns["r2x"]),
        r2y=np.array(columns["r2y"]),
        q2=np.array(columns["q2"]),
        significance=tuple(columns["label"]),
    )
