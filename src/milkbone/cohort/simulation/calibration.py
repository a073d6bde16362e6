"""Simulated against published, side by side, for the omics data (the calibration page).

:func:`microbiome_calibration` and :func:`metabolome_calibration` take loaded data
(:class:`~milkbone.cohort.microbiome.MicrobiomeData`,
:class:`~milkbone.cohort.metabolome.MetabolomeData`) and return one row per number the
paper prints that the simulation was calibrated to, with what the data give. They
describe data, they verify nothing: agreement is by construction (DESIGN.md, the
honesty model). The choices behind each target are in ``ASSUMPTIONS`` of
:mod:`~milkbone.cohort.simulation.taxa` and :mod:`~milkbone.cohort.simulation.metabolites`.

Columns: ``quantity, item, group, month, published, simulated, agrees, n, method,
note, evidence`` (``evidence`` is the data's: ``simulated`` or ``observed``).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats

from milkbone import published
from milkbone.cohort.metabolome import MetabolomeData
from milkbone.cohort.microbiome import MicrobiomeData
from milkbone.cohort.simulation.metabolites import fecal_targets, table5_targets, table6_targets
from milkbone.cohort.simulation.taxa import PLANTED
from milkbone.vocabulary import GROUPS

__all__ = ["COLUMNS", "metabolome_calibration", "microbiome_calibration", "welch_log"]

COLUMNS = [
    "quantity", "item", "group", "month", "published", "simulated", "agrees", "n",
    "method", "note", "evidence",
]  # fmt: skip

_MW = "scipy.stats.mannwhitneyu(method='asymptotic'), two-sided"


def _frame(rows: list[dict], evidence: str) -> pd.DataFrame:
    frame = pd.DataFrame(rows).assign(evidence=evidence)
    return frame.reindex(columns=COLUMNS).astype({"month": "Int64"})


def _relative(data: MicrobiomeData, rank: str) -> pd.DataFrame:
    """Relative abundance per sample at ``rank`` (features without a name left out)."""
    share = data.counts.div(data.counts.sum(axis=1), axis=0)
    return share.T.groupby(data.taxonomy[rank]).sum().T


def _phylum_rows(phyla: pd.DataFrame, samples: pd.DataFrame, prose: pd.Series) -> list[dict]:
    rows = []
    for phylum in ("Bacteroidota", "Firmicutes"):
        for group in GROUPS:
            for month in (0, 6):
                x = phyla.loc[(samples["group"] == group) & (samples["month"] == month), phylum]
                for statistic, value in (("mean", x.mean()), ("sd", x.std(ddof=1))):
                    key = f"r3_4.{phylum.lower()}.{group.lower()}.{statistic}_{month}"
                    rows.append(
                        dict(quantity=f"relative abundance {statistic}", item=phylum, group=group,
                             month=month, published=prose[key], simulated=value,
                             agrees=abs(value - prose[key]) <= 0.0005, n=len(x),
                             method="share of reads per sample; SD with ddof 1",
                             note="§3.4, Figures 4A–B")
                    )  # fmt: skip
    return rows


def _ratio_rows(phyla: pd.DataFrame, samples: pd.DataFrame, prose: pd.Series) -> list[dict]:
    rows = []
    for group in GROUPS:
        for month, when in ((0, "before"), (6, "after")):
            cell = phyla[(samples["group"] == group) & (samples["month"] == month)]
            printed = prose[f"r3_4.fb.{group.lower()}.{when}"]
            ratios = {
                "ratio of means": cell["Firmicutes"].mean() / cell["Bacteroidota"].mean(),
                "mean of ratios": (cell["Firmicutes"] / cell["Bacteroidota"]).mean(),
            }
            for how, value in ratios.items():
                rows.append(
                    dict(quantity=f"Firmicutes/Bacteroidetes, {how}", item="F/B",
                         group=group, month=month, published=printed, simulated=value,
                         agrees=abs(value - printed) <= 0.005, n=len(cell), method=how,
                         note="§3.4; at 6 months the printed ratio is not that of the printed "
                         "means (audit), the means were matched")
                )  # fmt: skip
    return rows


def _genus_rows(genera: pd.DataFrame, samples: pd.DataFrame, prose: pd.Series) -> list[dict]:
    rows = []
    for genus, month, sign in PLANTED:
        at = samples["month"] == month
        hcm = genera.loc[at & (samples["group"] == "HCM"), genus]
        cm = genera.loc[at & (samples["group"] == "CM"), genus]
        p = stats.mannwhitneyu(hcm, cm, method="asymptotic").pvalue
        ratio = hcm.mean() / cm.mean()
        key = f"r3_4.{genus.lower().replace('-', '_')}.p_{month}"
        stated = "higher" if sign > 0 else "lower"
        rows.append(
            dict(quantity="between-arm p", item=genus, group="HCM vs CM", month=month,
                 published=prose.get(key, np.nan), simulated=p,
                 agrees=bool((ratio > 1) == (sign > 0)), n=len(hcm) + len(cm), method=_MW,
                 note=f"§3.4 states HCM {stated} (MetagenomeSeq p); simulated HCM / CM ratio "
                 f"of mean relative abundance {ratio:.2f}; agrees = same direction")
        )  # fmt: skip
    for genus in ("Bacteroides", "Prevotella_9", "Bifidobacterium", "Escherichia-Shigella"):
        value = genera[genus].mean()
        rows.append(
            dict(quantity="mean relative abundance above", item=genus, group="all",
                 published=prose["r3_4.genus_5pct"] / 100, simulated=value, agrees=value > 0.05,
                 n=len(genera), method="mean share over all samples",
                 note="§3.4: average relative abundance above 5 %")
        )  # fmt: skip
    return rows


def microbiome_calibration(
    data: MicrobiomeData, *, prose: pd.DataFrame | None = None
) -> pd.DataFrame:
    """The 16S numbers §3.4 prints beside what ``data`` gives.

    Rows: Bacteroidota and Firmicutes mean and SD per arm at 0 and 6 months (agree
    within 0.0005), the Firmicutes/Bacteroidetes ratios as a ratio of means and as a
    mean of ratios, each planted genus difference (printed p beside a Mann–Whitney p;
    ``agrees`` is the direction), and the four genera said to average above 5 %.
    """
    prose = published.prose() if prose is None else prose
    values = prose.set_index("prose_id")["value"].astype(float)
    phyla, genera = _relative(data, "phylum"), _relative(data, "genus")
    rows = _phylum_rows(phyla, data.samples, values) + _ratio_rows(phyla, data.samples, values)
    return _frame(rows + _genus_rows(genera, data.samples, values), data.evidence)


def welch_log(values: pd.DataFrame, first: np.ndarray, second: np.ndarray) -> pd.DataFrame:
    """Per feature: fold change (ratio of means, missing values left out) and Welch's
    t-test on log intensities, vectorised (the same p as ``scipy.stats.ttest_ind(...,
    equal_var=False)`` on the logs): ``fold_change, t, p``.

    Examples
    --------
    >>> values = pd.DataFrame({"F": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]})
    >>> first = np.array([True, True, True, False, False, False])
    >>> out = welch_log(values, first, ~first)
    >>> round(float(out["fold_change"].iloc[0]), 3), round(float(out["p"].iloc[0]), 3)
    (0.4, 0.076)
    """
    logs = np.log(values.to_numpy())
    a, b = logs[first], logs[second]
    na, nb = (~np.isnan(a)).sum(axis=0), (~np.isnan(b)).sum(axis=0)
    va, vb = np.nanvar(a, axis=0, ddof=1) / na, np.nanvar(b, axis=0, ddof=1) / nb
    t = (np.nanmean(a, axis=0) - np.nanmean(b, axis=0)) / np.sqrt(va + vb)
    dof = (va + vb) ** 2 / (va**2 / (na - 1) + vb**2 / (nb - 1))
    raw = values.to_numpy()
    fold = np.nanmean(raw[first], axis=0) / np.nanmean(raw[second], axis=0)
    return pd.DataFrame(
        {"fold_change": fold, "t": t, "p": 2 * stats.t.sf(np.abs(t), dof)}, index=values.columns
    )


def _masks(samples: pd.DataFrame, month: int) -> tuple[np.ndarray, np.ndarray]:
    at = (samples["month"] == month).to_numpy()
    hcm = (samples["group"] == "HCM").to_numpy()
    return at & hcm, at & ~hcm


def _serum_rows(data: MetabolomeData) -> list[dict]:
    names = data.features["name"].dropna()
    by_name = pd.Series(names.index, index=names.to_numpy())
    by_name = by_name[~by_name.index.duplicated()]
    rows = []
    for r in table5_targets().itertuples(index=False):
        if r.name not in by_name:
            continue
        hcm, cm = _masks(data.samples, r.month)
        test = welch_log(data.intensities[[by_name[r.name]]], hcm, cm).iloc[0]
        common = dict(item=r.name, group="HCM / CM", month=r.month, n=int(hcm.sum() + cm.sum()))
        rows.append(
            dict(common, quantity="fold change", published=r.fold_change,
                 simulated=test["fold_change"],
                 agrees=abs(test["fold_change"] / r.fold_change - 1) < 1e-3,
                 method="ratio of arm means", note=f"Table 5 row {r.row} {r.note}".strip())
        )  # fmt: skip
        rows.append(
            dict(common, quantity="p", published=r.p, simulated=test["p"],
                 agrees=(test["p"] < 0.05) == (r.p < 0.05),
                 method="Welch t-test on log intensities", note="agrees = same side of 0.05")
        )  # fmt: skip
    return rows + _table6_rows(data, by_name)


def _table6_rows(data: MetabolomeData, by_name: pd.Series) -> list[dict]:
    rows = []
    first, _ = _masks(data.samples, 0)
    last, _ = _masks(data.samples, 12)
    for r in table6_targets().itertuples(index=False):
        if r.name not in by_name:
            continue
        x = data.intensities[by_name[r.name]]
        a, b = x[first].dropna(), x[last].dropna()
        auc = stats.mannwhitneyu(b, a, method="asymptotic").statistic / (len(a) * len(b))
        for month, printed, value in ((0, r.m0, a.mean()), (12, r.m12, b.mean())):
            rows.append(
                dict(quantity="mean intensity", item=r.name, group="HCM", month=month,
                     published=printed, simulated=value, agrees=abs(value / printed - 1) < 1e-3,
                     n=len(a) if month == 0 else len(b), method="arithmetic mean", note="Table 6")
            )  # fmt: skip
        rows.append(
            dict(quantity="AUC", item=r.name, group="HCM 12 vs 0 m", published=r.auc,
                 simulated=auc, agrees=abs(auc - r.auc) <= 0.05, n=len(a) + len(b),
                 method="Mann–Whitney U / (n1 n2)", note="Table 6; agrees within 0.05")
        )  # fmt: skip
    return rows


def _fecal_rows(data: MetabolomeData) -> list[dict]:
    rows = []
    for target in fecal_targets().itertuples(index=False):
        hcm, cm = _masks(data.samples, target.month)
        test = welch_log(data.intensities, hcm, cm)
        up = target.direction == "up"
        for rule, cut in (("Results", 1.2), ("Methods", 2.0)):
            beyond = test["fold_change"] > cut if up else test["fold_change"] < 1 / cut
            found = int((beyond & (test["p"] < 0.05)).sum())
            rows.append(
                dict(quantity=f"differential features, {rule} rule", item=target.direction,
                     group="HCM / CM", month=target.month, published=target.count,
                     simulated=found, agrees=found == target.count, n=int(hcm.sum() + cm.sum()),
                     method=f"Welch t-test on logs p < 0.05 and FC beyond {cut:g} or {1 / cut:.3g}",
                     note=f"§3.6 ({target.source}); the simulation planted exactly the printed "
                     "count: the rest are null features passing the rule by chance")
            )  # fmt: skip
    return rows


def metabolome_calibration(data: MetabolomeData) -> pd.DataFrame:
    """The metabolome numbers §3.5–3.6 print beside what ``data`` gives.

    Serum: each Table 5 row's fold change (agrees within 0.1 %) and p (agrees = same
    side of 0.05); Table 6's HCM means at 0 and 12 months and AUC (within 0.05).
    Fecal: §3.6's counts per visit and direction beside the features a t-test and the
    Results (FC 1.2) or Methods (FC 2) rule find.
    """
    matrix = set(data.samples["matrix"])
    if matrix not in ({"serum"}, {"fecal"}):
        raise ValueError(f"data must hold one matrix, serum or fecal; it holds {sorted(matrix)}")
    rows = _serum_rows(data) if matrix == {"serum"} else _fecal_rows(data)
    return _frame(rows, data.evidence)
