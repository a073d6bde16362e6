"""What a notebook shows, each piece carrying its evidence level and its source.

- :class:`Numbers` glues numbers for the prose (myst-nb ``{glue:text}``) and records
  each with its evidence level; one per notebook, no module state;
- :func:`save` writes a figure as PNG plus a JSON sidecar, then shows it under a
  caption that opens with its evidence level and ends with its notebook;
- :func:`show_table` shows a table under such a caption;
- :mod:`~milkbone.report.disclosure` applies the real-data rules wherever the
  evidence level is ``observed``.
"""

from milkbone.report.disclosure import (
    BLANK,
    COUNT_NAME,
    MINIMUM_CELL,
    check_figure,
    guard,
    guard_value,
    is_observed,
)
from milkbone.report.evidence import (
    BADGE_ROLES,
    EVIDENCE_LABELS,
    NOTEBOOK_VARIABLE,
    badge,
    caption_markdown,
    check_evidence,
    evidence_levels,
    source_notebook,
)
from milkbone.report.numbers import GLUE_KEY, Glued, Numbers
from milkbone.report.saving import FIGURE_NAME, PARAMETERS_VARIABLE, mark_simulated, save
from milkbone.report.tables import P_FLOOR, format_p, format_p_columns, show_table, table_html

__all__ = [
    "BADGE_ROLES",
    "BLANK",
    "COUNT_NAME",
    "EVIDENCE_LABELS",
    "FIGURE_NAME",
    "GLUE_KEY",
    "MINIMUM_CELL",
    "NOTEBOOK_VARIABLE",
    "PARAMETERS_VARIABLE",
    "P_FLOOR",
    "Glued",
    "Numbers",
    "badge",
    "caption_markdown",
    "check_evidence",
    "check_figure",
    "evidence_levels",
    "format_p",
    "format_p_columns",
    "guard",
    "guard_value",
    "is_observed",
    "mark_simulated",
    "save",
    "show_table",
    "source_notebook",
    "table_html",
]
