"""milkbone.analysis.microbiome.mixed: CLR and the mixed model.

References: the CLR written out with numpy; for a balanced design (every woman at every
visit) the mixed model's fixed effects equal contrasts of the cell means, computed here
by hand from the CLR values.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import statsmodels.formula.api as smf
from statsmodels.regression.mixed_linear_model import MixedLMParams

from milkbone.analysis.microbiome import clr, clr_mixed_model, toy_microbiome


def test_clr_by_hand():
    counts = pd.DataFrame({"a": [3, 0], "b": [1, 7], "c": [0, 2]}, index=["s1", "s2"])
    logs = np.log(counts.to_numpy() + 0.5)
    expected = logs - logs.mean(axis=1, keepdims=True)
    assert clr(counts).to_numpy() == pytest.approx(expected, abs=1e-12)
    assert clr(counts).sum(axis=1).to_numpy() == pytest.approx([0.0, 0.0], abs=1e-12)
    with pytest.raises(ValueError, match="pseudocount must be positive"):
        clr(counts, pseudocount=0)


def test_fixed_effects_equal_cell_mean_contrasts():
    toy = toy_microbiome(participants=30, features=12, effect=1.5, seed=21)
    taxa = ["F00000", "F00007"]
    table = clr_mixed_model(toy.counts, toy.samples, taxa=taxa)
    values = clr(toy.counts)
    for taxon in taxa:
        means = toy.samples.assign(v=values[taxon]).groupby(["group", "month"])["v"].mean()
        rows = table[table["taxon"] == taxon].set_index("term")["estimate"]
        assert rows["hcm_vs_reference_at_0"] == pytest.approx(
            means["HCM", 0] - means["CM", 0], abs=1e-6)  # fmt: skip
        assert rows["change_0_6_in_reference"] == pytest.approx(
            means["CM", 6] - means["CM", 0], abs=1e-6)  # fmt: skip
        extra = (means["HCM", 12] - means["HCM", 0]) - (means["CM", 12] - means["CM", 0])
        assert rows["hcm_extra_change_0_12"] == pytest.approx(extra, abs=1e-6)
    planted = table.query("taxon == 'F00000' and term == 'hcm_extra_change_0_6'").iloc[0]
    assert planted["ci_low"] > 0  # the toy plants +1.5 on the log scale from month 6
    assert (table["participants"] == 30).all() and (table["n"] == 90).all()


def test_mixed_model_errors():
    toy = toy_microbiome(participants=6, features=8, seed=1)
    with pytest.raises(ValueError, match="counts has no taxon"):
        clr_mixed_model(toy.counts, toy.samples, taxa=["Bacteroides"])
    with pytest.raises(ValueError, match="reference must be one of"):
        clr_mixed_model(toy.counts, toy.samples, taxa=["F00000"], reference="placebo")


@pytest.mark.parametrize("seed", [21, 22])
def test_profiled_reml_equals_statsmodels(seed):
    toy = toy_microbiome(participants=40, features=15, effect=1.0, seed=seed)
    # unbalanced: drop some visits, so the closed forms cannot lean on balance
    samples = toy.samples.drop(index=["P003-m6", "P010-m12", "P031-m0", "P040-m6"])
    counts = toy.counts.loc[samples.index]
    taxa = ["F00000", "F00004", "F00011"]
    reference = clr_mixed_model(counts, samples, taxa=taxa, engine="statsmodels")
    ours = clr_mixed_model(counts, samples, taxa=taxa, engine="profile")
    # estimates and variances: the same REML optimum; standard errors: ours are
    # (X'V⁻¹X)⁻¹ as in R nlme/lme4, statsmodels inverts the whole observed Hessian
    # (variance parameters included), which differs by about 0.05 %; statsmodels'
    # optimiser stops short of the optimum of the variances (below: ours has the higher
    # restricted likelihood by statsmodels' own loglike)
    assert ours["estimate"].to_numpy() == pytest.approx(reference["estimate"].to_numpy(),
                                                        abs=1e-5)  # fmt: skip
    for column in ("participant_variance", "residual_variance"):
        assert ours[column].to_numpy() == pytest.approx(reference[column].to_numpy(), rel=2e-3)
    values = clr(counts)
    for taxon in taxa:
        frame = samples.assign(clr=values[taxon])
        model = smf.mixedlm("clr ~ C(group, Treatment('CM')) * C(month, Treatment(0))", frame,
                            groups=frame["participant"])  # fmt: skip
        model.fit(reml=True, method=["bfgs"])  # sets the model's fitting attributes
        likelihood = []
        for table in (ours, reference):
            rows = table[table["taxon"] == taxon]
            ratio = rows["participant_variance"].iloc[0] / rows["residual_variance"].iloc[0]
            params = MixedLMParams.from_components(fe_params=rows["estimate"].to_numpy(),
                                                   cov_re=np.array([[ratio]]))  # fmt: skip
            likelihood.append(model.loglike(params, profile_fe=False))
        assert likelihood[0] >= likelihood[1] - 1e-9
    assert ours["se"].to_numpy() == pytest.approx(reference["se"].to_numpy(), rel=2e-3)
    assert ours["p_value"].to_numpy() == pytest.approx(reference["p_value"].to_numpy(), abs=2e-3)
    assert ours["term"].tolist() == reference["term"].tolist()
    assert ours["method"].iloc[0].startswith("profiled REML")
    with pytest.raises(ValueError, match="engine must be one of"):
        clr_mixed_model(counts, samples, taxa=taxa, engine="lme4")
