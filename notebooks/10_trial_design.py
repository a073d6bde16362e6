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
# (trial-design)=
# # Trial design (paper §2)
#
# Who took part, what each arm drank and how many women finished: the paper's Table 1 and
# Figure 1, rebuilt by code from transcribed numbers.
#
# *Evidence on this page:* {bdg-primary}`published` {bdg-success}`recomputed`
#
# ## Overview
#
# The trial (paper §2.1–2.2) enrolled postmenopausal women from Beijing communities with low
# bone mass or osteoporosis and randomised them to one of two fresh milks, 400 mL a day for
# a year. The milks differ only in what was added to the high-calcium one: calcium from milk
# minerals, vitamin D and casein phosphopeptides (CPP).
#
# Two things on this page can be checked from published numbers alone: whether the
# participant counts add up, and how much calcium and vitamin D each arm actually received
# per day. The second needs one assumption the paper leaves unstated, the density of milk,
# because Table 1 gives contents per 100 g while the dose is given in millilitres.

# %% tags=["parameters"]
data_dir = "data/simulated"  # participant data; this page uses published numbers only
seed = 2025  # unused here; every notebook takes the same parameters
daily_volume_ml = 400  # milk drunk per day (paper §2.2)
milk_density_g_per_ml = 1.03  # assumed: Table 1 is per 100 g, the dose is in mL

# %%
from milkbone import plots, published, report
from milkbone.analysis import design

plots.use_style()
numbers = report.Numbers()

# %% [markdown]
# ## Participant flow (Figure 1)
#
# The counts come from the transcribed prose of §2.1 and §3.1. We first check that they add
# up: the women who completed must be those enrolled minus those who withdrew, and the two
# arms must together make up the completers.

# %%
flow = published.flow()
report.show_table(
    flow[["quantity", "printed", "group", "location", "note"]],
    caption="Participant counts as printed, with where each is printed. An empty value "
    "means the paper does not state it.",
    evidence="published",
)

# %%
counts = design.flow_counts(flow)
arithmetic = design.flow_arithmetic(**counts)
report.show_table(
    arithmetic,
    caption="The flow's arithmetic, from the printed counts.",
    evidence="recomputed",
)

# %% [markdown]
# The identity holds. The paper does not say in which arm the withdrawals were, nor whether
# they left before or after randomisation, so the chart leaves that open rather than guess.
# The abstract adds a wrinkle: it describes the completers as the women recruited and
# randomised, while §2.1 counts more women enrolled; the claims audit records the conflict.

# %%
numbers.glue_many(
    {
        "trial_design.enrolled.count": counts["enrolled"],
        "trial_design.withdrawn.count": counts["withdrawn"],
        "trial_design.analysed.hcm.count": counts["analysed"]["HCM"],
        "trial_design.analysed.cm.count": counts["analysed"]["CM"],
    },
    evidence="published",
)
numbers.glue(
    "trial_design.completed.count", arithmetic["right"].iloc[0], evidence="recomputed"
)

# %%
fig = plots.participant_flow(**counts)
report.save(
    fig,
    "fig1",
    caption=(
        "**Figure 1.** Participant flow, drawn from the counts printed in paper §2.1 and §3.1. "
        "The arm of the women who withdrew is not reported."
    ),
    evidence="published",
)

# %% [markdown]
# Of {glue:text}`trial_design.enrolled.count` women enrolled,
# {glue:text}`trial_design.withdrawn.count` withdrew to take medication, leaving
# {glue:text}`trial_design.completed.count` who completed the year:
# {glue:text}`trial_design.analysed.hcm.count` in the high-calcium milk arm (HCM) and
# {glue:text}`trial_design.analysed.cm.count` in the control milk arm (CM). Every later
# analysis in the paper uses these completers only, which is a per-protocol rather than an
# intention-to-treat analysis (see the exercises).
#
# ## What the two milks contain (Table 1)
#
# Table 1 of the paper lists the composition of both milks per 100 g, as printed.

# %%
composition = design.milk_composition(published.table(1))
report.show_table(
    design.side_by_side(composition, values="printed"),
    caption=(
        "**Table 1.** Composition of the two milks per 100 g, as printed in the paper "
        "(a dash means the paper gives no value)."
    ),
    evidence="published",
)

# %% [markdown]
# ## Daily intake from the milk
#
# To turn contents per 100 g into a daily dose we multiply by the grams drunk per day, the
# daily volume $V$ times the density of milk $\rho$:
#
# $$
# \text{intake per day} = c \times \frac{V \rho}{100\ \mathrm{g}},
# $$
#
# where $c$ is the content per 100 g printed in Table 1. The density is our assumption, not
# the paper's.

# %%
intake = design.daily_intake(
    composition, daily_volume_ml=daily_volume_ml, density_g_per_ml=milk_density_g_per_ml
)
daily = design.side_by_side(intake, values="per_day")
daily["HCM − CM"] = daily["HCM"] - daily["CM"]

