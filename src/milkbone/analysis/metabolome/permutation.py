"""The permutation test of a PLS-DA model, as ropls runs it (Szymanska et al. 2012).

The labels are permuted, the model is refitted with the same number of components,
scaling and folds, and R2Y(cum) and Q2(cum) of the true model are compared with the
permuted ones. Permutations are drawn from one ``numpy.random.default_rng(seed)``
before any work is split between joblib workers, so the numbers do not depend on
``n_jobs``.
"""

from __future__ import annotations

from collections.abc import Callable

import joblib
import numpy as np
import pandas as pd

from milkbone.analysis.metabolome.kernel import KernelPls

__all__ = ["permutation_orders", "permutation_p", "permutation_table"]


def permutation_orders(n: int, permutations: int, *, seed: int) -> np.ndarray:
    """The row orders of the permuted labels, one per row, from ``default_rng(seed)``.

    Examples
    --------
    >>> permutation_orders(4, 2, seed=1).tolist()
    [[0, 1, 2, 3], [3, 0, 2, 1]]
    """
    rng = np.random.default_rng(seed)
    return np.array([rng.permutation(n) for _ in range(permutations)], dtype=int).reshape(
        permutations, n
    )


def permutation_p(observed: float, permuted: np.ndarray) -> float:
    """ropls's permutation p-value: ``(1 + #{permuted ≥ observed}) / permutations``.

    The denominator is the number of permutations, not one more, exactly as ropls
    1.13 writes it (so the value can exceed 1 when every permuted model does better).

    Examples
    --------
    >>> permutation_p(0.5, np.array([0.1, 0.6, 0.2, 0.3]))
    0.5
    """
    permuted = np.asarray(permuted, dtype=float)
    if permuted.size == 0:
        return float("nan")
    return float((1 + np.sum(permuted >= observed)) / permuted.size)


def _permuted_summaries(
    fitter: Callable[..., KernelPls], data, y, orders, n_components: int, folds
) -> np.ndarray:
    out = np.empty((len(orders), 2))
    for i, order in enumerate(orders):
        fit = fitter(data, y[order], n_components=n_components, folds=folds)
        out[i] = fit.r2y_cum, fit.q2_cum
    return out


def permutation_table(
    fitter: Callable[..., KernelPls],
    data: np.ndarray,
    y: np.ndarray,
    labels: pd.Series,
    fit: KernelPls,
    *,
    permutations: int,
    seed: int,
    folds: np.ndarray,
    n_jobs: int = 1,
) -> pd.DataFrame:
    """R2Y(cum) and Q2(cum) of the true model (row 0) and of ``permutations`` permuted ones.

    Parameters
    ----------
    fitter : callable
        ``fitter(data, y, *, n_components, folds) -> KernelPls``, e.g.
        :func:`~milkbone.analysis.metabolome.kernel.fit_kernel_pls`.
    data : ndarray
        What ``fitter`` takes: the kernel ``X Xᵀ`` or the scaled ``X``.
    y : ndarray
        The scaled response; permuted by row order.
    labels : Series
        The classes, for ropls's similarity (share of labels unchanged by a permutation).
    fit : KernelPls
        The model on the true labels; its number of components is reused.
    permutations, seed, folds, n_jobs
        As in :func:`~milkbone.analysis.metabolome.plsda.plsda`.

    Returns
    -------
    DataFrame
        ``permutation, similarity, r2y_cum, q2_cum``; ``permutation`` 0 is the true model.
    """
    orders = permutation_orders(len(y), permutations, seed=seed)
    chunks = [c for c in np.array_split(orders, max(1, joblib.effective_n_jobs(n_jobs))) if len(c)]
    results = joblib.Parallel(n_jobs=n_jobs)(
        joblib.delayed(_permuted_summaries)(fitter, data, y, chunk, fit.scores.shape[1], folds)
        for chunk in chunks
    )
    permuted = np.vstack(results) if results else np.empty((0, 2))
    label_values = labels.to_numpy()
    return pd.DataFrame(
        {
            "permutation": np.arange(permutations + 1),
            "similarity": np.r_[1.0, [np.mean(label_values[o] == label_values) for o in orders]],
            "r2y_cum": np.r_[fit.r2y_cum, permuted[:, 0]],
            "q2_cum": np.r_[fit.q2_cum, permuted[:, 1]],
        }
    )
