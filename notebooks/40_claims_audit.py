# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# (claims-audit)=
# # Claims audit
#
# Every claim of the paper, checked against the other things the paper prints, with a
# verdict for each: the numbers of its Results, and the words of its Abstract, Methods,
# Discussion, captions and footnotes. The scorecard comes first, then the discrepancies
# ranked by how much they matter for the paper's conclusions; {ref}`abstract-audited`
# follows the Abstract sentence by sentence.
#
# *Evidence on this page:* {bdg-primary}`published` {bdg-success}`recomputed`
# {bdg-dark}`not-verifiable`
#
# ## Overview
#
# The paper prints many numbers that depend on each other: a t statistic on the means, SDs
# and group sizes beside it; a p-value on its statistic; a percent change on two table
# means; category counts on the group size. The claims registry lists each such claim with
# the printed values it needs, and `milkbone verify` runs the check that fits it.
#
# Every check allows for rounding: a printed value stands for all the true values that
# round to it, and a claim is a *discrepancy* only when no choice of unrounded inputs (and
# no reasonable test variant) reproduces it. A claim that needs the participants' data
# (within-arm tests, sequencing, correlations) is *not verifiable*. A verdict labelled
# `recomputed` needed a number the paper does not print; one labelled `published` compares
# printed numbers with each other or with a stated cut-off.

# %% tags=["parameters"]
data_dir = "data/simulated"  # unused: this page reads published numbers only
seed = 2025  # unused here; every notebook takes the same parameters

# %%
from itables import init_notebook_mode, show
from milkbone import audit, plots, report

plots.use_style()
numbers = report.Numbers()
init_notebook_mode(all_interactive=False, connected=False)

# %% [markdown]
# ## Data
#
# The registry is read from `data/published/claims.csv` and every claim is checked afresh.

# %%
claims = audit.verify()
claims.shape

# %% [markdown]
# ## Scorecard
#
# Verdicts by section of the paper; "all" is the total of each row and column. A
# consistent claim is counted twice over, once in `consistent` and once in one of its two
# parts: `recomputed`, where the audit computed again a number the paper does not print
# (a t, a p, a sum, a percent change) and found the printed one; and `self-consistent`,
# where printed numbers only agree with themselves or a stated cut-off (a p between zero
# and one, a threshold met, one number printed twice alike). The second is the weaker
# check.

# %%
score = audit.verdicts_by_section(claims)
counts = score.loc["all"]
report.show_table(
    score.reset_index(),
    caption="Verdicts by paper section; recomputed and self-consistent split the "
    "consistent claims.",
    evidence=["published", "recomputed"],
)

# %%
numbers.glue_many(
    {
        "claims_audit.claim.count": len(claims),
        "claims_audit.consistent.count": counts["consistent"],
        "claims_audit.consistent.recomputed.count": counts["recomputed"],
        "claims_audit.consistent.self_consistent.count": counts["self-consistent"],
        "claims_audit.discrepancy.count": counts["discrepancy"],
        "claims_audit.inconclusive.count": counts["inconclusive"],
        "claims_audit.not_verifiable.count": counts["not-verifiable"],
    },
    evidence="recomputed",
)

# %% [markdown]
# Of the {glue:text}`claims_audit.claim.count` claims,
# {glue:text}`claims_audit.consistent.count` are consistent with the other printed numbers:
# {glue:text}`claims_audit.consistent.recomputed.count` because a number computed again
# agreed, {glue:text}`claims_audit.consistent.self_consistent.count` only because printed
# numbers agree with each other. {glue:text}`claims_audit.discrepancy.count` are not
# consistent, {glue:text}`claims_audit.inconclusive.count` are inconclusive (over the
# rounding of the printed inputs, the recomputed p lies on both sides of the significance
# level) and {glue:text}`claims_audit.not_verifiable.count` cannot be checked without the
# participants' data. Most unverifiable claims are within-arm p-values and the microbiome
# and metabolome statistics.
#
# The same verdicts by kind of check. Colour shows the share of each kind's claims with each
# verdict, so rare kinds of check read as clearly as common ones; the numbers are counts.

# %%
report.save(
    plots.verdict_heatmap(claims, rows="check_kind"),
    "claims_audit_verdicts_by_check",
    caption="Verdicts of the claims audit by kind of check: counts, coloured by their "
    "share of the row.",
    evidence="recomputed",
)

# %% [markdown]
# ### Every claim
#
# {bdg-primary}`published` {bdg-success}`recomputed` The whole registry, searchable: type a
# claim id, a table or a word such as "discrepancy" in the search box. The `evidence` column
# says how each verdict was reached and `note` gives the arithmetic.

# %%
columns = ["claim_id", "verdict", "quantity", "published_value", "recomputed_value"]
show(
    claims[[*columns, "evidence", "note"]].rename(
        columns=lambda c: c.replace("_", " ")
    ),
    connected=False,
    pageLength=10,
    classes="display compact",
    scrollX=True,
    autoWidth=False,
    columnDefs=[{"width": "16em", "targets": 2}, {"width": "48em", "targets": 6}],
)

