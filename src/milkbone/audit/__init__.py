"""The summary-level audit: checks computed only from numbers the paper prints.

Every check takes numbers **as the paper prints them** (text such as ``"0.981"``,
``"−1.93"``, ``"<0.001"``, ``"1,063"``) and asks whether they can all be true at once.
Printed numbers are rounded, so each stands for an interval of true values
(:func:`printed_interval`), and a value recomputed from printed inputs is a range too
(:func:`corner_range`). A check is ``consistent`` when the printed interval and the
recomputed range overlap, and a ``discrepancy`` only when no choice of unrounded
inputs reproduces the printed result: the audit never flags a number that rounding
alone can explain.

The modules, one per family of check, then the claims audit:

- :mod:`~milkbone.audit.intervals`: :class:`Interval`, :func:`printed_interval`,
  :func:`corner_range`; :mod:`~milkbone.audit.results`: the common output
  (:data:`CHECK_COLUMNS`), :func:`compare_printed`, :func:`matching_variants`;
- :mod:`~milkbone.audit.pvalues`: p from a t or z, significance in words and CIs;
  :mod:`~milkbone.audit.significance`: the side of the significance level a p range
  lies on;
- :mod:`~milkbone.audit.ttests`: Student and Welch t tests from means, SDs and ns;
- :mod:`~milkbone.audit.ranks` (Mann–Whitney U) and :mod:`~milkbone.audit.ordinal`
  (ordered categories from counts);
- :mod:`~milkbone.audit.counts`, :mod:`~milkbone.audit.changes` (percent changes,
  ratios), :mod:`~milkbone.audit.thresholds` (directions, p in [0, 1], cut-offs),
  :mod:`~milkbone.audit.pooling` (pooled mean and SD), :mod:`~milkbone.audit.grim`;
- :mod:`~milkbone.audit.wording` (facts in several places, category bounds, tests
  named, software versions, abbreviations, figure panels) and
  :mod:`~milkbone.audit.support` (claims of the Abstract and the Discussion through the
  Results rows they rest on): the paper's words;
- :mod:`~milkbone.audit.inputs`, :mod:`~milkbone.audit.dispatch` and the claim
  modules it calls, and :mod:`~milkbone.audit.verify`: the registry checked.

Conventions
-----------
- Every ``check_*`` function returns a tidy frame in the :data:`CHECK_COLUMNS`
  schema, one row per compared quantity and variant, ``verdict`` one of
  :data:`milkbone.VERDICTS` and ``evidence`` always ``"recomputed"``.
- Printed values may be given as text (rounding-aware) or as numbers (taken as exact).
- Options are keyword-only; inputs are validated before any arithmetic and bad input
  raises :class:`ValueError` naming the argument and the value.

How a claim is checked
----------------------
Each claim of ``published.claims()`` names a ``check_kind`` and the printed values it
needs (``inputs``: table ``cell_id`` s and prose ``prose_id`` s). :func:`verify` looks
every input up in the published tables and prose (:func:`printed_inputs`), calls the
check of its kind and fills four columns:

- ``verdict``: ``consistent`` when some choice of unrounded inputs (and, for a test
  statistic, some test variant: Student/Welch, with/without continuity or tie
  correction) reproduces the printed value; ``discrepancy`` when none does;
  ``inconclusive`` for a between-arm p of an unnamed test whose t-test p, over the
  inputs' rounding, lies on both sides of the significance level (the printed numbers
  cannot say whether the difference is significant); ``not-verifiable`` for
  ``within_group`` and ``not_verifiable`` claims and for a between-arm p of an unnamed
  test that no t-test reproduces but that every t-test puts on the same side of the
  level (it may be a Mann–Whitney p, which needs ranks); ``pending`` only when no
  check exists for the claim (an unknown kind or an unread claim in words). Each kind
  declares the verdicts it can return (:data:`VERDICTS_BY_KIND`); every kind with a
  check can return ``discrepancy``.
- ``evidence`` (:data:`EVIDENCE_RULE`): ``recomputed`` when the verdict needed a number
  the paper does not print (a statistic, p, sum, count, ratio, percent change, pooled
  value or achievable mean); ``published`` when it only reads printed numbers against
  each other or against a definition or stated cut-off (a p in [0, 1], an arrow
  against the side of 1 its fold change lies on, a value against a threshold, one
  number printed twice, words against a printed p); ``not-verifiable`` otherwise.
- ``recomputed_value``: the value the check implies, written like the printed value
  (same decimals) so that printing it instead would make the claim consistent; a
  short description where no single number applies (``"41 of 51"``).
- ``note``: the arithmetic, in one sentence.

A ``consistent`` verdict reached with ``recomputed`` evidence is a stronger check than one
reached with ``published`` evidence (the claim agreed only with the paper's own printed
numbers: *self-consistent*); :func:`verdict_details` and :func:`verdicts_by_section`
show the two apart.

``milkbone verify`` prints :func:`verdicts_by_section` and :func:`discrepancies`,
writes the registry with :func:`write_registry` and, with ``--strict``, fails on
:func:`changed_verdicts`.
"""

