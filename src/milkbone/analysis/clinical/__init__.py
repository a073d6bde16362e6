"""Statistics of the clinical chapters: Tables 2–4 and Figure 2 (paper §2.5, §3.1–3.3).

Every function takes participant data in the tidy long form of STYLE.md §5,

    participant, group, month, measure, value

(group ``"HCM"``/``"CM"``, month ``0``/``6``/``12``), and returns a new tidy
:class:`pandas.DataFrame` with a RangeIndex, snake_case columns in the documented
order, HCM before CM, and the columns ``n``, ``method`` and ``evidence``. Nothing is
read, printed, plotted or written; the input is never modified.

As pingouin does, one call covers many measures and both arms: ``measures=`` takes one
slug or several (default every measure of the data), ``group=`` one arm or both
(default both), and ``month=`` one visit or several, so a notebook never loops.

Conventions decided once here:

- Rows whose ``value`` is missing (NaN) are dropped before any arithmetic (the loader
  already leaves empty values out); every other problem in the input raises.
- ``evidence`` defaults to ``"simulated"`` because the shipped data are simulated;
  pass ``"observed"`` for real participant data, ``"recomputed"`` or ``"published"``
  only when that is what the numbers are (:data:`milkbone.vocabulary.EVIDENCE_LEVELS`).
- Group differences are HCM − CM; changes over time are later − earlier visit.

The modules follow the paper's methods (§2.5):

- ``descriptive``: :func:`describe`, :func:`normality`;
- ``between``: :func:`compare_groups` (t-test or Mann–Whitney at each visit);
- ``repeated``: :func:`repeated_measures`, :func:`mixed_anova`;
- ``posthoc``: :func:`tukey_within`;
- ``change``: :func:`percent_change`;
- ``ordinal``: :func:`ordinal_categories`, :func:`ordinal_test` (Table 4);
- ``adjusted``: :func:`ancova` and :func:`mixed_model`, the better analyses of a
  randomised trial with baseline values.

What may be shown of results on real data is decided in :mod:`milkbone.report.disclosure`
(``report.guard``), not here.
"""

from milkbone.analysis.clinical._checks import COLUMNS
from milkbone.analysis.clinical.adjusted import ancova, mixed_model
from milkbone.analysis.clinical.between import compare_groups
from milkbone.analysis.clinical.change import percent_change
from milkbone.analysis.clinical.descriptive import describe, normality
from milkbone.analysis.clinical.ordinal import ordinal_categories, ordinal_test
from milkbone.analysis.clinical.posthoc import POST_HOC, tukey_within
from milkbone.analysis.clinical.repeated import mixed_anova, repeated_measures

__all__ = [
    "COLUMNS",
    "POST_HOC",
    "ancova",
    "compare_groups",
    "describe",
    "mixed_anova",
    "mixed_model",
    "normality",
    "ordinal_categories",
    "ordinal_test",
    "percent_change",
    "repeated_measures",
    "tukey_within",
]
