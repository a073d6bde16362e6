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
# (data-provenance)=
# # Where the published numbers come from
#
# Every number this book quotes from the paper sits in one of the files of `data/published/`,
# copied from the paper's text exactly as printed and stored next to the value we read from
# it. This page lists those files, counts what they hold and shows every place where reading
# the paper needed a judgement.
#
# *Evidence on this page:* {bdg-primary}`published`
#
# ## Overview
#
# The trial's participant-level data are not public, so the paper's printed numbers are the
# only evidence the book can check (see {doc}`/book/evidence`). Before any check, the numbers
# have to be read: the six tables, the participant flow and every number in the prose of the
# Abstract, Methods and Results.
#
# Three rules guided the transcription. Cell texts are copied by a script from the paper's
# text file, never retyped, so minus signs, narrow spaces and thousand separators stay as
# printed. A number that cannot be right (a p-value above one, say) is kept as printed and
# flagged; judging it is the audit's job. Where a cell can be read in more than one way, the
# file records the reading we chose and flags it.
#
# The method this page teaches is the *tidy transcription*: one row per printed cell, with its
# location, its text and its parsed value, described by a schema that is checked on every load.

# %% tags=["parameters"]
data_dir = "data/simulated"  # unused: this page reads only data/published
seed = 2025  # unused: nothing here is random

# %%
from milkbone import plots, published, report

plots.use_style()
numbers = report.Numbers()

# %% [markdown]
# ## Data
#
# The files and their sizes, as the loader reads them. "Printed rows" counts the body rows of a
# table as the paper prints them; "rows" counts the file's rows (one per printed cell for the
# tables).

# %%
overview = published.sources()
report.show_table(
    overview[["file", "description", "printed_rows", "rows", "flagged"]],
    caption="Files of `data/published/`, from the paper (Tables 1–6, §2, §3, §4).",
    evidence="published",
)

# %% [markdown]
# Each file is described column by column in `datapackage.json` (frictionless Table Schema);
# the loader builds a pandera schema from it and refuses a file that does not match, naming the
# file, line and column.

# %%
for row in overview.itertuples():
    numbers.glue(f"data_provenance.{row.resource}.rows", row.rows, evidence="published")
    numbers.glue(
        f"data_provenance.{row.resource}.printed_rows",
        row.printed_rows,
        evidence="published",
    )

# %% [markdown]
# ## What the paper reports
#
# Table 5 of the paper prints {glue:text}`data_provenance.table5.printed_rows` metabolite rows,
# although the text of §3.5 announces more; the claims audit weighs the difference. The prose
# gives {glue:text}`data_provenance.prose.rows` numbers, and together with the tables they make
# {glue:text}`data_provenance.claims.rows` claims in the registry.

# %%
claims = published.claims()
by_kind = claims.groupby("check_kind").size().rename("claims").reset_index()
report.show_table(
    by_kind.sort_values("claims", ascending=False),
    caption="Claims by the kind of check that can test them (registry `claims.csv`).",
    evidence="published",
)

# %%
unverifiable = int((claims["evidence"] == "not-verifiable").sum())
numbers.glue(
    "data_provenance.claims.not_verifiable.count", unverifiable, evidence="published"
)
numbers.glue(
    "data_provenance.claims.checkable.count",
    len(claims) - unverifiable,
    evidence="published",
)

# %% [markdown]
# Of these, {glue:text}`data_provenance.claims.checkable.count` can be tested from printed numbers
# alone; {glue:text}`data_provenance.claims.not_verifiable.count` need participant data or the
# outputs of software the authors ran (MetagenomeSeq, MetaboAnalyst, random forests,
# correlations), or are within-arm tests that need paired data.
#
# ## What was hard to read
#
# Most cells read plainly. The table below lists every kind of judgement we had to make, with
# the cells concerned and the reading chosen.

# %%
judgements = published.flags()
report.show_table(
    judgements,
    caption="Interpretation flags recorded in the tables (first five cells of each), "
    "with the reading of that flag for the first cell.",
    evidence="published",
)

