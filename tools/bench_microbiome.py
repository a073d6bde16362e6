"""Benchmark the gut-microbiota chapter (issue 10): our fast routes beside the plain
library calls, and the chapter's analysis steps, at the paper's size and at 10×.

Run with ``.venv/bin/python tools/bench_microbiome.py`` (``--scales paper`` for the
small one only). Data are toy Dirichlet-multinomial tables
(:func:`milkbone.analysis.microbiome.toy_microbiome`): 97 women × 3 visits × 500
features at paper size, 1,000 × 3 × 5,000 at 10×. Every ratio is "plain call ÷ ours"
measured in this run, so a ratio above 1 means ours is faster. The machine is shared:
the load average is printed beside the numbers, and each chapter step also gets its
CPU seconds (this process and its joblib workers), which load does not inflate: on an
idle 2-core machine a step takes at least CPU ÷ 2 and at most CPU seconds.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import time
import warnings

import numpy as np
import psutil
from skbio.diversity import beta_diversity
from skbio.stats.ordination import pcoa as skbio_pcoa
from sklearn.ensemble import RandomForestClassifier
from sklearn.inspection import permutation_importance

from milkbone.analysis import microbiome as mb

SCALES = {"paper": (97, 500), "10x": (1000, 5000)}
"""Participants and features per scale (three visits each)."""

CHAPTER = {
    "n_trees": 100, "folds": 10, "top_k": 25, "min_prevalence": 0.1, "permutations": 999,
    "n_jobs": 2,
}  # fmt: skip
"""Settings of the chapter's steps in the timed run."""

REPORTED = 11
"""Taxa in the mixed-model box (§3.4 reports eleven genera)."""

BUDGET = 60.0
"""Seconds the chapter's steps may take at 10× (issue 10)."""


def cpu_seconds() -> float:
    """CPU time of this process and its live children (joblib's loky workers)."""
    me = psutil.Process()
    total = sum(me.cpu_times()[:4])
    for child in me.children(recursive=True):
        with contextlib.suppress(psutil.NoSuchProcess):  # a worker may have just exited
            total += sum(child.cpu_times()[:2])
    return total


def timed(function, *args, **kwargs):
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - start


def timed_cpu(function, *args, **kwargs):
    wall, cpu = time.perf_counter(), cpu_seconds()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - wall, cpu_seconds() - cpu


def line(label: str, ours: float, plain: float | None = None, note: str = "") -> None:
    ratio = f"{plain / ours:7.1f}×" if plain is not None else " " * 8
    plain_text = f"{plain:8.2f} s" if plain is not None else " " * 10
    print(f"  {label:<44} ours {ours:7.2f} s   plain {plain_text}  {ratio}  {note}", flush=True)


def compare_routes(toy: mb.ToyMicrobiome, scale: str) -> None:
    """Bray–Curtis, PCoA, mixed model, permutation importance: ours against the library."""
    counts = toy.counts
    density = (counts.to_numpy() > 0).mean()
    ours, t_ours = timed(mb.bray_curtis, counts, n_jobs=CHAPTER["n_jobs"])
    _, t_dense = timed(mb.bray_curtis, counts, route="dense", n_jobs=CHAPTER["n_jobs"])
    plain, t_plain = timed(beta_diversity, "braycurtis", counts.to_numpy(), ids=ours.ids)
    assert np.abs(ours.data - plain.data).max() <= 1e-12
    line(
        f"Bray–Curtis, {len(counts)} samples (auto route)",
        t_ours,
        t_plain,
        f"skbio beta_diversity; {100 * density:.1f} % non-zero",
    )
    line("Bray–Curtis, dense pdist route forced", t_dense, t_plain)
    _, t_fsvd = timed(mb.pcoa, ours, dimensions=2, method="fsvd")
    _, t_eigh = timed(skbio_pcoa, ours, method="eigh", dimensions=2, warn_neg_eigval=False)
    line("PCoA, 2 axes: fsvd (+10 oversampling)", t_fsvd, t_eigh, "skbio pcoa eigh")
    visit = toy.samples[toy.samples["month"] == 6]
    at_six = mb.bray_curtis(counts.loc[visit.index])
    shuffles = CHAPTER["permutations"] if scale == "paper" else 99
    _, t_ours = timed(mb.permanova, at_six, visit, permutations=shuffles)
    _, t_plain = timed(mb.permanova, at_six, visit, permutations=shuffles, engine="skbio")
    line(
        f"PERMANOVA, {len(visit)} samples, {shuffles} permutations",
        t_ours,
        t_plain,
        "skbio permanova",
    )
    _, t_ours = timed(mb.permdisp, at_six, visit, permutations=shuffles)
    _, t_plain = timed(mb.permdisp, at_six, visit, permutations=shuffles, engine="skbio")
    line(f"PERMDISP (median), {shuffles} permutations", t_ours, t_plain, "skbio permdisp")
    genera = mb.collapse(counts, toy.taxonomy, rank="genus")
    taxa = list(genera.columns[: REPORTED if scale == "paper" else 3])
    _, t_profile = timed(mb.clr_mixed_model, genera, toy.samples, taxa=taxa, engine="profile")
    with warnings.catch_warnings():  # statsmodels' boundary notes are recorded, not raised
        warnings.simplefilter("ignore")
        _, t_sm = timed(mb.clr_mixed_model, genera, toy.samples, taxa=taxa, engine="statsmodels")
    line(f"CLR mixed model, {len(taxa)} taxa: profiled REML", t_profile, t_sm, "statsmodels")
    if scale == "paper":
        compare_permutation(genera, toy.samples)


