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
# (context)=
# # The trial in the gut–bone literature
#
# Where the trial's microbial and metabolic findings sit beside a large observational study
# and a recent systematic review, one genus, pathway or mechanism per row, with the audit's
# verdict on the trial's own claim beside each.
#
# *Evidence on this page:* {bdg-primary}`published` {bdg-dark}`not-verifiable`
#
# ## Overview
#
# The paper's Discussion (§4) reads its gut-microbiota and metabolome results as a mechanism:
# fortified milk shifts the gut flora towards short-chain-fatty-acid producers, changes
# steroid and arachidonic-acid metabolism, and so protects bone. This page asks a reader's
# first question about such a story: do other studies point the same way?
#
# We compare the trial with two sources that bear on the same genera and pathways: a
# two-cohort observational study of older men and of men and women in Framingham
# {cite}`okoro2023`, and a recent systematic review of gut-microbiota interventions in
# postmenopausal osteoporosis {cite}`microbiota_review_2026`. Two shorter pieces serve as
# background only {cite}`gut_bone_news,gut_bone_blog`.
#
# Every row below is our reading of the sources, kept as data in `data/curated` so it can be
# reviewed line by line; whether two sources agree is computed from the directions recorded
# there, not written by hand.

# %% tags=["parameters"]
data_dir = "data/simulated"  # participant data; this page uses published sources only
seed = 2025  # unused here; every notebook takes the same parameters

# %%
from milkbone import published, report
from milkbone.analysis import literature
from milkbone.published import curated

numbers = report.Numbers()

# %% [markdown]
# ## The sources and how far to trust them
#
# Only the paper itself is a primary source here. The other documents are a lay summary of a
# review, a news article about a cohort study, and two background pieces: they report what
# others found, in their own words, without numbers we could check.

# %%
sources, context = curated.literature()
report.show_table(
    sources.rename(columns={"what_it_reports": "what it reports"}),
    caption="The sources compared on this page, with the kind of document each is. "
    "A secondary source reports another study's findings; we cite the study and say "
    "through which document we read it.",
    evidence="published",
)

# %%
numbers.glue(
    "context.secondary.count", int(sources["secondary"].sum()), evidence="published"
)
numbers.glue("context.sources.count", len(sources), evidence="published")

# %% [markdown]
# Of the {glue:text}`context.sources.count` documents,
# {glue:text}`context.secondary.count` are secondary. Their claims are weaker evidence than a
# paper's own numbers: a summary can drop qualifications, and we cannot see effect sizes.
#
# ## The trial beside the cohort study and the review
#
# Each row gives the trial's finding with the paper's location and the audit's verdicts on
# the claims behind it, then what the cohort study and the review report on the same topic.
# The agreement columns compare directions only: *agreement* when both sources tie the topic
# to healthier bone (or both to worse bone), *conflict* when they point opposite ways, *not
# tested in the trial* when only the other source reports it.

# %%
table = literature.context_table(context, published.claims())
report.show_table(
    table.rename(columns=lambda c: c.replace("_", " ")),
    caption="The trial's gut and metabolic findings beside the two-cohort study "
    "{cite}`okoro2023` and the review {cite}`microbiota_review_2026`; agreement "
    "computed from the directions in `data/curated/literature_context.csv`.",
    evidence=["published", "not-verifiable"],
)

# %%
counts = table["cohort_agreement"].value_counts()
numbers.glue_many(
    {
        "context.topics.count": len(table),
        "context.cohort_agreement.count": int(counts.get("agreement", 0)),
        "context.cohort_conflict.count": int(counts.get("conflict", 0)),
        "context.not_in_trial.count": int(counts.get("not tested in the trial", 0)),
    },
    evidence="published",
)

# %% [markdown]
# Over {glue:text}`context.topics.count` topics, the trial and the cohort study point the same
# way on {glue:text}`context.cohort_agreement.count` and opposite ways on
# {glue:text}`context.cohort_conflict.count`; on {glue:text}`context.not_in_trial.count` the
# cohort study reports genera the trial never mentions, among them the one genus linked to
# lower bone density in both of its cohorts.

# %% [markdown]
# ## What the comparison can and cannot say
#
# The two agreements are worth naming. *Faecalibacterium*, which the trial correlates with
# spine bone density at twelve months (paper §3.7), goes with denser bone in the pooled
# cohorts; and purine metabolism appears on both sides, as the trial's adenine correlation
# and as one of the cohort study's bone-related pathways. Neither is a test of the milk: the
# trial's correlations pool both arms, and the cohort study is observational.
#
# The verdict column matters as much as the agreement. Every trial finding in the table rests
# on p-values from sequencing or metabolomics software that the book cannot recompute
# (verdict *not-verifiable*; see {doc}`40_claims_audit`). Agreement with the literature
# raises the plausibility of a finding; it does not check the number.
#
# Two tensions are visible in the rows themselves. The Abstract calls *Bacteroides*
# beneficial, while the paper's own Discussion cites work associating *Bacteroides* with
# osteoporosis (§4). And adenine, which §3.7 ties to denser spine bone, was *lower* with
# high-calcium milk at twelve months (Table 5), so it cannot carry a benefit of the milk in
# the way Figure 8 draws it; {doc}`33_joint_analysis` shows that arrow with its evidence.
#
# ## Summary
#
# - The trial's microbial story agrees in direction with a large cohort study on two topics
#   and with the review's general mechanisms (short-chain fatty acids, endocrine signalling).
# - None of the trial's microbial or metabolic p-values can be checked from printed numbers.
# - The secondary sources report no effect sizes; treat them as context, not confirmation.
#
# ## Exercises
#
# ```{exercise}
# :label: context-secondary
#
# The cohort study is read here through a news article. List two things a news summary of an
# observational study can leave out that would change how you weigh its agreement with the
# trial.
# ```
#
# ```{solution} context-secondary
# :class: dropdown
#
# Effect sizes and their uncertainty (a tiny association can be "significant" in two thousand
# people), and the adjustment set (age, sex, body size, diet, medication): without them one
# cannot tell whether the genus marks bone density or something that travels with it. Also
# the number of genera tested, which bears on how many associations chance alone produces.
# ```
#
# ```{exercise}
# :label: context-association-intervention
#
# The cohort study links *Faecalibacterium* to denser bone; the trial correlates it with spine
# bone density. Does either finding show that raising *Faecalibacterium* (for example with
# fortified milk) would raise bone density? What design would?
# ```
#
# ```{solution} context-association-intervention
# :class: dropdown
#
# No. Both are associations across people. The trial's randomisation protects the comparison
# of the two arms, not a correlation pooled across them. A design that could speak to it would
# randomise an intervention that changes the genus, show that it changes, and test whether the
# change in bone density is mediated by it (with the usual cautions of mediation analysis).
# ```
#
# ```{exercise}
# :label: context-conflict
#
# Open `data/curated/literature_context.csv` and change the trial's direction for
# *Bacteroides* to `-`, as the paper's Discussion citation would suggest. Rerun the page with
# `milkbone run notebooks/35_context.py`. Which agreement cells change, and why do so few?
# ```
#
# ```{solution} context-conflict
# :class: dropdown
#
# None of the agreement cells change: neither the cohort study nor the review reports
# *Bacteroides*, so both comparisons stay *not studied*. A direction only matters where
# another source reports the same topic, which is why the table shows so many *not studied*
# cells: the sources looked at different genera.
# ```