from __future__ import annotations

from milkbone.audit.changes import check_percent_change, check_ratio
from milkbone.audit.counts import check_count, check_numbering, check_repeated_value, check_sum
from milkbone.audit.dispatch import EVIDENCE_RULE, VERDICTS_BY_KIND
from milkbone.audit.grim import check_grim, check_grimmer
from milkbone.audit.inputs import printed_inputs
from milkbone.audit.intervals import Interval, corner_range, printed_interval
from milkbone.audit.ordinal import check_ordinal_counts, ordinal_tests_from_counts
from milkbone.audit.pooling import check_pooled_mean_sd, pooled_mean_sd
from milkbone.audit.pvalues import (
    check_ci_significance,
    check_p_from_t,
    check_p_from_z,
    check_significance_claim,
    p_value_t,
    p_value_z,
)
from milkbone.audit.ranks import check_mann_whitney, mann_whitney_from_u
from milkbone.audit.results import CHECK_COLUMNS, compare_printed, matching_variants
from milkbone.audit.significance import ALPHA, check_significance_side
from milkbone.audit.strength import VERDICT_DETAILS, verdict_details
from milkbone.audit.support import (
    SEVERITY,
    check_change,
    check_order,
    check_support,
    sentence_claims,
    sentence_verdicts,
)
from milkbone.audit.thresholds import check_direction, check_p_range, check_threshold
from milkbone.audit.ttests import check_t_test, t_tests_from_stats, welch_dof, welch_dof_range
from milkbone.audit.verify import (
    DISCREPANCY_RANKING,
    changed_verdicts,
    discrepancies,
    discrepancy_values,
    verdict_counts,
    verdicts_by_section,
    verify,
    write_registry,
    write_verdicts,
)
from milkbone.audit.wording import (
    check_category_bounds,
    check_expansions,
    check_panel_letters,
    check_same_fact,
    check_tests_named,
    check_versions,
    normalise_term,
)

__all__ = [
    "ALPHA",
    "CHECK_COLUMNS",
    "DISCREPANCY_RANKING",
    "EVIDENCE_RULE",
    "SEVERITY",
    "VERDICTS_BY_KIND",
    "VERDICT_DETAILS",
    "Interval",
    "changed_verdicts",
    "check_category_bounds",
    "check_change",
    "check_ci_significance",
    "check_count",
    "check_direction",
    "check_expansions",
    "check_grim",
    "check_grimmer",
    "check_mann_whitney",
    "check_numbering",
    "check_order",
    "check_ordinal_counts",
    "check_p_from_t",
    "check_p_from_z",
    "check_p_range",
    "check_panel_letters",
    "check_percent_change",
    "check_pooled_mean_sd",
    "check_ratio",
    "check_repeated_value",
    "check_same_fact",
    "check_significance_claim",
    "check_significance_side",
    "check_sum",
    "check_support",
    "check_t_test",
    "check_tests_named",
    "check_threshold",
    "check_versions",
    "compare_printed",
    "corner_range",
    "discrepancies",
    "discrepancy_values",
    "mann_whitney_from_u",
    "matching_variants",
    "normalise_term",
    "ordinal_tests_from_counts",
    "p_value_t",
    "p_value_z",
    "pooled_mean_sd",
    "printed_inputs",
    "printed_interval",
    "sentence_claims",
    "sentence_verdicts",
    "t_tests_from_stats",
    "verdict_counts",
    "verdict_details",
    "verdicts_by_section",
    "verify",
    "welch_dof",
    "welch_dof_range",
    "write_registry",
    "write_verdicts",
]