# %%
per_table = judgements.groupby("table")["cells"].sum()
for name, cells in per_table.items():
    key = f"data_provenance.{name.lower().replace(' ', '')}.flagged_cells"
    numbers.glue(key, int(cells), evidence="published")

# %% [markdown]
# Some cells carry two flags, and then two rows of the table list the same cells: a row
# number of Table 5 that is printed twice also stands out of sequence, and every intensity of
# Table 6 both mixes number styles and leaves its arm unstated. Each flag keeps its own
# reading (the file joins a cell's readings with a vertical bar, in the order of its flags).
#
# The judgements fall into four groups.
#
# - **Footnote digits glued to numbers (Table 3).** In the upper half of the table every standard
#   deviation ends in a superscript mark that the text extraction flattened into its last digit;
#   Table 2 prints the same baseline SDs one digit shorter, which settles the reading. Two cells
#   in that half have no extra digit and are flagged as ambiguous. The lower half carries no
#   marks at all, so its digits are read as printed, and the few whose last digit could be a
#   mark are flagged too ({glue:text}`data_provenance.table3.flagged_cells` flagged cells).
# - **Which statistic a column holds (Table 2).** The t/U column mixes t statistics and
#   Mann–Whitney U values; we read whole numbers above one hundred as U, and commas in them as
#   thousand separators.
# - **Values that cannot be right (Table 5).** Some p-values exceed one, two row numbers repeat,
#   two arrows disagree with their fold change, one name lost its beginning and one p-value is
#   printed as zero. All are kept as printed
#   ({glue:text}`data_provenance.table5.flagged_cells` flagged cells).
# - **Mixed number formats (Table 6).** Intensities are printed sometimes with thousand
#   separators and sometimes with a decimal point, and the table does not say whose intensities
#   they are ({glue:text}`data_provenance.table6.flagged_cells` flagged cells).
#
# The participant flow has one gap the paper leaves open: it never says how the withdrawals
# split between the arms. That row is kept with an empty value rather than a guess.

# %%
flow = published.flow()
report.show_table(
    flow[["quantity", "printed", "value", "group", "location", "flag"]],
    caption="Participant flow as stated in §2.1, §2.2, §3.1 and the Abstract (empty: unstated).",
    evidence="published",
)

# %% [markdown]
# ## Summary
#
# The book's published numbers come from {glue:text}`data_provenance.claims.rows` claims over
# six tables, the participant flow and the prose. Every judgement made while reading them is
# flagged in the files and listed above, and the audit decides what they mean for the paper.
#
# ## Exercises
#
# ```{exercise}
# :label: provenance-ex-footnote
#
# Load Table 3 with `published.table` and keep the mean ± SD cells of one upper-half
# measure. Put the footnote marks of one arm side by side: which visits does the table say
# differ?
# ```
#
# ```{solution} provenance-ex-footnote
# :class: dropdown
#
# Filter `cell_kind == "mean_sd"` and one `measure`, then read `footnote` by `month`. The same
# mark means no significant difference between those visits, different marks a significant one.
# ```
#
# ```{exercise}
# :label: provenance-ex-schema
#
# Copy `data/published/` to a temporary folder, change one `group` value of Table 2 to a
# misspelling and load Table 2 from there with the `folder` keyword. What does the error say?
# ```
#
# ```{solution} provenance-ex-schema
# :class: dropdown
#
# The loader refuses the file: it names the file, the column `group`, the file line and the
# value found, and lists the allowed values from `datapackage.json`.
# ```
#
# ```{exercise}
# :label: provenance-ex-table5
#
# Count the rows of Table 5 by phase and by arrow. Compare with the counts §3.5 states.
# ```
#
# ```{solution} provenance-ex-table5
# :class: dropdown
#
# Keep the cells of the Variation column and group them by `month` and `direction`. The claims
# registry's `list_count` rows of §3.5 hold the counts stated in the text for the audit.
# ```