# %% [markdown]
# ## Discrepancies, ranked
#
# We rank the discrepancies by what they would change in the paper's conclusions, not by
# their number. The arithmetic of each is in the `note` column above; here we say it in
# words, with the numbers glued from the audit. The order is kept as data,
# `audit.DISCREPANCY_RANKING` (the tests check that it names only discrepancies), and
# `audit.discrepancy_values` reads the first number of each printed and recomputed value.

# %%
values = audit.discrepancy_values(claims)
values.index = "claims_audit." + values["claim_id"].str.replace(".", "_")
printed = values["printed"].rename(lambda key: f"{key}.printed")
recomputed = values["recomputed"].rename(lambda key: f"{key}.recomputed")
numbers.glue_many(printed.to_dict(), evidence="published")
numbers.glue_many(recomputed.to_dict(), evidence="recomputed")
t4_p_m6 = report.p_text(recomputed["claims_audit.t4_p_m6.recomputed"])
numbers.glue("claims_audit.t4_p_m6.recomputed_text", t4_p_m6, evidence="recomputed")
p_above_one = (claims["check_kind"] == "p_range") & (claims["verdict"] == "discrepancy")
numbers.glue(
    "claims_audit.p_above_one.count", int(p_above_one.sum()), evidence="published"
)

# %% [markdown]
# ### Serum phosphorus and calcium: words without numbers
#
# The abstract and the closing paragraph (paper §4) say that the fortified milk raised
# phosphorus. Table 3 prints the same HCM mean at baseline and at six months, with a
# within-arm p far from significance; the arms differ at six months only because the
# control arm's mean fell. Likewise §3.3 calls the rise in blood calcium in HCM
# significant compared with CM at six months, while Table 3 prints a between-arm p of
# {glue:text}`claims_audit.q3_3_calcium_between_m6.recomputed:.3f`. These are the claims of the
# abstract that the tables contradict, so they matter most.
#
# §3.2 opens by saying the milk had a significant positive effect at every skeletal site;
# the same paragraph reports falls at the right hip in both arms, a fall at the left femoral
# neck between six and twelve months, and no significant change at the right femoral neck.
#
# ### 25(OH)D categories (Table 4)
#
# The control arm's counts at twelve months add to
# {glue:text}`claims_audit.t4_counts_cm_m12.recomputed:.0f`, not
# {glue:text}`claims_audit.t4_counts_cm_m12.printed:.0f`: two women are missing. The printed Z
# values are reproduced exactly by a rank-sum test with tie correction on the counts as
# printed, so the test was run on the incomplete table. Table 4 prints p
# {glue:text}`claims_audit.t4_p_m6.printed:.4f` at six months where the Z gives
# {glue:text}`claims_audit.t4_p_m6.recomputed_text`, and the text's "both p below" the same
# threshold is false at twelve months (p {glue:text}`claims_audit.r3_3_ohd_z_p.recomputed:.5f`).
# None of this changes the conclusion, which holds at any usual level, but a key secondary
# endpoint was analysed on a table with missing participants.
#
# ### Serum metabolites (Table 5, §3.5)
#
# Table 5 numbers its rows with only {glue:text}`claims_audit.t5_numbering.recomputed:.0f`
# distinct numbers: some are repeated and others skipped. It lists
# {glue:text}`claims_audit.r3_5_n_total.recomputed:.0f` rows where §3.5 states
# {glue:text}`claims_audit.r3_5_n_total.printed:.0f`;
# {glue:text}`claims_audit.r3_5_n_up.recomputed:.0f` rows are marked up and
# {glue:text}`claims_audit.r3_5_n_down.recomputed:.0f` down where the text says
# {glue:text}`claims_audit.r3_5_n_up.printed:.0f` and
# {glue:text}`claims_audit.r3_5_n_down.printed:.0f`.
# {glue:text}`claims_audit.p_above_one.count` printed p-values exceed one, which no
# probability can, and two rows (Equol, L-arabinitol) are marked down although their fold
# changes are above one. The Methods' own cut-off (fold change of at least two) is met by
# only {glue:text}`claims_audit.m2_4_fc_up.recomputed:.0f` of the up-regulated rows. The
# differential-metabolite list, on which the pathway conclusions rest, cannot be taken at
# face value.
#
# ### Firmicutes-to-Bacteroidetes ratios (§3.4)
#
# From the mean abundances printed with Figure 4, the six-month ratio is
# {glue:text}`claims_audit.r3_4_fb_hcm_after.recomputed:.3f` in HCM (printed
# {glue:text}`claims_audit.r3_4_fb_hcm_after.printed:.3f`) and
# {glue:text}`claims_audit.r3_4_fb_cm_after.recomputed:.3f` in CM (printed
# {glue:text}`claims_audit.r3_4_fb_cm_after.printed:.3f`). The directions of change survive, the
# sizes do not; a ratio of means is also not the mean of the participants' ratios.
#
# ### Baseline table (Table 2)
#
# For the right hip, the printed means, SDs and group sizes give a t of about
# {glue:text}`claims_audit.t2_right_hip_bmd_statistic.recomputed:.2f` and p of about
# {glue:text}`claims_audit.t2_right_hip_bmd_p.recomputed:.3f`, not the printed
# {glue:text}`claims_audit.t2_right_hip_bmd_statistic.printed:.2f` and
# {glue:text}`claims_audit.t2_right_hip_bmd_p.printed:.3f`. The AST and alkaline phosphatase
# (ALP) p-values look transposed: the printed U gives
# {glue:text}`claims_audit.t2_ast_p.recomputed:.3f` and
# {glue:text}`claims_audit.t2_alp_p.recomputed:.3f`, which is what Table 3 prints for the same
# baseline comparison. Table 3 also prints a different baseline PINP mean
# ({glue:text}`claims_audit.t3_pinp_hcm_m0_same_as_t2.printed:.2f` against Table 2's
# {glue:text}`claims_audit.t3_pinp_hcm_m0_same_as_t2.recomputed:.2f`). For height, the printed t
# gives p {glue:text}`claims_audit.t2_height_p_from_statistic.recomputed:.3f`, just short of the
# printed {glue:text}`claims_audit.t2_height_p_from_statistic.printed:.3f`. Baseline balance is
# not in doubt: these are copying slips.
#
# ### A cited result (§4)
#
# The discussion cites a gain in spine BMD with a confidence interval that excludes zero and
# calls it not significant; both cannot hold for the usual Wald interval. It concerns
# another study, not this trial.
#
# ## Summary
#
# - {glue:text}`claims_audit.consistent.count` claims are consistent with the rest of the
#   paper, {glue:text}`claims_audit.consistent.recomputed.count` of them by a number
#   computed again; {glue:text}`claims_audit.discrepancy.count` are not.
# - The discrepancies that touch the conclusions are claims in words (phosphorus, calcium,
#   all BMD sites), the Table 4 counts and the Table 5 metabolite list.
# - {glue:text}`claims_audit.not_verifiable.count` claims need participant data; the
#   re-analysis chapter asks what the BMD results would look like under the analyses the
#   paper did not run.
#
# ## Exercises
#
# ```{exercise}
# :label: claims-audit-rounding
#
# Why does the audit compare a printed number with a *range* of recomputed values rather
# than with the value recomputed from the printed inputs? Find a claim in the table above
# whose verdict would change if rounding were ignored.
# ```
#
# ```{solution} claims-audit-rounding
# :class: dropdown
#
# Printed inputs are rounded, so the value computed from them is off by an amount that
# depends on how many digits were printed. Table 2's L1–4 BMD row is a good example: the
# printed means and SDs give a t slightly different from the printed one, but some true
# values that round to the printed inputs reproduce it exactly, so it is consistent.
# ```
#
# ```{exercise}
# :label: claims-audit-ties
#
# Table 2 prints a Mann–Whitney U and its p. A tie correction lowers the p of a given U.
# Use `audit.check_mann_whitney` to see which p the printed U for AST gives, and explain why
# the audit does not accept ties as the explanation for the printed p.
# ```
#
# ```{solution-start} claims-audit-ties
# :class: dropdown
# ```

