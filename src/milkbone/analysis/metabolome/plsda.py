"""PLS-DA of two groups as the R package ropls reports it (paper §2.4, §3.6, Figure 6 A–B).

:func:`plsda` scales the peak table, fits PLS components with ropls's rules for how many
to keep, cross-validates each component on the deflated matrices (Q2), computes VIP,
and tests R2Y and Q2 against models refitted on permuted labels. The fit works on the
``n × n`` kernel ``X Xᵀ`` (:mod:`~milkbone.analysis.metabolome.kernel`), so the 200
permutations × 7 folds cost a few ``n × n`` products each, whatever the number of
features; ``engine="refit"`` computes the same numbers by refitting scikit-learn's
``PLSRegression`` (:mod:`~milkbone.analysis.metabolome.reference`) and the tests
compare the two.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from milkbone._validate import shown
from milkbone.analysis.metabolome._inputs import (
    check_choice,
    check_evidence,
    labels_for,
    numeric_matrix,
)
from milkbone.analysis.metabolome.kernel import KernelPls, fit_kernel_pls, fold_labels
from milkbone.analysis.metabolome.permutation import permutation_p, permutation_table
from milkbone.analysis.metabolome.reference import fit_refit_pls

__all__ = [
    "ENGINES",
    "SCALINGS",
    "PlsdaResult",
    "plsda",
    "scale_matrix",
    "two_class_response",
]

SCALINGS = ("uv", "pareto", "center")
"""X scalings: unit variance (ropls ``"standard"``), Pareto (√SD) and centring only."""

ENGINES = {"kernel": (fit_kernel_pls, True), "refit": (fit_refit_pls, False)}
"""One-component engines: the function and whether it takes the kernel ``X Xᵀ``."""

MAX_COMPONENTS = 10
"""ropls's cap on automatically chosen components (also capped by the data's size)."""


@dataclass(frozen=True)
class PlsdaResult:
    """What :func:`plsda` returns: five tidy frames.

    Attributes
    ----------
    components : DataFrame
        One row per component: ``component, r2x, r2x_cum, r2y, r2y_cum, q2, q2_cum,
        significance`` (ropls's ``R1``/``N4``/``NS``).
    summary : DataFrame
        One row: ``n, n_features, n_components, r2x_cum, r2y_cum, q2_cum, p_r2y, p_q2,
        permutations, scaling, cv_folds, classes, method, evidence``.
    vip : DataFrame
        One row per feature, in the input's column order: ``feature, vip``.
    scores : DataFrame
        One row per sample, in the input's row order: ``sample, label, t1, …, tA``.
    permutations : DataFrame
        ``permutation, similarity, r2y_cum, q2_cum``; row 0 is the model on the true
        labels (similarity 1), the others the permuted models (ropls's permutation plot).
    """

    components: pd.DataFrame
    summary: pd.DataFrame
    vip: pd.DataFrame
    scores: pd.DataFrame
    permutations: pd.DataFrame


def scale_matrix(values: np.ndarray, *, scaling: str) -> np.ndarray:
    """Centre each column and divide by its SD (``uv``), √SD (``pareto``) or 1 (``center``).

    SDs use ``n − 1``, as R's ``sd`` does.

    Examples
    --------
    >>> scale_matrix(np.array([[1.0], [3.0]]), scaling="uv").ravel().round(4).tolist()
    [-0.7071, 0.7071]
    >>> scale_matrix(np.array([[1.0], [3.0]]), scaling="pareto").ravel().round(4).tolist()
    [-0.8409, 0.8409]
    """
    check_choice("scaling", scaling, SCALINGS)
    centred = values - values.mean(axis=0)
    if scaling == "center":
        return centred
    sd = values.std(axis=0, ddof=1)
    return centred / (sd if scaling == "uv" else np.sqrt(sd))


def two_class_response(labels: pd.Series) -> tuple[np.ndarray, tuple[str, str]]:
    """The labels as ropls codes them: 1 for the second of the two sorted classes, scaled.

    Returns the centred response divided by its SD, and the two classes.

    Examples
    --------
    >>> y, classes = two_class_response(pd.Series(["HCM", "CM", "CM", "HCM"]))
    >>> y.round(3).tolist(), classes
    ([0.866, -0.866, -0.866, 0.866], ('CM', 'HCM'))
    """
    classes = tuple(sorted(pd.unique(labels).tolist(), key=str))
    if len(classes) != 2:
        raise ValueError(f"y must hold exactly two classes; it holds {shown(classes)}")
    smallest = labels.value_counts().min()
    if smallest < 2:
        raise ValueError(f"y needs at least two samples per class; one class has {smallest}")
    coded = (labels.to_numpy() == classes[1]).astype(float)
    return (coded - coded.mean()) / coded.std(ddof=1), classes


def _check_options(n: int, p: int, n_components, cv_folds, permutations) -> None:
    if not isinstance(cv_folds, int | np.integer) or not 2 <= cv_folds <= n:
        raise ValueError(f"cv_folds must be an integer from 2 to the {n} samples; got {cv_folds!r}")
    if not isinstance(permutations, int | np.integer) or permutations < 0:
        raise ValueError(f"permutations must be a non-negative integer; got {permutations!r}")
    if n_components is not None and (
        not isinstance(n_components, int | np.integer) or not 1 <= n_components <= min(n - 1, p)
    ):
        raise ValueError(
            f"n_components must be None or an integer from 1 to {min(n - 1, p)}; "
            f"got {n_components!r}"
        )


def _scaled(x: pd.DataFrame, scaling: str) -> np.ndarray:
    values = numeric_matrix(x, name="X")
    constant = values.std(axis=0) == 0
    if constant.any():
        raise ValueError(
            f"X has feature(s) {shown(x.columns[constant])} with zero variance; drop them "
            "first (ropls drops them too)"
        )
    return scale_matrix(values, scaling=scaling)


def _vip(scaled: np.ndarray, fit: KernelPls) -> np.ndarray:
    weights = scaled.T @ fit.responses
    weights /= np.linalg.norm(weights, axis=0)
    ssy = fit.c**2 * np.sum(fit.scores**2, axis=0)
    return np.sqrt(weights.shape[0] * (weights**2 @ ssy) / ssy.sum())


def _frames(frame, labels, fit, vip, table, *, scaling, cv_folds, classes, evidence):
    names = [f"t{h + 1}" for h in range(fit.scores.shape[1])]
    components = pd.DataFrame(
        {
            "component": np.arange(1, len(names) + 1),
            "r2x": fit.r2x,
            "r2x_cum": np.cumsum(fit.r2x),
            "r2y": fit.r2y,
            "r2y_cum": np.cumsum(fit.r2y),
            "q2": fit.q2,
            "q2_cum": 1.0 - np.cumprod(1.0 - fit.q2),
            "significance": list(fit.significance),
        }
    )
    permuted = table.iloc[1:]
    summary = pd.DataFrame(
        {
            "n": [len(labels)],
            "n_features": frame.shape[1],
            "n_components": len(names),
            "r2x_cum": components["r2x_cum"].iloc[-1],
            "r2y_cum": fit.r2y_cum,
            "q2_cum": fit.q2_cum,
            "p_r2y": permutation_p(fit.r2y_cum, permuted["r2y_cum"].to_numpy()),
            "p_q2": permutation_p(fit.q2_cum, permuted["q2_cum"].to_numpy()),
            "permutations": len(permuted),
            "scaling": scaling,
            "cv_folds": cv_folds,
            "classes": " vs ".join(classes),
            "method": f"PLS-DA, kernel NIPALS, ropls rules (Q2 on deflated matrices, "
            f"row i -> fold i mod {cv_folds}), scaling={scaling}",
            "evidence": evidence,
        }
    )
    scores = pd.DataFrame(fit.scores, columns=names)
    scores.insert(0, "label", labels.to_numpy())
    scores.insert(0, "sample", frame.index.to_numpy())
    vip_frame = pd.DataFrame({"feature": frame.columns.to_numpy(), "vip": vip})
    return PlsdaResult(components, summary, vip_frame, scores, table)


def plsda(
    X: pd.DataFrame,  # noqa: N803 (the issue's signature, as scikit-learn names it)
    y: pd.Series,
    *,
    scaling: str = "uv",
    n_components: int | None = None,
    cv_folds: int = 7,
    permutations: int = 200,
    seed: int = 2025,
    n_jobs: int = 1,
    evidence: str = "simulated",
    engine: str = "kernel",
) -> PlsdaResult:
    """PLS-DA of two classes with ropls's R2X, R2Y, Q2, VIP and permutation test.

    Parameters
    ----------
    X : DataFrame
        Samples × features (index = sample id), numeric, no missing values (impute
        first; the loader states its rule), no constant feature. Log-transform
        intensities before, as ropls's users do (ropls's ``log10L``).
    y : Series
        Class of each sample, indexed by sample id and joined to ``X`` by id; exactly
        two classes with at least two samples each.
    scaling : {"uv", "pareto", "center"}, default "uv"
        Column scaling after centring: unit variance, Pareto or none.
    n_components : int, optional
        Components to fit. ``None`` chooses them as ropls does: add components while
        the new one's R2Y ≥ 0.01 and Q2 ≥ 0.05 (≥ 0 above 100 samples), at most 10.
    cv_folds : int, default 7
        Cross-validation folds; sample in row ``i`` of ``X`` is in fold ``i mod cv_folds``.
    permutations : int, default 200
        Models refitted on permuted labels, with the chosen number of components.
    seed : int, default 2025
        Seed of ``numpy.random.default_rng`` drawing the permutations.
    n_jobs : int, default 1
        Workers for the permutations (joblib); the numbers do not depend on it.
    evidence : {"simulated", "observed"}, default "simulated"
        Evidence level written to ``summary``.
    engine : {"kernel", "refit"}, default "kernel"
        ``"kernel"`` works on ``X Xᵀ`` (:mod:`~milkbone.analysis.metabolome.kernel`);
        ``"refit"`` refits scikit-learn's ``PLSRegression`` for every component and fold
        (:mod:`~milkbone.analysis.metabolome.reference`): same numbers, 30 to 160 times
        slower at 1,000 × 5,000 (tools/bench_metabolome.py); it exists to check the kernel
        and to time it.

    Returns
    -------
    PlsdaResult
        Frames ``components``, ``summary``, ``vip``, ``scores`` and ``permutations``
        (see :class:`PlsdaResult`).

    Raises
    ------
    ValueError
        Bad scaling or engine, options out of range, non-numeric, missing or constant features,
        samples without a label, or not exactly two classes.

    Notes
    -----
    Mirrors ropls 1.13 (``opls(x, y, predI = NA, orthoI = 0)``): R2X_h and R2Y_h are the
    shares of the scaled X and Y sums of squares each component explains; Q2_h
    ``= 1 − PRESS_h / RSS_{h−1}`` from one-component models fitted on the training rows
    of the deflated matrices; Q2(cum) ``= 1 − Π(1 − Q2_h)``; VIP_j
    ``= √(p Σ_h w_jh² SSY_h / Σ_h SSY_h)``; permutation p as :func:`permutation_p`.
    Two differences, both stated: ropls stops with an error when even the first
    component fails its rule, where we keep it and label it (``significance``); and
    ropls compares permuted values rounded to three significant digits, we compare
    them unrounded. On ropls's sacurine data this gives ropls's published numbers
    (tests/analysis/test_metabolome_plsda.py).

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> X = pd.DataFrame(rng.normal(size=(40, 6)), columns=list("abcdef"))
    >>> y = pd.Series(["HCM"] * 20 + ["CM"] * 20)
    >>> X.loc[y == "HCM", "a"] += 2
    >>> fit = plsda(X, y, permutations=20, seed=1)
    >>> fit.summary[["n_components", "r2y_cum", "q2_cum", "p_q2"]].round(3)
       n_components  r2y_cum  q2_cum  p_q2
    0             1    0.449   0.344  0.05
    >>> fit.vip.round(2).head(2)
      feature   vip
    0       a  2.05
    1       b  0.09
    """
    check_evidence(evidence)
    check_choice("engine", engine, tuple(ENGINES))
    fitter, on_kernel = ENGINES[engine]
    scaled = _scaled(X, scaling)
    labels = labels_for(X.index, y)
    n, p = scaled.shape
    _check_options(n, p, n_components, cv_folds, permutations)
    response, classes = two_class_response(labels)
    data, folds = (scaled @ scaled.T if on_kernel else scaled), fold_labels(n, cv_folds)
    automatic = n_components is None
    fit = fitter(
        data,
        response,
        n_components=min(MAX_COMPONENTS, n - 1, p) if automatic else n_components,
        folds=folds,
        automatic=automatic,
    )
    table = permutation_table(
        fitter, data, response, labels, fit,
        permutations=permutations, seed=seed, folds=folds, n_jobs=n_jobs,
    )  # fmt: skip
    return _frames(
        X, labels, fit, _vip(scaled, fit), table,
        scaling=scaling, cv_folds=cv_folds, classes=classes, evidence=evidence,
    )  # fmt: skip
