"""What a notebook shows, each piece carrying its evidence level and its source.

- :class:`Numbers` glues numbers for the prose (myst-nb ``{glue:text}``) and records
  each with its evidence level; one per notebook, no module state;
- :func:`save` writes a figure as PNG plus a JSON sidecar, then shows it under a
  caption that opens with its evidence level and ends with its notebook;
- :func:`show_table` shows a table under such a caption, measures named as the paper
  names them, in a frame that scrolls when the table is wide; :func:`p_text` states a
  p-value in prose;
- :func:`producers` reads which package function made a glued number;
- :mod:`~milkbone.report.disclosure` applies the real-data rules wherever the
  evidence level is ``observed``; :mod:`~milkbone.report.suppression` does the
  arithmetic (small cells, complementary cells).
"""

from milkbone.report.disclosure import (
    BLANK,
    COUNT_NAME,
    KEY_NAME,
    MINIMUM_CELL,
    PUBLIC_NAME,
    SIZE_NAME,
    check_figure,
    guard,
    guard_participants,
    guard_value,
    is_observed,
    smallest_arm,
)
from milkbone.report.evidence import (
    BADGE_ROLES,
    EVIDENCE_LABELS,
    NOTEBOOK_VARIABLE,
    badge,
    caption_markdown,
    check_evidence,
    evidence_levels,
    observed_wording,
    source_notebook,
)
from milkbone.report.numbers import GLUE_KEY, Glued, Numbers
from milkbone.report.provenance import producers
from milkbone.report.saving import (
    FIGURE_NAME,
    PARAMETERS_VARIABLE,
    PIXEL_SCALE,
    mark_simulated,
    save,
)
from milkbone.report.suppression import aggregate_only, suppress_small_cells
from milkbone.report.tables import (
    HEADERS,
    P_FLOOR,
    format_p,
    format_p_columns,
    p_text,
    reader_labels,
    show_table,
    table_html,
)

__all__ = [
    "BADGE_ROLES",
    "BLANK",
    "COUNT_NAME",
    "EVIDENCE_LABELS",
    "FIGURE_NAME",
    "GLUE_KEY",
    "HEADERS",
    "KEY_NAME",
    "MINIMUM_CELL",
    "NOTEBOOK_VARIABLE",
    "PARAMETERS_VARIABLE",
    "PIXEL_SCALE",
    "PUBLIC_NAME",
    "P_FLOOR",
    "SIZE_NAME",
    "Glued",
    "Numbers",
    "aggregate_only",
    "badge",
    "caption_markdown",
    "check_evidence",
    "check_figure",
    "evidence_levels",
    "format_p",
    "format_p_columns",
    "guard",
    "guard_participants",
    "guard_value",
    "is_observed",
    "mark_simulated",
    "observed_wording",
    "p_text",
    "producers",
    "reader_labels",
    "save",
    "show_table",
    "smallest_arm",
    "source_notebook",
    "suppress_small_cells",
    "table_html",
]