# %%
ties = audit.check_mann_whitney("1,050", n1=51, n2=46, p="0.357")
report.show_table(
    ties[["variant", "recomputed", "verdict"]],
    caption="The p of Table 2's printed U for AST (U = 1,050), with and without ties.",
    evidence="recomputed",
)

# %% [markdown]
# Without ties the U gives a p near the value Table 3 prints for the same comparison. To
# bring it down to the Table 2 value, the tie correction would have to be as large as if a
# large share of the women had exactly the same AST, which a laboratory measure does not
# produce (see the note of claim `t2.ast.p`).
#
# ```{solution-end}
# ```
#
# ```{exercise}
# :label: claims-audit-what-if
#
# Suppose the two missing control-arm women in Table 4 at twelve months were both in the
# deficient category. Rerun the check with `audit.verify(overrides=...)` and see whether the
# counts and the Z stay consistent.
# ```
#
# ```{solution-start} claims-audit-what-if
# :class: dropdown
# ```

# %%
what_if = audit.verify(overrides={"t4.deficient.cm.m12": "8"}).set_index("claim_id")
report.show_table(
    what_if.loc[
        ["t4.counts.cm.m12", "t4.z.m12"], ["recomputed_value", "verdict", "note"]
    ],
    caption="Two claims of Table 4 re-checked with the CM deficient count at 12 months read "
    "as 8.",
    evidence="recomputed",
    hide_index=False,
)

# %% [markdown]
# The counts now add up, but the printed Z is no longer reproduced: the published test was
# run on the table with two women missing.
#
# ```{solution-end}
# ```
