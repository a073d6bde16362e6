"""Benchmark the metabolome analyses at ten times the paper's size (issue 11).

At 1,000 samples × 5,000 features (log-normal, correlated blocks, a planted HCM
effect at month 12) it times, in one run:

1. the PLS-DA permutation test (200 permutations, 7-fold Q2): ``plsda`` on the kernel
   ``X Xᵀ`` beside the same test refitting scikit-learn's ``PLSRegression`` for every
   component, fold and permutation (``engine="refit"``). The refit is timed on the
   first ``--refit-permutations`` permutations and extrapolated linearly to all of
   them (``--refit-permutations 200`` times it in full); both must give the same
   R2Y, Q2 and permutation values;
2. per-feature t-tests: one vectorised ``scipy.stats.ttest_ind`` call beside a Python
   loop of one call per feature;
3. Spearman correlations of 20 markers with every feature: ranks and one matrix
   product beside ``scipy.stats.spearmanr`` over the full matrix;
4. the chapter's analysis steps at that size (``compare_visits``: t-tests, both
   selection rules and a PLS-DA with 200 permutations per visit; the counts and lists
   of what each rule keeps; the PLS-DA of all samples, feature means, ROC AUCs,
   pathway over-representation, correlations), whose total must be ≤ 60 s.

Prints one line per measurement and exits 1 if a check fails or the total exceeds
the target. Run with ``python tools/bench_metabolome.py`` (about two minutes).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable

import numpy as np
import pandas as pd
from scipy import stats

from milkbone.analysis.correlation import rank_correlation, spearman
from milkbone.analysis.metabolome import (
    compare_features,
    compare_visits,
    count_selected,
    differential,
    feature_auc,
    feature_means,
    over_representation,
    plsda,
)
from milkbone.vocabulary import GROUPS, MONTHS

TARGET_SECONDS = 60.0


def synthetic(samples: int, features: int, *, seed: int):
    """Peak table, sample metadata and 20 clinical markers with a known planted effect."""
    rng = np.random.default_rng(seed)
    index = pd.Index([f"S{i:05d}" for i in range(samples)], name="sample-id")
    meta = pd.DataFrame(
        {
            "participant": [f"P{i // 3:05d}" for i in range(samples)],
            "group": [GROUPS[(i // 3) % 2] for i in range(samples)],
            "month": [MONTHS[i % 3] for i in range(samples)],
        },
        index=index,
    )
    blocks = rng.normal(size=(samples, 25)) @ rng.normal(scale=0.4, size=(25, features))
    log_values = 12 + blocks + rng.normal(scale=0.5, size=(samples, features))
    hit = ((meta["group"] == "HCM") & (meta["month"] == 12)).to_numpy()
    log_values[np.ix_(hit, np.arange(60))] += 0.6
    log_values[np.ix_(hit, np.arange(60, 90))] -= 0.6
    columns = [f"M{j:05d}" for j in range(features)]
    intensities = pd.DataFrame(np.exp(log_values), index=index, columns=columns)
    markers = pd.DataFrame(
        rng.normal(size=(samples, 20)) + log_values[:, :20] * 0.3,
        index=index,
        columns=[f"marker_{k}" for k in range(20)],
    )
    return intensities, meta, markers


def timed(label: str, call: Callable, results: dict) -> object:
    start = time.perf_counter()
    value = call()
    results[label] = time.perf_counter() - start
    print(f"  {label:<58} {results[label]:8.2f} s", flush=True)
    return value


def bench_plsda(x, labels, *, permutations, refit_permutations, seed, n_jobs):
    results: dict[str, float] = {}
    print(f"PLS-DA, {x.shape[0]} samples × {x.shape[1]} features, {permutations} permutations")
    ours = timed(
        "kernel NIPALS (ours)",
        lambda: plsda(x, labels, permutations=permutations, seed=seed, n_jobs=n_jobs),
        results,
    )
    components = int(ours.summary.loc[0, "n_components"])
    refit = timed(
        f"scikit-learn refit, {refit_permutations} permutations",
        lambda: plsda(
            x, labels, n_components=components, permutations=refit_permutations, seed=seed,
            engine="refit",
        ),
        results,
    )  # fmt: skip
    rows = refit_permutations + 1
    same = np.allclose(
        ours.permutations.iloc[:rows][["r2y_cum", "q2_cum"]],
        refit.permutations[["r2y_cum", "q2_cum"]],
        atol=1e-8,
    ) and np.allclose(ours.components["q2"], refit.components["q2"], atol=1e-8)
    full = results[f"scikit-learn refit, {refit_permutations} permutations"] * (
        (permutations + 1) / rows
    )
    note = "measured" if refit_permutations == permutations else "extrapolated linearly"
    print(f"  {'scikit-learn refit, all permutations (' + note + ')':<58} {full:8.2f} s")
    ratio = full / results["kernel NIPALS (ours)"]
    print(f"  ratio refit / ours: {ratio:.0f}×; same R2Y, Q2 and permutations: {same}")
    print(
        f"  model: {components} component(s), R2Y(cum) {ours.summary.loc[0, 'r2y_cum']:.3f}, "
        f"Q2(cum) {ours.summary.loc[0, 'q2_cum']:.3f}, p(Q2) {ours.summary.loc[0, 'p_q2']:.3f}"
    )
    return same, results["kernel NIPALS (ours)"]


def bench_ttests(intensities, meta):
    results: dict[str, float] = {}
    print(f"t-tests, {intensities.shape[1]} features, HCM vs CM over {len(meta)} samples")
    table = timed(
        "one vectorised scipy.stats.ttest_ind (ours)",
        lambda: compare_features(intensities, meta),
        results,
    )
    logged = np.log2(intensities.to_numpy())
    first = (meta["group"] == "HCM").to_numpy()

    def loop():
        return [
            stats.ttest_ind(logged[first, j], logged[~first, j], equal_var=False).pvalue
            for j in range(logged.shape[1])
        ]

    looped = timed("Python loop of scipy.stats.ttest_ind", loop, results)
    same = np.allclose(table["p"], looped, rtol=1e-10, atol=0)
    ratio = (
        results["Python loop of scipy.stats.ttest_ind"]
        / results["one vectorised scipy.stats.ttest_ind (ours)"]
    )
    print(f"  ratio loop / ours: {ratio:.1f}×; same p-values: {same}")
    return same


def bench_spearman(intensities, markers):
    results: dict[str, float] = {}
    left, right = markers.to_numpy(), intensities.to_numpy()
    print(f"Spearman, {left.shape[1]} markers × {right.shape[1]} features, n = {len(left)}")
    ours = timed(
        "ranks and one matrix product (ours)", lambda: rank_correlation(left, right), results
    )
    full = timed(
        "scipy.stats.spearmanr over the full matrix",
        lambda: stats.spearmanr(np.hstack([left, right])).statistic[
            : left.shape[1], left.shape[1] :
        ],
        results,
    )
    same = np.allclose(ours, full, atol=1e-10)
    ratio = (
        results["scipy.stats.spearmanr over the full matrix"]
        / results["ranks and one matrix product (ours)"]
    )
    print(f"  ratio scipy / ours: {ratio:.1f}×; same rho: {same}")
    return same


def _pathway_library(columns, *, seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = [
        (f"R-{k}", f"pathway {k}", compound)
        for k in range(300)
        for compound in rng.choice(columns, size=rng.integers(5, 60), replace=False)
    ]
    return pd.DataFrame(rows, columns=["pathway_id", "pathway", "compound"])


def chapter(intensities, meta, markers, *, permutations, seed, n_jobs) -> float:
    """The chapter's analysis steps at this size; returns their total time."""
    results: dict[str, float] = {}
    options = {"permutations": permutations, "seed": seed, "n_jobs": n_jobs}
    print("Chapter steps at this size")
    logged = np.log10(intensities)
    visits = timed(
        f"compare_visits: per visit PLS-DA + {permutations} perm., tests, rules",
        lambda: compare_visits(intensities, meta, **options),
        results,
    )
    kept = timed(
        "count_selected and differential",
        lambda: (count_selected(visits.features), differential(visits.features))[1],
        results,
    )
    selected = kept["feature"].unique().tolist() or list(intensities.columns[:50])
    timed(
        f"PLS-DA + {permutations} permutations, all samples",
        lambda: plsda(logged, meta["group"], **options),
        results,
    )
    timed(
        "feature means for the heat map",
        lambda: feature_means(intensities, meta, features=selected),
        results,
    )
    ends = meta.index[(meta["group"] == "HCM") & (meta["month"] != 6)]
    timed(
        "ROC AUC, 8 features, month 12 vs 0",
        lambda: feature_auc(
            intensities.loc[ends], meta.loc[ends, "month"], positive=12, features=selected[:8]
        ),
        results,
    )
    library = _pathway_library(intensities.columns, seed=seed)
    timed(
        "pathway over-representation, 300 pathways",
        lambda: over_representation(selected, library),
        results,
    )
    month12 = meta.index[meta["month"] == 12]
    timed(
        "Spearman, 20 markers × selected features, month 12",
        lambda: spearman(markers.loc[month12], intensities.loc[month12, selected]),
        results,
    )
    total = sum(results.values())
    print(f"  {'total':<58} {total:8.2f} s (target ≤ {TARGET_SECONDS:.0f} s)")
    return total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=1000)
    parser.add_argument("--features", type=int, default=5000)
    parser.add_argument("--permutations", type=int, default=200)
    parser.add_argument("--refit-permutations", type=int, default=10)
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--n-jobs", type=int, default=1)
    args = parser.parse_args(argv)
    intensities, meta, markers = synthetic(args.samples, args.features, seed=args.seed)
    print(f"{args.samples} samples × {args.features} features; n_jobs={args.n_jobs}")
    checks = [
        bench_plsda(
            np.log10(intensities), meta["group"], permutations=args.permutations,
            refit_permutations=min(args.refit_permutations, args.permutations), seed=args.seed,
            n_jobs=args.n_jobs,
        )[0],
        bench_ttests(intensities, meta),
        bench_spearman(intensities, markers),
    ]  # fmt: skip
    total = chapter(
        intensities, meta, markers, permutations=args.permutations, seed=args.seed,
        n_jobs=args.n_jobs,
    )  # fmt: skip
    ok = all(checks) and total <= TARGET_SECONDS
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
