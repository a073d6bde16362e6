"""Tables 5 and 6 and the counts of §3.5–3.6, printed beside what participant data give.

The printed numbers come in as the frames of :mod:`milkbone.published` (``table(5)``,
``table(6)``, ``prose()``); the data's as the frames of
:func:`~milkbone.analysis.metabolome.visits.compare_visits` and the loader. Features are
matched to printed metabolites by name (:func:`feature_ids`), never by position.
Printed columns end in ``_published``; the others describe the data and carry their
``evidence``.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from milkbone._validate import require_columns
from milkbone.analysis.metabolome._inputs import check_evidence
from milkbone.analysis.metabolome.roc import feature_auc
from milkbone.analysis.metabolome.univariate import feature_means

__all__ = [
    "feature_ids",
    "feature_labels",
    "mirror_counts",
    "mirror_table5",
    "mirror_table6",
    "printed_table5",
    "printed_table6",
]

CELLS = ["row_position", "row_label", "metabolite", "column", "value"]
"""Columns a printed table (``published.table(n)``) must have."""


def _wide(table: pd.DataFrame, name: str) -> pd.DataFrame:
    require_columns(table, CELLS, name=name)
    values = table.pivot(index="row_position", columns="column", values="value")
    first = table.drop_duplicates("row_position").set_index("row_position")
    return values.join(first[["row_label", "metabolite"]]).sort_index()


def printed_table5(table: pd.DataFrame) -> pd.DataFrame:
    """Table 5 as printed, one row per printed row.

    Parameters
    ----------
    table : DataFrame
        ``published.table(5)``: one row per printed cell.

    Returns
    -------
    DataFrame
        ``row, metabolite, month, rt, mz, vip, p, fold_change, arrow`` in printed
        order; ``row`` is the printed number (the table prints some twice), ``arrow``
        ``"up"`` or ``"down"`` as printed, whatever the fold change says.

    Examples
    --------
    >>> from milkbone import published
    >>> t5 = printed_table5(published.table(5))
    >>> t5.loc[0, ["row", "month", "fold_change", "arrow"]].to_dict()
    {'row': '1', 'month': 0, 'fold_change': 2.7819, 'arrow': 'up'}
    >>> len(t5), int(t5["row"].duplicated().sum())
    (51, 2)
    """
    wide = _wide(table, "table")
    arrows = table[table["column"] == "variation"].set_index("row_position")["direction"]
    months = table.drop_duplicates("row_position").set_index("row_position")["month"]
    return pd.DataFrame(
        {
            "row": wide["row_label"].astype(str).to_numpy(),
            "metabolite": wide["metabolite"].astype(str).to_numpy(),
            "month": months.reindex(wide.index).astype(int).to_numpy(),
            "rt": wide["rt"].to_numpy(),
            "mz": wide["mz"].to_numpy(),
            "vip": wide["vip"].to_numpy(),
            "p": wide["p"].to_numpy(),
            "fold_change": wide["fc"].to_numpy(),
            "arrow": arrows.reindex(wide.index).astype(str).to_numpy(),
        }
    )


def printed_table6(table: pd.DataFrame) -> pd.DataFrame:
    """Table 6 as printed: ``metabolite, kegg_name, mean_m0, mean_m12, auc``.

    Examples
    --------
    >>> from milkbone import published
    >>> printed_table6(published.table(6)).iloc[0, :3].to_dict()
    {'metabolite': 'Prostaglandin D2', 'kegg_name': 'PGD2', 'mean_m0': 296050146.0}
    """
    require_columns(table, ["kegg_name"], name="table")
    wide = _wide(table, "table")
    names = table.drop_duplicates("row_position").set_index("row_position")["kegg_name"]
    return pd.DataFrame(
        {
            "metabolite": wide["metabolite"].astype(str).to_numpy(),
            "kegg_name": names.reindex(wide.index).astype(str).to_numpy(),
            "mean_m0": wide["m0"].astype(float).to_numpy(),
            "mean_m12": wide["m12"].astype(float).to_numpy(),
            "auc": wide["auc"].astype(float).to_numpy(),
        }
    )


def feature_ids(annotation: pd.DataFrame, names: Iterable[str]) -> pd.Series:
    """The feature id annotated with each name (the first, if several), NA if none.

    Examples
    --------
    >>> annotation = pd.DataFrame({"name": ["Taurine", None, "Taurine"]},
    ...                           index=["F1", "F2", "F3"])
    >>> feature_ids(annotation, ["Taurine", "Equol"]).tolist()
    ['F1', <NA>]
    """
    require_columns(annotation, ["name"], name="annotation")
    named = annotation["name"].dropna()
    first = pd.Series(named.index, index=named.astype(str).to_numpy())
    first = first[~first.index.duplicated()]
    names = [str(n) for n in names]
    return pd.Series(first.reindex(names).to_numpy(), index=names, dtype="string")


def feature_labels(annotation: pd.DataFrame, ids: Iterable[str], *, width: int = 40) -> pd.Series:
    """Names to show for feature ids: the name, cut at ``width`` characters, else the id.

    A name shared by two of the features gets its id added, so labels stay unique.

    Examples
    --------
    >>> annotation = pd.DataFrame({"name": ["Taurine", None, "A very long name indeed"]},
    ...                           index=["F1", "F2", "F3"])
    >>> feature_labels(annotation, ["F1", "F2", "F3"], width=10).tolist()
    ['Taurine', 'F2', 'A very lo…']
    """
    require_columns(annotation, ["name"], name="annotation")
    ids = pd.Index(list(ids))
    names = annotation["name"].reindex(ids).astype("string")
    cut = names.where(names.str.len() <= width, names.str.slice(0, width - 1) + "…")
    labels = cut.fillna(pd.Series(ids, index=ids, dtype="string"))
    twice = labels.duplicated(keep=False)
    labels[twice] = labels[twice] + " (" + pd.Series(ids[twice.to_numpy()], index=ids[twice]) + ")"
    return pd.Series(labels.to_numpy(), index=ids, dtype="string")


def mirror_table5(
    table: pd.DataFrame, features: pd.DataFrame, annotation: pd.DataFrame, *, rule: str = "results"
) -> pd.DataFrame:
    """Each Table 5 row beside the data's VIP, p and fold change at that row's visit.

    Parameters
    ----------
    table : DataFrame
        ``published.table(5)``.
    features : DataFrame
        ``compare_visits(...).features``.
    annotation : DataFrame
        Feature annotation indexed by feature id, with ``name``.
    rule : {"methods", "results"}, default "results"
        Whose ``selected`` column to show.

    Returns
    -------
    DataFrame
        One row per printed row: ``row, metabolite, month, feature, vip_published, vip,
        p_published, p, fold_change_published, fold_change, arrow_published, direction,
        selected, evidence``; ``direction`` is that of the data's fold change, and the
        data's columns are NA where no feature carries the printed name.

    Examples
    --------
    >>> from milkbone import published
    >>> annotation = pd.DataFrame({"name": ["Taurine"]}, index=["F1"])
    >>> features = pd.DataFrame({"month": [12], "rule": ["results"], "feature": ["F1"],
    ...     "vip": [1.5], "p": [0.01], "fold_change": [2.0], "selected": [True],
    ...     "evidence": ["simulated"]})
    >>> out = mirror_table5(published.table(5), features, annotation)
    >>> out.loc[out["feature"].notna(), ["metabolite", "fold_change_published", "fold_change"]]
       metabolite  fold_change_published  fold_change
    41    Taurine                 1.9914          2.0
    """
    require_columns(features, ["month", "rule", "feature", "vip", "p", "fold_change",
                               "selected", "evidence"], name="features")  # fmt: skip
    printed = printed_table5(table)
    printed["feature"] = feature_ids(annotation, printed["metabolite"]).to_numpy()
    ours = features.loc[features["rule"] == rule,
                        ["month", "feature", "vip", "p", "fold_change", "selected"]]  # fmt: skip
    out = printed.merge(ours, on=["month", "feature"], how="left", suffixes=("_published", ""))
    out = out.rename(columns={"arrow": "arrow_published"})
    out["direction"] = np.where(out["fold_change"].isna(), "",
                                np.where(out["fold_change"] > 1, "up", "down"))  # fmt: skip
    out["evidence"] = features["evidence"].iloc[0] if len(features) else ""
    columns = ["row", "metabolite", "month", "feature", "vip_published", "vip", "p_published",
               "p", "fold_change_published", "fold_change", "arrow_published", "direction",
               "selected", "evidence"]  # fmt: skip
    return out[columns]


def mirror_table6(
    table: pd.DataFrame,
    intensities: pd.DataFrame,
    samples: pd.DataFrame,
    annotation: pd.DataFrame,
    *,
    group: str = "HCM",
    evidence: str = "simulated",
) -> pd.DataFrame:
    """Table 6 beside one arm's mean intensities at 0 and 12 months and its AUC.

    The paper does not say which samples Table 6 describes; this reads it as one arm
    (``group``) at baseline and twelve months, and the AUC as that of 12 months
    against baseline, each feature alone (``sklearn.metrics.roc_auc_score`` via
    :func:`~milkbone.analysis.metabolome.roc.feature_auc`).

    Parameters
    ----------
    table : DataFrame
        ``published.table(6)``.
    intensities : DataFrame
        Samples × features, no missing values in the features of Table 6.
    samples : DataFrame
        Indexed by sample id, with ``group`` and ``month``.
    annotation : DataFrame
        Feature annotation indexed by feature id, with ``name``.
    group : str, default "HCM"
    evidence : {"simulated", "observed"}, default "simulated"

    Returns
    -------
    DataFrame
        One row per printed metabolite: ``metabolite, kegg_name, feature,
        mean_m0_published, mean_m0, mean_m12_published, mean_m12, auc_published, auc,
        n_m0, n_m12, evidence`` (NA where no feature carries the name).
    """
    check_evidence(evidence)
    require_columns(samples, ["group", "month"], name="samples")
    printed = printed_table6(table)
    ids = feature_ids(annotation, printed["metabolite"])
    found = ids.dropna().unique().tolist()
    chosen = samples.index[(samples["group"] == group) & samples["month"].isin([0, 12])]
    chosen = chosen.intersection(intensities.index, sort=False)
    out = printed.rename(
        columns=lambda c: c if c in ("metabolite", "kegg_name") else f"{c}_published"
    )
    out["feature"] = ids.to_numpy()
    computed = pd.DataFrame(index=pd.Index(found, name="feature"))
    if found:
        means = feature_means(intensities.loc[chosen, found], samples, by=("month",))
        wide = means.pivot(index="feature", columns="month", values=["mean", "n"])
        computed = computed.assign(mean_m0=wide[("mean", 0)], mean_m12=wide[("mean", 12)],
                                   n_m0=wide[("n", 0)], n_m12=wide[("n", 12)])  # fmt: skip
        auc = feature_auc(intensities.loc[chosen], samples.loc[chosen, "month"], positive=12,
                          features=found, evidence=evidence)  # fmt: skip
        computed["auc"] = auc.set_index("feature")["auc"]
    out = out.join(computed, on="feature")
    columns = ["metabolite", "kegg_name", "feature", "mean_m0_published", "mean_m0",
               "mean_m12_published", "mean_m12", "auc_published", "auc", "n_m0",
               "n_m12"]  # fmt: skip
    out = out.reindex(columns=columns).astype({"n_m0": "Int64", "n_m12": "Int64"})
    return out.assign(evidence=evidence)


def _printed_counts(prose: pd.DataFrame, section: str) -> pd.Series:
    require_columns(prose, ["section", "statistic", "timepoint", "direction", "value"],
                    name="prose")  # fmt: skip
    rows = prose[(prose["section"] == section) & (prose["statistic"] == "count")]
    visit = rows["timepoint"].map(lambda t: "all visits" if ";" in t else f"{t[1:]} months")
    direction = rows["direction"].replace("", "all").fillna("all")
    return pd.Series(rows["value"].to_numpy(), index=pd.MultiIndex.from_arrays(
        [visit.to_numpy(), direction.to_numpy()], names=["visit", "direction"]))  # fmt: skip


def mirror_counts(counts: pd.DataFrame, prose: pd.DataFrame, *, section: str) -> pd.DataFrame:
    """The counts of differential features a section prints beside both rules' counts.

    Parameters
    ----------
    counts : DataFrame
        :func:`~milkbone.analysis.metabolome.visits.count_selected` output.
    prose : DataFrame
        ``published.prose()``; its ``count`` rows of ``section`` are the printed counts.
    section : str
        ``"3.5"`` (serum) or ``"3.6"`` (fecal).

    Returns
    -------
    DataFrame
        One row per visit (``"0 months"`` …, then ``"all visits"``) and direction
        (``all``, ``up``, ``down``): ``visit, direction, published, methods, results,
        evidence``. ``published`` is NA where the section prints no count; over all
        visits a feature kept at two visits counts twice, as in Table 5.

    Examples
    --------
    >>> from milkbone import published
    >>> counts = pd.DataFrame({"month": [0, 0], "rule": ["methods", "results"],
    ...     "selected": [1, 4], "up": [1, 2], "down": [0, 2], "evidence": "simulated"})
    >>> mirror_counts(counts, published.prose(), section="3.5").head(3)
          visit direction  published  methods  results   evidence
    0  0 months       all         13        1        4  simulated
    1  0 months        up          6        1        2  simulated
    2  0 months      down          7        0        2  simulated
    """
    require_columns(counts, ["month", "rule", "selected", "up", "down"], name="counts")
    long = counts.rename(columns={"selected": "all"}).melt(
        id_vars=["month", "rule"], value_vars=["all", "up", "down"], var_name="direction"
    )
    long["visit"] = long["month"].map(lambda m: f"{m} months")
    total = long.groupby(["rule", "direction"], as_index=False)["value"].sum()
    long = pd.concat([long, total.assign(visit="all visits", month=np.inf)], ignore_index=True)
    wide = long.pivot_table(index=["month", "visit", "direction"], columns="rule",
                            values="value", aggfunc="sum", sort=False)  # fmt: skip
    wide = wide.reset_index().sort_values("month", kind="stable").drop(columns="month")
    printed = _printed_counts(prose, section)
    keys = pd.MultiIndex.from_frame(wide[["visit", "direction"]])
    wide["published"] = pd.array(printed.reindex(keys).to_numpy(), dtype="Float64").astype("Int64")
    evidence = counts["evidence"].iloc[0] if "evidence" in counts and len(counts) else ""
    out = wide.reindex(columns=["visit", "direction", "published", "methods", "results"])
    return out.assign(evidence=evidence).rename_axis(columns=None).reset_index(drop=True)
