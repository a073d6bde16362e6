"""The claims registry: every numeric claim of the paper, one row each, with the check it needs.

:func:`build_claims` builds it from the published tables and prose numbers
(:mod:`milkbone.published.registry_tables`, :mod:`milkbone.published.registry_text`);
the committed ``claims.csv`` adds the audit's verdicts (:func:`milkbone.published.claims`).

Check kinds
-----------
``check_kind`` of a claim says how the audit (:mod:`milkbone.audit`) can test it:

- ``t_from_summary``: printed t and/or p of a between-arm t-test (Table 2), from the
  printed means, SDs and group sizes;
- ``p_from_summary``: printed between-arm p only (Table 3 "P-value" rows at 6 and 12
  months), from means, SDs and group sizes (Table 3's baseline p is Table 2's
  Mann–Whitney p printed again: it is checked from Table 2's U and as
  ``same_quantity``);
- ``mann_whitney_p_from_u``: printed U with its p; p from U and the group sizes;
- ``percent_change``: a prose percent change recomputed from table means;
- ``ratio``: a ratio recomputed from printed parts (Firmicutes/Bacteroidetes);
- ``counts_sum``: counts that must add up (group sizes, participant flow);
- ``ordinal_test``: Table 4's Z from the category counts;
- ``p_from_statistic``: a printed p from a printed Z or t;
- ``p_range``: a printed p-value that must lie in [0, 1];
- ``direction``: an arrow (↑/↓) against its fold change;
- ``threshold``: a printed value against a stated cut-off (VIP, p, FC, reference ranges,
  Table 6's AUC bands);
- ``list_count``: a stated count against the listed items (numbering, duplicates);
- ``same_quantity``: one quantity printed in two places;
- ``pooled_summary``: an overall mean ± SD against the two arms' summaries;
- ``grim``: a mean of whole-number data against its group size (AST and ALP, if the
  analyser reports whole U/L);
- ``significance_claim``: words ("significant", "p < x") against the printed p or
  statistic;
- ``ci_significance``: a confidence interval against the significance claimed for it;
- ``within_group``: a within-arm p, which needs paired data (not verifiable);
- ``not_verifiable``: needs participant data or software outputs (MetagenomeSeq,
  KEGG/MetaboAnalyst, random forests, Spearman correlations, figures only).

The rest of the paper (:mod:`milkbone.published.registry_paper`, issue 13):

- ``supported_by``: a claim of the Abstract or the Discussion, in our words, resting on
  Results rows (``inputs``: their claim ids) whose verdicts it inherits; its words are
  checked against printed numbers (``context``: ``compare …``) and its stated visit
  against theirs; with no Results row behind it, it says so;
- ``same_fact``: one fact printed in several places (duration, dose, schedules,
  cut-offs, registration number), ``inputs`` the ``facts.csv`` rows;
- ``category_bounds``: category bounds that must tile a range (Table 4's and Table 6's
  footnotes);
- ``tests_named``: a test or method named in the Methods against those whose output the
  Results report (``inputs``: the sentences naming it);
- ``software_version``: the versions printed for one piece of software or database;
- ``abbreviation``: every expansion printed for one abbreviation, against each other
  and the standard meaning (``data/curated/terms.csv``);
- ``panel_letters``: a figure caption's panel letters against the letters the text cites;
- ``listed_count``: a count stated before the list it counts (``three time points: …``).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from milkbone.published.registry_paper import paper_claims
from milkbone.published.registry_rows import CHECK_KINDS, CLAIM_COLUMNS
from milkbone.published.registry_tables import table_claims
from milkbone.published.registry_text import prose_claims, text_claims
from milkbone.published.tables import TABLE_FILES, measures, prose, resource, table

__all__ = ["CHECK_KINDS", "CLAIM_COLUMNS", "build_claims"]


def build_claims(*, folder: str | Path | None = None) -> pd.DataFrame:
    """Build the claims registry from the published tables and prose numbers.

    One row per checkable or uncheckable numeric claim: every table cell carrying
    a statistic or p-value, every baseline value printed twice, every prose
    number that is a claim (design facts of the Methods are left out), and a few
    claims stated in words that printed numbers can test.

    Parameters
    ----------
    folder : str or Path, optional
        The folder of the published tables and prose; default ``data/published``.

    Returns
    -------
    DataFrame
        Columns ``claim_id, section, location, quantity, published_value, groups,
        timepoint, check_kind, evidence, recomputed_value, verdict, note, context,
        inputs``; ``verdict`` is ``pending`` for a checkable claim and
        ``not-verifiable`` otherwise; ``recomputed_value`` and ``note`` are empty (the
        audit fills them: ``note`` is its arithmetic), while ``context`` says what the
        check must take into account, from the transcription.

    Examples
    --------
    >>> fresh = build_claims()
    >>> fresh.set_index("claim_id").loc["r3_3.ast.hcm.pct_6", ["check_kind", "inputs"]].tolist()
    ['percent_change', 't3.ast.hcm.m0;t3.ast.hcm.m6']
    >>> fresh["claim_id"].is_unique
    True
    """
    tables = {n: table(n, folder=folder) for n in TABLE_FILES}
    labels = measures(folder=folder).set_index("measure")
    ids = [cid for t in tables.values() for cid in t["cell_id"]]
    rows = table_claims(tables, labels) + prose_claims(prose(folder=folder)) + text_claims(ids)
    words = ("sentences", "abbreviations", "panels", "statements", "facts")
    rows += paper_claims(**{name: resource(name, folder=folder) for name in words})
    out = pd.DataFrame(rows, columns=list(CLAIM_COLUMNS))
    if not out["claim_id"].is_unique:
        duplicated = out.loc[out["claim_id"].duplicated(), "claim_id"].tolist()[:5]
        raise ValueError(f"claim ids are not unique: {duplicated}")
    return out
