"""Tables 5–6 and the printed counts beside what data give.

References: the paper's printed values (Zhao et al. 2025, Table 5 rows 1, 19, 24 and 42,
Table 6 row 1, the counts of §3.5–3.6), ``sklearn.metrics.roc_auc_score`` and means
computed by hand.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import roc_auc_score

from milkbone import published
from milkbone.analysis.metabolome import (
    feature_ids,
    feature_labels,
    mirror_counts,
    mirror_table5,
    mirror_table6,
    printed_table5,
    printed_table6,
)


def test_printed_table5_as_printed():
    t5 = printed_table5(published.table(5))
    assert len(t5) == 51
    first = t5.iloc[0]
    assert (first["row"], first["month"], first["vip"], first["p"], first["fold_change"]) == (
        "1", 0, 5.4664, 1.6471, 2.7819,
    )  # fmt: skip
    assert first["arrow"] == "up"
    # printed numbers 19 and 24 appear twice (the audit's t5.numbering)
    assert sorted(t5.loc[t5["row"].duplicated(), "row"]) == ["19", "24"]
    taurine = t5.set_index("metabolite").loc["Taurine"]
    assert (taurine["month"], taurine["fold_change"], taurine["mz"]) == (12, 1.9914, 126.02244)
    equol = t5.set_index("metabolite").loc["Equol"]
    assert (equol["arrow"], equol["fold_change"]) == ("down", 4.4249)  # arrow against FC
    assert t5["month"].value_counts().to_dict() == {12: 35, 0: 13, 6: 3}


def test_printed_table6_as_printed():
    t6 = printed_table6(published.table(6))
    assert len(t6) == 8
    pgd2 = t6.iloc[0]
    assert (pgd2["kegg_name"], pgd2["mean_m0"], pgd2["auc"]) == ("PGD2", 296050146.0, 0.754)
    assert pgd2["mean_m12"] == pytest.approx(484844985.1, abs=1e-6)
    assert t6.loc[t6["metabolite"] == "5-OxoETE", "mean_m12"].item() == 4579503628.0


def test_feature_ids_and_labels():
    annotation = pd.DataFrame(
        {"name": ["Taurine", None, "Taurine", "Adenin", "x" * 50]},
        index=["F1", "F2", "F3", "F4", "F5"],
    )
    assert feature_ids(annotation, ["Adenin", "Taurine", "Equol"]).tolist() == ["F4", "F1", pd.NA]
    labels = feature_labels(annotation, ["F1", "F2", "F3", "F5"], width=12)
    assert labels.tolist() == ["Taurine (F1)", "F2", "Taurine (F3)", "x" * 11 + "…"]
    assert labels.is_unique
    with pytest.raises(KeyError, match="annotation is missing column"):
        feature_ids(annotation.rename(columns={"name": "label"}), ["Taurine"])


def _features(rows):
    frame = pd.DataFrame(rows, columns=["month", "rule", "feature", "vip", "p", "fold_change"])
    return frame.assign(selected=True, evidence="simulated")


def test_mirror_table5_joins_by_name_and_visit():
    annotation = pd.DataFrame({"name": ["APH", "Taurine", "Other"]}, index=["F9", "F1", "F2"])
    features = _features(
        [
            (12, "results", "F1", 1.5, 0.01, 2.0),
            (0, "results", "F1", 0.2, 0.9, 1.0),  # Taurine's other visit: not Table 5's
            (0, "results", "F9", 3.0, 0.001, 0.5),
            (12, "results", "F9", 2.0, 0.002, 1.9),
            (12, "methods", "F9", 9.0, 0.9, 9.9),  # another rule: ignored
        ]
    ).sample(frac=1, random_state=1)
    out = mirror_table5(published.table(5), features, annotation).set_index(["metabolite", "month"])
    assert out.loc[("Taurine", 12), ["vip", "p", "fold_change"]].tolist() == [1.5, 0.01, 2.0]
    assert out.loc[("Taurine", 12), "fold_change_published"] == 1.9914
    # APH is printed twice (rows 2 and 22): each row gets its own visit's numbers
    assert out.loc[("APH", 0), ["fold_change", "direction"]].tolist() == [0.5, "down"]
    assert out.loc[("APH", 12), ["fold_change", "direction"]].tolist() == [1.9, "up"]
    missing = out.loc[("Genistein", 12)]
    assert pd.isna(missing["feature"]) and pd.isna(missing["fold_change"])
    assert missing["direction"] == ""
    assert len(out) == 51 and (out["evidence"] == "simulated").all()


def test_mirror_table6_means_and_auc_by_hand():
    rng = np.random.default_rng(5)
    rows = [(f"{g}{m}_{i}", g, m) for g in ("HCM", "CM") for m in (0, 6, 12) for i in range(6)]
    samples = pd.DataFrame(rows, columns=["sample", "group", "month"]).set_index("sample")
    values = pd.DataFrame(
        rng.lognormal(10, 0.5, size=(len(rows), 3)), index=samples.index, columns=["A", "B", "C"]
    )
    annotation = pd.DataFrame(
        {"name": ["Prostaglandin D2", "Lipoxin B4", None]}, index=values.columns
    )
    out = mirror_table6(published.table(6), values, samples, annotation).set_index("metabolite")
    hcm0 = samples.index[(samples["group"] == "HCM") & (samples["month"] == 0)]
    hcm12 = samples.index[(samples["group"] == "HCM") & (samples["month"] == 12)]
    pgd2 = out.loc["Prostaglandin D2"]
    assert pgd2["mean_m0"] == pytest.approx(values.loc[hcm0, "A"].mean(), rel=1e-12)
    assert pgd2["mean_m12"] == pytest.approx(values.loc[hcm12, "A"].mean(), rel=1e-12)
    truth = np.r_[np.zeros(6), np.ones(6)]
    expected = roc_auc_score(truth, np.r_[values.loc[hcm0, "A"], values.loc[hcm12, "A"]])
    assert pgd2["auc"] == pytest.approx(expected, abs=1e-12)
    assert (pgd2["auc_published"], pgd2["n_m0"], pgd2["n_m12"]) == (0.754, 6, 6)
    assert out.loc["Lipoxin B4", "feature"] == "B"
    assert pd.isna(out.loc["5-OxoETE", "auc"]) and pd.isna(out.loc["5-OxoETE", "mean_m0"])
    nothing = mirror_table6(published.table(6), values, samples, annotation.assign(name=None))
    assert nothing["auc"].isna().all() and len(nothing) == 8


def test_mirror_counts_against_the_printed_counts():
    counts = pd.DataFrame(
        [
            (m, r, s, u, s - u)
            for m in (0, 6, 12)
            for r, s, u in (("methods", 2, 1), ("results", 9, 5))
        ],
        columns=["month", "rule", "selected", "up", "down"],
    ).assign(evidence="simulated")
    serum = mirror_counts(counts, published.prose(), section="3.5").set_index(
        ["visit", "direction"]
    )
    # §3.5: 13 (6 up, 7 down) at baseline, 3 up at six months, 35 (32, 3), 52 (39, 13) in all
    assert serum.loc[("0 months", "all"), "published"] == 13
    assert serum.loc[("0 months", "down"), "published"] == 7
    assert pd.isna(serum.loc[("6 months", "down"), "published"])
    assert serum.loc[("all visits", "up"), "published"] == 39
    assert serum.loc[("all visits", "all"), ["methods", "results"]].tolist() == [6, 27]
    assert serum.loc[("12 months", "down"), ["methods", "results"]].tolist() == [1, 4]
    assert list(serum.index.get_level_values("visit").unique()) == [
        "0 months", "6 months", "12 months", "all visits",
    ]  # fmt: skip
    fecal = mirror_counts(counts, published.prose(), section="3.6").set_index(
        ["visit", "direction"]
    )
    # §3.6: no baseline count; 74 (47, 27) at six months; 143 (100, 43) in all
    assert fecal["published"].isna().sum() == 3
    assert fecal.loc[("6 months", "up"), "published"] == 47
    assert fecal.loc[("all visits", "all"), "published"] == 143
    with pytest.raises(KeyError, match="counts is missing column"):
        mirror_counts(counts.drop(columns="up"), published.prose(), section="3.5")
