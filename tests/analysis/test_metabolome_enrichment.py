"""Hypergeometric pathway over-representation, as MetaboAnalyst computes it.

Reference: P(X ≥ k) summed by hand from binomial coefficients (``math.comb``), and
``scipy.stats.hypergeom``; Holm and BH from statsmodels' ``multipletests``.
"""

from __future__ import annotations

from math import comb

import numpy as np
import pandas as pd
import pytest
from scipy import stats
from statsmodels.stats.multitest import multipletests

from milkbone.analysis.metabolome import normalise_chebi, over_representation, reactome_library


def by_hand(k, universe, size, drawn):
    """P(X >= k) for X ~ Hypergeometric(universe, size, drawn), from binomial coefficients."""
    total = comb(universe, drawn)
    return (
        sum(comb(size, i) * comb(universe - size, drawn - i) for i in range(k, drawn + 1)) / total
    )


@pytest.fixture
def library():
    pathways = {
        "P1": ("steroid", [f"c{i}" for i in range(0, 10)]),
        "P2": ("purine", [f"c{i}" for i in range(5, 25)]),
        "P3": ("folate", [f"c{i}" for i in range(30, 34)]),
        "P4": ("biotin", [f"c{i}" for i in range(40, 46)]),
    }
    rows = [(pid, name, c) for pid, (name, cs) in pathways.items() for c in cs]
    return pd.DataFrame(rows, columns=["pathway_id", "pathway", "compound"])


def test_p_values_by_hand(library):
    hits = ["c1", "c2", "c3", "c6", "c30", "zz"]  # zz is not in the library
    out = over_representation(hits, library, only_hits=False)
    universe = library["compound"].nunique()  # 10 + 20 + 4 + 6 - 5 shared = 35
    assert universe == 35
    assert (out["universe_size"] == 35).all() and (out["query_size"] == 5).all()
    for row in out.itertuples():
        assert row.p == pytest.approx(by_hand(row.hits, 35, row.total, 5), abs=1e-12)
        assert row.p == pytest.approx(stats.hypergeom.sf(row.hits - 1, 35, row.total, 5), abs=1e-12)
        assert row.expected == pytest.approx(5 * row.total / 35, abs=1e-12)
    steroid = out.set_index("pathway").loc["steroid"]
    assert steroid["hits"] == 4
    assert steroid["hit_compounds"] == "c1;c2;c3;c6"
    ordered = out.sort_values("pathway_id")
    np.testing.assert_allclose(
        ordered["p_holm"], multipletests(ordered["p"], method="holm")[1], atol=1e-12
    )
    np.testing.assert_allclose(
        ordered["p_bh"], multipletests(ordered["p"], method="fdr_bh")[1], atol=1e-12
    )


def test_adjusted_over_all_pathways_then_hitless_dropped(library):
    everything = over_representation(["c1", "c2"], library, only_hits=False)
    kept = over_representation(["c1", "c2"], library)
    assert kept["pathway"].tolist() == ["steroid"]
    assert len(everything) == 4
    assert kept.loc[0, "p_holm"] == pytest.approx(
        everything.set_index("pathway").loc["steroid", "p_holm"], abs=1e-12
    )
    assert kept.loc[0, "p_holm"] == pytest.approx(min(1.0, 4 * kept.loc[0, "p"]), abs=1e-12)


def test_reference_metabolome_is_the_universe(library):
    detected = [f"c{i}" for i in range(0, 12)] + ["x1", "x2"]  # x1, x2 in no pathway
    out = over_representation(["c1", "c2", "c11"], library, universe=detected, only_hits=False)
    steroid = out.set_index("pathway").loc["steroid"]
    assert steroid["universe_size"] == 14
    assert steroid["total"] == 10
    assert steroid["p"] == pytest.approx(by_hand(2, 14, 10, 3), abs=1e-12)
    assert out.set_index("pathway").loc["folate", "total"] == 0


def test_reactome_library_and_chebi_spelling():
    raw = pd.DataFrame(
        [
            [16113, "R-HSA-196071", "u", "Metabolism of steroid hormones", "TAS", "Homo sapiens"],
            [16113, "R-HSA-196071", "u", "Metabolism of steroid hormones", "IEA", "Homo sapiens"],
            [17026, "R-HSA-196071", "u", "Metabolism of steroid hormones", "TAS", "Homo sapiens"],
            [16113, "R-MMU-196071", "u", "Metabolism of steroid hormones", "IEA", "Mus musculus"],
        ]
    )
    lib = reactome_library(raw)
    assert lib.values.tolist() == [
        ["R-HSA-196071", "Metabolism of steroid hormones", "CHEBI:16113"],
        ["R-HSA-196071", "Metabolism of steroid hormones", "CHEBI:17026"],
    ]
    out = over_representation(normalise_chebi(["16113"]), lib)
    assert out.loc[0, "p"] == pytest.approx(1.0, abs=1e-12)  # every compound is in the pathway
    with pytest.raises(ValueError, match="mapping has no pathway for species 'Danio rerio'"):
        reactome_library(raw, species="Danio rerio")
    with pytest.raises(ValueError, match="mapping must have the 6 columns"):
        reactome_library(raw.iloc[:, :3])


def test_errors(library):
    with pytest.raises(KeyError, match="library is missing column"):
        over_representation(["c1"], library.drop(columns="pathway"))
    renamed = library.copy()
    renamed.loc[0, "pathway"] = "other"
    with pytest.raises(ValueError, match=r"library gives pathway id.*'P1' two names"):
        over_representation(["c1"], renamed)
    with pytest.raises(ValueError, match="evidence must be one of"):
        over_representation(["c1"], library, evidence="published")
