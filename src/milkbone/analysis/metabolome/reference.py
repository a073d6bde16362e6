"""The slow, obvious PLS-DA engine: scikit-learn's ``PLSRegression`` refitted for every fold.

:func:`fit_refit_pls` computes what :func:`~milkbone.analysis.metabolome.kernel.fit_kernel_pls`
computes, the way one would write it without the kernel trick: for each component and
each of the 7 folds (and, in a permutation test, each permutation), a one-component
``PLSRegression`` is fitted on the feature matrix. ``plsda(..., engine="refit")`` uses
it, to check the fast engine (the tests assert equal numbers) and to time it
(``tools/bench_metabolome.py``).

ropls fits the fold models on the training rows of the deflated matrices *without*
re-centring them, while ``PLSRegression`` always centres. Fitting it on the training
rows stacked with their negatives, ``[X_T; −X_T]`` and ``[y_T; −y_T]``, makes the
centring a no-op and leaves the weights and the Y loading unchanged (both sums double),
so the refit is exactly ropls's fold model.
"""

from __future__ import annotations

import numpy as np
from sklearn.cross_decomposition import PLSRegression

from milkbone.analysis.metabolome.kernel import R2Y_MINIMUM, KernelPls, minimum_q2

__all__ = ["fit_refit_pls"]


def _one_component(x: np.ndarray, y: np.ndarray) -> PLSRegression:
    return PLSRegression(n_components=1, scale=False).fit(x, y)


def _press(x: np.ndarray, y: np.ndarray, folds: np.ndarray) -> float:
    press = 0.0
    for fold in np.unique(folds):
        train = folds != fold
        model = _one_component(np.vstack([x[train], -x[train]]), np.r_[y[train], -y[train]])
        predicted = x[~train] @ model.x_weights_[:, 0] * model.y_loadings_[0, 0]
        press += float(np.sum((y[~train] - predicted) ** 2))
    return press


def fit_refit_pls(
    x: np.ndarray,
    y: np.ndarray,
    *,
    n_components: int,
    folds: np.ndarray,
    automatic: bool = False,
) -> KernelPls:
    """:func:`~milkbone.analysis.metabolome.kernel.fit_kernel_pls` by refitting scikit-learn.

    Takes the scaled ``X`` (not its kernel); same rules, same result type.

    Examples
    --------
    >>> rng = np.random.default_rng(1)
    >>> X = rng.normal(size=(30, 5)); X -= X.mean(axis=0)
    >>> y = X[:, 0] + rng.normal(scale=0.5, size=30); y -= y.mean()
    >>> fit = fit_refit_pls(X, y, n_components=3, folds=np.arange(30) % 7)
    >>> np.round(fit.r2y, 3).tolist(), fit.significance
    ([0.668, 0.132, 0.003], ('R1', 'R1', 'N4'))
    """
    ssx, ssy, threshold = float(np.sum(x**2)), float(y @ y), minimum_q2(len(y))
    kept: list[tuple] = []
    for h in range(n_components):
        model = _one_component(x, y)
        t, p, c = model.x_scores_[:, 0], model.x_loadings_[:, 0], model.y_loadings_[0, 0]
        r2y = c * c * (t @ t) / ssy
        q2 = 1.0 - _press(x, y, folds) / (y @ y)
        label = "N4" if r2y < R2Y_MINIMUM else ("NS" if q2 < threshold else "R1")
        if automatic and h > 0 and label != "R1":
            break
        kept.append((t, y, c, (t @ t) * (p @ p) / ssx, r2y, q2, label))
        if automatic and label != "R1":
            break
        x, y = x - np.outer(t, p), y - t * c
    t, ys, c, r2x, r2y, q2, labels = zip(*kept, strict=True)
    return KernelPls(
        scores=np.column_stack(t),
        responses=np.column_stack(ys),
        c=np.array(c),
        r2x=np.array(r2x),
        r2y=np.array(r2y),
        q2=np.array(q2),
        significance=tuple(labels),
    )
