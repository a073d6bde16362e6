"""Tables as the book shows them: a caption with evidence label and source, then HTML.

:func:`table_html` returns what :func:`show_table` displays, so the rules (disclosure
on observed data, p-values to four decimals, blanks as a dash, the paper's names for
measures, headers in words, a scrolling frame for wide tables) can be tested without
a notebook.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import pandas as pd

from milkbone.report.disclosure import BLANK, guard
from milkbone.report.evidence import caption_markdown

__all__ = [
    "HEADERS",
    "P_FLOOR",
    "format_p",
    "format_p_columns",
    "p_text",
    "reader_labels",
    "show_table",
    "table_html",
]

HEADERS = {
    "sd": "SD",
    "n": "n",
    "p": "p",
    "p_gg": "p (Greenhouse–Geisser)",
    "p_unc": "p (uncorrected)",
    "p_bh": "p (Benjamini–Hochberg)",
    "significant_bh": "significant (Benjamini–Hochberg)",
    "ci_low": "CI low",
    "ci_high": "CI high",
    "dof": "dof",
}
"""Column headers spelt out; any other ``snake_case`` header shows with spaces."""

LONG_CELL = re.compile(r"<td>([^<]{60,})</td>")
"""Cells of sixty characters or more: they wrap; every other cell keeps to one line, so a
wide table scrolls instead of squeezing its numbers and names into columns of words."""

P_FLOOR = 1e-4
"""p-values below this are shown as "<0.0001": more digits would be false precision."""


def format_p(p: float) -> str:
    """A p-value as a table shows it: four decimals, or ``<0.0001``.

    Examples
    --------
    >>> [format_p(x) for x in (0.0181, 0.00002, 1.0, float("nan"))]
    ['0.0181', '<0.0001', '1.0000', '–']
    """
    if p != p:  # NaN
        return BLANK
    return f"<{P_FLOOR:.4f}" if p < P_FLOOR else f"{p:.4f}"


def p_text(p: float) -> str:
    """A p-value as prose states it: ``p = 0.0181`` or ``p < 0.0001``, never ``8.8e-10``.

    Examples
    --------
    >>> p_text(8.8e-10), p_text(0.01806)
    ('p < 0.0001', 'p = 0.0181')
    """
    shown = format_p(p)
    return f"p < {shown[1:]}" if shown.startswith("<") else f"p = {shown}"


def format_p_columns(table: pd.DataFrame) -> pd.DataFrame:
    """Copy of ``table`` with its numeric ``p`` and ``p_*`` columns shown by :func:`format_p`.

    Examples
    --------
    >>> format_p_columns(pd.DataFrame({"p": [0.00002], "pinp": [0.00001]}))
             p     pinp
    0  <0.0001  0.00001
    """
    out = table.copy()
    for column in out.columns:
        name = str(column)
        if (name == "p" or name.startswith("p_")) and pd.api.types.is_float_dtype(out[column]):
            out[column] = [format_p(value) for value in out[column].astype(float)]
    return out


def reader_labels(table: pd.DataFrame, labels: dict[str, str] | None = None) -> pd.DataFrame:
    """Copy of ``table`` with measure slugs shown as the paper names them, headers in words.

    Values of ``measure`` columns (``measure``, ``measure_a``, ...) and column headers
    that are measure slugs become the paper's labels (:func:`milkbone.published.measures`);
    other headers lose their underscores, or take their name from :data:`HEADERS`.

    Examples
    --------
    >>> table = pd.DataFrame({"measure": ["l1_4_bmd"], "p_gg": [0.01], "ohd_25": [1.0]})
    >>> reader_labels(table).columns.tolist(), reader_labels(table)["measure"].tolist()
    (['measure', 'p (Greenhouse–Geisser)', '25(OH)D'], ['L1–4 BMD'])
    """
    if labels is None:
        from milkbone import published

        measures = published.measures()
        labels = dict(zip(measures["measure"], measures["label"], strict=True))
    out = table.copy()
    for column in out.columns:
        if str(column).startswith("measure"):
            out[column] = [labels.get(v, v) if isinstance(v, str) else v for v in out[column]]

    def header(name: object) -> object:
        if not isinstance(name, str):
            return name
        return labels.get(name) or HEADERS.get(name) or name.replace("_", " ")

    return out.rename(columns=header)


def table_html(
    table: pd.DataFrame,
    *,
    evidence: str | Iterable[str],
    hide_index: bool = True,
    headers: Mapping[str, str] | None = None,
) -> str:
    """The HTML of ``table`` as the book shows it.

    On ``observed`` data participant-level tables are refused and cells describing
    fewer than five people are blanked (:func:`milkbone.report.disclosure.guard`);
    p-value columns are formatted by :func:`format_p`; missing values show as a dash.

    Examples
    --------
    >>> table = pd.DataFrame({"n": [3, 51], "p": [0.01, 0.5]})
    >>> html = table_html(table, evidence="observed")
    >>> html.count("<td>–</td>"), "<td>0.5000</td>" in html, "0.0100" in html
    (2, True, False)
    >>> "<th>people</th>" in table_html(table, evidence="published", headers={"n": "people"})
    True
    >>> note = pd.DataFrame({"note": ["x" * 60]})
    >>> 'class="milkbone-long"' in table_html(note, evidence="published")
    True
    """
    table = guard(table, evidence=evidence).rename_axis(index=None, columns=None)
    table = format_p_columns(table).rename(columns=dict(headers or {}))
    table = reader_labels(table)
    table = table.astype(object).where(table.notna(), BLANK)  # pd.NA too, not only NaN
    inner = table.to_html(index=not hide_index, border=0, classes="milkbone-table", na_rep=BLANK)
    inner = LONG_CELL.sub(r'<td class="milkbone-long">\1</td>', inner)
    return f'<div class="milkbone-scroll">\n{inner}\n</div>'  # wide tables scroll visibly


def show_table(
    table: pd.DataFrame,
    *,
    caption: str,
    evidence: str | Iterable[str],
    hide_index: bool = True,
    headers: Mapping[str, str] | None = None,
) -> None:
    """Show ``table`` under a caption that opens with its evidence level(s).

    Parameters
    ----------
    table : pandas.DataFrame
        Shown as it is (round and label columns before), except on observed
        participant data: see :func:`table_html`.
    caption : str
        MyST text of the caption; the source notebook is added
        (:func:`milkbone.report.evidence.caption_markdown`).
    evidence : str or iterable of str
        The level, or the levels when columns of different levels sit side by
        side (say which column is which in the caption). For results computed on
        participant data, the cohort's (``cohort.evidence``).
    hide_index : bool, default True
        Hide the row index.
    headers : mapping, optional
        Column headers to show instead of the frame's, applied after the disclosure
        rules (which read the frame's names), e.g. ``{"count_hcm": "HCM, simulated"}``
        to say each column's evidence level in its header.

    Returns
    -------
    None
        The caption (Markdown) and the table (HTML) are displayed, in that order.
    """
    from IPython.display import HTML, Markdown, display

    html = table_html(table, evidence=evidence, hide_index=hide_index, headers=headers)
    display(Markdown(caption_markdown(caption, evidence)))
    display(HTML(html))