# %%
report.show_table(
    daily.round(1),
    caption=(
        "**Table 1, derived.** Daily intake from the study milk for "
        f"{daily_volume_ml} mL a day at an assumed density of {milk_density_g_per_ml} g/mL."
    ),
    evidence="recomputed",
)


# %%
per_day = intake.set_index(["nutrient", "group"])["per_day"]
calcium_contrast = per_day["Calcium", "HCM"] - per_day["Calcium", "CM"]
numbers.glue("trial_design.milk.volume_ml", daily_volume_ml, evidence="published")

# %%
numbers.glue_many(
    {
        "trial_design.milk.density": milk_density_g_per_ml,
        "trial_design.milk.grams_per_day": intake["grams_per_day"].iloc[0],
        "trial_design.calcium.hcm.per_day": per_day["Calcium", "HCM"],
        "trial_design.calcium.cm.per_day": per_day["Calcium", "CM"],
        "trial_design.calcium.between_arms.difference": calcium_contrast,
        "trial_design.vitamin_d.hcm.per_day": per_day["Vitamin D", "HCM"],
        "trial_design.cpp.hcm.per_day": per_day["Casein phosphopeptide", "HCM"],
    },
    evidence="recomputed",
)

# %% [markdown]
# At {glue:text}`trial_design.milk.volume_ml` mL a day and
# {glue:text}`trial_design.milk.density:.2f` g/mL, each woman drank about
# {glue:text}`trial_design.milk.grams_per_day:.0f` g of milk. That brought about
# {glue:text}`trial_design.calcium.hcm.per_day:.0f` mg of calcium a day in the HCM arm and
# {glue:text}`trial_design.calcium.cm.per_day:.0f` mg in the CM arm: the contrast the trial
# tests is an extra {glue:text}`trial_design.calcium.between_arms.difference:.0f` mg of
# calcium a day, together with about {glue:text}`trial_design.vitamin_d.hcm.per_day:.1f` µg
# of vitamin D and {glue:text}`trial_design.cpp.hcm.per_day:.0f` mg of CPP, all three at
# once. The design cannot separate their effects, a point the authors raise themselves
# (paper §4, limitations).
#
# Both arms drank the same amount of milk, so the control arm is an active comparator: it
# too received calcium, about half as much. Effects of "drinking milk" are therefore not
# what the between-arm comparisons measure.

# %%
numbers.glue_many(
    {
        "trial_design.calcium.between_arms.density_effect": calcium_contrast
        * (1 - 1 / milk_density_g_per_ml),
        "trial_design.allocation.cm.if_all_withdrew": counts["analysed"]["CM"]
        + counts["withdrawn"],
    },
    evidence="recomputed",
)

# %% [markdown]
# ## Summary
#
# - The participant counts of §2.1 and §3.1 add up
#   ({glue:text}`trial_design.enrolled.count` − {glue:text}`trial_design.withdrawn.count` =
#   {glue:text}`trial_design.completed.count`); the arm of the withdrawals is not reported.
# - The arms differ by about {glue:text}`trial_design.calcium.between_arms.difference:.0f` mg
#   of calcium a day plus vitamin D and CPP, under our density assumption.
#
# ## Exercises
#
# ```{exercise}
# :label: trial-design-density
#
# Table 1 gives contents per 100 g. How much does the daily calcium contrast between the
# arms change if you ignore density (treat a millilitre as a gram)? Rerun this page with
# `milkbone run notebooks/10_trial_design.py -p milk_density_g_per_ml 1.0` and compare.
# ```
#
# ```{solution} trial-design-density
# :class: dropdown
#
# The contrast scales linearly with the grams drunk, so at a density of one it shrinks in
# proportion
# to the density: by about {glue:text}`trial_design.calcium.between_arms.density_effect:.0f`
# mg a day. The assumption matters far less than the fact that both arms received calcium
# from milk.
# ```
#
# ```{exercise}
# :label: trial-design-itt
#
# The analyses use the completers only. Suppose all the women who withdrew had been in the
# control arm. What would the allocation have been, and why does an analysis restricted to
# completers weaken the protection that randomisation gives?
# ```
#
# ```{solution} trial-design-itt
# :class: dropdown
#
# The control arm would have had {glue:text}`trial_design.allocation.cm.if_all_withdrew` women
# randomised against {glue:text}`trial_design.analysed.hcm.count`. Randomisation
# balances the arms only as allocated; women who leave an arm for a reason related to the
# outcome (here, choosing medication, perhaps because of worse bone density) make the
# completers of the two arms no longer comparable. An intention-to-treat analysis keeps
# everyone in the arm they were randomised to.
# ```
#
# ```{exercise}
# :label: trial-design-vitamin-d
#
# Vitamin D is often dosed in international units (1 µg = 40 IU). Using the `intake` table
# above, how many IU a day did the high-calcium milk supply?
# ```
#
# ```{solution-start} trial-design-vitamin-d
# :class: dropdown
# ```

# %%
per_day["Vitamin D", "HCM"] * 40

# %% [markdown]
# ```{solution-end}
# ```