def compare_permutation(genera, samples) -> None:
    """Top-k permutation importance against scikit-learn's over every feature."""
    visit = samples[samples["month"] == 12]
    x = mb.relative_abundance(genera).loc[visit.index].to_numpy()
    y = (visit["group"] == "HCM").to_numpy().astype(int)
    rng = np.random.default_rng(0)
    test = rng.permutation(len(y))[: len(y) // 3]
    train = np.setdiff1d(np.arange(len(y)), test)
    model = RandomForestClassifier(n_estimators=CHAPTER["n_trees"], random_state=0, n_jobs=2)
    model.fit(x[train], y[train])
    model.set_params(n_jobs=1)
    top = np.argsort(-model.feature_importances_)[: CHAPTER["top_k"]]
    ours, t_ours = timed(
        mb.permutation_importance_top_k,
        model,
        x[test],
        y[test],
        columns=top,
        n_repeats=5,
        random_state=3,
    )
    plain, t_plain = timed(
        permutation_importance,
        model,
        x[test],
        y[test],
        n_repeats=5,
        random_state=3,
        n_jobs=CHAPTER["n_jobs"],
    )
    assert np.abs(ours - plain.importances[top]).max() == 0.0
    line(
        f"permutation importance, top {len(top)} of {x.shape[1]}",
        t_ours,
        t_plain,
        "sklearn over all; equal on the top k",
    )


def chapter(toy: mb.ToyMicrobiome) -> dict[str, float]:
    """The chapter's analysis steps, timed one by one."""
    counts, taxonomy, samples = toy
    jobs, seconds = CHAPTER["n_jobs"], {}

    def step(name, function, *args, **kwargs):
        result, wall, cpu = timed_cpu(function, *args, **kwargs)
        seconds[name] = (wall, cpu)
        return result

    phyla = step("collapse to phylum", mb.collapse, counts, taxonomy, rank="phylum")
    genera = step("collapse to genus", mb.collapse, counts, taxonomy, rank="genus")
    alpha = step("alpha diversity (Figure 3A–B)", mb.alpha_diversity, counts, samples)
    step("alpha tests", mb.alpha_tests, alpha, samples)
    visit = samples[samples["month"] == 6]
    distances = step(
        "Bray–Curtis at 6 months", mb.bray_curtis, counts.loc[visit.index], n_jobs=jobs
    )
    step("PCoA fsvd (Figure 3C)", mb.pcoa, distances, visit)
    step(
        "PERMANOVA, PERMDISP, rank-sum",
        mb.community_tests,
        distances,
        visit,
        permutations=CHAPTER["permutations"],
    )
    step(
        "top taxa, F/B ratio (Figure 3D–E)",
        lambda: (
            mb.top_taxa(phyla, samples, k=5),
            mb.top_taxa(genera, samples, k=10),
            mb.firmicutes_bacteroidetes(phyla, samples),
        ),
    )
    taxa = list(genera.columns[:REPORTED])
    step("describe reported taxa (Figure 4A–I)", mb.describe_taxa, genera, samples, taxa=taxa)
    step("rank tests + BH, every visit", mb.rank_tests, genera, samples)
    step("ANCOM-BC, every visit", mb.ancombc_by_visit, genera, samples)
    abundance = mb.relative_abundance(genera)
    step(f"random forests, {CHAPTER['n_trees']} trees, 10-fold (4J–L)", mb.random_forest,
         abundance, samples, n_trees=CHAPTER["n_trees"], folds=CHAPTER["folds"],
         top_k=CHAPTER["top_k"], min_prevalence=CHAPTER["min_prevalence"],
         n_jobs=jobs)  # fmt: skip
    common = abundance.loc[:, ((abundance > 0).mean() > CHAPTER["min_prevalence"]).to_numpy()]
    step("nested CV at 12 months (5 × 3 folds)", mb.nested_forest_auc, common, samples,
         month=12, n_trees=CHAPTER["n_trees"], n_jobs=jobs)  # fmt: skip
    step(
        "CLR mixed model, reported taxa (profile)",
        mb.clr_mixed_model,
        genera,
        samples,
        taxa=taxa,
        engine="profile",
    )
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="paper,10x", help="comma-separated: paper, 10x")
    parser.add_argument("--chapter-only", action="store_true", help="skip the route comparisons")
    arguments = parser.parse_args()
    scales = arguments.scales.split(",")
    status = 0
    for scale in scales:
        participants, features = SCALES[scale]
        toy, t_toy = timed(
            mb.toy_microbiome,
            participants=participants,
            features=features,
            depth=30000,
            effect=1.0,
            seed=2025,
        )
        print(
            f"\n{scale}: {3 * participants} samples × {features} features "
            f"(toy data made in {t_toy:.1f} s; load average {os.getloadavg()[0]:.1f})"
        )
        if not arguments.chapter_only:
            print(" fast routes against the plain library call (ratio = plain ÷ ours)")
            compare_routes(toy, scale)
        print(f" chapter's analysis steps ({', '.join(f'{k}={v}' for k, v in CHAPTER.items())})")
        seconds = chapter(toy)
        for name, (wall, cpu) in seconds.items():
            print(f"  {name:<44} {wall:7.2f} s wall {cpu:7.2f} s CPU")
        total = sum(wall for wall, _ in seconds.values())
        cpu = sum(c for _, c in seconds.values())
        verdict = ""
        if scale == "10x":
            verdict = "within" if total <= BUDGET else "OVER"
            verdict = f"  ({verdict} the {BUDGET:.0f} s budget at load {os.getloadavg()[0]:.1f})"
            status = 0 if total <= BUDGET else 1
        print(f"  {'total':<44} {total:7.2f} s wall {cpu:7.2f} s CPU{verdict}", flush=True)
    return status


if __name__ == "__main__":
    raise SystemExit(main())
